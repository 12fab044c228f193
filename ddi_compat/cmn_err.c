// SPDX-License-Identifier: GPL-2.0
/*
 * cmn_err(9F), vcmn_err(9F), and the assertion failure path.
 *
 * The text is the Solaris one: "NOTICE: " and "WARNING: " prefixes, a
 * newline added after CE_NOTE, CE_WARN and CE_PANIC messages, none after
 * CE_CONT.  How '!' and '^' map onto printk is explained in
 * <sys/cmn_err.h>.
 */
#include <linux/kernel.h>
#include <linux/printk.h>
#include <linux/module.h>
#include <sys/cmn_err.h>
#include <sys/debug.h>
#include <sys/promif.h>
#include <ddi_compat/testing.h>

#ifdef DDIC_DEBUG
static ddic_cmn_err_tap_t ddic_ce_tap;
static void *ddic_ce_tap_arg;
static DEFINE_SPINLOCK(ddic_ce_tap_lock);

void ddic_cmn_err_set_tap(ddic_cmn_err_tap_t tap, void *arg)
{
	unsigned long flags;

	spin_lock_irqsave(&ddic_ce_tap_lock, flags);
	ddic_ce_tap = tap;
	ddic_ce_tap_arg = arg;
	spin_unlock_irqrestore(&ddic_ce_tap_lock, flags);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_cmn_err_set_tap);

static __printf(4, 0) void ddic_ce_tap_call(int level, int dest, const char *prefix,
			    const char *fmt, va_list ap)
{
	unsigned long flags;
	char buf[256];
	int n;

	spin_lock_irqsave(&ddic_ce_tap_lock, flags);
	if (ddic_ce_tap) {
		n = scnprintf(buf, sizeof(buf), "%s", prefix);
		vscnprintf(buf + n, sizeof(buf) - n, fmt, ap);
		ddic_ce_tap(level, dest, buf, ddic_ce_tap_arg);
	}
	spin_unlock_irqrestore(&ddic_ce_tap_lock, flags);
}
#else
static inline void ddic_ce_tap_call(int level, int dest, const char *prefix,
				   const char *fmt, va_list ap)
{
}
#endif

void ddic_vcmn_err(int level, const char *fmt, va_list ap)
{
	int dest = DDIC_CE_LOG | DDIC_CE_CONSOLE;
	const char *prefix = "";
	struct va_format vaf;
	va_list aq;

	if (!fmt)
		fmt = "(null format)";
	if (*fmt == '!') {
		dest = DDIC_CE_LOG;
		fmt++;
	} else if (*fmt == '^') {
		dest = DDIC_CE_CONSOLE;
		fmt++;
	}

	switch (level) {
	case CE_CONT:
		break;
	case CE_NOTE:
		prefix = "NOTICE: ";
		break;
	case CE_WARN:
		prefix = "WARNING: ";
		break;
	case CE_PANIC:
		va_copy(aq, ap);
		vaf.fmt = fmt;
		vaf.va = &aq;
		panic("%pV\n", &vaf);
	case CE_IGNORE:
		return;
	default:
		/* Solaris would panic on a bad level; warn and treat as CE_WARN. */
		pr_warn("ddi_compat: cmn_err: unknown level %d\n", level);
		level = CE_WARN;
		prefix = "WARNING: ";
		break;
	}

	va_copy(aq, ap);
	ddic_ce_tap_call(level, dest, prefix, fmt, aq);
	va_end(aq);

	va_copy(aq, ap);
	vaf.fmt = fmt;
	vaf.va = &aq;
	if (level == CE_CONT)
		pr_cont("%pV", &vaf);
	else if (dest == DDIC_CE_LOG)
		/* Log only: below the default console level (<sys/cmn_err.h>). */
		printk(KERN_DEBUG "%s%pV\n", prefix, &vaf);
	else if (level == CE_NOTE)
		pr_notice("%s%pV\n", prefix, &vaf);
	else
		pr_warn("%s%pV\n", prefix, &vaf);
	va_end(aq);
}
EXPORT_SYMBOL(ddic_vcmn_err);

void ddic_cmn_err(int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ddic_vcmn_err(level, fmt, ap);
	va_end(ap);
}
EXPORT_SYMBOL(ddic_cmn_err);

void ddic_assfail(const char *expr, const char *file, int line)
{
	panic("assertion failed: %s, file: %s, line: %d\n", expr, file, line);
}
EXPORT_SYMBOL(ddic_assfail);

/* prom_printf (<sys/promif.h>): no PROM here, the kernel log. */
void prom_printf(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vprintk(fmt, ap);
	va_end(ap);
}
EXPORT_SYMBOL(prom_printf);
