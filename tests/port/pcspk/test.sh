# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=tests/port/pcspk TEST=test.sh` (check.sh,
# port-workflow:pcspk) in /port: spkr sounds QEMU's PC speaker through
# inb/outb on the 8254's counter 2 and port 0x61, seen from /dev/port,
# and a timeout(9F) ends each tone.  Also the ioctl command 2, which
# Linux takes as FIGETBSZ before any driver sees it (docs/departures.md).
set -e
fail() { echo "pcspk: $*"; dmesg | tail -20; exit 1; }
# Port 0x61 and counter 2 read through /dev/port where the kernel has it
# (the stock ones), else through spkr's own inb(9F) (SPKR_PORTS).
if [ -c /dev/port ]; then
	rdport() { dd if=/dev/port bs=1 skip="$1" count=1 2>/dev/null | od -An -tu1 | tr -d ' \n'; }
	gates() { echo $(($(rdport 97) & 3)); }
	# latch counter 2 (control word 0x80), then its low and high bytes
	counter2() {
		printf '\200' | dd of=/dev/port bs=1 seek=67 2>/dev/null
		lo=$(rdport 66); hi=$(rdport 66)
		echo $((hi * 256 + lo))
	}
else
	gates() { echo $(($(spkrctl ports) >> 16 & 3)); }
	counter2() { echo $(($(spkrctl ports) & 0xffff)); }
fi
test -c /devices/pseudo/spkr@0:spkr || fail "no node"
[ "$(gates)" = 0 ] || fail "gates open after attach"
[ "$(spkrctl busy)" = 0 ] || fail "busy before a tone"

# 1000 Hz for 4 s (long enough for the checks below under TCG on a
# loaded host): counter 2 counts down from 1193 and the gates open
spkrctl tone 1000 4000 >/dev/null || fail "tone"
[ "$(gates)" = 3 ] || fail "gates shut while sounding"
[ "$(spkrctl busy)" = 1 ] || fail "not busy while sounding"
c=$(counter2)
[ "$c" -le 1193 ] || fail "counter 2 at $c, above its 1193"
[ "$(spkrctl tone 500 100)" = "error EBUSY" ] || fail "second tone not EBUSY"
sleep 6
[ "$(gates)" = 0 ] || fail "the timeout did not end the tone"
[ "$(spkrctl busy)" = 0 ] || fail "busy after the tone"

# stopped early: untimeout, gates shut at once
spkrctl tone 2000 5000 >/dev/null || fail "tone 2000"
c=$(counter2)
[ "$c" -le 596 ] || fail "counter 2 at $c, above its 596"
spkrctl stop >/dev/null || fail "stop"
[ "$(gates)" = 0 ] || fail "stop left the gates open"
[ "$(spkrctl tone 5 100)" = "error EINVAL" ] || fail "5 Hz accepted"

# ioctl command 2 is Linux's FIGETBSZ: the VFS answers it (the block size
# through the argument) and the driver never sees it
n=$(spkrctl calls)
r=$(spkrctl raw 2) || fail "command 2: $r"
[ "$(spkrctl calls)" = $((n + 1)) ] || fail "command 2 reached the driver"
[ "${r%% *}" = 0 ] && [ "${r#* }" -gt 0 ] || fail "command 2 gave $r"
# command 1 (FIBMAP) is Linux's only for regular files: it reaches spkr
r=$(spkrctl raw 1) && fail "command 1 succeeded: $r"
[ "$r" = "error ENOTTY" ] || fail "command 1 gave $r"
[ "$(spkrctl calls)" = $((n + 3)) ] || fail "command 1 did not reach the driver"

rem_drv spkr || fail "rem_drv"
echo "pcspk: ok"
