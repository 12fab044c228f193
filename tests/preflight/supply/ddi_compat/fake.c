// SPDX-License-Identifier: GPL-2.0
/* Test tree for scripts/solaris/supply.py (never compiled). */
int ddic_list_create_impl(void *l, unsigned long s, unsigned long o) { return 0; }
EXPORT_SYMBOL(ddic_list_create_impl);
int avl_add(void *t, void *n) { return 0; }
EXPORT_SYMBOL(avl_add);
int ddic_avl_count(void *t) { return 0; }	/* not exported */
