// SPDX-License-Identifier: GPL-2.0
/*
 * ramdiskadm: administer the disks of the ramdisk driver, as Solaris's
 * ramdiskadm(8) does.
 *
 *   ramdiskadm                     list the disks
 *   ramdiskadm -a NAME SIZE[b|k|m|g|t]
 *                                  create disk NAME of SIZE bytes (b: 512-
 *                                  byte blocks; k, m, g, t: KiB .. TiB) and
 *                                  print its block device path
 *   ramdiskadm -d NAME             destroy disk NAME
 *   ramdiskadm -s                  the storage pool's counters, "name value"
 *   ramdiskadm -c CTL ...          use the control node CTL
 *
 * Exit status: 0 done, 1 the driver refused (the message names the errno),
 * 2 usage.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#include "../ramdisk.h"

#define DEVDIR	"/devices/pseudo/ramdisk@0:"

static const char *ctl = DEVDIR RD_CTL_NODE;

static void usage(void)
{
	fprintf(stderr,
		"usage: ramdiskadm [-c ctl] [-a name size[b|k|m|g|t] | -d name | -s]\n");
	exit(2);
}

static int open_ctl(void)
{
	int fd = open(ctl, O_RDWR);

	if (fd < 0) {
		fprintf(stderr, "ramdiskadm: cannot open %s: %s\n", ctl,
			strerror(errno));
		exit(1);
	}
	return fd;
}

/* SIZE[b|k|m|g|t] in bytes; 0 if malformed. */
static uint64_t parse_size(const char *s)
{
	uint64_t v = 0, mult = 1;
	const char *p = s;

	if (*p < '0' || *p > '9')
		return 0;
	while (*p >= '0' && *p <= '9') {
		if (v > (UINT64_MAX - (uint64_t)(*p - '0')) / 10)
			return 0;
		v = v * 10 + (uint64_t)(*p++ - '0');
	}
	switch (*p) {
	case '\0':
		break;
	case 'b': case 'B':
		mult = 512;
		break;
	case 'k': case 'K':
		mult = 1ULL << 10;
		break;
	case 'm': case 'M':
		mult = 1ULL << 20;
		break;
	case 'g': case 'G':
		mult = 1ULL << 30;
		break;
	case 't': case 'T':
		mult = 1ULL << 40;
		break;
	default:
		return 0;
	}
	if (*p && p[1])
		return 0;
	if (v > UINT64_MAX / mult)
		return 0;
	return v * mult;
}

/*
 * The Linux name of disk NAME (/sys/block/X/ddi_path is
 * "pseudo/ramdisk@0:NAME"), or "-" if there is none.
 */
static void linux_name(const char *name, char *buf, size_t len)
{
	char want[128], path[512], have[128];
	struct dirent *d;
	DIR *dir;
	FILE *f;

	snprintf(buf, len, "-");
	snprintf(want, sizeof(want), "pseudo/ramdisk@0:%s", name);
	dir = opendir("/sys/block");
	if (!dir)
		return;
	while ((d = readdir(dir))) {
		if (d->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/sys/block/%s/ddi_path",
			 d->d_name);
		f = fopen(path, "r");
		if (!f)
			continue;
		if (fgets(have, sizeof(have), f)) {
			have[strcspn(have, "\n")] = '\0';
			if (!strcmp(have, want))
				snprintf(buf, len, "%s", d->d_name);
		}
		fclose(f);
	}
	closedir(dir);
}

static int do_create(const char *name, const char *sizestr)
{
	struct rd_ioctl ri;
	uint64_t size = parse_size(sizestr);
	int fd;

	if (!size) {
		fprintf(stderr, "ramdiskadm: invalid size \"%s\"\n", sizestr);
		return 2;
	}
	if (strlen(name) >= RD_NAME_LEN) {
		fprintf(stderr, "ramdiskadm: name \"%s\" is longer than %d characters\n",
			name, RD_NAME_LEN - 1);
		return 2;
	}
	memset(&ri, 0, sizeof(ri));
	strcpy(ri.ri_name, name);
	ri.ri_size = size;
	fd = open_ctl();
	if (ioctl(fd, RD_CREATE_DISK, &ri) < 0) {
		fprintf(stderr, "ramdiskadm: cannot create disk %s: %s\n",
			name, strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	printf("%s%s\n", DEVDIR, name);
	return 0;
}

static int do_delete(const char *name)
{
	struct rd_ioctl ri;
	int fd;

	if (strlen(name) >= RD_NAME_LEN) {
		fprintf(stderr, "ramdiskadm: no disk %s\n", name);
		return 1;
	}
	memset(&ri, 0, sizeof(ri));
	strcpy(ri.ri_name, name);
	fd = open_ctl();
	if (ioctl(fd, RD_DELETE_DISK, &ri) < 0) {
		fprintf(stderr, "ramdiskadm: cannot delete disk %s: %s\n",
			name, errno == ENOENT ? "no such disk" :
			strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	return 0;
}

static int do_list(void)
{
	struct rd_info rn;
	char lname[256], flags[64];
	uint32_t minor = 1;
	int fd = open_ctl();

	printf("%-36s %12s %12s %7s %-14s %s\n", "Block Device", "Size",
	       "Allocated", "Mapped", "Flags", "Linux name");
	for (;;) {
		memset(&rn, 0, sizeof(rn));
		rn.rn_minor = minor;
		if (ioctl(fd, RD_NEXT_DISK, &rn) < 0) {
			if (errno == ENOENT)
				break;
			fprintf(stderr, "ramdiskadm: cannot list disks: %s\n",
				strerror(errno));
			close(fd);
			return 1;
		}
		snprintf(flags, sizeof(flags), "%s%s%s%s%s",
			 rn.rn_flags & RD_F_CONF ? "conf," : "",
			 rn.rn_flags & RD_F_OPEN_BLK ? "blk," : "",
			 rn.rn_flags & RD_F_OPEN_CHR ? "raw," : "",
			 rn.rn_flags & RD_F_OPEN_LYR ? "lyr," : "",
			 rn.rn_flags & RD_F_MAPPED ? "map," : "");
		if (flags[0])
			flags[strlen(flags) - 1] = '\0';
		else
			strcpy(flags, "-");
		linux_name(rn.rn_name, lname, sizeof(lname));
		printf("%s%-*s %12llu %12llu %7u %-14s %s\n", DEVDIR,
		       36 - (int)strlen(DEVDIR), rn.rn_name,
		       (unsigned long long)rn.rn_size,
		       (unsigned long long)rn.rn_alloc, rn.rn_mapped, flags,
		       lname);
		minor = rn.rn_minor + 1;
	}
	close(fd);
	return 0;
}

static int do_stats(void)
{
	struct rd_stats rs;
	int fd = open_ctl();

	if (ioctl(fd, RD_GET_STATS, &rs) < 0) {
		fprintf(stderr, "ramdiskadm: cannot get statistics: %s\n",
			strerror(errno));
		close(fd);
		return 1;
	}
	close(fd);
	printf("extent_size %llu\n", (unsigned long long)rs.rs_extent_size);
	printf("chunk_size %llu\n", (unsigned long long)rs.rs_chunk_size);
	printf("pool_max %llu\n", (unsigned long long)rs.rs_pool_max);
	printf("pool_bytes %llu\n", (unsigned long long)rs.rs_pool_bytes);
	printf("reserved %llu\n", (unsigned long long)rs.rs_reserved);
	printf("extents_total %llu\n", (unsigned long long)rs.rs_ext_total);
	printf("extents_used %llu\n", (unsigned long long)rs.rs_ext_used);
	printf("extents_free %llu\n", (unsigned long long)rs.rs_ext_free);
	printf("extents_mapped %llu\n", (unsigned long long)rs.rs_ext_mapped);
	printf("allocs %llu\n", (unsigned long long)rs.rs_allocs);
	printf("frees %llu\n", (unsigned long long)rs.rs_frees);
	printf("zeroed_bytes %llu\n", (unsigned long long)rs.rs_zeroed);
	printf("grows %llu\n", (unsigned long long)rs.rs_grows);
	printf("trims %llu\n", (unsigned long long)rs.rs_trims);
	printf("disks %u\n", rs.rs_ndisks);
	printf("max_disks %u\n", rs.rs_max_disks);
	return 0;
}

int main(int argc, char **argv)
{
	const char *add = NULL, *del = NULL;
	int c, stats = 0;

	while ((c = getopt(argc, argv, "a:c:d:s")) != -1) {
		switch (c) {
		case 'a':
			add = optarg;
			break;
		case 'c':
			ctl = optarg;
			break;
		case 'd':
			del = optarg;
			break;
		case 's':
			stats = 1;
			break;
		default:
			usage();
		}
	}
	if (!!add + !!del + stats > 1)
		usage();
	if (add) {
		if (optind != argc - 1)
			usage();
		return do_create(add, argv[optind]);
	}
	if (optind != argc)
		usage();
	if (del)
		return do_delete(del);
	if (stats)
		return do_stats();
	return do_list();
}
