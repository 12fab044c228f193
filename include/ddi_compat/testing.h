/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What ddi_compat exports for its own tests only: the KUnit suites
 * (kunit/) and the benchmark module (bench/).  Never included by a
 * Solaris driver; the <sys/...> headers carry only Solaris interfaces.
 *
 * The KUnit hooks are exported with EXPORT_SYMBOL_IF_KUNIT (namespace
 * EXPORTED_FOR_KUNIT_TESTING, nothing at all on a kernel without
 * CONFIG_KUNIT); the KUnit module imports that namespace with
 * DDIC_IMPORT_NS(EXPORTED_FOR_KUNIT_TESTING).  What the benchmark needs,
 * which also runs on the stock kernels (no KUnit), is exported in the
 * project's namespace DDIC_TESTING (DDIC_EXPORT_TESTING), which bench/
 * imports.
 */
#ifndef _DDI_COMPAT_TESTING_H
#define _DDI_COMPAT_TESTING_H

#include <linux/module.h>
#include <kunit/visibility.h>
#include <ddi_compat/kcompat.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/map.h>
#include <sys/ddidevmap.h>

#define DDIC_EXPORT_TESTING(sym)	EXPORT_SYMBOL_NS(sym, DDIC_NS(DDIC_TESTING))

/* For bench/'s devmap fixture (ddi_compat/ddic_core.h has the request). */
struct ddic_mmap_req;
struct ddi_umem_cookie;
int ddic_devmap_mmap(struct ddic_mmap_req *req);
struct page *ddic_umem_cookie_page(struct ddi_umem_cookie *c, size_t off);

/* poll.c: a pollhead's wait queue (made on first use), and forgetting it. */
struct ddic_driver;
struct pollhead;
struct wait_queue_head *ddic_pollhead_wq(struct ddic_driver *drv,
					struct pollhead *php);
void ddic_poll_forget_range(const void *start, size_t len);
unsigned int ddic_poll_queues(void);

/* core.c: wait for every free deferred out of atomic context. */
void ddic_defer_flush(void);

/* ksynch.c: does anyone wait on the condition variable? */
int ddic_cv_has_waiters(kcondvar_t *cvp);

/* What a map holds, as its debugfs entry shows it. */
struct ddic_rmap_stats {
	unsigned long free_units;	/* units in free segments */
	unsigned long free_segs;	/* free segments */
	unsigned long slots;		/* segment slots owned (used + spare) */
	unsigned long spare_slots;	/* slots not holding a segment */
	unsigned long out_units;	/* units handed out (lower bound) */
	unsigned long lost_units;	/* units discarded on overflow */
	unsigned long lost_events;	/* overflow discards */
	unsigned long refused;		/* bad calls refused */
	unsigned long waiters;		/* threads sleeping in rmalloc_wait */
};

/* Where a cmn_err() message is meant to go: '!' log only, '^' console only. */
#define DDIC_CE_LOG	0x1
#define DDIC_CE_CONSOLE	0x2

/* rmap.c: the points of ddic_rmap_debug_window() (debug builds). */
#define DDIC_RMAP_WINDOW_WAITED	1
#define DDIC_RMAP_WINDOW_FREED	2

#ifdef DDIC_DEBUG
/* kmem.c: what the allocation tracker knows. */
int ddic_kmem_debug_site(const void *buf, const char **func, int *line,
			 size_t *size);
unsigned long ddic_kmem_debug_outstanding(struct module *owner);
unsigned long ddic_kmem_debug_misuse(void);

/* umem.c: what the cookie tracker knows. */
int ddic_umem_debug_site(ddi_umem_cookie_t cookie, const char **func,
			 int *line, size_t *size);
unsigned long ddic_umem_debug_outstanding(struct module *owner);
unsigned long ddic_umem_debug_refs(ddi_umem_cookie_t cookie);
/* devmap.c: a devmap handle as devmap(9E) would get it, for @prot. */
devmap_cookie_t ddic_devmap_debug_handle(uint_t prot);
void ddic_devmap_debug_handle_free(devmap_cookie_t dhp);
int ddic_devmap_debug_find(const size_t *lens, unsigned int n);
int ddic_devmap_debug_devmem_wc(uint_t flags,
				const ddi_device_acc_attr_t *attr);

/* modctl.c: a command of /dev/ddi_modctl ("detach DRIVER"...): 0 or -errno. */
int ddic_control_debug(const char *cmd);

/*
 * blk.c: disks destroyed so far; the queue of the I/O continuations
 * (biodone() from another context).
 */
struct workqueue_struct;
unsigned long ddic_blk_debug_destroyed(void);
struct workqueue_struct *ddic_blk_debug_io_wq(void);

/* rmap.c */
int ddic_rmap_debug_stats(struct map *mp, struct ddic_rmap_stats *st);
/* Forbid (1) or allow (0) growing the slot pool: forces the overflow path. */
void ddic_rmap_debug_nogrow(struct map *mp, int on);
/* Call fn on every free segment in index order; stops early on non-zero. */
int ddic_rmap_debug_walk(struct map *mp,
			 int (*fn)(unsigned long start, unsigned long size,
				   void *arg), void *arg);
/* Check the tree's invariants; returns 0 or a negative errno and warns. */
int ddic_rmap_debug_check(struct map *mp);
/* The map's name, as used in its warnings and debugfs entry. */
const char *ddic_rmap_debug_name(struct map *mp);
/* Wait until debugfs entries of maps created/freed so far are in place. */
void ddic_rmap_debug_sync(void);
/*
 * Call fn where rmalloc_wait() (DDIC_RMAP_WINDOW_WAITED) and rmfree()
 * without an error to report (DDIC_RMAP_WINDOW_FREED) have dropped the
 * map's lock for the last time; NULL: no more calls.  fn may free the
 * map: nothing touches it after.
 */
void ddic_rmap_debug_window(void (*fn)(struct map *mp, int where));

/*
 * cmn_err.c: a tap that sees every message cmn_err() emits, with where
 * it was meant to go (DDIC_CE_*).
 */
typedef void (*ddic_cmn_err_tap_t)(int level, int dest, const char *text,
				   void *arg);
void ddic_cmn_err_set_tap(ddic_cmn_err_tap_t tap, void *arg);
#endif /* DDIC_DEBUG */

#endif /* _DDI_COMPAT_TESTING_H */
