// SPDX-License-Identifier: GPL-2.0
/*
 * Data models: a 32-bit process reaches the kernel through the compat
 * syscall entry, which is what in_compat_syscall() reports.
 */
#include <linux/compat.h>
#include <sys/model.h>

uint_t ddic_model_current(void)
{
	return in_compat_syscall() ? DDI_MODEL_ILP32 : DDI_MODEL_LP64;
}
EXPORT_SYMBOL(ddic_model_current);
