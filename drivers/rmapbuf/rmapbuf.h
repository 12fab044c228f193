/* SPDX-License-Identifier: GPL-2.0 */
/*
 * rmapbuf: a pseudo device whose read and write routines stage every
 * transfer through buffers taken from a resource map, as rmalloc(9F)'s
 * examples do.  Interface shared by the driver and rmbctl.
 */

#ifndef _RMAPBUF_H
#define	_RMAPBUF_H

#define	RMB_MAPSIZE	12		/* XX_MAPSIZE in rmalloc(9F) */
#define	RMB_BUFSIZE	2560		/* XX_BUFSIZE */
#define	RMB_MAXSIZE	(RMB_BUFSIZE / 4)	/* XX_MAXSIZE */
#define	RMB_DEVSIZE	16384		/* the device's own memory */

#define	RMBIOC		(('r' << 24) | ('m' << 16) | ('b' << 8))
#define	RMBIOCSTATS	(RMBIOC | 1)	/* struct rmb_stats out */
#define	RMBIOCHOLD	(RMBIOC | 2)	/* take arg units and keep them */
#define	RMBIOCRELEASE	(RMBIOC | 3)	/* give back what HOLD took */

struct rmb_stats {
	unsigned int	rs_takes;	/* buffers taken from the map */
	unsigned int	rs_waits;	/* takes that had to wait */
	unsigned int	rs_faults;	/* uiomove failures, buffer returned */
	unsigned int	rs_out;		/* buffers out now (incl. a hold) */
	unsigned int	rs_held;	/* units kept by RMBIOCHOLD */
	unsigned int	rs_lowest;	/* lowest buffer offset ever taken */
};

#endif /* _RMAPBUF_H */
