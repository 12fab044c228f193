// SPDX-License-Identifier: GPL-2.0
/*
 * The mmap path of a Solaris driver: segmap(9E), devmap_setup(9F),
 * ddi_devmap_segmap(9F), devmap(9E), devmap_umem_setup(9F),
 * devmap_devmem_setup(9F), the remaps devmap_umem_remap(9F) and
 * devmap_devmem_remap(9F), the devmap_callback_ctl(9S) callbacks and
 * devmap_access(9E) with devmap_load(9F), devmap_unload(9F) and
 * devmap_default_access(9F).
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
 * Device memory (devmap_devmem_setup: a BAR, by register number as
 * ddi_regs_map_setup numbers them) is mapped uncached, or write-combined
 * when the driver allows merging (IOMEM_DATA_UC_WR_COMBINE, or
 * DDI_MERGING_OK_ACC and the caching orders in its access attributes).
 *
 * devmap_access(9E).  A handle with an access callback starts unloaded:
 * its pages have no PTEs, so the first touch faults into dvm_vm_fault(),
 * which calls the callback; the callback loads the handle (devmap_load,
 * devmap_default_access) and the fault inserts the page.  devmap_unload
 * marks the handle unloaded and zaps the range's PTEs with
 * unmap_mapping_range() (the one zap that is safe on another process's
 * mapping without its mmap lock), so that process's next touch faults
 * and calls the callback again.  A handle's load state and its PTEs change
 * together under the handle's lock (dh_lk): a fault never inserts a page
 * of a handle that an unload has just marked unloaded.
 *
 * Every mapping holds a reference on each cookie it maps, so a driver may
 * ddi_umem_free() a cookie while it is mapped: the memory stays until the
 * mapping goes.  Only pages inside cookies are ever mapped: each handle is
 * checked against its cookie's size, and the handles must cover the VMA
 * exactly.
 *
 * Departures from Solaris, each for a reason given where it is enforced:
 *  - private (MAP_PRIVATE) mappings always get EINVAL, even with
 *    devmap_access (Linux cannot copy-on-write PFN mappings).
 *  - the load state of devmap_access is kept per handle, not per page.
 *  - devmap_unload zaps every mapping of the same file range (other
 *    processes' loaded pages refault silently, without the callback).
 *  - devmap_load of another process's handle is refused (Solaris panics).
 *  - device memory is never mapped cached; a BAR unbound while mapped is
 *    revoked (SIGBUS) since Linux cannot refuse the unbind.
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
#include <linux/pci.h>
#include <linux/mutex.h>
#include <ddi_compat/kcompat.h>
#include <sys/sunddi.h>

#include "ddic_core.h"
#include "ddic_umem.h"
#include "ddic_pci.h"
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
	/* Device memory (devmap_devmem_setup/remap); cookie is then NULL. */
	bool devmem;
	bool wc;			/* write-combined, else uncached */
	phys_addr_t pa;			/* physical address of the handle's start */
	struct list_head dlink;		/* dvm_devmem_list, when devmem */
	/* devmap_access(9E) state, under lk (and pa/cookie for remaps). */
	struct mutex lk;
	bool loaded;			/* devmap_load since the last unload */
	bool revoked;			/* the BAR's device was unbound */
	unsigned long nloads;		/* devmap_load calls */
	clock_t ctx_timeout;		/* devmap_set_ctx_timeout(9F) ticks */
};

/* One user mapping: one mmap(), or the copy a fork made of one. */
struct dvm_map {
	refcount_t ref;			/* one per VMA piece */
	struct mm_struct *mm;		/* compared only: fork detection */
	struct address_space *mapping;	/* the file's, for devmap_unload */
	dev_t dev;
	unsigned long pgoff;		/* vm_pgoff of the whole mapping */
	size_t len;
	uint_t prot, maxprot, flags;
	bool pfnmap;			/* mapped with special PTEs */
	bool first_used;		/* @first is on @handles */
	struct list_head handles;	/* in uoff order, covering [0, len) */
	unsigned int nhandles;
	/*
	 * The handles in uoff order, for a fault's binary search, when there
	 * are several (NULL: search @handles; an index that could not be
	 * allocated only costs time).  Audit 2, finding 18: a driver that
	 * maps per extent (the RAM disk: 16384 handles per GiB) made every
	 * fault a walk of the list.
	 */
	struct dvm_handle **index;
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

/*
 * Handles of device memory, for the revocation of a BAR whose device is
 * unbound (ddic_devmap_revoke).  Order: mmap lock, dvm_devmem_lock,
 * a handle's lk, the kernel's i_mmap lock.
 */
static LIST_HEAD(dvm_devmem_list);
static DEFINE_MUTEX(dvm_devmem_lock);

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
		if (h->setup && h->cookie)
			ddic_umem_put(h->cookie);
		if (!list_empty(&h->dlink)) {
			mutex_lock(&dvm_devmem_lock);
			list_del_init(&h->dlink);
			mutex_unlock(&dvm_devmem_lock);
		}
		mutex_destroy(&h->lk);
		h->magic = 0;
		list_del(&h->link);
		if (h != &map->first)
			kfree(h);
	}
	kvfree(map->index);
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
	INIT_LIST_HEAD(&h->dlink);
	mutex_init(&h->lk);
	list_add_tail(&h->link, &map->handles);
	map->nhandles++;
	return h;
}

/* Index @map's handles (all made, in uoff order) when there are several. */
static void dvm_index(struct dvm_map *map)
{
	struct dvm_handle *h;
	unsigned int i = 0;

	if (map->nhandles < 2)
		return;
	map->index = kvmalloc_array(map->nhandles, sizeof(*map->index),
				    GFP_KERNEL_ACCOUNT | __GFP_NOWARN);
	if (!map->index)
		return;
	list_for_each_entry(h, &map->handles, link)
		map->index[i++] = h;
}

/* The handle covering byte @uoff of @map, or NULL. */
static struct dvm_handle *dvm_find(struct dvm_map *map, size_t uoff)
{
	unsigned int lo = 0, hi = map->nhandles, mid;
	struct dvm_handle *h;

	if (!map->index) {
		list_for_each_entry(h, &map->handles, link)
			if (uoff >= h->uoff && uoff - h->uoff < h->len)
				return h;
		return NULL;
	}
	while (lo < hi) {
		mid = lo + (hi - lo) / 2;
		h = map->index[mid];
		if (uoff < h->uoff)
			hi = mid;
		else if (uoff - h->uoff >= h->len)
			lo = mid + 1;
		else
			return h;
	}
	return NULL;
}

/* An empty mapping, one reference held: devmap_setup and the KUnit hooks. */
static struct dvm_map *dvm_map_new(gfp_t gfp)
{
	struct dvm_map *map = kzalloc(sizeof(*map), gfp);

	if (map) {
		refcount_set(&map->ref, 1);
		INIT_LIST_HEAD(&map->handles);
	}
	return map;
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
				      GFP_KERNEL_ACCOUNT | __GFP_NOFAIL);
	struct dvm_handle *oh, *h;
	int err;

	refcount_set(&map->ref, 1);
	map->mm = mm;
	map->first_used = false;
	map->nhandles = 0;
	map->index = NULL;
	INIT_LIST_HEAD(&map->handles);
	list_for_each_entry(oh, &old->handles, link) {
		h = dvm_handle_new(map, GFP_KERNEL_ACCOUNT | __GFP_NOFAIL);
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
		h->ctx_timeout = oh->ctx_timeout;
		h->flags = oh->flags;
		h->cb = oh->cb;
		h->has_cb = oh->has_cb;
		h->pvt = oh->pvt;
		h->devmem = oh->devmem;
		h->wc = oh->wc;
		/*
		 * Departure: Linux copies the page tables of a PFN mapping
		 * at fork, so the child starts with the parent's load
		 * state, where Solaris would have it fault first.
		 */
		mutex_lock(&oh->lk);
		h->pa = oh->pa;
		h->loaded = oh->loaded;
		mutex_unlock(&oh->lk);
		if (h->setup && h->cookie)
			ddic_umem_get(h->cookie);
		if (h->devmem) {
			mutex_lock(&dvm_devmem_lock);
			h->revoked = oh->revoked;
			list_add_tail(&h->dlink, &dvm_devmem_list);
			mutex_unlock(&dvm_devmem_lock);
		}
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
	dvm_index(map);
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

/* The page protection of device memory in @vma: never cached. */
static pgprot_t dvm_devmem_prot(struct vm_area_struct *vma, bool wc)
{
	return wc ? pgprot_writecombine(vma->vm_page_prot) :
		    pgprot_noncached(vma->vm_page_prot);
}

/* Insert byte @hoff of @h at @addr.  h->lk held. */
static vm_fault_t dvm_insert(struct vm_fault *vmf, struct dvm_handle *h,
			     size_t hoff)
{
	struct vm_area_struct *vma = vmf->vma;
	struct page *page;

	if (h->devmem)
		return vmf_insert_pfn_prot(vma, vmf->address,
					   PHYS_PFN(h->pa + hoff),
					   dvm_devmem_prot(vma, h->wc));
	page = ddic_umem_page(h->cookie, h->coff + hoff);
	if (h->map->pfnmap)
		return vmf_insert_pfn(vma, vmf->address, page_to_pfn(page));
	get_page(page);
	vmf->page = page;
	return 0;
}

/*
 * A page of the mapping is missing: zapped (devmap_unload, madvise
 * MADV_DONTNEED), never loaded (a handle with devmap_access), or not
 * copied at fork.
 */
static vm_fault_t dvm_vm_fault(struct vm_fault *vmf)
{
	struct vm_area_struct *vma = vmf->vma;
	struct dvm_map *map = vma->vm_private_data;
	struct dvm_handle *h;
	unsigned long nloads = 0;
	bool loaded = true;
	vm_fault_t ret;
	size_t uoff;
	uint_t rw;
	int err;

	if (vmf->pgoff < map->pgoff)
		return VM_FAULT_SIGBUS;
	uoff = (vmf->pgoff - map->pgoff) << PAGE_SHIFT;
	if (uoff >= map->len)
		return VM_FAULT_SIGBUS;
	h = dvm_find(map, uoff);
	if (!h || !h->setup)
		return VM_FAULT_SIGBUS;
	if (h->cb.devmap_access) {
		mutex_lock(&h->lk);
		loaded = h->loaded;
		nloads = h->nloads;
		mutex_unlock(&h->lk);
	}
	if (!loaded) {
		/*
		 * The driver validates the access (no lock of ours held: it
		 * may unload other handles, remap this one, sleep).
		 */
		rw = (vmf->flags & FAULT_FLAG_WRITE) ? DEVMAP_WRITE :
		     (vmf->flags & FAULT_FLAG_INSTRUCTION) ? DEVMAP_EXEC :
		     DEVMAP_READ;
		err = h->cb.devmap_access(h, h->pvt,
					  h->off + (uoff - h->uoff), PAGE_SIZE,
					  DEVMAP_ACCESS, rw);
		if (err)
			return VM_FAULT_SIGBUS;
	}
	mutex_lock(&h->lk);
	if (h->revoked || h->invalid) {
		ret = VM_FAULT_SIGBUS;
	} else if (h->cb.devmap_access && !h->loaded) {
		if (!loaded && h->nloads == nloads) {
			/* Solaris would fault again forever. */
			pr_warn_ratelimited("devmap_access callback %ps returned 0 without devmap_load; SIGBUS\n",
					    h->cb.devmap_access);
			ret = VM_FAULT_SIGBUS;
		} else {
			/* Unloaded again by another process: fault again. */
			ret = VM_FAULT_NOPAGE;
		}
	} else {
		ret = dvm_insert(vmf, h, uoff - h->uoff);
	}
	mutex_unlock(&h->lk);
	return ret;
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

/* The name of @dip's driver and instance, for warnings. */
#define DVM_WARN(dip, fmt, ...)						\
	pr_warn("%s%d: " fmt "\n", (dip)->drv->name, (dip)->instance,	\
		##__VA_ARGS__)

/*
 * Whether the cache attribute of devmap_devmem_setup's flags, or else the
 * access attributes, ask for a write-combined mapping; -1 if they are
 * invalid.  Departure: IOMEM_DATA_CACHED (the default of the manual page)
 * never gives a cached mapping of device memory; without an explicit
 * IOMEM_DATA_* the data order of @attr decides (DDI_MERGING_OK_ACC and the
 * caching orders: write-combined; strict or unordered: uncached), as it
 * does for ddi_regs_map_setup(9F).
 */
static int dvm_devmem_wc(uint_t flags, const ddi_device_acc_attr_t *attr)
{
	switch (flags & IOMEM_DATA_MASK) {
	case IOMEM_DATA_UC_WR_COMBINE:
		return 1;
	case IOMEM_DATA_UNCACHED:
		return 0;
	case 0:
	case IOMEM_DATA_CACHED:
		break;
	default:
		return -1;	/* the attributes are mutually exclusive */
	}
	if (!attr)
		return 0;
	if ((attr->devacc_attr_version != DDI_DEVICE_ATTR_V0 &&
	     attr->devacc_attr_version != DDI_DEVICE_ATTR_V1) ||
	    attr->devacc_attr_endian_flags > DDI_STRUCTURE_BE_ACC ||
	    attr->devacc_attr_dataorder > DDI_STORECACHING_OK_ACC)
		return -1;
	return attr->devacc_attr_dataorder >= DDI_MERGING_OK_ACC;
}

/*
 * The physical address of bytes [roff, roff + len) of register set
 * @rnumber of @dip, a memory BAR; 0 (with a warning naming @call) if
 * there is none.  *@plen gets len rounded up to pages.
 */
static phys_addr_t dvm_devmem_pa(dev_info_t *dip, const char *call,
				 uint_t rnumber, offset_t roff, size_t len,
				 size_t *plen)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, call);
	struct ddic_pcireg *r;
	size_t n;

	if (!pn)
		return 0;
	if (rnumber >= pn->nregs) {
		DVM_WARN(dip, "%s: no register set %u (the node has %d)",
			 call, rnumber, pn->nregs);
		return 0;
	}
	r = &pn->regs[rnumber];
	if (r->bar < 0 || !r->size ||
	    !(pci_resource_flags(pn->pdev, r->bar) & IORESOURCE_MEM)) {
		DVM_WARN(dip, "%s: register set %u is not memory space",
			 call, rnumber);
		return 0;
	}
	n = PAGE_ALIGN(len);
	/*
	 * A page is the unit of a user mapping: the range must start on a
	 * page and its pages must lie inside the BAR, or the process would
	 * see whatever follows it.
	 */
	if (roff < 0 || !len || n < len || offset_in_page(roff) ||
	    offset_in_page(r->addr) || (u64)roff >= r->size ||
	    n > r->size - roff) {
		DVM_WARN(dip, "%s(rnumber %u, roff %#llx, len %#zx): not whole pages inside the register set of %#llx bytes at %#llx",
			 call, rnumber, roff, len, r->size, r->addr);
		return 0;
	}
	*plen = n;
	return r->addr + roff;
}

/* Whether @dip is still bound to its PCI function.  dvm_devmem_lock held. */
static bool dvm_bound(dev_info_t *dip)
{
	lockdep_assert_held(&dvm_devmem_lock);
	return pci_get_drvdata(dip->pci->pdev) == dip;
}

int devmap_devmem_setup(devmap_cookie_t dhp, dev_info_t *dip,
			struct devmap_callback_ctl *callbackops,
			uint_t rnumber, offset_t roff, size_t len,
			uint_t maxprot, uint_t flags,
			ddi_device_acc_attr_t *accattrp)
{
	struct dvm_handle *h = dvm_handle_of(dhp);
	size_t plen = 0;
	phys_addr_t pa;
	int wc;

	if (!h) {
		pr_warn("%s: %p is not a devmap handle (caller %pS)\n",
			__func__, dhp, (void *)_RET_IP_);
		return DDI_FAILURE;
	}
	if (h->setup)
		return DDI_FAILURE;
	wc = dvm_devmem_wc(flags, accattrp);
	if (wc < 0 || (flags & ~(DEVMAP_SETUP_FLAGS | IOMEM_DATA_MASK)) ||
	    ((flags & DEVMAP_MAPPING_INVALID) &&
	     !(flags & DEVMAP_ALLOW_REMAP))) {
		pr_warn("%s: bad flags %#x or access attributes (caller %pS)\n",
			__func__, flags, (void *)_RET_IP_);
		return DDI_FAILURE;
	}
	if (h->map->prot & ~maxprot & (PROT_READ | PROT_WRITE | PROT_EXEC))
		return DDI_FAILURE;
	if (callbackops && callbackops->devmap_rev != DEVMAP_OPS_REV)
		return DDI_FAILURE;
	pa = dvm_devmem_pa(dip, __func__, rnumber, roff, len, &plen);
	if (!pa)
		return DDI_FAILURE;

	h->dip = dip;
	h->devmem = true;
	h->wc = wc;
	h->pa = pa;
	h->clen = plen;
	h->maxprot = maxprot;
	h->flags = flags;
	h->invalid = flags & DEVMAP_MAPPING_INVALID;
	if (callbackops) {
		h->cb = *callbackops;
		h->has_cb = true;
	}
	/* Unbound (ddic_devmap_revoke) before or after: never both missed. */
	mutex_lock(&dvm_devmem_lock);
	if (!dvm_bound(dip)) {
		mutex_unlock(&dvm_devmem_lock);
		DVM_WARN(dip, "%s: the device is unbound", __func__);
		return DDI_FAILURE;
	}
	list_add_tail(&h->dlink, &dvm_devmem_list);
	mutex_unlock(&dvm_devmem_lock);
	h->setup = true;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(devmap_devmem_setup);

/*
 * The byte range [*startp, *startp + *lenp) of @h that device offsets
 * [off, off + len) cover, in whole pages; len 0 is to the end of the
 * handle, off 0 with len 0 the whole handle.  Departure: a range past the
 * handle is cut at its end (Solaris would go on into the next handle).
 */
static int dvm_range(struct dvm_handle *h, offset_t off, size_t len,
		     size_t *startp, size_t *lenp)
{
	size_t start, end;

	if (off == 0 && len == 0)
		off = h->off;
	if (off < h->off || off - h->off >= h->len)
		return EINVAL;
	start = round_down(off - h->off, PAGE_SIZE);
	end = (len == 0 || len > h->len - (off - h->off)) ? h->len :
	      PAGE_ALIGN(off - h->off + len);
	*startp = start;
	*lenp = end - start;
	return 0;
}

/* Zap the PTEs of bytes [start, start + len) of @h.  h->lk held. */
static void dvm_zap(struct dvm_handle *h, size_t start, size_t len)
{
	struct dvm_map *map = h->map;

	lockdep_assert_held(&h->lk);
	if (!map->mapping)
		return;		/* not mapped yet (or a KUnit handle) */
	/*
	 * By file offset, over every mapping of the device node: the
	 * handle's process (any mm, without its mmap lock) and others that
	 * map the same offsets, whose loaded pages simply fault back in.
	 */
	unmap_mapping_range(map->mapping,
			    ((loff_t)map->pgoff << PAGE_SHIFT) + h->uoff + start,
			    len, 1);
}

int devmap_load(devmap_cookie_t dhp, offset_t off, size_t len, uint_t type,
		uint_t rw)
{
	struct dvm_handle *h = dvm_handle_of(dhp);
	size_t start, n;

	if (!h || !h->setup) {
		pr_warn("%s: %p is not a devmap handle set up by devmap(9E) (caller %pS)\n",
			__func__, dhp, (void *)_RET_IP_);
		return EINVAL;
	}
	/*
	 * Departure: loading another process's mapping panics Solaris; it
	 * is refused here.
	 */
	if (h->map->mm != current->mm) {
		pr_warn("%s: the handle maps another process (caller %pS)\n",
			__func__, (void *)_RET_IP_);
		return EINVAL;
	}
	if (dvm_range(h, off, len, &start, &n))
		return EINVAL;
	/*
	 * Departure: the load state is the handle's, not per page; the
	 * pages come in as they are touched, without the callback.
	 */
	mutex_lock(&h->lk);
	h->loaded = true;
	h->nloads++;
	mutex_unlock(&h->lk);
	return 0;
}
EXPORT_SYMBOL(devmap_load);

int devmap_unload(devmap_cookie_t dhp, offset_t off, size_t len)
{
	struct dvm_handle *h = dvm_handle_of(dhp);
	size_t start, n;

	if (!h || !h->setup) {
		pr_warn("%s: %p is not a devmap handle set up by devmap(9E) (caller %pS)\n",
			__func__, dhp, (void *)_RET_IP_);
		return EINVAL;
	}
	if (dvm_range(h, off, len, &start, &n))
		return EINVAL;
	mutex_lock(&h->lk);
	h->loaded = false;
	dvm_zap(h, start, n);
	mutex_unlock(&h->lk);
	return 0;
}
EXPORT_SYMBOL(devmap_unload);

int devmap_default_access(devmap_cookie_t dhp, void *pvtp, offset_t off,
			  size_t len, uint_t type, uint_t rw)
{
	return devmap_load(dhp, off, len, type, rw);
}
EXPORT_SYMBOL(devmap_default_access);

/*
 * Device contexts, devmap_do_ctxmgt(9F): the processes that map one
 * device (one dev_t) take turns at its hardware context.  The driver's
 * devmap_contextmgt(9E) callbacks for one device run one at a time, and
 * each waits until the ticks devmap_set_ctx_timeout(9F) gave the faulting
 * mapping have passed since the last one ended.  A device's record is
 * made at its first context switch and kept until ddi_compat unloads
 * (one small record per device that ever switched).
 */
struct dvm_ctx {
	struct list_head link;
	dev_t dev;
	int busy;			/* a callback runs (dvm_ctx_lock) */
	bool switched;			/* @last is set */
	unsigned long last;		/* jiffies when the last one ended */
};

static DEFINE_MUTEX(dvm_ctx_lock);
static LIST_HEAD(dvm_ctxs);
static DECLARE_WAIT_QUEUE_HEAD(dvm_ctx_wq);

/* @dev's context, made if new; dvm_ctx_lock held.  NULL: no memory. */
static struct dvm_ctx *dvm_ctx_of(dev_t dev)
{
	struct dvm_ctx *c;

	list_for_each_entry(c, &dvm_ctxs, link)
		if (c->dev == dev)
			return c;
	c = kzalloc(sizeof(*c), GFP_KERNEL);
	if (c) {
		c->dev = dev;
		list_add(&c->link, &dvm_ctxs);
	}
	return c;
}

void ddic_devmap_ctx_fini(void)
{
	struct dvm_ctx *c, *n;

	list_for_each_entry_safe(c, n, &dvm_ctxs, link)
		kfree(c);
	INIT_LIST_HEAD(&dvm_ctxs);
}

void devmap_set_ctx_timeout(devmap_cookie_t dhp, clock_t ticks)
{
	struct dvm_handle *h = dvm_handle_of(dhp);

	if (!h) {
		pr_warn("%s: %p is not a devmap handle (caller %pS)\n",
			__func__, dhp, (void *)_RET_IP_);
		return;
	}
	WRITE_ONCE(h->ctx_timeout, max_t(clock_t, ticks, 0));
}
EXPORT_SYMBOL(devmap_set_ctx_timeout);

/*
 * From devmap_access(9E): wait for the device's context, then call the
 * driver's context switch.  Its result is returned; nonzero fails the
 * access (SIGBUS).  A process killed while it waits fails it too.
 */
int devmap_do_ctxmgt(devmap_cookie_t dhp, void *pvtp, offset_t off,
		     size_t len, uint_t type, uint_t rw,
		     int (*ctxmgt)(devmap_cookie_t, void *, offset_t, size_t,
				   uint_t, uint_t))
{
	struct dvm_handle *h = dvm_handle_of(dhp);
	unsigned long tmo, end;
	struct dvm_ctx *c;
	int ret;

	if (!h || !ctxmgt) {
		pr_warn("%s: %s (caller %pS); the access fails\n", __func__,
			h ? "no devmap_contextmgt(9E) function" :
			"not a devmap handle", (void *)_RET_IP_);
		return -1;
	}
	tmo = READ_ONCE(h->ctx_timeout);
	mutex_lock(&dvm_ctx_lock);
	c = dvm_ctx_of(h->map->dev);
	if (!c) {
		mutex_unlock(&dvm_ctx_lock);
		return ENOMEM;
	}
	for (;;) {
		if (c->busy) {
			mutex_unlock(&dvm_ctx_lock);
			if (wait_event_killable(dvm_ctx_wq, !READ_ONCE(c->busy)))
				return EINTR;
		} else if (c->switched && tmo &&
			   time_before(jiffies, c->last + tmo)) {
			end = c->last + tmo;
			mutex_unlock(&dvm_ctx_lock);
			schedule_timeout_killable(end - jiffies);
			if (fatal_signal_pending(current))
				return EINTR;
		} else {
			break;
		}
		mutex_lock(&dvm_ctx_lock);
	}
	c->busy = true;
	mutex_unlock(&dvm_ctx_lock);

	ret = ctxmgt(dhp, pvtp, off, len, type, rw);

	mutex_lock(&dvm_ctx_lock);
	c->busy = false;
	c->switched = true;
	c->last = jiffies;
	mutex_unlock(&dvm_ctx_lock);
	wake_up_all(&dvm_ctx_wq);
	return ret;
}
EXPORT_SYMBOL(devmap_do_ctxmgt);

/* The checks common to both remaps; 0 or DDI_FAILURE. */
static int dvm_remap_ok(struct dvm_handle *h, devmap_cookie_t dhp,
			const char *call, size_t len, uint_t maxprot,
			uint_t flags)
{
	if (!h || !h->setup) {
		pr_warn("%s: %p is not a devmap handle set up by devmap(9E)\n",
			call, dhp);
		return DDI_FAILURE;
	}
	if (!(h->flags & DEVMAP_ALLOW_REMAP)) {
		pr_warn("%s: the handle was not set up with DEVMAP_ALLOW_REMAP\n",
			call);
		return DDI_FAILURE;
	}
	/* The mapping keeps its size and what the user was given. */
	if (PAGE_ALIGN(len) < h->len ||
	    (h->map->prot & ~maxprot & (PROT_READ | PROT_WRITE | PROT_EXEC)) ||
	    (flags & ~(DEVMAP_SETUP_FLAGS | IOMEM_DATA_MASK)))
		return DDI_FAILURE;
	return 0;
}

/*
 * The end of a remap: @h (h->lk and dvm_devmem_lock held, its new memory
 * set) belongs to @dip with @maxprot.  The old translations go, so the
 * next access loads the new ones; both locks are dropped and the cookie
 * @old the handle mapped before, if any, is put.
 */
static void dvm_retarget(struct dvm_handle *h, dev_info_t *dip,
			 uint_t maxprot, struct ddi_umem_cookie *old)
{
	h->dip = dip;
	h->maxprot = maxprot;
	h->revoked = false;
	h->invalid = false;
	h->loaded = false;
	dvm_zap(h, 0, h->len);
	mutex_unlock(&h->lk);
	mutex_unlock(&dvm_devmem_lock);
	if (old)
		ddic_umem_put(old);
}

int devmap_devmem_remap(devmap_cookie_t dhp, dev_info_t *dip,
			uint_t rnumber, offset_t roff, size_t len,
			uint_t maxprot, uint_t flags,
			ddi_device_acc_attr_t *accattrp)
{
	struct dvm_handle *h = dvm_handle_of(dhp);
	struct ddi_umem_cookie *old;
	size_t plen = 0;
	phys_addr_t pa;
	int wc;

	if (dvm_remap_ok(h, dhp, __func__, len, maxprot, flags))
		return DDI_FAILURE;
	wc = dvm_devmem_wc(flags, accattrp);
	if (wc < 0)
		return DDI_FAILURE;
	pa = dvm_devmem_pa(dip, __func__, rnumber, roff, len, &plen);
	if (!pa)
		return DDI_FAILURE;
	mutex_lock(&dvm_devmem_lock);
	if (!dvm_bound(dip)) {
		mutex_unlock(&dvm_devmem_lock);
		return DDI_FAILURE;
	}
	if (list_empty(&h->dlink))
		list_add_tail(&h->dlink, &dvm_devmem_list);
	mutex_lock(&h->lk);
	old = h->cookie;
	h->cookie = NULL;
	h->devmem = true;
	h->wc = wc;
	h->pa = pa;
	h->clen = plen;
	dvm_retarget(h, dip, maxprot, old);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(devmap_devmem_remap);

int devmap_umem_remap(devmap_cookie_t dhp, dev_info_t *dip,
		      ddi_umem_cookie_t cookie, offset_t off, size_t len,
		      uint_t maxprot, uint_t flags,
		      ddi_device_acc_attr_t *accattrp)
{
	struct dvm_handle *h = dvm_handle_of(dhp);
	struct ddi_umem_cookie *c = cookie, *old;
	u64 coff, clen;

	if (dvm_remap_ok(h, dhp, __func__, len, maxprot, flags))
		return DDI_FAILURE;
	if (!c || c->magic != DDIC_UMEM_MAGIC_LIVE ||
	    test_bit(DDIC_UMEM_FREED, &c->driver_freed) ||
	    c->backend == DDIC_UMEM_LOCKED || off < 0) {
		pr_warn("%s: cookie %p is freed, locked user memory or not a umem cookie\n",
			__func__, c);
		return DDI_FAILURE;
	}
	coff = (u64)off & PAGE_MASK;
	clen = PAGE_ALIGN((u64)len);
	if (clen < len || coff > c->size || clen > c->size - coff)
		return DDI_FAILURE;
	ddic_umem_get(c);
	mutex_lock(&dvm_devmem_lock);
	list_del_init(&h->dlink);
	mutex_lock(&h->lk);
	old = h->cookie;
	h->cookie = c;
	h->coff = coff;
	h->clen = clen;
	h->devmem = false;
	dvm_retarget(h, dip, maxprot, old);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(devmap_umem_remap);

/*
 * @dip's device is being unbound while it is open (pci.c).  Departure:
 * Solaris refuses to detach a device that is mapped; Linux cannot refuse
 * the unbind, so every user mapping of its BARs is revoked: the PTEs go
 * and the next access gets SIGBUS.  The mappings themselves stay until
 * the processes unmap them.  Returns the number of handles revoked.
 */
int ddic_devmap_revoke(dev_info_t *dip)
{
	struct dvm_handle *h;
	int n = 0;

	mutex_lock(&dvm_devmem_lock);
	list_for_each_entry(h, &dvm_devmem_list, dlink) {
		if (h->dip != dip)
			continue;
		mutex_lock(&h->lk);
		h->revoked = true;
		h->loaded = false;
		dvm_zap(h, 0, h->len);
		mutex_unlock(&h->lk);
		n++;
	}
	mutex_unlock(&dvm_devmem_lock);
	if (n)
		DVM_WARN(dip, "unbound while its device memory is mapped: %d user mapping%s revoked (SIGBUS on access)",
			 n, n == 1 ? "" : "s");
	return n;
}

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

/*
 * Map the device memory of @h.  io_remap_pfn_range() reserves the memory
 * type (x86 PAT) when the handle covers the whole VMA, so later faults
 * get write-combining too; a handle with devmap_access is mapped and
 * unmapped at once for that reservation: it starts unloaded.
 */
static int dvm_populate_devmem(struct dvm_handle *h,
			       struct vm_area_struct *vma)
{
	unsigned long addr = vma->vm_start + h->uoff;
	int err;

	mutex_lock(&h->lk);
	if (h->revoked) {
		mutex_unlock(&h->lk);
		return ENXIO;
	}
	err = io_remap_pfn_range(vma, addr, PHYS_PFN(h->pa), h->len,
				 dvm_devmem_prot(vma, h->wc));
	if (!err && h->cb.devmap_access)
		zap_vma_ptes(vma, addr, h->len);
	mutex_unlock(&h->lk);
	return err == -ENOMEM ? ENOMEM : err ? EFAULT : 0;
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
		/* devmap_access(9E): unloaded until the first touch. */
		if (h->invalid || (h->cb.devmap_access && !h->devmem))
			continue;
		if (h->devmem) {
			err = dvm_populate_devmem(h, vma);
			if (err)
				return err;
			continue;
		}
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

	map = dvm_map_new(GFP_KERNEL_ACCOUNT);
	if (!map)
		return ENOMEM;
	map->mm = vma->vm_mm;
	map->mapping = vma->vm_file ? vma->vm_file->f_mapping : NULL;
	map->dev = dev;
	map->pgoff = vma->vm_pgoff;
	map->len = len;
	map->prot = prot;
	map->maxprot = maxprot;
	map->flags = flags;

	model = ddic_model_current();
	for (uoff = 0; uoff < len; uoff += maplen) {
		left = len - uoff;
		/* A devmap that never advances would loop forever. */
		if (++n > DVM_MAX_HANDLES(len)) {
			err = EINVAL;
			goto fail;
		}
		h = dvm_handle_new(map, GFP_KERNEL_ACCOUNT);
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
	dvm_index(map);

	effmax = maxprot;
	list_for_each_entry(h, &map->handles, link) {
		effmax &= h->maxprot | PROT_USER;
		/*
		 * Private (copy-on-write) mappings need devmap_access on
		 * Solaris.  Departure: refused even with it; Linux cannot
		 * copy-on-write pages inserted as PFNs.
		 */
		if ((flags & MAP_TYPE) == MAP_PRIVATE) {
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
	struct dvm_map *map = dvm_map_new(GFP_KERNEL);

	if (!map)
		return NULL;
	map->prot = prot;
	if (!dvm_handle_new(map, GFP_KERNEL)) {
		kfree(map);
		return NULL;
	}
	/* As if devmap(9E) mapped one page (devmap_load/unload ranges). */
	map->first.len = PAGE_SIZE;
	return &map->first;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_devmap_debug_handle);

/* Debug builds only, for KUnit: the cache choice of devmap_devmem_setup. */
int ddic_devmap_debug_devmem_wc(uint_t flags,
				const ddi_device_acc_attr_t *attr)
{
	return dvm_devmem_wc(flags, attr);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_devmap_debug_devmem_wc);

void ddic_devmap_debug_handle_free(devmap_cookie_t dhp)
{
	struct dvm_handle *h = dvm_handle_of(dhp);

	if (h)
		dvm_map_free(h->map, false);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_devmap_debug_handle_free);

/*
 * Debug builds only, for KUnit: a mapping of @n handles, @lens[i] bytes
 * each (page multiples), indexed as devmap_setup() does; every page's
 * first and last byte must find its own handle, and the end none.
 * Returns how many lookups went wrong, or -ENOMEM.
 */
int ddic_devmap_debug_find(const size_t *lens, unsigned int n)
{
	struct dvm_map *map = dvm_map_new(GFP_KERNEL);
	struct dvm_handle *h;
	size_t uoff = 0, o;
	unsigned int i;
	int bad = 0;

	if (!map)
		return -ENOMEM;
	for (i = 0; i < n; i++) {
		h = dvm_handle_new(map, GFP_KERNEL);
		if (!h) {
			bad = -ENOMEM;
			goto out;
		}
		h->uoff = uoff;
		h->len = lens[i];
		uoff += lens[i];
	}
	map->len = uoff;
	dvm_index(map);
	if (n > 1 && !map->index) {
		bad = -ENOMEM;
		goto out;
	}
	list_for_each_entry(h, &map->handles, link)
		for (o = h->uoff; o < h->uoff + h->len; o += PAGE_SIZE)
			bad += (dvm_find(map, o) != h) +
			       (dvm_find(map, o + PAGE_SIZE - 1) != h);
	bad += dvm_find(map, uoff) != NULL;
out:
	dvm_map_free(map, false);
	return bad;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_devmap_debug_find);
#endif
