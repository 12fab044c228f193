/*
 * Test fixture for scripts/preflight.py (never compiled): a Solaris-style
 * pseudo driver that calls exactly four interfaces ddi_compat lacks, from
 * four families (nvlist, unicode in fixture.h, ufm, STREAMS), and many it
 * provides.  Not reported, on purpose: names in comments and strings, the
 * driver's own functions, struct members, and Solaris names without a
 * call.  The expected list is ../missing.expected.
 *
 * A comment naming nvlist_free(nvl) or ddi_dma_alloc_handle(dip) is not a call,
 * nor is this line an include:
 * #include <sys/nvpair.h>
 * It calls one kernel internal outside 9F (modunload_disable) and names
 * one DDI function outside 9F as a value (ddi_ctlops), both listed as
 * "not 9F".  It also uses one 9S structure ddi_compat lacks (struct ddi_dmae_req); a
 * pointer to a structure (struct streamtab *) needs no definition.
 * One header it includes is missing from ddi_compat (sys/ddi_ufm.h); its
 * own fixture.h is found in its directory.
 */
#include <sys/types.h>
#include <sys/conf.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/ddi_ufm.h>
#include "fixture.h"

static void *fixture_statep;
/* A DDI name outside 9F that ddi_compat lacks, named as a value. */
static int (*fixture_ctl)() = ddi_ctlops;

static int fixture_attach(dev_info_t *, ddi_attach_cmd_t);
static int fixture_detach(dev_info_t *, ddi_detach_cmd_t);

/* The driver's own function, named as a 9F entry it does not get from us. */
static int
usb_get_addr(dev_info_t *dip)
{
	return (ddi_get_instance(dip));
}

static int
fixture_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	fixture_state_t *sp;

	sp = ddi_get_soft_state(fixture_statep, getminor(*devp));
	if (sp == NULL)
		return (ENXIO);
	if (sp->pm_idle_component != NULL)
		(void) sp->pm_idle_component(sp->fs_dip, 0);
	sp->timeout = drv_usectohz(1000);
	return (drv_priv(credp));
}

static struct cb_ops fixture_cb_ops = {
	fixture_open,		/* open */
	nulldev,		/* close */
	nodev,			/* strategy */
	nodev,			/* print */
	nodev,			/* dump */
	nodev,			/* read */
	nodev,			/* write */
	nodev,			/* ioctl */
	nodev,			/* devmap */
	nodev,			/* mmap */
	nodev,			/* segmap */
	nochpoll,		/* chpoll */
	ddi_prop_op,		/* prop_op */
	NULL,			/* streamtab */
	D_NEW | D_MP
};

static struct dev_ops fixture_dev_ops = {
	DEVO_REV, 0, ddi_no_info, nulldev, nulldev,
	fixture_attach, fixture_detach, nodev, &fixture_cb_ops,
	NULL, NULL, ddi_quiesce_not_needed
};

static int
fixture_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	fixture_state_t *sp;
	ddi_ufm_handle_t *ufmh;
	void *mp;
	struct ddi_dmae_req dmaereq;
	struct streamtab *stp = NULL;

	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (ddi_soft_state_zalloc(fixture_statep, instance) != DDI_SUCCESS)
		return (DDI_FAILURE);
	sp = ddi_get_soft_state(fixture_statep, instance);
	sp->fs_dip = dip;
	mutex_init(&sp->fs_lock, NULL, MUTEX_DRIVER, NULL);
	if (nvlist_alloc(&sp->fs_nvl, NV_UNIQUE_NAME, KM_SLEEP) != 0)
		cmn_err(CE_WARN, "fixture: nvlist_pack(%d) failed", instance);
	if (!FIXTURE_NAME_OK(ddi_driver_name(dip), 7))
		cmn_err(CE_NOTE, "fixture: 'x' usb_pipe_open(");
	(void) ddi_ufm_init(dip, DDI_UFM_CURRENT_VERSION, NULL, &ufmh, sp);
	bzero(&dmaereq, sizeof (dmaereq));
	mp = allocb(64, BPRI_MED);
	if (mp == NULL || stp != NULL)
		return (DDI_FAILURE);
	if (ddi_create_minor_node(dip, "fixture", S_IFCHR, instance,
	    DDI_PSEUDO, 0) != DDI_SUCCESS) {
		mutex_destroy(&sp->fs_lock);
		ddi_soft_state_free(fixture_statep, instance);
		return (DDI_FAILURE);
	}
	delay(drv_usectohz(10));
	ddi_report_dev(dip);
	modunload_disable();
	(void) fixture_le16(instance);
	return (usb_get_addr(dip) >= 0 ? DDI_SUCCESS : DDI_FAILURE);
}

static int
fixture_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);
	ddi_remove_minor_node(dip, NULL);
	ddi_soft_state_free(fixture_statep, ddi_get_instance(dip));
	return (DDI_SUCCESS);
}

static struct modldrv fixture_modldrv = {
	&mod_driverops, "preflight fixture", &fixture_dev_ops
};

static struct modlinkage fixture_modlinkage = {
	MODREV_1, &fixture_modldrv, NULL
};

int
_init(void)
{
	int e;

	if ((e = ddi_soft_state_init(&fixture_statep,
	    sizeof (fixture_state_t), 1)) != 0)
		return (e);
	if ((e = mod_install(&fixture_modlinkage)) != 0)
		ddi_soft_state_fini(&fixture_statep);
	return (e);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&fixture_modlinkage, modinfop));
}

int
_fini(void)
{
	int e;

	if ((e = mod_remove(&fixture_modlinkage)) == 0)
		ddi_soft_state_fini(&fixture_statep);
	return (e);
}
