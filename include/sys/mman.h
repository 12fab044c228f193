/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/mman.h> for Solaris drivers: protections and mapping flags as
 * segmap(9E), devmap(9E) and devmap_umem_setup(9F) see them.
 *
 * PROT_READ/WRITE/EXEC and MAP_SHARED/PRIVATE/FIXED have the same values
 * on Linux and Solaris; Linux's definitions (already included through
 * <ddi_compat/linux.h>) are kept.  Solaris-only protections are added.
 * Solaris MAP_NORESERVE and MAP_ANON differ from Linux's and are not
 * redefined: drivers are never handed them.
 */
#ifndef _SYS_MMAN_H
#define _SYS_MMAN_H

#include <sys/types.h>

#ifndef PROT_NONE
#define PROT_NONE	0x0
#endif
#ifndef PROT_READ
#define PROT_READ	0x1
#endif
#ifndef PROT_WRITE
#define PROT_WRITE	0x2
#endif
#ifndef PROT_EXEC
#define PROT_EXEC	0x4
#endif
#define PROT_USER	0x8
#define PROT_ZFOD	(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_USER)
#define PROT_ALL	(PROT_READ | PROT_WRITE | PROT_EXEC | PROT_USER)

#ifndef MAP_SHARED
#define MAP_SHARED	0x1
#endif
#ifndef MAP_PRIVATE
#define MAP_PRIVATE	0x2
#endif
#ifndef MAP_TYPE
#define MAP_TYPE	0xf
#endif
#ifndef MAP_FIXED
#define MAP_FIXED	0x10
#endif

#endif /* _SYS_MMAN_H */
