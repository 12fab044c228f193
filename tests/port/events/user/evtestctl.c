// SPDX-License-Identifier: GPL-2.0
/*
 * evtestctl DEVICE post N | state | selfremove | badremove | devctl NAME
 *	| ticks
 *
 * state prints "count last unknown_fails addr_ok self_runs"; devctl hands
 * the driver a struct devctl_iocdata (this program's own data model) with
 * c_nodename NAME and prints what the driver copied back from it; ticks
 * prints the driver's struct evt_ticks in its order.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stdint.h>
#include <fcntl.h>
#include <unistd.h>
#include <sys/ioctl.h>
#include "../evtest.h"

/* <sys/devctl.h>'s layout, in this process's data model. */
struct devctl_iocdata {
	unsigned int	cmd;
	unsigned int	flags;
	void		*cpyout_buf;
	void		*nvl_user;
	size_t		nvl_usersz;
	char		*c_nodename;
	char		*c_unitaddr;
};

int main(int argc, char **argv)
{
	struct evt_state st;
	struct devctl_iocdata dc;
	char back[256];
	int fd;

	if (argc < 3) {
		fprintf(stderr, "usage: evtestctl DEVICE post N|state|selfremove|badremove|devctl NAME\n");
		return 2;
	}
	fd = open(argv[1], O_RDWR);
	if (fd < 0) {
		perror(argv[1]);
		return 1;
	}
	if (strcmp(argv[2], "post") == 0 && argc == 4) {
		if (ioctl(fd, EVT_POST, strtoul(argv[3], NULL, 0)) != 0) {
			perror("EVT_POST");
			return 1;
		}
	} else if (strcmp(argv[2], "state") == 0) {
		if (ioctl(fd, EVT_STATE, &st) != 0) {
			perror("EVT_STATE");
			return 1;
		}
		printf("%u %u %u %u %u\n", st.count, st.last, st.unknown_fails,
		       st.addr_ok, st.self_runs);
	} else if (strcmp(argv[2], "selfremove") == 0) {
		if (ioctl(fd, EVT_SELFREMOVE, 0) != 0) {
			perror("EVT_SELFREMOVE");
			return 1;
		}
	} else if (strcmp(argv[2], "badremove") == 0) {
		if (ioctl(fd, EVT_BADREMOVE, 0) != 0) {
			perror("EVT_BADREMOVE");
			return 1;
		}
	} else if (strcmp(argv[2], "devctl") == 0 && argc == 4) {
		memset(&dc, 0, sizeof(dc));
		memset(back, 0, sizeof(back));
		dc.cmd = 1;
		dc.cpyout_buf = back;
		dc.c_nodename = argv[3];
		if (ioctl(fd, EVT_DEVCTL, &dc) != 0) {
			perror("EVT_DEVCTL");
			return 1;
		}
		printf("%s\n", back);
	} else if (strcmp(argv[2], "ticks") == 0) {
		struct evt_ticks t;

		if (ioctl(fd, EVT_TICKS, &t) != 0) {
			perror("EVT_TICKS");
			return 1;
		}
		printf("%ld %ld %ld %ld %ld %ld %ld\n", t.hz, t.usectohz_1s,
		       t.msec_to_tick_1s, t.tick_to_msec_hz, t.msec_roundup_1,
		       t.msec_to_tick_1, t.usec_roundup_1);
	} else {
		fprintf(stderr, "evtestctl: bad command\n");
		return 2;
	}
	return 0;
}
