// SPDX-License-Identifier: GPL-2.0
/*
 * Instances (dev_info_t): attach(9E) and detach(9E), autodetach,
 * properties from the .conf (ddi_prop_op(9F) and the lookup functions),
 * and the small dev_info accessors.
 *
 * Autodetach, as Solaris does it: an instance that nobody has open is
 * detached (at load, right after its attach, and at the last close of
 * its minors); its /devices nodes stay, and the next open attaches it
 * again.  An instance whose detach refuses stays attached.  While an
 * instance is attached it holds a reference on its driver's module, so
 * Linux refuses to unload the module: `rmmod` fails while a detach
 * refuses, and succeeds once every instance could detach.  A .conf with
 * ddi-no-autodetach=1 keeps instances attached after their last close.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <linux/slab.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/kmem.h>
#include <sys/param.h>

#include "ddic_core.h"
#include "devinfo.h"

int ddic_attach_instance(struct dev_info *dip)
{
	struct ddic_driver *drv = dip->drv;
	int r;

	lockdep_assert_held(&drv->state_lock);
	if (dip->attached)
		return 0;
	dip->in_attach = true;
	r = drv->ops->devo_attach(dip, DDI_ATTACH);
	dip->in_attach = false;
	if (r != DDI_SUCCESS) {
		pr_warn("%s%d: attach failed (%d)\n", drv->name, dip->instance,
			r);
		return -ENXIO;
	}
	dip->attached = true;
	__module_get(drv->owner);
	dip->holds_module = true;
	return 0;
}

int ddic_detach_instance(struct dev_info *dip)
{
	struct ddic_driver *drv = dip->drv;
	int r;

	lockdep_assert_held(&drv->state_lock);
	if (!dip->attached)
		return 0;
	if (dip->opens || dip->opening)
		return -EBUSY;
	dip->in_detach = true;
	r = drv->ops->devo_detach(dip, DDI_DETACH);
	dip->in_detach = false;
	if (r != DDI_SUCCESS)
		return -EBUSY;
	dip->attached = false;
	if (dip->holds_module) {
		dip->holds_module = false;
		module_put(drv->owner);
	}
	return 0;
}

void ddic_autodetach(struct dev_info *dip)
{
	lockdep_assert_held(&dip->drv->state_lock);
	if (!dip->drv->autodetach || !dip->attached || dip->opens ||
	    dip->opening)
		return;
	if (ddic_detach_instance(dip))
		pr_debug("%s%d: detach refused; instance stays attached\n",
			 dip->drv->name, dip->instance);
}

int ddic_driver_attach_all(struct ddic_driver *drv)
{
	struct dev_info *dip;
	int err = 0;

	mutex_lock(&drv->state_lock);
	list_for_each_entry(dip, &drv->instances, link) {
		if (ddic_attach_instance(dip))
			err = -ENXIO;
		else
			ddic_autodetach(dip);
	}
	mutex_unlock(&drv->state_lock);
	return err;
}

int ddic_driver_detach_all(struct ddic_driver *drv)
{
	struct dev_info *dip;
	int err = 0;

	mutex_lock(&drv->state_lock);
	list_for_each_entry(dip, &drv->instances, link) {
		if (ddic_detach_instance(dip)) {
			pr_info("%s%d: detach refused (%s)\n", drv->name,
				dip->instance,
				dip->opens ? "open" : "by the driver");
			err = -EBUSY;
		}
	}
	mutex_unlock(&drv->state_lock);
	return err;
}

/*
 * The node of @drv with @minor and @spec_type: the live one, else one
 * removed but still held (its disk, its /dev node).  Here rather than in
 * minornode.c so the open path (devopen.c) need not call the file that
 * makes the block bridge's disks: the calls between files form a DAG.
 */
struct ddic_minor *ddic_minor_find(struct ddic_driver *drv, minor_t minor,
				 int spec_type)
{
	struct ddic_minor *mn, *stale = NULL;

	lockdep_assert_held(&drv->minor_lock);
	list_for_each_entry(mn, &drv->minors, link) {
		if (mn->minor != minor || mn->spec_type != spec_type)
			continue;
		if (mn->live)
			return mn;
		stale = mn;
	}
	return stale;
}

/* Accessors. */

int ddi_get_instance(dev_info_t *dip)
{
	return dip ? dip->instance : -1;
}
EXPORT_SYMBOL(ddi_get_instance);

const char *ddi_driver_name(dev_info_t *dip)
{
	return dip ? dip->drv->name : "";
}
EXPORT_SYMBOL(ddi_driver_name);

const char *ddi_get_name(dev_info_t *dip)
{
	return ddi_driver_name(dip);
}
EXPORT_SYMBOL(ddi_get_name);

const char *ddi_node_name(dev_info_t *dip)
{
	return ddi_driver_name(dip);
}
EXPORT_SYMBOL(ddi_node_name);

major_t ddi_driver_major(dev_info_t *dip)
{
	return dip ? MAJOR(dip->drv->base) : DDI_MAJOR_T_UNKNOWN;
}
EXPORT_SYMBOL(ddi_driver_major);

void *ddi_get_driver_private(dev_info_t *dip)
{
	return dip ? dip->driver_private : NULL;
}
EXPORT_SYMBOL(ddi_get_driver_private);

void ddi_set_driver_private(dev_info_t *dip, void *data)
{
	if (dip)
		dip->driver_private = data;
}
EXPORT_SYMBOL(ddi_set_driver_private);

void ddi_report_dev(dev_info_t *dip)
{
	if (!dip)
		return;
	pr_info("pseudo-device: %s%d\n", dip->drv->name, dip->instance);
	pr_info("%s%d is /pseudo/%s@%d\n", dip->drv->name, dip->instance,
		dip->drv->name, dip->instance);
}
EXPORT_SYMBOL(ddi_report_dev);

int ddi_quiesce_not_needed(dev_info_t *dip)
{
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_quiesce_not_needed);

int ddi_quiesce_not_supported(dev_info_t *dip)
{
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_quiesce_not_supported);

int ddi_no_info(dev_info_t *dip, ddi_info_cmd_t infocmd, void *arg,
		void **result)
{
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_no_info);

/*
 * Properties.  An instance sees its own .conf node's properties first,
 * then the .conf's global ones (lines without name=).  Only .conf
 * properties exist; match_dev and the flags select nothing else here.
 */
static struct ddic_prop *ddic_prop_find(dev_info_t *dip, const char *name)
{
	struct ddic_prop *p;

	if (!dip || !name)
		return NULL;
	p = dip->props ? ddic_conf_find_prop(dip->props, name) : NULL;
	if (!p && dip->drv->conf)
		p = ddic_conf_find_prop(&dip->drv->conf->global_props, name);
	return p;
}

/* Answer a prop_op(9E) request with the value @val of @len bytes. */
static int ddic_prop_answer(ddi_prop_op_t prop_op, int mod_flags,
			   caddr_t valuep, int *lengthp, const void *val,
			   size_t len)
{
	void *buf;

	switch (prop_op) {
	case PROP_EXISTS:
		return DDI_PROP_SUCCESS;
	case PROP_LEN:
		if (!lengthp)
			return DDI_PROP_INVAL_ARG;
		*lengthp = len;
		return DDI_PROP_SUCCESS;
	case PROP_LEN_AND_VAL_BUF:
		if (!lengthp || !valuep)
			return DDI_PROP_INVAL_ARG;
		if (*lengthp < (int)len) {
			*lengthp = len;
			return DDI_PROP_BUF_TOO_SMALL;
		}
		memcpy(valuep, val, len);
		*lengthp = len;
		return DDI_PROP_SUCCESS;
	case PROP_LEN_AND_VAL_ALLOC:
		if (!lengthp || !valuep)
			return DDI_PROP_INVAL_ARG;
		buf = kmem_alloc(len, (mod_flags & DDI_PROP_CANSLEEP) ?
				 KM_SLEEP : KM_NOSLEEP);
		if (!buf)
			return DDI_PROP_NO_MEMORY;
		memcpy(buf, val, len);
		*(caddr_t *)valuep = buf;
		*lengthp = len;
		return DDI_PROP_SUCCESS;
	}
	return DDI_PROP_INVAL_ARG;
}

int ddi_prop_op(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
		int mod_flags, char *name, caddr_t valuep, int *lengthp)
{
	struct ddic_prop *p = ddic_prop_find(dip, name);

	if (!p)
		return DDI_PROP_NOT_FOUND;
	return ddic_prop_answer(prop_op, mod_flags, valuep, lengthp, p->val,
			       p->len);
}
EXPORT_SYMBOL(ddi_prop_op);

/*
 * ddi_prop_op_nblocks(9F), ddi_prop_op_size(9F): a block driver's
 * prop_op(9E) answers the dynamic size properties through these.  Both
 * answer "Nblocks"/"nblocks" (int64, DEV_BSIZE blocks) and "Size"/"size"
 * (int64, bytes); any other name goes to ddi_prop_op().
 */
static int ddic_prop_op_blocks(dev_t dev, dev_info_t *dip,
			      ddi_prop_op_t prop_op, int mod_flags,
			      char *name, caddr_t valuep, int *lengthp,
			      u64 bytes)
{
	int64_t v;

	if (name && (!strcmp(name, "Nblocks") || !strcmp(name, "nblocks")))
		v = bytes >> DEV_BSHIFT;
	else if (name && (!strcmp(name, "Size") || !strcmp(name, "size")))
		v = bytes;
	else
		return ddi_prop_op(dev, dip, prop_op, mod_flags, name, valuep,
				   lengthp);
	return ddic_prop_answer(prop_op, mod_flags, valuep, lengthp, &v,
			       sizeof(v));
}

int ddi_prop_op_nblocks(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
			int mod_flags, char *name, caddr_t valuep,
			int *lengthp, uint64_t nblocks)
{
	if (nblocks > (U64_MAX >> DEV_BSHIFT))
		return DDI_PROP_INVAL_ARG;
	return ddic_prop_op_blocks(dev, dip, prop_op, mod_flags, name, valuep,
				  lengthp, nblocks << DEV_BSHIFT);
}
EXPORT_SYMBOL(ddi_prop_op_nblocks);

int ddi_prop_op_size(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
		     int mod_flags, char *name, caddr_t valuep, int *lengthp,
		     uint64_t size)
{
	return ddic_prop_op_blocks(dev, dip, prop_op, mod_flags, name, valuep,
				  lengthp, size);
}
EXPORT_SYMBOL(ddi_prop_op_size);

int ddi_prop_exists(dev_t match_dev, dev_info_t *dip, uint_t flags,
		    char *name)
{
	return ddic_prop_find(dip, name) != NULL;
}
EXPORT_SYMBOL(ddi_prop_exists);

int ddi_prop_get_int(dev_t match_dev, dev_info_t *dip, uint_t flags,
		     char *name, int defvalue)
{
	struct ddic_prop *p = ddic_prop_find(dip, name);

	if (!p || p->type != DDIC_CONF_INT || !p->nvals)
		return defvalue;
	return ((int *)p->val)[0];
}
EXPORT_SYMBOL(ddi_prop_get_int);

int64_t ddi_prop_get_int64(dev_t match_dev, dev_info_t *dip, uint_t flags,
			   char *name, int64_t defvalue)
{
	struct ddic_prop *p = ddic_prop_find(dip, name);

	if (!p || p->type != DDIC_CONF_INT || !p->nvals)
		return defvalue;
	return ((int *)p->val)[0];
}
EXPORT_SYMBOL(ddi_prop_get_int64);

/*
 * What the lookup functions hand out: a header in front of the data, so
 * ddi_prop_free() knows the size to give back.
 */
struct ddic_prop_buf {
	size_t size;
	u64 data[];
};

static void *ddic_prop_buf_alloc(size_t size)
{
	struct ddic_prop_buf *b = kzalloc(sizeof(*b) + size, GFP_KERNEL);

	if (!b)
		return NULL;
	b->size = size;
	return b->data;
}

void ddi_prop_free(void *data)
{
	if (data)
		kfree(container_of(data, struct ddic_prop_buf, data));
}
EXPORT_SYMBOL(ddi_prop_free);

int ddi_prop_lookup_int_array(dev_t match_dev, dev_info_t *dip, uint_t flags,
			      char *name, int **datap, uint_t *nelementsp)
{
	struct ddic_prop *p = ddic_prop_find(dip, name);
	int *v;

	if (!datap || !nelementsp)
		return DDI_PROP_INVAL_ARG;
	if (!p)
		return DDI_PROP_NOT_FOUND;
	if (p->type != DDIC_CONF_INT)
		return DDI_PROP_CANNOT_DECODE;
	v = ddic_prop_buf_alloc(p->len);
	if (!v)
		return DDI_PROP_NO_MEMORY;
	memcpy(v, p->val, p->len);
	*datap = v;
	*nelementsp = p->nvals;
	return DDI_PROP_SUCCESS;
}
EXPORT_SYMBOL(ddi_prop_lookup_int_array);

int ddi_prop_lookup_string(dev_t match_dev, dev_info_t *dip, uint_t flags,
			   char *name, char **datap)
{
	struct ddic_prop *p = ddic_prop_find(dip, name);
	char *s;

	if (!datap)
		return DDI_PROP_INVAL_ARG;
	if (!p)
		return DDI_PROP_NOT_FOUND;
	if (p->type != DDIC_CONF_STRING)
		return DDI_PROP_CANNOT_DECODE;
	/* The first string of the property. */
	s = ddic_prop_buf_alloc(strlen(p->val) + 1);
	if (!s)
		return DDI_PROP_NO_MEMORY;
	memcpy(s, p->val, strlen(p->val) + 1);
	*datap = s;
	return DDI_PROP_SUCCESS;
}
EXPORT_SYMBOL(ddi_prop_lookup_string);

int ddi_prop_lookup_string_array(dev_t match_dev, dev_info_t *dip,
				 uint_t flags, char *name, char ***datap,
				 uint_t *nelementsp)
{
	struct ddic_prop *p = ddic_prop_find(dip, name);
	size_t ptrs;
	char **v, *s;
	uint_t i;

	if (!datap || !nelementsp)
		return DDI_PROP_INVAL_ARG;
	if (!p)
		return DDI_PROP_NOT_FOUND;
	if (p->type != DDIC_CONF_STRING)
		return DDI_PROP_CANNOT_DECODE;
	/* An array of pointers, then the strings they point into. */
	ptrs = (p->nvals + 1) * sizeof(char *);
	v = ddic_prop_buf_alloc(ptrs + p->len);
	if (!v)
		return DDI_PROP_NO_MEMORY;
	s = (char *)v + ptrs;
	memcpy(s, p->val, p->len);
	for (i = 0; i < p->nvals; i++) {
		v[i] = s;
		s += strlen(s) + 1;
	}
	v[i] = NULL;
	*datap = v;
	*nelementsp = p->nvals;
	return DDI_PROP_SUCCESS;
}
EXPORT_SYMBOL(ddi_prop_lookup_string_array);
