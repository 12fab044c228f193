// SPDX-License-Identifier: GPL-2.0
/*
 * vrngctl DEVICE ROUNDS: read ROUNDS buffers of 4 KiB from vrng and check
 * they are random (no two equal, not all zero, all 256 byte values seen),
 * then print the driver's interrupt type, interrupt count and the number
 * of vendor capabilities vfw found.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>

#define VRNG_IOC_INFO	(('v' << 8) | 1)
#define BUFSZ		4096

int main(int argc, char **argv)
{
	static unsigned char prev[BUFSZ], buf[BUFSZ];
	unsigned long seen[256] = { 0 };
	uint32_t info[3];
	int fd, i, j, rounds;
	ssize_t n;

	if (argc != 3) {
		fprintf(stderr, "usage: vrngctl DEVICE ROUNDS\n");
		return 2;
	}
	rounds = atoi(argv[2]);
	fd = open(argv[1], O_RDONLY);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	for (i = 0; i < rounds; i++) {
		n = read(fd, buf, sizeof(buf));
		if (n != BUFSZ) {
			fprintf(stderr, "vrngctl: read %zd of %d\n", n, BUFSZ);
			return 1;
		}
		if (i > 0 && memcmp(buf, prev, BUFSZ) == 0) {
			fprintf(stderr, "vrngctl: the same bytes twice\n");
			return 1;
		}
		for (j = 0; j < BUFSZ; j++)
			seen[buf[j]]++;
		memcpy(prev, buf, BUFSZ);
	}
	for (j = 0; j < 256; j++) {
		if (!seen[j]) {
			fprintf(stderr, "vrngctl: byte 0x%02x never seen\n", j);
			return 1;
		}
	}
	if (ioctl(fd, VRNG_IOC_INFO, info) != 0) {
		perror("vrngctl: VRNG_IOC_INFO");
		return 1;
	}
	printf("intr-type %u interrupts %u vendor-caps %u\n", info[0], info[1],
	       info[2]);
	close(fd);
	return 0;
}
