/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/dditypes.h>: the DDI's opaque types (dev_info_t and friends).
 */
#ifndef _SYS_DDITYPES_H
#define _SYS_DDITYPES_H

#include <sys/types.h>
#include <sys/devops.h>

#endif /* _SYS_DDITYPES_H */
