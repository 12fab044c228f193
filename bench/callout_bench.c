// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel services against the Linux primitives they are built on:
 *   timeout()+untimeout() of a callout that never fires, against
 *     timer_setup()+mod_timer()+del_timer_sync() of a timer on the stack;
 *   a ddi_taskq_dispatch() round trip (dispatch, the task completes a
 *     completion, the caller waits for it) on a one-thread task queue,
 *     against queue_work() of the same round trip on an ordered
 *     workqueue (what a one-thread task queue is) and on system_wq;
 *   a ddi_intr_trigger_softint() round trip, against queue_work() on a
 *     high-priority workqueue.
 */
#include <linux/kernel.h>
#include <linux/timer.h>
#include <linux/workqueue.h>
#include <linux/completion.h>
#include <linux/jiffies.h>
#include <sys/types.h>
#include <sys/systm.h>
#include <sys/sunddi.h>
#include <sys/ddi_intr.h>

#include "bench.h"

static void sb_cb(void *arg)
{
}

static void sb_timeout(void *arg, unsigned long iters)
{
	while (iters--) {
		timeout_id_t id = timeout(sb_cb, arg, HZ);

		(void)untimeout(id);
	}
}

static void sb_timer_fn(struct timer_list *t)
{
}

static void sb_timer(void *arg, unsigned long iters)
{
	struct timer_list t;

	while (iters--) {
		timer_setup_on_stack(&t, sb_timer_fn, 0);
		mod_timer(&t, jiffies + HZ);
		del_timer_sync(&t);
		destroy_timer_on_stack(&t);
	}
}

struct sb_rt {
	struct completion done;
	struct work_struct work;
	struct workqueue_struct *wq;
	ddi_taskq_t *tq;
	ddi_softint_handle_t si;
};

static void sb_task(void *arg)
{
	complete(&((struct sb_rt *)arg)->done);
}

static void sb_taskq(void *arg, unsigned long iters)
{
	struct sb_rt *rt = arg;

	while (iters--) {
		reinit_completion(&rt->done);
		(void)ddi_taskq_dispatch(rt->tq, sb_task, rt, DDI_SLEEP);
		wait_for_completion(&rt->done);
	}
}

static void sb_work_fn(struct work_struct *w)
{
	complete(&container_of(w, struct sb_rt, work)->done);
}

static void sb_queue_work(void *arg, unsigned long iters)
{
	struct sb_rt *rt = arg;

	while (iters--) {
		reinit_completion(&rt->done);
		queue_work(rt->wq, &rt->work);
		wait_for_completion(&rt->done);
	}
}

static uint_t sb_softint(caddr_t arg1, caddr_t arg2)
{
	complete(&((struct sb_rt *)arg1)->done);
	return DDI_INTR_CLAIMED;
}

static void sb_trigger(void *arg, unsigned long iters)
{
	struct sb_rt *rt = arg;

	while (iters--) {
		reinit_completion(&rt->done);
		(void)ddi_intr_trigger_softint(rt->si, NULL);
		wait_for_completion(&rt->done);
	}
}

int bench_callout(void)
{
	struct sb_rt ours = {}, base = {}, sys = {};
	u64 a, b;
	int err = -ENOMEM;

	bench_pair(sb_timeout, NULL, sb_timer, NULL, 20000, 11, &a, &b);
	bench_report("timeout_untimeout", "ns", a,
		     "timer_setup_mod_timer_del_timer_sync", b);

	init_completion(&ours.done);
	init_completion(&base.done);
	init_completion(&sys.done);
	INIT_WORK(&base.work, sb_work_fn);
	INIT_WORK(&sys.work, sb_work_fn);
	sys.wq = system_wq;
	ours.tq = ddi_taskq_create(NULL, "bench_tq", 1, TASKQ_DEFAULTPRI, 0);
	base.wq = alloc_ordered_workqueue("bench_ordered", 0);
	if (!ours.tq || !base.wq)
		goto out;
	bench_pair(sb_taskq, &ours, sb_queue_work, &base, 2000, 11, &a, &b);
	bench_report("ddi_taskq_dispatch_roundtrip", "ns", a,
		     "queue_work_ordered_roundtrip", b);
	bench_pair(sb_taskq, &ours, sb_queue_work, &sys, 2000, 11, &a, &b);
	bench_report("ddi_taskq_dispatch_roundtrip_vs_system_wq", "ns", a,
		     "queue_work_system_wq_roundtrip", b);
	destroy_workqueue(base.wq);
	base.wq = alloc_workqueue("bench_highpri", WQ_HIGHPRI, 0);
	if (!base.wq)
		goto out;
	if (ddi_intr_add_softint(NULL, &ours.si, DDI_INTR_SOFTPRI_DEFAULT,
				 sb_softint, (void *)&ours) != DDI_SUCCESS)
		goto out;
	bench_pair(sb_trigger, &ours, sb_queue_work, &base, 2000, 11, &a, &b);
	bench_report("ddi_intr_trigger_softint_roundtrip", "ns", a,
		     "queue_work_highpri_roundtrip", b);
	(void)ddi_intr_remove_softint(ours.si);
	err = 0;
out:
	if (base.wq)
		destroy_workqueue(base.wq);
	if (ours.tq)
		ddi_taskq_destroy(ours.tq);
	return err;
}
