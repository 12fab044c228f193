# SPDX-License-Identifier: GPL-2.0
# pcidev.sh: the pcidev test driver (tests/drivers/pcidev) on QEMU's
# pci-testdev (slot 0x10) and pci-serial (slot 0x11), beyond edu's tests
# of the PCI layer.
#
# pci-testdev: the register sets and their "reg" types; 1-, 2-, 4- and
# 8-byte accesses in memory and I/O space through ddi_get*/ddi_put* and
# ddi_mem_*/ddi_io_*; big-endian, little-endian and never-swap handles
# over the same registers; the rep forms with and without
# DDI_DEV_AUTOINCR; the device's tests (its ioeventfd ones included);
# misuse refused with nothing touched.  pci-serial: a native driver
# (8250_pci) holds it on the debug kernels, driver_override hands it
# over; input fed by QEMU from a host file comes back through read(9E)
# and the receive interrupt (FIXED: the device has no MSI); bytes written
# reach the host file (checked on the host: scripts/check.sh
# pcidev_host_check); loopback bytes each received by the interrupt;
# misuse (ddi_intr_alloc STRICT of two); a chain of interrupts running
# while the driver detaches; unload and reload, unbind and rebind in the
# other order with the same instances; the device handed back.
. /ddi/lib.sh
fail=0
P=/devices/pci@0,0
T=$P/pci1af4,1100@10:testdev
S=$P/pci1af4,1100@11:serial
AT=0000:00:10.0
AS=0000:00:11.0
SYS=/sys/bus/pci/drivers/pcidev
# What check.sh writes into the chardev's input file, and looks for in
# its output file.
IN=ddic-pciserial-input
TAG=${PCIDEV_TAG:-ddic-pciserial-host-check}

not() { ! "$@"; }
eq() {
	[ "$2" = "$3" ] && return 0
	echo "$1: got '$2', expected '$3'"
	return 1
}
field() {
	echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}
# has OUTPUT NAME: pcidevctl's OUTPUT says "ok NAME".
has() {
	echo "$1" | grep -qx "ok $2" && return 0
	echo "$1" | grep "$2"
	return 1
}
drv_of() {
	_d=$(readlink /sys/bus/pci/devices/$1/driver) && basename "$_d"
}
intrs() {
	field intrs "$(pcidevctl -d $S stats)"
}

t load add_drv pcidev
t testdev-bound test -c $T
[ -c $T ] || { ls -l /devices/pci@0,0/ 2>&1 | diag; exit 1; }

# --- pci-testdev ---
info=$(pcidevctl -d $T info)
echo "$info"
t info-testdev eq info "$info" "kind=testdev instance=0 venid=0x1b36 devid=0x5 nregs=4 intr_types=0 size0=256 type0=0 size1=4096 type1=0x2000000 size2=256 type2=0x1000000 size3=65536 type3=0x3000000"
out=$(pcidevctl -d $T regs)
echo "$out"
for c in nregs reg-types \
    mem-get8 mem-get16 mem-get32 mem-get64 mem-be-get mem-neverswap-get \
    mem-put8 mem-put16 mem-put32 mem-be-put \
    mem-rep-get-autoincr mem-rep-get-no-autoincr \
    mem-rep-put-no-autoincr mem-rep-put-autoincr \
    io-get8 io-get16 io-get32 io-be-get io-neverswap-get \
    io-put8 io-put16 io-put32 io-be-put \
    io-rep-get-autoincr io-rep-get-no-autoincr \
    io-rep-put-no-autoincr io-rep-put-autoincr \
    mem-tests io-tests mem-eventfd-tests io-eventfd-tests map-at-offset; do
	t "testdev-$c" has "$out" "$c"
done
t testdev-regs-32bit sh -c "pcidevctl32 -d $T regs | grep -q '^ok io-rep-put-autoincr$'"
out=$(pcidevctl -d $T misuse)
echo "$out"
for c in bad-rnumber bad-offset bad-length io-bad-length put-outside \
    get-outside rep-put-outside io-put-outside intr-none; do
	t "testdev-misuse-$c" has "$out" "$c"
done
t misuse-warns-rnumber sh -c 'dmesg | grep -q "pcidev0: ddi_regs_map_setup(rnumber 4): no such register set; refused"'
t misuse-warns-offset sh -c 'dmesg | grep -q "pcidev0: ddi_regs_map_setup(rnumber 1, offset 0x1000, len 0x0): outside the register set"'
t misuse-warns-put sh -c 'dmesg | grep -q "pcidev0: ddi_put8: address outside the mapping"'
t misuse-warns-rep sh -c 'dmesg | grep -q "pcidev0: ddi_rep_put8: address outside the mapping"'
t misuse-warns-intr sh -c 'dmesg | grep -q "pcidev0: ddi_intr_alloc(type 0x1, inum 0, count 1): interrupt type not supported"'
# Fault management as attach set it up (ddi_fm_init, pci_ereport_setup,
# an error handler): capabilities and properties, handle status, a scan
# of the status register, service impacts, an ereport in the log.
out=$(pcidevctl -d $T fm)
echo "$out"
for c in fm-caps fm-props fm-acc-ok fm-acc-clear fm-ereport-scan \
    fm-devstate fm-slaveonly fm-ereport fm-bad-version; do
	t "testdev-$c" has "$out" "$c"
done
t fm-ereport-logged sh -c 'dmesg | grep -q "pcidev0: ereport.io.device.no_response ena 0x[0-9a-f]*: version=0x0 detail=\"pcidev check\""'
t fm-props-prtconf sh -c "prtconf -v | grep -q \"name='fm-ereport-capable'\""

# --- pci-serial: taken from its native driver ---
native=$(drv_of $AS)
diag "pci-serial after add_drv: bound to '${native:-nothing}'"
if [ -n "$native" ] && [ "$native" != pcidev ]; then
	t native-keeps-serial not test -e $S
	echo pcidev > /sys/bus/pci/devices/$AS/driver_override
	echo $AS > /sys/bus/pci/drivers/$native/unbind
	echo $AS > /sys/bus/pci/drivers_probe
else
	echo pcidev > /sys/bus/pci/devices/$AS/driver_override
fi
t serial-bound test -c $S
[ -c $S ] || { dmesg | tail -20 | diag; exit 1; }
info=$(pcidevctl -d $S info)
echo "$info"
t info-serial eq info "$info" "kind=serial instance=1 venid=0x1b36 devid=0x2 nregs=2 intr_types=0x1 size0=256 type0=0 size1=8 type1=0x1000000"
t prtconf-serial sh -c 'prtconf | grep -qx "        pci1af4,1100, instance #1"'

# QEMU's input file came in through the receive interrupt.
t serial-input pcidevctl -d $S read "$IN" 30
t serial-input-32 sh -c "pcidevctl32 -d $S nbread | grep -qx 'nbread=-1 errno=EAGAIN'"
st=$(pcidevctl -d $S stats)
echo "$st"
# (8250_pci, bound at boot, may have taken the first bytes: the input
# file starts with a line to spare.)
by_intr() {
	[ "$(field intrs "$st")" -ge 1 ] && [ "$(field rx "$st")" -ge ${#IN} ]
}
t serial-input-by-intr by_intr
t serial-write pcidevctl -d $S write "$TAG"
t serial-write-32 pcidevctl32 -d $S write "$TAG-32"
t serial-loop eq loop "$(pcidevctl -d $S loop 1000)" \
	"sent=1000 received=1000 mismatches=0 timeouts=0"
t serial-loop-32 eq loop "$(pcidevctl32 -d $S loop 100)" \
	"sent=100 received=100 mismatches=0 timeouts=0"
out=$(pcidevctl -d $S misuse)
echo "$out"
for c in bad-rnumber bad-offset io-bad-length io-put-outside get-outside \
    intr-strict intr-still-works; do
	t "serial-misuse-$c" has "$out" "$c"
done

# --- interrupts arriving while the driver detaches ---
# A chain: each received byte's handler sends the next through the
# loopback, so interrupts keep coming until the chain's budget runs out
# or detach(9E) quiets the UART (the driver notes a chain it cut short).
chain() {
	a=$(intrs)
	t0=$(uptime_cs)
	pcidevctl -d $S loop 300 chain >/dev/null || return 1
	for _w in $(seq 200); do
		[ $(($(intrs) - a)) -ge 300 ] && break
		sleep 0.1
	done
	echo "300 chained interrupts: $((($(uptime_cs) - t0) * 10)) ms"
	[ $(($(intrs) - a)) -ge 300 ]
}
t chain-completes chain
for i in 1 2 3; do
	pcidevctl -d $S loop 2000 chain >/dev/null
	t "detach-racing-intr-$i" sh -c 'echo "detach pcidev" > /dev/ddi_modctl'
	t "detached-$i" sh -c 'ddi_modinfo pcidev | grep -q "instance 1 detached"'
	t "reattach-$i" ddi_attach pcidev
	t "works-after-$i" eq loop "$(pcidevctl -d $S loop 10)" \
		"sent=10 received=10 mismatches=0 timeouts=0"
done
t detach-cut-chain sh -c 'dmesg | grep -q "pcidev1: detaching with [0-9]* interrupts of the chain to come"'

# --- unload, reload: same instances ---
t rem_drv rem_drv pcidev
t unloaded not loaded pcidev
t override-keeps-native-off eq driver "$(drv_of $AS)" ""
t reload add_drv pcidev
t same-instance-testdev eq instance "$(field instance "$(pcidevctl -d $T info)")" 0
t same-instance-serial eq instance "$(field instance "$(pcidevctl -d $S info)")" 1
# Unbind both, bind the serial first: each keeps its instance.
echo $AT > $SYS/unbind
echo $AS > $SYS/unbind
t unbound not test -e $S
echo $AS > $SYS/bind
echo $AT > $SYS/bind
t rebind-instance-serial eq instance "$(field instance "$(pcidevctl -d $S info)")" 1
t rebind-instance-testdev eq instance "$(field instance "$(pcidevctl -d $T info)")" 0
t serial-after-rebind eq loop "$(pcidevctl -d $S loop 10)" \
	"sent=10 received=10 mismatches=0 timeouts=0"

# --- the serial device handed back ---
t rem_drv-end rem_drv pcidev
echo > /sys/bus/pci/devices/$AS/driver_override
echo $AS > /sys/bus/pci/drivers_probe
if [ -n "$native" ] && [ "$native" != pcidev ]; then
	t handed-back eq driver "$(drv_of $AS)" "$native"
fi
t gone-from-tree not test -e $T
exit $fail
