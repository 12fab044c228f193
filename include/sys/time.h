/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Time for drivers: hrtime_t (nanoseconds), gethrtime(9F), gethrestime(9F)
 * and the unit constants of <sys/time.h>.
 *
 * gethrtime() is Linux's monotonic clock (ktime_get_ns); gethrestime() is
 * the wall clock (ktime_get_real_ts64).
 */
#ifndef _SYS_TIME_H
#define _SYS_TIME_H

#include <sys/types.h>

#define SEC		1
#define MILLISEC	1000
#define MICROSEC	1000000
#define NANOSEC		1000000000LL

#define MSEC2NSEC(m)	((hrtime_t)(m) * (NANOSEC / MILLISEC))
#define NSEC2MSEC(n)	((n) / (NANOSEC / MILLISEC))
#define USEC2NSEC(m)	((hrtime_t)(m) * (NANOSEC / MICROSEC))
#define NSEC2USEC(n)	((n) / (NANOSEC / MICROSEC))
#define SEC2NSEC(m)	((hrtime_t)(m) * NANOSEC)
#define NSEC2SEC(n)	((n) / NANOSEC)

/*
 * The clock rate: lbolt, timeout(9F) and cv_timedwait(9F) count ticks, hz
 * of them a second.  hz is a variable as on Solaris (ddi_compat's, always
 * Linux's HZ: a driver may also name a parameter hz); the tick
 * conversions of illumos's <sys/time.h> below use HZ itself.  The
 * _ROUNDUP ones round a part of a tick up, the others down.
 */
extern int hz;

#define TICK_TO_SEC(tick)	((clock_t)(tick) / HZ)
#define SEC_TO_TICK(sec)	((clock_t)(sec) * HZ)
#define TICK_TO_MSEC(tick)	((clock_t)((int64_t)(tick) * MILLISEC / HZ))
#define MSEC_TO_TICK(msec)	((clock_t)((int64_t)(msec) * HZ / MILLISEC))
#define MSEC_TO_TICK_ROUNDUP(msec) \
	((clock_t)(((int64_t)(msec) * HZ + MILLISEC - 1) / MILLISEC))
#define TICK_TO_USEC(tick)	((clock_t)((int64_t)(tick) * MICROSEC / HZ))
#define USEC_TO_TICK(usec)	((clock_t)((int64_t)(usec) * HZ / MICROSEC))
#define USEC_TO_TICK_ROUNDUP(usec) \
	((clock_t)(((int64_t)(usec) * HZ + MICROSEC - 1) / MICROSEC))
#define TICK_TO_NSEC(tick)	((hrtime_t)(tick) * (NANOSEC / HZ))
#define NSEC_TO_TICK(nsec)	((clock_t)((hrtime_t)(nsec) / (NANOSEC / HZ)))
#define NSEC_TO_TICK_ROUNDUP(nsec) \
	((clock_t)(((hrtime_t)(nsec) + NANOSEC / HZ - 1) / (NANOSEC / HZ)))

typedef struct timespec64 timestruc_t;	/* tv_sec, tv_nsec */

hrtime_t gethrtime(void);
void gethrestime(timestruc_t *tp);
time_t gethrestime_sec(void);

#endif /* _SYS_TIME_H */
