# SPDX-License-Identifier: GPL-2.0
# Helpers for guest scripts (busybox sh).  Sourced.

DDI=/ddi

# --- The results channel ---
# The guest's ttyS1 carries one KTAP document per boot
# (Documentation/dev-tools/ktap.rst), which scripts/results.py turns into
# rows and the kernel's own tools/testing/kunit/kunit.py parse accepts.
# init prints its version line; each top-level test is a step of the boot
# (loading ddi_compat, ...), a KUnit suite with its cases as subtests, or
# a guest test script with its t/result rows as subtests and then
# guest:<script> for its exit status; anything else is a "# " diagnostic
# line.  Whether a splat happened is judged on the host, from the console
# (scripts/results.py): a test only marks where it begins and ends.

_ktap_n=0	# tests printed so far at this level

# result NAME pass|fail [WHY]: one KTAP result line.  In a guest test
# script it is a subtest of the script (ktap_test numbers and indents it).
result() {
	_ktap_n=$((_ktap_n + 1))
	if [ "$2" = pass ]; then
		echo "ok $_ktap_n $1${3:+ # $3}"
	else
		echo "not ok $_ktap_n $1${3:+ # $3}"
	fi
}

# diag [TEXT]: TEXT, or stdin, as KTAP diagnostic lines.
diag() {
	if [ $# -gt 0 ]; then
		echo "# $*"
	else
		sed 's/^/# /'
	fi
}

# t NAME CMD...: run CMD as the sub-test <test>:NAME (<test> is the
# script's name, or T_PREFIX if the script sets it before sourcing
# this file), one result row; a failure sets fail=1 for the script.
T_PREFIX=${T_PREFIX:-${0##*/}}
T_PREFIX=${T_PREFIX%.sh}
t() {
	_t=$1
	shift
	if "$@"; then
		result "$T_PREFIX:$_t" pass
	else
		result "$T_PREFIX:$_t" fail "exit $?"
		fail=1
	fi
}

# loaded MODULE: MODULE is in /proc/modules, under its own name or the
# sol_ name a ported module gets where the kernel has a module of that
# name (dummy on the stock kernels: README "Driver trees").
loaded() {
	grep -Eq "^(sol_)?$1 " /proc/modules
}

# The awk program of ktap_test: the command's output, with its result
# lines numbered as subtests (under a "# Subtest:" header printed at the
# first) and every other line a diagnostic; then guest:<script> for the
# exit status and the parent's own result line.
_ktap_nest='
function head() {
	if (!hdr) {
		print "    KTAP version 1"
		print "    # Subtest: " parent
		hdr = 1
	}
}
$0 ~ "^" sentinel " " {
	rc = $2
	note = $0
	sub("^" sentinel " [^ ]* ?", "", note)
	done = 1
	exit
}
/^(not ok|ok) [0-9]+ / {
	head()
	ok = ($1 == "ok")
	if (!ok)
		bad = 1
	sub(/^(not ok|ok) [0-9]+/, "")
	n++
	print "    " (ok ? "ok" : "not ok") " " n $0
	fflush()
	next
}
{
	print ($0 == "" ? "    #" : "    # " $0)
	fflush()
}
END {
	if (!done)
		rc = "unknown"
	st = (rc == "0") ? "ok " : "not ok "
	why = (rc == "0") ? "" : " # exit " rc (note == "" ? "" : " " note)
	if (rc != "0")
		bad = 1
	if (hdr) {
		n++
		print "    " st n " " name why
		print (bad ? "not ok " : "ok ") num " " parent
	} else {
		print st num " " name why
	}
	exit (rc ~ /^[0-9]+$/ && rc != "0") ? rc + 0 : bad
}'

# ktap_test NAME CMD...: run CMD (a test script) as one top-level test
# whose own row is NAME (e.g. guest:qotd).  Its output goes through
# _ktap_nest; the kernel log marks where it begins and ends, so the host
# can name the test a splat happened in.  Returns CMD's status, or 1 if
# CMD succeeded but one of its subtests failed.
ktap_test() {
	_kt_name=$1
	shift
	_ktap_n=$((_ktap_n + 1))
	_kt_end=ktap-end-$$-$_ktap_n
	echo "<5>ddi_compat-test: begin $_kt_name" >/dev/kmsg
	# The command's status comes as a last line, not as end of file: a
	# process the test left behind may hold the pipe open.
	# A note after the status (run_limited's "killed at its limit")
	# joins the row's detail.
	{ "$@" </dev/null 2>&1; echo "$_kt_end $? $(cat /tmp/.ddi-note 2>/dev/null)"
	  rm -f /tmp/.ddi-note; } |
		awk -v name="$_kt_name" -v parent="${_kt_name#*:}" \
		    -v num=$_ktap_n -v sentinel="$_kt_end" "$_ktap_nest"
	_kt_rc=$?
	echo "<5>ddi_compat-test: end $_kt_name" >/dev/kmsg
	return $_kt_rc
}

# dev_sum DEV OFFSET LEN (bytes, 512-byte multiples): md5 of that piece
# of DEV, read in 64 KiB blocks (512-byte reads of a raw node cost a
# system call each, seconds per MiB on a debug kernel under TCG).
dev_sum() {
	dd if="$1" bs=65536 iflag=skip_bytes,count_bytes skip="$2" \
		count="$3" 2>/dev/null | md5sum | cut -d' ' -f1
}

# zero_sum LEN: md5 of LEN zero bytes.
zero_sum() {
	head -c "$1" /dev/zero | md5sum | cut -d' ' -f1
}

# rd_stat NAME: a counter of the RAM disk's pool (ramdiskadm -s).
rd_stat() {
	ramdiskadm -s | sed -n "s/^$1 //p"
}

# load_kmods: modules of the kernel itself the tests need (stock kernels
# build ext4 and friends as modules), in dependency order.
load_kmods() {
	[ -f $DDI/kmods/order ] || return 0
	while read -r m; do
		insmod "$DDI/kmods/$m" 2>/dev/null
	done < $DDI/kmods/order
}

ddi_setup() {
	load_kmods
	insmod $DDI/modules/ddi_compat.ko || return 1
}

# kunit_module KO: load a KUnit module, print each suite's results as a
# top-level test (a suite's debugfs file is a KTAP document of its own:
# its version and plan lines go, and its last line, the suite's result,
# takes its number in this document), unload it.
kunit_module() {
	mod=$1
	name=$(basename "$mod" .ko)
	if ! insmod "$mod"; then
		result "kunit:$name:load" fail "insmod failed"
		return 1
	fi
	for d in /sys/kernel/debug/kunit/*/; do
		[ -f "$d/results" ] || continue
		_ktap_n=$((_ktap_n + 1))
		sed '1,2d;$d' "$d/results"
		tail -n 1 "$d/results" | sed "s/ 1 / $_ktap_n /"
	done
	rmmod "$name" || { result "kunit:$name:unload" fail; return 1; }
}

# ddi_unload: unload ddi_compat (the row guest:unload-ddi_compat), then
# report what kmemleak found; fails if the unload did.
ddi_unload() {
	_urc=0
	if rmmod ddi_compat; then
		result guest:unload-ddi_compat pass
	else
		result guest:unload-ddi_compat fail
		_urc=1
	fi
	kmemleak_check
	return $_urc
}

# kmemleak_check: what kmemleak found, as "# kmemleak: " diagnostic lines
# for the host to judge.
kmemleak_check() {
	[ -e /sys/kernel/debug/kmemleak ] || return 0
	# kmemleak ignores objects younger than 5 s, and reports an object
	# only once its checksum held still between two scans.
	sleep 6
	echo scan > /sys/kernel/debug/kmemleak
	echo scan > /sys/kernel/debug/kmemleak
	sed 's/^/# kmemleak: /' /sys/kernel/debug/kmemleak
}

# --- Block disks for the block tests and benches (tests/guest/blk_*.sh,
# tests/bench/blk_*.sh) ---

# blk_wait_link NAME [SECONDS]: wait until /dev/NAME (made by devlinkd)
# is a symlink to an existing node; fails after SECONDS (default 5).
blk_wait_link() {
	n=$((${2:-5} * 10))
	while [ $n -gt 0 ]; do
		[ -L "/dev/$1" ] && [ -b "/dev/$1" ] && return 0
		usleep 100000
		n=$((n - 1))
	done
	return 1
}

# blk_wait_gone NAME [SECONDS]: wait until /dev/NAME is gone.
blk_wait_gone() {
	n=$((${2:-5} * 10))
	while [ $n -gt 0 ]; do
		[ -e "/dev/$1" ] || [ -L "/dev/$1" ] || return 0
		usleep 100000
		n=$((n - 1))
	done
	return 1
}

# blk_have_ramdisk: the sample RAM disk driver and its command are here.
blk_have_ramdisk() {
	[ -f $DDI/modules/ramdisk.ko ] && command -v ramdiskadm >/dev/null
}

# ramdisk_new NAME MIB: a disk of the sample RAM disk driver made at run
# time by ramdiskadm(8) (the driver is added first if it is not loaded).
# Prints the disk's /dev name once devlinkd has linked it.
# DDI_BLK_BRIDGE=mq|bio, if set, picks the block bridge of the disks made
# from then on (ddi_compat's blk_mq parameter: the ramdisk's .conf does
# not say) and the new disk is checked to be on it.
ramdisk_new() {
	blk_bridge_set || return 1
	if ! grep -q '^driver ramdisk ' /sys/kernel/debug/ddi_compat/devinfo \
	    2>/dev/null; then
		add_drv ramdisk >/dev/null || return 1
	fi
	ramdiskadm -a "$1" "${2}m" >/dev/null || return 1
	blk_wait_link "ramdisk0_$1" || {
		echo "ramdisk_new: /dev/ramdisk0_$1 never appeared" >&2
		return 1
	}
	blk_bridge_check "ramdisk0_$1" || return 1
	echo "/dev/ramdisk0_$1"
}

# blk_bridge_set: DDI_BLK_BRIDGE (if set) into ddi_compat's blk_mq.
blk_bridge_set() {
	case ${DDI_BLK_BRIDGE:-} in
	'') return 0 ;;
	mq) echo Y ;;
	bio) echo N ;;
	*) echo "DDI_BLK_BRIDGE=$DDI_BLK_BRIDGE: mq or bio" >&2; return 1 ;;
	esac >/sys/module/ddi_compat/parameters/blk_mq
}

# blk_bridge_check DISK: DISK is on the bridge DDI_BLK_BRIDGE names (a
# blk-mq disk has /sys/block/DISK/mq, a bio-based one none).
blk_bridge_check() {
	case ${DDI_BLK_BRIDGE:-} in
	mq) [ -d "/sys/block/$1/mq" ] ;;
	bio) [ ! -d "/sys/block/$1/mq" ] ;;
	*) true ;;
	esac || {
		echo "$1 is not on the $DDI_BLK_BRIDGE bridge" >&2
		return 1
	}
}

# ramdisk_del NAME: destroy a disk made by ramdisk_new.
ramdisk_del() {
	ramdiskadm -d "$1"
}

# ramdisk_names [runtime]: the names of ramdisk's disks; with "runtime",
# only those made at run time (the listing marks ramdisk.conf's "conf").
ramdisk_names() {
	_skip='^$'
	[ "$1" = runtime ] && _skip=' conf'
	ramdiskadm 2>/dev/null | grep -v "$_skip" |
		sed -n 's|^/devices/pseudo/ramdisk@0:\([^ ]*\) .*|\1|p'
}

# drv_reset DRIVER: undo what using a sample driver left that keeps an
# instance attached on purpose (its detach(9E) refuses to lose it), so
# that rem_drv can follow: qotd's changed quotation, ringbuf's unread
# bytes, rmapbuf's RMBIOCHOLD (the executor takes one at random), the
# data on the RAM disks (every disk is deleted, those of
# ramdisk.conf too; the next attach makes them again, empty).
# ddic_counter FILE NAME: the value of NAME in ddi_compat's debugfs FILE
# (kmem, umem, ...: "name value" lines).
ddic_counter() { sed -n "s/^$2 //p" "/sys/kernel/debug/ddi_compat/$1"; }

drv_reset() {
	loaded "$1" || return 0
	case $1 in
	qotd)
		qotdctl -r ;;
	ringbuf)
		for _i in 0 1; do
			rbctl -d /devices/pseudo/ringbuf@$_i:ringbuf flush ||
				return 1
		done ;;
	rmapbuf)
		# ENOENT when nothing is held.
		rmbctl release 2>/dev/null
		return 0 ;;
	ramdisk)
		ddi_attach ramdisk >/dev/null 2>&1
		for _d in $(ramdisk_names); do ramdiskadm -d "$_d"; done ;;
	esac
}

# brd_load NR MIB: the kernel's own RAM disk, brd, with NR disks
# /dev/ram0.. of MIB MiB each (stock kernels build it as a module).
brd_load() {
	[ -f $DDI/kmods/brd.ko ] || { echo "brd_load: no brd.ko" >&2; return 1; }
	insmod $DDI/kmods/brd.ko rd_nr="$1" rd_size=$(($2 * 1024)) max_part=0
}

# blk_disk NAME MIB: the disk a block test runs on, in DISK: a disk of the
# sample RAM disk driver, or (to develop the tests where the driver is not
# in the guest, DDI_BLK=brd forces it) brd's /dev/ram0.  blk_disk_free
# destroys it.
blk_disk() {
	BLK_NAME=$1
	if [ "${DDI_BLK:-}" != brd ] && blk_have_ramdisk; then
		BLK_KIND=ramdisk
		DISK=$(ramdisk_new "$1" "$2") || return 1
	elif [ -f $DDI/kmods/brd.ko ]; then
		BLK_KIND=brd
		brd_load 1 "$2" || return 1
		DISK=/dev/ram0
	else
		echo "blk_disk: neither the ramdisk driver nor brd is here" >&2
		return 1
	fi
	echo "block test disk: $DISK ($BLK_KIND, $2 MiB)"
}

blk_disk_free() {
	case ${BLK_KIND:-} in
	ramdisk) ramdisk_del "$BLK_NAME" && rem_drv ramdisk ;;
	brd) rmmod brd ;;
	esac
}

# --- Running a guest test under a limit, and leaving the guest as it was
# found (issue 11 item 8: one test killed by its limit is one failure,
# not a cascade through the tests after it) ---

# ddi_debug_kernel: the guest runs a debug kernel (KASAN, lockdep, ...),
# where the heavy tests take a smaller size.
ddi_debug_kernel() {
	case $(cat $DDI/kernel 2>/dev/null) in debug-*) return 0 ;; esac
	return 1
}

# uptime_cs: time since boot, in hundredths of a second.
uptime_cs() {
	read -r _u _ </proc/uptime
	_f=${_u#*.}
	_f=${_f#0}
	echo $((${_u%.*} * 100 + _f))
}

# ddi_speed: how slow this guest is against the reference, in percent
# (100 = the reference: the 2-core development machine with nothing else
# running; never less than 100, at most DDI_SPEED_MAX).  The measure is
# the best of two runs of a fixed user-space loop: it slows down with the
# host's load and with TCG, which is what stretches the tests' times.
# DDI_SPEED_REF is the loop's time there, in hundredths of a second.
DDI_SPEED_REF=${DDI_SPEED_REF:-40}
DDI_SPEED_MAX=${DDI_SPEED_MAX:-500}
ddi_speed() {
	_best=
	for _r in 1 2; do
		_t0=$(uptime_cs)
		_i=0
		while [ $_i -lt 20000 ]; do _i=$((_i + 1)); done
		_d=$(($(uptime_cs) - _t0))
		[ -z "$_best" ] || [ $_d -lt $_best ] && _best=$_d
	done
	echo "# speed loop: best of two ${_best}0 ms, reference ${DDI_SPEED_REF}0 ms" >&2
	_p=$((_best * 100 / DDI_SPEED_REF))
	[ $_p -lt 100 ] && _p=100
	[ $_p -gt $DDI_SPEED_MAX ] && _p=$DDI_SPEED_MAX
	echo $_p
}

# test_limit FILE: FILE's time limit in seconds: its "# ddi-limit: N"
# line (seconds on the reference machine; 300 if it has none), scaled by
# DDI_SPEED (percent, from ddi_speed at boot).
test_limit() {
	_l=$(sed -n 's/^# ddi-limit: *\([0-9][0-9]*\).*/\1/p' "$1" | head -1)
	echo $((${_l:-300} * ${DDI_SPEED:-100} / 100))
}

# test_runs_here FILE: FILE has no "# ddi-kernels: PATTERN" line, or
# this guest's kernel ($DDI/kernel, e.g. debug-6.12) matches PATTERN (a
# shell case pattern).  A test that needs what only some kernels have
# (fault injection, say) says so there; elsewhere it is not run and has
# no row, so it is never counted as a pass.
test_runs_here() {
	_k=$(sed -n 's/^# ddi-kernels: *//p' "$1" | head -1)
	[ -n "$_k" ] || return 0
	eval "case \"\$(cat \$DDI/kernel 2>/dev/null)\" in $_k) return 0 ;; esac"
	return 1
}

# run_limited SECONDS CMD...: CMD in a session of its own, killed with
# everything it started once it runs past SECONDS; then whatever CMD left
# running in its session is killed too.  Returns CMD's status (137 when
# killed), and leaves a note for ktap_test's row when it killed it.
run_limited() {
	_lim=$1
	shift
	setsid "$@" &
	_pid=$!
	(
		_n=0
		while [ $_n -lt "$_lim" ]; do
			sleep 1
			kill -0 $_pid 2>/dev/null || exit 0
			_n=$((_n + 1))
		done
		echo "killed at its limit of $_lim s" >/tmp/.ddi-note
		echo "run_limited: $* still running after $_lim s: killed"
		kill -KILL -$_pid 2>/dev/null
	) &
	_wd=$!
	wait $_pid
	_rc=$?
	kill $_wd 2>/dev/null
	wait $_wd 2>/dev/null
	kill -KILL -$_pid 2>/dev/null
	return $_rc
}

# The state a test must leave behind: the modules loaded, the mounts, the
# drivers ddi_compat knows.
guest_state() {
	echo "modules: $(cut -d' ' -f1 /proc/modules | sort | tr '\n' ' ')"
	echo "mounts: $(cut -d' ' -f2 /proc/mounts | sort | tr '\n' ' ')"
	echo "drivers: $(sed -n 's/^driver \([^ ]*\) .*/\1/p' \
		/sys/kernel/debug/ddi_compat/devinfo 2>/dev/null | sort | tr '\n' ' ')"
}

# words_not_in LIST1 LIST2: the words of LIST1 that are not in LIST2.
words_not_in() {
	for _w in $1; do
		case " $2 " in *" $_w "*) ;; *) echo "$_w" ;; esac
	done
}

# guest_restore BEFORE: undo what a test left (BEFORE is guest_state's
# output from before it ran): unmount what it mounted, destroy the RAM
# disks it made, remove the drivers it added and unload the modules it
# loaded.  Prints what it did; fails if the state is still not BEFORE.
guest_restore() {
	_before=$1
	_now=$(guest_state)
	[ "$_now" = "$_before" ] && return 0
	echo "guest_restore: the test left: $_now"
	_was() { echo "$_before" | sed -n "s/^$1: //p"; }
	_is() { guest_state | sed -n "s/^$1: //p"; }
	for _m in $(words_not_in "$(_is mounts)" "$(_was mounts)" | sort -r); do
		umount "$_m" 2>/dev/null || umount -l "$_m"
	done
	_new=$(words_not_in "$(_is drivers)" "$(_was drivers)" | tr '\n' ' ')
	case " $_new " in
	*" ramdisk "*)
		for _d in $(ramdisk_names runtime); do ramdiskadm -d "$_d"; done ;;
	esac
	for _d in $_new; do
		rem_drv "$_d" || { sleep 1; rem_drv "$_d"; }
	done
	for _m in $(words_not_in "$(_is modules)" "$(_was modules)"); do
		rmmod "$_m" || { sleep 1; rmmod "$_m"; }
	done
	_now=$(guest_state)
	[ "$_now" = "$_before" ] && { echo "guest_restore: restored"; return 0; }
	echo "guest_restore: could not restore; now: $_now"
	return 1
}

# run_guest_test FILE: one guest test script under its scaled limit,
# then the guest put back as it was before the test.  A test that leaves
# something behind only when it is killed is not a failure of its own:
# its status already is.  A test that passes but cannot be undone is.
run_guest_test() {
	_before=$(guest_state)
	run_limited "$(test_limit "$1")" sh "$1"
	_trc=$?
	guest_restore "$_before" ||
		{ [ $_trc = 0 ] && _trc=1; echo "could not restore the guest"; }
	return $_trc
}

# failnth_setup: the fault injection knobs for fail-nth sweeps
# (tests/prog/failnth.c): GFP_KERNEL allocations and order-0 pages are
# candidates too, and a failure injected on purpose prints nothing (the
# default prints a stack trace, which the host would take for a splat).
failnth_setup() {
	for _a in failslab fail_page_alloc fail_usercopy; do
		[ -d /sys/kernel/debug/$_a ] &&
			echo 0 >/sys/kernel/debug/$_a/verbose
	done
	echo N >/sys/kernel/debug/failslab/ignore-gfp-wait
	echo N >/sys/kernel/debug/fail_page_alloc/ignore-gfp-wait
	echo N >/sys/kernel/debug/fail_page_alloc/ignore-gfp-highmem
	echo 0 >/sys/kernel/debug/fail_page_alloc/min-order
}
