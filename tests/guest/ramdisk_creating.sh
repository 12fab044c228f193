# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 120
# ddi-kernels: debug-*
# Audit 2, finding 4: the sample RAM disk makes a disk's raw node, then
# its block node.  A process that opened the raw node in between kept a
# file on a disk that was freed when the block node failed; its next read
# ran strategy(9E) on freed memory.  The driver now refuses opens until
# the disk is ready.  ddi_compat's debug builds hold the block node open
# to the test (debugfs blk_create_hold: "DRIVER MS [fail]", one shot),
# so the window is seconds wide and the test deterministic; the stock
# kernels' builds have no such hook.
. /ddi/lib.sh
fail=0
C=/sys/kernel/debug/ddi_compat
D=/devices/pseudo/ramdisk@0
RAW=$D:cr_d,raw
T=/tmp/ramdisk_creating.$$
mkdir -p $T

add_drv ramdisk >/dev/null || { result ramdisk_creating:add_drv fail; exit 1; }

# wait_node PATH: up to 5 s for PATH to exist.
wait_node() {
	_i=0
	while [ ! -e "$1" ] && [ $_i -lt 50 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	[ -e "$1" ]
}

# Hold the block node 3 s, then fail it as an allocation would.
t hold-armed sh -c "echo 'ramdisk 3000 fail' > $C/blk_create_hold"
(ramdiskadm -a cr_d 1m >$T/out 2>&1; echo $? >$T/rc) &
adm=$!
t raw-node-while-creating wait_node $RAW

# A reader that opens the raw node now and, if the open is let through,
# keeps it open until the disk's failure has removed the node, then reads.
(
	if exec 3<$RAW; then
		echo opened >$T/opened
		_i=0
		while [ -e $RAW ] && [ $_i -lt 100 ]; do
			sleep 0.1
			_i=$((_i + 1))
		done
		dd bs=512 count=1 <&3 >/dev/null 2>&1
		echo "read: $?" >>$T/opened
	fi
) 2>/dev/null &
reader=$!
wait $reader
t open-refused-while-creating [ ! -e $T/opened ]
[ -e $T/opened ] && cat $T/opened
wait $adm
t create-fails [ "$(cat $T/rc)" != 0 ]
cat $T/out
t raw-node-gone [ ! -e $RAW ]
t disk-not-listed sh -c "! ramdiskadm | grep -q cr_d"

# The hook was one shot: the same disk is made now, and works.
t create-again ramdiskadm -a cr_d 1m
t raw-opens-when-ready sh -c "dd if=$RAW of=/dev/null bs=512 count=1 2>/dev/null"
t delete ramdiskadm -d cr_d
t rem_drv rem_drv ramdisk
rm -rf $T
exit $fail
