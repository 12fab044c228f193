/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The benchmark module's framework.  A case times the project's code and
 * a baseline in the same guest run, alternating rounds, and reports the
 * median of each and the spread (min, median, max) of the per-round
 * ratio.
 */
#ifndef _DDI_BENCH_H
#define _DDI_BENCH_H

#include <linux/types.h>

/* Values are in thousandths of @unit, so that ratios keep their precision. */
void bench_report(const char *name, const char *unit, u64 value_milli,
		  const char *baseline, u64 baseline_milli);

/*
 * The spread of the ratio value/baseline over the rounds of the case the
 * next bench_report() reports (thousandths).  bench_pair() sets it itself.
 */
void bench_set_spread(u64 min_milli, u64 med_milli, u64 max_milli);

/*
 * Run @fn(@arg, @iters) @rounds times for each of @a and @b, alternating,
 * and return the median time per iteration in thousandths of ns.
 */
typedef void (*bench_fn)(void *arg, unsigned long iters);
void bench_pair(bench_fn a, void *a_arg, bench_fn b, void *b_arg,
		unsigned long iters, int rounds, u64 *a_milli, u64 *b_milli);

int bench_kmem(void);
int bench_rmap(void);
int bench_umem(void);
int bench_svc(void);
int bench_callout(void);
int bench_copy(void);

/* /dev/ddi_umem_fixture, for the user-space umem tests and benches. */
int ddic_umem_fixture_init(void);
void ddic_umem_fixture_exit(void);

#endif /* _DDI_BENCH_H */
