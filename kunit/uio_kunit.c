// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_uio: uiomove(9F), ureadc/uwritec, ddi_copyin(9F),
 * ddi_copyout(9F), copyin(9F), copyout(9F).
 *
 * KUnit runs in a kernel thread without a user address space, so user
 * copies here can only fail; successful user copies are exercised by
 * the guest tests (the sample drivers' read/write/ioctl).
 */
#include <kunit/test.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/uio.h>
#include <sys/file.h>
#include <sys/sunddi.h>
#include <sys/systm.h>

static void uio_setup(struct uio *uio, iovec_t *iov, int n, uio_seg_t seg)
{
	int i;

	memset(uio, 0, sizeof(*uio));
	uio->uio_iov = iov;
	uio->uio_iovcnt = n;
	uio->uio_segflg = seg;
	uio->uio_loffset = 100;
	for (i = 0; i < n; i++)
		uio->uio_resid += iov[i].iov_len;
}

static void uiomove_read_across_iovecs(struct kunit *test)
{
	char src[16] = "0123456789abcdef", a[5] = "", b[20] = "";
	iovec_t iov[3] = {
		{ .iov_base = (void __user __force *)a, .iov_len = 5 },
		{ .iov_base = NULL, .iov_len = 0 },
		{ .iov_base = (void __user __force *)b, .iov_len = 20 },
	};
	struct uio uio;

	uio_setup(&uio, iov, 3, UIO_SYSSPACE);
	KUNIT_ASSERT_EQ(test, uio.uio_resid, 25);
	KUNIT_EXPECT_EQ(test, uiomove(src, 16, UIO_READ, &uio), 0);
	KUNIT_EXPECT_EQ(test, memcmp(a, "01234", 5), 0);
	KUNIT_EXPECT_EQ(test, memcmp(b, "56789abcdef", 11), 0);
	KUNIT_EXPECT_EQ(test, b[11], 0);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 9);
	KUNIT_EXPECT_EQ(test, uio.uio_offset, 116);
	KUNIT_EXPECT_EQ(test, uio.uio_iovcnt, 1);
	KUNIT_EXPECT_EQ(test, uio.uio_iov->iov_len, 9);
	/* More than is left: stops at uio_resid. */
	KUNIT_EXPECT_EQ(test, uiomove(src, 16, UIO_READ, &uio), 0);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 0);
	KUNIT_EXPECT_EQ(test, memcmp(b + 11, "012345678", 9), 0);
	/* Nothing left: a no-op. */
	KUNIT_EXPECT_EQ(test, uiomove(src, 16, UIO_READ, &uio), 0);
	KUNIT_EXPECT_EQ(test, uio.uio_offset, 125);
}

static void uiomove_write_sysspace(struct kunit *test)
{
	char user[8] = "ABCDEFGH", drv[8] = "--------";
	iovec_t iov = { .iov_base = (void __user __force *)user, .iov_len = 8 };
	struct uio uio;

	uio_setup(&uio, &iov, 1, UIO_SYSSPACE);
	KUNIT_EXPECT_EQ(test, uiomove(drv, 3, UIO_WRITE, &uio), 0);
	KUNIT_EXPECT_EQ(test, memcmp(drv, "ABC-----", 8), 0);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 5);
	KUNIT_EXPECT_EQ(test, uwritec(&uio), 'D');
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 4);
	KUNIT_EXPECT_EQ(test, uiomove(drv + 3, 10, UIO_WRITE, &uio), 0);
	KUNIT_EXPECT_EQ(test, memcmp(drv, "ABCEFGH-", 8), 0);
	KUNIT_EXPECT_EQ(test, uwritec(&uio), -1);
}

static void ureadc_fills(struct kunit *test)
{
	char buf[2] = "";
	iovec_t iov = { .iov_base = (void __user __force *)buf, .iov_len = 2 };
	struct uio uio;

	uio_setup(&uio, &iov, 1, UIO_SYSSPACE);
	KUNIT_EXPECT_EQ(test, ureadc('x', &uio), 0);
	KUNIT_EXPECT_EQ(test, ureadc('y', &uio), 0);
	KUNIT_EXPECT_NE(test, ureadc('z', &uio), 0);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "xy", 2), 0);
}

static void uiomove_faults(struct kunit *test)
{
	char drv[8] = "keepthis";
	iovec_t iov = { .iov_base = (void __user *)16, .iov_len = 8 };
	struct uio uio;

	/* A user address with no user memory behind it. */
	uio_setup(&uio, &iov, 1, UIO_USERSPACE);
	KUNIT_EXPECT_EQ(test, uiomove(drv, 8, UIO_WRITE, &uio), EFAULT);
	KUNIT_EXPECT_EQ(test, memcmp(drv, "keepthis", 8), 0);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 8);
	KUNIT_EXPECT_EQ(test, uio.uio_offset, 100);
	KUNIT_EXPECT_EQ(test, uiomove(drv, 8, UIO_READ, &uio), EFAULT);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 8);
	/* A bad kernel source is caught too. */
	iov.iov_base = (void __user *)16;
	uio_setup(&uio, &iov, 1, UIO_SYSSPACE);
	KUNIT_EXPECT_EQ(test, uiomove(drv, 8, UIO_WRITE, &uio), EFAULT);
	KUNIT_EXPECT_EQ(test, memcmp(drv, "keepthis", 8), 0);
	/* Bad arguments. */
	KUNIT_EXPECT_EQ(test, uiomove(drv, 8, (enum uio_rw)7, &uio), EINVAL);
	KUNIT_EXPECT_EQ(test, uiomove(drv, 8, UIO_READ, NULL), EINVAL);
}

static void ddi_copy_fkioctl(struct kunit *test)
{
	u64 src = 0x1122334455667788ULL, dst = 0;

	/* FKIOCTL: the "user" buffer is a kernel address. */
	KUNIT_EXPECT_EQ(test, ddi_copyin(&src, &dst, sizeof(dst), FKIOCTL), 0);
	KUNIT_EXPECT_EQ(test, dst, src);
	dst = 0;
	KUNIT_EXPECT_EQ(test, ddi_copyout(&src, &dst, sizeof(dst),
					  FKIOCTL | FREAD), 0);
	KUNIT_EXPECT_EQ(test, dst, src);
	/* A bad kernel source gives -1 and leaves the buffer alone. */
	dst = 7;
	KUNIT_EXPECT_EQ(test, ddi_copyin((void *)16, &dst, sizeof(dst),
					 FKIOCTL), -1);
	KUNIT_EXPECT_EQ(test, dst, 7);
}

static void ddi_copy_user_faults(struct kunit *test)
{
	u64 v = 42;

	/* Without FKIOCTL the address is a user one: kernel ones fail. */
	KUNIT_EXPECT_EQ(test, ddi_copyin(&v, &v, sizeof(v), FREAD), -1);
	KUNIT_EXPECT_EQ(test, v, 42);
	KUNIT_EXPECT_EQ(test, ddi_copyin((void *)16, &v, sizeof(v), 0), -1);
	KUNIT_EXPECT_EQ(test, v, 42);	/* no zero fill */
	KUNIT_EXPECT_EQ(test, ddi_copyout(&v, (void *)16, sizeof(v), 0), -1);
	KUNIT_EXPECT_EQ(test, copyin((void *)16, &v, sizeof(v)), -1);
	KUNIT_EXPECT_EQ(test, v, 42);
	KUNIT_EXPECT_EQ(test, copyout(&v, (void *)16, sizeof(v)), -1);
	/* Zero bytes always succeed. */
	KUNIT_EXPECT_EQ(test, copyin((void *)16, &v, 0), 0);
}

static void strlcpy_bzero_bcopy(struct kunit *test)
{
	char buf[8];

	KUNIT_EXPECT_EQ(test, ddic_strlcpy(buf, "hello world", sizeof(buf)),
			11);
	KUNIT_EXPECT_STREQ(test, buf, "hello w");
	KUNIT_EXPECT_EQ(test, ddic_strlcpy(buf, "hi", 0), 2);
	KUNIT_EXPECT_STREQ(test, buf, "hello w");
	bcopy(buf, buf + 1, 5);		/* overlapping */
	KUNIT_EXPECT_EQ(test, memcmp(buf, "hhellow", 7), 0);
	bzero(buf, 3);
	KUNIT_EXPECT_EQ(test, memcmp(buf, "\0\0\0llow", 7), 0);
}

static struct kunit_case uio_cases[] = {
	KUNIT_CASE(uiomove_read_across_iovecs),
	KUNIT_CASE(uiomove_write_sysspace),
	KUNIT_CASE(ureadc_fills),
	KUNIT_CASE(uiomove_faults),
	KUNIT_CASE(ddi_copy_fkioctl),
	KUNIT_CASE(ddi_copy_user_faults),
	KUNIT_CASE(strlcpy_bzero_bcopy),
	{}
};

static struct kunit_suite uio_suite = {
	.name = "ddi_compat_uio",
	.test_cases = uio_cases,
};
kunit_test_suite(uio_suite);
