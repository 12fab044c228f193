# SPDX-License-Identifier: GPL-2.0
# mode-lowmem.sh, with the hog running: a 48 MiB disk of the sample RAM
# disk written whole and read back.  Its extents are taken as the writes
# arrive, from chunks of ddi_umem_alloc(9F) (DDI_UMEM_NOSLEEP, then
# DDI_UMEM_SLEEP when that fails).
# ddi-limit: 120
. /ddi/lib.sh
fail=0
mib=48
disk=$(ramdisk_new lowmem $mib) || { result fill:new fail; exit 1; }
head -c 1048576 /dev/urandom >/tmp/lowmem.pat
written() {
	i=0
	while [ $i -lt $mib ]; do
		dd if=/tmp/lowmem.pat of="$disk" bs=1M seek=$i count=1 \
			conv=notrunc,fsync 2>/dev/null || return 1
		i=$((i + 1))
	done
}
t write written
want=$(i=0; while [ $i -lt $mib ]; do cat /tmp/lowmem.pat; i=$((i + 1)); \
	done | md5sum | cut -d' ' -f1)
echo 3 >/proc/sys/vm/drop_caches
t read-back [ "$(dev_sum "$disk" 0 $((mib * 1048576)))" = "$want" ]
t delete ramdisk_del lowmem
t rem_drv rem_drv ramdisk
rm -f /tmp/lowmem.pat
exit $fail
