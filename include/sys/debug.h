/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ASSERT/VERIFY.  ASSERT is compiled only in debug builds (DDIC_DEBUG, the
 * Linux counterpart of Solaris's DEBUG); VERIFY always.  A failed check
 * panics, as on Solaris, naming the expression, file and line.
 */
#ifndef _SYS_DEBUG_H
#define _SYS_DEBUG_H

#include <sys/types.h>

/*
 * These panic and never return, but are not declared __noreturn: objtool
 * does not know a noreturn function of another module, and a driver
 * function ending in the call would look as if it fell through into the
 * next one.  BUG() after the call ends the path for both the compiler
 * and objtool.
 */
void ddic_assfail(const char *expr, const char *file, int line);
void ddic_assfail3(const char *expr, unsigned long long left,
		   unsigned long long right, int is_signed, const char *file,
		   int line);

#define VERIFY(EX)	((void)(likely(EX) ||				\
				({ ddic_assfail(#EX, __FILE__, __LINE__);	\
				   BUG(); 0; })))
#define VERIFY0(EX)	VERIFY((EX) == 0)

/*
 * VERIFY3S/U/P(left, op, right): each side evaluated once, converted to
 * int64_t, uint64_t or uintptr_t, compared with op; a failure panics
 * giving the expression and both values, as Solaris does.
 */
#define DDIC_VERIFY3(L, OP, R, TYPE, SGN)				\
	do {								\
		const TYPE __ddi_l = (TYPE)(L);				\
		const TYPE __ddi_r = (TYPE)(R);				\
									\
		if (unlikely(!(__ddi_l OP __ddi_r))) {			\
			ddic_assfail3(#L " " #OP " " #R,		\
				      (unsigned long long)__ddi_l,	\
				      (unsigned long long)__ddi_r, SGN,	\
				      __FILE__, __LINE__);		\
			BUG();						\
		}							\
	} while (0)

#define VERIFY3S(L, OP, R)	DDIC_VERIFY3(L, OP, R, int64_t, 1)
#define VERIFY3U(L, OP, R)	DDIC_VERIFY3(L, OP, R, uint64_t, 0)
#define VERIFY3P(L, OP, R)	DDIC_VERIFY3(L, OP, R, uintptr_t, 0)

/* Compile-time assertion. */
#define CTASSERT(x)		_Static_assert((x), #x)

#ifdef DDIC_DEBUG
#define ASSERT(EX)	VERIFY(EX)
#define ASSERT0(EX)	VERIFY0(EX)
#define ASSERT3S(L, OP, R)	VERIFY3S(L, OP, R)
#define ASSERT3U(L, OP, R)	VERIFY3U(L, OP, R)
#define ASSERT3P(L, OP, R)	VERIFY3P(L, OP, R)
#define IMPLY(A, B)	((void)(likely(!(A)) || likely(B) ||		\
				(ddic_assfail("(" #A ") implies (" #B ")",	\
					     __FILE__, __LINE__), 0)))
#define EQUIV(A, B)	((void)(likely(!!(A) == !!(B)) ||		\
				(ddic_assfail("(" #A ") is equivalent to (" #B ")", \
					     __FILE__, __LINE__), 0)))
#else
#define ASSERT(EX)	((void)sizeof(!!(EX)))	/* checked, not evaluated */
#define ASSERT0(EX)	((void)sizeof((EX) == 0))
/* Checked by the compiler, never evaluated. */
#define ASSERT3S(L, OP, R)	do { if (0) VERIFY3S(L, OP, R); } while (0)
#define ASSERT3U(L, OP, R)	do { if (0) VERIFY3U(L, OP, R); } while (0)
#define ASSERT3P(L, OP, R)	do { if (0) VERIFY3P(L, OP, R); } while (0)
#define IMPLY(A, B)	((void)sizeof(!(A) || (B)))
#define EQUIV(A, B)	((void)sizeof(!!(A) == !!(B)))
#endif

#endif /* _SYS_DEBUG_H */
