// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_pm: the power-management calls of a driver
 * without a power manager (pm_busy_component(9F) and the rest), and the
 * page conversions ddi_btop(9F), ddi_btopr(9F), ddi_ptob(9F), and the
 * node queries of devstate.c: ddi_enter_critical(9F)/ddi_exit_critical(9F),
 * ddi_get_devstate(9F) (fm.c), ddi_slaveonly(9F), biosize(9F),
 * ddi_mmap_get_model(9F).
 */
#include <kunit/test.h>
#include <sys/types.h>
#include <linux/irqflags.h>
#include <linux/preempt.h>
#include <sys/buf.h>
#include <sys/model.h>
#include <sys/sunddi.h>

#include "../ddi_compat/devinfo.h"

/* A zeroed node: a pseudo node no fault or service impact has touched. */
static struct dev_info pm_fake_node;
#define PM_DIP	((dev_info_t *)&pm_fake_node)

static void pm_calls_succeed(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pm_busy_component(PM_DIP, 0), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, pm_idle_component(PM_DIP, 0), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, pm_raise_power(PM_DIP, 0, 1), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, pm_lower_power(PM_DIP, 0, 0), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, pm_power_has_changed(PM_DIP, 1, 3), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_dev_is_needed(PM_DIP, 0, 1), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, ddi_removing_power(PM_DIP), 0);
	KUNIT_EXPECT_EQ(test, ddi_power(PM_DIP, 0, 1), DDI_SUCCESS);
}

static void pm_bad_arguments(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, pm_busy_component(NULL, 0), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, pm_idle_component(PM_DIP, -1), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, pm_raise_power(PM_DIP, 0, -2), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, pm_lower_power(NULL, 0, 0), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, pm_power_has_changed(PM_DIP, -1, 0),
			DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_dev_is_needed(NULL, 0, 1), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_power(NULL, 0, 1), DDI_FAILURE);
	KUNIT_EXPECT_EQ(test, ddi_power(PM_DIP, 0, -1), DDI_FAILURE);
}

static const struct {
	unsigned long bytes, btop, btopr;
} pg_cases[] = {
	{ 0, 0, 0 },
	{ 1, 0, 1 },
	{ PAGE_SIZE - 1, 0, 1 },
	{ PAGE_SIZE, 1, 1 },
	{ PAGE_SIZE + 1, 1, 2 },
	{ 5 * PAGE_SIZE, 5, 5 },
	{ 5 * PAGE_SIZE + 17, 5, 6 },
};

static void pm_page_conversions(struct kunit *test)
{
	size_t i;

	for (i = 0; i < ARRAY_SIZE(pg_cases); i++) {
		KUNIT_EXPECT_EQ_MSG(test, ddi_btop(PM_DIP, pg_cases[i].bytes),
				    pg_cases[i].btop, "ddi_btop(%lu)",
				    pg_cases[i].bytes);
		KUNIT_EXPECT_EQ_MSG(test, ddi_btopr(PM_DIP, pg_cases[i].bytes),
				    pg_cases[i].btopr, "ddi_btopr(%lu)",
				    pg_cases[i].bytes);
		KUNIT_EXPECT_EQ_MSG(test, ddi_ptob(PM_DIP, pg_cases[i].btop),
				    pg_cases[i].btop * PAGE_SIZE,
				    "ddi_ptob(%lu)", pg_cases[i].btop);
	}
}

static void pm_critical(struct kunit *test)
{
	unsigned int outer, inner;

	KUNIT_ASSERT_FALSE(test, irqs_disabled());
	outer = ddi_enter_critical();
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	/* Nested: the inner exit leaves the region closed. */
	inner = ddi_enter_critical();
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	ddi_exit_critical(inner);
	KUNIT_EXPECT_TRUE(test, irqs_disabled());
	ddi_exit_critical(outer);
	KUNIT_EXPECT_FALSE(test, irqs_disabled());
}

static void pm_node_queries(struct kunit *test)
{
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(PM_DIP), DDI_DEVSTATE_UP);
	KUNIT_EXPECT_EQ(test, ddi_get_devstate(NULL), DDI_DEVSTATE_OFFLINE);
	KUNIT_EXPECT_EQ(test, ddi_slaveonly(PM_DIP), DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, biosize(), (int)sizeof(struct buf));
	/* A KUnit thread is a kernel thread: the native model. */
	KUNIT_EXPECT_EQ(test, ddi_mmap_get_model(), (model_t)DDI_MODEL_LP64);
	KUNIT_EXPECT_EQ(test, ddi_mmap_get_model(), ddic_model_current());
}

static struct kunit_case pm_cases[] = {
	KUNIT_CASE(pm_calls_succeed),
	KUNIT_CASE(pm_bad_arguments),
	KUNIT_CASE(pm_page_conversions),
	KUNIT_CASE(pm_critical),
	KUNIT_CASE(pm_node_queries),
	{}
};

static struct kunit_suite pm_suite = {
	.name = "ddi_compat_pm",
	.test_cases = pm_cases,
};

kunit_test_suite(pm_suite);
