/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/stdbool.h>: C99's bool, true and false for kernel code.  The
 * kernel's <linux/types.h> (through <sys/types.h>) already defines them
 * as C99 does; this header only names them the Solaris way.
 */
#ifndef _SYS_STDBOOL_H
#define _SYS_STDBOOL_H

#include <sys/types.h>

#ifndef __bool_true_false_are_defined
#define __bool_true_false_are_defined	1
#endif

#endif /* _SYS_STDBOOL_H */
