// SPDX-License-Identifier: GPL-2.0
/*
 * The core every subsystem may use, calling no other file of the module
 * (so that the calls between files stay a DAG: docs/driver-model.md):
 * the debugfs root main.c makes, and frees deferred out of atomic
 * context for kmem (vfree) and umem (unpinning user pages).
 */
#include <linux/llist.h>
#include <linux/workqueue.h>

#include "ddic_core.h"
#include <ddi_compat/testing.h>

struct dentry *ddic_debugfs_root;

static LLIST_HEAD(defer_list);

static void defer_fn(struct work_struct *work)
{
	struct llist_node *n, *next;

	llist_for_each_safe(n, next, llist_del_all(&defer_list)) {
		struct ddic_defer *d = llist_entry(n, struct ddic_defer, node);

		d->fn(d);
	}
}

static DECLARE_WORK(defer_work, defer_fn);

void ddic_defer(struct ddic_defer *d, void (*fn)(struct ddic_defer *d))
{
	if (preemptible()) {
		fn(d);
		return;
	}
	d->fn = fn;
	if (llist_add(&d->node, &defer_list))
		schedule_work(&defer_work);
}

void ddic_defer_flush(void)
{
	flush_work(&defer_work);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_defer_flush);
