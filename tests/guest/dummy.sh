# SPDX-License-Identifier: GPL-2.0
# The dummy sample driver (drivers/dummy): write(9E) succeeds without
# consuming anything.  Solaris's C library takes such a zero-byte write
# as the end; Linux's (and busybox) retry it without end, so the bridge
# reports the whole request written (docs/departures.md, "zero-byte
# write").  The commands are a new user's first ones.
. /ddi/lib.sh
fail=0
dev=/devices/pseudo/dummy@0:0

add_drv dummy || { result dummy:add_drv fail; exit 1; }
t node test -c $dev
t echo-ends timeout 10 sh -c "echo hello > $dev"
t dd-counts-every-byte sh -c \
	"timeout 10 dd if=/dev/zero of=$dev bs=512 count=4 2>&1 | grep -q '^4+0 records out'"
t read-eof sh -c "[ -z \"\$(timeout 10 cat $dev)\" ]"
t empty-write sh -c ": > $dev"
t rem_drv rem_drv dummy
exit $fail
