/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Driver for QEMU's "edu" educational PCI device (vendor 0x1234, device
 * 0x11e8), written as a Solaris driver.
 *
 * The device has one 1 MB memory BAR (register set 1) holding its
 * registers: identification, a liveness check (reads give the inverse
 * of what was written), a factorial unit with a status register and an
 * optional completion interrupt, an interrupt-raise register and an
 * interrupt status/acknowledge pair.  It interrupts through MSI or INTx;
 * the driver uses the type the "edu-intr-type" property of edu.conf
 * names ("msi" or "fixed"), and EDUIOC_INTR switches at run time.
 *
 * Each instance has one character minor node, "edu", whose ioctls
 * (edu.h) expose the device: EDUIOC_IDENT, EDUIOC_LIVE, EDUIOC_FACT
 * (polled or by interrupt), EDUIOC_RAISE (interrupts raised one at a
 * time, each waited for), EDUIOC_STATS and EDUIOC_MISUSE (asks the DDI
 * for things it must refuse and reports which it refused).
 *
 * DMA: the device copies up to 4096 bytes between memory and its own
 * buffer (at 0x40000 in its address space), reaching 28 bits of bus
 * address; it interrupts when done.  EDUIOC_DMA runs round trips of
 * pseudo-random data through consistent, streaming or kmem_alloc
 * memory; EDUIOC_DMAWIN walks the windows of a DDI_DMA_PARTIAL bind;
 * EDUIOC_DMAUSER moves a user buffer through physio(9F) with
 * ddi_dma_buf_bind_handle(9F) and a scatter/gather list of one entry;
 * EDUIOC_DMAMISUSE asks the DMA functions for what they must refuse.
 *
 * The interrupt handler and the ioctls share edu_lock, initialised at
 * the interrupt's priority.
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
#include <sys/pci.h>
#include <sys/pci_cap.h>
#include <sys/buf.h>
#include <sys/uio.h>
#include <sys/kmem.h>

#include "edu.h"

/* Registers, offsets into BAR 0 (register set 1). */
#define	EDU_REG_IDENT		0x00
#define	EDU_REG_LIVE		0x04
#define	EDU_REG_FACT		0x08
#define	EDU_REG_STATUS		0x20
#define	EDU_REG_INTR_STATUS	0x24
#define	EDU_REG_INTR_RAISE	0x60
#define	EDU_REG_INTR_ACK	0x64
#define	EDU_REG_DMA_SRC		0x80
#define	EDU_REG_DMA_DST		0x88
#define	EDU_REG_DMA_COUNT	0x90
#define	EDU_REG_DMA_CMD		0x98

#define	EDU_DMA_START		0x01
#define	EDU_DMA_TO_RAM		0x02	/* from the device's buffer */
#define	EDU_DMA_INTR		0x04

#define	EDU_DMA_BUF		0x40000	/* the buffer, device address */
#define	EDU_DMA_BUFSZ		4096
/*
 * What the driver uses of it: QEMU 7.2's edu stops the whole machine
 * (hw_error) on a transfer that reaches the last byte of its buffer.
 */
#define	EDU_DMA_MAX		EDU_DMA_MAXLEN

#define	EDU_STATUS_COMPUTING	0x01
#define	EDU_STATUS_IRQFACT	0x80

#define	EDU_IRQ_FACT		0x00000001	/* the device's own */
#define	EDU_IRQ_DMA		0x00000100	/* the device's own */
#define	EDU_IRQ_RAISE		0x00008000	/* what the driver raises */

#define	EDU_VENDOR		0x1234
#define	EDU_DEVICE		0x11e8
#define	EDU_RNUMBER		1
#define	EDU_WAIT_USEC		2000000		/* for an interrupt */

typedef struct edu_state {
	dev_info_t		*devi;
	int			instance;
	ddi_acc_handle_t	cfgh;
	ddi_acc_handle_t	regh;
	caddr_t			regs;
	ddi_intr_handle_t	intrh;
	int			intr_type;
	uint_t			intr_pri;
	uint16_t		msi_cap;
	uint32_t		ident;
	kmutex_t		lock;
	kcondvar_t		cv;
	kmutex_t		oplock;		/* one operation at a time */
	uint64_t		raised;
	uint64_t		seen;
	uint64_t		unclaimed;
	uint64_t		fact_intrs;
	uint64_t		dma_intrs;
	int			flags;
	edu_dmauser_t		*user;		/* EDUIOC_DMAUSER's, oplock */
} edu_state_t;

#define	EDU_DIDCFG	0x01
#define	EDU_DIDREGS	0x02
#define	EDU_DIDINTR	0x04
#define	EDU_DIDLOCK	0x08
#define	EDU_DIDMINOR	0x10

#define	EDU_R(sp, off)	((uint32_t *)(void *)((sp)->regs + (off)))

static void *edu_state_head;

static ddi_device_acc_attr_t edu_acc_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_STRUCTURE_LE_ACC,
	DDI_STRICTORDER_ACC
};

/* The device's DMA engine: 28 bits of address, no scatter/gather. */
static ddi_dma_attr_t edu_dma_attr = {
	DMA_ATTR_V0,		/* dma_attr_version */
	0,			/* dma_attr_addr_lo */
	0x0fffffffULL,		/* dma_attr_addr_hi: 28 bits */
	EDU_DMA_BUFSZ - 1,	/* dma_attr_count_max */
	1,			/* dma_attr_align */
	0x7f,			/* dma_attr_burstsizes */
	1,			/* dma_attr_minxfer */
	EDU_DMA_BUFSZ,		/* dma_attr_maxxfer */
	0xffffffffULL,		/* dma_attr_seg */
	8,			/* dma_attr_sgllen: one transfer a cookie */
	1,			/* dma_attr_granular */
	0			/* dma_attr_flags */
};

static ddi_device_acc_attr_t edu_mem_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

static int edu_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int edu_attach(dev_info_t *, ddi_attach_cmd_t);
static int edu_detach(dev_info_t *, ddi_detach_cmd_t);
static int edu_open(dev_t *, int, int, cred_t *);
static int edu_close(dev_t, int, int, cred_t *);
static int edu_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);
static uint_t edu_intr(caddr_t, caddr_t);
static int edu_intr_setup(edu_state_t *, int);
static void edu_intr_teardown(edu_state_t *);
static void edu_cleanup(edu_state_t *);

static struct cb_ops edu_cb_ops = {
	edu_open,		/* cb_open */
	edu_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
	edu_ioctl,		/* cb_ioctl */
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

static struct dev_ops edu_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	edu_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	edu_attach,		/* devo_attach */
	edu_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&edu_cb_ops,		/* devo_cb_ops */
	(struct bus_ops *)NULL,	/* devo_bus_ops */
	nodev,			/* devo_power */
	ddi_quiesce_not_supported	/* devo_quiesce */
};

static struct modldrv modldrv = {
	&mod_driverops,
	"QEMU edu device 1.0",
	&edu_dev_ops
};

static struct modlinkage modlinkage = {
	MODREV_1,
	{ (void *)&modldrv, NULL }
};

int
_init(void)
{
	int retval;

	if ((retval = ddi_soft_state_init(&edu_state_head,
	    sizeof (edu_state_t), 1)) != 0)
		return (retval);
	if ((retval = mod_install(&modlinkage)) != 0) {
		ddi_soft_state_fini(&edu_state_head);
		return (retval);
	}
	return (0);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&modlinkage, modinfop));
}

int
_fini(void)
{
	int retval;

	if ((retval = mod_remove(&modlinkage)) != 0)
		return (retval);
	ddi_soft_state_fini(&edu_state_head);
	return (0);
}

static int
edu_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	minor_t minor = getminor((dev_t)(uintptr_t)arg);
	edu_state_t *sp;

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		sp = ddi_get_soft_state(edu_state_head, minor);
		*resultp = sp != NULL ? sp->devi : NULL;
		return (sp != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)minor;
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static int
edu_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	edu_state_t *sp;
	char *itype = NULL;
	int type = DDI_INTR_TYPE_MSI;
	uint16_t venid, devid;

	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (ddi_soft_state_zalloc(edu_state_head, instance) != DDI_SUCCESS)
		return (DDI_FAILURE);
	sp = ddi_get_soft_state(edu_state_head, instance);
	sp->devi = dip;
	sp->instance = instance;
	mutex_init(&sp->oplock, NULL, MUTEX_DRIVER, NULL);

	/* Configuration space: who we are, and the MSI capability. */
	if (pci_config_setup(dip, &sp->cfgh) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "edu%d: pci_config_setup failed", instance);
		goto fail;
	}
	sp->flags |= EDU_DIDCFG;
	venid = pci_config_get16(sp->cfgh, PCI_CONF_VENID);
	devid = pci_config_get16(sp->cfgh, PCI_CONF_DEVID);
	if (venid != EDU_VENDOR || devid != EDU_DEVICE) {
		cmn_err(CE_WARN, "edu%d: not an edu device (%04x,%04x)",
		    instance, venid, devid);
		goto fail;
	}
	if (PCI_CAP_LOCATE(sp->cfgh, PCI_CAP_ID_MSI, &sp->msi_cap) !=
	    DDI_SUCCESS)
		sp->msi_cap = 0;

	/* The registers. */
	if (ddi_regs_map_setup(dip, EDU_RNUMBER, &sp->regs, 0, 0,
	    &edu_acc_attr, &sp->regh) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "edu%d: cannot map the registers", instance);
		goto fail;
	}
	sp->flags |= EDU_DIDREGS;
	sp->ident = ddi_get32(sp->regh, EDU_R(sp, EDU_REG_IDENT));
	if ((sp->ident & 0xff) != 0xed) {
		cmn_err(CE_WARN, "edu%d: bad identification %08x", instance,
		    sp->ident);
		goto fail;
	}

	/* The interrupt: the type edu.conf asks for. */
	if (ddi_prop_lookup_string(DDI_DEV_T_ANY, dip, 0, "edu-intr-type",
	    &itype) == DDI_PROP_SUCCESS) {
		if (strcmp(itype, "fixed") == 0)
			type = DDI_INTR_TYPE_FIXED;
		else if (strcmp(itype, "msi") != 0)
			cmn_err(CE_WARN, "edu%d: edu-intr-type \"%s\" unknown; "
			    "using msi", instance, itype);
		ddi_prop_free(itype);
	}
	if (edu_intr_setup(sp, type) != DDI_SUCCESS)
		goto fail;

	if (ddi_create_minor_node(dip, "edu", S_IFCHR, instance, DDI_PSEUDO,
	    0) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "edu%d: cannot create the minor node",
		    instance);
		goto fail;
	}
	sp->flags |= EDU_DIDMINOR;
	(void) ddi_prop_update_int(DDI_DEV_T_NONE, dip, "edu-version",
	    (int)(sp->ident >> 16));
	ddi_report_dev(dip);
	return (DDI_SUCCESS);

fail:
	edu_cleanup(sp);
	return (DDI_FAILURE);
}

/* Allocate, add and enable one interrupt of @type; make the lock. */
static int
edu_intr_setup(edu_state_t *sp, int type)
{
	int types, actual;

	if (ddi_intr_get_supported_types(sp->devi, &types) != DDI_SUCCESS ||
	    (types & type) == 0) {
		cmn_err(CE_WARN, "edu%d: interrupt type %d not supported",
		    sp->instance, type);
		return (DDI_FAILURE);
	}
	if (ddi_intr_alloc(sp->devi, &sp->intrh, type, 0, 1, &actual,
	    DDI_INTR_ALLOC_STRICT) != DDI_SUCCESS || actual != 1) {
		cmn_err(CE_WARN, "edu%d: ddi_intr_alloc failed", sp->instance);
		return (DDI_FAILURE);
	}
	if (ddi_intr_get_pri(sp->intrh, &sp->intr_pri) != DDI_SUCCESS ||
	    sp->intr_pri >= ddi_intr_get_hilevel_pri()) {
		cmn_err(CE_WARN, "edu%d: unusable interrupt priority %u",
		    sp->instance, sp->intr_pri);
		(void) ddi_intr_free(sp->intrh);
		return (DDI_FAILURE);
	}
	if ((sp->flags & EDU_DIDLOCK) == 0) {
		mutex_init(&sp->lock, NULL, MUTEX_DRIVER,
		    DDI_INTR_PRI(sp->intr_pri));
		cv_init(&sp->cv, NULL, CV_DRIVER, NULL);
		sp->flags |= EDU_DIDLOCK;
	}
	if (ddi_intr_add_handler(sp->intrh, edu_intr, (caddr_t)sp,
	    NULL) != DDI_SUCCESS) {
		(void) ddi_intr_free(sp->intrh);
		return (DDI_FAILURE);
	}
	if (ddi_intr_enable(sp->intrh) != DDI_SUCCESS) {
		(void) ddi_intr_remove_handler(sp->intrh);
		(void) ddi_intr_free(sp->intrh);
		return (DDI_FAILURE);
	}
	sp->intr_type = type;
	sp->flags |= EDU_DIDINTR;
	return (DDI_SUCCESS);
}

static void
edu_intr_teardown(edu_state_t *sp)
{
	uint32_t pending;

	if ((sp->flags & EDU_DIDINTR) == 0)
		return;
	(void) ddi_intr_disable(sp->intrh);
	(void) ddi_intr_remove_handler(sp->intrh);
	(void) ddi_intr_free(sp->intrh);
	sp->flags &= ~EDU_DIDINTR;
	/* Quiet the device: nothing left raised. */
	pending = ddi_get32(sp->regh, EDU_R(sp, EDU_REG_INTR_STATUS));
	if (pending != 0)
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_INTR_ACK), pending);
}

static void
edu_cleanup(edu_state_t *sp)
{
	if (sp->flags & EDU_DIDMINOR)
		ddi_remove_minor_node(sp->devi, NULL);
	edu_intr_teardown(sp);
	if (sp->flags & EDU_DIDLOCK) {
		cv_destroy(&sp->cv);
		mutex_destroy(&sp->lock);
	}
	mutex_destroy(&sp->oplock);
	if (sp->flags & EDU_DIDREGS)
		ddi_regs_map_free(&sp->regh);
	if (sp->flags & EDU_DIDCFG)
		pci_config_teardown(&sp->cfgh);
	ddi_soft_state_free(edu_state_head, sp->instance);
}

static int
edu_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	edu_state_t *sp = ddi_get_soft_state(edu_state_head,
	    ddi_get_instance(dip));

	if (cmd != DDI_DETACH || sp == NULL)
		return (DDI_FAILURE);
	edu_cleanup(sp);
	return (DDI_SUCCESS);
}

/*
 * The interrupt handler: acknowledge what the device raised, count it
 * and wake the waiters.  Nothing raised: not ours.
 */
static uint_t
edu_intr(caddr_t arg1, caddr_t arg2)
{
	edu_state_t *sp = (edu_state_t *)(void *)arg1;
	uint32_t status;

	status = ddi_get32(sp->regh, EDU_R(sp, EDU_REG_INTR_STATUS));
	if (status == 0) {
		mutex_enter(&sp->lock);
		sp->unclaimed++;
		mutex_exit(&sp->lock);
		return (DDI_INTR_UNCLAIMED);
	}
	ddi_put32(sp->regh, EDU_R(sp, EDU_REG_INTR_ACK), status);
	mutex_enter(&sp->lock);
	if (status & EDU_IRQ_RAISE)
		sp->seen++;
	if (status & EDU_IRQ_FACT)
		sp->fact_intrs++;
	if (status & EDU_IRQ_DMA)
		sp->dma_intrs++;
	cv_broadcast(&sp->cv);
	mutex_exit(&sp->lock);
	return (DDI_INTR_CLAIMED);
}

static int
edu_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	if (otyp != OTYP_CHR)
		return (EINVAL);
	if (ddi_get_soft_state(edu_state_head, getminor(*devp)) == NULL)
		return (ENXIO);
	return (0);
}

static int
edu_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return (0);
}

/* Wait (lock held) until *counter passes @target; 0 or ETIME. */
static int
edu_wait(edu_state_t *sp, uint64_t *counter, uint64_t target)
{
	while (*counter < target) {
		if (cv_reltimedwait(&sp->cv, &sp->lock,
		    drv_usectohz(EDU_WAIT_USEC), TR_CLOCK_TICK) == -1 &&
		    *counter < target)
			return (ETIME);
	}
	return (0);
}

static int
edu_fact(edu_state_t *sp, edu_fact_t *fp)
{
	uint64_t target;
	int i, err = 0;

	if (!fp->ef_by_intr) {
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_STATUS), 0);
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_FACT), fp->ef_n);
		for (i = 0; ddi_get32(sp->regh, EDU_R(sp, EDU_REG_STATUS)) &
		    EDU_STATUS_COMPUTING; i++) {
			if (i == 100000)
				return (ETIME);
			drv_usecwait(10);
		}
	} else {
		mutex_enter(&sp->lock);
		target = sp->fact_intrs + 1;
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_STATUS),
		    EDU_STATUS_IRQFACT);
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_FACT), fp->ef_n);
		err = edu_wait(sp, &sp->fact_intrs, target);
		mutex_exit(&sp->lock);
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_STATUS), 0);
		if (err != 0)
			return (err);
	}
	fp->ef_result = ddi_get32(sp->regh, EDU_R(sp, EDU_REG_FACT));
	return (0);
}

static void
edu_raise(edu_state_t *sp, edu_raise_t *rp)
{
	hrtime_t start = gethrtime();
	uint32_t i;

	rp->er_timeouts = 0;
	mutex_enter(&sp->lock);
	for (i = 0; i < rp->er_count; i++) {
		uint64_t target = sp->seen + 1;

		sp->raised++;
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_INTR_RAISE),
		    EDU_IRQ_RAISE);
		if (rp->er_nowait)
			continue;
		if (edu_wait(sp, &sp->seen, target) != 0)
			rp->er_timeouts++;
	}
	mutex_exit(&sp->lock);
	rp->er_nsecs = gethrtime() - start;
}

/* Ask the DDI for what it must refuse; a bit per refusal seen. */
static uint32_t
edu_misuse(edu_state_t *sp)
{
	ddi_device_acc_attr_t bad = edu_acc_attr, be = edu_acc_attr;
	ddi_intr_handle_t h[2];
	ddi_acc_handle_t mh;
	caddr_t m;
	uint32_t ok = 0, v;
	int actual = -1;
	off_t size;

	if (ddi_regs_map_setup(sp->devi, 7, &m, 0, 0, &edu_acc_attr,
	    &mh) != DDI_SUCCESS)
		ok |= EDU_MISUSE_RNUMBER;
	else
		ddi_regs_map_free(&mh);
	if (ddi_dev_regsize(sp->devi, EDU_RNUMBER, &size) != DDI_SUCCESS)
		return (ok);
	if (ddi_regs_map_setup(sp->devi, EDU_RNUMBER, &m, size, 0,
	    &edu_acc_attr, &mh) != DDI_SUCCESS)
		ok |= EDU_MISUSE_OFFSET;
	else
		ddi_regs_map_free(&mh);
	if (ddi_regs_map_setup(sp->devi, EDU_RNUMBER, &m, size - 0x1000,
	    0x2000, &edu_acc_attr, &mh) != DDI_SUCCESS)
		ok |= EDU_MISUSE_LENGTH;
	else
		ddi_regs_map_free(&mh);
	bad.devacc_attr_version = 7;
	if (ddi_regs_map_setup(sp->devi, EDU_RNUMBER, &m, 0, 0, &bad,
	    &mh) != DDI_SUCCESS)
		ok |= EDU_MISUSE_ATTR;
	else
		ddi_regs_map_free(&mh);

	/* A mapping of the identification register only. */
	if (ddi_regs_map_setup(sp->devi, EDU_RNUMBER, &m, 0, 4,
	    &edu_acc_attr, &mh) == DDI_SUCCESS) {
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_LIVE), 0x5a5a0000);
		/* The liveness register is just past this mapping. */
		ddi_put32(mh, (uint32_t *)(void *)(m + 4), 0x12345678);
		if (ddi_get32(sp->regh, EDU_R(sp, EDU_REG_LIVE)) ==
		    ~0x5a5a0000u)
			ok |= EDU_MISUSE_PUT_OUTSIDE;
		if (ddi_get32(mh, (uint32_t *)(void *)(m + 4)) == 0xffffffffu &&
		    ddi_get32(mh, (uint32_t *)(void *)m) == sp->ident)
			ok |= EDU_MISUSE_GET_OUTSIDE;
		ddi_regs_map_free(&mh);
	}

	if (ddi_intr_alloc(sp->devi, h, sp->intr_type, 0, 2, &actual,
	    DDI_INTR_ALLOC_STRICT) != DDI_SUCCESS && actual == 0)
		ok |= EDU_MISUSE_INTR_STRICT;
	else if (actual > 0)
		while (actual > 0)
			(void) ddi_intr_free(h[--actual]);

	if (pci_config_get32(sp->cfgh, 0x1000) == 0xffffffffu &&
	    pci_config_get16(sp->cfgh, PCI_CONF_VENID) == EDU_VENDOR)
		ok |= EDU_MISUSE_CONFIG;

	/* A big-endian handle swaps: the device sees the bytes reversed. */
	be.devacc_attr_endian_flags = DDI_STRUCTURE_BE_ACC;
	if (ddi_regs_map_setup(sp->devi, EDU_RNUMBER, &m, 0, 0x100, &be,
	    &mh) == DDI_SUCCESS) {
		ddi_put32(mh, (uint32_t *)(void *)(m + EDU_REG_LIVE),
		    0x11223344);
		v = ddi_get32(sp->regh, EDU_R(sp, EDU_REG_LIVE));
		if (v == ~0x44332211u &&
		    ddi_get32(mh, (uint32_t *)(void *)(m + EDU_REG_LIVE)) ==
		    ~0x11223344u)
			ok |= EDU_MISUSE_BIG_ENDIAN;
		ddi_regs_map_free(&mh);
	}
	return (ok);
}

/* --- DMA --- */

/* Pseudo-random bytes: xorshift32 from @seed. */
static void
edu_fill(uint8_t *p, size_t len, uint32_t seed)
{
	uint32_t x = seed | 1;
	size_t i;

	for (i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		p[i] = (uint8_t)x;
	}
}

/* Bytes of @p that differ from what edu_fill(@seed) gives. */
static uint64_t
edu_check(const uint8_t *p, size_t len, uint32_t seed)
{
	uint32_t x = seed | 1;
	uint64_t bad = 0;
	size_t i;

	for (i = 0; i < len; i++) {
		x ^= x << 13;
		x ^= x >> 17;
		x ^= x << 5;
		if (p[i] != (uint8_t)x)
			bad++;
	}
	return (bad);
}

/*
 * One transfer of @len bytes between bus address @addr and the device's
 * buffer at @off, completed by the device's interrupt.  oplock held.
 */
static int
edu_dma_one(edu_state_t *sp, uint64_t addr, uint32_t off, size_t len,
    int to_ram)
{
	uint64_t target;
	int err;

	if (off > EDU_DMA_MAX || len > EDU_DMA_MAX - off)
		return (EINVAL);
	mutex_enter(&sp->lock);
	target = sp->dma_intrs + 1;
	if (to_ram) {
		ddi_put64(sp->regh, (uint64_t *)(void *)(sp->regs +
		    EDU_REG_DMA_SRC), EDU_DMA_BUF + off);
		ddi_put64(sp->regh, (uint64_t *)(void *)(sp->regs +
		    EDU_REG_DMA_DST), addr);
	} else {
		ddi_put64(sp->regh, (uint64_t *)(void *)(sp->regs +
		    EDU_REG_DMA_SRC), addr);
		ddi_put64(sp->regh, (uint64_t *)(void *)(sp->regs +
		    EDU_REG_DMA_DST), EDU_DMA_BUF + off);
	}
	ddi_put64(sp->regh, (uint64_t *)(void *)(sp->regs +
	    EDU_REG_DMA_COUNT), len);
	ddi_put32(sp->regh, EDU_R(sp, EDU_REG_DMA_CMD), EDU_DMA_START |
	    EDU_DMA_INTR | (to_ram ? EDU_DMA_TO_RAM : 0));
	err = edu_wait(sp, &sp->dma_intrs, target);
	mutex_exit(&sp->lock);
	return (err);
}

/*
 * Move the current window of bound handle @h to or from the device's
 * buffer at @off: one transfer a cookie.  Counts into @dp if given.
 */
static int
edu_dma_window(edu_state_t *sp, ddi_dma_handle_t h, uint32_t off,
    int to_ram, edu_dma_t *dp)
{
	const ddi_dma_cookie_t *c;
	uint_t n = 0;
	int err;

	for (c = ddi_dma_cookie_iter(h, NULL); c != NULL;
	    c = ddi_dma_cookie_iter(h, c), n++) {
		if (dp != NULL && c->dmac_laddress + c->dmac_size - 1 >
		    dp->ed_maxaddr)
			dp->ed_maxaddr = c->dmac_laddress + c->dmac_size - 1;
		if ((err = edu_dma_one(sp, c->dmac_laddress, off,
		    c->dmac_size, to_ram)) != 0)
			return (err);
		off += c->dmac_size;
	}
	if (dp != NULL && n > dp->ed_maxcookies)
		dp->ed_maxcookies = n;
	return (0);
}

/* Memory for one end of a round trip. */
typedef struct edu_dbuf {
	ddi_dma_handle_t	h;
	ddi_acc_handle_t	acc;
	caddr_t			va;
	size_t			len;
	int			bound;
} edu_dbuf_t;

static void
edu_dbuf_free(edu_dbuf_t *b, int mode)
{
	if (b->bound)
		(void) ddi_dma_unbind_handle(b->h);
	if (b->va != NULL && mode == EDU_DMA_KMEM)
		kmem_free(b->va, b->len);
	else if (b->va != NULL)
		ddi_dma_mem_free(&b->acc);
	if (b->h != NULL)
		ddi_dma_free_handle(&b->h);
	bzero(b, sizeof (*b));
}

static int
edu_dbuf_bind(edu_dbuf_t *b, uint_t dir, uint_t kind, edu_dma_t *dp)
{
	if (ddi_dma_addr_bind_handle(b->h, NULL, b->va, b->len, dir | kind,
	    DDI_DMA_SLEEP, NULL, NULL, NULL) != DDI_DMA_MAPPED) {
		dp->ed_failed++;
		return (EIO);
	}
	b->bound = 1;
	return (0);
}

static int
edu_dbuf_alloc(edu_state_t *sp, edu_dbuf_t *b, size_t len, int mode)
{
	size_t real;

	bzero(b, sizeof (*b));
	if (ddi_dma_alloc_handle(sp->devi, &edu_dma_attr, DDI_DMA_SLEEP,
	    NULL, &b->h) != DDI_SUCCESS)
		return (EIO);
	b->len = len;
	if (mode == EDU_DMA_KMEM) {
		b->va = kmem_alloc(len, KM_SLEEP);
		return (0);
	}
	if (ddi_dma_mem_alloc(b->h, len, &edu_mem_attr,
	    mode == EDU_DMA_CONSISTENT ? DDI_DMA_CONSISTENT :
	    DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL, &b->va, &real,
	    &b->acc) != DDI_SUCCESS) {
		b->va = NULL;
		return (ENOMEM);
	}
	if (real < len)
		return (EIO);
	return (0);
}

/* EDUIOC_DMA: round trips.  oplock held. */
static int
edu_dma_trips(edu_state_t *sp, edu_dma_t *dp)
{
	uint_t kind = dp->ed_mode == EDU_DMA_CONSISTENT ?
	    DDI_DMA_CONSISTENT : DDI_DMA_STREAMING;
	hrtime_t start = gethrtime();
	uint64_t intrs0;
	edu_dbuf_t out, in;
	uint32_t i, seed;
	int err;

	if (dp->ed_len == 0 || dp->ed_len > EDU_DMA_MAX ||
	    dp->ed_mode < EDU_DMA_CONSISTENT || dp->ed_mode > EDU_DMA_KMEM)
		return (EINVAL);
	dp->ed_errors = dp->ed_maxaddr = 0;
	dp->ed_timeouts = dp->ed_failed = dp->ed_maxcookies = 0;
	mutex_enter(&sp->lock);
	intrs0 = sp->dma_intrs;
	mutex_exit(&sp->lock);

	bzero(&in, sizeof (in));
	if ((err = edu_dbuf_alloc(sp, &out, dp->ed_len, dp->ed_mode)) != 0 ||
	    (err = edu_dbuf_alloc(sp, &in, dp->ed_len, dp->ed_mode)) != 0)
		goto done;
	/* Consistent memory stays bound, as descriptor rings do. */
	if (dp->ed_mode == EDU_DMA_CONSISTENT &&
	    ((err = edu_dbuf_bind(&out, DDI_DMA_RDWR, kind, dp)) != 0 ||
	    (err = edu_dbuf_bind(&in, DDI_DMA_RDWR, kind, dp)) != 0))
		goto done;

	for (i = 0; i < dp->ed_count; i++) {
		seed = dp->ed_seed ^ (i * 0x9e3779b9u);
		edu_fill((uint8_t *)out.va, dp->ed_len, seed);
		bzero(in.va, dp->ed_len);
		if (dp->ed_mode != EDU_DMA_CONSISTENT &&
		    ((err = edu_dbuf_bind(&out, DDI_DMA_WRITE, kind, dp)) != 0 ||
		    (err = edu_dbuf_bind(&in, DDI_DMA_READ, kind, dp)) != 0))
			goto done;
		if (ddi_dma_sync(out.h, 0, 0, DDI_DMA_SYNC_FORDEV) !=
		    DDI_SUCCESS ||
		    ddi_dma_sync(in.h, 0, 0, DDI_DMA_SYNC_FORDEV) !=
		    DDI_SUCCESS)
			dp->ed_failed++;
		if (edu_dma_window(sp, out.h, 0, 0, dp) != 0 ||
		    edu_dma_window(sp, in.h, 0, 1, dp) != 0)
			dp->ed_timeouts++;
		if (ddi_dma_sync(in.h, 0, dp->ed_len, DDI_DMA_SYNC_FORCPU) !=
		    DDI_SUCCESS)
			dp->ed_failed++;
		if (dp->ed_mode != EDU_DMA_CONSISTENT) {
			(void) ddi_dma_unbind_handle(out.h);
			(void) ddi_dma_unbind_handle(in.h);
			out.bound = in.bound = 0;
		}
		dp->ed_errors += edu_check((uint8_t *)in.va, dp->ed_len, seed);
	}
done:
	edu_dbuf_free(&out, dp->ed_mode);
	edu_dbuf_free(&in, dp->ed_mode);
	mutex_enter(&sp->lock);
	dp->ed_intrs = (uint32_t)(sp->dma_intrs - intrs0);
	mutex_exit(&sp->lock);
	dp->ed_nsecs = gethrtime() - start;
	return (err);
}

/* EDUIOC_DMAWIN: every cookie a window, walked to the end.  oplock held. */
static int
edu_dma_windows(edu_state_t *sp, edu_dmawin_t *wp)
{
	ddi_dma_attr_t attr = edu_dma_attr;
	ddi_dma_cookie_t c;
	edu_dbuf_t src, back;
	edu_dma_t scratch;
	size_t len;
	off_t off;
	uint_t w, n;
	int err;

	if (wp->ew_chunk < 64 || wp->ew_chunk > EDU_DMA_MAX)
		return (EINVAL);
	bzero(&scratch, sizeof (scratch));
	bzero(&back, sizeof (back));
	wp->ew_nwin = wp->ew_walked = wp->ew_errors = wp->ew_badcookies = 0;
	if ((err = edu_dbuf_alloc(sp, &src, EDU_DMA_MAX,
	    EDU_DMA_CONSISTENT)) != 0 ||
	    (err = edu_dbuf_alloc(sp, &back, EDU_DMA_MAX,
	    EDU_DMA_CONSISTENT)) != 0)
		goto done;
	/* A second handle on the same memory, with small cookies. */
	ddi_dma_free_handle(&src.h);
	attr.dma_attr_count_max = wp->ew_chunk - 1;
	attr.dma_attr_sgllen = 1;
	if (ddi_dma_alloc_handle(sp->devi, &attr, DDI_DMA_SLEEP, NULL,
	    &src.h) != DDI_SUCCESS) {
		err = EIO;
		goto done;
	}
	edu_fill((uint8_t *)src.va, EDU_DMA_MAX, wp->ew_seed);
	bzero(back.va, EDU_DMA_MAX);

	wp->ew_nopartial = ddi_dma_addr_bind_handle(src.h, NULL, src.va,
	    EDU_DMA_MAX, DDI_DMA_WRITE | DDI_DMA_CONSISTENT, DDI_DMA_SLEEP,
	    NULL, &c, &n);
	if (wp->ew_nopartial == DDI_DMA_MAPPED)
		(void) ddi_dma_unbind_handle(src.h);
	wp->ew_partial = ddi_dma_addr_bind_handle(src.h, NULL, src.va,
	    EDU_DMA_MAX, DDI_DMA_WRITE | DDI_DMA_CONSISTENT |
	    DDI_DMA_PARTIAL, DDI_DMA_SLEEP, NULL, &c, &n);
	if (wp->ew_partial != DDI_DMA_PARTIAL_MAP &&
	    wp->ew_partial != DDI_DMA_MAPPED)
		goto done;
	src.bound = 1;
	if (ddi_dma_numwin(src.h, &wp->ew_nwin) != DDI_SUCCESS) {
		err = EIO;
		goto done;
	}
	for (w = 0; w < wp->ew_nwin; w++) {
		if (ddi_dma_getwin(src.h, w, &off, &len, &c, &n) !=
		    DDI_SUCCESS)
			break;
		if (n != 1 || c.dmac_size != len)
			wp->ew_badcookies++;
		(void) ddi_dma_sync(src.h, off, len, DDI_DMA_SYNC_FORDEV);
		if (edu_dma_window(sp, src.h, (uint32_t)off, 0, NULL) != 0)
			break;
		wp->ew_walked++;
	}
	if ((err = edu_dbuf_bind(&back, DDI_DMA_READ, DDI_DMA_CONSISTENT,
	    &scratch)) != 0 ||
	    (err = edu_dma_window(sp, back.h, 0, 1, NULL)) != 0)
		goto done;
	(void) ddi_dma_sync(back.h, 0, 0, DDI_DMA_SYNC_FORCPU);
	wp->ew_errors = (uint32_t)edu_check((uint8_t *)back.va, EDU_DMA_MAX,
	    wp->ew_seed);
done:
	edu_dbuf_free(&src, EDU_DMA_CONSISTENT);
	edu_dbuf_free(&back, EDU_DMA_CONSISTENT);
	return (err);
}

/*
 * EDUIOC_DMAUSER's strategy routine: bind the buf with a scatter/gather
 * list of one entry and move it window by window.
 */
static int
edu_strategy(struct buf *bp)
{
	edu_state_t *sp = ddi_get_soft_state(edu_state_head,
	    getminor(bp->b_edev));
	ddi_dma_attr_t attr = edu_dma_attr;
	edu_dmauser_t *up;
	ddi_dma_handle_t h;
	ddi_dma_cookie_t c;
	int to_ram = (bp->b_flags & B_READ) != 0;
	size_t len;
	off_t off;
	uint_t w, n;
	int r;

	if (sp == NULL || (up = sp->user) == NULL) {
		bioerror(bp, ENXIO);
		biodone(bp);
		return (0);
	}
	attr.dma_attr_sgllen = 1;
	if (ddi_dma_alloc_handle(sp->devi, &attr, DDI_DMA_SLEEP, NULL,
	    &h) != DDI_SUCCESS) {
		bioerror(bp, EIO);
		biodone(bp);
		return (0);
	}
	r = ddi_dma_buf_bind_handle(h, bp, (to_ram ? DDI_DMA_READ :
	    DDI_DMA_WRITE) | DDI_DMA_STREAMING |
	    (up->eu_partial ? DDI_DMA_PARTIAL : 0), DDI_DMA_SLEEP, NULL,
	    &c, &n);
	up->eu_bind = r;
	if (r != DDI_DMA_MAPPED && r != DDI_DMA_PARTIAL_MAP) {
		ddi_dma_free_handle(&h);
		bp->b_resid = bp->b_bcount;
		bioerror(bp, EIO);
		biodone(bp);
		return (0);
	}
	(void) ddi_dma_numwin(h, &up->eu_nwin);
	for (w = 0; w < up->eu_nwin; w++) {
		if (ddi_dma_getwin(h, w, &off, &len, &c, &n) != DDI_SUCCESS)
			break;
		if (n > up->eu_ncookies)
			up->eu_ncookies = n;
		if (!to_ram)
			(void) ddi_dma_sync(h, off, len, DDI_DMA_SYNC_FORDEV);
		if (edu_dma_window(sp, h, (uint32_t)off, to_ram, NULL) != 0)
			break;
		if (to_ram)
			(void) ddi_dma_sync(h, off, len, DDI_DMA_SYNC_FORCPU);
		up->eu_moved += len;
	}
	(void) ddi_dma_unbind_handle(h);
	ddi_dma_free_handle(&h);
	bp->b_resid = bp->b_bcount - up->eu_moved;
	if (bp->b_resid != 0)
		bioerror(bp, EIO);
	biodone(bp);
	return (0);
}

/* EDUIOC_DMAUSER: the user's buffer through physio(9F).  oplock held. */
static int
edu_dma_user(edu_state_t *sp, dev_t dev, edu_dmauser_t *up)
{
	struct iovec iov;
	struct uio uio;
	int err;

	if (up->eu_len == 0 || up->eu_len > EDU_DMA_MAX)
		return (EINVAL);
	up->eu_bind = 0;
	up->eu_nwin = up->eu_ncookies = up->eu_moved = 0;
	bzero(&uio, sizeof (uio));
	iov.iov_base = (caddr_t)(uintptr_t)up->eu_addr;
	iov.iov_len = up->eu_len;
	uio.uio_iov = &iov;
	uio.uio_iovcnt = 1;
	uio.uio_loffset = 0;
	uio.uio_segflg = UIO_USERSPACE;
	uio.uio_resid = up->eu_len;
	sp->user = up;
	err = physio(edu_strategy, NULL, dev, up->eu_write ? B_WRITE : B_READ,
	    minphys, &uio);
	sp->user = NULL;
	return (err);
}

/* EDUIOC_DMAMISUSE: what the DMA functions must refuse.  oplock held. */
static uint32_t
edu_dma_misuse(edu_state_t *sp)
{
	ddi_dma_attr_t bad = edu_dma_attr;
	ddi_dma_handle_t h2;
	ddi_dma_cookie_t c, c2;
	edu_dbuf_t b;
	edu_dma_t t;
	uint32_t ok = 0;
	uint_t n, n2, nw;

	bad.dma_attr_version = 7;
	if (ddi_dma_alloc_handle(sp->devi, &bad, DDI_DMA_SLEEP, NULL,
	    &h2) == DDI_DMA_BADATTR)
		ok |= EDU_DMAMIS_BADATTR;
	else
		ddi_dma_free_handle(&h2);

	if (edu_dbuf_alloc(sp, &b, EDU_DMA_MAX, EDU_DMA_STREAMING) != 0) {
		edu_dbuf_free(&b, EDU_DMA_STREAMING);
		return (ok);
	}
	if (ddi_dma_sync(b.h, 0, 0, DDI_DMA_SYNC_FORDEV) == DDI_FAILURE)
		ok |= EDU_DMAMIS_SYNC_UNBOUND;
	if (ddi_dma_ncookies(b.h) == 0 &&
	    ddi_dma_cookie_iter(b.h, NULL) == NULL &&
	    ddi_dma_numwin(b.h, &nw) == DDI_FAILURE)
		ok |= EDU_DMAMIS_UNBOUND_INFO;
	if (ddi_dma_addr_bind_handle(b.h, NULL, b.va, b.len, DDI_DMA_RDWR |
	    DDI_DMA_STREAMING, DDI_DMA_SLEEP, NULL, &c, &n) == DDI_DMA_MAPPED) {
		b.bound = 1;
		if (ddi_dma_addr_bind_handle(b.h, NULL, b.va, 512,
		    DDI_DMA_READ, DDI_DMA_SLEEP, NULL, &c2, &n2) ==
		    DDI_DMA_INUSE && ddi_dma_ncookies(b.h) == n &&
		    ddi_dma_cookie_get(b.h, 0)->dmac_laddress ==
		    c.dmac_laddress)
			ok |= EDU_DMAMIS_BIND_BOUND;
		if (ddi_dma_getwin(b.h, 1, NULL, NULL, NULL, NULL) ==
		    DDI_FAILURE)
			ok |= EDU_DMAMIS_GETWIN;
		h2 = b.h;
		ddi_dma_free_handle(&h2);
		if (h2 == b.h && ddi_check_dma_handle(b.h) == DDI_SUCCESS &&
		    ddi_dma_ncookies(b.h) == n)
			ok |= EDU_DMAMIS_FREE_BOUND;
		ddi_dma_mem_free(&b.acc);
		if (b.acc != NULL)
			ok |= EDU_DMAMIS_MEMFREE_BOUND;
		if (ddi_dma_unbind_handle(b.h) == DDI_SUCCESS &&
		    ddi_dma_unbind_handle(b.h) == DDI_FAILURE)
			ok |= EDU_DMAMIS_UNBIND_TWICE;
		b.bound = 0;
	}
	/* The same memory bound through a second handle is still bound. */
	if (b.acc != NULL && ddi_dma_alloc_handle(sp->devi, &edu_dma_attr,
	    DDI_DMA_SLEEP, NULL, &h2) == DDI_SUCCESS) {
		if (ddi_dma_addr_bind_handle(h2, NULL, b.va + 512, 512,
		    DDI_DMA_WRITE, DDI_DMA_SLEEP, NULL, &c2, &n2) ==
		    DDI_DMA_MAPPED) {
			ddi_dma_mem_free(&b.acc);
			if (b.acc != NULL && n2 == 1)
				ok |= EDU_DMAMIS_MEMFREE_OTHER;
			(void) ddi_dma_unbind_handle(h2);
		}
		ddi_dma_free_handle(&h2);
	}
	edu_dbuf_free(&b, EDU_DMA_STREAMING);

	/* Nothing corrupted: a round trip still comes back right. */
	bzero(&t, sizeof (t));
	t.ed_count = 1;
	t.ed_len = EDU_DMA_MAX;
	t.ed_mode = EDU_DMA_STREAMING;
	t.ed_seed = 0x5eed;
	if (edu_dma_trips(sp, &t) == 0 && t.ed_errors == 0 &&
	    t.ed_failed == 0 && t.ed_timeouts == 0)
		ok |= EDU_DMAMIS_AFTER_OK;
	return (ok);
}

static int
edu_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	edu_state_t *sp = ddi_get_soft_state(edu_state_head, getminor(dev));
	edu_fact_t f;
	edu_raise_t r;
	edu_stats_t st;
	edu_dma_t d;
	edu_dmawin_t w;
	edu_dmauser_t u;
	uint32_t v;
	int err = 0;

	if (sp == NULL)
		return (ENXIO);
	switch (cmd) {
	case EDUIOC_IDENT:
		v = ddi_get32(sp->regh, EDU_R(sp, EDU_REG_IDENT));
		if (ddi_copyout(&v, (void *)arg, sizeof (v), mode) != 0)
			return (EFAULT);
		return (0);
	case EDUIOC_LIVE:
		if (ddi_copyin((void *)arg, &v, sizeof (v), mode) != 0)
			return (EFAULT);
		mutex_enter(&sp->oplock);
		ddi_put32(sp->regh, EDU_R(sp, EDU_REG_LIVE), v);
		v = ddi_get32(sp->regh, EDU_R(sp, EDU_REG_LIVE));
		mutex_exit(&sp->oplock);
		if (ddi_copyout(&v, (void *)arg, sizeof (v), mode) != 0)
			return (EFAULT);
		return (0);
	case EDUIOC_FACT:
		if (ddi_copyin((void *)arg, &f, sizeof (f), mode) != 0)
			return (EFAULT);
		mutex_enter(&sp->oplock);
		err = edu_fact(sp, &f);
		mutex_exit(&sp->oplock);
		if (err == 0 &&
		    ddi_copyout(&f, (void *)arg, sizeof (f), mode) != 0)
			err = EFAULT;
		return (err);
	case EDUIOC_RAISE:
		if (ddi_copyin((void *)arg, &r, sizeof (r), mode) != 0)
			return (EFAULT);
		mutex_enter(&sp->oplock);
		edu_raise(sp, &r);
		mutex_exit(&sp->oplock);
		if (ddi_copyout(&r, (void *)arg, sizeof (r), mode) != 0)
			return (EFAULT);
		return (0);
	case EDUIOC_STATS:
		bzero(&st, sizeof (st));
		mutex_enter(&sp->lock);
		st.es_raised = sp->raised;
		st.es_seen = sp->seen;
		st.es_unclaimed = sp->unclaimed;
		st.es_fact_intrs = sp->fact_intrs;
		mutex_exit(&sp->lock);
		st.es_ident = sp->ident;
		st.es_intr_type = sp->intr_type;
		st.es_intr_pri = sp->intr_pri;
		st.es_msi_cap = sp->msi_cap;
		st.es_instance = sp->instance;
		(void) ddi_dev_nregs(sp->devi, (int *)&st.es_nregs);
		if (ddi_copyout(&st, (void *)arg, sizeof (st), mode) != 0)
			return (EFAULT);
		return (0);
	case EDUIOC_INTR:
		if (ddi_copyin((void *)arg, &v, sizeof (v), mode) != 0)
			return (EFAULT);
		if (v != EDU_INTR_MSI && v != EDU_INTR_FIXED)
			return (EINVAL);
		mutex_enter(&sp->oplock);
		if (v != (uint32_t)sp->intr_type) {
			int old = sp->intr_type;

			edu_intr_teardown(sp);
			if (edu_intr_setup(sp, v) != DDI_SUCCESS) {
				err = ENOTSUP;
				(void) edu_intr_setup(sp, old);
			}
		}
		mutex_exit(&sp->oplock);
		return (err);
	case EDUIOC_DMA:
		if (ddi_copyin((void *)arg, &d, sizeof (d), mode) != 0)
			return (EFAULT);
		mutex_enter(&sp->oplock);
		err = edu_dma_trips(sp, &d);
		mutex_exit(&sp->oplock);
		if (err == 0 &&
		    ddi_copyout(&d, (void *)arg, sizeof (d), mode) != 0)
			err = EFAULT;
		return (err);
	case EDUIOC_DMAWIN:
		if (ddi_copyin((void *)arg, &w, sizeof (w), mode) != 0)
			return (EFAULT);
		mutex_enter(&sp->oplock);
		err = edu_dma_windows(sp, &w);
		mutex_exit(&sp->oplock);
		if (err == 0 &&
		    ddi_copyout(&w, (void *)arg, sizeof (w), mode) != 0)
			err = EFAULT;
		return (err);
	case EDUIOC_DMAUSER:
		if (ddi_copyin((void *)arg, &u, sizeof (u), mode) != 0)
			return (EFAULT);
		mutex_enter(&sp->oplock);
		err = edu_dma_user(sp, dev, &u);
		mutex_exit(&sp->oplock);
		/* The result goes out even when the transfer failed. */
		if (ddi_copyout(&u, (void *)arg, sizeof (u), mode) != 0)
			err = EFAULT;
		return (err);
	case EDUIOC_DMAMISUSE:
		mutex_enter(&sp->oplock);
		v = edu_dma_misuse(sp);
		mutex_exit(&sp->oplock);
		if (ddi_copyout(&v, (void *)arg, sizeof (v), mode) != 0)
			return (EFAULT);
		return (0);
	case EDUIOC_MISUSE:
		mutex_enter(&sp->oplock);
		v = edu_misuse(sp);
		mutex_exit(&sp->oplock);
		if (ddi_copyout(&v, (void *)arg, sizeof (v), mode) != 0)
			return (EFAULT);
		return (0);
	default:
		return (ENOTTY);
	}
}
