# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=drivers/dummy TEST=port-test.sh` in /port, with
# dummy already loaded from this directory: a new user's first commands
# end (write(9E) consumes nothing; see docs/departures.md).
set -e
dev=/devices/pseudo/dummy@0:0
test -c $dev
timeout 10 sh -c "echo hello > $dev"
timeout 10 dd if=/dev/zero of=$dev bs=512 count=4 2>&1 | grep -q '^4+0 records out'
[ -z "$(timeout 10 cat $dev)" ]
echo "dummy port test: ok"
