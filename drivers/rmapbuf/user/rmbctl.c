// SPDX-License-Identifier: GPL-2.0
/*
 * rmbctl: drive and check the rmapbuf pseudo device.
 *
 *   rmbctl [-d DEV] stats        the driver's counters
 *   rmbctl [-d DEV] hold N       take N units of the map and keep them
 *                                until "release" (prints the offset)
 *   rmbctl [-d DEV] release      give them back
 *   rmbctl [-d DEV] read OFF LEN read LEN bytes at OFF (blocking) and print
 *                                how many came back
 *   rmbctl [-d DEV] check        self-checks; prints "ok NAME" / "FAIL NAME"
 *                                and exits 1 if any failed
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../rmapbuf.h"
#include "ddic_check.h"

static const char *dev = "/devices/pseudo/rmapbuf@0:rmapbuf";
/* An address no process has mapped, hidden from the compiler's checks. */
static void *volatile bad_address = (void *)8;

static int open_dev(int flags)
{
	int fd = open(dev, flags);

	if (fd < 0) {
		perror(dev);
		exit(2);
	}
	return fd;
}

static int get_stats(int fd, struct rmb_stats *st)
{
	return ioctl(fd, RMBIOCSTATS, st);
}

static unsigned char pattern(long off)
{
	return (unsigned char)(off * 7 + (off >> 8) + 1);
}

/*
 * Each worker writes and reads back its own quarter, 50 times, and
 * returns the number of mismatches.  Workers are processes, not threads:
 * a 32-bit program's futex calls need COMPAT_32BIT_TIME, which the debug
 * kernels leave out.
 */
static int work(int fd, int id)
{
	long base = (long)id * (RMB_DEVSIZE / 4), i;
	unsigned char buf[RMB_DEVSIZE / 4];
	int round, bad = 0;

	for (round = 0; round < 50; round++) {
		for (i = 0; i < (long)sizeof(buf); i++)
			buf[i] = pattern(base + i + round);
		if (pwrite(fd, buf, sizeof(buf), base) != sizeof(buf))
			bad++;
		memset(buf, 0, sizeof(buf));
		if (pread(fd, buf, sizeof(buf), base) != sizeof(buf))
			bad++;
		for (i = 0; i < (long)sizeof(buf); i++)
			if (buf[i] != pattern(base + i + round)) {
				bad++;
				break;
			}
	}
	return bad;
}

/* A child reading 100 bytes; exits 0 if it got them. */
static pid_t blocked_read(int fd)
{
	char buf[100];
	pid_t pid = fork();

	if (pid == 0)
		_exit(pread(fd, buf, sizeof(buf), 0) == sizeof(buf) ? 0 : 1);
	return pid;
}

/* The exit status of @pid, -1 if it did not exit normally. */
static int reap(pid_t pid)
{
	int status;

	if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

static int self_check(void)
{
	static unsigned char out[RMB_DEVSIZE], in[RMB_DEVSIZE];
	struct rmb_stats st0, st;
	pid_t pids[4], reader;
	int fd, nfd, i, ok, off, status;
	long k;

	fd = open_dev(O_RDWR);
	check(get_stats(fd, &st0) == 0 && st0.rs_out == 0, "stats-idle");

	for (k = 0; k < RMB_DEVSIZE; k++)
		out[k] = pattern(k);
	check(pwrite(fd, out, sizeof(out), 0) == sizeof(out), "write-all");
	check(pread(fd, in, sizeof(in), 0) == sizeof(in) &&
	      memcmp(in, out, sizeof(in)) == 0, "read-all");
	get_stats(fd, &st);
	/* 16384 bytes in pieces of at most 640: 26 pieces each way. */
	check(st.rs_takes - st0.rs_takes == 52, "pieces-of-maxsize");
	check(st.rs_lowest == 0, "first-fit-at-buffer-start");
	check(st.rs_out == 0, "all-buffers-back");

	check(pread(fd, in, 1000, 15000) == 1000 &&
	      memcmp(in, out + 15000, 1000) == 0, "read-at-offset");
	check(pread(fd, in, 100, RMB_DEVSIZE) == 0, "read-at-end");
	errno = 0;
	check(pwrite(fd, out, 10, RMB_DEVSIZE) < 0 && errno == ENOSPC,
	      "write-past-end-ENOSPC");

	/* A bad user address: the buffer goes back, EFAULT comes out. */
	errno = 0;
	check(pread(fd, bad_address, 300, 0) < 0 && errno == EFAULT,
	      "read-bad-address-EFAULT");
	errno = 0;
	check(pwrite(fd, bad_address, 300, 0) < 0 && errno == EFAULT,
	      "write-bad-address-EFAULT");
	get_stats(fd, &st);
	check(st.rs_faults - st0.rs_faults == 2 && st.rs_out == 0,
	      "fault-returns-buffer");
	check(pread(fd, in, 300, 0) == 300 && memcmp(in, out, 300) == 0,
	      "works-after-fault");

	/* Concurrent transfers: at most four 640-byte buffers fit. */
	fflush(stdout);
	for (i = 0; i < 4; i++) {
		pids[i] = fork();
		if (pids[i] == 0)
			_exit(work(fd, i) ? 1 : 0);
	}
	ok = 1;
	for (i = 0; i < 4; i++)
		if (pids[i] < 0 || reap(pids[i]) != 0)
			ok = 0;
	check(ok, "concurrent-transfers-intact");
	get_stats(fd, &st);
	check(st.rs_out == 0, "concurrent-all-back");

	/* The map emptied by a hold: non-blocking fails, blocking waits. */
	off = ioctl(fd, RMBIOCHOLD, RMB_BUFSIZE);
	check(off == 0, "hold-whole-map");
	check(ioctl(fd, RMBIOCHOLD, 1) < 0 && errno == EBUSY, "hold-once");
	nfd = open_dev(O_RDWR | O_NONBLOCK);
	errno = 0;
	check(pread(nfd, in, 100, 0) < 0 && errno == EAGAIN,
	      "nonblocking-EAGAIN");
	close(nfd);
	get_stats(fd, &st0);
	fflush(stdout);
	reader = blocked_read(fd);
	/*
	 * poll() as the sleep: usleep() is nanosleep(), which a 32-bit
	 * program cannot use on kernels without COMPAT_32BIT_TIME.
	 */
	poll(NULL, 0, 300);
	check(reader > 0 && waitpid(reader, &status, WNOHANG) == 0,
	      "blocking-read-waits");
	check(ioctl(fd, RMBIOCRELEASE, 0) == 0, "release");
	check(reap(reader) == 0, "woken-by-rmfree");
	get_stats(fd, &st);
	check(st.rs_waits - st0.rs_waits == 1, "wait-counted");
	check(ioctl(fd, RMBIOCRELEASE, 0) < 0 && errno == ENOENT,
	      "release-nothing-ENOENT");
	check(ioctl(fd, RMBIOCHOLD, RMB_BUFSIZE + 1) < 0 && errno == EINVAL,
	      "hold-too-much-EINVAL");
	close(fd);
	return check_failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct rmb_stats st;
	int fd, r;

	if (argc > 2 && strcmp(argv[1], "-d") == 0) {
		dev = argv[2];
		argv += 2;
		argc -= 2;
	}
	if (argc < 2) {
		fprintf(stderr, "usage: rmbctl [-d DEV] stats|hold N|release|read OFF LEN|check\n");
		return 2;
	}
	if (strcmp(argv[1], "check") == 0)
		return self_check();
	fd = open_dev(O_RDWR);
	if (strcmp(argv[1], "stats") == 0) {
		if (get_stats(fd, &st) < 0) {
			perror("RMBIOCSTATS");
			return 1;
		}
		printf("takes %u waits %u faults %u out %u held %u lowest %u\n",
		       st.rs_takes, st.rs_waits, st.rs_faults, st.rs_out,
		       st.rs_held, st.rs_lowest);
	} else if (strcmp(argv[1], "hold") == 0 && argc > 2) {
		r = ioctl(fd, RMBIOCHOLD, atol(argv[2]));
		if (r < 0) {
			perror("RMBIOCHOLD");
			return 1;
		}
		printf("%d\n", r);
	} else if (strcmp(argv[1], "release") == 0) {
		if (ioctl(fd, RMBIOCRELEASE, 0) < 0) {
			perror("RMBIOCRELEASE");
			return 1;
		}
	} else if (strcmp(argv[1], "read") == 0 && argc > 3) {
		char *buf = malloc(atol(argv[3]));
		ssize_t n = pread(fd, buf, atol(argv[3]), atol(argv[2]));

		if (n < 0) {
			perror("read");
			return 1;
		}
		printf("%zd\n", n);
	} else {
		fprintf(stderr, "rmbctl: unknown command %s\n", argv[1]);
		return 2;
	}
	close(fd);
	return 0;
}
