/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfw's private definitions: the virtio 1.x PCI layout (virtio spec,
 * "Virtio Over PCI Bus") and the framework's state.
 */
#ifndef _VFW_IMPL_H
#define	_VFW_IMPL_H

#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/ksynch.h>
#include "vfw.h"

/* vendor capability fields and configuration types */
#define	VFW_CAP_TYPE		3
#define	VFW_CAP_BAR		4
#define	VFW_CAP_OFF		8
#define	VFW_CAP_LEN		12
#define	VFW_CAP_MULT		16
#define	VFW_CFG_COMMON		1
#define	VFW_CFG_NOTIFY		2
#define	VFW_CFG_ISR		3
#define	VFW_CFG_DEVICE		4
#define	VFW_NCFG		5

/* common configuration registers */
#define	VFW_DFSELECT		0x00
#define	VFW_DF			0x04
#define	VFW_GFSELECT		0x08
#define	VFW_GF			0x0c
#define	VFW_MSIX_CONFIG		0x10
#define	VFW_STATUS		0x14
#define	VFW_Q_SELECT		0x16
#define	VFW_Q_SIZE		0x18
#define	VFW_Q_MSIX		0x1a
#define	VFW_Q_ENABLE		0x1c
#define	VFW_Q_NOFF		0x1e
#define	VFW_Q_DESC		0x20
#define	VFW_Q_AVAIL		0x28
#define	VFW_Q_USED		0x30

#define	VFW_S_ACK		0x01
#define	VFW_S_DRIVER		0x02
#define	VFW_S_DRIVER_OK		0x04
#define	VFW_S_FEATURES_OK	0x08
#define	VFW_F_VERSION_1		(1ULL << 32)
#define	VFW_NO_VECTOR		0xffff

#define	VFW_D_WRITE		0x2
#define	VFW_QSIZE_MAX		64

typedef struct vfw_desc {
	uint64_t	vd_addr;
	uint32_t	vd_len;
	uint16_t	vd_flags;
	uint16_t	vd_next;
} vfw_desc_t;

typedef struct vfw_win {
	uint8_t			vw_bar;
	uint32_t		vw_off;
	uint32_t		vw_len;
	caddr_t			vw_addr;
	ddi_acc_handle_t	vw_h;
} vfw_win_t;

struct vfw_queue {
	vfw_t			*vq_vfw;
	uint16_t		vq_index;
	uint16_t		vq_size;
	uint16_t		vq_avail;
	uint16_t		vq_used;
	uint32_t		vq_notify;
	ddi_dma_handle_t	vq_dmah;
	ddi_acc_handle_t	vq_acch;
	caddr_t			vq_mem;
	size_t			vq_len;
	uint64_t		vq_pa;
	vfw_desc_t		*vq_desc;
	volatile uint16_t	*vq_avring;
	volatile uint16_t	*vq_usring;
};

struct vfw {
	dev_info_t		*vf_dip;
	kmutex_t		vf_lock;
	vfw_win_t		vf_win[VFW_NCFG];
	uint32_t		vf_mult;
	uint_t			vf_ncaps;
	uint64_t		vf_features;
	vfw_queue_t		*vf_q;
	ddi_intr_handle_t	vf_ih;
	int			vf_itype;
	uint_t			vf_ipri;
	boolean_t		vf_iadded;
};

extern ddi_device_acc_attr_t vfw_regs_attr;
void vfw_queue_free(vfw_queue_t *);
uint16_t vfw_get16(vfw_t *, uint_t, uint_t);
void vfw_put16(vfw_t *, uint_t, uint_t, uint16_t);
void vfw_put32(vfw_t *, uint_t, uint_t, uint32_t);

#endif /* _VFW_IMPL_H */
