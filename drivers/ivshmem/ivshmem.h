/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The ivshmem sample driver's interface: each instance has two minor
 * nodes, "rw" and "ro", whose mmap(2) maps the device's shared memory
 * (BAR 2); "ro" allows PROT_READ only.
 */
#ifndef _IVSHMEM_H
#define	_IVSHMEM_H

#include <sys/types.h>

#define	IVSH_IOC		('V' << 8)
#define	IVSHIOC_INFO		(IVSH_IOC | 1)	/* ivsh_info_t out */

typedef struct ivsh_info {
	uint64_t	ii_size;	/* bytes of shared memory */
	uint32_t	ii_rnumber;	/* its register set */
	uint32_t	ii_maps;	/* devmap(9E) calls so far */
} ivsh_info_t;

#endif /* _IVSHMEM_H */
