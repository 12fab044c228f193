/* SPDX-License-Identifier: GPL-2.0 */
/*
 * atomic_ops(9F): atomic_add, atomic_and, atomic_bits, atomic_cas,
 * atomic_dec, atomic_inc, atomic_or, atomic_swap, and membar_ops(9F).
 *
 * All are static inlines over the kernel's atomics: the 32- and 64-bit
 * and long forms over atomic_t, atomic64_t and atomic_long_t (same size
 * and layout as the plain integers the Solaris interfaces take), the 8-
 * and 16-bit forms over cmpxchg() loops; cas and swap over cmpxchg() and
 * xchg() for every size.  As on Solaris, the forms without a return value
 * imply no memory ordering; the _nv, cas and swap forms are fully ordered
 * (Linux's value-returning atomics are).
 *
 * None of these names clash with Linux's (whose atomic_inc() and friends
 * take an atomic_t and have no size suffix), so ddi_compat's own code
 * still sees Linux's and a Solaris driver sees these.
 *
 * 107 names: 18 add, 16 and, 16 or, 16 inc, 16 dec, 9 cas, 9 swap,
 * 2 bits (atomic_set_long_excl, atomic_clear_long_excl), 5 membar.
 */
#ifndef _SYS_ATOMIC_H
#define _SYS_ATOMIC_H

#include <linux/atomic.h>
#include <linux/bitops.h>
#include <sys/types.h>

/* ---- per size: add, or, and returning the new value --------------- */

static inline u8 ddic_atomic_add_8(volatile u8 *target, s8 d)
{
	u8 *p = (u8 *)target;
	u8 old = READ_ONCE(*p);

	while (!try_cmpxchg(p, &old, (u8)(old + d)))
		;
	return old + d;
}

static inline u8 ddic_atomic_or_8(volatile u8 *target, u8 d)
{
	u8 *p = (u8 *)target;
	u8 old = READ_ONCE(*p);

	while (!try_cmpxchg(p, &old, (u8)(old | d)))
		;
	return old | d;
}

static inline u8 ddic_atomic_and_8(volatile u8 *target, u8 d)
{
	u8 *p = (u8 *)target;
	u8 old = READ_ONCE(*p);

	while (!try_cmpxchg(p, &old, (u8)(old & d)))
		;
	return old & d;
}

static inline u16 ddic_atomic_add_16(volatile u16 *target, s16 d)
{
	u16 *p = (u16 *)target;
	u16 old = READ_ONCE(*p);

	while (!try_cmpxchg(p, &old, (u16)(old + d)))
		;
	return old + d;
}

static inline u16 ddic_atomic_or_16(volatile u16 *target, u16 d)
{
	u16 *p = (u16 *)target;
	u16 old = READ_ONCE(*p);

	while (!try_cmpxchg(p, &old, (u16)(old | d)))
		;
	return old | d;
}

static inline u16 ddic_atomic_and_16(volatile u16 *target, u16 d)
{
	u16 *p = (u16 *)target;
	u16 old = READ_ONCE(*p);

	while (!try_cmpxchg(p, &old, (u16)(old & d)))
		;
	return old & d;
}

static inline u32 ddic_atomic_add_32(volatile u32 *target, s32 d)
{
	return atomic_add_return(d, (atomic_t *)target);
}

static inline u32 ddic_atomic_or_32(volatile u32 *target, u32 b)
{
	return atomic_fetch_or(b, (atomic_t *)target) | b;
}

static inline u32 ddic_atomic_and_32(volatile u32 *target, u32 b)
{
	return atomic_fetch_and(b, (atomic_t *)target) & b;
}

static inline u64 ddic_atomic_add_64(volatile u64 *target, s64 d)
{
	return atomic64_add_return(d, (atomic64_t *)target);
}

static inline u64 ddic_atomic_or_64(volatile u64 *target, u64 b)
{
	return atomic64_fetch_or(b, (atomic64_t *)target) | b;
}

static inline u64 ddic_atomic_and_64(volatile u64 *target, u64 b)
{
	return atomic64_fetch_and(b, (atomic64_t *)target) & b;
}

static inline ulong_t ddic_atomic_add_long(volatile ulong_t *target, long d)
{
	return atomic_long_add_return(d, (atomic_long_t *)target);
}

static inline ulong_t ddic_atomic_or_long(volatile ulong_t *target, ulong_t b)
{
	return atomic_long_fetch_or(b, (atomic_long_t *)target) | b;
}

static inline ulong_t ddic_atomic_and_long(volatile ulong_t *target, ulong_t b)
{
	return atomic_long_fetch_and(b, (atomic_long_t *)target) & b;
}

/* ---- atomic_add(9F) ----------------------------------------------- */

static inline void atomic_add_8(volatile uint8_t *target, int8_t delta)
{
	ddic_atomic_add_8(target, delta);
}

static inline void atomic_add_char(volatile uchar_t *target, signed char delta)
{
	ddic_atomic_add_8(target, delta);
}

static inline void atomic_add_16(volatile uint16_t *target, int16_t delta)
{
	ddic_atomic_add_16(target, delta);
}

static inline void atomic_add_short(volatile ushort_t *target, short delta)
{
	ddic_atomic_add_16(target, delta);
}

static inline void atomic_add_32(volatile uint32_t *target, int32_t delta)
{
	ddic_atomic_add_32(target, delta);
}

static inline void atomic_add_int(volatile uint_t *target, int delta)
{
	ddic_atomic_add_32(target, delta);
}

static inline void atomic_add_long(volatile ulong_t *target, long delta)
{
	ddic_atomic_add_long(target, delta);
}

static inline void atomic_add_64(volatile uint64_t *target, int64_t delta)
{
	ddic_atomic_add_64(target, delta);
}

static inline void atomic_add_ptr(volatile void *target, ssize_t delta)
{
	ddic_atomic_add_long((volatile ulong_t *)target, delta);
}

static inline uint8_t atomic_add_8_nv(volatile uint8_t *target, int8_t delta)
{
	return ddic_atomic_add_8(target, delta);
}

static inline uchar_t atomic_add_char_nv(volatile uchar_t *target, signed char delta)
{
	return ddic_atomic_add_8(target, delta);
}

static inline uint16_t atomic_add_16_nv(volatile uint16_t *target, int16_t delta)
{
	return ddic_atomic_add_16(target, delta);
}

static inline ushort_t atomic_add_short_nv(volatile ushort_t *target, short delta)
{
	return ddic_atomic_add_16(target, delta);
}

static inline uint32_t atomic_add_32_nv(volatile uint32_t *target, int32_t delta)
{
	return ddic_atomic_add_32(target, delta);
}

static inline uint_t atomic_add_int_nv(volatile uint_t *target, int delta)
{
	return ddic_atomic_add_32(target, delta);
}

static inline ulong_t atomic_add_long_nv(volatile ulong_t *target, long delta)
{
	return ddic_atomic_add_long(target, delta);
}

static inline uint64_t atomic_add_64_nv(volatile uint64_t *target, int64_t delta)
{
	return ddic_atomic_add_64(target, delta);
}

static inline void *atomic_add_ptr_nv(volatile void *target, ssize_t delta)
{
	return (void *)ddic_atomic_add_long((volatile ulong_t *)target, delta);
}

/* ---- atomic_and(9F) ----------------------------------------------- */

static inline void atomic_and_8(volatile uint8_t *target, uint8_t bits)
{
	ddic_atomic_and_8(target, bits);
}

static inline void atomic_and_uchar(volatile uchar_t *target, uchar_t bits)
{
	ddic_atomic_and_8(target, bits);
}

static inline void atomic_and_16(volatile uint16_t *target, uint16_t bits)
{
	ddic_atomic_and_16(target, bits);
}

static inline void atomic_and_ushort(volatile ushort_t *target, ushort_t bits)
{
	ddic_atomic_and_16(target, bits);
}

static inline void atomic_and_32(volatile uint32_t *target, uint32_t bits)
{
	ddic_atomic_and_32(target, bits);
}

static inline void atomic_and_uint(volatile uint_t *target, uint_t bits)
{
	ddic_atomic_and_32(target, bits);
}

static inline void atomic_and_ulong(volatile ulong_t *target, ulong_t bits)
{
	ddic_atomic_and_long(target, bits);
}

static inline void atomic_and_64(volatile uint64_t *target, uint64_t bits)
{
	ddic_atomic_and_64(target, bits);
}

static inline uint8_t atomic_and_8_nv(volatile uint8_t *target, uint8_t bits)
{
	return ddic_atomic_and_8(target, bits);
}

static inline uchar_t atomic_and_uchar_nv(volatile uchar_t *target, uchar_t bits)
{
	return ddic_atomic_and_8(target, bits);
}

static inline uint16_t atomic_and_16_nv(volatile uint16_t *target, uint16_t bits)
{
	return ddic_atomic_and_16(target, bits);
}

static inline ushort_t atomic_and_ushort_nv(volatile ushort_t *target, ushort_t bits)
{
	return ddic_atomic_and_16(target, bits);
}

static inline uint32_t atomic_and_32_nv(volatile uint32_t *target, uint32_t bits)
{
	return ddic_atomic_and_32(target, bits);
}

static inline uint_t atomic_and_uint_nv(volatile uint_t *target, uint_t bits)
{
	return ddic_atomic_and_32(target, bits);
}

static inline ulong_t atomic_and_ulong_nv(volatile ulong_t *target, ulong_t bits)
{
	return ddic_atomic_and_long(target, bits);
}

static inline uint64_t atomic_and_64_nv(volatile uint64_t *target, uint64_t bits)
{
	return ddic_atomic_and_64(target, bits);
}

/* ---- atomic_or(9F) ----------------------------------------------- */

static inline void atomic_or_8(volatile uint8_t *target, uint8_t bits)
{
	ddic_atomic_or_8(target, bits);
}

static inline void atomic_or_uchar(volatile uchar_t *target, uchar_t bits)
{
	ddic_atomic_or_8(target, bits);
}

static inline void atomic_or_16(volatile uint16_t *target, uint16_t bits)
{
	ddic_atomic_or_16(target, bits);
}

static inline void atomic_or_ushort(volatile ushort_t *target, ushort_t bits)
{
	ddic_atomic_or_16(target, bits);
}

static inline void atomic_or_32(volatile uint32_t *target, uint32_t bits)
{
	ddic_atomic_or_32(target, bits);
}

static inline void atomic_or_uint(volatile uint_t *target, uint_t bits)
{
	ddic_atomic_or_32(target, bits);
}

static inline void atomic_or_ulong(volatile ulong_t *target, ulong_t bits)
{
	ddic_atomic_or_long(target, bits);
}

static inline void atomic_or_64(volatile uint64_t *target, uint64_t bits)
{
	ddic_atomic_or_64(target, bits);
}

static inline uint8_t atomic_or_8_nv(volatile uint8_t *target, uint8_t bits)
{
	return ddic_atomic_or_8(target, bits);
}

static inline uchar_t atomic_or_uchar_nv(volatile uchar_t *target, uchar_t bits)
{
	return ddic_atomic_or_8(target, bits);
}

static inline uint16_t atomic_or_16_nv(volatile uint16_t *target, uint16_t bits)
{
	return ddic_atomic_or_16(target, bits);
}

static inline ushort_t atomic_or_ushort_nv(volatile ushort_t *target, ushort_t bits)
{
	return ddic_atomic_or_16(target, bits);
}

static inline uint32_t atomic_or_32_nv(volatile uint32_t *target, uint32_t bits)
{
	return ddic_atomic_or_32(target, bits);
}

static inline uint_t atomic_or_uint_nv(volatile uint_t *target, uint_t bits)
{
	return ddic_atomic_or_32(target, bits);
}

static inline ulong_t atomic_or_ulong_nv(volatile ulong_t *target, ulong_t bits)
{
	return ddic_atomic_or_long(target, bits);
}

static inline uint64_t atomic_or_64_nv(volatile uint64_t *target, uint64_t bits)
{
	return ddic_atomic_or_64(target, bits);
}

/* ---- atomic_inc(9F) ----------------------------------------------- */

static inline void atomic_inc_8(volatile uint8_t *target)
{
	ddic_atomic_add_8(target, 1);
}

static inline void atomic_inc_uchar(volatile uchar_t *target)
{
	ddic_atomic_add_8(target, 1);
}

static inline void atomic_inc_16(volatile uint16_t *target)
{
	ddic_atomic_add_16(target, 1);
}

static inline void atomic_inc_ushort(volatile ushort_t *target)
{
	ddic_atomic_add_16(target, 1);
}

static inline void atomic_inc_32(volatile uint32_t *target)
{
	ddic_atomic_add_32(target, 1);
}

static inline void atomic_inc_uint(volatile uint_t *target)
{
	ddic_atomic_add_32(target, 1);
}

static inline void atomic_inc_ulong(volatile ulong_t *target)
{
	ddic_atomic_add_long(target, 1);
}

static inline void atomic_inc_64(volatile uint64_t *target)
{
	ddic_atomic_add_64(target, 1);
}

static inline uint8_t atomic_inc_8_nv(volatile uint8_t *target)
{
	return ddic_atomic_add_8(target, 1);
}

static inline uchar_t atomic_inc_uchar_nv(volatile uchar_t *target)
{
	return ddic_atomic_add_8(target, 1);
}

static inline uint16_t atomic_inc_16_nv(volatile uint16_t *target)
{
	return ddic_atomic_add_16(target, 1);
}

static inline ushort_t atomic_inc_ushort_nv(volatile ushort_t *target)
{
	return ddic_atomic_add_16(target, 1);
}

static inline uint32_t atomic_inc_32_nv(volatile uint32_t *target)
{
	return ddic_atomic_add_32(target, 1);
}

static inline uint_t atomic_inc_uint_nv(volatile uint_t *target)
{
	return ddic_atomic_add_32(target, 1);
}

static inline ulong_t atomic_inc_ulong_nv(volatile ulong_t *target)
{
	return ddic_atomic_add_long(target, 1);
}

static inline uint64_t atomic_inc_64_nv(volatile uint64_t *target)
{
	return ddic_atomic_add_64(target, 1);
}

/* ---- atomic_dec(9F) ----------------------------------------------- */

static inline void atomic_dec_8(volatile uint8_t *target)
{
	ddic_atomic_add_8(target, -1);
}

static inline void atomic_dec_uchar(volatile uchar_t *target)
{
	ddic_atomic_add_8(target, -1);
}

static inline void atomic_dec_16(volatile uint16_t *target)
{
	ddic_atomic_add_16(target, -1);
}

static inline void atomic_dec_ushort(volatile ushort_t *target)
{
	ddic_atomic_add_16(target, -1);
}

static inline void atomic_dec_32(volatile uint32_t *target)
{
	ddic_atomic_add_32(target, -1);
}

static inline void atomic_dec_uint(volatile uint_t *target)
{
	ddic_atomic_add_32(target, -1);
}

static inline void atomic_dec_ulong(volatile ulong_t *target)
{
	ddic_atomic_add_long(target, -1);
}

static inline void atomic_dec_64(volatile uint64_t *target)
{
	ddic_atomic_add_64(target, -1);
}

static inline uint8_t atomic_dec_8_nv(volatile uint8_t *target)
{
	return ddic_atomic_add_8(target, -1);
}

static inline uchar_t atomic_dec_uchar_nv(volatile uchar_t *target)
{
	return ddic_atomic_add_8(target, -1);
}

static inline uint16_t atomic_dec_16_nv(volatile uint16_t *target)
{
	return ddic_atomic_add_16(target, -1);
}

static inline ushort_t atomic_dec_ushort_nv(volatile ushort_t *target)
{
	return ddic_atomic_add_16(target, -1);
}

static inline uint32_t atomic_dec_32_nv(volatile uint32_t *target)
{
	return ddic_atomic_add_32(target, -1);
}

static inline uint_t atomic_dec_uint_nv(volatile uint_t *target)
{
	return ddic_atomic_add_32(target, -1);
}

static inline ulong_t atomic_dec_ulong_nv(volatile ulong_t *target)
{
	return ddic_atomic_add_long(target, -1);
}

static inline uint64_t atomic_dec_64_nv(volatile uint64_t *target)
{
	return ddic_atomic_add_64(target, -1);
}

/* ---- atomic_cas(9F): returns the old value ------------------------- */

static inline uint8_t atomic_cas_8(volatile uint8_t *target, uint8_t cmp, uint8_t newval)
{
	return cmpxchg((uint8_t *)target, cmp, newval);
}

static inline uchar_t atomic_cas_uchar(volatile uchar_t *target, uchar_t cmp, uchar_t newval)
{
	return cmpxchg((uchar_t *)target, cmp, newval);
}

static inline uint16_t atomic_cas_16(volatile uint16_t *target, uint16_t cmp, uint16_t newval)
{
	return cmpxchg((uint16_t *)target, cmp, newval);
}

static inline ushort_t atomic_cas_ushort(volatile ushort_t *target, ushort_t cmp, ushort_t newval)
{
	return cmpxchg((ushort_t *)target, cmp, newval);
}

static inline uint32_t atomic_cas_32(volatile uint32_t *target, uint32_t cmp, uint32_t newval)
{
	return cmpxchg((uint32_t *)target, cmp, newval);
}

static inline uint_t atomic_cas_uint(volatile uint_t *target, uint_t cmp, uint_t newval)
{
	return cmpxchg((uint_t *)target, cmp, newval);
}

static inline ulong_t atomic_cas_ulong(volatile ulong_t *target, ulong_t cmp, ulong_t newval)
{
	return cmpxchg((ulong_t *)target, cmp, newval);
}

static inline uint64_t atomic_cas_64(volatile uint64_t *target, uint64_t cmp, uint64_t newval)
{
	return cmpxchg((uint64_t *)target, cmp, newval);
}

static inline void *atomic_cas_ptr(volatile void *target, void *cmp, void *newval)
{
	return cmpxchg((void **)target, cmp, newval);
}

/* ---- atomic_swap(9F): returns the old value ------------------------ */

static inline uint8_t atomic_swap_8(volatile uint8_t *target, uint8_t newval)
{
	return xchg((uint8_t *)target, newval);
}

static inline uchar_t atomic_swap_uchar(volatile uchar_t *target, uchar_t newval)
{
	return xchg((uchar_t *)target, newval);
}

static inline uint16_t atomic_swap_16(volatile uint16_t *target, uint16_t newval)
{
	return xchg((uint16_t *)target, newval);
}

static inline ushort_t atomic_swap_ushort(volatile ushort_t *target, ushort_t newval)
{
	return xchg((ushort_t *)target, newval);
}

static inline uint32_t atomic_swap_32(volatile uint32_t *target, uint32_t newval)
{
	return xchg((uint32_t *)target, newval);
}

static inline uint_t atomic_swap_uint(volatile uint_t *target, uint_t newval)
{
	return xchg((uint_t *)target, newval);
}

static inline ulong_t atomic_swap_ulong(volatile ulong_t *target, ulong_t newval)
{
	return xchg((ulong_t *)target, newval);
}

static inline uint64_t atomic_swap_64(volatile uint64_t *target, uint64_t newval)
{
	return xchg((uint64_t *)target, newval);
}

static inline void *atomic_swap_ptr(volatile void *target, void *newval)
{
	return xchg((void **)target, newval);
}

/*
 * ---- atomic_bits(9F): set or clear bit @value of *@target; 0 if it
 * changed, -1 if it was already set (cleared). ---------------------------
 */
static inline int atomic_set_long_excl(volatile ulong_t *target, uint_t value)
{
	return test_and_set_bit(value, (unsigned long *)target) ? -1 : 0;
}

static inline int atomic_clear_long_excl(volatile ulong_t *target,
					 uint_t value)
{
	return test_and_clear_bit(value, (unsigned long *)target) ? 0 : -1;
}

/* ---- membar_ops(9F) ------------------------------------------------ */

/* After taking a lock: earlier loads and stores before later ones. */
static inline void membar_enter(void)
{
	/* Full barrier: Linux has nothing weaker that orders stores to loads. */
	smp_mb();
}

/* Before releasing a lock. */
static inline void membar_exit(void)
{
	/* Full barrier: earlier loads and stores before the releasing store. */
	smp_mb();
}

/* Stores before later stores. */
static inline void membar_producer(void)
{
	/* Pairs with the consumer's membar_consumer(). */
	smp_wmb();
}

/* Loads before later loads. */
static inline void membar_consumer(void)
{
	/* Pairs with the producer's membar_producer(). */
	smp_rmb();
}

/* Everything before, before everything after. */
static inline void membar_sync(void)
{
	/* Full barrier. */
	smp_mb();
}

/*
 * atomic_inc_ptr(9F), atomic_dec_ptr(9F): the pointer moves by one byte
 * (it is treated as an unsigned long), as on illumos.
 */
static inline void atomic_inc_ptr(volatile void *target)
{
	ddic_atomic_add_long((volatile ulong_t *)target, 1);
}

static inline void *atomic_inc_ptr_nv(volatile void *target)
{
	return (void *)ddic_atomic_add_long((volatile ulong_t *)target, 1);
}

static inline void atomic_dec_ptr(volatile void *target)
{
	ddic_atomic_add_long((volatile ulong_t *)target, -1);
}

static inline void *atomic_dec_ptr_nv(volatile void *target)
{
	return (void *)ddic_atomic_add_long((volatile ulong_t *)target, -1);
}

#endif /* _SYS_ATOMIC_H */
