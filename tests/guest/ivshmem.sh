# SPDX-License-Identifier: GPL-2.0
# ivshmem.sh: the ivshmem sample driver (drivers/ivshmem) on QEMU's
# ivshmem-plain device (drivers/ivshmem/qemu.args: slot 6, 1 MB of shared
# memory backed by a host file), mapped through devmap_devmem_setup(9F).
#
# A write read back through another mapping; two processes (64- and
# 32-bit) mapping the memory at once see each other's writes (ping-pong);
# maxprot: the "ro" minor refuses PROT_WRITE at mmap and at mprotect;
# detach refused while mapped (Solaris semantics); an unbind while mapped
# (Linux cannot refuse it) revokes the mapping: the process gets SIGBUS;
# after a reload the memory still holds what was written (it is the
# host's file).  Leaves ivshmem unloaded, and a tag at offset 8192 for the
# host to check (IVSHMEM_TAG).
. /ddi/lib.sh
fail=0
D=/devices/pci@0,0/pci1af4,1100@6
A=0000:00:06.0
SYS=/sys/bus/pci/drivers/ivshmem
N=${IVSHMEM_ROUNDS:-2000}

not() { ! "$@"; }
eq() {
	[ "$2" = "$3" ] && return 0
	echo "$1: got '$2', expected '$3'"
	return 1
}

add_drv ivshmem >/dev/null || { result ivshmem:add_drv fail; exit 1; }
t bound test -e $D:rw
t info sh -c "ivshctl -d $D info | grep -q '^size=1048576 '"
tag="ivshmem-$(date +%s)-$$"
t write ivshctl -d $D write 0 "$tag"
t read-back eq read "$(ivshctl -d $D read 0 64)" "$tag"

# Two processes at once, each sees the other's writes.
pp() {	# pp PROG
	ivshctl -d $D write 4096 xxxxxxxx &&
	{ "$1" -d $D pingpong pong $N & } &&
	"$1" -d $D pingpong ping $N && wait $!
}
t pingpong-64 pp ivshctl
t pingpong-32 pp ivshctl32
t maxprot-64 ivshctl -d $D maxprot
t maxprot-32 ivshctl32 -d $D maxprot

# Detach while mapped: refused.  Unbind while mapped: revoked.
out=/tmp/ivshmem-revoke.$$
ivshctl -d $D revoke 20 >$out 2>&1 & r=$!
i=0
while ! grep -q mapped $out 2>/dev/null && [ $i -lt 100 ]; do
	sleep 0.1
	i=$((i + 1))
done
t mapped grep -q mapped $out
echo "detach ivshmem" > /dev/ddi_modctl 2>/dev/null
t detach-refused-while-mapped sh -c "ivshctl -d $D info >/dev/null"
echo $A > $SYS/unbind
wait $r
st=$?
cat $out | diag
t unbind-revokes-sigbus [ $st = 0 ]
t revoke-warned sh -c "dmesg | grep -q 'ivshmem0: unbound while its device memory is mapped'"
rm -f $out
t rem_drv rem_drv ivshmem
t reload add_drv ivshmem
t rebound test -e $D:rw
t memory-kept eq read "$(ivshctl -d $D read 0 64)" "$tag"
t host-tag ivshctl -d $D write 8192 "${IVSHMEM_TAG:-ddic-ivshmem-host-check}"
t rem_drv-2 rem_drv ivshmem
exit $fail
