/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ccompile.h>: compiler attributes under Solaris's names.  __packed,
 * __aligned(), __noreturn, __printf(), __always_inline and __weak are the
 * kernel's (<linux/compiler_attributes.h>), spelled and meaning the same;
 * the ones Linux spells differently are mapped here.
 */
#ifndef _SYS_CCOMPILE_H
#define _SYS_CCOMPILE_H

#include <sys/types.h>

#ifndef __unused
#define __unused		__always_unused
#endif
#define __sun_attr__(x)		__attribute__(x)
#define __GNU_INLINE		inline
#define __NORETURN		__noreturn
#define __CONST			__attribute_const__
#define __PURE			__pure
#define __KPRINTFLIKE(n)	__printf(n, (n) + 1)
#define __KVPRINTFLIKE(n)	__printf(n, 0)
#define __PRINTFLIKE(n)		__printf(n, (n) + 1)
#define __VPRINTFLIKE(n)	__printf(n, 0)
#define __SECTION(x)		__section(x)
#define __HIDDEN		__attribute__((visibility("hidden")))
#define __used_attr		__used

#endif /* _SYS_CCOMPILE_H */
