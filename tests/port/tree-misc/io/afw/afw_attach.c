/* SPDX-License-Identifier: GPL-2.0 */

/*
 * afw - a pseudo driver of the test tree, from two files (afw_ops.c has
 * its getinfo(9E)), a client of the zfw framework and of tlib.
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
#include "../../common/zfw.h"

extern int tlib_twice(int);
char _depends_on[] = "misc/zfw misc/tlib";

#include "afw.h"

static int afw_attach(dev_info_t *, ddi_attach_cmd_t);
static int afw_detach(dev_info_t *, ddi_detach_cmd_t);

static struct cb_ops afw_cb_ops = {
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

static struct dev_ops afw_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	afw_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	afw_attach,		/* devo_attach */
	afw_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&afw_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv afw_modldrv = {
	&mod_driverops,
	"test driver afw",
	&afw_dev_ops
};

static struct modlinkage afw_modlinkage = {
	MODREV_1,
	{ &afw_modldrv, NULL }
};

int
_init(void)
{
	return (mod_install(&afw_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&afw_modlinkage, modinfop));
}

int
_fini(void)
{
	return (mod_remove(&afw_modlinkage));
}

static int
afw_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (zfw_register("afw") < 0)
		return (DDI_FAILURE);
	cmn_err(CE_NOTE, "afw: attach, tlib says %d", tlib_twice(21));
	if (ddi_create_minor_node(dip, "afw", S_IFCHR, ddi_get_instance(dip),
	    DDI_PSEUDO, 0) != DDI_SUCCESS)
		return (DDI_FAILURE);
	afw_dip = dip;
	return (DDI_SUCCESS);
}

static int
afw_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);
	zfw_unregister("afw");
	ddi_remove_minor_node(dip, NULL);
	afw_dip = NULL;
	return (DDI_SUCCESS);
}
