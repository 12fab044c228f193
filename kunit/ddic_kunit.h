/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Helpers shared by the KUnit suites of ddi_compat (kunit/<area>_kunit.c).
 * Test-only; nothing here is seen by a ported driver.
 */
#ifndef _DDIC_KUNIT_H
#define _DDIC_KUNIT_H

#include <kunit/test.h>
#include <linux/timer.h>
#include <linux/completion.h>

/*
 * Run a function from a timer callback, that is in softirq context, where
 * a Solaris driver's timeout(9F) and interrupt handlers call the DDI.
 * The structure lives on the test's stack (the timer is set up with the
 * on-stack debug-object annotation).
 */
struct ddic_kunit_timer {
	struct timer_list timer;
	struct completion done;
	bool (*fn)(void *arg);
	void *arg;
	unsigned int runs;	/* calls of fn so far */
	bool in_irq;		/* every call ran in interrupt context */
};

/*
 * Call @fn(@arg) from a timer at the next tick, and again at each tick
 * while it returns true.  The test goes on meanwhile; it must call
 * ddic_kunit_timer_wait() before @kt goes out of scope.
 */
void ddic_kunit_timer_start(struct ddic_kunit_timer *kt,
			    bool (*fn)(void *arg), void *arg);

/*
 * Wait (at most 30 s) until @fn returned false, expect that it did and
 * that every call ran in interrupt context, and tear the timer down.
 * Returns the number of calls.
 */
unsigned int ddic_kunit_timer_wait(struct kunit *test,
				   struct ddic_kunit_timer *kt);

/* Both: run @fn(@arg) in a timer (again while it returns true) and wait. */
unsigned int ddic_kunit_in_timer(struct kunit *test, bool (*fn)(void *arg),
				 void *arg);

/*
 * The private data of the debugfs file @name under @dir (a fault
 * injection knob such as "ignore-gfp-wait"), or NULL if there is none.
 */
struct dentry;
void *ddic_kunit_debugfs_knob(struct dentry *dir, const char *name);

#endif /* _DDIC_KUNIT_H */
