# SPDX-License-Identifier: GPL-2.0
# Feature probes for <ddi_compat/kcompat.h>, run by kbuild against the
# kernel tree being built for.  Distributions backport API changes, so
# kcompat.h tests what the headers declare rather than version numbers.
#
# $(call ddic_probe,HEADER,PATTERN-VARIABLE,FLAG): FLAG if HEADER has a
# line matching the extended regex held in PATTERN-VARIABLE.
ddic_probe = $(shell grep -qsE '$($(2))' $(srctree)/include/$(1) && echo $(3))

# vm_flags became read-only in 6.3 (vm_flags_set/vm_flags_clear).
ddic_re_vm_flags_set := void vm_flags_set[(]
ccflags-y += $(call ddic_probe,linux/mm.h,ddic_re_vm_flags_set,-DDDIC_HAVE_VM_FLAGS_SET)

# class_create() lost its owner argument in 6.4.
ddic_re_class_create := class_create[(]const char [*]name[)]
ccflags-y += $(call ddic_probe,linux/device/class.h,ddic_re_class_create,-DDDIC_HAVE_CLASS_CREATE_NO_OWNER)

# Block devices: open/release take the gendisk and a blk_mode_t since 6.5.
ddic_re_blk_open_disk := int [(][*]open[)] ?[(]struct gendisk [*]disk, blk_mode_t
ccflags-y += $(call ddic_probe,linux/blkdev.h,ddic_re_blk_open_disk,-DDDIC_HAVE_BLK_OPEN_DISK)

# blk_mq_alloc_disk() takes the queue_limits since 6.9.
ddic_re_mq_alloc_disk_lim := define blk_mq_alloc_disk[(]set, lim, queuedata[)]
ccflags-y += $(call ddic_probe,linux/blk-mq.h,ddic_re_mq_alloc_disk_lim,-DDDIC_HAVE_BLK_ALLOC_DISK_LIM)
