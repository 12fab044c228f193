/* SPDX-License-Identifier: GPL-2.0 */
/*
 * Resource arenas: vmem_create(9F), vmem_xcreate, vmem_destroy,
 * vmem_alloc, vmem_xalloc, vmem_free, vmem_xfree, vmem_add, vmem_size,
 * vmem_contains.
 *
 * An arena hands out ranges of an abstract address space (identifiers,
 * minor numbers, device address ranges); nothing is mapped.  It is kept
 * in ddi_compat's resource-map engine (the one behind rmalloc(9F)).
 *
 * Departures (docs/departures.md, "vmem arenas"): the default and
 * VM_FIRSTFIT policies give the lowest address that fits (Solaris's
 * instant fit picks from power-of-two free lists); VM_BESTFIT searches
 * every free segment large enough.  VM_SLEEP sleeps killably: a fatal
 * signal makes the call return NULL.  qcache_max is ignored.  Bad calls
 * (unaligned quantum, bad alignment or phase, a free of space not
 * allocated) are refused with a warning naming the arena.
 */
#ifndef _SYS_VMEM_H
#define _SYS_VMEM_H

#include <sys/types.h>

/* Per-allocation flags. */
#define VM_SLEEP	0x00000000
#define VM_NOSLEEP	0x00000001
#define VM_PANIC	0x00000002
#define VM_PUSHPAGE	0x00000004
#define VM_KMFLAGS	0x000000ff
#define VM_BESTFIT	0x00000100
#define VM_FIRSTFIT	0x00000200
#define VM_NEXTFIT	0x00000400
#define VM_ENDALLOC	0x00004000
#define VM_FLAGS	0x0000ffff

/* Arena creation flags. */
#define VMC_POPULATOR	0x00010000
#define VMC_NO_QCACHE	0x00020000
#define VMC_IDENTIFIER	0x00040000
#define VMC_XALLOC	0x00080000
#define VMC_XALIGN	0x00100000
#define VMC_FLAGS	0xffff0000

/* Segment types for vmem_size(). */
#define VMEM_ALLOC	0x01
#define VMEM_FREE	0x02
/* vmem_walk(): callbacks may call into the arena (always true here). */
#define VMEM_REENTRANT	0x80000000

typedef struct vmem vmem_t;
typedef void *(vmem_alloc_t)(vmem_t *, size_t, int);
typedef void (vmem_free_t)(vmem_t *, void *, size_t);
typedef void *(vmem_ximport_t)(vmem_t *, size_t *, size_t, int);

vmem_t *vmem_create(const char *name, void *base, size_t size,
		    size_t quantum, vmem_alloc_t *afunc, vmem_free_t *ffunc,
		    vmem_t *source, size_t qcache_max, int vmflag);
vmem_t *vmem_xcreate(const char *name, void *base, size_t size,
		     size_t quantum, vmem_ximport_t *afunc, vmem_free_t *ffunc,
		     vmem_t *source, size_t qcache_max, int vmflag);
void vmem_destroy(vmem_t *vmp);
void *vmem_alloc(vmem_t *vmp, size_t size, int vmflag);
void *vmem_xalloc(vmem_t *vmp, size_t size, size_t align, size_t phase,
		  size_t nocross, void *minaddr, void *maxaddr, int vmflag);
void vmem_free(vmem_t *vmp, void *vaddr, size_t size);
void vmem_xfree(vmem_t *vmp, void *vaddr, size_t size);
void *vmem_add(vmem_t *vmp, void *vaddr, size_t size, int vmflag);
int vmem_contains(vmem_t *vmp, void *vaddr, size_t size);
size_t vmem_size(vmem_t *vmp, int typemask);
void vmem_walk(vmem_t *vmp, int typemask,
	       void (*func)(void *arg, void *start, size_t size), void *arg);

#endif /* _SYS_VMEM_H */
