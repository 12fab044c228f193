/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/proc.h>: proc_t is Linux's task_struct (the thread group leader);
 * curproc is the caller's process.  Its fields are Linux's.
 */
#ifndef _SYS_PROC_H
#define _SYS_PROC_H

#include <sys/types.h>
#include <sys/thread.h>
#include <sys/cred.h>

#define curproc		((proc_t *)current->group_leader)

#endif /* _SYS_PROC_H */
