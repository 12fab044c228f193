#!/bin/bash
# SPDX-License-Identifier: GPL-2.0
# bench.sh [KERNEL]: make bench.  Runs the benchmarks in one guest of
# KERNEL (default stock-6.12: a production config without debug options)
# and writes build/bench/results.json, each case with its ratio to the
# baseline measured in the same run and the spread of the per-round ratio
# (ratio_min/med/max), prints the verdicts (scripts/bench-verdict.py:
# which cases miss their goal, which are noise) and draws
# build/bench/{rmap,blk,devmap}.png.
#
# Narrower or repeated runs, from the environment:
#   BENCH_ONLY=kmem,umem,blk,...  only those cases (in-kernel case names
#                                 kmem rmap umem svc callout; scripts
#                                 tests/bench/<name>_bench.sh)
#   BENCH_RUNS=N                  N guest runs in a row (default 1): the
#                                 verdicts of each are checked against
#                                 the others (and the last make bench's)
#   BLK_REPS, BLK_RUNTIME, BLK_MIB, BLK_BRIDGES  the block bench's
#                                 (tests/bench/blk_bench.sh)
#   EDU_BENCH_CASES="edu_get32 ..."  the edu bench's cases
#                                 (tests/bench/edu_bench.c)
#   BENCH_EXTRA=DIR, BENCH_VARS="NAME..."  an experiment: DIR copied over
#                                 the guest's /ddi, the variables NAME
#                                 passed to it
. "$(dirname "$0")/lib.sh"

k=${1:-stock-6.12}
prepare "$k"
dir=$BUILD/bench
mkdir -p "$dir"
rm -rf "$dir/env"
mkdir -p "$dir/env/bin"
# The edu cases (tests/bench/edu_bench.sh): the Solaris bench driver,
# built through the porter's path beside the sample drivers, its user
# program, and two edu devices in the guest.
DDI_WERROR=1 "$TOP/scripts/port.sh" "$TOP/tests/bench/edubench" "$k" \
	"$BUILD/$k/drivers" >/dev/null || die "cannot build tests/bench/edubench"
gcc -static -O2 -Wall -Wextra -Werror -I"$TOP/tests/bench" \
	-o "$dir/env/bin/edu_bench" "$TOP/tests/bench/edu_bench.c" ||
	die "cannot build tests/bench/edu_bench.c"
DDI_QEMU_ARGS="${DDI_QEMU_ARGS:-} $(qemu_args "$TOP/tests/bench/edubench")"
export DDI_QEMU_ARGS
for v in BENCH_ONLY BLK_REPS BLK_RUNTIME BLK_MIB BLK_BRIDGES BLK_RAMP \
    EDU_BENCH_CASES $BENCH_VARS; do
	eval "x=\${$v:-}"
	[ -n "$x" ] && echo "export $v='$x'"
done >"$dir/env/bench.env"
# An experiment's own files over /ddi (e.g. bench/<name>_bench.sh).
[ -n "${BENCH_EXTRA:-}" ] && cp -a "$BENCH_EXTRA/." "$dir/env/"
"$TOP/scripts/initramfs.sh" "$k" bench "$dir/bench.cpio.gz" "$dir/env" ||
	exit 1
# The last make bench's results, for the verdicts' comparison.
prev=()
[ -f "$dir/results.json" ] && mv "$dir/results.json" "$dir/results.prev.json"
[ -f "$dir/results.prev.json" ] && prev=("$dir/results.prev.json")
runs=${BENCH_RUNS:-1}
run=1
while [ $run -le "$runs" ]; do
say "running the benchmarks on $k (run $run of $runs)"
"$TOP/scripts/guest.sh" "$k" "$dir/bench.cpio.gz" "$dir/guest" bench 3000
python3 - "$dir/guest/results.log" "$dir/results.json" "$k" <<'PY' || exit 1
import json, re, sys
# The results channel is KTAP: rows are diagnostic lines "# bench: {json}"
# (indented under the bench script that printed them).
BENCH = re.compile(r'^\s*# bench: (\{.*\})\s*$')
rows = []
ok = False
for line in open(sys.argv[1], errors='replace'):
    m = BENCH.match(line)
    line = line.strip()
    if m:
        r = json.loads(m.group(1))
        r['ratio'] = round(r['value'] / r['baseline_value'], 4) \
            if r['baseline_value'] else None
        r['kernel'] = sys.argv[3]
        rows.append(r)
    elif line == '# guest exit status: 0':
        ok = True
json.dump(rows, open(sys.argv[2], 'w'), indent=1)
w = max([len(r['name']) for r in rows] + [4])
for r in rows:
    print('%-*s %12.3f %-6s vs %-28s %12.3f  ratio %.3f' % (
        w, r['name'], r['value'], r['unit'], r['baseline'],
        r['baseline_value'], r['ratio'] or 0))
print('%d results in %s' % (len(rows), sys.argv[2]))
sys.exit(0 if ok and rows else 1)
PY
cp "$dir/guest/results.log" "$dir/results-run$run.log"
echo
python3 "$TOP/scripts/bench-verdict.py" "$dir/results.json" "${prev[@]}"
# This run is an earlier one for the next.
cp "$dir/results.json" "$dir/results-run$run.json"
prev=("${prev[@]}" "$dir/results-run$run.json")
run=$((run + 1))
done

# The pictures (scripts/bench-plots.py): the resource map against its
# peers, the RAM disk against brd, the devmap curve.
apt_install python3-matplotlib >/dev/null ||
	die "cannot install python3-matplotlib for the plots"
# Debian's python3, which has the package (PATH may lead elsewhere).
/usr/bin/python3 "$TOP/scripts/bench-plots.py" "$dir/results.json" "$dir"
