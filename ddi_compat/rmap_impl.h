/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: the resource-map engine (rmap.c) as vmem arenas
 * and ID spaces use it, beyond rmalloc(9F)/rmfree(9F).
 */
#ifndef _DDI_RMAP_IMPL_H
#define _DDI_RMAP_IMPL_H

#include <linux/types.h>

struct map;

/*
 * A constrained request, in map indices.  Alignment, phase and nocross
 * apply to (index - bias), so a caller that keeps its addresses at
 * index = address + 1 (index 0 is never valid in a map) gets them
 * applied to its addresses.
 */
struct ddic_rmap_req {
	unsigned long size;	/* units, > 0 */
	unsigned long align;	/* power of 2, >= 1 */
	unsigned long phase;	/* < align */
	unsigned long nocross;	/* 0, or a power of 2 >= size */
	unsigned long lo;	/* lowest index to hand out, >= 1 */
	unsigned long hi;	/* the range must end at or below; 0: none */
	unsigned long bias;
	unsigned long hint;	/* next fit: first try at or above; 0: none */
	bool best;		/* smallest segment that fits, not lowest */
};

/*
 * Take a range meeting @rq; returns its first index, or 0 if there is
 * none (with @wait: sleeps until there is one; 0 on a fatal signal).
 */
unsigned long ddic_rmap_xalloc(struct map *mp, const struct ddic_rmap_req *rq,
			       bool wait);
/* Take exactly [index, index + size); 0, -EBUSY if not all free, -ENOMEM. */
int ddic_rmap_claim(struct map *mp, unsigned long index, unsigned long size);
/*
 * Call @fn on each free segment in index order, with the map's lock held
 * (@fn must not sleep); stops at the first nonzero return, which it
 * returns.
 */
int ddic_rmap_walk(struct map *mp,
		   int (*fn)(unsigned long start, unsigned long size, void *arg),
		   void *arg);
/* Units free in the map now. */
unsigned long ddic_rmap_free_units(struct map *mp);

#endif /* _DDI_RMAP_IMPL_H */
