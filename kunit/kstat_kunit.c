// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_kstat: kstat_create(9F), kstat_install(9F),
 * kstat_delete(9F), kstat_named_init(9F), kstat_queue(9F), and what user
 * space reads in /proc/ddi_kstat.
 */
#include <kunit/test.h>
#include <linux/fs.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <linux/slab.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/kstat.h>
#include <sys/sunddi.h>
#include <sys/ddi.h>

#define KT_BUF	(64 * 1024)

/* /proc/ddi_kstat, NUL-terminated, in a buffer the test frees. */
static char *kt_read(struct kunit *test)
{
	struct file *f;
	char *buf;
	loff_t pos = 0;
	ssize_t n, total = 0;

	buf = kunit_kzalloc(test, KT_BUF + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	f = filp_open("/proc/ddi_kstat", O_RDONLY, 0);
	KUNIT_ASSERT_FALSE_MSG(test, IS_ERR(f), "open /proc/ddi_kstat: %ld",
			       PTR_ERR(f));
	while (total < KT_BUF &&
	       (n = kernel_read(f, buf + total, KT_BUF - total, &pos)) > 0)
		total += n;
	filp_close(f, NULL);
	buf[total] = 0;
	return buf;
}

/* Is "line\n" a whole line of @buf? */
static bool kt_has(const char *buf, const char *line)
{
	size_t len = strlen(line);
	const char *p = buf;

	while ((p = strstr(p, line))) {
		if ((p == buf || p[-1] == '\n') && p[len] == '\n')
			return true;
		p += len;
	}
	return false;
}

/* Is any statistic of module:instance:name listed? */
static bool kt_listed(const char *buf, const char *prefix)
{
	const char *p = buf;
	size_t len = strlen(prefix);

	while ((p = strstr(p, prefix))) {
		if (p == buf || p[-1] == '\n')
			return true;
		p += len;
	}
	return false;
}

struct kt_named {
	kstat_named_t value;
	kstat_named_t label;
	kstat_named_t count;
};

struct kt_ctx {
	kmutex_t lock;
	int updates;
	int locked_in_update;
	int fail;
	char label[16];
};

static int kt_update(kstat_t *ksp, int rw)
{
	struct kt_ctx *c = ksp->ks_private;
	struct kt_named *kn = ksp->ks_data;

	if (rw != KSTAT_READ)
		return EACCES;
	if (c->fail)
		return EIO;
	c->updates++;
	c->locked_in_update = mutex_owned(&c->lock);
	kn->value.value.ui64 = 40 + c->updates;
	kstat_named_setstr(&kn->label, c->label);
	return 0;
}

static kstat_t *kt_named_create(struct kunit *test, struct kt_ctx *c,
				const char *name)
{
	struct kt_named *kn;
	kstat_t *ksp;

	ksp = kstat_create("ddictest", 0, name, "misc", KSTAT_TYPE_NAMED,
			   sizeof(*kn) / sizeof(kstat_named_t), 0);
	KUNIT_ASSERT_NOT_NULL(test, ksp);
	KUNIT_EXPECT_EQ(test, ksp->ks_ndata, 3U);
	KUNIT_EXPECT_EQ(test, ksp->ks_data_size, sizeof(*kn));
	kn = ksp->ks_data;
	kstat_named_init(&kn->value, "value", KSTAT_DATA_UINT64);
	kstat_named_init(&kn->label, "label", KSTAT_DATA_STRING);
	kstat_named_init(&kn->count, "count", KSTAT_DATA_INT32);
	kn->count.value.i32 = -7;
	ksp->ks_update = kt_update;
	ksp->ks_private = c;
	ksp->ks_lock = &c->lock;
	return ksp;
}

/* ks_update runs before every read, under ks_lock, and its values show. */
static void kstat_named_update_and_lock(struct kunit *test)
{
	struct kt_ctx c = { .label = "hello" };
	kstat_t *ksp;
	char *buf;

	mutex_init(&c.lock, NULL, MUTEX_DRIVER, NULL);
	ksp = kt_named_create(test, &c, "named");

	/* Invisible until installed. */
	buf = kt_read(test);
	KUNIT_EXPECT_FALSE(test, kt_listed(buf, "ddictest:0:named:"));
	KUNIT_EXPECT_EQ(test, c.updates, 0);

	kstat_install(ksp);
	buf = kt_read(test);
	KUNIT_EXPECT_EQ(test, c.updates, 1);
	KUNIT_EXPECT_EQ(test, c.locked_in_update, 1);
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:0:named:value\t41"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:0:named:label\thello"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:0:named:count\t-7"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:0:named:class\tmisc"));
	KUNIT_EXPECT_TRUE(test, kt_listed(buf, "ddictest:0:named:crtime\t"));
	KUNIT_EXPECT_TRUE(test, kt_listed(buf, "ddictest:0:named:snaptime\t"));
	KUNIT_EXPECT_GE(test, ksp->ks_snaptime, ksp->ks_crtime);

	strscpy(c.label, "again", sizeof(c.label));
	buf = kt_read(test);
	KUNIT_EXPECT_EQ(test, c.updates, 2);
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:0:named:value\t42"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:0:named:label\tagain"));

	/* An update that fails hides the kstat from that read. */
	c.fail = 1;
	buf = kt_read(test);
	KUNIT_EXPECT_FALSE(test, kt_listed(buf, "ddictest:0:named:"));
	c.fail = 0;

	kstat_delete(ksp);
	buf = kt_read(test);
	KUNIT_EXPECT_FALSE(test, kt_listed(buf, "ddictest:0:named:"));
	mutex_destroy(&c.lock);
}

/* The queue model of kstat_queue(9F). */
static void kstat_io_queues(struct kunit *test)
{
	kstat_t *ksp;
	kstat_io_t *kio;
	hrtime_t t0, t1, t2, gap;
	char line[96];
	char *buf;

	ksp = kstat_create("ddictest", 3, NULL, "disk", KSTAT_TYPE_IO, 1, 0);
	KUNIT_ASSERT_NOT_NULL(test, ksp);
	/* No name: module and instance. */
	KUNIT_EXPECT_STREQ(test, ksp->ks_name, "ddictest3");
	kio = KSTAT_IO_PTR(ksp);
	kstat_install(ksp);

	/*
	 * Two requests wait together, then run one after the other.  Each
	 * lower bound on a queue's time is the gethrtime() interval measured
	 * around the sleep inside it, not the sleep's nominal 20 ms: a loaded
	 * TCG guest's timer and clock need not agree to the tick.
	 */
	t0 = gethrtime();
	kstat_waitq_enter(kio);
	kstat_waitq_enter(kio);
	t1 = gethrtime();
	gap = t1 - t0;
	KUNIT_EXPECT_EQ(test, kio->wcnt, 2U);
	msleep(20);
	t2 = gethrtime();
	kstat_waitq_to_runq(kio);
	KUNIT_EXPECT_EQ(test, kio->wcnt, 1U);
	KUNIT_EXPECT_EQ(test, kio->rcnt, 1U);
	KUNIT_EXPECT_GE(test, kio->wtime, t2 - t1);
	/*
	 * Two in the queue for all of wtime but the moment between the
	 * enters, which is no longer than the measured gap (a loaded debug
	 * guest can be preempted there for more than a millisecond).
	 */
	KUNIT_EXPECT_LE(test, kio->wlentime, 2 * kio->wtime);
	KUNIT_EXPECT_GE(test, kio->wlentime, 2 * kio->wtime - gap);
	t1 = gethrtime();
	msleep(20);
	t2 = gethrtime();
	kstat_runq_back_to_waitq(kio);
	KUNIT_EXPECT_EQ(test, kio->wcnt, 2U);
	KUNIT_EXPECT_EQ(test, kio->rcnt, 0U);
	KUNIT_EXPECT_GE(test, kio->rtime, t2 - t1);
	KUNIT_EXPECT_EQ(test, kio->rlentime, kio->rtime);
	kstat_waitq_exit(kio);
	kstat_waitq_to_runq(kio);
	kstat_runq_enter(kio);
	KUNIT_EXPECT_EQ(test, kio->wcnt, 0U);
	KUNIT_EXPECT_EQ(test, kio->rcnt, 2U);
	msleep(20);
	kstat_runq_exit(kio);
	kstat_runq_exit(kio);
	KUNIT_EXPECT_EQ(test, kio->rcnt, 0U);
	KUNIT_EXPECT_GT(test, kio->rlentime, kio->rtime);
	kio->reads = 3;
	kio->nread = 1536;
	kio->writes = 1;
	kio->nwritten = 512;

	buf = kt_read(test);
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:3:ddictest3:reads\t3"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:3:ddictest3:nread\t1536"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:3:ddictest3:writes\t1"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:3:ddictest3:nwritten\t512"));
	snprintf(line, sizeof(line), "ddictest:3:ddictest3:rtime\t%lld",
		 kio->rtime);
	KUNIT_EXPECT_TRUE(test, kt_has(buf, line));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:3:ddictest3:class\tdisk"));
	kstat_delete(ksp);
}

/* Other types, virtual data and bad requests. */
static void kstat_types_and_refusals(struct kunit *test)
{
	static kstat_intr_t intr = { .intrs = { 5, 6, 0, 1, 0 } };
	kstat_t *ksp, *raw, *tmr, *dup;
	char *buf;

	ksp = kstat_create("ddictest", 1, "intr", "controller",
			   KSTAT_TYPE_INTR, 1, KSTAT_FLAG_VIRTUAL);
	KUNIT_ASSERT_NOT_NULL(test, ksp);
	KUNIT_EXPECT_NULL(test, ksp->ks_data);
	ksp->ks_data = &intr;
	kstat_install(ksp);

	raw = kstat_create("ddictest", 1, "raw", "misc", KSTAT_TYPE_RAW, 4, 0);
	KUNIT_ASSERT_NOT_NULL(test, raw);
	KUNIT_EXPECT_EQ(test, raw->ks_data_size, 4UL);
	memcpy(raw->ks_data, "\x01\x02\xab\xff", 4);
	kstat_install(raw);

	tmr = kstat_create("ddictest", 1, "timer", "misc", KSTAT_TYPE_TIMER,
			   2, 0);
	KUNIT_ASSERT_NOT_NULL(test, tmr);
	strscpy(KSTAT_TIMER_PTR(tmr)[1].name, "second", KSTAT_STRLEN);
	KSTAT_TIMER_PTR(tmr)[1].num_events = 9;
	kstat_install(tmr);

	/* The same module:instance:name twice is refused. */
	dup = kstat_create("ddictest", 1, "raw", "misc", KSTAT_TYPE_RAW, 4, 0);
	KUNIT_EXPECT_NULL(test, dup);
	/* I/O and interrupt kstats hold one record; no module; bad type. */
	KUNIT_EXPECT_NULL(test, kstat_create("ddictest", 1, "io2", "disk",
					     KSTAT_TYPE_IO, 2, 0));
	KUNIT_EXPECT_NULL(test, kstat_create(NULL, 1, "x", "misc",
					     KSTAT_TYPE_NAMED, 1, 0));
	KUNIT_EXPECT_NULL(test, kstat_create("ddictest", 1, "x", "misc",
					     KSTAT_NUM_TYPES, 1, 0));
	/* Persistent kstats cannot be virtual. */
	KUNIT_EXPECT_NULL(test, kstat_create("ddictest", 1, "pv", "misc",
					     KSTAT_TYPE_NAMED, 1,
					     KSTAT_FLAG_PERSISTENT |
					     KSTAT_FLAG_VIRTUAL));

	buf = kt_read(test);
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:1:intr:hard\t5"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:1:intr:soft\t6"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:1:intr:spurious\t1"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:1:raw:raw\t0102abff"));
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:1:timer:second.num_events\t9"));
	kstat_delete(ksp);
	kstat_delete(raw);
	kstat_delete(tmr);
	buf = kt_read(test);
	KUNIT_EXPECT_FALSE(test, kt_listed(buf, "ddictest:1:"));
}

/* A persistent kstat survives kstat_delete with its data. */
static void kstat_persistent(struct kunit *test)
{
	kstat_t *ksp, *again;
	kstat_named_t *kn;
	char *buf;

	ksp = kstat_create("ddictest", 2, "keep", "misc", KSTAT_TYPE_NAMED, 1,
			   KSTAT_FLAG_PERSISTENT);
	KUNIT_ASSERT_NOT_NULL(test, ksp);
	kn = KSTAT_NAMED_PTR(ksp);
	kstat_named_init(kn, "opens", KSTAT_DATA_UINT32);
	kn->value.ui32 = 17;
	kstat_install(ksp);
	kstat_delete(ksp);

	buf = kt_read(test);
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:2:keep:opens\t17"));
	KUNIT_EXPECT_TRUE(test, ksp->ks_flags & KSTAT_FLAG_DORMANT);

	again = kstat_create("ddictest", 2, "keep", "misc", KSTAT_TYPE_NAMED, 1,
			     KSTAT_FLAG_PERSISTENT);
	KUNIT_EXPECT_PTR_EQ(test, again, ksp);
	KUNIT_ASSERT_NOT_NULL(test, again);
	KUNIT_EXPECT_EQ(test, KSTAT_NAMED_PTR(again)->value.ui32, 17U);
	KUNIT_EXPECT_FALSE(test, again->ks_flags & KSTAT_FLAG_DORMANT);
	KSTAT_NAMED_PTR(again)->value.ui32++;
	kstat_install(again);
	buf = kt_read(test);
	KUNIT_EXPECT_TRUE(test, kt_has(buf, "ddictest:2:keep:opens\t18"));
	/* Without the flag, delete frees it. */
	again->ks_flags &= ~KSTAT_FLAG_PERSISTENT;
	kstat_delete(again);
	buf = kt_read(test);
	KUNIT_EXPECT_FALSE(test, kt_listed(buf, "ddictest:2:"));
}

/* Several threads create, update and delete while readers read. */
#define KT_THREADS	4
#define KT_ROUNDS	100

struct kt_worker {
	int id;
	int created;
	struct completion done;
};

static int kt_update_slow(kstat_t *ksp, int rw)
{
	KSTAT_NAMED_PTR(ksp)->value.ui64++;
	return 0;
}

static int kt_work(void *arg)
{
	struct kt_worker *w = arg;
	char name[16];
	kmutex_t lock;
	int i;

	mutex_init(&lock, NULL, MUTEX_DRIVER, NULL);
	snprintf(name, sizeof(name), "w%d", w->id);
	for (i = 0; i < KT_ROUNDS; i++) {
		kstat_t *ksp = kstat_create("ddictest", 9, name, "misc",
					    KSTAT_TYPE_NAMED, 1, 0);

		if (!ksp)
			continue;
		w->created++;
		kstat_named_init(KSTAT_NAMED_PTR(ksp), "n", KSTAT_DATA_UINT64);
		ksp->ks_update = kt_update_slow;
		ksp->ks_lock = &lock;
		kstat_install(ksp);
		if (i % 8 == 0)
			usleep_range(100, 200);
		/* Deleting under one's own lock is the caller's bug; not here. */
		kstat_delete(ksp);
	}
	mutex_destroy(&lock);
	kthread_complete_and_exit(&w->done, 0);
}

static void kstat_concurrent(struct kunit *test)
{
	struct kt_worker w[KT_THREADS];
	struct task_struct *t;
	char *buf;
	int i;

	for (i = 0; i < KT_THREADS; i++) {
		w[i].id = i;
		w[i].created = 0;
		init_completion(&w[i].done);
		t = kthread_run(kt_work, &w[i], "kt_work%d", i);
		KUNIT_ASSERT_FALSE(test, IS_ERR(t));
	}
	for (i = 0; i < 20; i++)
		buf = kt_read(test);
	for (i = 0; i < KT_THREADS; i++) {
		wait_for_completion(&w[i].done);
		KUNIT_EXPECT_EQ(test, w[i].created, KT_ROUNDS);
	}
	buf = kt_read(test);
	KUNIT_EXPECT_FALSE(test, kt_listed(buf, "ddictest:9:"));
}

static struct kunit_case kstat_cases[] = {
	KUNIT_CASE(kstat_named_update_and_lock),
	KUNIT_CASE(kstat_io_queues),
	KUNIT_CASE(kstat_types_and_refusals),
	KUNIT_CASE(kstat_persistent),
	KUNIT_CASE(kstat_concurrent),
	{}
};

static struct kunit_suite kstat_suite = {
	.name = "ddi_compat_kstat",
	.test_cases = kstat_cases,
};
kunit_test_suite(kstat_suite);
