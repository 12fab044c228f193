// SPDX-License-Identifier: GPL-2.0
/*
 * The character device bridge: Linux file_operations over a Solaris
 * driver's cb_ops(9S).
 *
 * Each driver gets a major number with the whole minor range and its own
 * copy of the file_operations whose owner is the driver's module, so an
 * open file pins the driver.  open(9E) is called on every open, close(9E)
 * on the last close of a dev_t (as Solaris does).  An open of a minor
 * whose instance is detached attaches it first; the last close of an
 * instance's minors lets it autodetach (devinfo.c).
 *
 * read(9E)/write(9E) get a struct uio over the caller's buffer; ioctl(9E)
 * gets a mode of FREAD/FWRITE/FNDELAY/FNONBLOCK from the open file plus
 * the data model: DATAMODEL_LP64 through unlocked_ioctl, DATAMODEL_ILP32
 * through compat_ioctl (32-bit callers), whose pointer argument is
 * widened with compat_ptr().
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/module.h>
#include <linux/fs.h>
#include <linux/cdev.h>
#include <linux/compat.h>
#include <linux/cred.h>
#include <linux/poll.h>
#include <linux/slab.h>
#include <linux/sched.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/file.h>
#include <sys/open.h>
#include <sys/uio.h>
#include <sys/poll.h>
#include <sys/stat.h>

#include "ddi_impl.h"
#include "devinfo.h"

/* What an open file remembers. */
struct ddic_file {
	struct ddic_driver *drv;
	struct dev_info *dip;
	dev_t dev;			/* as open(9E) left it (clones) */
};

/*
 * An entry point's positive errno as a negative Linux one.  A negative
 * return (DDI_FAILURE, or a Linux-style -errno) is a driver bug: it is
 * reported once and turned into EIO rather than passed on as a count.
 */
int ddic_errno(struct ddic_driver *drv, const char *entry, int err)
{
	if (err > 0 && err < MAX_ERRNO)
		return -err;
	pr_warn_once("%s: %s returned %d, not an errno; giving EIO\n",
		     drv->name, entry, err);
	return -EIO;
}

static int ddic_file_flags(struct file *file)
{
	int flag = 0;

	if (file->f_mode & FMODE_READ)
		flag |= FREAD;
	if (file->f_mode & FMODE_WRITE)
		flag |= FWRITE;
	if (file->f_flags & O_NONBLOCK)
		flag |= FNONBLOCK | FNDELAY;
	if (file->f_flags & O_APPEND)
		flag |= FAPPEND;
	if (file->f_flags & O_EXCL)
		flag |= FEXCL;
	if (file->f_flags & O_NOCTTY)
		flag |= FNOCTTY;
	if (file->f_flags & O_LARGEFILE)
		flag |= FOFFMAX;
	return flag;
}

/*
 * Open counts are kept per dev_t and open type: Solaris calls close(9E)
 * on the last close of each (block opens are counted apart from
 * character opens of the same dev_t).
 */
struct ddic_devopen *ddic_devopen_find(struct ddic_driver *drv, dev_t dev,
				     int otyp)
{
	struct ddic_devopen *o;

	list_for_each_entry(o, &drv->devopens, link)
		if (o->dev == dev && o->otyp == otyp)
			return o;
	return NULL;
}

/*
 * Wait, with state_lock held, until no last close(9E) of @dev is running,
 * so open(9E) and the close(9E) it follows never overlap.
 */
int ddic_wait_closing(struct ddic_driver *drv, dev_t dev, int otyp)
{
	struct ddic_devopen *o;
	unsigned long seq;

	while ((o = ddic_devopen_find(drv, dev, otyp)) && o->closing) {
		seq = drv->close_seq;
		mutex_unlock(&drv->state_lock);
		if (wait_event_interruptible(drv->close_wait,
					     READ_ONCE(drv->close_seq) != seq)) {
			mutex_lock(&drv->state_lock);
			return -EINTR;
		}
		mutex_lock(&drv->state_lock);
	}
	return 0;
}

static int ddic_cdev_open(struct inode *inode, struct file *file)
{
	struct ddic_driver *drv = container_of(inode->i_cdev,
					      struct ddic_driver, cdev);
	struct cb_ops *cb = drv->ops->devo_cb_ops;
	dev_t dev = inode->i_rdev, newdev = dev;
	struct ddic_devopen *o, *fresh;
	struct ddic_minor *mn;
	struct dev_info *dip;
	struct ddic_file *df;
	int err;

	df = kzalloc(sizeof(*df), GFP_KERNEL);
	fresh = kzalloc(sizeof(*fresh), GFP_KERNEL);
	if (!df || !fresh) {
		kfree(df);
		kfree(fresh);
		return -ENOMEM;
	}
	mutex_lock(&drv->state_lock);
	mutex_lock(&drv->minor_lock);
	mn = ddic_minor_find(drv, MINOR(dev), S_IFCHR);
	dip = mn ? mn->dip : NULL;
	mutex_unlock(&drv->minor_lock);
	err = -ENXIO;
	if (!dip || !cb)
		goto out_unlock;
	err = ddic_wait_closing(drv, dev, OTYP_CHR);
	if (err)
		goto out_unlock;
	err = ddic_attach_instance(dip);
	if (err)
		goto out_unlock;
	mutex_lock(&drv->minor_lock);
	mn = ddic_minor_find(drv, MINOR(dev), S_IFCHR);
	err = mn && mn->live && mn->dip == dip ? 0 : -ENXIO;
	mutex_unlock(&drv->minor_lock);
	if (err) {
		/* The driver attached but did not make this node again. */
		ddic_autodetach(dip);
		goto out_unlock;
	}
	dip->opening++;
	mutex_unlock(&drv->state_lock);

	err = cb->cb_open ? cb->cb_open(&newdev, ddic_file_flags(file),
					OTYP_CHR, (cred_t *)file->f_cred) : 0;

	mutex_lock(&drv->state_lock);
	dip->opening--;
	if (err) {
		err = ddic_errno(drv, "open", err);
		ddic_autodetach(dip);
		goto out_unlock;
	}
	o = ddic_devopen_find(drv, newdev, OTYP_CHR);
	if (!o) {
		o = fresh;
		fresh = NULL;
		o->dev = newdev;
		o->otyp = OTYP_CHR;
		list_add(&o->link, &drv->devopens);
	}
	o->count++;
	dip->opens++;
	mutex_unlock(&drv->state_lock);
	kfree(fresh);
	df->drv = drv;
	df->dip = dip;
	df->dev = newdev;
	file->private_data = df;
	return 0;

out_unlock:
	mutex_unlock(&drv->state_lock);
	kfree(df);
	kfree(fresh);
	return err;
}

/*
 * A close of @dev (@otyp) on @dip: close(9E) with @flag and @cr if it is
 * the last, then the open accounting and autodetach.  Shared by the
 * character and block bridges.
 */
void ddic_devclose(struct ddic_driver *drv, struct dev_info *dip, dev_t dev,
		  int otyp, int flag, cred_t *cr)
{
	struct cb_ops *cb = drv->ops->devo_cb_ops;
	struct ddic_devopen *o;
	bool last = false;
	int err;

	mutex_lock(&drv->state_lock);
	o = ddic_devopen_find(drv, dev, otyp);
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

static int ddic_cdev_release(struct inode *inode, struct file *file)
{
	struct ddic_file *df = file->private_data;

	ddic_devclose(df->drv, df->dip, df->dev, OTYP_CHR,
		     ddic_file_flags(file), (cred_t *)file->f_cred);
	kfree(df);
	return 0;
}

static ssize_t ddic_cdev_rw(struct file *file, char __user *buf, size_t count,
			   loff_t *ppos, enum uio_rw rw)
{
	struct ddic_file *df = file->private_data;
	struct cb_ops *cb = df->drv->ops->devo_cb_ops;
	int (*entry)(dev_t dev, struct uio *uiop, cred_t *credp);
	struct iovec iov = { .iov_base = buf, .iov_len = count };
	struct uio uio = {
		.uio_iov = &iov,
		.uio_iovcnt = 1,
		.uio_loffset = *ppos,
		.uio_segflg = UIO_USERSPACE,
		.uio_fmode = ddic_file_flags(file),
		.uio_limit = MAX_LFS_FILESIZE,
		.uio_resid = count,
	};
	ssize_t moved;
	int err;

	entry = rw == UIO_READ ? cb->cb_read : cb->cb_write;
	if (!entry)
		return -ENXIO;
	if (count > MAX_RW_COUNT)
		uio.uio_resid = iov.iov_len = count = MAX_RW_COUNT;
	err = entry(df->dev, &uio, (cred_t *)file->f_cred);
	moved = count - uio.uio_resid;
	if (moved < 0 || moved > count) {
		pr_warn_once("%s: uio_resid out of range after %s\n",
			     df->drv->name, rw == UIO_READ ? "read" : "write");
		return -EIO;
	}
	*ppos = uio.uio_loffset;
	/* As Solaris's read(2): an interrupted transfer returns its bytes. */
	if (err && !(err == EINTR && moved))
		return ddic_errno(df->drv, rw == UIO_READ ? "read" : "write",
				 err);
	return moved;
}

static ssize_t ddic_cdev_read(struct file *file, char __user *buf,
			     size_t count, loff_t *ppos)
{
	return ddic_cdev_rw(file, buf, count, ppos, UIO_READ);
}

static ssize_t ddic_cdev_write(struct file *file, const char __user *buf,
			      size_t count, loff_t *ppos)
{
	return ddic_cdev_rw(file, (char __user *)buf, count, ppos, UIO_WRITE);
}

static long ddic_cdev_ioctl_model(struct file *file, unsigned int cmd,
				 unsigned long arg, int model)
{
	struct ddic_file *df = file->private_data;
	struct cb_ops *cb = df->drv->ops->devo_cb_ops;
	int rval = 0, err;

	if (!cb->cb_ioctl)
		return -ENOTTY;
	/*
	 * ioctl(9E) gets the caller's credentials, as Solaris passes
	 * CRED() (read, write and close get the file's, as there).
	 */
	err = cb->cb_ioctl(df->dev, (int)cmd, (intptr_t)arg,
			   ddic_file_flags(file) | model,
			   (cred_t *)current_cred(), &rval);
	if (err)
		return ddic_errno(df->drv, "ioctl", err);
	return rval;
}

static long ddic_cdev_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	return ddic_cdev_ioctl_model(file, cmd, arg, DATAMODEL_LP64);
}

#ifdef CONFIG_COMPAT
static long ddic_cdev_compat_ioctl(struct file *file, unsigned int cmd,
				  unsigned long arg)
{
	return ddic_cdev_ioctl_model(file, cmd,
				    (unsigned long)compat_ptr(arg),
				    DATAMODEL_ILP32);
}
#endif

/*
 * chpoll(9E) says what is ready and, when nothing is, hands back a
 * pollhead; pollwakeup(9F) on it wakes the Linux wait queue behind it
 * (poll.c).  The queue is joined before chpoll is asked a second time,
 * so a pollwakeup between the two calls is not lost.
 */
static __poll_t ddic_cdev_poll(struct file *file, poll_table *wait)
{
	struct ddic_file *df = file->private_data;
	struct cb_ops *cb = df->drv->ops->devo_cb_ops;
	short events, revents = 0;
	struct pollhead *php = NULL;
	struct wait_queue_head *wq;
	int err;

	/* nochpoll(9F) is "no chpoll": always ready, not an error. */
	if (!cb->cb_chpoll || cb->cb_chpoll == nochpoll)
		return DEFAULT_POLLMASK;
	events = (short)(__force u16)poll_requested_events(wait);
	err = cb->cb_chpoll(df->dev, events, 0, &revents, &php);
	if (err)
		return EPOLLERR;
	if (revents || !php || !wait || !wait->_qproc)
		return (__force __poll_t)(u16)revents;
	wq = ddic_pollhead_wq(df->drv, php);
	if (!wq)
		return EPOLLERR;
	poll_wait(file, wq, wait);
	php = NULL;
	err = cb->cb_chpoll(df->dev, events, 1, &revents, &php);
	if (err)
		return EPOLLERR;
	return (__force __poll_t)(u16)revents;
}

static int ddic_cdev_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ddic_file *df = file->private_data;
	struct ddic_mmap_req req = {
		.dev = df->dev,
		.dip = df->dip,
		.cb = df->drv->ops->devo_cb_ops,
		.vma = vma,
		.cred = file->f_cred,
	};

	return ddic_devmap_mmap(&req);
}

static const struct file_operations ddic_cdev_fops = {
	.open = ddic_cdev_open,
	.release = ddic_cdev_release,
	.read = ddic_cdev_read,
	.write = ddic_cdev_write,
	.llseek = default_llseek,
	.unlocked_ioctl = ddic_cdev_ioctl,
#ifdef CONFIG_COMPAT
	.compat_ioctl = ddic_cdev_compat_ioctl,
#endif
	.poll = ddic_cdev_poll,
	.mmap = ddic_cdev_mmap,
};

int ddic_cdev_register(struct ddic_driver *drv)
{
	int err;

	err = alloc_chrdev_region(&drv->base, 0, MINORMASK + 1, drv->name);
	if (err) {
		pr_err("%s: no major number: %d\n", drv->name, err);
		return err;
	}
	drv->fops = ddic_cdev_fops;
	drv->fops.owner = drv->owner;
	cdev_init(&drv->cdev, &drv->fops);
	drv->cdev.owner = drv->owner;
	err = cdev_add(&drv->cdev, drv->base, MINORMASK + 1);
	if (err) {
		pr_err("%s: cdev_add failed: %d\n", drv->name, err);
		unregister_chrdev_region(drv->base, MINORMASK + 1);
		return err;
	}
	drv->cdev_added = true;
	return 0;
}

void ddic_cdev_unregister(struct ddic_driver *drv)
{
	if (!drv->cdev_added)
		return;
	cdev_del(&drv->cdev);
	unregister_chrdev_region(drv->base, MINORMASK + 1);
	drv->cdev_added = false;
}
