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

/* Where a message is meant to go: '!' is log only, '^' console only. */
#define DDIC_CE_LOG	0x1
#define DDIC_CE_CONSOLE	0x2

#ifdef DDIC_DEBUG
/*
 * Debug builds only: a tap that sees every message cmn_err() emits, with
 * where it was meant to go, so tests can check it.
 */
typedef void (*ddic_cmn_err_tap_t)(int level, int dest, const char *text,
				  void *arg);
void ddic_cmn_err_set_tap(ddic_cmn_err_tap_t tap, void *arg);
#endif

#endif /* _SYS_CMN_ERR_H */
