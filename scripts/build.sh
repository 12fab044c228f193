#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# build.sh KERNEL: build ddi_compat, its KUnit suites and the benchmark
# module for KERNEL into build/KERNEL/src, with W=1 and -Werror.
. "$(dirname "$0")/lib.sh"

name=${1:?usage: build.sh KERNEL}
eval "$("$TOP/scripts/kernel.sh" "$name")" || exit 1
out=$BUILD/$name/src
mkdir -p "$out"
# Copy the sources so that each kernel's objects stay apart.
rsync -a --delete --exclude='*.o' --exclude='*.ko' --exclude='.*.cmd' \
	--exclude='*.mod' --exclude='*.mod.c' --exclude=Module.symvers \
	--exclude=modules.order \
	"$TOP/Kbuild" "$TOP/ddi_compat" "$TOP/include" "$TOP/kunit" \
	"$TOP/bench" "$TOP/VERSION" "$out/"
debug=
[ "$KIND" = debug ] && debug="DDIC_DEBUG=y"
say "building modules for $name ($KREL)"
make -C "$KDIR" M="$out" W=1 KCFLAGS=-Werror DDIC_TESTS=y $debug -j"$JOBS" modules \
	>"$BUILD/$name/build.log" 2>&1 ||
	{ cat "$BUILD/$name/build.log" >&2; die "module build for $name failed"; }
if grep -E 'warning:' "$BUILD/$name/build.log" >&2; then
	die "module build for $name has warnings"
fi
echo "$out"
