# SPDX-License-Identifier: GPL-2.0
# The sample RAM disk (drivers/ramdisk): disks from ramdisk.conf with
# their sizes, disks made and destroyed at run time by ramdiskadm (64- and
# 32-bit), data through the block and raw nodes, I/O past the end refused
# with nothing else touched, bad ioctls refused, busy disks kept, and
# detach refused while a disk needs the instance.
. /ddi/lib.sh
fail=0
D=/devices/pseudo/ramdisk@0
T=/tmp/ramdisk.$$
mkdir -p $T

# has_size NAME BYTES: every way of asking says BYTES.
has_size() {
	[ -b $D:$1 ] && [ -c $D:$1,raw ] &&
	[ "$(blockdev --getsize64 $D:$1)" = "$2" ] &&
	[ "$(cat /sys/block/ramdisk0_$1/size)" = $(($2 / 512)) ] &&
	[ "$(cat /sys/block/ramdisk0_$1/ddi_path)" = "pseudo/ramdisk@0:$1" ] &&
	[ "$(rdtest minfo $D:$1,raw)" = "size $2 512 $(($2 / 512)) canfree 1 wce 0" ] &&
	[ "$(rdtest minfo $D:$1)" = "size $2 512 $(($2 / 512)) canfree 1 wce 0" ] &&
	ramdiskadm | grep -q "^$D:$1 *$2 "
}

add_drv ramdisk >/dev/null || { result ramdisk:add_drv fail; exit 1; }
t ctl-node test -c $D:ctl

# Disks from ramdisk.conf.
t conf-alpha has_size alpha 8388608
t conf-beta has_size beta 1572864
t conf-flag sh -c "ramdiskadm | grep '^$D:alpha ' | grep -q ' conf '"
t conf-unwritten-zero [ "$(dev_sum $D:alpha 0 8388608)" = "$(zero_sum 8388608)" ]
t conf-nothing-allocated [ "$(rd_stat extents_used)" = 0 ]
t conf-reserved [ "$(rd_stat reserved)" = $((8388608 + 1572864)) ]

# Data through the block node, read back through the raw node and back.
dd if=/dev/urandom of=$T/pat bs=65536 count=8 2>/dev/null
p=$(md5sum < $T/pat | cut -d' ' -f1)
t block-write dd if=$T/pat of=$D:alpha bs=65536 seek=3 conv=fsync 2>/dev/null
t raw-reads-block-write [ "$(dev_sum $D:alpha,raw $((3 * 65536)) 524288)" = "$p" ]
t raw-write dd if=$T/pat of=$D:beta,raw bs=4096 seek=1 2>/dev/null
blockdev --flushbufs $D:beta
t block-reads-raw-write [ "$(dev_sum $D:beta 4096 524288)" = "$p" ]
t block-around-zero [ "$(dev_sum $D:beta 0 4096)" = "$(zero_sum 4096)" ]
t extents-allocated [ "$(rd_stat extents_used)" = $((8 + 9)) ]

# Disks made at run time.
t create-prints-path [ "$(ramdiskadm -a gamma 4m)" = "$D:gamma" ]
t create-gamma has_size gamma 4194304
t runtime-not-conf sh -c "! ramdiskadm | grep '^$D:gamma ' | grep -q conf"
t create-blocks [ "$(ramdiskadm -a delta 2048b)" = "$D:delta" ]
t create-delta has_size delta 1048576
t delete-delta ramdiskadm -d delta
t delta-gone sh -c "[ ! -e $D:delta ] && [ ! -e $D:delta,raw ] &&
	[ ! -e /sys/block/ramdisk0_delta ] && ! ramdiskadm | grep -q delta"
t create-again ramdiskadm -a delta 3m
t delta-again has_size delta 3145728
t delta-again-zero [ "$(dev_sum $D:delta 0 3145728)" = "$(zero_sum 3145728)" ]
t delete-again ramdiskadm -d delta
# A name too long for a Linux disk name gets ramdisk0_m<minor>.
long=abcdefghijklmnopqrstuvwxyz01234
t create-long-name [ "$(ramdiskadm -a $long 1m)" = "$D:$long" ]
t long-name-linux sh -c "ramdiskadm | grep '^$D:$long ' | grep -q ' ramdisk0_m[0-9]*\$'"
t long-name-size [ "$(blockdev --getsize64 $D:$long)" = 1048576 ]
t delete-long-name ramdiskadm -d $long
t create-name-too-long sh -c "! ramdiskadm -a ${long}5 1m 2>/dev/null"
t create-bad-size sh -c "! ramdiskadm -a bad 1000 2>/dev/null"
t create-duplicate sh -c "! ramdiskadm -a gamma 1m 2>/dev/null"
t delete-unknown sh -c "! ramdiskadm -d nosuch 2>/dev/null"
t list-unchanged sh -c "[ \$(ramdiskadm | grep -c '^/') = 3 ]"

# I/O past the end of gamma (4 MiB) is refused and touches nothing.
dd if=/dev/urandom of=$D:gamma,raw bs=65536 count=64 2>/dev/null
ga=$(dev_sum $D:gamma,raw 0 4194304)
al=$(dev_sum $D:alpha,raw 0 8388608)
be=$(dev_sum $D:beta,raw 0 1572864)
t raw-write-at-end-refused sh -c "! dd if=$T/pat of=$D:gamma,raw bs=512 seek=8192 count=1 2>/dev/null"
t raw-write-across-end-refused sh -c "! dd if=$T/pat of=$D:gamma,raw bs=1024 oflag=seek_bytes seek=$((4194304 - 512)) count=1 2>/dev/null"
t raw-write-far-refused sh -c "! dd if=$T/pat of=$D:gamma,raw bs=512 seek=100000 count=1 2>/dev/null"
t raw-read-at-end-eof [ "$(dd if=$D:gamma,raw bs=512 skip=8192 count=1 2>/dev/null | wc -c)" = 0 ]
t raw-read-across-end-short [ "$(dd if=$D:gamma,raw bs=1024 iflag=skip_bytes skip=$((4194304 - 512)) count=1 2>/dev/null | wc -c)" = 512 ]
t raw-read-far-refused sh -c "! dd if=$D:gamma,raw of=/dev/null bs=512 skip=100000 count=1 2>/dev/null"
t raw-unaligned-refused sh -c "! dd if=$D:gamma,raw of=/dev/null bs=100 count=1 2>/dev/null"
t block-write-at-end-refused sh -c "! dd if=$T/pat of=$D:gamma bs=512 seek=8192 count=1 conv=fsync 2>/dev/null"
t block-read-at-end-eof [ "$(dd if=$D:gamma bs=512 skip=8192 count=1 2>/dev/null | wc -c)" = 0 ]
blockdev --flushbufs $D:gamma
t past-end-gamma-unchanged [ "$(dev_sum $D:gamma,raw 0 4194304)" = "$ga" ]
t past-end-alpha-unchanged [ "$(dev_sum $D:alpha,raw 0 8388608)" = "$al" ]
t past-end-beta-unchanged [ "$(dev_sum $D:beta,raw 0 1572864)" = "$be" ]

# Bad ioctls, from 64-bit and 32-bit processes.
rdtest bad gamma > $T/bad64
t bad-ioctls-64 [ $? = 0 ]
grep FAIL $T/bad64
rdtest32 bad gamma > $T/bad32
t bad-ioctls-32 [ $? = 0 ]
grep FAIL $T/bad32
t bad-ioctls-unchanged [ "$(dev_sum $D:gamma,raw 0 4194304)" = "$ga" ]

# ramdiskadm, 32-bit.
t create-32 [ "$(ramdiskadm32 -a e32 1m)" = "$D:e32" ]
t size-32 has_size e32 1048576
t list-32 sh -c "ramdiskadm32 | grep -q '^$D:e32 *1048576 '"
t stats-32 [ "$(ramdiskadm32 -s | sed -n 's/^extent_size //p')" = 65536 ]
t delete-32 ramdiskadm32 -d e32
t gone-32 sh -c "! ramdiskadm | grep -q e32"

# A disk in use cannot be deleted.
exec 3<$D:gamma
t delete-open-block-busy sh -c "ramdiskadm -d gamma 2>&1 | grep -q busy"
t open-flag sh -c "ramdiskadm | grep '^$D:gamma ' | grep -q blk"
exec 3<&-
exec 3<$D:gamma,raw
t delete-open-raw-busy sh -c "! ramdiskadm -d gamma 2>/dev/null"
exec 3<&-
t busy-gamma-intact [ "$(dev_sum $D:gamma,raw 0 4194304)" = "$ga" ]

# Detach (rem_drv) is refused while a run-time disk exists, or a
# .conf disk holds data; the driver keeps working.
t rem_drv-refused-runtime-disk sh -c "! rem_drv ramdisk 2>/dev/null"
t still-working [ "$(dev_sum $D:gamma,raw 0 4194304)" = "$ga" ]
t delete-gamma ramdiskadm -d gamma
t rem_drv-refused-conf-data sh -c "! rem_drv ramdisk 2>/dev/null"
t discard-alpha blkdiscard $D:alpha
t discard-beta blkdiscard $D:beta
t all-free [ "$(rd_stat extents_used)" = 0 ]
t pool-returned [ "$(rd_stat pool_bytes)" = 0 ]
t rem_drv rem_drv ramdisk
t nodes-gone sh -c "[ ! -e $D:ctl ] && [ ! -e $D:alpha ] && [ ! -e /sys/block/ramdisk0_alpha ]"
rm -rf $T
exit $fail
