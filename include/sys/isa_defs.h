/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/isa_defs.h>: what the instruction set is, in Solaris's names:
 * byte order, data model, bit-field order, and the __x86/__amd64 family
 * names Solaris sources test.
 */
#ifndef _SYS_ISA_DEFS_H
#define _SYS_ISA_DEFS_H

#include <sys/types.h>

#if defined(__LITTLE_ENDIAN)
#ifndef _LITTLE_ENDIAN
#define _LITTLE_ENDIAN
#endif
#define _BIT_FIELDS_LTOH
#else
#ifndef _BIG_ENDIAN
#define _BIG_ENDIAN
#endif
#define _BIT_FIELDS_HTOL
#endif

#if BITS_PER_LONG == 64
#ifndef _LP64
#define _LP64
#endif
#else
#ifndef _ILP32
#define _ILP32
#endif
#endif

#if defined(__x86_64__) || defined(__i386__)
#ifndef __x86
#define __x86
#endif
#endif
#if defined(__x86_64__) && !defined(__amd64)
#define __amd64
#endif

#define _CHAR_ALIGNMENT		1
#define _SHORT_ALIGNMENT	2
#define _INT_ALIGNMENT		4
#define _LONG_LONG_ALIGNMENT	8
#define _POINTER_ALIGNMENT	(BITS_PER_LONG / 8)
#define _LONG_ALIGNMENT		(BITS_PER_LONG / 8)
#define _MAX_ALIGNMENT		16

#endif /* _SYS_ISA_DEFS_H */
