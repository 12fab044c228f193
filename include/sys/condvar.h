/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/condvar.h>: condvar(9F), which ddi_compat keeps with the rest of the
 * synchronisation primitives in <sys/ksynch.h>.
 */
#ifndef _SYS_CONDVAR_H
#define _SYS_CONDVAR_H

#include <sys/types.h>
#include <sys/ksynch.h>

#endif /* _SYS_CONDVAR_H */
