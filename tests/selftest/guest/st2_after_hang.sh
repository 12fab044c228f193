# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 60
# Harness self-test (issue 11 item 8): runs after st1_hang.sh was killed
# at its limit; the guest must be as st1_hang found it, and the drivers
# it used must work again.
. /ddi/lib.sh
fail=0
t no-driver-left sh -c "! grep -q '^driver ' /sys/kernel/debug/ddi_compat/devinfo"
t no-module-left sh -c "! grep -Eq '^(qotd|ramdisk) ' /proc/modules"
t no-mount-left sh -c "! grep -q st_hang /proc/mounts"
t no-process-left sh -c "! ps | grep -v grep | grep -q 'sleep 100000'"
again() { d=$(ramdisk_new again 1) && test -b "$d"; }
t ramdisk-again again
t ramdisk-delete ramdisk_del again
t ramdisk-rem_drv rem_drv ramdisk
t qotd-again add_drv qotd
t qotd-read sh -c "head -c 1 /devices/pseudo/qotd@0:qotd >/dev/null"
t qotd-rem_drv rem_drv qotd
exit $fail
