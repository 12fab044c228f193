// SPDX-License-Identifier: GPL-2.0
/*
 * DMA: ddi_dma_alloc_handle(9F)/ddi_dma_free_handle(9F),
 * ddi_dma_mem_alloc(9F)/ddi_dma_mem_free(9F), ddi_dma_addr_bind_handle(9F),
 * ddi_dma_buf_bind_handle(9F), ddi_dma_unbind_handle(9F), the cookies
 * (ddi_dma_nextcookie(9F), ddi_dma_ncookies, ddi_dma_cookie_iter,
 * ddi_dma_cookie_get, ddi_dma_cookie_one), the windows of a
 * DDI_DMA_PARTIAL bind (ddi_dma_numwin(9F), ddi_dma_getwin(9F)),
 * ddi_dma_sync(9F), ddi_dma_burstsizes(9F) and ddi_check_dma_handle(9F),
 * over the Linux DMA API of the PCI function behind the dev_info.
 *
 * A handle's dma_attr_addr_hi becomes the device's DMA mask (the
 * smallest mask of the node's live handles: Linux has one mask per
 * device, see ddic_dma_mask_of).  Memory:
 * - DDI_DMA_CONSISTENT memory comes from dma_alloc_coherent(), STREAMING
 *   memory from dma_alloc_pages(): both are placed where the mask
 *   reaches (ZONE_DMA/DMA32 when needed).  A bind inside such memory
 *   uses the address the allocation gave, and ddi_dma_sync() of
 *   STREAMING memory is dma_sync_single_range_for_{cpu,device}().
 * - Other kernel memory of the linear map (kmem_alloc, a buf's
 *   b_un.b_addr) is physically contiguous: it is mapped whole with
 *   dma_map_single() when the device reaches it (the hot path of a
 *   driver binding its own buffer per transfer: no page list, no sg
 *   table), and ddi_dma_sync() is dma_sync_single_range_for_*().
 * - Any other kernel memory, and a buf's pages (physio's pinned user
 *   pages, a block request's data, a driver's own buffer), becomes an
 *   sg_table mapped with dma_map_sgtable() in the direction of the bind;
 *   ddi_dma_sync() is dma_sync_sgtable_for_{cpu,device}() over the whole
 *   table (Linux syncs an sg mapping whole).
 * - If some page lies beyond the mask (without an IOMMU), the object is
 *   bounced here, as illumos's root nexus does with its copy buffers,
 *   whether or not the kernel has a swiotlb (a guest under 4 GiB has
 *   none, and dma-direct would refuse the mapping with a warning): a coherent
 *   buffer the device reaches, filled at bind and at
 *   ddi_dma_sync(FORDEV), copied back at ddi_dma_sync(FORCPU) and at
 *   unbind.
 *
 * The bus ranges are then cut into cookies (into arrays the handle keeps
 * from bind to bind, freed with it) (no cookie crosses a
 * dma_attr_seg boundary or is longer than dma_attr_count_max + 1 or
 * dma_attr_maxxfer) and the cookies into windows of at most
 * dma_attr_sgllen cookies, each but the last a multiple of
 * dma_attr_granular long.  More than one window needs DDI_DMA_PARTIAL
 * (DDI_DMA_PARTIAL_MAP), else the bind fails with DDI_DMA_TOOBIG.
 *
 * Misuse (a bind of a bound handle, an unbind, sync, window or cookie
 * call on an unbound one, a free of a bound handle or of bound memory)
 * is refused with a warning naming the driver and the call, and changes
 * nothing.  Handles are not locked: as on Solaris, a driver serialises
 * its own use of one handle.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/dma-mapping.h>
#include <linux/iommu.h>
#include <linux/slab.h>
#include <linux/mm.h>
#include <linux/vmalloc.h>
#include <linux/cache.h>
#include <linux/scatterlist.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/buf.h>
#include <ddi_compat/testing.h>

#include "ddic_core.h"
#include "devinfo.h"
#include "ddic_pci.h"
#include "ddic_dma.h"

/* The exported functions; <ddi_compat/dma.h> makes these names inline. */
#undef ddi_dma_addr_bind_handle
#undef ddi_dma_sync
#undef ddi_dma_unbind_handle

#define DMM_MAGIC	0x646d6d6d	/* "dmmm" */

/*
 * Memory of ddi_dma_mem_alloc(9F).  Its first fields are
 * <ddi_compat/dma.h>'s struct ddic_dmamem_head (dmm_head()).
 */
struct ddic_dmamem {
	DDIC_DMAMEM_HEAD_FIELDS;
	struct ddic_acc acc;		/* the driver's access handle */
	u32 magic;
	struct device *dev;
	struct ddic_pcinode *pn;
	struct ddic_dma *owner;		/* allocated through it, if live */
	struct list_head link;		/* in pn->dmamems */
};

static struct ddic_dmamem_head *dmm_head(struct ddic_dmamem *m)
{
	return (struct ddic_dmamem_head *)m;
}

static struct ddic_dma_head *dmh_head(struct ddic_dma *h)
{
	return (struct ddic_dma_head *)h;
}

/* Nonzero while dmcb_list has callbacks (dmcb_lock); read unlocked. */
int ddic_dma_cbwait;
EXPORT_SYMBOL(ddic_dma_cbwait);

/* Guards every node's lists of handles and memory, and the masks. */
static DEFINE_SPINLOCK(dmx_lock);

static noinline void dmh_warn(struct ddic_dma *h, const char *call, const char *why)
{
	pr_warn_ratelimited("%s%d: %s: %s; refused\n", h->dip->drv->name,
			    h->dip->instance, call, why);
}

static noinline void dmh_bad(const void *h, const char *call)
{
	pr_warn_ratelimited("%s: %s; refused\n", call,
			    h ? "not a DMA handle" : "NULL DMA handle");
}

/*
 * The handle, or NULL (with a warning) if @handle is not one.  Inline,
 * as dmh_bound(): every DDI DMA call starts here (a call and a return
 * each cost tens of ns under TCG, as much as the call's own work).
 */
static __always_inline struct ddic_dma *dmh_get(ddi_dma_handle_t handle,
						 const char *call)
{
	struct ddic_dma *h = (struct ddic_dma *)handle;

	if (unlikely(!h || h->magic != DDIC_DMH_MAGIC)) {
		dmh_bad(h, call);
		return NULL;
	}
	return h;
}

/* A bound handle, or NULL with a warning naming the call. */
static __always_inline struct ddic_dma *dmh_bound(ddi_dma_handle_t handle,
						   const char *call)
{
	struct ddic_dma *h = dmh_get(handle, call);

	if (h && unlikely(!h->bound)) {
		dmh_warn(h, call, "the handle is not bound");
		return NULL;
	}
	return h;
}

/*
 * DDI_DMA_SLEEP may sleep; DDI_DMA_DONTWAIT and a callback function may
 * not: a call with a callback that fails for want of resources queues
 * the callback (dmcb_later) and returns the failure.
 */
static gfp_t dmx_gfp(int (*waitfp)(caddr_t))
{
	return waitfp == DDI_DMA_SLEEP ? GFP_KERNEL :
	       GFP_ATOMIC | __GFP_NOWARN;
}

/*
 * The callbacks of calls that failed for want of resources (the waitfp
 * of ddi_dma_alloc_handle(9F), ddi_dma_mem_alloc(9F) and the binds).  As
 * on Solaris, each is called with its arg once DMA resources are given
 * back (an unbind, a handle or memory freed); one that returns
 * DDI_DMA_CALLBACK_RUNOUT waits for the next give-back, one that returns
 * DDI_DMA_CALLBACK_DONE is forgotten; a function already waiting with
 * the same arg is not queued twice.  Departure: the callbacks run in a
 * work item (process context), not a soft interrupt.  A driver module's
 * callbacks are dropped when it unloads (ddic_dma_module_going).
 */
struct dmcb {
	struct list_head link;
	int (*fn)(caddr_t arg);
	caddr_t arg;
};

static LIST_HEAD(dmcb_list);
static DEFINE_SPINLOCK(dmcb_lock);
/*
 * Held by dmcb_run for as long as it has callbacks in hand, and by
 * ddic_dma_module_going while it takes a module's off the list: none of
 * them is called after that.  (A flush_work() instead could return while
 * a dmcb_kick() on another CPU had the work pending but not yet queued;
 * the run that followed could then take the list, the module's callbacks
 * with it, just before they were removed.)
 */
static DEFINE_MUTEX(dmcb_run_lock);
static void dmcb_run(struct work_struct *work);
static DECLARE_WORK(dmcb_work, dmcb_run);

static bool dmcb_is_fn(int (*waitfp)(caddr_t))
{
	return waitfp != DDI_DMA_SLEEP && waitfp != DDI_DMA_DONTWAIT;
}

/* Put @cb on the list unless its function and arg are there.  Locked. */
static bool dmcb_add_locked(struct dmcb *cb)
{
	struct dmcb *c;

	list_for_each_entry(c, &dmcb_list, link)
		if (c->fn == cb->fn && c->arg == cb->arg)
			return false;
	list_add_tail(&cb->link, &dmcb_list);
	WRITE_ONCE(ddic_dma_cbwait, 1);
	return true;
}

/* A call with callback @waitfp failed for want of resources.  Any context. */
static void dmcb_later(int (*waitfp)(caddr_t), caddr_t arg)
{
	struct dmcb *cb;
	unsigned long fl;
	bool added;

	if (!dmcb_is_fn(waitfp))
		return;
	cb = kmalloc(sizeof(*cb), GFP_ATOMIC | __GFP_NOWARN);
	if (!cb) {
		pr_warn_ratelimited("DMA callback %ps cannot be queued (no memory); it will not be called\n",
				    waitfp);
		return;
	}
	cb->fn = waitfp;
	cb->arg = arg;
	spin_lock_irqsave(&dmcb_lock, fl);
	added = dmcb_add_locked(cb);
	spin_unlock_irqrestore(&dmcb_lock, fl);
	if (!added)
		kfree(cb);
}

/* DMA resources were given back: run the waiting callbacks.  Any context. */
static void dmcb_kick(void)
{
	if (!list_empty_careful(&dmcb_list))
		queue_work(system_wq, &dmcb_work);
}

static void dmcb_run(struct work_struct *work)
{
	struct dmcb *cb, *n;
	unsigned long fl;
	LIST_HEAD(todo);

	mutex_lock(&dmcb_run_lock);
	spin_lock_irqsave(&dmcb_lock, fl);
	list_splice_init(&dmcb_list, &todo);
	WRITE_ONCE(ddic_dma_cbwait, 0);
	spin_unlock_irqrestore(&dmcb_lock, fl);
	list_for_each_entry_safe(cb, n, &todo, link) {
		list_del(&cb->link);
		if (cb->fn(cb->arg) == DDI_DMA_CALLBACK_RUNOUT) {
			spin_lock_irqsave(&dmcb_lock, fl);
			if (dmcb_add_locked(cb))
				cb = NULL;
			spin_unlock_irqrestore(&dmcb_lock, fl);
		}
		kfree(cb);
	}
	mutex_unlock(&dmcb_run_lock);
}

/* @mod is going: its callbacks go, and none of them is running. */
void ddic_dma_module_going(struct module *mod)
{
	struct dmcb *cb, *n;
	unsigned long fl;
	LIST_HEAD(dead);

	/* A running dmcb_run may put one of them back: wait for it. */
	mutex_lock(&dmcb_run_lock);
	spin_lock_irqsave(&dmcb_lock, fl);
	list_for_each_entry_safe(cb, n, &dmcb_list, link)
		if (within_module((unsigned long)cb->fn, mod))
			list_move(&cb->link, &dead);
	WRITE_ONCE(ddic_dma_cbwait, !list_empty(&dmcb_list));
	spin_unlock_irqrestore(&dmcb_lock, fl);
	mutex_unlock(&dmcb_run_lock);
	list_for_each_entry_safe(cb, n, &dead, link)
		kfree(cb);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_dma_module_going);

/*
 * ddi_compat is going: every driver has gone before it (and its callbacks
 * with it), but a run queued by the last give-back may still be pending.
 */
void ddic_dma_fini(void)
{
	struct dmcb *cb, *n;

	cancel_work_sync(&dmcb_work);
	list_for_each_entry_safe(cb, n, &dmcb_list, link) {
		list_del(&cb->link);
		kfree(cb);
	}
}

u64 ddic_dma_mask_of(u64 addr_hi)
{
	if (addr_hi == U64_MAX)
		return U64_MAX;
	/* The largest 2^n - 1 not above addr_hi. */
	return DMA_BIT_MASK(fls64(addr_hi + 1) - 1);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_dma_mask_of);

const char *ddic_dma_attr_bad(const ddi_dma_attr_t *attr)
{
	if (!attr)
		return "NULL ddi_dma_attr_t";
	if (attr->dma_attr_version != DMA_ATTR_V0)
		return "dma_attr_version is not DMA_ATTR_V0";
	if (attr->dma_attr_addr_hi <= attr->dma_attr_addr_lo)
		return "dma_attr_addr_hi not above dma_attr_addr_lo";
	if (ddic_dma_mask_of(attr->dma_attr_addr_hi) < DMA_BIT_MASK(24))
		return "dma_attr_addr_hi below 16 MiB";
	if (!attr->dma_attr_count_max)
		return "dma_attr_count_max is 0";
	if (!attr->dma_attr_seg)
		return "dma_attr_seg is 0";
	if (!attr->dma_attr_sgllen)
		return "dma_attr_sgllen is 0 (reserved)";
	if (attr->dma_attr_align & (attr->dma_attr_align - 1))
		return "dma_attr_align is not a power of two";
	if (attr->dma_attr_align > SZ_1G)
		return "dma_attr_align above 1 GiB";
	if (attr->dma_attr_flags & ~(DDI_DMA_FORCE_PHYSICAL | DDI_DMA_FLAGERR |
				     DDI_DMA_RELAXED_ORDERING))
		return "unknown dma_attr_flags";
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_dma_attr_bad);

/*
 * Make the device's mask the smallest of its live handles' (dmx_lock
 * held).  Departure: Linux has one DMA mask per device, so a handle with
 * a wider dma_attr_addr_hi than another live handle of the same node
 * gets the narrower one (correct, perhaps slower).
 */
static int dmx_set_mask(struct ddic_pcinode *pn, u64 extra)
{
	struct ddic_dma *h;
	u64 mask = extra;

	lockdep_assert_held(&dmx_lock);
	list_for_each_entry(h, &pn->dmas, link)
		mask = min(mask, h->mask);
	if (mask == U64_MAX && list_empty(&pn->dmas) && extra == U64_MAX)
		mask = DMA_BIT_MASK(32);	/* Linux's default for PCI */
	/*
	 * Set even when it is the mask the device has: from 6.11, Linux's
	 * dma_set_mask() also notes that a coherent device needs no syncs,
	 * and the mask PCI gives a device at first was not set that way.
	 */
	return dma_set_mask_and_coherent(&pn->pdev->dev, mask);
}

static int dmh_grow(void **arr, uint_t *cap, uint_t need, size_t elem,
		    gfp_t gfp)
{
	uint_t ncap;
	void *p;

	if (need <= *cap)
		return 0;
	ncap = max(need, *cap ? *cap * 2 : 8u);
	p = krealloc_array(*arr, ncap, elem, gfp);
	if (!p)
		return -ENOMEM;
	*arr = p;
	*cap = ncap;
	return 0;
}

static struct ddic_dma *dmh_new(dev_info_t *dip, ddi_dma_attr_t *attr,
				gfp_t gfp, const char *call)
{
	const char *why = ddic_dma_attr_bad(attr);
	struct ddic_dma *h;

	if (why) {
		pr_warn_ratelimited("%s%d: %s: %s; refused\n", dip->drv->name,
				    dip->instance, call, why);
		return ERR_PTR(DDI_DMA_BADATTR);
	}
	h = kzalloc(sizeof(*h), gfp);
	if (!h)
		return ERR_PTR(DDI_DMA_NORESOURCES);
	/* Room for the one cookie and window that ddic_dma_set_one() fills. */
	if (dmh_grow((void **)&h->cookies, &h->capcookies, 1,
		     sizeof(*h->cookies), gfp) ||
	    dmh_grow((void **)&h->wins, &h->capwin, 1, sizeof(*h->wins),
		     gfp)) {
		kfree(h->cookies);
		kfree(h);
		return ERR_PTR(DDI_DMA_NORESOURCES);
	}
	h->magic = DDIC_DMH_MAGIC;
	h->dip = dip;
	h->attr = *attr;
	h->mask = ddic_dma_mask_of(attr->dma_attr_addr_hi);
	/* What the inline bind tests, as dmh_cut() and dmh_single_ok() do. */
	h->lo = attr->dma_attr_addr_lo;
	h->hi = attr->dma_attr_addr_hi;
	h->reach = min(h->mask, h->hi);
	h->seg = attr->dma_attr_seg;
	h->lim = attr->dma_attr_count_max;
	if (attr->dma_attr_maxxfer && attr->dma_attr_maxxfer - 1 < h->lim)
		h->lim = attr->dma_attr_maxxfer - 1;
	INIT_LIST_HEAD(&h->link);
	return h;
}

int ddi_dma_alloc_handle(dev_info_t *dip, ddi_dma_attr_t *attr,
			 int (*waitfp)(caddr_t), caddr_t arg,
			 ddi_dma_handle_t *handlep)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, __func__);
	struct ddic_dma *h;
	unsigned long fl;
	int err;

	if (!pn)
		return DDI_DMA_BADATTR;
	if (!handlep) {
		pr_warn("%s%d: %s: NULL handlep; refused\n", dip->drv->name,
			dip->instance, __func__);
		return DDI_DMA_BADATTR;
	}
	h = dmh_new(dip, attr, dmx_gfp(waitfp), __func__);
	if (IS_ERR(h)) {
		if (PTR_ERR(h) == DDI_DMA_NORESOURCES)
			dmcb_later(waitfp, arg);
		return PTR_ERR(h);
	}
	h->pn = pn;
	h->dev = &pn->pdev->dev;
	h->memspan = pn->dmamem_span;
	h->fast = true;
	spin_lock_irqsave(&dmx_lock, fl);
	err = dmx_set_mask(pn, h->mask);
	if (!err)
		list_add_tail(&h->link, &pn->dmas);
	spin_unlock_irqrestore(&dmx_lock, fl);
	if (err) {
		pr_warn("%s%d: %s: the system cannot do DMA below %#llx; refused\n",
			dip->drv->name, dip->instance, __func__,
			attr->dma_attr_addr_hi);
		kfree(h);
		return DDI_DMA_BADATTR;
	}
	*handlep = (ddi_dma_handle_t)h;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dma_alloc_handle);

/* @h no longer names the memory allocated through it (dmx_lock). */
static void dmh_disown(struct ddic_dma *h)
{
	struct ddic_dmamem *m = (struct ddic_dmamem *)h->ownmem;

	if (m)
		m->owner = NULL;
	h->ownmem = NULL;
}

static void dmh_destroy(struct ddic_dma *h)
{
	unsigned long fl;

	if (h->pn) {
		spin_lock_irqsave(&dmx_lock, fl);
		list_del_init(&h->link);
		(void)dmx_set_mask(h->pn, U64_MAX);
		dmh_disown(h);
		spin_unlock_irqrestore(&dmx_lock, fl);
	} else {
		dmh_disown(h);		/* its node is gone: nothing races */
	}
	h->magic = 0;
	kfree(h->cookies);
	kfree(h->wins);
	kfree(h);
}

static int dmh_unbind(struct ddic_dma *h);

void ddi_dma_free_handle(ddi_dma_handle_t *handlep)
{
	struct ddic_dma *h;

	if (!handlep) {
		pr_warn_ratelimited("%s: NULL handlep; refused\n", __func__);
		return;
	}
	h = dmh_get(*handlep, __func__);
	if (!h)
		return;
	if (h->bound) {
		dmh_warn(h, __func__, "the handle is still bound (ddi_dma_unbind_handle first)");
		return;
	}
	dmh_destroy(h);
	*handlep = NULL;
	dmcb_kick();
}
EXPORT_SYMBOL(ddi_dma_free_handle);

/* Failed if the function went offline, as ddi_fm_dma_err_get (fm.c). */
int ddi_check_dma_handle(ddi_dma_handle_t handle)
{
	struct ddic_dma *h = dmh_get(handle, __func__);

	if (!h || ddic_pci_offline(h->pn))
		return DDI_FAILURE;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_check_dma_handle);

int ddi_dma_burstsizes(ddi_dma_handle_t handle)
{
	struct ddic_dma *h = dmh_get(handle, __func__);

	return h ? (int)h->attr.dma_attr_burstsizes : 0;
}
EXPORT_SYMBOL(ddi_dma_burstsizes);

/* --- memory --- */

/*
 * Note the span of @pn's ddi_dma_mem_alloc memory for the inline bind,
 * which binds nothing inside it (dmx_lock).
 */
static void dmm_span(struct ddic_pcinode *pn)
{
	unsigned long lo = ULONG_MAX, end = 0;
	struct ddic_dmamem *m;

	lockdep_assert_held(&dmx_lock);
	list_for_each_entry(m, &pn->dmamems, link) {
		lo = min_t(unsigned long, lo, (unsigned long)m->kaddr);
		end = max_t(unsigned long, end,
			    (unsigned long)m->kaddr + m->len);
	}
	WRITE_ONCE(pn->dmamem_span[0], lo);
	WRITE_ONCE(pn->dmamem_span[1], end);
}

static void dmm_release(struct ddic_dmamem *m)
{
	if (m->coherent)
		dma_free_coherent(m->dev, m->len, m->kaddr, m->dma);
	else
		dma_free_pages(m->dev, m->len, virt_to_page(m->kaddr), m->dma,
			       DMA_BIDIRECTIONAL);
	m->magic = 0;
	kfree(m);
}

int ddi_dma_mem_alloc(ddi_dma_handle_t handle, size_t length,
		      ddi_device_acc_attr_t *accattrp, uint_t flags,
		      int (*waitfp)(caddr_t), caddr_t arg, caddr_t *kaddrp,
		      size_t *real_length, ddi_acc_handle_t *handlep)
{
	struct ddic_dma *h = dmh_get(handle, __func__);
	uint_t cache = flags & IOMEM_DATA_MASK;
	gfp_t gfp = dmx_gfp(waitfp);
	const char *why = NULL;
	struct ddic_dmamem *m;
	size_t unit, real, size;
	u64 align, lo, hi;
	unsigned long fl;
	struct page *pg;

	if (!h)
		return DDI_FAILURE;
	if (!h->pn)
		why = "a handle without a device";
	else if (!kaddrp || !handlep || !accattrp)
		why = "NULL argument";
	else if (!length)
		why = "length 0";
	else if ((accattrp->devacc_attr_version != DDI_DEVICE_ATTR_V0 &&
		  accattrp->devacc_attr_version != DDI_DEVICE_ATTR_V1) ||
		 accattrp->devacc_attr_endian_flags > DDI_STRUCTURE_BE_ACC)
		why = "bad ddi_device_acc_attr_t";
	else if (!!(flags & DDI_DMA_CONSISTENT) ==
		 !!(flags & DDI_DMA_STREAMING))
		why = "flags must have one of DDI_DMA_CONSISTENT and DDI_DMA_STREAMING";
	else if (cache && cache != IOMEM_DATA_CACHED &&
		 cache != IOMEM_DATA_UNCACHED &&
		 cache != IOMEM_DATA_UC_WR_COMBINE)
		why = "more than one IOMEM_DATA_* cache attribute";
	if (why) {
		dmh_warn(h, __func__, why);
		return DDI_FAILURE;
	}

	/*
	 * real_length: a multiple of dma_attr_minxfer, and for STREAMING
	 * memory of the cache line too, as the manual page describes.
	 * Departure: IOMEM_DATA_UNCACHED and _UC_WR_COMBINE are accepted
	 * and the memory stays cached (x86 DMA is cache-coherent, so the
	 * device sees what an uncached mapping would give).
	 */
	unit = max_t(size_t, h->attr.dma_attr_minxfer, 1);
	if (flags & DDI_DMA_STREAMING)
		unit = max_t(size_t, unit, cache_line_size());
	if (length > SIZE_MAX - unit) {
		dmh_warn(h, __func__, "length too big");
		return DDI_FAILURE;
	}
	real = roundup(length, unit);
	align = max_t(u64, h->attr.dma_attr_align, 1);
	/* Linux's allocations are aligned to their power-of-two size. */
	size = PAGE_ALIGN(max_t(u64, real, align));

	m = kzalloc(sizeof(*m), gfp);
	if (!m) {
		dmcb_later(waitfp, arg);
		return DDI_FAILURE;
	}
	m->magic = DMM_MAGIC;
	m->dev = h->dev;
	m->pn = h->pn;
	m->len = size;
	m->coherent = flags & DDI_DMA_CONSISTENT;
	if (m->coherent) {
		m->kaddr = dma_alloc_coherent(m->dev, size, &m->dma, gfp);
	} else {
		pg = dma_alloc_pages(m->dev, size, &m->dma, DMA_BIDIRECTIONAL,
				     gfp);
		/* 6.1's DMA API checker wants the address checked too. */
		if (pg && dma_mapping_error(m->dev, m->dma)) {
			dma_free_pages(m->dev, size, pg, m->dma,
				       DMA_BIDIRECTIONAL);
			pg = NULL;
		}
		m->kaddr = pg ? page_address(pg) : NULL;
	}
	if (!m->kaddr) {
		kfree(m);
		dmcb_later(waitfp, arg);
		return DDI_FAILURE;
	}
	lo = h->attr.dma_attr_addr_lo;
	hi = h->attr.dma_attr_addr_hi;
	if ((m->dma & (align - 1)) || m->dma < lo || m->dma + real - 1 > hi) {
		pr_warn_ratelimited("%s%d: %s: memory at %pad is outside dma_attr_addr_lo/hi or not aligned\n",
				    h->dip->drv->name, h->dip->instance,
				    __func__, &m->dma);
		dmm_release(m);
		return DDI_FAILURE;
	}
	m->acc.kind = DDIC_ACC_DMA;
	m->acc.base = (unsigned long)m->kaddr;
	m->acc.len = real;
	m->acc.pn = h->pn;
	m->acc.what = "ddi_dma_mem_alloc";
	m->acc.swap = accattrp->devacc_attr_endian_flags == DDI_STRUCTURE_BE_ACC;
	m->acc.attr_access = DDI_DEFAULT_ACC;
	INIT_LIST_HEAD(&m->acc.link);
	spin_lock_irqsave(&dmx_lock, fl);
	list_add_tail(&m->link, &h->pn->dmamems);
	dmm_span(h->pn);
	dmh_disown(h);
	m->owner = h;
	WRITE_ONCE(h->ownmem, dmm_head(m));
	spin_unlock_irqrestore(&dmx_lock, fl);
	*kaddrp = m->kaddr;
	if (real_length)
		*real_length = real;
	*handlep = (ddi_acc_handle_t)&m->acc;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dma_mem_alloc);

void ddi_dma_mem_free(ddi_acc_handle_t *handlep)
{
	struct ddic_dmamem *m;
	struct ddic_acc *a;
	unsigned long fl;

	if (!handlep || !*handlep) {
		pr_warn_ratelimited("%s: no handle; refused\n", __func__);
		return;
	}
	a = (struct ddic_acc *)*handlep;
	m = container_of(a, struct ddic_dmamem, acc);
	if (a->kind != DDIC_ACC_DMA || m->magic != DMM_MAGIC) {
		ddic_acc_warn(a, __func__, "not a ddi_dma_mem_alloc handle", 0);
		return;
	}
	spin_lock_irqsave(&dmx_lock, fl);
	if (atomic_read(&m->binds)) {
		spin_unlock_irqrestore(&dmx_lock, fl);
		ddic_acc_warn(a, __func__,
			      "the memory is still bound to a DMA handle", 0);
		return;
	}
	list_del(&m->link);
	dmm_span(m->pn);
	if (m->owner)
		dmh_disown(m->owner);
	spin_unlock_irqrestore(&dmx_lock, fl);
	dmm_release(m);
	*handlep = NULL;
	dmcb_kick();
}
EXPORT_SYMBOL(ddi_dma_mem_free);

/* --- cookies and windows --- */

static int dmh_add_cookie(struct ddic_dma *h, uint_t at, u64 addr, u64 len,
			  gfp_t gfp)
{
	ddi_dma_cookie_t *c;

	if (dmh_grow((void **)&h->cookies, &h->capcookies, h->ncookies + 1,
		     sizeof(*c), gfp))
		return -ENOMEM;
	c = &h->cookies[at];
	if (at < h->ncookies)
		memmove(c + 1, c, (h->ncookies - at) * sizeof(*c));
	memset(c, 0, sizeof(*c));
	c->dmac_laddress = addr;
	c->dmac_size = len;
	h->ncookies++;
	return 0;
}

/*
 * Cut the bus ranges @segs into cookies and windows by the handle's
 * attributes; a DDI_DMA_* result.
 */
static int dmh_cut(struct ddic_dma *h, const struct ddic_dmaseg *segs,
		   uint_t nsegs, gfp_t gfp)
{
	const ddi_dma_attr_t *at = &h->attr;
	u64 lim = at->dma_attr_count_max, gran, wlen, r;
	uint_t sgl, i, k;
	off_t off = 0;

	if (at->dma_attr_maxxfer && at->dma_attr_maxxfer - 1 < lim)
		lim = at->dma_attr_maxxfer - 1;
	sgl = at->dma_attr_sgllen < 0 ? UINT_MAX : at->dma_attr_sgllen;
	gran = max_t(u64, at->dma_attr_granular, 1);
	h->ncookies = 0;
	h->nwin = 0;

	/*
	 * One range the attributes do not cut: one cookie, one window, the
	 * inline bind's test and fill (dmh_new made room for them).
	 */
	if (nsegs == 1 && segs->len &&
	    ddic_dma_one_cookie(dmh_head(h), segs->addr, segs->len)) {
		ddic_dma_set_one(dmh_head(h), segs->addr, segs->len);
		return DDI_DMA_MAPPED;
	}

	for (i = 0; i < nsegs; i++) {
		u64 a = segs[i].addr, left = segs[i].len;

		if (a < at->dma_attr_addr_lo || left - 1 > at->dma_attr_addr_hi ||
		    a > at->dma_attr_addr_hi - (left - 1))
			return DDI_DMA_NOMAPPING;
		while (left) {
			u64 piece = left, bend = a | at->dma_attr_seg;

			if (lim != U64_MAX && piece > lim + 1)
				piece = lim + 1;
			if (bend != U64_MAX && piece > bend - a + 1)
				piece = bend - a + 1;
			if (dmh_add_cookie(h, h->ncookies, a, piece, gfp))
				return DDI_DMA_NORESOURCES;
			a += piece;
			left -= piece;
		}
	}

	for (i = 0; i < h->ncookies; i += k) {
		struct ddic_dmawin *w;

		k = min(sgl, h->ncookies - i);
		for (wlen = 0, r = 0; r < k; r++)
			wlen += h->cookies[i + r].dmac_size;
		/* Not the last window: a multiple of the granularity. */
		r = i + k < h->ncookies ? wlen % gran : 0;
		wlen -= r;
		while (r) {
			ddi_dma_cookie_t *c = &h->cookies[i + k - 1];

			if (c->dmac_size <= r) {
				r -= c->dmac_size;
				k--;
				continue;
			}
			c->dmac_size -= r;
			if (dmh_add_cookie(h, i + k, c->dmac_laddress +
					   c->dmac_size, r, gfp))
				return DDI_DMA_NORESOURCES;
			r = 0;
		}
		if (!k)
			return DDI_DMA_TOOBIG;	/* no window can be made */
		if (dmh_grow((void **)&h->wins, &h->capwin, h->nwin + 1,
			     sizeof(*w), gfp))
			return DDI_DMA_NORESOURCES;
		w = &h->wins[h->nwin++];
		w->off = off;
		w->len = wlen;
		w->first = i;
		w->n = k;
		off += wlen;
	}
	if (!h->nwin)
		return DDI_DMA_NOMAPPING;
	if (h->nwin > 1 && !(h->flags & DDI_DMA_PARTIAL))
		return DDI_DMA_TOOBIG;
	return h->nwin > 1 ? DDI_DMA_PARTIAL_MAP : DDI_DMA_MAPPED;
}

static void dmh_out(struct ddic_dma *h, ddi_dma_cookie_t *cookiep,
		    uint_t *ccountp)
{
	struct ddic_dmawin *w = &h->wins[h->win];

	h->next = 1;
	if (cookiep)
		*cookiep = h->cookies[w->first];
	if (ccountp)
		*ccountp = w->n;
}

/* --- binding --- */

/* Copy between the object's pages and the bounce buffer. */
static void dmh_bounce(struct ddic_dma *h, size_t off, size_t len,
		       bool to_dev)
{
	if (to_dev)
		sg_pcopy_to_buffer(h->sgt.sgl, h->sgt.orig_nents,
				   (char *)h->bounce + off, len, off);
	else
		sg_pcopy_from_buffer(h->sgt.sgl, h->sgt.orig_nents,
				     (char *)h->bounce + off, len, off);
}

/* Whether the device can reach every page of the table. */
static bool dmh_reachable(struct ddic_dma *h)
{
	u64 lo = h->attr.dma_attr_addr_lo;
	/* The device's mask may be narrower: another handle's. */
	u64 hi = min3(h->mask, h->attr.dma_attr_addr_hi, dma_get_mask(h->dev));
	struct scatterlist *s;
	unsigned int i;

	if (device_iommu_mapped(h->dev))
		return true;
	for_each_sgtable_sg(&h->sgt, s, i) {
		phys_addr_t p = sg_phys(s);

		if (p < lo || p + s->length - 1 > hi)
			return false;
	}
	return true;
}

static void dmh_release(struct ddic_dma *h)
{
	switch (h->kind) {
	case DDIC_DMK_MEM:
		atomic_dec(&h->mem->binds);
		h->mem = NULL;
		break;
	case DDIC_DMK_SG:
		dma_unmap_sgtable(h->dev, &h->sgt, h->dir, 0);
		sg_free_table(&h->sgt);
		break;
	case DDIC_DMK_BOUNCE:
		dma_free_coherent(h->dev, PAGE_ALIGN(h->len), h->bounce,
				  h->bounce_dma);
		h->bounce = NULL;
		sg_free_table(&h->sgt);
		break;
	case DDIC_DMK_SINGLE:
		dma_unmap_single(h->dev, h->single_dma, h->len, h->dir);
		break;
	}
	/* The cookie and window arrays stay for the next bind. */
	h->ncookies = h->nwin = 0;
	h->kind = 0;
}

/*
 * Whether [@kaddr, +@len) is linear-map memory (physically contiguous)
 * that the device reaches as it is: then dma_map_single() maps it.
 */
static bool dmh_single_ok(struct ddic_dma *h, void *kaddr, size_t len)
{
	phys_addr_t p;
	u64 hi;

	if (is_vmalloc_addr(kaddr) || !virt_addr_valid(kaddr) ||
	    !virt_addr_valid(kaddr + len - 1))
		return false;
	if (device_iommu_mapped(h->dev))
		return true;
	p = virt_to_phys(kaddr);
	hi = min3(h->mask, h->attr.dma_attr_addr_hi, dma_get_mask(h->dev));
	return p >= h->attr.dma_attr_addr_lo && len - 1 <= hi - p &&
	       p <= hi;
}

/* The ddi_dma_mem_alloc memory of @h's node holding [kaddr, +len). */
static struct ddic_dmamem *dmh_find_mem(struct ddic_dma *h, void *kaddr,
					size_t len)
{
	struct ddic_dmamem *m, *found = NULL;
	unsigned long fl;

	/*
	 * No such memory on the node (the common bind of a driver's own
	 * buffer): no lock.  Memory a driver binds was allocated before the
	 * bind, so a racing allocation is of other memory.
	 */
	if (list_empty(&h->pn->dmamems))
		return NULL;
	spin_lock_irqsave(&dmx_lock, fl);
	list_for_each_entry(m, &h->pn->dmamems, link) {
		if (kaddr >= m->kaddr && len <= m->len &&
		    kaddr - m->kaddr <= m->len - len) {
			atomic_inc(&m->binds);
			found = m;
			break;
		}
	}
	spin_unlock_irqrestore(&dmx_lock, fl);
	return found;
}

static int dmh_pages_of(void *kaddr, size_t len, struct page ***pagesp,
			unsigned int *np, gfp_t gfp)
{
	unsigned long start = (unsigned long)kaddr & PAGE_MASK;
	unsigned int n = DIV_ROUND_UP(offset_in_page(kaddr) + len, PAGE_SIZE);
	struct page **pages;
	unsigned int i;

	pages = kmalloc_array(n, sizeof(*pages), gfp);
	if (!pages)
		return DDI_DMA_NORESOURCES;
	for (i = 0; i < n; i++) {
		void *va = (void *)(start + i * PAGE_SIZE);

		if (is_vmalloc_addr(va)) {
			pages[i] = vmalloc_to_page(va);
		} else if (virt_addr_valid(va)) {
			pages[i] = virt_to_page(va);
		} else {
			kfree(pages);
			return DDI_DMA_NOMAPPING;
		}
		if (!pages[i]) {
			kfree(pages);
			return DDI_DMA_NOMAPPING;
		}
	}
	*pagesp = pages;
	*np = n;
	return 0;
}

/*
 * Bind @h to @len bytes at kernel address @kaddr, or, with @pages, to
 * @len bytes from @pgoff in @npages pages.
 */
static int dmh_bind(struct ddic_dma *h, void *kaddr, struct page **pages,
		    unsigned int npages, unsigned int pgoff, size_t len,
		    uint_t flags, int (*waitfp)(caddr_t),
		    ddi_dma_cookie_t *cookiep, uint_t *ccountp,
		    const char *call)
{
	gfp_t gfp = dmx_gfp(waitfp);
	struct ddic_dmamem *mem;
	struct page **own = NULL;
	struct ddic_dmaseg *segs = NULL, one;
	struct scatterlist *s;
	uint_t nsegs = 0, i;
	int ret;

	if (h->bound) {
		dmh_warn(h, call, "the handle is already bound");
		return DDI_DMA_INUSE;
	}
	if (!h->pn) {
		dmh_warn(h, call, "a handle without a device");
		return DDI_DMA_NOMAPPING;
	}
	if (!(flags & DDI_DMA_RDWR) || !len) {
		dmh_warn(h, call, len ? "no DDI_DMA_READ or DDI_DMA_WRITE" :
			 "length 0");
		return DDI_DMA_NOMAPPING;
	}
	h->flags = flags;
	h->len = len;
	h->win = 0;
	h->dir = (flags & DDI_DMA_RDWR) == DDI_DMA_RDWR ? DMA_BIDIRECTIONAL :
		 flags & DDI_DMA_READ ? DMA_FROM_DEVICE : DMA_TO_DEVICE;

	/* Inside ddi_dma_mem_alloc memory: its bus address. */
	if (kaddr) {
		mem = dmh_find_mem(h, kaddr, len);
		if (mem) {
			h->mem = dmm_head(mem);
			h->kind = DDIC_DMK_MEM;
			h->memoff = kaddr - h->mem->kaddr;
			one.addr = h->mem->dma + h->memoff;
			one.len = len;
			ret = dmh_cut(h, &one, 1, gfp);
			goto cut;
		}
		if (dmh_single_ok(h, kaddr, len)) {
			h->single_dma = dma_map_single(h->dev, kaddr, len,
						       h->dir);
			if (dma_mapping_error(h->dev, h->single_dma)) {
				ret = DDI_DMA_NORESOURCES;
				goto fail;
			}
			h->kind = DDIC_DMK_SINGLE;
			one.addr = h->single_dma;
			one.len = len;
			ret = dmh_cut(h, &one, 1, gfp);
			goto cut;
		}
		ret = dmh_pages_of(kaddr, len, &own, &npages, gfp);
		if (ret)
			goto fail_warn;
		pages = own;
		pgoff = offset_in_page(kaddr);
	}
	/* Segments no longer than the device takes (the DMA API checks). */
	ret = sg_alloc_table_from_pages_segment(&h->sgt, pages, npages, pgoff,
						len,
						dma_get_max_seg_size(h->dev),
						gfp);
	kfree(own);
	if (ret) {
		ret = DDI_DMA_NORESOURCES;
		goto fail;
	}

	if (!dmh_reachable(h)) {
		/* Beyond the device's reach: bounce here, not in swiotlb. */
		h->bounce = dma_alloc_coherent(h->dev, PAGE_ALIGN(len),
					       &h->bounce_dma, gfp);
		if (!h->bounce) {
			sg_free_table(&h->sgt);
			ret = DDI_DMA_NORESOURCES;
			goto fail;
		}
		h->kind = DDIC_DMK_BOUNCE;
		dmh_bounce(h, 0, len, true);
		one.addr = h->bounce_dma;
		one.len = len;
		ret = dmh_cut(h, &one, 1, gfp);
		goto cut;
	}
	if (dma_map_sgtable(h->dev, &h->sgt, h->dir, 0)) {
		sg_free_table(&h->sgt);
		ret = DDI_DMA_NORESOURCES;
		goto fail;
	}
	h->kind = DDIC_DMK_SG;
	segs = kmalloc_array(h->sgt.nents, sizeof(*segs), gfp);
	if (!segs) {
		ret = DDI_DMA_NORESOURCES;
		goto cut;
	}
	for_each_sgtable_dma_sg(&h->sgt, s, i) {
		segs[nsegs].addr = sg_dma_address(s);
		segs[nsegs++].len = sg_dma_len(s);
	}
	ret = dmh_cut(h, segs, nsegs, gfp);
	kfree(segs);
cut:
	if (ret != DDI_DMA_MAPPED && ret != DDI_DMA_PARTIAL_MAP) {
		dmh_release(h);
		goto fail_warn;
	}
	h->bound = true;
	dmh_out(h, cookiep, ccountp);
	return ret;

fail_warn:
	if (ret == DDI_DMA_TOOBIG)
		pr_warn_ratelimited("%s%d: %s: %zu bytes need more than dma_attr_sgllen %d cookies (or granular %u) and no DDI_DMA_PARTIAL; refused\n",
				    h->dip->drv->name, h->dip->instance, call,
				    len, h->attr.dma_attr_sgllen,
				    h->attr.dma_attr_granular);
	else if (ret == DDI_DMA_NOMAPPING)
		pr_warn_ratelimited("%s%d: %s: the object cannot be mapped within dma_attr_addr_lo/hi; refused\n",
				    h->dip->drv->name, h->dip->instance, call);
fail:
	h->kind = 0;
	return ret;
}

/*
 * Departure: only kernel addresses are bound (as NULL or &kas); a user
 * address space is refused (DDI_DMA_NOMAPPING): user memory reaches a
 * driver as a physio buf, bound with ddi_dma_buf_bind_handle(9F).
 */
int ddi_dma_addr_bind_handle(ddi_dma_handle_t handle, struct as *as,
			     caddr_t addr, size_t len, uint_t flags,
			     int (*waitfp)(caddr_t), caddr_t arg,
			     ddi_dma_cookie_t *cookiep, uint_t *ccountp)
{
	struct ddic_dma *h = dmh_get(handle, __func__);
	int ret;

	if (!h)
		return DDI_DMA_NOMAPPING;
	if (as || !addr) {
		dmh_warn(h, __func__, as ? "a user address space" :
			 "NULL address");
		return DDI_DMA_NOMAPPING;
	}
	ret = dmh_bind(h, addr, NULL, 0, 0, len, flags, waitfp, cookiep,
		       ccountp, __func__);
	if (ret == DDI_DMA_NORESOURCES)
		dmcb_later(waitfp, arg);
	return ret;
}
EXPORT_SYMBOL(ddi_dma_addr_bind_handle);

/*
 * A buf: physio's pinned user pages, or data already in the kernel's
 * address space (a block request, a driver's own buf).  The direction
 * is the caller's @flags, as on Solaris (B_READ is DDI_DMA_READ).
 */
int ddi_dma_buf_bind_handle(ddi_dma_handle_t handle, struct buf *bp,
			    uint_t flags, int (*waitfp)(caddr_t), caddr_t arg,
			    ddi_dma_cookie_t *cookiep, uint_t *ccountp)
{
	struct ddic_dma *h = dmh_get(handle, __func__);
	void *kaddr;
	int ret;

	if (!h)
		return DDI_DMA_NOMAPPING;
	if (!bp) {
		dmh_warn(h, __func__, "NULL buf");
		return DDI_DMA_NOMAPPING;
	}
	if (bp->b_ddi_pages && bp->b_ddi_npages) {
		ret = dmh_bind(h, NULL, bp->b_ddi_pages, bp->b_ddi_npages,
			       bp->b_ddi_pgoff, bp->b_bcount, flags, waitfp,
			       cookiep, ccountp, __func__);
	} else {
		kaddr = bp->b_ddi_kaddr ? bp->b_ddi_kaddr : bp->b_un.b_addr;
		if (!kaddr || (unsigned long)kaddr < TASK_SIZE_MAX) {
			dmh_warn(h, __func__,
				 "a buf whose data is not in the kernel");
			return DDI_DMA_NOMAPPING;
		}
		ret = dmh_bind(h, kaddr, NULL, 0, 0, bp->b_bcount, flags,
			       waitfp, cookiep, ccountp, __func__);
	}
	if (ret == DDI_DMA_NORESOURCES)
		dmcb_later(waitfp, arg);
	return ret;
}
EXPORT_SYMBOL(ddi_dma_buf_bind_handle);

static int dmh_unbind(struct ddic_dma *h)
{
	if (h->kind == DDIC_DMK_BOUNCE && h->dir != DMA_TO_DEVICE)
		dmh_bounce(h, 0, h->len, false);
	else if (h->kind == DDIC_DMK_MEM && !h->mem->coherent)
		dma_sync_single_range_for_cpu(h->dev, h->mem->dma, h->memoff,
					      h->len, DMA_BIDIRECTIONAL);
	dmh_release(h);
	h->bound = false;
	return DDI_SUCCESS;
}

int ddi_dma_unbind_handle(ddi_dma_handle_t handle)
{
	struct ddic_dma *h = dmh_bound(handle, __func__);

	if (!h)
		return DDI_FAILURE;
	dmh_unbind(h);
	dmcb_kick();
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dma_unbind_handle);

/* --- cookies, windows, sync --- */

void ddi_dma_nextcookie(ddi_dma_handle_t handle, ddi_dma_cookie_t *cookiep)
{
	struct ddic_dma *h = dmh_bound(handle, __func__);
	struct ddic_dmawin *w;

	if (!h || !cookiep)
		return;
	w = &h->wins[h->win];
	if (h->next >= w->n) {
		/* Undefined on Solaris: here a warning and a zero cookie. */
		dmh_warn(h, __func__, "no more cookies in the window");
		memset(cookiep, 0, sizeof(*cookiep));
		return;
	}
	*cookiep = h->cookies[w->first + h->next++];
}
EXPORT_SYMBOL(ddi_dma_nextcookie);

uint_t ddi_dma_ncookies(ddi_dma_handle_t handle)
{
	struct ddic_dma *h = dmh_get(handle, __func__);

	return h && h->bound ? h->wins[h->win].n : 0;
}
EXPORT_SYMBOL(ddi_dma_ncookies);

const ddi_dma_cookie_t *ddi_dma_cookie_get(ddi_dma_handle_t handle,
					   uint_t index)
{
	struct ddic_dma *h = dmh_get(handle, __func__);
	struct ddic_dmawin *w;

	if (!h || !h->bound)
		return NULL;
	w = &h->wins[h->win];
	return index < w->n ? &h->cookies[w->first + index] : NULL;
}
EXPORT_SYMBOL(ddi_dma_cookie_get);

const ddi_dma_cookie_t *ddi_dma_cookie_iter(ddi_dma_handle_t handle,
					    const ddi_dma_cookie_t *cookiep)
{
	struct ddic_dma *h = dmh_get(handle, __func__);
	struct ddic_dmawin *w;
	const ddi_dma_cookie_t *first;

	if (!h || !h->bound)
		return NULL;
	w = &h->wins[h->win];
	first = &h->cookies[w->first];
	if (!cookiep)
		return first;
	if (cookiep < first || cookiep >= first + w->n) {
		dmh_warn(h, __func__, "not a cookie of the handle's window");
		return NULL;
	}
	return cookiep + 1 < first + w->n ? cookiep + 1 : NULL;
}
EXPORT_SYMBOL(ddi_dma_cookie_iter);

/*
 * Departure: Solaris panics when the handle has not exactly one cookie;
 * here a warning, and the first cookie (a zero cookie if unbound).
 */
const ddi_dma_cookie_t *ddi_dma_cookie_one(ddi_dma_handle_t handle)
{
	static const ddi_dma_cookie_t none;
	struct ddic_dma *h = dmh_get(handle, __func__);

	if (!h)
		return &none;
	if (!h->bound || h->wins[h->win].n != 1) {
		dmh_warn(h, __func__, "the handle has not exactly one cookie");
		if (!h->bound)
			return &none;
	}
	return &h->cookies[h->wins[h->win].first];
}
EXPORT_SYMBOL(ddi_dma_cookie_one);

int ddi_dma_numwin(ddi_dma_handle_t handle, uint_t *nwinp)
{
	struct ddic_dma *h = dmh_bound(handle, __func__);

	if (!h || !nwinp)
		return DDI_FAILURE;
	*nwinp = h->nwin;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dma_numwin);

int ddi_dma_getwin(ddi_dma_handle_t handle, uint_t win, off_t *offp,
		   size_t *lenp, ddi_dma_cookie_t *cookiep, uint_t *ccountp)
{
	struct ddic_dma *h = dmh_bound(handle, __func__);

	if (!h)
		return DDI_FAILURE;
	if (win >= h->nwin) {
		dmh_warn(h, __func__, "no such window");
		return DDI_FAILURE;
	}
	h->win = win;
	if (offp)
		*offp = h->wins[win].off;
	if (lenp)
		*lenp = h->wins[win].len;
	dmh_out(h, cookiep, ccountp);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dma_getwin);

/*
 * Length 0, or a length reaching past the end of the object, covers the
 * rest of the object.  DDI_DMA_SYNC_FORKERNEL is DDI_DMA_SYNC_FORCPU.
 */
int ddi_dma_sync(ddi_dma_handle_t handle, off_t offset, size_t length,
		 uint_t type)
{
	struct ddic_dma *h = dmh_bound(handle, __func__);
	bool to_dev = type == DDI_DMA_SYNC_FORDEV;

	if (!h)
		return DDI_FAILURE;
	if (type > DDI_DMA_SYNC_FORKERNEL) {
		dmh_warn(h, __func__, "unknown sync type");
		return DDI_FAILURE;
	}
	if (offset < 0 || offset >= h->len) {
		dmh_warn(h, __func__, "offset outside the object");
		return DDI_FAILURE;
	}
	if (!length || length > h->len - offset)
		length = h->len - offset;
	switch (h->kind) {
	case DDIC_DMK_MEM:
		if (h->mem->coherent)
			break;
		if (to_dev)
			dma_sync_single_range_for_device(h->dev, h->mem->dma,
							 h->memoff + offset,
							 length,
							 DMA_BIDIRECTIONAL);
		else
			dma_sync_single_range_for_cpu(h->dev, h->mem->dma,
						      h->memoff + offset,
						      length,
						      DMA_BIDIRECTIONAL);
		break;
	case DDIC_DMK_SINGLE:
		if (to_dev)
			dma_sync_single_range_for_device(h->dev, h->single_dma,
							 offset, length, h->dir);
		else
			dma_sync_single_range_for_cpu(h->dev, h->single_dma,
						      offset, length, h->dir);
		break;
	case DDIC_DMK_SG:
		if (to_dev)
			dma_sync_sgtable_for_device(h->dev, &h->sgt, h->dir);
		else
			dma_sync_sgtable_for_cpu(h->dev, &h->sgt, h->dir);
		break;
	case DDIC_DMK_BOUNCE:
		if (to_dev ? h->dir != DMA_FROM_DEVICE :
			     h->dir != DMA_TO_DEVICE)
			dmh_bounce(h, offset, length, to_dev);
		break;
	}
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dma_sync);

/* --- a node going away, and KUnit --- */

void ddic_dma_node_gone(struct ddic_pcinode *pn)
{
	struct ddic_dmamem *m, *mt;
	struct ddic_dma *h, *ht;
	unsigned long fl;
	LIST_HEAD(hs);
	LIST_HEAD(ms);

	spin_lock_irqsave(&dmx_lock, fl);
	list_splice_init(&pn->dmas, &hs);
	list_splice_init(&pn->dmamems, &ms);
	dmm_span(pn);
	spin_unlock_irqrestore(&dmx_lock, fl);
	list_for_each_entry_safe(h, ht, &hs, link) {
		pr_warn("%s%d: DMA handle left by the driver%s; freed\n",
			pn->dip->drv->name, pn->dip->instance,
			h->bound ? " (bound)" : "");
		if (h->bound)
			dmh_unbind(h);
		list_del_init(&h->link);
		h->pn = NULL;
		dmh_destroy(h);
	}
	list_for_each_entry_safe(m, mt, &ms, link) {
		pr_warn("%s%d: ddi_dma_mem_alloc memory (%zu bytes) left by the driver; freed\n",
			pn->dip->drv->name, pn->dip->instance, m->len);
		list_del(&m->link);
		dmm_release(m);
	}
}

int ddic_dma_test_handle(dev_info_t *dip, ddi_dma_attr_t *attr,
			 ddi_dma_handle_t *handlep)
{
	struct ddic_dma *h = dmh_new(dip, attr, GFP_KERNEL, "ddi_dma_alloc_handle");

	if (IS_ERR(h))
		return PTR_ERR(h);
	*handlep = (ddi_dma_handle_t)h;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_dma_test_handle);

int ddic_dma_test_bind(ddi_dma_handle_t handle,
		       const struct ddic_dmaseg *segs, uint_t nsegs,
		       uint_t flags, ddi_dma_cookie_t *cookiep,
		       uint_t *ccountp)
{
	struct ddic_dma *h = dmh_get(handle, __func__);
	uint_t i;
	int ret;

	if (!h)
		return DDI_DMA_NOMAPPING;
	if (h->bound) {
		dmh_warn(h, "ddi_dma_addr_bind_handle", "the handle is already bound");
		return DDI_DMA_INUSE;
	}
	h->flags = flags;
	h->win = 0;
	h->len = 0;
	for (i = 0; i < nsegs; i++)
		h->len += segs[i].len;
	h->kind = DDIC_DMK_TEST;
	ret = dmh_cut(h, segs, nsegs, GFP_KERNEL);
	if (ret != DDI_DMA_MAPPED && ret != DDI_DMA_PARTIAL_MAP) {
		dmh_release(h);
		return ret;
	}
	h->bound = true;
	dmh_out(h, cookiep, ccountp);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_dma_test_bind);

/* KUnit: queue @fn as a failed call with it as waitfp would. */
void ddic_dma_test_callback(int (*fn)(caddr_t), caddr_t arg)
{
	dmcb_later(fn, arg);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_dma_test_callback);

/* KUnit: wait for the callbacks a give-back started. */
void ddic_dma_test_flush(void)
{
	flush_work(&dmcb_work);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_dma_test_flush);
