// SPDX-License-Identifier: GPL-2.0
/*
 * umemshare_test: map the umemshare device's shared page and talk to
 * other processes through it.  Built 64-bit (umemshare_test) and 32-bit
 * (umemshare_test32); each data model gets its own page.
 *
 *   umemshare_test hold TOKEN         write TOKEN, wait for TOKEN-ack,
 *                                     then for TOKEN-bye
 *   umemshare_test ack TOKEN          wait for TOKEN, write TOKEN-ack
 *   umemshare_test check OWN FOREIGN  this page holds OWN, not FOREIGN
 *   umemshare_test bye TOKEN          write TOKEN-bye
 *
 * Waits give up after about 30 s; exit status 0 means the check held.
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

#define DEV	"/devices/pseudo/umemshare@0:umemshare"
#define ACKOFF	128
#define BYEOFF	256

static int wait_for(volatile char *p, const char *s)
{
	int i;

	for (i = 0; i < 3000; i++) {
		if (!strncmp((const char *)p, s, 64))
			return 1;
		poll(NULL, 0, 10);	/* no timespec: 32-bit safe */
	}
	return 0;
}

int main(int argc, char **argv)
{
	char ack[80], bye[80];
	volatile char *p;
	int fd, ok;

	if (argc < 3 || (!strcmp(argv[1], "check") && argc < 4)) {
		fprintf(stderr, "usage: %s hold|ack|check|bye TOKEN [FOREIGN]\n",
			argv[0]);
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
	snprintf(bye, sizeof(bye), "%s-bye", argv[2]);
	if (!strcmp(argv[1], "hold")) {
		strcpy((char *)p, argv[2]);
		ok = wait_for(p + ACKOFF, ack) && wait_for(p + BYEOFF, bye);
	} else if (!strcmp(argv[1], "ack")) {
		ok = wait_for(p, argv[2]);
		if (ok)
			strcpy((char *)p + ACKOFF, ack);
	} else if (!strcmp(argv[1], "check")) {
		ok = !strncmp((const char *)p, argv[2], 64) &&
		     strncmp((const char *)p, argv[3], 64) != 0;
	} else {
		strcpy((char *)p + BYEOFF, bye);
		ok = 1;
	}
	printf("%s %s (%d-bit): %s, page holds \"%.32s\"\n", argv[1], argv[2],
	       (int)sizeof(long) * 8, ok ? "ok" : "FAILED", (const char *)p);
	munmap((void *)p, 4096);
	close(fd);
	return ok ? 0 : 1;
}
