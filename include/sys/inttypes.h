/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/inttypes.h>: the fixed-size integer types (Linux's), their limits
 * and printf formats.  In the kernel int64_t is long long everywhere.
 */
#ifndef _SYS_INTTYPES_H
#define _SYS_INTTYPES_H

#include <sys/types.h>
#include <sys/int_types.h>

#define PRId8	"d"
#define PRId16	"d"
#define PRId32	"d"
#define PRId64	"lld"
#define PRIi32	"i"
#define PRIi64	"lli"
#define PRIu8	"u"
#define PRIu16	"u"
#define PRIu32	"u"
#define PRIu64	"llu"
#define PRIx8	"x"
#define PRIx16	"x"
#define PRIx32	"x"
#define PRIx64	"llx"
#define PRIX32	"X"
#define PRIX64	"llX"
#define PRIo32	"o"
#define PRIo64	"llo"
#define PRIdPTR	"ld"
#define PRIuPTR	"lu"
#define PRIxPTR	"lx"

#endif /* _SYS_INTTYPES_H */
