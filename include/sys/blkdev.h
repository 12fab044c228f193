/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/blkdev.h>: illumos's blkdev framework, for the drivers of simple
 * block devices (vioblk, nvme, ...) that hand it transfers instead of
 * writing a strategy(9E) of their own.  A driver makes a handle with
 * bd_alloc_handle(), attaches it with bd_attach_handle() from its
 * attach(9E), and completes each bd_xfer_t that o_read/o_write/
 * o_sync_cache/o_free_space accepted with bd_xfer_done().  The layouts
 * are illumos's (bd_ops_t version 2).
 *
 * ddi_compat gives each attached handle a disk, as its block bridge does
 * for a strategy(9E) driver: the block node "a" and the raw node "a,raw"
 * of the driver's own instance (docs/departures.md, "blkdev").
 */
#ifndef _SYS_BLKDEV_H
#define _SYS_BLKDEV_H

#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/kstat.h>

typedef struct bd_handle *bd_handle_t;
typedef struct bd_xfer bd_xfer_t;
typedef struct bd_drive bd_drive_t;
typedef struct bd_media bd_media_t;
typedef struct bd_free_info bd_free_info_t;
typedef struct bd_ops bd_ops_t;

struct dkioc_free_list_s;

/* One transfer: DMA cookies when the handle has DMA attributes, else x_kaddr. */
struct bd_xfer {
	diskaddr_t		x_blkno;	/* in the media's blocks */
	size_t			x_nblks;
	ddi_dma_handle_t	x_dmah;
	ddi_dma_cookie_t	x_dmac;		/* the first cookie */
	unsigned int		x_ndmac;	/* cookies (nextcookie for more) */
	caddr_t			x_kaddr;
	unsigned int		x_flags;
	unsigned int		x_qnum;
	const struct dkioc_free_list_s *x_dfl;	/* o_free_space's extents */
};

#define BD_XFER_POLL		(1U << 0)	/* no interrupts (dump) */

struct bd_drive {
	uint32_t		d_qsize;
	uint32_t		d_maxxfer;
	boolean_t		d_removable;
	boolean_t		d_hotpluggable;
	int			d_target;
	int			d_lun;
	size_t			d_vendor_len;
	char			*d_vendor;
	size_t			d_product_len;
	char			*d_product;
	size_t			d_model_len;
	char			*d_model;
	size_t			d_serial_len;
	char			*d_serial;
	size_t			d_revision_len;
	char			*d_revision;
	uint8_t			d_eui64[8];
	uint8_t			d_guid[16];
	uint32_t		d_qcount;
	uint64_t		d_free_align;		/* blocks, >= 1 */
	uint64_t		d_max_free_seg;		/* 0: no limit */
	uint64_t		d_max_free_blks;	/* 0: no limit */
	uint64_t		d_max_free_seg_blks;	/* 0: no limit */
};

struct bd_media {
	uint64_t		m_nblks;
	uint32_t		m_blksize;	/* a power of two, >= 512 */
	boolean_t		m_readonly;
	boolean_t		m_solidstate;
	uint32_t		m_pblksize;	/* 0 or a power of two */
};

#define BD_INFO_FLAG_REMOVABLE		(1U << 0)
#define BD_INFO_FLAG_HOTPLUGGABLE	(1U << 1)
#define BD_INFO_FLAG_READ_ONLY		(1U << 2)

typedef enum {
	BD_OPS_VERSION_0 = 0,
	BD_OPS_VERSION_1 = 1,
	BD_OPS_VERSION_2 = 2
} bd_version_t;
#define BD_OPS_CURRENT_VERSION	BD_OPS_VERSION_2

struct bd_ops {
	bd_version_t	o_version;
	void		(*o_drive_info)(void *private, bd_drive_t *drive);
	int		(*o_media_info)(void *private, bd_media_t *media);
	int		(*o_devid_init)(void *private, dev_info_t *dip,
					ddi_devid_t *devid);
	int		(*o_sync_cache)(void *private, bd_xfer_t *xfer);
	int		(*o_read)(void *private, bd_xfer_t *xfer);
	int		(*o_write)(void *private, bd_xfer_t *xfer);
	int		(*o_free_space)(void *private, bd_xfer_t *xfer); /* v2 */
};

struct bd_errstats {
	kstat_named_t	bd_softerrs;
	kstat_named_t	bd_harderrs;
	kstat_named_t	bd_transerrs;
	kstat_named_t	bd_model;
	kstat_named_t	bd_vid;
	kstat_named_t	bd_pid;
	kstat_named_t	bd_revision;
	kstat_named_t	bd_serial;
	kstat_named_t	bd_capacity;
	kstat_named_t	bd_rq_media_err;
	kstat_named_t	bd_rq_ntrdy_err;
	kstat_named_t	bd_rq_nodev_err;
	kstat_named_t	bd_rq_recov_err;
	kstat_named_t	bd_rq_illrq_err;
	kstat_named_t	bd_rq_pfa_err;
};

#define BD_ERR_MEDIA	0
#define BD_ERR_NTRDY	1
#define BD_ERR_NODEV	2
#define BD_ERR_RECOV	3
#define BD_ERR_ILLRQ	4
#define BD_ERR_PFA	5

bd_handle_t bd_alloc_handle(void *private, bd_ops_t *ops,
			    ddi_dma_attr_t *dma, int kmflag);
void bd_free_handle(bd_handle_t handle);
int bd_attach_handle(dev_info_t *dip, bd_handle_t handle);
int bd_detach_handle(bd_handle_t handle);
void bd_state_change(bd_handle_t handle);
const char *bd_address(bd_handle_t handle);
void bd_xfer_done(bd_xfer_t *xfer, int err);
void bd_error(bd_xfer_t *xfer, int error);
void bd_mod_init(struct dev_ops *devops);
void bd_mod_fini(struct dev_ops *devops);

#endif /* _SYS_BLKDEV_H */
