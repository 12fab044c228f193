// SPDX-License-Identifier: GPL-2.0
/*
 * vrng: a driver for QEMU's virtio-rng on the vfw misc module.  read(9E)
 * hands the device a DMA buffer, sleeps until the interrupt handler sees
 * it returned, and copies out what the device wrote.  The ioctl
 * VRNG_IOC_INFO tells the test which interrupt type is in use, how many
 * interrupts were taken and how many vendor capabilities vfw found.
 */
#include <sys/types.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <sys/errno.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/kmem.h>
#include <sys/ksynch.h>
#include <sys/cmn_err.h>
#include "vfw.h"

#define	VRNG_BUF	256
#define	VRNG_IOC_INFO	(('v' << 8) | 1)

typedef struct vrng {
	dev_info_t		*vr_dip;
	vfw_t			*vr_vfw;
	vfw_queue_t		*vr_q;
	kmutex_t		vr_lock;
	kcondvar_t		vr_cv;
	boolean_t		vr_busy;
	boolean_t		vr_done;
	uint32_t		vr_len;
	uint32_t		vr_nintr;
	ddi_dma_handle_t	vr_dmah;
	ddi_acc_handle_t	vr_acch;
	caddr_t			vr_buf;
	uint64_t		vr_pa;
} vrng_t;

static void *vrng_state;

static ddi_dma_attr_t vrng_dma_attr = {
	DMA_ATTR_V0, 0, 0xffffffffffffffffULL, 0xffffffffU, 1, 1, 1,
	0xffffffffU, 0xffffffffU, 1, 1, 0
};

static ddi_device_acc_attr_t vrng_acc_attr = {
	DDI_DEVICE_ATTR_V0, DDI_NEVERSWAP_ACC, DDI_STRICTORDER_ACC
};

static uint_t
vrng_intr(caddr_t arg1, caddr_t arg2)
{
	vrng_t *vr = (vrng_t *)arg1;
	uint32_t len;

	if (vfw_intr_type(vr->vr_vfw) == DDI_INTR_TYPE_FIXED &&
	    (vfw_isr(vr->vr_vfw) & 1) == 0)
		return (DDI_INTR_UNCLAIMED);
	mutex_enter(&vr->vr_lock);
	vr->vr_nintr++;
	if (vfw_poll(vr->vr_q, &len) == DDI_SUCCESS) {
		vr->vr_len = len;
		vr->vr_done = B_TRUE;
		cv_broadcast(&vr->vr_cv);
	}
	mutex_exit(&vr->vr_lock);
	return (DDI_INTR_CLAIMED);
}

static void
vrng_free(vrng_t *vr)
{
	if (vr->vr_pa != 0)
		(void) ddi_dma_unbind_handle(vr->vr_dmah);
	if (vr->vr_buf != NULL)
		ddi_dma_mem_free(&vr->vr_acch);
	if (vr->vr_dmah != NULL)
		ddi_dma_free_handle(&vr->vr_dmah);
	if (vr->vr_vfw != NULL)
		vfw_fini(vr->vr_vfw);
}

static int
vrng_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int inst = ddi_get_instance(dip);
	ddi_dma_cookie_t dc;
	size_t real;
	uint_t nc;
	vrng_t *vr;

	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (ddi_soft_state_zalloc(vrng_state, inst) != DDI_SUCCESS)
		return (DDI_FAILURE);
	vr = ddi_get_soft_state(vrng_state, inst);
	vr->vr_dip = dip;
	if ((vr->vr_vfw = vfw_init(dip, 0)) == NULL ||
	    (vr->vr_q = vfw_queue_alloc(vr->vr_vfw, 0)) == NULL)
		goto fail;
	if (ddi_dma_alloc_handle(dip, &vrng_dma_attr, DDI_DMA_SLEEP, NULL,
	    &vr->vr_dmah) != DDI_SUCCESS ||
	    ddi_dma_mem_alloc(vr->vr_dmah, VRNG_BUF, &vrng_acc_attr,
	    DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL, &vr->vr_buf, &real,
	    &vr->vr_acch) != DDI_SUCCESS) {
		vr->vr_buf = NULL;
		goto fail;
	}
	if (ddi_dma_addr_bind_handle(vr->vr_dmah, NULL, vr->vr_buf, VRNG_BUF,
	    DDI_DMA_READ | DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL, &dc,
	    &nc) != DDI_DMA_MAPPED)
		goto fail;
	vr->vr_pa = dc.dmac_laddress;
	mutex_init(&vr->vr_lock, NULL, MUTEX_DRIVER, NULL);
	cv_init(&vr->vr_cv, NULL, CV_DRIVER, NULL);
	if (vfw_intr_setup(vr->vr_vfw, vrng_intr, vr) != DDI_SUCCESS ||
	    vfw_ready(vr->vr_vfw) != DDI_SUCCESS ||
	    ddi_create_minor_node(dip, "rng", S_IFCHR, inst, DDI_PSEUDO,
	    0) != DDI_SUCCESS) {
		vrng_free(vr);
		mutex_destroy(&vr->vr_lock);
		cv_destroy(&vr->vr_cv);
		ddi_soft_state_free(vrng_state, inst);
		return (DDI_FAILURE);
	}
	ddi_set_driver_private(dip, vr);
	ddi_report_dev(dip);
	return (DDI_SUCCESS);
fail:
	vrng_free(vr);
	ddi_soft_state_free(vrng_state, inst);
	return (DDI_FAILURE);
}

static int
vrng_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	vrng_t *vr = ddi_get_driver_private(dip);

	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);
	ddi_remove_minor_node(dip, NULL);
	vrng_free(vr);
	mutex_destroy(&vr->vr_lock);
	cv_destroy(&vr->vr_cv);
	ddi_soft_state_free(vrng_state, ddi_get_instance(dip));
	return (DDI_SUCCESS);
}

static int
vrng_open(dev_t *devp, int flag, int otyp, cred_t *cr)
{
	if (ddi_get_soft_state(vrng_state, getminor(*devp)) == NULL)
		return (ENXIO);
	return (otyp == OTYP_CHR ? 0 : EINVAL);
}

static int
vrng_close(dev_t dev, int flag, int otyp, cred_t *cr)
{
	return (0);
}

static int
vrng_read(dev_t dev, struct uio *uio, cred_t *cr)
{
	vrng_t *vr = ddi_get_soft_state(vrng_state, getminor(dev));
	clock_t end;
	size_t n;
	int e = 0;

	if (vr == NULL)
		return (ENXIO);
	mutex_enter(&vr->vr_lock);
	while (vr->vr_busy) {
		if (cv_wait_sig(&vr->vr_cv, &vr->vr_lock) == 0) {
			mutex_exit(&vr->vr_lock);
			return (EINTR);
		}
	}
	vr->vr_busy = B_TRUE;
	while (e == 0 && uio->uio_resid > 0) {
		vr->vr_done = B_FALSE;
		if (vfw_submit(vr->vr_q, vr->vr_pa, VRNG_BUF, B_TRUE) !=
		    DDI_SUCCESS) {
			e = EIO;
			break;
		}
		end = ddi_get_lbolt() + drv_usectohz(5000000);
		while (!vr->vr_done) {
			if (cv_timedwait(&vr->vr_cv, &vr->vr_lock, end) < 0)
				break;
		}
		if (!vr->vr_done) {
			dev_err(vr->vr_dip, CE_WARN, "no interrupt in 5 s");
			e = EIO;
			break;
		}
		(void) ddi_dma_sync(vr->vr_dmah, 0, 0, DDI_DMA_SYNC_FORCPU);
		n = MIN(vr->vr_len, uio->uio_resid);
		mutex_exit(&vr->vr_lock);
		e = uiomove(vr->vr_buf, n, UIO_READ, uio);
		mutex_enter(&vr->vr_lock);
	}
	vr->vr_busy = B_FALSE;
	cv_broadcast(&vr->vr_cv);
	mutex_exit(&vr->vr_lock);
	return (e);
}

static int
vrng_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *cr,
    int *rvalp)
{
	vrng_t *vr = ddi_get_soft_state(vrng_state, getminor(dev));
	uint32_t info[3];

	if (vr == NULL)
		return (ENXIO);
	if (cmd != VRNG_IOC_INFO)
		return (ENOTTY);
	mutex_enter(&vr->vr_lock);
	info[0] = vfw_intr_type(vr->vr_vfw);
	info[1] = vr->vr_nintr;
	info[2] = vfw_ncaps(vr->vr_vfw);
	mutex_exit(&vr->vr_lock);
	return (ddi_copyout(info, (void *)arg, sizeof (info), mode) ?
	    EFAULT : 0);
}

static struct cb_ops vrng_cb_ops = {
	vrng_open, vrng_close, nodev, nodev, nodev, vrng_read, nodev,
	vrng_ioctl, nodev, nodev, nodev, nochpoll, ddi_prop_op, NULL,
	D_NEW | D_MP, CB_REV, nodev, nodev
};

static struct dev_ops vrng_dev_ops = {
	DEVO_REV, 0, ddi_no_info, nulldev, nulldev, vrng_attach,
	vrng_detach, nodev, &vrng_cb_ops, NULL, NULL, ddi_quiesce_not_needed
};

static struct modldrv vrng_modldrv = {
	&mod_driverops, "virtio-rng on vfw", &vrng_dev_ops
};

static struct modlinkage vrng_modlinkage = {
	MODREV_1, { &vrng_modldrv, NULL }
};

int
_init(void)
{
	int r;

	if ((r = ddi_soft_state_init(&vrng_state, sizeof (vrng_t), 1)) != 0)
		return (r);
	if ((r = mod_install(&vrng_modlinkage)) != 0)
		ddi_soft_state_fini(&vrng_state);
	return (r);
}

int
_fini(void)
{
	int r;

	if ((r = mod_remove(&vrng_modlinkage)) == 0)
		ddi_soft_state_fini(&vrng_state);
	return (r);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&vrng_modlinkage, modinfop));
}
