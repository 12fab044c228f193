# SPDX-License-Identifier: GPL-2.0
# ramdisk_blkfree.sh: DKIOCFREE issued on the RAM disk's *block* node
# (not BLKDISCARD) while the block device's page cache holds the range:
# buffered reads of the block node then see the zeros, not the cached
# old data (audit 2, finding 12).
. /ddi/lib.sh
fail=0
D=/devices/pseudo/ramdisk@0
T=/tmp/ramdisk_blkfree.$$
mkdir -p $T

add_drv ramdisk >/dev/null || { result ramdisk_blkfree:add_drv fail; exit 1; }
B=$D:bf
R=$D:bf,raw
t create ramdiskadm -a bf 1m
dd if=/dev/urandom of=$T/pat bs=65536 count=2 2>/dev/null
dd if=$T/pat of=$B bs=65536 count=2 conv=fsync 2>/dev/null
# Hold the block node open so its page cache stays, then fill the cache.
exec 3<$B
t cached [ "$(dev_sum $B 0 131072)" = "$(md5sum < $T/pat | cut -d' ' -f1)" ]
t free-on-block rdtest free $B 0 65536
t block-reads-zeros [ "$(dev_sum $B 0 65536)" = "$(zero_sum 65536)" ]
t raw-reads-zeros [ "$(dev_sum $R 0 65536)" = "$(zero_sum 65536)" ]
t rest-intact [ "$(dev_sum $B 65536 65536)" = "$(dd if=$T/pat bs=65536 skip=1 2>/dev/null | md5sum | cut -d' ' -f1)" ]
# A dirty cached page is written back before the free, not after it.
printf 'dirty' | dd of=$B bs=1 seek=70000 conv=notrunc 2>/dev/null
t free-dirty rdtest free $B 65536 65536
t dirty-not-resurrected [ "$(dev_sum $R 65536 65536)" = "$(zero_sum 65536)" ]
exec 3<&-
t delete ramdiskadm -d bf
rem_drv ramdisk >/dev/null || { result ramdisk_blkfree:rem_drv fail; fail=1; }
rm -rf $T
exit $fail
