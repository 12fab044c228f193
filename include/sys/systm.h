/* SPDX-License-Identifier: GPL-2.0 */
/* System services: bzero/bcopy/bcmp, copyin/copyout. */
#ifndef _SYS_SYSTM_H
#define _SYS_SYSTM_H

#include <sys/types.h>

static inline void bzero(void *addr, size_t len)
{
	memset(addr, 0, len);
}

/*
 * bcopy(9F) handles overlapping areas, as memmove() does.  Areas that do
 * not overlap (nearly always) go to memcpy(), the kernel's fastest copy:
 * x86's memmove() uses "rep movsq" for large aligned copies, which some
 * CPUs and emulators run far slower than memcpy() (a RAM disk's copies
 * were 4-5x slower than brd's under QEMU TCG).
 */
static inline void bcopy(const void *from, void *to, size_t len)
{
	const char *f = from;
	char *t = to;

	if (t + len <= f || f + len <= t)
		memcpy(to, from, len);
	else
		memmove(to, from, len);
}

int copyin(const void *userbuf, void *driverbuf, size_t cn);
int copyout(const void *driverbuf, void *userbuf, size_t cn);

/*
 * timeout(9F), untimeout(9F): callbacks run in a kernel thread.
 * timeout_id_t itself is in <sys/types.h>, as on illumos.
 */

timeout_id_t timeout(void (*func)(void *), void *arg, clock_t ticks);
clock_t untimeout(timeout_id_t id);

#endif /* _SYS_SYSTM_H */
