/* SPDX-License-Identifier: GPL-2.0 */
/* <sys/fm/io/ddi.h>: the ereport classes a leaf driver posts. */
#ifndef _SYS_FM_IO_DDI_H
#define _SYS_FM_IO_DDI_H

#define DDI_DVR_MAX_CLASS		32

#define DDI_IO_CLASS			"io"

#define DDI_FM_DEVICE			"device"
#define DDI_FM_DEVICE_INVAL_STATE	"inval_state"
#define DDI_FM_DEVICE_NO_RESPONSE	"no_response"
#define DDI_FM_DEVICE_STALL		"stall"
#define DDI_FM_DEVICE_BADINT_LIMIT	"badint_limit"
#define DDI_FM_DEVICE_INTERN_CORR	"intern_corr"
#define DDI_FM_DEVICE_INTERN_UNCORR	"intern_uncorr"

#define DDI_FM_SERVICE_IMPACT		"service"
#define DDI_FM_SERVICE_LOST		"lost"
#define DDI_FM_SERVICE_DEGRADED		"degraded"
#define DDI_FM_SERVICE_RESTORED		"restored"
#define DDI_FM_SERVICE_UNAFFECTED	"unaffected"

#define DVR_ERPT			"ddi."
#define DVR_ECONTEXT			"context"
#define DVR_EINVAL			"einval"
#define DVR_EFMCAP			"fm-capability"
#define DVR_EVER			"version"

#define DVR_NAME			"dvr-name"
#define DVR_STACK			"dvr-stack"
#define DVR_STACK_DEPTH			"dvr-stack-depth"
#define DVR_ERR_SPECIFIC		"dvr-error-specific"

#endif /* _SYS_FM_IO_DDI_H */
