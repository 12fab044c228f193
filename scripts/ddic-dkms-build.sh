#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ddic-dkms-build.sh KERNEL DEBDIR: `dkms build` of the DKMS tree that the
# package ddi-compat-dkms (DEBDIR/ddi-compat-dkms_*.deb, scripts/ddic-deb.sh)
# installs, against KERNEL's headers, in a private DKMS tree
# (build/dkms/KERNEL), as DKMS would on a machine running KERNEL.  Checks
# that ddi_compat.ko was built with the version of VERSION and that the
# POST_BUILD step kept Module.symvers.  Prints the built module's path.
. "$(dirname "$0")/lib.sh"

name=${1:?usage: ddic-dkms-build.sh KERNEL DEBDIR}
debdir=${2:?usage: ddic-dkms-build.sh KERNEL DEBDIR}
eval "$("$TOP/scripts/kernel.sh" "$name")" || exit 1
version=$(cat "$TOP/VERSION")
deb=$(ls "$debdir"/ddi-compat-dkms_*.deb 2>/dev/null | head -1)
[ -f "$deb" ] || die "no ddi-compat-dkms package in $debdir"
w=$BUILD/dkms/$name
rm -rf "$w" && mkdir -p "$w/root" "$w/tree"
dpkg-deb -x "$deb" "$w/root" || die "cannot unpack $deb"
arch=$(uname -m)
d="dkms --dkmstree $w/tree --sourcetree $w/root/usr/src -m ddi_compat -v $version"
$d add || die "dkms add failed"
# Signing (CONFIG_MODULE_SIG) would need the machine's MOK; not here.
$d build -k "$KREL" --kernelsourcedir "$KDIR" --no-depmod ||
	{ cat "$w/tree/ddi_compat/$version/build/make.log" >&2 2>/dev/null
	  die "dkms build for $name failed"; }
ko=$(find "$w/tree/ddi_compat/$version/$KREL/$arch/module" -name 'ddi_compat.ko*' | head -1)
[ -f "$ko" ] || die "dkms built no ddi_compat.ko for $KREL"
case $ko in *.xz) xz -dkf "$ko"; ko=${ko%.xz} ;; *.zst) zstd -dqf "$ko"; ko=${ko%.zst} ;; esac
got=$(modinfo -F version "$ko")
[ "$got" = "$version" ] || die "dkms-built ddi_compat.ko has version '$got', not $version"
[ -s "$w/tree/ddi_compat/$version/$KREL/$arch/Module.symvers" ] ||
	die "POST_BUILD kept no Module.symvers for $KREL"
echo "$ko"
