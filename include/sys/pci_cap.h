/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/pci_cap.h>: walking a function's capability lists through its
 * configuration space handle (pci_config_setup(9F)).  An id with
 * PCI_CAP_XCFG_FLAG set names an extended (PCI Express) capability.
 */
#ifndef _SYS_PCI_CAP_H
#define _SYS_PCI_CAP_H

#include <sys/types.h>
#include <sys/dditypes.h>
#include <sys/pci.h>

#define PCI_CAP_XCFG_FLAG_SHIFT	31
#define PCI_CAP_XCFG_FLAG	(1u << PCI_CAP_XCFG_FLAG_SHIFT)
#define PCI_CAP_XID_MASK	0xffff
#define PCI_CAP_ID_MASK		0xff
#define PCI_CAP_XCFG_SPC(i)	((i) ? (i) | PCI_CAP_XCFG_FLAG : 0)

typedef enum {
	PCI_CAP_CFGSZ_8 = 0,
	PCI_CAP_CFGSZ_16 = 1,
	PCI_CAP_CFGSZ_32 = 2
} pci_config_size_t;

int pci_lcap_locate(ddi_acc_handle_t h, uint8_t id, uint16_t *base_p);
int pci_xcap_locate(ddi_acc_handle_t h, uint16_t id, uint16_t *base_p);
int pci_cap_probe(ddi_acc_handle_t h, uint16_t index, uint32_t *capidp,
		  uint16_t *base_p);
uint32_t pci_cap_get(ddi_acc_handle_t h, pci_config_size_t size,
		     uint32_t id, uint16_t base, uint16_t offset);
int pci_cap_put(ddi_acc_handle_t h, pci_config_size_t size, uint32_t id,
		uint16_t base, uint16_t offset, uint32_t data);

#define PCI_CAP_LOCATE(h, id, base_p) ((id) & PCI_CAP_XCFG_FLAG ?	\
	pci_xcap_locate((h), (uint16_t)((id) & PCI_CAP_XID_MASK), (base_p)) : \
	pci_lcap_locate((h), (uint8_t)((id) & PCI_CAP_ID_MASK), (base_p)))

#define PCI_CAP_GET8(h, i, b, o)	((uint8_t)pci_cap_get((h), PCI_CAP_CFGSZ_8, (i), (b), (o)))
#define PCI_CAP_GET16(h, i, b, o)	((uint16_t)pci_cap_get((h), PCI_CAP_CFGSZ_16, (i), (b), (o)))
#define PCI_CAP_GET32(h, i, b, o)	((uint32_t)pci_cap_get((h), PCI_CAP_CFGSZ_32, (i), (b), (o)))
#define PCI_CAP_PUT8(h, i, b, o, d)	pci_cap_put((h), PCI_CAP_CFGSZ_8, (i), (b), (o), (d))
#define PCI_CAP_PUT16(h, i, b, o, d)	pci_cap_put((h), PCI_CAP_CFGSZ_16, (i), (b), (o), (d))
#define PCI_CAP_PUT32(h, i, b, o, d)	pci_cap_put((h), PCI_CAP_CFGSZ_32, (i), (b), (o), (d))
#define PCI_XCAP_GET8(h, i, b, o)	PCI_CAP_GET8((h), PCI_CAP_XCFG_SPC(i), (b), (o))
#define PCI_XCAP_GET16(h, i, b, o)	PCI_CAP_GET16((h), PCI_CAP_XCFG_SPC(i), (b), (o))
#define PCI_XCAP_GET32(h, i, b, o)	PCI_CAP_GET32((h), PCI_CAP_XCFG_SPC(i), (b), (o))
#define PCI_XCAP_PUT8(h, i, b, o, d)	PCI_CAP_PUT8((h), PCI_CAP_XCFG_SPC(i), (b), (o), (d))
#define PCI_XCAP_PUT16(h, i, b, o, d)	PCI_CAP_PUT16((h), PCI_CAP_XCFG_SPC(i), (b), (o), (d))
#define PCI_XCAP_PUT32(h, i, b, o, d)	PCI_CAP_PUT32((h), PCI_CAP_XCFG_SPC(i), (b), (o), (d))

#endif /* _SYS_PCI_CAP_H */
