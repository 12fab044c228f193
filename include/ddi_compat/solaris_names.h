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

/* dev_err(9F): Linux's is a macro over struct device. */
#undef dev_err
#define dev_err				ddic_dev_err

/* swab(9F): Linux's swab() swaps the bytes of one 16-bit value. */
#undef swab
#define swab(src, dst, nbytes)		ddic_swab((src), (dst), (nbytes))

/* kmem_cache_*(9F): Solaris's take a constructor with a private arg. */
#undef kmem_cache_create
#undef kmem_cache_alloc
#undef kmem_cache_free
#undef kmem_cache_destroy
#define kmem_cache_create		ddic_kmem_cache_create
#define kmem_cache_alloc(cp, flag)	ddic_kmem_cache_alloc((cp), (flag))
#define kmem_cache_free(cp, buf)	ddic_kmem_cache_free((cp), (buf))
#define kmem_cache_destroy(cp)		ddic_kmem_cache_destroy(cp)

/* inb(9F)/outb(9F): Solaris puts the port first, Linux the value. */
#undef inb
#undef inw
#undef inl
#undef outb
#undef outw
#undef outl
#define inb(port)			ddic_inb(port)
#define inw(port)			ddic_inw(port)
#define inl(port)			ddic_inl(port)
#define outb(port, value)		ddic_outb((port), (value))
#define outw(port, value)		ddic_outw((port), (value))
#define outl(port, value)		ddic_outl((port), (value))
#endif /* !_DDI_COMPAT_IMPL */

#endif /* _DDI_COMPAT_SOLARIS_NAMES_H */
