/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The types of 32-bit (ILP32) processes, for drivers that convert their
 * ioctl arguments (see ddi_model_convert_from(9F)).
 */
#ifndef _SYS_TYPES32_H
#define _SYS_TYPES32_H

#include <sys/types.h>

typedef uint32_t	caddr32_t;
typedef int32_t		daddr32_t;
typedef int32_t		off32_t;
typedef uint32_t	size32_t;
typedef int32_t		ssize32_t;
typedef int32_t		time32_t;
typedef int32_t		clock32_t;
typedef uint32_t	uid32_t;
typedef uint32_t	gid32_t;
typedef uint32_t	dev32_t;
typedef uint32_t	ino32_t;
typedef int32_t		pid32_t;

#endif /* _SYS_TYPES32_H */
