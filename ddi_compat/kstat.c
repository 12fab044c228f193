// SPDX-License-Identifier: GPL-2.0
/*
 * Kernel statistics: kstat_create(9F), kstat_install(9F), kstat_delete(9F),
 * kstat_named_init(9F), kstat_queue(9F).
 *
 * Every kstat lives on one list in creation (kid) order.  Readers find
 * the next installed kstat under ksc_lock, take a hold on it and drop the
 * list lock before calling the driver's ks_update under its ks_lock, so
 * the list lock is never held across driver code: a driver may call
 * kstat_create() or kstat_delete() under a lock its ks_update also takes.
 * kstat_delete() unlinks the kstat and waits for the holds to go, as
 * Solaris does; like there, it must not be called with ks_lock held.
 *
 * User space reads /proc/ddi_kstat (0444, also readable under lockdown,
 * which closes debugfs): one "module:instance:name:statistic<TAB>value"
 * line per statistic, "class", "crtime" and "snaptime" included, the
 * format of kstat -p.  The guest's kstat command filters and formats it.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/ctype.h>
#include <linux/list.h>
#include <linux/mutex.h>
#include <linux/proc_fs.h>
#include <linux/seq_file.h>
#include <linux/slab.h>
#include <linux/wait.h>
#include <sys/types.h>
#include <sys/kstat.h>
#include <sys/cmn_err.h>

#include "ddic_core.h"

struct ksc_ent {
	kstat_t ks;
	struct list_head link;		/* on ksc_list, in kid order */
	atomic_t holds;			/* readers formatting it */
	bool installed;
	bool dormant;			/* deleted, persistent */
};

static DEFINE_MUTEX(ksc_lock);
static LIST_HEAD(ksc_list);
static kid_t ksc_next_kid = 1;
static DECLARE_WAIT_QUEUE_HEAD(ksc_wq);

static struct ksc_ent *ksc_of(kstat_t *ksp)
{
	return container_of(ksp, struct ksc_ent, ks);
}

/* The kstat module:instance:name, if on the list.  ksc_lock held. */
static struct ksc_ent *ksc_find(const char *module, int instance,
				const char *name)
{
	struct ksc_ent *e;

	list_for_each_entry(e, &ksc_list, link)
		if (e->ks.ks_instance == instance &&
		    !strcmp(e->ks.ks_module, module) &&
		    !strcmp(e->ks.ks_name, name))
			return e;
	return NULL;
}

kstat_t *kstat_create(const char *ks_module, int ks_instance,
		      const char *ks_name, const char *ks_class, uchar_t ks_type,
		      ulong_t ks_ndata, uchar_t ks_flag)
{
	char name[KSTAT_STRLEN];
	struct ksc_ent *e;
	size_t size;
	void *data = NULL;

	if (!ks_module || !ks_class || ks_type >= KSTAT_NUM_TYPES) {
		cmn_err(CE_WARN, "%s(%s, %d, %s): bad module, class or type %u",
			__func__, ks_module ? ks_module : "NULL", ks_instance,
			ks_name ? ks_name : "NULL", ks_type);
		return NULL;
	}
	/* A kstat without a name is named after its module and instance. */
	if (ks_name)
		strscpy(name, ks_name, sizeof(name));
	else
		snprintf(name, sizeof(name), "%s%d", ks_module, ks_instance);

	switch (ks_type) {
	case KSTAT_TYPE_RAW:
		size = ks_ndata;	/* bytes, in one record */
		ks_ndata = 1;
		break;
	case KSTAT_TYPE_NAMED:
		size = ks_ndata * sizeof(kstat_named_t);
		break;
	case KSTAT_TYPE_INTR:
		size = ks_ndata * sizeof(kstat_intr_t);
		break;
	case KSTAT_TYPE_IO:
		size = ks_ndata * sizeof(kstat_io_t);
		break;
	default:
		size = ks_ndata * sizeof(kstat_timer_t);
		break;
	}
	if ((ks_type == KSTAT_TYPE_INTR || ks_type == KSTAT_TYPE_IO) &&
	    ks_ndata != 1) {
		cmn_err(CE_WARN, "%s(%s, %d, %s): ks_ndata %lu, must be 1",
			__func__, ks_module, ks_instance, name, ks_ndata);
		return NULL;
	}
	if ((ks_flag & KSTAT_FLAG_PERSISTENT) && (ks_flag & KSTAT_FLAG_VIRTUAL)) {
		cmn_err(CE_WARN, "%s(%s, %d, %s): a persistent kstat cannot be virtual",
			__func__, ks_module, ks_instance, name);
		return NULL;
	}

	mutex_lock(&ksc_lock);
	e = ksc_find(ks_module, ks_instance, name);
	if (e && e->dormant && e->ks.ks_type == ks_type &&
	    e->ks.ks_ndata == ks_ndata && e->ks.ks_data_size == size &&
	    !strncmp(e->ks.ks_class, ks_class, KSTAT_STRLEN - 1)) {
		/* A persistent kstat comes back with its data. */
		e->dormant = false;
		e->installed = false;
		e->ks.ks_flags = (ks_flag & ~KSTAT_FLAG_DORMANT) |
				 KSTAT_FLAG_INVALID;
		mutex_unlock(&ksc_lock);
		return &e->ks;
	}
	if (e) {
		mutex_unlock(&ksc_lock);
		cmn_err(CE_WARN, "%s(%s, %d, %s): namespace collision",
			__func__, ks_module, ks_instance, name);
		return NULL;
	}
	mutex_unlock(&ksc_lock);

	e = kzalloc(sizeof(*e), GFP_KERNEL);
	if (!e)
		return NULL;
	if (!(ks_flag & KSTAT_FLAG_VIRTUAL) && size) {
		data = kvzalloc(size, GFP_KERNEL);
		if (!data) {
			kfree(e);
			return NULL;
		}
	}
	atomic_set(&e->holds, 0);
	strscpy(e->ks.ks_module, ks_module, KSTAT_STRLEN);
	strscpy(e->ks.ks_name, name, KSTAT_STRLEN);
	strscpy(e->ks.ks_class, ks_class, KSTAT_STRLEN);
	e->ks.ks_instance = ks_instance;
	e->ks.ks_type = ks_type;
	e->ks.ks_flags = (ks_flag & ~KSTAT_FLAG_DORMANT) | KSTAT_FLAG_INVALID;
	e->ks.ks_ndata = ks_ndata;
	e->ks.ks_data_size = size;
	e->ks.ks_data = data;
	e->ks.ks_crtime = gethrtime();

	mutex_lock(&ksc_lock);
	if (ksc_find(ks_module, ks_instance, name)) {
		mutex_unlock(&ksc_lock);
		cmn_err(CE_WARN, "%s(%s, %d, %s): namespace collision",
			__func__, ks_module, ks_instance, name);
		kvfree(data);
		kfree(e);
		return NULL;
	}
	e->ks.ks_kid = ksc_next_kid++;
	list_add_tail(&e->link, &ksc_list);
	mutex_unlock(&ksc_lock);
	return &e->ks;
}
EXPORT_SYMBOL(kstat_create);

void kstat_install(kstat_t *ksp)
{
	struct ksc_ent *e;

	if (!ksp)
		return;
	e = ksc_of(ksp);
	mutex_lock(&ksc_lock);
	e->installed = true;
	ksp->ks_flags &= ~KSTAT_FLAG_INVALID;
	mutex_unlock(&ksc_lock);
}
EXPORT_SYMBOL(kstat_install);

static void ksc_free(struct ksc_ent *e)
{
	if (!(e->ks.ks_flags & KSTAT_FLAG_VIRTUAL))
		kvfree(e->ks.ks_data);
	kfree(e);
}

/*
 * A persistent kstat keeps its data but nothing of the driver's: the
 * update routine, lock, private data and the strings of named statistics
 * (which point into the driver) are dropped until it is created again.
 */
static void ksc_make_dormant(struct ksc_ent *e)
{
	kstat_t *ksp = &e->ks;
	kstat_named_t *knp = ksp->ks_data;
	uint_t i;

	ksp->ks_update = NULL;
	ksp->ks_lock = NULL;
	ksp->ks_private = NULL;
	ksp->ks_snapshot = NULL;
	ksp->ks_flags |= KSTAT_FLAG_DORMANT;
	if (ksp->ks_type != KSTAT_TYPE_NAMED || !knp)
		return;
	for (i = 0; i < ksp->ks_ndata; i++)
		if (knp[i].data_type == KSTAT_DATA_STRING)
			kstat_named_setstr(&knp[i], NULL);
}

void kstat_delete(kstat_t *ksp)
{
	struct ksc_ent *e;

	if (!ksp)
		return;
	e = ksc_of(ksp);
	mutex_lock(&ksc_lock);
	if (e->dormant) {
		mutex_unlock(&ksc_lock);
		return;
	}
	if ((ksp->ks_flags & KSTAT_FLAG_PERSISTENT) && e->installed) {
		/* Hidden until no reader uses the driver's routines. */
		e->dormant = true;
		e->installed = false;
		mutex_unlock(&ksc_lock);
		wait_event(ksc_wq, atomic_read(&e->holds) == 0);
		mutex_lock(&ksc_lock);
		ksc_make_dormant(e);
		e->installed = true;
		mutex_unlock(&ksc_lock);
		return;
	}
	list_del(&e->link);
	mutex_unlock(&ksc_lock);
	wait_event(ksc_wq, atomic_read(&e->holds) == 0);
	ksc_free(e);
}
EXPORT_SYMBOL(kstat_delete);

void kstat_named_init(kstat_named_t *knp, const char *name, uchar_t data_type)
{
	strscpy(knp->name, name, KSTAT_STRLEN);
	knp->data_type = data_type;
	memset(&knp->value, 0, sizeof(knp->value));
}
EXPORT_SYMBOL(kstat_named_init);

void kstat_named_setstr(kstat_named_t *knp, const char *src)
{
	knp->value.str.addr.ptr = (char *)src;
	knp->value.str.len = src ? strlen(src) + 1 : 0;
}
EXPORT_SYMBOL(kstat_named_setstr);

/*
 * kstat_queue(9F).  Each queue accumulates the time it was not empty
 * (wtime, rtime) and the integral of its length over time (wlentime,
 * rlentime), brought up to date at every transition.  The caller holds
 * ks_lock.
 */
static void ksc_q_update(hrtime_t now, hrtime_t *last, hrtime_t *time,
			 hrtime_t *lentime, uint_t cnt)
{
	hrtime_t delta = now - *last;

	*last = now;
	if (cnt) {
		*time += delta;
		*lentime += delta * cnt;
	}
}

void kstat_waitq_enter(kstat_io_t *kiop)
{
	ksc_q_update(gethrtime(), &kiop->wlastupdate, &kiop->wtime,
		     &kiop->wlentime, kiop->wcnt);
	kiop->wcnt++;
}
EXPORT_SYMBOL(kstat_waitq_enter);

void kstat_waitq_exit(kstat_io_t *kiop)
{
	ksc_q_update(gethrtime(), &kiop->wlastupdate, &kiop->wtime,
		     &kiop->wlentime, kiop->wcnt);
	if (kiop->wcnt)
		kiop->wcnt--;
}
EXPORT_SYMBOL(kstat_waitq_exit);

void kstat_runq_enter(kstat_io_t *kiop)
{
	ksc_q_update(gethrtime(), &kiop->rlastupdate, &kiop->rtime,
		     &kiop->rlentime, kiop->rcnt);
	kiop->rcnt++;
}
EXPORT_SYMBOL(kstat_runq_enter);

void kstat_runq_exit(kstat_io_t *kiop)
{
	ksc_q_update(gethrtime(), &kiop->rlastupdate, &kiop->rtime,
		     &kiop->rlentime, kiop->rcnt);
	if (kiop->rcnt)
		kiop->rcnt--;
}
EXPORT_SYMBOL(kstat_runq_exit);

void kstat_waitq_to_runq(kstat_io_t *kiop)
{
	hrtime_t now = gethrtime();

	ksc_q_update(now, &kiop->wlastupdate, &kiop->wtime, &kiop->wlentime,
		     kiop->wcnt);
	if (kiop->wcnt)
		kiop->wcnt--;
	ksc_q_update(now, &kiop->rlastupdate, &kiop->rtime, &kiop->rlentime,
		     kiop->rcnt);
	kiop->rcnt++;
}
EXPORT_SYMBOL(kstat_waitq_to_runq);

void kstat_runq_back_to_waitq(kstat_io_t *kiop)
{
	hrtime_t now = gethrtime();

	ksc_q_update(now, &kiop->rlastupdate, &kiop->rtime, &kiop->rlentime,
		     kiop->rcnt);
	if (kiop->rcnt)
		kiop->rcnt--;
	ksc_q_update(now, &kiop->wlastupdate, &kiop->wtime, &kiop->wlentime,
		     kiop->wcnt);
	kiop->wcnt++;
}
EXPORT_SYMBOL(kstat_runq_back_to_waitq);

/* ---- reading ---------------------------------------------------------- */

struct ksc_out {
	struct seq_file *m;
	const kstat_t *ksp;
};

static void ksc_pfx(struct ksc_out *o, const char *stat)
{
	seq_printf(o->m, "%s:%d:%s:%s\t", o->ksp->ks_module,
		   o->ksp->ks_instance, o->ksp->ks_name, stat);
}

static void ksc_u64(struct ksc_out *o, const char *stat, u64 v)
{
	ksc_pfx(o, stat);
	seq_printf(o->m, "%llu\n", v);
}

static void ksc_s64(struct ksc_out *o, const char *stat, s64 v)
{
	ksc_pfx(o, stat);
	seq_printf(o->m, "%lld\n", v);
}

/* Times since boot, in seconds with nanoseconds, as kstat(1M) shows them. */
static void ksc_time(struct ksc_out *o, const char *stat, hrtime_t t)
{
	ksc_pfx(o, stat);
	seq_printf(o->m, "%lld.%09lld\n", t / NANOSEC, t % NANOSEC);
}

/* A string statistic: printable characters only, one line. */
static void ksc_str(struct ksc_out *o, const char *stat, const char *s,
		    size_t max)
{
	size_t i;

	ksc_pfx(o, stat);
	for (i = 0; s && i < max && s[i]; i++)
		seq_putc(o->m, isprint(s[i]) && s[i] != '\t' ? s[i] : '?');
	seq_putc(o->m, '\n');
}

static void ksc_named(struct ksc_out *o, const kstat_named_t *knp)
{
	char name[KSTAT_STRLEN];

	strscpy(name, knp->name, sizeof(name));
	switch (knp->data_type) {
	case KSTAT_DATA_CHAR:
		ksc_str(o, name, knp->value.c, sizeof(knp->value.c));
		break;
	case KSTAT_DATA_INT32:
		ksc_s64(o, name, knp->value.i32);
		break;
	case KSTAT_DATA_UINT32:
		ksc_u64(o, name, knp->value.ui32);
		break;
	case KSTAT_DATA_INT64:
		ksc_s64(o, name, knp->value.i64);
		break;
	case KSTAT_DATA_UINT64:
		ksc_u64(o, name, knp->value.ui64);
		break;
	case KSTAT_DATA_STRING:
		ksc_str(o, name, knp->value.str.addr.ptr,
			knp->value.str.len);
		break;
	default:
		ksc_pfx(o, name);
		seq_puts(o->m, "?\n");
		break;
	}
}

static void ksc_data(struct ksc_out *o, kstat_t *ksp)
{
	static const char * const intr_names[KSTAT_NUM_INTRS] = {
		"hard", "soft", "watchdog", "spurious", "multiple_service"
	};
	char stat[KSTAT_STRLEN + 16];
	uint_t i, j;

	if (!ksp->ks_data)
		return;
	switch (ksp->ks_type) {
	case KSTAT_TYPE_NAMED:
		for (i = 0; i < ksp->ks_ndata; i++)
			ksc_named(o, &KSTAT_NAMED_PTR(ksp)[i]);
		break;
	case KSTAT_TYPE_INTR:
		for (j = 0; j < KSTAT_NUM_INTRS; j++)
			ksc_u64(o, intr_names[j], KSTAT_INTR_PTR(ksp)->intrs[j]);
		break;
	case KSTAT_TYPE_IO: {
		const kstat_io_t *k = KSTAT_IO_PTR(ksp);

		ksc_u64(o, "nread", k->nread);
		ksc_u64(o, "nwritten", k->nwritten);
		ksc_u64(o, "reads", k->reads);
		ksc_u64(o, "writes", k->writes);
		ksc_s64(o, "wtime", k->wtime);
		ksc_s64(o, "wlentime", k->wlentime);
		ksc_s64(o, "wlastupdate", k->wlastupdate);
		ksc_s64(o, "rtime", k->rtime);
		ksc_s64(o, "rlentime", k->rlentime);
		ksc_s64(o, "rlastupdate", k->rlastupdate);
		ksc_u64(o, "wcnt", k->wcnt);
		ksc_u64(o, "rcnt", k->rcnt);
		break;
	}
	case KSTAT_TYPE_TIMER:
		for (i = 0; i < ksp->ks_ndata; i++) {
			const kstat_timer_t *t = &KSTAT_TIMER_PTR(ksp)[i];
			char tn[KSTAT_STRLEN];

			strscpy(tn, t->name, sizeof(tn));
#define KSC_T(f) do {						\
	snprintf(stat, sizeof(stat), "%s.%s", tn, #f);		\
	ksc_s64(o, stat, t->f);					\
} while (0)
			KSC_T(num_events);
			KSC_T(elapsed_time);
			KSC_T(min_time);
			KSC_T(max_time);
			KSC_T(start_time);
			KSC_T(stop_time);
#undef KSC_T
		}
		break;
	case KSTAT_TYPE_RAW:
		/* Raw data has no names; show its bytes in hex. */
		ksc_pfx(o, "raw");
		seq_printf(o->m, "%*phN\n",
			   (int)min_t(size_t, ksp->ks_data_size, 64),
			   ksp->ks_data);
		break;
	}
}

/* Update and print one kstat the caller holds. */
static void ksc_show_one(struct seq_file *m, kstat_t *ksp)
{
	struct ksc_out o = { .m = m, .ksp = ksp };
	kmutex_t *lp = ksp->ks_lock;
	int err = 0;

	if (lp)
		mutex_enter(lp);
	if (ksp->ks_update)
		err = ksp->ks_update(ksp, KSTAT_READ);
	if (!err) {
		ksp->ks_snaptime = gethrtime();
		ksc_str(&o, "class", ksp->ks_class, KSTAT_STRLEN);
		ksc_time(&o, "crtime", ksp->ks_crtime);
		ksc_data(&o, ksp);
		ksc_time(&o, "snaptime", ksp->ks_snaptime);
	}
	if (lp)
		mutex_exit(lp);
}

static int ksc_show(struct seq_file *m, void *v)
{
	struct ksc_ent *e, *found;
	kid_t kid = 0;

	for (;;) {
		found = NULL;
		mutex_lock(&ksc_lock);
		list_for_each_entry(e, &ksc_list, link) {
			if (e->ks.ks_kid > kid && e->installed) {
				found = e;
				atomic_inc(&e->holds);
				break;
			}
		}
		mutex_unlock(&ksc_lock);
		if (!found)
			return 0;
		kid = found->ks.ks_kid;
		ksc_show_one(m, &found->ks);
		if (atomic_dec_and_test(&found->holds))
			wake_up_all(&ksc_wq);
	}
}

int ddic_kstat_init(void)
{
	if (!proc_create_single("ddi_kstat", 0444, NULL, ksc_show))
		return -ENOMEM;
	return 0;
}

void ddic_kstat_fini(void)
{
	struct ksc_ent *e, *n;

	remove_proc_entry("ddi_kstat", NULL);
	list_for_each_entry_safe(e, n, &ksc_list, link) {
		if (!e->dormant)
			pr_warn("kstat leak: %s:%d:%s was never deleted\n",
				e->ks.ks_module, e->ks.ks_instance,
				e->ks.ks_name);
		list_del(&e->link);
		ksc_free(e);
	}
}
