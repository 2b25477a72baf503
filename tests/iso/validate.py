#!/usr/bin/env python3
"""Both profiles on the mapping's output: every ISO record of the tests
(tests/harvest_csw/data, tests/iso/semic) converted by dcatit, then

1. validated with the DCAT-AP_IT profile (the default, with its GeoDCAT-AP
   geometry and period checks): the findings, counted per record by severity
   and shape, must be exactly those of expected-findings.txt, which lists
   the true gaps of each record (no modified date, no IPA code, a licence
   outside the Italian vocabulary, one record without its catalogue...) and
   nothing the mapping itself gets wrong;
2. validated with the bundled GeoDCAT-AP 2.0 profile (`--profile
   geodcat-ap`, vocab/profiles/geodcat-ap): no finding at all.

Usage: validate.py DCATIT SRCDIR [--regen]   (--regen rewrites
expected-findings.txt from the current output: review the diff)"""

import os
import re
import subprocess
import sys
import tempfile
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected-findings.txt")
BASE = "https://example.org/iso/"
FINDING = re.compile(r": (error|warning|info): .*shape <[^>#]*#([^>]+)>")

dcatit, src = sys.argv[1], sys.argv[2]
regen = "--regen" in sys.argv


def run(args):
    return subprocess.run(args, capture_output=True, text=True, timeout=300)


def inputs():
    data = os.path.join(src, "tests", "harvest_csw", "data")
    out = [("harvest_csw/" + f, os.path.join(data, f)) for f in sorted(os.listdir(data))
           if f.endswith(".xml") and f != "error_bad_xml.xml"]
    semic = os.path.join(HERE, "semic")
    out += [("semic/" + c, os.path.join(semic, c, "input.xml")) for c in sorted(os.listdir(semic))
            if os.path.isdir(os.path.join(semic, c))]
    return out


failures = []
found = {}
with tempfile.TemporaryDirectory() as tmp:
    ttl = os.path.join(tmp, "record.ttl")
    for name, path in inputs():
        r = run([dcatit, "convert", path, "-o", ttl, "--base", BASE])
        if r.returncode != 0:
            failures.append(f"{name}: convert exit {r.returncode}: {r.stderr.strip()}")
            continue
        r = run([dcatit, "validate", ttl])
        if r.returncode not in (0, 1):
            failures.append(f"{name}: validate exit {r.returncode}: {r.stderr.strip()}")
            continue
        found[name] = Counter(m.groups() for m in FINDING.finditer(r.stdout))
        g = run([dcatit, "validate", ttl, "--profile", "geodcat-ap", "--fail-on", "info"])
        if g.returncode != 0 or FINDING.search(g.stdout):
            failures.append(f"{name}: the GeoDCAT-AP shapes report: {g.stdout.strip()[:2000]}")

if regen:
    with open(EXPECTED, "w", encoding="utf-8") as f:
        f.write("# RECORD\tSEVERITY\tSHAPE\tCOUNT: what `dcatit validate` (DCAT-AP_IT profile) finds in\n"
                "# the mapping of each test record; each line reviewed as a true gap of the record\n"
                "# (see tests/harvest_csw/REVIEW.md section 4). Regenerate: validate.py DCATIT SRCDIR --regen\n")
        for name in sorted(found):
            for (sev, shape), n in sorted(found[name].items()):
                f.write(f"{name}\t{sev}\t{shape}\t{n}\n")
    print(f"wrote {EXPECTED}")
    sys.exit(1 if failures else 0)

want = {}
with open(EXPECTED, encoding="utf-8") as f:
    for line in f:
        if line.startswith("#") or not line.strip():
            continue
        name, sev, shape, n = line.rstrip("\n").split("\t")
        want.setdefault(name, Counter())[(sev, shape)] = int(n)
if not found:
    failures.append("no record was validated")
for name in sorted(set(found) | set(want)):
    got, exp = found.get(name, Counter()), want.get(name, Counter())
    for key in sorted(set(got) | set(exp)):
        if got[key] != exp[key]:
            failures.append(f"{name}: {key[0]} {key[1]}: {got[key]} found, {exp[key]} expected")
for f in failures:
    print("FAIL:", f)
print(f"{len(found)} records validated with both profiles, {len(failures)} failures")
sys.exit(1 if failures else 0)
