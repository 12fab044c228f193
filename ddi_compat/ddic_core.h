/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: the core every subsystem may use (core.c and
 * callsite.c, which call no other file of the module): the debugfs root,
 * work deferred out of atomic context, call-site tracking; and the
 * init/fini functions of main.c's table.  Never included by a Solaris
 * driver.
 */
#ifndef _DDIC_CORE_H
#define _DDIC_CORE_H

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/llist.h>
#include <linux/stdarg.h>

/*
 * /sys/kernel/debug/ddi_compat, or an error pointer without debugfs.
 * Defined in core.c, set by main.c before any subsystem starts.
 */
extern struct dentry *ddic_debugfs_root;

/*
 * Freeing what may sleep (vfree, unpinning pages) from any context: from
 * a context that may sleep @fn(@d) runs at once, otherwise from a work
 * item.  @d lives in the object being freed; @fn frees it.
 */
struct ddic_defer {
	struct llist_node node;
	void (*fn)(struct ddic_defer *d);
};
void ddic_defer(struct ddic_defer *d, void (*fn)(struct ddic_defer *d));
/* Wait for every deferred free queued so far (unload, tests). */
void ddic_defer_flush(void);

int ddic_kmem_init(void);
void ddic_kmem_fini(void);
void ddic_kmem_module_going(struct module *mod);

int ddic_rmap_init(void);
void ddic_rmap_fini(void);
int ddic_umem_init(void);
void ddic_umem_fini(void);
void ddic_umem_module_going(struct module *mod);
/* dma.c: a driver module's DMA resource callbacks go with it. */
void ddic_dma_module_going(struct module *mod);
void ddic_dma_fini(void);
int ddic_kstat_init(void);
void ddic_kstat_fini(void);
int ddic_taskq_init(void);
void ddic_taskq_fini(void);
int ddic_callout_init(void);
void ddic_callout_fini(void);
int ddic_softint_init(void);
void ddic_softint_fini(void);
int ddic_pci_init(void);
void ddic_pci_fini(void);

/*
 * Call-site tracking (callsite.c), used by kmem and umem in debug builds.
 * A tracked object embeds a ddic_site; ddic_site_orphan() reports the sites
 * a module still holds when it unloads and stops tracking them, since the
 * function names they point at go away with the module.
 */
struct ddic_site {
	struct list_head link;	/* in its tracker; empty once untracked */
	const char *func;	/* allocating function; NULL once orphaned */
	unsigned long caller;	/* return address into the caller */
	size_t size;
	int line;
};

struct ddic_site_tracker {
	spinlock_t lock;
	struct list_head live;
	unsigned long nlive, bytes;
	unsigned long orphaned;	/* objects reported at their module's unload */
};

#define DDIC_SITE_TRACKER(name) struct ddic_site_tracker name = {	\
	.lock = __SPIN_LOCK_UNLOCKED(name.lock),			\
	.live = LIST_HEAD_INIT(name.live),				\
}

void ddic_site_track(struct ddic_site_tracker *t, struct ddic_site *s,
		    size_t size, const char *func, int line,
		    unsigned long caller);
void ddic_site_untrack(struct ddic_site_tracker *t, struct ddic_site *s);
unsigned long ddic_site_count(struct ddic_site_tracker *t, struct module *owner);
void ddic_site_stats(struct ddic_site_tracker *t, unsigned long *nlive,
		    unsigned long *bytes);
/* The summary line reads "<what> leak: <module> left <n> <noun>, ...". */
unsigned long ddic_site_orphaned(struct ddic_site_tracker *t);
void ddic_site_orphan(struct ddic_site_tracker *t, struct module *mod,
		     const char *what, const char *noun,
		     void (*describe)(struct ddic_site *s, const char *modname,
				      char *buf, size_t len));

/*
 * poll.c: a pollhead's queue goes with the memory holding it.  The frees
 * of drivers' memory (kmem_free, kmem_cache_free) call this; it looks
 * only while some pollhead has a queue.  Any context.
 */
extern unsigned int ddic_pollq_live;
void ddic_poll_forget_range(const void *start, size_t len);

static inline void ddic_poll_mem_freed(const void *p, size_t len)
{
	if (unlikely(READ_ONCE(ddic_pollq_live)))
		ddic_poll_forget_range(p, len);
}

/* Free vmalloc'ed memory from any context (kmem.c, over ddic_defer). */
void ddic_vfree_any(const void *addr);

/*
 * The mmap bridge between the driver model and the memory subsystem.
 * The character device's mmap file operation (driver model) fills a
 * request and calls ddic_devmap_mmap() (devmap.c), which picks the
 * driver's segmap(9E), else devmap_setup() over its devmap(9E), else its
 * mmap(9E), and returns 0 or a negative Linux errno.
 */
struct dev_info;
struct cb_ops;
struct vm_area_struct;
struct ddic_mmap_req {
	dev_t dev;			/* the minor being mapped */
	struct dev_info *dip;		/* its instance */
	struct cb_ops *cb;		/* the driver's entry points */
	struct vm_area_struct *vma;	/* the mapping being set up */
	const struct cred *cred;	/* the caller's credentials */
};
int ddic_devmap_mmap(struct ddic_mmap_req *req);
/* Revoke the user mappings of a PCI node's BARs (devmap.c; pci.c's unbind). */
int ddic_devmap_revoke(struct dev_info *dip);
/* devmap.c: forget the device contexts (devmap_do_ctxmgt), at unload. */
void ddic_devmap_ctx_fini(void);

/* For the umem test fixture (bench/umem_fixture.c). */
struct ddi_umem_cookie;
struct page;
struct page *ddic_umem_cookie_page(struct ddi_umem_cookie *c, size_t off);

/*
 * cmn_err.c: text appended to @buf (of @len bytes) as snprintf would,
 * cut at its end and always NUL-terminated once something was put; @pos
 * is what was written.  Ereport payloads (fm.c) and cmn_err's "%b"
 * formats (cmn_err.c).
 */
struct ddic_strbuf {
	char *buf;
	size_t len, pos;
};
__printf(2, 3) void ddic_strbuf_put(struct ddic_strbuf *b, const char *fmt, ...);
void ddic_strbuf_putc(struct ddic_strbuf *b, char c);

/*
 * fm.c: an ereport's payload ((name, type, value...) up to a NULL name)
 * as " name=value" text in @b; false at a type it cannot take.  Exported
 * for the KUnit suite.
 */
bool ddic_fm_payload_format(struct ddic_strbuf *b, va_list ap);

#endif /* _DDIC_CORE_H */
