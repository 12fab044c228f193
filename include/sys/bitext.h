/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Bit-field extraction and insertion: bitx8/16/32/64(9F), bitset8/16/32/64(9F)
 * and bitdel64(9F).  Bits are numbered from 0; [low, high] is inclusive.
 */
#ifndef _SYS_BITEXT_H
#define _SYS_BITEXT_H

#include <sys/types.h>

uint8_t bitx8(uint8_t reg, uint_t high, uint_t low);
uint16_t bitx16(uint16_t reg, uint_t high, uint_t low);
uint32_t bitx32(uint32_t reg, uint_t high, uint_t low);
uint64_t bitx64(uint64_t reg, uint_t high, uint_t low);

uint8_t bitset8(uint8_t base, uint_t high, uint_t low, uint8_t value);
uint16_t bitset16(uint16_t base, uint_t high, uint_t low, uint16_t value);
uint32_t bitset32(uint32_t base, uint_t high, uint_t low, uint32_t value);
uint64_t bitset64(uint64_t base, uint_t high, uint_t low, uint64_t value);

uint64_t bitdel64(uint64_t value, uint_t high, uint_t low);

#endif /* _SYS_BITEXT_H */
