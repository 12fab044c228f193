#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-2.0
"""callgraph.py: the graph of calls between ddi_compat's source files.

    callgraph.py [--dot | --edges] OBJECT... | MODULE.mod

Reads each object file's symbol table with nm: a file that leaves a
symbol undefined (U) which another of the given objects defines has an
edge to it (a call, or a use of a variable).  Symbols no given object
defines (the kernel's, a driver's) make no edge.  Prints the edges, one
"from -> to  (symbols)" line each, or the graph in Graphviz form with
--dot, and exits 1 naming a cycle if there is one.

Usage from the tree, after make modules KERNEL=debug-6.12:

    scripts/callgraph.py build/debug-6.12/src/ddi_compat/ddi_compat.mod

A .mod file (kbuild's list of a module's objects) stands for the objects
it lists, so a stale object of a deleted file is not counted.  Given
*.o instead, the module's link result (ddi_compat.o, which defines
everything) and the modpost file (*.mod.o) are skipped.
"""
import os
import subprocess
import sys


def symbols(obj):
    """(defined, undefined) global symbol names of one object."""
    out = subprocess.run(["nm", obj], check=True, capture_output=True,
                         text=True).stdout
    defined, undefined = set(), set()
    for line in out.splitlines():
        parts = line.split()
        if len(parts) == 2 and parts[0] == "U":
            undefined.add(parts[1])
        elif len(parts) == 3 and parts[1].isupper() and parts[1] != "U":
            # __export_symbol_*, __ksymtab* and the like are the export
            # machinery, not a call.
            if not parts[2].startswith(("__ksymtab", "__kstrtab",
                                        "__export_symbol")):
                defined.add(parts[2])
    return defined, undefined


def graph(objs):
    """{file: {file: [symbols]}} from the objects' symbol tables."""
    syms = {}
    for obj in objs:
        name = os.path.basename(obj)
        if name.endswith(".mod.o"):
            continue
        syms[name[:-2] + ".c" if name.endswith(".o") else name] = \
            symbols(obj)
    # The module's own link result defines every symbol of its parts.
    objnames = {os.path.basename(o) for o in objs}
    for f in list(syms):
        if f[:-2] + ".mod.o" in objnames:
            del syms[f]
    owner = {}
    for f, (defined, _) in syms.items():
        for s in defined:
            owner.setdefault(s, f)
    edges = {f: {} for f in syms}
    for f, (_, undefined) in syms.items():
        for s in undefined:
            t = owner.get(s)
            if t and t != f:
                edges[f].setdefault(t, []).append(s)
    return edges


def find_cycle(edges):
    """One cycle as a list of files (first == last), or None."""
    state = {}  # 1: on the current path, 2: done
    path = []

    def visit(f):
        state[f] = 1
        path.append(f)
        for t in sorted(edges[f]):
            if state.get(t) == 1:
                return path[path.index(t):] + [t]
            if t not in state:
                c = visit(t)
                if c:
                    return c
        path.pop()
        state[f] = 2
        return None

    sys.setrecursionlimit(10000)
    for f in sorted(edges):
        if f not in state:
            c = visit(f)
            if c:
                return c
    return None


def components(edges):
    """The strongly connected components with more than one file."""
    index, low, stack, on, out = {}, {}, [], set(), []

    def visit(f):
        index[f] = low[f] = len(index)
        stack.append(f)
        on.add(f)
        for t in edges[f]:
            if t not in index:
                visit(t)
                low[f] = min(low[f], low[t])
            elif t in on:
                low[f] = min(low[f], index[t])
        if low[f] == index[f]:
            comp = []
            while True:
                t = stack.pop()
                on.discard(t)
                comp.append(t)
                if t == f:
                    break
            if len(comp) > 1:
                out.append(sorted(comp))

    for f in sorted(edges):
        if f not in index:
            visit(f)
    return out


def main(argv):
    mode = "edges"
    if argv and argv[0] in ("--dot", "--edges"):
        mode = argv.pop(0)[2:]
    if not argv:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    objs = []
    for a in argv:
        if a.endswith(".mod"):
            with open(a) as f:
                objs += [o for o in f.read().split() if o.endswith(".o")]
        else:
            objs.append(a)
    edges = graph(objs)
    n = sum(len(t) for t in edges.values())
    if mode == "dot":
        print("digraph ddi_compat {")
        for f in sorted(edges):
            for t in sorted(edges[f]):
                print(f'\t"{f}" -> "{t}";')
        print("}")
    else:
        for f in sorted(edges):
            for t in sorted(edges[f]):
                print(f"{f} -> {t}  ({', '.join(sorted(edges[f][t]))})")
    cycle = find_cycle(edges)
    print(f"{len(edges)} files, {n} edges", file=sys.stderr)
    if cycle:
        print("cycle: " + " -> ".join(cycle), file=sys.stderr)
        for a, b in zip(cycle, cycle[1:]):
            print(f"  {a} -> {b}: {', '.join(sorted(edges[a][b]))}",
                  file=sys.stderr)
        for comp in components(edges):
            print(f"  files on cycles together ({len(comp)}): "
                  + " ".join(comp), file=sys.stderr)
        return 1
    print("no cycle", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
