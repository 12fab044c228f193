// SPDX-License-Identifier: GPL-2.0
/*
 * dmrace CASE...: user side of the driver-model race test driver
 * (tests/drivers/dmrace).  Each case runs one interleaving of open(2),
 * close(2), detach, rem_drv and rmmod against the slowed entry points
 * of dmrace (timed by delays of hundreds of milliseconds, started from a
 * pipe) and then checks the driver's counts: what the driver saw must be
 * what Solaris promises (open(9E) per open, close(9E) on the last close
 * of a minor, never overlapping), and every open must end in a close.
 *
 *   close-during-open  the last close(2) of a minor while another
 *                      process's open(9E) of it runs (audit 2, finding
 *                      1): no close(9E) then; one when the opener closes
 *   two-closes         the same, then the opener closes while the first
 *                      close(9E) would still run: one close(9E), no
 *                      second "last close" (finding 1's use-after-free)
 *   open-during-close  an open while the last close(9E) runs waits for it
 *   failed-open        a failing open(9E) after a deferred last close
 *                      calls close(9E) itself (illumos's SNEEDCLOSE)
 *   clone-reuse        a clone open handed a minor whose last close(9E)
 *                      still runs; its close waits for that one
 *   detach-during-open a detach of the instance while open(9E) runs
 *   rem-drv-open       rem_drv while an open attaches a detached instance
 *   rmmod-attach       rmmod while an attach triggered by an open runs
 *   random SECS SEED [cycle]
 *                      several processes opening, closing, duplicating,
 *                      forking, changing the delays and failing opens,
 *                      one detaching, and (cycle) one doing rem_drv and
 *                      add_drv, for SECS seconds; then the counts of the
 *                      driver and of ddi_compat must balance
 * Exit 0 when every check passed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <sys/wait.h>
#include "ddic_check.h"
#include "../drivers/dmrace/dmrace.h"

#define MODCTL		"/dev/ddi_modctl"
#define DEVOPENS	"/sys/kernel/debug/ddi_compat/devopens"

static int ctl = -1;		/* dmrace@1:ctl, for the counts and delays */

static int node(int inst, const char *minor, int flags)
{
	char path[64];

	snprintf(path, sizeof(path), "/devices/pseudo/dmrace@%d:%s", inst,
		 minor);
	return open(path, flags);
}

static void ms_sleep(int ms)
{
	usleep(ms * 1000);
}

static void ctl_open(void)
{
	if (ctl < 0)
		ctl = node(1, "ctl", O_RDWR);
	if (ctl < 0) {
		perror("dmrace@1:ctl");
		exit(2);
	}
}

static void ctl_close(void)
{
	if (ctl >= 0)
		close(ctl);
	ctl = -1;
}

static void set_delay(int which, int ms)
{
	struct dmr_delay d = { which, ms };

	ctl_open();
	if (ioctl(ctl, DMR_SETDELAY, &d) < 0)
		perror("DMR_SETDELAY");
}

static void delays(int open_ms, int close_ms, int attach_ms, int detach_ms)
{
	set_delay(DMR_D_OPEN, open_ms);
	set_delay(DMR_D_CLOSE, close_ms);
	set_delay(DMR_D_ATTACH, attach_ms);
	set_delay(DMR_D_DETACH, detach_ms);
}

static void fail_nth(int n)
{
	ctl_open();
	if (ioctl(ctl, DMR_FAILNTH, &n) < 0)
		perror("DMR_FAILNTH");
}

static void reset(void)
{
	ctl_open();
	if (ioctl(ctl, DMR_RESET) < 0)
		perror("DMR_RESET");
}

/* The driver's counts now, not printed. */
static struct dmr_stats qstats(void)
{
	struct dmr_stats st;

	memset(&st, 0xff, sizeof(st));
	ctl_open();
	if (ioctl(ctl, DMR_STATS, &st) < 0)
		perror("DMR_STATS");
	return st;
}

static struct dmr_stats stats(void)
{
	struct dmr_stats st = qstats();

	printf("  driver: opens %d failed %d closes %d attaches %d detaches %d violations %d open %d opening %d closing %d\n",
	       st.ds_opens, st.ds_failed, st.ds_closes, st.ds_attaches,
	       st.ds_detaches, st.ds_violations, st.ds_nopen, st.ds_opening,
	       st.ds_closing);
	return st;
}

/*
 * Wait up to MS for the driver to be inside close(9E); 1 once it is.
 * The cases that race an open against a running close(9E) wait on the
 * driver's own state rather than on a fixed delay, which missed its
 * window whenever fork() let the parent run first.
 */
static int wait_closing(int ms)
{
	for (; ms > 0; ms -= 10) {
		if (qstats().ds_closing == 1)
			return 1;
		ms_sleep(10);
	}
	return 0;
}

/*
 * ddi_compat's own counts for dmrace: the open files of its instances
 * (the "opens N" of /dev/ddi_modctl's listing) and its live per-dev_t
 * records (debugfs devopens); -1 if they cannot be read.
 */
static int layer_opens(int *records)
{
	char line[256];
	int in = 0, n, sum = 0;
	FILE *f = fopen(MODCTL, "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f)) {
		if (!strncmp(line, "driver ", 7))
			in = !strncmp(line, "driver dmrace ", 14);
		else if (in && sscanf(line, "  instance %*d %*s opens %d",
				      &n) == 1)
			sum += n;
	}
	fclose(f);
	*records = -1;
	f = fopen(DEVOPENS, "r");
	if (!f)
		return sum;
	*records = 0;
	while (fgets(line, sizeof(line), f))
		if (!strncmp(line, "dmrace ", 7)) {
			*records += 1;
			printf("  devopens: %s", line);
		}
	fclose(f);
	return sum;
}

/* Everything closed: the driver and ddi_compat agree nothing is open. */
static void check_balanced(const char *name)
{
	struct dmr_stats st;
	char what[128];
	int opens, records;

	st = stats();
	snprintf(what, sizeof(what), "%s: no violations", name);
	check(st.ds_violations == 0, what);
	snprintf(what, sizeof(what), "%s: driver: nothing open", name);
	check(st.ds_nopen == 0 && st.ds_opening == 0 && st.ds_closing == 0,
	      what);
	opens = layer_opens(&records);
	printf("  ddi_compat: open files %d (ctl included), dev_t records %d\n",
	       opens, records);
	snprintf(what, sizeof(what), "%s: ddi_compat: only ctl open", name);
	/* ctl itself: one file, one record. */
	check(opens == 1 && records == 1, what);
}

static int child_status(pid_t pid)
{
	int st;

	if (waitpid(pid, &st, 0) < 0)
		return -1;
	return WIFEXITED(st) ? WEXITSTATUS(st) : 128 + WTERMSIG(st);
}

/* Tries of an interleaving that the machine's load made miss its window. */
#define TRIES 3

/*
 * The parent holds slow0 open; a child drops its copy and opens slow0
 * again (open(9E) takes @open_ms); @close_at ms into that open the
 * parent closes its file (close(9E) takes @close_ms).  The child keeps
 * its file @hold_ms.  Returns the child's status (0, or the errno of
 * its failed open); *@hit says whether the parent's close came while
 * the child's open(9E) ran (the driver's count of opens running, read
 * just before the close), i.e. whether the interleaving happened.
 */
static int overlap(int open_ms, int close_ms, int close_at, int hold_ms,
		   int *hit)
{
	int fd, p[2], rc;
	pid_t pid;
	char c = 'x';

	*hit = 0;
	delays(open_ms, 0, 0, 0);
	fd = node(0, "slow0", O_RDWR);
	if (fd < 0) {
		perror("slow0");
		return -1;
	}
	set_delay(DMR_D_CLOSE, close_ms);
	if (pipe(p) < 0)
		return -1;
	pid = fork();
	if (pid == 0) {
		int fd2;

		close(fd);
		if (write(p[1], &c, 1) != 1)
			_exit(2);
		fd2 = node(0, "slow0", O_RDWR);
		if (fd2 < 0)
			_exit(errno);
		ms_sleep(hold_ms);
		close(fd2);
		_exit(0);
	}
	if (read(p[0], &c, 1) != 1)
		return -1;
	ms_sleep(close_at);
	*hit = qstats().ds_opening == 1;
	close(fd);
	rc = child_status(pid);
	close(p[0]);
	close(p[1]);
	return rc;
}

/* A case's body, run until its interleaving happened (at most TRIES). */
static int retry(const char *name, int hit, int try)
{
	if (hit)
		return 0;
	printf("  %s: the interleaving missed its window (try %d of %d)%s\n",
	       name, try, TRIES, try < TRIES ? "; again" : "");
	if (try < TRIES)
		return 1;
	check(0, name);	/* never interleaved: nothing was tested */
	return 0;
}

static void case_close_during_open(void)
{
	struct dmr_stats st;
	int hit, try = 0, rc;

	do {
		reset();
		rc = overlap(2000, 0, 300, 500, &hit);
	} while (retry("close-during-open: interleaved", hit, ++try));
	check(rc == 0, "close-during-open: both opens succeed");
	st = stats();
	check(st.ds_opens == 2 && st.ds_closes == 1,
	      "close-during-open: open(9E) twice, close(9E) once");
	check_balanced("close-during-open");
}

static void case_two_closes(void)
{
	struct dmr_stats st;
	int hit, try = 0, rc;

	do {
		reset();
		rc = overlap(2000, 3000, 300, 0, &hit);
		ms_sleep(3500);	/* a second close(9E) would still run */
	} while (retry("two-closes: interleaved", hit, ++try));
	check(rc == 0, "two-closes: both opens succeed");
	st = stats();
	check(st.ds_opens == 2 && st.ds_closes == 1,
	      "two-closes: open(9E) twice, close(9E) once");
	check_balanced("two-closes");
}

static void case_failed_open(void)
{
	struct dmr_stats st;
	int hit, try = 0, err;

	do {
		reset();
		delays(0, 0, 0, 0);
		/* The parent's open succeeds, the child's fails. */
		fail_nth(2);
		err = overlap(2000, 0, 300, 0, &hit);
		fail_nth(0);
	} while (retry("failed-open: interleaved", hit, ++try));
	check(err == EIO, "failed-open: the child's open fails with EIO");
	st = stats();
	check(st.ds_opens == 1 && st.ds_failed == 1 && st.ds_closes == 1,
	      "failed-open: the failing open calls the owed close(9E)");
	check_balanced("failed-open");
}

/*
 * The parent's last close(9E) takes 3000 ms; once it runs, a child
 * opens the same minor.  The child exits 0 if the close was running when
 * it began (the interleaving happened) and had ended when its open
 * returned (the open waited for it), 5 if it missed its window.
 */
static void case_open_during_close(void)
{
	struct dmr_stats st;
	int fd, p[2], rc, try = 0;
	pid_t pid;
	char c = 'x';

	do {
		reset();
		delays(0, 3000, 0, 0);
		fd = node(0, "slow0", O_RDWR);
		if (fd < 0 || pipe(p) < 0) {
			check(0, "open-during-close: setup");
			return;
		}
		pid = fork();
		if (pid == 0) {
			int fd2, was;

			close(fd);	/* the parent's close is the last */
			if (write(p[1], &c, 1) != 1)
				_exit(2);
			was = wait_closing(2500);
			fd2 = node(0, "slow0", O_RDWR);
			if (fd2 < 0)
				_exit(3);
			if (qstats().ds_closing != 0)
				_exit(4);	/* open(9E) during close(9E) */
			close(fd2);
			_exit(was == 1 ? 0 : 5);
		}
		if (read(p[0], &c, 1) != 1)
			return;
		close(fd);
		rc = child_status(pid);
		close(p[0]);
		close(p[1]);
	} while (retry("open-during-close: interleaved", rc != 5, ++try));
	check(rc == 0 || rc == 5,
	      "open-during-close: the open waits for the last close(9E)");
	st = stats();
	check(st.ds_opens == 2 && st.ds_closes == 2,
	      "open-during-close: two opens, two last closes");
	check_balanced("open-during-close");
}

/*
 * Clone opens: the parent's clone file gets minor A; its last close(9E)
 * (3000 ms) frees A at once; while it runs, a child's clone open is
 * handed A again, and its close must wait for the first close(9E).
 * The child exits 0 if it got A while A's close ran, 5 if it missed.
 */
static void case_clone_reuse(void)
{
	struct dmr_stats st;
	struct stat sa, sb;
	int fa, p[2], ok, rc, try = 0;
	pid_t pid;
	char c = 'x';

	do {
		reset();
		delays(0, 3000, 0, 0);
		fa = node(0, "clone", O_RDWR);
		if (fa < 0 || fstat(fa, &sa) < 0 || pipe(p) < 0) {
			check(0, "clone-reuse: setup");
			return;
		}
		pid = fork();
		if (pid == 0) {
			int fb, was;

			close(fa);	/* the parent's close is the last */
			if (write(p[1], &c, 1) != 1)
				_exit(2);
			was = wait_closing(2500);
			fb = node(0, "clone", O_RDWR);
			if (fb < 0 || fstat(fb, &sb) < 0)
				_exit(3);
			ok = sb.st_rdev == sa.st_rdev;
			close(fb);	/* must wait for the first close(9E) */
			_exit(!ok ? 4 : was == 1 ? 0 : 5);
		}
		if (read(p[0], &c, 1) != 1)
			return;
		close(fa);
		rc = child_status(pid);
		close(p[0]);
		close(p[1]);
		ms_sleep(3100);
	} while (retry("clone-reuse: interleaved", rc != 5, ++try));
	check(rc == 0 || rc == 5,
	      "clone-reuse: the clone open gets the minor being closed");
	st = stats();
	check(st.ds_opens == 2 && st.ds_closes == 2,
	      "clone-reuse: two clone opens, two close(9E) in turn");
	check_balanced("clone-reuse");
}

/* write(2) one command to /dev/ddi_modctl; 0 or the errno. */
static int modctl(const char *cmd)
{
	int fd = open(MODCTL, O_WRONLY), err = 0;

	if (fd < 0)
		return errno;
	if (write(fd, cmd, strlen(cmd)) < 0)
		err = errno;
	close(fd);
	return err;
}

static void case_detach_during_open(void)
{
	struct dmr_stats st;
	int err, p[2];
	pid_t pid;
	char c = 'x';

	reset();
	delays(1000, 0, 0, 0);
	if (pipe(p) < 0)
		return;
	pid = fork();
	if (pid == 0) {
		int fd;

		if (write(p[1], &c, 1) != 1)
			_exit(2);
		fd = node(0, "slow1", O_RDWR);
		if (fd < 0)
			_exit(3);
		close(fd);
		_exit(0);
	}
	if (read(p[0], &c, 1) != 1)
		return;
	ms_sleep(300);
	err = modctl("detach dmrace");
	check(err == EBUSY, "detach-during-open: detach refused (EBUSY)");
	check(child_status(pid) == 0, "detach-during-open: the open succeeds");
	close(p[0]);
	close(p[1]);
	st = stats();
	check(st.ds_opens == 1 && st.ds_closes == 1,
	      "detach-during-open: one open, one close");
	check_balanced("detach-during-open");
}

static int loaded(void)
{
	char line[256];
	FILE *f = fopen("/proc/modules", "r");
	int yes = 0;

	while (f && fgets(line, sizeof(line), f))
		if (!strncmp(line, "dmrace ", 7))
			yes = 1;
	if (f)
		fclose(f);
	return yes;
}

/*
 * A child opens slow0 of the detached instance 0 (attach(9E) takes 1 s);
 * 300 ms into it the parent runs @cmd (rem_drv, or rmmod without the
 * detach).  Either the command fails and the open succeeds, or the
 * command succeeds and the open fails cleanly; then the driver is
 * removed and added again.
 */
static void unload_during_attach(const char *name, const char *cmd)
{
	int p[2], rc, st, i;
	char c = 'x', what[128];
	pid_t pid;

	delays(0, 0, 1000, 0);
	ctl_close();		/* both instances autodetach */
	if (pipe(p) < 0)
		return;
	pid = fork();
	if (pid == 0) {
		struct dmr_stats s;
		int fd;

		if (write(p[1], &c, 1) != 1)
			_exit(2);
		fd = node(0, "slow0", O_RDWR);
		if (fd < 0)
			_exit(errno == ENXIO || errno == ENOENT ||
			      errno == ENODEV ? 10 : 3);
		memset(&s, 0xff, sizeof(s));
		if (ioctl(fd, DMR_STATS, &s) < 0 || s.ds_violations != 0)
			_exit(4);
		ms_sleep(200);
		close(fd);
		_exit(0);
	}
	if (read(p[0], &c, 1) != 1)
		return;
	ms_sleep(300);
	rc = system(cmd);
	st = child_status(pid);
	printf("  %s: \"%s\" gave %d, the open %s\n", name, cmd, rc,
	       st == 0 ? "succeeded" : st == 10 ? "failed cleanly" : "broke");
	snprintf(what, sizeof(what), "%s: the open and the unload agree", name);
	check((rc != 0 && st == 0) || (rc == 0 && st == 10), what);
	close(p[0]);
	close(p[1]);
	/* Once the opener is gone the driver must unload. */
	for (i = 0; i < 20 && loaded(); i++) {
		if (system("rem_drv dmrace 2>/dev/null") == 0)
			break;
		ms_sleep(250);
	}
	snprintf(what, sizeof(what), "%s: rem_drv succeeds afterwards", name);
	check(!loaded(), what);
	snprintf(what, sizeof(what), "%s: add_drv succeeds afterwards", name);
	check(system("add_drv dmrace >/dev/null") == 0, what);
	ctl_open();
}

struct shared {
	long opens;		/* successful open(2) calls of counted nodes */
	long unexpected;	/* opens failing with an unexpected errno */
	long errs[5];		/* EIO, EAGAIN, ENXIO, ENOENT, ENODEV */
	long detaches, cycles, cycle_fail;
	int stop;
};

static struct shared *sh;

static void note_open_error(int err)
{
	static const int known[5] = { EIO, EAGAIN, ENXIO, ENOENT, ENODEV };
	int i;

	for (i = 0; i < 5; i++)
		if (err == known[i]) {
			__atomic_fetch_add(&sh->errs[i], 1, __ATOMIC_RELAXED);
			return;
		}
	fprintf(stderr, "random: open failed: %s\n", strerror(err));
	__atomic_fetch_add(&sh->unexpected, 1, __ATOMIC_RELAXED);
}

#define HELD 12

static void random_ops(unsigned int *seed, int *fds, int *nheld, int nops)
{
	static const char *const minors[] = {
		"slow0", "slow1", "slow2", "slow3", "clone"
	};
	int i, r, fd;
	pid_t pid;

	for (i = 0; i < nops && !__atomic_load_n(&sh->stop, __ATOMIC_RELAXED);
	     i++) {
		r = rand_r(seed) % 100;
		if (r < 40 && *nheld < HELD) {
			fd = node(rand_r(seed) % DMR_NINST,
				  minors[rand_r(seed) % 5], O_RDWR);
			if (fd < 0) {
				note_open_error(errno);
				continue;
			}
			__atomic_fetch_add(&sh->opens, 1, __ATOMIC_RELAXED);
			fds[(*nheld)++] = fd;
		} else if (r < 75 && *nheld) {
			int k = rand_r(seed) % *nheld;

			close(fds[k]);
			fds[k] = fds[--*nheld];
		} else if (r < 80 && *nheld && *nheld < HELD) {
			fd = dup(fds[rand_r(seed) % *nheld]);
			if (fd >= 0)
				fds[(*nheld)++] = fd;
		} else if (r < 85 && nops > 8) {
			unsigned int cseed = rand_r(seed);

			pid = fork();
			if (pid == 0) {
				/* The child's held files close at its exit. */
				random_ops(&cseed, fds, nheld, 8);
				_exit(0);
			}
			if (pid > 0)
				child_status(pid);
		} else if (r < 92 && *nheld) {
			struct dmr_delay d = { rand_r(seed) % DMR_ND,
					       rand_r(seed) % 20 };

			ioctl(fds[rand_r(seed) % *nheld], DMR_SETDELAY, &d);
		} else if (r < 94 && *nheld) {
			/* Off, or every 3rd to 6th open fails. */
			int n = rand_r(seed) % 5;

			n = n ? n + 2 : 0;

			ioctl(fds[rand_r(seed) % *nheld], DMR_FAILNTH, &n);
		} else {
			ms_sleep(rand_r(seed) % 5);
		}
	}
}

static void worker(unsigned int seed)
{
	int fds[HELD], nheld = 0;

	while (!__atomic_load_n(&sh->stop, __ATOMIC_RELAXED))
		random_ops(&seed, fds, &nheld, 1000);
	while (nheld)
		close(fds[--nheld]);
	_exit(0);
}

static void detacher(unsigned int seed)
{
	while (!__atomic_load_n(&sh->stop, __ATOMIC_RELAXED)) {
		ms_sleep(rand_r(&seed) % 200);
		if (modctl("detach dmrace") == 0)
			__atomic_fetch_add(&sh->detaches, 1, __ATOMIC_RELAXED);
	}
	_exit(0);
}

static void cycler(unsigned int seed)
{
	while (!__atomic_load_n(&sh->stop, __ATOMIC_RELAXED)) {
		ms_sleep(rand_r(&seed) % 200);
		if (system("rem_drv dmrace >/dev/null 2>&1") != 0)
			continue;
		sh->cycles++;
		ms_sleep(rand_r(&seed) % 50);
		if (system("add_drv dmrace >/dev/null") != 0)
			sh->cycle_fail++;
	}
	_exit(0);
}

static void case_random(int secs, unsigned int seed, int cycle)
{
	struct dmr_stats st;
	pid_t pids[8];
	int n = 0, i, bad = 0;
	char what[64];

	printf("random: %d s, seed %u%s (replay: dmrace random %d %u%s)\n",
	       secs, seed, cycle ? ", rem_drv/add_drv" : "", secs, seed,
	       cycle ? " cycle" : "");
	sh = mmap(NULL, sizeof(*sh), PROT_READ | PROT_WRITE,
		  MAP_SHARED | MAP_ANONYMOUS, -1, 0);
	if (sh == MAP_FAILED) {
		check(0, "random: shared memory");
		return;
	}
	reset();
	fail_nth(0);
	delays(0, 0, 0, 0);
	ctl_close();
	fflush(stdout);
	for (i = 0; i < 4; i++) {
		pids[n] = fork();
		if (pids[n] == 0)
			worker(seed + i);
		n++;
	}
	pids[n] = fork();
	if (pids[n] == 0)
		detacher(seed + 100);
	n++;
	if (cycle) {
		pids[n] = fork();
		if (pids[n] == 0)
			cycler(seed + 200);
		n++;
	}
	sleep(secs);
	__atomic_store_n(&sh->stop, 1, __ATOMIC_RELAXED);
	for (i = 0; i < n; i++)
		if (child_status(pids[i]) != 0)
			bad = 1;
	check(!bad, "random: every process ended well");
	if (!loaded() && system("add_drv dmrace >/dev/null") != 0)
		check(0, "random: add_drv at the end");
	printf("  user: opens %ld; failed EIO %ld EAGAIN %ld ENXIO %ld ENOENT %ld ENODEV %ld other %ld; detaches %ld; rem_drv/add_drv %ld\n",
	       sh->opens, sh->errs[0], sh->errs[1], sh->errs[2], sh->errs[3],
	       sh->errs[4], sh->unexpected, sh->detaches, sh->cycles);
	check(sh->unexpected == 0, "random: opens fail only as expected");
	check(sh->cycle_fail == 0, "random: every add_drv succeeds");
	ctl_open();
	fail_nth(0);
	delays(0, 0, 0, 0);
	st = stats();
	if (!cycle) {
		check(st.ds_opens == sh->opens,
		      "random: the driver saw every open");
		check(st.ds_closes <= st.ds_opens && st.ds_closes > 0,
		      "random: close(9E) no more often than open(9E)");
	}
	snprintf(what, sizeof(what), "random%s", cycle ? "-cycle" : "");
	check_balanced(what);
	munmap(sh, sizeof(*sh));
}

int main(int argc, char **argv)
{
	int i;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc < 2) {
		fprintf(stderr, "usage: dmrace CASE... | dmrace random SECS SEED [cycle]\n");
		return 2;
	}
	if (!strcmp(argv[1], "random")) {
		if (argc < 4)
			return 2;
		case_random(atoi(argv[2]), strtoul(argv[3], NULL, 0),
			    argc > 4 && !strcmp(argv[4], "cycle"));
		ctl_close();
		return check_failures ? 1 : 0;
	}
	for (i = 1; i < argc; i++) {
		printf("case %s\n", argv[i]);
		if (!strcmp(argv[i], "close-during-open"))
			case_close_during_open();
		else if (!strcmp(argv[i], "two-closes"))
			case_two_closes();
		else if (!strcmp(argv[i], "open-during-close"))
			case_open_during_close();
		else if (!strcmp(argv[i], "failed-open"))
			case_failed_open();
		else if (!strcmp(argv[i], "clone-reuse"))
			case_clone_reuse();
		else if (!strcmp(argv[i], "detach-during-open"))
			case_detach_during_open();
		else if (!strcmp(argv[i], "rem-drv-open"))
			unload_during_attach("rem-drv-open", "rem_drv dmrace");
		else if (!strcmp(argv[i], "rmmod-attach"))
			unload_during_attach("rmmod-attach", "rmmod dmrace");
		else
			fprintf(stderr, "dmrace: unknown case %s\n", argv[i]);
	}
	ctl_close();
	return check_failures ? 1 : 0;
}
