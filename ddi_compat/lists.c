// SPDX-License-Identifier: GPL-2.0
/*
 * list_create(9F) and friends: circular doubly linked lists threaded
 * through a list_node_t inside each object.
 *
 * Departure: Solaris checks misuse only with ASSERT in DEBUG kernels and
 * otherwise corrupts the list or faults.  Here removing an object that is
 * on no list, or destroying a list that still holds objects, is refused
 * with a warning naming the call and its caller, and the list is left as
 * it was (docs/departures.md, "Lists").
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/ratelimit.h>
#include <sys/list.h>

#include "ddic_core.h"

static DEFINE_RATELIMIT_STATE(lst_bad_rs, 5 * HZ, 10);

static inline list_node_t *lst_node(list_t *list, void *obj)
{
	return (list_node_t *)((char *)obj + list->list_offset);
}

static inline void *lst_obj(list_t *list, list_node_t *node)
{
	return (char *)node - list->list_offset;
}

static void lst_refuse(const char *call, void *what, const char *why,
		       unsigned long ip)
{
	if (__ratelimit(&lst_bad_rs))
		pr_warn("%s(%p) from %pS: %s; refused\n", call, what,
			(void *)ip, why);
}

static inline void lst_link(list_node_t *prev, list_node_t *node)
{
	list_node_t *next = prev->list_next;

	node->list_next = next;
	node->list_prev = prev;
	next->list_prev = node;
	prev->list_next = node;
}

static inline void lst_unlink(list_node_t *node)
{
	node->list_prev->list_next = node->list_next;
	node->list_next->list_prev = node->list_prev;
	node->list_next = NULL;
	node->list_prev = NULL;
}

void list_create(list_t *list, size_t size, size_t offset)
{
	if (offset + sizeof(list_node_t) > size)
		pr_warn("%s(%p, size %zu, offset %zu) from %pS: the node does not fit in the object\n",
			__func__, list, size, offset, (void *)_RET_IP_);
	list->list_size = size;
	list->list_offset = offset;
	list->list_head.list_next = &list->list_head;
	list->list_head.list_prev = &list->list_head;
}
EXPORT_SYMBOL(list_create);

void list_destroy(list_t *list)
{
	list_node_t *head = &list->list_head;

	if (head->list_next && head->list_next != head) {
		lst_refuse("list_destroy", list, "the list is not empty",
			   _RET_IP_);
		return;
	}
	head->list_next = NULL;
	head->list_prev = NULL;
}
EXPORT_SYMBOL(list_destroy);

/*
 * The new object's node is not checked: as on Solaris, it may hold
 * anything (kmem_alloc'd memory) until it is linked.
 */
static inline void lst_insert(list_t *list, list_node_t *prev, void *nobject)
{
	lst_link(prev, lst_node(list, nobject));
}

void list_insert_after(list_t *list, void *object, void *nobject)
{
	lst_insert(list, object ? lst_node(list, object) : &list->list_head,
		   nobject);
}
EXPORT_SYMBOL(list_insert_after);

void list_insert_before(list_t *list, void *object, void *nobject)
{
	list_node_t *at = object ? lst_node(list, object) : &list->list_head;

	lst_insert(list, at->list_prev, nobject);
}
EXPORT_SYMBOL(list_insert_before);

void list_insert_head(list_t *list, void *object)
{
	lst_insert(list, &list->list_head, object);
}
EXPORT_SYMBOL(list_insert_head);

void list_insert_tail(list_t *list, void *object)
{
	lst_insert(list, list->list_head.list_prev, object);
}
EXPORT_SYMBOL(list_insert_tail);

void list_remove(list_t *list, void *object)
{
	list_node_t *node = lst_node(list, object);

	if (unlikely(!node->list_next)) {
		lst_refuse("list_remove", object, "the object is on no list",
			   _RET_IP_);
		return;
	}
	lst_unlink(node);
}
EXPORT_SYMBOL(list_remove);

void *list_remove_head(list_t *list)
{
	list_node_t *node = list->list_head.list_next;

	if (node == &list->list_head)
		return NULL;
	lst_unlink(node);
	return lst_obj(list, node);
}
EXPORT_SYMBOL(list_remove_head);

void *list_remove_tail(list_t *list)
{
	list_node_t *node = list->list_head.list_prev;

	if (node == &list->list_head)
		return NULL;
	lst_unlink(node);
	return lst_obj(list, node);
}
EXPORT_SYMBOL(list_remove_tail);

/* list_move_tail(9F): append all of @src to @dst, leaving @src empty. */
void ddic_list_move_tail(list_t *dst, list_t *src)
{
	list_node_t *dh = &dst->list_head, *sh = &src->list_head;

	if (dst->list_offset != src->list_offset) {
		lst_refuse("list_move_tail", src,
			   "the lists link their objects at different offsets",
			   _RET_IP_);
		return;
	}
	if (sh->list_next == sh)
		return;
	dh->list_prev->list_next = sh->list_next;
	sh->list_next->list_prev = dh->list_prev;
	sh->list_prev->list_next = dh;
	dh->list_prev = sh->list_prev;
	sh->list_next = sh;
	sh->list_prev = sh;
}
EXPORT_SYMBOL(ddic_list_move_tail);

void *list_head(list_t *list)
{
	list_node_t *node = list->list_head.list_next;

	return node == &list->list_head ? NULL : lst_obj(list, node);
}
EXPORT_SYMBOL(list_head);

void *list_tail(list_t *list)
{
	list_node_t *node = list->list_head.list_prev;

	return node == &list->list_head ? NULL : lst_obj(list, node);
}
EXPORT_SYMBOL(list_tail);

void *list_next(list_t *list, void *object)
{
	list_node_t *node = lst_node(list, object)->list_next;

	return node == &list->list_head ? NULL : lst_obj(list, node);
}
EXPORT_SYMBOL(list_next);

void *list_prev(list_t *list, void *object)
{
	list_node_t *node = lst_node(list, object)->list_prev;

	return node == &list->list_head ? NULL : lst_obj(list, node);
}
EXPORT_SYMBOL(list_prev);

int list_is_empty(list_t *list)
{
	return list->list_head.list_next == &list->list_head;
}
EXPORT_SYMBOL(list_is_empty);

void list_link_init(list_node_t *link)
{
	link->list_next = NULL;
	link->list_prev = NULL;
}
EXPORT_SYMBOL(list_link_init);

/* @lnew takes @lold's place on its list; @lold is left unlinked. */
void list_link_replace(list_node_t *lold, list_node_t *lnew)
{
	if (!lold->list_next) {
		lst_refuse("list_link_replace", lold,
			   "the old node is on no list", _RET_IP_);
		return;
	}
	lnew->list_next = lold->list_next;
	lnew->list_prev = lold->list_prev;
	lold->list_prev->list_next = lnew;
	lold->list_next->list_prev = lnew;
	lold->list_next = NULL;
	lold->list_prev = NULL;
}
EXPORT_SYMBOL(list_link_replace);

int list_link_active(list_node_t *link)
{
	return link->list_next != NULL;
}
EXPORT_SYMBOL(list_link_active);
