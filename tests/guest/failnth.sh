# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 600
# ddi-kernels: debug-*
# Fault injection at every allocation of an operation (issue 11 item 3):
# tests/prog/failnth.c runs each operation of the sample drivers and the
# bridge with /proc/self/task/<tid>/fail-nth = 1, 2, ... until the
# operation no longer reaches the n-th point where the kernel may fail
# (slab and page allocations, user copies).  Each run must end in
# success or a clean errno (a splat fails this test's row on the host);
# afterwards the drivers still work and ddi_compat's counters are back
# where they were.  The stock kernels have no fault injection (Debian's
# configuration), so this runs on the debug kernels only.
. /ddi/lib.sh
fail=0
F=/sys/kernel/debug
D=/devices/pseudo
Q=$D/qotd@0:qotd
C=/sys/kernel/debug/ddi_compat

failnth_setup
t fail-nth-present test -w /proc/self/task/$$/fail-nth

kmem0=$(ddic_counter kmem live_allocations)
# KUnit's kmem suites, earlier in the same boot, count misuse on purpose.
kmis0=$(ddic_counter kmem misuse)
kleak0=$(ddic_counter kmem leaked_at_unload)

# sweep NAME PROG OP ARGS...: one row per operation swept; the number
# of points swept is in the log.
sweep() {
	_n=$1
	shift
	"$@" >/tmp/failnth.$_n 2>&1
	_rc=$?
	cat /tmp/failnth.$_n
	grep -E '^(driver|  instance)' $C/devinfo
	[ $_rc = 0 ]
}

t add_drv-qotd add_drv qotd
t add_drv-ramdisk add_drv ramdisk
disk=$(ramdisk_new failnth_d 1)
t disk test -b "$disk"
RAW=$D/ramdisk@0:failnth_d,raw
BLK=$D/ramdisk@0:failnth_d

t open-detached sweep open-detached failnth open-detached qotd $Q
t qotd-resize sweep qotd-resize failnth qotd-resize $Q
t qotd-resize-32 sweep qotd-resize-32 failnth32 qotd-resize $Q
# Making a disk and loading a module reach hundreds of points deep in the
# block layer and the module loader (each run seconds under KASAN): every
# one of the first 80, where ddi_compat's own allocations come, then
# every 11th (failnth.c, FAILNTH_DENSE and FAILNTH_STRIDE).
SPARSE="env FAILNTH_DENSE=80 FAILNTH_STRIDE=11"
t rd-create sweep rd-create $SPARSE failnth rd-create $D/ramdisk@0:ctl
t mmap-small sweep mmap-small failnth mmap $RAW 4096
t mmap-large sweep mmap-large failnth mmap $RAW 262144
t raw-read sweep raw-read failnth raw-read $RAW 16384
t discard sweep discard failnth discard $BLK 524288
t disk-delete ramdisk_del failnth_d
t rem_drv-ramdisk rem_drv ramdisk
t rem_drv-qotd rem_drv qotd
t add-drv sweep add-drv $SPARSE failnth add-drv $DDI/modules/qotd.ko qotd
t qotd-not-left sh -c "! grep -q '^qotd ' /proc/modules"

# The drivers work after all that, and nothing is left counted.
t qotd-again add_drv qotd
t qotd-reads sh -c "head -c 1 $Q | grep -q ."
t qotd-rem_drv rem_drv qotd
t kmem-back [ "$(ddic_counter kmem live_allocations)" = "$kmem0" ]
t kmem-no-misuse [ "$(ddic_counter kmem misuse)" = "$kmis0" ]
t no-leak-at-unload [ "$(ddic_counter kmem leaked_at_unload)" = "$kleak0" ]
t umem-no-mappings [ "$(ddic_counter umem mappings_live)" = 0 ]
t no-driver-left sh -c "! grep -q '^driver ' $C/devinfo"
grep -h 'points' /tmp/failnth.* | sed 's/^/swept: /'
exit $fail
