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
#include <kunit/visibility.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/pci.h>

#include "devinfo.h"
#include "ddic_pci.h"

/* The exported accessors behind <ddi_compat/acc.h>'s inline ones. */
#undef ddi_get8
#undef ddi_get16
#undef ddi_get32
#undef ddi_get64
#undef ddi_put8
#undef ddi_put16
#undef ddi_put32
#undef ddi_put64

/* <ddi_compat/acc.h> reads the start of the handle. */
static_assert(offsetof(struct ddic_acc, base) ==
	      offsetof(struct ddic_acc_head, base));
static_assert(offsetof(struct ddic_acc, plain) ==
	      offsetof(struct ddic_acc_head, plain));

/*
 * The inline accessors' limits: a handle of memory space without byte
 * swapping takes an access of 1 << n bytes at an offset below plain[n].
 * Every other handle keeps them 0 (kzalloc) and goes through the
 * exported functions below.
 */
void ddic_acc_plain_set(struct ddic_acc *a)
{
	unsigned int n;

	if (a->kind != DDIC_ACC_MEM || a->swap)
		return;
	for (n = 0; n < ARRAY_SIZE(a->plain); n++)
		if (a->len >= 1UL << n)
			a->plain[n] = a->len - (1UL << n) + 1;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_acc_plain_set);

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
		pr_warn("%s%d: %s: no register set %u (the node has %d)\n",
			dip->drv->name, dip->instance, __func__, rnumber, pn->nregs);
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
		pr_warn("%s%d: %s(rnumber %u): %s; refused\n",
			dip->drv->name, dip->instance, __func__, rnumber, why);
		return DDI_FAILURE;
	}
	r = &pn->regs[rnumber];
	if (!len && offset >= 0 && offset < r->size)
		len = r->size - offset;
	if (offset < 0 || len <= 0 || offset >= r->size ||
	    len > r->size - offset) {
		pr_warn("%s%d: %s(rnumber %u, offset %#llx, len %#llx): outside the register set of %#llx bytes; refused\n",
			dip->drv->name, dip->instance, __func__, rnumber, offset, len,
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
			pr_warn("%s%d: %s(rnumber %u): cannot map BAR %d\n",
				dip->drv->name, dip->instance, __func__, rnumber, r->bar);
			kfree(a);
			return DDI_FAILURE;
		}
		a->base = (unsigned long)a->map;
		ddic_acc_plain_set(a);
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
		pr_warn("%s: no handle\n", __func__);
		return;
	}
	a = (struct ddic_acc *)*handlep;
	if (strcmp(a->what, "ddi_regs_map_setup")) {
		ddic_acc_warn(a, "ddi_regs_map_free",
			      a->kind == DDIC_ACC_DMA ?
			      "a ddi_dma_mem_alloc handle (use ddi_dma_mem_free)" :
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
 * A handle's accesses failed only if its PCI function went offline
 * (Linux's error recovery took it, or it is gone): the same status
 * ddi_fm_acc_err_get(9F) gives (fm.c).
 */
int ddi_check_acc_handle(ddi_acc_handle_t handle)
{
	struct ddic_acc *a = (struct ddic_acc *)handle;

	if (!a || ddic_pci_offline(a->pn))
		return DDI_FAILURE;
	return DDI_SUCCESS;
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

/* One access of @size bytes through handle @a. */
static __always_inline u64 acc_rd(struct ddic_acc *a, const void *p, int size)
{
	const void __iomem *io = (const void __iomem *)p;

	if (likely(a->kind == DDIC_ACC_MEM)) {
		switch (size) {
		case 1:
			return readb(io);
		case 2:
			return readw(io);
		case 4:
			return readl(io);
		default:
			return readq(io);
		}
	}
	if (a->kind == DDIC_ACC_IO) {
		switch (size) {
		case 1:
			return ioread8((void __iomem *)io);
		case 2:
			return ioread16((void __iomem *)io);
		case 4:
			return ioread32((void __iomem *)io);
		default:
			/* No 64-bit I/O port access: low word first. */
			return ioread32((void __iomem *)io) |
			       (u64)ioread32((void __iomem *)io + 4) << 32;
		}
	}
	if (a->kind == DDIC_ACC_DMA) {	/* ddi_dma_mem_alloc(9F) memory */
		switch (size) {
		case 1:
			return READ_ONCE(*(const u8 *)p);
		case 2:
			return READ_ONCE(*(const u16 *)p);
		case 4:
			return READ_ONCE(*(const u32 *)p);
		default:
			return READ_ONCE(*(const u64 *)p);
		}
	}
	return ddic_cfg_read(a, (unsigned long)p, size);
}

static __always_inline void acc_wr(struct ddic_acc *a, void *p, int size,
				   u64 v)
{
	void __iomem *io = (void __iomem *)p;

	if (likely(a->kind == DDIC_ACC_MEM)) {
		switch (size) {
		case 1:
			writeb(v, io);
			break;
		case 2:
			writew(v, io);
			break;
		case 4:
			writel(v, io);
			break;
		default:
			writeq(v, io);
			break;
		}
	} else if (a->kind == DDIC_ACC_IO) {
		switch (size) {
		case 1:
			iowrite8(v, io);
			break;
		case 2:
			iowrite16(v, io);
			break;
		case 4:
			iowrite32(v, io);
			break;
		default:
			iowrite32(lower_32_bits(v), io);
			iowrite32(upper_32_bits(v), io + 4);
			break;
		}
	} else if (a->kind == DDIC_ACC_DMA) {
		switch (size) {
		case 1:
			WRITE_ONCE(*(u8 *)p, v);
			break;
		case 2:
			WRITE_ONCE(*(u16 *)p, v);
			break;
		case 4:
			WRITE_ONCE(*(u32 *)p, v);
			break;
		default:
			WRITE_ONCE(*(u64 *)p, v);
			break;
		}
	} else {
		ddic_cfg_write(a, (unsigned long)p, size, v);
	}
}

/* DDI_STRUCTURE_BE_ACC on a little-endian host: reverse the bytes. */
static __always_inline u64 acc_swap(u64 v, int size)
{
	switch (size) {
	case 2:
		return swab16(v);
	case 4:
		return swab32(v);
	case 8:
		return swab64(v);
	default:
		return v;
	}
}

static __always_inline u64 acc_get(ddi_acc_handle_t h, const void *addr,
				   int size, const char *call)
{
	struct ddic_acc *a = acc_in(h, addr, size);
	u64 v;

	if (unlikely(!a)) {
		acc_refuse(h, addr, call);
		return ~0ull;
	}
	v = acc_rd(a, addr, size);
	return unlikely(a->swap) ? acc_swap(v, size) : v;
}

static __always_inline void acc_put(ddi_acc_handle_t h, void *addr, int size,
				    u64 v, const char *call)
{
	struct ddic_acc *a = acc_in(h, addr, size);

	if (unlikely(!a)) {
		acc_refuse(h, addr, call);
		return;
	}
	acc_wr(a, addr, size, unlikely(a->swap) ? acc_swap(v, size) : v);
}

/* The handle if @n items of @size from @dev (moving or not) fit. */
static struct ddic_acc *acc_rep_in(ddi_acc_handle_t h, const void *dev,
				   size_t n, int size, bool inc)
{
	if (inc && n > SIZE_MAX / 8)
		return NULL;
	return acc_in(h, dev, inc && n ? n * size : size);
}

static void acc_rep_get(ddi_acc_handle_t h, void *host, void *dev, size_t n,
			uint_t flags, int size, const char *call)
{
	bool inc = flags & DDI_DEV_AUTOINCR;
	struct ddic_acc *a = acc_rep_in(h, dev, n, size, inc);
	size_t i;
	u64 v;

	if (unlikely(!a)) {
		acc_refuse(h, dev, call);
		return;
	}
	for (i = 0; i < n; i++) {
		v = acc_rd(a, dev, size);
		if (unlikely(a->swap))
			v = acc_swap(v, size);
		switch (size) {
		case 1:
			((u8 *)host)[i] = v;
			break;
		case 2:
			((u16 *)host)[i] = v;
			break;
		case 4:
			((u32 *)host)[i] = v;
			break;
		default:
			((u64 *)host)[i] = v;
			break;
		}
		if (inc)
			dev += size;
	}
}

static void acc_rep_put(ddi_acc_handle_t h, void *host, void *dev, size_t n,
			uint_t flags, int size, const char *call)
{
	bool inc = flags & DDI_DEV_AUTOINCR;
	struct ddic_acc *a = acc_rep_in(h, dev, n, size, inc);
	size_t i;
	u64 v;

	if (unlikely(!a)) {
		acc_refuse(h, dev, call);
		return;
	}
	for (i = 0; i < n; i++) {
		switch (size) {
		case 1:
			v = ((u8 *)host)[i];
			break;
		case 2:
			v = ((u16 *)host)[i];
			break;
		case 4:
			v = ((u32 *)host)[i];
			break;
		default:
			v = ((u64 *)host)[i];
			break;
		}
		acc_wr(a, dev, size, unlikely(a->swap) ? acc_swap(v, size) : v);
		if (inc)
			dev += size;
	}
}

uint8_t ddi_get8(ddi_acc_handle_t h, uint8_t *addr)
{
	return acc_get(h, addr, 1, __func__);
}
EXPORT_SYMBOL(ddi_get8);

uint16_t ddi_get16(ddi_acc_handle_t h, uint16_t *addr)
{
	return acc_get(h, addr, 2, __func__);
}
EXPORT_SYMBOL(ddi_get16);

uint32_t ddi_get32(ddi_acc_handle_t h, uint32_t *addr)
{
	return acc_get(h, addr, 4, __func__);
}
EXPORT_SYMBOL(ddi_get32);

uint64_t ddi_get64(ddi_acc_handle_t h, uint64_t *addr)
{
	return acc_get(h, addr, 8, __func__);
}
EXPORT_SYMBOL(ddi_get64);

void ddi_put8(ddi_acc_handle_t h, uint8_t *addr, uint8_t v)
{
	acc_put(h, addr, 1, v, __func__);
}
EXPORT_SYMBOL(ddi_put8);

void ddi_put16(ddi_acc_handle_t h, uint16_t *addr, uint16_t v)
{
	acc_put(h, addr, 2, v, __func__);
}
EXPORT_SYMBOL(ddi_put16);

void ddi_put32(ddi_acc_handle_t h, uint32_t *addr, uint32_t v)
{
	acc_put(h, addr, 4, v, __func__);
}
EXPORT_SYMBOL(ddi_put32);

void ddi_put64(ddi_acc_handle_t h, uint64_t *addr, uint64_t v)
{
	acc_put(h, addr, 8, v, __func__);
}
EXPORT_SYMBOL(ddi_put64);

void ddi_rep_get8(ddi_acc_handle_t h, uint8_t *host, uint8_t *dev, size_t n,
		  uint_t flags)
{
	acc_rep_get(h, host, dev, n, flags, 1, __func__);
}
EXPORT_SYMBOL(ddi_rep_get8);

void ddi_rep_get16(ddi_acc_handle_t h, uint16_t *host, uint16_t *dev,
		   size_t n, uint_t flags)
{
	acc_rep_get(h, host, dev, n, flags, 2, __func__);
}
EXPORT_SYMBOL(ddi_rep_get16);

void ddi_rep_get32(ddi_acc_handle_t h, uint32_t *host, uint32_t *dev,
		   size_t n, uint_t flags)
{
	acc_rep_get(h, host, dev, n, flags, 4, __func__);
}
EXPORT_SYMBOL(ddi_rep_get32);

void ddi_rep_get64(ddi_acc_handle_t h, uint64_t *host, uint64_t *dev,
		   size_t n, uint_t flags)
{
	acc_rep_get(h, host, dev, n, flags, 8, __func__);
}
EXPORT_SYMBOL(ddi_rep_get64);

void ddi_rep_put8(ddi_acc_handle_t h, uint8_t *host, uint8_t *dev, size_t n,
		  uint_t flags)
{
	acc_rep_put(h, host, dev, n, flags, 1, __func__);
}
EXPORT_SYMBOL(ddi_rep_put8);

void ddi_rep_put16(ddi_acc_handle_t h, uint16_t *host, uint16_t *dev,
		   size_t n, uint_t flags)
{
	acc_rep_put(h, host, dev, n, flags, 2, __func__);
}
EXPORT_SYMBOL(ddi_rep_put16);

void ddi_rep_put32(ddi_acc_handle_t h, uint32_t *host, uint32_t *dev,
		   size_t n, uint_t flags)
{
	acc_rep_put(h, host, dev, n, flags, 4, __func__);
}
EXPORT_SYMBOL(ddi_rep_put32);

void ddi_rep_put64(ddi_acc_handle_t h, uint64_t *host, uint64_t *dev,
		   size_t n, uint_t flags)
{
	acc_rep_put(h, host, dev, n, flags, 8, __func__);
}
EXPORT_SYMBOL(ddi_rep_put64);

/*
 * ddi_peek(9F)/ddi_poke(9F): an access that faults (an unmapped kernel
 * address) is caught and gives DDI_FAILURE.  Departure: a device that
 * answers a bus error with all ones (as PCI does) reads as all ones and
 * DDI_SUCCESS, since x86 raises no fault for it.
 */
static int pk_peek(const void *addr, void *valp, size_t size)
{
	u64 v;

	if (copy_from_kernel_nofault(&v, addr, size))
		return DDI_FAILURE;
	if (valp)
		memcpy(valp, &v, size);
	return DDI_SUCCESS;
}

static int pk_poke(void *addr, u64 v, size_t size)
{
	pagefault_disable();
	switch (size) {
	case 1:
		__put_kernel_nofault(addr, &v, u8, fault);
		break;
	case 2:
		__put_kernel_nofault(addr, (u16 *)&v, u16, fault);
		break;
	case 4:
		__put_kernel_nofault(addr, (u32 *)&v, u32, fault);
		break;
	default:
		__put_kernel_nofault(addr, &v, u64, fault);
		break;
	}
	pagefault_enable();
	return DDI_SUCCESS;
fault:
	pagefault_enable();
	return DDI_FAILURE;
}

int ddi_peek8(dev_info_t *dip, int8_t *addr, int8_t *val_p)
{
	return pk_peek(addr, val_p, 1);
}
EXPORT_SYMBOL(ddi_peek8);

int ddi_peek16(dev_info_t *dip, int16_t *addr, int16_t *val_p)
{
	return pk_peek(addr, val_p, 2);
}
EXPORT_SYMBOL(ddi_peek16);

int ddi_peek32(dev_info_t *dip, int32_t *addr, int32_t *val_p)
{
	return pk_peek(addr, val_p, 4);
}
EXPORT_SYMBOL(ddi_peek32);

int ddi_peek64(dev_info_t *dip, int64_t *addr, int64_t *val_p)
{
	return pk_peek(addr, val_p, 8);
}
EXPORT_SYMBOL(ddi_peek64);

int ddi_poke8(dev_info_t *dip, int8_t *addr, int8_t value)
{
	return pk_poke(addr, (u8)value, 1);
}
EXPORT_SYMBOL(ddi_poke8);

int ddi_poke16(dev_info_t *dip, int16_t *addr, int16_t value)
{
	return pk_poke(addr, (u16)value, 2);
}
EXPORT_SYMBOL(ddi_poke16);

int ddi_poke32(dev_info_t *dip, int32_t *addr, int32_t value)
{
	return pk_poke(addr, (u32)value, 4);
}
EXPORT_SYMBOL(ddi_poke32);

int ddi_poke64(dev_info_t *dip, int64_t *addr, int64_t value)
{
	return pk_poke(addr, value, 8);
}
EXPORT_SYMBOL(ddi_poke64);
