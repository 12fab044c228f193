#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# check.sh: everything make check runs.  Each kernel: build the modules
# (W=1, -Werror) and the sample drivers; on the debug kernels run every
# KUnit suite; on all four run the guest tests.  Then the harness
# self-tests, the cmn_err(CE_PANIC) boot, checkpatch and sparse.  Ends
# with "N passed, N failed" and exits non-zero on any failure.
#
# CHECK_KERNELS="debug-6.12 stock-6.1" narrows the kernels (for
# development; make check runs all four); CHECK_KERNELS=none runs only the
# installation rows; CHECK_INSTALL=0 skips them.
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

# compile STEP-ARGS...: step, at the lowest CPU priority (nice 19), for
# the steps that only compile (the kernels, the modules, the drivers,
# the lints).  A TCG guest of the other pipeline beside a -j3 compile at
# the same priority ran 2.4 to 5 times slower (blk_fio 21 s alone, 111 s
# beside a kernel build; a test pair 187 s alone, 443 s beside three
# CPU hogs, 186 s beside the same hogs at nice 19): its vCPU threads are
# preempted holding the guest's locks.
compile() {
	local name=$1; shift
	step "$name" lowprio "$@"
}
lowprio() (
	renice -n 19 -p "$BASHPID" >/dev/null
	"$@"
)

# boot KERNEL BOOT MODE TIMEOUT [EXTRA_DIR [EXPECT]]: one guest boot,
# its results appended to TSV (default: the main one).
boot() {
	local k=$1 b=$2 mode=$3 limit=$4 extra=${5:-} expect=${6:-}
	local dir=$out/$k-$b
	"$TOP/scripts/initramfs.sh" "$k" "$mode" "$dir.cpio.gz" "$extra" ||
		{ row fail "$k:boot:$b" "initramfs failed"; return 1; }
	"$TOP/scripts/guest.sh" "$k" "$dir.cpio.gz" "$dir" "$mode" "$limit"
	# A kernel that dies or stalls (guest.sh stops it) before it runs
	# /init has not run any of the project's code (TCG has been seen to
	# do both, rarely): boot once more, keeping the first logs.
	if ! grep -q 'Run /init as init process' "$dir/console.log" 2>/dev/null
	then
		say "$k $b: the kernel died or stalled before /init; booting once more"
		rm -rf "$dir-early-death"
		mv "$dir" "$dir-early-death"
		"$TOP/scripts/guest.sh" "$k" "$dir.cpio.gz" "$dir" "$mode" "$limit"
	fi
	# Self-test boots fail on purpose: keep their complaints in a file.
	# ROW_KERNEL: the rows' first part, if not KERNEL (a second boot of
	# a kernel running tests of the same names); OOM_EXPECTED=1: the
	# boot starves itself of memory on purpose.
	local cmd=("$TOP/scripts/results.py" --kernel "${ROW_KERNEL:-$k}"
		   --boot "$b" --dir "$dir" --tsv "${TSV:-$tsv}"
		   ${expect:+--expect "$expect"}
		   ${OOM_EXPECTED:+--oom-expected})
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

# ivshmem_host_check KERNEL: the host's file behind QEMU's ivshmem device
# (drivers/ivshmem/qemu.args) holds the tag tests/guest/ivshmem.sh wrote
# at offset 8192 through the driver's mapping; only if that test ran.
ivshmem_host_check() {
	grep -q 'ok [0-9]* ivshmem:host-tag' "$out/$1-check/results.log" \
		2>/dev/null || return 0
	local f=$BUILD/$1/hostfiles/ivshmem.shm

	if dd if="$f" bs=4096 skip=2 count=1 2>/dev/null |
		tr -d '\0' | grep -qx ddic-ivshmem-host-check; then
		row pass "$1:ivshmem:host-file"
	else
		row fail "$1:ivshmem:host-file" \
			"the guest's tag is not at offset 8192 of $f"
	fi
}

# pcidev_host_check KERNEL: the host file behind QEMU's pci-serial chardev
# (tests/drivers/pcidev/qemu.args) holds the line tests/guest/pcidev.sh
# wrote through the driver; only if that test ran.
pcidev_host_check() {
	grep -q 'ok [0-9]* pcidev:serial-write' "$out/$1-check/results.log" \
		2>/dev/null || return 0
	local f=$BUILD/$1/hostfiles/pciserial.out

	if grep -qx ddic-pciserial-host-check "$f" 2>/dev/null &&
	    grep -qx ddic-pciserial-host-check-32 "$f"; then
		row pass "$1:pcidev:host-file"
	else
		row fail "$1:pcidev:host-file" \
			"the guest's lines are not in $f"
	fi
}

# drivers_once KERNEL: drivers.sh KERNEL once in this run, its output
# shown again to a second caller (the background job below builds the
# later pipelines' drivers ahead of them; drivers.sh starts from an
# empty directory every time).
drivers_once() {
	with_lock "$out/drivers-$1.lock" drivers_once_locked "$1"
}
drivers_once_locked() {
	local log=$out/drivers-$1.out

	if [ ! -e "$log.done" ]; then
		"$TOP/scripts/drivers.sh" "$1" >"$log" 2>&1 ||
			{ cat "$log"; return 1; }
		touch "$log.done"
	fi
	cat "$log"
}

kernel_check() {
	say "=== $1: build and test ==="
	local built=0
	compile "$1:build" "$TOP/scripts/build.sh" "$1" &&
		compile "$1:drivers" drivers_once "$1" && built=1
	# For the background job, which builds nothing before the first
	# pipelines' builds are over (built or failed).
	touch "$out/built-$1"
	[ $built = 1 ] || return
	# Host files of its devices apart from the other kernels' guests,
	# which run at the same time; ivshmem's starts empty.
	local hostfiles=$BUILD/$1/hostfiles

	rm -rf "$hostfiles"
	mkdir -p "$hostfiles"
	# What QEMU feeds pci-serial (tests/guest/pcidev.sh reads it back).
	printf '0123456789\nddic-pciserial-input' >"$hostfiles/pciserial.in"
	: >"$hostfiles/pciserial.out"
	# The sample drivers' devices (drivers/*/qemu.args: -device edu...).
	# DDI_CHECK_LIMIT: the whole boot's time limit (s), scaled by the
	# host's speed.  Only a backstop: each guest test and KUnit case
	# has a limit of its own.  It must hold the debug-6.1 guest beside
	# the other pipeline's guest: 1740 s alone, killed at 2080 s in CI,
	# and about twice as slow beside debug-6.12's guest as alone.
	DDI_QEMU_ARGS=$(DDI_HOSTFILES=$hostfiles \
		qemu_args "$TOP"/drivers/*/ "$TOP"/tests/drivers/*/) \
		boot "$1" check check "${DDI_CHECK_LIMIT:-4000}"
	step "$1:kunit.py-parse" kunit_parse "$1"
	# A host-side row: after the parse check, which counts guest rows.
	ivshmem_host_check "$1"
	pcidev_host_check "$1"
}

# The self-tests and the panic test use modules built against debug-6.12
# (selftest [KERNEL]: against KERNEL, into $BUILD/KERNEL/selftest; one
# build at a time, as the background job may be making kcsan-6.12's).
selftest() {
	with_lock "$BUILD/${1:-debug-6.12}/selftest.lock" selftest_locked "$@"
}
selftest_locked() {
	local k=${1:-debug-6.12} dir src
	dir=$BUILD/$k/selftest
	eval "$("$TOP/scripts/kernel.sh" $k)" || return 1
	src=$dir/tests/selftest
	mkdir -p "$src" "$dir/extra/selftest"
	link_tree "$src" "$TOP"/tests/selftest/* &&
	link_tree "$dir/include" "$TOP"/include/* &&
	make -C "$KDIR" M="$src" W=1 KCFLAGS=-Werror \
		KBUILD_EXTRA_SYMBOLS="$BUILD/$k/src/Module.symvers" modules &&
	cp "$src"/*.ko "$dir/extra/selftest/" &&
	rm -rf "$dir/extra/selftest/guest" &&
	cp -r "$TOP/tests/selftest/guest" "$dir/extra/selftest/"
}
# expect_row TEST STATUS NAME [DETAIL-REGEX]: row TEST passes if $st (a
# self-test boot's TSV) has a row NAME with STATUS and a detail matching.
expect_row() {
	if awk -F'\t' -v s="$2" -v n="$3" -v d="${4:-}" \
	    '$1 == s && $2 == n && $3 ~ d { f = 1 } END { exit !f }' "$st"
	then row pass "$1"
	else row fail "$1" "harness missed: $2 $3 /${4:-}/"
	fi
}
selftests() {
	say "=== harness self-tests ==="
	if compile selftest:build selftest; then
		extra=$BUILD/debug-6.12/selftest/extra
		st=$out/selftest.tsv
		: >"$st"
		TSV=$st boot debug-6.12 selftest selftest 600 "$extra"
		TSV=$st boot debug-6.12 hang hang 25 "$extra"
		expect_row harness:sees-passing-kunit-case pass \
			debug-6.12:kunit:ddi_compat_selftest:selftest_passes
		# ... naming the check that failed and its values.
		expect_row harness:sees-failing-kunit-case fail \
			debug-6.12:kunit:ddi_compat_selftest:selftest_fails \
			'EXPECTATION FAILED at selftest_kunit.c:[0-9]+: Expected 1 [+] 1 == 3, but: 1 [+] 1 == 2'
		expect_row harness:sees-failing-guest-test fail \
			debug-6.12:selftest:guest-failure
		expect_row harness:sees-WARN_ON-splat fail \
			debug-6.12:boot:selftest 'kernel splat: .*(cut here|WARNING: CPU)'
		expect_row harness:sees-kmemleak-report fail \
			debug-6.12:boot:selftest 'kmemleak: unreferenced object'
		expect_row harness:sees-hung-guest fail \
			debug-6.12:boot:hang 'timed out'
		# A guest test killed at its limit is one failure, not a
		# cascade: the test after it finds the guest as it was.
		expect_row harness:kills-test-at-its-limit fail \
			debug-6.12:guest:st1_hang 'killed at its limit'
		expect_row harness:guest-restored-after-kill pass \
			debug-6.12:guest:st2_after_hang
		one_failure() {
			local n
			n=$(awk -F'\t' '$1 == "fail" && $2 ~ /:(st1_hang|st2_after_hang)(:|$)/' \
				"$st" | wc -l)
			[ "$n" = 1 ] || { echo "$n failed rows around the killed test"; return 1; }
		}
		step harness:timeout-is-one-failure one_failure
		expect_row harness:sees-fail-nth-splat fail \
			debug-6.12:guest:st3_failnth_splat 'kernel splat while it ran'
		expect_row harness:fail-nth-sweep-itself-clean pass \
			debug-6.12:st3_failnth_splat:sweep
		boot debug-6.12 ce-panic panic 300 "$extra" \
			'Kernel panic - not syncing: ddi_selftest: deliberate CE_PANIC 42'
	fi
}

# The KCSAN kernel (kcsan-6.12: debug.config less KASAN, plus
# scripts/kconfig/kcsan.config; two CPUs like every guest): the KUnit
# suites and the guest tests where things run at once (KCSAN_TESTS; a
# data race is a splat, which fails the test it happened in), then a boot
# whose module races on purpose, which the harness must see.
# (The others run there too with KCSAN_TESTS='*', in about twice
# debug-6.12's time.)
kcsan_tests='dm_race qotd_stress qotd ramdisk ramdisk_busy edu umemshare'
kcsan_tests+=' rmapbuf kstat blk_fio blkdev ivshmem sesstab ringbuf pcidev'
KCSAN_TESTS=${KCSAN_TESTS:-$kcsan_tests}
kcsan_check() {
	local k=$1 st=$out/selftest-$1.tsv

	DDI_TESTS=${DDI_TESTS:-$KCSAN_TESTS} kernel_check "$k"
	lowmem_check "$k"
	compile "selftest:build:$k" selftest "$k" || return
	: >"$st"
	TSV=$st boot "$k" race race 300 "$BUILD/$k/selftest/extra"
	expect_row harness:sees-KCSAN-report fail "$k:boot:race" \
		'kernel splat: .*KCSAN: data-race'
}

# The low-memory boot (scripts/guest/mode-lowmem.sh): 384 MiB, a memory
# hog the OOM killer keeps killing, and the allocating tests under it;
# rows KERNEL/lowmem:*.  On stock-6.12 (Debian's own configuration) and
# kcsan-6.12 (lockdep watching the allocations that reclaim).
lowmem_check() {
	ROW_KERNEL=$1/lowmem OOM_EXPECTED=1 DDI_MEM=384M DDI_TESTS=none \
		boot "$1" lowmem lowmem 900
}

# The porter's workflow as a porter runs it: make guest on a sample driver
# directory with its own test script.
port_workflow() {
	step port-workflow:ringbuf env DDI_LIVE= make -C "$TOP" guest \
		M=drivers/ringbuf TEST=port-test.sh KERNEL=debug-6.12
	# A driver tree with Kbuilds (tests/port/tree-misc): glue for every
	# obj-m, misc modules' exports, Linux names for clashing ones, and
	# its modules loaded in dependency order.
	compile port:tree-misc:build "$TOP/tests/port/run.sh" debug-6.12
	step port-workflow:tree-misc env DDI_LIVE= make -C "$TOP" guest \
		M=tests/port/tree-misc TEST=tree-test.sh KERNEL=debug-6.12
	# A virtio-style tree (tests/port/tree-virtio): a misc module driving
	# QEMU's virtio-rng (capabilities, BAR windows, a virtqueue, MSI-X)
	# for a PCI driver bound by alias; on the stock kernel Linux's
	# virtio-pci has the function first.
	step port-workflow:tree-virtio env DDI_LIVE= make -C "$TOP" guest \
		M=tests/port/tree-virtio TEST=tree-test.sh KERNEL=debug-6.12
	step port-workflow:tree-virtio:stock env DDI_LIVE= make -C "$TOP" guest \
		M=tests/port/tree-virtio TEST=tree-test.sh KERNEL=stock-6.12
	# The NDI event service and the devctl argument (tests/port/events),
	# built with warnings fatal: Solaris's char * name functions and a
	# NULL flag to ddi_create_minor_node must compile clean.
	step port-workflow:events env DDI_LIVE= DDI_WERROR=1 make -C "$TOP" \
		guest M=tests/port/events TEST=test.sh KERNEL=debug-6.12
	# A PC speaker driver as illumos's pit_beep is written (inb/outb on
	# the 8254's counter 2 and port 0x61, QEMU's pcspk), warnings fatal:
	# "#pragma ident", timeout_id_t from <sys/mutex.h>, "(dev_t)arg";
	# ioctl command 2 is Linux's FIGETBSZ (tests/port/pcspk).
	step port-workflow:pcspk env DDI_LIVE= DDI_WERROR=1 make -C "$TOP" \
		guest M=tests/port/pcspk TEST=test.sh KERNEL=debug-6.12
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

# Installation (issue 16): plain make's message without headers, make
# against each kernel's tree with KDIR, make port KDIR=, the Debian
# packages and lintian, dkms build from the package against the stock
# headers, the porter's commands under lockdown in a stock-6.12 guest.
install_rows() {
	say "=== installation ==="
	local k kdir inst=$out/install
	mkdir -p "$inst"
	nohdr() {	# the one-line message, naming the package and KERNEL=/KDIR=
		local args=() msg
		[ -e "/lib/modules/$(uname -r)/build" ] &&
			args=(KDIR="$inst/no-such-tree")
		if msg=$(make -s -C "$TOP" KERNEL= "${args[@]}" 2>&1); then
			echo "make succeeded without headers"; return 1
		fi
		echo "$msg"
		[ "$(echo "$msg" | wc -l)" = 1 ] &&
			echo "$msg" | grep -q "linux-headers-$(uname -r)" &&
			echo "$msg" | grep -q 'KDIR=' && echo "$msg" | grep -q 'KERNEL='
	}
	step make:no-headers nohdr
	getopt_test() {	# Solaris getopt(3C) long names for user programs
		gcc -Wall -Wextra -Werror -include "$TOP/libc/ddic_libc.h" \
			-o "$inst/getopt_test" "$TOP/libc/getopt_test.c" \
			"$TOP/libc/ddic_getopt.c" && "$inst/getopt_test"
	}
	step libc:getopt getopt_test
	types_test() {	# Solaris's <sys/types.h> names for user programs
		gcc -Wall -Wextra -Werror -include "$TOP/libc/ddic_libc.h" \
			-I"$TOP/libc/include" -o "$inst/types_test" \
			"$TOP/libc/types_test.c" && "$inst/types_test"
	}
	step libc:sys-types types_test
	kdir_make() {	# kdir_make KERNEL: plain make with KDIR, in a copy
		local w=$inst/kdir-$1
		eval "$("$TOP/scripts/kernel.sh" "$1")" || return 1
		rm -rf "$w" && mkdir -p "$w" &&
		rsync -a "$TOP/Makefile" "$TOP/Kbuild" "$TOP/VERSION" \
			"$TOP/ddi_compat" "$TOP/include" "$w/" &&
		make -C "$w" KERNEL= KDIR="$KDIR" &&
		[ "$(modinfo -F version "$w/ddi_compat/ddi_compat.ko")" = "$(cat "$TOP/VERSION")" ] &&
		! ls "$w"/kunit/*.ko "$w"/bench/*.ko 2>/dev/null
	}
	for k in ${kernels:-debug-6.12}; do
		case $k in kcsan-*) continue ;; esac	# debug-6.12's tree, again
		step "make:KDIR:$k" kdir_make "$k"
	done
	port_kdir() {
		eval "$("$TOP/scripts/kernel.sh" debug-6.12)" || return 1
		make -C "$TOP" port M=drivers/qotd KDIR="$KDIR" O="$inst/port-kdir" &&
			modinfo -F depends "$inst/port-kdir/qotd.ko" | grep -qw ddi_compat
	}
	step make-port:KDIR:qotd port_kdir
	# dkms_guest: the DKMS-built ddi_compat.ko replaces the harness's in a
	# stock-6.12 guest, and qotd passes its smoke test on it.  A copy of
	# drivers/qotd carries the module and the test into the guest's /port.
	dkms_guest() {
		local d=$inst/dkms-qotd ko
		ko=$(find "$BUILD/dkms/stock-6.12/tree" -name ddi_compat.ko | head -1)
		[ -f "$ko" ] || { echo "no DKMS-built ddi_compat.ko"; return 1; }
		rm -rf "$d" && cp -r "$TOP/drivers/qotd" "$d" &&
		cp "$ko" "$d/ddi_compat-dkms.ko" || return 1
		cat >"$d/dkms-test.sh" <<'TEST'
# The DKMS-built ddi_compat.ko under qotd (check.sh dkms_guest).
set -e
rem_drv qotd
rmmod ddi_compat
insmod ./ddi_compat-dkms.ko
ddi_modinfo | grep "^ddi_compat version $(cat /sys/module/ddi_compat/version)"
add_drv /ddi/port/modules/qotd.ko
qotdctl -g
grep -q . /devices/pseudo/qotd@0:qotd
echo "qotd on the DKMS-built ddi_compat: ok"
TEST
		env DDI_LIVE= make -C "$TOP" guest M="$d" TEST=dkms-test.sh \
			KERNEL=stock-6.12
	}
	if step deb:build "$TOP/scripts/ddic-deb.sh"; then
		step deb:lintian lintian --fail-on error \
			"$BUILD"/deb/ddi-compat_*.changes
		for k in stock-6.1 stock-6.12; do
			step "dkms:build:$k" "$TOP/scripts/ddic-dkms-build.sh" \
				"$k" "$BUILD/deb"
		done
		step dkms:guest:stock-6.12:qotd dkms_guest
	fi
	step lockdown:stock-6.12:commands env DDI_LIVE= make -C "$TOP" guest \
		M=drivers/qotd TEST=lockdown-test.sh KERNEL=stock-6.12
}

lint() {
	compile checkpatch "$TOP/scripts/lint.sh" checkpatch
	compile sparse "$TOP/scripts/lint.sh" sparse
	step lint:names "$TOP/scripts/lint.sh" names
	step lint:names-sees-planted-violation names_planted
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

# The 9F coverage table is current, and the porter's preflight lists
# exactly the missing names of its fixture driver (no kernel needed).
step coverage "$TOP/scripts/coverage.py" --check
step preflight "$TOP/tests/preflight/run.sh"
# A header of a driver tree's own, found through its Kbuild's -I (vrng's
# vfw.h), is not missing.
step preflight:tree-headers "$TOP/scripts/preflight.py" -q "$TOP/tests/port/tree-virtio"
# KCSAN reports: one inside the kernel's own code only is excused, one
# with a module's frame fails the boot (scripts/results.py).
# The OOM killer's reports: excused in the low-memory boot, a splat in
# any other.
excuse=$TOP/tests/harness/excuse.sh
step harness:kcsan-kernel-race-excused "$excuse" kcsan-kernel
step harness:kcsan-module-race-fails "$excuse" kcsan-module
step harness:oom-report-excused-in-lowmem "$excuse" oom-expected
step harness:oom-report-fails-elsewhere "$excuse" oom-elsewhere

# The kernels are independent: run two pipelines at a time (a TCG guest
# leaves a core idle much of the time).  The self-tests need debug-6.12's
# ddi_compat build, so they follow it in the same pipeline.
jobs_max=${CHECK_JOBS:-2}
# CHECK_KERNELS=none: no kernel pipelines (the installation rows only).
[ "$kernels" = none ] && kernels=
# (The background job below is a job too, but not one of the slots.)
prefetch_pid=none
run_job() {
	while [ "$(jobs -rp | grep -cvx "$prefetch_pid")" -ge "$jobs_max" ]
	do
		wait -n
	done
	"$@" &
}
# The pipelines in the order that ends soonest on two slots: the two debug
# kernels (their guests are the longest), then kcsan-6.12 (three boots),
# then the stock kernels; the installation rows last, beside the final
# pipeline rather than after it.
ordered=
for k in debug-6.12 debug-6.1 kcsan-6.12 stock-6.1 stock-6.12 $kernels; do
	case " $kernels " in *" $k "*) ;; *) continue ;; esac
	case " $ordered " in *" $k "*) ;; *) ordered="$ordered $k" ;; esac
done
# The background job, at nice 19 while the first two pipelines' guests
# run (they leave the host idle for minutes: edu's DMA waits on QEMU's
# timer, KUnit's timed waits), so that none of this is on the critical
# path.  First the kernels of the later pipelines, built (or unpacked),
# so that a cold cache does not put the kcsan kernel's build there; it
# waits on the locks of the kernels the first two pipelines build, so
# that it does not slow their builds down, and a pipeline that reaches
# its kernel while this builds it waits on the same lock
# (scripts/kernel.sh).  Then those pipelines' modules, sample drivers and
# (kcsan-6.12) self-test modules, which their first steps find built
# (the same locks; a failure here is left for the pipeline to report
# when it builds again).  Last the lint rows, which nothing waits for.
# In the warm run of fd12168 the builds and the lint rows on the
# pipelines took 17 min of their 74.
prefetch() {
	local k n=0 t
	for k in $ordered; do
		"$TOP/scripts/kernel.sh" "$k" >/dev/null || return 1
	done
	# Not beside the first pipelines' builds, at the same priority:
	# wait (30 min at most) until they are over.
	for k in $ordered; do
		n=$((n + 1))
		[ "$n" -le "$jobs_max" ] || break
		t=0
		while [ ! -e "$out/built-$k" ] && [ $t -lt 360 ]; do
			sleep 5
			t=$((t + 1))
		done
	done
	n=0
	for k in $ordered; do
		n=$((n + 1))
		[ "$n" -gt "$jobs_max" ] || continue
		"$TOP/scripts/build.sh" "$k" >/dev/null &&
			drivers_once "$k" >/dev/null || continue
		case $k in
		kcsan-*) selftest "$k" >/dev/null 2>&1 ;;
		esac
	done
	return 0
}
background() {
	compile kernels:prefetch prefetch
	case " $ordered " in *" debug-6.12 "*) lint ;; esac
}
if [ -n "$ordered" ]; then
	background &
	prefetch_pid=$!
fi
for k in $ordered; do
	case $k in
	debug-6.12) run_job eval 'kernel_check debug-6.12; selftests; port_workflow' ;;
	kcsan-*) run_job kcsan_check "$k" ;;
	stock-6.12) run_job eval 'kernel_check stock-6.12; lowmem_check stock-6.12' ;;
	*) run_job kernel_check "$k" ;;
	esac
done
[ "${CHECK_INSTALL:-1}" = 1 ] && run_job install_rows
wait

pass=$(grep -c '^pass' "$tsv")
fail=$(grep -c '^fail' "$tsv")
echo
grep '^fail' "$tsv" | cut -f2,3 | sed 's/^/FAILED: /'
say "results in $tsv; $(($(date +%s) - t0)) s in all"
echo "$pass passed, $fail failed"
[ "$fail" = 0 ]
