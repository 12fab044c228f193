// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_strings: ddi_strtol(9F) and family, ddi_strdup,
 * strfree, stoi, numtos, ddi_ffs/ddi_fls, swab, the device-number
 * conversions, the caller's process and credentials, and dev_err(9F)
 * (ddi_compat/strsubr.c).
 */
#include <kunit/test.h>
#include <linux/sched.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/cmn_err.h>
#include <ddi_compat/testing.h>
#include <sys/cred.h>
#include <sys/mkdev.h>

#include "../ddi_compat/devinfo.h"

struct sto_case {
	const char *str;
	int base;
	int err;
	long long val;
	int end;		/* offset of *nptr */
};

static const struct sto_case strtoll_cases[] = {
	{ "42", 10, 0, 42, 2 },
	{ "  -0x1fz", 0, 0, -31, 7 },
	{ "+077", 0, 0, 63, 4 },
	{ "0", 0, 0, 0, 1 },
	{ "0x", 0, 0, 0, 1 },		/* "0", then "x" is left */
	{ "zz", 36, 0, 1295, 2 },
	{ "19", 8, 0, 1, 1 },
	{ "abc", 10, EINVAL, 0, 0 },
	{ "", 10, EINVAL, 0, 0 },
	{ "12", 1, EINVAL, 0, 0 },
	{ "12", 37, EINVAL, 0, 0 },
	{ "9223372036854775807", 10, 0, LLONG_MAX, 19 },
	{ "-9223372036854775808", 10, 0, LLONG_MIN, 20 },
	{ "9223372036854775808", 10, ERANGE, LLONG_MAX, 19 },
	{ "-9223372036854775809", 10, ERANGE, LLONG_MIN, 20 },
	{ "99999999999999999999999", 10, ERANGE, LLONG_MAX, 23 },
};

static void strings_strtoll(struct kunit *test)
{
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(strtoll_cases); i++) {
		const struct sto_case *c = &strtoll_cases[i];
		longlong_t v = 12345;
		long lv = 12345;
		char *end;
		int r;

		r = ddi_strtoll(c->str, &end, c->base, &v);
		KUNIT_EXPECT_EQ_MSG(test, r, c->err, "\"%s\" base %d", c->str,
				    c->base);
		if (c->err != EINVAL)
			KUNIT_EXPECT_EQ_MSG(test, v, c->val, "\"%s\"", c->str);
		KUNIT_EXPECT_EQ_MSG(test, (int)(end - c->str), c->end,
				    "\"%s\"", c->str);
		/* long is 64 bits here: ddi_strtol agrees. */
		r = ddi_strtol(c->str, &end, c->base, &lv);
		KUNIT_EXPECT_EQ_MSG(test, r, c->err, "ddi_strtol \"%s\"",
				    c->str);
		if (!c->err)
			KUNIT_EXPECT_EQ(test, (long long)lv, c->val);
	}
}

static void strings_strtoull(struct kunit *test)
{
	u_longlong_t v;
	unsigned long ul;
	char *end;

	KUNIT_EXPECT_EQ(test, ddi_strtoull("18446744073709551615", &end, 10,
					   &v), 0);
	KUNIT_EXPECT_EQ(test, v, ULLONG_MAX);
	KUNIT_EXPECT_EQ(test, ddi_strtoull("18446744073709551616", &end, 10,
					   &v), ERANGE);
	KUNIT_EXPECT_EQ(test, v, ULLONG_MAX);
	KUNIT_EXPECT_EQ(test, ddi_strtoull("-1", NULL, 10, &v), 0);
	KUNIT_EXPECT_EQ(test, v, ULLONG_MAX);
	KUNIT_EXPECT_EQ(test, ddi_strtoul("0XfF", &end, 16, &ul), 0);
	KUNIT_EXPECT_EQ(test, ul, 255UL);
	KUNIT_EXPECT_EQ(test, *end, '\0');
	KUNIT_EXPECT_EQ(test, ddi_strtoul("12", NULL, 10, NULL), EINVAL);
	KUNIT_EXPECT_EQ(test, ddi_strtoul(NULL, NULL, 10, &ul), EINVAL);
}

static void strings_dup(struct kunit *test)
{
	char *s = ddi_strdup("ddi", KM_SLEEP), *p;
	char num[24];

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_STREQ(test, s, "ddi");
	strfree(s);
	KUNIT_EXPECT_NULL(test, ddi_strdup(NULL, KM_SLEEP));

	p = "123abc";
	KUNIT_EXPECT_EQ(test, stoi(&p), 123);
	KUNIT_EXPECT_STREQ(test, p, "abc");
	KUNIT_EXPECT_EQ(test, stoi(&p), 0);
	KUNIT_EXPECT_STREQ(test, p, "abc");
	KUNIT_EXPECT_STREQ(test, numtos(0, num), "0");
	KUNIT_EXPECT_STREQ(test, numtos(4294967295UL, num), "4294967295");
	KUNIT_EXPECT_PTR_EQ(test, numtos(7, num), (char *)num);
}

static void strings_bits(struct kunit *test)
{
	static const struct { long mask; int ffs, fls; } c[] = {
		{ 0, 0, 0 }, { 1, 1, 1 }, { 0x80, 8, 8 }, { 0x90, 5, 8 },
		{ -1, 1, BITS_PER_LONG }, { LONG_MIN, BITS_PER_LONG,
					    BITS_PER_LONG },
	};
	char src[] = "abcdefg", dst[8] = "xxxxxxx";
	unsigned int i;

	for (i = 0; i < ARRAY_SIZE(c); i++) {
		KUNIT_EXPECT_EQ_MSG(test, ddi_ffs(c[i].mask), c[i].ffs,
				    "ffs %lx", c[i].mask);
		KUNIT_EXPECT_EQ_MSG(test, ddi_fls(c[i].mask), c[i].fls,
				    "fls %lx", c[i].mask);
	}
	swab(src, dst, 7);
	KUNIT_EXPECT_STREQ(test, dst, "badcfex");
}

static void strings_devnums(struct kunit *test)
{
	dev_t d = makedevice(5, 6), big = makedevice(200, 0x40000);
	uint32_t d32;

	KUNIT_EXPECT_EQ(test, getemajor(d), 5U);
	KUNIT_EXPECT_EQ(test, geteminor(d), 6U);
	KUNIT_EXPECT_EQ(test, cmpdev(d), (o_dev_t)((5 << 8) | 6));
	KUNIT_EXPECT_EQ(test, cmpdev(makedevice(128, 0)), (o_dev_t)NODEV);
	KUNIT_EXPECT_EQ(test, cmpdev(makedevice(1, 256)), (o_dev_t)NODEV);
	KUNIT_EXPECT_EQ(test, cmpldev(&d32, d), 1);
	KUNIT_EXPECT_EQ(test, d32, (5U << 18) | 6);
	KUNIT_EXPECT_EQ(test, expldev(d32), d);
	/* A minor above the 18 bits of a dev32_t does not fit. */
	KUNIT_EXPECT_EQ(test, cmpldev(&d32, big), 0);
	KUNIT_EXPECT_EQ(test, d32, NODEV32);
	KUNIT_EXPECT_EQ(test, expldev(NODEV32), NODEV);
}

static void strings_caller(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ddi_get_pid(), task_tgid_vnr(current));
	/* The test runs in a kernel thread: no signals for it. */
	KUNIT_EXPECT_EQ(test, ddi_can_receive_sig(), B_FALSE);
	KUNIT_ASSERT_NOT_NULL(test, kcred);
	KUNIT_EXPECT_EQ(test, crgetuid(kcred), 0U);
	KUNIT_EXPECT_EQ(test, crgetgid(kcred), 0U);
	KUNIT_EXPECT_EQ(test, crgetzoneid(kcred), GLOBAL_ZONEID);
	KUNIT_EXPECT_EQ(test, drv_priv(kcred), 0);
}

#ifdef DDIC_DEBUG
struct de_seen {
	int level;
	char text[256];
};

static void de_tap(int level, int dest, const char *text, void *arg)
{
	struct de_seen *s = arg;

	s->level = level;
	strscpy(s->text, text, sizeof(s->text));
}

static void strings_dev_err(struct kunit *test)
{
	struct ddic_driver drv = { .name = "dtest" };
	struct dev_info dip = { .drv = &drv, .instance = 3 };
	struct de_seen s = { .level = -1 };

	ddic_cmn_err_set_tap(de_tap, &s);
	dev_err(&dip, CE_WARN, "disk %d is %s", 7, "gone");
	ddic_cmn_err_set_tap(NULL, NULL);
	KUNIT_EXPECT_EQ(test, s.level, CE_WARN);
	KUNIT_EXPECT_NOT_NULL(test, strstr(s.text, "dtest3: disk 7 is gone"));
	/* The '!' stays first, so the message still goes to the log only. */
	ddic_cmn_err_set_tap(de_tap, &s);
	dev_err(&dip, CE_NOTE, "!quiet %u", 1U);
	ddic_cmn_err_set_tap(NULL, NULL);
	KUNIT_EXPECT_NOT_NULL(test, strstr(s.text, "dtest3: quiet 1"));
	KUNIT_EXPECT_NULL(test, strchr(s.text, '!'));
}
#endif

static struct kunit_case strings_cases[] = {
	KUNIT_CASE(strings_strtoll),
	KUNIT_CASE(strings_strtoull),
	KUNIT_CASE(strings_dup),
	KUNIT_CASE(strings_bits),
	KUNIT_CASE(strings_devnums),
	KUNIT_CASE(strings_caller),
#ifdef DDIC_DEBUG
	KUNIT_CASE(strings_dev_err),
#endif
	{}
};

static struct kunit_suite strings_suite = {
	.name = "ddi_compat_strings",
	.test_cases = strings_cases,
};
kunit_test_suite(strings_suite);
