# SPDX-License-Identifier: GPL-2.0
# make run: the ring buffer sample driver.  (Guest shell script.)
DEV=/devices/pseudo/ringbuf@0:ringbuf
add_drv ringbuf || exit 1
echo "\$ echo hello ring > $DEV; rbctl info"
echo "hello ring" > $DEV || exit 1
rbctl -d $DEV info || exit 1
echo "\$ cat $DEV"
dd if=$DEV bs=64 count=1 2>/dev/null || exit 1
rem_drv ringbuf || exit 1
echo "ringbuf unloaded"
