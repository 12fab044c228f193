#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""make bench's verdicts: which cases meet their goal, which miss it, and
which cannot tell (noise).

bench-verdict.py RESULTS.json [EARLIER.json ...]

Every row of RESULTS.json (scripts/bench.sh) has its ratio (value /
baseline, from the medians) and, where the case measured it, the spread
of the per-round ratio (ratio_min, ratio_med, ratio_max).  A case with a
goal (GOALS, issue 15) is:
  pass   its ratio meets the goal and so does every round;
  MISS   its ratio misses the goal and so does every round;
  noise  the rounds fall on both sides of the goal (the spread straddles
         it), or an earlier run (EARLIER.json: the runs before this one in
         the same make bench, and the last make bench) gave the other
         verdict.
A case without a goal is flagged "worse" when its ratio moved the wrong
way since the last run by more than the two runs' spreads allow.
"""
import json
import re
import sys

# (pattern, 'min' (ratio at least) or 'max' (at most), goal).  The block
# cases are throughput (above 1 is better), the others time (below 1).
GOALS = [
    (r'^blk:ramdisk(-mq)?:', 'min', 1.0),
    (r'^umem_mmap_touch_(contig_)?\d+p$', 'max', 1.0),
    (r'^kmem_alloc_free_', 'max', 1.05),
    # Issue 12's services.  The AVL goal is against the rbtree calling
    # the same comparison function through a pointer: avl_create(9F)
    # takes the comparison as a function, so the cases against the
    # rbtree with an inlined comparison measure that call per level
    # (README, make bench), not the tree.
    (r'^avl_(find|add_remove)_1024_vs_rbtree_cmp_call$', 'max', 1.2),
    (r'^(id_alloc_free|vmem_alloc_free_id)_vs_ida$', 'max', 1.2),
    # The edu cases against the native driver (issues 13 and 14).
    (r'^edu_intr_roundtrip$', 'max', 1.1),
    (r'^edu_(get|put)32$', 'max', 1.05),
    (r'^edu_dma_bind_sync_', 'max', 1.1),
    (r'^edu_dma_mem_alloc_', 'max', 1.1),
    # issue 12
    (r'^ddi_taskq_dispatch_roundtrip$', 'max', 1.2),
    (r'^timeout_untimeout$', 'max', 1.2),
    (r'^ddi_intr_trigger_softint_roundtrip$', 'max', 1.2),
]
HIGHER_BETTER = ('MiB/s', 'MB/s', 'IOPS', 'ops/s')


def goal_of(name):
    for pat, kind, g in GOALS:
        if re.search(pat, name):
            return kind, g
    return None


def meets(kind, g, r):
    return r >= g if kind == 'min' else r <= g


def verdict(row):
    """pass, MISS or noise for a row with a goal; None without one."""
    goal = goal_of(row['name'])
    r = row.get('ratio')
    if not goal or r is None:
        return None
    kind, g = goal
    ok = meets(kind, g, r)
    lo, hi = row.get('ratio_min'), row.get('ratio_max')
    if lo and hi and meets(kind, g, lo) != meets(kind, g, hi):
        return 'noise'
    return 'pass' if ok else 'MISS'


def half_spread(row):
    lo, hi = row.get('ratio_min'), row.get('ratio_max')
    return (hi - lo) / 2 if lo and hi else 0


def main():
    rows = json.load(open(sys.argv[1]))
    earlier = []
    for path in sys.argv[2:]:
        try:
            earlier.append({r['name']: r for r in json.load(open(path))})
        except (OSError, ValueError):
            pass
    w = max([len(r['name']) for r in rows] + [4])
    print('%-*s %8s  %-23s %-8s %s' % (w, 'case', 'ratio',
                                       'per round min/med/max', 'goal',
                                       'verdict'))
    missed, noisy, worse = [], [], []
    for row in rows:
        name, r = row['name'], row.get('ratio')
        v = verdict(row)
        note = ''
        goal = goal_of(name)
        if v in ('pass', 'MISS'):
            others = [verdict(e[name]) for e in earlier if name in e]
            if any(o in ('pass', 'MISS') and o != v for o in others):
                note = ' (an earlier run said %s)' % \
                    ('MISS' if v == 'pass' else 'pass')
                v = 'noise'
        if v is None and earlier and name in earlier[-1] and r:
            prev = earlier[-1][name]
            pr = prev.get('ratio')
            if pr:
                up = row.get('unit') in HIGHER_BETTER
                delta = (pr - r) if up else (r - pr)
                if delta > half_spread(row) + half_spread(prev) + 0.02:
                    v = 'worse'
                    note = ' (last run %.3f)' % pr
        if row.get('ratio_max'):
            sp = '%.3f/%.3f/%.3f' % (row['ratio_min'], row['ratio_med'],
                                     row['ratio_max'])
        else:
            sp = '-'
        g = '%s %.2f' % ('>=' if goal[0] == 'min' else '<=', goal[1]) \
            if goal else ''
        print('%-*s %8.3f  %-23s %-8s %s%s' % (w, name, r or 0, sp, g,
                                               v or '', note))
        if v == 'MISS':
            missed.append(name)
        elif v == 'noise':
            noisy.append('%s %s' % (name, sp))
        elif v == 'worse':
            worse.append(name)
    print()
    print('%d cases miss their goal%s' % (
        len(missed), (': ' + ' '.join(missed)) if missed else ''))
    if noisy:
        print('%d cases are noise (the rounds, or the runs, disagree):' %
              len(noisy))
        for n in noisy:
            print('  ' + n)
    if worse:
        print('worse than the last run beyond the spread: ' + ' '.join(worse))
    return 0


if __name__ == '__main__':
    sys.exit(main())
