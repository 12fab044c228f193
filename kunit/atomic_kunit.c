// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_atomic: atomic_ops(9F) and membar_ops(9F).
 * Every function's return value (and the target after it) is checked,
 * including wrap-around at each width.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <sys/types.h>
#include <sys/atomic.h>

/* fn(&v, arg) returns the new value; v ends as expect. */
#define NV(fn, T, init, arg, expect)					\
	do {								\
		T v = (T)(init);				\
		T r = fn(&v, arg);					\
									\
		KUNIT_EXPECT_EQ_MSG(test, (u64)r, (u64)(T)(expect), #fn); \
		KUNIT_EXPECT_EQ_MSG(test, (u64)v, (u64)(T)(expect), #fn); \
		n++;							\
	} while (0)

/* fn(&v, arg) returns nothing; v ends as expect. */
#define VD(fn, T, init, arg, expect)					\
	do {								\
		T v = (T)(init);				\
									\
		fn(&v, arg);						\
		KUNIT_EXPECT_EQ_MSG(test, (u64)v, (u64)(T)(expect), #fn); \
		n++;							\
	} while (0)

#define NV0(fn, T, init, expect)					\
	do {								\
		T v = (T)(init);				\
		T r = fn(&v);						\
									\
		KUNIT_EXPECT_EQ_MSG(test, (u64)r, (u64)(T)(expect), #fn); \
		KUNIT_EXPECT_EQ_MSG(test, (u64)v, (u64)(T)(expect), #fn); \
		n++;							\
	} while (0)

#define VD0(fn, T, init, expect)					\
	do {								\
		T v = (T)(init);				\
									\
		fn(&v);							\
		KUNIT_EXPECT_EQ_MSG(test, (u64)v, (u64)(T)(expect), #fn); \
		n++;							\
	} while (0)

/* fn returns the old value; v ends as expect. */
#define OLD(fn, T, init, expect, ...)					\
	do {								\
		T v = (T)(init);				\
		T r = fn(&v, __VA_ARGS__);				\
									\
		KUNIT_EXPECT_EQ_MSG(test, (u64)r, (u64)(T)(init), #fn);	\
		KUNIT_EXPECT_EQ_MSG(test, (u64)v, (u64)(T)(expect), #fn); \
		n++;							\
	} while (0)

static void atomic_add_family(struct kunit *test)
{
	int n = 0;
	char buf[16];
	void *p = &buf[2];

	VD(atomic_add_8, uint8_t, 0xfe, 3, 0x01);
	VD(atomic_add_char, uchar_t, 5, -6, 0xff);
	VD(atomic_add_16, uint16_t, 0xfffe, 3, 1);
	VD(atomic_add_short, ushort_t, 1, -2, 0xffff);
	VD(atomic_add_32, uint32_t, 0xfffffffe, 3, 1);
	VD(atomic_add_int, uint_t, 10, -11, 0xffffffff);
	VD(atomic_add_long, ulong_t, 1, -2, ~0UL);
	VD(atomic_add_64, uint64_t, ~0ULL, 2, 1);
	NV(atomic_add_8_nv, uint8_t, 0xff, 1, 0);
	NV(atomic_add_char_nv, uchar_t, 0, -1, 0xff);
	NV(atomic_add_16_nv, uint16_t, 0x1234, 0x1111, 0x2345);
	NV(atomic_add_short_nv, ushort_t, 0, -1, 0xffff);
	NV(atomic_add_32_nv, uint32_t, 0x7fffffff, 1, 0x80000000);
	NV(atomic_add_int_nv, uint_t, 0, -5, 0xfffffffb);
	NV(atomic_add_long_nv, ulong_t, 100, -100, 0);
	NV(atomic_add_64_nv, uint64_t, 0xffffffffULL, 1, 0x100000000ULL);
	{
		void *q = p;
		void *r;

		atomic_add_ptr(&q, 4);
		KUNIT_EXPECT_PTR_EQ(test, (void *)q, (void *)&buf[6]);
		r = atomic_add_ptr_nv(&q, -6);
		KUNIT_EXPECT_PTR_EQ(test, r, (void *)&buf[0]);
		KUNIT_EXPECT_PTR_EQ(test, (void *)q, (void *)&buf[0]);
		n += 2;
	}
	KUNIT_EXPECT_EQ(test, n, 18);
}

static void atomic_and_or_family(struct kunit *test)
{
	int n = 0;

	VD(atomic_and_8, uint8_t, 0xf3, 0x3c, 0x30);
	VD(atomic_and_uchar, uchar_t, 0xff, 0x81, 0x81);
	VD(atomic_and_16, uint16_t, 0xffff, 0x0ff0, 0x0ff0);
	VD(atomic_and_ushort, ushort_t, 0x1234, 0xff00, 0x1200);
	VD(atomic_and_32, uint32_t, 0xdeadbeef, 0xffff0000, 0xdead0000);
	VD(atomic_and_uint, uint_t, 0xdeadbeef, 0x0000ffff, 0xbeef);
	VD(atomic_and_ulong, ulong_t, ~0UL, 0x5aUL, 0x5aUL);
	VD(atomic_and_64, uint64_t, 0xf0f0f0f0f0f0f0f0ULL, ~0ULL << 32,
	   0xf0f0f0f000000000ULL);
	NV(atomic_and_8_nv, uint8_t, 0xaa, 0x0f, 0x0a);
	NV(atomic_and_uchar_nv, uchar_t, 0x80, 0x7f, 0);
	NV(atomic_and_16_nv, uint16_t, 0xabcd, 0x00ff, 0x00cd);
	NV(atomic_and_ushort_nv, ushort_t, 0xabcd, 0xf000, 0xa000);
	NV(atomic_and_32_nv, uint32_t, 0x12345678, 0x0f0f0f0f, 0x02040608);
	NV(atomic_and_uint_nv, uint_t, 0xffffffff, 0x80000001, 0x80000001);
	NV(atomic_and_ulong_nv, ulong_t, 0x1234UL, 0x0ff0UL, 0x0230UL);
	NV(atomic_and_64_nv, uint64_t, ~0ULL, 0x8000000000000001ULL,
	   0x8000000000000001ULL);
	VD(atomic_or_8, uint8_t, 0x0f, 0xf0, 0xff);
	VD(atomic_or_uchar, uchar_t, 0x01, 0x80, 0x81);
	VD(atomic_or_16, uint16_t, 0x0100, 0x0001, 0x0101);
	VD(atomic_or_ushort, ushort_t, 0x8000, 0x0800, 0x8800);
	VD(atomic_or_32, uint32_t, 0x10000000, 1, 0x10000001);
	VD(atomic_or_uint, uint_t, 0, 0xcafe, 0xcafe);
	VD(atomic_or_ulong, ulong_t, 1UL, 2UL, 3UL);
	VD(atomic_or_64, uint64_t, 1ULL << 63, 1, (1ULL << 63) | 1);
	NV(atomic_or_8_nv, uint8_t, 0x40, 0x02, 0x42);
	NV(atomic_or_uchar_nv, uchar_t, 0, 0xff, 0xff);
	NV(atomic_or_16_nv, uint16_t, 0x00f0, 0x0f00, 0x0ff0);
	NV(atomic_or_ushort_nv, ushort_t, 0xa000, 0x000a, 0xa00a);
	NV(atomic_or_32_nv, uint32_t, 0x80000000, 0x7fffffff, 0xffffffff);
	NV(atomic_or_uint_nv, uint_t, 0x100, 0x1, 0x101);
	NV(atomic_or_ulong_nv, ulong_t, 0x10UL, 0x01UL, 0x11UL);
	NV(atomic_or_64_nv, uint64_t, 0x100000000ULL, 1, 0x100000001ULL);
	KUNIT_EXPECT_EQ(test, n, 32);
}

static void atomic_inc_dec_family(struct kunit *test)
{
	int n = 0;

	VD0(atomic_inc_8, uint8_t, 0xff, 0);
	VD0(atomic_inc_uchar, uchar_t, 7, 8);
	VD0(atomic_inc_16, uint16_t, 0xffff, 0);
	VD0(atomic_inc_ushort, ushort_t, 0x00ff, 0x0100);
	VD0(atomic_inc_32, uint32_t, 0xffffffff, 0);
	VD0(atomic_inc_uint, uint_t, 41, 42);
	VD0(atomic_inc_ulong, ulong_t, ~0UL, 0);
	VD0(atomic_inc_64, uint64_t, 0xffffffffULL, 0x100000000ULL);
	NV0(atomic_inc_8_nv, uint8_t, 0x7f, 0x80);
	NV0(atomic_inc_uchar_nv, uchar_t, 0xff, 0);
	NV0(atomic_inc_16_nv, uint16_t, 0x7fff, 0x8000);
	NV0(atomic_inc_ushort_nv, ushort_t, 0xffff, 0);
	NV0(atomic_inc_32_nv, uint32_t, 0, 1);
	NV0(atomic_inc_uint_nv, uint_t, 0xffffffff, 0);
	NV0(atomic_inc_ulong_nv, ulong_t, 9UL, 10UL);
	NV0(atomic_inc_64_nv, uint64_t, ~0ULL, 0);
	VD0(atomic_dec_8, uint8_t, 0, 0xff);
	VD0(atomic_dec_uchar, uchar_t, 8, 7);
	VD0(atomic_dec_16, uint16_t, 0, 0xffff);
	VD0(atomic_dec_ushort, ushort_t, 0x0100, 0x00ff);
	VD0(atomic_dec_32, uint32_t, 0, 0xffffffff);
	VD0(atomic_dec_uint, uint_t, 42, 41);
	VD0(atomic_dec_ulong, ulong_t, 0, ~0UL);
	VD0(atomic_dec_64, uint64_t, 0x100000000ULL, 0xffffffffULL);
	NV0(atomic_dec_8_nv, uint8_t, 1, 0);	/* the refcount idiom */
	NV0(atomic_dec_uchar_nv, uchar_t, 0, 0xff);
	NV0(atomic_dec_16_nv, uint16_t, 0x8000, 0x7fff);
	NV0(atomic_dec_ushort_nv, ushort_t, 1, 0);
	NV0(atomic_dec_32_nv, uint32_t, 1, 0);
	NV0(atomic_dec_uint_nv, uint_t, 0, 0xffffffff);
	NV0(atomic_dec_ulong_nv, ulong_t, 1UL, 0);
	NV0(atomic_dec_64_nv, uint64_t, 0, ~0ULL);
	KUNIT_EXPECT_EQ(test, n, 32);
}

static void atomic_cas_swap_family(struct kunit *test)
{
	int n = 0, x, y;

	/* cas: returns the old value; stores only if it matched. */
	OLD(atomic_cas_8, uint8_t, 0x11, 0x22, 0x11, 0x22);
	OLD(atomic_cas_8, uint8_t, 0x11, 0x11, 0x33, 0x22);
	OLD(atomic_cas_uchar, uchar_t, 0xff, 0, 0xff, 0);
	OLD(atomic_cas_16, uint16_t, 0xbeef, 0xcafe, 0xbeef, 0xcafe);
	OLD(atomic_cas_16, uint16_t, 0xbeef, 0xbeef, 0xbeee, 0xcafe);
	OLD(atomic_cas_ushort, ushort_t, 1, 2, 1, 2);
	OLD(atomic_cas_32, uint32_t, 0xdeadbeef, 7, 0xdeadbeef, 7);
	OLD(atomic_cas_32, uint32_t, 0xdeadbeef, 0xdeadbeef, 0, 7);
	OLD(atomic_cas_uint, uint_t, 5, 6, 5, 6);
	OLD(atomic_cas_ulong, ulong_t, ~0UL, 3UL, ~0UL, 3UL);
	OLD(atomic_cas_ulong, ulong_t, ~0UL, ~0UL, 0UL, 3UL);
	OLD(atomic_cas_64, uint64_t, 1ULL << 40, 9, 1ULL << 40, 9);
	OLD(atomic_cas_64, uint64_t, 1ULL << 40, 1ULL << 40, 1, 9);
	OLD(atomic_swap_8, uint8_t, 0xab, 0xcd, 0xcd);
	OLD(atomic_swap_uchar, uchar_t, 0, 0xff, 0xff);
	OLD(atomic_swap_16, uint16_t, 0x1234, 0x4321, 0x4321);
	OLD(atomic_swap_ushort, ushort_t, 0xffff, 1, 1);
	OLD(atomic_swap_32, uint32_t, 0xfeedface, 2, 2);
	OLD(atomic_swap_uint, uint_t, 3, 0xffffffff, 0xffffffff);
	OLD(atomic_swap_ulong, ulong_t, 4UL, ~0UL, ~0UL);
	OLD(atomic_swap_64, uint64_t, ~0ULL, 5, 5);
	{
		void *q = &x;

		KUNIT_EXPECT_PTR_EQ(test, atomic_cas_ptr(&q, &x, &y),
				    (void *)&x);
		KUNIT_EXPECT_PTR_EQ(test, (void *)q, (void *)&y);
		KUNIT_EXPECT_PTR_EQ(test, atomic_cas_ptr(&q, &x, NULL),
				    (void *)&y);
		KUNIT_EXPECT_PTR_EQ(test, (void *)q, (void *)&y);
		KUNIT_EXPECT_PTR_EQ(test, atomic_swap_ptr(&q, &x),
				    (void *)&y);
		KUNIT_EXPECT_PTR_EQ(test, (void *)q, (void *)&x);
		n += 3;
	}
	KUNIT_EXPECT_EQ(test, n, 24);
}

static void atomic_bits_excl(struct kunit *test)
{
	ulong_t w = 0;

	KUNIT_EXPECT_EQ(test, atomic_set_long_excl(&w, 0), 0);
	KUNIT_EXPECT_EQ(test, atomic_set_long_excl(&w, 0), -1);
	KUNIT_EXPECT_EQ(test, atomic_set_long_excl(&w, BITS_PER_LONG - 1), 0);
	KUNIT_EXPECT_EQ(test, w, 1UL | (1UL << (BITS_PER_LONG - 1)));
	KUNIT_EXPECT_EQ(test, atomic_clear_long_excl(&w, 0), 0);
	KUNIT_EXPECT_EQ(test, atomic_clear_long_excl(&w, 0), -1);
	KUNIT_EXPECT_EQ(test, atomic_clear_long_excl(&w, 5), -1);
	KUNIT_EXPECT_EQ(test, w, 1UL << (BITS_PER_LONG - 1));
}

/* Two threads hammer the same counters: nothing is lost. */
#define AT_ROUNDS	100000

struct at_ctx {
	uint32_t c32;
	uint64_t c64;
	uint16_t c16;
	uint8_t c8;
	ulong_t bits;
	uint32_t data, flag, seen;
	struct completion done[2];
	struct at_arg {
		struct at_ctx *c;
		int id;
	} arg[2];
};

static int at_thread(void *p)
{
	struct at_arg *a = p;
	struct at_ctx *c = a->c;
	int i;

	for (i = 0; i < AT_ROUNDS; i++) {
		atomic_inc_32(&c->c32);
		atomic_add_64(&c->c64, 3);
		atomic_inc_16(&c->c16);
		atomic_add_8(&c->c8, 1);
		if (a->id)
			atomic_or_ulong(&c->bits, 1UL << (i % 32));
		else
			atomic_and_ulong(&c->bits, ~(1UL << 32));
	}
	/* membar_producer/consumer: data before flag, read back in order. */
	if (a->id) {
		c->data = 0x5eed;
		membar_producer();
		c->flag = 1;
	} else {
		while (!READ_ONCE(c->flag))
			cpu_relax();
		membar_consumer();
		c->seen = c->data;
		membar_enter();
		membar_exit();
		membar_sync();
	}
	kthread_complete_and_exit(&c->done[a->id], 0);
}

static void atomic_concurrent_counts(struct kunit *test)
{
	struct at_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	for (i = 0; i < 2; i++) {
		c->arg[i].c = c;
		c->arg[i].id = i;
		init_completion(&c->done[i]);
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(at_thread,
							    &c->arg[i],
							    "atm%d", i)));
	}
	for (i = 0; i < 2; i++)
		KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c->done[i],
								    30 * HZ));
	KUNIT_EXPECT_EQ(test, c->c32, 2 * AT_ROUNDS);
	KUNIT_EXPECT_EQ(test, c->c64, 6ULL * AT_ROUNDS);
	KUNIT_EXPECT_EQ(test, c->c16, (2 * AT_ROUNDS) & 0xffff);
	KUNIT_EXPECT_EQ(test, c->c8, (2 * AT_ROUNDS) & 0xff);
	KUNIT_EXPECT_EQ(test, c->bits, 0xffffffffUL);
	KUNIT_EXPECT_EQ(test, c->seen, 0x5eed);
}

static struct kunit_case atomic_cases[] = {
	KUNIT_CASE(atomic_add_family),
	KUNIT_CASE(atomic_and_or_family),
	KUNIT_CASE(atomic_inc_dec_family),
	KUNIT_CASE(atomic_cas_swap_family),
	KUNIT_CASE(atomic_bits_excl),
	KUNIT_CASE(atomic_concurrent_counts),
	{}
};

static struct kunit_suite atomic_suite = {
	.name = "ddi_compat_atomic",
	.test_cases = atomic_cases,
};
kunit_test_suite(atomic_suite);
