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
#include <linux/ctype.h>
#include <linux/string.h>
#include <linux/printk.h>
#include <linux/module.h>
#include <sys/cmn_err.h>
#include <sys/debug.h>
#include <sys/promif.h>
#include <ddi_compat/testing.h>
#include "ddic_core.h"

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

/* The appender of struct ddic_strbuf (ddic_core.h); fm.c's too. */
void ddic_strbuf_put(struct ddic_strbuf *b, const char *fmt, ...)
{
	va_list ap;

	if (b->pos + 1 >= b->len)
		return;
	va_start(ap, fmt);
	b->pos += vscnprintf(b->buf + b->pos, b->len - b->pos, fmt, ap);
	va_end(ap);
}

void ddic_strbuf_putc(struct ddic_strbuf *b, char c)
{
	if (b->pos + 1 < b->len) {
		b->buf[b->pos++] = c;
		b->buf[b->pos] = '\0';
	}
}

/*
 * Solaris's kernel printf has a conversion Linux's does not: "%b" takes
 * an unsigned int and a string whose first byte is the base the value
 * is printed in (8, 10 or 16, no prefix), followed by bit names: a byte
 * 1..32 giving the bit (1 is the lowest), then its name, up to the next
 * byte below 32 (bit 32 is a space).  When the value is not zero, the
 * names of its set bits follow it as "<name,name>":
 * cmn_err(CE_CONT, "reg=0x%b\n", 13, "\020\3Intr\2Err\1Enable") prints
 * "reg=0xd<Intr,Enable>" (the manual page's example shows "<Intr,,Enable>",
 * which illumos's formatter does not print).  Linux's vsnprintf stops at
 * an unknown conversion, with a warning, and its arguments would be out
 * of step, so a format with "%b" is rendered here, one conversion at a
 * time, into a buffer of CE_FMT_MAX bytes (the rest is cut).  Formats
 * without it go to printk as they are.
 */
#define CE_FMT_MAX	256

/* One "%b": @v in @bits' base, padded to @width, then its bit names. */
static void ce_put_bits(struct ddic_strbuf *o, unsigned int v, const char *bits,
			int width, bool zero, bool left, bool upper)
{
	const char *digits = upper ? "0123456789ABCDEF" : "0123456789abcdef";
	unsigned int base = bits ? (unsigned char)*bits++ : 16;
	unsigned int t = v;
	int n = 0, pad, any = 0;
	char num[33];

	if (base < 2 || base > 16)	/* illumos would divide by it anyway */
		base = 16;
	do {
		num[n++] = digits[t % base];
	} while ((t /= base) != 0);
	pad = width > n ? width - n : 0;
	for (; !left && pad > 0; pad--)
		ddic_strbuf_putc(o, zero ? '0' : ' ');
	while (n > 0)
		ddic_strbuf_putc(o, num[--n]);
	for (; pad > 0; pad--)
		ddic_strbuf_putc(o, ' ');
	if (!bits || !v)
		return;
	while (*bits) {
		unsigned int bit = (unsigned char)*bits++;
		bool set = bit <= 32 && (v & (1U << (bit - 1)));

		if (set)
			ddic_strbuf_putc(o, any++ ? ',' : '<');
		for (; (unsigned char)*bits >= 32; bits++)
			if (set)
				ddic_strbuf_putc(o, *bits);
	}
	if (any)
		ddic_strbuf_putc(o, '>');
}

/* The decimal number at *@fmt, which is moved past it; at most 4096. */
static int ce_number(const char **fmt)
{
	int v = 0;

	for (; isdigit(**fmt); (*fmt)++)
		v = min(v * 10 + (**fmt - '0'), 4096);
	return v;
}

/* Whether @fmt has a "%b" (or "%B") conversion. */
static bool ce_has_bits(const char *fmt)
{
	while ((fmt = strchr(fmt, '%'))) {
		fmt++;
		if (*fmt == '%') {
			fmt++;
			continue;
		}
		fmt += strspn(fmt, "-+ #0123456789.*hlLqjzt");
		if (*fmt == 'b' || *fmt == 'B')
			return true;
		if (!*fmt)
			break;
	}
	return false;
}

/*
 * Render @fmt with @ap as Solaris's formatter would: the conversions
 * Linux knows through snprintf one at a time (with the width and
 * precision of '*' read here, the length modifiers fetching the right
 * type), "%b" by ce_put_bits().  An unknown conversion prints nothing
 * and takes no argument, as on illumos.
 */
static void ce_render(struct ddic_strbuf *o, const char *fmt, va_list ap)
{
	char spec[40];

	while (*fmt) {
		int width = -1, prec = -1, hs = 0, ls = 0;
		const char *flags;
		size_t nflags, at;
		bool left;
		char c;

		if (*fmt != '%') {
			ddic_strbuf_putc(o, *fmt++);
			continue;
		}
		flags = ++fmt;
		nflags = strspn(fmt, "-+ #0");
		left = memchr(flags, '-', nflags);
		fmt += nflags;
		if (*fmt == '*') {
			width = va_arg(ap, int);
			fmt++;
			if (width < 0) {
				left = true;
				width = width == INT_MIN ? INT_MAX : -width;
			}
		} else if (isdigit(*fmt)) {
			width = ce_number(&fmt);
		}
		if (*fmt == '.') {
			fmt++;
			if (*fmt == '*') {
				prec = va_arg(ap, int);
				fmt++;
			} else {
				prec = ce_number(&fmt);
			}
		}
		for (;; fmt++) {
			if (*fmt == 'h')
				hs++;
			else if (*fmt == 'l' || *fmt == 'L' || *fmt == 'q')
				ls++;
			else if (*fmt == 'j')
				ls = 2;
			else if (*fmt == 'z' || *fmt == 't')
				ls = 1;
			else
				break;
		}
		c = *fmt;
		if (!c)
			break;
		fmt++;
		/* What snprintf is given: the flags, then '*' as numbers. */
		at = scnprintf(spec, sizeof(spec), "%%%.*s%s", (int)min_t(size_t, nflags, 8),
			       flags, left && !memchr(flags, '-', nflags) ? "-" : "");
		if (width >= 0)
			at += scnprintf(spec + at, sizeof(spec) - at, "%d",
					min(width, 4096));
		if (prec >= 0)
			at += scnprintf(spec + at, sizeof(spec) - at, ".%d",
					min(prec, 4096));
		switch (c) {
		case 'b':
		case 'B': {
			unsigned int v = va_arg(ap, unsigned int);

			if (hs == 1)
				v = (unsigned short)v;
			else if (hs > 1)
				v = (unsigned char)v;
			ce_put_bits(o, v, va_arg(ap, const char *),
				    min(width, CE_FMT_MAX), memchr(flags, '0', nflags),
				    left, c == 'B');
			break;
		}
		case 'd':
		case 'i':
		case 'u':
		case 'o':
		case 'x':
		case 'X': {
			bool sgn = c == 'd' || c == 'i';
			long long v;

			if (ls > 1)
				v = sgn ? va_arg(ap, long long) :
					  (long long)va_arg(ap, unsigned long long);
			else if (ls == 1)
				v = sgn ? va_arg(ap, long) :
					  (long long)va_arg(ap, unsigned long);
			else
				v = sgn ? va_arg(ap, int) :
					  (long long)va_arg(ap, unsigned int);
			if (hs == 1)
				v = sgn ? (short)v : (long long)(unsigned short)v;
			else if (hs > 1)
				v = sgn ? (signed char)v :
					  (long long)(unsigned char)v;
			scnprintf(spec + at, sizeof(spec) - at, "ll%c", c);
			ddic_strbuf_put(o, spec, v);
			break;
		}
		case 'c':
			scnprintf(spec + at, sizeof(spec) - at, "c");
			ddic_strbuf_put(o, spec, va_arg(ap, int));
			break;
		case 's':
			scnprintf(spec + at, sizeof(spec) - at, "s");
			ddic_strbuf_put(o, spec, va_arg(ap, const char *));
			break;
		case 'p':
			ddic_strbuf_put(o, "%p", va_arg(ap, void *));
			break;
		case '%':
			ddic_strbuf_putc(o, '%');
			break;
		default:
			break;
		}
	}
}

static __printf(4, 0) void ce_emit(int level, int dest, const char *prefix,
				   const char *fmt, va_list ap)
{
	struct va_format vaf;
	va_list aq;

	if (level == CE_PANIC) {
		va_copy(aq, ap);
		vaf.fmt = fmt;
		vaf.va = &aq;
		panic("%pV\n", &vaf);
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

static __printf(4, 5) void ce_emit_str(int level, int dest, const char *prefix,
				       const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	ce_emit(level, dest, prefix, fmt, ap);
	va_end(ap);
}

/*
 * A format with "%b", rendered into a buffer of its own: not on the
 * stack of every cmn_err, which may be deep in an interrupt handler.
 */
static noinline void ce_emit_bits(int level, int dest, const char *prefix,
				  const char *fmt, va_list ap)
{
	char text[CE_FMT_MAX] = "";
	struct ddic_strbuf o = { .buf = text, .len = sizeof(text) };
	va_list aq;

	va_copy(aq, ap);
	ce_render(&o, fmt, aq);
	va_end(aq);
	ce_emit_str(level, dest, prefix, "%s", text);
}

void ddic_vcmn_err(int level, const char *fmt, va_list ap)
{
	int dest = DDIC_CE_LOG | DDIC_CE_CONSOLE;
	const char *prefix = "";

	if (!fmt)
		fmt = "(null format)";
	if (*fmt == '!') {
		dest = DDIC_CE_LOG;
		fmt++;
	} else if (*fmt == '^') {
		dest = DDIC_CE_CONSOLE;
		fmt++;
	} else if (*fmt == '?') {
		/*
		 * CE_CONT: always logged, on the console only when booted
		 * verbose; printed as every CE_CONT is.  Other levels: no
		 * effect.  Either way the '?' is not part of the text.
		 */
		fmt++;
	}

	switch (level) {
	case CE_CONT:
	case CE_PANIC:
		break;
	case CE_NOTE:
		prefix = "NOTICE: ";
		break;
	case CE_WARN:
		prefix = "WARNING: ";
		break;
	case CE_IGNORE:
		return;
	default:
		/* Solaris would panic on a bad level; warn and treat as CE_WARN. */
		pr_warn("ddi_compat: cmn_err: unknown level %d\n", level);
		level = CE_WARN;
		prefix = "WARNING: ";
		break;
	}

	if (ce_has_bits(fmt))
		ce_emit_bits(level, dest, prefix, fmt, ap);
	else
		ce_emit(level, dest, prefix, fmt, ap);
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
