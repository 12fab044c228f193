/* SPDX-License-Identifier: GPL-2.0 */

/*
 * rmapbuf - a pseudo device driver that stages its transfers through a
 * private buffer managed with a resource map, in the manner of the
 * rmalloc(9F) examples.
 *
 * attach allocates the private buffer with kmem_alloc(KM_NOSLEEP), makes
 * a map of RMB_MAPSIZE slots with rmallocmap() and hands the buffer to it
 * with one rmfree().  read and write break a request into pieces of at
 * most RMB_MAXSIZE bytes; for each piece they take a buffer from the map
 * with rmalloc(), move the data between the user and the buffer with
 * uiomove(), "DMA" it between the buffer and the device's memory, and
 * give the buffer back with rmfree().  If uiomove() fails the buffer is
 * returned and the routine fails with EFAULT.  When the map is empty,
 * rmalloc() fails and the routine waits in rmalloc_wait() (or fails with
 * EAGAIN for FNDELAY/FNONBLOCK).  RMBIOCHOLD and RMBIOCRELEASE take and
 * give back space by ioctl, so that a test can empty the map.
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
#include <sys/map.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>

#include "rmapbuf.h"

typedef struct rmb_state {
	dev_info_t	*rmb_dip;
	caddr_t		rmb_bp;		/* private buffer, RMB_BUFSIZE */
	struct map	*rmb_mp;	/* space map over rmb_bp */
	kmutex_t	rmb_lock;	/* rmb_dev, rmb_out, the hold */
	char		*rmb_dev;	/* the device's memory */
	uint_t		rmb_out;	/* buffers out of the map */
	ulong_t		rmb_hold;	/* index held by RMBIOCHOLD, or 0 */
	size_t		rmb_holdsize;
} rmb_state_t;

static void *rmb_statep;
static kmutex_t rmb_stats_lock;
static struct rmb_stats rmb_stats;

static int rmb_getinfo(dev_info_t *, ddi_info_cmd_t, void *, void **);
static int rmb_attach(dev_info_t *, ddi_attach_cmd_t);
static int rmb_detach(dev_info_t *, ddi_detach_cmd_t);
static int rmb_open(dev_t *, int, int, cred_t *);
static int rmb_close(dev_t, int, int, cred_t *);
static int rmb_read(dev_t, struct uio *, cred_t *);
static int rmb_write(dev_t, struct uio *, cred_t *);
static int rmb_ioctl(dev_t, int, intptr_t, int, cred_t *, int *);

static struct cb_ops rmb_cb_ops = {
	rmb_open,		/* cb_open */
	rmb_close,		/* cb_close */
	nodev,			/* cb_strategy */
	nodev,			/* cb_print */
	nodev,			/* cb_dump */
	rmb_read,		/* cb_read */
	rmb_write,		/* cb_write */
	rmb_ioctl,		/* cb_ioctl */
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

static struct dev_ops rmb_dev_ops = {
	DEVO_REV,		/* devo_rev */
	0,			/* devo_refcnt */
	rmb_getinfo,		/* devo_getinfo */
	nulldev,		/* devo_identify */
	nulldev,		/* devo_probe */
	rmb_attach,		/* devo_attach */
	rmb_detach,		/* devo_detach */
	nodev,			/* devo_reset */
	&rmb_cb_ops,		/* devo_cb_ops */
	NULL,			/* devo_bus_ops */
	NULL,			/* devo_power */
	ddi_quiesce_not_needed	/* devo_quiesce */
};

static struct modldrv rmb_modldrv = {
	&mod_driverops,
	"rmapbuf resource map sample",
	&rmb_dev_ops
};

static struct modlinkage rmb_modlinkage = {
	MODREV_1,
	{ (void *)&rmb_modldrv, NULL }
};

int
_init(void)
{
	int error;

	if ((error = ddi_soft_state_init(&rmb_statep, sizeof (rmb_state_t),
	    1)) != 0)
		return (error);
	mutex_init(&rmb_stats_lock, NULL, MUTEX_DRIVER, NULL);
	rmb_stats.rs_lowest = RMB_BUFSIZE;
	if ((error = mod_install(&rmb_modlinkage)) != 0) {
		mutex_destroy(&rmb_stats_lock);
		ddi_soft_state_fini(&rmb_statep);
	}
	return (error);
}

int
_info(struct modinfo *modinfop)
{
	return (mod_info(&rmb_modlinkage, modinfop));
}

int
_fini(void)
{
	int error;

	if ((error = mod_remove(&rmb_modlinkage)) != 0)
		return (error);
	mutex_destroy(&rmb_stats_lock);
	ddi_soft_state_fini(&rmb_statep);
	return (0);
}

/*ARGSUSED*/
static int
rmb_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	int instance = getminor((dev_t)(uintptr_t)arg);
	rmb_state_t *rsp;

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		if ((rsp = ddi_get_soft_state(rmb_statep, instance)) == NULL)
			return (DDI_FAILURE);
		*resultp = rsp->rmb_dip;
		return (DDI_SUCCESS);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)instance;
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static int
rmb_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	rmb_state_t *rsp;

	switch (cmd) {
	case DDI_ATTACH:
		break;
	case DDI_RESUME:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}

	if (ddi_soft_state_zalloc(rmb_statep, instance) != DDI_SUCCESS)
		return (DDI_FAILURE);
	rsp = ddi_get_soft_state(rmb_statep, instance);
	rsp->rmb_dip = dip;

	/* The private buffer, as in rmalloc(9F) Example 1. */
	if ((rsp->rmb_bp = kmem_alloc(RMB_BUFSIZE, KM_NOSLEEP)) == NULL) {
		cmn_err(CE_WARN, "rmapbuf%d: kmem_alloc failed before %d "
		    "buffer allocation", instance, RMB_BUFSIZE);
		ddi_soft_state_free(rmb_statep, instance);
		return (DDI_FAILURE);
	}
	/* Initialize the resource map with the number of slots in it. */
	if ((rsp->rmb_mp = rmallocmap(RMB_MAPSIZE)) == NULL) {
		kmem_free(rsp->rmb_bp, RMB_BUFSIZE);
		ddi_soft_state_free(rmb_statep, instance);
		return (DDI_FAILURE);
	}
	/* ... and give it the whole buffer area to manage. */
	rmfree(rsp->rmb_mp, RMB_BUFSIZE, (ulong_t)rsp->rmb_bp);

	rsp->rmb_dev = kmem_zalloc(RMB_DEVSIZE, KM_SLEEP);
	mutex_init(&rsp->rmb_lock, NULL, MUTEX_DRIVER, NULL);

	if (ddi_create_minor_node(dip, "rmapbuf", S_IFCHR, instance,
	    DDI_PSEUDO, 0) != DDI_SUCCESS) {
		mutex_destroy(&rsp->rmb_lock);
		kmem_free(rsp->rmb_dev, RMB_DEVSIZE);
		rmfreemap(rsp->rmb_mp);
		kmem_free(rsp->rmb_bp, RMB_BUFSIZE);
		ddi_soft_state_free(rmb_statep, instance);
		return (DDI_FAILURE);
	}
	ddi_report_dev(dip);
	return (DDI_SUCCESS);
}

static int
rmb_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	int instance = ddi_get_instance(dip);
	rmb_state_t *rsp;

	switch (cmd) {
	case DDI_DETACH:
		break;
	case DDI_SUSPEND:
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}

	rsp = ddi_get_soft_state(rmb_statep, instance);
	ASSERT(rsp != NULL);
	mutex_enter(&rsp->rmb_lock);
	if (rsp->rmb_out != 0) {
		/* Space is out of the map: it must come back first. */
		mutex_exit(&rsp->rmb_lock);
		return (DDI_FAILURE);
	}
	mutex_exit(&rsp->rmb_lock);

	ddi_remove_minor_node(dip, NULL);
	rmfreemap(rsp->rmb_mp);
	kmem_free(rsp->rmb_bp, RMB_BUFSIZE);
	kmem_free(rsp->rmb_dev, RMB_DEVSIZE);
	mutex_destroy(&rsp->rmb_lock);
	ddi_soft_state_free(rmb_statep, instance);
	return (DDI_SUCCESS);
}

/*ARGSUSED*/
static int
rmb_open(dev_t *devp, int flag, int otyp, cred_t *credp)
{
	if (otyp != OTYP_CHR)
		return (EINVAL);
	if (ddi_get_soft_state(rmb_statep, getminor(*devp)) == NULL)
		return (ENXIO);
	return (0);
}

/*ARGSUSED*/
static int
rmb_close(dev_t dev, int flag, int otyp, cred_t *credp)
{
	return (0);
}

/*
 * Get a buffer of size bytes from the map.  rmalloc() first; if the map
 * has no room, fail for a non-blocking caller and wait otherwise.
 * Returns NULL only for a non-blocking caller or a killed process.
 */
static caddr_t
rmb_getbuf(rmb_state_t *rsp, int size, int fmode)
{
	caddr_t addr;
	boolean_t waited = B_FALSE;

	if ((addr = (caddr_t)rmalloc(rsp->rmb_mp, size)) == NULL) {
		if (fmode & (FNDELAY | FNONBLOCK))
			return (NULL);
		waited = B_TRUE;
		if ((addr = (caddr_t)rmalloc_wait(rsp->rmb_mp, size)) == NULL)
			return (NULL);
	}
	mutex_enter(&rsp->rmb_lock);
	rsp->rmb_out++;
	mutex_exit(&rsp->rmb_lock);
	mutex_enter(&rmb_stats_lock);
	rmb_stats.rs_takes++;
	if (waited)
		rmb_stats.rs_waits++;
	if (addr - rsp->rmb_bp < rmb_stats.rs_lowest)
		rmb_stats.rs_lowest = addr - rsp->rmb_bp;
	mutex_exit(&rmb_stats_lock);
	return (addr);
}

static void
rmb_putbuf(rmb_state_t *rsp, caddr_t addr, int size)
{
	rmfree(rsp->rmb_mp, size, (ulong_t)addr);
	mutex_enter(&rsp->rmb_lock);
	rsp->rmb_out--;
	mutex_exit(&rsp->rmb_lock);
}

static void
rmb_count_fault(void)
{
	mutex_enter(&rmb_stats_lock);
	rmb_stats.rs_faults++;
	mutex_exit(&rmb_stats_lock);
}

/*
 * No buffer: a non-blocking caller gets EAGAIN, a killed one EINTR, unless
 * part of the request was already moved.
 */
static int
rmb_nobuf(struct uio *uiop, ssize_t resid)
{
	if (uiop->uio_resid < resid)
		return (0);
	return ((uiop->uio_fmode & (FNDELAY | FNONBLOCK)) ? EAGAIN : EINTR);
}

/* The piece of the request at the current offset; 0 at the end. */
static int
rmb_piece(struct uio *uiop)
{
	offset_t off = uiop->uio_loffset;

	if (off < 0 || off >= RMB_DEVSIZE || uiop->uio_resid <= 0)
		return (0);
	return (min(min(uiop->uio_resid, RMB_MAXSIZE), RMB_DEVSIZE - off));
}

/*ARGSUSED*/
static int
rmb_read(dev_t dev, struct uio *uiop, cred_t *credp)
{
	rmb_state_t *rsp = ddi_get_soft_state(rmb_statep, getminor(dev));
	ssize_t resid = uiop->uio_resid;
	caddr_t addr;
	offset_t off;
	int size;

	if (rsp == NULL)
		return (ENXIO);
	while ((size = rmb_piece(uiop)) > 0) {
		/* Get buffer. */
		if ((addr = rmb_getbuf(rsp, size, uiop->uio_fmode)) == NULL)
			return (rmb_nobuf(uiop, resid));
		/* The device moves the data into the buffer. */
		off = uiop->uio_loffset;
		mutex_enter(&rsp->rmb_lock);
		bcopy(rsp->rmb_dev + off, addr, size);
		mutex_exit(&rsp->rmb_lock);
		/*
		 * Move data to the user.  If the address is invalid, return
		 * the buffer to the map and fail.
		 */
		if (uiomove(addr, size, UIO_READ, uiop) != 0) {
			rmb_putbuf(rsp, addr, size);
			rmb_count_fault();
			return (EFAULT);
		}
		rmb_putbuf(rsp, addr, size);
	}
	return (0);
}

/*ARGSUSED*/
static int
rmb_write(dev_t dev, struct uio *uiop, cred_t *credp)
{
	rmb_state_t *rsp = ddi_get_soft_state(rmb_statep, getminor(dev));
	ssize_t resid = uiop->uio_resid;
	caddr_t addr;
	offset_t off;
	int size;

	if (rsp == NULL)
		return (ENXIO);
	if (uiop->uio_resid > 0 && uiop->uio_loffset >= RMB_DEVSIZE)
		return (ENOSPC);
	while ((size = rmb_piece(uiop)) > 0) {
		if ((addr = rmb_getbuf(rsp, size, uiop->uio_fmode)) == NULL)
			return (rmb_nobuf(uiop, resid));
		off = uiop->uio_loffset;
		if (uiomove(addr, size, UIO_WRITE, uiop) != 0) {
			rmb_putbuf(rsp, addr, size);
			rmb_count_fault();
			return (EFAULT);
		}
		/* The device takes the data from the buffer. */
		mutex_enter(&rsp->rmb_lock);
		bcopy(addr, rsp->rmb_dev + off, size);
		mutex_exit(&rsp->rmb_lock);
		rmb_putbuf(rsp, addr, size);
	}
	return (0);
}

/*ARGSUSED*/
static int
rmb_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *credp,
    int *rvalp)
{
	rmb_state_t *rsp = ddi_get_soft_state(rmb_statep, getminor(dev));
	struct rmb_stats stats;
	ulong_t idx;

	if (rsp == NULL)
		return (ENXIO);

	switch (cmd) {
	case RMBIOCSTATS:
		mutex_enter(&rmb_stats_lock);
		stats = rmb_stats;
		mutex_exit(&rmb_stats_lock);
		mutex_enter(&rsp->rmb_lock);
		stats.rs_out = rsp->rmb_out;
		stats.rs_held = rsp->rmb_holdsize;
		mutex_exit(&rsp->rmb_lock);
		if (ddi_copyout(&stats, (void *)arg, sizeof (stats),
		    mode) != 0)
			return (EFAULT);
		return (0);

	case RMBIOCHOLD:
		if (arg <= 0 || arg > RMB_BUFSIZE)
			return (EINVAL);
		mutex_enter(&rsp->rmb_lock);
		if (rsp->rmb_hold != 0) {
			mutex_exit(&rsp->rmb_lock);
			return (EBUSY);
		}
		if ((idx = rmalloc(rsp->rmb_mp, (size_t)arg)) == 0) {
			mutex_exit(&rsp->rmb_lock);
			return (EAGAIN);
		}
		rsp->rmb_hold = idx;
		rsp->rmb_holdsize = (size_t)arg;
		rsp->rmb_out++;
		mutex_exit(&rsp->rmb_lock);
		*rvalp = (int)(idx - (ulong_t)rsp->rmb_bp);
		return (0);

	case RMBIOCRELEASE:
		mutex_enter(&rsp->rmb_lock);
		if (rsp->rmb_hold == 0) {
			mutex_exit(&rsp->rmb_lock);
			return (ENOENT);
		}
		rmfree(rsp->rmb_mp, rsp->rmb_holdsize, rsp->rmb_hold);
		rsp->rmb_hold = 0;
		rsp->rmb_holdsize = 0;
		rsp->rmb_out--;
		mutex_exit(&rsp->rmb_lock);
		return (0);

	default:
		return (ENOTTY);
	}
}
