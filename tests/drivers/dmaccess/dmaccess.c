/* SPDX-License-Identifier: GPL-2.0 */

/*
 * dmaccess - a test-only driver for devmap_access(9E), devmap_load(9F)
 * and devmap_unload(9F) (issue 14), in Solaris style.
 *
 * Minor "ctx" maps one page of a cookie made at attach, with an access
 * callback that gives the page to one mapping at a time, as illumos's
 * winlockio does with its lock pages: when a mapping that is not the
 * current one touches the page, the callback unloads the current
 * mapping (devmap_unload: its next touch faults) and loads the one that
 * touched it (devmap_load).  Every mapping starts unloaded.  The driver
 * counts the callbacks, loads and unloads (DMA_STATS; DMA_RESET zeroes
 * them); a test program checks the sequence.
 *
 * Minor "remap" maps the first cookie with DEVMAP_MAPPING_INVALID and
 * DEVMAP_ALLOW_REMAP; its access callback moves the handle to a second
 * cookie (devmap_umem_remap) holding DMA_REMAP_WORD and loads it
 * (devmap_default_access), so the process reads that word.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/file.h>
#include <sys/ksynch.h>
#include <sys/kmem.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include "dmaccess.h"

/* One mapping: its handle, for the other mappings' callbacks. */
typedef struct dma_pvt {
	devmap_cookie_t	dp_dhp;
} dma_pvt_t;

static kmutex_t dma_lock;
static dev_info_t *dma_dip;
static ddi_umem_cookie_t dma_cookie;
static ddi_umem_cookie_t dma_cookie2;	/* "remap": what it moves to */
static dma_pvt_t *dma_cur;		/* the mapping that has the page */
static dma_stats_t dma_st;

static ddi_device_acc_attr_t dma_acc = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

static int dma_attach(dev_info_t *, ddi_attach_cmd_t);
static int dma_detach(dev_info_t *, ddi_detach_cmd_t);
static int dma_open(dev_t *, int, int, cred_t *);
static int dma_close(dev_t, int, int, cred_t *);
static int dma_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);
static int dma_devmap(dev_t, devmap_cookie_t, offset_t, size_t, size_t *,
    uint_t);
static int dma_dmap(devmap_cookie_t, dev_t, uint_t, offset_t, size_t,
    void **);
static int dma_daccess(devmap_cookie_t, void *, offset_t, size_t, uint_t,
    uint_t);
static int dma_raccess(devmap_cookie_t, void *, offset_t, size_t, uint_t,
    uint_t);
static int dma_ddup(devmap_cookie_t, void *, devmap_cookie_t, void **);
static void dma_dunmap(devmap_cookie_t, void *, offset_t, size_t,
    devmap_cookie_t, void **, devmap_cookie_t, void **);

static struct devmap_callback_ctl dma_callbacks = {
	DEVMAP_OPS_REV,		/* devmap_rev */
	dma_dmap,		/* devmap_map */
	dma_daccess,		/* devmap_access */
	dma_ddup,		/* devmap_dup */
	dma_dunmap		/* devmap_unmap */
};

static struct devmap_callback_ctl dma_rcallbacks = {
	DEVMAP_OPS_REV,		/* devmap_rev */
	NULL,			/* devmap_map */
	dma_raccess,		/* devmap_access */
	NULL,			/* devmap_dup */
	NULL			/* devmap_unmap */
};

static struct cb_ops dma_cb_ops = {
	dma_open,		/* cb_open */
	dma_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
	dma_ioctl,		/* cb_ioctl */
	dma_devmap,		/* cb_devmap */
	nodev,			/* cb_mmap */
	ddi_devmap_segmap,	/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	NULL,			/* cb_str */
	D_MP | D_DEVMAP,	/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops dma_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	ddi_no_info,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	dma_attach,		/* devo_attach */
	dma_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&dma_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv dma_modldrv = {
	&mod_driverops,
	"devmap_access test driver",
	&dma_dev_ops
};

static struct modlinkage dma_modlinkage = {
	MODREV_1,
	{ &dma_modldrv, NULL }
};

int
_init(void)
{
	return (mod_install(&dma_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&dma_modlinkage, modinfop));
}

int
_fini(void)
{
	return (mod_remove(&dma_modlinkage));
}

static int
dma_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	uint32_t *w;

	if (ddi_umem_alloc(PAGESIZE, DDI_UMEM_SLEEP, &dma_cookie) == NULL)
		return (DDI_FAILURE);
	if ((w = ddi_umem_alloc(PAGESIZE, DDI_UMEM_SLEEP, &dma_cookie2)) ==
	    NULL) {
		ddi_umem_free(dma_cookie);
		return (DDI_FAILURE);
	}
	*w = DMA_REMAP_WORD;
	mutex_init(&dma_lock, NULL, MUTEX_DRIVER, NULL);
	if (ddi_create_minor_node(dip, "ctx", S_IFCHR, 0, DDI_PSEUDO, 0) !=
	    DDI_SUCCESS ||
	    ddi_create_minor_node(dip, "remap", S_IFCHR, 1, DDI_PSEUDO, 0) !=
	    DDI_SUCCESS) {
		ddi_remove_minor_node(dip, NULL);
		mutex_destroy(&dma_lock);
		ddi_umem_free(dma_cookie);
		ddi_umem_free(dma_cookie2);
		return (DDI_FAILURE);
	}
	dma_dip = dip;
	return (DDI_SUCCESS);
}

static int
dma_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);
	ddi_remove_minor_node(dip, NULL);
	mutex_destroy(&dma_lock);
	ddi_umem_free(dma_cookie);
	ddi_umem_free(dma_cookie2);
	dma_dip = NULL;
	return (DDI_SUCCESS);
}

/*ARGSUSED*/
static int
dma_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	return (otyp == OTYP_CHR ? 0 : EINVAL);
}

/*ARGSUSED*/
static int
dma_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return (0);
}

/*ARGSUSED*/
static int
dma_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	dma_stats_t st;
	uint32_t maps;

	mutex_enter(&dma_lock);
	switch (cmd) {
	case DMA_STATS:
		st = dma_st;
		mutex_exit(&dma_lock);
		if (ddi_copyout(&st, (void *)arg, sizeof (st), mode) != 0)
			return (EFAULT);
		return (0);
	case DMA_RESET:
		maps = dma_st.ds_maps;
		bzero(&dma_st, sizeof (dma_st));
		dma_st.ds_maps = maps;
		mutex_exit(&dma_lock);
		return (0);
	default:
		mutex_exit(&dma_lock);
		return (ENOTTY);
	}
}

/*ARGSUSED*/
static int
dma_devmap(dev_t dev, devmap_cookie_t dhp, offset_t off, size_t len,
    size_t *maplen, uint_t model)
{
	int error;

	if (off != 0 || len != PAGESIZE)
		return (EINVAL);
	if (getminor(dev) == 1)
		error = devmap_umem_setup(dhp, dma_dip, &dma_rcallbacks,
		    dma_cookie, 0, PAGESIZE, PROT_ALL,
		    DEVMAP_MAPPING_INVALID | DEVMAP_ALLOW_REMAP, &dma_acc);
	else
		error = devmap_umem_setup(dhp, dma_dip, &dma_callbacks,
		    dma_cookie, 0, PAGESIZE, PROT_ALL, 0, &dma_acc);
	if (error != 0)
		return (error);
	*maplen = PAGESIZE;
	return (0);
}

/*ARGSUSED*/
static int
dma_dmap(devmap_cookie_t dhp, dev_t dev, uint_t flags, offset_t off,
    size_t len, void **pvtp)
{
	dma_pvt_t *p = kmem_zalloc(sizeof (*p), KM_SLEEP);

	p->dp_dhp = dhp;
	*pvtp = p;
	mutex_enter(&dma_lock);
	dma_st.ds_maps++;
	mutex_exit(&dma_lock);
	return (0);
}

/*
 * The winlockio pattern: the page belongs to one mapping at a time.  A
 * touch by another mapping takes it: the current one is unloaded (its
 * next touch comes back here) and the toucher is loaded.
 */
static int
dma_daccess(devmap_cookie_t dhp, void *pvtp, offset_t off, size_t len,
    uint_t type, uint_t rw)
{
	dma_pvt_t *p = pvtp;
	int error;

	mutex_enter(&dma_lock);
	dma_st.ds_faults++;
	if (rw == DEVMAP_WRITE)
		dma_st.ds_writes++;
	if (dma_cur != NULL && dma_cur != p) {
		if ((error = devmap_unload(dma_cur->dp_dhp, off, len)) != 0) {
			dma_st.ds_errors++;
			mutex_exit(&dma_lock);
			return (error);
		}
		dma_st.ds_unloads++;
	}
	dma_cur = p;
	if ((error = devmap_load(dhp, off, len, type, rw)) != 0)
		dma_st.ds_errors++;
	else
		dma_st.ds_loads++;
	mutex_exit(&dma_lock);
	return (error);
}

/* "remap": the mapping was set up invalid; give it the second cookie. */
static int
dma_raccess(devmap_cookie_t dhp, void *pvtp, offset_t off, size_t len,
    uint_t type, uint_t rw)
{
	int error;

	mutex_enter(&dma_lock);
	dma_st.ds_faults++;
	if (devmap_umem_remap(dhp, dma_dip, dma_cookie2, 0, PAGESIZE,
	    PROT_ALL, 0, NULL) != DDI_SUCCESS) {
		dma_st.ds_errors++;
		mutex_exit(&dma_lock);
		return (EIO);
	}
	dma_st.ds_remaps++;
	if ((error = devmap_default_access(dhp, pvtp, off, len, type,
	    rw)) != 0)
		dma_st.ds_errors++;
	else
		dma_st.ds_loads++;
	mutex_exit(&dma_lock);
	return (error);
}

/*ARGSUSED*/
static int
dma_ddup(devmap_cookie_t dhp, void *pvtp, devmap_cookie_t new_dhp,
    void **new_pvtp)
{
	dma_pvt_t *p = kmem_zalloc(sizeof (*p), KM_SLEEP);

	p->dp_dhp = new_dhp;
	*new_pvtp = p;
	mutex_enter(&dma_lock);
	dma_st.ds_maps++;
	dma_st.ds_dups++;
	mutex_exit(&dma_lock);
	return (0);
}

/*ARGSUSED*/
static void
dma_dunmap(devmap_cookie_t dhp, void *pvtp, offset_t off, size_t len,
    devmap_cookie_t new_dhp1, void **new_pvtp1, devmap_cookie_t new_dhp2,
    void **new_pvtp2)
{
	dma_pvt_t *p = pvtp;

	mutex_enter(&dma_lock);
	if (dma_cur == p)
		dma_cur = NULL;
	dma_st.ds_maps--;
	mutex_exit(&dma_lock);
	kmem_free(p, sizeof (*p));
}
