/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: DMA handles (dma.c).  A ddi_dma_handle_t is a
 * struct ddic_dma; ddi_dma_mem_alloc(9F)'s access handle is the
 * struct ddic_acc in a struct ddic_dmamem (dma.c).  What the KUnit
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

/* A range of bus addresses the object occupies, before the cutting. */
struct ddic_dmaseg {
	u64 addr;
	u64 len;
};

/*
 * A DMA handle.  Its first fields are <ddi_compat/dma.h>'s struct
 * ddic_dma_head, which the inline bind, sync and unbind read and fill.
 */
struct ddic_dma {
	DDIC_DMA_HEAD_FIELDS;
	struct dev_info *dip;
	struct ddic_pcinode *pn;	/* NULL for a KUnit handle */
	ddi_dma_attr_t attr;
	u64 mask;			/* from dma_attr_addr_hi */
	struct list_head link;		/* in pn->dmas */
	struct sg_table sgt;		/* DDIC_DMK_SG and _BOUNCE: the pages */
	void *bounce;			/* DDIC_DMK_BOUNCE */
	dma_addr_t bounce_dma;
	uint_t capcookies, capwin;	/* room in cookies[] and wins[] */
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
