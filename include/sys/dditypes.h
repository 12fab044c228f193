/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/dditypes.h>: the DDI's opaque types (dev_info_t and friends).
 */
#ifndef _SYS_DDITYPES_H
#define _SYS_DDITYPES_H

#include <sys/types.h>
#include <sys/devops.h>

/* A register or configuration space mapping (ddi_regs_map_setup(9F)). */
typedef struct __ddi_acc_handle *ddi_acc_handle_t;

/* A DMA handle (ddi_dma_alloc_handle(9F)). */
typedef struct __ddi_dma_handle *ddi_dma_handle_t;

/* ddi_dma_cookie(9S): one address range of a bound DMA object. */
typedef struct {
	union {
		uint64_t	_dmac_ll;	/* the 64-bit address */
		uint32_t	_dmac_la[2];	/* its 32-bit halves */
	} _dmu;
	size_t		dmac_size;
	uint_t		dmac_type;
} ddi_dma_cookie_t;

#define dmac_laddress	_dmu._dmac_ll
#define dmac_notused	_dmu._dmac_la[1]	/* little-endian host */
#define dmac_address	_dmu._dmac_la[0]

/* ddi_rep_get8(9F) and friends: the device address moves, or not. */
#define DDI_DEV_NO_AUTOINCR	0x0000
#define DDI_DEV_AUTOINCR	0x0001

/* The NDI event service: ddi_get_eventcookie(9F), ddi_add_event_handler(9F). */
typedef enum { EPL_KERNEL, EPL_INTERRUPT, EPL_HIGHLEVEL } ddi_plevel_t;
typedef struct ddi_event_cookie *ddi_eventcookie_t;
typedef struct ddi_event_callbacks *ddi_callback_id_t;

#endif /* _SYS_DDITYPES_H */
