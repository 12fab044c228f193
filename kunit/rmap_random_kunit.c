// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_rmap_random: rmalloc(9F)/rmfree(9F) against a
 * reference model (a differential test).
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
#include "rmap_kunit.h"

#ifdef DDIC_DEBUG

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

static void rmalloc_matches_model_seed1(struct kunit *test)
{
	rm_differential(test, 0x5eed0001, 100000, 16, false);
}

static void rmalloc_matches_model_seed2(struct kunit *test)
{
	rm_differential(test, 0xc0ffee42, 100000, 1, false);
}

static void rmalloc_matches_model_nogrow(struct kunit *test)
{
	rm_differential(test, 0xdeadbeef, 100000, 48, true);
}

static struct kunit_case rmap_random_cases[] = {
	KUNIT_CASE(rmalloc_matches_model_seed1),
	KUNIT_CASE(rmalloc_matches_model_seed2),
	KUNIT_CASE(rmalloc_matches_model_nogrow),
	{}
};

static struct kunit_suite rmap_random_suite = {
	.name = "ddi_compat_rmap_random",
	.test_cases = rmap_random_cases,
};

kunit_test_suite(rmap_random_suite);

#endif /* DDIC_DEBUG */
