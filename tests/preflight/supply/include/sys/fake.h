/* SPDX-License-Identifier: GPL-2.0 */
/* Test tree for scripts/solaris/supply.py (never compiled). */
#include <linux/string.h>

/* a macro onto an exported internal: provided */
#define list_create(l, s, o)	ddic_list_create_impl((l), (s), (o))
/* a macro onto an internal nobody exports: missing */
#define list_destroy(l)		ddic_list_destroy_impl(l)
/* declared and exported: provided */
int avl_add(void *, void *);
/* declared only: missing */
int avl_remove(void *, void *);
/* an inline calling an internal that is not exported: missing */
static inline int avl_numnodes(void *t) { return ddic_avl_count(t); }
/* an inline calling nothing of ours: provided */
static inline int avl_is_empty(void *t) { return t == 0; }
/* a macro onto a 9F entry the tree lacks: missing */
#define kstat_install(k)	atomic_inc_32(k)
/* a macro onto a 9F entry the tree provides: provided */
#define kstat_delete(k)		avl_add((k), (k))
/* a macro onto Linux: provided */
#define membar_producer()	smp_wmb()
/* named in a comment only: missing
 * #define vmem_size(a, b) 0
 */
