// SPDX-License-Identifier: GPL-2.0
/*
 * sesctl: open sessions on the sesstab pseudo device and check them.
 *
 *   sesctl [-d DEV] info          open a session, print its ID
 *   sesctl [-d DEV] list          open a session, print every session's ID
 *   sesctl [-d DEV] [-n N] check  self-checks with N sessions (default 40);
 *                                 prints "ok NAME" / "FAIL NAME" and
 *                                 exits 1 if any failed
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include "../sesstab.h"
#include "ddic_check.h"

static const char *dev = "/devices/pseudo/sesstab@0:sesstab";

static int xopen(void)
{
	int fd = open(dev, O_RDWR);

	if (fd < 0) {
		fprintf(stderr, "sesctl: %s: %s\n", dev, strerror(errno));
		exit(2);
	}
	return fd;
}

static int info(int fd, struct ses_info *si)
{
	memset(si, 0, sizeof(*si));
	return ioctl(fd, SESIOCINFO, si);
}

static int cmp_int(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return x < y ? -1 : x > y;
}

/* Sessions other processes hold (the test script keeps one open). */
static int others;

/*
 * Does the table list, in ascending order, @n + others sessions among
 * which all of @ids (@n of them, sorted)?
 */
static int listed(int fd, const int *ids, int n)
{
	struct ses_list sl;
	uint32_t i;
	int j = 0;

	memset(&sl, 0, sizeof(sl));
	if (ioctl(fd, SESIOCLIST, &sl) != 0 ||
	    sl.sl_total != (uint32_t)(n + others) || sl.sl_n != sl.sl_total)
		return 0;
	for (i = 0; i < sl.sl_n; i++) {
		if (i > 0 && sl.sl_ids[i] <= sl.sl_ids[i - 1])
			return 0;
		if (j < n && sl.sl_ids[i] == ids[j])
			j++;
	}
	return j == n;
}

static void check_all(int n)
{
	int *fd = calloc(n, sizeof(int)), *id = calloc(n, sizeof(int));
	int *sorted = calloc(n + 1, sizeof(int));
	int *odd = calloc(n + 1, sizeof(int));
	int i, ok, nodd = 0, base;
	struct ses_info si;

	if (!fd || !id || !sorted || !odd)
		exit(2);
	base = xopen();		/* other sessions see it too */
	others = ioctl(base, SESIOCCOUNT) - 1;
	for (i = 0; i < n; i++) {
		fd[i] = xopen();
		id[i] = info(fd[i], &si) == 0 ? si.sn_id : -1;
	}

	/* Clone opens: every session has an ID of its own. */
	ok = 1;
	for (i = 0; i < n; i++)
		if (id[i] < 1)
			ok = 0;
	check(ok, "ids-positive");
	info(base, &si);
	sorted[0] = si.sn_id;
	memcpy(sorted + 1, id, n * sizeof(int));
	qsort(sorted, n + 1, sizeof(int), cmp_int);
	ok = 1;
	for (i = 1; i <= n; i++)
		if (sorted[i] == sorted[i - 1])
			ok = 0;
	check(ok, "ids-distinct");
	check(ioctl(base, SESIOCCOUNT) == others + n + 1, "count");
	check(listed(base, sorted, n + 1), "list-sorted");

	/* Lookups through the AVL tree, present and absent. */
	ok = 1;
	for (i = 0; i < n; i++) {
		memset(&si, 0, sizeof(si));
		si.sn_id = id[i];
		if (ioctl(base, SESIOCLOOKUP, &si) != 0 || si.sn_id != id[i] ||
		    si.sn_pid != getpid())
			ok = 0;
	}
	check(ok, "lookup");
	memset(&si, 0, sizeof(si));
	si.sn_id = sorted[n] + 1000;
	check(ioctl(base, SESIOCLOOKUP, &si) == -1 && errno == ENOENT, "lookup-absent");

	/* Timeouts: each fires once, through the soft interrupt and a task. */
	ok = 1;
	for (i = 0; i < n; i++)
		if (ioctl(fd[i], SESIOCARM, 1 + i % 5) != 0)
			ok = 0;
	check(ok, "arm");
	ok = 1;
	for (i = 0; i < n; i++)
		if (ioctl(fd[i], SESIOCWAIT, 1) != 0 || info(fd[i], &si) != 0 ||
		    si.sn_fires != 1 || si.sn_armed)
			ok = 0;
	check(ok, "fired-once-each");
	check(info(base, &si) == 0 && si.sn_fires == 0, "base-not-fired");

	/* A long timeout cancelled: untimeout returns the ticks left. */
	check(ioctl(base, SESIOCARM, 10000) == 0, "arm-long");
	check(ioctl(base, SESIOCARM, 10000) == -1 && errno == EBUSY,
	      "arm-twice-busy");
	i = ioctl(base, SESIOCDISARM);
	check(i > 9000 && i <= 10000, "disarm-left");
	check(ioctl(base, SESIOCDISARM) == -1, "disarm-again");
	check(info(base, &si) == 0 && si.sn_fires == 0, "disarmed-not-fired");

	/* Close every other session, one of them with a timeout pending. */
	if (ioctl(fd[0], SESIOCARM, 10000) != 0)
		check(0, "arm-before-close");
	for (i = 0; i < n; i++) {
		if (i % 2 == 0)
			close(fd[i]);
		else
			odd[nodd++] = id[i];
	}
	info(base, &si);
	odd[nodd++] = si.sn_id;
	qsort(odd, nodd, sizeof(int), cmp_int);
	check(ioctl(base, SESIOCCOUNT) == others + nodd, "count-after-close");
	check(listed(base, odd, nodd), "list-after-close");
	memset(&si, 0, sizeof(si));
	si.sn_id = id[0];
	check(ioctl(base, SESIOCLOOKUP, &si) == -1 && errno == ENOENT, "closed-gone");

	/* A child's sessions end with it. */
	if (fork() == 0) {
		for (i = 0; i < 8; i++)
			xopen();
		_exit(ioctl(base, SESIOCCOUNT) == others + nodd + 8 ? 0 : 1);
	}
	wait(&i);
	check(WIFEXITED(i) && WEXITSTATUS(i) == 0, "child-sessions");
	check(ioctl(base, SESIOCCOUNT) == others + nodd, "child-sessions-closed");

	for (i = 1; i < n; i += 2)
		close(fd[i]);
	check(ioctl(base, SESIOCCOUNT) == others + 1, "only-base-left");
	check(ioctl(base, SESIOC | 99) == -1 && errno == ENOTTY, "bad-ioctl");
	check(ioctl(base, SESIOCARM, 0) == -1 && errno == EINVAL, "arm-bad-ticks");
	close(base);
	free(fd);
	free(id);
	free(sorted);
	free(odd);
}

int main(int argc, char **argv)
{
	struct ses_info si;
	struct ses_list sl;
	int c, fd, n = 40;
	uint32_t i;

	while ((c = getopt(argc, argv, "d:n:")) != -1) {
		switch (c) {
		case 'd':
			dev = optarg;
			break;
		case 'n':
			n = atoi(optarg);
			break;
		default:
			goto usage;
		}
	}
	if (optind + 1 != argc || n < 2 || n > SES_LISTMAX - 16)
		goto usage;
	if (strcmp(argv[optind], "check") == 0) {
		check_all(n);
		return check_failures ? 1 : 0;
	}
	fd = xopen();
	if (strcmp(argv[optind], "info") == 0) {
		if (info(fd, &si) != 0)
			return 1;
		printf("id %d pid %d fires %u armed %d\n", si.sn_id, si.sn_pid,
		       si.sn_fires, si.sn_armed);
		return 0;
	}
	if (strcmp(argv[optind], "list") == 0) {
		if (ioctl(fd, SESIOCLIST, &sl) != 0)
			return 1;
		for (i = 0; i < sl.sl_n; i++)
			printf("%d\n", sl.sl_ids[i]);
		return 0;
	}
usage:
	fprintf(stderr, "usage: sesctl [-d dev] [-n sessions] info|list|check\n");
	return 2;
}
