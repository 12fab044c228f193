# SPDX-License-Identifier: GPL-2.0
# Harness self-test boot: everything here goes wrong on purpose, and the
# host checks that each failure was seen.
. /ddi/lib.sh
ddi_setup || exit 1
kunit_module /ddi/selftest/selftest_kunit.ko
result selftest:guest-failure fail "deliberate failure"
# Guest tests that go wrong on purpose, run as main.sh runs the real ones.
DDI_SPEED=$(ddi_speed)
export DDI_SPEED
for t in /ddi/selftest/guest/*.sh; do
	[ -f "$t" ] && ktap_test "guest:$(basename "$t" .sh)" run_guest_test "$t"
done
insmod /ddi/selftest/selftest_warn.ko
rmmod selftest_warn
insmod /ddi/selftest/selftest_leak.ko
rmmod selftest_leak
kmemleak_check
exit 0
