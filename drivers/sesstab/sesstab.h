/* SPDX-License-Identifier: GPL-2.0 */
/*
 * sesstab: a pseudo device keeping a table of sessions, one per open.
 * Interface shared by the driver and its user program.  Every structure
 * has the same layout for 32- and 64-bit callers.
 */

#ifndef _SESSTAB_H
#define	_SESSTAB_H

#define	SESIOC		(('s' << 24) | ('e' << 16) | ('s' << 8))
#define	SESIOCINFO	(SESIOC | 1)	/* struct ses_info out: this session */
#define	SESIOCLOOKUP	(SESIOC | 2)	/* struct ses_info in (sn_id) / out */
#define	SESIOCLIST	(SESIOC | 3)	/* struct ses_list out */
#define	SESIOCARM	(SESIOC | 4)	/* arg: ticks; a timeout for this one */
#define	SESIOCDISARM	(SESIOC | 5)	/* rval: ticks that were left, or -1 */
#define	SESIOCWAIT	(SESIOC | 6)	/* arg: n; until n timeouts delivered */
#define	SESIOCCOUNT	(SESIOC | 7)	/* rval: sessions open */

#define	SES_LISTMAX	256

struct ses_info {
	int32_t		sn_id;		/* the session's ID (its minor) */
	int32_t		sn_pid;		/* the process that opened it */
	uint32_t	sn_fires;	/* timeouts delivered to it */
	int32_t		sn_armed;	/* 1 while a timeout is pending */
};

struct ses_list {
	uint32_t	sl_total;	/* sessions in the table */
	uint32_t	sl_n;		/* IDs in sl_ids, in ascending order */
	int32_t		sl_ids[SES_LISTMAX];
};

#endif /* _SESSTAB_H */
