// SPDX-License-Identifier: GPL-2.0
/*
 * kmem_alloc(9F), kmem_zalloc(9F), kmem_free(9F) over kmalloc/vmalloc.
 *
 * KM_SLEEP never returns NULL: it retries until the allocation succeeds,
 * as drivers written for Solaris do not check.  A request larger than all
 * of memory can never succeed; Solaris would hang, ddi_compat returns NULL
 * with a warning.  KM_NOSLEEP never sleeps and never touches vmalloc, so it
 * is safe in interrupt context and under spinlocks.
 *
 * Debug builds (DDIC_DEBUG) put a header in front of every allocation that
 * records its size and call site: kmem_free() checks the size it is given,
 * refuses a pointer kmem_alloc() never returned, and the allocations a
 * module still holds when it unloads are reported by call site.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/delay.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/llist.h>
#include <linux/workqueue.h>
#include <sys/kmem.h>
#include <sys/cmn_err.h>

#include "ddic_core.h"
#include <ddi_compat/testing.h>

/*
 * vfree() may sleep outside interrupt context, and Linux does not export
 * its deferred variant.  From a spinlock, with interrupts off or in an
 * interrupt, the area is queued (the queue's node lives in the area
 * itself, which is at least a page) and freed from a work item.
 */
static void kmd_vfree(struct ddic_defer *d)
{
	vfree(d);
}

void ddic_vfree_any(const void *addr)
{
	if (addr)
		ddic_defer((struct ddic_defer *)addr, kmd_vfree);
}

static __always_inline void *kma_alloc_nosleep(size_t size, gfp_t zero)
{
	return kmalloc(size, GFP_NOWAIT | __GFP_NOWARN | zero);
}

static noinline void *kma_alloc_sleep_slow(size_t size, gfp_t zero)
{
	unsigned int tries = 0;
	void *p;

	if (size >> PAGE_SHIFT >= totalram_pages()) {
		pr_warn("kmem_alloc: %zu bytes can never be allocated (memory is %lu pages); returning NULL\n",
			size, totalram_pages());
		return NULL;
	}
	for (;;) {
		/* kvmalloc() refuses every size above INT_MAX. */
		if (size > INT_MAX)
			p = __vmalloc(size, GFP_KERNEL | __GFP_RETRY_MAYFAIL |
				      __GFP_NOWARN | zero);
		else
			p = kvmalloc(size, GFP_KERNEL | __GFP_RETRY_MAYFAIL |
				     __GFP_NOWARN | zero);
		if (p)
			return p;
		if (++tries == 50)
			pr_warn("kmem_alloc: still waiting for %zu bytes\n",
				size);
		msleep(min(tries, 20U));
	}
}

static __always_inline void *kma_alloc_sleep(size_t size, gfp_t zero)
{
	void *p;

	might_sleep();
	/* Small requests: kmalloc, which in practice does not fail. */
	if (likely(size <= KMALLOC_MAX_CACHE_SIZE)) {
		p = kmalloc(size, GFP_KERNEL | __GFP_NOWARN | zero);
		if (likely(p))
			return p;
	}
	return kma_alloc_sleep_slow(size, zero);
}

static __always_inline void kma_release(void *p)
{
	if (is_vmalloc_addr(p))
		ddic_vfree_any(p);
	else
		kfree(p);
}

static __always_inline void *kma_get(size_t size, int flag, gfp_t zero)
{
	void *p;

	p = (flag & KM_NOSLEEP) ? kma_alloc_nosleep(size, zero) :
				  kma_alloc_sleep(size, zero);
	if (!p && (flag & KM_PANIC))
		panic("kmem_alloc: failed to allocate %zu bytes (KM_PANIC)\n",
		      size);
	return p;
}

#ifdef DDIC_DEBUG

/* Every kmem_alloc and kmem_free comes here: the header, the call site. */
const bool ddic_kmem_direct;
EXPORT_SYMBOL(ddic_kmem_direct);

#define KMA_MAGIC_LIVE	0x4b4d454dU	/* "KMEM" */
#define KMA_MAGIC_FREE	0x6b6d6566U

struct kma_hdr {
	struct ddic_site site;		/* size and call site, in kma_sites */
	u32 magic;
};

#define KMA_HDR_SIZE	ALIGN(sizeof(struct kma_hdr), 16)

static DDIC_SITE_TRACKER(kma_sites);
static atomic_long_t kma_misuse = ATOMIC_LONG_INIT(0);

static struct kma_hdr *kma_hdr_of(const void *buf)
{
	return (struct kma_hdr *)((char *)buf - KMA_HDR_SIZE);
}

static void *kma_track(void *p, size_t size, const char *func, int line,
			unsigned long caller)
{
	struct kma_hdr *hdr = p;

	hdr->magic = KMA_MAGIC_LIVE;
	ddic_site_track(&kma_sites, &hdr->site, size, func, line, caller);
	return (char *)p + KMA_HDR_SIZE;
}

void *ddic_kmem_alloc(size_t size, int flag, int zero, const char *func,
		     int line)
{
	void *p;

	if (size == 0)
		return NULL;
	if (size > SIZE_MAX - KMA_HDR_SIZE)
		return NULL;
	p = kma_get(size + KMA_HDR_SIZE, flag, zero ? __GFP_ZERO : 0);
	if (!p)
		return NULL;
	return kma_track(p, size, func, line, _RET_IP_);
}
EXPORT_SYMBOL(ddic_kmem_alloc);

void ddic_kmem_free(void *buf, size_t size, const char *func, int line)
{
	struct kma_hdr *hdr;

	if (!buf)
		return;
	hdr = kma_hdr_of(buf);
	if (hdr->magic != KMA_MAGIC_LIVE) {
		atomic_long_inc(&kma_misuse);
		pr_warn("kmem_free: %p from %s:%d (%pS) was not allocated by kmem_alloc or is already freed; ignored\n",
			buf, func, line, (void *)_RET_IP_);
		return;
	}
	if (hdr->site.size != size) {
		atomic_long_inc(&kma_misuse);
		pr_warn("kmem_free: size mismatch: %s:%d (%pS) frees %zu bytes at %p, allocated as %zu bytes by %s:%d\n",
			func, line, (void *)_RET_IP_, size, buf, hdr->site.size,
			hdr->site.func ?: "(unloaded module)", hdr->site.line);
	}
	ddic_site_untrack(&kma_sites, &hdr->site);
	ddic_poll_mem_freed(buf, hdr->site.size);
	hdr->magic = KMA_MAGIC_FREE;
	kma_release(hdr);
}
EXPORT_SYMBOL(ddic_kmem_free);

int ddic_kmem_debug_site(const void *buf, const char **func, int *line,
			size_t *size)
{
	struct kma_hdr *hdr = kma_hdr_of(buf);

	if (hdr->magic != KMA_MAGIC_LIVE)
		return -ENOENT;
	*func = hdr->site.func;
	*line = hdr->site.line;
	*size = hdr->site.size;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_kmem_debug_site);

unsigned long ddic_kmem_debug_outstanding(struct module *owner)
{
	return ddic_site_count(&kma_sites, owner);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_kmem_debug_outstanding);

unsigned long ddic_kmem_debug_misuse(void)
{
	return atomic_long_read(&kma_misuse);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_kmem_debug_misuse);

static void kma_report_leak(struct ddic_site *s, const char *modname,
			    char *buf, size_t len)
{
	snprintf(buf, len, "kmem leak: %zu bytes at %p allocated by %s:%d [%s], not freed at unload",
		 s->size, (char *)container_of(s, struct kma_hdr, site) +
		 KMA_HDR_SIZE, s->func, s->line, modname);
}

/*
 * Report the allocations @mod still holds (all of them if @mod is NULL)
 * and stop tracking them.  The memory itself is left alone; kmemleak
 * will see it too.
 */
static void kma_report_leaks(struct module *mod)
{
	ddic_site_orphan(&kma_sites, mod, "kmem", "allocations",
			kma_report_leak);
}

void ddic_kmem_module_going(struct module *mod)
{
	kma_report_leaks(mod);
}

static int kma_stats_show(struct seq_file *m, void *v)
{
	unsigned long nlive, bytes;

	ddic_site_stats(&kma_sites, &nlive, &bytes);
	seq_printf(m, "live_allocations %lu\nlive_bytes %lu\nmisuse %ld\nleaked_at_unload %lu\n",
		   nlive, bytes, atomic_long_read(&kma_misuse),
		   ddic_site_orphaned(&kma_sites));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(kma_stats);

int ddic_kmem_init(void)
{
	debugfs_create_file("kmem", 0444, ddic_debugfs_root, NULL,
			    &kma_stats_fops);
	return 0;
}

void ddic_kmem_fini(void)
{
	ddic_defer_flush();
	kma_report_leaks(NULL);
}

#else /* !DDIC_DEBUG */

/* <sys/kmem.h> calls kmalloc()/kfree() itself in the common case. */
const bool ddic_kmem_direct = true;
EXPORT_SYMBOL(ddic_kmem_direct);

/*
 * Production builds: no header, no call-site tracking, and for the
 * common case (KM_SLEEP, at most KMALLOC_MAX_CACHE_SIZE bytes) nothing
 * but a tail call of kmalloc(): __GFP_NOFAIL is KM_SLEEP's "never NULL"
 * (slab-sized requests, where Linux allows it), and kmalloc() makes
 * might_sleep()'s check itself.  <sys/kmem.h> does the same inline in
 * the driver (the same tests: ddic_kmem_small_sleep(),
 * ddic_kmem_not_vmalloc()); these serve the rest, and any caller that
 * takes the functions' addresses.
 */
void *ddic_kmem_alloc(size_t size, int flag, int zero, const char *func,
		     int line)
{
	gfp_t z = zero ? __GFP_ZERO : 0;

	if (likely(ddic_kmem_small_sleep(size, flag)))
		return kmalloc(size, GFP_KERNEL | __GFP_NOFAIL | z);
	if (size == 0)
		return NULL;
	return kma_get(size, flag, z);
}
EXPORT_SYMBOL(ddic_kmem_alloc);

void ddic_kmem_free(void *buf, size_t size, const char *func, int line)
{
	ddic_poll_mem_freed(buf, size);
	/* kfree(NULL) does nothing: no test of its own. */
	if (likely(ddic_kmem_not_vmalloc(buf)))
		kfree(buf);
	else
		ddic_vfree_any(buf);
}
EXPORT_SYMBOL(ddic_kmem_free);

void ddic_kmem_module_going(struct module *mod)
{
}

int ddic_kmem_init(void)
{
	return 0;
}

void ddic_kmem_fini(void)
{
	ddic_defer_flush();
}

#endif /* DDIC_DEBUG */
