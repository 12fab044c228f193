# SPDX-License-Identifier: GPL-2.0
# A file system on a disk of the sample RAM disk driver: mkfs.ext4 (ext2
# where the kernel has no ext4), mount, write a tree of files, checksum,
# unmount, e2fsck clean, mount again: the same tree with the same sums.
. /ddi/lib.sh
fail=0
# A 64 MiB disk and a 12 MiB file on the stock kernels; 32 MiB and 3 MiB
# under KASAN and lockdep (issue 11: the full size ran past its limit on
# a busy host).
MIB=64
BIG=12
ddi_debug_kernel && { MIB=32; BIG=3; }
MNT=/mnt/blk_fs
# On the second bridge (tests/guest/blk_mq.sh) no big file, a 32 MiB
# disk: about half the time.
[ -n "${BLK_TEST_HALF:-}" ] && { BIG=0; MIB=32; }

fstype=ext4
grep -qw ext4 /proc/filesystems || fstype=ext2
echo "file system: $fstype"
blk_disk fs $MIB || { result blk_fs:disk fail; exit 1; }
mkdir -p $MNT

t mkfs mkfs.$fstype -q -F "$DISK"
t fsck-new e2fsck -f -n "$DISK"
t mount mount -t $fstype "$DISK" $MNT

# A tree: 4 directories of 12 files from 0 bytes to 1 MiB, odd sizes, a
# deeper directory, a BIG MiB file, a symlink, a hard link.
tree() {
	i=0
	for d in a b c d; do
		mkdir -p "$MNT/$d/deep/er" || return 1
		for s in 0 1 511 512 4095 4096 4097 65536 100003 262144 524289 1048576; do
			i=$((i + 1))
			head -c $s /dev/urandom >"$MNT/$d/f$i" || return 1
			[ $((i % 5)) = 0 ] &&
				{ head -c $((s / 3)) /dev/urandom >"$MNT/$d/deep/er/g$i" || return 1; }
		done
	done
	dd if=/dev/urandom of=$MNT/big bs=1M count=$BIG 2>/dev/null || return 1
	ln -s a/f1 $MNT/link && ln $MNT/b/f20 $MNT/hard
}
# sums: every file's checksum and every name with its type and size.
sums() {
	(cd $MNT && find . -type f | sort | xargs sha256sum &&
	 find . | sort | while read -r f; do
		echo "$f $(stat -c '%F %s %h' "$f")"; done)
}
t write-tree tree
t tree-size [ "$(du -sk $MNT | cut -f1)" -gt $((BIG * 1024 + 4000)) ]
sums >/tmp/blk_fs.sum1
t sums-taken [ "$(grep -c '^[0-9a-f]\{64\} ' /tmp/blk_fs.sum1)" = 59 ]
t umount umount $MNT
t fsck-clean e2fsck -f -n "$DISK"
t remount mount -t $fstype "$DISK" $MNT
sums >/tmp/blk_fs.sum2
t same-sums cmp /tmp/blk_fs.sum1 /tmp/blk_fs.sum2
# Change the tree and check the change, not the old data, comes back.
t rewrite sh -c "rm -rf $MNT/c && head -c 777 /dev/urandom >$MNT/a/f1"
sums >/tmp/blk_fs.sum3
t umount-2 umount $MNT
t fsck-clean-2 e2fsck -f -n "$DISK"
t remount-2 mount -t $fstype -o ro "$DISK" $MNT
sums >/tmp/blk_fs.sum4
t same-sums-2 cmp /tmp/blk_fs.sum3 /tmp/blk_fs.sum4
t changed sh -c "! cmp -s /tmp/blk_fs.sum1 /tmp/blk_fs.sum4"
t umount-3 umount $MNT
t free blk_disk_free
exit $fail
