# SPDX-License-Identifier: GPL-2.0
# The low-memory boot (make check; issue 11, item 7): a guest with little
# memory (check.sh boots it with DDI_MEM=384M) in which tests/prog/memhog
# takes all but 8 MiB of what is available and holds it, taking more
# whenever memory is given back.  What the tests allocate must then come
# from the hog, through the OOM killer.  Under that pressure: the RAM
# disk written whole and read back, DDI_UMEM_SLEEP allocations of three
# sizes (each made with the hog holding its memory), and the RAM disk,
# umem, qotd and rmapbuf guest tests as they are.  Every KM_SLEEP and
# DDI_UMEM_SLEEP allocation must come back; the hung-task detector, set
# to 10 s, must stay quiet; the OOM killer must have killed the hog (the
# tests did need its memory) and nothing else.  The host excuses the OOM
# killer's stack dumps in this boot only (results.py --oom-expected).
. /ddi/lib.sh
fail=0
stop=/tmp/memhog.stop

# The tests and this script are never the OOM killer's choice; the hog
# always is (it sets its own oom_score_adj to 1000).
echo -1000 >/proc/self/oom_score_adj
ddi_setup || { result guest:load-ddi_compat fail; exit 1; }
result guest:load-ddi_compat pass
# A task blocked for 10 s is reported (a splat, which fails the boot).
echo 10 >/proc/sys/kernel/hung_task_timeout_secs 2>/dev/null
t=$(cat /proc/sys/kernel/hung_task_timeout_secs 2>/dev/null)
if [ "$t" = 10 ]; then
	result guest:hung-task-detector-10s pass
else
	result guest:hung-task-detector-10s fail "hung_task_timeout_secs: ${t:-absent}"
	fail=1
fi
DDI_SPEED=$(ddi_speed)
export DDI_SPEED
diag "memory: $(sed -n 's/^MemTotal: *//p' /proc/meminfo) in all," \
	"$(sed -n 's/^MemAvailable: *//p' /proc/meminfo) available"

oom_kills() { dmesg | grep -c 'Killed process [0-9]* (memhog)'; }

avail_mib() { echo $(($(sed -n 's/^MemAvailable: *\([0-9]*\).*/\1/p' \
	/proc/meminfo) / 1024)); }

rm -f $stop
memhog $stop 8 >/tmp/memhog.out 2>&1 &
hog=$!
# The pressure is real once the hog holds all but a few MiB.
n=0
while [ "$(avail_mib)" -gt 16 ] && [ $n -lt 600 ]; do
	usleep 100000
	n=$((n + 1))
done
if [ "$(avail_mib)" -gt 16 ]; then
	result memhog:holds-memory fail "$(avail_mib) MiB still available after 60 s"
	fail=1
else
	result memhog:holds-memory pass
fi
diag "available with the hog: $(avail_mib) MiB"

# The RAM disk written whole and read back, and DDI_UMEM_SLEEP again and
# again, while the hog runs (lowmem-*.sh beside this file).
for t in lowmem-ramdisk lowmem-umem; do
	ktap_test "guest:$t" run_guest_test $DDI/$t.sh || fail=1
done

# Guest tests of the drivers that allocate the most, as they are.
for t in ramdisk ramdisk_busy umem_mmap umemshare qotd_stress rmapbuf; do
	[ -f /ddi/guest-tests/$t.sh ] || continue
	ktap_test "guest:$t" run_guest_test /ddi/guest-tests/$t.sh || fail=1
done

touch $stop
wait $hog
rc=$?
out=$(cat /tmp/memhog.out)
diag "$out"
# The tests took memory that only the hog had: the OOM killer took it.
kills=$(oom_kills)
diag "OOM kills of the hog: $kills"
if [ "$kills" -gt 0 ]; then
	result memhog:oom-killed pass
else
	result memhog:oom-killed fail "the tests never needed the hog's memory"
	fail=1
fi
if [ $rc = 0 ]; then
	result memhog:ended pass
else
	result memhog:ended fail "$out"
	fail=1
fi
others=$(dmesg | grep 'Killed process' | grep -v '(memhog)')
if [ -n "$others" ]; then
	result memhog:only-oom-victim fail "$(echo "$others" | head -1)"
	fail=1
else
	result memhog:only-oom-victim pass
fi
ddi_unload || fail=1
exit $fail
