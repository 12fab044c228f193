/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the resource-map suites (rmap_kunit.c,
 * rmap_random_kunit.c, rmap_concur_kunit.c).  Debug builds only: they use
 * the DDIC_DEBUG hooks.
 */
#ifndef _RMAP_KUNIT_H
#define _RMAP_KUNIT_H

#include <kunit/test.h>
#include <sys/map.h>
#include <ddi_compat/testing.h>

static inline struct ddic_rmap_stats rm_stats(struct kunit *test,
					     struct map *mp)
{
	struct ddic_rmap_stats st;

	KUNIT_EXPECT_EQ(test, ddic_rmap_debug_stats(mp, &st), 0);
	return st;
}

static inline struct map *rm_map(struct kunit *test, size_t mapsize)
{
	struct map *mp = rmallocmap(mapsize);

	KUNIT_ASSERT_NOT_NULL(test, mp);
	return mp;
}

/* xorshift64*: fixed seeds give the same run on every kernel. */
static inline u64 rm_rand(u64 *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dULL;
}

/* A range allocated and not yet freed. */
struct rm_live {
	unsigned long index, size;
};

#endif /* _RMAP_KUNIT_H */
