#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# guest-port.sh DIR TEST [KERNEL]: what `make guest M=DIR TEST=TEST
# [KERNEL=...]` runs.  Builds ddi_compat and the drivers in DIR (port.sh)
# for KERNEL (default debug-6.12), boots it with ddi_compat and those
# modules loaded (their instances attach as their .conf files say), copies
# DIR into the guest at /port with file modes kept, runs TEST (a path
# relative to DIR) there with busybox sh, and exits with TEST's status.
# C programs in DIR/user/ are built as static 64-bit NAME and 32-bit
# NAME32 and put on the guest's PATH.  The guest's logs are kept in
# build/KERNEL/guest-port/; a kernel splat or leak fails the run as in
# make check.
. "$(dirname "$0")/lib.sh"

dir=${1:?usage: guest-port.sh DIR TEST [KERNEL]}
test=${2:?usage: guest-port.sh DIR TEST [KERNEL]}
name=${3:-debug-6.12}
[ -d "$dir" ] || die "guest-port.sh: $dir is not a directory"
dir=$(cd "$dir" && pwd)
[ -f "$dir/$test" ] || die "guest-port.sh: no $test in $dir"

out=$BUILD/$name/guest-port
extra=$out/extra
rm -rf "$out"
mkdir -p "$extra/port/modules" "$extra/bin" "$out/log"
"$TOP/scripts/build.sh" "$name" >/dev/null || exit 1
"$TOP/scripts/user.sh" || exit 1
"$TOP/scripts/port.sh" "$dir" "$name" "$extra/port/modules" || exit 1
# The load order: each module after those it depends on (a misc module
# that exports functions, or that a _depends_on names, before its users).
"$TOP/scripts/ddi-port" --order "$extra"/port/modules/*.ko |
	sed 's|.*/||' >"$extra/port/order" || exit 1
for src in "$dir"/user/*.c; do
	[ -f "$src" ] || continue
	# -Wno-unknown-pragmas: Solaris's "#pragma ident" (scripts/ddi-port)
	static_prog "$src" "$extra/bin" -I"$dir/user" -I"$dir" \
		-Wno-unknown-pragmas \
		-I"$TOP/tests/prog" -I"$TOP/include/uapi" "${SOLARIS_LIBC[@]}"
done
cp -a "$dir" "$extra/port/src"
printf '%s\n' "$test" >"$extra/port/test"
cat >"$extra/mode-port.sh" <<'GUEST'
# Guest side of guest-port.sh (mode "port").
. /ddi/lib.sh
ddi_setup || { result port:load-ddi_compat fail; exit 1; }
loaded=
for ko in $(sed 's|^|/ddi/port/modules/|' /ddi/port/order); do
	m=$(basename "$ko" .ko)
	if insmod "$ko"; then
		loaded="$m $loaded"
		result "port:load-$m" pass
	else
		result "port:load-$m" fail
		exit 1
	fi
done
cp -a /ddi/port/src /port
test=$(cat /ddi/port/test)
# add_drv DRIVER finds the porter's modules, then the guest's own.
export DDI_MODULE_DIR=/ddi/port/modules:/ddi/modules
cd /port
ktap_test "port:$test" sh "./$test"
status=$?
cd /
for m in $loaded; do
	grep -q "^$m " /proc/modules || continue
	rmmod "$m" || result "port:unload-$m" fail "still in use after the test"
done
rmmod ddi_compat || result port:unload-ddi_compat fail
kmemleak_check
exit $status
GUEST
"$TOP/scripts/initramfs.sh" "$name" port "$out/initrd.cpio.gz" "$extra" ||
	exit 1
# Devices: DIR/qemu.args, then make guest's QEMU_ARGS.
DDI_QEMU_ARGS="$(qemu_args "$dir") ${QEMU_ARGS:-}"
export DDI_QEMU_ARGS
[ -n "${DDI_QEMU_ARGS// /}" ] && say "QEMU devices: $DDI_QEMU_ARGS"
say "booting $name: $test in $dir"
DDI_LIVE=${DDI_LIVE-1} "$TOP/scripts/guest.sh" "$name" "$out/initrd.cpio.gz" \
	"$out/log" port "${DDI_TIMEOUT:-1200}" || exit 1
rm -f "$out/results.tsv"
python3 "$TOP/scripts/results.py" --kernel "$name" --boot port \
	--dir "$out/log" --tsv "$out/results.tsv"
status=$(tr -d '\r' <"$out/log/results.log" |
	sed -n 's/^# guest exit status: //p' | tail -1)
say "logs: $out/log (console.log, results.log)"
# A module under a licence Linux does not count as GPL-compatible (CDDL)
# turned lockdep off for the rest of the boot (README, "Driver trees").
if grep -q 'Disabling lock debugging' "$out/log/console.log"; then
	say "warning: lock debugging was turned off in the guest: $(grep -ho \
		"[^ ]*: module license '[^']*' taints kernel" "$out/log/console.log" |
		head -1) (DDI_LICENSE=GPL to test with it)"
fi
if grep -q "^fail	$name:boot:port" "$out/results.tsv"; then
	# The test's own failure is its status; a splat, hang or leak is 1.
	[ -n "$status" ] && [ "$status" != 0 ] && exit "$status"
	exit 1
fi
exit "${status:-1}"
