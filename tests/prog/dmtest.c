// SPDX-License-Identifier: GPL-2.0
/*
 * dmtest CASE: user side of the devmap test driver (tests/drivers/dmtest),
 * one case of audit 2 per run; exit 0 when the bridge behaves.
 *   dup     a failing devmap_dup(9E) at fork: the child's exit must not
 *           unmap the parent's private data (finding 3); the driver's
 *           count of live devmap_map areas is 0 after the parent unmaps.
 *   negoff  mmap at an offset whose end passes LLONG_MAX: refused before
 *           devmap(9E) sees a negative offset (finding 24).
 *   trash   what a child writes through a DDI_UMEM_TRASH mapping is not
 *           read by a fresh mapping in the parent (finding 13).
 *   gup     a page of a small devmap mapping cannot be taken by vmsplice
 *           or process_vm_readv (special PTEs), so nothing holds it past
 *           munmap (finding 9).
 *   hold PATH LEN
 *           map LEN bytes of PATH (shared, read-only), say "mapped" and
 *           keep the mapping until killed: finding 18's test reads the
 *           memory cgroup's counters meanwhile.
 */
#define _GNU_SOURCE
#define _FILE_OFFSET_BITS 64
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include "../drivers/dmtest/dmtest.h"

#define MAPDEV		"/devices/pseudo/dmtest@0:map"
#define TRASHDEV	"/devices/pseudo/dmtest@0:trash"

static long pg;

static int xopen(const char *path)
{
	int fd = open(path, O_RDWR);

	if (fd < 0) {
		perror(path);
		exit(2);
	}
	return fd;
}

static int count(int fd, int cmd)
{
	int v = -1000;

	if (ioctl(fd, cmd, &v) < 0)
		perror("ioctl");
	return v;
}

static int case_dup(void)
{
	int fd = xopen(MAPDEV), st, maps;
	char *p;
	pid_t pid;

	p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	p[0] = 'p';
	pid = fork();
	if (pid == 0) {
		p[1] = 'c';
		_exit(0);
	}
	waitpid(pid, &st, 0);
	maps = count(fd, DMT_MAPS);
	printf("dup: after the child's exit: %d live map areas (want 1)\n",
	       maps);
	if (munmap(p, pg) < 0)
		perror("munmap");
	st = count(fd, DMT_MAPS);
	printf("dup: after munmap: %d live map areas (want 0)\n", st);
	close(fd);
	return maps == 1 && st == 0 ? 0 : 1;
}

static int case_negoff(void)
{
	int fd = xopen(MAPDEV), n;
	void *p;

	if (sizeof(long) < 8) {
		printf("negoff: 64-bit only\n");
		return 0;
	}
	p = mmap(NULL, 2 * pg, PROT_READ, MAP_SHARED, fd,
		 (off_t)(0x7fffffffffffffffULL & ~(unsigned long long)(pg - 1)));
	printf("negoff: mmap %s (%s)\n", p == MAP_FAILED ? "refused" : "made",
	       p == MAP_FAILED ? strerror(errno) : "-");
	if (p != MAP_FAILED)
		munmap(p, 2 * pg);
	n = count(fd, DMT_NEGOFF);
	printf("negoff: devmap(9E) calls with a negative offset: %d (want 0)\n",
	       n);
	close(fd);
	return p == MAP_FAILED && n == 0 ? 0 : 1;
}

static int case_trash(void)
{
	static const char msg[] = "written by another process";
	int fd = xopen(TRASHDEV), st, i;
	char *p;
	pid_t pid;

	pid = fork();
	if (pid == 0) {
		p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
		if (p == MAP_FAILED)
			_exit(3);
		memcpy(p, msg, sizeof(msg));
		munmap(p, pg);
		_exit(0);
	}
	waitpid(pid, &st, 0);
	if (!WIFEXITED(st) || WEXITSTATUS(st)) {
		printf("trash: child failed (%#x)\n", st);
		return 1;
	}
	p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	for (i = 0; i < pg && !p[i]; i++)
		;
	printf("trash: fresh mapping %s\n", i == pg ? "all zero" : p);
	munmap(p, pg);
	close(fd);
	return i == pg ? 0 : 1;
}

static int case_gup(void)
{
	int fd = xopen(MAPDEV), pfd[2], bad = 0;
	struct iovec liov, riov;
	char buf[64];
	char *p;
	ssize_t n;

	p = mmap(NULL, pg, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED || pipe(pfd) < 0) {
		perror("mmap/pipe");
		return 1;
	}
	memcpy(p, "page of the mapping", 20);
	liov.iov_base = p;
	liov.iov_len = pg;
	n = vmsplice(pfd[1], &liov, 1, 0);
	printf("gup: vmsplice of the mapping: %zd (%s)\n", n,
	       n < 0 ? strerror(errno) : "page held by the pipe");
	if (n >= 0)
		bad = 1;
	liov.iov_base = buf;
	liov.iov_len = sizeof(buf);
	riov.iov_base = p;
	riov.iov_len = sizeof(buf);
	n = process_vm_readv(getpid(), &liov, 1, &riov, 1, 0);
	printf("gup: process_vm_readv of the mapping: %zd (%s)\n", n,
	       n < 0 ? strerror(errno) : "read");
	if (n >= 0)
		bad = 1;
	/* Ordinary access still works. */
	if (strcmp(p, "page of the mapping"))
		bad = 1;
	munmap(p, pg);
	close(pfd[0]);
	close(pfd[1]);
	close(fd);
	return bad;
}

static int case_hold(const char *path, const char *lenstr)
{
	size_t len = strtoull(lenstr, NULL, 0);
	int fd = open(path, O_RDONLY);
	void *p;

	if (fd < 0) {
		perror(path);
		return 1;
	}
	p = mmap(NULL, len, PROT_READ, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 1;
	}
	printf("mapped\n");
	fflush(stdout);
	for (;;)
		pause();
}

int main(int argc, char **argv)
{
	pg = sysconf(_SC_PAGESIZE);
	if (argc == 2 && !strcmp(argv[1], "dup"))
		return case_dup();
	if (argc == 2 && !strcmp(argv[1], "negoff"))
		return case_negoff();
	if (argc == 2 && !strcmp(argv[1], "trash"))
		return case_trash();
	if (argc == 2 && !strcmp(argv[1], "gup"))
		return case_gup();
	if (argc == 4 && !strcmp(argv[1], "hold"))
		return case_hold(argv[2], argv[3]);
	fprintf(stderr, "usage: dmtest dup|negoff|trash|gup | hold PATH LEN\n");
	return 2;
}
