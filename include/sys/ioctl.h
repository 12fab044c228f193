/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ioctl.h>: on illumos the ioctl headers in one (the command
 * encoding, the file ioctls, the old terminal ones).  Here the encoding
 * (<sys/ioccom.h>) and the file ioctls (<sys/filio.h>); no terminal ioctls
 * (STREAMS and ttys are not provided).
 */
#ifndef _SYS_IOCTL_H
#define _SYS_IOCTL_H

#include <sys/ioccom.h>
#include <sys/filio.h>

#endif /* _SYS_IOCTL_H */
