/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/byteorder.h>: byte swapping and endian conversion.
 *
 * BSWAP_8/16/32/64 reverse bytes; LE_* and BE_* convert between the CPU's
 * order and little/big endian (each is its own inverse); the BE_IN/LE_IN
 * and BE_OUT/LE_OUT forms read and write unaligned byte arrays.  htons,
 * htonl, ntohs and ntohl are Linux's; htonll and ntohll are here.
 */
#ifndef _SYS_BYTEORDER_H
#define _SYS_BYTEORDER_H

#include <linux/swab.h>
#include <asm/byteorder.h>
#include <sys/types.h>

#define BSWAP_8(x)	((x) & 0xff)
#define BSWAP_16(x)	((uint16_t)__swab16((uint16_t)(x)))
#define BSWAP_32(x)	((uint32_t)__swab32((uint32_t)(x)))
#define BSWAP_64(x)	((uint64_t)__swab64((uint64_t)(x)))

#define BMASK_8(x)	((x) & 0xff)
#define BMASK_16(x)	((x) & 0xffff)
#define BMASK_32(x)	((x) & 0xffffffff)
#define BMASK_64(x)	(x)

#if defined(__LITTLE_ENDIAN)
#define LE_8(x)		BMASK_8(x)
#define LE_16(x)	((uint16_t)(x))
#define LE_32(x)	((uint32_t)(x))
#define LE_64(x)	((uint64_t)(x))
#define BE_8(x)		BMASK_8(x)
#define BE_16(x)	BSWAP_16(x)
#define BE_32(x)	BSWAP_32(x)
#define BE_64(x)	BSWAP_64(x)
#else
#define LE_8(x)		BMASK_8(x)
#define LE_16(x)	BSWAP_16(x)
#define LE_32(x)	BSWAP_32(x)
#define LE_64(x)	BSWAP_64(x)
#define BE_8(x)		BMASK_8(x)
#define BE_16(x)	((uint16_t)(x))
#define BE_32(x)	((uint32_t)(x))
#define BE_64(x)	((uint64_t)(x))
#endif

#define htonll(x)	((uint64_t)be64_to_cpu((__force __be64)(uint64_t)(x)))
#define ntohll(x)	((uint64_t)be64_to_cpu((__force __be64)(uint64_t)(x)))

/* Byte arrays of any alignment, assembled byte by byte. */
static inline uint64_t ddic_be_in(const void *xa, int n)
{
	const uint8_t *p = xa;
	uint64_t v = 0;
	int i;

	for (i = 0; i < n; i++)
		v = (v << 8) | p[i];
	return v;
}

static inline uint64_t ddic_le_in(const void *xa, int n)
{
	const uint8_t *p = xa;
	uint64_t v = 0;

	while (n--)
		v = (v << 8) | p[n];
	return v;
}

static inline void ddic_be_out(void *xa, uint64_t v, int n)
{
	uint8_t *p = xa;

	while (n--) {
		p[n] = v & 0xff;
		v >>= 8;
	}
}

static inline void ddic_le_out(void *xa, uint64_t v, int n)
{
	uint8_t *p = xa;
	int i;

	for (i = 0; i < n; i++) {
		p[i] = v & 0xff;
		v >>= 8;
	}
}

#define BE_IN8(xa)	((uint8_t)ddic_be_in((xa), 1))
#define BE_IN16(xa)	((uint16_t)ddic_be_in((xa), 2))
#define BE_IN32(xa)	((uint32_t)ddic_be_in((xa), 4))
#define BE_IN64(xa)	((uint64_t)ddic_be_in((xa), 8))
#define LE_IN8(xa)	((uint8_t)ddic_le_in((xa), 1))
#define LE_IN16(xa)	((uint16_t)ddic_le_in((xa), 2))
#define LE_IN32(xa)	((uint32_t)ddic_le_in((xa), 4))
#define LE_IN64(xa)	((uint64_t)ddic_le_in((xa), 8))
#define BE_OUT8(xa, yv)		ddic_be_out((xa), (yv), 1)
#define BE_OUT16(xa, yv)	ddic_be_out((xa), (yv), 2)
#define BE_OUT32(xa, yv)	ddic_be_out((xa), (yv), 4)
#define BE_OUT64(xa, yv)	ddic_be_out((xa), (yv), 8)
#define LE_OUT8(xa, yv)		ddic_le_out((xa), (yv), 1)
#define LE_OUT16(xa, yv)	ddic_le_out((xa), (yv), 2)
#define LE_OUT32(xa, yv)	ddic_le_out((xa), (yv), 4)
#define LE_OUT64(xa, yv)	ddic_le_out((xa), (yv), 8)

#endif /* _SYS_BYTEORDER_H */
