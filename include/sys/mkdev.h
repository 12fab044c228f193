/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device numbers.  dev_t is Linux's: 12 bits of major, 20 of minor
 * (Solaris has 32 of each); see <sys/ddi.h> and docs/departures.md.
 */
#ifndef _SYS_MKDEV_H
#define _SYS_MKDEV_H

#include <sys/types.h>
#include <sys/ddi.h>

#endif /* _SYS_MKDEV_H */
