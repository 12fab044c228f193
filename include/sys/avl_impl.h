/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layouts behind avl_create(9F).
 *
 * ddi_compat keeps the tree as a Linux red-black tree: avl_node_t wraps a
 * struct rb_node (three words, as Solaris's avl_node_t is) and lives in
 * the driver's object at the offset given to avl_create().  avl_tree_t
 * has Solaris's members, avl_root being an rb_root.  The where-cookie
 * (avl_index_t) is the address of the parent node with the side in its
 * low bit, as on Solaris; it is valid until the tree next changes.
 */
#ifndef _SYS_AVL_IMPL_H
#define _SYS_AVL_IMPL_H

#include <linux/rbtree.h>
#include <sys/types.h>

struct avl_node {
	struct rb_node ddic_rb;
};

struct avl_tree {
	struct rb_root avl_root;
	int (*avl_compar)(const void *a, const void *b);
	size_t avl_offset;
	ulong_t avl_numnodes;
	size_t avl_size;
};

/*
 * avl_find(), avl_add() and avl_remove() are compiled into their caller
 * (<sys/avl.h> maps the names here): a driver's lookup or insertion then
 * pays the calls of its own comparison function and of the kernel's
 * rebalancing, and no call into ddi_compat, as code using the kernel's
 * rbtree directly does.  The exported functions of the same names stay,
 * for a caller that takes their address.  Misuse goes to
 * ddic_avl_refuse(), which names the caller.
 */
enum {
	DDIC_AVL_DUPLICATE,		/* avl_add: the key is there */
	DDIC_AVL_NOT_IN_TREE,		/* avl_remove */
};

void ddic_avl_refuse(struct avl_tree *tree, int why);

/* The child on the side a comparison chose: rb_left follows rb_right. */
static __always_inline struct rb_node **ddic_avl_child(struct rb_node *n,
						       int right)
{
	return &(&n->rb_right)[!right];
}

/*
 * The object equal to @value, or NULL with *@parentp, *@linkp and
 * *@sidep where a new one goes; the only call per level is the driver's
 * comparison function.
 */
static __always_inline void *ddic_avl_search(struct avl_tree *tree,
					     const void *value,
					     struct rb_node **parentp,
					     struct rb_node ***linkp,
					     int *sidep)
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
		link = ddic_avl_child(n, side);
	}
	*parentp = parent;
	*linkp = link;
	*sidep = side;
	return NULL;
}

/* avl_find(9F): the where-cookie is the parent with the side in bit 0. */
static __always_inline void *ddic_avl_find(struct avl_tree *tree,
					   const void *value,
					   uintptr_t *where)
{
	struct rb_node *parent, **link;
	int side;
	void *found = ddic_avl_search(tree, value, &parent, &link, &side);

	if (where)
		*where = found ? 0 : (uintptr_t)parent | side;
	return found;
}

static __always_inline void ddic_avl_link(struct avl_tree *tree,
					  struct rb_node *node,
					  struct rb_node *parent,
					  struct rb_node **link)
{
	rb_link_node(node, parent, link);
	rb_insert_color(node, &tree->avl_root);
	tree->avl_numnodes++;
}

static __always_inline struct rb_node *ddic_avl_rb(struct avl_tree *tree,
						   const void *obj)
{
	return &((struct avl_node *)((char *)obj + tree->avl_offset))->ddic_rb;
}

/*
 * avl_add(9F); false (and a warning) if the key is already there.  The
 * new key is normally absent, so the descent always goes to a leaf and
 * an equal node is only noted on the way (a flag, not a branch per
 * level).
 */
static __always_inline bool ddic_avl_add(struct avl_tree *tree, void *new_data)
{
	struct rb_node **link = &tree->avl_root.rb_node, *n, *parent = NULL;
	unsigned int equal = 0;
	int (*compar)(const void *, const void *) = tree->avl_compar;
	size_t off = tree->avl_offset;
	int diff;

	while ((n = *link)) {
		diff = compar(new_data, (char *)n - off);
		equal |= diff == 0;
		parent = n;
		link = ddic_avl_child(n, diff > 0);
	}
	if (unlikely(equal)) {
		ddic_avl_refuse(tree, DDIC_AVL_DUPLICATE);
		return false;
	}
	ddic_avl_link(tree, ddic_avl_rb(tree, new_data), parent, link);
	return true;
}

/* avl_remove(9F); false (and a warning) if @data is in no tree. */
static __always_inline bool ddic_avl_remove(struct avl_tree *tree, void *data)
{
	struct rb_node *n = ddic_avl_rb(tree, data);

	/* A zeroed node looks like a root: it must be this tree's. */
	/* One branch: the tests are combined with | and &, not || and &&. */
	if (unlikely(RB_EMPTY_NODE(n) | (tree->avl_numnodes == 0) |
		     ((rb_parent(n) == NULL) &
		      (tree->avl_root.rb_node != n)))) {
		ddic_avl_refuse(tree, DDIC_AVL_NOT_IN_TREE);
		return false;
	}
	rb_erase(n, &tree->avl_root);
	RB_CLEAR_NODE(n);
	tree->avl_numnodes--;
	return true;
}

#endif /* _SYS_AVL_IMPL_H */
