# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 8
# Harness self-test (issue 11 item 8): a guest test that loads drivers,
# makes and mounts a RAM disk, keeps nodes open from a child, and then
# hangs past its limit.  The runner must kill it and everything it
# started, report it as one failure, and undo what it left, so that the
# test after it (st2_after_hang.sh) finds the guest as it was.
. /ddi/lib.sh
fail=0
t add_drv-qotd add_drv qotd
disk=$(ramdisk_new hang 2)
t ramdisk-made test -b "$disk"
mkdir -p /mnt/st_hang
t mkfs mkfs.ext2 -q "$disk"
t mount mount -t ext2 "$disk" /mnt/st_hang
sleep 100000 </devices/pseudo/qotd@0:qotd 3</mnt/st_hang &
echo "hanging now"
sleep 100000
