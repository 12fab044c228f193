/* SPDX-License-Identifier: GPL-2.0 */

/*
 * bdep - a pseudo driver of the test tree: one minor node per instance.
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

char _depends_on[] = "misc/virtio";

static dev_info_t *bdep_dip;

static int bdep_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int bdep_attach(dev_info_t *, ddi_attach_cmd_t);
static int bdep_detach(dev_info_t *, ddi_detach_cmd_t);

static struct cb_ops bdep_cb_ops = {
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

static struct dev_ops bdep_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	bdep_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	bdep_attach,		/* devo_attach */
	bdep_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&bdep_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv bdep_modldrv = {
	&mod_driverops,
	"test driver bdep",
	&bdep_dev_ops
};

static struct modlinkage bdep_modlinkage = {
	MODREV_1,
	{ &bdep_modldrv, NULL }
};

int
_init(void)
{
	return (mod_install(&bdep_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&bdep_modlinkage, modinfop));
}

int
_fini(void)
{
	return (mod_remove(&bdep_modlinkage));
}

static int
bdep_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	cmn_err(CE_NOTE, "bdep: attach");
	if (ddi_create_minor_node(dip, "bdep", S_IFCHR, ddi_get_instance(dip),
	    DDI_PSEUDO, 0) != DDI_SUCCESS)
		return (DDI_FAILURE);
	bdep_dip = dip;
	return (DDI_SUCCESS);
}

static int
bdep_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);

	ddi_remove_minor_node(dip, NULL);
	bdep_dip = NULL;
	return (DDI_SUCCESS);
}

/* ARGSUSED */
static int
bdep_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		*resultp = bdep_dip;
		return (bdep_dip != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)getminor(*(dev_t *)arg);
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}
