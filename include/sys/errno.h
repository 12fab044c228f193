/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Error numbers.  A Solaris driver returns them from its entry points and
 * they reach a Linux process's errno, so they have LINUX values: the names
 * are the same, and for 1..34 (EPERM..ERANGE) so are the numbers; above
 * that Solaris and Linux number differently (Solaris EDEADLK is 45, Linux
 * 35).  A driver that uses the names is unaffected; one that stores or
 * prints the numbers sees Linux's.  See docs/departures.md.
 *
 * Solaris-only names are mapped to the nearest Linux error.
 */
#ifndef _SYS_ERRNO_H
#define _SYS_ERRNO_H

#include <sys/types.h>

/* Linux's ENOTSUPP (524) is kernel-internal; user space knows EOPNOTSUPP. */
#ifndef ENOTSUP
#define ENOTSUP		EOPNOTSUPP
#endif
#define ELOCKUNMAPPED	EINVAL
#define ENOTACTIVE	EINVAL

#endif /* _SYS_ERRNO_H */
