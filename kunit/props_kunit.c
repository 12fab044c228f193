// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_props: driver-set properties (ddi_compat/props.c)
 * on a node of a made-up driver with a .conf: every type round-tripped
 * through update, lookup and remove; the driver's properties found before
 * the .conf's; dev_t matching; decoding across types; the untyped
 * interfaces; and the tree (ddi_get_parent, ddi_root_node).
 */
#include <kunit/test.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/sunddi.h>
#include <sys/sunndi.h>
#include <sys/kmem.h>

#include "../ddi_compat/devinfo.h"

#define PT_MAJOR	250

struct pt_fixture {
	struct ddic_driver drv;
	struct dev_info dip;
	struct ddic_conf *conf;
};

static int pt_init(struct kunit *test)
{
	static const char text[] =
		"name=\"propt\" parent=\"pseudo\" instance=0 size=16 label=\"conf\";\n"
		"global=5 size=99;\n";
	struct pt_fixture *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct ddic_conf_node *n;
	char err[128];

	if (!f)
		return -ENOMEM;
	if (ddic_conf_parse("propt", text, &f->conf, err, sizeof(err)))
		return -EINVAL;
	strscpy(f->drv.name, "propt", sizeof(f->drv.name));
	f->drv.base = MKDEV(PT_MAJOR, 0);
	f->drv.conf = f->conf;
	n = list_first_entry(&f->conf->nodes, struct ddic_conf_node, link);
	f->dip.drv = &f->drv;
	f->dip.instance = 0;
	f->dip.props = &n->props;
	test->priv = f;
	return 0;
}

static void pt_exit(struct kunit *test)
{
	struct pt_fixture *f = test->priv;

	ddi_prop_remove_all(&f->dip);
	ddic_conf_free(f->conf);
}

#define DIP(test)	(&((struct pt_fixture *)(test)->priv)->dip)

static void props_int(struct kunit *test)
{
	dev_info_t *dip = DIP(test);
	int *v;
	uint_t n;

	KUNIT_ASSERT_EQ(test, ddi_prop_update_int(DDI_DEV_T_NONE, dip, "i", -7),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "i", 1),
			-7);
	KUNIT_EXPECT_TRUE(test, ddi_prop_exists(DDI_DEV_T_ANY, dip, 0, "i"));
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_int_array(DDI_DEV_T_ANY, dip, 0,
							"i", &v, &n),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, n, 1);
	KUNIT_EXPECT_EQ(test, v[0], -7);
	ddi_prop_free(v);
	/* Updating replaces the value. */
	KUNIT_ASSERT_EQ(test, ddi_prop_update_int(DDI_DEV_T_NONE, dip, "i", 8),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "i", 1),
			8);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "i"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "i", 1),
			1);
	KUNIT_EXPECT_FALSE(test, ddi_prop_exists(DDI_DEV_T_ANY, dip, 0, "i"));
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "i"),
			DDI_PROP_NOT_FOUND);
}

static void props_int_array(struct kunit *test)
{
	int in[] = { 1, -2, 0x7fffffff, 0 };
	dev_info_t *dip = DIP(test);
	int *v;
	uint_t n;

	KUNIT_ASSERT_EQ(test, ddi_prop_update_int_array(DDI_DEV_T_NONE, dip,
							"ia", in, 4),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_int_array(DDI_DEV_T_ANY, dip,
							DDI_PROP_DONTPASS,
							"ia", &v, &n),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, n, 4);
	KUNIT_EXPECT_EQ(test, memcmp(v, in, sizeof(in)), 0);
	ddi_prop_free(v);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "ia", 9),
			1);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "ia"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_lookup_int_array(DDI_DEV_T_ANY, dip, 0,
							"ia", &v, &n),
			DDI_PROP_NOT_FOUND);
}

static void props_int64(struct kunit *test)
{
	int64_t in[] = { -1, 0x123456789abcdefLL, 3 };
	dev_info_t *dip = DIP(test);
	int64_t *v;
	uint_t n;

	KUNIT_ASSERT_EQ(test, ddi_prop_update_int64(DDI_DEV_T_NONE, dip, "l",
						    0x100000000LL),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int64(DDI_DEV_T_ANY, dip, 0, "l",
						 5),
			0x100000000LL);
	/* Found, but not an int: ddi_prop_get_int(9F) says NOT_FOUND. */
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "l", 5),
			DDI_PROP_NOT_FOUND);
	KUNIT_ASSERT_EQ(test, ddi_prop_update_int64_array(DDI_DEV_T_NONE, dip,
							  "la", in, 3),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_int64_array(DDI_DEV_T_ANY, dip,
							  0, "la", &v, &n),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, n, 3);
	KUNIT_EXPECT_EQ(test, memcmp(v, in, sizeof(in)), 0);
	ddi_prop_free(v);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "l"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "la"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int64(DDI_DEV_T_ANY, dip, 0, "l",
						 5), 5);
	KUNIT_EXPECT_EQ(test, ddi_prop_lookup_int64_array(DDI_DEV_T_ANY, dip,
							  0, "la", &v, &n),
			DDI_PROP_NOT_FOUND);
}

static void props_string(struct kunit *test)
{
	static const char *const in[] = { "alpha", "", "gamma delta" };
	dev_info_t *dip = DIP(test);
	char *s, **sa;
	uint_t n;

	KUNIT_ASSERT_EQ(test, ddi_prop_update_string(DDI_DEV_T_NONE, dip, "s",
						     "hello"),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_string(DDI_DEV_T_ANY, dip, 0,
						     "s", &s),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_STREQ(test, s, "hello");
	ddi_prop_free(s);
	KUNIT_ASSERT_EQ(test, ddi_prop_update_string_array(DDI_DEV_T_NONE, dip,
							   "sa", (char **)in, 3),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_string_array(DDI_DEV_T_ANY, dip,
							   0, "sa", &sa, &n),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, n, 3);
	KUNIT_EXPECT_STREQ(test, sa[0], "alpha");
	KUNIT_EXPECT_STREQ(test, sa[1], "");
	KUNIT_EXPECT_STREQ(test, sa[2], "gamma delta");
	KUNIT_EXPECT_NULL(test, sa[3]);
	ddi_prop_free(sa);
	/* A string is not an int. */
	KUNIT_EXPECT_EQ(test, ddi_prop_lookup_int_array(DDI_DEV_T_ANY, dip, 0,
							"s", (int **)&s, &n),
			DDI_PROP_CANNOT_DECODE);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "s"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "sa"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_lookup_string(DDI_DEV_T_ANY, dip, 0,
						     "s", &s),
			DDI_PROP_NOT_FOUND);
}

static void props_bytes(struct kunit *test)
{
	uchar_t in[] = { 0x00, 0x7f, 0x80, 0xff, 0x12 };
	dev_info_t *dip = DIP(test);
	uchar_t *b;
	uint_t n;

	KUNIT_ASSERT_EQ(test, ddi_prop_update_byte_array(DDI_DEV_T_NONE, dip,
							 "b", in, 5),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_byte_array(DDI_DEV_T_ANY, dip, 0,
							 "b", &b, &n),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, n, 5);
	KUNIT_EXPECT_EQ(test, memcmp(b, in, 5), 0);
	ddi_prop_free(b);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "b"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_lookup_byte_array(DDI_DEV_T_ANY, dip, 0,
							 "b", &b, &n),
			DDI_PROP_NOT_FOUND);
}

/* Driver properties before the node's .conf ones, those before global. */
static void props_precedence(struct kunit *test)
{
	dev_info_t *dip = DIP(test);
	char *s;

	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "size",
					       0), 16);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "global",
					       0), 5);
	KUNIT_ASSERT_EQ(test, ddi_prop_update_int(DDI_DEV_T_NONE, dip, "size",
						  32),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "size",
					       0), 32);
	KUNIT_ASSERT_EQ(test, ddi_prop_update_string(DDI_DEV_T_NONE, dip,
						     "label", "driver"),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_string(DDI_DEV_T_ANY, dip, 0,
						     "label", &s),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_STREQ(test, s, "driver");
	ddi_prop_free(s);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "size"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "size",
					       0), 16);
	/* Removing is for the driver's own: the .conf's stays. */
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "size"),
			DDI_PROP_NOT_FOUND);
	ddi_prop_remove_all(dip);
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_string(DDI_DEV_T_ANY, dip, 0,
						     "label", &s),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_STREQ(test, s, "conf");
	ddi_prop_free(s);
}

/* A property made with a dev_t matches that dev_t or DDI_DEV_T_ANY. */
static void props_dev_match(struct kunit *test)
{
	dev_info_t *dip = DIP(test);

	KUNIT_ASSERT_EQ(test, ddi_prop_update_int(makedevice(
				DDI_MAJOR_T_UNKNOWN, 3), dip, "m", 11),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(makedevice(PT_MAJOR, 3), dip,
					       0, "m", -1), 11);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "m", -1),
			11);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(makedevice(PT_MAJOR, 4), dip,
					       0, "m", -1), -1);
	/* DDI_DEV_T_NONE: only DDI_DEV_T_ANY finds it. */
	KUNIT_ASSERT_EQ(test, ddi_prop_update_int(DDI_DEV_T_NONE, dip, "n", 12),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(makedevice(PT_MAJOR, 3), dip,
					       0, "n", -1), -1);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "n", -1),
			12);
	/* Two dev_ts, two properties; remove takes the one asked for. */
	KUNIT_ASSERT_EQ(test, ddi_prop_update_int(makedevice(PT_MAJOR, 4), dip,
						  "m", 44),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(makedevice(PT_MAJOR, 3), dip,
					       0, "m", -1), 11);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(makedevice(PT_MAJOR, 4), dip,
					       0, "m", -1), 44);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(makedevice(PT_MAJOR, 4), dip,
					      "m"), DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(makedevice(PT_MAJOR, 3), dip,
					       0, "m", -1), 11);
}

static void props_bad_args(struct kunit *test)
{
	dev_info_t *dip = DIP(test);

	KUNIT_EXPECT_EQ(test, ddi_prop_update_int(DDI_DEV_T_NONE, dip, NULL,
						  1), DDI_PROP_INVAL_ARG);
	KUNIT_EXPECT_EQ(test, ddi_prop_update_int(DDI_DEV_T_NONE, dip, "", 1),
			DDI_PROP_INVAL_ARG);
	KUNIT_EXPECT_EQ(test, ddi_prop_update_int(DDI_DEV_T_ANY, dip, "x", 1),
			DDI_PROP_INVAL_ARG);
	KUNIT_EXPECT_EQ(test, ddi_prop_update_string(DDI_DEV_T_NONE, dip, "x",
						     NULL),
			DDI_PROP_INVAL_ARG);
	KUNIT_EXPECT_EQ(test, ddi_prop_update_int(DDI_DEV_T_NONE, NULL, "x",
						  1), DDI_PROP_INVAL_ARG);
	KUNIT_EXPECT_FALSE(test, ddi_prop_exists(DDI_DEV_T_ANY, dip, 0, "x"));
}

/* ddi_prop_create(9F) and the old interfaces that read it. */
static void props_untyped(struct kunit *test)
{
	dev_info_t *dip = DIP(test);
	int val = 0x1234, len, *lp;
	char buf[2], *p;

	KUNIT_ASSERT_EQ(test, ddi_prop_create(DDI_DEV_T_NONE, dip,
					      DDI_PROP_CANSLEEP, "u",
					      (caddr_t)&val, sizeof(val)),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_getprop(DDI_DEV_T_ANY, dip, 0, "u", 0),
			0x1234);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "u", 0),
			0x1234);
	KUNIT_ASSERT_EQ(test, ddi_getproplen(DDI_DEV_T_ANY, dip, 0, "u", &len),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, len, 4);
	KUNIT_ASSERT_EQ(test, ddi_getlongprop(DDI_DEV_T_ANY, dip, 0, "u",
					      (caddr_t)&lp, &len),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, len, 4);
	KUNIT_EXPECT_EQ(test, *lp, 0x1234);
	kmem_free(lp, len);
	len = sizeof(buf);
	KUNIT_EXPECT_EQ(test, ddi_getlongprop_buf(DDI_DEV_T_ANY, dip, 0, "u",
						  buf, &len),
			DDI_PROP_BUF_TOO_SMALL);
	val = 77;
	KUNIT_EXPECT_EQ(test, ddi_prop_modify(DDI_DEV_T_NONE, dip, 0, "u",
					      (caddr_t)&val, sizeof(val)),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_getprop(DDI_DEV_T_ANY, dip, 0, "u", 0), 77);
	KUNIT_EXPECT_EQ(test, ddi_prop_modify(DDI_DEV_T_NONE, dip, 0, "nope",
					      (caddr_t)&val, sizeof(val)),
			DDI_PROP_NOT_FOUND);
	/* A boolean: no value, reads as 1. */
	KUNIT_ASSERT_EQ(test, ddi_prop_create(DDI_DEV_T_NONE, dip, 0, "flag",
					      NULL, 0),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_getprop(DDI_DEV_T_ANY, dip, 0, "flag", 0), 1);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "flag",
					       0), 1);
	/* A string made untyped reads as a string. */
	KUNIT_ASSERT_EQ(test, ddi_prop_create(DDI_DEV_T_NONE, dip, 0, "us",
					      "abc", 4),
			DDI_PROP_SUCCESS);
	KUNIT_ASSERT_EQ(test, ddi_prop_lookup_string(DDI_DEV_T_ANY, dip, 0,
						     "us", &p),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_STREQ(test, p, "abc");
	ddi_prop_free(p);
	/* Undefining hides the .conf's value. */
	KUNIT_ASSERT_EQ(test, ddi_prop_undefine(DDI_DEV_T_NONE, dip, 0,
						"global"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "global",
					       -1), -1);
	KUNIT_EXPECT_FALSE(test, ddi_prop_exists(DDI_DEV_T_ANY, dip, 0,
						 "global"));
	KUNIT_EXPECT_EQ(test, ddi_prop_op(DDI_DEV_T_ANY, dip, PROP_LEN, 0,
					  "global", NULL, &len),
			DDI_PROP_UNDEFINED);
	KUNIT_EXPECT_EQ(test, ddi_prop_remove(DDI_DEV_T_NONE, dip, "global"),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0, "global",
					       -1), 5);
}

static void props_tree(struct kunit *test)
{
	dev_info_t *dip = DIP(test), *pseudo, *root;

	pseudo = ddi_get_parent(dip);
	KUNIT_ASSERT_NOT_NULL(test, pseudo);
	KUNIT_EXPECT_STREQ(test, ddi_node_name(pseudo), "pseudo");
	root = ddi_get_parent(pseudo);
	KUNIT_EXPECT_PTR_EQ(test, root, ddi_root_node());
	KUNIT_EXPECT_NULL(test, ddi_get_parent(root));
	KUNIT_EXPECT_STREQ(test, ddi_binding_name(dip), "propt");
	KUNIT_EXPECT_EQ(test, ddi_dev_is_sid(dip), DDI_SUCCESS);
	KUNIT_EXPECT_FALSE(test, ddi_in_panic());
	/* A parent's property: found unless DDI_PROP_DONTPASS. */
	KUNIT_ASSERT_EQ(test, ndi_prop_update_int(DDI_DEV_T_NONE, pseudo,
						  "ptest-parent", 3),
			DDI_PROP_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip, 0,
					       "ptest-parent", 0), 3);
	KUNIT_EXPECT_EQ(test, ddi_prop_get_int(DDI_DEV_T_ANY, dip,
					       DDI_PROP_DONTPASS,
					       "ptest-parent", 0), 0);
	KUNIT_EXPECT_EQ(test, ndi_prop_remove(DDI_DEV_T_NONE, pseudo,
					      "ptest-parent"),
			DDI_PROP_SUCCESS);
}

static struct kunit_case props_cases[] = {
	KUNIT_CASE(props_int),
	KUNIT_CASE(props_int_array),
	KUNIT_CASE(props_int64),
	KUNIT_CASE(props_string),
	KUNIT_CASE(props_bytes),
	KUNIT_CASE(props_precedence),
	KUNIT_CASE(props_dev_match),
	KUNIT_CASE(props_bad_args),
	KUNIT_CASE(props_untyped),
	KUNIT_CASE(props_tree),
	{}
};

static struct kunit_suite props_suite = {
	.name = "ddi_compat_props",
	.init = pt_init,
	.exit = pt_exit,
	.test_cases = props_cases,
};
kunit_test_suite(props_suite);
