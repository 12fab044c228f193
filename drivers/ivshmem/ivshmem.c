/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Driver for QEMU's "ivshmem-plain" device (vendor 0x1af4, device 0x1110),
 * written as a Solaris driver: it maps the device's shared memory to user
 * processes through devmap(9E) and devmap_devmem_setup(9F).
 *
 * The device has a small register BAR (BAR 0) and its shared memory as
 * BAR 2, a prefetchable memory BAR backed by a host memory object (QEMU's
 * memory-backend-file: every process mapping it, in this guest, in other
 * guests and on the host, sees the same bytes).  The driver finds the
 * register set of BAR 2 through the "reg" property, as real drivers find
 * their BARs.
 *
 * Each instance has two minor nodes: "rw", mapped write-combined
 * (DDI_MERGING_OK_ACC) with PROT_ALL as maxprot, and "ro", mapped uncached
 * (DDI_STRICTORDER_ACC) with read-only maxprot: mmap(2) or mprotect(2)
 * asking for PROT_WRITE there fails with EACCES.  IVSHIOC_INFO gives the
 * size of the memory, its register set and the number of devmap(9E)
 * calls.
 *
 * Detach: the framework refuses to detach an instance that is open, and a
 * mapping keeps its file open; so detach(9E) never runs while the memory
 * is mapped, as on Solaris.
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/systm.h>
#include <sys/file.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/stat.h>
#include <sys/mman.h>
#include <sys/ksynch.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/cmn_err.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/pci.h>

#include "ivshmem.h"

#define	IVSH_VENDOR	0x1af4
#define	IVSH_DEVICE	0x1110

/* Minor numbers: two per instance. */
#define	IVSH_MINOR_RW	0
#define	IVSH_MINOR_RO	1
#define	IVSH_MINOR(inst, which)	((minor_t)((inst) * 2 + (which)))
#define	IVSH_INST(minor)	((int)((minor) / 2))
#define	IVSH_WHICH(minor)	((int)((minor) % 2))

typedef struct ivsh_state {
	dev_info_t	*devi;
	int		instance;
	uint_t		rnumber;	/* register set of BAR 2 */
	off_t		size;		/* its size */
	kmutex_t	lock;
	uint32_t	maps;		/* devmap(9E) calls */
} ivsh_state_t;

static void *ivsh_state_head;

static ddi_device_acc_attr_t ivsh_wc_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_MERGING_OK_ACC
};

static ddi_device_acc_attr_t ivsh_uc_attr = {
	DDI_DEVICE_ATTR_V0,
	DDI_NEVERSWAP_ACC,
	DDI_STRICTORDER_ACC
};

static int ivsh_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int ivsh_attach(dev_info_t *, ddi_attach_cmd_t);
static int ivsh_detach(dev_info_t *, ddi_detach_cmd_t);
static int ivsh_open(dev_t *, int, int, cred_t *);
static int ivsh_close(dev_t, int, int, cred_t *);
static int ivsh_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);
static int ivsh_devmap(dev_t, devmap_cookie_t, offset_t, size_t, size_t *,
    uint_t);

static struct cb_ops ivsh_cb_ops = {
	ivsh_open,		/* cb_open */
	ivsh_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
	ivsh_ioctl,		/* cb_ioctl */
	ivsh_devmap,		/* cb_devmap */
	nodev,			/* cb_mmap */
	ddi_devmap_segmap,	/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	(struct streamtab *)NULL,	/* cb_str */
	D_MP | D_64BIT | D_DEVMAP,	/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops ivsh_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	ivsh_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	ivsh_attach,		/* devo_attach */
	ivsh_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&ivsh_cb_ops,		/* devo_cb_ops */
	(struct bus_ops *)NULL,	/* devo_bus_ops */
	nodev,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv modldrv = {
	&mod_driverops,
	"QEMU ivshmem-plain 1.0",
	&ivsh_dev_ops
};

static struct modlinkage modlinkage = {
	MODREV_1,
	{ (void *)&modldrv, NULL }
};

int
_init(void)
{
	int retval;

	if ((retval = ddi_soft_state_init(&ivsh_state_head,
	    sizeof (ivsh_state_t), 1)) != 0)
		return (retval);
	if ((retval = mod_install(&modlinkage)) != 0) {
		ddi_soft_state_fini(&ivsh_state_head);
		return (retval);
	}
	return (0);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&modlinkage, modinfop));
}

int
_fini(void)
{
	int retval;

	if ((retval = mod_remove(&modlinkage)) != 0)
		return (retval);
	ddi_soft_state_fini(&ivsh_state_head);
	return (0);
}

static int
ivsh_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	int instance = IVSH_INST(getminor((dev_t)(uintptr_t)arg));
	ivsh_state_t *sp;

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		sp = ddi_get_soft_state(ivsh_state_head, instance);
		*resultp = sp != NULL ? sp->devi : NULL;
		return (sp != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)instance;
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

/* The register set of BAR 2, from the "reg" property; -1 if none. */
static int
ivsh_find_bar2(dev_info_t *dip)
{
	int *regs;
	uint_t n, i;
	int rnumber = -1;

	if (ddi_prop_lookup_int_array(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "reg", &regs, &n) != DDI_PROP_SUCCESS)
		return (-1);
	for (i = 0; i + 5 <= n; i += 5) {
		if (PCI_REG_REG_G((uint_t)regs[i]) == PCI_CONF_BASE2) {
			rnumber = (int)(i / 5);
			break;
		}
	}
	ddi_prop_free(regs);
	return (rnumber);
}

static int
ivsh_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	ddi_acc_handle_t cfgh;
	ivsh_state_t *sp;
	uint16_t venid, devid;
	int rnumber;

	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (pci_config_setup(dip, &cfgh) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "ivshmem%d: pci_config_setup failed",
		    instance);
		return (DDI_FAILURE);
	}
	venid = pci_config_get16(cfgh, PCI_CONF_VENID);
	devid = pci_config_get16(cfgh, PCI_CONF_DEVID);
	pci_config_teardown(&cfgh);
	if (venid != IVSH_VENDOR || devid != IVSH_DEVICE) {
		cmn_err(CE_WARN, "ivshmem%d: not an ivshmem device (%04x,%04x)",
		    instance, venid, devid);
		return (DDI_FAILURE);
	}
	if ((rnumber = ivsh_find_bar2(dip)) < 0) {
		cmn_err(CE_WARN, "ivshmem%d: no BAR 2 (shared memory)",
		    instance);
		return (DDI_FAILURE);
	}
	if (ddi_soft_state_zalloc(ivsh_state_head, instance) != DDI_SUCCESS)
		return (DDI_FAILURE);
	sp = ddi_get_soft_state(ivsh_state_head, instance);
	sp->devi = dip;
	sp->instance = instance;
	sp->rnumber = (uint_t)rnumber;
	mutex_init(&sp->lock, NULL, MUTEX_DRIVER, NULL);
	if (ddi_dev_regsize(dip, sp->rnumber, &sp->size) != DDI_SUCCESS ||
	    sp->size < (off_t)ptob(1)) {
		cmn_err(CE_WARN, "ivshmem%d: no shared memory", instance);
		goto fail;
	}
	if (ddi_create_minor_node(dip, "rw", S_IFCHR,
	    IVSH_MINOR(instance, IVSH_MINOR_RW), DDI_PSEUDO, 0) !=
	    DDI_SUCCESS ||
	    ddi_create_minor_node(dip, "ro", S_IFCHR,
	    IVSH_MINOR(instance, IVSH_MINOR_RO), DDI_PSEUDO, 0) !=
	    DDI_SUCCESS) {
		cmn_err(CE_WARN, "ivshmem%d: cannot create the minor nodes",
		    instance);
		ddi_remove_minor_node(dip, NULL);
		goto fail;
	}
	ddi_report_dev(dip);
	return (DDI_SUCCESS);

fail:
	mutex_destroy(&sp->lock);
	ddi_soft_state_free(ivsh_state_head, instance);
	return (DDI_FAILURE);
}

static int
ivsh_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	ivsh_state_t *sp = ddi_get_soft_state(ivsh_state_head, instance);

	if (cmd != DDI_DETACH || sp == NULL)
		return (DDI_FAILURE);
	ddi_remove_minor_node(dip, NULL);
	mutex_destroy(&sp->lock);
	ddi_soft_state_free(ivsh_state_head, instance);
	return (DDI_SUCCESS);
}

static int
ivsh_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	if (otyp != OTYP_CHR)
		return (EINVAL);
	if (ddi_get_soft_state(ivsh_state_head,
	    IVSH_INST(getminor(*devp))) == NULL)
		return (ENXIO);
	return (0);
}

static int
ivsh_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return (0);
}

static int
ivsh_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	ivsh_state_t *sp = ddi_get_soft_state(ivsh_state_head,
	    IVSH_INST(getminor(dev)));
	ivsh_info_t info;

	if (sp == NULL)
		return (ENXIO);
	if (cmd != IVSHIOC_INFO)
		return (ENOTTY);
	bzero(&info, sizeof (info));
	info.ii_size = (uint64_t)sp->size;
	info.ii_rnumber = sp->rnumber;
	mutex_enter(&sp->lock);
	info.ii_maps = sp->maps;
	mutex_exit(&sp->lock);
	if (ddi_copyout(&info, (void *)arg, sizeof (info), mode) != 0)
		return (EFAULT);
	return (0);
}

/*
 * devmap(9E): the shared memory from @off, as much of @len as it holds.
 * "rw" maps write-combined with every protection; "ro" maps uncached and
 * read-only: maxprot without PROT_WRITE.
 */
static int
ivsh_devmap(dev_t dev, devmap_cookie_t dhp, offset_t off, size_t len,
    size_t *maplen, uint_t model)
{
	minor_t minor = getminor(dev);
	ivsh_state_t *sp = ddi_get_soft_state(ivsh_state_head,
	    IVSH_INST(minor));
	boolean_t ro = IVSH_WHICH(minor) == IVSH_MINOR_RO;
	size_t n;

	if (sp == NULL)
		return (ENXIO);
	if (off < 0 || off >= sp->size)
		return (EINVAL);
	n = ptob(btopr(len));
	if (n > (size_t)(sp->size - off))
		n = (size_t)(sp->size - off);
	if (devmap_devmem_setup(dhp, sp->devi, NULL, sp->rnumber, off, n,
	    ro ? PROT_READ | PROT_USER : PROT_ALL, DEVMAP_DEFAULTS,
	    ro ? &ivsh_uc_attr : &ivsh_wc_attr) != DDI_SUCCESS)
		return (ENXIO);
	mutex_enter(&sp->lock);
	sp->maps++;
	mutex_exit(&sp->lock);
	*maplen = n;
	return (0);
}
