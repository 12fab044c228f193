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
#include <linux/irq_work.h>
#include <linux/hardirq.h>
#include <linux/spinlock.h>
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
	wait_for_completion_timeout(&c->gate, 60 * HZ);
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

/*
 * Waits up to 20 s for *v to reach want and returns the value it last
 * read, so that a failed check shows how many tasks did start.  Each
 * task of an unbound workqueue beyond its idle workers waits for a new
 * worker thread; in a KCSAN guest on a loaded host that has taken more
 * than 2 s for the third of three.
 */
static int tqt_wait_for(atomic_t *v, int want)
{
	int i;

	for (i = 0; i < 4000 && atomic_read(v) != want; i++)
		usleep_range(5000, 6000);
	return atomic_read(v);
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
	KUNIT_EXPECT_EQ(test, tqt_wait_for(&c.running, 3), 3);
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
	KUNIT_ASSERT_EQ(test, tqt_wait_for(&c.running, 1), 1);
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
	KUNIT_ASSERT_EQ(test, tqt_wait_for(&c.running, 1), 1);
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

/*
 * One-thread queues under load: several sources (kthreads bound to
 * different CPUs, a timer, a hard interrupt) dispatch into one queue at
 * once.  Each task notes whether another task of the queue was running
 * (never, with one thread), that it ran once, and its place in the run
 * order, so that the order of each source's tasks can be checked.
 */
#define TQS_SRCS	4
#define TQS_PER		1200

struct tqs;

struct tqs_task {
	struct tqs *s;
	int src;
	int seq;
	int rc;			/* taskq_cancel_id(), or -1 */
	bool dispatched;
	atomic_t ran;
	taskq_ent_t ent;
};

struct tqs_src {
	struct tqs *s;
	int src;
	struct completion done;
};

struct tqs {
	taskq_t *tq;
	int nsrc;
	bool ticketed;		/* dispatch under one lock: one global order */
	bool cancel;		/* cancel each task right after dispatching it */
	bool use_ent;		/* odd tasks through taskq_dispatch_ent() */
	bool wait_each;		/* each source waits, then checks its own */
	atomic_t running;
	atomic_t overlap;
	atomic_t twice;
	atomic_t next;
	atomic_t wait_early;	/* taskq_wait() returned before a task ran */
	int ticket;		/* under tlock */
	spinlock_t tlock;
	struct completion go;
	struct tqs_task *tasks;	/* [TQS_SRCS][TQS_PER] */
	int *order;		/* run order: src << 16 | seq */
	struct tqs_src srcs[TQS_SRCS];
};

static struct tqs_task *tqs_at(struct tqs *s, int src, int seq)
{
	return &s->tasks[src * TQS_PER + seq];
}

static void tqs_fn(void *arg)
{
	struct tqs_task *k = arg;
	struct tqs *s = k->s;
	int slot;

	if (atomic_inc_return(&s->running) != 1)
		atomic_inc(&s->overlap);
	if (atomic_inc_return(&k->ran) != 1)
		atomic_inc(&s->twice);
	slot = atomic_inc_return(&s->next) - 1;
	if (slot < TQS_SRCS * TQS_PER)
		s->order[slot] = k->src << 16 | k->seq;
	if (k->seq % 16 == 0)
		udelay(20);		/* widen the window for an overlap */
	if (k->seq % 200 == 2)
		usleep_range(500, 1000);	/* cancelled while it runs */
	atomic_dec(&s->running);
}

/* Dispatch task (src, seq): TQ_NOSLEEP when @atomic. */
static void tqs_dispatch(struct tqs *s, int src, int seq, bool atomic)
{
	struct tqs_task *k = tqs_at(s, src, seq);
	uint_t fl = atomic ? TQ_NOSLEEP : TQ_SLEEP;
	taskqid_t id;

	k->rc = -1;
	if (s->use_ent && (seq & 1)) {
		taskq_dispatch_ent(s->tq, tqs_fn, k, fl, &k->ent);
		k->dispatched = true;
		return;
	}
	id = taskq_dispatch(s->tq, tqs_fn, k, fl);
	k->dispatched = id != 0;
	if (id && s->cancel) {
		/* Now, a little later, or after the drain had the CPU. */
		if (seq % 4 == 1)
			udelay(seq % 7);
		else if (seq % 4 == 2 && !atomic)
			usleep_range(1, 3);
		k->rc = taskq_cancel_id(s->tq, id);
	}
}

static int tqs_thread(void *arg)
{
	struct tqs_src *d = arg;
	struct tqs *s = d->s;
	unsigned long fl;
	int i, j;

	wait_for_completion(&s->go);
	for (i = 0; i < TQS_PER; i++) {
		if (!s->ticketed) {
			tqs_dispatch(s, d->src, i, false);
		} else {
			/* The ticket order is the dispatch order. */
			spin_lock_irqsave(&s->tlock, fl);
			j = s->ticket++;
			tqs_dispatch(s, j / TQS_PER, j % TQS_PER, true);
			spin_unlock_irqrestore(&s->tlock, fl);
		}
		if (s->wait_each && i % 10 == 9) {
			taskq_wait(s->tq);
			for (j = 0; j <= i; j++)
				if (!atomic_read(&tqs_at(s, d->src, j)->ran))
					atomic_inc(&s->wait_early);
		}
	}
	kthread_complete_and_exit(&d->done, 0);
}

static struct tqs *tqs_new(struct kunit *test, int nsrc)
{
	struct tqs *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, s);
	s->tasks = kunit_kcalloc(test, TQS_SRCS * TQS_PER, sizeof(*s->tasks),
				 GFP_KERNEL);
	s->order = kunit_kcalloc(test, TQS_SRCS * TQS_PER, sizeof(*s->order),
				 GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, s->tasks);
	KUNIT_ASSERT_NOT_NULL(test, s->order);
	for (i = 0; i < TQS_SRCS * TQS_PER; i++) {
		s->tasks[i].s = s;
		s->tasks[i].src = i / TQS_PER;
		s->tasks[i].seq = i % TQS_PER;
		s->tasks[i].rc = -1;
		taskq_init_ent(&s->tasks[i].ent);
	}
	s->nsrc = nsrc;
	spin_lock_init(&s->tlock);
	init_completion(&s->go);
	s->tq = taskq_create("kunit_tq_one", 1, TASKQ_DEFAULTPRI, 0, 0, 0);
	KUNIT_ASSERT_NOT_NULL(test, s->tq);
	return s;
}

/* Start the source kthreads, each on a CPU of its own where there is one. */
static void tqs_run_threads(struct kunit *test, struct tqs *s, int first,
			    int n)
{
	struct task_struct *t;
	int i, cpu = -1;

	for (i = first; i < first + n; i++) {
		s->srcs[i].s = s;
		s->srcs[i].src = i;
		init_completion(&s->srcs[i].done);
		t = kthread_create(tqs_thread, &s->srcs[i], "kunit_tqs%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		cpu = cpumask_next(cpu, cpu_online_mask);
		if (cpu >= nr_cpu_ids)
			cpu = cpumask_first(cpu_online_mask);
		kthread_bind(t, cpu);
		wake_up_process(t);
	}
}

/*
 * After taskq_wait: every dispatched task ran exactly once, a cancelled
 * one (0) never, no two overlapped, and each source's tasks ran in its
 * dispatch order (with @ticketed, all tasks in ticket order).
 */
static void tqs_check(struct kunit *test, struct tqs *s)
{
	int last[TQS_SRCS], n = atomic_read(&s->next), i, want = 0;
	int cancelled = 0, busy = 0, gone = 0, bad_order = 0, bad_ran = 0;
	struct tqs_task *k;

	for (i = 0; i < s->nsrc * TQS_PER; i++) {
		k = &s->tasks[i];
		if (k->rc == 0)
			cancelled++;
		else if (k->rc == EBUSY)
			busy++;
		else if (k->rc == ENOENT)
			gone++;
		else
			KUNIT_EXPECT_EQ(test, k->rc, -1);
		if (atomic_read(&k->ran) != (k->dispatched && k->rc != 0))
			bad_ran++;
		if (k->dispatched && k->rc != 0)
			want++;
	}
	for (i = 0; i < TQS_SRCS; i++)
		last[i] = -1;
	for (i = 0; i < n && i < TQS_SRCS * TQS_PER; i++) {
		int src = s->order[i] >> 16, seq = s->order[i] & 0xffff;

		if (s->ticketed) {
			if (src * TQS_PER + seq <= last[0])
				bad_order++;
			last[0] = src * TQS_PER + seq;
		} else {
			if (seq <= last[src])
				bad_order++;
			last[src] = seq;
		}
	}
	kunit_info(test, "%d ran, %d cancelled, %d EBUSY, %d ENOENT", n,
		   cancelled, busy, gone);
	KUNIT_EXPECT_EQ(test, n, want);
	KUNIT_EXPECT_EQ(test, bad_ran, 0);
	KUNIT_EXPECT_EQ(test, bad_order, 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s->overlap), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s->twice), 0);
	KUNIT_EXPECT_EQ(test, atomic_read(&s->wait_early), 0);
	if (s->cancel)
		KUNIT_EXPECT_GT(test, cancelled, 0);
}

struct tqs_mode {
	const char *what;
	int nsrc;
	bool ticketed, cancel, use_ent, wait_each;
};

static const struct tqs_mode tqs_modes[] = {
	{ "FIFO per source, records and entries", 2, false, false, true },
	{ "one global order (ticket lock, TQ_NOSLEEP)", 2, true },
	{ "cancel racing the drain", 2, false, true },
	{ "taskq_wait from each of several sources", 3, false, false, true,
	  true },
};

/*
 * One row of tqs_modes: a case per row (kunit.py and the harness count
 * a parameterised case's subtests differently).
 */
static void tqs_mode_run(struct kunit *test, int row)
{
	const struct tqs_mode *m = &tqs_modes[row];
	struct tqs *s = tqs_new(test, m->nsrc);
	int i;

	kunit_info(test, "%s", m->what);
	s->ticketed = m->ticketed;
	s->cancel = m->cancel;
	s->use_ent = m->use_ent;
	s->wait_each = m->wait_each;
	tqs_run_threads(test, s, 0, s->nsrc);
	complete_all(&s->go);
	for (i = 0; i < s->nsrc; i++)
		wait_for_completion(&s->srcs[i].done);
	taskq_wait(s->tq);
	tqs_check(test, s);
	taskq_destroy(s->tq);
}

static void taskq_one_thread_fifo(struct kunit *test)
{
	tqs_mode_run(test, 0);
}

static void taskq_one_thread_global_order(struct kunit *test)
{
	tqs_mode_run(test, 1);
}

static void taskq_one_thread_cancel_race(struct kunit *test)
{
	tqs_mode_run(test, 2);
}

static void taskq_one_thread_wait_each(struct kunit *test)
{
	tqs_mode_run(test, 3);
}

/*
 * TQ_NOSLEEP dispatch into a one-thread queue from a hard interrupt
 * (irq_work), from a timer (soft interrupt) and from a kthread at once:
 * the queue's lock is taken in every context (lockdep checks that it is
 * irq-safe), and the order of each source holds.
 */
struct tqs_irq {
	struct tqs *s;
	struct irq_work iw;
	struct timer_list timer;
	int iw_seq, timer_seq;
	atomic_t not_hardirq;
	struct completion timer_done;
};

static void tqs_iw_fn(struct irq_work *iw)
{
	struct tqs_irq *q = container_of(iw, struct tqs_irq, iw);

	if (!in_hardirq())
		atomic_inc(&q->not_hardirq);
	tqs_dispatch(q->s, 0, q->iw_seq++, true);
}

static void tqs_timer_fn(struct timer_list *t)
{
	struct tqs_irq *q = from_timer(q, t, timer);

	tqs_dispatch(q->s, 1, q->timer_seq++, true);
	if (q->timer_seq < 100)
		mod_timer(&q->timer, jiffies + 1);
	else
		complete(&q->timer_done);
}

static void taskq_one_thread_irq_dispatch(struct kunit *test)
{
	struct tqs *s = tqs_new(test, 3);
	struct tqs_irq *q = kunit_kzalloc(test, sizeof(*q), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, q);
	q->s = s;
	init_completion(&q->timer_done);
	init_irq_work(&q->iw, tqs_iw_fn);
	timer_setup(&q->timer, tqs_timer_fn, 0);
	/* Source 2: a kthread on another CPU. */
	tqs_run_threads(test, s, 2, 1);
	complete_all(&s->go);
	mod_timer(&q->timer, jiffies + 1);
	for (i = 0; i < TQS_PER; i++) {
		irq_work_queue(&q->iw);
		irq_work_sync(&q->iw);
		if (i % 50 == 0)
			usleep_range(100, 200);
	}
	wait_for_completion(&q->timer_done);
	del_timer_sync(&q->timer);
	wait_for_completion(&s->srcs[2].done);
	taskq_wait(s->tq);
	/* Sources 0 and 1 dispatched fewer than TQS_PER; the rest never. */
	KUNIT_EXPECT_EQ(test, q->iw_seq, TQS_PER);
	KUNIT_EXPECT_EQ(test, q->timer_seq, 100);
	KUNIT_EXPECT_EQ(test, atomic_read(&q->not_hardirq), 0);
	tqs_check(test, s);
	taskq_destroy(s->tq);
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
	KUNIT_CASE(taskq_one_thread_fifo),
	KUNIT_CASE(taskq_one_thread_global_order),
	KUNIT_CASE(taskq_one_thread_cancel_race),
	KUNIT_CASE(taskq_one_thread_wait_each),
	KUNIT_CASE(taskq_one_thread_irq_dispatch),
	{}
};

static struct kunit_suite taskq_suite = {
	.name = "ddi_compat_taskq",
	.test_cases = taskq_cases,
};
kunit_test_suite(taskq_suite);
