// SPDX-License-Identifier: GPL-2.0
/*
 * Device registers: ddi_regs_map_setup(9F)/ddi_regs_map_free(9F) by
 * register number into the node's "reg" property, ddi_dev_nregs(9F),
 * ddi_dev_regsize(9F), the accessors ddi_get8(9F)..ddi_put64(9F) and
 * ddi_rep_get8(9F)..ddi_rep_put64(9F) (the ddi_io_* and ddi_mem_* forms
 * are macros over them), ddi_check_acc_handle(9F), ddi_peek8(9F) and
 * ddi_poke8(9F) and their widths.
 *
 * Register set 0 is configuration space (its accesses go to pci.c's
 * configuration reads and writes), the others the BARs in order, memory
 * or I/O space.  The mapping honours ddi_device_acc_attr_t: a
 * DDI_STRUCTURE_BE_ACC handle swaps bytes (the host is little-endian);
 * DDI_MERGING_OK_ACC and the caching orders map write-combined; the
 * others map uncached (strict order).
 *
 * Every access checks that the address lies inside the mapping (one
 * subtraction and two compares: the hot path stays a few instructions
 * around readl/writel).  An access outside it, or through a NULL handle,
 * is refused with a warning naming the driver, the call and the offset:
 * a read gives all ones, a write does nothing.
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/io.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/pci.h>

#include "devinfo.h"
#include "ddic_pci.h"

int ddi_dev_nregs(dev_info_t *dip, int *resultp)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_dev_nregs");

	if (!pn || !resultp)
		return DDI_FAILURE;
	*resultp = pn->nregs;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dev_nregs);

int ddi_dev_regsize(dev_info_t *dip, uint_t rnumber, off_t *resultp)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_dev_regsize");

	if (!pn || !resultp)
		return DDI_FAILURE;
	if (rnumber >= pn->nregs) {
		pr_warn("%s%d: ddi_dev_regsize: no register set %u (the node has %d)\n",
			dip->drv->name, dip->instance, rnumber, pn->nregs);
		return DDI_FAILURE;
	}
	*resultp = pn->regs[rnumber].size;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dev_regsize);

static bool rgm_attr_ok(const ddi_device_acc_attr_t *attr)
{
	return (attr->devacc_attr_version == DDI_DEVICE_ATTR_V0 ||
		attr->devacc_attr_version == DDI_DEVICE_ATTR_V1) &&
	       attr->devacc_attr_endian_flags <= DDI_STRUCTURE_BE_ACC &&
	       attr->devacc_attr_dataorder <= DDI_STORECACHING_OK_ACC;
}

int ddi_regs_map_setup(dev_info_t *dip, uint_t rnumber, caddr_t *addrp,
		       offset_t offset, offset_t len,
		       const ddi_device_acc_attr_t *accattrp,
		       ddi_acc_handle_t *handlep)
{
	struct ddic_pcinode *pn = ddic_pci_node(dip, "ddi_regs_map_setup");
	const char *why = NULL;
	struct ddic_pcireg *r;
	struct ddic_acc *a;
	bool wc;

	if (!pn)
		return DDI_FAILURE;
	if (!addrp || !handlep || !accattrp)
		why = "NULL argument";
	else if (!rgm_attr_ok(accattrp))
		why = "bad ddi_device_acc_attr_t (version, endian flags or data order)";
	else if (rnumber >= pn->nregs)
		why = "no such register set";
	if (why) {
		pr_warn("%s%d: ddi_regs_map_setup(rnumber %u): %s; refused\n",
			dip->drv->name, dip->instance, rnumber, why);
		return DDI_FAILURE;
	}
	r = &pn->regs[rnumber];
	if (!len && offset >= 0 && offset < r->size)
		len = r->size - offset;
	if (offset < 0 || len <= 0 || offset >= r->size ||
	    len > r->size - offset) {
		pr_warn("%s%d: ddi_regs_map_setup(rnumber %u, offset %#llx, len %#llx): outside the register set of %#llx bytes; refused\n",
			dip->drv->name, dip->instance, rnumber, offset, len,
			r->size);
		return DDI_FAILURE;
	}
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return DDI_FAILURE;
	a->pn = pn;
	a->len = len;
	a->rnumber = rnumber;
	a->what = "ddi_regs_map_setup";
	a->swap = accattrp->devacc_attr_endian_flags == DDI_STRUCTURE_BE_ACC;
	a->attr_access = accattrp->devacc_attr_version == DDI_DEVICE_ATTR_V1 ?
			 accattrp->devacc_attr_access : DDI_DEFAULT_ACC;
	if (r->bar < 0) {
		a->kind = DDIC_ACC_CFG;
		a->base = offset;
	} else {
		bool io = pci_resource_flags(pn->pdev, r->bar) & IORESOURCE_IO;

		a->kind = io ? DDIC_ACC_IO : DDIC_ACC_MEM;
		wc = !io && accattrp->devacc_attr_dataorder >= DDI_MERGING_OK_ACC;
		a->map = wc ? pci_iomap_wc_range(pn->pdev, r->bar, offset, len) :
			      pci_iomap_range(pn->pdev, r->bar, offset, len);
		if (!a->map) {
			pr_warn("%s%d: ddi_regs_map_setup(rnumber %u): cannot map BAR %d\n",
				dip->drv->name, dip->instance, rnumber, r->bar);
			kfree(a);
			return DDI_FAILURE;
		}
		a->base = (unsigned long)a->map;
	}
	mutex_lock(&pn->lock);
	list_add_tail(&a->link, &pn->accs);
	mutex_unlock(&pn->lock);
	*addrp = (caddr_t)a->base;
	*handlep = (ddi_acc_handle_t)a;
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_regs_map_setup);

void ddi_regs_map_free(ddi_acc_handle_t *handlep)
{
	struct ddic_acc *a;

	if (!handlep || !*handlep) {
		pr_warn("ddi_regs_map_free: no handle\n");
		return;
	}
	a = (struct ddic_acc *)*handlep;
	if (a->what[0] != 'd') {
		ddic_acc_warn(a, "ddi_regs_map_free",
			      "a pci_config_setup handle (use pci_config_teardown)",
			      0);
		return;
	}
	mutex_lock(&a->pn->lock);
	list_del(&a->link);
	mutex_unlock(&a->pn->lock);
	if (a->map)
		pci_iounmap(a->pn->pdev, a->map);
	kfree(a);
	*handlep = NULL;
}
EXPORT_SYMBOL(ddi_regs_map_free);

/*
 * DDI_FLAGERR_ACC handles could report errors; no fault is ever seen
 * here, so every handle is fine.
 */
int ddi_check_acc_handle(ddi_acc_handle_t handle)
{
	return handle ? DDI_SUCCESS : DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_check_acc_handle);

/* --- the accessors --- */

/* The handle if @size bytes at @addr lie inside its mapping. */
static __always_inline struct ddic_acc *acc_in(ddi_acc_handle_t h,
					       const void *addr,
					       unsigned long size)
{
	struct ddic_acc *a = (struct ddic_acc *)h;
	unsigned long off;

	if (unlikely(!a))
		return NULL;
	off = (unsigned long)addr - a->base;
	if (unlikely(off >= a->len || a->len - off < size))
		return NULL;
	return a;
}

static noinline void acc_refuse(ddi_acc_handle_t h, const void *addr,
				const char *call)
{
	struct ddic_acc *a = (struct ddic_acc *)h;

	ddic_acc_warn(a, call, a ? "address outside the mapping" :
		      "NULL handle", a ? (unsigned long)addr - a->base : 0);
}

static __always_inline u8 rd8(struct ddic_acc *a, const void *p)
{
	if (likely(a->kind == DDIC_ACC_MEM))
		return readb((const void __iomem *)p);
	if (a->kind == DDIC_ACC_IO)
		return ioread8((void __iomem *)p);
	return ddic_cfg_read(a, (unsigned long)p, 1);
}

static __always_inline u16 rd16(struct ddic_acc *a, const void *p)
{
	if (likely(a->kind == DDIC_ACC_MEM))
		return readw((const void __iomem *)p);
	if (a->kind == DDIC_ACC_IO)
		return ioread16((void __iomem *)p);
	return ddic_cfg_read(a, (unsigned long)p, 2);
}

static __always_inline u32 rd32(struct ddic_acc *a, const void *p)
{
	if (likely(a->kind == DDIC_ACC_MEM))
		return readl((const void __iomem *)p);
	if (a->kind == DDIC_ACC_IO)
		return ioread32((void __iomem *)p);
	return ddic_cfg_read(a, (unsigned long)p, 4);
}

/* I/O space has no 64-bit access: two 32-bit ones, low first. */
static __always_inline u64 rd64(struct ddic_acc *a, const void *p)
{
	if (likely(a->kind == DDIC_ACC_MEM))
		return readq((const void __iomem *)p);
	if (a->kind == DDIC_ACC_IO)
		return ioread32((void __iomem *)p) |
		       (u64)ioread32((void __iomem *)p + 4) << 32;
	return ddic_cfg_read(a, (unsigned long)p, 8);
}

static __always_inline void wr8(struct ddic_acc *a, void *p, u8 v)
{
	if (likely(a->kind == DDIC_ACC_MEM))
		writeb(v, (void __iomem *)p);
	else if (a->kind == DDIC_ACC_IO)
		iowrite8(v, (void __iomem *)p);
	else
		ddic_cfg_write(a, (unsigned long)p, 1, v);
}

static __always_inline void wr16(struct ddic_acc *a, void *p, u16 v)
{
	if (likely(a->kind == DDIC_ACC_MEM))
		writew(v, (void __iomem *)p);
	else if (a->kind == DDIC_ACC_IO)
		iowrite16(v, (void __iomem *)p);
	else
		ddic_cfg_write(a, (unsigned long)p, 2, v);
}

static __always_inline void wr32(struct ddic_acc *a, void *p, u32 v)
{
	if (likely(a->kind == DDIC_ACC_MEM))
		writel(v, (void __iomem *)p);
	else if (a->kind == DDIC_ACC_IO)
		iowrite32(v, (void __iomem *)p);
	else
		ddic_cfg_write(a, (unsigned long)p, 4, v);
}

static __always_inline void wr64(struct ddic_acc *a, void *p, u64 v)
{
	if (likely(a->kind == DDIC_ACC_MEM)) {
		writeq(v, (void __iomem *)p);
	} else if (a->kind == DDIC_ACC_IO) {
		iowrite32(lower_32_bits(v), (void __iomem *)p);
		iowrite32(upper_32_bits(v), (void __iomem *)p + 4);
	} else {
		ddic_cfg_write(a, (unsigned long)p, 8, v);
	}
}

#define sw8(v)	(v)
#define sw16(v)	swab16(v)
#define sw32(v)	swab32(v)
#define sw64(v)	swab64(v)

#define ACCESSORS(bits, get, put, rep_get, rep_put)							\
uint##bits##_t get(ddi_acc_handle_t h, uint##bits##_t *addr)	\
{									\
	struct ddic_acc *a = acc_in(h, addr, bits / 8);			\
	uint##bits##_t v;						\
									\
	if (unlikely(!a)) {						\
		acc_refuse(h, addr, #get);			\
		return (uint##bits##_t)~0ull;				\
	}								\
	v = rd##bits(a, addr);						\
	return unlikely(a->swap) ? sw##bits(v) : v;			\
}									\
									\
void put(ddi_acc_handle_t h, uint##bits##_t *addr,		\
		   uint##bits##_t v)					\
{									\
	struct ddic_acc *a = acc_in(h, addr, bits / 8);			\
									\
	if (unlikely(!a)) {						\
		acc_refuse(h, addr, #put);			\
		return;							\
	}								\
	wr##bits(a, addr, unlikely(a->swap) ? sw##bits(v) : v);		\
}									\
									\
void rep_get(ddi_acc_handle_t h, uint##bits##_t *host,	\
		       uint##bits##_t *dev, size_t n, uint_t flags)	\
{									\
	bool inc = flags & DDI_DEV_AUTOINCR;				\
	struct ddic_acc *a = inc && n > SIZE_MAX / 8 ? NULL :		\
		acc_in(h, dev, inc && n ? n * (bits / 8) : bits / 8);	\
	size_t i;							\
									\
	if (unlikely(!a)) {						\
		acc_refuse(h, dev, #rep_get);		\
		return;							\
	}								\
	for (i = 0; i < n; i++) {					\
		uint##bits##_t v = rd##bits(a, dev);			\
									\
		host[i] = unlikely(a->swap) ? sw##bits(v) : v;		\
		if (inc)						\
			dev++;						\
	}								\
}									\
									\
void rep_put(ddi_acc_handle_t h, uint##bits##_t *host,	\
		       uint##bits##_t *dev, size_t n, uint_t flags)	\
{									\
	bool inc = flags & DDI_DEV_AUTOINCR;				\
	struct ddic_acc *a = inc && n > SIZE_MAX / 8 ? NULL :		\
		acc_in(h, dev, inc && n ? n * (bits / 8) : bits / 8);	\
	size_t i;							\
									\
	if (unlikely(!a)) {						\
		acc_refuse(h, dev, #rep_put);		\
		return;							\
	}								\
	for (i = 0; i < n; i++) {					\
		wr##bits(a, dev, unlikely(a->swap) ? sw##bits(host[i]) :	\
			 host[i]);					\
		if (inc)						\
			dev++;						\
	}								\
}

ACCESSORS(8, ddi_get8, ddi_put8, ddi_rep_get8, ddi_rep_put8)
EXPORT_SYMBOL(ddi_get8);
EXPORT_SYMBOL(ddi_put8);
EXPORT_SYMBOL(ddi_rep_get8);
EXPORT_SYMBOL(ddi_rep_put8);
ACCESSORS(16, ddi_get16, ddi_put16, ddi_rep_get16, ddi_rep_put16)
EXPORT_SYMBOL(ddi_get16);
EXPORT_SYMBOL(ddi_put16);
EXPORT_SYMBOL(ddi_rep_get16);
EXPORT_SYMBOL(ddi_rep_put16);
ACCESSORS(32, ddi_get32, ddi_put32, ddi_rep_get32, ddi_rep_put32)
EXPORT_SYMBOL(ddi_get32);
EXPORT_SYMBOL(ddi_put32);
EXPORT_SYMBOL(ddi_rep_get32);
EXPORT_SYMBOL(ddi_rep_put32);
ACCESSORS(64, ddi_get64, ddi_put64, ddi_rep_get64, ddi_rep_put64)
EXPORT_SYMBOL(ddi_get64);
EXPORT_SYMBOL(ddi_put64);
EXPORT_SYMBOL(ddi_rep_get64);
EXPORT_SYMBOL(ddi_rep_put64);

/*
 * ddi_peek(9F)/ddi_poke(9F): an access that faults (an unmapped kernel
 * address) is caught and gives DDI_FAILURE.  Departure: a device that
 * answers a bus error with all ones (as PCI does) reads as all ones and
 * DDI_SUCCESS, since x86 raises no fault for it.
 */
#define PEEKPOKE(bits, peek, poke)							\
int peek(dev_info_t *dip, int##bits##_t *addr,		\
		   int##bits##_t *val_p)				\
{									\
	int##bits##_t v;						\
									\
	if (copy_from_kernel_nofault(&v, addr, sizeof(v)))		\
		return DDI_FAILURE;					\
	if (val_p)							\
		*val_p = v;						\
	return DDI_SUCCESS;						\
}									\
									\
int poke(dev_info_t *dip, int##bits##_t *addr,		\
		   int##bits##_t value)					\
{									\
	pagefault_disable();						\
	__put_kernel_nofault(addr, &value, int##bits##_t, fault);	\
	pagefault_enable();						\
	return DDI_SUCCESS;						\
fault:									\
	pagefault_enable();						\
	return DDI_FAILURE;						\
}

PEEKPOKE(8, ddi_peek8, ddi_poke8)
EXPORT_SYMBOL(ddi_peek8);
EXPORT_SYMBOL(ddi_poke8);
PEEKPOKE(16, ddi_peek16, ddi_poke16)
EXPORT_SYMBOL(ddi_peek16);
EXPORT_SYMBOL(ddi_poke16);
PEEKPOKE(32, ddi_peek32, ddi_poke32)
EXPORT_SYMBOL(ddi_peek32);
EXPORT_SYMBOL(ddi_poke32);
PEEKPOKE(64, ddi_peek64, ddi_poke64)
EXPORT_SYMBOL(ddi_peek64);
EXPORT_SYMBOL(ddi_poke64);
