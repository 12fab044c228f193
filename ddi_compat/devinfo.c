// SPDX-License-Identifier: GPL-2.0
/*
 * Instances (dev_info_t): attach(9E) and detach(9E), autodetach,
 * properties from the .conf (ddi_prop_op(9F) and the lookup functions),
 * and the small dev_info accessors.
 *
 * Autodetach, as Solaris does it: an instance that nobody has open is
 * detached (at load, right after its attach, and at the last close of
 * its minors); its /devices nodes stay, and the next open attaches it
 * again.  An instance whose detach refuses stays attached.  While an
 * instance is attached it holds a reference on its driver's module, so
 * Linux refuses to unload the module: `rmmod` fails while a detach
 * refuses, and succeeds once every instance could detach.  A .conf with
 * ddi-no-autodetach=1 keeps instances attached after their last close.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/slab.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/kmem.h>
#include <sys/param.h>

#include "ddic_core.h"
#include "devinfo.h"

int ddic_attach_instance(struct dev_info *dip)
{
	struct ddic_driver *drv = dip->drv;
	int r;

	lockdep_assert_held(&drv->state_lock);
	if (dip->attached)
		return 0;
	dip->in_attach = true;
	r = drv->ops->devo_attach(dip, DDI_ATTACH);
	dip->in_attach = false;
	if (r != DDI_SUCCESS) {
		ddic_prop_drop_all(dip);	/* what a failed attach left */
		ddic_event_drop_dip(dip);
		ddic_fm_drop_dip(dip);
		pr_warn("%s%d: attach failed (%d)\n", drv->name, dip->instance,
			r);
		return -ENXIO;
	}
	dip->attached = true;
	__module_get(drv->owner);
	dip->holds_module = true;
	return 0;
}

int ddic_detach_instance(struct dev_info *dip)
{
	struct ddic_driver *drv = dip->drv;
	int r;

	lockdep_assert_held(&drv->state_lock);
	if (!dip->attached)
		return 0;
	if (dip->opens || dip->opening)
		return -EBUSY;
	dip->in_detach = true;
	r = drv->ops->devo_detach(dip, DDI_DETACH);
	dip->in_detach = false;
	if (r != DDI_SUCCESS)
		return -EBUSY;
	/* As on Solaris, a detached node keeps no driver properties. */
	ddic_prop_drop_all(dip);
	ddic_event_drop_dip(dip);
	ddic_fm_drop_dip(dip);
	dip->attached = false;
	if (dip->holds_module) {
		dip->holds_module = false;
		module_put(drv->owner);
	}
	return 0;
}

void ddic_autodetach(struct dev_info *dip)
{
	lockdep_assert_held(&dip->drv->state_lock);
	if (!dip->drv->autodetach || !dip->attached || dip->opens ||
	    dip->opening)
		return;
	if (ddic_detach_instance(dip))
		pr_debug("%s%d: detach refused; instance stays attached\n",
			 dip->drv->name, dip->instance);
}

int ddic_driver_attach_all(struct ddic_driver *drv)
{
	struct dev_info *dip;
	int err = 0;

	mutex_lock(&drv->state_lock);
	list_for_each_entry(dip, &drv->instances, link) {
		if (ddic_attach_instance(dip))
			err = -ENXIO;
		else
			ddic_autodetach(dip);
	}
	mutex_unlock(&drv->state_lock);
	return err;
}

int ddic_driver_detach_all(struct ddic_driver *drv)
{
	struct dev_info *dip;
	int err = 0;

	mutex_lock(&drv->state_lock);
	list_for_each_entry(dip, &drv->instances, link) {
		if (ddic_detach_instance(dip)) {
			pr_info("%s%d: detach refused (%s)\n", drv->name,
				dip->instance,
				dip->opens ? "open" :
				dip->opening ? "being opened" :
				"by the driver");
			err = -EBUSY;
		}
	}
	mutex_unlock(&drv->state_lock);
	return err;
}

/*
 * The node of @drv with @minor and @spec_type: the live one, else one
 * removed but still held (its disk, its /dev node).  Here rather than in
 * minornode.c so the open path (devopen.c) need not call the file that
 * makes the block bridge's disks: the calls between files form a DAG.
 */
struct ddic_minor *ddic_minor_find(struct ddic_driver *drv, minor_t minor,
				 int spec_type)
{
	struct ddic_minor *mn, *stale = NULL;

	lockdep_assert_held(&drv->minor_lock);
	list_for_each_entry(mn, &drv->minors, link) {
		if (mn->minor != minor || mn->spec_type != spec_type)
			continue;
		if (mn->live)
			return mn;
		stale = mn;
	}
	return stale;
}

/* Accessors. */

int ddi_get_instance(dev_info_t *dip)
{
	return dip ? dip->instance : -1;
}
EXPORT_SYMBOL(ddi_get_instance);

major_t ddi_driver_major(dev_info_t *dip)
{
	return dip ? MAJOR(dip->drv->base) : DDI_MAJOR_T_UNKNOWN;
}
EXPORT_SYMBOL(ddi_driver_major);

void *ddi_get_driver_private(dev_info_t *dip)
{
	return dip ? dip->driver_private : NULL;
}
EXPORT_SYMBOL(ddi_get_driver_private);

void ddi_set_driver_private(dev_info_t *dip, void *data)
{
	if (dip)
		dip->driver_private = data;
}
EXPORT_SYMBOL(ddi_set_driver_private);

void ddi_report_dev(dev_info_t *dip)
{
	if (!dip)
		return;
	if (dip->devpath) {	/* a PCI node: pci@0,0!<name>@<unit> */
		char path[96], *c;

		strscpy(path, dip->devpath, sizeof(path));
		for (c = path; *c; c++)
			if (*c == '!')
				*c = '/';
		pr_info("%s%d is /%s\n", dip->drv->name, dip->instance, path);
		return;
	}
	pr_info("pseudo-device: %s%d\n", dip->drv->name, dip->instance);
	pr_info("%s%d is /pseudo/%s@%d\n", dip->drv->name, dip->instance,
		dip->drv->name, dip->instance);
}
EXPORT_SYMBOL(ddi_report_dev);

int ddi_quiesce_not_needed(dev_info_t *dip)
{
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_quiesce_not_needed);

int ddi_quiesce_not_supported(dev_info_t *dip)
{
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_quiesce_not_supported);

int ddi_no_info(dev_info_t *dip, ddi_info_cmd_t infocmd, void *arg,
		void **result)
{
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_no_info);

/* Properties (ddi_prop_*(9F)) live in props.c. */
