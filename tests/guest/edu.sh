# SPDX-License-Identifier: GPL-2.0
# edu.sh: the edu sample driver (drivers/edu) on QEMU's edu device; the
# guest has two (drivers/edu/qemu.args: slots 4 and 5).
#
# Binding by alias and the /devices paths, the properties prtconf shows,
# identification, liveness, factorials by polling and by interrupt,
# thousands of raised interrupts counted alike by device and driver with
# MSI and with INTx, DDI misuse refused, interrupts arriving while the
# driver detaches, DMA (round trips through the device's buffer in
# consistent, streaming and kmem_alloc memory, 28-bit dma_attr_addr_hi
# below the guest's memory, DDI_DMA_PARTIAL windows, a fragmented user
# buffer through physio with sgllen 1, DMA misuse refused), detach and reattach, unload and reload with the same
# instances (also bound in the other order), update_drv -d/-a -i, and
# driver_override.  Leaves edu unloaded.
. /ddi/lib.sh
fail=0
P=/devices/pci@0,0
D0=$P/pci1af4,1100@4:edu
D1=$P/pci1af4,1100@5:edu
A0=0000:00:04.0
A1=0000:00:05.0
SYS=/sys/bus/pci/drivers/edu
# 20000 raised interrupts a run on the stock kernels, 5000 under KASAN
# and lockdep (there the three runs of 20000 and the rows between them
# took 270 s of debug-6.1's guest in a full check).
N=20000
ddi_debug_kernel && N=5000
N=${EDU_RAISES:-$N}
# Each DMA transfer takes 100 ms of the device's timer (QEMU's edu).
DT=${EDU_DMA_TRIPS:-10}
DMANY=${EDU_DMA_MANY:-100}

not() { ! "$@"; }

# eq WHAT GOT WANT
eq() {
	[ "$2" = "$3" ] && return 0
	echo "$1: got '$2', expected '$3'"
	return 1
}
# field KEY LINE: the value of KEY=... in LINE.
field() {
	echo "$2" | tr ' ' '\n' | sed -n "s/^$1=//p"
}
sec() {	# prtconf -v from the node "pci1af4,1100, instance #N" to the next
	prtconf -v | awk -v n="pci1af4,1100, instance #$1" '
		index($0, n) { on = 1; print; next }
		on && /, instance #/ { exit }
		on'
}
# prop INSTANCE NAME: the value line of property NAME.
prop() {
	sec "$1" | awk -v p="name='$2'" 'f { sub(/^ *value=/, ""); print; exit }
		index($0, p) { f = 1 }'
}
# raise DEV KIND: N raised interrupts, none lost or doubled.
raise() {
	before=$(eductl -d "$1" stats)
	out=$(eductl -d "$1" raise "$N")
	after=$(eductl -d "$1" stats)
	echo "$2: $out"
	echo "before: $before"
	echo "after:  $after"
	r=$(( $(field raised "$after") - $(field raised "$before") ))
	s=$(( $(field seen "$after") - $(field seen "$before") ))
	u=$(( $(field unclaimed "$after") - $(field unclaimed "$before") ))
	eq timeouts "$(field timeouts "$out")" 0 &&
	eq "handler calls with nothing raised" "$u" 0 &&
	eq "raised by the driver" "$r" "$N" &&
	eq "seen by the handler" "$s" "$N" &&
	eq "intr type" "$(field intr_type "$after")" "$2"
}

t load add_drv edu
dmesg | grep -E 'edu[0-9]' | tail -4
t path-0 test -c $D0
t path-1 test -c $D1
[ -c $D0 ] || { ls -lR /dev/pci@0,0 /devices/ 2>&1 | head -20; exit 1; }

# --- the tree and the properties ---
t prtconf-nexus sh -c 'prtconf | grep -qx "    pci, instance #0"'
t prtconf-node-0 sh -c 'prtconf | grep -qx "        pci1af4,1100, instance #0"'
t prtconf-node-1 sh -c 'prtconf | grep -qx "        pci1af4,1100, instance #1"'
t vendor-id eq vendor-id "$(prop 0 vendor-id)" 00001234
t device-id eq device-id "$(prop 0 device-id)" 000011e8
t revision-id eq revision-id "$(prop 0 revision-id)" 00000010
t class-code eq class-code "$(prop 0 class-code)" 0000ff00
t subsystem-vendor-id eq subsystem-vendor-id "$(prop 0 subsystem-vendor-id)" 00001af4
# reg: config space of 00:04.0, then BAR 0, 32-bit memory, 1 MB.
t reg eq reg "$(prop 0 reg)" \
	00002000.00000000.00000000.00000000.00000000.02002010.00000000.00000000.00000000.00100000
t assigned-addresses eq assigned-addresses "$(prop 0 assigned-addresses | cut -d. -f1,4,5)" 82002010.00000000.00100000
t compatible sh -c "prtconf -v | grep -q \"'pci1234,11e8.1af4.1100.10' + 'pci1234,11e8.1af4.1100' + 'pci1af4,1100,s' + 'pci1af4,1100' + 'pci1234,11e8.10' + 'pci1234,11e8,p' + 'pci1234,11e8' + 'pciclass,00ff00' + 'pciclass,00ff'\""
t driver-prop eq edu-version "$(prop 0 edu-version)" 00000100
t conf-prop sh -c "prtconf -v | grep -q \"name='edu-intr-type' type=string\""
sec 0 | head -40

# --- the device ---
t ident eq ident "$(eductl ident)" ident=0x010000ed
t live eq live "$(eductl live 0x12345678)" live=0xedcba987
t live32 eq live "$(eductl32 -d $D1 live 0x0f0f0f0f)" live=0xf0f0f0f0
t fact-poll eq fact "$(eductl fact 10)" fact=3628800
t fact-intr eq fact "$(eductl fact 12 intr)" fact=479001600
t fact-intr-32 eq fact "$(eductl32 -d $D1 fact 5 intr)" fact=120
t msi-cap sh -c "eductl stats | grep -q 'msi_cap=0x[1-9a-f]'"
t misuse eq misuse "$(eductl misuse)" "misuse=0x1ff expected=0x1ff"
t misuse-warns sh -c 'dmesg | grep -q "edu0: ddi_regs_map_setup(rnumber 7): no such register set; refused"'
t misuse-warns-access sh -c 'dmesg | grep -q "edu0: ddi_put32: address outside the mapping"'
t raise-msi raise $D0 msi
t intr-fixed eductl intr fixed
t raise-fixed raise $D0 fixed
t fact-intr-fixed eq fact "$(eductl fact 6 intr)" fact=720
t intr-msi eductl intr msi
t raise-msi-1 raise $D1 msi

# dma MODE TRIPS [LEN]: round trips, every byte back, every transfer
# completed by its interrupt, no bus address beyond the 28 bits.
dma() {
	out=$(eductl dma "$@") || return 1
	echo "dma $*: $out"
	eq errors "$(field errors "$out")" 0 &&
	eq timeouts "$(field timeouts "$out")" 0 &&
	eq failed "$(field failed "$out")" 0 &&
	[ "$(field intrs "$out")" -ge $((2 * $2)) ] &&
	[ $(($(field maxaddr "$out"))) -le $((0x0fffffff)) ] &&
	[ $(($(field maxaddr "$out"))) -gt 0 ]
}
# --- DMA ---
t dma-consistent dma consistent "$DT"
t dma-streaming dma streaming "$DT"
t dma-odd-length dma streaming 3 1000
t dma-consistent-odd-length dma consistent 3 3
# kmem_alloc memory anywhere in the guest's 1 GiB, bound with
# dma_attr_addr_hi 0x0fffffff (bounced where it lies above).
t dma-guest-above-addr_hi sh -c '[ $(sed -n "s/^MemTotal: *\([0-9]*\) kB/\1/p" /proc/meminfo) -gt 262144 ]'
t dma-kmem dma kmem "$DT"
# User pages above 256 MiB, apart: the bind bounces them into one
# cookie the device reaches (so even sgllen 1 takes them), data right.
t dma-addr_hi-bounced eq dmauser "$(eductl dmauser high)" \
	"place=high write=0 bind=0 nwin=1 ncookies=1 moved=2048 read=0 rbind=0 rnwin=1 rmoved=2048 errors=0"
t dma-many dma streaming "$DMANY"
t dma-windows eq dmawin "$(eductl dmawin 256)" \
	"nopartial=-3 partial=1 nwin=8 walked=8 errors=0 badcookies=0"
t dma-windows-odd eq dmawin "$(eductl dmawin 768)" \
	"nopartial=-3 partial=1 nwin=3 walked=3 errors=0 badcookies=0"
# Two physically apart pages, 1024 bytes of each: sgllen 1 cannot take
# them whole (DDI_DMA_TOOBIG, EIO), DDI_DMA_PARTIAL makes two windows.
# The pages must lie below the device's 256 MiB, which a process seldom
# gets on the 2 GiB stock guests by chance: there the low 256 MiB is a
# NUMA node of its own (scripts/guest.sh) that eductl asks for its pages.
# The page cache is dropped and memory compacted first as well, for the
# debug guests (no NUMA), whose low memory is mostly free anyway.
lowmem() {
	sync
	echo 3 >/proc/sys/vm/drop_caches 2>/dev/null
	echo 1 >/proc/sys/vm/compact_memory 2>/dev/null
	:
}
lowmem
t dma-user-sgllen1 eq dmauser "$(eductl dmauser)" \
	"place=low write=5 bind=-3 nwin=0 ncookies=0 moved=0"
lowmem
t dma-user-partial eq dmauser "$(eductl dmauser partial)" \
	"place=low write=0 bind=1 nwin=2 ncookies=1 moved=2048 read=0 rbind=1 rnwin=2 rmoved=2048 errors=0"
t dma-user-partial-32 eq dmauser "$(eductl32 -d $D1 dmauser partial)" \
	"place=low write=0 bind=1 nwin=2 ncookies=1 moved=2048 read=0 rbind=1 rnwin=2 rmoved=2048 errors=0"
t dma-misuse eq dmamisuse "$(eductl dmamisuse)" "dmamisuse=0x3ff expected=0x3ff"
t dma-misuse-warns-sync sh -c 'dmesg | grep -q "edu0: ddi_dma_sync: the handle is not bound; refused"'
t dma-misuse-warns-free sh -c 'dmesg | grep -q "edu0: ddi_dma_free_handle: the handle is still bound"'
t dma-misuse-warns-unbind sh -c 'dmesg | grep -q "edu0: ddi_dma_unbind_handle: the handle is not bound; refused"'
# The DMA API's checker (CONFIG_DMA_API_DEBUG) and dma-direct said nothing.
t dma-api-debug-quiet not sh -c 'dmesg | grep -E "DMA-API|overflow \\(mask" |
	grep -v -E "DMA-API: (preallocated|debugging enabled)"'

# --- detach while interrupts arrive; reattach ---
eductl raise 500 nowait >/dev/null
eductl -d $D1 raise 500 nowait >/dev/null
t detach-racing-intr sh -c 'echo "detach edu" > /dev/ddi_modctl'
t detached sh -c 'ddi_modinfo edu | grep -q "instance 0 detached"'
t reattach ddi_attach edu
t reattached eq ident "$(eductl ident)" ident=0x010000ed

# --- unload, reload: same instances ---
t rem_drv rem_drv edu
t unloaded not loaded edu
t reload add_drv edu
t same-instance-0 eq instance "$(field instance "$(eductl -d $D0 stats)")" 0
t same-instance-1 eq instance "$(field instance "$(eductl -d $D1 stats)")" 1
# Unbind both, bind slot 5 first: it keeps instance 1 (path_to_inst).
echo $A0 > $SYS/unbind
echo $A1 > $SYS/unbind
t unbound not test -e $D0
echo $A1 > $SYS/bind
echo $A0 > $SYS/bind
t rebind-instance-1 eq instance "$(field instance "$(eductl -d $D1 stats)")" 1
t rebind-instance-0 eq instance "$(field instance "$(eductl -d $D0 stats)")" 0

# --- aliases at run time, and driver_override ---
echo $A1 > $SYS/unbind
t update_drv-d update_drv -d -i '"pci1234,11e8"' edu
echo $A1 > /sys/bus/pci/drivers_probe
t no-alias-no-bind not test -e $D1
echo edu > /sys/bus/pci/devices/$A1/driver_override
echo $A1 > /sys/bus/pci/drivers_probe
t driver-override test -c $D1
echo $A1 > $SYS/unbind
echo > /sys/bus/pci/devices/$A1/driver_override
t update_drv-a update_drv -a -i '"pci1234,11e8"' edu
t alias-rebinds test -c $D1
t alias-listed sh -c 'ddi_modinfo | grep -qx "alias edu \"pci1234,11e8\""'
t rem_drv-end rem_drv edu
t gone-from-tree not sh -c 'prtconf | grep -q pci1af4'
exit $fail
