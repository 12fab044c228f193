/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/sunddi.h>, minimal: only what the kernel-memory-for-user-access
 * interfaces need.  The driver-model work owns the full header; it keeps
 * the #include of <sys/ddidevmap.h>, as illumos's does.
 */
#ifndef _SYS_SUNDDI_H
#define _SYS_SUNDDI_H

#include <sys/types.h>
#include <sys/model.h>
#include <sys/ddidevmap.h>

#define DDI_SUCCESS	0
#define DDI_FAILURE	(-1)

#endif /* _SYS_SUNDDI_H */
