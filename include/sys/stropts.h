/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/stropts.h>: the STREAMS ioctls and their structures.  STREAMS is
 * not provided (README, "Not done yet"); drivers that are not STREAMS
 * drivers include this header out of habit, and it brings the DDI types
 * only (docs/departures.md, "Headers for internals").
 */
#ifndef _SYS_STROPTS_H
#define _SYS_STROPTS_H

#include <sys/types.h>

#endif /* _SYS_STROPTS_H */
