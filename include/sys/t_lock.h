/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/t_lock.h>: the kernel's locks, as <sys/conf.h> brings them to a
 * driver on Solaris.
 */
#ifndef _SYS_T_LOCK_H
#define _SYS_T_LOCK_H

#include <sys/types.h>
#include <sys/param.h>
#include <sys/mutex.h>
#include <sys/rwlock.h>
#include <sys/condvar.h>

#endif /* _SYS_T_LOCK_H */
