// SPDX-License-Identifier: GPL-2.0
/*
 * Callouts and time: timeout(9F), untimeout(9F), ddi_periodic_add(9F),
 * ddi_periodic_delete(9F), gethrtime(9F), gethrestime(9F).
 *
 * A callout is a timer whose expiry queues a work item on a
 * high-priority workqueue: the callback runs in a kernel thread, so it
 * may take the driver's kmutex_t (a sleeping lock here), as a Solaris
 * callout takes adaptive mutexes.  See docs/departures.md.
 *
 * Callout records are never freed while ddi_compat is loaded: they live
 * in a table of chunks and go back to a per-CPU free list, so timeout()
 * allocates nothing and untimeout() finds its record by indexing the
 * table.  An ID is the record's slot and a generation that grows each
 * time the record is handed out, so an ID is never reused: untimeout() of
 * an ID whose callback has run, or whose record now serves a later
 * callout, sees another generation and returns -1, touching nothing.
 *
 * A record's state word holds its generation and a phase:
 *
 *   PENDING    timer armed;
 *   RUNNING    the timer expired: the callback is queued or running;
 *   CANCELLED  untimeout() won against the timer;
 *   FREE       on a free list.
 *
 * PENDING -> RUNNING (the timer function) and PENDING -> CANCELLED
 * (untimeout) are each one compare-and-exchange of the whole word, so
 * exactly one side wins, and a stale ID (another generation) never wins.
 * Exactly one party puts the record back on a free list: untimeout() if
 * its timer_delete() took the timer off before it fired; else the timer
 * function, which finds it CANCELLED; else the work function, once the
 * callback has returned.  Nothing touches a record after putting it back.
 *
 * untimeout() of a RUNNING callout waits until the state word leaves
 * RUNNING of that generation, which the work function makes it do only
 * after the callback has returned (release; the waiter reads with
 * acquire, so it sees all the callback did).  It waits on the word, not
 * on the work item (flush_work()): the timer function may not have
 * queued the work yet, and the record may be reused by a later callout
 * as soon as the callback is over, which a waiter must not wait for.
 * The memory stays (records are never freed while callouts can be
 * made), so waiting on a record that has meanwhile been reused is safe:
 * its word then holds another generation and the wait ends.  It does not
 * wait when called from the callback itself (it would wait for itself)
 * or from a context that cannot sleep.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/percpu.h>
#include <linux/preempt.h>
#include <linux/wait_bit.h>
#include <linux/timer.h>
#include <linux/timekeeping.h>
#include <linux/jiffies.h>
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/time.h>
#include <sys/sunddi.h>
#include <sys/cmn_err.h>

#include "ddic_core.h"

struct co_ent {
	struct timer_list timer;
	struct work_struct work;
	atomic_long_t state;		/* generation << 2 | phase */
	void (*func)(void *arg);
	void *arg;
	struct co_ent *next_free;
	unsigned int slot;
};

enum { CO_FREE, CO_PENDING, CO_RUNNING, CO_CANCELLED };

#define CO_SLOT_BITS	20		/* at most 1M callouts at once */
#define CO_GEN_BITS	(BITS_PER_LONG - CO_SLOT_BITS)
#define CO_GEN_MASK	((1UL << CO_GEN_BITS) - 1)
#define CO_PHASE(s)	((unsigned long)(s) & 3)
#define CO_GEN(s)	(((unsigned long)(s) >> 2) & CO_GEN_MASK)
#define CO_STATE(g, p)	((long)((g) << 2 | (p)))
#define CO_CHUNK	64		/* records per chunk */
#define CO_NCHUNKS	((1U << CO_SLOT_BITS) / CO_CHUNK)
#define CO_PCPU_MAX	128		/* more go to the shared list */

static struct co_ent *co_chunks[CO_NCHUNKS];
static unsigned int co_nchunks;		/* published with release */
static DEFINE_SPINLOCK(co_free_lock);	/* co_free, growing the table */
static struct co_ent *co_free;

struct co_pcpu {
	struct co_ent *head;
	unsigned int n;
};
static DEFINE_PER_CPU(struct co_pcpu, co_pcpu);

static struct workqueue_struct *co_wq;
static int co_dying;			/* unloading: expired means dropped */

static void co_timer_fn(struct timer_list *t);
static void co_work_fn(struct work_struct *w);

static struct co_ent *co_slot(unsigned long slot)
{
	unsigned int c = slot / CO_CHUNK;

	/* Pairs with co_grow()'s release: the chunk is there. */
	if (c >= smp_load_acquire(&co_nchunks))
		return NULL;
	return &co_chunks[c][slot % CO_CHUNK];
}

/* Add a chunk of records to the shared free list; false if none left. */
static bool co_grow(gfp_t gfp)
{
	struct co_ent *chunk;
	unsigned long flags;
	unsigned int c, i;

	chunk = kcalloc(CO_CHUNK, sizeof(*chunk), gfp | __GFP_NOWARN);
	if (!chunk)
		return false;
	spin_lock_irqsave(&co_free_lock, flags);
	c = co_nchunks;
	if (c == CO_NCHUNKS) {
		spin_unlock_irqrestore(&co_free_lock, flags);
		kfree(chunk);
		return false;
	}
	for (i = 0; i < CO_CHUNK; i++) {
		struct co_ent *e = &chunk[i];

		timer_setup(&e->timer, co_timer_fn, 0);
		INIT_WORK(&e->work, co_work_fn);
		e->slot = c * CO_CHUNK + i;
		atomic_long_set(&e->state, CO_STATE(0UL, CO_FREE));
		e->next_free = co_free;
		co_free = e;
	}
	co_chunks[c] = chunk;
	/* co_slot() reads the count, then the chunk: publish in order. */
	smp_store_release(&co_nchunks, c + 1);
	spin_unlock_irqrestore(&co_free_lock, flags);
	return true;
}

/*
 * The per-CPU free lists are only used from task context, with
 * preemption disabled; interrupt and softirq context use the shared
 * list under its lock.  So a task's use of its CPU's list needs no
 * interrupts disabled: what interrupts it never touches that list.
 * (Restoring the interrupt flag is dear where it matters most to this
 * path: under TCG each such restore ends a translation block.)
 */
static struct co_ent *co_get(void)
{
	struct co_pcpu *p;
	struct co_ent *e = NULL;
	unsigned long flags;

	if (likely(in_task())) {
		preempt_disable();
		p = this_cpu_ptr(&co_pcpu);
		e = p->head;
		if (likely(e)) {
			p->head = e->next_free;
			p->n--;
		}
		preempt_enable();
		if (likely(e))
			return e;
	}
	for (;;) {
		spin_lock_irqsave(&co_free_lock, flags);
		e = co_free;
		if (e)
			co_free = e->next_free;
		spin_unlock_irqrestore(&co_free_lock, flags);
		if (e || !co_grow(preemptible() ? GFP_KERNEL : GFP_ATOMIC))
			return e;
	}
}

/*
 * Back on a free list; the caller is the one party that ends this
 * generation (see above) and touches the record no more.  The state
 * keeps the generation, so a later timeout() takes the next one.
 */
static void co_release(struct co_ent *e, unsigned long gen)
{
	struct co_pcpu *p;
	unsigned long flags;

	atomic_long_set_release(&e->state, CO_STATE(gen, CO_FREE));
	if (likely(in_task())) {
		preempt_disable();
		p = this_cpu_ptr(&co_pcpu);
		if (likely(p->n < CO_PCPU_MAX)) {
			e->next_free = p->head;
			p->head = e;
			p->n++;
			preempt_enable();
			return;
		}
		preempt_enable();
	}
	spin_lock_irqsave(&co_free_lock, flags);
	e->next_free = co_free;
	co_free = e;
	spin_unlock_irqrestore(&co_free_lock, flags);
}

/* The timer expired: queue the callback, unless untimeout() got there. */
static void co_timer_fn(struct timer_list *t)
{
	struct co_ent *e = from_timer(e, t, timer);
	long s = atomic_long_read(&e->state);
	bool dying = READ_ONCE(co_dying);

	/*
	 * PENDING or CANCELLED of the generation that armed the timer: the
	 * record cannot change hands while its timer is pending or its
	 * function is here.
	 */
	while (CO_PHASE(s) == CO_PENDING) {
		if (!atomic_long_try_cmpxchg(&e->state, &s,
				CO_STATE(CO_GEN(s), dying ? CO_CANCELLED :
							    CO_RUNNING)))
			continue;
		if (dying)
			break;
		queue_work(co_wq, &e->work);
		return;
	}
	WARN_ON_ONCE(!dying && CO_PHASE(s) != CO_CANCELLED);
	/* Cancelled while expiring: untimeout() left the record to us. */
	co_release(e, CO_GEN(s));
}

static void co_work_fn(struct work_struct *w)
{
	struct co_ent *e = container_of(w, struct co_ent, work);
	unsigned long gen = CO_GEN(atomic_long_read(&e->state));

	e->func(e->arg);
	/*
	 * The callback is over: the state leaves RUNNING (with release),
	 * and may at once become a later callout's.  The waiters only need
	 * to see this generation's RUNNING end.
	 */
	co_release(e, gen);
	/* The state's store before wake_up_var()'s look at the waiters. */
	smp_mb();
	wake_up_var(&e->state);
}

timeout_id_t timeout(void (*func)(void *), void *arg, clock_t ticks)
{
	struct co_ent *e = co_get();
	unsigned long gen;

	if (!e) {
		cmn_err(CE_WARN, "%s(%ps): no memory for the callout", __func__,
			func);
		return NULL;
	}
	e->func = func;
	e->arg = arg;
	/* Generation 0 is never handed out: an ID is never NULL. */
	gen = (CO_GEN(atomic_long_read(&e->state)) + 1) & CO_GEN_MASK;
	if (!gen)
		gen = 1;
	atomic_long_set(&e->state, CO_STATE(gen, CO_PENDING));
	/*
	 * A delay below one tick is the next tick.  The timer is neither
	 * pending nor deciding (see co_timer_fn): mod_timer() arms it.
	 */
	mod_timer(&e->timer, jiffies + (ticks < 1 ? 1 : ticks));
	/* e may already have run and been reused: gen, not e's state. */
	return (timeout_id_t)(gen << CO_SLOT_BITS | e->slot);
}
EXPORT_SYMBOL(timeout);

clock_t untimeout(timeout_id_t id)
{
	unsigned long key = (uintptr_t)id, gen = key >> CO_SLOT_BITS;
	struct co_ent *e = co_slot(key & ((1UL << CO_SLOT_BITS) - 1));
	clock_t left;
	long s;

	if (!e || !gen)
		return -1;
	s = atomic_long_read(&e->state);
	for (;;) {
		if (CO_GEN(s) != gen)
			return -1;		/* ran, or never was */
		if (CO_PHASE(s) != CO_PENDING)
			break;
		left = (long)(READ_ONCE(e->timer.expires) - jiffies);
		if (atomic_long_try_cmpxchg(&e->state, &s,
					    CO_STATE(gen, CO_CANCELLED))) {
			/* Else expiring now: the timer function releases. */
			if (timer_delete(&e->timer))
				co_release(e, gen);
			return left > 0 ? left : 0;
		}
	}
	if (CO_PHASE(s) != CO_RUNNING)
		return -1;			/* cancelled already, or over */
	/*
	 * Queued or running: wait for the callback's end, unless we are it
	 * (or cannot sleep).  Not flush_work(): see above.
	 */
	if (current_work() == &e->work || !preemptible())
		return -1;
	wait_var_event(&e->state, atomic_long_read_acquire(&e->state) !=
		       CO_STATE(gen, CO_RUNNING));
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
	int stop;			/* ints, not bools: see ksynch.c */
	int self_delete;		/* deleted from its own callback */
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
	co_wq = alloc_workqueue("ddi_callout", WQ_HIGHPRI, 0);
	return co_wq ? 0 : -ENOMEM;
}

/* Cancel every pending callout; returns how many there were. */
static int co_cancel_all(void)
{
	unsigned int c, i;
	int n = 0;

	for (c = 0; c < co_nchunks; c++) {
		for (i = 0; i < CO_CHUNK; i++) {
			struct co_ent *e = &co_chunks[c][i];
			long s = atomic_long_read(&e->state);

			while (CO_PHASE(s) == CO_PENDING) {
				if (!atomic_long_try_cmpxchg(&e->state, &s,
						CO_STATE(CO_GEN(s), CO_CANCELLED)))
					continue;
				if (timer_delete_sync(&e->timer))
					co_release(e, CO_GEN(s));
				n++;
				break;
			}
			/* No timer function runs on the record after this. */
			timer_delete_sync(&e->timer);
		}
	}
	return n;
}

void ddic_callout_fini(void)
{
	unsigned int c;
	int cpu, left;

	/*
	 * Every driver is gone: a callout still pending would call into
	 * unloaded code.  Cancel it and say so.  Callbacks still queued or
	 * running finish in destroy_workqueue(); what they arm meanwhile
	 * is dropped when it expires (co_dying) or in the second sweep.
	 */
	WRITE_ONCE(co_dying, true);
	left = co_cancel_all();
	destroy_workqueue(co_wq);
	left += co_cancel_all();
	if (left)
		pr_warn("timeout: %d callouts were still pending at unload\n",
			left);
	for (c = 0; c < co_nchunks; c++)
		kfree(co_chunks[c]);
	co_nchunks = 0;
	co_free = NULL;
	for_each_possible_cpu(cpu)
		per_cpu_ptr(&co_pcpu, cpu)->head = NULL;
}
