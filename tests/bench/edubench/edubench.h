/* SPDX-License-Identifier: GPL-2.0 */
/*
 * edubench.h: the ioctl of the edu benchmark drivers, shared by the
 * Solaris one (edubench.c, through ddi_compat) and the user program
 * (tests/bench/edu_bench.c).  The native Linux driver
 * (bench/edu_native.c) defines the same layout for itself.  Every member
 * is 64 bits wide: the ILP32 and LP64 layouts agree.
 */

#ifndef _EDUBENCH_H
#define	_EDUBENCH_H

#include <sys/types.h>

#ifdef __cplusplus
extern "C" {
#endif

#define	EDUBIOC_RUN	(('e' << 24) | ('d' << 16) | ('b' << 8) | 1)

/* What EDUBIOC_RUN times, eb_iters times in the kernel. */
#define	EDUB_OP_RAISE		1	/* interrupt round trip */
#define	EDUB_OP_GET32		2	/* read of the identification reg */
#define	EDUB_OP_PUT32		3	/* write of the liveness reg */
#define	EDUB_OP_BIND		4	/* bind, sync both ways, unbind */
#define	EDUB_OP_BIND_MEM	5	/* the same in ddi_dma_mem_alloc memory */
#define	EDUB_OP_MEMALLOC	6	/* consistent memory: alloc + free */
#define	EDUB_OP_XFER		7	/* real round trips through the device */
#define	EDUB_OP_SYNC		8	/* EDUB_OP_BIND's two syncs alone */

typedef struct edub_run {
	uint64_t	eb_op;		/* EDUB_OP_* */
	uint64_t	eb_iters;
	uint64_t	eb_size;	/* bytes, for the DMA ops */
	uint64_t	eb_nsecs;	/* out: time of the eb_iters */
	uint64_t	eb_errors;	/* out: failures, wrong bytes, timeouts */
	uint64_t	eb_check;	/* out: a value read (EDUB_OP_GET32) */
} edub_run_t;

/*
 * EDUB_OP_XFER: at most this many bytes of the device's 4096-byte buffer
 * (QEMU 7.2's edu stops the machine on a transfer reaching its end).
 */
#define	EDUB_XFER_MAX	2048

#ifdef __cplusplus
}
#endif

#endif /* _EDUBENCH_H */
