/* SPDX-License-Identifier: GPL-2.0 */
/*
 * edubench: make bench's Solaris driver for QEMU's edu device, timed
 * against the native Linux driver bench/edu_native.c on a second edu
 * device in the same guest (tests/bench/edu_bench.sh).
 *
 * EDUBIOC_RUN runs one timing loop in the kernel and returns its time
 * (gethrtime): an interrupt round trip (the interrupt-raise register,
 * the handler, a thread waiting on a condition variable under a mutex
 * at the interrupt's priority), ddi_get32/ddi_put32 of a register,
 * DMA bind + sync both ways + unbind of a kmem_alloc or a
 * ddi_dma_mem_alloc buffer, ddi_dma_mem_alloc + ddi_dma_mem_free of
 * consistent memory, and real transfers through the device's buffer
 * (each takes the ~100 ms of QEMU's edu DMA timer: correctness, not
 * speed).  The host-side DMA loops use a handle reaching all memory (no
 * device is involved); the transfers use the device's 28 bits.
 */

#include <sys/types.h>
#include <sys/file.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/stat.h>
#include <sys/ksynch.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/cmn_err.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/ddi_intr.h>
#include <sys/kmem.h>

#include "edubench.h"

#define	EB_REG_IDENT		0x00
#define	EB_REG_LIVE		0x04
#define	EB_REG_INTR_STATUS	0x24
#define	EB_REG_INTR_RAISE	0x60
#define	EB_REG_INTR_ACK		0x64
#define	EB_REG_DMA_SRC		0x80
#define	EB_REG_DMA_DST		0x88
#define	EB_REG_DMA_COUNT	0x90
#define	EB_REG_DMA_CMD		0x98

#define	EB_DMA_START		0x01
#define	EB_DMA_TO_RAM		0x02
#define	EB_DMA_INTR		0x04
#define	EB_DMA_BUF		0x40000

#define	EB_IRQ_DMA		0x00000100
#define	EB_IRQ_RAISE		0x00008000

#define	EB_RNUMBER		1
#define	EB_WAIT_USEC		2000000

typedef struct eb_state {
	dev_info_t		*devi;
	int			instance;
	ddi_acc_handle_t	regh;
	caddr_t			regs;
	ddi_intr_handle_t	intrh;
	uint_t			intr_pri;
	kmutex_t		lock;
	kcondvar_t		cv;
	kmutex_t		oplock;
	uint64_t		seen;
	uint64_t		dma_intrs;
	int			flags;
} eb_state_t;

#define	EB_DIDREGS	0x01
#define	EB_DIDINTR	0x02
#define	EB_DIDLOCK	0x04
#define	EB_DIDMINOR	0x08

#define	EB_R(sp, off)	((uint32_t *)(void *)((sp)->regs + (off)))
#define	EB_R64(sp, off)	((uint64_t *)(void *)((sp)->regs + (off)))

static void *eb_head;

static ddi_device_acc_attr_t eb_acc_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_STRUCTURE_LE_ACC,
	DDI_STRICTORDER_ACC
};

static ddi_device_acc_attr_t eb_mem_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

/* Host-side loops: any address, any length, one cookie a page or more. */
static ddi_dma_attr_t eb_host_attr = {
	DMA_ATTR_V0,
	0,
	0xffffffffffffffffULL,	/* dma_attr_addr_hi */
	0xffffffffULL,		/* dma_attr_count_max */
	1,			/* dma_attr_align */
	0x7f,			/* dma_attr_burstsizes */
	1,			/* dma_attr_minxfer */
	0xffffffffULL,		/* dma_attr_maxxfer */
	0xffffffffULL,		/* dma_attr_seg */
	1024,			/* dma_attr_sgllen */
	1,			/* dma_attr_granular */
	0			/* dma_attr_flags */
};

/* The device's DMA engine: 28 bits, one transfer of one cookie. */
static ddi_dma_attr_t eb_dev_attr = {
	DMA_ATTR_V0,
	0,
	0x0fffffffULL,
	EDUB_XFER_MAX - 1,
	1,
	0x7f,
	1,
	EDUB_XFER_MAX,
	0xffffffffULL,
	1,
	1,
	0
};

static int eb_attach(dev_info_t *, ddi_attach_cmd_t);
static int eb_detach(dev_info_t *, ddi_detach_cmd_t);
static int eb_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int eb_open(dev_t *, int, int, cred_t *);
static int eb_close(dev_t, int, int, cred_t *);
static int eb_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);
static uint_t eb_intr(caddr_t, caddr_t);

static struct cb_ops eb_cb_ops = {
	eb_open,		/* cb_open */
	eb_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
	eb_ioctl,		/* cb_ioctl */
	nodev,			/* cb_devmap */
	nodev,			/* cb_mmap */
	nodev,			/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	(struct streamtab *)NULL,	/* cb_str */
	D_MP | D_64BIT,		/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops eb_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	eb_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	eb_attach,		/* devo_attach */
	eb_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&eb_cb_ops,		/* devo_cb_ops */
	(struct bus_ops *)NULL,	/* devo_bus_ops */
	nodev,			/* devo_power */
	ddi_quiesce_not_supported	/* devo_quiesce */
};

static struct modldrv modldrv = {
	&mod_driverops,
	"edu bench driver 1.0",
	&eb_dev_ops
};

static struct modlinkage modlinkage = {
	MODREV_1,
	{ (void *)&modldrv, NULL }
};

int
_init(void)
{
	int rv;

	if ((rv = ddi_soft_state_init(&eb_head, sizeof (eb_state_t), 1)) != 0)
		return (rv);
	if ((rv = mod_install(&modlinkage)) != 0)
		ddi_soft_state_fini(&eb_head);
	return (rv);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&modlinkage, modinfop));
}

int
_fini(void)
{
	int rv;

	if ((rv = mod_remove(&modlinkage)) != 0)
		return (rv);
	ddi_soft_state_fini(&eb_head);
	return (0);
}

static int
eb_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	minor_t minor = getminor((dev_t)(uintptr_t)arg);
	eb_state_t *sp;

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		sp = ddi_get_soft_state(eb_head, minor);
		*resultp = sp != NULL ? sp->devi : NULL;
		return (sp != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)minor;
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static void
eb_cleanup(eb_state_t *sp)
{
	uint32_t pending;

	if (sp->flags & EB_DIDMINOR)
		ddi_remove_minor_node(sp->devi, NULL);
	if (sp->flags & EB_DIDINTR) {
		(void) ddi_intr_disable(sp->intrh);
		(void) ddi_intr_remove_handler(sp->intrh);
		(void) ddi_intr_free(sp->intrh);
		pending = ddi_get32(sp->regh, EB_R(sp, EB_REG_INTR_STATUS));
		if (pending != 0)
			ddi_put32(sp->regh, EB_R(sp, EB_REG_INTR_ACK), pending);
	}
	if (sp->flags & EB_DIDLOCK) {
		cv_destroy(&sp->cv);
		mutex_destroy(&sp->lock);
	}
	mutex_destroy(&sp->oplock);
	if (sp->flags & EB_DIDREGS)
		ddi_regs_map_free(&sp->regh);
	ddi_soft_state_free(eb_head, sp->instance);
}

static int
eb_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	eb_state_t *sp;
	int actual;

	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (ddi_soft_state_zalloc(eb_head, instance) != DDI_SUCCESS)
		return (DDI_FAILURE);
	sp = ddi_get_soft_state(eb_head, instance);
	sp->devi = dip;
	sp->instance = instance;
	mutex_init(&sp->oplock, NULL, MUTEX_DRIVER, NULL);

	if (ddi_regs_map_setup(dip, EB_RNUMBER, &sp->regs, 0, 0,
	    &eb_acc_attr, &sp->regh) != DDI_SUCCESS)
		goto fail;
	sp->flags |= EB_DIDREGS;
	if ((ddi_get32(sp->regh, EB_R(sp, EB_REG_IDENT)) & 0xff) != 0xed) {
		cmn_err(CE_WARN, "edubench%d: not an edu device", instance);
		goto fail;
	}

	if (ddi_intr_alloc(dip, &sp->intrh, DDI_INTR_TYPE_MSI, 0, 1,
	    &actual, DDI_INTR_ALLOC_STRICT) != DDI_SUCCESS || actual != 1) {
		cmn_err(CE_WARN, "edubench%d: no MSI", instance);
		goto fail;
	}
	if (ddi_intr_get_pri(sp->intrh, &sp->intr_pri) != DDI_SUCCESS) {
		(void) ddi_intr_free(sp->intrh);
		goto fail;
	}
	mutex_init(&sp->lock, NULL, MUTEX_DRIVER, DDI_INTR_PRI(sp->intr_pri));
	cv_init(&sp->cv, NULL, CV_DRIVER, NULL);
	sp->flags |= EB_DIDLOCK;
	if (ddi_intr_add_handler(sp->intrh, eb_intr, (caddr_t)sp, NULL) !=
	    DDI_SUCCESS) {
		(void) ddi_intr_free(sp->intrh);
		goto fail;
	}
	if (ddi_intr_enable(sp->intrh) != DDI_SUCCESS) {
		(void) ddi_intr_remove_handler(sp->intrh);
		(void) ddi_intr_free(sp->intrh);
		goto fail;
	}
	sp->flags |= EB_DIDINTR;

	if (ddi_create_minor_node(dip, "edubench", S_IFCHR, instance,
	    DDI_PSEUDO, 0) != DDI_SUCCESS)
		goto fail;
	sp->flags |= EB_DIDMINOR;
	ddi_report_dev(dip);
	return (DDI_SUCCESS);
fail:
	eb_cleanup(sp);
	return (DDI_FAILURE);
}

static int
eb_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	eb_state_t *sp = ddi_get_soft_state(eb_head, ddi_get_instance(dip));

	if (cmd != DDI_DETACH || sp == NULL)
		return (DDI_FAILURE);
	eb_cleanup(sp);
	return (DDI_SUCCESS);
}

/* Acknowledge, count, wake the waiter. */
static uint_t
eb_intr(caddr_t arg1, caddr_t arg2)
{
	eb_state_t *sp = (eb_state_t *)(void *)arg1;
	uint32_t status;

	status = ddi_get32(sp->regh, EB_R(sp, EB_REG_INTR_STATUS));
	if (status == 0)
		return (DDI_INTR_UNCLAIMED);
	ddi_put32(sp->regh, EB_R(sp, EB_REG_INTR_ACK), status);
	mutex_enter(&sp->lock);
	if (status & EB_IRQ_RAISE)
		sp->seen++;
	if (status & EB_IRQ_DMA)
		sp->dma_intrs++;
	cv_signal(&sp->cv);
	mutex_exit(&sp->lock);
	return (DDI_INTR_CLAIMED);
}

static int
eb_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	if (otyp != OTYP_CHR)
		return (EINVAL);
	return (ddi_get_soft_state(eb_head, getminor(*devp)) != NULL ?
	    0 : ENXIO);
}

static int
eb_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return (0);
}

/* Wait (lock held) until *counter reaches @target: 0, or 1 on timeout. */
static int
eb_wait(eb_state_t *sp, uint64_t *counter, uint64_t target)
{
	while (*counter < target) {
		if (cv_reltimedwait(&sp->cv, &sp->lock,
		    drv_usectohz(EB_WAIT_USEC), TR_CLOCK_TICK) == -1 &&
		    *counter < target)
			return (1);
	}
	return (0);
}

static void
eb_raise(eb_state_t *sp, edub_run_t *rp)
{
	hrtime_t t0 = gethrtime();
	uint64_t i;

	mutex_enter(&sp->lock);
	for (i = 0; i < rp->eb_iters; i++) {
		uint64_t target = sp->seen + 1;

		ddi_put32(sp->regh, EB_R(sp, EB_REG_INTR_RAISE),
		    EB_IRQ_RAISE);
		rp->eb_errors += eb_wait(sp, &sp->seen, target);
	}
	mutex_exit(&sp->lock);
	rp->eb_nsecs = gethrtime() - t0;
}

static void
eb_regs(eb_state_t *sp, edub_run_t *rp)
{
	hrtime_t t0 = gethrtime();
	uint32_t v = 0;
	uint64_t i;

	if (rp->eb_op == EDUB_OP_GET32) {
		for (i = 0; i < rp->eb_iters; i++)
			v |= ddi_get32(sp->regh, EB_R(sp, EB_REG_IDENT));
		rp->eb_nsecs = gethrtime() - t0;
		rp->eb_check = v;
	} else {
		for (i = 0; i < rp->eb_iters; i++)
			ddi_put32(sp->regh, EB_R(sp, EB_REG_LIVE), (uint32_t)i);
		rp->eb_nsecs = gethrtime() - t0;
		rp->eb_check = ddi_get32(sp->regh, EB_R(sp, EB_REG_LIVE));
	}
}

/* Bind, sync for the device and for the CPU, unbind: eb_iters times. */
static void
eb_bind(eb_state_t *sp, edub_run_t *rp)
{
	ddi_dma_handle_t h;
	ddi_acc_handle_t acc = NULL;
	ddi_dma_cookie_t c;
	caddr_t va = NULL;
	size_t len = rp->eb_size, real;
	hrtime_t t0;
	uint_t n;
	uint64_t i;

	if (ddi_dma_alloc_handle(sp->devi, &eb_host_attr, DDI_DMA_SLEEP,
	    NULL, &h) != DDI_SUCCESS) {
		rp->eb_errors++;
		return;
	}
	if (rp->eb_op != EDUB_OP_BIND_MEM)
		va = kmem_alloc(len, KM_SLEEP);
	else if (ddi_dma_mem_alloc(h, len, &eb_mem_attr, DDI_DMA_STREAMING,
	    DDI_DMA_SLEEP, NULL, &va, &real, &acc) != DDI_SUCCESS)
		va = NULL;
	if (va == NULL) {
		rp->eb_errors++;
		ddi_dma_free_handle(&h);
		return;
	}
	if (rp->eb_op == EDUB_OP_SYNC) {
		if (ddi_dma_addr_bind_handle(h, NULL, va, len,
		    DDI_DMA_RDWR | DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL, &c,
		    &n) != DDI_DMA_MAPPED) {
			rp->eb_errors++;
		} else {
			t0 = gethrtime();
			for (i = 0; i < rp->eb_iters; i++) {
				(void) ddi_dma_sync(h, 0, len,
				    DDI_DMA_SYNC_FORDEV);
				(void) ddi_dma_sync(h, 0, len,
				    DDI_DMA_SYNC_FORCPU);
			}
			rp->eb_nsecs = gethrtime() - t0;
			rp->eb_check = n;
			(void) ddi_dma_unbind_handle(h);
		}
		goto out;
	}
	t0 = gethrtime();
	for (i = 0; i < rp->eb_iters; i++) {
		if (ddi_dma_addr_bind_handle(h, NULL, va, len,
		    DDI_DMA_RDWR | DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL, &c,
		    &n) != DDI_DMA_MAPPED) {
			rp->eb_errors++;
			break;
		}
		rp->eb_check = n;
		(void) ddi_dma_sync(h, 0, len, DDI_DMA_SYNC_FORDEV);
		(void) ddi_dma_sync(h, 0, len, DDI_DMA_SYNC_FORCPU);
		(void) ddi_dma_unbind_handle(h);
	}
	rp->eb_nsecs = gethrtime() - t0;
out:
	if (acc != NULL)
		ddi_dma_mem_free(&acc);
	else
		kmem_free(va, len);
	ddi_dma_free_handle(&h);
}

static void
eb_memalloc(eb_state_t *sp, edub_run_t *rp)
{
	ddi_dma_handle_t h;
	ddi_acc_handle_t acc;
	caddr_t va;
	size_t real;
	hrtime_t t0;
	uint64_t i;

	if (ddi_dma_alloc_handle(sp->devi, &eb_host_attr, DDI_DMA_SLEEP,
	    NULL, &h) != DDI_SUCCESS) {
		rp->eb_errors++;
		return;
	}
	t0 = gethrtime();
	for (i = 0; i < rp->eb_iters; i++) {
		if (ddi_dma_mem_alloc(h, rp->eb_size, &eb_mem_attr,
		    DDI_DMA_CONSISTENT, DDI_DMA_SLEEP, NULL, &va, &real,
		    &acc) != DDI_SUCCESS) {
			rp->eb_errors++;
			break;
		}
		ddi_dma_mem_free(&acc);
	}
	rp->eb_nsecs = gethrtime() - t0;
	ddi_dma_free_handle(&h);
}

/* One device transfer of the bound handle's cookie; 0 or 1 (timeout). */
static int
eb_xfer_one(eb_state_t *sp, ddi_dma_handle_t h, size_t len, int to_ram)
{
	uint64_t addr = ddi_dma_cookie_one(h)->dmac_laddress;
	uint64_t target;
	int err;

	mutex_enter(&sp->lock);
	target = sp->dma_intrs + 1;
	ddi_put64(sp->regh, EB_R64(sp, EB_REG_DMA_SRC),
	    to_ram ? EB_DMA_BUF : addr);
	ddi_put64(sp->regh, EB_R64(sp, EB_REG_DMA_DST),
	    to_ram ? addr : EB_DMA_BUF);
	ddi_put64(sp->regh, EB_R64(sp, EB_REG_DMA_COUNT), len);
	ddi_put32(sp->regh, EB_R(sp, EB_REG_DMA_CMD), EB_DMA_START |
	    EB_DMA_INTR | (to_ram ? EB_DMA_TO_RAM : 0));
	err = eb_wait(sp, &sp->dma_intrs, target);
	mutex_exit(&sp->lock);
	return (err);
}

/*
 * Round trips of eb_size bytes of streaming memory: out to the device's
 * buffer, back into another buffer, each bound, synced and unbound
 * around its transfer, and compared.
 */
static void
eb_xfer(eb_state_t *sp, edub_run_t *rp)
{
	ddi_dma_handle_t h[2] = { NULL, NULL };
	ddi_acc_handle_t acc[2] = { NULL, NULL };
	caddr_t va[2];
	size_t len = rp->eb_size, real;
	hrtime_t t0;
	uint64_t i, j;
	int k;

	if (len == 0 || len > EDUB_XFER_MAX) {
		rp->eb_errors++;
		return;
	}
	for (k = 0; k < 2; k++) {
		if (ddi_dma_alloc_handle(sp->devi, &eb_dev_attr,
		    DDI_DMA_SLEEP, NULL, &h[k]) != DDI_SUCCESS ||
		    ddi_dma_mem_alloc(h[k], len, &eb_mem_attr,
		    DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL, &va[k], &real,
		    &acc[k]) != DDI_SUCCESS) {
			rp->eb_errors++;
			goto done;
		}
	}
	t0 = gethrtime();
	for (i = 0; i < rp->eb_iters; i++) {
		for (j = 0; j < len; j++) {
			va[0][j] = (char)(i * 7 + j * 13);
			va[1][j] = 0;
		}
		if (ddi_dma_addr_bind_handle(h[0], NULL, va[0], len,
		    DDI_DMA_WRITE | DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL,
		    NULL, NULL) != DDI_DMA_MAPPED) {
			rp->eb_errors++;
			break;
		}
		(void) ddi_dma_sync(h[0], 0, len, DDI_DMA_SYNC_FORDEV);
		rp->eb_errors += eb_xfer_one(sp, h[0], len, 0);
		(void) ddi_dma_unbind_handle(h[0]);
		if (ddi_dma_addr_bind_handle(h[1], NULL, va[1], len,
		    DDI_DMA_READ | DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL,
		    NULL, NULL) != DDI_DMA_MAPPED) {
			rp->eb_errors++;
			break;
		}
		rp->eb_errors += eb_xfer_one(sp, h[1], len, 1);
		(void) ddi_dma_sync(h[1], 0, len, DDI_DMA_SYNC_FORCPU);
		(void) ddi_dma_unbind_handle(h[1]);
		for (j = 0; j < len; j++)
			if (va[1][j] != (char)(i * 7 + j * 13))
				rp->eb_errors++;
	}
	rp->eb_nsecs = gethrtime() - t0;
done:
	for (k = 0; k < 2; k++) {
		if (acc[k] != NULL)
			ddi_dma_mem_free(&acc[k]);
		if (h[k] != NULL)
			ddi_dma_free_handle(&h[k]);
	}
}

static int
eb_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	eb_state_t *sp = ddi_get_soft_state(eb_head, getminor(dev));
	edub_run_t r;
	int err = 0;

	if (sp == NULL)
		return (ENXIO);
	if (cmd != EDUBIOC_RUN)
		return (ENOTTY);
	if (ddi_copyin((void *)arg, &r, sizeof (r), mode) != 0)
		return (EFAULT);
	if (r.eb_iters == 0 || ((r.eb_op == EDUB_OP_BIND ||
	    r.eb_op == EDUB_OP_SYNC ||
	    r.eb_op == EDUB_OP_BIND_MEM || r.eb_op == EDUB_OP_MEMALLOC) &&
	    (r.eb_size == 0 || r.eb_size > 64 * 1024 * 1024)))
		return (EINVAL);
	r.eb_errors = r.eb_check = r.eb_nsecs = 0;
	mutex_enter(&sp->oplock);
	switch (r.eb_op) {
	case EDUB_OP_RAISE:
		eb_raise(sp, &r);
		break;
	case EDUB_OP_GET32:
	case EDUB_OP_PUT32:
		eb_regs(sp, &r);
		break;
	case EDUB_OP_BIND:
	case EDUB_OP_BIND_MEM:
	case EDUB_OP_SYNC:
		eb_bind(sp, &r);
		break;
	case EDUB_OP_MEMALLOC:
		eb_memalloc(sp, &r);
		break;
	case EDUB_OP_XFER:
		eb_xfer(sp, &r);
		break;
	default:
		err = EINVAL;
		break;
	}
	mutex_exit(&sp->oplock);
	if (err == 0 && ddi_copyout(&r, (void *)arg, sizeof (r), mode) != 0)
		err = EFAULT;
	return (err);
}
