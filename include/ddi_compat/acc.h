/* SPDX-License-Identifier: GPL-2.0 */
/*
 * ddi_get8(9F)..ddi_put64(9F) compiled into the driver for the common
 * case: a handle of memory space (ddi_regs_map_setup) with no byte swap
 * and an access inside the mapping is one readl()/writel() (or its
 * width), as a Linux driver's own register access is.  Every other case
 * (I/O or configuration space, DMA memory, swapping handles, an address
 * outside the mapping, a NULL handle) calls the exported function, which
 * does it or refuses it with a warning.  struct ddic_acc_head is the
 * start of ddi_compat's access handle (ddi_compat/ddic_pci.h; checked at
 * build time in regacc.c).  Included by <sys/sunddi.h>.
 */
#ifndef _DDI_COMPAT_ACC_H
#define _DDI_COMPAT_ACC_H

struct ddic_acc_head {
	unsigned long base;		/* the driver's addresses start here */
	/*
	 * plain[n]: an access of 1 << n bytes at offset off from base is
	 * a plain one when off < plain[n] (the mapping's length less the
	 * width, plus one); 0 for every width on a handle whose accesses
	 * are not plain (not memory space, or swapping), so one compare
	 * decides.
	 */
	unsigned long plain[4];
};

/* The handle, if an access of 1 << @n bytes at @addr is a plain one. */
static __always_inline bool ddic_acc_plain(ddi_acc_handle_t h,
					   const void *addr, unsigned int n)
{
	const struct ddic_acc_head *a = (const struct ddic_acc_head *)h;

	if (unlikely(!a))
		return false;
	return likely((unsigned long)addr - a->base < a->plain[n]);
}

static __always_inline uint8_t ddic_get8_inl(ddi_acc_handle_t h, uint8_t *a)
{
	if (ddic_acc_plain(h, a, 0))
		return readb((const void __iomem __force *)a);
	return (ddi_get8)(h, a);
}

static __always_inline void ddic_put8_inl(ddi_acc_handle_t h, uint8_t *a,
					   uint8_t v)
{
	if (ddic_acc_plain(h, a, 0))
		writeb(v, (void __iomem __force *)a);
	else
		(ddi_put8)(h, a, v);
}

static __always_inline uint16_t ddic_get16_inl(ddi_acc_handle_t h, uint16_t *a)
{
	if (ddic_acc_plain(h, a, 1))
		return readw((const void __iomem __force *)a);
	return (ddi_get16)(h, a);
}

static __always_inline void ddic_put16_inl(ddi_acc_handle_t h, uint16_t *a,
					   uint16_t v)
{
	if (ddic_acc_plain(h, a, 1))
		writew(v, (void __iomem __force *)a);
	else
		(ddi_put16)(h, a, v);
}

static __always_inline uint32_t ddic_get32_inl(ddi_acc_handle_t h, uint32_t *a)
{
	if (ddic_acc_plain(h, a, 2))
		return readl((const void __iomem __force *)a);
	return (ddi_get32)(h, a);
}

static __always_inline void ddic_put32_inl(ddi_acc_handle_t h, uint32_t *a,
					   uint32_t v)
{
	if (ddic_acc_plain(h, a, 2))
		writel(v, (void __iomem __force *)a);
	else
		(ddi_put32)(h, a, v);
}

static __always_inline uint64_t ddic_get64_inl(ddi_acc_handle_t h, uint64_t *a)
{
	if (ddic_acc_plain(h, a, 3))
		return readq((const void __iomem __force *)a);
	return (ddi_get64)(h, a);
}

static __always_inline void ddic_put64_inl(ddi_acc_handle_t h, uint64_t *a,
					   uint64_t v)
{
	if (ddic_acc_plain(h, a, 3))
		writeq(v, (void __iomem __force *)a);
	else
		(ddi_put64)(h, a, v);
}

#define ddi_get8(h, a)		ddic_get8_inl((h), (a))
#define ddi_get16(h, a)		ddic_get16_inl((h), (a))
#define ddi_get32(h, a)		ddic_get32_inl((h), (a))
#define ddi_get64(h, a)		ddic_get64_inl((h), (a))
#define ddi_put8(h, a, v)	ddic_put8_inl((h), (a), (v))
#define ddi_put16(h, a, v)	ddic_put16_inl((h), (a), (v))
#define ddi_put32(h, a, v)	ddic_put32_inl((h), (a), (v))
#define ddi_put64(h, a, v)	ddic_put64_inl((h), (a), (v))

#endif /* _DDI_COMPAT_ACC_H */
