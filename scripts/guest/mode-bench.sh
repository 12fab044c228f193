# SPDX-License-Identifier: GPL-2.0
# make bench, guest side: ddi_bench.ko runs the in-kernel cases when
# loaded; the user-space cases (/ddi/bench/*.sh, one test each) then add
# their rows through its fixture device.  Every benchmark row is a KTAP
# diagnostic line "# bench: {json}" (the user-space cases print
# "bench: {json}", which ktap_test makes a diagnostic line).
. /ddi/lib.sh
ddi_setup || { result bench:load-ddi_compat fail; exit 1; }
# ddi.bench=CASE,... on the command line (DDI_APPEND) runs only those
# in-kernel cases and no user-space one: a narrow run while working on one.
only=
for arg in $(cat /proc/cmdline); do
	case $arg in ddi.bench=*) only=${arg#ddi.bench=} ;; esac
done
insmod /ddi/modules/ddi_bench.ko ${only:+only=$only} ||
	{ result bench:load-ddi_bench fail; exit 1; }
rc=0
for b in /ddi/bench/*.sh; do
	[ -f "$b" ] || continue
	[ -z "$only" ] || continue
	ktap_test "bench:$(basename "$b" .sh)" sh "$b" || rc=1
done
sed 's/^/# bench: /' /sys/kernel/debug/ddi_bench/results
rmmod ddi_bench || { result bench:unload-ddi_bench fail; rc=1; }
rmmod ddi_compat || { result bench:unload-ddi_compat fail; rc=1; }
exit $rc
