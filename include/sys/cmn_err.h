/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cmn_err(9F), vcmn_err(9F).
 *
 * Solaris levels map to printk levels: CE_CONT continues the current line
 * (KERN_CONT), CE_NOTE is KERN_NOTICE with "NOTICE: ", CE_WARN is
 * KERN_WARNING with "WARNING: ", CE_PANIC calls panic().
 *
 * Linux has no "log only" or "console only" printk.  A format starting
 * with '!' (log only) is printed at KERN_DEBUG, which the console shows
 * only at loglevel 8; the Solaris severity stays in the text.  A format
 * starting with '^' (console only) is printed normally, so it also lands
 * in the log.  See docs/departures.md.
 */
#ifndef _SYS_CMN_ERR_H
#define _SYS_CMN_ERR_H

#include <sys/types.h>

#define CE_CONT		0
#define CE_NOTE		1
#define CE_WARN		2
#define CE_PANIC	3
#define CE_IGNORE	4

void ddic_cmn_err(int level, const char *fmt, ...) __printf(2, 3);
void ddic_vcmn_err(int level, const char *fmt, va_list ap) __printf(2, 0);

#define cmn_err		ddic_cmn_err
#define vcmn_err	ddic_vcmn_err

/* zcmn_err(9F), vzcmn_err(9F): one zone; the zone id is ignored. */
void zcmn_err(zoneid_t zoneid, int level, const char *fmt, ...) __printf(3, 4);
void vzcmn_err(zoneid_t zoneid, int level, const char *fmt, va_list ap)
	__printf(3, 0);

#endif /* _SYS_CMN_ERR_H */
