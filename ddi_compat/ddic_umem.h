/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: the umem cookie, shared by umem.c (allocation,
 * ddi_umem_lock) and devmap.c (mapping cookies into user space).
 */
#ifndef _DDIC_UMEM_H
#define _DDIC_UMEM_H

#include <linux/refcount.h>
#include <linux/llist.h>
#include <linux/list.h>
#include <linux/mm_types.h>
#include <sys/ddidevmap.h>

#include "ddic_core.h"

/* Where a cookie's memory comes from. */
enum ddic_umem_backend {
	DDIC_UMEM_VMALLOC,	/* vmalloc'ed, zeroed: per-page insert */
	DDIC_UMEM_PAGES,	/* alloc_pages_exact, zeroed: physically contiguous */
	DDIC_UMEM_TRASH,	/* DDI_UMEM_TRASH: every page is the trash page */
	DDIC_UMEM_LOCKED,	/* ddi_umem_lock(): pinned user pages */
	DDIC_UMEM_NBACKENDS
};

/* The bits of a cookie's driver_freed. */
enum {
	DDIC_UMEM_FREED,	/* the driver called ddi_umem_free/unlock */
	DDIC_UMEM_FREED_MAPPED,	/* ... while a user mapping still held it */
};

struct ddi_umem_cookie {
	u32 magic;
	enum ddic_umem_backend backend;
	int flags;			/* DDI_UMEM_* as the driver gave them */
	refcount_t ref;			/* the driver's + one per mapping */
	unsigned long driver_freed;	/* DDIC_UMEM_FREED* bits */
	void *kaddr;			/* kernel address (user's if LOCKED) */
	size_t size;			/* whole pages */
	/* DDIC_UMEM_VMALLOC: page array built at first map; LOCKED: pinned pages */
	struct page **pages;
	/* DDIC_UMEM_LOCKED only */
	struct mm_struct *mm;
	bool accounted;
	bool dirty;
	struct ddic_defer defer;	/* release deferred to process context */
	struct page *trash;		/* DDIC_UMEM_TRASH: this cookie's own page */
#ifdef DDIC_DEBUG
	struct ddic_site site;		/* call site, in umc_sites */
#endif
};

#define DDIC_UMEM_MAGIC_LIVE	0x554d454dU	/* "UMEM" */
#define DDIC_UMEM_MAGIC_DEAD	0x756d6564U

/* A mapping's reference on a cookie; ddic_umem_put() may be called anywhere. */
void ddic_umem_get(struct ddi_umem_cookie *c);
void ddic_umem_put(struct ddi_umem_cookie *c);

/* The page backing byte @off of @c (trash page for TRASH cookies). */
struct page *ddic_umem_page(struct ddi_umem_cookie *c, size_t off);

/* The pages of a vmalloc'ed cookie as an array, or NULL.  May sleep. */
struct page **ddic_umem_page_array(struct ddi_umem_cookie *c);

/* Live user mappings, for the debugfs counters. */
void ddic_umem_mappings_inc(void);
void ddic_umem_mappings_dec(void);

#endif /* _DDIC_UMEM_H */
