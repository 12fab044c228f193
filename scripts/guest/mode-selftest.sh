# SPDX-License-Identifier: GPL-2.0
# Harness self-test boot: everything here goes wrong on purpose, and the
# host checks that each failure was seen.
. /ddi/lib.sh
ddi_setup || exit 1
kunit_module /ddi/selftest/selftest_kunit.ko
result selftest:guest-failure fail "deliberate failure"
insmod /ddi/selftest/selftest_warn.ko
rmmod selftest_warn
insmod /ddi/selftest/selftest_leak.ko
rmmod selftest_leak
kmemleak_check
exit 0
