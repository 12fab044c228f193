// SPDX-License-Identifier: GPL-2.0
/*
 * umemshare_test: map the umemshare device's shared page and talk to
 * another process through it.  Built 64-bit (umemshare_test) and 32-bit
 * (umemshare_test32); each data model gets its own page.
 *
 *   umemshare_test hold TOKEN    write TOKEN, wait for TOKEN-ack
 *   umemshare_test ack TOKEN     wait for TOKEN, write TOKEN-ack
 *   umemshare_test absent TOKEN  TOKEN is not in this model's page
 *
 * Waits give up after 30 s; exit status 0 means the check held.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define DEV	"/devices/pseudo/umemshare@0:umemshare"
#define ACKOFF	128

static int wait_for(volatile char *p, const char *s)
{
	int i;

	for (i = 0; i < 3000; i++) {
		if (!strncmp((const char *)p, s, 64))
			return 1;
		usleep(10000);
	}
	return 0;
}

int main(int argc, char **argv)
{
	char ack[80];
	volatile char *p;
	int fd, ok;

	if (argc != 3) {
		fprintf(stderr, "usage: %s hold|ack|absent TOKEN\n", argv[0]);
		return 2;
	}
	fd = open(DEV, O_RDWR);
	if (fd < 0) {
		perror(DEV);
		return 2;
	}
	p = mmap(NULL, 4096, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
	if (p == MAP_FAILED) {
		perror("mmap");
		return 2;
	}
	snprintf(ack, sizeof(ack), "%s-ack", argv[2]);
	if (!strcmp(argv[1], "hold")) {
		strcpy((char *)p, argv[2]);
		ok = wait_for(p + ACKOFF, ack);
	} else if (!strcmp(argv[1], "ack")) {
		ok = wait_for(p, argv[2]);
		if (ok)
			strcpy((char *)p + ACKOFF, ack);
	} else {
		ok = strncmp((const char *)p, argv[2], 64) != 0;
	}
	printf("%s %s (%d-bit): %s, page holds \"%.32s\"\n", argv[1], argv[2],
	       (int)sizeof(long) * 8, ok ? "ok" : "FAILED", (const char *)p);
	munmap((void *)p, 4096);
	close(fd);
	return ok ? 0 : 1;
}
