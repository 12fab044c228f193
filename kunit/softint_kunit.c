// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_softint: ddi_intr_add_softint(9F) and
 * ddi_add_softintr(9F), triggered from a hard interrupt (an hrtimer in
 * hard mode), with handlers taking mutexes initialised at the soft
 * interrupt's priority.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/hrtimer.h>
#include <linux/atomic.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/sunddi.h>
#include <sys/ddi_intr.h>
#include <sys/ddi.h>

struct sit {
	ddi_softint_handle_t h;
	kmutex_t lock;			/* at the soft interrupt's priority */
	int runs;			/* under lock */
	void *last_arg2;
	int owned_in_handler;
	struct completion gate;		/* the first run waits on it */
	atomic_t started;
	/* The timer's view. */
	struct hrtimer timer;
	int ntrig;
	int trig_ok, trig_pending;
	int in_hardirq;
	struct completion fired;
};

static uint_t sit_handler(caddr_t arg1, caddr_t arg2)
{
	struct sit *s = (struct sit *)arg1;

	if (atomic_inc_return(&s->started) == 1)
		wait_for_completion_timeout(&s->gate, 10 * HZ);
	mutex_enter(&s->lock);
	s->runs++;
	s->last_arg2 = arg2;
	s->owned_in_handler = mutex_owned(&s->lock);
	mutex_exit(&s->lock);
	return DDI_INTR_CLAIMED;
}

static enum hrtimer_restart sit_timer_fn(struct hrtimer *t)
{
	struct sit *s = container_of(t, struct sit, timer);
	int i;

	s->in_hardirq = !!in_hardirq();
	for (i = 0; i < s->ntrig; i++) {
		int rc = ddi_intr_trigger_softint(s->h, (void *)(uintptr_t)(i + 100));

		if (rc == DDI_SUCCESS)
			s->trig_ok++;
		else if (rc == DDI_EPENDING)
			s->trig_pending++;
	}
	complete(&s->fired);
	return HRTIMER_NORESTART;
}

static void sit_fire(struct sit *s, int ntrig)
{
	s->ntrig = ntrig;
	s->trig_ok = s->trig_pending = 0;
	reinit_completion(&s->fired);
	hrtimer_start(&s->timer, ns_to_ktime(100000), HRTIMER_MODE_REL_HARD);
	wait_for_completion(&s->fired);
}

static int sit_runs(struct sit *s)
{
	int n;

	mutex_enter(&s->lock);
	n = s->runs;
	mutex_exit(&s->lock);
	return n;
}

static bool sit_wait_runs(struct sit *s, int want)
{
	int i;

	for (i = 0; i < 4000 && sit_runs(s) < want; i++)
		usleep_range(5000, 6000);
	return sit_runs(s) >= want;
}

/* Triggers from a hard interrupt run the handler once per batch. */
static void softint_once_per_batch_from_hardirq(struct kunit *test)
{
	struct sit *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	uint_t pri = 0;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	init_completion(&s->gate);
	init_completion(&s->fired);
	hrtimer_init(&s->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_HARD);
	s->timer.function = sit_timer_fn;

	KUNIT_ASSERT_EQ(test, ddi_intr_add_softint(NULL, &s->h,
						   DDI_INTR_SOFTPRI_MIN + 1,
						   sit_handler, s),
			DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_intr_get_softint_pri(s->h, &pri),
			DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, pri, (uint_t)DDI_INTR_SOFTPRI_MIN + 1);
	mutex_init(&s->lock, NULL, MUTEX_DRIVER, DDI_INTR_PRI(pri));

	/* One batch of 5: one run; the first run is held at the gate. */
	sit_fire(s, 5);
	KUNIT_EXPECT_EQ(test, s->in_hardirq, 1);
	KUNIT_EXPECT_EQ(test, s->trig_ok, 1);
	KUNIT_EXPECT_EQ(test, s->trig_pending, 4);
	for (i = 0; i < 4000 && atomic_read(&s->started) < 1; i++)
		usleep_range(5000, 6000);
	KUNIT_ASSERT_EQ(test, atomic_read(&s->started), 1);

	/* While it runs, a second batch of 3 makes exactly one more run. */
	sit_fire(s, 3);
	KUNIT_EXPECT_EQ(test, s->trig_ok, 1);
	KUNIT_EXPECT_EQ(test, s->trig_pending, 2);
	KUNIT_EXPECT_EQ(test, ddi_intr_set_softint_pri(s->h, 3), DDI_EPENDING);
	complete_all(&s->gate);
	KUNIT_EXPECT_TRUE(test, sit_wait_runs(s, 2));
	msleep(50);
	KUNIT_EXPECT_EQ(test, sit_runs(s), 2);
	/* arg2 of the batch's first trigger, the one that was kept. */
	KUNIT_EXPECT_PTR_EQ(test, s->last_arg2, (void *)(uintptr_t)100);
	KUNIT_EXPECT_EQ(test, s->owned_in_handler, 1);

	/* Priority: read back, range checked. */
	KUNIT_EXPECT_EQ(test, ddi_intr_set_softint_pri(s->h, 3), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_intr_get_softint_pri(s->h, &pri),
			DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, pri, 3U);
	KUNIT_EXPECT_EQ(test, ddi_intr_set_softint_pri(s->h, 0), DDI_EINVAL);
	KUNIT_EXPECT_EQ(test, ddi_intr_set_softint_pri(s->h,
						       DDI_INTR_SOFTPRI_MAX + 1),
			DDI_EINVAL);

	/* A trigger still pending at remove is delivered. */
	KUNIT_EXPECT_EQ(test, ddi_intr_trigger_softint(s->h, NULL),
			DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_intr_remove_softint(s->h), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, sit_runs(s), 3);
	hrtimer_cancel(&s->timer);
	mutex_destroy(&s->lock);
}

static void softint_bad_args(struct kunit *test)
{
	ddi_softint_handle_t h = NULL;

	KUNIT_EXPECT_EQ(test, ddi_intr_add_softint(NULL, &h, 0, sit_handler,
						   NULL), DDI_EINVAL);
	KUNIT_EXPECT_EQ(test, ddi_intr_add_softint(NULL, &h,
						   DDI_INTR_SOFTPRI_MAX + 1,
						   sit_handler, NULL),
			DDI_EINVAL);
	KUNIT_EXPECT_EQ(test, ddi_intr_add_softint(NULL, &h, 1, NULL, NULL),
			DDI_EINVAL);
	KUNIT_EXPECT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, ddi_intr_trigger_softint(NULL, NULL), DDI_EINVAL);
	KUNIT_EXPECT_EQ(test, ddi_intr_remove_softint(NULL), DDI_EINVAL);
}

/* The old interface, with a mutex on the soft iblock cookie. */
struct sit_old {
	kmutex_t lock;
	int runs;
	int claimed_work;
};

static uint_t sit_old_handler(caddr_t arg)
{
	struct sit_old *o = (struct sit_old *)arg;

	mutex_enter(&o->lock);
	if (!o->claimed_work) {
		mutex_exit(&o->lock);
		return DDI_INTR_UNCLAIMED;
	}
	o->claimed_work = 0;
	o->runs++;
	mutex_exit(&o->lock);
	return DDI_INTR_CLAIMED;
}

static void softintr_old_interface(struct kunit *test)
{
	struct sit_old o = {};
	ddi_iblock_cookie_t cookie, cookie2;
	ddi_softintr_t id;
	int i;

	KUNIT_ASSERT_EQ(test, ddi_get_soft_iblock_cookie(NULL, DDI_SOFTINT_MED,
							 &cookie),
			DDI_SUCCESS);
	mutex_init(&o.lock, NULL, MUTEX_DRIVER, (void *)cookie);
	KUNIT_ASSERT_EQ(test, ddi_add_softintr(NULL, DDI_SOFTINT_MED, &id,
					       &cookie2, NULL, sit_old_handler,
					       (caddr_t)&o),
			DDI_SUCCESS);
	KUNIT_EXPECT_PTR_EQ(test, cookie, cookie2);
	for (i = 1; i <= 3; i++) {
		mutex_enter(&o.lock);
		o.claimed_work = 1;
		mutex_exit(&o.lock);
		ddi_trigger_softintr(id);
		msleep(20);
		mutex_enter(&o.lock);
		KUNIT_EXPECT_EQ(test, o.runs, i);
		mutex_exit(&o.lock);
	}
	ddi_remove_softintr(id);
	mutex_destroy(&o.lock);
}

/* Several threads trigger; every accepted trigger makes one run. */
#define SIT_THREADS	4
#define SIT_PER		2000

struct sit_conc {
	ddi_softint_handle_t h;
	atomic_t runs;
	atomic_t ok;
	struct completion done[SIT_THREADS];
};

static uint_t sit_count(caddr_t arg1, caddr_t arg2)
{
	struct sit_conc *c = (struct sit_conc *)arg1;

	atomic_inc(&c->runs);
	return DDI_INTR_CLAIMED;
}

static struct sit_conc *sit_conc_arg;

static int sit_trigger_thread(void *arg)
{
	struct sit_conc *c = sit_conc_arg;
	int i, me = (int)(uintptr_t)arg;

	for (i = 0; i < SIT_PER; i++) {
		if (ddi_intr_trigger_softint(c->h, NULL) == DDI_SUCCESS)
			atomic_inc(&c->ok);
		if (i % 64 == 0)
			cond_resched();
	}
	kthread_complete_and_exit(&c->done[me], 0);
}

static void softint_concurrent_triggers(struct kunit *test)
{
	struct sit_conc *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct task_struct *k;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	sit_conc_arg = c;
	KUNIT_ASSERT_EQ(test, ddi_intr_add_softint(NULL, &c->h,
						   DDI_INTR_SOFTPRI_DEFAULT,
						   sit_count, c),
			DDI_SUCCESS);
	for (i = 0; i < SIT_THREADS; i++) {
		init_completion(&c->done[i]);
		k = kthread_run(sit_trigger_thread, (void *)(uintptr_t)i,
				"sit_trig%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	}
	for (i = 0; i < SIT_THREADS; i++)
		wait_for_completion(&c->done[i]);
	KUNIT_EXPECT_EQ(test, ddi_intr_remove_softint(c->h), DDI_SUCCESS);
	KUNIT_EXPECT_GE(test, atomic_read(&c->ok), 1);
	KUNIT_EXPECT_EQ(test, atomic_read(&c->runs), atomic_read(&c->ok));
}

static struct kunit_case softint_cases[] = {
	KUNIT_CASE(softint_once_per_batch_from_hardirq),
	KUNIT_CASE(softint_bad_args),
	KUNIT_CASE(softintr_old_interface),
	KUNIT_CASE(softint_concurrent_triggers),
	{}
};

static struct kunit_suite softint_suite = {
	.name = "ddi_compat_softint",
	.test_cases = softint_cases,
};
kunit_test_suite(softint_suite);
