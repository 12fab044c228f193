# SPDX-License-Identifier: GPL-2.0
# make bench: the sample RAM disk (drivers/ramdisk through ddi_compat's
# block bridge) against the kernel's brd, disks of the same size, in the
# same guest run, with fio (direct=1, libaio):
#   first-write    a fresh (unallocated) disk written whole: 1 MiB
#                  sequential (MiB/s) and 4 KiB random, every block once,
#                  iodepth 32 x one job per vCPU (IOPS)
#   then, on disks preconditioned by a full sequential write, time based:
#   randread/randwrite 4 KiB, iodepth 1, one job             (IOPS)
#   randread/randwrite 4 KiB, iodepth 32, one job per vCPU   (IOPS)
#   read/write 1 MiB sequential, iodepth 1, one job          (MiB/s)
# Each case runs BLK_REPS times per disk, the two disks alternating (and
# which goes first alternating), and reports the medians as
# "bench: {json}" rows; the host computes ratio = ramdisk / brd.  A line
# "blk_bench: ..." per run (throughput and mean latency) stays in the log
# for the analysis (scripts/blk-bench-report.py).
#
# Where the ramdisk driver is not in the guest, the same cases run brd
# against brd (rows named blk:brd-vs-brd:...) to check the plumbing.
. /ddi/lib.sh

MIB=${BLK_MIB:-256}
REPS=${BLK_REPS:-5}
RUNTIME=${BLK_RUNTIME:-2}
RAMP=${BLK_RAMP:-1}
NCPU=$(nproc)
fail=0

if blk_have_ramdisk; then
	KIND=ramdisk
else
	KIND=brd-vs-brd
	echo "blk_bench: no ramdisk driver in this guest: brd against brd"
fi

# fresh: new, unwritten disks A (measured) and B (brd, the baseline).
fresh() {
	rmmod brd 2>/dev/null
	if [ $KIND = ramdisk ]; then
		[ -n "${A:-}" ] && ramdisk_del bench
		A=$(ramdisk_new bench $MIB) || return 1
		brd_load 1 $MIB || return 1
		B=/dev/ram0
	else
		brd_load 2 $MIB || return 1
		A=/dev/ram1
		B=/dev/ram0
	fi
}

# fio_run DEV ARGS...: one fio run, its terse (v3) line on stdout.
fio_run() {
	dev=$1
	shift
	fio --name=bench --filename="$dev" --direct=1 --ioengine=libaio \
		--group_reporting --minimal --randrepeat=0 "$@" 2>/tmp/fio.err |
		tail -1
}

# measure CASE WHICH DEV ARGS...: run fio on DEV, append "CASE WHICH value"
# to /tmp/blk_bench.vals; WHICH is A or B.  The value is IOPS for the
# 4 KiB cases, MiB/s for the others (read or write side as ARGS say).
measure() {
	c=$1 which=$2 dev=$3
	shift 3
	line=$(fio_run "$dev" "$@")
	err=$(echo "$line" | cut -d';' -f5)
	if [ -z "$line" ] || [ "$err" != 0 ]; then
		echo "blk_bench: $c on $dev failed (error ${err:-none})"
		cat /tmp/fio.err
		fail=1
		return 1
	fi
	case "$*" in
	*--rw=randread*|*--rw=read*) iops=8 bw=7 lat=40 ;;
	*) iops=49 bw=48 lat=81 ;;
	esac
	v_iops=$(echo "$line" | cut -d';' -f$iops)
	v_bw=$(echo "$line" | cut -d';' -f$bw)
	v_lat=$(echo "$line" | cut -d';' -f$lat)
	case $c in
	*4k*) v=$v_iops ;;
	*) v=$(awk -v k="$v_bw" 'BEGIN { printf "%.3f", k / 1024 }') ;;
	esac
	echo "blk_bench: $c $which $dev iops=$v_iops bw_kib=$v_bw lat_us=$v_lat"
	echo "$c $which $v" >>/tmp/blk_bench.vals
}

# median CASE WHICH: the median of CASE's values for WHICH.
median() {
	awk -v c="$1" -v w="$2" '$1 == c && $2 == w { print $3 }' \
		/tmp/blk_bench.vals | sort -g |
		awk '{ v[NR] = $1 } END { if (NR) print v[int((NR + 1) / 2)] }'
}

report() {	# report CASE UNIT
	a=$(median "$1" A)
	b=$(median "$1" B)
	if [ -z "$a" ] || [ -z "$b" ]; then
		fail=1
		return
	fi
	if [ $KIND = ramdisk ]; then
		name="blk:ramdisk:$1" base="brd:$1"
	else
		name="blk:brd-vs-brd:$1" base="brd:$1"
	fi
	printf 'bench: {"name": "%s", "value": %s, "unit": "%s", "baseline": "%s", "baseline_value": %s}\n' \
		"$name" "$a" "$2" "$base" "$b"
}

# pair CASE ARGS...: CASE on A and B, REPS times, the order alternating.
pair() {
	c=$1
	shift
	r=0
	while [ $r -lt "$REPS" ]; do
		if [ $((r % 2)) = 0 ]; then
			measure "$c" A "$A" "$@"
			measure "$c" B "$B" "$@"
		else
			measure "$c" B "$B" "$@"
			measure "$c" A "$A" "$@"
		fi
		r=$((r + 1))
	done
}

: >/tmp/blk_bench.vals
seqw="--rw=write --bs=1M --iodepth=1"
randw="--rw=randwrite --bs=4k --iodepth=32 --numjobs=$NCPU"
# First writes: fresh disks each round, every block written once (the
# random case splits the disk between the jobs so no block is written
# twice).
r=0
while [ $r -lt "$REPS" ]; do
	fresh || { echo "blk_bench: cannot make the disks"; exit 1; }
	measure first-write-seq-1m A "$A" $seqw
	measure first-write-seq-1m B "$B" $seqw
	fresh || exit 1
	part=$((MIB / NCPU))M
	measure first-write-randwrite-4k-qd32 B "$B" $randw \
		--size=$part --offset_increment=$part
	measure first-write-randwrite-4k-qd32 A "$A" $randw \
		--size=$part --offset_increment=$part
	r=$((r + 1))
done

# Preconditioning: both disks written whole, sequentially.
fio_run "$A" $seqw >/dev/null && fio_run "$B" $seqw >/dev/null ||
	{ echo "blk_bench: preconditioning failed"; exit 1; }

tb="--time_based --runtime=$RUNTIME --ramp_time=$RAMP --norandommap"
pair randread-4k-qd1 $tb --rw=randread --bs=4k --iodepth=1
pair randwrite-4k-qd1 $tb --rw=randwrite --bs=4k --iodepth=1
pair randread-4k-qd32-j$NCPU $tb --rw=randread --bs=4k --iodepth=32 --numjobs=$NCPU
pair randwrite-4k-qd32-j$NCPU $tb --rw=randwrite --bs=4k --iodepth=32 --numjobs=$NCPU
pair read-1m $tb --rw=read --bs=1M --iodepth=1
pair write-1m $tb --rw=write --bs=1M --iodepth=1

report randread-4k-qd1 IOPS
report randwrite-4k-qd1 IOPS
report randread-4k-qd32-j$NCPU IOPS
report randwrite-4k-qd32-j$NCPU IOPS
report read-1m MiB/s
report write-1m MiB/s
report first-write-seq-1m MiB/s
report first-write-randwrite-4k-qd32 IOPS

rmmod brd || fail=1
if [ $KIND = ramdisk ]; then
	ramdisk_del bench || fail=1
	rem_drv ramdisk || fail=1
fi
exit $fail
