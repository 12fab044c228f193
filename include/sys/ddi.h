/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ddi.h>: the DDI/DKI functions a Solaris driver gets with it.
 */
#ifndef _SYS_DDI_H
#define _SYS_DDI_H

#include <sys/types.h>
#include <sys/map.h>

#endif /* _SYS_DDI_H */
