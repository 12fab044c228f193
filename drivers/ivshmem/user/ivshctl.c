// SPDX-License-Identifier: GPL-2.0
/*
 * ivshctl: use the ivshmem driver's shared memory.
 *
 *	ivshctl [-d dir] info			size, register set, devmap calls
 *	ivshctl [-d dir] write OFF TEXT		write TEXT at OFF (through "rw")
 *	ivshctl [-d dir] read OFF LEN		print LEN bytes at OFF ("ro")
 *	ivshctl [-d dir] pingpong ping|pong N	N round trips with a peer
 *	ivshctl [-d dir] maxprot		"ro" refuses PROT_WRITE
 *	ivshctl [-d dir] revoke SECS		map, wait for SIGBUS (unbind)
 *
 * DIR is the node's path without the minor name; the default is
 * /devices/pci@0,0/pci1af4,1100@6.  pingpong: two processes each map the
 * memory; "ping" writes odd counts to word 0 and waits for the even
 * reply in word 1, "pong" answers: each sees the other's writes.
 */

#include <sys/types.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <sched.h>
#include <setjmp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "../ivshmem.h"

#define	PP_BASE	4096		/* pingpong's words: the second page */

static const char *prog = "ivshctl";
static const char *dir = "/devices/pci@0,0/pci1af4,1100@6";

static void
usage(void)
{
	(void) fprintf(stderr, "usage: %s [-d dir] info | write OFF TEXT | "
	    "read OFF LEN | pingpong ping|pong N | maxprot | revoke SECS\n",
	    prog);
	exit(2);
}

static int
node(const char *minor, int flags)
{
	char path[256];
	int fd;

	(void) snprintf(path, sizeof (path), "%s:%s", dir, minor);
	if ((fd = open(path, flags)) < 0) {
		(void) fprintf(stderr, "%s: %s: %s\n", prog, path,
		    strerror(errno));
		exit(1);
	}
	return (fd);
}

static ivsh_info_t
info(int fd)
{
	ivsh_info_t ii;

	if (ioctl(fd, IVSHIOC_INFO, &ii) != 0) {
		(void) fprintf(stderr, "%s: IVSHIOC_INFO: %s\n", prog,
		    strerror(errno));
		exit(1);
	}
	return (ii);
}

static volatile uint8_t *
map(int fd, size_t len, int prot)
{
	void *p = mmap(NULL, len, prot, MAP_SHARED, fd, 0);

	if (p == MAP_FAILED) {
		(void) fprintf(stderr, "%s: mmap: %s\n", prog,
		    strerror(errno));
		exit(1);
	}
	return (p);
}

static double
now(void)
{
	struct timespec ts;

	(void) clock_gettime(CLOCK_MONOTONIC, &ts);
	return (ts.tv_sec + ts.tv_nsec / 1e9);
}

/* pingpong: each side waits for the other's count, 60 s at most. */
static int
pingpong(int fd, int ping, long n)
{
	volatile uint8_t *m = map(fd, 2 * 4096, PROT_READ | PROT_WRITE);
	volatile uint32_t *w = (volatile uint32_t *)(m + PP_BASE);
	double t0 = now();
	long i;

	if (ping) {
		w[1] = 0;
		w[0] = 0;
	}
	for (i = 1; i <= n; i++) {
		uint32_t want = ping ? 2 * i : 2 * i - 1;

		if (ping) {
			w[0] = 2 * i - 1;
			/* "rw" is write-combined: push the store out. */
			__sync_synchronize();
		}
		while ((ping ? w[1] : w[0]) != want) {
			if (now() - t0 > 60) {
				(void) printf("timeout at round %ld: "
				    "word0=%u word1=%u\n", i, w[0], w[1]);
				return (1);
			}
			(void) sched_yield();
		}
		if (!ping) {
			w[1] = 2 * i;
			__sync_synchronize();
		}
	}
	(void) printf("%s: %ld rounds in %.3f s\n", ping ? "ping" : "pong",
	    n, now() - t0);
	return (0);
}

/* maxprot: "ro" maps PROT_READ only; "rw" maps PROT_WRITE. */
static int
maxprot(void)
{
	int ro = node("ro", O_RDWR), rw = node("rw", O_RDWR);
	void *p;
	int bad = 0;

	/*
	 * devmap_devmem_setup(9F) refuses a maxprot narrower than what
	 * mmap asked for; the driver's devmap(9E) then fails (ENXIO).
	 */
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, ro, 0);
	if (p != MAP_FAILED) {
		(void) printf("ro: mmap PROT_WRITE succeeded\n");
		bad = 1;
	} else {
		(void) printf("ro: mmap PROT_WRITE refused: %s\n",
		    strerror(errno));
	}
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, ro, 0);
	if (p == MAP_FAILED) {
		(void) printf("ro: mmap PROT_READ: %s\n", strerror(errno));
		bad = 1;
	} else {
		if (mprotect(p, 4096, PROT_READ | PROT_WRITE) == 0 ||
		    errno != EACCES) {
			(void) printf("ro: mprotect PROT_WRITE: %s, "
			    "expected EACCES\n", strerror(errno));
			bad = 1;
		}
		(void) munmap(p, 4096);
	}
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, rw, 0);
	if (p == MAP_FAILED) {
		(void) printf("rw: mmap PROT_WRITE: %s\n", strerror(errno));
		bad = 1;
	} else {
		(void) munmap(p, 4096);
	}
	/* Past the end of the memory. */
	p = mmap(NULL, 4096, PROT_READ, MAP_SHARED, rw,
	    (off_t)info(rw).ii_size);
	if (p != MAP_FAILED) {
		(void) printf("rw: mmap past the end succeeded\n");
		bad = 1;
	}
	(void) printf("maxprot: %s\n", bad ? "FAIL" : "ok");
	return (bad);
}

static sigjmp_buf jb;

static void
onbus(int sig)
{
	siglongjmp(jb, sig);
}

/* revoke: map, say so, read until SIGBUS (the device unbound). */
static int
do_revoke(int secs)
{
	int fd = node("rw", O_RDWR);
	volatile uint8_t *m = map(fd, 4096, PROT_READ | PROT_WRITE);
	volatile uint8_t x;
	double t0;

	(void) close(fd);
	(void) signal(SIGBUS, onbus);
	(void) signal(SIGSEGV, onbus);
	m[100] = 0x5a;
	(void) printf("mapped\n");
	(void) fflush(stdout);
	t0 = now();
	if (sigsetjmp(jb, 1) != 0) {
		(void) printf("SIGBUS after %.2f s\n", now() - t0);
		return (0);
	}
	while (now() - t0 < secs) {
		x = m[100];
		(void) x;
		(void) usleep(10000);
	}
	(void) printf("no SIGBUS in %d s\n", secs);
	return (1);
}

int
main(int argc, char **argv)
{
	volatile uint8_t *m;
	ivsh_info_t ii;
	long off, len, i;
	int fd;

	if (argc > 2 && strcmp(argv[1], "-d") == 0) {
		dir = argv[2];
		argc -= 2;
		argv += 2;
	}
	if (argc < 2)
		usage();
	if (strcmp(argv[1], "info") == 0) {
		ii = info(node("rw", O_RDONLY));
		(void) printf("size=%llu rnumber=%u maps=%u\n",
		    (unsigned long long)ii.ii_size, ii.ii_rnumber,
		    ii.ii_maps);
		return (0);
	}
	if (strcmp(argv[1], "write") == 0 && argc == 4) {
		off = strtol(argv[2], NULL, 0);
		fd = node("rw", O_RDWR);
		m = map(fd, (size_t)info(fd).ii_size, PROT_READ | PROT_WRITE);
		for (i = 0; argv[3][i] != '\0'; i++)
			m[off + i] = (uint8_t)argv[3][i];
		m[off + i] = 0;
		return (0);
	}
	if (strcmp(argv[1], "read") == 0 && argc == 4) {
		off = strtol(argv[2], NULL, 0);
		len = strtol(argv[3], NULL, 0);
		fd = node("ro", O_RDONLY);
		m = map(fd, (size_t)info(fd).ii_size, PROT_READ);
		for (i = 0; i < len && m[off + i] != 0; i++)
			(void) putchar(m[off + i]);
		(void) putchar('\n');
		return (0);
	}
	if (strcmp(argv[1], "pingpong") == 0 && argc == 4)
		return (pingpong(node("rw", O_RDWR),
		    strcmp(argv[2], "ping") == 0, strtol(argv[3], NULL, 0)));
	if (strcmp(argv[1], "maxprot") == 0)
		return (maxprot());
	if (strcmp(argv[1], "revoke") == 0 && argc == 3)
		return (do_revoke(atoi(argv[2])));
	usage();
	return (2);
}
