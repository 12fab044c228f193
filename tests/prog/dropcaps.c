// SPDX-License-Identifier: GPL-2.0
/*
 * dropcaps [-u UID] CMD [ARG...]: run CMD without privilege (issue 11
 * item 7).  With -u, as user UID (and group UID, no supplementary
 * groups); without, as root with every capability dropped (bounding,
 * effective, permitted, inheritable and ambient sets empty, and the
 * securebits that would give them back at exec locked).
 */
#define _GNU_SOURCE
#include <grp.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <linux/capability.h>
#include <linux/securebits.h>

int main(int argc, char **argv)
{
	struct __user_cap_header_struct hdr = { _LINUX_CAPABILITY_VERSION_3, 0 };
	struct __user_cap_data_struct data[2];
	int i = 1, cap;

	if (argc > 2 && !strcmp(argv[1], "-u")) {
		uid_t uid = atoi(argv[2]);

		if (setgroups(0, NULL) || setgid(uid) || setuid(uid)) {
			perror("dropcaps: setuid");
			return 126;
		}
		i = 3;
	} else {
		if (prctl(PR_SET_SECUREBITS, SECBIT_NOROOT | SECBIT_NOROOT_LOCKED |
			  SECBIT_NO_SETUID_FIXUP | SECBIT_NO_SETUID_FIXUP_LOCKED)) {
			perror("dropcaps: securebits");
			return 126;
		}
		for (cap = 0; cap <= 63; cap++)
			prctl(PR_CAPBSET_DROP, cap, 0, 0, 0);
		prctl(PR_CAP_AMBIENT, PR_CAP_AMBIENT_CLEAR_ALL, 0, 0, 0);
		memset(data, 0, sizeof(data));
		if (syscall(SYS_capset, &hdr, data)) {
			perror("dropcaps: capset");
			return 126;
		}
	}
	if (i >= argc) {
		fprintf(stderr, "usage: dropcaps [-u UID] CMD [ARG...]\n");
		return 126;
	}
	execvp(argv[i], argv + i);
	perror(argv[i]);
	return 127;
}
