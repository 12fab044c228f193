#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# ddic-deb.sh: build the Debian packages ddi-compat-dkms and
# ddi-compat-utils (debian/) with dpkg-buildpackage from a copy of the
# tracked sources, into build/deb/; then lintian them.  Prints the
# directory holding the .deb files.
. "$(dirname "$0")/lib.sh"

apt_install dpkg-dev debhelper dh-dkms dkms lintian fakeroot gcc make
version=$(cat "$TOP/VERSION")
conf=$(sed -n 's/^PACKAGE_VERSION="\(.*\)"/\1/p' "$TOP/dkms.conf")
[ "$conf" = "$version" ] ||
	die "dkms.conf PACKAGE_VERSION $conf is not VERSION $version"
deb=$(dpkg-parsechangelog -l "$TOP/debian/changelog" -S Version)
[ "$deb" = "$version" ] ||
	die "debian/changelog version $deb is not VERSION $version"
out=$BUILD/deb
src=$out/ddi-compat-$version
rm -rf "$out" && mkdir -p "$src"
# The tracked files as they are in the work tree (uncommitted edits too).
(cd "$TOP" && git ls-files -z --cached --others --exclude-standard |
	rsync -a --from0 --files-from=- . "$src/") || die "cannot copy the sources"
(cd "$src" && dpkg-buildpackage -us -uc -b) >"$out/build.log" 2>&1 ||
	{ tail -30 "$out/build.log" >&2; die "dpkg-buildpackage failed"; }
ls "$out"/*.deb >/dev/null || die "no .deb in $out"
echo "$out"
