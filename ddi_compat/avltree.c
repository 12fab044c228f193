// SPDX-License-Identifier: GPL-2.0
/*
 * avl_create(9F) and friends over the kernel's red-black tree.
 * avl_find(), avl_add() and avl_remove() are inline in <sys/avl_impl.h>
 * (compiled into the driver); their exported copies are here.
 *
 * avl_node_t wraps a struct rb_node inside the driver's object.  Searches
 * walk the rb_node links calling the driver's comparison function;
 * insertion links the new node where the search ended and rebalances with
 * rb_insert_color().  The where-cookie of avl_find() is the parent rb_node
 * with the side (0 left, 1 right) in its low bit, so avl_insert() and
 * avl_nearest() use it exactly as Solaris does: valid until the tree next
 * changes.
 *
 * Departures (docs/departures.md, "AVL trees"): the tree is a red-black
 * tree (same bounds, orderings and interface).  Where Solaris panics
 * (avl_add() of an object whose key is already there, avl_insert() with a
 * stale where-cookie, avl_remove() of an object not in a tree, avl_swap()
 * of unlike trees) the call is refused with a warning and the tree is
 * left as it was.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/rbtree.h>
#include <linux/ratelimit.h>
#include <sys/avl.h>

#include "ddic_core.h"

/* The exported functions behind <sys/avl.h>'s inline ones. */
#undef avl_find
#undef avl_add
#undef avl_remove

static DEFINE_RATELIMIT_STATE(avlt_bad_rs, 5 * HZ, 10);

static inline void *avlt_obj(avl_tree_t *tree, struct rb_node *n)
{
	return n ? (char *)n - tree->avl_offset : NULL;
}

static void __cold avlt_refuse(const char *call, avl_tree_t *tree, const char *why,
			unsigned long ip)
{
	if (__ratelimit(&avlt_bad_rs))
		pr_warn("%s(tree %p) from %pS: %s; refused\n", call, tree,
			(void *)ip, why);
}

/*
 * avl_add() or avl_remove() misused (inlined into the driver: the
 * caller named is the driver's function).
 */
void __cold ddic_avl_refuse(avl_tree_t *tree, int why)
{
	avlt_refuse(why == DDIC_AVL_DUPLICATE ? "avl_add" : "avl_remove", tree,
		    why == DDIC_AVL_DUPLICATE ?
		    "an object with the same key is already in the tree" :
		    "the object is in no tree", _RET_IP_);
}
EXPORT_SYMBOL(ddic_avl_refuse);

void avl_create(avl_tree_t *tree, int (*compar)(const void *, const void *),
		size_t size, size_t offset)
{
	if (offset + sizeof(avl_node_t) > size)
		pr_warn("%s(%p, size %zu, offset %zu) from %pS: the node does not fit in the object\n",
			__func__, tree, size, offset, (void *)_RET_IP_);
	/* ddic_avl_child() */
	BUILD_BUG_ON(offsetof(struct rb_node, rb_left) !=
		     offsetof(struct rb_node, rb_right) + sizeof(void *));
	tree->avl_root = RB_ROOT;
	tree->avl_compar = compar;
	tree->avl_offset = offset;
	tree->avl_numnodes = 0;
	tree->avl_size = size;
}
EXPORT_SYMBOL(avl_create);

void avl_destroy(avl_tree_t *tree)
{
	if (tree->avl_numnodes)
		pr_warn("%s(%p) from %pS: %lu nodes still in the tree\n",
			__func__, tree, (void *)_RET_IP_, tree->avl_numnodes);
}
EXPORT_SYMBOL(avl_destroy);

void *avl_find(avl_tree_t *tree, const void *value, avl_index_t *where)
{
	return ddic_avl_find(tree, value, where);
}
EXPORT_SYMBOL(avl_find);

static __always_inline void avlt_insert(avl_tree_t *tree, void *new_data,
					avl_index_t where, unsigned long ip)
{
	struct rb_node *parent = (struct rb_node *)(where & ~(uintptr_t)1);
	struct rb_node **link;

	if (!parent)
		link = &tree->avl_root.rb_node;
	else
		link = (where & 1) ? &parent->rb_right : &parent->rb_left;
	if (unlikely(*link)) {
		avlt_refuse("avl_insert", tree,
			    "the where-cookie is stale (the tree changed since avl_find)",
			    ip);
		return;
	}
	ddic_avl_link(tree, ddic_avl_rb(tree, new_data), parent, link);
}

void avl_insert(avl_tree_t *tree, void *new_data, avl_index_t where)
{
	avlt_insert(tree, new_data, where, _RET_IP_);
}
EXPORT_SYMBOL(avl_insert);

void avl_insert_here(avl_tree_t *tree, void *new_data, void *here,
		     int direction)
{
	struct rb_node *n = ddic_avl_rb(tree, here), *p;

	if (direction == AVL_BEFORE) {
		if (!n->rb_left) {
			ddic_avl_link(tree, ddic_avl_rb(tree, new_data), n,
				  &n->rb_left);
			return;
		}
		for (p = n->rb_left; p->rb_right; p = p->rb_right)
			;
		ddic_avl_link(tree, ddic_avl_rb(tree, new_data), p, &p->rb_right);
	} else {
		if (!n->rb_right) {
			ddic_avl_link(tree, ddic_avl_rb(tree, new_data), n,
				  &n->rb_right);
			return;
		}
		for (p = n->rb_right; p->rb_left; p = p->rb_left)
			;
		ddic_avl_link(tree, ddic_avl_rb(tree, new_data), p, &p->rb_left);
	}
}
EXPORT_SYMBOL(avl_insert_here);

void avl_add(avl_tree_t *tree, void *new_data)
{
	ddic_avl_add(tree, new_data);
}
EXPORT_SYMBOL(avl_add);

void avl_remove(avl_tree_t *tree, void *data)
{
	ddic_avl_remove(tree, data);
}
EXPORT_SYMBOL(avl_remove);

/* Move @obj to where its changed key belongs; B_TRUE if it moved. */
static boolean_t avlt_reinsert(avl_tree_t *tree, void *obj)
{
	if (ddic_avl_remove(tree, obj))
		ddic_avl_add(tree, obj);
	return B_TRUE;
}

boolean_t avl_update_lt(avl_tree_t *tree, void *obj)
{
	void *neighbor = avl_prev(tree, obj);

	if (neighbor && tree->avl_compar(neighbor, obj) > 0)
		return avlt_reinsert(tree, obj);
	return B_FALSE;
}
EXPORT_SYMBOL(avl_update_lt);

boolean_t avl_update_gt(avl_tree_t *tree, void *obj)
{
	void *neighbor = avl_next(tree, obj);

	if (neighbor && tree->avl_compar(obj, neighbor) > 0)
		return avlt_reinsert(tree, obj);
	return B_FALSE;
}
EXPORT_SYMBOL(avl_update_gt);

boolean_t avl_update(avl_tree_t *tree, void *obj)
{
	void *neighbor = avl_prev(tree, obj);

	if (neighbor && tree->avl_compar(neighbor, obj) > 0)
		return avlt_reinsert(tree, obj);
	neighbor = avl_next(tree, obj);
	if (neighbor && tree->avl_compar(obj, neighbor) > 0)
		return avlt_reinsert(tree, obj);
	return B_FALSE;
}
EXPORT_SYMBOL(avl_update);

void avl_swap(avl_tree_t *tree1, avl_tree_t *tree2)
{
	struct rb_root root;
	ulong_t n;

	if (tree1->avl_compar != tree2->avl_compar ||
	    tree1->avl_offset != tree2->avl_offset ||
	    tree1->avl_size != tree2->avl_size) {
		avlt_refuse("avl_swap", tree1,
			    "the trees differ in comparison function, size or offset",
			    _RET_IP_);
		return;
	}
	root = tree1->avl_root;
	tree1->avl_root = tree2->avl_root;
	tree2->avl_root = root;
	n = tree1->avl_numnodes;
	tree1->avl_numnodes = tree2->avl_numnodes;
	tree2->avl_numnodes = n;
}
EXPORT_SYMBOL(avl_swap);

void *avl_first(avl_tree_t *tree)
{
	return avlt_obj(tree, rb_first(&tree->avl_root));
}
EXPORT_SYMBOL(avl_first);

void *avl_last(avl_tree_t *tree)
{
	return avlt_obj(tree, rb_last(&tree->avl_root));
}
EXPORT_SYMBOL(avl_last);

void *avl_next(avl_tree_t *tree, void *obj)
{
	return avlt_obj(tree, rb_next(ddic_avl_rb(tree, obj)));
}
EXPORT_SYMBOL(avl_next);

void *avl_prev(avl_tree_t *tree, void *obj)
{
	return avlt_obj(tree, rb_prev(ddic_avl_rb(tree, obj)));
}
EXPORT_SYMBOL(avl_prev);

/*
 * The object just before (AVL_BEFORE) or just after (AVL_AFTER) the place
 * a failed avl_find() left in @where.  A left-side cookie is a place just
 * before its parent; a right-side one, just after it.
 */
void *avl_nearest(avl_tree_t *tree, avl_index_t where, int direction)
{
	struct rb_node *parent = (struct rb_node *)(where & ~(uintptr_t)1);
	int side = where & 1;

	if (!parent)
		return NULL;
	if (side != (direction == AVL_AFTER))
		return avlt_obj(tree, parent);
	return avlt_obj(tree, side ? rb_next(parent) : rb_prev(parent));
}
EXPORT_SYMBOL(avl_nearest);

ulong_t avl_numnodes(avl_tree_t *tree)
{
	return tree->avl_numnodes;
}
EXPORT_SYMBOL(avl_numnodes);

boolean_t avl_is_empty(avl_tree_t *tree)
{
	return tree->avl_numnodes == 0;
}
EXPORT_SYMBOL(avl_is_empty);

/*
 * Hand back every object, children before parents, without rebalancing,
 * so the caller may free each one as it gets it.  *cookie starts NULL and
 * holds the next node; once the last is out it points at the tree itself
 * and the tree is empty.
 */
void *avl_destroy_nodes(avl_tree_t *tree, void **cookie)
{
	struct rb_node *n, *next;

	if (*cookie == (void *)tree)
		return NULL;
	n = *cookie ? *cookie : rb_first_postorder(&tree->avl_root);
	if (!n) {
		*cookie = tree;
		tree->avl_root = RB_ROOT;
		tree->avl_numnodes = 0;
		return NULL;
	}
	next = rb_next_postorder(n);
	*cookie = next ? (void *)next : (void *)tree;
	if (!next)
		tree->avl_root = RB_ROOT;
	if (tree->avl_numnodes)
		tree->avl_numnodes--;
	return avlt_obj(tree, n);
}
EXPORT_SYMBOL(avl_destroy_nodes);
