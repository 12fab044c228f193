/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ramdisk: the interface of the control node (/devices/pseudo/ramdisk@0:ctl)
 * shared by the driver and ramdiskadm(8).
 *
 * Every structure has the same layout for 32-bit and 64-bit callers (fixed
 * width fields, 64-bit fields on 8-byte offsets, sizes multiples of 8), so
 * the driver copies them in and out without a data-model conversion.
 * User programs include <stdint.h> before this file.
 */

#ifndef _RAMDISK_H
#define	_RAMDISK_H

#define	RD_DRIVER_NAME	"ramdisk"
#define	RD_CTL_NODE	"ctl"		/* control node, minor RD_CTL_MINOR */
#define	RD_CTL_MINOR	0
#define	RD_RAW_SUFFIX	",raw"		/* "<name>,raw": the disk's raw node */
#define	RD_NAME_LEN	32		/* disk names: 1..31 characters */
#define	RD_MAX_DISKS	128		/* disks are minors 1..RD_MAX_DISKS */
#define	RD_BLOCK_SIZE	512		/* logical block size (DEV_BSIZE) */

#define	RD_IOC		(('R' << 16) | ('d' << 8))
#define	RD_CREATE_DISK	(RD_IOC | 0x01)	/* struct rd_ioctl in; minor out */
#define	RD_DELETE_DISK	(RD_IOC | 0x02)	/* struct rd_ioctl in (ri_name) */
#define	RD_NEXT_DISK	(RD_IOC | 0x03)	/* struct rd_info in/out */
#define	RD_GET_STATS	(RD_IOC | 0x04)	/* struct rd_stats out */

/* RD_CREATE_DISK, RD_DELETE_DISK: a disk's name and size in bytes. */
struct rd_ioctl {
	char		ri_name[RD_NAME_LEN];	/* NUL-terminated */
	uint64_t	ri_size;		/* multiple of RD_BLOCK_SIZE */
};

/*
 * RD_NEXT_DISK: the disk with the lowest minor number at or above
 * rn_minor (ENOENT when there is none); a caller lists every disk by
 * starting at 1 and asking again with rn_minor + 1.
 */
struct rd_info {
	char		rn_name[RD_NAME_LEN];
	uint64_t	rn_size;	/* bytes */
	uint64_t	rn_alloc;	/* bytes of storage allocated */
	uint32_t	rn_minor;	/* in: start here; out: the disk's */
	uint32_t	rn_flags;	/* RD_F_* */
	uint32_t	rn_extents;	/* extents allocated */
	uint32_t	rn_mapped;	/* extents mapped by user processes */
};

#define	RD_F_CONF	0x01		/* made from ramdisk.conf at attach */
#define	RD_F_OPEN_BLK	0x02		/* block node open */
#define	RD_F_OPEN_CHR	0x04		/* raw node open */
#define	RD_F_OPEN_LYR	0x08		/* layered opens */
#define	RD_F_MAPPED	0x10		/* user mappings exist */

/* RD_GET_STATS: the storage pool. */
struct rd_stats {
	uint64_t	rs_extent_size;	/* bytes per extent */
	uint64_t	rs_chunk_size;	/* bytes per ddi_umem_alloc chunk */
	uint64_t	rs_pool_max;	/* max-pool-size */
	uint64_t	rs_pool_bytes;	/* chunks allocated now */
	uint64_t	rs_reserved;	/* promised to disks (sizes, rounded) */
	uint64_t	rs_ext_total;	/* extents in the pool's chunks */
	uint64_t	rs_ext_used;	/* extents holding disk data */
	uint64_t	rs_ext_free;	/* extents free in the resource map */
	uint64_t	rs_ext_mapped;	/* extents mapped by user processes */
	uint64_t	rs_allocs;	/* extents taken (first write or map) */
	uint64_t	rs_frees;	/* extents given back (discard...) */
	uint64_t	rs_zeroed;	/* discarded bytes zeroed in place */
	uint64_t	rs_grows;	/* chunks allocated */
	uint64_t	rs_trims;	/* times every chunk went back */
	uint32_t	rs_ndisks;	/* disks now */
	uint32_t	rs_max_disks;	/* RD_MAX_DISKS */
};

#endif /* _RAMDISK_H */
