// SPDX-License-Identifier: GPL-2.0
/*
 * struct buf(9S) and the functions around it: biodone(9F), bioerror(9F),
 * geterror(9F), biowait(9F), bioinit/biofini/bioreset(9F),
 * getrbuf/freerbuf(9F), bp_mapin/bp_mapout(9F), clrbuf(9F), minphys(9F)
 * and physio(9F).
 *
 * Three kinds of buf reach a driver's strategy(9E):
 * - block request bufs (blk.c): the data is already in the kernel's
 *   address space, b_un.b_addr points at it and bp_mapin() does nothing;
 *   biodone() hands the buf back to blk.c through the b_ddic_done
 *   hook blk.c set on it (buf.c does not know the block bridge).
 * - physio bufs (B_PHYS): b_un.b_addr is the caller's address, as on
 *   Solaris; the user pages are pinned, and bp_mapin() maps them (the
 *   page's own address for one page, a vmap for more) and points
 *   b_un.b_addr at the mapping.  UIO_SYSSPACE buffers are already
 *   mapped.
 * - a driver's own bufs (getrbuf), which it fills in itself.
 *
 * biowait() sleeps until B_DONE is set; biodone() sets it and wakes the
 * waiter through the hashed wait queue of &bp->b_flags (wake_up_var), so
 * a buf needs no Linux object initialised in it and may be freed by the
 * waiter as soon as it wakes.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/wait_bit.h>
#include <sys/types.h>
#include <sys/buf.h>
#include <sys/uio.h>
#include <sys/kmem.h>
#include <sys/sysmacros.h>
#include <sys/param.h>

#include "ddic_core.h"
#include "devinfo.h"

void bioerror(struct buf *bp, int error)
{
	if (!bp)
		return;
	if (error) {
		bp->b_flags |= B_ERROR;
		bp->b_error = error;
	} else {
		bp->b_flags &= ~B_ERROR;
		bp->b_error = 0;
	}
}
EXPORT_SYMBOL(bioerror);

int geterror(struct buf *bp)
{
	if (!bp || !(bp->b_flags & B_ERROR))
		return 0;
	return bp->b_error ? bp->b_error : EIO;
}
EXPORT_SYMBOL(geterror);

/*
 * As Solaris: a buf with b_iodone set is handed to it and biodone()
 * returns (the routine may clear b_iodone and call biodone() again).
 * Otherwise the buf becomes B_DONE and its owner is told: the block
 * bridge for request bufs, else whoever sleeps in biowait().  A second
 * biodone() of a B_DONE buf is a driver bug: warned about and ignored.
 * Any context.
 */
void biodone(struct buf *bp)
{
	int (*iodone)(struct buf *bp);

	if (!bp) {
		pr_warn("%s: NULL buf\n", __func__);
		return;
	}
	iodone = bp->b_iodone;
	if (iodone) {
		iodone(bp);
		return;
	}
	if (bp->b_ddic_done) {
		/*
		 * Test and set at once: of two biodone()s racing (timeout
		 * and interrupt paths), one completes the piece.  A duplicate
		 * after the bridge reused the buf cannot be told apart.
		 */
		int old = READ_ONCE(bp->b_flags);

		do {
			if (old & B_DONE)
				goto twice;
		} while (!try_cmpxchg(&bp->b_flags, &old, old | B_DONE));
		bp->b_ddic_done(bp);
		return;
	}
	if (READ_ONCE(bp->b_flags) & B_DONE)
		goto twice;
	/* The results (data, b_resid, b_error) before B_DONE. */
	smp_store_release(&bp->b_flags, bp->b_flags | B_DONE);
	/* B_DONE before wake_up_var() looks for waiters. */
	smp_mb();
	wake_up_var(&bp->b_flags);
	return;
twice:
	pr_warn_ratelimited("%s: buf %p completed twice; ignored (%pS)\n",
			    __func__, bp, __builtin_return_address(0));
}
EXPORT_SYMBOL(biodone);

int biowait(struct buf *bp)
{
	if (!bp)
		return EINVAL;
	/* Pairs with biodone()'s smp_store_release() of B_DONE. */
	wait_var_event(&bp->b_flags, smp_load_acquire(&bp->b_flags) & B_DONE);
	return geterror(bp);
}
EXPORT_SYMBOL(biowait);

void bioinit(struct buf *bp)
{
	if (bp)
		memset(bp, 0, sizeof(*bp));
}
EXPORT_SYMBOL(bioinit);

void biofini(struct buf *bp)
{
	if (bp && bp->b_ddi_vmap)
		bp_mapout(bp);
}
EXPORT_SYMBOL(biofini);

void bioreset(struct buf *bp)
{
	biofini(bp);
	bioinit(bp);
}
EXPORT_SYMBOL(bioreset);

struct buf *getrbuf(int sleepflag)
{
	struct buf *bp;

	/* KM_SLEEP cannot fail on Solaris; drivers do not check it. */
	bp = kmalloc(sizeof(*bp), sleepflag & KM_NOSLEEP ? GFP_NOWAIT :
		     GFP_KERNEL | __GFP_NOFAIL);
	if (bp) {
		bioinit(bp);
		bp->b_flags = B_BUSY;
	}
	return bp;
}
EXPORT_SYMBOL(getrbuf);

void freerbuf(struct buf *bp)
{
	if (!bp)
		return;
	biofini(bp);
	kfree(bp);
}
EXPORT_SYMBOL(freerbuf);

void bp_mapin(struct buf *bp)
{
	void *va;

	if (!bp || (bp->b_flags & B_REMAPPED))
		return;
	if (bp->b_ddi_kaddr) {
		bp->b_un.b_addr = bp->b_ddi_kaddr;
		return;
	}
	if (!bp->b_ddi_pages || !bp->b_ddi_npages)
		return;		/* a driver's own buf: its address is kernel */
	if (bp->b_ddi_npages == 1) {
		va = page_address(bp->b_ddi_pages[0]);
	} else {
		va = vmap(bp->b_ddi_pages, bp->b_ddi_npages, VM_MAP,
			  PAGE_KERNEL);
		if (!va) {
			/*
			 * Solaris's bp_mapin cannot fail.  Leave the user
			 * address and report it; physio sees B_ERROR.
			 */
			pr_warn("%s: cannot map %u pages\n", __func__,
				bp->b_ddi_npages);
			bioerror(bp, ENOMEM);
			return;
		}
		bp->b_ddi_vmap = va;
	}
	bp->b_ddi_uaddr = bp->b_un.b_addr;
	bp->b_un.b_addr = (caddr_t)va + bp->b_ddi_pgoff;
	bp->b_flags |= B_REMAPPED;
}
EXPORT_SYMBOL(bp_mapin);

void bp_mapout(struct buf *bp)
{
	if (!bp || !(bp->b_flags & B_REMAPPED))
		return;
	if (bp->b_ddi_vmap) {
		vunmap(bp->b_ddi_vmap);
		bp->b_ddi_vmap = NULL;
	}
	bp->b_un.b_addr = bp->b_ddi_uaddr;
	bp->b_flags &= ~B_REMAPPED;
}
EXPORT_SYMBOL(bp_mapout);

void clrbuf(struct buf *bp)
{
	if (!bp)
		return;
	bp_mapin(bp);
	if (bp->b_un.b_addr && bp->b_bcount)
		memset(bp->b_un.b_addr, 0, bp->b_bcount);
	bp->b_resid = 0;
}
EXPORT_SYMBOL(clrbuf);

void minphys(struct buf *bp)
{
	if (bp && bp->b_bcount > DDIC_MAXPHYS)
		bp->b_bcount = DDIC_MAXPHYS;
}
EXPORT_SYMBOL(minphys);

/* Unpin and forget physio's pages (dirtying them after a read). */
static void ddic_physio_release(struct buf *bp, bool dirty)
{
	bp_mapout(bp);
	if (bp->b_ddi_pages) {
		unpin_user_pages_dirty_lock(bp->b_ddi_pages,
					    bp->b_ddi_npages, dirty);
		kfree(bp->b_ddi_pages);
	}
	bp->b_ddi_pages = NULL;
	bp->b_ddi_npages = 0;
	bp->b_ddi_kaddr = NULL;
}

/* Pin [uaddr, uaddr + len) for one transfer. */
static int ddic_physio_pin(struct buf *bp, unsigned long uaddr, size_t len,
			  bool to_memory)
{
	unsigned long first = uaddr >> PAGE_SHIFT;
	unsigned long last = (uaddr + len - 1) >> PAGE_SHIFT;
	unsigned int n = last - first + 1;
	struct page **pages;
	int got;

	pages = kmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return ENOMEM;
	got = pin_user_pages_fast(uaddr & PAGE_MASK, n,
				  to_memory ? FOLL_WRITE : 0, pages);
	if (got != n) {
		if (got > 0)
			unpin_user_pages(pages, got);
		kfree(pages);
		return got < 0 && got != -EFAULT ? -got : EFAULT;
	}
	bp->b_ddi_pages = pages;
	bp->b_ddi_npages = n;
	bp->b_ddi_pgoff = offset_in_page(uaddr);
	return 0;
}

/*
 * physio(9F): transfer the uio in pieces of at most what mincnt allows,
 * each a B_PHYS|B_BUSY buf handed to strat and waited for.  Stops at the
 * first error or short transfer; uio_resid and uio_offset say what moved.
 * Offsets and lengths must be DEV_BSIZE multiples (EINVAL otherwise, as
 * block drivers' raw nodes require).
 */
int physio(int (*strat)(struct buf *), struct buf *bp, dev_t dev, int rw,
	   void (*mincnt)(struct buf *), struct uio *uio)
{
	bool to_memory = rw & B_READ;
	struct buf *own = NULL;
	int err = 0, i;

	if (!strat || !uio || !uio->uio_iov || uio->uio_iovcnt < 0 ||
	    uio->uio_resid < 0) {
		pr_warn("%s: %s\n", __func__,
			!strat ? "no strategy routine" : "bad uio");
		return EINVAL;
	}
	if (uio->uio_loffset & (DEV_BSIZE - 1)) {
		pr_warn_ratelimited("%s: offset %lld is not a multiple of %d\n",
				    __func__, (long long)uio->uio_loffset,
				    DEV_BSIZE);
		return EINVAL;
	}
	for (i = 0; i < uio->uio_iovcnt; i++) {
		if (uio->uio_iov[i].iov_len & (DEV_BSIZE - 1)) {
			pr_warn_ratelimited("%s: length %zu is not a multiple of %d\n",
					    __func__, uio->uio_iov[i].iov_len,
					    DEV_BSIZE);
			return EINVAL;
		}
	}
	if (uio->uio_segflg != UIO_USERSPACE &&
	    uio->uio_segflg != UIO_SYSSPACE) {
		pr_warn("%s: unsupported uio_segflg %d\n", __func__,
			uio->uio_segflg);
		return EINVAL;
	}
	if (!mincnt)
		mincnt = minphys;
	if (!bp) {
		own = getrbuf(KM_SLEEP);
		if (!own)
			return ENOMEM;
		bp = own;
	}

	while (uio->uio_resid > 0 && uio->uio_iovcnt > 0) {
		iovec_t *iov = uio->uio_iov;
		unsigned long addr = (unsigned long)iov->iov_base;
		size_t want, done;

		if (!iov->iov_len) {
			uio->uio_iov++;
			uio->uio_iovcnt--;
			continue;
		}
		want = min_t(size_t, iov->iov_len, uio->uio_resid);

		/* As Solaris's physio: the caller's own fields stay. */
		bp->b_flags = B_BUSY | B_PHYS | (to_memory ? B_READ : B_WRITE);
		bp->b_error = 0;
		bp->b_ddic_done = NULL;
		bp->b_ddi_pages = NULL;
		bp->b_ddi_npages = 0;
		bp->b_ddi_kaddr = NULL;
		bp->b_ddi_vmap = NULL;
		bp->b_edev = dev;
		bp->b_dev = (o_dev_t)0;
		bp->b_lblkno = uio->uio_loffset >> DEV_BSHIFT;
		bp->b_offset = uio->uio_loffset;
		bp->b_bcount = want;
		mincnt(bp);
		/* A mincnt that does not cap: one buf pins at most this. */
		if (bp->b_bcount > DDIC_MAXPHYS)
			bp->b_bcount = DDIC_MAXPHYS;
		if (!bp->b_bcount || bp->b_bcount > want ||
		    (bp->b_bcount & (DEV_BSIZE - 1))) {
			pr_warn("%s: mincnt left b_bcount %zu (from %zu)\n",
				__func__, bp->b_bcount, want);
			err = EINVAL;
			break;
		}
		want = bp->b_bcount;
		bp->b_un.b_addr = (caddr_t)addr;
		if (uio->uio_segflg == UIO_SYSSPACE) {
			bp->b_ddi_kaddr = (void *)addr;
		} else {
			err = ddic_physio_pin(bp, addr, want, to_memory);
			if (err)
				break;
			/*
			 * Map here, where a failure can be returned:
			 * Solaris strategy routines expect bp_mapin() to
			 * work, so it must not fail under them.
			 */
			bp_mapin(bp);
			if (geterror(bp)) {
				err = geterror(bp);
				ddic_physio_release(bp, false);
				bp->b_un.b_addr = (caddr_t)addr;
				break;
			}
		}
		bp->b_resid = 0;
		(void) strat(bp);
		err = biowait(bp);
		done = bp->b_resid <= want ? want - bp->b_resid : 0;
		ddic_physio_release(bp, to_memory && done);
		bp->b_un.b_addr = (caddr_t)addr;
		bp->b_flags &= ~B_BUSY;

		iov->iov_base = (char __user *)iov->iov_base + done;
		iov->iov_len -= done;
		uio->uio_resid -= done;
		uio->uio_loffset += done;
		if (err || done != want)
			break;
	}
	if (own)
		freerbuf(own);
	return err;
}
EXPORT_SYMBOL(physio);
