#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# drivers.sh KERNEL: build the project's sample drivers (drivers/*/) for
# KERNEL through the porter's path (port.sh), warnings fatal, into
# build/KERNEL/drivers/ (where initramfs.sh picks them up).
. "$(dirname "$0")/lib.sh"

name=${1:?usage: drivers.sh KERNEL}
out=$BUILD/$name/drivers
# Built beside the old set and swapped in whole: a guest's initramfs
# (make guest, beside make check's background builds) copies what is
# there, never a half-written set.
new=$out.new.$$
rm -rf "$new"
mkdir -p "$new"
for d in "$TOP"/drivers/*/ "$TOP"/tests/drivers/*/; do
	[ -d "$d" ] || continue
	DDI_WERROR=1 "$TOP/scripts/port.sh" "$d" "$name" "$new" ||
		{ rm -rf "$new"; exit 1; }
done
rm -rf "$out" && mv "$new" "$out" || exit 1
echo "$out"
