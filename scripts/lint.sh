#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# lint.sh checkpatch|sparse: the static checks of make check.
#   checkpatch  scripts/checkpatch.pl (from the debug-6.12 kernel source)
#               over the project's own C; any error or warning fails.
#   sparse      make C=2 over every module source, against debug-6.12.
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
tests/prog/umem_test.c VOLATILE
tests/prog/umem_test.c ENOSYS
tests/prog/umem_bench.c ARRAY_SIZE
tests/prog/umem_bench.c VOLATILE
scripts/guest/noshm.c ENOSYS
include/sys/atomic.h VOLATILE
include/sys/note.h MACRO_ARG_UNUSED
'
# devinfo.h CONST_STRUCT: each driver has its own file_operations copy
# whose .owner is that driver's module, so it cannot be const.
# nodev.h FUNCTION_WITHOUT_ARGS: nodev()/nulldev() are declared without a
# prototype on purpose, as on Solaris, to fit every entry point.
# atomic.h VOLATILE: atomic_ops(9F) take volatile pointers; that is the
# interface.  note.h MACRO_ARG_UNUSED: NOTE()/_NOTE() generate no code,
# by definition.
# tests/prog/*: user-space programs.  volatile is right for memory another
# process or the kernel changes under a mapping; ENOSYS is tested because
# it is exactly "no such syscall" (madvise on kernels without it); there
# is no ARRAY_SIZE in user space.  scripts/guest/noshm.c tests ENOSYS from
# shmget(2) for the same reason: a kernel built without System V IPC.

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
		include/ddi_compat/nodev.h kunit/*.[ch] \
		bench/*.[ch] tests/selftest/*.c tests/prog/*.c \
		scripts/guest/*.c)
	found=$( (checkpatch_run "$common" $own
		  checkpatch_run "$solaris" $(files include/sys/*.h \
			include/ddi_compat/solaris_names.h)) )
	if [ -n "$found" ]; then
		echo "$found"
		exit 1
	fi
	echo "checkpatch: clean ($(echo $own | wc -w) project files, Solaris headers)"
	;;
sparse)
	apt_install sparse
	out=$("$TOP/scripts/build.sh" debug-6.12) || exit 1
	make -C "$KDIR" M="$out" C=2 DDIC_DEBUG=y -j"$JOBS" modules \
		>"$BUILD/sparse.log" 2>&1 || { cat "$BUILD/sparse.log"; exit 1; }
	if grep -E '(warning|error):' "$BUILD/sparse.log"; then
		exit 1
	fi
	echo "sparse: clean"
	;;
*)
	die "usage: lint.sh checkpatch|sparse"
	;;
esac
