// SPDX-License-Identifier: GPL-2.0
/* VERIFY3S/U/P and ASSERT3S/U/P failures (<sys/debug.h>). */
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/panic.h>
#include <sys/debug.h>

void ddic_assfail3(const char *expr, unsigned long long left,
		   unsigned long long right, int is_signed, const char *file,
		   int line)
{
	if (is_signed)
		panic("assertion failed: %s (%lld vs %lld), file: %s, line: %d\n",
		      expr, (long long)left, (long long)right, file, line);
	panic("assertion failed: %s (0x%llx vs 0x%llx), file: %s, line: %d\n",
	      expr, left, right, file, line);
}
EXPORT_SYMBOL(ddic_assfail3);
