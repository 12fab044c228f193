/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/types.h> for Solaris drivers built against ddi_compat.
 *
 * Where Linux already has a type of the same name and meaning (size_t,
 * caddr_t, off_t, uid_t, dev_t, ...) Linux's is used.  dev_t is Linux's
 * 32-bit dev_t (12-bit major, 20-bit minor), not Solaris's 64-bit one:
 * getminor()/getmajor()/makedevice() work on it, and minors above
 * MAXMIN (0xfffff) cannot exist.
 */
#ifndef _SYS_TYPES_H
#define _SYS_TYPES_H

#include <ddi_compat/linux.h>

#ifndef _KERNEL
#define _KERNEL
#endif
#if defined(_LP64) && !defined(_MULTI_DATAMODEL)
#define _MULTI_DATAMODEL
#endif

typedef unsigned char		uchar_t;
typedef unsigned short		ushort_t;
typedef unsigned int		uint_t;
typedef unsigned long		ulong_t;
typedef long long		longlong_t;
typedef unsigned long long	u_longlong_t;
typedef long long		offset_t;
typedef unsigned long long	u_offset_t;
typedef unsigned long long	diskaddr_t;
typedef long long		hrtime_t;
typedef long			time_t;	/* Linux dropped its own in 5.x */
typedef unsigned int		major_t;
typedef unsigned int		minor_t;
typedef short			pri_t;
typedef unsigned short		o_dev_t;	/* old 16-bit dev_t */
typedef int			processorid_t;
typedef int			zoneid_t;
typedef int			taskid_t;
typedef struct cred		cred_t;
typedef struct task_struct	kthread_t;
typedef struct task_struct	proc_t;

typedef enum { B_FALSE = 0, B_TRUE = 1 } boolean_t;

/*
 * timeout(9F)'s handle is in <sys/types.h> on illumos: a header such as
 * illumos's <sys/beep.h> keeps one in a structure having included no
 * more than <sys/mutex.h>.
 */
typedef void *timeout_id_t;

/*
 * intptr_t reached <linux/types.h> only after 6.1.  A macro over our own
 * typedef of the same type works whether or not Linux has one, with no
 * version test.
 */
typedef long			ddic_intptr_t;
#define intptr_t		ddic_intptr_t

#include <ddi_compat/solaris_names.h>

#endif /* _SYS_TYPES_H */
