# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=tests/port/tree-virtio TEST=tree-test.sh`
# (check.sh, port-workflow:tree-virtio) in /port, with vfw loaded before
# vrng.  A virtio-rng function of QEMU's (qemu.args) is bound through
# vrng's driver_aliases, after a Linux driver that took it first (the
# stock kernels' virtio-pci) is told to let it go.
set -e
fail() { echo "tree-virtio: $*"; dmesg | tail -20; exit 1; }

for d in /sys/bus/pci/devices/*; do
	[ "$(cat "$d/vendor")" = 0x1af4 ] && [ "$(cat "$d/device")" = 0x1044 ] ||
		continue
	drv=$(readlink "$d/driver" || true)
	case $drv in
	*/vrng|"") ;;
	*)	echo vrng >"$d/driver_override"
		echo "${d##*/}" >"$d/driver/unbind"
		echo "${d##*/}" >/sys/bus/pci/drivers_probe ;;
	esac
done
node=$(ls /devices/pci@0,0/*:rng 2>/dev/null | head -1)
[ -n "$node" ] || fail "no vrng node"
ddi_modinfo | grep -q '^misc vfw module vfw ' || fail "vfw is not a misc module"

# 64 reads of 4 KiB: each one a buffer given to the device and returned,
# an interrupt each.  vfw found the 5 vendor capabilities (common,
# notify, isr, device, pci) through pci_cap_get by index and base.
out=$(vrngctl "$node" 64) || fail "vrngctl failed"
echo "$out"
set -- $out
[ "$2" = 4 ] || [ "$2" = 1 ] || fail "interrupt type $2"
[ "$4" -ge 1024 ] || fail "only $4 interrupts for 1024 buffers"
[ "$6" -ge 4 ] || fail "$6 vendor capabilities"

# vrng holds vfw; vfw goes after it.
if rmmod vfw 2>/dev/null; then fail "vfw unloaded under vrng"; fi
rem_drv vrng || fail "rem_drv vrng"
rmmod vfw || fail "rmmod vfw"
echo "tree-virtio test: ok"
