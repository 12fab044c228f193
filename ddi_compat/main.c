// SPDX-License-Identifier: GPL-2.0
/*
 * ddi_compat: the Solaris DDI/DKI on Linux.
 *
 * Module init brings the subsystems up in the order of the table below and
 * unwinds the ones already up if one fails; module exit takes them down in
 * reverse.  Each subsystem owns one file named after it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/debugfs.h>
#include <linux/notifier.h>

#include "ddic_core.h"
#include "ddic_blk.h"
#include "devinfo.h"

struct ddic_subsystem {
	const char *name;
	int (*init)(void);
	void (*fini)(void);
};

static const struct ddic_subsystem ddic_subsystems[] = {
	{ "kmem", ddic_kmem_init, ddic_kmem_fini },
	{ "umem", ddic_umem_init, ddic_umem_fini },
	{ "devmap", NULL, ddic_devmap_ctx_fini },
	{ "blk", ddic_blk_init, ddic_blk_fini },
	{ "minornode", ddic_minornode_init, ddic_minornode_fini },
	{ "control", ddic_control_init, ddic_control_fini },
	{ "rmap", ddic_rmap_init, ddic_rmap_fini },
	{ "props", ddic_props_init, ddic_props_fini },
	{ "pci", ddic_pci_init, ddic_pci_fini },
	{ "strsubr", ddic_strsubr_init, ddic_strsubr_fini },
	{ "kstat", ddic_kstat_init, ddic_kstat_fini },
	{ "taskq", ddic_taskq_init, ddic_taskq_fini },
	{ "callout", ddic_callout_init, ddic_callout_fini },
	{ "softint", ddic_softint_init, ddic_softint_fini },
	{ "devopen", ddic_devopen_init, NULL },
};

static int ddic_module_notify(struct notifier_block *nb, unsigned long state,
			     void *data)
{
	/* A driver module has run its exit; name what it leaked. */
	if (state == MODULE_STATE_GOING) {
		ddic_kmem_module_going(data);
		ddic_umem_module_going(data);
		ddic_dma_module_going(data);
	}
	return NOTIFY_DONE;
}

static struct notifier_block ddic_module_nb = {
	.notifier_call = ddic_module_notify,
};

static void ddic_fini_from(int i)
{
	while (--i >= 0)
		if (ddic_subsystems[i].fini)
			ddic_subsystems[i].fini();
}

static int __init ddi_compat_init(void)
{
	int i, err;

	ddic_debugfs_root = debugfs_create_dir("ddi_compat", NULL);
	for (i = 0; i < ARRAY_SIZE(ddic_subsystems); i++) {
		err = ddic_subsystems[i].init ? ddic_subsystems[i].init() : 0;
		if (err) {
			pr_err("%s: init failed: %d\n", ddic_subsystems[i].name,
			       err);
			ddic_fini_from(i);
			debugfs_remove_recursive(ddic_debugfs_root);
			return err;
		}
	}
	err = register_module_notifier(&ddic_module_nb);
	if (err) {
		ddic_fini_from(ARRAY_SIZE(ddic_subsystems));
		debugfs_remove_recursive(ddic_debugfs_root);
		return err;
	}
	pr_info("Solaris DDI/DKI compatibility layer loaded\n");
	return 0;
}

static void __exit ddi_compat_exit(void)
{
	unregister_module_notifier(&ddic_module_nb);
	ddic_fini_from(ARRAY_SIZE(ddic_subsystems));
	debugfs_remove_recursive(ddic_debugfs_root);
	pr_info("unloaded\n");
}

module_init(ddi_compat_init);
module_exit(ddi_compat_exit);

MODULE_DESCRIPTION("Solaris DDI/DKI interfaces for Solaris device drivers");
MODULE_LICENSE("GPL");
#ifndef DDIC_VERSION
#define DDIC_VERSION "unknown"
#endif
MODULE_VERSION(DDIC_VERSION);
