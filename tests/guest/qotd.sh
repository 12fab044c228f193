# SPDX-License-Identifier: GPL-2.0
# qotd.sh: the Quote Of The Day sample driver (drivers/qotd) in the guest.
#
# Loads qotd.ko, then: reading the default quote, writing it, the buffer
# size with qotdctl and qotdctl32, every errno path of the driver
# (qotdtest), the size_t of both data models, and unloading: refused
# while the quote is changed (the driver keeps working and keeps the
# quote), allowed after qotdctl -r.  Leaves qotd unloaded.
# Rows are qotd:<name> for the three qotd scripts.
T_PREFIX=qotd
. /ddi/lib.sh

DEV=/devices/pseudo/qotd@0:qotd
MOD=/ddi/modules/qotd.ko
QUOTE="You can't have everything."
fail=0

nbytes() { wc -c < $DEV | tr -d ' '; }

# eq WHAT GOT WANT: compare and say what differs.
eq() {
	[ "$2" = "$3" ] && return 0
	echo "$1: got '$2', expected '$3'"
	return 1
}

load() {
	insmod $MOD || return 1
	loaded qotd || { echo "qotd not in /proc/modules"; return 1; }
	[ -c $DEV ] || { echo "no $DEV"; ls -lR /dev/pseudo; return 1; }
}

# errmsg EXPECTED CMD...: CMD must fail with exit 1 and say EXPECTED.
errmsg() {
	want=$1
	shift
	out=$("$@" 2>&1)
	rc=$?
	echo "$* -> exit $rc: $out"
	[ $rc = 1 ] && echo "$out" | grep -q "$want"
}

t load load
if ! loaded qotd; then
	echo "qotd.ko did not load; nothing else can run"
	exit 1
fi
dmesg | grep -i qotd

# --- the quote and its size from the shell, as a Solaris user would ---
t read-default eq "quote" "$(head -c 26 $DEV)" "$QUOTE"
t read-length eq "bytes read" "$(nbytes)" 128
t qotdctl-g eq "qotdctl -g" "$(qotdctl -g)" 128
t qotdctl-g-explicit-device eq "qotdctl -d $DEV -g" "$(qotdctl -d $DEV -g)" 128

printf 'Hello from qotd.sh' > $DEV
t write eq "quote after write" "$(head -c 18 $DEV)" "Hello from qotd.sh"
t write-keeps-rest eq "bytes 19-26" "$(head -c 26 $DEV | tail -c 8)" \
	"${QUOTE#??????????????????}"

t qotdctl-s qotdctl -s 300
t qotdctl-s-size eq "qotdctl -g after -s 300" "$(qotdctl -g)" 300
t qotdctl-s-keeps eq "quote after -s 300" "$(head -c 18 $DEV)" \
	"Hello from qotd.sh"
t qotdctl-s-length eq "bytes read after -s 300" "$(nbytes)" 300
t qotdctl-s-shrink sh -c "qotdctl -s 5 && [ \"\$(cat $DEV)\" = Hello ]"

t qotdctl-s0-einval errmsg "Invalid argument" qotdctl -s 0
t qotdctl-s65537-einval errmsg "Invalid argument" qotdctl -s 65537
t qotdctl-s65536 sh -c "qotdctl -s 65536 && [ \"\$(qotdctl -g)\" = 65536 ]"
t qotdctl-nodev errmsg "No such file" qotdctl -d /devices/pseudo/none -g

t qotdctl-r qotdctl -r
t qotdctl-r-size eq "qotdctl -g after -r" "$(qotdctl -g)" 128
t qotdctl-r-quote eq "quote after -r" "$(head -c 26 $DEV)" "$QUOTE"

# --- 32-bit qotdctl: size_t is 4 bytes, the driver must convert ---
t qotdctl32-g eq "qotdctl32 -g" "$(qotdctl32 -g)" 128
t qotdctl32-s qotdctl32 -s 4000
t qotdctl32-s-seen-by-64 eq "qotdctl -g after qotdctl32 -s 4000" \
	"$(qotdctl -g)" 4000
t qotdctl32-s-length eq "bytes read" "$(nbytes)" 4000
t qotdctl32-g-after-64 eq "qotdctl32 -g after qotdctl -s 4000" \
	"$(qotdctl -s 4001 && qotdctl32 -g)" 4001
t qotdctl32-einval errmsg "Invalid argument" qotdctl32 -s 65537
t qotdctl32-r sh -c "qotdctl32 -r && [ \"\$(qotdctl -g)\" = 128 ]"

# --- every errno path and the data models (see qotdtest.c) ---
for c in rw resize eacces efault enotty einval model; do
	t "test-$c" qotdtest $c
done
for c in eacces efault enotty einval model; do
	t "test32-$c" qotdtest32 $c
done

# --- unloading ---
# ddi_compat detaches an idle instance (autodetach, docs/driver-model.md);
# while detached it holds no reference on the module.  A changed quote
# makes detach(9E) refuse: the instance stays attached, rmmod fails
# (Linux says EAGAIN for a module in use), rem_drv fails with EBUSY, and
# the driver keeps working with the quote intact.
state() { ddi_modinfo qotd | grep -q "instance 0 $1"; }

t idle-detached state detached
# Failed and empty writes store nothing, so the instance can still detach.
t nochange-detached sh -c "qotdtest nochange && ddi_modinfo qotd |
	grep -q 'instance 0 detached'"
dmesg -c > /dev/null
printf 'A quote worth keeping' > $DEV
t changed-stays-attached state attached
t detach-refused-by-driver sh -c \
	"dmesg | grep -q 'qotd0: the quotation has been changed'"
if rmmod qotd 2> /tmp/qotd.rmmod; then
	result qotd:rmmod-refused fail "rmmod succeeded with a changed quote"
	fail=1
	load
else
	echo "rmmod qotd: $(cat /tmp/qotd.rmmod)"
	t rmmod-refused loaded qotd
fi
t rem_drv-refused-ebusy errmsg "Device busy" rem_drv qotd
t refused-still-loaded loaded qotd
t refused-keeps-quote eq "quote after refused unloads" \
	"$(head -c 21 $DEV)" "A quote worth keeping"
t refused-still-works sh -c \
	"qotdctl -s 64 && [ \"\$(qotdctl -g)\" = 64 ]"

# Reset: the instance detaches at the last close and rmmod succeeds.
qotdctl -r
t reset-detached state detached
if rmmod qotd; then
	result qotd:rmmod-after-reset pass
	t unloaded sh -c "! grep -q '^qotd ' /proc/modules"
	t node-removed sh -c "[ ! -e $DEV ]"
else
	result qotd:rmmod-after-reset fail "rmmod failed after qotdctl -r"
	fail=1
fi

# A fresh load starts with the default quote again.
# add_drv/rem_drv, as a porter would.
if loaded qotd || ! add_drv qotd; then
	result qotd:reload fail "qotd could not be loaded again with add_drv"
	fail=1
else
	t reload-default eq "quote after reload" "$(head -c 26 $DEV)" "$QUOTE"
	t reload-rem_drv rem_drv qotd
	t reload-unloaded sh -c "! grep -q '^qotd ' /proc/modules"
fi

# Leave the system clean whatever happened, so ddi_compat can unload.
if loaded qotd; then
	qotdctl -r
	rmmod qotd
fi
exit $fail
