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
	unsigned long len;
	u8 kind;			/* 0: memory space */
	u8 swap;			/* nonzero: byte-swap each access */
};

/* The handle, if an access of @size bytes at @addr is a plain one. */
static __always_inline bool ddic_acc_plain(ddi_acc_handle_t h,
					   const void *addr,
					   unsigned long size)
{
	const struct ddic_acc_head *a = (const struct ddic_acc_head *)h;
	unsigned long off;

	if (unlikely(!a))
		return false;
	off = (unsigned long)addr - a->base;
	return likely((a->kind | a->swap) == 0 && off < a->len &&
		      a->len - off >= size);
}

#define DDIC_ACC_INLINE(bits, type, rd, wr)				\
static __always_inline type ddic_get##bits##_inl(ddi_acc_handle_t h,	\
						 type *addr)		\
{									\
	if (ddic_acc_plain(h, addr, sizeof(type)))			\
		return rd((const void __iomem __force *)addr);		\
	return (ddi_get##bits)(h, addr);				\
}									\
static __always_inline void ddic_put##bits##_inl(ddi_acc_handle_t h,	\
						 type *addr, type v)	\
{									\
	if (ddic_acc_plain(h, addr, sizeof(type)))			\
		wr(v, (void __iomem __force *)addr);			\
	else								\
		(ddi_put##bits)(h, addr, v);				\
}

DDIC_ACC_INLINE(8, uint8_t, readb, writeb)
DDIC_ACC_INLINE(16, uint16_t, readw, writew)
DDIC_ACC_INLINE(32, uint32_t, readl, writel)
DDIC_ACC_INLINE(64, uint64_t, readq, writeq)

#define ddi_get8(h, a)		ddic_get8_inl((h), (a))
#define ddi_get16(h, a)		ddic_get16_inl((h), (a))
#define ddi_get32(h, a)		ddic_get32_inl((h), (a))
#define ddi_get64(h, a)		ddic_get64_inl((h), (a))
#define ddi_put8(h, a, v)	ddic_put8_inl((h), (a), (v))
#define ddi_put16(h, a, v)	ddic_put16_inl((h), (a), (v))
#define ddi_put32(h, a, v)	ddic_put32_inl((h), (a), (v))
#define ddi_put64(h, a, v)	ddic_put64_inl((h), (a), (v))

#endif /* _DDI_COMPAT_ACC_H */
