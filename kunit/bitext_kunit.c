// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_bitext: bitx8/16/32/64(9F), bitset8/16/32/64(9F),
 * bitdel64(9F) (cases from the manual pages), ddi_ffsll(9F), ddi_flsll(9F),
 * strdup(9F), strtok_r(9F).
 */
#include <kunit/test.h>
#include <sys/types.h>
#include <sys/bitext.h>
#include <sys/sunddi.h>

static void bitext_table(struct kunit *test)
{
	const struct {
		const char *what;
		uint64_t got, expect;
	} bx_cases[] = {
		{ "bitx8(0xa5, 7, 4)", bitx8(0xa5, 7, 4), 0xa },
		{ "bitx8(0xa5, 3, 0)", bitx8(0xa5, 3, 0), 0x5 },
		{ "bitx8(0xa5, 7, 7)", bitx8(0xa5, 7, 7), 1 },
		{ "bitx16(0xbeef, 11, 4)", bitx16(0xbeef, 11, 4), 0xee },
		{ "bitx32(0x12345678, 23, 8)", bitx32(0x12345678, 23, 8), 0x3456 },
		{ "bitx32(0x12345678, 31, 0)", bitx32(0x12345678, 31, 0), 0x12345678 },
		{ "bitx64(0x8000000000000001, 63, 63)",
		  bitx64(0x8000000000000001ULL, 63, 63), 1 },
		{ "bitx64(0xfedcba9876543210, 63, 0)",
		  bitx64(0xfedcba9876543210ULL, 63, 0), 0xfedcba9876543210ULL },
		{ "bitx64(0xfedcba9876543210, 47, 32)",
		  bitx64(0xfedcba9876543210ULL, 47, 32), 0xba98 },
		{ "bitset8(0xff, 5, 2, 0)", bitset8(0xff, 5, 2, 0), 0xc3 },
		{ "bitset8(0, 7, 7, 1)", bitset8(0, 7, 7, 1), 0x80 },
		{ "bitset16(0x1234, 15, 12, 0xf)", bitset16(0x1234, 15, 12, 0xf),
		  0xf234 },
		/* The manual page's register example: RE, WE and a base. */
		{ "bitset32(bitset32(bitset32(0,0,0,1),1,1,1),24,12,0xabc)",
		  bitset32(bitset32(bitset32(0, 0, 0, 1), 1, 1, 1), 24, 12, 0xabc),
		  0x00abc003 },
		{ "bitset32(0xffffffff, 31, 0, 5)", bitset32(0xffffffff, 31, 0, 5), 5 },
		{ "bitset64(0, 63, 60, 0xa)", bitset64(0, 63, 60, 0xa),
		  0xa000000000000000ULL },
		{ "bitset64(~0, 63, 0, 0)", bitset64(~0ULL, 63, 0, 0), 0 },
		/* bitdel64(9F)'s example: 0x3d3 without bits 4..7 is 0x33. */
		{ "bitdel64(0x3d3, 7, 4)", bitdel64(0x3d3, 7, 4), 0x33 },
		{ "bitdel64(0xff, 0, 0)", bitdel64(0xff, 0, 0), 0x7f },
		{ "bitdel64(0x8000000000000001, 63, 63)",
		  bitdel64(0x8000000000000001ULL, 63, 63), 1 },
		{ "bitdel64(~0, 63, 0)", bitdel64(~0ULL, 63, 0), 0 },
		{ "bitdel64(0xf0f0, 15, 8)", bitdel64(0xf0f0, 15, 8), 0xf0 },
	};
	size_t i;

	for (i = 0; i < ARRAY_SIZE(bx_cases); i++)
		KUNIT_EXPECT_EQ_MSG(test, bx_cases[i].got, bx_cases[i].expect,
				    "%s", bx_cases[i].what);
}

/* A bad range is refused: bitx gives 0, bitset its base unchanged. */
static void bitext_bad_range(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, bitx8(0xff, 8, 0), 0);
	KUNIT_EXPECT_EQ(test, bitx32(0xff, 2, 3), 0);
	KUNIT_EXPECT_EQ(test, bitset16(0x1234, 16, 0, 1), 0x1234);
	KUNIT_EXPECT_EQ(test, bitdel64(0x1234, 3, 4), 0x1234);
	/* A value wider than its range is cut to the range. */
	KUNIT_EXPECT_EQ(test, bitset8(0, 2, 1, 0x7), 0x6);
}

static const struct {
	long long mask;
	int ffs, fls;
} ffs_cases[] = {
	{ 0, 0, 0 },
	{ 1, 1, 1 },
	{ 0x50, 5, 7 },
	{ 0x100000000LL, 33, 33 },
	{ 0x8000000000000000ULL, 64, 64 },
	{ -1LL, 1, 64 },
	{ 0x0008000000000100LL, 9, 52 },
};

static void bitext_ffsll_flsll(struct kunit *test)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(ffs_cases); i++) {
		KUNIT_EXPECT_EQ_MSG(test, ddi_ffsll(ffs_cases[i].mask),
				    ffs_cases[i].ffs, "ddi_ffsll(0x%llx)",
				    ffs_cases[i].mask);
		KUNIT_EXPECT_EQ_MSG(test, ddi_flsll(ffs_cases[i].mask),
				    ffs_cases[i].fls, "ddi_flsll(0x%llx)",
				    ffs_cases[i].mask);
	}
}

static void bitext_strdup(struct kunit *test)
{
	const char *src = "qotd";
	char *s = strdup(src);

	KUNIT_ASSERT_NOT_NULL(test, s);
	KUNIT_EXPECT_PTR_NE(test, (const char *)s, src);
	KUNIT_EXPECT_STREQ(test, s, src);
	strfree(s);
}

static void bitext_strtok_r(struct kunit *test)
{
	char buf[] = "  a,,bc; d ;";
	char other[] = "x:y";
	char *last = NULL, *olast = NULL, *t;

	t = strtok_r(buf, " ,;", &last);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_STREQ(test, t, "a");
	/* A second string tokenised in between does not disturb the first. */
	t = strtok_r(other, ":", &olast);
	KUNIT_EXPECT_STREQ(test, t, "x");
	t = strtok_r(NULL, " ,;", &last);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_STREQ(test, t, "bc");
	t = strtok_r(NULL, ":", &olast);
	KUNIT_EXPECT_STREQ(test, t, "y");
	t = strtok_r(NULL, " ,;", &last);
	KUNIT_ASSERT_NOT_NULL(test, t);
	KUNIT_EXPECT_STREQ(test, t, "d");
	KUNIT_EXPECT_NULL(test, strtok_r(NULL, " ,;", &last));
	KUNIT_EXPECT_NULL(test, strtok_r(NULL, " ,;", &last));
	KUNIT_EXPECT_NULL(test, strtok_r(NULL, ":", &olast));
}

static struct kunit_case bitext_cases[] = {
	KUNIT_CASE(bitext_table),
	KUNIT_CASE(bitext_bad_range),
	KUNIT_CASE(bitext_ffsll_flsll),
	KUNIT_CASE(bitext_strdup),
	KUNIT_CASE(bitext_strtok_r),
	{}
};

static struct kunit_suite bitext_suite = {
	.name = "ddi_compat_bitext",
	.test_cases = bitext_cases,
};

kunit_test_suite(bitext_suite);
