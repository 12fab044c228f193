/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel-version and configuration differences, kept in one place.
 * Prefer feature tests (a macro or config option the newer API brings)
 * to version comparisons: Debian backports API changes.
 */
#ifndef _DDI_COMPAT_KCOMPAT_H
#define _DDI_COMPAT_KCOMPAT_H

#include <linux/kconfig.h>

/*
 * lib/genalloc.c is built only when something selects
 * CONFIG_GENERIC_ALLOCATOR: Debian's kernels have it, the minimal debug
 * kernels do not.  Only the benchmark uses it (as a baseline).
 */
#if IS_ENABLED(CONFIG_GENERIC_ALLOCATOR)
#define DDI_HAVE_GEN_POOL	1
#endif

#endif /* _DDI_COMPAT_KCOMPAT_H */
