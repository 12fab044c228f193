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
 * Debug builds (DDI_DEBUG) put a header in front of every allocation that
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

#include "ddi_impl.h"

/*
 * vfree() may sleep outside interrupt context, and Linux does not export
 * its deferred variant.  From a spinlock, with interrupts off or in an
 * interrupt, the area is queued (the list node lives in the area itself,
 * which is at least a page) and a work item frees it.
 */
static LLIST_HEAD(kmem_deferred);

static void kmem_deferred_fn(struct work_struct *work)
{
	struct llist_node *n, *next;

	llist_for_each_safe(n, next, llist_del_all(&kmem_deferred))
		vfree(n);
}

static DECLARE_WORK(kmem_deferred_work, kmem_deferred_fn);

void ddi_vfree_any(const void *addr)
{
	if (!addr)
		return;
	if (preemptible()) {
		vfree(addr);
		return;
	}
	if (llist_add((struct llist_node *)addr, &kmem_deferred))
		schedule_work(&kmem_deferred_work);
}

/* Called last at unload: nothing may stay queued. */
void ddi_vfree_flush(void)
{
	flush_work(&kmem_deferred_work);
}

static __always_inline void *kmem_alloc_nosleep(size_t size, gfp_t zero)
{
	return kmalloc(size, GFP_NOWAIT | __GFP_NOWARN | zero);
}

static noinline void *kmem_alloc_sleep_slow(size_t size, gfp_t zero)
{
	unsigned int tries = 0;
	void *p;

	if (size >> PAGE_SHIFT >= totalram_pages()) {
		pr_warn("kmem_alloc: %zu bytes can never be allocated (memory is %lu pages); returning NULL\n",
			size, totalram_pages());
		return NULL;
	}
	for (;;) {
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

static __always_inline void *kmem_alloc_sleep(size_t size, gfp_t zero)
{
	void *p;

	might_sleep();
	/* Small requests: kmalloc, which in practice does not fail. */
	if (likely(size <= KMALLOC_MAX_CACHE_SIZE)) {
		p = kmalloc(size, GFP_KERNEL | __GFP_NOWARN | zero);
		if (likely(p))
			return p;
	}
	return kmem_alloc_sleep_slow(size, zero);
}

static __always_inline void kmem_release(void *p)
{
	if (is_vmalloc_addr(p))
		ddi_vfree_any(p);
	else
		kfree(p);
}

static __always_inline void *kmem_get(size_t size, int flag, gfp_t zero)
{
	void *p;

	p = (flag & KM_NOSLEEP) ? kmem_alloc_nosleep(size, zero) :
				  kmem_alloc_sleep(size, zero);
	if (!p && (flag & KM_PANIC))
		panic("kmem_alloc: failed to allocate %zu bytes (KM_PANIC)\n",
		      size);
	return p;
}

#ifdef DDI_DEBUG

#define KMEM_MAGIC_LIVE	0x4b4d454dU	/* "KMEM" */
#define KMEM_MAGIC_FREE	0x6b6d6566U

struct kmem_hdr {
	struct ddic_site site;		/* size and call site, in kmem_sites */
	u32 magic;
};

#define KMEM_HDR_SIZE	ALIGN(sizeof(struct kmem_hdr), 16)

static DDIC_SITE_TRACKER(kmem_sites);
static atomic_long_t kmem_misuse = ATOMIC_LONG_INIT(0);

static struct kmem_hdr *kmem_hdr_of(const void *buf)
{
	return (struct kmem_hdr *)((char *)buf - KMEM_HDR_SIZE);
}

static void *kmem_track(void *p, size_t size, const char *func, int line,
			unsigned long caller)
{
	struct kmem_hdr *hdr = p;

	hdr->magic = KMEM_MAGIC_LIVE;
	ddic_site_track(&kmem_sites, &hdr->site, size, func, line, caller);
	return (char *)p + KMEM_HDR_SIZE;
}

void *ddi_kmem_alloc(size_t size, int flag, int zero, const char *func,
		     int line)
{
	void *p;

	if (size == 0)
		return NULL;
	if (size > SIZE_MAX - KMEM_HDR_SIZE)
		return NULL;
	p = kmem_get(size + KMEM_HDR_SIZE, flag, zero ? __GFP_ZERO : 0);
	if (!p)
		return NULL;
	return kmem_track(p, size, func, line, _RET_IP_);
}
EXPORT_SYMBOL(ddi_kmem_alloc);

void ddi_kmem_free(void *buf, size_t size, const char *func, int line)
{
	struct kmem_hdr *hdr;

	if (!buf)
		return;
	hdr = kmem_hdr_of(buf);
	if (hdr->magic != KMEM_MAGIC_LIVE) {
		atomic_long_inc(&kmem_misuse);
		pr_warn("kmem_free: %p from %s:%d (%pS) was not allocated by kmem_alloc or is already freed; ignored\n",
			buf, func, line, (void *)_RET_IP_);
		return;
	}
	if (hdr->site.size != size) {
		atomic_long_inc(&kmem_misuse);
		pr_warn("kmem_free: size mismatch: %s:%d (%pS) frees %zu bytes at %p, allocated as %zu bytes by %s:%d\n",
			func, line, (void *)_RET_IP_, size, buf, hdr->site.size,
			hdr->site.func ?: "(unloaded module)", hdr->site.line);
	}
	ddic_site_untrack(&kmem_sites, &hdr->site);
	hdr->magic = KMEM_MAGIC_FREE;
	kmem_release(hdr);
}
EXPORT_SYMBOL(ddi_kmem_free);

int ddi_kmem_debug_site(const void *buf, const char **func, int *line,
			size_t *size)
{
	struct kmem_hdr *hdr = kmem_hdr_of(buf);

	if (hdr->magic != KMEM_MAGIC_LIVE)
		return -ENOENT;
	*func = hdr->site.func;
	*line = hdr->site.line;
	*size = hdr->site.size;
	return 0;
}
EXPORT_SYMBOL(ddi_kmem_debug_site);

unsigned long ddi_kmem_debug_outstanding(struct module *owner)
{
	return ddic_site_count(&kmem_sites, owner);
}
EXPORT_SYMBOL(ddi_kmem_debug_outstanding);

unsigned long ddi_kmem_debug_misuse(void)
{
	return atomic_long_read(&kmem_misuse);
}
EXPORT_SYMBOL(ddi_kmem_debug_misuse);

static void kmem_report_leak(struct ddic_site *s, const char *modname)
{
	pr_warn("kmem leak: %zu bytes at %p allocated by %s:%d [%s], not freed at unload\n",
		s->size, (char *)container_of(s, struct kmem_hdr, site) +
		KMEM_HDR_SIZE, s->func, s->line, modname);
}

/*
 * Report the allocations @mod still holds (all of them if @mod is NULL)
 * and stop tracking them.  The memory itself is left alone; kmemleak
 * will see it too.
 */
static void kmem_report_leaks(struct module *mod)
{
	ddic_site_orphan(&kmem_sites, mod, "kmem", "allocations",
			kmem_report_leak);
}

void ddi_kmem_module_going(struct module *mod)
{
	kmem_report_leaks(mod);
}

static int kmem_stats_show(struct seq_file *m, void *v)
{
	unsigned long nlive, bytes;

	ddic_site_stats(&kmem_sites, &nlive, &bytes);
	seq_printf(m, "live_allocations %lu\nlive_bytes %lu\nmisuse %ld\n",
		   nlive, bytes, atomic_long_read(&kmem_misuse));
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(kmem_stats);

int ddi_kmem_init(void)
{
	debugfs_create_file("kmem", 0444, ddic_debugfs_root, NULL,
			    &kmem_stats_fops);
	return 0;
}

void ddi_kmem_fini(void)
{
	ddi_vfree_flush();
	kmem_report_leaks(NULL);
}

#else /* !DDI_DEBUG */

void *ddi_kmem_alloc(size_t size, int flag, int zero, const char *func,
		     int line)
{
	if (size == 0)
		return NULL;
	return kmem_get(size, flag, zero ? __GFP_ZERO : 0);
}
EXPORT_SYMBOL(ddi_kmem_alloc);

void ddi_kmem_free(void *buf, size_t size, const char *func, int line)
{
	if (buf)
		kmem_release(buf);
}
EXPORT_SYMBOL(ddi_kmem_free);

void ddi_kmem_module_going(struct module *mod)
{
}

int ddi_kmem_init(void)
{
	return 0;
}

void ddi_kmem_fini(void)
{
	ddi_vfree_flush();
}

#endif /* DDI_DEBUG */
