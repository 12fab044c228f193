/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ddipropdefs.h>: the property flags and return values, which
 * ddi_compat declares in <sys/sunddi.h>.
 */
#ifndef _SYS_DDIPROPDEFS_H
#define _SYS_DDIPROPDEFS_H

#include <sys/types.h>
#include <sys/sunddi.h>

#endif /* _SYS_DDIPROPDEFS_H */
