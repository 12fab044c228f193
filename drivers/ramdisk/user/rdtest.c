// SPDX-License-Identifier: GPL-2.0
/*
 * rdtest: checks of the ramdisk driver that need more than a shell.
 *
 *   rdtest bad NAME        bad ioctls on the control node and on disk NAME
 *                          (which must exist, unused) are refused with the
 *                          right errno and change nothing
 *   rdtest mmap NAME       the raw node's mapping of disk NAME (which must
 *                          exist, unused, a page multiple) is the disk:
 *                          it equals what read returns, sees writes to
 *                          the block and raw nodes, its stores are read
 *                          back, a mapped disk cannot be deleted and a
 *                          discard of mapped extents zeroes them in place
 *   rdtest free DEV OFF LEN
 *                          DKIOCFREE of [OFF, OFF + LEN) through DEV
 *   rdtest minfo DEV       "size LBSIZE CAPACITY canfree N wce N"
 *
 * "bad" and "mmap" print "ok NAME" or "FAIL NAME (...)" per check and exit
 * 1 if any failed.
 */
#define _GNU_SOURCE
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <sys/dkio.h>		/* include/uapi/sys/dkio.h */

#include "../ramdisk.h"
#include "ddic_check.h"

#define DEVDIR	"/devices/pseudo/ramdisk@0:"
#define CTL	DEVDIR RD_CTL_NODE

/* An address no process has mapped, hidden from the compiler's checks. */
static void *volatile bad_address = (void *)8;

static int xopen(const char *path, int flags)
{
	int fd = open(path, flags);

	if (fd < 0) {
		fprintf(stderr, "rdtest: %s: %s\n", path, strerror(errno));
		exit(2);
	}
	return fd;
}

/* ioctl that must fail with errno want. */
static void refused(int fd, unsigned long cmd, void *arg, int want,
		    const char *name)
{
	int r;

	errno = 0;
	r = ioctl(fd, cmd, arg);
	if (r == 0)
		errno = 0;
	check(r < 0 && errno == want, name);
}

static void get_stats(int ctl, struct rd_stats *rs)
{
	if (ioctl(ctl, RD_GET_STATS, rs) < 0) {
		perror("rdtest: RD_GET_STATS");
		exit(2);
	}
}

/* The whole list of disks, as text, to compare before and after. */
static void list_disks(int ctl, char *buf, size_t len)
{
	struct rd_info rn;
	uint32_t minor = 1;
	size_t used = 0;

	buf[0] = '\0';
	for (;;) {
		memset(&rn, 0, sizeof(rn));
		rn.rn_minor = minor;
		if (ioctl(ctl, RD_NEXT_DISK, &rn) < 0)
			break;
		used += snprintf(buf + used, len - used, "%u %s %llu %u %u;",
				 rn.rn_minor, rn.rn_name,
				 (unsigned long long)rn.rn_size,
				 rn.rn_extents, rn.rn_flags);
		if (used >= len)
			break;
		minor = rn.rn_minor + 1;
	}
}

static int find_disk(int ctl, const char *name, struct rd_info *rn)
{
	uint32_t minor = 1;

	for (;;) {
		memset(rn, 0, sizeof(*rn));
		rn->rn_minor = minor;
		if (ioctl(ctl, RD_NEXT_DISK, rn) < 0)
			return -1;
		if (!strcmp(rn->rn_name, name))
			return 0;
		minor = rn->rn_minor + 1;
	}
}

static int create(int ctl, const char *name, uint64_t size)
{
	struct rd_ioctl ri;

	memset(&ri, 0, sizeof(ri));
	snprintf(ri.ri_name, sizeof(ri.ri_name), "%s", name);
	ri.ri_size = size;
	return ioctl(ctl, RD_CREATE_DISK, &ri);
}

static int delete(int ctl, const char *name)
{
	struct rd_ioctl ri;

	memset(&ri, 0, sizeof(ri));
	snprintf(ri.ri_name, sizeof(ri.ri_name), "%s", name);
	return ioctl(ctl, RD_DELETE_DISK, &ri);
}

static int dkfree(int fd, int64_t base, uint64_t start, uint64_t len)
{
	dkioc_free_list_t dfl;

	memset(&dfl, 0, sizeof(dfl));
	dfl.dfl_num_exts = 1;
	dfl.dfl_offset = base;
	dfl.dfl_exts[0].dfle_start = start;
	dfl.dfl_exts[0].dfle_length = len;
	return ioctl(fd, DKIOCFREE, &dfl);
}

static int cmd_bad(const char *disk)
{
	char before[8192], after[8192], path[256], name[64];
	struct rd_stats s0, s1;
	struct rd_ioctl ri;
	struct dk_minfo mi;
	struct stat sb;
	dkioc_free_list_t dfl;
	int ctl = xopen(CTL, O_RDWR), raw, rawro, blk, st;
	size_t pg = (size_t)sysconf(_SC_PAGESIZE);
	uint64_t size;
	char *edge;
	pid_t pid;

	snprintf(path, sizeof(path), DEVDIR "%s" RD_RAW_SUFFIX, disk);
	raw = xopen(path, O_RDWR);
	rawro = xopen(path, O_RDONLY);
	if (ioctl(raw, DKIOCGMEDIAINFO, &mi) < 0) {
		perror("rdtest: DKIOCGMEDIAINFO");
		return 2;
	}
	size = mi.dki_capacity * mi.dki_lbsize;
	get_stats(ctl, &s0);
	list_disks(ctl, before, sizeof(before));

	/* The control node. */
	refused(ctl, RD_IOC | 0x7f, NULL, ENOTTY, "ctl-unknown-cmd");
	refused(ctl, DKIOCGMEDIAINFO, &mi, ENOTTY, "ctl-dkio");
	refused(ctl, RD_CREATE_DISK, bad_address, EFAULT, "create-bad-pointer");
	refused(ctl, RD_DELETE_DISK, bad_address, EFAULT, "delete-bad-pointer");
	refused(ctl, RD_NEXT_DISK, bad_address, EFAULT, "next-bad-pointer");
	refused(ctl, RD_GET_STATS, bad_address, EFAULT, "stats-bad-pointer");

	memset(&ri, 'a', sizeof(ri));
	ri.ri_size = 1 << 20;
	refused(ctl, RD_CREATE_DISK, &ri, EINVAL, "create-name-no-nul");
	refused(ctl, RD_DELETE_DISK, &ri, EINVAL, "delete-name-no-nul");
	memset(&ri, 0, sizeof(ri));
	ri.ri_size = 1 << 20;
	refused(ctl, RD_CREATE_DISK, &ri, EINVAL, "create-empty-name");
	strcpy(ri.ri_name, "a/b");
	refused(ctl, RD_CREATE_DISK, &ri, EINVAL, "create-name-slash");
	strcpy(ri.ri_name, "a,raw");
	refused(ctl, RD_CREATE_DISK, &ri, EINVAL, "create-name-comma");
	strcpy(ri.ri_name, RD_CTL_NODE);
	refused(ctl, RD_CREATE_DISK, &ri, EINVAL, "create-name-ctl");
	strcpy(ri.ri_name, ".x");
	refused(ctl, RD_CREATE_DISK, &ri, EINVAL, "create-name-dot");
	strcpy(ri.ri_name, "rdbad");
	ri.ri_size = 0;
	refused(ctl, RD_CREATE_DISK, &ri, EINVAL, "create-size-0");
	ri.ri_size = 1000;
	refused(ctl, RD_CREATE_DISK, &ri, EINVAL, "create-size-not-blocks");
	ri.ri_size = (s0.rs_pool_max + 512) & ~511ULL;
	refused(ctl, RD_CREATE_DISK, &ri, ENOSPC, "create-size-above-pool");
	ri.ri_size = UINT64_MAX & ~511ULL;
	refused(ctl, RD_CREATE_DISK, &ri, ENOSPC, "create-size-huge");
	strcpy(ri.ri_name, disk);
	ri.ri_size = 1 << 20;
	refused(ctl, RD_CREATE_DISK, &ri, EEXIST, "create-duplicate");
	strcpy(ri.ri_name, "rdnosuch");
	refused(ctl, RD_DELETE_DISK, &ri, ENOENT, "delete-unknown");

	/* Not root (the node opened by that user): EPERM. */
	if (stat(CTL, &sb) < 0 || chmod(CTL, 0666) < 0)
		return 2;
	pid = fork();
	if (pid == 0) {
		int fd;

		if (setuid(65534) < 0 || (fd = open(CTL, O_RDWR)) < 0)
			_exit(3);
		strcpy(ri.ri_name, "rdbad");
		ri.ri_size = 1 << 20;
		if (ioctl(fd, RD_CREATE_DISK, &ri) >= 0)
			_exit(1);
		if (errno != EPERM)
			_exit(2);
		if (ioctl(fd, RD_DELETE_DISK, &ri) >= 0 || errno != EPERM)
			_exit(4);
		_exit(0);
	}
	st = -1;
	waitpid(pid, &st, 0);
	chmod(CTL, sb.st_mode & 07777);
	errno = 0;
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0, "create-unprivileged");

	/* The disk's nodes. */
	refused(raw, RD_IOC | 0x7f, NULL, ENOTTY, "disk-unknown-cmd");
	refused(raw, RD_CREATE_DISK, &ri, ENOTTY, "disk-rd-ioctl");
	refused(raw, DKIOCGMEDIAINFO, bad_address, EFAULT, "minfo-bad-pointer");
	refused(raw, DKIOCFREE, bad_address, EFAULT, "free-bad-pointer");
	memset(&dfl, 0, sizeof(dfl));
	dfl.dfl_num_exts = 1;
	dfl.dfl_exts[0].dfle_start = size;
	dfl.dfl_exts[0].dfle_length = 512;
	refused(raw, DKIOCFREE, &dfl, EINVAL, "free-past-end");
	dfl.dfl_exts[0].dfle_start = 0;
	dfl.dfl_exts[0].dfle_length = size + 512;
	refused(raw, DKIOCFREE, &dfl, EINVAL, "free-longer-than-disk");
	dfl.dfl_exts[0].dfle_length = 512;
	dfl.dfl_offset = -512;
	refused(raw, DKIOCFREE, &dfl, EINVAL, "free-negative-offset");
	dfl.dfl_offset = INT64_MAX;
	dfl.dfl_exts[0].dfle_start = UINT64_MAX - 10;
	refused(raw, DKIOCFREE, &dfl, EINVAL, "free-wrapping");
	dfl.dfl_offset = 0;
	dfl.dfl_exts[0].dfle_start = 0;
	dfl.dfl_num_exts = 100000;
	refused(raw, DKIOCFREE, &dfl, EINVAL, "free-too-many-ranges");
	/* Two ranges said, one there: the list ends where memory does. */
	edge = mmap(NULL, 2 * pg, PROT_READ | PROT_WRITE,
		    MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
	if (edge == MAP_FAILED || munmap(edge + pg, pg) < 0)
		return 2;
	memcpy(edge + pg - sizeof(dfl), &dfl, sizeof(dfl));
	((dkioc_free_list_t *)(edge + pg - sizeof(dfl)))->dfl_num_exts = 2;
	refused(raw, DKIOCFREE, edge + pg - sizeof(dfl), EFAULT,
		"free-short-list");
	munmap(edge, pg);
	dfl.dfl_num_exts = 1;
	refused(rawro, DKIOCFREE, &dfl, EBADF, "free-read-only");

	/* The same through the block node. */
	snprintf(path, sizeof(path), DEVDIR "%s", disk);
	blk = xopen(path, O_RDWR);
	refused(blk, RD_CREATE_DISK, &ri, ENOTTY, "block-rd-ioctl");
	refused(blk, DKIOCGMEDIAINFO, bad_address, EFAULT,
		"block-minfo-bad-pointer");
	dfl.dfl_exts[0].dfle_start = size;
	refused(blk, DKIOCFREE, &dfl, EINVAL, "block-free-past-end");
	close(blk);

	get_stats(ctl, &s1);
	list_disks(ctl, after, sizeof(after));
	errno = 0;
	check(!strcmp(before, after), "disks-unchanged");
	check(s0.rs_reserved == s1.rs_reserved &&
	      s0.rs_ndisks == s1.rs_ndisks &&
	      s0.rs_ext_used == s1.rs_ext_used &&
	      s0.rs_allocs == s1.rs_allocs && s0.rs_frees == s1.rs_frees,
	      "pool-unchanged");

	/* A good create, then the same again, then the pool overcommitted. */
	check(create(ctl, "rdbad", 1 << 20) > 0, "create-good");
	refused(ctl, RD_CREATE_DISK, &(struct rd_ioctl){ "rdbad", 1 << 20 },
		EEXIST, "create-again");
	get_stats(ctl, &s1);
	snprintf(name, sizeof(name), "rdbig");
	check(create(ctl, name, s1.rs_pool_max - s1.rs_reserved) > 0,
	      "create-rest-of-pool");
	refused(ctl, RD_CREATE_DISK, &(struct rd_ioctl){ "rdmore", 1 << 20 },
		ENOSPC, "create-pool-full");
	check(delete(ctl, name) == 0, "delete-rest-of-pool");
	check(delete(ctl, "rdbad") == 0, "delete-good");
	refused(ctl, RD_DELETE_DISK, &(struct rd_ioctl){ "rdbad", 0 },
		ENOENT, "delete-again");
	get_stats(ctl, &s1);
	list_disks(ctl, after, sizeof(after));
	errno = 0;
	check(!strcmp(before, after) && s0.rs_reserved == s1.rs_reserved,
	      "disks-unchanged-after");
	close(rawro);
	close(raw);
	close(ctl);
	return check_failures ? 1 : 0;
}

static int cmd_mmap(const char *disk)
{
	char raw_path[256], blk_path[256];
	struct rd_stats s0, s1;
	struct rd_info rn;
	struct dk_minfo mi;
	unsigned char *p, *buf, *q;
	int ctl = xopen(CTL, O_RDWR), raw, blk, st, ok;
	size_t size, ext, pg = (size_t)sysconf(_SC_PAGESIZE), i, nmapped;
	uint64_t mapped_before;
	pid_t pid;

	snprintf(raw_path, sizeof(raw_path), DEVDIR "%s" RD_RAW_SUFFIX, disk);
	snprintf(blk_path, sizeof(blk_path), DEVDIR "%s", disk);
	raw = xopen(raw_path, O_RDWR);
	blk = xopen(blk_path, O_RDWR | O_DIRECT);
	if (ioctl(raw, DKIOCGMEDIAINFO, &mi) < 0) {
		perror("rdtest: DKIOCGMEDIAINFO");
		return 2;
	}
	size = mi.dki_capacity * mi.dki_lbsize;
	get_stats(ctl, &s0);
	ext = s0.rs_extent_size;
	if (size % pg || size < 4 * ext) {
		fprintf(stderr, "rdtest: disk %s: %zu bytes, want a page multiple of 4 extents or more\n",
			disk, size);
		return 2;
	}
	nmapped = (size + ext - 1) / ext;
	if (posix_memalign((void **)&buf, pg, size) || posix_memalign((void **)&q, pg, ext))
		return 2;

	/* Some data first, through the raw node, in extent 1. */
	for (i = 0; i < ext; i++)
		q[i] = (unsigned char)(i * 7 + 1);
	check(pwrite(raw, q, ext, ext) == (ssize_t)ext, "raw-write");

	errno = 0;
	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE, raw, 0);
	check(p == MAP_FAILED && errno == EINVAL, "private-refused");
	if (p != MAP_FAILED)
		munmap(p, size);
	errno = 0;
	p = mmap(NULL, size + pg, PROT_READ, MAP_SHARED, raw, 0);
	check(p == MAP_FAILED && errno == ENXIO, "past-end-refused");
	if (p != MAP_FAILED)
		munmap(p, size + pg);

	p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED, raw, 0);
	check(p != MAP_FAILED, "map");
	if (p == MAP_FAILED)
		return 1;
	get_stats(ctl, &s1);
	errno = 0;
	check(s1.rs_ext_mapped == s0.rs_ext_mapped + nmapped,
	      "extents-counted-mapped");
	check(s1.rs_ext_used >= s0.rs_ext_used + nmapped - 1 &&
	      find_disk(ctl, disk, &rn) == 0 && rn.rn_extents == nmapped &&
	      (rn.rn_flags & RD_F_MAPPED), "unwritten-extents-allocated");

	/* The view equals what read returns. */
	check(pread(raw, buf, size, 0) == (ssize_t)size, "raw-read");
	errno = 0;
	check(!memcmp(buf, p, size), "view-equals-raw-read");
	check(pread(blk, buf, size, 0) == (ssize_t)size, "block-read");
	errno = 0;
	check(!memcmp(buf, p, size), "view-equals-block-read");
	check(!memcmp(p + ext, q, ext), "view-has-earlier-write");
	for (i = 0; i < ext && !p[i]; i++)
		;
	check(i == ext, "view-unwritten-zero");

	/* Writes through the nodes are seen in the view. */
	memset(q, 0xa5, pg);
	check(pwrite(blk, q, pg, 2 * ext + pg) == (ssize_t)pg, "block-write");
	errno = 0;
	check(!memcmp(p + 2 * ext + pg, q, pg), "view-sees-block-write");
	memset(q, 0x5a, 512);
	check(pwrite(raw, q, 512, 3 * ext - 512) == 512, "raw-write-2");
	errno = 0;
	check(!memcmp(p + 3 * ext - 512, q, 512), "view-sees-raw-write");

	/* Stores in the view are the disk's. */
	memcpy(p + 3 * ext, "stored through the mapping", 27);
	check(pread(raw, buf, 512, 3 * ext) == 512 &&
	      !memcmp(buf, "stored through the mapping", 27),
	      "raw-read-sees-store");
	check(pread(blk, buf, pg, 3 * ext) == (ssize_t)pg &&
	      !memcmp(buf, "stored through the mapping", 27),
	      "block-read-sees-store");

	/* A child shares the mapping. */
	pid = fork();
	if (pid == 0) {
		if (memcmp(p + 3 * ext, "stored through the mapping", 27))
			_exit(1);
		p[3 * ext] = 'S';
		_exit(0);
	}
	st = -1;
	waitpid(pid, &st, 0);
	errno = 0;
	check(WIFEXITED(st) && WEXITSTATUS(st) == 0 && p[3 * ext] == 'S',
	      "fork-shares");
	get_stats(ctl, &s1);
	check(s1.rs_ext_mapped == s0.rs_ext_mapped + nmapped,
	      "mapped-count-after-fork");
	mapped_before = s0.rs_ext_mapped;

	/* Mapped: the disk cannot go, even with its nodes closed. */
	close(blk);
	close(raw);
	errno = 0;
	check(delete(ctl, disk) < 0 && errno == EBUSY, "delete-mapped-busy");
	raw = xopen(raw_path, O_RDWR);

	/* A discard of mapped extents zeroes them; the memory stays. */
	get_stats(ctl, &s0);
	check(dkfree(raw, 0, ext, 2 * ext) == 0, "discard-mapped");
	get_stats(ctl, &s1);
	for (i = ext; i < 3 * ext && !p[i]; i++)
		;
	errno = 0;
	check(i == 3 * ext, "view-zero-after-discard");
	check(s1.rs_ext_used == s0.rs_ext_used &&
	      s1.rs_zeroed == s0.rs_zeroed + 2 * ext,
	      "discard-mapped-zeroes-in-place");
	check(p[3 * ext] == 'S', "discard-leaves-neighbours");

	/* Unmapped: the extents are no longer counted mapped. */
	ok = munmap(p, size) == 0;
	check(ok, "unmap");
	get_stats(ctl, &s1);
	errno = 0;
	check(s1.rs_ext_mapped == mapped_before, "unmap-uncounts");
	check(find_disk(ctl, disk, &rn) == 0 && !(rn.rn_flags & RD_F_MAPPED) &&
	      rn.rn_mapped == 0, "disk-not-mapped");
	/* Now a discard gives the memory back. */
	get_stats(ctl, &s0);
	check(dkfree(raw, 0, 0, size) == 0, "discard-all");
	get_stats(ctl, &s1);
	errno = 0;
	check(s1.rs_frees == s0.rs_frees + nmapped, "discard-frees-all");
	check(pread(raw, buf, size, 0) == (ssize_t)size, "raw-read-2");
	for (i = 0; i < size && !buf[i]; i++)
		;
	errno = 0;
	check(i == size, "zero-after-discard");
	close(raw);
	close(ctl);
	free(buf);
	free(q);
	return check_failures ? 1 : 0;
}

int main(int argc, char **argv)
{
	struct dk_minfo mi;
	int fd, v, w;

	if (argc == 3 && !strcmp(argv[1], "bad"))
		return cmd_bad(argv[2]);
	if (argc == 3 && !strcmp(argv[1], "mmap"))
		return cmd_mmap(argv[2]);
	if (argc == 5 && !strcmp(argv[1], "free")) {
		fd = xopen(argv[2], O_RDWR);
		if (dkfree(fd, 0, strtoull(argv[3], NULL, 0),
			   strtoull(argv[4], NULL, 0)) < 0) {
			fprintf(stderr, "rdtest: DKIOCFREE: %s\n",
				strerror(errno));
			return 1;
		}
		return 0;
	}
	if (argc == 3 && !strcmp(argv[1], "minfo")) {
		fd = xopen(argv[2], O_RDONLY);
		if (ioctl(fd, DKIOCGMEDIAINFO, &mi) < 0 ||
		    ioctl(fd, DKIOC_CANFREE, &v) < 0 ||
		    ioctl(fd, DKIOCGETWCE, &w) < 0) {
			fprintf(stderr, "rdtest: %s: %s\n", argv[2],
				strerror(errno));
			return 1;
		}
		printf("size %llu %u %llu canfree %d wce %d\n",
		       mi.dki_capacity * mi.dki_lbsize, mi.dki_lbsize,
		       mi.dki_capacity, v, w);
		return 0;
	}
	fprintf(stderr, "usage: rdtest bad NAME | mmap NAME | free DEV OFF LEN | minfo DEV\n");
	return 2;
}
