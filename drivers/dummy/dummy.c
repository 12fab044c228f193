/* SPDX-License-Identifier: GPL-2.0 */

/*
 * dummy - the smallest character driver a Solaris tutorial starts from:
 * one minor node "0" per instance, every entry point logs that it ran
 * and does nothing else.  read(9E) returns end of file; write(9E) returns
 * success without consuming anything (uio_resid is left as it came), as
 * a first driver typically does before it learns uiomove(9F).
 *
 *	echo hello > /devices/pseudo/dummy@0:0
 *	cat /devices/pseudo/dummy@0:0
 */

#include <sys/types.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/cmn_err.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>

static dev_info_t *dummy_dip;

static int dummy_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int dummy_attach(dev_info_t *, ddi_attach_cmd_t);
static int dummy_detach(dev_info_t *, ddi_detach_cmd_t);
static int dummy_open(dev_t *, int, int, cred_t *);
static int dummy_close(dev_t, int, int, cred_t *);
static int dummy_read(dev_t, struct uio *, cred_t *);
static int dummy_write(dev_t, struct uio *, cred_t *);

static struct cb_ops dummy_cb_ops = {
	dummy_open,		/* cb_open */
	dummy_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	dummy_read,		/* cb_read */
	dummy_write,		/* cb_write */
	nodev,			/* cb_ioctl */
	nodev,			/* cb_devmap */
	nodev,			/* cb_mmap */
	nodev,			/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	NULL,			/* cb_str */
	D_NEW | D_MP,		/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops dummy_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	dummy_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	dummy_attach,		/* devo_attach */
	dummy_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&dummy_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv dummy_modldrv = {
	&mod_driverops,
	"dummy driver",
	&dummy_dev_ops
};

static struct modlinkage dummy_modlinkage = {
	MODREV_1,
	{ &dummy_modldrv, NULL }
};

int
_init(void)
{
	cmn_err(CE_NOTE, "dummy: _init");
	return (mod_install(&dummy_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&dummy_modlinkage, modinfop));
}

int
_fini(void)
{
	cmn_err(CE_NOTE, "dummy: _fini");
	return (mod_remove(&dummy_modlinkage));
}

static int
dummy_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	cmn_err(CE_NOTE, "dummy: attach");
	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (ddi_create_minor_node(dip, "0", S_IFCHR, ddi_get_instance(dip),
	    DDI_PSEUDO, 0) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "dummy: cannot create minor node");
		return (DDI_FAILURE);
	}
	dummy_dip = dip;
	return (DDI_SUCCESS);
}

static int
dummy_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	cmn_err(CE_NOTE, "dummy: detach");
	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);
	ddi_remove_minor_node(dip, NULL);
	dummy_dip = NULL;
	return (DDI_SUCCESS);
}

/* ARGSUSED */
static int
dummy_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		*resultp = dummy_dip;
		return (dummy_dip != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)getminor(*(dev_t *)arg);
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

/* ARGSUSED */
static int
dummy_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	cmn_err(CE_NOTE, "dummy: open");
	return (0);
}

/* ARGSUSED */
static int
dummy_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	cmn_err(CE_NOTE, "dummy: close");
	return (0);
}

/* ARGSUSED */
static int
dummy_read(dev_t dev, struct uio *uiop, cred_t *credp)
{
	cmn_err(CE_NOTE, "dummy: read");
	return (0);
}

/* ARGSUSED */
static int
dummy_write(dev_t dev, struct uio *uiop, cred_t *credp)
{
	cmn_err(CE_NOTE, "dummy: write");
	return (0);
}
