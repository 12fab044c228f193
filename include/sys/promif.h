/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/promif.h>: the firmware interface.  There is no PROM; prom_printf()
 * prints to the kernel log (and console) as cmn_err(CE_CONT, ...) does.
 * It is a function exported by ddi_compat (cmn_err.c), not an inline:
 * drivers declare it themselves (gen_drv's `extern void
 * prom_printf(const char *fmt, ...);`) without this header.
 */
#ifndef _SYS_PROMIF_H
#define _SYS_PROMIF_H

#include <sys/types.h>

__printf(1, 2) void prom_printf(const char *fmt, ...);

#endif /* _SYS_PROMIF_H */
