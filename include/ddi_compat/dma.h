/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ddi_dma_addr_bind_handle(9F), ddi_dma_sync(9F) and
 * ddi_dma_unbind_handle(9F) compiled into the driver for the common
 * case, as a Linux driver's dma_map_single()/dma_sync_single_*()/
 * dma_unmap_single() are:
 *
 *  - a bind of linear-map kernel memory (kmem_alloc) that the device
 *    reaches as it is and that the handle's attributes do not cut: one
 *    dma_map_single(), one cookie, one window;
 *  - a bind of memory that ddi_dma_mem_alloc(9F) allocated through the
 *    same handle: its bus address, nothing to map;
 *  - the sync and unbind of such a binding.
 *
 * Everything else (a user address space, vmalloc memory, memory the
 * device cannot reach, a bind the attributes cut into several cookies or
 * windows, a handle that is not one or not in the right state, waiting
 * DMA callbacks) calls the exported function, which does it or refuses
 * it with a warning.  struct ddic_dma_head and struct ddic_dmamem_head
 * are the start of ddi_compat's own records (ddi_compat/ddic_dma.h and
 * dma.c declare them with the same field lists).  Included by
 * <sys/sunddi.h>.
 */
#ifndef _DDI_COMPAT_DMA_H
#define _DDI_COMPAT_DMA_H

#define DDIC_DMH_MAGIC	0x646d6168	/* "dmah" */

/* What a handle is bound to (ddic_dma_head.kind). */
enum { DDIC_DMK_MEM = 1, DDIC_DMK_SG, DDIC_DMK_BOUNCE, DDIC_DMK_TEST,
	DDIC_DMK_SINGLE };

/* One DMA window: a run of the handle's cookies. */
struct ddic_dmawin {
	off_t off;			/* into the object */
	size_t len;
	uint_t first;			/* index of its first cookie */
	uint_t n;			/* its cookies */
};

/* The start of ddi_dma_mem_alloc(9F)'s record. */
#define DDIC_DMAMEM_HEAD_FIELDS						\
	void *kaddr;							\
	size_t len;			/* what was allocated */	\
	dma_addr_t dma;							\
	atomic_t binds;			/* handles bound inside it */	\
	bool coherent

struct ddic_dmamem_head {
	DDIC_DMAMEM_HEAD_FIELDS;
};

/*
 * The start of a DMA handle.  @fast: the handle has a device and room
 * for one cookie and one window, so the inline bind may fill them.
 * @reach, @lo, @hi, @seg and @lim are its attributes as the bind tests
 * them (dma_attr_addr_lo/hi, the mask, dma_attr_seg, count_max and
 * maxxfer).  @memspan is the lowest and the end of the node's
 * ddi_dma_mem_alloc memory (ULONG_MAX and 0 for none), @ownmem the last
 * memory allocated through this handle (both under dma.c's lock; read
 * without it, as memory a driver binds was allocated before the bind).
 */
#define DDIC_DMA_HEAD_FIELDS						\
	u32 magic;							\
	bool bound;							\
	u8 kind;			/* DDIC_DMK_*, while bound */	\
	bool fast;							\
	struct device *dev;						\
	u64 reach, lo, hi, seg, lim;					\
	const unsigned long *memspan;					\
	struct ddic_dmamem_head *ownmem;				\
	/* The bound object. */						\
	uint_t flags;			/* DDI_DMA_* of the bind */	\
	enum dma_data_direction dir;					\
	size_t len;							\
	struct ddic_dmamem_head *mem;	/* DDIC_DMK_MEM: inside this */ \
	size_t memoff;							\
	dma_addr_t single_dma;		/* DDIC_DMK_SINGLE */		\
	/* Cookies of all windows, and the windows. */			\
	ddi_dma_cookie_t *cookies;					\
	struct ddic_dmawin *wins;					\
	uint_t ncookies, nwin;						\
	uint_t win;			/* the current window */	\
	uint_t next			/* ddi_dma_nextcookie's next, in it */

struct ddic_dma_head {
	DDIC_DMA_HEAD_FIELDS;
};

/* Nonzero while DMA callbacks wait for resources to be given back. */
extern int ddic_dma_cbwait;

/* The handle, if it is one with nothing bound that the inline bind may fill. */
static __always_inline struct ddic_dma_head *
ddic_dma_unbound(ddi_dma_handle_t handle)
{
	struct ddic_dma_head *h = (struct ddic_dma_head *)handle;

	if (likely(h && h->magic == DDIC_DMH_MAGIC && h->fast && !h->bound))
		return h;
	return NULL;
}

/* The handle, if it is one bound the inline way. */
static __always_inline struct ddic_dma_head *
ddic_dma_bound_inl(ddi_dma_handle_t handle)
{
	struct ddic_dma_head *h = (struct ddic_dma_head *)handle;

	if (likely(h && h->magic == DDIC_DMH_MAGIC && h->bound &&
		   (h->kind == DDIC_DMK_SINGLE || h->kind == DDIC_DMK_MEM)))
		return h;
	return NULL;
}

/* Whether the attributes take [@a, +@len) as one cookie. */
static __always_inline bool ddic_dma_one_cookie(const struct ddic_dma_head *h,
						u64 a, size_t len)
{
	return a >= h->lo && a <= h->hi && len - 1 <= h->hi - a &&
	       len - 1 <= h->lim && len - 1 <= (a | h->seg) - a;
}

/* Make [@a, +@len) the handle's one cookie and one window. */
static __always_inline void ddic_dma_set_one(struct ddic_dma_head *h, u64 a,
					     size_t len)
{
	h->cookies[0] = (ddi_dma_cookie_t){ .dmac_laddress = a,
					     .dmac_size = len };
	h->wins[0] = (struct ddic_dmawin){ .off = 0, .len = len, .first = 0,
					   .n = 1 };
	h->ncookies = 1;
	h->nwin = 1;
}

/*
 * Bind @h to [@addr, +@len) for @dir if the inline way can (true), or
 * leave @h as it was (false).  ddi_dma_mem_alloc memory is mapped for
 * both directions, as dma.c allocates it.
 */
static __always_inline bool ddic_dma_bind_fast(struct ddic_dma_head *h,
					       caddr_t addr, size_t len,
					       enum dma_data_direction dir)
{
#ifdef CONFIG_X86_64
	struct ddic_dmamem_head *m = READ_ONCE(h->ownmem);
	unsigned long va = (unsigned long)addr;
	phys_addr_t p;
	dma_addr_t a;
	u64 reach;

	if (m && va - (unsigned long)m->kaddr < m->len &&
	    len <= m->len - (va - (unsigned long)m->kaddr)) {
		/* Inside ddi_dma_mem_alloc memory of this handle. */
		a = m->dma + (va - (unsigned long)m->kaddr);
		if (!ddic_dma_one_cookie(h, a, len))
			return false;
		atomic_inc(&m->binds);
		h->mem = m;
		h->memoff = va - (unsigned long)m->kaddr;
		h->kind = DDIC_DMK_MEM;
		dir = DMA_BIDIRECTIONAL;
	} else {
		/* Linear-map memory, none of it ddi_dma_mem_alloc's. */
		if (va < PAGE_OFFSET || va + len < va ||
		    va + len > (unsigned long)high_memory ||
		    (va + len > READ_ONCE(h->memspan[0]) &&
		     va < READ_ONCE(h->memspan[1])))
			return false;
		p = virt_to_phys(addr);
		reach = min(h->reach, dma_get_mask(h->dev));
		if (!device_iommu_mapped(h->dev) &&
		    (p < h->lo || p > reach || len - 1 > reach - p))
			return false;
		a = dma_map_single(h->dev, addr, len, dir);
		if (dma_mapping_error(h->dev, a))
			return false;
		if (!ddic_dma_one_cookie(h, a, len)) {
			dma_unmap_single(h->dev, a, len, dir);
			return false;
		}
		h->single_dma = a;
		h->kind = DDIC_DMK_SINGLE;
	}
	ddic_dma_set_one(h, a, len);
	h->win = 0;
	h->next = 1;
	h->len = len;
	h->dir = dir;
	return true;
#else
	return false;
#endif
}

static __always_inline int
ddic_dma_addr_bind_inl(ddi_dma_handle_t handle, struct as *as, caddr_t addr,
		       size_t len, uint_t flags, int (*waitfp)(caddr_t),
		       caddr_t arg, ddi_dma_cookie_t *cookiep, uint_t *ccountp)
{
	struct ddic_dma_head *h = ddic_dma_unbound(handle);
	enum dma_data_direction dir;

	if (h && !as && len && (flags & DDI_DMA_RDWR)) {
		dir = (flags & DDI_DMA_RDWR) == DDI_DMA_RDWR ?
		      DMA_BIDIRECTIONAL : (flags & DDI_DMA_READ) ?
		      DMA_FROM_DEVICE : DMA_TO_DEVICE;
		if (ddic_dma_bind_fast(h, addr, len, dir)) {
			h->flags = flags;
			h->bound = true;
			if (cookiep)
				*cookiep = h->cookies[0];
			if (ccountp)
				*ccountp = 1;
			return DDI_DMA_MAPPED;
		}
	}
	return (ddi_dma_addr_bind_handle)(handle, as, addr, len, flags, waitfp,
					  arg, cookiep, ccountp);
}

/* Length 0, or one past the end, covers the rest of the object. */
static __always_inline int ddic_dma_sync_inl(ddi_dma_handle_t handle,
					     off_t off, size_t length,
					     uint_t type)
{
	struct ddic_dma_head *h = ddic_dma_bound_inl(handle);
	enum dma_data_direction dir;
	dma_addr_t a;

	if (!h || type > DDI_DMA_SYNC_FORKERNEL || off < 0 || off >= h->len)
		return (ddi_dma_sync)(handle, off, length, type);
	if (!length || length > h->len - off)
		length = h->len - off;
	if (h->kind == DDIC_DMK_SINGLE) {
		a = h->single_dma;
		dir = h->dir;
	} else {
		if (h->mem->coherent)
			return DDI_SUCCESS;
		/* Mapped for both directions when it was allocated. */
		a = h->mem->dma + h->memoff;
		dir = DMA_BIDIRECTIONAL;
	}
	if (type == DDI_DMA_SYNC_FORDEV)
		dma_sync_single_range_for_device(h->dev, a, off, length, dir);
	else
		dma_sync_single_range_for_cpu(h->dev, a, off, length, dir);
	return DDI_SUCCESS;
}

static __always_inline int ddic_dma_unbind_inl(ddi_dma_handle_t handle)
{
	struct ddic_dma_head *h = ddic_dma_bound_inl(handle);

	if (!h || READ_ONCE(ddic_dma_cbwait))
		return (ddi_dma_unbind_handle)(handle);
	if (h->kind == DDIC_DMK_SINGLE) {
		dma_unmap_single(h->dev, h->single_dma, h->len, h->dir);
	} else {
		if (!h->mem->coherent)
			dma_sync_single_range_for_cpu(h->dev, h->mem->dma,
						      h->memoff, h->len,
						      DMA_BIDIRECTIONAL);
		atomic_dec(&h->mem->binds);
		h->mem = NULL;
	}
	h->ncookies = 0;
	h->nwin = 0;
	h->kind = 0;
	h->bound = false;
	return DDI_SUCCESS;
}

#define ddi_dma_addr_bind_handle(h, as, a, l, f, w, arg, c, n)		\
	ddic_dma_addr_bind_inl((h), (as), (a), (l), (f), (w), (arg), (c), (n))
#define ddi_dma_sync(h, o, l, t)	ddic_dma_sync_inl((h), (o), (l), (t))
#define ddi_dma_unbind_handle(h)	ddic_dma_unbind_inl((h))

#endif /* _DDI_COMPAT_DMA_H */
