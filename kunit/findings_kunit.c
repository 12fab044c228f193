// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_findings: the regression cases of audit 2's
 * later findings (issue 11) that need no user process.
 *   15: freeing a vmalloc'ed umem cookie from atomic context leaves its
 *       memory as it was (the deferral's link is not written into it).
 */
#include <kunit/test.h>
#include <linux/highmem.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/vmalloc.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <ddi_compat/testing.h>

#define FND_UMEM	(64 * 1024)	/* above the page allocator's limit */

/* Finding 15: deferred vfree must not store a pointer in the area. */
static void umem_free_atomic_keeps_memory(struct kunit *test)
{
	ddi_umem_cookie_t c;
	struct page *pg;
	u64 *p;
	void *k;

	k = ddi_umem_alloc(FND_UMEM, DDI_UMEM_SLEEP, &c);
	KUNIT_ASSERT_NOT_NULL(test, k);
	if (!is_vmalloc_addr(k)) {
		ddi_umem_free(c);
		kunit_skip(test, "the cookie is not vmalloc'ed");
	}
	memset(k, 0xa5, FND_UMEM);
	/* What a GUP reference would hold past the free. */
	pg = vmalloc_to_page(k);
	get_page(pg);
	preempt_disable();
	ddi_umem_free(c);
	preempt_enable();
	ddic_defer_flush();
	p = kmap_local_page(pg);
	KUNIT_EXPECT_EQ(test, p[0], 0xa5a5a5a5a5a5a5a5ULL);
	KUNIT_EXPECT_EQ(test, p[1], 0xa5a5a5a5a5a5a5a5ULL);
	kunmap_local(p);
	put_page(pg);
}

static struct kunit_case findings_cases[] = {
	KUNIT_CASE(umem_free_atomic_keeps_memory),
	{}
};

static struct kunit_suite findings_suite = {
	.name = "ddi_compat_findings",
	.test_cases = findings_cases,
};

kunit_test_suites(&findings_suite);
