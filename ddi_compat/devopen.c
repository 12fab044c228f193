// SPDX-License-Identifier: GPL-2.0
/*
 * The driver-model core of open, close and ioctl, shared by the character
 * bridge (cdev.c) and the block bridge (blk.c): each bridge turns its
 * Linux entry point into a call here and keeps only what is its own (the
 * file's private data, the disk's module reference).
 *
 * open: wait for a last close(9E) of the same dev_t to finish, attach the
 * instance if it autodetached, check that attach(9E) made the node again
 * (autodetach if not), then open(9E) without any lock held, then count
 * the open.  Open counts are kept per dev_t and open type: Solaris calls
 * close(9E) on the last close of each (block opens are counted apart from
 * character opens of the same dev_t), and an instance with open files
 * never autodetaches.
 *
 * Entry points return positive errno values; ddic_errno() makes them the
 * negative ones Linux wants.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/cred.h>
#include <linux/fcntl.h>
#include <linux/sched/signal.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/file.h>
#include <sys/open.h>
#include <sys/stat.h>

#include "devinfo.h"

/* How many open files a dev_t has, so close(9E) is called on the last. */
struct dvo_count {
	struct list_head link;		/* in drv->devopens */
	dev_t dev;
	int otyp;			/* OTYP_CHR or OTYP_BLK */
	int count;
	bool closing;			/* its last close(9E) is running */
};

/*
 * An entry point's positive errno as a negative Linux one.  A negative
 * return (DDI_FAILURE, or a Linux-style -errno) is a driver bug: it is
 * reported once and turned into EIO rather than passed on as a count.
 *
 * EINTR with a signal pending (cv_wait_sig(9F) and friends were cut
 * short by it) becomes -ERESTARTSYS: Linux then restarts the system call
 * after a handler installed with SA_RESTART and gives EINTR otherwise,
 * as Solaris does for a driver's EINTR.  Without a signal pending (a
 * driver giving EINTR of its own accord) the caller gets EINTR.
 */
int ddic_errno(struct ddic_driver *drv, const char *entry, int err)
{
	if (err == EINTR && signal_pending(current))
		return -ERESTARTSYS;
	if (err > 0 && err < MAX_ERRNO)
		return -err;
	pr_warn_once("%s: %s returned %d, not an errno; giving EIO\n",
		     drv->name, entry, err);
	return -EIO;
}

/*
 * open(9E)'s and ioctl(9E)'s flag from how a file was opened: @rw is
 * FREAD and FWRITE as the bridge found them, @oflags the O_* flags.
 */
int ddic_open_flags(int rw, unsigned int oflags)
{
	int flag = rw & (FREAD | FWRITE);

	if (oflags & O_NONBLOCK)
		flag |= FNONBLOCK | FNDELAY;
	if (oflags & O_APPEND)
		flag |= FAPPEND;
	if (oflags & O_EXCL)
		flag |= FEXCL;
	if (oflags & O_NOCTTY)
		flag |= FNOCTTY;
	if (oflags & O_LARGEFILE)
		flag |= FOFFMAX;
	return flag;
}

static struct dvo_count *dvo_find(struct ddic_driver *drv, dev_t dev,
				  int otyp)
{
	struct dvo_count *o;

	list_for_each_entry(o, &drv->devopens, link)
		if (o->dev == dev && o->otyp == otyp)
			return o;
	return NULL;
}

/*
 * Wait, with state_lock held, until no last close(9E) of @dev is running,
 * so open(9E) and the close(9E) it follows never overlap.
 */
static int dvo_wait_closing(struct ddic_driver *drv, dev_t dev, int otyp)
{
	struct dvo_count *o;
	unsigned long seq;
	int err;

	while ((o = dvo_find(drv, dev, otyp)) && o->closing) {
		seq = drv->close_seq;
		mutex_unlock(&drv->state_lock);
		err = wait_event_interruptible(drv->close_wait,
					       READ_ONCE(drv->close_seq) != seq);
		mutex_lock(&drv->state_lock);
		if (err)
			return err;	/* -ERESTARTSYS: restarted or EINTR */
	}
	return 0;
}

/*
 * The node @req opens, if it is still the one asked for: a minor of the
 * open's type whose disk is @req->blk (none for a character node) and,
 * once the instance is known, whose instance is @req->dip.
 */
static struct ddic_minor *dvo_node(struct ddic_open_req *req)
{
	struct ddic_minor *mn;

	lockdep_assert_held(&req->drv->minor_lock);
	mn = ddic_minor_find(req->drv, MINOR(req->dev),
			    req->otyp == OTYP_BLK ? S_IFBLK : S_IFCHR);
	if (!mn || mn->blk != req->blk || (req->dip && mn->dip != req->dip))
		return NULL;
	return mn;
}

int ddic_open(struct ddic_open_req *req)
{
	struct ddic_driver *drv = req->drv;
	struct cb_ops *cb = drv->ops->devo_cb_ops;
	dev_t newdev = req->dev;
	struct dvo_count *o, *fresh;
	struct ddic_minor *mn;
	struct dev_info *dip;
	int err;

	if (!cb)
		return -ENXIO;
	fresh = kzalloc(sizeof(*fresh), GFP_KERNEL);
	if (!fresh)
		return -ENOMEM;
	mutex_lock(&drv->state_lock);
	err = dvo_wait_closing(drv, req->dev, req->otyp);
	if (err)
		goto out_unlock;
	mutex_lock(&drv->minor_lock);
	mn = dvo_node(req);
	if (mn && !req->dip)
		req->dip = mn->dip;
	mutex_unlock(&drv->minor_lock);
	dip = req->dip;
	err = -ENXIO;
	if (!mn || !dip)
		goto out_unlock;
	err = ddic_attach_instance(dip);
	if (err)
		goto out_unlock;
	mutex_lock(&drv->minor_lock);
	mn = dvo_node(req);
	err = mn && mn->live ? 0 : -ENXIO;
	mutex_unlock(&drv->minor_lock);
	if (err) {
		/* The driver attached but did not make this node again. */
		ddic_autodetach(dip);
		goto out_unlock;
	}
	dip->opening++;
	mutex_unlock(&drv->state_lock);

	err = cb->cb_open ? cb->cb_open(&newdev, req->flag, req->otyp,
					req->cred) : 0;
	if (!err && MAJOR(newdev) != MAJOR(req->dev)) {
		/*
		 * A clone minor above MAXMIN spills into the major of
		 * Linux's dev_t: no later call could name it.  Refuse the
		 * open; the driver's state for it is not closed, as no
		 * dev_t reaches it (docs/departures.md).
		 */
		pr_warn("%s: open(9E) returned dev_t %#x of another major (a clone minor above MAXMIN %#lx?); open refused\n",
			drv->name, newdev, (unsigned long)MINORMASK);
		err = EOVERFLOW;
	}
	if (!err && newdev != req->dev && req->otyp == OTYP_BLK) {
		pr_warn_once("%s: open(9E) of a block node changed the dev_t; cloning block nodes is not supported, keeping the original\n",
			     drv->name);
		newdev = req->dev;
	}

	mutex_lock(&drv->state_lock);
	dip->opening--;
	if (err) {
		err = ddic_errno(drv, "open", err);
		ddic_autodetach(dip);
		goto out_unlock;
	}
	o = dvo_find(drv, newdev, req->otyp);
	if (!o) {
		o = fresh;
		fresh = NULL;
		o->dev = newdev;
		o->otyp = req->otyp;
		list_add(&o->link, &drv->devopens);
	}
	o->count++;
	dip->opens++;
	req->dev = newdev;
out_unlock:
	mutex_unlock(&drv->state_lock);
	kfree(fresh);
	return err;
}

/*
 * A close of @dev (@otyp) on @dip: close(9E) with @flag and @cr if it is
 * the last, then the open accounting and autodetach.
 */
void ddic_close(struct ddic_driver *drv, struct dev_info *dip, dev_t dev,
		int otyp, int flag, cred_t *cr)
{
	struct cb_ops *cb = drv->ops->devo_cb_ops;
	struct dvo_count *o;
	bool last = false;
	int err;

	mutex_lock(&drv->state_lock);
	o = dvo_find(drv, dev, otyp);
	if (o && --o->count == 0) {
		o->closing = true;
		last = true;
	}
	mutex_unlock(&drv->state_lock);

	if (last && cb->cb_close) {
		err = cb->cb_close(dev, flag, otyp, cr);
		if (err)
			pr_debug("%s: close returned %d\n", drv->name, err);
	}

	mutex_lock(&drv->state_lock);
	if (last) {
		o->closing = false;
		if (!o->count) {
			list_del(&o->link);
			kfree(o);
		}
		WRITE_ONCE(drv->close_seq, drv->close_seq + 1);
		wake_up_all(&drv->close_wait);
	}
	dip->opens--;
	ddic_autodetach(dip);
	mutex_unlock(&drv->state_lock);
}

/*
 * ioctl(9E) from user space: the caller's pointer @arg (already widened
 * for a 32-bit caller), @mode of FREAD/FWRITE/FNDELAY/... plus the data
 * model.  ioctl(9E) gets the caller's credentials, as Solaris passes
 * CRED() (read, write and close get the file's, as there).
 */
long ddic_ioctl(struct ddic_driver *drv, dev_t dev, unsigned int cmd,
		unsigned long arg, int mode)
{
	struct cb_ops *cb = drv->ops->devo_cb_ops;
	int rval = 0, err;

	if (!cb->cb_ioctl)
		return -ENOTTY;
	err = cb->cb_ioctl(dev, (int)cmd, (intptr_t)arg, mode,
			   (cred_t *)current_cred(), &rval);
	if (err)
		return ddic_errno(drv, "ioctl", err);
	return rval;
}
