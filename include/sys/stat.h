/* SPDX-License-Identifier: GPL-2.0 */
/*
 * File types for ddi_create_minor_node(9F).  Linux's S_IFCHR/S_IFBLK
 * (already defined by <linux/stat.h>) have Solaris's values.
 */
#ifndef _SYS_STAT_H
#define _SYS_STAT_H

#include <sys/types.h>

#ifndef S_IFCHR
#define S_IFCHR		0020000
#endif
#ifndef S_IFBLK
#define S_IFBLK		0060000
#endif

#endif /* _SYS_STAT_H */
