// SPDX-License-Identifier: GPL-2.0
/*
 * rbctl: drive and check the ringbuf pseudo device.
 *
 *   rbctl [-d DEV] info        size, count, instance, model, label
 *   rbctl [-d DEV] stats       the driver's attach/detach/open/close counts
 *   rbctl [-d DEV] flush       empty the ring
 *   rbctl [-d DEV] peek        bytes waiting (the ioctl's return value)
 *   rbctl [-d DEV] check       self-checks; prints "ok NAME" / "FAIL NAME"
 *                              and exits 1 if any failed
 */
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/time.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "../ringbuf.h"
#include "ddic_check.h"

static const char *dev = "/devices/pseudo/ringbuf@0:ringbuf";
/* An address no process has mapped, hidden from the compiler's checks. */
static void *volatile bad_address = (void *)8;

static long last_n;
static double last_elapsed;

/* The last operation's result and time, on a FAIL line. */
static void last_result(void)
{
	printf(", result %ld, %.3f s", last_n, last_elapsed);
}

static int xopen(int flags)
{
	int fd = open(dev, flags);

	if (fd < 0) {
		fprintf(stderr, "rbctl: %s: %s\n", dev, strerror(errno));
		exit(2);
	}
	return fd;
}

static int get_info(int fd, struct rb_info *ri)
{
	return ioctl(fd, RBIOCGINFO, ri);
}

static double now(void);

/*
 * A child process that writes "wake" to @fd after 0.2 s.  A process, not
 * a thread: 32-bit glibc's thread joins need the time32 futex call,
 * which kernels without CONFIG_COMPAT_32BIT_TIME do not have.
 */
static pid_t late_writer(int fd)
{
	struct timespec ts = { 0, 200000000 };
	pid_t pid = fork();
	double t0;

	if (pid != 0)
		return pid;
	t0 = now();
	/* Sleep 0.2 s, even if a nanosleep is cut short. */
	while (now() - t0 < 0.2)
		nanosleep(&ts, NULL);
	_exit(write(fd, "wake", 4) == 4 ? 0 : 1);
}

static int reaped_ok(pid_t pid)
{
	int status;

	return waitpid(pid, &status, 0) == pid && WIFEXITED(status) &&
	       WEXITSTATUS(status) == 0;
}

static volatile sig_atomic_t alarms;
static const struct itimerval tenth = { { 0, 0 }, { 0, 100000 } };

static void on_alarm(int sig)
{
	(void)sig;
	alarms++;
}

static double now(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void self_check(void)
{
	int rw = xopen(O_RDWR), ro = xopen(O_RDONLY), nb;
	struct rb_info ri;
	struct rb_stats s0, s1;
	struct pollfd pfd;
	struct sigaction sa;
	pid_t t;
	char buf[8192];
	double t0;
	ssize_t n;
	int i;

	ioctl(rw, RBIOCFLUSH);
	check(get_info(rw, &ri) == 0 && ri.ri_count == 0 &&
	      ri.ri_model == (int)(sizeof(long) * 8), "info-model");

	/* Write then read back, across the ring's end. */
	check(write(rw, "hello", 5) == 5, "write");
	check(ioctl(rw, RBIOCPEEK) == 5, "peek-rval");
	memset(buf, 0, sizeof(buf));
	check(read(ro, buf, sizeof(buf)) == 5 && !memcmp(buf, "hello", 5),
	      "read-back");
	for (i = 0; i < 3; i++) {
		size_t chunk = ri.ri_size * 2 / 3;
		char out[8192];

		memset(buf, 'a' + i, chunk);
		n = write(rw, buf, chunk);
		last_n = n;
		check(n == (ssize_t)chunk, "write-wrap");
		n = read(rw, out, sizeof(out));
		check(n == (ssize_t)chunk && !memcmp(buf, out, chunk),
		      "read-wrap");
	}

	/* Non-blocking: EAGAIN on empty, and on full. */
	nb = xopen(O_RDWR | O_NONBLOCK);
	check(read(nb, buf, 1) < 0 && errno == EAGAIN, "nonblock-empty");
	memset(buf, 'x', sizeof(buf));
	n = write(nb, buf, ri.ri_size + 10);
	last_n = n;
	check(n == (ssize_t)ri.ri_size, "nonblock-fill-partial");
	check(write(nb, buf, 1) < 0 && errno == EAGAIN, "nonblock-full");

	/* poll: full ring is readable and not writable. */
	pfd.fd = nb;
	pfd.events = POLLIN | POLLOUT;
	check(poll(&pfd, 1, 0) == 1 && (pfd.revents & POLLIN) &&
	      !(pfd.revents & POLLOUT), "poll-full");
	check(ioctl(rw, RBIOCFLUSH) == 0, "flush");
	pfd.events = POLLIN;
	check(poll(&pfd, 1, 0) == 0, "poll-empty");

	/* poll sleeps until pollwakeup from another writer. */
	t0 = now();
	t = late_writer(rw);
	pfd.events = POLLIN;
	pfd.revents = 0;
	i = poll(&pfd, 1, 5000);
	last_n = i;
	last_elapsed = now() - t0;
	check(i == 1 && (pfd.revents & POLLIN) && now() - t0 >= 0.15 &&
	      now() - t0 < 4.0, "poll-wakeup");
	check(reaped_ok(t), "poll-wakeup-writer");
	check(read(rw, buf, sizeof(buf)) == 4, "poll-wakeup-data");

	/* A blocked reader is woken by a writer... */
	t0 = now();
	t = late_writer(rw);
	n = read(ro, buf, sizeof(buf));
	last_n = n;
	last_elapsed = now() - t0;
	check(n == 4 && now() - t0 >= 0.15, "blocking-read");
	check(reaped_ok(t), "blocking-read-writer");

	/* ...and interrupted by a signal: EINTR. */
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;
	sigaction(SIGALRM, &sa, NULL);
	alarm(1);
	n = read(ro, buf, sizeof(buf));
	check(n < 0 && errno == EINTR, "blocking-read-eintr");

	/*
	 * ...but restarted, as on Solaris, when the handler has SA_RESTART:
	 * the signal comes at 0.1 s, the data at 0.2 s.
	 */
	sa.sa_flags = SA_RESTART;
	sigaction(SIGALRM, &sa, NULL);
	alarms = 0;
	t0 = now();
	t = late_writer(rw);
	setitimer(ITIMER_REAL, &tenth, NULL);
	n = read(ro, buf, sizeof(buf));
	last_n = n;
	last_elapsed = now() - t0;
	check(n == 4 && alarms == 1 && now() - t0 >= 0.15,
	      "blocking-read-sa-restart");
	check(reaped_ok(t), "blocking-read-sa-restart-writer");

	/* O_NONBLOCK set later with fcntl reaches uio_fmode. */
	i = fcntl(ro, F_GETFL);
	check(i >= 0 && fcntl(ro, F_SETFL, i | O_NONBLOCK) == 0 &&
	      read(ro, buf, 1) < 0 && errno == EAGAIN, "fcntl-nonblock-empty");
	check(fcntl(ro, F_SETFL, i) == 0, "fcntl-blocking-again");

	/* Errno paths. */
	check(ioctl(ro, RBIOCFLUSH) < 0 && errno == EACCES, "flush-needs-write");
	check(ioctl(rw, RBIOC | 99) < 0 && errno == ENOTTY, "unknown-ioctl");
	check(ioctl(rw, RBIOCGINFO, bad_address) < 0 && errno == EFAULT,
	      "bad-pointer");
	check(read(rw, bad_address, 0) == 0, "read-zero");
	check(write(rw, "z", 1) == 1, "write-one");
	check(read(rw, bad_address, 1) < 0 && errno == EFAULT, "read-efault");
	ioctl(rw, RBIOCFLUSH);

	/* close(9E) runs on the last close only. */
	check(ioctl(rw, RBIOCGSTATS, &s0) == 0, "stats");
	close(nb);
	close(ro);
	check(ioctl(rw, RBIOCGSTATS, &s1) == 0 && s1.rs_closes == s0.rs_closes,
	      "close-not-on-every-close");
	close(rw);
	rw = xopen(O_RDONLY);
	check(ioctl(rw, RBIOCGSTATS, &s1) == 0 &&
	      s1.rs_closes == s0.rs_closes + 1, "close-on-last-close");
	close(rw);
}

int main(int argc, char **argv)
{
	struct rb_info ri;
	struct rb_stats s;
	char label[RB_LABELSZ];
	int c, fd, r;

	check_detail = last_result;
	while ((c = getopt(argc, argv, "d:")) != -1) {
		if (c == 'd') {
			dev = optarg;
		} else {
			fprintf(stderr, "usage: rbctl [-d dev] info|stats|flush|peek|check\n");
			return 2;
		}
	}
	if (optind >= argc) {
		fprintf(stderr, "usage: rbctl [-d dev] info|stats|flush|peek|check\n");
		return 2;
	}
	if (!strcmp(argv[optind], "check")) {
		self_check();
		return check_failures ? 1 : 0;
	}
	fd = xopen(strcmp(argv[optind], "flush") ? O_RDONLY : O_WRONLY);
	if (!strcmp(argv[optind], "info")) {
		if (get_info(fd, &ri) || ioctl(fd, RBIOCGLABEL, label))
			goto fail;
		label[RB_LABELSZ - 1] = '\0';
		printf("size %zu count %zu instance %d model %d label \"%s\"\n",
		       ri.ri_size, ri.ri_count, ri.ri_instance, ri.ri_model,
		       label);
	} else if (!strcmp(argv[optind], "stats")) {
		if (ioctl(fd, RBIOCGSTATS, &s))
			goto fail;
		printf("attaches %u detaches %u refused %u opens %u closes %u\n",
		       s.rs_attaches, s.rs_detaches, s.rs_refused, s.rs_opens,
		       s.rs_closes);
	} else if (!strcmp(argv[optind], "flush")) {
		if (ioctl(fd, RBIOCFLUSH))
			goto fail;
	} else if (!strcmp(argv[optind], "peek")) {
		r = ioctl(fd, RBIOCPEEK);
		if (r < 0)
			goto fail;
		printf("%d\n", r);
	} else {
		fprintf(stderr, "rbctl: unknown command %s\n", argv[optind]);
		return 2;
	}
	close(fd);
	return 0;
fail:
	fprintf(stderr, "rbctl: %s: %s\n", argv[optind], strerror(errno));
	return 1;
}
