/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Interrupt handlers' types, hardware interrupts (ddi_intr_alloc(9F) and
 * friends, the old ddi_add_intr(9F)) and soft interrupts
 * (ddi_intr_add_softint(9F) and friends).
 *
 * A hardware interrupt handler runs in a kernel thread (a threaded
 * Linux interrupt handler), whatever its priority: kmutex_t stays a
 * sleeping lock that the handler and the driver's threads share.  See
 * docs/departures.md ("Interrupts").
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

#define DDI_INTR_NOTFOUND	1

#define DDI_INTR_TYPE_FIXED	0x1
#define DDI_INTR_TYPE_MSI	0x2
#define DDI_INTR_TYPE_MSIX	0x4

#define DDI_INTR_FLAG_LEVEL	0x0001
#define DDI_INTR_FLAG_EDGE	0x0002
#define DDI_INTR_FLAG_MASKABLE	0x0010
#define DDI_INTR_FLAG_PENDING	0x0020
#define DDI_INTR_FLAG_BLOCK	0x0100
#define DDI_INTR_FLAG_RETARGETABLE	0x0400

#define DDI_INTR_ALLOC_NORMAL	0
#define DDI_INTR_ALLOC_STRICT	1

#define DDI_INTR_PRI_MIN	1
#define DDI_INTR_PRI_MAX	12
#define DDI_INTR_SOFTPRI_MIN	1
#define DDI_INTR_SOFTPRI_MAX	9
#define DDI_INTR_SOFTPRI_DEFAULT	DDI_INTR_SOFTPRI_MIN

/* The lock argument of mutex_init(9F) and rw_init(9F) for a priority. */
#define DDI_INTR_PRI(pri)	((void *)(uintptr_t)(pri))

typedef uint_t (ddi_intr_handler_t)(caddr_t arg1, caddr_t arg2);
typedef struct ddic_softint *ddi_softint_handle_t;
typedef struct __ddi_intr_handle *ddi_intr_handle_t;

int ddi_intr_get_supported_types(struct dev_info *dip, int *typesp);
int ddi_intr_get_nintrs(struct dev_info *dip, int type, int *nintrsp);
int ddi_intr_get_navail(struct dev_info *dip, int type, int *navailp);
int ddi_intr_alloc(struct dev_info *dip, ddi_intr_handle_t *h_array,
		   int type, int inum, int count, int *actualp, int behavior);
int ddi_intr_free(ddi_intr_handle_t h);
int ddi_intr_get_cap(ddi_intr_handle_t h, int *flagsp);
int ddi_intr_set_cap(ddi_intr_handle_t h, int flags);
uint_t ddi_intr_get_hilevel_pri(void);
int ddi_intr_get_pri(ddi_intr_handle_t h, uint_t *prip);
int ddi_intr_set_pri(ddi_intr_handle_t h, uint_t pri);
int ddi_intr_add_handler(ddi_intr_handle_t h, ddi_intr_handler_t inthandler,
			 void *arg1, void *arg2);
int ddi_intr_dup_handler(ddi_intr_handle_t org, int vector,
			 ddi_intr_handle_t *dup);
int ddi_intr_remove_handler(ddi_intr_handle_t h);
int ddi_intr_enable(ddi_intr_handle_t h);
int ddi_intr_disable(ddi_intr_handle_t h);
int ddi_intr_block_enable(ddi_intr_handle_t *h_array, int count);
int ddi_intr_block_disable(ddi_intr_handle_t *h_array, int count);
int ddi_intr_set_mask(ddi_intr_handle_t h);
int ddi_intr_clr_mask(ddi_intr_handle_t h);
int ddi_intr_get_pending(ddi_intr_handle_t h, int *pendingp);

int ddi_intr_add_softint(struct dev_info *dip, ddi_softint_handle_t *h,
			 int soft_pri, ddi_intr_handler_t handler, void *arg1);
int ddi_intr_remove_softint(ddi_softint_handle_t h);
int ddi_intr_trigger_softint(ddi_softint_handle_t h, void *arg2);
int ddi_intr_get_softint_pri(ddi_softint_handle_t h, uint_t *soft_prip);
int ddi_intr_set_softint_pri(ddi_softint_handle_t h, uint_t soft_pri);

#endif /* _SYS_DDI_INTR_H */
