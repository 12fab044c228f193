/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ddidmareq.h>: DMA attributes (ddi_dma_attr(9S)), the flags of the
 * DMA allocation and binding functions, their return values and the
 * ddi_dma_sync(9F) directions.
 */
#ifndef _SYS_DDIDMAREQ_H
#define _SYS_DDIDMAREQ_H

#include <sys/types.h>

/* dma_attr_flags */
#define DDI_DMA_FORCE_PHYSICAL		0x0100
#define DDI_DMA_FLAGERR			0x0200
#define DDI_DMA_RELAXED_ORDERING	0x0400

#define DMA_ATTR_V0		0
#define DMA_ATTR_VERSION	DMA_ATTR_V0

/* ddi_dma_attr(9S): what a device's DMA engine can reach and do. */
typedef struct ddi_dma_attr {
	uint_t		dma_attr_version;	/* DMA_ATTR_V0 */
	uint64_t	dma_attr_addr_lo;	/* lowest address, inclusive */
	uint64_t	dma_attr_addr_hi;	/* highest address, inclusive */
	uint64_t	dma_attr_count_max;	/* counter register, inclusive */
	uint64_t	dma_attr_align;		/* allocation alignment */
	uint_t		dma_attr_burstsizes;	/* powers of two, as bits */
	uint32_t	dma_attr_minxfer;	/* minimum effective access */
	uint64_t	dma_attr_maxxfer;	/* maximum effective access */
	uint64_t	dma_attr_seg;		/* segment boundary, inclusive */
	int		dma_attr_sgllen;	/* s/g list length; < 0: any */
	uint32_t	dma_attr_granular;	/* transfer granularity */
	uint_t		dma_attr_flags;		/* DDI_DMA_FORCE_PHYSICAL... */
} ddi_dma_attr_t;

/* The callback argument of the allocation and binding functions. */
#define DDI_DMA_DONTWAIT	((int (*)(caddr_t))0)
#define DDI_DMA_SLEEP		((int (*)(caddr_t))1)

/* What a callback returns. */
#define DDI_DMA_CALLBACK_RUNOUT	0
#define DDI_DMA_CALLBACK_DONE	1

/* Flags of ddi_dma_mem_alloc(9F) and the binding functions. */
#define DDI_DMA_WRITE		0x0001	/* memory to device */
#define DDI_DMA_READ		0x0002	/* device to memory */
#define DDI_DMA_RDWR		(DDI_DMA_READ | DDI_DMA_WRITE)
#define DDI_DMA_REDZONE		0x0004
#define DDI_DMA_PARTIAL		0x0008
#define DDI_DMA_CONSISTENT	0x0010
#define DDI_DMA_EXCLUSIVE	0x0020
#define DDI_DMA_STREAMING	0x0040
#define DDI_DMA_SBUS_64BIT	0x2000

/* Return values of the binding functions. */
#define DDI_DMA_MAPPED		0
#define DDI_DMA_MAPOK		0
#define DDI_DMA_PARTIAL_MAP	1
#define DDI_DMA_DONE		2
#define DDI_DMA_NORESOURCES	(-1)
#define DDI_DMA_NOMAPPING	(-2)
#define DDI_DMA_TOOBIG		(-3)
#define DDI_DMA_TOOSMALL	(-4)
#define DDI_DMA_LOCKED		(-5)
#define DDI_DMA_BADLIMITS	(-6)
#define DDI_DMA_STALE		(-7)
#define DDI_DMA_BADATTR		(-8)
#define DDI_DMA_INUSE		(-9)
#define DDI_DMA_USE_PHYSICAL	(-10)

/* ddi_dma_sync(9F): whose view is made up to date. */
#define DDI_DMA_SYNC_FORDEV	0x0
#define DDI_DMA_SYNC_FORCPU	0x1
#define DDI_DMA_SYNC_FORKERNEL	0x2

/* Cache attributes among ddi_dma_mem_alloc(9F)'s and devmap_devmem_setup(9F)'s flags. */
#define IOMEM_DATA_CACHED		0x10000
#define IOMEM_DATA_UC_WR_COMBINE	0x20000
#define IOMEM_DATA_UNCACHED		0x40000
#define IOMEM_DATA_MASK			0xF0000

#endif /* _SYS_DDIDMAREQ_H */
