// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_sysmacros: the compile-level macros of
 * <sys/sysmacros.h>, <sys/byteorder.h>, <sys/debug.h> and <sys/note.h>,
 * with the examples of illumos's <sys/sysmacros.h> comments as cases.
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/sysmacros.h>
#include <sys/byteorder.h>
#include <sys/debug.h>
#include <sys/note.h>
#include <sys/ctype.h>
#include <sys/stdbool.h>
#include <sys/ccompile.h>
#include <sys/pci.h>
/* Headers illumos drivers include for a few names or none (virtio, vio9p) */
#include <sys/autoconf.h>
#include <sys/avintr.h>
#include <sys/spl.h>
#include <sys/bootconf.h>
#include <sys/bootsvcs.h>
#include <sys/stropts.h>
#include <sys/stream.h>
#include <sys/strsubr.h>
#include <sys/ddi_impldefs.h>

NOTE(SCHEME_PROTECTS_DATA("test only", sm_counter))
static int sm_counter;

static const struct {
	const char *what;
	unsigned long got, expect;
} p2_cases[] = {
	{ "P2ALIGN(1200, 1024)", P2ALIGN(1200, 1024), 1024 },
	{ "P2ALIGN(1024, 1024)", P2ALIGN(1024, 1024), 1024 },
	{ "P2ALIGN(0x1234, 0x100)", P2ALIGN(0x1234, 0x100), 0x1200 },
	{ "P2ALIGN(0x5600, 0x100)", P2ALIGN(0x5600, 0x100), 0x5600 },
	{ "P2PHASE(0x1234, 0x100)", P2PHASE(0x1234, 0x100), 0x34 },
	{ "P2PHASE(0x5600, 0x100)", P2PHASE(0x5600, 0x100), 0 },
	{ "P2NPHASE(0x1234, 0x100)", P2NPHASE(0x1234, 0x100), 0xcc },
	{ "P2NPHASE(0x5600, 0x100)", P2NPHASE(0x5600, 0x100), 0 },
	{ "P2ROUNDUP(0x1234, 0x100)", P2ROUNDUP(0x1234, 0x100), 0x1300 },
	{ "P2ROUNDUP(0x5600, 0x100)", P2ROUNDUP(0x5600, 0x100), 0x5600 },
	/*
	 * illumos's comment says 0x12ff and 0x56ff, but its definition,
	 * -(~(x) & -(align)), gives the first address of the next block;
	 * drivers get the definition, so that is what is checked.
	 */
	{ "P2END(0x1234, 0x100)", P2END(0x1234, 0x100), 0x1300 },
	{ "P2END(0x5600, 0x100)", P2END(0x5600, 0x100), 0x5700 },
	{ "P2PHASEUP(0x1234, 0x100, 0x10)", P2PHASEUP(0x1234, 0x100, 0x10),
	  0x1310 },
	{ "P2PHASEUP(0x5600, 0x100, 0x10)", P2PHASEUP(0x5600, 0x100, 0x10),
	  0x5610 },
	{ "P2BOUNDARY(0x1234, 0xe0, 0x100)", P2BOUNDARY(0x1234, 0xe0, 0x100),
	  1 },
	{ "P2BOUNDARY(0x1234, 0x50, 0x100)", P2BOUNDARY(0x1234, 0x50, 0x100),
	  0 },
	{ "P2SAMEHIGHBIT(0x1234, 0x1001)", P2SAMEHIGHBIT(0x1234, 0x1001), 1 },
	{ "P2SAMEHIGHBIT(0x1234, 0x3010)", P2SAMEHIGHBIT(0x1234, 0x3010), 0 },
	{ "P2CROSS(0x10ff, 0x1100, 0x100)", P2CROSS(0x10ff, 0x1100, 0x100),
	  1 },
	{ "P2CROSS(0x1100, 0x11ff, 0x100)", P2CROSS(0x1100, 0x11ff, 0x100),
	  0 },
	{ "ISP2(64)", ISP2(64), 1 },
	{ "ISP2(96)", ISP2(96), 0 },
	{ "IS_P2ALIGNED(0x2000, 0x1000)", IS_P2ALIGNED(0x2000, 0x1000), 1 },
	{ "IS_P2ALIGNED(0x2010, 0x1000)", IS_P2ALIGNED(0x2010, 0x1000), 0 },
	{ "howmany(9, 4)", howmany(9, 4), 3 },
};

static void p2_macros_table(struct kunit *test)
{
	int i;

	for (i = 0; i < ARRAY_SIZE(p2_cases); i++)
		KUNIT_EXPECT_EQ_MSG(test, p2_cases[i].got, p2_cases[i].expect,
				    "%s", p2_cases[i].what);
}

static void p2_typed_macros(struct kunit *test)
{
	uint64_t big = 0x100000001ULL;
	uint32_t small = 0x1234;

	/* A 32-bit alignment applied to a 64-bit value keeps the high half. */
	KUNIT_EXPECT_EQ(test, P2ROUNDUP_TYPED(big, 4096U, uint64_t),
			0x100001000ULL);
	KUNIT_EXPECT_EQ(test, P2ALIGN_TYPED(big, 4096U, uint64_t),
			0x100000000ULL);
	KUNIT_EXPECT_EQ(test, P2PHASE_TYPED(big, 4096U, uint64_t), 1);
	KUNIT_EXPECT_EQ(test, P2NPHASE_TYPED(big, 4096U, uint64_t), 4095);
	KUNIT_EXPECT_EQ(test, P2END_TYPED(small, 0x100, uint32_t), 0x1300);
	KUNIT_EXPECT_EQ(test, P2PHASEUP_TYPED(small, 0x100, 0x10, uint32_t),
			0x1310);
	KUNIT_EXPECT_EQ(test, P2CROSS_TYPED(0x10ff, 0x1100, 0x100, uint32_t),
			1);
	KUNIT_EXPECT_EQ(test, P2SAMEHIGHBIT_TYPED(0x1234, 0x1001, uint32_t),
			1);
}

static void byteorder_macros(struct kunit *test)
{
	static const uint8_t be[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
	uint8_t out[9] = { };

	KUNIT_EXPECT_EQ(test, BSWAP_8(0x1234), 0x34);
	KUNIT_EXPECT_EQ(test, BSWAP_16(0x1234), 0x3412);
	KUNIT_EXPECT_EQ(test, BSWAP_32(0x12345678), 0x78563412);
	KUNIT_EXPECT_EQ(test, BSWAP_64(0x0102030405060708ULL),
			0x0807060504030201ULL);
	/* LE_* and BE_* read memory laid out in that order. */
	KUNIT_EXPECT_EQ(test, BE_32(*(const uint32_t *)be), 0x01020304);
	KUNIT_EXPECT_EQ(test, LE_32(*(const uint32_t *)be), 0x04030201);
	KUNIT_EXPECT_EQ(test, BE_16(*(const uint16_t *)be), 0x0102);
	KUNIT_EXPECT_EQ(test, LE_16(*(const uint16_t *)be), 0x0201);
	KUNIT_EXPECT_EQ(test, BE_64(*(const uint64_t *)be),
			0x0102030405060708ULL);
	KUNIT_EXPECT_EQ(test, LE_64(*(const uint64_t *)be),
			0x0807060504030201ULL);
	KUNIT_EXPECT_EQ(test, htonll(0x0102030405060708ULL),
			BE_64(0x0102030405060708ULL));
	KUNIT_EXPECT_EQ(test, ntohll(htonll(42ULL)), 42ULL);
	/* Unaligned byte arrays. */
	KUNIT_EXPECT_EQ(test, BE_IN32(&be[1]), 0x02030405);
	KUNIT_EXPECT_EQ(test, LE_IN16(&be[3]), 0x0504);
	BE_OUT32(&out[1], 0xa1b2c3d4);
	LE_OUT16(&out[5], 0xeeff);
	KUNIT_EXPECT_EQ(test, out[1], 0xa1);
	KUNIT_EXPECT_EQ(test, out[4], 0xd4);
	KUNIT_EXPECT_EQ(test, out[5], 0xff);
	KUNIT_EXPECT_EQ(test, out[6], 0xee);
}

static int sm_bump(void)
{
	return ++sm_counter;
}

static int sm_unused_arg(int used, int arg __unused)
{
	_NOTE(ARGUNUSED(arg))
	return used;
}

static void verify_and_assert_macros(struct kunit *test)
{
#ifndef __CHECKER__	/* sparse segfaults on this body; the compiler checks it */
	int x = 3;
	void *p = &x;
	union {
		uint8_t byte;
		struct {
			DECL_BITFIELD2(lo : 4, hi : 4);
		};
	} bf = { .byte = 0 };

	sm_counter = 0;
	/* Each side is evaluated once, passing checks do nothing. */
	VERIFY3U(sm_bump(), ==, 1);
	VERIFY3S(-1, <, sm_bump());
	VERIFY3P(p, ==, &x);
	VERIFY3U(0xffffffffULL, <, 0x100000000ULL);	/* no truncation */
	VERIFY3S((int64_t)-5, <, 5);
	VERIFY0(sm_counter - 2);
	KUNIT_EXPECT_EQ(test, sm_counter, 2);
	ASSERT3U(x, ==, 3);
	ASSERT3S(x, >, 0);
	ASSERT3P(p, !=, NULL);
	ASSERT0(x - 3);
	IMPLY(x == 3, p != NULL);
	EQUIV(x == 3, p != NULL);
	CTASSERT(sizeof(uint32_t) == 4);
	KUNIT_EXPECT_EQ(test, sm_unused_arg(7, 8), 7);
	bf.lo = 1;	/* declared low bits first */
	bf.hi = 2;
	KUNIT_EXPECT_EQ(test, bf.byte, 0x21);
	KUNIT_EXPECT_EQ(test, ARRAY_SIZE(p2_cases), 25);
	KUNIT_EXPECT_EQ(test, offsetof(struct kunit_case, run_case), 0);
#endif
}

/*
 * <sys/ctype.h>'s classes are ASCII ranges (a byte above 0x7f is in none);
 * PCI_EINVAL* are what a failed configuration read gives; <sys/stdbool.h>
 * and <sys/ccompile.h> name C99's bool and the attributes; the headers of
 * internals bring what illumos's bring (ddi_impldefs.h: id_space, avl,
 * membar_*, LE_*).
 */
struct sm_packed {
	uint8_t a;
	uint32_t b;
} __packed;

static void ctype_and_header_names(struct kunit *test)
{
	static const char digits[] = "0123456789";
	int c, n = 0;
	bool t = true;
	avl_tree_t *avl = NULL;
	id_space_t *ids = NULL;

	for (c = 0; c < 256; c++) {
		n += ISDIGIT(c);
		KUNIT_EXPECT_EQ(test, !!ISDIGIT(c), c >= '0' && c <= '9');
		KUNIT_EXPECT_EQ(test, !!ISXDIGIT(c), strchr("0123456789abcdefABCDEF", c) && c);
		KUNIT_EXPECT_EQ(test, !!ISALPHA(c), (c | 0x20) >= 'a' && (c | 0x20) <= 'z');
		KUNIT_EXPECT_EQ(test, !!ISALNUM(c), ISALPHA(c) || ISDIGIT(c));
		KUNIT_EXPECT_EQ(test, !!ISPRINT(c), c >= 0x20 && c <= 0x7e);
		KUNIT_EXPECT_EQ(test, !!ISUPPER(c), c >= 'A' && c <= 'Z');
		KUNIT_EXPECT_EQ(test, !!ISLOWER(c), c >= 'a' && c <= 'z');
	}
	KUNIT_EXPECT_EQ(test, n, (int)strlen(digits));
	KUNIT_EXPECT_TRUE(test, ISSPACE(' ') && ISSPACE('\t') && ISSPACE('\n') &&
			  ISSPACE('\r'));
	KUNIT_EXPECT_FALSE(test, ISSPACE('\v') || ISSPACE('x') || ISSPACE(0));
	KUNIT_EXPECT_TRUE(test, isdigit('7') && !isdigit('a') && isxdigit('F'));
	KUNIT_EXPECT_EQ(test, PCI_EINVAL8, 0xff);
	KUNIT_EXPECT_EQ(test, PCI_EINVAL16, 0xffff);
	KUNIT_EXPECT_EQ(test, PCI_EINVAL32, 0xffffffffU);
	KUNIT_EXPECT_EQ(test, __bool_true_false_are_defined, 1);
	KUNIT_EXPECT_TRUE(test, t);
	KUNIT_EXPECT_EQ(test, sizeof(struct sm_packed), 5);
	KUNIT_EXPECT_EQ(test, LE_32(1), 1);
	membar_producer();
	membar_consumer();
	KUNIT_EXPECT_PTR_EQ(test, avl, NULL);
	KUNIT_EXPECT_PTR_EQ(test, ids, NULL);
}

static struct kunit_case sysmacros_cases[] = {
	KUNIT_CASE(p2_macros_table),
	KUNIT_CASE(p2_typed_macros),
	KUNIT_CASE(byteorder_macros),
	KUNIT_CASE(verify_and_assert_macros),
	KUNIT_CASE(ctype_and_header_names),
	{}
};

static struct kunit_suite sysmacros_suite = {
	.name = "ddi_compat_sysmacros",
	.test_cases = sysmacros_cases,
};
kunit_test_suite(sysmacros_suite);
