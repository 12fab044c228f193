/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ioctl command encoding.  _IO/_IOR/_IOW/_IOWR are Linux's (already
 * defined by <linux/ioctl.h>), not Solaris's: a driver and the Linux user
 * programs that drive it must agree on the numbers, and the user programs
 * are built with Linux's headers.  Commands a driver writes out as
 * numbers are unaffected.  See docs/departures.md.
 */
#ifndef _SYS_IOCCOM_H
#define _SYS_IOCCOM_H

#include <sys/types.h>

#endif /* _SYS_IOCCOM_H */
