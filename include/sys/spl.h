/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/spl.h>: illumos's priority-level routines (splr, splx...), kernel
 * internals.  Drivers include it out of habit; it is empty here: handlers
 * run in threads and a kmutex_t is what orders them (docs/departures.md,
 * "Headers for internals" and "PCI drivers").
 */
#ifndef _SYS_SPL_H
#define _SYS_SPL_H

#include <sys/types.h>

#endif /* _SYS_SPL_H */
