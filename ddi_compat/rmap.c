// SPDX-License-Identifier: GPL-2.0
/*
 * Resource maps: rmallocmap(9F), rmallocmap_wait(9F), rmalloc(9F),
 * rmalloc_wait(9F), rmfree(9F), rmfreemap(9F).
 *
 * A map is a set of free segments [start, start + size) of abstract units.
 * The segments live in a red-black tree keyed by start, each node also
 * holding the largest segment size in its subtree.  The lowest segment
 * that fits a request is found by walking down from the root, going left
 * whenever the left subtree holds a large enough segment: O(log n) in the
 * number of free segments, where the classic sorted array was O(n).
 * rmalloc() takes from the front of that segment, so placement is
 * first-fit by lowest index and deterministic, like the classic maps.
 * rmfree() finds its neighbours on the same walk that finds its place and
 * merges with either or both.
 *
 * Next fit (vmem arenas' VM_NEXTFIT, id_alloc(9F)) hands out the lowest
 * range at or above a rotor.  Taken and given back one ID at a time, that
 * would split a segment around the rotor and merge it back on every
 * call; instead a range given back just below the rotor joins the
 * segment below only, leaving the two free segments either side of the
 * rotor unmerged (a "seam", at most one), so that the next next-fit
 * allocation takes the front of the segment above.  Any other use of the
 * map merges the seam first (rsm_clean()), so nothing else sees it.
 *
 * Departures from Solaris (see docs/departures.md, "Resource maps"):
 *
 * - Space is not lost.  mapsize segment slots are allocated up front, so
 *   rmfree() normally allocates nothing.  When every slot holds a segment
 *   and a free needs a new one, the pool grows: with GFP_KERNEL before the
 *   map lock is taken if the caller may sleep, else with GFP_ATOMIC under
 *   the lock.  Only if that fails too is the freed range discarded as the
 *   classic maps did, with "<name>: rmap overflow, lost [start, end)"
 *   (rate limited per map) and a count of lost units.  The classic maps
 *   dropped a segment to make room; ddi_compat drops the range being
 *   freed, which leaves the rest of the map as it was.
 *
 * - Bad calls are refused with a warning naming the map, the call, the
 *   range and the caller, and leave the map untouched: size 0, index 0,
 *   a range that wraps past the top of the index space, a free that
 *   overlaps space already free (a double free), a NULL map.  Solaris
 *   panics on most of these.
 *
 * - rmalloc_wait() sleeps killably.  A fatal signal makes it return 0
 *   (the documented failure value) with a warning: the process is dying,
 *   and an unkillable sleep on a map that may never get the space would
 *   leave it stuck forever.  Otherwise it returns only once it has the
 *   space.  A request larger than everything the map is known to hold is
 *   not refused (a driver may still add space with rmfree()), but it is
 *   reported once so that a hang is explained.
 *
 * - rmfreemap() on a map with threads asleep in rmalloc_wait() is refused
 *   (freeing it would pull the map from under them): the map stays, with
 *   a warning.  A map whose space is not all back is freed, with a
 *   warning giving the numbers.  The map only knows a lower bound of the
 *   units handed out: rmfree() both returns space and adds new space, and
 *   telling the two apart would need a record of every allocation.  Units
 *   freed while allocations are outstanding are counted as returns first,
 *   so the warning can miss a leak but is never given wrongly.
 *
 * Each map is named "<creator>.<number>", the creator being the function
 * that called rmallocmap(); warnings and the debugfs entry
 * /sys/kernel/debug/ddi_compat/rmap/<name> use the name.  The entry shows
 * free units, free segments, slots, lost units and waiters.  Maps can be
 * created and freed in any context, where debugfs cannot be touched, so
 * the entries are created and removed by a work item; the entry refers to
 * a small record that outlives the map, never to the map itself.
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/rbtree_augmented.h>
#include <linux/slab.h>
#include <linux/spinlock.h>
#include <linux/wait.h>
#include <linux/sched/signal.h>
#include <linux/ratelimit.h>
#include <linux/debugfs.h>
#include <linux/seq_file.h>
#include <linux/workqueue.h>
#include <linux/rcupdate.h>
#include <linux/delay.h>
#include <linux/mm.h>
#include <sys/map.h>

#include "ddic_core.h"
#include <ddi_compat/testing.h>
#include "rmap_impl.h"

struct rsm_seg {
	union {
		struct rb_node rb;	/* while it holds a free segment */
		struct rsm_seg *next;	/* while it is a spare slot */
	};
	unsigned long start;
	unsigned long size;
	unsigned long subtree_max;	/* largest size in this subtree */
};

struct rsm_dbg;

struct map {
	spinlock_t lock;
	struct rb_root root;		/* free segments by start */
	struct rsm_seg *spare;		/* slots holding no segment */
	unsigned long nspare;
	unsigned long nslots;		/* slots owned: segments + spare */
	unsigned long nsegs;
	unsigned long free_units;
	/*
	 * free_units plus a lower bound of the units handed out (see
	 * above), kept as one sum so that rmalloc() does not touch it:
	 * a free raises it to at least free_units, a loss lowers it.
	 */
	unsigned long held_units;
	unsigned long lost_units;
	unsigned long lost_events;
	unsigned long refused;
	unsigned long nwaiters;		/* in rmalloc_wait(), under lock */
	wait_queue_head_t wq;
	struct ratelimit_state overflow_rs;
	struct rsm_seg *dirty;		/* shrunk, maxima above not lowered */
	unsigned long dirty_size;	/* its size the maxima above know */
	/*
	 * Next fit (vmem arenas, ID spaces): seam_at is where the last one
	 * ended (the arena's rotor); seam, if set, is a free segment whose
	 * predecessor ends exactly where it starts, at seam_at, left
	 * unmerged so that the next next-fit allocation takes seam's front
	 * (see rsm_give_back()).
	 */
	struct rsm_seg *seam;
	unsigned long seam_at;
	struct rsm_dbg *dbg;
	bool nogrow;			/* DDIC_DEBUG test hook */
	char name[48];
};

/* The debugfs side of a map; outlives it until its entry is removed. */
struct rsm_dbg {
	struct list_head link;		/* rsm_dbg_list */
	struct map *mp;			/* NULL once the map is freed */
	struct dentry *dent;
	bool created;
	char name[48];
};

static struct kmem_cache *rsm_seg_cache;
static atomic_t rsm_next_id = ATOMIC_INIT(0);
static LIST_HEAD(rsm_dbg_list);
static DEFINE_SPINLOCK(rsm_dbg_lock);
static struct dentry *rsm_dir;
static DEFINE_RATELIMIT_STATE(rsm_bad_rs, 5 * HZ, 20);

static void rsm_dbg_work_fn(struct work_struct *work);
static DECLARE_WORK(rsm_dbg_work, rsm_dbg_work_fn);

#ifdef DDIC_DEBUG
/*
 * A test's hook, called where rmalloc_wait() and rmfree() have dropped
 * the map's lock for the last time (audit 2, finding 7): from there on
 * they must not touch the map, which the test may free in the hook.
 */
static void (*rsm_window_fn)(struct map *mp, int where);

static void rsm_window(struct map *mp, int where)
{
	void (*fn)(struct map *mp, int where) = READ_ONCE(rsm_window_fn);

	if (fn)
		fn(mp, where);
}
#else
static inline void rsm_window(struct map *mp, int where)
{
}
#endif

/* ---- the tree ---------------------------------------------------------- */

static inline unsigned long rsm_seg_size(struct rsm_seg *s)
{
	return s->size;
}

RB_DECLARE_CALLBACKS_MAX(static, rsm_cb, struct rsm_seg, rb,
			 unsigned long, subtree_max, rsm_seg_size)

static inline struct rsm_seg *rsm_entry(struct rb_node *n)
{
	return rb_entry(n, struct rsm_seg, rb);
}

static struct rsm_seg *rsm_seg_get(struct map *mp)
{
	struct rsm_seg *s = mp->spare;

	if (s) {
		mp->spare = s->next;
		WRITE_ONCE(mp->nspare, mp->nspare - 1);
		return s;
	}
	if (mp->nogrow)
		return NULL;
	/* Last resort under the lock: losing space is worse. */
	s = kmem_cache_alloc(rsm_seg_cache, GFP_ATOMIC | __GFP_NOWARN);
	if (s)
		WRITE_ONCE(mp->nslots, mp->nslots + 1);
	return s;
}

static void rsm_seg_put(struct map *mp, struct rsm_seg *s)
{
	s->next = mp->spare;
	mp->spare = s;
	WRITE_ONCE(mp->nspare, mp->nspare + 1);
}

/* The free segment of lowest start that holds @size units, or NULL. */
static struct rsm_seg *rsm_lowest_fit(struct map *mp, unsigned long size)
{
	struct rb_node *n = mp->root.rb_node;
	struct rsm_seg *s;

	if (!n || rsm_entry(n)->subtree_max < size)
		return NULL;
	while (n) {
		s = rsm_entry(n);
		if (n->rb_left && rsm_entry(n->rb_left)->subtree_max >= size) {
			n = n->rb_left;
			continue;
		}
		if (s->size >= size)
			return s;
		/* Neither the left side nor s: the right side has it. */
		n = n->rb_right;
	}
	return NULL;
}

/*
 * The usual driver pattern is rmalloc() then rmfree() of the same range:
 * the segment shrinks and grows back to its old size.  Rather than
 * lowering the subtree maxima above it on rmalloc() and raising them again
 * on rmfree(), rmalloc() leaves them as they were and marks the segment
 * dirty: the maxima on its path are then an upper bound.  An rmfree() that
 * gives the range back in front of the dirty segment restores its size
 * and the mark goes, with no walk up the tree.  Anything else brings the
 * maxima up to date first; there is at most one dirty segment.
 */
static noinline void rsm_propagate(struct rsm_seg *s)
{
	rsm_cb_propagate(&s->rb, NULL);
}

static void rsm_unseam(struct map *mp);

/* Exact maxima and merged segments again, before any other use. */
static inline void rsm_clean(struct map *mp)
{
	if (unlikely(mp->dirty)) {
		rsm_propagate(mp->dirty);
		mp->dirty = NULL;
	}
	if (unlikely(mp->seam))
		rsm_unseam(mp);
}

/* rmalloc() took a whole segment: out of the tree, back to the pool. */
static noinline void rsm_remove(struct map *mp, struct rsm_seg *s)
{
	rb_erase_augmented(&s->rb, &mp->root, &rsm_cb);
	mp->nsegs--;
	rsm_seg_put(mp, s);
}

/* rb_prev(), open-coded: it sits on the rmalloc()+rmfree() fast path. */
static inline struct rsm_seg *rsm_prev(struct rsm_seg *s)
{
	struct rb_node *n = s->rb.rb_left, *child, *parent;

	if (n) {
		while (n->rb_right)
			n = n->rb_right;
		return rsm_entry(n);
	}
	child = &s->rb;
	while ((parent = rb_parent(child)) && child == parent->rb_left)
		child = parent;
	return parent ? rsm_entry(parent) : NULL;
}

/* Merge the seam's two segments (the maxima are exact). */
static noinline void rsm_unseam(struct map *mp)
{
	struct rsm_seg *r = mp->seam, *l = rsm_prev(r);
	unsigned long size = r->size;

	mp->seam = NULL;
	if (WARN_ON_ONCE(!l || l->start + l->size != r->start))
		return;
	rb_erase_augmented(&r->rb, &mp->root, &rsm_cb);
	mp->nsegs--;
	rsm_seg_put(mp, r);
	l->size += size;
	rsm_cb_propagate(&l->rb, NULL);
}

/* Take @size units, first fit from the lowest index.  Map lock held. */
static __always_inline unsigned long rsm_take(struct map *mp,
					       unsigned long size)
{
	struct rsm_seg *s;
	unsigned long index;

	rsm_clean(mp);
	s = rsm_lowest_fit(mp, size);
	if (!s)
		return 0;
	index = s->start;
	mp->free_units -= size;
	if (unlikely(s->size == size)) {
		rsm_remove(mp, s);
	} else {
		mp->dirty = s;
		mp->dirty_size = s->size;
		s->start += size;
		s->size -= size;
	}
	return index;
}

/*
 * The fast path of rmfree(): giving back, in front of the dirty segment,
 * what rmalloc() just took from it, with nothing free just below.
 *
 * Or, for next fit: the range fills the gap between the dirty segment
 * and the free segment below it exactly, and ends at the rotor
 * (seam_at).  It joins the segment below only, leaving a seam at the
 * rotor, so that the next next-fit allocation takes the dirty segment's
 * front again (rsm_seam_take()) instead of splitting one segment
 * around the rotor and merging it back on every ID.  Anything else
 * merges the seam first (rsm_clean()).
 *
 * Returns false if the range is anything else.  Map lock held.
 */
static inline bool rsm_give_back(struct map *mp, unsigned long start,
				  unsigned long size)
{
	struct rsm_seg *s = mp->dirty, *prev;

	if (!s || s->start != start + size)
		return false;
	prev = rsm_prev(s);
	if (prev && prev->start + prev->size >= start) {
		if (prev->start + prev->size != start || mp->seam ||
		    s->start != mp->seam_at)
			return false;
		prev->size += size;
		rsm_cb_propagate(&prev->rb, NULL);
		mp->seam = s;
		mp->free_units += size;
		if (unlikely(mp->held_units < mp->free_units))
			mp->held_units = mp->free_units;
		return true;
	}
	s->start = start;
	s->size += size;
	mp->free_units += size;
	if (unlikely(mp->held_units < mp->free_units))
		mp->held_units = mp->free_units;
	if (s->size >= mp->dirty_size) {
		if (unlikely(s->size > mp->dirty_size))
			rsm_propagate(s);
		mp->dirty = NULL;
	}
	return true;
}

/*
 * Put [start, start + size) into the free tree, merging with neighbours.
 * Returns 0, -EEXIST if it overlaps a free segment (*clash set to it), or
 * -ENOSPC if it needs a slot and none can be had.  Map lock held.
 */
static int rsm_give(struct map *mp, unsigned long start, unsigned long size,
		     struct rsm_seg **clash)
{
	struct rb_node **link = &mp->root.rb_node, *parent = NULL, *n;
	struct rsm_seg *prev = NULL, *next = NULL, *s;
	unsigned long end = start + size;

	rsm_clean(mp);

	while (*link) {
		parent = *link;
		s = rsm_entry(parent);
		if (start < s->start) {
			next = s;
			link = &parent->rb_left;
		} else if (start > s->start) {
			prev = s;
			link = &parent->rb_right;
		} else {
			*clash = s;
			return -EEXIST;
		}
	}
	if (prev && prev->start + prev->size > start) {
		*clash = prev;
		return -EEXIST;
	}
	if (next && next->start < end) {
		*clash = next;
		return -EEXIST;
	}

	if (prev && prev->start + prev->size == start) {
		/*
		 * Keep the tree consistent before each change: take next out
		 * first, then grow prev and fix the maxima above it.
		 */
		if (next && next->start == end && end == mp->seam_at) {
			/* Next fit's rotor: leave a seam (rsm_give_back()). */
			prev->size += size;
			rsm_cb_propagate(&prev->rb, NULL);
			mp->seam = next;
			mp->free_units += size;
			return 0;
		}
		if (next && next->start == end) {
			size += next->size;
			rb_erase_augmented(&next->rb, &mp->root, &rsm_cb);
			mp->nsegs--;
			mp->free_units -= next->size;
			rsm_seg_put(mp, next);
		}
		prev->size += size;
		rsm_cb_propagate(&prev->rb, NULL);
	} else if (next && next->start == end) {
		next->start = start;
		next->size += size;
		rsm_cb_propagate(&next->rb, NULL);
	} else {
		s = rsm_seg_get(mp);
		if (!s)
			return -ENOSPC;
		s->start = start;
		s->size = size;
		s->subtree_max = size;
		/*
		 * The maxima on the path down must include the new segment
		 * before the rebalancing rotations copy them around.  Going
		 * up, once an ancestor already covers it, all above do too.
		 */
		for (n = parent; n && rsm_entry(n)->subtree_max < size;
		     n = rb_parent(n))
			rsm_entry(n)->subtree_max = size;
		rb_link_node(&s->rb, parent, link);
		rb_insert_augmented(&s->rb, &mp->root, &rsm_cb);
		mp->nsegs++;
	}
	mp->free_units += size;
	return 0;
}

/* ---- warnings ---------------------------------------------------------- */

static void rsm_refuse(struct map *mp, const char *call, unsigned long size,
			unsigned long index, const char *why, unsigned long ip)
{
	unsigned long flags;

	if (mp) {
		spin_lock_irqsave(&mp->lock, flags);
		mp->refused++;
		spin_unlock_irqrestore(&mp->lock, flags);
	}
	if (__ratelimit(&rsm_bad_rs))
		pr_warn("%s: %s(size %lu, index %lu) from %pS: %s; refused\n",
			mp ? mp->name : "(NULL map)", call, size, index,
			(void *)ip, why);
}

/* ---- creating and freeing maps ----------------------------------------- */

static void rsm_destroy(struct map *mp)
{
	struct rsm_seg *s, *n;

	rbtree_postorder_for_each_entry_safe(s, n, &mp->root, rb)
		kmem_cache_free(rsm_seg_cache, s);
	for (s = mp->spare; s; s = n) {
		n = s->next;
		kmem_cache_free(rsm_seg_cache, s);
	}
	kfree(mp);
}

static struct map *rsm_create(size_t mapsize, const char *creator, gfp_t gfp)
{
	struct map *mp;
	struct rsm_seg *s;
	unsigned long flags;
	size_t i;

	mp = kzalloc(sizeof(*mp), gfp);
	if (!mp)
		return NULL;
	mp->dbg = kzalloc(sizeof(*mp->dbg), gfp);
	if (!mp->dbg)
		goto fail;
	for (i = 0; i < mapsize; i++) {
		s = kmem_cache_alloc(rsm_seg_cache, gfp);
		if (!s)
			goto fail;
		rsm_seg_put(mp, s);
		mp->nslots++;
	}
	spin_lock_init(&mp->lock);
	mp->root = RB_ROOT;
	init_waitqueue_head(&mp->wq);
	ratelimit_state_init(&mp->overflow_rs, 5 * HZ, 10);
	snprintf(mp->name, sizeof(mp->name), "%s.%d", creator ?: "rmap",
		 atomic_inc_return(&rsm_next_id));
	memcpy(mp->dbg->name, mp->name, sizeof(mp->name));
	mp->dbg->mp = mp;
	spin_lock_irqsave(&rsm_dbg_lock, flags);
	list_add_tail(&mp->dbg->link, &rsm_dbg_list);
	spin_unlock_irqrestore(&rsm_dbg_lock, flags);
	schedule_work(&rsm_dbg_work);
	return mp;
fail:
	kfree(mp->dbg);
	rsm_destroy(mp);
	return NULL;
}

struct map *ddic_rmallocmap(size_t mapsize, const char *creator)
{
	if (!mapsize) {
		pr_warn("rmallocmap(0) from %pS: a map needs at least one slot; returning NULL\n",
			(void *)_RET_IP_);
		return NULL;
	}
	/* As rmallocmap_wait(): never more slots than memory holds. */
	if (mapsize > (totalram_pages() << PAGE_SHIFT) / sizeof(struct rsm_seg)) {
		pr_warn("rmallocmap(%zu) from %pS: more slots than memory can hold; returning NULL\n",
			mapsize, (void *)_RET_IP_);
		return NULL;
	}
	/* Not from the emergency reserves (GFP_ATOMIC): a map can wait. */
	return rsm_create(mapsize, creator, GFP_NOWAIT | __GFP_NOWARN);
}
EXPORT_SYMBOL(ddic_rmallocmap);

struct map *ddic_rmallocmap_wait(size_t mapsize, const char *creator)
{
	struct map *mp;
	unsigned int tries = 0;

	might_sleep();
	if (!mapsize) {
		pr_warn("rmallocmap_wait(0) from %pS: a map needs at least one slot; returning NULL\n",
			(void *)_RET_IP_);
		return NULL;
	}
	/* Solaris would wait forever for what can never be had. */
	if (mapsize > (totalram_pages() << PAGE_SHIFT) / sizeof(struct rsm_seg)) {
		pr_warn("rmallocmap_wait(%zu) from %pS: more slots than memory can hold; returning NULL\n",
			mapsize, (void *)_RET_IP_);
		return NULL;
	}
	while (!(mp = rsm_create(mapsize, creator,
				  GFP_KERNEL | __GFP_RETRY_MAYFAIL |
				  __GFP_NOWARN))) {
		if (++tries == 50)
			pr_warn("rmallocmap_wait(%zu) from %pS: still waiting for memory\n",
				mapsize, (void *)_RET_IP_);
		msleep(min(tries, 20U));
	}
	return mp;
}
EXPORT_SYMBOL(ddic_rmallocmap_wait);

void ddic_rmfreemap(struct map *mp)
{
	unsigned long flags, waiters, out, free_units, nsegs;

	if (!mp) {
		rsm_refuse(NULL, "rmfreemap", 0, 0, "no map", _RET_IP_);
		return;
	}
	spin_lock_irqsave(&mp->lock, flags);
	rsm_clean(mp);
	waiters = mp->nwaiters;
	out = mp->held_units - mp->free_units;
	free_units = mp->free_units;
	nsegs = mp->nsegs;
	if (waiters)
		mp->refused++;
	spin_unlock_irqrestore(&mp->lock, flags);
	if (waiters) {
		pr_warn("%s: rmfreemap from %pS with %lu threads asleep in rmalloc_wait; map not freed\n",
			mp->name, (void *)_RET_IP_, waiters);
		return;
	}
	if (out)
		pr_warn("%s: rmfreemap from %pS with at least %lu units still allocated (%lu units free in %lu segments)\n",
			mp->name, (void *)_RET_IP_, out, free_units, nsegs);
	spin_lock_irqsave(&rsm_dbg_lock, flags);
	mp->dbg->mp = NULL;
	spin_unlock_irqrestore(&rsm_dbg_lock, flags);
	schedule_work(&rsm_dbg_work);
	rsm_destroy(mp);
}
EXPORT_SYMBOL(ddic_rmfreemap);

/* ---- allocating and freeing space -------------------------------------- */

unsigned long ddic_rmalloc(struct map *mp, size_t size)
{
	unsigned long flags, index;

	if (unlikely(!mp || !size)) {
		rsm_refuse(mp, "rmalloc", size, 0, mp ? "size 0" : "no map",
			    _RET_IP_);
		return 0;
	}
	spin_lock_irqsave(&mp->lock, flags);
	index = rsm_take(mp, size);
	spin_unlock_irqrestore(&mp->lock, flags);
	return index;
}
EXPORT_SYMBOL(ddic_rmalloc);

static bool rsm_take_locked(struct map *mp, unsigned long size,
			     unsigned long *index)
{
	unsigned long flags;

	spin_lock_irqsave(&mp->lock, flags);
	*index = rsm_take(mp, size);
	spin_unlock_irqrestore(&mp->lock, flags);
	return *index != 0;
}

unsigned long ddic_rmalloc_wait(struct map *mp, size_t size)
{
	unsigned long flags, index, held;
	int err;

	might_sleep();
	if (unlikely(!mp || !size)) {
		rsm_refuse(mp, "rmalloc_wait", size, 0,
			    mp ? "size 0" : "no map", _RET_IP_);
		return 0;
	}
	spin_lock_irqsave(&mp->lock, flags);
	index = rsm_take(mp, size);
	/* Counted under the lock: rmfree() reads it there to decide to wake. */
	if (!index)
		mp->nwaiters++;
	held = mp->held_units;
	spin_unlock_irqrestore(&mp->lock, flags);
	if (index)
		return index;

	if (size > held)
		pr_warn_ratelimited("%s: rmalloc_wait(%zu) from %pS: the map holds only %lu units; waiting for space to be added\n",
				    mp->name, size, (void *)_RET_IP_, held);
	/*
	 * The condition is checked again after this task is on the queue,
	 * and rmfree() wakes the queue after changing the map, so a free
	 * cannot slip between the check and the sleep.
	 */
	err = wait_event_killable(mp->wq, rsm_take_locked(mp, size, &index));

	/* Before the waiter count drops: rmfreemap() may free mp after. */
	if (err)
		pr_warn_ratelimited("%s: rmalloc_wait(%zu) from %pS: fatal signal; returning 0\n",
				    mp->name, size, (void *)_RET_IP_);
	spin_lock_irqsave(&mp->lock, flags);
	mp->nwaiters--;
	spin_unlock_irqrestore(&mp->lock, flags);
	rsm_window(mp, DDIC_RMAP_WINDOW_WAITED);
	return err ? 0 : index;
}
EXPORT_SYMBOL(ddic_rmalloc_wait);

/*
 * Grow the spare pool before taking the lock, if it is empty and the
 * caller may sleep.  Racy on purpose: extra slots are harmless, and the
 * locked path still has GFP_ATOMIC if they went to another caller.
 */
static noinline void rsm_refill(struct map *mp)
{
	struct rsm_seg *head = NULL, *s;
	unsigned long flags, n, i;

	if (READ_ONCE(mp->nspare) || !preemptible() || rcu_preempt_depth() ||
	    READ_ONCE(mp->nogrow))
		return;
	n = clamp(READ_ONCE(mp->nslots) / 8, 1UL, 64UL);
	for (i = 0; i < n; i++) {
		s = kmem_cache_alloc(rsm_seg_cache, GFP_KERNEL | __GFP_NOWARN);
		if (!s)
			break;
		s->next = head;
		head = s;
	}
	if (!head)
		return;
	spin_lock_irqsave(&mp->lock, flags);
	while (head) {
		s = head;
		head = s->next;
		rsm_seg_put(mp, s);
		mp->nslots++;
	}
	spin_unlock_irqrestore(&mp->lock, flags);
}

/*
 * rmfree() beyond the fast path: called with the map lock held (@flags
 * from taking it), @done if the range is already back; drops the lock.
 */
static noinline void rsm_free_slow(struct map *mp, size_t size,
				    unsigned long index, unsigned long flags,
				    bool done, unsigned long ip)
	__releases(&mp->lock)
{
	struct rsm_seg *clash = NULL;
	unsigned long waiters, cs = 0, ce = 0;
	bool report = false;
	int err = 0;

	if (!done)
		err = rsm_give(mp, index, size, &clash);
	if (err == -EEXIST) {
		cs = clash->start;
		ce = clash->start + clash->size;
		mp->refused++;
	} else if (!done) {
		/* Returned or lost, these units are no longer handed out. */
		if (!err && mp->held_units < mp->free_units)
			mp->held_units = mp->free_units;
		if (err == -ENOSPC) {
			mp->held_units = mp->held_units - mp->free_units > size ?
					 mp->held_units - size :
					 mp->free_units;
			mp->lost_units += size;
			mp->lost_events++;
			report = __ratelimit(&mp->overflow_rs);
		}
	}
	waiters = mp->nwaiters;
	/*
	 * Woken under the lock: once a waiter has dropped nwaiters,
	 * rmfreemap() may free mp, wait queue included.
	 */
	if (waiters && !err)
		wake_up_all(&mp->wq);
	spin_unlock_irqrestore(&mp->lock, flags);
	if (!err && !report)
		rsm_window(mp, DDIC_RMAP_WINDOW_FREED);
	if (err == -EEXIST && __ratelimit(&rsm_bad_rs))
		pr_warn("%s: rmfree(size %zu, index %lu) from %pS: [%lu, %lu) overlaps free space [%lu, %lu) (double free?); refused\n",
			mp->name, size, index, (void *)ip, index,
			index + size, cs, ce);
	if (report)
		pr_warn("%s: rmap overflow, lost [%lu, %lu)\n", mp->name,
			index, index + size);
}

void ddic_rmfree(struct map *mp, size_t size, unsigned long index)
{
	unsigned long flags;
	bool done;

	if (unlikely(!mp || !size || !index || size > ULONG_MAX - index)) {
		rsm_refuse(mp, "rmfree", size, index,
			    !mp ? "no map" : !size ? "size 0" :
			    !index ? "index 0 is never valid" :
			    "range wraps past the top of the index space",
			    _RET_IP_);
		return;
	}
	if (unlikely(!READ_ONCE(mp->nspare)))
		rsm_refill(mp);

	spin_lock_irqsave(&mp->lock, flags);
	done = rsm_give_back(mp, index, size);
	if (likely(done && !mp->nwaiters)) {
		spin_unlock_irqrestore(&mp->lock, flags);
		return;
	}
	rsm_free_slow(mp, size, index, flags, done, _RET_IP_);
}
EXPORT_SYMBOL(ddic_rmfree);

/* ---- statistics, debugfs ----------------------------------------------- */

static void rsm_stats(struct map *mp, struct ddic_rmap_stats *st)
{
	unsigned long flags;

	spin_lock_irqsave(&mp->lock, flags);
	rsm_clean(mp);
	st->free_units = mp->free_units;
	st->free_segs = mp->nsegs;
	st->slots = mp->nslots;
	st->spare_slots = mp->nspare;
	st->out_units = mp->held_units - mp->free_units;
	st->lost_units = mp->lost_units;
	st->lost_events = mp->lost_events;
	st->refused = mp->refused;
	st->waiters = mp->nwaiters;
	spin_unlock_irqrestore(&mp->lock, flags);
}

static int rsm_show(struct seq_file *m, void *v)
{
	struct rsm_dbg *d = m->private;
	struct ddic_rmap_stats st;
	unsigned long flags;
	bool live = false;

	spin_lock_irqsave(&rsm_dbg_lock, flags);
	if (d->mp) {
		rsm_stats(d->mp, &st);
		live = true;
	}
	spin_unlock_irqrestore(&rsm_dbg_lock, flags);
	if (!live) {
		seq_puts(m, "freed\n");
		return 0;
	}
	seq_printf(m, "free_units %lu\nfree_segments %lu\nslots %lu\nspare_slots %lu\nallocated_units_at_least %lu\nlost_units %lu\nlost_events %lu\nrefused_calls %lu\nwaiters %lu\n",
		   st.free_units, st.free_segs, st.slots, st.spare_slots,
		   st.out_units, st.lost_units, st.lost_events, st.refused,
		   st.waiters);
	return 0;
}
DEFINE_SHOW_ATTRIBUTE(rsm);

/* Create the entries of new maps, remove those of freed ones. */
static void rsm_dbg_work_fn(struct work_struct *work)
{
	struct rsm_dbg *d, *todo;
	struct dentry *dent;
	bool dead;

	for (;;) {
		todo = NULL;
		dead = false;
		spin_lock_irq(&rsm_dbg_lock);
		list_for_each_entry(d, &rsm_dbg_list, link) {
			if (!d->mp) {
				list_del(&d->link);
				todo = d;
				dead = true;
				break;
			}
			if (!d->created) {
				d->created = true;
				todo = d;
				break;
			}
		}
		spin_unlock_irq(&rsm_dbg_lock);
		if (!todo)
			return;
		if (dead) {
			/* Waits for readers of the entry to finish. */
			debugfs_remove(todo->dent);
			kfree(todo);
			continue;
		}
		dent = debugfs_create_file(todo->name, 0444, rsm_dir, todo,
					   &rsm_fops);
		spin_lock_irq(&rsm_dbg_lock);
		todo->dent = dent;
		spin_unlock_irq(&rsm_dbg_lock);
	}
}

int ddic_rmap_init(void)
{
	rsm_seg_cache = KMEM_CACHE(rsm_seg, 0);
	if (!rsm_seg_cache)
		return -ENOMEM;
	rsm_dir = debugfs_create_dir("rmap", ddic_debugfs_root);
	return 0;
}

void ddic_rmap_fini(void)
{
	struct rsm_dbg *d;
	struct map *mp;

	/* Maps a driver never freed: its module is gone, so free them. */
	for (;;) {
		mp = NULL;
		spin_lock_irq(&rsm_dbg_lock);
		list_for_each_entry(d, &rsm_dbg_list, link) {
			if (d->mp) {
				mp = d->mp;
				d->mp = NULL;
				break;
			}
		}
		spin_unlock_irq(&rsm_dbg_lock);
		if (!mp)
			break;
		pr_warn("%s: resource map never freed; freeing it at unload\n",
			mp->name);
		rsm_destroy(mp);
	}
	flush_work(&rsm_dbg_work);
	rsm_dbg_work_fn(NULL);
	debugfs_remove_recursive(rsm_dir);
	kmem_cache_destroy(rsm_seg_cache);
}

#ifdef DDIC_DEBUG
int ddic_rmap_debug_stats(struct map *mp, struct ddic_rmap_stats *st)
{
	if (!mp)
		return -EINVAL;
	rsm_stats(mp, st);
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_rmap_debug_stats);

void ddic_rmap_debug_nogrow(struct map *mp, int on)
{
	WRITE_ONCE(mp->nogrow, !!on);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_rmap_debug_nogrow);

void ddic_rmap_debug_window(void (*fn)(struct map *mp, int where))
{
	WRITE_ONCE(rsm_window_fn, fn);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_rmap_debug_window);

int ddic_rmap_debug_walk(struct map *mp,
			int (*fn)(unsigned long start, unsigned long size,
				  void *arg), void *arg)
{
	struct rb_node *n;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&mp->lock, flags);
	rsm_clean(mp);
	for (n = rb_first(&mp->root); n && !ret; n = rb_next(n))
		ret = fn(rsm_entry(n)->start, rsm_entry(n)->size, arg);
	spin_unlock_irqrestore(&mp->lock, flags);
	return ret;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_rmap_debug_walk);

int ddic_rmap_debug_check(struct map *mp)
{
	unsigned long flags, units = 0, segs = 0, spare = 0, end = 0, max;
	struct rsm_seg *s, *c;
	struct rb_node *n;
	const char *bad = NULL;

	spin_lock_irqsave(&mp->lock, flags);
	rsm_clean(mp);
	for (n = rb_first(&mp->root); n && !bad; n = rb_next(n)) {
		s = rsm_entry(n);
		max = s->size;
		if (n->rb_left) {
			c = rsm_entry(n->rb_left);
			max = max_t(unsigned long, max, c->subtree_max);
		}
		if (n->rb_right) {
			c = rsm_entry(n->rb_right);
			max = max_t(unsigned long, max, c->subtree_max);
		}
		if (!s->start || !s->size)
			bad = "empty segment or index 0";
		else if (segs && s->start <= end)
			bad = "segments out of order, overlapping or unmerged";
		else if (s->subtree_max != max)
			bad = "stale subtree maximum";
		end = s->start + s->size;
		units += s->size;
		segs++;
	}
	for (s = mp->spare; s; s = s->next)
		spare++;
	if (!bad && (units != mp->free_units || segs != mp->nsegs))
		bad = "free unit or segment count wrong";
	if (!bad && mp->held_units < mp->free_units)
		bad = "held units below free units";
	if (!bad && (spare != mp->nspare || segs + spare != mp->nslots))
		bad = "slot count wrong";
	spin_unlock_irqrestore(&mp->lock, flags);
	if (bad) {
		pr_warn("%s: map check failed: %s\n", mp->name, bad);
		return -EUCLEAN;
	}
	return 0;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_rmap_debug_check);

const char *ddic_rmap_debug_name(struct map *mp)
{
	return mp->name;
}
EXPORT_SYMBOL_IF_KUNIT(ddic_rmap_debug_name);

void ddic_rmap_debug_sync(void)
{
	flush_work(&rsm_dbg_work);
}
EXPORT_SYMBOL_IF_KUNIT(ddic_rmap_debug_sync);
#endif /* DDIC_DEBUG */

/* ---- constrained allocation (vmem arenas, ID spaces) ------------------- */

/* The leftmost segment in the subtree at @n holding @size units, or NULL. */
static struct rsm_seg *rsm_fit_in(struct rb_node *n, unsigned long size)
{
	if (!n || rsm_entry(n)->subtree_max < size)
		return NULL;
	while (n) {
		if (n->rb_left && rsm_entry(n->rb_left)->subtree_max >= size) {
			n = n->rb_left;
			continue;
		}
		if (rsm_entry(n)->size >= size)
			return rsm_entry(n);
		n = n->rb_right;
	}
	return NULL;
}

/* The next segment after @s in index order holding @size units, or NULL. */
static struct rsm_seg *rsm_fit_next(struct rsm_seg *s, unsigned long size)
{
	struct rb_node *n = &s->rb, *parent;
	struct rsm_seg *r = rsm_fit_in(n->rb_right, size);

	if (r)
		return r;
	while ((parent = rb_parent(n))) {
		if (n == parent->rb_left) {
			if (rsm_entry(parent)->size >= size)
				return rsm_entry(parent);
			r = rsm_fit_in(parent->rb_right, size);
			if (r)
				return r;
		}
		n = parent;
	}
	return NULL;
}

/*
 * Where in [start, end) a range meeting @rq can go: its first index, or
 * 0 if it cannot.
 */
static unsigned long rsm_place(const struct ddic_rmap_req *rq,
				unsigned long start, unsigned long end)
{
	unsigned long lo = max(start, rq->lo), hi = end, a, x;

	if (rq->hi && rq->hi < hi)
		hi = rq->hi;
	if (lo >= hi || hi - lo < rq->size)
		return 0;
	x = lo - rq->bias;
	x += (rq->phase - x) & (rq->align - 1);
	if (rq->nocross && ((x ^ (x + rq->size - 1)) & ~(rq->nocross - 1))) {
		x = (x | (rq->nocross - 1)) + 1;
		if (!x)
			return 0;
		x += (rq->phase - x) & (rq->align - 1);
		if ((x ^ (x + rq->size - 1)) & ~(rq->nocross - 1))
			return 0;
	}
	a = x + rq->bias;
	if (a < lo || a >= hi || hi - a < rq->size)
		return 0;
	return a;
}

/* Search for @rq in the tree; map lock held.  Returns the index or 0. */
static unsigned long rsm_search(struct map *mp,
				 const struct ddic_rmap_req *rq,
				 unsigned long lo, struct rsm_seg **segp)
{
	struct rb_node *n = mp->root.rb_node;
	struct rsm_seg *s = NULL, *best = NULL;
	unsigned long a, best_a = 0;
	struct ddic_rmap_req r = *rq;

	r.lo = lo;
	/* The first segment ending above lo; then those big enough. */
	while (n) {
		if (rsm_entry(n)->start + rsm_entry(n)->size > lo) {
			s = rsm_entry(n);
			n = n->rb_left;
		} else {
			n = n->rb_right;
		}
	}
	if (s && s->size < rq->size)
		s = rsm_fit_next(s, rq->size);
	for (; s; s = rsm_fit_next(s, rq->size)) {
		if (rq->hi && s->start >= rq->hi)
			break;
		a = rsm_place(&r, s->start, s->start + s->size);
		if (!a)
			continue;
		if (!rq->best) {
			*segp = s;
			return a;
		}
		if (!best || s->size < best->size) {
			best = s;
			best_a = a;
			if (s->size == rq->size)
				break;
		}
	}
	*segp = best;
	return best_a;
}

/* Take [a, a + size) out of the free segment @s.  Map lock held. */
static int rsm_carve(struct map *mp, struct rsm_seg *s, unsigned long a,
		      unsigned long size)
{
	unsigned long end = s->start + s->size;
	struct rsm_seg *t, *clash;

	if (a == s->start) {
		mp->free_units -= size;
		if (s->size == size) {
			rsm_remove(mp, s);
		} else {
			/* As rmalloc() does: a give-back finds it dirty. */
			mp->dirty = s;
			mp->dirty_size = s->size;
			s->start += size;
			s->size -= size;
		}
		return 0;
	}
	if (a + size == end) {
		s->size -= size;
		rsm_cb_propagate(&s->rb, NULL);
		mp->free_units -= size;
		return 0;
	}
	/* From the middle: what follows becomes a segment of its own. */
	t = rsm_seg_get(mp);
	if (!t)
		return -ENOMEM;
	rsm_seg_put(mp, t);
	s->size = a - s->start;
	rsm_cb_propagate(&s->rb, NULL);
	mp->free_units -= end - a;
	return rsm_give(mp, a + size, end - a - size, &clash);
}

/*
 * Next fit at the rotor where a free left a seam: the seam's segment
 * starts at the rotor, and is what rsm_search() would find.  Taking its
 * front makes it the dirty segment (the one there may be: nothing but
 * this makes another dirty without merging the seam first).  Returns
 * the index, or 0 to take the general path.  Map lock held.
 */
static inline unsigned long rsm_seam_take(struct map *mp,
					  const struct ddic_rmap_req *rq)
{
	struct rsm_seg *s = mp->seam;
	unsigned long a;

	if (!s || rq->hint != s->start || s->size <= rq->size ||
	    rq->align != 1 || rq->nocross || rq->best || rq->lo > s->start ||
	    (rq->hi && (rq->hi < s->start || rq->hi - s->start < rq->size)))
		return 0;
	if (mp->dirty != s) {
		if (mp->dirty)
			return 0;
		mp->dirty = s;
		mp->dirty_size = s->size;
	}
	a = s->start;
	mp->seam = NULL;		/* no longer adjacent */
	s->start += rq->size;
	s->size -= rq->size;
	mp->free_units -= rq->size;
	return a;
}

static unsigned long rsm_xtake(struct map *mp, const struct ddic_rmap_req *rq)
{
	struct rsm_seg *s = NULL;
	unsigned long a = 0;

	if (rq->hint) {
		a = rsm_seam_take(mp, rq);
		if (a)
			goto out;
	}
	rsm_clean(mp);
	if (rq->hint > rq->lo)
		a = rsm_search(mp, rq, rq->hint, &s);
	if (!a)
		a = rsm_search(mp, rq, rq->lo, &s);
	if (!a || rsm_carve(mp, s, a, rq->size))
		return 0;
out:
	if (rq->hint)
		mp->seam_at = a + rq->size;
	return a;
}

static bool rsm_xtake_locked(struct map *mp, const struct ddic_rmap_req *rq,
			      unsigned long *index)
{
	unsigned long flags;

	/* No refill here: the task is not TASK_RUNNING; GFP_ATOMIC serves. */
	spin_lock_irqsave(&mp->lock, flags);
	*index = rsm_xtake(mp, rq);
	spin_unlock_irqrestore(&mp->lock, flags);
	return *index != 0;
}

unsigned long ddic_rmap_xalloc(struct map *mp, const struct ddic_rmap_req *rq,
			       bool wait)
{
	unsigned long flags, index;
	int err;

	if (wait && unlikely(!READ_ONCE(mp->nspare)))
		rsm_refill(mp);
	spin_lock_irqsave(&mp->lock, flags);
	index = rsm_xtake(mp, rq);
	if (!index && wait)
		mp->nwaiters++;
	spin_unlock_irqrestore(&mp->lock, flags);
	if (index || !wait)
		return index;

	/* As in rmalloc_wait(): rmfree() wakes the queue after a change. */
	err = wait_event_killable(mp->wq, rsm_xtake_locked(mp, rq, &index));
	spin_lock_irqsave(&mp->lock, flags);
	mp->nwaiters--;
	spin_unlock_irqrestore(&mp->lock, flags);
	rsm_window(mp, DDIC_RMAP_WINDOW_WAITED);
	return err ? 0 : index;
}
EXPORT_SYMBOL(ddic_rmap_xalloc);

int ddic_rmap_claim(struct map *mp, unsigned long index, unsigned long size)
{
	struct rb_node *n;
	struct rsm_seg *s = NULL;
	unsigned long flags;
	int err = -EBUSY;

	if (unlikely(!READ_ONCE(mp->nspare)) && preemptible())
		rsm_refill(mp);
	spin_lock_irqsave(&mp->lock, flags);
	rsm_clean(mp);
	/* The last segment starting at or below index. */
	for (n = mp->root.rb_node; n;) {
		if (rsm_entry(n)->start <= index) {
			s = rsm_entry(n);
			n = n->rb_right;
		} else {
			n = n->rb_left;
		}
	}
	if (s && s->start + s->size >= index + size &&
	    s->start + s->size > index)
		err = rsm_carve(mp, s, index, size);
	spin_unlock_irqrestore(&mp->lock, flags);
	return err;
}
EXPORT_SYMBOL(ddic_rmap_claim);

int ddic_rmap_walk(struct map *mp,
		   int (*fn)(unsigned long start, unsigned long size, void *arg),
		   void *arg)
{
	struct rb_node *n;
	unsigned long flags;
	int ret = 0;

	spin_lock_irqsave(&mp->lock, flags);
	rsm_clean(mp);
	for (n = rb_first(&mp->root); n && !ret; n = rb_next(n))
		ret = fn(rsm_entry(n)->start, rsm_entry(n)->size, arg);
	spin_unlock_irqrestore(&mp->lock, flags);
	return ret;
}

unsigned long ddic_rmap_free_units(struct map *mp)
{
	return READ_ONCE(mp->free_units);
}
EXPORT_SYMBOL(ddic_rmap_free_units);
