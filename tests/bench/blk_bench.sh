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
# The RAM disk is measured on both block bridges: A on the bio-based one
# (the default), M on blk-mq (BLK_BRIDGES="bio mq" says which; rows
# blk:ramdisk:CASE and blk:ramdisk-mq:CASE).  Each case runs BLK_REPS
# times per disk, the disks taking turns (which goes first rotating), and
# reports the medians as "bench: {json}" rows, with the spread (min,
# median, max) of the per-round ratio ramdisk / brd; the host computes
# ratio = ramdisk / brd from the medians.  A line "blk_bench: ..." per
# run (throughput and mean latency) stays in the log for the analysis
# (scripts/blk-bench-report.py).
#
# Where the ramdisk driver is not in the guest, the same cases run brd
# against brd (rows named blk:brd-vs-brd:...) to check the plumbing.
. /ddi/lib.sh

MIB=${BLK_MIB:-256}
REPS=${BLK_REPS:-5}
RUNTIME=${BLK_RUNTIME:-2}
RAMP=${BLK_RAMP:-1}
BRIDGES=${BLK_BRIDGES:-bio mq}
NCPU=$(nproc)
fail=0

if blk_have_ramdisk; then
	KIND=ramdisk
else
	KIND=brd-vs-brd
	echo "blk_bench: no ramdisk driver in this guest: brd against brd"
fi

# fresh: new, unwritten disks: A (the RAM disk, bio-based bridge), M
# (the RAM disk, blk-mq bridge), B (brd, the baseline); WHICH lists those
# measured, the baseline last.
fresh() {
	rmmod brd 2>/dev/null
	if [ $KIND = ramdisk ]; then
		WHICH=
		[ -n "${A:-}" ] && ramdisk_del bench
		[ -n "${M:-}" ] && ramdisk_del benchmq
		A= M=
		for b in $BRIDGES; do
			case $b in
			bio) A=$(DDI_BLK_BRIDGE=bio ramdisk_new bench $MIB) ||
				return 1
			     WHICH="$WHICH A" ;;
			mq) M=$(DDI_BLK_BRIDGE=mq ramdisk_new benchmq $MIB) ||
				return 1
			    WHICH="$WHICH M" ;;
			esac
		done
		DDI_BLK_BRIDGE=bio blk_bridge_set
		brd_load 1 $MIB || return 1
		B=/dev/ram0
	else
		brd_load 2 $MIB || return 1
		A=/dev/ram1
		B=/dev/ram0
		WHICH=A
	fi
	WHICH="$WHICH B"
}

# dev_of WHICH: the disk A, M or B.
dev_of() {
	case $1 in A) echo "$A" ;; M) echo "$M" ;; B) echo "$B" ;; esac
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
# to /tmp/blk_bench.vals; WHICH is A, M or B.  The value is IOPS for the
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

# spread CASE WHICH: min, median and max of the per-round ratios WHICH /
# B of CASE (the n-th run of one against the n-th of the other).
spread() {
	awk -v c="$1" -v w="$2" '$1 == c && $2 == w { a[na++] = $3 }
		$1 == c && $2 == "B" { b[nb++] = $3 }
		END { for (i = 0; i < na && i < nb; i++)
			if (b[i] > 0) printf "%.4f\n", a[i] / b[i] }' \
		/tmp/blk_bench.vals | sort -g |
		awk '{ v[NR] = $1 } END { if (NR) printf "%s %s %s", v[1],
			v[int((NR + 1) / 2)], v[NR] }'
}

report() {	# report CASE UNIT
	for w in $WHICH; do
		[ $w = B ] && continue
		a=$(median "$1" $w)
		b=$(median "$1" B)
		if [ -z "$a" ] || [ -z "$b" ]; then
			fail=1
			continue
		fi
		sp=$(spread "$1" $w)
		set -- "$1" "$2" ${sp:-0 0 0}
		if [ $KIND != ramdisk ]; then
			name="blk:brd-vs-brd:$1"
		elif [ $w = M ]; then
			name="blk:ramdisk-mq:$1"
		else
			name="blk:ramdisk:$1"
		fi
		printf 'bench: {"name": "%s", "value": %s, "unit": "%s", "baseline": "%s", "baseline_value": %s, "ratio_min": %s, "ratio_med": %s, "ratio_max": %s}\n' \
			"$name" "$a" "$2" "brd:$1" "$b" "$3" "$4" "$5"
		set -- "$1" "$2"
	done
}

# pair CASE ARGS...: CASE on every disk, REPS times, which goes first
# rotating.
pair() {
	c=$1
	shift
	r=0
	while [ $r -lt "$REPS" ]; do
		order=$(echo $WHICH | awk -v r=$r '{ for (i = 0; i < NF; i++)
			printf "%s ", $((i + r) % NF + 1) }')
		for w in $order; do
			measure "$c" $w "$(dev_of $w)" "$@"
		done
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
	for w in $WHICH; do
		measure first-write-seq-1m $w "$(dev_of $w)" $seqw
	done
	fresh || exit 1
	part=$((MIB / NCPU))M
	for w in $(echo $WHICH | awk '{ for (i = NF; i > 0; i--) printf "%s ", $i }'); do
		measure first-write-randwrite-4k-qd32 $w "$(dev_of $w)" $randw \
			--size=$part --offset_increment=$part
	done
	r=$((r + 1))
done

# Preconditioning: every disk written whole, sequentially.
for w in $WHICH; do
	fio_run "$(dev_of $w)" $seqw >/dev/null ||
		{ echo "blk_bench: preconditioning failed"; exit 1; }
done

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
	[ -n "$A" ] && { ramdisk_del bench || fail=1; }
	[ -n "$M" ] && { ramdisk_del benchmq || fail=1; }
	rem_drv ramdisk || fail=1
fi
exit $fail
