# SPDX-License-Identifier: GPL-2.0
# The block tests again on the blk-mq bridge.  The sample RAM disk's
# .conf sets no ddic-blk-mq, so its disks take the bridge ddi_compat's
# blk_mq parameter names: the other tests run on the default, bio-based
# one; here the parameter is set and every test of the RAM disk's block
# nodes runs once more, its rows named mq-<test>:<row>.  The slow ones
# (blk_fio, blk_fs) do about half their work here (BLK_TEST_HALF), so
# both bridges cost them 1.5 times one run, not twice.  ramdisk_new
# checks each disk's bridge.
. /ddi/lib.sh
fail=0
src=$DDI/guest-tests
export DDI_BLK_BRIDGE=mq
blk_bridge_set || { result blk_mq:param fail; exit 1; }
for name in ramdisk ramdisk_blkfree ramdisk_busy ramdisk_discard \
    ramdisk_mmap blk_devlink kstat blk_fio blk_fs; do
	[ -f "$src/$name.sh" ] || { result "blk_mq:$name" fail "missing"; fail=1; continue; }
	# Each test makes its own disks and unloads the driver at its end.
	T_PREFIX=mq-$name BLK_TEST_HALF=1 sh "$src/$name.sh" || fail=1
done
# The .conf's disks (made at attach, not by ramdisk_new) on it too.
t conf-add-drv add_drv ramdisk
t conf-disk-is-mq blk_bridge_check ramdisk0_alpha
t conf-rem-drv rem_drv ramdisk
DDI_BLK_BRIDGE=bio blk_bridge_set
exit $fail
