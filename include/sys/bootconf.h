/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/bootconf.h>: illumos's boot configuration (bootops, boot
 * properties), kernel internals.  Drivers include it out of habit; it is
 * empty here (docs/departures.md, "Headers for internals").
 */
#ifndef _SYS_BOOTCONF_H
#define _SYS_BOOTCONF_H

#include <sys/types.h>

#endif /* _SYS_BOOTCONF_H */
