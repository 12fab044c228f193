// SPDX-License-Identifier: GPL-2.0
/*
 * failnth OP [ARG...]: fault injection at every allocation of one
 * operation (issue 11 item 3).  For n = 1, 2, ... the operation runs with
 * /proc/self/task/<tid>/fail-nth set to n, so that the n-th point where
 * the kernel may fail (a slab or page allocation, a user copy) in this
 * thread fails; the sweep ends at the first n the operation no longer
 * reaches.  Every run must end in success or a clean errno; what the
 * kernel printed meanwhile is judged by the harness (a splat fails the
 * test).  Prints one line per errno seen and a summary:
 *
 *   failnth: OP: N points, S succeeded, F failed cleanly
 *
 * OPs (the guest test tests/guest/failnth.sh prepares their objects):
 *   open-detached DRV NODE   open(2) of NODE after "detach DRV" (attach)
 *   rd-create CTL            RD_CREATE_DISK of a 1 MiB disk (deleted after)
 *   mmap RAW LEN             mmap of LEN bytes, every page touched, munmap
 *   raw-read RAW LEN         pread(2) and pwrite(2) of LEN bytes at 4 KiB
 *   discard BLK LEN          BLKDISCARD of LEN bytes at 0
 *   qotd-resize NODE         QOTDIOCSSZ to a new size each run (reset after)
 *   add-drv KO DRV           finit_module(2) and "attach DRV" (removed after)
 *   write FILE               write(2) of "1" to FILE (harness self-test)
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <linux/fs.h>

#include "../../drivers/ramdisk/ramdisk.h"
#include "../../drivers/qotd/qotd.h"

#define MAX_N	5000
#define CTL	"/dev/ddi_modctl"

static int nth_fd = -1;
static int armed, injected, leftovers;
static char pts[200][160];
static sigjmp_buf fault_jmp;
static char **args;
static int nargs;
static long errs[200];

static void die(const char *what)
{
	fprintf(stderr, "failnth: %s: %s\n", what, strerror(errno));
	exit(2);
}

static const char *arg(int i)
{
	if (i >= nargs) {
		fprintf(stderr, "failnth: missing argument %d\n", i + 1);
		exit(2);
	}
	return args[i];
}

static void arm(int n)
{
	char buf[16];
	int len = snprintf(buf, sizeof(buf), "%d", n);

	if (pwrite(nth_fd, buf, len, 0) != len)
		die("cannot set fail-nth");
	armed = 1;
}

/*
 * disarm: whether the armed fault was injected (fail-nth reached 0).
 * Reading and writing fail-nth copy to and from user space, which may
 * itself be an injection point while the count is not spent: a read
 * that fails means the count was not spent; writes are retried.
 */
static int disarm(void)
{
	char buf[16] = "";
	ssize_t r;
	int left;

	if (!armed)
		return injected;
	r = pread(nth_fd, buf, sizeof(buf) - 1, 0);
	left = r > 0 ? atoi(buf) : 1;
	while (pwrite(nth_fd, "0", 1, 0) != 1)
		;
	armed = 0;
	injected = left == 0;
	return injected;
}

static int control(const char *verb, const char *drv)
{
	char buf[128];
	int fd, n, ret = 0;

	fd = open(CTL, O_WRONLY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	n = snprintf(buf, sizeof(buf), "%s %s\n", verb, drv);
	if (write(fd, buf, n) != n)
		ret = -1;
	n = errno;
	close(fd);
	errno = n;
	return ret;
}

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags | O_CLOEXEC);

	if (fd < 0)
		die(path);
	return fd;
}

/* The operations: set up unarmed, run armed (between arm and disarm). */
static int run_open_detached(int n)
{
	int fd, err = 0;

	if (control("detach", arg(0)))
		die("detach");
	arm(n);
	fd = open(arg(1), O_RDWR | O_CLOEXEC);
	if (fd < 0)
		err = errno;
	else
		close(fd);
	return err;
}

static int run_rd_create(int n)
{
	struct rd_ioctl ri;
	int fd = xopen(arg(0), O_RDWR), err = 0;

	memset(&ri, 0, sizeof(ri));
	snprintf(ri.ri_name, sizeof(ri.ri_name), "failnth");
	ri.ri_size = 1 << 20;
	arm(n);
	/* It returns the new disk's minor number: only -1 is a failure. */
	if (ioctl(fd, RD_CREATE_DISK, &ri) < 0)
		err = errno;
	disarm();
	if (!err && ioctl(fd, RD_DELETE_DISK, &ri))
		die("RD_DELETE_DISK");
	/* A create that failed must have left no disk behind. */
	if (err && err != EEXIST && ioctl(fd, RD_DELETE_DISK, &ri) == 0) {
		printf("failnth: rd-create: point %d: failed (%s) but made the disk\n",
		       n, strerror(err));
		leftovers++;
	}
	close(fd);
	return err;
}

static int run_mmap(int n)
{
	size_t len = strtoul(arg(1), NULL, 0), off;
	int fd = xopen(arg(0), O_RDWR), err = 0;
	volatile char *p;

	arm(n);
	p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		err = errno;
	} else {
		/* A fault the driver cannot serve is SIGBUS: clean too. */
		if (sigsetjmp(fault_jmp, 1) == 0) {
			for (off = 0; off < len; off += 4096)
				p[off] = p[off] + 1;
		} else {
			err = EFAULT;
		}
		if (munmap((void *)p, len))
			err = errno;
	}
	close(fd);
	return err;
}

static int run_raw_read(int n)
{
	size_t len = strtoul(arg(1), NULL, 0);
	int fd = xopen(arg(0), O_RDWR), err = 0;
	char *buf;

	if (posix_memalign((void **)&buf, 4096, len))
		die("posix_memalign");
	memset(buf, 0x5a, len);
	arm(n);
	if (pread(fd, buf, len, 4096) < 0)
		err = errno;
	else if (pwrite(fd, buf, len, 4096) < 0)
		err = errno;
	close(fd);
	free(buf);
	return err;
}

static int run_discard(int n)
{
	uint64_t range[2] = { 0, strtoull(arg(1), NULL, 0) };
	int fd = xopen(arg(0), O_RDWR), err = 0;

	arm(n);
	if (ioctl(fd, BLKDISCARD, range))
		err = errno;
	close(fd);
	return err;
}

static int run_qotd_resize(int n)
{
	int fd = xopen(arg(0), O_RDWR), err = 0;
	size_t sz = 1024 + (n % 7) * 512;

	arm(n);
	if (ioctl(fd, QOTDIOCSSZ, &sz))
		err = errno;
	close(fd);
	disarm();
	/*
	 * Put the quotation back, unarmed: qotd refuses to detach (and so
	 * to unload) while the quotation is changed (qotd_detach()).
	 */
	fd = xopen(arg(0), O_RDWR);
	if (ioctl(fd, QOTDIOCDISCARD))
		die("QOTDIOCDISCARD");
	close(fd);
	return err;
}

static int run_add_drv(int n)
{
	int fd = xopen(arg(0), O_RDONLY), err = 0;

	arm(n);
	if (syscall(SYS_finit_module, fd, "", 0))
		err = errno;
	else if (control("attach", arg(1)))
		err = errno;
	disarm();
	close(fd);
	/* Remove what was added, unarmed; the module may not be loaded. */
	control("detach", arg(1));
	if (syscall(SYS_delete_module, arg(1), O_NONBLOCK) && errno != ENOENT)
		die("delete_module");
	return err;
}

static int run_write(int n)
{
	int fd = xopen(arg(0), O_WRONLY), err = 0;

	arm(n);
	if (write(fd, "1", 1) != 1)
		err = errno;
	close(fd);
	return err;
}

static const struct {
	const char *name;
	int (*run)(int n);
} ops[] = {
	{ "open-detached", run_open_detached },
	{ "rd-create", run_rd_create },
	{ "mmap", run_mmap },
	{ "raw-read", run_raw_read },
	{ "discard", run_discard },
	{ "qotd-resize", run_qotd_resize },
	{ "add-drv", run_add_drv },
	{ "write", run_write },
};

static void on_fault(int sig)
{
	siglongjmp(fault_jmp, sig);
}

int main(int argc, char **argv)
{
	int (*run)(int n) = NULL;
	char path[64];
	int i, n, err, ok = 0, bad = 0, runs = 0, dense = 0, stride = 7;

	if (argc < 2) {
		fprintf(stderr, "usage: failnth OP [ARG...]\n");
		return 2;
	}
	for (i = 0; i < (int)(sizeof(ops) / sizeof(ops[0])); i++)
		if (!strcmp(argv[1], ops[i].name))
			run = ops[i].run;
	if (!run) {
		fprintf(stderr, "failnth: unknown operation %s\n", argv[1]);
		return 2;
	}
	args = argv + 2;
	nargs = argc - 2;
	snprintf(path, sizeof(path), "/proc/self/task/%ld/fail-nth",
		 (long)syscall(SYS_gettid));
	nth_fd = open(path, O_RDWR | O_CLOEXEC);
	if (nth_fd < 0)
		die(path);
	setvbuf(stdout, NULL, _IOLBF, 0);
	signal(SIGBUS, on_fault);
	signal(SIGSEGV, on_fault);
	/*
	 * FAILNTH_DENSE=D: every point up to D, then every FAILNTH_STRIDE-th
	 * (default 7), for an operation with hundreds of points deep in the
	 * kernel (a block disk's add_disk(), a module load); the summary
	 * says how many were run.
	 */
	if (getenv("FAILNTH_DENSE"))
		dense = atoi(getenv("FAILNTH_DENSE"));
	if (getenv("FAILNTH_STRIDE"))
		stride = atoi(getenv("FAILNTH_STRIDE"));
	if (stride < 1)
		stride = 1;
	for (n = 1; n <= MAX_N; n += dense && n >= dense ? stride : 1) {
		runs++;
		injected = 0;
		err = run(n);
		injected = disarm();
		if (!injected) {
			if (err) {
				errno = err;
				die("the operation fails without a fault");
			}
			break;
		}
		if (err) {
			bad++;
			if (err > 0 && err < 200 && strlen(pts[err]) < 150)
				snprintf(pts[err] + strlen(pts[err]),
					 sizeof(pts[err]) - strlen(pts[err]),
					 " %d", n);
			if (err > 0 && err < 200)
				errs[err]++;
		} else {
			ok++;
		}
	}
	if (n > MAX_N) {
		fprintf(stderr, "failnth: %s: still injecting after %d points\n",
			argv[1], MAX_N);
		return 1;
	}
	for (i = 1; i < 200; i++)
		if (errs[i])
			printf("failnth: %s: %s %ld times, at points%s\n", argv[1],
			       strerror(i), errs[i], pts[i]);
	printf("failnth: %s: %d points, %d of them run: %d succeeded, %d failed cleanly\n",
	       argv[1], n - 1, runs - 1, ok, bad);
	/* A sweep that injected nothing did not test anything. */
	return n > 1 && !leftovers ? 0 : 1;
}
