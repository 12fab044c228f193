#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# scripts/results.py on made-up boots whose consoles are cut from real
# ones, for the splats it excuses (make check's harness:* rows):
#   kcsan-kernel   a data race between two parts of the kernel's own code
#                  (kcsan-kernel.txt, seen under fio) is excused;
#   kcsan-module   one with a frame of a module (kcsan-module.txt, the
#                  cv_wait/cv_broadcast race KCSAN found in ddi_compat)
#                  still fails the boot;
#   oom-expected   the OOM killer's report on tests/prog/memhog and the
#                  hog's own allocation failure (oom-memhog.txt) are
#                  excused in a boot that starves itself on purpose
#                  (--oom-expected: the low-memory boot);
#   oom-elsewhere  the same report fails any other boot.
set -u
here=$(cd "$(dirname "$0")" && pwd)
results=$here/../../scripts/results.py
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# boot FILE... [-- ARG...]: the boot row of a finished boot whose console
# holds FILE..., results.py given ARG...
boot() {
	local files=()
	while [ $# -gt 0 ] && [ "$1" != -- ]; do
		files+=("$here/$1")
		shift
	done
	[ $# -gt 0 ] && shift
	cat "${files[@]}" >"$tmp/console.log"
	printf 'KTAP version 1\n1..1\nok 1 guest:x\n# guest exit status: 0\n' \
		>"$tmp/results.log"
	echo 0 >"$tmp/qemu-rc"
	rm -f "$tmp/rows.tsv"
	"$results" --kernel k --boot check --dir "$tmp" --tsv "$tmp/rows.tsv" \
		"$@" 2>/dev/null
	grep 'k:boot:check' "$tmp/rows.tsv"
}

case ${1:-} in
kcsan-kernel)
	boot kcsan-kernel.txt | grep -q '^pass'
	;;
kcsan-module)
	boot kcsan-kernel.txt kcsan-module.txt |
		grep -q '^fail.*KCSAN: data-race in ddic_cv_block'
	;;
oom-expected)
	boot oom-memhog.txt -- --oom-expected | grep -q '^pass'
	;;
oom-elsewhere)
	boot oom-memhog.txt | grep -q '^fail.*kernel splat: .*Call Trace:'
	;;
*)
	echo "usage: $0 kcsan-kernel|kcsan-module|oom-expected|oom-elsewhere" >&2
	exit 2
	;;
esac
