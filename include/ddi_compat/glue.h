/* SPDX-License-Identifier: GPL-2.0 */
/*
 * What the Linux glue that scripts/port.sh generates for a Solaris driver
 * calls: its module_init hands ddi_compat the driver's _init, _info and
 * .conf text; its module_exit hands over _fini.  Not for drivers.
 */
#ifndef _DDI_COMPAT_GLUE_H
#define _DDI_COMPAT_GLUE_H

struct module;
struct modinfo;

int ddic_glue_load(struct module *mod, const char *name, const char *conf,
		  int (*init)(void), int (*info)(struct modinfo *));
void ddic_glue_unload(struct module *mod, int (*fini)(void));
int ddic_glue_depends(struct module *mod, const char *name,
		      const char *depends);
void ddic_glue_undepend(struct module *mod);
/* The driver_aliases file of the driver's directory, before ddic_glue_load. */
int ddic_glue_aliases(const char *name, const char *aliases);

#endif /* _DDI_COMPAT_GLUE_H */
