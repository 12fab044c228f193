/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/pci.h>: PCI configuration space offsets and bits, the "reg" and
 * "assigned-addresses" property layout (pci_regspec_t, IEEE 1275 PCI
 * binding), and pci_config_setup(9F) with its accessors.
 */
#ifndef _SYS_PCI_H
#define _SYS_PCI_H

#include <sys/types.h>
#include <sys/dditypes.h>

/* Configuration space header (type 0). */
#define PCI_CONF_VENID		0x00
#define PCI_CONF_DEVID		0x02
#define PCI_CONF_COMM		0x04
#define PCI_CONF_STAT		0x06
#define PCI_CONF_REVID		0x08
#define PCI_CONF_PROGCLASS	0x09
#define PCI_CONF_SUBCLASS	0x0a
#define PCI_CONF_BASCLASS	0x0b
#define PCI_CONF_CACHE_LINESZ	0x0c
#define PCI_CONF_LATENCY_TIMER	0x0d
#define PCI_CONF_HEADER		0x0e
#define PCI_CONF_BIST		0x0f
#define PCI_CONF_BASE0		0x10
#define PCI_CONF_BASE1		0x14
#define PCI_CONF_BASE2		0x18
#define PCI_CONF_BASE3		0x1c
#define PCI_CONF_BASE4		0x20
#define PCI_CONF_BASE5		0x24
#define PCI_CONF_CIS		0x28
#define PCI_CONF_SUBVENID	0x2c
#define PCI_CONF_SUBSYSID	0x2e
#define PCI_CONF_ROM		0x30
#define PCI_CONF_CAP_PTR	0x34
#define PCI_CONF_ILINE		0x3c
#define PCI_CONF_IPIN		0x3d
#define PCI_CONF_MIN_G		0x3e
#define PCI_CONF_MAX_L		0x3f

#define PCI_CONF_HDR_SIZE	256
#define PCIE_CONF_HDR_SIZE	4096

/* Command register. */
#define PCI_COMM_IO		0x0001
#define PCI_COMM_MAE		0x0002
#define PCI_COMM_ME		0x0004
#define PCI_COMM_SPEC_CYC	0x0008
#define PCI_COMM_MEMWR_INVAL	0x0010
#define PCI_COMM_PALETTE_SNOOP	0x0020
#define PCI_COMM_PARITY_DETECT	0x0040
#define PCI_COMM_WAIT_CYC_ENAB	0x0080
#define PCI_COMM_SERR_ENABLE	0x0100
#define PCI_COMM_BACK2BACK_ENAB	0x0200
#define PCI_COMM_INTX_DISABLE	0x0400

/* Status register. */
#define PCI_STAT_INTR		0x0008
#define PCI_STAT_CAP		0x0010
#define PCI_STAT_66MHZ		0x0020
#define PCI_STAT_FBBC		0x0080
#define PCI_STAT_S_PERROR	0x0100
#define PCI_STAT_S_TARG_AB	0x0800
#define PCI_STAT_R_TARG_AB	0x1000
#define PCI_STAT_R_MAST_AB	0x2000
#define PCI_STAT_S_SYSERR	0x4000
#define PCI_STAT_PERROR		0x8000

/* Header type. */
#define PCI_HEADER_MULTI	0x80
#define PCI_HEADER_TYPE_M	0x7f
#define PCI_HEADER_ZERO		0x00
#define PCI_HEADER_ONE		0x01
#define PCI_HEADER_PPB		PCI_HEADER_ONE

/* Base address registers. */
#define PCI_BASE_SPACE_M	0x00000001
#define PCI_BASE_SPACE_IO	0x1
#define PCI_BASE_SPACE_MEM	0x0
#define PCI_BASE_TYPE_M		0x00000006
#define PCI_BASE_TYPE_MEM	0x0
#define PCI_BASE_TYPE_ALL	0x4
#define PCI_BASE_PREF_M		0x00000008
#define PCI_BASE_M_ADDR_M	0xfffffff0
#define PCI_BASE_IO_ADDR_M	0xfffffffc

/* Capability list. */
#define PCI_CAP_ID		0x0
#define PCI_CAP_NEXT_PTR	0x1
#define PCI_CAP_ID_REGS_OFF	0x2
#define PCI_CAP_PTR_MASK	0xfc
#define PCI_CAP_NEXT_PTR_NULL	0x0
#define PCI_CAP_ID_PM		0x01
#define PCI_CAP_ID_AGP		0x02
#define PCI_CAP_ID_VPD		0x03
#define PCI_CAP_ID_SLOT_ID	0x04
#define PCI_CAP_ID_MSI		0x05
#define PCI_CAP_ID_cPCI_HS	0x06
#define PCI_CAP_ID_PCIX		0x07
#define PCI_CAP_ID_HT		0x08
#define PCI_CAP_ID_VS		0x09
#define PCI_CAP_ID_DEBUG_PORT	0x0a
#define PCI_CAP_ID_cPCI_CRC	0x0b
#define PCI_CAP_ID_PCI_HOTPLUG	0x0c
#define PCI_CAP_ID_P2P_SUBSYS	0x0d
#define PCI_CAP_ID_AGP_8X	0x0e
#define PCI_CAP_ID_SECURE_DEV	0x0f
#define PCI_CAP_ID_PCI_E	0x10
#define PCI_CAP_ID_MSI_X	0x11
#define PCI_CAP_ID_SATA		0x12
#define PCI_CAP_ID_FLR		0x13

#define PCI_CAP_EINVAL8		0xff
#define PCI_CAP_EINVAL16	0xffff
#define PCI_CAP_EINVAL32	0xffffffff

/* What pci_config_get8/16/32(9F) return for a read that failed. */
#define PCI_EINVAL8		0xff
#define PCI_EINVAL16		0xffff
#define PCI_EINVAL32		0xffffffff

/* Base classes (class-code bits 23:16). */
#define PCI_CLASS_NONE		0x00
#define PCI_CLASS_MASS		0x01
#define PCI_CLASS_NET		0x02
#define PCI_CLASS_DISPLAY	0x03
#define PCI_CLASS_MM		0x04
#define PCI_CLASS_MEM		0x05
#define PCI_CLASS_BRIDGE	0x06
#define PCI_CLASS_COMM		0x07
#define PCI_CLASS_PERIPH	0x08
#define PCI_CLASS_SERIALBUS	0x0c

/*
 * One entry of "reg" or "assigned-addresses" (IEEE 1275 PCI binding):
 * pci_phys_hi is npt000ss bbbbbbbb dddddfff rrrrrrrr (n: not
 * relocatable, p: prefetchable, t: aliased, ss: space, b: bus, d:
 * device, f: function, r: the register's config offset); mid and low
 * the address (0 in "reg", the assigned address in
 * "assigned-addresses"); size_hi and size_low the size.
 */
struct pci_phys_spec {
	uint_t pci_phys_hi;
	uint_t pci_phys_mid;
	uint_t pci_phys_low;
	uint_t pci_size_hi;
	uint_t pci_size_low;
};
typedef struct pci_phys_spec pci_regspec_t;

#define PCI_REG_REG_M		0x000000ff
#define PCI_REG_FUNC_M		0x00000700
#define PCI_REG_DEV_M		0x0000f800
#define PCI_REG_BUS_M		0x00ff0000
#define PCI_REG_ADDR_M		0x03000000
#define PCI_REG_ALIAS_M		0x20000000
#define PCI_REG_PF_M		0x40000000
#define PCI_REG_REL_M		0x80000000

#define PCI_REG_REG_G(x)	((x) & PCI_REG_REG_M)
#define PCI_REG_FUNC_G(x)	(((x) & PCI_REG_FUNC_M) >> 8)
#define PCI_REG_DEV_G(x)	(((x) & PCI_REG_DEV_M) >> 11)
#define PCI_REG_BUS_G(x)	(((x) & PCI_REG_BUS_M) >> 16)
#define PCI_REG_ADDR_G(x)	(((x) & PCI_REG_ADDR_M) >> 24)

#define PCI_ADDR_MASK		PCI_REG_ADDR_M
#define PCI_ADDR_CONFIG		0x00000000
#define PCI_ADDR_IO		0x01000000
#define PCI_ADDR_MEM32		0x02000000
#define PCI_ADDR_MEM64		0x03000000
#define PCI_ALIAS_B		PCI_REG_ALIAS_M
#define PCI_PREFETCH_B		PCI_REG_PF_M
#define PCI_RELOCAT_B		PCI_REG_REL_M

#define PCI_REG_ADDR_CONFIG	0x0
#define PCI_REG_ADDR_IO		0x1
#define PCI_REG_ADDR_MEM32	0x2
#define PCI_REG_ADDR_MEM64	0x3

/* pci_config_setup(9F) and the configuration space accessors. */
int pci_config_setup(dev_info_t *dip, ddi_acc_handle_t *handle);
void pci_config_teardown(ddi_acc_handle_t *handle);
uint8_t pci_config_get8(ddi_acc_handle_t handle, off_t offset);
uint16_t pci_config_get16(ddi_acc_handle_t handle, off_t offset);
uint32_t pci_config_get32(ddi_acc_handle_t handle, off_t offset);
uint64_t pci_config_get64(ddi_acc_handle_t handle, off_t offset);
void pci_config_put8(ddi_acc_handle_t handle, off_t offset, uint8_t value);
void pci_config_put16(ddi_acc_handle_t handle, off_t offset, uint16_t value);
void pci_config_put32(ddi_acc_handle_t handle, off_t offset, uint32_t value);
void pci_config_put64(ddi_acc_handle_t handle, off_t offset, uint64_t value);

#endif /* _SYS_PCI_H */
