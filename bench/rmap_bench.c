// SPDX-License-Identifier: GPL-2.0
/*
 * One rmalloc()+rmfree() pair on a map fragmented into 1, 10, 100, 1000
 * and 10000 free segments, against the same pair on:
 *   classic   a sorted array of free segments scanned first-fit from the
 *             lowest index, with linear-scan frees: the maps Solaris
 *             shipped up to Solaris 7, written here;
 *   gen_pool  the kernel's bitmap allocator (lib/genalloc.c), first fit,
 *             over the same range (where the kernel has it);
 *   maple     the maple tree's mtree_alloc_range() + mtree_erase(), the
 *             allocated ranges stored as entries and the free ones as gaps.
 *
 * The fragmentation is built from a fixed seed and is the same for all
 * four: n - 1 small free segments (1..8 units) separated by small
 * allocated gaps (1..8 units), then one large free segment.  The pair asks
 * for 16 units, which only the last segment holds, so first fit has to get
 * past every small segment: the case a fragmented map is slow in.  After
 * each pair the allocator is back where it started.
 */
#define _DDI_COMPAT_IMPL	/* not a Solaris driver: Linux's own names */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/maple_tree.h>
#include <linux/xarray.h>
#include <ddi_compat/kcompat.h>
#ifdef DDIC_HAVE_GEN_POOL
#include <linux/genalloc.h>
#endif
#include <sys/map.h>

#include "bench.h"

#define RB_REQ		16
#define RB_BIG		4096
#define RB_MAXSEG	10000

/* The fragmentation: free segments in index order, over [1, top). */
struct rb_frag {
	int n;
	unsigned long top;
	unsigned long *start, *size;
};

static u64 rb_rand(u64 *s)
{
	*s ^= *s >> 12;
	*s ^= *s << 25;
	*s ^= *s >> 27;
	return *s * 0x2545f4914f6cdd1dULL;
}

static void rb_frag_build(struct rb_frag *f, int nseg)
{
	u64 seed = 0x7261706d;		/* fixed: same layout every run */
	unsigned long pos = 1;
	int i;

	for (i = 0; i < nseg - 1; i++) {
		f->start[i] = pos;
		f->size[i] = 1 + rb_rand(&seed) % 8;
		pos += f->size[i];
		pos += 1 + rb_rand(&seed) % 8;	/* allocated gap */
	}
	f->start[i] = pos;
	f->size[i] = RB_BIG;
	f->n = nseg;
	f->top = pos + RB_BIG;
}

/* Where first fit must put the request: the start of the last segment. */
static unsigned long rb_expect(struct rb_frag *f)
{
	return f->start[f->n - 1];
}

/* ---- the classic array ------------------------------------------------- */

struct classic_map {
	spinlock_t lock;
	int n, cap;
	unsigned long *start, *size;
};

/*
 * noinline: a driver calls its map functions, they are never inlined into
 * it, so the baseline pays for a call as rmalloc()/rmfree() do.
 */
static noinline unsigned long classic_alloc(struct classic_map *m,
					    unsigned long size)
{
	unsigned long flags, index = 0;
	int i;

	spin_lock_irqsave(&m->lock, flags);
	for (i = 0; i < m->n; i++) {
		if (m->size[i] < size)
			continue;
		index = m->start[i];
		m->start[i] += size;
		m->size[i] -= size;
		if (!m->size[i]) {
			memmove(&m->start[i], &m->start[i + 1],
				(m->n - i - 1) * sizeof(long));
			memmove(&m->size[i], &m->size[i + 1],
				(m->n - i - 1) * sizeof(long));
			m->n--;
		}
		break;
	}
	spin_unlock_irqrestore(&m->lock, flags);
	return index;
}

static noinline void classic_free(struct classic_map *m, unsigned long size,
				  unsigned long index)
{
	unsigned long flags;
	bool below, above;
	int i;

	spin_lock_irqsave(&m->lock, flags);
	for (i = 0; i < m->n && m->start[i] < index; i++)
		;
	below = i > 0 && m->start[i - 1] + m->size[i - 1] == index;
	above = i < m->n && m->start[i] == index + size;
	if (below && above) {
		m->size[i - 1] += size + m->size[i];
		memmove(&m->start[i], &m->start[i + 1],
			(m->n - i - 1) * sizeof(long));
		memmove(&m->size[i], &m->size[i + 1],
			(m->n - i - 1) * sizeof(long));
		m->n--;
	} else if (below) {
		m->size[i - 1] += size;
	} else if (above) {
		m->start[i] = index;
		m->size[i] += size;
	} else if (m->n < m->cap) {
		memmove(&m->start[i + 1], &m->start[i],
			(m->n - i) * sizeof(long));
		memmove(&m->size[i + 1], &m->size[i],
			(m->n - i) * sizeof(long));
		m->start[i] = index;
		m->size[i] = size;
		m->n++;
	}			/* else: the classic overflow loss */
	spin_unlock_irqrestore(&m->lock, flags);
}

/* ---- the pairs --------------------------------------------------------- */

struct rb_ctx {
	struct map *rm;
	struct classic_map cl;
	struct maple_tree mt;
#ifdef DDIC_HAVE_GEN_POOL
	struct gen_pool *gp;
	bool gp_ready;		/* the gaps are allocated */
#endif
	struct rb_frag *f;
	bool mt_ready;
	unsigned long top;
};

static void rsb_pair(void *arg, unsigned long iters)
{
	struct rb_ctx *c = arg;
	unsigned long i;

	while (iters--) {
		i = rmalloc(c->rm, RB_REQ);
		rmfree(c->rm, RB_REQ, i);
	}
}

static void classic_pair(void *arg, unsigned long iters)
{
	struct rb_ctx *c = arg;
	unsigned long i;

	while (iters--) {
		i = classic_alloc(&c->cl, RB_REQ);
		classic_free(&c->cl, RB_REQ, i);
	}
}

static void maple_pair(void *arg, unsigned long iters)
{
	struct rb_ctx *c = arg;
	unsigned long i;

	while (iters--) {
		if (mtree_alloc_range(&c->mt, &i, xa_mk_value(2), RB_REQ, 1,
				      c->top - 1, GFP_KERNEL))
			continue;
		mtree_erase(&c->mt, i);
	}
}

#ifdef DDIC_HAVE_GEN_POOL
static void genpool_pair(void *arg, unsigned long iters)
{
	struct rb_ctx *c = arg;
	unsigned long i;

	while (iters--) {
		i = gen_pool_alloc(c->gp, RB_REQ);
		if (i)
			gen_pool_free(c->gp, i, RB_REQ);
	}
}
#endif

/* ---- set-up ------------------------------------------------------------ */

static void rb_ctx_free(struct rb_ctx *c)
{
#ifdef DDIC_HAVE_GEN_POOL
	struct rb_frag *f = c->f;
	unsigned long a;
	int i;
#endif

	if (c->rm)
		rmfreemap(c->rm);
	kvfree(c->cl.start);
	kvfree(c->cl.size);
	if (c->mt_ready)
		mtree_destroy(&c->mt);
#ifdef DDIC_HAVE_GEN_POOL
	if (c->gp && c->gp_ready) {
		/* gen_pool_destroy() insists that everything is free. */
		for (i = 0; i + 1 < f->n; i++) {
			a = f->start[i] + f->size[i];
			gen_pool_free(c->gp, a, f->start[i + 1] - a);
		}
	}
	if (c->gp)
		gen_pool_destroy(c->gp);
#endif
}

static int rb_ctx_build(struct rb_ctx *c, struct rb_frag *f)
{
	unsigned long idx, a, b;
	int i, err;

	memset(c, 0, sizeof(*c));
	c->f = f;
	c->top = f->top;
	mt_init_flags(&c->mt, MT_FLAGS_ALLOC_RANGE);
	c->mt_ready = true;
	spin_lock_init(&c->cl.lock);
	c->cl.cap = f->n + 1;
	c->cl.start = kvcalloc(c->cl.cap, sizeof(long), GFP_KERNEL);
	c->cl.size = kvcalloc(c->cl.cap, sizeof(long), GFP_KERNEL);
	c->rm = rmallocmap_wait(f->n + 1);
	if (!c->cl.start || !c->cl.size || !c->rm)
		return -ENOMEM;

	for (i = 0; i < f->n; i++) {
		rmfree(c->rm, f->size[i], f->start[i]);
		c->cl.start[i] = f->start[i];
		c->cl.size[i] = f->size[i];
	}
	c->cl.n = f->n;

	/* The maple tree holds the allocated gaps as entries. */
	for (i = 0; i + 1 < f->n; i++) {
		a = f->start[i] + f->size[i];
		b = f->start[i + 1];
		err = mtree_store_range(&c->mt, a, b - 1, xa_mk_value(1),
					GFP_KERNEL);
		if (err)
			return err;
	}

#ifdef DDIC_HAVE_GEN_POOL
	c->gp = gen_pool_create(0, NUMA_NO_NODE);
	if (!c->gp)
		return -ENOMEM;
	err = gen_pool_add(c->gp, 1, c->top - 1, NUMA_NO_NODE);
	if (err)
		return err;
	if (gen_pool_alloc(c->gp, c->top - 1) != 1)
		return -EIO;
	for (i = 0; i < f->n; i++)
		gen_pool_free(c->gp, f->start[i], f->size[i]);
	c->gp_ready = true;
#endif

	/* Each must place the request where first fit does. */
	idx = rmalloc(c->rm, RB_REQ);
	rmfree(c->rm, RB_REQ, idx);
	if (idx != rb_expect(f))
		return -EIO;
	idx = classic_alloc(&c->cl, RB_REQ);
	classic_free(&c->cl, RB_REQ, idx);
	if (idx != rb_expect(f))
		return -EIO;
	err = mtree_alloc_range(&c->mt, &idx, xa_mk_value(2), RB_REQ, 1,
				c->top - 1, GFP_KERNEL);
	if (err)
		return err;
	mtree_erase(&c->mt, idx);
	if (idx != rb_expect(f))
		return -EIO;
#ifdef DDIC_HAVE_GEN_POOL
	idx = gen_pool_alloc(c->gp, RB_REQ);
	if (idx)
		gen_pool_free(c->gp, idx, RB_REQ);
	if (idx != rb_expect(f))
		return -EIO;
#endif
	return 0;
}

int bench_rmap(void)
{
	static const int nsegs[] = { 1, 10, 100, 1000, 10000 };
	struct rb_frag f = { };
	struct rb_ctx *c;
	struct rb_ctx *c10;
	struct rb_frag f10 = { };
	u64 ours, base;
	unsigned long iters;
	char name[64], bname[64];
	int i, err = 0;

	c = kzalloc(sizeof(*c), GFP_KERNEL);
	f.start = kvcalloc(RB_MAXSEG, sizeof(long), GFP_KERNEL);
	f.size = kvcalloc(RB_MAXSEG, sizeof(long), GFP_KERNEL);
	if (!c || !f.start || !f.size) {
		err = -ENOMEM;
		goto out;
	}
	for (i = 0; i < ARRAY_SIZE(nsegs); i++) {
		int n = nsegs[i];

		rb_frag_build(&f, n);
		err = rb_ctx_build(c, &f);
		if (err) {
			pr_err("ddi_bench: rmap set-up at %d segments failed: %d\n",
			       n, err);
			rb_ctx_free(c);
			goto out;
		}
		/*
		 * Short rounds, many of them: the guest shares the host's
		 * CPUs, and a round long enough to be descheduled in measures
		 * the host's load; the median of 31 short ones does not.
		 */
		iters = clamp(20000UL / (n + 10), 20UL, 2000UL);

		bench_pair(rsb_pair, c, classic_pair, c, iters, 31, &ours,
			   &base);
		snprintf(name, sizeof(name), "rmap_pair_%dseg_vs_classic", n);
		snprintf(bname, sizeof(bname), "classic_array_pair_%dseg", n);
		bench_report(name, "ns", ours, bname, base);

#ifdef DDIC_HAVE_GEN_POOL
		bench_pair(rsb_pair, c, genpool_pair, c, iters, 31, &ours,
			   &base);
		snprintf(name, sizeof(name), "rmap_pair_%dseg_vs_genpool", n);
		snprintf(bname, sizeof(bname), "gen_pool_pair_%dseg", n);
		bench_report(name, "ns", ours, bname, base);
#endif

		bench_pair(rsb_pair, c, maple_pair, c, iters, 31, &ours,
			   &base);
		snprintf(name, sizeof(name), "rmap_pair_%dseg_vs_maple", n);
		snprintf(bname, sizeof(bname), "maple_tree_pair_%dseg", n);
		bench_report(name, "ns", ours, bname, base);

		rb_ctx_free(c);
	}
	/*
	 * The growth of the cost from 10 to 10000 segments (the goal is at
	 * most 2x), timed in one alternating pair so that a drift in the
	 * guest's speed between the cases above does not enter the ratio.
	 */
	c10 = kzalloc(sizeof(*c10), GFP_KERNEL);
	f10.start = kvcalloc(10, sizeof(long), GFP_KERNEL);
	f10.size = kvcalloc(10, sizeof(long), GFP_KERNEL);
	if (!c10 || !f10.start || !f10.size) {
		err = -ENOMEM;
		goto out10;
	}
	rb_frag_build(&f, RB_MAXSEG);
	rb_frag_build(&f10, 10);
	err = rb_ctx_build(c, &f);
	if (!err)
		err = rb_ctx_build(c10, &f10);
	if (!err) {
		bench_pair(rsb_pair, c, rsb_pair, c10, 500, 31, &ours,
			   &base);
		bench_report("rmap_pair_growth_10_to_10000seg", "ns", ours,
			     "rmap_pair_10seg", base);
	} else {
		pr_err("ddi_bench: rmap set-up for the growth case failed: %d\n",
		       err);
	}
	rb_ctx_free(c);
	rb_ctx_free(c10);
out10:
	kvfree(f10.start);
	kvfree(f10.size);
	kfree(c10);
out:
	kvfree(f.start);
	kvfree(f.size);
	kfree(c);
	return err;
}
