/* SPDX-License-Identifier: GPL-2.0 */

/*
 * dmrace - a test-only driver for the races of the driver model (audit
 * 2, finding 1; issue 11), in Solaris style.
 *
 * Each instance has minors slow0..slow3, ctl and clone.  open(9E),
 * close(9E), attach(9E) and detach(9E) can be slowed by delay(9F): the
 * .conf gives the defaults (open-delay, close-delay, attach-delay,
 * detach-delay, in milliseconds) and the DMR_SETDELAY ioctl changes
 * them; ctl's own opens and closes are never slowed.  An open of clone
 * is given one of eight minors of its own (a cloning driver), which
 * close(9E) frees at once, before its delay.
 *
 * The driver checks what the framework promises a Solaris driver and
 * counts every broken promise as a violation, with a warning naming it
 * ("dmrace: violation: ..."):
 *   - close(9E) is called on the last close of a minor only: never for
 *     a minor that is not open, never while an open(9E) of the same
 *     minor runs, never twice at once;
 *   - open(9E) of a minor does not run while its last close(9E) runs;
 *   - open(9E) and close(9E) reach an attached instance only;
 *   - detach(9E) is not called while a minor of the instance is open
 *     or being opened or closed.
 * DMR_STATS gives the counts; they and the state live in the module, so
 * they survive detach and attach (not a reload).
 */

#include <sys/types.h>
#include <sys/param.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/stat.h>
#include <sys/file.h>
#include <sys/ksynch.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include "dmrace.h"

#define	DMR_NMINOR	(DMR_NINST * DMR_PER_INST)

typedef struct dmr_minor {
	int	dm_opening;		/* open(9E) calls running */
	int	dm_closing;		/* close(9E) calls running */
	int	dm_open;		/* opened, not closed since */
	int	dm_busy;		/* clone minors: handed out */
} dmr_minor_t;

static kmutex_t dmr_lock;
static dmr_minor_t dmr_minors[DMR_NMINOR];
static int dmr_attached[DMR_NINST];
static int dmr_ms[DMR_ND];
static int dmr_conf_read;
static int dmr_failnth;
static int dmr_tries;
static struct dmr_stats dmr_st;

static char *dmr_slowname[DMR_NSLOW] = {
	"slow0", "slow1", "slow2", "slow3"
};

static const char *dmr_dname[DMR_ND] = {
	"open-delay", "close-delay", "attach-delay", "detach-delay"
};

static int dmr_attach(dev_info_t *, ddi_attach_cmd_t);
static int dmr_detach(dev_info_t *, ddi_detach_cmd_t);
static int dmr_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int dmr_open(dev_t *, int, int, cred_t *);
static int dmr_close(dev_t, int, int, cred_t *);
static int dmr_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);

static struct cb_ops dmr_cb_ops = {
	dmr_open,		/* cb_open */
	dmr_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
	dmr_ioctl,		/* cb_ioctl */
	nodev,			/* cb_devmap */
	nodev,			/* cb_mmap */
	nodev,			/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	NULL,			/* cb_str */
	D_NEW | D_MP | D_64BIT,	/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops dmr_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	dmr_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	dmr_attach,		/* devo_attach */
	dmr_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&dmr_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv dmr_modldrv = {
	&mod_driverops,
	"driver-model race test driver",
	&dmr_dev_ops
};

static struct modlinkage dmr_modlinkage = {
	MODREV_1,
	{ (void *)&dmr_modldrv, NULL }
};

int
_init(void)
{
	int error;

	mutex_init(&dmr_lock, NULL, MUTEX_DRIVER, NULL);
	error = mod_install(&dmr_modlinkage);
	if (error != 0)
		mutex_destroy(&dmr_lock);
	return (error);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&dmr_modlinkage, modinfop));
}

int
_fini(void)
{
	int error;

	error = mod_remove(&dmr_modlinkage);
	if (error == 0)
		mutex_destroy(&dmr_lock);
	return (error);
}

/* Count a broken promise; dmr_lock held. */
static void
dmr_violation(const char *what, int minor)
{
	dmr_st.ds_violations++;
	cmn_err(CE_WARN, "dmrace: violation: %s (minor %d)", what, minor);
}

/* Sleep for the delay of entry point @which. */
static void
dmr_sleep(int which)
{
	int ms;

	mutex_enter(&dmr_lock);
	ms = dmr_ms[which];
	mutex_exit(&dmr_lock);
	if (ms > 0)
		delay(drv_usectohz((clock_t)ms * 1000));
}

static int
dmr_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int inst = ddi_get_instance(dip);
	int i, base;

	if (cmd != DDI_ATTACH || inst < 0 || inst >= DMR_NINST)
		return (DDI_FAILURE);
	mutex_enter(&dmr_lock);
	if (!dmr_conf_read) {
		for (i = 0; i < DMR_ND; i++)
			dmr_ms[i] = ddi_prop_get_int(DDI_DEV_T_ANY, dip,
			    DDI_PROP_DONTPASS, (char *)dmr_dname[i], 0);
		dmr_conf_read = 1;
	}
	if (dmr_attached[inst])
		dmr_violation("attach(9E) of an attached instance", inst);
	mutex_exit(&dmr_lock);
	dmr_sleep(DMR_D_ATTACH);

	base = inst * DMR_PER_INST;
	for (i = 0; i < DMR_NSLOW; i++) {
		if (ddi_create_minor_node(dip, dmr_slowname[i], S_IFCHR,
		    base + i, DDI_PSEUDO, 0) != DDI_SUCCESS)
			goto fail;
	}
	if (ddi_create_minor_node(dip, "ctl", S_IFCHR, base + DMR_CTL,
	    DDI_PSEUDO, 0) != DDI_SUCCESS ||
	    ddi_create_minor_node(dip, "clone", S_IFCHR, base + DMR_CLONE,
	    DDI_PSEUDO, 0) != DDI_SUCCESS)
		goto fail;
	mutex_enter(&dmr_lock);
	dmr_attached[inst] = 1;
	dmr_st.ds_attaches++;
	mutex_exit(&dmr_lock);
	return (DDI_SUCCESS);
fail:
	ddi_remove_minor_node(dip, NULL);
	return (DDI_FAILURE);
}

static int
dmr_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	int inst = ddi_get_instance(dip);
	dmr_minor_t *m;
	int i;

	if (cmd != DDI_DETACH || inst < 0 || inst >= DMR_NINST)
		return (DDI_FAILURE);
	mutex_enter(&dmr_lock);
	if (!dmr_attached[inst])
		dmr_violation("detach(9E) of a detached instance", inst);
	for (i = 0; i < DMR_PER_INST; i++) {
		m = &dmr_minors[inst * DMR_PER_INST + i];
		if (m->dm_open || m->dm_opening || m->dm_closing)
			dmr_violation("detach(9E) with a minor in use",
			    inst * DMR_PER_INST + i);
	}
	mutex_exit(&dmr_lock);
	dmr_sleep(DMR_D_DETACH);
	ddi_remove_minor_node(dip, NULL);
	mutex_enter(&dmr_lock);
	dmr_attached[inst] = 0;
	dmr_st.ds_detaches++;
	mutex_exit(&dmr_lock);
	return (DDI_SUCCESS);
}

/*ARGSUSED*/
static int
dmr_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	return (DDI_FAILURE);
}

/*ARGSUSED*/
static int
dmr_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	minor_t minor = getminor(*devp);
	int inst = minor / DMR_PER_INST, idx = minor % DMR_PER_INST;
	int ctl = (idx == DMR_CTL), i, error = 0;
	dmr_minor_t *m;

	if (otyp != OTYP_CHR || inst >= DMR_NINST)
		return (ENXIO);
	if (idx >= DMR_NSLOW && idx != DMR_CTL && idx != DMR_CLONE)
		return (ENXIO);	/* a clone minor is not opened by name */
	m = &dmr_minors[minor];
	mutex_enter(&dmr_lock);
	if (!dmr_attached[inst])
		dmr_violation("open(9E) of a detached instance", minor);
	if (m->dm_closing)
		dmr_violation("open(9E) during the last close(9E)", minor);
	m->dm_opening++;
	dmr_st.ds_opening += !ctl;
	mutex_exit(&dmr_lock);

	if (!ctl)
		dmr_sleep(DMR_D_OPEN);

	mutex_enter(&dmr_lock);
	m->dm_opening--;
	dmr_st.ds_opening -= !ctl;
	if (!ctl && dmr_failnth > 0 && ++dmr_tries % dmr_failnth == 0) {
		dmr_st.ds_failed++;
		error = EIO;
	} else if (idx == DMR_CLONE) {
		for (i = 0; i < DMR_NCLONE; i++)
			if (!dmr_minors[inst * DMR_PER_INST + DMR_CLONE0 +
			    i].dm_busy)
				break;
		if (i == DMR_NCLONE) {
			error = EAGAIN;
		} else {
			minor = inst * DMR_PER_INST + DMR_CLONE0 + i;
			m = &dmr_minors[minor];
			m->dm_busy = 1;
			m->dm_open = 1;
			dmr_st.ds_opens++;
			*devp = makedevice(getmajor(*devp), minor);
		}
	} else {
		m->dm_open = 1;
		dmr_st.ds_opens += !ctl;
	}
	mutex_exit(&dmr_lock);
	return (error);
}

/*ARGSUSED*/
static int
dmr_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	minor_t minor = getminor(dev);
	int inst = minor / DMR_PER_INST, idx = minor % DMR_PER_INST;
	int ctl = (idx == DMR_CTL);
	dmr_minor_t *m;

	if (inst >= DMR_NINST)
		return (ENXIO);
	m = &dmr_minors[minor];
	mutex_enter(&dmr_lock);
	if (!dmr_attached[inst])
		dmr_violation("close(9E) of a detached instance", minor);
	if (m->dm_opening)
		dmr_violation("close(9E) during an open(9E)", minor);
	if (m->dm_closing)
		dmr_violation("two close(9E) at once", minor);
	if (!m->dm_open)
		dmr_violation("close(9E) of a minor not open", minor);
	m->dm_open = 0;
	m->dm_busy = 0;		/* a clone minor may be handed out again */
	m->dm_closing++;
	dmr_st.ds_closes += !ctl;
	dmr_st.ds_closing += !ctl;
	mutex_exit(&dmr_lock);

	if (!ctl)
		dmr_sleep(DMR_D_CLOSE);

	mutex_enter(&dmr_lock);
	m->dm_closing--;
	dmr_st.ds_closing -= !ctl;
	mutex_exit(&dmr_lock);
	return (0);
}

/*ARGSUSED*/
static int
dmr_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	struct dmr_stats st;
	struct dmr_delay d;
	int i, n;

	switch (cmd) {
	case DMR_SETDELAY:
		if (ddi_copyin((void *)arg, &d, sizeof (d), mode) != 0)
			return (EFAULT);
		if (d.dd_which < 0 || d.dd_which >= DMR_ND || d.dd_ms < 0 ||
		    d.dd_ms > 60000)
			return (EINVAL);
		mutex_enter(&dmr_lock);
		dmr_ms[d.dd_which] = d.dd_ms;
		mutex_exit(&dmr_lock);
		return (0);
	case DMR_FAILNTH:
		if (ddi_copyin((void *)arg, &n, sizeof (n), mode) != 0)
			return (EFAULT);
		if (n < 0)
			return (EINVAL);
		mutex_enter(&dmr_lock);
		dmr_failnth = n;
		dmr_tries = 0;
		mutex_exit(&dmr_lock);
		return (0);
	case DMR_RESET:
		mutex_enter(&dmr_lock);
		dmr_st.ds_opens = dmr_st.ds_failed = dmr_st.ds_closes = 0;
		dmr_st.ds_attaches = dmr_st.ds_detaches = 0;
		dmr_st.ds_violations = 0;
		mutex_exit(&dmr_lock);
		return (0);
	case DMR_STATS:
		mutex_enter(&dmr_lock);
		st = dmr_st;
		st.ds_nopen = 0;
		for (i = 0; i < DMR_NMINOR; i++)
			if (dmr_minors[i].dm_open &&
			    i % DMR_PER_INST != DMR_CTL)
				st.ds_nopen++;
		mutex_exit(&dmr_lock);
		if (ddi_copyout(&st, (void *)arg, sizeof (st), mode) != 0)
			return (EFAULT);
		return (0);
	default:
		return (ENOTTY);
	}
}
