/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/avintr.h>: illumos's interrupt vector table (add_avintr and
 * friends), kernel internals under the DDI's ddi_intr_*(9F).  Drivers
 * include it out of habit; it brings <sys/ddi_intr.h> and nothing of the
 * internals (docs/departures.md, "Headers for internals").
 */
#ifndef _SYS_AVINTR_H
#define _SYS_AVINTR_H

#include <sys/types.h>
#include <sys/ddi_intr.h>

#endif /* _SYS_AVINTR_H */
