/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Volume table of contents.  Only the constants and the partition entry a
 * disk driver commonly names; labels are not read or written by
 * ddi_compat (a Linux disk carries its own partition table).
 */
#ifndef _SYS_VTOC_H
#define _SYS_VTOC_H

#include <sys/types.h>

#define V_NUMPAR	16		/* partitions in a VTOC */
#define VTOC_SANE	0x600DDEEE

struct partition {
	ushort_t	p_tag;
	ushort_t	p_flag;
	daddr_t		p_start;
	long		p_size;
};

#endif /* _SYS_VTOC_H */
