# SPDX-License-Identifier: GPL-2.0
# qotd_fuzz.sh: an ioctl/read/write fuzz loop on the Quote Of The Day
# driver from a 64-bit and a 32-bit process: random commands, sizes, open
# modes, offsets and pointers (NULL, unmapped, PROT_NONE, kernel, across
# the end of a page), 100000 calls each, every result checked against a
# model of the driver, with no kernel splat
# (the host judges that from the console: scripts/results.py fails
# guest:qotd_fuzz on a splat printed while it ran).  Leaves qotd unloaded.
# Rows are qotd:<name> for the three qotd scripts.
T_PREFIX=qotd
. /ddi/lib.sh

DEV=/devices/pseudo/qotd@0:qotd
MOD=/ddi/modules/qotd.ko
QUOTE="You can't have everything."
CALLS=${QOTD_FUZZ_CALLS:-100000}
fail=0

if ! insmod $MOD || ! loaded qotd || [ ! -c $DEV ]; then
	result qotd:fuzz-load fail "qotd.ko did not load or $DEV is missing"
	fail=1
	loaded qotd && rmmod qotd
	exit 1
fi
result qotd:fuzz-load pass

seed=$(date +%s)
t fuzz64 qotdtest fuzz $CALLS $seed
t fuzz32 qotdtest32 fuzz $CALLS $((seed + 1))

t fuzz-still-works sh -c "[ \"\$(qotdctl -g)\" = 128 ] && \
	[ \"\$(head -c 26 $DEV)\" = \"$QUOTE\" ]"

qotdctl -r
t fuzz-unload rmmod qotd
if loaded qotd; then
	qotdctl -r
	rmmod qotd
fi
exit $fail
