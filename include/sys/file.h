/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File flags as a driver sees them in open(9E), close(9E), read/write's
 * uio_fmode and ioctl(9E)'s mode.  Values are Solaris's.  The FMODELS bits
 * of an ioctl mode carry the caller's data model (DATAMODEL_ILP32 for a
 * 32-bit process, which Linux routes through compat_ioctl).
 */
#ifndef _SYS_FILE_H
#define _SYS_FILE_H

#include <sys/types.h>
#include <sys/model.h>

#define FOPEN		0xffffffff
#define FREAD		0x01
#define FWRITE		0x02
#define FNDELAY		0x04
#define FAPPEND		0x08
#define FSYNC		0x10
#define FREVOKED	0x20
#define FDSYNC		0x40
#define FNONBLOCK	0x80
#define FMASK		0xa0ff
#define FCREAT		0x0100
#define FTRUNC		0x0200
#define FEXCL		0x0400
#define FNOCTTY		0x0800
/* FASYNC stays Linux's (an fcntl flag that Linux headers define). */
#define FOFFMAX		0x2000
#define FXATTR		0x4000
#define FRSYNC		0x8000
#define FNODSYNC	0x10000
#define FNOFOLLOW	0x20000
#define FNOLINKS	0x40000
#define FIGNORECASE	0x80000
#define FXATTRDIROPEN	0x100000

/* The data model bits of an ioctl mode. */
#define FMODELS		DATAMODEL_MASK
#define FILP32		DATAMODEL_ILP32
#define FLP64		DATAMODEL_LP64
#define FNATIVE		DATAMODEL_NATIVE

/* The ioctl came from inside the kernel: arg is a kernel address. */
#define FKIOCTL		0x80000000

#endif /* _SYS_FILE_H */
