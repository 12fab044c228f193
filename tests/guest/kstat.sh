# SPDX-License-Identifier: GPL-2.0
# kstat: the sample RAM disk's I/O kstat (ramdisk:<minor>:<disk>, class
# disk) shown by the kstat command, by module, instance, name and class,
# in parseable and human form; reads, writes, nread and nwritten change by
# exactly what was done through the raw node; the kstat goes with its
# disk; /proc/ddi_kstat is read-only.
. /ddi/lib.sh
fail=0
D=/devices/pseudo/ramdisk@0

# st STAT: the value of the kst disk's statistic.
st() {
	kstat -p -m ramdisk -n kst -s "$1" | cut -f2
}

add_drv ramdisk >/dev/null || { result kstat:add_drv fail; exit 1; }
ramdiskadm -a kst 1m >/dev/null || { result kstat:create fail; exit 1; }

t listed sh -c "kstat -p -m ramdisk -n kst | grep -q '^ramdisk:[0-9]*:kst:class	disk\$'"
inst=$(kstat -p -m ramdisk -n kst -s class | cut -d: -f2)
t by-instance sh -c "kstat -p -m ramdisk -i $inst -n kst -s reads | grep -q '^ramdisk:$inst:kst:reads	'"
t by-operand sh -c "kstat -p ramdisk:$inst:kst:nread | grep -q '^ramdisk:$inst:kst:nread	[0-9]*\$'"
t by-class sh -c "kstat -p -c disk -s writes | grep -q '^ramdisk:$inst:kst:writes	'"
t other-class-not sh -c "! kstat -p -c net -m ramdisk -n kst"
t io-fields sh -c "[ \$(kstat -p -m ramdisk -n kst | grep -cE ':(nread|nwritten|reads|writes|wtime|wlentime|wlastupdate|rtime|rlentime|rlastupdate|wcnt|rcnt|crtime|snaptime)	') = 14 ]"
t human-form sh -c "kstat -m ramdisk -n kst | grep -q '^module: ramdisk  *instance: $inst\$' &&
	kstat -m ramdisk -n kst | grep -q '^name:   kst  *class:    disk\$' &&
	kstat -m ramdisk -n kst | grep -qE '^	nread  *[0-9]+\$'"
t no-match-exit-1 sh -c "kstat -m ramdisk -n nosuchdisk >/dev/null; [ \$? = 1 ]"

r0=$(st reads) nr0=$(st nread) w0=$(st writes) nw0=$(st nwritten)
t read-3 dd if=$D:kst,raw of=/dev/null bs=4096 count=3 2>/dev/null
t reads-plus-3 [ $(($(st reads) - r0)) = 3 ]
t nread-plus-12288 [ $(($(st nread) - nr0)) = 12288 ]
t writes-unchanged [ "$(st writes)" = "$w0" ]
t write-2 dd if=/dev/zero of=$D:kst,raw bs=8192 count=2 seek=4 2>/dev/null
t writes-plus-2 [ $(($(st writes) - w0)) = 2 ]
t nwritten-plus-16384 [ $(($(st nwritten) - nw0)) = 16384 ]
t reads-unchanged [ $(($(st reads) - r0)) = 3 ]
t queues-empty [ "$(st wcnt) $(st rcnt)" = "0 0" ]
t rtime-counted [ "$(st rtime)" -gt 0 ]

t proc-read-only sh -c "! (echo x > /proc/ddi_kstat) 2>/dev/null"
t proc-mode [ "$(stat -c %a /proc/ddi_kstat)" = 444 ]

t delete ramdiskadm -d kst
t gone-with-disk sh -c "! kstat -m ramdisk -n kst >/dev/null"
t rem_drv rem_drv ramdisk
exit $fail
