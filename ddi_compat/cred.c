// SPDX-License-Identifier: GPL-2.0
/*
 * More of credentials and zones: crhold(9F), crfree(9F), crgetsuid(9F),
 * crgetsgid(9F), crgetngroups(9F), crgetgroups(9F), ddi_get_cred(9F),
 * zone_kcred(9F), zcmn_err(9F), vzcmn_err(9F).  cred_t is Linux's
 * struct cred: crhold/crfree are its reference count.
 */
#include <linux/cred.h>
#include <linux/uidgid.h>
#include <linux/user_namespace.h>
#include <sys/types.h>
#include <sys/cred.h>
#include <sys/cmn_err.h>
#include <sys/sunddi.h>

void crhold(cred_t *cr)
{
	get_cred(cr);
}
EXPORT_SYMBOL(crhold);

void crfree(cred_t *cr)
{
	put_cred(cr);
}
EXPORT_SYMBOL(crfree);

uid_t crgetsuid(const cred_t *cr)
{
	return from_kuid_munged(current_user_ns(), cr->suid);
}
EXPORT_SYMBOL(crgetsuid);

gid_t crgetsgid(const cred_t *cr)
{
	return from_kgid_munged(current_user_ns(), cr->sgid);
}
EXPORT_SYMBOL(crgetsgid);

int crgetngroups(const cred_t *cr)
{
	return cr->group_info ? cr->group_info->ngroups : 0;
}
EXPORT_SYMBOL(crgetngroups);

/*
 * Departure: the supplementary groups are Linux's kgid_t array (a struct
 * holding one gid_t, so it reads as gid_t[]), in the initial user
 * namespace's numbering rather than the caller's, as on Solaris without
 * user namespaces.
 */
const gid_t *crgetgroups(const cred_t *cr)
{
	BUILD_BUG_ON(sizeof(kgid_t) != sizeof(gid_t));
	if (!cr->group_info || !cr->group_info->ngroups)
		return NULL;
	return (const gid_t *)cr->group_info->gid;
}
EXPORT_SYMBOL(crgetgroups);

cred_t *ddi_get_cred(void)
{
	return CRED();
}
EXPORT_SYMBOL(ddi_get_cred);

/* One zone, the global zone: its kernel credentials are kcred. */
cred_t *zone_kcred(void)
{
	return kcred;
}
EXPORT_SYMBOL(zone_kcred);

/* The zone id is ignored: every message goes where cmn_err(9F) sends it. */
void vzcmn_err(zoneid_t zoneid, int level, const char *fmt, va_list ap)
{
	vcmn_err(level, fmt, ap);
}
EXPORT_SYMBOL(vzcmn_err);

void zcmn_err(zoneid_t zoneid, int level, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcmn_err(level, fmt, ap);
	va_end(ap);
}
EXPORT_SYMBOL(zcmn_err);
