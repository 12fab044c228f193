/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Doubly linked lists: list_create(9F) and friends.  The list_node_t lives
 * inside the driver's object at the offset given to list_create(); the
 * functions take and return the objects themselves.
 *
 * Linux's <linux/list.h> has a list_move_tail() of its own.  Inside a
 * Solaris driver the Solaris one wins (the name is a macro over
 * ddic_list_move_tail()); ddi_compat's own files, built with
 * _DDI_COMPAT_IMPL, keep Linux's.  See <ddi_compat/solaris_names.h>.
 */
#ifndef _SYS_LIST_H
#define _SYS_LIST_H

#include <sys/types.h>
#include <sys/list_impl.h>

typedef struct list_node list_node_t;
typedef struct list list_t;

void list_create(list_t *list, size_t size, size_t offset);
void list_destroy(list_t *list);

void list_insert_after(list_t *list, void *object, void *nobject);
void list_insert_before(list_t *list, void *object, void *nobject);
void list_insert_head(list_t *list, void *object);
void list_insert_tail(list_t *list, void *object);
void list_remove(list_t *list, void *object);
void *list_remove_head(list_t *list);
void *list_remove_tail(list_t *list);
void ddic_list_move_tail(list_t *dst, list_t *src);

void *list_head(list_t *list);
void *list_tail(list_t *list);
void *list_next(list_t *list, void *object);
void *list_prev(list_t *list, void *object);
int list_is_empty(list_t *list);

void list_link_init(list_node_t *link);
void list_link_replace(list_node_t *lold, list_node_t *lnew);
int list_link_active(list_node_t *link);

#ifndef _DDI_COMPAT_IMPL
#undef list_move_tail
#define list_move_tail(dst, src)	ddic_list_move_tail((dst), (src))
#endif

#endif /* _SYS_LIST_H */
