// SPDX-License-Identifier: GPL-2.0
/*
 * Task queues: taskq(9F) and the ddi_taskq_*(9F) interface over it.
 *
 * Why workqueues and not kthreads of our own: a driver creates a task
 * queue per instance and often several, most of them idle; a workqueue
 * costs no thread until work arrives, shares the kernel's worker pools,
 * and comes with the draining (flush_workqueue, destroy_workqueue) that
 * taskq_wait and taskq_destroy need.  More than one thread means an
 * unbound workqueue running at most nthreads tasks at once, each task a
 * work item of its own.
 *
 * One thread (the usual ddi_taskq) must run one task at a time, in
 * dispatch order, as Solaris promises.  An ordered workqueue would do it,
 * but an ordered workqueue is unbound: its worker usually runs on another
 * CPU than the dispatcher, and a dispatch, task, wake-the-dispatcher round
 * trip then costs two cross-CPU wakeups (ten times a per-CPU workqueue's).
 * So a one-thread queue keeps its pending tasks on a FIFO list of its own
 * (tq_list, under tq_lock) and has ONE work item, the drain, on a per-CPU
 * workqueue of its own (not system_wq: tasks sleep and run long; and
 * WQ_CPU_INTENSIVE, so a long task does not hold up the other per-CPU
 * work of its CPU).  Dispatch lists the task and queues the drain; the
 * drain pops and runs tasks until the list is empty.  A work item never
 * runs concurrently with itself (the workqueue sends a work item queued
 * while it runs to the CPU where it runs, behind itself), so one drain at
 * a time means one task at a time, in list order; queueing the drain while
 * it is pending is a no-op, and queueing it while it runs makes it run
 * once more, which finds whatever it had not yet seen.  Every dispatch
 * leaves a drain queued after it listed its task (queued under tq_lock:
 * tq_kick() says why), and a drain does not return with tasks listed, so
 * flushing the workqueue (taskq_wait) waits for every task dispatched
 * before it.  Observable difference: the tasks run on the CPU of a
 * dispatcher (the one whose dispatch found the drain idle), not anywhere;
 * a busy queue stays on one CPU.
 *
 * Each taskq_dispatch takes a small record from a slab cache (none for
 * taskq_dispatch_ent) and an ID, so that taskq_cancel_id() can find a
 * task that has not started.  With one thread, the ID is the next of a
 * 64-bit count and the record goes into a small hash table (tq_ids) and
 * onto the list in one step under tq_lock (an xarray's ID allocation
 * and its node churn doubled the round trip); the drain's pop takes it
 * off both in one step under tq_lock, and a canceller looks it up under
 * the same lock, so the record is listed exactly while it is in tq_ids
 * and whichever takes it out owns it.  With more threads, the ID comes
 * from the queue's xarray of pending tasks; the task leaves the xarray
 * as it starts, and whichever of the task and the canceller takes it out
 * owns the record.  tq_lock is irq-safe: TQ_NOSLEEP dispatch comes from
 * interrupt handlers and timers.
 *
 * The threads running the queue's tasks are listed (taskq_member()).
 * Suspension is a flag the task runner checks under the queue's lock
 * before it calls the task: ddi_taskq_suspend() waits for the tasks
 * already running, and the tasks that start later wait for
 * ddi_taskq_resume().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/cpumask.h>
#include <linux/xarray.h>
#include <linux/hashtable.h>
#include <linux/sched.h>
#include <sys/types.h>
#include <sys/taskq.h>
#include <sys/sunddi.h>
#include <sys/cmn_err.h>

#include "ddic_core.h"

struct taskq {
	struct workqueue_struct *tq_wq;
	int tq_nthreads;
	spinlock_t tq_lock;		/* irq-safe */
	int tq_suspended;		/* tq_lock; int: see ksynch.c */
	int tq_active;			/* tasks running (tq_lock) */
	atomic_t tq_inflight;		/* dispatched, not yet finished */
	wait_queue_head_t tq_waitq;
	struct xarray tq_pending;	/* taskqid -> struct tq_task */
	u32 tq_next_id;
	struct list_head tq_running;	/* struct tq_runner (tq_lock) */
	int tq_cancel_waiters;		/* tq_lock */
	/* One thread only: */
	struct list_head tq_list;	/* taskq_ent_t to run, FIFO (tq_lock) */
	DECLARE_HASHTABLE(tq_ids, 4);	/* the records in tq_list, by ID */
	unsigned long tq_last_id;	/* tq_lock */
	struct work_struct tq_drain;	/* runs tq_list on tq_wq */
	char tq_name[TASKQ_NAMELEN + 1];
};

/* A thread running one of the queue's tasks, on its stack. */
struct tq_runner {
	struct list_head link;
	struct task_struct *thread;
	taskqid_t id;			/* 0 for taskq_dispatch_ent */
};

/*
 * A dispatched task (taskq_dispatch): an entry (its work item with more
 * threads, its link with one) and an ID.  TQE_REC in tqent_flags tells a
 * record from a caller's taskq_dispatch_ent entry on a one-thread list.
 */
struct tq_task {
	taskq_ent_t ent;
	taskqid_t id;
	struct hlist_node hnode;	/* in tq_ids (one thread) */
};

#define TQE_REC		((uintptr_t)1 << 31)

static struct kmem_cache *tq_cache;
taskq_t *system_taskq;
EXPORT_SYMBOL(system_taskq);

/* List the thread as the queue's (taskq_member, taskq_cancel_id). */
static void tq_register(taskq_t *tq, struct tq_runner *r, taskqid_t id)
{
	r->thread = current;
	r->id = id;
	spin_lock_irq(&tq->tq_lock);
	list_add(&r->link, &tq->tq_running);
	spin_unlock_irq(&tq->tq_lock);
}

/* Take tq_lock (interrupts off) once the queue is not suspended. */
static void tq_lock_resumed(taskq_t *tq)
	__acquires(&tq->tq_lock)
{
	spin_lock_irq(&tq->tq_lock);
	while (tq->tq_suspended) {
		spin_unlock_irq(&tq->tq_lock);
		wait_event(tq->tq_waitq, !READ_ONCE(tq->tq_suspended));
		spin_lock_irq(&tq->tq_lock);
	}
}

/* Wait while the queue is suspended, then count the task as running. */
static void tq_enter(taskq_t *tq)
{
	tq_lock_resumed(tq);
	tq->tq_active++;
	spin_unlock_irq(&tq->tq_lock);
}

static void tq_leave(taskq_t *tq, struct tq_runner *r)
{
	bool wake;

	spin_lock_irq(&tq->tq_lock);
	list_del(&r->link);
	tq->tq_active--;
	wake = (tq->tq_active == 0 && tq->tq_suspended) ||
	       tq->tq_cancel_waiters;
	spin_unlock_irq(&tq->tq_lock);
	atomic_dec(&tq->tq_inflight);
	if (wake)
		wake_up_all(&tq->tq_waitq);
}

static void tq_run(struct work_struct *w)
{
	struct tq_task *t = container_of(w, struct tq_task, ent.tqent_work);
	task_func_t *func = t->ent.tqent_func;
	void *arg = t->ent.tqent_arg;
	taskq_t *tq = t->ent.tqent_taskq;
	struct tq_runner r;

	/* Listed before it leaves the pending set: a canceller sees one. */
	tq_register(tq, &r, t->id);
	if (xa_erase_irq(&tq->tq_pending, t->id) != t) {
		/* taskq_cancel_id() took it; it frees the record. */
		spin_lock_irq(&tq->tq_lock);
		list_del(&r.link);
		spin_unlock_irq(&tq->tq_lock);
		return;
	}
	kmem_cache_free(tq_cache, t);
	tq_enter(tq);
	func(arg);
	tq_leave(tq, &r);
}

static void tq_run_ent(struct work_struct *w)
{
	taskq_ent_t *ent = container_of(w, taskq_ent_t, tqent_work);
	taskq_t *tq = ent->tqent_taskq;
	struct tq_runner r;

	tq_register(tq, &r, 0);
	tq_enter(tq);
	/* The task may free or reuse its entry. */
	ent->tqent_func(ent->tqent_arg);
	tq_leave(tq, &r);
}

/*
 * A one-thread queue's drain: pop the first task (out of the xarray too,
 * in the same step), run it, until the list is empty.  Never two at once:
 * it is one work item.
 */
static void tq_drain(struct work_struct *w)
{
	taskq_t *tq = container_of(w, taskq_t, tq_drain);
	struct tq_task *t;
	taskq_ent_t *ent;
	task_func_t *func;
	struct tq_runner r;
	void *arg;

	r.thread = current;
	for (;;) {
		tq_lock_resumed(tq);
		ent = list_first_entry_or_null(&tq->tq_list, taskq_ent_t,
					       tqent_link);
		if (!ent) {
			spin_unlock_irq(&tq->tq_lock);
			return;
		}
		list_del_init(&ent->tqent_link);
		t = NULL;
		r.id = 0;
		if (ent->tqent_flags & TQE_REC) {
			t = container_of(ent, struct tq_task, ent);
			r.id = t->id;
			hash_del(&t->hnode);
		}
		/* The task may free or reuse a caller's entry. */
		func = ent->tqent_func;
		arg = ent->tqent_arg;
		list_add(&r.link, &tq->tq_running);
		tq->tq_active++;
		spin_unlock_irq(&tq->tq_lock);
		if (t)
			kmem_cache_free(tq_cache, t);
		func(arg);
		tq_leave(tq, &r);
		cond_resched();
	}
}

/*
 * An ID for @entry (more than one thread).  The _irq forms would turn
 * interrupts on inside a hard interrupt handler (TQ_NOSLEEP dispatch);
 * a non-blocking allocation never drops the lock, so irqsave does there.
 */
static int tq_id_alloc(taskq_t *tq, u32 *id, void *entry, gfp_t gfp)
{
	unsigned long fl;
	int rc;

	if (gfpflags_allow_blocking(gfp))
		return xa_alloc_cyclic_irq(&tq->tq_pending, id, entry,
					   xa_limit_31b, &tq->tq_next_id, gfp);
	xa_lock_irqsave(&tq->tq_pending, fl);
	rc = __xa_alloc_cyclic(&tq->tq_pending, id, entry, xa_limit_31b,
			       &tq->tq_next_id, gfp);
	xa_unlock_irqrestore(&tq->tq_pending, fl);
	return rc;
}

taskq_t *taskq_create(const char *name, int nthreads, pri_t pri,
		      int minalloc, int maxalloc, uint_t flags)
{
	taskq_t *tq;

	if (!name)
		name = "taskq";
	if (flags & TASKQ_THREADS_CPU_PCT)
		nthreads = num_online_cpus() * nthreads / 100;
	nthreads = clamp(nthreads, 1, WQ_MAX_ACTIVE);

	tq = kzalloc(sizeof(*tq), GFP_KERNEL);
	if (!tq)
		return NULL;
	/* Workqueue names are short; keep the end, which differs most. */
	strscpy(tq->tq_name, name, sizeof(tq->tq_name));
	if (nthreads == 1)
		tq->tq_wq = alloc_workqueue("%.23s", WQ_CPU_INTENSIVE, 1,
					    tq->tq_name);
	else
		tq->tq_wq = alloc_workqueue("%.23s", WQ_UNBOUND, nthreads,
					    tq->tq_name);
	if (!tq->tq_wq) {
		kfree(tq);
		return NULL;
	}
	tq->tq_nthreads = nthreads;
	spin_lock_init(&tq->tq_lock);
	init_waitqueue_head(&tq->tq_waitq);
	atomic_set(&tq->tq_inflight, 0);
	xa_init_flags(&tq->tq_pending, XA_FLAGS_ALLOC1 | XA_FLAGS_LOCK_IRQ);
	INIT_LIST_HEAD(&tq->tq_running);
	INIT_LIST_HEAD(&tq->tq_list);
	hash_init(tq->tq_ids);
	INIT_WORK(&tq->tq_drain, tq_drain);
	return tq;
}
EXPORT_SYMBOL(taskq_create);

/*
 * Queue a one-thread queue's drain, under tq_lock.  Not after it: a
 * queue_work() that finds the drain pending returns at once, and the
 * drain may not be on the workqueue yet: another dispatcher's
 * queue_work() sets the pending bit first and adds the work item after.
 * A taskq_wait() (flush_workqueue) between the two would not wait for
 * the drain, nor for the task just listed (seen with two vCPUs, the
 * other one descheduled by the host in that window).  Under the lock,
 * the queue_work() that set the bit has finished by the time anyone
 * else lists a task.
 */
static void tq_kick(taskq_t *tq)
	__must_hold(&tq->tq_lock)
{
	queue_work(tq->tq_wq, &tq->tq_drain);
}

/*
 * taskq_dispatch on a one-thread queue: the record takes an ID, its place
 * in tq_ids and its place on the list in one step under tq_lock.  The IDs
 * count up and are not reused (64 bits).
 */
static taskqid_t tq_dispatch_one(taskq_t *tq, struct tq_task *t)
{
	unsigned long fl;
	taskqid_t id;

	atomic_inc(&tq->tq_inflight);
	spin_lock_irqsave(&tq->tq_lock, fl);
	id = ++tq->tq_last_id;
	if (unlikely(!id))
		id = ++tq->tq_last_id;
	t->id = id;
	hash_add(tq->tq_ids, &t->hnode, id);
	list_add_tail(&t->ent.tqent_link, &tq->tq_list);
	tq_kick(tq);
	spin_unlock_irqrestore(&tq->tq_lock, fl);
	return id;
}

taskqid_t taskq_dispatch(taskq_t *tq, task_func_t func, void *arg,
			 uint_t flags)
{
	gfp_t gfp = (flags & (TQ_NOSLEEP | TQ_NOALLOC)) ?
		    GFP_NOWAIT | __GFP_NOWARN : GFP_KERNEL;
	struct tq_task *t;
	u32 id;

	if (!tq || !func)
		return 0;
	/* TQ_NOQUEUE: only if a thread can take it now. */
	if ((flags & TQ_NOQUEUE) &&
	    atomic_read(&tq->tq_inflight) >= tq->tq_nthreads)
		return 0;
	t = kmem_cache_alloc(tq_cache, gfp);
	if (!t)
		return 0;
	t->ent.tqent_func = func;
	t->ent.tqent_arg = arg;
	t->ent.tqent_taskq = tq;
	t->ent.tqent_flags = flags | TQE_REC;
	if (tq->tq_nthreads == 1)
		return tq_dispatch_one(tq, t);
	INIT_WORK(&t->ent.tqent_work, tq_run);
	if (tq_id_alloc(tq, &id, t, gfp) < 0) {
		kmem_cache_free(tq_cache, t);
		return 0;
	}
	t->id = id;
	atomic_inc(&tq->tq_inflight);
	queue_work(tq->tq_wq, &t->ent.tqent_work);
	return (taskqid_t)id;
}
EXPORT_SYMBOL(taskq_dispatch);

void taskq_init_ent(taskq_ent_t *ent)
{
	memset(ent, 0, sizeof(*ent));
	INIT_WORK(&ent->tqent_work, tq_run_ent);
	INIT_LIST_HEAD(&ent->tqent_link);
}
EXPORT_SYMBOL(taskq_init_ent);

/*
 * taskq_dispatch_ent: no allocation, so it cannot fail.  The entry must
 * not be dispatched again before its task has started.
 */
void taskq_dispatch_ent(taskq_t *tq, task_func_t func, void *arg,
			uint_t flags, taskq_ent_t *ent)
{
	unsigned long fl;

	if (!tq || !func || !ent)
		return;
	if (tq->tq_nthreads == 1) {
		spin_lock_irqsave(&tq->tq_lock, fl);
		/* A zeroed entry, never given to taskq_init_ent(). */
		if (!ent->tqent_link.next)
			INIT_LIST_HEAD(&ent->tqent_link);
		if (!list_empty(&ent->tqent_link)) {
			spin_unlock_irqrestore(&tq->tq_lock, fl);
			cmn_err(CE_WARN, "%s(%s): entry already queued",
				__func__, tq->tq_name);
			return;
		}
		ent->tqent_func = func;
		ent->tqent_arg = arg;
		ent->tqent_taskq = tq;
		ent->tqent_flags = flags & ~TQE_REC;
		atomic_inc(&tq->tq_inflight);
		list_add_tail(&ent->tqent_link, &tq->tq_list);
		tq_kick(tq);
		spin_unlock_irqrestore(&tq->tq_lock, fl);
		return;
	}
	if (ent->tqent_work.func != tq_run_ent)
		INIT_WORK(&ent->tqent_work, tq_run_ent);
	ent->tqent_func = func;
	ent->tqent_arg = arg;
	ent->tqent_taskq = tq;
	ent->tqent_flags = flags;
	atomic_inc(&tq->tq_inflight);
	if (!queue_work(tq->tq_wq, &ent->tqent_work)) {
		atomic_dec(&tq->tq_inflight);
		cmn_err(CE_WARN, "%s(%s): entry already queued",
			__func__, tq->tq_name);
	}
}
EXPORT_SYMBOL(taskq_dispatch_ent);

void taskq_wait(taskq_t *tq)
{
	if (tq)
		flush_workqueue(tq->tq_wq);
}
EXPORT_SYMBOL(taskq_wait);

/* Is a task of @tq running, or about to run, on @thread? */
static bool tq_runs(taskq_t *tq, struct task_struct *thread, taskqid_t id)
{
	struct tq_runner *r;
	bool found = false;

	spin_lock_irq(&tq->tq_lock);
	list_for_each_entry(r, &tq->tq_running, link) {
		if ((thread && r->thread == thread) || (id && r->id == id)) {
			found = true;
			break;
		}
	}
	spin_unlock_irq(&tq->tq_lock);
	return found;
}

/* Is the caller task @id itself? */
static bool tq_self(taskq_t *tq, taskqid_t id)
{
	struct tq_runner *r;
	bool found = false;

	spin_lock_irq(&tq->tq_lock);
	list_for_each_entry(r, &tq->tq_running, link)
		if (r->thread == current && r->id == id)
			found = true;
	spin_unlock_irq(&tq->tq_lock);
	return found;
}

/*
 * Is @thread running one of @tq's tasks?  A queue's threads are the
 * kernel's shared workqueue workers: one belongs to the queue while it
 * runs the queue's task (departure, docs/departures.md).
 */
int taskq_member(taskq_t *tq, kthread_t *thread)
{
	return tq && thread && tq_runs(tq, thread, 0);
}
EXPORT_SYMBOL(taskq_member);

/*
 * Cancel task @id if it has not started: 0.  If it is running, wait for
 * it to finish (unless called from it) and return EBUSY; ENOENT if the
 * queue has no such task (done, or never was).
 */
int taskq_cancel_id(taskq_t *tq, taskqid_t id)
{
	struct tq_task *t = NULL, *it;

	if (!tq || !id)
		return ENOENT;
	if (tq->tq_nthreads == 1) {
		/* Listed exactly while in tq_ids (tq_lock). */
		spin_lock_irq(&tq->tq_lock);
		hash_for_each_possible(tq->tq_ids, it, hnode, id) {
			if (it->id == id) {
				t = it;
				list_del_init(&t->ent.tqent_link);
				hash_del(&t->hnode);
				break;
			}
		}
		spin_unlock_irq(&tq->tq_lock);
	} else if (id <= U32_MAX) {
		t = xa_erase_irq(&tq->tq_pending, (unsigned long)id);
		/* It may have started only to find itself gone. */
		if (t)
			cancel_work_sync(&t->ent.tqent_work);
	}
	if (t) {
		kmem_cache_free(tq_cache, t);
		if (atomic_dec_and_test(&tq->tq_inflight))
			wake_up_all(&tq->tq_waitq);
		return 0;
	}
	if (!tq_runs(tq, NULL, id))
		return ENOENT;
	if (tq_self(tq, id))
		return EBUSY;		/* from the task itself */
	spin_lock_irq(&tq->tq_lock);
	tq->tq_cancel_waiters++;
	spin_unlock_irq(&tq->tq_lock);
	wait_event(tq->tq_waitq, !tq_runs(tq, NULL, id));
	spin_lock_irq(&tq->tq_lock);
	tq->tq_cancel_waiters--;
	spin_unlock_irq(&tq->tq_lock);
	return EBUSY;
}
EXPORT_SYMBOL(taskq_cancel_id);

void taskq_suspend(taskq_t *tq)
{
	spin_lock_irq(&tq->tq_lock);
	tq->tq_suspended = true;
	spin_unlock_irq(&tq->tq_lock);
	/* The tasks already running finish; later ones wait. */
	wait_event(tq->tq_waitq, READ_ONCE(tq->tq_active) == 0);
}
EXPORT_SYMBOL(taskq_suspend);

int taskq_suspended(taskq_t *tq)
{
	return READ_ONCE(tq->tq_suspended);
}
EXPORT_SYMBOL(taskq_suspended);

void taskq_resume(taskq_t *tq)
{
	spin_lock_irq(&tq->tq_lock);
	tq->tq_suspended = false;
	spin_unlock_irq(&tq->tq_lock);
	wake_up_all(&tq->tq_waitq);
}
EXPORT_SYMBOL(taskq_resume);

void taskq_destroy(taskq_t *tq)
{
	if (!tq)
		return;
	if (READ_ONCE(tq->tq_suspended)) {
		cmn_err(CE_WARN, "%s(%s): queue is suspended; resumed to drain it",
			__func__, tq->tq_name);
		taskq_resume(tq);
	}
	destroy_workqueue(tq->tq_wq);	/* runs what is queued first */
	xa_destroy(&tq->tq_pending);
	kfree(tq);
}
EXPORT_SYMBOL(taskq_destroy);

/* ---- ddi_taskq(9F) ------------------------------------------------------ */

ddi_taskq_t *ddi_taskq_create(dev_info_t *dip, const char *name, int nthreads,
			      pri_t pri, uint_t cflags)
{
	char qname[TASKQ_NAMELEN + 1];

	if (!name || nthreads < 1) {
		cmn_err(CE_WARN, "%s(%s): bad name or nthreads %d",
			__func__, name ? name : "NULL", nthreads);
		return NULL;
	}
	if (dip)
		snprintf(qname, sizeof(qname), "%s_%d_%s", ddi_driver_name(dip),
			 ddi_get_instance(dip), name);
	else
		strscpy(qname, name, sizeof(qname));
	return (ddi_taskq_t *)taskq_create(qname, nthreads, pri, 0, 0, 0);
}
EXPORT_SYMBOL(ddi_taskq_create);

void ddi_taskq_destroy(ddi_taskq_t *tq)
{
	taskq_destroy((taskq_t *)tq);
}
EXPORT_SYMBOL(ddi_taskq_destroy);

int ddi_taskq_dispatch(ddi_taskq_t *tq, void (*func)(void *), void *arg,
		       uint_t dflags)
{
	return taskq_dispatch((taskq_t *)tq, func, arg,
			      dflags == DDI_NOSLEEP ? TQ_NOSLEEP : TQ_SLEEP) ?
		DDI_SUCCESS : DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_taskq_dispatch);

void ddi_taskq_wait(ddi_taskq_t *tq)
{
	taskq_wait((taskq_t *)tq);
}
EXPORT_SYMBOL(ddi_taskq_wait);

void ddi_taskq_suspend(ddi_taskq_t *tq)
{
	taskq_suspend((taskq_t *)tq);
}
EXPORT_SYMBOL(ddi_taskq_suspend);

boolean_t ddi_taskq_suspended(ddi_taskq_t *tq)
{
	return taskq_suspended((taskq_t *)tq) ? B_TRUE : B_FALSE;
}
EXPORT_SYMBOL(ddi_taskq_suspended);

void ddi_taskq_resume(ddi_taskq_t *tq)
{
	taskq_resume((taskq_t *)tq);
}
EXPORT_SYMBOL(ddi_taskq_resume);

int ddic_taskq_init(void)
{
	tq_cache = KMEM_CACHE(tq_task, 0);
	if (!tq_cache)
		return -ENOMEM;
	system_taskq = taskq_create("system_taskq", 64, TASKQ_DEFAULTPRI,
				    0, 0, 0);
	if (!system_taskq) {
		kmem_cache_destroy(tq_cache);
		return -ENOMEM;
	}
	return 0;
}

void ddic_taskq_fini(void)
{
	taskq_destroy(system_taskq);
	system_taskq = NULL;
	/* Every queue is gone, and with it every task record. */
	kmem_cache_destroy(tq_cache);
}
