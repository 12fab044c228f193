/* SPDX-License-Identifier: GPL-2.0 */

/*
 * afw's getinfo(9E), in a file of its own.
 */

#include <sys/types.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include "afw.h"

dev_info_t *afw_dip;

/* ARGSUSED */
int
afw_getinfo(dev_info_t *dip, ddi_info_cmd_t cmd, void *arg, void **resultp)
{
	switch (cmd) {
	case DDI_INFO_DEVT2DEVINFO:
		*resultp = afw_dip;
		return (afw_dip != NULL ? DDI_SUCCESS : DDI_FAILURE);
	case DDI_INFO_DEVT2INSTANCE:
		*resultp = (void *)(uintptr_t)getminor(*(dev_t *)arg);
		return (DDI_SUCCESS);
	default:
		return (DDI_FAILURE);
	}
}
