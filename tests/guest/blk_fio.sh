# SPDX-License-Identifier: GPL-2.0
# fio verify=crc32c over a whole disk of the sample RAM disk driver: four
# jobs, each writing its quarter of the disk at random offsets (every
# block once) and reading it back; then the same blocks verified again by
# a second fio run (the data outlived the writers), at two block sizes
# and with two I/O engines.
. /ddi/lib.sh
fail=0
# 32 MiB on the stock kernels; 16 MiB under KASAN and lockdep, where the
# 32 MiB runs took 80 s idle and past 300 s on a busy host (issue 11).
MIB=32
ddi_debug_kernel && MIB=16
# On the second bridge (tests/guest/blk_mq.sh) half the disk: half the
# time; never below 16 MiB (fio prints smaller totals in KiB).
[ -n "${BLK_TEST_HALF:-}" ] && [ "$MIB" -gt 16 ] && MIB=$((MIB / 2))

blk_disk fio $MIB || { result blk_fio:disk fail; exit 1; }
t size [ "$(blockdev --getsize64 "$DISK")" = $((MIB << 20)) ]
quarter=$((MIB / 4))M

# run NAME ARGS...: one fio run over the whole disk; it must end without
# an error and have moved the whole disk (io=32.0MiB) each way it says.
run() {
	name=$1
	shift
	out=/tmp/fio-$name.txt
	fio --name="$name" --filename="$DISK" --direct=1 --numjobs=4 --thread \
		--size=$quarter --offset_increment=$quarter \
		--verify=crc32c --verify_fatal=1 --verify_state_save=0 \
		--group_reporting "$@" >"$out" 2>&1
	rc=$?
	grep -E 'err=|READ:|WRITE:|verify:|bad' "$out" | head -8
	[ $rc = 0 ] || { echo "fio $name: exit $rc"; head -20 "$out"; return 1; }
	grep -q "err= 0" "$out" || { echo "fio $name: a job failed"; return 1; }
	grep -Eq 'verify: bad|verify failed|bad magic' "$out" &&
		{ echo "fio $name: verify errors"; return 1; }
	return 0
}
# moved WAY NAME: fio NAME moved the whole disk in direction WAY.
moved() {
	grep "^ *$1:" "/tmp/fio-$2.txt" | grep -q "io=$MIB.0MiB"
}

w4k="--rw=randwrite --bs=4k --ioengine=libaio --iodepth=16"
t randwrite-4k-libaio run rw4k $w4k
t randwrite-4k-wrote-all moved WRITE rw4k
t randwrite-4k-read-all moved READ rw4k
t reverify-4k run rw4k $w4k --verify_only
t reverify-4k-read-all moved READ rw4k

w64k="--rw=randwrite --bs=64k --ioengine=psync"
t randwrite-64k-psync run rw64k $w64k
t randwrite-64k-wrote-all moved WRITE rw64k
t reverify-64k run rw64k $w64k --verify_only
# The 4 KiB pattern is gone: verifying it now must fail, and for that
# reason (the checks bite).
stale() {
	! run stale $w4k --verify_only >/dev/null &&
		grep -Eq 'verify: bad|verify failed|bad magic' /tmp/fio-stale.txt
}
t stale-pattern-detected stale

t free blk_disk_free
exit $fail
