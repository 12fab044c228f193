// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_hardening: checks audit 2 found missing or wrong
 * in small services: drv_priv(9F) with a credential other than the
 * caller's (finding 14), minor node names devtmpfs would turn into
 * paths (23), kmem_alloc(KM_SLEEP) above INT_MAX (16).
 */
#define _DDI_COMPAT_IMPL
#include <kunit/test.h>
#include <linux/cred.h>
#include <linux/capability.h>
#include <linux/fs.h>
#include <linux/file.h>
#include <linux/mm.h>
#include <sys/types.h>
#include <sys/kmem.h>
#include <sys/stat.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/modctl.h>
#include <sys/sunddi.h>
#include <ddi_compat/glue.h>

/* KUNIT_CASE_SLOW() is 6.6 and later. */
#ifdef KUNIT_CASE_SLOW
#define DDIC_CASE_SLOW(f)	KUNIT_CASE_SLOW(f)
#else
#define DDIC_CASE_SLOW(f)	KUNIT_CASE(f)
#endif

/* Finding 14: the test is CAP_SYS_ADMIN for every credential, not uid 0. */
static void drv_priv_other_cred(struct kunit *test)
{
	struct cred *c = prepare_creds();

	KUNIT_ASSERT_NOT_NULL(test, c);
	/* A kthread: uid 0 with every capability. */
	KUNIT_EXPECT_EQ(test, drv_priv(c), 0);
	/* Root with CAP_SYS_ADMIN dropped (a capset() in the process). */
	cap_lower(c->cap_effective, CAP_SYS_ADMIN);
	KUNIT_EXPECT_EQ(test, drv_priv(c), EPERM);
	/* Not root, with the capability. */
	cap_raise(c->cap_effective, CAP_SYS_ADMIN);
	c->euid = KUIDT_INIT(1000);
	KUNIT_EXPECT_EQ(test, drv_priv(c), 0);
	put_cred(c);
}

static dev_info_t *hd_dip;

static int hd_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	hd_dip = dip;
	return DDI_SUCCESS;
}

static int hd_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	ddi_remove_minor_node(dip, NULL);
	return DDI_SUCCESS;
}

static int hd_open(dev_t *devp, int flag, int otyp, cred_t *cr)
{
	return 0;
}

static int hd_close(dev_t dev, int flag, int otyp, cred_t *cr)
{
	return 0;
}

static int hd_strategy(struct buf *bp)
{
	bioerror(bp, ENXIO);
	biodone(bp);
	return 0;
}

static struct cb_ops hd_cb_ops = {
	.cb_open = hd_open,
	.cb_close = hd_close,
	.cb_strategy = hd_strategy,
	.cb_flag = D_NEW | D_MP,
	.cb_rev = CB_REV,
};

static struct dev_ops hd_ops = {
	.devo_rev = DEVO_REV,
	.devo_attach = hd_attach,
	.devo_detach = hd_detach,
	.devo_cb_ops = &hd_cb_ops,
	.devo_quiesce = ddi_quiesce_not_needed,
};

static struct modldrv hd_modldrv = {
	&mod_driverops, "hardening test driver", &hd_ops
};

static struct modlinkage hd_modlinkage = {
	MODREV_1, { &hd_modldrv, NULL }
};

static int hd_init(void)
{
	return mod_install(&hd_modlinkage);
}

static int hd_fini(void)
{
	return mod_remove(&hd_modlinkage);
}

/* Finding 23: '!' becomes '/' in devtmpfs: x!..!..!name escapes. */
static void minor_name_no_path(struct kunit *test)
{
	struct file *f;
	int err;

	err = ddic_glue_load(THIS_MODULE, "hrdn",
			    "name=\"hrdn\" parent=\"pseudo\" instance=0 ddi-no-autodetach=1;\n",
			    hd_init, NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_ASSERT_NOT_NULL(test, hd_dip);
	KUNIT_EXPECT_EQ(test, ddi_create_minor_node(hd_dip,
						    "x!..!..!hrdn_escape",
						    S_IFCHR, 1, DDI_PSEUDO, 0),
			DDI_FAILURE);
	f = filp_open("/dev/hrdn_escape", O_RDONLY, 0);
	KUNIT_EXPECT_TRUE(test, IS_ERR(f));
	if (!IS_ERR(f))
		filp_close(f, NULL);
	KUNIT_EXPECT_EQ(test, ddi_create_minor_node(hd_dip, "a!b", S_IFCHR, 2,
						    DDI_PSEUDO, 0),
			DDI_FAILURE);
	/* Commas, dots and the rest stay allowed. */
	KUNIT_EXPECT_EQ(test, ddi_create_minor_node(hd_dip, "ok.0,raw",
						    S_IFCHR, 3, DDI_PSEUDO, 0),
			DDI_SUCCESS);
	ddic_glue_unload(THIS_MODULE, hd_fini);
	hd_dip = NULL;
}

/*
 * Finding 16: KM_SLEEP above INT_MAX (kvmalloc's limit) returns memory
 * instead of retrying forever.  Needs a guest with room for it.
 */
static void kmem_sleep_above_int_max(struct kunit *test)
{
	size_t size = (size_t)INT_MAX + PAGE_SIZE + 1;
	void *p;

	if ((totalram_pages() << PAGE_SHIFT) <= size) {
		/* Can never be had here: NULL at once (not a hang). */
		KUNIT_EXPECT_NULL(test, kmem_alloc(size, KM_SLEEP));
		return;
	}
	if ((totalram_pages() << PAGE_SHIFT) < 3 * size / 2)
		kunit_skip(test, "needs %zu MiB of memory",
			   (3 * size / 2) >> 20);
	p = kmem_alloc(size, KM_SLEEP);
	KUNIT_EXPECT_NOT_NULL(test, p);
	if (p) {
		((char *)p)[size - 1] = 1;
		kmem_free(p, size);
	}
}

static struct kunit_case hardening_cases[] = {
	KUNIT_CASE(drv_priv_other_cred),
	KUNIT_CASE(minor_name_no_path),
	DDIC_CASE_SLOW(kmem_sleep_above_int_max),
	{}
};

static struct kunit_suite hardening_suite = {
	.name = "ddi_compat_hardening",
	.test_cases = hardening_cases,
};

kunit_test_suites(&hardening_suite);
