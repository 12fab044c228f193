/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/varargs.h>: va_list and friends (Linux's <linux/stdarg.h>).
 */
#ifndef _SYS_VARARGS_H
#define _SYS_VARARGS_H

#include <sys/types.h>

#endif /* _SYS_VARARGS_H */
