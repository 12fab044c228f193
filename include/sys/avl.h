/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Balanced binary search trees: avl_create(9F) and friends.
 *
 * The tree orders objects by the driver's comparison function, which
 * returns -1, 0 or 1; the avl_node_t lives in each object.  Departure:
 * the tree is balanced as a red-black tree, not an AVL tree (same
 * O(log n) bounds, the same interface and orderings).
 */
#ifndef _SYS_AVL_H
#define _SYS_AVL_H

#include <sys/types.h>
#include <sys/avl_impl.h>

typedef struct avl_tree avl_tree_t;
typedef struct avl_node avl_node_t;
typedef uintptr_t avl_index_t;

#define AVL_BEFORE	(0)
#define AVL_AFTER	(1)

void avl_create(avl_tree_t *tree, int (*compar)(const void *, const void *),
		size_t size, size_t offset);
void avl_destroy(avl_tree_t *tree);
void *avl_destroy_nodes(avl_tree_t *tree, void **cookie);

void *avl_find(avl_tree_t *tree, const void *node, avl_index_t *where);
void avl_insert(avl_tree_t *tree, void *node, avl_index_t where);
void avl_insert_here(avl_tree_t *tree, void *new_data, void *here,
		     int direction);
void avl_add(avl_tree_t *tree, void *node);
void avl_remove(avl_tree_t *tree, void *node);
boolean_t avl_update(avl_tree_t *tree, void *node);
boolean_t avl_update_lt(avl_tree_t *tree, void *node);
boolean_t avl_update_gt(avl_tree_t *tree, void *node);
void avl_swap(avl_tree_t *tree1, avl_tree_t *tree2);

void *avl_first(avl_tree_t *tree);
void *avl_last(avl_tree_t *tree);
void *avl_next(avl_tree_t *tree, void *node);
void *avl_prev(avl_tree_t *tree, void *node);
void *avl_nearest(avl_tree_t *tree, avl_index_t where, int direction);
ulong_t avl_numnodes(avl_tree_t *tree);
boolean_t avl_is_empty(avl_tree_t *tree);

/* Compiled into the caller (<sys/avl_impl.h>); also exported. */
#define avl_find(tree, node, where)	ddic_avl_find((tree), (node), (where))
#define avl_add(tree, node)		((void)ddic_avl_add((tree), (node)))
#define avl_remove(tree, node)		((void)ddic_avl_remove((tree), (node)))

#define AVL_NEXT(tree, node)	avl_next((tree), (node))
#define AVL_PREV(tree, node)	avl_prev((tree), (node))

#endif /* _SYS_AVL_H */
