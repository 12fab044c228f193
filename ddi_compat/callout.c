// SPDX-License-Identifier: GPL-2.0
/*
 * Callouts and time: timeout(9F), untimeout(9F), ddi_periodic_add(9F),
 * ddi_periodic_delete(9F), gethrtime(9F), gethrestime(9F).
 *
 * A callout is a delayed work item on a high-priority workqueue, not a
 * bare timer: the callback runs in a kernel thread, so it may take the
 * driver's kmutex_t (a sleeping lock here), as a Solaris callout takes
 * adaptive mutexes.  See docs/departures.md.
 *
 * timeout() returns an ID that is never reused (a 64-bit sequence
 * number), found through a hash, so that untimeout() of an ID whose
 * callback has run and been freed is harmless and returns -1.  A callout
 * stays in the hash until its callback has returned; untimeout() of a
 * running callback takes a reference and waits for it (flush_work),
 * except when called from that callback itself.  Pending callouts are
 * cancelled under the hash bucket's lock, which is also what the
 * callback's completion takes, so exactly one side frees the record.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/hash.h>
#include <linux/refcount.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/time.h>
#include <sys/sunddi.h>
#include <sys/cmn_err.h>

#include "ddic_core.h"

struct co_ent {
	struct delayed_work dw;
	struct hlist_node hash;		/* in co_buckets while it may run */
	u64 id;
	void (*func)(void *arg);
	void *arg;
	refcount_t ref;			/* the callout, plus untimeout waiters */
};

#define CO_HASH_BITS	8

static struct co_bucket {
	spinlock_t lock;
	struct hlist_head head;
} co_buckets[1 << CO_HASH_BITS];

static atomic64_t co_seq;
static struct kmem_cache *co_cache;
static struct workqueue_struct *co_wq;

static struct co_bucket *co_bucket_of(u64 id)
{
	return &co_buckets[hash_64(id, CO_HASH_BITS)];
}

static void co_put(struct co_ent *e)
{
	if (refcount_dec_and_test(&e->ref))
		kmem_cache_free(co_cache, e);
}

static void co_fire(struct work_struct *w)
{
	struct co_ent *e = container_of(to_delayed_work(w), struct co_ent, dw);
	struct co_bucket *b = co_bucket_of(e->id);
	unsigned long flags;

	e->func(e->arg);
	spin_lock_irqsave(&b->lock, flags);
	hlist_del(&e->hash);
	spin_unlock_irqrestore(&b->lock, flags);
	co_put(e);
}

timeout_id_t timeout(void (*func)(void *), void *arg, clock_t ticks)
{
	struct co_ent *e;
	struct co_bucket *b;
	unsigned long flags;
	u64 id;

	e = kmem_cache_alloc(co_cache, preemptible() ? GFP_KERNEL : GFP_ATOMIC);
	if (!e) {
		cmn_err(CE_WARN, "%s(%ps): no memory for the callout", __func__,
			func);
		return NULL;
	}
	INIT_DELAYED_WORK(&e->dw, co_fire);
	e->func = func;
	e->arg = arg;
	e->id = id = atomic64_inc_return(&co_seq);
	refcount_set(&e->ref, 1);
	b = co_bucket_of(e->id);
	spin_lock_irqsave(&b->lock, flags);
	hlist_add_head(&e->hash, &b->head);
	/* A delay below one tick is the next tick. */
	queue_delayed_work(co_wq, &e->dw, ticks < 1 ? 1 : ticks);
	spin_unlock_irqrestore(&b->lock, flags);
	/* e may already have run and been freed: not e->id. */
	return (timeout_id_t)(uintptr_t)id;
}
EXPORT_SYMBOL(timeout);

clock_t untimeout(timeout_id_t id)
{
	u64 key = (uintptr_t)id;
	struct co_bucket *b = co_bucket_of(key);
	struct co_ent *e;
	unsigned long flags;
	clock_t left;

	if (!key)
		return -1;
	spin_lock_irqsave(&b->lock, flags);
	hlist_for_each_entry(e, &b->head, hash)
		if (e->id == key)
			break;
	if (!e) {
		spin_unlock_irqrestore(&b->lock, flags);
		return -1;			/* ran, or never was */
	}
	left = (long)(e->dw.timer.expires - jiffies);
	if (cancel_delayed_work(&e->dw)) {
		hlist_del(&e->hash);
		spin_unlock_irqrestore(&b->lock, flags);
		co_put(e);
		return left > 0 ? left : 0;
	}
	/* Running: wait for it, unless we are it (or cannot sleep). */
	refcount_inc(&e->ref);
	spin_unlock_irqrestore(&b->lock, flags);
	if (current_work() != &e->dw.work && preemptible())
		flush_work(&e->dw.work);
	co_put(e);
	return -1;
}
EXPORT_SYMBOL(untimeout);

/* ---- ddi_periodic_add(9F) ---------------------------------------------- */

struct ddic_periodic {
	struct delayed_work dw;
	void (*func)(void *arg);
	void *arg;
	unsigned long period;		/* jiffies */
	unsigned long next;		/* when the next call is due */
	bool stop;
	bool self_delete;		/* deleted from its own callback */
};

static void co_periodic_fire(struct work_struct *w)
{
	struct ddic_periodic *p =
		container_of(to_delayed_work(w), struct ddic_periodic, dw);
	unsigned long now;

	p->func(p->arg);
	if (READ_ONCE(p->self_delete)) {
		kfree(p);
		return;
	}
	if (READ_ONCE(p->stop))
		return;
	/* Keep to the schedule; skip calls that are already late. */
	now = jiffies;
	p->next += p->period;
	if (time_before_eq(p->next, now))
		p->next = now + 1;
	queue_delayed_work(co_wq, &p->dw, p->next - now);
}

ddi_periodic_t ddi_periodic_add(void (*func)(void *), void *arg,
				hrtime_t interval, int level)
{
	struct ddic_periodic *p;

	if (!func || interval <= 0 || level < DDI_IPL_0 || level > DDI_IPL_10) {
		cmn_err(CE_WARN, "%s(%ps): bad interval %lld or level %d",
			__func__, func, interval, level);
		return NULL;
	}
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return NULL;
	INIT_DELAYED_WORK(&p->dw, co_periodic_fire);
	p->func = func;
	p->arg = arg;
	p->period = max(1UL, nsecs_to_jiffies(interval));
	p->next = jiffies + p->period;
	queue_delayed_work(co_wq, &p->dw, p->period);
	return p;
}
EXPORT_SYMBOL(ddi_periodic_add);

/* Waits for a running callback to finish, unless called from it. */
void ddi_periodic_delete(ddi_periodic_t p)
{
	if (!p)
		return;
	WRITE_ONCE(p->stop, true);
	if (current_work() == &p->dw.work) {
		WRITE_ONCE(p->self_delete, true);
		return;
	}
	cancel_delayed_work_sync(&p->dw);
	kfree(p);
}
EXPORT_SYMBOL(ddi_periodic_delete);

/* ---- time ---------------------------------------------------------------- */

hrtime_t gethrtime(void)
{
	return ktime_get_ns();
}
EXPORT_SYMBOL(gethrtime);

void gethrestime(timestruc_t *tp)
{
	ktime_get_real_ts64(tp);
}
EXPORT_SYMBOL(gethrestime);

time_t gethrestime_sec(void)
{
	return ktime_get_real_seconds();
}
EXPORT_SYMBOL(gethrestime_sec);

int ddic_callout_init(void)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(co_buckets); i++) {
		spin_lock_init(&co_buckets[i].lock);
		INIT_HLIST_HEAD(&co_buckets[i].head);
	}
	co_cache = KMEM_CACHE(co_ent, 0);
	if (!co_cache)
		return -ENOMEM;
	co_wq = alloc_workqueue("ddi_callout", WQ_HIGHPRI, 0);
	if (!co_wq) {
		kmem_cache_destroy(co_cache);
		return -ENOMEM;
	}
	return 0;
}

void ddic_callout_fini(void)
{
	struct hlist_node *n;
	struct co_ent *e;
	int i, left = 0;

	/*
	 * Every driver is gone: a callout still pending would call into
	 * unloaded code.  Cancel it and say so.
	 */
	for (i = 0; i < ARRAY_SIZE(co_buckets); i++) {
		hlist_for_each_entry_safe(e, n, &co_buckets[i].head, hash) {
			if (!cancel_delayed_work_sync(&e->dw))
				continue;	/* ran; it unhashed itself */
			hlist_del(&e->hash);
			co_put(e);
			left++;
		}
	}
	if (left)
		pr_warn("timeout: %d callouts were still pending at unload\n",
			left);
	destroy_workqueue(co_wq);
	kmem_cache_destroy(co_cache);
}
