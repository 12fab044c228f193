// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_blk: the block bridge (ddi_compat/blk.c).  It
 * loads a tiny Solaris block driver ("blkt") from this module with
 * ddic_glue_load(), and submits bios to its disk through the Linux block
 * layer.  The suite runs twice: ddi_compat_blk on the bio-based bridge
 * (the default), ddi_compat_blk_mq with the .conf property ddic-blk-mq=1.
 */
#define _DDI_COMPAT_IMPL
#include <kunit/test.h>
#include <linux/bio.h>
#include <linux/blkdev.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/vmalloc.h>
#include <linux/workqueue.h>
#include <linux/delay.h>
#include <sys/types.h>
#include <sys/buf.h>
#include <sys/uio.h>
#include <sys/dkio.h>
#include <sys/file.h>
#include <sys/open.h>
#include <sys/stat.h>
#include <sys/kmem.h>
#include <sys/param.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/modctl.h>
#include <sys/sunddi.h>
#include <ddi_compat/glue.h>

/* ---- a Solaris block driver "blkt" over the bridge ---- */

#define BT_SECTORS	2048		/* 1 MiB */
#define BT_DISK		"/dev/pseudo/blkt@0:disk"

static struct blkt {
	dev_info_t *dip;
	char *mem;
	int attaches, detaches;
	int blk_opens, blk_closes, open_otyp;
	int flushes, frees;
	u64 free_start, free_len;
	int bufs;
	diskaddr_t fail_blkno;		/* bioerror(fail_errno) here */
	int fail_errno;
	u64 limit;			/* bytes past this come back short */
	bool async;
	bool zero_size;
	unsigned int lbsize;		/* DKIOCGMEDIAINFO's; 0: DEV_BSIZE */
	int chr_opens, chr_closes;
	spinlock_t lock;
	struct buf *queue[16];
	int nqueue;
	struct work_struct work;
} bt;

static void blkt_do(struct buf *bp)
{
	u64 off = dbtob((u64)bp->b_lblkno), len = bp->b_bcount, n;

	bt.bufs++;
	bp_mapin(bp);
	if (bt.fail_errno && bp->b_lblkno <= bt.fail_blkno &&
	    bt.fail_blkno < bp->b_lblkno + btodb(len)) {
		bp->b_resid = len;
		bioerror(bp, bt.fail_errno);
		biodone(bp);
		return;
	}
	n = off >= bt.limit ? 0 : min(len, bt.limit - off);
	if (bp->b_flags & B_READ)
		memcpy(bp->b_un.b_addr, bt.mem + off, n);
	else
		memcpy(bt.mem + off, bp->b_un.b_addr, n);
	bp->b_resid = len - n;
	biodone(bp);
}

static void blkt_work(struct work_struct *w)
{
	struct buf *bp;

	usleep_range(1000, 2000);
	for (;;) {
		spin_lock_irq(&bt.lock);
		bp = bt.nqueue ? bt.queue[--bt.nqueue] : NULL;
		spin_unlock_irq(&bt.lock);
		if (!bp)
			return;
		blkt_do(bp);
	}
}

static int blkt_strategy(struct buf *bp)
{
	if (dbtob((u64)bp->b_lblkno) + bp->b_bcount > BT_SECTORS * DEV_BSIZE) {
		bioerror(bp, ENXIO);
		bp->b_resid = bp->b_bcount;
		biodone(bp);
		return 0;
	}
	if (bt.async) {
		spin_lock_irq(&bt.lock);
		bt.queue[bt.nqueue++] = bp;
		spin_unlock_irq(&bt.lock);
		schedule_work(&bt.work);
		return 0;
	}
	blkt_do(bp);
	return 0;
}

static int blkt_open(dev_t *devp, int flag, int otyp, cred_t *cr)
{
	if (otyp == OTYP_BLK)
		bt.blk_opens++;
	if (otyp == OTYP_CHR)
		bt.chr_opens++;
	bt.open_otyp = otyp;
	return 0;
}

static int blkt_close(dev_t dev, int flag, int otyp, cred_t *cr)
{
	if (otyp == OTYP_BLK)
		bt.blk_closes++;
	if (otyp == OTYP_CHR)
		bt.chr_closes++;
	return 0;
}

static int blkt_ioctl(dev_t dev, int cmd, intptr_t arg, int mode,
		      cred_t *cr, int *rvalp)
{
	struct dk_minfo *mi = (struct dk_minfo *)arg;
	dkioc_free_list_t *dfl = (dkioc_free_list_t *)arg;

	if (!(mode & FKIOCTL))
		return ENOTTY;
	if (getminor(dev) == 1)
		return ENOTTY;		/* minor 1: size from prop_op */
	switch (cmd) {
	case DKIOCGMEDIAINFO:
		mi->dki_media_type = DK_FIXED_DISK;
		mi->dki_lbsize = bt.lbsize ? bt.lbsize : DEV_BSIZE;
		mi->dki_capacity = bt.zero_size ? 0 : BT_SECTORS;
		return 0;
	case DKIOCGETWCE:
	case DKIOC_CANFREE:
		*(int *)arg = 1;
		return 0;
	case DKIOCFLUSHWRITECACHE:
		bt.flushes++;
		return 0;
	case DKIOCFREE:
		bt.frees++;
		if (dfl->dfl_num_exts != 1 || !(dfl->dfl_flags & DF_WAIT_SYNC))
			return EINVAL;
		bt.free_start = dfl->dfl_offset + dfl->dfl_exts[0].dfle_start;
		bt.free_len = dfl->dfl_exts[0].dfle_length;
		if (bt.free_start + bt.free_len > BT_SECTORS * DEV_BSIZE)
			return EINVAL;
		memset(bt.mem + bt.free_start, 0, bt.free_len);
		return 0;
	}
	return ENOTTY;
}

static int blkt_prop_op(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
			int flags, char *name, caddr_t valuep, int *lengthp)
{
	return ddi_prop_op_nblocks(dev, dip, prop_op, flags, name, valuep,
				   lengthp, 64);
}

static int blkt_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	bt.attaches++;
	bt.dip = dip;
	/* Block and character nodes: separate name spaces, one minor. */
	if (ddi_create_minor_node(dip, "disk", S_IFBLK, 0, DDI_NT_BLOCK,
				  0) != DDI_SUCCESS ||
	    ddi_create_minor_node(dip, "disk,raw", S_IFCHR, 0,
				  DDI_NT_BLOCK, 0) != DDI_SUCCESS) {
		ddi_remove_minor_node(dip, NULL);
		return DDI_FAILURE;
	}
	return DDI_SUCCESS;
}

static int blkt_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	bt.detaches++;
	ddi_remove_minor_node(dip, NULL);
	return DDI_SUCCESS;
}

static struct cb_ops blkt_cb_ops = {
	.cb_open = blkt_open,
	.cb_close = blkt_close,
	.cb_strategy = blkt_strategy,
	.cb_ioctl = blkt_ioctl,
	.cb_prop_op = blkt_prop_op,
	.cb_flag = D_NEW | D_MP,
	.cb_rev = CB_REV,
};

static struct dev_ops blkt_ops = {
	.devo_rev = DEVO_REV,
	.devo_attach = blkt_attach,
	.devo_detach = blkt_detach,
	.devo_cb_ops = &blkt_cb_ops,
	.devo_quiesce = ddi_quiesce_not_needed,
};

static struct modldrv blkt_modldrv = {
	&mod_driverops, "blkt test driver", &blkt_ops
};

static struct modlinkage blkt_modlinkage = {
	MODREV_1, { &blkt_modldrv, NULL }
};

static int blkt_init(void)
{
	return mod_install(&blkt_modlinkage);
}

static int blkt_fini(void)
{
	return mod_remove(&blkt_modlinkage);
}

/* The suite being run is ddi_compat_blk_mq: the blk-mq bridge. */
static bool bt_mq;

static int blk_test_init(struct kunit *test)
{
	int err;

	memset(&bt, 0, sizeof(bt));
	spin_lock_init(&bt.lock);
	INIT_WORK(&bt.work, blkt_work);
	bt.limit = U64_MAX;
	bt.mem = vzalloc(BT_SECTORS * DEV_BSIZE);
	if (!bt.mem)
		return -ENOMEM;
	err = ddic_glue_load(THIS_MODULE, "blkt", bt_mq ?
			    "name=\"blkt\" parent=\"pseudo\" instance=0 ddic-blk-mq=1;\n" :
			    "name=\"blkt\" parent=\"pseudo\" instance=0;\n",
			    blkt_init, NULL);
	if (err) {
		vfree(bt.mem);
		return err;
	}
	return 0;
}

static void blk_test_exit(struct kunit *test)
{
	flush_work(&bt.work);
	ddic_glue_unload(THIS_MODULE, blkt_fini);
	vfree(bt.mem);
}

/* Submit one bio over @npages separate pages and wait for it. */
static int bt_bio(struct block_device *bdev, blk_opf_t opf, sector_t sector,
		  struct page **pages, int npages)
{
	struct bio *bio = bio_alloc(bdev, npages, opf, GFP_KERNEL);
	int i, err;

	bio->bi_iter.bi_sector = sector;
	for (i = 0; i < npages; i++)
		__bio_add_page(bio, pages[i], PAGE_SIZE, 0);
	err = submit_bio_wait(bio);
	bio_put(bio);
	return err;
}

struct bt_pages {
	struct page *p[4];
};

static struct bt_pages *bt_alloc_pages(struct kunit *test, int fill)
{
	struct bt_pages *bp = kunit_kzalloc(test, sizeof(*bp), GFP_KERNEL);
	int i;

	if (!bp)
		return NULL;
	for (i = 0; i < 4; i++) {
		/* Every other page: never physically adjacent. */
		struct page *pair = alloc_pages(GFP_KERNEL, 1);

		if (!pair)
			return NULL;
		split_page(pair, 1);
		__free_page(pair + 1);
		bp->p[i] = pair;
		memset(page_address(pair), fill + i, PAGE_SIZE);
	}
	return bp;
}

static void bt_free_pages(struct bt_pages *bp)
{
	int i;

	for (i = 0; bp && i < 4; i++)
		if (bp->p[i])
			__free_page(bp->p[i]);
}

static struct file *bt_open(struct kunit *test)
{
	struct file *f = filp_open(BT_DISK, O_RDWR, 0);

	KUNIT_EXPECT_FALSE_MSG(test, IS_ERR(f), "open %s: %ld", BT_DISK,
			       PTR_ERR(f));
	return IS_ERR(f) ? NULL : f;
}

/* Close now: a kthread's last fput is otherwise deferred to a work item. */
static void bt_close(struct file *f)
{
	filp_close(f, NULL);
	flush_delayed_fput();
}

static struct block_device *bt_bdev(struct file *f)
{
	return I_BDEV(f->f_mapping->host);
}

static void blk_names_size(struct kunit *test)
{
	struct file *f, *attr;
	struct block_device *bdev;
	char path[64] = "";
	loff_t pos = 0;

	/* Attached at load, autodetached since nobody had it open. */
	KUNIT_EXPECT_EQ(test, bt.attaches, 1);
	KUNIT_EXPECT_EQ(test, bt.detaches, 1);
	f = bt_open(test);
	KUNIT_ASSERT_NOT_NULL(test, f);
	KUNIT_EXPECT_EQ(test, bt.attaches, 2);
	KUNIT_EXPECT_EQ(test, bt.blk_opens, 1);
	KUNIT_EXPECT_EQ(test, bt.open_otyp, OTYP_BLK);
	bdev = bt_bdev(f);
	KUNIT_EXPECT_STREQ(test, bdev->bd_disk->disk_name, "blkt0_disk");
	KUNIT_EXPECT_EQ(test, bdev_nr_sectors(bdev), (sector_t)BT_SECTORS);
	KUNIT_EXPECT_EQ(test, bdev_logical_block_size(bdev), 512);
	attr = filp_open("/sys/block/blkt0_disk/ddi_path", O_RDONLY, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(attr));
	if (!IS_ERR(attr)) {
		KUNIT_EXPECT_GT(test, kernel_read(attr, path, sizeof(path) - 1,
						  &pos), 0);
		bt_close(attr);
		KUNIT_EXPECT_STREQ(test, path, "pseudo/blkt@0:disk\n");
	}
	bt_close(f);
	/* The last close calls close(9E) and lets the instance detach. */
	KUNIT_EXPECT_EQ(test, bt.blk_closes, 1);
	KUNIT_EXPECT_EQ(test, bt.detaches, 2);
}

static void blk_read_write(struct kunit *test)
{
	struct bt_pages *w = bt_alloc_pages(test, 0x10);
	struct bt_pages *r = bt_alloc_pages(test, 0);
	struct block_device *bdev;
	struct file *f;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, w);
	KUNIT_ASSERT_NOT_NULL(test, r);
	f = bt_open(test);
	if (f) {
		bdev = bt_bdev(f);
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_WRITE, 8, w->p, 4),
				0);
		/* Four separate pages: four bufs for one request. */
		KUNIT_EXPECT_GE(test, bt.bufs, 4);
		for (i = 0; i < 4; i++)
			KUNIT_EXPECT_EQ(test, bt.mem[4096 + i * PAGE_SIZE],
					0x10 + i);
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_READ, 8, r->p, 4),
				0);
		for (i = 0; i < 4; i++)
			KUNIT_EXPECT_EQ(test, memcmp(page_address(r->p[i]),
						     page_address(w->p[i]),
						     PAGE_SIZE), 0);
		/* Past the end: refused by Linux before the driver. */
		i = bt.bufs;
		KUNIT_EXPECT_NE(test, bt_bio(bdev, REQ_OP_READ,
					     BT_SECTORS - 8, r->p, 4), 0);
		KUNIT_EXPECT_EQ(test, bt.bufs, i);
		bt_close(f);
	}
	bt_free_pages(w);
	bt_free_pages(r);
}

static void blk_errors(struct kunit *test)
{
	struct bt_pages *p = bt_alloc_pages(test, 1);
	struct block_device *bdev;
	struct file *f;

	KUNIT_ASSERT_NOT_NULL(test, p);
	f = bt_open(test);
	if (f) {
		bdev = bt_bdev(f);
		bt.fail_blkno = 17;
		bt.fail_errno = EIO;
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_READ, 16, p->p, 1),
				-EIO);
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_WRITE, 16, p->p, 1),
				-EIO);
		bt.fail_errno = ENOSPC;
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_WRITE, 16, p->p, 1),
				-ENOSPC);
		/* Elsewhere the disk works. */
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_WRITE, 32, p->p, 1),
				0);
		bt.fail_errno = 0;
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_READ, 16, p->p, 1),
				0);
		bt_close(f);
	}
	bt_free_pages(p);
}

struct bt_wait {
	struct completion done;
	blk_status_t status;
};

static void bt_end_io(struct bio *bio)
{
	struct bt_wait *w = bio->bi_private;

	w->status = bio->bi_status;
	complete(&w->done);
}

/*
 * A short transfer (b_resid, no error): what moved before it completes,
 * the rest fails with EIO.  Two adjacent bios, likely merged into one
 * request: the first succeeds, the second fails.
 */
static void blk_short(struct kunit *test)
{
	struct bt_pages *p = bt_alloc_pages(test, 0x33);
	struct bt_wait w[2];
	struct block_device *bdev;
	struct blk_plug plug;
	struct bio *bio[2];
	struct file *f;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, p);
	f = bt_open(test);
	if (f) {
		bdev = bt_bdev(f);
		bt.limit = 64 * 512 + PAGE_SIZE;
		blk_start_plug(&plug);
		for (i = 0; i < 2; i++) {
			init_completion(&w[i].done);
			bio[i] = bio_alloc(bdev, 1, REQ_OP_WRITE, GFP_KERNEL);
			bio[i]->bi_iter.bi_sector = 64 + i * 8;
			__bio_add_page(bio[i], p->p[i], PAGE_SIZE, 0);
			bio[i]->bi_private = &w[i];
			bio[i]->bi_end_io = bt_end_io;
			submit_bio(bio[i]);
		}
		blk_finish_plug(&plug);
		for (i = 0; i < 2; i++) {
			wait_for_completion(&w[i].done);
			bio_put(bio[i]);
		}
		KUNIT_EXPECT_EQ(test, blk_status_to_errno(w[0].status), 0);
		KUNIT_EXPECT_EQ(test, blk_status_to_errno(w[1].status), -EIO);
		KUNIT_EXPECT_EQ(test, bt.mem[64 * 512], 0x33);
		KUNIT_EXPECT_EQ(test, bt.mem[64 * 512 + PAGE_SIZE], 0);

		/* Short inside one bio: the bio fails. */
		bt.limit = 64 * 512 + 1024;
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_READ, 64, p->p, 1),
				-EIO);
		bt_close(f);
	}
	bt_free_pages(p);
}

static void blk_async(struct kunit *test)
{
	struct bt_pages *w = bt_alloc_pages(test, 0x40);
	struct bt_pages *r = bt_alloc_pages(test, 0);
	struct block_device *bdev;
	struct file *f;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, w);
	KUNIT_ASSERT_NOT_NULL(test, r);
	f = bt_open(test);
	if (f) {
		bdev = bt_bdev(f);
		bt.async = true;
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_WRITE, 128, w->p, 4),
				0);
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_READ, 128, r->p, 4),
				0);
		for (i = 0; i < 4; i++)
			KUNIT_EXPECT_EQ(test, memcmp(page_address(r->p[i]),
						     page_address(w->p[i]),
						     PAGE_SIZE), 0);
		bt.fail_blkno = 128 + 17;
		bt.fail_errno = EIO;
		KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_READ, 128, r->p, 4),
				-EIO);
		bt.fail_errno = 0;
		bt.async = false;
		bt_close(f);
	}
	bt_free_pages(w);
	bt_free_pages(r);
}

/* A FUA write: its data, then a flush (a PREFLUSH one: a flush first). */
static void blk_flush_fua(struct kunit *test, struct block_device *bdev)
{
	struct bt_pages *p = bt_alloc_pages(test, 0x5a);
	int flushes = bt.flushes, bufs = bt.bufs;

	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_WRITE | REQ_FUA, 256, p->p,
				     1), 0);
	KUNIT_EXPECT_EQ(test, bt.mem[256 * 512], 0x5a);
	KUNIT_EXPECT_EQ(test, bt.bufs, bufs + 1);
	KUNIT_EXPECT_GE(test, bt.flushes, flushes + 1);
	flushes = bt.flushes;
	KUNIT_EXPECT_EQ(test, bt_bio(bdev, REQ_OP_WRITE | REQ_PREFLUSH, 264,
				     p->p + 1, 1), 0);
	KUNIT_EXPECT_EQ(test, bt.mem[264 * 512], 0x5b);
	KUNIT_EXPECT_GE(test, bt.flushes, flushes + 1);
	bt_free_pages(p);
}

static void blk_flush_discard(struct kunit *test)
{
	struct block_device *bdev;
	struct file *f;

	memset(bt.mem + 8192, 0x77, 8192);
	f = bt_open(test);
	KUNIT_ASSERT_NOT_NULL(test, f);
	bdev = bt_bdev(f);
	/* The bridge the .conf chose. */
	KUNIT_EXPECT_EQ(test, queue_is_mq(bdev_get_queue(bdev)), bt_mq);
	KUNIT_EXPECT_EQ(test, blkdev_issue_flush(bdev), 0);
	KUNIT_EXPECT_GE(test, bt.flushes, 1);
	blk_flush_fua(test, bdev);
	KUNIT_EXPECT_EQ(test, blkdev_issue_discard(bdev, 16, 16, GFP_KERNEL),
			0);
	KUNIT_EXPECT_EQ(test, bt.frees, 1);
	KUNIT_EXPECT_EQ(test, bt.free_start, 8192);
	KUNIT_EXPECT_EQ(test, bt.free_len, 8192);
	KUNIT_EXPECT_EQ(test, bt.mem[8192], 0);
	KUNIT_EXPECT_EQ(test, bt.mem[16383], 0);
	bt_close(f);
}

static void blk_runtime_nodes(struct kunit *test)
{
	struct bt_pages *p = bt_alloc_pages(test, 0);
	struct file *f, *g;
	int closes;

	KUNIT_ASSERT_NOT_NULL(test, p);
	f = bt_open(test);
	KUNIT_ASSERT_NOT_NULL(test, f);
	/* Size from prop_op "Nblocks" (minor 1's ioctl says ENOTTY). */
	KUNIT_EXPECT_EQ(test, ddi_create_minor_node(bt.dip, "small", S_IFBLK,
						    1, DDI_NT_BLOCK, 0),
			DDI_SUCCESS);
	g = filp_open("/dev/pseudo/blkt@0:small", O_RDONLY, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(g));
	if (!IS_ERR(g)) {
		KUNIT_EXPECT_EQ(test, bdev_nr_sectors(bt_bdev(g)), 64);
		bt_close(g);
	}
	/* Same minor as a live block node: refused. */
	KUNIT_EXPECT_EQ(test, ddi_create_minor_node(bt.dip, "dup", S_IFBLK,
						    1, DDI_NT_BLOCK, 0),
			DDI_FAILURE);
	/* A disk of size 0: refused. */
	bt.zero_size = true;
	KUNIT_EXPECT_EQ(test, ddi_create_minor_node(bt.dip, "empty", S_IFBLK,
						    2, DDI_NT_BLOCK, 0),
			DDI_FAILURE);
	bt.zero_size = false;
	/* A block size DKIOCGMEDIAINFO should not give: refused. */
	bt.lbsize = 1000;
	KUNIT_EXPECT_EQ(test, ddi_create_minor_node(bt.dip, "odd", S_IFBLK,
						    3, DDI_NT_BLOCK, 0),
			DDI_FAILURE);
	/* 4096-byte blocks. */
	bt.lbsize = 4096;
	KUNIT_EXPECT_EQ(test, ddi_create_minor_node(bt.dip, "big", S_IFBLK,
						    4, DDI_NT_BLOCK, 0),
			DDI_SUCCESS);
	g = filp_open("/dev/pseudo/blkt@0:big", O_RDONLY, 0);
	KUNIT_EXPECT_FALSE(test, IS_ERR(g));
	if (!IS_ERR(g)) {
		KUNIT_EXPECT_EQ(test, bdev_logical_block_size(bt_bdev(g)),
				4096);
		KUNIT_EXPECT_EQ(test, bdev_nr_sectors(bt_bdev(g)),
				(sector_t)BT_SECTORS * 8);
		bt_close(g);
	}
	bt.lbsize = 0;
	ddi_remove_minor_node(bt.dip, "big");
	ddi_remove_minor_node(bt.dip, "small");
	g = filp_open("/dev/pseudo/blkt@0:small", O_RDONLY, 0);
	KUNIT_EXPECT_TRUE(test, IS_ERR(g));
	if (!IS_ERR(g))
		bt_close(g);

	/* The open disk removed at runtime: its I/O fails, close works. */
	ddi_remove_minor_node(bt.dip, "disk");
	KUNIT_EXPECT_NE(test, bt_bio(bt_bdev(f), REQ_OP_READ, 0, p->p, 1), 0);
	closes = bt.blk_closes;
	bt_close(f);
	KUNIT_EXPECT_EQ(test, bt.blk_closes, closes + 1);
	g = filp_open(BT_DISK, O_RDONLY, 0);
	KUNIT_EXPECT_TRUE(test, IS_ERR(g));
	if (!IS_ERR(g))
		bt_close(g);
	bt_free_pages(p);
}

/*
 * The raw node and the disk share minor 0; their opens are counted
 * apart (close(9E) per open type) but both keep the instance attached.
 */
static void blk_raw_and_block(struct kunit *test)
{
	struct file *raw, *f;

	raw = filp_open("/dev/pseudo/blkt@0:disk,raw", O_RDWR, 0);
	KUNIT_ASSERT_FALSE(test, IS_ERR(raw));
	KUNIT_EXPECT_EQ(test, bt.open_otyp, OTYP_CHR);
	KUNIT_EXPECT_EQ(test, bt.chr_opens, 1);
	f = bt_open(test);
	if (f) {
		KUNIT_EXPECT_EQ(test, bt.open_otyp, OTYP_BLK);
		bt_close(f);
		KUNIT_EXPECT_EQ(test, bt.blk_closes, 1);
		KUNIT_EXPECT_EQ(test, bt.chr_closes, 0);
		/* The raw node is still open: no detach. */
		KUNIT_EXPECT_EQ(test, bt.detaches, 1);
	}
	bt_close(raw);
	KUNIT_EXPECT_EQ(test, bt.chr_closes, 1);
	KUNIT_EXPECT_EQ(test, bt.detaches, 2);
}

/* One array per suite: KUnit keeps each case's status in it. */
static struct kunit_case blk_cases[] = {
	KUNIT_CASE(blk_raw_and_block),
	KUNIT_CASE(blk_names_size),
	KUNIT_CASE(blk_read_write),
	KUNIT_CASE(blk_errors),
	KUNIT_CASE(blk_short),
	KUNIT_CASE(blk_async),
	KUNIT_CASE(blk_flush_discard),
	KUNIT_CASE(blk_runtime_nodes),
	{}
};

static struct kunit_case blk_mq_cases[] = {
	KUNIT_CASE(blk_raw_and_block),
	KUNIT_CASE(blk_names_size),
	KUNIT_CASE(blk_read_write),
	KUNIT_CASE(blk_errors),
	KUNIT_CASE(blk_short),
	KUNIT_CASE(blk_async),
	KUNIT_CASE(blk_flush_discard),
	KUNIT_CASE(blk_runtime_nodes),
	{}
};

static int blk_bio_suite_init(struct kunit_suite *suite)
{
	bt_mq = false;
	return 0;
}

static int blk_mq_suite_init(struct kunit_suite *suite)
{
	bt_mq = true;
	return 0;
}

static struct kunit_suite blk_suite = {
	.name = "ddi_compat_blk",
	.suite_init = blk_bio_suite_init,
	.init = blk_test_init,
	.exit = blk_test_exit,
	.test_cases = blk_cases,
};

static struct kunit_suite blk_mq_suite = {
	.name = "ddi_compat_blk_mq",
	.suite_init = blk_mq_suite_init,
	.init = blk_test_init,
	.exit = blk_test_exit,
	.test_cases = blk_mq_cases,
};

kunit_test_suites(&blk_suite, &blk_mq_suite);
