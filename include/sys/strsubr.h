/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/strsubr.h>: the STREAMS framework's internals (stdata_t, syncq).
 * STREAMS is not provided; drivers that are not STREAMS drivers include
 * this header out of habit, and it brings <sys/stream.h> only
 * (docs/departures.md, "Headers for internals").
 */
#ifndef _SYS_STRSUBR_H
#define _SYS_STRSUBR_H

#include <sys/types.h>
#include <sys/stream.h>

#endif /* _SYS_STRSUBR_H */
