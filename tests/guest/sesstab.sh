# SPDX-License-Identifier: GPL-2.0
# The sesstab sample driver (drivers/sesstab): clone opens take IDs from an
# ID space, sessions live in an AVL tree and a list, timeouts reach them
# through a soft interrupt and a task queue; the 64- and 32-bit self-checks
# (sesctl check), its kstat and the property it sets at attach.
. /ddi/lib.sh
fail=0
dev=/devices/pseudo/sesstab@0:sesstab

# ks STAT: the value of one of the driver's kstats.
ks() {
	kstat -p -m sesstab -i 0 -n sessions -s "$1" | cut -f2
}

add_drv sesstab || { result sesstab:add_drv fail; exit 1; }
t node test -c $dev
# A session held open keeps the instance attached (its kstat and
# properties live while it is).
exec 3<$dev
t info sh -c "sesctl info | grep -q '^id [0-9][0-9]* pid [0-9]* fires 0 armed 0\$'"
t check-64 sh -c 'sesctl check >/tmp/ses.log || { cat /tmp/ses.log; exit 1; }'
t check-32 sh -c 'sesctl32 -n 20 check >/tmp/ses.log || { cat /tmp/ses.log; exit 1; }'
t check-many sh -c 'sesctl -n 200 check >/tmp/ses.log || { cat /tmp/ses.log; exit 1; }'
t kstat-listed sh -c "kstat -p -m sesstab | grep -q '^sesstab:0:sessions:class	misc\$'"
t kstat-active-1 [ "$(ks active)" = 1 ]
t kstat-opens-closes [ "$(ks opens)" = $(($(ks closes) + 1)) ]
# check: 40 + 1 + 8 sessions, 40 timeouts; 32-bit 20 + 1 + 8, 20; 200...
t kstat-timeouts [ "$(ks timeouts)" -ge 260 ]
t kstat-tasks [ "$(ks tasks)" = "$(ks timeouts)" ]
t kstat-softints [ "$(ks softints)" -ge 1 ]
# prtconf -v shows the property attach(9E) set (ints in hex).
t prtconf-prop sh -c "prtconf -v | grep -A1 \"name='session-limit' type=int\" | grep -q 'value=00001000'"
exec 3<&-
t rem_drv rem_drv sesstab
t kstat-gone sh -c '! kstat -p -m sesstab >/dev/null 2>&1'
exit $fail
