# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=drivers/qotd TEST=lockdown-test.sh KERNEL=stock-6.12`
# (a make check row), with qotd loaded: raises the kernel to
# lockdown=integrity (what Secure Boot machines run with; the stock
# kernels have the lockdown LSM) and runs the porter's commands, which
# talk to /dev/ddi_modctl (debugfs refuses writable files under lockdown).
set -e
dev=/devices/pseudo/qotd@0:qotd
lock=/sys/kernel/security/lockdown
[ -e $lock ] || mount -t securityfs securityfs /sys/kernel/security
[ -e $lock ] || { echo "no lockdown LSM in this kernel"; exit 1; }
echo integrity >$lock
grep -q '\[integrity\]' $lock
echo "lockdown: $(cat $lock)"
ddi_modinfo | grep '^ddi_compat version '
ddi_modinfo qotd | grep -q '^driver qotd '
ddi_attach qotd
prtconf -D | grep '^    qotd, instance #0 (driver name: qotd)$'
ddi_modinfo qotd | grep -q 'instance 0 attached'
update_drv qotd
update_drv -m 'qotd 0640 root root' qotd
[ "$(stat -L -c %a $dev)" = 640 ]
qotdctl -g
grep -q . $dev				# the quote, as the smoke test reads it
rem_drv qotd
! grep -q '^qotd ' /proc/modules
# Unsigned modules are refused under lockdown (a Secure Boot machine
# loads only modules signed with a key it trusts: DKMS's MOK).
if add_drv /ddi/port/modules/qotd.ko 2>/tmp/add_drv.err; then
	echo "add_drv loaded an unsigned module under lockdown"
	exit 1
fi
cat /tmp/add_drv.err
echo "qotd lockdown test: ok"
