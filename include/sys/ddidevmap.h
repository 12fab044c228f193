/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Placeholder until the memory work (ddi_umem/devmap) lands: only the
 * cookie type <sys/sunddi.h> needs.  The merge replaces this file.
 */
#ifndef _SYS_DDIDEVMAP_H
#define _SYS_DDIDEVMAP_H

#include <sys/types.h>

typedef struct ddi_umem_cookie *ddi_umem_cookie_t;

#endif /* _SYS_DDIDEVMAP_H */
