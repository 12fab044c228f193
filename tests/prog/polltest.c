// SPDX-License-Identifier: GPL-2.0
/*
 * polltest PATH WANT: open PATH read/write, poll() it for POLLIN|POLLOUT
 * without waiting, print the revents, and exit 0 if they are exactly
 * WANT (a number: 5 = POLLIN|POLLOUT), 1 otherwise.  For drivers whose
 * chpoll(9E) is nochpoll(9F) (audit 2, finding 28).
 */
#include <fcntl.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

int main(int argc, char **argv)
{
	struct pollfd pfd;
	int n;

	if (argc != 3) {
		fprintf(stderr, "usage: polltest PATH WANT\n");
		return 2;
	}
	pfd.fd = open(argv[1], O_RDWR);
	if (pfd.fd < 0) {
		perror(argv[1]);
		return 2;
	}
	pfd.events = POLLIN | POLLOUT;
	pfd.revents = 0;
	n = poll(&pfd, 1, 0);
	printf("%s: poll %d revents %#x\n", argv[1], n, pfd.revents);
	close(pfd.fd);
	return n == 1 && pfd.revents == atoi(argv[2]) ? 0 : 1;
}
