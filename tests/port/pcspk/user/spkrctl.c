// SPDX-License-Identifier: GPL-2.0
/*
 * spkrctl tone HZ MS | stop | busy | calls | ports | raw CMD: one ioctl on spkr's
 * node; prints its return value, or "error <errno name>".  raw passes a
 * pointer to an int as the argument and also prints the int.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "../sys/spkr.h"

int main(int argc, char **argv)
{
	int fd, r, val = -1;

	if (argc < 2)
		return 2;
	fd = open("/devices/pseudo/spkr@0:spkr", O_RDWR);
	if (fd < 0) {
		perror("open");
		return 1;
	}
	if (strcmp(argv[1], "tone") == 0 && argc == 4)
		r = ioctl(fd, SPKR_TONE, atol(argv[2]) << 16 | atol(argv[3]));
	else if (strcmp(argv[1], "stop") == 0)
		r = ioctl(fd, SPKR_STOP, 0);
	else if (strcmp(argv[1], "busy") == 0)
		r = ioctl(fd, SPKR_BUSY, 0);
	else if (strcmp(argv[1], "calls") == 0)
		r = ioctl(fd, SPKR_CALLS, 0);
	else if (strcmp(argv[1], "ports") == 0)
		r = ioctl(fd, SPKR_PORTS, 0);
	else if (strcmp(argv[1], "raw") == 0 && argc == 3)
		r = ioctl(fd, (int)strtol(argv[2], NULL, 0), &val);
	else
		return 2;
	if (r < 0) {
		printf("error %s\n", errno == EINVAL ? "EINVAL" :
		       errno == EBUSY ? "EBUSY" : errno == ENOTTY ? "ENOTTY" :
		       strerror(errno));
		return 1;
	}
	if (strcmp(argv[1], "raw") == 0)
		printf("%d %d\n", r, val);
	else
		printf("%d\n", r);
	return 0;
}
