# SPDX-License-Identifier: GPL-2.0
# cmn_err(CE_PANIC) test boot: the kernel must panic with the message.
. /ddi/lib.sh
ddi_setup || exit 1
insmod /ddi/selftest/selftest_panic.ko
diag "still alive after CE_PANIC"
exit 1
