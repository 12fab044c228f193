// SPDX-License-Identifier: GPL-2.0
/*
 * Call-site tracking for debug builds: what kmem and umem each remember of
 * a live allocation (function, line, return address, size), counted, and
 * reported by call site when the module that made it unloads.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/spinlock.h>

#include "ddic_core.h"

/* At most this many leaks are named per unload; the total is always said. */
#define DDIC_SITE_REPORT_MAX	32

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

unsigned long ddic_site_count(struct ddic_site_tracker *t, struct module *owner)
{
	struct ddic_site *s;
	unsigned long flags, n = 0;

	spin_lock_irqsave(&t->lock, flags);
	list_for_each_entry(s, &t->live, link)
		if (!owner || within_module(s->caller, owner))
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

void ddic_site_orphan(struct ddic_site_tracker *t, struct module *mod,
		     const char *what, const char *noun,
		     void (*report)(struct ddic_site *s, const char *modname))
{
	struct ddic_site *s, *next;
	unsigned long flags, n = 0, bytes = 0;
	const char *name = mod ? mod->name : KBUILD_MODNAME;

	spin_lock_irqsave(&t->lock, flags);
	list_for_each_entry_safe(s, next, &t->live, link) {
		if (mod && !within_module(s->caller, mod))
			continue;
		if (n < DDIC_SITE_REPORT_MAX)
			report(s, name);
		n++;
		bytes += s->size;
		s->func = NULL;
		ddic_site_unlink(t, s);
	}
	spin_unlock_irqrestore(&t->lock, flags);
	if (n)
		pr_warn("%s leak: %s left %lu %s, %lu bytes\n", what, name, n,
			noun, bytes);
}
