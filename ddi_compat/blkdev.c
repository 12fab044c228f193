// SPDX-License-Identifier: GPL-2.0
/*
 * illumos's blkdev framework (<sys/blkdev.h>) over the block bridge.
 *
 * A driver of a simple block device (vioblk, nvme, ...) has no cb_ops of
 * its own: bd_mod_init() gives its dev_ops this file's, and
 * bd_attach_handle() makes, on the driver's own instance, a block node
 * "a" and a raw node "a,raw" (the next handles of the same instance "a1",
 * "a1,raw", ...).  blk.c turns the block node into a Linux disk as for
 * any strategy(9E) driver; its bufs, and the raw node's physio bufs,
 * come here and go to the driver as bd_xfer_t:
 *
 *  - with DMA attributes (bd_alloc_handle's dma), the buf is bound to a
 *    DMA handle with DDI_DMA_PARTIAL and each window is one transfer
 *    (its first cookie in x_dmac, x_ndmac cookies in all, the rest
 *    through ddi_dma_nextcookie(9F) on x_dmah), one after the other;
 *  - without, the buf is mapped in and cut into transfers of at most
 *    d_maxxfer bytes at x_kaddr.
 *
 * The driver ends each transfer it accepted with bd_xfer_done(); the next
 * one is handed over from there, the last ends the buf.  Flushes
 * (DKIOCFLUSHWRITECACHE) go to o_sync_cache, discards (DKIOCFREE) to
 * o_free_space cut to the drive's limits, both waited for.  The media's
 * size is asked (o_media_info) when the disk is made and on each open;
 * the departures are in docs/departures.md, "blkdev".
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/xarray.h>
#include <linux/completion.h>
#include <linux/log2.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/buf.h>
#include <sys/dkio.h>
#include <sys/dkioc_free_util.h>
#include <sys/blkdev.h>
#include <sys/file.h>
#include <sys/open.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <sys/param.h>

#include "ddic_core.h"
#include "devinfo.h"

/* Handles an instance may attach: the low bits of the minor number. */
#define DDIC_BD_PER_INST	16

struct bd_handle {
	void *priv;
	bd_ops_t ops;
	ddi_dma_attr_t dma;		/* granular raised to the block size */
	bool has_dma;
	bool attached;
	dev_info_t *dip;
	dev_t dev;			/* the driver's major, our minor */
	char name[8], rawname[12];	/* "a", "a,raw"; "a1", ... */
	char addr[24];			/* bd_address(): "<target>,<lun>" */
	bd_drive_t drive;		/* as o_drive_info gave it */
	struct mutex lock;		/* media */
	bd_media_t media;
};

enum { DDIC_BD_READ, DDIC_BD_WRITE, DDIC_BD_FLUSH, DDIC_BD_FREE };

/* A transfer in flight; the driver sees only x. */
struct ddic_bd_xfer {
	bd_xfer_t x;
	struct bd_handle *h;
	int op;				/* DDIC_BD_* */
	struct buf *bp;			/* READ and WRITE */
	diskaddr_t blkno;		/* of the buf's first byte */
	uint32_t bsize;			/* the media's block size then */
	size_t done, len;		/* no DMA: bytes handed over, all */
	ddi_dma_handle_t dmah;
	uint_t nwin, win;
	struct completion wait;		/* FLUSH and FREE: the caller waits */
	int err;
};

/* Attached handles by dev_t; RCU lookups from strategy and open. */
static DEFINE_XARRAY(ddic_bd_devs);

static struct bd_handle *ddic_bd_find(dev_t dev)
{
	return xa_load(&ddic_bd_devs, dev);
}

static void ddic_bd_warn(struct bd_handle *h, const char *call,
			 const char *why)
{
	if (h && h->dip)
		pr_warn_ratelimited("%s%d: %s: %s\n", ddi_driver_name(h->dip),
				    ddi_get_instance(h->dip), call, why);
	else
		pr_warn_ratelimited("%s: %s\n", call, why);
}

/* The media, asked of the driver and checked; 0 or an errno. */
static int ddic_bd_media(struct bd_handle *h)
{
	bd_media_t m = { 0 };
	int err;

	if (!h->ops.o_media_info)
		return ENXIO;
	err = h->ops.o_media_info(h->priv, &m);
	if (err)
		return err;
	if (m.m_blksize < DEV_BSIZE || m.m_blksize > PAGESIZE ||
	    !is_power_of_2(m.m_blksize) || !m.m_nblks ||
	    m.m_nblks > (U64_MAX >> 12) ||
	    (m.m_pblksize && (m.m_pblksize < m.m_blksize ||
			      !is_power_of_2(m.m_pblksize)))) {
		ddic_bd_warn(h, "o_media_info", "bad media (block size or count); refused");
		return EINVAL;
	}
	mutex_lock(&h->lock);
	h->media = m;
	mutex_unlock(&h->lock);
	return 0;
}

static struct ddic_bd_xfer *ddic_bd_xfer_new(struct bd_handle *h, int op)
{
	struct ddic_bd_xfer *xf = kmem_zalloc(sizeof(*xf), KM_SLEEP);

	xf->h = h;
	xf->op = op;
	init_completion(&xf->wait);
	return xf;
}

/* --- reads and writes --- */

/* End @bp: all of it done, or none of it with @err. */
static void ddic_bd_biodone(struct buf *bp, int err)
{
	if (err) {
		bioerror(bp, err);
		bp->b_resid = bp->b_bcount;
	} else {
		bp->b_resid = 0;
	}
	biodone(bp);
}

/* The buf's transfers are over (all, or up to an error): give it back. */
static void ddic_bd_buf_end(struct ddic_bd_xfer *xf, int err)
{
	struct buf *bp = xf->bp;

	if (xf->dmah) {
		(void) ddi_dma_unbind_handle(xf->dmah);
		ddi_dma_free_handle(&xf->dmah);
	}
	kmem_free(xf, sizeof(*xf));
	ddic_bd_biodone(bp, err);
}

/* Set x for the next piece of the buf; false when none is left. */
static bool ddic_bd_next(struct ddic_bd_xfer *xf, int *errp)
{
	uint32_t bsize = xf->bsize;
	off_t off;
	size_t len;

	*errp = 0;
	if (xf->dmah) {
		if (xf->win >= xf->nwin)
			return false;
		if (ddi_dma_getwin(xf->dmah, xf->win, &off, &len,
				   &xf->x.x_dmac, &xf->x.x_ndmac) !=
		    DDI_SUCCESS) {
			*errp = EIO;
			return false;
		}
		xf->win++;
	} else {
		if (xf->done >= xf->len)
			return false;
		off = xf->done;
		len = xf->len - xf->done;
		/* At least a block, whatever d_maxxfer says. */
		if (xf->h->drive.d_maxxfer && len > xf->h->drive.d_maxxfer)
			len = max_t(size_t, rounddown(xf->h->drive.d_maxxfer,
						      bsize), bsize);
		xf->x.x_kaddr = xf->bp->b_un.b_addr + off;
		xf->done += len;
	}
	if (len % bsize) {
		*errp = EIO;	/* a window the granularity should not allow */
		return false;
	}
	xf->x.x_blkno = xf->blkno + off / bsize;
	xf->x.x_nblks = len / bsize;
	return true;
}

/* Hand the driver the next piece, or end the buf. */
static void ddic_bd_issue(struct ddic_bd_xfer *xf)
{
	struct bd_handle *h = xf->h;
	int err;

	if (!ddic_bd_next(xf, &err)) {
		ddic_bd_buf_end(xf, err);
		return;
	}
	err = xf->op == DDIC_BD_READ ? h->ops.o_read(h->priv, &xf->x) :
				      h->ops.o_write(h->priv, &xf->x);
	/* Not accepted: the driver will not call bd_xfer_done() for it. */
	if (err)
		ddic_bd_buf_end(xf, err);
}

static int ddic_bd_strategy(struct buf *bp)
{
	struct bd_handle *h = ddic_bd_find(bp->b_edev);
	struct ddic_bd_xfer *xf;
	uint64_t byte, nblks;
	uint32_t bsize;
	bool ro;
	int err = 0, r;

	if (!h || !h->attached) {
		err = ENXIO;
		goto fail;
	}
	mutex_lock(&h->lock);
	bsize = h->media.m_blksize;
	nblks = h->media.m_nblks;
	ro = h->media.m_readonly;
	mutex_unlock(&h->lock);
	byte = (uint64_t)bp->b_lblkno << DEV_BSHIFT;
	if (byte % bsize || bp->b_bcount % bsize) {
		err = EINVAL;
		goto fail;
	}
	if (byte / bsize > nblks ||
	    bp->b_bcount / bsize > nblks - byte / bsize) {
		err = ENXIO;
		goto fail;
	}
	if (!(bp->b_flags & B_READ) && ro) {
		err = EROFS;
		goto fail;
	}
	if (!bp->b_bcount) {
		ddic_bd_biodone(bp, 0);
		return 0;
	}
	xf = ddic_bd_xfer_new(h, bp->b_flags & B_READ ? DDIC_BD_READ :
			      DDIC_BD_WRITE);
	xf->bp = bp;
	xf->blkno = byte / bsize;
	xf->bsize = bsize;
	if (h->has_dma) {
		if (ddi_dma_alloc_handle(h->dip, &h->dma, DDI_DMA_SLEEP, NULL,
					 &xf->dmah) != DDI_SUCCESS) {
			xf->dmah = NULL;
			ddic_bd_buf_end(xf, ENOMEM);
			return 0;
		}
		r = ddi_dma_buf_bind_handle(xf->dmah, bp,
					    (bp->b_flags & B_READ ?
					     DDI_DMA_READ : DDI_DMA_WRITE) |
					    DDI_DMA_PARTIAL | DDI_DMA_STREAMING,
					    DDI_DMA_SLEEP, NULL, NULL, NULL);
		if (r != DDI_DMA_MAPPED && r != DDI_DMA_PARTIAL_MAP) {
			ddi_dma_free_handle(&xf->dmah);
			xf->dmah = NULL;
			ddic_bd_buf_end(xf, r == DDI_DMA_NORESOURCES ? ENOMEM :
					EIO);
			return 0;
		}
		if (ddi_dma_numwin(xf->dmah, &xf->nwin) != DDI_SUCCESS) {
			ddic_bd_buf_end(xf, EIO);
			return 0;
		}
		xf->x.x_dmah = xf->dmah;
	} else {
		bp_mapin(bp);
		if (bp->b_flags & B_ERROR) {
			ddic_bd_buf_end(xf, ENOMEM);
			return 0;
		}
		xf->len = bp->b_bcount;
	}
	ddic_bd_issue(xf);
	return 0;

fail:
	ddic_bd_biodone(bp, err);
	return 0;
}

/* --- flush and free: the caller waits --- */

static int ddic_bd_wait(struct ddic_bd_xfer *xf,
			int (*fn)(void *, bd_xfer_t *))
{
	int err = fn(xf->h->priv, &xf->x);

	if (!err) {
		wait_for_completion(&xf->wait);
		err = xf->err;
	}
	kmem_free(xf, sizeof(*xf));
	return err;
}

static int ddic_bd_flush(struct bd_handle *h)
{
	if (!h->ops.o_sync_cache)
		return ENOTSUP;
	return ddic_bd_wait(ddic_bd_xfer_new(h, DDIC_BD_FLUSH),
			    h->ops.o_sync_cache);
}

/*
 * Free [@byte, +@len) in pieces the drive takes: each starts on
 * d_free_align blocks and holds at most d_max_free_seg_blks and
 * d_max_free_blks blocks.  Blocks not whole, or before the alignment,
 * are left as they are (a free is advice).
 */
static int ddic_bd_free_range(struct bd_handle *h, uint64_t byte,
			      uint64_t len)
{
	uint64_t bsize = h->media.m_blksize, align, max, start, end, n;
	dkioc_free_list_t dfl;
	struct ddic_bd_xfer *xf;
	int err;

	align = max_t(uint64_t, h->drive.d_free_align, 1) * bsize;
	max = U64_MAX;
	if (h->drive.d_max_free_seg_blks)
		max = h->drive.d_max_free_seg_blks;
	if (h->drive.d_max_free_blks)
		max = min(max, h->drive.d_max_free_blks);
	if (len > U64_MAX - byte)
		return EINVAL;
	start = roundup(byte, align);
	end = rounddown(byte + len, bsize);
	while (start < end) {
		n = min((end - start) / bsize, max);
		if (!n)
			break;
		memset(&dfl, 0, sizeof(dfl));
		dfl.dfl_flags = DF_WAIT_SYNC;
		dfl.dfl_num_exts = 1;
		dfl.dfl_exts[0].dfle_start = start;
		dfl.dfl_exts[0].dfle_length = n * bsize;
		xf = ddic_bd_xfer_new(h, DDIC_BD_FREE);
		xf->x.x_dfl = &dfl;
		xf->x.x_blkno = start / bsize;
		xf->x.x_nblks = 0;
		err = ddic_bd_wait(xf, h->ops.o_free_space);
		if (err)
			return err;
		start += n * bsize;
	}
	return 0;
}

static int ddic_bd_free(struct bd_handle *h, intptr_t arg, int mode)
{
	dkioc_free_list_t *dfl;
	uint64_t i;
	int err;

	if (!h->ops.o_free_space)
		return ENOTSUP;
	if (!(mode & FWRITE))
		return EBADF;
	err = dfl_copyin((void *)arg, &dfl, mode, KM_SLEEP);
	if (err)
		return err;
	for (i = 0; i < dfl->dfl_num_exts && !err; i++) {
		if (dfl->dfl_exts[i].dfle_start >
		    U64_MAX - (uint64_t)dfl->dfl_offset) {
			err = EINVAL;
			break;
		}
		err = ddic_bd_free_range(h, dfl->dfl_offset +
					 dfl->dfl_exts[i].dfle_start,
					 dfl->dfl_exts[i].dfle_length);
	}
	dfl_free(dfl);
	return err;
}

/* --- the driver's cb_ops --- */

static int ddic_bd_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	struct bd_handle *h = ddic_bd_find(*devp);
	int err;

	if (!h || !h->attached)
		return ENXIO;
	err = ddic_bd_media(h);
	if (err)
		return err;
	if ((flag & FWRITE) && h->media.m_readonly)
		return EROFS;
	return 0;
}

static int ddic_bd_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return 0;
}

static int ddic_bd_read(dev_t dev, struct uio *uio, cred_t *credp)
{
	return physio(ddic_bd_strategy, NULL, dev, B_READ, minphys, uio);
}

static int ddic_bd_write(dev_t dev, struct uio *uio, cred_t *credp)
{
	return physio(ddic_bd_strategy, NULL, dev, B_WRITE, minphys, uio);
}

static int ddic_bd_ioctl(dev_t dev, int cmd, intptr_t arg, int mode,
			 cred_t *credp, int *rvalp)
{
	struct bd_handle *h = ddic_bd_find(dev);
	struct dk_minfo_ext mx = { 0 };
	struct dk_minfo mi = { 0 };
	struct dk_callback *dkc;
	int v, err;

	if (!h || !h->attached)
		return ENXIO;
	switch (cmd) {
	case DKIOCGMEDIAINFO:
	case DKIOCGMEDIAINFOEXT:
		err = ddic_bd_media(h);
		if (err)
			return err;
		mi.dki_media_type = mx.dki_media_type = DK_FIXED_DISK;
		mi.dki_lbsize = mx.dki_lbsize = h->media.m_blksize;
		mi.dki_capacity = mx.dki_capacity = h->media.m_nblks;
		mx.dki_pbsize = h->media.m_pblksize ? h->media.m_pblksize :
			h->media.m_blksize;
		if (cmd == DKIOCGMEDIAINFO)
			return ddi_copyout(&mi, (void *)arg, sizeof(mi), mode) ?
				EFAULT : 0;
		return ddi_copyout(&mx, (void *)arg, sizeof(mx), mode) ?
			EFAULT : 0;
	case DKIOCGETWCE:
	case DKIOC_CANFREE:
		v = cmd == DKIOCGETWCE ? h->ops.o_sync_cache != NULL :
			h->ops.o_free_space != NULL;
		return ddi_copyout(&v, (void *)arg, sizeof(v), mode) ?
			EFAULT : 0;
	case DKIOCFLUSHWRITECACHE:
		err = ddic_bd_flush(h);
		/* From the kernel, a dk_callback is called, not waited for. */
		dkc = (mode & FKIOCTL) ? (struct dk_callback *)arg : NULL;
		if (dkc && dkc->dkc_callback) {
			dkc->dkc_callback(dkc->dkc_cookie, err);
			return 0;
		}
		return err;
	case DKIOCFREE:
		return ddic_bd_free(h, arg, mode);
	default:
		return ENOTTY;
	}
}

/* NULL entries are the ones a driver would fill with nodev(9F). */
static struct cb_ops ddic_bd_cb_ops = {
	.cb_open = ddic_bd_open,
	.cb_close = ddic_bd_close,
	.cb_strategy = ddic_bd_strategy,
	.cb_print = NULL,
	.cb_dump = NULL,
	.cb_read = ddic_bd_read,
	.cb_write = ddic_bd_write,
	.cb_ioctl = ddic_bd_ioctl,
	.cb_devmap = NULL,
	.cb_mmap = NULL,
	.cb_segmap = NULL,
	.cb_chpoll = nochpoll,
	.cb_prop_op = ddi_prop_op,
	.cb_str = NULL,
	.cb_flag = D_MP | D_64BIT,
	.cb_rev = CB_REV,
	.cb_aread = NULL,
	.cb_awrite = NULL,
};

/* --- the framework's calls --- */

void bd_mod_init(struct dev_ops *devops)
{
	if (!devops)
		return;
	if (devops->devo_cb_ops && devops->devo_cb_ops != &ddic_bd_cb_ops) {
		pr_warn("%s: the driver has cb_ops of its own; its blkdev disks will not work\n",
			__func__);
		return;
	}
	devops->devo_cb_ops = &ddic_bd_cb_ops;
}
EXPORT_SYMBOL(bd_mod_init);

void bd_mod_fini(struct dev_ops *devops)
{
	if (devops && devops->devo_cb_ops == &ddic_bd_cb_ops)
		devops->devo_cb_ops = NULL;
}
EXPORT_SYMBOL(bd_mod_fini);

bd_handle_t bd_alloc_handle(void *private, bd_ops_t *ops,
			    ddi_dma_attr_t *dma, int kmflag)
{
	struct bd_handle *h;

	if (!ops || (unsigned int)ops->o_version > BD_OPS_CURRENT_VERSION ||
	    !ops->o_drive_info || !ops->o_media_info || !ops->o_read ||
	    !ops->o_write) {
		pr_warn("%s: %s; refused\n", __func__,
			!ops ? "NULL ops" :
			(unsigned int)ops->o_version > BD_OPS_CURRENT_VERSION ?
			"unknown o_version" :
			"o_drive_info, o_media_info, o_read and o_write are required");
		return NULL;
	}
	h = kmem_zalloc(sizeof(*h), kmflag);
	if (!h)
		return NULL;
	h->priv = private;
	h->ops = *ops;
	/* o_free_space came with version 2: older ops vectors end before it. */
	if (ops->o_version < BD_OPS_VERSION_2)
		h->ops.o_free_space = NULL;
	if (dma) {
		h->dma = *dma;
		h->has_dma = true;
	}
	mutex_init(&h->lock);
	return h;
}
EXPORT_SYMBOL(bd_alloc_handle);

void bd_free_handle(bd_handle_t h)
{
	if (!h)
		return;
	if (h->attached) {
		ddic_bd_warn(h, __func__, "the handle is attached (bd_detach_handle first); refused");
		return;
	}
	mutex_destroy(&h->lock);
	kmem_free(h, sizeof(*h));
}
EXPORT_SYMBOL(bd_free_handle);

int bd_attach_handle(dev_info_t *dip, bd_handle_t h)
{
	major_t major;
	ddi_devid_t devid;
	minor_t minor;
	unsigned int i;
	int err;

	if (!dip || !h || h->attached) {
		ddic_bd_warn(h, __func__, !dip || !h ? "NULL argument" :
			     "the handle is already attached");
		return DDI_FAILURE;
	}
	if (dip->drv->ops->devo_cb_ops != &ddic_bd_cb_ops) {
		pr_warn("%s%d: %s: bd_mod_init() was not called on the driver's dev_ops; refused\n",
			ddi_driver_name(dip), ddi_get_instance(dip), __func__);
		return DDI_FAILURE;
	}
	h->dip = dip;
	/*
	 * Departure: a blkdev driver's instances are not autodetached.  Its
	 * disk is a Linux block device, opened and closed by the page cache
	 * and mounts as much as by programs; on illumos the disk is a child
	 * node that keeps the driver attached while it is in use.
	 */
	dip->drv->autodetach = false;
	memset(&h->drive, 0, sizeof(h->drive));
	h->drive.d_free_align = 1;
	h->ops.o_drive_info(h->priv, &h->drive);
	/* The strings are the driver's: not kept past this call. */
	h->drive.d_vendor = h->drive.d_product = h->drive.d_model = NULL;
	h->drive.d_serial = h->drive.d_revision = NULL;
	err = ddic_bd_media(h);
	if (err) {
		pr_warn("%s%d: %s: no media (%d)\n", ddi_driver_name(dip),
			ddi_get_instance(dip), __func__, err);
		return DDI_FAILURE;
	}
	/* Windows of whole blocks. */
	if (h->has_dma && h->dma.dma_attr_granular < h->media.m_blksize)
		h->dma.dma_attr_granular = h->media.m_blksize;
	scnprintf(h->addr, sizeof(h->addr), "%x,%x", h->drive.d_target,
		  h->drive.d_lun);

	major = ddi_driver_major(dip);
	for (i = 0; i < DDIC_BD_PER_INST; i++) {
		minor = (minor_t)ddi_get_instance(dip) * DDIC_BD_PER_INST + i;
		h->dev = makedevice(major, minor);
		err = xa_insert(&ddic_bd_devs, h->dev, h, GFP_KERNEL);
		if (err != -EBUSY)
			break;
	}
	if (err) {
		pr_warn("%s%d: %s: %s\n", ddi_driver_name(dip),
			ddi_get_instance(dip), __func__, err == -EBUSY ?
			"more than 16 handles on one instance" : "no memory");
		return DDI_FAILURE;
	}
	if (i) {
		scnprintf(h->name, sizeof(h->name), "a%u", i);
		scnprintf(h->rawname, sizeof(h->rawname), "a%u,raw", i);
	} else {
		strscpy(h->name, "a", sizeof(h->name));
		strscpy(h->rawname, "a,raw", sizeof(h->rawname));
	}
	h->attached = true;
	if (ddi_create_minor_node(dip, h->rawname, S_IFCHR, getminor(h->dev),
				  DDI_NT_BLOCK_CHAN, 0) != DDI_SUCCESS ||
	    ddi_create_minor_node(dip, h->name, S_IFBLK, getminor(h->dev),
				  DDI_NT_BLOCK, 0) != DDI_SUCCESS) {
		ddi_remove_minor_node(dip, h->rawname);
		h->attached = false;
		xa_erase(&ddic_bd_devs, h->dev);
		return DDI_FAILURE;
	}
	if (h->ops.o_devid_init &&
	    h->ops.o_devid_init(h->priv, dip, &devid) == DDI_SUCCESS) {
		(void) ddi_devid_register(dip, devid);
		ddi_devid_free(devid);
	}
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(bd_attach_handle);

int bd_detach_handle(bd_handle_t h)
{
	if (!h)
		return DDI_FAILURE;
	if (!h->attached)
		return DDI_SUCCESS;
	ddi_remove_minor_node(h->dip, h->name);
	ddi_remove_minor_node(h->dip, h->rawname);
	h->attached = false;
	/* Detach runs with nothing open: no strategy or open holds @h. */
	xa_erase(&ddic_bd_devs, h->dev);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(bd_detach_handle);

/*
 * Departure: the media is asked again at the next open and at each
 * DKIOCGMEDIAINFO; the size of a disk already made stays (blk.c reads
 * it once).
 */
void bd_state_change(bd_handle_t h)
{
	if (h && h->attached)
		(void) ddic_bd_media(h);
}
EXPORT_SYMBOL(bd_state_change);

const char *bd_address(bd_handle_t h)
{
	return h ? h->addr : "";
}
EXPORT_SYMBOL(bd_address);

void bd_xfer_done(bd_xfer_t *x, int err)
{
	struct ddic_bd_xfer *xf;

	if (!x) {
		pr_warn_ratelimited("%s: NULL transfer; ignored\n", __func__);
		return;
	}
	xf = container_of(x, struct ddic_bd_xfer, x);
	if (xf->op == DDIC_BD_FLUSH || xf->op == DDIC_BD_FREE) {
		xf->err = err;
		complete(&xf->wait);
	} else if (err) {
		ddic_bd_buf_end(xf, err);
	} else {
		ddic_bd_issue(xf);
	}
}
EXPORT_SYMBOL(bd_xfer_done);

/* Departure: blkdev's error kstats are not kept; the error is ignored. */
void bd_error(bd_xfer_t *x, int error)
{
}
EXPORT_SYMBOL(bd_error);

/* --- <sys/dkioc_free_util.h> --- */

int dfl_copyin(void *arg, dkioc_free_list_t **out, int flags, int kmflags)
{
	dkioc_free_list_t head, *dfl;
	size_t sz;

	if (ddi_copyin(arg, &head, sizeof(head), flags))
		return EFAULT;
	if (!head.dfl_num_exts || head.dfl_num_exts > DFL_COPYIN_MAX_EXTS)
		return EINVAL;
	sz = DFL_SZ(head.dfl_num_exts);
	dfl = kmem_zalloc(sz, kmflags);
	if (!dfl)
		return ENOMEM;
	if (ddi_copyin(arg, dfl, sz, flags)) {
		kmem_free(dfl, sz);
		return EFAULT;
	}
	/* The count read the second time is the one the size was made for. */
	dfl->dfl_num_exts = head.dfl_num_exts;
	*out = dfl;
	return 0;
}
EXPORT_SYMBOL(dfl_copyin);

void dfl_free(dkioc_free_list_t *dfl)
{
	if (dfl)
		kmem_free(dfl, DFL_SZ(dfl->dfl_num_exts));
}
EXPORT_SYMBOL(dfl_free);
