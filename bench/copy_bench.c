// SPDX-License-Identifier: GPL-2.0
/*
 * How a 4 KiB copy is best written for the guests the bench runs in (the
 * RAM disk's copy, drivers/ramdisk rd_copy()): a memcpy() whose size the
 * compiler knows to be at most a page (copied inline, a string move on
 * x86) against a call to the kernel's memcpy() (size unknown), and
 * against memmove() (ddi_compat's bcopy).
 */
#include <linux/kernel.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "bench.h"

struct cpb_arg {
	char *dst, *src;
	size_t len;
};

/* The size hidden from the compiler: a call to memcpy(). */
static noinline void cpb_call(void *arg, unsigned long iters)
{
	struct cpb_arg *a = arg;
	size_t len = READ_ONCE(a->len);

	while (iters--) {
		memcpy(a->dst, a->src, len);
		barrier_data(a->dst);
	}
}

/* At most a page, as rd_copy() writes it: copied inline. */
static noinline void cpb_bounded(void *arg, unsigned long iters)
{
	struct cpb_arg *a = arg;
	size_t len = min_t(size_t, READ_ONCE(a->len), PAGE_SIZE);

	while (iters--) {
		memcpy(a->dst, a->src, len);
		barrier_data(a->dst);
	}
}

static noinline void cpb_move(void *arg, unsigned long iters)
{
	struct cpb_arg *a = arg;
	size_t len = READ_ONCE(a->len);

	while (iters--) {
		memmove(a->dst, a->src, len);
		barrier_data(a->dst);
	}
}

int bench_copy(void)
{
	struct cpb_arg a = { .len = PAGE_SIZE };
	u64 ours, base;

	a.dst = kmalloc(PAGE_SIZE, GFP_KERNEL);
	a.src = kmalloc(PAGE_SIZE, GFP_KERNEL);
	if (!a.dst || !a.src) {
		kfree(a.dst);
		kfree(a.src);
		return -ENOMEM;
	}
	memset(a.src, 0x5a, PAGE_SIZE);
	bench_pair(cpb_bounded, &a, cpb_call, &a, 2000, 11, &ours, &base);
	bench_report("copy_4k_inline_vs_memcpy_call", "ns", ours,
		     "memcpy_call_4k", base);
	bench_pair(cpb_move, &a, cpb_call, &a, 2000, 11, &ours, &base);
	bench_report("copy_4k_memmove_vs_memcpy_call", "ns", ours,
		     "memcpy_call_4k", base);
	kfree(a.dst);
	kfree(a.src);
	return 0;
}
