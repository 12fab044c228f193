// SPDX-License-Identifier: GPL-2.0
/*
 * rocheck NODE CMD [ARG]: the FWRITE check of a driver's ioctl (issue 11
 * item 7): NODE opened read-only, ioctl CMD (a number, e.g. 0x71746402)
 * with a pointer to the size_t ARG (default 1024) must fail with EACCES,
 * and the same call on a read-write open must not.
 */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/ioctl.h>

int main(int argc, char **argv)
{
	unsigned long cmd;
	size_t arg = 1024;
	int fd, r;

	if (argc < 3) {
		fprintf(stderr, "usage: rocheck NODE CMD [ARG]\n");
		return 2;
	}
	cmd = strtoul(argv[2], NULL, 0);
	if (argc > 3)
		arg = strtoul(argv[3], NULL, 0);
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	r = ioctl(fd, cmd, &arg);
	printf("read-only open: ioctl %#lx: %s\n", cmd, r ? strerror(errno) : "succeeded");
	if (!r || errno != EACCES)
		return 1;
	close(fd);
	fd = open(argv[1], O_RDWR);
	if (fd < 0) {
		perror(argv[1]);
		return 2;
	}
	r = ioctl(fd, cmd, &arg);
	printf("read-write open: ioctl %#lx: %s\n", cmd, r ? strerror(errno) : "succeeded");
	return r ? 1 : 0;
}
