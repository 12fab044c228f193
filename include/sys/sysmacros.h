/* SPDX-License-Identifier: GPL-2.0 */
/* Common macros (sysmacros.h).  dev_t helpers live in <sys/ddi.h>. */
#ifndef _SYS_SYSMACROS_H
#define _SYS_SYSMACROS_H

#include <sys/types.h>
#include <sys/param.h>
#include <sys/ddi.h>

#ifndef MIN
#define MIN(a, b)	((a) < (b) ? (a) : (b))
#endif
#ifndef MAX
#define MAX(a, b)	((a) < (b) ? (b) : (a))
#endif
#ifndef ABS
#define ABS(a)		((a) < 0 ? -(a) : (a))
#endif
#define howmany(x, y)	(((x) + ((y) - 1)) / (y))
#ifndef roundup
#define roundup(x, y)	((((x) + ((y) - 1)) / (y)) * (y))
#endif
#define ISP2(x)			(((x) & ((x) - 1)) == 0)
#define IS_P2ALIGNED(v, a)	((((uintptr_t)(v)) & ((uintptr_t)(a) - 1)) == 0)
#define P2ALIGN(x, align)	((x) & -(align))
#define P2PHASE(x, align)	((x) & ((align) - 1))
#define P2NPHASE(x, align)	(-(x) & ((align) - 1))
#define P2ROUNDUP(x, align)	(-(-(x) & -(align)))
#define P2END(x, align)		(-(~(x) & -(align)))
#define P2SAMEHIGHBIT(x, y)	(((x) ^ (y)) < ((x) & (y)))

#endif /* _SYS_SYSMACROS_H */
