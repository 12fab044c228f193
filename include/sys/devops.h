/* SPDX-License-Identifier: GPL-2.0 */
/*
 * struct dev_ops(9S) and the types of its entry points.
 */
#ifndef _SYS_DEVOPS_H
#define _SYS_DEVOPS_H

#include <sys/types.h>
#include <sys/poll.h>
#include <sys/cred.h>
#include <sys/errno.h>

typedef struct dev_info dev_info_t;
struct cb_ops;
struct bus_ops;

typedef enum {
	DDI_INFO_DEVT2DEVINFO = 0,
	DDI_INFO_DEVT2INSTANCE = 1
} ddi_info_cmd_t;

typedef enum {
	DDI_ATTACH = 0,
	DDI_RESUME = 1,
	DDI_PM_RESUME = 2
} ddi_attach_cmd_t;

typedef enum {
	DDI_DETACH = 0,
	DDI_SUSPEND = 1,
	DDI_PM_SUSPEND = 2,
	DDI_HOTPLUG_DETACH = 3
} ddi_detach_cmd_t;

typedef enum {
	DDI_RESET_FORCE = 0
} ddi_reset_cmd_t;

#define DEVO_REV	4

/*
 * What probe(9E) returns.  ddi_compat's nodes are all self-identifying
 * pseudo nodes (ddi_dev_is_sid() says so), for which Solaris does not
 * need probe(9E); ddi_compat does not call it.
 */
#define DDI_PROBE_FAILURE	ENXIO
#define DDI_PROBE_DONTCARE	0
#define DDI_PROBE_PARTIAL	1
#define DDI_PROBE_SUCCESS	2

struct dev_ops {
	int devo_rev;
	int devo_refcnt;
	int (*devo_getinfo)(dev_info_t *dip, ddi_info_cmd_t infocmd,
			    void *arg, void **result);
	int (*devo_identify)(dev_info_t *dip);
	int (*devo_probe)(dev_info_t *dip);
	int (*devo_attach)(dev_info_t *dip, ddi_attach_cmd_t cmd);
	int (*devo_detach)(dev_info_t *dip, ddi_detach_cmd_t cmd);
	int (*devo_reset)(dev_info_t *dip, ddi_reset_cmd_t cmd);
	struct cb_ops *devo_cb_ops;
	struct bus_ops *devo_bus_ops;
	int (*devo_power)(dev_info_t *dip, int component, int level);
	int (*devo_quiesce)(dev_info_t *dip);
};

#endif /* _SYS_DEVOPS_H */
