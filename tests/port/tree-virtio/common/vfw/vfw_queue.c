// SPDX-License-Identifier: GPL-2.0
/*
 * vfw: a split virtqueue in consistent DMA memory (descriptors, driver
 * ring, device ring), one buffer per chain.
 */
#include <sys/types.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/kmem.h>
#include <sys/sysmacros.h>
#include <sys/atomic.h>
#include <sys/byteorder.h>
#include "vfw_impl.h"

static ddi_dma_attr_t vfw_ring_attr = {
	DMA_ATTR_V0,
	0,			/* addr_lo */
	0xffffffffffffffffULL,	/* addr_hi */
	0xffffffffU,		/* count_max */
	4096,			/* align */
	1,			/* burstsizes */
	1,			/* minxfer */
	0xffffffffU,		/* maxxfer */
	0xffffffffU,		/* seg */
	1,			/* sgllen */
	1,			/* granular */
	0			/* flags */
};

static ddi_device_acc_attr_t vfw_ring_acc = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

void
vfw_queue_free(vfw_queue_t *vq)
{
	vfw_t *vf = vq->vq_vfw;

	if (vq->vq_pa != 0)
		(void) ddi_dma_unbind_handle(vq->vq_dmah);
	if (vq->vq_mem != NULL)
		ddi_dma_mem_free(&vq->vq_acch);
	if (vq->vq_dmah != NULL)
		ddi_dma_free_handle(&vq->vq_dmah);
	vf->vf_q = NULL;
	kmem_free(vq, sizeof (*vq));
}

vfw_queue_t *
vfw_queue_alloc(vfw_t *vf, uint16_t idx)
{
	vfw_queue_t *vq;
	ddi_dma_cookie_t dc;
	size_t dlen, alen, real;
	uint_t nc;
	uint64_t pa;

	vfw_put16(vf, VFW_CFG_COMMON, VFW_Q_SELECT, idx);
	vq = kmem_zalloc(sizeof (*vq), KM_SLEEP);
	vq->vq_vfw = vf;
	vq->vq_index = idx;
	vq->vq_size = MIN(vfw_get16(vf, VFW_CFG_COMMON, VFW_Q_SIZE),
	    VFW_QSIZE_MAX);
	vq->vq_notify = vfw_get16(vf, VFW_CFG_COMMON, VFW_Q_NOFF) *
	    vf->vf_mult;
	vf->vf_q = vq;
	if (vq->vq_size == 0 || vq->vq_notify + 2 >
	    vf->vf_win[VFW_CFG_NOTIFY].vw_len) {
		dev_err(vf->vf_dip, CE_WARN, "queue %u: size %u notify 0x%x",
		    idx, vq->vq_size, vq->vq_notify);
		goto fail;
	}
	dlen = sizeof (vfw_desc_t) * vq->vq_size;
	alen = P2ROUNDUP(dlen + 4 + 2 * vq->vq_size, 4);
	vq->vq_len = alen + 4 + 8 * vq->vq_size;
	if (ddi_dma_alloc_handle(vf->vf_dip, &vfw_ring_attr, DDI_DMA_SLEEP,
	    NULL, &vq->vq_dmah) != DDI_SUCCESS ||
	    ddi_dma_mem_alloc(vq->vq_dmah, vq->vq_len, &vfw_ring_acc,
	    DDI_DMA_CONSISTENT, DDI_DMA_SLEEP, NULL, &vq->vq_mem, &real,
	    &vq->vq_acch) != DDI_SUCCESS) {
		vq->vq_mem = NULL;
		goto fail;
	}
	bzero(vq->vq_mem, real);
	if (ddi_dma_addr_bind_handle(vq->vq_dmah, NULL, vq->vq_mem,
	    vq->vq_len, DDI_DMA_RDWR | DDI_DMA_CONSISTENT, DDI_DMA_SLEEP,
	    NULL, &dc, &nc) != DDI_DMA_MAPPED)
		goto fail;
	vq->vq_pa = pa = dc.dmac_laddress;
	vq->vq_desc = (vfw_desc_t *)vq->vq_mem;
	vq->vq_avring = (volatile uint16_t *)(vq->vq_mem + dlen);
	vq->vq_usring = (volatile uint16_t *)(vq->vq_mem + alen);
	(void) ddi_dma_sync(vq->vq_dmah, 0, 0, DDI_DMA_SYNC_FORDEV);

	vfw_put16(vf, VFW_CFG_COMMON, VFW_Q_SIZE, vq->vq_size);
	vfw_put32(vf, VFW_CFG_COMMON, VFW_Q_DESC, (uint32_t)pa);
	vfw_put32(vf, VFW_CFG_COMMON, VFW_Q_DESC + 4, pa >> 32);
	vfw_put32(vf, VFW_CFG_COMMON, VFW_Q_AVAIL, (uint32_t)(pa + dlen));
	vfw_put32(vf, VFW_CFG_COMMON, VFW_Q_AVAIL + 4, (pa + dlen) >> 32);
	vfw_put32(vf, VFW_CFG_COMMON, VFW_Q_USED, (uint32_t)(pa + alen));
	vfw_put32(vf, VFW_CFG_COMMON, VFW_Q_USED + 4, (pa + alen) >> 32);
	vfw_put16(vf, VFW_CFG_COMMON, VFW_Q_ENABLE, 1);
	return (vq);
fail:
	vfw_queue_free(vq);
	return (NULL);
}

/* Give the device one buffer; @devwrites: the device fills it. */
int
vfw_submit(vfw_queue_t *vq, uint64_t pa, uint32_t len, boolean_t devwrites)
{
	vfw_t *vf = vq->vq_vfw;
	uint16_t slot;

	mutex_enter(&vf->vf_lock);
	if ((uint16_t)(vq->vq_avail - vq->vq_used) >= vq->vq_size) {
		mutex_exit(&vf->vf_lock);
		return (DDI_FAILURE);
	}
	slot = vq->vq_avail % vq->vq_size;
	vq->vq_desc[slot].vd_addr = LE_64(pa);
	vq->vq_desc[slot].vd_len = LE_32(len);
	vq->vq_desc[slot].vd_flags = LE_16(devwrites ? VFW_D_WRITE : 0);
	vq->vq_desc[slot].vd_next = 0;
	vq->vq_avring[2 + slot] = LE_16(slot);
	membar_producer();
	vq->vq_avail++;
	vq->vq_avring[1] = LE_16(vq->vq_avail);
	(void) ddi_dma_sync(vq->vq_dmah, 0, 0, DDI_DMA_SYNC_FORDEV);
	vfw_put16(vf, VFW_CFG_NOTIFY, vq->vq_notify, vq->vq_index);
	mutex_exit(&vf->vf_lock);
	return (DDI_SUCCESS);
}

/* A buffer the device gave back: DDI_SUCCESS and its length, or not. */
int
vfw_poll(vfw_queue_t *vq, uint32_t *lenp)
{
	vfw_t *vf = vq->vq_vfw;
	volatile uint32_t *ent;
	int r = DDI_FAILURE;

	mutex_enter(&vf->vf_lock);
	(void) ddi_dma_sync(vq->vq_dmah, 0, 0, DDI_DMA_SYNC_FORKERNEL);
	if (LE_16(vq->vq_usring[1]) != vq->vq_used) {
		membar_consumer();
		ent = (volatile uint32_t *)(vq->vq_usring + 2) +
		    2 * (vq->vq_used % vq->vq_size);
		*lenp = LE_32(ent[1]);
		vq->vq_used++;
		r = DDI_SUCCESS;
	}
	mutex_exit(&vf->vf_lock);
	return (r);
}
