/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Kernel statistics: kstat(9S), kstat_create(9F) and friends, the named,
 * interrupt, I/O and timer record layouts, and the queue accounting of
 * kstat_queue(9F).
 *
 * The kstats of every driver are read from user space through
 * /proc/ddi_kstat (read-only), one "module:instance:name:statistic<TAB>value"
 * line per statistic, and the guest's kstat command.
 *
 * Departures (docs/departures.md):
 * - KSTAT_DATA_FLOAT and KSTAT_DATA_DOUBLE are not provided: the kernel is
 *   built without floating point; value.f/value.d are absent.
 * - KSTAT_FLAG_WRITABLE is accepted, but the interface is read-only: no
 *   KSTAT_WRITE ever reaches ks_update.
 * - ks_snapshot is honoured only if left NULL; a driver's own snapshot
 *   routine is not called (ks_update and ks_lock are).
 */
#ifndef _SYS_KSTAT_H
#define _SYS_KSTAT_H

#include <sys/types.h>
#include <sys/ksynch.h>
#include <sys/time.h>

typedef int kid_t;

#define KSTAT_STRLEN	31

/* ks_type */
#define KSTAT_TYPE_RAW		0
#define KSTAT_TYPE_NAMED	1
#define KSTAT_TYPE_INTR		2
#define KSTAT_TYPE_IO		3
#define KSTAT_TYPE_TIMER	4
#define KSTAT_NUM_TYPES		5

/* ks_flags */
#define KSTAT_FLAG_VIRTUAL	0x01
#define KSTAT_FLAG_VAR_SIZE	0x02
#define KSTAT_FLAG_WRITABLE	0x04
#define KSTAT_FLAG_PERSISTENT	0x08
#define KSTAT_FLAG_DORMANT	0x10
#define KSTAT_FLAG_INVALID	0x20
#define KSTAT_FLAG_LONGSTRINGS	0x40

/* The rw argument of ks_update. */
#define KSTAT_READ	0
#define KSTAT_WRITE	1

/*
 * Linux has a struct kstat of its own (what stat(2) fills, declared by
 * <linux/fs.h>, which <sys/types.h> has already included).  The Solaris
 * one is struct ddic_kstat under the name struct kstat, for drivers and
 * ddi_compat alike; drivers use kstat_t.
 */
#define kstat	ddic_kstat

typedef struct kstat {
	hrtime_t	ks_crtime;
	struct kstat	*ks_next;
	kid_t		ks_kid;
	char		ks_module[KSTAT_STRLEN];
	uchar_t		ks_resv;
	int		ks_instance;
	char		ks_name[KSTAT_STRLEN];
	uchar_t		ks_type;
	char		ks_class[KSTAT_STRLEN];
	uchar_t		ks_flags;
	void		*ks_data;
	uint_t		ks_ndata;
	size_t		ks_data_size;
	hrtime_t	ks_snaptime;
	int		(*ks_update)(struct kstat *ksp, int rw);
	void		*ks_private;
	int		(*ks_snapshot)(struct kstat *ksp, void *buf, int rw);
	void		*ks_lock;	/* kmutex_t *, or NULL */
} kstat_t;

/* Named statistics. */
#define KSTAT_DATA_CHAR		0
#define KSTAT_DATA_INT32	1
#define KSTAT_DATA_UINT32	2
#define KSTAT_DATA_INT64	3
#define KSTAT_DATA_UINT64	4
#define KSTAT_DATA_STRING	9
#define KSTAT_DATA_LONG		KSTAT_DATA_INT64
#define KSTAT_DATA_ULONG	KSTAT_DATA_UINT64
#define KSTAT_DATA_LONGLONG	KSTAT_DATA_INT64
#define KSTAT_DATA_ULONGLONG	KSTAT_DATA_UINT64

typedef struct kstat_named {
	char	name[KSTAT_STRLEN];
	uchar_t	data_type;
	union {
		char		c[16];
		int32_t		i32;
		uint32_t	ui32;
		struct {
			union {
				char	*ptr;
				char	__pad[8];
			} addr;
			uint32_t	len;
		} str;
		int64_t		i64;
		uint64_t	ui64;
		long		l;
		ulong_t		ul;
		longlong_t	ll;
		u_longlong_t	ull;
	} value;
} kstat_named_t;

#define KSTAT_NAMED_PTR(kptr)		((kstat_named_t *)(kptr)->ks_data)
#define KSTAT_NAMED_STR_PTR(knptr)	((knptr)->value.str.addr.ptr)
#define KSTAT_NAMED_STR_BUFLEN(knptr)	((knptr)->value.str.len)

/* Interrupt statistics. */
#define KSTAT_INTR_HARD		0
#define KSTAT_INTR_SOFT		1
#define KSTAT_INTR_WATCHDOG	2
#define KSTAT_INTR_SPURIOUS	3
#define KSTAT_INTR_MULTSVC	4
#define KSTAT_NUM_INTRS		5

typedef struct kstat_intr {
	uint_t	intrs[KSTAT_NUM_INTRS];
} kstat_intr_t;

#define KSTAT_INTR_PTR(kptr)	((kstat_intr_t *)(kptr)->ks_data)

/* I/O statistics: counts, and a wait queue and a run queue. */
typedef struct kstat_io {
	u_longlong_t	nread;
	u_longlong_t	nwritten;
	uint_t		reads;
	uint_t		writes;
	hrtime_t	wtime;
	hrtime_t	wlentime;
	hrtime_t	wlastupdate;
	hrtime_t	rtime;
	hrtime_t	rlentime;
	hrtime_t	rlastupdate;
	uint_t		wcnt;
	uint_t		rcnt;
} kstat_io_t;

#define KSTAT_IO_PTR(kptr)	((kstat_io_t *)(kptr)->ks_data)

/* Event timer statistics. */
typedef struct kstat_timer {
	char		name[KSTAT_STRLEN];
	uchar_t		resv;
	u_longlong_t	num_events;
	hrtime_t	elapsed_time;
	hrtime_t	min_time;
	hrtime_t	max_time;
	hrtime_t	start_time;
	hrtime_t	stop_time;
} kstat_timer_t;

#define KSTAT_TIMER_PTR(kptr)	((kstat_timer_t *)(kptr)->ks_data)

kstat_t *kstat_create(const char *ks_module, int ks_instance,
		      const char *ks_name, const char *ks_class, uchar_t ks_type,
		      ulong_t ks_ndata, uchar_t ks_flag);
void kstat_install(kstat_t *ksp);
void kstat_delete(kstat_t *ksp);
void kstat_named_init(kstat_named_t *knp, const char *name, uchar_t data_type);
void kstat_named_setstr(kstat_named_t *knp, const char *src);
void kstat_waitq_enter(kstat_io_t *kiop);
void kstat_waitq_exit(kstat_io_t *kiop);
void kstat_runq_enter(kstat_io_t *kiop);
void kstat_runq_exit(kstat_io_t *kiop);
void kstat_waitq_to_runq(kstat_io_t *kiop);
void kstat_runq_back_to_waitq(kstat_io_t *kiop);

#endif /* _SYS_KSTAT_H */
