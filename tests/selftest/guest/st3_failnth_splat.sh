# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 60
# Harness self-test (issue 11 item 3): a fail-nth sweep whose every call
# ends cleanly, over a write that WARNs when its allocation fails
# (selftest_failnth.ko).  The sweep passes; the splat it provokes must
# fail this test's row all the same.
. /ddi/lib.sh
fail=0
failnth_setup
t insmod insmod /ddi/selftest/selftest_failnth.ko
t sweep failnth write /sys/kernel/debug/selftest_failnth
t rmmod rmmod selftest_failnth
exit $fail
