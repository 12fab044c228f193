// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_kmem_cache: kmem_cache_create(9F) and friends
 * (ddi_compat/kmcache.c) with Solaris's constructor semantics: an object
 * is constructed once when it enters the cache and destroyed when it
 * leaves, not at every alloc and free.
 */
#include <kunit/test.h>
#include <sys/types.h>
#include <sys/kmem.h>
#include <sys/ksynch.h>

#define KC_MAGIC	0x600dcafe

struct kc_obj {
	unsigned int magic;
	int uses;		/* survives free/alloc while cached */
	kmutex_t lock;
};

struct kc_stats {
	int ctors, dtors, last_kmflag;
	bool fail;
};

static int kc_ctor(void *buf, void *arg, int kmflag)
{
	struct kc_obj *o = buf;
	struct kc_stats *st = arg;

	st->last_kmflag = kmflag;
	if (st->fail)
		return -1;
	st->ctors++;
	o->magic = KC_MAGIC;
	o->uses = 0;
	mutex_init(&o->lock, NULL, MUTEX_DRIVER, NULL);
	return 0;
}

static void kc_dtor(void *buf, void *arg)
{
	struct kc_obj *o = buf;
	struct kc_stats *st = arg;

	st->dtors++;
	mutex_destroy(&o->lock);
	o->magic = 0;
}

static void kmc_construct_once(struct kunit *test)
{
	struct kc_stats st = {};
	kmem_cache_t *cp;
	struct kc_obj *o, *o2;

	cp = kmem_cache_create("kc_test", sizeof(struct kc_obj), 8, kc_ctor,
			       kc_dtor, NULL, &st, NULL, 0);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	KUNIT_EXPECT_EQ(test, st.ctors, 0);
	o = kmem_cache_alloc(cp, KM_SLEEP);
	KUNIT_ASSERT_NOT_NULL(test, o);
	KUNIT_EXPECT_EQ(test, st.ctors, 1);
	KUNIT_EXPECT_EQ(test, st.last_kmflag, KM_SLEEP);
	KUNIT_EXPECT_EQ(test, o->magic, KC_MAGIC);
	mutex_enter(&o->lock);
	o->uses++;
	mutex_exit(&o->lock);
	kmem_cache_free(cp, o);
	KUNIT_EXPECT_EQ(test, st.dtors, 0);

	/* The constructed object comes back, not constructed again. */
	o2 = kmem_cache_alloc(cp, KM_NOSLEEP);
	KUNIT_ASSERT_NOT_NULL(test, o2);
	KUNIT_EXPECT_PTR_EQ(test, o2, o);
	KUNIT_EXPECT_EQ(test, st.ctors, 1);
	KUNIT_EXPECT_EQ(test, o2->uses, 1);
	KUNIT_EXPECT_EQ(test, o2->magic, KC_MAGIC);
	kmem_cache_free(cp, o2);

	kmem_cache_destroy(cp);
	KUNIT_EXPECT_EQ(test, st.dtors, st.ctors);
}

/* Many objects: every constructed one is destroyed exactly once. */
static void kmc_many(struct kunit *test)
{
	struct kc_stats st = {};
	struct kc_obj *objs[200];
	kmem_cache_t *cp;
	int i;

	cp = kmem_cache_create("kc_many", sizeof(struct kc_obj), 0, kc_ctor,
			       kc_dtor, NULL, &st, NULL, 0);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	for (i = 0; i < ARRAY_SIZE(objs); i++) {
		objs[i] = kmem_cache_alloc(cp, KM_SLEEP);
		KUNIT_ASSERT_NOT_NULL(test, objs[i]);
		KUNIT_EXPECT_EQ(test, objs[i]->magic, KC_MAGIC);
	}
	KUNIT_EXPECT_EQ(test, st.ctors, (int)ARRAY_SIZE(objs));
	for (i = 0; i < ARRAY_SIZE(objs); i++)
		kmem_cache_free(cp, objs[i]);
	/* Some stay constructed in the cache; none is destroyed twice. */
	KUNIT_EXPECT_LT(test, st.dtors, st.ctors);
	kmem_cache_destroy(cp);
	KUNIT_EXPECT_EQ(test, st.dtors, st.ctors);
}

static void kmc_ctor_fails(struct kunit *test)
{
	struct kc_stats st = { .fail = true };
	kmem_cache_t *cp;

	cp = kmem_cache_create("kc_fail", sizeof(struct kc_obj), 0, kc_ctor,
			       kc_dtor, NULL, &st, NULL, 0);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	KUNIT_EXPECT_NULL(test, kmem_cache_alloc(cp, KM_NOSLEEP));
	KUNIT_EXPECT_EQ(test, st.last_kmflag, KM_NOSLEEP);
	kmem_cache_destroy(cp);
	KUNIT_EXPECT_EQ(test, st.dtors, 0);
}

static void kmc_plain(struct kunit *test)
{
	kmem_cache_t *cp;
	char *a, *b;

	cp = kmem_cache_create("kc_plain", 100, 64, NULL, NULL, NULL, NULL,
			       NULL, 0);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	a = kmem_cache_alloc(cp, KM_SLEEP);
	b = kmem_cache_alloc(cp, KM_SLEEP);
	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, (unsigned long)a % 64, 0UL);
	KUNIT_EXPECT_PTR_NE(test, a, b);
	memset(a, 1, 100);
	kmem_cache_free(cp, a);
	kmem_cache_free(cp, b);
	kmem_cache_destroy(cp);
	/* Bad alignment: refused, with a warning. */
	KUNIT_EXPECT_NULL(test, kmem_cache_create("kc_bad", 8, 3, NULL, NULL,
						  NULL, NULL, NULL, 0));
}

static struct kunit_case kmc_cases[] = {
	KUNIT_CASE(kmc_construct_once),
	KUNIT_CASE(kmc_many),
	KUNIT_CASE(kmc_ctor_fails),
	KUNIT_CASE(kmc_plain),
	{}
};

static struct kunit_suite kmc_suite = {
	.name = "ddi_compat_kmem_cache",
	.test_cases = kmc_cases,
};
kunit_test_suite(kmc_suite);
