#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# run.sh: the make check row for the porter's preflight.
#  1. On tests/preflight/missing (a Solaris-style driver that calls exactly
#     four interfaces ddi_compat lacks, plus provided ones, and names more
#     in comments, strings, members and its own functions) the preflight
#     must fail and list exactly the names in missing.expected.
#  2. On every sample driver under drivers/ (which build) it must pass
#     and print nothing, not even a "not 9F" line.
top=$(cd "$(dirname "$0")/../.." && pwd)
here=$top/tests/preflight
fail=0

out=$("$top/scripts/preflight.py" -q "$here/missing")
rc=$?
if [ $rc != 1 ]; then
	echo "FAIL: preflight on tests/preflight/missing exited $rc, expected 1"
	fail=1
fi
if ! diff -u "$here/missing.expected" <(printf '%s\n' "$out" | cut -f1,2); then
	echo "FAIL: preflight listed other names than tests/preflight/missing.expected"
	fail=1
fi
for d in "$top"/drivers/*/; do
	extra=$("$top/scripts/preflight.py" -q "$d")
	if [ $? != 0 ] || [ -n "$extra" ]; then
		echo "FAIL: preflight reports names for ${d#"$top"/}, which builds:"
		echo "$extra"
		fail=1
	fi
done
# 3. What counts as provided (scripts/solaris/supply.py), on a small tree
#    of its own: macros and inlines over exported, unexported and missing
#    names, declarations without a definition, Linux's string functions.
sup=$here/supply
if ! diff -u "$sup/expected" <("$top/scripts/solaris/supply.py" "$sup" \
		$(cut -f1 "$sup/expected")); then
	echo "FAIL: supply.py judged tests/preflight/supply otherwise than its expected file"
	fail=1
fi
[ $fail = 0 ] && echo "preflight: fixture lists exactly $(wc -l <"$here/missing.expected") missing names; sample drivers clean; supply judged $(wc -l <"$sup/expected") names right"
exit $fail
