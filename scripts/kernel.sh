#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# kernel.sh NAME: make kernel NAME ready in the cache and print its
# description as shell assignments (KDIR, BZIMAGE, KREL, KIND, MODROOT).
#
#   debug-6.12, debug-6.1   built from Debian's linux-source-X with
#                           scripts/kconfig/debug.config over tinyconfig
#   kcsan-6.12              the same, KCSAN instead of KASAN
#   stock-6.1, stock-6.12   Debian's distribution kernels: the image is
#                           unpacked into the cache, the headers installed
. "$(dirname "$0")/lib.sh"

name=${1:?usage: kernel.sh NAME}

build_debug() {
	local ver=$1 dir=$2 frag=${3:-$TOP/scripts/kconfig/debug.config}
	local src=$dir/src tarball=/usr/src/linux-source-$ver.tar.xz

	[ -e "$dir/.done" ] && return 0
	say "building kernel $name in $dir (first run only, a few minutes)"
	rm -rf "$dir" && mkdir -p "$dir"
	tar -xf "$tarball" -C "$dir" || die "cannot unpack $tarball"
	mv "$dir/linux-source-$ver" "$src"
	make -s -C "$src" ARCH=x86_64 tinyconfig >/dev/null
	(cd "$src" && ARCH=x86_64 scripts/kconfig/merge_config.sh -m \
		.config "$frag" >/dev/null) || die "merge_config failed"
	make -s -C "$src" ARCH=x86_64 olddefconfig >/dev/null
	check_config "$src/.config" "$frag"
	make -s -C "$src" ARCH=x86_64 -j"$JOBS" >"$dir/build.log" 2>&1 ||
		{ tail -30 "$dir/build.log" >&2; die "kernel build failed"; }
	# A plain make writes Module.symvers; without it modpost fails.
	[ -s "$src/Module.symvers" ] || die "no Module.symvers in $src"
	touch "$dir/.done"
	prune_older "$dir"
}

# prune_older DIR: remove the other cached builds of the same kernel name
# (older versions or configurations), which are a few GiB each.
prune_older() {
	local keep=$1 d
	for d in "$CACHE/kernels/$name"-*; do
		[ -d "$d" ] && [ "$d" != "$keep" ] && rm -rf "$d" "$d.lock"
	done
	return 0
}

# check_config CONFIG FRAGMENT: every option of FRAGMENT must be in CONFIG
# as written; olddefconfig drops what it cannot satisfy without a word.
check_config() {
	local cfg=$1 frag=$2 line opt bad=0
	while IFS= read -r line; do
		case $line in
		CONFIG_*=*)
			grep -qxF "$line" "$cfg" ||
				{ say "missing from .config: $line"; bad=1; } ;;
		"# CONFIG_"*" is not set")
			opt=${line#\# }; opt=${opt%% *}
			grep -q "^$opt=" "$cfg" &&
				{ say "must be unset in .config: $opt"; bad=1; } ;;
		esac
	done <"$frag"
	[ $bad = 0 ] || die "kernel config for $name lacks required options"
}

# The versions behind Debian's meta-packages, resolved from the archive.
stock_abi() {
	local meta=$1
	apt-cache depends "$meta" 2>/dev/null |
		awk '/Depends: linux-image-[0-9]/ { print $2; exit }' |
		sed 's/^linux-image-//'
}

# The image and the headers are unpacked into the cache rather than
# installed: installing Debian's 6.12 headers pulls in the image, and with
# it initramfs-tools and a systemd upgrade on the host.
fetch_stock() {
	local abi=$1 dir=$2 tmp pkgs kbuild
	[ -e "$dir/.done" ] && return 0
	say "fetching Debian kernel $abi into $dir"
	rm -rf "$dir" && mkdir -p "$dir/root"
	kbuild=$(apt-cache depends "linux-headers-$abi" |
		awk '/Depends: linux-kbuild-/ { print $2; exit }')
	common=$(apt-cache depends "linux-headers-$abi" |
		awk '/Depends: linux-headers-.*-common/ { print $2; exit }')
	pkgs="linux-image-$abi linux-headers-$abi $common $kbuild"
	tmp=$(mktemp -d)
	chmod 755 "$tmp"
	(cd "$tmp" && apt-get download -q $pkgs >&2 2>"$tmp/log") ||
		{ cat "$tmp/log" >&2; die "apt-get download $pkgs failed"; }
	for deb in "$tmp"/*.deb; do
		dpkg-deb -x "$deb" "$dir/root" || die "cannot unpack $deb"
	done
	rm -rf "$tmp"
	# The arch headers include the common ones by absolute path.
	sed -i "s|^include /usr/src/|include $dir/root/usr/src/|" \
		"$dir/root/usr/src/linux-headers-$abi/Makefile"
	touch "$dir/.done"
	prune_older "$dir"
}

# cached_frag: standard input as $CACHE/kernels/$name.config (written
# whole, then renamed, as builds of other kernels may read theirs), and
# its path printed.
cached_frag() {
	local f=$CACHE/kernels/$name.config
	mkdir -p "$CACHE/kernels" && cat >"$f.$$" && mv "$f.$$" "$f" &&
		echo "$f"
}

case $name in
debug-6.12|debug-6.1|kcsan-6.12)
	ver=${name#*-}
	apt_install "linux-source-$ver" flex bison bc libelf-dev libssl-dev \
		cpio xz-utils
	pkgver=$(dpkg-query -W -f='${Version}' "linux-source-$ver")
	conf=$TOP/scripts/kconfig
	case $name in
	kcsan-*)
		# debug.config without KASAN, then kcsan.config: KCSAN and
		# KASAN cannot share a kernel.
		frag=$({ grep -v '^CONFIG_KASAN' "$conf/debug.config"
			 cat "$conf/kcsan.config"; } | cached_frag) || exit 1 ;;
	*)
		# debug.config, then a fragment of the kernel's own if it has
		# one (debug-6.1.config).
		frag=$conf/debug.config
		if [ -e "$conf/$name.config" ]; then
			frag=$(cat "$conf/debug.config" "$conf/$name.config" |
			       cached_frag) || exit 1
		fi ;;
	esac
	# Keyed on the (merged) fragment.
	key=$(sha256sum <"$frag" | cut -c1-12)
	dir=$CACHE/kernels/$name-$pkgver-$key
	with_lock "$dir.lock" build_debug "$ver" "$dir" "$frag" || exit 1
	src=$dir/src
	echo "KDIR=$src"
	echo "BZIMAGE=$src/arch/x86/boot/bzImage"
	echo "KREL=$(make -s -C "$src" kernelrelease)"
	echo "KIND=debug"
	echo "MODROOT="
	;;
stock-6.1|stock-6.12)
	ver=${name#stock-}
	if [ "$ver" = 6.1 ]; then meta=linux-image-amd64; else meta=linux-image-$ver-amd64; fi
	abi=$(stock_abi "$meta")
	if [ -z "$abi" ]; then
		as_root apt-get update -q >&2
		abi=$(stock_abi "$meta")
	fi
	[ -n "$abi" ] || die "cannot resolve $meta in the Debian archive"
	apt_install gcc make flex bison bc libelf-dev libssl-dev dwarves
	dir=$CACHE/kernels/$name-$abi
	with_lock "$dir.lock" fetch_stock "$abi" "$dir" || exit 1
	echo "KDIR=$dir/root/usr/src/linux-headers-$abi"
	echo "BZIMAGE=$dir/root/boot/vmlinuz-$abi"
	echo "KREL=$abi"
	echo "KIND=stock"
	echo "MODROOT=$dir/root/lib/modules/$abi"
	;;
*)
	die "unknown kernel '$name' (one of: $KERNELS)"
	;;
esac
