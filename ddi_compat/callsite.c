// SPDX-License-Identifier: GPL-2.0
/*
 * Call-site tracking for debug builds: what kmem and umem each remember of
 * a live allocation (function, line, return address, size), counted, and
 * reported by call site when the module that made it unloads.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/sched.h>
#include <linux/slab.h>
#include <linux/spinlock.h>

#include "ddic_core.h"
#include <ddi_compat/testing.h>

/* At most this many leaks are named per unload; the total is always said. */
#define DDIC_SITE_REPORT_MAX	32
/* The longest line a leak is described in. */
#define DDIC_SITE_LINE		192
/*
 * Sites looked at per hold of the tracker's lock (interrupts off) while
 * a module's leaks are gathered: the walk is over every live allocation
 * of every module, and it runs at each module unload (audit 2, finding
 * 27).
 */
#define DDIC_SITE_BATCH		64

void ddic_site_track(struct ddic_site_tracker *t, struct ddic_site *s,
		    size_t size, const char *func, int line,
		    unsigned long caller)
{
	unsigned long flags;

	s->func = func;
	s->line = line;
	s->caller = caller;
	s->size = size;
	spin_lock_irqsave(&t->lock, flags);
	list_add(&s->link, &t->live);
	t->nlive++;
	t->bytes += size;
	spin_unlock_irqrestore(&t->lock, flags);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_site_track);

static void ddic_site_unlink(struct ddic_site_tracker *t, struct ddic_site *s)
{
	list_del_init(&s->link);
	t->nlive--;
	t->bytes -= s->size;
}

void ddic_site_untrack(struct ddic_site_tracker *t, struct ddic_site *s)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	/* Empty once orphaned by ddic_site_orphan(). */
	if (!list_empty(&s->link))
		ddic_site_unlink(t, s);
	spin_unlock_irqrestore(&t->lock, flags);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_site_untrack);

unsigned long ddic_site_count(struct ddic_site_tracker *t, struct module *owner)
{
	struct ddic_site *s;
	unsigned long flags, n = 0;

	spin_lock_irqsave(&t->lock, flags);
	list_for_each_entry(s, &t->live, link)
		if (s->caller && (!owner || within_module(s->caller, owner)))
			n++;
	spin_unlock_irqrestore(&t->lock, flags);
	return n;
}

void ddic_site_stats(struct ddic_site_tracker *t, unsigned long *nlive,
		    unsigned long *bytes)
{
	unsigned long flags;

	spin_lock_irqsave(&t->lock, flags);
	*nlive = t->nlive;
	*bytes = t->bytes;
	spin_unlock_irqrestore(&t->lock, flags);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_site_stats);

/* How many objects ddic_site_orphan() has reported since the tracker began. */
unsigned long ddic_site_orphaned(struct ddic_site_tracker *t)
{
	return READ_ONCE(t->orphaned);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_site_orphaned);

/*
 * The walk leaves a cursor (a site whose caller is 0, which every walk
 * skips) after the last site it looked at when it drops the lock, and
 * goes on from there.  The leaks are described under the lock (into
 * @buf: the objects may be freed once it is dropped) and printed after.
 */
void ddic_site_orphan(struct ddic_site_tracker *t, struct module *mod,
		     const char *what, const char *noun,
		     void (*describe)(struct ddic_site *s, const char *modname,
				      char *buf, size_t len))
{
	struct ddic_site cursor = { }, *s;
	unsigned long flags, n = 0, bytes = 0, i, looked = 0;
	const char *name = mod ? mod->name : KBUILD_MODNAME;
	char *buf;

	might_sleep();
	buf = kmalloc_array(DDIC_SITE_REPORT_MAX, DDIC_SITE_LINE, GFP_KERNEL);
	spin_lock_irqsave(&t->lock, flags);
	list_add(&cursor.link, &t->live);
	while (cursor.link.next != &t->live) {
		s = list_next_entry(&cursor, link);
		list_move(&cursor.link, &s->link);
		if (s->caller && (!mod || within_module(s->caller, mod))) {
			if (n < DDIC_SITE_REPORT_MAX && buf)
				describe(s, name, buf + n * DDIC_SITE_LINE,
					 DDIC_SITE_LINE);
			n++;
			bytes += s->size;
			s->func = NULL;
			ddic_site_unlink(t, s);
		}
		if (++looked % DDIC_SITE_BATCH == 0) {
			spin_unlock_irqrestore(&t->lock, flags);
			cond_resched();
			spin_lock_irqsave(&t->lock, flags);
		}
	}
	list_del(&cursor.link);
	t->orphaned += n;
	spin_unlock_irqrestore(&t->lock, flags);
	for (i = 0; buf && i < min_t(unsigned long, n, DDIC_SITE_REPORT_MAX);
	     i++)
		pr_warn("%s\n", buf + i * DDIC_SITE_LINE);
	kfree(buf);
	if (n)
		pr_warn("%s leak: %s left %lu %s, %lu bytes\n", what, name, n,
			noun, bytes);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_site_orphan);
