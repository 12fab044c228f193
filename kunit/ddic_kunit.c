// SPDX-License-Identifier: GPL-2.0
/*
 * Helpers shared by the KUnit suites (kunit/ddic_kunit.h), and the test
 * module's description.
 */
#include <linux/module.h>
#include <linux/jiffies.h>
#include <linux/debugfs.h>
#include <linux/fs.h>
#include <linux/preempt.h>
#include <ddi_compat/kcompat.h>
#include "ddic_kunit.h"

static void kt_fire(struct timer_list *t)
{
	struct ddic_kunit_timer *kt = from_timer(kt, t, timer);

	if (!in_interrupt())
		kt->in_irq = false;
	kt->runs++;
	if (kt->fn(kt->arg))
		mod_timer(&kt->timer, jiffies + 1);
	else
		complete(&kt->done);
}

void ddic_kunit_timer_start(struct ddic_kunit_timer *kt,
			    bool (*fn)(void *arg), void *arg)
{
	kt->fn = fn;
	kt->arg = arg;
	kt->runs = 0;
	kt->in_irq = true;
	init_completion(&kt->done);
	timer_setup_on_stack(&kt->timer, kt_fire, 0);
	mod_timer(&kt->timer, jiffies + 1);
}

unsigned int ddic_kunit_timer_wait(struct kunit *test,
				   struct ddic_kunit_timer *kt)
{
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&kt->done, 30 * HZ),
			0UL);
	/* Also stops a callback that re-arms itself (the wait timed out). */
	timer_delete_sync(&kt->timer);
	destroy_timer_on_stack(&kt->timer);
	KUNIT_EXPECT_TRUE(test, kt->in_irq);
	return kt->runs;
}

unsigned int ddic_kunit_in_timer(struct kunit *test, bool (*fn)(void *arg),
				 void *arg)
{
	struct ddic_kunit_timer kt;

	ddic_kunit_timer_start(&kt, fn, arg);
	return ddic_kunit_timer_wait(test, &kt);
}

void *ddic_kunit_debugfs_knob(struct dentry *dir, const char *name)
{
	struct dentry *d = debugfs_lookup(name, dir);
	void *p;

	if (IS_ERR_OR_NULL(d))
		return NULL;
	p = d_inode(d)->i_private;
	dput(d);
	return p;
}

MODULE_DESCRIPTION("KUnit suites for ddi_compat");
MODULE_LICENSE("GPL");
/* The hooks ddi_compat exports for KUnit only (ddi_compat/testing.h). */
DDIC_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING);
