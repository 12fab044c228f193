// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_model: STRUCT_DECL(9F) and family with a struct
 * and its ILP32 twin, read and written in both data models, as an ioctl
 * does after ddi_copyin of the caller's layout.
 */
#include <kunit/test.h>
#include <sys/types.h>
#include <sys/types32.h>
#include <sys/model.h>
#include <sys/sunddi.h>

struct mdl_arg {
	int	ma_cmd;
	long	ma_len;
	caddr_t	ma_buf;
	int	ma_flags;
};

struct mdl_arg32 {
	int32_t		ma_cmd;
	int32_t		ma_len;
	caddr32_t	ma_buf;
	int32_t		ma_flags;
};

static void model_sizes(struct kunit *test)
{
	STRUCT_DECL(mdl_arg, a);

	KUNIT_EXPECT_EQ(test, SIZEOF_PTR(DDI_MODEL_ILP32), 4);
	KUNIT_EXPECT_EQ(test, SIZEOF_PTR(DDI_MODEL_LP64), sizeof(void *));
	KUNIT_EXPECT_EQ(test, SIZEOF_PTR(DDI_MODEL_NONE), sizeof(void *));
	/* Other bits of an ioctl mode do not change the model. */
	KUNIT_EXPECT_EQ(test, SIZEOF_PTR(DDI_MODEL_ILP32 | 0x3), 4);
	KUNIT_EXPECT_EQ(test, SIZEOF_STRUCT(mdl_arg, DDI_MODEL_ILP32), 16);
	KUNIT_EXPECT_EQ(test, SIZEOF_STRUCT(mdl_arg, DDI_MODEL_LP64),
			sizeof(struct mdl_arg));
	STRUCT_INIT(a, DDI_MODEL_ILP32 | 0x3);
	KUNIT_EXPECT_EQ(test, STRUCT_SIZE(a), sizeof(struct mdl_arg32));
	STRUCT_INIT(a, DDI_MODEL_NATIVE);
	KUNIT_EXPECT_EQ(test, STRUCT_SIZE(a), sizeof(struct mdl_arg));
	STRUCT_INIT(a, DDI_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, STRUCT_SIZE(a), sizeof(struct mdl_arg));
}

/* What a 32-bit process passed: its layout, read through the handle. */
static void model_ilp32(struct kunit *test)
{
	struct mdl_arg32 in = {
		.ma_cmd = 7, .ma_len = -3, .ma_flags = 0x55,
		.ma_buf = (caddr32_t)0x1000,
	};
	STRUCT_DECL(mdl_arg, a);

	STRUCT_INIT(a, DDI_MODEL_ILP32);
	KUNIT_ASSERT_PTR_EQ(test, (void *)STRUCT_BUF(a), (void *)&__a_buf);
	memcpy(STRUCT_BUF(a), &in, STRUCT_SIZE(a));
	KUNIT_EXPECT_EQ(test, STRUCT_FGET(a, ma_cmd), 7);
	KUNIT_EXPECT_EQ(test, (long)STRUCT_FGET(a, ma_len), -3L);
	KUNIT_EXPECT_EQ(test, STRUCT_FGET(a, ma_flags), 0x55);
	KUNIT_EXPECT_PTR_EQ(test, STRUCT_FGETP(a, ma_buf), (void *)0x1000);
	KUNIT_EXPECT_PTR_EQ(test, STRUCT_FADDR(a, ma_flags),
			    (void *)((char *)STRUCT_BUF(a) + 12));

	STRUCT_FSET(a, ma_len, 4096);
	STRUCT_FSETP(a, ma_buf, (caddr_t)0x2000);
	memcpy(&in, STRUCT_BUF(a), sizeof(in));
	KUNIT_EXPECT_EQ(test, in.ma_len, 4096);
	KUNIT_EXPECT_EQ(test, in.ma_buf, (caddr32_t)0x2000);
	KUNIT_EXPECT_EQ(test, in.ma_flags, 0x55);
	/* The field addresses a driver hands to ddi_copyout(9F). */
	KUNIT_EXPECT_PTR_EQ(test, STRUCT_FADDR(a, ma_buf),
			    (void *)((char *)STRUCT_BUF(a) + 8));
}

/* A 64-bit caller's struct, through a handle on the driver's own copy. */
static void model_lp64_handle(struct kunit *test)
{
	static char data[8];
	struct mdl_arg arg = { .ma_cmd = 9, .ma_len = 1L << 40,
			       .ma_buf = data, .ma_flags = 2 };
	STRUCT_HANDLE(mdl_arg, h);

	STRUCT_SET_HANDLE(h, DDI_MODEL_LP64 | 0x1, &arg);
	KUNIT_EXPECT_PTR_EQ(test, (void *)STRUCT_BUF(h), (void *)&arg);
	KUNIT_EXPECT_EQ(test, STRUCT_SIZE(h), sizeof(arg));
	KUNIT_EXPECT_EQ(test, STRUCT_FGET(h, ma_cmd), 9);
	KUNIT_EXPECT_EQ(test, (long)STRUCT_FGET(h, ma_len), 1L << 40);
	KUNIT_EXPECT_PTR_EQ(test, STRUCT_FGETP(h, ma_buf), (void *)data);
	KUNIT_EXPECT_PTR_EQ(test, STRUCT_FADDR(h, ma_flags),
			    (void *)&arg.ma_flags);
	STRUCT_FSET(h, ma_flags, 6);
	STRUCT_FSETP(h, ma_buf, data + 1);
	KUNIT_EXPECT_EQ(test, arg.ma_flags, 6);
	KUNIT_EXPECT_PTR_EQ(test, (void *)arg.ma_buf, (void *)(data + 1));

	/* The same handle re-pointed at an ILP32 copy. */
	{
		struct mdl_arg32 a32 = { .ma_cmd = 1, .ma_len = 2,
					 .ma_buf = 0x30, .ma_flags = 4 };

		STRUCT_SET_HANDLE(h, DDI_MODEL_ILP32, &a32);
		KUNIT_EXPECT_EQ(test, STRUCT_SIZE(h), sizeof(a32));
		KUNIT_EXPECT_EQ(test, STRUCT_FGET(h, ma_flags), 4);
		KUNIT_EXPECT_PTR_EQ(test, STRUCT_FGETP(h, ma_buf),
				    (void *)0x30);
	}
}

static struct kunit_case model_cases[] = {
	KUNIT_CASE(model_sizes),
	KUNIT_CASE(model_ilp32),
	KUNIT_CASE(model_lp64_handle),
	{}
};

static struct kunit_suite model_suite = {
	.name = "ddi_compat_model",
	.test_cases = model_cases,
};

kunit_test_suite(model_suite);
