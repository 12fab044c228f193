// SPDX-License-Identifier: GPL-2.0
/*
 * qotdtest: behaviour checks for the Quote Of The Day driver.
 *
 *	qotdtest [-d device] check [args]
 *
 * Each check prints what it saw and "qotdtest CHECK: ok" or
 * "qotdtest CHECK: FAIL ...", and exits 0 only when it passed.  Every
 * check leaves the driver with its default quotation (as after
 * qotdctl -r), so that it can detach afterwards.
 *
 * Checks:
 *	rw		read/write of the quote, offsets, short write, ENOSPC
 *	resize		QOTDIOCSSZ keeps the content, QOTDIOCDISCARD resets
 *	eacces		ioctls without the needed open mode
 *	efault		bad pointers to read/write/ioctl
 *	enotty		unknown ioctl commands
 *	einval		sizes 0, 65537 and larger
 *	model		size_t handling of this program's data model
 *	eintr [secs]	writers and QOTDIOCSSZ blocked on a busy buffer are
 *			interrupted by a signal and fail with EINTR
 *	concurrent [secs]
 *			readers and writers in parallel never see a torn quote
 *	fuzz [calls] [seed]
 *			random ioctls, reads and writes, checked against a
 *			model of the driver
 */

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../qotd.h"

#define	DEFAULT_QUOTE	"You can't have everything.  Where would you put it? "

static const char *device = "/devices/pseudo/qotd@0:qotd";
static const char *check = "";
static long pagesz;
static void *volatile null_ptr;	/* NULL the compiler cannot see */
static int failures;

static void
fail(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void) printf("qotdtest %s: FAIL: ", check);
	(void) vprintf(fmt, ap);
	(void) printf("\n");
	va_end(ap);
	(void) fflush(stdout);
	failures++;
}

static void
note(const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	(void) printf("qotdtest %s: ", check);
	(void) vprintf(fmt, ap);
	(void) printf("\n");
	va_end(ap);
	(void) fflush(stdout);
}

static int
dev_open(int flags)
{
	int fd = open(device, flags);

	if (fd == -1) {
		(void) printf("qotdtest %s: FAIL: open %s: %s\n", check,
		    device, strerror(errno));
		exit(1);
	}
	return (fd);
}

/* Expect a call to have returned -1 with errno want. */
static void
expect_err(const char *what, long ret, int err, int want)
{
	if (ret != -1)
		fail("%s returned %ld, expected -1 (%s)", what, ret,
		    strerror(want));
	else if (err != want)
		fail("%s failed with \"%s\", expected \"%s\"", what,
		    strerror(err), strerror(want));
	else
		note("%s: %s, as expected", what, strerror(err));
}

static void
expect_ok(const char *what, long ret, int err)
{
	if (ret == -1)
		fail("%s failed: %s", what, strerror(err));
}

static size_t
get_size(int fd)
{
	size_t sz = 0;

	if (ioctl(fd, QOTDIOCGSZ, &sz) == -1) {
		fail("QOTDIOCGSZ: %s", strerror(errno));
		return (0);
	}
	return (sz);
}

static int
set_size(int fd, size_t sz)
{
	return (ioctl(fd, QOTDIOCSSZ, &sz));
}

/* Put the default quotation back and check that it is there. */
static void
reset(void)
{
	char buf[QOTD_INITLEN];
	int fd = dev_open(O_RDWR);

	if (ioctl(fd, QOTDIOCDISCARD) == -1)
		fail("QOTDIOCDISCARD: %s", strerror(errno));
	if (get_size(fd) != QOTD_INITLEN)
		fail("size after QOTDIOCDISCARD is %zu, expected %d",
		    get_size(fd), QOTD_INITLEN);
	if (pread(fd, buf, sizeof (buf), 0) != sizeof (buf) ||
	    strncmp(buf, DEFAULT_QUOTE, strlen(DEFAULT_QUOTE)) != 0)
		fail("default quotation not back after QOTDIOCDISCARD");
	(void) close(fd);
}

/* A page followed by an inaccessible page; returns the first page. */
static char *
guarded_page(void)
{
	char *p = mmap(NULL, 2 * pagesz, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || mprotect(p + pagesz, pagesz, PROT_NONE) != 0) {
		perror("mmap");
		exit(1);
	}
	return (p);
}

/* An address that is not mapped. */
static void *
unmapped_page(void)
{
	char *p = mmap(NULL, 3 * pagesz, PROT_READ | PROT_WRITE,
	    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED || munmap(p + pagesz, pagesz) != 0) {
		perror("mmap");
		exit(1);
	}
	return (p + pagesz);
}

/*
 * rw: the initial quotation, writes at offsets, a write cut short at the
 * end of the buffer, ENOSPC past it, EOF for reads at or past it.
 */
static void
check_rw(void)
{
	char buf[2 * QOTD_INITLEN], exp[QOTD_INITLEN];
	int fd = dev_open(O_RDWR);
	ssize_t n;
	size_t sz;

	if ((sz = get_size(fd)) != QOTD_INITLEN)
		fail("initial size %zu, expected %d", sz, QOTD_INITLEN);

	(void) memset(buf, 0x5a, sizeof (buf));
	n = read(fd, buf, sizeof (buf));
	if (n != QOTD_INITLEN)
		fail("read of %zu bytes returned %zd, expected %d",
		    sizeof (buf), n, QOTD_INITLEN);
	else if (strncmp(buf, DEFAULT_QUOTE, strlen(DEFAULT_QUOTE)) != 0)
		fail("initial quotation is \"%.60s\"", buf);
	else if (buf[QOTD_INITLEN - 1] != '\0')
		fail("quote buffer not NUL padded");
	else
		note("read %zd bytes: %.60s...", n, buf);
	(void) memcpy(exp, buf, QOTD_INITLEN);

	/* The file offset is at the end: EOF. */
	n = read(fd, buf, sizeof (buf));
	if (n != 0)
		fail("read at end returned %zd, expected 0", n);

	n = pwrite(fd, "Hello, world", 12, 0);
	if (n != 12)
		fail("pwrite 12 at 0 returned %zd (%s)", n, strerror(errno));
	(void) memcpy(exp, "Hello, world", 12);
	n = pwrite(fd, "XYZ", 3, 100);
	if (n != 3)
		fail("pwrite 3 at 100 returned %zd (%s)", n, strerror(errno));
	(void) memcpy(exp + 100, "XYZ", 3);

	/* A write that crosses the end is cut short. */
	(void) memset(buf, 'e', sizeof (buf));
	n = pwrite(fd, buf, 20, QOTD_INITLEN - 8);
	if (n != 8)
		fail("pwrite 20 at %d returned %zd, expected 8",
		    QOTD_INITLEN - 8, n);
	(void) memset(exp + QOTD_INITLEN - 8, 'e', 8);

	n = pwrite(fd, buf, 1, QOTD_INITLEN);
	expect_err("pwrite at the end", n, errno, ENOSPC);
	n = pwrite(fd, buf, 1, 5000);
	expect_err("pwrite past the end", n, errno, ENOSPC);
	n = pread(fd, buf, 1, QOTD_INITLEN);
	if (n != 0)
		fail("pread at the end returned %zd, expected 0", n);
	n = pread(fd, buf, 1, 5000);
	if (n != 0)
		fail("pread past the end returned %zd, expected 0", n);

	(void) memset(buf, 0, sizeof (buf));
	n = pread(fd, buf, sizeof (buf), 0);
	if (n != QOTD_INITLEN || memcmp(buf, exp, QOTD_INITLEN) != 0)
		fail("content after writes differs (read %zd)", n);
	else
		note("writes at 0, 100 and %d read back: %.20s...",
		    QOTD_INITLEN - 8, buf);

	/* A short read in the middle. */
	n = pread(fd, buf, 5, 7);
	if (n != 5 || memcmp(buf, "world", 5) != 0)
		fail("pread 5 at 7 returned %zd \"%.5s\"", n, buf);

	/* Another open sees the same quotation (one buffer per instance). */
	{
		int fd2 = dev_open(O_RDONLY);

		n = read(fd2, buf, sizeof (buf));
		if (n != QOTD_INITLEN || memcmp(buf, exp, QOTD_INITLEN) != 0)
			fail("second open reads different content");
		(void) close(fd2);
	}
	(void) close(fd);
	reset();
}

/*
 * resize: QOTDIOCSSZ keeps the old content up to the new size and
 * zero-fills the rest; QOTDIOCDISCARD goes back to the initial quote.
 */
static void
check_resize(void)
{
	static char buf[QOTD_MAXLEN + 16], orig[QOTD_INITLEN];
	static const size_t sizes[] = { 300, 4096, 4097, QOTD_MAXLEN, 1, 40,
	    QOTD_INITLEN, 9000 };
	int fd = dev_open(O_RDWR);
	size_t cur = QOTD_INITLEN, i, j, sz, keep;
	ssize_t n;

	n = pread(fd, orig, sizeof (orig), 0);
	if (n != QOTD_INITLEN)
		fail("initial read %zd", n);

	for (i = 0; i < sizeof (sizes) / sizeof (sizes[0]); i++) {
		sz = sizes[i];
		if (set_size(fd, sz) == -1) {
			fail("QOTDIOCSSZ %zu: %s", sz, strerror(errno));
			continue;
		}
		if (get_size(fd) != sz)
			fail("QOTDIOCGSZ after QOTDIOCSSZ %zu says %zu", sz,
			    get_size(fd));
		n = pread(fd, buf, sizeof (buf), 0);
		if (n != (ssize_t)sz) {
			fail("read after resize to %zu returned %zd", sz, n);
			continue;
		}
		keep = sz < cur ? sz : cur;
		keep = keep < QOTD_INITLEN ? keep : QOTD_INITLEN;
		if (memcmp(buf, orig, keep) != 0)
			fail("resize %zu -> %zu lost the quotation", cur, sz);
		for (j = keep; j < sz && j < cur; j++) {
			if (buf[j] != (char)(j * 7)) {
				fail("resize %zu -> %zu lost byte %zu", cur,
				    sz, j);
				break;
			}
		}
		for (j = cur; j < sz; j++) {
			if (buf[j] != 0) {
				fail("resize %zu -> %zu: new byte %zu is %d, "
				    "expected 0", cur, sz, j, buf[j]);
				break;
			}
		}
		note("size %zu -> %zu: first %zu bytes kept", cur, sz,
		    sz < cur ? sz : cur);
		/* Mark the bytes past the quotation so later sizes see them. */
		if (sz > QOTD_INITLEN) {
			for (j = QOTD_INITLEN; j < sz; j++)
				buf[j] = (char)(j * 7);
			n = pwrite(fd, buf + QOTD_INITLEN, sz - QOTD_INITLEN,
			    QOTD_INITLEN);
			if (n != (ssize_t)(sz - QOTD_INITLEN))
				fail("pwrite tail returned %zd", n);
		}
		cur = sz;
		if (cur < QOTD_INITLEN)
			(void) memset(orig + cur, 0, sizeof (orig) - cur);
	}
	(void) close(fd);
	reset();
}

/* eacces: QOTDIOCSSZ/DISCARD need FWRITE, QOTDIOCGSZ needs FREAD. */
static void
check_eacces(void)
{
	size_t sz = 256;
	int fd = dev_open(O_RDONLY), r, e;

	r = ioctl(fd, QOTDIOCSSZ, &sz);
	e = errno;
	expect_err("QOTDIOCSSZ on a read-only open", r, e, EACCES);
	r = ioctl(fd, QOTDIOCSSZ, NULL);
	e = errno;
	expect_err("QOTDIOCSSZ(NULL) on a read-only open", r, e, EACCES);
	r = ioctl(fd, QOTDIOCDISCARD);
	e = errno;
	expect_err("QOTDIOCDISCARD on a read-only open", r, e, EACCES);
	sz = 0;
	r = ioctl(fd, QOTDIOCGSZ, &sz);
	e = errno;
	expect_ok("QOTDIOCGSZ on a read-only open", r, e);
	if (r == 0 && sz != QOTD_INITLEN)
		fail("size changed to %zu by refused calls", sz);
	(void) close(fd);

	fd = dev_open(O_WRONLY);
	r = ioctl(fd, QOTDIOCGSZ, &sz);
	e = errno;
	expect_err("QOTDIOCGSZ on a write-only open", r, e, EACCES);
	sz = 256;
	r = ioctl(fd, QOTDIOCSSZ, &sz);
	e = errno;
	expect_ok("QOTDIOCSSZ on a write-only open", r, e);
	(void) close(fd);

	fd = dev_open(O_RDONLY);
	if (get_size(fd) != 256)
		fail("QOTDIOCSSZ 256 on a write-only open did not take");
	(void) close(fd);
	reset();
}

/* efault: bad pointers give EFAULT and change nothing. */
static void
check_efault(void)
{
	char *g = guarded_page();
	void *hole = unmapped_page();
	void *kaddr = (void *)(uintptr_t)(sizeof (void *) == 8 ?
	    (uintptr_t)0xffff888000000000ULL : (uintptr_t)0xfffff000UL);
	char buf[QOTD_INITLEN], before[QOTD_INITLEN];
	size_t *tail = (size_t *)(g + pagesz - sizeof (size_t) / 2);
	int fd = dev_open(O_RDWR), r, e;
	ssize_t n;

	if (pread(fd, before, sizeof (before), 0) != QOTD_INITLEN)
		fail("initial read");

	r = ioctl(fd, QOTDIOCGSZ, NULL);
	e = errno;
	expect_err("QOTDIOCGSZ(NULL)", r, e, EFAULT);
	r = ioctl(fd, QOTDIOCGSZ, (void *)1);
	e = errno;
	expect_err("QOTDIOCGSZ(1)", r, e, EFAULT);
	r = ioctl(fd, QOTDIOCGSZ, hole);
	e = errno;
	expect_err("QOTDIOCGSZ(unmapped)", r, e, EFAULT);
	r = ioctl(fd, QOTDIOCGSZ, kaddr);
	e = errno;
	expect_err("QOTDIOCGSZ(kernel address)", r, e, EFAULT);
	r = ioctl(fd, QOTDIOCGSZ, g + pagesz);
	e = errno;
	expect_err("QOTDIOCGSZ(PROT_NONE page)", r, e, EFAULT);
	/* Half of the size_t is accessible, half is not. */
	r = ioctl(fd, QOTDIOCGSZ, tail);
	e = errno;
	expect_err("QOTDIOCGSZ(size_t across the end of a page)", r, e,
	    EFAULT);

	r = ioctl(fd, QOTDIOCSSZ, NULL);
	e = errno;
	expect_err("QOTDIOCSSZ(NULL)", r, e, EFAULT);
	r = ioctl(fd, QOTDIOCSSZ, hole);
	e = errno;
	expect_err("QOTDIOCSSZ(unmapped)", r, e, EFAULT);
	r = ioctl(fd, QOTDIOCSSZ, kaddr);
	e = errno;
	expect_err("QOTDIOCSSZ(kernel address)", r, e, EFAULT);
	r = ioctl(fd, QOTDIOCSSZ, tail);
	e = errno;
	expect_err("QOTDIOCSSZ(size_t across the end of a page)", r, e,
	    EFAULT);

	n = pread(fd, null_ptr, 10, 0);
	e = errno;
	expect_err("read into NULL", n, e, EFAULT);
	n = pread(fd, hole, 10, 0);
	e = errno;
	expect_err("read into an unmapped page", n, e, EFAULT);
	n = pwrite(fd, null_ptr, 10, 0);
	e = errno;
	expect_err("write from NULL", n, e, EFAULT);
	n = pwrite(fd, hole, 10, 0);
	e = errno;
	expect_err("write from an unmapped page", n, e, EFAULT);

	if (get_size(fd) != QOTD_INITLEN)
		fail("size changed by failed calls");
	if (pread(fd, buf, sizeof (buf), 0) != QOTD_INITLEN ||
	    memcmp(buf, before, sizeof (buf)) != 0)
		fail("quotation changed by failed calls");
	(void) close(fd);
	reset();
}

/* Commands that Linux's ioctl(2) handles itself, before any driver. */
static int
vfs_cmd(unsigned int cmd)
{
	unsigned int type = (cmd >> 8) & 0xff;

	return (cmd < 16 || type == 'T' || type == 'X' || type == 'f' ||
	    type == 0x94 || type == 0x15);
}

/* enotty: unknown commands. */
static void
check_enotty(void)
{
	static const unsigned int cmds[] = { QOTDIOC, QOTDIOC | 4,
	    QOTDIOC | 0xff, QOTDIOCGSZ ^ 0x10000, 0x12345678, 0x80000000,
	    0xffffffff, 0x5401 /* TCGETS */ };
	char buf[64];
	size_t i;
	int fd = dev_open(O_RDWR), r, e;

	for (i = 0; i < sizeof (cmds) / sizeof (cmds[0]); i++) {
		(void) snprintf(buf, sizeof (buf), "ioctl 0x%x", cmds[i]);
		r = ioctl(fd, cmds[i], buf);
		e = errno;
		expect_err(buf, r, e, ENOTTY);
	}
	if (isatty(fd))
		fail("isatty() is true");
	(void) close(fd);
}

/* einval: sizes outside 1..65536. */
static void
check_einval(void)
{
	static const unsigned long long bad[] = { 0, QOTD_MAXLEN + 1,
	    2 * QOTD_MAXLEN, 0xffffffffULL, 0x100000000ULL + 256,
	    0xffffffffffffffffULL };
	static const size_t good[] = { 1, QOTD_MAXLEN, QOTD_INITLEN };
	char what[64];
	size_t i, sz;
	int fd = dev_open(O_RDWR), r, e;

	for (i = 0; i < sizeof (bad) / sizeof (bad[0]); i++) {
		sz = (size_t)bad[i];
		if (sz != bad[i])
			continue;	/* not a size_t in this data model */
		(void) snprintf(what, sizeof (what), "QOTDIOCSSZ %llu",
		    bad[i]);
		r = ioctl(fd, QOTDIOCSSZ, &sz);
		e = errno;
		expect_err(what, r, e, EINVAL);
		if (get_size(fd) != QOTD_INITLEN)
			fail("size changed by a refused QOTDIOCSSZ %llu",
			    bad[i]);
	}
	for (i = 0; i < sizeof (good) / sizeof (good[0]); i++) {
		sz = good[i];
		r = ioctl(fd, QOTDIOCSSZ, &sz);
		e = errno;
		(void) snprintf(what, sizeof (what), "QOTDIOCSSZ %zu", sz);
		expect_ok(what, r, e);
		if (r == 0 && get_size(fd) != good[i])
			fail("size is %zu after QOTDIOCSSZ %zu", get_size(fd),
			    good[i]);
		else if (r == 0)
			note("%s accepted", what);
	}
	(void) close(fd);
	reset();
}

/*
 * model: the driver reads and writes exactly a size_t of this process's
 * data model (4 bytes for a 32-bit program, 8 for a 64-bit one).
 */
static void
check_model(void)
{
	char *g = guarded_page();
	size_t *end = (size_t *)(g + pagesz - sizeof (size_t));
	unsigned char *canary;
	size_t slot[3];
	int fd = dev_open(O_RDWR), r, e;

	note("%zu-bit program, size_t is %zu bytes", 8 * sizeof (void *),
	    sizeof (size_t));

	/* A size_t that ends where the page ends: readable. */
	*end = 200;
	r = ioctl(fd, QOTDIOCSSZ, end);
	e = errno;
	expect_ok("QOTDIOCSSZ from a size_t at the end of a page", r, e);
	if (get_size(fd) != 200)
		fail("size is %zu after QOTDIOCSSZ 200", get_size(fd));

	/* What follows the size_t must not be read as part of it. */
	(void) memset(slot, 0xff, sizeof (slot));
	slot[0] = 300;
	r = ioctl(fd, QOTDIOCSSZ, &slot[0]);
	e = errno;
	expect_ok("QOTDIOCSSZ 300 followed by 0xff bytes", r, e);
	if (get_size(fd) != 300)
		fail("size is %zu after QOTDIOCSSZ 300", get_size(fd));

	/* QOTDIOCGSZ writes a size_t and nothing after it. */
	*end = 0;
	r = ioctl(fd, QOTDIOCGSZ, end);
	e = errno;
	expect_ok("QOTDIOCGSZ to a size_t at the end of a page", r, e);
	if (r == 0 && *end != 300)
		fail("QOTDIOCGSZ wrote %zu, expected 300", *end);
	(void) memset(slot, 0xa5, sizeof (slot));
	r = ioctl(fd, QOTDIOCGSZ, &slot[1]);
	e = errno;
	expect_ok("QOTDIOCGSZ", r, e);
	canary = (unsigned char *)&slot[2];
	if (slot[1] != 300)
		fail("QOTDIOCGSZ wrote %zu, expected 300", slot[1]);
	if (canary[0] != 0xa5 || canary[sizeof (size_t) - 1] != 0xa5)
		fail("QOTDIOCGSZ wrote past the size_t");
	canary = (unsigned char *)&slot[0];
	if (canary[sizeof (size_t) - 1] != 0xa5)
		fail("QOTDIOCGSZ wrote before the size_t");
	if (failures == 0)
		note("set 200 and 300, read back 300, no byte outside the "
		    "%zu-byte size_t touched", sizeof (size_t));
	(void) close(fd);
	reset();
}

static volatile sig_atomic_t ticks;

/*ARGSUSED*/
static void
on_alarm(int sig)
{
	(void) sig;
	ticks++;
}

static void
fill(char *buf, size_t len, int c)
{
	(void) memset(buf, c, len);
}

/* The first byte where buf differs from buf[0], or len. */
static size_t
uniform(const char *buf, size_t len)
{
	size_t i;

	for (i = 1; i < len; i++)
		if (buf[i] != buf[0])
			return (i);
	return (len);
}

static double
now(void)
{
	struct timespec ts;

	(void) clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

struct counts {
	int	who;		/* WHO_* */
	long	ok;
	long	eintr;
	long	other;
	long	torn;
	long	shortio;
	int	other_errno;
	unsigned int seen;	/* letters seen, as a bit mask */
};

#define	WHO_READER	1
#define	WHO_WRITE	2
#define	WHO_IOCTL	3

/* Set by the parent (in shared memory) to stop the readers early. */
static volatile int *stop_readers;

/* A child that reads the whole quote until deadline and checks it. */
static void
reader(int out, double deadline, int verify)
{
	static char buf[QOTD_MAXLEN];
	struct counts c;
	int fd = dev_open(O_RDONLY);
	ssize_t n;

	(void) memset(&c, 0, sizeof (c));
	c.who = WHO_READER;
	while (!*stop_readers && now() < deadline) {
		n = pread(fd, buf, sizeof (buf), 0);
		if (n == -1) {
			c.other++;
			c.other_errno = errno;
			continue;
		}
		if (n != sizeof (buf)) {
			c.shortio++;
			continue;
		}
		c.ok++;
		if (!verify)
			continue;
		if (uniform(buf, sizeof (buf)) != sizeof (buf))
			c.torn++;
		if (buf[0] >= 'A' && buf[0] <= 'Z')
			c.seen |= 1U << (buf[0] - 'A');
	}
	(void) write(out, &c, sizeof (c));
	_exit(0);
}

/*
 * A child that writes the whole quote with its letter until deadline.
 * With alarm_us, it goes on after deadline (until limit) while it has not
 * yet seen both a success and an EINTR of each kind of call.
 */
static void
writer(int out, double deadline, double limit, int letter, int alarm_us,
    int ioctls)
{
	static char buf[QOTD_MAXLEN];
	struct counts c, ic;
	struct sigaction sa;
	struct itimerval it;
	int fd = dev_open(O_RDWR);
	ssize_t n;
	int i = 0;

	(void) memset(&c, 0, sizeof (c));
	(void) memset(&ic, 0, sizeof (ic));
	c.who = WHO_WRITE;
	ic.who = WHO_IOCTL;
	fill(buf, sizeof (buf), letter);
	if (alarm_us > 0) {
		/* No SA_RESTART: an interrupted call returns EINTR. */
		(void) memset(&sa, 0, sizeof (sa));
		sa.sa_handler = on_alarm;
		(void) sigemptyset(&sa.sa_mask);
		sa.sa_flags = 0;
		(void) sigaction(SIGALRM, &sa, NULL);
		it.it_interval.tv_sec = 0;
		it.it_interval.tv_usec = alarm_us;
		it.it_value = it.it_interval;
		(void) setitimer(ITIMER_REAL, &it, NULL);
	}
	for (;;) {
		double t = now();

		if (t >= limit)
			break;
		if (t >= deadline && (alarm_us == 0 ||
		    (c.ok > 0 && c.eintr > 0 &&
		    (!ioctls || (ic.ok > 0 && ic.eintr > 0)))))
			break;
		if (ioctls && (i++ & 1)) {
			if (set_size(fd, QOTD_MAXLEN) == 0)
				ic.ok++;
			else if (errno == EINTR)
				ic.eintr++;
			else {
				ic.other++;
				ic.other_errno = errno;
			}
			continue;
		}
		n = pwrite(fd, buf, sizeof (buf), 0);
		if (n == (ssize_t)sizeof (buf))
			c.ok++;
		else if (n == -1 && errno == EINTR)
			c.eintr++;
		else if (n == -1) {
			c.other++;
			c.other_errno = errno;
		} else
			c.shortio++;
	}
	if (alarm_us > 0) {
		(void) memset(&it, 0, sizeof (it));
		(void) setitimer(ITIMER_REAL, &it, NULL);
	}
	(void) write(out, &c, sizeof (c));
	(void) write(out, &ic, sizeof (ic));
	_exit(0);
}

static int
collect(int in, struct counts *c)
{
	return (read(in, c, sizeof (*c)) == (ssize_t)sizeof (*c));
}

static void
wait_children(void)
{
	int status;

	while (wait(&status) > 0) {
		if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			fail("a child process died (status 0x%x)", status);
	}
}

/* Set the quote to 64 KiB of one letter. */
static void
prepare_big(int letter)
{
	static char buf[QOTD_MAXLEN];
	int fd = dev_open(O_RDWR);

	if (set_size(fd, QOTD_MAXLEN) == -1)
		fail("QOTDIOCSSZ %d: %s", QOTD_MAXLEN, strerror(errno));
	fill(buf, sizeof (buf), letter);
	if (pwrite(fd, buf, sizeof (buf), 0) != (ssize_t)sizeof (buf))
		fail("pwrite 64 KiB: %s", strerror(errno));
	(void) close(fd);
}

static void
check_quote_uniform(void)
{
	static char buf[QOTD_MAXLEN];
	int fd = dev_open(O_RDONLY);
	size_t i;

	if (pread(fd, buf, sizeof (buf), 0) != (ssize_t)sizeof (buf))
		fail("final read");
	else if ((i = uniform(buf, sizeof (buf))) != sizeof (buf))
		fail("final quote torn at byte %zu ('%c' then '%c')", i,
		    buf[0], buf[i]);
	if (get_size(fd) != QOTD_MAXLEN)
		fail("final size %zu, expected %d", get_size(fd), QOTD_MAXLEN);
	(void) close(fd);
}

/*
 * eintr: two readers keep the buffer busy; a writer that alternates
 * write(2) and QOTDIOCSSZ gets SIGALRM every millisecond.  Calls that
 * were waiting for the buffer must fail with EINTR; everything else
 * must succeed, and the quote must never be torn.
 */
static void
check_eintr(double secs)
{
	struct counts c, w, wi;
	double deadline;
	pid_t wpid;
	int p[2], i, nread, status;

	prepare_big('A');
	if (pipe(p) == -1) {
		perror("pipe");
		exit(1);
	}
	deadline = now() + secs;
	for (i = 0; i < 2; i++) {
		if (fork() == 0) {
			(void) close(p[0]);
			reader(p[1], deadline + 4 * secs, 1);
		}
	}
	if ((wpid = fork()) == 0) {
		(void) close(p[0]);
		writer(p[1], deadline, deadline + 3 * secs, 'B', 1000, 1);
	}
	(void) close(p[1]);
	/* The readers keep the buffer busy for as long as the writer runs. */
	(void) waitpid(wpid, &status, 0);
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
		fail("the writer died (status 0x%x)", status);
	*stop_readers = 1;
	(void) memset(&w, 0, sizeof (w));
	(void) memset(&wi, 0, sizeof (wi));
	nread = 0;
	while (collect(p[0], &c)) {
		if (c.who == WHO_WRITE) {
			w = c;
			continue;
		}
		if (c.who == WHO_IOCTL) {
			wi = c;
			continue;
		}
		nread++;
		note("reader: %ld reads, %ld torn, %ld errors", c.ok, c.torn,
		    c.other);
		if (c.torn != 0 || c.other != 0 || c.shortio != 0)
			fail("reader saw %ld torn quotes, %ld errors (last %s), "
			    "%ld short reads", c.torn, c.other,
			    strerror(c.other_errno), c.shortio);
	}
	if (nread != 2 || w.who != WHO_WRITE || wi.who != WHO_IOCTL)
		fail("lost the counts of a child");
	(void) close(p[0]);
	wait_children();

	note("writer: write %ld ok, %ld EINTR, %ld other; QOTDIOCSSZ %ld ok, "
	    "%ld EINTR, %ld other", w.ok, w.eintr, w.other, wi.ok, wi.eintr,
	    wi.other);
	if (w.eintr == 0)
		fail("no write(2) was interrupted with EINTR");
	if (wi.eintr == 0)
		fail("no QOTDIOCSSZ was interrupted with EINTR");
	if (w.ok == 0 || wi.ok == 0)
		fail("the writer never got the buffer");
	if (w.other != 0 || w.shortio != 0)
		fail("write(2) failed %ld times (last: %s), %ld short",
		    w.other, strerror(w.other_errno), w.shortio);
	if (wi.other != 0)
		fail("QOTDIOCSSZ failed %ld times (last: %s)", wi.other,
		    strerror(wi.other_errno));
	check_quote_uniform();
	reset();
}

/*
 * concurrent: readers and writers of whole 64 KiB quotes in parallel
 * processes.  Each write is one letter; a reader must always see one
 * letter, and must see the quote change.
 */
static void
check_concurrent(double secs)
{
	struct counts c;
	double deadline;
	long reads = 0, writes = 0, torn = 0;
	unsigned int seen = 0;
	int p[2], i, nr = 3, nw = 3, bits;

	prepare_big('A');
	if (pipe(p) == -1) {
		perror("pipe");
		exit(1);
	}
	deadline = now() + secs;
	for (i = 0; i < nr; i++) {
		if (fork() == 0) {
			(void) close(p[0]);
			reader(p[1], deadline, 1);
		}
	}
	for (i = 0; i < nw; i++) {
		if (fork() == 0) {
			(void) close(p[0]);
			writer(p[1], deadline, deadline, 'B' + i, 0, 0);
		}
	}
	(void) close(p[1]);
	while (collect(p[0], &c)) {
		if (c.other != 0 || c.shortio != 0 || c.eintr != 0)
			fail("%ld errors (last: %s), %ld short, %ld EINTR",
			    c.other, strerror(c.other_errno), c.shortio,
			    c.eintr);
		if (c.who == WHO_READER) {
			reads += c.ok;
			torn += c.torn;
			seen |= c.seen;
		} else if (c.who == WHO_WRITE) {
			writes += c.ok;
		}
	}
	(void) close(p[0]);
	wait_children();

	for (bits = 0, i = 0; i < 26; i++)
		bits += (seen >> i) & 1;
	note("%d readers, %d writers: %ld reads, %ld writes of 64 KiB, "
	    "%ld torn, %d different quotes seen", nr, nw, reads, writes, torn,
	    bits);
	if (torn != 0)
		fail("%ld torn quotes", torn);
	if (reads == 0 || writes == 0)
		fail("no reads or no writes were done");
	if (bits < 2)
		fail("readers never saw the quote change");
	check_quote_uniform();
	reset();
}

/* fuzz */

static unsigned long long rng_state;

static unsigned long long
rnd(void)
{
	/* xorshift64* */
	rng_state ^= rng_state >> 12;
	rng_state ^= rng_state << 25;
	rng_state ^= rng_state >> 27;
	return (rng_state * 2685821657736338717ULL);
}

static unsigned long
rnd_below(unsigned long n)
{
	return ((unsigned long)(rnd() % n));
}

enum { ARG_VALID, ARG_NULL, ARG_SMALL, ARG_HOLE, ARG_PROTNONE, ARG_TAIL,
	ARG_KERNEL, ARG_NKINDS };

static const char *arg_names[ARG_NKINDS] = { "valid", "NULL", "small",
	"unmapped", "PROT_NONE", "across-page-end", "kernel" };

enum { OP_GSZ, OP_SSZ, OP_DISCARD, OP_OTHER, OP_READ, OP_WRITE, OP_NOPS };

static const char *op_names[OP_NOPS] = { "QOTDIOCGSZ", "QOTDIOCSSZ",
	"QOTDIOCDISCARD", "other-cmd", "read", "write" };

#define	NERR	8
static const int errs[NERR] = { 0, EACCES, EFAULT, ENOTTY, EINVAL, ENOSPC,
	EBADF, -1 };

static int
err_index(int e)
{
	int i;

	for (i = 0; i < NERR - 1; i++)
		if (errs[i] == e)
			return (i);
	return (NERR - 1);
}

static size_t
rnd_size(void)
{
	switch (rnd_below(8)) {
	case 0:
		return (0);
	case 1:
		return (1);
	case 2:
		return (QOTD_MAXLEN);
	case 3:
		return (QOTD_MAXLEN + 1);
	case 4:
		return ((size_t)rnd());
	case 5:
		return ((size_t)(0x100000000ULL + rnd_below(QOTD_MAXLEN)));
	default:
		return (1 + rnd_below(QOTD_MAXLEN));
	}
}

static void
check_fuzz(long calls, unsigned long long seed)
{
	static char rwbuf[QOTD_MAXLEN + 64];
	static long count[OP_NOPS][NERR];
	static const int modes[3] = { O_RDONLY, O_WRONLY, O_RDWR };
	char *g = guarded_page();
	char *hole = unmapped_page();
	uintptr_t kernel = sizeof (void *) == 8 ?
	    (uintptr_t)0xffff888000000000ULL : (uintptr_t)0xfffff000UL;
	size_t cur, sz, off, len, need;
	long i, mismatches = 0, bytes = 0;
	int fds[3], m, op, kind, want, got, r, j;
	unsigned int cmd;
	void *arg;
	ssize_t n, wantn;

	rng_state = seed ? seed : 0x9e3779b97f4a7c15ULL;
	for (m = 0; m < 3; m++)
		fds[m] = dev_open(modes[m]);
	cur = get_size(fds[2]);

	for (i = 0; i < calls; i++) {
		m = (int)rnd_below(3);
		op = (int)rnd_below(20);
		op = op < 5 ? OP_GSZ : op < 10 ? OP_SSZ : op < 11 ? OP_DISCARD :
		    op < 14 ? OP_OTHER : op < 17 ? OP_READ : OP_WRITE;
		kind = rnd_below(3) ? ARG_VALID : (int)rnd_below(ARG_NKINDS);

		/* The argument, and whether the driver can use it. */
		need = sizeof (size_t);
		switch (kind) {
		case ARG_VALID:
			arg = g + rnd_below(8) * sizeof (size_t);
			break;
		case ARG_NULL:
			arg = NULL;
			break;
		case ARG_SMALL:
			arg = (void *)(uintptr_t)(1 + rnd_below(4095));
			break;
		case ARG_HOLE:
			arg = hole + rnd_below(pagesz);
			break;
		case ARG_PROTNONE:
			arg = g + pagesz + rnd_below(pagesz);
			break;
		case ARG_TAIL:
			/* Only the first 4 bytes are accessible. */
			arg = g + pagesz - 4;
			break;
		default:
			arg = (void *)(kernel + rnd_below(4096));
			break;
		}
		/* Whether need bytes at arg are accessible. */
#define	ARG_OK(n) (kind == ARG_VALID || (kind == ARG_TAIL && (n) <= 4))

		want = 0;
		wantn = 0;
		switch (op) {
		case OP_GSZ:
			if (modes[m] == O_WRONLY)
				want = EACCES;
			else if (!ARG_OK(need))
				want = EFAULT;
			if (kind == ARG_VALID || kind == ARG_TAIL)
				(void) memset(arg, 0xee, kind == ARG_TAIL ?
				    4 : need);
			r = ioctl(fds[m], QOTDIOCGSZ, arg);
			got = r == -1 ? errno : 0;
			if (got == 0 && want == 0 && *(size_t *)arg != cur) {
				note("call %ld: QOTDIOCGSZ gave %zu, expected "
				    "%zu", i, *(size_t *)arg, cur);
				mismatches++;
			}
			break;
		case OP_SSZ:
			sz = rnd_size();
			if (ARG_OK(need))
				*(size_t *)arg = sz;
			if (modes[m] == O_RDONLY)
				want = EACCES;
			else if (!ARG_OK(need))
				want = EFAULT;
			else if (sz == 0 || sz > QOTD_MAXLEN)
				want = EINVAL;
			r = ioctl(fds[m], QOTDIOCSSZ, arg);
			got = r == -1 ? errno : 0;
			if (got == 0)
				cur = sz;
			break;
		case OP_DISCARD:
			if (modes[m] == O_RDONLY)
				want = EACCES;
			r = ioctl(fds[m], QOTDIOCDISCARD, arg);
			got = r == -1 ? errno : 0;
			if (got == 0)
				cur = QOTD_INITLEN;
			break;
		case OP_OTHER:
			do {
				switch (rnd_below(3)) {
				case 0:
					cmd = (unsigned int)rnd();
					break;
				case 1:
					cmd = QOTDIOC |
					    (unsigned int)(4 + rnd_below(252));
					break;
				default:
					cmd = QOTDIOCGSZ ^
					    (1U << rnd_below(32));
					break;
				}
			} while (vfs_cmd(cmd) || cmd == QOTDIOCGSZ ||
			    cmd == QOTDIOCSSZ || cmd == QOTDIOCDISCARD);
			want = ENOTTY;
			r = ioctl(fds[m], cmd, arg);
			got = r == -1 ? errno : 0;
			break;
		case OP_READ:
		case OP_WRITE:
			off = rnd_below(4) ? rnd_below(cur + 1) :
			    rnd_below(2 * QOTD_MAXLEN);
			len = rnd_below(4) ? rnd_below(cur + 1) :
			    rnd_below(QOTD_MAXLEN + 64);
			if (kind == ARG_VALID)
				arg = rwbuf;
			else if (kind == ARG_TAIL || kind == ARG_KERNEL) {
				kind = ARG_HOLE;
				arg = hole;
			} else if (kind == ARG_SMALL) {
				arg = NULL;
			}
			if (op == OP_READ && modes[m] == O_WRONLY)
				want = EBADF;
			else if (op == OP_WRITE && modes[m] == O_RDONLY)
				want = EBADF;
			else if (len == 0)
				wantn = 0;
			else if (off >= cur)
				want = op == OP_READ ? 0 : ENOSPC;
			else if (kind != ARG_VALID)
				want = EFAULT;
			else
				wantn = (ssize_t)(len < cur - off ?
				    len : cur - off);
			if (op == OP_READ)
				n = pread(fds[m], arg, len, (off_t)off);
			else
				n = pwrite(fds[m], arg, len, (off_t)off);
			got = n == -1 ? errno : 0;
			if (got == 0 && want == 0 && n != wantn) {
				note("call %ld: %s of %zu at %zu returned "
				    "%zd, expected %zd", i, op_names[op],
				    len, off, n, wantn);
				mismatches++;
			}
			if (n > 0)
				bytes += n;
			break;
		default:
			got = want = 0;
			break;
		}
		count[op][err_index(got)]++;
		if (got != want) {
			if (mismatches < 20)
				note("call %ld: %s (open mode %d, %s argument "
				    "%p) failed with \"%s\", expected \"%s\"",
				    i, op_names[op], modes[m], arg_names[kind],
				    arg, got ? strerror(got) : "success",
				    want ? strerror(want) : "success");
			mismatches++;
			/* Resynchronise the model. */
			cur = get_size(fds[2]);
		}
		if ((i & 1023) == 0 && get_size(fds[2]) != cur) {
			note("call %ld: size is %zu, model says %zu", i,
			    get_size(fds[2]), cur);
			mismatches++;
			cur = get_size(fds[2]);
		}
	}

	for (op = 0; op < OP_NOPS; op++) {
		char line[256];
		int len2 = 0;

		for (j = 0; j < NERR; j++) {
			if (count[op][j] == 0)
				continue;
			len2 += snprintf(line + len2, sizeof (line) - len2,
			    " %s=%ld", j == NERR - 1 ? "other" :
			    errs[j] == 0 ? "ok" : strerror(errs[j]),
			    count[op][j]);
		}
		note("%-15s%s", op_names[op], len2 ? line : " (none)");
	}
	note("%ld calls (seed %llu), %ld bytes moved, %ld mismatches", calls,
	    seed, bytes, mismatches);
	if (mismatches != 0)
		fail("%ld results differ from the model", mismatches);
	for (m = 0; m < 3; m++)
		(void) close(fds[m]);
	reset();
}

static void
usage(void)
{
	(void) fprintf(stderr, "usage: qotdtest [-d device] rw | resize | "
	    "eacces | efault | enotty | einval | model | eintr [secs] | "
	    "concurrent [secs] | fuzz [calls] [seed]\n");
	exit(2);
}

int
main(int argc, char **argv)
{
	int c;

	while ((c = getopt(argc, argv, "d:")) != -1) {
		if (c == 'd')
			device = optarg;
		else
			usage();
	}
	if (optind >= argc)
		usage();
	check = argv[optind++];
	pagesz = sysconf(_SC_PAGESIZE);
	stop_readers = mmap(NULL, sizeof (int), PROT_READ | PROT_WRITE,
	    MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (stop_readers == MAP_FAILED) {
		perror("mmap");
		return (1);
	}
	(void) setvbuf(stdout, NULL, _IOLBF, 0);

	if (strcmp(check, "rw") == 0)
		check_rw();
	else if (strcmp(check, "resize") == 0)
		check_resize();
	else if (strcmp(check, "eacces") == 0)
		check_eacces();
	else if (strcmp(check, "efault") == 0)
		check_efault();
	else if (strcmp(check, "enotty") == 0)
		check_enotty();
	else if (strcmp(check, "einval") == 0)
		check_einval();
	else if (strcmp(check, "model") == 0)
		check_model();
	else if (strcmp(check, "eintr") == 0)
		check_eintr(optind < argc ? atof(argv[optind]) : 3.0);
	else if (strcmp(check, "concurrent") == 0)
		check_concurrent(optind < argc ? atof(argv[optind]) : 3.0);
	else if (strcmp(check, "fuzz") == 0)
		check_fuzz(optind < argc ? atol(argv[optind]) : 100000,
		    optind + 1 < argc ? strtoull(argv[optind + 1], NULL, 0) :
		    (unsigned long long)time(NULL));
	else
		usage();

	(void) printf("qotdtest %s: %s\n", check, failures ? "FAIL" : "ok");
	return (failures ? 1 : 0);
}
