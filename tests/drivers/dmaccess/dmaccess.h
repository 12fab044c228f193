/* SPDX-License-Identifier: GPL-2.0 */
/* dmaccess: the ioctls of the devmap_access test driver. */
#ifndef _DMACCESS_H
#define	_DMACCESS_H

#include <sys/types.h>

#define	DMA_IOC		('A' << 8)
#define	DMA_STATS	(DMA_IOC | 1)	/* dma_stats_t out */
#define	DMA_RESET	(DMA_IOC | 2)	/* zero the counters */

typedef struct dma_stats {
	uint32_t	ds_faults;	/* devmap_access(9E) calls */
	uint32_t	ds_loads;	/* devmap_load(9F) that succeeded */
	uint32_t	ds_unloads;	/* devmap_unload(9F) that succeeded */
	uint32_t	ds_errors;	/* devmap_load/unload that failed */
	uint32_t	ds_maps;	/* live mappings (devmap_map - unmap) */
	uint32_t	ds_dups;	/* devmap_dup(9E) calls */
	uint32_t	ds_writes;	/* devmap_access calls for a write */
	uint32_t	ds_remaps;	/* devmap_umem_remap that succeeded */
} dma_stats_t;

/* What the "remap" minor's second cookie holds in its first word. */
#define	DMA_REMAP_WORD	0x5eed2e3aU

#endif	/* _DMACCESS_H */
