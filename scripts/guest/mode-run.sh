# SPDX-License-Identifier: GPL-2.0
# make run, guest side: load ddi_compat and the sample drivers and show
# them working, as a short readable account.
. /ddi/lib.sh
step() { echo; echo "==> $*"; }

step "guest kernel $(uname -r) ($(cat /ddi/kernel)), $(nproc) CPUs"
step "loading ddi_compat"
ddi_setup || { echo "insmod ddi_compat failed"; exit 1; }
lsmod | grep -E '^(Module|ddi_compat)'
dmesg | grep 'ddi_compat:' | tail -3
rc=0
for d in /ddi/demo/*.sh; do
	[ -f "$d" ] || continue
	step "sample driver $(basename "$d" .sh)"
	sh "$d" || { echo "demo $(basename "$d") FAILED"; rc=1; }
done
step "unloading ddi_compat"
if rmmod ddi_compat; then echo "ddi_compat unloaded cleanly"; else rc=1; fi
exit $rc
