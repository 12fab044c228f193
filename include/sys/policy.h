/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/policy.h>: privilege checks.  ddi_compat provides none of the
 * secpolicy_*() functions; drv_priv(9F) (<sys/ddi.h>) is the check it has.
 */
#ifndef _SYS_POLICY_H
#define _SYS_POLICY_H

#include <sys/types.h>
#include <sys/cred.h>
#include <sys/ddi.h>

#endif /* _SYS_POLICY_H */
