// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_conffuzz: the driver.conf parser
 * (ddi_compat/conf.c) fed 100000 random and mutated inputs (10000 under
 * KASAN; issue 11 item 7), in twenty cases of a twentieth each.  Each
 * parse must end in success with a well-formed result or in -EINVAL with
 * a message; KASAN and kmemleak watch the memory.  The inputs come from a fixed seed
 * per case, printed, so a failure can be replayed.
 */
#include <kunit/test.h>
#include <linux/prandom.h>
#include <linux/slab.h>
#include <linux/string.h>

#include "../ddi_compat/devinfo.h"

/*
 * 100000 inputs, but 10000 under KASAN: there a parse costs about 3 ms
 * under TCG, 290 s for the full count (and a case of fewer than 500 may
 * have none that parses).  In twenty cases: the insmod of the KUnit
 * module waits for each case without being scheduled, and a wait over
 * the hung-task timeout (60 s on the debug kernels) is reported as a hung
 * task.  One case of 100000 took 164 s on kcsan-6.12 with three
 * guests sharing two cores.
 */
#define CF_CASES	20
#define CF_RUNS		((IS_ENABLED(CONFIG_KASAN) ? 10000 : 100000) / CF_CASES)
#define CF_MAX		160
#define CF_SEED		0x5eed0c0f

static const char * const cf_seeds[] = {
	"name=\"drv\" parent=\"pseudo\" instance=2 size=0x10 neg=-3\n"
	"\tlabel=\"tab\\there \\\"q\\\"\" list=1,2,3; # c\n",
	"name=\"drv\" parent=\"pseudo\" instance=0 flag strs=\"a\",\"bc\";\n"
	"ddi-no-autodetach=1;\n",
	"name=\"ramdisk\" parent=\"pseudo\" instance=0\n"
	"\tdisk-names=\"alpha\",\"beta\" disk-sizes=\"8m\",\"1536k\"\n"
	"\textent-size=65536 chunk-size=4194304;\n",
	"name=\"ringbuf\" parent=\"pseudo\" instance=1 ringbuf-size=16;\n"
	"ringbuf-label=\"unnamed\";\n",
};

static const char * const cf_words[] = {
	"name", "parent", "instance", "=", "\"", ";", ",", "#", "\n", "\\",
	"0x", "-", "2147483648", "-2147483649", "0xffffffffffffffff", "\"\"",
	"=;", ",,", "\\\"", "\t", "4294967296", "999999999999999999999",
};

static void cf_mutate(struct rnd_state *rs, char *buf, size_t *len)
{
	u32 r = prandom_u32_state(rs), pos = *len ? r % *len : 0;
	const char *w;
	size_t wl;

	switch ((r >> 16) % 6) {
	case 0:		/* a random byte anywhere */
		if (*len)
			buf[pos] = (char)(prandom_u32_state(rs) & 0xff);
		break;
	case 1:		/* cut the rest */
		*len = pos;
		break;
	case 2:		/* delete a few bytes */
		wl = min_t(size_t, prandom_u32_state(rs) % 8, *len - pos);
		memmove(buf + pos, buf + pos + wl, *len - pos - wl);
		*len -= wl;
		break;
	default:	/* insert a token of the grammar */
		w = cf_words[prandom_u32_state(rs) % ARRAY_SIZE(cf_words)];
		wl = strlen(w);
		if (*len + wl >= CF_MAX)
			break;
		memmove(buf + pos + wl, buf + pos, *len - pos);
		memcpy(buf + pos, w, wl);
		*len += wl;
		break;
	}
}

/* A parse result must hang together: every node's properties readable. */
static void cf_check(struct kunit *test, struct ddic_conf *conf)
{
	struct ddic_conf_node *n;
	struct ddic_prop *p;
	int nodes = 0;

	list_for_each_entry(n, &conf->nodes, link) {
		nodes++;
		list_for_each_entry(p, &n->props, link) {
			KUNIT_ASSERT_NOT_NULL(test, p->name);
			KUNIT_ASSERT_TRUE(test, p->len == 0 || p->val);
		}
	}
	KUNIT_ASSERT_EQ(test, nodes, conf->nnodes);
}

/* Case @n of CF_CASES: CF_RUNS inputs from seed CF_SEED + @n. */
static void cf_fuzz(struct kunit *test, int n)
{
	struct rnd_state rs;
	struct ddic_conf *conf;
	char *buf, *text, err[96];
	size_t len;
	int i, k, ret, ok = 0, bad = 0;

	buf = kunit_kzalloc(test, CF_MAX + 1, GFP_KERNEL);
	KUNIT_ASSERT_NOT_NULL(test, buf);
	prandom_seed_state(&rs, CF_SEED + n);
	kunit_info(test, "seed %#x, %d inputs\n", CF_SEED + n, CF_RUNS);
	for (i = 0; i < CF_RUNS; i++) {
		if (i % 8 == 0) {	/* random bytes, some of them text */
			len = prandom_u32_state(&rs) % CF_MAX;
			prandom_bytes_state(&rs, buf, len);
			if (i % 16 == 0)
				for (k = 0; k < len; k++)
					buf[k] = 32 + (buf[k] & 0x7f) % 95;
		} else {		/* a valid text, mutated */
			const char *s = cf_seeds[prandom_u32_state(&rs) %
						 ARRAY_SIZE(cf_seeds)];

			len = min_t(size_t, strlen(s), CF_MAX - 1);
			memcpy(buf, s, len);
			for (k = 1 + prandom_u32_state(&rs) % 4; k; k--)
				cf_mutate(&rs, buf, &len);
		}
		buf[len] = '\0';
		/*
		 * The parser reads a copy of exactly the input's size, so a
		 * read past its NUL is caught by KASAN at once, not hidden
		 * in the slack of the CF_MAX buffer.
		 */
		text = kmemdup(buf, len + 1, GFP_KERNEL);
		KUNIT_ASSERT_NOT_NULL(test, text);
		ret = ddic_conf_parse("fuzz", text, &conf, err, sizeof(err));
		if (ret == 0) {
			KUNIT_ASSERT_NOT_NULL(test, conf);
			cf_check(test, conf);
			ddic_conf_free(conf);
			ok++;
		} else {
			if (ret != -EINVAL || conf || !err[0])
				KUNIT_FAIL(test, "input %d: returned %d, conf %p, message \"%s\"",
					   i, ret, conf, err);
			bad++;
		}
		kfree(text);
		if (i % 1000 == 0)
			cond_resched();
	}
	kunit_info(test, "%d parsed, %d refused\n", ok, bad);
	/* Both outcomes reached: about 1 in 100 inputs still parses. */
	KUNIT_EXPECT_GT(test, ok, CF_RUNS / 1000);
	KUNIT_EXPECT_GT(test, bad, CF_RUNS / 20);
}

/* Separate cases, not one parameterised: the harness counts each. */
#define CF_CASE(n)							\
static void conffuzz_random_and_mutated_##n(struct kunit *test)		\
{									\
	cf_fuzz(test, n);						\
}
CF_CASE(0)
CF_CASE(1)
CF_CASE(2)
CF_CASE(3)
CF_CASE(4)
CF_CASE(5)
CF_CASE(6)
CF_CASE(7)
CF_CASE(8)
CF_CASE(9)
CF_CASE(10)
CF_CASE(11)
CF_CASE(12)
CF_CASE(13)
CF_CASE(14)
CF_CASE(15)
CF_CASE(16)
CF_CASE(17)
CF_CASE(18)
CF_CASE(19)

static struct kunit_case conffuzz_cases[] = {
	KUNIT_CASE(conffuzz_random_and_mutated_0),
	KUNIT_CASE(conffuzz_random_and_mutated_1),
	KUNIT_CASE(conffuzz_random_and_mutated_2),
	KUNIT_CASE(conffuzz_random_and_mutated_3),
	KUNIT_CASE(conffuzz_random_and_mutated_4),
	KUNIT_CASE(conffuzz_random_and_mutated_5),
	KUNIT_CASE(conffuzz_random_and_mutated_6),
	KUNIT_CASE(conffuzz_random_and_mutated_7),
	KUNIT_CASE(conffuzz_random_and_mutated_8),
	KUNIT_CASE(conffuzz_random_and_mutated_9),
	KUNIT_CASE(conffuzz_random_and_mutated_10),
	KUNIT_CASE(conffuzz_random_and_mutated_11),
	KUNIT_CASE(conffuzz_random_and_mutated_12),
	KUNIT_CASE(conffuzz_random_and_mutated_13),
	KUNIT_CASE(conffuzz_random_and_mutated_14),
	KUNIT_CASE(conffuzz_random_and_mutated_15),
	KUNIT_CASE(conffuzz_random_and_mutated_16),
	KUNIT_CASE(conffuzz_random_and_mutated_17),
	KUNIT_CASE(conffuzz_random_and_mutated_18),
	KUNIT_CASE(conffuzz_random_and_mutated_19),
	{}
};

static struct kunit_suite conffuzz_suite = {
	.name = "ddi_compat_conffuzz",
	.test_cases = conffuzz_cases,
};
kunit_test_suite(conffuzz_suite);
