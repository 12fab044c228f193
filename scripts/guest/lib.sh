# SPDX-License-Identifier: GPL-2.0
# Helpers for guest scripts (busybox sh).  Sourced.

DDI=/ddi

# result NAME pass|fail [why]: one line the host counts.
result() {
	echo "@@TEST $1 $2${3:+ $3}"
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

# kunit_module KO: load a KUnit module, print each suite's results for
# the host, unload it.
kunit_module() {
	mod=$1
	name=$(basename "$mod" .ko)
	if ! insmod "$mod"; then
		result "kunit:$name:load" fail "insmod failed"
		return 1
	fi
	for d in /sys/kernel/debug/kunit/*/; do
		[ -f "$d/results" ] || continue
		suite=$(basename "$d")
		echo "@@KTAP-BEGIN $suite"
		cat "$d/results"
		echo "@@KTAP-END $suite"
	done
	rmmod "$name" || { result "kunit:$name:unload" fail; return 1; }
}


# kmemleak_check: print what kmemleak found, for the host to judge.
kmemleak_check() {
	[ -e /sys/kernel/debug/kmemleak ] || return 0
	# kmemleak ignores objects younger than 5 s, and reports an object
	# only once its checksum held still between two scans.
	sleep 6
	echo scan > /sys/kernel/debug/kmemleak
	echo scan > /sys/kernel/debug/kmemleak
	echo "@@KMEMLEAK-BEGIN"
	cat /sys/kernel/debug/kmemleak
	echo "@@KMEMLEAK-END"
}
