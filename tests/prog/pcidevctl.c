// SPDX-License-Identifier: GPL-2.0
/*
 * pcidevctl: the user side of the pcidev test driver
 * (tests/drivers/pcidev: QEMU's pci-testdev and pci-serial).
 *
 *	pcidevctl -d DEV info		kind, instance, register sets
 *	pcidevctl -d DEV regs		testdev: the register checks
 *	pcidevctl -d DEV misuse		the misuse checks (either device)
 *	pcidevctl -d DEV fm		the fault management checks (either)
 *	pcidevctl -d DEV loop N [nowait|chain]	serial loopback
 *	pcidevctl -d DEV stats		serial counters
 *	pcidevctl -d DEV read TEXT SECS	read(2) until TEXT came (or SECS)
 *	pcidevctl -d DEV write TEXT	write(2) TEXT and a newline
 *	pcidevctl -d DEV nbread		O_NONBLOCK read(2) of nothing
 *
 * regs, misuse and fm print "ok NAME" or "FAIL NAME (values)" per check the
 * driver ran, and exit 1 if any failed.
 */
#define _GNU_SOURCE
#include <sys/types.h>
#include <sys/ioctl.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../drivers/pcidev/pcidev.h"

static const char *const regs_names[PCIDEV_R_NCHECKS] = {
	[PCIDEV_R_NREGS] = "nregs",
	[PCIDEV_R_REGTYPES] = "reg-types",
	[PCIDEV_R_MEM_GET8] = "mem-get8",
	[PCIDEV_R_MEM_GET16] = "mem-get16",
	[PCIDEV_R_MEM_GET32] = "mem-get32",
	[PCIDEV_R_MEM_GET64] = "mem-get64",
	[PCIDEV_R_MEM_BE] = "mem-be-get",
	[PCIDEV_R_MEM_NEVERSWAP] = "mem-neverswap-get",
	[PCIDEV_R_MEM_PUT8] = "mem-put8",
	[PCIDEV_R_MEM_PUT16] = "mem-put16",
	[PCIDEV_R_MEM_PUT32] = "mem-put32",
	[PCIDEV_R_MEM_BE_PUT] = "mem-be-put",
	[PCIDEV_R_MEM_REP_GET_INC] = "mem-rep-get-autoincr",
	[PCIDEV_R_MEM_REP_GET_NOINC] = "mem-rep-get-no-autoincr",
	[PCIDEV_R_MEM_REP_PUT_NOINC] = "mem-rep-put-no-autoincr",
	[PCIDEV_R_MEM_REP_PUT_INC] = "mem-rep-put-autoincr",
	[PCIDEV_R_IO_GET8] = "io-get8",
	[PCIDEV_R_IO_GET16] = "io-get16",
	[PCIDEV_R_IO_GET32] = "io-get32",
	[PCIDEV_R_IO_BE] = "io-be-get",
	[PCIDEV_R_IO_NEVERSWAP] = "io-neverswap-get",
	[PCIDEV_R_IO_PUT8] = "io-put8",
	[PCIDEV_R_IO_PUT16] = "io-put16",
	[PCIDEV_R_IO_PUT32] = "io-put32",
	[PCIDEV_R_IO_BE_PUT] = "io-be-put",
	[PCIDEV_R_IO_REP_GET_INC] = "io-rep-get-autoincr",
	[PCIDEV_R_IO_REP_GET_NOINC] = "io-rep-get-no-autoincr",
	[PCIDEV_R_IO_REP_PUT_NOINC] = "io-rep-put-no-autoincr",
	[PCIDEV_R_IO_REP_PUT_INC] = "io-rep-put-autoincr",
	[PCIDEV_R_MEM_TESTS] = "mem-tests",
	[PCIDEV_R_IO_TESTS] = "io-tests",
	[PCIDEV_R_MEM_EVENTFD] = "mem-eventfd-tests",
	[PCIDEV_R_IO_EVENTFD] = "io-eventfd-tests",
	[PCIDEV_R_SUBMAP] = "map-at-offset",
};

static const char *const misuse_names[PCIDEV_M_NCHECKS] = {
	[PCIDEV_M_RNUMBER] = "bad-rnumber",
	[PCIDEV_M_OFFSET] = "bad-offset",
	[PCIDEV_M_LENGTH] = "bad-length",
	[PCIDEV_M_IO_LENGTH] = "io-bad-length",
	[PCIDEV_M_PUT_OUTSIDE] = "put-outside",
	[PCIDEV_M_GET_OUTSIDE] = "get-outside",
	[PCIDEV_M_REP_OUTSIDE] = "rep-put-outside",
	[PCIDEV_M_IO_PUT_OUTSIDE] = "io-put-outside",
	[PCIDEV_M_INTR_NONE] = "intr-none",
	[PCIDEV_M_INTR_STRICT] = "intr-strict",
	[PCIDEV_M_INTR_STILL] = "intr-still-works",
};

static const char *const fm_names[PCIDEV_F_NCHECKS] = {
	[PCIDEV_F_CAPS] = "fm-caps",
	[PCIDEV_F_PROPS] = "fm-props",
	[PCIDEV_F_ACC_OK] = "fm-acc-ok",
	[PCIDEV_F_ACC_CLEAR] = "fm-acc-clear",
	[PCIDEV_F_EREPORT_SCAN] = "fm-ereport-scan",
	[PCIDEV_F_DEVSTATE] = "fm-devstate",
	[PCIDEV_F_SLAVEONLY] = "fm-slaveonly",
	[PCIDEV_F_EREPORT] = "fm-ereport",
	[PCIDEV_F_BAD_VERSION] = "fm-bad-version",
};

static void syntax(void)
{
	fprintf(stderr, "usage: %s\n",
		"pcidevctl -d DEV info|regs|misuse|fm|stats|loop N [nowait|chain]|read TEXT SECS|write TEXT|nbread");
	exit(2);
}

static int checks(int fd, unsigned long cmd, const char *const *names,
		  int n)
{
	pcidev_checks_t c;
	int i, failed = 0;

	memset(&c, 0, sizeof(c));
	if (ioctl(fd, cmd, &c) != 0) {
		perror("ioctl");
		return 1;
	}
	for (i = 0; i < n; i++) {
		if (!(c.pc_run & (1ULL << i)))
			continue;
		if (c.pc_ok & (1ULL << i)) {
			printf("ok %s\n", names[i]);
			continue;
		}
		failed = 1;
		printf("FAIL %s (values", names[i]);
		for (int j = 0; j < 16; j++)
			printf(" %#x", c.pc_val[j]);
		printf(")\n");
	}
	return failed;
}

static void on_alarm(int sig)
{
	(void)sig;
}

/* read(2) until @text has come, or @secs passed; print what came. */
static int readuntil(int fd, const char *text, int secs)
{
	static char buf[65536];
	struct sigaction sa;
	size_t got = 0;
	ssize_t r;
	time_t end = time(NULL) + secs;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_alarm;	/* no SA_RESTART: read gets EINTR */
	sigaction(SIGALRM, &sa, NULL);
	while (got < sizeof(buf) - 1 && time(NULL) < end) {
		alarm(1);
		r = read(fd, buf + got, sizeof(buf) - 1 - got);
		alarm(0);
		if (r < 0 && errno == EINTR)
			continue;
		if (r <= 0) {
			perror("read");
			break;
		}
		got += r;
		buf[got] = '\0';
		if (memmem(buf, got, text, strlen(text)))
			break;
	}
	fwrite(buf, 1, got, stdout);
	printf("\nread=%zu found=%d\n", got,
	       memmem(buf, got, text, strlen(text)) != NULL);
	return memmem(buf, got, text, strlen(text)) ? 0 : 1;
}

int main(int argc, char **argv)
{
	const char *dev = NULL;
	pcidev_info_t info;
	pcidev_stats_t st;
	pcidev_loop_t lp;
	int fd, opt, i;
	char buf[16];

	while ((opt = getopt(argc, argv, "d:")) != -1) {
		if (opt != 'd')
			syntax();
		dev = optarg;
	}
	argc -= optind;
	argv += optind;
	if (!dev || argc < 1)
		syntax();
	fd = open(dev, strcmp(argv[0], "nbread") ? O_RDWR :
		  O_RDWR | O_NONBLOCK);
	if (fd < 0) {
		perror(dev);
		return 1;
	}
	if (!strcmp(argv[0], "info")) {
		if (ioctl(fd, PCIDEV_INFO, &info) != 0) {
			perror("PCIDEV_INFO");
			return 1;
		}
		printf("kind=%s instance=%u venid=%#x devid=%#x nregs=%u intr_types=%#x",
		       info.pi_kind == PCIDEV_KIND_SERIAL ? "serial" :
		       info.pi_kind == PCIDEV_KIND_TESTDEV ? "testdev" : "?",
		       info.pi_instance, info.pi_venid, info.pi_devid,
		       info.pi_nregs, info.pi_intr_types);
		for (i = 0; i < 4 && i < (int)info.pi_nregs; i++)
			printf(" size%d=%llu type%d=%#x", i,
			       (unsigned long long)info.pi_regsize[i], i,
			       info.pi_regtype[i]);
		printf("\n");
		return 0;
	}
	if (!strcmp(argv[0], "regs"))
		return checks(fd, PCIDEV_REGS, regs_names, PCIDEV_R_NCHECKS);
	if (!strcmp(argv[0], "misuse"))
		return checks(fd, PCIDEV_MISUSE, misuse_names,
			      PCIDEV_M_NCHECKS);
	if (!strcmp(argv[0], "fm"))
		return checks(fd, PCIDEV_FM, fm_names, PCIDEV_F_NCHECKS);
	if (!strcmp(argv[0], "loop") && argc >= 2) {
		memset(&lp, 0, sizeof(lp));
		lp.pl_count = strtoul(argv[1], NULL, 0);
		if (argc >= 3)
			lp.pl_nowait = !strcmp(argv[2], "chain") ? 2 : 1;
		if (ioctl(fd, PCIDEV_LOOP, &lp) != 0) {
			perror("PCIDEV_LOOP");
			return 1;
		}
		printf("sent=%u received=%u mismatches=%u timeouts=%u\n",
		       lp.pl_count, lp.pl_received, lp.pl_mismatches,
		       lp.pl_timeouts);
		return 0;
	}
	if (!strcmp(argv[0], "stats")) {
		if (ioctl(fd, PCIDEV_STATS, &st) != 0) {
			perror("PCIDEV_STATS");
			return 1;
		}
		printf("instance=%u intr_type=%u intrs=%llu unclaimed=%llu rx=%llu tx=%llu dropped=%llu buffered=%u lsr=%#x\n",
		       st.ps_instance, st.ps_intr_type,
		       (unsigned long long)st.ps_intrs,
		       (unsigned long long)st.ps_unclaimed,
		       (unsigned long long)st.ps_rx,
		       (unsigned long long)st.ps_tx,
		       (unsigned long long)st.ps_dropped, st.ps_buffered,
		       st.ps_lsr);
		return 0;
	}
	if (!strcmp(argv[0], "read") && argc >= 3)
		return readuntil(fd, argv[1], atoi(argv[2]));
	if (!strcmp(argv[0], "write") && argc >= 2) {
		size_t n = strlen(argv[1]);

		if (write(fd, argv[1], n) != (ssize_t)n || write(fd, "\n", 1) != 1) {
			perror("write");
			return 1;
		}
		printf("wrote=%zu\n", n + 1);
		return 0;
	}
	if (!strcmp(argv[0], "nbread")) {
		ssize_t r = read(fd, buf, sizeof(buf));

		printf("nbread=%zd errno=%s\n", r,
		       r < 0 && errno == EAGAIN ? "EAGAIN" :
		       r < 0 ? strerror(errno) : "none");
		return !(r < 0 && errno == EAGAIN);
	}
	syntax();
	return 2;
}
