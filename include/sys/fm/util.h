/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/fm/util.h>: the length of an ereport class and the names of the
 * error channel.  fm_panic() and the ereport queue are not provided.
 */
#ifndef _SYS_FM_UTIL_H
#define _SYS_FM_UTIL_H

#include <sys/nvpair.h>

#define FM_MAX_CLASS	100
#define FM_ERROR_CHAN	"com.sun:fm:error"
#define FM_PUB		"fm"

#endif /* _SYS_FM_UTIL_H */
