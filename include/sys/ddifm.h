/* SPDX-License-Identifier: GPL-2.0 */
/*
 * <sys/ddifm.h>: a driver's side of I/O fault management, ddi_fm_init(9F)
 * and its family, ddi_fm_error(9S), and pci_ereport_setup(9F) (declared
 * in <sys/sunddi.h> on illumos, which includes this header here too).
 * ddi_compat/fm.c; what differs from illumos is in docs/departures.md,
 * "Fault management".
 */
#ifndef _SYS_DDIFM_H
#define _SYS_DDIFM_H

#include <sys/types.h>
#include <sys/sunddi.h>

/* What an error means for the system (fme_status, handler returns). */
#define DDI_FM_OK		0
#define DDI_FM_FATAL		-1
#define DDI_FM_NONFATAL		-2
#define DDI_FM_UNKNOWN		-3

/* A driver's fault management capabilities. */
#define DDI_FM_NOT_CAPABLE	0x00000000
#define DDI_FM_EREPORT_CAPABLE	0x00000001
#define DDI_FM_ACCCHK_CAPABLE	0x00000002
#define DDI_FM_DMACHK_CAPABLE	0x00000004
#define DDI_FM_ERRCB_CAPABLE	0x00000008

#define DDI_FM_DEFAULT_CAP(cap)	((cap) == DDI_FM_NOT_CAPABLE)
#define DDI_FM_EREPORT_CAP(cap)	((cap) & DDI_FM_EREPORT_CAPABLE)
#define DDI_FM_ACC_ERR_CAP(cap)	((cap) & DDI_FM_ACCCHK_CAPABLE)
#define DDI_FM_DMA_ERR_CAP(cap)	((cap) & DDI_FM_DMACHK_CAPABLE)
#define DDI_FM_ERRCB_CAP(cap)	((cap) & DDI_FM_ERRCB_CAPABLE)

/* Whether an error was expected (fme_flag). */
#define DDI_FM_ERR_UNEXPECTED	0
#define DDI_FM_ERR_EXPECTED	1
#define DDI_FM_ERR_POKE		2
#define DDI_FM_ERR_PEEK		3

typedef struct ddi_fm_error {
	int fme_version;
	int fme_status;			/* DDI_FM_OK, ... */
	int fme_flag;			/* DDI_FM_ERR_* */
	uint64_t fme_ena;		/* the error's numeric association */
	ddi_acc_handle_t fme_acc_handle;
	ddi_dma_handle_t fme_dma_handle;
	void *fme_bus_specific;
} ddi_fm_error_t;

#define DDI_FME_VER0		0
#define DDI_FME_VERSION		DDI_FME_VER0

typedef int (*ddi_err_func_t)(dev_info_t *dip, ddi_fm_error_t *err,
			      const void *impl_data);

void ddi_fm_init(dev_info_t *dip, int *fmcap, ddi_iblock_cookie_t *ibcp);
void ddi_fm_fini(dev_info_t *dip);
int ddi_fm_capable(dev_info_t *dip);

void ddi_fm_handler_register(dev_info_t *dip, ddi_err_func_t handler,
			     void *impl_data);
void ddi_fm_handler_unregister(dev_info_t *dip);

void ddi_fm_acc_err_get(ddi_acc_handle_t handle, ddi_fm_error_t *de,
			int version);
void ddi_fm_dma_err_get(ddi_dma_handle_t handle, ddi_fm_error_t *de,
			int version);
void ddi_fm_acc_err_clear(ddi_acc_handle_t handle, int version);
void ddi_fm_dma_err_clear(ddi_dma_handle_t handle, int version);

/*
 * An ereport of class "ereport.io.<class>", its payload given as
 * (name, data_type_t, value) triples (arrays: name, type, count,
 * pointer; DATA_TYPE_BOOLEAN: name and type) ending with a NULL name.
 */
void ddi_fm_ereport_post(dev_info_t *dip, const char *error_class,
			 uint64_t ena, int sflag, ...);
void ddi_fm_service_impact(dev_info_t *dip, int svc_impact);

void pci_ereport_setup(dev_info_t *dip);
void pci_ereport_teardown(dev_info_t *dip);
void pci_ereport_post(dev_info_t *dip, ddi_fm_error_t *derr,
		      uint16_t *status);

#endif /* _SYS_DDIFM_H */
