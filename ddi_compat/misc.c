// SPDX-License-Identifier: GPL-2.0
/*
 * Small DDI services: nodev(9F)/nulldev(9F)/nochpoll(9F), time and
 * delays (lbolt is jiffies counted from boot), credentials, strlcpy,
 * and the data model of the caller.
 */
#include <linux/delay.h>
#include <linux/jiffies.h>
#include <linux/sched.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/compat.h>
#include <linux/timekeeping.h>
#include <sys/types.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/cred.h>
#include <sys/model.h>

#include "ddic_core.h"

/*
 * Defined with prototypes, declared (in <ddi_compat/nodev.h>) without,
 * so a driver can put them in any entry point slot.
 */
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmissing-prototypes"
int nodev(void)
{
	return ENXIO;
}
EXPORT_SYMBOL(nodev);

int nulldev(void)
{
	return 0;
}
EXPORT_SYMBOL(nulldev);

#pragma GCC diagnostic pop

int nochpoll(dev_t dev, short events, int anyyet, short *reventsp,
	     struct pollhead **phpp)
{
	return ENXIO;
}
EXPORT_SYMBOL(nochpoll);

/* Solaris's hz (<sys/time.h>): ticks a second, Linux's jiffies. */
int hz = HZ;
EXPORT_SYMBOL(hz);

clock_t ddi_get_lbolt(void)
{
	return (clock_t)(get_jiffies_64() - INITIAL_JIFFIES);
}
EXPORT_SYMBOL(ddi_get_lbolt);

int64_t ddi_get_lbolt64(void)
{
	return (int64_t)(get_jiffies_64() - INITIAL_JIFFIES);
}
EXPORT_SYMBOL(ddi_get_lbolt64);

time_t ddi_get_time(void)
{
	return ktime_get_real_seconds();
}
EXPORT_SYMBOL(ddi_get_time);

clock_t drv_usectohz(clock_t microsecs)
{
	if (microsecs <= 0)
		return 0;
	return usecs_to_jiffies(microsecs);
}
EXPORT_SYMBOL(drv_usectohz);

clock_t drv_hztousec(clock_t hz)
{
	if (hz <= 0)
		return 0;
	return jiffies_to_usecs(hz);
}
EXPORT_SYMBOL(drv_hztousec);

/* A busy wait of at least @microsecs, in chunks udelay() accepts. */
void drv_usecwait(clock_t microsecs)
{
	while (microsecs > 1000) {
		udelay(1000);
		microsecs -= 1000;
	}
	if (microsecs > 0)
		udelay(microsecs);
}
EXPORT_SYMBOL(drv_usecwait);

void ddic_delay(clock_t ticks)
{
	if (ticks > 0)
		schedule_timeout_uninterruptible(ticks);
}
EXPORT_SYMBOL(ddic_delay);

/* drv_priv(9F): the Solaris superuser test is CAP_SYS_ADMIN here. */
int drv_priv(cred_t *cr)
{
	/* Another credential: its effective capability, not its uid. */
	if (cr && cr != current_cred())
		return cr->user_ns == &init_user_ns &&
		       cap_raised(cr->cap_effective, CAP_SYS_ADMIN) ? 0 : EPERM;
	return capable(CAP_SYS_ADMIN) ? 0 : EPERM;
}
EXPORT_SYMBOL(drv_priv);

int drv_getparm(unsigned int parm, void *valuep)
{
	switch (parm) {
	case LBOLT:
		*(clock_t *)valuep = ddi_get_lbolt();
		return 0;
	case TIME:
		*(time_t *)valuep = ddi_get_time();
		return 0;
	case PPID:
		*(pid_t *)valuep = task_tgid_vnr(current);
		return 0;
	case PSID:
		*(pid_t *)valuep = task_session_vnr(current);
		return 0;
	case PPGRP:
		*(pid_t *)valuep = task_pgrp_vnr(current);
		return 0;
	case UCRED:
		*(cred_t **)valuep = (cred_t *)current_cred();
		return 0;
	case UPROCP:
		*(proc_t **)valuep = current;
		return 0;
	}
	return -1;
}
EXPORT_SYMBOL(drv_getparm);

uid_t crgetuid(const cred_t *cr)
{
	return from_kuid_munged(current_user_ns(), cr->euid);
}
EXPORT_SYMBOL(crgetuid);

uid_t crgetruid(const cred_t *cr)
{
	return from_kuid_munged(current_user_ns(), cr->uid);
}
EXPORT_SYMBOL(crgetruid);

gid_t crgetgid(const cred_t *cr)
{
	return from_kgid_munged(current_user_ns(), cr->egid);
}
EXPORT_SYMBOL(crgetgid);

gid_t crgetrgid(const cred_t *cr)
{
	return from_kgid_munged(current_user_ns(), cr->gid);
}
EXPORT_SYMBOL(crgetrgid);

size_t ddic_strlcpy(char *dst, const char *src, size_t dstsize)
{
	size_t len = strlen(src);

	if (dstsize) {
		size_t n = min(len, dstsize - 1);

		memcpy(dst, src, n);
		dst[n] = '\0';
	}
	return len;
}
EXPORT_SYMBOL(ddic_strlcpy);

/*
 * ddic_model_current(9F): a 32-bit process reaches the kernel through the
 * compat syscall entry, which is what in_compat_syscall() reports.
 */
uint_t ddic_model_current(void)
{
	return in_compat_syscall() ? DDI_MODEL_ILP32 : DDI_MODEL_LP64;
}
EXPORT_SYMBOL(ddic_model_current);
