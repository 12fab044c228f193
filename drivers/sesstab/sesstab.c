/* SPDX-License-Identifier: GPL-2.0 */

/*
 * sesstab - a pseudo device driver keeping a table of sessions.
 *
 * Every open of /devices/pseudo/sesstab@0:sesstab is a clone open: it
 * takes an ID from an ID space, makes it the minor of the new dev_t and
 * records a session, both in an AVL tree keyed by ID (for lookups) and in
 * a list in the order the sessions were opened.  A session may arm a
 * timeout; when it fires, the callout queues the session and triggers a
 * soft interrupt, whose handler dispatches one task per queued session on
 * a task queue; the task counts the delivery and wakes whoever waits for
 * it.  A named kstat counts opens, closes, timeouts, soft interrupts and
 * tasks; ioctls query the table.
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
#include <sys/kmem.h>
#include <sys/list.h>
#include <sys/avl.h>
#include <sys/id_space.h>
#include <sys/kstat.h>
#include <sys/ddi_intr.h>
#include <sys/systm.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>

#include "sesstab.h"

#define	SES_DEFMAX	4096
#define	SES_MAXMAX	(1 << 18)

typedef struct ses {
	id_t		s_id;
	pid_t		s_pid;
	uint32_t	s_fires;	/* timeouts delivered by the task */
	boolean_t	s_armed;	/* s_tid is pending */
	boolean_t	s_queued;	/* on st_fired */
	uint_t		s_tasks;	/* tasks dispatched, not yet run */
	timeout_id_t	s_tid;
	avl_node_t	s_avl;		/* st_byid */
	list_node_t	s_link;		/* st_sessions */
	list_node_t	s_fired;	/* st_fired */
} ses_t;

typedef struct ses_kstats {
	kstat_named_t	sk_active;
	kstat_named_t	sk_opens;
	kstat_named_t	sk_closes;
	kstat_named_t	sk_timeouts;
	kstat_named_t	sk_softints;
	kstat_named_t	sk_tasks;
} ses_kstats_t;

static dev_info_t *st_dip;
static kmutex_t st_lock;		/* at the soft interrupt's priority */
static kcondvar_t st_cv;		/* a task ran */
static avl_tree_t st_byid;
static list_t st_sessions;
static list_t st_fired;			/* timeouts waiting for the softint */
static id_space_t *st_ids;
static ddi_softint_handle_t st_sih;
static ddi_taskq_t *st_tq;
static kstat_t *st_ksp;
static uint64_t st_opens, st_closes, st_timeouts, st_softints, st_tasks;

static int ses_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int ses_attach(dev_info_t *, ddi_attach_cmd_t);
static int ses_detach(dev_info_t *, ddi_detach_cmd_t);
static int ses_open(dev_t *, int, int, cred_t *);
static int ses_close(dev_t, int, int, cred_t *);
static int ses_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);

static struct cb_ops ses_cb_ops = {
	ses_open,		/* cb_open */
	ses_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	nodev,			/* cb_read */
	nodev,			/* cb_write */
	ses_ioctl,		/* cb_ioctl */
	nodev,			/* cb_devmap */
	nodev,			/* cb_mmap */
	nodev,			/* cb_segmap */
	nochpoll,		/* cb_chpoll */
	ddi_prop_op,		/* cb_prop_op */
	NULL,			/* cb_str */
	D_MP | D_64BIT,		/* cb_flag */
	CB_REV,			/* cb_rev */
	nodev,			/* cb_aread */
	nodev			/* cb_awrite */
};

static struct dev_ops ses_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	ses_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	ses_attach,		/* devo_attach */
	ses_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&ses_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv ses_modldrv = {
	&mod_driverops,
	"session table pseudo driver",
	&ses_dev_ops
};

static struct modlinkage ses_modlinkage = {
	MODREV_1,
	{ (void *)&ses_modldrv, NULL }
};

int
_init(void)
{
	return (mod_install(&ses_modlinkage));
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&ses_modlinkage, modinfop));
}

int
_fini(void)
{
	return (mod_remove(&ses_modlinkage));
}

static int
ses_compare(const void *a, const void *b)
{
	const ses_t *x = a, *y = b;

	if (x->s_id < y->s_id)
		return (-1);
	return (x->s_id > y->s_id ? 1 : 0);
}

/* The session of a dev_t; st_lock held. */
static ses_t *
ses_lookup(id_t id)
{
	ses_t key;

	ASSERT(MUTEX_HELD(&st_lock));
	key.s_id = id;
	return (avl_find(&st_byid, &key, NULL));
}

/*ARGSUSED*/
static int
ses_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		if (st_dip == NULL)
			return (DDI_FAILURE);
		*resultp = st_dip;
		return (DDI_SUCCESS);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)0;
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static int
ses_kstat_update(kstat_t *ksp, int rw)
{
	ses_kstats_t *sk = ksp->ks_data;

	if (rw == KSTAT_WRITE)
		return (EACCES);
	/* ks_lock is st_lock: the counters are steady while we copy. */
	sk->sk_active.value.ui64 = avl_numnodes(&st_byid);
	sk->sk_opens.value.ui64 = st_opens;
	sk->sk_closes.value.ui64 = st_closes;
	sk->sk_timeouts.value.ui64 = st_timeouts;
	sk->sk_softints.value.ui64 = st_softints;
	sk->sk_tasks.value.ui64 = st_tasks;
	return (0);
}

/* The task: one timeout delivered to a session. */
static void
ses_task(void *arg)
{
	ses_t *sp = arg;

	mutex_enter(&st_lock);
	sp->s_fires++;
	sp->s_tasks--;
	st_tasks++;
	cv_broadcast(&st_cv);
	mutex_exit(&st_lock);
}

/* The soft interrupt: a task for every session whose timeout fired. */
/*ARGSUSED*/
static uint_t
ses_softint(caddr_t arg1, caddr_t arg2)
{
	ses_t *sp;

	mutex_enter(&st_lock);
	st_softints++;
	while ((sp = list_remove_head(&st_fired)) != NULL) {
		sp->s_queued = B_FALSE;
		sp->s_tasks++;
		if (ddi_taskq_dispatch(st_tq, ses_task, sp, DDI_NOSLEEP) !=
		    DDI_SUCCESS) {
			/* No room on the queue: deliver it from here. */
			sp->s_fires++;
			sp->s_tasks--;
			cv_broadcast(&st_cv);
		}
	}
	mutex_exit(&st_lock);
	return (DDI_INTR_CLAIMED);
}

/* The callout: queue the session and let the soft interrupt see to it. */
static void
ses_expire(void *arg)
{
	ses_t *sp = arg;

	mutex_enter(&st_lock);
	sp->s_armed = B_FALSE;
	st_timeouts++;
	if (!sp->s_queued) {
		sp->s_queued = B_TRUE;
		list_insert_tail(&st_fired, sp);
	}
	mutex_exit(&st_lock);
	(void) ddi_intr_trigger_softint(st_sih, NULL);
}

static void
ses_teardown(void)
{
	if (st_ksp != NULL)
		kstat_delete(st_ksp);
	if (st_tq != NULL)
		ddi_taskq_destroy(st_tq);
	if (st_sih != NULL)
		(void) ddi_intr_remove_softint(st_sih);
	if (st_ids != NULL)
		id_space_destroy(st_ids);
	st_ksp = NULL;
	st_tq = NULL;
	st_sih = NULL;
	st_ids = NULL;
}

static int
ses_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	ses_kstats_t *sk;
	uint_t pri;
	int max;

	switch (cmd) {
	case DDI_ATTACH:
		break;
	case DDI_RESUME:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
	if (ddi_get_instance(dip) != 0) {
		cmn_err(CE_WARN, "sesstab%d: only instance 0 is supported",
		    ddi_get_instance(dip));
		return (DDI_FAILURE);
	}
	max = ddi_prop_get_int(DDI_DEV_T_ANY, dip, DDI_PROP_DONTPASS,
	    "max-sessions", SES_DEFMAX);
	if (max < 1 || max > SES_MAXMAX) {
		cmn_err(CE_WARN, "sesstab: max-sessions %d out of range 1..%d",
		    max, SES_MAXMAX);
		return (DDI_FAILURE);
	}

	/* Minor 0 is the node everyone opens; sessions are 1..max. */
	st_ids = id_space_create("sesstab_ids", 1, max + 1);
	if (st_ids == NULL)
		goto fail;
	if (ddi_intr_add_softint(dip, &st_sih, DDI_INTR_SOFTPRI_DEFAULT,
	    ses_softint, NULL) != DDI_SUCCESS)
		goto fail;
	(void) ddi_intr_get_softint_pri(st_sih, &pri);
	mutex_init(&st_lock, NULL, MUTEX_DRIVER, DDI_INTR_PRI(pri));
	cv_init(&st_cv, NULL, CV_DRIVER, NULL);
	avl_create(&st_byid, ses_compare, sizeof (ses_t),
	    offsetof(ses_t, s_avl));
	list_create(&st_sessions, sizeof (ses_t), offsetof(ses_t, s_link));
	list_create(&st_fired, sizeof (ses_t), offsetof(ses_t, s_fired));

	st_tq = ddi_taskq_create(dip, "sesstab_tq", 1, TASKQ_DEFAULTPRI, 0);
	if (st_tq == NULL)
		goto fail_locks;
	st_ksp = kstat_create("sesstab", 0, "sessions", "misc",
	    KSTAT_TYPE_NAMED, sizeof (ses_kstats_t) / sizeof (kstat_named_t),
	    0);
	if (st_ksp == NULL)
		goto fail_locks;
	sk = st_ksp->ks_data;
	kstat_named_init(&sk->sk_active, "active", KSTAT_DATA_UINT64);
	kstat_named_init(&sk->sk_opens, "opens", KSTAT_DATA_UINT64);
	kstat_named_init(&sk->sk_closes, "closes", KSTAT_DATA_UINT64);
	kstat_named_init(&sk->sk_timeouts, "timeouts", KSTAT_DATA_UINT64);
	kstat_named_init(&sk->sk_softints, "softints", KSTAT_DATA_UINT64);
	kstat_named_init(&sk->sk_tasks, "tasks", KSTAT_DATA_UINT64);
	st_ksp->ks_update = ses_kstat_update;
	st_ksp->ks_lock = &st_lock;
	kstat_install(st_ksp);

	if (ddi_create_minor_node(dip, "sesstab", S_IFCHR, 0, DDI_PSEUDO,
	    0) != DDI_SUCCESS) {
		cmn_err(CE_WARN, "sesstab: cannot create minor node");
		goto fail_locks;
	}
	(void) ddi_prop_update_int(DDI_DEV_T_NONE, dip, "session-limit", max);
	st_dip = dip;
	ddi_report_dev(dip);
	return (DDI_SUCCESS);

fail_locks:
	ses_teardown();
	list_destroy(&st_fired);
	list_destroy(&st_sessions);
	avl_destroy(&st_byid);
	cv_destroy(&st_cv);
	mutex_destroy(&st_lock);
	return (DDI_FAILURE);
fail:
	ses_teardown();
	return (DDI_FAILURE);
}

static int
ses_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	switch (cmd) {
	case DDI_DETACH:
		break;
	case DDI_SUSPEND:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
	mutex_enter(&st_lock);
	if (!avl_is_empty(&st_byid)) {
		mutex_exit(&st_lock);
		return (DDI_FAILURE);
	}
	mutex_exit(&st_lock);

	ddi_remove_minor_node(dip, NULL);
	ddi_prop_remove_all(dip);
	st_dip = NULL;
	ses_teardown();
	list_destroy(&st_fired);
	list_destroy(&st_sessions);
	avl_destroy(&st_byid);
	cv_destroy(&st_cv);
	mutex_destroy(&st_lock);
	return (DDI_SUCCESS);
}

/* A clone open: a new session with a minor of its own. */
/*ARGSUSED*/
static int
ses_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	ses_t *sp;
	id_t id;

	if (otyp != OTYP_CHR)
		return (EINVAL);
	if (getminor(*devp) != 0)
		return (ENXIO);
	if ((id = id_alloc_nosleep(st_ids)) == -1)
		return (EAGAIN);
	sp = kmem_zalloc(sizeof (*sp), KM_SLEEP);
	sp->s_id = id;
	sp->s_pid = ddi_get_pid();

	mutex_enter(&st_lock);
	avl_add(&st_byid, sp);
	list_insert_tail(&st_sessions, sp);
	st_opens++;
	mutex_exit(&st_lock);

	*devp = makedevice(getmajor(*devp), (minor_t)id);
	return (0);
}

/*ARGSUSED*/
static int
ses_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	timeout_id_t tid = 0;
	ses_t *sp;

	mutex_enter(&st_lock);
	if ((sp = ses_lookup(getminor(dev))) == NULL) {
		mutex_exit(&st_lock);
		return (ENXIO);
	}
	if (sp->s_armed) {
		tid = sp->s_tid;
		sp->s_armed = B_FALSE;
	}
	mutex_exit(&st_lock);

	/* Cancel it, or wait for a callout that is running. */
	if (tid != 0)
		(void) untimeout(tid);

	mutex_enter(&st_lock);
	if (sp->s_queued) {
		list_remove(&st_fired, sp);
		sp->s_queued = B_FALSE;
	}
	while (sp->s_tasks > 0)
		cv_wait(&st_cv, &st_lock);
	avl_remove(&st_byid, sp);
	list_remove(&st_sessions, sp);
	st_closes++;
	mutex_exit(&st_lock);

	id_free(st_ids, sp->s_id);
	kmem_free(sp, sizeof (*sp));
	return (0);
}

static void
ses_fill(ses_t *sp, struct ses_info *sip)
{
	sip->sn_id = sp->s_id;
	sip->sn_pid = sp->s_pid;
	sip->sn_fires = sp->s_fires;
	sip->sn_armed = sp->s_armed ? 1 : 0;
}

/*ARGSUSED*/
static int
ses_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	struct ses_info info;
	struct ses_list *slp;
	ses_t *sp, *np;
	timeout_id_t tid;
	int error = 0;

	mutex_enter(&st_lock);
	if ((sp = ses_lookup(getminor(dev))) == NULL) {
		mutex_exit(&st_lock);
		return (ENXIO);
	}

	switch (cmd) {
	case SESIOCINFO:
		ses_fill(sp, &info);
		mutex_exit(&st_lock);
		if (ddi_copyout(&info, (void *)arg, sizeof (info), mode) != 0)
			return (EFAULT);
		return (0);

	case SESIOCLOOKUP:
		mutex_exit(&st_lock);
		if (ddi_copyin((void *)arg, &info, sizeof (info), mode) != 0)
			return (EFAULT);
		mutex_enter(&st_lock);
		if ((np = ses_lookup(info.sn_id)) == NULL) {
			mutex_exit(&st_lock);
			return (ENOENT);
		}
		ses_fill(np, &info);
		mutex_exit(&st_lock);
		if (ddi_copyout(&info, (void *)arg, sizeof (info), mode) != 0)
			return (EFAULT);
		return (0);

	case SESIOCLIST:
		mutex_exit(&st_lock);
		slp = kmem_zalloc(sizeof (*slp), KM_SLEEP);
		mutex_enter(&st_lock);
		slp->sl_total = (uint32_t)avl_numnodes(&st_byid);
		for (np = avl_first(&st_byid); np != NULL &&
		    slp->sl_n < SES_LISTMAX; np = AVL_NEXT(&st_byid, np))
			slp->sl_ids[slp->sl_n++] = np->s_id;
		mutex_exit(&st_lock);
		if (ddi_copyout(slp, (void *)arg, sizeof (*slp), mode) != 0)
			error = EFAULT;
		kmem_free(slp, sizeof (*slp));
		return (error);

	case SESIOCARM:
		if (arg < 1 || arg > 1000 * drv_usectohz(1000000)) {
			error = EINVAL;
		} else if (sp->s_armed) {
			error = EBUSY;
		} else {
			sp->s_armed = B_TRUE;
			sp->s_tid = timeout(ses_expire, sp, (clock_t)arg);
		}
		mutex_exit(&st_lock);
		return (error);

	case SESIOCDISARM:
		tid = sp->s_armed ? sp->s_tid : 0;
		sp->s_armed = B_FALSE;
		mutex_exit(&st_lock);
		*rvalp = tid != 0 ? (int)untimeout(tid) : -1;
		return (0);

	case SESIOCWAIT:
		while (sp->s_fires < (uint32_t)arg) {
			if (cv_wait_sig(&st_cv, &st_lock) == 0) {
				error = EINTR;
				break;
			}
		}
		mutex_exit(&st_lock);
		return (error);

	case SESIOCCOUNT:
		/* The list and the tree must hold the same sessions. */
		*rvalp = 0;
		for (np = list_head(&st_sessions); np != NULL;
		    np = list_next(&st_sessions, np)) {
			if (ses_lookup(np->s_id) != np)
				error = EIO;
			(*rvalp)++;
		}
		if (*rvalp != (int)avl_numnodes(&st_byid))
			error = EIO;
		mutex_exit(&st_lock);
		return (error);

	default:
		mutex_exit(&st_lock);
		return (ENOTTY);
	}
}
