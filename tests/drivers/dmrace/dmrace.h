/* SPDX-License-Identifier: GPL-2.0 */
/*
 * dmrace: the ioctls of the driver-model race test driver
 * (tests/drivers/dmrace), shared with tests/prog/dmrace.c.
 */
#ifndef _DMRACE_H
#define	_DMRACE_H

#define	DMR_NINST	2		/* instances in dmrace.conf */
#define	DMR_PER_INST	32		/* minors per instance */
#define	DMR_NSLOW	4		/* slow0..slow3: minors 0..3 */
#define	DMR_CTL		8		/* ctl: minor 8, never slowed */
#define	DMR_CLONE	9		/* clone: opens become minors 16..23 */
#define	DMR_CLONE0	16
#define	DMR_NCLONE	8

/* The entry points that can be slowed (DMR_SETDELAY's which). */
#define	DMR_D_OPEN	0
#define	DMR_D_CLOSE	1
#define	DMR_D_ATTACH	2
#define	DMR_D_DETACH	3
#define	DMR_ND		4

struct dmr_delay {
	int	dd_which;		/* DMR_D_* */
	int	dd_ms;			/* milliseconds, 0 for none */
};

/* Counts since the module was loaded; ctl's own opens are not counted. */
struct dmr_stats {
	int	ds_opens;		/* open(9E) calls that succeeded */
	int	ds_failed;		/* open(9E) calls made to fail */
	int	ds_closes;		/* close(9E) calls */
	int	ds_attaches;		/* attach(9E) calls that succeeded */
	int	ds_detaches;		/* detach(9E) calls that succeeded */
	int	ds_violations;		/* broken promises of the framework */
	int	ds_nopen;		/* minors open now (as the driver sees) */
	int	ds_opening;		/* open(9E) calls running */
	int	ds_closing;		/* close(9E) calls running */
};

#define	DMR_IOC		('R' << 8)
#define	DMR_SETDELAY	(DMR_IOC | 1)	/* struct dmr_delay */
#define	DMR_STATS	(DMR_IOC | 2)	/* struct dmr_stats */
#define	DMR_FAILNTH	(DMR_IOC | 3)	/* int: every Nth slow open fails */
#define	DMR_RESET	(DMR_IOC | 4)	/* zero the counts (not the state) */

#endif	/* _DMRACE_H */
