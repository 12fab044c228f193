/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Data models.  A 32-bit process (in_compat_syscall() on Linux) is
 * DDI_MODEL_ILP32; a 64-bit one DDI_MODEL_LP64.
 */
#ifndef _SYS_MODEL_H
#define _SYS_MODEL_H

#include <sys/types.h>

#define DATAMODEL_MASK		0x0FF00000
#define DATAMODEL_ILP32		0x00100000
#define DATAMODEL_LP64		0x00200000
#define DATAMODEL_NONE		0
#define DATAMODEL_NATIVE	DATAMODEL_LP64

#define DDI_MODEL_MASK		DATAMODEL_MASK
#define DDI_MODEL_ILP32		DATAMODEL_ILP32
#define DDI_MODEL_LP64		DATAMODEL_LP64
#define DDI_MODEL_NATIVE	DATAMODEL_NATIVE
#define DDI_MODEL_NONE		DATAMODEL_NONE

/* The data model of the calling process: DDI_MODEL_ILP32 or _LP64. */
uint_t ddic_model_current(void);

/*
 * ddi_model_convert_from(9F): DDI_MODEL_ILP32 if @model (an ioctl mode
 * or a devmap model) says the caller is a 32-bit process, else
 * DDI_MODEL_NONE.
 */
static inline uint_t ddi_model_convert_from(uint_t model)
{
	return (model & DDI_MODEL_MASK) == DDI_MODEL_ILP32 ?
		DDI_MODEL_ILP32 : DDI_MODEL_NONE;
}

#endif /* _SYS_MODEL_H */
