// SPDX-License-Identifier: GPL-2.0
/* Harness self-test: a module whose load prints a kernel WARN splat. */
#include <linux/module.h>
#include <linux/bug.h>

static int __init selftest_warn_init(void)
{
	WARN_ON(1);
	return 0;
}

static void __exit selftest_warn_exit(void)
{
}

module_init(selftest_warn_init);
module_exit(selftest_warn_exit);
MODULE_DESCRIPTION("ddi_compat harness self-test: WARN_ON(1) at load");
MODULE_LICENSE("GPL");
