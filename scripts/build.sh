#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# build.sh KERNEL: build ddi_compat, its KUnit suites and the benchmark
# module for KERNEL into build/KERNEL/src, with W=1 and -Werror.  The
# sources are not copied: build/KERNEL/src is a tree of links to them, and
# the compiler's messages name the real files.
. "$(dirname "$0")/lib.sh"

name=${1:?usage: build.sh KERNEL}
eval "$("$TOP/scripts/kernel.sh" "$name")" || exit 1
out=$BUILD/$name/src
# One build of a kernel's modules at a time: make check's installation
# rows (make guest) can run beside that kernel's pipeline.
build_modules() {
	mkdir -p "$out"
	link_tree "$out" "$TOP/Kbuild" "$TOP/ddi_compat" "$TOP/include" \
		"$TOP/kunit" "$TOP/bench" "$TOP/VERSION" ||
		die "cannot link the sources into $out"
	local debug=
	[ "$KIND" = debug ] && debug="DDIC_DEBUG=y"
	say "building modules for $name ($KREL)"
	# DDIC_SPARSE=1 (lint.sh sparse): sparse over every source as well
	# (C=2); with the same flags as the build the objects are up to
	# date and only the checker runs.
	make -C "$KDIR" M="$out" W=1 KCFLAGS=-Werror DDIC_TESTS=y $debug \
		${DDIC_SPARSE:+C=2} -j"$JOBS" modules 2>&1 |
		real_paths "$out" >"$BUILD/$name/build.log" ||
		{ cat "$BUILD/$name/build.log" >&2; die "module build for $name failed"; }
	if grep -E '(warning|error):' "$BUILD/$name/build.log" >&2; then
		die "module build for $name has warnings"
	fi
}
with_lock "$BUILD/$name/build.lock" build_modules || exit 1
echo "$out"
