/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the Linux kernels ddi_compat builds against (6.1 and
 * 6.12, with Debian's backports), kept in one place.  Each is a feature
 * test on something the newer API defines; a version comparison is used
 * only where the kernel defines nothing to test.
 *
 * Private to ddi_compat; never included by a Solaris driver.
 */
#ifndef _DDI_COMPAT_KCOMPAT_H
#define _DDI_COMPAT_KCOMPAT_H

#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/device.h>
#include <linux/blkdev.h>
#include <linux/blk-mq.h>
#include <linux/version.h>

/*
 * Symbol namespaces: 6.13 made the namespace argument of
 * EXPORT_SYMBOL_NS() and MODULE_IMPORT_NS() a string literal; before, it
 * was a bare token the macros stringify.  Nothing in the headers tells
 * the two apart, so this is a version test.  DDIC_NS(NAME) is right for
 * both; DDIC_IMPORT_NS(NAME) imports namespace NAME.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 13, 0)
#define DDIC_NS(ns)		#ns
#else
#define DDIC_NS(ns)		ns
#endif
#define DDIC_IMPORT_NS(ns)	MODULE_IMPORT_NS(DDIC_NS(ns))

/*
 * The largest buddy order, inclusive.  6.8 renamed MAX_ORDER (exclusive)
 * to MAX_PAGE_ORDER (inclusive).
 */
#ifdef MAX_PAGE_ORDER
#define DDIC_MAX_PAGE_ORDER	MAX_PAGE_ORDER
#else
#define DDIC_MAX_PAGE_ORDER	(MAX_ORDER - 1)
#endif

/*
 * vma->vm_flags became read-only in 6.3 (vm_flags_set/vm_flags_clear,
 * which also take the per-VMA lock).  Nothing near them is a macro, so
 * kcompat.mk probes for them (DDIC_HAVE_VM_FLAGS_SET).
 */
#ifdef DDIC_HAVE_VM_FLAGS_SET
static inline void ddic_vm_flags_set(struct vm_area_struct *vma,
				    vm_flags_t flags)
{
	vm_flags_set(vma, flags);
}

static inline void ddic_vm_flags_clear(struct vm_area_struct *vma,
				      vm_flags_t flags)
{
	vm_flags_clear(vma, flags);
}
#else
static inline void ddic_vm_flags_set(struct vm_area_struct *vma,
				    vm_flags_t flags)
{
	vma->vm_flags |= flags;
}

static inline void ddic_vm_flags_clear(struct vm_area_struct *vma,
				      vm_flags_t flags)
{
	vma->vm_flags &= ~flags;
}
#endif

/*
 * Pinning user pages needs nothing here: pin_user_pages() lost its vmas
 * argument in 6.5, but pin_user_pages_fast(), which ddi_umem_lock() calls,
 * has the same signature in 6.1 and 6.12.
 */

/* class_create() lost its owner argument in 6.4 (probed by kcompat.mk). */
#ifdef DDIC_HAVE_CLASS_CREATE_NO_OWNER
#define ddic_class_create(name)	class_create(name)
#else
#define ddic_class_create(name)	class_create(THIS_MODULE, name)
#endif

/*
 * lib/genalloc.c is built only when something selects
 * CONFIG_GENERIC_ALLOCATOR: Debian's kernels have it, the minimal debug
 * kernels do not.  Only the benchmark uses it (as a baseline).
 */
#if IS_ENABLED(CONFIG_GENERIC_ALLOCATOR)
#define DDIC_HAVE_GEN_POOL	1
#endif

/*
 * Block devices (ddi_compat/blk.c).
 *
 * The open mode: since 6.5 a blk_mode_t of BLK_OPEN_* flags, before an
 * fmode_t of FMODE_* flags (probed: DDIC_HAVE_BLK_OPEN_DISK, the change
 * that also gave open() the gendisk; blk.c writes both prototypes of its
 * open and release).  ioctl and compat_ioctl take the mode as
 * DDIC_BLK_MODE_T.
 */
#ifdef DDIC_HAVE_BLK_OPEN_DISK
#define DDIC_BLK_MODE_T		blk_mode_t
#define DDIC_BLK_MODE_READ	BLK_OPEN_READ
#define DDIC_BLK_MODE_WRITE	BLK_OPEN_WRITE
#define DDIC_BLK_MODE_EXCL	BLK_OPEN_EXCL
#define DDIC_BLK_MODE_NDELAY	BLK_OPEN_NDELAY
#else
#define DDIC_BLK_MODE_T		fmode_t
#define DDIC_BLK_MODE_READ	FMODE_READ
#define DDIC_BLK_MODE_WRITE	FMODE_WRITE
#define DDIC_BLK_MODE_EXCL	FMODE_EXCL
#define DDIC_BLK_MODE_NDELAY	FMODE_NDELAY
#endif

/* What blk.c wants of a new disk's queue. */
struct ddic_blk_limits {
	unsigned int lbsize;		/* logical = physical block size */
	unsigned int max_sectors;	/* largest request, 512-byte units */
	unsigned short max_segments;
	bool write_cache;		/* volatile cache: send flushes */
	bool discard;			/* discard */
	bool write_zeroes;		/* write-zeroes (as discard) */
	bool iostats;			/* I/O statistics from the start */
};

/* Largest discard (and write-zeroes), in sectors: whole blocks. */
static inline unsigned int ddic_blk_max_discard(const struct ddic_blk_limits *l)
{
	return l->discard ?
		round_down(UINT_MAX >> SECTOR_SHIFT, l->lbsize >> SECTOR_SHIFT) :
		0;
}

/*
 * The limits both kinds of disk get.  6.9 moved them into the disk
 * allocation (probed: DDIC_HAVE_BLK_ALLOC_DISK_LIM) and 6.11 turned the
 * queue flags into limit features (BLK_FEAT_*, macros); before, they are
 * set on the new queue with the blk_queue_*() setters, and the queue is
 * marked non-rotational (6.11 made that the default).
 */
#ifdef DDIC_HAVE_BLK_ALLOC_DISK_LIM
static inline void ddic_blk_fill_limits(struct queue_limits *lim,
					const struct ddic_blk_limits *l)
{
	unsigned int max_discard = ddic_blk_max_discard(l);

	*lim = (struct queue_limits) {
		.logical_block_size = l->lbsize,
		.physical_block_size = l->lbsize,
		.max_hw_sectors = l->max_sectors,
		.max_segments = l->max_segments,
		.max_hw_discard_sectors = max_discard,
		.max_write_zeroes_sectors = l->write_zeroes ? max_discard : 0,
		.discard_granularity = l->discard ? l->lbsize : 0,
		/* No logical block split over two bufs (two pages). */
		.dma_alignment = l->lbsize - 1,
	};
#ifdef BLK_FEAT_WRITE_CACHE
	if (l->write_cache)
		lim->features |= BLK_FEAT_WRITE_CACHE;
#endif
}
#else
static inline void ddic_blk_set_limits(struct request_queue *q,
				       const struct ddic_blk_limits *l)
{
	unsigned int max_discard = ddic_blk_max_discard(l);

	blk_queue_logical_block_size(q, l->lbsize);
	blk_queue_physical_block_size(q, l->lbsize);
	blk_queue_max_hw_sectors(q, l->max_sectors);
	blk_queue_max_segments(q, l->max_segments);
	/* No logical block split over two bufs (two pages). */
	blk_queue_dma_alignment(q, l->lbsize - 1);
	if (l->discard) {
		blk_queue_max_discard_sectors(q, max_discard);
		blk_queue_max_write_zeroes_sectors(q, l->write_zeroes ?
						   max_discard : 0);
		q->limits.discard_granularity = l->lbsize;
	}
	blk_queue_write_cache(q, l->write_cache, false);
	blk_queue_flag_set(QUEUE_FLAG_NONROT, q);
	if (l->iostats)
		blk_queue_flag_set(QUEUE_FLAG_IO_STAT, q);
	else
		blk_queue_flag_clear(QUEUE_FLAG_IO_STAT, q);
}
#endif

/*
 * Allocate a blk-mq disk with those limits.  blk_mq_alloc_disk() turns
 * I/O statistics on by itself; they are turned off when not asked for.
 */
static inline struct gendisk *
ddic_blk_alloc_disk(struct blk_mq_tag_set *set, const struct ddic_blk_limits *l,
		   void *queuedata)
{
	struct gendisk *disk;
#ifdef DDIC_HAVE_BLK_ALLOC_DISK_LIM
	struct queue_limits lim;

	ddic_blk_fill_limits(&lim, l);
	disk = blk_mq_alloc_disk(set, &lim, queuedata);
	if (IS_ERR(disk))
		return disk;
#ifdef BLK_FEAT_WRITE_CACHE
	if (!l->iostats) {
		int err;

		lim = queue_limits_start_update(disk->queue);
		lim.features &= ~BLK_FEAT_IO_STAT;
		err = queue_limits_commit_update(disk->queue, &lim);
		if (err) {
			put_disk(disk);
			return ERR_PTR(err);
		}
	}
#else
	blk_queue_write_cache(disk->queue, l->write_cache, false);
#endif
#else
	disk = blk_mq_alloc_disk(set, queuedata);
	if (IS_ERR(disk))
		return disk;
	ddic_blk_set_limits(disk->queue, l);
#endif
	return disk;
}

/*
 * The same for a bio-based disk (blk.c's default bridge): no tag set,
 * bios reach the disk's submit_bio.  Bio-based queues keep no I/O
 * statistics unless asked (blk.c accounts them itself when the iostats
 * attribute is turned on).
 */
static inline struct gendisk *
ddic_blk_alloc_bio_disk(const struct ddic_blk_limits *l)
{
	struct gendisk *disk;
#ifdef DDIC_HAVE_BLK_ALLOC_DISK_LIM
	struct queue_limits lim;

	ddic_blk_fill_limits(&lim, l);
#ifdef BLK_FEAT_WRITE_CACHE
	if (l->iostats)
		lim.features |= BLK_FEAT_IO_STAT;
	disk = blk_alloc_disk(&lim, NUMA_NO_NODE);
#else
	disk = blk_alloc_disk(&lim, NUMA_NO_NODE);
	if (!IS_ERR(disk)) {
		blk_queue_write_cache(disk->queue, l->write_cache, false);
		if (l->iostats)
			blk_queue_flag_set(QUEUE_FLAG_IO_STAT, disk->queue);
	}
#endif
#else
	disk = blk_alloc_disk(NUMA_NO_NODE);
	if (!disk)
		return ERR_PTR(-ENOMEM);
	ddic_blk_set_limits(disk->queue, l);
#endif
	return disk;
}

#endif /* _DDI_COMPAT_KCOMPAT_H */
