// SPDX-License-Identifier: GPL-2.0
/*
 * Placeholders until the memory work (ddi_umem/devmap) is merged: the
 * mmap bridge maps nothing, and ddi_umem_alloc/ddi_umem_free are plain
 * page-rounded, zeroed vmalloc/kmalloc memory.  The merge replaces this
 * file with the real devmap.c and umem.c.
 */
#include <linux/errno.h>
#include <linux/mm.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <sys/types.h>
#include <sys/ddidevmap.h>

#include "ddi_impl.h"

int ddi_devmap_mmap(struct ddi_mmap_req *req)
{
	return -ENODEV;
}

struct ddi_umem_cookie {
	void *addr;
	size_t size;
};

void *ddi_umem_alloc_site(size_t size, int flag, ddi_umem_cookie_t *cookiep,
			  const char *func, int line)
{
	gfp_t gfp = (flag & DDI_UMEM_NOSLEEP) ? GFP_NOWAIT : GFP_KERNEL;
	struct ddi_umem_cookie *c;

	if (!size || !cookiep)
		return NULL;
	c = kzalloc(sizeof(*c), gfp);
	if (!c)
		return NULL;
	c->size = PAGE_ALIGN(size);
	if (flag & DDI_UMEM_NOSLEEP)
		c->addr = (void *)__get_free_pages(gfp | __GFP_ZERO,
						   get_order(c->size));
	else
		c->addr = vzalloc(c->size);
	if (!c->addr) {
		kfree(c);
		return NULL;
	}
	*cookiep = c;
	return c->addr;
}
EXPORT_SYMBOL(ddi_umem_alloc_site);

void ddi_umem_free(ddi_umem_cookie_t c)
{
	if (!c)
		return;
	if (is_vmalloc_addr(c->addr))
		ddi_vfree_any(c->addr);
	else
		free_pages((unsigned long)c->addr, get_order(c->size));
	kfree(c);
}
EXPORT_SYMBOL(ddi_umem_free);
