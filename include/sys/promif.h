/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/promif.h>: the firmware interface.  There is no PROM; prom_printf()
 * prints to the kernel log (and console) as cmn_err(CE_CONT, ...) does.
 */
#ifndef _SYS_PROMIF_H
#define _SYS_PROMIF_H

#include <sys/types.h>

static inline __printf(1, 2) void prom_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}

#endif /* _SYS_PROMIF_H */
