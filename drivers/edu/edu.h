/* SPDX-License-Identifier: GPL-2.0 */
/*
 * edu.h: ioctl commands of the driver for QEMU's "edu" PCI device.
 *
 * Shared by the driver and by user programs (eductl).  Every structure
 * is made of fixed-size members laid out the same in the ILP32 and LP64
 * data models, so no conversion is needed.
 */

#ifndef _EDU_H
#define	_EDU_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define	EDUIOC		(('e' << 24) | ('d' << 16) | ('u' << 8))

#define	EDUIOC_IDENT	(EDUIOC | 1)	/* uint32_t: identification */
#define	EDUIOC_LIVE	(EDUIOC | 2)	/* uint32_t in, ~value out */
#define	EDUIOC_FACT	(EDUIOC | 3)	/* edu_fact_t */
#define	EDUIOC_RAISE	(EDUIOC | 4)	/* edu_raise_t */
#define	EDUIOC_STATS	(EDUIOC | 5)	/* edu_stats_t */
#define	EDUIOC_INTR	(EDUIOC | 6)	/* uint32_t: EDU_INTR_MSI/FIXED */
#define	EDUIOC_MISUSE	(EDUIOC | 7)	/* uint32_t: EDU_MISUSE_* passed */
#define	EDUIOC_DMA	(EDUIOC | 8)	/* edu_dma_t: round trips */
#define	EDUIOC_DMAWIN	(EDUIOC | 9)	/* edu_dmawin_t: DDI_DMA_PARTIAL */
#define	EDUIOC_DMAUSER	(EDUIOC | 10)	/* edu_dmauser_t: physio, sgllen 1 */
#define	EDUIOC_DMAMISUSE (EDUIOC | 11)	/* uint32_t: EDU_DMAMIS_* passed */

/* Factorial: by polling the status register, or by its interrupt. */
typedef struct edu_fact {
	uint32_t	ef_n;
	uint32_t	ef_by_intr;	/* 0: poll; 1: wait for the interrupt */
	uint32_t	ef_result;	/* out */
	uint32_t	ef_pad;
} edu_fact_t;

/*
 * Raise er_count interrupts through the interrupt-raise register, one at
 * a time: each waits until the handler has seen it (er_nowait: raise
 * them all at once and return).
 */
typedef struct edu_raise {
	uint32_t	er_count;
	uint32_t	er_nowait;
	uint32_t	er_timeouts;	/* out: raises the handler never saw */
	uint32_t	er_pad;
	uint64_t	er_nsecs;	/* out: time taken */
} edu_raise_t;

typedef struct edu_stats {
	uint64_t	es_raised;	/* raises written to the device */
	uint64_t	es_seen;	/* raise interrupts the handler saw */
	uint64_t	es_unclaimed;	/* handler calls with nothing pending */
	uint64_t	es_fact_intrs;	/* factorial-done interrupts */
	uint32_t	es_ident;
	uint32_t	es_intr_type;	/* EDU_INTR_MSI or EDU_INTR_FIXED */
	uint32_t	es_intr_pri;
	uint32_t	es_msi_cap;	/* offset of the MSI capability, or 0 */
	uint32_t	es_instance;
	uint32_t	es_nregs;
} edu_stats_t;

#define	EDU_INTR_FIXED	1		/* DDI_INTR_TYPE_FIXED */
#define	EDU_INTR_MSI	2		/* DDI_INTR_TYPE_MSI */

/* EDUIOC_MISUSE: each bit set is a misuse the DDI refused as it should. */
#define	EDU_MISUSE_RNUMBER	0x0001	/* register set beyond "reg" */
#define	EDU_MISUSE_OFFSET	0x0002	/* offset past the BAR */
#define	EDU_MISUSE_LENGTH	0x0004	/* length past the BAR */
#define	EDU_MISUSE_PUT_OUTSIDE	0x0008	/* ddi_put32 outside the mapping */
#define	EDU_MISUSE_GET_OUTSIDE	0x0010	/* ddi_get32 outside the mapping */
#define	EDU_MISUSE_INTR_STRICT	0x0020	/* ddi_intr_alloc more, STRICT */
#define	EDU_MISUSE_ATTR		0x0040	/* bad access attributes */
#define	EDU_MISUSE_CONFIG	0x0080	/* config space offset too big */
#define	EDU_MISUSE_BIG_ENDIAN	0x0100	/* a BE handle swaps (not misuse) */
#define	EDU_MISUSE_ALL		0x01ff

/*
 * The bytes of the device's 4096-byte buffer the driver uses (QEMU 7.2's
 * edu refuses, stopping the machine, a transfer that reaches its end).
 */
#define	EDU_DMA_MAXLEN	2048

/*
 * DMA round trips through the device's buffer: ed_count times,
 * ed_len bytes of pseudo-random data (from ed_seed) go from memory to
 * the device and back into another buffer, each transfer completed by
 * the device's interrupt, and are compared byte for byte.  The memory is
 * DDI_DMA_CONSISTENT or DDI_DMA_STREAMING memory of ddi_dma_mem_alloc,
 * or kmem_alloc memory (EDU_DMA_KMEM) that may lie above the device's
 * 28-bit reach and is then bounced.
 */
typedef struct edu_dma {
	uint32_t	ed_count;
	uint32_t	ed_len;		/* 1..EDU_DMA_MAXLEN */
	uint32_t	ed_mode;	/* EDU_DMA_* */
	uint32_t	ed_seed;
	uint64_t	ed_errors;	/* out: bytes that came back wrong */
	uint64_t	ed_nsecs;	/* out: time taken */
	uint64_t	ed_maxaddr;	/* out: highest bus address used */
	uint32_t	ed_timeouts;	/* out: transfers never completed */
	uint32_t	ed_failed;	/* out: DDI calls that failed */
	uint32_t	ed_intrs;	/* out: completion interrupts seen */
	uint32_t	ed_maxcookies;	/* out: most cookies in one bind */
} edu_dma_t;

#define	EDU_DMA_CONSISTENT	1
#define	EDU_DMA_STREAMING	2
#define	EDU_DMA_KMEM		3

/*
 * DDI_DMA_PARTIAL: an EDU_DMA_MAXLEN buffer bound with dma_attr_sgllen 1 and
 * ew_chunk-byte cookies, so every cookie is a window; each window is
 * moved to the device at its offset, the device's buffer read back
 * whole and compared.
 */
typedef struct edu_dmawin {
	uint32_t	ew_chunk;	/* dma_attr_count_max + 1 */
	uint32_t	ew_seed;
	int32_t		ew_nopartial;	/* out: the bind without PARTIAL */
	int32_t		ew_partial;	/* out: the bind with it */
	uint32_t	ew_nwin;	/* out: ddi_dma_numwin */
	uint32_t	ew_walked;	/* out: windows moved */
	uint32_t	ew_errors;	/* out: bytes that came back wrong */
	uint32_t	ew_badcookies;	/* out: windows not of one cookie */
} edu_dmawin_t;

/*
 * A user buffer moved to (eu_write) or from the device's buffer through
 * physio(9F) and ddi_dma_buf_bind_handle(9F) with dma_attr_sgllen 1;
 * eu_partial adds DDI_DMA_PARTIAL and the driver walks the windows.
 */
typedef struct edu_dmauser {
	uint64_t	eu_addr;
	uint32_t	eu_len;		/* a multiple of 512, EDU_DMA_MAXLEN at most */
	uint32_t	eu_write;	/* 1: user to device; 0: device to user */
	uint32_t	eu_partial;
	int32_t		eu_bind;	/* out: what the bind returned */
	uint32_t	eu_nwin;	/* out */
	uint32_t	eu_ncookies;	/* out: most cookies in a window */
	uint32_t	eu_moved;	/* out: bytes transferred */
	uint32_t	eu_pad;
} edu_dmauser_t;

/* EDUIOC_DMAMISUSE: each bit set is a DMA misuse refused as it should be. */
#define	EDU_DMAMIS_SYNC_UNBOUND	0x0001	/* ddi_dma_sync, unbound handle */
#define	EDU_DMAMIS_FREE_BOUND	0x0002	/* ddi_dma_free_handle, bound */
#define	EDU_DMAMIS_UNBIND_TWICE	0x0004	/* ddi_dma_unbind_handle twice */
#define	EDU_DMAMIS_BIND_BOUND	0x0008	/* bind of a bound handle: INUSE */
#define	EDU_DMAMIS_BADATTR	0x0010	/* bad dma_attr_version */
#define	EDU_DMAMIS_MEMFREE_BOUND 0x0020	/* ddi_dma_mem_free, bound memory */
#define	EDU_DMAMIS_UNBOUND_INFO	0x0040	/* cookies/windows of unbound */
#define	EDU_DMAMIS_GETWIN	0x0080	/* ddi_dma_getwin past the last */
#define	EDU_DMAMIS_AFTER_OK	0x0100	/* a round trip still works after */
#define	EDU_DMAMIS_MEMFREE_OTHER 0x0200	/* ...bound through another handle */
#define	EDU_DMAMIS_ALL		0x03ff

#ifdef __cplusplus
}
#endif

#endif /* _EDU_H */
