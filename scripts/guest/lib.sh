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
