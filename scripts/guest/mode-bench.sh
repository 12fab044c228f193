# SPDX-License-Identifier: GPL-2.0
# make bench, guest side: the in-kernel cases of ddi_bench.ko, then any
# user-space cases (/ddi/bench/*.sh), each line "@@BENCH {json}".
. /ddi/lib.sh
ddi_setup || exit 1
insmod /ddi/modules/ddi_bench.ko || exit 1
sed 's/^/@@BENCH /' /sys/kernel/debug/ddi_bench/results
rmmod ddi_bench
rc=0
for b in /ddi/bench/*.sh; do
	[ -f "$b" ] || continue
	sh "$b" || { echo "bench $(basename "$b") failed"; rc=1; }
done
rmmod ddi_compat || rc=1
exit $rc
