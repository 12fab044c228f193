// SPDX-License-Identifier: GPL-2.0
/*
 * ddi_umem_alloc(9F), ddi_umem_free(9F), ddi_umem_lock(9F),
 * ddi_umem_unlock(9F): kernel memory that a driver exports to user space,
 * and user memory that a driver pins.
 *
 * Backends.  A cookie's memory comes from one of two places:
 *  - alloc_pages_exact(): physically contiguous, zeroed, no vmap.  Cheap
 *    for a few pages, usable with GFP_NOWAIT (it never sleeps and never
 *    touches vmalloc, so it is the only backend for DDI_UMEM_NOSLEEP), and
 *    mapped to user space with one remap_pfn_range().  Contiguity gets
 *    harder to find as the order grows, so SLEEP requests use it only up
 *    to umc_pages_max (measured: see bench/umem_bench.c and
 *    docs/departures.md) and only without retrying hard.
 *  - vmalloc (what vmalloc_user() does: zeroed, page-granular): any size,
 *    may sleep; mapped page by page.  SLEEP requests above umc_pages_max
 *    and small ones whose contiguous attempt failed use it.
 * DDI_UMEM_TRASH cookies have no memory of their own: every page of a
 * mapping of one is the cookie's single zeroed "trash" page (one per
 * cookie, so two processes never share one: audit 2, finding 13).
 *
 * Lifetime.  A cookie is reference counted: ddi_umem_alloc() gives the
 * driver one reference, each user mapping of it holds one more.
 * ddi_umem_free() drops the driver's; the memory goes when the last
 * mapping is gone too, so a process never keeps pages the kernel reuses.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/mm.h>
#include <linux/gfp.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/sched/mm.h>
#include <linux/workqueue.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/capability.h>
#include <linux/uaccess.h>
#include <ddi_compat/kcompat.h>
#include <sys/ddidevmap.h>

#include "ddic_core.h"
#include "ddic_umem.h"
#include <ddi_compat/testing.h>

/*
 * SLEEP requests of up to this many bytes try contiguous pages first.
 * 32 KiB is PAGE_ALLOC_COSTLY_ORDER: above it the page allocator may
 * compact memory and fail, and the bench shows vmalloc no slower there.
 */
static size_t umc_pages_max = PAGE_SIZE << PAGE_ALLOC_COSTLY_ORDER;


/* debugfs counters. */
static const char *const umc_backend_names[DDIC_UMEM_NBACKENDS] = {
	"vmalloc", "pages", "trash", "locked"
};

enum {
	UMC_F_SLEEP, UMC_F_NOSLEEP, UMC_F_PAGEABLE, UMC_F_TRASH,
	UMC_NFLAGS
};
static const char *const umc_flag_names[UMC_NFLAGS] = {
	"sleep", "nosleep", "pageable", "trash"
};

struct umc_count {
	atomic_long_t cookies;
	atomic_long_t bytes;
};

static struct umc_count umc_by_backend[DDIC_UMEM_NBACKENDS];
static struct umc_count umc_by_flag[UMC_NFLAGS];
static atomic_long_t umc_mappings;
static atomic_long_t umc_orphans;	/* freed by the driver, still mapped */
static atomic_long_t umc_misuse;

static void umc_count(struct ddi_umem_cookie *c, long sign)
{
	struct umc_count *b = &umc_by_backend[c->backend];
	int f;

	atomic_long_add(sign, &b->cookies);
	atomic_long_add(sign * (long)c->size, &b->bytes);
	if (c->backend == DDIC_UMEM_LOCKED)
		return;
	if (c->flags & DDI_UMEM_TRASH)
		f = UMC_F_TRASH;
	else if (c->flags & DDI_UMEM_PAGEABLE)
		f = UMC_F_PAGEABLE;
	else if (c->flags & DDI_UMEM_NOSLEEP)
		f = UMC_F_NOSLEEP;
	else
		f = UMC_F_SLEEP;
	atomic_long_add(sign, &umc_by_flag[f].cookies);
	atomic_long_add(sign * (long)c->size, &umc_by_flag[f].bytes);
}

void ddic_umem_mappings_inc(void)
{
	atomic_long_inc(&umc_mappings);
}

void ddic_umem_mappings_dec(void)
{
	atomic_long_dec(&umc_mappings);
}

#ifdef DDIC_DEBUG
static DDIC_SITE_TRACKER(umc_sites);

static void umc_track(struct ddi_umem_cookie *c, const char *func, int line,
		       unsigned long caller)
{
	ddic_site_track(&umc_sites, &c->site, c->size, func, line, caller);
}

static void umc_untrack(struct ddi_umem_cookie *c)
{
	ddic_site_untrack(&umc_sites, &c->site);
}

int ddic_umem_debug_site(ddi_umem_cookie_t c, const char **func, int *line,
			size_t *size)
{
	if (!c || c->magic != DDIC_UMEM_MAGIC_LIVE)
		return -ENOENT;
	*func = c->site.func;
	*line = c->site.line;
	*size = c->size;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_umem_debug_site);

unsigned long ddic_umem_debug_outstanding(struct module *owner)
{
	return ddic_site_count(&umc_sites, owner);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_umem_debug_outstanding);

unsigned long ddic_umem_debug_refs(ddi_umem_cookie_t c)
{
	return refcount_read(&c->ref);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_umem_debug_refs);

static void umc_report_leak(struct ddic_site *s, const char *modname,
			    char *buf, size_t len)
{
	struct ddi_umem_cookie *c = container_of(s, struct ddi_umem_cookie,
						 site);

	snprintf(buf, len, "umem leak: cookie %p (%zu bytes, %s) allocated by %s:%d [%s], not freed at unload%s",
		 c, c->size, umc_backend_names[c->backend], s->func ?: "?",
		 s->line, modname, test_bit(DDIC_UMEM_FREED, &c->driver_freed) ?
		 " (freed, still mapped)" : "");
}

/*
 * Name the cookies @mod (all if NULL) still holds and stop tracking them.
 */
static void umc_report_leaks(struct module *mod)
{
	ddic_site_orphan(&umc_sites, mod, "umem", "cookies", umc_report_leak);
}

static unsigned long umc_leaked(void)
{
	return ddic_site_orphaned(&umc_sites);
}
#else
static void umc_track(struct ddi_umem_cookie *c, const char *func, int line,
		       unsigned long caller)
{
}

static void umc_untrack(struct ddi_umem_cookie *c)
{
}

static void umc_report_leaks(struct module *mod)
{
}

static unsigned long umc_leaked(void)
{
	return 0;
}
#endif /* DDIC_DEBUG */

void ddic_umem_module_going(struct module *mod)
{
	umc_report_leaks(mod);
}

/*
 * Releasing a locked cookie unpins pages (which may take the page lock to
 * dirty them) and unaccounts locked memory (mmap_lock): both sleep.  From
 * atomic context the cookie is queued for a work item (ddic_defer).
 */
static void umc_release_locked(struct ddic_defer *d)
{
	struct ddi_umem_cookie *c = container_of(d, struct ddi_umem_cookie,
						 defer);
	unsigned long npages = c->size >> PAGE_SHIFT;

	unpin_user_pages_dirty_lock(c->pages, npages, c->dirty);
	if (c->accounted)
		account_locked_vm(c->mm, npages, false);
	mmdrop(c->mm);
	kvfree(c->pages);
	kfree(c);
}

/*
 * A vmalloc'ed cookie: vfree() may sleep, so from atomic context the
 * cookie (not the area) is queued.  Queueing the area would write the
 * queue's link into its first bytes, memory a process may have had
 * mapped (audit 2, finding 15).
 */
static void umc_release_vmalloc(struct ddic_defer *d)
{
	struct ddi_umem_cookie *c = container_of(d, struct ddi_umem_cookie,
						 defer);

	vfree(c->kaddr);
	kvfree(c->pages);
	kfree(c);
}

/* The last reference is gone: give the memory back.  Any context. */
static void umc_release(struct ddi_umem_cookie *c)
{
	umc_untrack(c);
	umc_count(c, -1);
	if (test_bit(DDIC_UMEM_FREED_MAPPED, &c->driver_freed))
		atomic_long_dec(&umc_orphans);
	c->magic = DDIC_UMEM_MAGIC_DEAD;
	switch (c->backend) {
	case DDIC_UMEM_VMALLOC:
		ddic_defer(&c->defer, umc_release_vmalloc);
		return;
	case DDIC_UMEM_PAGES:
		free_pages_exact(c->kaddr, c->size);
		break;
	case DDIC_UMEM_TRASH:
		__free_page(c->trash);
		break;
	case DDIC_UMEM_LOCKED:
		ddic_defer(&c->defer, umc_release_locked);
		return;
	default:
		break;
	}
	kfree(c);
}

void ddic_umem_get(struct ddi_umem_cookie *c)
{
	refcount_inc(&c->ref);
}

void ddic_umem_put(struct ddi_umem_cookie *c)
{
	if (refcount_dec_and_test(&c->ref))
		umc_release(c);
}

struct page *ddic_umem_page(struct ddi_umem_cookie *c, size_t off)
{
	switch (c->backend) {
	case DDIC_UMEM_VMALLOC:
		if (c->pages)
			return c->pages[off >> PAGE_SHIFT];
		return vmalloc_to_page((char *)c->kaddr + off);
	case DDIC_UMEM_PAGES:
		return virt_to_page((char *)c->kaddr + off);
	case DDIC_UMEM_TRASH:
		return c->trash;
	case DDIC_UMEM_LOCKED:
		return c->pages[off >> PAGE_SHIFT];
	default:
		return NULL;
	}
}

/* For the test fixture: the page behind byte @off of a live cookie. */
struct page *ddic_umem_cookie_page(ddi_umem_cookie_t c, size_t off)
{
	if (!c || c->magic != DDIC_UMEM_MAGIC_LIVE || off >= c->size ||
	    c->backend == DDIC_UMEM_TRASH)
		return NULL;
	return ddic_umem_page(c, off);
}
DDIC_EXPORT_TESTING(ddic_umem_cookie_page);

/*
 * The page array of a vmalloc'ed cookie, built on its first mapping (Linux
 * does not export vmalloc's own), so that every mapping after it fills
 * its PTEs without a vmalloc page-table walk per page.  NULL if
 * memory is short; callers then fall back to ddic_umem_page().
 */
struct page **ddic_umem_page_array(struct ddi_umem_cookie *c)
{
	unsigned long i, n = c->size >> PAGE_SHIFT;
	struct page **pages;

	if (c->backend != DDIC_UMEM_VMALLOC)
		return NULL;
	pages = READ_ONCE(c->pages);
	if (pages)
		return pages;
	pages = kvmalloc_array(n, sizeof(*pages), GFP_KERNEL | __GFP_NOWARN);
	if (!pages)
		return NULL;
	for (i = 0; i < n; i++)
		pages[i] = vmalloc_to_page((char *)c->kaddr + (i << PAGE_SHIFT));
	if (cmpxchg(&c->pages, NULL, pages)) {
		kvfree(pages);
		return READ_ONCE(c->pages);
	}
	return pages;
}

/* Backends.  Every one returns zeroed memory or NULL, and never warns. */
static void *umc_pages_alloc(size_t size, gfp_t gfp)
{
	if (get_order(size) > DDIC_MAX_PAGE_ORDER)
		return NULL;
	return alloc_pages_exact(size, gfp | __GFP_ZERO | __GFP_NOWARN);
}

/*
 * vmalloc_user() is vmalloc of zeroed pages marked for remap_vmalloc_range;
 * ddi_compat maps vmalloc'ed pages itself (vm_insert_pages), so it calls
 * __vmalloc() with the same zeroing and adds __GFP_NOWARN: a SLEEP request
 * retries a failure quietly instead of printing an allocation-failure
 * report each time.
 */
static void *umc_vmalloc(size_t size)
{
	return __vmalloc(size, GFP_KERNEL | __GFP_ZERO | __GFP_NOWARN);
}

static struct ddi_umem_cookie *umc_cookie_new(gfp_t gfp)
{
	struct ddi_umem_cookie *c = kzalloc(sizeof(*c), gfp | __GFP_NOWARN);

	if (c) {
		c->magic = DDIC_UMEM_MAGIC_LIVE;
		refcount_set(&c->ref, 1);
#ifdef DDIC_DEBUG
		INIT_LIST_HEAD(&c->site.link);
#endif
	}
	return c;
}

static void umc_backoff(unsigned int tries, size_t size)
{
	if (tries == 100)
		pr_warn("ddi_umem_alloc: still waiting for %zu bytes (DDI_UMEM_SLEEP)\n",
			size);
	msleep(min(tries, 20U));
}

/* DDI_UMEM_SLEEP: sleeps as long as needed; never fails if satisfiable. */
static struct ddi_umem_cookie *umc_alloc_sleep(size_t size)
{
	struct ddi_umem_cookie *c;
	unsigned int tries = 0;
	void *p;

	might_sleep();
	while (!(c = umc_cookie_new(GFP_KERNEL)))
		umc_backoff(++tries, size);
	for (;;) {
		if (size <= umc_pages_max) {
			p = umc_pages_alloc(size, GFP_KERNEL | __GFP_NORETRY);
			if (p) {
				c->backend = DDIC_UMEM_PAGES;
				break;
			}
		}
		p = umc_vmalloc(size);
		if (p) {
			c->backend = DDIC_UMEM_VMALLOC;
			break;
		}
		umc_backoff(++tries, size);
	}
	c->kaddr = p;
	return c;
}

/*
 * DDI_UMEM_NOSLEEP: contiguous pages with GFP_NOWAIT only.  vmalloc may
 * sleep (page tables, vmap areas) so it is never used here; a request the
 * buddy allocator cannot satisfy at once fails.
 */
static struct ddi_umem_cookie *umc_alloc_nosleep(size_t size)
{
	struct ddi_umem_cookie *c = umc_cookie_new(GFP_NOWAIT);

	if (!c)
		return NULL;
	c->kaddr = umc_pages_alloc(size, GFP_NOWAIT);
	if (!c->kaddr) {
		kfree(c);
		return NULL;
	}
	c->backend = DDIC_UMEM_PAGES;
	return c;
}

void *ddic_umem_alloc_site(size_t size, int flag, ddi_umem_cookie_t *cookiep,
			  const char *func, int line)
{
	bool nosleep = flag & DDI_UMEM_NOSLEEP;
	struct ddi_umem_cookie *c;
	size_t rsize;

	if (!cookiep) {
		pr_warn("ddi_umem_alloc: NULL cookiep from %s:%d\n", func, line);
		return NULL;
	}
	*cookiep = NULL;
	if (size == 0)
		return NULL;
	rsize = size > SIZE_MAX - PAGE_SIZE + 1 ? 0 : PAGE_ALIGN(size);
	if (!rsize || (rsize >> PAGE_SHIFT) >= totalram_pages()) {
		/* Solaris would wait forever; say so once and fail. */
		pr_warn("ddi_umem_alloc: %zu bytes from %s:%d can never be allocated (memory is %lu pages); returning NULL\n",
			size, func, line, totalram_pages());
		return NULL;
	}

	if (flag & DDI_UMEM_TRASH) {
		c = umc_cookie_new(nosleep ? GFP_NOWAIT : GFP_KERNEL);
		if (!c)
			return NULL;
		/*
		 * A zeroed page per cookie, not one for every driver and
		 * process: what one mapping writes, another cookie's never
		 * reads (audit 2, finding 13).
		 */
		c->trash = alloc_page((nosleep ? GFP_NOWAIT : GFP_KERNEL) |
				      __GFP_ZERO | __GFP_NOWARN);
		if (!c->trash) {
			kfree(c);
			return NULL;
		}
		c->backend = DDIC_UMEM_TRASH;
	} else if (nosleep) {
		c = umc_alloc_nosleep(rsize);
		if (!c)
			return NULL;
	} else {
		c = umc_alloc_sleep(rsize);
	}
	/*
	 * DDI_UMEM_PAGEABLE: Linux kernel memory is never paged out, so the
	 * memory is locked like any other; the flag is kept in the cookie.
	 */
	c->flags = flag & (DDI_UMEM_NOSLEEP | DDI_UMEM_PAGEABLE |
			   DDI_UMEM_TRASH);
	c->size = rsize;
	umc_track(c, func, line, _RET_IP_);
	umc_count(c, 1);
	*cookiep = c;
	return c->kaddr;
}
EXPORT_SYMBOL(ddic_umem_alloc_site);

/* Is @c something ddi_umem_alloc() or ddi_umem_lock() returned? */
static bool umc_valid(struct ddi_umem_cookie *c, const char *who,
		       unsigned long caller)
{
	if (c->magic == DDIC_UMEM_MAGIC_LIVE)
		return true;
	atomic_long_inc(&umc_misuse);
	pr_warn("%s: %p is not a live umem cookie (caller %pS); ignored\n",
		who, c, (void *)caller);
	return false;
}

void ddi_umem_free(ddi_umem_cookie_t c)
{
	if (!c)
		return;
	if (!umc_valid(c, "ddi_umem_free", _RET_IP_))
		return;
	if (c->backend == DDIC_UMEM_LOCKED) {
		atomic_long_inc(&umc_misuse);
		pr_warn("%s: cookie %p is from ddi_umem_lock (caller %pS); use ddi_umem_unlock\n",
			__func__, c, (void *)_RET_IP_);
		return;
	}
	if (test_and_set_bit(DDIC_UMEM_FREED, &c->driver_freed)) {
		atomic_long_inc(&umc_misuse);
		pr_warn("%s: cookie %p freed twice (caller %pS); ignored\n",
			__func__, c, (void *)_RET_IP_);
		return;
	}
	/* Still mapped: count it until the last mapping goes. */
	if (refcount_read(&c->ref) > 1) {
		set_bit(DDIC_UMEM_FREED_MAPPED, &c->driver_freed);
		atomic_long_inc(&umc_orphans);
	}
	ddic_umem_put(c);
}
EXPORT_SYMBOL(ddi_umem_free);

/*
 * ddi_umem_lock(9F): pin [addr, addr + len) of the calling process.
 * Permissions are checked against the VMAs first, so that a write lock of
 * read-only memory is EACCES rather than the EFAULT GUP would give.  The
 * pinned pages count against RLIMIT_MEMLOCK (EAGAIN beyond it), as
 * Solaris charges them to project.max-locked-memory.
 */
static int umc_lock_check(unsigned long start, unsigned long end, int flags)
{
	struct mm_struct *mm = current->mm;
	struct vm_area_struct *vma;
	unsigned long addr = start;
	int err = 0;

	mmap_read_lock(mm);
	while (addr < end) {
		vma = find_vma(mm, addr);
		if (!vma || vma->vm_start > addr) {
			err = -EFAULT;
			break;
		}
		if (((flags & DDI_UMEMLOCK_WRITE) && !(vma->vm_flags & VM_WRITE)) ||
		    ((flags & DDI_UMEMLOCK_READ) && !(vma->vm_flags & VM_READ))) {
			err = -EACCES;
			break;
		}
		if (vma->vm_flags & (VM_IO | VM_PFNMAP)) {
			err = -EFAULT;
			break;
		}
		addr = vma->vm_end;
	}
	mmap_read_unlock(mm);
	return err;
}

/* Returns a Solaris errno: 0 or positive. */
int ddi_umem_lock(caddr_t addr, size_t len, int flags,
		  ddi_umem_cookie_t *cookiep)
{
	unsigned long start = (unsigned long)addr, npages;
	struct ddi_umem_cookie *c;
	int err, pinned;

	if (!cookiep)
		return EINVAL;
	*cookiep = NULL;
	if (!len || offset_in_page(start) ||
	    !(flags & (DDI_UMEMLOCK_READ | DDI_UMEMLOCK_WRITE)) ||
	    (flags & ~(DDI_UMEMLOCK_READ | DDI_UMEMLOCK_WRITE)))
		return EINVAL;
	if (!current->mm || (current->flags & PF_KTHREAD))
		return EINVAL;
	if (len > SIZE_MAX - PAGE_SIZE + 1 ||
	    !access_ok((void __user *)addr, PAGE_ALIGN(len)))
		return EFAULT;
	len = PAGE_ALIGN(len);
	npages = len >> PAGE_SHIFT;
	if (npages > INT_MAX)
		return ENOMEM;
	err = umc_lock_check(start, start + len, flags);
	if (err)
		return -err;

	c = umc_cookie_new(GFP_KERNEL);
	if (!c)
		return ENOMEM;
	c->pages = kvcalloc(npages, sizeof(*c->pages), GFP_KERNEL);
	if (!c->pages) {
		kfree(c);
		return ENOMEM;
	}
	if (!capable(CAP_IPC_LOCK)) {
		if (account_locked_vm(current->mm, npages, true)) {
			kvfree(c->pages);
			kfree(c);
			return EAGAIN;
		}
		c->accounted = true;
	}
	pinned = pin_user_pages_fast(start, npages, FOLL_LONGTERM |
				     ((flags & DDI_UMEMLOCK_WRITE) ?
				      FOLL_WRITE : 0), c->pages);
	if (pinned != npages) {
		if (pinned > 0)
			unpin_user_pages(c->pages, pinned);
		if (c->accounted)
			account_locked_vm(current->mm, npages, false);
		kvfree(c->pages);
		kfree(c);
		if (pinned == -ENOMEM)
			return ENOMEM;
		if (pinned == -EAGAIN)
			return EAGAIN;
		return EFAULT;
	}
	mmgrab(current->mm);
	c->mm = current->mm;
	c->dirty = flags & DDI_UMEMLOCK_WRITE;
	c->backend = DDIC_UMEM_LOCKED;
	c->kaddr = addr;
	c->size = len;
	c->flags = flags;
	umc_track(c, "ddi_umem_lock", 0, _RET_IP_);
	umc_count(c, 1);
	*cookiep = c;
	return 0;
}
EXPORT_SYMBOL(ddi_umem_lock);

void ddi_umem_unlock(ddi_umem_cookie_t c)
{
	if (!c || !umc_valid(c, "ddi_umem_unlock", _RET_IP_))
		return;
	if (c->backend != DDIC_UMEM_LOCKED) {
		atomic_long_inc(&umc_misuse);
		pr_warn("%s: cookie %p is from ddi_umem_alloc (caller %pS); use ddi_umem_free\n",
			__func__, c, (void *)_RET_IP_);
		return;
	}
	if (test_and_set_bit(DDIC_UMEM_FREED, &c->driver_freed)) {
		atomic_long_inc(&umc_misuse);
		pr_warn("%s: cookie %p unlocked twice (caller %pS); ignored\n",
			__func__, c, (void *)_RET_IP_);
		return;
	}
	ddic_umem_put(c);
}
EXPORT_SYMBOL(ddi_umem_unlock);

static int umc_stats_show(struct seq_file *m, void *v)
{
	int i;

	for (i = 0; i < DDIC_UMEM_NBACKENDS; i++)
		seq_printf(m, "backend_%s_cookies %ld\nbackend_%s_bytes %ld\n",
			   umc_backend_names[i],
			   atomic_long_read(&umc_by_backend[i].cookies),
			   umc_backend_names[i],
			   atomic_long_read(&umc_by_backend[i].bytes));
	for (i = 0; i < UMC_NFLAGS; i++)
		seq_printf(m, "flag_%s_cookies %ld\nflag_%s_bytes %ld\n",
			   umc_flag_names[i],
			   atomic_long_read(&umc_by_flag[i].cookies),
			   umc_flag_names[i],
			   atomic_long_read(&umc_by_flag[i].bytes));
	seq_printf(m, "mappings_live %ld\nfreed_still_mapped %ld\nmisuse %ld\npages_max %zu\nleaked_at_unload %lu\n",
		   atomic_long_read(&umc_mappings),
		   atomic_long_read(&umc_orphans),
		   atomic_long_read(&umc_misuse), umc_pages_max, umc_leaked());
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(umc_stats);

int ddic_umem_init(void)
{
	debugfs_create_file("umem", 0444, ddic_debugfs_root, NULL,
			    &umc_stats_fops);
	return 0;
}

void ddic_umem_fini(void)
{
	ddic_defer_flush();
	umc_report_leaks(NULL);
}
