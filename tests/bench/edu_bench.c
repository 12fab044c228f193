// SPDX-License-Identifier: GPL-2.0
/*
 * edu_bench DDI_DEV NATIVE_DEV [CASE...]: make bench's edu cases.  Each
 * case runs the same timing loop in the kernel in the Solaris driver
 * tests/bench/edubench (through ddi_compat, DDI_DEV) and in the native
 * Linux driver bench/edu_native.c (NATIVE_DEV), in alternating rounds on
 * two edu devices of the same guest, and prints one row
 *   bench: {"name": ..., "value": <ns per iteration through the DDI>,
 *           "baseline_value": <native>, "ratio_min/med/max": per round}
 * (medians; the per-round ratios give the spread).  A loop that reports
 * errors (a lost interrupt, a failed bind, a byte that came back wrong)
 * fails the program.  With CASE arguments, only the cases so named.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <sched.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "edubench/edubench.h"

struct ebcase {
	const char *name;
	uint64_t op, size, iters;
	int rounds;
	const char *baseline;
	int unpinned;	/* the program free to run on any CPU */
};

/*
 * The program runs on CPU 0, where edu_bench.sh also sends both
 * devices' interrupts: a round trip then measures the drivers' path
 * (the DDI's handler runs in the interrupt's thread, one more switch),
 * not where the scheduler places the woken thread; the _unpinned case
 * lets it run anywhere (under TCG, a wakeup sent to another, idle
 * virtual CPU costs as much as the rest of the round trip or more).
 *
 * The DMA transfers (xfer) go through the device: QEMU 7.2's edu runs
 * each on a 100 ms timer, so they show correctness (every byte back)
 * and that both drivers wait alike, not the DDI's cost; the bind cases
 * time the host-side work of a transfer without the device.
 */
static const struct ebcase cases[] = {
	{ "edu_intr_roundtrip", EDUB_OP_RAISE, 0, 1000, 11,
	  "native request_irq(MSI)+completion", 0 },
	{ "edu_intr_roundtrip_unpinned", EDUB_OP_RAISE, 0, 300, 11,
	  "native request_irq(MSI)+completion", 1 },
	{ "edu_get32", EDUB_OP_GET32, 0, 100000, 21, "native readl", 0 },
	{ "edu_put32", EDUB_OP_PUT32, 0, 100000, 21, "native writel", 0 },
	{ "edu_dma_bind_sync_4k", EDUB_OP_BIND, 4096, 20000, 11,
	  "native dma_map_single+sync+unmap", 0 },
	{ "edu_dma_bind_sync_1m", EDUB_OP_BIND, 1 << 20, 2000, 11,
	  "native dma_map_single+sync+unmap", 0 },
	{ "edu_dma_bind_sync_mem_4k", EDUB_OP_BIND_MEM, 4096, 20000, 11,
	  "native dma_map_single+sync+unmap", 0 },
	{ "edu_dma_bind_sync_mem_1m", EDUB_OP_BIND_MEM, 1 << 20, 2000, 11,
	  "native dma_map_single+sync+unmap", 0 },
	{ "edu_dma_sync_4k", EDUB_OP_SYNC, 4096, 20000, 11,
	  "native dma_sync_single_for_device+for_cpu", 0 },
	{ "edu_dma_mem_alloc_4k", EDUB_OP_MEMALLOC, 4096, 5000, 11,
	  "native dma_alloc_coherent+free", 0 },
	{ "edu_dma_xfer_2k", EDUB_OP_XFER, EDUB_XFER_MAX, 2, 3,
	  "native dma_map_single round trip", 0 },
};

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;

	return x < y ? -1 : x > y;
}

/* One loop on @fd: thousandths of ns per iteration, or 0 on failure. */
static uint64_t run(int fd, const char *who, const struct ebcase *c)
{
	edub_run_t r;

	memset(&r, 0, sizeof(r));
	r.eb_op = c->op;
	r.eb_iters = c->iters;
	r.eb_size = c->size;
	if (ioctl(fd, EDUBIOC_RUN, &r)) {
		fprintf(stderr, "%s: %s: %s\n", c->name, who, strerror(errno));
		return 0;
	}
	if (r.eb_errors) {
		fprintf(stderr, "%s: %s: %llu errors\n", c->name, who,
			(unsigned long long)r.eb_errors);
		return 0;
	}
	if (c->op == EDUB_OP_GET32 && (r.eb_check & 0xff) != 0xed) {
		fprintf(stderr, "%s: %s: read %#llx, not edu's ident\n",
			c->name, who, (unsigned long long)r.eb_check);
		return 0;
	}
	if ((c->op == EDUB_OP_BIND || c->op == EDUB_OP_BIND_MEM ||
	     c->op == EDUB_OP_SYNC) &&
	    r.eb_check != 1)
		printf("%s: %s: %llu cookies\n", c->name, who,
		       (unsigned long long)r.eb_check);
	return r.eb_nsecs * 1000 / c->iters ? r.eb_nsecs * 1000 / c->iters : 1;
}

static int one(int ddi, int nat, const struct ebcase *c)
{
	uint64_t ta[32], tb[32], tr[32];
	int i, n = c->rounds;
	cpu_set_t set;

	CPU_ZERO(&set);
	if (c->unpinned)
		for (i = 0; i < CPU_SETSIZE; i++)
			CPU_SET(i, &set);
	else
		CPU_SET(0, &set);
	if (sched_setaffinity(0, sizeof(set), &set))
		perror("sched_setaffinity");

	/* An untimed pass each: caches, allocators, the irq threads. */
	if (!run(ddi, "ddi", c) || !run(nat, "native", c))
		return 1;
	for (i = 0; i < n; i++) {
		/* Alternate which goes first: neither always runs warm. */
		if (i & 1) {
			tb[i] = run(nat, "native", c);
			ta[i] = run(ddi, "ddi", c);
		} else {
			ta[i] = run(ddi, "ddi", c);
			tb[i] = run(nat, "native", c);
		}
		if (!ta[i] || !tb[i])
			return 1;
		tr[i] = ta[i] * 1000 / tb[i];
	}
	qsort(ta, n, sizeof(ta[0]), cmp_u64);
	qsort(tb, n, sizeof(tb[0]), cmp_u64);
	qsort(tr, n, sizeof(tr[0]), cmp_u64);
	printf("bench: {\"name\": \"%s\", \"value\": %llu.%03llu, \"unit\": \"ns\", \"baseline\": \"%s\", \"baseline_value\": %llu.%03llu, \"ratio_min\": %llu.%03llu, \"ratio_med\": %llu.%03llu, \"ratio_max\": %llu.%03llu}\n",
	       c->name,
	       (unsigned long long)ta[n / 2] / 1000,
	       (unsigned long long)ta[n / 2] % 1000, c->baseline,
	       (unsigned long long)tb[n / 2] / 1000,
	       (unsigned long long)tb[n / 2] % 1000,
	       (unsigned long long)tr[0] / 1000,
	       (unsigned long long)tr[0] % 1000,
	       (unsigned long long)tr[n / 2] / 1000,
	       (unsigned long long)tr[n / 2] % 1000,
	       (unsigned long long)tr[n - 1] / 1000,
	       (unsigned long long)tr[n - 1] % 1000);
	fflush(stdout);
	return 0;
}

int main(int argc, char **argv)
{
	int ddi, nat, rc = 0, i, k;
	size_t c;

	if (argc < 3) {
		fprintf(stderr, "usage: edu_bench DDI_DEV NATIVE_DEV [CASE...]\n");
		return 2;
	}
	ddi = open(argv[1], O_RDWR);
	if (ddi < 0) {
		perror(argv[1]);
		return 1;
	}
	nat = open(argv[2], O_RDWR);
	if (nat < 0) {
		perror(argv[2]);
		return 1;
	}
	for (c = 0; c < sizeof(cases) / sizeof(cases[0]); c++) {
		for (k = argc > 3 ? 0 : 1, i = 3; i < argc; i++)
			k |= !strcmp(argv[i], cases[c].name);
		if (k && one(ddi, nat, &cases[c])) {
			printf("%s: failed\n", cases[c].name);
			rc = 1;
		}
	}
	return rc;
}
