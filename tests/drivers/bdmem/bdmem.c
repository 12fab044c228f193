/*
 * SPDX-License-Identifier: GPL-2.0
 *
 * bdmem: a test-only driver of illumos's blkdev framework (<sys/blkdev.h>)
 * whose disk is memory, as a driver of a simple block device is written
 * for illumos: no cb_ops of its own, bd_mod_init() in _init(), a handle
 * attached in attach(9E), each transfer copied and ended with
 * bd_xfer_done().  Every other transfer is ended later, from a task
 * queue, as a device's interrupt would; d_maxxfer (16 KiB) makes the
 * framework cut larger bufs; frees (o_free_space) zero the blocks and
 * obey the drive's limits; o_sync_cache counts.  The counts are a named
 * kstat, bdmem:0:stats, for tests/guest/blkdev.sh.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/kmem.h>
#include <sys/ksynch.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/kstat.h>
#include <sys/dkio.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/blkdev.h>

#define	BDM_MAXXFER	16384
#define	BDM_FREE_ALIGN	8		/* blocks */
#define	BDM_FREE_SEG	64		/* blocks a free extent */

typedef struct bdm_stats {
	kstat_named_t	bs_xfers;
	kstat_named_t	bs_reads;
	kstat_named_t	bs_writes;
	kstat_named_t	bs_async;
	kstat_named_t	bs_flushes;
	kstat_named_t	bs_frees;
	kstat_named_t	bs_bad;
} bdm_stats_t;

typedef struct bdm {
	dev_info_t	*bd_dip;
	kmutex_t	bd_lock;
	caddr_t		bd_mem;
	uint64_t	bd_nblks;
	bd_handle_t	bd_h;
	ddi_taskq_t	*bd_tq;
	uint64_t	bd_seq;
	kstat_t		*bd_ks;
	bdm_stats_t	*bd_st;
} bdm_t;

static bdm_t bdm;

static int bdm_attach(dev_info_t *, ddi_attach_cmd_t);
static int bdm_detach(dev_info_t *, ddi_detach_cmd_t);

static struct dev_ops bdm_ops = {
	DEVO_REV, 0, ddi_no_info, nulldev, nulldev, bdm_attach,
	bdm_detach, nodev, NULL, NULL, NULL, ddi_quiesce_not_needed
};

static struct modldrv bdm_modldrv = {
	&mod_driverops, "bdmem blkdev test driver", &bdm_ops
};

static struct modlinkage bdm_modlinkage = {
	MODREV_1, { &bdm_modldrv, NULL }
};

static void
bdm_done(void *arg)
{
	bd_xfer_done(arg, 0);
}

/* Copy one transfer; end it now or from the task queue. */
static int
bdm_rw(bdm_t *bp, bd_xfer_t *xfer, boolean_t rd)
{
	size_t off = (size_t)xfer->x_blkno * DEV_BSIZE;
	size_t len = xfer->x_nblks * DEV_BSIZE;
	boolean_t later;

	if (xfer->x_kaddr == NULL || xfer->x_ndmac != 0 ||
	    xfer->x_blkno + xfer->x_nblks > bp->bd_nblks ||
	    len > BDM_MAXXFER || len == 0) {
		atomic_inc_64(&bp->bd_st->bs_bad.value.ui64);
		return (EINVAL);
	}
	if (rd)
		bcopy(bp->bd_mem + off, xfer->x_kaddr, len);
	else
		bcopy(xfer->x_kaddr, bp->bd_mem + off, len);
	mutex_enter(&bp->bd_lock);
	bp->bd_st->bs_xfers.value.ui64++;
	if (rd)
		bp->bd_st->bs_reads.value.ui64++;
	else
		bp->bd_st->bs_writes.value.ui64++;
	later = (bp->bd_seq++ & 1) != 0;
	if (later)
		bp->bd_st->bs_async.value.ui64++;
	mutex_exit(&bp->bd_lock);
	if (later && ddi_taskq_dispatch(bp->bd_tq, bdm_done, xfer,
	    DDI_SLEEP) == DDI_SUCCESS)
		return (0);
	bd_xfer_done(xfer, 0);
	return (0);
}

static int
bdm_read(void *arg, bd_xfer_t *xfer)
{
	return (bdm_rw(arg, xfer, B_TRUE));
}

static int
bdm_write(void *arg, bd_xfer_t *xfer)
{
	return (bdm_rw(arg, xfer, B_FALSE));
}

static int
bdm_sync(void *arg, bd_xfer_t *xfer)
{
	bdm_t *bp = arg;

	atomic_inc_64(&bp->bd_st->bs_flushes.value.ui64);
	bd_xfer_done(xfer, 0);
	return (0);
}

/* Zero each extent; refuse one the drive's limits do not allow. */
static int
bdm_free(void *arg, bd_xfer_t *xfer)
{
	bdm_t *bp = arg;
	const dkioc_free_list_t *dfl = xfer->x_dfl;
	uint64_t i, start, len;

	if (dfl == NULL || dfl->dfl_num_exts == 0)
		return (EINVAL);
	for (i = 0; i < dfl->dfl_num_exts; i++) {
		start = dfl->dfl_offset + dfl->dfl_exts[i].dfle_start;
		len = dfl->dfl_exts[i].dfle_length;
		if (start % (BDM_FREE_ALIGN * DEV_BSIZE) != 0 ||
		    len % DEV_BSIZE != 0 || len == 0 ||
		    len > BDM_FREE_SEG * DEV_BSIZE ||
		    start + len > bp->bd_nblks * DEV_BSIZE) {
			atomic_inc_64(&bp->bd_st->bs_bad.value.ui64);
			return (EINVAL);
		}
	}
	for (i = 0; i < dfl->dfl_num_exts; i++) {
		start = dfl->dfl_offset + dfl->dfl_exts[i].dfle_start;
		bzero(bp->bd_mem + start, dfl->dfl_exts[i].dfle_length);
	}
	atomic_inc_64(&bp->bd_st->bs_frees.value.ui64);
	bd_xfer_done(xfer, 0);
	return (0);
}

static void
bdm_drive(void *arg, bd_drive_t *drive)
{
	drive->d_qsize = 8;
	drive->d_maxxfer = BDM_MAXXFER;
	drive->d_removable = B_FALSE;
	drive->d_hotpluggable = B_FALSE;
	drive->d_target = 0;
	drive->d_lun = 0;
	drive->d_vendor = "bdmem";
	drive->d_vendor_len = 5;
	drive->d_product = "memory";
	drive->d_product_len = 6;
	drive->d_free_align = BDM_FREE_ALIGN;
	drive->d_max_free_seg = 1;
	drive->d_max_free_blks = BDM_FREE_SEG;
	drive->d_max_free_seg_blks = BDM_FREE_SEG;
}

static int
bdm_media(void *arg, bd_media_t *media)
{
	bdm_t *bp = arg;

	media->m_nblks = bp->bd_nblks;
	media->m_blksize = DEV_BSIZE;
	media->m_readonly = B_FALSE;
	media->m_solidstate = B_TRUE;
	media->m_pblksize = 0;
	return (0);
}

static bd_ops_t bdm_bd_ops = {
	BD_OPS_CURRENT_VERSION,
	bdm_drive,
	bdm_media,
	NULL,
	bdm_sync,
	bdm_read,
	bdm_write,
	bdm_free
};

static int
bdm_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	bdm_t *bp = &bdm;

	if (cmd != DDI_ATTACH || ddi_get_instance(dip) != 0)
		return (DDI_FAILURE);
	bp->bd_dip = dip;
	bp->bd_nblks = ddi_prop_get_int(DDI_DEV_T_ANY, dip,
	    DDI_PROP_DONTPASS, "bdmem-nblks", 4096);
	bp->bd_mem = kmem_zalloc(bp->bd_nblks * DEV_BSIZE, KM_SLEEP);
	mutex_init(&bp->bd_lock, NULL, MUTEX_DRIVER, NULL);
	bp->bd_tq = ddi_taskq_create(dip, "bdmem", 1, TASKQ_DEFAULTPRI, 0);
	bp->bd_ks = kstat_create("bdmem", 0, "stats", "misc",
	    KSTAT_TYPE_NAMED, sizeof (bdm_stats_t) / sizeof (kstat_named_t),
	    0);
	if (bp->bd_tq == NULL || bp->bd_ks == NULL)
		goto fail;
	bp->bd_st = bp->bd_ks->ks_data;
	kstat_named_init(&bp->bd_st->bs_xfers, "xfers", KSTAT_DATA_UINT64);
	kstat_named_init(&bp->bd_st->bs_reads, "reads", KSTAT_DATA_UINT64);
	kstat_named_init(&bp->bd_st->bs_writes, "writes", KSTAT_DATA_UINT64);
	kstat_named_init(&bp->bd_st->bs_async, "async", KSTAT_DATA_UINT64);
	kstat_named_init(&bp->bd_st->bs_flushes, "flushes",
	    KSTAT_DATA_UINT64);
	kstat_named_init(&bp->bd_st->bs_frees, "frees", KSTAT_DATA_UINT64);
	kstat_named_init(&bp->bd_st->bs_bad, "bad", KSTAT_DATA_UINT64);
	kstat_install(bp->bd_ks);
	bp->bd_h = bd_alloc_handle(bp, &bdm_bd_ops, NULL, KM_SLEEP);
	if (bp->bd_h == NULL)
		goto fail;
	if (bd_attach_handle(dip, bp->bd_h) != DDI_SUCCESS) {
		bd_free_handle(bp->bd_h);
		goto fail;
	}
	return (DDI_SUCCESS);
fail:
	if (bp->bd_ks != NULL)
		kstat_delete(bp->bd_ks);
	if (bp->bd_tq != NULL)
		ddi_taskq_destroy(bp->bd_tq);
	mutex_destroy(&bp->bd_lock);
	kmem_free(bp->bd_mem, bp->bd_nblks * DEV_BSIZE);
	bzero(bp, sizeof (*bp));
	return (DDI_FAILURE);
}

static int
bdm_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	bdm_t *bp = &bdm;

	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);
	if (bd_detach_handle(bp->bd_h) != DDI_SUCCESS)
		return (DDI_FAILURE);
	bd_free_handle(bp->bd_h);
	ddi_taskq_destroy(bp->bd_tq);
	kstat_delete(bp->bd_ks);
	mutex_destroy(&bp->bd_lock);
	kmem_free(bp->bd_mem, bp->bd_nblks * DEV_BSIZE);
	bzero(bp, sizeof (*bp));
	return (DDI_SUCCESS);
}

int
_init(void)
{
	int rv;

	bd_mod_init(&bdm_ops);
	if ((rv = mod_install(&bdm_modlinkage)) != 0)
		bd_mod_fini(&bdm_ops);
	return (rv);
}

int
_fini(void)
{
	int rv;

	if ((rv = mod_remove(&bdm_modlinkage)) == 0)
		bd_mod_fini(&bdm_ops);
	return (rv);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&bdm_modlinkage, modinfop));
}
