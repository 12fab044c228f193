// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_cred: crhold(9F)/crfree(9F) on a cred_t's
 * reference count, crgetsuid/crgetsgid/crgetngroups/crgetgroups(9F),
 * ddi_get_cred(9F), zone_kcred(9F), zcmn_err(9F)/vzcmn_err(9F), and
 * atomic_inc_ptr/atomic_dec_ptr(9F) with their _nv forms.
 */
#include <kunit/test.h>
#include <linux/cred.h>
#include <linux/uidgid.h>
#include <sys/types.h>
#include <sys/cred.h>
#include <sys/cmn_err.h>
#include <sys/atomic.h>
#include <sys/sunddi.h>
#include <ddi_compat/testing.h>

static long cr_usage(const struct cred *cr)
{
	return atomic_long_read(&cr->usage);
}

static void cred_hold_free(struct kunit *test)
{
	cred_t *cr = ddi_get_cred();
	long before = cr_usage(cr);

	KUNIT_EXPECT_PTR_EQ(test, cr, CRED());
	crhold(cr);
	KUNIT_EXPECT_EQ(test, cr_usage(cr), before + 1);
	crfree(cr);
	KUNIT_EXPECT_EQ(test, cr_usage(cr), before);
}

static void cred_ids(struct kunit *test)
{
	const struct cred *lc = current_cred();
	cred_t *cr = CRED();
	const gid_t *g;
	int n, i;

	KUNIT_EXPECT_EQ(test, crgetsuid(cr),
			from_kuid_munged(current_user_ns(), lc->suid));
	KUNIT_EXPECT_EQ(test, crgetsgid(cr),
			from_kgid_munged(current_user_ns(), lc->sgid));
	/* kcred is root's. */
	KUNIT_EXPECT_EQ(test, crgetsuid(kcred), 0);
	KUNIT_EXPECT_EQ(test, crgetsgid(kcred), 0);
	KUNIT_EXPECT_PTR_EQ(test, zone_kcred(), kcred);

	n = crgetngroups(cr);
	KUNIT_EXPECT_EQ(test, n, lc->group_info ? lc->group_info->ngroups : 0);
	g = crgetgroups(cr);
	if (!n) {
		KUNIT_EXPECT_NULL(test, g);
		return;
	}
	KUNIT_ASSERT_NOT_NULL(test, g);
	for (i = 0; i < n; i++)
		KUNIT_EXPECT_EQ(test, g[i],
				__kgid_val(lc->group_info->gid[i]));
}

/* Groups of a cred of the test's own, so that the count is not 0. */
static void cred_groups(struct kunit *test)
{
	struct group_info *gi = groups_alloc(3);
	struct cred *nc;
	const gid_t *g;

	KUNIT_ASSERT_NOT_NULL(test, gi);
	gi->gid[0] = KGIDT_INIT(5);
	gi->gid[1] = KGIDT_INIT(20);
	gi->gid[2] = KGIDT_INIT(300);
	nc = prepare_creds();
	if (!nc) {
		put_group_info(gi);
		KUNIT_FAIL(test, "prepare_creds");
		return;
	}
	set_groups(nc, gi);
	put_group_info(gi);
	KUNIT_EXPECT_EQ(test, crgetngroups(nc), 3);
	g = crgetgroups(nc);
	KUNIT_ASSERT_NOT_NULL(test, g);
	KUNIT_EXPECT_EQ(test, g[0], 5);
	KUNIT_EXPECT_EQ(test, g[1], 20);
	KUNIT_EXPECT_EQ(test, g[2], 300);
	abort_creds(nc);
}

#ifdef DDIC_DEBUG
struct zc_seen {
	int calls;
	int level;
	char text[128];
};

static void zc_tap(int level, int dest, const char *text, void *arg)
{
	struct zc_seen *s = arg;

	s->calls++;
	s->level = level;
	strscpy(s->text, text, sizeof(s->text));
}

static __printf(2, 3) void zc_vcall(struct zc_seen *s, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vzcmn_err(GLOBAL_ZONEID, CE_NOTE, fmt, ap);
	va_end(ap);
}

static void cred_zcmn_err(struct kunit *test)
{
	struct zc_seen *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, s);
	ddic_cmn_err_set_tap(zc_tap, s);
	zcmn_err(GLOBAL_ZONEID, CE_WARN, "zz%d: %s", 4, "gone");
	KUNIT_EXPECT_EQ(test, s->calls, 1);
	KUNIT_EXPECT_EQ(test, s->level, CE_WARN);
	KUNIT_EXPECT_STREQ(test, s->text, "WARNING: zz4: gone");
	/* Any zone id: there is one zone. */
	zcmn_err(7, CE_NOTE, "other zone");
	KUNIT_EXPECT_EQ(test, s->calls, 2);
	KUNIT_EXPECT_STREQ(test, s->text, "NOTICE: other zone");
	zc_vcall(s, "v%s", "zcmn");
	KUNIT_EXPECT_EQ(test, s->calls, 3);
	KUNIT_EXPECT_EQ(test, s->level, CE_NOTE);
	KUNIT_EXPECT_STREQ(test, s->text, "NOTICE: vzcmn");
	ddic_cmn_err_set_tap(NULL, NULL);
}
#endif

static void cred_atomic_ptr(struct kunit *test)
{
	static char base[8];
	void *p = base + 2;

	atomic_inc_ptr(&p);
	KUNIT_EXPECT_PTR_EQ(test, (void *)p, (void *)(base + 3));
	KUNIT_EXPECT_PTR_EQ(test, atomic_inc_ptr_nv(&p), (void *)(base + 4));
	atomic_dec_ptr(&p);
	KUNIT_EXPECT_PTR_EQ(test, (void *)p, (void *)(base + 3));
	KUNIT_EXPECT_PTR_EQ(test, atomic_dec_ptr_nv(&p), (void *)(base + 2));
	KUNIT_EXPECT_PTR_EQ(test, (void *)p, (void *)(base + 2));
}

static struct kunit_case cred_cases[] = {
	KUNIT_CASE(cred_hold_free),
	KUNIT_CASE(cred_ids),
	KUNIT_CASE(cred_groups),
#ifdef DDIC_DEBUG
	KUNIT_CASE(cred_zcmn_err),
#endif
	KUNIT_CASE(cred_atomic_ptr),
	{}
};

static struct kunit_suite cred_suite = {
	.name = "ddi_compat_cred",
	.test_cases = cred_cases,
};

kunit_test_suite(cred_suite);
