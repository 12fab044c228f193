/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pcidev: a test driver, written as a Solaris driver, for two of QEMU's
 * PCI devices made for testing, bound by alias (driver_aliases):
 *
 * pci-testdev (1b36:0005): a memory BAR of 4 KB (register set 1), an I/O
 * BAR of 256 bytes (set 2) and, with membar=, a 64-bit memory BAR
 * (set 3).  Each of the first two starts with the device's header: a
 * write-only test number at 0, then (read-only) the access width of the
 * test at 1, the offset of its register at 4, the data to write there at
 * 8, a count of the writes seen at 12 and the test's name at 16.  The
 * device reads and writes a byte at a time, little-endian, so every
 * access width, both byte orders and the rep forms can be checked
 * against the header (PCIDEV_REGS).  It has no interrupt.
 *
 * pci-serial (1b36:0002): a 16550 UART behind an I/O BAR of 8 bytes (set
 * 1) with a FIXED interrupt (INTx; the device has no MSI).  write(9E)
 * sends bytes (they reach QEMU's chardev), read(9E) gives the bytes the
 * receive interrupt took in; PCIDEV_LOOP sends bytes to itself through
 * the UART's loopback, each received by the interrupt, or starts a chain
 * of them (each handler call sends the next) that detach cuts short.
 *
 * Each instance has one character minor, "testdev" or "serial".
 * PCIDEV_MISUSE asks the DDI for what it must refuse, on either device.
 * The handler and the ioctls share pd_lock, initialised at the
 * interrupt's priority.
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
#include <sys/ddifm.h>
#include <sys/fm/protocol.h>
#include <sys/fm/util.h>
#include <sys/fm/io/ddi.h>
#include <sys/uio.h>
#include <sys/kmem.h>
#include <sys/sysmacros.h>

#include "pcidev.h"

#define	PD_VENDOR		0x1b36
#define	PD_DEV_SERIAL		0x0002
#define	PD_DEV_TESTDEV		0x0005

/* pci-testdev: register sets and the header of BARs 0 and 1. */
#define	TD_RMEM			1
#define	TD_RIO			2
#define	TD_TEST			0
#define	TD_WIDTH		1
#define	TD_OFFSET		4
#define	TD_DATA			8
#define	TD_COUNT		12
#define	TD_NAME			16
#define	TD_MAXTESTS		16

/* pci-serial: a 16550. */
#define	SER_RNUMBER		1
#define	SER_RBR			0	/* THR on write; DLL with DLAB */
#define	SER_IER			1	/* DLM with DLAB */
#define	SER_IIR			2	/* FCR on write */
#define	SER_LCR			3
#define	SER_MCR			4
#define	SER_LSR			5
#define	SER_MSR			6
#define	SER_SCR			7
#define	SER_IER_RDA		0x01
#define	SER_IIR_NOINT		0x01
#define	SER_IIR_ID		0x0e
#define	SER_IIR_RLS		0x06
#define	SER_IIR_RDA		0x04
#define	SER_IIR_CTI		0x0c
#define	SER_IIR_MS		0x00
#define	SER_LCR_DLAB		0x80
#define	SER_LCR_8N1		0x03
#define	SER_MCR_DTR		0x01
#define	SER_MCR_RTS		0x02
#define	SER_MCR_OUT2		0x08
#define	SER_MCR_LOOP		0x10
#define	SER_LSR_DR		0x01
#define	SER_LSR_THRE		0x20
#define	SER_RING		4096
#define	SER_WAIT_USEC		1000000

#define	PD_SWAP16(v)	((uint16_t)(((v) >> 8) | ((v) << 8)))
#define	PD_SWAP32(v)	((((v) & 0xffU) << 24) | (((v) & 0xff00U) << 8) | \
	(((v) >> 8) & 0xff00U) | ((v) >> 24))

typedef struct pcidev {
	dev_info_t		*pd_dip;
	int			pd_instance;
	int			pd_kind;
	uint16_t		pd_venid;
	uint16_t		pd_devid;
	ddi_acc_handle_t	pd_cfgh;
	ddi_acc_handle_t	pd_regh;	/* serial: its I/O BAR */
	caddr_t			pd_regs;
	ddi_intr_handle_t	pd_intrh;
	uint_t			pd_intr_pri;
	kmutex_t		pd_lock;	/* at the interrupt's priority */
	kcondvar_t		pd_cv;
	kmutex_t		pd_oplock;	/* one ioctl, read or write */
	int			pd_flags;
	/* serial, under pd_lock */
	uint8_t			*pd_ring;
	uint32_t		pd_rhead;
	uint32_t		pd_rcount;
	int			pd_looping;	/* loopback bytes, not input */
	uint32_t		pd_chain;	/* bytes the chain still sends */
	ddi_taskq_t		*pd_tq;		/* sends them */
	uint32_t		pd_loop_rx;
	uint32_t		pd_loop_bad;
	uint64_t		pd_intrs;
	uint64_t		pd_unclaimed;
	uint64_t		pd_rx;
	uint64_t		pd_tx;
	uint64_t		pd_dropped;
	int			pd_fmcap;	/* ddi_fm_init's grant */
} pcidev_t;

#define	PD_DIDCFG	0x01
#define	PD_DIDREGS	0x02
#define	PD_DIDINTR	0x04
#define	PD_DIDLOCK	0x08
#define	PD_DIDMINOR	0x10
#define	PD_DIDFM	0x20

#define	SER_R(pd, r)	((uint8_t *)((pd)->pd_regs + (r)))
#define	P8(b, o)	((uint8_t *)(void *)((b) + (o)))
#define	P16(b, o)	((uint16_t *)(void *)((b) + (o)))
#define	P32(b, o)	((uint32_t *)(void *)((b) + (o)))
#define	P64(b, o)	((uint64_t *)(void *)((b) + (o)))

static void *pcidev_state;

static ddi_device_acc_attr_t pd_le_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_STRUCTURE_LE_ACC,
	DDI_STRICTORDER_ACC
};

static ddi_device_acc_attr_t pd_be_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_STRUCTURE_BE_ACC,
	DDI_STRICTORDER_ACC
};

static ddi_device_acc_attr_t pd_ns_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

static int pcidev_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int pcidev_attach(dev_info_t *, ddi_attach_cmd_t);
static int pcidev_detach(dev_info_t *, ddi_detach_cmd_t);
static int pcidev_open(dev_t *, int, int, cred_t *);
static int pcidev_close(dev_t, int, int, cred_t *);
static int pcidev_read(dev_t, struct uio *, cred_t *);
static int pcidev_write(dev_t, struct uio *, cred_t *);
static int pcidev_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);
static uint_t ser_intr(caddr_t, caddr_t);
static void ser_chain_next(void *);
static void pcidev_cleanup(pcidev_t *);

static struct cb_ops pcidev_cb_ops = {
	pcidev_open,		/* cb_open */
	pcidev_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	pcidev_read,		/* cb_read */
	pcidev_write,		/* cb_write */
	pcidev_ioctl,		/* cb_ioctl */
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

static struct dev_ops pcidev_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	pcidev_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	pcidev_attach,		/* devo_attach */
	pcidev_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&pcidev_cb_ops,		/* devo_cb_ops */
	(struct bus_ops *)NULL,	/* devo_bus_ops */
	nodev,			/* devo_power */
	ddi_quiesce_not_supported	/* devo_quiesce */
};

static struct modldrv modldrv = {
	&mod_driverops,
	"QEMU pci-testdev and pci-serial test 1.0",
	&pcidev_dev_ops
};

static struct modlinkage modlinkage = {
	MODREV_1,
	{ (void *)&modldrv, NULL }
};

int
_init(void)
{
	int rv;

	if ((rv = ddi_soft_state_init(&pcidev_state, sizeof (pcidev_t),
	    2)) != 0)
		return (rv);
	if ((rv = mod_install(&modlinkage)) != 0)
		ddi_soft_state_fini(&pcidev_state);
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
	ddi_soft_state_fini(&pcidev_state);
	return (0);
}

static int
pcidev_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **rp)
{
	minor_t minor = getminor((dev_t)(uintptr_t)arg);
	pcidev_t *pd;

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		pd = ddi_get_soft_state(pcidev_state, minor);
		*rp = pd != NULL ? pd->pd_dip : NULL;
		return (pd != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*rp = (void *)(uintptr_t)minor;
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

/* --- pci-serial --- */

/* Wait until the transmitter takes a byte; B_FALSE if it never does. */
static boolean_t
ser_thre(pcidev_t *pd)
{
	int i;

	for (i = 0; i < 100000; i++) {
		if (ddi_get8(pd->pd_regh, SER_R(pd, SER_LSR)) & SER_LSR_THRE)
			return (B_TRUE);
		drv_usecwait(1);
	}
	return (B_FALSE);
}

static uint8_t
ser_pattern(uint32_t i)
{
	return ((uint8_t)(i * 7 + 1));
}

/* A received byte (pd_lock held). */
static void
ser_take(pcidev_t *pd, uint8_t c)
{
	pd->pd_rx++;
	if (pd->pd_looping) {
		if (!pd->pd_chain && c != ser_pattern(pd->pd_loop_rx))
			pd->pd_loop_bad++;
		pd->pd_loop_rx++;
		return;
	}
	if (pd->pd_rcount == SER_RING) {
		pd->pd_dropped++;
		return;
	}
	pd->pd_ring[(pd->pd_rhead + pd->pd_rcount) % SER_RING] = c;
	pd->pd_rcount++;
}

/* The chain's next byte. */
static void
ser_chain_next(void *arg)
{
	pcidev_t *pd = arg;

	mutex_enter(&pd->pd_lock);
	if (pd->pd_chain > 0 && ser_thre(pd)) {
		ddi_put8(pd->pd_regh, SER_R(pd, SER_RBR),
		    ser_pattern((uint32_t)pd->pd_intrs));
		pd->pd_tx++;
		pd->pd_chain--;
	}
	mutex_exit(&pd->pd_lock);
}

/*
 * The interrupt handler: take what the UART has (received bytes, line
 * and modem status; reading IIR clears a transmitter-empty interrupt).
 * Nothing pending: not ours (the INTx line may be shared).
 */
static uint_t
ser_intr(caddr_t arg1, caddr_t arg2)
{
	pcidev_t *pd = (pcidev_t *)(void *)arg1;
	uint8_t iir;
	int i, handled = 0;

	mutex_enter(&pd->pd_lock);
	for (i = 0; i < 64; i++) {
		iir = ddi_get8(pd->pd_regh, SER_R(pd, SER_IIR));
		if (iir & SER_IIR_NOINT)
			break;
		handled = 1;
		switch (iir & SER_IIR_ID) {
		case SER_IIR_RLS:
			(void) ddi_get8(pd->pd_regh, SER_R(pd, SER_LSR));
			break;
		case SER_IIR_RDA:
		case SER_IIR_CTI:
			while (ddi_get8(pd->pd_regh, SER_R(pd, SER_LSR)) &
			    SER_LSR_DR)
				ser_take(pd, ddi_get8(pd->pd_regh,
				    SER_R(pd, SER_RBR)));
			break;
		case SER_IIR_MS:
			(void) ddi_get8(pd->pd_regh, SER_R(pd, SER_MSR));
			break;
		default:
			break;
		}
	}
	if (handled) {
		pd->pd_intrs++;
		/*
		 * A chain: a task sends the next byte through the loopback
		 * (from a thread of ordinary priority, so that the chain
		 * cannot starve the rest of the system).
		 */
		if (pd->pd_chain > 0 && ddi_taskq_dispatch(pd->pd_tq,
		    ser_chain_next, pd, DDI_NOSLEEP) != DDI_SUCCESS)
			pd->pd_chain = 0;
		cv_broadcast(&pd->pd_cv);
	} else {
		pd->pd_unclaimed++;
	}
	mutex_exit(&pd->pd_lock);
	return (handled ? DDI_INTR_CLAIMED : DDI_INTR_UNCLAIMED);
}

static int
ser_attach(pcidev_t *pd)
{
	int types, actual;

	if (ddi_regs_map_setup(pd->pd_dip, SER_RNUMBER, &pd->pd_regs, 0, 8,
	    &pd_le_attr, &pd->pd_regh) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "pcidev%d: cannot map the UART",
		    pd->pd_instance);
		return (DDI_FAILURE);
	}
	pd->pd_flags |= PD_DIDREGS;
	pd->pd_ring = kmem_zalloc(SER_RING, KM_SLEEP);
	pd->pd_tq = ddi_taskq_create(pd->pd_dip, "chain", 1, TASKQ_DEFAULTPRI,
	    0);
	if (pd->pd_tq == NULL)
		return (DDI_FAILURE);

	/* 8N1, the FIFOs off: each byte interrupts on its own. */
	ddi_put8(pd->pd_regh, SER_R(pd, SER_IER), 0);
	ddi_put8(pd->pd_regh, SER_R(pd, SER_LCR), SER_LCR_DLAB);
	ddi_put8(pd->pd_regh, SER_R(pd, SER_RBR), 1);
	ddi_put8(pd->pd_regh, SER_R(pd, SER_IER), 0);
	ddi_put8(pd->pd_regh, SER_R(pd, SER_LCR), SER_LCR_8N1);
	ddi_put8(pd->pd_regh, SER_R(pd, SER_IIR), 0);
	ddi_put8(pd->pd_regh, SER_R(pd, SER_MCR), SER_MCR_DTR | SER_MCR_RTS |
	    SER_MCR_OUT2);

	/* The device has INTx only. */
	if (ddi_intr_get_supported_types(pd->pd_dip, &types) != DDI_SUCCESS ||
	    (types & DDI_INTR_TYPE_FIXED) == 0) {
		cmn_err(CE_WARN, "pcidev%d: no FIXED interrupt",
		    pd->pd_instance);
		return (DDI_FAILURE);
	}
	if (ddi_intr_alloc(pd->pd_dip, &pd->pd_intrh, DDI_INTR_TYPE_FIXED, 0,
	    1, &actual, DDI_INTR_ALLOC_STRICT) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "pcidev%d: ddi_intr_alloc failed",
		    pd->pd_instance);
		return (DDI_FAILURE);
	}
	if (ddi_intr_get_pri(pd->pd_intrh, &pd->pd_intr_pri) != DDI_SUCCESS) {
		(void) ddi_intr_free(pd->pd_intrh);
		return (DDI_FAILURE);
	}
	mutex_init(&pd->pd_lock, NULL, MUTEX_DRIVER,
	    DDI_INTR_PRI(pd->pd_intr_pri));
	cv_init(&pd->pd_cv, NULL, CV_DRIVER, NULL);
	pd->pd_flags |= PD_DIDLOCK;
	if (ddi_intr_add_handler(pd->pd_intrh, ser_intr, (caddr_t)pd,
	    NULL) != DDI_SUCCESS) {
		(void) ddi_intr_free(pd->pd_intrh);
		return (DDI_FAILURE);
	}
	if (ddi_intr_enable(pd->pd_intrh) != DDI_SUCCESS) {
		(void) ddi_intr_remove_handler(pd->pd_intrh);
		(void) ddi_intr_free(pd->pd_intrh);
		return (DDI_FAILURE);
	}
	pd->pd_flags |= PD_DIDINTR;
	/* A byte already waiting interrupts as soon as this is set. */
	ddi_put8(pd->pd_regh, SER_R(pd, SER_IER), SER_IER_RDA);
	return (DDI_SUCCESS);
}

/* Quiet the UART first, then take the interrupt away. */
static void
ser_detach(pcidev_t *pd)
{
	if (pd->pd_flags & PD_DIDLOCK) {
		mutex_enter(&pd->pd_lock);
		if (pd->pd_chain > 0)
			cmn_err(CE_NOTE, "pcidev%d: detaching with %u interrupts "
			    "of the chain to come", pd->pd_instance, pd->pd_chain);
		pd->pd_chain = 0;
		mutex_exit(&pd->pd_lock);
	}
	if (pd->pd_flags & PD_DIDREGS) {
		ddi_put8(pd->pd_regh, SER_R(pd, SER_IER), 0);
		ddi_put8(pd->pd_regh, SER_R(pd, SER_MCR), 0);
	}
	if (pd->pd_flags & PD_DIDINTR) {
		(void) ddi_intr_disable(pd->pd_intrh);
		(void) ddi_intr_remove_handler(pd->pd_intrh);
		(void) ddi_intr_free(pd->pd_intrh);
		pd->pd_flags &= ~PD_DIDINTR;
	}
	if (pd->pd_tq != NULL) {
		ddi_taskq_destroy(pd->pd_tq);
		pd->pd_tq = NULL;
	}
}

/* Bytes through the loopback, each received by the interrupt. */
static int
ser_loop(pcidev_t *pd, pcidev_loop_t *lp)
{
	uint32_t i, target;
	int err = 0;

	lp->pl_received = lp->pl_mismatches = lp->pl_timeouts = 0;
	mutex_enter(&pd->pd_lock);
	pd->pd_chain = 0;
	pd->pd_looping = 1;
	pd->pd_loop_rx = pd->pd_loop_bad = 0;
	ddi_put8(pd->pd_regh, SER_R(pd, SER_MCR), SER_MCR_DTR | SER_MCR_RTS |
	    SER_MCR_OUT2 | SER_MCR_LOOP);
	if (lp->pl_nowait == 2) {	/* a chain of pl_count */
		pd->pd_chain = lp->pl_count;
		if (ser_thre(pd)) {
			ddi_put8(pd->pd_regh, SER_R(pd, SER_RBR), 0x5a);
			pd->pd_tx++;
		} else {
			err = EIO;
		}
		mutex_exit(&pd->pd_lock);
		return (err);
	}
	for (i = 0; i < lp->pl_count; i++) {
		if (!ser_thre(pd)) {
			err = EIO;
			break;
		}
		ddi_put8(pd->pd_regh, SER_R(pd, SER_RBR), ser_pattern(i));
		pd->pd_tx++;
		if (lp->pl_nowait)
			continue;
		target = i + 1;
		while (pd->pd_loop_rx < target) {
			if (cv_reltimedwait(&pd->pd_cv, &pd->pd_lock,
			    drv_usectohz(SER_WAIT_USEC), TR_CLOCK_TICK) == -1 &&
			    pd->pd_loop_rx < target) {
				lp->pl_timeouts++;
				break;
			}
		}
		if (lp->pl_timeouts > 0)	/* a byte lost: stop there */
			break;
	}
	lp->pl_received = pd->pd_loop_rx;
	lp->pl_mismatches = pd->pd_loop_bad;
	if (!lp->pl_nowait) {
		ddi_put8(pd->pd_regh, SER_R(pd, SER_MCR), SER_MCR_DTR |
		    SER_MCR_RTS | SER_MCR_OUT2);
		pd->pd_looping = 0;
	}
	mutex_exit(&pd->pd_lock);
	return (err);
}

static int
pcidev_read(dev_t dev, struct uio *uiop, cred_t *credp)
{
	pcidev_t *pd = ddi_get_soft_state(pcidev_state, getminor(dev));
	uint8_t buf[256];
	size_t n, i;

	if (pd == NULL)
		return (ENXIO);
	if (pd->pd_kind != PCIDEV_KIND_SERIAL)
		return (ENOTSUP);
	mutex_enter(&pd->pd_lock);
	while (pd->pd_rcount == 0) {
		if (uiop->uio_fmode & (FNDELAY | FNONBLOCK)) {
			mutex_exit(&pd->pd_lock);
			return (EAGAIN);
		}
		if (cv_wait_sig(&pd->pd_cv, &pd->pd_lock) == 0) {
			mutex_exit(&pd->pd_lock);
			return (EINTR);
		}
	}
	n = MIN(MIN(pd->pd_rcount, sizeof (buf)), (size_t)uiop->uio_resid);
	for (i = 0; i < n; i++)
		buf[i] = pd->pd_ring[(pd->pd_rhead + i) % SER_RING];
	pd->pd_rhead = (pd->pd_rhead + n) % SER_RING;
	pd->pd_rcount -= n;
	mutex_exit(&pd->pd_lock);
	return (uiomove(buf, n, UIO_READ, uiop));
}

static int
pcidev_write(dev_t dev, struct uio *uiop, cred_t *credp)
{
	pcidev_t *pd = ddi_get_soft_state(pcidev_state, getminor(dev));
	uint8_t buf[256];
	size_t n, i;
	int err = 0;

	if (pd == NULL)
		return (ENXIO);
	if (pd->pd_kind != PCIDEV_KIND_SERIAL)
		return (ENOTSUP);
	mutex_enter(&pd->pd_oplock);
	while (uiop->uio_resid > 0 && err == 0) {
		n = MIN(sizeof (buf), (size_t)uiop->uio_resid);
		if ((err = uiomove(buf, n, UIO_WRITE, uiop)) != 0)
			break;
		mutex_enter(&pd->pd_lock);
		for (i = 0; i < n; i++) {
			if (!ser_thre(pd)) {
				err = EIO;
				break;
			}
			ddi_put8(pd->pd_regh, SER_R(pd, SER_RBR), buf[i]);
			pd->pd_tx++;
		}
		mutex_exit(&pd->pd_lock);
	}
	mutex_exit(&pd->pd_oplock);
	return (err);
}

/* --- pci-testdev --- */

typedef struct td_bar {
	int			tb_io;
	int			tb_rnumber;
	off_t			tb_size;
	ddi_acc_handle_t	tb_le, tb_be, tb_ns;
	caddr_t			tb_lb, tb_bb, tb_nb;
} td_bar_t;

static void
td_mark(pcidev_checks_t *c, int bit, boolean_t ok)
{
	c->pc_run |= 1ULL << bit;
	if (ok)
		c->pc_ok |= 1ULL << bit;
}

static void
td_select(td_bar_t *b, uint8_t test)
{
	ddi_put8(b->tb_le, P8(b->tb_lb, TD_TEST), test);
}

static uint32_t
td_count(td_bar_t *b)
{
	return (ddi_get32(b->tb_le, P32(b->tb_lb, TD_COUNT)));
}

static int
td_map(pcidev_t *pd, td_bar_t *b, int rnumber, int io)
{
	bzero(b, sizeof (*b));
	b->tb_io = io;
	b->tb_rnumber = rnumber;
	if (ddi_dev_regsize(pd->pd_dip, rnumber, &b->tb_size) != DDI_SUCCESS)
		return (DDI_FAILURE);
	if (ddi_regs_map_setup(pd->pd_dip, rnumber, &b->tb_lb, 0, 0,
	    &pd_le_attr, &b->tb_le) != DDI_SUCCESS)
		return (DDI_FAILURE);
	if (ddi_regs_map_setup(pd->pd_dip, rnumber, &b->tb_bb, 0, 0,
	    &pd_be_attr, &b->tb_be) != DDI_SUCCESS) {
		ddi_regs_map_free(&b->tb_le);
		return (DDI_FAILURE);
	}
	if (ddi_regs_map_setup(pd->pd_dip, rnumber, &b->tb_nb, 0, 0,
	    &pd_ns_attr, &b->tb_ns) != DDI_SUCCESS) {
		ddi_regs_map_free(&b->tb_be);
		ddi_regs_map_free(&b->tb_le);
		return (DDI_FAILURE);
	}
	return (DDI_SUCCESS);
}

static void
td_unmap(td_bar_t *b)
{
	ddi_regs_map_free(&b->tb_ns);
	ddi_regs_map_free(&b->tb_be);
	ddi_regs_map_free(&b->tb_le);
}

/* Width and offset through the ddi_io_* or ddi_mem_* forms. */
static uint8_t
td_get8(td_bar_t *b, size_t off)
{
	return (b->tb_io ? ddi_io_get8(b->tb_le, P8(b->tb_lb, off)) :
	    ddi_mem_get8(b->tb_le, P8(b->tb_lb, off)));
}

static uint16_t
td_get16(td_bar_t *b, size_t off)
{
	return (b->tb_io ? ddi_io_get16(b->tb_le, P16(b->tb_lb, off)) :
	    ddi_mem_get16(b->tb_le, P16(b->tb_lb, off)));
}

static uint32_t
td_get32(td_bar_t *b, size_t off)
{
	return (b->tb_io ? ddi_io_get32(b->tb_le, P32(b->tb_lb, off)) :
	    ddi_mem_get32(b->tb_le, P32(b->tb_lb, off)));
}

/*
 * The checks of one BAR.  @bit: the bit of its GET8 check; the others
 * follow in the order of pcidev.h.  @vals: where its values go.
 */
static void
td_bar_checks(td_bar_t *b, pcidev_checks_t *c, uint32_t *vals)
{
	int io = b->tb_io;
	uint32_t off, cnt, v32, i, a16, a32, s16, s32;
	uint8_t data, w, name[32], n8[8];
	uint16_t n16[16];
	uint32_t n32[8];
	uint8_t buf8[8];
	uint16_t buf16[4];
	uint32_t buf32[4];
	int ntests;

#define	TDBIT(m, i)	(io ? PCIDEV_R_IO_##i : PCIDEV_R_MEM_##m)

	td_select(b, 0);
	w = td_get8(b, TD_WIDTH);
	off = td_get32(b, TD_OFFSET);
	data = td_get8(b, TD_DATA);
	vals[0] = w;
	vals[1] = off;
	vals[2] = data;
	td_mark(c, TDBIT(GET8, GET8), w == 1 && data != 0);
	td_mark(c, TDBIT(GET16, GET16), td_get16(b, TD_OFFSET) ==
	    (off & 0xffff) && td_get16(b, TD_OFFSET + 2) == off >> 16);
	td_mark(c, TDBIT(GET32, GET32), off >= TD_NAME && off + 4 <=
	    (uint32_t)b->tb_size && td_get32(b, TD_DATA) == data);
	if (!io)
		td_mark(c, PCIDEV_R_MEM_GET64, ddi_mem_get64(b->tb_le,
		    P64(b->tb_lb, TD_OFFSET)) == (off | (uint64_t)data << 32));
	/* The same registers through a big-endian and a never-swap handle. */
	v32 = ddi_get32(b->tb_be, P32(b->tb_bb, TD_OFFSET));
	vals[3] = v32;
	td_mark(c, TDBIT(BE, BE), v32 == PD_SWAP32(off) &&
	    ddi_get16(b->tb_be, P16(b->tb_bb, TD_OFFSET)) ==
	    PD_SWAP16((uint16_t)off) &&
	    ddi_get8(b->tb_be, P8(b->tb_bb, TD_WIDTH)) == w);
	td_mark(c, TDBIT(NEVERSWAP, NEVERSWAP),
	    ddi_get32(b->tb_ns, P32(b->tb_nb, TD_OFFSET)) == off &&
	    ddi_get16(b->tb_ns, P16(b->tb_nb, TD_OFFSET)) == (off & 0xffff));

	/* Writes at the test's register: the device counts @data bytes. */
	td_select(b, 0);
	for (i = 0; i < 3; i++)
		ddi_put8(b->tb_le, P8(b->tb_lb, off), data);
	ddi_put8(b->tb_le, P8(b->tb_lb, off), data ^ 1);
	cnt = td_count(b);
	vals[4] = cnt;
	td_mark(c, TDBIT(PUT8, PUT8), cnt == 3);
	/*
	 * Wider writes go to the aligned address holding the register (QEMU
	 * drops an unaligned 2- or 4-byte I/O access, and the I/O tests'
	 * registers lie at odd offsets): the value has @data in the byte
	 * that lands on the register, or (a miss) in the byte after it.
	 */
	a16 = off & ~1U;
	a32 = off & ~3U;
	s16 = (off - a16) * 8;
	s32 = (off - a32) * 8;
	td_select(b, 0);
	ddi_put16(b->tb_le, P16(b->tb_lb, a16), (uint16_t)(data << s16));
	ddi_put16(b->tb_le, P16(b->tb_lb, a16), (uint16_t)(data << (8 - s16)));
	cnt = td_count(b);
	vals[5] = cnt;
	td_mark(c, TDBIT(PUT16, PUT16), cnt == 1);
	td_select(b, 0);
	ddi_put32(b->tb_le, P32(b->tb_lb, a32), (uint32_t)data << s32);
	ddi_put32(b->tb_le, P32(b->tb_lb, a32), (uint32_t)data <<
	    ((s32 + 8) % 32));
	cnt = td_count(b);
	vals[6] = cnt;
	td_mark(c, TDBIT(PUT32, PUT32), cnt == 1);
	/* Big-endian: the first byte in memory is the value's high one. */
	td_select(b, 0);
	ddi_put16(b->tb_be, P16(b->tb_bb, a16), (uint16_t)(data << (8 - s16)));
	v32 = td_count(b) == 1;
	ddi_put16(b->tb_be, P16(b->tb_bb, a16), (uint16_t)(data << s16));
	v32 &= td_count(b) == 1;
	ddi_put32(b->tb_be, P32(b->tb_bb, a32), (uint32_t)data << (24 - s32));
	v32 &= td_count(b) == 2;
	ddi_put32(b->tb_be, P32(b->tb_bb, a32), (uint32_t)data <<
	    ((32 - s32) % 32));
	cnt = td_count(b);
	vals[7] = cnt;
	td_mark(c, TDBIT(BE_PUT, BE_PUT), v32 && cnt == 2);

	/* The name: rep reads moving along it, and staying on its start. */
	td_select(b, 0);
	bzero(name, sizeof (name));
	ddi_rep_get8(b->tb_le, name, P8(b->tb_lb, TD_NAME), 16,
	    DDI_DEV_AUTOINCR);
	ddi_rep_get16(b->tb_le, n16, P16(b->tb_lb, TD_NAME), 8,
	    DDI_DEV_AUTOINCR);
	ddi_rep_get32(b->tb_le, n32, P32(b->tb_lb, TD_NAME), 4,
	    DDI_DEV_AUTOINCR);
	bcopy(name, &vals[8], 16);
	td_mark(c, TDBIT(REP_GET_INC, REP_GET_INC),
	    bcmp(name, io ? "portio-" : "mmio-", io ? 7 : 5) == 0 &&
	    bcmp(name, n16, 16) == 0 && bcmp(name, n32, 16) == 0);
	if (io) {
		ddi_io_rep_get8(b->tb_le, n8, P8(b->tb_lb, TD_NAME), 8);
		ddi_io_rep_get16(b->tb_le, buf16, P16(b->tb_lb, TD_NAME), 4);
		ddi_io_rep_get32(b->tb_le, buf32, P32(b->tb_lb, TD_NAME), 4);
	} else {
		ddi_mem_rep_get8(b->tb_le, n8, P8(b->tb_lb, TD_NAME), 8,
		    DDI_DEV_NO_AUTOINCR);
		ddi_mem_rep_get16(b->tb_le, buf16, P16(b->tb_lb, TD_NAME), 4,
		    DDI_DEV_NO_AUTOINCR);
		ddi_mem_rep_get32(b->tb_le, buf32, P32(b->tb_lb, TD_NAME), 4,
		    DDI_DEV_NO_AUTOINCR);
	}
	v32 = 1;
	for (i = 0; i < 8; i++)
		if (n8[i] != name[0])
			v32 = 0;
	for (i = 0; i < 4; i++)
		if (buf16[i] != (name[0] | name[1] << 8) ||
		    buf32[i] != (name[0] | name[1] << 8 | name[2] << 16 |
		    (uint32_t)name[3] << 24))
			v32 = 0;
	td_mark(c, TDBIT(REP_GET_NOINC, REP_GET_NOINC), v32 == 1);

	/* Rep writes staying on the register count each; moving, once. */
	for (i = 0; i < 8; i++)
		buf8[i] = data;
	for (i = 0; i < 4; i++) {
		buf16[i] = (uint16_t)(data << s16);
		buf32[i] = (uint32_t)data << s32;
	}
	td_select(b, 0);
	if (io) {
		ddi_io_rep_put8(b->tb_le, buf8, P8(b->tb_lb, off), 5);
		ddi_io_rep_put16(b->tb_le, buf16, P16(b->tb_lb, a16), 3);
		ddi_io_rep_put32(b->tb_le, buf32, P32(b->tb_lb, a32), 2);
	} else {
		ddi_mem_rep_put8(b->tb_le, buf8, P8(b->tb_lb, off), 5,
		    DDI_DEV_NO_AUTOINCR);
		ddi_mem_rep_put16(b->tb_le, buf16, P16(b->tb_lb, a16), 3,
		    DDI_DEV_NO_AUTOINCR);
		ddi_mem_rep_put32(b->tb_le, buf32, P32(b->tb_lb, a32), 2,
		    DDI_DEV_NO_AUTOINCR);
	}
	cnt = td_count(b);
	vals[12] = cnt;
	td_mark(c, TDBIT(REP_PUT_NOINC, REP_PUT_NOINC), cnt == 10);
	td_select(b, 0);
	ddi_rep_put8(b->tb_le, buf8, P8(b->tb_lb, off), 3, DDI_DEV_AUTOINCR);
	ddi_rep_put16(b->tb_le, buf16, P16(b->tb_lb, a16), 2,
	    DDI_DEV_AUTOINCR);
	cnt = td_count(b);
	vals[13] = cnt;
	td_mark(c, TDBIT(REP_PUT_INC, REP_PUT_INC), cnt == 2);

	/*
	 * The tests, scanned until one has no width: each its own register
	 * and data.  Test 0 counts the writes; the others hand them to an
	 * ioeventfd, and under TCG QEMU gives a matching write to the
	 * eventfd instead of the device: their count stays 0.
	 */
	v32 = 1;
	for (ntests = 0; ntests < TD_MAXTESTS; ntests++) {
		uint32_t toff;

		td_select(b, ntests);
		if (td_get8(b, TD_WIDTH) != 1)
			break;
		toff = td_get32(b, TD_OFFSET);
		if (toff != off + ntests || toff >= (uint32_t)b->tb_size)
			v32 = 0;
		data = td_get8(b, TD_DATA);
		for (i = 0; i < 3; i++)
			ddi_put8(b->tb_le, P8(b->tb_lb, toff), data);
		cnt = td_count(b);
		if (ntests < 3)
			vals[14] |= (cnt & 0xff) << (8 * ntests);
		if (ntests == 0 && cnt != 3)
			v32 = 0;
		if (ntests > 0 && cnt != 0)
			v32 = 0;
	}
	vals[15] = ntests;
	td_select(b, 0);
	td_mark(c, io ? PCIDEV_R_IO_TESTS : PCIDEV_R_MEM_TESTS,
	    ntests >= 3 && (vals[14] & 0xff) == 3);
	td_mark(c, io ? PCIDEV_R_IO_EVENTFD : PCIDEV_R_MEM_EVENTFD,
	    ntests >= 3 && v32 == 1);
#undef	TDBIT
}

static int
td_regs(pcidev_t *pd, pcidev_checks_t *c)
{
	td_bar_t mem, io;
	ddi_acc_handle_t sh;
	caddr_t sb;
	int nregs, *reg, ok;
	uint_t nreg;
	uint32_t off;

	bzero(c, sizeof (*c));
	td_mark(c, PCIDEV_R_NREGS, ddi_dev_nregs(pd->pd_dip, &nregs) ==
	    DDI_SUCCESS && nregs >= 3);
	ok = 0;
	if (ddi_prop_lookup_int_array(DDI_DEV_T_ANY, pd->pd_dip,
	    DDI_PROP_DONTPASS, "reg", &reg, &nreg) == DDI_PROP_SUCCESS) {
		ok = nreg >= 15 &&
		    (reg[5] & PCI_REG_ADDR_M) == PCI_ADDR_MEM32 &&
		    (reg[10] & PCI_REG_ADDR_M) == PCI_ADDR_IO &&
		    (nreg < 20 || (reg[15] & PCI_REG_ADDR_M) ==
		    PCI_ADDR_MEM64);
		ddi_prop_free(reg);
	}
	td_mark(c, PCIDEV_R_REGTYPES, ok);
	if (td_map(pd, &mem, TD_RMEM, 0) != DDI_SUCCESS)
		return (EIO);
	if (td_map(pd, &io, TD_RIO, 1) != DDI_SUCCESS) {
		td_unmap(&mem);
		return (EIO);
	}
	mutex_enter(&pd->pd_oplock);
	td_bar_checks(&mem, c, c->pc_val);
	/* The I/O BAR's values are left out but for its counts. */
	{
		uint32_t iov[16];

		bzero(iov, sizeof (iov));
		td_bar_checks(&io, c, iov);
		c->pc_val[12] |= iov[12] << 16;
		c->pc_val[13] |= iov[13] << 16;
	}
	/* A mapping at an offset: its address 0 is the BAR's offset 4. */
	td_select(&mem, 0);
	off = td_get32(&mem, TD_OFFSET);
	ok = 0;
	if (ddi_regs_map_setup(pd->pd_dip, TD_RMEM, &sb, TD_OFFSET, 8,
	    &pd_le_attr, &sh) == DDI_SUCCESS) {
		ok = ddi_get32(sh, P32(sb, 0)) == off;
		ddi_regs_map_free(&sh);
	}
	td_select(&io, 0);
	off = td_get32(&io, TD_OFFSET);
	if (ok && ddi_regs_map_setup(pd->pd_dip, TD_RIO, &sb, TD_OFFSET, 4,
	    &pd_le_attr, &sh) == DDI_SUCCESS) {
		ok = ddi_get32(sh, P32(sb, 0)) == off;
		ddi_regs_map_free(&sh);
	} else {
		ok = 0;
	}
	td_mark(c, PCIDEV_R_SUBMAP, ok);
	mutex_exit(&pd->pd_oplock);
	td_unmap(&io);
	td_unmap(&mem);
	return (0);
}

/* --- misuse, on either device --- */

static boolean_t
pd_map_refused(pcidev_t *pd, uint_t rnumber, offset_t off, offset_t len)
{
	ddi_acc_handle_t h;
	caddr_t b;

	if (ddi_regs_map_setup(pd->pd_dip, rnumber, &b, off, len, &pd_le_attr,
	    &h) != DDI_SUCCESS)
		return (B_TRUE);
	ddi_regs_map_free(&h);
	return (B_FALSE);
}

static void
td_misuse(pcidev_t *pd, pcidev_checks_t *c)
{
	td_bar_t mem, io;
	ddi_acc_handle_t sh;
	caddr_t sb;
	uint32_t off, v;
	uint8_t fa[2] = { 0xfa, 0xfa };
	int nregs, types, actual = -1;
	ddi_intr_handle_t ih;

	(void) ddi_dev_nregs(pd->pd_dip, &nregs);
	td_mark(c, PCIDEV_M_RNUMBER, pd_map_refused(pd, nregs, 0, 0) &&
	    pd_map_refused(pd, 99, 0, 0));
	if (td_map(pd, &mem, TD_RMEM, 0) != DDI_SUCCESS)
		return;
	if (td_map(pd, &io, TD_RIO, 1) != DDI_SUCCESS) {
		td_unmap(&mem);
		return;
	}
	td_mark(c, PCIDEV_M_OFFSET,
	    pd_map_refused(pd, TD_RMEM, mem.tb_size, 0) &&
	    pd_map_refused(pd, TD_RMEM, -4, 8));
	td_mark(c, PCIDEV_M_LENGTH,
	    pd_map_refused(pd, TD_RMEM, mem.tb_size - 96, 200) &&
	    pd_map_refused(pd, TD_RMEM, 0, mem.tb_size + 1));
	td_mark(c, PCIDEV_M_IO_LENGTH,
	    pd_map_refused(pd, TD_RIO, 0, io.tb_size + 1) &&
	    pd_map_refused(pd, TD_RIO, io.tb_size, 1));

	/* A mapping of the header only: test 0's register lies past it. */
	td_select(&mem, 0);
	off = td_get32(&mem, TD_OFFSET);
	c->pc_val[0] = off;
	if (ddi_regs_map_setup(pd->pd_dip, TD_RMEM, &sb, 0, TD_NAME,
	    &pd_le_attr, &sh) == DDI_SUCCESS) {
		ddi_put8(sh, P8(sb, off), 0xfa);
		ddi_put8(sh, P8(sb, off), td_get8(&mem, TD_DATA));
		ddi_put32(sh, P32(sb, TD_NAME - 2), 0xfafafafa);
		c->pc_val[1] = td_count(&mem);
		td_mark(c, PCIDEV_M_PUT_OUTSIDE, c->pc_val[1] == 0);
		v = ddi_get32(sh, P32(sb, off));
		c->pc_val[2] = v;
		td_mark(c, PCIDEV_M_GET_OUTSIDE, v == 0xffffffffu &&
		    ddi_get32(sh, P32(sb, TD_OFFSET)) == off &&
		    ddi_get32(sh, P32(sb, TD_NAME - 2)) == 0xffffffffu);
		ddi_regs_map_free(&sh);
	}
	/* One byte before the register: a rep write running onto it. */
	if (ddi_regs_map_setup(pd->pd_dip, TD_RMEM, &sb, off - 1, 1,
	    &pd_le_attr, &sh) == DDI_SUCCESS) {
		td_select(&mem, 0);
		fa[0] = fa[1] = td_get8(&mem, TD_DATA);
		ddi_rep_put8(sh, fa, P8(sb, 0), 2, DDI_DEV_AUTOINCR);
		ddi_rep_put16(sh, (uint16_t *)(void *)fa, P16(sb, 0), 1,
		    DDI_DEV_NO_AUTOINCR);
		c->pc_val[3] = td_count(&mem);
		td_mark(c, PCIDEV_M_REP_OUTSIDE, c->pc_val[3] == 0);
		ddi_regs_map_free(&sh);
	}
	td_select(&io, 0);
	off = td_get32(&io, TD_OFFSET);
	if (ddi_regs_map_setup(pd->pd_dip, TD_RIO, &sb, 0, TD_NAME,
	    &pd_le_attr, &sh) == DDI_SUCCESS) {
		ddi_io_put8(sh, P8(sb, off), td_get8(&io, TD_DATA));
		ddi_io_rep_put8(sh, fa, P8(sb, off), 2);
		c->pc_val[4] = td_count(&io);
		td_mark(c, PCIDEV_M_IO_PUT_OUTSIDE, c->pc_val[4] == 0);
		ddi_regs_map_free(&sh);
	}
	td_unmap(&io);
	td_unmap(&mem);

	/* No interrupt pin: nothing to allocate. */
	td_mark(c, PCIDEV_M_INTR_NONE,
	    (ddi_intr_get_supported_types(pd->pd_dip, &types) != DDI_SUCCESS ||
	    types == 0) &&
	    ddi_intr_alloc(pd->pd_dip, &ih, DDI_INTR_TYPE_FIXED, 0, 1, &actual,
	    DDI_INTR_ALLOC_STRICT) != DDI_SUCCESS);
}

static void
ser_misuse(pcidev_t *pd, pcidev_checks_t *c)
{
	ddi_intr_handle_t h[2];
	ddi_acc_handle_t sh;
	caddr_t sb;
	pcidev_loop_t lp;
	int nregs, navail = 0, actual = -1, rv;

	(void) ddi_dev_nregs(pd->pd_dip, &nregs);
	td_mark(c, PCIDEV_M_RNUMBER, pd_map_refused(pd, nregs, 0, 0) &&
	    pd_map_refused(pd, 99, 0, 0));
	td_mark(c, PCIDEV_M_OFFSET, pd_map_refused(pd, SER_RNUMBER, 8, 0) &&
	    pd_map_refused(pd, SER_RNUMBER, -1, 2));
	td_mark(c, PCIDEV_M_IO_LENGTH, pd_map_refused(pd, SER_RNUMBER, 4, 8) &&
	    pd_map_refused(pd, SER_RNUMBER, 0, 9));

	/* A mapping of the data register only: the scratch lies past it. */
	mutex_enter(&pd->pd_lock);
	ddi_put8(pd->pd_regh, SER_R(pd, SER_SCR), 0xa5);
	if (ddi_regs_map_setup(pd->pd_dip, SER_RNUMBER, &sb, 0, 1,
	    &pd_le_attr, &sh) == DDI_SUCCESS) {
		ddi_put8(sh, P8(sb, SER_SCR), 0x5a);
		c->pc_val[0] = ddi_get8(pd->pd_regh, SER_R(pd, SER_SCR));
		td_mark(c, PCIDEV_M_IO_PUT_OUTSIDE, c->pc_val[0] == 0xa5);
		c->pc_val[1] = ddi_get8(sh, P8(sb, SER_SCR));
		td_mark(c, PCIDEV_M_GET_OUTSIDE, c->pc_val[1] == 0xff);
		ddi_regs_map_free(&sh);
	}
	mutex_exit(&pd->pd_lock);

	/* One FIXED interrupt, held already: two with STRICT refused. */
	(void) ddi_intr_get_navail(pd->pd_dip, DDI_INTR_TYPE_FIXED, &navail);
	rv = ddi_intr_alloc(pd->pd_dip, h, DDI_INTR_TYPE_FIXED, 0, 2, &actual,
	    DDI_INTR_ALLOC_STRICT);
	c->pc_val[2] = (uint32_t)navail;
	c->pc_val[3] = (uint32_t)actual;
	td_mark(c, PCIDEV_M_INTR_STRICT, rv != DDI_SUCCESS && actual <= 0);
	if (rv == DDI_SUCCESS)
		while (actual > 0)
			(void) ddi_intr_free(h[--actual]);
	bzero(&lp, sizeof (lp));
	lp.pl_count = 4;
	rv = ser_loop(pd, &lp);
	c->pc_val[4] = lp.pl_received;
	td_mark(c, PCIDEV_M_INTR_STILL, rv == 0 && lp.pl_received == 4 &&
	    lp.pl_mismatches == 0);
}

/* --- attach, detach, the char minor --- */

/*
 * Fault management as hardened illumos drivers set it up: the
 * capabilities from the "fm-capable" property (all four by default),
 * ereports of the PCI status register, and an error handler.
 */
/* ARGSUSED */
static int
pcidev_fm_error(dev_info_t *dip, ddi_fm_error_t *err, const void *impl)
{
	pci_ereport_post(dip, err, NULL);
	return (err->fme_status);
}

static void
pcidev_fm_init(pcidev_t *pd)
{
	ddi_iblock_cookie_t ibc;

	pd->pd_fmcap = ddi_prop_get_int(DDI_DEV_T_ANY, pd->pd_dip,
	    DDI_PROP_DONTPASS, "fm-capable", DDI_FM_EREPORT_CAPABLE |
	    DDI_FM_ACCCHK_CAPABLE | DDI_FM_DMACHK_CAPABLE |
	    DDI_FM_ERRCB_CAPABLE);
	if (pd->pd_fmcap == DDI_FM_NOT_CAPABLE)
		return;
	ddi_fm_init(pd->pd_dip, &pd->pd_fmcap, &ibc);
	if (DDI_FM_EREPORT_CAP(pd->pd_fmcap) || DDI_FM_ERRCB_CAP(pd->pd_fmcap))
		pci_ereport_setup(pd->pd_dip);
	if (DDI_FM_ERRCB_CAP(pd->pd_fmcap))
		ddi_fm_handler_register(pd->pd_dip, pcidev_fm_error, pd);
	pd->pd_flags |= PD_DIDFM;
}

static void
pcidev_fm_fini(pcidev_t *pd)
{
	if (DDI_FM_EREPORT_CAP(pd->pd_fmcap) || DDI_FM_ERRCB_CAP(pd->pd_fmcap))
		pci_ereport_teardown(pd->pd_dip);
	if (DDI_FM_ERRCB_CAP(pd->pd_fmcap))
		ddi_fm_handler_unregister(pd->pd_dip);
	ddi_fm_fini(pd->pd_dip);
}

static void
pcidev_fm_checks(pcidev_t *pd, pcidev_checks_t *c)
{
	dev_info_t *dip = pd->pd_dip;
	ddi_fm_error_t de;
	uint16_t status = 0;
	int st1, st2, st3;

	td_mark(c, PCIDEV_F_CAPS, pd->pd_fmcap == (DDI_FM_EREPORT_CAPABLE |
	    DDI_FM_ACCCHK_CAPABLE | DDI_FM_DMACHK_CAPABLE |
	    DDI_FM_ERRCB_CAPABLE) && ddi_fm_capable(dip) == pd->pd_fmcap);
	c->pc_val[0] = pd->pd_fmcap;
	td_mark(c, PCIDEV_F_PROPS, ddi_prop_exists(DDI_DEV_T_ANY, dip,
	    DDI_PROP_DONTPASS, "fm-ereport-capable") &&
	    ddi_prop_exists(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "fm-errcb-capable"));

	bzero(&de, sizeof (de));
	ddi_fm_acc_err_get(pd->pd_cfgh, &de, DDI_FME_VERSION);
	c->pc_val[1] = de.fme_status;
	td_mark(c, PCIDEV_F_ACC_OK, de.fme_status == DDI_FM_OK &&
	    de.fme_acc_handle == pd->pd_cfgh);
	ddi_fm_acc_err_clear(pd->pd_cfgh, DDI_FME_VERSION);
	ddi_fm_acc_err_get(pd->pd_cfgh, &de, DDI_FME_VERSION);
	td_mark(c, PCIDEV_F_ACC_CLEAR, de.fme_status == DDI_FM_OK);

	/* The scan the error handler makes, with nothing wrong. */
	bzero(&de, sizeof (de));
	de.fme_version = DDI_FME_VERSION;
	de.fme_flag = DDI_FM_ERR_UNEXPECTED;
	pci_ereport_post(dip, &de, &status);
	c->pc_val[2] = status;
	c->pc_val[3] = de.fme_status;
	td_mark(c, PCIDEV_F_EREPORT_SCAN, de.fme_status == DDI_FM_OK &&
	    status != 0xffff && (status & (PCI_STAT_PERROR |
	    PCI_STAT_S_SYSERR | PCI_STAT_R_MAST_AB | PCI_STAT_R_TARG_AB |
	    PCI_STAT_S_TARG_AB | PCI_STAT_S_PERROR)) == 0 &&
	    de.fme_ena != 0);

	st1 = ddi_get_devstate(dip);
	ddi_fm_service_impact(dip, DDI_SERVICE_DEGRADED);
	st2 = ddi_get_devstate(dip);
	ddi_fm_service_impact(dip, DDI_SERVICE_RESTORED);
	st3 = ddi_get_devstate(dip);
	c->pc_val[4] = st2;
	td_mark(c, PCIDEV_F_DEVSTATE, st1 == DDI_DEVSTATE_UP &&
	    st2 == DDI_DEVSTATE_DEGRADED && st3 == DDI_DEVSTATE_UP);
	td_mark(c, PCIDEV_F_SLAVEONLY, ddi_slaveonly(dip) == DDI_FAILURE);

	ddi_fm_ereport_post(dip, DDI_FM_DEVICE "." DDI_FM_DEVICE_NO_RESPONSE,
	    fm_ena_generate(0, FM_ENA_FMT1), DDI_NOSLEEP,
	    FM_VERSION, DATA_TYPE_UINT8, FM_EREPORT_VERS0,
	    "detail", DATA_TYPE_STRING, "pcidev check", NULL);
	td_mark(c, PCIDEV_F_EREPORT, B_TRUE);

	de.fme_status = 12345;
	ddi_fm_acc_err_get(pd->pd_cfgh, &de, DDI_FME_VERSION + 1);
	td_mark(c, PCIDEV_F_BAD_VERSION, de.fme_status == 12345);
}

static int
pcidev_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	pcidev_t *pd;

	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (ddi_soft_state_zalloc(pcidev_state, instance) != DDI_SUCCESS)
		return (DDI_FAILURE);
	pd = ddi_get_soft_state(pcidev_state, instance);
	pd->pd_dip = dip;
	pd->pd_instance = instance;
	mutex_init(&pd->pd_oplock, NULL, MUTEX_DRIVER, NULL);

	if (pci_config_setup(dip, &pd->pd_cfgh) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "pcidev%d: pci_config_setup failed", instance);
		goto fail;
	}
	pd->pd_flags |= PD_DIDCFG;
	pcidev_fm_init(pd);
	pd->pd_venid = pci_config_get16(pd->pd_cfgh, PCI_CONF_VENID);
	pd->pd_devid = pci_config_get16(pd->pd_cfgh, PCI_CONF_DEVID);
	if (pd->pd_venid == PD_VENDOR && pd->pd_devid == PD_DEV_TESTDEV) {
		pd->pd_kind = PCIDEV_KIND_TESTDEV;
	} else if (pd->pd_venid == PD_VENDOR &&
	    pd->pd_devid == PD_DEV_SERIAL) {
		pd->pd_kind = PCIDEV_KIND_SERIAL;
		if (ser_attach(pd) != DDI_SUCCESS)
			goto fail;
	} else {
		cmn_err(CE_WARN, "pcidev%d: not a device of mine (%04x,%04x)",
		    instance, pd->pd_venid, pd->pd_devid);
		goto fail;
	}
	if (ddi_create_minor_node(dip, pd->pd_kind == PCIDEV_KIND_SERIAL ?
	    "serial" : "testdev", S_IFCHR, instance, DDI_PSEUDO, 0) !=
	    DDI_SUCCESS) {
		cmn_err(CE_WARN, "pcidev%d: cannot create the minor node",
		    instance);
		goto fail;
	}
	pd->pd_flags |= PD_DIDMINOR;
	ddi_report_dev(dip);
	return (DDI_SUCCESS);

fail:
	pcidev_cleanup(pd);
	return (DDI_FAILURE);
}

static void
pcidev_cleanup(pcidev_t *pd)
{
	if (pd->pd_flags & PD_DIDMINOR)
		ddi_remove_minor_node(pd->pd_dip, NULL);
	if (pd->pd_kind == PCIDEV_KIND_SERIAL)
		ser_detach(pd);
	if (pd->pd_flags & PD_DIDLOCK) {
		cv_destroy(&pd->pd_cv);
		mutex_destroy(&pd->pd_lock);
	}
	if (pd->pd_ring != NULL)
		kmem_free(pd->pd_ring, SER_RING);
	if (pd->pd_flags & PD_DIDREGS)
		ddi_regs_map_free(&pd->pd_regh);
	if (pd->pd_flags & PD_DIDFM)
		pcidev_fm_fini(pd);
	if (pd->pd_flags & PD_DIDCFG)
		pci_config_teardown(&pd->pd_cfgh);
	mutex_destroy(&pd->pd_oplock);
	ddi_soft_state_free(pcidev_state, pd->pd_instance);
}

static int
pcidev_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	pcidev_t *pd = ddi_get_soft_state(pcidev_state,
	    ddi_get_instance(dip));

	if (cmd != DDI_DETACH || pd == NULL)
		return (DDI_FAILURE);
	pcidev_cleanup(pd);
	return (DDI_SUCCESS);
}

static int
pcidev_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	if (otyp != OTYP_CHR)
		return (EINVAL);
	if (ddi_get_soft_state(pcidev_state, getminor(*devp)) == NULL)
		return (ENXIO);
	return (0);
}

static int
pcidev_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return (0);
}

static void
pcidev_info(pcidev_t *pd, pcidev_info_t *ip)
{
	int nregs = 0, types = 0, *reg;
	uint_t nreg, i;
	off_t size;

	bzero(ip, sizeof (*ip));
	ip->pi_kind = pd->pd_kind;
	ip->pi_instance = pd->pd_instance;
	ip->pi_venid = pd->pd_venid;
	ip->pi_devid = pd->pd_devid;
	(void) ddi_dev_nregs(pd->pd_dip, &nregs);
	ip->pi_nregs = nregs;
	if (ddi_intr_get_supported_types(pd->pd_dip, &types) == DDI_SUCCESS)
		ip->pi_intr_types = types;
	for (i = 0; i < 4 && i < (uint_t)nregs; i++)
		if (ddi_dev_regsize(pd->pd_dip, i, &size) == DDI_SUCCESS)
			ip->pi_regsize[i] = size;
	if (ddi_prop_lookup_int_array(DDI_DEV_T_ANY, pd->pd_dip,
	    DDI_PROP_DONTPASS, "reg", &reg, &nreg) == DDI_PROP_SUCCESS) {
		for (i = 0; i < 4 && 5 * i < nreg; i++)
			ip->pi_regtype[i] = reg[5 * i] & PCI_REG_ADDR_M;
		ddi_prop_free(reg);
	}
}

static int
pcidev_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	pcidev_t *pd = ddi_get_soft_state(pcidev_state, getminor(dev));
	pcidev_checks_t *c;
	pcidev_info_t info;
	pcidev_stats_t st;
	pcidev_loop_t lp;
	int err = 0;

	if (pd == NULL)
		return (ENXIO);
	switch (cmd) {
	case PCIDEV_INFO:
		pcidev_info(pd, &info);
		if (ddi_copyout(&info, (void *)arg, sizeof (info), mode) != 0)
			return (EFAULT);
		return (0);
	case PCIDEV_REGS:
	case PCIDEV_MISUSE:
		c = kmem_zalloc(sizeof (*c), KM_SLEEP);
		if (cmd == PCIDEV_REGS && pd->pd_kind != PCIDEV_KIND_TESTDEV)
			err = ENOTSUP;
		else if (cmd == PCIDEV_REGS)
			err = td_regs(pd, c);
		else if (pd->pd_kind == PCIDEV_KIND_TESTDEV)
			td_misuse(pd, c);
		else
			ser_misuse(pd, c);
		if (err == 0 && ddi_copyout(c, (void *)arg, sizeof (*c),
		    mode) != 0)
			err = EFAULT;
		kmem_free(c, sizeof (*c));
		return (err);
	case PCIDEV_LOOP:
		if (pd->pd_kind != PCIDEV_KIND_SERIAL)
			return (ENOTSUP);
		if (ddi_copyin((void *)arg, &lp, sizeof (lp), mode) != 0)
			return (EFAULT);
		if (lp.pl_count > 100000 || lp.pl_nowait > 2)
			return (EINVAL);
		mutex_enter(&pd->pd_oplock);
		err = ser_loop(pd, &lp);
		mutex_exit(&pd->pd_oplock);
		if (err == 0 && ddi_copyout(&lp, (void *)arg, sizeof (lp),
		    mode) != 0)
			err = EFAULT;
		return (err);
	case PCIDEV_FM:
		c = kmem_zalloc(sizeof (*c), KM_SLEEP);
		pcidev_fm_checks(pd, c);
		if (ddi_copyout(c, (void *)arg, sizeof (*c), mode) != 0)
			err = EFAULT;
		kmem_free(c, sizeof (*c));
		return (err);
	case PCIDEV_STATS:
		if (pd->pd_kind != PCIDEV_KIND_SERIAL)
			return (ENOTSUP);
		bzero(&st, sizeof (st));
		mutex_enter(&pd->pd_lock);
		st.ps_intrs = pd->pd_intrs;
		st.ps_unclaimed = pd->pd_unclaimed;
		st.ps_rx = pd->pd_rx;
		st.ps_tx = pd->pd_tx;
		st.ps_dropped = pd->pd_dropped;
		st.ps_buffered = pd->pd_rcount;
		st.ps_lsr = ddi_get8(pd->pd_regh, SER_R(pd, SER_LSR));
		mutex_exit(&pd->pd_lock);
		st.ps_instance = pd->pd_instance;
		st.ps_intr_type = DDI_INTR_TYPE_FIXED;
		if (ddi_copyout(&st, (void *)arg, sizeof (st), mode) != 0)
			return (EFAULT);
		return (0);
	default:
		return (ENOTTY);
	}
}
