# SPDX-License-Identifier: GPL-2.0
# blkdev: illumos's blkdev framework (<sys/blkdev.h>) through the
# test-only driver tests/drivers/bdmem, a 2 MiB disk in memory that ends
# every other transfer from a task queue and takes at most 16 KiB a
# transfer.  Data written through the block node (O_DIRECT and the page
# cache) and the raw node reads back; larger I/O is cut into transfers;
# fsync reaches o_sync_cache; blkdiscard reaches o_free_space within the
# drive's limits and reads back as zeros; I/O past the end is refused;
# ext4 makes and checks clean on it; the disk goes with rem_drv.
. /ddi/lib.sh
fail=0
T=/tmp/blkdev.$$
mkdir -p $T
B=/devices/pseudo/bdmem@0:a
R=/devices/pseudo/bdmem@0:a,raw
st() {
	kstat -p -m bdmem -n stats -s "$1" | cut -f2
}

add_drv bdmem >/dev/null || { result blkdev:add_drv fail; exit 1; }
t nodes test -b $B -a -c $R
t linux-disk test -b /dev/pseudo/bdmem@0:a
t size [ "$(blockdev --getsize64 $B)" = 2097152 ]
t empty [ "$(dev_sum $B 0 2097152)" = "$(zero_sum 2097152)" ]

dd if=/dev/urandom of=$T/pat bs=65536 count=16 2>/dev/null
x0=$(st xfers)
t write-direct dd if=$T/pat of=$B bs=65536 seek=1 oflag=direct 2>/dev/null
# 1 MiB in 64 KiB writes of at most 16 KiB transfers: 64 or more.
t cut-to-maxxfer [ $(($(st xfers) - x0)) -ge 64 ]
t async-ends [ "$(st async)" -gt 0 ]
t read-direct [ "$(dev_sum $B 65536 1048576)" = "$(md5sum < $T/pat | cut -d' ' -f1)" ]
t read-raw [ "$(dev_sum $R 65536 1048576)" = "$(md5sum < $T/pat | cut -d' ' -f1)" ]
t rest-untouched [ "$(dev_sum $R 0 65536)" = "$(zero_sum 65536)" ]

# Through the page cache, then fsync: a flush reaches o_sync_cache.
f0=$(st flushes)
t write-cached dd if=$T/pat of=$B bs=4096 seek=400 count=16 conv=fsync 2>/dev/null
t flush [ $(($(st flushes) - f0)) -ge 1 ]
blockdev --flushbufs $B
t cached-readback [ "$(dev_sum $R 1638400 65536)" = "$(dd if=$T/pat bs=65536 count=1 2>/dev/null | md5sum | cut -d' ' -f1)" ]

# Discard 256 KiB at 64 KiB: freed in pieces of at most 64 blocks.
d0=$(st frees)
t discard blkdiscard -o 65536 -l 262144 $B
t discard-pieces [ $(($(st frees) - d0)) -ge 8 ]
blockdev --flushbufs $B
t discard-zeros [ "$(dev_sum $R 65536 262144)" = "$(zero_sum 262144)" ]
t no-bad-transfer [ "$(st bad)" = 0 ]

# Past the end: refused, nothing written.
t past-end-refused sh -c "! dd if=$T/pat of=$R bs=512 seek=4096 count=1 2>/dev/null"
t filesystem sh -c "mkfs.ext4 -q -F $B >/dev/null 2>&1 && e2fsck -fn $B >/dev/null 2>&1"

t rem_drv rem_drv bdmem
t disk-gone test ! -e /dev/pseudo/bdmem@0:a
rm -rf $T
exit $fail
