// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_findings: the regression cases of audit 2's
 * later findings (issue 11) that need no user process.
 *   15: freeing a vmalloc'ed umem cookie from atomic context leaves its
 *       memory as it was (the deferral's link is not written into it).
 *   22: a pollhead freed while somebody waits on its queue leaves no
 *       queue pointing at it.
 *   25: the character device's kobject may outlive the driver (delayed
 *       release, CONFIG_DEBUG_KOBJECT_RELEASE): a reference held past
 *       the driver's unload must not touch freed memory.
 *   26: a detached instance's character node keeps its minor: another
 *       instance cannot make a node with it.
 *   27: gathering a module's leaks at its unload keeps interrupts off
 *       (the tracker's lock) only for short batches, not for the walk
 *       over every live allocation.
 *   29: one driver's attach(9E) opening another driver's node nests two
 *       drivers' state locks: lockdep must not call that recursive.
 *   20: rmallocmap() of more slots than memory can hold allocates
 *       nothing (it took slot after slot from the emergency reserves).
 */
#include <kunit/test.h>
#include <linux/cdev.h>
#include <linux/file.h>
#include <linux/fs.h>
#include <linux/kobject.h>
#include <linux/delay.h>
#include <linux/highmem.h>
#include <linux/hrtimer.h>
#include <linux/ktime.h>
#include <linux/mm.h>
#include <linux/preempt.h>
#include <linux/vmalloc.h>
#include <linux/wait.h>
#include <sys/types.h>
#include <sys/stat.h>
#include <sys/conf.h>
#include <sys/devops.h>
#include <sys/modctl.h>
#include <sys/poll.h>
#include <sys/sunddi.h>
#include <sys/map.h>
#include <ddi_compat/glue.h>
#include <ddi_compat/testing.h>
#include "../ddi_compat/ddic_core.h"

/* KUNIT_CASE_SLOW() is 6.6 and later. */
#ifdef KUNIT_CASE_SLOW
#define DDIC_CASE_SLOW(f)	KUNIT_CASE_SLOW(f)
#else
#define DDIC_CASE_SLOW(f)	KUNIT_CASE(f)
#endif

#define FND_UMEM	(64 * 1024)	/* above the page allocator's limit */

/* Finding 15: deferred vfree must not store a pointer in the area. */
static void umem_free_atomic_keeps_memory(struct kunit *test)
{
	ddi_umem_cookie_t c;
	struct page *pg;
	u64 *p;
	void *k;

	k = ddi_umem_alloc(FND_UMEM, DDI_UMEM_SLEEP, &c);
	KUNIT_ASSERT_NOT_NULL(test, k);
	if (!is_vmalloc_addr(k)) {
		ddi_umem_free(c);
		kunit_skip(test, "the cookie is not vmalloc'ed");
	}
	memset(k, 0xa5, FND_UMEM);
	/* What a GUP reference would hold past the free. */
	pg = vmalloc_to_page(k);
	get_page(pg);
	preempt_disable();
	ddi_umem_free(c);
	preempt_enable();
	ddic_defer_flush();
	p = kmap_local_page(pg);
	KUNIT_EXPECT_EQ(test, p[0], 0xa5a5a5a5a5a5a5a5ULL);
	KUNIT_EXPECT_EQ(test, p[1], 0xa5a5a5a5a5a5a5a5ULL);
	kunmap_local(p);
	put_page(pg);
}

/*
 * Finding 22: pollhead_clean() (what freeing soft state does) while a
 * waiter is on the pollhead's queue.  The queue must let go of the
 * pollhead at once: a later clean of the same address (memory given to
 * something else) must not write through the old pointer.
 */
static void poll_queue_cut_loose(struct kunit *test)
{
	struct wait_queue_entry we;
	struct wait_queue_head *wq;
	struct pollhead *php;

	php = kzalloc(sizeof(*php), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, php);
	wq = ddic_pollhead_wq(NULL, php);
	if (!wq) {
		kfree(php);
		KUNIT_FAIL(test, "no wait queue");
		return;
	}
	init_waitqueue_entry(&we, current);
	add_wait_queue(wq, &we);
	pollhead_clean(php);
	KUNIT_EXPECT_NULL(test, php->ph_list);
	remove_wait_queue(wq, &we);
	__set_current_state(TASK_RUNNING);
	kfree(php);
	/* Frees the queue cut loose; must not touch the freed pollhead. */
	ddic_poll_forget_range(php, sizeof(*php));
}

/*
 * Finding 22, the rest: a pollhead in memory a driver kmem_alloc'ed per
 * open, or in a kmem_cache object, freed without pollhead_clean(): its
 * queue goes with the memory, not at the driver's unload.
 */
struct fnd_open {
	int fo_minor;
	struct pollhead fo_ph;
};

static void poll_queue_goes_with_memory(struct kunit *test)
{
	unsigned int n0 = ddic_poll_queues();
	struct fnd_open *fo;
	kmem_cache_t *cp;

	fo = kmem_zalloc(sizeof(*fo), KM_SLEEP);
	KUNIT_ASSERT_NOT_NULL(test, ddic_pollhead_wq(NULL, &fo->fo_ph));
	KUNIT_EXPECT_EQ(test, ddic_poll_queues(), n0 + 1);
	kmem_free(fo, sizeof(*fo));
	KUNIT_EXPECT_EQ(test, ddic_poll_queues(), n0);

	cp = kmem_cache_create("fnd_open", sizeof(*fo), 0, NULL, NULL, NULL,
			       NULL, NULL, 0);
	KUNIT_ASSERT_NOT_NULL(test, cp);
	fo = kmem_cache_alloc(cp, KM_SLEEP);
	KUNIT_ASSERT_NOT_NULL(test, fo);
	/* Cache objects come unzeroed; a driver zeroes its pollhead. */
	bzero(&fo->fo_ph, sizeof(fo->fo_ph));
	KUNIT_ASSERT_NOT_NULL(test, ddic_pollhead_wq(NULL, &fo->fo_ph));
	KUNIT_EXPECT_EQ(test, ddic_poll_queues(), n0 + 1);
	kmem_cache_free(cp, fo);
	KUNIT_EXPECT_EQ(test, ddic_poll_queues(), n0);
	kmem_cache_destroy(cp);
}

/*
 * A driver whose two instances both make character minor 7 at attach
 * (a driver bug: minors must name one instance); they autodetach.
 */
static int fnd_made[2];
static const char *fnd_nest;	/* a node attach(9E) opens, or NULL */
static long fnd_nest_err;

static int fnd_attach(dev_info_t *dip, ddi_attach_cmd_t cmd)
{
	int inst = ddi_get_instance(dip);
	struct file *f;

	if (inst < 0 || inst > 1)
		return DDI_FAILURE;
	if (fnd_nest) {
		f = filp_open(fnd_nest, O_RDONLY, 0);
		fnd_nest_err = PTR_ERR_OR_ZERO(f);
		if (!IS_ERR(f)) {
			filp_close(f, NULL);
			flush_delayed_fput();
		}
	}
	fnd_made[inst] = ddi_create_minor_node(dip, "n", S_IFCHR, 7,
					       DDI_PSEUDO, 0);
	return DDI_SUCCESS;
}

static int fnd_detach(dev_info_t *dip, ddi_detach_cmd_t cmd)
{
	ddi_remove_minor_node(dip, NULL);
	return DDI_SUCCESS;
}

static int fnd_open(dev_t *devp, int flag, int otyp, cred_t *cr)
{
	return 0;
}

static int fnd_close(dev_t dev, int flag, int otyp, cred_t *cr)
{
	return 0;
}

static struct cb_ops fnd_cb_ops = {
	.cb_open = fnd_open,
	.cb_close = fnd_close,
	.cb_flag = D_NEW | D_MP,
	.cb_rev = CB_REV,
};

static struct dev_ops fnd_ops = {
	.devo_rev = DEVO_REV,
	.devo_attach = fnd_attach,
	.devo_detach = fnd_detach,
	.devo_cb_ops = &fnd_cb_ops,
	.devo_quiesce = ddi_quiesce_not_needed,
};

static struct modldrv fnd_modldrv = {
	&mod_driverops, "findings test driver", &fnd_ops
};

static struct modlinkage fnd_modlinkage = {
	MODREV_1, { &fnd_modldrv, NULL }
};

static int fnd_init(void)
{
	return mod_install(&fnd_modlinkage);
}

static int fnd_fini(void)
{
	return mod_remove(&fnd_modlinkage);
}

/*
 * Finding 26: instance 0 attaches, makes minor 7 and autodetaches (its
 * node stays, for the next open to attach it); instance 1 then asks for
 * minor 7 too and must be refused, or /dev/pseudo/fndr@0:n would open
 * instance 1.
 */
static void stale_minor_reserved(struct kunit *test)
{
	int err;

	fnd_made[0] = fnd_made[1] = -100;
	err = ddic_glue_load(THIS_MODULE, "fndr",
			    "name=\"fndr\" parent=\"pseudo\" instance=0;\n"
			    "name=\"fndr\" parent=\"pseudo\" instance=1;\n",
			    fnd_init, NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, fnd_made[0], DDI_SUCCESS);
	KUNIT_EXPECT_EQ(test, fnd_made[1], DDI_FAILURE);
	ddic_glue_unload(THIS_MODULE, fnd_fini);
}

/*
 * Finding 25: hold the cdev's kobject as a delayed release would, unload
 * the driver, then drop it: with the cdev inside the freed driver that
 * is a use after free.
 */
static void cdev_outlives_driver(struct kunit *test)
{
	struct kobject *kobj;
	struct file *f;
	int err;

	err = ddic_glue_load(THIS_MODULE, "fndc",
			    "name=\"fndc\" parent=\"pseudo\" instance=0;\n"
			    "ddi-no-autodetach=1;\n", fnd_init, NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	f = filp_open("/dev/pseudo/fndc@0:n", O_RDONLY, 0);
	if (IS_ERR(f)) {
		ddic_glue_unload(THIS_MODULE, fnd_fini);
		KUNIT_FAIL(test, "open /dev/pseudo/fndc@0:n: %ld", PTR_ERR(f));
		return;
	}
	kobj = kobject_get(&file_inode(f)->i_cdev->kobj);
	filp_close(f, NULL);
	flush_delayed_fput();	/* a kthread's last fput is deferred */
	ddic_glue_unload(THIS_MODULE, fnd_fini);
	/* Ours is the last reference; the driver is gone. */
	KUNIT_EXPECT_EQ(test, kref_read(&kobj->kref), 1U);
	kobject_put(kobj);
}

/*
 * Finding 29: driver fndb is loaded; driver fnda's attach(9E) opens
 * fndb's node, so fndb's state_lock is taken inside fnda's.  With one
 * lockdep class for every driver's state_lock that is a "possible
 * recursive locking" splat (which fails the run).
 */
static void state_locks_nest(struct kunit *test)
{
	int err;

	fnd_nest = NULL;
	err = ddic_glue_load(THIS_MODULE, "fndb",
			    "name=\"fndb\" parent=\"pseudo\" instance=0;\n"
			    "ddi-no-autodetach=1;\n", fnd_init, NULL);
	KUNIT_ASSERT_EQ(test, err, 0);
	fnd_nest = "/dev/pseudo/fndb@0:n";
	fnd_nest_err = -1;
	err = ddic_glue_load(THIS_MODULE, "fnda",
			    "name=\"fnda\" parent=\"pseudo\" instance=0;\n"
			    "ddi-no-autodetach=1;\n", fnd_init, NULL);
	fnd_nest = NULL;
	KUNIT_EXPECT_EQ(test, err, 0);
	KUNIT_EXPECT_EQ(test, fnd_nest_err, 0L);
	if (!err)
		ddic_glue_unload(THIS_MODULE, fnd_fini);	/* fnda */
	ddic_glue_unload(THIS_MODULE, fnd_fini);		/* fndb */
}

/*
 * Finding 27: a timer firing every 200 us times the longest stretch
 * with interrupts off on this CPU while ddic_site_orphan() walks a
 * million sites (the tracker's lock is taken with interrupts off).  The
 * guest's clock may tick in 4 ms steps: the walk must last many of them
 * (200000 sites took 8 ms unbatched on debug-6.12).
 */
#define FND_SITES	1000000

/* Not on the stack: debugobjects wants timers there declared as such. */
static struct fnd_gap {
	struct hrtimer timer;
	u64 last, max;
} fnd_gap;

static enum hrtimer_restart fnd_tick(struct hrtimer *t)
{
	struct fnd_gap *g = container_of(t, struct fnd_gap, timer);
	u64 now = ktime_get_ns();

	if (g->last && now - g->last > g->max)
		g->max = now - g->last;
	g->last = now;
	hrtimer_forward_now(t, ns_to_ktime(200 * NSEC_PER_USEC));
	return HRTIMER_RESTART;
}

static void fnd_describe(struct ddic_site *s, const char *modname,
			 char *buf, size_t len)
{
	snprintf(buf, len, "fnd: site %d [%s]", s->line, modname);
}

static void orphan_walk_batched(struct kunit *test)
{
	struct ddic_site_tracker t;
	unsigned long nlive, bytes;
	struct ddic_site *sites;
	struct fnd_gap *g = &fnd_gap;
	u64 t0, total;
	int i;

	spin_lock_init(&t.lock);
	INIT_LIST_HEAD(&t.live);
	t.nlive = t.bytes = t.orphaned = 0;
	sites = kvcalloc(FND_SITES, sizeof(*sites), GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, sites);
	/* Half of them this module's (the leaks), half nobody's (caller 1). */
	for (i = 0; i < FND_SITES; i++)
		ddic_site_track(&t, &sites[i], 8, "fnd", i,
				i % 2 ? (unsigned long)fnd_tick : 1);
	migrate_disable();	/* the timer and the walk on one CPU */
	g->last = g->max = 0;
	hrtimer_init(&g->timer, CLOCK_MONOTONIC, HRTIMER_MODE_REL_PINNED);
	g->timer.function = fnd_tick;
	hrtimer_start(&g->timer, ns_to_ktime(200 * NSEC_PER_USEC),
		      HRTIMER_MODE_REL_PINNED);
	usleep_range(5000, 6000);
	t0 = ktime_get_ns();
	ddic_site_orphan(&t, THIS_MODULE, "fnd", "sites", fnd_describe);
	total = ktime_get_ns() - t0;
	hrtimer_cancel(&g->timer);
	migrate_enable();
	kunit_info(test, "walk %llu us, longest time without the timer %llu us\n",
		   total / 1000, g->max / 1000);
	KUNIT_EXPECT_LT(test, g->max, total / 3);
	ddic_site_stats(&t, &nlive, &bytes);
	KUNIT_EXPECT_EQ(test, nlive, (unsigned long)FND_SITES / 2);
	KUNIT_EXPECT_EQ(test, ddic_site_orphaned(&t),
			(unsigned long)FND_SITES / 2);
	for (i = 0; i < FND_SITES; i += 2)
		ddic_site_untrack(&t, &sites[i]);
	kvfree(sites);
}

/*
 * Finding 20: fail_nth = 1 fails this thread's next allocation; still
 * armed after rmallocmap() means it tried none.
 */
static void rmallocmap_above_memory_allocates_nothing(struct kunit *test)
{
#ifdef CONFIG_FAULT_INJECTION
	unsigned int left;
	struct map *mp;

	current->fail_nth = 1;
	mp = rmallocmap(SIZE_MAX / 2);
	left = current->fail_nth;
	current->fail_nth = 0;
	KUNIT_EXPECT_NULL(test, mp);
	KUNIT_EXPECT_EQ(test, left, 1U);
	if (mp)
		rmfreemap(mp);
#else
	KUNIT_FAIL(test, "needs CONFIG_FAULT_INJECTION (debug kernels)");
#endif
}

static struct kunit_case findings_cases[] = {
	KUNIT_CASE(umem_free_atomic_keeps_memory),
	KUNIT_CASE(poll_queue_cut_loose),
	KUNIT_CASE(poll_queue_goes_with_memory),
	KUNIT_CASE(stale_minor_reserved),
	KUNIT_CASE(cdev_outlives_driver),
	KUNIT_CASE(state_locks_nest),
	KUNIT_CASE(rmallocmap_above_memory_allocates_nothing),
	DDIC_CASE_SLOW(orphan_walk_batched),
	{}
};

static struct kunit_suite findings_suite = {
	.name = "ddi_compat_findings",
	.test_cases = findings_cases,
};

kunit_test_suites(&findings_suite);
