/* SPDX-License-Identifier: GPL-2.0 */

/*
 * ringbuf - a pseudo device driver holding a ring of bytes per instance.
 *
 * Writers append to the ring and block while it is full; readers take
 * from it and block while it is empty (unless FNDELAY/FNONBLOCK).  The
 * ring size and a label come from ringbuf.conf.  chpoll(9E) reports
 * POLLIN while there are bytes and POLLOUT while there is room.  An
 * instance refuses to detach while its ring holds data, so unread data
 * is never thrown away.
 */

#include <sys/types.h>
#include <sys/file.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/poll.h>
#include <sys/ksynch.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/kmem.h>
#include <sys/model.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>

#include "ringbuf.h"

#define	RB_DEFSIZE	1024
#define	RB_MAXSIZE	(1024 * 1024)

typedef struct rb_state {
	dev_info_t	*rb_dip;
	kmutex_t	rb_lock;
	kcondvar_t	rb_cv;		/* data or room appeared */
	struct pollhead	rb_ph;
	char		*rb_buf;
	size_t		rb_size;
	size_t		rb_head;	/* next byte to read */
	size_t		rb_count;	/* bytes in the ring */
	char		rb_label[RB_LABELSZ];
} rb_state_t;

struct rb_info32 {
	size32_t	ri_size;
	size32_t	ri_count;
	int32_t		ri_instance;
	int32_t		ri_model;
};

static void *rb_statep;
static kmutex_t rb_stats_lock;
static struct rb_stats rb_stats;

static int rb_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int rb_attach(dev_info_t *, ddi_attach_cmd_t);
static int rb_detach(dev_info_t *, ddi_detach_cmd_t);
static int rb_open(dev_t *, int, int, cred_t *);
static int rb_close(dev_t, int, int, cred_t *);
static int rb_read(dev_t, struct uio *, cred_t *);
static int rb_write(dev_t, struct uio *, cred_t *);
static int rb_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);
static int rb_chpoll(dev_t, short, int, short *, struct pollhead **);

static struct cb_ops rb_cb_ops = {
	rb_open,		/* cb_open */
	rb_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	rb_read,		/* cb_read */
	rb_write,		/* cb_write */
	rb_ioctl,		/* cb_ioctl */
	nodev,			/* cb_devmap */
	nodev,			/* cb_mmap */
	nodev,			/* cb_segmap */
	rb_chpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	NULL,			/* cb_str */
	D_MP | D_64BIT,		/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops rb_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	rb_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	rb_attach,		/* devo_attach */
	rb_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&rb_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv rb_modldrv = {
	&mod_driverops,
	"ringbuf pseudo driver",
	&rb_dev_ops
};

static struct modlinkage rb_modlinkage = {
	MODREV_1,
	{ (void *)&rb_modldrv, NULL }
};

int
_init(void)
{
	int error;

	if ((error = ddi_soft_state_init(&rb_statep, sizeof (rb_state_t),
	    1)) != 0)
		return (error);
	mutex_init(&rb_stats_lock, NULL, MUTEX_DRIVER, NULL);
	if ((error = mod_install(&rb_modlinkage)) != 0) {
		mutex_destroy(&rb_stats_lock);
		ddi_soft_state_fini(&rb_statep);
	}
	return (error);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&rb_modlinkage, modinfop));
}

int
_fini(void)
{
	int error;

	if ((error = mod_remove(&rb_modlinkage)) != 0)
		return (error);
	mutex_destroy(&rb_stats_lock);
	ddi_soft_state_fini(&rb_statep);
	return (0);
}

static void
rb_count_event(unsigned int *counter)
{
	mutex_enter(&rb_stats_lock);
	(*counter)++;
	mutex_exit(&rb_stats_lock);
}

/*ARGSUSED*/
static int
rb_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	int instance = getminor((dev_t)(uintptr_t)arg);
	rb_state_t *rsp;

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		if ((rsp = ddi_get_soft_state(rb_statep, instance)) == NULL)
			return (DDI_FAILURE);
		*resultp = rsp->rb_dip;
		return (DDI_SUCCESS);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)instance;
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static int
rb_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	rb_state_t *rsp;
	char *label;
	int size;

	switch (cmd) {
	case DDI_ATTACH:
		break;
	case DDI_RESUME:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}

	size = ddi_prop_get_int(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "ringbuf-size", RB_DEFSIZE);
	if (size < 1 || size > RB_MAXSIZE) {
		cmn_err(CE_WARN, "ringbuf%d: ringbuf-size %d out of range "
		    "1..%d", instance, size, RB_MAXSIZE);
		return (DDI_FAILURE);
	}
	if (ddi_soft_state_zalloc(rb_statep, instance) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "ringbuf%d: cannot allocate soft state",
		    instance);
		return (DDI_FAILURE);
	}
	rsp = ddi_get_soft_state(rb_statep, instance);
	rsp->rb_dip = dip;
	rsp->rb_size = size;
	rsp->rb_buf = kmem_zalloc(rsp->rb_size, KM_SLEEP);
	mutex_init(&rsp->rb_lock, NULL, MUTEX_DRIVER, NULL);
	cv_init(&rsp->rb_cv, NULL, CV_DRIVER, NULL);
	if (ddi_prop_lookup_string(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "ringbuf-label", &label) == DDI_PROP_SUCCESS) {
		(void) strlcpy(rsp->rb_label, label, sizeof (rsp->rb_label));
		ddi_prop_free(label);
	} else {
		(void) strlcpy(rsp->rb_label, "ringbuf",
		    sizeof (rsp->rb_label));
	}

	if (ddi_create_minor_node(dip, "ringbuf", S_IFCHR, instance,
	    DDI_PSEUDO, 0) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "ringbuf%d: cannot create minor node",
		    instance);
		cv_destroy(&rsp->rb_cv);
		mutex_destroy(&rsp->rb_lock);
		kmem_free(rsp->rb_buf, rsp->rb_size);
		ddi_soft_state_free(rb_statep, instance);
		return (DDI_FAILURE);
	}

	/*
	 * Publish what this instance runs with (prtconf -v shows it): the
	 * ring's size for its minor, and its label.
	 */
	(void) ddi_prop_update_int(makedevice(DDI_MAJOR_T_UNKNOWN, instance),
	    dip, "ring-size", rsp->rb_size);
	(void) ddi_prop_update_string(DDI_DEV_T_NONE, dip, "ring-label",
	    rsp->rb_label);
	ddi_report_dev(dip);
	rb_count_event(&rb_stats.rs_attaches);
	return (DDI_SUCCESS);
}

static int
rb_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	rb_state_t *rsp;

	switch (cmd) {
	case DDI_DETACH:
		break;
	case DDI_SUSPEND:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}

	rsp = ddi_get_soft_state(rb_statep, instance);
	ASSERT(rsp != NULL);
	mutex_enter(&rsp->rb_lock);
	if (rsp->rb_count != 0) {
		/* Unread data would be lost: stay attached. */
		mutex_exit(&rsp->rb_lock);
		rb_count_event(&rb_stats.rs_refused);
		return (DDI_FAILURE);
	}
	mutex_exit(&rsp->rb_lock);

	ddi_remove_minor_node(dip, NULL);
	ddi_prop_remove_all(dip);
	cv_destroy(&rsp->rb_cv);
	mutex_destroy(&rsp->rb_lock);
	kmem_free(rsp->rb_buf, rsp->rb_size);
	ddi_soft_state_free(rb_statep, instance);
	rb_count_event(&rb_stats.rs_detaches);
	return (DDI_SUCCESS);
}

/*ARGSUSED*/
static int
rb_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	if (otyp != OTYP_CHR)
		return (EINVAL);
	if (ddi_get_soft_state(rb_statep, getminor(*devp)) == NULL)
		return (ENXIO);
	rb_count_event(&rb_stats.rs_opens);
	return (0);
}

/*ARGSUSED*/
static int
rb_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	if (otyp != OTYP_CHR)
		return (EINVAL);
	rb_count_event(&rb_stats.rs_closes);
	return (0);
}

/* Wait until cond holds; 0, or EAGAIN/EINTR.  Called with rb_lock. */
static int
rb_wait(rb_state_t *rsp, int fmode, boolean_t (*cond)(rb_state_t *))
{
	ASSERT(mutex_owned(&rsp->rb_lock));
	while (!cond(rsp)) {
		if (fmode & (FNDELAY | FNONBLOCK))
			return (EAGAIN);
		if (cv_wait_sig(&rsp->rb_cv, &rsp->rb_lock) == 0)
			return (EINTR);
	}
	return (0);
}

static boolean_t
rb_has_data(rb_state_t *rsp)
{
	return (rsp->rb_count > 0 ? B_TRUE : B_FALSE);
}

static boolean_t
rb_has_room(rb_state_t *rsp)
{
	return (rsp->rb_count < rsp->rb_size ? B_TRUE : B_FALSE);
}

/*ARGSUSED*/
static int
rb_read(dev_t dev, struct uio *uiop, cred_t *credp)
{
	rb_state_t *rsp = ddi_get_soft_state(rb_statep, getminor(dev));
	size_t n, chunk;
	int error;

	if (rsp == NULL)
		return (ENXIO);
	if (uiop->uio_resid == 0)
		return (0);
	mutex_enter(&rsp->rb_lock);
	if ((error = rb_wait(rsp, uiop->uio_fmode, rb_has_data)) != 0) {
		mutex_exit(&rsp->rb_lock);
		return (error);
	}
	n = min(rsp->rb_count, uiop->uio_resid);
	while (n > 0) {
		chunk = min(n, rsp->rb_size - rsp->rb_head);
		error = uiomove(rsp->rb_buf + rsp->rb_head, chunk, UIO_READ,
		    uiop);
		if (error != 0)
			break;
		rsp->rb_head = (rsp->rb_head + chunk) % rsp->rb_size;
		rsp->rb_count -= chunk;
		n -= chunk;
	}
	cv_broadcast(&rsp->rb_cv);
	mutex_exit(&rsp->rb_lock);
	pollwakeup(&rsp->rb_ph, POLLOUT | POLLWRNORM);
	return (error);
}

/*ARGSUSED*/
static int
rb_write(dev_t dev, struct uio *uiop, cred_t *credp)
{
	rb_state_t *rsp = ddi_get_soft_state(rb_statep, getminor(dev));
	size_t n, tail, chunk;
	ssize_t resid = uiop->uio_resid;
	int error = 0;

	if (rsp == NULL)
		return (ENXIO);
	mutex_enter(&rsp->rb_lock);
	while (uiop->uio_resid > 0) {
		if ((error = rb_wait(rsp, uiop->uio_fmode, rb_has_room)) != 0)
			break;
		n = min(rsp->rb_size - rsp->rb_count, uiop->uio_resid);
		tail = (rsp->rb_head + rsp->rb_count) % rsp->rb_size;
		chunk = min(n, rsp->rb_size - tail);
		if ((error = uiomove(rsp->rb_buf + tail, chunk, UIO_WRITE,
		    uiop)) != 0)
			break;
		rsp->rb_count += chunk;
		cv_broadcast(&rsp->rb_cv);
		mutex_exit(&rsp->rb_lock);
		pollwakeup(&rsp->rb_ph, POLLIN | POLLRDNORM);
		mutex_enter(&rsp->rb_lock);
	}
	mutex_exit(&rsp->rb_lock);
	/* A write that moved something reports that, not the error. */
	if ((error == EAGAIN || error == EINTR) && uiop->uio_resid < resid)
		error = 0;
	return (error);
}

/*ARGSUSED*/
static int
rb_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	int instance = getminor(dev);
	rb_state_t *rsp = ddi_get_soft_state(rb_statep, instance);
	struct rb_info info;
	struct rb_info32 info32;
	struct rb_stats stats;

	if (rsp == NULL)
		return (ENXIO);

	switch (cmd) {
	case RBIOCGINFO:
		if ((mode & FREAD) == 0)
			return (EACCES);
		mutex_enter(&rsp->rb_lock);
		info.ri_size = rsp->rb_size;
		info.ri_count = rsp->rb_count;
		mutex_exit(&rsp->rb_lock);
		info.ri_instance = instance;
		switch (ddi_model_convert_from(mode & FMODELS)) {
		case DDI_MODEL_ILP32:
			info32.ri_size = (size32_t)info.ri_size;
			info32.ri_count = (size32_t)info.ri_count;
			info32.ri_instance = info.ri_instance;
			info32.ri_model = 32;
			if (ddi_copyout(&info32, (void *)arg, sizeof (info32),
			    mode) != 0)
				return (EFAULT);
			break;
		case DDI_MODEL_NONE:
			info.ri_model = 64;
			if (ddi_copyout(&info, (void *)arg, sizeof (info),
			    mode) != 0)
				return (EFAULT);
			break;
		}
		return (0);

	case RBIOCFLUSH:
		if ((mode & FWRITE) == 0)
			return (EACCES);
		mutex_enter(&rsp->rb_lock);
		rsp->rb_head = 0;
		rsp->rb_count = 0;
		cv_broadcast(&rsp->rb_cv);
		mutex_exit(&rsp->rb_lock);
		pollwakeup(&rsp->rb_ph, POLLOUT | POLLWRNORM);
		return (0);

	case RBIOCGSTATS:
		mutex_enter(&rb_stats_lock);
		stats = rb_stats;
		mutex_exit(&rb_stats_lock);
		if (ddi_copyout(&stats, (void *)arg, sizeof (stats), mode) != 0)
			return (EFAULT);
		return (0);

	case RBIOCGLABEL:
		if (ddi_copyout(rsp->rb_label, (void *)arg, RB_LABELSZ,
		    mode) != 0)
			return (EFAULT);
		return (0);

	case RBIOCPEEK:
		mutex_enter(&rsp->rb_lock);
		*rvalp = (int)rsp->rb_count;
		mutex_exit(&rsp->rb_lock);
		return (0);

	default:
		return (ENOTTY);
	}
}

static int
rb_chpoll(dev_t dev, short events, int anyyet, short *reventsp,
    struct pollhead **phpp)
{
	rb_state_t *rsp = ddi_get_soft_state(rb_statep, getminor(dev));
	short revents = 0;

	if (rsp == NULL)
		return (ENXIO);
	mutex_enter(&rsp->rb_lock);
	if (rsp->rb_count > 0)
		revents |= POLLIN | POLLRDNORM;
	if (rsp->rb_count < rsp->rb_size)
		revents |= POLLOUT | POLLWRNORM;
	mutex_exit(&rsp->rb_lock);
	*reventsp = revents & events;
	if (*reventsp == 0 && !anyyet)
		*phpp = &rsp->rb_ph;
	return (0);
}
