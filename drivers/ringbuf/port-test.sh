# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=drivers/ringbuf TEST=port-test.sh` in /port, with
# ringbuf already loaded from this directory and rbctl on the PATH.
set -e
dev=/devices/pseudo/ringbuf@0:ringbuf
test -c $dev
test -f ringbuf.conf			# the source tree is here, in /port
rbctl info | grep -q 'size 4096 count 0 instance 0 model 64 label "first ring"'
rbctl32 -d /devices/pseudo/ringbuf@1:ringbuf info | grep -q 'size 16 .* model 32 label "unnamed"'
rbctl check >/tmp/check.log || { cat /tmp/check.log; exit 1; }
rbctl32 check >/tmp/check.log || { cat /tmp/check.log; exit 1; }
ddi_modinfo ringbuf | grep -q 'instance 0 detached'
echo "ringbuf port test: ok"
