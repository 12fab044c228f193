/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ddi_impldefs.h>: the framework's view of a dev_info node.  Here
 * struct dev_info is private to ddi_compat; a driver that includes this
 * header for the names it brings along (the locks, credentials,
 * properties, the DDI functions) gets those, and the kernel services
 * illumos's brings in through its own includes (<sys/id_space.h>,
 * <sys/avl.h>, <sys/list.h>, <sys/atomic.h>'s membar_*,
 * <sys/byteorder.h>), which drivers such as illumos's virtio framework
 * and vioblk use without including.
 */
#ifndef _SYS_DDI_IMPLDEFS_H
#define _SYS_DDI_IMPLDEFS_H

#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/cred.h>
#include <sys/kmem.h>
#include <sys/devops.h>
#include <sys/sunddi.h>
#include <sys/id_space.h>
#include <sys/avl.h>
#include <sys/list.h>
#include <sys/atomic.h>
#include <sys/byteorder.h>

#endif /* _SYS_DDI_IMPLDEFS_H */
