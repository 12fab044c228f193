/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/thread.h>: kthread_t is Linux's task_struct; curthread is the
 * running one.  thread_create() and friends are not provided.
 */
#ifndef _SYS_THREAD_H
#define _SYS_THREAD_H

#include <sys/types.h>
#include <sys/t_lock.h>
#include <sys/signal.h>

#define curthread	((kthread_t *)current)
#define ttoproc(t)	((proc_t *)(t)->group_leader)

#endif /* _SYS_THREAD_H */
