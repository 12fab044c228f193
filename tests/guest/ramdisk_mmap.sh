# SPDX-License-Identifier: GPL-2.0
# The sample RAM disk (drivers/ramdisk): the raw node's mapping
# (devmap_umem_setup of the disk's extents) is the disk: it equals what
# read returns, sees writes through the block and raw nodes, its stores
# are read back, a child shares it, a mapped disk cannot be deleted, and a
# discard of mapped extents zeroes them instead of freeing them (64- and
# 32-bit processes).
. /ddi/lib.sh
fail=0
D=/devices/pseudo/ramdisk@0

add_drv ramdisk >/dev/null || { result ramdisk_mmap:add_drv fail; exit 1; }
for m in "" 32; do
	t create$m ramdiskadm -a map$m 1m
	rdtest$m mmap map$m
	t view$m [ $? = 0 ]
	t delete$m ramdiskadm -d map$m
done
t pool-back [ "$(ramdiskadm -s | sed -n 's/^extents_used //p')" = 0 ]
t rem_drv rem_drv ramdisk
exit $fail
