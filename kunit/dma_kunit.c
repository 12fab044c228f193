// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_dma: what needs no device (ddi_compat/dma.c):
 * ddi_dma_attr_t validation and the DMA mask dma_attr_addr_hi gives, the
 * cutting of a bound object into cookies (dma_attr_seg, count_max,
 * maxxfer) and windows (sgllen, granular, DDI_DMA_PARTIAL), the cookie
 * functions both ways, and misuse refused without harm.  The handles are
 * bound to made-up bus ranges (ddic_dma_test_bind).
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <linux/dma-mapping.h>
#include <sys/types.h>
#include <sys/sunddi.h>

#include "../ddi_compat/devinfo.h"
#include "../ddi_compat/ddic_dma.h"
#include "../ddi_compat/ddic_core.h"

/* Byte addressing anywhere, 4 GiB segments, any s/g list. */
static const ddi_dma_attr_t dk_attr = {
	DMA_ATTR_V0, 0, 0xffffffffffffffffULL, 0xffffffffULL, 1, 0x7f, 1,
	0xffffffffULL, 0xffffffffULL, -1, 1, 0
};

static dev_info_t *dk_dip(struct kunit *test)
{
	struct ddic_driver *drv = kunit_kzalloc(test, sizeof(*drv), GFP_KERNEL);
	struct dev_info *dip = kunit_kzalloc(test, sizeof(*dip), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, drv);
	KUNIT_ASSERT_NOT_NULL(test, dip);
	strscpy(drv->name, "dmakunit", sizeof(drv->name));
	dip->drv = drv;
	return dip;
}

static ddi_dma_handle_t dk_handle(struct kunit *test, ddi_dma_attr_t *attr)
{
	ddi_dma_handle_t h = NULL;

	KUNIT_ASSERT_EQ(test, ddic_dma_test_handle(dk_dip(test), attr, &h),
			DDI_SUCCESS);
	KUNIT_ASSERT_NOT_NULL(test, h);
	return h;
}

static void dma_attr_checks(struct kunit *test)
{
	ddi_dma_attr_t a = dk_attr;
	ddi_dma_handle_t h = NULL;

	KUNIT_EXPECT_NULL(test, ddic_dma_attr_bad(&a));
	a.dma_attr_version = 1;
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(&a));
	KUNIT_EXPECT_EQ(test, ddic_dma_test_handle(dk_dip(test), &a, &h),
			DDI_DMA_BADATTR);
	KUNIT_EXPECT_NULL(test, h);
	a = dk_attr;
	a.dma_attr_addr_lo = a.dma_attr_addr_hi = 0x1000;
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(&a));
	a = dk_attr;
	a.dma_attr_sgllen = 0;			/* reserved */
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(&a));
	a = dk_attr;
	a.dma_attr_count_max = 0;
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(&a));
	a = dk_attr;
	a.dma_attr_seg = 0;
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(&a));
	a = dk_attr;
	a.dma_attr_align = 3;
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(&a));
	a = dk_attr;
	a.dma_attr_addr_hi = 0xffff;		/* below any DMA zone */
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(&a));
	a = dk_attr;
	a.dma_attr_flags = 0x8000;
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(&a));
	a = dk_attr;
	a.dma_attr_flags = DDI_DMA_FORCE_PHYSICAL | DDI_DMA_RELAXED_ORDERING;
	KUNIT_EXPECT_NULL(test, ddic_dma_attr_bad(&a));
	KUNIT_EXPECT_NOT_NULL(test, ddic_dma_attr_bad(NULL));
}

static void dma_mask_of_addr_hi(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ddic_dma_mask_of(0x0fffffffULL), DMA_BIT_MASK(28));
	KUNIT_EXPECT_EQ(test, ddic_dma_mask_of(0xffffffffULL), DMA_BIT_MASK(32));
	KUNIT_EXPECT_EQ(test, ddic_dma_mask_of(0x0ffffffeULL), DMA_BIT_MASK(27));
	KUNIT_EXPECT_EQ(test, ddic_dma_mask_of(0x10000000ULL), DMA_BIT_MASK(28));
	KUNIT_EXPECT_EQ(test, ddic_dma_mask_of(U64_MAX), DMA_BIT_MASK(64));
	KUNIT_EXPECT_EQ(test, ddic_dma_mask_of(0x00ffffffULL), DMA_BIT_MASK(24));
}

/* dma_attr_seg: no cookie crosses a 64 KiB boundary; count_max caps. */
static void dma_cookies_seg_count(struct kunit *test)
{
	ddi_dma_attr_t a = dk_attr;
	struct ddic_dmaseg seg = { 0x1f000, 0x30000 };
	const ddi_dma_cookie_t *c;
	ddi_dma_cookie_t first, nc;
	ddi_dma_handle_t h;
	u64 addr = seg.addr, total = 0;
	uint_t n = 0, i = 0;

	a.dma_attr_seg = 0xffff;
	a.dma_attr_count_max = 0x7fff;		/* 32 KiB cookies at most */
	h = dk_handle(test, &a);
	KUNIT_ASSERT_EQ(test, ddic_dma_test_bind(h, &seg, 1, DDI_DMA_RDWR,
						 &first, &n), DDI_DMA_MAPPED);
	/* 0x1f000+0x1000 | 0x20000+0x8000 x2 | 0x30000+0x8000 x2 | 0x40000+0xf000 */
	KUNIT_EXPECT_EQ(test, n, 7u);
	KUNIT_EXPECT_EQ(test, ddi_dma_ncookies(h), 7u);
	KUNIT_EXPECT_EQ(test, first.dmac_laddress, 0x1f000ULL);
	KUNIT_EXPECT_EQ(test, first.dmac_size, (size_t)0x1000);
	KUNIT_EXPECT_EQ(test, first.dmac_address, 0x1f000u);
	for (c = ddi_dma_cookie_iter(h, NULL); c; c = ddi_dma_cookie_iter(h, c)) {
		KUNIT_EXPECT_EQ(test, c->dmac_laddress, addr);
		KUNIT_EXPECT_LE(test, c->dmac_size, (size_t)0x8000);
		KUNIT_EXPECT_EQ(test, c->dmac_laddress >> 16,
				(c->dmac_laddress + c->dmac_size - 1) >> 16);
		KUNIT_EXPECT_PTR_EQ(test, c, ddi_dma_cookie_get(h, i));
		addr += c->dmac_size;
		total += c->dmac_size;
		i++;
	}
	KUNIT_EXPECT_EQ(test, i, 7u);
	KUNIT_EXPECT_EQ(test, total, seg.len);
	KUNIT_EXPECT_NULL(test, ddi_dma_cookie_get(h, 7));
	/* ddi_dma_nextcookie walks from the second. */
	ddi_dma_nextcookie(h, &nc);
	KUNIT_EXPECT_EQ(test, nc.dmac_laddress, 0x20000ULL);
	ddi_dma_nextcookie(h, &nc);
	KUNIT_EXPECT_EQ(test, nc.dmac_laddress, 0x28000ULL);
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(h), DDI_SUCCESS);
	ddi_dma_free_handle(&h);
	KUNIT_EXPECT_NULL(test, h);
}

/* dma_attr_maxxfer caps cookies too; one cookie: ddi_dma_cookie_one. */
static void dma_cookies_maxxfer_one(struct kunit *test)
{
	ddi_dma_attr_t a = dk_attr;
	struct ddic_dmaseg seg = { 0x100000, 0x3000 };
	ddi_dma_handle_t h;
	uint_t n = 0;

	a.dma_attr_maxxfer = 0x1000;
	h = dk_handle(test, &a);
	KUNIT_ASSERT_EQ(test, ddic_dma_test_bind(h, &seg, 1, DDI_DMA_WRITE,
						 NULL, &n), DDI_DMA_MAPPED);
	KUNIT_EXPECT_EQ(test, n, 3u);
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(h), DDI_SUCCESS);
	seg.len = 0x800;
	KUNIT_ASSERT_EQ(test, ddic_dma_test_bind(h, &seg, 1, DDI_DMA_WRITE,
						 NULL, NULL), DDI_DMA_MAPPED);
	KUNIT_EXPECT_EQ(test, ddi_dma_cookie_one(h)->dmac_laddress, 0x100000ULL);
	KUNIT_EXPECT_EQ(test, ddi_dma_cookie_one(h)->dmac_size, (size_t)0x800);
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(h), DDI_SUCCESS);
	ddi_dma_free_handle(&h);
}

/* sgllen 2, granular 512: windows of at most two cookies, 512-multiples. */
static void dma_windows_partial(struct kunit *test)
{
	ddi_dma_attr_t a = dk_attr;
	/*
	 * Five scattered pieces of 700 bytes, 3500 in all: the windows are
	 * 1024, 1024 and 512 (cookies split to get there) and the last 940.
	 */
	struct ddic_dmaseg segs[5] = {
		{ 0x10000, 700 }, { 0x20000, 700 }, { 0x30000, 700 },
		{ 0x40000, 700 }, { 0x50000, 700 },
	};
	const ddi_dma_cookie_t *c;
	ddi_dma_cookie_t first;
	ddi_dma_handle_t h;
	uint_t nwin = 0, w, n;
	off_t off, expect = 0;
	size_t len, sum;

	a.dma_attr_sgllen = 2;
	a.dma_attr_granular = 512;
	h = dk_handle(test, &a);
	/* Without DDI_DMA_PARTIAL: too big, and the handle stays unbound. */
	KUNIT_EXPECT_EQ(test, ddic_dma_test_bind(h, segs, 5, DDI_DMA_READ,
						 &first, &n), DDI_DMA_TOOBIG);
	KUNIT_EXPECT_EQ(test, ddi_dma_ncookies(h), 0u);
	KUNIT_EXPECT_EQ(test, ddi_dma_numwin(h, &nwin), DDI_FAILURE);

	KUNIT_ASSERT_EQ(test, ddic_dma_test_bind(h, segs, 5, DDI_DMA_READ |
						 DDI_DMA_PARTIAL, &first, &n),
			DDI_DMA_PARTIAL_MAP);
	KUNIT_ASSERT_EQ(test, ddi_dma_numwin(h, &nwin), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, nwin, 4u);
	for (w = 0; w < nwin; w++) {
		KUNIT_ASSERT_EQ(test, ddi_dma_getwin(h, w, &off, &len, &first,
						     &n), DDI_SUCCESS);
		KUNIT_EXPECT_EQ(test, off, expect);
		KUNIT_EXPECT_LE(test, n, 2u);
		KUNIT_EXPECT_EQ(test, ddi_dma_ncookies(h), n);
		KUNIT_EXPECT_EQ(test, first.dmac_laddress,
				ddi_dma_cookie_get(h, 0)->dmac_laddress);
		sum = 0;
		for (c = ddi_dma_cookie_iter(h, NULL); c;
		     c = ddi_dma_cookie_iter(h, c))
			sum += c->dmac_size;
		KUNIT_EXPECT_EQ(test, sum, len);
		if (w + 1 < nwin)
			KUNIT_EXPECT_EQ(test, len % 512, (size_t)0);
		expect += len;
	}
	KUNIT_EXPECT_EQ(test, expect, (off_t)3500);
	KUNIT_EXPECT_EQ(test, ddi_dma_getwin(h, nwin, &off, &len, &first, &n),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(h), DDI_SUCCESS);
	ddi_dma_free_handle(&h);
}

/* A window can never be a multiple of granular: TOOBIG even with PARTIAL. */
static void dma_windows_impossible(struct kunit *test)
{
	ddi_dma_attr_t a = dk_attr;
	struct ddic_dmaseg segs[2] = { { 0x10000, 100 }, { 0x20000, 100 } };
	ddi_dma_handle_t h;

	a.dma_attr_sgllen = 1;
	a.dma_attr_granular = 512;
	h = dk_handle(test, &a);
	KUNIT_EXPECT_EQ(test, ddic_dma_test_bind(h, segs, 2, DDI_DMA_WRITE |
						 DDI_DMA_PARTIAL, NULL, NULL),
			DDI_DMA_TOOBIG);
	KUNIT_EXPECT_EQ(test, ddi_dma_ncookies(h), 0u);
	ddi_dma_free_handle(&h);
	KUNIT_EXPECT_NULL(test, h);
}

/* Bus ranges outside dma_attr_addr_lo/hi are refused. */
static void dma_addr_range(struct kunit *test)
{
	ddi_dma_attr_t a = dk_attr;
	struct ddic_dmaseg seg = { 0x0ffff000, 0x2000 };
	ddi_dma_handle_t h;

	a.dma_attr_addr_hi = 0x0fffffff;
	h = dk_handle(test, &a);
	KUNIT_EXPECT_EQ(test, ddic_dma_test_bind(h, &seg, 1, DDI_DMA_WRITE,
						 NULL, NULL), DDI_DMA_NOMAPPING);
	seg.len = 0x1000;
	KUNIT_EXPECT_EQ(test, ddic_dma_test_bind(h, &seg, 1, DDI_DMA_WRITE,
						 NULL, NULL), DDI_DMA_MAPPED);
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(h), DDI_SUCCESS);
	ddi_dma_free_handle(&h);
}

/* Misuse is refused and leaves the handle as it was. */
static void dma_misuse(struct kunit *test)
{
	struct ddic_dmaseg seg = { 0x10000, 0x2000 }, seg2 = { 0x90000, 0x10 };
	ddi_dma_attr_t a = dk_attr;
	ddi_dma_cookie_t c;
	ddi_dma_handle_t h, h2;
	uint_t n, nw;

	a.dma_attr_count_max = 0xfff;
	h = dk_handle(test, &a);
	/* Unbound: sync, unbind, windows and cookies refuse. */
	KUNIT_EXPECT_EQ(test, ddi_dma_sync(h, 0, 0, DDI_DMA_SYNC_FORDEV),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(h), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dma_numwin(h, &nw), DDI_FAILURE);
	KUNIT_EXPECT_NULL(test, ddi_dma_cookie_iter(h, NULL));
	KUNIT_EXPECT_NULL(test, ddi_dma_cookie_get(h, 0));
	KUNIT_EXPECT_EQ(test, ddi_dma_cookie_one(h)->dmac_size, (size_t)0);

	KUNIT_ASSERT_EQ(test, ddic_dma_test_bind(h, &seg, 1, DDI_DMA_RDWR, &c,
						 &n), DDI_DMA_MAPPED);
	KUNIT_EXPECT_EQ(test, n, 2u);
	/* Bind of a bound handle: INUSE, the first binding kept. */
	KUNIT_EXPECT_EQ(test, ddic_dma_test_bind(h, &seg2, 1, DDI_DMA_READ,
						 &c, &n), DDI_DMA_INUSE);
	KUNIT_EXPECT_EQ(test, ddi_dma_ncookies(h), 2u);
	KUNIT_EXPECT_EQ(test, ddi_dma_cookie_get(h, 1)->dmac_laddress,
			0x11000ULL);
	/* Free of a bound handle: refused, the handle still works. */
	h2 = h;
	ddi_dma_free_handle(&h2);
	KUNIT_EXPECT_PTR_EQ(test, h2, h);
	KUNIT_EXPECT_EQ(test, ddi_check_dma_handle(h), DDI_SUCCESS);
	/* Sync: out of range refused, bad type refused, the rest works. */
	KUNIT_EXPECT_EQ(test, ddi_dma_sync(h, 0x2000, 0, DDI_DMA_SYNC_FORCPU),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dma_sync(h, -1, 0, DDI_DMA_SYNC_FORCPU),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dma_sync(h, 0, 0, 7), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dma_sync(h, 0x100, 0x100000,
					   DDI_DMA_SYNC_FORKERNEL), DDI_SUCCESS);
	/* Two cookies: ddi_dma_cookie_one warns and gives the first. */
	KUNIT_EXPECT_EQ(test, ddi_dma_cookie_one(h)->dmac_laddress, 0x10000ULL);
	/* A cookie pointer not of the handle. */
	KUNIT_EXPECT_NULL(test, ddi_dma_cookie_iter(h, &c));
	/* nextcookie past the end: a zero cookie, nothing overrun. */
	ddi_dma_nextcookie(h, &c);
	KUNIT_EXPECT_EQ(test, c.dmac_laddress, 0x11000ULL);
	ddi_dma_nextcookie(h, &c);
	KUNIT_EXPECT_EQ(test, c.dmac_size, (size_t)0);
	/* Double unbind. */
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(h), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(h), DDI_FAILURE);
	ddi_dma_free_handle(&h);
	KUNIT_EXPECT_NULL(test, h);
	/* Not a handle at all. */
	KUNIT_EXPECT_EQ(test, ddi_check_dma_handle(NULL), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dma_unbind_handle(NULL), DDI_FAILURE);
	ddi_dma_free_handle(NULL);
}

/*
 * A callback given as waitfp to a call that failed for want of
 * resources runs when resources are given back (here: a handle freed),
 * once per give-back while it returns DDI_DMA_CALLBACK_RUNOUT, never
 * again once it returns DDI_DMA_CALLBACK_DONE; the same function and
 * arg wait once; DDI_DMA_SLEEP and DDI_DMA_DONTWAIT are not callbacks.
 */
static int dk_cb_calls, dk_cb_runouts;
static caddr_t dk_cb_arg;

static int dk_cb(caddr_t arg)
{
	dk_cb_calls++;
	dk_cb_arg = arg;
	if (dk_cb_runouts > 0) {
		dk_cb_runouts--;
		return DDI_DMA_CALLBACK_RUNOUT;
	}
	return DDI_DMA_CALLBACK_DONE;
}

static void dk_give_back(struct kunit *test)
{
	ddi_dma_attr_t a = dk_attr;
	ddi_dma_handle_t h = dk_handle(test, &a);

	ddi_dma_free_handle(&h);
	ddic_dma_test_flush();
}

static void dma_resource_callback(struct kunit *test)
{
	static char arg[1];

	dk_cb_calls = 0;
	dk_cb_runouts = 1;
	ddic_dma_test_callback(dk_cb, arg);
	ddic_dma_test_callback(dk_cb, arg);		/* waits once */
	ddic_dma_test_callback(DDI_DMA_SLEEP, arg);	/* not callbacks */
	ddic_dma_test_callback(DDI_DMA_DONTWAIT, arg);
	KUNIT_EXPECT_EQ(test, dk_cb_calls, 0);
	dk_give_back(test);
	KUNIT_EXPECT_EQ(test, dk_cb_calls, 1);		/* RUNOUT: again */
	KUNIT_EXPECT_PTR_EQ(test, dk_cb_arg, (caddr_t)arg);
	dk_give_back(test);
	KUNIT_EXPECT_EQ(test, dk_cb_calls, 2);		/* DONE: forgotten */
	dk_give_back(test);
	KUNIT_EXPECT_EQ(test, dk_cb_calls, 2);
}

/*
 * A driver module that unloads loses its waiting callbacks, the one a
 * run just put back (RUNOUT) too: none is called afterwards.
 */
static void dma_callback_dropped_at_unload(struct kunit *test)
{
	static char arg[1];

	dk_cb_calls = 0;
	dk_cb_runouts = 100;			/* always RUNOUT */
	ddic_dma_test_callback(dk_cb, arg);
	dk_give_back(test);
	KUNIT_EXPECT_EQ(test, dk_cb_calls, 1);	/* and put back */
	ddic_dma_module_going(THIS_MODULE);
	dk_give_back(test);
	KUNIT_EXPECT_EQ(test, dk_cb_calls, 1);
	dk_cb_runouts = 0;
}

/* A node that is not a PCI function has no DMA. */
static void dma_refuse_pseudo(struct kunit *test)
{
	ddi_dma_attr_t a = dk_attr;
	ddi_dma_handle_t h = NULL;

	KUNIT_EXPECT_NE(test, ddi_dma_alloc_handle(dk_dip(test), &a,
						   DDI_DMA_SLEEP, NULL, &h),
			DDI_SUCCESS);
	KUNIT_EXPECT_NULL(test, h);
}

static struct kunit_case dma_cases[] = {
	KUNIT_CASE(dma_attr_checks),
	KUNIT_CASE(dma_mask_of_addr_hi),
	KUNIT_CASE(dma_cookies_seg_count),
	KUNIT_CASE(dma_cookies_maxxfer_one),
	KUNIT_CASE(dma_windows_partial),
	KUNIT_CASE(dma_windows_impossible),
	KUNIT_CASE(dma_addr_range),
	KUNIT_CASE(dma_misuse),
	KUNIT_CASE(dma_refuse_pseudo),
	KUNIT_CASE(dma_resource_callback),
	KUNIT_CASE(dma_callback_dropped_at_unload),
	{}
};

static struct kunit_suite dma_suite = {
	.name = "ddi_compat_dma",
	.test_cases = dma_cases,
};
kunit_test_suite(dma_suite);
