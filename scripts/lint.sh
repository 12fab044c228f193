#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lint.sh checkpatch|sparse|names: the static checks of make check.
#   checkpatch  scripts/checkpatch.pl (from the debug-6.12 kernel source)
#               over the project's own C; any error or warning fails.
#   sparse      make C=2 over every module source, against debug-6.12.
#   names [DIR] every identifier in DIR's ddi_compat/ and include/ (DIR:
#               this tree) under a Solaris prefix is a Solaris interface
#               (scripts/solaris/names.txt, or column 1 of 9[efs].tsv) or a
#               Linux one ddi_compat does not define; ddi_compat's own
#               names take the ddic_ prefix.  Fails naming file:line.
# The sample drivers under drivers/ are Solaris sources in Solaris style
# and are not checked against Linux style.
. "$(dirname "$0")/lib.sh"

eval "$("$TOP/scripts/kernel.sh" debug-6.12)" || exit 1
cd "$TOP" || exit 1

# Checks that do not apply, each for a stated reason:
#  LOGGING_CONTINUATION  cmn_err(CE_CONT) is a continuation by definition.
#  PREFER_PR_LEVEL       log-only cmn_err messages must be printk(KERN_DEBUG);
#                        pr_debug() compiles to nothing.
#  USE_NEGATIVE_ERRNO    Solaris entry points and DDI services return
#                        positive errno values; that is the interface.
common=LOGGING_CONTINUATION,PREFER_PR_LEVEL,USE_NEGATIVE_ERRNO
# Solaris-facing headers keep Solaris names and types:
#  NEW_TYPEDEFS          uint_t, kmutex_t, ddi_umem_cookie_t... are the API.
#  STRLCPY               strlcpy(9F) is a Solaris interface drivers call.
#  CAMELCASE             Solaris constant and member names.
#  SPACING, MACRO_WITH_FLOW_CONTROL  Solaris macro shapes (VERIFY, ...).
solaris=$common,NEW_TYPEDEFS,STRLCPY,CAMELCASE,MACRO_WITH_FLOW_CONTROL

files() { ls "$@" 2>/dev/null; }

# Single findings that are right as they are: FILE TYPE, and why.
exceptions='
ddi_compat/devinfo.h CONST_STRUCT
include/ddi_compat/nodev.h FUNCTION_WITHOUT_ARGS
include/ddi_compat/kcompat.h LINUX_VERSION_CODE
include/ddi_compat/kcompat.h CONSTANT_COMPARISON
include/ddi_compat/testing.h EXPORT_SYMBOL
tests/prog/umem_test.c VOLATILE
tests/prog/umem_test.c ENOSYS
tests/prog/umem_bench.c ARRAY_SIZE
tests/prog/umem_bench.c VOLATILE
tests/prog/ddic_fuzz.c VOLATILE
tests/prog/ddic_fuzz.c ENOSYS
tests/prog/ddic_fuzz.c ARRAY_SIZE
tests/prog/failnth.c VOLATILE
tests/prog/failnth.c ARRAY_SIZE
tests/prog/dmaccess.c VOLATILE
include/sys/atomic.h VOLATILE
include/sys/note.h MACRO_ARG_UNUSED
'
# devinfo.h CONST_STRUCT: each driver has its own file_operations copy
# whose .owner is that driver's module, so it cannot be const.
# nodev.h FUNCTION_WITHOUT_ARGS: nodev()/nulldev() are declared without a
# prototype on purpose, as on Solaris, to fit every entry point.
# kcompat.h LINUX_VERSION_CODE, CONSTANT_COMPARISON: the one version test
# (6.13's string-literal symbol namespaces), where the headers define
# nothing a probe could tell apart.  testing.h EXPORT_SYMBOL: the
# definition of DDIC_EXPORT_TESTING(), not an export.
# atomic.h VOLATILE: atomic_ops(9F) take volatile pointers; that is the
# interface.  note.h MACRO_ARG_UNUSED: NOTE()/_NOTE() generate no code,
# by definition.
# tests/prog/*: user-space programs.  volatile is right for memory another
# process or the kernel changes under a mapping; ENOSYS is tested because
# it is exactly "no such syscall" (madvise on kernels without it); there
# is no ARRAY_SIZE in user space.

# checkpatch_run IGNORE FILES...: findings not excepted above.
checkpatch_run() {
	local ignore=$1; shift
	"$KDIR/scripts/checkpatch.pl" --no-tree --terse --show-types \
		--ignore "$ignore" -f "$@" | grep -E '^[^ ]+:[0-9]+: ' |
	while IFS= read -r line; do
		file=${line%%:*}
		type=$(echo "$line" | sed -n 's/^[^ ]* [A-Z]*:\([A-Z_]*\):.*/\1/p')
		grep -qxF "$file $type" <<<"$exceptions" || echo "$line"
	done
}

case ${1:-} in
checkpatch)
	own=$(files ddi_compat/*.[ch] include/ddi_compat/linux.h \
		include/ddi_compat/kcompat.h include/ddi_compat/glue.h \
		include/ddi_compat/testing.h include/ddi_compat/probes/*.c \
		include/ddi_compat/nodev.h kunit/*.[ch] \
		bench/*.[ch] tests/selftest/*.c tests/prog/*.[ch] \
		scripts/guest/*.c scripts/ddic-cmd.c libc/*.[ch])
	found=$( (checkpatch_run "$common" $own
		  checkpatch_run "$solaris" $(files include/sys/*.h \
			include/uapi/sys/*.h \
			include/ddi_compat/solaris_names.h)) )
	if [ -n "$found" ]; then
		echo "$found"
		exit 1
	fi
	echo "checkpatch: clean ($(echo $own | wc -w) project files, Solaris headers)"
	;;
sparse)
	apt_install sparse
	# build.sh with C=2, under its lock and with its flags: a make with
	# other flags compiled the whole module a second time (5 min in make
	# check beside a guest).
	DDIC_SPARSE=1 "$TOP/scripts/build.sh" debug-6.12 >/dev/null || exit 1
	echo "sparse: clean"
	;;
names)
	root=${2:-$TOP}
	cd "$root" || exit 1
	# The Solaris prefixes (the brief's list), lower and upper case.
	pre='ddi_|devmap_|kmem_|umem_|rm|cv_|mutex_|rw_|list_|avl_|id_|vmem_'
	pre="$pre|kstat_|taskq_|atomic_|sema_|pci_"
	pre="$pre|${pre^^}"
	# Linux's names under those prefixes: what the kernel headers spell.
	grep -rhoE "\b($pre)[A-Za-z0-9_]*" --include='*.h' "$KDIR/include" \
		"$KDIR/arch/x86/include" | sort -u >"$BUILD/linux-names.txt"
	sol=$TOP/scripts/solaris
	PRE=$pre perl - "$sol/names.txt" "$sol/9f.tsv" "$sol/9e.tsv" \
		"$sol/9s.tsv" "$BUILD/linux-names.txt" $(files ddi_compat/*.[ch] \
		include/*/*.h include/*.h) <<'PERL'
use strict;
my ($names, $f9, $e9, $s9, $linux, @files) = @ARGV;
my (%sol, %lnx);
for ([$names, \%sol], [$f9, \%sol], [$e9, \%sol], [$s9, \%sol],
     [$linux, \%lnx]) {
	my ($f, $h) = @$_;
	open my $fh, '<', $f or next;
	while (<$fh>) {
		s/#.*//;
		my ($n) = split /\t|\s+/, (s/^\s+//r);
		$h->{$n} = 1 if defined $n && $n =~ /^\w+$/;
	}
}
my $pre = qr/^(?:$ENV{PRE})/;
my (%uses, %defs);
for my $f (@files) {
	open my $fh, '<', $f or die "$f: $!";
	local $/; my $s = <$fh>;
	# #include paths, comments and string/char literals out, line
	# breaks kept
	$s =~ s{^(\s*#\s*include\s*)<[^>\n]*>}{$1}gm;
	$s =~ s{(/\*.*?\*/|//[^\n]*|"(?:\\.|[^"\\\n])*"|'(?:\\.|[^'\\\n])*')}{
		my $m = $1; ($m =~ m{^/} ? ' ' : '""') . ("\n" x ($m =~ tr/\n//)) }gse;
	my $ln = 0;
	for my $line (split /\n/, $s, -1) {
		$ln++;
		# a definition: a #define, or a name before '(' / '{' / ';' / '='
		# / '[' at file scope, or after struct/enum/union
		$defs{$1} = 1 while $line =~ /^\s*#\s*define\s+(\w+)/g;
		$defs{$1} = 1 while $line =~ /\b(?:struct|enum|union)\s+(\w+)\s*\{/g;
		# (an upper-case name before "(" is a macro call, not a definition)
		while ($line =~ /^(?:[A-Za-z_][\w\s\*]*?[\s\*])(\w+)\s*(?:\(|\[|=|;)/g) {
			$defs{$1} = 1 if $1 =~ /[a-z]/;
		}
		while ($line =~ /\b([A-Za-z_]\w*)\b/g) {
			my $n = $1;
			next unless $n =~ $pre;
			next if $sol{$n} || $n =~ /^ddi_compat/;
			push @{$uses{$n}}, "$f:$ln";
		}
	}
}
my $bad = 0;
for my $n (sort keys %uses) {
	next if $lnx{$n} && !$defs{$n};
	$bad++;
	print "$_: $n: under a Solaris prefix, not a Solaris interface",
		" (scripts/solaris/names.txt); ddi_compat's own names take ddic_\n"
		for @{$uses{$n}};
}
exit($bad ? 1 : 0);
PERL
	rc=$?
	[ $rc = 0 ] && echo "names: clean (ddi_compat/ and include/)"
	exit $rc
	;;
*)
	die "usage: lint.sh checkpatch|sparse|names [DIR]"
	;;
esac
