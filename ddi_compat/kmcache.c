// SPDX-License-Identifier: GPL-2.0
/*
 * kmem_cache_create(9F), kmem_cache_alloc(9F), kmem_cache_free(9F),
 * kmem_cache_destroy(9F) over a Linux slab cache.
 *
 * Solaris constructs an object when it enters the cache and destroys it
 * when it leaves, so an object handed out by kmem_cache_alloc() is in its
 * constructed state and one given back with kmem_cache_free() must be
 * too (a driver relies on it: a mutex in the object is initialised once).
 * Linux's slab constructor takes no private argument, cannot fail and
 * has no destructor, so the constructed objects are kept here: up to
 * CACHE_DEPTH freed objects stay constructed on a stack per cache and are
 * handed out again without the constructor; beyond that, or at
 * kmem_cache_destroy(), the destructor runs and the memory goes back to
 * Linux.  A cache without constructor or destructor is the Linux cache
 * with nothing in between.
 *
 * Departures (docs/departures.md): vmp is ignored (objects come from the
 * kernel heap), reclaim is never called (the kept objects are bounded
 * instead), and the KMC_* flags change nothing.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/atomic.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <sys/types.h>
#include <sys/kmem.h>

#include "ddic_core.h"

#define CACHE_DEPTH	64

struct ddic_kmem_cache {
	struct kmem_cache *lc;
	char name[32];
	size_t size;
	int (*ctor)(void *buf, void *private, int kmflag);
	void (*dtor)(void *buf, void *private);
	void *private;
	spinlock_t lock;
	unsigned int nkept;		/* constructed objects on kept[] */
	void *kept[CACHE_DEPTH];
};

static atomic_t kmc_seq = ATOMIC_INIT(0);

kmem_cache_t *ddic_kmem_cache_create(char *name, size_t bufsize,
				     size_t align,
				     int (*constructor)(void *, void *, int),
				     void (*destructor)(void *, void *),
				     void (*reclaim)(void *), void *private,
				     void *vmp, int cflags)
{
	struct ddic_kmem_cache *cp;
	char lname[48];

	if (!name || !bufsize || bufsize > KMALLOC_MAX_SIZE ||
	    (align & (align - 1)) || align > PAGE_SIZE) {
		pr_warn("kmem_cache_create(\"%s\", %zu, %zu): bad name, size or alignment\n",
			name ? name : "(null)", bufsize, align);
		return NULL;
	}
	cp = kzalloc(sizeof(*cp), GFP_KERNEL);
	if (!cp)
		return NULL;
	strscpy(cp->name, name, sizeof(cp->name));
	cp->size = bufsize;
	cp->ctor = constructor;
	cp->dtor = destructor;
	cp->private = private;
	spin_lock_init(&cp->lock);
	/* Linux warns about two caches of one name; Solaris does not care. */
	snprintf(lname, sizeof(lname), "ddic-%s-%d", cp->name,
		 atomic_inc_return(&kmc_seq));
	cp->lc = kmem_cache_create(lname, bufsize, align, 0, NULL);
	if (!cp->lc) {
		kfree(cp);
		return NULL;
	}
	return cp;
}
EXPORT_SYMBOL(ddic_kmem_cache_create);

static void *kmc_raw_alloc(struct ddic_kmem_cache *cp, int kmflag)
{
	unsigned int tries = 0;
	void *buf;

	if (kmflag & KM_NOSLEEP)
		return kmem_cache_alloc(cp->lc, GFP_NOWAIT | __GFP_NOWARN);
	might_sleep();
	/* KM_SLEEP never fails. */
	while (!(buf = kmem_cache_alloc(cp->lc, GFP_KERNEL | __GFP_NOWARN))) {
		if (++tries == 50)
			pr_warn("kmem_cache_alloc(%s): still waiting for memory\n",
				cp->name);
		msleep(min(tries, 20U));
	}
	return buf;
}

void *ddic_kmem_cache_alloc(kmem_cache_t *cp, int kmflag)
{
	void *buf = NULL;

	if (!cp)
		return NULL;
	if (!cp->ctor && !cp->dtor)
		return kmc_raw_alloc(cp, kmflag);
	spin_lock(&cp->lock);
	if (cp->nkept)
		buf = cp->kept[--cp->nkept];
	spin_unlock(&cp->lock);
	if (buf)
		return buf;		/* still constructed */
	buf = kmc_raw_alloc(cp, kmflag);
	if (buf && cp->ctor && cp->ctor(buf, cp->private, kmflag)) {
		/* The constructor refused: no object. */
		kmem_cache_free(cp->lc, buf);
		buf = NULL;
	}
	return buf;
}
EXPORT_SYMBOL(ddic_kmem_cache_alloc);

void ddic_kmem_cache_free(kmem_cache_t *cp, void *buf)
{
	bool kept = false;

	if (!cp || !buf)
		return;
	if (cp->ctor || cp->dtor) {
		spin_lock(&cp->lock);
		if (cp->nkept < CACHE_DEPTH) {
			cp->kept[cp->nkept++] = buf;
			kept = true;
		}
		spin_unlock(&cp->lock);
		if (kept)
			return;
		/* Leaving the cache: destroy it. */
		if (cp->dtor)
			cp->dtor(buf, cp->private);
	}
	ddic_poll_mem_freed(buf, cp->size);
	kmem_cache_free(cp->lc, buf);
}
EXPORT_SYMBOL(ddic_kmem_cache_free);

void ddic_kmem_cache_destroy(kmem_cache_t *cp)
{
	unsigned int i;

	if (!cp)
		return;
	for (i = 0; i < cp->nkept; i++) {
		if (cp->dtor)
			cp->dtor(cp->kept[i], cp->private);
		ddic_poll_mem_freed(cp->kept[i], cp->size);
		kmem_cache_free(cp->lc, cp->kept[i]);
	}
	kmem_cache_destroy(cp->lc);
	kfree(cp);
}
EXPORT_SYMBOL(ddic_kmem_cache_destroy);
