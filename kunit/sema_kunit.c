// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_sema: semaphore(9F).
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/sched/signal.h>
#include <sys/types.h>
#include <sys/ksynch.h>

static void sema_counts(struct kunit *test)
{
	ksema_t s;

	sema_init(&s, 2, NULL, SEMA_DRIVER, NULL);
	KUNIT_EXPECT_EQ(test, sema_tryp(&s), 1);
	KUNIT_EXPECT_EQ(test, sema_tryp(&s), 1);
	KUNIT_EXPECT_EQ(test, sema_tryp(&s), 0);
	sema_v(&s);
	KUNIT_EXPECT_EQ(test, sema_p_sig(&s), 0);	/* available: taken */
	KUNIT_EXPECT_EQ(test, sema_tryp(&s), 0);
	sema_v(&s);
	sema_v(&s);
	sema_p(&s);
	sema_p(&s);
	KUNIT_EXPECT_EQ(test, sema_tryp(&s), 0);
	sema_destroy(&s);
	KUNIT_EXPECT_EQ(test, sizeof(ksema_t), 2 * sizeof(void *));
}

static void sema_zero_filled_is_zero(struct kunit *test)
{
	ksema_t *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_EQ(test, sema_tryp(s), 0);
	sema_v(s);
	KUNIT_EXPECT_EQ(test, sema_tryp(s), 1);
}

struct sp_ctx {
	ksema_t s;
	int how;		/* 0 sema_p, 1 sema_p_sig */
	int ret;
	struct completion started, done;
};

static int sp_thread(void *p)
{
	struct sp_ctx *c = p;

	allow_signal(SIGUSR1);
	complete(&c->started);
	if (c->how)
		c->ret = sema_p_sig(&c->s);
	else
		sema_p(&c->s);
	complete(&c->done);
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

static struct task_struct *sp_start(struct kunit *test, struct sp_ctx *c,
				    int how)
{
	struct task_struct *t;

	sema_init(&c->s, 0, NULL, SEMA_DRIVER, NULL);
	c->how = how;
	c->ret = -1;
	init_completion(&c->started);
	init_completion(&c->done);
	t = kthread_run(sp_thread, c, "sema%d", how);
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	get_task_struct(t);
	wait_for_completion(&c->started);
	return t;
}

static void sp_stop(struct task_struct *t, struct sp_ctx *c)
{
	kthread_stop(t);
	put_task_struct(t);
	sema_destroy(&c->s);
}

static void sema_p_blocks_until_v(struct kunit *test)
{
	struct sp_ctx c;
	struct task_struct *t = sp_start(test, &c, 0);

	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&c.done, HZ / 10));
	/* A signal does not end sema_p. */
	send_sig(SIGUSR1, t, 1);
	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&c.done, HZ / 10));
	sema_v(&c.s);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c.done, 5 * HZ));
	KUNIT_EXPECT_EQ(test, sema_tryp(&c.s), 0);	/* it took the count */
	sp_stop(t, &c);
}

static void sema_p_sig_with_signal(struct kunit *test)
{
	struct sp_ctx c;
	struct task_struct *t = sp_start(test, &c, 1);

	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&c.done, HZ / 10));
	send_sig(SIGUSR1, t, 1);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c.done, 5 * HZ));
	KUNIT_EXPECT_EQ(test, c.ret, 1);
	/* The value was not decremented. */
	sema_v(&c.s);
	KUNIT_EXPECT_EQ(test, sema_tryp(&c.s), 1);
	KUNIT_EXPECT_EQ(test, sema_tryp(&c.s), 0);
	sp_stop(t, &c);
}

static void sema_p_sig_woken_by_v(struct kunit *test)
{
	struct sp_ctx c;
	struct task_struct *t = sp_start(test, &c, 1);

	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&c.done, HZ / 10));
	sema_v(&c.s);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c.done, 5 * HZ));
	KUNIT_EXPECT_EQ(test, c.ret, 0);
	KUNIT_EXPECT_EQ(test, sema_tryp(&c.s), 0);
	sp_stop(t, &c);
}

/* Producers and consumers: every sema_v is matched by one sema_p. */
#define SC_THREADS	4
#define SC_ITEMS	20000

struct sc_ctx {
	ksema_t items;
	atomic_t consumed;
	struct completion done[SC_THREADS];
	struct sc_arg {
		struct sc_ctx *c;
		int id;
	} arg[SC_THREADS];
};

static int sc_thread(void *p)
{
	struct sc_arg *a = p;
	struct sc_ctx *c = a->c;
	int i;

	for (i = 0; i < SC_ITEMS; i++) {
		if (a->id & 1) {
			sema_v(&c->items);
		} else {
			sema_p(&c->items);
			atomic_inc(&c->consumed);
		}
	}
	kthread_complete_and_exit(&c->done[a->id], 0);
}

static void sema_concurrent_threads(struct kunit *test)
{
	struct sc_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	sema_init(&c->items, 0, NULL, SEMA_DRIVER, NULL);
	for (i = 0; i < SC_THREADS; i++) {
		c->arg[i].c = c;
		c->arg[i].id = i;
		init_completion(&c->done[i]);
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(sc_thread,
							    &c->arg[i],
							    "semc%d", i)));
	}
	for (i = 0; i < SC_THREADS; i++)
		KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c->done[i],
								    30 * HZ));
	KUNIT_EXPECT_EQ(test, atomic_read(&c->consumed),
			SC_ITEMS * SC_THREADS / 2);
	KUNIT_EXPECT_EQ(test, sema_tryp(&c->items), 0);
	sema_destroy(&c->items);
}

static struct kunit_case sema_cases[] = {
	KUNIT_CASE(sema_counts),
	KUNIT_CASE(sema_zero_filled_is_zero),
	KUNIT_CASE(sema_p_blocks_until_v),
	KUNIT_CASE(sema_p_sig_with_signal),
	KUNIT_CASE(sema_p_sig_woken_by_v),
	KUNIT_CASE(sema_concurrent_threads),
	{}
};

static struct kunit_suite sema_suite = {
	.name = "ddi_compat_sema",
	.test_cases = sema_cases,
};
kunit_test_suite(sema_suite);
