/* SPDX-License-Identifier: GPL-2.0 */
/* System services: bzero/bcopy/bcmp, copyin/copyout. */
#ifndef _SYS_SYSTM_H
#define _SYS_SYSTM_H

#include <sys/types.h>

static inline void bzero(void *addr, size_t len)
{
	memset(addr, 0, len);
}

/* bcopy(9F) handles overlapping areas, as memmove() does. */
static inline void bcopy(const void *from, void *to, size_t len)
{
	memmove(to, from, len);
}

int copyin(const void *userbuf, void *driverbuf, size_t cn);
int copyout(const void *driverbuf, void *userbuf, size_t cn);

#endif /* _SYS_SYSTM_H */
