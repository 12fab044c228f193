// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_vmem: vmem_create(9F), vmem_xalloc(9F) and the
 * rest of the arena interfaces.
 */
#include <kunit/test.h>
#include <linux/kthread.h>
#include <linux/completion.h>
#include <linux/delay.h>
#include <sys/types.h>
#include <sys/sysmacros.h>
#include <sys/vmem.h>

#define A_BASE	0x10000UL
#define A_SIZE	0x10000UL
#define A_Q	0x10UL

static vmem_t *arena(struct kunit *test)
{
	vmem_t *vmp = vmem_create("kunit_arena", (void *)A_BASE, A_SIZE, A_Q,
				  NULL, NULL, NULL, 0, VM_SLEEP);

	KUNIT_ASSERT_NOT_NULL(test, vmp);
	return vmp;
}

static void vmem_alloc_lowest_and_quantum(struct kunit *test)
{
	vmem_t *vmp = arena(test);
	void *a, *b, *c;

	a = vmem_alloc(vmp, 0x15, VM_SLEEP);	/* rounds up to 0x20 */
	b = vmem_alloc(vmp, 0x10, VM_NOSLEEP);
	KUNIT_EXPECT_EQ(test, (uintptr_t)a, A_BASE);
	KUNIT_EXPECT_EQ(test, (uintptr_t)b, A_BASE + 0x20);
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_ALLOC), 0x30);
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_FREE), A_SIZE - 0x30);
	vmem_free(vmp, a, 0x15);
	c = vmem_alloc(vmp, 0x20, VM_NOSLEEP);	/* fits the hole again */
	KUNIT_EXPECT_EQ(test, (uintptr_t)c, A_BASE);
	/* More than there is: NULL at once with VM_NOSLEEP. */
	KUNIT_EXPECT_NULL(test, vmem_alloc(vmp, A_SIZE, VM_NOSLEEP));
	vmem_free(vmp, c, 0x20);
	vmem_free(vmp, b, 0x10);
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_ALLOC), 0);
	vmem_destroy(vmp);
}

/*
 * vmem_xalloc cases on the arena [0x10000, 0x20000), quantum 0x10, with
 * [0x10000, 0x10010) taken first so that the lowest free address is
 * unaligned for most of them.  expect 0: no fit (NULL).
 */
static const struct {
	const char *what;
	size_t size, align, phase, nocross;
	uintptr_t min, max;
	uintptr_t expect;
} xalloc_cases[] = {
	{ "no constraint: lowest", 0x10, 0, 0, 0, 0, 0, 0x10010 },
	{ "align 0x100", 0x10, 0x100, 0, 0, 0, 0, 0x10100 },
	{ "align 0x1000", 0x40, 0x1000, 0, 0, 0, 0, 0x11000 },
	{ "align 0x100 phase 0x20", 0x10, 0x100, 0x20, 0, 0, 0, 0x10020 },
	{ "align 0x100 phase 0xf0", 0x20, 0x100, 0xf0, 0, 0, 0, 0x100f0 },
	{ "nocross 0x100: would cross at 0x100f0", 0x20, 0, 0, 0x100, 0x100f0,
	  0, 0x10100 },
	{ "nocross 0x100, fits before the boundary", 0x20, 0, 0, 0x100,
	  0x100c0, 0, 0x100c0 },
	{ "minaddr", 0x10, 0, 0, 0, 0x18000, 0, 0x18000 },
	{ "minaddr with align", 0x10, 0x100, 0, 0, 0x18010, 0, 0x18100 },
	{ "maxaddr: the range ends at or below it", 0x100, 0, 0, 0, 0x1ff00,
	  0x20000, 0x1ff00 },
	{ "maxaddr too low for the size", 0x200, 0, 0, 0, 0x1ff00, 0x20000,
	  0 },
	{ "bounds outside the arena", 0x10, 0, 0, 0, 0x30000, 0x40000, 0 },
	{ "alignment the arena cannot meet", 0x10, 0x40000, 0, 0, 0, 0, 0 },
	{ "bad: align not a power of 2", 0x10, 0x30, 0, 0, 0, 0, 0 },
	{ "bad: phase not below align", 0x10, 0x100, 0x100, 0, 0, 0, 0 },
	{ "bad: nocross below size", 0x200, 0, 0, 0x100, 0, 0, 0 },
	{ "bad: minaddr not quantum-aligned", 0x10, 0, 0, 0, 0x18001, 0, 0 },
};

static void vmem_xalloc_table(struct kunit *test)
{
	vmem_t *vmp = arena(test);
	void *first = vmem_alloc(vmp, 0x10, VM_SLEEP);
	int c;

	KUNIT_EXPECT_EQ(test, (uintptr_t)first, A_BASE);
	for (c = 0; c < ARRAY_SIZE(xalloc_cases); c++) {
		size_t size = xalloc_cases[c].size;
		size_t align = xalloc_cases[c].align;
		size_t phase = xalloc_cases[c].phase;
		size_t nocross = xalloc_cases[c].nocross;
		uintptr_t a;

		a = (uintptr_t)vmem_xalloc(vmp, size, align, phase, nocross,
					   (void *)xalloc_cases[c].min,
					   (void *)xalloc_cases[c].max,
					   VM_NOSLEEP);
		KUNIT_EXPECT_EQ_MSG(test, a, xalloc_cases[c].expect, "%s",
				    xalloc_cases[c].what);
		if (!a)
			continue;
		/* Whatever the expectation, the constraints hold. */
		if (align)
			KUNIT_EXPECT_EQ(test, P2PHASE(a - phase, align), 0);
		if (nocross)
			KUNIT_EXPECT_FALSE(test, P2BOUNDARY(a, size, nocross));
		if (xalloc_cases[c].min)
			KUNIT_EXPECT_GE(test, a, xalloc_cases[c].min);
		if (xalloc_cases[c].max)
			KUNIT_EXPECT_LE(test, a + size, xalloc_cases[c].max);
		KUNIT_EXPECT_TRUE(test, vmem_contains(vmp, (void *)a, size));
		vmem_xfree(vmp, (void *)a, size);
	}
	vmem_free(vmp, first, 0x10);
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_FREE), A_SIZE);
	vmem_destroy(vmp);
}

static void vmem_add_contains_size(struct kunit *test)
{
	vmem_t *vmp = vmem_create("kunit_add", NULL, 0, 1, NULL, NULL, NULL,
				  0, VM_SLEEP);

	KUNIT_ASSERT_NOT_NULL(test, vmp);
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_FREE | VMEM_ALLOC), 0);
	KUNIT_EXPECT_NULL(test, vmem_alloc(vmp, 1, VM_NOSLEEP));
	KUNIT_EXPECT_PTR_EQ(test, vmem_add(vmp, (void *)100, 50, VM_SLEEP),
			    (void *)100);
	KUNIT_EXPECT_PTR_EQ(test, vmem_add(vmp, (void *)0, 10, VM_SLEEP),
			    (void *)0);
	/* Overlapping what is there: refused. */
	KUNIT_EXPECT_NULL(test, vmem_add(vmp, (void *)140, 20, VM_SLEEP));
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_FREE), 60);
	KUNIT_EXPECT_TRUE(test, vmem_contains(vmp, (void *)100, 50));
	KUNIT_EXPECT_TRUE(test, vmem_contains(vmp, (void *)0, 10));
	KUNIT_EXPECT_TRUE(test, vmem_contains(vmp, (void *)120, 1));
	KUNIT_EXPECT_FALSE(test, vmem_contains(vmp, (void *)140, 20));
	KUNIT_EXPECT_FALSE(test, vmem_contains(vmp, (void *)10, 1));
	KUNIT_EXPECT_FALSE(test, vmem_contains(vmp, (void *)5, 10));
	/* Address 0 is a valid allocation here, as on Solaris. */
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_xalloc(vmp, 10, 0, 0, 0, NULL,
						     NULL, VM_NOSLEEP), 0);
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_alloc(vmp, 5, VM_NOSLEEP), 100);
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_ALLOC), 15);
	vmem_free(vmp, (void *)0, 10);
	vmem_free(vmp, (void *)100, 5);
	vmem_destroy(vmp);
}

static void vmem_fit_policies(struct kunit *test)
{
	vmem_t *vmp = vmem_create("kunit_fit", (void *)1, 100, 1, NULL, NULL,
				  NULL, 0, VM_SLEEP | VMC_IDENTIFIER);
	uintptr_t a[6];
	int i;

	KUNIT_ASSERT_NOT_NULL(test, vmp);
	/* Holes: [1,11) size 10, [21,24) size 3, [34,40) size 6; rest. */
	for (i = 0; i < 6; i++)
		a[i] = (uintptr_t)vmem_alloc(vmp, 10, VM_SLEEP);
	KUNIT_EXPECT_EQ(test, a[0], 1);
	KUNIT_EXPECT_EQ(test, a[5], 51);
	vmem_free(vmp, (void *)1, 10);
	vmem_free(vmp, (void *)21, 3);
	vmem_free(vmp, (void *)34, 6);
	/* Default and VM_FIRSTFIT: the lowest hole that fits. */
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_alloc(vmp, 3, VM_FIRSTFIT |
						    VM_NOSLEEP), 1);
	vmem_free(vmp, (void *)1, 3);
	/* VM_BESTFIT: the smallest hole that fits. */
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_alloc(vmp, 3, VM_BESTFIT |
						    VM_NOSLEEP), 21);
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_alloc(vmp, 5, VM_BESTFIT |
						    VM_NOSLEEP), 34);
	/* VM_NEXTFIT: after the last one it handed out. */
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_alloc(vmp, 1, VM_NEXTFIT |
						    VM_NOSLEEP), 1);
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_alloc(vmp, 1, VM_NEXTFIT |
						    VM_NOSLEEP), 2);
	vmem_free(vmp, (void *)1, 1);
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_alloc(vmp, 1, VM_NEXTFIT |
						    VM_NOSLEEP), 3);
	vmem_free(vmp, (void *)2, 1);
	vmem_free(vmp, (void *)3, 1);
	vmem_free(vmp, (void *)21, 3);
	vmem_free(vmp, (void *)34, 5);
	vmem_free(vmp, (void *)a[1], 10);
	vmem_free(vmp, (void *)a[4], 10);
	vmem_free(vmp, (void *)a[5], 10);
	vmem_free(vmp, (void *)24, 7);
	vmem_free(vmp, (void *)31, 3);
	vmem_free(vmp, (void *)40, 1);
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_ALLOC), 0);
	vmem_destroy(vmp);
}

/* VM_SLEEP waits for space that another thread frees. */
struct vs_ctx {
	vmem_t *vmp;
	uintptr_t got;
	struct completion started, done;
};

static int vs_thread(void *p)
{
	struct vs_ctx *c = p;

	complete(&c->started);
	c->got = (uintptr_t)vmem_alloc(c->vmp, 4, VM_SLEEP);
	kthread_complete_and_exit(&c->done, 0);
}

static void vmem_sleep_waits_for_free(struct kunit *test)
{
	vmem_t *vmp = vmem_create("kunit_sleep", (void *)8, 8, 1, NULL, NULL,
				  NULL, 0, VM_SLEEP);
	struct vs_ctx c = { .vmp = vmp };
	void *a;

	KUNIT_ASSERT_NOT_NULL(test, vmp);
	a = vmem_alloc(vmp, 6, VM_SLEEP);
	KUNIT_EXPECT_EQ(test, (uintptr_t)a, 8);
	init_completion(&c.started);
	init_completion(&c.done);
	KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(vs_thread, &c, "vms")));
	wait_for_completion(&c.started);
	KUNIT_EXPECT_FALSE(test, wait_for_completion_timeout(&c.done,
							     HZ / 10));
	vmem_free(vmp, a, 6);
	KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c.done, 5 * HZ));
	KUNIT_EXPECT_EQ(test, c.got, 8);
	vmem_free(vmp, (void *)c.got, 4);
	vmem_destroy(vmp);
}

/* Several threads: aligned allocations never overlap. */
#define VC_THREADS	4
#define VC_ROUNDS	3000
#define VC_SPACE	4096

struct vc_ctx {
	vmem_t *vmp;
	atomic_t bad;
	u8 owner[VC_SPACE];
	struct completion done[VC_THREADS];
	struct vc_arg {
		struct vc_ctx *c;
		int id;
	} arg[VC_THREADS];
};

static int vc_thread(void *p)
{
	struct vc_arg *a = p;
	struct vc_ctx *c = a->c;
	uintptr_t held[4], sz[4];
	int n = 0, r, i;

	for (r = 0; r < VC_ROUNDS; r++) {
		if (n < 4 && (r % 3 || !n)) {
			size_t size = 1 + (r * 7 + a->id) % 24;
			size_t align = 1UL << ((r + a->id) % 5);
			uintptr_t v = (uintptr_t)vmem_xalloc(c->vmp, size,
							     align, 0, 0, NULL,
							     NULL, VM_SLEEP);

			if (v & (align - 1))
				atomic_inc(&c->bad);
			for (i = 0; i < size; i++)
				if (cmpxchg(&c->owner[v + i], 0, a->id + 1))
					atomic_inc(&c->bad);
			held[n] = v;
			sz[n++] = size;
		} else {
			n--;
			for (i = 0; i < sz[n]; i++)
				WRITE_ONCE(c->owner[held[n] + i], 0);
			vmem_xfree(c->vmp, (void *)held[n], sz[n]);
		}
	}
	while (n--) {
		for (i = 0; i < sz[n]; i++)
			WRITE_ONCE(c->owner[held[n] + i], 0);
		vmem_xfree(c->vmp, (void *)held[n], sz[n]);
	}
	kthread_complete_and_exit(&c->done[a->id], 0);
}

static void vmem_concurrent_threads(struct kunit *test)
{
	struct vc_ctx *c = kunit_kzalloc(test, sizeof(*c), GFP_KERNEL);
	int i;

	KUNIT_ASSERT_NOT_NULL(test, c);
	c->vmp = vmem_create("kunit_conc", NULL, VC_SPACE, 1, NULL, NULL,
			     NULL, 0, VM_SLEEP);
	KUNIT_ASSERT_NOT_NULL(test, c->vmp);
	for (i = 0; i < VC_THREADS; i++) {
		c->arg[i].c = c;
		c->arg[i].id = i;
		init_completion(&c->done[i]);
		KUNIT_ASSERT_FALSE(test, IS_ERR(kthread_run(vc_thread,
							    &c->arg[i],
							    "vmc%d", i)));
	}
	for (i = 0; i < VC_THREADS; i++)
		KUNIT_EXPECT_TRUE(test, wait_for_completion_timeout(&c->done[i],
								    30 * HZ));
	KUNIT_EXPECT_EQ(test, atomic_read(&c->bad), 0);
	KUNIT_EXPECT_EQ(test, vmem_size(c->vmp, VMEM_FREE), VC_SPACE);
	vmem_destroy(c->vmp);
}

/* What vmem_walk() reported, in order. */
struct vwk {
	int n;
	uintptr_t start[16];
	size_t size[16];
	vmem_t *vmp;
	bool reentered;
};

static void vwk_note(void *arg, void *start, size_t size)
{
	struct vwk *w = arg;

	if (w->n < ARRAY_SIZE(w->start)) {
		w->start[w->n] = (uintptr_t)start;
		w->size[w->n] = size;
	}
	w->n++;
	/* VMEM_REENTRANT: the callback may use the arena. */
	if (w->vmp && !w->reentered) {
		void *p = vmem_alloc(w->vmp, A_Q, VM_NOSLEEP);

		w->reentered = p != NULL;
		if (p)
			vmem_free(w->vmp, p, A_Q);
	}
}

/*
 * vmem_walk() reports allocated and free segments in address order, each
 * type only when asked, across two spans; the callback may call into the
 * arena.
 */
static void vmem_walk_segments(struct kunit *test)
{
	vmem_t *vmp = arena(test);
	struct vwk w = {};
	void *a, *b, *c;

	a = vmem_alloc(vmp, 2 * A_Q, VM_SLEEP);		/* A_BASE */
	b = vmem_alloc(vmp, A_Q, VM_SLEEP);		/* A_BASE + 0x20 */
	c = vmem_alloc(vmp, A_Q, VM_SLEEP);		/* A_BASE + 0x30 */
	KUNIT_ASSERT_EQ(test, (uintptr_t)c, A_BASE + 3 * A_Q);
	vmem_free(vmp, b, A_Q);
	KUNIT_ASSERT_NOT_NULL(test, vmem_add(vmp, (void *)0x40000, 0x100,
					     VM_SLEEP));

	vmem_walk(vmp, VMEM_FREE, vwk_note, &w);
	KUNIT_ASSERT_EQ(test, w.n, 3);
	KUNIT_EXPECT_EQ(test, w.start[0], A_BASE + 2 * A_Q);
	KUNIT_EXPECT_EQ(test, w.size[0], A_Q);
	KUNIT_EXPECT_EQ(test, w.start[1], A_BASE + 4 * A_Q);
	KUNIT_EXPECT_EQ(test, w.size[1], A_SIZE - 4 * A_Q);
	KUNIT_EXPECT_EQ(test, w.start[2], 0x40000UL);
	KUNIT_EXPECT_EQ(test, w.size[2], 0x100UL);

	memset(&w, 0, sizeof(w));
	vmem_walk(vmp, VMEM_ALLOC, vwk_note, &w);
	KUNIT_ASSERT_EQ(test, w.n, 2);
	KUNIT_EXPECT_EQ(test, w.start[0], A_BASE);
	KUNIT_EXPECT_EQ(test, w.size[0], 2 * A_Q);
	KUNIT_EXPECT_EQ(test, w.start[1], A_BASE + 3 * A_Q);
	KUNIT_EXPECT_EQ(test, w.size[1], A_Q);

	memset(&w, 0, sizeof(w));
	w.vmp = vmp;
	vmem_walk(vmp, VMEM_ALLOC | VMEM_FREE | VMEM_REENTRANT, vwk_note, &w);
	KUNIT_EXPECT_EQ(test, w.n, 5);
	KUNIT_EXPECT_TRUE(test, w.reentered);
	KUNIT_EXPECT_EQ(test, w.start[0], A_BASE);
	KUNIT_EXPECT_EQ(test, w.start[1], A_BASE + 2 * A_Q);
	KUNIT_EXPECT_EQ(test, w.start[2], A_BASE + 3 * A_Q);
	KUNIT_EXPECT_EQ(test, w.start[4], 0x40000UL);

	vmem_free(vmp, a, 2 * A_Q);
	vmem_free(vmp, c, A_Q);
	vmem_destroy(vmp);
}

/*
 * Next fit, one ID at a time, taken and given back just below the rotor
 * (the ID-space pattern): the rotor goes on, and the map keeps no trace
 * of it that another policy, the walk or vmem_size() could see.
 */
static void vmem_nextfit_rotor_pattern(struct kunit *test)
{
	vmem_t *vmp = vmem_create("kunit_rotor", (void *)1, 100, 1, NULL, NULL,
				  NULL, 0, VM_SLEEP | VMC_IDENTIFIER);
	struct vwk w = {};
	uintptr_t a;
	int i;

	KUNIT_ASSERT_NOT_NULL(test, vmp);
	for (i = 1; i <= 6; i++) {
		a = (uintptr_t)vmem_alloc(vmp, 1, VM_NEXTFIT | VM_NOSLEEP);
		KUNIT_EXPECT_EQ(test, a, (uintptr_t)i);
		vmem_free(vmp, (void *)a, 1);
	}
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_FREE), 100);
	vmem_walk(vmp, VMEM_FREE, vwk_note, &w);
	KUNIT_EXPECT_EQ(test, w.n, 1);
	KUNIT_EXPECT_EQ(test, w.start[0], 1UL);
	KUNIT_EXPECT_EQ(test, w.size[0], 100UL);
	for (i = 7; i <= 9; i++) {
		a = (uintptr_t)vmem_alloc(vmp, 1, VM_NEXTFIT | VM_NOSLEEP);
		KUNIT_EXPECT_EQ(test, a, (uintptr_t)i);
		vmem_free(vmp, (void *)a, 1);
	}
	/* Everything at once: one free segment, from the lowest address. */
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_alloc(vmp, 100, VM_NOSLEEP), 1);
	vmem_free(vmp, (void *)1, 100);
	for (i = 10; i <= 12; i++) {
		a = (uintptr_t)vmem_alloc(vmp, 1, VM_NEXTFIT | VM_NOSLEEP);
		KUNIT_EXPECT_EQ(test, a, (uintptr_t)i);
		vmem_free(vmp, (void *)a, 1);
	}
	/* A first fit of everything but the first ID, across the rotor. */
	KUNIT_EXPECT_EQ(test, (uintptr_t)vmem_xalloc(vmp, 99, 0, 0, 0,
						     (void *)2, NULL,
						     VM_NOSLEEP), 2);
	vmem_free(vmp, (void *)2, 99);
	KUNIT_EXPECT_EQ(test, vmem_size(vmp, VMEM_ALLOC), 0);
	vmem_destroy(vmp);
}

static struct kunit_case vmem_cases[] = {
	KUNIT_CASE(vmem_alloc_lowest_and_quantum),
	KUNIT_CASE(vmem_xalloc_table),
	KUNIT_CASE(vmem_add_contains_size),
	KUNIT_CASE(vmem_fit_policies),
	KUNIT_CASE(vmem_sleep_waits_for_free),
	KUNIT_CASE(vmem_concurrent_threads),
	KUNIT_CASE(vmem_walk_segments),
	KUNIT_CASE(vmem_nextfit_rotor_pattern),
	{}
};

static struct kunit_suite vmem_suite = {
	.name = "ddi_compat_vmem",
	.test_cases = vmem_cases,
};
kunit_test_suite(vmem_suite);
