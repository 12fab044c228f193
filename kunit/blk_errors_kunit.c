// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_blk_errors: error and geometry semantics of the
 * block bridge (ddi_compat/blk.c, biodone() in buf.c) that audit 2 found
 * wrong: a buf failed with bioerror() and b_resid left 0 (finding 8),
 * 4 KiB-sector disks and the queue's DMA alignment (10), write-zeroes
 * sent as DKIOCFREE (11), duplicate biodone() from two contexts at once
 * (5), a buf never completed (17), a disk destroyed behind the I/O
 * continuations' queue (19).  Run on both bridges: the bio-based
 * one (default) and blk-mq (ddi_compat_blk_errors_mq, ddic-blk-mq=1).
 *
 * The driver "blke" has two instances (1 opts in to write-zeroes with
 * the .conf property ddic-discard-zeroes), each with a 512-byte-sector
 * disk "d512" and a 4 KiB-sector disk "d4k".  Its DKIOCFREE only counts:
 * it does not zero, as a SCSI UNMAP need not.
 */
#define _DDI_COMPAT_IMPL
#include <kunit/test.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/kmsg_dump.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <sys/types.h>
#include <sys/buf.h>
#include <sys/dkio.h>
#include <sys/file.h>
#include <sys/open.h>
#include <sys/stat.h>
#include <sys/param.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/modctl.h>
#include <sys/sunddi.h>
#include <ddi_compat/glue.h>
#include <ddi_compat/testing.h>

/* KUNIT_CASE_SLOW() is 6.6 and later. */
#ifdef KUNIT_CASE_SLOW
#define DDIC_CASE_SLOW(f)	KUNIT_CASE_SLOW(f)
#else
#define DDIC_CASE_SLOW(f)	KUNIT_CASE(f)
#endif

#define BE_SECTORS	256			/* of 512 bytes, per disk */
#define BE_D512		"/dev/pseudo/blke@0:d512"
#define BE_D4K		"/dev/pseudo/blke@0:d4k"
#define BE_Z512		"/dev/pseudo/blke@1:d512"

enum { BE_OK, BE_FAIL_NORESID, BE_HOLD, BE_DUP };

static struct {
	char *mem;
	int mode;
	int frees;
	struct buf *held;
	atomic_t dup_ready;
	struct work_struct dup_work[2];
} be;

/*
 * minor = be_minor_base + instance * 2 + (0: d512, 1: d4k); the base
 * changes only for blk_destroy_not_behind_io.
 */
static minor_t be_minor_base;

static unsigned int be_lbsize(dev_t dev)
{
	return getminor(dev) & 1 ? 4096 : DEV_BSIZE;
}

static void be_move(struct buf *bp)
{
	u64 off = dbtob((u64)bp->b_lblkno);

	bp_mapin(bp);
	if (bp->b_flags & B_READ)
		memcpy(bp->b_un.b_addr, be.mem + off, bp->b_bcount);
	else
		memcpy(be.mem + off, bp->b_un.b_addr, bp->b_bcount);
}

/* Two contexts completing the same buf at once (finding 5). */
static void be_dup_fn(struct work_struct *w)
{
	struct buf *bp = READ_ONCE(be.held);
	int spins = 0;

	atomic_inc(&be.dup_ready);
	while (atomic_read(&be.dup_ready) < 2 && ++spins < 100000)
		cpu_relax();
	biodone(bp);
}

static int be_strategy(struct buf *bp)
{
	if (dbtob((u64)bp->b_lblkno) + bp->b_bcount > BE_SECTORS * DEV_BSIZE) {
		bioerror(bp, ENXIO);
		bp->b_resid = bp->b_bcount;
		biodone(bp);
		return 0;
	}
	switch (be.mode) {
	case BE_FAIL_NORESID:
		/* As illumos zvol_strategy() fails a read-only volume. */
		bioerror(bp, EROFS);
		biodone(bp);
		return 0;
	case BE_HOLD:
		WRITE_ONCE(be.held, bp);
		return 0;
	case BE_DUP:
		be_move(bp);
		WRITE_ONCE(be.held, bp);
		atomic_set(&be.dup_ready, 0);
		queue_work_on(0, system_highpri_wq, &be.dup_work[0]);
		queue_work_on(num_online_cpus() > 1 ? 1 : 0, system_highpri_wq,
			      &be.dup_work[1]);
		return 0;
	}
	be_move(bp);
	biodone(bp);
	return 0;
}

static int be_ioctl(dev_t dev, int cmd, intptr_t arg, int mode,
		    cred_t *cr, int *rvalp)
{
	struct dk_minfo *mi = (struct dk_minfo *)arg;

	if (!(mode & FKIOCTL))
		return ENOTTY;
	switch (cmd) {
	case DKIOCGMEDIAINFO:
		mi->dki_media_type = DK_FIXED_DISK;
		mi->dki_lbsize = be_lbsize(dev);
		mi->dki_capacity = BE_SECTORS * DEV_BSIZE / be_lbsize(dev);
		return 0;
	case DKIOC_CANFREE:
		*(int *)arg = 1;
		return 0;
	case DKIOCFREE:
		be.frees++;	/* frees, does not zero */
		return 0;
	}
	return ENOTTY;
}

static int be_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	minor_t m = be_minor_base + ddi_get_instance(dip) * 2;

	if (ddi_create_minor_node(dip, "d512", S_IFBLK, m, DDI_NT_BLOCK,
				  0) != DDI_SUCCESS ||
	    ddi_create_minor_node(dip, "d4k", S_IFBLK, m + 1, DDI_NT_BLOCK,
				  0) != DDI_SUCCESS) {
		ddi_remove_minor_node(dip, NULL);
		return DDI_FAILURE;
	}
	return DDI_SUCCESS;
}

static int be_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	ddi_remove_minor_node(dip, NULL);
	return DDI_SUCCESS;
}

static int be_open_entry(dev_t *devp, int flag, int otyp, cred_t *cr)
{
	return 0;
}

static int be_close_entry(dev_t dev, int flag, int otyp, cred_t *cr)
{
	return 0;
}

static struct cb_ops be_cb_ops = {
	.cb_open = be_open_entry,
	.cb_close = be_close_entry,
	.cb_strategy = be_strategy,
	.cb_ioctl = be_ioctl,
	.cb_flag = D_NEW | D_MP,
	.cb_rev = CB_REV,
};

static struct dev_ops be_ops = {
	.devo_rev = DEVO_REV,
	.devo_attach = be_attach,
	.devo_detach = be_detach,
	.devo_cb_ops = &be_cb_ops,
	.devo_quiesce = ddi_quiesce_not_needed,
};

static struct modldrv be_modldrv = {
	&mod_driverops, "blk errors test driver", &be_ops
};

static struct modlinkage be_modlinkage = {
	MODREV_1, { &be_modldrv, NULL }
};

static int be_init(void)
{
	return mod_install(&be_modlinkage);
}

static int be_fini(void)
{
	return mod_remove(&be_modlinkage);
}

/* The suite being run is ddi_compat_blk_errors_mq: the blk-mq bridge. */
static bool be_mq;

static int be_test_init(struct kunit *test)
{
	int err;

	memset(&be, 0, sizeof(be));
	INIT_WORK(&be.dup_work[0], be_dup_fn);
	INIT_WORK(&be.dup_work[1], be_dup_fn);
	be.mem = vzalloc(BE_SECTORS * DEV_BSIZE);
	if (!be.mem)
		return -ENOMEM;
	err = ddic_glue_load(THIS_MODULE, "blke", be_mq ?
			    "name=\"blke\" parent=\"pseudo\" instance=0 ddi-no-autodetach=1 ddic-blk-mq=1;\n"
			    "name=\"blke\" parent=\"pseudo\" instance=1 ddi-no-autodetach=1 ddic-discard-zeroes=1 ddic-blk-mq=1;\n" :
			    "name=\"blke\" parent=\"pseudo\" instance=0 ddi-no-autodetach=1;\n"
			    "name=\"blke\" parent=\"pseudo\" instance=1 ddi-no-autodetach=1 ddic-discard-zeroes=1;\n",
			    be_init, NULL);
	if (err) {
		vfree(be.mem);
		return err;
	}
	return 0;
}

static void be_test_exit(struct kunit *test)
{
	flush_work(&be.dup_work[0]);
	flush_work(&be.dup_work[1]);
	ddic_glue_unload(THIS_MODULE, be_fini);
	be_minor_base = 0;
	vfree(be.mem);
}

static struct file *be_open(struct kunit *test, const char *path)
{
	struct file *f = filp_open(path, O_RDWR, 0);

	KUNIT_EXPECT_FALSE_MSG(test, IS_ERR(f), "open %s: %ld", path,
			       PTR_ERR(f));
	return IS_ERR(f) ? NULL : f;
}

static void be_close(struct file *f)
{
	filp_close(f, NULL);
	flush_delayed_fput();
}

static struct block_device *be_bdev(struct file *f)
{
	return I_BDEV(f->f_mapping->host);
}

static int be_bio(struct block_device *bdev, blk_opf_t opf, sector_t sector,
		  struct page *page)
{
	struct bio *bio = bio_alloc(bdev, 1, opf, GFP_KERNEL);
	int err;

	bio->bi_iter.bi_sector = sector;
	__bio_add_page(bio, page, PAGE_SIZE, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}

/*
 * Finding 8: bioerror(bp, EROFS); biodone(bp) with b_resid left 0 is a
 * failed transfer, not a completed one.
 */
static void blk_error_without_resid(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	struct file *f;

	KUNIT_ASSERT_NOT_NULL(test, page);
	f = be_open(test, BE_D512);
	if (f) {
		be.mode = BE_FAIL_NORESID;
		/* EROFS has no blk_status_t: it arrives as EIO. */
		KUNIT_EXPECT_EQ(test, be_bio(be_bdev(f), REQ_OP_WRITE, 8, page),
				-EIO);
		KUNIT_EXPECT_EQ(test, be_bio(be_bdev(f), REQ_OP_READ, 8, page),
				-EIO);
		be.mode = BE_OK;
		KUNIT_EXPECT_EQ(test, be_bio(be_bdev(f), REQ_OP_WRITE, 8, page),
				0);
		be_close(f);
	}
	__free_page(page);
}

/*
 * Finding 10: a 4 KiB-sector disk's queue requires 4 KiB-aligned memory,
 * so O_DIRECT cannot split a sector over two bufs; 512-byte disks keep
 * Linux's 511.
 */
static void blk_4k_alignment(struct kunit *test)
{
	struct file *f;

	f = be_open(test, BE_D4K);
	if (f) {
		KUNIT_EXPECT_EQ(test, bdev_logical_block_size(be_bdev(f)),
				4096);
		KUNIT_EXPECT_EQ(test, bdev_dma_alignment(be_bdev(f)), 4095);
		be_close(f);
	}
	f = be_open(test, BE_D512);
	if (f) {
		KUNIT_EXPECT_EQ(test, bdev_dma_alignment(be_bdev(f)), 511);
		be_close(f);
	}
}

/*
 * Finding 11: without the opt-in, write-zeroes is not advertised and a
 * zero-out writes zeros (never DKIOCFREE, which need not zero); with
 * ddic-discard-zeroes it is, and arrives as DKIOCFREE.  Discard is
 * DKIOCFREE either way.
 */
static void blk_write_zeroes_opt_in(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL);
	struct file *f;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, page);
	memset(page_address(page), 0x5a, PAGE_SIZE);
	f = be_open(test, BE_D512);
	if (f) {
		KUNIT_EXPECT_EQ(test, bdev_write_zeroes_sectors(be_bdev(f)), 0);
		KUNIT_EXPECT_EQ(test, be_bio(be_bdev(f), REQ_OP_WRITE, 16, page),
				0);
		KUNIT_EXPECT_EQ(test, blkdev_issue_zeroout(be_bdev(f), 16, 8,
							   GFP_KERNEL, 0), 0);
		KUNIT_EXPECT_EQ(test, be.frees, 0);
		for (i = 0; i < PAGE_SIZE; i++)
			if (be.mem[16 * DEV_BSIZE + i])
				break;
		KUNIT_EXPECT_EQ_MSG(test, i, (int)PAGE_SIZE,
				    "stale byte at %d after zero-out", i);
		KUNIT_EXPECT_EQ(test, blkdev_issue_discard(be_bdev(f), 16, 8,
							   GFP_KERNEL), 0);
		KUNIT_EXPECT_EQ(test, be.frees, 1);
		be_close(f);
	}
	f = be_open(test, BE_Z512);
	if (f) {
		KUNIT_EXPECT_GT(test, bdev_write_zeroes_sectors(be_bdev(f)), 0);
		be.frees = 0;
		KUNIT_EXPECT_EQ(test, blkdev_issue_zeroout(be_bdev(f), 16, 8,
							   GFP_KERNEL,
							   BLKDEV_ZERO_NOFALLBACK),
				0);
		KUNIT_EXPECT_EQ(test, be.frees, 1);
		be_close(f);
	}
	__free_page(page);
}

/*
 * Finding 5: two contexts calling biodone() on the same buf at once (a
 * timeout path and an interrupt path): exactly one completes it; a
 * double completion ends a request twice (KASAN, list or refcount
 * splats fail the run).  40 requests: a stress test, cheap under TCG.
 */
static void blk_concurrent_duplicate_biodone(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	struct file *f;
	int i, bad = 0;

	KUNIT_ASSERT_NOT_NULL(test, page);
	f = be_open(test, BE_D512);
	if (f) {
		be.mode = BE_DUP;
		for (i = 0; i < 40; i++) {
			if (be_bio(be_bdev(f), i & 1 ? REQ_OP_READ :
				   REQ_OP_WRITE, 8 * (i % 16), page))
				bad++;
			flush_work(&be.dup_work[0]);
			flush_work(&be.dup_work[1]);
		}
		be.mode = BE_OK;
		KUNIT_EXPECT_EQ(test, bad, 0);
		be_close(f);
	}
	__free_page(page);
}

/* How many lines of the kernel log contain @needle. */
static int be_log_count(const char *needle)
{
	static char line[512];
	struct kmsg_dump_iter iter;
	size_t len;
	int n = 0;

	kmsg_dump_rewind(&iter);
	while (kmsg_dump_get_line(&iter, false, line, sizeof(line) - 1,
				  &len)) {
		line[len] = '\0';
		if (strstr(line, needle))
			n++;
	}
	return n;
}

struct be_wait {
	struct completion done;
	blk_status_t status;
};

static void be_end_io(struct bio *bio)
{
	struct be_wait *w = bio->bi_private;

	w->status = bio->bi_status;
	complete(&w->done);
}

/*
 * Finding 17: a buf whose biodone() does not come is reported (driver
 * and disk named) when the request times out, and the request still
 * completes normally when the driver finally calls biodone().
 */
static void blk_lost_biodone_reported(struct kunit *test)
{
	struct page *page = alloc_page(GFP_KERNEL | __GFP_ZERO);
	struct be_wait w;
	struct bio *bio;
	struct file *f;
	int before;

	KUNIT_ASSERT_NOT_NULL(test, page);
	f = be_open(test, BE_D512);
	if (f) {
		before = be_log_count("blke0_d512: no biodone");
		blk_queue_rq_timeout(be_bdev(f)->bd_disk->queue, HZ / 2);
		be.mode = BE_HOLD;
		init_completion(&w.done);
		bio = bio_alloc(be_bdev(f), 1, REQ_OP_READ, GFP_KERNEL);
		bio->bi_iter.bi_sector = 0;
		__bio_add_page(bio, page, PAGE_SIZE, 0);
		bio->bi_private = &w;
		bio->bi_end_io = be_end_io;
		submit_bio(bio);
		msleep(2500);
		KUNIT_EXPECT_GT(test, be_log_count("blke0_d512: no biodone"),
				before);
		KUNIT_EXPECT_FALSE(test, completion_done(&w.done));
		KUNIT_ASSERT_NOT_NULL(test, READ_ONCE(be.held));
		be.mode = BE_OK;
		be_move(be.held);
		biodone(be.held);
		wait_for_completion(&w.done);
		KUNIT_EXPECT_EQ(test, blk_status_to_errno(w.status), 0);
		bio_put(bio);
		be_close(f);
	}
	__free_page(page);
}

/* One array per suite: KUnit keeps each case's status in it. */
#ifdef DDIC_DEBUG
struct be_blocker {
	struct work_struct work;
	struct completion running, release;
};

static void be_blocker_fn(struct work_struct *w)
{
	struct be_blocker *b = container_of(w, struct be_blocker, work);

	complete(&b->running);
	wait_for_completion(&b->release);
}

/*
 * Finding 19: a disk whose node is made again with another minor number
 * is destroyed from a work item, and del_gendisk() waits for the disk's
 * requests, whose continuations (biodone() from another context) are
 * queued on the I/O queue.  With memory short only that queue's rescuer
 * runs, one item at a time: the destroy must not be queued behind them.
 * Here the I/O queue runs one item at a time and that one never ends
 * until the four disks of the reattach are destroyed.
 */
static void blk_destroy_not_behind_io(struct kunit *test)
{
	struct workqueue_struct *wq = ddic_blk_debug_io_wq();
	unsigned long before = ddic_blk_debug_destroyed();
	struct be_blocker b;
	int i;

	INIT_WORK_ONSTACK(&b.work, be_blocker_fn);
	init_completion(&b.running);
	init_completion(&b.release);
	workqueue_set_max_active(wq, 1);
	queue_work(wq, &b.work);
	wait_for_completion(&b.running);
	KUNIT_EXPECT_EQ(test, ddic_control_debug("detach blke"), 0);
	be_minor_base = 4;
	KUNIT_EXPECT_EQ(test, ddic_control_debug("attach blke"), 0);
	for (i = 0; i < 300; i++) {
		if (ddic_blk_debug_destroyed() >= before + 4)
			break;
		msleep(100);
	}
	KUNIT_EXPECT_EQ(test, ddic_blk_debug_destroyed(), before + 4);
	complete(&b.release);
	flush_work(&b.work);
	destroy_work_on_stack(&b.work);
	workqueue_set_max_active(wq, WQ_DFL_ACTIVE);
}
#define BE_DESTROY_CASE	DDIC_CASE_SLOW(blk_destroy_not_behind_io),
#else
#define BE_DESTROY_CASE
#endif

static struct kunit_case blk_errors_cases[] = {
	KUNIT_CASE(blk_error_without_resid),
	KUNIT_CASE(blk_4k_alignment),
	KUNIT_CASE(blk_write_zeroes_opt_in),
	KUNIT_CASE(blk_concurrent_duplicate_biodone),
	DDIC_CASE_SLOW(blk_lost_biodone_reported),
	BE_DESTROY_CASE
	{}
};

static struct kunit_case blk_errors_mq_cases[] = {
	KUNIT_CASE(blk_error_without_resid),
	KUNIT_CASE(blk_4k_alignment),
	KUNIT_CASE(blk_write_zeroes_opt_in),
	KUNIT_CASE(blk_concurrent_duplicate_biodone),
	DDIC_CASE_SLOW(blk_lost_biodone_reported),
	BE_DESTROY_CASE
	{}
};

static int be_bio_suite_init(struct kunit_suite *suite)
{
	be_mq = false;
	return 0;
}

static int be_mq_suite_init(struct kunit_suite *suite)
{
	be_mq = true;
	return 0;
}

static struct kunit_suite blk_errors_suite = {
	.name = "ddi_compat_blk_errors",
	.suite_init = be_bio_suite_init,
	.init = be_test_init,
	.exit = be_test_exit,
	.test_cases = blk_errors_cases,
};

static struct kunit_suite blk_errors_mq_suite = {
	.name = "ddi_compat_blk_errors_mq",
	.suite_init = be_mq_suite_init,
	.init = be_test_init,
	.exit = be_test_exit,
	.test_cases = blk_errors_mq_cases,
};

kunit_test_suites(&blk_errors_suite, &blk_errors_mq_suite);
