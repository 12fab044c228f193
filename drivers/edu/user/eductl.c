// SPDX-License-Identifier: GPL-2.0
/*
 * eductl: talk to the edu driver.
 *
 *	eductl [-d device] ident		the identification register
 *	eductl [-d device] live VALUE		the liveness check (~VALUE)
 *	eductl [-d device] fact N [intr]	N! by polling (or interrupt)
 *	eductl [-d device] raise N [nowait]	raise N interrupts
 *	eductl [-d device] stats		the driver's counters
 *	eductl [-d device] intr msi|fixed	switch the interrupt type
 *	eductl [-d device] misuse		DDI refusals (a bit mask)
 *
 * The default device is /devices/pci@0,0/pci1af4,1100@4:edu.
 */

#include <sys/types.h>
#include <sys/ioctl.h>
#include <stdint.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "../edu.h"

static const char *prog = "eductl";

static void
usage(void)
{
	(void) fprintf(stderr, "usage: %s [-d device] ident | live VALUE | "
	    "fact N [intr] | raise N [nowait] | stats | intr msi|fixed | "
	    "misuse\n", prog);
	exit(2);
}

static void
doioctl(int fd, unsigned long cmd, void *arg, const char *what)
{
	if (ioctl(fd, cmd, arg) != 0) {
		(void) fprintf(stderr, "%s: %s: %s\n", prog, what,
		    strerror(errno));
		exit(1);
	}
}

int
main(int argc, char **argv)
{
	const char *device = "/devices/pci@0,0/pci1af4,1100@4:edu";
	const char *op;
	edu_fact_t f;
	edu_raise_t r;
	edu_stats_t st;
	uint32_t v;
	int fd, c;

	while ((c = getopt(argc, argv, "d:")) != -1) {
		if (c != 'd')
			usage();
		device = optarg;
	}
	if (optind >= argc)
		usage();
	op = argv[optind++];
	fd = open(device, O_RDWR);
	if (fd < 0) {
		(void) fprintf(stderr, "%s: %s: %s\n", prog, device,
		    strerror(errno));
		return (1);
	}
	if (strcmp(op, "ident") == 0) {
		doioctl(fd, EDUIOC_IDENT, &v, op);
		(void) printf("ident=0x%08x\n", v);
	} else if (strcmp(op, "live") == 0 && optind < argc) {
		v = strtoul(argv[optind], NULL, 0);
		doioctl(fd, EDUIOC_LIVE, &v, op);
		(void) printf("live=0x%08x\n", v);
	} else if (strcmp(op, "fact") == 0 && optind < argc) {
		(void) memset(&f, 0, sizeof (f));
		f.ef_n = strtoul(argv[optind], NULL, 0);
		f.ef_by_intr = optind + 1 < argc &&
		    strcmp(argv[optind + 1], "intr") == 0;
		doioctl(fd, EDUIOC_FACT, &f, op);
		(void) printf("fact=%u\n", f.ef_result);
	} else if (strcmp(op, "raise") == 0 && optind < argc) {
		(void) memset(&r, 0, sizeof (r));
		r.er_count = strtoul(argv[optind], NULL, 0);
		r.er_nowait = optind + 1 < argc &&
		    strcmp(argv[optind + 1], "nowait") == 0;
		doioctl(fd, EDUIOC_RAISE, &r, op);
		(void) printf("raised=%u timeouts=%u nsecs=%llu ns_each=%llu\n",
		    r.er_count, r.er_timeouts,
		    (unsigned long long)r.er_nsecs,
		    (unsigned long long)(r.er_count ?
		    r.er_nsecs / r.er_count : 0));
	} else if (strcmp(op, "stats") == 0) {
		doioctl(fd, EDUIOC_STATS, &st, op);
		(void) printf("instance=%u raised=%llu seen=%llu unclaimed=%llu "
		    "fact_intrs=%llu ident=0x%08x intr_type=%s pri=%u "
		    "msi_cap=0x%x nregs=%u\n", st.es_instance,
		    (unsigned long long)st.es_raised,
		    (unsigned long long)st.es_seen,
		    (unsigned long long)st.es_unclaimed,
		    (unsigned long long)st.es_fact_intrs, st.es_ident,
		    st.es_intr_type == EDU_INTR_MSI ? "msi" : "fixed",
		    st.es_intr_pri, st.es_msi_cap, st.es_nregs);
	} else if (strcmp(op, "intr") == 0 && optind < argc) {
		v = strcmp(argv[optind], "fixed") == 0 ? EDU_INTR_FIXED :
		    EDU_INTR_MSI;
		doioctl(fd, EDUIOC_INTR, &v, op);
		(void) printf("intr=%s\n", argv[optind]);
	} else if (strcmp(op, "misuse") == 0) {
		doioctl(fd, EDUIOC_MISUSE, &v, op);
		(void) printf("misuse=0x%x expected=0x%x\n", v,
		    EDU_MISUSE_ALL);
	} else {
		usage();
	}
	(void) close(fd);
	return (0);
}
