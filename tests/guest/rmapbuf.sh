# SPDX-License-Identifier: GPL-2.0
# The rmapbuf sample driver (drivers/rmapbuf): read and write staged
# through buffers from a resource map as in rmalloc(9F)'s examples, the
# buffer returned on EFAULT, waiting in rmalloc_wait() when the map is
# empty (woken by rmfree(), ended by SIGKILL), the map's debugfs entry.
. /ddi/lib.sh
fail=0
dev=/devices/pseudo/rmapbuf@0:rmapbuf
top=/sys/kernel/debug/ddi_compat/rmap

# The debugfs entry of the live map the driver's attach made.
live_map() {
	for f in $top/rmb_attach.*; do
		[ -f "$f" ] && ! grep -q '^freed' "$f" && echo "$f"
	done | tail -1
}

# wait_for FILE LINE: up to 20 s for FILE to hold the line LINE.
wait_for() {
	i=0
	while [ $i -lt 200 ]; do
		grep -qx "$2" "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

add_drv rmapbuf || { result rmapbuf:add_drv fail; exit 1; }
t node test -c $dev
t selfcheck-64 rmbctl check
t selfcheck-32 rmbctl32 check

exec 3<$dev			# keeps the instance, and its map, attached
sleep 1				# debugfs entries are made by a work item
m=$(live_map)
t debugfs-entry test -n "$m"
t debugfs-all-free grep -qx 'free_units 2560' "$m"
t debugfs-one-segment grep -qx 'free_segments 1' "$m"
t debugfs-slots grep -qx 'slots 12' "$m"

# Empty the map; a blocking read then sleeps in rmalloc_wait().
t hold sh -c '[ "$(rmbctl hold 2560)" = 0 ]'
t debugfs-empty grep -qx 'free_units 0' "$m"
rmbctl read 0 100 >/tmp/rmb.out &
reader=$!
t waiter-visible wait_for "$m" 'waiters 1'
t release rmbctl release
wait $reader
t reader-woken-by-rmfree sh -c '[ "$(cat /tmp/rmb.out)" = 100 ]'
t waiter-gone wait_for "$m" 'waiters 0'

# SIGKILL ends the wait; nothing is taken from the map.
rmbctl hold 2560 >/dev/null
rmbctl read 0 100 >/dev/null 2>&1 &
reader=$!
t killable-waiter-visible wait_for "$m" 'waiters 1'
kill -9 $reader
wait $reader
t killed-waiter-gone wait_for "$m" 'waiters 0'
t killed-took-nothing grep -qx 'free_units 0' "$m"
rmbctl release
t all-back grep -qx 'free_units 2560' "$m"
t nothing-lost grep -qx 'lost_units 0' "$m"
t no-refused-calls grep -qx 'refused_calls 0' "$m"
t stats sh -c 'rmbctl stats | grep -q "out 0 held 0 lowest 0$"'

# A hold keeps the instance attached: unload refused until released.
exec 3<&-
rmbctl hold 10 >/dev/null
t rem_drv-refused-while-held sh -c '! rem_drv rmapbuf 2>/dev/null'
rmbctl release
t rem_drv rem_drv rmapbuf
sleep 1
t map-entry-gone test -z "$(live_map)"
exit $fail
