// SPDX-License-Identifier: GPL-2.0
/*
 * Module linkage: _init/_fini glue, mod_install(9F), mod_remove(9F),
 * mod_info(9F), the registry of loaded Solaris drivers, and the
 * porter's view of it: the control device /dev/ddi_modctl (listing and
 * commands) and the read-only debugfs "devinfo" listing.
 *
 * A driver module's generated module_init calls ddic_glue_load(), which
 * parses the .conf and runs the driver's _init().  _init's mod_install()
 * registers the character device, makes an instance for each .conf node
 * and attaches it.  module_exit calls ddic_glue_unload(), which runs
 * _fini(); its mod_remove() detaches whatever is still attached and takes
 * the nodes away.  Linux cannot refuse an unload from module_exit, so a
 * refusing detach is caught earlier: an attached instance holds a
 * reference on its module (see devinfo.c and docs/driver-model.md).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/debugfs.h>
#include <linux/miscdevice.h>
#include <linux/uaccess.h>
#include <linux/proc_fs.h>
#include <sys/types.h>
#include <sys/modctl.h>
#include <sys/sunddi.h>
#include <sys/stat.h>
#include <ddi_compat/glue.h>

#include "ddic_core.h"
#include "devinfo.h"

struct mod_ops mod_driverops = { .modm_name = "driver", .modm_kind = 1 };
EXPORT_SYMBOL(mod_driverops);
struct mod_ops mod_miscops = { .modm_name = "misc", .modm_kind = 2 };
EXPORT_SYMBOL(mod_miscops);

DEFINE_MUTEX(ddic_drivers_lock);
LIST_HEAD(ddic_drivers);

/*
 * The driver whose _init or _fini is running.  Loads and unloads of
 * Solaris drivers are serialised so that mod_install()/mod_remove() know
 * which driver calls them.
 */
static DEFINE_MUTEX(ddic_load_lock);
static struct ddic_driver *ddic_loading;
static struct task_struct *ddic_loading_task;

struct ddic_driver *ddic_driver_find(const char *name)
{
	struct ddic_driver *drv;

	list_for_each_entry(drv, &ddic_drivers, link)
		if (!strcmp(drv->name, name))
			return drv;
	return NULL;
}

static struct ddic_driver *ddic_current_driver(const char *who)
{
	if (!ddic_loading || ddic_loading_task != current) {
		pr_warn("%s called outside a Solaris driver's _init/_fini\n",
			who);
		return NULL;
	}
	return ddic_loading;
}

static struct modldrv *ddic_find_modldrv(struct modlinkage *ml)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(ml->ml_linkage) && ml->ml_linkage[i]; i++) {
		struct modldrv *md = ml->ml_linkage[i];

		if (md->drv_modops == &mod_driverops)
			return md;
	}
	return NULL;
}

/* Take everything mod_install() built away again. */
static void ddic_driver_teardown(struct ddic_driver *drv)
{
	struct dev_info *dip, *tmp;

	if (!drv->installed)
		return;
	mutex_lock(&ddic_drivers_lock);
	list_del_init(&drv->link);
	mutex_unlock(&ddic_drivers_lock);
	drv->unloading = true;
	ddic_cdev_unregister(drv);
	ddic_minor_destroy_all(drv);
	ddic_poll_driver_gone(drv);
	mutex_lock(&drv->state_lock);
	list_for_each_entry_safe(dip, tmp, &drv->instances, link) {
		if (dip->holds_module)
			module_put(drv->owner);
		list_del(&dip->link);
		ddic_prop_drop_all(dip);
		kfree(dip);
	}
	mutex_unlock(&drv->state_lock);
	drv->installed = false;
}

int mod_install(struct modlinkage *ml)
{
	struct ddic_driver *drv = ddic_current_driver("mod_install");
	struct ddic_conf_node *cn;
	struct modldrv *md;
	struct dev_ops *ops;
	int err;

	if (!drv)
		return EINVAL;
	if (!ml || ml->ml_rev != MODREV_1) {
		pr_err("%s: %s: modlinkage missing or not MODREV_1\n",
		       drv->name, __func__);
		return EINVAL;
	}
	md = ddic_find_modldrv(ml);
	if (!md) {
		/* A misc module: nothing to attach. */
		drv->modlinkage = ml;
		return 0;
	}
	ops = md->drv_dev_ops;
	if (!ops || ops->devo_rev != DEVO_REV || !ops->devo_attach ||
	    !ops->devo_detach) {
		pr_err("%s: %s: dev_ops missing, not DEVO_REV, or without attach/detach\n",
		       drv->name, __func__);
		return EINVAL;
	}
	if (drv->installed) {
		pr_err("%s: %s called twice\n", drv->name, __func__);
		return EBUSY;
	}
	if (ops->devo_cb_ops && ops->devo_cb_ops->cb_rev != CB_REV)
		pr_warn("%s: cb_ops revision %d, expected CB_REV (%d)\n",
			drv->name, ops->devo_cb_ops->cb_rev, CB_REV);
	drv->modlinkage = ml;
	drv->ops = ops;
	drv->linkinfo = md->drv_linkinfo;

	if (drv->conf) {
		list_for_each_entry(cn, &drv->conf->nodes, link) {
			struct dev_info *dip = kzalloc(sizeof(*dip),
						       GFP_KERNEL);

			if (!dip) {
				err = ENOMEM;
				goto fail;
			}
			dip->drv = drv;
			dip->instance = cn->instance;
			dip->props = &cn->props;
			list_add_tail(&dip->link, &drv->instances);
		}
	}
	err = -ddic_cdev_register(drv);
	if (err)
		goto fail;
	drv->installed = true;
	mutex_lock(&ddic_drivers_lock);
	list_add_tail(&drv->link, &ddic_drivers);
	mutex_unlock(&ddic_drivers_lock);
	ddic_driver_attach_all(drv);
	return 0;
fail:
	{
		struct dev_info *dip, *tmp;

		list_for_each_entry_safe(dip, tmp, &drv->instances, link) {
			list_del(&dip->link);
			kfree(dip);
		}
	}
	return err;
}
EXPORT_SYMBOL(mod_install);

int mod_remove(struct modlinkage *ml)
{
	struct ddic_driver *drv = ddic_current_driver("mod_remove");

	if (!drv)
		return EINVAL;
	if (ml != drv->modlinkage) {
		pr_err("%s: %s: not the modlinkage given to mod_install\n",
		       drv->name, __func__);
		return EINVAL;
	}
	if (!drv->installed)
		return 0;
	if (ddic_driver_detach_all(drv))
		return EBUSY;
	ddic_driver_teardown(drv);
	return 0;
}
EXPORT_SYMBOL(mod_remove);

int mod_info(struct modlinkage *ml, struct modinfo *mip)
{
	int i;

	if (!ml || !mip)
		return 0;
	memset(mip->mi_msinfo, 0, sizeof(mip->mi_msinfo));
	mip->mi_rev = ml->ml_rev;
	for (i = 0; i < ARRAY_SIZE(ml->ml_linkage) && ml->ml_linkage[i]; i++) {
		struct modldrv *md = ml->ml_linkage[i];

		strscpy(mip->mi_msinfo[i].msi_linkinfo,
			md->drv_linkinfo ? md->drv_linkinfo : "",
			sizeof(mip->mi_msinfo[i].msi_linkinfo));
	}
	return 1;
}
EXPORT_SYMBOL(mod_info);

/* A positive Solaris errno from _init/_fini as a negative Linux one. */
static int ddic_init_errno(int err)
{
	if (err > 0 && err < MAX_ERRNO)
		return -err;
	return -EINVAL;
}

int ddic_glue_load(struct module *mod, const char *name, const char *conf,
		  int (*init)(void), int (*info)(struct modinfo *))
{
	struct ddic_driver *drv;
	char err[160];
	int ret;

	if (!name || strlen(name) >= DDIC_NAME_MAX || !init) {
		pr_err("%s: bad driver name or no _init\n", __func__);
		return -EINVAL;
	}
	drv = kzalloc(sizeof(*drv), GFP_KERNEL);
	if (!drv)
		return -ENOMEM;
	strscpy(drv->name, name, sizeof(drv->name));
	drv->owner = mod;
	drv->autodetach = true;
	INIT_LIST_HEAD(&drv->link);
	INIT_LIST_HEAD(&drv->instances);
	INIT_LIST_HEAD(&drv->minors);
	INIT_LIST_HEAD(&drv->devopens);
	/*
	 * A lockdep class per driver: one driver's attach(9E) may open
	 * another's node, nesting two state_locks (audit 2, finding 29).
	 */
	lockdep_register_key(&drv->state_key);
	__mutex_init(&drv->state_lock, "drv->state_lock", &drv->state_key);
	mutex_init(&drv->minor_lock);
	init_waitqueue_head(&drv->close_wait);

	if (conf) {
		ret = ddic_conf_parse(name, conf, &drv->conf, err, sizeof(err));
		if (ret) {
			pr_err("%s\n", err);
			lockdep_unregister_key(&drv->state_key);
			kfree(drv);
			return ret;
		}
		if (ddic_conf_find_prop(&drv->conf->global_props,
				       "ddi-no-autodetach"))
			drv->autodetach = false;
	} else {
		pr_notice("%s: no %s.conf: no instance will attach\n", name,
			  name);
	}

	mutex_lock(&ddic_load_lock);
	mutex_lock(&ddic_drivers_lock);
	if (ddic_driver_find(name)) {
		mutex_unlock(&ddic_drivers_lock);
		mutex_unlock(&ddic_load_lock);
		pr_err("%s: a driver of that name is already loaded\n", name);
		ddic_conf_free(drv->conf);
		lockdep_unregister_key(&drv->state_key);
		kfree(drv);
		return -EEXIST;
	}
	mutex_unlock(&ddic_drivers_lock);
	ddic_loading = drv;
	ddic_loading_task = current;
	ret = init();
	if (ret) {
		pr_err("%s: _init failed: %d\n", name, ret);
		ddic_driver_teardown(drv);
	}
	ddic_loading = NULL;
	ddic_loading_task = NULL;
	mutex_unlock(&ddic_load_lock);
	if (ret) {
		ddic_conf_free(drv->conf);
		lockdep_unregister_key(&drv->state_key);
		kfree(drv);
		return ddic_init_errno(ret);
	}
	if (info) {
		struct modinfo *mi = kzalloc(sizeof(*mi), GFP_KERNEL);

		if (mi && !info(mi))
			pr_warn("%s: _info failed\n", name);
		kfree(mi);
	}
	return 0;
}
EXPORT_SYMBOL(ddic_glue_load);

void ddic_glue_unload(struct module *mod, int (*fini)(void))
{
	struct ddic_driver *drv, *found = NULL;
	int ret = 0;

	mutex_lock(&ddic_load_lock);
	mutex_lock(&ddic_drivers_lock);
	list_for_each_entry(drv, &ddic_drivers, link)
		if (drv->owner == mod)
			found = drv;
	mutex_unlock(&ddic_drivers_lock);
	if (!found) {
		/* _init never called mod_install (a misc module). */
		mutex_unlock(&ddic_load_lock);
		if (fini)
			fini();
		return;
	}
	drv = found;
	ddic_loading = drv;
	ddic_loading_task = current;
	if (fini)
		ret = fini();
	ddic_loading = NULL;
	ddic_loading_task = NULL;
	if (ret || drv->installed) {
		/*
		 * Departure: Solaris keeps a module whose _fini fails.  Linux
		 * has already committed to the unload when module_exit runs,
		 * and the code is about to go away, so the nodes must go now.
		 * Instances still attached are dropped without detach(9E);
		 * their soft state is the driver's loss.  An attached
		 * instance holds its module, so this needs a _fini that
		 * fails for a reason of its own.
		 */
		pr_err("%s: _fini returned %d during module removal; Linux cannot keep the module, removing its nodes anyway\n",
		       drv->name, ret);
		ddic_driver_teardown(drv);
	}
	mutex_unlock(&ddic_load_lock);
	ddic_conf_free(drv->conf);
	lockdep_unregister_key(&drv->state_key);
	kfree(drv);
}
EXPORT_SYMBOL(ddic_glue_unload);

/*
 * The porter's control plane, /dev/ddi_modctl (root only, 0600): reading
 * it gives the listing (the version, then each driver, its instances and
 * nodes); writing it takes one command per write(2): "detach DRIVER"
 * (detach every idle instance, EBUSY if one refuses: what rem_drv does
 * before it unloads the module) and "attach DRIVER" (attach every
 * instance of the .conf).  Solaris's add_drv and rem_drv use modctl(2);
 * ddi_compat's commands (scripts/ddic-cmd.c) use this device.  A misc
 * device rather than debugfs: debugfs is not an interface, and under
 * lockdown the kernel refuses to open its writable files.  debugfs keeps
 * the same listing, read-only, as "devinfo".
 */
static struct miscdevice mc_misc;

#ifdef DDIC_VERSION
#define DDIC_MODCTL_VERSION DDIC_VERSION
#else
#define DDIC_MODCTL_VERSION "unknown"
#endif

static int ddic_devinfo_show(struct seq_file *m, void *v)
{
	struct ddic_driver *drv;
	struct dev_info *dip;
	struct ddic_minor *mn;

	if (m->private == &mc_misc)
		seq_printf(m, "ddi_compat version %s\n", DDIC_MODCTL_VERSION);
	mutex_lock(&ddic_drivers_lock);
	list_for_each_entry(drv, &ddic_drivers, link) {
		seq_printf(m, "driver %s module %s major %u autodetach %s linkinfo \"%s\"\n",
			   drv->name, module_name(drv->owner), MAJOR(drv->base),
			   drv->autodetach ? "yes" : "no",
			   drv->linkinfo ? drv->linkinfo : "");
		mutex_lock(&drv->state_lock);
		list_for_each_entry(dip, &drv->instances, link)
			seq_printf(m, "  instance %d %s opens %d\n",
				   dip->instance,
				   dip->attached ? "attached" : "detached",
				   dip->opens);
		mutex_unlock(&drv->state_lock);
		mutex_lock(&drv->minor_lock);
		list_for_each_entry(mn, &drv->minors, link)
			seq_printf(m, "  node /devices/pseudo/%s@%d:%s minor %u %s%s\n",
				   drv->name, mn->dip->instance, mn->name,
				   mn->minor,
				   mn->spec_type == S_IFBLK ? "block" : "char",
				   mn->live ? "" : " (instance detached)");
		mutex_unlock(&drv->minor_lock);
	}
	mutex_unlock(&ddic_drivers_lock);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ddic_devinfo);

static ssize_t ddic_control_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	char buf[DDIC_NAME_MAX + 16], *name;
	struct ddic_driver *drv;
	bool detach;
	int err;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	strim(buf);
	if (!strncmp(buf, "detach ", 7)) {
		detach = true;
		name = strim(buf + 7);
	} else if (!strncmp(buf, "attach ", 7)) {
		detach = false;
		name = strim(buf + 7);
	} else {
		pr_warn("control: expected \"attach DRIVER\" or \"detach DRIVER\", got \"%s\"\n",
			buf);
		return -EINVAL;
	}
	mutex_lock(&ddic_drivers_lock);
	drv = ddic_driver_find(name);
	if (drv && !try_module_get(drv->owner))
		drv = NULL;
	mutex_unlock(&ddic_drivers_lock);
	if (!drv)
		return -ENOENT;
	err = detach ? ddic_driver_detach_all(drv) : ddic_driver_attach_all(drv);
	module_put(drv->owner);
	return err ? err : len;
}

static int mc_open(struct inode *inode, struct file *file)
{
	/*
	 * misc_open() left the miscdevice in private_data; seq_file wants
	 * it empty.  The listing's private pointer tells it to print the
	 * version.
	 */
	file->private_data = NULL;
	return single_open(file, ddic_devinfo_show, &mc_misc);
}

static const struct file_operations mc_fops = {
	.owner = THIS_MODULE,
	.open = mc_open,
	.read = seq_read,
	.llseek = seq_lseek,
	.release = single_release,
	.write = ddic_control_write,
};

static struct miscdevice mc_misc = {
	.minor = MISC_DYNAMIC_MINOR,
	.name = "ddi_modctl",
	.fops = &mc_fops,
	.mode = 0600,
};

/*
 * /proc/driver/ddic_devinfo: the device tree with its properties, read
 * by prtconf; read-only, so it works under lockdown.
 */
#define MC_DEVINFO	"driver/ddic_devinfo"

static int mc_devinfo_show(struct seq_file *m, void *v)
{
	struct ddic_driver *drv;
	struct dev_info *dip;

	ddic_prop_show_top(m);
	mutex_lock(&ddic_drivers_lock);
	list_for_each_entry(drv, &ddic_drivers, link) {
		mutex_lock(&drv->state_lock);
		list_for_each_entry(dip, &drv->instances, link)
			ddic_prop_show_node(m, dip);
		mutex_unlock(&drv->state_lock);
	}
	mutex_unlock(&ddic_drivers_lock);
	return 0;
}

int ddic_control_init(void)
{
	int err;

	err = misc_register(&mc_misc);
	if (err) {
		pr_err("cannot register /dev/ddi_modctl: %d\n", err);
		return err;
	}
	if (!IS_ERR_OR_NULL(ddic_debugfs_root))
		debugfs_create_file("devinfo", 0444, ddic_debugfs_root, NULL,
				    &ddic_devinfo_fops);
	if (!proc_create_single(MC_DEVINFO, 0444, NULL, mc_devinfo_show))
		pr_warn("cannot create /proc/" MC_DEVINFO "; prtconf will not work\n");
	return 0;
}

void ddic_control_fini(void)
{
	/* debugfs "devinfo" goes with ddic_debugfs_root in main.c. */
	remove_proc_entry(MC_DEVINFO, NULL);
	misc_deregister(&mc_misc);
}
