# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=drivers/edu TEST=port-test.sh` in /port, with edu
# already loaded from this directory, the devices of qemu.args (two edu
# devices) in the guest and eductl on the PATH.  EDU_RAISES interrupts
# are raised with MSI and with INTx (default 2000).  Leaves edu unloaded.
set -e
n=${EDU_RAISES:-2000}
d0=/devices/pci@0,0/pci1af4,1100@4:edu
d1=/devices/pci@0,0/pci1af4,1100@5:edu
test -c $d0
test -c $d1
prtconf -v | grep -q "value='pci1234,11e8.1af4.1100.10' + 'pci1234,11e8.1af4.1100' + 'pci1af4,1100'"
eductl ident | grep -qx 'ident=0x010000ed'
eductl32 -d $d1 live 0x12345678 | grep -qx 'live=0xedcba987'
eductl fact 10 | grep -qx 'fact=3628800'
eductl fact 12 intr | grep -qx 'fact=479001600'
eductl misuse | grep -qx 'misuse=0x1ff expected=0x1ff'
for kind in msi fixed; do
	eductl intr $kind >/dev/null
	out=$(eductl raise "$n")
	echo "$kind: $out"
	echo "$out" | grep -q "raised=$n timeouts=0 "
	st=$(eductl stats)
	echo "$st"
	raised=$(echo "$st" | sed 's/.* raised=\([0-9]*\) .*/\1/')
	seen=$(echo "$st" | sed 's/.* seen=\([0-9]*\) .*/\1/')
	[ "$raised" = "$seen" ]
	echo "$st" | grep -q "unclaimed=0 .*intr_type=$kind"
done
# edu.conf keeps instances attached (ddi-no-autodetach): rem_drv
# detaches them and unloads the module, as rmmod alone cannot.
rem_drv edu
echo "edu port test: ok"
