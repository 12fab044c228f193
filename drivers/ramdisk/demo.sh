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
echo "\$ ramdiskadm32 -d demo         (a 32-bit ramdiskadm works too)"
ramdiskadm32 -d demo || exit 1
echo "\$ blkdiscard $D:alpha; blkdiscard $D:beta; rem_drv ramdisk"
blkdiscard $D:alpha && blkdiscard $D:beta || exit 1
rem_drv ramdisk || exit 1
echo "ramdisk unloaded"
