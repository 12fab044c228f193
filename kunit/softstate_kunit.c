// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_softstate: ddi_soft_state_init/zalloc/get/free/fini.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/spinlock.h>
#include <sys/types.h>
#include <sys/sunddi.h>

struct item {
	int a;
	char pad[60];
	int z;
};

static bool all_zero(const void *p, size_t n)
{
	const char *c = p;

	while (n--)
		if (*c++)
			return false;
	return true;
}

static void soft_state_zalloc_get_free(struct kunit *test)
{
	void *ss = NULL;
	struct item *it;

	KUNIT_ASSERT_EQ(test, ddi_soft_state_init(&ss, sizeof(*it), 2), 0);
	KUNIT_ASSERT_NOT_NULL(test, ss);
	KUNIT_EXPECT_NULL(test, ddi_get_soft_state(ss, 0));
	KUNIT_EXPECT_NULL(test, ddi_get_soft_state(ss, -1));
	KUNIT_EXPECT_NULL(test, ddi_get_soft_state(ss, 1000));
	KUNIT_ASSERT_EQ(test, ddi_soft_state_zalloc(ss, 1), DDI_SUCCESS);
	it = ddi_get_soft_state(ss, 1);
	KUNIT_ASSERT_NOT_NULL(test, it);
	KUNIT_EXPECT_TRUE(test, all_zero(it, sizeof(*it)));
	it->a = 42;
	KUNIT_EXPECT_EQ(test, ddi_soft_state_zalloc(ss, 1), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ((struct item *)ddi_get_soft_state(ss, 1))->a, 42);
	KUNIT_EXPECT_EQ(test, ddi_soft_state_zalloc(ss, -5), DDI_FAILURE);
	ddi_soft_state_free(ss, 1);
	KUNIT_EXPECT_NULL(test, ddi_get_soft_state(ss, 1));
	ddi_soft_state_free(ss, 1);	/* twice: harmless */
	ddi_soft_state_free(ss, 77);	/* never allocated */
	ddi_soft_state_fini(&ss);
	KUNIT_EXPECT_NULL(test, ss);
	ddi_soft_state_fini(&ss);	/* again: harmless */
}

static void soft_state_init_bad_arguments(struct kunit *test)
{
	void *ss = NULL;

	KUNIT_EXPECT_EQ(test, ddi_soft_state_init(&ss, 0, 1), EINVAL);
	KUNIT_EXPECT_NULL(test, ss);
	KUNIT_EXPECT_EQ(test, ddi_soft_state_init(NULL, 8, 1), EINVAL);
	KUNIT_EXPECT_NULL(test, ddi_get_soft_state(NULL, 0));
}

static void soft_state_zalloc_grows_keeps_items(struct kunit *test)
{
	void *ss = NULL, *p[64];
	int i;

	KUNIT_ASSERT_EQ(test, ddi_soft_state_init(&ss, 16, 1), 0);
	for (i = 0; i < 64; i += 3) {
		KUNIT_ASSERT_EQ(test, ddi_soft_state_zalloc(ss, i), DDI_SUCCESS);
		p[i] = ddi_get_soft_state(ss, i);
		*(int *)p[i] = i;
	}
	KUNIT_ASSERT_EQ(test, ddi_soft_state_zalloc(ss, 5000), DDI_SUCCESS);
	for (i = 0; i < 64; i++) {
		if (i % 3) {
			KUNIT_EXPECT_NULL(test, ddi_get_soft_state(ss, i));
			continue;
		}
		KUNIT_EXPECT_PTR_EQ(test, ddi_get_soft_state(ss, i), p[i]);
		KUNIT_EXPECT_EQ(test, *(int *)p[i], i);
	}
	/* fini frees what is still allocated (with a warning). */
	ddi_soft_state_fini(&ss);
}

static void get_soft_state_atomic(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	void *ss = NULL, *got;
	unsigned long flags;

	KUNIT_ASSERT_EQ(test, ddi_soft_state_init(&ss, 8, 4), 0);
	KUNIT_ASSERT_EQ(test, ddi_soft_state_zalloc(ss, 3), DDI_SUCCESS);
	spin_lock_irqsave(&lock, flags);
	got = ddi_get_soft_state(ss, 3);
	spin_unlock_irqrestore(&lock, flags);
	KUNIT_EXPECT_NOT_NULL(test, got);
	ddi_soft_state_free(ss, 3);
	ddi_soft_state_fini(&ss);
}

/* Lookups while another thread grows the array never see garbage. */
struct ss_race {
	void *ss;
	void *first;
	bool stop;
	unsigned long bad, reads;
	struct completion done;
};

static int ss_reader(void *arg)
{
	struct ss_race *r = arg;

	while (!READ_ONCE(r->stop)) {
		if (ddi_get_soft_state(r->ss, 0) != r->first)
			r->bad++;
		r->reads++;
		cond_resched();
	}
	/* No module code may run after the test sees this. */
	kthread_complete_and_exit(&r->done, 0);
}

static void get_soft_state_during_growth(struct kunit *test)
{
	struct ss_race r = { };
	struct task_struct *t;
	int i;

	KUNIT_ASSERT_EQ(test, ddi_soft_state_init(&r.ss, 32, 1), 0);
	KUNIT_ASSERT_EQ(test, ddi_soft_state_zalloc(r.ss, 0), DDI_SUCCESS);
	r.first = ddi_get_soft_state(r.ss, 0);
	init_completion(&r.done);
	t = kthread_run(ss_reader, &r, "ss_reader");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	for (i = 1; i < 2000; i++)
		KUNIT_EXPECT_EQ(test, ddi_soft_state_zalloc(r.ss, i),
				DDI_SUCCESS);
	WRITE_ONCE(r.stop, true);
	wait_for_completion(&r.done);
	KUNIT_EXPECT_EQ(test, r.bad, 0);
	KUNIT_EXPECT_GT(test, r.reads, 0);
	for (i = 0; i < 2000; i++)
		ddi_soft_state_free(r.ss, i);
	ddi_soft_state_fini(&r.ss);
}

static struct kunit_case softstate_cases[] = {
	KUNIT_CASE(soft_state_zalloc_get_free),
	KUNIT_CASE(soft_state_init_bad_arguments),
	KUNIT_CASE(soft_state_zalloc_grows_keeps_items),
	KUNIT_CASE(get_soft_state_atomic),
	KUNIT_CASE(get_soft_state_during_growth),
	{}
};

static struct kunit_suite softstate_suite = {
	.name = "ddi_compat_softstate",
	.test_cases = softstate_cases,
};
kunit_test_suite(softstate_suite);
