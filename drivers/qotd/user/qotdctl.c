// SPDX-License-Identifier: GPL-2.0
/*
 * qotdctl: control the Quote Of The Day driver.
 *
 *	qotdctl [-d device] -g		print the size of the quote buffer
 *	qotdctl [-d device] -s size	set the size of the quote buffer
 *	qotdctl [-d device] -r		reset the quotation to its default
 *
 * The default device is /devices/pseudo/qotd@0:qotd.
 */

#include <sys/types.h>
#include <sys/ioctl.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../qotd.h"

static const char *prog = "qotdctl";
static const char *default_device = "/devices/pseudo/qotd@0:qotd";

static void
usage(void)
{
	(void) fprintf(stderr,
	    "usage: %s [-d device] -g | -s size | -r\n"
	    "\t-g\tprint the size of the quote buffer\n"
	    "\t-s size\tset the size of the quote buffer (1..%d)\n"
	    "\t-r\treset the quotation to its default\n"
	    "\t-d dev\tuse dev instead of %s\n",
	    prog, QOTD_MAXLEN, default_device);
	exit(2);
}

int
main(int argc, char **argv)
{
	const char *device = default_device;
	const char *opname = NULL;
	unsigned long long val;
	char *end;
	size_t sz = 0;
	int cmd = 0;
	int fd, c;

	while ((c = getopt(argc, argv, "d:gs:r")) != -1) {
		switch (c) {
		case 'd':
			device = optarg;
			break;
		case 'g':
			if (cmd != 0)
				usage();
			cmd = QOTDIOCGSZ;
			opname = "QOTDIOCGSZ";
			break;
		case 's':
			if (cmd != 0)
				usage();
			cmd = QOTDIOCSSZ;
			opname = "QOTDIOCSSZ";
			errno = 0;
			val = strtoull(optarg, &end, 0);
			if (errno != 0 || end == optarg || *end != '\0' ||
			    optarg[0] == '-' || val != (size_t)val) {
				(void) fprintf(stderr, "%s: bad size: %s\n",
				    prog, optarg);
				exit(2);
			}
			sz = (size_t)val;
			break;
		case 'r':
			if (cmd != 0)
				usage();
			cmd = QOTDIOCDISCARD;
			opname = "QOTDIOCDISCARD";
			break;
		default:
			usage();
		}
	}
	if (cmd == 0 || optind != argc)
		usage();

	/* Reading the size needs only read access; the others, write. */
	if ((fd = open(device, cmd == QOTDIOCGSZ ? O_RDONLY : O_RDWR)) == -1) {
		(void) fprintf(stderr, "%s: %s: %s\n", prog, device,
		    strerror(errno));
		exit(1);
	}

	switch (cmd) {
	case QOTDIOCGSZ:
		if (ioctl(fd, QOTDIOCGSZ, &sz) == -1)
			break;
		(void) printf("%zu\n", sz);
		(void) close(fd);
		return (0);
	case QOTDIOCSSZ:
		if (ioctl(fd, QOTDIOCSSZ, &sz) == -1)
			break;
		(void) close(fd);
		return (0);
	case QOTDIOCDISCARD:
		if (ioctl(fd, QOTDIOCDISCARD) == -1)
			break;
		(void) close(fd);
		return (0);
	}

	(void) fprintf(stderr, "%s: %s: %s\n", prog, opname, strerror(errno));
	(void) close(fd);
	return (1);
}
