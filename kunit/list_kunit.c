// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_list: list_create(9F) and friends.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/list.h>

struct lobj {
	int key;
	uint64_t pad;
	list_node_t node;	/* not at offset 0: the offset must be used */
	int tail;
};

static void lst_expect(struct kunit *test, list_t *l, const int *keys, int n)
{
	struct lobj *o;
	int i = 0;

	for (o = list_head(l); o; o = list_next(l, o), i++) {
		KUNIT_ASSERT_LT(test, i, n);
		KUNIT_EXPECT_EQ_MSG(test, o->key, keys[i], "forward %d", i);
	}
	KUNIT_EXPECT_EQ(test, i, n);
	for (o = list_tail(l); o; o = list_prev(l, o)) {
		i--;
		KUNIT_ASSERT_GE(test, i, 0);
		KUNIT_EXPECT_EQ_MSG(test, o->key, keys[i], "backward %d", i);
	}
	KUNIT_EXPECT_EQ(test, i, 0);
	KUNIT_EXPECT_EQ(test, list_is_empty(l), n == 0);
}

static void list_layout_is_solaris(struct kunit *test)
{
	list_t l;

	list_create(&l, sizeof(struct lobj), offsetof(struct lobj, node));
	KUNIT_EXPECT_EQ(test, l.list_size, sizeof(struct lobj));
	KUNIT_EXPECT_EQ(test, l.list_offset, offsetof(struct lobj, node));
	KUNIT_EXPECT_PTR_EQ(test, l.list_head.list_next, &l.list_head);
	KUNIT_EXPECT_PTR_EQ(test, l.list_head.list_prev, &l.list_head);
	KUNIT_EXPECT_EQ(test, sizeof(list_node_t), 2 * sizeof(void *));
	KUNIT_EXPECT_TRUE(test, list_is_empty(&l));
	KUNIT_EXPECT_NULL(test, list_head(&l));
	KUNIT_EXPECT_NULL(test, list_tail(&l));
	KUNIT_EXPECT_NULL(test, list_remove_head(&l));
	KUNIT_EXPECT_NULL(test, list_remove_tail(&l));
	list_destroy(&l);
}

/* Each step: op, the object, the reference object (-1: NULL). */
enum { L_HEAD, L_TAIL, L_BEFORE, L_AFTER, L_REMOVE, L_RMHEAD, L_RMTAIL };
static const struct {
	const char *what;
	int steps[8][3];
	int nsteps;
	int expect[8];
	int nexpect;
} list_cases[] = {
	{ "insert_head reverses", { { L_HEAD, 0, -1 }, { L_HEAD, 1, -1 },
	  { L_HEAD, 2, -1 } }, 3, { 2, 1, 0 }, 3 },
	{ "insert_tail keeps order", { { L_TAIL, 0, -1 }, { L_TAIL, 1, -1 },
	  { L_TAIL, 2, -1 } }, 3, { 0, 1, 2 }, 3 },
	{ "insert_before/after an object", { { L_TAIL, 0, -1 },
	  { L_TAIL, 3, -1 }, { L_BEFORE, 2, 3 }, { L_AFTER, 1, 0 },
	  { L_AFTER, 4, 3 } }, 5, { 0, 1, 2, 3, 4 }, 5 },
	{ "insert_after NULL is the head, insert_before NULL the tail",
	  { { L_TAIL, 1, -1 }, { L_AFTER, 0, -1 }, { L_BEFORE, 2, -1 } }, 3,
	  { 0, 1, 2 }, 3 },
	{ "remove the head", { { L_TAIL, 0, -1 }, { L_TAIL, 1, -1 },
	  { L_TAIL, 2, -1 }, { L_REMOVE, 0, -1 } }, 4, { 1, 2 }, 2 },
	{ "remove the last element", { { L_TAIL, 0, -1 }, { L_TAIL, 1, -1 },
	  { L_TAIL, 2, -1 }, { L_REMOVE, 2, -1 } }, 4, { 0, 1 }, 2 },
	{ "remove the only element", { { L_TAIL, 5, -1 },
	  { L_REMOVE, 5, -1 } }, 2, { 0 }, 0 },
	{ "remove the middle", { { L_TAIL, 0, -1 }, { L_TAIL, 1, -1 },
	  { L_TAIL, 2, -1 }, { L_REMOVE, 1, -1 } }, 4, { 0, 2 }, 2 },
	{ "remove_head and remove_tail", { { L_TAIL, 0, -1 },
	  { L_TAIL, 1, -1 }, { L_TAIL, 2, -1 }, { L_TAIL, 3, -1 },
	  { L_RMHEAD, 0, -1 }, { L_RMTAIL, 3, -1 } }, 6, { 1, 2 }, 2 },
};

static void list_ordering_table(struct kunit *test)
{
	struct lobj o[8];
	list_t l;
	int c, s, i;
	bool named = false;

	for (c = 0; c < ARRAY_SIZE(list_cases); c++) {
		/* Garbage in the nodes: kmem_alloc'd objects are not zeroed. */
		memset(o, 0xa5, sizeof(o));
		for (i = 0; i < 8; i++)
			o[i].key = i;
		list_create(&l, sizeof(struct lobj),
			    offsetof(struct lobj, node));
		for (s = 0; s < list_cases[c].nsteps; s++) {
			const int *st = list_cases[c].steps[s];
			struct lobj *ref = st[2] < 0 ? NULL : &o[st[2]];

			switch (st[0]) {
			case L_HEAD:
				list_insert_head(&l, &o[st[1]]);
				break;
			case L_TAIL:
				list_insert_tail(&l, &o[st[1]]);
				break;
			case L_BEFORE:
				list_insert_before(&l, ref, &o[st[1]]);
				break;
			case L_AFTER:
				list_insert_after(&l, ref, &o[st[1]]);
				break;
			case L_REMOVE:
				list_remove(&l, &o[st[1]]);
				KUNIT_EXPECT_FALSE(test,
						   list_link_active(&o[st[1]].node));
				break;
			case L_RMHEAD:
				KUNIT_EXPECT_PTR_EQ(test, list_remove_head(&l),
						    (void *)&o[st[1]]);
				break;
			case L_RMTAIL:
				KUNIT_EXPECT_PTR_EQ(test, list_remove_tail(&l),
						    (void *)&o[st[1]]);
				break;
			}
		}
		lst_expect(test, &l, list_cases[c].expect,
			   list_cases[c].nexpect);
		/*
		 * Name the case only when it failed: 6.1 keeps a suite's log
		 * in a fixed buffer, and a line per case overflows it.
		 */
		if (test->status == KUNIT_FAILURE && !named) {
			kunit_info(test, "failed in case: %s", list_cases[c].what);
			named = true;
		}
		while (list_remove_head(&l))
			;
		list_destroy(&l);
	}
}

static void list_link_init_active_replace(struct kunit *test)
{
	static const int after[] = { 0, 7, 2 };
	struct lobj o[8];
	list_t l;
	int i;

	for (i = 0; i < 8; i++)
		o[i].key = i;
	list_create(&l, sizeof(struct lobj), offsetof(struct lobj, node));
	list_link_init(&o[7].node);
	KUNIT_EXPECT_FALSE(test, list_link_active(&o[7].node));
	for (i = 0; i < 3; i++)
		list_insert_tail(&l, &o[i]);
	KUNIT_EXPECT_TRUE(test, list_link_active(&o[1].node));
	list_link_replace(&o[1].node, &o[7].node);
	KUNIT_EXPECT_FALSE(test, list_link_active(&o[1].node));
	KUNIT_EXPECT_TRUE(test, list_link_active(&o[7].node));
	lst_expect(test, &l, after, 3);
	/* Removing an object on no list is refused, the list intact. */
	list_remove(&l, &o[1]);
	lst_expect(test, &l, after, 3);
	while (list_remove_tail(&l))
		;
	list_destroy(&l);
}

static void list_move_tail_appends(struct kunit *test)
{
	static const int all[] = { 0, 1, 2, 3, 4 };
	struct lobj o[5];
	list_t a, b;
	int i;

	list_create(&a, sizeof(struct lobj), offsetof(struct lobj, node));
	list_create(&b, sizeof(struct lobj), offsetof(struct lobj, node));
	for (i = 0; i < 5; i++) {
		o[i].key = i;
		list_insert_tail(i < 2 ? &a : &b, &o[i]);
	}
	list_move_tail(&a, &b);
	lst_expect(test, &a, all, 5);
	lst_expect(test, &b, all, 0);
	list_move_tail(&a, &b);		/* empty source: nothing changes */
	lst_expect(test, &a, all, 5);
	list_move_tail(&b, &a);		/* into an empty list */
	lst_expect(test, &b, all, 5);
	lst_expect(test, &a, all, 0);
	while (list_remove_head(&b))
		;
	list_destroy(&a);
	list_destroy(&b);
}

/* Several threads insert and remove on one list under one mutex. */
#define LC_THREADS	4
#define LC_OBJS		64
#define LC_ROUNDS	3000

struct lc_ctx {
	kmutex_t lock;
	list_t list;
	long inserted, removed;
	struct completion done[LC_THREADS];
	struct lobj objs[LC_THREADS][LC_OBJS];
	struct lc_arg {
		struct lc_ctx *c;
		int id;
	} arg[LC_THREADS];
};

static int lc_thread(void *p)
{
	struct lc_arg *a = p;
	struct lc_ctx *c = a->c;
	int id = a->id;
	struct lobj *objs = c->objs[id];
	bool on[LC_OBJS] = { };
	int r, k;

	for (r = 0; r < LC_ROUNDS; r++) {
		k = (r * 7 + id) % LC_OBJS;
		mutex_enter(&c->lock);
		if (on[k]) {
			list_remove(&c->list, &objs[k]);
			c->removed++;
		} else if (r & 1) {
			list_insert_head(&c->list, &objs[k]);
			c->inserted++;
		} else {
			list_insert_tail(&c->list, &objs[k]);
			c->inserted++;
		}
		mutex_exit(&c->lock);
		on[k] = !on[k];
	}
	kthread_complete_and_exit(&c->done[id], 0);
}

static void list_concurrent_threads(struct kunit *test)
{
	struct lc_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	struct lobj *o, *prev = NULL;
	long n = 0;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	list_create(&c->list, sizeof(struct lobj),
		    offsetof(struct lobj, node));
	for (i = 0; i < LC_THREADS; i++) {
		c->arg[i].c = c;
		c->arg[i].id = i;
		init_completion(&c->done[i]);
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(lc_thread,
							    &c->arg[i],
							    "lst%d", i)));
	}
	for (i = 0; i < LC_THREADS; i++)
		KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c->done[i],
								    30 * HZ));
	/* Forward and backward links agree, and the count adds up. */
	for (o = list_head(&c->list); o; o = list_next(&c->list, o)) {
		KUNIT_EXPECT_PTR_EQ(test, list_prev(&c->list, o), (void *)prev);
		prev = o;
		n++;
	}
	KUNIT_EXPECT_PTR_EQ(test, list_tail(&c->list), (void *)prev);
	KUNIT_EXPECT_EQ(test, n, c->inserted - c->removed);
	while (list_remove_head(&c->list))
		;
	list_destroy(&c->list);
	mutex_destroy(&c->lock);
}

static struct kunit_case list_cases_k[] = {
	KUNIT_CASE(list_layout_is_solaris),
	KUNIT_CASE(list_ordering_table),
	KUNIT_CASE(list_link_init_active_replace),
	KUNIT_CASE(list_move_tail_appends),
	KUNIT_CASE(list_concurrent_threads),
	{}
};

static struct kunit_suite list_suite = {
	.name = "ddi_compat_list",
	.test_cases = list_cases_k,
};
kunit_test_suite(list_suite);
