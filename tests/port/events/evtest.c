// SPDX-License-Identifier: GPL-2.0
/*
 * evtest: the NDI event service and device control ioctls as a leaf
 * driver uses them (tests/port/events/test.sh).  Each instance registers
 * a handler for DDI_DEVI_FAULT_EVENT at attach and counts the events
 * posted for it; ioctls post one, read the counts, run a handler that
 * removes itself, remove an id that was never registered, and read a
 * devctl argument with ndi_dc_allochdl() and hand its node name back.
 * One more hands back hz and the tick conversions of <sys/time.h>.
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/stat.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/sunndi.h>
#include <sys/devctl.h>
#include "evtest.h"

typedef struct evt {
	dev_info_t		*dip;
	kmutex_t		lock;
	ddi_eventcookie_t	fault;
	ddi_callback_id_t	cbid;
	ddi_callback_id_t	selfid;
	struct evt_state	st;
} evt_t;

static void *evt_states;

static void
evt_fault(dev_info_t *dip, ddi_eventcookie_t cookie, void *arg, void *impl)
{
	evt_t *evt = arg;

	mutex_enter(&evt->lock);
	evt->st.count++;
	evt->st.last = (unsigned int)(uintptr_t)impl;
	mutex_exit(&evt->lock);
}

static void
evt_self(dev_info_t *dip, ddi_eventcookie_t cookie, void *arg, void *impl)
{
	evt_t *evt = arg;

	mutex_enter(&evt->lock);
	evt->st.self_runs++;
	mutex_exit(&evt->lock);
	if (ddi_remove_event_handler(evt->selfid) != DDI_SUCCESS)
		cmn_err(CE_WARN, "evtest: the handler could not remove itself");
}

static int
evt_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int inst = ddi_get_instance(dip);
	ddi_eventcookie_t other;
	char want[16];
	char *addr, *node;
	evt_t *evt;

	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	if (ddi_soft_state_zalloc(evt_states, inst) != DDI_SUCCESS)
		return (DDI_FAILURE);
	evt = ddi_get_soft_state(evt_states, inst);
	evt->dip = dip;
	mutex_init(&evt->lock, NULL, MUTEX_DRIVER, NULL);

	/* char *, as on Solaris */
	node = ddi_node_name(dip);
	addr = ddi_get_name_addr(dip);
	(void) snprintf(want, sizeof (want), "%d", inst);
	evt->st.addr_ok = addr != NULL && strcmp(addr, want) == 0 &&
	    strcmp(node, "evtest") == 0;
	evt->st.unknown_fails = ddi_get_eventcookie(dip, "evtest_no_such",
	    &other) == DDI_FAILURE;

	if (ddi_get_eventcookie(dip, DDI_DEVI_FAULT_EVENT, &evt->fault) !=
	    DDI_SUCCESS ||
	    ddi_add_event_handler(dip, evt->fault, evt_fault, evt,
	    &evt->cbid) != DDI_SUCCESS ||
	    ddi_create_minor_node(dip, "ev", S_IFCHR, inst, DDI_PSEUDO,
	    NULL) != DDI_SUCCESS) {
		if (evt->cbid != NULL)
			(void) ddi_remove_event_handler(evt->cbid);
		mutex_destroy(&evt->lock);
		ddi_soft_state_free(evt_states, inst);
		return (DDI_FAILURE);
	}
	return (DDI_SUCCESS);
}

static int
evt_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	int inst = ddi_get_instance(dip);
	evt_t *evt = ddi_get_soft_state(evt_states, inst);

	if (cmd != DDI_DETACH || evt == NULL)
		return (DDI_FAILURE);
	ddi_remove_minor_node(dip, NULL);
	(void) ddi_remove_event_handler(evt->cbid);
	mutex_destroy(&evt->lock);
	ddi_soft_state_free(evt_states, inst);
	return (DDI_SUCCESS);
}

static int
evt_devctl(intptr_t arg)
{
	struct devctl_iocdata *dcp;
	char *name;
	int err = 0;

	if (ndi_dc_allochdl((void *)arg, &dcp) != NDI_SUCCESS)
		return (EFAULT);
	name = ndi_dc_getname(dcp);
	if (name == NULL || dcp->cpyout_buf == NULL)
		err = EINVAL;
	else if (copyout(name, dcp->cpyout_buf, strlen(name) + 1) != 0)
		err = EFAULT;
	ndi_dc_freehdl(dcp);
	return (err);
}

static int
evt_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *cr, int *rv)
{
	evt_t *evt = ddi_get_soft_state(evt_states, getminor(dev));
	struct evt_state st;

	if (evt == NULL)
		return (ENXIO);
	switch (cmd) {
	case EVT_POST:
		if (ndi_post_event(evt->dip, evt->dip, evt->fault,
		    (void *)arg) != DDI_SUCCESS)
			return (EIO);
		return (0);
	case EVT_STATE:
		mutex_enter(&evt->lock);
		st = evt->st;
		mutex_exit(&evt->lock);
		if (ddi_copyout(&st, (void *)arg, sizeof (st), mode) != 0)
			return (EFAULT);
		return (0);
	case EVT_SELFREMOVE:
		if (ddi_add_event_handler(evt->dip, evt->fault, evt_self, evt,
		    &evt->selfid) != DDI_SUCCESS)
			return (EIO);
		if (ndi_post_event(evt->dip, evt->dip, evt->fault, NULL) !=
		    DDI_SUCCESS ||
		    ndi_post_event(evt->dip, evt->dip, evt->fault, NULL) !=
		    DDI_SUCCESS)
			return (EIO);
		return (0);
	case EVT_BADREMOVE:
		if (ddi_remove_event_handler((ddi_callback_id_t)evt) ==
		    DDI_SUCCESS)
			return (EIO);
		return (0);
	case EVT_DEVCTL:
		return (evt_devctl(arg));
	case EVT_TICKS: {
		struct evt_ticks t;

		t.hz = hz;
		t.usectohz_1s = drv_usectohz(1000000);
		t.msec_to_tick_1s = MSEC_TO_TICK(1000);
		t.tick_to_msec_hz = TICK_TO_MSEC(hz);
		t.msec_roundup_1 = MSEC_TO_TICK_ROUNDUP(1);
		t.msec_to_tick_1 = MSEC_TO_TICK(1);
		t.usec_roundup_1 = USEC_TO_TICK_ROUNDUP(1);
		if (ddi_copyout(&t, (void *)arg, sizeof (t), mode) != 0)
			return (EFAULT);
		return (0);
	}
	default:
		return (ENOTTY);
	}
}

static int
evt_open(dev_t *devp, int flag, int otyp, cred_t *cr)
{
	return (ddi_get_soft_state(evt_states, getminor(*devp)) ? 0 : ENXIO);
}

static int
evt_close(dev_t dev, int flag, int otyp, cred_t *cr)
{
	return (0);
}

static int
evt_info(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **result)
{
	evt_t *evt = ddi_get_soft_state(evt_states,
	    getminor((dev_t)(uintptr_t)arg));

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		if (evt == NULL)
			return (DDI_FAILURE);
		*result = evt->dip;
		return (DDI_SUCCESS);
	case DDI_INFO_DEVT2INSTANCE:
		*result = (void *)(uintptr_t)getminor((dev_t)(uintptr_t)arg);
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static struct cb_ops evt_cb_ops = {
	evt_open, evt_close, nodev, nodev, nodev, nodev, nodev, evt_ioctl,
	nodev, nodev, nodev, nochpoll, ddi_prop_op, NULL, D_MP, CB_REV,
	nodev, nodev
};

static struct dev_ops evt_ops = {
	DEVO_REV, 0, evt_info, nulldev, nulldev, evt_attach, evt_detach,
	nodev, &evt_cb_ops, NULL, NULL, ddi_quiesce_not_needed
};

static struct modldrv evt_modldrv = {
	&mod_driverops, "NDI event test", &evt_ops
};

static struct modlinkage evt_modlinkage = {
	MODREV_1, { &evt_modldrv, NULL }
};

int
_init(void)
{
	int e;

	if ((e = ddi_soft_state_init(&evt_states, sizeof (evt_t), 2)) != 0)
		return (e);
	if ((e = mod_install(&evt_modlinkage)) != 0)
		ddi_soft_state_fini(&evt_states);
	return (e);
}

int
_fini(void)
{
	int e;

	if ((e = mod_remove(&evt_modlinkage)) == 0)
		ddi_soft_state_fini(&evt_states);
	return (e);
}

int
_info(struct modinfo *mi)
{
	return (mod_info(&evt_modlinkage, mi));
}
