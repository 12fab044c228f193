# SPDX-License-Identifier: GPL-2.0
# mode-lowmem.sh, with the hog running: ddi_umem_alloc(DDI_UMEM_SLEEP) of
# 16 MiB, 2 MiB and 24 KiB in turn, each once MemAvailable is down to
# 16 MiB, filled, read back and mapped, again and again for 20 s
# (tests/prog/umem_test.c "sleep"); each must succeed.
# ddi-limit: 120
. /ddi/lib.sh
fail=0
insmod /ddi/modules/ddi_bench.ko cases=0 || { result umem:load fail; exit 1; }
umem_test sleep 20 16 16 || fail=1
t unload rmmod ddi_bench
exit $fail
