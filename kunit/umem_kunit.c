// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_umem: ddi_umem_alloc(9F), ddi_umem_free(9F),
 * devmap_umem_setup(9F)'s checks, ddi_umem_lock(9F)'s argument checks.
 *
 * The mmap path itself (devmap_setup, callbacks, maxprot, fork) needs a
 * user process and is tested from the guest (tests/guest/umem_mmap.sh).
 *
 * Fault injection: umem_sleep_survives_fail_page_alloc drives the
 * fail_page_alloc debugfs attributes itself, with task-filter on, and
 * marks only its own thread (make_it_fail) for the few milliseconds the
 * allocation takes, so nothing else in the guest sees a failure.  The
 * "times" attribute counts the failures injected: the test checks it was
 * used up, i.e. that ddi_umem_alloc really met (and rode out) failures.
 */
#include <kunit/test.h>
#include <linux/spinlock.h>
#include <linux/fs.h>
#include <linux/debugfs.h>
#include <linux/vmalloc.h>
#include <linux/sched.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <sys/sunddi.h>
#include <ddi_compat/testing.h>
#include "ddic_kunit.h"

static bool all_zero(const void *p, size_t n)
{
	return !memchr_inv(p, 0, n);
}

#ifdef DDIC_DEBUG
static size_t cookie_size(ddi_umem_cookie_t c)
{
	const char *func;
	size_t size = 0;
	int line;

	if (ddic_umem_debug_site(c, &func, &line, &size))
		return 0;
	return size;
}
#endif

static void umem_size_zero(struct kunit *test)
{
	ddi_umem_cookie_t c = (ddi_umem_cookie_t)test;	/* not NULL */

	KUNIT_EXPECT_NULL(test, ddi_umem_alloc(0, DDI_UMEM_SLEEP, &c));
	KUNIT_EXPECT_NULL(test, c);
	c = (ddi_umem_cookie_t)test;
	KUNIT_EXPECT_NULL(test, ddi_umem_alloc(0, DDI_UMEM_NOSLEEP, &c));
	KUNIT_EXPECT_NULL(test, c);
	c = (ddi_umem_cookie_t)test;
	KUNIT_EXPECT_NULL(test, ddi_umem_alloc(0, DDI_UMEM_TRASH, &c));
	KUNIT_EXPECT_NULL(test, c);
	ddi_umem_free(NULL);		/* no effect */
}

/* Every size is page-aligned, rounded up, and zero all the way. */
static void umem_rounding_and_zero_tail(struct kunit *test)
{
	static const size_t sizes[] = { 1, 100, 4095, 4096, 4097, 12289,
					65535, 65536, 65537, 1 << 20,
					(16 << 20) - 1 };
	static const int flags[] = { DDI_UMEM_SLEEP, DDI_UMEM_NOSLEEP,
				     DDI_UMEM_PAGEABLE };
	ddi_umem_cookie_t c;
	unsigned char *p;
	size_t rs;
	int i, f;

	for (f = 0; f < ARRAY_SIZE(flags); f++) {
		for (i = 0; i < ARRAY_SIZE(sizes); i++) {
			rs = PAGE_ALIGN(sizes[i]);
			/* Dirty memory of that size, so reuse is likely. */
			p = ddi_umem_alloc(sizes[i], DDI_UMEM_SLEEP, &c);
			KUNIT_ASSERT_NOT_NULL(test, p);
			memset(p, 0xa5, rs);
			ddi_umem_free(c);

			p = ddi_umem_alloc(sizes[i], flags[f], &c);
			if (!p && (flags[f] & DDI_UMEM_NOSLEEP) && rs > SZ_1M)
				continue;	/* may fail: contiguous only */
			KUNIT_ASSERT_NOT_NULL_MSG(test, p, "size %zu flag %d",
						  sizes[i], flags[f]);
			KUNIT_EXPECT_NOT_NULL(test, c);
			KUNIT_EXPECT_EQ(test, offset_in_page(p), 0);
			KUNIT_EXPECT_TRUE_MSG(test, all_zero(p, rs),
					      "size %zu flag %d not zeroed",
					      sizes[i], flags[f]);
#ifdef DDIC_DEBUG
			KUNIT_EXPECT_EQ(test, cookie_size(c), rs);
#endif
			ddi_umem_free(c);
		}
	}
}

/* Small SLEEP requests are contiguous pages, large ones vmalloc. */
static void umem_backend_choice(struct kunit *test)
{
	ddi_umem_cookie_t c;
	void *p;

	p = ddi_umem_alloc(PAGE_SIZE, DDI_UMEM_SLEEP, &c);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(p));
	ddi_umem_free(c);
	p = ddi_umem_alloc(SZ_1M, DDI_UMEM_SLEEP, &c);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_TRUE(test, is_vmalloc_addr(p));
	ddi_umem_free(c);
	/* NOSLEEP never reaches vmalloc. */
	p = ddi_umem_alloc(SZ_64K, DDI_UMEM_NOSLEEP, &c);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_FALSE(test, is_vmalloc_addr(p));
	ddi_umem_free(c);
}

static void umem_unknown_flags_ignored(struct kunit *test)
{
	ddi_umem_cookie_t c;
	unsigned char *p = ddi_umem_alloc(5000, 0x1000, &c);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_NOT_NULL(test, c);
	KUNIT_EXPECT_TRUE(test, all_zero(p, 8192));
	ddi_umem_free(c);
}

static void umem_trash(struct kunit *test)
{
	ddi_umem_cookie_t c = NULL;

	KUNIT_EXPECT_NULL(test, ddi_umem_alloc(3 * PAGE_SIZE, DDI_UMEM_TRASH,
					       &c));
	KUNIT_ASSERT_NOT_NULL(test, c);
#ifdef DDIC_DEBUG
	KUNIT_EXPECT_EQ(test, cookie_size(c), 3 * PAGE_SIZE);
#endif
	ddi_umem_free(c);
	c = NULL;
	KUNIT_EXPECT_NULL(test, ddi_umem_alloc(1, DDI_UMEM_TRASH |
					       DDI_UMEM_NOSLEEP, &c));
	KUNIT_ASSERT_NOT_NULL(test, c);
	ddi_umem_free(c);
}

static void umem_impossible_request(struct kunit *test)
{
	size_t huge = (totalram_pages() + 1) << PAGE_SHIFT;
	ddi_umem_cookie_t c = (ddi_umem_cookie_t)test;

	/* Solaris would wait forever; ddi_compat warns and returns NULL. */
	KUNIT_EXPECT_NULL(test, ddi_umem_alloc(huge, DDI_UMEM_SLEEP, &c));
	KUNIT_EXPECT_NULL(test, c);
	KUNIT_EXPECT_NULL(test, ddi_umem_alloc(huge, DDI_UMEM_NOSLEEP, &c));
	KUNIT_EXPECT_NULL(test, ddi_umem_alloc(SIZE_MAX, DDI_UMEM_SLEEP, &c));
	KUNIT_EXPECT_NULL(test, c);
}

static void umem_nosleep_under_spinlock(struct kunit *test)
{
	static DEFINE_SPINLOCK(lock);
	ddi_umem_cookie_t c1, c2, c3, big;
	unsigned long flags;
	void *p1, *p2, *pb;

	/* A SLEEP cookie on vmalloc, freed under the lock below. */
	pb = ddi_umem_alloc(SZ_1M, DDI_UMEM_SLEEP, &big);
	KUNIT_ASSERT_NOT_NULL(test, pb);
	KUNIT_ASSERT_TRUE(test, is_vmalloc_addr(pb));

	spin_lock_irqsave(&lock, flags);
	p1 = ddi_umem_alloc(PAGE_SIZE, DDI_UMEM_NOSLEEP, &c1);
	p2 = ddi_umem_alloc(SZ_16K, DDI_UMEM_NOSLEEP | DDI_UMEM_PAGEABLE,
			    &c2);
	ddi_umem_alloc(PAGE_SIZE, DDI_UMEM_NOSLEEP | DDI_UMEM_TRASH, &c3);
	spin_unlock_irqrestore(&lock, flags);
	/* Memory is plentiful in the test guest: NOSLEEP succeeds here. */
	KUNIT_EXPECT_NOT_NULL(test, p1);
	KUNIT_EXPECT_NOT_NULL(test, p2);
	KUNIT_EXPECT_NOT_NULL(test, c3);
	if (p1)
		KUNIT_EXPECT_TRUE(test, all_zero(p1, PAGE_SIZE));
	if (p2)
		KUNIT_EXPECT_TRUE(test, all_zero(p2, SZ_16K));

	/* Free from atomic context, vmalloc-backed included. */
	spin_lock_irqsave(&lock, flags);
	ddi_umem_free(c1);
	ddi_umem_free(c2);
	ddi_umem_free(c3);
	ddi_umem_free(big);
	spin_unlock_irqrestore(&lock, flags);
}

/* ddi_umem_alloc(DDI_UMEM_NOSLEEP) from a timer callback (softirq). */
struct umem_timer_ctx {
	bool got, zero;
};

static bool umem_timer_fn(void *arg)
{
	struct umem_timer_ctx *ctx = arg;
	ddi_umem_cookie_t c;
	void *p;

	p = ddi_umem_alloc(2 * PAGE_SIZE, DDI_UMEM_NOSLEEP, &c);
	ctx->got = p;
	if (p) {
		ctx->zero = all_zero(p, 2 * PAGE_SIZE);
		ddi_umem_free(c);
	}
	return false;
}

static void umem_nosleep_from_timer(struct kunit *test)
{
	struct umem_timer_ctx ctx = { };

	ddic_kunit_in_timer(test, umem_timer_fn, &ctx);
	KUNIT_EXPECT_TRUE(test, ctx.got);
	KUNIT_EXPECT_TRUE(test, ctx.zero);
}

/* Free a vmalloc-backed cookie from a timer (softirq). */
static bool umem_free_timer_fn(void *arg)
{
	ddi_umem_free(*(ddi_umem_cookie_t *)arg);
	return false;
}

static void umem_free_from_timer(struct kunit *test)
{
	ddi_umem_cookie_t c;

	KUNIT_ASSERT_NOT_NULL(test, ddi_umem_alloc(SZ_4M, DDI_UMEM_SLEEP, &c));
	ddic_kunit_in_timer(test, umem_free_timer_fn, &c);
}

#ifdef CONFIG_FAULT_INJECTION
/*
 * The fail_page_alloc debugfs attributes.  Their files accept writes only
 * from user buffers, so the test writes the variables behind them (each
 * file's inode->i_private), with the types those files are created with.
 */
struct fpa_knobs {
	bool *task_filter, *ignore_gfp_wait;
	unsigned long *verbose, *interval, *probability;
	u32 *min_order;
	atomic_t *times;
};

static bool fpa_lookup(struct fpa_knobs *k)
{
	struct dentry *dir = debugfs_lookup("fail_page_alloc", NULL);

	if (IS_ERR_OR_NULL(dir))
		return false;
	k->task_filter = ddic_kunit_debugfs_knob(dir, "task-filter");
	k->ignore_gfp_wait = ddic_kunit_debugfs_knob(dir, "ignore-gfp-wait");
	k->verbose = ddic_kunit_debugfs_knob(dir, "verbose");
	k->interval = ddic_kunit_debugfs_knob(dir, "interval");
	k->probability = ddic_kunit_debugfs_knob(dir, "probability");
	k->min_order = ddic_kunit_debugfs_knob(dir, "min-order");
	k->times = ddic_kunit_debugfs_knob(dir, "times");
	dput(dir);
	return k->task_filter && k->ignore_gfp_wait && k->verbose &&
	       k->interval && k->probability && k->min_order && k->times;
}

static void umem_sleep_survives_fail_page_alloc(struct kunit *test)
{
	static const size_t sizes[] = { PAGE_SIZE, SZ_16K, SZ_256K };
	ddi_umem_cookie_t c[ARRAY_SIZE(sizes)];
	void *p[ARRAY_SIZE(sizes)];
	struct fpa_knobs k;
	struct {
		bool task_filter, ignore_gfp_wait;
		unsigned long verbose, interval, probability;
		u32 min_order;
		int times;
	} saved;
	int i, left, round, nulls = 0, dirty = 0;

	KUNIT_ASSERT_TRUE_MSG(test, fpa_lookup(&k),
			      "fail_page_alloc debugfs attributes missing");
	saved.task_filter = *k.task_filter;
	saved.ignore_gfp_wait = *k.ignore_gfp_wait;
	saved.verbose = *k.verbose;
	saved.interval = *k.interval;
	saved.probability = *k.probability;
	saved.min_order = *k.min_order;
	saved.times = atomic_read(k.times);

	/* Fail every page allocation of this thread, 40 times. */
	*k.verbose = 0;
	*k.ignore_gfp_wait = false;
	*k.min_order = 0;
	*k.interval = 1;
	*k.task_filter = true;
	atomic_set(k.times, 40);
	*k.probability = 100;

	/*
	 * Rounds of the three sizes until all 40 failures were injected:
	 * how many page allocations a round makes depends on the kernel
	 * (KASAN's vmalloc shadow adds some, bulk allocation takes one
	 * check for many pages).
	 */
	for (round = 0; round < 64 && atomic_read(k.times) > 0; round++) {
		current->make_it_fail = 1;
		for (i = 0; i < ARRAY_SIZE(sizes); i++)
			p[i] = ddi_umem_alloc(sizes[i], DDI_UMEM_SLEEP, &c[i]);
		current->make_it_fail = 0;
		for (i = 0; i < ARRAY_SIZE(sizes); i++) {
			if (!p[i]) {
				nulls++;
				continue;
			}
			if (!all_zero(p[i], sizes[i]))
				dirty++;
			ddi_umem_free(c[i]);
		}
	}

	left = atomic_read(k.times);
	*k.probability = saved.probability;
	atomic_set(k.times, saved.times);
	*k.task_filter = saved.task_filter;
	*k.interval = saved.interval;
	*k.min_order = saved.min_order;
	*k.ignore_gfp_wait = saved.ignore_gfp_wait;
	*k.verbose = saved.verbose;

	/* All 40 failures were injected, and still no NULL. */
	KUNIT_EXPECT_EQ(test, left, 0);
	KUNIT_EXPECT_GT(test, round, 0);
	KUNIT_EXPECT_EQ(test, nulls, 0);
	KUNIT_EXPECT_EQ(test, dirty, 0);
}
#endif

static void umem_lock_bad_arguments(struct kunit *test)
{
	ddi_umem_cookie_t c = (ddi_umem_cookie_t)test;

	/* Unaligned, empty, bad flags: EINVAL; no cookie. */
	KUNIT_EXPECT_EQ(test, ddi_umem_lock((caddr_t)0x10001, PAGE_SIZE,
					    DDI_UMEMLOCK_READ, &c), EINVAL);
	KUNIT_EXPECT_NULL(test, c);
	KUNIT_EXPECT_EQ(test, ddi_umem_lock((caddr_t)0x10000, 0,
					    DDI_UMEMLOCK_READ, &c), EINVAL);
	KUNIT_EXPECT_EQ(test, ddi_umem_lock((caddr_t)0x10000, PAGE_SIZE, 0,
					    &c), EINVAL);
	KUNIT_EXPECT_EQ(test, ddi_umem_lock((caddr_t)0x10000, PAGE_SIZE, 0x8,
					    &c), EINVAL);
	/* A kernel thread has no user memory to lock. */
	KUNIT_EXPECT_EQ(test, ddi_umem_lock((caddr_t)0x10000, PAGE_SIZE,
					    DDI_UMEMLOCK_READ, &c), EINVAL);
	KUNIT_EXPECT_NULL(test, c);
	ddi_umem_unlock(NULL);
}

#ifdef DDIC_DEBUG
static void umem_debug_call_site(struct kunit *test)
{
	unsigned long before = ddic_umem_debug_outstanding(THIS_MODULE);
	const char *func;
	ddi_umem_cookie_t c;
	size_t size;
	int line, want = __LINE__ + 1;
	void *p = ddi_umem_alloc(777, DDI_UMEM_SLEEP, &c);

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, ddic_umem_debug_site(c, &func, &line, &size), 0);
	KUNIT_EXPECT_STREQ(test, func, __func__);
	KUNIT_EXPECT_EQ(test, line, want);
	KUNIT_EXPECT_EQ(test, size, PAGE_SIZE);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_outstanding(THIS_MODULE),
			before + 1);
	ddi_umem_free(c);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_outstanding(THIS_MODULE), before);
}

/*
 * A fault finds its handle by a binary search when a mapping has several
 * (audit 2, finding 18: the RAM disk maps one handle per extent): pieces
 * of one to five pages, 1 to 1000 of them.
 */
static void umem_devmap_find_handle(struct kunit *test)
{
	static const unsigned int counts[] = { 1, 2, 3, 7, 64, 1000 };
	size_t *lens = kunit_kcalloc(test, 1000, sizeof(*lens), GFP_KERNEL);
	unsigned int i, j;

	KUNIT_ASSERT_NOT_NULL(test, lens);
	for (i = 0; i < 1000; i++)
		lens[i] = (1 + (i * 7) % 5) * PAGE_SIZE;
	for (j = 0; j < ARRAY_SIZE(counts); j++)
		KUNIT_EXPECT_EQ_MSG(test, ddic_devmap_debug_find(lens, counts[j]),
				    0, "%u handles", counts[j]);
}

/* A handle's reference keeps a freed cookie alive; a double free is caught. */
static void umem_lives_while_referenced(struct kunit *test)
{
	unsigned long before = ddic_umem_debug_outstanding(THIS_MODULE);
	devmap_cookie_t dhp = ddic_devmap_debug_handle(PROT_READ | PROT_WRITE);
	ddi_umem_cookie_t c;
	unsigned char *p = ddi_umem_alloc(SZ_64K, DDI_UMEM_SLEEP, &c);

	KUNIT_ASSERT_NOT_NULL(test, dhp);
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_ASSERT_EQ(test, devmap_umem_setup(dhp, NULL, NULL, c, 0, SZ_64K,
						PROT_ALL, 0, NULL),
			DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_refs(c), 2);
	p[SZ_64K - 1] = 0x5a;
	ddi_umem_free(c);
	/* Still allocated: the handle (a mapping) holds it. */
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_outstanding(THIS_MODULE),
			before + 1);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_refs(c), 1);
	KUNIT_EXPECT_EQ(test, p[SZ_64K - 1], 0x5a);
	/* A second free is refused, not a second drop of the reference. */
	ddi_umem_free(c);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_refs(c), 1);
	ddic_devmap_debug_handle_free(dhp);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_outstanding(THIS_MODULE), before);
}

static void umem_devmap_setup_refusals(struct kunit *test)
{
	struct devmap_callback_ctl cb = { .devmap_rev = DEVMAP_OPS_REV };
	ddi_umem_cookie_t c, trash, freed;
	devmap_cookie_t rw, ro, ro2;
	void *p;

	p = ddi_umem_alloc(2 * PAGE_SIZE, DDI_UMEM_SLEEP, &c);
	KUNIT_ASSERT_NOT_NULL(test, p);
	ddi_umem_alloc(PAGE_SIZE, DDI_UMEM_TRASH, &trash);
	KUNIT_ASSERT_NOT_NULL(test, trash);
	KUNIT_ASSERT_NOT_NULL(test, ddi_umem_alloc(PAGE_SIZE, DDI_UMEM_SLEEP,
						   &freed));
	rw = ddic_devmap_debug_handle(PROT_READ | PROT_WRITE | PROT_USER);
	ro = ddic_devmap_debug_handle(PROT_READ | PROT_USER);
	KUNIT_ASSERT_NOT_NULL(test, rw);
	KUNIT_ASSERT_NOT_NULL(test, ro);

	/* Not a handle at all. */
	KUNIT_EXPECT_EQ(test, devmap_umem_setup((devmap_cookie_t)&cb, NULL,
						NULL, c, 0, PAGE_SIZE,
						PROT_ALL, 0, NULL),
			DDI_FAILURE);
	/* NULL cookie. */
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, NULL, 0,
						PAGE_SIZE, PROT_ALL, 0, NULL),
			DDI_FAILURE);
	/* off + len past the cookie, after rounding. */
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, 0,
						3 * PAGE_SIZE, PROT_ALL, 0,
						NULL), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, PAGE_SIZE,
						PAGE_SIZE + 1, PROT_ALL, 0,
						NULL), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c,
						2 * PAGE_SIZE, 1, PROT_ALL, 0,
						NULL), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, -4096,
						PAGE_SIZE, PROT_ALL, 0, NULL),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, 0, 0,
						PROT_ALL, 0, NULL),
			DDI_FAILURE);
	/* The user asked for write, maxprot is read-only. */
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, 0,
						PAGE_SIZE, PROT_READ | PROT_USER,
						0, NULL), DDI_FAILURE);
	/* Invalid flags. */
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, 0,
						PAGE_SIZE, PROT_ALL,
						DEVMAP_MAPPING_INVALID, NULL),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, 0,
						PAGE_SIZE, PROT_ALL,
						DEVMAP_USE_PAGESIZE, NULL),
			DDI_FAILURE);
	/* Callbacks of another revision, or with devmap_access. */
	cb.devmap_rev = 2;
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, &cb, c, 0,
						PAGE_SIZE, PROT_ALL, 0, NULL),
			DDI_FAILURE);
	/*
	 * A cookie the driver already freed (kept alive here by another
	 * handle's reference, as a mapping would keep it).
	 */
	ro2 = ddic_devmap_debug_handle(PROT_READ);
	KUNIT_ASSERT_NOT_NULL(test, ro2);
	KUNIT_ASSERT_EQ(test, devmap_umem_setup(ro2, NULL, NULL, freed, 0,
						PAGE_SIZE, PROT_ALL, 0, NULL),
			DDI_SUCCESS);
	ddi_umem_free(freed);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(ro, NULL, NULL, freed, 0,
						PAGE_SIZE, PROT_ALL, 0, NULL),
			DDI_FAILURE);
	ddic_devmap_debug_handle_free(ro2);

	/* The refusals left the handle untouched: these succeed. */
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(ro, NULL, NULL, c,
						PAGE_SIZE + 100, 10,
						PROT_READ | PROT_USER, 0, NULL),
			DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, 100,
						2 * PAGE_SIZE - 100, PROT_ALL,
						DEVMAP_MAPPING_INVALID |
						DEVMAP_ALLOW_REMAP, NULL),
			DDI_SUCCESS);
	/* Already set up. */
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, c, 0,
						PAGE_SIZE, PROT_ALL, 0, NULL),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_refs(c), 3);
	ddic_devmap_debug_handle_free(rw);
	ddic_devmap_debug_handle_free(ro);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_refs(c), 1);

	/* A trash cookie can be set up like any other. */
	rw = ddic_devmap_debug_handle(PROT_READ | PROT_WRITE);
	KUNIT_ASSERT_NOT_NULL(test, rw);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(rw, NULL, NULL, trash, 0,
						PAGE_SIZE, PROT_ALL, 0, NULL),
			DDI_SUCCESS);
	ddic_devmap_debug_handle_free(rw);
	ddi_umem_free(trash);
	ddi_umem_free(c);
}

static int umem_access_cb(devmap_cookie_t dhp, void *pvtp, offset_t off,
			  size_t len, uint_t type, uint_t rw)
{
	return 0;
}

static void umem_devmap_access(struct kunit *test)
{
	struct devmap_callback_ctl cb = {
		.devmap_rev = DEVMAP_OPS_REV,
		.devmap_access = umem_access_cb,
	};
	devmap_cookie_t h = ddic_devmap_debug_handle(PROT_READ);
	ddi_umem_cookie_t c;

	KUNIT_ASSERT_NOT_NULL(test, h);
	KUNIT_ASSERT_NOT_NULL(test, ddi_umem_alloc(PAGE_SIZE, DDI_UMEM_SLEEP,
						   &c));
	/* Supported since issue 14: the handle starts unloaded. */
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(h, NULL, &cb, c, 0, PAGE_SIZE,
						PROT_ALL, 0, NULL),
			DDI_SUCCESS);
	/* devmap_load/unload: whole handle, a range, outside it. */
	KUNIT_EXPECT_EQ(test, devmap_load(h, 0, 0, DEVMAP_ACCESS,
					  DEVMAP_READ), 0);
	KUNIT_EXPECT_EQ(test, devmap_unload(h, 0, 0), 0);
	KUNIT_EXPECT_EQ(test, devmap_default_access(h, NULL, 0, PAGE_SIZE,
						    DEVMAP_ACCESS,
						    DEVMAP_WRITE), 0);
	KUNIT_EXPECT_EQ(test, devmap_unload(h, 100, 1), 0);
	KUNIT_EXPECT_EQ(test, devmap_unload(h, PAGE_SIZE, 1), EINVAL);
	KUNIT_EXPECT_EQ(test, devmap_load(h, -1, 1, DEVMAP_ACCESS,
					  DEVMAP_READ), EINVAL);
	/* Not handles. */
	KUNIT_EXPECT_EQ(test, devmap_load(&cb, 0, 0, DEVMAP_ACCESS,
					  DEVMAP_READ), EINVAL);
	KUNIT_EXPECT_EQ(test, devmap_unload(NULL, 0, 0), EINVAL);
	/* A remap of a handle set up without DEVMAP_ALLOW_REMAP. */
	KUNIT_EXPECT_EQ(test, devmap_umem_remap(h, NULL, c, 0, PAGE_SIZE,
						PROT_ALL, 0, NULL),
			DDI_FAILURE);
	ddic_devmap_debug_handle_free(h);

	/* With DEVMAP_ALLOW_REMAP: a remap to another cookie, checked. */
	h = ddic_devmap_debug_handle(PROT_READ);
	KUNIT_ASSERT_NOT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, devmap_umem_setup(h, NULL, &cb, c, 0, PAGE_SIZE,
						PROT_ALL, DEVMAP_ALLOW_REMAP |
						DEVMAP_MAPPING_INVALID, NULL),
			DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, devmap_umem_remap(h, NULL, NULL, 0, PAGE_SIZE,
						PROT_ALL, 0, NULL),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_umem_remap(h, NULL, c, PAGE_SIZE,
						PAGE_SIZE, PROT_ALL, 0, NULL),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_refs(c), 2);
	KUNIT_EXPECT_EQ(test, devmap_umem_remap(h, NULL, c, 0, PAGE_SIZE,
						PROT_ALL, 0, NULL),
			DDI_SUCCESS);
	/* The old reference went, the new one came: still 2. */
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_refs(c), 2);
	ddic_devmap_debug_handle_free(h);
	KUNIT_EXPECT_EQ(test, ddic_umem_debug_refs(c), 1);

	/* devmap_devmem_setup: bad flags, a node that is not PCI. */
	h = ddic_devmap_debug_handle(PROT_READ);
	KUNIT_ASSERT_NOT_NULL(test, h);
	KUNIT_EXPECT_EQ(test, devmap_devmem_setup(&cb, NULL, NULL, 1, 0,
						  PAGE_SIZE, PROT_ALL, 0,
						  NULL), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_devmem_setup(h, NULL, NULL, 1, 0,
						  PAGE_SIZE, PROT_ALL,
						  IOMEM_DATA_UNCACHED |
						  IOMEM_DATA_UC_WR_COMBINE,
						  NULL), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_devmem_setup(h, NULL, NULL, 1, 0,
						  PAGE_SIZE, PROT_ALL,
						  DEVMAP_MAPPING_INVALID, NULL),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, devmap_devmem_setup(h, NULL, NULL, 1, 0,
						  PAGE_SIZE, PROT_ALL, 0x100,
						  NULL), DDI_FAILURE);
	/* maxprot narrower than what the user asked for. */
	KUNIT_EXPECT_EQ(test, devmap_devmem_setup(h, NULL, NULL, 1, 0,
						  PAGE_SIZE, PROT_WRITE, 0,
						  NULL), DDI_FAILURE);
	/* The cache attribute: flags first, then the data order. */
	{
		ddi_device_acc_attr_t at = { DDI_DEVICE_ATTR_V0,
					     DDI_NEVERSWAP_ACC,
					     DDI_MERGING_OK_ACC };

		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(0, NULL), 0);
		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(
				IOMEM_DATA_UC_WR_COMBINE, NULL), 1);
		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(
				IOMEM_DATA_UNCACHED, &at), 0);
		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(
				IOMEM_DATA_CACHED, &at), 1);
		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(0, &at), 1);
		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(
				IOMEM_DATA_UNCACHED |
				IOMEM_DATA_UC_WR_COMBINE, NULL), -1);
		at.devacc_attr_dataorder = DDI_STRICTORDER_ACC;
		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(0, &at), 0);
		at.devacc_attr_dataorder = DDI_STORECACHING_OK_ACC + 1;
		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(0, &at), -1);
		at.devacc_attr_dataorder = DDI_STRICTORDER_ACC;
		at.devacc_attr_version = 7;
		KUNIT_EXPECT_EQ(test, ddic_devmap_debug_devmem_wc(0, &at), -1);
	}
	/* No dev_info (a pseudo node is refused the same way). */
	KUNIT_EXPECT_EQ(test, devmap_devmem_setup(h, NULL, NULL, 1, 0,
						  PAGE_SIZE, PROT_ALL, 0,
						  NULL), DDI_FAILURE);
	ddic_devmap_debug_handle_free(h);
	ddi_umem_free(c);
}
#endif /* DDIC_DEBUG */

static void umem_model_convert(struct kunit *test)
{
	/* A kernel thread is native (LP64); ILP32 converts, LP64 not. */
	KUNIT_EXPECT_EQ(test, ddic_model_current(), DDI_MODEL_LP64);
	KUNIT_EXPECT_EQ(test, ddi_model_convert_from(DDI_MODEL_ILP32),
			DDI_MODEL_ILP32);
	KUNIT_EXPECT_EQ(test, ddi_model_convert_from(DDI_MODEL_LP64),
			DDI_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, ddi_model_convert_from(DDI_MODEL_ILP32 | 0x3),
			DDI_MODEL_ILP32);
}

/*
 * devmap_do_ctxmgt(9F): two threads switching one device's context (the
 * two handles map the same dev_t), with a timeout of CTX_TICKS: the
 * driver's callbacks never overlap, each starts at least CTX_TICKS after
 * the previous one ended, and each one's result comes back.
 */
#define CTX_TICKS	msecs_to_jiffies(30)
#define CTX_CALLS	4

struct ctx_rec {
	spinlock_t lock;
	int inside, overlaps, n, bad_gap, bad_ret;
	unsigned long last_end;
	devmap_cookie_t dhp[2];
	struct completion done[2];
};

static int ctx_switch_cb(devmap_cookie_t dhp, void *pvtp, offset_t off,
			 size_t len, uint_t type, uint_t rw)
{
	struct ctx_rec *r = pvtp;
	unsigned long now = jiffies;

	spin_lock(&r->lock);
	if (r->inside++)
		r->overlaps++;
	if (r->n++ && time_before(now, r->last_end + CTX_TICKS))
		r->bad_gap++;
	spin_unlock(&r->lock);
	usleep_range(5000, 6000);	/* the other thread tries meanwhile */
	spin_lock(&r->lock);
	r->inside--;
	r->last_end = jiffies;
	spin_unlock(&r->lock);
	return (int)off + 1;	/* each call's own result */
}

struct ctx_arg {
	struct ctx_rec *r;
	int id;
};

static int ctx_thread(void *arg)
{
	struct ctx_arg *a = arg;
	struct ctx_rec *r = a->r;
	int i, want;

	for (i = 0; i < CTX_CALLS; i++) {
		want = 10 * a->id + i + 1;
		if (devmap_do_ctxmgt(r->dhp[a->id], r, want - 1, PAGE_SIZE,
				     DEVMAP_ACCESS, DEVMAP_READ,
				     ctx_switch_cb) != want) {
			spin_lock(&r->lock);
			r->bad_ret++;
			spin_unlock(&r->lock);
		}
	}
	kthread_complete_and_exit(&r->done[a->id], 0);
}

static int ctx_nothing(devmap_cookie_t dhp, void *pvtp, offset_t off,
		       size_t len, uint_t type, uint_t rw)
{
	return 0;
}

static void umem_devmap_ctxmgt(struct kunit *test)
{
	struct ctx_rec *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	struct ctx_arg args[2];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, r);
	spin_lock_init(&r->lock);
	for (i = 0; i < 2; i++) {
		r->dhp[i] = ddic_devmap_debug_handle(PROT_READ);
		KUNIT_ASSERT_NOT_NULL(test, r->dhp[i]);
		devmap_set_ctx_timeout(r->dhp[i], CTX_TICKS);
		init_completion(&r->done[i]);
	}
	/* Misuse: no callback, or not a handle: the access fails. */
	KUNIT_EXPECT_EQ(test, devmap_do_ctxmgt(r->dhp[0], r, 0, PAGE_SIZE,
					       DEVMAP_ACCESS, DEVMAP_READ,
					       NULL), -1);
	KUNIT_EXPECT_EQ(test, devmap_do_ctxmgt((devmap_cookie_t)r, r, 0,
					       PAGE_SIZE, DEVMAP_ACCESS,
					       DEVMAP_READ, ctx_nothing), -1);
	for (i = 0; i < 2; i++) {
		args[i].r = r;
		args[i].id = i;
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(ctx_thread,
							    &args[i],
							    "ctxmgt%d", i)));
	}
	for (i = 0; i < 2; i++)
		wait_for_completion(&r->done[i]);
	KUNIT_EXPECT_EQ(test, r->n, 2 * CTX_CALLS);
	KUNIT_EXPECT_EQ(test, r->overlaps, 0);
	KUNIT_EXPECT_EQ(test, r->bad_gap, 0);
	KUNIT_EXPECT_EQ(test, r->bad_ret, 0);
	for (i = 0; i < 2; i++)
		ddic_devmap_debug_handle_free(r->dhp[i]);
}

static struct kunit_case umem_cases[] = {
	KUNIT_CASE(umem_size_zero),
	KUNIT_CASE(umem_rounding_and_zero_tail),
	KUNIT_CASE(umem_backend_choice),
	KUNIT_CASE(umem_unknown_flags_ignored),
	KUNIT_CASE(umem_trash),
	KUNIT_CASE(umem_impossible_request),
	KUNIT_CASE(umem_nosleep_under_spinlock),
	KUNIT_CASE(umem_nosleep_from_timer),
	KUNIT_CASE(umem_free_from_timer),
#ifdef CONFIG_FAULT_INJECTION
	KUNIT_CASE(umem_sleep_survives_fail_page_alloc),
#endif
	KUNIT_CASE(umem_lock_bad_arguments),
#ifdef DDIC_DEBUG
	KUNIT_CASE(umem_debug_call_site),
	KUNIT_CASE(umem_lives_while_referenced),
	KUNIT_CASE(umem_devmap_find_handle),
	KUNIT_CASE(umem_devmap_setup_refusals),
	KUNIT_CASE(umem_devmap_access),
	KUNIT_CASE(umem_devmap_ctxmgt),
#endif
	KUNIT_CASE(umem_model_convert),
	{}
};

static struct kunit_suite umem_suite = {
	.name = "ddi_compat_umem",
	.test_cases = umem_cases,
};

kunit_test_suite(umem_suite);
