/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct uio(9S) and uiomove(9F).  iovec_t is Linux's struct iovec, whose
 * members have Solaris's names (iov_base, iov_len).
 */
#ifndef _SYS_UIO_H
#define _SYS_UIO_H

#include <sys/types.h>

typedef struct iovec iovec_t;

typedef enum uio_rw {
	UIO_READ,
	UIO_WRITE
} uio_rw_t;

typedef enum uio_seg {
	UIO_USERSPACE,
	UIO_SYSSPACE,
	UIO_USERISPACE
} uio_seg_t;

typedef struct uio {
	iovec_t *uio_iov;		/* the vectors still to move */
	int uio_iovcnt;			/* how many */
	offset_t uio_loffset;		/* file offset */
	uio_seg_t uio_segflg;		/* user or kernel addresses */
	uint16_t uio_fmode;		/* file mode flags (FREAD, ...) */
	uint16_t uio_extflg;
	offset_t uio_limit;		/* highest offset allowed */
	ssize_t uio_resid;		/* bytes still to move */
} uio_t;

#define uio_offset	uio_loffset

#define UIO_COPY_DEFAULT	0x0000
#define UIO_COPY_CACHED		0x0001

int uiomove(void *address, size_t nbytes, enum uio_rw rwflag,
	    struct uio *uio_p);
int ureadc(int c, struct uio *uio_p);
int uwritec(struct uio *uio_p);

#endif /* _SYS_UIO_H */
