/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Differences between the Linux kernels ddi_compat builds against (6.1 and
 * 6.12, with Debian's backports), kept in one place.  Each is a feature
 * test on something the newer API defines; a version comparison is used
 * only where the kernel defines nothing to test.
 *
 * Private to ddi_compat; never included by a Solaris driver.
 */
#ifndef _DDI_COMPAT_KCOMPAT_H
#define _DDI_COMPAT_KCOMPAT_H

#include <linux/version.h>
#include <linux/mm.h>
#include <linux/mmzone.h>
#include <linux/device.h>

/*
 * The largest buddy order, inclusive.  6.8 renamed MAX_ORDER (exclusive)
 * to MAX_PAGE_ORDER (inclusive).
 */
#ifdef MAX_PAGE_ORDER
#define DDI_MAX_PAGE_ORDER	MAX_PAGE_ORDER
#else
#define DDI_MAX_PAGE_ORDER	(MAX_ORDER - 1)
#endif

/*
 * vma->vm_flags became read-only in 6.3 (vm_flags_set/vm_flags_clear,
 * which also take the per-VMA lock).  Neither the helpers nor anything
 * near them is a macro, and Debian's 6.1 does not backport them, so this
 * one is a version test.
 */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 3, 0)
static inline void ddi_vm_flags_set(struct vm_area_struct *vma,
				    vm_flags_t flags)
{
	vm_flags_set(vma, flags);
}

static inline void ddi_vm_flags_clear(struct vm_area_struct *vma,
				      vm_flags_t flags)
{
	vm_flags_clear(vma, flags);
}
#else
static inline void ddi_vm_flags_set(struct vm_area_struct *vma,
				    vm_flags_t flags)
{
	vma->vm_flags |= flags;
}

static inline void ddi_vm_flags_clear(struct vm_area_struct *vma,
				      vm_flags_t flags)
{
	vma->vm_flags &= ~flags;
}
#endif

/*
 * Pinning user pages: pin_user_pages() lost its vmas argument in 6.5;
 * pin_user_pages_fast() kept the same signature in 6.1 and 6.12, so
 * ddi_umem_lock() uses it and needs no shim.  FOLL_LONGTERM exists in both.
 */
static inline int ddi_pin_user_pages(unsigned long start, int nr_pages,
				     unsigned int gup_flags,
				     struct page **pages)
{
	return pin_user_pages_fast(start, nr_pages, gup_flags, pages);
}

/* class_create() lost its owner argument in 6.4 (no macro marks it). */
#if LINUX_VERSION_CODE >= KERNEL_VERSION(6, 4, 0)
#define ddi_class_create(name)	class_create(name)
#else
#define ddi_class_create(name)	class_create(THIS_MODULE, name)
#endif

#endif /* _DDI_COMPAT_KCOMPAT_H */
