# SPDX-License-Identifier: GPL-2.0
# dm_race.sh: races of the driver model (audit 2, finding 1; issue 11)
# through the test-only driver tests/drivers/dmrace and
# tests/prog/dmrace.c: deterministic interleavings of open, close,
# detach, rem_drv and rmmod against slowed entry points, then 2 x 10 s of
# random opens, closes, forks, detaches and (second half) rem_drv/add_drv
# from several processes (the seed is printed: `dmrace random 10 SEED`
# replays it).  The driver warns "dmrace: violation: ..." at each broken
# promise; none may appear.  Leaves dmrace unloaded.
. /ddi/lib.sh
fail=0

add_drv dmrace >/dev/null || { result dm_race:add_drv fail; exit 1; }
cases="close-during-open two-closes open-during-close failed-open
	clone-reuse detach-during-open rem-drv-open rmmod-attach"
for c in $cases; do
	t "$c" dmrace "$c"
done
seed=${DM_RACE_SEED:-$(date +%s)}
t random dmrace random 10 "$seed"
t random-cycle dmrace random 10 $((seed + 1)) cycle
if dmesg | grep -q 'dmrace: violation'; then
	dmesg | grep 'dmrace: violation' | head -20 | diag
	result dm_race:no-violations fail
	fail=1
else
	result dm_race:no-violations pass
fi
rem_drv dmrace >/dev/null || { result dm_race:rem_drv fail; fail=1; }
exit $fail
