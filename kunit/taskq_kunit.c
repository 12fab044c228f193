// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_taskq: taskq(9F) (ddi_taskq_*) and the
 * taskq_* interface illumos drivers call.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/atomic.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/taskq.h>
#include <sys/sunddi.h>
#include <sys/ddi.h>

struct tqt {
	atomic_t ran;
	atomic_t running;
	atomic_t max_running;
	struct completion gate;
	int order[64];
	atomic_t next;
	int msleep_ms;
};

static void tqt_init(struct tqt *c)
{
	memset(c, 0, sizeof(*c));
	init_completion(&c->gate);
}

static void tqt_note_running(struct tqt *c)
{
	int now = atomic_inc_return(&c->running), max;

	while ((max = atomic_read(&c->max_running)) < now)
		atomic_cmpxchg(&c->max_running, max, now);
}

/* A task that takes a while. */
static void tqt_slow(void *arg)
{
	struct tqt *c = arg;

	tqt_note_running(c);
	msleep(c->msleep_ms);
	atomic_dec(&c->running);
	atomic_inc(&c->ran);
}

/* A task that waits for the test to open the gate. */
static void tqt_gated(void *arg)
{
	struct tqt *c = arg;

	tqt_note_running(c);
	wait_for_completion_timeout(&c->gate, 10 * HZ);
	atomic_dec(&c->running);
	atomic_inc(&c->ran);
}

struct tqt_ord {
	struct tqt *c;
	int n;
};

static void tqt_ordered(void *arg)
{
	struct tqt_ord *o = arg;
	int slot = atomic_inc_return(&o->c->next) - 1;

	tqt_note_running(o->c);
	if (slot < ARRAY_SIZE(o->c->order))
		o->c->order[slot] = o->n;
	if (o->n % 7 == 0)
		usleep_range(200, 400);
	atomic_dec(&o->c->running);
	atomic_inc(&o->c->ran);
}

/* ddi_taskq_wait() returns only once every queued task has run. */
static void taskq_wait_waits_for_queued(struct kunit *test)
{
	ddi_taskq_t *tq = ddi_taskq_create(NULL, "tqt_wait", 2,
					   TASKQ_DEFAULTPRI, 0);
	struct tqt c;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, tq);
	tqt_init(&c);
	c.msleep_ms = 20;
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, ddi_taskq_dispatch(tq, tqt_slow, &c,
							 DDI_SLEEP),
				DDI_SUCCESS);
	KUNIT_EXPECT_LT(test, atomic_read(&c.ran), 8);
	ddi_taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), 8);
	KUNIT_EXPECT_LE(test, atomic_read(&c.max_running), 2);
	ddi_taskq_destroy(tq);
}

/* One thread: tasks run one at a time, in dispatch order. */
static void taskq_single_thread_ordered(struct kunit *test)
{
	ddi_taskq_t *tq = ddi_taskq_create(NULL, "tqt_order", 1,
					   TASKQ_DEFAULTPRI, 0);
	struct tqt_ord o[48];
	struct tqt c;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, tq);
	tqt_init(&c);
	for (i = 0; i < ARRAY_SIZE(o); i++) {
		o[i].c = &c;
		o[i].n = i;
		KUNIT_EXPECT_EQ(test, ddi_taskq_dispatch(tq, tqt_ordered, &o[i],
							 DDI_SLEEP),
				DDI_SUCCESS);
	}
	ddi_taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), (int)ARRAY_SIZE(o));
	KUNIT_EXPECT_EQ(test, atomic_read(&c.max_running), 1);
	for (i = 0; i < ARRAY_SIZE(o); i++)
		KUNIT_EXPECT_EQ(test, c.order[i], i);
	ddi_taskq_destroy(tq);
}

static bool tqt_wait_for(atomic_t *v, int want)
{
	int i;

	for (i = 0; i < 400 && atomic_read(v) != want; i++)
		usleep_range(5000, 6000);
	return atomic_read(v) == want;
}

/* nthreads tasks run at once, and no more. */
static void taskq_nthreads_honoured(struct kunit *test)
{
	ddi_taskq_t *tq = ddi_taskq_create(NULL, "tqt_three", 3,
					   TASKQ_DEFAULTPRI, 0);
	struct tqt c;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, tq);
	tqt_init(&c);
	for (i = 0; i < 6; i++)
		ddi_taskq_dispatch(tq, tqt_gated, &c, DDI_SLEEP);
	KUNIT_EXPECT_TRUE(test, tqt_wait_for(&c.running, 3));
	msleep(50);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.running), 3);
	complete_all(&c.gate);
	ddi_taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), 6);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.max_running), 3);
	ddi_taskq_destroy(tq);
}

struct tqt_susp {
	ddi_taskq_t *tq;
	atomic_t returned;
	struct completion done;
};

static int tqt_suspender(void *arg)
{
	struct tqt_susp *s = arg;

	ddi_taskq_suspend(s->tq);
	atomic_set(&s->returned, 1);
	kthread_complete_and_exit(&s->done, 0);
}

/* Suspend waits for running tasks; later ones wait for resume. */
static void taskq_suspend_resume(struct kunit *test)
{
	ddi_taskq_t *tq = ddi_taskq_create(NULL, "tqt_susp", 2,
					   TASKQ_DEFAULTPRI, 0);
	struct tqt_susp s = { .tq = tq };
	struct task_struct *t;
	struct tqt c;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, tq);
	tqt_init(&c);
	init_completion(&s.done);
	KUNIT_EXPECT_FALSE(test, ddi_taskq_suspended(tq));

	ddi_taskq_dispatch(tq, tqt_gated, &c, DDI_SLEEP);
	KUNIT_ASSERT_TRUE(test, tqt_wait_for(&c.running, 1));
	t = kthread_run(tqt_suspender, &s, "tqt_suspender");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	msleep(50);
	KUNIT_EXPECT_EQ(test, atomic_read(&s.returned), 0);
	complete_all(&c.gate);
	wait_for_completion(&s.done);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), 1);
	KUNIT_EXPECT_TRUE(test, ddi_taskq_suspended(tq));

	c.msleep_ms = 1;
	for (i = 0; i < 5; i++)
		ddi_taskq_dispatch(tq, tqt_slow, &c, DDI_SLEEP);
	msleep(100);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), 1);
	ddi_taskq_resume(tq);
	KUNIT_EXPECT_FALSE(test, ddi_taskq_suspended(tq));
	ddi_taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), 6);
	ddi_taskq_destroy(tq);
}

/* TQ_NOQUEUE fails while no thread is free; dispatch_ent; destroy drains. */
static void tqt_count(void *arg)
{
	atomic_inc(arg);
}

static void taskq_noqueue_ent_destroy(struct kunit *test)
{
	taskq_t *tq = taskq_create("tqt_noq", 1, TASKQ_DEFAULTPRI, 1, 1, 0);
	taskq_ent_t *ent = kunit_kzalloc(test, sizeof(*ent), GFP_KERNEL);
	atomic_t n = ATOMIC_INIT(0);
	struct tqt c;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, tq);
	tqt_init(&c);
	KUNIT_EXPECT_NE(test, taskq_dispatch(tq, tqt_gated, &c, TQ_SLEEP),
			(taskqid_t)0);
	KUNIT_ASSERT_TRUE(test, tqt_wait_for(&c.running, 1));
	KUNIT_EXPECT_EQ(test, taskq_dispatch(tq, tqt_count, &n,
					     TQ_NOQUEUE | TQ_NOSLEEP),
			(taskqid_t)0);
	complete_all(&c.gate);
	taskq_wait(tq);
	KUNIT_EXPECT_NE(test, taskq_dispatch(tq, tqt_count, &n, TQ_NOQUEUE),
			(taskqid_t)0);
	taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&n), 1);

	KUNIT_ASSERT_NOT_NULL(test, ent);
	taskq_init_ent(ent);
	taskq_dispatch_ent(tq, tqt_count, &n, TQ_SLEEP, ent);
	taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&n), 2);
	taskq_dispatch_ent(tq, tqt_count, &n, TQ_SLEEP, ent);
	taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&n), 3);

	/* taskq_destroy runs what is still queued. */
	c.msleep_ms = 5;
	for (i = 0; i < 4; i++)
		taskq_dispatch(tq, tqt_slow, &c, TQ_SLEEP);
	taskq_destroy(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), 5);

	/* system_taskq is there for drivers. */
	KUNIT_ASSERT_NOT_NULL(test, system_taskq);
	KUNIT_EXPECT_NE(test, taskq_dispatch(system_taskq, tqt_count, &n,
					     TQ_SLEEP), (taskqid_t)0);
	taskq_wait(system_taskq);
	KUNIT_EXPECT_EQ(test, atomic_read(&n), 4);
}

/* DDI_NOSLEEP dispatch from a timer (interrupt context). */
struct tqt_timer {
	struct timer_list timer;
	ddi_taskq_t *tq;
	atomic_t n;
	int rc;
	struct completion fired;
};

static void tqt_timer_fn(struct timer_list *t)
{
	struct tqt_timer *tt = from_timer(tt, t, timer);

	tt->rc = ddi_taskq_dispatch(tt->tq, tqt_count, &tt->n, DDI_NOSLEEP);
	complete(&tt->fired);
}

static void taskq_dispatch_from_timer(struct kunit *test)
{
	struct tqt_timer tt = { .tq = ddi_taskq_create(NULL, "tqt_timer", 1,
						       TASKQ_DEFAULTPRI, 0) };

	KUNIT_ASSERT_NOT_NULL(test, tt.tq);
	atomic_set(&tt.n, 0);
	init_completion(&tt.fired);
	timer_setup_on_stack(&tt.timer, tqt_timer_fn, 0);
	mod_timer(&tt.timer, jiffies + 1);
	wait_for_completion(&tt.fired);
	del_timer_sync(&tt.timer);
	destroy_timer_on_stack(&tt.timer);
	KUNIT_EXPECT_EQ(test, tt.rc, DDI_SUCCESS);
	ddi_taskq_wait(tt.tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&tt.n), 1);
	ddi_taskq_destroy(tt.tq);
}

/* Several kthreads dispatch into one queue; every task runs once. */
#define TQT_THREADS	4
#define TQT_PER		500

struct tqt_disp {
	ddi_taskq_t *tq;
	atomic_t *count;
	int failed;
	struct completion done;
};

static void tqt_add(void *arg)
{
	atomic_inc(arg);
}

static int tqt_dispatcher(void *arg)
{
	struct tqt_disp *d = arg;
	int i;

	for (i = 0; i < TQT_PER; i++)
		if (ddi_taskq_dispatch(d->tq, tqt_add, d->count,
				       DDI_SLEEP) != DDI_SUCCESS)
			d->failed++;
	kthread_complete_and_exit(&d->done, 0);
}

static void taskq_concurrent_dispatch(struct kunit *test)
{
	ddi_taskq_t *tq = ddi_taskq_create(NULL, "tqt_conc", 4,
					   TASKQ_DEFAULTPRI, 0);
	struct tqt_disp d[TQT_THREADS];
	atomic_t count = ATOMIC_INIT(0);
	struct task_struct *t;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, tq);
	for (i = 0; i < TQT_THREADS; i++) {
		d[i].tq = tq;
		d[i].count = &count;
		d[i].failed = 0;
		init_completion(&d[i].done);
		t = kthread_run(tqt_dispatcher, &d[i], "tqt_disp%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	for (i = 0; i < TQT_THREADS; i++) {
		wait_for_completion(&d[i].done);
		KUNIT_EXPECT_EQ(test, d[i].failed, 0);
	}
	ddi_taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, atomic_read(&count), TQT_THREADS * TQT_PER);
	ddi_taskq_destroy(tq);
}

static int tqt_open_gate_later(void *arg)
{
	struct tqt *c = arg;

	msleep(200);
	complete(&c->gate);
	return 0;
}

struct tqt_member {
	taskq_t *tq;
	int member;
	struct completion done;
};

static void tqt_is_member(void *arg)
{
	struct tqt_member *m = arg;

	m->member = taskq_member(m->tq, curthread);
	complete(&m->done);
}

/*
 * taskq_member() is true in the queue's task, false outside it and for
 * another queue; taskq_cancel_id() cancels a task that has not started
 * (0, and it never runs), waits for one that is running (EBUSY), and
 * knows nothing of one that is done (ENOENT).
 */
static void taskq_member_and_cancel(struct kunit *test)
{
	taskq_t *tq = taskq_create("kunit_tq_cancel", 1, TASKQ_DEFAULTPRI,
				   0, 0, 0);
	struct tqt_member m = { .tq = tq };
	struct tqt *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	taskqid_t running, queued, other;

	KUNIT_ASSERT_NOT_NULL(test, tq);
	KUNIT_ASSERT_NOT_NULL(test, c);
	tqt_init(c);
	init_completion(&m.done);
	KUNIT_ASSERT_NE(test, taskq_dispatch(tq, tqt_is_member, &m, TQ_SLEEP),
			(taskqid_t)0);
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&m.done, 10 * HZ));
	KUNIT_EXPECT_EQ(test, m.member, 1);
	KUNIT_EXPECT_EQ(test, taskq_member(tq, curthread), 0);
	reinit_completion(&m.done);
	m.tq = system_taskq;
	KUNIT_ASSERT_NE(test, taskq_dispatch(tq, tqt_is_member, &m, TQ_SLEEP),
			(taskqid_t)0);
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&m.done, 10 * HZ));
	KUNIT_EXPECT_EQ(test, m.member, 0);

	/* One thread: the gated task holds it, the next one waits. */
	running = taskq_dispatch(tq, tqt_gated, c, TQ_SLEEP);
	queued = taskq_dispatch(tq, tqt_slow, c, TQ_SLEEP);
	other = taskq_dispatch(tq, tqt_slow, c, TQ_SLEEP);
	KUNIT_ASSERT_NE(test, running, (taskqid_t)0);
	KUNIT_ASSERT_NE(test, queued, (taskqid_t)0);
	KUNIT_EXPECT_NE(test, queued, running);
	while (!atomic_read(&c->running))
		usleep_range(1000, 2000);
	KUNIT_EXPECT_EQ(test, taskq_cancel_id(tq, queued), 0);
	KUNIT_EXPECT_EQ(test, taskq_cancel_id(tq, queued), ENOENT);
	/* Cancelling the running task waits for it to finish. */
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(tqt_open_gate_later, c,
						    "kunit_tq_gate")));
	KUNIT_EXPECT_EQ(test, taskq_cancel_id(tq, running), EBUSY);
	/* It has finished ("other" may have run after it too). */
	KUNIT_EXPECT_GE(test, atomic_read(&c->ran), 1);
	taskq_wait(tq);
	KUNIT_EXPECT_EQ(test, taskq_cancel_id(tq, other), ENOENT);
	/* The gated task and "other" ran; the cancelled one did not. */
	KUNIT_EXPECT_EQ(test, atomic_read(&c->ran), 2);
	KUNIT_EXPECT_EQ(test, taskq_cancel_id(tq, 0), ENOENT);
	taskq_destroy(tq);
}

static struct kunit_case taskq_cases[] = {
	KUNIT_CASE(taskq_wait_waits_for_queued),
	KUNIT_CASE(taskq_single_thread_ordered),
	KUNIT_CASE(taskq_nthreads_honoured),
	KUNIT_CASE(taskq_suspend_resume),
	KUNIT_CASE(taskq_noqueue_ent_destroy),
	KUNIT_CASE(taskq_dispatch_from_timer),
	KUNIT_CASE(taskq_concurrent_dispatch),
	KUNIT_CASE(taskq_member_and_cancel),
	{}
};

static struct kunit_suite taskq_suite = {
	.name = "ddi_compat_taskq",
	.test_cases = taskq_cases,
};
kunit_test_suite(taskq_suite);
