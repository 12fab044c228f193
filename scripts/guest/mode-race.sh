# SPDX-License-Identifier: GPL-2.0
# Harness self-test boot on the KCSAN kernel: selftest_race.ko's two
# threads write one int without a lock; KCSAN must report it, and the
# host (check.sh kcsan_check) that the boot failed for it.  KCSAN samples
# accesses and a loaded host seldom runs both vCPUs at once (a fixed
# second of racing went unreported beside another guest), so the threads
# race until the report is in the kernel log, for at most 60 s.
max=60
insmod /ddi/selftest/selftest_race.ko seconds=$max || exit 1
i=0
while [ $i -lt $max ] && ! dmesg | grep -q 'KCSAN: data-race'; do
	sleep 1
	i=$((i + 1))
done
echo "# race: ${i} s until KCSAN's report"
rmmod selftest_race
exit 0
