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
 * instance's minors lets it autodetach (devinfo.c).  That bookkeeping,
 * and ioctl(9E)'s call, are devopen.c's, shared with the block bridge.
 *
 * read(9E)/write(9E) get a struct uio over the caller's buffer; ioctl(9E)
 * gets a mode of FREAD/FWRITE/FNDELAY/FNONBLOCK from the open file plus
 * the data model: DATAMODEL_LP64 through unlocked_ioctl, DATAMODEL_ILP32
 * through compat_ioctl (32-bit callers), whose pointer argument is
 * widened with compat_ptr().
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

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

#include "ddic_core.h"
#include "devinfo.h"

/* What an open file remembers. */
struct ddic_file {
	struct ddic_driver *drv;
	struct dev_info *dip;
	dev_t dev;			/* as open(9E) left it (clones) */
};

static int ddic_file_flags(struct file *file)
{
	int rw = 0;

	if (file->f_mode & FMODE_READ)
		rw |= FREAD;
	if (file->f_mode & FMODE_WRITE)
		rw |= FWRITE;
	return ddic_open_flags(rw, file->f_flags);
}

static int ddic_cdev_open(struct inode *inode, struct file *file)
{
	/*
	 * chrdev_open() made the file's operations the cdev's, the
	 * driver's own copy: the driver is found from them, not from the
	 * cdev, which ddi_compat does not embed (its kobject may be
	 * released after the driver is freed: audit 2, finding 25).
	 */
	struct ddic_driver *drv = container_of(file->f_op, struct ddic_driver,
					      fops);
	struct ddic_open_req req = {
		.drv = drv,
		.dev = inode->i_rdev,
		.otyp = OTYP_CHR,
		.flag = ddic_file_flags(file),
		.cred = (cred_t *)file->f_cred,
	};
	struct ddic_file *df;
	int err;

	df = kzalloc(sizeof(*df), GFP_KERNEL);
	if (!df)
		return -ENOMEM;
	err = ddic_open(&req);
	if (err) {
		kfree(df);
		return err;
	}
	df->drv = drv;
	df->dip = req.dip;
	df->dev = req.dev;
	file->private_data = df;
	return 0;
}

static int ddic_cdev_release(struct inode *inode, struct file *file)
{
	struct ddic_file *df = file->private_data;

	ddic_close(df->drv, df->dip, df->dev, OTYP_CHR, ddic_file_flags(file),
		   (cred_t *)file->f_cred);
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
	/*
	 * Departure (docs/departures.md, "zero-byte write"): a write(9E)
	 * that succeeds having consumed nothing of a non-empty request (the
	 * Device Driver Tutorial's dummy driver does) would make write(2)
	 * return 0, and Linux's C library and busybox retry a 0-byte write
	 * without end where Solaris's take it as the end.  The caller is
	 * told the whole request was written: the driver, by succeeding,
	 * has taken the bytes, and a retry could only be the same again.
	 */
	if (rw == UIO_WRITE && !err && !moved && count) {
		pr_info_once("%s: write(9E) succeeded but consumed nothing; write(2) reports every byte written\n",
			     df->drv->name);
		return count;
	}
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

static long ddic_cdev_ioctl(struct file *file, unsigned int cmd,
			   unsigned long arg)
{
	struct ddic_file *df = file->private_data;

	return ddic_ioctl(df->drv, df->dev, cmd, arg,
			  ddic_file_flags(file) | DATAMODEL_LP64);
}

#ifdef CONFIG_COMPAT
static long ddic_cdev_compat_ioctl(struct file *file, unsigned int cmd,
				  unsigned long arg)
{
	struct ddic_file *df = file->private_data;

	return ddic_ioctl(df->drv, df->dev, cmd,
			  (unsigned long)compat_ptr(arg),
			  ddic_file_flags(file) | DATAMODEL_ILP32);
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
	/* Freed by its kobject's release, whenever that runs. */
	drv->cdev = cdev_alloc();
	if (!drv->cdev) {
		unregister_chrdev_region(drv->base, MINORMASK + 1);
		return -ENOMEM;
	}
	drv->cdev->ops = &drv->fops;
	drv->cdev->owner = drv->owner;
	err = cdev_add(drv->cdev, drv->base, MINORMASK + 1);
	if (err) {
		pr_err("%s: cdev_add failed: %d\n", drv->name, err);
		kobject_put(&drv->cdev->kobj);
		drv->cdev = NULL;
		unregister_chrdev_region(drv->base, MINORMASK + 1);
		return err;
	}
	return 0;
}

void ddic_cdev_unregister(struct ddic_driver *drv)
{
	if (!drv->cdev)
		return;
	cdev_del(drv->cdev);
	drv->cdev = NULL;
	unregister_chrdev_region(drv->base, MINORMASK + 1);
}
