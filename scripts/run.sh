#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# run.sh KERNEL: make run.  Build everything, boot KERNEL, load ddi_compat
# and the sample drivers, and show them working.
. "$(dirname "$0")/lib.sh"

k=${1:-stock-6.12}
prepare "$k"
dir=$BUILD/run-$k
rm -rf "$dir"
"$TOP/scripts/initramfs.sh" "$k" run "$dir.cpio.gz" || exit 1
say "booting $k under QEMU (TCG); the guest's account follows"
DDI_LIVE=1 "$TOP/scripts/guest.sh" "$k" "$dir.cpio.gz" "$dir" run 600
: >"$dir/results.tsv"
"$TOP/scripts/results.py" --kernel "$k" --boot run --dir "$dir" \
	--tsv "$dir/results.tsv"
if grep -q '^fail' "$dir/results.tsv"; then
	say "make run FAILED; console log: $dir/console.log"
	exit 1
fi
say "make run: all shown working on $k ($(cat "$dir/seconds")s in the guest); console log: $dir/console.log"
