/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ddi_implfuncs.h>: the framework's own functions (e_ddi_*, i_ddi_*).
 * ddi_compat provides none of them; this header brings the DDI.
 */
#ifndef _SYS_DDI_IMPLFUNCS_H
#define _SYS_DDI_IMPLFUNCS_H

#include <sys/types.h>
#include <sys/sunddi.h>

#endif /* _SYS_DDI_IMPLFUNCS_H */
