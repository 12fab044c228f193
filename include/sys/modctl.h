/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Loadable module linkage: struct modlinkage(9S), modldrv(9S), _init(9E),
 * _info(9E), _fini(9E), mod_install(9F), mod_remove(9F), mod_info(9F).
 *
 * The Linux module_init/module_exit that call _init/_fini are generated
 * by scripts/port.sh; the driver's source is not touched.
 */
#ifndef _SYS_MODCTL_H
#define _SYS_MODCTL_H

#include <sys/types.h>
#include <sys/devops.h>

#define MODREV_1	1
#define MODMAXNAMELEN	32
#define MODMAXLINKINFOLEN 32
#define MODMAXLINK	10

struct mod_ops {
	const char *modm_name;
	int modm_kind;
};

extern struct mod_ops mod_driverops;
extern struct mod_ops mod_miscops;

struct modldrv {
	struct mod_ops *drv_modops;
	const char *drv_linkinfo;
	struct dev_ops *drv_dev_ops;
};

struct modlmisc {
	struct mod_ops *misc_modops;
	const char *misc_linkinfo;
};

struct modlinkage {
	int ml_rev;
	void *ml_linkage[7];
};

struct modspecific_info {
	char msi_linkinfo[MODMAXLINKINFOLEN];
	int msi_p0;
};

struct modinfo {
	int mi_info;
	int mi_state;
	int mi_id;
	int mi_nextid;
	caddr_t mi_base;
	size_t mi_size;
	int mi_rev;
	int mi_loadcnt;
	char mi_name[MODMAXNAMELEN];
	struct modspecific_info mi_msinfo[MODMAXLINK];
};

int mod_install(struct modlinkage *modlp);
int mod_remove(struct modlinkage *modlp);
int mod_info(struct modlinkage *modlp, struct modinfo *modinfop);

/* What every Solaris module defines. */
int _init(void);
int _fini(void);
int _info(struct modinfo *modinfop);

#endif /* _SYS_MODCTL_H */
