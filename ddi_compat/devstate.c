// SPDX-License-Identifier: GPL-2.0
/*
 * ddi_enter_critical(9F), ddi_exit_critical(9F), ddi_slaveonly(9F),
 * biosize(9F), ddi_mmap_get_model(9F).
 */
#include <linux/irqflags.h>
#include <sys/types.h>
#include <sys/model.h>
#include <sys/buf.h>
#include <sys/sunddi.h>

#include "devinfo.h"

/*
 * The critical region is the local CPU with interrupts off (which also
 * keeps the thread from being preempted); the cookie is the saved flags,
 * which on x86 fit in 32 bits (the interrupt flag is bit 9).
 */
unsigned int ddi_enter_critical(void)
{
	unsigned long flags;

	local_irq_save(flags);
	return (unsigned int)flags;
}
EXPORT_SYMBOL(ddi_enter_critical);

void ddi_exit_critical(unsigned int ddic)
{
	local_irq_restore((unsigned long)ddic);
}
EXPORT_SYMBOL(ddi_exit_critical);

/*
 * DDI_SUCCESS: the device may not be a DMA master.  A pseudo node sits on
 * no bus; a PCI function may master the bus (DDI_FAILURE).
 */
int ddi_slaveonly(dev_info_t *dip)
{
	return dip && dip->pci ? DDI_FAILURE : DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_slaveonly);

int biosize(void)
{
	return sizeof(struct buf);
}
EXPORT_SYMBOL(biosize);

/* The data model of the process calling mmap(9E). */
model_t ddi_mmap_get_model(void)
{
	return ddic_model_current();
}
EXPORT_SYMBOL(ddi_mmap_get_model);
