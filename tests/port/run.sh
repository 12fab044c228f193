#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# run.sh KERNEL: the make check row port:tree-misc:build.  make port of
# tests/port/tree-misc (a tree with Kbuilds in its subdirectories, no
# module named after a .c file) for KERNEL (a harness kernel whose
# modules.builtin has crypto) must give:
#  - one module per obj-m of the Kbuilds, crypto as sol_crypto.ko (its
#    Solaris name in modinfo, the alias solaris-crypto);
#  - the functions of the misc module zfw (its own and those of the file
#    without _init linked into it) and of the library tlib exported;
#  - afw depending on zfw and tlib by symbol, _depends_on as softdeps
#    (crypto's static one, which the compiler drops, from its source,
#    and its crypto-depends-on in io/Makefile);
#  - ddi-port --order: zfw and tlib before afw, virtio before bdep;
#  - a second port with DDI_LICENSE= changes the modules' licence.
top=$(cd "$(dirname "$0")/../.." && pwd)
kernel=${1:-debug-6.12}
out=$top/build/$kernel/port-tree-misc
fail=0
bad() { echo "FAIL: $*"; fail=1; }

rm -rf "$out"
"$top/scripts/port.sh" "$top/tests/port/tree-misc" "$kernel" "$out" || exit 1
got=$(cd "$out" && ls ./*.ko | sed 's|^\./||' | tr '\n' ' ')
[ "$got" = "afw.ko bdep.ko sol_crypto.ko tlib.ko virtio.ko zfw.ko " ] ||
	bad "modules: $got"
ko=$out/sol_crypto.ko
[ "$(modinfo -F solaris_name "$ko")" = crypto ] || bad "sol_crypto's Solaris name"
[ "$(modinfo -F alias "$ko")" = solaris-crypto ] || bad "sol_crypto's alias"
[ "$(modinfo -F solaris_name "$out/afw.ko")" = afw ] || bad "afw's Solaris name"
for s in zfw:zfw_register zfw:zfw_unregister zfw:zfw_mix zfw:zfw_clients \
	 tlib:tlib_twice; do
	nm "$out/${s%%:*}.ko" | grep -q " __ksymtab_${s#*:}\$" ||
		bad "${s%%:*} does not export ${s#*:}"
done
nm "$out/afw.ko" | grep -q ' __ksymtab_' && bad "the driver afw exports symbols"
deps=$(modinfo -F depends "$out/afw.ko" | tr ',' '\n' | sort | tr '\n' ' ')
[ "$deps" = "ddi_compat tlib zfw " ] || bad "afw depends on: $deps"
[ "$(modinfo -F softdep "$out/afw.ko")" = "pre: zfw tlib" ] || bad "afw's softdep"
[ "$(modinfo -F softdep "$out/bdep.ko")" = "pre: virtio" ] || bad "bdep's softdep"
[ "$(modinfo -F softdep "$ko")" = "pre: tlib zfw" ] ||
	bad "sol_crypto's softdep (static _depends_on, crypto-depends-on)"
order=$("$top/scripts/ddi-port" --order "$out"/*.ko | sed 's|.*/||' | tr '\n' ' ')
pos() { printf '%s\n' $order | grep -nx "$1" | cut -d: -f1; }
[ "$(pos zfw.ko)" -lt "$(pos afw.ko)" ] && [ "$(pos tlib.ko)" -lt "$(pos afw.ko)" ] &&
	[ "$(pos virtio.ko)" -lt "$(pos bdep.ko)" ] || bad "load order: $order"
[ "$(modinfo -F license "$out/zfw.ko")" = GPL ] || bad "zfw's licence"
# A new DDI_LICENSE rebuilds the glue (make does not see an option change).
DDI_LICENSE=CDDL-1.0 "$top/scripts/port.sh" "$top/tests/port/tree-misc" \
	"$kernel" "$out" >/dev/null || bad "port with DDI_LICENSE"
[ "$(modinfo -F license "$out/zfw.ko")" = CDDL-1.0 ] ||
	bad "DDI_LICENSE=CDDL-1.0 left zfw's licence $(modinfo -F license "$out/zfw.ko")"
[ $fail = 0 ] && echo "port of tests/port/tree-misc for $kernel: ok ($order)"
exit $fail
