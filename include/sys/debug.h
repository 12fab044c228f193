/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERT/VERIFY.  ASSERT is compiled only in debug builds (DDIC_DEBUG, the
 * Linux counterpart of Solaris's DEBUG); VERIFY always.  A failed check
 * panics, as on Solaris, naming the expression, file and line.
 */
#ifndef _SYS_DEBUG_H
#define _SYS_DEBUG_H

#include <sys/types.h>

void ddic_assfail(const char *expr, const char *file, int line) __noreturn;

#define VERIFY(EX)	((void)(likely(EX) || (ddic_assfail(#EX, __FILE__, __LINE__), 0)))
#define VERIFY0(EX)	VERIFY((EX) == 0)

#ifdef DDIC_DEBUG
#define ASSERT(EX)	VERIFY(EX)
#define ASSERT0(EX)	VERIFY0(EX)
#else
#define ASSERT(EX)	((void)sizeof(!!(EX)))	/* checked, not evaluated */
#define ASSERT0(EX)	((void)sizeof((EX) == 0))
#endif

#endif /* _SYS_DEBUG_H */
