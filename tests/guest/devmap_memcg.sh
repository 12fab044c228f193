# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 120
# ddi-kernels: stock-*
# Audit 2, finding 18: a devmap mapping costs the kernel one handle per
# devmap(9E) call (the sample RAM disk makes one per 64 KiB extent: 1024
# for a 64 MiB mapping), and that memory is charged to the memory cgroup
# of the process that maps, so a cgroup's limit bounds it.  The debug
# kernels have no memory cgroups (tinyconfig): the stock kernels only.
. /ddi/lib.sh
fail=0
CG=/sys/fs/cgroup
D=/devices/pseudo/ramdisk@0
T=/tmp/devmap_memcg.$$
mkdir -p $T $CG

if [ ! -e $CG/cgroup.controllers ]; then
	mount -t cgroup2 none $CG || { result devmap_memcg:cgroup2 fail; exit 1; }
fi
t memory-controller grep -qw memory $CG/cgroup.controllers
echo +memory >$CG/cgroup.subtree_control
mkdir -p $CG/dm18
add_drv ramdisk >/dev/null || { result devmap_memcg:add_drv fail; exit 1; }
t create ramdiskadm -a cg_d 64m

# The cgroup's unreclaimable slab, in bytes (reading memory.stat flushes
# the per-CPU counts).
slab() {
	sed -n 's/^slab_unreclaimable //p' $CG/dm18/memory.stat
}

# hold LEN: a process in the cgroup that maps LEN bytes of the raw node
# and keeps them mapped; its pid in $holder.
hold() {
	rm -f $T/out
	sh -c "echo \$\$ >$CG/dm18/cgroup.procs && exec dmtest hold $D:cg_d,raw $1" \
		>$T/out 2>&1 &
	holder=$!
	_i=0
	while ! grep -q mapped $T/out 2>/dev/null && [ $_i -lt 100 ]; do
		sleep 0.1
		_i=$((_i + 1))
	done
	grep -q mapped $T/out
}

unhold() {
	kill $holder
	wait $holder 2>/dev/null
}

# One extent mapped, then all 1024: the difference is 1023 handles (and
# the handles' index), whatever the process itself costs the cgroup.
s0=$(slab)
t hold-one-extent hold 65536
s1=$(slab)
unhold
t hold-whole-disk hold 67108864
# A handle is well over 64 bytes: 1023 of them are at least 64 KiB.  The
# counts may reach memory.stat up to 2 s late (the periodic flush).
_i=0
while s2=$(slab) && [ $((s2 - s1)) -lt 65536 ] && [ $_i -lt 30 ]; do
	sleep 0.1
	_i=$((_i + 1))
done
unhold
echo "slab_unreclaimable: +$((s1 - s0)) bytes for 1 extent, +$((s2 - s0)) bytes for 1024"
t handles-charged [ $((s2 - s1)) -ge 65536 ]

t delete ramdiskadm -d cg_d
rmdir $CG/dm18
t rem_drv rem_drv ramdisk
rm -rf $T
exit $fail
