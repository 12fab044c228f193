/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/fcntl.h>: the O_* open flags are Linux's (already defined); the
 * F* flags a driver sees in open(9E) and ioctl(9E) are in <sys/file.h>.
 */
#ifndef _SYS_FCNTL_H
#define _SYS_FCNTL_H

#include <sys/types.h>
#include <sys/file.h>

#endif /* _SYS_FCNTL_H */
