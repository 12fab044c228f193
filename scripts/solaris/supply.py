#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""What ddi_compat provides of the Solaris DDI, computed from the tree.

Shared by scripts/coverage.py and scripts/preflight.py.  Nothing here is a
hand-kept list of provided names: a name is provided when the tree defines
it, read from the sources each time:

  - EXPORT_SYMBOL(name) in ddi_compat/**/*.c;
  - a static inline function in the headers under include/ (on a
    driver's include path: include/sys/*.h and what they pull in), if the
    internals (ddi_*, ddic_*) and 9F entries it calls are provided;
  - a function or variable declared in those headers, if it resolves
    (exported, or defined inline);
  - a macro defined in those headers, if what it expands to resolves: every
    identifier of its body that names a ddi_compat internal (ddi_*, ddic_*)
    or a Solaris 9F entry must itself be provided.  Other identifiers in a
    body (Linux functions, macro parameters, keywords) are taken as given;
  - a 9F name that Linux's own headers supply with the Solaris meaning
    (scripts/solaris/linux-9f.tsv), when the header that declares it is
    included by the tree's headers.

The 9F table is scripts/solaris/9f.tsv: name, family, "framework" or "-",
and the illumos manual page that documents it.
"""

import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
TOP = os.path.dirname(os.path.dirname(HERE))

IDENT = re.compile(r'[A-Za-z_]\w*')
CALL = re.compile(r'(?<![\w.>])([A-Za-z_]\w*)\s*\(')

# Things that look like calls in a declaration but are not its name.
ATTRS = {
    '__attribute__', '__printf', '__scanf', '__aligned', '__must_check',
    '__cold', '__section', '__malloc', '__alloc_size', '__releases',
    '__acquires', '__must_hold', '__cond_acquires', '__nonstring',
    '__deprecated', '__noreturn', '__always_inline', '__maybe_unused',
    '__used', '__packed', '__weak', 'asm', '__asm__', 'sizeof', 'typeof',
    '__typeof__', 'offsetof', 'BUILD_BUG_ON', 'static_assert',
    '_Static_assert', 'alignof', '__alignof__', 'defined',
}
KEYWORDS = {
    'if', 'else', 'while', 'for', 'do', 'switch', 'case', 'return', 'goto',
    'break', 'continue', 'sizeof', 'typeof', '__typeof__', 'struct',
    'union', 'enum', 'const', 'volatile', 'static', 'inline', 'extern',
    'void', 'int', 'char', 'short', 'long', 'unsigned', 'signed', 'float',
    'double', 'default', 'typedef', 'register', 'auto', 'restrict',
    '_Bool', 'bool', '__func__', '__FILE__', '__LINE__', 'defined',
    '__builtin_expect', '__builtin_constant_p', '_Generic',
}


def read_table(path=None):
    """The 9F table: a list of (name, family, framework, page)."""
    path = path or os.path.join(HERE, '9f.tsv')
    rows = []
    with open(path) as fh:
        for line in fh:
            if not line.strip() or line.startswith('#'):
                continue
            f = line.rstrip('\n').split('\t')
            rows.append((f[0], f[1], f[2] == 'framework', f[3] if len(f) > 3 else ''))
    return rows


def strip_c(text, keep_lines=True):
    """Remove comments, string and character literals, keeping newlines
    (so line numbers stay right) and leaving "" / '' in their place."""
    out = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '/' and i + 1 < n and text[i + 1] == '*':
            j = text.find('*/', i + 2)
            j = n if j < 0 else j + 2
            out.append(' ' + '\n' * text.count('\n', i, j))
            i = j
        elif c == '/' and i + 1 < n and text[i + 1] == '/':
            j = text.find('\n', i)
            j = n if j < 0 else j
            out.append(' ')
            i = j
        elif c in '"\'':
            j = i + 1
            while j < n and text[j] != c and text[j] != '\n':
                j += 2 if text[j] == '\\' else 1
            out.append(c + c + '\n' * text.count('\n', i, min(j, n)))
            i = j + 1
        else:
            out.append(c)
            i += 1
    return ''.join(out)


def logical_lines(text):
    """Join backslash-continued lines; yield (first line number, text)."""
    lines = text.split('\n')
    i = 0
    while i < len(lines):
        start = i
        cur = lines[i]
        while cur.endswith('\\') and i + 1 < len(lines):
            i += 1
            cur = cur[:-1] + ' ' + lines[i]
        yield start + 1, cur
        i += 1


def files_under(top, rel, exts):
    base = os.path.join(top, rel)
    found = []
    if os.path.isfile(base):
        return [base]
    for dirpath, dirnames, filenames in os.walk(base):
        dirnames.sort()
        for f in sorted(filenames):
            if f.endswith(exts):
                found.append(os.path.join(dirpath, f))
    return found


def header_files(top=TOP):
    """Every header a driver can reach: include/ is on its include path
    (include/sys/*.h first; include/ddi_compat/*.h for what they pull in)."""
    return (files_under(top, 'include/sys', ('.h',)) +
            files_under(top, 'include/ddi_compat', ('.h',)) +
            [f for f in files_under(top, 'include', ('.h',))
             if '/include/sys/' not in f and '/include/ddi_compat/' not in f])


def match_paren(text, i):
    """Index just past the parenthesis that closes the one at text[i]."""
    depth = 0
    n = len(text)
    while i < n:
        if text[i] == '(':
            depth += 1
        elif text[i] == ')':
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return n


def top_level(text):
    """Split C text (preprocessor lines removed) into its top-level
    statements and function bodies: yields (kind, head) where kind is
    'decl' for a statement ending in ';' and 'def' for a head followed by
    a brace block at depth 0."""
    depth = 0
    head = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c == '{':
            if depth == 0:
                h = ''.join(head)
                head = []
                # struct/union/enum bodies are not definitions of functions
                yield ('def' if re.search(r'\)\s*$', h) else 'block'), h
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                head = ['}']
        elif depth == 0:
            if c == ';':
                yield 'decl', ''.join(head)
                head = []
            else:
                head.append(c)
        i += 1


def definitions(text):
    """(head, body) of every brace block at depth 0 whose head ends in ')'
    (a function definition), in C text without preprocessor lines."""
    depth = 0
    start = 0
    head_start = 0
    for i, c in enumerate(text):
        if c == '{':
            if depth == 0:
                start = i
            depth += 1
        elif c == '}':
            depth -= 1
            if depth == 0:
                head = text[head_start:start]
                if re.search(r'\)\s*$', head):
                    yield head, text[start + 1:i]
                head_start = i + 1
        elif c == ';' and depth == 0:
            head_start = i + 1


def def_name(head):
    """The name of the function a definition head ("type name(args)")
    defines: the identifier before its last parenthesised group, so that
    annotations in front (_NOTE(ARGSUSED(1)), attributes) are skipped."""
    h = head.rstrip()
    if not h.endswith(')'):
        return None
    depth = 0
    for i in range(len(h) - 1, -1, -1):
        if h[i] == ')':
            depth += 1
        elif h[i] == '(':
            depth -= 1
            if depth == 0:
                m = re.search(r'([A-Za-z_]\w*)\s*$', h[:i])
                return m.group(1) if m else None
    return None


def decl_name(head):
    """The name a declaration or definition head declares, or None."""
    h = head.strip()
    if h.startswith('}'):
        h = h[1:].strip()
    if not h or h.startswith('typedef'):
        return None, None
    for m in CALL.finditer(h):
        name = m.group(1)
        if name in ATTRS or name in KEYWORDS or name.startswith('__'):
            continue
        before = h[:m.start()].rstrip()
        if before.endswith('('):		# (*fp)(...) pointer declarator
            return None, None
        return name, 'func'
    # a variable: the last identifier before any initialiser/array
    h = re.split(r'[=\[]', h)[0]
    ids = IDENT.findall(h)
    if len(ids) >= 2 and ids[0] in ('extern', 'static') or len(ids) >= 2:
        return ids[-1], 'var'
    return None, None


class Supply:
    """Everything the tree defines that a driver can name."""

    def __init__(self, top=TOP):
        self.top = top
        self.exports = set()
        self.inlines = {}	# name -> body
        self.decls = {}		# name -> header file
        self.macros = {}	# name -> (params, body, file)
        self.includes = set()
        self.structs = set()	# struct/union tags defined with a body
        self.typedefs = set()
        self.table = read_table()
        self.table9s = read_table(os.path.join(HERE, '9s.tsv'))
        self.names9f = {r[0] for r in self.table}
        for path in files_under(top, 'ddi_compat', ('.c',)):
            with open(path, errors='replace') as fh:
                txt = strip_c(fh.read())
            self.exports.update(re.findall(
                r'\bEXPORT_SYMBOL(?:_GPL)?\s*\(\s*(\w+)\s*\)', txt))
        for path in header_files(top):
            with open(path, errors='replace') as fh:
                raw = fh.read()
            for m in re.finditer(r'^\s*#\s*include\s*<([^>]+)>', raw, re.M):
                self.includes.add(m.group(1))
            self._scan_header(path, strip_c(raw))
        self._memo = {}
        self.linux = self._linux_names()

    def _scan_header(self, path, txt):
        rel = os.path.relpath(path, self.top)
        body_lines = []
        for _, line in logical_lines(txt):
            m = re.match(r'\s*#\s*define\s+(\w+)(\(([^)]*)\))?(.*)', line)
            if m:
                params = [p.strip() for p in (m.group(3) or '').split(',')
                          if p.strip()]
                self.macros.setdefault(m.group(1), (params, m.group(4), rel))
                body_lines.append('')
            elif re.match(r'\s*#', line):
                body_lines.append('')
            else:
                body_lines.append(line)
        code = '\n'.join(body_lines)
        self.structs.update(re.findall(r'\b(?:struct|union)\s+(\w+)\s*\{', code))
        self.typedefs.update(re.findall(r'\btypedef\b[^;{}]*?(\w+)\s*;', code))
        self.typedefs.update(re.findall(r'\}\s*(\w+)\s*;', code))
        self.typedefs.update(re.findall(r'\btypedef\b[^;{}]*\(\s*\*\s*(\w+)\s*\)', code))
        for kind, head in top_level(code):
            if kind == 'block':
                continue
            if kind == 'def':
                name, what = def_name(head), 'func'
            else:
                name, what = decl_name(head)
            if not name:
                continue
            if kind != 'def':
                self.decls.setdefault(name, rel)
        for head, body in definitions(code):
            name = def_name(head)
            if name and re.search(r'\binline\b|__always_inline', head):
                self.inlines.setdefault(name, body)

    def _linux_names(self):
        """9F names Linux's headers give with the Solaris meaning, when the
        tree includes the header that declares them."""
        found = {}
        path = os.path.join(HERE, 'linux-9f.tsv')
        with open(path) as fh:
            for line in fh:
                if not line.strip() or line.startswith('#'):
                    continue
                name, header = line.split()[:2]
                if header in self.includes:
                    found[name] = header
        return found

    def defined(self, name, seen=()):
        """How NAME is provided ('export', 'inline', 'macro', 'linux'), or
        None if the tree does not provide it."""
        if name in self._memo:
            return self._memo[name]
        if name in seen:
            return None
        how = None
        if name in self.macros:
            params, body, _ = self.macros[name]
            if self._self_wrapper(name, body):
                # a macro over the function of its own name (C expands
                # no macro inside itself): the function must be provided
                how = 'export' if name in self.exports else None
            elif self._body_resolves(body, params, seen + (name,)):
                how = 'macro'
        elif name in self.inlines:
            if self._body_resolves(self.inlines[name], [], seen + (name,),
                                   calls_only=True):
                how = 'inline'
        elif name in self.exports:
            how = 'export'
        elif name in self.linux:
            how = 'linux'
        self._memo[name] = how
        return how

    @staticmethod
    def _self_wrapper(name, body):
        """Whether a macro's body calls the function of its own name
        (ddi_create_minor_node in <sys/sunddi.h>, which converts an
        argument on the way)."""
        return re.search(r'(?<![\w.>])' + re.escape(name) + r'\s*\(',
                         body) is not None

    def _body_resolves(self, body, params, seen, calls_only=False):
        for m in re.finditer(r'(?<![\w.>])([A-Za-z_]\w*)', body):
            ident = m.group(1)
            if calls_only and not re.match(r'\s*\(', body[m.end():]):
                continue	# a function body: only its calls must resolve
            if ident in params or ident in KEYWORDS or ident.endswith('_t'):
                continue
            internal = ident.startswith(('ddi_', 'ddic_'))
            if not internal and ident not in self.names9f:
                continue	# Linux or a constant: taken as given
            if internal and ident not in self.decls and \
               ident not in self.macros and ident not in self.inlines and \
               ident not in self.exports:
                # an internal name the tree never mentions elsewhere:
                # a type or struct tag (ddi_umem_cookie), not a call
                if not re.match(r'\s*\(', body[m.end():]):
                    continue
                return False
            if not self.defined(ident, seen):
                return False
        return True

    def status(self, name):
        return self.defined(name)

    def struct_defined(self, name):
        """Whether the tree defines the 9S structure NAME: its struct tag
        with a body, or its NAME_t typedef (as a type or a macro)."""
        base = name[:-2] if name.endswith('_t') else name
        return (base in self.structs or base + '_t' in self.typedefs or
                base + '_t' in self.macros)


def main(argv):
    """supply.py TOP NAME...: how the tree at TOP provides each NAME."""
    if len(argv) < 2:
        print('usage: supply.py TOP NAME...', file=sys.stderr)
        return 2
    s = Supply(top=os.path.abspath(argv[0]))
    for name in argv[1:]:
        print('%s\t%s' % (name, s.defined(name) or 'missing'))
    return 0


if __name__ == '__main__':
    sys.exit(main(sys.argv[1:]))
