// SPDX-License-Identifier: GPL-2.0
/*
 * ddi_bench: runs every benchmark case when loaded and keeps the results
 * in /sys/kernel/debug/ddi_bench/results, one JSON object per line, for
 * scripts/bench.sh to collect.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/module.h>
#include <ddi_compat/kcompat.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/ktime.h>
#include <linux/slab.h>
#include <linux/sort.h>
#include <linux/math64.h>
#include <linux/string.h>
#include <linux/sched.h>

#include "bench.h"

struct bench_row {
	struct list_head link;
	char name[64];
	char unit[16];
	char baseline[64];
	u64 value, baseline_value;
	/* Per-round ratio value/baseline, thousandths; 0: not measured. */
	u64 ratio_min, ratio_med, ratio_max;
};

static LIST_HEAD(bench_rows);

/*
 * The spread of the last bench_pair() (its per-round ratios), taken by
 * the next bench_report(): so every case timed with bench_pair() reports
 * its spread without passing it.
 */
static u64 bench_spread[3];

/* Only the cases named here (comma-separated), if set: make bench's BENCH_ONLY. */
static char *only;
module_param(only, charp, 0444);
MODULE_PARM_DESC(only, "run only these in-kernel cases (comma-separated)");

/* cases=0 loads the module for its fixtures without running the cases. */
static bool cases = true;
module_param(cases, bool, 0444);
MODULE_PARM_DESC(cases, "run the in-kernel benchmark cases at load");
static struct dentry *bench_dir;

void bench_report(const char *name, const char *unit, u64 value_milli,
		  const char *baseline, u64 baseline_milli)
{
	struct bench_row *r = kzalloc(sizeof(*r), GFP_KERNEL);

	if (!r)
		return;
	strscpy(r->name, name, sizeof(r->name));
	strscpy(r->unit, unit, sizeof(r->unit));
	strscpy(r->baseline, baseline, sizeof(r->baseline));
	r->value = value_milli;
	r->baseline_value = baseline_milli;
	r->ratio_min = bench_spread[0];
	r->ratio_med = bench_spread[1];
	r->ratio_max = bench_spread[2];
	memset(bench_spread, 0, sizeof(bench_spread));
	list_add_tail(&r->link, &bench_rows);
	pr_info("%s: %llu.%03llu %s (%s: %llu.%03llu)\n", name,
		value_milli / 1000, value_milli % 1000, unit, baseline,
		baseline_milli / 1000, baseline_milli % 1000);
}

static int cmp_u64(const void *a, const void *b)
{
	u64 x = *(const u64 *)a, y = *(const u64 *)b;

	return x < y ? -1 : x > y;
}

/*
 * The per-round ratios of a case measured outside bench_pair() (the
 * user-space cases): thousandths, for the next bench_report().
 */
void bench_set_spread(u64 min_milli, u64 med_milli, u64 max_milli)
{
	bench_spread[0] = min_milli;
	bench_spread[1] = med_milli;
	bench_spread[2] = max_milli;
}

#define BENCH_MAX_ROUNDS 31

void bench_pair(bench_fn a, void *a_arg, bench_fn b, void *b_arg,
		unsigned long iters, int rounds, u64 *a_milli, u64 *b_milli)
{
	u64 ta[BENCH_MAX_ROUNDS], tb[BENCH_MAX_ROUNDS], tr[BENCH_MAX_ROUNDS];
	u64 t0;
	int i;

	rounds = clamp(rounds, 1, BENCH_MAX_ROUNDS);
	/* One untimed pass each to warm caches and allocator state. */
	a(a_arg, iters);
	b(b_arg, iters);
	for (i = 0; i < rounds; i++) {
		t0 = ktime_get_ns();
		a(a_arg, iters);
		ta[i] = (ktime_get_ns() - t0) * 1000 / iters;
		t0 = ktime_get_ns();
		b(b_arg, iters);
		tb[i] = (ktime_get_ns() - t0) * 1000 / iters;
		/* This round's ratio: the two ran back to back. */
		tr[i] = tb[i] ? div64_u64(ta[i] * 1000, tb[i]) : 0;
		cond_resched();
	}
	sort(tr, rounds, sizeof(u64), cmp_u64, NULL);
	bench_set_spread(tr[0], tr[rounds / 2], tr[rounds - 1]);
	sort(ta, rounds, sizeof(u64), cmp_u64, NULL);
	sort(tb, rounds, sizeof(u64), cmp_u64, NULL);
	*a_milli = ta[rounds / 2];
	*b_milli = tb[rounds / 2];
}

static int bench_results_show(struct seq_file *m, void *v)
{
	struct bench_row *r;

	list_for_each_entry(r, &bench_rows, link) {
		seq_printf(m, "{\"name\": \"%s\", \"value\": %llu.%03llu, \"unit\": \"%s\", \"baseline\": \"%s\", \"baseline_value\": %llu.%03llu",
			   r->name, r->value / 1000, r->value % 1000, r->unit,
			   r->baseline, r->baseline_value / 1000,
			   r->baseline_value % 1000);
		if (r->ratio_max)
			seq_printf(m, ", \"ratio_min\": %llu.%03llu, \"ratio_med\": %llu.%03llu, \"ratio_max\": %llu.%03llu",
				   r->ratio_min / 1000, r->ratio_min % 1000,
				   r->ratio_med / 1000, r->ratio_med % 1000,
				   r->ratio_max / 1000, r->ratio_max % 1000);
		seq_puts(m, "}\n");
	}
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(bench_results);

static const struct {
	const char *name;
	int (*run)(void);
} bench_cases[] = {
	{ "kmem", bench_kmem },
	{ "rmap", bench_rmap },
	{ "umem", bench_umem },
	{ "svc", bench_svc },
	{ "callout", bench_callout },
	{ "copy", bench_copy },
};

/* @name is one of the comma-separated names of @list. */
static bool bench_named(const char *list, const char *name)
{
	size_t n = strlen(name);
	const char *p = list;

	while ((p = strstr(p, name))) {
		if ((p == list || p[-1] == ',') && (p[n] == ',' || !p[n]))
			return true;
		p += n;
	}
	return false;
}

static int __init ddic_bench_init(void)
{
	int i, err;

	for (i = 0; cases && i < ARRAY_SIZE(bench_cases); i++) {
		if (only && !bench_named(only, bench_cases[i].name))
			continue;
		err = bench_cases[i].run();
		if (err)
			pr_err("%s cases failed: %d\n", bench_cases[i].name, err);
	}
	err = ddic_umem_fixture_init();
	if (err)
		pr_err("umem fixture: %d\n", err);
	bench_dir = debugfs_create_dir("ddi_bench", NULL);
	debugfs_create_file("results", 0444, bench_dir, NULL,
			    &bench_results_fops);
	return 0;
}

static void __exit ddic_bench_exit(void)
{
	struct bench_row *r, *n;

	ddic_umem_fixture_exit();
	debugfs_remove_recursive(bench_dir);
	list_for_each_entry_safe(r, n, &bench_rows, link)
		kfree(r);
}

module_init(ddic_bench_init);
module_exit(ddic_bench_exit);

MODULE_DESCRIPTION("ddi_compat benchmarks, each against a baseline");
MODULE_LICENSE("GPL");
/* ddic_devmap_mmap() and ddic_umem_cookie_page() (ddi_compat/testing.h). */
DDIC_IMPORT_NS(DDIC_TESTING);
