/* SPDX-License-Identifier: GPL-2.0 */
/*
 * check(): the self-check of the project's user test programs
 * (drivers/<driver>/user, tests/prog): one line per check, "ok NAME" or
 * "FAIL NAME (errno N TEXT)", and a count of the failures for the exit
 * status.  Plain C, for programs built static 64-bit and 32-bit
 * (scripts/user.sh puts this directory on their include path).
 */
#ifndef _DDIC_CHECK_H
#define _DDIC_CHECK_H

#include <errno.h>
#include <stdio.h>
#include <string.h>

/* Checks that failed so far. */
static int check_failures;

/* If set, called to add to a FAIL line (e.g. the last result). */
static void (*check_detail)(void);

static inline void check(int ok, const char *name)
{
	int err = errno;

	if (ok) {
		printf("ok %s\n", name);
		return;
	}
	printf("FAIL %s (errno %d %s", name, err, strerror(err));
	if (check_detail)
		check_detail();
	printf(")\n");
	check_failures++;
}

#endif /* _DDIC_CHECK_H */
