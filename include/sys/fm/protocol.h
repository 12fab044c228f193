/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/fm/protocol.h>: the fault management protocol's names and the
 * error numeric association (ENA) of ereports: fm_ena_generate() and the
 * fields of formats 1 and 2 (ddi_compat/fm.c).  The nvlist-building
 * functions (fm_ereport_set, fm_payload_set, fm_fmri_*) are not provided.
 */
#ifndef _SYS_FM_PROTOCOL_H
#define _SYS_FM_PROTOCOL_H

#include <sys/types.h>
#include <sys/nvpair.h>

#define FM_CLASS		"class"
#define FM_VERSION		"version"

#define FM_EREPORT_CLASS	"ereport"
#define FM_FAULT_CLASS		"fault"
#define FM_RSRC_CLASS		"resource"
#define FM_LIST_EVENT		"list"

#define FM_ERROR_CPU		"cpu"
#define FM_ERROR_IO		"io"

#define FM_EREPORT_VERS0	0
#define FM_EREPORT_VERSION	FM_EREPORT_VERS0

#define FM_EREPORT_DETECTOR	"detector"
#define FM_EREPORT_ENA		"ena"

/* ENA formats and fields. */
#define ENA_FORMAT_MASK		0x3
#define ENA_FORMAT(ena)		((ena) & ENA_FORMAT_MASK)

#define FM_ENA_FMT0		0
#define FM_ENA_FMT1		1
#define FM_ENA_FMT2		2

#define ENA_FMT1_GEN_MASK	0x00000000000003FCull
#define ENA_FMT1_ID_MASK	0xFFFFFFFFFFFFFC00ull
#define ENA_FMT1_CPUID_MASK	0x00000000000FFC00ull
#define ENA_FMT1_TIME_MASK	0xFFFFFFFFFFF00000ull
#define ENA_FMT1_GEN_SHFT	2
#define ENA_FMT1_ID_SHFT	10
#define ENA_FMT1_CPUID_SHFT	ENA_FMT1_ID_SHFT
#define ENA_FMT1_TIME_SHFT	20

#define ENA_FMT2_GEN_MASK	0x00000000000003FCull
#define ENA_FMT2_ID_MASK	0xFFFFFFFFFFFFFC00ull
#define ENA_FMT2_TIME_MASK	ENA_FMT2_ID_MASK
#define ENA_FMT2_GEN_SHFT	2
#define ENA_FMT2_ID_SHFT	10
#define ENA_FMT2_TIME_SHFT	ENA_FMT2_ID_SHFT

uint64_t fm_ena_generate(uint64_t timestamp, uchar_t format);
uint64_t fm_ena_generate_cpu(uint64_t timestamp, processorid_t cpuid,
			     uchar_t format);
uint64_t fm_ena_increment(uint64_t ena);
uint64_t fm_ena_generation_get(uint64_t ena);
uchar_t fm_ena_format_get(uint64_t ena);
uint64_t fm_ena_id_get(uint64_t ena);
uint64_t fm_ena_time_get(uint64_t ena);

#endif /* _SYS_FM_PROTOCOL_H */
