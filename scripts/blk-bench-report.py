#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The block bench (tests/bench/blk_bench.sh) in detail.

blk-bench-report.py [build/bench/guest/results.log]

make bench keeps only the medians in build/bench/results.json.  This reads
every run the guest logged (the KTAP diagnostic lines "# blk_bench: CASE
A|B DEV iops=.. bw_kib=.. lat_us=..") and prints, per case, the measured disk (A: the ramdisk) and
brd (B): median, spread (min..max, as a share of the median), the mean
completion latency, the ratio A/B and whether it meets the issue's goal
(1.0x brd; stretch 1.2x).  A spread as wide as the distance from 1.0 means
the ratio is noise, not a result.
"""
import re
import statistics
import sys

LINE = re.compile(r'^#\s*blk_bench: (\S+) ([AB]) (\S+) iops=(\d+) '
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
            runs[case] = {'A': [], 'B': []}
            order.append(case)
        runs[case][which].append((value, lat, dev))
    if not runs:
        print('no blk_bench lines in %s' % path)
        return 1
    print('%-30s %-6s %12s %12s %8s %8s %10s %10s  %6s' % (
        'case', 'unit', 'A median', 'B median', 'A sprd', 'B sprd',
        'A lat us', 'B lat us', 'A/B'))
    for case in order:
        unit = 'IOPS' if '4k' in case else 'MiB/s'
        cols = []
        for w in 'AB':
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
        goal = 'stretch' if ratio >= 1.2 else 'goal' if ratio >= 1.0 else 'BELOW'
        print('%-30s %-6s %12.1f %12.1f %7.0f%% %7.0f%% %10.1f %10.1f  %6.3f %s' % (
            case, unit, a, b, 100 * sa, 100 * sb, la, lb, ratio, goal))
    devs = {w: sorted({d for c in runs for _, _, d in runs[c][w]}) for w in 'AB'}
    print('A = %s, B = %s' % (' '.join(devs['A']), ' '.join(devs['B'])))
    return 0


if __name__ == '__main__':
    sys.exit(main())
