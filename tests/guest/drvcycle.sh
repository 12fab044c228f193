# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 400
# add_drv/rem_drv cycles with opens, mappings and disks in between
# (issue 11 item 7): 1000 cycles of qotd on the stock kernels (250 under
# KASAN and lockdep, where one cycle costs ten times as much), each with
# an open and a read; every 25th also the RAM disk driver with a disk
# made, written, mapped by the random executor and destroyed.  At the end
# ddi_compat's module reference count, its allocation and umem counters
# and its driver list are back where they were, and ddi_compat reported
# no allocation of a driver left at its unload (it takes those out of
# the live count when it reports them, and counts them in debugfs
# leaked_at_unload; kmemleak's verdict comes at the end of the boot).
. /ddi/lib.sh
fail=0
C=/sys/kernel/debug/ddi_compat
N=1000
ddi_debug_kernel && N=250
ref0=$(cat /sys/module/ddi_compat/refcnt)
kmem0=$(ddic_counter kmem live_allocations)
# KUnit's kmem suites, earlier in the same boot, count misuse on purpose.
kmis0=$(ddic_counter kmem misuse)
# Allocations and cookies ddi_compat reported as left at a driver's unload.
leaks() {
	echo $(($(ddic_counter kmem leaked_at_unload || :) + 0 + \
		$(ddic_counter umem leaked_at_unload || :) + 0))
}
leaks0=$(leaks)
echo "$N cycles; ddi_compat refcnt $ref0, kmem live $kmem0"

cycles() {
	i=0
	while [ $i -lt $N ]; do
		i=$((i + 1))
		add_drv qotd >/dev/null || { echo "cycle $i: add_drv qotd"; return 1; }
		head -c 16 /devices/pseudo/qotd@0:qotd >/dev/null ||
			{ echo "cycle $i: read"; return 1; }
		rem_drv qotd || { echo "cycle $i: rem_drv qotd"; return 1; }
		[ $((i % 25)) = 0 ] || continue
		add_drv ramdisk >/dev/null || { echo "cycle $i: add_drv ramdisk"; return 1; }
		ramdiskadm -a cyc 2m >/dev/null || { echo "cycle $i: ramdiskadm -a"; return 1; }
		dd if=/dev/urandom of=/devices/pseudo/ramdisk@0:cyc,raw bs=65536 \
			count=8 2>/dev/null || { echo "cycle $i: dd"; return 1; }
		ddic_fuzz ramdisk -s $i -t 0.3 -p 1 >/dev/null ||
			{ echo "cycle $i: ddic_fuzz ramdisk -s $i failed"; return 1; }
		drv_reset ramdisk
		rem_drv ramdisk || { echo "cycle $i: rem_drv ramdisk"; return 1; }
	done
}
t cycles cycles
t refcnt-back [ "$(cat /sys/module/ddi_compat/refcnt)" = "$ref0" ]
t kmem-back [ "$(ddic_counter kmem live_allocations)" = "$kmem0" ]
t kmem-no-misuse [ "$(ddic_counter kmem misuse)" = "$kmis0" ]
t no-leak-at-unload [ "$(leaks)" = "$leaks0" ]
t umem-no-mappings [ "$(ddic_counter umem mappings_live)" = 0 ]
t no-driver-left sh -c "! grep -q '^driver ' $C/devinfo"
t no-module-left sh -c "! grep -Eq '^(qotd|ramdisk) ' /proc/modules"
exit $fail
