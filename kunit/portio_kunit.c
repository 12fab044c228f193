// SPDX-License-Identifier: GPL-2.0
/*
 * KUnit suite ddi_compat_portio: inb(9F)/outb(9F) take the port first
 * (ddi_compat/portio.c).  The PC's port 0x61 (speaker and timer-2 gate)
 * keeps what is written to its two low bits: the test writes a value
 * whose low bits differ from what is there, reads it back, and restores
 * the port.  The value written is never 0x61 and stays below 4, so were
 * the arguments swapped, the write would go to a DMA register that
 * nothing uses and the read-back would show the port unchanged.
 */
#include <kunit/test.h>
#include <sys/types.h>
#include <sys/ddi.h>

#define SPKR_PORT	0x61
#define SPKR_BITS	0x03

static void portio_outb_order(struct kunit *test)
{
#ifdef CONFIG_X86
	uint8_t orig, want, got;

	orig = inb(SPKR_PORT);
	want = (orig & SPKR_BITS) ^ SPKR_BITS;
	outb(SPKR_PORT, want);
	got = inb(SPKR_PORT);
	outb(SPKR_PORT, orig & 0x0f);
	KUNIT_EXPECT_EQ_MSG(test, got & SPKR_BITS, want,
			    "port 0x61 was %#x, wrote %#x, read %#x", orig,
			    want, got);
	KUNIT_EXPECT_EQ(test, inb(SPKR_PORT) & SPKR_BITS, orig & SPKR_BITS);
#else
	kunit_skip(test, "no PC I/O ports");
#endif
}

static void portio_rep(struct kunit *test)
{
#ifdef CONFIG_X86
	uint8_t orig, out[1], in[2] = { 0xee, 0xee };

	orig = inb(SPKR_PORT);
	out[0] = (orig & SPKR_BITS) ^ 0x01;
	repoutsb(SPKR_PORT, out, 1);
	repinsb(SPKR_PORT, in, 2);
	outb(SPKR_PORT, orig & 0x0f);
	KUNIT_EXPECT_EQ(test, in[0] & SPKR_BITS, out[0]);
	KUNIT_EXPECT_EQ(test, in[1] & SPKR_BITS, out[0]);
	/* A count of 0 moves nothing. */
	repinsb(SPKR_PORT, in, 0);
	KUNIT_EXPECT_EQ(test, in[1] & SPKR_BITS, out[0]);
#else
	kunit_skip(test, "no PC I/O ports");
#endif
}

static struct kunit_case portio_cases[] = {
	KUNIT_CASE(portio_outb_order),
	KUNIT_CASE(portio_rep),
	{}
};

static struct kunit_suite portio_suite = {
	.name = "ddi_compat_portio",
	.test_cases = portio_cases,
};
kunit_test_suite(portio_suite);
