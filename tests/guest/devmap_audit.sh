# SPDX-License-Identifier: GPL-2.0
# devmap_audit.sh: the devmap cases of audit 2 through the test-only
# driver tests/drivers/dmtest and tests/prog/dmtest.c: a failing
# devmap_dup(9E) at fork (finding 3), mmap offsets past LLONG_MAX (24),
# DDI_UMEM_TRASH pages shared across processes (13), GUP of devmap pages
# (9).  Leaves dmtest unloaded.
. /ddi/lib.sh
fail=0

add_drv dmtest >/dev/null || { result devmap_audit:add_drv fail; exit 1; }
t dup-fails-at-fork dmtest dup
t offset-past-llong-max dmtest negoff
t trash-not-shared dmtest trash
t gup-refused dmtest gup
rem_drv dmtest >/dev/null || { result devmap_audit:rem_drv fail; fail=1; }
exit $fail
