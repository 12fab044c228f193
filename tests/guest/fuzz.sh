# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 240
# The seeded random-sequence executor (tests/prog/ddic_fuzz.c, issue 11
# item 4) over each sample driver: two 64-bit processes and a 32-bit
# one for FUZZ_SECONDS, while another process removes and adds the
# driver again and again; then the driver must unload and ddi_compat's
# counters be back where they were.  The seeds are printed; DDI_FUZZ_SEED
# replays a run.
. /ddi/lib.sh
fail=0
C=/sys/kernel/debug/ddi_compat
SECS=${FUZZ_SECONDS:-8}
seed=${DDI_FUZZ_SEED:-$(($(date +%s) % 1000000 * 1000 + $$ % 1000))}
echo "fuzz: seed $seed, $SECS s per driver"
kmem0=$(ddic_counter kmem live_allocations)
kmis0=$(ddic_counter kmem misuse)
umis0=$(ddic_counter umem misuse)
kleak0=$(ddic_counter kmem leaked_at_unload)
uleak0=$(ddic_counter umem leaked_at_unload)

# fuzz DRIVER: the executor, 64- and 32-bit at once, with the churn.
fuzz() {
	ddic_fuzz "$1" -s "$seed" -t "$SECS" -p 2 -c >/tmp/fuzz64.$1 2>&1 &
	_p64=$!
	ddic_fuzz32 "$1" -s $((seed + 1)) -t "$SECS" -p 1 >/tmp/fuzz32.$1 2>&1
	_r32=$?
	wait $_p64
	_r64=$?
	cat /tmp/fuzz64.$1 /tmp/fuzz32.$1
	[ $_r64 = 0 ] && [ $_r32 = 0 ]
}

# clean DRIVER: remove what the run made (RAM disks made by its
# RD_CREATE_DISK calls, and the data it wrote to the disks of
# ramdisk.conf) and the driver; the counters are back.  Data the
# run left keeps an instance attached on purpose (the drivers' detach(9E)
# refuses to lose it): qotd's changed quotation, ringbuf's unread bytes,
# so those are reset first.
clean() {
	drv_reset "$1" || return 1
	if loaded "$1"; then
		rem_drv "$1" || { sleep 1; rem_drv "$1"; } || return 1
	fi
	grep "^driver $1 " $C/devinfo && return 1
	[ "$(ddic_counter kmem live_allocations)" = "$kmem0" ] ||
		{ echo "kmem: $(ddic_counter kmem live_allocations) live, $kmem0 before"; return 1; }
	[ "$(ddic_counter kmem misuse)" = "$kmis0" ] || { echo "kmem misuse"; return 1; }
	[ "$(ddic_counter umem misuse)" = "$umis0" ] || { echo "umem misuse"; return 1; }
	[ "$(ddic_counter umem mappings_live)" = 0 ] || { echo "umem mappings live"; return 1; }
	# What one driver left is its own failure, not the next ones'.
	_k=$(ddic_counter kmem leaked_at_unload) _u=$(ddic_counter umem leaked_at_unload)
	if [ "$_k" != "$kleak0" ] || [ "$_u" != "$uleak0" ]; then
		kleak0=$_k uleak0=$_u
		echo "$1 left memory at its unload"
		return 1
	fi
}

for d in qotd dummy ringbuf rmapbuf umemshare ramdisk; do
	add_drv $d >/dev/null || { result fuzz:$d fail "add_drv"; fail=1; continue; }
	t $d fuzz $d
	t $d-clean clean $d
done
exit $fail
