/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/containerof.h>: the structure containing a member.
 */
#ifndef _SYS_CONTAINEROF_H
#define _SYS_CONTAINEROF_H

#include <sys/types.h>

#ifndef __containerof
#define __containerof(m, s, name) \
	((s *)((caddr_t)(m) - (caddr_t)offsetof(s, name)))
#endif

#endif /* _SYS_CONTAINEROF_H */
