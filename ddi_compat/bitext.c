// SPDX-License-Identifier: GPL-2.0
/*
 * <sys/bitext.h>: bitx8/16/32/64(9F), bitset8/16/32/64(9F), bitdel64(9F);
 * and ddi_ffsll(9F), ddi_flsll(9F), strdup(9F), strtok_r(9F).
 *
 * illumos ASSERTs the ranges (low <= high < width, value fitting the
 * range); here a bad range is refused with a CE_WARN naming the call
 * (bitx returns 0, bitset and bitdel64 return their input unchanged) and
 * a value too wide for its range is cut to the range, also with a warning.
 */
#include <linux/kernel.h>
#include <linux/string.h>
#include <sys/types.h>
#include <sys/cmn_err.h>
#include <sys/kmem.h>
#include <sys/bitext.h>
#include <sys/sunddi.h>

/* A mask of bits [low, high]; false (and a warning) if the range is bad. */
static bool bx_mask(const char *fn, uint_t width, uint_t high, uint_t low,
		    uint64_t *mask)
{
	if (low > high || high >= width) {
		cmn_err(CE_WARN, "%s: bad bit range [%u, %u] for %u bits",
			fn, low, high, width);
		return false;
	}
	*mask = GENMASK_ULL(high, low);
	return true;
}

static uint64_t bx_get(const char *fn, uint_t width, uint64_t reg,
		       uint_t high, uint_t low)
{
	uint64_t mask;

	if (!bx_mask(fn, width, high, low, &mask))
		return 0;
	return (reg & mask) >> low;
}

static uint64_t bx_set(const char *fn, uint_t width, uint64_t base,
		       uint_t high, uint_t low, uint64_t value)
{
	uint64_t mask;

	if (!bx_mask(fn, width, high, low, &mask))
		return base;
	if (value & ~(mask >> low)) {
		cmn_err(CE_WARN, "%s: value 0x%llx wider than bits [%u, %u]",
			fn, (unsigned long long)value, low, high);
		value &= mask >> low;
	}
	return (base & ~mask) | (value << low);
}

uint8_t bitx8(uint8_t reg, uint_t high, uint_t low)
{
	return bx_get(__func__, 8, reg, high, low);
}
EXPORT_SYMBOL(bitx8);

uint16_t bitx16(uint16_t reg, uint_t high, uint_t low)
{
	return bx_get(__func__, 16, reg, high, low);
}
EXPORT_SYMBOL(bitx16);

uint32_t bitx32(uint32_t reg, uint_t high, uint_t low)
{
	return bx_get(__func__, 32, reg, high, low);
}
EXPORT_SYMBOL(bitx32);

uint64_t bitx64(uint64_t reg, uint_t high, uint_t low)
{
	return bx_get(__func__, 64, reg, high, low);
}
EXPORT_SYMBOL(bitx64);

uint8_t bitset8(uint8_t base, uint_t high, uint_t low, uint8_t value)
{
	return bx_set(__func__, 8, base, high, low, value);
}
EXPORT_SYMBOL(bitset8);

uint16_t bitset16(uint16_t base, uint_t high, uint_t low, uint16_t value)
{
	return bx_set(__func__, 16, base, high, low, value);
}
EXPORT_SYMBOL(bitset16);

uint32_t bitset32(uint32_t base, uint_t high, uint_t low, uint32_t value)
{
	return bx_set(__func__, 32, base, high, low, value);
}
EXPORT_SYMBOL(bitset32);

uint64_t bitset64(uint64_t base, uint_t high, uint_t low, uint64_t value)
{
	return bx_set(__func__, 64, base, high, low, value);
}
EXPORT_SYMBOL(bitset64);

/* Removes bits [low, high] and shifts the bits above them down to low. */
uint64_t bitdel64(uint64_t value, uint_t high, uint_t low)
{
	uint64_t mask, below, above;

	if (!bx_mask(__func__, 64, high, low, &mask))
		return value;
	below = value & (low ? GENMASK_ULL(low - 1, 0) : 0);
	above = high == 63 ? 0 : value >> (high + 1);
	return below | (above << low);
}
EXPORT_SYMBOL(bitdel64);

/* ddi_ffsll(9F), ddi_flsll(9F): bits numbered from 1; 0 when none is set. */
int ddi_ffsll(long long mask)
{
	return mask ? __ffs64((u64)mask) + 1 : 0;
}
EXPORT_SYMBOL(ddi_ffsll);

int ddi_flsll(long long mask)
{
	return fls64((u64)mask);
}
EXPORT_SYMBOL(ddi_flsll);

/* strdup(9F): a KM_SLEEP copy, freed with strfree(9F). */
char *strdup(const char *str)
{
	return ddi_strdup(str, KM_SLEEP);
}
EXPORT_SYMBOL(strdup);

/*
 * strtok_r(9F): the next token of @str (or, when @str is NULL, of the
 * string left in *@lasts), delimited by any character of @sep.
 */
char *strtok_r(char *str, const char *sep, char **lasts)
{
	char *tok;

	if (!str)
		str = *lasts;
	if (!str)
		return NULL;
	str += strspn(str, sep);
	if (!*str) {
		*lasts = str;
		return NULL;
	}
	tok = str;
	str += strcspn(str, sep);
	if (*str)
		*str++ = '\0';
	*lasts = str;
	return tok;
}
EXPORT_SYMBOL(strtok_r);
