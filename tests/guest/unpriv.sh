# SPDX-License-Identifier: GPL-2.0
# ddi-limit: 240
# The user programs without privilege (issue 11 item 7): as an ordinary
# user (uid 65534) with the sample drivers' nodes made accessible to it,
# and as root with every capability dropped (tests/prog/dropcaps.c).
# Privileged ioctls (drv_priv(9F): the RAM disk's create and delete) are
# refused to both; the FWRITE check of an ioctl holds on a read-only
# open; everything else works, and the random executor runs clean.
. /ddi/lib.sh
fail=0
P=/devices/pseudo
U="dropcaps -u 65534"
N="dropcaps"
for d in qotd ringbuf rmapbuf umemshare dummy ramdisk; do
	add_drv $d >/dev/null || { result unpriv:add_drv-$d fail; exit 1; }
done
# The nodes made accessible, as an administrator would with add_drv -m.
chmod 666 /dev/pseudo/* 2>/dev/null
chmod 777 /tmp

t user-is-user sh -c "[ \"\$($U id -u)\" = 65534 ]"
t nocaps-no-caps sh -c "$N grep -q '^CapEff:.0*\$' /proc/self/status"

# drv_priv(9F): creating a RAM disk is privileged.
t rd-create-root sh -c "ramdiskadm -a up_root 1m >/dev/null && ramdiskadm -d up_root"
t rd-create-user-refused sh -c "! $U ramdiskadm -a up_user 1m"
t rd-create-nocaps-refused sh -c "! $N ramdiskadm -a up_nocap 1m"
t rd-delete-user-refused sh -c "! $U ramdiskadm -d alpha"
t rd-none-made sh -c "! ramdiskadm | grep -q up_"
t rd-list-user $U ramdiskadm
# Data through a disk the user may open.
t rd-user-write sh -c "$U dd if=/dev/urandom of=$P/ramdisk@0:beta,raw bs=4096 count=4 2>/dev/null"
t rd-user-read sh -c "[ \$($U dd if=$P/ramdisk@0:beta,raw bs=4096 count=4 2>/dev/null | wc -c) = 16384 ]"

# FWRITE: QOTDIOCSSZ and RBIOCFLUSH refused on a read-only open.
for who in user nocaps; do
	w=$U
	[ $who = nocaps ] && w=$N
	t qotd-fwrite-$who $w rocheck $P/qotd@0:qotd 0x71746402 2048
	t ringbuf-fwrite-$who $w rocheck $P/ringbuf@0:ringbuf 0x72627502
	t qotd-get-$who $w qotdctl -g
	t rmapbuf-check-$who $w rmbctl check
	t rmapbuf-check32-$who $w rmbctl32 check
	t ringbuf-check-$who $w rbctl check
done
# Two unprivileged processes of each data model share umemshare's pages.
t umemshare-user sh -c "$U umemshare_test hold u64 & sleep 1;
	$U umemshare_test ack u64 && $U umemshare_test bye u64 >/dev/null; wait"

# The executor, without privilege, over each driver.
for d in qotd ringbuf rmapbuf umemshare dummy ramdisk; do
	t fuzz-$d-user $U ddic_fuzz $d -t 2 -p 2
	t fuzz-$d-nocaps $N ddic_fuzz32 $d -t 2 -p 1
done
t rd-none-made-by-fuzz sh -c "! ramdiskadm | grep -v ' conf' | grep -q '^/'"
# What the executor left that the drivers keep attached for (lib.sh
# drv_reset): ringbuf's unread bytes, qotd's changed quotation, data on
# the RAM disks.
for d in qotd ringbuf rmapbuf umemshare dummy ramdisk; do
	t reset-$d drv_reset $d
	t rem_drv-$d rem_drv $d
done
exit $fail
