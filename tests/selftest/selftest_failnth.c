// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a debugfs file whose write allocates and WARNs when
 * the allocation fails.  Its failure only happens under fault injection,
 * so a fail-nth sweep over the write (tests/selftest/guest) must end in
 * a splat, and the harness must fail that sweep's row for it.
 */
#include <linux/module.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/slab.h>

static struct dentry *stf_file;

static ssize_t stf_write(struct file *f, const char __user *buf, size_t len,
			 loff_t *pos)
{
	void *p = kmalloc(64, GFP_KERNEL);

	if (WARN(!p, "selftest_failnth: deliberate splat on a failed allocation\n"))
		return -ENOMEM;
	kfree(p);
	return len;
}

static const struct file_operations stf_fops = {
	.owner = THIS_MODULE,
	.write = stf_write,
};

static int __init selftest_failnth_init(void)
{
	stf_file = debugfs_create_file("selftest_failnth", 0200, NULL, NULL,
				       &stf_fops);
	return 0;
}

static void __exit selftest_failnth_exit(void)
{
	debugfs_remove(stf_file);
}

module_init(selftest_failnth_init);
module_exit(selftest_failnth_exit);
MODULE_DESCRIPTION("ddi_compat harness self-test: a splat under fail-nth");
MODULE_LICENSE("GPL");
