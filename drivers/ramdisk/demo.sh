# SPDX-License-Identifier: GPL-2.0
# make run: the sample RAM disk, as a Solaris user would use it.
# (Guest shell script, not part of the driver source.)
D=/devices/pseudo/ramdisk@0
add_drv ramdisk >/dev/null || exit 1
echo "\$ ramdiskadm                 (the disks of ramdisk.conf)"
ramdiskadm || exit 1
echo "\$ ramdiskadm -a demo 16m"
ramdiskadm -a demo 16m || exit 1
echo "\$ dd if=/dev/urandom of=$D:demo bs=1M count=2 conv=fsync"
dd if=/dev/urandom of=$D:demo bs=1M count=2 conv=fsync 2>/dev/null || exit 1
echo "\$ ramdiskadm; ramdiskadm -s   (storage allocated on first write)"
ramdiskadm || exit 1
ramdiskadm -s | grep -E '^(extent_size|pool_bytes|extents_used) ' || exit 1
echo "\$ blkdiscard -o 0 -l 1048576 $D:demo; ramdiskadm -s"
blkdiscard -o 0 -l 1048576 $D:demo || exit 1
ramdiskadm -s | grep -E '^(extents_used|frees) ' || exit 1
. /ddi/lib.sh
blk_wait_link ramdisk0_demo || { echo "no /dev/ramdisk0_demo link"; exit 1; }
echo "\$ ls -l /dev/ramdisk0_demo      (the Linux name; lsblk and mkfs use it)"
ls -l /dev/ramdisk0_demo | sed 's/.*\/dev/\/dev/'
echo "\$ mkfs.ext4 -q /dev/ramdisk0_demo; mount; cp -r /ddi/tests; df; umount; fsck"
mkfs.ext4 -q -F /dev/ramdisk0_demo || exit 1
mkdir -p /mnt/demo && mount -t ext4 /dev/ramdisk0_demo /mnt/demo || exit 1
cp -r /ddi/tests /mnt/demo/ && ls /mnt/demo/tests | wc -l | sed 's/$/ files/'
ok=$?
df -k /mnt/demo | tail -1
umount /mnt/demo && [ $ok = 0 ] || exit 1
e2fsck -f -n /dev/ramdisk0_demo >/dev/null 2>&1 && echo "e2fsck: clean" ||
    { echo "e2fsck found problems"; exit 1; }
echo "\$ ramdiskadm32 -d demo         (a 32-bit ramdiskadm works too)"
ramdiskadm32 -d demo || exit 1
echo "\$ blkdiscard $D:alpha; blkdiscard $D:beta; rem_drv ramdisk"
blkdiscard $D:alpha && blkdiscard $D:beta || exit 1
rem_drv ramdisk || exit 1
echo "ramdisk unloaded"
