#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# initramfs.sh KERNEL MODE OUT.cpio.gz [EXTRA_DIR]: a busybox-static
# initramfs with the guest scripts, KERNEL's modules (ddi_compat, KUnit
# suites on debug kernels, sample drivers), static user programs and the
# guest tests (DDI_TESTS narrows them), the host's mkfs.ext4/e2fsck/fio (scripts/guest-tools.sh),
# the guest's /dev name listener, and on stock kernels the kernel's own
# modules the tests need (ext4, brd) in /ddi/kmods.  EXTRA_DIR, if given,
# is copied over /ddi last.
. "$(dirname "$0")/lib.sh"

name=$1 mode=$2 out=$3 extra=$4

# stock_kmods "LOAD..." "EXTRA...": copy the modules LOAD with the modules
# they depend on (modinfo's depends, recursively) into /ddi/kmods and list
# them in load order in kmods/order; copy EXTRA there too, unlisted.
# Compressed modules are unpacked here: busybox insmod takes plain .ko.
stock_kmods() {
	local seen=" " order=()
	find_ko() {
		find "$MODROOT/kernel" \( -name "$1.ko" -o -name "$1.ko.xz" \
			-o -name "$1.ko.zst" \) | head -1
	}
	put_ko() {
		local f
		f=$(find_ko "$1")
		[ -n "$f" ] || die "module $1 not in $MODROOT"
		case $f in
		*.xz) xz -dc "$f" ;;
		*.zst) zstd -qdc "$f" ;;
		*) cat "$f" ;;
		esac >"$stage/ddi/kmods/$1.ko" || die "cannot unpack $f"
		echo "$f"
	}
	add() {
		local m=$1 f d
		case $seen in *" $m "*) return ;; esac
		seen="$seen$m "
		f=$(put_ko "$m") || exit 1
		for d in $(modinfo -F depends "$f" | tr ',' ' '); do
			add "$d"
		done
		order+=("$m.ko")
	}
	for m in $1; do add "$m"; done
	printf '%s\n' "${order[@]}" >"$stage/ddi/kmods/order"
	for m in $2; do put_ko "$m" >/dev/null || exit 1; done
}
eval "$("$TOP/scripts/kernel.sh" "$name")" || exit 1
src=$BUILD/$name/src
stage=$BUILD/$name/stage-$mode
rm -rf "$stage"
mkdir -p "$stage"/{bin,sbin,etc,proc,sys,dev,tmp,mnt,root} \
	"$stage"/ddi/{modules,kunit,tests,bin,kmods}
cp /bin/busybox "$stage/bin/busybox"
install -m 755 "$TOP/scripts/guest/init" "$stage/init"
cp "$TOP/scripts/guest/"*.sh "$stage/ddi/"
# DDI_TESTS='PATTERN...' (shell globs, space- or comma-separated, e.g.
# 'blk_* fuzz,edu') narrows the guest tests while developing; make check
# runs them all.
IFS=', ' read -ra pats <<<"${DDI_TESTS:-*}"
for pat in "${pats[@]}"; do
	cp "$TOP"/tests/guest/$pat.sh "$stage/ddi/tests/" 2>/dev/null
done
# All of them, for the tests that run others (tests/guest/blk_mq.sh).
mkdir -p "$stage/ddi/guest-tests"
cp "$TOP"/tests/guest/*.sh "$stage/ddi/guest-tests/"
mkdir -p "$stage/ddi/demo" "$stage/ddi/bench"
for d in "$TOP"/drivers/*/demo.sh; do
	[ -f "$d" ] && cp "$d" "$stage/ddi/demo/$(basename "$(dirname "$d")").sh"
done
cp "$TOP"/tests/bench/*.sh "$stage/ddi/bench/" 2>/dev/null
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
# mkfs.ext4, e2fsck, fio with their libraries.
tools=$("$TOP/scripts/guest-tools.sh") || die "cannot stage the guest tools"
cp -a "$tools/." "$stage/"
# The /dev/<disk> link maker scripts/guest/init starts.
static_prog "$TOP/scripts/guest/devlinkd.c" "$BUILD/user" -Wextra -Werror
cp "$BUILD/user/devlinkd" "$stage/sbin/"
# Stock kernels build ext4 (and what it needs) and brd as modules; load_kmods
# (scripts/guest/lib.sh) loads those listed in kmods/order at setup.  brd is
# not listed: the tests and benches load it with the sizes they need.
[ "$KIND" = stock ] && stock_kmods "crc32c_generic ext4" "brd"
[ -n "$extra" ] && cp -a "$extra/." "$stage/ddi/"
echo "$name" >"$stage/ddi/kernel"
(cd "$stage" && find . | cpio -o -H newc --owner 0:0 --quiet) |
	gzip -1 >"$out" || die "cannot write $out"
