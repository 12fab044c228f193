/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/int_types.h>: int8_t ... uint64_t and uintptr_t are Linux's;
 * intptr_t comes from <sys/types.h>.  The widest and "least"/"fast"
 * types and the limits Solaris's <sys/int_limits.h> gives are here.
 */
#ifndef _SYS_INT_TYPES_H
#define _SYS_INT_TYPES_H

#include <sys/types.h>

typedef long long		intmax_t;
typedef unsigned long long	uintmax_t;
typedef int8_t			int_least8_t;
typedef int16_t			int_least16_t;
typedef int32_t			int_least32_t;
typedef int64_t			int_least64_t;
typedef uint8_t			uint_least8_t;
typedef uint16_t		uint_least16_t;
typedef uint32_t		uint_least32_t;
typedef uint64_t		uint_least64_t;

#ifndef INT8_MAX
#define INT8_MAX	S8_MAX
#define INT16_MAX	S16_MAX
#define INT32_MAX	S32_MAX
#define INT64_MAX	S64_MAX
#define INT8_MIN	S8_MIN
#define INT16_MIN	S16_MIN
#define INT32_MIN	S32_MIN
#define INT64_MIN	S64_MIN
#define UINT8_MAX	U8_MAX
#define UINT16_MAX	U16_MAX
#define UINT32_MAX	U32_MAX
#define UINT64_MAX	U64_MAX
#endif
#ifndef INTMAX_MAX
#define INTMAX_MAX	S64_MAX
#define INTMAX_MIN	S64_MIN
#define UINTMAX_MAX	U64_MAX
#endif

#endif /* _SYS_INT_TYPES_H */
