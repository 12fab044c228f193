// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a module that leaks allocations, for kmemleak.  Eight
 * are leaked so that a stale copy of the last pointer on a stack cannot
 * hide them all from the scan.
 */
#include <linux/module.h>
#include <linux/slab.h>

static int __init selftest_leak_init(void)
{
	int i;

	for (i = 0; i < 8; i++) {
		void *p = kmalloc(200, GFP_KERNEL);

		/* Lose the only reference on purpose. */
		if (p)
			memset(p, 0x42, 200);
	}
	return 0;
}

static void __exit selftest_leak_exit(void)
{
}

module_init(selftest_leak_init);
module_exit(selftest_leak_exit);
MODULE_DESCRIPTION("ddi_compat harness self-test: a leaked allocation");
MODULE_LICENSE("GPL");
