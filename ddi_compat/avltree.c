// SPDX-License-Identifier: GPL-2.0
/*
 * avl_create(9F) and friends over the kernel's red-black tree.
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

static DEFINE_RATELIMIT_STATE(avlt_bad_rs, 5 * HZ, 10);

static inline struct rb_node *avlt_rb(avl_tree_t *tree, const void *obj)
{
	return &((avl_node_t *)((char *)obj + tree->avl_offset))->ddic_rb;
}

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

void avl_create(avl_tree_t *tree, int (*compar)(const void *, const void *),
		size_t size, size_t offset)
{
	if (offset + sizeof(avl_node_t) > size)
		pr_warn("%s(%p, size %zu, offset %zu) from %pS: the node does not fit in the object\n",
			__func__, tree, size, offset, (void *)_RET_IP_);
	/* avlt_child() */
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

/*
 * The child of @n on the side a comparison chose (@right: it was above
 * @n), as one load: rb_left follows rb_right in struct rb_node (checked
 * in avl_create()).  A conditional pick of n->rb_right or n->rb_left
 * loads both on every level.
 */
static __always_inline struct rb_node **avlt_child(struct rb_node *n,
						   bool right)
{
	return &(&n->rb_right)[!right];
}

/*
 * The search every lookup and avl_add() share, inlined into each so that
 * the only call per level is the driver's comparison function.  Returns
 * the object found, or NULL with *@parentp and *@linkp where a new one
 * goes.
 */
static __always_inline void *avlt_search(avl_tree_t *tree, const void *value,
					 struct rb_node **parentp,
					 struct rb_node ***linkp, int *sidep)
{
	struct rb_node **link = &tree->avl_root.rb_node, *n, *parent = NULL;
	int (*compar)(const void *, const void *) = tree->avl_compar;
	size_t off = tree->avl_offset;
	int diff, side = 0;

	while ((n = *link)) {
		diff = compar(value, (char *)n - off);
		if (diff == 0)
			return (char *)n - off;
		parent = n;
		side = diff > 0;
		link = avlt_child(n, side);
	}
	*parentp = parent;
	*linkp = link;
	*sidep = side;
	return NULL;
}

static __always_inline void *avlt_find(avl_tree_t *tree, const void *value,
				       avl_index_t *where)
{
	struct rb_node *parent, **link;
	int side;
	void *found = avlt_search(tree, value, &parent, &link, &side);

	*where = found ? 0 : (uintptr_t)parent | side;
	return found;
}

void *avl_find(avl_tree_t *tree, const void *value, avl_index_t *where)
{
	avl_index_t dummy;

	return avlt_find(tree, value, where ? where : &dummy);
}
EXPORT_SYMBOL(avl_find);

static __always_inline void avlt_link(avl_tree_t *tree, struct rb_node *node,
			     struct rb_node *parent, struct rb_node **link)
{
	rb_link_node(node, parent, link);
	rb_insert_color(node, &tree->avl_root);
	tree->avl_numnodes++;
}

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
	avlt_link(tree, avlt_rb(tree, new_data), parent, link);
}

void avl_insert(avl_tree_t *tree, void *new_data, avl_index_t where)
{
	avlt_insert(tree, new_data, where, _RET_IP_);
}
EXPORT_SYMBOL(avl_insert);

void avl_insert_here(avl_tree_t *tree, void *new_data, void *here,
		     int direction)
{
	struct rb_node *n = avlt_rb(tree, here), *p;

	if (direction == AVL_BEFORE) {
		if (!n->rb_left) {
			avlt_link(tree, avlt_rb(tree, new_data), n,
				  &n->rb_left);
			return;
		}
		for (p = n->rb_left; p->rb_right; p = p->rb_right)
			;
		avlt_link(tree, avlt_rb(tree, new_data), p, &p->rb_right);
	} else {
		if (!n->rb_right) {
			avlt_link(tree, avlt_rb(tree, new_data), n,
				  &n->rb_right);
			return;
		}
		for (p = n->rb_right; p->rb_left; p = p->rb_left)
			;
		avlt_link(tree, avlt_rb(tree, new_data), p, &p->rb_left);
	}
}
EXPORT_SYMBOL(avl_insert_here);

static __always_inline bool avlt_add(avl_tree_t *tree, void *new_data,
				      unsigned long ip)
{
	struct rb_node *parent, **link;
	int side;

	if (unlikely(avlt_search(tree, new_data, &parent, &link, &side))) {
		avlt_refuse("avl_add", tree,
			    "an object with the same key is already in the tree",
			    ip);
		return false;
	}
	avlt_link(tree, avlt_rb(tree, new_data), parent, link);
	return true;
}

void avl_add(avl_tree_t *tree, void *new_data)
{
	avlt_add(tree, new_data, _RET_IP_);
}
EXPORT_SYMBOL(avl_add);

static __always_inline bool avlt_remove(avl_tree_t *tree, void *data,
					unsigned long ip)
{
	struct rb_node *n = avlt_rb(tree, data);

	/* A zeroed node looks like a root: it must be this tree's. */
	if (unlikely(RB_EMPTY_NODE(n) || !tree->avl_numnodes ||
		     (!rb_parent(n) && tree->avl_root.rb_node != n))) {
		avlt_refuse("avl_remove", tree, "the object is in no tree", ip);
		return false;
	}
	rb_erase(n, &tree->avl_root);
	RB_CLEAR_NODE(n);
	tree->avl_numnodes--;
	return true;
}

void avl_remove(avl_tree_t *tree, void *data)
{
	avlt_remove(tree, data, _RET_IP_);
}
EXPORT_SYMBOL(avl_remove);

/* Move @obj to where its changed key belongs; B_TRUE if it moved. */
static boolean_t avlt_reinsert(avl_tree_t *tree, void *obj, unsigned long ip)
{
	if (avlt_remove(tree, obj, ip))
		avlt_add(tree, obj, ip);
	return B_TRUE;
}

boolean_t avl_update_lt(avl_tree_t *tree, void *obj)
{
	void *neighbor = avl_prev(tree, obj);

	if (neighbor && tree->avl_compar(neighbor, obj) > 0)
		return avlt_reinsert(tree, obj, _RET_IP_);
	return B_FALSE;
}
EXPORT_SYMBOL(avl_update_lt);

boolean_t avl_update_gt(avl_tree_t *tree, void *obj)
{
	void *neighbor = avl_next(tree, obj);

	if (neighbor && tree->avl_compar(obj, neighbor) > 0)
		return avlt_reinsert(tree, obj, _RET_IP_);
	return B_FALSE;
}
EXPORT_SYMBOL(avl_update_gt);

boolean_t avl_update(avl_tree_t *tree, void *obj)
{
	void *neighbor = avl_prev(tree, obj);

	if (neighbor && tree->avl_compar(neighbor, obj) > 0)
		return avlt_reinsert(tree, obj, _RET_IP_);
	neighbor = avl_next(tree, obj);
	if (neighbor && tree->avl_compar(obj, neighbor) > 0)
		return avlt_reinsert(tree, obj, _RET_IP_);
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
	return avlt_obj(tree, rb_next(avlt_rb(tree, obj)));
}
EXPORT_SYMBOL(avl_next);

void *avl_prev(avl_tree_t *tree, void *obj)
{
	return avlt_obj(tree, rb_prev(avlt_rb(tree, obj)));
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
