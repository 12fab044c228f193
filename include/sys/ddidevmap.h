/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Placeholder until the memory work (ddi_umem/devmap, branch umem) is
 * merged: the cookie type <sys/sunddi.h> needs, and ddi_umem_alloc(9F)/
 * ddi_umem_free(9F) with the same signatures, so drivers such as qotd
 * build and run on this branch.  The merge replaces this file and the
 * functions in ddi_compat/devmap_stub.c.
 */
#ifndef _SYS_DDIDEVMAP_H
#define _SYS_DDIDEVMAP_H

#include <sys/types.h>

typedef struct ddi_umem_cookie *ddi_umem_cookie_t;

#define DDI_UMEM_SLEEP		0x0
#define DDI_UMEM_NOSLEEP	0x1
#define DDI_UMEM_PAGEABLE	0x2
#define DDI_UMEM_TRASH		0x4

void *ddi_umem_alloc_site(size_t size, int flag, ddi_umem_cookie_t *cookiep,
			  const char *func, int line);
void ddi_umem_free(ddi_umem_cookie_t cookie);

#define ddi_umem_alloc(size, flag, cookiep) \
	ddi_umem_alloc_site((size), (flag), (cookiep), __func__, __LINE__)

#endif /* _SYS_DDIDEVMAP_H */
