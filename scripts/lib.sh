# SPDX-License-Identifier: GPL-2.0
# Shared helpers for the ddi_compat harness scripts.  Sourced, not run.

set -o pipefail

TOP=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# Heavy artefacts (kernel sources, builds, images) live outside the repo,
# keyed by version and configuration, so a second run reuses them.
CACHE=${DDI_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/ddi_compat}
BUILD=${DDI_BUILD:-$TOP/build}
KERNELS="debug-6.12 debug-6.1 stock-6.1 stock-6.12 kcsan-6.12"
JOBS=${JOBS:-$(($(nproc) + 1))}

say()  { printf '[ddi] %s\n' "$*" >&2; }
die()  { printf '[ddi] error: %s\n' "$*" >&2; exit 1; }

as_root() {
	if [ "$(id -u)" = 0 ]; then
		"$@"
	elif command -v sudo >/dev/null; then
		sudo -n "$@" || die "needs root: $*"
	else
		die "needs root (or passwordless sudo): $*"
	fi
}

# apt_install PKG...: install the Debian packages that are missing.
apt_install() {
	local missing=() p
	for p in "$@"; do
		dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'ok installed' ||
			missing+=("$p")
	done
	[ ${#missing[@]} -eq 0 ] && return 0
	say "installing Debian packages: ${missing[*]}"
	if [ ! -e "$CACHE/.apt-updated" ] ||
	   [ -n "$(find "$CACHE/.apt-updated" -mmin +720 2>/dev/null)" ]; then
		as_root apt-get update -q >&2 || die "apt-get update failed"
		mkdir -p "$CACHE" && touch "$CACHE/.apt-updated"
	fi
	as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q \
		--no-install-recommends "${missing[@]}" >&2 ||
		die "apt-get install ${missing[*]} failed"
}

# Serialise work on one cache entry between concurrent runs.
with_lock() {
	local lock=$1; shift
	mkdir -p "$(dirname "$lock")"
	(flock 9 && "$@") 9>"$lock"
}

# prepare KERNEL: what every guest run needs first: the Debian packages,
# the user programs, ddi_compat and the sample drivers built for KERNEL.
prepare() {
	"$TOP/scripts/deps.sh" || exit 1
	"$TOP/scripts/user.sh" || exit 1
	"$TOP/scripts/build.sh" "$1" >/dev/null || exit 1
	"$TOP/scripts/drivers.sh" "$1" >/dev/null || exit 1
}

# What the user programs of a Solaris driver are built with (libc/):
# Solaris's <sys/types.h> names and getopt(3C).  ddi-port, installed
# without this file, lists the same.
SOLARIS_LIBC=(-I"$TOP/libc/include" -include "$TOP/libc/ddic_libc.h"
	"$TOP/libc/ddic_getopt.c")

# static_prog SRC OUTDIR GCC-FLAGS...: build user program SRC as static
# 64-bit OUTDIR/NAME and 32-bit OUTDIR/NAME32 (kept while newer than SRC
# and the project's user-side headers).
static_prog() {
	local src=$1 out=$2 name m bin
	shift 2
	name=$(basename "$src" .c)
	for m in 64 32; do
		bin=$out/$name
		[ $m = 32 ] && bin=$out/${name}32
		# Up to date unless a header it may include is newer: the
		# shared ones, and those beside it or its parent directory
		# (a driver's user program includes the driver's ../edu.h).
		[ "$bin" -nt "$src" ] && [ -z "$(find "$TOP/tests/prog" \
			"$TOP/include/uapi" "$TOP/libc" -name '*.h' \
			-newer "$bin")" ] &&
			[ -z "$(find "$(dirname "$src")" "$(dirname "$src")/.." \
			-maxdepth 1 -name '*.h' -newer "$bin")" ] &&
			continue
		gcc -m$m -static -O2 -Wall "$@" -o "$bin" "$src" -lpthread ||
			die "cannot build $src (-m$m)"
	done
}

# link_tree DEST SRC...: mirror each SRC (file or directory) into DEST as
# a tree of symbolic links (cp -rs), so that each kernel's objects stay
# apart while the sources stay the real files (an editor jumping to an
# error edits the source, not a copy).  The links of an earlier run go
# first, so a renamed or deleted source leaves nothing behind; build
# products that sit beside a source are not linked.
# qemu_args DIR...: the QEMU options of each DIR's qemu.args file ('#'
# comments, one or more options a line), on one line.  @BUILD@ stands for
# the directory of the host files a device needs (e.g. ivshmem's memory):
# DDI_HOSTFILES, or the build directory.  make check gives each kernel's
# guest one of its own, since those guests run at the same time.
qemu_args() {
	local d
	for d in "$@"; do
		[ -f "$d/qemu.args" ] && sed 's/#.*//' "$d/qemu.args"
	done | sed "s|@BUILD@|${DDI_HOSTFILES:-$BUILD}|g" | tr '\n' ' '
}

link_tree() {
	local dest=$1 s
	shift
	mkdir -p "$dest"
	find "$dest" -type l -delete
	for s in "$@"; do
		cp -rs "$(realpath "$s")" "$dest/" || return 1
	done
	find "$dest" -type l \( -name '*.o' -o -name '*.ko' -o -name '.*.cmd' \
		-o -name '*.mod' -o -name '*.mod.c' -o -name Module.symvers \
		-o -name modules.order \) -delete
}

# real_paths DEST <LOG: LOG with the paths of DEST's links replaced by the
# files they point to, so compiler messages name the real sources.
real_paths() {
	sed -f <(find "$1" -type l -printf 's|%p|%l|g\n')
}

# host_speed: how slow this host is now against the reference (the 2-core
# development machine with nothing else running), in percent, at least
# 100 and at most 400: the best of two timings of a fixed shell loop
# (200 ms there).  Boot limits are scaled by it, as the guest scales each
# test's limit by its own measure (scripts/guest/lib.sh ddi_speed).
host_speed() {
	local best= r t0 d i p
	for r in 1 2; do
		t0=$(date +%s%N)
		for ((i = 0; i < 100000; i++)); do :; done
		d=$((($(date +%s%N) - t0) / 1000000))
		[ -z "$best" ] || [ "$d" -lt "$best" ] && best=$d
	done
	p=$((best * 100 / ${DDI_HOST_REF_MS:-200}))
	[ $p -lt 100 ] && p=100
	[ $p -gt 400 ] && p=400
	echo $p
}
