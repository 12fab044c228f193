// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suites for resource maps, rmalloc(9F) and friends:
 *   ddi_rmap         seed 003's two examples and a table of edge cases
 *   ddi_rmap_random  a differential test against a reference model
 *   ddi_rmap_concur  kthreads, rmalloc_wait() sleepers, a timer callback
 * They use the DDIC_DEBUG hooks (statistics, invariant check, no-growth),
 * so they exist on debug builds only.
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

#ifdef DDIC_DEBUG

static struct ddic_rmap_stats rm_stats(struct kunit *test, struct map *mp)
{
	struct ddic_rmap_stats st;

	KUNIT_EXPECT_EQ(test, ddic_rmap_debug_stats(mp, &st), 0);
	return st;
}

static struct map *rm_map(struct kunit *test, size_t mapsize)
{
	struct map *mp = rmallocmap(mapsize);

	KUNIT_ASSERT_NOT_NULL(test, mp);
	return mp;
}

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
static void rm_seed_example1(struct kunit *test)
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

static void rm_seed_example2(struct kunit *test)
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

static void rm_edge_table(struct kunit *test)
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

static void rm_null_map(struct kunit *test)
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
static void rm_slots_reserved(struct kunit *test)
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
static void rm_full_map_discards(struct kunit *test)
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
static void rm_full_map_grows(struct kunit *test)
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

static void rm_one_slot(struct kunit *test)
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

static void rm_freemap_outstanding(struct kunit *test)
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
static void rm_outstanding_lower_bound(struct kunit *test)
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

static void rm_debugfs_entry(struct kunit *test)
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

static struct kunit_case ddi_rmap_cases[] = {
	KUNIT_CASE(rm_seed_example1),
	KUNIT_CASE(rm_seed_example2),
	KUNIT_CASE(rm_edge_table),
	KUNIT_CASE(rm_null_map),
	KUNIT_CASE(rm_slots_reserved),
	KUNIT_CASE(rm_full_map_discards),
	KUNIT_CASE(rm_full_map_grows),
	KUNIT_CASE(rm_one_slot),
	KUNIT_CASE(rm_freemap_outstanding),
	KUNIT_CASE(rm_outstanding_lower_bound),
	KUNIT_CASE(rm_debugfs_entry),
	{}
};

static struct kunit_suite ddi_rmap_suite = {
	.name = "ddi_rmap",
	.test_cases = ddi_rmap_cases,
};

/* ---- differential test against a reference model ----------------------- */

/*
 * The reference is the classic map written as plainly as possible: a
 * sorted array of free segments, scanned from the start.  With @slots
 * set it has that many entries and drops a range it cannot hold, as
 * ddi_compat does when growth is forbidden.
 */
#define REF_MAX		8192
#define REF_LIVE	2048

struct ref_map {
	int n, slots;
	unsigned long start[REF_MAX], size[REF_MAX];
	unsigned long lost, refused;
};

static unsigned long ref_alloc(struct ref_map *r, unsigned long size)
{
	unsigned long index;
	int i;

	for (i = 0; i < r->n; i++) {
		if (r->size[i] < size)
			continue;
		index = r->start[i];
		r->start[i] += size;
		r->size[i] -= size;
		if (!r->size[i]) {
			memmove(&r->start[i], &r->start[i + 1],
				(r->n - i - 1) * sizeof(unsigned long));
			memmove(&r->size[i], &r->size[i + 1],
				(r->n - i - 1) * sizeof(unsigned long));
			r->n--;
		}
		return index;
	}
	return 0;
}

/* Returns false if refused (overlap). */
static bool ref_free(struct ref_map *r, unsigned long size,
		     unsigned long index)
{
	unsigned long end = index + size;
	bool below, above;
	int i;

	for (i = 0; i < r->n && r->start[i] < index; i++)
		;
	/* i: first segment starting at or after index. */
	if (i > 0 && r->start[i - 1] + r->size[i - 1] > index)
		goto refuse;
	if (i < r->n && r->start[i] < end)
		goto refuse;
	below = i > 0 && r->start[i - 1] + r->size[i - 1] == index;
	above = i < r->n && r->start[i] == end;
	if (below && above) {
		r->size[i - 1] += size + r->size[i];
		memmove(&r->start[i], &r->start[i + 1],
			(r->n - i - 1) * sizeof(unsigned long));
		memmove(&r->size[i], &r->size[i + 1],
			(r->n - i - 1) * sizeof(unsigned long));
		r->n--;
	} else if (below) {
		r->size[i - 1] += size;
	} else if (above) {
		r->start[i] = index;
		r->size[i] += size;
	} else if (r->n == (r->slots ? r->slots : REF_MAX)) {
		r->lost += size;
	} else {
		memmove(&r->start[i + 1], &r->start[i],
			(r->n - i) * sizeof(unsigned long));
		memmove(&r->size[i + 1], &r->size[i],
			(r->n - i) * sizeof(unsigned long));
		r->start[i] = index;
		r->size[i] = size;
		r->n++;
	}
	return true;
refuse:
	r->refused++;
	return false;
}

static u64 rm_rand(u64 *s)
{
	/* xorshift64*: fixed seeds give the same run on every kernel. */
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dULL;
}

struct rm_live {
	unsigned long index, size;
};

struct rm_cmp {
	struct ref_map *r;
	int i;
	bool same;
};

static int rm_cmp_seg(unsigned long start, unsigned long size, void *arg)
{
	struct rm_cmp *c = arg;

	if (c->i >= c->r->n || c->r->start[c->i] != start ||
	    c->r->size[c->i] != size)
		c->same = false;
	c->i++;
	return 0;
}

static void rm_differential(struct kunit *test, u64 seed, int ops,
			    int mapsize, bool nogrow)
{
	struct ref_map *r = kunit_kzalloc(test, sizeof(*r), GFP_KERNEL);
	struct rm_live *live;
	struct ddic_rmap_stats st;
	unsigned long top = 1, want, got, size, idx;
	int nlive = 0, op, k, mismatches = 0;
	struct rm_cmp c;
	struct map *mp;
	u64 x;

	live = kunit_kcalloc(test, REF_LIVE, sizeof(*live), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, r);
	KUNIT_ASSERT_NOT_NULL(test, live);
	mp = rm_map(test, mapsize);
	if (nogrow) {
		ddic_rmap_debug_nogrow(mp, 1);
		r->slots = mapsize;
	}

	for (op = 0; op < ops && mismatches < 10; op++) {
		x = rm_rand(&seed);
		switch (x % 16) {
		case 0:		/* add new space above everything */
			size = 1 + (x >> 8) % 512;
			idx = top + (x >> 20) % 64;
			top = idx + size;
			ref_free(r, size, idx);
			rmfree(mp, size, idx);
			break;
		case 1:		/* free space already free: refused */
			if (!r->n)
				break;
			k = (x >> 8) % r->n;
			size = 1 + (x >> 24) % r->size[k];
			idx = r->start[k] + (x >> 40) % r->size[k];
			KUNIT_EXPECT_FALSE(test, ref_free(r, size, idx));
			rmfree(mp, size, idx);
			break;
		case 2: case 3:	/* give back the tail of an allocation */
			if (!nlive)
				break;
			k = (x >> 8) % nlive;
			if (live[k].size < 2)
				break;
			size = 1 + (x >> 24) % (live[k].size - 1);
			live[k].size -= size;
			idx = live[k].index + live[k].size;
			KUNIT_EXPECT_TRUE(test, ref_free(r, size, idx));
			rmfree(mp, size, idx);
			break;
		case 4: case 5: case 6: case 7: case 8: case 9:
			if (!nlive)
				break;
			k = (x >> 8) % nlive;
			KUNIT_EXPECT_TRUE(test, ref_free(r, live[k].size,
							 live[k].index));
			rmfree(mp, live[k].size, live[k].index);
			live[k] = live[--nlive];
			break;
		default:	/* allocate, mostly small */
			if (nlive == REF_LIVE)
				break;
			size = (x >> 8) % 8 ? 1 + (x >> 16) % 16 :
					      1 + (x >> 16) % 700;
			want = ref_alloc(r, size);
			got = rmalloc(mp, size);
			if (got != want) {
				mismatches++;
				KUNIT_FAIL(test, "op %d: rmalloc(%lu) = %lu, model %lu",
					   op, size, got, want);
			}
			if (want) {
				live[nlive].index = want;
				live[nlive++].size = size;
			}
			break;
		}
		st = rm_stats(test, mp);
		if (st.refused != r->refused || st.lost_units != r->lost ||
		    st.free_segs != r->n) {
			mismatches++;
			KUNIT_FAIL(test, "op %d: refused %lu/%lu lost %lu/%lu segs %lu/%d",
				   op, st.refused, r->refused, st.lost_units,
				   r->lost, st.free_segs, r->n);
		}
		if (op % 1000 == 0 || op == ops - 1) {
			c.r = r;
			c.i = 0;
			c.same = true;
			ddic_rmap_debug_walk(mp, rm_cmp_seg, &c);
			if (!c.same || c.i != r->n) {
				mismatches++;
				KUNIT_FAIL(test, "op %d: segments differ from the model",
					   op);
			}
			KUNIT_EXPECT_EQ(test, ddic_rmap_debug_check(mp), 0);
		}
	}
	KUNIT_EXPECT_EQ(test, mismatches, 0);
	KUNIT_EXPECT_EQ(test, op, ops);
	if (nogrow)
		KUNIT_EXPECT_GT(test, r->lost, 0UL);	/* the path was taken */
	else
		KUNIT_EXPECT_EQ(test, r->lost, 0UL);
	kunit_info(test, "seed run: %d ops, %d segments at end, %lu refused, %lu lost",
		   op, r->n, r->refused, r->lost);
	while (nlive) {
		nlive--;
		rmfree(mp, live[nlive].size, live[nlive].index);
	}
	rmfreemap(mp);
}

static void rm_random_seed1(struct kunit *test)
{
	rm_differential(test, 0x5eed0001, 100000, 16, false);
}

static void rm_random_seed2(struct kunit *test)
{
	rm_differential(test, 0xc0ffee42, 100000, 1, false);
}

static void rm_random_nogrow(struct kunit *test)
{
	rm_differential(test, 0xdeadbeef, 100000, 48, true);
}

static struct kunit_case ddi_rmap_random_cases[] = {
	KUNIT_CASE(rm_random_seed1),
	KUNIT_CASE(rm_random_seed2),
	KUNIT_CASE(rm_random_nogrow),
	{}
};

static struct kunit_suite ddi_rmap_random_suite = {
	.name = "ddi_rmap_random",
	.test_cases = ddi_rmap_random_cases,
};

/* ---- concurrency, sleepers, interrupt context -------------------------- */

#define CC_UNITS	65536
#define CC_THREADS	4
#define CC_OPS		20000

struct cc_shared {
	struct map *mp;
	unsigned long *owned;		/* a bit per unit handed out */
	atomic_t overlaps, failures;
	struct completion done[CC_THREADS];
	u64 seed[CC_THREADS];
	int irqoff[CC_THREADS];
};

/* Claim the units of [index, index + size); false if any was taken. */
static bool cc_claim(unsigned long *owned, unsigned long index,
		     unsigned long size)
{
	bool ok = true;
	unsigned long i;

	for (i = index; i < index + size; i++)
		if (test_and_set_bit(i, owned))
			ok = false;
	return ok;
}

static void cc_release(unsigned long *owned, unsigned long index,
		       unsigned long size)
{
	unsigned long i;

	for (i = index; i < index + size; i++)
		clear_bit(i, owned);
}

struct cc_arg {
	struct cc_shared *sh;
	int id;
};

static int cc_thread(void *data)
{
	struct cc_arg *a = data;
	struct cc_shared *sh = a->sh;
	struct rm_live held[16];
	unsigned long flags = 0, idx, size;
	int n = 0, op, k;
	u64 x, seed = sh->seed[a->id];

	for (op = 0; op < CC_OPS; op++) {
		x = rm_rand(&seed);
		if (sh->irqoff[a->id])
			local_irq_save(flags);
		if (n < ARRAY_SIZE(held) && (x & 1 || !n)) {
			size = 1 + (x >> 8) % 64;
			idx = rmalloc(sh->mp, size);
			if (idx) {
				if (idx + size > CC_UNITS ||
				    !cc_claim(sh->owned, idx, size))
					atomic_inc(&sh->overlaps);
				held[n].index = idx;
				held[n++].size = size;
			}
		} else {
			k = (x >> 8) % n;
			cc_release(sh->owned, held[k].index, held[k].size);
			rmfree(sh->mp, held[k].size, held[k].index);
			held[k] = held[--n];
		}
		if (sh->irqoff[a->id])
			local_irq_restore(flags);
		if (op % 256 == 0)
			cond_resched();
	}
	while (n--) {
		cc_release(sh->owned, held[n].index, held[n].size);
		rmfree(sh->mp, held[n].size, held[n].index);
	}
	/* Nothing of this module may run after the test sees completion. */
	kthread_complete_and_exit(&sh->done[a->id], 0);
}

static void rm_concurrent_threads(struct kunit *test)
{
	struct cc_shared *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	struct cc_arg *args;
	struct ddic_rmap_stats st;
	struct task_struct *t;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	args = kunit_kcalloc(test, CC_THREADS, sizeof(*args), GFP_KERNEL);
	sh->owned = kunit_kzalloc(test, BITS_TO_LONGS(CC_UNITS) *
				  sizeof(long), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, args);
	KUNIT_ASSERT_NOT_NULL(test, sh->owned);
	sh->mp = rm_map(test, 4);	/* small: the pool grows under load */
	rmfree(sh->mp, CC_UNITS - 1, 1);
	for (i = 0; i < CC_THREADS; i++) {
		init_completion(&sh->done[i]);
		sh->seed[i] = 0x1234567ULL * (i + 1);
		sh->irqoff[i] = i & 1;
		args[i].sh = sh;
		args[i].id = i;
		t = kthread_run(cc_thread, &args[i], "rmap_cc%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	for (i = 0; i < CC_THREADS; i++)
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[i],
								   120 * HZ),
				0UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&sh->overlaps), 0);
	st = rm_stats(test, sh->mp);
	KUNIT_EXPECT_EQ(test, st.free_units, (unsigned long)CC_UNITS - 1);
	KUNIT_EXPECT_EQ(test, st.free_segs, 1UL);
	KUNIT_EXPECT_EQ(test, st.out_units, 0UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 0UL);
	KUNIT_EXPECT_EQ(test, st.refused, 0UL);
	KUNIT_EXPECT_EQ(test, ddic_rmap_debug_check(sh->mp), 0);
	KUNIT_EXPECT_TRUE(test, bitmap_empty(sh->owned, CC_UNITS));
	rmfreemap(sh->mp);
}

/* Sleepers in rmalloc_wait(). */
#define WT_WAITERS	8

struct wt_shared {
	struct map *mp;
	unsigned long size;
	unsigned long got[WT_WAITERS];
	struct completion done[WT_WAITERS];
	bool kill_self;
};

struct wt_arg {
	struct wt_shared *sh;
	int id;
};

static int wt_thread(void *data)
{
	struct wt_arg *a = data;

	a->sh->got[a->id] = rmalloc_wait(a->sh->mp, a->sh->size);
	flush_signals(current);
	kthread_complete_and_exit(&a->sh->done[a->id], 0);
}

/* Wait until @n threads sleep in rmalloc_wait(), at most 30 s. */
static bool wt_sleepers(struct kunit *test, struct map *mp, unsigned long n)
{
	int i;

	for (i = 0; i < 1500; i++) {
		if (rm_stats(test, mp).waiters == n)
			return true;
		msleep(20);
	}
	return false;
}

static struct wt_shared *wt_start(struct kunit *test, struct map *mp,
				  unsigned long size, int n,
				  struct task_struct **tasks)
{
	struct wt_shared *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	struct wt_arg *args = kunit_kcalloc(test, n, sizeof(*args),
					    GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	KUNIT_ASSERT_NOT_NULL(test, args);
	sh->mp = mp;
	sh->size = size;
	for (i = 0; i < n; i++) {
		init_completion(&sh->done[i]);
		args[i].sh = sh;
		args[i].id = i;
		tasks[i] = kthread_run(wt_thread, &args[i], "rmap_wt%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(tasks[i]));
	}
	return sh;
}

static void rm_wait_many_waiters(struct kunit *test)
{
	struct task_struct *tasks[WT_WAITERS];
	struct ddic_rmap_stats st;
	struct wt_shared *sh;
	unsigned long seen = 0, t0;
	struct map *mp = rm_map(test, 4);
	int i, j;

	rmfree(mp, 80, 1);
	KUNIT_ASSERT_EQ(test, rmalloc(mp, 80), 1UL);
	sh = wt_start(test, mp, 10, WT_WAITERS, tasks);
	KUNIT_ASSERT_TRUE(test, wt_sleepers(test, mp, WT_WAITERS));

	/* rmfreemap() with sleepers is refused and the map stays usable. */
	rmfreemap(mp);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.refused, 1UL);
	KUNIT_EXPECT_EQ(test, st.waiters, (unsigned long)WT_WAITERS);

	/* Ten units at a time: each free satisfies exactly one sleeper. */
	t0 = jiffies;
	for (i = 0; i < WT_WAITERS; i++) {
		rmfree(mp, 10, 1 + 10 * i);
		KUNIT_EXPECT_TRUE(test, wt_sleepers(test, mp,
						    WT_WAITERS - i - 1));
	}
	for (i = 0; i < WT_WAITERS; i++) {
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[i],
								   30 * HZ),
				0UL);
		for (j = 0; j < WT_WAITERS; j++)
			if (sh->got[i] == 1 + 10 * j)
				seen |= 1UL << j;
	}
	KUNIT_EXPECT_EQ(test, seen, (1UL << WT_WAITERS) - 1);
	KUNIT_EXPECT_LT(test, jiffies - t0, 60UL * HZ);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.waiters, 0UL);
	KUNIT_EXPECT_EQ(test, st.free_units, 0UL);
	rmfree(mp, 80, 1);
	rmfreemap(mp);
}

/* All sleepers woken by one free large enough for all of them. */
static void rm_wait_wake_all(struct kunit *test)
{
	struct task_struct *tasks[WT_WAITERS];
	struct wt_shared *sh;
	unsigned long seen = 0;
	struct map *mp = rm_map(test, 2);
	int i;

	sh = wt_start(test, mp, 7, WT_WAITERS, tasks);
	KUNIT_ASSERT_TRUE(test, wt_sleepers(test, mp, WT_WAITERS));
	rmfree(mp, 7 * WT_WAITERS, 100);
	for (i = 0; i < WT_WAITERS; i++) {
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[i],
								   30 * HZ),
				0UL);
		KUNIT_EXPECT_EQ(test, (sh->got[i] - 100) % 7, 0UL);
		seen |= 1UL << ((sh->got[i] - 100) / 7);
	}
	KUNIT_EXPECT_EQ(test, seen, (1UL << WT_WAITERS) - 1);
	rmfree(mp, 7 * WT_WAITERS, 100);
	rmfreemap(mp);
}

/* Two threads ping-pong one unit through rmalloc_wait(): no lost wakeup. */
#define PP_ROUNDS	2000

struct pp_shared {
	struct map *mp;
	struct completion done[2];
	atomic_t bad;
};

struct pp_arg {
	struct pp_shared *sh;
	int id;
};

static int pp_thread(void *data)
{
	struct pp_arg *a = data;
	unsigned long idx;
	int i;

	for (i = 0; i < PP_ROUNDS; i++) {
		idx = rmalloc_wait(a->sh->mp, 1);
		if (idx != 1)
			atomic_inc(&a->sh->bad);
		if (i & 1)
			udelay(5);
		rmfree(a->sh->mp, 1, idx ? idx : 1);
	}
	kthread_complete_and_exit(&a->sh->done[a->id], 0);
}

static void rm_wait_ping_pong(struct kunit *test)
{
	struct pp_shared *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	struct pp_arg *args = kunit_kcalloc(test, 2, sizeof(*args),
					    GFP_KERNEL);
	unsigned long left[2];
	struct task_struct *t;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	KUNIT_ASSERT_NOT_NULL(test, args);
	sh->mp = rm_map(test, 1);
	rmfree(sh->mp, 1, 1);
	for (i = 0; i < 2; i++) {
		init_completion(&sh->done[i]);
		args[i].sh = sh;
		args[i].id = i;
		t = kthread_run(pp_thread, &args[i], "rmap_pp%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	for (i = 0; i < 2; i++)
		left[i] = wait_for_completion_timeout(&sh->done[i], 120 * HZ);
	if (!left[0] || !left[1]) {
		/* A lost wakeup: unstick the sleeper so the test can end. */
		KUNIT_FAIL(test, "a sleeper was never woken");
		for (i = 0; i < 2; i++)
			while (!wait_for_completion_timeout(&sh->done[i], HZ))
				rmfree(sh->mp, 1, 1000 + i);
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&sh->bad), 0);
	KUNIT_EXPECT_EQ(test, rm_stats(test, sh->mp).free_units, 1UL);
	rmfreemap(sh->mp);
}

/*
 * A fatal signal makes rmalloc_wait() return 0.  Kernel threads cannot
 * be sent SIGKILL the way a process is, so the test queues it on the
 * sleeper by hand and wakes it, which is what delivery does.
 */
static void rm_wait_fatal_signal(struct kunit *test)
{
	struct task_struct *tasks[1];
	struct sighand_struct *sighand;
	struct wt_shared *sh;
	struct map *mp = rm_map(test, 1);

	rmfree(mp, 10, 1);
	sh = wt_start(test, mp, 1000, 1, tasks);
	KUNIT_ASSERT_TRUE(test, wt_sleepers(test, mp, 1));
	rcu_read_lock();
	sighand = rcu_dereference(tasks[0]->sighand);
	spin_lock_irq(&sighand->siglock);
	sigaddset(&tasks[0]->pending.signal, SIGKILL);
	set_tsk_thread_flag(tasks[0], TIF_SIGPENDING);
	spin_unlock_irq(&sighand->siglock);
	rcu_read_unlock();
	wake_up_process(tasks[0]);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[0],
							   30 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, sh->got[0], 0UL);
	KUNIT_EXPECT_EQ(test, rm_stats(test, mp).waiters, 0UL);
	KUNIT_EXPECT_EQ(test, rm_stats(test, mp).free_units, 10UL);
	rmfreemap(mp);
}

/* rmalloc()/rmfree() from a timer callback, racing a thread. */
#define TM_ROUNDS	200

struct tm_shared {
	struct timer_list timer;
	struct map *mp;
	unsigned long *owned;
	int rounds, in_irq, ok, overlaps;
	unsigned long held[4];
	struct completion done;
};

static void tm_fn(struct timer_list *t)
{
	struct tm_shared *sh = from_timer(sh, t, timer);
	int i;

	if (in_interrupt() && !preemptible())
		sh->in_irq++;
	for (i = 0; i < 4; i++) {
		sh->held[i] = rmalloc(sh->mp, 8);
		if (sh->held[i]) {
			sh->ok++;
			if (!cc_claim(sh->owned, sh->held[i], 8))
				sh->overlaps++;
		}
	}
	for (i = 0; i < 4; i++) {
		if (!sh->held[i])
			continue;
		cc_release(sh->owned, sh->held[i], 8);
		rmfree(sh->mp, 8, sh->held[i]);
	}
	if (++sh->rounds < TM_ROUNDS)
		mod_timer(&sh->timer, jiffies + 1);
	else
		complete(&sh->done);
}

static void rm_timer_callback(struct kunit *test)
{
	struct tm_shared *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	struct ddic_rmap_stats st;
	unsigned long idx, t0;
	int overlaps = 0;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	sh->owned = kunit_kzalloc(test, BITS_TO_LONGS(4096) * sizeof(long),
				  GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sh->owned);
	sh->mp = rm_map(test, 2);
	rmfree(sh->mp, 4000, 1);
	init_completion(&sh->done);
	timer_setup(&sh->timer, tm_fn, 0);
	mod_timer(&sh->timer, jiffies + 1);
	t0 = jiffies;
	/* Meanwhile, allocate and free in process context, fragmenting. */
	while (!completion_done(&sh->done) && time_before(jiffies, t0 + 60 * HZ)) {
		unsigned long a = rmalloc(sh->mp, 3);

		idx = rmalloc(sh->mp, 5);
		if (a && !cc_claim(sh->owned, a, 3))
			overlaps++;
		if (idx && !cc_claim(sh->owned, idx, 5))
			overlaps++;
		if (a) {
			cc_release(sh->owned, a, 3);
			rmfree(sh->mp, 3, a);
		}
		if (idx) {
			cc_release(sh->owned, idx, 5);
			rmfree(sh->mp, 5, idx);
		}
		cond_resched();
	}
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done, 30 * HZ),
			0UL);
	timer_delete_sync(&sh->timer);
	KUNIT_EXPECT_EQ(test, sh->rounds, TM_ROUNDS);
	KUNIT_EXPECT_EQ(test, sh->in_irq, TM_ROUNDS);
	KUNIT_EXPECT_EQ(test, sh->ok, 4 * TM_ROUNDS);
	KUNIT_EXPECT_EQ(test, sh->overlaps, 0);
	KUNIT_EXPECT_EQ(test, overlaps, 0);
	st = rm_stats(test, sh->mp);
	KUNIT_EXPECT_EQ(test, st.free_units, 4000UL);
	KUNIT_EXPECT_EQ(test, st.free_segs, 1UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 0UL);
	rmfreemap(sh->mp);
}

/* rmallocmap() itself from a timer callback (any context). */
struct tm_create {
	struct timer_list timer;
	struct map *mp;
	unsigned long idx;
	struct completion done;
};

static void tm_create_fn(struct timer_list *t)
{
	struct tm_create *c = from_timer(c, t, timer);

	c->mp = rmallocmap(3);
	if (c->mp) {
		rmfree(c->mp, 50, 7);
		c->idx = rmalloc(c->mp, 20);
	}
	complete(&c->done);
}

static void rm_map_from_timer(struct kunit *test)
{
	struct tm_create *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, c);
	init_completion(&c->done);
	timer_setup(&c->timer, tm_create_fn, 0);
	mod_timer(&c->timer, jiffies + 1);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&c->done, 30 * HZ),
			0UL);
	timer_delete_sync(&c->timer);
	KUNIT_ASSERT_NOT_NULL(test, c->mp);
	KUNIT_EXPECT_EQ(test, c->idx, 7UL);
	rmfree(c->mp, 20, 7);
	KUNIT_EXPECT_EQ(test, rm_stats(test, c->mp).free_units, 50UL);
	rmfreemap(c->mp);
}

static struct kunit_case ddi_rmap_concur_cases[] = {
	KUNIT_CASE(rm_concurrent_threads),
	KUNIT_CASE(rm_wait_many_waiters),
	KUNIT_CASE(rm_wait_wake_all),
	KUNIT_CASE(rm_wait_ping_pong),
	KUNIT_CASE(rm_wait_fatal_signal),
	KUNIT_CASE(rm_timer_callback),
	KUNIT_CASE(rm_map_from_timer),
	{}
};

static struct kunit_suite ddi_rmap_concur_suite = {
	.name = "ddi_rmap_concur",
	.test_cases = ddi_rmap_concur_cases,
};

kunit_test_suites(&ddi_rmap_suite, &ddi_rmap_random_suite,
		  &ddi_rmap_concur_suite);

#endif /* DDIC_DEBUG */
