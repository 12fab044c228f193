// SPDX-License-Identifier: GPL-2.0
/*
 * Hardware interrupts of PCI nodes: ddi_intr_get_supported_types(9F),
 * ddi_intr_get_nintrs(9F), ddi_intr_get_navail(9F), ddi_intr_alloc(9F),
 * ddi_intr_free(9F), the capability and priority calls, the handler
 * calls, enable/disable (also by block), masks, pending, and the old
 * interface (ddi_add_intr(9F), ddi_remove_intr(9F),
 * ddi_get_iblock_cookie(9F), ddi_intr_hilevel(9F), ddi_dev_nintrs(9F)).
 *
 * The priority model (see docs/departures.md, "Interrupts"): every
 * handler runs threaded, in the interrupt's kernel thread (Linux's
 * request_threaded_irq() with the default primary handler and
 * IRQF_ONESHOT, so a level-triggered line stays masked until the
 * handler returns).  A handler may therefore take any kmutex_t, whatever
 * priority it was initialised with (DDI_INTR_PRI(pri) or an iblock
 * cookie), use condition variables and trigger soft interrupts, as a
 * Solaris handler below LOCK_LEVEL may, and lockdep sees one kind of
 * lock.  The priority a driver reads or sets is recorded and reported;
 * it orders nothing.  DDI_INTR_CLAIMED is IRQ_HANDLED, UNCLAIMED
 * IRQ_NONE (a shared FIXED line tries its other handlers).
 *
 * Vectors: a node holds interrupts of one type at a time, as on
 * illumos; its Linux vectors (pci_alloc_irq_vectors()) are allocated by
 * the first ddi_intr_alloc and freed with the last handle.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/interrupt.h>
#include <linux/irq.h>
#include <linux/slab.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/ddi_intr.h>

#include "devinfo.h"
#include "ddic_pci.h"

#ifdef PCI_IRQ_INTX
#define IN_PCI_IRQ_FIXED	PCI_IRQ_INTX
#else
#define IN_PCI_IRQ_FIXED	(1 << 0)	/* 6.1 names it ..._LEGACY */
#endif

/* Below LOCK_LEVEL (10), as most Solaris device interrupts are. */
#define IN_DEFAULT_PRI	5
#define IN_LOCK_LEVEL	10

static const char *in_drv(struct ddic_intr *ih)
{
	return ih->pn->dip->drv->name;
}

static int in_inst(struct ddic_intr *ih)
{
	return ih->pn->dip->instance;
}

static int in_nintrs(struct ddic_pcinode *pn, int type)
{
	struct pci_dev *pdev = pn->pdev;
	int n;

	switch (type) {
	case DDI_INTR_TYPE_FIXED:
		return pdev->pin && pdev->irq ? 1 : 0;
	case DDI_INTR_TYPE_MSI:
		if (!pci_msi_enabled() || !pdev->msi_cap)
			return 0;
		n = pci_msi_vec_count(pdev);
		return n > 0 ? n : 0;
	case DDI_INTR_TYPE_MSIX:
		if (!pci_msi_enabled() || !pdev->msix_cap)
			return 0;
		n = pci_msix_vec_count(pdev);
		return n > 0 ? n : 0;
	}
	return 0;
}

int ddi_intr_get_supported_types(dev_info_t *dip, int *typesp)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip,
						"ddi_intr_get_supported_types");
	int t = 0;

	if (!pn || !typesp)
		return DDI_EINVAL;
	if (in_nintrs(pn, DDI_INTR_TYPE_FIXED))
		t |= DDI_INTR_TYPE_FIXED;
	if (in_nintrs(pn, DDI_INTR_TYPE_MSI))
		t |= DDI_INTR_TYPE_MSI;
	if (in_nintrs(pn, DDI_INTR_TYPE_MSIX))
		t |= DDI_INTR_TYPE_MSIX;
	*typesp = t;
	return t ? DDI_SUCCESS : DDI_INTR_NOTFOUND;
}
EXPORT_SYMBOL(ddi_intr_get_supported_types);

int ddi_intr_get_nintrs(dev_info_t *dip, int type, int *nintrsp)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_intr_get_nintrs");

	if (!pn || !nintrsp)
		return DDI_EINVAL;
	*nintrsp = in_nintrs(pn, type);
	return *nintrsp ? DDI_SUCCESS : DDI_INTR_NOTFOUND;
}
EXPORT_SYMBOL(ddi_intr_get_nintrs);

/* Available: all of them, unless the node holds another type. */
int ddi_intr_get_navail(dev_info_t *dip, int type, int *navailp)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_intr_get_navail");
	int n;

	if (!pn || !navailp)
		return DDI_EINVAL;
	n = in_nintrs(pn, type);
	mutex_lock(&pn->lock);
	if (pn->intr_nhandles && pn->intr_type != type)
		n = 0;
	mutex_unlock(&pn->lock);
	*navailp = n;
	return n ? DDI_SUCCESS : DDI_INTR_NOTFOUND;
}
EXPORT_SYMBOL(ddi_intr_get_navail);

int ddi_intr_alloc(dev_info_t *dip, ddi_intr_handle_t *h_array, int type,
		   int inum, int count, int *actualp, int behavior)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_intr_alloc");
	struct ddic_intr *ih;
	const char *why = NULL;
	int n, i, nvec, flag;

	if (!pn)
		return DDI_EINVAL;
	n = in_nintrs(pn, type);
	if (!h_array || !actualp || count < 1 || inum < 0 ||
	    (behavior != DDI_INTR_ALLOC_NORMAL &&
	     behavior != DDI_INTR_ALLOC_STRICT))
		why = "bad argument";
	else if (!n)
		why = "interrupt type not supported by the device";
	else if (inum >= n)
		why = "inum beyond the device's interrupts";
	if (why) {
		pr_warn("%s%d: %s(type %#x, inum %d, count %d): %s\n",
			dip->drv->name, dip->instance, __func__, type, inum, count, why);
		return DDI_EINVAL;
	}
	*actualp = 0;
	if (count > n - inum) {
		if (behavior == DDI_INTR_ALLOC_STRICT)
			return DDI_EAGAIN;
		count = n - inum;
	}
	mutex_lock(&pn->lock);
	if (pn->intr_nhandles && pn->intr_type != type) {
		mutex_unlock(&pn->lock);
		pr_warn("%s%d: %s: the node already holds interrupts of type %#x\n",
			dip->drv->name, dip->instance, __func__, pn->intr_type);
		return DDI_EINVAL;
	}
	if (!pn->intr_nvec) {
		flag = type == DDI_INTR_TYPE_FIXED ? IN_PCI_IRQ_FIXED :
		       type == DDI_INTR_TYPE_MSI ? PCI_IRQ_MSI : PCI_IRQ_MSIX;
		nvec = pci_alloc_irq_vectors(pn->pdev,
					     behavior == DDI_INTR_ALLOC_STRICT ?
					     inum + count : inum + 1,
					     inum + count, flag);
		if (nvec < 0) {
			mutex_unlock(&pn->lock);
			return DDI_EAGAIN;
		}
		pn->intr_nvec = nvec;
		pn->intr_type = type;
	}
	if (inum + count > pn->intr_nvec) {
		if (behavior == DDI_INTR_ALLOC_STRICT ||
		    inum >= pn->intr_nvec) {
			mutex_unlock(&pn->lock);
			if (!pn->intr_nhandles) {
				pci_free_irq_vectors(pn->pdev);
				pn->intr_nvec = 0;
			}
			return DDI_EAGAIN;
		}
		count = pn->intr_nvec - inum;
	}
	for (i = 0; i < count; i++) {
		ih = kzalloc(sizeof(*ih), GFP_KERNEL);
		if (!ih)
			break;
		ih->pn = pn;
		ih->type = type;
		ih->inum = inum + i;
		ih->irq = pci_irq_vector(pn->pdev, inum + i);
		ih->pri = IN_DEFAULT_PRI;
		snprintf(ih->name, sizeof(ih->name), "%s%d", dip->drv->name,
			 dip->instance);
		list_add_tail(&ih->link, &pn->intrs);
		pn->intr_nhandles++;
		h_array[i] = (ddi_intr_handle_t)ih;
	}
	if (!pn->intr_nhandles) {
		pci_free_irq_vectors(pn->pdev);
		pn->intr_nvec = 0;
	}
	mutex_unlock(&pn->lock);
	*actualp = i;
	return i ? DDI_SUCCESS : DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_intr_alloc);

static struct ddic_intr *in_handle(ddi_intr_handle_t h, const char *call)
{
	if (!h)
		pr_warn("%s: NULL interrupt handle\n", call);
	return (struct ddic_intr *)h;
}

static void in_release(struct ddic_intr *ih)
{
	struct ddic_pcinode *pn = ih->pn;

	mutex_lock(&pn->lock);
	list_del(&ih->link);
	if (!--pn->intr_nhandles) {
		pci_free_irq_vectors(pn->pdev);
		pn->intr_nvec = 0;
	}
	mutex_unlock(&pn->lock);
	kfree(ih);
}

int ddi_intr_free(ddi_intr_handle_t h)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_free");

	if (!ih)
		return DDI_EINVAL;
	if (ih->enabled) {
		pr_warn("%s%d: %s: interrupt %d still enabled; refused\n",
			in_drv(ih), in_inst(ih), __func__, ih->inum);
		return DDI_EINVAL;
	}
	in_release(ih);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_free);

int ddi_intr_get_cap(ddi_intr_handle_t h, int *flagsp)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_get_cap");

	if (!ih || !flagsp)
		return DDI_EINVAL;
	switch (ih->type) {
	case DDI_INTR_TYPE_FIXED:
		*flagsp = DDI_INTR_FLAG_LEVEL | DDI_INTR_FLAG_MASKABLE |
			  DDI_INTR_FLAG_PENDING;
		break;
	case DDI_INTR_TYPE_MSI:
		*flagsp = DDI_INTR_FLAG_EDGE | DDI_INTR_FLAG_MASKABLE |
			  (ih->pn->intr_nvec > 1 ? DDI_INTR_FLAG_BLOCK : 0);
		break;
	default:
		*flagsp = DDI_INTR_FLAG_EDGE | DDI_INTR_FLAG_MASKABLE |
			  DDI_INTR_FLAG_PENDING;
		break;
	}
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_get_cap);

/* The trigger mode is the bus's: only the current one can be "set". */
int ddi_intr_set_cap(ddi_intr_handle_t h, int flags)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_set_cap");
	int cur;

	if (!ih)
		return DDI_EINVAL;
	ddi_intr_get_cap(h, &cur);
	if ((flags & (DDI_INTR_FLAG_LEVEL | DDI_INTR_FLAG_EDGE)) !=
	    (cur & (DDI_INTR_FLAG_LEVEL | DDI_INTR_FLAG_EDGE)))
		return DDI_ENOTSUP;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_set_cap);

uint_t ddi_intr_get_hilevel_pri(void)
{
	return IN_LOCK_LEVEL;
}
EXPORT_SYMBOL(ddi_intr_get_hilevel_pri);

int ddi_intr_get_pri(ddi_intr_handle_t h, uint_t *prip)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_get_pri");

	if (!ih || !prip)
		return DDI_EINVAL;
	*prip = ih->pri;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_get_pri);

int ddi_intr_set_pri(ddi_intr_handle_t h, uint_t pri)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_set_pri");

	if (!ih || pri < DDI_INTR_PRI_MIN || pri > DDI_INTR_PRI_MAX)
		return DDI_EINVAL;
	if (ih->handler || ih->legacy)
		return DDI_EINVAL;	/* only before ddi_intr_add_handler */
	ih->pri = pri;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_set_pri);

int ddi_intr_add_handler(ddi_intr_handle_t h, ddi_intr_handler_t inthandler,
			 void *arg1, void *arg2)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_add_handler");

	if (!ih || !inthandler)
		return DDI_EINVAL;
	if (ih->handler || ih->legacy) {
		pr_warn("%s%d: %s: interrupt %d has a handler\n",
			in_drv(ih), in_inst(ih), __func__, ih->inum);
		return DDI_EINVAL;
	}
	ih->handler = inthandler;
	ih->arg1 = arg1;
	ih->arg2 = arg2;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_add_handler);

int ddi_intr_dup_handler(ddi_intr_handle_t org, int vector,
			 ddi_intr_handle_t *dup)
{
	return DDI_ENOTSUP;
}
EXPORT_SYMBOL(ddi_intr_dup_handler);

int ddi_intr_remove_handler(ddi_intr_handle_t h)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_remove_handler");

	if (!ih)
		return DDI_EINVAL;
	if (ih->enabled) {
		pr_warn("%s%d: %s: interrupt %d still enabled; refused\n",
			in_drv(ih), in_inst(ih), __func__, ih->inum);
		return DDI_EINVAL;
	}
	ih->handler = NULL;
	ih->legacy = NULL;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_remove_handler);

/* The interrupt's thread: the driver's handler. */
static irqreturn_t in_thread(int irq, void *data)
{
	struct ddic_intr *ih = data;
	uint_t r;

	if (ih->legacy)
		r = ih->legacy(ih->arg1);
	else
		r = ih->handler(ih->arg1, ih->arg2);
	return r == DDI_INTR_CLAIMED ? IRQ_HANDLED : IRQ_NONE;
}

int ddi_intr_enable(ddi_intr_handle_t h)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_enable");
	unsigned long flags = IRQF_ONESHOT;
	int err;

	if (!ih)
		return DDI_EINVAL;
	if (ih->enabled)
		return DDI_SUCCESS;
	if (!ih->handler && !ih->legacy) {
		pr_warn("%s%d: %s: interrupt %d has no handler\n",
			in_drv(ih), in_inst(ih), __func__, ih->inum);
		return DDI_EINVAL;
	}
	if (ih->type == DDI_INTR_TYPE_FIXED)
		flags |= IRQF_SHARED;
	err = request_threaded_irq(ih->irq, NULL, in_thread, flags, ih->name,
				   ih);
	if (err) {
		pr_warn("%s%d: %s: IRQ %u: %d (a shared line whose other handler is not threaded?)\n",
			in_drv(ih), in_inst(ih), __func__, ih->irq, err);
		return DDI_FAILURE;
	}
	ih->enabled = true;
	ih->masked = false;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_enable);

/* Returns once no handler of the interrupt runs (free_irq waits). */
int ddi_intr_disable(ddi_intr_handle_t h)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_disable");

	if (!ih)
		return DDI_EINVAL;
	if (!ih->enabled)
		return DDI_SUCCESS;
	if (ih->masked)
		enable_irq(ih->irq);
	ih->masked = false;
	free_irq(ih->irq, ih);
	ih->enabled = false;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_disable);

int ddi_intr_block_enable(ddi_intr_handle_t *h_array, int count)
{
	int i, r;

	if (!h_array || count < 1)
		return DDI_EINVAL;
	for (i = 0; i < count; i++) {
		r = ddi_intr_enable(h_array[i]);
		if (r != DDI_SUCCESS) {
			while (--i >= 0)
				ddi_intr_disable(h_array[i]);
			return r;
		}
	}
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_block_enable);

int ddi_intr_block_disable(ddi_intr_handle_t *h_array, int count)
{
	int i;

	if (!h_array || count < 1)
		return DDI_EINVAL;
	for (i = 0; i < count; i++)
		ddi_intr_disable(h_array[i]);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_block_disable);

int ddi_intr_set_mask(ddi_intr_handle_t h)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_set_mask");

	if (!ih || !ih->enabled)
		return DDI_EINVAL;
	if (!ih->masked)
		disable_irq_nosync(ih->irq);
	ih->masked = true;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_set_mask);

int ddi_intr_clr_mask(ddi_intr_handle_t h)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_clr_mask");

	if (!ih || !ih->enabled)
		return DDI_EINVAL;
	if (ih->masked)
		enable_irq(ih->irq);
	ih->masked = false;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_clr_mask);

int ddi_intr_get_pending(ddi_intr_handle_t h, int *pendingp)
{
	struct ddic_intr *ih = in_handle(h, "ddi_intr_get_pending");
	bool state = false;

	if (!ih || !pendingp)
		return DDI_EINVAL;
	if (!ih->enabled ||
	    irq_get_irqchip_state(ih->irq, IRQCHIP_STATE_PENDING, &state))
		return DDI_ENOTSUP;
	*pendingp = state;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_intr_get_pending);

/* --- the old interface: one FIXED interrupt --- */

int ddi_intr_hilevel(dev_info_t *dip, uint_t inumber)
{
	return 0;	/* handlers run threaded: never above LOCK_LEVEL */
}
EXPORT_SYMBOL(ddi_intr_hilevel);

int ddi_dev_nintrs(dev_info_t *dip, int *resultp)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_dev_nintrs");

	if (!pn || !resultp)
		return DDI_FAILURE;
	*resultp = in_nintrs(pn, DDI_INTR_TYPE_FIXED);
	return *resultp ? DDI_SUCCESS : DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_dev_nintrs);

int ddi_get_iblock_cookie(dev_info_t *dip, uint_t inumber,
			  ddi_iblock_cookie_t *iblock_cookiep)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_get_iblock_cookie");

	if (!pn || !iblock_cookiep)
		return DDI_FAILURE;
	if (inumber >= in_nintrs(pn, DDI_INTR_TYPE_FIXED))
		return DDI_INTR_NOTFOUND;
	*iblock_cookiep = (ddi_iblock_cookie_t)DDI_INTR_PRI(IN_DEFAULT_PRI);
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_get_iblock_cookie);

int ddi_add_intr(dev_info_t *dip, uint_t inumber,
		 ddi_iblock_cookie_t *iblock_cookiep,
		 ddi_idevice_cookie_t *idevice_cookiep,
		 uint_t (*int_handler)(caddr_t int_handler_arg),
		 caddr_t int_handler_arg)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_add_intr");
	ddi_intr_handle_t h;
	struct ddic_intr *ih;
	int actual;

	if (!pn || !int_handler)
		return DDI_FAILURE;
	if (inumber >= in_nintrs(pn, DDI_INTR_TYPE_FIXED))
		return DDI_INTR_NOTFOUND;
	if (ddi_intr_alloc(dip, &h, DDI_INTR_TYPE_FIXED, inumber, 1, &actual,
			   DDI_INTR_ALLOC_STRICT) != DDI_SUCCESS)
		return DDI_FAILURE;
	ih = (struct ddic_intr *)h;
	ih->legacy = int_handler;
	ih->arg1 = int_handler_arg;
	if (ddi_intr_enable(h) != DDI_SUCCESS) {
		ih->legacy = NULL;
		in_release(ih);
		return DDI_FAILURE;
	}
	if (iblock_cookiep)
		*iblock_cookiep = (ddi_iblock_cookie_t)DDI_INTR_PRI(ih->pri);
	if (idevice_cookiep) {
		idevice_cookiep->idev_vector = ih->irq;
		idevice_cookiep->idev_priority = ih->pri;
	}
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_add_intr);

void ddi_remove_intr(dev_info_t *dip, uint_t inumber,
		     ddi_iblock_cookie_t iblock_cookie)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_remove_intr");
	struct ddic_intr *ih, *found = NULL;

	if (!pn)
		return;
	mutex_lock(&pn->lock);
	list_for_each_entry(ih, &pn->intrs, link)
		if (ih->legacy && ih->inum == inumber)
			found = ih;
	mutex_unlock(&pn->lock);
	if (!found) {
		pr_warn("%s%d: %s: no interrupt %u added\n",
			dip->drv->name, dip->instance, __func__, inumber);
		return;
	}
	ddi_intr_disable((ddi_intr_handle_t)found);
	in_release(found);
}
EXPORT_SYMBOL(ddi_remove_intr);

/* The node goes: what its driver left enabled or allocated. */
void ddic_intr_node_gone(struct ddic_pcinode *pn)
{
	struct ddic_intr *ih, *tmp;

	list_for_each_entry_safe(ih, tmp, &pn->intrs, link) {
		pr_warn("%s%d: interrupt %d left %s by the driver; freed\n",
			in_drv(ih), in_inst(ih), ih->inum,
			ih->enabled ? "enabled" : "allocated");
		ddi_intr_disable((ddi_intr_handle_t)ih);
		in_release(ih);
	}
}
