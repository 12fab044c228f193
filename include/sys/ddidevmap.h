/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel memory for user access: ddi_umem_alloc(9F), ddi_umem_lock(9F),
 * devmap(9E) handles, devmap_umem_setup(9F), devmap_setup(9F) and the
 * devmap callbacks of devmap_callback_ctl(9S).  Flag values are the
 * illumos ones.
 *
 * ddi_umem_alloc() is a macro that passes its caller's function and line,
 * so that debug builds (DDIC_DEBUG) can name the call site of every cookie
 * still allocated when ddi_compat or the driver unloads.
 */
#ifndef _SYS_DDIDEVMAP_H
#define _SYS_DDIDEVMAP_H

#include <sys/types.h>
#include <sys/conf.h>
#include <sys/mman.h>
#include <sys/ddidmareq.h>	/* IOMEM_DATA_*, devmap_devmem_setup's cache flags */

/* An allocation made by ddi_umem_alloc() or ddi_umem_lock(). */
typedef struct ddi_umem_cookie *ddi_umem_cookie_t;

/* The address space a segmap(9E) entry point is asked to map into. */
typedef struct as *ddi_as_handle_t;

/* ddi_umem_alloc(9F) flags; other bits are ignored. */
#define DDI_UMEM_SLEEP		0x0
#define DDI_UMEM_NOSLEEP	0x1
#define DDI_UMEM_PAGEABLE	0x2
#define DDI_UMEM_TRASH		0x4

/* ddi_umem_lock(9F) flags. */
#define DDI_UMEMLOCK_READ	0x1
#define DDI_UMEMLOCK_WRITE	0x2

/* devmap_umem_setup(9F) and devmap_devmem_setup(9F) flags. */
#define DEVMAP_DEFAULTS		0x00
#define DEVMAP_MAPPING_INVALID	0x01
#define DEVMAP_ALLOW_REMAP	0x02
#define DEVMAP_USE_PAGESIZE	0x04
#define DEVMAP_SETUP_FLAGS	\
	(DEVMAP_MAPPING_INVALID | DEVMAP_ALLOW_REMAP | DEVMAP_USE_PAGESIZE)

/* devmap_access(9E) type argument (enum devmap_fault_type). */
#define DEVMAP_ACCESS		0x0
#define DEVMAP_PROT		0x1
#define DEVMAP_LOCK		0x2
#define DEVMAP_UNLOCK		0x3

/* devmap_access(9E) rw argument (enum devmap_rw). */
#define DEVMAP_OTHER		0x0
#define DEVMAP_READ		0x1
#define DEVMAP_WRITE		0x2
#define DEVMAP_EXEC		0x3
#define DEVMAP_CREATE		0x4

#define DEVMAP_OPS_REV		1

struct devmap_callback_ctl {
	int devmap_rev;			/* DEVMAP_OPS_REV */
	int (*devmap_map)(devmap_cookie_t dhp, dev_t dev, uint_t flags,
			  offset_t off, size_t len, void **pvtp);
	int (*devmap_access)(devmap_cookie_t dhp, void *pvtp, offset_t off,
			     size_t len, uint_t type, uint_t rw);
	int (*devmap_dup)(devmap_cookie_t dhp, void *pvtp,
			  devmap_cookie_t new_dhp, void **new_pvtp);
	void (*devmap_unmap)(devmap_cookie_t dhp, void *pvtp, offset_t off,
			     size_t len, devmap_cookie_t new_dhp1,
			     void **new_pvtp1, devmap_cookie_t new_dhp2,
			     void **new_pvtp2);
};

#ifndef _DDI_DEVICE_ACC_ATTR_T
#define _DDI_DEVICE_ACC_ATTR_T
/* ddi_device_acc_attr(9S): access attributes of device (or umem) memory. */
typedef struct ddi_device_acc_attr {
	ushort_t devacc_attr_version;
	uchar_t devacc_attr_endian_flags;
	uchar_t devacc_attr_dataorder;
	uchar_t devacc_attr_access;
} ddi_device_acc_attr_t;

#define DDI_DEVICE_ATTR_V0	0x0001
#define DDI_DEVICE_ATTR_V1	0x0002

#define DDI_NEVERSWAP_ACC	0x00
#define DDI_STRUCTURE_LE_ACC	0x01
#define DDI_STRUCTURE_BE_ACC	0x02

#define DDI_STRICTORDER_ACC	0x00
#define DDI_UNORDERED_OK_ACC	0x01
#define DDI_MERGING_OK_ACC	0x02
#define DDI_LOADCACHING_OK_ACC	0x03
#define DDI_STORECACHING_OK_ACC	0x04

#define DDI_DEFAULT_ACC		0x01
#define DDI_FLAGERR_ACC		0x02
#define DDI_CAUTIOUS_ACC	0x03
#endif

void *ddic_umem_alloc_site(size_t size, int flag, ddi_umem_cookie_t *cookiep,
			  const char *func, int line);
void ddi_umem_free(ddi_umem_cookie_t cookie);

#define ddi_umem_alloc(size, flag, cookiep) \
	ddic_umem_alloc_site((size), (flag), (cookiep), __func__, __LINE__)

int ddi_umem_lock(caddr_t addr, size_t len, int flags,
		  ddi_umem_cookie_t *cookiep);
void ddi_umem_unlock(ddi_umem_cookie_t cookie);

int devmap_umem_setup(devmap_cookie_t dhp, dev_info_t *dip,
		      struct devmap_callback_ctl *callbackops,
		      ddi_umem_cookie_t cookie, offset_t off, size_t len,
		      uint_t maxprot, uint_t flags,
		      ddi_device_acc_attr_t *accattrp);
int devmap_devmem_setup(devmap_cookie_t dhp, dev_info_t *dip,
			struct devmap_callback_ctl *callbackops,
			uint_t rnumber, offset_t roff, size_t len,
			uint_t maxprot, uint_t flags,
			ddi_device_acc_attr_t *accattrp);
int devmap_devmem_remap(devmap_cookie_t dhp, dev_info_t *dip,
			uint_t rnumber, offset_t roff, size_t len,
			uint_t maxprot, uint_t flags,
			ddi_device_acc_attr_t *accattrp);
int devmap_umem_remap(devmap_cookie_t dhp, dev_info_t *dip,
		      ddi_umem_cookie_t cookie, offset_t off, size_t len,
		      uint_t maxprot, uint_t flags,
		      ddi_device_acc_attr_t *accattrp);
int devmap_load(devmap_cookie_t dhp, offset_t off, size_t len, uint_t type,
		uint_t rw);
int devmap_unload(devmap_cookie_t dhp, offset_t off, size_t len);
int devmap_default_access(devmap_cookie_t dhp, void *pvtp, offset_t off,
			  size_t len, uint_t type, uint_t rw);
int devmap_do_ctxmgt(devmap_cookie_t dhp, void *pvtp, offset_t off,
		     size_t len, uint_t type, uint_t rw,
		     int (*devmap_contextmgt)(devmap_cookie_t, void *, offset_t,
					      size_t, uint_t, uint_t));
void devmap_set_ctx_timeout(devmap_cookie_t dhp, clock_t ticks);
int devmap_setup(dev_t dev, offset_t off, ddi_as_handle_t as, caddr_t *addrp,
		 size_t len, uint_t prot, uint_t maxprot, uint_t flags,
		 cred_t *cred);
int ddi_devmap_segmap(dev_t dev, off_t off, ddi_as_handle_t as,
		      caddr_t *addrp, off_t len, uint_t prot, uint_t maxprot,
		      uint_t flags, cred_t *cred);

#endif /* _SYS_DDIDEVMAP_H */
