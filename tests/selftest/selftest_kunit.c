// SPDX-License-Identifier: GPL-2.0
/* Harness self-test: one KUnit case that passes and one that fails. */
#include <kunit/test.h>

static void selftest_passes(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 2);
}

static void selftest_fails(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, 1 + 1, 3);
}

static struct kunit_case selftest_cases[] = {
	KUNIT_CASE(selftest_passes),
	KUNIT_CASE(selftest_fails),
	{}
};

static struct kunit_suite selftest_suite = {
	.name = "ddi_compat_selftest",
	.test_cases = selftest_cases,
};

kunit_test_suite(selftest_suite);
MODULE_DESCRIPTION("ddi_compat harness self-test: a failing KUnit case");
MODULE_LICENSE("GPL");
