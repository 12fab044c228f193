// SPDX-License-Identifier: GPL-2.0
/*
 * The driver.conf(5) parser.
 *
 *   # comment to the end of the line
 *   name="qotd" parent="pseudo" instance=0 greeting="hi" sizes=1,2,3;
 *   ddi-no-autodetach=1;
 *
 * An entry is a list of properties ended by ';'.  An entry with name= is
 * a node: name must be the driver's, parent must be "pseudo" (the only
 * nexus ddi_compat has) and instance a number not used before (a node
 * without one gets the lowest free number).  An entry without name=
 * holds properties for every node, as Solaris's global properties do.
 * A value is a list of integers (C syntax: 10, 0x1f, 017, -1) or of
 * quoted strings; a name alone is a boolean property with no value
 * (length 0).
 *
 * Departure: Solaris skips a malformed entry with a warning and attaches
 * the rest.  Here a malformed .conf refuses the whole driver load with a
 * message naming the driver, the line and the problem: a driver half
 * configured is harder to notice than one that does not load.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/slab.h>
#include <linux/string.h>
#include <linux/ctype.h>
#include <linux/kernel.h>
#include <linux/limits.h>

#include "ddic_core.h"
#include "devinfo.h"
#include <ddi_compat/testing.h>

enum { T_EOF, T_NAME, T_STRING, T_INT, T_EQ, T_COMMA, T_SEMI };

struct conf_lex {
	const char *drv;
	const char *p;
	int line;
	int tok;
	int tok_line;
	char *text;			/* T_NAME, T_STRING */
	long long num;			/* T_INT */
	char *err;
	size_t errlen;
	bool failed;
};

static __printf(2, 3) int conf_error(struct conf_lex *lx, const char *fmt, ...)
{
	va_list ap;
	int n;

	if (lx->failed)
		return -EINVAL;
	lx->failed = true;
	n = scnprintf(lx->err, lx->errlen, "%s.conf: line %d: ", lx->drv,
		      lx->tok_line);
	va_start(ap, fmt);
	vscnprintf(lx->err + n, lx->errlen - n, fmt, ap);
	va_end(ap);
	return -EINVAL;
}

static bool conf_name_char(char c, bool first)
{
	if (isalpha(c) || c == '_')
		return true;
	return !first && (isdigit(c) || c == '-' || c == '.' || c == '+' ||
			  c == '@' || c == '#');
}

static int conf_string(struct conf_lex *lx)
{
	const char *s = ++lx->p;
	size_t n = 0;
	char *out;

	/* Measure first: the result is never longer than the source. */
	while (*s && *s != '"' && *s != '\n') {
		if (*s == '\\' && s[1] && s[1] != '\n')
			s++;
		s++;
	}
	if (*s != '"')
		return conf_error(lx, "unterminated string");
	out = kmalloc(s - lx->p + 1, GFP_KERNEL);
	if (!out)
		return -ENOMEM;
	while (lx->p < s) {
		char c = *lx->p++;

		if (c == '\\') {
			c = *lx->p++;
			if (c == 'n')
				c = '\n';
			else if (c == 't')
				c = '\t';
		}
		out[n++] = c;
	}
	out[n] = '\0';
	lx->p++;
	lx->text = out;
	lx->tok = T_STRING;
	return 0;
}

static int conf_number(struct conf_lex *lx)
{
	const char *s = lx->p;
	char buf[32];
	size_t n = 0;
	int err;

	if (*s == '-')
		s++;
	while (isalnum(*s))
		s++;
	n = s - lx->p;
	if (n >= sizeof(buf))
		return conf_error(lx, "number too long");
	memcpy(buf, lx->p, n);
	buf[n] = '\0';
	err = kstrtoll(buf, 0, &lx->num);
	if (err || lx->num < INT_MIN || lx->num > UINT_MAX)
		return conf_error(lx, "bad integer \"%s\"", buf);
	lx->p = s;
	lx->tok = T_INT;
	return 0;
}

/* Read the next token into lx; returns 0 or -errno. */
static int conf_next(struct conf_lex *lx)
{
	kfree(lx->text);
	lx->text = NULL;
	for (;;) {
		while (*lx->p == ' ' || *lx->p == '\t' || *lx->p == '\r' ||
		       *lx->p == '\n') {
			if (*lx->p == '\n')
				lx->line++;
			lx->p++;
		}
		if (*lx->p != '#')
			break;
		while (*lx->p && *lx->p != '\n')
			lx->p++;
	}
	lx->tok_line = lx->line;
	switch (*lx->p) {
	case '\0':
		lx->tok = T_EOF;
		return 0;
	case '=':
		lx->p++;
		lx->tok = T_EQ;
		return 0;
	case ',':
		lx->p++;
		lx->tok = T_COMMA;
		return 0;
	case ';':
		lx->p++;
		lx->tok = T_SEMI;
		return 0;
	case '"':
		return conf_string(lx);
	}
	if (isdigit(*lx->p) || *lx->p == '-')
		return conf_number(lx);
	if (conf_name_char(*lx->p, true)) {
		const char *s = lx->p;

		while (conf_name_char(*lx->p, false))
			lx->p++;
		lx->text = kstrndup(s, lx->p - s, GFP_KERNEL);
		if (!lx->text)
			return -ENOMEM;
		lx->tok = T_NAME;
		return 0;
	}
	if (isprint(*lx->p))
		return conf_error(lx, "unexpected character '%c'", *lx->p);
	return conf_error(lx, "unexpected byte 0x%02x",
			  (unsigned char)*lx->p);
}

static void conf_free_props(struct list_head *props)
{
	struct ddic_prop *p, *tmp;

	list_for_each_entry_safe(p, tmp, props, link) {
		list_del(&p->link);
		kfree(p->name);
		kfree(p->val);
		kfree(p);
	}
}

struct ddic_prop *ddic_conf_find_prop(struct list_head *props, const char *name)
{
	struct ddic_prop *p;

	list_for_each_entry(p, props, link)
		if (!strcmp(p->name, name))
			return p;
	return NULL;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_conf_find_prop);

/* Append a value to @p (lx holds a T_INT or T_STRING token). */
static int conf_add_value(struct conf_lex *lx, struct ddic_prop *p)
{
	int type = lx->tok == T_INT ? DDIC_CONF_INT : DDIC_CONF_STRING;
	size_t add = type == DDIC_CONF_INT ? sizeof(int) : strlen(lx->text) + 1;
	void *val;

	if (p->nvals && p->type != type)
		return conf_error(lx, "property \"%s\" mixes integers and strings",
				  p->name);
	p->type = type;
	val = krealloc(p->val, p->len + add, GFP_KERNEL);
	if (!val)
		return -ENOMEM;
	p->val = val;
	if (type == DDIC_CONF_INT)
		*(int *)(val + p->len) = (int)lx->num;
	else
		memcpy(val + p->len, lx->text, add);
	p->len += add;
	p->nvals++;
	return 0;
}

/* One property; lx holds its T_NAME.  Leaves lx on the token after it. */
static int conf_prop(struct conf_lex *lx, struct list_head *props)
{
	struct ddic_prop *p;
	int err;

	if (ddic_conf_find_prop(props, lx->text))
		return conf_error(lx, "property \"%s\" given twice", lx->text);
	p = kzalloc(sizeof(*p), GFP_KERNEL);
	if (!p)
		return -ENOMEM;
	p->name = lx->text;
	lx->text = NULL;
	p->type = DDIC_CONF_INT;
	list_add_tail(&p->link, props);
	err = conf_next(lx);
	if (err || lx->tok != T_EQ)
		return err;	/* a boolean property: no value */
	do {
		err = conf_next(lx);
		if (err)
			return err;
		if (lx->tok != T_INT && lx->tok != T_STRING)
			return conf_error(lx, "expected a value for \"%s\"",
					  p->name);
		err = conf_add_value(lx, p);
		if (err)
			return err;
		err = conf_next(lx);
		if (err)
			return err;
	} while (lx->tok == T_COMMA);
	return 0;
}

static int conf_entry_string(struct conf_lex *lx, struct list_head *props,
			     const char *name, const char **out)
{
	struct ddic_prop *p = ddic_conf_find_prop(props, name);

	*out = NULL;
	if (!p)
		return 0;
	if (p->type != DDIC_CONF_STRING || p->nvals != 1)
		return conf_error(lx, "%s= must be one quoted string", name);
	*out = p->val;
	return 0;
}

/* An entry has been read into @props; file it as a node or as globals. */
static int conf_entry(struct conf_lex *lx, struct ddic_conf *conf,
		      struct list_head *props, int line)
{
	const char *name, *parent;
	struct ddic_conf_node *n, *o;
	struct ddic_prop *p;
	int err;

	lx->tok_line = line;
	err = conf_entry_string(lx, props, "name", &name);
	if (err)
		return err;
	if (!name) {
		if (ddic_conf_find_prop(props, "parent") ||
		    ddic_conf_find_prop(props, "instance"))
			return conf_error(lx, "parent= or instance= without name=");
		list_for_each_entry(p, props, link)
			if (ddic_conf_find_prop(&conf->global_props, p->name))
				return conf_error(lx, "global property \"%s\" given twice",
						  p->name);
		list_splice_tail_init(props, &conf->global_props);
		return 0;
	}
	if (strcmp(name, lx->drv))
		return conf_error(lx, "name=\"%s\" is not this driver (\"%s\")",
				  name, lx->drv);
	err = conf_entry_string(lx, props, "parent", &parent);
	if (err)
		return err;
	if (ddic_conf_find_prop(props, "class"))
		return conf_error(lx, "class= is not supported; use parent=\"pseudo\"");
	if (!parent)
		return conf_error(lx, "node without parent=\"pseudo\"");
	if (strcmp(parent, "pseudo") && strcmp(parent, "/pseudo"))
		return conf_error(lx, "parent=\"%s\": only \"pseudo\" is supported",
				  parent);
	n = kzalloc(sizeof(*n), GFP_KERNEL);
	if (!n)
		return -ENOMEM;
	INIT_LIST_HEAD(&n->props);
	n->line = line;
	n->instance = -1;
	p = ddic_conf_find_prop(props, "instance");
	if (p) {
		if (p->type != DDIC_CONF_INT || p->nvals != 1 ||
		    ((int *)p->val)[0] < 0) {
			kfree(n);
			return conf_error(lx, "instance= must be one integer >= 0");
		}
		n->instance = ((int *)p->val)[0];
		list_for_each_entry(o, &conf->nodes, link) {
			if (o->instance == n->instance) {
				kfree(n);
				return conf_error(lx, "instance %d already given on line %d",
						  o->instance, o->line);
			}
		}
	}
	list_splice_tail_init(props, &n->props);
	list_add_tail(&n->link, &conf->nodes);
	conf->nnodes++;
	return 0;
}

void ddic_conf_free(struct ddic_conf *conf)
{
	struct ddic_conf_node *n, *tmp;

	if (!conf)
		return;
	list_for_each_entry_safe(n, tmp, &conf->nodes, link) {
		list_del(&n->link);
		conf_free_props(&n->props);
		kfree(n);
	}
	conf_free_props(&conf->global_props);
	kfree(conf);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_conf_free);

/* Give nodes without instance= the lowest numbers not taken. */
static void conf_number_nodes(struct ddic_conf *conf)
{
	struct ddic_conf_node *n, *o;
	int next = 0;

	list_for_each_entry(n, &conf->nodes, link) {
		if (n->instance >= 0)
			continue;
again:
		list_for_each_entry(o, &conf->nodes, link) {
			if (o->instance == next) {
				next++;
				goto again;
			}
		}
		n->instance = next++;
	}
}

int ddic_conf_parse(const char *drv, const char *text, struct ddic_conf **out,
		   char *err, size_t errlen)
{
	struct conf_lex lx = { .drv = drv, .p = text, .line = 1, .err = err,
			       .errlen = errlen };
	struct ddic_conf *conf;
	LIST_HEAD(props);
	int ret, line = 0;

	*out = NULL;
	if (errlen)
		err[0] = '\0';
	conf = kzalloc(sizeof(*conf), GFP_KERNEL);
	if (!conf)
		return -ENOMEM;
	INIT_LIST_HEAD(&conf->nodes);
	INIT_LIST_HEAD(&conf->global_props);

	ret = conf_next(&lx);
	while (!ret && lx.tok != T_EOF) {
		if (list_empty(&props))
			line = lx.tok_line;
		if (lx.tok == T_SEMI) {
			if (list_empty(&props))
				ret = conf_error(&lx, "empty entry");
			else
				ret = conf_entry(&lx, conf, &props, line);
			if (!ret)
				ret = conf_next(&lx);
			continue;
		}
		if (lx.tok == T_COMMA && !list_empty(&props)) {
			ret = conf_next(&lx);	/* "a=1, b=2;" */
			continue;
		}
		if (lx.tok != T_NAME) {
			ret = conf_error(&lx, "expected a property name");
			continue;
		}
		ret = conf_prop(&lx, &props);
	}
	if (!ret && !list_empty(&props)) {
		lx.tok_line = line;
		ret = conf_error(&lx, "entry not ended by ';'");
	}
	kfree(lx.text);
	conf_free_props(&props);
	if (ret == -ENOMEM)
		scnprintf(err, errlen, "%s.conf: out of memory", drv);
	if (ret) {
		ddic_conf_free(conf);
		return ret;
	}
	conf_number_nodes(conf);
	*out = conf;
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_conf_parse);
