// SPDX-License-Identifier: GPL-2.0
/*
 * struct pollhead and pollwakeup(9F) over Linux wait queues.
 *
 * A Solaris pollhead needs no initialisation (drivers keep one, zeroed,
 * in their soft state), but a Linux wait queue does.  So the queue is
 * made the first time poll(2) waits on the pollhead and published in it
 * with cmpxchg; pollwakeup() on a pollhead nobody ever waited on has
 * nothing to wake.  A queue is freed when the memory holding its
 * pollhead is freed: soft state (ddi_soft_state_free), kmem_free(9F),
 * kmem_cache_free(9F) of an object leaving its cache, or when
 * pollhead_clean() is called; at the latest when the driver unloads.  So
 * a pollhead in per-open memory a driver frees without pollhead_clean()
 * leaves nothing behind (audit 2, finding 22).  Other memory (a static,
 * ddi_umem_alloc) keeps its queue until the driver unloads, as its
 * pollhead lives that long.  A queue somebody still waits on when its pollhead
 * goes is cut loose from it (its waiters are woken with POLLHUP|POLLERR)
 * and freed once the last waiter has left: it never keeps a pointer to
 * the freed pollhead (audit 2, finding 22).
 */
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/poll.h>
#include <sys/types.h>
#include <sys/poll.h>

#include "ddic_core.h"
#include "devinfo.h"
#include <ddi_compat/testing.h>

struct ddic_pollq {
	struct list_head link;
	struct pollhead *php;		/* NULL once cut loose */
	struct ddic_driver *drv;
	wait_queue_head_t wq;
};

/* Interrupt-safe: kmem_free() may be called from any context. */
static DEFINE_SPINLOCK(ddic_pollq_lock);
static LIST_HEAD(ddic_pollqs);
/* Queues listed: the frees above look only when there are some. */
unsigned int ddic_pollq_live;
EXPORT_SYMBOL(ddic_pollq_live);	/* <sys/kmem.h>'s inline kmem_free */

struct wait_queue_head *ddic_pollhead_wq(struct ddic_driver *drv,
					struct pollhead *php)
{
	/* Pairs with the cmpxchg_release below: q is fully set up. */
	struct ddic_pollq *q = smp_load_acquire(&php->ph_list), *old;
	unsigned long flags;

	if (q)
		return &q->wq;
	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return NULL;
	q->php = php;
	q->drv = drv;
	init_waitqueue_head(&q->wq);
	spin_lock_irqsave(&ddic_pollq_lock, flags);
	old = cmpxchg_release(&php->ph_list, NULL, q);
	if (!old) {
		list_add(&q->link, &ddic_pollqs);
		WRITE_ONCE(ddic_pollq_live, ddic_pollq_live + 1);
	}
	spin_unlock_irqrestore(&ddic_pollq_lock, flags);
	if (old) {
		kfree(q);
		q = old;
	}
	return &q->wq;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_pollhead_wq);

void pollwakeup(struct pollhead *php, short events)
{
	struct ddic_pollq *q;

	if (!php)
		return;
	/* Pairs with the cmpxchg_release in ddic_pollhead_wq(). */
	q = smp_load_acquire(&php->ph_list);
	if (q)
		wake_up_poll(&q->wq, (__force __poll_t)(u16)events);
}
EXPORT_SYMBOL(pollwakeup);

/* How many queues are listed (KUnit). */
unsigned int ddic_poll_queues(void)
{
	return READ_ONCE(ddic_pollq_live);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_poll_queues);

/* Free the queues on @dead, taken off the list under the lock. */
static void pq_free(struct list_head *dead, unsigned long flags)
	__releases(&ddic_pollq_lock)
{
	struct ddic_pollq *q, *tmp;

	list_for_each_entry(q, dead, link)
		WRITE_ONCE(ddic_pollq_live, ddic_pollq_live - 1);
	spin_unlock_irqrestore(&ddic_pollq_lock, flags);
	list_for_each_entry_safe(q, tmp, dead, link)
		kfree(q);
}

/* Forget queues whose pollhead lies in [start, start + len).  Any context. */
void ddic_poll_forget_range(const void *start, size_t len)
{
	struct ddic_pollq *q, *tmp;
	unsigned long flags;
	LIST_HEAD(dead);

	spin_lock_irqsave(&ddic_pollq_lock, flags);
	list_for_each_entry_safe(q, tmp, &ddic_pollqs, link) {
		if (!q->php) {
			/* Cut loose earlier: free once nobody waits. */
			if (!waitqueue_active(&q->wq))
				list_move(&q->link, &dead);
			continue;
		}
		if ((void *)q->php < start || (void *)q->php >= start + len)
			continue;
		q->php->ph_list = NULL;
		q->php = NULL;
		/*
		 * A queue somebody still waits on cannot go: its waiters
		 * are told the device hung up, and it stays listed,
		 * pointing at nothing, until they have left.
		 */
		if (waitqueue_active(&q->wq))
			wake_up_poll(&q->wq, EPOLLHUP | EPOLLERR);
		else
			list_move(&q->link, &dead);
	}
	pq_free(&dead, flags);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_poll_forget_range);

void pollhead_clean(struct pollhead *php)
{
	if (php)
		ddic_poll_forget_range(php, sizeof(*php));
}
EXPORT_SYMBOL(pollhead_clean);

void ddic_poll_driver_gone(struct ddic_driver *drv)
{
	struct ddic_pollq *q, *tmp;
	unsigned long flags;
	LIST_HEAD(dead);

	spin_lock_irqsave(&ddic_pollq_lock, flags);
	list_for_each_entry_safe(q, tmp, &ddic_pollqs, link)
		if (q->drv == drv)
			list_move(&q->link, &dead);
	/* Open files pin the driver, so nobody can be waiting here. */
	pq_free(&dead, flags);
}
