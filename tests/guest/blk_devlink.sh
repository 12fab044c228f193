# SPDX-License-Identifier: GPL-2.0
# The normal /dev name of a Solaris block disk: the bridge's node is
# /dev/pseudo/ramdisk@0:<name>; devlinkd (the guest's udev) links
# /dev/ramdisk0_<name> to it when the disk appears and removes the link
# when it goes, without touching the links of other disks.
. /ddi/lib.sh
fail=0

t devlinkd-running sh -c 'pidof devlinkd >/dev/null'
blk_have_ramdisk || { result blk_devlink:ramdisk-driver fail; exit 1; }
t create-a ramdisk_new dla 4
t create-b ramdisk_new dlb 4
for d in dla dlb; do
	t link-$d [ -L /dev/ramdisk0_$d ]
	t target-$d [ "$(readlink /dev/ramdisk0_$d)" = "pseudo/ramdisk@0:$d" ]
	t ddi_path-$d [ "$(cat /sys/block/ramdisk0_$d/ddi_path)" = "pseudo/ramdisk@0:$d" ]
	t node-$d [ -b /dev/pseudo/ramdisk@0:$d ]
	t same-dev-$d [ "$(stat -L -c %t:%T /dev/ramdisk0_$d)" = \
		"$(stat -c %t:%T /dev/pseudo/ramdisk@0:$d)" ]
	t devices-$d [ -b "/devices/pseudo/ramdisk@0:$d" ]
done
# Data written through the link is read back through the node.
t write-link sh -c 'echo hello-dla | dd of=/dev/ramdisk0_dla bs=512 conv=sync 2>/dev/null'
t read-node sh -c '[ "$(dd if=/dev/pseudo/ramdisk@0:dla bs=512 count=1 2>/dev/null |
	tr -d "\0")" = hello-dla ]'
t destroy-a ramdisk_del dla
t link-gone-a blk_wait_gone ramdisk0_dla
t node-gone-a [ ! -e /dev/pseudo/ramdisk@0:dla ]
t link-kept-b blk_wait_link ramdisk0_dlb 1
t destroy-b ramdisk_del dlb
t link-gone-b blk_wait_gone ramdisk0_dlb
t rem_drv rem_drv ramdisk
exit $fail
