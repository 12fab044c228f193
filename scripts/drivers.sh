#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers.sh KERNEL: build the project's sample drivers (drivers/*/) for
# KERNEL through the porter's path (port.sh), warnings fatal, into
# build/KERNEL/drivers/ (where initramfs.sh picks them up).
. "$(dirname "$0")/lib.sh"

name=${1:?usage: drivers.sh KERNEL}
out=$BUILD/$name/drivers
rm -rf "$out"
mkdir -p "$out"
for d in "$TOP"/drivers/*/ "$TOP"/tests/drivers/*/; do
	[ -d "$d" ] || continue
	DDI_WERROR=1 "$TOP/scripts/port.sh" "$d" "$name" "$out" || exit 1
done
echo "$out"
