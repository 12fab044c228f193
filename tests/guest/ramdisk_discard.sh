# SPDX-License-Identifier: GPL-2.0
# The sample RAM disk (drivers/ramdisk): discard (blkdiscard through the
# block node, DKIOCFREE through the raw node) gives whole extents back to
# the pool, zeroes partial ones, reads back as zeros and leaves the rest
# alone; storage is allocated on first write only; the pool goes back to
# the system when no extent is used.
. /ddi/lib.sh
fail=0
D=/devices/pseudo/ramdisk@0
T=/tmp/ramdisk_discard.$$
mkdir -p $T

add_drv ramdisk >/dev/null || { result ramdisk_discard:add_drv fail; exit 1; }
R=$D:dsc,raw
B=$D:dsc
M=1048576
t create ramdiskadm -a dsc 4m
u0=$(rd_stat extents_used)
f0=$(rd_stat frees)
t nothing-before-write test "$u0" = 0 -a "$(rd_stat pool_bytes)" = 0

# First writes allocate: 16 extents for 1 MiB at 0, 4 for 256 KiB at 2 MiB.
dd if=/dev/urandom of=$T/pat bs=65536 count=16 2>/dev/null
dd if=$T/pat of=$R bs=65536 count=16 2>/dev/null
dd if=$T/pat of=$R bs=65536 seek=32 count=4 2>/dev/null
t allocated-on-write [ "$(rd_stat extents_used)" = 20 ]
t pool-grew [ "$(rd_stat pool_bytes)" = "$(rd_stat chunk_size)" ]
dd if=$T/pat of=$R bs=65536 count=16 2>/dev/null
t rewrite-allocates-nothing [ "$(rd_stat extents_used)" = 20 ]
hi=$(dev_sum $R $((2 * M)) 262144)

# blkdiscard of the first MiB: 16 extents back, zeros, the rest intact.
t blkdiscard blkdiscard -o 0 -l $M $B
t blkdiscard-frees test "$(rd_stat extents_used)" = 4 -a $(($(rd_stat frees) - f0)) = 16
blockdev --flushbufs $B
t blkdiscard-zero-raw [ "$(dev_sum $R 0 $M)" = "$(zero_sum $M)" ]
t blkdiscard-zero-block [ "$(dev_sum $B 0 $M)" = "$(zero_sum $M)" ]
t blkdiscard-rest-intact [ "$(dev_sum $R $((2 * M)) 262144)" = "$hi" ]

# A partial discard zeroes in place and frees nothing.
z0=$(rd_stat zeroed_bytes)
t partial-free rdtest free $R $((2 * M + 4096)) 8192
t partial-frees-nothing [ "$(rd_stat extents_used)" = 4 ]
t partial-zeroed [ $(($(rd_stat zeroed_bytes) - z0)) = 8192 ]
t partial-zero [ "$(dev_sum $R $((2 * M + 4096)) 8192)" = "$(zero_sum 8192)" ]
t partial-before [ "$(dev_sum $R $((2 * M)) 4096)" = "$(dd if=$T/pat bs=4096 count=1 2>/dev/null | md5sum | cut -d' ' -f1)" ]
t partial-after [ "$(dev_sum $R $((2 * M + 12288)) 4096)" = "$(dd if=$T/pat bs=4096 skip=3 count=1 2>/dev/null | md5sum | cut -d' ' -f1)" ]

# DKIOCFREE of the rest: nothing used, the pool goes back whole.
tr0=$(rd_stat trims)
t dkiocfree rdtest free $R $((2 * M)) 262144
t dkiocfree-frees [ "$(rd_stat extents_used)" = 0 ]
t pool-trimmed test "$(rd_stat pool_bytes)" = 0 -a $(($(rd_stat trims) - tr0)) = 1
t all-zero [ "$(dev_sum $R 0 $((4 * M)))" = "$(zero_sum $((4 * M)))" ]

# Fill the disk, discard it all: every extent comes back.
dd if=/dev/urandom of=$B bs=65536 count=64 conv=fsync 2>/dev/null
t filled [ "$(rd_stat extents_used)" = 64 ]
t discard-all blkdiscard $B
t discard-all-frees test "$(rd_stat extents_used)" = 0 -a "$(rd_stat pool_bytes)" = 0
blockdev --flushbufs $B
t discard-all-zero [ "$(dev_sum $B 0 $((4 * M)))" = "$(zero_sum $((4 * M)))" ]

# Written again after the discard: allocated again, data right.
dd if=$T/pat of=$B bs=65536 seek=10 count=16 conv=fsync 2>/dev/null
t realloc [ "$(rd_stat extents_used)" = 16 ]
t realloc-data [ "$(dev_sum $R $((10 * 65536)) $M)" = "$(md5sum < $T/pat | cut -d' ' -f1)" ]
t realloc-zero-around [ "$(dev_sum $R 0 $((10 * 65536)))" = "$(zero_sum $((10 * 65536)))" ]

# A deleted disk's extents go back too.
t delete ramdiskadm -d dsc
t delete-frees test "$(rd_stat extents_used)" = 0 -a "$(rd_stat pool_bytes)" = 0
t rem_drv rem_drv ramdisk
rm -rf $T
exit $fail
