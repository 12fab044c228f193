/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Disk ioctls (dkio(4I)).  Numbers and structures as on Solaris/illumos,
 * so a driver's ioctl(9E) and the user programs that call it agree.
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

#define DKIOC			(0x04 << 8)

#define DKIOCGGEOM		(DKIOC | 1)
#define DKIOCINFO		(DKIOC | 3)
#define DKIOCSTATE		(DKIOC | 13)
#define DKIOCREMOVABLE		(DKIOC | 16)
#define DKIOCFLUSHWRITECACHE	(DKIOC | 34)
#define DKIOCGETWCE		(DKIOC | 36)
#define DKIOCSETWCE		(DKIOC | 37)
#define DKIOCGMEDIAINFO		(DKIOC | 42)
#define DKIOCGMEDIAINFOEXT	(DKIOC | 48)
#define DKIOCFREE		(DKIOC | 50)
#define DKIOC_CANFREE		(DKIOC | 60)

/* DKIOCGMEDIAINFO */
struct dk_minfo {
	uint_t		dki_media_type;
	uint_t		dki_lbsize;	/* bytes per logical block */
	diskaddr_t	dki_capacity;	/* in dki_lbsize blocks */
};

struct dk_minfo_ext {
	uint_t		dki_media_type;
	uint_t		dki_lbsize;
	diskaddr_t	dki_capacity;
	uint_t		dki_pbsize;	/* physical block size */
};

/* dki_media_type */
#define DK_UNKNOWN		0x00
#define DK_REMOVABLE_DISK	0x02
#define DK_MO_ERASABLE		0x03
#define DK_FIXED_DISK		0x10001
#define DK_FLOPPY		0x10002

/* DKIOCFLUSHWRITECACHE's optional argument: called when the flush is done. */
struct dk_callback {
	void	(*dkc_callback)(void *dkc_cookie, int error);
	void	*dkc_cookie;
	int	dkc_flag;
};

/* DKIOCFREE: byte ranges, each dfle_start + dfl_offset, to discard. */
typedef struct dkioc_free_list_ext {
	uint64_t	dfle_start;
	uint64_t	dfle_length;
} dkioc_free_list_ext_t;

typedef struct dkioc_free_list {
	uint64_t		dfl_flags;
	uint64_t		dfl_num_exts;
	int64_t			dfl_offset;
	uint64_t		dfl_reserved[3];
	dkioc_free_list_ext_t	dfl_exts[1];
} dkioc_free_list_t;

#define DF_WAIT_SYNC		0x00000001	/* return when done */

#define DFL_SZ(n)	(sizeof(dkioc_free_list_t) + \
			((n) - 1) * sizeof(dkioc_free_list_ext_t))

#endif /* _SYS_DKIO_H */
