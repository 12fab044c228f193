/* SPDX-License-Identifier: GPL-2.0 */
/*
 * cred_t is Linux's struct cred: the credentials of the process that made
 * the call.  The accessors return ids as seen from the caller's namespace.
 */
#ifndef _SYS_CRED_H
#define _SYS_CRED_H

#include <sys/types.h>
#include <sys/zone.h>

uid_t crgetuid(const cred_t *cr);
uid_t crgetruid(const cred_t *cr);
gid_t crgetgid(const cred_t *cr);
gid_t crgetrgid(const cred_t *cr);
zoneid_t crgetzoneid(const cred_t *cr);

/* The kernel's own credentials (root, in the global zone). */
extern cred_t *kcred;

/* The credentials of the running thread. */
#define CRED()		((cred_t *)current_cred())

void crhold(cred_t *cr);
void crfree(cred_t *cr);
uid_t crgetsuid(const cred_t *cr);
gid_t crgetsgid(const cred_t *cr);
int crgetngroups(const cred_t *cr);
const gid_t *crgetgroups(const cred_t *cr);

/* zone_kcred(9F): kcred of the (only, global) zone. */
cred_t *zone_kcred(void);

#endif /* _SYS_CRED_H */
