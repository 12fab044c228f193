/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/signal.h>: the signal numbers are Linux's (already defined).
 */
#ifndef _SYS_SIGNAL_H
#define _SYS_SIGNAL_H

#include <sys/types.h>

#endif /* _SYS_SIGNAL_H */
