// SPDX-License-Identifier: GPL-2.0
/*
 * ddi_umem_alloc+ddi_umem_free against vmalloc_user+vfree at 4 KiB,
 * 64 KiB, 1 MiB and 16 MiB; and the two raw backends against each other
 * (alloc_pages_exact vs vmalloc_user, both zeroed) from 4 KiB to 256 KiB,
 * which is where umem.c's umc_pages_max crossover comes from.
 *
 * The mmap + first-touch and memset bandwidth cases need a user process;
 * tests/prog/umem_bench.c measures them through the fixture
 * (/dev/ddi_umem_fixture) and reports them into the same results file.
 */
#include <linux/vmalloc.h>
#include <linux/gfp.h>
#include <linux/kernel.h>
#include <sys/sunddi.h>

#include "bench.h"

static void umb_pair(void *arg, unsigned long iters)
{
	size_t size = (size_t)arg;
	ddi_umem_cookie_t c;

	while (iters--) {
		void *p = ddi_umem_alloc(size, DDI_UMEM_SLEEP, &c);

		barrier_data(p);
		ddi_umem_free(c);
	}
}

static void vmalloc_user_pair(void *arg, unsigned long iters)
{
	size_t size = (size_t)arg;

	while (iters--) {
		void *p = vmalloc_user(size);

		barrier_data(p);
		vfree(p);
	}
}

static void pages_exact_pair(void *arg, unsigned long iters)
{
	size_t size = (size_t)arg;

	while (iters--) {
		void *p = alloc_pages_exact(size, GFP_KERNEL | __GFP_ZERO |
					    __GFP_NORETRY | __GFP_NOWARN);

		barrier_data(p);
		if (p)
			free_pages_exact(p, size);
	}
}

static unsigned long umb_iters(size_t size)
{
	/* About 64 MiB zeroed per round, at least 4 iterations. */
	return max_t(unsigned long, 4, (64UL << 20) / size);
}

int bench_umem(void)
{
	static const size_t sizes[] = { SZ_4K, SZ_64K, SZ_1M, SZ_16M };
	static const size_t cross[] = { SZ_4K, SZ_8K, SZ_16K, SZ_32K, SZ_64K,
					SZ_128K, SZ_256K };
	char name[64];
	u64 ours, base;
	int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		bench_pair(umb_pair, (void *)sizes[i], vmalloc_user_pair,
			   (void *)sizes[i], umb_iters(sizes[i]), 11, &ours,
			   &base);
		snprintf(name, sizeof(name), "ddi_umem_alloc_free_%zuK",
			 sizes[i] >> 10);
		bench_report(name, "ns", ours, "vmalloc_user_vfree", base);
	}
	for (i = 0; i < ARRAY_SIZE(cross); i++) {
		bench_pair(pages_exact_pair, (void *)cross[i],
			   vmalloc_user_pair, (void *)cross[i],
			   umb_iters(cross[i]), 11, &ours, &base);
		snprintf(name, sizeof(name), "umem_backend_pages_%zuK",
			 cross[i] >> 10);
		bench_report(name, "ns", ours, "vmalloc_user_vfree", base);
	}
	return 0;
}
