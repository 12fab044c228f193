// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_names: the headers a Solaris driver includes compile
 * together, the names of the Device Driver Tutorial's drivers (spec §3)
 * exist with Solaris's values, and the small helpers behave.
 */
#include <sys/types.h>
#include <sys/file.h>
#include <sys/errno.h>
#include <sys/open.h>
#include <sys/cred.h>
#include <sys/uio.h>
#include <sys/stat.h>
#include <sys/poll.h>
#include <sys/ksynch.h>
#include <sys/modctl.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/debug.h>
#include <sys/cmn_err.h>
#include <sys/kmem.h>
#include <sys/model.h>
#include <sys/param.h>
#include <sys/sysmacros.h>
#include <sys/mkdev.h>
#include <sys/ioccom.h>
#include <sys/systm.h>
#include <sys/types32.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <kunit/test.h>

static void solaris_constants_defined(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, FREAD, 0x01);
	KUNIT_EXPECT_EQ(test, FWRITE, 0x02);
	KUNIT_EXPECT_EQ(test, FNDELAY, 0x04);
	KUNIT_EXPECT_EQ(test, FNONBLOCK, 0x80);
	KUNIT_EXPECT_EQ(test, (unsigned int)FKIOCTL, 0x80000000U);
	KUNIT_EXPECT_EQ(test, FMODELS, DATAMODEL_MASK);
	KUNIT_EXPECT_EQ(test, OTYP_BLK, 0);
	KUNIT_EXPECT_EQ(test, OTYP_CHR, 2);
	KUNIT_EXPECT_EQ(test, OTYP_LYR, 4);
	KUNIT_EXPECT_EQ(test, S_IFCHR, 0020000);
	KUNIT_EXPECT_EQ(test, D_NEW, 0);
	KUNIT_EXPECT_EQ(test, D_MP, 0x20);
	KUNIT_EXPECT_EQ(test, D_64BIT, 0x200000);
	KUNIT_EXPECT_EQ(test, CB_REV, 1);
	KUNIT_EXPECT_EQ(test, DEVO_REV, 4);
	KUNIT_EXPECT_EQ(test, MODREV_1, 1);
	KUNIT_EXPECT_EQ(test, DDI_SUCCESS, 0);
	KUNIT_EXPECT_EQ(test, DDI_FAILURE, -1);
	KUNIT_EXPECT_EQ(test, DDI_ATTACH, 0);
	KUNIT_EXPECT_EQ(test, DDI_RESUME, 1);
	KUNIT_EXPECT_EQ(test, DDI_DETACH, 0);
	KUNIT_EXPECT_EQ(test, DDI_SUSPEND, 1);
	KUNIT_EXPECT_EQ(test, DDI_INFO_DEVT2DEVINFO, 0);
	KUNIT_EXPECT_EQ(test, DDI_INFO_DEVT2INSTANCE, 1);
	KUNIT_EXPECT_STREQ(test, DDI_PSEUDO, "ddi_pseudo");
	KUNIT_EXPECT_EQ(test, MUTEX_DRIVER, 4);
	KUNIT_EXPECT_EQ(test, CV_DRIVER, 1);
	KUNIT_EXPECT_EQ(test, UIO_READ, 0);
	KUNIT_EXPECT_EQ(test, UIO_WRITE, 1);
	KUNIT_EXPECT_EQ(test, KM_SLEEP, 0);
	KUNIT_EXPECT_EQ(test, KM_NOSLEEP, 1);
	KUNIT_EXPECT_EQ(test, DDI_PROP_SUCCESS, 0);
	KUNIT_EXPECT_EQ(test, DDI_PROP_NOT_FOUND, 1);
	KUNIT_EXPECT_EQ(test, sizeof(size32_t), 4);
	KUNIT_EXPECT_EQ(test, sizeof(intptr_t), sizeof(void *));
	/* Errors: Solaris names with Linux values (docs/departures.md). */
	KUNIT_EXPECT_EQ(test, ENOTTY, 25);
	KUNIT_EXPECT_EQ(test, EFAULT, 14);
	KUNIT_EXPECT_EQ(test, ENOTSUP, EOPNOTSUPP);
}

static void solaris_functions_linked(struct kunit *test)
{
	/* The tutorial drivers' functions, as drivers take them. */
	const void *fns[] = {
		mod_install, mod_remove, mod_info, ddi_soft_state_init,
		ddi_soft_state_zalloc, ddi_soft_state_free,
		ddi_soft_state_fini, ddi_get_soft_state, ddi_get_instance,
		ddi_create_minor_node, ddi_remove_minor_node, ddi_report_dev,
		ddi_prop_op, ddi_prop_get_int, ddi_prop_lookup_string,
		ddi_prop_free, ddic_mutex_init, ddic_mutex_destroy,
		mutex_enter, mutex_exit, ddic_cv_init, cv_destroy, cv_wait_sig,
		cv_broadcast, uiomove, ddi_copyin, ddi_copyout, ddic_strlcpy,
		nodev, nulldev, nochpoll, ddi_quiesce_not_needed,
		ddic_umem_alloc_site, ddi_umem_free, pollwakeup,
	};
	int i;

	for (i = 0; i < ARRAY_SIZE(fns); i++)
		KUNIT_EXPECT_NOT_NULL_MSG(test, fns[i], "function %d", i);
}

static void solaris_helper_macros(struct kunit *test)
{
	dev_t d = makedevice(200, 0xabcde);

	KUNIT_EXPECT_EQ(test, getmajor(d), 200);
	KUNIT_EXPECT_EQ(test, getminor(d), 0xabcde);
	KUNIT_EXPECT_EQ(test, MAXMIN, 0xfffff);
	/* Solaris min/max take ints: no type checks, usable on mixes. */
	KUNIT_EXPECT_EQ(test, min(3, 7UL), 3);
	KUNIT_EXPECT_EQ(test, max(-3, 2), 2);
	KUNIT_EXPECT_EQ(test, nulldev(), 0);
	KUNIT_EXPECT_EQ(test, nodev(), ENXIO);
	KUNIT_EXPECT_EQ(test, drv_usectohz(0), 0);
	KUNIT_EXPECT_GE(test, drv_usectohz(1), 1);
	KUNIT_EXPECT_EQ(test, drv_usectohz(1000000), HZ);
	KUNIT_EXPECT_EQ(test, drv_hztousec(HZ), 1000000);
	KUNIT_EXPECT_GE(test, ddi_get_lbolt(), 0);
	KUNIT_EXPECT_EQ(test, ddi_model_convert_from(DATAMODEL_ILP32 | FREAD),
			DDI_MODEL_ILP32);
	KUNIT_EXPECT_EQ(test, ddi_model_convert_from(DATAMODEL_LP64 | FREAD),
			DDI_MODEL_NONE);
	KUNIT_EXPECT_EQ(test, P2ROUNDUP(5, 4), 8);
	KUNIT_EXPECT_EQ(test, howmany(9, 4), 3);
	KUNIT_EXPECT_EQ(test, btopr(PAGESIZE + 1), 2);
	KUNIT_EXPECT_EQ(test, crgetuid(CRED()), 0);
}

static struct kunit_case names_cases[] = {
	KUNIT_CASE(solaris_constants_defined),
	KUNIT_CASE(solaris_functions_linked),
	KUNIT_CASE(solaris_helper_macros),
	{}
};

static struct kunit_suite names_suite = {
	.name = "ddi_compat_names",
	.test_cases = names_cases,
};
kunit_test_suite(names_suite);
