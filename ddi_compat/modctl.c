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
#include <ddi_compat/testing.h>

#include "ddic_core.h"
#include "devinfo.h"

struct mod_ops mod_driverops = { .modm_name = "driver", .modm_kind = 1 };
EXPORT_SYMBOL(mod_driverops);
struct mod_ops mod_miscops = { .modm_name = "misc", .modm_kind = 2 };
EXPORT_SYMBOL(mod_miscops);

DEFINE_MUTEX(ddic_drivers_lock);
LIST_HEAD(ddic_drivers);
/*
 * Loaded Solaris modules that installed no driver: misc modules
 * (mod_miscops) and code without an _init of its own (on illumos it
 * would live in the kernel core).  Under ddic_drivers_lock.  Kept so
 * that their _fini's mod_remove() works and _depends_on can name them.
 */
static LIST_HEAD(mc_miscs);

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

/* A loaded Solaris module of that name, driver or misc; lock held. */
static struct ddic_driver *mc_module_find(const char *name)
{
	struct ddic_driver *drv = ddic_driver_find(name);

	if (drv)
		return drv;
	list_for_each_entry(drv, &mc_miscs, link)
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
	ddic_pci_driver_remove(drv);
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
			snprintf(dip->unitaddr, sizeof(dip->unitaddr), "%d",
				 cn->instance);
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
	/* PCI functions bind by alias (pci.c); a failure is logged there. */
	ddic_pci_driver_install(drv);
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

	if (!name || strlen(name) >= DDIC_NAME_MAX) {
		pr_err("%s: bad driver name\n", __func__);
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
	}

	mutex_lock(&ddic_load_lock);
	mutex_lock(&ddic_drivers_lock);
	if (mc_module_find(name)) {
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
	/*
	 * No _init: code that lives in the kernel core on illumos, built as
	 * a module of its own whose functions the glue exports (ddi-port).
	 */
	if (!init)
		pr_info("%s: no _init: loaded as a library for other modules\n",
			name);
	ret = init ? init() : 0;
	if (ret) {
		pr_err("%s: _init failed: %d\n", name, ret);
		ddic_driver_teardown(drv);
	} else if (drv->installed && !conf && !ddic_pci_driver_binds(drv)) {
		/* (a PCI driver attaches through its aliases) */
		pr_notice("%s: no %s.conf: no instance will attach\n", name,
			  name);
	} else if (!drv->installed) {
		/* A misc module (or a library): no driver, kept for _fini. */
		mutex_lock(&ddic_drivers_lock);
		list_add_tail(&drv->link, &mc_miscs);
		mutex_unlock(&ddic_drivers_lock);
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
	list_for_each_entry(drv, &mc_miscs, link)
		if (drv->owner == mod)
			found = drv;
	if (found && !found->installed)
		list_del_init(&found->link);	/* a misc module */
	mutex_unlock(&ddic_drivers_lock);
	if (!found) {
		mutex_unlock(&ddic_load_lock);
		pr_err("%s: unloading a Solaris module ddi_compat does not know\n",
		       module_name(mod));
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
 * _depends_on: the modules a Solaris module names in its
 * "char _depends_on[] = "misc/foo drv/bar";" must be loaded first, and
 * cannot be unloaded while it is.  The generated glue calls
 * ddic_glue_depends() before ddic_glue_load() and ddic_glue_undepend()
 * after ddic_glue_unload().  Each dependency is found by its Solaris name
 * (the part after the '/') among the loaded Solaris modules, whatever
 * Linux name its module has (ddi-port renames one that clashes with a
 * Linux module), and a reference on its Linux module is held.
 *
 * Departure (docs/departures.md): Solaris loads a missing dependency
 * itself, and refuses the load if it cannot.  Here the loader is Linux's:
 * symbol dependencies are resolved by it (a module whose functions are
 * used must be loaded first, or the load fails with "Unknown symbol"),
 * make guest and modprobe (a soft dependency ddi-port records) load a
 * directory's modules in order, and a dependency that is not loaded, such
 * as one on a part of illumos that ddi_compat provides itself
 * ("misc/pcie"), is a warning, not a refusal.
 */
#define MC_DEPS_MAX	16

struct mc_deps {
	struct list_head link;
	struct module *owner;
	int n;
	struct module *held[MC_DEPS_MAX];
};

static LIST_HEAD(mc_deps_list);	/* under ddic_load_lock */

int ddic_glue_depends(struct module *mod, const char *name,
		      const char *depends)
{
	const char *p = depends;
	struct mc_deps *d;

	if (!depends || !*depends)
		return 0;
	d = kzalloc(sizeof(*d), GFP_KERNEL);
	if (!d)
		return -ENOMEM;
	d->owner = mod;
	while (*p) {
		char want[DDIC_NAME_MAX + 16];
		const char *base;
		struct ddic_driver *dep;
		size_t len;

		p = skip_spaces(p);
		len = strcspn(p, " \t\n");
		if (!len)
			break;
		if (len >= sizeof(want)) {
			pr_warn("%s: _depends_on: \"%.*s...\" is too long; ignored\n",
				name, 32, p);
			p += len;
			continue;
		}
		memcpy(want, p, len);
		want[len] = '\0';
		p += len;
		base = strrchr(want, '/');
		base = base ? base + 1 : want;
		mutex_lock(&ddic_drivers_lock);
		dep = mc_module_find(base);
		if (dep && (dep->owner == mod || !try_module_get(dep->owner)))
			dep = NULL;
		mutex_unlock(&ddic_drivers_lock);
		if (!dep) {
			pr_warn("%s: _depends_on names %s, which is not loaded: loading %s anyway\n",
				name, want, name);
			continue;
		}
		if (d->n == MC_DEPS_MAX) {
			pr_warn("%s: _depends_on: more than %d modules; %s not held\n",
				name, MC_DEPS_MAX, want);
			module_put(dep->owner);
			continue;
		}
		d->held[d->n++] = dep->owner;
	}
	mutex_lock(&ddic_load_lock);
	list_add(&d->link, &mc_deps_list);
	mutex_unlock(&ddic_load_lock);
	return 0;
}
EXPORT_SYMBOL(ddic_glue_depends);

void ddic_glue_undepend(struct module *mod)
{
	struct mc_deps *d, *tmp;
	int i;

	mutex_lock(&ddic_load_lock);
	list_for_each_entry_safe(d, tmp, &mc_deps_list, link) {
		if (d->owner != mod)
			continue;
		list_del(&d->link);
		for (i = 0; i < d->n; i++)
			module_put(d->held[i]);
		kfree(d);
	}
	mutex_unlock(&ddic_load_lock);
}
EXPORT_SYMBOL(ddic_glue_undepend);

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

/* A misc module's linkinfo, from its modlmisc. */
static const char *mc_linkinfo(struct ddic_driver *drv)
{
	struct modlinkage *ml = drv->modlinkage;
	struct modlmisc *mm;

	if (!ml || !ml->ml_linkage[0])
		return "";
	mm = ml->ml_linkage[0];
	return mm->misc_linkinfo ? mm->misc_linkinfo : "";
}

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
		list_for_each_entry(mn, &drv->minors, link) {
			if (mn->dip->devpath) {
				/* A PCI node: its path has '!' for '/'. */
				const char *c;

				seq_puts(m, "  node /devices/");
				for (c = mn->dip->devpath; *c; c++)
					seq_putc(m, *c == '!' ? '/' : *c);
				seq_printf(m, ":%s", mn->name);
			} else {
				seq_printf(m, "  node /devices/pseudo/%s@%d:%s",
					   drv->name, mn->dip->instance,
					   mn->name);
			}
			seq_printf(m, " minor %u %s%s\n", mn->minor,
				   mn->spec_type == S_IFBLK ? "block" : "char",
				   mn->live ? "" : " (instance detached)");
		}
		mutex_unlock(&drv->minor_lock);
	}
	list_for_each_entry(drv, &mc_miscs, link)
		seq_printf(m, "misc %s module %s linkinfo \"%s\"\n", drv->name,
			   module_name(drv->owner), mc_linkinfo(drv));
	mutex_unlock(&ddic_drivers_lock);
	ddic_pci_show_aliases(m);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(ddic_devinfo);

/* One command of the control node, in @buf (changed): 0 or an -errno. */
static int mc_command(char *buf)
{
	struct ddic_driver *drv;
	char *name;
	bool detach;
	int err;

	strim(buf);
	if (!strncmp(buf, "alias ", 6) || !strncmp(buf, "unalias ", 8)) {
		/* add_drv -i, update_drv -a -i / -d -i: "alias DRIVER ALIAS" */
		char *p = strim(strchr(buf, ' ') + 1);

		name = strsep(&p, " \t");
		if (!p || !*name)
			return -EINVAL;
		mutex_lock(&ddic_drivers_lock);
		drv = ddic_driver_find(name);
		if (drv && !try_module_get(drv->owner))
			drv = NULL;
		mutex_unlock(&ddic_drivers_lock);
		err = ddic_pci_alias_cmd(drv, name, p, buf[0] == 'a');
		if (drv)
			module_put(drv->owner);
		return err;
	}
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
	return err;
}

static ssize_t ddic_control_write(struct file *file, const char __user *ubuf,
				 size_t len, loff_t *ppos)
{
	char buf[DDIC_NAME_MAX + 96];
	int err;

	if (len >= sizeof(buf))
		return -EINVAL;
	if (copy_from_user(buf, ubuf, len))
		return -EFAULT;
	buf[len] = '\0';
	err = mc_command(buf);
	return err ? err : len;
}

#ifdef DDIC_DEBUG
/* The control node's command @cmd, for the tests. */
int ddic_control_debug(const char *cmd)
{
	char buf[DDIC_NAME_MAX + 96];

	if (strscpy(buf, cmd, sizeof(buf)) < 0)
		return -EINVAL;
	return mc_command(buf);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_control_debug);
#endif

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

	bool pci = false;

	ddic_prop_show_top(m);
	mutex_lock(&ddic_drivers_lock);
	list_for_each_entry(drv, &ddic_drivers, link) {
		mutex_lock(&drv->state_lock);
		list_for_each_entry(dip, &drv->instances, link) {
			if (!dip->pci)
				ddic_prop_show_node(m, dip);
			pci |= !!dip->pci;
		}
		mutex_unlock(&drv->state_lock);
	}
	/* Then the PCI nexus and its children (pci.c's nodes). */
	if (pci)
		ddic_prop_show_nexus(m, ddic_pci_nexus());
	list_for_each_entry(drv, &ddic_drivers, link) {
		if (!pci)
			break;
		mutex_lock(&drv->state_lock);
		list_for_each_entry(dip, &drv->instances, link)
			if (dip->pci)
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
