// SPDX-License-Identifier: GPL-2.0
/*
 * Minor nodes: ddi_create_minor_node(9F) and ddi_remove_minor_node(9F).
 *
 * A node is a Linux device in the class "ddi_pseudo" named
 * "pseudo!<driver>@<instance>:<minor name>"; devtmpfs turns the '!' into
 * a directory, so it appears as /dev/pseudo/<driver>@<instance>:<name>
 * (and, through the guest's /devices -> /dev link, at the path Solaris
 * uses).
 *
 * As on Solaris with autodetach, the /devices node outlives a detach: a
 * node the driver removes while detaching stays, marked not live, so the
 * next open can attach the instance again (which makes the node live
 * again).  Nodes are taken away for good when the driver unloads.
 * Departure: a node removed while its instance stays attached also stays
 * until the driver unloads, and opening it fails with ENXIO.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/device.h>
#include <linux/slab.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/stat.h>
#include <ddi_compat/kcompat.h>

#include "ddi_impl.h"
#include "devinfo.h"

struct class *ddi_pseudo_class;

struct ddi_minor *ddi_minor_find(struct ddi_driver *drv, minor_t minor)
{
	struct ddi_minor *mn, *stale = NULL;

	lockdep_assert_held(&drv->minor_lock);
	list_for_each_entry(mn, &drv->minors, link) {
		if (mn->minor != minor)
			continue;
		if (mn->live)
			return mn;
		stale = mn;
	}
	return stale;
}

static void ddi_minor_free(struct ddi_minor *mn)
{
	if (mn->dev)
		device_unregister(mn->dev);
	list_del(&mn->link);
	kfree(mn);
}

int ddi_create_minor_node(dev_info_t *dip, const char *name, int spec_type,
			  minor_t minor_num, const char *node_type, int flag)
{
	struct ddi_minor *mn, *same = NULL;
	struct ddi_driver *drv;
	struct device *dev;

	if (!dip || !name || !*name || strlen(name) >= DDI_NAME_MAX ||
	    strchr(name, '/')) {
		pr_warn("%s: bad dip or name \"%s\"\n", __func__,
			name ? name : "(null)");
		return DDI_FAILURE;
	}
	drv = dip->drv;
	if (spec_type != S_IFCHR) {
		/* Block nodes need the block bridge, which is not here yet. */
		pr_warn("%s%d: %s(%s): only S_IFCHR nodes are supported\n",
			drv->name, dip->instance, __func__, name);
		return DDI_FAILURE;
	}
	if (minor_num > MINORMASK) {
		pr_warn("%s%d: %s(%s): minor %u above the Linux maximum %u\n",
			drv->name, dip->instance, __func__, name, minor_num,
			MINORMASK);
		return DDI_FAILURE;
	}
	mutex_lock(&drv->minor_lock);
	list_for_each_entry(mn, &drv->minors, link) {
		if (mn->dip == dip && !strcmp(mn->name, name)) {
			same = mn;
			continue;
		}
		if (mn->minor == minor_num && mn->live) {
			mutex_unlock(&drv->minor_lock);
			pr_warn("%s%d: %s(%s): minor %u is already %s@%d:%s\n",
				drv->name, dip->instance, __func__, name,
				minor_num,
				drv->name, mn->dip->instance, mn->name);
			return DDI_FAILURE;
		}
	}
	if (same && same->live) {
		mutex_unlock(&drv->minor_lock);
		pr_warn("%s%d: %s: node %s exists\n",
			drv->name, dip->instance, __func__, name);
		return DDI_FAILURE;
	}
	if (same && same->minor == minor_num) {
		/* The node of an earlier attach: live again. */
		same->live = true;
		mutex_unlock(&drv->minor_lock);
		return DDI_SUCCESS;
	}
	if (same)
		ddi_minor_free(same);
	mn = kzalloc(sizeof(*mn), GFP_KERNEL);
	if (!mn) {
		mutex_unlock(&drv->minor_lock);
		return DDI_FAILURE;
	}
	mn->dip = dip;
	strscpy(mn->name, name, sizeof(mn->name));
	mn->minor = minor_num;
	mn->spec_type = spec_type;
	dev = device_create(ddi_pseudo_class, NULL,
			    MKDEV(MAJOR(drv->base), minor_num), NULL,
			    "pseudo!%s@%d:%s", drv->name, dip->instance, name);
	if (IS_ERR(dev)) {
		mutex_unlock(&drv->minor_lock);
		pr_warn("%s%d: cannot create node %s: %ld\n", drv->name,
			dip->instance, name, PTR_ERR(dev));
		kfree(mn);
		return DDI_FAILURE;
	}
	mn->dev = dev;
	mn->live = true;
	list_add_tail(&mn->link, &drv->minors);
	mutex_unlock(&drv->minor_lock);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_create_minor_node);

void ddi_remove_minor_node(dev_info_t *dip, const char *name)
{
	struct ddi_driver *drv;
	struct ddi_minor *mn;

	if (!dip)
		return;
	drv = dip->drv;
	mutex_lock(&drv->minor_lock);
	list_for_each_entry(mn, &drv->minors, link)
		if (mn->dip == dip && (!name || !strcmp(mn->name, name)))
			mn->live = false;
	mutex_unlock(&drv->minor_lock);
}
EXPORT_SYMBOL(ddi_remove_minor_node);

void ddi_minor_destroy_all(struct ddi_driver *drv)
{
	struct ddi_minor *mn, *tmp;

	mutex_lock(&drv->minor_lock);
	list_for_each_entry_safe(mn, tmp, &drv->minors, link)
		ddi_minor_free(mn);
	mutex_unlock(&drv->minor_lock);
}

int ddi_minornode_init(void)
{
	ddi_pseudo_class = ddi_class_create("ddi_pseudo");
	if (IS_ERR(ddi_pseudo_class))
		return PTR_ERR(ddi_pseudo_class);
	return 0;
}

void ddi_minornode_fini(void)
{
	class_destroy(ddi_pseudo_class);
}
