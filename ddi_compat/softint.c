// SPDX-License-Identifier: GPL-2.0
/*
 * Soft interrupts: ddi_intr_add_softint(9F) and the older
 * ddi_add_softintr(9F).
 *
 * Why a workqueue and not a softirq or tasklet: a Solaris soft interrupt
 * handler takes the driver's mutexes, initialised at the soft interrupt's
 * priority, and kmutex_t is a sleeping Linux mutex here (ksynch.h).  In a
 * softirq that would be sleeping in atomic context; a tasklet would need
 * every kmutex_t to spin.  A high-priority workqueue runs the handler in
 * a kernel thread soon after the trigger, where those mutexes are legal
 * and lockdep sees them as ordinary sleeping locks.
 *
 * A trigger sets the handle's pending bit; if it was already set the
 * trigger is folded into the pending one (DDI_EPENDING), as Solaris
 * drops it, so the handler runs once per batch of triggers.  The bit is
 * cleared just before the handler runs, so a trigger that arrives while
 * the handler runs makes it run once more.  Triggering takes no lock and
 * never sleeps: it works from hard interrupt and timer context.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/workqueue.h>
#include <linux/slab.h>
#include <linux/bitops.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/ddi_intr.h>
#include <sys/cmn_err.h>

#include "ddic_core.h"

#define SI_PENDING	0

struct ddic_softint {
	struct work_struct work;
	unsigned long flags;		/* SI_PENDING */
	ddi_intr_handler_t *handler;	/* ddi_intr_add_softint */
	uint_t (*old_handler)(caddr_t arg);	/* ddi_add_softintr */
	caddr_t arg1;
	void *arg2;			/* of the pending trigger */
	uint_t pri;
	dev_info_t *dip;
};

static struct workqueue_struct *si_wq;

static void si_run(struct work_struct *w)
{
	struct ddic_softint *si = container_of(w, struct ddic_softint, work);
	void *arg2 = READ_ONCE(si->arg2);

	/* Triggers from here on run the handler again. */
	clear_bit_unlock(SI_PENDING, &si->flags);
	/* The handler reads what the trigger published after this. */
	smp_mb__after_atomic();
	if (si->handler)
		(void)si->handler(si->arg1, arg2);
	else
		(void)si->old_handler(si->arg1);
}

static struct ddic_softint *si_new(dev_info_t *dip, uint_t pri)
{
	struct ddic_softint *si = kzalloc(sizeof(*si), GFP_KERNEL);

	if (!si)
		return NULL;
	INIT_WORK(&si->work, si_run);
	si->dip = dip;
	si->pri = pri;
	return si;
}

static int si_trigger(struct ddic_softint *si, void *arg2)
{
	if (test_and_set_bit(SI_PENDING, &si->flags))
		return DDI_EPENDING;
	WRITE_ONCE(si->arg2, arg2);
	queue_work(si_wq, &si->work);
	return DDI_SUCCESS;
}

/* Runs a trigger still pending, waits for a running handler, frees. */
static void si_free(struct ddic_softint *si)
{
	flush_work(&si->work);
	kfree(si);
}

int ddi_intr_add_softint(dev_info_t *dip, ddi_softint_handle_t *h,
			 int soft_pri, ddi_intr_handler_t handler, void *arg1)
{
	struct ddic_softint *si;

	if (!h || !handler || soft_pri < DDI_INTR_SOFTPRI_MIN ||
	    soft_pri > DDI_INTR_SOFTPRI_MAX) {
		cmn_err(CE_WARN, "%s(%s): bad handle, handler or priority %d",
			__func__, dip ? ddi_driver_name(dip) : "NULL", soft_pri);
		return DDI_EINVAL;
	}
	si = si_new(dip, soft_pri);
	if (!si)
		return DDI_EAGAIN;
	si->handler = handler;
	si->arg1 = arg1;
	*h = si;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_add_softint);

int ddi_intr_remove_softint(ddi_softint_handle_t h)
{
	if (!h)
		return DDI_EINVAL;
	si_free(h);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_remove_softint);

int ddi_intr_trigger_softint(ddi_softint_handle_t h, void *arg2)
{
	if (!h)
		return DDI_EINVAL;
	return si_trigger(h, arg2);
}
EXPORT_SYMBOL(ddi_intr_trigger_softint);

int ddi_intr_get_softint_pri(ddi_softint_handle_t h, uint_t *soft_prip)
{
	if (!h || !soft_prip)
		return DDI_EINVAL;
	*soft_prip = h->pri;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_get_softint_pri);

int ddi_intr_set_softint_pri(ddi_softint_handle_t h, uint_t soft_pri)
{
	if (!h || soft_pri < DDI_INTR_SOFTPRI_MIN ||
	    soft_pri > DDI_INTR_SOFTPRI_MAX)
		return DDI_EINVAL;
	if (test_bit(SI_PENDING, &h->flags))
		return DDI_EPENDING;
	h->pri = soft_pri;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_set_softint_pri);

/* ---- the old interface ---------------------------------------------------- */

/* The soft priority a preference stands for. */
static uint_t si_pref_pri(int preference)
{
	if (preference >= DDI_SOFTINT_HIGH)
		return DDI_INTR_SOFTPRI_MAX;
	if (preference >= DDI_SOFTINT_MED)
		return (DDI_INTR_SOFTPRI_MIN + DDI_INTR_SOFTPRI_MAX) / 2;
	return DDI_INTR_SOFTPRI_MIN;
}

int ddi_get_soft_iblock_cookie(dev_info_t *dip, int preference,
			       ddi_iblock_cookie_t *iblock_cookiep)
{
	if (!iblock_cookiep)
		return DDI_FAILURE;
	*iblock_cookiep = (ddi_iblock_cookie_t)DDI_INTR_PRI(si_pref_pri(preference));
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_get_soft_iblock_cookie);

int ddi_add_softintr(dev_info_t *dip, int preference, ddi_softintr_t *idp,
		     ddi_iblock_cookie_t *iblock_cookiep,
		     ddi_idevice_cookie_t *idevice_cookiep,
		     uint_t (*int_handler)(caddr_t int_handler_arg),
		     caddr_t int_handler_arg)
{
	struct ddic_softint *si;

	if (!idp || !int_handler) {
		cmn_err(CE_WARN, "%s(%s): no id or handler",
			__func__, dip ? ddi_driver_name(dip) : "NULL");
		return DDI_FAILURE;
	}
	si = si_new(dip, si_pref_pri(preference));
	if (!si)
		return DDI_FAILURE;
	si->old_handler = int_handler;
	si->arg1 = int_handler_arg;
	if (iblock_cookiep)
		*iblock_cookiep = (ddi_iblock_cookie_t)DDI_INTR_PRI(si->pri);
	if (idevice_cookiep) {
		idevice_cookiep->idev_vector = 0;
		idevice_cookiep->idev_priority = si->pri;
	}
	*idp = si;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_add_softintr);

void ddi_remove_softintr(ddi_softintr_t id)
{
	if (id)
		si_free(id);
}
EXPORT_SYMBOL(ddi_remove_softintr);

void ddi_trigger_softintr(ddi_softintr_t id)
{
	if (id)
		(void)si_trigger(id, NULL);
}
EXPORT_SYMBOL(ddi_trigger_softintr);

int ddic_softint_init(void)
{
	si_wq = alloc_workqueue("ddi_softint", WQ_HIGHPRI, 0);
	return si_wq ? 0 : -ENOMEM;
}

void ddic_softint_fini(void)
{
	destroy_workqueue(si_wq);
}
