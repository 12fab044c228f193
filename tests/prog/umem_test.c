// SPDX-License-Identifier: GPL-2.0
/*
 * umem_test: the devmap mmap path seen from user space, through the
 * fixture /dev/ddi_umem_fixture (bench/umem_fixture.c).  Built 64-bit
 * (umem_test) and 32-bit (umem_test32).  Prints a KTAP result line
 * ("ok N umem:NAME" / "not ok N umem:NAME") per case and exits non-zero if
 * any check failed.
 *
 *   umem_test            all cases
 *   umem_test model      only the data-model case (32-bit vs 64-bit page)
 *   umem_test fuzz N     only the fuzz loop, N iterations
 *   umem_test sleep S M [T]  only DDI_UMEM_SLEEP of M MiB (and smaller),
 *                        again for S seconds; with T, each allocation
 *                        once MemAvailable is down to T MiB (a hog runs)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../../bench/umem_fixture_uapi.h"
#include "ddic_meminfo.h"

#define PG	4096UL
#define DEV	"/dev/ddi_umem_fixture"

/* Solaris values, as the fixture hands them to devmap_umem_setup. */
#define S_PROT_READ	0x1
#define S_PROT_WRITE	0x2
#define S_PROT_EXEC	0x4
#define S_PROT_USER	0x8
#define S_PROT_ALL	0xf
#define DDI_UMEM_SLEEP		0x0
#define DDI_UMEM_NOSLEEP	0x1
#define DDI_UMEM_TRASH		0x4
#define DDI_UMEMLOCK_READ	0x1
#define DDI_UMEMLOCK_WRITE	0x2
#define DDI_MODEL_ILP32		0x00100000
#define DDI_MODEL_LP64		0x00200000

static int fd;
static int failures;
static int cur_failed;
static int cases;
static const char *cur_name;

#define CHECK(cond) do {						\
	if (!(cond)) {							\
		fprintf(stderr, "%s: line %d: %s failed (errno %d %s)\n", \
			cur_name, __LINE__, #cond, errno,		\
			strerror(errno));				\
		cur_failed = 1;					\
	}								\
} while (0)

static void begin(const char *name)
{
	cur_name = name;
	cur_failed = 0;
	if (ioctl(fd, UF_RESET) != 0) {
		perror("UF_RESET");
		exit(2);
	}
}

static void end(void)
{
	const char *bits = "";

	if (sizeof(long) == 4)
		bits = "32";
	printf("%s %d umem:%s%s\n", cur_failed ? "not ok" : "ok", ++cases,
	       cur_name, bits);
	fflush(stdout);
	failures += cur_failed;
}

static int alloc(unsigned long long size, unsigned long long flags)
{
	struct uf_alloc a = { .size = size, .flags = flags };

	if (ioctl(fd, UF_ALLOC, &a) != 0)
		return -1;
	return (int)a.index;
}

static void fill(int idx, int seed)
{
	struct uf_fill f = { .index = idx, .seed = seed };

	if (ioctl(fd, UF_FILL, &f) != 0)
		cur_failed = 1;
}

static int peek(int idx, unsigned long off)
{
	struct uf_peek p = { .index = idx, .off = off };

	if (ioctl(fd, UF_PEEK, &p) != 0)
		return -1;
	return (int)p.value;
}

static void config(struct uf_config *c)
{
	if (ioctl(fd, UF_CONFIG, c) != 0) {
		perror("UF_CONFIG");
		cur_failed = 1;
	}
}

static struct uf_stats stats(void)
{
	struct uf_stats s;

	memset(&s, 0, sizeof(s));
	if (ioctl(fd, UF_STATS, &s) != 0)
		cur_failed = 1;
	return s;
}

static void seg(struct uf_config *c, int i, int idx, unsigned long off,
		unsigned long len, unsigned long maxprot, unsigned long flags)
{
	c->seg[i].index = idx;
	c->seg[i].off = off;
	c->seg[i].len = len;
	c->seg[i].maxprot = maxprot;
	c->seg[i].flags = flags;
	if (c->nsegs < (unsigned long long)i + 1)
		c->nsegs = i + 1;
}

static void *map(size_t len, int prot, int flags, off_t off)
{
	return mmap(NULL, len, prot, flags, fd, off);
}

static unsigned long read_counter(const char *name)
{
	char line[128], key[64];
	unsigned long v = 0, val;
	FILE *f = fopen("/sys/kernel/debug/ddi_compat/umem", "r");

	if (!f)
		return ~0UL;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "%63s %lu", key, &val) == 2 &&
		    !strcmp(key, name))
			v = val;
	fclose(f);
	return v;
}

/* Pages of A (64 KiB, vmalloc) then B (16 KiB, contiguous pages). */
static void case_sizes_offsets(void)
{
	struct uf_config c = { .callbacks = 1 };
	unsigned char *p;
	unsigned long i;
	struct uf_stats s;
	int a, b;

	begin("sizes_offsets");
	a = alloc(64 * 1024, DDI_UMEM_SLEEP);
	b = alloc(16 * 1024 - 100, DDI_UMEM_SLEEP);
	CHECK(a >= 0 && b >= 0);
	fill(a, 0x10);
	fill(b, 0x80);
	seg(&c, 0, a, 0, 64 * 1024, S_PROT_ALL, 0);
	seg(&c, 1, b, 0, 16 * 1024, S_PROT_ALL, 0);
	config(&c);

	/* Whole device: two handles. */
	p = map(80 * 1024, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		for (i = 0; i < 16; i++)
			CHECK(p[i * PG] == 0x10 + i && p[i * PG + PG - 1] == 0x10 + i);
		for (i = 0; i < 4; i++)
			CHECK(p[(16 + i) * PG] == 0x80 + i);
		s = stats();
		CHECK(s.dvm_calls == 2 && s.maps == 2);
		/* User writes reach the kernel's view. */
		p[5 * PG + 7] = 0xee;
		p[17 * PG + 9] = 0xdd;
		CHECK(peek(a, 5 * PG + 7) == 0xee);
		CHECK(peek(b, PG + 9) == 0xdd);
		CHECK(munmap(p, 80 * 1024) == 0);
		s = stats();
		CHECK(s.unmaps == 2 && s.unmap_len == 80 * 1024);
	}
	/* One page at an offset inside A; a window across A and B. */
	p = map(PG, PROT_READ, MAP_SHARED, 3 * PG);
	CHECK(p != MAP_FAILED && p[0] == 0x13);
	if (p != MAP_FAILED)
		munmap(p, PG);
	p = map(3 * PG, PROT_READ, MAP_SHARED, 15 * PG);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		CHECK(p[0] == 0x1f && p[PG] == 0x80 && p[2 * PG] == 0x81);
		/* A partial unmap keeps the rest mapped. */
		CHECK(munmap(p + PG, PG) == 0);
		CHECK(p[0] == 0x1f && p[2 * PG] == 0x81);
		munmap(p, 3 * PG);
	}
	/* Four handles for one mapping. */
	memset(&c, 0, sizeof(c));
	c.callbacks = 1;
	seg(&c, 0, a, 0, PG, S_PROT_ALL, 0);
	seg(&c, 1, b, 2 * PG, PG, S_PROT_ALL, 0);
	seg(&c, 2, a, 8 * PG, 2 * PG, S_PROT_ALL, 0);
	seg(&c, 3, b, 0, PG, S_PROT_ALL, 0);
	config(&c);
	p = map(5 * PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		CHECK(p[0] == 0x10 && p[PG] == 0x82 && p[2 * PG] == 0x18 &&
		      p[3 * PG] == 0x19 && p[4 * PG] == 0x80);
		s = stats();
		CHECK(s.dvm_calls == 4 && s.maps == 4);
		munmap(p, 5 * PG);
	}
	end();
}

static void case_refusals(void)
{
	struct uf_config c = { 0 };
	void *p;
	int a;

	begin("refusals");
	a = alloc(8 * PG, DDI_UMEM_SLEEP);
	CHECK(a >= 0);
	seg(&c, 0, a, 0, 8 * PG, S_PROT_ALL, 0);
	config(&c);
	/* Offset past the cookie; length running past it. */
	errno = 0;
	p = map(PG, PROT_READ, MAP_SHARED, 8 * PG);
	CHECK(p == MAP_FAILED && errno == ENXIO);
	p = map(9 * PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p == MAP_FAILED && errno == ENXIO);
	p = map(PG, PROT_READ, MAP_SHARED, 1UL << 30);
	CHECK(p == MAP_FAILED && errno == ENXIO);
	/* Private mappings need devmap_access. */
	p = map(PG, PROT_READ, MAP_PRIVATE, 0);
	CHECK(p == MAP_FAILED && errno == EINVAL);
	/* devmap returning 0 with *maplen == 0, a partial page, too long. */
	c.mode = UF_MODE_ZERO_MAPLEN;
	config(&c);
	p = map(PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p == MAP_FAILED && errno == EINVAL);
	c.mode = UF_MODE_ODD_MAPLEN;
	config(&c);
	p = map(PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p == MAP_FAILED && errno == EINVAL);
	c.mode = UF_MODE_LONG_MAPLEN;
	config(&c);
	p = map(PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p == MAP_FAILED && errno == EINVAL);
	/* devmap returning 0 without devmap_umem_setup. */
	c.mode = UF_MODE_NO_SETUP;
	config(&c);
	p = map(PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p == MAP_FAILED && errno == ENXIO);
	/* No devmap(9E) at all. */
	c.mode = UF_MODE_NO_DEVMAP;
	config(&c);
	p = map(PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p == MAP_FAILED && errno == ENODEV);
	/*
	 * A devmap_access(9E) callback (devmap_default_access): the
	 * mapping starts unloaded and the first touch loads it.
	 */
	c.mode = UF_MODE_ACCESS;
	config(&c);
	fill(a, 0x30);
	p = map(PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED && ((volatile unsigned char *)p)[0] == 0x30);
	if (p != MAP_FAILED)
		munmap(p, PG);
	/* A driver segmap(9E) calling devmap_setup works like the default. */
	c.mode = UF_MODE_SEGMAP;
	config(&c);
	fill(a, 0x40);
	p = map(2 * PG, PROT_READ, MAP_SHARED, PG);
	CHECK(p != MAP_FAILED && ((unsigned char *)p)[PG] == 0x42);
	if (p != MAP_FAILED)
		munmap(p, 2 * PG);
	CHECK(read_counter("mappings_live") == 0);
	end();
}

static sigjmp_buf fault_jmp;

static void on_fault(int sig)
{
	siglongjmp(fault_jmp, sig);
}

/* Does writing *p fault? */
static int write_faults(volatile unsigned char *p)
{
	struct sigaction sa = { .sa_handler = on_fault }, o1, o2;
	int sig;

	sigaction(SIGSEGV, &sa, &o1);
	sigaction(SIGBUS, &sa, &o2);
	sig = sigsetjmp(fault_jmp, 1);
	if (!sig)
		*p = 1;
	sigaction(SIGSEGV, &o1, NULL);
	sigaction(SIGBUS, &o2, NULL);
	return sig;
}

static void case_maxprot(void)
{
	struct uf_config c = { 0 };
	unsigned char *p;
	int a;

	begin("maxprot");
	a = alloc(4 * PG, DDI_UMEM_SLEEP);
	CHECK(a >= 0);
	fill(a, 7);
	seg(&c, 0, a, 0, 4 * PG, S_PROT_READ | S_PROT_USER, 0);
	config(&c);
	p = map(4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CHECK(p == MAP_FAILED);
	p = map(4 * PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		CHECK(p[PG] == 8);
		errno = 0;
		CHECK(mprotect(p, 4 * PG, PROT_READ | PROT_WRITE) != 0 &&
		      errno == EACCES);
		CHECK(mprotect(p, PG, PROT_READ | PROT_EXEC) != 0);
		CHECK(write_faults(p) != 0);
		CHECK(peek(a, 0) == 7);
		munmap(p, 4 * PG);
	}
	/* Read-write maxprot: mprotect may drop and restore write. */
	c.seg[0].maxprot = S_PROT_READ | S_PROT_WRITE | S_PROT_USER;
	config(&c);
	p = map(4 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		CHECK(mprotect(p, 4 * PG, PROT_READ) == 0);
		CHECK(write_faults(p) != 0);
		CHECK(mprotect(p, 4 * PG, PROT_READ | PROT_WRITE) == 0);
		CHECK(write_faults(p + 1) == 0);
		CHECK(peek(a, 1) == 1);
		munmap(p, 4 * PG);
	}
	/* A read-only open cannot map for writing. */
	{
		int ro = open(DEV, O_RDONLY);

		CHECK(ro >= 0);
		p = mmap(NULL, PG, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
		CHECK(p == MAP_FAILED);
		p = mmap(NULL, PG, PROT_READ, MAP_SHARED, ro, 0);
		CHECK(p != MAP_FAILED);
		if (p != MAP_FAILED) {
			CHECK(mprotect(p, PG, PROT_READ | PROT_WRITE) != 0);
			munmap(p, PG);
		}
		close(ro);
	}
	end();
}

/* The driver frees the cookie while it is mapped: data stays. */
static void case_free_while_mapped(void)
{
	struct uf_config c = { .callbacks = 1 };
	unsigned long long idx;
	unsigned char *p;
	unsigned long before = read_counter("freed_still_mapped");
	unsigned long i;
	int a, t;

	begin("free_while_mapped");
	a = alloc(256 * 1024, DDI_UMEM_SLEEP);
	t = alloc(16 * 1024, DDI_UMEM_SLEEP);
	CHECK(a >= 0 && t >= 0);
	fill(a, 0x33);
	seg(&c, 0, a, 0, 256 * 1024, S_PROT_ALL, 0);
	seg(&c, 1, t, 0, 16 * 1024, S_PROT_ALL, 0);
	config(&c);
	p = map(272 * 1024, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED) {
		end();
		return;
	}
	idx = a;
	CHECK(ioctl(fd, UF_FREE, &idx) == 0);
	idx = t;
	CHECK(ioctl(fd, UF_FREE, &idx) == 0);
	CHECK(read_counter("freed_still_mapped") == before + 2);
	/* Allocate and dirty memory the kernel could reuse. */
	for (i = 0; i < 4; i++) {
		int x = alloc(256 * 1024, DDI_UMEM_SLEEP);

		if (x >= 0)
			fill(x, 0x99);
	}
	for (i = 0; i < 64; i++)
		CHECK(p[i * PG] == (unsigned char)(0x33 + i));
	memset(p, 0x5c, 272 * 1024);
	CHECK(p[271 * 1024] == 0x5c);
	CHECK(munmap(p, 272 * 1024) == 0);
	CHECK(read_counter("freed_still_mapped") == before);
	end();
}

static void case_fork(void)
{
	struct uf_config c = { .callbacks = 1 };
	volatile unsigned char *p;
	struct uf_stats s;
	pid_t pid;
	int a, st;

	begin("fork");
	a = alloc(8 * PG, DDI_UMEM_SLEEP);
	CHECK(a >= 0);
	seg(&c, 0, a, 0, 8 * PG, S_PROT_ALL, 0);
	config(&c);
	p = map(8 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED);
	if (p == MAP_FAILED) {
		end();
		return;
	}
	p[0] = 1;
	pid = fork();
	if (pid == 0) {
		int i;

		/* The child sees the parent's write and writes back. */
		if (p[0] != 1)
			_exit(1);
		p[PG] = 2;
		for (i = 0; i < 20000 && p[2 * PG] != 3; i++)
			poll(NULL, 0, 1);
		_exit(p[2 * PG] == 3 ? 0 : 2);
	}
	CHECK(pid > 0);
	while (p[PG] != 2)
		poll(NULL, 0, 1);
	p[2 * PG] = 3;
	CHECK(waitpid(pid, &st, 0) == pid);
	CHECK(WIFEXITED(st) && WEXITSTATUS(st) == 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st))
		fprintf(stderr, "fork: child status %#x\n", st);
	CHECK(peek(a, PG) == 2);
	s = stats();
	CHECK(s.dups == 1);
	CHECK(s.unmaps == 1);		/* the child's copy is gone */
	munmap((void *)p, 8 * PG);
	s = stats();
	CHECK(s.unmaps == 2);
	end();
}

static void case_trash(void)
{
	struct uf_config c = { 0 };
	struct uf_alloc al = { .size = 3 * PG, .flags = DDI_UMEM_TRASH };
	volatile unsigned char *p;

	begin("trash");
	CHECK(ioctl(fd, UF_ALLOC, &al) == 0 && al.is_null);
	seg(&c, 0, (int)al.index, 0, 3 * PG, S_PROT_ALL, 0);
	config(&c);
	p = map(3 * PG, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		/* One shared page wherever it is mapped. */
		p[100] = 0x42;
		CHECK(p[PG + 100] == 0x42 && p[2 * PG + 100] == 0x42);
		munmap((void *)p, 3 * PG);
	}
	end();
}

/* Example 11-2: 64-bit processes get page 0, 32-bit ones page 1. */
static void case_model(void)
{
	struct uf_config c = { .mode = UF_MODE_MODEL };
	unsigned char *p;
	struct uf_stats s;
	int a;

	begin("model");
	a = alloc(2 * PG, DDI_UMEM_SLEEP);
	CHECK(a >= 0);
	fill(a, 0x60);
	seg(&c, 0, a, 0, PG, S_PROT_ALL, 0);
	seg(&c, 1, a, PG, PG, S_PROT_ALL, 0);
	config(&c);
	p = map(PG, PROT_READ, MAP_SHARED, 0);
	CHECK(p != MAP_FAILED);
	if (p != MAP_FAILED) {
		s = stats();
		if (sizeof(long) == 4) {
			CHECK(s.last_model == DDI_MODEL_ILP32);
			CHECK(p[0] == 0x61);
		} else {
			CHECK(s.last_model == DDI_MODEL_LP64);
			CHECK(p[0] == 0x60);
		}
		munmap(p, PG);
	}
	end();
}

/* Check that page i of @p shows seed + first + i, first and last byte. */
static int pattern_ok(const unsigned char *p, unsigned long pages, int seed,
		      unsigned long first)
{
	unsigned long i;

	for (i = 0; i < pages; i++) {
		unsigned char want = (unsigned char)(seed + first + i);

		if (p[i * PG] != want || p[i * PG + PG - 1] != want) {
			fprintf(stderr, "page %lu: %#x, want %#x\n", i,
				p[i * PG], want);
			return 0;
		}
	}
	return 1;
}

/*
 * Every devmap mapping is made of special PTEs (VM_PFNMAP), so Linux
 * refuses MADV_DONTNEED on all of them: EINVAL, and the data stays.
 */
static void case_refault(void)
{
	static const struct {
		unsigned long size, off, len;
		int flags, pfnmap;
	} t[] = {
		/*
		 * Every devmap mapping is a PFN map since audit 2's finding
		 * 9 (no GUP of its pages): MADV_DONTNEED is refused on all.
		 */
		{ 64 * 1024, PG, 12 * PG, DDI_UMEM_SLEEP, 1 },	/* vmalloc */
		{ 16 * 1024, 0, 4 * PG, DDI_UMEM_SLEEP, 1 },	/* contiguous */
		{ 16 * 1024, PG, 2 * PG, DDI_UMEM_SLEEP, 1 },	/* inserted */
		{ 32 * 1024, 0, 8 * PG, DDI_UMEM_NOSLEEP, 1 },	/* contiguous */
	};
	unsigned long i;
	unsigned char *p;
	int idx, k, nomadvise = 0;

	begin("refault");
	/* Kernels built without CONFIG_ADVISE_SYSCALLS have no madvise. */
	errno = 0;
	if (madvise(&fd, 1, MADV_NORMAL) != 0 && errno == ENOSYS) {
		fprintf(stderr, "refault: no madvise in this kernel; only the mapped data is checked\n");
		nomadvise = 1;
	}
	for (k = 0; k < 4; k++) {
		struct uf_config c = { 0 };

		ioctl(fd, UF_RESET);
		idx = alloc(t[k].size, t[k].flags);
		CHECK(idx >= 0);
		fill(idx, 0x20);
		seg(&c, 0, idx, t[k].off, t[k].len, S_PROT_ALL, 0);
		config(&c);
		p = map(t[k].len, PROT_READ | PROT_WRITE, MAP_SHARED, 0);
		CHECK(p != MAP_FAILED);
		if (p == MAP_FAILED)
			continue;
		CHECK(pattern_ok(p, t[k].len / PG, 0x20, t[k].off / PG));
		errno = 0;
		if (!nomadvise && t[k].pfnmap)
			CHECK(madvise(p, t[k].len, MADV_DONTNEED) != 0 &&
			      errno == EINVAL);
		else if (!nomadvise)
			CHECK(madvise(p, t[k].len, MADV_DONTNEED) == 0);
		CHECK(pattern_ok(p, t[k].len / PG, 0x20, t[k].off / PG));
		/* A write after the refault reaches the cookie. */
		p[t[k].len - 1] = 0xab;
		CHECK(peek(idx, t[k].off + t[k].len - 1) == 0xab);
		/* Zap half, refault it from the other end. */
		if (!nomadvise)
			CHECK((madvise(p + t[k].len / 2, t[k].len / 2,
				       MADV_DONTNEED) == 0) == !t[k].pfnmap);
		for (i = t[k].len; i > t[k].len / 2; i -= PG)
			CHECK(p[i - PG] == (unsigned char)(0x20 + t[k].off / PG +
							   i / PG - 1));
		munmap(p, t[k].len);
	}
	end();
}

static unsigned long long lock_range(void *addr, unsigned long len,
				     int flags, unsigned long long *index)
{
	struct uf_lock l;

	memset(&l, 0, sizeof(l));
	l.addr = (unsigned long)addr;
	l.len = len;
	l.flags = flags;
	if (ioctl(fd, UF_LOCK, &l) != 0)
		return ~0ULL;
	if (index)
		*index = l.index;
	if (!l.error && !index)
		ioctl(fd, UF_UNLOCK, &l.index);
	return l.error;
}

/* ddi_umem_lock(9F) from the calling process, ddi_umem_unlock(9F). */
static void case_lock(void)
{
	struct uf_config c = { 0 };
	struct uf_lockpeek lp;
	unsigned long long idx;
	unsigned char *buf, *ro, *gone;

	begin("lock");
	buf = mmap(NULL, 4 * PG, PROT_READ | PROT_WRITE,
		   MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	ro = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	gone = mmap(NULL, PG, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	CHECK(buf != MAP_FAILED && ro != MAP_FAILED && gone != MAP_FAILED);
	munmap(gone, PG);
	memset(buf, 0x77, 4 * PG);

	/* The length rounds up to pages; the pins are the user's pages. */
	CHECK(lock_range(buf, 4 * PG - 10, DDI_UMEMLOCK_READ |
			 DDI_UMEMLOCK_WRITE, &idx) == 0);
	buf[3 * PG + 5] = 0x12;
	memset(&lp, 0, sizeof(lp));
	lp.index = idx;
	lp.off = 3 * PG + 5;
	CHECK(ioctl(fd, UF_LOCKPEEK, &lp) == 0 && lp.value == 0x12);
	lp.off = 3 * PG + PG - 1;	/* the rounded tail is pinned too */
	CHECK(ioctl(fd, UF_LOCKPEEK, &lp) == 0 && lp.value == 0x77);
	/* A locked cookie is not exported back with devmap_umem_setup. */
	seg(&c, 0, (int)idx, 0, PG, S_PROT_ALL, 0);
	config(&c);
	errno = 0;
	CHECK(map(PG, PROT_READ, MAP_SHARED, 0) == MAP_FAILED &&
	      errno == ENXIO);
	CHECK(ioctl(fd, UF_UNLOCK, &idx) == 0);
	CHECK(ioctl(fd, UF_UNLOCK, &idx) != 0);	/* gone */

	/* Refusals, with Solaris's errnos. */
	CHECK(lock_range(buf + 1, PG, DDI_UMEMLOCK_READ, NULL) == EINVAL);
	CHECK(lock_range(buf, 0, DDI_UMEMLOCK_READ, NULL) == EINVAL);
	CHECK(lock_range(buf, PG, 0, NULL) == EINVAL);
	CHECK(lock_range(buf, PG, 0x10, NULL) == EINVAL);
	CHECK(lock_range(gone, PG, DDI_UMEMLOCK_READ, NULL) == EFAULT);
	CHECK(lock_range(ro, PG, DDI_UMEMLOCK_WRITE, NULL) == EACCES);
	if (sizeof(long) == 8)
		CHECK(lock_range((void *)-8192L, PG, DDI_UMEMLOCK_READ,
				 NULL) == EFAULT);
	/* Read lock of read-only memory; unlock from atomic context. */
	CHECK(lock_range(ro, PG, DDI_UMEMLOCK_READ, &idx) == 0);
	CHECK(ioctl(fd, UF_UNLOCK_ATOMIC, &idx) == 0);
	munmap(buf, 4 * PG);
	munmap(ro, PG);
	CHECK(read_counter("backend_locked_cookies") == 0);
	end();
}

/* Random mappings: nothing but correct refusals, no splat, no leak. */
static void case_fuzz(unsigned long iters)
{
	static const int prots[] = { PROT_READ, PROT_READ | PROT_WRITE,
				     PROT_WRITE, PROT_NONE,
				     PROT_READ | PROT_EXEC };
	static const int flags[] = { MAP_SHARED, MAP_PRIVATE,
				     MAP_SHARED | MAP_POPULATE,
				     MAP_SHARED | MAP_NORESERVE };
	struct uf_config c = { .callbacks = 1 };
	unsigned long i, len, off, j;
	unsigned char *p;
	int a, b, t;

	begin("fuzz");
	srand(12345);
	a = alloc(40 * PG, DDI_UMEM_SLEEP);
	b = alloc(3 * PG, DDI_UMEM_NOSLEEP);
	t = alloc(2 * PG, DDI_UMEM_TRASH);
	CHECK(a >= 0 && b >= 0 && t >= 0);
	seg(&c, 0, a, 0, 40 * PG, S_PROT_ALL, 0);
	seg(&c, 1, b, PG, 2 * PG, S_PROT_READ | S_PROT_USER, 0);
	seg(&c, 2, t, 0, 2 * PG, S_PROT_ALL, 0);
	seg(&c, 3, a, 4 * PG, 8 * PG, S_PROT_ALL, 0);
	config(&c);
	for (i = 0; i < iters; i++) {
		int prot = prots[rand() % 5], fl = flags[rand() % 4];

		len = (rand() % 60) * PG + ((rand() % 8) ? 0 : rand() % PG);
		off = (rand() % 60) * PG;
		if (!(rand() % 10))
			off = (unsigned long)rand() << 12;
		p = mmap(NULL, len, prot, fl, fd, off);
		if (p == MAP_FAILED) {
			CHECK(errno == ENXIO || errno == EINVAL ||
			      errno == EACCES || errno == ENOMEM ||
			      errno == EOVERFLOW);
			continue;
		}
		/* Only shared mappings within the device may succeed. */
		CHECK((fl & MAP_SHARED) && off + len <= 52 * PG);
		len = (len + PG - 1) & ~(PG - 1);
		for (j = 0; j < len; j += PG) {
			if (prot & PROT_READ)
				(void)*(volatile unsigned char *)(p + j);
			if ((prot & PROT_WRITE) && (prot & PROT_READ))
				p[j] = (unsigned char)j;
		}
		if (len > 2 * PG && !(rand() % 3))
			munmap(p + PG, PG);
		if (!(rand() % 3)) {
			int np = prots[rand() % 5];

			if (mprotect(p, PG, np) == 0)
				prot = np;
		}
		if (!(rand() % 4))
			madvise(p, len, MADV_DONTNEED);
		/* Zapped pages come back through the fault handler. */
		if (!(rand() % 4) && (prot & PROT_READ))
			(void)*(volatile unsigned char *)p;
		munmap(p, len);
	}
	CHECK(read_counter("mappings_live") == 0);
	end();
}

/* Wait (up to 2 s) for MemAvailable to be at most @tight MiB: true if so. */
static int wait_pressure(long tight)
{
	int i;

	for (i = 0; i < 2000; i++) {
		if (mem_available_mib() <= tight)
			return 1;
		usleep(1000);
	}
	return 0;
}

/*
 * DDI_UMEM_SLEEP under memory pressure (scripts/guest/mode-lowmem.sh,
 * with memhog running): for @secs seconds, allocate @mib MiB, 2 MiB and
 * 24 KiB in turn (ddi_compat's vmalloc and contiguous-pages backends),
 * fill each, read it back through the kernel and through a mapping, free
 * it.  Every allocation must succeed: DDI_UMEM_SLEEP waits for memory,
 * it never fails.
 */
static void case_sleep(unsigned long secs, unsigned long mib, long tight)
{
	const unsigned long sizes[] = { mib << 20, 2UL << 20, 24UL << 10 };
	struct uf_config c = { 0 };
	time_t stop = time(NULL) + (time_t)secs;
	unsigned long rounds = 0, tight_rounds = 0, len, pg;
	unsigned char *p;
	int idx;

	begin("sleep-under-pressure");
	while (time(NULL) < stop && !cur_failed) {
		len = sizes[rounds % 3];
		/* Each allocation starts with memory held by the hog. */
		if (tight >= 0)
			tight_rounds += wait_pressure(tight);
		idx = alloc(len, DDI_UMEM_SLEEP);
		CHECK(idx >= 0);
		if (idx < 0)
			break;
		fill(idx, (int)rounds);
		for (pg = 0; pg < len / PG; pg += 61)
			CHECK(peek(idx, pg * PG) == (int)((rounds + pg) & 0xff));
		memset(&c, 0, sizeof(c));
		seg(&c, 0, idx, 0, len, S_PROT_ALL, 0);
		config(&c);
		p = map(len, PROT_READ, MAP_SHARED, 0);
		CHECK(p != MAP_FAILED);
		if (p != MAP_FAILED) {
			CHECK(p[len - PG] ==
			      (unsigned char)(rounds + len / PG - 1));
			CHECK(munmap(p, len) == 0);
		}
		CHECK(ioctl(fd, UF_FREE, &(unsigned long long){ idx }) == 0);
		rounds++;
	}
	printf("# umem sleep-under-pressure: %lu rounds (%lu MiB, 2 MiB, 24 KiB), %lu with at most %ld MiB available\n",
	       rounds, mib, tight_rounds, tight);
	CHECK(rounds > 0);
	/* The pressure was there for most of them. */
	CHECK(tight < 0 || tight_rounds * 2 >= rounds);
	end();
}

int main(int argc, char **argv)
{
	fd = open(DEV, O_RDWR);
	if (fd < 0) {
		perror(DEV);
		return 2;
	}
	if (argc > 1 && !strcmp(argv[1], "model")) {
		case_model();
	} else if (argc > 3 && !strcmp(argv[1], "sleep")) {
		long tight = -1;

		if (argc > 4)
			tight = strtol(argv[4], NULL, 0);
		case_sleep(strtoul(argv[2], NULL, 0),
			   strtoul(argv[3], NULL, 0), tight);
	} else if (argc > 1 && !strcmp(argv[1], "fuzz")) {
		unsigned long n = 500;

		if (argc > 2)
			n = strtoul(argv[2], NULL, 0);
		case_fuzz(n);
	} else {
		case_sizes_offsets();
		case_refusals();
		case_maxprot();
		case_free_while_mapped();
		case_fork();
		case_trash();
		case_refault();
		case_lock();
		case_model();
		case_fuzz(300);
	}
	ioctl(fd, UF_RESET);
	close(fd);
	return failures ? 1 : 0;
}
