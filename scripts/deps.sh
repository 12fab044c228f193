#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# Install every Debian package the harness needs on a fresh Debian 12.
. "$(dirname "$0")/lib.sh"

apt_install make gcc libc6-dev gcc-multilib libc6-dev-i386 \
	flex bison bc libelf-dev libssl-dev cpio kmod xz-utils zstd rsync \
	dwarves python3 qemu-system-x86 busybox-static sparse \
	linux-source-6.12 linux-source-6.1 fio e2fsprogs
