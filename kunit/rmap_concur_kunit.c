// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_rmap_concur: resource maps under concurrency:
 * kthreads, rmalloc_wait(9F) sleepers, a timer callback.
 * It uses the DDIC_DEBUG hooks (statistics, invariant check, no-growth),
 * so it exists on debug builds only.
 */
#define _DDI_COMPAT_IMPL	/* Linux's min() and friends in this file */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/timer.h>
#include <linux/bitmap.h>
#include <linux/debugfs.h>
#include <linux/sched/signal.h>
#include <sys/map.h>
#include <sys/ddi.h>
#include <sys/kmem.h>
#include "rmap_kunit.h"
#include "ddic_kunit.h"

#ifdef DDIC_DEBUG

/* ---- concurrency, sleepers, interrupt context -------------------------- */

#define CC_UNITS	65536
#define CC_THREADS	4
#define CC_OPS		20000

struct cc_shared {
	struct map *mp;
	unsigned long *owned;		/* a bit per unit handed out */
	atomic_t overlaps, failures;
	struct completion done[CC_THREADS];
	u64 seed[CC_THREADS];
	int irqoff[CC_THREADS];
};

/* Claim the units of [index, index + size); false if any was taken. */
static bool cc_claim(unsigned long *owned, unsigned long index,
		     unsigned long size)
{
	bool ok = true;
	unsigned long i;

	for (i = index; i < index + size; i++)
		if (test_and_set_bit(i, owned))
			ok = false;
	return ok;
}

static void cc_release(unsigned long *owned, unsigned long index,
		       unsigned long size)
{
	unsigned long i;

	for (i = index; i < index + size; i++)
		clear_bit(i, owned);
}

struct cc_arg {
	struct cc_shared *sh;
	int id;
};

static int cc_thread(void *data)
{
	struct cc_arg *a = data;
	struct cc_shared *sh = a->sh;
	struct rm_live held[16];
	unsigned long flags = 0, idx, size;
	int n = 0, op, k;
	u64 x, seed = sh->seed[a->id];

	for (op = 0; op < CC_OPS; op++) {
		x = rm_rand(&seed);
		if (sh->irqoff[a->id])
			local_irq_save(flags);
		if (n < ARRAY_SIZE(held) && (x & 1 || !n)) {
			size = 1 + (x >> 8) % 64;
			idx = rmalloc(sh->mp, size);
			if (idx) {
				if (idx + size > CC_UNITS ||
				    !cc_claim(sh->owned, idx, size))
					atomic_inc(&sh->overlaps);
				held[n].index = idx;
				held[n++].size = size;
			}
		} else {
			k = (x >> 8) % n;
			cc_release(sh->owned, held[k].index, held[k].size);
			rmfree(sh->mp, held[k].size, held[k].index);
			held[k] = held[--n];
		}
		if (sh->irqoff[a->id])
			local_irq_restore(flags);
		if (op % 256 == 0)
			cond_resched();
	}
	while (n--) {
		cc_release(sh->owned, held[n].index, held[n].size);
		rmfree(sh->mp, held[n].size, held[n].index);
	}
	/* Nothing of this module may run after the test sees completion. */
	kthread_complete_and_exit(&sh->done[a->id], 0);
}

static void rmalloc_concurrent_threads(struct kunit *test)
{
	struct cc_shared *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	struct cc_arg *args;
	struct ddic_rmap_stats st;
	struct task_struct *t;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	args = kunit_kcalloc(test, CC_THREADS, sizeof(*args), GFP_KERNEL);
	sh->owned = kunit_kzalloc(test, BITS_TO_LONGS(CC_UNITS) *
				  sizeof(long), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, args);
	KUNIT_ASSERT_NOT_NULL(test, sh->owned);
	sh->mp = rm_map(test, 4);	/* small: the pool grows under load */
	rmfree(sh->mp, CC_UNITS - 1, 1);
	for (i = 0; i < CC_THREADS; i++) {
		init_completion(&sh->done[i]);
		sh->seed[i] = 0x1234567ULL * (i + 1);
		sh->irqoff[i] = i & 1;
		args[i].sh = sh;
		args[i].id = i;
		t = kthread_run(cc_thread, &args[i], "rmap_cc%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	for (i = 0; i < CC_THREADS; i++)
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[i],
								   120 * HZ),
				0UL);
	KUNIT_EXPECT_EQ(test, atomic_read(&sh->overlaps), 0);
	st = rm_stats(test, sh->mp);
	KUNIT_EXPECT_EQ(test, st.free_units, (unsigned long)CC_UNITS - 1);
	KUNIT_EXPECT_EQ(test, st.free_segs, 1UL);
	KUNIT_EXPECT_EQ(test, st.out_units, 0UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 0UL);
	KUNIT_EXPECT_EQ(test, st.refused, 0UL);
	KUNIT_EXPECT_EQ(test, ddic_rmap_debug_check(sh->mp), 0);
	KUNIT_EXPECT_TRUE(test, bitmap_empty(sh->owned, CC_UNITS));
	rmfreemap(sh->mp);
}

/* Sleepers in rmalloc_wait(). */
#define WT_WAITERS	8

struct wt_shared {
	struct kunit *test;		/* fails on a KASAN report in a sleeper */
	struct map *mp;
	unsigned long size;
	unsigned long got[WT_WAITERS];
	struct completion done[WT_WAITERS];
	bool kill_self;
};

struct wt_arg {
	struct wt_shared *sh;
	int id;
};

static int wt_thread(void *data)
{
	struct wt_arg *a = data;

	current->kunit_test = a->sh->test;
	a->sh->got[a->id] = rmalloc_wait(a->sh->mp, a->sh->size);
	flush_signals(current);
	current->kunit_test = NULL;
	kthread_complete_and_exit(&a->sh->done[a->id], 0);
}

/* Wait until @n threads sleep in rmalloc_wait(), at most 30 s. */
static bool wt_sleepers(struct kunit *test, struct map *mp, unsigned long n)
{
	int i;

	for (i = 0; i < 1500; i++) {
		if (rm_stats(test, mp).waiters == n)
			return true;
		msleep(20);
	}
	return false;
}

static struct wt_shared *wt_start(struct kunit *test, struct map *mp,
				  unsigned long size, int n,
				  struct task_struct **tasks)
{
	struct wt_shared *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	struct wt_arg *args = kunit_kcalloc(test, n, sizeof(*args),
					    GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	KUNIT_ASSERT_NOT_NULL(test, args);
	sh->test = test;
	sh->mp = mp;
	sh->size = size;
	for (i = 0; i < n; i++) {
		init_completion(&sh->done[i]);
		args[i].sh = sh;
		args[i].id = i;
		tasks[i] = kthread_run(wt_thread, &args[i], "rmap_wt%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(tasks[i]));
	}
	return sh;
}

static void rmalloc_wait_many_waiters(struct kunit *test)
{
	struct task_struct *tasks[WT_WAITERS];
	struct ddic_rmap_stats st;
	struct wt_shared *sh;
	unsigned long seen = 0, t0;
	struct map *mp = rm_map(test, 4);
	int i, j;

	rmfree(mp, 80, 1);
	KUNIT_ASSERT_EQ(test, rmalloc(mp, 80), 1UL);
	sh = wt_start(test, mp, 10, WT_WAITERS, tasks);
	KUNIT_ASSERT_TRUE(test, wt_sleepers(test, mp, WT_WAITERS));

	/* rmfreemap() with sleepers is refused and the map stays usable. */
	rmfreemap(mp);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.refused, 1UL);
	KUNIT_EXPECT_EQ(test, st.waiters, (unsigned long)WT_WAITERS);

	/* Ten units at a time: each free satisfies exactly one sleeper. */
	t0 = jiffies;
	for (i = 0; i < WT_WAITERS; i++) {
		rmfree(mp, 10, 1 + 10 * i);
		KUNIT_EXPECT_TRUE(test, wt_sleepers(test, mp,
						    WT_WAITERS - i - 1));
	}
	for (i = 0; i < WT_WAITERS; i++) {
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[i],
								   30 * HZ),
				0UL);
		for (j = 0; j < WT_WAITERS; j++)
			if (sh->got[i] == 1 + 10 * j)
				seen |= 1UL << j;
	}
	KUNIT_EXPECT_EQ(test, seen, (1UL << WT_WAITERS) - 1);
	KUNIT_EXPECT_LT(test, jiffies - t0, 60UL * HZ);
	st = rm_stats(test, mp);
	KUNIT_EXPECT_EQ(test, st.waiters, 0UL);
	KUNIT_EXPECT_EQ(test, st.free_units, 0UL);
	rmfree(mp, 80, 1);
	rmfreemap(mp);
}

/* All sleepers woken by one free large enough for all of them. */
static void rmalloc_wait_wake_all(struct kunit *test)
{
	struct task_struct *tasks[WT_WAITERS];
	struct wt_shared *sh;
	unsigned long seen = 0;
	struct map *mp = rm_map(test, 2);
	int i;

	sh = wt_start(test, mp, 7, WT_WAITERS, tasks);
	KUNIT_ASSERT_TRUE(test, wt_sleepers(test, mp, WT_WAITERS));
	rmfree(mp, 7 * WT_WAITERS, 100);
	for (i = 0; i < WT_WAITERS; i++) {
		KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[i],
								   30 * HZ),
				0UL);
		KUNIT_EXPECT_EQ(test, (sh->got[i] - 100) % 7, 0UL);
		seen |= 1UL << ((sh->got[i] - 100) / 7);
	}
	KUNIT_EXPECT_EQ(test, seen, (1UL << WT_WAITERS) - 1);
	rmfree(mp, 7 * WT_WAITERS, 100);
	rmfreemap(mp);
}

/* Two threads ping-pong one unit through rmalloc_wait(): no lost wakeup. */
#define PP_ROUNDS	2000

struct pp_shared {
	struct map *mp;
	struct completion done[2];
	atomic_t bad;
};

struct pp_arg {
	struct pp_shared *sh;
	int id;
};

static int pp_thread(void *data)
{
	struct pp_arg *a = data;
	unsigned long idx;
	int i;

	for (i = 0; i < PP_ROUNDS; i++) {
		idx = rmalloc_wait(a->sh->mp, 1);
		if (idx != 1)
			atomic_inc(&a->sh->bad);
		if (i & 1)
			udelay(5);
		rmfree(a->sh->mp, 1, idx ? idx : 1);
	}
	kthread_complete_and_exit(&a->sh->done[a->id], 0);
}

static void rmalloc_wait_ping_pong(struct kunit *test)
{
	struct pp_shared *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	struct pp_arg *args = kunit_kcalloc(test, 2, sizeof(*args),
					    GFP_KERNEL);
	unsigned long left[2];
	struct task_struct *t;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	KUNIT_ASSERT_NOT_NULL(test, args);
	sh->mp = rm_map(test, 1);
	rmfree(sh->mp, 1, 1);
	for (i = 0; i < 2; i++) {
		init_completion(&sh->done[i]);
		args[i].sh = sh;
		args[i].id = i;
		t = kthread_run(pp_thread, &args[i], "rmap_pp%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	for (i = 0; i < 2; i++)
		left[i] = wait_for_completion_timeout(&sh->done[i], 120 * HZ);
	if (!left[0] || !left[1]) {
		/* A lost wakeup: unstick the sleeper so the test can end. */
		KUNIT_FAIL(test, "a sleeper was never woken");
		for (i = 0; i < 2; i++)
			while (!wait_for_completion_timeout(&sh->done[i], HZ))
				rmfree(sh->mp, 1, 1000 + i);
	}
	KUNIT_EXPECT_EQ(test, atomic_read(&sh->bad), 0);
	KUNIT_EXPECT_EQ(test, rm_stats(test, sh->mp).free_units, 1UL);
	rmfreemap(sh->mp);
}

/*
 * A fatal signal makes rmalloc_wait() return 0.  Kernel threads cannot
 * be sent SIGKILL the way a process is, so the test queues it on the
 * sleeper by hand and wakes it, which is what delivery does.
 */
static void rmalloc_wait_fatal_signal(struct kunit *test)
{
	struct task_struct *tasks[1];
	struct sighand_struct *sighand;
	struct wt_shared *sh;
	struct map *mp = rm_map(test, 1);

	rmfree(mp, 10, 1);
	sh = wt_start(test, mp, 1000, 1, tasks);
	KUNIT_ASSERT_TRUE(test, wt_sleepers(test, mp, 1));
	rcu_read_lock();
	sighand = rcu_dereference(tasks[0]->sighand);
	spin_lock_irq(&sighand->siglock);
	sigaddset(&tasks[0]->pending.signal, SIGKILL);
	set_tsk_thread_flag(tasks[0], TIF_SIGPENDING);
	spin_unlock_irq(&sighand->siglock);
	rcu_read_unlock();
	wake_up_process(tasks[0]);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[0],
							   30 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, sh->got[0], 0UL);
	KUNIT_EXPECT_EQ(test, rm_stats(test, mp).waiters, 0UL);
	KUNIT_EXPECT_EQ(test, rm_stats(test, mp).free_units, 10UL);
	rmfreemap(mp);
}

/*
 * Audit 2, finding 7: once rmalloc_wait() has dropped its waiter count,
 * or rmfree() has woken the sleepers, rmfreemap() may free the map; they
 * must not touch it after.  The hook holds each in that window while the
 * test frees the map; a KASAN report of an access after, in the sleeper
 * or the freeing thread, fails the case (their kunit_test is the case).
 * The test queues SIGKILL on the sleeper by hand, as
 * rmalloc_wait_fatal_signal explains.
 */
static struct {
	struct map *mp;
	int where;			/* the window to hold, DDIC_RMAP_WINDOW_* */
	struct completion in, out;
} fw;

static void fw_hook(struct map *mp, int where)
{
	if (mp != READ_ONCE(fw.mp) || where != fw.where)
		return;
	complete(&fw.in);
	wait_for_completion(&fw.out);
}

static void fw_kill(struct task_struct *t)
{
	struct sighand_struct *sighand;

	rcu_read_lock();
	sighand = rcu_dereference(t->sighand);
	spin_lock_irq(&sighand->siglock);
	sigaddset(&t->pending.signal, SIGKILL);
	set_tsk_thread_flag(t, TIF_SIGPENDING);
	spin_unlock_irq(&sighand->siglock);
	rcu_read_unlock();
	wake_up_process(t);
}

static void fw_start(struct map *mp, int where)
{
	init_completion(&fw.in);
	init_completion(&fw.out);
	fw.where = where;
	WRITE_ONCE(fw.mp, mp);
	ddic_rmap_debug_window(fw_hook);
}

static void fw_stop(void)
{
	complete_all(&fw.out);
	ddic_rmap_debug_window(NULL);
	WRITE_ONCE(fw.mp, NULL);
}

/* A killed sleeper in the window after it stopped counting as a waiter. */
static void rmalloc_wait_killed_then_map_freed(struct kunit *test)
{
	struct task_struct *tasks[1];
	struct wt_shared *sh;
	struct map *mp = rm_map(test, 1);

	rmfree(mp, 10, 1);
	sh = wt_start(test, mp, 1000, 1, tasks);
	KUNIT_ASSERT_TRUE(test, wt_sleepers(test, mp, 1));
	fw_start(mp, DDIC_RMAP_WINDOW_WAITED);
	fw_kill(tasks[0]);
	if (!wait_for_completion_timeout(&fw.in, 30 * HZ)) {
		fw_stop();
		KUNIT_FAIL(test, "the killed sleeper never left rmalloc_wait");
		return;
	}
	/* No waiter is left: the map is freed under the sleeper. */
	KUNIT_EXPECT_EQ(test, rm_stats(test, mp).waiters, 0UL);
	rmfreemap(mp);
	fw_stop();
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[0],
							   30 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, sh->got[0], 0UL);
}

struct fw_freer {
	struct kunit *test;
	struct map *mp;
	struct completion done;
};

static int fw_freer_fn(void *data)
{
	struct fw_freer *f = data;

	current->kunit_test = f->test;
	rmfree(f->mp, 10, 1);
	current->kunit_test = NULL;
	kthread_complete_and_exit(&f->done, 0);
}

/* An rmfree() that woke a sleeper, in the window after its unlock. */
static void rmfree_woke_then_map_freed(struct kunit *test)
{
	struct task_struct *tasks[1], *t;
	struct wt_shared *sh;
	struct fw_freer *f = kunit_kzalloc(test, sizeof(*f), GFP_KERNEL);
	struct map *mp = rm_map(test, 2);

	KUNIT_ASSERT_NOT_NULL(test, f);
	/* Ten units, never enough for the sleeper's thousand. */
	sh = wt_start(test, mp, 1000, 1, tasks);
	KUNIT_ASSERT_TRUE(test, wt_sleepers(test, mp, 1));
	f->test = test;
	f->mp = mp;
	init_completion(&f->done);
	fw_start(mp, DDIC_RMAP_WINDOW_FREED);
	t = kthread_run(fw_freer_fn, f, "rmap_fw");
	KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	if (!wait_for_completion_timeout(&fw.in, 30 * HZ)) {
		fw_stop();
		KUNIT_FAIL(test, "rmfree never reached its window");
		return;
	}
	/* The sleeper leaves; nothing holds the map: it is freed. */
	fw_kill(tasks[0]);
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&sh->done[0],
							   30 * HZ), 0UL);
	KUNIT_EXPECT_EQ(test, sh->got[0], 0UL);
	KUNIT_EXPECT_EQ(test, rm_stats(test, mp).waiters, 0UL);
	rmfreemap(mp);
	fw_stop();
	KUNIT_EXPECT_GT(test, wait_for_completion_timeout(&f->done, 30 * HZ),
			0UL);
}

/* rmalloc()/rmfree() from a timer callback, racing a thread. */
#define TM_ROUNDS	200

struct tm_shared {
	struct map *mp;
	unsigned long *owned;
	int rounds, ok, overlaps;
	unsigned long held[4];
};

/* One round in the timer; true while rounds are left. */
static bool tm_fn(void *arg)
{
	struct tm_shared *sh = arg;
	int i;

	for (i = 0; i < 4; i++) {
		sh->held[i] = rmalloc(sh->mp, 8);
		if (sh->held[i]) {
			sh->ok++;
			if (!cc_claim(sh->owned, sh->held[i], 8))
				sh->overlaps++;
		}
	}
	for (i = 0; i < 4; i++) {
		if (!sh->held[i])
			continue;
		cc_release(sh->owned, sh->held[i], 8);
		rmfree(sh->mp, 8, sh->held[i]);
	}
	return ++sh->rounds < TM_ROUNDS;
}

static void rmalloc_rmfree_from_timer(struct kunit *test)
{
	struct tm_shared *sh = kunit_kzalloc(test, sizeof(*sh), GFP_KERNEL);
	struct ddic_kunit_timer kt;
	struct ddic_rmap_stats st;
	unsigned long idx, t0;
	int overlaps = 0;

	KUNIT_ASSERT_NOT_NULL(test, sh);
	sh->owned = kunit_kzalloc(test, BITS_TO_LONGS(4096) * sizeof(long),
				  GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sh->owned);
	sh->mp = rm_map(test, 2);
	rmfree(sh->mp, 4000, 1);
	ddic_kunit_timer_start(&kt, tm_fn, sh);
	t0 = jiffies;
	/* Meanwhile, allocate and free in process context, fragmenting. */
	while (!completion_done(&kt.done) && time_before(jiffies, t0 + 60 * HZ)) {
		unsigned long a = rmalloc(sh->mp, 3);

		idx = rmalloc(sh->mp, 5);
		if (a && !cc_claim(sh->owned, a, 3))
			overlaps++;
		if (idx && !cc_claim(sh->owned, idx, 5))
			overlaps++;
		if (a) {
			cc_release(sh->owned, a, 3);
			rmfree(sh->mp, 3, a);
		}
		if (idx) {
			cc_release(sh->owned, idx, 5);
			rmfree(sh->mp, 5, idx);
		}
		cond_resched();
	}
	KUNIT_EXPECT_EQ(test, ddic_kunit_timer_wait(test, &kt), TM_ROUNDS);
	KUNIT_EXPECT_EQ(test, sh->rounds, TM_ROUNDS);
	KUNIT_EXPECT_EQ(test, sh->ok, 4 * TM_ROUNDS);
	KUNIT_EXPECT_EQ(test, sh->overlaps, 0);
	KUNIT_EXPECT_EQ(test, overlaps, 0);
	st = rm_stats(test, sh->mp);
	KUNIT_EXPECT_EQ(test, st.free_units, 4000UL);
	KUNIT_EXPECT_EQ(test, st.free_segs, 1UL);
	KUNIT_EXPECT_EQ(test, st.lost_units, 0UL);
	rmfreemap(sh->mp);
}

/* rmallocmap() itself from a timer callback (any context). */
struct tm_create {
	struct map *mp;
	unsigned long idx;
};

static bool tm_create_fn(void *arg)
{
	struct tm_create *c = arg;

	c->mp = rmallocmap(3);
	if (c->mp) {
		rmfree(c->mp, 50, 7);
		c->idx = rmalloc(c->mp, 20);
	}
	return false;
}

static void rmallocmap_from_timer(struct kunit *test)
{
	struct tm_create c = { };

	ddic_kunit_in_timer(test, tm_create_fn, &c);
	KUNIT_ASSERT_NOT_NULL(test, c.mp);
	KUNIT_EXPECT_EQ(test, c.idx, 7UL);
	rmfree(c.mp, 20, 7);
	KUNIT_EXPECT_EQ(test, rm_stats(test, c.mp).free_units, 50UL);
	rmfreemap(c.mp);
}

static struct kunit_case rmap_concur_cases[] = {
	KUNIT_CASE(rmalloc_concurrent_threads),
	KUNIT_CASE(rmalloc_wait_many_waiters),
	KUNIT_CASE(rmalloc_wait_wake_all),
	KUNIT_CASE(rmalloc_wait_ping_pong),
	KUNIT_CASE(rmalloc_wait_fatal_signal),
	KUNIT_CASE(rmalloc_wait_killed_then_map_freed),
	KUNIT_CASE(rmfree_woke_then_map_freed),
	KUNIT_CASE(rmalloc_rmfree_from_timer),
	KUNIT_CASE(rmallocmap_from_timer),
	{}
};

static struct kunit_suite rmap_concur_suite = {
	.name = "ddi_compat_rmap_concur",
	.test_cases = rmap_concur_cases,
};

kunit_test_suite(rmap_concur_suite);

#endif /* DDIC_DEBUG */
