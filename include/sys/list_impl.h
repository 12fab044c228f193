/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The layouts behind list_create(9F): a list_t holds the size of the
 * objects it links, the offset of the list_node_t inside them, and a
 * circular head node.  An unlinked node has both pointers NULL.
 */
#ifndef _SYS_LIST_IMPL_H
#define _SYS_LIST_IMPL_H

#include <sys/types.h>

struct list_node {
	struct list_node *list_next;
	struct list_node *list_prev;
};

struct list {
	size_t list_size;
	size_t list_offset;
	struct list_node list_head;
};

#endif /* _SYS_LIST_IMPL_H */
