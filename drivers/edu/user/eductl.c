// SPDX-License-Identifier: GPL-2.0
/*
 * eductl: talk to the edu driver.
 *
 *	eductl [-d device] ident		the identification register
 *	eductl [-d device] live VALUE		the liveness check (~VALUE)
 *	eductl [-d device] fact N [intr]	N! by polling (or interrupt)
 *	eductl [-d device] raise N [nowait]	raise N interrupts
 *	eductl [-d device] stats		the driver's counters
 *	eductl [-d device] intr msi|fixed	switch the interrupt type
 *	eductl [-d device] misuse		DDI refusals (a bit mask)
 *	eductl [-d device] dma consistent|streaming|kmem N [LEN]
 *						N DMA round trips of LEN bytes
 *	eductl [-d device] dmawin CHUNK		DDI_DMA_PARTIAL windows
 *	eductl [-d device] dmauser [partial] [high]
 *						a fragmented user buffer to
 *						the device and back (sgllen 1),
 *						in pages below the device's
 *						28 bits (high: above)
 *	eductl [-d device] dmamisuse		DMA refusals (a bit mask)
 *
 * The default device is /devices/pci@0,0/pci1af4,1100@4:edu.
 */

#define	_GNU_SOURCE	/* mremap(2), for the fragmented buffer */

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <time.h>

#include "../edu.h"

static const char *prog = "eductl";

static void
usage(void)
{
	(void) fprintf(stderr, "usage: %s [-d device] ident | live VALUE | "
	    "fact N [intr] | raise N [nowait] | stats | intr msi|fixed | "
	    "misuse | dma consistent|streaming|kmem N [LEN] | dmawin CHUNK | "
	    "dmauser [partial] [high] | dmamisuse\n", prog);
	exit(2);
}

static void
doioctl(int fd, unsigned long cmd, void *arg, const char *what)
{
	if (ioctl(fd, cmd, arg) != 0) {
		(void) fprintf(stderr, "%s: %s: %s\n", prog, what,
		    strerror(errno));
		exit(1);
	}
}

static uint32_t
seed32(void)
{
	uint32_t v = (uint32_t)time(NULL) ^ ((uint32_t)getpid() << 16);
	int fd = open("/dev/urandom", O_RDONLY);

	if (fd >= 0) {
		if (read(fd, &v, sizeof (v)) != sizeof (v))
			v ^= 0x5a5a5a5a;
		(void) close(fd);
	}
	return (v);
}

/* The page frame behind @va (0 if unknown), from /proc/self/pagemap. */
static uint64_t
pfn_of(int pm, const void *va)
{
	long pg = sysconf(_SC_PAGESIZE);
	uint64_t e = 0;

	if (pread(pm, &e, sizeof (e), (off_t)((uintptr_t)va / pg) *
	    (off_t)sizeof (e)) != sizeof (e) || !(e >> 63))
		return (0);
	return (e & ((1ULL << 55) - 1));
}

#define	FRAG_POOL	4096	/* pages per pool */

/*
 * In pool (n pages), two pages that are not physically adjacent, the
 * first at *ap and the second at *bp; with want, both below the
 * device's 28-bit reach (high: both above it).  Returns 1 if found.
 */
static int
frag_pair(int pm, char *pool, size_t n, long pg, int want, int high,
    size_t *ap, size_t *bp)
{
	size_t i, a = n;
	uint64_t pa = 0, p;

	for (i = 0; i < n; i++) {
		p = pfn_of(pm, pool + i * pg);
		if (p == 0 || (want && (p >= 0x10000) != high))
			continue;
		if (a == n) {
			a = i;
			pa = p;
		} else if (p != pa + 1) {
			*ap = a;
			*bp = i;
			return (1);
		}
	}
	return (0);
}

#define	FRAG_MPOL_PREFERRED	1	/* <linux/mempolicy.h> MPOL_PREFERRED */
#define	FRAG_MAXNODE		64

/*
 * Ask for @pool's pages from NUMA node @node (pool k of the search goes
 * to node k, while there are nodes): the stock check guests give the
 * first 256 MiB a node of its own, which makes pages below the device's
 * reach a request rather than luck.  A preference, not a binding: a
 * full node falls back to the others instead of calling the OOM killer.
 * Without NUMA (the debug kernels) nothing is asked.
 */
static void
frag_prefer_node(char *pool, size_t len, int node)
{
	unsigned long mask[FRAG_MAXNODE / (8 * sizeof (unsigned long))];
	char path[64];

	if (node >= FRAG_MAXNODE)
		return;
	(void) snprintf(path, sizeof (path), "/sys/devices/system/node/node%d",
	    node);
	if (access(path, F_OK) != 0)
		return;
	(void) memset(mask, 0, sizeof (mask));
	mask[node / (8 * sizeof (unsigned long))] =
	    1UL << (node % (8 * sizeof (unsigned long)));
	(void) syscall(SYS_mbind, pool, len, FRAG_MPOL_PREFERRED, mask,
	    (unsigned long)FRAG_MAXNODE, 0);
}

/*
 * Two pages, virtually adjacent but not physically, both below the
 * device's 28-bit reach (@high: both above it).  Which physical pages a
 * process gets depends on what the kernel freed last, so pools of pages
 * are taken, and kept, until one holds such a pair (at most a quarter
 * of the memory); the first pools ask for one NUMA node each.  *@placep
 * says which was found: 1 below, 2 above, 0 neither (any two pages of
 * the last pool).
 */
static char *
frag_pages(int high, int *placep)
{
	long pg = sysconf(_SC_PAGESIZE);
	long maxpools = sysconf(_SC_PHYS_PAGES) / 4 / FRAG_POOL;
	size_t n = FRAG_POOL, i, a = 0, b = 0;
	char *pools[64], *pool = NULL, *dst;
	int pm, np = 0, found = 0, k;

	if (maxpools < 1)
		maxpools = 1;
	if (maxpools > 64)
		maxpools = 64;
	dst = mmap(NULL, 2 * pg, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS,
	    -1, 0);
	pm = open("/proc/self/pagemap", O_RDONLY);
	if (dst == MAP_FAILED || pm < 0) {
		perror("frag_pages");
		exit(1);
	}
	while (np < maxpools && !found) {
		pool = mmap(NULL, n * pg, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (pool == MAP_FAILED)
			break;
		frag_prefer_node(pool, n * pg, np);
		pools[np++] = pool;
		for (i = n; i-- > 0; )
			pool[i * pg] = 1;
		found = frag_pair(pm, pool, n, pg, 1, high, &a, &b);
	}
	*placep = found ? (high ? 2 : 1) : 0;
	if (!found && np > 0) {
		pool = pools[np - 1];
		found = frag_pair(pm, pool, n, pg, 0, high, &a, &b);
	}
	if (!found || mremap(pool + a * pg, pg, pg, MREMAP_MAYMOVE |
	    MREMAP_FIXED, dst) == MAP_FAILED || mremap(pool + b * pg, pg, pg,
	    MREMAP_MAYMOVE | MREMAP_FIXED, dst + pg) == MAP_FAILED) {
		(void) fprintf(stderr, "%s: cannot make a fragmented buffer\n",
		    prog);
		exit(1);
	}
	if (pfn_of(pm, dst + pg) == pfn_of(pm, dst) + 1) {
		(void) fprintf(stderr, "%s: pages are contiguous\n", prog);
		exit(1);
	}
	(void) close(pm);
	for (k = 0; k < np; k++)
		(void) munmap(pools[k], n * pg);
	return (dst);
}

/* EDUIOC_DMAUSER one way; the ioctl's errno, or 0. */
static int
dmauser(int fd, char *buf, uint32_t len, int write, int partial,
    edu_dmauser_t *u)
{
	(void) memset(u, 0, sizeof (*u));
	u->eu_addr = (uint64_t)(uintptr_t)buf;
	u->eu_len = len;
	u->eu_write = write;
	u->eu_partial = partial;
	return (ioctl(fd, EDUIOC_DMAUSER, u) == 0 ? 0 : errno);
}

int
main(int argc, char **argv)
{
	const char *device = "/devices/pci@0,0/pci1af4,1100@4:edu";
	const char *op;
	edu_fact_t f;
	edu_raise_t r;
	edu_stats_t st;
	edu_dma_t d;
	edu_dmawin_t w;
	edu_dmauser_t uw, ur;
	uint32_t v, i, seed;
	int fd, c, low, ew, er, bad;
	char *buf, *copy;

	while ((c = getopt(argc, argv, "d:")) != -1) {
		if (c != 'd')
			usage();
		device = optarg;
	}
	if (optind >= argc)
		usage();
	op = argv[optind++];
	fd = open(device, O_RDWR);
	if (fd < 0) {
		(void) fprintf(stderr, "%s: %s: %s\n", prog, device,
		    strerror(errno));
		return (1);
	}
	if (strcmp(op, "ident") == 0) {
		doioctl(fd, EDUIOC_IDENT, &v, op);
		(void) printf("ident=0x%08x\n", v);
	} else if (strcmp(op, "live") == 0 && optind < argc) {
		v = strtoul(argv[optind], NULL, 0);
		doioctl(fd, EDUIOC_LIVE, &v, op);
		(void) printf("live=0x%08x\n", v);
	} else if (strcmp(op, "fact") == 0 && optind < argc) {
		(void) memset(&f, 0, sizeof (f));
		f.ef_n = strtoul(argv[optind], NULL, 0);
		f.ef_by_intr = optind + 1 < argc &&
		    strcmp(argv[optind + 1], "intr") == 0;
		doioctl(fd, EDUIOC_FACT, &f, op);
		(void) printf("fact=%u\n", f.ef_result);
	} else if (strcmp(op, "raise") == 0 && optind < argc) {
		(void) memset(&r, 0, sizeof (r));
		r.er_count = strtoul(argv[optind], NULL, 0);
		r.er_nowait = optind + 1 < argc &&
		    strcmp(argv[optind + 1], "nowait") == 0;
		doioctl(fd, EDUIOC_RAISE, &r, op);
		(void) printf("raised=%u timeouts=%u nsecs=%llu ns_each=%llu\n",
		    r.er_count, r.er_timeouts,
		    (unsigned long long)r.er_nsecs,
		    (unsigned long long)(r.er_count ?
		    r.er_nsecs / r.er_count : 0));
	} else if (strcmp(op, "stats") == 0) {
		doioctl(fd, EDUIOC_STATS, &st, op);
		(void) printf("instance=%u raised=%llu seen=%llu unclaimed=%llu "
		    "fact_intrs=%llu ident=0x%08x intr_type=%s pri=%u "
		    "msi_cap=0x%x nregs=%u\n", st.es_instance,
		    (unsigned long long)st.es_raised,
		    (unsigned long long)st.es_seen,
		    (unsigned long long)st.es_unclaimed,
		    (unsigned long long)st.es_fact_intrs, st.es_ident,
		    st.es_intr_type == EDU_INTR_MSI ? "msi" : "fixed",
		    st.es_intr_pri, st.es_msi_cap, st.es_nregs);
	} else if (strcmp(op, "intr") == 0 && optind < argc) {
		v = strcmp(argv[optind], "fixed") == 0 ? EDU_INTR_FIXED :
		    EDU_INTR_MSI;
		doioctl(fd, EDUIOC_INTR, &v, op);
		(void) printf("intr=%s\n", argv[optind]);
	} else if (strcmp(op, "misuse") == 0) {
		doioctl(fd, EDUIOC_MISUSE, &v, op);
		(void) printf("misuse=0x%x expected=0x%x\n", v,
		    EDU_MISUSE_ALL);
	} else if (strcmp(op, "dma") == 0 && optind + 1 < argc) {
		(void) memset(&d, 0, sizeof (d));
		op = argv[optind];
		d.ed_mode = strcmp(op, "consistent") == 0 ? EDU_DMA_CONSISTENT :
		    strcmp(op, "streaming") == 0 ? EDU_DMA_STREAMING :
		    strcmp(op, "kmem") == 0 ? EDU_DMA_KMEM : 0;
		d.ed_count = strtoul(argv[optind + 1], NULL, 0);
		d.ed_len = optind + 2 < argc ?
		    strtoul(argv[optind + 2], NULL, 0) : EDU_DMA_MAXLEN;
		d.ed_seed = seed32();
		doioctl(fd, EDUIOC_DMA, &d, "dma");
		(void) printf("trips=%u len=%u errors=%llu timeouts=%u "
		    "failed=%u intrs=%u maxaddr=0x%llx maxcookies=%u "
		    "nsecs=%llu\n", d.ed_count, d.ed_len,
		    (unsigned long long)d.ed_errors, d.ed_timeouts,
		    d.ed_failed, d.ed_intrs,
		    (unsigned long long)d.ed_maxaddr, d.ed_maxcookies,
		    (unsigned long long)d.ed_nsecs);
	} else if (strcmp(op, "dmawin") == 0 && optind < argc) {
		(void) memset(&w, 0, sizeof (w));
		w.ew_chunk = strtoul(argv[optind], NULL, 0);
		w.ew_seed = seed32();
		doioctl(fd, EDUIOC_DMAWIN, &w, op);
		(void) printf("nopartial=%d partial=%d nwin=%u walked=%u "
		    "errors=%u badcookies=%u\n", w.ew_nopartial, w.ew_partial,
		    w.ew_nwin, w.ew_walked, w.ew_errors, w.ew_badcookies);
	} else if (strcmp(op, "dmauser") == 0) {
		int partial = 0, high = 0;

		for (; optind < argc; optind++) {
			partial |= strcmp(argv[optind], "partial") == 0;
			high |= strcmp(argv[optind], "high") == 0;
		}
		long pg = sysconf(_SC_PAGESIZE);

		/* Half in each page. */
		buf = frag_pages(high, &low) + pg - EDU_DMA_MAXLEN / 2;
		copy = malloc(EDU_DMA_MAXLEN);
		seed = seed32();
		for (i = 0; i < EDU_DMA_MAXLEN; i++) {
			seed = seed * 1103515245u + 12345u;
			copy[i] = buf[i] = (char)(seed >> 16);
		}
		ew = dmauser(fd, buf, EDU_DMA_MAXLEN, 1, partial, &uw);
		(void) memset(buf, 0, EDU_DMA_MAXLEN);
		er = ew != 0 ? -1 : dmauser(fd, buf, EDU_DMA_MAXLEN, 0,
		    partial, &ur);
		for (bad = 0, i = 0; er == 0 && i < EDU_DMA_MAXLEN; i++)
			bad += buf[i] != copy[i];
		(void) printf("place=%s write=%d bind=%d nwin=%u ncookies=%u "
		    "moved=%u", low == 1 ? "low" : low == 2 ? "high" : "any", ew, uw.eu_bind, uw.eu_nwin,
		    uw.eu_ncookies, uw.eu_moved);
		if (er >= 0)
			(void) printf(" read=%d rbind=%d rnwin=%u rmoved=%u "
			    "errors=%d", er, ur.eu_bind, ur.eu_nwin,
			    ur.eu_moved, bad);
		(void) printf("\n");
	} else if (strcmp(op, "dmamisuse") == 0) {
		doioctl(fd, EDUIOC_DMAMISUSE, &v, op);
		(void) printf("dmamisuse=0x%x expected=0x%x\n", v,
		    EDU_DMAMIS_ALL);
	} else {
		usage();
	}
	(void) close(fd);
	return (0);
}
