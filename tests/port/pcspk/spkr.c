// SPDX-License-Identifier: GPL-2.0
/*
 * spkr: the PC speaker as illumos's pit_beep drives it, for
 * tests/port/pcspk/test.sh on QEMU's pcspk.  Counter 2 of the 8254 (ports
 * 0x42 and 0x43) divides its 1193182 Hz clock into the tone, and bits 0
 * (gate 2) and 1 (speaker data) of port 0x61 let it through; inb(9F) and
 * outb(9F) reach them.  A tone ends from a timeout(9F).  The getinfo(9E)
 * casts its argument to dev_t directly, as Solaris drivers do; the tree
 * is built with warnings fatal.
 */
#include <sys/types.h>
#include <sys/spkr.h>
#include <sys/conf.h>
#include <sys/stat.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/modctl.h>

#define	SPKR_CLOCK	1193182
#define	SPKR_CTR2	0x42
#define	SPKR_PITCTL	0x43
#define	SPKR_PORTB	0x61
#define	SPKR_GATES	0x03
#define	SPKR_MODE3	0xb6	/* counter 2, low byte then high, square wave */
#define	SPKR_LATCH2	0x80	/* counter 2, latch the count */

static spkr_state_t spkr;
static dev_info_t *spkr_dip;

static void
spkr_quiet_locked(void)
{
	outb(SPKR_PORTB, inb(SPKR_PORTB) & ~SPKR_GATES);
	spkr.ss_sounding = 0;
}

static void
spkr_expire(void *arg)
{
	mutex_enter(&spkr.ss_lock);
	if (spkr.ss_tid != 0) {		/* not stopped meanwhile */
		spkr.ss_tid = 0;
		spkr_quiet_locked();
	}
	mutex_exit(&spkr.ss_lock);
}

static int
spkr_tone(int hz, int ms)
{
	uint_t div;

	if (hz < 19 || hz > 20000 || ms <= 0 || ms > 10000)
		return (EINVAL);
	div = SPKR_CLOCK / hz;
	mutex_enter(&spkr.ss_lock);
	if (spkr.ss_sounding) {
		mutex_exit(&spkr.ss_lock);
		return (EBUSY);
	}
	outb(SPKR_PITCTL, SPKR_MODE3);
	outb(SPKR_CTR2, div & 0xff);
	outb(SPKR_CTR2, div >> 8);
	outb(SPKR_PORTB, inb(SPKR_PORTB) | SPKR_GATES);
	spkr.ss_sounding = 1;
	spkr.ss_tid = timeout(spkr_expire, NULL, drv_usectohz(ms * 1000));
	mutex_exit(&spkr.ss_lock);
	return (0);
}

static void
spkr_stop(void)
{
	timeout_id_t tid;

	mutex_enter(&spkr.ss_lock);
	tid = spkr.ss_tid;
	spkr.ss_tid = 0;
	spkr_quiet_locked();
	mutex_exit(&spkr.ss_lock);
	if (tid != 0)
		(void) untimeout(tid);
}

static int
spkr_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **res)
{
	dev_t dev = (dev_t)arg;		/* as Solaris drivers write it */

	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		*res = spkr_dip;
		return (spkr_dip != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*res = (void *)(uintptr_t)getminor(dev);
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}

static int
spkr_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	if (cmd != DDI_ATTACH)
		return (DDI_FAILURE);
	mutex_init(&spkr.ss_lock, NULL, MUTEX_DRIVER, NULL);
	mutex_enter(&spkr.ss_lock);
	spkr_quiet_locked();
	mutex_exit(&spkr.ss_lock);
	if (ddi_create_minor_node(dip, "spkr", S_IFCHR, 0, DDI_PSEUDO, 0) !=
	    DDI_SUCCESS) {
		mutex_destroy(&spkr.ss_lock);
		return (DDI_FAILURE);
	}
	spkr_dip = dip;
	return (DDI_SUCCESS);
}

static int
spkr_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	if (cmd != DDI_DETACH)
		return (DDI_FAILURE);
	spkr_stop();
	ddi_remove_minor_node(dip, NULL);
	spkr_dip = NULL;
	mutex_destroy(&spkr.ss_lock);
	return (DDI_SUCCESS);
}

static int
spkr_ioctl(dev_t dev, int cmd, intptr_t arg, int mode, cred_t *cr,
    int *rvalp)
{
	mutex_enter(&spkr.ss_lock);
	spkr.ss_calls++;
	mutex_exit(&spkr.ss_lock);

	switch (cmd) {
	case SPKR_TONE:
		return (spkr_tone((int)(arg >> 16), (int)(arg & 0xffff)));
	case SPKR_STOP:
		spkr_stop();
		return (0);
	case SPKR_BUSY:
		mutex_enter(&spkr.ss_lock);
		*rvalp = spkr.ss_sounding;
		mutex_exit(&spkr.ss_lock);
		return (0);
	case SPKR_CALLS:
		mutex_enter(&spkr.ss_lock);
		*rvalp = spkr.ss_calls;
		mutex_exit(&spkr.ss_lock);
		return (0);
	case SPKR_PORTS:
		/* for kernels without /dev/port: latch counter 2, read */
		mutex_enter(&spkr.ss_lock);
		outb(SPKR_PITCTL, SPKR_LATCH2);
		*rvalp = inb(SPKR_CTR2);
		*rvalp |= inb(SPKR_CTR2) << 8;
		*rvalp |= inb(SPKR_PORTB) << 16;
		mutex_exit(&spkr.ss_lock);
		return (0);
	default:
		return (ENOTTY);
	}
}

static struct cb_ops spkr_cb_ops = {
	nulldev, nulldev, nodev, nodev, nodev, nodev, nodev, spkr_ioctl,
	nodev, nodev, nodev, nochpoll, ddi_prop_op, NULL, D_MP, CB_REV
};

static struct dev_ops spkr_ops = {
	DEVO_REV, 0, spkr_getinfo, nulldev, nulldev, spkr_attach,
	spkr_detach, nodev, &spkr_cb_ops, NULL, NULL, ddi_quiesce_not_needed
};

static struct modldrv spkr_modldrv = {
	&mod_driverops, "PC speaker test", &spkr_ops
};

static struct modlinkage spkr_modlinkage = {
	MODREV_1, { &spkr_modldrv, NULL }
};

int
_init(void)
{
	return (mod_install(&spkr_modlinkage));
}

int
_info(struct modinfo *mi)
{
	return (mod_info(&spkr_modlinkage, mi));
}

int
_fini(void)
{
	return (mod_remove(&spkr_modlinkage));
}
