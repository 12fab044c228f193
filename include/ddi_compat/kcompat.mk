# SPDX-License-Identifier: GPL-2.0
# Feature probes for <ddi_compat/kcompat.h>, run by kbuild against the
# kernel tree being built for.  Distributions backport API changes, so
# kcompat.h tests what the headers declare rather than version numbers.
#
# $(call ddi_probe,HEADER,PATTERN-VARIABLE,FLAG): FLAG if HEADER has a
# line matching the extended regex held in PATTERN-VARIABLE.
ddi_probe = $(shell grep -qsE '$($(2))' $(srctree)/include/$(1) && echo $(3))

# vm_flags became read-only in 6.3 (vm_flags_set/vm_flags_clear).
ddi_re_vm_flags_set := void vm_flags_set[(]
ccflags-y += $(call ddi_probe,linux/mm.h,ddi_re_vm_flags_set,-DDDI_HAVE_VM_FLAGS_SET)

# class_create() lost its owner argument in 6.4.
ddi_re_class_create := class_create[(]const char [*]name[)]
ccflags-y += $(call ddi_probe,linux/device/class.h,ddi_re_class_create,-DDDI_CLASS_CREATE_NO_OWNER)

# Block devices: open/release take the gendisk and a blk_mode_t since 6.5.
ddi_re_blk_open_disk := int [(][*]open[)] ?[(]struct gendisk [*]disk, blk_mode_t
ccflags-y += $(call ddi_probe,linux/blkdev.h,ddi_re_blk_open_disk,-DDDI_BLK_OPEN_TAKES_DISK)

# blk_mq_alloc_disk() takes the queue_limits since 6.9.
ddi_re_mq_alloc_disk_lim := define blk_mq_alloc_disk[(]set, lim, queuedata[)]
ccflags-y += $(call ddi_probe,linux/blk-mq.h,ddi_re_mq_alloc_disk_lim,-DDDI_BLK_ALLOC_DISK_LIM)
