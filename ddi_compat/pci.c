// SPDX-License-Identifier: GPL-2.0
/*
 * PCI functions as Solaris nodes: binding by alias, instance numbers,
 * the PCI nexus and the properties Solaris drivers read.
 *
 * Aliases.  A table of (driver, alias) pairs, as /etc/driver_aliases
 * holds them, filled by each driver module's embedded driver_aliases file
 * (ddic_glue_aliases(), before its _init) and by add_drv -i / update_drv
 * -a -i (the control device's "alias" command).  A function's names, in
 * Solaris's order of precedence, are
 *
 *   pciexVVVV,DDDD.SSSS.ssss.RR  pciexVVVV,DDDD.SSSS.ssss  pciexVVVV,DDDD.RR
 *   pciexVVVV,DDDD  pciexclass,CCSSPP  pciexclass,CCSS       (PCI Express)
 *   pciVVVV,DDDD.SSSS.ssss.RR  pciVVVV,DDDD.SSSS.ssss  pciSSSS,ssss,s
 *   pciSSSS,ssss  pciVVVV,DDDD.RR  pciVVVV,DDDD,p  pciVVVV,DDDD
 *   pciclass,CCSSPP  pciclass,CCSS
 *
 * (hex without leading zeros; the SSSS forms only with a subsystem
 * vendor; ",s" and ",p" are illumos's unambiguous subsystem and primary
 * names, which drivers such as vioblk use: "pci1af4,1042,p"), the
 * "compatible" property.  The function binds to the driver
 * owning the alias that matches the earliest name, whether or not that
 * driver is loaded (as on Solaris, the node's binding name decides).
 *
 * Binding.  Each Solaris driver with aliases has a Linux struct
 * pci_driver of the same name whose id table matches any function; its
 * probe accepts only the functions whose best alias is the driver's, or
 * any function whose driver_override names the driver (the porter's way
 * to take a device from a Linux driver, see docs/departures.md).  Probe
 * makes the node and attaches it (attach(9E) DDI_ATTACH); remove detaches
 * it (DDI_DETACH).  Linux cannot refuse an unbind: an instance whose
 * detach refuses then stays in the driver's list, keeping its mappings
 * and interrupts until the driver unloads (with a warning).
 *
 * Instances.  The instance of (driver, PCI address) is remembered for the
 * life of ddi_compat, as /etc/path_to_inst remembers it: the same
 * function gets the same instance after an unbind or a reload.  New ones
 * get the lowest number neither remembered nor used by the driver.
 *
 * Locking: pa_lock guards the alias and instance tables and nests inside
 * a driver's state_lock; pa_reg_lock serialises registering and
 * unregistering the Linux drivers (never held by probe or remove).
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/module.h>
#include <linux/pci.h>
#include <linux/slab.h>
#include <linux/seq_file.h>
#include <linux/ctype.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/pci.h>
#include <ddi_compat/glue.h>
#include <kunit/visibility.h>

#include "ddic_core.h"
#include "devinfo.h"
#include "ddic_pci.h"

#define PA_ALIAS_MAX	64
#define PA_NAMES_LEN	640

struct pa_alias {
	struct list_head link;
	char drv[DDIC_NAME_MAX];
	char alias[PA_ALIAS_MAX];
};

struct pa_inst {
	struct list_head link;
	char drv[DDIC_NAME_MAX];
	char addr[32];			/* pci_name(): 0000:00:04.0 */
	int instance;
};

struct ddic_pcidrv {
	struct pci_driver pdrv;
	struct pci_device_id ids[2];
	struct ddic_driver *drv;
};

static DEFINE_MUTEX(pa_lock);
static DEFINE_MUTEX(pa_reg_lock);
static LIST_HEAD(pa_aliases);
static LIST_HEAD(pa_insts);

/* The nexus: /devices/pci@0,0. */
static struct ddic_driver nx_drv = { .name = "pci" };
static LIST_HEAD(nx_props);
static struct dev_info nx_dip = {
	.drv = &nx_drv,
	.nodename = "pci",
	.props = &nx_props,
};

struct dev_info *ddic_pci_nexus(void)
{
	return &nx_dip;
}

/* --- names and aliases (pure; KUnit) --- */

/* Append one name to @buf (NUL-separated); false when full. */
static __printf(4, 5) bool pa_put(char *buf, size_t len, size_t *at, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(buf + *at, len - *at, fmt, ap);
	va_end(ap);
	if (n < 0 || *at + n + 1 > len)
		return false;
	*at += n + 1;
	return true;
}

/*
 * The function's names, most specific first, into @buf as NUL-separated
 * strings; returns how many (0 if @buf is too small).
 */
int ddic_pci_compat_names(u16 ven, u16 dev, u16 sven, u16 sdev, u8 rev,
			  u32 cls, bool pcie, char *buf, size_t len)
{
	static const char *const pfx[] = { "pciex", "pci" };
	size_t at = 0;
	int n = 0, i;

	for (i = pcie ? 0 : 1; i < 2; i++) {
		const char *p = pfx[i];
		bool ok = true;

		if (sven) {
			ok &= pa_put(buf, len, &at, "%s%x,%x.%x.%x.%x", p, ven,
				     dev, sven, sdev, rev);
			ok &= pa_put(buf, len, &at, "%s%x,%x.%x.%x", p, ven,
				     dev, sven, sdev);
			n += 2;
			if (i == 1) {
				ok &= pa_put(buf, len, &at, "pci%x,%x,s", sven,
					     sdev);
				ok &= pa_put(buf, len, &at, "pci%x,%x", sven,
					     sdev);
				n += 2;
			}
		}
		ok &= pa_put(buf, len, &at, "%s%x,%x.%x", p, ven, dev, rev);
		if (i == 1) {
			ok &= pa_put(buf, len, &at, "pci%x,%x,p", ven, dev);
			n++;
		}
		ok &= pa_put(buf, len, &at, "%s%x,%x", p, ven, dev);
		ok &= pa_put(buf, len, &at, "%sclass,%06x", p, cls & 0xffffff);
		ok &= pa_put(buf, len, &at, "%sclass,%04x", p,
			     (cls >> 8) & 0xffff);
		n += 4;
		if (!ok)
			return 0;
	}
	return n;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_pci_compat_names);

/* The position of @alias among @names (0 best), or -1. */
int ddic_pci_alias_rank(const char *names, int nnames, const char *alias)
{
	int i;

	for (i = 0; i < nnames; i++) {
		if (!strcasecmp(names, alias))
			return i;
		names += strlen(names) + 1;
	}
	return -1;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_pci_alias_rank);

/*
 * One pci_regspec_t, as Solaris encodes it: @bar -1 is configuration
 * space; @flags are the BAR's Linux resource flags; @assigned gives the
 * "assigned-addresses" form (not relocatable, with the address).
 */
void ddic_pci_reg_encode(u32 bus, u32 devfn, int bar, unsigned long flags,
			 u64 start, u64 size, bool assigned, u32 out[5])
{
	u32 hi = (bus & 0xff) << 16 | (devfn & 0xff) << 8;

	if (bar >= 0) {
		hi |= PCI_CONF_BASE0 + 4 * bar;
		if (flags & IORESOURCE_IO)
			hi |= PCI_ADDR_IO;
		else if (flags & IORESOURCE_MEM_64)
			hi |= PCI_ADDR_MEM64;
		else
			hi |= PCI_ADDR_MEM32;
		if (flags & IORESOURCE_PREFETCH)
			hi |= PCI_PREFETCH_B;
	}
	if (assigned)
		hi |= PCI_RELOCAT_B;
	out[0] = hi;
	out[1] = assigned ? upper_32_bits(start) : 0;
	out[2] = assigned ? lower_32_bits(start) : 0;
	out[3] = upper_32_bits(size);
	out[4] = lower_32_bits(size);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_pci_reg_encode);

/* --- the alias table --- */

/* Strip the quotes and blanks of an alias as add_drv(8) takes it. */
static int pa_clean(const char *in, char *out, size_t len)
{
	size_t n;

	in = skip_spaces(in);
	if (*in == '"')
		in++;
	n = strcspn(in, "\" \t\n");
	if (!n || n >= len)
		return -EINVAL;
	memcpy(out, in, n);
	out[n] = '\0';
	return 0;
}

static int pa_alias_add(const char *drv, const char *raw)
{
	struct pa_alias *a, *e;
	char alias[PA_ALIAS_MAX];

	if (strlen(drv) >= DDIC_NAME_MAX || pa_clean(raw, alias, sizeof(alias)))
		return -EINVAL;
	a = kzalloc(sizeof(*a), GFP_KERNEL);
	if (!a)
		return -ENOMEM;
	strscpy(a->drv, drv, sizeof(a->drv));
	strscpy(a->alias, alias, sizeof(a->alias));
	mutex_lock(&pa_lock);
	list_for_each_entry(e, &pa_aliases, link) {
		if (strcasecmp(e->alias, alias))
			continue;
		mutex_unlock(&pa_lock);
		kfree(a);
		if (strcmp(e->drv, drv)) {
			pr_warn("alias \"%s\" is already %s's; not added for %s\n",
				alias, e->drv, drv);
			return -EEXIST;
		}
		return 0;
	}
	list_add_tail(&a->link, &pa_aliases);
	mutex_unlock(&pa_lock);
	return 0;
}

static int pa_alias_del(const char *drv, const char *raw)
{
	char alias[PA_ALIAS_MAX];
	struct pa_alias *e;
	int err = -ENOENT;

	if (pa_clean(raw, alias, sizeof(alias)))
		return -EINVAL;
	mutex_lock(&pa_lock);
	list_for_each_entry(e, &pa_aliases, link) {
		if (!strcmp(e->drv, drv) && !strcasecmp(e->alias, alias)) {
			list_del(&e->link);
			kfree(e);
			err = 0;
			break;
		}
	}
	mutex_unlock(&pa_lock);
	return err;
}

static bool pa_has_aliases(const char *drv)
{
	struct pa_alias *e;
	bool found = false;

	mutex_lock(&pa_lock);
	list_for_each_entry(e, &pa_aliases, link)
		found |= !strcmp(e->drv, drv);
	mutex_unlock(&pa_lock);
	return found;
}

/* The names of @pdev into @buf; returns how many. */
static int pa_names(struct pci_dev *pdev, char *buf, size_t len)
{
	return ddic_pci_compat_names(pdev->vendor, pdev->device,
				     pdev->subsystem_vendor,
				     pdev->subsystem_device, pdev->revision,
				     pdev->class, pci_is_pcie(pdev), buf, len);
}

/* Whether @drv is the driver whose alias best matches @names. */
static bool pa_best_is(const char *names, int n, const char *drv,
		       char *alias, size_t alen)
{
	int best = INT_MAX, r;
	const char *who = NULL;
	struct pa_alias *e;

	mutex_lock(&pa_lock);
	list_for_each_entry(e, &pa_aliases, link) {
		r = ddic_pci_alias_rank(names, n, e->alias);
		if (r >= 0 && r < best) {
			best = r;
			who = e->drv;
			strscpy(alias, e->alias, alen);
		}
	}
	r = who && !strcmp(who, drv);
	mutex_unlock(&pa_lock);
	return r;
}

/*
 * Called by a driver module's generated glue before its _init: @text is
 * the driver_aliases file of the driver's directory ("name \"alias\""
 * per line, '#' comments); the lines naming @drv are added.
 */
int ddic_glue_aliases(const char *drv, const char *text)
{
	const char *line = text, *end;
	char buf[DDIC_NAME_MAX + PA_ALIAS_MAX + 8];
	int lineno = 0;

	while (line && *line) {
		char *p, *name;

		end = strchrnul(line, '\n');
		lineno++;
		if (end - line < sizeof(buf)) {
			memcpy(buf, line, end - line);
			buf[end - line] = '\0';
			p = strchr(buf, '#');
			if (p)
				*p = '\0';
			p = skip_spaces(buf);
			name = strsep(&p, " \t");
			if (*name && p && !strcmp(name, drv)) {
				if (pa_alias_add(drv, p))
					pr_warn("%s: driver_aliases line %d: bad alias \"%s\"\n",
						drv, lineno, strim(p));
			} else if (*name && !p) {
				pr_warn("%s: driver_aliases line %d: expected: name \"alias\"\n",
					drv, lineno);
			}
		} else {
			pr_warn("%s: driver_aliases line %d too long\n", drv,
				lineno);
		}
		line = *end ? end + 1 : NULL;
	}
	return 0;
}
EXPORT_SYMBOL(ddic_glue_aliases);

/* --- instances --- */

/* The instance of (@drv, @addr); state_lock held. */
static int pa_instance(struct ddic_driver *drv, const char *addr)
{
	struct pa_inst *pi, *e;
	struct dev_info *dip;
	int inst = -1, cand;

	lockdep_assert_held(&drv->state_lock);
	mutex_lock(&pa_lock);
	list_for_each_entry(e, &pa_insts, link)
		if (!strcmp(e->drv, drv->name) && !strcmp(e->addr, addr))
			inst = e->instance;
	if (inst >= 0)
		goto out;
	for (cand = 0; inst < 0; cand++) {
		bool used = false;

		list_for_each_entry(e, &pa_insts, link)
			used |= !strcmp(e->drv, drv->name) &&
				e->instance == cand;
		list_for_each_entry(dip, &drv->instances, link)
			used |= dip->instance == cand;
		if (!used)
			inst = cand;
	}
	pi = kzalloc(sizeof(*pi), GFP_KERNEL);
	if (pi) {
		strscpy(pi->drv, drv->name, sizeof(pi->drv));
		strscpy(pi->addr, addr, sizeof(pi->addr));
		pi->instance = inst;
		list_add_tail(&pi->link, &pa_insts);
	}
out:
	mutex_unlock(&pa_lock);
	return inst;
}

/* --- properties --- */

static int pp_add(struct list_head *props, const char *name, int type,
		  const void *val, size_t len, unsigned int nvals)
{
	struct ddic_prop *p = kzalloc(sizeof(*p), GFP_KERNEL);

	if (!p)
		return -ENOMEM;
	p->name = kstrdup(name, GFP_KERNEL);
	p->val = kmemdup(val, len, GFP_KERNEL);
	if (!p->name || !p->val) {
		kfree(p->name);
		kfree(p->val);
		kfree(p);
		return -ENOMEM;
	}
	p->type = type;
	p->len = len;
	p->nvals = nvals;
	list_add_tail(&p->link, props);
	return 0;
}

static int pp_int(struct list_head *props, const char *name, int v)
{
	return pp_add(props, name, DDIC_CONF_INT, &v, sizeof(v), 1);
}

static void pp_free(struct list_head *props)
{
	struct ddic_prop *p, *tmp;

	list_for_each_entry_safe(p, tmp, props, link) {
		list_del(&p->link);
		kfree(p->name);
		kfree(p->val);
		kfree(p);
	}
}

/* The node's "reg" entries, and its properties. */
static int pn_build(struct ddic_pcinode *pn, const char *names, int nnames,
		    size_t nameslen)
{
	struct pci_dev *pdev = pn->pdev;
	u32 reg[DDIC_PCI_NREGS][5], asg[DDIC_PCI_NREGS][5];
	unsigned int slot = PCI_SLOT(pdev->devfn), fn = PCI_FUNC(pdev->devfn);
	int i, nasg = 0, err = 0;
	char unit[16];

	if (fn)
		snprintf(unit, sizeof(unit), "%x,%x", slot, fn);
	else
		snprintf(unit, sizeof(unit), "%x", slot);
	if (pdev->subsystem_vendor)
		snprintf(pn->name, sizeof(pn->name), "pci%x,%x",
			 pdev->subsystem_vendor, pdev->subsystem_device);
	else
		snprintf(pn->name, sizeof(pn->name), "pci%x,%x", pdev->vendor,
			 pdev->device);
	snprintf(pn->path, sizeof(pn->path), "pci@0,0!%s@%s", pn->name, unit);

	pn->regs[0].bar = -1;
	pn->regs[0].size = pdev->cfg_size;
	ddic_pci_reg_encode(pdev->bus->number, pdev->devfn, -1, 0, 0, 0,
			    false, reg[0]);
	pn->regs[0].hi = reg[0][0];
	pn->nregs = 1;
	for (i = 0; i < PCI_STD_NUM_BARS; i++) {
		struct resource *r = &pdev->resource[i];
		struct ddic_pcireg *pr = &pn->regs[pn->nregs];

		if (!r->flags || !resource_size(r) ||
		    !(r->flags & (IORESOURCE_IO | IORESOURCE_MEM)))
			continue;
		pr->bar = i;
		pr->addr = pci_resource_start(pdev, i);
		pr->size = resource_size(r);
		ddic_pci_reg_encode(pdev->bus->number, pdev->devfn, i,
				    r->flags, 0, pr->size, false,
				    reg[pn->nregs]);
		ddic_pci_reg_encode(pdev->bus->number, pdev->devfn, i,
				    r->flags, pr->addr, pr->size, true,
				    asg[nasg++]);
		pr->hi = reg[pn->nregs][0];
		pn->nregs++;
	}

	err |= pp_add(&pn->props, "reg", DDIC_CONF_INT, reg,
		      pn->nregs * sizeof(reg[0]), pn->nregs * 5);
	if (nasg)
		err |= pp_add(&pn->props, "assigned-addresses", DDIC_CONF_INT,
			      asg, nasg * sizeof(asg[0]), nasg * 5);
	err |= pp_int(&pn->props, "vendor-id", pdev->vendor);
	err |= pp_int(&pn->props, "device-id", pdev->device);
	err |= pp_int(&pn->props, "revision-id", pdev->revision);
	err |= pp_int(&pn->props, "class-code", pdev->class);
	if (pdev->subsystem_vendor) {
		err |= pp_int(&pn->props, "subsystem-vendor-id",
			      pdev->subsystem_vendor);
		err |= pp_int(&pn->props, "subsystem-id",
			      pdev->subsystem_device);
	}
	if (pdev->pin)
		err |= pp_int(&pn->props, "interrupts", pdev->pin);
	err |= pp_add(&pn->props, "unit-address", DDIC_CONF_STRING, unit,
		      strlen(unit) + 1, 1);
	err |= pp_add(&pn->props, "compatible", DDIC_CONF_STRING, names,
		      nameslen, nnames);
	if (pci_is_pcie(pdev))
		err |= pp_add(&pn->props, "device_type", DDIC_CONF_STRING,
			      "pciex", 6, 1);
	else
		err |= pp_add(&pn->props, "device_type", DDIC_CONF_STRING,
			      "pci", 4, 1);
	return err ? -ENOMEM : 0;
}

static size_t pa_names_len(const char *names, int n)
{
	size_t len = 0;

	while (n--)
		len += strlen(names + len) + 1;
	return len;
}

/* --- probe and remove --- */

static void pn_free(struct ddic_pcinode *pn)
{
	struct ddic_acc *a, *tmp;

	ddic_intr_node_gone(pn);
	ddic_dma_node_gone(pn);
	list_for_each_entry_safe(a, tmp, &pn->accs, link) {
		pr_warn("%s%d: %s mapping (register set %u) left by the driver; freed\n",
			pn->dip->drv->name, pn->dip->instance, a->what,
			a->rnumber);
		list_del(&a->link);
		if (a->map)
			pci_iounmap(pn->pdev, a->map);
		kfree(a);
	}
	if (pn->regions)
		pci_release_regions(pn->pdev);
	pci_disable_device(pn->pdev);
	pp_free(&pn->props);
	pci_dev_put(pn->pdev);
	kfree(pn);
}

/* Take the node of @dip away; its instance is detached.  state_lock held. */
static void pa_node_drop(struct dev_info *dip)
{
	lockdep_assert_held(&dip->drv->state_lock);
	ddic_minor_destroy_dip(dip);
	list_del(&dip->link);
	ddic_prop_drop_all(dip);
	pn_free(dip->pci);
	kfree(dip);
}

/* Whether the function's driver_override names @name. */
static bool pa_overridden(struct pci_dev *pdev, const char *name)
{
	bool r;

#ifdef DDIC_HAVE_DEV_DRIVER_OVERRIDE
	spin_lock(&pdev->dev.driver_override.lock);
	r = pdev->dev.driver_override.name &&
	    !strcmp(pdev->dev.driver_override.name, name);
	spin_unlock(&pdev->dev.driver_override.lock);
#else
	device_lock_assert(&pdev->dev);
	r = pdev->driver_override && !strcmp(pdev->driver_override, name);
#endif
	return r;
}

static int pa_probe(struct pci_dev *pdev, const struct pci_device_id *id)
{
	struct pci_driver *pdrv = to_pci_driver(pdev->dev.driver);
	struct ddic_pcidrv *pd = container_of(pdrv, struct ddic_pcidrv, pdrv);
	struct ddic_driver *drv = pd->drv;
	char alias[PA_ALIAS_MAX] = "driver_override";
	struct ddic_pcinode *pn;
	struct dev_info *dip;
	bool override;
	char *names;
	int n, err;

	names = kmalloc(PA_NAMES_LEN, GFP_KERNEL);
	if (!names)
		return -ENOMEM;
	n = pa_names(pdev, names, PA_NAMES_LEN);
	override = pa_overridden(pdev, pdrv->name);
	if (!override && !pa_best_is(names, n, drv->name, alias,
				     sizeof(alias))) {
		kfree(names);
		return -ENODEV;
	}
	err = -ENOMEM;
	pn = kzalloc(sizeof(*pn), GFP_KERNEL);
	dip = kzalloc(sizeof(*dip), GFP_KERNEL);
	if (!pn || !dip)
		goto fail;
	pn->pdev = pci_dev_get(pdev);
	mutex_init(&pn->lock);
	INIT_LIST_HEAD(&pn->props);
	INIT_LIST_HEAD(&pn->accs);
	INIT_LIST_HEAD(&pn->intrs);
	INIT_LIST_HEAD(&pn->dmas);
	INIT_LIST_HEAD(&pn->dmamems);
	pn->dmamem_span[0] = ULONG_MAX;
	err = pci_enable_device(pdev);
	if (err) {
		pci_dev_put(pdev);
		goto fail;
	}
	pci_set_master(pdev);
	if (!pci_request_regions(pdev, drv->name))
		pn->regions = true;
	else
		pr_warn("%s: %s: BARs claimed by someone else\n", drv->name,
			pci_name(pdev));
	err = pn_build(pn, names, n, pa_names_len(names, n));
	if (err) {
		pn->dip = dip;
		dip->drv = drv;
		pn_free(pn);
		pn = NULL;
		goto fail;
	}
	kfree(names);
	pn->dip = dip;
	dip->drv = drv;
	dip->pci = pn;
	dip->props = &pn->props;
	dip->parent = &nx_dip;
	dip->nodename = pn->name;
	dip->devpath = pn->path;

	mutex_lock(&drv->state_lock);
	dip->instance = pa_instance(drv, pci_name(pdev));
	list_add_tail(&dip->link, &drv->instances);
	pci_set_drvdata(pdev, dip);
	pr_info("%s%d at %s (%s, %s)\n", drv->name, dip->instance,
		pci_name(pdev), pn->name, alias);
	/* A failed attach leaves the node bound but detached, as on Solaris. */
	if (!ddic_attach_instance(dip))
		ddic_autodetach(dip);
	mutex_unlock(&drv->state_lock);
	return 0;
fail:
	kfree(names);
	kfree(pn);
	kfree(dip);
	return err;
}

static void pa_remove(struct pci_dev *pdev)
{
	struct dev_info *dip = pci_get_drvdata(pdev);
	struct ddic_driver *drv;

	if (!dip)
		return;
	drv = dip->drv;
	mutex_lock(&drv->state_lock);
	if (ddic_detach_instance(dip)) {
		/*
		 * Departure: Solaris refuses to unbind a device whose
		 * instance is open or refuses to detach; Linux cannot.
		 * The node stays (detached in name only), keeping what
		 * the driver mapped and allocated, until the driver
		 * unloads.
		 */
		pr_warn("%s%d: %s unbound while %s; the instance keeps its resources until %s unloads\n",
			drv->name, dip->instance, pci_name(pdev),
			dip->opens ? "open" : "its detach refuses",
			drv->name);
		pci_set_drvdata(pdev, NULL);
		/* Its BARs mapped by devmap_devmem_setup(9F) go (SIGBUS). */
		ddic_devmap_revoke(dip);
		mutex_unlock(&drv->state_lock);
		return;
	}
	pci_set_drvdata(pdev, NULL);
	pa_node_drop(dip);
	mutex_unlock(&drv->state_lock);
}

/* --- the Linux drivers --- */

static int pa_register(struct ddic_driver *drv)
{
	struct ddic_pcidrv *pd;
	int err;

	lockdep_assert_held(&pa_reg_lock);
	if (drv->pcidrv)
		return 0;
	pd = kzalloc(sizeof(*pd), GFP_KERNEL);
	if (!pd)
		return -ENOMEM;
	pd->drv = drv;
	pd->ids[0].vendor = PCI_ANY_ID;
	pd->ids[0].device = PCI_ANY_ID;
	pd->ids[0].subvendor = PCI_ANY_ID;
	pd->ids[0].subdevice = PCI_ANY_ID;
	pd->pdrv.name = drv->name;
	pd->pdrv.id_table = pd->ids;
	pd->pdrv.probe = pa_probe;
	pd->pdrv.remove = pa_remove;
	drv->pcidrv = pd;
	err = __pci_register_driver(&pd->pdrv, drv->owner, drv->name);
	if (err) {
		pr_err("%s: cannot register the PCI driver \"%s\": %d (a Linux driver of that name?)\n",
		       drv->name, drv->name, err);
		drv->pcidrv = NULL;
		kfree(pd);
	}
	return err;
}

/* Whether @drv binds to PCI functions (it has driver_aliases). */
bool ddic_pci_driver_binds(struct ddic_driver *drv)
{
	return pa_has_aliases(drv->name);
}

/* mod_install: bind the driver's functions if it has aliases. */
int ddic_pci_driver_install(struct ddic_driver *drv)
{
	int err = 0;

	if (!pa_has_aliases(drv->name))
		return 0;
	mutex_lock(&pa_reg_lock);
	err = pa_register(drv);
	mutex_unlock(&pa_reg_lock);
	return err;
}

/*
 * mod_remove, after every instance detached (or the forced teardown):
 * unbind the functions and drop the nodes that stayed.
 */
int ddic_pci_driver_remove(struct ddic_driver *drv)
{
	struct dev_info *dip, *tmp;
	struct ddic_pcidrv *pd;

	mutex_lock(&pa_reg_lock);
	pd = drv->pcidrv;
	if (pd)
		pci_unregister_driver(&pd->pdrv);
	drv->pcidrv = NULL;
	mutex_unlock(&pa_reg_lock);
	kfree(pd);
	mutex_lock(&drv->state_lock);
	list_for_each_entry_safe(dip, tmp, &drv->instances, link) {
		if (!dip->pci)
			continue;
		if (dip->attached) {
			pr_err("%s%d: still attached as the driver goes; dropped without detach(9E)\n",
			       drv->name, dip->instance);
			dip->attached = false;
			if (dip->holds_module) {
				dip->holds_module = false;
				module_put(drv->owner);
			}
		}
		pa_node_drop(dip);
	}
	mutex_unlock(&drv->state_lock);
	return 0;
}

/*
 * The control device's "alias DRIVER ALIAS" (@add) and "unalias DRIVER
 * ALIAS": add_drv -i, update_drv -a -i and update_drv -d -i.  A loaded
 * driver (@drv, held by the caller; NULL if not loaded) gets its Linux
 * driver (if it had none) and a new probe of the unbound functions.  Removing an alias unbinds nothing (as on Solaris,
 * until the next reconfiguration).
 */
int ddic_pci_alias_cmd(struct ddic_driver *drv, const char *drvname,
		       const char *alias, bool add)
{
	int err;

	err = add ? pa_alias_add(drvname, alias) : pa_alias_del(drvname, alias);
	if (err || !add || !drv)
		return err;
	mutex_lock(&pa_reg_lock);
	if (drv->pcidrv) {
		err = driver_attach(&drv->pcidrv->pdrv.driver);
		if (err)
			pr_warn("%s: rescanning the PCI functions: %d\n",
				drvname, err);
		err = 0;
	} else if (drv->installed) {
		err = pa_register(drv);
	}
	mutex_unlock(&pa_reg_lock);
	return err;
}

/* For the control device's listing: the alias table, one per line. */
void ddic_pci_show_aliases(struct seq_file *m)
{
	struct pa_alias *e;

	mutex_lock(&pa_lock);
	list_for_each_entry(e, &pa_aliases, link)
		seq_printf(m, "alias %s \"%s\"\n", e->drv, e->alias);
	mutex_unlock(&pa_lock);
}

int ddic_pci_init(void)
{
	static const int cells[2] = { 3, 2 };
	int err;

	nx_dip.parent = ddi_root_node();
	err = pp_add(&nx_props, "device_type", DDIC_CONF_STRING, "pci", 4, 1);
	err |= pp_int(&nx_props, "#address-cells", cells[0]);
	err |= pp_int(&nx_props, "#size-cells", cells[1]);
	if (err) {
		pp_free(&nx_props);
		return -ENOMEM;
	}
	return 0;
}

void ddic_pci_fini(void)
{
	struct pa_alias *a, *at;
	struct pa_inst *i, *it;

	list_for_each_entry_safe(a, at, &pa_aliases, link) {
		list_del(&a->link);
		kfree(a);
	}
	list_for_each_entry_safe(i, it, &pa_insts, link) {
		list_del(&i->link);
		kfree(i);
	}
	ddic_prop_drop_all(&nx_dip);
	pp_free(&nx_props);
	ddic_dma_fini();
}
