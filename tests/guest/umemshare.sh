# SPDX-License-Identifier: GPL-2.0
# The umemshare sample driver (seed 000, Example 11-2): two 64-bit
# processes share page 0, two 32-bit processes share page 1, and the two
# pages stay apart.
. /ddi/lib.sh
fail=0

add_drv umemshare || { result umemshare:add_drv fail; exit 1; }
umemshare_test hold t64 & h64=$!
umemshare_test32 hold t32 & h32=$!
# A second process of each model sees the first one's write ...
t ack-64 umemshare_test ack t64
t ack-32 umemshare_test32 ack t32
# ... and, while both holders still map their pages, not the other's.
t apart-64 umemshare_test check t64 t32
t apart-32 umemshare_test32 check t32 t64
ddi_modinfo umemshare
umemshare_test bye t64 >/dev/null
umemshare_test32 bye t32 >/dev/null
wait $h64
t hold-64 [ $? = 0 ]
wait $h32
t hold-32 [ $? = 0 ]
t rem_drv rem_drv umemshare
exit $fail
