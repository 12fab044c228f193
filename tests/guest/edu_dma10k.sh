# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 480
# edu_dma10k.sh: 10000 DMA transfers through the edu sample driver, each
# completion an interrupt: 5000 round trips of random data to the
# device's buffer and back, checked byte for byte, half of the devices in
# consistent and half in streaming memory.  QEMU's edu takes 100 ms of
# its timer per transfer, so one device alone would take 1000 s: the
# guest's eight edu devices (drivers/edu/qemu.args) transfer at once,
# about 125 s.  Leaves edu unloaded.
. /ddi/lib.sh
fail=0
P=/devices/pci@0,0
SLOTS="4 5 7 8 9 a b c"
# Round trips per device: 8 x 625 x 2 = 10000 transfers.
TRIPS=${EDU_DMA10K_TRIPS:-625}
OUT=/tmp/edu_dma10k

field() {
	tr ' ' '\n' <"$2" | sed -n "s/^$1=//p"
}
# ok FILE: one device's run: every trip done, no error, no timeout, an
# interrupt for each of its transfers, all below the 28-bit mask.
ok() {
	cat "$1"
	[ "$(field trips "$1")" = "$TRIPS" ] &&
	[ "$(field errors "$1")" = 0 ] &&
	[ "$(field timeouts "$1")" = 0 ] &&
	[ "$(field failed "$1")" = 0 ] &&
	[ "$(field intrs "$1")" -ge $((2 * TRIPS)) ] &&
	[ $(($(field maxaddr "$1"))) -le $((0x0fffffff)) ]
}

t load add_drv edu
t eight-devices sh -c "for s in $SLOTS; do test -c $P/pci1af4,1100@\$s:edu || exit 1; done"
rm -rf $OUT
mkdir -p $OUT
k=0
for s in $SLOTS; do
	mem=consistent
	[ $((k % 2)) = 1 ] && mem=streaming
	eductl -d "$P/pci1af4,1100@$s:edu" dma $mem "$TRIPS" >$OUT/$s 2>&1 &
	k=$((k + 1))
done
wait
total=0
for s in $SLOTS; do
	t "dma-device-$s" ok $OUT/$s
	total=$((total + $(field intrs $OUT/$s || echo 0) + 0))
done
t transfers-10000 sh -c "echo $total completion interrupts; [ $total -ge $((16 * TRIPS)) ] && [ $((16 * TRIPS)) -ge 10000 ]"
t dma-api-debug-quiet sh -c '! dmesg | grep -E "DMA-API|overflow \\(mask" |
	grep -v -E "DMA-API: (preallocated|debugging enabled)"'
t rem_drv rem_drv edu
rm -rf $OUT
exit $fail
