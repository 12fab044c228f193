/* SPDX-License-Identifier: GPL-2.0 */

/*
 * umemshare - export one page of kernel memory shared by every process
 * that maps the device (Writing Device Drivers, "Allocating Kernel Memory
 * for User Access", Example 11-2).
 *
 * The area is allocated in segmap(9E) when a process maps the device the
 * first time.  A 64-bit driver that supports 32-bit applications as well
 * (_MULTI_DATAMODEL) allocates two pages: devmap(9E) gives 64-bit
 * processes page 0 and 32-bit processes page 1, so each data model shares
 * its own page.  The area is freed at detach.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/ksynch.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/model.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>

typedef struct xxstate {
	dev_info_t		*dip;
	kmutex_t		lock;		/* protects umem and cookie */
	caddr_t			umem;		/* the shared area */
	ddi_umem_cookie_t	cookie;
	size_t			size;
} xxstate_t;

static void *statep;

static ddi_device_acc_attr_t xx_acc_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

static int xxgetinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int xxattach(dev_info_t *, ddi_attach_cmd_t);
static int xxdetach(dev_info_t *, ddi_detach_cmd_t);
static int xxopen(dev_t *, int, int, cred_t *);
static int xxclose(dev_t, int, int, cred_t *);
static int xxdevmap(dev_t, devmap_cookie_t, offset_t, size_t, size_t *,
    uint_t);
static int xxsegmap(dev_t, off_t, struct as *, caddr_t *, off_t,
    unsigned int, unsigned int, unsigned int, cred_t *);

static struct cb_ops xx_cb_ops = {
	xxopen,			/* cb_open */
	xxclose,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
	nodev,			/* cb_ioctl */
	xxdevmap,		/* cb_devmap */
	nodev,			/* cb_mmap */
	xxsegmap,		/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	NULL,			/* cb_str */
	D_NEW | D_MP | D_DEVMAP | D_64BIT,	/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops xx_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	xxgetinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	xxattach,		/* devo_attach */
	xxdetach,		/* devo_detach */
	nodev,			/* devo_reset */
	&xx_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv xx_modldrv = {
	&mod_driverops,
	"umemshare shared page driver",
	&xx_dev_ops
};

static struct modlinkage xx_modlinkage = {
	MODREV_1,
	{ (void *)&xx_modldrv, NULL }
};

int
_init(void)
{
	int error;

	if ((error = ddi_soft_state_init(&statep, sizeof (xxstate_t), 1)) != 0)
		return (error);
	if ((error = mod_install(&xx_modlinkage)) != 0)
		ddi_soft_state_fini(&statep);
	return (error);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&xx_modlinkage, modinfop));
}

int
_fini(void)
{
	int error;

	if ((error = mod_remove(&xx_modlinkage)) != 0)
		return (error);
	ddi_soft_state_fini(&statep);
	return (0);
}

/*ARGSUSED*/
static int
xxgetinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	int instance = getminor((dev_t)(uintptr_t)arg);
	xxstate_t *xsp;

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		if ((xsp = ddi_get_soft_state(statep, instance)) == NULL)
			return (DDI_FAILURE);
		*resultp = xsp->dip;
		return (DDI_SUCCESS);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)instance;
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static int
xxattach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	xxstate_t *xsp;

	switch (cmd) {
	case DDI_ATTACH:
		break;
	case DDI_RESUME:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}

	if (ddi_soft_state_zalloc(statep, instance) != DDI_SUCCESS)
		return (DDI_FAILURE);
	xsp = ddi_get_soft_state(statep, instance);
	xsp->dip = dip;
	mutex_init(&xsp->lock, NULL, MUTEX_DRIVER, NULL);
	if (ddi_create_minor_node(dip, "umemshare", S_IFCHR, instance,
	    DDI_PSEUDO, 0) != DDI_SUCCESS) {
		mutex_destroy(&xsp->lock);
		ddi_soft_state_free(statep, instance);
		return (DDI_FAILURE);
	}
	ddi_report_dev(dip);
	return (DDI_SUCCESS);
}

static int
xxdetach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	xxstate_t *xsp;

	switch (cmd) {
	case DDI_DETACH:
		break;
	case DDI_SUSPEND:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}

	xsp = ddi_get_soft_state(statep, instance);
	ASSERT(xsp != NULL);
	ddi_remove_minor_node(dip, NULL);
	if (xsp->umem != NULL)
		ddi_umem_free(xsp->cookie);
	mutex_destroy(&xsp->lock);
	ddi_soft_state_free(statep, instance);
	return (DDI_SUCCESS);
}

/*ARGSUSED*/
static int
xxopen(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	if (otyp != OTYP_CHR)
		return (EINVAL);
	if (ddi_get_soft_state(statep, getminor(*devp)) == NULL)
		return (ENXIO);
	return (0);
}

/*ARGSUSED*/
static int
xxclose(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return (0);
}

/*
 * Example 11-2: allocate the shared area on the first mapping, then let
 * devmap_setup(9F) call xxdevmap() for the handles.
 */
static int
xxsegmap(dev_t dev, off_t off, struct as *asp, caddr_t *addrp,
    off_t len, unsigned int prot, unsigned int maxprot,
    unsigned int flags, cred_t *credp)
{
	int error;
	minor_t instance = getminor(dev);
	xxstate_t *xsp = ddi_get_soft_state(statep, instance);

	if (xsp == NULL)
		return (ENXIO);
	mutex_enter(&xsp->lock);
	if (xsp->umem == NULL) {
		size_t mem_size;

#ifdef _MULTI_DATAMODEL
		/* 64-bit driver supports 64-bit and 32-bit applications */
		mem_size = ptob(2);
#else
		mem_size = ptob(1);
#endif /* _MULTI_DATAMODEL */

		/* allocate the shared area as kernel pageable memory */
		xsp->umem = ddi_umem_alloc(mem_size,
		    DDI_UMEM_SLEEP | DDI_UMEM_PAGEABLE, &xsp->cookie);
		xsp->size = mem_size;
	}
	mutex_exit(&xsp->lock);

	/* Set up the user mapping */
	error = devmap_setup(dev, (offset_t)off, asp, addrp, len,
	    prot, maxprot, flags, credp);
	return (error);
}

/*
 * One page only: 64-bit processes share page 0, 32-bit processes share
 * page 1.
 */
static int
xxdevmap(dev_t dev, devmap_cookie_t handle, offset_t off, size_t len,
    size_t *maplen, uint_t model)
{
	xxstate_t *xsp = ddi_get_soft_state(statep, getminor(dev));
	offset_t uoff = 0;
	int error;

	if (xsp == NULL || xsp->umem == NULL)
		return (ENXIO);
	if (off != 0 || len > ptob(1))
		return (EINVAL);
#ifdef _MULTI_DATAMODEL
	if (ddi_model_convert_from(model & DDI_MODEL_MASK) == DDI_MODEL_ILP32)
		uoff = ptob(1);
#endif /* _MULTI_DATAMODEL */
	error = devmap_umem_setup(handle, xsp->dip, NULL, xsp->cookie,
	    uoff, ptob(1), PROT_ALL, 0, &xx_acc_attr);
	*maplen = ptob(1);
	return (error);
}
