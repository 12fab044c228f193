// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_id_space: id_space(9F).
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/bitmap.h>
#include <sys/types.h>
#include <sys/id_space.h>

static void ids_low_zero_and_full(struct kunit *test)
{
	id_space_t *isp = id_space_create("kunit_ids", 0, 4);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, isp);
	/* IDs start at low, 0 included, and stop before high. */
	for (i = 0; i < 4; i++)
		KUNIT_EXPECT_EQ(test, id_alloc_nosleep(isp), i);
	KUNIT_EXPECT_EQ(test, id_alloc_nosleep(isp), -1);
	KUNIT_EXPECT_EQ(test, id_allocff_nosleep(isp), -1);
	for (i = 0; i < 4; i++)
		id_free(isp, i);
	/* An ID outside the space is refused, not added to it. */
	id_free(isp, 4);
	id_free(isp, -3);
	KUNIT_EXPECT_EQ(test, vmem_size(isp, VMEM_FREE), 4);
	id_space_destroy(isp);
}

/* id_alloc is next fit after the last ID handed out; id_allocff lowest. */
static const struct {
	const char *what;
	int nalloc;		/* id_alloc this many from [10, 20) */
	int freed[4], nfreed;	/* then free these */
	bool ff;		/* then id_allocff (else id_alloc) */
	int expect;
} fit_cases[] = {
	{ "id_alloc after the last, not the freed", 3, { 11 }, 1, false, 13 },
	{ "id_allocff takes the lowest freed", 3, { 11 }, 1, true, 11 },
	{ "id_allocff takes the lowest of several", 5, { 13, 10, 12 }, 3,
	  true, 10 },
	{ "id_alloc wraps around to the lowest free", 10, { 15, 12 }, 2,
	  false, 12 },
	{ "id_alloc from an empty space: low", 0, { }, 0, false, 10 },
	{ "id_allocff from an empty space: low", 0, { }, 0, true, 10 },
};

static void ids_fit_table(struct kunit *test)
{
	int c, i;

	for (c = 0; c < ARRAY_SIZE(fit_cases); c++) {
		id_space_t *isp = id_space_create("kunit_fit", 10, 20);
		int got;

		KUNIT_ASSERT_NOT_NULL(test, isp);
		for (i = 0; i < fit_cases[c].nalloc; i++)
			KUNIT_EXPECT_EQ(test, id_alloc(isp), 10 + i);
		for (i = 0; i < fit_cases[c].nfreed; i++)
			id_free(isp, fit_cases[c].freed[i]);
		got = fit_cases[c].ff ? id_allocff(isp) : id_alloc(isp);
		KUNIT_EXPECT_EQ_MSG(test, got, fit_cases[c].expect, "%s",
				    fit_cases[c].what);
		/* Give everything back and check the space is whole. */
		for (i = 10; i < 20; i++)
			if (id_alloc_specific_nosleep(isp, i) == -1)
				id_free(isp, i);
		for (i = 10; i < 20; i++)
			id_free(isp, i);
		KUNIT_EXPECT_EQ(test, vmem_size(isp, VMEM_FREE), 10);
		id_space_destroy(isp);
	}
}

static void ids_specific_and_extend(struct kunit *test)
{
	id_space_t *isp = id_space_create("kunit_spec", 100, 110);

	KUNIT_ASSERT_NOT_NULL(test, isp);
	KUNIT_EXPECT_EQ(test, id_alloc_specific_nosleep(isp, 105), 105);
	KUNIT_EXPECT_EQ(test, id_alloc_specific_nosleep(isp, 105), -1);
	KUNIT_EXPECT_EQ(test, id_alloc_specific_nosleep(isp, 99), -1);
	KUNIT_EXPECT_EQ(test, id_alloc_specific_nosleep(isp, 110), -1);
	KUNIT_EXPECT_EQ(test, id_alloc_specific_nosleep(isp, 109), 109);
	KUNIT_EXPECT_EQ(test, id_alloc_specific_nosleep(isp, 100), 100);
	KUNIT_EXPECT_EQ(test, id_allocff(isp), 101);
	id_space_extend(isp, 200, 202);
	KUNIT_EXPECT_EQ(test, vmem_size(isp, VMEM_ALLOC | VMEM_FREE), 12);
	KUNIT_EXPECT_EQ(test, id_alloc_specific_nosleep(isp, 201), 201);
	id_free(isp, 201);
	id_free(isp, 100);
	id_free(isp, 101);
	id_free(isp, 105);
	id_free(isp, 109);
	KUNIT_EXPECT_EQ(test, vmem_size(isp, VMEM_ALLOC), 0);
	id_space_destroy(isp);
}

/* Random allocs and frees: never a live ID, always one while any is free. */
#define IR_N	64

static void ids_never_live(struct kunit *test)
{
	id_space_t *isp = id_space_create("kunit_live", 1000, 1000 + IR_N);
	DECLARE_BITMAP(live, IR_N) = { };
	int nlive = 0, i, id, op;
	u32 seed = 4242;

	KUNIT_ASSERT_NOT_NULL(test, isp);
	for (i = 0; i < 20000; i++) {
		seed = seed * 1664525 + 1013904223;
		op = (seed >> 16) % 4;
		if (op < 2 || !nlive) {
			id = op == 0 ? id_alloc_nosleep(isp) :
				       id_allocff_nosleep(isp);
			if (nlive == IR_N) {
				KUNIT_EXPECT_EQ(test, id, -1);
				continue;
			}
			KUNIT_ASSERT_GE(test, id, 1000);
			KUNIT_ASSERT_LT(test, id, 1000 + IR_N);
			KUNIT_ASSERT_FALSE_MSG(test, test_bit(id - 1000, live),
					       "live ID %d handed out", id);
			if (op == 1)	/* ff: nothing lower is free */
				KUNIT_EXPECT_EQ(test,
						find_first_zero_bit(live, IR_N),
						(unsigned long)(id - 1000));
			__set_bit(id - 1000, live);
			nlive++;
		} else {
			id = find_next_bit(live, IR_N, (seed >> 4) % IR_N);
			if (id >= IR_N)
				id = find_first_bit(live, IR_N);
			__clear_bit(id, live);
			id_free(isp, id + 1000);
			nlive--;
		}
	}
	for (i = 0; i < IR_N; i++)
		if (test_bit(i, live))
			id_free(isp, i + 1000);
	id_space_destroy(isp);
}

/* Several threads allocate and free on one space: no ID twice. */
#define IC_THREADS	4
#define IC_ROUNDS	5000
#define IC_N		256

struct ic_ctx {
	id_space_t *isp;
	unsigned long live[BITS_TO_LONGS(IC_N)];
	atomic_t dup;
	struct completion done[IC_THREADS];
	struct ic_arg {
		struct ic_ctx *c;
		int id;
	} arg[IC_THREADS];
};

static int ic_thread(void *p)
{
	struct ic_arg *a = p;
	struct ic_ctx *c = a->c;
	int held[8], n = 0, r, id;

	for (r = 0; r < IC_ROUNDS; r++) {
		if (n < 8 && (r % 3 != 2 || !n)) {
			id = (r & 1) ? id_alloc(c->isp) : id_allocff(c->isp);
			if (id < 0 || id >= IC_N ||
			    test_and_set_bit(id, c->live))
				atomic_inc(&c->dup);
			else
				held[n++] = id;
		} else {
			id = held[--n];
			clear_bit(id, c->live);
			id_free(c->isp, id);
		}
	}
	while (n) {
		id = held[--n];
		clear_bit(id, c->live);
		id_free(c->isp, id);
	}
	kthread_complete_and_exit(&c->done[a->id], 0);
}

static void ids_concurrent_threads(struct kunit *test)
{
	struct ic_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->isp = id_space_create("kunit_conc", 0, IC_N);
	KUNIT_ASSERT_NOT_NULL(test, c->isp);
	for (i = 0; i < IC_THREADS; i++) {
		init_completion(&c->done[i]);
		c->arg[i].c = c;
		c->arg[i].id = i;
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(ic_thread,
							    &c->arg[i],
							    "ids%d", i)));
	}
	for (i = 0; i < IC_THREADS; i++)
		KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c->done[i],
								    30 * HZ));
	KUNIT_EXPECT_EQ(test, atomic_read(&c->dup), 0);
	KUNIT_EXPECT_EQ(test, vmem_size(c->isp, VMEM_ALLOC), 0);
	KUNIT_EXPECT_EQ(test, vmem_size(c->isp, VMEM_FREE), IC_N);
	id_space_destroy(c->isp);
}

static struct kunit_case ids_cases[] = {
	KUNIT_CASE(ids_low_zero_and_full),
	KUNIT_CASE(ids_fit_table),
	KUNIT_CASE(ids_specific_and_extend),
	KUNIT_CASE(ids_never_live),
	KUNIT_CASE(ids_concurrent_threads),
	{}
};

static struct kunit_suite ids_suite = {
	.name = "ddi_compat_id_space",
	.test_cases = ids_cases,
};
kunit_test_suite(ids_suite);
