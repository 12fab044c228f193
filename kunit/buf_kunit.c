// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_buf: struct buf(9S), biodone/biowait and
 * physio(9F) (ddi_compat/buf.c), driven over UIO_SYSSPACE uios with a fake
 * strategy routine (partial transfers, errors, chunking by mincnt,
 * completion from another thread).
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

/* ---- physio over a fake device ---- */

#define FAKE_SIZE	(64 * 1024)

static struct fake_dev {
	char *mem;
	int calls;
	size_t bcounts[64];
	int flags_seen;
	diskaddr_t first_blkno;
	dev_t edev;
	int fail_call;		/* bioerror on this call (1-based), 0: none */
	int short_call;		/* b_resid = half on this call */
	bool async;
	struct work_struct work;
	struct buf *pending;
} fk;

static void fake_finish(struct buf *bp)
{
	char *dev = fk.mem + dbtob((u64)bp->b_lblkno);

	fk.calls++;
	if (fk.calls <= ARRAY_SIZE(fk.bcounts))
		fk.bcounts[fk.calls - 1] = bp->b_bcount;
	if (fk.calls == 1) {
		fk.first_blkno = bp->b_lblkno;
		fk.flags_seen = bp->b_flags;
		fk.edev = bp->b_edev;
	}
	if (fk.calls == fk.fail_call) {
		bioerror(bp, EIO);
		bp->b_resid = bp->b_bcount;
		biodone(bp);
		return;
	}
	bp_mapin(bp);
	if (dbtob((u64)bp->b_lblkno) + bp->b_bcount > FAKE_SIZE) {
		bp->b_resid = bp->b_bcount;
		bioerror(bp, ENXIO);
		biodone(bp);
		return;
	}
	bp->b_resid = fk.calls == fk.short_call ? bp->b_bcount / 2 : 0;
	if (bp->b_flags & B_READ)
		memcpy(bp->b_un.b_addr, dev, bp->b_bcount - bp->b_resid);
	else
		memcpy(dev, bp->b_un.b_addr, bp->b_bcount - bp->b_resid);
	biodone(bp);
}

static void fake_work(struct work_struct *w)
{
	usleep_range(2000, 3000);
	fake_finish(fk.pending);
}

static int fake_strategy(struct buf *bp)
{
	if (fk.async) {
		fk.pending = bp;
		schedule_work(&fk.work);
		return 0;
	}
	fake_finish(bp);
	return 0;
}

static void fake_mincnt_1k(struct buf *bp)
{
	if (bp->b_bcount > 1024)
		bp->b_bcount = 1024;
}

static int buf_test_init(struct kunit *test)
{
	memset(&fk, 0, sizeof(fk));
	INIT_WORK(&fk.work, fake_work);
	fk.mem = kunit_kzalloc(test, FAKE_SIZE, GFP_KERNEL);
	if (!fk.mem)
		return -ENOMEM;
	return 0;
}

static void sys_uio(struct uio *uio, struct iovec *iov, void *buf,
		    size_t len, offset_t off)
{
	iov->iov_base = (void __user __force *)buf;
	iov->iov_len = len;
	memset(uio, 0, sizeof(*uio));
	uio->uio_iov = iov;
	uio->uio_iovcnt = 1;
	uio->uio_loffset = off;
	uio->uio_segflg = UIO_SYSSPACE;
	uio->uio_resid = len;
}

static void physio_full(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 8192, GFP_KERNEL);
	struct iovec iov;
	struct uio uio;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	for (i = 0; i < 8192; i++)
		buf[i] = (char)(i * 7);
	sys_uio(&uio, &iov, buf, 8192, 4096);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, makedevice(5, 3),
				     B_WRITE, minphys, &uio), 0);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 0);
	KUNIT_EXPECT_EQ(test, uio.uio_loffset, 4096 + 8192);
	KUNIT_EXPECT_EQ(test, fk.calls, 1);
	KUNIT_EXPECT_EQ(test, fk.first_blkno, 8);
	KUNIT_EXPECT_EQ(test, fk.edev, makedevice(5, 3));
	KUNIT_EXPECT_TRUE(test, fk.flags_seen & B_PHYS);
	KUNIT_EXPECT_TRUE(test, fk.flags_seen & B_BUSY);
	KUNIT_EXPECT_FALSE(test, fk.flags_seen & B_READ);
	KUNIT_EXPECT_EQ(test, memcmp(fk.mem + 4096, buf, 8192), 0);

	memset(buf, 0, 8192);
	fk.calls = 0;
	sys_uio(&uio, &iov, buf, 8192, 4096);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_READ, minphys,
				     &uio), 0);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 0);
	KUNIT_EXPECT_TRUE(test, fk.flags_seen & B_READ);
	KUNIT_EXPECT_EQ(test, memcmp(fk.mem + 4096, buf, 8192), 0);
}

static void physio_chunks(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, 8192, GFP_KERNEL);
	struct iovec iov;
	struct uio uio;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	sys_uio(&uio, &iov, buf, 8192, 0);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_READ,
				     fake_mincnt_1k, &uio), 0);
	KUNIT_EXPECT_EQ(test, fk.calls, 8);
	for (i = 0; i < 8; i++)
		KUNIT_EXPECT_EQ(test, fk.bcounts[i], 1024);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 0);
	KUNIT_EXPECT_EQ(test, uio.uio_loffset, 8192);
}

static void physio_short(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, 8192, GFP_KERNEL);
	struct iovec iov;
	struct uio uio;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	fk.short_call = 2;
	sys_uio(&uio, &iov, buf, 8192, 0);
	/* A short transfer is not an error; physio stops after it. */
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_WRITE,
				     fake_mincnt_1k, &uio), 0);
	KUNIT_EXPECT_EQ(test, fk.calls, 2);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 8192 - 1024 - 512);
	KUNIT_EXPECT_EQ(test, uio.uio_loffset, 1024 + 512);
}

static void physio_error(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, 4096, GFP_KERNEL);
	struct iovec iov;
	struct uio uio;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	fk.fail_call = 3;
	sys_uio(&uio, &iov, buf, 4096, 0);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_READ,
				     fake_mincnt_1k, &uio), EIO);
	KUNIT_EXPECT_EQ(test, fk.calls, 3);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 4096 - 2048);

	/* Past the fake device's end: its ENXIO comes back. */
	fk.calls = 0;
	fk.fail_call = 0;
	sys_uio(&uio, &iov, buf, 1024, FAKE_SIZE);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_READ, minphys,
				     &uio), ENXIO);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 1024);
}

static void physio_async(struct kunit *test)
{
	char *buf = kunit_kmalloc(test, 4096, GFP_KERNEL);
	struct iovec iov;
	struct uio uio;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(buf, 0x5a, 4096);
	fk.async = true;
	fk.short_call = 4;
	sys_uio(&uio, &iov, buf, 4096, 512);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_WRITE,
				     fake_mincnt_1k, &uio), 0);
	flush_work(&fk.work);
	KUNIT_EXPECT_EQ(test, fk.calls, 4);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 512);
	KUNIT_EXPECT_EQ(test, fk.mem[512], 0x5a);
	KUNIT_EXPECT_EQ(test, fk.mem[512 + 3583], 0x5a);
	KUNIT_EXPECT_EQ(test, fk.mem[512 + 3584], 0);
}

static void physio_misuse(struct kunit *test)
{
	char *buf = kunit_kzalloc(test, 1024, GFP_KERNEL);
	struct iovec iov;
	struct uio uio;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	sys_uio(&uio, &iov, buf, 1024, 0);
	KUNIT_EXPECT_EQ(test, physio(NULL, NULL, 0, B_READ, minphys, &uio),
			EINVAL);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_READ, minphys,
				     NULL), EINVAL);
	sys_uio(&uio, &iov, buf, 1024, 100);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_READ, minphys,
				     &uio), EINVAL);
	sys_uio(&uio, &iov, buf, 1000, 0);
	KUNIT_EXPECT_EQ(test, physio(fake_strategy, NULL, 0, B_READ, minphys,
				     &uio), EINVAL);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 1000);
	KUNIT_EXPECT_EQ(test, fk.calls, 0);
}

static int iodone_calls;

static int count_iodone(struct buf *bp)
{
	iodone_calls++;
	return 0;
}

static void biodone_semantics(struct kunit *test)
{
	struct buf *bp = getrbuf(KM_SLEEP);

	KUNIT_ASSERT_NOT_NULL(test, bp);
	KUNIT_EXPECT_TRUE(test, bp->b_flags & B_BUSY);
	KUNIT_EXPECT_EQ(test, geterror(bp), 0);

	/* b_iodone takes the completion; B_DONE is not set. */
	iodone_calls = 0;
	bp->b_iodone = count_iodone;
	biodone(bp);
	KUNIT_EXPECT_EQ(test, iodone_calls, 1);
	KUNIT_EXPECT_FALSE(test, bp->b_flags & B_DONE);

	bp->b_iodone = NULL;
	bioerror(bp, EIO);
	KUNIT_EXPECT_TRUE(test, bp->b_flags & B_ERROR);
	biodone(bp);
	KUNIT_EXPECT_TRUE(test, bp->b_flags & B_DONE);
	KUNIT_EXPECT_EQ(test, biowait(bp), EIO);
	/* A second biodone is refused with a warning; nothing changes. */
	biodone(bp);
	KUNIT_EXPECT_TRUE(test, bp->b_flags & B_DONE);
	KUNIT_EXPECT_EQ(test, geterror(bp), EIO);

	bioerror(bp, 0);
	KUNIT_EXPECT_FALSE(test, bp->b_flags & B_ERROR);
	KUNIT_EXPECT_EQ(test, geterror(bp), 0);
	/* B_ERROR without an errno reads as EIO. */
	bp->b_flags |= B_ERROR;
	KUNIT_EXPECT_EQ(test, geterror(bp), EIO);

	bioreset(bp);
	KUNIT_EXPECT_EQ(test, bp->b_flags, 0);
	KUNIT_EXPECT_NULL(test, bp->b_iodone);
	freerbuf(bp);
}

static void biowait_async(struct kunit *test)
{
	struct buf *bp = getrbuf(KM_SLEEP);

	KUNIT_ASSERT_NOT_NULL(test, bp);
	fk.pending = bp;
	bp->b_lblkno = 0;
	bp->b_bcount = 512;
	bp->b_un.b_addr = kunit_kzalloc(test, 512, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, bp->b_un.b_addr);
	bp->b_flags |= B_READ;
	fk.mem[0] = 42;
	schedule_work(&fk.work);
	KUNIT_EXPECT_EQ(test, biowait(bp), 0);
	KUNIT_EXPECT_TRUE(test, bp->b_flags & B_DONE);
	KUNIT_EXPECT_EQ(test, bp->b_un.b_addr[0], 42);
	/* bp_mapin of a driver's own kernel buffer changes nothing. */
	bp_mapin(bp);
	KUNIT_EXPECT_FALSE(test, bp->b_flags & B_REMAPPED);
	clrbuf(bp);
	KUNIT_EXPECT_EQ(test, bp->b_un.b_addr[0], 0);
	freerbuf(bp);
}

static void minphys_limit(struct kunit *test)
{
	struct buf b;

	bioinit(&b);
	b.b_bcount = 3 * DDIC_MAXPHYS;
	minphys(&b);
	KUNIT_EXPECT_EQ(test, b.b_bcount, DDIC_MAXPHYS);
	b.b_bcount = 4096;
	minphys(&b);
	KUNIT_EXPECT_EQ(test, b.b_bcount, 4096);
}

static struct kunit_case buf_cases[] = {
	KUNIT_CASE(physio_full),
	KUNIT_CASE(physio_chunks),
	KUNIT_CASE(physio_short),
	KUNIT_CASE(physio_error),
	KUNIT_CASE(physio_async),
	KUNIT_CASE(physio_misuse),
	KUNIT_CASE(biodone_semantics),
	KUNIT_CASE(biowait_async),
	KUNIT_CASE(minphys_limit),
	{}
};

static struct kunit_suite buf_suite = {
	.name = "ddi_compat_buf",
	.init = buf_test_init,
	.test_cases = buf_cases,
};

kunit_test_suite(buf_suite);
