#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/results.py on a made-up boot whose console holds the OOM
# killer's report on tests/prog/memhog and the hog's own allocation
# failure (oom-memhog.txt, cut from a low-memory boot): excused in a boot
# that starves itself on purpose (--oom-expected, the lowmem boot), a
# splat in any other.  Run by make check (harness:oom-report-excused-in-
# lowmem, harness:oom-report-fails-elsewhere).
set -u
here=$(cd "$(dirname "$0")" && pwd)
results=$here/../../scripts/results.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# boot [ARG...]: the boot row of that console, results.py given ARG...
boot() {
	mkdir -p "$tmp/d"
	cp "$here/oom-memhog.txt" "$tmp/d/console.log"
	printf 'KTAP version 1\n1..1\nok 1 guest:x\n# guest exit status: 0\n' \
		>"$tmp/d/results.log"
	echo 0 >"$tmp/d/qemu-rc"
	rm -f "$tmp/rows.tsv"
	"$results" --kernel k --boot lowmem --dir "$tmp/d" \
		--tsv "$tmp/rows.tsv" "$@" 2>/dev/null
	grep 'k:boot:lowmem' "$tmp/rows.tsv"
}

case ${1:-} in
expected)
	boot --oom-expected | grep -q '^pass'
	;;
elsewhere)
	boot | grep -q '^fail.*kernel splat: .*Call Trace:'
	;;
*)
	echo "usage: $0 expected|elsewhere" >&2
	exit 2
	;;
esac
