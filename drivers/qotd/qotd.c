/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Quote Of The Day pseudo driver, version 3.
 *
 * Each instance keeps one quotation in a buffer obtained from
 * ddi_umem_alloc(9F).  read(9E) and write(9E) move data between that
 * buffer and the caller; the QOTDIOCGSZ, QOTDIOCSSZ and QOTDIOCDISCARD
 * ioctls report the size of the buffer, change it (keeping as much of
 * the current quotation as fits) and put the initial quotation back.
 *
 * Only one thread uses the buffer at a time: the QOTD_BUSY flag is set
 * while data is copied or the buffer replaced, and other threads wait
 * for it on a condition variable.  A wait can be interrupted by a
 * signal, in which case the call fails with EINTR.
 *
 * The driver will not detach while the quotation has been changed, so
 * that a user's quotation is not thrown away by an unload; reset it with
 * QOTDIOCDISCARD (qotdctl -r) first.
 */

#include <sys/types.h>
#include <sys/file.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/ksynch.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/model.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>

#include "qotd.h"

static const char qotd_default[] =
	"You can't have everything.  Where would you put it? "
	"- Steven Wright\n";

typedef struct qotd_state {
	int			instance;
	dev_info_t		*devi;
	kmutex_t		lock;
	kcondvar_t		cv;
	char			*qotd;		/* the quotation */
	size_t			qotd_len;	/* size of the buffer */
	ddi_umem_cookie_t	qotd_cookie;	/* cookie of the buffer */
	int			flags;
} qotd_state_t;

/* flags */
#define	QOTD_DIDMINOR	0x01	/* minor node created */
#define	QOTD_DIDALLOC	0x02	/* quote buffer allocated */
#define	QOTD_DIDMUTEX	0x04	/* lock and cv initialized */
#define	QOTD_BUSY	0x08	/* a thread is using the buffer */
#define	QOTD_CHANGED	0x10	/* quotation differs from the default */

static void *qotd_state_head;

static int qotd_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int qotd_attach(dev_info_t *, ddi_attach_cmd_t);
static int qotd_detach(dev_info_t *, ddi_detach_cmd_t);
static int qotd_open(dev_t *, int, int, cred_t *);
static int qotd_close(dev_t, int, int, cred_t *);
static int qotd_read(dev_t, struct uio *, cred_t *);
static int qotd_write(dev_t, struct uio *, cred_t *);
static int qotd_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);

static int qotd_rw(dev_t, struct uio *, enum uio_rw);
static int qotd_acquire(qotd_state_t *);
static ddi_umem_cookie_t qotd_release(qotd_state_t *, char *, size_t,
    ddi_umem_cookie_t, int, int);
static int qotd_setsize(qotd_state_t *, size_t);
static int qotd_discard(qotd_state_t *);
static void qotd_cleanup(dev_info_t *, qotd_state_t *);

static struct cb_ops qotd_cb_ops = {
	qotd_open,		/* cb_open */
	qotd_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	qotd_read,		/* cb_read */
	qotd_write,		/* cb_write */
	qotd_ioctl,		/* cb_ioctl */
	nodev,			/* cb_devmap */
	nodev,			/* cb_mmap */
	nodev,			/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	(struct streamtab *)NULL,	/* cb_str */
	D_MP | D_64BIT,		/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops qotd_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	qotd_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	qotd_attach,		/* devo_attach */
	qotd_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&qotd_cb_ops,		/* devo_cb_ops */
	(struct bus_ops *)NULL,	/* devo_bus_ops */
	nodev,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv modldrv = {
	&mod_driverops,
	"Quote of the day 3.0",
	&qotd_dev_ops
};

static struct modlinkage modlinkage = {
	MODREV_1,
	{ (void *)&modldrv, NULL }
};

int
_init(void)
{
	int retval;

	if ((retval = ddi_soft_state_init(&qotd_state_head,
	    sizeof (qotd_state_t), 1)) != 0)
		return (retval);
	if ((retval = mod_install(&modlinkage)) != 0) {
		ddi_soft_state_fini(&qotd_state_head);
		return (retval);
	}

	return (retval);
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
	ddi_soft_state_fini(&qotd_state_head);

	return (retval);
}

/*ARGSUSED*/
static int
qotd_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	qotd_state_t *qsp;
	minor_t minor = getminor((dev_t)(uintptr_t)arg);
	int retval = DDI_FAILURE;

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		qsp = ddi_get_soft_state(qotd_state_head, minor);
		if (qsp != NULL) {
			*resultp = qsp->devi;
			retval = DDI_SUCCESS;
		} else {
			*resultp = NULL;
		}
		break;
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)minor;
		retval = DDI_SUCCESS;
		break;
	default:
		break;
	}

	return (retval);
}

static int
qotd_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	qotd_state_t *qsp;
	int instance = ddi_get_instance(dip);

	switch (cmd) {
	case DDI_ATTACH:
		if (ddi_soft_state_zalloc(qotd_state_head, instance) !=
		    DDI_SUCCESS) {
			cmn_err(CE_WARN, "qotd%d: unable to allocate state",
			    instance);
			return (DDI_FAILURE);
		}
		if ((qsp = ddi_get_soft_state(qotd_state_head, instance)) ==
		    NULL) {
			cmn_err(CE_WARN, "qotd%d: unable to get state",
			    instance);
			ddi_soft_state_free(qotd_state_head, instance);
			return (DDI_FAILURE);
		}
		qsp->instance = instance;
		qsp->devi = dip;

		mutex_init(&qsp->lock, NULL, MUTEX_DRIVER, NULL);
		cv_init(&qsp->cv, NULL, CV_DRIVER, NULL);
		qsp->flags |= QOTD_DIDMUTEX;

		if (ddi_create_minor_node(dip, "qotd", S_IFCHR,
		    instance, DDI_PSEUDO, 0) != DDI_SUCCESS) {
			cmn_err(CE_WARN, "qotd%d: unable to create minor node",
			    instance);
			qotd_cleanup(dip, qsp);
			return (DDI_FAILURE);
		}
		qsp->flags |= QOTD_DIDMINOR;

		qsp->qotd = ddi_umem_alloc(QOTD_INITLEN, DDI_UMEM_NOSLEEP,
		    &qsp->qotd_cookie);
		if (qsp->qotd == NULL) {
			cmn_err(CE_WARN, "qotd%d: unable to allocate memory "
			    "for the quotation", instance);
			qotd_cleanup(dip, qsp);
			return (DDI_FAILURE);
		}
		qsp->flags |= QOTD_DIDALLOC;
		qsp->qotd_len = QOTD_INITLEN;
		(void) strlcpy(qsp->qotd, qotd_default, qsp->qotd_len);

		ddi_report_dev(dip);
		return (DDI_SUCCESS);
	case DDI_RESUME:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static int
qotd_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	qotd_state_t *qsp;
	int instance = ddi_get_instance(dip);

	switch (cmd) {
	case DDI_DETACH:
		if ((qsp = ddi_get_soft_state(qotd_state_head, instance)) ==
		    NULL)
			return (DDI_FAILURE);
		mutex_enter(&qsp->lock);
		if (qsp->flags & (QOTD_CHANGED | QOTD_BUSY)) {
			mutex_exit(&qsp->lock);
			/*
			 * Detach is also tried when the device is idle, so
			 * say it in the log only.
			 */
			cmn_err(CE_NOTE, "!qotd%d: the quotation has been "
			    "changed; reset it (qotdctl -r) before unloading",
			    instance);
			return (DDI_FAILURE);
		}
		mutex_exit(&qsp->lock);
		qotd_cleanup(dip, qsp);
		return (DDI_SUCCESS);
	case DDI_SUSPEND:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

/*
 * Undo what qotd_attach() did, as far as its flags say it got.
 */
static void
qotd_cleanup(dev_info_t *dip, qotd_state_t *qsp)
{
	int instance = qsp->instance;

	if (qsp->flags & QOTD_DIDALLOC)
		ddi_umem_free(qsp->qotd_cookie);
	if (qsp->flags & QOTD_DIDMINOR)
		ddi_remove_minor_node(dip, NULL);
	if (qsp->flags & QOTD_DIDMUTEX) {
		cv_destroy(&qsp->cv);
		mutex_destroy(&qsp->lock);
	}
	ddi_soft_state_free(qotd_state_head, instance);
}

/*ARGSUSED*/
static int
qotd_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	qotd_state_t *qsp;
	int instance = getminor(*devp);

	if ((qsp = ddi_get_soft_state(qotd_state_head, instance)) == NULL)
		return (ENXIO);
	ASSERT(qsp->instance == instance);

	if (otyp != OTYP_CHR)
		return (EINVAL);

	return (0);
}

/*ARGSUSED*/
static int
qotd_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	qotd_state_t *qsp;
	int instance = getminor(dev);

	if ((qsp = ddi_get_soft_state(qotd_state_head, instance)) == NULL)
		return (ENXIO);
	ASSERT(qsp->instance == instance);

	if (otyp != OTYP_CHR)
		return (EINVAL);

	return (0);
}

/*ARGSUSED*/
static int
qotd_read(dev_t dev, struct uio *uiop, cred_t *credp)
{
	return (qotd_rw(dev, uiop, UIO_READ));
}

/*ARGSUSED*/
static int
qotd_write(dev_t dev, struct uio *uiop, cred_t *credp)
{
	return (qotd_rw(dev, uiop, UIO_WRITE));
}

/*
 * Move data between the quote buffer and the caller.  Reading at or past
 * the end of the buffer returns no data; writing there fails with ENOSPC.
 * A write that extends past the end is cut short at the end.
 */
static int
qotd_rw(dev_t dev, struct uio *uiop, enum uio_rw rw)
{
	qotd_state_t *qsp;
	size_t len;
	int retval;
	int instance = getminor(dev);

	if ((qsp = ddi_get_soft_state(qotd_state_head, instance)) == NULL)
		return (ENXIO);

	if (uiop->uio_offset < 0)
		return (EINVAL);

	if ((retval = qotd_acquire(qsp)) != 0)
		return (retval);

	/*
	 * While QOTD_BUSY is set no other thread replaces the buffer, so
	 * qotd and qotd_len can be used without the lock, and uiomove()
	 * may take page faults.
	 */
	if (uiop->uio_offset >= (offset_t)qsp->qotd_len) {
		(void) qotd_release(qsp, NULL, 0, NULL, 0, 0);
		if (rw == UIO_WRITE && uiop->uio_resid > 0)
			return (ENOSPC);
		return (0);
	}

	len = qsp->qotd_len - (size_t)uiop->uio_offset;
	if ((size_t)uiop->uio_resid < len)
		len = (size_t)uiop->uio_resid;

	retval = uiomove(qsp->qotd + uiop->uio_offset, len, rw, uiop);

	(void) qotd_release(qsp, NULL, 0, NULL,
	    rw == UIO_WRITE ? QOTD_CHANGED : 0, 0);

	return (retval);
}

/*ARGSUSED*/
static int
qotd_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	qotd_state_t *qsp;
	size_t len;
	size32_t len32;
	int instance = getminor(dev);

	if ((qsp = ddi_get_soft_state(qotd_state_head, instance)) == NULL)
		return (ENXIO);

	switch (cmd) {
	case QOTDIOCGSZ:
		if ((mode & FREAD) == 0)
			return (EACCES);

		mutex_enter(&qsp->lock);
		len = qsp->qotd_len;
		mutex_exit(&qsp->lock);

		switch (ddi_model_convert_from(mode & FMODELS)) {
		case DDI_MODEL_ILP32:
			len32 = (size32_t)len;
			if (ddi_copyout(&len32, (void *)arg, sizeof (size32_t),
			    mode) != 0)
				return (EFAULT);
			break;
		case DDI_MODEL_NONE:
			if (ddi_copyout(&len, (void *)arg, sizeof (size_t),
			    mode) != 0)
				return (EFAULT);
			break;
		}
		return (0);

	case QOTDIOCSSZ:
		if ((mode & FWRITE) == 0)
			return (EACCES);

		switch (ddi_model_convert_from(mode & FMODELS)) {
		case DDI_MODEL_ILP32:
			if (ddi_copyin((void *)arg, &len32, sizeof (size32_t),
			    mode) != 0)
				return (EFAULT);
			len = (size_t)len32;
			break;
		case DDI_MODEL_NONE:
			if (ddi_copyin((void *)arg, &len, sizeof (size_t),
			    mode) != 0)
				return (EFAULT);
			break;
		}
		if (len == 0 || len > QOTD_MAXLEN)
			return (EINVAL);

		return (qotd_setsize(qsp, len));

	case QOTDIOCDISCARD:
		if ((mode & FWRITE) == 0)
			return (EACCES);

		return (qotd_discard(qsp));

	default:
		return (ENOTTY);
	}
}

/*
 * Wait until no other thread uses the buffer and mark it busy.  Returns
 * EINTR if a signal interrupted the wait.
 */
static int
qotd_acquire(qotd_state_t *qsp)
{
	mutex_enter(&qsp->lock);
	while (qsp->flags & QOTD_BUSY) {
		if (cv_wait_sig(&qsp->cv, &qsp->lock) == 0) {
			mutex_exit(&qsp->lock);
			return (EINTR);
		}
	}
	qsp->flags |= QOTD_BUSY;
	mutex_exit(&qsp->lock);

	return (0);
}

/*
 * Install a new buffer (if new_qotd is not NULL), set and clear flags,
 * release the buffer and wake the waiters.  Returns the cookie of the
 * buffer that was replaced (NULL if none), for the caller to free.
 */
static ddi_umem_cookie_t
qotd_release(qotd_state_t *qsp, char *new_qotd, size_t new_len,
    ddi_umem_cookie_t new_cookie, int setflags, int clrflags)
{
	ddi_umem_cookie_t old_cookie = NULL;

	mutex_enter(&qsp->lock);
	ASSERT(qsp->flags & QOTD_BUSY);
	if (new_qotd != NULL) {
		old_cookie = qsp->qotd_cookie;
		qsp->qotd = new_qotd;
		qsp->qotd_len = new_len;
		qsp->qotd_cookie = new_cookie;
	}
	qsp->flags |= setflags;
	qsp->flags &= ~(clrflags | QOTD_BUSY);
	cv_broadcast(&qsp->cv);
	mutex_exit(&qsp->lock);

	return (old_cookie);
}

/*
 * QOTDIOCSSZ: replace the buffer by one of new_len bytes holding as much
 * of the current quotation as fits.
 */
static int
qotd_setsize(qotd_state_t *qsp, size_t new_len)
{
	char *new_qotd;
	ddi_umem_cookie_t new_cookie, old_cookie;
	int retval;

	if ((retval = qotd_acquire(qsp)) != 0)
		return (retval);

	/*
	 * DDI_UMEM_SLEEP waits for memory; the lock is not held meanwhile,
	 * and the busy flag keeps the old buffer in place.
	 */
	new_qotd = ddi_umem_alloc(new_len, DDI_UMEM_SLEEP, &new_cookie);
	if (new_qotd == NULL) {
		(void) qotd_release(qsp, NULL, 0, NULL, 0, 0);
		return (ENOMEM);
	}
	bcopy(qsp->qotd, new_qotd, min(new_len, qsp->qotd_len));

	old_cookie = qotd_release(qsp, new_qotd, new_len, new_cookie,
	    QOTD_CHANGED, 0);
	ddi_umem_free(old_cookie);

	return (0);
}

/*
 * QOTDIOCDISCARD: put the initial quotation back in a buffer of the
 * initial size.  A buffer of another size is replaced.
 */
static int
qotd_discard(qotd_state_t *qsp)
{
	char *new_qotd = NULL;
	ddi_umem_cookie_t new_cookie = NULL, old_cookie;
	int retval;

	if ((retval = qotd_acquire(qsp)) != 0)
		return (retval);

	if (qsp->qotd_len != QOTD_INITLEN) {
		new_qotd = ddi_umem_alloc(QOTD_INITLEN, DDI_UMEM_SLEEP,
		    &new_cookie);
		if (new_qotd == NULL) {
			(void) qotd_release(qsp, NULL, 0, NULL, 0, 0);
			return (ENOMEM);
		}
		(void) strlcpy(new_qotd, qotd_default, QOTD_INITLEN);
	} else {
		bzero(qsp->qotd, qsp->qotd_len);
		(void) strlcpy(qsp->qotd, qotd_default, qsp->qotd_len);
	}

	old_cookie = qotd_release(qsp, new_qotd, QOTD_INITLEN, new_cookie,
	    0, QOTD_CHANGED);
	if (old_cookie != NULL)
		ddi_umem_free(old_cookie);

	return (0);
}
