// SPDX-License-Identifier: GPL-2.0
/*
 * A test and bench fixture for the devmap path: /dev/ddi_umem_fixture,
 * a misc device whose mmap goes through ddic_devmap_mmap() with cb_ops
 * written the way a Solaris driver writes them (devmap(9E) calling
 * devmap_umem_setup(9F), an optional segmap(9E) calling devmap_setup(9F),
 * devmap_map/dup/unmap callbacks).  User programs (tests/prog/umem_test.c,
 * umem_bench.c) configure it with ioctls: which cookies exist, how the
 * device offset space is laid out over them, and which misbehaviour the
 * entry points should show.  For the bench, the same cookie can also be
 * mapped by two baselines: vm_insert_pages() at mmap time, and one fault
 * per page.
 *
 * It lets the mmap path be tested and measured without the driver model;
 * a Solaris sample driver exercises the same path through the driver
 * model once both are merged.
 */
#define _DDI_COMPAT_IMPL
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/miscdevice.h>
#include <linux/fs.h>
#include <linux/mm.h>
#include <linux/mutex.h>
#include <linux/slab.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <linux/highmem.h>
#include <linux/spinlock.h>
#include <sys/sunddi.h>
#include <ddi_compat/testing.h>

#include "../ddi_compat/ddic_core.h"
#include "bench.h"
#include "umem_fixture_uapi.h"

static DEFINE_MUTEX(uf_lock);
static ddi_umem_cookie_t uf_cookie[UF_NCOOKIES];
static void *uf_kaddr[UF_NCOOKIES];
static size_t uf_size[UF_NCOOKIES];
static ddi_umem_cookie_t uf_locked[UF_NCOOKIES];
static struct uf_config uf_cfg;
static struct uf_stats uf_stats;
static struct miscdevice uf_misc;

/* --- The Solaris-style entry points ------------------------------------ */

static int uf_map(devmap_cookie_t dhp, dev_t dev, uint_t flags, offset_t off,
		  size_t len, void **pvtp)
{
	uf_stats.maps++;
	*pvtp = (void *)(uintptr_t)off;
	return 0;
}

static int uf_dup(devmap_cookie_t dhp, void *pvtp, devmap_cookie_t new_dhp,
		  void **new_pvtp)
{
	uf_stats.dups++;
	*new_pvtp = pvtp;
	return 0;
}

static void uf_unmap(devmap_cookie_t dhp, void *pvtp, offset_t off,
		     size_t len, devmap_cookie_t new_dhp1, void **new_pvtp1,
		     devmap_cookie_t new_dhp2, void **new_pvtp2)
{
	uf_stats.unmaps++;
	uf_stats.unmap_len += len;
}

static int uf_access(devmap_cookie_t dhp, void *pvtp, offset_t off,
		     size_t len, uint_t type, uint_t rw)
{
	return devmap_default_access(dhp, pvtp, off, len, type, rw);
}

static struct devmap_callback_ctl uf_callbacks = {
	.devmap_rev = DEVMAP_OPS_REV,
	.devmap_map = uf_map,
	.devmap_dup = uf_dup,
	.devmap_unmap = uf_unmap,
};

static struct devmap_callback_ctl uf_access_callbacks = {
	.devmap_rev = DEVMAP_OPS_REV,
	.devmap_access = uf_access,
};

/* Device offsets: the segments one after the other. */
static int uf_devmap(dev_t dev, devmap_cookie_t dhp, offset_t off, size_t len,
		     size_t *maplen, uint_t model)
{
	ddi_device_acc_attr_t attr = {
		.devacc_attr_version = DDI_DEVICE_ATTR_V0,
		.devacc_attr_endian_flags = DDI_NEVERSWAP_ACC,
		.devacc_attr_dataorder = DDI_STRICTORDER_ACC,
	};
	struct devmap_callback_ctl *cb = NULL;
	offset_t start = 0;
	struct uf_seg *s;
	size_t n;
	int i;

	uf_stats.dvm_calls++;
	uf_stats.last_model = model;
	switch (uf_cfg.mode) {
	case UF_MODE_ZERO_MAPLEN:
		*maplen = 0;
		return 0;
	case UF_MODE_NO_SETUP:
		*maplen = len;
		return 0;
	case UF_MODE_MODEL:
		/* Example 11-2: page 0 for LP64, page 1 for ILP32. */
		s = &uf_cfg.seg[ddi_model_convert_from(model & DDI_MODEL_MASK) ==
				DDI_MODEL_ILP32 ? 1 : 0];
		if (off != 0 || len > s->len)
			return -1;
		*maplen = len;
		return devmap_umem_setup(dhp, NULL, NULL,
					 uf_cookie[s->index], s->off, len,
					 s->maxprot, s->flags, &attr);
	}
	if (uf_cfg.callbacks)
		cb = &uf_callbacks;
	if (uf_cfg.mode == UF_MODE_ACCESS)
		cb = &uf_access_callbacks;
	for (i = 0; i < uf_cfg.nsegs; i++) {
		s = &uf_cfg.seg[i];
		if (off >= start && off < start + (offset_t)s->len) {
			n = min_t(size_t, len, start + s->len - off);
			if (uf_cfg.mode == UF_MODE_ODD_MAPLEN)
				n = 100;
			if (uf_cfg.mode == UF_MODE_LONG_MAPLEN)
				n = len + PAGE_SIZE;
			*maplen = n;
			if (s->index >= 2 * UF_NCOOKIES)
				return -1;
			return devmap_umem_setup(dhp, NULL, cb,
						 s->index >= UF_NCOOKIES ?
						 uf_locked[s->index - UF_NCOOKIES] :
						 uf_cookie[s->index],
						 s->off + (off - start),
						 min_t(size_t, n, len), s->maxprot,
						 s->flags, &attr);
		}
		start += s->len;
	}
	return -1;	/* past the end of the device */
}

static int uf_segmap(dev_t dev, off_t off, struct as *asp, caddr_t *addrp,
		     off_t len, unsigned int prot, unsigned int maxprot,
		     unsigned int flags, cred_t *credp)
{
	return devmap_setup(dev, (offset_t)off, asp, addrp, len, prot, maxprot,
			    flags, credp);
}

static struct cb_ops uf_cb_ops = {
	.cb_devmap = uf_devmap,
	.cb_segmap = ddi_devmap_segmap,
	.cb_flag = D_NEW | D_MP | D_DEVMAP | D_64BIT,
	.cb_rev = CB_REV,
};

static struct cb_ops uf_cb_ops_segmap = {
	.cb_devmap = uf_devmap,
	.cb_segmap = uf_segmap,
	.cb_flag = D_NEW | D_MP | D_DEVMAP | D_64BIT,
	.cb_rev = CB_REV,
};

static struct cb_ops uf_cb_ops_none = {
	.cb_flag = D_NEW | D_MP,
	.cb_rev = CB_REV,
};

/* --- Baselines for the bench ------------------------------------------ */

static struct page *uf_page(int idx, size_t off)
{
	void *p = (char *)uf_kaddr[idx] + off;

	return is_vmalloc_addr(p) ? vmalloc_to_page(p) : virt_to_page(p);
}

static vm_fault_t uf_fault(struct vm_fault *vmf)
{
	int idx = uf_cfg.seg[0].index;
	size_t off = vmf->pgoff << PAGE_SHIFT;
	struct page *page;

	if (off >= uf_size[idx])
		return VM_FAULT_SIGBUS;
	page = uf_page(idx, off);
	get_page(page);
	vmf->page = page;
	return 0;
}

static const struct vm_operations_struct uf_fault_ops = {
	.fault = uf_fault,
};

static int uf_mmap_insert(struct vm_area_struct *vma)
{
	int idx = uf_cfg.seg[0].index;
	unsigned long i, n = vma_pages(vma), num;
	struct page **pages;
	int err;

	if ((vma->vm_pgoff + n) << PAGE_SHIFT > uf_size[idx])
		return -ENXIO;
	pages = kvmalloc_array(n, sizeof(*pages), GFP_KERNEL);
	if (!pages)
		return -ENOMEM;
	for (i = 0; i < n; i++)
		pages[i] = uf_page(idx, (vma->vm_pgoff + i) << PAGE_SHIFT);
	num = n;
	err = vm_insert_pages(vma, vma->vm_start, pages, &num);
	kvfree(pages);
	return err;
}

/* --- The device ------------------------------------------------------- */

static int uf_mmap(struct file *file, struct vm_area_struct *vma)
{
	struct ddic_mmap_req req = {
		.dev = uf_misc.this_device->devt,
		.vma = vma,
		.cred = current_cred(),
	};
	int idx = uf_cfg.seg[0].index;

	switch (uf_cfg.kind) {
	case UF_KIND_INSERT_PAGES:
		if (idx >= UF_NCOOKIES || !uf_kaddr[idx])
			return -ENXIO;
		return uf_mmap_insert(vma);
	case UF_KIND_FAULT:
		if (idx >= UF_NCOOKIES || !uf_kaddr[idx])
			return -ENXIO;
		vma->vm_ops = &uf_fault_ops;
		return 0;
	}
	switch (uf_cfg.mode) {
	case UF_MODE_NO_DEVMAP:
		req.cb = &uf_cb_ops_none;
		break;
	case UF_MODE_SEGMAP:
		req.cb = &uf_cb_ops_segmap;
		break;
	default:
		req.cb = &uf_cb_ops;
		break;
	}
	return ddic_devmap_mmap(&req);
}

static void uf_free_all(void)
{
	int i;

	for (i = 0; i < UF_NCOOKIES; i++) {
		ddi_umem_free(uf_cookie[i]);
		uf_cookie[i] = NULL;
		uf_kaddr[i] = NULL;
		uf_size[i] = 0;
	}
	for (i = 0; i < UF_NCOOKIES; i++) {
		ddi_umem_unlock(uf_locked[i]);
		uf_locked[i] = NULL;
	}
	memset(&uf_cfg, 0, sizeof(uf_cfg));
	memset(&uf_stats, 0, sizeof(uf_stats));
}

/* ddi_umem_lock(9F) in the calling process, ddi_umem_unlock(9F). */
static long uf_lock_ioctl(unsigned int cmd, void __user *arg)
{
	static DEFINE_SPINLOCK(uf_atomic_lock);
	struct uf_lockpeek lp;
	unsigned long long idx;
	unsigned long flags;
	struct uf_lock l;
	struct page *pg;
	char *k;

	switch (cmd) {
	case UF_LOCK:
		if (copy_from_user(&l, arg, sizeof(l)))
			return -EFAULT;
		for (idx = 0; idx < UF_NCOOKIES && uf_locked[idx]; idx++)
			;
		if (idx == UF_NCOOKIES)
			return -ENOSPC;
		l.error = ddi_umem_lock((caddr_t)(uintptr_t)l.addr, l.len,
					(int)l.flags, &uf_locked[idx]);
		l.index = UF_NCOOKIES + idx;
		return copy_to_user(arg, &l, sizeof(l)) ? -EFAULT : 0;
	case UF_UNLOCK:
	case UF_UNLOCK_ATOMIC:
		if (copy_from_user(&idx, arg, sizeof(idx)))
			return -EFAULT;
		if (idx < UF_NCOOKIES || idx >= 2 * UF_NCOOKIES ||
		    !uf_locked[idx - UF_NCOOKIES])
			return -EINVAL;
		idx -= UF_NCOOKIES;
		if (cmd == UF_UNLOCK_ATOMIC) {
			/* Unlock may be called from any context. */
			spin_lock_irqsave(&uf_atomic_lock, flags);
			ddi_umem_unlock(uf_locked[idx]);
			spin_unlock_irqrestore(&uf_atomic_lock, flags);
		} else {
			ddi_umem_unlock(uf_locked[idx]);
		}
		uf_locked[idx] = NULL;
		return 0;
	case UF_LOCKPEEK:
		/* Read through the pinned page, not the user mapping. */
		if (copy_from_user(&lp, arg, sizeof(lp)))
			return -EFAULT;
		if (lp.index < UF_NCOOKIES || lp.index >= 2 * UF_NCOOKIES ||
		    !uf_locked[lp.index - UF_NCOOKIES])
			return -EINVAL;
		pg = ddic_umem_cookie_page(uf_locked[lp.index - UF_NCOOKIES],
					 lp.off);
		if (!pg)
			return -EINVAL;
		k = kmap_local_page(pg);
		lp.value = (unsigned char)k[offset_in_page(lp.off)];
		kunmap_local(k);
		return copy_to_user(arg, &lp, sizeof(lp)) ? -EFAULT : 0;
	}
	return -ENOTTY;
}

static long uf_ioctl_locked(unsigned int cmd, void __user *arg)
{
	unsigned long long idx;
	struct uf_report rep;
	struct uf_alloc a;
	struct uf_fill f;
	struct uf_peek pk;
	size_t i;

	switch (cmd) {
	case UF_ALLOC:
		if (copy_from_user(&a, arg, sizeof(a)))
			return -EFAULT;
		for (idx = 0; idx < UF_NCOOKIES && uf_cookie[idx]; idx++)
			;
		if (idx == UF_NCOOKIES)
			return -ENOSPC;
		uf_kaddr[idx] = ddi_umem_alloc(a.size, (int)a.flags,
					       &uf_cookie[idx]);
		if (!uf_cookie[idx])
			return -ENOMEM;
		uf_size[idx] = PAGE_ALIGN(a.size);
		a.index = idx;
		a.is_null = !uf_kaddr[idx];
		return copy_to_user(arg, &a, sizeof(a)) ? -EFAULT : 0;
	case UF_FREE:
		if (copy_from_user(&idx, arg, sizeof(idx)))
			return -EFAULT;
		if (idx >= UF_NCOOKIES || !uf_cookie[idx])
			return -EINVAL;
		ddi_umem_free(uf_cookie[idx]);
		uf_cookie[idx] = NULL;
		uf_kaddr[idx] = NULL;
		return 0;
	case UF_FILL:
		if (copy_from_user(&f, arg, sizeof(f)))
			return -EFAULT;
		if (f.index >= UF_NCOOKIES || !uf_kaddr[f.index])
			return -EINVAL;
		for (i = 0; i < uf_size[f.index]; i += PAGE_SIZE)
			memset((char *)uf_kaddr[f.index] + i,
			       (int)(f.seed + (i >> PAGE_SHIFT)), PAGE_SIZE);
		return 0;
	case UF_PEEK:
		if (copy_from_user(&pk, arg, sizeof(pk)))
			return -EFAULT;
		if (pk.index >= UF_NCOOKIES || !uf_kaddr[pk.index] ||
		    pk.off >= uf_size[pk.index])
			return -EINVAL;
		pk.value = ((unsigned char *)uf_kaddr[pk.index])[pk.off];
		return copy_to_user(arg, &pk, sizeof(pk)) ? -EFAULT : 0;
	case UF_CONFIG:
		if (copy_from_user(&uf_cfg, arg, sizeof(uf_cfg)))
			return -EFAULT;
		if (uf_cfg.nsegs > UF_NSEGS)
			uf_cfg.nsegs = UF_NSEGS;
		memset(&uf_stats, 0, sizeof(uf_stats));
		return 0;
	case UF_STATS:
		return copy_to_user(arg, &uf_stats, sizeof(uf_stats)) ?
			-EFAULT : 0;
	case UF_RESET:
		uf_free_all();
		return 0;
	case UF_LOCK:
	case UF_UNLOCK:
	case UF_UNLOCK_ATOMIC:
	case UF_LOCKPEEK:
		return uf_lock_ioctl(cmd, arg);
	case UF_REPORT:
		if (copy_from_user(&rep, arg, sizeof(rep)))
			return -EFAULT;
		rep.name[sizeof(rep.name) - 1] = 0;
		rep.unit[sizeof(rep.unit) - 1] = 0;
		rep.baseline[sizeof(rep.baseline) - 1] = 0;
		bench_set_spread(rep.ratio_min_milli, rep.ratio_med_milli,
				 rep.ratio_max_milli);
		bench_report(rep.name, rep.unit, rep.value_milli, rep.baseline,
			     rep.baseline_milli);
		return 0;
	}
	return -ENOTTY;
}

static long uf_ioctl(struct file *file, unsigned int cmd, unsigned long arg)
{
	long ret;

	mutex_lock(&uf_lock);
	ret = uf_ioctl_locked(cmd, (void __user *)arg);
	mutex_unlock(&uf_lock);
	return ret;
}

static const struct file_operations uf_fops = {
	.owner = THIS_MODULE,
	.unlocked_ioctl = uf_ioctl,
	.compat_ioctl = compat_ptr_ioctl,
	.mmap = uf_mmap,
};

static struct miscdevice uf_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ddi_umem_fixture",
	.fops = &uf_fops,
	.mode = 0666,
};

static bool uf_registered;

int ddic_umem_fixture_init(void)
{
	int err = misc_register(&uf_misc);

	uf_registered = !err;
	return err;
}

void ddic_umem_fixture_exit(void)
{
	if (uf_registered)
		misc_deregister(&uf_misc);
	mutex_lock(&uf_lock);
	uf_free_all();
	mutex_unlock(&uf_lock);
}
