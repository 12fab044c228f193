/* SPDX-License-Identifier: GPL-2.0 */
/*
 * The kernel's MemAvailable, for the low-memory boot's programs
 * (tests/prog/memhog.c, umem_test.c "sleep").
 */
#ifndef _DDIC_MEMINFO_H
#define _DDIC_MEMINFO_H

#include <stdio.h>

/* MemAvailable in MiB; -1 if /proc/meminfo cannot be read. */
static inline long mem_available_mib(void)
{
	char line[128];
	long kb = -1;
	FILE *f = fopen("/proc/meminfo", "r");

	if (!f)
		return -1;
	while (fgets(line, sizeof(line), f))
		if (sscanf(line, "MemAvailable: %ld", &kb) == 1)
			break;
	fclose(f);
	return kb < 0 ? -1 : kb / 1024;
}

#endif
