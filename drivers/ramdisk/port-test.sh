# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=drivers/ramdisk TEST=port-test.sh` in /port, with
# ramdisk already loaded from this directory and ramdiskadm, rdtest on
# the PATH.  Ends by unloading the driver (rem_drv), which also checks
# that every disk could go.
set -e
D=/devices/pseudo/ramdisk@0
test -c $D:ctl
test -f ramdisk.conf			# the source tree is here, in /port
ramdiskadm | grep -q "^$D:alpha *8388608 "
[ "$(blockdev --getsize64 $D:beta)" = 1572864 ]
[ "$(ramdiskadm -a port 4m)" = "$D:port" ]
dd if=/dev/urandom of=/tmp/pat bs=65536 count=16 2>/dev/null
dd if=/tmp/pat of=$D:port bs=65536 conv=fsync 2>/dev/null
[ "$(dd if=$D:port,raw bs=65536 count=16 2>/dev/null | md5sum)" = \
  "$(md5sum < /tmp/pat)" ]
ramdiskadm -s | grep -qx 'extents_used 16'
blkdiscard $D:port
ramdiskadm -s | grep -qx 'extents_used 0'
rdtest bad port >/tmp/bad.log || { grep FAIL /tmp/bad.log; exit 1; }
ramdiskadm32 -d port
ramdiskadm -a map 1m >/dev/null
rdtest32 mmap map >/tmp/mmap.log || { grep FAIL /tmp/mmap.log; exit 1; }
ramdiskadm -d map
rem_drv ramdisk
echo "ramdisk port test: ok"
