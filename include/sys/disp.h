/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/disp.h>: the dispatcher.  minclsyspri and maxclsyspri are the
 * priorities drivers give taskq_create(9F) (Solaris's values); kernel
 * preemption control maps to Linux's.
 */
#ifndef _SYS_DISP_H
#define _SYS_DISP_H

#include <sys/types.h>
#include <sys/thread.h>

#ifndef minclsyspri
#define minclsyspri	60
#endif
#ifndef maxclsyspri
#define maxclsyspri	99
#endif

#define kpreempt_disable()	preempt_disable()
#define kpreempt_enable()	preempt_enable()
#define KPREEMPT_SYNC		(-1)
#define kpreempt(arg)		((void)(arg), cond_resched())

#endif /* _SYS_DISP_H */
