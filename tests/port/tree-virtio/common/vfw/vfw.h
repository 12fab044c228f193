/* SPDX-License-Identifier: GPL-2.0 */
/*
 * vfw: a small framework for modern virtio PCI functions, a misc module
 * as illumos's virtio framework is.  Its drivers include this header and
 * call the functions below, which the misc module exports.
 */
#ifndef _VFW_H
#define	_VFW_H

#include <sys/types.h>
#include <sys/sunddi.h>

typedef struct vfw vfw_t;
typedef struct vfw_queue vfw_queue_t;

vfw_t *vfw_init(dev_info_t *, uint64_t);
void vfw_fini(vfw_t *);
vfw_queue_t *vfw_queue_alloc(vfw_t *, uint16_t);
int vfw_intr_setup(vfw_t *, ddi_intr_handler_t *, void *);
void *vfw_intr_pri(vfw_t *);
int vfw_ready(vfw_t *);
int vfw_submit(vfw_queue_t *, uint64_t, uint32_t, boolean_t);
int vfw_poll(vfw_queue_t *, uint32_t *);
uint8_t vfw_isr(vfw_t *);
int vfw_intr_type(vfw_t *);
uint_t vfw_ncaps(vfw_t *);

#endif /* _VFW_H */
