#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# guest.sh KERNEL INITRD OUTDIR MODE TIMEOUT: boot KERNEL under QEMU (TCG)
# with INITRD.  The console goes to OUTDIR/console.log, the guest's
# results channel (ttyS1) to OUTDIR/results.log.  QEMU always runs under
# a timeout; a guest that hangs is killed and its logs are kept.
# MODE=shell attaches the console to the terminal instead.
. "$(dirname "$0")/lib.sh"

name=$1 initrd=$2 outdir=$3 mode=$4 limit=${5:-600}
eval "$("$TOP/scripts/kernel.sh" "$name")" || exit 1
mkdir -p "$outdir"
# Debug kernels: 1 GiB keeps kmemleak's scan short (it reads all memory).
mem=2G
[ "$KIND" = debug ] && mem=1G
append="console=ttyS0 ddi.mode=$mode panic=-1 oops=panic printk.time=1"
# Under TCG on a busy host the TSC calibration can go wrong by a factor
# of ten ("Detected 70 MHz processor"), and the guest's clock then runs
# that much fast until the watchdog notices: every sleep and time limit
# in the guest with it.  Idle, the TSC is found unusable anyway.
append="$append tsc=unstable"
# KASAN reports only the first bad access of a boot unless told: one
# report (a test that expects one, or a first bug) would hide the rest.
[ "$KIND" = debug ] && append="$append kasan_multi_shot"
# The debug kernels take their CPUs from ACPI (scripts/kconfig/debug.config)
# but route PCI interrupts by the BIOS's table, as before they had ACPI:
# their AML interpreter, slowed by KASAN and lockdep, runs past its 30-s
# loop limit in the _PRT method for each hot-added device, which then has
# no INTx interrupt.
[ "$KIND" = debug ] && append="$append acpi=noirq"
append="$append ${DDI_APPEND:-}"
qemu=(qemu-system-x86_64 -machine pc -accel tcg,thread=multi -cpu max
      -m "${DDI_MEM:-$mem}" -smp "${DDI_SMP:-2}" -no-reboot -nodefaults
      -display none -kernel "$BZIMAGE" -initrd "$initrd")
# The stock kernels (NUMA built in) see the first 256 MiB as a node of
# its own, without CPUs: a test that needs user pages a 28-bit DMA
# engine reaches (edu's dma-user rows) asks that node for them, where a
# 2 GiB guest otherwise hands a process low pages only by chance.  Kept
# to the default memory size; DDI_MEM= gives one plain node.
if [ "$KIND" = stock ] && [ -z "${DDI_MEM:-}" ]; then
	last=$((${DDI_SMP:-2} - 1))
	qemu+=(-object memory-backend-ram,id=ddimem0,size=256M
	       -numa node,nodeid=0,memdev=ddimem0
	       -object memory-backend-ram,id=ddimem1,size=1792M
	       -numa "node,nodeid=1,cpus=0-$last,memdev=ddimem1")
fi
# Devices for PCI drivers (make guest QEMU_ARGS=, a driver's qemu.args,
# make check's drivers): extra QEMU options, split at blanks.
# shellcheck disable=SC2206
[ -n "${DDI_QEMU_ARGS:-}" ] && qemu+=($DDI_QEMU_ARGS)

if [ "$mode" = shell ]; then
	exec "${qemu[@]}" -serial mon:stdio -serial null -append "$append"
fi

rm -f "$outdir/console.log" "$outdir/results.log"
if [ -n "${DDI_LIVE:-}" ]; then
	touch "$outdir/results.log"
	# The channel is KTAP: show diagnostic lines as plain text.
	tail -n +1 -f "$outdir/results.log" | sed -u -E 's/^ *# ?//' &
	tailpid=$!
fi
# The limit follows the host's speed (lib.sh host_speed).
speed=$(host_speed)
[ "$speed" -gt 100 ] &&
	say "host at ${speed}% of the reference time: limit ${limit}s scaled"
limit=$((limit * speed / 100))
start=$(date +%s)
timeout --foreground -k 5 "$limit" "${qemu[@]}" \
	-serial "file:$outdir/console.log" -serial "file:$outdir/results.log" \
	-append "$append" </dev/null >"$outdir/qemu.log" 2>&1 &
qpid=$!
# A kernel that stalls before it runs /init (under TCG one has sat in
# the RCU-tasks self-test for 15 minutes, where it normally takes under
# a minute to reach /init) is stopped after DDI_EARLY_LIMIT seconds
# (scaled): check.sh's boot() then boots it once more, instead of
# waiting out the whole limit.
early=$((${DDI_EARLY_LIMIT:-300} * speed / 100))
while kill -0 "$qpid" 2>/dev/null; do
	grep -q 'Run /init as init process' "$outdir/console.log" 2>/dev/null &&
		break
	if [ $(($(date +%s) - start)) -gt "$early" ]; then
		say "guest on $name: no /init after ${early}s; stopped"
		kill "$qpid" 2>/dev/null
		break
	fi
	sleep 2
done
wait "$qpid"
rc=$?
echo $(( $(date +%s) - start )) >"$outdir/seconds"
if [ -n "${DDI_LIVE:-}" ]; then
	sleep 0.5
	kill "$tailpid" 2>/dev/null
	wait "$tailpid" 2>/dev/null
fi
echo "$rc" >"$outdir/qemu-rc"
if [ "$rc" = 124 ] || [ "$rc" = 137 ]; then
	say "guest on $name timed out after ${limit}s; logs in $outdir"
fi
exit 0
