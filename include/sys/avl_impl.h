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

#endif /* _SYS_AVL_IMPL_H */
