/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource maps: rmallocmap(9F), rmallocmap_wait(9F), rmalloc(9F),
 * rmalloc_wait(9F), rmfree(9F), rmfreemap(9F).
 *
 * A map hands out ranges of abstract units (bytes, blocks, pages) first-fit
 * from the lowest index.  Index 0 is never valid: rmalloc() returns 0 only
 * when it fails.  struct map is opaque to drivers.
 *
 * rmallocmap() and rmallocmap_wait() are macros so that the map can carry
 * the name of the function that created it.  A map is named
 * "<creator>.<number>" (e.g. "xxstart.3"): its warnings
 * ("xxstart.3: rmap overflow, lost [100, 120)") and its debugfs entry
 * (/sys/kernel/debug/ddi_compat/rmap/xxstart.3) use that name.
 */
#ifndef _SYS_MAP_H
#define _SYS_MAP_H

#include <sys/types.h>

struct map;

struct map *ddic_rmallocmap(size_t mapsize, const char *creator);
struct map *ddic_rmallocmap_wait(size_t mapsize, const char *creator);
void ddic_rmfreemap(struct map *mp);
unsigned long ddic_rmalloc(struct map *mp, size_t size);
unsigned long ddic_rmalloc_wait(struct map *mp, size_t size);
void ddic_rmfree(struct map *mp, size_t size, unsigned long index);

#define rmallocmap(mapsize)	 ddic_rmallocmap((mapsize), __func__)
#define rmallocmap_wait(mapsize) ddic_rmallocmap_wait((mapsize), __func__)
#define rmfreemap	ddic_rmfreemap
#define rmalloc		ddic_rmalloc
#define rmalloc_wait	ddic_rmalloc_wait
#define rmfree		ddic_rmfree

/* What a map holds, as its debugfs entry shows it (not a Solaris type). */
struct ddic_rmap_stats {
	unsigned long free_units;	/* units in free segments */
	unsigned long free_segs;	/* free segments */
	unsigned long slots;		/* segment slots owned (used + spare) */
	unsigned long spare_slots;	/* slots not holding a segment */
	unsigned long out_units;	/* units handed out (lower bound) */
	unsigned long lost_units;	/* units discarded on overflow */
	unsigned long lost_events;	/* overflow discards */
	unsigned long refused;		/* bad calls refused */
	unsigned long waiters;		/* threads sleeping in rmalloc_wait */
};

#ifdef DDIC_DEBUG
/* Debug builds only: hooks for tests. */
int ddic_rmap_debug_stats(struct map *mp, struct ddic_rmap_stats *st);
/* Forbid (1) or allow (0) growing the slot pool: forces the overflow path. */
void ddic_rmap_debug_nogrow(struct map *mp, int on);
/* Call fn on every free segment in index order; stops early on non-zero. */
int ddic_rmap_debug_walk(struct map *mp,
			int (*fn)(unsigned long start, unsigned long size,
				  void *arg), void *arg);
/* Check the tree's invariants; returns 0 or a negative errno and warns. */
int ddic_rmap_debug_check(struct map *mp);
/* The map's name, as used in its warnings and debugfs entry. */
const char *ddic_rmap_debug_name(struct map *mp);
/* Wait until debugfs entries of maps created/freed so far are in place. */
void ddic_rmap_debug_sync(void);
#endif

#endif /* _SYS_MAP_H */
