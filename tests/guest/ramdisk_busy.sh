# SPDX-License-Identifier: GPL-2.0
# The sample RAM disk (drivers/ramdisk): disks are created, used and
# destroyed at run time while another disk is busy with I/O (dd through
# its block and raw nodes); the busy disk cannot be deleted while open,
# and its data and the new disks' data are right.
. /ddi/lib.sh
fail=0
D=/devices/pseudo/ramdisk@0
T=/tmp/ramdisk_busy.$$
mkdir -p $T

add_drv ramdisk >/dev/null || { result ramdisk_busy:add_drv fail; exit 1; }
t create-busy ramdiskadm -a busy 8m
dd if=/dev/urandom of=$T/pat bs=65536 count=16 2>/dev/null
p=$(md5sum < $T/pat | cut -d' ' -f1)

# The load: 1 MiB pieces written through the block node and read back
# through the raw node, over and over, until $T/stop appears.
(
	i=0
	while [ ! -f $T/stop ]; do
		s=$((i % 8))
		dd if=$T/pat of=$D:busy bs=65536 seek=$((s * 16)) conv=fsync \
			2>/dev/null || echo "write $i" >> $T/errors
		[ "$(dev_sum $D:busy,raw $((s * 1048576)) 1048576)" = "$p" ] ||
			echo "read $i" >> $T/errors
		i=$((i + 1))
	done
	echo $i > $T/rounds
) &
load=$!
exec 3<$D:busy

i=0
ok=0
while [ $i -lt 8 ]; do
	n=tmp$i
	if [ "$(ramdiskadm -a $n $((i + 1))m)" = "$D:$n" ] &&
	    [ "$(blockdev --getsize64 $D:$n)" = $(((i + 1) * 1048576)) ] &&
	    dd if=$T/pat of=$D:$n,raw bs=65536 count=16 2>/dev/null &&
	    [ "$(dev_sum $D:$n 0 1048576)" = "$p" ] &&
	    ! ramdiskadm -d busy 2>/dev/null &&
	    ramdiskadm -d $n && [ ! -e $D:$n ]; then
		ok=$((ok + 1))
	fi
	i=$((i + 1))
done
t create-use-destroy-while-busy [ $ok = 8 ]

# Several at once, destroyed in another order.
for n in x1 x2 x3; do ramdiskadm -a $n 2m >/dev/null; done
t three-listed [ "$(ramdiskadm | grep -c "^$D:x")" = 3 ]
for n in x2 x1 x3; do ramdiskadm -d $n; done
t three-gone [ "$(ramdiskadm | grep -c "^$D:x")" = 0 ]

touch $T/stop
wait $load
t load-ran [ "$(cat $T/rounds 2>/dev/null || echo 0)" -gt 0 ]
t load-no-errors [ ! -s $T/errors ]
[ -s $T/errors ] && head $T/errors
t busy-while-open sh -c "! ramdiskadm -d busy 2>/dev/null"
exec 3<&-
i=0
good=0
while [ $i -lt 8 ]; do
	[ "$(dev_sum $D:busy,raw $((i * 1048576)) 1048576)" = "$p" ] && good=$((good + 1))
	i=$((i + 1))
done
r=$(cat $T/rounds 2>/dev/null || echo 0)
[ "$r" -gt 8 ] && r=8
t busy-data [ $good = "$r" ]
t delete-busy ramdiskadm -d busy
t rem_drv rem_drv ramdisk
rm -rf $T
exit $fail
