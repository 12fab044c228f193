# SPDX-License-Identifier: GPL-2.0
# Harness self-test boot on the KCSAN kernel: selftest_race.ko's two
# threads write one int without a lock for a second; KCSAN must report
# it, and the host (check.sh kcsan_check) that the boot failed for it.
insmod /ddi/selftest/selftest_race.ko || exit 1
sleep 3
rmmod selftest_race
exit 0
