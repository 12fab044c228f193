// SPDX-License-Identifier: GPL-2.0
/*
 * umem_bench: the user-space umem bench cases, through the fixture
 * /dev/ddi_umem_fixture of ddi_bench.ko.  Each row is reported into
 * /sys/kernel/debug/ddi_bench/results (UF_REPORT), next to the in-kernel
 * cases, so that every ratio is measured in the same guest run.
 *
 *  - mmap + first touch of every page + munmap, for 1, 16, 256, 4096 and
 *    65536 pages: the devmap path against the same cookie mapped with
 *    vm_insert_pages() at mmap time, and against one fault per page.
 *  - memset bandwidth on a devmap mapping against an anonymous
 *    MAP_POPULATE buffer of the same size.
 *
 * Rounds alternate between the cases compared; medians are reported,
 * with the spread (min, median, max) of the per-round ratio.
 */
#define _GNU_SOURCE
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

#include "../../bench/umem_fixture_uapi.h"

#define PG	4096UL
#define ROUNDS	9

static int fd;

static unsigned long long now_ns(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (unsigned long long)ts.tv_sec * 1000000000ULL + ts.tv_nsec;
}

static int cmp_ull(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a;
	unsigned long long y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

static unsigned long long median(unsigned long long *v, int n)
{
	qsort(v, n, sizeof(*v), cmp_ull);
	return v[n / 2];
}

/* The per-round ratios a[r] / b[r] of the next report (thousandths). */
static unsigned long long spread_min, spread_med, spread_max;

/* Take the spread of a[] / b[] for the next report; before median(). */
static void spread(const unsigned long long *a, const unsigned long long *b,
		   int n)
{
	unsigned long long q[ROUNDS];
	int r;

	for (r = 0; r < n; r++)
		q[r] = b[r] ? a[r] * 1000 / b[r] : 0;
	qsort(q, n, sizeof(*q), cmp_ull);
	spread_min = q[0];
	spread_med = q[n / 2];
	spread_max = q[n - 1];
}

static void report(const char *name, const char *unit,
		   unsigned long long value_milli, const char *baseline,
		   unsigned long long baseline_milli)
{
	struct uf_report r;

	memset(&r, 0, sizeof(r));
	snprintf(r.name, sizeof(r.name), "%s", name);
	snprintf(r.unit, sizeof(r.unit), "%s", unit);
	snprintf(r.baseline, sizeof(r.baseline), "%s", baseline);
	r.value_milli = value_milli;
	r.baseline_milli = baseline_milli;
	r.ratio_min_milli = spread_min;
	r.ratio_med_milli = spread_med;
	r.ratio_max_milli = spread_max;
	spread_min = spread_med = spread_max = 0;
	if (ioctl(fd, UF_REPORT, &r))
		perror("UF_REPORT");
	printf("%s: %llu.%03llu %s (%s: %llu.%03llu)\n", name,
	       value_milli / 1000, value_milli % 1000, unit, baseline,
	       baseline_milli / 1000, baseline_milli % 1000);
}

static void set_kind(int idx, size_t len, int kind)
{
	struct uf_config c;

	memset(&c, 0, sizeof(c));
	c.kind = kind;
	c.nsegs = 1;
	c.seg[0].index = idx;
	c.seg[0].len = len;
	c.seg[0].maxprot = 0xf;
	if (ioctl(fd, UF_CONFIG, &c)) {
		perror("UF_CONFIG");
		exit(1);
	}
}

/* ns for @iters rounds of mmap + write one byte per page + munmap. */
static unsigned long long map_touch(size_t len, unsigned long iters)
{
	unsigned long long t0 = now_ns();
	unsigned long i;
	size_t off;

	for (i = 0; i < iters; i++) {
		volatile char *p = mmap(NULL, len, PROT_READ | PROT_WRITE,
					MAP_SHARED, fd, 0);

		if (p == MAP_FAILED) {
			perror("mmap");
			exit(1);
		}
		for (off = 0; off < len; off += PG)
			p[off] = 1;
		munmap((void *)p, len);
	}
	return now_ns() - t0;
}

static void bench_map_touch(unsigned long pages, int contig)
{
	static const int kinds[3] = { UF_KIND_DEVMAP, UF_KIND_INSERT_PAGES,
				      UF_KIND_FAULT };
	unsigned long long t[3][ROUNDS], m[3];
	unsigned long long s1[3], s2[3];
	/* NOSLEEP cookies are physically contiguous. */
	struct uf_alloc a = { .size = pages * PG, .flags = contig ? 1 : 0 };
	unsigned long iters = pages >= 65536 ? 1 : 65536 / pages;
	size_t len = pages * PG;
	char name[64];
	int r, k;

	if (iters > 2000)
		iters = 2000;
	ioctl(fd, UF_RESET);
	if (ioctl(fd, UF_ALLOC, &a)) {
		perror("UF_ALLOC");
		exit(1);
	}
	for (k = 0; k < 3; k++) {	/* warm up */
		set_kind((int)a.index, len, kinds[k]);
		map_touch(len, 1);
	}
	for (r = 0; r < ROUNDS; r++)
		for (k = 0; k < 3; k++) {
			set_kind((int)a.index, len, kinds[k]);
			t[k][r] = map_touch(len, iters) * 1000 / iters;
		}
	spread(t[0], t[2], ROUNDS);
	s2[0] = spread_min, s2[1] = spread_med, s2[2] = spread_max;
	spread(t[0], t[1], ROUNDS);
	s1[0] = spread_min, s1[1] = spread_med, s1[2] = spread_max;
	for (k = 0; k < 3; k++)
		m[k] = median(t[k], ROUNDS);
	snprintf(name, sizeof(name), "umem_mmap_touch_%s%lup",
		 contig ? "contig_" : "", pages);
	spread_min = s1[0], spread_med = s1[1], spread_max = s1[2];
	report(name, "ns", m[0], "vm_insert_pages", m[1]);
	if (contig)
		return;
	snprintf(name, sizeof(name), "umem_mmap_touch_%lup_vs_fault", pages);
	spread_min = s2[0], spread_med = s2[1], spread_max = s2[2];
	report(name, "ns", m[0], "fault_per_page", m[2]);
	ioctl(fd, UF_RESET);
}

/* MB/s of memset over @p, best of a few passes per round. */
static unsigned long long memset_mbps(char *p, size_t len)
{
	unsigned long long t0 = now_ns(), ns;
	int i;

	for (i = 0; i < 4; i++)
		memset(p, i, len);
	ns = now_ns() - t0;
	return (unsigned long long)len * 4 * 1000 / (ns ? ns : 1);
}

static void bench_memset(size_t len)
{
	unsigned long long dv[ROUNDS], an[ROUNDS];
	struct uf_alloc a = { .size = len };
	char *d, *anon;
	int r;

	ioctl(fd, UF_RESET);
	if (ioctl(fd, UF_ALLOC, &a)) {
		perror("UF_ALLOC");
		exit(1);
	}
	set_kind((int)a.index, len, UF_KIND_DEVMAP);
	d = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	anon = mmap(NULL, len, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS | MAP_POPULATE, -1, 0);
	if (d == MAP_FAILED || anon == MAP_FAILED) {
		perror("mmap");
		exit(1);
	}
	memset_mbps(d, len);
	memset_mbps(anon, len);
	for (r = 0; r < ROUNDS; r++) {
		dv[r] = memset_mbps(d, len) * 1000;
		an[r] = memset_mbps(anon, len) * 1000;
	}
	spread(dv, an, ROUNDS);
	report("umem_devmap_memset_bw", "MB/s", median(dv, ROUNDS),
	       "anon_populate_memset", median(an, ROUNDS));
	munmap(d, len);
	munmap(anon, len);
	ioctl(fd, UF_RESET);
}

int main(int argc, char **argv)
{
	static const unsigned long pages[] = { 1, 16, 256, 4096, 65536 };
	unsigned int i;

	(void)argc;
	(void)argv;
	fd = open("/dev/ddi_umem_fixture", O_RDWR);
	if (fd < 0) {
		perror("/dev/ddi_umem_fixture");
		return 2;
	}
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		bench_map_touch(pages[i], 0);
	/* Contiguous cookies (DDI_UMEM_NOSLEEP), against the same baseline. */
	bench_map_touch(1, 1);
	bench_map_touch(8, 1);
	bench_map_touch(256, 1);
	bench_memset(64UL << 20);
	close(fd);
	return 0;
}
