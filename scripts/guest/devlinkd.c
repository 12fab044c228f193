// SPDX-License-Identifier: GPL-2.0
/*
 * devlinkd: the test guest's stand-in for the udev rule of
 * docs/udev/60-ddi-compat.rules.  The kernel's devtmpfs makes one node per
 * device; a Solaris block minor node lives at /dev/pseudo/<drv>@<inst>:<name>
 * and its disk has the Linux name /sys/block/<disk>.  This program keeps a
 * symlink /dev/<disk> -> pseudo/<drv>@<inst>:<name> for every disk that has
 * a ddi_path attribute, and removes the link when the disk goes away.
 *
 * udev learns of devices from the kernel's uevent netlink socket.  The
 * debug kernels are built without networking, so there is no such socket;
 * instead this program watches /sys/kernel/uevent_seqnum, which the kernel
 * increments for every uevent with or without networking, and rescans
 * /sys/class/block when it moves (and for a second after, in case a disk's
 * attributes appear after its "add" event).  Started in the background by
 * scripts/guest/init; it runs until the guest reboots.
 */
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_LINKS	256
#define NAME_LEN	64
#define TICK_NS		50000000L	/* 50 ms between looks at the seqnum */
#define SETTLE_TICKS	20		/* rescan for 1 s after an event */

static char links[MAX_LINKS][NAME_LEN];	/* the links this program made */
static int nlinks;

/* read_line: the first line of @path into @buf, without its newline. */
static int read_line(const char *path, char *buf, size_t len)
{
	int fd = open(path, O_RDONLY);
	ssize_t n;

	if (fd < 0)
		return -1;
	n = read(fd, buf, len - 1);
	close(fd);
	if (n <= 0)
		return -1;
	buf[n] = '\0';
	buf[strcspn(buf, "\n")] = '\0';
	return 0;
}

static int tracked(const char *name)
{
	int i;

	for (i = 0; i < nlinks; i++)
		if (strcmp(links[i], name) == 0)
			return i;
	return -1;
}

/* make_link: /dev/@name -> @target, replacing a stale link atomically. */
static void make_link(const char *name, const char *target)
{
	char path[NAME_LEN + 8], tmp[NAME_LEN + 16], old[256];
	struct stat st;
	ssize_t n;

	snprintf(path, sizeof(path), "/dev/%s", name);
	if (lstat(path, &st) == 0) {
		if (!S_ISLNK(st.st_mode))
			return;		/* a real node has the name: keep it */
		n = readlink(path, old, sizeof(old) - 1);
		if (n >= 0) {
			old[n] = '\0';
			if (strcmp(old, target) == 0)
				goto track;
		}
	}
	snprintf(tmp, sizeof(tmp), "/dev/.%s.tmp", name);
	unlink(tmp);
	if (symlink(target, tmp) || rename(tmp, path)) {
		fprintf(stderr, "devlinkd: cannot link %s to %s: %s\n", path,
			target, strerror(errno));
		unlink(tmp);
		return;
	}
track:
	if (tracked(name) < 0 && nlinks < MAX_LINKS)
		snprintf(links[nlinks++], NAME_LEN, "%s", name);
}

/* sync_links: one link per disk with a ddi_path; none for gone disks. */
static void sync_links(void)
{
	char seen[MAX_LINKS][NAME_LEN], path[300], target[256];
	struct dirent *d;
	struct stat st;
	int nseen = 0, i, j;
	DIR *dir;

	dir = opendir("/sys/class/block");
	if (!dir)
		return;
	while ((d = readdir(dir)) != NULL) {
		if (d->d_name[0] == '.' || strlen(d->d_name) >= NAME_LEN)
			continue;
		snprintf(path, sizeof(path), "/sys/class/block/%s/ddi_path",
			 d->d_name);
		if (read_line(path, target, sizeof(target)) || !target[0])
			continue;
		make_link(d->d_name, target);
		if (nseen < MAX_LINKS)
			snprintf(seen[nseen++], NAME_LEN, "%s", d->d_name);
	}
	closedir(dir);

	for (i = 0; i < nlinks; ) {
		for (j = 0; j < nseen; j++)
			if (strcmp(seen[j], links[i]) == 0)
				break;
		if (j < nseen) {
			i++;
			continue;
		}
		snprintf(path, sizeof(path), "/dev/%s", links[i]);
		if (lstat(path, &st) == 0 && S_ISLNK(st.st_mode))
			unlink(path);
		memmove(links[i], links[--nlinks], NAME_LEN);
	}
}

int main(void)
{
	struct timespec tick = { 0, TICK_NS };
	char seq[32], last[32] = "";
	int settle = SETTLE_TICKS;

	for (;;) {
		if (read_line("/sys/kernel/uevent_seqnum", seq, sizeof(seq)))
			seq[0] = '\0';
		if (strcmp(seq, last)) {
			snprintf(last, sizeof(last), "%s", seq);
			settle = SETTLE_TICKS;
		}
		if (settle > 0) {
			sync_links();
			settle--;
		}
		nanosleep(&tick, NULL);
	}
	return 0;
}
