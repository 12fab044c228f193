/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Disk ioctls (dkio(4I)).  Numbers and structures as on Solaris/illumos,
 * so a driver's ioctl(9E) and the user programs that call it agree.  The
 * part user programs see is include/uapi/sys/dkio.h, included here.
 *
 * The block bridge (ddi_compat/blk.c) calls a block driver's ioctl(9E)
 * itself, with FKIOCTL in the mode and a kernel pointer as the argument:
 * DKIOCGMEDIAINFO for the disk's size, DKIOCGETWCE to learn whether the
 * disk has a volatile write cache, DKIOCFLUSHWRITECACHE for a Linux
 * flush, DKIOC_CANFREE and DKIOCFREE for discard.
 */
#ifndef _SYS_DKIO_H
#define _SYS_DKIO_H

#include <sys/types.h>

/* The numbers and the structures user programs pass too. */
#include <uapi/sys/dkio.h>

/* DKIOCFLUSHWRITECACHE's optional argument: called when the flush is done. */
struct dk_callback {
	void	(*dkc_callback)(void *dkc_cookie, int error);
	void	*dkc_cookie;
	int	dkc_flag;
};

#endif /* _SYS_DKIO_H */
