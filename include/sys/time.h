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

typedef struct timespec64 timestruc_t;	/* tv_sec, tv_nsec */

hrtime_t gethrtime(void);
void gethrestime(timestruc_t *tp);
time_t gethrestime_sec(void);

#endif /* _SYS_TIME_H */
