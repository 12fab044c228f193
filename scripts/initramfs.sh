#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# initramfs.sh KERNEL MODE OUT.cpio.gz [EXTRA_DIR]: a busybox-static
# initramfs with the guest scripts, KERNEL's modules (ddi_compat, KUnit
# suites on debug kernels, sample drivers), static user programs and the
# guest tests.  EXTRA_DIR, if given, is copied over /ddi last.
. "$(dirname "$0")/lib.sh"

name=$1 mode=$2 out=$3 extra=$4
eval "$("$TOP/scripts/kernel.sh" "$name")" || exit 1
src=$BUILD/$name/src
stage=$BUILD/$name/stage-$mode
rm -rf "$stage"
mkdir -p "$stage"/{bin,sbin,etc,proc,sys,dev,tmp,mnt,root} \
	"$stage"/ddi/{modules,kunit,tests,bin,kmods}
cp /bin/busybox "$stage/bin/busybox"
install -m 755 "$TOP/scripts/guest/init" "$stage/init"
cp "$TOP/scripts/guest/"*.sh "$stage/ddi/"
cp "$TOP"/tests/guest/*.sh "$stage/ddi/tests/" 2>/dev/null
cp "$src/ddi_compat/ddi_compat.ko" "$stage/ddi/modules/"
cp "$src"/bench/*.ko "$stage/ddi/modules/" 2>/dev/null
if [ "$mode" = check ] && [ "$KIND" = debug ]; then
	cp "$src"/kunit/*.ko "$stage/ddi/kunit/"
fi
[ -d "$BUILD/$name/drivers" ] &&
	cp "$BUILD/$name/drivers/"*.ko "$stage/ddi/modules/" 2>/dev/null
[ -d "$BUILD/user" ] && cp -a "$BUILD/user/." "$stage/ddi/bin/"
# Porter's commands (add_drv, rem_drv, ddi_modinfo, ...).
[ -d "$TOP/scripts/guest/bin" ] && cp -a "$TOP/scripts/guest/bin/." "$stage/ddi/bin/"
[ -n "$extra" ] && cp -a "$extra/." "$stage/ddi/"
echo "$name" >"$stage/ddi/kernel"
(cd "$stage" && find . | cpio -o -H newc --owner 0:0 --quiet) |
	gzip -1 >"$out" || die "cannot write $out"
