/* SPDX-License-Identifier: GPL-2.0 */
/* System parameters a driver uses. */
#ifndef _SYS_PARAM_H
#define _SYS_PARAM_H

#include <sys/types.h>

#define PAGESIZE	PAGE_SIZE
#define PAGESHIFT	PAGE_SHIFT
#define PAGEOFFSET	(PAGESIZE - 1)
#define PAGEMASK	(~PAGEOFFSET)
#define MAXPATHLEN	PATH_MAX
#define MAXNAMELEN	256
#define DEV_BSIZE	512
#define DEV_BSHIFT	9
#define MAXBSIZE	8192
#define NBBY		8

#define ptob(x)		((x) << PAGESHIFT)
#define btop(x)		(((x) >> PAGESHIFT))
#define btopr(x)	((((x) + PAGEOFFSET) >> PAGESHIFT))
#define dbtob(db)	((db) << DEV_BSHIFT)
#define btodb(b)	((b) >> DEV_BSHIFT)

#endif /* _SYS_PARAM_H */
