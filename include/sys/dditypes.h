/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/dditypes.h>: the DDI's opaque types (dev_info_t and friends).
 */
#ifndef _SYS_DDITYPES_H
#define _SYS_DDITYPES_H

#include <sys/types.h>
#include <sys/devops.h>

/* A register or configuration space mapping (ddi_regs_map_setup(9F)). */
typedef struct __ddi_acc_handle *ddi_acc_handle_t;

/* ddi_rep_get8(9F) and friends: the device address moves, or not. */
#define DDI_DEV_NO_AUTOINCR	0x0000
#define DDI_DEV_AUTOINCR	0x0001

#endif /* _SYS_DDITYPES_H */
