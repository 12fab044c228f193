// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_buf_errors: struct buf allocation and physio(9F)
 * under allocation failure and with careless drivers (ddi_compat/buf.c),
 * the cases audit 2 found: getrbuf(KM_SLEEP) returning NULL (finding 6),
 * a physio buf reaching strategy(9E) unmapped when bp_mapin()'s vmap
 * fails (2), a mincnt that does not cap (21).
 *
 * Failures are injected with failslab and the task's fail_nth, with
 * failslab's ignore-gfp-wait turned off for the duration (the debugfs
 * files take only user buffers, so the variables behind them are set).
 */
#define _DDI_COMPAT_IMPL
#include <kunit/test.h>
#include "ddic_kunit.h"
#include <linux/debugfs.h>
#include <linux/mman.h>
#include <linux/sched.h>
#include <linux/uaccess.h>
#include <linux/vmalloc.h>
#include <sys/types.h>
#include <sys/buf.h>
#include <sys/uio.h>
#include <sys/kmem.h>
#include <sys/param.h>
#include <sys/sunddi.h>

#ifdef CONFIG_FAULT_INJECTION_DEBUG_FS
/* failslab's ignore-gfp-wait and verbose, found behind their files. */
static bool *fs_ignore_wait;
static unsigned long *fs_verbose;
static bool fs_saved_ignore;
static unsigned long fs_saved_verbose;

/* Make GFP_KERNEL slab allocations injectable; false if we cannot. */
static bool fs_arm(void)
{
	struct dentry *dir = debugfs_lookup("failslab", NULL);

	if (IS_ERR_OR_NULL(dir))
		return false;
	fs_ignore_wait = ddic_kunit_debugfs_knob(dir, "ignore-gfp-wait");
	fs_verbose = ddic_kunit_debugfs_knob(dir, "verbose");
	dput(dir);
	if (!fs_ignore_wait || !fs_verbose)
		return false;
	fs_saved_ignore = *fs_ignore_wait;
	fs_saved_verbose = *fs_verbose;
	*fs_ignore_wait = false;
	*fs_verbose = 0;
	return true;
}

static void fs_disarm(void)
{
	current->fail_nth = 0;
	*fs_ignore_wait = fs_saved_ignore;
	*fs_verbose = fs_saved_verbose;
}
#else
static bool fs_arm(void)
{
	return false;
}

static void fs_disarm(void)
{
}
#endif

/* Finding 6: getrbuf(KM_SLEEP) does not fail, as on Solaris. */
static void getrbuf_sleep_never_null(struct kunit *test)
{
	struct buf *bp;
	int n;

	if (!fs_arm())
		kunit_skip(test, "failslab debugfs attributes missing");
	for (n = 1; n <= 3; n++) {
		current->fail_nth = n;
		bp = getrbuf(KM_SLEEP);
		current->fail_nth = 0;
		KUNIT_EXPECT_NOT_NULL_MSG(test, bp, "fail-nth %d", n);
		if (bp) {
			KUNIT_EXPECT_TRUE(test, bp->b_flags & B_BUSY);
			freerbuf(bp);
		}
	}
	/* KM_NOSLEEP may fail, and says so with NULL. */
	current->fail_nth = 1;
	bp = getrbuf(KM_NOSLEEP);
	fs_disarm();
	KUNIT_EXPECT_NULL(test, bp);
	freerbuf(bp);
}

static struct {
	int calls;
	size_t max_bcount;
	int unmapped;		/* bufs whose address stayed a user one */
} fs_st;

/* A Solaris strategy: bp_mapin() and write, no error check (finding 2). */
static int careless_strategy(struct buf *bp)
{
	fs_st.calls++;
	fs_st.max_bcount = max(fs_st.max_bcount, bp->b_bcount);
	bp_mapin(bp);
	if ((unsigned long)bp->b_un.b_addr < TASK_SIZE_MAX)
		fs_st.unmapped++;	/* would write user memory: don't */
	else
		memset(bp->b_un.b_addr, 0x6b, bp->b_bcount);
	biodone(bp);
	return 0;
}

static void nocap_mincnt(struct buf *bp)
{
}

static void sys_uio(struct uio *uio, struct iovec *iov, void *buf,
		    size_t len)
{
	iov->iov_base = (void __user __force *)buf;
	iov->iov_len = len;
	memset(uio, 0, sizeof(*uio));
	uio->uio_iov = iov;
	uio->uio_iovcnt = 1;
	uio->uio_segflg = UIO_SYSSPACE;
	uio->uio_resid = len;
}

/* Finding 21: a mincnt that does not cap still gets DDIC_MAXPHYS bufs. */
static void physio_caps_uncapped_mincnt(struct kunit *test)
{
	size_t len = 2 * DDIC_MAXPHYS + 8192;
	char *buf = vzalloc(len);
	struct iovec iov;
	struct uio uio;

	KUNIT_ASSERT_NOT_NULL(test, buf);
	memset(&fs_st, 0, sizeof(fs_st));
	sys_uio(&uio, &iov, buf, len);
	KUNIT_EXPECT_EQ(test, physio(careless_strategy, NULL, 0, B_READ,
				     nocap_mincnt, &uio), 0);
	KUNIT_EXPECT_EQ(test, uio.uio_resid, 0);
	KUNIT_EXPECT_LE(test, fs_st.max_bcount, (size_t)DDIC_MAXPHYS);
	KUNIT_EXPECT_EQ(test, fs_st.calls, 3);
	KUNIT_EXPECT_EQ(test, buf[len - 1], 0x6b);
	vfree(buf);
}

#ifdef DDIC_HAVE_KUNIT_VM_MMAP
/*
 * Finding 2: a multi-page user physio buf reaches strategy(9E) mapped,
 * whatever allocation fails: fail-nth over every allocation of a 3-page
 * raw read; each read succeeds or fails with ENOMEM.
 */
static void physio_user_buf_always_mapped(struct kunit *test)
{
	size_t len = 3 * PAGE_SIZE;
	unsigned long ua;
	struct iovec iov;
	struct uio uio;
	char c = 0;
	int n, err, left = 0;

	ua = kunit_vm_mmap(test, NULL, 0, 4 * PAGE_SIZE,
			   PROT_READ | PROT_WRITE, MAP_ANONYMOUS | MAP_PRIVATE,
			   0);
	KUNIT_ASSERT_NE(test, ua, 0UL);
	/* Populated: the sweep then fails physio's allocations only. */
	KUNIT_ASSERT_EQ(test, clear_user((void __user *)ua, 4 * PAGE_SIZE),
			0UL);
	ua += 512;		/* spans four pages */
	if (!fs_arm())
		kunit_skip(test, "failslab debugfs attributes missing");
	memset(&fs_st, 0, sizeof(fs_st));
	for (n = 1; n <= 64 && !left; n++) {
		iov.iov_base = (void __user *)ua;
		iov.iov_len = len;
		memset(&uio, 0, sizeof(uio));
		uio.uio_iov = &iov;
		uio.uio_iovcnt = 1;
		uio.uio_segflg = UIO_USERSPACE;
		uio.uio_resid = len;
		current->fail_nth = n;
		err = physio(careless_strategy, NULL, 0, B_READ, minphys,
			     &uio);
		left = current->fail_nth;
		current->fail_nth = 0;
		KUNIT_EXPECT_TRUE_MSG(test, err == 0 || err == ENOMEM,
				      "fail-nth %d: physio %d", n, err);
	}
	fs_disarm();
	KUNIT_EXPECT_EQ(test, fs_st.unmapped, 0);
	KUNIT_EXPECT_GT(test, fs_st.calls, 0);
	KUNIT_EXPECT_NE_MSG(test, left, 0, "injection points left at n=64");
	KUNIT_EXPECT_EQ(test, copy_from_user(&c, (void __user *)(ua + len - 1),
					     1), 0UL);
	KUNIT_EXPECT_EQ(test, c, 0x6b);
}
#endif

static struct kunit_case buf_errors_cases[] = {
	KUNIT_CASE(getrbuf_sleep_never_null),
	KUNIT_CASE(physio_caps_uncapped_mincnt),
#ifdef DDIC_HAVE_KUNIT_VM_MMAP
	KUNIT_CASE(physio_user_buf_always_mapped),
#endif
	{}
};

static struct kunit_suite buf_errors_suite = {
	.name = "ddi_compat_buf_errors",
	.test_cases = buf_errors_cases,
};

kunit_test_suites(&buf_errors_suite);
