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
common=LOGGING_CONTINUATION,PREFER_PR_LEVEL
# Solaris-facing headers keep Solaris names and types:
#  NEW_TYPEDEFS          uint_t, kmutex_t, ddi_umem_cookie_t... are the API.
#  STRLCPY               strlcpy(9F) is a Solaris interface drivers call.
#  CAMELCASE             Solaris constant and member names.
#  SPACING, MACRO_WITH_FLOW_CONTROL  Solaris macro shapes (VERIFY, ...).
solaris=$common,NEW_TYPEDEFS,STRLCPY,CAMELCASE,MACRO_WITH_FLOW_CONTROL

files() { ls "$@" 2>/dev/null; }

case ${1:-} in
checkpatch)
	cp=$KDIR/scripts/checkpatch.pl
	rc=0
	own=$(files ddi_compat/*.[ch] include/ddi_compat/linux.h \
		include/ddi_compat/kcompat.h kunit/*.[ch] \
		bench/*.[ch] tests/selftest/*.c tests/prog/*.c)
	"$cp" --no-tree --terse --show-types --ignore "$common" -f $own || rc=1
	"$cp" --no-tree --terse --show-types --ignore "$solaris" \
		-f $(files include/sys/*.h include/ddi_compat/solaris_names.h) || rc=1
	exit $rc
	;;
sparse)
	apt_install sparse
	out=$("$TOP/scripts/build.sh" debug-6.12) || exit 1
	make -C "$KDIR" M="$out" C=2 DDI_DEBUG=y -j"$JOBS" modules \
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
