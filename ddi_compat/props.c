// SPDX-License-Identifier: GPL-2.0
/*
 * Properties (ddi_prop_*(9F), ddi_getprop(9F) and friends) and the device
 * tree around the instances (ddi_get_parent(9F), ddi_root_node(9F)), and
 * the read-only listing prtconf reads (/proc/driver/ddic_devinfo).
 *
 * A lookup searches, as ddi_prop_get_int(9F) orders it: the properties
 * the driver set on the node (ddi_prop_update(9F), ddi_prop_create(9F),
 * ddi_prop_undefine(9F)), then the node's .conf properties, then the
 * .conf's global ones, then, without DDI_PROP_DONTPASS, the parent
 * nodes' properties.  A driver property set with a dev_t is found only by
 * a lookup with that dev_t or DDI_DEV_T_ANY; one set with DDI_DEV_T_NONE
 * only by DDI_DEV_T_ANY.  .conf properties match any dev_t (ddi_compat
 * always did so; Solaris creates them with DDI_DEV_T_NONE).
 *
 * The tree: the root node (named after the machine, as Solaris names it
 * after the platform), one "pseudo" nexus under it, and every instance
 * of a loaded driver under "pseudo".
 *
 * Locking: one mutex guards every node's driver property list; a lookup
 * holds it while it copies the value out, so lookups may sleep and are
 * not for interrupt context (as before).  It nests inside the drivers'
 * state_lock (drivers update properties in attach(9E)).
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/module.h>
#include <linux/slab.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/utsname.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/kmem.h>
#include <sys/param.h>

#include "ddic_core.h"
#include "devinfo.h"

/* What a property holds.  ANY is ddi_prop_create(9F)'s untyped value. */
enum {
	PR_INT = 1,
	PR_INT64,
	PR_STRING,
	PR_BYTE,
	PR_ANY,
	PR_UNDEF,		/* ddi_prop_undefine(9F): stops the search */
};

/* A property the driver set on a node. */
struct prp {
	struct list_head link;		/* in dip->drvprops */
	dev_t dev;
	int type;
	unsigned int nvals;
	size_t len;
	char *name;
	u64 val[];			/* len bytes, 8-byte aligned */
};

/* A found property: where its value is, whichever list it came from. */
struct prv {
	int type;
	bool driver;			/* set by the driver (else .conf) */
	unsigned int nvals;
	size_t len;
	const void *val;
};

static DEFINE_MUTEX(prp_lock);

/* The nexus nodes: named through static driver records. */
static struct ddic_driver prn_root_drv;
static struct ddic_driver prn_pseudo_drv = { .name = "pseudo" };
static struct dev_info prn_root = { .drv = &prn_root_drv };
static struct dev_info prn_pseudo = { .drv = &prn_pseudo_drv };

static struct list_head *prp_list(dev_info_t *dip)
{
	lockdep_assert_held(&prp_lock);
	if (!dip->drvprops.next)
		INIT_LIST_HEAD(&dip->drvprops);
	return &dip->drvprops;
}

static bool prp_dev_matches(dev_t match, dev_t propdev)
{
	return match == DDI_DEV_T_ANY || match == propdev;
}

/* The driver property @name exactly as set with @dev. */
static struct prp *prp_find_exact(dev_info_t *dip, dev_t dev,
				  const char *name)
{
	struct prp *p;

	list_for_each_entry(p, prp_list(dip), link)
		if ((dev == DDI_DEV_T_ANY || p->dev == dev) &&
		    !strcmp(p->name, name))
			return p;
	return NULL;
}

static void prp_free(struct prp *p)
{
	kfree(p->name);
	kfree(p);
}

/* The driver's dev_t: a major of DDI_MAJOR_T_UNKNOWN becomes its own. */
static dev_t prp_fix_dev(dev_info_t *dip, dev_t dev)
{
	if (dev == DDI_DEV_T_NONE || dev == DDI_DEV_T_ANY)
		return dev;
	if (getmajor(dev) == DDI_MAJOR_T_UNKNOWN && dip->drv->base)
		return makedevice(MAJOR(dip->drv->base), getminor(dev));
	return dev;
}

static bool prp_bad_args(dev_info_t *dip, const char *name,
			 const char *func)
{
	if (!dip || !name || !*name) {
		pr_warn("%s: %s: %s\n", dip ? ddi_driver_name(dip) : "?",
			func, dip ? "no property name" : "no dev_info");
		return true;
	}
	return false;
}

/*
 * Set @name on @dip: replace the driver property of the same name and
 * dev_t, or add one.  @modify: only replace (ddi_prop_modify(9F)).
 */
static int prp_set(dev_t dev, dev_info_t *dip, const char *name, int type,
		   const void *val, size_t len, unsigned int nvals,
		   bool cansleep, bool modify, const char *func)
{
	gfp_t gfp = cansleep ? GFP_KERNEL : GFP_NOWAIT;
	struct prp *p, *old;

	if (prp_bad_args(dip, name, func))
		return DDI_PROP_INVAL_ARG;
	if (dev == DDI_DEV_T_ANY) {
		pr_warn("%s: %s: \"%s\" with DDI_DEV_T_ANY (a property needs a dev_t or DDI_DEV_T_NONE)\n",
			ddi_driver_name(dip), func, name);
		return DDI_PROP_INVAL_ARG;
	}
	if (len > INT_MAX)
		return DDI_PROP_CANNOT_ENCODE;
	dev = prp_fix_dev(dip, dev);
	p = kzalloc(sizeof(*p) + len, gfp);
	if (!p)
		return DDI_PROP_NO_MEMORY;
	p->name = kstrdup(name, gfp);
	if (!p->name) {
		kfree(p);
		return DDI_PROP_NO_MEMORY;
	}
	p->dev = dev;
	p->type = type;
	p->nvals = nvals;
	p->len = len;
	if (len)
		memcpy(p->val, val, len);

	mutex_lock(&prp_lock);
	old = prp_find_exact(dip, dev, name);
	if (modify && (!old || old->type == PR_UNDEF)) {
		mutex_unlock(&prp_lock);
		prp_free(p);
		return DDI_PROP_NOT_FOUND;
	}
	if (old)
		list_replace(&old->link, &p->link);
	else
		list_add_tail(&p->link, prp_list(dip));
	mutex_unlock(&prp_lock);
	if (old)
		prp_free(old);
	return DDI_PROP_SUCCESS;
}

/* Search @dip (and its parents without DDI_PROP_DONTPASS); prp_lock held. */
static bool prv_find(dev_info_t *dip, dev_t match, uint_t flags,
		     const char *name, struct prv *v)
{
	struct ddic_prop *cp = NULL;
	struct prp *p;

	lockdep_assert_held(&prp_lock);
	for (; dip; dip = ddi_get_parent(dip)) {
		list_for_each_entry(p, prp_list(dip), link) {
			if (!prp_dev_matches(match, p->dev) ||
			    strcmp(p->name, name))
				continue;
			v->type = p->type;
			v->driver = true;
			v->nvals = p->nvals;
			v->len = p->len;
			v->val = p->val;
			return true;
		}
		if (dip->props)
			cp = ddic_conf_find_prop(dip->props, name);
		if (!cp && dip->drv && dip->drv->conf)
			cp = ddic_conf_find_prop(&dip->drv->conf->global_props,
						name);
		if (cp) {
			v->type = cp->type == DDIC_CONF_INT ? PR_INT : PR_STRING;
			v->driver = false;
			v->nvals = cp->nvals;
			v->len = cp->len;
			v->val = cp->val;
			return true;
		}
		if (flags & DDI_PROP_DONTPASS)
			break;
	}
	return false;
}

/* Answer a prop_op(9E) request with the value @val of @len bytes. */
static int prop_answer(ddi_prop_op_t prop_op, int mod_flags,
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
		buf = kmem_alloc(len, (mod_flags & DDI_PROP_DONTSLEEP) ?
				 KM_NOSLEEP : KM_SLEEP);
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
	struct prv v;
	int r;

	if (!dip || !name)
		return DDI_PROP_INVAL_ARG;
	mutex_lock(&prp_lock);
	if (!prv_find(dip, dev, mod_flags, name, &v))
		r = DDI_PROP_NOT_FOUND;
	else if (v.type == PR_UNDEF)
		r = DDI_PROP_UNDEFINED;
	else
		r = prop_answer(prop_op, mod_flags, valuep, lengthp, v.val,
				v.len);
	mutex_unlock(&prp_lock);
	return r;
}
EXPORT_SYMBOL(ddi_prop_op);

/*
 * ddi_prop_op_nblocks(9F), ddi_prop_op_size(9F): a block driver's
 * prop_op(9E) answers the dynamic size properties through these.  Both
 * answer "Nblocks"/"nblocks" (int64, DEV_BSIZE blocks) and "Size"/"size"
 * (int64, bytes); any other name goes to ddi_prop_op().
 */
static int prop_op_blocks(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
			  int mod_flags, char *name, caddr_t valuep,
			  int *lengthp, u64 bytes)
{
	int64_t v;

	if (name && (!strcmp(name, "Nblocks") || !strcmp(name, "nblocks")))
		v = bytes >> DEV_BSHIFT;
	else if (name && (!strcmp(name, "Size") || !strcmp(name, "size")))
		v = bytes;
	else
		return ddi_prop_op(dev, dip, prop_op, mod_flags, name, valuep,
				   lengthp);
	return prop_answer(prop_op, mod_flags, valuep, lengthp, &v, sizeof(v));
}

int ddi_prop_op_nblocks(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
			int mod_flags, char *name, caddr_t valuep,
			int *lengthp, uint64_t nblocks)
{
	if (nblocks > (U64_MAX >> DEV_BSHIFT))
		return DDI_PROP_INVAL_ARG;
	return prop_op_blocks(dev, dip, prop_op, mod_flags, name, valuep,
			      lengthp, nblocks << DEV_BSHIFT);
}
EXPORT_SYMBOL(ddi_prop_op_nblocks);

int ddi_prop_op_size(dev_t dev, dev_info_t *dip, ddi_prop_op_t prop_op,
		     int mod_flags, char *name, caddr_t valuep, int *lengthp,
		     uint64_t size)
{
	return prop_op_blocks(dev, dip, prop_op, mod_flags, name, valuep,
			      lengthp, size);
}
EXPORT_SYMBOL(ddi_prop_op_size);

int ddi_prop_exists(dev_t match_dev, dev_info_t *dip, uint_t flags,
		    char *name)
{
	struct prv v;
	bool found;

	if (!dip || !name)
		return 0;
	mutex_lock(&prp_lock);
	found = prv_find(dip, match_dev, flags, name, &v) &&
		v.type != PR_UNDEF;
	mutex_unlock(&prp_lock);
	return found;
}
EXPORT_SYMBOL(ddi_prop_exists);

/*
 * The integer lookups.  A property without a value (a boolean, made by
 * ddi_prop_create(9F) with length 0) reads as 1, as on Solaris.  A
 * property found that does not decode as the type asked for returns
 * DDI_PROP_NOT_FOUND, as ddi_prop_get_int(9F) says.  Departure:
 * ddi_prop_get_int64() of a 32-bit integer property returns it widened
 * (a .conf's integers always read this way here).
 */
int ddi_prop_get_int(dev_t match_dev, dev_info_t *dip, uint_t flags,
		     char *name, int defvalue)
{
	struct prv v;
	int r = defvalue;

	if (!dip || !name)
		return defvalue;
	mutex_lock(&prp_lock);
	if (!prv_find(dip, match_dev, flags, name, &v) || v.type == PR_UNDEF)
		r = defvalue;
	else if (v.len == 0)
		r = 1;
	else if ((v.type == PR_INT || v.type == PR_ANY) &&
		 v.len >= sizeof(int))
		r = *(const int *)v.val;
	else
		r = DDI_PROP_NOT_FOUND;
	mutex_unlock(&prp_lock);
	return r;
}
EXPORT_SYMBOL(ddi_prop_get_int);

int64_t ddi_prop_get_int64(dev_t match_dev, dev_info_t *dip, uint_t flags,
			   char *name, int64_t defvalue)
{
	struct prv v;
	int64_t r;

	if (!dip || !name)
		return defvalue;
	mutex_lock(&prp_lock);
	if (!prv_find(dip, match_dev, flags, name, &v) || v.type == PR_UNDEF)
		r = defvalue;
	else if (v.len == 0)
		r = 1;
	else if ((v.type == PR_INT64 || v.type == PR_ANY) &&
		 v.len >= sizeof(int64_t))
		r = *(const int64_t *)v.val;
	else if (v.type == PR_INT)	/* the departure above */
		r = *(const int *)v.val;
	else
		r = DDI_PROP_NOT_FOUND;
	mutex_unlock(&prp_lock);
	return r;
}
EXPORT_SYMBOL(ddi_prop_get_int64);

/*
 * What the lookup functions hand out: a header in front of the data, so
 * ddi_prop_free() knows the size to give back.
 */
struct prbuf {
	size_t size;
	u64 data[];
};

static void *prbuf_alloc(size_t size)
{
	struct prbuf *b = kzalloc(sizeof(*b) + size, GFP_KERNEL);

	if (!b)
		return NULL;
	b->size = size;
	return b->data;
}

void ddi_prop_free(void *data)
{
	if (data)
		kfree(container_of(data, struct prbuf, data));
}
EXPORT_SYMBOL(ddi_prop_free);

/* Is @v a run of @n NUL-terminated strings (n counted when 0)? */
static bool prv_strings(const struct prv *v, unsigned int *n)
{
	const char *s = v->val, *end = s + v->len;
	unsigned int count = 0;

	if (!v->len || s[v->len - 1])
		return false;
	while (s < end) {
		s += strlen(s) + 1;
		count++;
	}
	*n = count;
	return true;
}

/* Find @name and check it decodes as @type; prp_lock held. */
static int prv_lookup(dev_t match_dev, dev_info_t *dip, uint_t flags,
		      const char *name, int type, size_t elsize,
		      struct prv *v)
{
	unsigned int n;

	if (!dip || !name)
		return DDI_PROP_INVAL_ARG;
	if (!prv_find(dip, match_dev, flags, name, v) || v->type == PR_UNDEF)
		return DDI_PROP_NOT_FOUND;
	switch (type) {
	case PR_BYTE:	/* any value reads as bytes */
		v->nvals = v->len;
		return v->len ? DDI_PROP_SUCCESS : DDI_PROP_END_OF_DATA;
	case PR_STRING:
		if (v->type != PR_STRING && v->type != PR_ANY)
			return DDI_PROP_CANNOT_DECODE;
		if (!prv_strings(v, &n))
			return DDI_PROP_CANNOT_DECODE;
		v->nvals = n;
		return DDI_PROP_SUCCESS;
	default:	/* PR_INT, PR_INT64 */
		if (v->type != type && v->type != PR_ANY)
			return DDI_PROP_CANNOT_DECODE;
		if (!v->len)
			return DDI_PROP_END_OF_DATA;
		if (v->len % elsize)
			return DDI_PROP_CANNOT_DECODE;
		v->nvals = v->len / elsize;
		return DDI_PROP_SUCCESS;
	}
}

/* Copy a found value out into a ddi_prop_free()-able buffer. */
static int prv_copy_out(dev_t match_dev, dev_info_t *dip, uint_t flags,
			const char *name, int type, size_t elsize,
			void **datap, uint_t *nelementsp)
{
	struct prv v;
	void *buf;
	int r;

	if (!datap || !nelementsp)
		return DDI_PROP_INVAL_ARG;
	mutex_lock(&prp_lock);
	r = prv_lookup(match_dev, dip, flags, name, type, elsize, &v);
	if (r == DDI_PROP_SUCCESS) {
		buf = prbuf_alloc(v.len);
		if (buf) {
			memcpy(buf, v.val, v.len);
			*datap = buf;
			*nelementsp = v.nvals;
		} else {
			r = DDI_PROP_NO_MEMORY;
		}
	}
	mutex_unlock(&prp_lock);
	return r;
}

int ddi_prop_lookup_int_array(dev_t match_dev, dev_info_t *dip, uint_t flags,
			      char *name, int **datap, uint_t *nelementsp)
{
	return prv_copy_out(match_dev, dip, flags, name, PR_INT, sizeof(int),
			    (void **)datap, nelementsp);
}
EXPORT_SYMBOL(ddi_prop_lookup_int_array);

int ddi_prop_lookup_int64_array(dev_t match_dev, dev_info_t *dip,
				uint_t flags, char *name, int64_t **datap,
				uint_t *nelementsp)
{
	return prv_copy_out(match_dev, dip, flags, name, PR_INT64,
			    sizeof(int64_t), (void **)datap, nelementsp);
}
EXPORT_SYMBOL(ddi_prop_lookup_int64_array);

int ddi_prop_lookup_byte_array(dev_t match_dev, dev_info_t *dip,
			       uint_t flags, char *name, uchar_t **datap,
			       uint_t *nelementsp)
{
	return prv_copy_out(match_dev, dip, flags, name, PR_BYTE, 1,
			    (void **)datap, nelementsp);
}
EXPORT_SYMBOL(ddi_prop_lookup_byte_array);

int ddi_prop_lookup_string(dev_t match_dev, dev_info_t *dip, uint_t flags,
			   char *name, char **datap)
{
	struct prv v;
	char *s;
	int r;

	if (!datap)
		return DDI_PROP_INVAL_ARG;
	mutex_lock(&prp_lock);
	r = prv_lookup(match_dev, dip, flags, name, PR_STRING, 1, &v);
	if (r == DDI_PROP_SUCCESS) {
		/* The first string of the property. */
		size_t len = strlen(v.val) + 1;

		s = prbuf_alloc(len);
		if (s) {
			memcpy(s, v.val, len);
			*datap = s;
		} else {
			r = DDI_PROP_NO_MEMORY;
		}
	}
	mutex_unlock(&prp_lock);
	return r;
}
EXPORT_SYMBOL(ddi_prop_lookup_string);

int ddi_prop_lookup_string_array(dev_t match_dev, dev_info_t *dip,
				 uint_t flags, char *name, char ***datap,
				 uint_t *nelementsp)
{
	struct prv v;
	size_t ptrs;
	char **arr, *s;
	uint_t i;
	int r;

	if (!datap || !nelementsp)
		return DDI_PROP_INVAL_ARG;
	mutex_lock(&prp_lock);
	r = prv_lookup(match_dev, dip, flags, name, PR_STRING, 1, &v);
	if (r != DDI_PROP_SUCCESS)
		goto out;
	/* An array of pointers, then the strings they point into. */
	ptrs = (v.nvals + 1) * sizeof(char *);
	arr = prbuf_alloc(ptrs + v.len);
	if (!arr) {
		r = DDI_PROP_NO_MEMORY;
		goto out;
	}
	s = (char *)arr + ptrs;
	memcpy(s, v.val, v.len);
	for (i = 0; i < v.nvals; i++) {
		arr[i] = s;
		s += strlen(s) + 1;
	}
	arr[i] = NULL;
	*datap = arr;
	*nelementsp = v.nvals;
out:
	mutex_unlock(&prp_lock);
	return r;
}
EXPORT_SYMBOL(ddi_prop_lookup_string_array);

/* Updates: ddi_prop_update(9F). */

int ddi_prop_update_int(dev_t dev, dev_info_t *dip, char *name, int data)
{
	return prp_set(dev, dip, name, PR_INT, &data, sizeof(data), 1, true,
		       false, __func__);
}
EXPORT_SYMBOL(ddi_prop_update_int);

int ddi_prop_update_int_array(dev_t dev, dev_info_t *dip, char *name,
			      int *data, uint_t nelements)
{
	if (nelements && !data)
		return DDI_PROP_INVAL_ARG;
	if (nelements > INT_MAX / sizeof(int))
		return DDI_PROP_CANNOT_ENCODE;
	return prp_set(dev, dip, name, PR_INT, data,
		       (size_t)nelements * sizeof(int), nelements, true, false,
		       __func__);
}
EXPORT_SYMBOL(ddi_prop_update_int_array);

int ddi_prop_update_int64(dev_t dev, dev_info_t *dip, char *name,
			  int64_t data)
{
	return prp_set(dev, dip, name, PR_INT64, &data, sizeof(data), 1, true,
		       false, __func__);
}
EXPORT_SYMBOL(ddi_prop_update_int64);

int ddi_prop_update_int64_array(dev_t dev, dev_info_t *dip, char *name,
				int64_t *data, uint_t nelements)
{
	if (nelements && !data)
		return DDI_PROP_INVAL_ARG;
	if (nelements > INT_MAX / sizeof(int64_t))
		return DDI_PROP_CANNOT_ENCODE;
	return prp_set(dev, dip, name, PR_INT64, data,
		       (size_t)nelements * sizeof(int64_t), nelements, true,
		       false, __func__);
}
EXPORT_SYMBOL(ddi_prop_update_int64_array);

int ddi_prop_update_string(dev_t dev, dev_info_t *dip, char *name,
			   char *data)
{
	if (!data)
		return DDI_PROP_INVAL_ARG;
	return prp_set(dev, dip, name, PR_STRING, data, strlen(data) + 1, 1,
		       true, false, __func__);
}
EXPORT_SYMBOL(ddi_prop_update_string);

int ddi_prop_update_string_array(dev_t dev, dev_info_t *dip, char *name,
				 char **data, uint_t nelements)
{
	size_t len = 0, off = 0;
	char *packed;
	uint_t i;
	int r;

	if (nelements && !data)
		return DDI_PROP_INVAL_ARG;
	for (i = 0; i < nelements; i++) {
		if (!data[i])
			return DDI_PROP_CANNOT_ENCODE;
		len += strlen(data[i]) + 1;
	}
	packed = kmalloc(len ? len : 1, GFP_KERNEL);
	if (!packed)
		return DDI_PROP_NO_MEMORY;
	for (i = 0; i < nelements; i++) {
		size_t n = strlen(data[i]) + 1;

		memcpy(packed + off, data[i], n);
		off += n;
	}
	r = prp_set(dev, dip, name, PR_STRING, packed, len, nelements, true,
		    false, __func__);
	kfree(packed);
	return r;
}
EXPORT_SYMBOL(ddi_prop_update_string_array);

int ddi_prop_update_byte_array(dev_t dev, dev_info_t *dip, char *name,
			       uchar_t *data, uint_t nelements)
{
	if (nelements && !data)
		return DDI_PROP_INVAL_ARG;
	return prp_set(dev, dip, name, PR_BYTE, data, nelements, nelements,
		       true, false, __func__);
}
EXPORT_SYMBOL(ddi_prop_update_byte_array);

/* The untyped interfaces: ddi_prop_create(9F) and friends. */

int ddi_prop_create(dev_t dev, dev_info_t *dip, int flag, char *name,
		    caddr_t value, int length)
{
	if (length < 0 || (length && !value))
		return DDI_PROP_INVAL_ARG;
	return prp_set(dev, dip, name, PR_ANY, value, length, 0,
		       flag & DDI_PROP_CANSLEEP, false, __func__);
}
EXPORT_SYMBOL(ddi_prop_create);

int ddi_prop_modify(dev_t dev, dev_info_t *dip, int flag, char *name,
		    caddr_t value, int length)
{
	if (length < 0 || (length && !value))
		return DDI_PROP_INVAL_ARG;
	return prp_set(dev, dip, name, PR_ANY, value, length, 0,
		       flag & DDI_PROP_CANSLEEP, true, __func__);
}
EXPORT_SYMBOL(ddi_prop_modify);

int ddi_prop_undefine(dev_t dev, dev_info_t *dip, int flag, char *name)
{
	return prp_set(dev, dip, name, PR_UNDEF, NULL, 0, 0,
		       flag & DDI_PROP_CANSLEEP, false, __func__);
}
EXPORT_SYMBOL(ddi_prop_undefine);

/* ddi_prop_remove(9F): the driver property of that name and dev_t. */
int ddi_prop_remove(dev_t dev, dev_info_t *dip, char *name)
{
	struct prp *p;

	if (prp_bad_args(dip, name, __func__))
		return DDI_PROP_INVAL_ARG;
	mutex_lock(&prp_lock);
	p = prp_find_exact(dip, prp_fix_dev(dip, dev), name);
	if (p)
		list_del(&p->link);
	mutex_unlock(&prp_lock);
	if (!p)
		return DDI_PROP_NOT_FOUND;
	prp_free(p);
	return DDI_PROP_SUCCESS;
}
EXPORT_SYMBOL(ddi_prop_remove);

void ddic_prop_drop_all(struct dev_info *dip)
{
	struct prp *p, *tmp;
	LIST_HEAD(dead);

	if (!dip)
		return;
	mutex_lock(&prp_lock);
	list_splice_init(prp_list(dip), &dead);
	mutex_unlock(&prp_lock);
	list_for_each_entry_safe(p, tmp, &dead, link)
		prp_free(p);
}

void ddi_prop_remove_all(dev_info_t *dip)
{
	ddic_prop_drop_all(dip);
}
EXPORT_SYMBOL(ddi_prop_remove_all);

/*
 * ddi_getprop(9F), ddi_getlongprop(9F), ddi_getlongprop_buf(9F),
 * ddi_getproplen(9F): through the driver's prop_op(9E) (cb_prop_op),
 * as Solaris routes them, or ddi_prop_op() when it has none.
 */
static int prop_op_call(dev_t dev, dev_info_t *dip, ddi_prop_op_t op,
			int flags, char *name, caddr_t valuep, int *lengthp)
{
	struct dev_ops *ops = dip ? dip->drv->ops : NULL;
	struct cb_ops *cb = ops ? ops->devo_cb_ops : NULL;

	if (!dip || !name)
		return DDI_PROP_INVAL_ARG;
	if (cb && cb->cb_prop_op)
		return cb->cb_prop_op(dev, dip, op, flags, name, valuep,
				      lengthp);
	return ddi_prop_op(dev, dip, op, flags, name, valuep, lengthp);
}

int ddi_getprop(dev_t dev, dev_info_t *dip, int flags, char *name,
		int defvalue)
{
	int v = 0, len = sizeof(v);

	if (prop_op_call(dev, dip, PROP_LEN_AND_VAL_BUF, flags, name,
			 (caddr_t)&v, &len) != DDI_PROP_SUCCESS)
		return defvalue;
	if (len == 0)
		return 1;	/* a boolean */
	return len == sizeof(v) ? v : defvalue;
}
EXPORT_SYMBOL(ddi_getprop);

int ddi_getlongprop(dev_t dev, dev_info_t *dip, int flags, char *name,
		    caddr_t valuep, int *lengthp)
{
	return prop_op_call(dev, dip, PROP_LEN_AND_VAL_ALLOC, flags, name,
			    valuep, lengthp);
}
EXPORT_SYMBOL(ddi_getlongprop);

int ddi_getlongprop_buf(dev_t dev, dev_info_t *dip, int flags, char *name,
			caddr_t valuep, int *lengthp)
{
	return prop_op_call(dev, dip, PROP_LEN_AND_VAL_BUF, flags, name,
			    valuep, lengthp);
}
EXPORT_SYMBOL(ddi_getlongprop_buf);

int ddi_getproplen(dev_t dev, dev_info_t *dip, int flags, char *name,
		   int *lengthp)
{
	return prop_op_call(dev, dip, PROP_LEN, flags, name, NULL, lengthp);
}
EXPORT_SYMBOL(ddi_getproplen);

/* The tree. */

/* Node names (a node is named after its driver, as a pseudo node is). */
const char *ddi_driver_name(dev_info_t *dip)
{
	return dip ? dip->drv->name : "";
}
EXPORT_SYMBOL(ddi_driver_name);

/*
 * ddi_get_name(9F), ddi_node_name(9F) and ddi_binding_name(9F) return
 * char * on Solaris (ddi_driver_name(9F) const char *): a driver keeps
 * the name in a char * of its own.  The strings are ddi_compat's and must
 * not be written, as on Solaris.
 */
char *ddi_get_name(dev_info_t *dip)
{
	return (char *)ddi_driver_name(dip);
}
EXPORT_SYMBOL(ddi_get_name);

char *ddi_node_name(dev_info_t *dip)
{
	if (dip && dip->nodename)	/* a PCI node: pciVVVV,DDDD */
		return (char *)dip->nodename;
	return (char *)ddi_driver_name(dip);
}
EXPORT_SYMBOL(ddi_node_name);

/*
 * The unit address: a pseudo node's is its instance number (as
 * pseudonex names a .conf node), a PCI node's "<device>[,<function>]".
 */
char *ddi_get_name_addr(dev_info_t *dip)
{
	const char *at;

	if (!dip)
		return NULL;
	if (dip->devpath) {
		at = strrchr(dip->devpath, '@');
		return at ? (char *)at + 1 : NULL;
	}
	return dip->unitaddr[0] ? dip->unitaddr : NULL;
}
EXPORT_SYMBOL(ddi_get_name_addr);

dev_info_t *ddi_root_node(void)
{
	return &prn_root;
}
EXPORT_SYMBOL(ddi_root_node);

dev_info_t *ddi_get_parent(dev_info_t *dip)
{
	if (!dip || dip == &prn_root)
		return NULL;
	if (dip == &prn_pseudo)
		return &prn_root;
	if (dip->parent)		/* a PCI node, or the PCI nexus */
		return dip->parent;
	return &prn_pseudo;
}
EXPORT_SYMBOL(ddi_get_parent);

/* Pseudo nodes bind by their driver's name: all the names are that. */
char *ddi_binding_name(dev_info_t *dip)
{
	return (char *)ddi_driver_name(dip);
}
EXPORT_SYMBOL(ddi_binding_name);

/* Every node here is a pseudo node, and those are self-identifying. */
int ddi_dev_is_sid(dev_info_t *dip)
{
	return DDI_SUCCESS;
}
EXPORT_SYMBOL(ddi_dev_is_sid);

/* True once the kernel is dying (panic or oops under way). */
int ddi_in_panic(void)
{
	return READ_ONCE(oops_in_progress) != 0;
}
EXPORT_SYMBOL(ddi_in_panic);

/*
 * The listing prtconf(1M) prints, one line each: "N<depth> <text>" for a
 * node, "P<depth> <text>" for a property line (prtconf without -v drops
 * them).
 */
static void prl_value(struct seq_file *m, int type, const void *val,
		      size_t len)
{
	const unsigned char *b = val;
	const char *s = val;
	size_t i;

	switch (type) {
	case PR_INT:
		for (i = 0; i + sizeof(int) <= len; i += sizeof(int))
			seq_printf(m, "%s%08x", i ? "." : "",
				   *(const unsigned int *)(b + i));
		break;
	case PR_INT64:
		for (i = 0; i + 8 <= len; i += 8)
			seq_printf(m, "%s%016llx", i ? "." : "",
				   *(const unsigned long long *)(b + i));
		break;
	case PR_STRING:
		for (i = 0; i < len; i += strlen(s + i) + 1)
			seq_printf(m, "%s'%s'", i ? " + " : "", s + i);
		break;
	default:
		for (i = 0; i < len; i++)
			seq_printf(m, "%s%02x", i ? "." : "", b[i]);
		break;
	}
}

static const char *const prl_types[] = {
	[PR_INT] = "int", [PR_INT64] = "int64", [PR_STRING] = "string",
	[PR_BYTE] = "byte", [PR_ANY] = "unknown", [PR_UNDEF] = "undefined",
};

static void prl_prop(struct seq_file *m, int depth, const char *name,
		     int type, dev_t dev, unsigned int nvals, const void *val,
		     size_t len, bool driver)
{
	const char *tname = len || type == PR_UNDEF ? prl_types[type] :
			    "boolean";

	seq_printf(m, "P%d name='%s' type=%s items=%u", depth, name, tname,
		   type == PR_ANY ? (unsigned int)len : nvals);
	if (driver && dev != DDI_DEV_T_NONE)
		seq_printf(m, " dev=(%u,%u)\n", getmajor(dev), getminor(dev));
	else
		seq_puts(m, " dev=none\n");
	if (!len)
		return;
	seq_printf(m, "P%d     value=", depth);
	prl_value(m, type, val, len);
	seq_putc(m, '\n');
}

static void prl_conf(struct seq_file *m, int depth, struct list_head *props,
		     bool *header)
{
	struct ddic_prop *cp;

	list_for_each_entry(cp, props, link) {
		if (!*header)
			seq_printf(m, "P%d System properties:\n", depth);
		*header = true;
		prl_prop(m, depth + 1, cp->name,
			 cp->type == DDIC_CONF_INT ? PR_INT : PR_STRING,
			 DDI_DEV_T_NONE, cp->nvals, cp->val, cp->len, false);
	}
}

static void prl_node(struct seq_file *m, int depth, dev_info_t *dip,
		     bool attached)
{
	bool header = false;
	struct prp *p;

	seq_printf(m, "N%d %s, instance #%d%s\n", depth, ddi_node_name(dip),
		   dip->instance, attached ? "" : " (driver not attached)");
	mutex_lock(&prp_lock);
	list_for_each_entry(p, prp_list(dip), link) {
		if (!header)
			seq_printf(m, "P%d Driver properties:\n", depth + 1);
		header = true;
		prl_prop(m, depth + 2, p->name, p->type, p->dev, p->nvals,
			 p->val, p->len, true);
	}
	mutex_unlock(&prp_lock);
	header = false;
	if (dip->props)
		prl_conf(m, depth + 1, dip->props, &header);
	if (dip->drv && dip->drv->conf)
		prl_conf(m, depth + 1, &dip->drv->conf->global_props, &header);
}

/*
 * The tree for the read-only listing prtconf reads: the root and the
 * pseudo nexus here; modctl.c, which owns the driver list, adds each
 * instance with ddic_prop_show_node().
 */
void ddic_prop_show_top(struct seq_file *m)
{
	prl_node(m, 0, &prn_root, true);
	prl_node(m, 1, &prn_pseudo, true);
}

/* A nexus other than pseudo (the PCI one), under the root. */
void ddic_prop_show_nexus(struct seq_file *m, dev_info_t *dip)
{
	prl_node(m, 1, dip, true);
}

void ddic_prop_show_node(struct seq_file *m, dev_info_t *dip)
{
	prl_node(m, 2, dip, dip->attached);
}

int ddic_props_init(void)
{
	strscpy(prn_root_drv.name, init_utsname()->machine,
		sizeof(prn_root_drv.name));
	return 0;
}

void ddic_props_fini(void)
{
	ddic_prop_drop_all(&prn_pseudo);
	ddic_prop_drop_all(&prn_root);
}
