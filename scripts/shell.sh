#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# shell.sh KERNEL: make shell.  The make run guest with an interactive
# shell on the console; ddi_compat is loaded, the sample drivers and
# user programs are in /ddi.  Leave with 'reboot -f' (or Ctrl-A X).
. "$(dirname "$0")/lib.sh"

k=${1:-stock-6.12}
prepare "$k"
img=$BUILD/shell-$k.cpio.gz
"$TOP/scripts/initramfs.sh" "$k" shell "$img" || exit 1
# The sample drivers' devices (their qemu.args), and make shell QEMU_ARGS=.
DDI_QEMU_ARGS="$(qemu_args "$TOP"/drivers/*/) ${QEMU_ARGS:-}"
export DDI_QEMU_ARGS
exec "$TOP/scripts/guest.sh" "$k" "$img" "$BUILD/shell-$k" shell
