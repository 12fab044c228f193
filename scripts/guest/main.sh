# SPDX-License-Identifier: GPL-2.0
# Guest side of make check / make run / make bench.  $1 is the mode.
. /ddi/lib.sh
mode=$1
failed=0

guest_tests() {
	for t in $DDI/tests/*.sh; do
		[ -f "$t" ] || continue
		name=$(basename "$t" .sh)
		echo "@@BEGIN $name"
		t0=$(date +%s)
		if timeout 300 sh "$t"; then
			result "guest:$name" pass
		else
			result "guest:$name" fail "exit $?"
			failed=1
		fi
		echo "@@TIME $name $(($(date +%s) - t0))s"
	done
}

case $mode in
check)
	ddi_setup || { result guest:load-ddi_compat fail; exit 1; }
	result guest:load-ddi_compat pass
	for m in $DDI/kunit/*.ko; do
		[ -f "$m" ] && { kunit_module "$m" || failed=1; }
	done
	guest_tests
	if rmmod ddi_compat; then
		result guest:unload-ddi_compat pass
	else
		result guest:unload-ddi_compat fail
		failed=1
	fi
	kmemleak_check
	;;
*)
	[ -f "$DDI/mode-$mode.sh" ] || { echo "unknown mode $mode"; exit 2; }
	sh "$DDI/mode-$mode.sh"
	failed=$?
	;;
esac
exit $failed
