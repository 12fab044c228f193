/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ID spaces: id_space(9F) (id_space_create, id_space_destroy,
 * id_space_extend, id_alloc, id_alloc_nosleep, id_allocff,
 * id_allocff_nosleep, id_alloc_specific_nosleep, id_free).
 *
 * An ID space hands out integer IDs from [low, high).  As on Solaris it
 * is a vmem identifier arena: id_alloc() hands out the next free ID after
 * the last one it handed out (next fit, wrapping around), id_allocff()
 * the lowest free ID.  The _nosleep forms return -1 when the space is
 * full; the others sleep until an ID is freed.
 *
 * Departure (docs/departures.md, "ID spaces"): id_alloc() and
 * id_allocff() sleep killably and return -1 on a fatal signal, where
 * Solaris sleeps until an ID is freed.
 */
#ifndef _SYS_ID_SPACE_H
#define _SYS_ID_SPACE_H

#include <sys/types.h>
#include <sys/vmem.h>

typedef int id_t;
typedef vmem_t id_space_t;

id_space_t *id_space_create(const char *name, id_t low, id_t high);
void id_space_destroy(id_space_t *isp);
void id_space_extend(id_space_t *isp, id_t low, id_t high);
id_t id_alloc(id_space_t *isp);
id_t id_alloc_nosleep(id_space_t *isp);
id_t id_allocff(id_space_t *isp);
id_t id_allocff_nosleep(id_space_t *isp);
id_t id_alloc_specific_nosleep(id_space_t *isp, id_t id);
void id_free(id_space_t *isp, id_t id);

#endif /* _SYS_ID_SPACE_H */
