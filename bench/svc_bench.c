// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel services against the native primitive each stands on or
 * replaces, in the same run:
 *   avl_find                 vs a lookup walking the kernel's rbtree with
 *                            the comparison inlined (rb_find() style);
 *   avl_add + avl_remove     vs rb_add() + rb_erase();
 *   id_alloc + id_free       vs ida_alloc() + ida_free();
 *   vmem_alloc + vmem_free   of one identifier vs ida_alloc() + ida_free().
 * The AVL cases are also timed against the same rbtree walks calling the
 * driver's comparison function through a pointer, as the avl_create(9F)
 * interface requires: what is left is the tree's own cost.
 * The trees hold AVB_N objects (keys 0, 2, 4, ...); lookups use a fixed
 * pseudo-random sequence of present keys; add+remove uses absent (odd)
 * keys.  The ID cases keep AVB_LIVE IDs allocated on both sides.
 */
#define _DDI_COMPAT_IMPL	/* not a Solaris driver: Linux's own names */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/rbtree.h>
#include <linux/idr.h>
#include <sys/types.h>
#include <sys/avl.h>
#include <sys/id_space.h>
#include <sys/vmem.h>

#include "bench.h"

#define AVB_N		1024
#define AVB_PROBES	4096
#define AVB_LIVE	1000
#define AVB_IDS		(1 << 20)

struct avb_obj {
	int key;
	avl_node_t avl;
	struct rb_node rb;
};

struct avb_ctx {
	avl_tree_t avl;
	struct rb_root rb;
	struct avb_obj *objs;		/* AVB_N in the trees */
	struct avb_obj *extra;		/* AVB_PROBES, odd keys, not in */
	int *probe;			/* AVB_PROBES present keys */
	unsigned long sink;
	id_space_t *isp;
	vmem_t *vmp;
	struct ida ida;
	int (*cmp)(const void *a, const void *b);	/* avb_cmp, not inlined */
};

static int avb_cmp(const void *a, const void *b)
{
	const struct avb_obj *x = a, *y = b;

	if (x->key < y->key)
		return -1;
	return x->key > y->key;
}

static __always_inline bool avb_less(struct rb_node *a,
				     const struct rb_node *b)
{
	return rb_entry(a, struct avb_obj, rb)->key <
	       rb_entry(b, struct avb_obj, rb)->key;
}

static __always_inline struct avb_obj *avb_rb_find(struct rb_root *root,
						   int key)
{
	struct rb_node *n = root->rb_node;

	while (n) {
		struct avb_obj *o = rb_entry(n, struct avb_obj, rb);

		if (key < o->key)
			n = n->rb_left;
		else if (key > o->key)
			n = n->rb_right;
		else
			return o;
	}
	return NULL;
}

/* rb_find() and rb_add() with the comparison through a pointer. */
static struct avb_obj *avb_rb_find_ind(struct avb_ctx *c, const struct avb_obj *key)
{
	int (*cmp)(const void *a, const void *b) = READ_ONCE(c->cmp);
	struct rb_node *n = c->rb.rb_node;

	while (n) {
		struct avb_obj *o = rb_entry(n, struct avb_obj, rb);
		int d = cmp(key, o);

		if (d < 0)
			n = n->rb_left;
		else if (d > 0)
			n = n->rb_right;
		else
			return o;
	}
	return NULL;
}

static void rb_find_ind_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	struct avb_obj probe;
	unsigned long i;

	for (i = 0; i < iters; i++) {
		probe.key = c->probe[i % AVB_PROBES];
		c->sink += (unsigned long)avb_rb_find_ind(c, &probe);
	}
}

static void rb_addrm_ind_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	int (*cmp)(const void *a, const void *b) = READ_ONCE(c->cmp);
	unsigned long i;

	for (i = 0; i < iters; i++) {
		struct avb_obj *o = &c->extra[i % AVB_PROBES];
		struct rb_node **link = &c->rb.rb_node, *parent = NULL;

		while (*link) {
			parent = *link;
			if (cmp(o, rb_entry(parent, struct avb_obj, rb)) < 0)
				link = &parent->rb_left;
			else
				link = &parent->rb_right;
		}
		rb_link_node(&o->rb, parent, link);
		rb_insert_color(&o->rb, &c->rb);
		rb_erase(&o->rb, &c->rb);
	}
}

static void avl_find_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	struct avb_obj probe;
	unsigned long i;

	for (i = 0; i < iters; i++) {
		probe.key = c->probe[i % AVB_PROBES];
		c->sink += (unsigned long)avl_find(&c->avl, &probe, NULL);
	}
}

static void rb_find_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	unsigned long i;

	for (i = 0; i < iters; i++)
		c->sink += (unsigned long)avb_rb_find(&c->rb,
						      c->probe[i % AVB_PROBES]);
}

static void avl_addrm_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	unsigned long i;

	for (i = 0; i < iters; i++) {
		struct avb_obj *o = &c->extra[i % AVB_PROBES];

		avl_add(&c->avl, o);
		avl_remove(&c->avl, o);
	}
}

static void rb_addrm_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	unsigned long i;

	for (i = 0; i < iters; i++) {
		struct avb_obj *o = &c->extra[i % AVB_PROBES];

		rb_add(&o->rb, &c->rb, avb_less);
		rb_erase(&o->rb, &c->rb);
	}
}

static void id_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	unsigned long i;

	for (i = 0; i < iters; i++)
		id_free(c->isp, id_alloc_nosleep(c->isp));
}

static void vmem_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	unsigned long i;

	for (i = 0; i < iters; i++)
		vmem_free(c->vmp, vmem_alloc(c->vmp, 1, VM_NOSLEEP), 1);
}

static void ida_loop(void *arg, unsigned long iters)
{
	struct avb_ctx *c = arg;
	unsigned long i;

	for (i = 0; i < iters; i++)
		ida_free(&c->ida, ida_alloc_max(&c->ida, AVB_IDS - 1,
						GFP_NOWAIT));
}

static int avb_setup(struct avb_ctx *c)
{
	u32 seed = 0x61766c;
	int i;

	c->objs = kvcalloc(AVB_N, sizeof(*c->objs), GFP_KERNEL);
	c->extra = kvcalloc(AVB_PROBES, sizeof(*c->extra), GFP_KERNEL);
	c->probe = kvcalloc(AVB_PROBES, sizeof(int), GFP_KERNEL);
	if (!c->objs || !c->extra || !c->probe)
		return -ENOMEM;
	avl_create(&c->avl, avb_cmp, sizeof(struct avb_obj),
		   offsetof(struct avb_obj, avl));
	c->rb = RB_ROOT;
	c->cmp = avb_cmp;
	for (i = 0; i < AVB_N; i++) {
		/* Insert in a scrambled order, the same for both trees. */
		struct avb_obj *o = &c->objs[(i * 577) % AVB_N];

		o->key = 2 * ((i * 577) % AVB_N);
		avl_add(&c->avl, o);
		rb_add(&o->rb, &c->rb, avb_less);
	}
	for (i = 0; i < AVB_PROBES; i++) {
		seed = seed * 1103515245 + 12345;
		c->probe[i] = 2 * ((seed >> 8) % AVB_N);
		c->extra[i].key = 2 * ((seed >> 4) % AVB_N) + 1;
	}
	c->isp = id_space_create("bench_ids", 0, AVB_IDS);
	c->vmp = vmem_create("bench_vmem", (void *)1, AVB_IDS, 1, NULL, NULL,
			     NULL, 0, VM_SLEEP | VMC_IDENTIFIER);
	ida_init(&c->ida);
	if (!c->isp || !c->vmp)
		return -ENOMEM;
	/* The same number of live IDs on each side. */
	for (i = 0; i < AVB_LIVE; i++) {
		if (id_alloc_nosleep(c->isp) < 0 ||
		    !vmem_alloc(c->vmp, 1, VM_NOSLEEP) ||
		    ida_alloc_max(&c->ida, AVB_IDS - 1, GFP_KERNEL) < 0)
			return -ENOMEM;
	}
	return 0;
}

static void avb_teardown(struct avb_ctx *c)
{
	int i;

	if (c->isp) {
		/* The pairs left the first AVB_LIVE IDs as set up. */
		for (i = 0; i < AVB_LIVE; i++)
			id_free(c->isp, i);
		id_space_destroy(c->isp);
	}
	if (c->vmp) {
		vmem_free(c->vmp, (void *)1, AVB_LIVE);
		vmem_destroy(c->vmp);
	}
	ida_destroy(&c->ida);
	if (c->objs) {
		for (i = 0; i < AVB_N; i++)
			avl_remove(&c->avl, &c->objs[i]);
		avl_destroy(&c->avl);
	}
	kvfree(c->objs);
	kvfree(c->extra);
	kvfree(c->probe);
}

int bench_svc(void)
{
	struct avb_ctx *c = kzalloc(sizeof(*c), GFP_KERNEL);
	u64 ours, base;
	int err;

	if (!c)
		return -ENOMEM;
	err = avb_setup(c);
	if (err) {
		pr_err("ddi_bench: services set-up failed: %d\n", err);
		goto out;
	}
	bench_pair(avl_find_loop, c, rb_find_loop, c, 2000, 31, &ours, &base);
	bench_report("avl_find_1024_vs_rbtree", "ns", ours,
		     "rbtree_inline_find_1024", base);
	bench_pair(avl_addrm_loop, c, rb_addrm_loop, c, 2000, 31, &ours,
		   &base);
	bench_report("avl_add_remove_1024_vs_rbtree", "ns", ours,
		     "rb_add_rb_erase_1024", base);
	bench_pair(avl_find_loop, c, rb_find_ind_loop, c, 2000, 31, &ours,
		   &base);
	bench_report("avl_find_1024_vs_rbtree_cmp_call", "ns", ours,
		     "rbtree_find_cmp_pointer_1024", base);
	bench_pair(avl_addrm_loop, c, rb_addrm_ind_loop, c, 2000, 31, &ours,
		   &base);
	bench_report("avl_add_remove_1024_vs_rbtree_cmp_call", "ns", ours,
		     "rb_add_rb_erase_cmp_pointer_1024", base);
	bench_pair(id_loop, c, ida_loop, c, 2000, 31, &ours, &base);
	bench_report("id_alloc_free_vs_ida", "ns", ours,
		     "ida_alloc_free", base);
	bench_pair(vmem_loop, c, ida_loop, c, 2000, 31, &ours, &base);
	bench_report("vmem_alloc_free_id_vs_ida", "ns", ours,
		     "ida_alloc_free", base);
out:
	avb_teardown(c);
	kfree(c);
	return err;
}
