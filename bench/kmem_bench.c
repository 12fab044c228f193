// SPDX-License-Identifier: GPL-2.0
/*
 * kmem_alloc+kmem_free against kmalloc+kfree for 64 B, 4 KiB and 64 KiB.
 */
#include <linux/slab.h>
#include <linux/kernel.h>
#include <sys/kmem.h>

#include "bench.h"

static void kmb_pair(void *arg, unsigned long iters)
{
	size_t size = (size_t)arg;

	while (iters--) {
		void *p = kmem_alloc(size, KM_SLEEP);

		/* Keep the compiler from eliding the pair. */
		barrier_data(p);
		kmem_free(p, size);
	}
}

static void kmalloc_pair(void *arg, unsigned long iters)
{
	size_t size = (size_t)arg;

	while (iters--) {
		void *p = kmalloc(size, GFP_KERNEL);

		barrier_data(p);
		kfree(p);
	}
}

int bench_kmem(void)
{
	static const size_t sizes[] = { 64, 4096, 65536 };
	char name[64];
	u64 ours, base;
	int i;

	for (i = 0; i < ARRAY_SIZE(sizes); i++) {
		unsigned long iters = sizes[i] > 4096 ? 2000 : 20000;

		bench_pair(kmb_pair, (void *)sizes[i], kmalloc_pair,
			   (void *)sizes[i], iters, 11, &ours, &base);
		snprintf(name, sizeof(name), "kmem_alloc_free_%zuB", sizes[i]);
		bench_report(name, "ns", ours, "kmalloc_kfree", base);
	}
	return 0;
}
