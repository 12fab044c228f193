/* SPDX-License-Identifier: GPL-2.0 */
/*
 * spkr's ioctls and state (tests/port/pcspk).  Written as older Solaris
 * headers are: an SCCS "#pragma ident" line, and a structure that keeps a
 * timeout(9F) handle having included nothing but <sys/mutex.h>: illumos
 * has timeout_id_t in <sys/types.h>, which that brings in (illumos's own
 * <sys/beep.h> is written so).
 */
#ifndef _SYS_SPKR_H
#define	_SYS_SPKR_H

#pragma ident	"%Z%%M%	%I%	%E% SMI"

#define	SPKR_IOC	('s' << 8)
#define	SPKR_TONE	(SPKR_IOC | 1)	/* arg: hz << 16 | milliseconds */
#define	SPKR_STOP	(SPKR_IOC | 2)
#define	SPKR_BUSY	(SPKR_IOC | 3)	/* return value: 1 while sounding */
#define	SPKR_CALLS	(SPKR_IOC | 4)	/* return value: ioctls seen */
#define	SPKR_PORTS	(SPKR_IOC | 5)	/* port 0x61 << 16 | counter 2 */

#ifdef _KERNEL
#include <sys/mutex.h>

typedef struct spkr_state {
	kmutex_t	ss_lock;
	timeout_id_t	ss_tid;		/* ends the tone; 0 when none */
	int		ss_sounding;
	int		ss_calls;	/* every ioctl(9E) call */
} spkr_state_t;
#endif

#endif /* _SYS_SPKR_H */
