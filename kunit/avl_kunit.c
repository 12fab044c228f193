// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_avl: avl_create(9F) and friends.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/random.h>
#include <linux/sort.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/avl.h>

struct aobj {
	int key;
	int tag;
	avl_node_t node;	/* not at offset 0: the offset must be used */
};

static int aobj_cmp(const void *a, const void *b)
{
	const struct aobj *x = a, *y = b;

	if (x->key < y->key)
		return -1;
	return x->key > y->key;
}

static void atree(avl_tree_t *t)
{
	avl_create(t, aobj_cmp, sizeof(struct aobj),
		   offsetof(struct aobj, node));
}

/* The keys in order both ways, and the count. */
static void avl_expect(struct kunit *test, avl_tree_t *t, const int *keys,
		       int n)
{
	struct aobj *o;
	int i = 0;

	for (o = avl_first(t); o; o = AVL_NEXT(t, o), i++) {
		KUNIT_ASSERT_LT(test, i, n);
		KUNIT_EXPECT_EQ_MSG(test, o->key, keys[i], "forward %d", i);
	}
	KUNIT_EXPECT_EQ(test, i, n);
	for (o = avl_last(t); o; o = AVL_PREV(t, o)) {
		i--;
		KUNIT_ASSERT_GE(test, i, 0);
		KUNIT_EXPECT_EQ_MSG(test, o->key, keys[i], "backward %d", i);
	}
	KUNIT_EXPECT_EQ(test, avl_numnodes(t), (ulong_t)n);
	KUNIT_EXPECT_EQ(test, avl_is_empty(t), n == 0);
}

static void avl_empty_tree(struct kunit *test)
{
	struct aobj probe = { .key = 3 };
	avl_index_t where = 1;
	avl_tree_t t;

	atree(&t);
	KUNIT_EXPECT_TRUE(test, avl_is_empty(&t));
	KUNIT_EXPECT_NULL(test, avl_first(&t));
	KUNIT_EXPECT_NULL(test, avl_last(&t));
	KUNIT_EXPECT_NULL(test, avl_find(&t, &probe, &where));
	KUNIT_EXPECT_NULL(test, avl_nearest(&t, where, AVL_BEFORE));
	KUNIT_EXPECT_NULL(test, avl_nearest(&t, where, AVL_AFTER));
	avl_insert(&t, &probe, where);
	KUNIT_EXPECT_PTR_EQ(test, avl_first(&t), (void *)&probe);
	avl_remove(&t, &probe);
	avl_destroy(&t);
}

static void avl_ordering(struct kunit *test)
{
	static const int in[] = { 50, 20, 80, 10, 30, 70, 90, 60, 40, 0 };
	static const int sorted[] = { 0, 10, 20, 30, 40, 50, 60, 70, 80, 90 };
	static const int less[] = { 0, 10, 30, 40, 60, 70, 80, 90 };
	struct aobj o[ARRAY_SIZE(in)];
	avl_tree_t t;
	int i;

	atree(&t);
	for (i = 0; i < ARRAY_SIZE(in); i++) {
		o[i].key = in[i];
		avl_add(&t, &o[i]);
	}
	avl_expect(test, &t, sorted, ARRAY_SIZE(sorted));
	avl_remove(&t, &o[0]);		/* 50, the first in: near the root */
	avl_remove(&t, &o[1]);		/* 20 */
	avl_expect(test, &t, less, ARRAY_SIZE(less));
	for (i = 2; i < ARRAY_SIZE(in); i++)
		avl_remove(&t, &o[i]);
	avl_expect(test, &t, sorted, 0);
	avl_destroy(&t);
}

/* avl_find of a missing key, then avl_nearest both ways (keys 10..50). */
static const struct {
	int probe;
	int before;	/* -1: NULL */
	int after;
} nearest_cases[] = {
	{ 5, -1, 10 },		/* below the first */
	{ 15, 10, 20 },
	{ 25, 20, 30 },
	{ 35, 30, 40 },
	{ 45, 40, 50 },
	{ 55, 50, -1 },		/* above the last */
	{ -100, -1, 10 },
	{ 1000, 50, -1 },
};

static void avl_find_where_nearest(struct kunit *test)
{
	struct aobj o[5], probe, *n, *found;
	avl_index_t where;
	avl_tree_t t;
	int i, c;

	atree(&t);
	for (i = 0; i < 5; i++) {
		o[i].key = 10 * (i + 1);
		avl_add(&t, &o[i]);
	}
	for (i = 0; i < 5; i++) {
		probe.key = o[i].key;
		found = avl_find(&t, &probe, &where);
		KUNIT_EXPECT_PTR_EQ(test, found, &o[i]);
		found = avl_find(&t, &probe, NULL);
		KUNIT_EXPECT_PTR_EQ(test, found, &o[i]);
	}
	for (c = 0; c < ARRAY_SIZE(nearest_cases); c++) {
		probe.key = nearest_cases[c].probe;
		KUNIT_EXPECT_NULL(test, avl_find(&t, &probe, &where));
		n = avl_nearest(&t, where, AVL_BEFORE);
		if (nearest_cases[c].before < 0)
			KUNIT_EXPECT_NULL_MSG(test, n, "before %d", probe.key);
		else
			KUNIT_EXPECT_EQ_MSG(test, n ? n->key : -1,
					    nearest_cases[c].before,
					    "before %d", probe.key);
		n = avl_nearest(&t, where, AVL_AFTER);
		if (nearest_cases[c].after < 0)
			KUNIT_EXPECT_NULL_MSG(test, n, "after %d", probe.key);
		else
			KUNIT_EXPECT_EQ_MSG(test, n ? n->key : -1,
					    nearest_cases[c].after,
					    "after %d", probe.key);
	}
	for (i = 0; i < 5; i++)
		avl_remove(&t, &o[i]);
	avl_destroy(&t);
}

static void avl_insert_where_and_here(struct kunit *test)
{
	static const int after_insert[] = { 10, 15, 20, 30 };
	static const int after_here[] = { 5, 10, 15, 17, 20, 30, 40 };
	struct aobj o[3], n15 = { .key = 15 }, n5 = { .key = 5 };
	struct aobj n17 = { .key = 17 }, n40 = { .key = 40 };
	avl_index_t where;
	avl_tree_t t;
	int i;

	atree(&t);
	for (i = 0; i < 3; i++) {
		o[i].key = 10 * (i + 1);
		avl_add(&t, &o[i]);
	}
	KUNIT_EXPECT_NULL(test, avl_find(&t, &n15, &where));
	avl_insert(&t, &n15, where);
	avl_expect(test, &t, after_insert, ARRAY_SIZE(after_insert));
	/* avl_insert_here: right before/after a given node. */
	avl_insert_here(&t, &n5, &o[0], AVL_BEFORE);
	avl_insert_here(&t, &n17, &o[1], AVL_BEFORE);
	avl_insert_here(&t, &n40, &o[2], AVL_AFTER);
	avl_expect(test, &t, after_here, ARRAY_SIZE(after_here));
	/* A duplicate key is refused by avl_add; the tree is unchanged. */
	n15.key = 15;
	{
		struct aobj dup = { .key = 20 };

		avl_add(&t, &dup);
		avl_expect(test, &t, after_here, ARRAY_SIZE(after_here));
		/* And removing an object in no tree (zeroed) too. */
		memset(&dup.node, 0, sizeof(dup.node));
		avl_remove(&t, &dup);
		avl_expect(test, &t, after_here, ARRAY_SIZE(after_here));
	}
	avl_remove(&t, &n5);
	avl_remove(&t, &n15);
	avl_remove(&t, &n17);
	avl_remove(&t, &n40);
	for (i = 0; i < 3; i++)
		avl_remove(&t, &o[i]);
	avl_destroy(&t);
}

static void avl_update_moves(struct kunit *test)
{
	static const int moved_down[] = { 5, 10, 30, 40 };
	static const int moved_up[] = { 5, 10, 40, 50 };
	struct aobj o[4];
	avl_tree_t t;
	int i;

	atree(&t);
	for (i = 0; i < 4; i++) {
		o[i].key = 10 * (i + 1);
		avl_add(&t, &o[i]);
	}
	/* Lowering a key that stays in place does not move it. */
	o[1].key = 15;
	KUNIT_EXPECT_FALSE(test, avl_update_lt(&t, &o[1]));
	KUNIT_EXPECT_FALSE(test, avl_update(&t, &o[1]));
	o[1].key = 5;			/* 20 -> 5: before 10 now */
	KUNIT_EXPECT_TRUE(test, avl_update_lt(&t, &o[1]));
	avl_expect(test, &t, moved_down, ARRAY_SIZE(moved_down));
	o[2].key = 50;			/* 30 -> 50: after 40 now */
	KUNIT_EXPECT_FALSE(test, avl_update_lt(&t, &o[2]));
	KUNIT_EXPECT_TRUE(test, avl_update_gt(&t, &o[2]));
	avl_expect(test, &t, moved_up, ARRAY_SIZE(moved_up));
	o[2].key = 7;			/* avl_update finds either way */
	KUNIT_EXPECT_TRUE(test, avl_update(&t, &o[2]));
	KUNIT_EXPECT_EQ(test, ((struct aobj *)avl_first(&t))->key, 5);
	KUNIT_EXPECT_PTR_EQ(test, AVL_NEXT(&t, avl_first(&t)), (void *)&o[2]);
	for (i = 0; i < 4; i++)
		avl_remove(&t, &o[i]);
	avl_destroy(&t);
}

static void avl_swap_and_destroy_nodes(struct kunit *test)
{
	static const int a_keys[] = { 1, 2, 3 }, b_keys[] = { 7, 8 };
	struct aobj *objs = kunit_kcalloc(test, 200, sizeof(*objs),
					  GFP_KERNEL);
	avl_tree_t a, b;
	void *cookie = NULL;
	struct aobj *o;
	int i, n = 0;
	bool seen[200] = { };

	KUNIT_ASSERT_NOT_NULL(test, objs);
	atree(&a);
	atree(&b);
	for (i = 0; i < 3; i++) {
		objs[i].key = a_keys[i];
		avl_add(&a, &objs[i]);
	}
	for (i = 0; i < 2; i++) {
		objs[3 + i].key = b_keys[i];
		avl_add(&b, &objs[3 + i]);
	}
	avl_swap(&a, &b);
	avl_expect(test, &a, b_keys, 2);
	avl_expect(test, &b, a_keys, 3);
	/* Tear b down node by node, each handed back exactly once. */
	for (i = 5; i < 200; i++) {
		objs[i].key = 100 + i;
		avl_add(&b, &objs[i]);
	}
	while ((o = avl_destroy_nodes(&b, &cookie))) {
		KUNIT_EXPECT_FALSE(test, seen[o - objs]);
		seen[o - objs] = true;
		memset(o, 0x6b, sizeof(*o));	/* as if freed */
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, 198);
	KUNIT_EXPECT_NULL(test, avl_destroy_nodes(&b, &cookie));
	KUNIT_EXPECT_TRUE(test, avl_is_empty(&b));
	avl_destroy(&b);
	cookie = NULL;
	n = 0;
	while (avl_destroy_nodes(&a, &cookie))
		n++;
	KUNIT_EXPECT_EQ(test, n, 2);
	avl_destroy(&a);
}

/* Random inserts and removes against a sorted array of the same keys. */
static int int_cmp(const void *a, const void *b)
{
	return *(const int *)a - *(const int *)b;
}

#define AR_N	2000

static void avl_random_against_sorted(struct kunit *test)
{
	struct aobj *objs = kunit_kcalloc(test, AR_N, sizeof(*objs),
					  GFP_KERNEL);
	int *keys = kunit_kcalloc(test, AR_N, sizeof(int), GFP_KERNEL);
	struct aobj *o, probe;
	avl_index_t where;
	avl_tree_t t;
	int i, n = 0, k;
	u32 seed = 12345;

	KUNIT_ASSERT_NOT_NULL(test, objs);
	KUNIT_ASSERT_NOT_NULL(test, keys);
	atree(&t);
	for (i = 0; i < AR_N; i++) {
		seed = seed * 1103515245 + 12345;
		probe.key = (seed >> 8) % (AR_N * 4);
		if (avl_find(&t, &probe, &where))
			continue;
		objs[n].key = probe.key;
		avl_insert(&t, &objs[n], where);
		n++;
	}
	/* Remove every third object. */
	for (i = 0, k = 0; i < n; i++) {
		if (i % 3 == 0)
			avl_remove(&t, &objs[i]);
		else
			keys[k++] = objs[i].key;
	}
	sort(keys, k, sizeof(int), int_cmp, NULL);
	avl_expect(test, &t, keys, k);
	for (o = avl_first(&t); o; o = avl_first(&t))
		avl_remove(&t, o);
	avl_destroy(&t);
}

/* Several threads add and remove on one tree under one mutex. */
#define AC_THREADS	4
#define AC_OBJS		128
#define AC_ROUNDS	4000

struct ac_ctx {
	kmutex_t lock;
	avl_tree_t tree;
	long live;
	struct completion done[AC_THREADS];
	struct aobj objs[AC_THREADS][AC_OBJS];
	struct ac_arg {
		struct ac_ctx *c;
		int id;
	} arg[AC_THREADS];
};

static int ac_thread(void *p)
{
	struct ac_arg *a = p;
	struct ac_ctx *c = a->c;
	struct aobj *objs = c->objs[a->id];
	bool on[AC_OBJS] = { };
	int r, k;

	for (r = 0; r < AC_ROUNDS; r++) {
		k = (r * 13 + a->id) % AC_OBJS;
		mutex_enter(&c->lock);
		if (on[k]) {
			avl_remove(&c->tree, &objs[k]);
			c->live--;
		} else {
			avl_add(&c->tree, &objs[k]);
			c->live++;
		}
		mutex_exit(&c->lock);
		on[k] = !on[k];
	}
	kthread_complete_and_exit(&c->done[a->id], 0);
}

static void avl_concurrent_threads(struct kunit *test)
{
	struct ac_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct aobj *o, *prev = NULL;
	long n = 0;
	int i, k;

	KUNIT_ASSERT_NOT_NULL(test, c);
	atree(&c->tree);
	for (i = 0; i < AC_THREADS; i++) {
		for (k = 0; k < AC_OBJS; k++)
			c->objs[i][k].key = k * AC_THREADS + i;
		c->arg[i].c = c;
		c->arg[i].id = i;
		init_completion(&c->done[i]);
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(ac_thread,
							    &c->arg[i],
							    "avl%d", i)));
	}
	for (i = 0; i < AC_THREADS; i++)
		KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c->done[i],
								    30 * HZ));
	for (o = avl_first(&c->tree); o; o = AVL_NEXT(&c->tree, o)) {
		if (prev)
			KUNIT_EXPECT_LT(test, prev->key, o->key);
		prev = o;
		n++;
	}
	KUNIT_EXPECT_EQ(test, n, c->live);
	KUNIT_EXPECT_EQ(test, (long)avl_numnodes(&c->tree), c->live);
	for (o = avl_first(&c->tree); o; o = avl_first(&c->tree))
		avl_remove(&c->tree, o);
	avl_destroy(&c->tree);
	mutex_destroy(&c->lock);
}

static struct kunit_case avl_cases[] = {
	KUNIT_CASE(avl_empty_tree),
	KUNIT_CASE(avl_ordering),
	KUNIT_CASE(avl_find_where_nearest),
	KUNIT_CASE(avl_insert_where_and_here),
	KUNIT_CASE(avl_update_moves),
	KUNIT_CASE(avl_swap_and_destroy_nodes),
	KUNIT_CASE(avl_random_against_sorted),
	KUNIT_CASE(avl_concurrent_threads),
	{}
};

static struct kunit_suite avl_suite = {
	.name = "ddi_compat_avl",
	.test_cases = avl_cases,
};
kunit_test_suite(avl_suite);
