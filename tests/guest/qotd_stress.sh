# SPDX-License-Identifier: GPL-2.0
# qotd_stress.sh: the Quote Of The Day driver under load, in the guest.
#
# Writers and QOTDIOCSSZ callers blocked on the busy buffer interrupted by
# signals (EINTR), and concurrent readers and writers that must never see
# a torn quote, with no kernel splat.  Leaves qotd unloaded.
. /ddi/lib.sh

DEV=/devices/pseudo/qotd@0:qotd
MOD=/ddi/modules/qotd.ko
QUOTE="You can't have everything."
failed=0

pass() { result "qotd:$1" pass; }
fail() { result "qotd:$1" fail "$2"; failed=1; }

t() {
	n=$1
	shift
	if "$@"; then pass "$n"; else fail "$n" "exit $?"; fi
}

loaded() { grep -q '^qotd ' /proc/modules; }

splats() {
	dmesg | grep -E 'BUG:|WARNING:|KASAN:|UBSAN:|Oops|Call Trace:|'\
'sleeping function called|lockdep|refcount_t:|list_(add|del) corruption'
}

if ! insmod $MOD || ! loaded || [ ! -c $DEV ]; then
	fail stress-load "qotd.ko did not load or $DEV is missing"
	loaded && rmmod qotd
	exit 1
fi
pass stress-load
before=$(splats | wc -l)

t eintr qotdtest eintr 3
t concurrent qotdtest concurrent 3

t stress-still-works sh -c "[ \"\$(qotdctl -g)\" = 128 ] && \
	[ \"\$(head -c 26 $DEV)\" = \"$QUOTE\" ]"
after=$(splats | wc -l)
if [ "$after" -ne "$before" ]; then
	splats
	fail stress-no-splat "the kernel logged a splat during the stress tests"
else
	pass stress-no-splat
fi

qotdctl -r
t stress-unload rmmod qotd
if loaded; then
	qotdctl -r
	rmmod qotd
fi
exit $failed
