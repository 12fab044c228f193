# SPDX-License-Identifier: GPL-2.0
# make bench: the user-space umem cases (mmap + first touch through the
# devmap path, memset bandwidth), reported through ddi_bench's fixture.
# Runs with ddi_compat and ddi_bench.ko loaded (scripts/guest/mode-bench.sh).
umem_bench || exit 1
cat /sys/kernel/debug/ddi_compat/umem
