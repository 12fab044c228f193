// SPDX-License-Identifier: GPL-2.0
/*
 * ddic_fuzz: a seeded random-sequence executor over one sample driver
 * (issue 11 item 4), in the spirit of syzkaller.
 *
 *   ddic_fuzz DRIVER [-s SEED] [-t SECONDS] [-p PROCS] [-c]
 *
 * PROCS processes (default 3), each with its own stream of the seed, do
 * for SECONDS (default 10): open/close/dup of the driver's nodes, fork
 * (the child runs a short stream of its own and exits), mmap with random
 * length, offset, protection and flags (MAP_FIXED only inside an arena of
 * its own), touching the pages, partial munmap, mprotect, mremap,
 * madvise, vmsplice of mapped pages into a pipe, read/write and
 * pread/pwrite at edge offsets, and every ioctl of the driver (and
 * neighbouring command numbers) with edge arguments: NULL, unmapped and
 * kernel addresses, a buffer that ends at an unmapped page, huge and
 * negative values.  With -c one more process removes and adds the driver
 * again and again ("detach" and "attach" through /dev/ddi_modctl,
 * delete_module and finit_module of $DDI_MODULE_DIR/DRIVER.ko).
 *
 * The seed is printed first; the same seed replays the same streams
 * (the interleaving of the processes is the kernel's).  It fails (exit
 * 1) if a process dies of a signal it did not expect, or a call returns
 * an errno no driver call should (a kernel-internal code leaking, e.g.
 * ERESTARTSYS).  The guest test (tests/guest/fuzz.sh) then checks the
 * layer's counters and that the driver unloads; the host, that no splat
 * was printed.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <sys/dkio.h>

#include "../../drivers/qotd/qotd.h"
#include "../../drivers/ramdisk/ramdisk.h"
#include "../../drivers/ringbuf/ringbuf.h"
#include "../../drivers/rmapbuf/rmapbuf.h"

#define P	"/devices/pseudo/"
#define NFD	8
#define NMAP	8
#define ARENA	(64UL << 20)
#define KADDR64	0xffff888000000000ULL	/* x86-64's direct map */

struct drv {
	const char *name;
	const char *nodes[6];
	unsigned int cmds[12];
};

static const struct drv drivers[] = {
	{ "qotd", { P "qotd@0:qotd" },
	  { QOTDIOCGSZ, QOTDIOCSSZ, QOTDIOCDISCARD } },
	{ "dummy", { P "dummy@0:0" }, { 0 } },
	{ "ramdisk", { P "ramdisk@0:ctl", P "ramdisk@0:alpha",
		       P "ramdisk@0:alpha,raw", P "ramdisk@0:beta,raw",
		       P "ramdisk@0:beta" },
	  { RD_CREATE_DISK, RD_DELETE_DISK, RD_NEXT_DISK, RD_GET_STATS,
	    DKIOCGGEOM, DKIOCINFO, DKIOCSTATE, DKIOCGMEDIAINFO,
	    DKIOCGMEDIAINFOEXT, DKIOCFREE, DKIOCGETWCE, DKIOCFLUSHWRITECACHE } },
	{ "ringbuf", { P "ringbuf@0:ringbuf", P "ringbuf@1:ringbuf" },
	  { RBIOCGINFO, RBIOCFLUSH, RBIOCGSTATS, RBIOCGLABEL, RBIOCPEEK } },
	{ "rmapbuf", { P "rmapbuf@0:rmapbuf" },
	  { RMBIOCSTATS, RMBIOCHOLD, RMBIOCRELEASE } },
	{ "umemshare", { P "umemshare@0:umemshare" }, { 0 } },
};

static const struct drv *drv;
static uint64_t rng;
static int fds[NFD];
static struct { char *addr; size_t len; } maps[NMAP];
static char *arena, *guard;
static sigjmp_buf jb;
static volatile sig_atomic_t in_touch;
static long nops, nerr;

/* xorshift64*: one stream per process, from the seed. */
static uint64_t rnd(void)
{
	rng ^= rng >> 12;
	rng ^= rng << 25;
	rng ^= rng >> 27;
	return rng * 2685821657736338717ULL;
}

static uint64_t pick(uint64_t n)
{
	return n ? rnd() % n : 0;
}

/* Errnos a driver call may end with; anything else is a leak. */
static void note(long r, const char *what)
{
	static const int ok[] = { EPERM, ENOENT, EINTR, EIO, ENXIO, E2BIG,
		EBADF, EAGAIN, ENOMEM, EACCES, EFAULT, ENOTBLK, EBUSY, EEXIST,
		ENODEV, EINVAL, ENFILE, EMFILE, ENOTTY, EFBIG, ENOSPC, ESPIPE,
		EROFS, ERANGE, EOVERFLOW, ENOSYS, EOPNOTSUPP, ENAMETOOLONG,
		ETIMEDOUT, EDEADLK, EPIPE, ECANCELED, ENOTSUP };
	unsigned int i;
	int e = errno;

	nops++;
	if (r != -1)
		return;
	nerr++;
	for (i = 0; i < sizeof(ok) / sizeof(ok[0]); i++)
		if (e == ok[i])
			return;
	printf("ddic_fuzz: %s: %s returned errno %d (%s), which no call should\n",
	       drv->name, what, e, strerror(e));
	exit(1);
}

static void on_fault(int sig)
{
	if (in_touch)
		siglongjmp(jb, sig);
	signal(sig, SIG_DFL);
	raise(sig);
}

static int nnodes(void)
{
	int n = 0;

	while (n < 6 && drv->nodes[n])
		n++;
	return n;
}

static int some_fd(void)
{
	int i = pick(NFD);

	return fds[i] >= 0 ? fds[i] : -1;
}

/* An edge argument for an ioctl or a length. */
static unsigned long edge_arg(void *buf, size_t len)
{
	switch (pick(12)) {
	case 0:
		return 0;
	case 1:
		return 1;
	case 2:
		return (unsigned long)-1;
	case 3:
		return (unsigned long)INT32_MAX + 1;
	case 4:		/* a kernel address */
		return sizeof(long) == 8 ? (unsigned long)KADDR64 : 0xc0000000UL;
	case 5:		/* runs into a hole */
		return (unsigned long)(guard - pick(64));
	case 6:		/* unmapped */
		return (unsigned long)guard;
	case 7:
		return pick(1 << 20);
	case 8:
		return (unsigned long)maps[pick(NMAP)].addr;
	default:
		memset(buf, (int)pick(256), len);
		if (pick(2))
			*(uint64_t *)buf = pick(2) ? pick(1 << 17) : rnd();
		return (unsigned long)buf;
	}
}

static off_t edge_off(void)
{
	static const off_t offs[] = { 0, 1, 511, 512, 4095, 4096, 65536,
		(1 << 20) - 512, 8 << 20, 1536 << 10, INT32_MAX, (off_t)1 << 40,
		INT64_MAX - 4095, INT64_MAX, -1, -4096 };

	return pick(3) ? offs[pick(sizeof(offs) / sizeof(offs[0]))] :
		(off_t)(pick(16 << 20) & ~511UL);
}

static size_t edge_len(void)
{
	static const size_t lens[] = { 0, 1, 511, 512, 4096, 4097, 65536,
		1 << 20, 3 << 20 };

	return lens[pick(sizeof(lens) / sizeof(lens[0]))];
}

static void touch(char *a, size_t len, int write)
{
	size_t off;

	in_touch = 1;
	if (sigsetjmp(jb, 1) == 0) {
		for (off = 0; off < len; off += 4096 * (1 + pick(4))) {
			if (write)
				a[off] = (char)off;
			else
				(void)*(volatile char *)(a + off);
		}
	}
	in_touch = 0;
}

static void do_mmap(void)
{
	static const size_t lens[] = { 1, 4096, 8192, 65536, 65536 + 4096,
		1 << 20, 4 << 20, 9 << 20 };
	int slot = pick(NMAP), fd = some_fd(), prot = 0, flags;
	size_t len = pick(4) ? lens[pick(8)] : pick(1 << 22);
	off_t off = pick(3) ? (off_t)(pick(64) * 4096) : edge_off();
	char *want = NULL, *a;

	if (maps[slot].addr) {
		munmap(maps[slot].addr, maps[slot].len);
		maps[slot].addr = NULL;
	}
	if (pick(2))
		prot |= PROT_READ;
	if (pick(2))
		prot |= PROT_WRITE;
	flags = pick(4) ? MAP_SHARED : MAP_PRIVATE;
	if (pick(4) == 0 && len <= ARENA / NMAP) {
		want = arena + slot * (ARENA / NMAP);
		flags |= MAP_FIXED;
	}
	a = mmap(want, len, prot, flags, fd, off);
	if (a == MAP_FAILED) {
		note(-1, "mmap");
		if (want)	/* the arena slot is a hole now: refill it */
			mmap(want, ARENA / NMAP, PROT_NONE,
			     MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
		return;
	}
	note(0, "mmap");
	maps[slot].addr = a;
	maps[slot].len = (len + 4095) & ~4095UL;
	if (prot & PROT_READ)
		touch(a, len, (prot & PROT_WRITE) && pick(2));
}

static void do_vm(void)
{
	int slot = pick(NMAP);
	char *a = maps[slot].addr, *b;
	size_t len = maps[slot].len, part;
	static const int adv[] = { MADV_DONTNEED, MADV_WILLNEED,
		MADV_DONTFORK, MADV_DOFORK, MADV_RANDOM, MADV_SEQUENTIAL,
		MADV_FREE, MADV_REMOVE, MADV_COLD, MADV_PAGEOUT };

	if (!a)
		return;
	part = (pick(len / 4096) + 1) * 4096;
	switch (pick(6)) {
	case 0:	/* partial munmap from the end or the start */
		if (part >= len) {
			note(munmap(a, len), "munmap");
			maps[slot].addr = NULL;
		} else if (pick(2)) {
			note(munmap(a + len - part, part), "munmap");
			maps[slot].len = len - part;
		} else {
			note(munmap(a, part), "munmap");
			maps[slot].addr = a + part;
			maps[slot].len = len - part;
		}
		break;
	case 1:
		note(mprotect(a, part, (int)pick(8) & 7), "mprotect");
		break;
	case 2:
		part = pick(2) ? part : len + part;
		b = mremap(a, len, part, pick(2) ? MREMAP_MAYMOVE : 0);
		if (b == MAP_FAILED) {
			note(-1, "mremap");
		} else {
			note(0, "mremap");
			maps[slot].addr = b;
			maps[slot].len = part;
		}
		break;
	case 3:
		note(madvise(a, part, adv[pick(sizeof(adv) / sizeof(adv[0]))]),
		     "madvise");
		break;
	case 4: {	/* vmsplice mapped pages into a pipe, then drain it */
		int p[2];
		struct iovec iov = { a, part > 65536 ? 65536 : part };
		char sink[4096];

		if (pipe2(p, O_NONBLOCK))
			return;
		note(vmsplice(p[1], &iov, 1, pick(2) ? SPLICE_F_GIFT : 0),
		     "vmsplice");
		while (read(p[0], sink, sizeof(sink)) > 0)
			;
		close(p[0]);
		close(p[1]);
		break;
	}
	default:
		touch(a, len, pick(2));
		break;
	}
}

static void do_io(void)
{
	static char buf[(3 << 20) + 8192];
	int fd = some_fd();
	size_t len = edge_len();
	off_t off = edge_off();
	char *b = pick(8) ? buf : (char *)edge_arg(buf, 64);

	switch (pick(4)) {
	case 0:
		note(pread(fd, b, len, off), "pread");
		break;
	case 1:
		note(pwrite(fd, b, len, off), "pwrite");
		break;
	case 2:
		note(read(fd, b, len > 65536 ? 65536 : len), "read");
		break;
	default:
		note(write(fd, b, len > 65536 ? 65536 : len), "write");
		break;
	}
}

static void do_ioctl(void)
{
	static uint64_t buf[512];
	unsigned int cmd;
	int n = 0;

	while (n < 12 && drv->cmds[n])
		n++;
	if (n && pick(5))
		cmd = drv->cmds[pick(n)];
	else if (n)
		cmd = (drv->cmds[0] & ~0xffU) | (unsigned int)pick(256);
	else
		cmd = (unsigned int)rnd();
	/* Never the commands that block without end on purpose. */
	if (!strcmp(drv->name, "rmapbuf") && cmd == RMBIOCHOLD && pick(2))
		return;
	note(ioctl(some_fd(), cmd, edge_arg(buf, sizeof(buf))), "ioctl");
}

static void do_fd(void)
{
	int i = pick(NFD), flags;
	static const int modes[] = { O_RDONLY, O_WRONLY, O_RDWR };

	if (fds[i] >= 0) {
		note(close(fds[i]), "close");
		fds[i] = -1;
		return;
	}
	if (pick(3) == 0 && fds[(i + 1) % NFD] >= 0) {
		fds[i] = dup(fds[(i + 1) % NFD]);
		note(fds[i], "dup");
		return;
	}
	flags = modes[pick(3)] | (pick(2) ? O_NONBLOCK : 0) |
		(pick(8) == 0 ? O_EXCL : 0);
	fds[i] = open(drv->nodes[pick(nnodes())], flags);
	note(fds[i], "open");
}

static void step(void)
{
	unsigned int r = pick(16);

	if (r < 3)
		do_fd();
	else if (r < 5)
		do_mmap();
	else if (r < 7)
		do_vm();
	else if (r < 10)
		do_io();
	else
		do_ioctl();
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

/* wait_child PID: 0 if it exited 0 or was killed by us (SIGKILL). */
static int wait_child(pid_t pid, const char *what)
{
	int st;

	if (waitpid(pid, &st, 0) != pid)
		return 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFSIGNALED(st) && WTERMSIG(st) == SIGKILL)
		return 0;
	printf("ddic_fuzz: %s: %s %d ended with status 0x%x\n", drv->name,
	       what, pid, st);
	return 1;
}

static int worker(double end)
{
	int i, bad = 0, child = 0;
	pid_t kid = 0;

	for (i = 0; i < NFD; i++)
		fds[i] = -1;
	while (now() < end) {
		if (pick(200) == 0 && !kid && !child) {
			kid = fork();
			if (kid == 0) {	/* the child: a short stream of its own */
				prctl(PR_SET_PDEATHSIG, SIGKILL);
				child = 1;
				rng ^= 0x9e3779b97f4a7c15ULL * (uint64_t)getpid();
				end = now() + 0.2 + pick(1000) / 1000.0;
				continue;
			}
			if (kid < 0)
				kid = 0;
		}
		if (kid && pick(50) == 0) {
			bad |= wait_child(kid, "child");
			kid = 0;
		}
		step();
	}
	if (kid)
		bad |= wait_child(kid, "child");
	if (!child)
		printf("ddic_fuzz: %s: pid %d: %ld calls, %ld failed cleanly\n",
		       drv->name, getpid(), nops, nerr);
	return bad;
}

/* The churn process: rem_drv and add_drv of the driver, again and again. */
static void churn(double end)
{
	char path[256], cmd[64];
	const char *dir = getenv("DDI_MODULE_DIR");
	long cycles = 0, fails = 0;
	int fd, c;

	snprintf(path, sizeof(path), "%s/%s.ko", dir ? dir : "/ddi/modules",
		 drv->name);
	while (now() < end) {
		c = open("/dev/ddi_modctl", O_WRONLY);
		if (c >= 0) {
			snprintf(cmd, sizeof(cmd), "detach %s\n", drv->name);
			if (write(c, cmd, strlen(cmd)) < 0)
				fails++;
			close(c);
		}
		if (syscall(SYS_delete_module, drv->name, O_NONBLOCK) == 0) {
			fd = open(path, O_RDONLY | O_CLOEXEC);
			if (fd >= 0) {
				if (syscall(SYS_finit_module, fd, "", 0))
					fails++;
				close(fd);
			}
		}
		c = open("/dev/ddi_modctl", O_WRONLY);
		if (c >= 0) {
			snprintf(cmd, sizeof(cmd), "attach %s\n", drv->name);
			if (write(c, cmd, strlen(cmd)) < 0)
				fails++;
			close(c);
		}
		cycles++;
		usleep(20000 + pick(80000));
	}
	printf("ddic_fuzz: %s: %ld rem_drv/add_drv rounds, %ld refused\n",
	       drv->name, cycles, fails);
}

int main(int argc, char **argv)
{
	uint64_t seed = 0;
	double secs = 10, end;
	int procs = 3, do_churn = 0, c, i, bad = 0;
	pid_t pids[17];
	unsigned int d;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2) {
		fprintf(stderr, "usage: ddic_fuzz DRIVER [-s SEED] [-t SECONDS] [-p PROCS] [-c]\n");
		return 2;
	}
	for (d = 0; d < sizeof(drivers) / sizeof(drivers[0]); d++)
		if (!strcmp(argv[1], drivers[d].name))
			drv = &drivers[d];
	if (!drv) {
		fprintf(stderr, "ddic_fuzz: unknown driver %s\n", argv[1]);
		return 2;
	}
	optind = 2;
	while ((c = getopt(argc, argv, "s:t:p:c")) != -1) {
		switch (c) {
		case 's':
			seed = strtoull(optarg, NULL, 0);
			break;
		case 't':
			secs = atof(optarg);
			break;
		case 'p':
			procs = atoi(optarg);
			break;
		case 'c':
			do_churn = 1;
			break;
		default:
			return 2;
		}
	}
	if (procs < 1 || procs > 16)
		procs = 3;
	if (!seed)
		seed = (uint64_t)time(NULL) ^ ((uint64_t)getpid() << 32);
	printf("ddic_fuzz: %s: seed %llu (%d-bit), %g s, %d processes%s; replay: ddic_fuzz %s -s %llu -t %g -p %d%s\n",
	       drv->name, (unsigned long long)seed, (int)sizeof(long) * 8,
	       secs, procs, do_churn ? " and rem_drv/add_drv" : "",
	       drv->name, (unsigned long long)seed, secs, procs,
	       do_churn ? " -c" : "");
	arena = mmap(NULL, ARENA + 4096, PROT_NONE,
		     MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (arena == MAP_FAILED)
		return 2;
	guard = arena + ARENA;		/* never mapped: the hole */
	signal(SIGBUS, on_fault);
	signal(SIGSEGV, on_fault);
	signal(SIGPIPE, SIG_IGN);
	end = now() + secs;
	for (i = 0; i <= procs; i++) {
		if (i == procs && !do_churn) {
			pids[i] = 0;
			break;
		}
		pids[i] = fork();
		if (pids[i] == 0) {
			rng = seed * 0x9e3779b97f4a7c15ULL + (uint64_t)i + 1;
			if (i == procs) {
				churn(end);
				return 0;
			}
			return worker(end);
		}
	}
	/*
	 * A worker may sleep in the driver (a read of an empty ring, a
	 * resource map held empty): 3 s after the end, SIGKILL ends it.  One
	 * that does not die of it is stuck, and the test's limit will say so.
	 */
	while (now() < end + 3) {
		for (i = 0; i <= procs; i++)
			if (pids[i] > 0 && waitpid(pids[i], &c, WNOHANG) == pids[i]) {
				if (!(WIFEXITED(c) && WEXITSTATUS(c) == 0)) {
					printf("ddic_fuzz: %s: process %d ended with status 0x%x\n",
					       drv->name, pids[i], c);
					bad = 1;
				}
				pids[i] = 0;
			}
		for (i = 0; i <= procs && pids[i] <= 0; i++)
			;
		if (i > procs)
			break;
		usleep(100000);
	}
	for (i = 0; i <= procs; i++)
		if (pids[i] > 0) {
			printf("ddic_fuzz: %s: process %d still running: killed\n",
			       drv->name, pids[i]);
			kill(pids[i], SIGKILL);
			bad |= wait_child(pids[i], i == procs ? "churn" : "worker");
		}
	printf("ddic_fuzz: %s: seed %llu: %s\n", drv->name,
	       (unsigned long long)seed, bad ? "FAILED" : "ok");
	return bad;
}
