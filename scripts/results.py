#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn one guest boot's logs into pass/fail rows.

results.py --kernel K --boot B --dir D [--expect REGEX] --tsv FILE

Reads D/results.log (the guest's ttyS1: @@TEST lines, KUnit results
between @@KTAP-BEGIN/@@KTAP-END, kmemleak's report) and D/console.log (the
kernel console), and appends one row per test to FILE:
    pass|fail <TAB> K:name <TAB> detail
Every KUnit case is a row; every guest test is a row; the boot itself is a
row that fails if the guest hung, panicked, printed a splat or leaked.
A KUnit case that was skipped counts as failed: nothing here may be skipped.
"""
import argparse
import re
import sys

SPLATS = [
    r'-{12}\[ cut here \]-{12}',
    r'WARNING: CPU: \d+ PID: \d+',
    r'\bBUG: ',
    r'\bKASAN: ',
    r'\bUBSAN: ',
    r'Kernel panic',
    r'\bOops\b',
    r'general protection fault',
    r'WARNING: possible (circular|recursive) locking',
    r'WARNING: (inconsistent lock state|suspicious RCU usage|'
    r'bad unlock balance|held lock freed|lock held when returning)',
    r'sleeping function called from invalid context',
    r'unreferenced object 0x',
    r'kmemleak: \d+ new suspected memory leaks',
    r'INFO: task .* blocked for more than',
    r'(soft|hard) lockup',
    r'rcu: INFO: rcu_\w+ detected stalls',
    r'refcount_t: ',
    r'list_(add|del) corruption',
    r'Call Trace:',
]
SPLAT_RE = re.compile('|'.join('(?:%s)' % s for s in SPLATS))
CASE_RE = re.compile(r'^(\s+)(not ok|ok) \d+ (\S+)(.*)$')


def read(path):
    try:
        with open(path, errors='replace') as f:
            return f.read().replace('\r', '')
    except OSError:
        return ''


def parse_ktap(suite, lines):
    """Rows for the cases of one suite's KTAP (debugfs results file)."""
    cases = [CASE_RE.match(l) for l in lines]
    cases = [m for m in cases if m]
    if not cases:
        return [('fail', 'kunit:%s' % suite, 'suite printed no results')]
    indent = min(len(m.group(1)) for m in cases)
    rows = []
    for m in cases:
        if len(m.group(1)) != indent:
            continue            # parameters of a case; the case line sums them
        name = 'kunit:%s.%s' % (suite, m.group(3))
        rest = m.group(4)
        if re.search(r'#\s*SKIP', rest, re.I):
            rows.append(('fail', name, 'skipped' + rest))
        elif m.group(2) == 'ok':
            rows.append(('pass', name, ''))
        else:
            rows.append(('fail', name, 'failed'))
    return rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kernel', required=True)
    ap.add_argument('--boot', required=True)
    ap.add_argument('--dir', required=True)
    ap.add_argument('--expect')
    ap.add_argument('--tsv', required=True)
    a = ap.parse_args()

    res = read(a.dir + '/results.log').split('\n')
    console = read(a.dir + '/console.log')
    qemu_rc = read(a.dir + '/qemu-rc').strip()
    rows = []
    exit_code = None
    leaks = []
    i = 0
    while i < len(res):
        line = res[i]
        if line.startswith('@@KTAP-BEGIN '):
            suite = line.split()[1]
            body = []
            i += 1
            while i < len(res) and not res[i].startswith('@@KTAP-END'):
                body.append(res[i])
                i += 1
            rows += parse_ktap(suite, body)
        elif line.startswith('@@KMEMLEAK-BEGIN'):
            i += 1
            while i < len(res) and not res[i].startswith('@@KMEMLEAK-END'):
                if res[i].strip():
                    leaks.append(res[i])
                i += 1
        elif line.startswith('@@TEST '):
            f = line.split(None, 3)
            if len(f) >= 3 and f[2] in ('pass', 'fail'):
                rows.append((f[2], f[1], f[3] if len(f) > 3 else ''))
            else:
                rows.append(('fail', 'malformed', line))
        elif line.startswith('@@DDI-EXIT '):
            exit_code = line.split()[1]
        i += 1

    why = []
    if qemu_rc in ('124', '137'):
        why.append('guest timed out (hang)')
    if a.expect:
        if not re.search(a.expect, console):
            why.append('expected /%s/ not in the console log' % a.expect)
    else:
        if exit_code is None and not why:
            why.append('guest never finished (panic or crash)')
        elif exit_code not in (None, '0'):
            why.append('guest exit status %s' % exit_code)
        splats = [l for l in console.split('\n') if SPLAT_RE.search(l)]
        if splats:
            why.append('kernel splat: ' + splats[0].strip())
        if leaks:
            why.append('kmemleak: ' + leaks[0].strip())
    rows.append(('fail' if why else 'pass', 'boot:' + a.boot, '; '.join(why)))

    with open(a.tsv, 'a') as out:
        for status, name, detail in rows:
            out.write('%s\t%s:%s\t%s\n' % (status, a.kernel, name, detail))
    for status, name, detail in rows:
        if status == 'fail':
            print('FAIL %s:%s %s' % (a.kernel, name, detail), file=sys.stderr)
    return 0


if __name__ == '__main__':
    sys.exit(main())
