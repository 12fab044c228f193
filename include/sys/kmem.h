/* SPDX-License-Identifier: GPL-2.0 */
/*
 * kmem_alloc(9F), kmem_zalloc(9F), kmem_free(9F).
 *
 * The macros pass the caller's function and line so that, in debug builds
 * (DDIC_DEBUG), ddi_compat can check the size given to kmem_free() and name
 * the call site of every allocation still outstanding when its module
 * unloads.
 */
#ifndef _SYS_KMEM_H
#define _SYS_KMEM_H

#include <sys/types.h>

#define KM_SLEEP	0x0000	/* may sleep; never fails */
#define KM_NOSLEEP	0x0001	/* never sleeps; may return NULL */
#define KM_PANIC	0x0002	/* panic if the allocation fails */
#define KM_PUSHPAGE	0x0004	/* may use reserved memory */
#define KM_NORMALPRI	0x0008	/* with KM_NOSLEEP: no reserves */
#define KM_NOSLEEP_LAZY	(KM_NOSLEEP | KM_NORMALPRI)
#define KM_VMFLAGS	0x00ff
#define KM_FLAGS	0xffff

void *ddic_kmem_alloc(size_t size, int flag, int zero, const char *func,
		     int line);
void ddic_kmem_free(void *buf, size_t size, const char *func, int line);

/*
 * The common case is compiled into the driver.  A production ddi_compat
 * (ddic_kmem_direct: no header before the memory, no call-site tracking)
 * takes a KM_SLEEP request of at most KMALLOC_MAX_CACHE_SIZE bytes
 * straight to kmalloc() (__GFP_NOFAIL: KM_SLEEP never returns NULL), and
 * kmem_free() of such memory straight to kfree() while no pollhead queue
 * exists (poll.c).  Everything else, and every call under a debug
 * ddi_compat, goes to the functions above.
 */
extern const bool ddic_kmem_direct;
extern unsigned int ddic_pollq_live;

/* The common case: KM_SLEEP of 1..KMALLOC_MAX_CACHE_SIZE bytes. */
static __always_inline bool ddic_kmem_small_sleep(size_t size, int flag)
{
	/* size - 1: a size of 0 wraps and goes the slow way, to NULL. */
	return size - 1 < KMALLOC_MAX_CACHE_SIZE && !(flag & KM_NOSLEEP);
}

static __always_inline void *ddic_kmem_alloc_inl(size_t size, int flag,
						 int zero, const char *func,
						 int line)
{
	if (likely(ddic_kmem_direct && ddic_kmem_small_sleep(size, flag)))
		return kmalloc(size, GFP_KERNEL | __GFP_NOFAIL |
			       (zero ? __GFP_ZERO : 0));
	return ddic_kmem_alloc(size, flag, zero, func, line);
}

/*
 * Memory kmalloc() gave, not vmalloc()'s: on x86-64 the direct map lies
 * below the vmalloc area (KASLR keeps the regions' order), a compare
 * where is_vmalloc_addr() is a call.
 */
static __always_inline bool ddic_kmem_not_vmalloc(const void *p)
{
#ifdef CONFIG_X86_64
	return (unsigned long)p < VMALLOC_START;
#else
	return !is_vmalloc_addr(p);
#endif
}

static __always_inline void ddic_kmem_free_inl(void *buf, size_t size,
					       const char *func, int line)
{
	if (likely(ddic_kmem_direct && !READ_ONCE(ddic_pollq_live) &&
		   ddic_kmem_not_vmalloc(buf))) {
		kfree(buf);
		return;
	}
	ddic_kmem_free(buf, size, func, line);
}

#define kmem_alloc(size, flag) \
	ddic_kmem_alloc_inl((size), (flag), 0, __func__, __LINE__)
#define kmem_zalloc(size, flag) \
	ddic_kmem_alloc_inl((size), (flag), 1, __func__, __LINE__)
#define kmem_free(buf, size) \
	ddic_kmem_free_inl((buf), (size), __func__, __LINE__)

/*
 * Object caches, kmem_cache_create(9F): Solaris's signature and
 * semantics.  An object is constructed when it enters the cache and
 * destroyed when it leaves it, not at every alloc and free.  Linux has
 * its own kmem_cache_*; <ddi_compat/solaris_names.h> turns the names
 * into these.  vmp is accepted and ignored (memory comes from the kernel
 * heap); reclaim is never called.  See docs/departures.md.
 */
typedef struct ddic_kmem_cache kmem_cache_t;

#define KMC_NOTOUCH	0x00010000
#define KMC_NODEBUG	0x00020000
#define KMC_NOMAGAZINE	0x00040000
#define KMC_NOHASH	0x00080000
#define KMC_QCACHE	0x00100000
#define KMC_KMEM_ALLOC	0x00200000
#define KMC_IDENTIFIER	0x00400000
#define KMC_PREFILL	0x00800000

kmem_cache_t *ddic_kmem_cache_create(char *name, size_t bufsize,
				     size_t align,
				     int (*constructor)(void *, void *, int),
				     void (*destructor)(void *, void *),
				     void (*reclaim)(void *), void *private,
				     void *vmp, int cflags);
void *ddic_kmem_cache_alloc(kmem_cache_t *cp, int kmflag);
void ddic_kmem_cache_free(kmem_cache_t *cp, void *buf);
void ddic_kmem_cache_destroy(kmem_cache_t *cp);

#endif /* _SYS_KMEM_H */
