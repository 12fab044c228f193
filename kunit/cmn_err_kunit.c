// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_cmn_err: cmn_err(9F) and vcmn_err(9F) levels, prefixes
 * and the '!' and '^' destinations, seen through the debug-build tap.
 */
#include <kunit/test.h>
#include <sys/cmn_err.h>
#include <ddi_compat/testing.h>

#ifdef DDIC_DEBUG
struct ce_seen {
	int calls;
	int level;
	int dest;
	char text[256];
};

static void ce_tap(int level, int dest, const char *text, void *arg)
{
	struct ce_seen *s = arg;

	s->calls++;
	s->level = level;
	s->dest = dest;
	strscpy(s->text, text, sizeof(s->text));
}

static int ce_init(struct kunit *test)
{
	struct ce_seen *s = kunit_kzalloc(test, sizeof(*s), GFP_KERNEL);

	if (!s)
		return -ENOMEM;
	test->priv = s;
	ddic_cmn_err_set_tap(ce_tap, s);
	return 0;
}

static void ce_exit(struct kunit *test)
{
	ddic_cmn_err_set_tap(NULL, NULL);
}

static void cmn_err_ce_note(struct kunit *test)
{
	struct ce_seen *s = test->priv;

	cmn_err(CE_NOTE, "qotd%d: attached, %s", 3, "ok");
	KUNIT_EXPECT_EQ(test, s->calls, 1);
	KUNIT_EXPECT_EQ(test, s->level, CE_NOTE);
	KUNIT_EXPECT_EQ(test, s->dest, DDIC_CE_LOG | DDIC_CE_CONSOLE);
	KUNIT_EXPECT_STREQ(test, s->text, "NOTICE: qotd3: attached, ok");
}

static void cmn_err_ce_warn(struct kunit *test)
{
	struct ce_seen *s = test->priv;

	cmn_err(CE_WARN, "xx: %lu units left", 7UL);
	KUNIT_EXPECT_EQ(test, s->level, CE_WARN);
	KUNIT_EXPECT_STREQ(test, s->text, "WARNING: xx: 7 units left");
}

static void cmn_err_ce_cont(struct kunit *test)
{
	struct ce_seen *s = test->priv;

	cmn_err(CE_CONT, "part %d", 2);
	KUNIT_EXPECT_EQ(test, s->level, CE_CONT);
	KUNIT_EXPECT_STREQ(test, s->text, "part 2");
	cmn_err(CE_CONT, "\n");
}

static void cmn_err_log_only(struct kunit *test)
{
	struct ce_seen *s = test->priv;

	cmn_err(CE_NOTE, "!only in the log");
	KUNIT_EXPECT_EQ(test, s->dest, DDIC_CE_LOG);
	KUNIT_EXPECT_STREQ(test, s->text, "NOTICE: only in the log");
}

static void cmn_err_console_only(struct kunit *test)
{
	struct ce_seen *s = test->priv;

	cmn_err(CE_WARN, "^only on the console");
	KUNIT_EXPECT_EQ(test, s->dest, DDIC_CE_CONSOLE);
	KUNIT_EXPECT_STREQ(test, s->text, "WARNING: only on the console");
}

static void cmn_err_ce_ignore(struct kunit *test)
{
	struct ce_seen *s = test->priv;

	cmn_err(CE_IGNORE, "never seen");
	KUNIT_EXPECT_EQ(test, s->calls, 0);
}

static __printf(2, 3) void ce_vcall(struct kunit *test, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vcmn_err(CE_NOTE, fmt, ap);
	va_end(ap);
}

static void vcmn_err_formats(struct kunit *test)
{
	struct ce_seen *s = test->priv;

	ce_vcall(test, "%s=%d", "size", 128);
	KUNIT_EXPECT_EQ(test, s->calls, 1);
	KUNIT_EXPECT_STREQ(test, s->text, "NOTICE: size=128");
}

static void cmn_err_long_message(struct kunit *test)
{
	struct ce_seen *s = test->priv;
	char *big = kunit_kzalloc(test, 1000, GFP_KERNEL);

	KUNIT_ASSERT_NOT_NULL(test, big);
	memset(big, 'x', 999);
	cmn_err(CE_NOTE, "!%s", big);
	KUNIT_EXPECT_EQ(test, s->calls, 1);
	/* The tap's copy is cut to its buffer, never overrun. */
	KUNIT_EXPECT_EQ(test, strlen(s->text), sizeof(s->text) - 1);
}

/*
 * "%b" (cmn_err(9F)'s example, and what illumos's formatter prints
 * around it), ignoring the compiler's printf checks, which do not know it.
 */
__diag_push();
__diag_ignore_all("-Wformat", "Solaris's %b conversion");
__diag_ignore_all("-Wformat-extra-args", "Solaris's %b conversion");
static void cmn_err_bits(struct kunit *test)
{
	static const char bits[] = "\020\3Intr\2Err\1Enable";
	static const char narrow[] = "[%*d][%-*s][%.*s][%hd][%hhu] %b";
	static const struct {
		const char *fmt;
		unsigned int v;
		const char *text;
	} cases[] = {
		{ "reg=0x%b", 13, "reg=0xd<Intr,Enable>" },
		{ "reg=0x%b", 2, "reg=0x2<Err>" },
		{ "reg=0x%b", 0, "reg=0x0" },
		{ "reg=0x%b", 8, "reg=0x8" },		/* no name for bit 4 */
		{ "reg=0x%04b!", 7, "reg=0x0007<Intr,Err,Enable>!" },
		{ "reg=%-4b|", 5, "reg=5   <Intr,Enable>|" },
		{ "reg=0x%B", 0xab, "reg=0xAB<Err,Enable>" },
	};
	struct ce_seen *s = test->priv;
	int i;

	for (i = 0; i < ARRAY_SIZE(cases); i++) {
		cmn_err(CE_CONT, cases[i].fmt, cases[i].v, bits);
		KUNIT_EXPECT_STREQ_MSG(test, s->text, cases[i].text, "%s %u",
				       cases[i].fmt, cases[i].v);
	}
	/* Octal, and the arguments around it kept in step. */
	cmn_err(CE_WARN, "%s: %d status %b (%lu, %llx, %c%%)", "xx", -3, 9U,
		"\010\4Busy\1Done", 5UL, 0x1234567890ULL, 'z');
	KUNIT_EXPECT_STREQ(test, s->text,
			   "WARNING: xx: -3 status 11<Busy,Done> (5, 1234567890, z%)");
	/* '*' widths and precisions, h and hh narrowing what was passed. */
	cmn_err(CE_NOTE, narrow, 4, 7, 3, "a", 2, "xyz", 70000, 300, 1U,
		"\020\1One");
	KUNIT_EXPECT_STREQ(test, s->text,
			   "NOTICE: [   7][a  ][xy][4464][44] 1<One>");
	/* Bit 32 is a space, as illumos reads it. */
	cmn_err(CE_CONT, "%b", 0x80000001U, "\020\040Top\1Low");
	KUNIT_EXPECT_STREQ(test, s->text, "80000001<Top,Low>");
	/* A long message is cut, never overrun. */
	cmn_err(CE_CONT, "%300s%b", "x", 1U, "\020\1A");
	KUNIT_EXPECT_EQ(test, strlen(s->text), (size_t)255);
	cmn_err(CE_CONT, "\n");
}
__diag_pop();

/* '?' (verbose-boot console) is not part of the text. */
static void cmn_err_verbose_only(struct kunit *test)
{
	struct ce_seen *s = test->priv;

	cmn_err(CE_CONT, "?probe %d\n", 1);
	KUNIT_EXPECT_STREQ(test, s->text, "probe 1\n");
	cmn_err(CE_NOTE, "?note");
	KUNIT_EXPECT_STREQ(test, s->text, "NOTICE: note");
}

static struct kunit_case cmn_err_cases[] = {
	KUNIT_CASE(cmn_err_ce_note),
	KUNIT_CASE(cmn_err_ce_warn),
	KUNIT_CASE(cmn_err_ce_cont),
	KUNIT_CASE(cmn_err_log_only),
	KUNIT_CASE(cmn_err_console_only),
	KUNIT_CASE(cmn_err_ce_ignore),
	KUNIT_CASE(vcmn_err_formats),
	KUNIT_CASE(cmn_err_long_message),
	KUNIT_CASE(cmn_err_bits),
	KUNIT_CASE(cmn_err_verbose_only),
	{}
};

static struct kunit_suite cmn_err_suite = {
	.name = "ddi_compat_cmn_err",
	.init = ce_init,
	.exit = ce_exit,
	.test_cases = cmn_err_cases,
};

kunit_test_suite(cmn_err_suite);
#endif /* DDIC_DEBUG */
