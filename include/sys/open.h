/* SPDX-License-Identifier: GPL-2.0 */
/* Open types passed to open(9E) and close(9E). */
#ifndef _SYS_OPEN_H
#define _SYS_OPEN_H

#include <sys/types.h>

#define OTYP_BLK	0
#define OTYP_MNT	1
#define OTYP_CHR	2
#define OTYP_SWP	3
#define OTYP_LYR	4
#define OTYPCNT		5

#endif /* _SYS_OPEN_H */
