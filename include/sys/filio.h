/* SPDX-License-Identifier: GPL-2.0 */
/*
 * General file ioctls: FIONREAD, FIONBIO, FIOASYNC, FIOCLEX, FIONCLEX.
 *
 * The numbers are Linux's, not Solaris's: a Linux program's
 * ioctl(fd, FIONREAD, &n) reaches the driver's ioctl(9E) with Linux's
 * number, so a driver that handles FIONREAD must see that one.  Linux
 * handles FIONBIO, FIOASYNC, FIOCLEX and FIONCLEX itself and never passes
 * them to the driver (FIONBIO shows in uio_fmode as FNONBLOCK).  See
 * docs/departures.md.
 */
#ifndef _SYS_FILIO_H
#define _SYS_FILIO_H

#include <sys/ioccom.h>
#include <asm/ioctls.h>

#endif /* _SYS_FILIO_H */
