#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# port.sh DIR KERNEL|KDIR OUTDIR: build every Solaris driver <name>.c in
# DIR as a Linux module <name>.ko in OUTDIR, against ddi_compat for
# KERNEL (a harness kernel: debug-6.12 ...) or for the configured kernel
# tree KDIR (any argument with a slash in it).
#
# ddi_compat is built first if it is not (build.sh for a harness kernel;
# for KDIR, into build/kdir-<release>-<sum>/src, without the tests); then
# scripts/ddi-port, the porter's tool, generates the glue and builds the
# drivers (read it for what is generated).  Work directories are under
# build/KERNEL/port/ (or build/kdir-.../port/).  Warnings are shown;
# DDI_WERROR=1 makes them fatal (the project's own sample drivers are
# built that way).  DDI_LICENSE overrides the module licence.  Before
# any of that, the preflight (scripts/preflight.py, also `make preflight
# M=DIR`) lists the Solaris interfaces the driver uses that ddi_compat
# lacks; DDI_PREFLIGHT=stop makes that list final.  DDI_USER=1
# (make port) also builds DIR/user/*.c into OUTDIR (ddi-port without -n).
. "$(dirname "$0")/lib.sh"

dir=${1:?usage: port.sh DIR KERNEL|KDIR OUTDIR}
name=${2:?usage: port.sh DIR KERNEL|KDIR OUTDIR}
outdir=${3:?usage: port.sh DIR KERNEL|KDIR OUTDIR}
[ -d "$dir" ] || die "port.sh: $dir is not a directory"

stale() {	# stale SYMVERS: not built, or older than the sources
	[ ! -s "$1" ] || [ -n "$(find "$TOP/ddi_compat" "$TOP/include" \
		"$TOP/VERSION" -newer "$1" -type f 2>/dev/null | head -1)" ]
}

debug=
case $name in
*/*)
	KDIR=$(cd "$name" && pwd) || die "port.sh: no kernel tree at $name"
	[ -f "$KDIR/Makefile" ] || die "port.sh: no kernel tree at $KDIR"
	KREL=$(make -s --no-print-directory -C "$KDIR" kernelrelease 2>/dev/null)
	[ -n "$KREL" ] || die "port.sh: cannot read the kernel release of $KDIR"
	base=$BUILD/kdir-$KREL-$(printf '%s' "$KDIR" | cksum | cut -d' ' -f1)
	src=$base/src
	symvers=$src/Module.symvers
	if stale "$symvers"; then
		say "building ddi_compat for $KDIR ($KREL)"
		mkdir -p "$src"
		link_tree "$src" "$TOP/Kbuild" "$TOP/VERSION" "$TOP/ddi_compat" \
			"$TOP/include" || exit 1
		make -C "$KDIR" M="$src" -j"$JOBS" modules 2>&1 |
			real_paths "$src" >"$base/build.log" ||
			{ cat "$base/build.log" >&2; die "ddi_compat build for $KDIR failed"; }
	fi
	label=$KDIR
	;;
*)
	eval "$("$TOP/scripts/kernel.sh" "$name")" || exit 1
	base=$BUILD/$name
	symvers=$base/src/Module.symvers
	if stale "$symvers"; then
		"$TOP/scripts/build.sh" "$name" >/dev/null || exit 1
	fi
	[ "$KIND" = debug ] && debug=-d
	label=$name
	;;
esac

dir=$(cd "$dir" && pwd)

# The porter's preflight, before any compiler runs: every Solaris 9F
# interface the driver uses that ddi_compat lacks, with its family.  The
# port then goes on to the compiler, which also shows what no table
# knows (kernel internals the driver reaches, headers); a failed build
# ends by repeating the list.  DDI_PREFLIGHT=stop stops before compiling
# when something is missing.
preflight=$("$TOP/scripts/preflight.py" -q "$dir")
prc=$?
[ $prc -gt 1 ] && say "preflight: could not scan $dir (see above); compiling"
if [ -n "$preflight" ]; then
	say "preflight: $dir uses Solaris interfaces ddi_compat lacks (name, family, first use):"
	printf '%s\n' "$preflight" | sed 's/^/    /' >&2
	[ "${DDI_PREFLIGHT:-}" = stop ] && [ $prc = 1 ] &&
		die "preflight: $(printf '%s\n' "$preflight" | grep -vc 'not 9F') missing; not compiling (DDI_PREFLIGHT=stop)"
	say "preflight: compiling anyway, for the compiler's view"
fi
preflight_note() {
	[ -n "$preflight" ] || return 0
	say "the preflight found $(printf '%s\n' "$preflight" | wc -l) Solaris interface(s) ddi_compat lacks:"
	printf '%s\n' "$preflight" | cut -f1,2 | sed 's/^/    /' >&2
}

key=$(basename "$dir")-$(printf '%s' "$dir" | cksum | cut -d' ' -f1)
werror= nouser=-n
[ "${DDI_WERROR:-0}" = 1 ] && werror=-e
[ "${DDI_USER:-0}" = 1 ] && nouser=
say "porting $dir for $label"
DDI_MODULES_DIR=${MODROOT:-} \
"$TOP/scripts/ddi-port" -k "$KDIR" -s "$symvers" -o "$outdir" \
	-w "$base/port/$key" $debug $werror $nouser "$dir" ||
	{ preflight_note; exit 1; }
