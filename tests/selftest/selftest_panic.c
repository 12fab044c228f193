// SPDX-License-Identifier: GPL-2.0
/* cmn_err(CE_PANIC) must panic the system with the driver's message. */
#include <linux/module.h>
#include <sys/cmn_err.h>

static int __init selftest_panic_init(void)
{
	cmn_err(CE_PANIC, "ddi_selftest: deliberate CE_PANIC %d", 42);
	return 0;
}

static void __exit selftest_panic_exit(void)
{
}

module_init(selftest_panic_init);
module_exit(selftest_panic_exit);
MODULE_DESCRIPTION("ddi_compat test: cmn_err(CE_PANIC) at load");
MODULE_LICENSE("GPL");
