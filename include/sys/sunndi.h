/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/sunndi.h>: the nexus driver interfaces.  ddi_compat has no nexus
 * drivers of its own kind; what it provides is the return values and the
 * ndi_prop_*() property functions, which a leaf driver also calls and
 * which work as the ddi_prop_update(9F) ones do.
 */
#ifndef _SYS_SUNNDI_H
#define _SYS_SUNNDI_H

#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/ddi_impldefs.h>
#include <sys/devctl.h>

#define NDI_SUCCESS		DDI_SUCCESS
#define NDI_FAILURE		DDI_FAILURE
#define NDI_NOMEM		-2
#define NDI_BADHANDLE		-3
#define NDI_FAULT		-4
#define NDI_BUSY		-5
#define NDI_UNBOUND		-6
#define NDI_EINVAL		DDI_EINVAL
#define NDI_ENOTSUP		DDI_ENOTSUP

#define NDI_SLEEP		0x000000
#define NDI_NOSLEEP		0x100000

static inline int ndi_prop_update_int(dev_t match_dev, dev_info_t *dip,
				      char *name, int data)
{
	return ddi_prop_update_int(match_dev, dip, name, data);
}

static inline int ndi_prop_update_int64(dev_t match_dev, dev_info_t *dip,
					char *name, int64_t data)
{
	return ddi_prop_update_int64(match_dev, dip, name, data);
}

static inline int ndi_prop_update_int_array(dev_t match_dev,
					    dev_info_t *dip, char *name,
					    int *data, uint_t nelements)
{
	return ddi_prop_update_int_array(match_dev, dip, name, data,
					 nelements);
}

static inline int ndi_prop_update_int64_array(dev_t match_dev,
					      dev_info_t *dip, char *name,
					      int64_t *data, uint_t nelements)
{
	return ddi_prop_update_int64_array(match_dev, dip, name, data,
					   nelements);
}

static inline int ndi_prop_update_string(dev_t match_dev, dev_info_t *dip,
					 char *name, char *data)
{
	return ddi_prop_update_string(match_dev, dip, name, data);
}

static inline int ndi_prop_update_string_array(dev_t match_dev,
					       dev_info_t *dip, char *name,
					       char **data, uint_t nelements)
{
	return ddi_prop_update_string_array(match_dev, dip, name, data,
					    nelements);
}

static inline int ndi_prop_update_byte_array(dev_t match_dev,
					     dev_info_t *dip, char *name,
					     uchar_t *data, uint_t nelements)
{
	return ddi_prop_update_byte_array(match_dev, dip, name, data,
					  nelements);
}

static inline int ndi_prop_remove(dev_t dev, dev_info_t *dip, char *name)
{
	return ddi_prop_remove(dev, dip, name);
}

static inline void ndi_prop_remove_all(dev_info_t *dip)
{
	ddi_prop_remove_all(dip);
}

/*
 * Device control ioctls (<sys/devctl.h>): the argument copied in from the
 * caller, its node name and unit address strings with it
 * (ddi_compat/events.c).
 */
int ndi_dc_allochdl(void *iocarg, struct devctl_iocdata **rdcp);
void ndi_dc_freehdl(struct devctl_iocdata *dcp);
char *ndi_dc_getname(struct devctl_iocdata *dcp);
char *ndi_dc_getaddr(struct devctl_iocdata *dcp);

/*
 * The NDI event service: an event the node's nexus defines, posted to the
 * handlers registered for it on @rdip (ddi_compat/events.c).
 */
int ndi_post_event(dev_info_t *dip, dev_info_t *rdip,
		   ddi_eventcookie_t cookie, void *impl_data);

/* Posted when a fault is reported. */
#define DDI_DEVI_FAULT_EVENT	"DDI:DEVI_FAULT"

struct ddi_fault_event_data {
	dev_info_t		*f_dip;
	ddi_fault_impact_t	f_impact;
	ddi_fault_location_t	f_location;
	const char		*f_message;
	ddi_devstate_t		f_oldstate;
};

#endif /* _SYS_SUNNDI_H */
