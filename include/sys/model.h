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

/*
 * STRUCT_DECL(9F) and family: one ioctl argument, read and written in the
 * layout of the caller's data model.  A driver declares "struct foo" (the
 * native, LP64 layout) and "struct foo32" (the same fields as an ILP32
 * process lays them out, pointers as caddr32_t); the handle points at
 * one of them and every access picks the layout from the model given to
 * STRUCT_INIT or STRUCT_SET_HANDLE.
 */
typedef unsigned int model_t;

/* The ILP32 twin; "(*m32)" below keeps checkpatch from reading a product. */
#define DDIC_STRUCT32(struct_type)	struct struct_type##32

#define STRUCT_HANDLE(struct_type, handle)				\
	struct {							\
		union {							\
			struct struct_type *m64;			\
			DDIC_STRUCT32(struct_type) (*m32);		\
		} ptr;							\
		model_t model;						\
	} handle = { { NULL }, DATAMODEL_ILP32 }

#define STRUCT_DECL(struct_type, handle)				\
	union {								\
		struct struct_type m64;					\
		DDIC_STRUCT32(struct_type) m32;			\
	} __##handle##_buf;						\
	STRUCT_HANDLE(struct_type, handle)

#define DDIC_STRUCT_IS32(handle)	((handle).model == DATAMODEL_ILP32)

#define STRUCT_INIT(handle, umodel)					\
	((handle).ptr.m64 = &__##handle##_buf.m64,			\
	 (handle).model = (model_t)((umodel) & DATAMODEL_MASK))

#define STRUCT_SET_HANDLE(handle, umodel, addr)				\
	((handle).model = (model_t)((umodel) & DATAMODEL_MASK),		\
	 (handle).ptr.m64 = (void *)(addr))

#define STRUCT_SIZE(handle)						\
	(DDIC_STRUCT_IS32(handle) ? sizeof(*(handle).ptr.m32) :		\
	 sizeof(*(handle).ptr.m64))

#define STRUCT_BUF(handle)	((handle).ptr.m64)

#define STRUCT_FADDR(handle, field)					\
	(DDIC_STRUCT_IS32(handle) ? (void *)&(handle).ptr.m32->field :	\
	 (void *)&(handle).ptr.m64->field)

#define STRUCT_FGET(handle, field)					\
	(DDIC_STRUCT_IS32(handle) ? (handle).ptr.m32->field :		\
	 (handle).ptr.m64->field)

#define STRUCT_FGETP(handle, field)					\
	(DDIC_STRUCT_IS32(handle) ?						\
	 (void *)(uintptr_t)(handle).ptr.m32->field :			\
	 (void *)(handle).ptr.m64->field)

#define STRUCT_FSET(handle, field, val)					\
	(DDIC_STRUCT_IS32(handle) ? ((handle).ptr.m32->field = (val)) :	\
	 ((handle).ptr.m64->field = (val)))

#define STRUCT_FSETP(handle, field, val)				\
	(DDIC_STRUCT_IS32(handle) ?					\
	 (void)((handle).ptr.m32->field = (caddr32_t)(uintptr_t)(val)) : \
	 (void)((handle).ptr.m64->field = (val)))

#define SIZEOF_PTR(umodel)						\
	(((umodel) & DATAMODEL_MASK) == DATAMODEL_ILP32 ?		\
	 sizeof(caddr32_t) : sizeof(caddr_t))

#define SIZEOF_STRUCT(struct_type, umodel)				\
	(((umodel) & DATAMODEL_MASK) == DATAMODEL_ILP32 ?		\
	 sizeof(struct struct_type##32) : sizeof(struct struct_type))

#endif /* _SYS_MODEL_H */
