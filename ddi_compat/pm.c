// SPDX-License-Identifier: GPL-2.0
/*
 * Power management for drivers without a power-management framework:
 * pm_busy_component(9F), pm_idle_component(9F), pm_raise_power(9F),
 * pm_lower_power(9F), pm_power_has_changed(9F), ddi_removing_power(9F),
 * ddi_dev_is_needed(9F), and the obsolete ddi_power() of <sys/sunddi.h>.
 *
 * Departure: ddi_compat runs no power manager.  A device stays at full
 * power, nothing ever calls power(9E) and no device is suspended to save
 * power, so the busy/idle bookkeeping has no one to inform: the calls
 * check their arguments and succeed without doing anything else, and
 * ddi_removing_power() says power is never removed.
 */
#include <sys/types.h>
#include <sys/cmn_err.h>
#include <sys/sunddi.h>

/* A NULL node or a negative component or level is a driver bug. */
static int pmx_check(const char *fn, dev_info_t *dip, int component,
		     int level)
{
	if (!dip || component < 0 || level < 0) {
		cmn_err(CE_WARN, "%s: bad argument (dip %p, component %d, level %d)",
			fn, dip, component, level);
		return DDI_FAILURE;
	}
	return DDI_SUCCESS;
}

int pm_busy_component(dev_info_t *dip, int component)
{
	return pmx_check(__func__, dip, component, 0);
}
EXPORT_SYMBOL(pm_busy_component);

int pm_idle_component(dev_info_t *dip, int component)
{
	return pmx_check(__func__, dip, component, 0);
}
EXPORT_SYMBOL(pm_idle_component);

int pm_raise_power(dev_info_t *dip, int component, int level)
{
	return pmx_check(__func__, dip, component, level);
}
EXPORT_SYMBOL(pm_raise_power);

int pm_lower_power(dev_info_t *dip, int component, int level)
{
	return pmx_check(__func__, dip, component, level);
}
EXPORT_SYMBOL(pm_lower_power);

int pm_power_has_changed(dev_info_t *dip, int component, int level)
{
	return pmx_check(__func__, dip, component, level);
}
EXPORT_SYMBOL(pm_power_has_changed);

/* 0: power is never removed from a device across DDI_SUSPEND here. */
int ddi_removing_power(dev_info_t *dip)
{
	return 0;
}
EXPORT_SYMBOL(ddi_removing_power);

/* Obsolete pm_raise_power(); the device is already at full power. */
int ddi_dev_is_needed(dev_info_t *dip, int cmpt, int level)
{
	return pmx_check(__func__, dip, cmpt, level);
}
EXPORT_SYMBOL(ddi_dev_is_needed);

/*
 * ddi_power(): the obsolete request to set a component's power level,
 * which illumos declares in <sys/sunddi.h> (not a 9F page) and which
 * old drivers name as their power(9E) entry (.devo_power = ddi_power).
 * On illumos it asks the parent nexus (DDI_CTLOPS_POWER); here there is no
 * power manager, so, like pm_raise_power(), it checks its arguments and
 * succeeds: the device is already at full power.  Nothing here calls a
 * driver's power(9E), so a devo_power of ddi_power is never called back.
 */
int ddi_power(dev_info_t *dip, int pm_cmpt, int pm_level)
{
	return pmx_check(__func__, dip, pm_cmpt, pm_level);
}
EXPORT_SYMBOL(ddi_power);
