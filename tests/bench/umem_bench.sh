# SPDX-License-Identifier: GPL-2.0
# Guest side of the umem bench: load ddi_compat and ddi_bench (which runs
# the in-kernel cases), run the user-space cases through the fixture, and
# print every result row.  Until the project's bench mode runs user
# programs itself, run it as a guest mode with this directory as the
# initramfs EXTRA_DIR:
#   scripts/initramfs.sh stock-6.12 umem_bench OUT.cpio.gz tests/bench
#   scripts/guest.sh stock-6.12 OUT.cpio.gz OUTDIR umem_bench 1200
. /ddi/lib.sh
ddi_setup || exit 1
insmod /ddi/modules/ddi_bench.ko || exit 1
umem_bench || exit 1
echo "@@BENCH-BEGIN"
cat /sys/kernel/debug/ddi_bench/results
echo "@@BENCH-END"
cat /sys/kernel/debug/ddi_compat/umem
rmmod ddi_bench && rmmod ddi_compat
