# SPDX-License-Identifier: GPL-2.0
# The ringbuf sample driver (drivers/ringbuf), loaded as a porter would:
# nodes and properties from its .conf, read/write/ioctl/poll from 64- and
# 32-bit programs, close on last close, autodetach, and unload refused
# while an instance holds unread data.
. /ddi/lib.sh
fail=0
dev0=/devices/pseudo/ringbuf@0:ringbuf
dev1=/devices/pseudo/ringbuf@1:ringbuf

state() {
	ddi_modinfo ringbuf | grep -q "instance $1 $2"
}

add_drv ringbuf || { result ringbuf:add_drv fail; exit 1; }
t nodes test -c $dev0 -a -c $dev1
t autodetach-at-load state 0 detached
t autodetach-at-load-1 state 1 detached
t stats-reattach sh -c 'rbctl stats | grep -q "^attaches 3 detaches 2 refused 0 opens 1 closes 0$"'
t info-props-0 sh -c "rbctl info | grep -qx 'size 4096 count 0 instance 0 model 64 label \"first ring\"'"
t info-props-1 sh -c "rbctl -d $dev1 info | grep -qx 'size 16 count 0 instance 1 model 64 label \"unnamed\"'"
t info-ilp32 sh -c "rbctl32 -d $dev1 info | grep -qx 'size 16 count 0 instance 1 model 32 label \"unnamed\"'"
t selfcheck-64 rbctl check
t selfcheck-32 rbctl32 check
t selfcheck-small-ring rbctl -d $dev1 check
t idle-after-use state 0 detached

# Unread data: detach refuses, the instance stays attached, unload fails.
printf abc >$dev1
t data-keeps-attached state 1 attached
t rmmod-refused sh -c '! rmmod ringbuf 2>/dev/null'
t rem_drv-refused sh -c '! rem_drv ringbuf 2>/dev/null'
t works-after-refusal sh -c "[ \$(rbctl -d $dev1 peek) = 3 ]"
t data-intact sh -c "[ \"\$(dd if=$dev1 bs=16 count=1 2>/dev/null)\" = abc ]"
t detached-when-drained state 1 detached
t refusals-counted sh -c 'rbctl stats | grep -q "refused [1-9]"'

# Open files pin the driver too.
exec 3<$dev0
t rmmod-open-refused sh -c '! rmmod ringbuf 2>/dev/null'
exec 3<&-

t rem_drv rem_drv ringbuf
t nodes-gone sh -c "! test -e $dev0 && ! test -e $dev1"
t not-listed sh -c '! ddi_modinfo ringbuf 2>/dev/null'

# Load again; plain rmmod of an idle driver works.
t reload add_drv ringbuf
t reload-works sh -c "rbctl info | grep -q 'size 4096'"
t rmmod-idle rmmod ringbuf
exit $fail
