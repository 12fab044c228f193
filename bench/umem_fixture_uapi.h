/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The umem test and bench fixture's ioctls (/dev/ddi_umem_fixture), shared
 * by bench/umem_fixture.c and the user programs under tests/prog/.
 * Every field is 64 bits wide so 32- and 64-bit programs agree on the
 * layout.
 */
#ifndef _UMEM_FIXTURE_UAPI_H
#define _UMEM_FIXTURE_UAPI_H

#ifdef __KERNEL__
#include <linux/ioctl.h>
#else
#include <sys/ioctl.h>
#endif

#define UF_NCOOKIES	8
#define UF_NSEGS	4

/* How an mmap of the fixture is served. */
#define UF_KIND_DEVMAP		0	/* ddic_devmap_mmap(): the path tested */
#define UF_KIND_INSERT_PAGES	1	/* baseline: vm_insert_pages at mmap */
#define UF_KIND_FAULT		2	/* baseline: one fault per page */

/* Misbehaviours of the fixture's devmap(9E) and cb_ops. */
#define UF_MODE_NORMAL		0
#define UF_MODE_ZERO_MAPLEN	1	/* returns 0 with *maplen == 0 */
#define UF_MODE_ODD_MAPLEN	2	/* *maplen not a page multiple */
#define UF_MODE_NO_SETUP	3	/* returns 0 without devmap_umem_setup */
#define UF_MODE_NO_DEVMAP	4	/* cb_devmap NULL */
#define UF_MODE_SEGMAP		5	/* a segmap(9E) calling devmap_setup */
#define UF_MODE_MODEL		6	/* seg 0 for LP64, seg 1 for ILP32 */
#define UF_MODE_ACCESS		7	/* callbacks with devmap_access */
#define UF_MODE_LONG_MAPLEN	8	/* *maplen larger than asked */

struct uf_alloc {			/* UF_ALLOC in, out */
	unsigned long long size;
	unsigned long long flags;	/* DDI_UMEM_* */
	unsigned long long index;	/* out */
	unsigned long long is_null;	/* out: kernel address was NULL */
};

struct uf_fill {			/* UF_FILL: byte = seed + page index */
	unsigned long long index;
	unsigned long long seed;
};

struct uf_peek {			/* UF_PEEK: read one byte of a cookie */
	unsigned long long index;
	unsigned long long off;
	unsigned long long value;	/* out */
};

struct uf_seg {
	unsigned long long index;	/* cookie */
	unsigned long long off;		/* in the cookie */
	unsigned long long len;
	unsigned long long maxprot;
	unsigned long long flags;	/* DEVMAP_* */
};

struct uf_config {			/* UF_CONFIG */
	unsigned long long kind;
	unsigned long long mode;
	unsigned long long callbacks;	/* register devmap_map/dup/unmap */
	unsigned long long nsegs;
	struct uf_seg seg[UF_NSEGS];
};

struct uf_stats {			/* UF_STATS out */
	unsigned long long maps, dups, unmaps;
	unsigned long long dvm_calls;
	unsigned long long last_model;
	unsigned long long unmap_len;
};

struct uf_report {			/* UF_REPORT: one bench row */
	unsigned long long value_milli;
	unsigned long long baseline_milli;
	char name[64];
	char unit[16];
	char baseline[64];
	/* The per-round ratio value/baseline (thousandths); 0: none. */
	unsigned long long ratio_min_milli;
	unsigned long long ratio_med_milli;
	unsigned long long ratio_max_milli;
};

struct uf_lock {			/* UF_LOCK: ddi_umem_lock() */
	unsigned long long addr;
	unsigned long long len;
	unsigned long long flags;	/* DDI_UMEMLOCK_* */
	unsigned long long error;	/* out: its return value */
	unsigned long long index;	/* out: UF_NCOOKIES + slot */
};

struct uf_lockpeek {			/* UF_LOCKPEEK: a byte via the pin */
	unsigned long long index;
	unsigned long long off;
	unsigned long long value;	/* out */
};

#define UF_IOC		'U'
#define UF_ALLOC	_IOWR(UF_IOC, 1, struct uf_alloc)
#define UF_FREE		_IOW(UF_IOC, 2, unsigned long long)
#define UF_FILL		_IOW(UF_IOC, 3, struct uf_fill)
#define UF_PEEK		_IOWR(UF_IOC, 4, struct uf_peek)
#define UF_CONFIG	_IOW(UF_IOC, 5, struct uf_config)
#define UF_STATS	_IOR(UF_IOC, 6, struct uf_stats)
#define UF_RESET	_IO(UF_IOC, 7)
#define UF_REPORT	_IOW(UF_IOC, 8, struct uf_report)
#define UF_LOCK		_IOWR(UF_IOC, 9, struct uf_lock)
#define UF_UNLOCK	_IOW(UF_IOC, 10, unsigned long long)
#define UF_UNLOCK_ATOMIC _IOW(UF_IOC, 11, unsigned long long)
#define UF_LOCKPEEK	_IOWR(UF_IOC, 12, struct uf_lockpeek)

#endif /* _UMEM_FIXTURE_UAPI_H */
