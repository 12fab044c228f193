/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt handlers' types and soft interrupts: ddi_intr_add_softint(9F)
 * and friends.  Hardware interrupts are not provided.
 *
 * A soft interrupt handler runs in a kernel thread (a high-priority
 * workqueue), not in a softirq: kmutex_t is a sleeping lock here, and a
 * handler must be able to take the mutexes it initialised with
 * DDI_INTR_PRI(soft_pri) or the soft iblock cookie.  Triggering is safe
 * from any context, hard interrupts and timers included; triggers that
 * arrive while one is pending are folded into it (DDI_EPENDING), so the
 * handler runs once per batch.  See docs/departures.md.
 */
#ifndef _SYS_DDI_INTR_H
#define _SYS_DDI_INTR_H

#include <sys/types.h>

struct dev_info;

#define DDI_INTR_UNCLAIMED	0
#define DDI_INTR_CLAIMED	1

#define DDI_INTR_PRI_MIN	1
#define DDI_INTR_PRI_MAX	12
#define DDI_INTR_SOFTPRI_MIN	1
#define DDI_INTR_SOFTPRI_MAX	9
#define DDI_INTR_SOFTPRI_DEFAULT	DDI_INTR_SOFTPRI_MIN

/* The lock argument of mutex_init(9F) and rw_init(9F) for a priority. */
#define DDI_INTR_PRI(pri)	((void *)(uintptr_t)(pri))

typedef uint_t (ddi_intr_handler_t)(caddr_t arg1, caddr_t arg2);
typedef struct ddic_softint *ddi_softint_handle_t;

int ddi_intr_add_softint(struct dev_info *dip, ddi_softint_handle_t *h,
			 int soft_pri, ddi_intr_handler_t handler, void *arg1);
int ddi_intr_remove_softint(ddi_softint_handle_t h);
int ddi_intr_trigger_softint(ddi_softint_handle_t h, void *arg2);
int ddi_intr_get_softint_pri(ddi_softint_handle_t h, uint_t *soft_prip);
int ddi_intr_set_softint_pri(ddi_softint_handle_t h, uint_t soft_pri);

#endif /* _SYS_DDI_INTR_H */
