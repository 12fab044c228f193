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
# What the commands used before /dev/ddi_modctl: a writable debugfs file,
# which lockdown now refuses to open.
dbg=/sys/kernel/debug
[ -d $dbg/tracing ] || [ -e $dbg/clear_warn_once ] ||
	mount -t debugfs debugfs $dbg 2>/dev/null || true
if [ -e $dbg/clear_warn_once ]; then
	if echo 1 2>/dev/null >$dbg/clear_warn_once; then
		echo "a writable debugfs file opened under lockdown"
		exit 1
	fi
	echo "debugfs refuses writable files under lockdown, as expected"
fi
ddi_modinfo | grep '^ddi_compat version '
ddi_modinfo qotd | grep -q '^driver qotd '
ddi_attach qotd
exec 3<$dev				# held open: stays attached (no autodetach)
ddi_modinfo qotd | grep -q 'instance 0 attached'
prtconf -D | grep '^        qotd, instance #0 (driver name: qotd)$'
if update_drv qotd 2>/tmp/update_drv.err; then
	echo "update_drv reattached an open instance"
	exit 1
fi
grep 'Device busy' /tmp/update_drv.err
exec 3<&-
update_drv qotd
update_drv -m 'qotd 0640 root root' qotd
[ "$(stat -L -c %a $dev)" = 640 ]
qotdctl -g
grep -q . $dev				# the quote, as the smoke test reads it
rem_drv qotd
if grep -q '^qotd ' /proc/modules; then
	echo "rem_drv left qotd loaded"
	exit 1
fi
# Unsigned modules are refused under lockdown (a Secure Boot machine
# loads only modules signed with a key it trusts: DKMS's MOK).
if add_drv /ddi/port/modules/qotd.ko 2>/tmp/add_drv.err; then
	echo "add_drv loaded an unsigned module under lockdown"
	exit 1
fi
cat /tmp/add_drv.err
echo "qotd lockdown test: ok"
