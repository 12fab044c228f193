/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Device numbers.  dev_t is Linux's: 12 bits of major, 20 of minor
 * (Solaris has 32 of each); see <sys/ddi.h> and docs/departures.md.
 */
#ifndef _SYS_MKDEV_H
#define _SYS_MKDEV_H

#include <sys/types.h>
#include <sys/ddi.h>
#include <sys/types32.h>

/* The old 16-bit device number of cmpdev(9F). */
#ifndef ONBITSMAJOR
#define ONBITSMAJOR	7
#define ONBITSMINOR	8
#define OMAXMAJ		0x7f
#define OMAXMIN		0xff
#endif

/* The 32-bit device number of cmpldev(9F) and expldev(9F). */
#ifndef NBITSMAJOR32
#define NBITSMAJOR32	14
#define NBITSMINOR32	18
#define MAXMAJ32	0x3fffUL
#define MAXMIN32	0x3ffffUL
#endif
#ifndef NODEV32
#define NODEV32		((dev32_t)-1)
#endif

#endif /* _SYS_MKDEV_H */
