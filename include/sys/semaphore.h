/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Counting semaphores: semaphore(9F) (sema_init, sema_destroy, sema_p,
 * sema_p_sig, sema_v, sema_tryp).
 *
 * ksema_t keeps Solaris's size (two pointers; struct buf embeds two).  It
 * holds the count and the number of sleepers; sleepers wait on the
 * kernel's hashed per-address wait queues (wait_var_event), so nothing is
 * allocated.  As on Solaris, a zero-filled ksema_t is a semaphore with
 * value 0.
 *
 * Linux has a sema_init() of its own (<linux/semaphore.h>, struct
 * semaphore).  Inside a Solaris driver the Solaris one wins: the name is a
 * macro over ddic_sema_init(); ddi_compat's own files, built with
 * _DDI_COMPAT_IMPL, keep Linux's.  See <ddi_compat/solaris_names.h>.
 */
#ifndef _SYS_SEMAPHORE_H
#define _SYS_SEMAPHORE_H

#include <sys/types.h>

typedef enum {
	SEMA_DEFAULT,
	SEMA_DRIVER
} ksema_type_t;

typedef struct _ksema {
	atomic_t s_count;	/* the semaphore's value */
	atomic_t s_sleepers;	/* threads asleep in sema_p/sema_p_sig */
	void *s_pad;
} ksema_t;

void ddic_sema_init(ksema_t *sp, uint_t val, char *name, ksema_type_t type,
		    void *arg);
void sema_destroy(ksema_t *sp);
void sema_p(ksema_t *sp);
int sema_p_sig(ksema_t *sp);
void sema_v(ksema_t *sp);
int sema_tryp(ksema_t *sp);

#ifndef _DDI_COMPAT_IMPL
#undef sema_init
#define sema_init(sp, val, name, type, arg)				\
	ddic_sema_init((sp), (val), (name), (type), (arg))
#endif

#endif /* _SYS_SEMAPHORE_H */
