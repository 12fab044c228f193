/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Disk ioctls (dkio(4I)): the numbers and the structures a user program
 * passes, as on Solaris/illumos.  Safe for user space: it needs only the
 * C types (uint_t and diskaddr_t are written out as the types they name
 * in include/sys/types.h).  Drivers include <sys/dkio.h>, which includes
 * this file and adds what only the kernel side uses; user programs are
 * built with include/uapi on their include path (scripts/user.sh), so
 * their #include <sys/dkio.h> finds this file.
 */
#ifndef _UAPI_SYS_DKIO_H
#define _UAPI_SYS_DKIO_H

#ifdef __KERNEL__
#include <linux/types.h>
#else
#include <stdint.h>
#endif

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
	unsigned int		dki_media_type;
	unsigned int		dki_lbsize;	/* bytes per logical block */
	unsigned long long	dki_capacity;	/* in dki_lbsize blocks */
};

struct dk_minfo_ext {
	unsigned int		dki_media_type;
	unsigned int		dki_lbsize;
	unsigned long long	dki_capacity;
	unsigned int		dki_pbsize;	/* physical block size */
};

/* dki_media_type */
#define DK_UNKNOWN		0x00
#define DK_REMOVABLE_DISK	0x02
#define DK_MO_ERASABLE		0x03
#define DK_FIXED_DISK		0x10001
#define DK_FLOPPY		0x10002

/* DKIOCFREE: byte ranges, each dfle_start + dfl_offset, to discard. */
typedef struct dkioc_free_list_ext_s {
	uint64_t	dfle_start;
	uint64_t	dfle_length;
} dkioc_free_list_ext_t;

typedef struct dkioc_free_list_s {
	uint64_t		dfl_flags;
	uint64_t		dfl_num_exts;
	int64_t			dfl_offset;
	uint64_t		dfl_reserved[3];
	dkioc_free_list_ext_t	dfl_exts[1];
} dkioc_free_list_t;

#define DF_WAIT_SYNC		0x00000001	/* return when done */

#define DFL_SZ(n)	(sizeof(dkioc_free_list_t) + \
			((n) - 1) * sizeof(dkioc_free_list_ext_t))

#endif /* _UAPI_SYS_DKIO_H */
