/* SPDX-License-Identifier: GPL-2.0 */
/*
 * pcidev.h: the ioctls of the pcidev test driver (QEMU's pci-testdev and
 * pci-serial devices).  Shared by the driver and tests/prog/pcidevctl.c;
 * every structure has fixed-size members laid out alike in ILP32 and LP64.
 */
#ifndef _PCIDEV_H
#define	_PCIDEV_H

#include <sys/types.h>

#define	PCIDEV_IOC		(('p' << 24) | ('c' << 16) | ('d' << 8))
#define	PCIDEV_INFO		(PCIDEV_IOC | 1)	/* pcidev_info_t out */
#define	PCIDEV_REGS		(PCIDEV_IOC | 2)	/* pcidev_checks_t out */
#define	PCIDEV_MISUSE		(PCIDEV_IOC | 3)	/* pcidev_checks_t out */
#define	PCIDEV_LOOP		(PCIDEV_IOC | 4)	/* pcidev_loop_t in/out */
#define	PCIDEV_STATS		(PCIDEV_IOC | 5)	/* pcidev_stats_t out */
#define	PCIDEV_FM		(PCIDEV_IOC | 6)	/* pcidev_checks_t out */

#define	PCIDEV_KIND_TESTDEV	1
#define	PCIDEV_KIND_SERIAL	2

typedef struct pcidev_info {
	uint32_t	pi_kind;	/* PCIDEV_KIND_* */
	uint32_t	pi_instance;
	uint32_t	pi_venid;
	uint32_t	pi_devid;
	uint32_t	pi_nregs;	/* ddi_dev_nregs */
	uint32_t	pi_intr_types;	/* ddi_intr_get_supported_types */
	uint64_t	pi_regsize[4];	/* ddi_dev_regsize of sets 0..3 */
	uint32_t	pi_regtype[4];	/* "reg" phys_hi space bits */
} pcidev_info_t;

/*
 * The results of a series of checks run in the driver: bit i of pc_run
 * says check i ran, bit i of pc_ok that it passed; the names are in
 * pcidevctl.c.  pc_val holds values for the report.
 */
typedef struct pcidev_checks {
	uint64_t	pc_run;
	uint64_t	pc_ok;
	uint32_t	pc_val[16];
} pcidev_checks_t;

/* PCIDEV_REGS checks (pci-testdev). */
#define	PCIDEV_R_NREGS		0	/* config, memory BAR, I/O BAR */
#define	PCIDEV_R_REGTYPES	1	/* reg: MEM32 then IO */
#define	PCIDEV_R_MEM_GET8	2	/* header: width byte */
#define	PCIDEV_R_MEM_GET16	3	/* header: offset, low half */
#define	PCIDEV_R_MEM_GET32	4	/* header: offset */
#define	PCIDEV_R_MEM_GET64	5	/* header: offset and data */
#define	PCIDEV_R_MEM_BE		6	/* BE handle reads swapped */
#define	PCIDEV_R_MEM_NEVERSWAP	7	/* NEVERSWAP reads as host order */
#define	PCIDEV_R_MEM_PUT8	8	/* test 0: count counts */
#define	PCIDEV_R_MEM_PUT16	9	/* LE 0x00fa counts, 0xfa00 not */
#define	PCIDEV_R_MEM_PUT32	10
#define	PCIDEV_R_MEM_BE_PUT	11	/* BE 0xfa00 counts, 0x00fa not */
#define	PCIDEV_R_MEM_REP_GET_INC	12	/* name by rep_get8/16/32 */
#define	PCIDEV_R_MEM_REP_GET_NOINC	13	/* one byte again and again */
#define	PCIDEV_R_MEM_REP_PUT_NOINC	14	/* n writes: count += n */
#define	PCIDEV_R_MEM_REP_PUT_INC	15	/* n writes: count += 1 */
#define	PCIDEV_R_IO_GET8	16
#define	PCIDEV_R_IO_GET16	17
#define	PCIDEV_R_IO_GET32	18
#define	PCIDEV_R_IO_BE		19
#define	PCIDEV_R_IO_NEVERSWAP	20
#define	PCIDEV_R_IO_PUT8	21
#define	PCIDEV_R_IO_PUT16	22
#define	PCIDEV_R_IO_PUT32	23
#define	PCIDEV_R_IO_BE_PUT	24
#define	PCIDEV_R_IO_REP_GET_INC	25
#define	PCIDEV_R_IO_REP_GET_NOINC	26
#define	PCIDEV_R_IO_REP_PUT_NOINC	27
#define	PCIDEV_R_IO_REP_PUT_INC	28
#define	PCIDEV_R_MEM_TESTS	29	/* the test scan on the memory BAR */
#define	PCIDEV_R_IO_TESTS	30	/* and on the I/O BAR */
#define	PCIDEV_R_MEM_EVENTFD	31	/* eventfd tests: TCG takes writes */
#define	PCIDEV_R_IO_EVENTFD	32
#define	PCIDEV_R_SUBMAP		33	/* a mapping at an offset */
#define	PCIDEV_R_NCHECKS	34

/* PCIDEV_MISUSE checks (on either device). */
#define	PCIDEV_M_RNUMBER	0	/* rnumber nregs and 99 refused */
#define	PCIDEV_M_OFFSET		1	/* offset at or past the BAR's end */
#define	PCIDEV_M_LENGTH		2	/* offset + len past the end */
#define	PCIDEV_M_IO_LENGTH	3	/* the same on the I/O BAR */
#define	PCIDEV_M_PUT_OUTSIDE	4	/* put8 past a mapping: untouched */
#define	PCIDEV_M_GET_OUTSIDE	5	/* get32 past a mapping: all ones */
#define	PCIDEV_M_REP_OUTSIDE	6	/* rep_put8 running past: untouched */
#define	PCIDEV_M_IO_PUT_OUTSIDE	7	/* the same through an I/O mapping */
#define	PCIDEV_M_INTR_NONE	8	/* testdev: no interrupt to allocate */
#define	PCIDEV_M_INTR_STRICT	9	/* serial: 2 FIXED with STRICT */
#define	PCIDEV_M_INTR_STILL	10	/* serial: its interrupt still works */
#define	PCIDEV_M_NCHECKS	11

/* PCIDEV_FM checks (either device): fault management as attach set it up. */
#define	PCIDEV_F_CAPS		0	/* all four capabilities granted */
#define	PCIDEV_F_PROPS		1	/* fm-*-capable properties made */
#define	PCIDEV_F_ACC_OK		2	/* config handle: DDI_FM_OK */
#define	PCIDEV_F_ACC_CLEAR	3	/* and after ddi_fm_acc_err_clear */
#define	PCIDEV_F_EREPORT_SCAN	4	/* pci_ereport_post: no error bits */
#define	PCIDEV_F_DEVSTATE	5	/* service impacts set the state */
#define	PCIDEV_F_SLAVEONLY	6	/* a PCI function may master */
#define	PCIDEV_F_EREPORT	7	/* an ereport posted (the log shows it) */
#define	PCIDEV_F_BAD_VERSION	8	/* an unknown fme_version refused */
#define	PCIDEV_F_NCHECKS	9

/*
 * Serial loopback (MCR loop): pl_count bytes sent, each received by the
 * receive interrupt (pl_nowait: send them all and return at once).
 */
typedef struct pcidev_loop {
	uint32_t	pl_count;
	uint32_t	pl_nowait;
	uint32_t	pl_received;	/* out */
	uint32_t	pl_mismatches;	/* out */
	uint32_t	pl_timeouts;	/* out */
	uint32_t	pl_pad;
} pcidev_loop_t;

typedef struct pcidev_stats {
	uint64_t	ps_intrs;	/* handler calls that claimed */
	uint64_t	ps_unclaimed;	/* handler calls that did not */
	uint64_t	ps_rx;		/* bytes received */
	uint64_t	ps_tx;		/* bytes sent */
	uint64_t	ps_dropped;	/* received with the buffer full */
	uint32_t	ps_instance;
	uint32_t	ps_intr_type;
	uint32_t	ps_buffered;	/* bytes waiting for read(9E) */
	uint32_t	ps_lsr;		/* line status now */
} pcidev_stats_t;

#endif	/* _PCIDEV_H */
