/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Zones: ddi_compat has one, the global zone, which every caller is in.
 */
#ifndef _SYS_ZONE_H
#define _SYS_ZONE_H

#include <sys/types.h>

#define GLOBAL_ZONEID	0
#define ALL_ZONES	(-1)
#define MIN_ZONEID	0

#endif /* _SYS_ZONE_H */
