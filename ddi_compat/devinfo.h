/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Private to ddi_compat: the driver model's state.  A Solaris driver is a
 * struct ddic_driver (one per loaded driver module), its instances are
 * struct dev_info, its minor nodes struct ddic_minor.
 *
 * Locking: ddic_drivers_lock guards the list of drivers.  drv->state_lock
 * serialises attach and detach of the driver's instances with the open
 * and close bookkeeping; it is held across attach(9E) and detach(9E) but
 * never across open(9E), close(9E) or any other entry point.
 * drv->minor_lock guards the minor list and nests inside state_lock.
 */
#ifndef _DDI_DEVINFO_H
#define _DDI_DEVINFO_H

#include <linux/cdev.h>
#include <linux/device.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/spinlock.h>
#include <sys/types.h>
#include <sys/devops.h>
#include <sys/conf.h>
#include <sys/modctl.h>
#include <sys/ddifm.h>

#define DDIC_NAME_MAX	64

/* A property from the .conf: an array of ints or of strings. */
struct ddic_prop {
	struct list_head link;
	char *name;
	int type;			/* DDIC_CONF_INT or DDIC_CONF_STRING */
	unsigned int nvals;
	size_t len;			/* bytes in val */
	void *val;			/* int[nvals] or packed strings */
};

#define DDIC_CONF_INT	1
#define DDIC_CONF_STRING	2

/* One "name=... parent=... instance=N;" entry of a .conf. */
struct ddic_conf_node {
	struct list_head link;
	int instance;
	int line;
	struct list_head props;
};

/* A parsed .conf: its nodes, and the properties given for all nodes. */
struct ddic_conf {
	struct list_head nodes;
	struct list_head global_props;
	int nnodes;
};

int ddic_conf_parse(const char *drv, const char *text, struct ddic_conf **out,
		   char *err, size_t errlen);
void ddic_conf_free(struct ddic_conf *conf);
struct ddic_prop *ddic_conf_find_prop(struct list_head *props, const char *name);

struct ddic_driver;

struct dev_info {
	struct list_head link;		/* in drv->instances */
	struct ddic_driver *drv;
	int instance;
	bool attached;
	bool holds_module;		/* a module reference is ours */
	bool in_attach;			/* attach(9E) or detach(9E) is running: */
	bool in_detach;			/* removed nodes stay (see minornode.c) */
	int opens;			/* open files on its minors */
	int opening;			/* open(9E) calls in progress */
	struct list_head *props;	/* the .conf node's properties */
	void *driver_private;
	/*
	 * Properties the driver set with ddi_prop_update(9F) and friends
	 * (props.c), searched before the .conf's; guarded by the property
	 * lock in props.c.  Zeroed (next == NULL) means empty.
	 */
	struct list_head drvprops;
	/*
	 * A PCI function's node (pci.c): its PCI state, its parent (the
	 * PCI nexus), node name and /dev path ("pci@0,0!<name>@<unit>").
	 * NULL for a pseudo node: the pseudo nexus, the driver's name and
	 * "pseudo!<driver>@<instance>".
	 */
	struct ddic_pcinode *pci;
	struct dev_info *parent;
	const char *nodename;
	const char *devpath;
	char unitaddr[12];		/* a pseudo node's: its instance */
	/*
	 * Fault management (fm.c): what ddi_fm_init(9F) granted, the
	 * driver's error handler, and the state ddi_get_devstate(9F)
	 * reports (0 until a fault or service impact sets it: up).
	 */
	bool fm_inited;
	bool fm_pci_ereport;		/* pci_ereport_setup done */
	int fm_cap;
	ddi_err_func_t fm_handler;
	void *fm_handler_arg;
	int fm_devstate;		/* ddi_devstate_t, or 0; READ/WRITE_ONCE */
};

struct ddic_minor {
	struct list_head link;		/* in drv->minors */
	struct dev_info *dip;
	char name[DDIC_NAME_MAX];
	minor_t minor;
	int spec_type;
	bool live;			/* created and not removed */
	bool creating;			/* its disk is being made */
	struct device *dev;		/* the /dev/pseudo/... node (char) */
	struct ddic_blk *blk;		/* the Linux disk (block) */
};

struct ddic_driver {
	struct list_head link;		/* in ddic_drivers */
	char name[DDIC_NAME_MAX];
	struct module *owner;
	struct modlinkage *modlinkage;
	struct dev_ops *ops;
	const char *linkinfo;
	struct ddic_conf *conf;
	bool autodetach;		/* no ddi-no-autodetach in .conf */
	bool installed;			/* mod_install done */
	bool unloading;			/* in mod_remove: nodes go away */
	dev_t base;			/* major, minor 0 */
	int blk_major;			/* register_blkdev's, or 0 */
	struct cdev *cdev;		/* cdev_alloc()'s, or NULL */
	struct file_operations fops;	/* owner = the driver's module */
	struct mutex state_lock;
	struct lock_class_key state_key;	/* state_lock's, per driver */
	struct mutex minor_lock;
	struct list_head instances;
	struct list_head minors;
	struct list_head devopens;	/* open counts per dev_t (devopen.c) */
	wait_queue_head_t close_wait;	/* a last close(9E) finished */
	unsigned long close_seq;	/* how many have */
	struct ddic_pcidrv *pcidrv;	/* its Linux PCI driver (pci.c) */
};

extern struct mutex ddic_drivers_lock;
extern struct list_head ddic_drivers;
extern struct class *ddic_pseudo_class;

/* devinfo.c */
int ddic_attach_instance(struct dev_info *dip);
int ddic_detach_instance(struct dev_info *dip);
void ddic_autodetach(struct dev_info *dip);
struct ddic_minor *ddic_minor_find(struct ddic_driver *drv, minor_t minor,
				 int spec_type);	/* minor_lock held */
int ddic_driver_attach_all(struct ddic_driver *drv);
int ddic_driver_detach_all(struct ddic_driver *drv);

/* cdev.c */
int ddic_cdev_register(struct ddic_driver *drv);
void ddic_cdev_unregister(struct ddic_driver *drv);

/*
 * devopen.c: open, close and ioctl for both bridges.  An open names its
 * node by driver, dev_t and open type, plus the disk for a block node;
 * the character bridge leaves @dip NULL and gets the node's instance.
 */
struct ddic_blk;
struct ddic_open_req {
	struct ddic_driver *drv;
	struct dev_info *dip;		/* in (block) or out (character) */
	struct ddic_blk *blk;		/* the disk of a block node, or NULL */
	dev_t dev;			/* in; out: as open(9E) left it */
	int otyp;			/* OTYP_CHR or OTYP_BLK */
	int flag;			/* FREAD, FWRITE, FEXCL, ... */
	cred_t *cred;
};
int ddic_open(struct ddic_open_req *req);
void ddic_close(struct ddic_driver *drv, struct dev_info *dip, dev_t dev,
		int otyp, int flag, cred_t *cr);
long ddic_ioctl(struct ddic_driver *drv, dev_t dev, unsigned int cmd,
		unsigned long arg, int mode);
int ddic_open_flags(int rw, unsigned int oflags);
int ddic_errno(struct ddic_driver *drv, const char *entry, int err);
/* debugfs "devopens"; it goes with ddic_debugfs_root: no fini. */
int ddic_devopen_init(void);

/* minornode.c */
void ddic_minor_destroy_all(struct ddic_driver *drv);
void ddic_minor_destroy_dip(struct dev_info *dip);
int ddic_minornode_init(void);
void ddic_minornode_fini(void);

/* poll.c */
void ddic_poll_driver_gone(struct ddic_driver *drv);
struct wait_queue_head *ddic_pollhead_wq(struct ddic_driver *drv,
					struct pollhead *php);

/* events.c: the handlers a node's driver left */
void ddic_event_drop_dip(struct dev_info *dip);

/* fm.c: fault management a node's driver left set up, and its state */
void ddic_fm_drop_dip(struct dev_info *dip);

/* props.c */
void ddic_prop_drop_all(struct dev_info *dip);
struct seq_file;
void ddic_prop_show_top(struct seq_file *m);
void ddic_prop_show_node(struct seq_file *m, dev_info_t *dip);
void ddic_prop_show_nexus(struct seq_file *m, dev_info_t *dip);
int ddic_props_init(void);
void ddic_props_fini(void);

/* strsubr.c */
int ddic_strsubr_init(void);
void ddic_strsubr_fini(void);

/* pci.c: binding PCI functions by alias (see ddic_pci.h) */
int ddic_pci_driver_install(struct ddic_driver *drv);
bool ddic_pci_driver_binds(struct ddic_driver *drv);
int ddic_pci_driver_remove(struct ddic_driver *drv);
int ddic_pci_alias_cmd(struct ddic_driver *drv, const char *drvname,
		       const char *alias, bool add);
struct dev_info *ddic_pci_nexus(void);
void ddic_pci_show_aliases(struct seq_file *m);

/* modctl.c */
struct ddic_driver *ddic_driver_find(const char *name);
/* Its debugfs files go with ddic_debugfs_root: no fini. */
int ddic_control_init(void);
void ddic_control_fini(void);

#endif /* _DDI_DEVINFO_H */
