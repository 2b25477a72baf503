#!/usr/bin/env python3
"""Canonical N-Triples on long blank-node chains and deep trees.

usage: bench_canon.py DCATIT [--nodes N] [--workdir DIR]

Reliability probe 2, finding 6: colour refinement needs one round over the
whole graph per level of a chain, so a 20,000-node chain took 52 s and a
300,000-node one did not finish. This prints, for a chain and a complete
binary tree of about N blank nodes (default 300,000), the wall and CPU time
of `dcatit convert --to canon` and of `dcatit convert --to nt` on the same
file (the same parsing and writing, no labelling: the peer), and their
ratio. The issue's target is a 300,000-node chain in under 2 s. It also
checks, not times, that a shuffled and relabelled copy of each graph gives
the same bytes. Exit 1 only when a command fails or the copies differ.
"""
import argparse
import os
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time

PREFIXES = ("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
            "@prefix dct: <http://purl.org/dc/terms/> .\n"
            "@prefix ex: <http://ex.org/> .\n")


def chain(n, rng=None):
    """A dataset whose ex:p leads down a chain of n blank nodes."""
    names = list(range(n + 1))
    if rng:
        rng.shuffle(names)
    lines = ['<http://ex.org/ds> a dcat:Dataset ; dct:title "t" ; ex:p _:x%d .' % names[0]]
    body = ["_:x%d ex:p _:x%d ." % (names[i], names[i + 1]) for i in range(n)]
    if rng:
        rng.shuffle(body)
    return PREFIXES + "\n".join(lines + body) + "\n"


def tree(n, rng=None):
    """A complete binary tree of about n blank nodes under a dataset: every
    node has an ex:l and an ex:r child; leaves carry a literal."""
    names = list(range(n))
    if rng:
        rng.shuffle(names)
    lines = ['<http://ex.org/ds> a dcat:Dataset ; ex:root _:t%d .' % names[0]]
    body = []
    for i in range(n):
        kids = [k for k in (2 * i + 1, 2 * i + 2) if k < n]
        if not kids:
            body.append('_:t%d ex:v "leaf" .' % names[i])
        for pred, k in zip(("ex:l", "ex:r"), kids):
            body.append("_:t%d %s _:t%d ." % (names[i], pred, names[k]))
    if rng:
        rng.shuffle(body)
    return PREFIXES + "\n".join(lines + body) + "\n"


def timed(cmd, out_path):
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t0 = time.monotonic()
    with open(out_path, "wb") as out:
        p = subprocess.run(cmd, stdout=out, stderr=subprocess.PIPE)
    wall = time.monotonic() - t0
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    if p.returncode != 0:
        sys.stderr.write(p.stderr.decode(errors="replace")[-2000:])
    return p.returncode, wall, cpu


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("dcatit")
    ap.add_argument("--nodes", type=int, default=300000)
    ap.add_argument("--workdir")
    a = ap.parse_args()
    work = a.workdir or tempfile.mkdtemp(prefix="dcatit-bench-canon-")
    os.makedirs(work, exist_ok=True)
    ok = True
    try:
        for name, make in (("chain", chain), ("tree", tree)):
            src = os.path.join(work, name + ".ttl")
            with open(src, "w") as fh:
                fh.write(make(a.nodes))
            rc1, wall, cpu = timed([a.dcatit, "convert", src, "--to", "canon"],
                                   os.path.join(work, name + ".canon"))
            rc2, pwall, pcpu = timed([a.dcatit, "convert", src, "--to", "nt"],
                                     os.path.join(work, name + ".nt"))
            if rc1 or rc2:
                print(f"{name}: convert failed ({rc1}, {rc2})")
                ok = False
                continue
            print(f"{name} of {a.nodes} blank nodes: --to canon {wall:.2f} s wall "
                  f"({cpu:.2f} s CPU); --to nt {pwall:.2f} s wall ({pcpu:.2f} s CPU); "
                  f"canon/nt CPU ratio {cpu / max(pcpu, 1e-3):.2f}x")
            # the same graph, shuffled and relabelled: the same bytes
            alt = os.path.join(work, name + "-shuffled.ttl")
            with open(alt, "w") as fh:
                fh.write(make(a.nodes, random.Random(7)))
            rc3, _, _ = timed([a.dcatit, "convert", alt, "--to", "canon"],
                              os.path.join(work, name + "-shuffled.canon"))
            with open(os.path.join(work, name + ".canon"), "rb") as x, \
                 open(os.path.join(work, name + "-shuffled.canon"), "rb") as y:
                same = rc3 == 0 and x.read() == y.read()
            print(f"{name}: shuffled copy gives the same canonical bytes: {same}")
            ok = ok and same
        print(f"load average: {os.getloadavg()[0]:.2f} on {os.cpu_count()} CPUs")
    finally:
        if not a.workdir:
            shutil.rmtree(work, ignore_errors=True)
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
