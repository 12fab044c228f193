# SPDX-License-Identifier: GPL-2.0
# make bench, guest side: ddi_bench.ko runs the in-kernel cases when
# loaded; the user-space cases (/ddi/bench/*.sh) then add their rows
# through its fixture device.  Every row is printed as "@@BENCH {json}".
. /ddi/lib.sh
ddi_setup || exit 1
insmod /ddi/modules/ddi_bench.ko || exit 1
rc=0
for b in /ddi/bench/*.sh; do
	[ -f "$b" ] || continue
	sh "$b" || { echo "bench $(basename "$b") failed"; rc=1; }
done
sed 's/^/@@BENCH /' /sys/kernel/debug/ddi_bench/results
rmmod ddi_bench || rc=1
rmmod ddi_compat || rc=1
exit $rc
