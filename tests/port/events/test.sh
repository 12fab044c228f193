# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=tests/port/events TEST=test.sh` (check.sh,
# port-workflow:events) in /port: the NDI event service and the devctl
# argument through evtest's two instances, from 64- and 32-bit callers;
# and hz with <sys/time.h>'s tick conversions.
set -e
fail() { echo "events: $*"; dmesg | tail -20; exit 1; }
D0=/devices/pseudo/evtest@0:ev
D1=/devices/pseudo/evtest@1:ev
test -c $D0 && test -c $D1 || fail "no nodes"

# attach: the unknown event name failed, the unit address is the instance
[ "$(evtestctl $D0 state)" = "0 0 1 1 0" ] || fail "attach state 0: $(evtestctl $D0 state)"
[ "$(evtestctl $D1 state)" = "0 0 1 1 0" ] || fail "attach state 1: $(evtestctl $D1 state)"

# an event posted for instance 0 reaches its handler and not instance 1's
evtestctl $D0 post 7 || fail "post 7"
evtestctl32 $D0 post 9 || fail "post 9 (32-bit)"
[ "$(evtestctl $D0 state | cut -d' ' -f1,2)" = "2 9" ] || fail "instance 0 after posts: $(evtestctl $D0 state)"
[ "$(evtestctl $D1 state | cut -d' ' -f1)" = 0 ] || fail "instance 1 got instance 0's event: $(evtestctl $D1 state)"

# a handler that removes itself runs once for two posts; the first
# handler saw both
evtestctl $D1 selfremove || fail "selfremove"
[ "$(evtestctl $D1 state | cut -d' ' -f1,5)" = "2 1" ] || fail "self-removal: $(evtestctl $D1 state)"

# removing an id never registered fails (with a warning), nothing else changes
evtestctl $D0 badremove || fail "badremove"
dmesg | grep -q 'ddi_remove_event_handler: .* is not a registered handler' || fail "no warning for a bad id"

# the devctl argument, with its node name, from both data models
[ "$(evtestctl $D0 devctl disk_wwn)" = disk_wwn ] || fail "devctl (64-bit)"
[ "$(evtestctl32 $D1 devctl tape)" = tape ] || fail "devctl (32-bit)"

# hz, and <sys/time.h>'s tick conversions: a second is hz ticks however
# it is counted, a millisecond rounds up to one tick (HZ <= 1000) and down
# to none where HZ < 1000, a microsecond rounds up to one
set -- $(evtestctl $D0 ticks)
[ $# = 7 ] && [ "$1" -ge 100 ] && [ "$2" = "$1" ] && [ "$3" = "$1" ] &&
	[ "$4" = 1000 ] && [ "$5" = 1 ] && [ "$7" = 1 ] || fail "ticks: $*"
[ "$1" -ge 1000 ] || [ "$6" = 0 ] || fail "MSEC_TO_TICK(1) = $6 at hz $1"

rem_drv evtest || fail "rem_drv"
# add_drv by name finds the porter's module among make guest's modules
# (README, "In the guest"): it is not one of the guest's own.
[ ! -e /ddi/modules/evtest.ko ] || fail "evtest.ko among the guest's modules"
add_drv evtest >/dev/null || fail "add_drv evtest by name"
[ -c $D0 ] || fail "no $D0 after add_drv"
rem_drv evtest || fail "rem_drv after add_drv"
echo "events: all passed"
