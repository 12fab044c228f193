// SPDX-License-Identifier: GPL-2.0
/*
 * The driver-model core of open, close and ioctl, shared by the character
 * bridge (cdev.c) and the block bridge (blk.c): each bridge turns its
 * Linux entry point into a call here and keeps only what is its own (the
 * file's private data, the disk's module reference).
 *
 * open: wait for a last close(9E) of the same dev_t to finish, attach the
 * instance if it autodetached, check that attach(9E) made the node again
 * (autodetach if not), count the open as in progress, then open(9E)
 * without any lock held, then count the open file.  Open counts are kept
 * per dev_t and open type: Solaris calls close(9E) on the last close of
 * each (block opens are counted apart from character opens of the same
 * dev_t), and an instance with open files never autodetaches.
 *
 * An open in progress counts as open, as illumos's specfs counts it
 * (audit 2, finding 1): a close while another process's open(9E) of the
 * same dev_t runs is not the last, so close(9E) never overlaps open(9E)
 * and the opener does not come back to a device its driver believes
 * closed.  The last close(9E) so deferred is owed: if the open then
 * fails, the opener calls close(9E) itself (illumos's SNEEDCLOSE).  A
 * close that would be last while a close(9E) of the same dev_t still runs
 * (a cloning driver handing out a minor it is closing) waits for it, so
 * two close(9E) of one dev_t never run at once.  Detach (and autodetach)
 * refuse while an instance has open files or opens in progress.
 *
 * Entry points return positive errno values; ddic_errno() makes them the
 * negative ones Linux wants.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/cred.h>
#include <linux/debugfs.h>
#include <linux/fcntl.h>
#include <linux/sched/signal.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/file.h>
#include <sys/open.h>
#include <sys/stat.h>

#include "ddic_core.h"
#include "devinfo.h"

/*
 * How many open files a dev_t has, so close(9E) is called on the last.
 * Guarded by drv->state_lock; lives while any of count, opening and
 * closing is nonzero.
 */
struct dvo_count {
	struct list_head link;		/* in drv->devopens */
	struct list_head all;		/* in dvo_all (debugfs "devopens") */
	struct ddic_driver *drv;
	dev_t dev;
	int otyp;			/* OTYP_CHR or OTYP_BLK */
	int count;			/* open files */
	int opening;			/* open(9E) calls running */
	bool closing;			/* its last close(9E) is running */
	bool needclose;			/* opened since its last close(9E) */
};

/* Every record, for debugfs; nests inside state_lock. */
static LIST_HEAD(dvo_all);
static DEFINE_MUTEX(dvo_all_lock);

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

/* The record of @dev (@otyp), made from *@fresh if there is none. */
static struct dvo_count *dvo_get(struct ddic_driver *drv, dev_t dev, int otyp,
				 struct dvo_count **fresh)
{
	struct dvo_count *o = dvo_find(drv, dev, otyp);

	lockdep_assert_held(&drv->state_lock);
	if (o)
		return o;
	o = *fresh;
	*fresh = NULL;
	o->drv = drv;
	o->dev = dev;
	o->otyp = otyp;
	list_add(&o->link, &drv->devopens);
	mutex_lock(&dvo_all_lock);
	list_add_tail(&o->all, &dvo_all);
	mutex_unlock(&dvo_all_lock);
	return o;
}

/*
 * @o has lost an open file or an open in progress: if nothing is open or
 * opening now and a close(9E) is owed, call it (with @flag and @cr, and
 * state_lock dropped meanwhile); then free @o if it is unused.  The
 * caller keeps the instance from detaching (dip->opens or dip->opening).
 */
static void dvo_release(struct ddic_driver *drv, struct dvo_count *o,
			int flag, cred_t *cr)
{
	struct cb_ops *cb = drv->ops->devo_cb_ops;
	int err;

	lockdep_assert_held(&drv->state_lock);
	if (!o->count && !o->opening && !o->closing && o->needclose) {
		o->closing = true;
		o->needclose = false;
		mutex_unlock(&drv->state_lock);
		if (cb->cb_close) {
			err = cb->cb_close(o->dev, flag, o->otyp, cr);
			if (err)
				pr_debug("%s: close returned %d\n", drv->name,
					 err);
		}
		mutex_lock(&drv->state_lock);
		o->closing = false;
		WRITE_ONCE(drv->close_seq, drv->close_seq + 1);
		wake_up_all(&drv->close_wait);
	}
	if (o->count || o->opening || o->closing)
		return;
	list_del(&o->link);
	mutex_lock(&dvo_all_lock);
	list_del(&o->all);
	mutex_unlock(&dvo_all_lock);
	kfree(o);
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
	o = dvo_get(drv, req->dev, req->otyp, &fresh);
	o->opening++;
	dip->opening++;
	mutex_unlock(&drv->state_lock);

	err = cb->cb_open ? cb->cb_open(&newdev, req->flag, req->otyp,
					req->cred) : 0;
	if (!err && newdev != req->dev && req->otyp == OTYP_BLK) {
		pr_warn_once("%s: open(9E) of a block node changed the dev_t; cloning block nodes is not supported, keeping the original\n",
			     drv->name);
		newdev = req->dev;
	}
	/* A clone's dev_t may need a record of its own. */
	if (!err && newdev != req->dev && !fresh)
		fresh = kzalloc(sizeof(*fresh), GFP_KERNEL);

	mutex_lock(&drv->state_lock);
	if (err) {
		err = ddic_errno(drv, "open", err);
		goto out_release;
	}
	if (newdev != req->dev) {
		struct dvo_count *clone = dvo_find(drv, newdev, req->otyp);

		if (!clone && !fresh) {
			/*
			 * The clone cannot be counted; nothing else has its
			 * dev_t open (it has no record), so close it again.
			 */
			mutex_unlock(&drv->state_lock);
			if (cb->cb_close)
				cb->cb_close(newdev, req->flag, req->otyp,
					     req->cred);
			mutex_lock(&drv->state_lock);
			err = -ENOMEM;
			goto out_release;
		}
		if (!clone)
			clone = dvo_get(drv, newdev, req->otyp, &fresh);
		clone->count++;
		clone->needclose = true;
		/* The clone device itself may owe a close(9E). */
		o->opening--;
		dvo_release(drv, o, req->flag, req->cred);
	} else {
		o->opening--;
		o->count++;
		o->needclose = true;
	}
	dip->opening--;
	dip->opens++;
	req->dev = newdev;
	goto out_unlock;

out_release:
	/* A last close deferred to this open is owed now. */
	o->opening--;
	dvo_release(drv, o, req->flag, req->cred);
	dip->opening--;
	ddic_autodetach(dip);
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
	struct dvo_count *o;
	unsigned long seq;

	mutex_lock(&drv->state_lock);
	o = dvo_find(drv, dev, otyp);
	if (WARN_ON_ONCE(!o || o->count <= 0))
		goto out;
	/*
	 * The last close while a close(9E) of this dev_t still runs (a
	 * clone handed out again by a driver in its close): wait for that
	 * one.  This file's count keeps the record.
	 */
	while (o->count == 1 && !o->opening && o->closing) {
		seq = drv->close_seq;
		mutex_unlock(&drv->state_lock);
		wait_event(drv->close_wait, READ_ONCE(drv->close_seq) != seq);
		mutex_lock(&drv->state_lock);
	}
	o->count--;
	dvo_release(drv, o, flag, cr);
out:
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

/*
 * debugfs "devopens": one line per dev_t that is open, being opened or
 * being closed: "<driver> <major>,<minor> chr|blk count N opening N
 * closing 0|1".  The counts are read without the driver's lock.
 */
static int dvo_show(struct seq_file *m, void *v)
{
	struct dvo_count *o;

	mutex_lock(&dvo_all_lock);
	list_for_each_entry(o, &dvo_all, all) {
		/*
		 * The counts change under the driver's state_lock, not
		 * taken here (it nests outside dvo_all_lock): a line may
		 * be a moment old, which is all a reader can ask of it.
		 */
		seq_printf(m, "%s %u,%u %s count %d opening %d closing %d\n",
			   o->drv->name, MAJOR(o->dev), MINOR(o->dev),
			   o->otyp == OTYP_BLK ? "blk" : "chr",
			   data_race(o->count),		/* see above */
			   data_race(o->opening),	/* see above */
			   data_race(o->closing));	/* see above */
	}
	mutex_unlock(&dvo_all_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(dvo);

int ddic_devopen_init(void)
{
	if (!IS_ERR_OR_NULL(ddic_debugfs_root))
		debugfs_create_file("devopens", 0444, ddic_debugfs_root, NULL,
				    &dvo_fops);
	return 0;
}
