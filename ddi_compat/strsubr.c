// SPDX-License-Identifier: GPL-2.0
/*
 * The small services a Solaris driver takes for granted: the caller's
 * process and credentials (ddi_get_pid(9F), ddi_can_receive_sig(9F),
 * kcred, crgetzoneid(9F)), dev_err(9F), the string functions
 * (ddi_strtol(9F) and family, ddi_strdup(9F), strfree(9F), stoi(9F),
 * numtos(9F)), bits (ddi_ffs(9F), ddi_fls(9F), swab(9F)), device-number
 * conversions (getemajor(9F), geteminor(9F), cmpdev(9F), expldev(9F),
 * cmpldev(9F)), and the device ID interfaces, which refuse
 * (ddi_devid_init(9F) and friends: see docs/departures.md).
 */
#define pr_fmt(fmt) "ddi_compat: " fmt

#include <linux/bitops.h>
#include <linux/cred.h>
#include <linux/ctype.h>
#include <linux/sched.h>
#include <linux/sched/task.h>
#include <linux/slab.h>
#include <sys/types.h>
#include <sys/ddi.h>
#include <sys/sunddi.h>
#include <sys/cmn_err.h>
#include <sys/cred.h>
#include <sys/kmem.h>
#include <sys/mkdev.h>
#include <sys/types32.h>

#include "ddic_core.h"
#include "devinfo.h"

/* Processes and credentials. */

pid_t ddi_get_pid(void)
{
	return task_tgid_vnr(current);
}
EXPORT_SYMBOL(ddi_get_pid);

/* A kernel thread has nobody to take a signal; a user thread has. */
boolean_t ddi_can_receive_sig(void)
{
	return (current->flags & PF_KTHREAD) ? B_FALSE : B_TRUE;
}
EXPORT_SYMBOL(ddi_can_receive_sig);

/* kcred: the kernel's own credentials (init's, root everywhere). */
cred_t *kcred;
EXPORT_SYMBOL(kcred);

/* There is one zone: the global one. */
zoneid_t crgetzoneid(const cred_t *cr)
{
	return GLOBAL_ZONEID;
}
EXPORT_SYMBOL(crgetzoneid);

int ddic_strsubr_init(void)
{
	kcred = (cred_t *)prepare_kernel_cred(&init_task);
	return kcred ? 0 : -ENOMEM;
}

void ddic_strsubr_fini(void)
{
	if (kcred)
		put_cred(kcred);
	kcred = NULL;
}

/*
 * dev_err(9F): cmn_err(9F) with "driver<instance>: " in front of the
 * message, after the leading !, ^ or ? that say where it goes.
 */
void ddic_dev_err(dev_info_t *dip, int ce, const char *fmt, ...)
{
	char stackbuf[160], *buf = stackbuf;
	size_t lead = strspn(fmt, "!^?"), need;
	va_list ap;

	need = strlen(fmt) + DDIC_NAME_MAX + 16;
	if (need > sizeof(stackbuf))
		buf = kmalloc(need, GFP_ATOMIC);
	va_start(ap, fmt);
	if (buf) {
		snprintf(buf, need, "%.*s%s%d: %s", (int)lead, fmt,
			 dip ? ddi_driver_name(dip) : "?",
			 dip ? ddi_get_instance(dip) : -1, fmt + lead);
		ddic_vcmn_err(ce, buf, ap);
	} else {
		ddic_vcmn_err(ce, fmt, ap);	/* no room: no prefix */
	}
	va_end(ap);
	if (buf != stackbuf)
		kfree(buf);
}
EXPORT_SYMBOL(ddic_dev_err);

/*
 * The ddi_strto*() parser: what strtoull(3C) accepts (spaces, a sign,
 * 0x or 0 for base 0 or 16/8), into a magnitude and a sign.  Returns 0,
 * EINVAL (bad base, nothing to convert) or ERANGE (more than 64 bits).
 * *endp is where the digits stopped, or @str when nothing converted.
 */
static int sto_parse(const char *str, char **endp, int base, u64 *mag,
		     bool *neg)
{
	const char *s = str, *digits;
	bool over = false;
	u64 v = 0;

	if (endp)
		*endp = (char *)str;
	if (!str || base < 0 || base == 1 || base > 36)
		return EINVAL;
	while (isspace(*s))
		s++;
	*neg = false;
	if (*s == '-' || *s == '+')
		*neg = *s++ == '-';
	if ((base == 0 || base == 16) && s[0] == '0' &&
	    (s[1] == 'x' || s[1] == 'X') && isxdigit(s[2])) {
		s += 2;
		base = 16;
	} else if (base == 0) {
		base = s[0] == '0' ? 8 : 10;
	}
	digits = s;
	for (;; s++) {
		int d;

		if (isdigit(*s))
			d = *s - '0';
		else if (isalpha(*s))
			d = tolower(*s) - 'a' + 10;
		else
			break;
		if (d >= base)
			break;
		if (v > (U64_MAX - d) / base)
			over = true;
		else
			v = v * base + d;
	}
	if (s == digits)
		return EINVAL;
	if (endp)
		*endp = (char *)s;
	*mag = over ? U64_MAX : v;
	return over ? ERANGE : 0;
}

int ddi_strtoull(const char *str, char **nptr, int base, u_longlong_t *result)
{
	bool neg;
	u64 v;
	int r;

	if (!result)
		return EINVAL;
	r = sto_parse(str, nptr, base, &v, &neg);
	if (r == ERANGE)
		*result = ULLONG_MAX;
	if (r)
		return r;
	*result = neg ? -v : v;
	return 0;
}
EXPORT_SYMBOL(ddi_strtoull);

int ddi_strtoll(const char *str, char **nptr, int base, longlong_t *result)
{
	bool neg;
	u64 v;
	int r;

	if (!result)
		return EINVAL;
	r = sto_parse(str, nptr, base, &v, &neg);
	if (r == EINVAL)
		return r;
	if (r == ERANGE || v > (neg ? (u64)LLONG_MAX + 1 : (u64)LLONG_MAX)) {
		*result = neg ? LLONG_MIN : LLONG_MAX;
		return ERANGE;
	}
	*result = neg ? (longlong_t)-v : (longlong_t)v;
	return 0;
}
EXPORT_SYMBOL(ddi_strtoll);

int ddi_strtoul(const char *str, char **nptr, int base, unsigned long *result)
{
	u_longlong_t v;
	int r;

	if (!result)
		return EINVAL;
	r = ddi_strtoull(str, nptr, base, &v);
	if (r == EINVAL)
		return r;
	if (r == ERANGE || (sizeof(long) < 8 && v > ULONG_MAX &&
			    -v > ULONG_MAX)) {
		*result = ULONG_MAX;
		return ERANGE;
	}
	*result = (unsigned long)v;
	return 0;
}
EXPORT_SYMBOL(ddi_strtoul);

int ddi_strtol(const char *str, char **nptr, int base, long *result)
{
	longlong_t v;
	int r;

	if (!result)
		return EINVAL;
	r = ddi_strtoll(str, nptr, base, &v);
	if (r == EINVAL)
		return r;
	if (r == ERANGE || v > LONG_MAX || v < LONG_MIN) {
		*result = v < 0 ? LONG_MIN : LONG_MAX;
		return ERANGE;
	}
	*result = (long)v;
	return 0;
}
EXPORT_SYMBOL(ddi_strtol);

/* ddi_strdup(9F): freed with strfree(9F) or kmem_free(s, strlen(s) + 1). */
char *ddi_strdup(const char *str, int flag)
{
	size_t len;
	char *s;

	if (!str)
		return NULL;
	len = strlen(str) + 1;
	s = kmem_alloc(len, flag);
	if (s)
		memcpy(s, str, len);
	return s;
}
EXPORT_SYMBOL(ddi_strdup);

void strfree(char *str)
{
	if (str)
		kmem_free(str, strlen(str) + 1);
}
EXPORT_SYMBOL(strfree);

/* stoi(9F): the decimal number at *str; *str moves past it. */
int stoi(char **str)
{
	const char *s = *str;
	int v = 0;

	while (isdigit(*s))
		v = v * 10 + (*s++ - '0');
	*str = (char *)s;
	return v;
}
EXPORT_SYMBOL(stoi);

/* numtos(9F): @num in decimal into @s (room for 11 bytes); returns s. */
char *numtos(unsigned long num, char *s)
{
	char digits[24];
	int n = 0, i = 0;

	do {
		digits[n++] = '0' + num % 10;
		num /= 10;
	} while (num);
	while (n)
		s[i++] = digits[--n];
	s[i] = '\0';
	return s;
}
EXPORT_SYMBOL(numtos);

/* ddi_ffs(9F), ddi_fls(9F): bits numbered from 1; 0 when none is set. */
int ddi_ffs(long mask)
{
	return mask ? __ffs((unsigned long)mask) + 1 : 0;
}
EXPORT_SYMBOL(ddi_ffs);

int ddi_fls(long mask)
{
	return mask ? __fls((unsigned long)mask) + 1 : 0;
}
EXPORT_SYMBOL(ddi_fls);

/* swab(9F): swap the bytes of each pair; an odd last byte is left. */
void ddic_swab(void *src, void *dst, size_t nbytes)
{
	const unsigned char *s = src;
	unsigned char *d = dst, t;
	size_t i;

	for (i = 0; i + 1 < nbytes; i += 2) {
		t = s[i];
		d[i] = s[i + 1];
		d[i + 1] = t;
	}
}
EXPORT_SYMBOL(ddic_swab);

/*
 * Device numbers.  The external and internal forms are the same dev_t
 * here (Linux's: 12 bits of major, 20 of minor).  The old 16-bit form of
 * cmpdev(9F) has 7 bits of major and 8 of minor; the 32-bit one of
 * cmpldev(9F)/expldev(9F) has Solaris's 14 and 18.
 */
major_t getemajor(dev_t dev)
{
	return getmajor(dev);
}
EXPORT_SYMBOL(getemajor);

minor_t geteminor(dev_t dev)
{
	return getminor(dev);
}
EXPORT_SYMBOL(geteminor);

o_dev_t cmpdev(dev_t dev)
{
	major_t maj = getmajor(dev);
	minor_t min = getminor(dev);

	if (maj > OMAXMAJ || min > OMAXMIN)
		return (o_dev_t)NODEV;
	return (o_dev_t)((maj << ONBITSMINOR) | min);
}
EXPORT_SYMBOL(cmpdev);

dev_t expldev(dev32_t dev32)
{
	major_t maj = (dev32 >> NBITSMINOR32) & MAXMAJ32;
	minor_t min = dev32 & MAXMIN32;

	if (dev32 == NODEV32 || maj > MAXMAJ || min > MAXMIN)
		return NODEV;
	return makedevice(maj, min);
}
EXPORT_SYMBOL(expldev);

int cmpldev(dev32_t *dst, dev_t dev)
{
	major_t maj = getmajor(dev);
	minor_t min = getminor(dev);

	if (dev == NODEV) {
		*dst = NODEV32;
		return 1;
	}
	if (maj > MAXMAJ32 || min > MAXMIN32) {
		*dst = NODEV32;
		return 0;
	}
	*dst = (maj << NBITSMINOR32) | min;
	return 1;
}
EXPORT_SYMBOL(cmpldev);

/*
 * Device IDs: there are no disks with serial numbers behind ddi_compat's
 * pseudo nodes, so ddi_devid_init(9F), ddi_devid_register(9F) and
 * ddi_devid_get(9F) refuse with DDI_FAILURE, as they do on Solaris for a
 * device without an ID; drivers treat that as "no devid".  See
 * docs/departures.md.
 */
int ddi_devid_init(dev_info_t *dip, ushort_t devid_type, ushort_t nbytes,
		   void *id, ddi_devid_t *retdevid)
{
	if (retdevid)
		*retdevid = NULL;
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_devid_init);

int ddi_devid_register(dev_info_t *dip, ddi_devid_t devid)
{
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_devid_register);

void ddi_devid_unregister(dev_info_t *dip)
{
}
EXPORT_SYMBOL(ddi_devid_unregister);

int ddi_devid_get(dev_info_t *dip, ddi_devid_t *retdevid)
{
	if (retdevid)
		*retdevid = NULL;
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_devid_get);

void ddi_devid_free(ddi_devid_t devid)
{
}
EXPORT_SYMBOL(ddi_devid_free);

int ddi_devid_valid(ddi_devid_t devid)
{
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_devid_valid);

size_t ddi_devid_sizeof(ddi_devid_t devid)
{
	return 0;
}
EXPORT_SYMBOL(ddi_devid_sizeof);

int ddi_devid_compare(ddi_devid_t id1, ddi_devid_t id2)
{
	/* No two IDs exist; equal only when both are absent. */
	return id1 == id2 ? 0 : (id1 ? 1 : -1);
}
EXPORT_SYMBOL(ddi_devid_compare);
