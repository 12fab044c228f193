#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check.sh: everything make check runs.  Each kernel: build the modules
# (W=1, -Werror) and the sample drivers; on the debug kernels run every
# KUnit suite; on all four run the guest tests.  Then the harness
# self-tests, the cmn_err(CE_PANIC) boot, checkpatch and sparse.  Ends
# with "N passed, N failed" and exits non-zero on any failure.
#
# CHECK_KERNELS="debug-6.12 stock-6.1" narrows the kernels (for
# development; make check runs all four).
. "$(dirname "$0")/lib.sh"

kernels=${CHECK_KERNELS:-$KERNELS}
out=$BUILD/check
rm -rf "$out"
mkdir -p "$out"
tsv=$out/results.tsv
: >"$tsv"
t0=$(date +%s)

row() { printf '%s\t%s\t%s\n' "$1" "$2" "${3:-}" >>"$tsv"; }

# step NAME CMD...: one test row for a command, its output kept.
step() {
	local name=$1; shift
	if "$@" >"$out/$name.log" 2>&1; then
		row pass "$name"
	else
		row fail "$name" "see $out/$name.log"
		tail -20 "$out/$name.log" >&2
		return 1
	fi
}

# boot KERNEL BOOT MODE TIMEOUT [EXTRA_DIR [EXPECT]]: one guest boot,
# its results appended to TSV (default: the main one).
boot() {
	local k=$1 b=$2 mode=$3 limit=$4 extra=${5:-} expect=${6:-}
	local dir=$out/$k-$b
	"$TOP/scripts/initramfs.sh" "$k" "$mode" "$dir.cpio.gz" "$extra" ||
		{ row fail "$k:boot:$b" "initramfs failed"; return 1; }
	"$TOP/scripts/guest.sh" "$k" "$dir.cpio.gz" "$dir" "$mode" "$limit"
	# A kernel that dies before it runs /init has not run any of the
	# project's code (TCG has been seen to do this, rarely): boot once
	# more, keeping the first logs.
	if ! grep -q 'Run /init as init process' "$dir/console.log" 2>/dev/null
	then
		say "$k $b: the kernel died before /init; booting once more"
		rm -rf "$dir-early-death"
		mv "$dir" "$dir-early-death"
		"$TOP/scripts/guest.sh" "$k" "$dir.cpio.gz" "$dir" "$mode" "$limit"
	fi
	# Self-test boots fail on purpose: keep their complaints in a file.
	local cmd=("$TOP/scripts/results.py" --kernel "$k" --boot "$b"
		   --dir "$dir" --tsv "${TSV:-$tsv}" ${expect:+--expect "$expect"})
	if [ -n "${TSV:-}" ]; then
		"${cmd[@]}" 2>"$dir/expected-failures.txt"
	else
		"${cmd[@]}"
	fi
	say "$k $b: $(cat "$dir/seconds")s in the guest"
}

"$TOP/scripts/deps.sh" || die "cannot install the build dependencies"
step user-programs "$TOP/scripts/user.sh"

# kunit_parse KERNEL: the kernel's own KTAP parser (kunit.py parse, from a
# kernel source tree in the cache) reads KERNEL's check boot's results
# channel, and counts the passes and failures results.tsv has for it.
kunit_parse() {
	local py
	py=$(ls "$CACHE"/kernels/*/src/tools/testing/kunit/kunit.py 2>/dev/null |
		head -1)
	[ -n "$py" ] || { echo "no kernel tree with kunit.py in $CACHE"; return 1; }
	"$TOP/scripts/kunit-parse-check.py" "$py" "$out/$1-check/results.log" \
		"$tsv" "$1"
}

kernel_check() {
	say "=== $1: build and test ==="
	step "$1:build" "$TOP/scripts/build.sh" "$1" || return
	step "$1:drivers" "$TOP/scripts/drivers.sh" "$1" || return
	boot "$1" check check 1500
	step "$1:kunit.py-parse" kunit_parse "$1"
}

# The self-tests and the panic test use modules built against debug-6.12.
selftest() {
	local k=debug-6.12 dir=$BUILD/debug-6.12/selftest src
	eval "$("$TOP/scripts/kernel.sh" $k)" || return 1
	src=$dir/tests/selftest
	mkdir -p "$src" "$dir/extra/selftest"
	link_tree "$src" "$TOP"/tests/selftest/* &&
	link_tree "$dir/include" "$TOP"/include/* &&
	make -C "$KDIR" M="$src" W=1 KCFLAGS=-Werror \
		KBUILD_EXTRA_SYMBOLS="$BUILD/$k/src/Module.symvers" modules &&
	cp "$src"/*.ko "$dir/extra/selftest/"
}
selftests() {
	say "=== harness self-tests ==="
	if step selftest:build selftest; then
		extra=$BUILD/debug-6.12/selftest/extra
		st=$out/selftest.tsv
		: >"$st"
		TSV=$st boot debug-6.12 selftest selftest 600 "$extra"
		TSV=$st boot debug-6.12 hang hang 25 "$extra"
		expect_row() {	# expect_row TEST STATUS NAME [DETAIL-REGEX]
			if awk -F'\t' -v s="$2" -v n="$3" -v d="${4:-}" \
			    '$1 == s && $2 == n && $3 ~ d { f = 1 } END { exit !f }' "$st"
			then row pass "$1"
			else row fail "$1" "harness missed: $2 $3 /${4:-}/"
			fi
		}
		expect_row harness:sees-passing-kunit-case pass \
			debug-6.12:kunit:ddi_compat_selftest:selftest_passes
		expect_row harness:sees-failing-kunit-case fail \
			debug-6.12:kunit:ddi_compat_selftest:selftest_fails
		expect_row harness:sees-failing-guest-test fail \
			debug-6.12:selftest:guest-failure
		expect_row harness:sees-WARN_ON-splat fail \
			debug-6.12:boot:selftest 'kernel splat: .*(cut here|WARNING: CPU)'
		expect_row harness:sees-kmemleak-report fail \
			debug-6.12:boot:selftest 'kmemleak: unreferenced object'
		expect_row harness:sees-hung-guest fail \
			debug-6.12:boot:hang 'timed out'
		boot debug-6.12 ce-panic panic 300 "$extra" \
			'Kernel panic - not syncing: ddi_selftest: deliberate CE_PANIC 42'
	fi
}

# The porter's workflow as a porter runs it: make guest on a sample driver
# directory with its own test script.
port_workflow() {
	step port-workflow:ringbuf env DDI_LIVE= make -C "$TOP" guest \
		M=drivers/ringbuf TEST=port-test.sh KERNEL=debug-6.12
}

# The names lint must fail on a non-Solaris name under a Solaris prefix:
# plant one in a copy of the tree and expect it named with file:line.
names_planted() {
	local tmp rc
	tmp=$(mktemp -d) || return 1
	cp -r "$TOP/ddi_compat" "$TOP/include" "$tmp/" &&
	echo 'int ddi_planted_helper(void);' >>"$tmp/include/sys/sunddi.h" &&
	"$TOP/scripts/lint.sh" names "$tmp"
	rc=$?
	rm -rf "$tmp"
	[ $rc = 1 ] && grep -q '^include/sys/sunddi.h:[0-9]*: ddi_planted_helper:' \
		"$out/lint:names-sees-planted-violation.log"
}

lint() {
	step checkpatch "$TOP/scripts/lint.sh" checkpatch
	step sparse "$TOP/scripts/lint.sh" sparse
	step lint:names "$TOP/scripts/lint.sh" names
	step lint:names-sees-planted-violation names_planted
}

# The 9F coverage table is current, and the porter's preflight lists
# exactly the missing names of its fixture driver (no kernel needed).
step coverage "$TOP/scripts/coverage.py" --check
step preflight "$TOP/tests/preflight/run.sh"

# The kernels are independent: run two pipelines at a time (a TCG guest
# leaves a core idle much of the time).  The self-tests need debug-6.12's
# ddi_compat build, so they follow it in the same pipeline.
jobs_max=${CHECK_JOBS:-2}
run_job() {
	while [ "$(jobs -rp | wc -l)" -ge "$jobs_max" ]; do wait -n; done
	"$@" &
}
for k in $kernels; do
	case $k in
	debug-6.12) run_job eval 'kernel_check debug-6.12; selftests; port_workflow; lint' ;;
	*) run_job kernel_check "$k" ;;
	esac
done
wait

pass=$(grep -c '^pass' "$tsv")
fail=$(grep -c '^fail' "$tsv")
echo
grep '^fail' "$tsv" | cut -f2,3 | sed 's/^/FAILED: /'
say "results in $tsv; $(($(date +%s) - t0)) s in all"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
