# SPDX-License-Identifier: GPL-2.0
# prtconf: the device tree and the properties drivers set.  The ringbuf
# sample driver updates "ring-size" (an int, for its minor's dev_t) and
# "ring-label" (a string) in attach(9E) and removes them in detach(9E);
# prtconf -v shows them under "Driver properties" while an instance is
# attached, before the .conf's "System properties", and not once it has
# detached.
. /ddi/lib.sh
fail=0
dev0=/devices/pseudo/ringbuf@0:ringbuf
I2="        "
I4="$I2$I2"

add_drv ringbuf >/dev/null || { result prtconf:add_drv fail; exit 1; }
major=$(awk '$2 == "ringbuf" { print $1; exit }' /proc/devices)

# has PATTERN [OPTS]: prtconf [OPTS] has a line matching PATTERN exactly.
has() {
	prtconf $2 | grep -qxF "$1"
}
# sec INSTANCE: prtconf -v from that ringbuf node to the next node.
sec() {
	prtconf -v | awk -v n="ringbuf, instance #$1" '
		index($0, n) { on = 1; print; next }
		on && /, instance #/ { exit }
		on'
}
# sec_has INSTANCE LINE: that section has LINE exactly.
sec_has() {
	sec "$1" | grep -qxF "$2"
}
# sec_value INSTANCE PROP LINE: the line after PROP's name line is LINE.
sec_value() {
	[ "$(sec "$1" | awk -v p="name='$2'" 'f { print; exit }
		index($0, p) { f = 1 }')" = "$3" ]
}
# first_section INSTANCE: which properties section comes first.
first_section() {
	sec "$1" | grep -m1 'properties:' | sed 's/^ *//'
}
not() { ! "$@"; }

t tree-root has "$(uname -m), instance #0"
t tree-pseudo has "    pseudo, instance #0"
t tree-ringbuf-0 has "${I2}ringbuf, instance #0 (driver not attached)"
t tree-ringbuf-1 has "${I2}ringbuf, instance #1 (driver not attached)"
t plain-has-no-props not sh -c 'prtconf | grep -q "name="'

# Detached at load (autodetach): only the .conf's properties.
t detached-no-driver-props not sec_has 0 "${I2}    Driver properties:"
t conf-prop sec_has 0 "${I4}name='ringbuf-size' type=int items=1 dev=none"
t conf-value sec_value 0 ringbuf-size "${I4}    value=00001000"

# Held open: attached, with the properties its attach(9E) set.
exec 3<$dev0
t attached has "${I2}ringbuf, instance #0"
t driver-header sec_has 0 "${I2}    Driver properties:"
t driver-int sec_has 0 "${I4}name='ring-size' type=int items=1 dev=($major,0)"
t driver-int-value sec_value 0 ring-size "${I4}    value=00001000"
t driver-string sec_has 0 "${I4}name='ring-label' type=string items=1 dev=none"
t driver-string-value sec_value 0 ring-label "${I4}    value='first ring'"
t driver-before-system [ "$(first_section 0)" = "Driver properties:" ]
t other-instance-untouched not sec_has 1 "${I2}    Driver properties:"
exec 3<&-

# Detached again at the last close: the properties went with it.
t gone-after-detach not sec_has 0 "${I2}    Driver properties:"
t rem_drv rem_drv ringbuf
t gone-after-unload not sh -c 'prtconf | grep -q ringbuf'
exit $fail
