#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""preflight.py DIR...: list the Solaris interfaces a driver uses that
ddi_compat does not provide, before any compiler runs.

Reads every .c and .h at the top of each DIR (what port.sh compiles; a
subdirectory such as user/ is not read), with comments, string and character
literals removed, and collects the section 9F entry names
(scripts/solaris/9f.tsv) it uses:
  - called: `name(`, not a member (`.name(`, `->name(`);
  - or named as a value where an ops table or a call takes it (nodev,
    nulldev, nochpoll, ddi_prop_op, kcred, any ddi_* entry), not a member.
Names the driver defines itself (a function, a macro) are not reported.
A name is missing when scripts/solaris/supply.py, reading the tree, finds
no definition of it.

Structures: a section 9S structure (scripts/solaris/9s.tsv) the driver
names (`name_t`, or `struct name` other than as a pointer) and the tree
does not define is listed with its family followed by "9S".

Other calls: a function or macro the driver calls that is neither its own,
nor a 9F entry, nor defined anywhere in the tree (Solaris kernel internals
such as as_map or page_*, helpers outside 9F such as getemajor or
VERIFY3U, another module's functions) is listed with the family "not 9F",
and so is a ddi_* or ndi_* name outside 9F that the tree does not define
when the driver names it as a value (an ops table's entry).
These lines are for the porter and do not make the exit status non-zero:
a few may be Linux macros that ddi_compat's headers bring in.

Headers: an #include of a header that neither ddi_compat (include/) nor
the driver (its directory, on port.sh's include path) has is listed too,
with the family "header" (the compiler would stop there first).

Output: one line per missing name, "name<TAB>family<TAB>file:line" (the
first use): 9F entries by family and name, then 9S structures, "not 9F"
calls and headers; and a summary on stderr.
Exit status: 0 when no 9F entry, 9S structure or header is missing, 1
when one is, 2 on bad use.
  -q    no summary
"""

import os
import re
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                'solaris'))
import supply  # noqa: E402

# 9F names a driver uses without calling them (ops tables, arguments).
VALUE_NAMES = {'nodev', 'nulldev', 'nochpoll', 'kcred', 'zone_kcred'}
# A DDI or NDI name not called and not a member (the "not 9F" values).
VALUE = re.compile(r'(?<![\w.>])((?:ddi|ndi)_[a-z]\w*)\b(?!\s*\()')


def is_tree(d):
    """D has its own Kbuild (or a Makefile with obj-m): ddi-port builds
    what that Kbuild builds, sources in subdirectories included."""
    if os.path.isfile(os.path.join(d, 'Kbuild')):
        return True
    try:
        with open(os.path.join(d, 'Makefile'), errors='replace') as f:
            return re.search(r'^\s*obj-(m|y|\$\()', f.read(), re.M) is not None
    except OSError:
        return False


def sources(d):
    """The .c and .h files at the top of D: what port.sh compiles (a
    subdirectory, such as user/ with user-space programs, is not scanned),
    or, for a tree with its own Kbuild, those of its subdirectories too
    (user/ still excepted)."""
    if is_tree(d):
        found = []
        for root, dirs, files in os.walk(d):
            dirs[:] = sorted(x for x in dirs
                             if not (root == d and x == 'user'))
            found += [os.path.join(root, f) for f in sorted(files)
                      if f.endswith(('.c', '.h'))]
        return found
    return [os.path.join(d, f) for f in sorted(os.listdir(d))
            if f.endswith(('.c', '.h')) and os.path.isfile(os.path.join(d, f))]


# #ifdef __cplusplus / extern "C" { / #endif, and the closing one: left in,
# the brace would make the whole header one block with no definitions.
CPLUSPLUS = re.compile(r'^\s*#\s*if(?:def\s+__cplusplus|\s+defined\s*\(?\s*__cplusplus\b)'
                       r'.*?^\s*#\s*endif\b[^\n]*$', re.M | re.S)


def own_definitions(code):
    """Functions and macros the driver defines."""
    own = set()
    for m in re.finditer(r'^\s*#\s*define\s+(\w+)', code, re.M):
        own.add(m.group(1))
    code = CPLUSPLUS.sub('', code)
    nopp = re.sub(r'^\s*#.*$', '', code, flags=re.M)
    for kind, head in supply.top_level(nopp):
        if kind == 'def':
            name = supply.def_name(head)
            if name:
                own.add(name)
    return own


def scan(dirs, s):
    table = {r[0]: r for r in s.table}
    texts = []
    headers = []
    for d in dirs:
        for path in sources(d):
            with open(path, errors='replace') as fh:
                raw = fh.read()
            headers += missing_headers(path, d, raw, s.top)
            code = supply.strip_c(raw)
            # #include <...> and #include "..." name files, not interfaces
            code = re.sub(r'^(\s*#\s*include\b).*$', r'\1', code, flags=re.M)
            texts.append((path, code))
    own = set()
    for _, code in texts:
        own |= own_definitions(code)
    used = {}
    used9s = []
    for path, code in texts:
        for m in re.finditer(r'(?<![\w.>])([A-Za-z_]\w*)(\s*\()?', code):
            name, call = m.group(1), m.group(2)
            if name not in table or name in own or name in used:
                continue
            if m.start() > 0 and code[m.start() - 1] == '>' and \
               code[max(0, m.start() - 2)] == '-':
                continue
            if not call and not (name in VALUE_NAMES or name.startswith('ddi_')):
                continue
            line = code.count('\n', 0, m.start()) + 1
            used[name] = '%s:%d' % (path, line)
    # 9S structures: `name_t`, or `struct name` other than a pointer to it
    # (which compiles without the definition), not defined by the driver.
    for n, family, fw, _ in s.table9s:
        base = n[:-2] if n.endswith('_t') else n
        pat = re.compile(r'\bstruct\s+%s\b(?!\s*[{*])|(?<![\w.>])%s_t\b'
                         % (re.escape(base), re.escape(base)))
        if base in own or base + '_t' in own or s.struct_defined(n):
            continue
        for path, code in texts:
            if re.search(r'\b(?:struct|union)\s+%s\s*\{' % re.escape(base), code) or \
               re.search(r'\}\s*%s_t\s*;' % re.escape(base), code):
                break	# the driver defines it itself
        else:
            for path, code in texts:
                m = pat.search(code)
                if m:
                    line = code.count('\n', 0, m.start()) + 1
                    used9s.append((family + (' (framework)' if fw else '') + ' 9S',
                                   n, '%s:%d' % (path, line)))
                    break
    # Other calls: neither the driver's own, nor 9F, nor anything the tree
    # defines.  Solaris kernel internals and helpers outside 9F (getemajor,
    # VERIFY3U, as_map...), or a Linux macro a header happens to bring
    # (roundup): listed for the porter, not counted as missing.
    other = {}
    known = s.macros.keys() | s.inlines.keys() | s.exports | s.decls.keys() | \
        s.typedefs
    fptrs = set()	# (*name)(...): function pointers the driver declares
    for _, code in texts:
        fptrs.update(re.findall(r'\(\s*\*\s*(\w+)\s*\)\s*\(', code))

    def accounted(name):
        """9F, the driver's own, defined in the tree, already listed,
        Linux's, a function pointer of the driver, or a type."""
        return name in table or name in own or name in known or \
            name in other or name in s.linux or name in fptrs or \
            name.endswith('_t')

    for path, code in texts:
        # _NOTE(ARGSUSED(1)) and the like: lint annotations, one name
        code = re.sub(r'\b_NOTE\s*\((?:[^()]|\([^()]*\))*\)', '_NOTE()', code)
        for m in supply.CALL.finditer(code):
            name = m.group(1)
            if accounted(name) or name in supply.KEYWORDS or \
               name in supply.ATTRS:
                continue
            line = code.count('\n', 0, m.start()) + 1
            other[name] = '%s:%d' % (path, line)
        # A ddi_*/ndi_* name outside 9F named as a value (an ops table's
        # entry: .devo_power = ddi_power, ddi_ctlops in bus_ops): the
        # compiler stops on it just the same.
        for m in VALUE.finditer(code):
            name = m.group(1)
            if accounted(name) or \
               re.search(r'\b(?:struct|union|enum)\s*$',
                         code[max(0, m.start() - 16):m.start()]):
                continue
            line = code.count('\n', 0, m.start()) + 1
            other[name] = '%s:%d' % (path, line)
    missing = []
    for name, where in used.items():
        if not s.defined(name):
            row = table[name]
            missing.append((row[1] + (' (framework)' if row[2] else ''), name, where))
    missing.sort()
    missing += sorted(used9s)
    missing += sorted(('~other', n, w) for n, w in other.items())
    seen = set()
    for name, where in headers:
        if name not in seen:
            seen.add(name)
            missing.append(('~header', name, where))
    return used, missing


def missing_headers(path, d, raw, top):
    """#include lines naming a header that is neither ddi_compat's
    (include/) nor the driver's own (its directory, which port.sh puts on
    the include path, the including file's, or any directory of its
    tree): (header, file:line)."""
    found = []
    code = supply.strip_c(raw).split('\n')	# same lines, no comments
    for n, line in enumerate(raw.split('\n'), 1):
        m = re.match(r'\s*#\s*include\s*([<"])([^>"]+)[>"]', line)
        if not m or n > len(code) or not re.match(r'\s*#', code[n - 1]):
            continue
        h = m.group(2)
        if h.startswith(('linux/', 'asm/', 'uapi/', 'generated/')):
            continue
        places = [os.path.join(top, 'include'), d]
        if m.group(1) == '"':
            places.insert(0, os.path.dirname(path))
        if not any(os.path.isfile(os.path.join(p, h)) for p in places) \
                and not in_tree(d, h):
            found.append((h, '%s:%d' % (path, n)))
    return found


_tree_dirs = {}


def in_tree(d, h):
    """Whether header @h is under some directory of the driver's tree @d:
    a tree's Kbuild puts its own directories on the include path
    (ccflags-y += -I$(src)/../common, as illumos's Makefiles do with
    INC_PATH), which a scan cannot follow."""
    if d not in _tree_dirs:
        _tree_dirs[d] = [root for root, _, _ in os.walk(d)]
    return any(os.path.isfile(os.path.join(r, h)) for r in _tree_dirs[d])


def main():
    args = sys.argv[1:]
    quiet = False
    if args and args[0] == '-q':
        quiet = True
        args = args[1:]
    if not args:
        print('usage: preflight.py [-q] DIR...', file=sys.stderr)
        return 2
    for d in args:
        if not os.path.isdir(d):
            print('preflight: %s is not a directory' % d, file=sys.stderr)
            return 2
    s = supply.Supply()
    used, missing = scan(args, s)
    base = os.path.commonpath([os.path.abspath(a) for a in args])
    for family, name, where in missing:
        if family == '~header':
            family = 'header'
        elif family == '~other':
            family = 'not 9F'
        print('%s\t%s\t%s' % (name, family, os.path.relpath(where, base)))
    if not quiet:
        what = ' '.join(args)
        if missing:
            nh = sum(1 for m in missing if m[0] == '~header')
            ns = sum(1 for m in missing if m[0].endswith(' 9S'))
            no = sum(1 for m in missing if m[0] == '~other')
            print('preflight: %s uses %d Solaris 9F interfaces, %d of them '
                  'missing from ddi_compat; %d 9S structures and %d headers '
                  'ddi_compat lacks; %d other calls it does not define '
                  '(listed above: name, family, first use)'
                  % (what, len(used), len(missing) - nh - ns - no, ns, nh, no),
                  file=sys.stderr)
        else:
            print('preflight: %s uses %d Solaris 9F interfaces, all provided'
                  % (what, len(used)), file=sys.stderr)
    return 1 if any(m[0] != '~other' for m in missing) else 0


if __name__ == '__main__':
    sys.exit(main())
