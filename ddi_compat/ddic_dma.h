/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: DMA handles (dma.c).  A ddi_dma_handle_t is a
 * struct ddic_dma; ddi_dma_mem_alloc(9F)'s access handle is the
 * struct ddic_acc at the head of a struct ddic_dmamem.  What the KUnit
 * suite needs to bind a handle to made-up bus addresses is here too.
 */
#ifndef _DDIC_DMA_H
#define _DDIC_DMA_H

#include <linux/types.h>
#include <linux/list.h>
#include <linux/scatterlist.h>
#include <linux/dma-direction.h>
#include <sys/types.h>
#include <sys/sunddi.h>

#include "ddic_pci.h"

struct ddic_dmamem;

/* One DMA window: a run of the handle's cookies. */
struct ddic_dmawin {
	off_t off;			/* into the object */
	size_t len;
	uint_t first;			/* index of its first cookie */
	uint_t n;			/* its cookies */
};

/* A range of bus addresses the object occupies, before the cutting. */
struct ddic_dmaseg {
	u64 addr;
	u64 len;
};

enum { DDIC_DMK_MEM = 1, DDIC_DMK_SG, DDIC_DMK_BOUNCE, DDIC_DMK_TEST,
	DDIC_DMK_SINGLE };

struct ddic_dma {
	u32 magic;
	bool bound;
	u8 kind;			/* DDIC_DMK_*, while bound */
	struct dev_info *dip;
	struct ddic_pcinode *pn;	/* NULL for a KUnit handle */
	struct device *dev;
	ddi_dma_attr_t attr;
	u64 mask;			/* from dma_attr_addr_hi */
	struct list_head link;		/* in pn->dmas */

	/* The bound object. */
	uint_t flags;			/* DDI_DMA_* of the bind */
	enum dma_data_direction dir;
	size_t len;
	struct ddic_dmamem *mem;	/* DDIC_DMK_MEM: inside this */
	size_t memoff;
	struct sg_table sgt;		/* DDIC_DMK_SG and _BOUNCE: the pages */
	void *bounce;			/* DDIC_DMK_BOUNCE */
	dma_addr_t bounce_dma;
	dma_addr_t single_dma;		/* DDIC_DMK_SINGLE: dma_map_single */

	/* Cookies of all windows, and the windows. */
	ddi_dma_cookie_t *cookies;
	uint_t ncookies, capcookies;
	struct ddic_dmawin *wins;
	uint_t nwin, capwin;
	uint_t win;			/* the current window */
	uint_t next;			/* ddi_dma_nextcookie's next, in it */
};

/* For KUnit: a handle without a device, bound to made-up bus ranges. */
int ddic_dma_test_handle(dev_info_t *dip, ddi_dma_attr_t *attr,
			 ddi_dma_handle_t *handlep);
void ddic_dma_test_callback(int (*fn)(caddr_t), caddr_t arg);
void ddic_dma_test_flush(void);
int ddic_dma_test_bind(ddi_dma_handle_t handle,
		       const struct ddic_dmaseg *segs, uint_t nsegs,
		       uint_t flags, ddi_dma_cookie_t *cookiep,
		       uint_t *ccountp);
/* Why dma.c refuses @attr, or NULL. */
const char *ddic_dma_attr_bad(const ddi_dma_attr_t *attr);
/* The DMA mask dma_attr_addr_hi gives (all ones below some bit). */
u64 ddic_dma_mask_of(u64 addr_hi);

#endif /* _DDIC_DMA_H */
