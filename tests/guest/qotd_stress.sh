# SPDX-License-Identifier: GPL-2.0
# qotd_stress.sh: the Quote Of The Day driver under load, in the guest.
#
# Writers and QOTDIOCSSZ callers blocked on the busy buffer interrupted by
# signals (EINTR; statistically on every kernel, and deterministically
# with userfaultfd where the kernel has it), and concurrent readers and
# writers that must never see a torn quote, with no kernel splat
# (the host judges that from the console: scripts/results.py fails
# guest:qotd_stress on a splat printed while it ran).  Leaves
# qotd unloaded.
# Rows are qotd:<name> for the three qotd scripts.
T_PREFIX=qotd
. /ddi/lib.sh

DEV=/devices/pseudo/qotd@0:qotd
MOD=/ddi/modules/qotd.ko
QUOTE="You can't have everything."
fail=0

if ! insmod $MOD || ! loaded qotd || [ ! -c $DEV ]; then
	result qotd:stress-load fail "qotd.ko did not load or $DEV is missing"
	fail=1
	loaded qotd && rmmod qotd
	exit 1
fi
result qotd:stress-load pass

t eintr qotdtest eintr 3
# A deterministic variant where the kernel has userfaultfd (the stock
# kernels; the debug configs leave it out): the busy holder is parked in
# uiomove() on a missing page until the waiters have been signalled.
if [ -e /proc/sys/vm/unprivileged_userfaultfd ]; then
	t eintr-blocked qotdtest eintr-blocked
	t eintr-blocked32 qotdtest32 eintr-blocked
else
	echo "no userfaultfd in this kernel: eintr-blocked not run"
fi
t concurrent qotdtest concurrent 3

t stress-still-works sh -c "[ \"\$(qotdctl -g)\" = 128 ] && \
	[ \"\$(head -c 26 $DEV)\" = \"$QUOTE\" ]"

qotdctl -r
t stress-unload rmmod qotd
if loaded qotd; then
	qotdctl -r
	rmmod qotd
fi
exit $fail
