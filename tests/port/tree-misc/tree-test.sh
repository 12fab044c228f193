# SPDX-License-Identifier: GPL-2.0
# Run by `make guest M=tests/port/tree-misc TEST=tree-test.sh` (check.sh,
# port-workflow:tree-misc) in /port, with the tree's modules loaded by
# make guest in dependency order: zfw and tlib before afw, virtio before
# bdep (a load out of order fails before this script runs).
set -e
fail() { echo "tree-test: $*"; exit 1; }
modof() {	# modof NAME: the Linux module of the loaded Solaris module NAME
	ddi_modinfo | sed -n "s/^\(driver\|misc\) $1 module \([^ ]*\) .*/\2/p"
}

# The framework's _init ran before its client attached, which used the
# functions zfw and tlib export (zfw's own and its linked-in util/ file's).
dmesg | grep -q 'zfw: afw registered, 1 client(s), mix 38' ||
	fail "afw did not register with zfw"
dmesg | grep -q 'afw: attach, tlib says 42' || fail "afw did not call tlib"
test -c /devices/pseudo/afw@0:afw
ddi_modinfo | grep -q '^misc zfw module zfw linkinfo "test framework"$' ||
	fail "zfw is not listed as a misc module"
ddi_modinfo | grep -q '^misc tlib module tlib ' || fail "tlib is not listed"
ddi_modinfo zfw >/dev/null

# crypto is a module built into this kernel: ours is sol_crypto, and the
# porter's commands take the Solaris name (and the Linux one).
[ "$(modof crypto)" = sol_crypto ] || fail "crypto is module '$(modof crypto)'"
grep -q '^sol_crypto ' /proc/modules
test -c /devices/pseudo/crypto@0:crypto
rem_drv crypto
! grep -q '^sol_crypto ' /proc/modules || fail "rem_drv crypto left sol_crypto"
DDI_MODULE_DIR=/ddi/port/modules add_drv crypto | grep -q '^driver crypto module sol_crypto '
test -c /devices/pseudo/crypto@0:crypto
rem_drv sol_crypto
add_drv /ddi/port/modules/sol_crypto.ko | grep -q '^driver crypto module sol_crypto '

# bdep's _depends_on holds virtio (sol_virtio where virtio is a Linux
# module's name); afw holds zfw and tlib through the symbols it uses.
vmod=$(modof virtio)
[ -n "$vmod" ] || fail "virtio is not loaded"
if rmmod "$vmod" 2>/dev/null; then fail "$vmod unloaded under bdep"; fi
rem_drv bdep
rmmod "$vmod"
if rmmod zfw 2>/dev/null; then fail "zfw unloaded under afw"; fi
rem_drv afw
if rmmod tlib 2>/dev/null; then fail "tlib unloaded under crypto"; fi
rem_drv crypto
rmmod zfw tlib
! ddi_modinfo | grep -q '^misc ' || fail "a misc module is still listed"

# A missing dependency is named, and the module loads anyway.
insmod /ddi/port/modules/bdep.ko
dmesg | grep -q 'bdep: _depends_on names misc/virtio, which is not loaded' ||
	fail "no warning for bdep's missing dependency"
echo "tree-misc test: ok"
