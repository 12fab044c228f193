// SPDX-License-Identifier: GPL-2.0
/*
 * memhog: keep the guest short of memory (scripts/guest/mode-lowmem.sh).
 *
 *   memhog STOPFILE [RESERVE_MIB]
 *
 * A child takes anonymous memory a MiB at a time, touching every page,
 * until the kernel's MemAvailable is down to RESERVE_MIB (default 8), and
 * holds it there: it takes more whenever memory is given back.  Whatever
 * else runs must then get its memory from the hog, which only the OOM
 * killer can take it from (the child's oom_score_adj is 1000, so it is
 * the one chosen); then another child starts and takes it all again.
 * While STOPFILE does not exist this goes on.  At the end it prints
 * "memhog: N children killed by the OOM killer, M MiB taken at most"
 * and exits 0, or 1 if a child ended in any other way.
 */
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "ddic_meminfo.h"

#define MIB	(1UL << 20)

static void sleep_ns(long ns)
{
	struct timespec ts = { .tv_sec = ns / 1000000000L,
			       .tv_nsec = ns % 1000000000L };

	while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
		;
}

static void child(const char *stopfile, long reserve, int report)
{
	int fd = open("/proc/self/oom_score_adj", O_WRONLY);
	long n = 0, avail;
	char *p;
	size_t i;

	if (fd < 0 || write(fd, "1000", 4) != 4)
		_exit(3);
	close(fd);
	for (;;) {
		if (access(stopfile, F_OK) == 0)
			_exit(0);
		avail = mem_available_mib();
		if (avail < 0)
			_exit(5);
		if (avail <= reserve) {
			sleep_ns(2000000L);	/* holding: look again soon */
			continue;
		}
		p = mmap(NULL, MIB, PROT_READ | PROT_WRITE,
			 MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
		if (p == MAP_FAILED) {
			sleep_ns(2000000L);
			continue;
		}
		for (i = 0; i < MIB; i += 4096)
			p[i] = (char)(i >> 12);
		if (write(report, &(long){ ++n }, sizeof(n)) < 0)
			_exit(4);
	}
}

int main(int argc, char **argv)
{
	long reserve = argc > 2 ? strtol(argv[2], NULL, 0) : 8;
	long kills = 0, others = 0, most = 0, n;
	int pfd[2], status;
	pid_t pid;

	if (argc < 2 || reserve < 0) {
		fprintf(stderr, "usage: memhog STOPFILE [RESERVE_MIB]\n");
		return 2;
	}
	if (pipe(pfd) != 0 || fcntl(pfd[0], F_SETFL, O_NONBLOCK) != 0) {
		perror("memhog: pipe");
		return 2;
	}
	while (access(argv[1], F_OK) != 0) {
		pid = fork();
		if (pid < 0) {
			perror("memhog: fork");
			sleep_ns(100000000L);
			continue;
		}
		if (pid == 0) {
			close(pfd[0]);
			child(argv[1], reserve, pfd[1]);
		}
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
		while (read(pfd[0], &n, sizeof(n)) == sizeof(n))
			if (n > most)
				most = n;
		if (WIFSIGNALED(status) && WTERMSIG(status) == SIGKILL)
			kills++;
		else if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
			others++;
	}
	printf("memhog: %ld children killed by the OOM killer, %ld MiB taken at most\n",
	       kills, most);
	if (others)
		printf("memhog: %ld children ended otherwise\n", others);
	return others ? 1 : 0;
}
