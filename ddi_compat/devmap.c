// SPDX-License-Identifier: GPL-2.0
/*
 * The mmap path of a Solaris driver: segmap(9E), devmap_setup(9F),
 * ddi_devmap_segmap(9F), devmap(9E), devmap_umem_setup(9F) and the
 * devmap_callback_ctl(9S) callbacks.
 *
 * A user mmap() of a minor node reaches ddic_devmap_mmap() through the
 * driver model's character device.  The driver's segmap(9E) (if it has
 * one) calls devmap_setup(), which asks devmap(9E) for the mapping one
 * handle at a time; each handle says "these *maplen bytes are this piece
 * of that umem cookie".  When every byte of the VMA is covered, the
 * pieces are mapped at once, always with special PTEs (VM_PFNMAP, so GUP
 * cannot hold a page past munmap), written by one apply_to_page_range()
 * walk per handle.  A fault handler re-inserts pages that were zapped
 * (madvise MADV_DONTNEED, a fork that did not copy page tables).
 *
 * Every mapping holds a reference on each cookie it maps, so a driver may
 * ddi_umem_free() a cookie while it is mapped: the memory stays until the
 * mapping goes.  Only pages inside cookies are ever mapped: each handle is
 * checked against its cookie's size, and the handles must cover the VMA
 * exactly.
 *
 * Departures from Solaris, each for a reason given where it is enforced:
 *  - devmap_access(9E) is not supported: devmap_umem_setup() refuses
 *    callbacks that set it, so private mappings (which need it) always
 *    get EINVAL.
 *  - devmap_unmap(9E) is called once per handle when the whole mapping is
 *    gone, never for a partial unmap with split handles.
 *  - mmap(9E) (page-frame numbers) is not supported: ENODEV.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/mman.h>
#include <linux/list.h>
#include <linux/refcount.h>
#include <linux/sched/mm.h>
#include <ddi_compat/kcompat.h>
#include <sys/sunddi.h>

#include "ddic_core.h"
#include "ddic_umem.h"
#include <ddi_compat/testing.h>

/* An entry point the driver has: neither NULL nor nodev(9F). */
#define DVM_HAS(fn)	((fn) && (void *)(fn) != (void *)nodev)

#define DVM_HANDLE_MAGIC	0x44484e44U	/* "DHND" */
#define DVM_AS_MAGIC		0x41535f5fU	/* "AS__" */

/* Upper bound on devmap(9E) calls for one mapping: one per page. */
#define DVM_MAX_HANDLES(len)	(((len) >> PAGE_SHIFT) + 1)

struct dvm_map;

/* A devmap_cookie_t: one piece of one user mapping. */
struct dvm_handle {
	u32 magic;
	struct list_head link;		/* devmap_map.handles */
	struct dvm_map *map;
	dev_info_t *dip;
	offset_t off;			/* device offset devmap(9E) was given */
	size_t uoff;			/* offset of the piece in the mapping */
	size_t len;			/* *maplen */
	bool setup;			/* devmap_umem_setup() succeeded */
	bool mapped;			/* devmap_map callback succeeded */
	bool invalid;			/* DEVMAP_MAPPING_INVALID */
	struct ddi_umem_cookie *cookie;
	size_t coff;			/* offset of the piece in the cookie */
	size_t clen;			/* length set up (pages) */
	uint_t maxprot;
	uint_t flags;
	struct devmap_callback_ctl cb;
	bool has_cb;
	void *pvt;
};

/* One user mapping: one mmap(), or the copy a fork made of one. */
struct dvm_map {
	refcount_t ref;			/* one per VMA piece */
	struct mm_struct *mm;		/* compared only: fork detection */
	dev_t dev;
	unsigned long pgoff;		/* vm_pgoff of the whole mapping */
	size_t len;
	uint_t prot, maxprot, flags;
	bool pfnmap;			/* mapped with special PTEs */
	bool first_used;		/* @first is on @handles */
	struct list_head handles;
	/* The first handle: most mappings have one, so no allocation. */
	struct dvm_handle first;
};

/* The address space a segmap(9E) entry point maps into (opaque to it). */
struct as {
	u32 magic;
	struct ddic_mmap_req *req;
	struct dvm_map *map;		/* set by a successful devmap_setup */
	bool tried;			/* devmap_setup was called */
};

static uint_t dvm_prot_of(vm_flags_t f)
{
	return ((f & VM_READ) ? PROT_READ : 0) |
	       ((f & VM_WRITE) ? PROT_WRITE : 0) |
	       ((f & VM_EXEC) ? PROT_EXEC : 0) | PROT_USER;
}

static uint_t dvm_maxprot_of(vm_flags_t f)
{
	return ((f & VM_MAYREAD) ? PROT_READ : 0) |
	       ((f & VM_MAYWRITE) ? PROT_WRITE : 0) |
	       ((f & VM_MAYEXEC) ? PROT_EXEC : 0) | PROT_USER;
}

static struct dvm_handle *dvm_handle_of(devmap_cookie_t dhp)
{
	struct dvm_handle *h = dhp;

	return h && h->magic == DVM_HANDLE_MAGIC ? h : NULL;
}

/* Free @map's handles, calling devmap_unmap for those that were mapped. */
static void dvm_map_free(struct dvm_map *map, bool unmap_cb)
{
	struct dvm_handle *h, *n;

	list_for_each_entry_safe(h, n, &map->handles, link) {
		if (unmap_cb && h->mapped && h->cb.devmap_unmap)
			h->cb.devmap_unmap(h, h->pvt, h->off, h->len, NULL,
					   NULL, NULL, NULL);
		if (h->setup)
			ddic_umem_put(h->cookie);
		h->magic = 0;
		list_del(&h->link);
		if (h != &map->first)
			kfree(h);
	}
	kfree(map);
}

static struct dvm_handle *dvm_handle_new(struct dvm_map *map,
					       gfp_t gfp)
{
	struct dvm_handle *h = &map->first;

	if (!map->first_used) {
		memset(h, 0, sizeof(*h));
		map->first_used = true;
	} else {
		h = kzalloc(sizeof(*h), gfp);
		if (!h)
			return NULL;
	}
	h->magic = DVM_HANDLE_MAGIC;
	h->map = map;
	list_add_tail(&h->link, &map->handles);
	return h;
}

/* The handle covering byte @uoff of @map, or NULL. */
static struct dvm_handle *dvm_find(struct dvm_map *map, size_t uoff)
{
	struct dvm_handle *h;

	list_for_each_entry(h, &map->handles, link)
		if (uoff >= h->uoff && uoff - h->uoff < h->len)
			return h;
	return NULL;
}

/*
 * Fork: the child's VMA gets its own mapping with duplicated handles and
 * the devmap_dup callback, as Solaris gives a child new handles.  A VMA's
 * open() cannot fail, so the (small) allocations may not fail either;
 * a devmap_dup that fails is reported and the child keeps the mapping.
 */
static struct dvm_map *dvm_map_dup(struct dvm_map *old,
					 struct mm_struct *mm)
{
	struct dvm_map *map = kmemdup(old, sizeof(*old),
					 GFP_KERNEL | __GFP_NOFAIL);
	struct dvm_handle *oh, *h;
	int err;

	refcount_set(&map->ref, 1);
	map->mm = mm;
	map->first_used = false;
	INIT_LIST_HEAD(&map->handles);
	list_for_each_entry(oh, &old->handles, link) {
		h = dvm_handle_new(map, GFP_KERNEL | __GFP_NOFAIL);
		h->dip = oh->dip;
		h->off = oh->off;
		h->uoff = oh->uoff;
		h->len = oh->len;
		h->setup = oh->setup;
		h->invalid = oh->invalid;
		h->cookie = oh->cookie;
		h->coff = oh->coff;
		h->clen = oh->clen;
		h->maxprot = oh->maxprot;
		h->flags = oh->flags;
		h->cb = oh->cb;
		h->has_cb = oh->has_cb;
		h->pvt = oh->pvt;
		if (h->setup)
			ddic_umem_get(h->cookie);
		h->mapped = oh->mapped;
		if (oh->mapped && oh->cb.devmap_dup) {
			err = oh->cb.devmap_dup(oh, oh->pvt, h, &h->pvt);
			if (err) {
				/*
				 * The child must not unmap the parent's
				 * private data: its handle gets no callbacks.
				 */
				h->pvt = NULL;
				h->mapped = false;
				pr_warn("devmap_dup callback %ps failed (%d) at fork; the child keeps the mapping without devmap_unmap\n",
					oh->cb.devmap_dup, err);
			}
		}
	}
	ddic_umem_mappings_inc();
	return map;
}

static void dvm_vm_open(struct vm_area_struct *vma)
{
	struct dvm_map *map = vma->vm_private_data;

	if (vma->vm_mm == map->mm) {
		/* A split or a move of the same mapping. */
		refcount_inc(&map->ref);
		return;
	}
	vma->vm_private_data = dvm_map_dup(map, vma->vm_mm);
}

static void dvm_vm_close(struct vm_area_struct *vma)
{
	struct dvm_map *map = vma->vm_private_data;

	if (!refcount_dec_and_test(&map->ref))
		return;
	dvm_map_free(map, true);
	ddic_umem_mappings_dec();
}

/* A page of the mapping is missing (zapped, or not copied at fork). */
static vm_fault_t dvm_vm_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct dvm_map *map = vma->vm_private_data;
	struct dvm_handle *h;
	struct page *page;
	size_t uoff;

	if (vmf->pgoff < map->pgoff)
		return VM_FAULT_SIGBUS;
	uoff = (vmf->pgoff - map->pgoff) << PAGE_SHIFT;
	if (uoff >= map->len)
		return VM_FAULT_SIGBUS;
	h = dvm_find(map, uoff);
	if (!h || !h->setup || h->invalid)
		return VM_FAULT_SIGBUS;
	page = ddic_umem_page(h->cookie, h->coff + (uoff - h->uoff));
	if (map->pfnmap)
		return vmf_insert_pfn(vma, vmf->address, page_to_pfn(page));
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct dvm_vm_ops = {
	.open = dvm_vm_open,
	.close = dvm_vm_close,
	.fault = dvm_vm_fault,
};

int devmap_umem_setup(devmap_cookie_t dhp, dev_info_t *dip,
		      struct devmap_callback_ctl *callbackops,
		      ddi_umem_cookie_t cookie, offset_t off, size_t len,
		      uint_t maxprot, uint_t flags,
		      ddi_device_acc_attr_t *accattrp)
{
	struct dvm_handle *h = dvm_handle_of(dhp);
	struct ddi_umem_cookie *c = cookie;
	u64 coff, clen;

	if (!h) {
		pr_warn("%s: %p is not a devmap handle (caller %pS)\n",
			__func__, dhp, (void *)_RET_IP_);
		return DDI_FAILURE;
	}
	if (h->setup || !c)
		return DDI_FAILURE;
	if (c->magic != DDIC_UMEM_MAGIC_LIVE || test_bit(DDIC_UMEM_FREED, &c->driver_freed)) {
		pr_warn("%s: cookie %p is freed or not a umem cookie (caller %pS)\n",
			__func__, c, (void *)_RET_IP_);
		return DDI_FAILURE;
	}
	/*
	 * Pinned user memory (ddi_umem_lock) is not exported back to user
	 * space: only ddi_umem_alloc() cookies are accepted, as on Solaris.
	 */
	if (c->backend == DDIC_UMEM_LOCKED)
		return DDI_FAILURE;
	if (((flags & DEVMAP_MAPPING_INVALID) &&
	     !(flags & DEVMAP_ALLOW_REMAP)) || (flags & DEVMAP_USE_PAGESIZE))
		return DDI_FAILURE;
	/* The protection the user asked for must be inside maxprot. */
	if (h->map->prot & ~maxprot & (PROT_READ | PROT_WRITE | PROT_EXEC))
		return DDI_FAILURE;
	if (callbackops) {
		if (callbackops->devmap_rev != DEVMAP_OPS_REV)
			return DDI_FAILURE;
		/*
		 * devmap_access(9E) would have the driver validate each
		 * access and load translations itself (devmap_load,
		 * devmap_unload); ddi_compat maps everything at mmap time and
		 * cannot honour it, so say so rather than ignore it.
		 */
		if (callbackops->devmap_access) {
			pr_warn("%s: devmap_access callbacks are not supported (caller %pS)\n",
				__func__, (void *)_RET_IP_);
			return DDI_FAILURE;
		}
	}
	if (off < 0 || len == 0)
		return DDI_FAILURE;
	coff = (u64)off & PAGE_MASK;
	clen = PAGE_ALIGN((u64)len);
	if (clen < len || coff > c->size || clen > c->size - coff)
		return DDI_FAILURE;

	h->dip = dip;
	h->cookie = c;
	h->coff = coff;
	h->clen = clen;
	h->maxprot = maxprot;
	h->flags = flags;
	h->invalid = flags & DEVMAP_MAPPING_INVALID;
	if (callbackops) {
		h->cb = *callbackops;
		h->has_cb = true;
	}
	ddic_umem_get(c);
	h->setup = true;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(devmap_umem_setup);

/* Where dvm_fill_pte() takes the next page from. */
struct dvm_fill {
	struct mm_struct *mm;
	struct ddi_umem_cookie *cookie;
	struct page **pages;		/* the cookie's page array, or NULL */
	unsigned long pfn;		/* contiguous cookie: the first pfn */
	size_t coff;			/* next byte of the cookie */
	pgprot_t prot;
};

/* One PTE of a new mapping: a special PTE, as remap_pfn_range() makes. */
static int dvm_fill_pte(pte_t *pte, unsigned long addr, void *data)
{
	struct dvm_fill *f = data;
	unsigned long pfn;

	if (f->pages)
		pfn = page_to_pfn(f->pages[f->coff >> PAGE_SHIFT]);
	else if (f->pfn)
		pfn = f->pfn + (f->coff >> PAGE_SHIFT);
	else
		pfn = page_to_pfn(ddic_umem_page(f->cookie, f->coff));
	f->coff += PAGE_SIZE;
	if (!pte_none(ptep_get(pte)))
		return -EBUSY;
	set_pte_at(f->mm, addr, pte, pte_mkspecial(pfn_pte(pfn, f->prot)));
	return 0;
}

/* Map every valid handle of @map into @vma. */
static int dvm_populate(struct dvm_map *map, struct vm_area_struct *vma)
{
	struct dvm_fill f = { .mm = vma->vm_mm, .prot = vma->vm_page_prot };
	struct dvm_handle *h;
	int err;

	/*
	 * Every page is mapped with a special PTE (VM_PFNMAP|VM_IO), never
	 * as a refcounted page: GUP (vmsplice, O_DIRECT, io_uring) then
	 * cannot hold a page past munmap, when devmap_unmap(9E) has told
	 * the driver the memory is unreachable and it may reuse it, as
	 * segdev guarantees on Solaris (audit 2, finding 9).
	 *
	 * The PTEs are written in one apply_to_page_range() walk per handle
	 * (one page-table lock per table, as vm_insert_pages() takes), not
	 * with remap_pfn_range() (x86 PAT memtype tracking at map and at
	 * unmap: a fixed cost that made one page 1.3x slower) nor one
	 * vmf_insert_pfn() per page (a PAT lookup and a page-table walk
	 * each: 1.4x slower than vm_insert_pages() at 256 pages).  Umem
	 * cookies are kernel RAM, write-back in the direct map: the VMA's
	 * own protection (write-back) is the memory type PAT would give.
	 */
	map->pfnmap = true;
	ddic_vm_flags_set(vma, VM_IO | VM_PFNMAP);
	list_for_each_entry(h, &map->handles, link) {
		if (h->invalid)
			continue;
		f.cookie = h->cookie;
		f.coff = h->coff;
		f.pfn = h->cookie->backend == DDIC_UMEM_PAGES ?
			page_to_pfn(ddic_umem_page(h->cookie, 0)) : 0;
		f.pages = h->cookie->backend == DDIC_UMEM_VMALLOC ?
			ddic_umem_page_array(h->cookie) : NULL;
		err = apply_to_page_range(vma->vm_mm, vma->vm_start + h->uoff,
					  h->len, dvm_fill_pte, &f);
		if (err)
			return err == -ENOMEM ? ENOMEM : EFAULT;
	}
	return 0;
}

/*
 * devmap_setup(9F).  On Linux the address space is the VMA being created
 * by the mmap() that reached the driver: *addrp is its start and @len
 * must be its length.  Returns a Solaris errno: 0 or positive.
 */
int devmap_setup(dev_t dev, offset_t off, ddi_as_handle_t as, caddr_t *addrp,
		 size_t len, uint_t prot, uint_t maxprot, uint_t flags,
		 cred_t *cred)
{
	struct ddic_mmap_req *req;
	struct vm_area_struct *vma;
	struct dvm_map *map;
	struct dvm_handle *h;
	size_t uoff, maplen, left, n = 0;
	uint_t model, effmax;
	int err, ret;

	if (!as || as->magic != DVM_AS_MAGIC) {
		pr_warn("%s: %p is not the address space segmap(9E) was given (caller %pS)\n",
			__func__, as, (void *)_RET_IP_);
		return EINVAL;
	}
	if (as->tried)
		return EINVAL;		/* one devmap_setup per mmap */
	as->tried = true;
	req = as->req;
	vma = req->vma;
	if (!req->cb || !DVM_HAS(req->cb->cb_devmap))
		return EINVAL;
	if (off < 0 || offset_in_page(off) || len != vma->vm_end - vma->vm_start)
		return EINVAL;
	/* The driver may narrow what mmap() asked for, never widen it. */
	maxprot &= dvm_maxprot_of(vma->vm_flags);
	if (prot & ~maxprot & (PROT_READ | PROT_WRITE | PROT_EXEC))
		return EACCES;

	map = kzalloc(sizeof(*map), GFP_KERNEL);
	if (!map)
		return ENOMEM;
	refcount_set(&map->ref, 1);
	map->mm = vma->vm_mm;
	map->dev = dev;
	map->pgoff = vma->vm_pgoff;
	map->len = len;
	map->prot = prot;
	map->maxprot = maxprot;
	map->flags = flags;
	INIT_LIST_HEAD(&map->handles);

	model = ddic_model_current();
	for (uoff = 0; uoff < len; uoff += maplen) {
		left = len - uoff;
		/* A devmap that never advances would loop forever. */
		if (++n > DVM_MAX_HANDLES(len)) {
			err = EINVAL;
			goto fail;
		}
		h = dvm_handle_new(map, GFP_KERNEL);
		if (!h) {
			err = ENOMEM;
			goto fail;
		}
		h->off = off + uoff;
		h->uoff = uoff;
		maplen = 0;
		ret = req->cb->cb_devmap(dev, h, h->off, left, &maplen, model);
		if (ret) {
			err = ENXIO;
			goto fail;
		}
		/*
		 * Solaris would call devmap(9E) again forever when it maps
		 * nothing; a zero, partial-page or too long *maplen is
		 * EINVAL here.
		 */
		if (maplen == 0 || offset_in_page(maplen) || maplen > left) {
			err = EINVAL;
			goto fail;
		}
		/* devmap(9E) returned 0 without setting the handle up. */
		if (!h->setup || maplen > h->clen) {
			err = ENXIO;
			goto fail;
		}
		h->len = maplen;
	}

	effmax = maxprot;
	list_for_each_entry(h, &map->handles, link) {
		effmax &= h->maxprot | PROT_USER;
		/* Private (copy-on-write) mappings need devmap_access. */
		if ((flags & MAP_TYPE) == MAP_PRIVATE && !h->cb.devmap_access) {
			err = EINVAL;
			goto fail;
		}
	}
	if (prot & ~effmax & (PROT_READ | PROT_WRITE | PROT_EXEC)) {
		err = EACCES;
		goto fail;
	}

	list_for_each_entry(h, &map->handles, link) {
		if (!h->cb.devmap_map)
			continue;
		ret = h->cb.devmap_map(h, dev, flags, h->off, h->len, &h->pvt);
		if (ret) {
			err = ENXIO;
			goto fail;
		}
		h->mapped = true;
	}

	/*
	 * maxprot: a later mprotect() may not add what it lacks.  The
	 * mapping never grows (mremap) and is not dumped.
	 */
	if (!(effmax & PROT_WRITE))
		ddic_vm_flags_clear(vma, VM_MAYWRITE);
	if (!(effmax & PROT_READ))
		ddic_vm_flags_clear(vma, VM_MAYREAD);
	if (!(effmax & PROT_EXEC))
		ddic_vm_flags_clear(vma, VM_MAYEXEC);
	ddic_vm_flags_set(vma, VM_DONTEXPAND | VM_DONTDUMP);

	err = -dvm_populate(map, vma);
	if (err) {
		if (map->pfnmap)
			zap_vma_ptes(vma, vma->vm_start, len);
		goto fail;
	}
	vma->vm_private_data = map;
	vma->vm_ops = &dvm_vm_ops;
	ddic_umem_mappings_inc();
	as->map = map;
	if (addrp)
		*addrp = (caddr_t)vma->vm_start;
	return 0;

fail:
	dvm_map_free(map, true);
	return err;
}
EXPORT_SYMBOL(devmap_setup);

int ddi_devmap_segmap(dev_t dev, off_t off, ddi_as_handle_t as,
		      caddr_t *addrp, off_t len, uint_t prot, uint_t maxprot,
		      uint_t flags, cred_t *cred)
{
	return devmap_setup(dev, off, as, addrp, len, prot, maxprot, flags,
			    cred);
}
EXPORT_SYMBOL(ddi_devmap_segmap);

int ddic_devmap_mmap(struct ddic_mmap_req *req)
{
	struct vm_area_struct *vma = req->vma;
	struct cb_ops *cb = req->cb;
	struct as as = { .magic = DVM_AS_MAGIC, .req = req };
	caddr_t addr = (caddr_t)vma->vm_start;
	off_t off = (off_t)(vma->vm_pgoff << PAGE_SHIFT);
	off_t len = vma->vm_end - vma->vm_start;
	uint_t prot = dvm_prot_of(vma->vm_flags);
	uint_t maxprot = dvm_maxprot_of(vma->vm_flags);
	/* A read-only open clears VM_SHARED but keeps VM_MAYSHARE. */
	uint_t flags = (vma->vm_flags & VM_MAYSHARE) ? MAP_SHARED :
						       MAP_PRIVATE;
	cred_t *cred = (cred_t *)req->cred;
	int err;

	/* Every devmap(9E) offset, off + len at most, stays positive. */
	if (vma->vm_pgoff > (unsigned long)LONG_MAX >> PAGE_SHIFT ||
	    off > LLONG_MAX - len)
		return -EINVAL;
	if (DVM_HAS(cb->cb_segmap) && cb->cb_segmap != ddi_devmap_segmap) {
		err = cb->cb_segmap(req->dev, off, &as, &addr, len, prot,
				    maxprot, flags, cred);
	} else if (DVM_HAS(cb->cb_devmap)) {
		err = devmap_setup(req->dev, off, &as, &addr, len, prot,
				   maxprot, flags, cred);
	} else {
		if (DVM_HAS(cb->cb_mmap))
			pr_warn_once("mmap(9E) entry points are not supported; the driver must provide devmap(9E)\n");
		return -ENODEV;
	}
	if (err) {
		/* segmap failed after a devmap_setup that succeeded. */
		if (as.map) {
			vma->vm_ops = NULL;
			vma->vm_private_data = NULL;
			if (as.map->pfnmap)
				zap_vma_ptes(vma, vma->vm_start, len);
			dvm_map_free(as.map, true);
			ddic_umem_mappings_dec();
		}
		return err > 0 ? -err : -ENXIO;
	}
	if (!as.map) {
		pr_warn("segmap(9E) %ps returned 0 without mapping anything (no devmap_setup)\n",
			cb->cb_segmap);
		return -ENXIO;
	}
	return 0;
}
/*
 * Exported for the test and bench fixture (bench/umem_fixture.c), which
 * serves a misc device through this path without the driver model.
 */
DDIC_EXPORT_TESTING(ddic_devmap_mmap);

#ifdef DDIC_DEBUG
/*
 * Debug builds only, for KUnit: a handle as devmap_setup() would hand to
 * devmap(9E), for a mapping the user asked @prot of.
 */
devmap_cookie_t ddic_devmap_debug_handle(uint_t prot)
{
	struct dvm_map *map = kzalloc(sizeof(*map), GFP_KERNEL);

	if (!map)
		return NULL;
	refcount_set(&map->ref, 1);
	map->prot = prot;
	INIT_LIST_HEAD(&map->handles);
	if (!dvm_handle_new(map, GFP_KERNEL)) {
		kfree(map);
		return NULL;
	}
	return list_first_entry(&map->handles, struct dvm_handle, link);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_devmap_debug_handle);

void ddic_devmap_debug_handle_free(devmap_cookie_t dhp)
{
	struct dvm_handle *h = dvm_handle_of(dhp);

	if (h)
		dvm_map_free(h->map, false);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_devmap_debug_handle_free);
#endif
