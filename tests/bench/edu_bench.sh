# SPDX-License-Identifier: GPL-2.0
# make bench: the edu cases (tests/bench/edu_bench.c): the Solaris driver
# tests/bench/edubench through ddi_compat against the native Linux driver
# bench/edu_native.c, each on its own edu device (tests/bench/edubench/
# qemu.args: slots 4 and 5), both bound by driver_override.
# EDU_BENCH_CASES (from BENCH_VARS) narrows the cases.
NAT=0000:00:04.0
DDI=0000:00:05.0
DEV=/devices/pci@0,0/pci1af4,1100@5:edubench
# bind ADDR DRIVER
bind() {
	echo "$2" >/sys/bus/pci/devices/$1/driver_override &&
		echo "$1" >/sys/bus/pci/drivers_probe
}
insmod /ddi/modules/edu_native.ko || exit 1
bind $NAT edu_native
echo edubench >/sys/bus/pci/devices/$DDI/driver_override
add_drv edubench || exit 1
[ -c $DEV ] || echo $DDI >/sys/bus/pci/drivers_probe
# Both devices' interrupts to CPU 0, where edu_bench runs (edu_bench.c).
for irq in $(awk '/edu_native|edubench/ { sub(":", "", $1); print $1 }' \
	/proc/interrupts); do
	echo 1 >/proc/irq/$irq/smp_affinity || echo "irq $irq: not moved"
done
grep -E 'edu_native|edubench' /proc/interrupts
if [ -c $DEV ] && [ -c /dev/edu_native ]; then
	edu_bench $DEV /dev/edu_native ${EDU_BENCH_CASES:-}
	rc=$?
else
	echo "edu bench: devices missing ($DEV, /dev/edu_native)"
	for a in $NAT $DDI; do
		echo "$a: override $(cat /sys/bus/pci/devices/$a/driver_override)," \
			"driver $(readlink /sys/bus/pci/devices/$a/driver)"
	done
	ls /dev/pci@0,0 /dev | tr '\n' ' '
	dmesg | tail -20
	rc=1
fi
echo $DDI >/sys/bus/pci/drivers/edubench/unbind
rem_drv edubench || rc=1
echo $NAT >/sys/bus/pci/drivers/edu_native/unbind
rmmod edu_native || rc=1
exit $rc
