/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Task queues: taskq_create(), taskq_dispatch(), taskq_dispatch_ent(),
 * taskq_wait(), taskq_destroy() as illumos drivers call them.  The DDI
 * interface over the same queues, ddi_taskq_create(9F) and friends, is in
 * <sys/sunddi.h>.
 *
 * A task queue runs on a Linux workqueue: with one thread, one task at a
 * time in dispatch order, on a per-CPU workqueue (usually the CPU that
 * dispatched); otherwise unbound with at most nthreads tasks running at
 * once.  Tasks run in process context and may
 * sleep.  Departures (docs/departures.md): pri is ignored; TQ_FRONT
 * queues at the back; TQ_NOQUEUE fails when nthreads tasks are already
 * queued or running.
 */
#ifndef _SYS_TASKQ_H
#define _SYS_TASKQ_H

#include <sys/types.h>
#include <sys/thread.h>

#define TASKQ_NAMELEN	31

typedef struct taskq taskq_t;
typedef uintptr_t taskqid_t;
typedef void (task_func_t)(void *);

/* A preallocated task, for taskq_dispatch_ent(); owned by the caller. */
typedef struct taskq_ent {
	struct work_struct	tqent_work;
	task_func_t		*tqent_func;
	void			*tqent_arg;
	taskq_t			*tqent_taskq;
	uintptr_t		tqent_flags;
	struct list_head	tqent_link;	/* one-thread queue's list */
} taskq_ent_t;

/* taskq_create() flags. */
#define TASKQ_PREPOPULATE	0x0001
#define TASKQ_CPR_SAFE		0x0002
#define TASKQ_DYNAMIC		0x0004
#define TASKQ_THREADS_CPU_PCT	0x0008
#define TASKQ_DC_BATCH		0x0010

/* taskq_dispatch() flags. */
#define TQ_SLEEP	0x00
#define TQ_NOSLEEP	0x01
#define TQ_NOQUEUE	0x02
#define TQ_NOALLOC	0x04
#define TQ_FRONT	0x08

#ifndef TASKQ_DEFAULTPRI
#define TASKQ_DEFAULTPRI	-1
#endif

extern taskq_t *system_taskq;

taskq_t *taskq_create(const char *name, int nthreads, pri_t pri,
		      int minalloc, int maxalloc, uint_t flags);
taskqid_t taskq_dispatch(taskq_t *tq, task_func_t func, void *arg,
			 uint_t flags);
void taskq_dispatch_ent(taskq_t *tq, task_func_t func, void *arg,
			uint_t flags, taskq_ent_t *ent);
void taskq_init_ent(taskq_ent_t *ent);
void taskq_wait(taskq_t *tq);
void taskq_destroy(taskq_t *tq);
int taskq_member(taskq_t *tq, kthread_t *thread);
int taskq_cancel_id(taskq_t *tq, taskqid_t id);
void taskq_suspend(taskq_t *tq);
int taskq_suspended(taskq_t *tq);
void taskq_resume(taskq_t *tq);

#endif /* _SYS_TASKQ_H */
