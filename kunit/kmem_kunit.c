// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_kmem: kmem_alloc(9F), kmem_zalloc(9F), kmem_free(9F).
 */
#include <kunit/test.h>
#include <linux/spinlock.h>
#include <sys/kmem.h>
#include <ddi_compat/testing.h>
#include "ddic_kunit.h"

static bool all_bytes(const void *p, int c, size_t n)
{
	const unsigned char *b = p;

	while (n--)
		if (*b++ != (unsigned char)c)
			return false;
	return true;
}

static void kmem_sleep_sizes(struct kunit *test)
{
	static const size_t sizes[] = { 1, 8, 64, 100, 4096, 4097, 65536,
					1 << 20, 8 << 20 };
	int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *p = kmem_alloc(sizes[i], KM_SLEEP);

		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_EQ(test, (uintptr_t)p % 8, 0);
		memset(p, 0x5a, sizes[i]);
		KUNIT_EXPECT_EQ(test, p[sizes[i] - 1], 0x5a);
		kmem_free(p, sizes[i]);
	}
}

static void kmem_size_zero(struct kunit *test)
{
	KUNIT_EXPECT_NULL(test, kmem_alloc(0, KM_SLEEP));
	KUNIT_EXPECT_NULL(test, kmem_alloc(0, KM_NOSLEEP));
	KUNIT_EXPECT_NULL(test, kmem_zalloc(0, KM_SLEEP));
	kmem_free(NULL, 0);
}

static void kmem_zalloc_zeroes(struct kunit *test)
{
	static const size_t sizes[] = { 24, 4096, 65536, 8 << 20 };
	int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned char *p = kmem_alloc(sizes[i], KM_SLEEP);

		/* Dirty a block of the same size so a fresh one is likely reused. */
		KUNIT_ASSERT_NOT_NULL(test, p);
		memset(p, 0xa5, sizes[i]);
		kmem_free(p, sizes[i]);
		p = kmem_zalloc(sizes[i], KM_SLEEP);
		KUNIT_ASSERT_NOT_NULL(test, p);
		KUNIT_EXPECT_TRUE(test, all_bytes(p, 0, sizes[i]));
		kmem_free(p, sizes[i]);
	}
}

static void kmem_nosleep_under_spinlock(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	unsigned long flags;
	void *small, *big;

	spin_lock_irqsave(&lock, flags);
	small = kmem_zalloc(128, KM_NOSLEEP);
	big = kmem_alloc(65536, KM_NOSLEEP);
	spin_unlock_irqrestore(&lock, flags);
	/* Memory is plentiful in the test guest: NOSLEEP succeeds here. */
	KUNIT_ASSERT_NOT_NULL(test, small);
	KUNIT_EXPECT_TRUE(test, all_bytes(small, 0, 128));
	spin_lock_irqsave(&lock, flags);
	kmem_free(small, 128);
	kmem_free(big, 65536);
	spin_unlock_irqrestore(&lock, flags);
}

static void kmem_free_vmalloc_backed_under_spinlock(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	size_t size = 8 << 20;		/* above kmalloc's largest: vmalloc */
	unsigned long flags;
	void *p = kmem_alloc(size, KM_SLEEP);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	/* vfree may sleep; kmem_free must not, DEBUG_ATOMIC_SLEEP watches. */
	spin_lock_irqsave(&lock, flags);
	kmem_free(p, size);
	spin_unlock_irqrestore(&lock, flags);
}

/* kmem_zalloc(KM_NOSLEEP) from a timer callback (softirq). */
static bool kmem_timer_fn(void *arg)
{
	void **p = arg;

	*p = kmem_zalloc(256, KM_NOSLEEP);
	if (*p)
		kmem_free(*p, 256);
	return false;
}

static void kmem_nosleep_from_timer(struct kunit *test)
{
	void *p = NULL;

	ddic_kunit_in_timer(test, kmem_timer_fn, &p);
	KUNIT_EXPECT_NOT_NULL(test, p);
}

static void kmem_impossible_request(struct kunit *test)
{
	size_t huge = (totalram_pages() + 1) << PAGE_SHIFT;

	/* Solaris would wait forever; ddi_compat says so and returns NULL. */
	KUNIT_EXPECT_NULL(test, kmem_alloc(huge, KM_SLEEP));
	KUNIT_EXPECT_NULL(test, kmem_alloc(huge, KM_NOSLEEP));
}

#ifdef DDIC_DEBUG
static void kmem_debug_call_site(struct kunit *test)
{
	const char *func;
	size_t size;
	int line, want = __LINE__ + 1;
	void *p = kmem_alloc(77, KM_SLEEP);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, ddic_kmem_debug_site(p, &func, &line, &size), 0);
	KUNIT_EXPECT_STREQ(test, func, __func__);
	KUNIT_EXPECT_EQ(test, line, want);
	KUNIT_EXPECT_EQ(test, size, 77);
	kmem_free(p, 77);
}

static void kmem_debug_outstanding(struct kunit *test)
{
	unsigned long before = ddic_kmem_debug_outstanding(THIS_MODULE);
	void *a = kmem_alloc(10, KM_SLEEP), *b = kmem_zalloc(20, KM_NOSLEEP);

	KUNIT_ASSERT_NOT_NULL(test, a);
	KUNIT_ASSERT_NOT_NULL(test, b);
	KUNIT_EXPECT_EQ(test, ddic_kmem_debug_outstanding(THIS_MODULE),
			before + 2);
	kmem_free(a, 10);
	kmem_free(b, 20);
	KUNIT_EXPECT_EQ(test, ddic_kmem_debug_outstanding(THIS_MODULE), before);
}

static void kmem_debug_size_mismatch(struct kunit *test)
{
	unsigned long misuse = ddic_kmem_debug_misuse();
	unsigned long before = ddic_kmem_debug_outstanding(THIS_MODULE);
	void *p = kmem_alloc(100, KM_SLEEP);

	KUNIT_ASSERT_NOT_NULL(test, p);
	kmem_free(p, 99);	/* wrong size: warned, still freed whole */
	KUNIT_EXPECT_EQ(test, ddic_kmem_debug_misuse(), misuse + 1);
	KUNIT_EXPECT_EQ(test, ddic_kmem_debug_outstanding(THIS_MODULE), before);
}

static void kmem_debug_foreign_pointer(struct kunit *test)
{
	unsigned long misuse = ddic_kmem_debug_misuse();
	char *buf = kzalloc(256, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, buf);
	/* Not from kmem_alloc: refused, nothing freed (buf stays valid). */
	kmem_free(buf + 128, 64);
	KUNIT_EXPECT_EQ(test, ddic_kmem_debug_misuse(), misuse + 1);
	buf[0] = 1;
	kfree(buf);
}
#endif

static struct kunit_case kmem_cases[] = {
	KUNIT_CASE(kmem_sleep_sizes),
	KUNIT_CASE(kmem_size_zero),
	KUNIT_CASE(kmem_zalloc_zeroes),
	KUNIT_CASE(kmem_nosleep_under_spinlock),
	KUNIT_CASE(kmem_free_vmalloc_backed_under_spinlock),
	KUNIT_CASE(kmem_nosleep_from_timer),
	KUNIT_CASE(kmem_impossible_request),
#ifdef DDIC_DEBUG
	KUNIT_CASE(kmem_debug_call_site),
	KUNIT_CASE(kmem_debug_outstanding),
	KUNIT_CASE(kmem_debug_size_mismatch),
	KUNIT_CASE(kmem_debug_foreign_pointer),
#endif
	{}
};

static struct kunit_suite kmem_suite = {
	.name = "ddi_compat_kmem",
	.test_cases = kmem_cases,
};

kunit_test_suite(kmem_suite);
