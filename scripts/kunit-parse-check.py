#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""The kernel's own KTAP parser agrees with results.tsv on one boot.

kunit-parse-check.py KUNIT_PY RESULTS_LOG TSV KERNEL

Runs KUNIT_PY parse (tools/testing/kunit/kunit.py of a kernel source tree)
on RESULTS_LOG, a boot's results channel, and compares the tests it counts
(those without subtests, passed or not) with the rows results.py wrote to
TSV for KERNEL's check boot: every row of K: but the boot's own (boot:*)
and the build steps (K:build, K:drivers, K:kunit.py-parse).  Fails if
kunit.py reports a parse error, or if the pass or fail counts differ.
"""
import json
import os
import subprocess
import sys
import tempfile


def leaves(group):
    yield from group.get('test_cases', [])
    for sub in group.get('sub_groups', []):
        yield from leaves(sub)


def main():
    kunit_py, log, tsv, kernel = sys.argv[1:5]
    with tempfile.TemporaryDirectory() as tmp:
        js = os.path.join(tmp, 'kunit.json')
        p = subprocess.run([sys.executable, kunit_py, 'parse',
                            '--json=' + js, os.path.abspath(log)],
                           stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                           universal_newlines=True)
        print(p.stdout)
        if not os.path.exists(js):
            print('kunit.py parse wrote no JSON (exit %d)' % p.returncode)
            return 1
        with open(js) as f:
            tree = json.load(f)
    errors = [l for l in p.stdout.split('\n') if '[ERROR]' in l]
    k_pass = k_fail = 0
    for case in leaves(tree):
        if case['status'] == 'PASS':
            k_pass += 1
        else:
            k_fail += 1
    r_pass = r_fail = 0
    skip = {kernel + ':build', kernel + ':drivers', kernel + ':kunit.py-parse'}
    with open(tsv) as f:
        for line in f:
            status, name = line.split('\t')[:2]
            if (not name.startswith(kernel + ':') or name in skip or
                    name.startswith(kernel + ':boot:')):
                continue
            if status == 'pass':
                r_pass += 1
            else:
                r_fail += 1
    print('kunit.py parse: %d passed, %d failed; results.tsv: %d passed, '
          '%d failed; %d parse errors' % (k_pass, k_fail, r_pass, r_fail,
                                          len(errors)))
    if errors or (k_pass, k_fail) != (r_pass, r_fail) or not k_pass:
        return 1
    return 0


if __name__ == '__main__':
    sys.exit(main())
