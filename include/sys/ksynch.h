/* SPDX-License-Identifier: GPL-2.0 */
/*
 * mutex(9F), condvar(9F), rwlock(9F).
 *
 * kmutex_t is a Linux sleeping mutex plus its owner (for mutex_owned());
 * krwlock_t a read/write semaphore plus its writer; kcondvar_t a list of
 * waiters, each woken individually, so a cv_signal() is never lost to a
 * waiter that is leaving on a signal or a timeout at the same moment.
 *
 * As on Solaris, an all-zero lock or condition variable (static storage,
 * kmem_zalloc, soft state) is usable without mutex_init/cv_init/rw_init:
 * the first use sets it up.
 *
 * Departure: every kmutex_t is adaptive (sleeping).  MUTEX_SPIN and
 * interrupt-priority arguments are accepted and ignored; ddi_compat has
 * no interrupt-level Solaris code, so nothing needs a spin mutex.
 *
 * The init macros give each call site its own lockdep class, as Linux's
 * own mutex_init() does.
 */
#ifndef _SYS_KSYNCH_H
#define _SYS_KSYNCH_H

#include <sys/types.h>

typedef enum {
	MUTEX_ADAPTIVE = 0,
	MUTEX_SPIN = 1,
	MUTEX_DRIVER = 4,
	MUTEX_DEFAULT = 6
} kmutex_type_t;

typedef enum {
	CV_DEFAULT,
	CV_DRIVER
} kcv_type_t;

typedef enum {
	RW_DRIVER = 2,
	RW_DEFAULT = 4,
	DDIC_RW_NOLOCKDEP = 5
} krw_type_t;

typedef enum {
	RW_WRITER,
	RW_READER,
	RW_READER_STARVEWRITER
} krw_t;

/* Time resolutions for cv_reltimedwait(9F). */
typedef enum {
	TR_NANOSEC,
	TR_MICROSEC,
	TR_MILLISEC,
	TR_SEC,
	TR_CLOCK_TICK,
	TR_COUNT
} time_res_t;

typedef struct kmutex {
	struct mutex m_lock;
	struct task_struct *m_owner;
	int m_ready;
} kmutex_t;

typedef struct kcondvar {
	spinlock_t c_lock;
	struct list_head c_waiters;
	int c_ready;
} kcondvar_t;

typedef struct krwlock {
	struct rw_semaphore r_sem;
	struct task_struct *r_writer;
	atomic_t r_readers;
	int r_ready;
} krwlock_t;

/* Semaphores, semaphore(9F): <sys/ksynch.h> reaches them, as on Solaris. */
#include <sys/semaphore.h>

void ddic_mutex_init(kmutex_t *mp, char *name, kmutex_type_t type, void *arg,
		    struct lock_class_key *key);
void ddic_mutex_enter_site(kmutex_t *mp, const char *name,
			   struct lock_class_key *key);
int ddic_mutex_tryenter_site(kmutex_t *mp, const char *name,
			     struct lock_class_key *key);
void ddic_rw_enter_site(krwlock_t *rwp, krw_t enter_type, const char *name,
			struct lock_class_key *key);
int ddic_rw_tryenter_site(krwlock_t *rwp, krw_t enter_type, const char *name,
			  struct lock_class_key *key);
void ddic_mutex_destroy(kmutex_t *mp);
void mutex_enter(kmutex_t *mp);
void mutex_exit(kmutex_t *mp);
int mutex_tryenter(kmutex_t *mp);
int mutex_owned(const kmutex_t *mp);
struct task_struct *mutex_owner(const kmutex_t *mp);

void ddic_cv_init(kcondvar_t *cvp, char *name, kcv_type_t type, void *arg);
void cv_destroy(kcondvar_t *cvp);
void cv_wait(kcondvar_t *cvp, kmutex_t *mp);
int cv_wait_sig(kcondvar_t *cvp, kmutex_t *mp);
int cv_wait_sig_swap(kcondvar_t *cvp, kmutex_t *mp);
clock_t cv_timedwait(kcondvar_t *cvp, kmutex_t *mp, clock_t abstime);
clock_t cv_timedwait_sig(kcondvar_t *cvp, kmutex_t *mp, clock_t abstime);
clock_t cv_reltimedwait(kcondvar_t *cvp, kmutex_t *mp, clock_t delta,
			time_res_t res);
clock_t cv_reltimedwait_sig(kcondvar_t *cvp, kmutex_t *mp, clock_t delta,
			    time_res_t res);
void cv_signal(kcondvar_t *cvp);
void cv_broadcast(kcondvar_t *cvp);

void ddic_rw_init(krwlock_t *rwp, char *name, krw_type_t type, void *arg,
		 struct lock_class_key *key);
void rw_destroy(krwlock_t *rwp);
void rw_enter(krwlock_t *rwp, krw_t enter_type);
int rw_tryenter(krwlock_t *rwp, krw_t enter_type);
void rw_exit(krwlock_t *rwp);
int rw_tryupgrade(krwlock_t *rwp);
void rw_downgrade(krwlock_t *rwp);
int rw_read_locked(krwlock_t *rwp);
int rw_write_held(krwlock_t *rwp);
int rw_lock_held(krwlock_t *rwp);

/*
 * Lock assertions as on Solaris (<sys/mutex.h>, <sys/rwlock.h>).
 * RW_READ_HELD: held as a reader by some thread (Solaris cannot tell
 * which either); RW_WRITE_HELD: held as the writer by this thread.
 */
#define MUTEX_HELD(x)		(mutex_owned(x))
#define MUTEX_NOT_HELD(x)	(!mutex_owned(x))
#define RW_READ_HELD(x)		(rw_read_locked(x))
#define RW_WRITE_HELD(x)	(rw_write_held(x))
#define RW_LOCK_HELD(x)		(rw_lock_held(x))

#define ddic_mutex_init_site(mp, name, type, arg)			\
	do {								\
		static struct lock_class_key __ddic_key;			\
									\
		ddic_mutex_init((mp), (name), (type), (arg), &__ddic_key); \
	} while (0)

/*
 * A zero-filled lock is set up by the first mutex_enter/rw_enter (or the
 * try forms) that takes it.  Each such call site carries its own lockdep
 * class key, used only if the lock is still zero-filled there, so zeroed
 * locks get per-site classes as initialised ones do (one shared class
 * would make lockdep report any two zeroed locks held together as
 * recursive locking).  The exported functions of the same names remain.
 * The macros are expressions (of type void), as the calls are, so that
 * uses such as INCR_COUNT's comma expression still work.
 */
#define mutex_enter(mp)							\
	({								\
		static struct lock_class_key __ddic_key;			\
									\
		ddic_mutex_enter_site((mp), #mp, &__ddic_key);		\
	})

#define mutex_tryenter(mp)						\
	({								\
		static struct lock_class_key __ddic_key;			\
									\
		ddic_mutex_tryenter_site((mp), #mp, &__ddic_key);	\
	})

#define rw_enter(rwp, type)						\
	({								\
		static struct lock_class_key __ddic_key;			\
									\
		ddic_rw_enter_site((rwp), (type), #rwp, &__ddic_key);	\
	})

#define rw_tryenter(rwp, type)						\
	({								\
		static struct lock_class_key __ddic_key;			\
									\
		ddic_rw_tryenter_site((rwp), (type), #rwp, &__ddic_key);	\
	})

#define cv_init(cvp, name, type, arg)	ddic_cv_init((cvp), (name), (type), (arg))

#define rw_init(rwp, name, type, arg)					\
	do {								\
		static struct lock_class_key __ddic_key;			\
									\
		ddic_rw_init((rwp), (name), (type), (arg), &__ddic_key);	\
	} while (0)

#endif /* _SYS_KSYNCH_H */
