// SPDX-License-Identifier: GPL-2.0
/*
 * mutex(9F), condvar(9F), rwlock(9F) over Linux mutexes, rw_semaphores
 * and hand-made waiter lists.
 *
 * Condition variables: each waiter queues a record on the cv and sleeps
 * until cv_signal()/cv_broadcast() marks its record woken.  The record is
 * queued before the mutex is dropped, so a signal sent once the mutex is
 * free always finds it (no lost wakeup).  A waiter leaving on a signal or
 * a timeout checks, under the cv's lock, whether it was woken meanwhile;
 * if so it reports a wakeup rather than the signal or timeout, so the
 * cv_signal() is not swallowed.  Return values are Solaris's:
 * cv_wait_sig() 0 on a signal, cv_timedwait() -1 on timeout, else > 0.
 */
#include <linux/mutex.h>
#include <linux/rwsem.h>
#include <linux/sched.h>
#include <linux/sched/signal.h>
#include <linux/jiffies.h>
#include <linux/spinlock.h>
#include <linux/wait_bit.h>
#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/sunddi.h>

#include "ddic_core.h"
#include <ddi_compat/testing.h>

/* The exported functions; drivers reach them through the site macros. */
#undef mutex_enter
#undef mutex_tryenter
#undef rw_enter
#undef rw_tryenter

/*
 * Zeroed locks are set up on first use; this serialises that.  A first
 * use through a site macro of <sys/ksynch.h> brings that site's class
 * key; one through the exported function (no site) the shared key.
 */
static DEFINE_SPINLOCK(ddic_lazy_lock);
static struct lock_class_key ddic_lazy_mutex_key;
static struct lock_class_key ddic_lazy_rw_key;

void ddic_mutex_init(kmutex_t *mp, char *name, kmutex_type_t type, void *arg,
		    struct lock_class_key *key)
{
	__mutex_init(&mp->m_lock, name ? name : "kmutex_t", key);
	mp->m_owner = NULL;
	/* Ready only once set up; pairs with ddic_mutex_ready(). */
	smp_store_release(&mp->m_ready, 1);
}
EXPORT_SYMBOL(ddic_mutex_init);

static noinline void ddic_mutex_lazy(kmutex_t *mp, const char *name,
				    struct lock_class_key *key)
{
	unsigned long flags;

	spin_lock_irqsave(&ddic_lazy_lock, flags);
	if (!mp->m_ready)
		ddic_mutex_init(mp, (char *)name, MUTEX_DEFAULT, NULL, key);
	spin_unlock_irqrestore(&ddic_lazy_lock, flags);
}

static inline void ddic_mutex_ready_site(kmutex_t *mp, const char *name,
					struct lock_class_key *key)
{
	/* Pairs with the release in ddic_mutex_init(). */
	if (unlikely(!smp_load_acquire(&mp->m_ready)))
		ddic_mutex_lazy(mp, name, key);
}

static inline void ddic_mutex_ready(kmutex_t *mp)
{
	ddic_mutex_ready_site(mp, "kmutex_t (zeroed)", &ddic_lazy_mutex_key);
}

void ddic_mutex_destroy(kmutex_t *mp)
{
	if (!mp->m_ready)
		return;
	if (mp->m_owner)
		pr_warn("mutex_destroy: %p is held\n", mp);
	mutex_destroy(&mp->m_lock);
	mp->m_ready = 0;
}
EXPORT_SYMBOL(ddic_mutex_destroy);

static inline void ddic_mutex_lock(kmutex_t *mp)
{
	mutex_lock(&mp->m_lock);
	WRITE_ONCE(mp->m_owner, current);
}

static inline int ddic_mutex_trylock(kmutex_t *mp)
{
	if (!mutex_trylock(&mp->m_lock))
		return 0;
	WRITE_ONCE(mp->m_owner, current);
	return 1;
}

void mutex_enter(kmutex_t *mp)
{
	ddic_mutex_ready(mp);
	ddic_mutex_lock(mp);
}
EXPORT_SYMBOL(mutex_enter);

void ddic_mutex_enter_site(kmutex_t *mp, const char *name,
			   struct lock_class_key *key)
{
	ddic_mutex_ready_site(mp, name, key);
	ddic_mutex_lock(mp);
}
EXPORT_SYMBOL(ddic_mutex_enter_site);

int mutex_tryenter(kmutex_t *mp)
{
	ddic_mutex_ready(mp);
	return ddic_mutex_trylock(mp);
}
EXPORT_SYMBOL(mutex_tryenter);

int ddic_mutex_tryenter_site(kmutex_t *mp, const char *name,
			     struct lock_class_key *key)
{
	ddic_mutex_ready_site(mp, name, key);
	return ddic_mutex_trylock(mp);
}
EXPORT_SYMBOL(ddic_mutex_tryenter_site);

void mutex_exit(kmutex_t *mp)
{
	WRITE_ONCE(mp->m_owner, NULL);
	mutex_unlock(&mp->m_lock);
}
EXPORT_SYMBOL(mutex_exit);

int mutex_owned(const kmutex_t *mp)
{
	return READ_ONCE(mp->m_owner) == current;
}
EXPORT_SYMBOL(mutex_owned);

struct task_struct *mutex_owner(const kmutex_t *mp)
{
	return READ_ONCE(mp->m_owner);
}
EXPORT_SYMBOL(mutex_owner);

/* Condition variables. */

struct ddic_cv_waiter {
	struct list_head link;
	struct task_struct *task;
	/*
	 * Read without c_lock in ddic_cv_block()'s loop.  An int, not a
	 * bool: gcc 12 instruments READ_ONCE() of a bool as a plain load,
	 * which KCSAN then reports as a data race with ddic_cv_wake()'s
	 * WRITE_ONCE() (seen on the kcsan-6.12 guest).  The other flags
	 * read with READ_ONCE() outside their lock are ints for the same
	 * reason.
	 */
	int woken;
};

void ddic_cv_init(kcondvar_t *cvp, char *name, kcv_type_t type, void *arg)
{
	spin_lock_init(&cvp->c_lock);
	INIT_LIST_HEAD(&cvp->c_waiters);
	/* Ready only once set up; pairs with ddic_cv_ready(). */
	smp_store_release(&cvp->c_ready, 1);
}
EXPORT_SYMBOL(ddic_cv_init);

static void ddic_cv_ready(kcondvar_t *cvp)
{
	unsigned long flags;

	/* Pairs with the release in ddic_cv_init(). */
	if (likely(smp_load_acquire(&cvp->c_ready)))
		return;
	spin_lock_irqsave(&ddic_lazy_lock, flags);
	if (!cvp->c_ready)
		ddic_cv_init(cvp, NULL, CV_DEFAULT, NULL);
	spin_unlock_irqrestore(&ddic_lazy_lock, flags);
}

void cv_destroy(kcondvar_t *cvp)
{
	unsigned long flags;

	if (!cvp->c_ready)
		return;
	spin_lock_irqsave(&cvp->c_lock, flags);
	if (!list_empty(&cvp->c_waiters))
		pr_warn("%s: %p still has waiters\n", __func__, cvp);
	spin_unlock_irqrestore(&cvp->c_lock, flags);
	cvp->c_ready = 0;
}
EXPORT_SYMBOL(cv_destroy);

/*
 * Sleep on @cvp, dropping @mp, for at most @timeout jiffies
 * (MAX_SCHEDULE_TIMEOUT: no limit).  Returns 1 when woken, 0 when a
 * signal came first (only if @state allows signals), -1 on timeout.
 */
static int ddic_cv_block(kcondvar_t *cvp, kmutex_t *mp, long timeout,
			unsigned int state)
{
	struct ddic_cv_waiter w = { .task = current };
	unsigned long flags;
	int ret;

	ddic_cv_ready(cvp);
	if (!mutex_owned(mp))
		pr_warn_once("cv_wait on %p without holding mutex %p\n", cvp,
			     mp);
	spin_lock_irqsave(&cvp->c_lock, flags);
	list_add_tail(&w.link, &cvp->c_waiters);
	spin_unlock_irqrestore(&cvp->c_lock, flags);
	mutex_exit(mp);

	for (;;) {
		set_current_state(state);
		if (READ_ONCE(w.woken)) {
			ret = 1;
			break;
		}
		if (signal_pending_state(state, current)) {
			ret = 0;
			break;
		}
		if (!timeout) {
			ret = -1;
			break;
		}
		timeout = schedule_timeout(timeout);
	}
	__set_current_state(TASK_RUNNING);

	/* Leaving without a wakeup: unless one came in the meantime. */
	spin_lock_irqsave(&cvp->c_lock, flags);
	if (w.woken)
		ret = 1;
	else
		list_del(&w.link);
	spin_unlock_irqrestore(&cvp->c_lock, flags);

	mutex_enter(mp);
	return ret;
}

static void ddic_cv_wake(kcondvar_t *cvp, bool all)
{
	struct ddic_cv_waiter *w;
	unsigned long flags;

	ddic_cv_ready(cvp);
	spin_lock_irqsave(&cvp->c_lock, flags);
	while (!list_empty(&cvp->c_waiters)) {
		w = list_first_entry(&cvp->c_waiters, struct ddic_cv_waiter,
				     link);
		list_del(&w->link);
		/*
		 * The waiter confirms w->woken under c_lock before its
		 * stack frame goes, so w and w->task stay valid here.
		 */
		WRITE_ONCE(w->woken, 1);
		wake_up_process(w->task);
		if (!all)
			break;
	}
	spin_unlock_irqrestore(&cvp->c_lock, flags);
}

void cv_signal(kcondvar_t *cvp)
{
	ddic_cv_wake(cvp, false);
}
EXPORT_SYMBOL(cv_signal);

void cv_broadcast(kcondvar_t *cvp)
{
	ddic_cv_wake(cvp, true);
}
EXPORT_SYMBOL(cv_broadcast);

int ddic_cv_has_waiters(kcondvar_t *cvp)
{
	ddic_cv_ready(cvp);
	return !list_empty(&cvp->c_waiters);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_cv_has_waiters);

void cv_wait(kcondvar_t *cvp, kmutex_t *mp)
{
	ddic_cv_block(cvp, mp, MAX_SCHEDULE_TIMEOUT, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(cv_wait);

int cv_wait_sig(kcondvar_t *cvp, kmutex_t *mp)
{
	return ddic_cv_block(cvp, mp, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(cv_wait_sig);

/*
 * cv_wait_sig_swap(9F): cv_wait_sig() that lets the sleeping thread be
 * swapped out.  Linux does not swap kernel threads' stacks, so it is
 * cv_wait_sig().
 */
int cv_wait_sig_swap(kcondvar_t *cvp, kmutex_t *mp)
{
	return ddic_cv_block(cvp, mp, MAX_SCHEDULE_TIMEOUT, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(cv_wait_sig_swap);

/* Ticks from now until the lbolt value @abstime; 0 if already past. */
static long ddic_ticks_until(clock_t abstime)
{
	clock_t left = abstime - ddi_get_lbolt();

	if (left <= 0)
		return 0;
	return min_t(clock_t, left, MAX_SCHEDULE_TIMEOUT - 1);
}

clock_t cv_timedwait(kcondvar_t *cvp, kmutex_t *mp, clock_t abstime)
{
	long t = ddic_ticks_until(abstime);

	if (!t)
		return -1;
	return ddic_cv_block(cvp, mp, t, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(cv_timedwait);

clock_t cv_timedwait_sig(kcondvar_t *cvp, kmutex_t *mp, clock_t abstime)
{
	long t = ddic_ticks_until(abstime);

	if (!t)
		return -1;
	return ddic_cv_block(cvp, mp, t, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(cv_timedwait_sig);

/*
 * cv_reltimedwait(9F)'s @delta is in clock ticks whatever the resolution;
 * @res only says how exact the wakeup must be (illumos may defer it).
 * Linux's timers take no such hint, so it is not used: the wait is
 * @delta jiffies (hz is Linux's HZ, and drv_usectohz(9F) converts into it).
 */
static long ddic_reltime_ticks(clock_t delta, time_res_t res)
{
	if (delta <= 0)
		return 0;
	return min_t(clock_t, delta, MAX_SCHEDULE_TIMEOUT - 1);
}

clock_t cv_reltimedwait(kcondvar_t *cvp, kmutex_t *mp, clock_t delta,
			time_res_t res)
{
	long t = ddic_reltime_ticks(delta, res);

	if (!t)
		return -1;
	return ddic_cv_block(cvp, mp, t, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(cv_reltimedwait);

clock_t cv_reltimedwait_sig(kcondvar_t *cvp, kmutex_t *mp, clock_t delta,
			    time_res_t res)
{
	long t = ddic_reltime_ticks(delta, res);

	if (!t)
		return -1;
	return ddic_cv_block(cvp, mp, t, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(cv_reltimedwait_sig);

/*
 * Reader/writer locks.  rw_exit() must know how the lock is held: the
 * writer is recorded, so anyone else releasing holds it as a reader.
 */
void ddic_rw_init(krwlock_t *rwp, char *name, krw_type_t type, void *arg,
		 struct lock_class_key *key)
{
	__init_rwsem(&rwp->r_sem, name ? name : "krwlock_t", key);
	rwp->r_writer = NULL;
	atomic_set(&rwp->r_readers, 0);
	/* Ready only once set up; pairs with ddic_rw_ready(). */
	smp_store_release(&rwp->r_ready, 1);
}
EXPORT_SYMBOL(ddic_rw_init);

static noinline void ddic_rw_lazy(krwlock_t *rwp, const char *name,
				 struct lock_class_key *key)
{
	unsigned long flags;

	spin_lock_irqsave(&ddic_lazy_lock, flags);
	if (!rwp->r_ready)
		ddic_rw_init(rwp, (char *)name, RW_DEFAULT, NULL, key);
	spin_unlock_irqrestore(&ddic_lazy_lock, flags);
}

static inline void ddic_rw_ready_site(krwlock_t *rwp, const char *name,
				     struct lock_class_key *key)
{
	/* Pairs with the release in ddic_rw_init(). */
	if (unlikely(!smp_load_acquire(&rwp->r_ready)))
		ddic_rw_lazy(rwp, name, key);
}

static inline void ddic_rw_ready(krwlock_t *rwp)
{
	ddic_rw_ready_site(rwp, "krwlock_t (zeroed)", &ddic_lazy_rw_key);
}

void rw_destroy(krwlock_t *rwp)
{
	if (rwp->r_ready && (rwp->r_writer || atomic_read(&rwp->r_readers)))
		pr_warn("%s: %p is held\n", __func__, rwp);
	rwp->r_ready = 0;
}
EXPORT_SYMBOL(rw_destroy);

static inline void ddic_rw_lock(krwlock_t *rwp, krw_t enter_type)
{
	if (enter_type == RW_WRITER) {
		down_write(&rwp->r_sem);
		WRITE_ONCE(rwp->r_writer, current);
	} else {
		down_read(&rwp->r_sem);
		atomic_inc(&rwp->r_readers);
	}
}

void rw_enter(krwlock_t *rwp, krw_t enter_type)
{
	ddic_rw_ready(rwp);
	ddic_rw_lock(rwp, enter_type);
}
EXPORT_SYMBOL(rw_enter);

void ddic_rw_enter_site(krwlock_t *rwp, krw_t enter_type, const char *name,
			struct lock_class_key *key)
{
	ddic_rw_ready_site(rwp, name, key);
	ddic_rw_lock(rwp, enter_type);
}
EXPORT_SYMBOL(ddic_rw_enter_site);

static inline int ddic_rw_trylock(krwlock_t *rwp, krw_t enter_type)
{
	if (enter_type == RW_WRITER) {
		if (!down_write_trylock(&rwp->r_sem))
			return 0;
		WRITE_ONCE(rwp->r_writer, current);
	} else {
		if (!down_read_trylock(&rwp->r_sem))
			return 0;
		atomic_inc(&rwp->r_readers);
	}
	return 1;
}

int rw_tryenter(krwlock_t *rwp, krw_t enter_type)
{
	ddic_rw_ready(rwp);
	return ddic_rw_trylock(rwp, enter_type);
}
EXPORT_SYMBOL(rw_tryenter);

int ddic_rw_tryenter_site(krwlock_t *rwp, krw_t enter_type, const char *name,
			  struct lock_class_key *key)
{
	ddic_rw_ready_site(rwp, name, key);
	return ddic_rw_trylock(rwp, enter_type);
}
EXPORT_SYMBOL(ddic_rw_tryenter_site);

void rw_exit(krwlock_t *rwp)
{
	if (READ_ONCE(rwp->r_writer) == current) {
		WRITE_ONCE(rwp->r_writer, NULL);
		up_write(&rwp->r_sem);
	} else {
		atomic_dec(&rwp->r_readers);
		up_read(&rwp->r_sem);
	}
}
EXPORT_SYMBOL(rw_exit);

/*
 * Departure: Linux has no reader-to-writer upgrade, so rw_tryupgrade()
 * always fails.  Solaris allows it to fail whenever the upgrade is not
 * immediately possible, and callers fall back to rw_exit()+rw_enter().
 */
int rw_tryupgrade(krwlock_t *rwp)
{
	return 0;
}
EXPORT_SYMBOL(rw_tryupgrade);

void rw_downgrade(krwlock_t *rwp)
{
	WRITE_ONCE(rwp->r_writer, NULL);
	atomic_inc(&rwp->r_readers);
	downgrade_write(&rwp->r_sem);
}
EXPORT_SYMBOL(rw_downgrade);

int rw_read_locked(krwlock_t *rwp)
{
	return atomic_read(&rwp->r_readers) > 0;
}
EXPORT_SYMBOL(rw_read_locked);

int rw_write_held(krwlock_t *rwp)
{
	return READ_ONCE(rwp->r_writer) == current;
}
EXPORT_SYMBOL(rw_write_held);

int rw_lock_held(krwlock_t *rwp)
{
	return rw_write_held(rwp) || rw_read_locked(rwp);
}
EXPORT_SYMBOL(rw_lock_held);

/*
 * Semaphores, semaphore(9F).  The count is taken with
 * atomic_dec_if_positive(); a thread that finds it zero sleeps on the
 * kernel's hashed wait queue for the ksema_t's address until sema_v()
 * wakes it.  The waiter queues itself before trying again, and sema_v()
 * raises the count before looking for waiters (the atomic and the barrier
 * order the two), so a sema_v() is never missed.
 *
 * Departure: waiters are not served first come first served; every
 * waiter is woken by a sema_v() and one takes the count
 * (docs/departures.md, "Semaphores").
 */
void ddic_sema_init(ksema_t *sp, uint_t val, char *name, ksema_type_t type,
		    void *arg)
{
	if (val > INT_MAX) {
		pr_warn("sema_init(%p, %u) from %pS: value too large; using %d\n",
			sp, val, (void *)_RET_IP_, INT_MAX);
		val = INT_MAX;
	}
	atomic_set(&sp->s_count, val);
	atomic_set(&sp->s_sleepers, 0);
	sp->s_pad = NULL;
}
EXPORT_SYMBOL(ddic_sema_init);

void sema_destroy(ksema_t *sp)
{
	if (atomic_read(&sp->s_sleepers))
		pr_warn("%s(%p) from %pS: %d threads still asleep on it\n",
			__func__, sp, (void *)_RET_IP_, atomic_read(&sp->s_sleepers));
}
EXPORT_SYMBOL(sema_destroy);

static inline bool sem_trydown(ksema_t *sp)
{
	return atomic_dec_if_positive(&sp->s_count) >= 0;
}

/* Sleep until the count can be taken (0) or, if @state allows, a signal (1). */
static int sem_sleep(ksema_t *sp, unsigned int state)
{
	struct wait_queue_head *wq = __var_waitqueue(sp);
	struct wait_bit_queue_entry wbq;
	int ret = 0;

	init_wait_var_entry(&wbq, sp, 0);
	atomic_inc(&sp->s_sleepers);
	for (;;) {
		prepare_to_wait_event(wq, &wbq.wq_entry, state);
		if (sem_trydown(sp))
			break;
		if (signal_pending_state(state, current)) {
			ret = 1;
			break;
		}
		schedule();
	}
	finish_wait(wq, &wbq.wq_entry);
	atomic_dec(&sp->s_sleepers);
	return ret;
}

void sema_p(ksema_t *sp)
{
	might_sleep();
	if (!sem_trydown(sp))
		sem_sleep(sp, TASK_UNINTERRUPTIBLE);
}
EXPORT_SYMBOL(sema_p);

int sema_p_sig(ksema_t *sp)
{
	might_sleep();
	if (sem_trydown(sp))
		return 0;
	return sem_sleep(sp, TASK_INTERRUPTIBLE);
}
EXPORT_SYMBOL(sema_p_sig);

void sema_v(ksema_t *sp)
{
	atomic_inc(&sp->s_count);
	/* Order the count before the look for waiters in wake_up_var(). */
	smp_mb__after_atomic();
	wake_up_var(sp);
}
EXPORT_SYMBOL(sema_v);

int sema_tryp(ksema_t *sp)
{
	return sem_trydown(sp);
}
EXPORT_SYMBOL(sema_tryp);
