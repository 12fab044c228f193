// SPDX-License-Identifier: GPL-2.0
/*
 * struct pollhead and pollwakeup(9F) over Linux wait queues.
 *
 * A Solaris pollhead needs no initialisation (drivers keep one, zeroed,
 * in their soft state), but a Linux wait queue does.  So the queue is
 * made the first time poll(2) waits on the pollhead and published in it
 * with cmpxchg; pollwakeup() on a pollhead nobody ever waited on has
 * nothing to wake.  The queues are freed when the soft state holding
 * them is freed (or pollhead_clean() is called) and, at the latest, when
 * the driver unloads.  A queue somebody still waits on when its pollhead
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

static DEFINE_SPINLOCK(ddic_pollq_lock);
static LIST_HEAD(ddic_pollqs);

struct wait_queue_head *ddic_pollhead_wq(struct ddic_driver *drv,
					struct pollhead *php)
{
	/* Pairs with the cmpxchg_release below: q is fully set up. */
	struct ddic_pollq *q = smp_load_acquire(&php->ph_list), *old;

	if (q)
		return &q->wq;
	q = kzalloc(sizeof(*q), GFP_KERNEL);
	if (!q)
		return NULL;
	q->php = php;
	q->drv = drv;
	init_waitqueue_head(&q->wq);
	spin_lock(&ddic_pollq_lock);
	old = cmpxchg_release(&php->ph_list, NULL, q);
	if (!old)
		list_add(&q->link, &ddic_pollqs);
	spin_unlock(&ddic_pollq_lock);
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

/* Forget queues whose pollhead lies in [start, start + len). */
void ddic_poll_forget_range(const void *start, size_t len)
{
	struct ddic_pollq *q, *tmp;
	LIST_HEAD(dead);

	spin_lock(&ddic_pollq_lock);
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
	spin_unlock(&ddic_pollq_lock);
	list_for_each_entry_safe(q, tmp, &dead, link)
		kfree(q);
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
	LIST_HEAD(dead);

	spin_lock(&ddic_pollq_lock);
	list_for_each_entry_safe(q, tmp, &ddic_pollqs, link)
		if (q->drv == drv)
			list_move(&q->link, &dead);
	spin_unlock(&ddic_pollq_lock);
	/* Open files pin the driver, so nobody can be waiting here. */
	list_for_each_entry_safe(q, tmp, &dead, link)
		kfree(q);
}
