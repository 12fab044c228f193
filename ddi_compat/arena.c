// SPDX-License-Identifier: GPL-2.0
/*
 * vmem arenas (vmem_create(9F) and friends) and ID spaces (id_space(9F))
 * over the resource-map engine of rmap.c.
 *
 * An arena is a map whose units are quanta: address a is unit
 * a / quantum, kept at map index unit + 1 (index 0 is never valid in a
 * map, address 0 is valid in an arena).  Plain allocations are the map's
 * lowest fit (rmalloc's fast path); constrained ones (vmem_xalloc,
 * VM_BESTFIT, VM_NEXTFIT) go through ddic_rmap_xalloc(), which searches
 * the same tree honouring alignment, phase, nocross and bounds.  The
 * spans added to the arena are kept in a short list for vmem_contains()
 * and vmem_size().
 *
 * An ID space is an identifier arena of quantum 1 whose IDs are the
 * addresses (as on Solaris, where id_space_t is a vmem_t).
 *
 * Departures: see <sys/vmem.h> and <sys/id_space.h>.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/list.h>
#include <linux/log2.h>
#include <linux/ratelimit.h>
#include <linux/sort.h>
#include <linux/mm.h>
#include <sys/types.h>
#include <sys/map.h>
#include <sys/vmem.h>
#include <sys/id_space.h>

#include "ddic_core.h"
#include "rmap_impl.h"

#define ARENA_NAMELEN	32
#define ARENA_SLOTS	16

struct arena_span {
	struct list_head link;
	unsigned long start;	/* units */
	unsigned long size;	/* units */
	bool imported;
};

struct vmem {
	struct map *map;
	unsigned int qshift;
	int cflags;
	unsigned long rotor;		/* VM_NEXTFIT: index to start at */
	spinlock_t span_lock;
	struct list_head spans;
	unsigned long total;		/* units in all spans */
	unsigned long hull_lo, hull_hi;	/* indices: lowest span start, end */
	unsigned int nspans;
	vmem_alloc_t *afunc;
	vmem_ximport_t *xafunc;
	vmem_free_t *ffunc;
	vmem_t *source;
	char name[ARENA_NAMELEN];
};

static DEFINE_RATELIMIT_STATE(arena_bad_rs, 5 * HZ, 10);

static void arena_refuse(vmem_t *vmp, const char *call, const char *why,
			 unsigned long a, unsigned long b, unsigned long ip)
{
	if (__ratelimit(&arena_bad_rs))
		pr_warn("%s: %s(%#lx, %#lx) from %pS: %s; refused\n",
			vmp ? vmp->name : "(NULL arena)", call, a, b,
			(void *)ip, why);
}

static inline unsigned long arena_units(vmem_t *vmp, size_t size)
{
	return (size >> vmp->qshift) +
	       !!(size & ((1UL << vmp->qshift) - 1));
}

static inline bool arena_aligned(vmem_t *vmp, unsigned long v)
{
	return !(v & ((1UL << vmp->qshift) - 1));
}

static inline void *arena_addr(vmem_t *vmp, unsigned long index)
{
	return (void *)((index - 1) << vmp->qshift);
}

static inline unsigned long arena_index(vmem_t *vmp, const void *addr)
{
	return ((unsigned long)addr >> vmp->qshift) + 1;
}

/* Add [start, start + size) units as a span; false if it overlaps one. */
static bool arena_span_add(vmem_t *vmp, unsigned long start,
			   unsigned long size, bool imported)
{
	struct arena_span *sp, *n;
	unsigned long flags;

	n = kmalloc(sizeof(*n), GFP_ATOMIC | __GFP_NOWARN);
	if (!n)
		return false;
	n->start = start;
	n->size = size;
	n->imported = imported;
	spin_lock_irqsave(&vmp->span_lock, flags);
	list_for_each_entry(sp, &vmp->spans, link) {
		if (start < sp->start + sp->size && sp->start < start + size) {
			spin_unlock_irqrestore(&vmp->span_lock, flags);
			kfree(n);
			return false;
		}
	}
	list_add_tail(&n->link, &vmp->spans);
	vmp->total += size;
	if (!vmp->nspans || start < vmp->hull_lo)
		WRITE_ONCE(vmp->hull_lo, start);
	if (start + size > vmp->hull_hi)
		WRITE_ONCE(vmp->hull_hi, start + size);
	WRITE_ONCE(vmp->nspans, vmp->nspans + 1);
	spin_unlock_irqrestore(&vmp->span_lock, flags);
	return true;
}

/* Add [vaddr, vaddr + size) to the arena's free space; false if refused. */
static bool arena_add(vmem_t *vmp, void *vaddr, size_t size, bool imported,
		      unsigned long ip)
{
	unsigned long a = (unsigned long)vaddr, units;

	if (!size || !arena_aligned(vmp, a) || !arena_aligned(vmp, size) ||
	    a + size - 1 < a) {
		arena_refuse(vmp, "vmem_add",
			     "size 0, not a multiple of the quantum, or wraps",
			     a, size, ip);
		return false;
	}
	units = size >> vmp->qshift;
	if (!arena_span_add(vmp, arena_index(vmp, vaddr), units, imported)) {
		arena_refuse(vmp, "vmem_add",
			     "overlaps space already in the arena (or no memory)",
			     a, size, ip);
		return false;
	}
	ddic_rmfree(vmp->map, units, arena_index(vmp, vaddr));
	return true;
}

static vmem_t *arena_create(const char *name, void *base, size_t size,
			    size_t quantum, vmem_alloc_t *afunc,
			    vmem_ximport_t *xafunc, vmem_free_t *ffunc,
			    vmem_t *source, int vmflag, unsigned long ip)
{
	bool nosleep = vmflag & VM_NOSLEEP;
	vmem_t *vmp;

	if (!quantum || !is_power_of_2(quantum)) {
		pr_warn("vmem_create(\"%s\") from %pS: quantum %zu is not a power of 2; returning NULL\n",
			name ?: "", (void *)ip, quantum);
		return NULL;
	}
	if ((afunc || xafunc) && !source) {
		pr_warn("vmem_create(\"%s\") from %pS: an import function without a source arena; returning NULL\n",
			name ?: "", (void *)ip);
		return NULL;
	}
	vmp = kzalloc(sizeof(*vmp), nosleep ? GFP_ATOMIC : GFP_KERNEL);
	if (!vmp)
		return NULL;
	strscpy(vmp->name, name ?: "vmem", sizeof(vmp->name));
	vmp->qshift = ilog2(quantum);
	vmp->cflags = vmflag & VMC_FLAGS;
	vmp->rotor = 1;
	spin_lock_init(&vmp->span_lock);
	INIT_LIST_HEAD(&vmp->spans);
	vmp->afunc = afunc;
	vmp->xafunc = xafunc;
	vmp->ffunc = ffunc;
	vmp->source = source;
	vmp->map = nosleep ? ddic_rmallocmap(ARENA_SLOTS, vmp->name) :
			     ddic_rmallocmap_wait(ARENA_SLOTS, vmp->name);
	if (!vmp->map) {
		kfree(vmp);
		return NULL;
	}
	if (size && !arena_add(vmp, base, size, false, ip)) {
		ddic_rmfreemap(vmp->map);
		kfree(vmp);
		return NULL;
	}
	return vmp;
}

vmem_t *vmem_create(const char *name, void *base, size_t size,
		    size_t quantum, vmem_alloc_t *afunc, vmem_free_t *ffunc,
		    vmem_t *source, size_t qcache_max, int vmflag)
{
	return arena_create(name, base, size, quantum, afunc, NULL, ffunc,
			    source, vmflag, _RET_IP_);
}
EXPORT_SYMBOL(vmem_create);

vmem_t *vmem_xcreate(const char *name, void *base, size_t size,
		     size_t quantum, vmem_ximport_t *afunc, vmem_free_t *ffunc,
		     vmem_t *source, size_t qcache_max, int vmflag)
{
	return arena_create(name, base, size, quantum, NULL, afunc, ffunc,
			    source, vmflag, _RET_IP_);
}
EXPORT_SYMBOL(vmem_xcreate);

void vmem_destroy(vmem_t *vmp)
{
	struct arena_span *sp, *n;
	unsigned long used;

	if (!vmp)
		return;
	used = vmp->total - ddic_rmap_free_units(vmp->map);
	if (used)
		pr_warn("%s: %s from %pS: leaked %lu bytes\n",
			vmp->name, __func__, (void *)_RET_IP_, used << vmp->qshift);
	list_for_each_entry_safe(sp, n, &vmp->spans, link) {
		if (sp->imported && vmp->ffunc)
			vmp->ffunc(vmp->source, arena_addr(vmp, sp->start),
				   sp->size << vmp->qshift);
		list_del(&sp->link);
		kfree(sp);
	}
	ddic_rmfreemap(vmp->map);
	kfree(vmp);
}
EXPORT_SYMBOL(vmem_destroy);

/* Bring in space from the source arena for a request of @units. */
static bool arena_import(vmem_t *vmp, unsigned long units, size_t align,
			 int vmflag)
{
	size_t size = units << vmp->qshift;
	void *addr;

	if (vmp->xafunc)
		addr = vmp->xafunc(vmp->source, &size, align, vmflag);
	else if (vmp->afunc)
		addr = vmp->afunc(vmp->source, size, vmflag);
	else
		return false;
	if (!addr)
		return false;
	if (!arena_add(vmp, addr, size, true, _RET_IP_)) {
		if (vmp->ffunc)
			vmp->ffunc(vmp->source, addr, size);
		return false;
	}
	return true;
}

/* The common path; returns a map index or 0. */
static unsigned long arena_alloc(vmem_t *vmp, struct ddic_rmap_req *rq,
				 int vmflag)
{
	bool wait = !(vmflag & VM_NOSLEEP);
	bool plain = rq->align == 1 && !rq->phase && !rq->nocross &&
		     rq->lo == 1 && !rq->hi && !(vmflag & (VM_BESTFIT |
							     VM_NEXTFIT));
	unsigned long index;

	if (vmflag & VM_NEXTFIT)
		rq->hint = READ_ONCE(vmp->rotor);
	rq->best = vmflag & VM_BESTFIT;
	for (;;) {
		if (plain)
			index = ddic_rmalloc(vmp->map, rq->size);
		else
			index = ddic_rmap_xalloc(vmp->map, rq, false);
		if (index || !arena_import(vmp, rq->size, rq->align <<
					   vmp->qshift, vmflag))
			break;
	}
	if (!index && wait)
		index = ddic_rmap_xalloc(vmp->map, rq, true);
	if (index && (vmflag & VM_NEXTFIT))
		WRITE_ONCE(vmp->rotor, index + rq->size);
	return index;
}

void *vmem_alloc(vmem_t *vmp, size_t size, int vmflag)
{
	struct ddic_rmap_req rq = { .align = 1, .lo = 1, .bias = 1 };
	unsigned long index;

	if (unlikely(!vmp || !size)) {
		arena_refuse(vmp, "vmem_alloc", vmp ? "size 0" : "no arena",
			     size, vmflag, _RET_IP_);
		return NULL;
	}
	rq.size = arena_units(vmp, size);
	index = arena_alloc(vmp, &rq, vmflag);
	return index ? arena_addr(vmp, index) : NULL;
}
EXPORT_SYMBOL(vmem_alloc);

void *vmem_xalloc(vmem_t *vmp, size_t size, size_t align, size_t phase,
		  size_t nocross, void *minaddr, void *maxaddr, int vmflag)
{
	struct ddic_rmap_req rq = { .bias = 1 };
	unsigned long lo = (unsigned long)minaddr, hi = (unsigned long)maxaddr;
	unsigned long index;
	const char *why = NULL;

	if (!vmp)
		why = "no arena";
	else if (!size)
		why = "size 0";
	else if (align && (!is_power_of_2(align) || !arena_aligned(vmp, align)))
		why = "align is not a power of 2 multiple of the quantum";
	else if (phase >= (align ?: 1UL << vmp->qshift) ||
		 !arena_aligned(vmp, phase))
		why = "phase is not a multiple of the quantum below align";
	else if (nocross && (!is_power_of_2(nocross) || nocross < size ||
			     nocross < align))
		why = "nocross is not a power of 2 at least size and align";
	else if (!arena_aligned(vmp, lo) || !arena_aligned(vmp, hi) ||
		 (hi && hi <= lo))
		why = "minaddr/maxaddr unaligned or empty";
	if (why) {
		arena_refuse(vmp, "vmem_xalloc", why, size, align, _RET_IP_);
		return NULL;
	}
	rq.size = arena_units(vmp, size);
	rq.align = align ? align >> vmp->qshift : 1;
	rq.phase = phase >> vmp->qshift;
	rq.nocross = nocross >> vmp->qshift;
	rq.lo = arena_index(vmp, minaddr);
	rq.hi = hi ? arena_index(vmp, maxaddr) : 0;
	index = arena_alloc(vmp, &rq, vmflag);
	return index ? arena_addr(vmp, index) : NULL;
}
EXPORT_SYMBOL(vmem_xalloc);

void vmem_free(vmem_t *vmp, void *vaddr, size_t size)
{
	if (unlikely(!vmp || !size)) {
		arena_refuse(vmp, "vmem_free", vmp ? "size 0" : "no arena",
			     (unsigned long)vaddr, size, _RET_IP_);
		return;
	}
	ddic_rmfree(vmp->map, arena_units(vmp, size), arena_index(vmp, vaddr));
}
EXPORT_SYMBOL(vmem_free);

void vmem_xfree(vmem_t *vmp, void *vaddr, size_t size)
{
	vmem_free(vmp, vaddr, size);
}
EXPORT_SYMBOL(vmem_xfree);

void *vmem_add(vmem_t *vmp, void *vaddr, size_t size, int vmflag)
{
	if (!vmp) {
		arena_refuse(vmp, "vmem_add", "no arena", (unsigned long)vaddr,
			     size, _RET_IP_);
		return NULL;
	}
	/* As on Solaris, NULL also when a span at address 0 was added. */
	return arena_add(vmp, vaddr, size, false, _RET_IP_) ? vaddr : NULL;
}
EXPORT_SYMBOL(vmem_add);

int vmem_contains(vmem_t *vmp, void *vaddr, size_t size)
{
	unsigned long start = arena_index(vmp, vaddr), flags;
	unsigned long units = arena_units(vmp, size ?: 1);
	struct arena_span *sp;
	int found = 0;

	spin_lock_irqsave(&vmp->span_lock, flags);
	list_for_each_entry(sp, &vmp->spans, link) {
		if (start >= sp->start && start - sp->start < sp->size &&
		    units <= sp->size - (start - sp->start)) {
			found = 1;
			break;
		}
	}
	spin_unlock_irqrestore(&vmp->span_lock, flags);
	return found;
}
EXPORT_SYMBOL(vmem_contains);

size_t vmem_size(vmem_t *vmp, int typemask)
{
	unsigned long free_units = ddic_rmap_free_units(vmp->map);
	unsigned long units = 0;

	if (typemask & VMEM_ALLOC)
		units += READ_ONCE(vmp->total) - free_units;
	if (typemask & VMEM_FREE)
		units += free_units;
	return units << vmp->qshift;
}
EXPORT_SYMBOL(vmem_size);

/* ---- ID spaces --------------------------------------------------------- */

/* IDs are addresses of quantum 1: ID id is map index id + 1. */

id_space_t *id_space_create(const char *name, id_t low, id_t high)
{
	if (low < 0 || high <= low) {
		pr_warn("%s(\"%s\", %d, %d) from %pS: empty or negative range; returning NULL\n",
			__func__, name ?: "", low, high, (void *)_RET_IP_);
		return NULL;
	}
	return arena_create(name, (void *)(unsigned long)low, high - low, 1,
			    NULL, NULL, NULL, NULL, VMC_IDENTIFIER | VM_SLEEP,
			    _RET_IP_);
}
EXPORT_SYMBOL(id_space_create);

void id_space_destroy(id_space_t *isp)
{
	vmem_destroy(isp);
}
EXPORT_SYMBOL(id_space_destroy);

void id_space_extend(id_space_t *isp, id_t low, id_t high)
{
	if (low < 0 || high <= low) {
		arena_refuse(isp, "id_space_extend", "empty or negative range",
			     low, high, _RET_IP_);
		return;
	}
	arena_add(isp, (void *)(unsigned long)low, high - low, false,
		  _RET_IP_);
}
EXPORT_SYMBOL(id_space_extend);

static id_t ids_alloc(id_space_t *isp, int vmflag)
{
	struct ddic_rmap_req rq = { .size = 1, .align = 1, .lo = 1,
				    .bias = 1 };
	unsigned long index = arena_alloc(isp, &rq, vmflag);

	return index ? (id_t)(index - 1) : -1;
}

id_t id_alloc(id_space_t *isp)
{
	might_sleep();
	return ids_alloc(isp, VM_NEXTFIT | VM_SLEEP);
}
EXPORT_SYMBOL(id_alloc);

id_t id_alloc_nosleep(id_space_t *isp)
{
	return ids_alloc(isp, VM_NEXTFIT | VM_NOSLEEP);
}
EXPORT_SYMBOL(id_alloc_nosleep);

id_t id_allocff(id_space_t *isp)
{
	might_sleep();
	return ids_alloc(isp, VM_FIRSTFIT | VM_SLEEP);
}
EXPORT_SYMBOL(id_allocff);

id_t id_allocff_nosleep(id_space_t *isp)
{
	return ids_alloc(isp, VM_FIRSTFIT | VM_NOSLEEP);
}
EXPORT_SYMBOL(id_allocff_nosleep);

id_t id_alloc_specific_nosleep(id_space_t *isp, id_t id)
{
	if (id < 0)
		return -1;
	return ddic_rmap_claim(isp->map, (unsigned long)id + 1, 1) ? -1 : id;
}
EXPORT_SYMBOL(id_alloc_specific_nosleep);

/* Is @id inside the space?  One span (the usual case): no lock needed. */
static inline bool ids_inside(id_space_t *isp, id_t id)
{
	unsigned long index = (unsigned long)id + 1;

	if (id < 0 || index < READ_ONCE(isp->hull_lo) ||
	    index >= READ_ONCE(isp->hull_hi))
		return false;
	return READ_ONCE(isp->nspans) == 1 ||
	       vmem_contains(isp, (void *)(unsigned long)id, 1);
}

void id_free(id_space_t *isp, id_t id)
{
	if (unlikely(!ids_inside(isp, id))) {
		arena_refuse(isp, "id_free", "the ID is outside the space",
			     id, 0, _RET_IP_);
		return;
	}
	ddic_rmfree(isp->map, 1, (unsigned long)id + 1);
}
EXPORT_SYMBOL(id_free);

/* ---- vmem_walk ---------------------------------------------------------- */

/* A copy of an arena's spans or free segments, in map indices. */
struct arena_seg {
	unsigned long start, size;
};

struct arena_snap {
	struct arena_seg *v;
	unsigned int n, cap;
};

static int arena_snap_add(unsigned long start, unsigned long size, void *arg)
{
	struct arena_snap *s = arg;

	if (s->n < s->cap) {
		s->v[s->n].start = start;
		s->v[s->n].size = size;
	}
	s->n++;
	return 0;
}

static int arena_seg_cmp(const void *a, const void *b)
{
	const struct arena_seg *x = a, *y = b;

	return x->start < y->start ? -1 : x->start > y->start;
}

/* Copy the spans (@free false) or the free segments; false: no memory. */
static bool arena_snapshot(vmem_t *vmp, bool free, struct arena_snap *s)
{
	struct arena_span *sp;
	unsigned long flags;
	unsigned int cap = 16;

	for (;;) {
		s->v = kvmalloc_array(cap, sizeof(*s->v), GFP_KERNEL);
		if (!s->v)
			return false;
		s->cap = cap;
		s->n = 0;
		if (free) {
			ddic_rmap_walk(vmp->map, arena_snap_add, s);
		} else {
			spin_lock_irqsave(&vmp->span_lock, flags);
			list_for_each_entry(sp, &vmp->spans, link)
				arena_snap_add(sp->start, sp->size, s);
			spin_unlock_irqrestore(&vmp->span_lock, flags);
		}
		if (s->n <= s->cap)
			break;
		cap = s->n + s->n / 4;	/* it may grow meanwhile */
		kvfree(s->v);
	}
	sort(s->v, s->n, sizeof(*s->v), arena_seg_cmp, NULL);
	return true;
}

static void arena_emit(vmem_t *vmp, int typemask, int type,
		       unsigned long start, unsigned long end,
		       void (*func)(void *, void *, size_t), void *arg)
{
	if ((typemask & type) && end > start)
		func(arg, arena_addr(vmp, start),
		     (end - start) << vmp->qshift);
}

/*
 * Call func(arg, address, size) for each allocated (VMEM_ALLOC) and free
 * (VMEM_FREE) segment, in address order.  The walk works on a copy taken
 * when it starts, with no lock held during the calls, so a callback may
 * call into the arena (as VMEM_REENTRANT allows on Solaris); allocated
 * space is reported as the stretches between free segments, not one
 * segment per allocation (departure, docs/departures.md).
 */
void vmem_walk(vmem_t *vmp, int typemask,
	       void (*func)(void *arg, void *start, size_t size), void *arg)
{
	struct arena_snap spans = {}, segs = {};
	unsigned int i, j = 0;

	might_sleep();
	if (!vmp || !func) {
		arena_refuse(vmp, "vmem_walk", "no arena or no function",
			     typemask, 0, _RET_IP_);
		return;
	}
	if (!arena_snapshot(vmp, false, &spans) ||
	    !arena_snapshot(vmp, true, &segs)) {
		arena_refuse(vmp, "vmem_walk", "no memory for the walk",
			     typemask, 0, _RET_IP_);
		goto out;
	}
	for (i = 0; i < spans.n; i++) {
		unsigned long at = spans.v[i].start;
		unsigned long end = at + spans.v[i].size;

		/* Free segments may run across adjacent spans: clip them. */
		while (j > 0 && segs.v[j - 1].start + segs.v[j - 1].size > at)
			j--;
		for (; j < segs.n && segs.v[j].start < end; j++) {
			unsigned long s = max(segs.v[j].start, at);
			unsigned long e = min(segs.v[j].start +
					      segs.v[j].size, end);

			if (e <= at)
				continue;
			arena_emit(vmp, typemask, VMEM_ALLOC, at, s, func, arg);
			arena_emit(vmp, typemask, VMEM_FREE, s, e, func, arg);
			at = e;
		}
		arena_emit(vmp, typemask, VMEM_ALLOC, at, end, func, arg);
	}
out:
	kvfree(spans.v);
	kvfree(segs.v);
}
EXPORT_SYMBOL(vmem_walk);
