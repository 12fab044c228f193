# SPDX-License-Identifier: GPL-2.0
# The devmap mmap path from user space, through the fixture device of
# ddi_bench.ko (loaded with cases=0: no benchmark runs).  64-bit and
# 32-bit processes; an mmap fuzz loop; counters back to zero afterwards.
. /ddi/lib.sh
rc=0
insmod /ddi/modules/ddi_bench.ko cases=0 || { result umem:load fail; exit 1; }
[ -c /dev/ddi_umem_fixture ] || { result umem:fixture fail "no device"; rc=1; }
umem_test || rc=1
umem_test32 || rc=1
umem_test fuzz 1000 || rc=1
umem_test32 fuzz 300 || rc=1
rmmod ddi_bench || { result umem:unload fail; rc=1; }
# Everything the tests allocated is gone.
c=/sys/kernel/debug/ddi_compat/umem
if [ ! -r $c ]; then
	result umem:counters fail "no $c"
	rc=1
elif grep -qE '^(backend_[a-z]+_cookies|mappings_live) [1-9]' $c; then
	result umem:counters fail "$(tr '\n' ' ' < $c)"
	rc=1
else
	result umem:counters pass
fi
exit $rc
