/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Names that Linux and Solaris both define, with different meanings.
 *
 * Inside a Solaris driver the Solaris meaning wins: the Linux macro is
 * undefined and the name is redefined over a ddi_compat function.  The
 * files of ddi_compat itself are built with _DDI_COMPAT_IMPL defined and
 * keep Linux's meaning, so they can still call Linux's mutex_init() and
 * friends while implementing the Solaris ones.
 */
#ifndef _DDI_COMPAT_SOLARIS_NAMES_H
#define _DDI_COMPAT_SOLARIS_NAMES_H

/* Solaris min(9F)/max(9F) take and return int (Linux's are type-checked). */
static inline int ddic_min(int a, int b) { return a < b ? a : b; }
static inline int ddic_max(int a, int b) { return a > b ? a : b; }

#ifndef _DDI_COMPAT_IMPL
#undef min
#undef max
#define min(a, b)	ddic_min((a), (b))
#define max(a, b)	ddic_max((a), (b))

#undef mutex_init
#undef mutex_destroy
#define mutex_init(mp, name, type, arg)	ddic_mutex_init_site((mp), (name), (type), (arg))
#define mutex_destroy(mp)		ddic_mutex_destroy(mp)

/* delay(9F); Linux has local variables and members named delay. */
#define delay(ticks)			ddic_delay(ticks)

/* strlcpy left Linux in 6.8; Solaris drivers still call it. */
#undef strlcpy
#define strlcpy(dst, src, len)	ddic_strlcpy((dst), (src), (len))
#endif /* !_DDI_COMPAT_IMPL */

#endif /* _DDI_COMPAT_SOLARIS_NAMES_H */
