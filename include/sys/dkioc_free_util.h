/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/dkioc_free_util.h>: DKIOCFREE's extent lists in the kernel.
 * dfl_copyin() copies a dkioc_free_list_t in from an ioctl(9E) argument
 * (user or FKIOCTL), dfl_free() frees it.  illumos's dfl_iter() is not
 * provided (docs/coverage.md).
 */
#ifndef _SYS_DKIOC_FREE_UTIL_H
#define _SYS_DKIOC_FREE_UTIL_H

#include <sys/dkio.h>

/* The most extents dfl_copyin() takes. */
#define DFL_COPYIN_MAX_EXTS	(1024 * 1024)

#define DFL_ISSYNC(dfl)	(((dfl)->dfl_flags & DF_WAIT_SYNC) ? B_TRUE : B_FALSE)

/* A device's limits on a free, in bytes (illumos's layout). */
typedef struct dkioc_free_info {
	uint64_t	dfi_bshift;		/* log2 of the block size */
	uint64_t	dfi_max_ext;		/* extents a request; 0: any */
	uint64_t	dfi_max_bytes;		/* bytes a request; 0: any */
	uint64_t	dfi_max_ext_bytes;	/* bytes an extent; 0: max_bytes */
	uint64_t	dfi_align;		/* start alignment, bytes */
} dkioc_free_info_t;

typedef int (*dfl_iter_fn_t)(dkioc_free_list_t *dfl, void *arg, int kmflag);

int dfl_copyin(void *arg, dkioc_free_list_t **out, int flags, int kmflags);
void dfl_free(dkioc_free_list_t *dfl);

#endif /* _SYS_DKIOC_FREE_UTIL_H */
