/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: what the subsystems share with main.c and with
 * each other.  Never included by a Solaris driver.
 */
#ifndef _DDI_IMPL_H
#define _DDI_IMPL_H

#include <linux/debugfs.h>
#include <linux/module.h>

/* /sys/kernel/debug/ddi_compat, or an error pointer without debugfs. */
extern struct dentry *ddi_debugfs_root;

int ddi_kmem_init(void);
void ddi_kmem_fini(void);
void ddi_kmem_module_going(struct module *mod);

/* Free vmalloc'ed memory from any context (vfree may sleep). */
void ddi_vfree_any(const void *addr);
void ddi_vfree_flush(void);

#endif /* _DDI_IMPL_H */
