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
add_drv edubench || exit 1
bind $DDI edubench
if [ ! -c $DEV ] || [ ! -c /dev/edu_native ]; then
	echo "edu bench: devices missing ($DEV, /dev/edu_native)"
	dmesg | tail -20
	exit 1
fi
edu_bench $DEV /dev/edu_native ${EDU_BENCH_CASES:-}
rc=$?
echo $DDI >/sys/bus/pci/drivers/edubench/unbind
rem_drv edubench || rc=1
echo $NAT >/sys/bus/pci/drivers/edu_native/unbind
rmmod edu_native || rc=1
exit $rc
