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

kernel_check() {
	say "=== $1: build and test ==="
	step "$1:build" "$TOP/scripts/build.sh" "$1" || return
	step "$1:drivers" "$TOP/scripts/drivers.sh" "$1" || return
	boot "$1" check check 1500
}

# The self-tests and the panic test use modules built against debug-6.12.
selftest() {
	local k=debug-6.12 dir=$BUILD/debug-6.12/selftest src
	eval "$("$TOP/scripts/kernel.sh" $k)" || return 1
	src=$dir/tests/selftest
	mkdir -p "$src" "$dir/extra/selftest"
	rsync -a "$TOP/tests/selftest/" "$src/" &&
	rsync -a "$TOP/include" "$dir/" &&
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
			debug-6.12:kunit:ddi_selftest.selftest_passes
		expect_row harness:sees-failing-kunit-case fail \
			debug-6.12:kunit:ddi_selftest.selftest_fails
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

lint() {
	step checkpatch "$TOP/scripts/lint.sh" checkpatch
	step sparse "$TOP/scripts/lint.sh" sparse
	step callgraph "$TOP/scripts/callgraph.py" \
		"$BUILD/debug-6.12/src/ddi_compat/ddi_compat.mod"
	step callgraph:sees-planted-cycle callgraph_selftest
}

# The cycle check must fail on a cycle: two objects that call each other
# (and a third that only calls one of them), named in its complaint.
callgraph_selftest() {
	local d=$out/callgraph-selftest
	mkdir -p "$d"
	printf 'void pong(void);\nvoid ping(void) { pong(); }\n' >"$d/ping.c"
	printf 'void ping(void);\nvoid pong(void) { ping(); }\n' >"$d/pong.c"
	printf 'void ping(void);\nvoid leaf(void) { ping(); }\n' >"$d/leaf.c"
	for f in ping pong leaf; do
		gcc -c -o "$d/$f.o" "$d/$f.c" || return 1
	done
	if "$TOP/scripts/callgraph.py" "$d"/*.o >"$d/out.txt" 2>&1; then
		echo "callgraph.py passed a planted cycle"; cat "$d/out.txt"
		return 1
	fi
	cat "$d/out.txt"
	grep -q '^cycle: .*ping.c -> pong.c' "$d/out.txt"
}

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
