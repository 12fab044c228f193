#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Draw make bench's results: bench-plots.py RESULTS.json OUTDIR

Three pictures, each from the cases of one run (ratios are against a
baseline measured in the same guest):
  rmap.png    rmalloc+rmfree cost against the number of free segments,
              beside the classic sorted array, gen_pool and the maple tree
  blk.png     the RAM disk's fio throughput as a ratio of brd's
  devmap.png  mmap + first touch through devmap against vm_insert_pages
              and a fault per page, by mapping size
A picture whose cases are missing from the run is not drawn.
"""
import json
import re
import sys

import matplotlib
matplotlib.use('Agg')
import matplotlib.pyplot as plt  # noqa: E402


def series(rows, pattern):
    """{key: row} for the rows whose name matches pattern (group 1 = key)."""
    out = {}
    for r in rows:
        m = re.fullmatch(pattern, r['name'])
        if m:
            out[int(m.group(1)) if m.group(1).isdigit() else m.group(1)] = r
    return out


def rmap(rows, path):
    peers = {p: series(rows, r'rmap_pair_(\d+)seg_vs_%s' % p)
             for p in ('classic', 'genpool', 'maple')}
    if not any(peers.values()):
        return False
    fig, ax = plt.subplots(figsize=(7, 4.5))
    ours = {}
    for s in peers.values():
        for n, r in s.items():
            ours.setdefault(n, r['value'])
    xs = sorted(ours)
    ax.plot(xs, [ours[x] for x in xs], 'o-', lw=2, label='rmalloc+rmfree (ddi_compat)')
    names = {'classic': 'classic sorted array', 'genpool': 'gen_pool',
             'maple': 'maple tree'}
    for p, s in peers.items():
        if s:
            xs = sorted(s)
            ax.plot(xs, [s[x]['baseline_value'] for x in xs], 's--',
                    label=names[p])
    ax.set_xscale('log')
    ax.set_yscale('log')
    ax.set_xlabel('free segments in the map')
    ax.set_ylabel('ns per allocate + free')
    ax.set_title('Resource map cost against fragmentation')
    ax.grid(True, which='both', alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def blk(rows, path):
    s = series(rows, r'blk:ramdisk:(.+)')
    if not s:
        return False
    keys = list(s)
    fig, ax = plt.subplots(figsize=(8, 4.5))
    ratios = [s[k]['ratio'] or 0 for k in keys]
    bars = ax.barh(range(len(keys)), ratios,
                   color=['tab:green' if r >= 1 else 'tab:red' for r in ratios])
    ax.set_yticks(range(len(keys)))
    ax.set_yticklabels(keys)
    ax.axvline(1.0, color='black', lw=1)
    ax.axvline(1.2, color='grey', lw=1, ls=':')
    for b, r in zip(bars, ratios):
        ax.text(b.get_width() + 0.01, b.get_y() + b.get_height() / 2,
                '%.2f' % r, va='center')
    ax.set_xlabel('RAM disk throughput / brd throughput (above 1 is faster; goal 1.0, stretch 1.2)')
    ax.set_title('Block: the sample RAM disk against brd (fio, direct I/O)')
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def devmap(rows, path):
    ins = series(rows, r'umem_mmap_touch_(\d+)p')
    flt = series(rows, r'umem_mmap_touch_(\d+)p_vs_fault')
    if not ins:
        return False
    fig, ax = plt.subplots(figsize=(7, 4.5))
    xs = sorted(ins)
    ax.plot(xs, [ins[x]['value'] for x in xs], 'o-', lw=2,
            label='devmap (ddi_compat)')
    ax.plot(xs, [ins[x]['baseline_value'] for x in xs], 's--',
            label=ins[xs[0]]['baseline'])
    if flt:
        fx = sorted(flt)
        ax.plot(fx, [flt[x]['baseline_value'] for x in fx], '^--',
                label=flt[fx[0]]['baseline'])
    ax.set_xscale('log')
    ax.set_yscale('log')
    ax.set_xlabel('pages mapped and touched')
    ax.set_ylabel(ins[xs[0]]['unit'] + ' per mapping')
    ax.set_title('mmap + first touch through devmap and its peers')
    ax.grid(True, which='both', alpha=0.3)
    ax.legend()
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)
    return True


def main():
    rows = json.load(open(sys.argv[1]))
    out = sys.argv[2]
    for name, fn in (('rmap', rmap), ('blk', blk), ('devmap', devmap)):
        path = '%s/%s.png' % (out, name)
        if fn(rows, path):
            print('plot: %s' % path)
        else:
            print('plot: no %s cases in this run' % name)


if __name__ == '__main__':
    main()
