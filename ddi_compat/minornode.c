// SPDX-License-Identifier: GPL-2.0
/*
 * Minor nodes: ddi_create_minor_node(9F) and ddi_remove_minor_node(9F).
 *
 * A character node (S_IFCHR) is a Linux device in the class "ddi_pseudo"
 * named "pseudo!<driver>@<instance>:<minor name>"; devtmpfs turns the '!'
 * into a directory, so it appears as /dev/pseudo/<driver>@<instance>:<name>
 * (and, through the guest's /devices -> /dev link, at the path Solaris
 * uses).  A block node (S_IFBLK) is a Linux disk (blk.c) whose devtmpfs
 * node is at the same kind of path.  Character and block nodes are
 * separate name spaces, as on Solaris: "disk" S_IFBLK and "disk,raw"
 * S_IFCHR usually share one minor number.
 *
 * As on Solaris with autodetach, the /devices node outlives a detach: a
 * node the driver removes while attaching or detaching stays, marked not
 * live, so the next open can attach the instance again (which makes the
 * node live again); a block node keeps its disk.  Nodes are taken away
 * for good when the driver unloads, or when the driver removes them while
 * its instance stays attached (a disk deleted at runtime): the device or
 * disk goes away at once; files still open on it keep working as far as
 * the driver lets them (a deleted disk fails their I/O).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/device.h>
#include <linux/slab.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/stat.h>
#include <ddi_compat/kcompat.h>

#include "ddic_core.h"
#include "ddic_blk.h"
#include "devinfo.h"

struct class *ddic_pseudo_class;

/*
 * Free a node taken off drv->minors.  Called without minor_lock and
 * state_lock: deleting a disk waits for its open_mutex, which an open
 * holds while it waits for state_lock.
 */
static void ddic_minor_free(struct ddic_minor *mn)
{
	if (mn->dev)
		device_unregister(mn->dev);
	if (mn->blk)
		ddic_blk_destroy(mn->blk);
	kfree(mn);
}

/* (The name in parentheses: <sys/sunddi.h> has a macro of it.) */
int (ddi_create_minor_node)(dev_info_t *dip, const char *name, int spec_type,
			  minor_t minor_num, const char *node_type, int flag)
{
	struct ddic_minor *mn, *same = NULL;
	struct ddic_driver *drv;
	struct device *dev;
	int err;

	/* devtmpfs makes '!' a '/': "x!..!..!foo" would be /dev/foo. */
	if (!dip || !name || !*name || strlen(name) >= DDIC_NAME_MAX ||
	    strchr(name, '/') || strchr(name, '!')) {
		pr_warn("%s: bad dip or name \"%s\"\n", __func__,
			name ? name : "(null)");
		return DDI_FAILURE;
	}
	drv = dip->drv;
	if (spec_type != S_IFCHR && spec_type != S_IFBLK) {
		pr_warn("%s%d: %s(%s): spec_type %#o is neither S_IFCHR nor S_IFBLK\n",
			drv->name, dip->instance, __func__, name, spec_type);
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
		if (mn->spec_type != spec_type)
			continue;
		if (mn->dip == dip && !strcmp(mn->name, name)) {
			same = mn;
			continue;
		}
		/*
		 * A block minor stays taken while its disk exists (also for
		 * a detached instance): two disks cannot share a dev_t.  So
		 * does a detached instance's character node, whose /dev
		 * path would otherwise open another instance (audit 2,
		 * finding 26).
		 */
		if (mn->minor == minor_num &&
		    (mn->live || mn->creating || mn->blk ||
		     (mn->dev && mn->dip != dip))) {
			mutex_unlock(&drv->minor_lock);
			pr_warn("%s%d: %s(%s): minor %u is already %s@%d:%s\n",
				drv->name, dip->instance, __func__, name,
				minor_num,
				drv->name, mn->dip->instance, mn->name);
			return DDI_FAILURE;
		}
	}
	if (same && (same->live || same->creating)) {
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
	if (same) {
		/* Made again with another minor number: the old one goes. */
		minor_t old_minor = same->minor;
		bool had_disk = same->blk;

		list_del(&same->link);
		if (same->blk)
			ddic_blk_destroy_later(same->blk);
		same->blk = NULL;
		mutex_unlock(&drv->minor_lock);
		ddic_minor_free(same);
		/*
		 * The new disk takes the old one's name: wait for it to be
		 * gone, but not forever: an open of the old disk waiting for
		 * the state lock this attach holds keeps it (its open_mutex).
		 */
		if (had_disk && !ddic_blk_wait_destroyed(10 * HZ)) {
			pr_warn("%s%d: %s(%s): the node's disk of minor %u is still being removed; not made\n",
				drv->name, dip->instance, __func__, name,
				old_minor);
			return DDI_FAILURE;
		}
		mutex_lock(&drv->minor_lock);
	}
	mn = kzalloc(sizeof(*mn), GFP_KERNEL);
	if (!mn) {
		mutex_unlock(&drv->minor_lock);
		return DDI_FAILURE;
	}
	mn->dip = dip;
	strscpy(mn->name, name, sizeof(mn->name));
	mn->minor = minor_num;
	mn->spec_type = spec_type;
	if (spec_type == S_IFBLK) {
		/*
		 * The disk is made without minor_lock: making it asks the
		 * driver for the size (ioctl(9E), prop_op(9E)).  Meanwhile
		 * the node is reserved ("creating") but not live.
		 */
		mn->creating = true;
		list_add_tail(&mn->link, &drv->minors);
		mutex_unlock(&drv->minor_lock);
		err = ddic_blk_create(mn);
		mutex_lock(&drv->minor_lock);
		mn->creating = false;
		if (err) {
			list_del(&mn->link);
			mutex_unlock(&drv->minor_lock);
			kfree(mn);
			return DDI_FAILURE;
		}
		mn->live = true;
		mutex_unlock(&drv->minor_lock);
		return DDI_SUCCESS;
	}
	if (dip->devpath)	/* a PCI node: pci@0,0!<name>@<unit> */
		dev = device_create(ddic_pseudo_class, NULL,
				    MKDEV(MAJOR(drv->base), minor_num), NULL,
				    "%s:%s", dip->devpath, name);
	else
		dev = device_create(ddic_pseudo_class, NULL,
				    MKDEV(MAJOR(drv->base), minor_num), NULL,
				    "pseudo!%s@%d:%s", drv->name, dip->instance,
				    name);
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
	struct ddic_minor *mn, *tmp;
	struct ddic_driver *drv;
	LIST_HEAD(gone);
	bool stay;

	if (!dip)
		return;
	drv = dip->drv;
	/* See the top of the file: who keeps a removed node. */
	stay = dip->in_attach || dip->in_detach || drv->unloading;
	mutex_lock(&drv->minor_lock);
	list_for_each_entry_safe(mn, tmp, &drv->minors, link) {
		if (mn->dip != dip || (name && strcmp(mn->name, name)) ||
		    mn->creating)
			continue;
		mn->live = false;
		if (!stay)
			list_move_tail(&mn->link, &gone);
	}
	mutex_unlock(&drv->minor_lock);
	list_for_each_entry_safe(mn, tmp, &gone, link)
		ddic_minor_free(mn);
}
EXPORT_SYMBOL(ddi_remove_minor_node);

void ddic_minor_destroy_all(struct ddic_driver *drv)
{
	struct ddic_minor *mn, *tmp;
	LIST_HEAD(gone);

	mutex_lock(&drv->minor_lock);
	list_splice_init(&drv->minors, &gone);
	mutex_unlock(&drv->minor_lock);
	list_for_each_entry_safe(mn, tmp, &gone, link)
		ddic_minor_free(mn);
	ddic_blk_driver_gone(drv);
}

/*
 * The nodes of @dip, which goes away (a PCI function unbound, pci.c);
 * state_lock held, so no open can find them meanwhile.
 */
void ddic_minor_destroy_dip(struct dev_info *dip)
{
	struct ddic_driver *drv = dip->drv;
	struct ddic_minor *mn, *tmp;
	LIST_HEAD(gone);

	lockdep_assert_held(&drv->state_lock);
	mutex_lock(&drv->minor_lock);
	list_for_each_entry_safe(mn, tmp, &drv->minors, link)
		if (mn->dip == dip)
			list_move_tail(&mn->link, &gone);
	mutex_unlock(&drv->minor_lock);
	list_for_each_entry_safe(mn, tmp, &gone, link)
		ddic_minor_free(mn);
}

int ddic_minornode_init(void)
{
	ddic_pseudo_class = ddic_class_create("ddi_pseudo");
	if (IS_ERR(ddic_pseudo_class))
		return PTR_ERR(ddic_pseudo_class);
	return 0;
}

void ddic_minornode_fini(void)
{
	class_destroy(ddic_pseudo_class);
}
