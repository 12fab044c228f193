// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_conf: the driver.conf parser (ddi_compat/conf.c).
 */
#include <kunit/test.h>
#include <linux/string.h>

#include "../ddi_compat/devinfo.h"

static struct ddic_conf_node *node_at(struct ddic_conf *conf, int i)
{
	struct ddic_conf_node *n;

	list_for_each_entry(n, &conf->nodes, link)
		if (i-- == 0)
			return n;
	return NULL;
}

static void conf_valid(struct kunit *test)
{
	static const char text[] =
		"# a comment\n"
		"name=\"drv\" parent=\"pseudo\" instance=2 size=0x10 neg=-3\n"
		"\tlabel=\"tab\\there \\\"q\\\"\" list=1,2,3; # trailing\n"
		"name=\"drv\" parent=\"pseudo\" instance=0 flag\n"
		"  strs=\"a\",\"bc\";\n"
		"ddi-no-autodetach=1;\n";
	struct ddic_conf *conf;
	struct ddic_conf_node *n;
	struct ddic_prop *p;
	char err[128];

	KUNIT_ASSERT_EQ(test, ddic_conf_parse("drv", text, &conf, err,
					     sizeof(err)), 0);
	KUNIT_EXPECT_STREQ(test, err, "");
	KUNIT_ASSERT_EQ(test, conf->nnodes, 2);
	n = node_at(conf, 0);
	KUNIT_EXPECT_EQ(test, n->instance, 2);
	KUNIT_EXPECT_EQ(test, n->line, 2);
	p = ddic_conf_find_prop(&n->props, "size");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->type, DDIC_CONF_INT);
	KUNIT_EXPECT_EQ(test, ((int *)p->val)[0], 16);
	p = ddic_conf_find_prop(&n->props, "neg");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ((int *)p->val)[0], -3);
	p = ddic_conf_find_prop(&n->props, "label");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->type, DDIC_CONF_STRING);
	KUNIT_EXPECT_STREQ(test, (char *)p->val, "tab\there \"q\"");
	p = ddic_conf_find_prop(&n->props, "list");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->nvals, 3);
	KUNIT_EXPECT_EQ(test, ((int *)p->val)[2], 3);
	KUNIT_EXPECT_EQ(test, p->len, 3 * sizeof(int));

	n = node_at(conf, 1);
	KUNIT_EXPECT_EQ(test, n->instance, 0);
	KUNIT_EXPECT_EQ(test, n->line, 4);
	p = ddic_conf_find_prop(&n->props, "flag");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->nvals, 0);
	p = ddic_conf_find_prop(&n->props, "strs");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, p->nvals, 2);
	KUNIT_EXPECT_EQ(test, p->len, 5);
	KUNIT_EXPECT_EQ(test, memcmp(p->val, "a\0bc\0", 5), 0);

	p = ddic_conf_find_prop(&conf->global_props, "ddi-no-autodetach");
	KUNIT_ASSERT_NOT_NULL(test, p);
	KUNIT_EXPECT_EQ(test, ((int *)p->val)[0], 1);
	KUNIT_EXPECT_NULL(test, ddic_conf_find_prop(&n->props, "size"));
	ddic_conf_free(conf);
}

static void conf_empty_and_numbering(struct kunit *test)
{
	struct ddic_conf *conf;
	char err[128];

	KUNIT_ASSERT_EQ(test, ddic_conf_parse("d", "# nothing\n\n", &conf, err,
					     sizeof(err)), 0);
	KUNIT_EXPECT_EQ(test, conf->nnodes, 0);
	ddic_conf_free(conf);

	/* Nodes without instance= get the lowest free numbers. */
	KUNIT_ASSERT_EQ(test, ddic_conf_parse("d",
		"name=\"d\" parent=\"pseudo\";\n"
		"name=\"d\" parent=\"pseudo\" instance=0;\n"
		"name=\"d\" parent=\"pseudo\";\n", &conf, err, sizeof(err)), 0);
	KUNIT_ASSERT_EQ(test, conf->nnodes, 3);
	KUNIT_EXPECT_EQ(test, node_at(conf, 0)->instance, 1);
	KUNIT_EXPECT_EQ(test, node_at(conf, 1)->instance, 0);
	KUNIT_EXPECT_EQ(test, node_at(conf, 2)->instance, 2);
	ddic_conf_free(conf);
}

struct bad_conf {
	const char *text;
	const char *msg;	/* expected error, with driver and line */
};

static const struct bad_conf bad_confs[] = {
	{ "name=\"d\" parent=\"pseudo\" instance=0\n",
	  "d.conf: line 1: entry not ended by ';'" },
	{ "\n\nname=\"d\" parent=\"pseudo\" label=\"open;\n",
	  "d.conf: line 3: unterminated string" },
	{ "name=\"other\" parent=\"pseudo\";",
	  "d.conf: line 1: name=\"other\" is not this driver (\"d\")" },
	{ "name=\"d\" instance=0;",
	  "d.conf: line 1: node without parent=\"pseudo\"" },
	{ "name=\"d\" parent=\"isa\";",
	  "d.conf: line 1: parent=\"isa\": only \"pseudo\" is supported" },
	{ "name=\"d\" parent=\"pseudo\" instance=1;\n"
	  "name=\"d\" parent=\"pseudo\" instance=1;",
	  "d.conf: line 2: instance 1 already given on line 1" },
	{ "name=\"d\" parent=\"pseudo\" x=1,\"a\";",
	  "d.conf: line 1: property \"x\" mixes integers and strings" },
	{ "name=\"d\" parent=\"pseudo\" x=12abc;",
	  "d.conf: line 1: bad integer \"12abc\"" },
	{ "name=\"d\" parent=\"pseudo\" $x=1;",
	  "d.conf: line 1: unexpected character '$'" },
	{ "name=\"d\" parent=\"pseudo\" x=1 x=2;",
	  "d.conf: line 1: property \"x\" given twice" },
	{ "name=\"d\" parent=\"pseudo\" instance=-1;",
	  "d.conf: line 1: instance= must be one integer >= 0" },
	{ "parent=\"pseudo\" instance=0;",
	  "d.conf: line 1: parent= or instance= without name=" },
	{ "# ok\n;\n", "d.conf: line 2: empty entry" },
	{ "name=\"d\" parent=\"pseudo\" x=;",
	  "d.conf: line 1: expected a value for \"x\"" },
	{ "name=\"d\" parent=\"pseudo\" = 3;",
	  "d.conf: line 1: expected a property name" },
	{ "name=1 parent=\"pseudo\";",
	  "d.conf: line 1: name= must be one quoted string" },
	{ "name=\"d\" class=\"pseudo\";",
	  "d.conf: line 1: class= is not supported; use parent=\"pseudo\"" },
	{ "a=1;\na=2;", "d.conf: line 2: global property \"a\" given twice" },
	{ "name=\"d\" parent=\"pseudo\" x=99999999999;",
	  "d.conf: line 1: bad integer \"99999999999\"" },
};

static void conf_malformed(struct kunit *test)
{
	struct ddic_conf *conf;
	char err[160];
	int i;

	for (i = 0; i < ARRAY_SIZE(bad_confs); i++) {
		conf = (void *)1;
		KUNIT_EXPECT_EQ_MSG(test, ddic_conf_parse("d", bad_confs[i].text,
							 &conf, err,
							 sizeof(err)),
				    -EINVAL, "case %d", i);
		KUNIT_EXPECT_NULL_MSG(test, conf, "case %d", i);
		KUNIT_EXPECT_STREQ_MSG(test, err, bad_confs[i].msg, "case %d",
				       i);
	}
}

static void conf_error_truncated(struct kunit *test)
{
	struct ddic_conf *conf;
	char err[12];

	/* A short error buffer is filled, terminated, never overrun. */
	KUNIT_EXPECT_EQ(test, ddic_conf_parse("driver", "x=\"", &conf, err,
					     sizeof(err)), -EINVAL);
	KUNIT_EXPECT_EQ(test, strlen(err), sizeof(err) - 1);
	KUNIT_EXPECT_EQ(test, strncmp(err, "driver.conf", 11), 0);
}

static struct kunit_case conf_cases[] = {
	KUNIT_CASE(conf_valid),
	KUNIT_CASE(conf_empty_and_numbering),
	KUNIT_CASE(conf_malformed),
	KUNIT_CASE(conf_error_truncated),
	{}
};

static struct kunit_suite conf_suite = {
	.name = "ddi_compat_conf",
	.test_cases = conf_cases,
};
kunit_test_suite(conf_suite);
