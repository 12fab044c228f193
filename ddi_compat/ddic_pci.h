/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: PCI functions as Solaris nodes.  pci.c binds
 * them (aliases, instance numbers, the nexus, the properties), pcicfg.c
 * gives configuration space access and the capability walk, regacc.c
 * the register mappings and accessors, intr.c the hardware interrupts.
 *
 * Locking: pn->lock guards the node's lists of access handles and
 * interrupt handles; it is never held across a driver's code or a
 * register access.
 */
#ifndef _DDIC_PCI_H
#define _DDIC_PCI_H

#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/pci.h>
#include <sys/types.h>
#include <sys/ddi_intr.h>

#include "devinfo.h"

struct dev_info;

/* One "reg" entry: 0 is configuration space, then one per BAR. */
struct ddic_pcireg {
	u32 hi;				/* pci_phys_hi as "reg" has it */
	u64 addr;			/* the assigned address */
	u64 size;
	int bar;			/* -1 for configuration space */
};

#define DDIC_PCI_NREGS	(PCI_STD_NUM_BARS + 1)

struct ddic_pcinode {
	struct pci_dev *pdev;
	struct dev_info *dip;
	char name[32];			/* node name: pciVVVV,DDDD */
	char path[64];			/* pci@0,0!<name>@<unit> */
	struct list_head props;		/* struct ddic_prop: the system props */
	int nregs;
	struct ddic_pcireg regs[DDIC_PCI_NREGS];
	struct mutex lock;
	struct list_head accs;		/* struct ddic_acc */
	struct list_head intrs;		/* struct ddic_intr */
	int intr_type;			/* type of the vectors allocated */
	int intr_nvec;			/* vectors allocated (Linux) */
	int intr_nhandles;		/* handles holding them */
	bool regions;			/* pci_request_regions done */
	struct list_head dmas;		/* struct ddic_dma (dma.c's lock) */
	struct list_head dmamems;	/* struct ddic_dmamem (dma.c's lock) */
	unsigned long dmamem_span[2];	/* lowest and end address of those */
};

/* An access handle (ddi_acc_handle_t): a mapping or configuration space. */
enum { DDIC_ACC_MEM, DDIC_ACC_IO, DDIC_ACC_CFG, DDIC_ACC_DMA };

struct ddic_acc {
	unsigned long base;		/* what the driver's addresses start at */
	unsigned long plain[4];		/* <ddi_compat/acc.h>; ddic_acc_plain_set */
	unsigned long len;
	u8 kind;			/* DDIC_ACC_* */
	u8 swap;			/* DDI_STRUCTURE_BE_ACC: byte-swap */
	u8 attr_access;
	void __iomem *map;		/* pci_iomap's cookie (MEM, IO) */
	struct ddic_pcinode *pn;
	struct list_head link;		/* in pn->accs */
	unsigned int rnumber;
	const char *what;		/* "ddi_regs_map_setup"/"pci_config_setup" */
};

/* Fill a->plain from a->kind, a->swap and a->len (regacc.c). */
void ddic_acc_plain_set(struct ddic_acc *a);

/* A hardware interrupt handle (ddi_intr_handle_t). */
struct ddic_intr {
	struct list_head link;		/* in pn->intrs */
	struct ddic_pcinode *pn;
	int type, inum;
	unsigned int irq;
	uint_t pri;
	ddi_intr_handler_t *handler;
	void *arg1, *arg2;
	uint_t (*legacy)(caddr_t arg);	/* ddi_add_intr(9F)'s handler */
	bool enabled, masked;
	char name[DDIC_NAME_MAX + 12];
};

/* pci.c: what the KUnit suite sees (pure functions). */
int ddic_pci_compat_names(u16 ven, u16 dev, u16 sven, u16 sdev, u8 rev,
			  u32 cls, bool pcie, char *buf, size_t len);
int ddic_pci_alias_rank(const char *names, int nnames, const char *alias);
void ddic_pci_reg_encode(u32 bus, u32 devfn, int bar, unsigned long flags,
			 u64 start, u64 size, bool assigned, u32 out[5]);

/* regacc.c: the warning for a bad access, once per handle and call. */
void ddic_acc_warn(struct ddic_acc *a, const char *call, const char *why,
		   unsigned long off);

/* pcicfg.c: configuration space reads and writes by handle. */
u64 ddic_cfg_read(struct ddic_acc *a, unsigned long off, int size);
void ddic_cfg_write(struct ddic_acc *a, unsigned long off, int size, u64 v);

/* intr.c: interrupts a detached or removed node left behind. */
void ddic_intr_node_gone(struct ddic_pcinode *pn);

/* dma.c: DMA handles and memory a detached or removed node left behind. */
void ddic_dma_node_gone(struct ddic_pcinode *pn);

/*
 * Whether the function is offline: Linux's error recovery took it, or it
 * is gone (fm.c's handle status, ddi_check_acc/dma_handle).
 */
static inline bool ddic_pci_offline(const struct ddic_pcinode *pn)
{
	return pn && pn->pdev && pci_channel_offline(pn->pdev);
}

/* The node's PCI state, or NULL (with a warning naming @call). */
static inline struct ddic_pcinode *ddic_pci_node(struct dev_info *dip,
						 const char *call)
{
	if (likely(dip && dip->pci))
		return dip->pci;
	if (dip)
		pr_warn("%s%d: %s: not a PCI device's node\n", dip->drv->name,
			dip->instance, call);
	else
		pr_warn("%s: no dev_info_t\n", call);
	return NULL;
}

#endif /* _DDIC_PCI_H */
