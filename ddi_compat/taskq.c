// SPDX-License-Identifier: GPL-2.0
/*
 * Task queues: taskq(9F) and the ddi_taskq_*(9F) interface over it.
 *
 * Why workqueues and not kthreads of our own: a driver creates a task
 * queue per instance and often several, most of them idle; a workqueue
 * costs no thread until work arrives, shares the kernel's worker pools,
 * and comes with the draining (flush_workqueue, destroy_workqueue) that
 * taskq_wait and taskq_destroy need.  One thread means an ordered
 * workqueue: one task at a time, in dispatch order, as Solaris promises;
 * more means an unbound workqueue running at most nthreads tasks at once.
 *
 * Each dispatch takes a small record from a slab cache (none for
 * taskq_dispatch_ent).  Suspension is a flag the task runner checks
 * under the queue's lock before it calls the task: ddi_taskq_suspend()
 * waits for the tasks already running, and the tasks that start later
 * wait for ddi_taskq_resume().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/cpumask.h>
#include <sys/types.h>
#include <sys/taskq.h>
#include <sys/sunddi.h>
#include <sys/cmn_err.h>

#include "ddic_core.h"

struct taskq {
	struct workqueue_struct *tq_wq;
	int tq_nthreads;
	spinlock_t tq_lock;
	bool tq_suspended;		/* tq_lock */
	int tq_active;			/* tasks running (tq_lock) */
	atomic_t tq_inflight;		/* dispatched, not yet finished */
	wait_queue_head_t tq_waitq;
	char tq_name[TASKQ_NAMELEN + 1];
};

/* A dispatched task (taskq_dispatch) */
struct tq_task {
	struct work_struct work;
	task_func_t *func;
	void *arg;
	taskq_t *tq;
};

static struct kmem_cache *tq_cache;
taskq_t *system_taskq;
EXPORT_SYMBOL(system_taskq);

/* Wait while the queue is suspended, then count the task as running. */
static void tq_enter(taskq_t *tq)
{
	spin_lock(&tq->tq_lock);
	while (tq->tq_suspended) {
		spin_unlock(&tq->tq_lock);
		wait_event(tq->tq_waitq, !READ_ONCE(tq->tq_suspended));
		spin_lock(&tq->tq_lock);
	}
	tq->tq_active++;
	spin_unlock(&tq->tq_lock);
}

static void tq_leave(taskq_t *tq)
{
	bool wake;

	spin_lock(&tq->tq_lock);
	wake = --tq->tq_active == 0 && tq->tq_suspended;
	spin_unlock(&tq->tq_lock);
	atomic_dec(&tq->tq_inflight);
	if (wake)
		wake_up_all(&tq->tq_waitq);
}

static void tq_run(struct work_struct *w)
{
	struct tq_task *t = container_of(w, struct tq_task, work);
	task_func_t *func = t->func;
	void *arg = t->arg;
	taskq_t *tq = t->tq;

	kmem_cache_free(tq_cache, t);
	tq_enter(tq);
	func(arg);
	tq_leave(tq);
}

static void tq_run_ent(struct work_struct *w)
{
	taskq_ent_t *ent = container_of(w, taskq_ent_t, tqent_work);
	taskq_t *tq = ent->tqent_taskq;

	tq_enter(tq);
	/* The task may free or reuse its entry. */
	ent->tqent_func(ent->tqent_arg);
	tq_leave(tq);
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
		tq->tq_wq = alloc_ordered_workqueue("%.23s", 0, tq->tq_name);
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
	return tq;
}
EXPORT_SYMBOL(taskq_create);

taskqid_t taskq_dispatch(taskq_t *tq, task_func_t func, void *arg,
			 uint_t flags)
{
	struct tq_task *t;

	if (!tq || !func)
		return 0;
	/* TQ_NOQUEUE: only if a thread can take it now. */
	if ((flags & TQ_NOQUEUE) &&
	    atomic_read(&tq->tq_inflight) >= tq->tq_nthreads)
		return 0;
	t = kmem_cache_alloc(tq_cache, (flags & (TQ_NOSLEEP | TQ_NOALLOC)) ?
			     GFP_NOWAIT | __GFP_NOWARN : GFP_KERNEL);
	if (!t)
		return 0;
	INIT_WORK(&t->work, tq_run);
	t->func = func;
	t->arg = arg;
	t->tq = tq;
	atomic_inc(&tq->tq_inflight);
	queue_work(tq->tq_wq, &t->work);
	return (taskqid_t)t;
}
EXPORT_SYMBOL(taskq_dispatch);

void taskq_init_ent(taskq_ent_t *ent)
{
	memset(ent, 0, sizeof(*ent));
	INIT_WORK(&ent->tqent_work, tq_run_ent);
}
EXPORT_SYMBOL(taskq_init_ent);

/*
 * taskq_dispatch_ent: no allocation, so it cannot fail.  The entry must
 * not be dispatched again before its task has started.
 */
void taskq_dispatch_ent(taskq_t *tq, task_func_t func, void *arg,
			uint_t flags, taskq_ent_t *ent)
{
	if (!tq || !func || !ent)
		return;
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

void taskq_suspend(taskq_t *tq)
{
	spin_lock(&tq->tq_lock);
	tq->tq_suspended = true;
	spin_unlock(&tq->tq_lock);
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
	spin_lock(&tq->tq_lock);
	tq->tq_suspended = false;
	spin_unlock(&tq->tq_lock);
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
