/* SPDX-License-Identifier: GPL-2.0 */
/*
 * evtest's ioctls, shared by the driver and evtestctl.
 */
#ifndef _EVTEST_H
#define _EVTEST_H

#define EVT_IOC		('E' << 8)
#define EVT_POST	(EVT_IOC | 1)	/* arg: impl_data to post */
#define EVT_STATE	(EVT_IOC | 2)	/* arg: struct evt_state * */
#define EVT_SELFREMOVE	(EVT_IOC | 3)	/* two posts, a self-removing handler */
#define EVT_BADREMOVE	(EVT_IOC | 4)	/* remove an id never registered */
#define EVT_DEVCTL	(EVT_IOC | 5)	/* arg: struct devctl_iocdata * */
#define EVT_TICKS	(EVT_IOC | 6)	/* arg: struct evt_ticks * */

struct evt_state {
	unsigned int	count;		/* fault events seen */
	unsigned int	last;		/* impl_data of the last */
	unsigned int	unknown_fails;	/* an unknown event name failed */
	unsigned int	addr_ok;	/* ddi_get_name_addr is the instance */
	unsigned int	self_runs;	/* runs of the self-removing handler */
};

/* hz and the tick conversions of <sys/time.h>, as the driver sees them. */
struct evt_ticks {
	long	hz;
	long	usectohz_1s;		/* drv_usectohz(1000000) */
	long	msec_to_tick_1s;	/* MSEC_TO_TICK(1000) */
	long	tick_to_msec_hz;	/* TICK_TO_MSEC(hz) */
	long	msec_roundup_1;		/* MSEC_TO_TICK_ROUNDUP(1) */
	long	msec_to_tick_1;		/* MSEC_TO_TICK(1) */
	long	usec_roundup_1;		/* USEC_TO_TICK_ROUNDUP(1) */
};

#endif /* _EVTEST_H */
