// SPDX-License-Identifier: GPL-2.0
/*
 * ddic_soft_state(9F): per-instance state of a fixed size, by instance
 * number.
 *
 * ddi_get_soft_state() takes no lock and never sleeps, so it works from
 * any context: the items live in an array of pointers that is only ever
 * replaced by a larger copy, published with a release store; old arrays
 * are kept until ddi_soft_state_fini(), as Solaris does, so a reader
 * holding one is never left with freed memory.  zalloc and free serialise
 * on a mutex (they may sleep, as on Solaris).
 */
#define pr_fmt(fmt) KBUILD_MODNAME ": " fmt

#include <linux/slab.h>
#include <linux/mutex.h>
#include <linux/overflow.h>
#include <sys/types.h>
#include <sys/sunddi.h>

#include "ddic_core.h"
#include "devinfo.h"

struct ddic_ss_array {
	struct ddic_ss_array *older;	/* replaced arrays, freed at fini */
	size_t n;
	void *items[];
};

struct ddic_soft_state {
	size_t size;
	struct ddic_ss_array *array;
	struct mutex lock;
};

#define DDIC_SS_MAX	(1 << 20)

static struct ddic_ss_array *ddic_ss_array_new(size_t n)
{
	struct ddic_ss_array *a = kvzalloc(struct_size(a, items, n), GFP_KERNEL);

	if (a)
		a->n = n;
	return a;
}

int ddi_soft_state_init(void **state_p, size_t size, size_t n_items)
{
	struct ddic_soft_state *ss;

	if (!state_p || !size || n_items > DDIC_SS_MAX) {
		pr_warn("%s: bad argument (size %zu, n_items %zu)\n",
			__func__, size, n_items);
		return EINVAL;
	}
	ss = kzalloc(sizeof(*ss), GFP_KERNEL);
	if (!ss)
		return ENOMEM;
	ss->size = size;
	mutex_init(&ss->lock);
	ss->array = ddic_ss_array_new(n_items ? n_items : 1);
	if (!ss->array) {
		kfree(ss);
		return ENOMEM;
	}
	*state_p = ss;
	return 0;
}
EXPORT_SYMBOL(ddi_soft_state_init);

void *ddi_get_soft_state(void *state, int item)
{
	struct ddic_soft_state *ss = state;
	struct ddic_ss_array *a;

	if (!ss || item < 0)
		return NULL;
	/* Pairs with the release stores in zalloc: a and its items are set. */
	a = smp_load_acquire(&ss->array);
	if ((size_t)item >= a->n)
		return NULL;
	return READ_ONCE(a->items[item]);
}
EXPORT_SYMBOL(ddi_get_soft_state);

int ddi_soft_state_zalloc(void *state, int item)
{
	struct ddic_soft_state *ss = state;
	struct ddic_ss_array *a, *b;
	void *p;

	if (!ss || item < 0 || item >= DDIC_SS_MAX) {
		pr_warn("%s: bad state or item %d\n", __func__, item);
		return DDI_FAILURE;
	}
	mutex_lock(&ss->lock);
	a = ss->array;
	if ((size_t)item >= a->n) {
		size_t n = max_t(size_t, a->n * 2, item + 1);

		b = ddic_ss_array_new(min_t(size_t, n, DDIC_SS_MAX));
		if (!b)
			goto fail;
		memcpy(b->items, a->items, a->n * sizeof(void *));
		b->older = a;
		/* Publish b only once its items are copied. */
		smp_store_release(&ss->array, b);
		a = b;
	}
	if (a->items[item])
		goto fail;
	p = kzalloc(ss->size, GFP_KERNEL);
	if (!p)
		goto fail;
	/* Publish the item only once it is zeroed. */
	smp_store_release(&a->items[item], p);
	mutex_unlock(&ss->lock);
	return DDI_SUCCESS;
fail:
	mutex_unlock(&ss->lock);
	return DDI_FAILURE;
}
EXPORT_SYMBOL(ddi_soft_state_zalloc);

void ddi_soft_state_free(void *state, int item)
{
	struct ddic_soft_state *ss = state;
	struct ddic_ss_array *a;
	void *p = NULL;

	if (!ss || item < 0)
		return;
	mutex_lock(&ss->lock);
	a = ss->array;
	if ((size_t)item < a->n) {
		p = a->items[item];
		WRITE_ONCE(a->items[item], NULL);
	}
	mutex_unlock(&ss->lock);
	if (p) {
		ddic_poll_forget_range(p, ss->size);
		kfree(p);
	}
}
EXPORT_SYMBOL(ddi_soft_state_free);

void ddi_soft_state_fini(void **state_p)
{
	struct ddic_soft_state *ss;
	struct ddic_ss_array *a, *older;
	size_t i, left = 0;

	if (!state_p || !*state_p)
		return;
	ss = *state_p;
	a = ss->array;
	for (i = 0; i < a->n; i++) {
		if (a->items[i]) {
			left++;
			ddic_poll_forget_range(a->items[i], ss->size);
			kfree(a->items[i]);
		}
	}
	if (left)
		pr_warn("%s: %zu item(s) still allocated; freed\n",
			__func__, left);
	for (; a; a = older) {
		older = a->older;
		kvfree(a);
	}
	kfree(ss);
	*state_p = NULL;
}
EXPORT_SYMBOL(ddi_soft_state_fini);
