#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The block bench (tests/bench/blk_bench.sh) in detail.

blk-bench-report.py [build/bench/guest/results.log]

make bench keeps only the medians in build/bench/results.json.  This reads
every run the guest logged (the KTAP diagnostic lines "# blk_bench: CASE
A|M|B DEV iops=.. bw_kib=.. lat_us=..") and prints, per case and per
bridge of the RAM disk (A: bio-based, M: blk-mq) against brd (B): median,
spread (min..max, as a share of the median), the mean completion
latency, the ratio of the medians, the per-round ratios (min/max) and
whether it meets the issue's goal (1.0x brd; stretch 1.2x).  When the
per-round ratios fall on both sides of 1.0 the ratio is noise, not a
result.
"""
import re
import statistics
import sys

LINE = re.compile(r'^#\s*blk_bench: (\S+) ([ABM]) (\S+) iops=(\d+) '
                  r'bw_kib=(\d+) lat_us=([\d.]+)')


def main():
    path = sys.argv[1] if len(sys.argv) > 1 else 'build/bench/guest/results.log'
    runs = {}
    order = []
    for line in open(path, errors='replace'):
        m = LINE.match(line.strip())
        if not m:
            continue
        case, which, dev = m.group(1), m.group(2), m.group(3)
        iops, bw, lat = int(m.group(4)), int(m.group(5)), float(m.group(6))
        value = iops if '4k' in case else bw / 1024.0
        if case not in runs:
            runs[case] = {'A': [], 'M': [], 'B': []}
            order.append(case)
        runs[case][which].append((value, lat, dev))
    if not runs:
        print('no blk_bench lines in %s' % path)
        return 1
    print('%-32s %-6s %12s %12s %8s %8s %10s %10s  %6s %13s' % (
        'case', 'unit', 'X median', 'B median', 'X sprd', 'B sprd',
        'X lat us', 'B lat us', 'X/B', 'rounds min-max'))
    for case in order:
        unit = 'IOPS' if '4k' in case else 'MiB/s'
        for x in 'AM':
            if not runs[case][x]:
                continue
            cols = []
            for w in (x, 'B'):
                vals = [v for v, _, _ in runs[case][w]]
                lats = [lt for _, lt, _ in runs[case][w]]
                if not vals:
                    cols.append((0, 0, 0))
                    continue
                med = statistics.median(vals)
                spread = (max(vals) - min(vals)) / med if med else 0
                cols.append((med, spread, statistics.median(lats)))
            (a, sa, la), (b, sb, lb) = cols
            ratio = a / b if b else 0
            per = [va / vb for (va, _, _), (vb, _, _) in
                   zip(runs[case][x], runs[case]['B']) if vb]
            lo, hi = (min(per), max(per)) if per else (0, 0)
            goal = 'stretch' if ratio >= 1.2 else 'goal' if ratio >= 1.0 \
                else 'BELOW'
            if per and (lo >= 1.0) != (hi >= 1.0):
                goal = 'noise'
            print('%-32s %-6s %12.1f %12.1f %7.0f%% %7.0f%% %10.1f %10.1f  %6.3f %6.3f-%-6.3f %s' % (
                case + ('' if x == 'A' else ' (mq)'), unit, a, b, 100 * sa,
                100 * sb, la, lb, ratio, lo, hi, goal))
    devs = {w: sorted({d for c in runs for _, _, d in runs[c][w]})
            for w in 'AMB'}
    print('X = A (bio-based) %s or M (blk-mq) %s; B = %s' % (
        ' '.join(devs['A']), ' '.join(devs['M']), ' '.join(devs['B'])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
