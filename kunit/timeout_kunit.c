// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_timeout: timeout(9F), untimeout(9F),
 * ddi_periodic_add(9F), gethrtime(9F), gethrestime(9F) and the tick
 * conversions.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/atomic.h>
#include <linux/preempt.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/systm.h>
#include <sys/time.h>
#include <sys/sunddi.h>
#include <sys/ddi.h>

struct tot {
	atomic_t ran;
	atomic_t started;
	atomic_t finished;
	int sleep_ms;
	clock_t self_untimeout;
	timeout_id_t id;
	kmutex_t lock;
	int stop;
	int rearm_ticks;
};

static void tot_cb(void *arg)
{
	struct tot *c = arg;

	atomic_inc(&c->started);
	if (c->sleep_ms)
		msleep(c->sleep_ms);
	atomic_inc(&c->ran);
	atomic_inc(&c->finished);
}

static bool tot_wait_for(atomic_t *v, int want, int ms)
{
	int i;

	for (i = 0; i < ms / 5 && atomic_read(v) < want; i++)
		usleep_range(5000, 6000);
	return atomic_read(v) >= want;
}

/* A callout runs once, after its delay; untimeout of it then is -1. */
static void timeout_runs_once(struct kunit *test)
{
	struct tot c = {};
	timeout_id_t id;
	hrtime_t t0 = gethrtime();

	id = timeout(tot_cb, &c, drv_usectohz(20000));
	KUNIT_ASSERT_NOT_NULL(test, id);
	KUNIT_EXPECT_TRUE(test, tot_wait_for(&c.ran, 1, 2000));
	KUNIT_EXPECT_GE(test, gethrtime() - t0, 19 * 1000000LL);
	msleep(30);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), 1);
	KUNIT_EXPECT_EQ(test, untimeout(id), (clock_t)-1);
	KUNIT_EXPECT_EQ(test, untimeout(id), (clock_t)-1);
	KUNIT_EXPECT_EQ(test, untimeout(NULL), (clock_t)-1);
}

/* untimeout of a pending callout cancels it and returns the ticks left. */
static void untimeout_pending_returns_ticks_left(struct kunit *test)
{
	struct tot c = {};
	timeout_id_t id, other;
	unsigned long t0;
	clock_t left;

	t0 = jiffies;
	id = timeout(tot_cb, &c, 100);
	other = timeout(tot_cb, &c, 100);
	KUNIT_EXPECT_NE(test, (uintptr_t)id, (uintptr_t)other);
	msleep(jiffies_to_msecs(10));
	left = untimeout(id);
	/* At least 10 ticks went by; no more than were measured (+1 tick). */
	KUNIT_EXPECT_LE(test, left, (clock_t)91);
	KUNIT_EXPECT_GE(test, left, (clock_t)100 - (clock_t)(jiffies - t0) - 1);
	KUNIT_EXPECT_EQ(test, untimeout(id), (clock_t)-1);
	KUNIT_EXPECT_GT(test, untimeout(other), (clock_t)0);
	msleep(jiffies_to_msecs(110));
	KUNIT_EXPECT_EQ(test, atomic_read(&c.started), 0);
}

struct tot_thr {
	struct tot *c;
	timeout_id_t id;
	clock_t ret;
	int finished_at_return;
	struct completion done;
};

static int tot_untimeout_thread(void *arg)
{
	struct tot_thr *t = arg;

	t->ret = untimeout(t->id);
	t->finished_at_return = atomic_read(&t->c->finished);
	kthread_complete_and_exit(&t->done, 0);
}

/* untimeout from a thread waits for a running callback to finish. */
static void untimeout_waits_for_running(struct kunit *test)
{
	struct tot c = { .sleep_ms = 200 };
	struct tot_thr t = { .c = &c };
	struct task_struct *k;

	init_completion(&t.done);
	t.id = timeout(tot_cb, &c, 1);
	KUNIT_ASSERT_TRUE(test, tot_wait_for(&c.started, 1, 2000));
	KUNIT_EXPECT_EQ(test, atomic_read(&c.finished), 0);
	k = kthread_run(tot_untimeout_thread, &t, "tot_untimeout");
	KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	wait_for_completion(&t.done);
	KUNIT_EXPECT_EQ(test, t.ret, (clock_t)-1);
	KUNIT_EXPECT_EQ(test, t.finished_at_return, 1);
}

/* A callback that re-arms itself, stopped the way drivers stop it. */
static void tot_rearm(void *arg)
{
	struct tot *c = arg;

	atomic_inc(&c->started);
	msleep(c->sleep_ms);
	mutex_enter(&c->lock);
	if (!c->stop)
		c->id = timeout(tot_rearm, c, c->rearm_ticks);
	mutex_exit(&c->lock);
	atomic_inc(&c->finished);
}

static void untimeout_rearming_callback(struct kunit *test)
{
	struct tot c = { .sleep_ms = 10, .rearm_ticks = 1 };
	timeout_id_t id;
	int n;

	mutex_init(&c.lock, NULL, MUTEX_DRIVER, NULL);
	mutex_enter(&c.lock);
	c.id = timeout(tot_rearm, &c, 1);
	mutex_exit(&c.lock);
	KUNIT_ASSERT_TRUE(test, tot_wait_for(&c.started, 4, 5000));

	mutex_enter(&c.lock);
	c.stop = 1;
	id = c.id;
	mutex_exit(&c.lock);
	(void)untimeout(id);
	/* Nothing starts once untimeout has returned. */
	n = atomic_read(&c.started);
	msleep(100);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.started), n);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.finished), n);
	mutex_destroy(&c.lock);
}

/* untimeout from the callback itself does not wait for itself. */
static void tot_self(void *arg)
{
	struct tot *c = arg;

	atomic_inc(&c->started);
	c->self_untimeout = untimeout(READ_ONCE(c->id));
	atomic_inc(&c->finished);
}

static void untimeout_from_own_callback(struct kunit *test)
{
	struct tot c = {};

	WRITE_ONCE(c.id, timeout(tot_self, &c, 1));
	KUNIT_EXPECT_TRUE(test, tot_wait_for(&c.finished, 1, 2000));
	KUNIT_EXPECT_EQ(test, c.self_untimeout, (clock_t)-1);
}

/* ddi_periodic: runs every interval until deleted; delete waits. */
static void tot_periodic(void *arg)
{
	struct tot *c = arg;

	atomic_inc(&c->started);
	if (c->sleep_ms)
		msleep(c->sleep_ms);
	atomic_inc(&c->finished);
}

static void periodic_runs_until_deleted(struct kunit *test)
{
	struct tot c = {};
	ddi_periodic_t p;
	int n;

	KUNIT_EXPECT_NULL(test, ddi_periodic_add(tot_periodic, &c, 0,
						 DDI_IPL_0));
	KUNIT_EXPECT_NULL(test, ddi_periodic_add(tot_periodic, &c,
						 MSEC2NSEC(10), 11));
	p = ddi_periodic_add(tot_periodic, &c, MSEC2NSEC(10), DDI_IPL_0);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, tot_wait_for(&c.finished, 4, 3000));
	c.sleep_ms = 100;
	KUNIT_EXPECT_TRUE(test, tot_wait_for(&c.started,
					     atomic_read(&c.finished) + 1,
					     3000));
	ddi_periodic_delete(p);
	n = atomic_read(&c.started);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.finished), n);
	msleep(60);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.started), n);
}

/* Clocks and conversions. */
static void time_clocks(struct kunit *test)
{
	hrtime_t a = gethrtime(), b;
	timestruc_t ts;

	usleep_range(2000, 3000);
	b = gethrtime();
	KUNIT_EXPECT_GE(test, b - a, 2 * 1000000LL);
	gethrestime(&ts);
	KUNIT_EXPECT_LE(test, (long)(ts.tv_sec - ddi_get_time()), 1L);
	KUNIT_EXPECT_GE(test, (long)ts.tv_nsec, 0L);
	KUNIT_EXPECT_LT(test, (long)ts.tv_nsec, (long)NANOSEC);
	KUNIT_EXPECT_LE(test, (long)(gethrestime_sec() - ts.tv_sec), 1L);
	KUNIT_EXPECT_EQ(test, drv_hztousec(drv_usectohz(1000000)), 1000000L);
	KUNIT_EXPECT_EQ(test, drv_usectohz(1000000), (clock_t)HZ);
	KUNIT_EXPECT_GE(test, ddi_get_lbolt64(), (int64_t)ddi_get_lbolt());
}

/*
 * Several threads arm and cancel; each callout runs or is cancelled, and
 * what untimeout() returned is checked against that callout's own
 * callback at the moment it returned: -1 only once the callback has
 * finished (it often runs when untimeout() comes: it busy-waits or
 * sleeps), 0 or more only if it never starts.  Each thread also cancels
 * IDs other threads are done with, whose records are likely serving
 * later callouts by then: those must return -1 and cancel nothing.
 */
#define TOT_THREADS	4
#define TOT_PER		400
#define TOT_RING	32

struct tot_rec {
	atomic_t started;
	atomic_t finished;
	struct tot *c;
	int mode;
};

struct tot_worker {
	struct tot *c;
	struct tot_rec *rec;
	atomic_long_t *ring;		/* IDs whose untimeout returned */
	int idx;
	int cancelled;
	int late;
	int early_return;		/* -1 before the callback finished */
	int ran_after_cancel;		/* >= 0, but the callback started */
	int stale_hit;			/* a finished ID cancelled something */
	struct completion done;
};

static void tot_rec_cb(void *arg)
{
	struct tot_rec *r = arg;

	atomic_inc(&r->started);
	if (r->mode == 1)
		udelay(500);
	else if (r->mode == 2)
		usleep_range(1000, 3000);
	atomic_inc(&r->c->ran);
	atomic_inc(&r->finished);
}

static int tot_worker_fn(void *arg)
{
	struct tot_worker *w = arg;
	u32 seed = 0x7107 + w->idx;
	int i;

	for (i = 0; i < TOT_PER; i++) {
		struct tot_rec *r = &w->rec[i];
		timeout_id_t id;
		clock_t left;

		seed = seed * 1103515245 + 12345;
		r->c = w->c;
		r->mode = (seed >> 16) % 3;
		id = timeout(tot_rec_cb, r, (seed >> 20) % 3);
		/* Before, around and after the expiry (1 or 2 ticks). */
		switch ((seed >> 24) % 4) {
		case 0:
			break;
		case 1:
			udelay((seed >> 8) % 300);
			break;
		case 2:
			usleep_range(1000, 5000);
			break;
		default:
			usleep_range(3000, 10000);
			break;
		}
		left = untimeout(id);
		if (left >= 0) {
			w->cancelled++;
			if (atomic_read(&r->started))
				w->ran_after_cancel++;
		} else {
			w->late++;
			if (atomic_read(&r->finished) != 1)
				w->early_return++;
		}
		/* Done with: its own and others' finished IDs cancel nothing. */
		if (untimeout(id) != -1)
			w->stale_hit++;
		atomic_long_set(&w->ring[(seed >> 4) % TOT_RING], (long)id);
		id = (timeout_id_t)atomic_long_read(&w->ring[(seed >> 12) %
							      TOT_RING]);
		if (untimeout(id) != -1)
			w->stale_hit++;
	}
	kthread_complete_and_exit(&w->done, 0);
}

static void timeout_concurrent(struct kunit *test)
{
	struct tot_worker w[TOT_THREADS];
	atomic_long_t *ring;
	struct tot c = {};
	struct task_struct *k;
	int i, j, cancelled = 0, late = 0, never = 0;

	ring = kunit_kcalloc(test, TOT_RING, sizeof(*ring), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, ring);
	for (i = 0; i < TOT_THREADS; i++) {
		memset(&w[i], 0, sizeof(w[i]));
		w[i].c = &c;
		w[i].idx = i;
		w[i].ring = ring;
		w[i].rec = kunit_kcalloc(test, TOT_PER, sizeof(*w[i].rec),
					 GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, w[i].rec);
		init_completion(&w[i].done);
	}
	for (i = 0; i < TOT_THREADS; i++) {
		k = kthread_run(tot_worker_fn, &w[i], "tot_worker%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(k));
	}
	for (i = 0; i < TOT_THREADS; i++) {
		wait_for_completion(&w[i].done);
		cancelled += w[i].cancelled;
		late += w[i].late;
		KUNIT_EXPECT_EQ(test, w[i].early_return, 0);
		KUNIT_EXPECT_EQ(test, w[i].ran_after_cancel, 0);
		KUNIT_EXPECT_EQ(test, w[i].stale_hit, 0);
	}
	/* A late untimeout returned after the callback had run. */
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), late);
	KUNIT_EXPECT_EQ(test, cancelled + late, TOT_THREADS * TOT_PER);
	msleep(50);
	KUNIT_EXPECT_EQ(test, atomic_read(&c.ran), late);
	for (i = 0; i < TOT_THREADS; i++)
		for (j = 0; j < TOT_PER; j++)
			never += !atomic_read(&w[i].rec[j].started);
	KUNIT_EXPECT_EQ(test, never, cancelled);
	kunit_info(test, "%d callouts: %d cancelled, %d waited for or ran\n",
		   TOT_THREADS * TOT_PER, cancelled, late);
}

/*
 * An ID whose callout was cancelled does not cancel the later callout
 * that reuses its record (on the same CPU the record is reused at once).
 */
static void untimeout_stale_id_spares_reuser(struct kunit *test)
{
	struct tot c = {};
	timeout_id_t a, b;
	clock_t ra, rb, ra2;

	preempt_disable();
	a = timeout(tot_cb, &c, 100);
	ra = untimeout(a);
	b = timeout(tot_cb, &c, 100);
	ra2 = untimeout(a);
	rb = untimeout(b);
	preempt_enable();
	KUNIT_EXPECT_GE(test, ra, (clock_t)0);
	KUNIT_EXPECT_NE(test, (uintptr_t)a, (uintptr_t)b);
	KUNIT_EXPECT_EQ(test, ra2, (clock_t)-1);
	KUNIT_EXPECT_GT(test, rb, (clock_t)0);
	msleep(jiffies_to_msecs(110));
	KUNIT_EXPECT_EQ(test, atomic_read(&c.started), 0);
}

static struct kunit_case timeout_cases[] = {
	KUNIT_CASE(timeout_runs_once),
	KUNIT_CASE(untimeout_pending_returns_ticks_left),
	KUNIT_CASE(untimeout_waits_for_running),
	KUNIT_CASE(untimeout_rearming_callback),
	KUNIT_CASE(untimeout_from_own_callback),
	KUNIT_CASE(periodic_runs_until_deleted),
	KUNIT_CASE(time_clocks),
	KUNIT_CASE(timeout_concurrent),
	KUNIT_CASE(untimeout_stale_id_spares_reuser),
	{}
};

static struct kunit_suite timeout_suite = {
	.name = "ddi_compat_timeout",
	.test_cases = timeout_cases,
};
kunit_test_suite(timeout_suite);
