// SPDX-License-Identifier: GPL-2.0
/*
 * Harness self-test: a data race on purpose.  Two kernel threads write
 * one plain int without a lock, for up to @seconds or until the module is
 * removed; on a KCSAN kernel this must be reported ("BUG: KCSAN:
 * data-race"), and the harness must fail the run for it.  KCSAN samples
 * accesses, and on a loaded host the two vCPUs seldom run at the same
 * moment, so the guest (scripts/guest/mode-race.sh) removes the module
 * once the report is out rather than after a fixed time.  On other
 * kernels it prints nothing.
 */
#include <linux/module.h>
#include <linux/kthread.h>
#include <linux/jiffies.h>
#include <linux/delay.h>

static int str_shared;
static unsigned int str_seconds = 60;
module_param_named(seconds, str_seconds, uint, 0444);
MODULE_PARM_DESC(seconds, "how long the threads race at most");
static struct task_struct *str_threads[2];

static int str_writer(void *arg)
{
	unsigned long end = jiffies + str_seconds * HZ;

	while (time_before(jiffies, end) && !kthread_should_stop()) {
		str_shared++;
		udelay(10);
		cond_resched();
	}
	while (!kthread_should_stop())
		msleep(20);
	return 0;
}

static int __init selftest_race_init(void)
{
	int i;

	for (i = 0; i < 2; i++)
		str_threads[i] = kthread_run(str_writer, NULL, "st_race%d", i);
	return 0;
}

static void __exit selftest_race_exit(void)
{
	int i;

	for (i = 0; i < 2; i++)
		if (!IS_ERR_OR_NULL(str_threads[i]))
			kthread_stop(str_threads[i]);
}

module_init(selftest_race_init);
module_exit(selftest_race_exit);
MODULE_DESCRIPTION("ddi_compat harness self-test: a data race for KCSAN");
MODULE_LICENSE("GPL");
