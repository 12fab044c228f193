#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""Turn one guest boot's logs into pass/fail rows.

results.py --kernel K --boot B --dir D [--expect REGEX] [--oom-expected]
    --tsv FILE

Reads D/results.log (the guest's ttyS1: one KTAP document, see "The
results channel" in scripts/guest/lib.sh) and D/console.log (the kernel
console), and appends one row per test to FILE:
    pass|fail <TAB> K:name <TAB> detail
A row is a test of the document that has no subtests of its own, at the
top level or one below: a step of the boot (guest:load-ddi_compat), a
guest test's subtest (qotd:eintr) or its exit status (guest:qotd), and
each KUnit case, named kunit:<suite>:<case> (KUnit's names carry no
colon; the guest's always do).  The boot itself is a row that fails if
the guest hung, panicked, printed a splat or leaked.  A splat printed
while a guest test ran (between the "ddi_compat-test: begin/end NAME"
lines the guest writes to the kernel log) also fails that test's row.
A KUnit case that was skipped counts as failed: nothing here may be
skipped.
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
# The one warning a test expects: the stack dump the kernel prints for an
# allocation failure (warn_alloc) that the fail-nth sweep injected into
# its own program, tests/prog/failnth.c ("Comm: failnth").  Only the
# "Call Trace:" of such a dump is excused; any other splat still counts.
ALLOC_WARN_RE = re.compile(r'(vmalloc error: .*allocation failed|'
                           r'page allocation failure: )')
FAILNTH_COMM_RE = re.compile(r'\bComm: failnth\b')
# A boot that keeps the guest short of memory on purpose (--oom-expected:
# the lowmem boot, scripts/guest/mode-lowmem.sh) sees the OOM killer's
# reports, each with the stack of the task that invoked it; that
# "Call Trace:" is excused there, and only there; so is the stack of an
# allocation failure of the hog itself (a task the OOM killer chose fails
# the allocation it was in).
OOM_RE = re.compile(r'invoked oom-killer: ')
MEMHOG_COMM_RE = re.compile(r'\bComm: memhog\b')


# A KCSAN report runs from its "BUG: KCSAN:" line to the next line of
# '='.  One whose stacks have no frame of a module ("func+0x1/0x2 [mod]")
# is a data race between two parts of the kernel's own code (6.12's
# inode time stamps under fio, for one), which the project cannot fix:
# it is excused, and named on stderr.  A report with a frame of
# ddi_compat, a driver or a test module fails the run like any splat
# (harness:sees-KCSAN-report checks that).
KCSAN_RE = re.compile(r'BUG: KCSAN: ')
MODULE_FRAME_RE = re.compile(r'\+0x[0-9a-f]+/0x[0-9a-f]+ \[\w+\]')


def kernel_only_kcsan(lines):
    """Indices of the lines of KCSAN reports with no module frame."""
    out = set()
    for i, line in enumerate(lines):
        if not KCSAN_RE.search(line):
            continue
        end = i + 1
        while end < len(lines) and end < i + 200 and \
                not re.search(r'\] =====+\s*$', lines[end]):
            end += 1
        block = lines[i:end + 1]
        if not any(MODULE_FRAME_RE.search(b) for b in block):
            print('note: excused, a KCSAN report in the kernel\'s own code: '
                  + line.strip(), file=sys.stderr)
            out.update(range(i, end + 1))
    return out


def splat_lines(console, oom_expected=False):
    """The lines of CONSOLE that are splats, less expected ones."""
    lines, out = console.split('\n'), []
    excused = kernel_only_kcsan(lines)
    for i, line in enumerate(lines):
        if not SPLAT_RE.search(line) or i in excused:
            continue
        before = lines[max(0, i - 4):i]
        if ('Call Trace:' in line and
                any(ALLOC_WARN_RE.search(b) for b in before) and
                any(FAILNTH_COMM_RE.search(b) for b in before)):
            continue
        if ('Call Trace:' in line and oom_expected and
                (any(OOM_RE.search(b) for b in before) or
                 (any(ALLOC_WARN_RE.search(b) for b in before) and
                  any(MEMHOG_COMM_RE.search(b) for b in before)))):
            continue
        out.append((i, line))
    return out
RESULT_RE = re.compile(r'^( *)(not ok|ok) \d+ (?:- )?([^#]*?)\s*(?:# (.*))?$')
SUBTEST_RE = re.compile(r'^( *)# Subtest: (.*)$')
PLAN_RE = re.compile(r'^( *)1\.\.(\d+)')
MARK_RE = re.compile(r'ddi_compat-test: (begin|end) (\S+)')


# "    # case: EXPECTATION FAILED at /path/to/file.c:123"
KUNIT_FAILED_RE = re.compile(r'\s+# \S+: ((?:EXPECTATION|ASSERTION) FAILED '
                             r'at )(?:\S*/)?(\S+:\d+)')


def read(path):
    try:
        with open(path, errors='replace') as f:
            return f.read().replace('\r', '')
    except OSError:
        return ''


def row(ok, name, detail):
    if detail and re.match(r'SKIP\b', detail, re.I):
        return ('fail', name, 'skipped: ' + detail)
    return ('pass' if ok else 'fail', name, '' if ok else detail or 'failed')


def parse_ktap(lines):
    """Rows, exit status and kmemleak lines of the boot's KTAP document."""
    rows, leaks, exit_code = [], [], None
    started = False
    parent, plan, subs = None, None, []
    # A failed KUnit case's first "EXPECTATION/ASSERTION FAILED at f:n"
    # line and the two lines after it: the row's detail, so that a failure in
    # a run whose logs are gone (CI) still says which check failed.
    why, why_lines = None, 0

    def close(ok, name, detail):
        """A top-level result line: a leaf, or the end of a parent."""
        nonlocal parent, plan, subs
        if parent is None and not subs:
            if ':' in name:
                rows.append(row(ok, name, detail))
            else:       # a KUnit suite that printed no cases
                rows.append(('fail', 'kunit:' + name,
                             'suite printed no results'))
        else:
            for sok, sname, sdetail in subs:
                if ':' not in sname:
                    sname = 'kunit:%s:%s' % (name, sname)
                rows.append(row(sok, sname, sdetail))
            if plan is not None and len(subs) < plan:
                rows.append(('fail', 'kunit:' + name,
                             'only %d of %d cases reported' %
                             (len(subs), plan)))
        parent, plan, subs = None, None, []

    for line in lines:
        if not started:
            started = line.strip().endswith('KTAP version 1')
            continue
        m = RESULT_RE.match(line)
        if m:
            depth = len(m.group(1))
            ok = m.group(2) == 'ok'
            if depth == 0:
                close(ok, m.group(3), m.group(4))
            elif depth <= 4:
                detail = m.group(4)
                if not ok and not detail and why:
                    detail = 'failed: ' + why
                subs.append((ok, m.group(3), detail))
                why = None
            continue        # deeper: parameters of a case, summed by it
        if why_lines:
            why += ': ' + line.strip()
            why_lines -= 1
        m = KUNIT_FAILED_RE.match(line)
        if m and why is None:
            why, why_lines = m.group(1) + m.group(2), 2
            continue
        m = SUBTEST_RE.match(line)
        if m and len(m.group(1)) == 4:
            parent = m.group(2)
            continue
        m = PLAN_RE.match(line)
        if m and len(m.group(1)) == 4:
            plan = int(m.group(2))
            continue
        if line.startswith('# kmemleak: '):
            if line[12:].strip():
                leaks.append(line[12:])
        elif line.startswith('# guest exit status: '):
            exit_code = line.split(': ', 1)[1].strip()
    # A document cut short (hang, panic): the subtests seen so far.
    for sok, sname, sdetail in subs:
        if ':' not in sname and parent:
            sname = 'kunit:%s:%s' % (parent, sname)
        rows.append(row(sok, sname, sdetail))
    return rows, exit_code, leaks


def splats_by_test(console, splats):
    """{row name: first splat line} for SPLATS printed while a test ran."""
    found, current = {}, None
    splats = dict(splats)
    for i, line in enumerate(console.split('\n')):
        m = MARK_RE.search(line)
        if m:
            current = m.group(2) if m.group(1) == 'begin' else None
        elif current and i in splats and current not in found:
            found[current] = line.strip()
    return found


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument('--kernel', required=True)
    ap.add_argument('--boot', required=True)
    ap.add_argument('--dir', required=True)
    ap.add_argument('--expect')
    ap.add_argument('--oom-expected', action='store_true')
    ap.add_argument('--tsv', required=True)
    a = ap.parse_args()

    res = read(a.dir + '/results.log').split('\n')
    console = read(a.dir + '/console.log')
    qemu_rc = read(a.dir + '/qemu-rc').strip()
    rows, exit_code, leaks = parse_ktap(res)
    # Once per boot: it names each excused report on stderr.
    splat_list = splat_lines(console, a.oom_expected)
    if not a.expect:
        for name, splat in splats_by_test(console, splat_list).items():
            rows = [('fail', n, 'kernel splat while it ran: ' + splat)
                    if n == name and st == 'pass' else (st, n, d)
                    for st, n, d in rows]

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
        splats = [l for _, l in splat_list]
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
