// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_ksynch: mutex(9F), condvar(9F), rwlock(9F).
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/sched/signal.h>
#include <linux/jiffies.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/sunddi.h>
#include <sys/ddi.h>
#include <ddi_compat/testing.h>

struct sync_ctx {
	kmutex_t m;
	kcondvar_t cv;
	krwlock_t rw;
	int cond;
	int woken;
	int ret;
	int rounds;
	struct completion started, done;
};

static void ctx_init(struct sync_ctx *c)
{
	memset(c, 0, sizeof(*c));
	mutex_init(&c->m, NULL, MUTEX_DRIVER, NULL);
	cv_init(&c->cv, NULL, CV_DRIVER, NULL);
	rw_init(&c->rw, NULL, RW_DRIVER, NULL);
	init_completion(&c->started);
	init_completion(&c->done);
}

static void ctx_fini(struct sync_ctx *c)
{
	rw_destroy(&c->rw);
	cv_destroy(&c->cv);
	mutex_destroy(&c->m);
}

static int try_from_thread(void *arg)
{
	struct sync_ctx *c = arg;

	c->ret = mutex_tryenter(&c->m);
	if (c->ret)
		mutex_exit(&c->m);
	c->woken = mutex_owned(&c->m);
	/* No module code may run after the test sees this. */
	kthread_complete_and_exit(&c->done, 0);
}

static void mutex_basics(struct kunit *test)
{
	struct sync_ctx c;

	ctx_init(&c);
	KUNIT_EXPECT_FALSE(test, mutex_owned(&c.m));
	mutex_enter(&c.m);
	KUNIT_EXPECT_TRUE(test, mutex_owned(&c.m));
	KUNIT_EXPECT_PTR_EQ(test, mutex_owner(&c.m), current);
	/* Another thread can neither take it nor see itself as owner. */
	kthread_run(try_from_thread, &c, "ddi_try");
	wait_for_completion(&c.done);
	KUNIT_EXPECT_EQ(test, c.ret, 0);
	KUNIT_EXPECT_EQ(test, c.woken, 0);
	mutex_exit(&c.m);
	KUNIT_EXPECT_FALSE(test, mutex_owned(&c.m));
	KUNIT_EXPECT_EQ(test, mutex_tryenter(&c.m), 1);
	KUNIT_EXPECT_TRUE(test, mutex_owned(&c.m));
	mutex_exit(&c.m);
	ctx_fini(&c);
}

static void zeroed_locks_work(struct kunit *test)
{
	static kmutex_t zm;
	static kcondvar_t zcv;
	static krwlock_t zrw;

	mutex_enter(&zm);
	KUNIT_EXPECT_TRUE(test, mutex_owned(&zm));
	KUNIT_EXPECT_EQ(test, cv_reltimedwait(&zcv, &zm, 1, TR_CLOCK_TICK),
			-1);
	KUNIT_EXPECT_TRUE(test, mutex_owned(&zm));
	mutex_exit(&zm);
	cv_signal(&zcv);
	rw_enter(&zrw, RW_WRITER);
	KUNIT_EXPECT_TRUE(test, rw_write_held(&zrw));
	rw_exit(&zrw);
}

static void cv_timeouts(struct kunit *test)
{
	static const time_res_t res[] = { TR_NANOSEC, TR_MICROSEC,
		TR_MILLISEC, TR_SEC, TR_CLOCK_TICK };
	struct sync_ctx c;
	unsigned long t0;
	clock_t r;
	int i;

	ctx_init(&c);
	mutex_enter(&c.m);
	/* An absolute time already past: -1 at once. */
	t0 = jiffies;
	KUNIT_EXPECT_EQ(test, cv_timedwait(&c.cv, &c.m, ddi_get_lbolt() - 1),
			-1);
	/* "At once": well under a second even on a loaded TCG host. */
	KUNIT_EXPECT_LT(test, jiffies - t0, (unsigned long)HZ);
	/* An absolute time 50 ms ahead: -1, not before it. */
	t0 = jiffies;
	r = cv_timedwait(&c.cv, &c.m, ddi_get_lbolt() + drv_usectohz(50000));
	KUNIT_EXPECT_EQ(test, r, -1);
	KUNIT_EXPECT_GE(test, jiffies - t0, drv_usectohz(50000));
	KUNIT_EXPECT_TRUE(test, mutex_owned(&c.m));
	/*
	 * Relative waits: delta is in ticks whatever the resolution, which
	 * only says how exact the wakeup must be (condvar(9F)).
	 */
	for (i = 0; i < ARRAY_SIZE(res); i++) {
		t0 = jiffies;
		KUNIT_EXPECT_EQ(test, cv_reltimedwait(&c.cv, &c.m,
						      drv_usectohz(60000),
						      res[i]), -1);
		KUNIT_EXPECT_GE_MSG(test, jiffies - t0, drv_usectohz(60000),
				    "resolution %d", res[i]);
		/* Not the delta read as seconds (or hz seconds). */
		KUNIT_EXPECT_LT_MSG(test, jiffies - t0, 10UL * HZ,
				    "resolution %d", res[i]);
	}
	KUNIT_EXPECT_EQ(test, cv_reltimedwait(&c.cv, &c.m, 0, TR_SEC), -1);
	KUNIT_EXPECT_EQ(test, cv_timedwait_sig(&c.cv, &c.m,
					       ddi_get_lbolt() + 2), -1);
	mutex_exit(&c.m);
	ctx_fini(&c);
}

/* Waits with cv_timedwait for up to 10 s; records what it returned. */
static int timed_waiter(void *arg)
{
	struct sync_ctx *c = arg;

	mutex_enter(&c->m);
	complete(&c->started);
	while (!c->cond) {
		c->ret = cv_timedwait(&c->cv, &c->m,
				      ddi_get_lbolt() + 10 * HZ);
		if (c->ret == -1)
			break;
	}
	c->woken++;
	mutex_exit(&c->m);
	/* No module code may run after the test sees this. */
	kthread_complete_and_exit(&c->done, 0);
}

static void cv_timedwait_signalled(struct kunit *test)
{
	struct sync_ctx c;

	ctx_init(&c);
	kthread_run(timed_waiter, &c, "ddi_tw");
	wait_for_completion(&c.started);
	mutex_enter(&c.m);	/* the waiter is in cv_timedwait now */
	c.cond = 1;
	cv_signal(&c.cv);
	mutex_exit(&c.m);
	KUNIT_ASSERT_TRUE(test, wait_for_completion_timeout(&c.done, 5 * HZ));
	KUNIT_EXPECT_GT(test, c.ret, 0);
	KUNIT_EXPECT_EQ(test, c.woken, 1);
	ctx_fini(&c);
}

struct multi {
	struct sync_ctx *c;
	struct completion done;
	int ret;
};

static int plain_waiter(void *arg)
{
	struct multi *w = arg;
	struct sync_ctx *c = w->c;

	mutex_enter(&c->m);
	c->rounds++;		/* how many are waiting */
	while (c->cond == 0)
		cv_wait(&c->cv, &c->m);
	c->cond--;		/* consume one token */
	c->woken++;
	mutex_exit(&c->m);
	/* No module code may run after the test sees this. */
	kthread_complete_and_exit(&w->done, 0);
}

static void wait_until_waiting(struct sync_ctx *c, int n)
{
	int i;

	for (i = 0; i < 500; i++) {
		mutex_enter(&c->m);
		if (c->rounds == n && ddic_cv_has_waiters(&c->cv)) {
			mutex_exit(&c->m);
			msleep(20);
			return;
		}
		mutex_exit(&c->m);
		msleep(20);
	}
}

static void cv_signal_wakes_one_broadcast_all(struct kunit *test)
{
	struct sync_ctx c;
	struct multi w[3];
	int i, done;

	ctx_init(&c);
	for (i = 0; i < 3; i++) {
		w[i].c = &c;
		init_completion(&w[i].done);
		kthread_run(plain_waiter, &w[i], "ddi_w%d", i);
	}
	wait_until_waiting(&c, 3);
	mutex_enter(&c.m);
	c.cond = 1;
	cv_signal(&c.cv);
	mutex_exit(&c.m);
	msleep(200);
	mutex_enter(&c.m);
	KUNIT_EXPECT_EQ(test, c.woken, 1);
	c.cond = 2;
	cv_broadcast(&c.cv);
	mutex_exit(&c.m);
	for (i = 0, done = 0; i < 3; i++)
		done += !!wait_for_completion_timeout(&w[i].done, 5 * HZ);
	KUNIT_EXPECT_EQ(test, done, 3);
	KUNIT_EXPECT_EQ(test, c.woken, 3);
	ctx_fini(&c);
}

static int sig_waiter(void *arg)
{
	struct sync_ctx *c = arg;

	allow_signal(SIGUSR1);
	mutex_enter(&c->m);
	complete(&c->started);
	c->ret = cv_wait_sig(&c->cv, &c->m);
	c->woken = mutex_owned(&c->m);
	mutex_exit(&c->m);
	complete(&c->done);
	/* Stay until stopped, so the task is still there for the test. */
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

static void cv_wait_sig_returns_zero(struct kunit *test)
{
	struct task_struct *t;
	struct sync_ctx c;

	ctx_init(&c);
	t = kthread_run(sig_waiter, &c, "ddi_sig");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	wait_for_completion(&c.started);
	mutex_enter(&c.m);	/* it is waiting now */
	mutex_exit(&c.m);
	msleep(20);
	send_sig(SIGUSR1, t, 1);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c.done, 5 * HZ));
	KUNIT_EXPECT_EQ(test, c.ret, 0);
	KUNIT_EXPECT_EQ(test, c.woken, 1);	/* mutex held again */
	kthread_stop(t);
	put_task_struct(t);
	ctx_fini(&c);
}

/*
 * No lost wakeup: two threads hand a token back and forth 20000 times,
 * each signalling once per handover.  A lost cv_signal hangs the game,
 * which the timeout turns into a failure.
 */
struct pingpong {
	kmutex_t m;
	kcondvar_t cv;
	int turn;
	int count;
	struct completion done[2];
};

#define PP_ROUNDS	20000

static int pp_player(void *arg)
{
	struct pingpong *pp = *(struct pingpong **)arg;
	int me = (int)(long)((struct pingpong **)arg)[1];

	mutex_enter(&pp->m);
	while (pp->count < PP_ROUNDS) {
		while (pp->turn != me && pp->count < PP_ROUNDS)
			cv_wait(&pp->cv, &pp->m);
		if (pp->count >= PP_ROUNDS)
			break;
		pp->count++;
		pp->turn = !me;
		cv_signal(&pp->cv);
	}
	cv_signal(&pp->cv);
	mutex_exit(&pp->m);
	/* No module code may run after the test sees this. */
	kthread_complete_and_exit(&pp->done[me], 0);
}

static void cv_no_lost_wakeup(struct kunit *test)
{
	static struct pingpong pp;
	static void *args[2][2];
	int i;

	memset(&pp, 0, sizeof(pp));
	mutex_init(&pp.m, NULL, MUTEX_DRIVER, NULL);
	cv_init(&pp.cv, NULL, CV_DRIVER, NULL);
	for (i = 0; i < 2; i++) {
		init_completion(&pp.done[i]);
		args[i][0] = &pp;
		args[i][1] = (void *)(long)i;
		kthread_run(pp_player, args[i], "ddi_pp%d", i);
	}
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_TRUE(test,
				  wait_for_completion_timeout(&pp.done[i],
							      60 * HZ));
	KUNIT_EXPECT_EQ(test, pp.count, PP_ROUNDS);
	cv_destroy(&pp.cv);
	mutex_destroy(&pp.m);
}

/*
 * A signal sent while the waiter is timing out is not lost: either the
 * wait reports the wakeup (> 0) or the token is still there for it.
 */
static int racing_waiter(void *arg)
{
	struct sync_ctx *c = arg;
	int i;

	mutex_enter(&c->m);
	for (i = 0; i < 300; i++) {
		while (!c->cond) {
			if (cv_reltimedwait(&c->cv, &c->m, 1,
					    TR_CLOCK_TICK) > 0 && !c->cond)
				c->ret++;	/* woken with nothing to do */
		}
		c->cond = 0;
		c->woken++;
		cv_signal(&c->cv);
	}
	mutex_exit(&c->m);
	/* No module code may run after the test sees this. */
	kthread_complete_and_exit(&c->done, 0);
}

static void cv_signal_races_timeout(struct kunit *test)
{
	struct sync_ctx c;
	int i;

	ctx_init(&c);
	kthread_run(racing_waiter, &c, "ddi_race");
	for (i = 0; i < 300; i++) {
		mutex_enter(&c.m);
		while (c.cond)
			cv_reltimedwait(&c.cv, &c.m, 1, TR_CLOCK_TICK);
		c.cond = 1;
		cv_signal(&c.cv);
		mutex_exit(&c.m);
		if (i % 7 == 0)
			mdelay(3);
	}
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c.done, 60 * HZ));
	KUNIT_EXPECT_EQ(test, c.woken, 300);
	ctx_fini(&c);
}

static int rw_try_reader(void *arg)
{
	struct sync_ctx *c = arg;

	c->ret = rw_tryenter(&c->rw, RW_READER);
	if (c->ret)
		rw_exit(&c->rw);
	c->woken = rw_tryenter(&c->rw, RW_WRITER);
	if (c->woken)
		rw_exit(&c->rw);
	/* No module code may run after the test sees this. */
	kthread_complete_and_exit(&c->done, 0);
}

static void rwlock_basics(struct kunit *test)
{
	struct sync_ctx c;

	ctx_init(&c);
	rw_enter(&c.rw, RW_READER);
	KUNIT_EXPECT_TRUE(test, rw_read_locked(&c.rw));
	KUNIT_EXPECT_FALSE(test, rw_write_held(&c.rw));
	KUNIT_EXPECT_TRUE(test, rw_lock_held(&c.rw));
	KUNIT_EXPECT_EQ(test, rw_tryupgrade(&c.rw), 0);
	/* Another reader gets in; a writer does not. */
	kthread_run(rw_try_reader, &c, "ddi_rw");
	wait_for_completion(&c.done);
	KUNIT_EXPECT_EQ(test, c.ret, 1);
	KUNIT_EXPECT_EQ(test, c.woken, 0);
	rw_exit(&c.rw);
	KUNIT_EXPECT_FALSE(test, rw_lock_held(&c.rw));

	rw_enter(&c.rw, RW_WRITER);
	KUNIT_EXPECT_TRUE(test, rw_write_held(&c.rw));
	KUNIT_EXPECT_FALSE(test, rw_read_locked(&c.rw));
	reinit_completion(&c.done);
	kthread_run(rw_try_reader, &c, "ddi_rw");
	wait_for_completion(&c.done);
	KUNIT_EXPECT_EQ(test, c.ret, 0);
	KUNIT_EXPECT_EQ(test, c.woken, 0);
	rw_downgrade(&c.rw);
	KUNIT_EXPECT_FALSE(test, rw_write_held(&c.rw));
	KUNIT_EXPECT_TRUE(test, rw_read_locked(&c.rw));
	rw_exit(&c.rw);
	KUNIT_EXPECT_EQ(test, rw_tryenter(&c.rw, RW_WRITER), 1);
	rw_exit(&c.rw);
	ctx_fini(&c);
}

static struct kunit_case ksynch_cases[] = {
	KUNIT_CASE(mutex_basics),
	KUNIT_CASE(zeroed_locks_work),
	KUNIT_CASE(cv_timeouts),
	KUNIT_CASE(cv_timedwait_signalled),
	KUNIT_CASE(cv_signal_wakes_one_broadcast_all),
	KUNIT_CASE(cv_wait_sig_returns_zero),
	KUNIT_CASE(cv_no_lost_wakeup),
	KUNIT_CASE(cv_signal_races_timeout),
	KUNIT_CASE(rwlock_basics),
	{}
};

static struct kunit_suite ksynch_suite = {
	.name = "ddi_compat_ksynch",
	.test_cases = ksynch_cases,
};
kunit_test_suite(ksynch_suite);
