# SPDX-License-Identifier: GPL-2.0
# make bench, guest side: ddi_bench.ko runs the in-kernel cases when
# loaded; the user-space cases (/ddi/bench/*.sh, one test each) then add
# their rows through its fixture device.  Every benchmark row is a KTAP
# diagnostic line "# bench: {json}" (the user-space cases print
# "bench: {json}", which ktap_test makes a diagnostic line).
#
# /ddi/bench.env (written by scripts/bench.sh) may narrow the run:
# BENCH_ONLY=kmem,blk,... runs only the in-kernel cases and the scripts
# (<name>_bench.sh) so named; BLK_* tune the block bench.
. /ddi/lib.sh
[ -f /ddi/bench.env ] && . /ddi/bench.env
ddi_setup || { result bench:load-ddi_compat fail; exit 1; }
insmod /ddi/modules/ddi_bench.ko ${BENCH_ONLY:+only=$BENCH_ONLY} ||
	{ result bench:load-ddi_bench fail; exit 1; }
rc=0
for b in /ddi/bench/*.sh; do
	[ -f "$b" ] || continue
	n=$(basename "$b" .sh)
	case ",${BENCH_ONLY:-${n%_bench}}," in
	*",${n%_bench},"*) ;;
	*) continue ;;
	esac
	ktap_test "bench:$n" sh "$b" || rc=1
done
sed 's/^/# bench: /' /sys/kernel/debug/ddi_bench/results
rmmod ddi_bench || { result bench:unload-ddi_bench fail; rc=1; }
rmmod ddi_compat || { result bench:unload-ddi_compat fail; rc=1; }
exit $rc
