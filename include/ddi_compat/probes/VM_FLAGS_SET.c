// SPDX-License-Identifier: GPL-2.0
/* 6.3: vm_flags_set()/vm_flags_clear() (vma->vm_flags is read-only). */
#include <linux/mm.h>

void ddic_probe(struct vm_area_struct *vma);
void ddic_probe(struct vm_area_struct *vma)
{
	vm_flags_set(vma, VM_DONTEXPAND);
	vm_flags_clear(vma, VM_MAYWRITE);
}
