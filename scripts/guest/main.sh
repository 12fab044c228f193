# SPDX-License-Identifier: GPL-2.0
# Guest side of make check / make run / make bench.  $1 is the mode.
# Prints the body of the boot's KTAP document (init prints its version
# line and the exit status); see "The results channel" in lib.sh.
. /ddi/lib.sh
mode=$1
failed=0

case $mode in
check)
	ddi_setup || { result guest:load-ddi_compat fail; exit 1; }
	result guest:load-ddi_compat pass
	# KUnit runs each case in a thread of its own while insmod waits,
	# uninterruptibly, for the whole module: a case longer than the
	# debug kernels' 60-s hung-task limit (rmap_random's 100000-op run
	# took 70 s on debug-6.1 beside another guest on a loaded host) made
	# the detector report insmod.  While the suites run the limit is
	# 360 s, past KUnit's own 300-s limit per case; then it is 60 s again.
	hung=/proc/sys/kernel/hung_task_timeout_secs
	hung0=$(cat $hung 2>/dev/null)
	[ -n "$hung0" ] && [ "$hung0" != 0 ] && echo 360 >$hung
	for m in $DDI/kunit/*.ko; do
		[ -f "$m" ] && { kunit_module "$m" || failed=1; }
	done
	[ -n "$hung0" ] && echo "$hung0" >$hung
	# The tests' limits follow the machine's speed (lib.sh ddi_speed).
	DDI_SPEED=$(ddi_speed)
	export DDI_SPEED
	diag "speed: ${DDI_SPEED}% of the reference time; limits scaled by it"
	for t in $DDI/tests/*.sh; do
		[ -f "$t" ] || continue
		t0=$(date +%s)
		name=$(basename "$t" .sh)
		if ! test_runs_here "$t"; then
			diag "not run on $(cat $DDI/kernel): guest:$name" \
				"($(sed -n 's/^# ddi-kernels: *//p' "$t"))"
			continue
		fi
		ktap_test "guest:$name" run_guest_test "$t" || failed=1
		diag "time guest:$name $(($(date +%s) - t0)) s"
	done
	ddi_unload || failed=1
	;;
run)
	# A readable account, shown live by make run: one test.
	ktap_test run:demo sh "$DDI/mode-run.sh"
	failed=$?
	;;
*)
	[ -f "$DDI/mode-$mode.sh" ] || { diag "unknown mode $mode"; exit 2; }
	sh "$DDI/mode-$mode.sh"
	failed=$?
	;;
esac
exit $failed
