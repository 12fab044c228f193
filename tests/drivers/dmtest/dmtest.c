/* SPDX-License-Identifier: GPL-2.0 */

/*
 * dmtest - a test-only driver for the devmap path (audit 2, findings 3,
 * 13 and 24), in Solaris style.
 *
 * Minor "map": devmap(9E) maps one page of a cookie made at attach for
 * any offset (it does not check bounds, as a careless driver would) and
 * counts the calls that came with a negative offset.  Its callbacks
 * allocate 64 bytes per mapping (devmap_map), refuse to duplicate at fork
 * (devmap_dup returns EINVAL, which devmap_dup(9E) allows) and free the
 * 64 bytes (devmap_unmap).
 * Minor "trash": devmap(9E) maps a DDI_UMEM_TRASH cookie made for each
 * call, PROT_ALL.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/file.h>
#include <sys/ksynch.h>
#include <sys/kmem.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include "dmtest.h"

#define	DMT_MAP		0
#define	DMT_TRASH	1
#define	DMT_PVT		64

static dev_info_t *dmt_dip;
static ddi_umem_cookie_t dmt_cookie;
static kmutex_t dmt_lock;
static int dmt_negoff;
static int dmt_maps;

static ddi_device_acc_attr_t dmt_acc = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

static int dmt_attach(dev_info_t *, ddi_attach_cmd_t);
static int dmt_detach(dev_info_t *, ddi_detach_cmd_t);
static int dmt_open(dev_t *, int, int, cred_t *);
static int dmt_close(dev_t, int, int, cred_t *);
static int dmt_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);
static int dmt_devmap(dev_t, devmap_cookie_t, offset_t, size_t, size_t *,
    uint_t);
static int dmt_dmap(devmap_cookie_t, dev_t, uint_t, offset_t, size_t,
    void **);
static int dmt_ddup(devmap_cookie_t, void *, devmap_cookie_t, void **);
static void dmt_dunmap(devmap_cookie_t, void *, offset_t, size_t,
    devmap_cookie_t, void **, devmap_cookie_t, void **);

static struct devmap_callback_ctl dmt_callbacks = {
	DEVMAP_OPS_REV,		/* devmap_rev */
	dmt_dmap,		/* devmap_map */
	NULL,			/* devmap_access */
	dmt_ddup,		/* devmap_dup */
	dmt_dunmap		/* devmap_unmap */
};

static struct cb_ops dmt_cb_ops = {
	dmt_open,		/* cb_open */
	dmt_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
	dmt_ioctl,		/* cb_ioctl */
	dmt_devmap,		/* cb_devmap */
	nodev,			/* cb_mmap */
	ddi_devmap_segmap,	/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	NULL,			/* cb_str */
	D_NEW | D_MP | D_DEVMAP | D_64BIT,	/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops dmt_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	ddi_no_info,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	dmt_attach,		/* devo_attach */
	dmt_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&dmt_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv dmt_modldrv = {
	&mod_driverops,
	"devmap test driver",
	&dmt_dev_ops
};

static struct modlinkage dmt_modlinkage = {
	MODREV_1,
	{ (void *)&dmt_modldrv, NULL }
};

int
_init(void)
{
	return (mod_install(&dmt_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&dmt_modlinkage, modinfop));
}

int
_fini(void)
{
	return (mod_remove(&dmt_modlinkage));
}

static int
dmt_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (ddi_umem_alloc(PAGESIZE, DDI_UMEM_SLEEP, &dmt_cookie) == NULL)
		return (DDI_FAILURE);
	mutex_init(&dmt_lock, NULL, MUTEX_DRIVER, NULL);
	if (ddi_create_minor_node(dip, "map", S_IFCHR, DMT_MAP,
	    DDI_PSEUDO, 0) != DDI_SUCCESS ||
	    ddi_create_minor_node(dip, "trash", S_IFCHR, DMT_TRASH,
	    DDI_PSEUDO, 0) != DDI_SUCCESS) {
		ddi_remove_minor_node(dip, NULL);
		mutex_destroy(&dmt_lock);
		ddi_umem_free(dmt_cookie);
		return (DDI_FAILURE);
	}
	dmt_dip = dip;
	return (DDI_SUCCESS);
}

static int
dmt_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);
	ddi_remove_minor_node(dip, NULL);
	mutex_destroy(&dmt_lock);
	ddi_umem_free(dmt_cookie);
	dmt_dip = NULL;
	return (DDI_SUCCESS);
}

/*ARGSUSED*/
static int
dmt_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	return (otyp == OTYP_CHR ? 0 : EINVAL);
}

/*ARGSUSED*/
static int
dmt_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return (0);
}

/*ARGSUSED*/
static int
dmt_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	int v;

	mutex_enter(&dmt_lock);
	switch (cmd) {
	case DMT_NEGOFF:
		v = dmt_negoff;
		break;
	case DMT_MAPS:
		v = dmt_maps;
		break;
	default:
		mutex_exit(&dmt_lock);
		return (ENOTTY);
	}
	mutex_exit(&dmt_lock);
	if (ddi_copyout(&v, (void *)arg, sizeof (v), mode) != 0)
		return (EFAULT);
	return (0);
}

/*ARGSUSED*/
static int
dmt_devmap(dev_t dev, devmap_cookie_t dhp, offset_t off, size_t len,
    size_t *maplen, uint_t model)
{
	ddi_umem_cookie_t c;
	int error;

	if (off < 0) {
		mutex_enter(&dmt_lock);
		dmt_negoff++;
		mutex_exit(&dmt_lock);
		cmn_err(CE_WARN, "dmtest: devmap(9E) at offset %lld",
		    (longlong_t)off);
		return (EINVAL);
	}
	if (getminor(dev) == DMT_TRASH) {
		c = NULL;
		(void) ddi_umem_alloc(PAGESIZE, DDI_UMEM_TRASH, &c);
		if (c == NULL)
			return (ENOMEM);
		error = devmap_umem_setup(dhp, dmt_dip, NULL, c, 0,
		    PAGESIZE, PROT_ALL, 0, &dmt_acc);
		/* The mapping holds the cookie. */
		ddi_umem_free(c);
	} else {
		error = devmap_umem_setup(dhp, dmt_dip, &dmt_callbacks,
		    dmt_cookie, 0, PAGESIZE, PROT_ALL, 0, &dmt_acc);
	}
	if (error != 0)
		return (error);
	*maplen = PAGESIZE;
	return (0);
}

/*ARGSUSED*/
static int
dmt_dmap(devmap_cookie_t dhp, dev_t dev, uint_t flags, offset_t off,
    size_t len, void **pvtp)
{
	*pvtp = kmem_zalloc(DMT_PVT, KM_SLEEP);
	mutex_enter(&dmt_lock);
	dmt_maps++;
	mutex_exit(&dmt_lock);
	return (0);
}

/*ARGSUSED*/
static int
dmt_ddup(devmap_cookie_t dhp, void *pvtp, devmap_cookie_t new_dhp,
    void **new_pvtp)
{
	return (EINVAL);
}

/*ARGSUSED*/
static void
dmt_dunmap(devmap_cookie_t dhp, void *pvtp, offset_t off, size_t len,
    devmap_cookie_t new_dhp1, void **new_pvtp1, devmap_cookie_t new_dhp2,
    void **new_pvtp2)
{
	kmem_free(pvtp, DMT_PVT);
	mutex_enter(&dmt_lock);
	dmt_maps--;
	mutex_exit(&dmt_lock);
}
