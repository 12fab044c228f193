/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the Linux kernels ddi_compat builds on (6.1 and
 * 6.12), kept in one place.  Feature tests where the newer API leaves a
 * mark to test; a version check only where it does not.
 */
#ifndef _DDI_COMPAT_KCOMPAT_H
#define _DDI_COMPAT_KCOMPAT_H

#include <linux/version.h>
#include <linux/device.h>

/* class_create() lost its owner argument in 6.4 (no macro marks it). */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#define ddi_class_create(name)	class_create(name)
#else
#define ddi_class_create(name)	class_create(THIS_MODULE, name)
#endif

#endif /* _DDI_COMPAT_KCOMPAT_H */
