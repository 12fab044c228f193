/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/bootsvcs.h>: illumos's boot services vector, kernel internals.
 * Drivers include it out of habit; it is empty here (docs/departures.md,
 * "Headers for internals").
 */
#ifndef _SYS_BOOTSVCS_H
#define _SYS_BOOTSVCS_H

#include <sys/types.h>

#endif /* _SYS_BOOTSVCS_H */
