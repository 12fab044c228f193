# SPDX-License-Identifier: GPL-2.0
# Feature probes for <ddi_compat/kcompat.h>, run by kbuild against the
# kernel tree being built for.  Distributions backport API changes, so the
# probes test what the kernel's headers accept rather than version
# numbers: each compiles a small file of probes/ with the kernel's own
# flags, and defines DDIC_HAVE_<NAME> if it compiles without a warning.
# (Matching declaration text instead breaks on a reformatted backport.)
#
# $(call ddic_probe,NAME): -DDDIC_HAVE_NAME if probes/NAME.c compiles.
ddic_probe_dir := $(dir $(lastword $(MAKEFILE_LIST)))probes
ddic_probe = $(shell $(CC) $(NOSTDINC_FLAGS) $(LINUXINCLUDE) \
	$(KBUILD_CPPFLAGS) $(KBUILD_CFLAGS) -Werror -fsyntax-only \
	$(ddic_probe_dir)/$(1).c >/dev/null 2>&1 && echo -DDDIC_HAVE_$(1))

# 6.3: vma->vm_flags became read-only; vm_flags_set()/vm_flags_clear().
ccflags-y += $(call ddic_probe,VM_FLAGS_SET)

# 6.4: class_create() lost its owner argument.
ccflags-y += $(call ddic_probe,CLASS_CREATE_NO_OWNER)

# 6.5: block open() takes the gendisk and a blk_mode_t, release() only
# the gendisk.
ccflags-y += $(call ddic_probe,BLK_OPEN_DISK)

# 6.9: blk_mq_alloc_disk() takes the queue_limits.
ccflags-y += $(call ddic_probe,BLK_ALLOC_DISK_LIM)

# 6.12 stable: a device's driver_override lives in struct device (with
# its lock), no longer in struct pci_dev.
ccflags-y += $(call ddic_probe,DEV_DRIVER_OVERRIDE)
