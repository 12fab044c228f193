// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_rmap: resource maps, rmallocmap(9F), rmalloc(9F),
 * rmfree(9F) and friends: seed 003's two examples and a table of edge cases.
 * It uses the DDIC_DEBUG hooks (statistics, invariant check, no-growth),
 * so it exists on debug builds only.
 */
#define _DDI_COMPAT_IMPL	/* Linux's min() and friends in this file */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/sched/signal.h>
#include <sys/map.h>
#include <sys/ddi.h>
#include <sys/kmem.h>
#include <ddi_compat/testing.h>
#include "rmap_kunit.h"

#ifdef DDIC_DEBUG

/* The map's free segments, for comparing with an expected list. */
struct rm_segs {
	int n;
	unsigned long s[64][2];
};

static int rm_collect(unsigned long start, unsigned long size, void *arg)
{
	struct rm_segs *r = arg;

	if (r->n == ARRAY_SIZE(r->s))
		return -E2BIG;
	r->s[r->n][0] = start;
	r->s[r->n][1] = size;
	r->n++;
	return 0;
}

/* Expect exactly the segments {start, size} listed in @exp. */
static void rm_expect_segs(struct kunit *test, struct map *mp,
			   const unsigned long (*exp)[2], int n)
{
	struct rm_segs *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_ASSERT_EQ(test, ddic_rmap_debug_walk(mp, rm_collect, r), 0);
	KUNIT_EXPECT_EQ(test, r->n, n);
	for (i = 0; i < min(n, r->n); i++) {
		KUNIT_EXPECT_EQ(test, r->s[i][0], exp[i][0]);
		KUNIT_EXPECT_EQ(test, r->s[i][1], exp[i][1]);
	}
	KUNIT_EXPECT_EQ(test, ddic_rmap_debug_check(mp), 0);
}

/* ---- seed 003 --------------------------------------------------------- */

#define XX_MAPSIZE	12
#define XX_BUFSIZE	2560
#define XX_MAXSIZE	(XX_BUFSIZE / 4)

/* Example 1: a start routine maps a private buffer with one rmfree(). */
static void rmfree_example1_private_buffer(struct kunit *test)
{
	struct ddic_rmap_stats st;
	struct map *xx_mp;
	caddr_t bp;

	bp = kmem_alloc(XX_BUFSIZE, KM_NOSLEEP);
	KUNIT_ASSERT_NOT_NULL(test, bp);
	xx_mp = rmallocmap(XX_MAPSIZE);
	KUNIT_ASSERT_NOT_NULL(test, xx_mp);
	st = rm_stats(test, xx_mp);
	KUNIT_EXPECT_EQ(test, st.free_units, 0UL);
	KUNIT_EXPECT_EQ(test, st.slots, (unsigned long)XX_MAPSIZE);
	KUNIT_EXPECT_EQ(test, st.spare_slots, (unsigned long)XX_MAPSIZE);

	rmfree(xx_mp, XX_BUFSIZE, (unsigned long)bp);
	st = rm_stats(test, xx_mp);
	KUNIT_EXPECT_EQ(test, st.free_units, (unsigned long)XX_BUFSIZE);
	KUNIT_EXPECT_EQ(test, st.free_segs, 1UL);
	/* The whole buffer can be had in one piece, at its start. */
	KUNIT_EXPECT_EQ(test, rmalloc(xx_mp, XX_BUFSIZE), (unsigned long)bp);
	KUNIT_EXPECT_EQ(test, rmalloc(xx_mp, 1), 0UL);
	rmfree(xx_mp, XX_BUFSIZE, (unsigned long)bp);
	KUNIT_EXPECT_EQ(test, ddic_rmap_debug_check(xx_mp), 0);
	rmfreemap(xx_mp);
	kmem_free(bp, XX_BUFSIZE);
}

/*
 * Example 2's read routine; uiomove() fails when @fault is set.  Errors
 * are negative here (a KUnit helper), where the driver returns EFAULT.
 */
static int rm_xxread(struct map *xx_mp, int count, const char *src,
		     bool fault, unsigned long *got)
{
	caddr_t addr;
	int size;

	size = min(count, XX_MAXSIZE);
	addr = (caddr_t)rmalloc(xx_mp, size);
	*got = (unsigned long)addr;
	if (!addr)
		return -ENOMEM;	/* the manual panics here */
	if (fault) {
		rmfree(xx_mp, size, (unsigned long)addr);
		return -EFAULT;
	}
	memcpy(addr, src, size);
	return 0;
}

static void rmalloc_example2_read_routine(struct kunit *test)
{
	struct ddic_rmap_stats st;
	struct map *xx_mp;
	unsigned long got[5];
	char *src;
	caddr_t bp;
	int i;

	bp = kmem_zalloc(XX_BUFSIZE, KM_SLEEP);
	src = kunit_kmalloc(test, XX_MAXSIZE, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, src);
	memset(src, 'q', XX_MAXSIZE);
	xx_mp = rm_map(test, XX_MAPSIZE);
	rmfree(xx_mp, XX_BUFSIZE, (unsigned long)bp);

	/* A large request is broken into XX_MAXSIZE pieces, lowest first. */
	for (i = 0; i < 4; i++) {
		KUNIT_EXPECT_EQ(test, rm_xxread(xx_mp, 100000, src, false,
						 &got[i]), 0);
		KUNIT_EXPECT_EQ(test, got[i],
				(unsigned long)bp + i * XX_MAXSIZE);
	}
	KUNIT_EXPECT_EQ(test, bp[XX_BUFSIZE - 1], 'q');
	/* The map is empty now. */
	KUNIT_EXPECT_EQ(test, rm_xxread(xx_mp, 10, src, false, &got[4]),
			-ENOMEM);
	KUNIT_EXPECT_EQ(test, got[4], 0UL);

	/* Return the second piece; a faulting read takes and gives it back. */
	rmfree(xx_mp, XX_MAXSIZE, got[1]);
	KUNIT_EXPECT_EQ(test, rm_xxread(xx_mp, 300, src, true, &got[4]),
			-EFAULT);
	KUNIT_EXPECT_EQ(test, got[4], got[1]);
	st = rm_stats(test, xx_mp);
	KUNIT_EXPECT_EQ(test, st.free_units, (unsigned long)XX_MAXSIZE);
	/* A small read lands at the start of the returned piece. */
	KUNIT_EXPECT_EQ(test, rm_xxread(xx_mp, 300, src, false, &got[4]), 0);
	KUNIT_EXPECT_EQ(test, got[4], got[1]);
	rmfree(xx_mp, 300, got[4]);

	for (i = 0; i < 4; i++)
		if (i != 1)
			rmfree(xx_mp, XX_MAXSIZE, got[i]);
	st = rm_stats(test, xx_mp);
	KUNIT_EXPECT_EQ(test, st.free_units, (unsigned long)XX_BUFSIZE);
	KUNIT_EXPECT_EQ(test, st.free_segs, 1UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 0UL);
	KUNIT_EXPECT_EQ(test, st.refused, 0UL);
	rmfreemap(xx_mp);
	kmem_free(bp, XX_BUFSIZE);
}

/* ---- edge cases -------------------------------------------------------- */

/*
 * A table of calls on a map seeded with [100, 200) and [300, 400), each
 * with the result expected and the segments the map must hold after it.
 */
enum rm_op { RM_ALLOC, RM_FREE };

struct rm_edge {
	const char *what;
	enum rm_op op;
	unsigned long size, index;
	unsigned long ret;		/* RM_ALLOC: index returned */
	bool refused;
	int nsegs;
	unsigned long segs[3][2];
};

static const struct rm_edge rm_edges[] = {
	{ "rmalloc size 0", RM_ALLOC, 0, 0, 0, true,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmfree size 0", RM_FREE, 0, 250, 0, true,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmfree index 0", RM_FREE, 10, 0, 0, true,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmfree wrapping past the top", RM_FREE, 10, ULONG_MAX - 5, 0, true,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmfree of free space (double free)", RM_FREE, 10, 150, 0, true,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmfree overlapping a free start", RM_FREE, 20, 90, 0, true,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmfree overlapping a free end", RM_FREE, 20, 390, 0, true,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmfree covering a free segment", RM_FREE, 300, 50, 0, true,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmalloc more than any segment", RM_ALLOC, 101, 0, 0, false,
	  2, { { 100, 100 }, { 300, 100 } } },
	{ "rmalloc first fit at lowest index", RM_ALLOC, 30, 0, 100, false,
	  2, { { 130, 70 }, { 300, 100 } } },
	{ "rmalloc skips a segment too small", RM_ALLOC, 80, 0, 300, false,
	  2, { { 130, 70 }, { 380, 20 } } },
	{ "rmalloc takes a whole segment", RM_ALLOC, 70, 0, 130, false,
	  1, { { 380, 20 } } },
	{ "rmfree merging with the segment above", RM_FREE, 30, 350, 0, false,
	  1, { { 350, 50 } } },
	{ "rmfree merging with the segment below", RM_FREE, 20, 400, 0, false,
	  1, { { 350, 70 } } },
	{ "rmfree apart from all", RM_FREE, 10, 100, 0, false,
	  2, { { 100, 10 }, { 350, 70 } } },
	{ "rmfree touching two free neighbours", RM_FREE, 240, 110, 0, false,
	  1, { { 100, 320 } } },
	{ "rmfree at the top of the index space", RM_FREE, 400,
	  ULONG_MAX - 400, 0, false,
	  2, { { 100, 320 }, { ULONG_MAX - 400, 400 } } },
	{ "rmalloc from the top", RM_ALLOC, 400, 0, ULONG_MAX - 400, false,
	  1, { { 100, 320 } } },
};

static void rmalloc_rmfree_edge_cases(struct kunit *test)
{
	struct ddic_rmap_stats before, after;
	unsigned long ret;
	struct map *mp;
	int i;

	mp = rm_map(test, 4);
	rmfree(mp, 100, 100);
	rmfree(mp, 100, 300);
	for (i = 0; i < ARRAY_SIZE(rm_edges); i++) {
		const struct rm_edge *e = &rm_edges[i];

		before = rm_stats(test, mp);
		if (e->op == RM_ALLOC) {
			ret = rmalloc(mp, e->size);
			KUNIT_EXPECT_EQ_MSG(test, ret, e->ret, "%s", e->what);
		} else {
			rmfree(mp, e->size, e->index);
		}
		after = rm_stats(test, mp);
		KUNIT_EXPECT_EQ_MSG(test, after.refused - before.refused,
				    (unsigned long)e->refused, "%s", e->what);
		KUNIT_EXPECT_EQ_MSG(test, after.lost_units, 0UL, "%s",
				    e->what);
		rm_expect_segs(test, mp, e->segs, e->nsegs);
		/* On failure, say which row (the 6.1 KUnit log is small). */
		if (test->status == KUNIT_FAILURE)
			kunit_info(test, "failed at row: %s", e->what);
	}
	rmfreemap(mp);
}

static void rmalloc_null_map(struct kunit *test)
{
	/* Refused with a warning; nothing to check but that 0 comes back. */
	KUNIT_EXPECT_EQ(test, rmalloc(NULL, 10), 0UL);
	KUNIT_EXPECT_EQ(test, rmalloc_wait(NULL, 10), 0UL);
	rmfree(NULL, 10, 100);
	rmfreemap(NULL);
	KUNIT_EXPECT_NULL(test, rmallocmap(0));
	KUNIT_EXPECT_NULL(test, rmallocmap_wait(0));
}

/* mapsize slots hold mapsize segments without growing or losing. */
static void rmallocmap_slots_reserved(struct kunit *test)
{
	struct ddic_rmap_stats st;
	struct map *mp = rm_map(test, 8);
	int i;

	ddic_rmap_debug_nogrow(mp, 1);
	for (i = 0; i < 8; i++)
		rmfree(mp, 5, 10 + 10 * i);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.free_segs, 8UL);
	KUNIT_EXPECT_EQ(test, st.slots, 8UL);
	KUNIT_EXPECT_EQ(test, st.spare_slots, 0UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 0UL);
	rmfreemap(mp);
}

/* A full map with growth forbidden takes the classic discard. */
static void rmfree_full_map_discards(struct kunit *test)
{
	static const unsigned long segs[2][2] = { { 10, 5 }, { 30, 5 } };
	static const unsigned long merged[2][2] = { { 10, 5 }, { 20, 15 } };
	struct ddic_rmap_stats st;
	struct map *mp = rm_map(test, 2);

	ddic_rmap_debug_nogrow(mp, 1);
	rmfree(mp, 5, 10);
	rmfree(mp, 5, 30);
	rmfree(mp, 5, 50);		/* needs a third slot: lost */
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.lost_units, 5UL);
	KUNIT_EXPECT_EQ(test, st.lost_events, 1UL);
	KUNIT_EXPECT_EQ(test, st.free_units, 10UL);
	KUNIT_EXPECT_EQ(test, st.refused, 0UL);
	rm_expect_segs(test, mp, segs, 2);
	/* A free that merges needs no slot and still works when full. */
	rmfree(mp, 10, 20);
	rm_expect_segs(test, mp, merged, 2);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.lost_units, 5UL);
	/* The lost range is not in the map: it can be given again. */
	ddic_rmap_debug_nogrow(mp, 0);
	rmfree(mp, 5, 50);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.free_segs, 3UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 5UL);
	KUNIT_EXPECT_EQ(test, st.refused, 0UL);
	rmfreemap(mp);
}

/* A full map that may grow, from process and from atomic context. */
static void rmfree_full_map_grows(struct kunit *test)
{
	struct ddic_rmap_stats st;
	struct map *mp = rm_map(test, 2);
	unsigned long flags;
	int i;

	for (i = 0; i < 50; i++)
		rmfree(mp, 1, 10 + 2 * i);
	local_irq_save(flags);
	for (i = 50; i < 100; i++)
		rmfree(mp, 1, 10 + 2 * i);
	local_irq_restore(flags);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.free_segs, 100UL);
	KUNIT_EXPECT_GE(test, st.slots, 100UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 0UL);
	KUNIT_EXPECT_EQ(test, ddic_rmap_debug_check(mp), 0);
	/* Filling the holes merges everything back into one segment. */
	for (i = 0; i < 100; i++)
		rmfree(mp, 1, 11 + 2 * i);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.free_segs, 1UL);
	KUNIT_EXPECT_EQ(test, st.free_units, 200UL);
	KUNIT_EXPECT_EQ(test, st.spare_slots, st.slots - 1);
	rmfreemap(mp);
}

static void rmallocmap_one_slot(struct kunit *test)
{
	static const unsigned long two[2][2] = { { 11, 10 }, { 31, 70 } };
	struct ddic_rmap_stats st;
	struct map *mp = rm_map(test, 1);

	rmfree(mp, 100, 1);
	KUNIT_EXPECT_EQ(test, rmalloc(mp, 10), 1UL);
	KUNIT_EXPECT_EQ(test, rmalloc(mp, 10), 11UL);
	KUNIT_EXPECT_EQ(test, rmalloc(mp, 10), 21UL);
	/* Freeing the middle piece needs a second slot: the map grows. */
	rmfree(mp, 10, 11);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.free_segs, 2UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 0UL);
	KUNIT_EXPECT_GE(test, st.slots, 2UL);
	rm_expect_segs(test, mp, two, 2);
	rmfree(mp, 10, 1);
	rmfree(mp, 10, 21);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.free_segs, 1UL);
	KUNIT_EXPECT_EQ(test, st.free_units, 100UL);
	KUNIT_EXPECT_EQ(test, st.out_units, 0UL);
	rmfreemap(mp);
}

static void rmfreemap_outstanding(struct kunit *test)
{
	struct ddic_rmap_stats st;
	struct map *mp = rm_map(test, 4);

	rmfree(mp, 100, 1000);
	KUNIT_EXPECT_EQ(test, rmalloc(mp, 30), 1000UL);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.out_units, 30UL);
	KUNIT_EXPECT_EQ(test, st.free_units, 70UL);
	/* Warns with the numbers and frees the map (kmemleak checks it). */
	rmfreemap(mp);
}

/* Space added while allocations are out never makes the count wrong. */
static void rmfree_outstanding_lower_bound(struct kunit *test)
{
	struct ddic_rmap_stats st;
	struct map *mp = rm_map(test, 4);
	unsigned long a;

	rmfree(mp, 100, 1000);
	a = rmalloc(mp, 40);
	rmfree(mp, 50, 5000);		/* new space, not a return */
	st = rm_stats(test, mp);
	KUNIT_EXPECT_LE(test, st.out_units, 40UL);
	rmfree(mp, 40, a);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.out_units, 0UL);
	KUNIT_EXPECT_EQ(test, st.free_units, 150UL);
	rmfreemap(mp);
}

static void rmallocmap_debugfs_entry(struct kunit *test)
{
	struct dentry *top, *dir, *d;
	struct map *mp = rm_map(test, 2);
	char name[64];

	strscpy(name, ddic_rmap_debug_name(mp), sizeof(name));
	KUNIT_EXPECT_EQ(test, strncmp(name, "rm_map.", 7), 0);
	ddic_rmap_debug_sync();
	top = debugfs_lookup("ddi_compat", NULL);
	KUNIT_ASSERT_NOT_NULL(test, top);
	dir = debugfs_lookup("rmap", top);
	KUNIT_ASSERT_NOT_NULL(test, dir);
	d = debugfs_lookup(name, dir);
	KUNIT_EXPECT_NOT_NULL(test, d);
	dput(d);
	rmfreemap(mp);
	ddic_rmap_debug_sync();
	d = debugfs_lookup(name, dir);
	KUNIT_EXPECT_NULL(test, d);
	dput(d);
	dput(dir);
	dput(top);
}

static struct kunit_case rmap_cases[] = {
	KUNIT_CASE(rmfree_example1_private_buffer),
	KUNIT_CASE(rmalloc_example2_read_routine),
	KUNIT_CASE(rmalloc_rmfree_edge_cases),
	KUNIT_CASE(rmalloc_null_map),
	KUNIT_CASE(rmallocmap_slots_reserved),
	KUNIT_CASE(rmfree_full_map_discards),
	KUNIT_CASE(rmfree_full_map_grows),
	KUNIT_CASE(rmallocmap_one_slot),
	KUNIT_CASE(rmfreemap_outstanding),
	KUNIT_CASE(rmfree_outstanding_lower_bound),
	KUNIT_CASE(rmallocmap_debugfs_entry),
	{}
};

static struct kunit_suite rmap_suite = {
	.name = "ddi_compat_rmap",
	.test_cases = rmap_cases,
};

kunit_test_suite(rmap_suite);

#endif /* DDIC_DEBUG */
