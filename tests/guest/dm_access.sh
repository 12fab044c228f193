# SPDX-License-Identifier: GPL-2.0
# dm_access.sh: devmap_access(9E), devmap_load(9F) and devmap_unload(9F)
# in the winlockio pattern (issue 14), through the test-only driver
# tests/drivers/dmaccess and tests/prog/dmaccess.c: two processes take
# turns touching one page that the driver gives to one mapping at a
# time; each turn faults once into devmap_access, which unloads the
# other process's mapping and loads the toucher's, counted by the driver.
# A mapping set up invalid is moved to another cookie by devmap_umem_remap
# in its access callback.  From 64- and 32-bit processes.  Leaves dmaccess unloaded.
. /ddi/lib.sh
fail=0

add_drv dmaccess >/dev/null || { result dm_access:add_drv fail; exit 1; }
t winlock-64 dmaccess winlock ${DM_ACCESS_ROUNDS:-200}
t winlock-32 dmaccess32 winlock ${DM_ACCESS_ROUNDS:-200}
t remap-64 dmaccess remap
t remap-32 dmaccess32 remap
rem_drv dmaccess >/dev/null || { result dm_access:rem_drv fail; fail=1; }
exit $fail
