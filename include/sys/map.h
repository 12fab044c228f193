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

#endif /* _SYS_MAP_H */
