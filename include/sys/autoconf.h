/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/autoconf.h>: illumos's device-configuration internals (the devnames
 * table, impl_* routines).  Drivers include it out of habit and use none
 * of it through the DDI; it brings the DDI headers Solaris's brings, and
 * nothing of the internals (docs/departures.md, "Headers for internals").
 */
#ifndef _SYS_AUTOCONF_H
#define _SYS_AUTOCONF_H

#include <sys/types.h>
#include <sys/dditypes.h>
#include <sys/sunddi.h>

#endif /* _SYS_AUTOCONF_H */
