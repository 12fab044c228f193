/* SPDX-License-Identifier: GPL-2.0 */

/*
 * ramdisk - RAM disks, made from ramdisk.conf at attach and created and
 * destroyed at run time through a control node, in the manner of the
 * Solaris ramdisk(4D) driver and its ramdiskadm(8) command.
 *
 * Nodes.  The control node "ctl" (S_IFCHR, minor 0) takes the RD_*
 * ioctls of ramdisk.h.  Disk N (minor N, 1..RD_MAX_DISKS) has a block
 * node "<name>" (S_IFBLK, DDI_NT_BLOCK) and a raw node "<name>,raw"
 * (S_IFCHR) with the same minor number.
 *
 * Storage.  A disk is an array of extents of rp_ext_size bytes (a page
 * multiple, 64 KiB by default).  An extent gets memory on the first write
 * to it (or the first mapping of it); an extent without memory reads as
 * zeros.  Extent memory is carved out of a pool: chunks of rp_chunk_size
 * bytes from ddi_umem_alloc(9F), whose extents are handed out by a
 * resource map (rmallocmap(9F), unit = one extent, index 0 never valid:
 * chunk c holds the indices 1 + c * epc .. (c + 1) * epc).  The pool
 * grows by a chunk when the map is empty.  Discard (DKIOCFREE) and delete
 * give whole extents back to the map with rmfree(9F) and zero what is
 * discarded of partial ones; when no extent is in use any more, every
 * chunk goes back with ddi_umem_free(9F).  Extents that come back to the
 * map are marked dirty and zeroed when they are handed out again, so a
 * delete costs no zeroing and a fresh chunk (zeroed by ddi_umem_alloc) is
 * not zeroed twice.
 *
 * Capacity.  A disk reserves its size (rounded up to extents) at creation;
 * the reservations of all disks may not pass max-pool-size, so a write
 * never finds the pool exhausted (no thin provisioning: a file system is
 * never surprised by a failing write in the middle of the disk).
 *
 * I/O.  strategy(9E) copies between the buf (after bp_mapin(9F)) and the
 * extents.  The extent table of a disk is read without a global lock:
 * each extent is covered by one of RD_NSTRIPES reader/writer locks
 * (extent number modulo RD_NSTRIPES), taken as reader for reads and for
 * writes to extents that have memory, as writer only to give an extent
 * memory (first write), to discard it, or to map it.  Reads never
 * allocate.  Reads and writes of different extents, and reads of the
 * same extent, run in parallel.
 *
 * Bounds.  A request starting past the end of the disk fails with ENXIO;
 * a write that does not fit in the disk fails whole with ENXIO and writes
 * nothing; a read that runs past the end is cut at the end (b_resid says
 * how much was not read; a read at the end itself is end of file).
 *
 * mmap.  The raw node can be mapped MAP_SHARED (segmap(9E) + devmap(9E)):
 * one devmap handle per extent, exported with devmap_umem_setup(9F) from
 * the extent's chunk cookie, so the mapping is the disk itself (what read
 * returns is what the mapping shows, and writes to the disk are seen in
 * it).  Extents without memory get it at map time.  Mapped extents are
 * counted by the devmap_map/dup/unmap callbacks; a discard of a mapped
 * extent zeroes it instead of freeing it (the memory stays the disk's),
 * so memory a process still maps is never handed to another disk.
 *
 * Statistics.  Each disk publishes an I/O kstat, ramdisk:<minor>:<name>
 * of class "disk" (kstat -m ramdisk): strategy(9E) puts each request on
 * the run queue (kstat_queue(9F); it never waits, so never on the wait
 * queue) and counts reads, writes and bytes, under the kstat's ks_lock,
 * rd_kslock.
 *
 * Delete.  RD_DELETE_DISK fails with EBUSY while the disk is open (block,
 * raw or layered) or mapped.  detach(9E) fails while a disk exists that
 * was created at run time, is open or mapped, or holds data; disks from
 * ramdisk.conf that hold no data are simply destroyed (the next attach
 * makes them again, empty, as the .conf says).
 *
 * ramdisk.conf properties:
 *   disk-names="a","b";	disks made at attach ...
 *   disk-sizes="64m","512k";	... and their sizes (b = 512-byte blocks,
 *				k, m, g, t = KiB, MiB, GiB, TiB)
 *   max-pool-size="1g";	the most memory all disks together may use
 *   extent-size=65536;		bytes per extent (a power of two, at least
 *				a page, at most 16 MiB)
 *   chunk-size=4194304;	bytes per ddi_umem_alloc chunk (a multiple
 *				of extent-size, at most 256 MiB)
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/sysmacros.h>
#include <sys/file.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/uio.h>
#include <sys/buf.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/ksynch.h>
#include <sys/kstat.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/kmem.h>
#include <sys/map.h>
#include <sys/dkio.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>

#include "ramdisk.h"

#define	RD_NSTRIPES		32	/* extent locks per disk, power of 2 */
#define	RD_MAPSLOTS		64	/* initial segment slots of the map */
#define	RD_MAX_FREE_EXTS	1024	/* ranges in one DKIOCFREE */

#define	RD_DEF_EXTENT		(64 * 1024)
#define	RD_MAX_EXTENT		(16 * 1024 * 1024)
#define	RD_DEF_CHUNK		(4 * 1024 * 1024)
#define	RD_MAX_CHUNK		(256 * 1024 * 1024)
#define	RD_DEF_POOL_MAX		(1024ULL * 1024 * 1024)
#define	RD_U64_MAX		(~(uint64_t)0)
#define	RD_INT_MAX		0x7fffffff

/* One extent of a disk. */
typedef struct rd_ext {
	caddr_t		re_addr;	/* its memory; NULL: reads as zeros */
	ulong_t		re_idx;		/* its index in the pool's map */
	uint_t		re_maps;	/* devmap handles on it (rd_lock) */
} rd_ext_t;

/* An extent lock, padded so that two of them share no cache line. */
typedef struct rd_stripe {
	krwlock_t	rs_lock;
	uint64_t	rs_pad[8];
} rd_stripe_t;

typedef enum {
	RD_S_CREATING,			/* nodes being made */
	RD_S_READY,
	RD_S_DELETING			/* nodes being removed */
} rd_dstate_t;

typedef struct rd_disk {
	char		rd_name[RD_NAME_LEN];
	minor_t		rd_minor;
	uint64_t	rd_size;	/* bytes */
	uint64_t	rd_resv;	/* bytes reserved in the pool */
	size_t		rd_next;	/* extents */
	rd_ext_t	*rd_ext;	/* rd_next of them */
	rd_stripe_t	*rd_stripes;	/* RD_NSTRIPES of them */
	boolean_t	rd_conf;	/* from ramdisk.conf */

	/* Under rd_glock. */
	rd_dstate_t	rd_state;
	boolean_t	rd_open_blk;
	boolean_t	rd_open_chr;
	uint_t		rd_open_lyr;

	/* Under rd_lock. */
	kmutex_t	rd_lock;
	uint_t		rd_nalloc;	/* extents with memory */
	uint_t		rd_nmaps;	/* devmap handles */
	uint_t		rd_nmapext;	/* extents with re_maps != 0 */
	uint_t		rd_mapping;	/* segmap(9E) calls in progress */

	/* I/O statistics, under rd_kslock (their ks_lock). */
	kstat_t		*rd_kstat;
	kmutex_t	rd_kslock;
} rd_disk_t;

/* What a devmap handle of a disk maps: one extent. */
typedef struct rd_map {
	rd_disk_t	*rm_disk;
	size_t		rm_ext;
} rd_map_t;

/* One ddi_umem_alloc chunk of the pool. */
typedef struct rd_chunk {
	caddr_t			rc_addr;
	ddi_umem_cookie_t	rc_cookie;
} rd_chunk_t;

/* The storage pool; everything under rp_lock unless said otherwise. */
typedef struct rd_pool {
	kmutex_t	rp_lock;
	struct map	*rp_map;	/* free extents; NULL when no chunks */
	rd_chunk_t	*rp_chunks;	/* rp_maxchunks slots */
	uchar_t		*rp_dirty;	/* a bit per extent: needs zeroing */
	uint_t		rp_nchunks;
	uint_t		rp_maxchunks;
	/* Set at attach, read-only while attached. */
	size_t		rp_ext_size;
	uint_t		rp_ext_shift;
	size_t		rp_chunk_size;
	uint_t		rp_epc;		/* extents per chunk */
	uint64_t	rp_max;		/* max-pool-size */
	/* Counters. */
	uint64_t	rp_used;	/* extents given to disks */
	uint64_t	rp_allocs;
	uint64_t	rp_frees;
	uint64_t	rp_zeroed;
	uint64_t	rp_grows;
	uint64_t	rp_trims;
} rd_pool_t;

static void *rd_statep;			/* rd_disk_t by minor */
static kmutex_t rd_glock;		/* the disks, their states, rd_dip */
static dev_info_t *rd_dip;		/* instance 0 while attached */
static uint_t rd_ndisks;
static uint64_t rd_reserved;		/* sum of rd_resv (rd_glock) */
static rd_pool_t rd_pool;
/*
 * The name each minor number last carried since the driver was loaded:
 * a disk made again under the same name gets its old minor number back,
 * and a new name prefers a number never used, so that a (character) node
 * that outlives its disk is never given to a different disk.
 */
static char rd_minor_names[RD_MAX_DISKS + 1][RD_NAME_LEN];

static ddi_device_acc_attr_t rd_acc_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

static int rd_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int rd_attach(dev_info_t *, ddi_attach_cmd_t);
static int rd_detach(dev_info_t *, ddi_detach_cmd_t);
static int rd_open(dev_t *, int, int, cred_t *);
static int rd_close(dev_t, int, int, cred_t *);
static int rd_strategy(struct buf *);
static int rd_read(dev_t, struct uio *, cred_t *);
static int rd_write(dev_t, struct uio *, cred_t *);
static int rd_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);
static int rd_devmap(dev_t, devmap_cookie_t, offset_t, size_t, size_t *,
    uint_t);
static int rd_segmap(dev_t, off_t, struct as *, caddr_t *, off_t,
    unsigned int, unsigned int, unsigned int, cred_t *);
static int rd_prop_op(dev_t, dev_info_t *, ddi_prop_op_t, int, char *,
    caddr_t, int *);

static int rd_devmap_map(devmap_cookie_t, dev_t, uint_t, offset_t, size_t,
    void **);
static int rd_devmap_dup(devmap_cookie_t, void *, devmap_cookie_t, void **);
static void rd_devmap_unmap(devmap_cookie_t, void *, offset_t, size_t,
    devmap_cookie_t, void **, devmap_cookie_t, void **);

static struct devmap_callback_ctl rd_callbacks = {
	DEVMAP_OPS_REV,		/* devmap_rev */
	rd_devmap_map,		/* devmap_map */
	NULL,			/* devmap_access */
	rd_devmap_dup,		/* devmap_dup */
	rd_devmap_unmap		/* devmap_unmap */
};

static struct cb_ops rd_cb_ops = {
	rd_open,		/* cb_open */
	rd_close,		/* cb_close */
	rd_strategy,		/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	rd_read,		/* cb_read */
	rd_write,		/* cb_write */
	rd_ioctl,		/* cb_ioctl */
	rd_devmap,		/* cb_devmap */
	nodev,			/* cb_mmap */
	rd_segmap,		/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	rd_prop_op,		/* cb_prop_op */
	NULL,			/* cb_str */
	D_NEW | D_MP | D_DEVMAP | D_64BIT,	/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops rd_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	rd_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	rd_attach,		/* devo_attach */
	rd_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&rd_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv rd_modldrv = {
	&mod_driverops,
	"ramdisk driver",
	&rd_dev_ops
};

static struct modlinkage rd_modlinkage = {
	MODREV_1,
	{ (void *)&rd_modldrv, NULL }
};

int
_init(void)
{
	int error;

	if ((error = ddi_soft_state_init(&rd_statep, sizeof (rd_disk_t),
	    RD_MAX_DISKS + 1)) != 0)
		return (error);
	mutex_init(&rd_glock, NULL, MUTEX_DRIVER, NULL);
	mutex_init(&rd_pool.rp_lock, NULL, MUTEX_DRIVER, NULL);
	if ((error = mod_install(&rd_modlinkage)) != 0) {
		mutex_destroy(&rd_pool.rp_lock);
		mutex_destroy(&rd_glock);
		ddi_soft_state_fini(&rd_statep);
	}
	return (error);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&rd_modlinkage, modinfop));
}

int
_fini(void)
{
	int error;

	if ((error = mod_remove(&rd_modlinkage)) != 0)
		return (error);
	mutex_destroy(&rd_pool.rp_lock);
	mutex_destroy(&rd_glock);
	ddi_soft_state_fini(&rd_statep);
	return (0);
}

/*
 * Sizes: a number, then an optional unit: b (512-byte blocks), k, m, g,
 * t (KiB, MiB, GiB, TiB), either case.  Returns 0 or EINVAL.
 */
static int
rd_parse_size(const char *s, uint64_t *sizep)
{
	uint64_t v = 0, mult = 1;

	if (*s < '0' || *s > '9')
		return (EINVAL);
	while (*s >= '0' && *s <= '9') {
		if (v > (RD_U64_MAX - (*s - '0')) / 10)
			return (EINVAL);
		v = v * 10 + (*s++ - '0');
	}
	switch (*s) {
	case '\0':
		break;
	case 'b':
	case 'B':
		mult = DEV_BSIZE;
		break;
	case 'k':
	case 'K':
		mult = 1ULL << 10;
		break;
	case 'm':
	case 'M':
		mult = 1ULL << 20;
		break;
	case 'g':
	case 'G':
		mult = 1ULL << 30;
		break;
	case 't':
	case 'T':
		mult = 1ULL << 40;
		break;
	default:
		return (EINVAL);
	}
	if (*s != '\0' && s[1] != '\0')
		return (EINVAL);
	if (v > RD_U64_MAX / mult)
		return (EINVAL);
	*sizep = v * mult;
	return (0);
}

/*
 * Disk names: 1 to RD_NAME_LEN - 1 characters from [A-Za-z0-9_.-], not
 * starting with '.' or '-', and not the control node's name.
 */
static boolean_t
rd_valid_name(const char *name)
{
	size_t i;

	for (i = 0; i < RD_NAME_LEN && name[i] != '\0'; i++) {
		char c = name[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_')
			continue;
		if ((c == '.' || c == '-') && i > 0)
			continue;
		return (B_FALSE);
	}
	if (i == 0 || i == RD_NAME_LEN)
		return (B_FALSE);
	return (strcmp(name, RD_CTL_NODE) != 0);
}

/*
 * The pool.
 */

static caddr_t
rd_pool_addr(ulong_t idx)
{
	ulong_t i = idx - 1;

	ASSERT(mutex_owned(&rd_pool.rp_lock) || rd_pool.rp_used != 0);
	return (rd_pool.rp_chunks[i / rd_pool.rp_epc].rc_addr +
	    (i % rd_pool.rp_epc) * rd_pool.rp_ext_size);
}

/*
 * Take one extent from the pool, growing the pool by a chunk if the map
 * is empty.  Returns its map index (0 if there is no memory) and whether
 * it must be zeroed before use.
 */
static ulong_t
rd_pool_alloc(caddr_t *addrp, boolean_t *dirtyp)
{
	rd_pool_t *rp = &rd_pool;
	ddi_umem_cookie_t cookie;
	caddr_t kaddr;
	ulong_t idx, bit;
	uint_t c;

	mutex_enter(&rp->rp_lock);
	if (rp->rp_map == NULL)
		rp->rp_map = rmallocmap_wait(RD_MAPSLOTS);
	if ((idx = rmalloc(rp->rp_map, 1)) == 0) {
		if ((c = rp->rp_nchunks) == rp->rp_maxchunks) {
			mutex_exit(&rp->rp_lock);
			return (0);
		}
		/*
		 * Memory that is at hand first, without waiting in the I/O
		 * path; only then wait for it.  (Under ddi_compat a
		 * DDI_UMEM_NOSLEEP chunk is also physically contiguous,
		 * which copies faster than a mapped one.)
		 */
		kaddr = ddi_umem_alloc(rp->rp_chunk_size, DDI_UMEM_NOSLEEP,
		    &cookie);
		if (kaddr == NULL)
			kaddr = ddi_umem_alloc(rp->rp_chunk_size,
			    DDI_UMEM_SLEEP, &cookie);
		if (kaddr == NULL) {
			mutex_exit(&rp->rp_lock);
			return (0);
		}
		rp->rp_chunks[c].rc_addr = kaddr;
		rp->rp_chunks[c].rc_cookie = cookie;
		rp->rp_nchunks++;
		rp->rp_grows++;
		rmfree(rp->rp_map, rp->rp_epc, 1 + (ulong_t)c * rp->rp_epc);
		if ((idx = rmalloc(rp->rp_map, 1)) == 0) {
			mutex_exit(&rp->rp_lock);
			return (0);
		}
	}
	bit = idx - 1;
	*dirtyp = (rp->rp_dirty[bit / NBBY] & (1 << (bit % NBBY))) != 0;
	rp->rp_dirty[bit / NBBY] &= ~(1 << (bit % NBBY));
	rp->rp_used++;
	rp->rp_allocs++;
	*addrp = rd_pool_addr(idx);
	mutex_exit(&rp->rp_lock);
	return (idx);
}

/*
 * Give n extents back.  When no extent is in use any more, every chunk
 * goes back to the system and the map with them.
 */
static void
rd_pool_free(ulong_t *idx, size_t n)
{
	rd_pool_t *rp = &rd_pool;
	ulong_t bit;
	size_t i;
	uint_t c;

	if (n == 0)
		return;
	mutex_enter(&rp->rp_lock);
	for (i = 0; i < n; i++) {
		bit = idx[i] - 1;
		rp->rp_dirty[bit / NBBY] |= 1 << (bit % NBBY);
		rmfree(rp->rp_map, 1, idx[i]);
	}
	ASSERT(rp->rp_used >= n);
	rp->rp_used -= n;
	rp->rp_frees += n;
	if (rp->rp_used == 0) {
		rmfreemap(rp->rp_map);
		rp->rp_map = NULL;
		for (c = 0; c < rp->rp_nchunks; c++) {
			ddi_umem_free(rp->rp_chunks[c].rc_cookie);
			rp->rp_chunks[c].rc_addr = NULL;
			rp->rp_chunks[c].rc_cookie = NULL;
		}
		bzero(rp->rp_dirty, howmany((size_t)rp->rp_maxchunks *
		    rp->rp_epc, NBBY));
		rp->rp_nchunks = 0;
		rp->rp_trims++;
	}
	mutex_exit(&rp->rp_lock);
}

/* The chunk cookie and offset in it of extent idx. */
static ddi_umem_cookie_t
rd_pool_cookie(ulong_t idx, offset_t *offp)
{
	rd_pool_t *rp = &rd_pool;
	ddi_umem_cookie_t cookie;

	mutex_enter(&rp->rp_lock);
	cookie = rp->rp_chunks[(idx - 1) / rp->rp_epc].rc_cookie;
	*offp = (offset_t)((idx - 1) % rp->rp_epc) * rp->rp_ext_size;
	mutex_exit(&rp->rp_lock);
	return (cookie);
}

/* Read the pool's properties and set it up, empty. */
static int
rd_pool_init(dev_info_t *dip)
{
	rd_pool_t *rp = &rd_pool;
	char *s;
	int ext, chunk;
	uint64_t max = RD_DEF_POOL_MAX;

	ext = ddi_prop_get_int(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "extent-size", RD_DEF_EXTENT);
	if (ext < PAGESIZE || ext > RD_MAX_EXTENT || !ISP2(ext)) {
		cmn_err(CE_WARN, "ramdisk: extent-size %d is not a power of "
		    "two from %d to %d; using %d", ext, (int)PAGESIZE,
		    RD_MAX_EXTENT, RD_DEF_EXTENT);
		ext = RD_DEF_EXTENT;
	}
	chunk = ddi_prop_get_int(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "chunk-size", MAX(RD_DEF_CHUNK, ext));
	if (chunk < ext || chunk > RD_MAX_CHUNK || chunk % ext != 0) {
		cmn_err(CE_WARN, "ramdisk: chunk-size %d is not a multiple of "
		    "extent-size %d up to %d; using %d", chunk, ext,
		    RD_MAX_CHUNK, MAX(RD_DEF_CHUNK, ext));
		chunk = MAX(RD_DEF_CHUNK, ext);
	}
	if (ddi_prop_lookup_string(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "max-pool-size", &s) == DDI_PROP_SUCCESS) {
		if (rd_parse_size(s, &max) != 0 || max < (uint64_t)chunk ||
		    max / chunk > (uint64_t)RD_INT_MAX / (chunk / ext)) {
			cmn_err(CE_WARN, "ramdisk: bad max-pool-size \"%s\"; "
			    "using %llu", s, (u_longlong_t)RD_DEF_POOL_MAX);
			max = RD_DEF_POOL_MAX;
		}
		ddi_prop_free(s);
	}

	ASSERT(rp->rp_used == 0 && rp->rp_nchunks == 0);
	rp->rp_ext_size = ext;
	for (rp->rp_ext_shift = 0; (1 << rp->rp_ext_shift) < ext;
	    rp->rp_ext_shift++)
		continue;
	rp->rp_chunk_size = chunk;
	rp->rp_epc = chunk / ext;
	rp->rp_maxchunks = howmany(max, chunk);
	rp->rp_max = max;
	rp->rp_chunks = kmem_zalloc(rp->rp_maxchunks * sizeof (rd_chunk_t),
	    KM_SLEEP);
	rp->rp_dirty = kmem_zalloc(howmany((size_t)rp->rp_maxchunks *
	    rp->rp_epc, NBBY), KM_SLEEP);
	rp->rp_map = NULL;
	return (0);
}

static void
rd_pool_fini(void)
{
	rd_pool_t *rp = &rd_pool;

	/* Every disk is gone, so the last rd_pool_free() gave it all back. */
	ASSERT(rp->rp_used == 0 && rp->rp_nchunks == 0);
	if (rp->rp_map != NULL) {
		rmfreemap(rp->rp_map);
		rp->rp_map = NULL;
	}
	kmem_free(rp->rp_chunks, rp->rp_maxchunks * sizeof (rd_chunk_t));
	kmem_free(rp->rp_dirty, howmany((size_t)rp->rp_maxchunks *
	    rp->rp_epc, NBBY));
	rp->rp_chunks = NULL;
	rp->rp_dirty = NULL;
}

/*
 * Extents of a disk.
 */

#define	RD_STRIPE(rdp, e)	\
	(&(rdp)->rd_stripes[(e) & (RD_NSTRIPES - 1)].rs_lock)

/*
 * Give extent e of rdp memory.  The caller holds e's stripe as writer and
 * has seen it without memory; [eoff, eoff + len) of it is about to be
 * written, so the rest of a dirty extent is zeroed (all of it, simply).
 */
static caddr_t
rd_ext_alloc(rd_disk_t *rdp, size_t e, size_t eoff, size_t len)
{
	rd_ext_t *rep = &rdp->rd_ext[e];
	boolean_t dirty;
	caddr_t addr;
	ulong_t idx;

	ASSERT(rw_write_held(RD_STRIPE(rdp, e)));
	ASSERT(rep->re_addr == NULL);
	if ((idx = rd_pool_alloc(&addr, &dirty)) == 0)
		return (NULL);
	if (dirty && (eoff != 0 || len != rd_pool.rp_ext_size))
		bzero(addr, rd_pool.rp_ext_size);
	rep->re_addr = addr;
	rep->re_idx = idx;
	mutex_enter(&rdp->rd_lock);
	rdp->rd_nalloc++;
	mutex_exit(&rdp->rd_lock);
	return (addr);
}

/*
 * Move len bytes between addr and the disk at off (inside the disk).
 * Returns the bytes moved; fewer than len only when a write found no
 * memory for an extent.
 *
 * The copies use memcpy(), not bcopy(): the buffers never overlap, and a
 * bcopy() that must allow overlap (ddi_compat's is memmove()) takes a
 * byte-string-move path that measured four times slower than memcpy()
 * in the guests the bench runs in.  A memcpy() bounded to a page (which
 * the compiler inlines as a string move, as in brd) measured slower too
 * (bench case copy_4k_inline_vs_memcpy_call, median 1.48).
 */
static size_t
rd_rw(rd_disk_t *rdp, caddr_t addr, uint64_t off, size_t len,
    boolean_t reading)
{
	size_t done = 0, e, eoff, n;
	krwlock_t *lp;
	caddr_t p;

	while (done < len) {
		e = (size_t)(off >> rd_pool.rp_ext_shift);
		eoff = (size_t)(off & (rd_pool.rp_ext_size - 1));
		n = MIN(len - done, rd_pool.rp_ext_size - eoff);
		lp = RD_STRIPE(rdp, e);
		rw_enter(lp, RW_READER);
		p = rdp->rd_ext[e].re_addr;
		if (reading) {
			if (p != NULL)
				(void) memcpy(addr, p + eoff, n);
			else
				bzero(addr, n);
		} else {
			if (p == NULL) {
				/* First write: memory, as the writer. */
				rw_exit(lp);
				rw_enter(lp, RW_WRITER);
				if ((p = rdp->rd_ext[e].re_addr) == NULL &&
				    (p = rd_ext_alloc(rdp, e, eoff, n)) ==
				    NULL) {
					rw_exit(lp);
					return (done);
				}
			}
			(void) memcpy(p + eoff, addr, n);
		}
		rw_exit(lp);
		addr += n;
		off += n;
		done += n;
	}
	return (done);
}

/*
 * Discard [off, off + len) of rdp: whole extents nobody maps go back to
 * the pool, the rest is zeroed in place.
 */
static void
rd_discard(rd_disk_t *rdp, uint64_t off, uint64_t len)
{
	uint64_t zeroed = 0;
	size_t e, eoff, n;
	krwlock_t *lp;
	rd_ext_t *rep;
	boolean_t whole, mapped;
	ulong_t idx;
	caddr_t p;

	while (len > 0) {
		e = (size_t)(off >> rd_pool.rp_ext_shift);
		eoff = (size_t)(off & (rd_pool.rp_ext_size - 1));
		n = (size_t)MIN(len, rd_pool.rp_ext_size - eoff);
		rep = &rdp->rd_ext[e];
		lp = RD_STRIPE(rdp, e);
		rw_enter(lp, RW_WRITER);
		if ((p = rep->re_addr) != NULL) {
			/* Whole: all of it, or all of it inside the disk. */
			whole = eoff == 0 && (n == rd_pool.rp_ext_size ||
			    off + n == rdp->rd_size);
			idx = 0;
			mutex_enter(&rdp->rd_lock);
			mapped = rep->re_maps != 0 || rdp->rd_mapping != 0;
			if (whole && !mapped) {
				idx = rep->re_idx;
				rep->re_addr = NULL;
				rep->re_idx = 0;
				rdp->rd_nalloc--;
			}
			mutex_exit(&rdp->rd_lock);
			if (idx == 0) {
				bzero(p + eoff, n);
				zeroed += n;
			}
			rw_exit(lp);
			if (idx != 0)
				rd_pool_free(&idx, 1);
		} else {
			rw_exit(lp);
		}
		off += n;
		len -= n;
	}
	if (zeroed != 0) {
		mutex_enter(&rd_pool.rp_lock);
		rd_pool.rp_zeroed += zeroed;
		mutex_exit(&rd_pool.rp_lock);
	}
}

/*
 * Disks.
 */

/* The disk called name, or NULL.  Called with rd_glock held. */
static rd_disk_t *
rd_find(const char *name)
{
	rd_disk_t *rdp;
	minor_t m;

	ASSERT(mutex_owned(&rd_glock));
	for (m = 1; m <= RD_MAX_DISKS; m++) {
		rdp = ddi_get_soft_state(rd_statep, m);
		if (rdp != NULL && strcmp(rdp->rd_name, name) == 0)
			return (rdp);
	}
	return (NULL);
}

/*
 * A free minor number for a disk called name: the one it had before, else
 * one never used since the driver was loaded, else the lowest free one.
 * 0 if every number is taken.  Called with rd_glock held.
 */
static minor_t
rd_pick_minor(const char *name)
{
	minor_t m, unused = 0, any = 0;

	ASSERT(mutex_owned(&rd_glock));
	for (m = 1; m <= RD_MAX_DISKS; m++) {
		if (ddi_get_soft_state(rd_statep, m) != NULL)
			continue;
		if (strcmp(rd_minor_names[m], name) == 0)
			return (m);
		if (unused == 0 && rd_minor_names[m][0] == '\0')
			unused = m;
		if (any == 0)
			any = m;
	}
	return (unused != 0 ? unused : any);
}

static void
rd_raw_name(const rd_disk_t *rdp, char *buf, size_t len)
{
	(void) snprintf(buf, len, "%s%s", rdp->rd_name, RD_RAW_SUFFIX);
}

/* Free a disk that has no nodes any more (or never had). */
static void
rd_free_disk(rd_disk_t *rdp)
{
	ulong_t *idx;
	size_t e, n = 0;
	int i;

	if (rdp->rd_nalloc != 0) {
		idx = kmem_alloc(rdp->rd_nalloc * sizeof (ulong_t), KM_SLEEP);
		for (e = 0; e < rdp->rd_next; e++) {
			if (rdp->rd_ext[e].re_addr != NULL) {
				ASSERT(n < rdp->rd_nalloc);
				idx[n++] = rdp->rd_ext[e].re_idx;
			}
		}
		ASSERT(n == rdp->rd_nalloc);
		rd_pool_free(idx, n);
		kmem_free(idx, rdp->rd_nalloc * sizeof (ulong_t));
	}
	for (i = 0; i < RD_NSTRIPES; i++)
		rw_destroy(&rdp->rd_stripes[i].rs_lock);
	kmem_free(rdp->rd_stripes, RD_NSTRIPES * sizeof (rd_stripe_t));
	kmem_free(rdp->rd_ext, rdp->rd_next * sizeof (rd_ext_t));
	if (rdp->rd_kstat != NULL)
		kstat_delete(rdp->rd_kstat);
	mutex_destroy(&rdp->rd_kslock);
	mutex_destroy(&rdp->rd_lock);

	mutex_enter(&rd_glock);
	rd_reserved -= rdp->rd_resv;
	rd_ndisks--;
	ddi_soft_state_free(rd_statep, rdp->rd_minor);
	mutex_exit(&rd_glock);
}

/*
 * Make a disk: its state, then its raw and block nodes.  Returns an errno;
 * the disk's minor number in *minorp.
 */
static int
rd_create_disk(const char *name, uint64_t size, boolean_t conf,
    minor_t *minorp)
{
	char rawname[RD_NAME_LEN + sizeof (RD_RAW_SUFFIX)];
	rd_stripe_t *stripes;
	rd_disk_t *rdp;
	rd_ext_t *ext;
	size_t next;
	uint64_t resv;
	minor_t minor = 0;
	int i, error = 0;

	if (!rd_valid_name(name))
		return (EINVAL);
	if (size == 0 || size % RD_BLOCK_SIZE != 0)
		return (EINVAL);
	if (size > rd_pool.rp_max)
		return (ENOSPC);
	next = (size_t)howmany(size, rd_pool.rp_ext_size);
	resv = (uint64_t)next * rd_pool.rp_ext_size;

	ext = kmem_zalloc(next * sizeof (rd_ext_t), KM_SLEEP);
	stripes = kmem_zalloc(RD_NSTRIPES * sizeof (rd_stripe_t), KM_SLEEP);

	mutex_enter(&rd_glock);
	if (rd_dip == NULL)
		error = ENXIO;
	else if (rd_find(name) != NULL)
		error = EEXIST;
	else if (resv > rd_pool.rp_max - rd_reserved)
		error = ENOSPC;
	else if ((minor = rd_pick_minor(name)) == 0)
		error = EAGAIN;
	else if (ddi_soft_state_zalloc(rd_statep, minor) != DDI_SUCCESS)
		error = ENOMEM;
	if (error != 0) {
		mutex_exit(&rd_glock);
		kmem_free(stripes, RD_NSTRIPES * sizeof (rd_stripe_t));
		kmem_free(ext, next * sizeof (rd_ext_t));
		return (error);
	}
	rdp = ddi_get_soft_state(rd_statep, minor);
	(void) strcpy(rdp->rd_name, name);
	rdp->rd_minor = minor;
	rdp->rd_size = size;
	rdp->rd_resv = resv;
	rdp->rd_next = next;
	rdp->rd_ext = ext;
	rdp->rd_stripes = stripes;
	rdp->rd_conf = conf;
	rdp->rd_state = RD_S_CREATING;
	mutex_init(&rdp->rd_lock, NULL, MUTEX_DRIVER, NULL);
	mutex_init(&rdp->rd_kslock, NULL, MUTEX_DRIVER, NULL);
	for (i = 0; i < RD_NSTRIPES; i++)
		rw_init(&stripes[i].rs_lock, NULL, RW_DRIVER, NULL);
	rd_reserved += resv;
	rd_ndisks++;
	(void) strcpy(rd_minor_names[minor], name);
	mutex_exit(&rd_glock);

	/*
	 * The I/O kstat, before the nodes: making the block node already
	 * reads the disk.  A disk without one works; it is just not counted.
	 */
	rdp->rd_kstat = kstat_create(RD_DRIVER_NAME, (int)minor, rdp->rd_name,
	    "disk", KSTAT_TYPE_IO, 1, 0);
	if (rdp->rd_kstat != NULL) {
		rdp->rd_kstat->ks_lock = &rdp->rd_kslock;
		kstat_install(rdp->rd_kstat);
	}

	/*
	 * The nodes are made without rd_glock: making the block node opens
	 * the disk and asks its size (open(9E), ioctl(9E)).
	 */
	rd_raw_name(rdp, rawname, sizeof (rawname));
	if (ddi_create_minor_node(rd_dip, rawname, S_IFCHR, minor,
	    DDI_PSEUDO, 0) != DDI_SUCCESS) {
		error = EIO;
	} else if (ddi_create_minor_node(rd_dip, rdp->rd_name, S_IFBLK,
	    minor, DDI_NT_BLOCK, 0) != DDI_SUCCESS) {
		ddi_remove_minor_node(rd_dip, rawname);
		error = EIO;
	}
	if (error != 0) {
		cmn_err(CE_WARN, "ramdisk: cannot make the nodes of disk %s",
		    name);
		rd_free_disk(rdp);
		return (error);
	}
	mutex_enter(&rd_glock);
	rdp->rd_state = RD_S_READY;
	mutex_exit(&rd_glock);
	*minorp = minor;
	return (0);
}

/* Is rdp in use?  Called with rd_glock held. */
static boolean_t
rd_busy(rd_disk_t *rdp)
{
	boolean_t busy;

	ASSERT(mutex_owned(&rd_glock));
	if (rdp->rd_state != RD_S_READY || rdp->rd_open_blk ||
	    rdp->rd_open_chr || rdp->rd_open_lyr != 0)
		return (B_TRUE);
	mutex_enter(&rdp->rd_lock);
	busy = rdp->rd_nmaps != 0 || rdp->rd_mapping != 0;
	mutex_exit(&rdp->rd_lock);
	return (busy);
}

/* Remove the nodes of a disk marked RD_S_DELETING, and free it. */
static void
rd_destroy_disk(rd_disk_t *rdp)
{
	char rawname[RD_NAME_LEN + sizeof (RD_RAW_SUFFIX)];

	ASSERT(rdp->rd_state == RD_S_DELETING);
	rd_raw_name(rdp, rawname, sizeof (rawname));
	ddi_remove_minor_node(rd_dip, rdp->rd_name);
	ddi_remove_minor_node(rd_dip, rawname);
	rd_free_disk(rdp);
}

static int
rd_delete_disk(const char *name)
{
	rd_disk_t *rdp;

	if (!rd_valid_name(name))
		return (EINVAL);
	mutex_enter(&rd_glock);
	if ((rdp = rd_find(name)) == NULL) {
		mutex_exit(&rd_glock);
		return (ENOENT);
	}
	if (rd_busy(rdp)) {
		mutex_exit(&rd_glock);
		return (EBUSY);
	}
	rdp->rd_state = RD_S_DELETING;
	mutex_exit(&rd_glock);
	rd_destroy_disk(rdp);
	return (0);
}

/* The disks of ramdisk.conf: disk-names and disk-sizes. */
static void
rd_conf_disks(dev_info_t *dip)
{
	char **names, **sizes;
	uint_t nnames, nsizes, i;
	uint64_t size;
	minor_t minor;
	int error;

	if (ddi_prop_lookup_string_array(DDI_DEV_T_ANY, dip,
	    DDI_PROP_DONTPASS, "disk-names", &names, &nnames) !=
	    DDI_PROP_SUCCESS)
		return;
	if (ddi_prop_lookup_string_array(DDI_DEV_T_ANY, dip,
	    DDI_PROP_DONTPASS, "disk-sizes", &sizes, &nsizes) !=
	    DDI_PROP_SUCCESS) {
		cmn_err(CE_WARN, "ramdisk: disk-names without disk-sizes in "
		    "ramdisk.conf; no disks made");
		ddi_prop_free(names);
		return;
	}
	if (nnames != nsizes)
		cmn_err(CE_WARN, "ramdisk: %u disk-names but %u disk-sizes in "
		    "ramdisk.conf; making %u disks", nnames, nsizes,
		    MIN(nnames, nsizes));
	for (i = 0; i < MIN(nnames, nsizes); i++) {
		if (rd_parse_size(sizes[i], &size) != 0) {
			cmn_err(CE_WARN, "ramdisk: disk %s: bad size \"%s\"",
			    names[i], sizes[i]);
			continue;
		}
		if ((error = rd_create_disk(names[i], size, B_TRUE,
		    &minor)) != 0)
			cmn_err(CE_WARN, "ramdisk: cannot make disk \"%s\" of "
			    "%s bytes from ramdisk.conf (error %d)", names[i],
			    sizes[i], error);
	}
	ddi_prop_free(sizes);
	ddi_prop_free(names);
}

/*
 * Entry points.
 */

/*ARGSUSED*/
static int
rd_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		mutex_enter(&rd_glock);
		*resultp = rd_dip;
		mutex_exit(&rd_glock);
		return (*resultp != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)0;	/* minors are disks of instance 0 */
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static int
rd_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);

	switch (cmd) {
	case DDI_ATTACH:
		break;
	case DDI_RESUME:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}

	if (instance != 0) {
		cmn_err(CE_WARN, "ramdisk%d: only instance 0 is supported",
		    instance);
		return (DDI_FAILURE);
	}
	if (rd_pool_init(dip) != 0)
		return (DDI_FAILURE);
	if (ddi_create_minor_node(dip, RD_CTL_NODE, S_IFCHR, RD_CTL_MINOR,
	    DDI_PSEUDO, 0) != DDI_SUCCESS) {
		rd_pool_fini();
		return (DDI_FAILURE);
	}
	mutex_enter(&rd_glock);
	rd_dip = dip;
	mutex_exit(&rd_glock);
	rd_conf_disks(dip);
	ddi_report_dev(dip);
	return (DDI_SUCCESS);
}

static int
rd_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	rd_disk_t *rdp;
	minor_t m;

	switch (cmd) {
	case DDI_DETACH:
		break;
	case DDI_SUSPEND:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}

	/*
	 * Disks made at run time, or holding data, or in use keep the
	 * instance attached; empty disks of ramdisk.conf go (the next
	 * attach makes them again).
	 */
	mutex_enter(&rd_glock);
	for (m = 1; m <= RD_MAX_DISKS; m++) {
		if ((rdp = ddi_get_soft_state(rd_statep, m)) == NULL)
			continue;
		if (!rdp->rd_conf || rd_busy(rdp) || rdp->rd_nalloc != 0) {
			mutex_exit(&rd_glock);
			return (DDI_FAILURE);
		}
	}
	for (m = 1; m <= RD_MAX_DISKS; m++) {
		if ((rdp = ddi_get_soft_state(rd_statep, m)) != NULL)
			rdp->rd_state = RD_S_DELETING;
	}
	mutex_exit(&rd_glock);

	for (m = 1; m <= RD_MAX_DISKS; m++) {
		if ((rdp = ddi_get_soft_state(rd_statep, m)) != NULL)
			rd_destroy_disk(rdp);
	}
	ASSERT(rd_ndisks == 0);
	ddi_remove_minor_node(dip, NULL);
	mutex_enter(&rd_glock);
	rd_dip = NULL;
	mutex_exit(&rd_glock);
	rd_pool_fini();
	return (DDI_SUCCESS);
}

/*ARGSUSED*/
static int
rd_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	minor_t minor = getminor(*devp);
	rd_disk_t *rdp;
	int error = 0;

	if (minor == RD_CTL_MINOR)
		return (otyp == OTYP_CHR ? 0 : ENXIO);
	mutex_enter(&rd_glock);
	rdp = ddi_get_soft_state(rd_statep, minor);
	/*
	 * Not while the disk is being made either: if its block node then
	 * fails, rd_free_disk() frees what an open raw node would use.
	 */
	if (rdp == NULL || rdp->rd_state != RD_S_READY) {
		error = ENXIO;
	} else {
		switch (otyp) {
		case OTYP_BLK:
			rdp->rd_open_blk = B_TRUE;
			break;
		case OTYP_CHR:
			rdp->rd_open_chr = B_TRUE;
			break;
		case OTYP_LYR:
			rdp->rd_open_lyr++;
			break;
		default:
			error = EINVAL;
			break;
		}
	}
	mutex_exit(&rd_glock);
	return (error);
}

/*ARGSUSED*/
static int
rd_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	minor_t minor = getminor(dev);
	rd_disk_t *rdp;

	if (minor == RD_CTL_MINOR)
		return (0);
	mutex_enter(&rd_glock);
	if ((rdp = ddi_get_soft_state(rd_statep, minor)) != NULL) {
		switch (otyp) {
		case OTYP_BLK:
			rdp->rd_open_blk = B_FALSE;
			break;
		case OTYP_CHR:
			rdp->rd_open_chr = B_FALSE;
			break;
		case OTYP_LYR:
			if (rdp->rd_open_lyr > 0)
				rdp->rd_open_lyr--;
			break;
		default:
			break;
		}
	}
	mutex_exit(&rd_glock);
	return (0);
}

/* Account a finished request: off the run queue, bytes and count. */
static void
rd_kstat_done(rd_disk_t *rdp, struct buf *bp, size_t done)
{
	kstat_io_t *kip = KSTAT_IO_PTR(rdp->rd_kstat);

	mutex_enter(&rdp->rd_kslock);
	kstat_runq_exit(kip);
	if (bp->b_flags & B_READ) {
		kip->reads++;
		kip->nread += done;
	} else {
		kip->writes++;
		kip->nwritten += done;
	}
	mutex_exit(&rdp->rd_kslock);
}

static int
rd_strategy(struct buf *bp)
{
	minor_t minor = getminor(bp->b_edev);
	rd_disk_t *rdp = NULL;
	uint64_t off;
	size_t len, done;

	bp->b_resid = bp->b_bcount;
	if (minor != RD_CTL_MINOR)
		rdp = ddi_get_soft_state(rd_statep, minor);
	if (rdp == NULL || bp->b_lblkno > btodb(rdp->rd_size)) {
		bioerror(bp, ENXIO);
		biodone(bp);
		return (0);
	}
	off = dbtob((uint64_t)bp->b_lblkno);
	len = bp->b_bcount;
	if (len > rdp->rd_size - off) {
		if (!(bp->b_flags & B_READ)) {
			/* A write that does not fit writes nothing. */
			bioerror(bp, ENXIO);
			biodone(bp);
			return (0);
		}
		len = (size_t)(rdp->rd_size - off);	/* end of the disk */
	}
	/* Served at once, never queued: straight onto the run queue. */
	if (rdp->rd_kstat != NULL) {
		mutex_enter(&rdp->rd_kslock);
		kstat_runq_enter(KSTAT_IO_PTR(rdp->rd_kstat));
		mutex_exit(&rdp->rd_kslock);
	}
	done = 0;
	if (len != 0) {
		bp_mapin(bp);
		if (geterror(bp) == 0) {
			done = rd_rw(rdp, bp->b_un.b_addr, off, len,
			    (bp->b_flags & B_READ) != 0);
			bp->b_resid = bp->b_bcount - done;
			if (done != len)
				bioerror(bp, ENOSPC);
		}
		/* else ddi_compat's bp_mapin failed (ENOMEM): no copy. */
	}
	if (rdp->rd_kstat != NULL)
		rd_kstat_done(rdp, bp, done);
	biodone(bp);
	return (0);
}

/*ARGSUSED*/
static int
rd_read(dev_t dev, struct uio *uiop, cred_t *credp)
{
	if (getminor(dev) == RD_CTL_MINOR)
		return (ENXIO);
	return (physio(rd_strategy, NULL, dev, B_READ, minphys, uiop));
}

/*ARGSUSED*/
static int
rd_write(dev_t dev, struct uio *uiop, cred_t *credp)
{
	if (getminor(dev) == RD_CTL_MINOR)
		return (ENXIO);
	return (physio(rd_strategy, NULL, dev, B_WRITE, minphys, uiop));
}

/*
 * The range i of a DKIOCFREE list, in bytes from the start of the disk,
 * if it lies inside the disk.
 */
static boolean_t
rd_free_range(rd_disk_t *rdp, const dkioc_free_list_t *dfl, uint64_t i,
    uint64_t *startp, uint64_t *lenp)
{
	uint64_t start = dfl->dfl_exts[i].dfle_start;
	uint64_t len = dfl->dfl_exts[i].dfle_length;

	if (dfl->dfl_offset < 0 ||
	    start > RD_U64_MAX - (uint64_t)dfl->dfl_offset)
		return (B_FALSE);
	start += (uint64_t)dfl->dfl_offset;
	if (start > rdp->rd_size || len > rdp->rd_size - start)
		return (B_FALSE);
	*startp = start;
	*lenp = len;
	return (B_TRUE);
}

/* DKIOCFREE: every range is checked before any is discarded. */
static int
rd_ioctl_free(rd_disk_t *rdp, intptr_t arg, int mode)
{
	dkioc_free_list_t one, *dfl = &one;
	uint64_t n, i, start, len;
	size_t sz = 0;
	int error = 0;

	if (!(mode & FKIOCTL) && !(mode & FWRITE))
		return (EBADF);
	if (ddi_copyin((void *)arg, &one, sizeof (one), mode) != 0)
		return (EFAULT);
	n = one.dfl_num_exts;
	if (n > RD_MAX_FREE_EXTS)
		return (EINVAL);
	if (n > 1) {
		sz = DFL_SZ(n);
		dfl = kmem_alloc(sz, KM_SLEEP);
		if (ddi_copyin((void *)arg, dfl, sz, mode) != 0) {
			error = EFAULT;
			goto out;
		}
		dfl->dfl_num_exts = n;
	}
	for (i = 0; i < n; i++) {
		if (!rd_free_range(rdp, dfl, i, &start, &len)) {
			error = EINVAL;
			goto out;
		}
	}
	for (i = 0; i < n; i++) {
		(void) rd_free_range(rdp, dfl, i, &start, &len);
		rd_discard(rdp, start, len);
	}
out:
	if (dfl != &one)
		kmem_free(dfl, sz);
	return (error);
}

/* dkio(4I) ioctls of a disk (block or raw node). */
static int
rd_disk_ioctl(rd_disk_t *rdp, int cmd, intptr_t arg, int mode)
{
	struct dk_minfo minfo;
	struct dk_callback *dkc;
	int v;

	switch (cmd) {
	case DKIOCGMEDIAINFO:
		bzero(&minfo, sizeof (minfo));
		minfo.dki_media_type = DK_FIXED_DISK;
		minfo.dki_lbsize = RD_BLOCK_SIZE;
		minfo.dki_capacity = rdp->rd_size / RD_BLOCK_SIZE;
		if (ddi_copyout(&minfo, (void *)arg, sizeof (minfo),
		    mode) != 0)
			return (EFAULT);
		return (0);

	case DKIOCGETWCE:		/* no volatile cache to flush */
	case DKIOC_CANFREE:		/* discard is supported */
		v = cmd == DKIOC_CANFREE;
		if (ddi_copyout(&v, (void *)arg, sizeof (v), mode) != 0)
			return (EFAULT);
		return (0);

	case DKIOCFLUSHWRITECACHE:
		/* Nothing is cached; a kernel caller's callback runs now. */
		if ((mode & FKIOCTL) && arg != 0) {
			dkc = (struct dk_callback *)arg;
			if (dkc->dkc_callback != NULL)
				dkc->dkc_callback(dkc->dkc_cookie, 0);
		}
		return (0);

	case DKIOCFREE:
		return (rd_ioctl_free(rdp, arg, mode));

	default:
		return (ENOTTY);
	}
}

static void
rd_get_stats(struct rd_stats *rsp)
{
	rd_pool_t *rp = &rd_pool;
	rd_disk_t *rdp;
	minor_t m;

	bzero(rsp, sizeof (*rsp));
	mutex_enter(&rd_glock);
	for (m = 1; m <= RD_MAX_DISKS; m++) {
		if ((rdp = ddi_get_soft_state(rd_statep, m)) == NULL)
			continue;
		mutex_enter(&rdp->rd_lock);
		rsp->rs_ext_mapped += rdp->rd_nmapext;
		mutex_exit(&rdp->rd_lock);
	}
	rsp->rs_reserved = rd_reserved;
	rsp->rs_ndisks = rd_ndisks;
	mutex_exit(&rd_glock);
	rsp->rs_max_disks = RD_MAX_DISKS;

	mutex_enter(&rp->rp_lock);
	rsp->rs_extent_size = rp->rp_ext_size;
	rsp->rs_chunk_size = rp->rp_chunk_size;
	rsp->rs_pool_max = rp->rp_max;
	rsp->rs_pool_bytes = (uint64_t)rp->rp_nchunks * rp->rp_chunk_size;
	rsp->rs_ext_total = (uint64_t)rp->rp_nchunks * rp->rp_epc;
	rsp->rs_ext_used = rp->rp_used;
	rsp->rs_ext_free = rsp->rs_ext_total - rp->rp_used;
	rsp->rs_allocs = rp->rp_allocs;
	rsp->rs_frees = rp->rp_frees;
	rsp->rs_zeroed = rp->rp_zeroed;
	rsp->rs_grows = rp->rp_grows;
	rsp->rs_trims = rp->rp_trims;
	mutex_exit(&rp->rp_lock);
}

/* RD_NEXT_DISK: the first disk at or above rip->rn_minor. */
static int
rd_next_disk(struct rd_info *rip)
{
	rd_disk_t *rdp;
	minor_t m;

	mutex_enter(&rd_glock);
	for (m = MAX(rip->rn_minor, 1); m <= RD_MAX_DISKS; m++) {
		rdp = ddi_get_soft_state(rd_statep, m);
		if (rdp != NULL && rdp->rd_state == RD_S_READY)
			break;
	}
	if (m > RD_MAX_DISKS) {
		mutex_exit(&rd_glock);
		return (ENOENT);
	}
	bzero(rip, sizeof (*rip));
	(void) strcpy(rip->rn_name, rdp->rd_name);
	rip->rn_minor = m;
	rip->rn_size = rdp->rd_size;
	rip->rn_flags = (rdp->rd_conf ? RD_F_CONF : 0) |
	    (rdp->rd_open_blk ? RD_F_OPEN_BLK : 0) |
	    (rdp->rd_open_chr ? RD_F_OPEN_CHR : 0) |
	    (rdp->rd_open_lyr != 0 ? RD_F_OPEN_LYR : 0);
	mutex_enter(&rdp->rd_lock);
	rip->rn_extents = rdp->rd_nalloc;
	rip->rn_alloc = (uint64_t)rdp->rd_nalloc * rd_pool.rp_ext_size;
	rip->rn_mapped = rdp->rd_nmapext;
	if (rdp->rd_nmaps != 0)
		rip->rn_flags |= RD_F_MAPPED;
	mutex_exit(&rdp->rd_lock);
	mutex_exit(&rd_glock);
	return (0);
}

/* The control node's ioctls. */
static int
rd_ctl_ioctl(int cmd, intptr_t arg, int mode, cred_t *credp, int *rvalp)
{
	struct rd_ioctl ri;
	struct rd_info rn;
	struct rd_stats rs;
	minor_t minor;
	int error;

	switch (cmd) {
	case RD_CREATE_DISK:
	case RD_DELETE_DISK:
		if ((error = drv_priv(credp)) != 0)
			return (error);
		if (ddi_copyin((void *)arg, &ri, sizeof (ri), mode) != 0)
			return (EFAULT);
		/* A name that fills the array has no NUL: refused. */
		if (!rd_valid_name(ri.ri_name))
			return (EINVAL);
		if (cmd == RD_DELETE_DISK)
			return (rd_delete_disk(ri.ri_name));
		if ((error = rd_create_disk(ri.ri_name, ri.ri_size, B_FALSE,
		    &minor)) != 0)
			return (error);
		*rvalp = (int)minor;
		return (0);

	case RD_NEXT_DISK:
		if (ddi_copyin((void *)arg, &rn, sizeof (rn), mode) != 0)
			return (EFAULT);
		if ((error = rd_next_disk(&rn)) != 0)
			return (error);
		if (ddi_copyout(&rn, (void *)arg, sizeof (rn), mode) != 0)
			return (EFAULT);
		return (0);

	case RD_GET_STATS:
		rd_get_stats(&rs);
		if (ddi_copyout(&rs, (void *)arg, sizeof (rs), mode) != 0)
			return (EFAULT);
		return (0);

	default:
		return (ENOTTY);
	}
}

static int
rd_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	minor_t minor = getminor(dev);
	rd_disk_t *rdp;

	if (minor == RD_CTL_MINOR)
		return (rd_ctl_ioctl(cmd, arg, mode, credp, rvalp));
	if ((rdp = ddi_get_soft_state(rd_statep, minor)) == NULL)
		return (ENXIO);
	return (rd_disk_ioctl(rdp, cmd, arg, mode));
}

/*
 * A disk's "Size" and "Nblocks" (what specfs would ask size(9E) for); the
 * control node and everything else as the .conf says.
 */
static int
rd_prop_op(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op, int flags,
    char *name, caddr_t valuep, int *lengthp)
{
	rd_disk_t *rdp = NULL;

	if (dev != DDI_DEV_T_ANY && dev != DDI_DEV_T_NONE &&
	    getminor(dev) != RD_CTL_MINOR)
		rdp = ddi_get_soft_state(rd_statep, getminor(dev));
	if (rdp != NULL)
		return (ddi_prop_op_size(dev, dip, prop_op, flags, name,
		    valuep, lengthp, rdp->rd_size));
	return (ddi_prop_op(dev, dip, prop_op, flags, name, valuep,
	    lengthp));
}

/*
 * mmap of the raw node.  segmap(9E) counts the mapping in progress (a
 * discard meanwhile zeroes instead of freeing) and lets devmap_setup(9F)
 * ask devmap(9E) for one handle per extent.
 */
static int
rd_segmap(dev_t dev, off_t off, struct as *asp, caddr_t *addrp, off_t len,
    unsigned int prot, unsigned int maxprot, unsigned int flags,
    cred_t *credp)
{
	minor_t minor = getminor(dev);
	rd_disk_t *rdp = NULL;
	uint64_t mapsize;
	int error;

	if (minor != RD_CTL_MINOR)
		rdp = ddi_get_soft_state(rd_statep, minor);
	if (rdp == NULL)
		return (ENXIO);
	mapsize = P2ROUNDUP(rdp->rd_size, (uint64_t)PAGESIZE);
	if (off < 0 || len <= 0 || (uint64_t)off > mapsize ||
	    (uint64_t)len > mapsize - (uint64_t)off)
		return (ENXIO);
	mutex_enter(&rdp->rd_lock);
	rdp->rd_mapping++;
	mutex_exit(&rdp->rd_lock);
	error = devmap_setup(dev, (offset_t)off, asp, addrp, (size_t)len,
	    prot, maxprot, flags, credp);
	mutex_enter(&rdp->rd_lock);
	rdp->rd_mapping--;
	mutex_exit(&rdp->rd_lock);
	return (error);
}

/*ARGSUSED*/
static int
rd_devmap(dev_t dev, devmap_cookie_t dhp, offset_t off, size_t len,
    size_t *maplen, uint_t model)
{
	minor_t minor = getminor(dev);
	rd_disk_t *rdp = NULL;
	ddi_umem_cookie_t cookie;
	offset_t coff;
	size_t e, eoff, n;
	krwlock_t *lp;
	rd_ext_t *rep;
	ulong_t idx;

	if (minor != RD_CTL_MINOR)
		rdp = ddi_get_soft_state(rd_statep, minor);
	if (rdp == NULL || off < 0 ||
	    (uint64_t)off >= P2ROUNDUP(rdp->rd_size, (uint64_t)PAGESIZE))
		return (ENXIO);
	e = (size_t)((uint64_t)off >> rd_pool.rp_ext_shift);
	eoff = (size_t)((uint64_t)off & (rd_pool.rp_ext_size - 1));
	n = MIN(len, rd_pool.rp_ext_size - eoff);
	rep = &rdp->rd_ext[e];
	lp = RD_STRIPE(rdp, e);
	rw_enter(lp, RW_WRITER);
	if (rep->re_addr == NULL &&
	    rd_ext_alloc(rdp, e, 0, 0) == NULL) {
		rw_exit(lp);
		return (ENOMEM);
	}
	idx = rep->re_idx;
	rw_exit(lp);
	/* rd_mapping keeps the extent the disk's until devmap_map counts it. */
	cookie = rd_pool_cookie(idx, &coff);
	if (devmap_umem_setup(dhp, rd_dip, &rd_callbacks, cookie,
	    coff + eoff, n, PROT_ALL, 0, &rd_acc_attr) != DDI_SUCCESS)
		return (ENXIO);
	*maplen = n;
	return (0);
}

static void
rd_map_hold(rd_disk_t *rdp, size_t e)
{
	mutex_enter(&rdp->rd_lock);
	if (rdp->rd_ext[e].re_maps++ == 0)
		rdp->rd_nmapext++;
	rdp->rd_nmaps++;
	mutex_exit(&rdp->rd_lock);
}

static void
rd_map_rele(rd_disk_t *rdp, size_t e)
{
	mutex_enter(&rdp->rd_lock);
	ASSERT(rdp->rd_ext[e].re_maps > 0 && rdp->rd_nmaps > 0);
	if (--rdp->rd_ext[e].re_maps == 0)
		rdp->rd_nmapext--;
	rdp->rd_nmaps--;
	mutex_exit(&rdp->rd_lock);
}

static rd_map_t *
rd_map_new(rd_disk_t *rdp, size_t e)
{
	rd_map_t *rmp = kmem_alloc(sizeof (*rmp), KM_SLEEP);

	rmp->rm_disk = rdp;
	rmp->rm_ext = e;
	rd_map_hold(rdp, e);
	return (rmp);
}

/*ARGSUSED*/
static int
rd_devmap_map(devmap_cookie_t dhp, dev_t dev, uint_t flags, offset_t off,
    size_t len, void **pvtp)
{
	rd_disk_t *rdp = ddi_get_soft_state(rd_statep, getminor(dev));

	if (rdp == NULL)
		return (ENXIO);
	*pvtp = rd_map_new(rdp, (size_t)((uint64_t)off >>
	    rd_pool.rp_ext_shift));
	return (0);
}

/*ARGSUSED*/
static int
rd_devmap_dup(devmap_cookie_t dhp, void *pvtp, devmap_cookie_t new_dhp,
    void **new_pvtp)
{
	rd_map_t *rmp = pvtp;

	*new_pvtp = rd_map_new(rmp->rm_disk, rmp->rm_ext);
	return (0);
}

/*
 * The handle goes.  Whatever of it stays mapped (new_dhp1, new_dhp2 of a
 * partial unmap) still maps the same extent and keeps it counted.
 */
/*ARGSUSED*/
static void
rd_devmap_unmap(devmap_cookie_t dhp, void *pvtp, offset_t off, size_t len,
    devmap_cookie_t new_dhp1, void **new_pvtp1, devmap_cookie_t new_dhp2,
    void **new_pvtp2)
{
	rd_map_t *rmp = pvtp;

	if (new_dhp1 != NULL && new_pvtp1 != NULL)
		*new_pvtp1 = rd_map_new(rmp->rm_disk, rmp->rm_ext);
	if (new_dhp2 != NULL && new_pvtp2 != NULL)
		*new_pvtp2 = rd_map_new(rmp->rm_disk, rmp->rm_ext);
	rd_map_rele(rmp->rm_disk, rmp->rm_ext);
	kmem_free(rmp, sizeof (*rmp));
}
