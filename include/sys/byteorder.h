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

#define htonll(x)	((__force uint64_t)cpu_to_be64((uint64_t)(x)))
#define ntohll(x)	((uint64_t)be64_to_cpu((__force __be64)(uint64_t)(x)))

/* Byte arrays of any alignment, assembled byte by byte. */
#define BE_IN8(xa)	(*(const uint8_t *)(xa))
#define BE_IN16(xa)	((uint16_t)(((uint16_t)BE_IN8(xa) << 8) |		\
				    BE_IN8((const uint8_t *)(xa) + 1)))
#define BE_IN32(xa)	((uint32_t)(((uint32_t)BE_IN16(xa) << 16) |		\
				    BE_IN16((const uint8_t *)(xa) + 2)))
#define BE_IN64(xa)	((uint64_t)(((uint64_t)BE_IN32(xa) << 32) |		\
				    BE_IN32((const uint8_t *)(xa) + 4)))
#define LE_IN8(xa)	(*(const uint8_t *)(xa))
#define LE_IN16(xa)	((uint16_t)(((uint16_t)LE_IN8((const uint8_t *)(xa) + 1) << 8) | \
				    LE_IN8(xa)))
#define LE_IN32(xa)	((uint32_t)(((uint32_t)LE_IN16((const uint8_t *)(xa) + 2) << 16) | \
				    LE_IN16(xa)))
#define LE_IN64(xa)	((uint64_t)(((uint64_t)LE_IN32((const uint8_t *)(xa) + 4) << 32) | \
				    LE_IN32(xa)))
#define BE_OUT8(xa, yv)		(*(uint8_t *)(xa) = (uint8_t)((yv) & 0xff))
#define BE_OUT16(xa, yv)	(BE_OUT8((uint8_t *)(xa) + 1, (yv)),		\
				 BE_OUT8((xa), (uint64_t)(yv) >> 8))
#define BE_OUT32(xa, yv)	(BE_OUT16((uint8_t *)(xa) + 2, (yv)),		\
				 BE_OUT16((xa), (uint64_t)(yv) >> 16))
#define BE_OUT64(xa, yv)	(BE_OUT32((uint8_t *)(xa) + 4, (yv)),		\
				 BE_OUT32((xa), (uint64_t)(yv) >> 32))
#define LE_OUT8(xa, yv)		(*(uint8_t *)(xa) = (uint8_t)((yv) & 0xff))
#define LE_OUT16(xa, yv)	(LE_OUT8((xa), (yv)),				\
				 LE_OUT8((uint8_t *)(xa) + 1, (uint64_t)(yv) >> 8))
#define LE_OUT32(xa, yv)	(LE_OUT16((xa), (yv)),				\
				 LE_OUT16((uint8_t *)(xa) + 2, (uint64_t)(yv) >> 16))
#define LE_OUT64(xa, yv)	(LE_OUT32((xa), (yv)),				\
				 LE_OUT32((uint8_t *)(xa) + 4, (uint64_t)(yv) >> 32))

#endif /* _SYS_BYTEORDER_H */
