/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: what the subsystems share with main.c and with
 * each other.  Never included by a Solaris driver.
 */
#ifndef _DDI_IMPL_H
#define _DDI_IMPL_H

#include <linux/debugfs.h>
#include <linux/module.h>
#include <linux/spinlock.h>
#include <linux/list.h>

/* /sys/kernel/debug/ddi_compat, or an error pointer without debugfs. */
extern struct dentry *ddic_debugfs_root;

int ddic_kmem_init(void);
void ddic_kmem_fini(void);
void ddic_kmem_module_going(struct module *mod);

int ddic_blk_init(void);
void ddic_blk_fini(void);
int ddic_rmap_init(void);
void ddic_rmap_fini(void);
int ddic_umem_init(void);
void ddic_umem_fini(void);
void ddic_umem_module_going(struct module *mod);
int ddic_kstat_init(void);
void ddic_kstat_fini(void);
int ddic_taskq_init(void);
void ddic_taskq_fini(void);
int ddic_callout_init(void);
void ddic_callout_fini(void);
int ddic_softint_init(void);
void ddic_softint_fini(void);

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
void ddic_site_orphan(struct ddic_site_tracker *t, struct module *mod,
		     const char *what, const char *noun,
		     void (*report)(struct ddic_site *s, const char *modname));

/* Free vmalloc'ed memory from any context (vfree may sleep). */
void ddic_vfree_any(const void *addr);
void ddic_vfree_flush(void);

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

/* For the umem test fixture (bench/umem_fixture.c). */
struct ddi_umem_cookie;
struct page;
struct page *ddic_umem_cookie_page(struct ddi_umem_cookie *c, size_t off);

#endif /* _DDI_IMPL_H */
