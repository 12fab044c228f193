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

#ifdef __cplusplus
}
#endif

#endif /* _EDU_H */
