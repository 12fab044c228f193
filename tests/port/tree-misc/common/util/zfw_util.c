/* SPDX-License-Identifier: GPL-2.0 */

/*
 * Code without an _init of its own, linked into zfw by common/Kbuild.
 */

#include <sys/types.h>
#include "../zfw.h"

int
zfw_mix(int n)
{
	return (n * 31 + 7);
}
