# SPDX-License-Identifier: GPL-2.0
# qotd_fuzz.sh: an ioctl/read/write fuzz loop on the Quote Of The Day
# driver from a 64-bit and a 32-bit process: random commands, sizes, open
# modes, offsets and pointers (NULL, unmapped, PROT_NONE, kernel, across
# the end of a page), 100000 calls each, every result checked against a
# model of the driver, with no kernel splat.  Leaves qotd unloaded.
. /ddi/lib.sh

DEV=/devices/pseudo/qotd@0:qotd
MOD=/ddi/modules/qotd.ko
QUOTE="You can't have everything."
CALLS=${QOTD_FUZZ_CALLS:-100000}
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
	fail fuzz-load "qotd.ko did not load or $DEV is missing"
	loaded && rmmod qotd
	exit 1
fi
pass fuzz-load
before=$(splats | wc -l)

seed=$(date +%s)
t fuzz64 qotdtest fuzz $CALLS $seed
t fuzz32 qotdtest32 fuzz $CALLS $((seed + 1))

t fuzz-still-works sh -c "[ \"\$(qotdctl -g)\" = 128 ] && \
	[ \"\$(head -c 26 $DEV)\" = \"$QUOTE\" ]"
after=$(splats | wc -l)
if [ "$after" -ne "$before" ]; then
	splats
	fail fuzz-no-splat "the kernel logged a splat during the fuzz loop"
else
	pass fuzz-no-splat
fi

qotdctl -r
t fuzz-unload rmmod qotd
if loaded; then
	qotdctl -r
	rmmod qotd
fi
exit $failed
