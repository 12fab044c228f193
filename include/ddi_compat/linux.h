/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Every Linux header that any Solaris-facing header needs, included once,
 * before any Solaris name is defined.  <sys/types.h> includes this first;
 * after it, include guards make later Linux includes no-ops, so redefining
 * a clashing name (min, max, mutex_init, ...) for the Solaris driver can
 * no longer break an inline function inside a Linux header.
 */
#ifndef _DDI_COMPAT_LINUX_H
#define _DDI_COMPAT_LINUX_H

#include <linux/types.h>
#include <linux/kernel.h>
#include <linux/module.h>
#include <linux/errno.h>
#include <linux/string.h>
#include <linux/slab.h>
#include <linux/vmalloc.h>
#include <linux/mm.h>
#include <linux/fs.h>
#include <linux/cred.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/jiffies.h>
#include <linux/delay.h>
#include <linux/uaccess.h>
#include <linux/poll.h>
#include <linux/compat.h>
#include <linux/kdev_t.h>
#include <linux/stdarg.h>
#include <linux/io.h>
#include <linux/dma-mapping.h>
#include <linux/dev_printk.h>

#endif /* _DDI_COMPAT_LINUX_H */
