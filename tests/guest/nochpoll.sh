# SPDX-License-Identifier: GPL-2.0
# nochpoll.sh: a driver whose chpoll(9E) is nochpoll(9F) (qotd, the RAM
# disk's raw node) is always ready for poll(), as one with no chpoll:
# POLLIN|POLLOUT, never POLLERR (audit 2, finding 28: epoll busy-looped).
. /ddi/lib.sh
fail=0

if add_drv qotd >/dev/null; then
	t qotd polltest /devices/pseudo/qotd@0:qotd 5
	rem_drv qotd >/dev/null || { qotdctl -r; rem_drv qotd; }
else
	result nochpoll:qotd fail "add_drv qotd"
	fail=1
fi
if add_drv ramdisk >/dev/null; then
	t ramdisk-raw polltest /devices/pseudo/ramdisk@0:alpha,raw 5
	rem_drv ramdisk >/dev/null
else
	result nochpoll:ramdisk-raw fail "add_drv ramdisk"
	fail=1
fi
exit $fail
