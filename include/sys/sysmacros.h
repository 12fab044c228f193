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
#define P2PHASEUP(x, align, phase)	((phase) - (((phase) - (x)) & -(align)))
#define P2BOUNDARY(off, len, align)	(((off) ^ ((off) + (len) - 1)) > (align) - 1)
#define P2CROSS(x, y, align)		(((x) ^ (y)) > (align) - 1)

/* Typed forms: the arithmetic is done in @type, whatever align's type. */
#define P2ALIGN_TYPED(x, align, type)	((type)(x) & -(type)(align))
#define P2PHASE_TYPED(x, align, type)	((type)(x) & ((type)(align) - 1))
#define P2NPHASE_TYPED(x, align, type)	(-(type)(x) & ((type)(align) - 1))
#define P2ROUNDUP_TYPED(x, align, type)	(-(-(type)(x) & -(type)(align)))
#define P2END_TYPED(x, align, type)	(-(~(type)(x) & -(type)(align)))
#define P2PHASEUP_TYPED(x, align, phase, type)				\
	((type)(phase) - (((type)(phase) - (type)(x)) & -(type)(align)))
#define P2CROSS_TYPED(x, y, align, type)				\
	(((type)(x) ^ (type)(y)) > (type)(align) - 1)
#define P2SAMEHIGHBIT_TYPED(x, y, type)					\
	(((type)(x) ^ (type)(y)) < ((type)(x) & (type)(y)))

/* Counters under a mutex (both arguments are pointers). */
#define INCR_COUNT(var, mutex)	(mutex_enter(mutex), (*(var))++, mutex_exit(mutex))
#define DECR_COUNT(var, mutex)	(mutex_enter(mutex), (*(var))--, mutex_exit(mutex))

/* Byte-wide bit fields, declared low bit first (x86 and arm64: LTOH). */
#if defined(__LITTLE_ENDIAN_BITFIELD)
#define DECL_BITFIELD2(_a, _b)				uint8_t _a, _b
#define DECL_BITFIELD3(_a, _b, _c)			uint8_t _a, _b, _c
#define DECL_BITFIELD4(_a, _b, _c, _d)			uint8_t _a, _b, _c, _d
#define DECL_BITFIELD5(_a, _b, _c, _d, _e)		uint8_t _a, _b, _c, _d, _e
#define DECL_BITFIELD6(_a, _b, _c, _d, _e, _f)		uint8_t _a, _b, _c, _d, _e, _f
#define DECL_BITFIELD7(_a, _b, _c, _d, _e, _f, _g)	uint8_t _a, _b, _c, _d, _e, _f, _g
#define DECL_BITFIELD8(_a, _b, _c, _d, _e, _f, _g, _h)	uint8_t _a, _b, _c, _d, _e, _f, _g, _h
#else
#define DECL_BITFIELD2(_a, _b)				uint8_t _b, _a
#define DECL_BITFIELD3(_a, _b, _c)			uint8_t _c, _b, _a
#define DECL_BITFIELD4(_a, _b, _c, _d)			uint8_t _d, _c, _b, _a
#define DECL_BITFIELD5(_a, _b, _c, _d, _e)		uint8_t _e, _d, _c, _b, _a
#define DECL_BITFIELD6(_a, _b, _c, _d, _e, _f)		uint8_t _f, _e, _d, _c, _b, _a
#define DECL_BITFIELD7(_a, _b, _c, _d, _e, _f, _g)	uint8_t _g, _f, _e, _d, _c, _b, _a
#define DECL_BITFIELD8(_a, _b, _c, _d, _e, _f, _g, _h)	uint8_t _h, _g, _f, _e, _d, _c, _b, _a
#endif

/*
 * ARRAY_SIZE, offsetof and container_of: Linux's (<linux/array_size.h>,
 * <linux/stddef.h>, <linux/container_of.h>), which give what Solaris's
 * give and refuse a pointer where an array is meant.
 */

/* <sys/ccompile.h>'s __unused, which Solaris drivers put on arguments. */
#ifndef __unused
#define __unused	__always_unused
#endif

#endif /* _SYS_SYSMACROS_H */
