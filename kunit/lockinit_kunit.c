// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_lockinit: zero-filled kmutex_t, krwlock_t and
 * kcondvar_t work without their *_init (static, kmem_zalloc'd), also
 * nested, with lockdep watching; the lock assertion macros;
 * cv_wait_sig_swap.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/sched/signal.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/sysmacros.h>

static kmutex_t li_global_lock;		/* static: zero-filled */
static krwlock_t li_global_rw;

struct li_state {			/* as in soft state: kmem_zalloc'd */
	kmutex_t lock;
	krwlock_t rw;
	kcondvar_t cv;
	int ready;
};

static void zeroed_locks_nest(struct kunit *test)
{
	struct li_state *a = kunit_kzalloc(test, sizeof(*a), GFP_KERNEL);
	struct li_state *b = kunit_kzalloc(test, sizeof(*b), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	/*
	 * A global lock, then an instance lock inside it, as drivers do:
	 * two zero-filled locks held at once must not look like one lock
	 * taken twice to lockdep.
	 */
	mutex_enter(&li_global_lock);
	mutex_enter(&a->lock);
	KUNIT_EXPECT_TRUE(test, MUTEX_HELD(&li_global_lock));
	KUNIT_EXPECT_TRUE(test, MUTEX_HELD(&a->lock));
	KUNIT_EXPECT_TRUE(test, MUTEX_NOT_HELD(&b->lock));
	mutex_exit(&a->lock);
	mutex_exit(&li_global_lock);
	KUNIT_EXPECT_TRUE(test, MUTEX_NOT_HELD(&li_global_lock));

	rw_enter(&li_global_rw, RW_READER);
	KUNIT_EXPECT_TRUE(test, mutex_tryenter(&b->lock));
	rw_enter(&b->rw, RW_WRITER);
	KUNIT_EXPECT_TRUE(test, RW_READ_HELD(&li_global_rw));
	KUNIT_EXPECT_FALSE(test, RW_WRITE_HELD(&li_global_rw));
	KUNIT_EXPECT_TRUE(test, RW_LOCK_HELD(&li_global_rw));
	KUNIT_EXPECT_TRUE(test, RW_WRITE_HELD(&b->rw));
	KUNIT_EXPECT_FALSE(test, RW_READ_HELD(&b->rw));
	KUNIT_EXPECT_FALSE(test, RW_LOCK_HELD(&a->rw));
	rw_exit(&b->rw);
	mutex_exit(&b->lock);
	rw_exit(&li_global_rw);
	KUNIT_EXPECT_FALSE(test, RW_LOCK_HELD(&li_global_rw));
	KUNIT_EXPECT_TRUE(test, rw_tryenter(&a->rw, RW_WRITER));
	rw_exit(&a->rw);
	/* mutex_enter is an expression, as in INCR_COUNT's comma list. */
	INCR_COUNT(&a->ready, &b->lock);
	INCR_COUNT(&a->ready, &b->lock);
	DECR_COUNT(&a->ready, &b->lock);
	KUNIT_EXPECT_EQ(test, a->ready, 1);
	KUNIT_EXPECT_TRUE(test, MUTEX_NOT_HELD(&b->lock));
}

struct li_wait {
	struct li_state *s;
	int ret;
	struct completion started, done;
};

static int li_waiter(void *p)
{
	struct li_wait *w = p;

	allow_signal(SIGUSR1);
	mutex_enter(&w->s->lock);
	complete(&w->started);
	while (!w->s->ready && w->ret != 0)
		w->ret = cv_wait_sig_swap(&w->s->cv, &w->s->lock);
	mutex_exit(&w->s->lock);
	complete(&w->done);
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

static void zeroed_cv_and_wait_sig_swap(struct kunit *test)
{
	struct li_state *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);
	struct li_wait w = { .ret = 1 };
	struct task_struct *t;
	int round;

	KUNIT_ASSERT_NOT_NULL(test, s);
	w.s = s;
	for (round = 0; round < 2; round++) {
		w.ret = 1;
		s->ready = 0;
		init_completion(&w.started);
		init_completion(&w.done);
		t = kthread_run(li_waiter, &w, "li_w");
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
		get_task_struct(t);
		wait_for_completion(&w.started);
		mutex_enter(&s->lock);		/* it is waiting now */
		if (round == 0) {
			s->ready = 1;
			cv_signal(&s->cv);
		}
		mutex_exit(&s->lock);
		if (round == 1) {
			msleep(20);
			send_sig(SIGUSR1, t, 1);
		}
		KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&w.done,
								    5 * HZ));
		/* Woken: > 0; a signal: 0. */
		KUNIT_EXPECT_EQ(test, w.ret > 0, round == 0);
		kthread_stop(t);
		put_task_struct(t);
	}
}

static struct kunit_case lockinit_cases[] = {
	KUNIT_CASE(zeroed_locks_nest),
	KUNIT_CASE(zeroed_cv_and_wait_sig_swap),
	{}
};

static struct kunit_suite lockinit_suite = {
	.name = "ddi_compat_lockinit",
	.test_cases = lockinit_cases,
};
kunit_test_suite(lockinit_suite);
