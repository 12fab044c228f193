/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/strsun.h>: the STREAMS helpers.  ddi_compat has no STREAMS; a
 * driver that includes this header for nothing else still builds.
 */
#ifndef _SYS_STRSUN_H
#define _SYS_STRSUN_H

#include <sys/types.h>
#include <sys/sunddi.h>

#endif /* _SYS_STRSUN_H */
