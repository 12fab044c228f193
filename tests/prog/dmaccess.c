// SPDX-License-Identifier: GPL-2.0
/*
 * dmaccess: the devmap_access(9E) sequence of the winlockio pattern
 * through the test-only driver tests/drivers/dmaccess (issue 14).
 *
 *	dmaccess winlock N
 *	dmaccess remap
 *
 * Two processes (this one, A, and a child, B) each map the driver's
 * page; the driver gives the page to one mapping at a time.  They take
 * turns touching it, N rounds, and after each touch A checks the
 * driver's counters: a touch by the mapping that does not have the page
 * faults into devmap_access, which unloads the other mapping and loads
 * the toucher; a second touch by the same mapping does not fault.  Each
 * also checks it sees the other's last write.
 *
 * remap: the "remap" minor's mapping starts invalid; the first touch
 * faults into devmap_access, which moves it to another cookie with
 * devmap_umem_remap and loads it: the process reads that cookie's word.
 */
#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "ddic_check.h"
#include "../drivers/dmaccess/dmaccess.h"

#define CTXDEV	"/devices/pseudo/dmaccess@0:ctx"
#define REMAPDEV	"/devices/pseudo/dmaccess@0:remap"

static dma_stats_t st;
static char what[128];

static void detail(void)
{
	printf("; faults=%u loads=%u unloads=%u errors=%u maps=%u writes=%u",
	       st.ds_faults, st.ds_loads, st.ds_unloads, st.ds_errors,
	       st.ds_maps, st.ds_writes);
}

static void stats(int fd)
{
	if (ioctl(fd, DMA_STATS, &st) != 0) {
		perror("DMA_STATS");
		exit(1);
	}
}

static volatile uint32_t *map(int fd)
{
	void *p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED) {
		perror("mmap " CTXDEV);
		exit(1);
	}
	return p;
}

/* Expect the counters; name the check after @step. */
static void expect(int fd, const char *step, unsigned int faults,
		   unsigned int unloads, unsigned int maps)
{
	stats(fd);
	snprintf(what, sizeof(what), "%s: faults=%u unloads=%u maps=%u",
		 step, faults, unloads, maps);
	check(st.ds_faults == faults && st.ds_loads == faults &&
	      st.ds_unloads == unloads && st.ds_errors == 0 &&
	      st.ds_maps == maps, what);
}

/* One byte over the pipe: wait for the other side's turn. */
static void put(int fd)
{
	char c = 1;

	if (write(fd, &c, 1) != 1) {
		printf("FAIL the other process is gone\n");
		exit(1);
	}
}

static int get(int fd)
{
	char c;

	return read(fd, &c, 1) == 1;
}

static int remap(void)
{
	int fd = open(REMAPDEV, O_RDWR);
	volatile uint32_t *m;
	uint32_t w;

	if (fd < 0) {
		perror(REMAPDEV);
		return 1;
	}
	check_detail = detail;
	check(ioctl(fd, DMA_RESET, 0) == 0, "reset");
	m = map(fd);
	stats(fd);
	check(st.ds_faults == 0 && st.ds_remaps == 0, "mapped invalid, not touched");
	w = m[0];
	stats(fd);
	snprintf(what, sizeof(what), "the touch remapped: read %#x, want %#x",
		 w, DMA_REMAP_WORD);
	check(w == DMA_REMAP_WORD && st.ds_faults == 1 &&
	      st.ds_remaps == 1 && st.ds_loads == 1 && st.ds_errors == 0,
	      what);
	w = m[0];
	stats(fd);
	check(st.ds_faults == 1, "a second touch does not fault");
	munmap((void *)m, 4096);
	close(fd);
	printf("%s\n", check_failures ? "FAIL" : "PASS");
	return check_failures != 0;
}

int main(int argc, char **argv)
{
	int toa[2], tob[2], fd, i, n, status, quiet;
	volatile uint32_t *m;
	unsigned int f;
	pid_t pid;

	if (argc == 2 && strcmp(argv[1], "remap") == 0)
		return remap();
	if (argc != 3 || strcmp(argv[1], "winlock") != 0) {
		fprintf(stderr, "usage: dmaccess winlock N | remap\n");
		return 2;
	}
	n = atoi(argv[2]);
	signal(SIGPIPE, SIG_IGN);
	check_detail = detail;
	fd = open(CTXDEV, O_RDWR);
	if (fd < 0) {
		perror(CTXDEV);
		return 1;
	}
	if (ioctl(fd, DMA_RESET, 0) != 0 || pipe(toa) || pipe(tob)) {
		perror("setup");
		return 1;
	}
	pid = fork();
	if (pid == 0) {
		/* B: map, then at each turn read A's value and write its own. */
		close(toa[0]);
		close(tob[1]);
		m = map(fd);
		put(toa[1]);
		for (i = 0; get(tob[0]); i++) {
			if (m[0] != 2u * i + 1) {
				printf("FAIL B round %d: saw %u, expected %u\n",
				       i, m[0], 2u * i + 1);
				_exit(1);
			}
			m[0] = 2u * i + 2;
			put(toa[1]);
		}
		_exit(0);
	}
	/* A: if B dies, its end of the pipe closes and A stops waiting. */
	close(toa[1]);
	close(tob[0]);
	m = map(fd);
	check(get(toa[0]), "B mapped");
	expect(fd, "both mapped, none loaded", 0, 0, 2);
	m[0] = 1;
	expect(fd, "A's first touch faults and loads A", 1, 0, 2);
	snprintf(what, sizeof(what), "A's first touch was a write");
	check(st.ds_writes == 1, what);
	(void)m[0];
	m[0] = 1;
	expect(fd, "A's second touch does not fault", 1, 0, 2);
	put(tob[1]);
	check(get(toa[0]), "B's first turn");
	expect(fd, "B's touch unloads A and loads B", 2, 1, 2);
	check(m[0] == 2, "A sees B's write");
	expect(fd, "A's touch after B unloads B and loads A", 3, 2, 2);
	quiet = 0;
	for (i = 1; i < n; i++) {
		m[0] = 2u * i + 1;
		put(tob[1]);
		if (!get(toa[0])) {
			check(0, "round: B answers");
			break;
		}
		f = 3 + 2 * (i - 1);
		stats(fd);
		/* Report the first few failing rounds only. */
		if ((st.ds_faults != f + 1 || st.ds_unloads != f) &&
		    quiet++ < 3)
			expect(fd, "round: B's touch faults once", f + 1, f, 2);
		if (m[0] != 2u * i + 2 && quiet++ < 3)
			check(0, "round: A sees B's write");
	}
	f = 3 + 2 * (n - 1);
	snprintf(what, sizeof(what), "all of %d rounds", n);
	check(quiet == 0, what);
	expect(fd, "after the rounds: each touch of a turn faulted once",
	       f, f - 1, 2);
	close(tob[1]);
	waitpid(pid, &status, 0);
	snprintf(what, sizeof(what), "B exited 0 (status %#x)", status);
	check(WIFEXITED(status) && WEXITSTATUS(status) == 0, what);
	expect(fd, "B's exit unmapped its mapping", f, f - 1, 1);
	(void)m[0];
	expect(fd, "A keeps the page after B went", f, f - 1, 1);
	munmap((void *)m, 4096);
	expect(fd, "A's unmap", f, f - 1, 0);
	close(fd);
	printf("%s\n", check_failures ? "FAIL" : "PASS");
	return check_failures != 0;
}
