/* SPDX-License-Identifier: GPL-2.0 */

/*
 * crypto - a pseudo driver of the test tree: one minor node per instance.
 */

#include <sys/types.h>
#include <sys/errno.h>
#include <sys/stat.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/cmn_err.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>

#ifndef lint
static char _depends_on[] = "misc/tlib";
#endif



static dev_info_t *crypto_dip;

static int crypto_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int crypto_attach(dev_info_t *, ddi_attach_cmd_t);
static int crypto_detach(dev_info_t *, ddi_detach_cmd_t);

static struct cb_ops crypto_cb_ops = {
	nulldev,		/* cb_open */
	nulldev,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
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

static struct dev_ops crypto_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	crypto_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	crypto_attach,		/* devo_attach */
	crypto_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&crypto_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv crypto_modldrv = {
	&mod_driverops,
	"test driver crypto",
	&crypto_dev_ops
};

static struct modlinkage crypto_modlinkage = {
	MODREV_1,
	{ &crypto_modldrv, NULL }
};

int
_init(void)
{
	return (mod_install(&crypto_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&crypto_modlinkage, modinfop));
}

int
_fini(void)
{
	return (mod_remove(&crypto_modlinkage));
}

static int
crypto_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	cmn_err(CE_NOTE, "crypto: attach");
	if (ddi_create_minor_node(dip, "crypto", S_IFCHR, ddi_get_instance(dip),
	    DDI_PSEUDO, 0) != DDI_SUCCESS)
		return (DDI_FAILURE);
	crypto_dip = dip;
	return (DDI_SUCCESS);
}

static int
crypto_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);

	ddi_remove_minor_node(dip, NULL);
	crypto_dip = NULL;
	return (DDI_SUCCESS);
}

/* ARGSUSED */
static int
crypto_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		*resultp = crypto_dip;
		return (crypto_dip != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)getminor(*(dev_t *)arg);
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}
