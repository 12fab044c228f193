#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/results.py on two made-up boots of the KCSAN kernel: a data
# race between two parts of the kernel's own code (kcsan-kernel.txt, a
# report seen under fio) is excused; one with a frame of a module
# (kcsan-module.txt, the cv_wait/cv_broadcast race KCSAN found in
# ddi_compat) still fails the boot.  Run by make check
# (harness:kcsan-kernel-race-excused, harness:kcsan-module-race-fails).
set -u
here=$(cd "$(dirname "$0")" && pwd)
results=$here/../../scripts/results.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# boot NAME FILE...: a finished boot whose console holds FILE...; prints
# its boot row.
boot() {
	local d=$tmp/$1
	shift
	mkdir -p "$d"
	cat "$@" >"$d/console.log"
	printf 'KTAP version 1\n1..1\nok 1 guest:x\n# guest exit status: 0\n' \
		>"$d/results.log"
	echo 0 >"$d/qemu-rc"
	"$results" --kernel k --boot check --dir "$d" --tsv "$d/rows.tsv" \
		2>/dev/null
	grep 'k:boot:check' "$d/rows.tsv"
}

case ${1:-} in
kernel)
	boot kernel "$here/kcsan-kernel.txt" | grep -q '^pass'
	;;
module)
	boot module "$here/kcsan-kernel.txt" "$here/kcsan-module.txt" |
		grep -q '^fail.*KCSAN: data-race in ddic_cv_block'
	;;
*)
	echo "usage: $0 kernel|module" >&2
	exit 2
	;;
esac
