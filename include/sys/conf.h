/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct cb_ops(9S): a driver's character and block entry points.
 */
#ifndef _SYS_CONF_H
#define _SYS_CONF_H

#include <sys/types.h>
#include <sys/devops.h>
#include <sys/t_lock.h>
#include <ddi_compat/nodev.h>

struct buf;
struct uio;
struct as;
struct pollhead;
struct streamtab;
struct aio_req;
typedef void *devmap_cookie_t;

typedef enum {
	PROP_LEN = 0,
	PROP_LEN_AND_VAL_BUF = 1,
	PROP_LEN_AND_VAL_ALLOC = 2,
	PROP_EXISTS = 3
} ddi_prop_op_t;

#define CB_REV		1

/* cb_flag */
#define D_NEW		0x00
#define D_MP		0x20
#define D_64BIT		0x200000
#define D_DEVMAP	0x100
#define D_HOTPLUG	0x4
#define D_U64BIT	0x40000
#define D_MTSAFE	0x0020

struct cb_ops {
	int (*cb_open)(dev_t *devp, int flag, int otyp, cred_t *credp);
	int (*cb_close)(dev_t dev, int flag, int otyp, cred_t *credp);
	int (*cb_strategy)(struct buf *bp);
	int (*cb_print)(dev_t dev, char *str);
	int (*cb_dump)(dev_t dev, caddr_t addr, daddr_t blkno, int nblk);
	int (*cb_read)(dev_t dev, struct uio *uiop, cred_t *credp);
	int (*cb_write)(dev_t dev, struct uio *uiop, cred_t *credp);
	int (*cb_ioctl)(dev_t dev, int cmd, intptr_t arg, int mode,
			cred_t *credp, int *rvalp);
	int (*cb_devmap)(dev_t dev, devmap_cookie_t dhp, offset_t off,
			 size_t len, size_t *maplen, uint_t model);
	int (*cb_mmap)(dev_t dev, off_t off, int prot);
	int (*cb_segmap)(dev_t dev, off_t off, struct as *asp, caddr_t *addrp,
			 off_t len, unsigned int prot, unsigned int maxprot,
			 unsigned int flags, cred_t *credp);
	int (*cb_chpoll)(dev_t dev, short events, int anyyet,
			 short *reventsp, struct pollhead **phpp);
	int (*cb_prop_op)(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
			  int mod_flags, char *name, caddr_t valuep,
			  int *lengthp);
	struct streamtab *cb_str;
	int cb_flag;
	int cb_rev;
	int (*cb_aread)(dev_t dev, struct aio_req *aio, cred_t *credp);
	int (*cb_awrite)(dev_t dev, struct aio_req *aio, cred_t *credp);
};

#endif /* _SYS_CONF_H */
