#!/usr/bin/env python3
"""Run the DCAT-AP_IT profile fixtures through `dcatit validate` and check the rule ids reported.

usage: run_profile.py DCATIT_EXE SOURCE_ROOT [--mini | --default] [-v]

For every row of tests/profile/cases/expected.csv (plus the handwritten cases of
tests/profile/extra/expected.csv) it runs
    DCATIT validate --format json [--profile none] --shapes SHAPES FIXTURE
and requires the set of rule ids found in the report to equal the expected set exactly, each
with the expected severity; base.ttl and the *-ok.ttl near misses must report nothing.
A result names its rule through its source shape (dcatit:rule-73, dcatit:rule-82-189,
dcatit:extra-...) or, failing that, through the "(AgID rule 73)" / "(dcatit check x)" at the
end of its message. Results of shapes outside the file under test are ignored.

The JSON layout is read loosely: every object holding a "severity" and a "shape" or "message"
key anywhere in the document is a result. Exit status of validate must be 0 or 1.

--mini uses vocab/tools/mini_shacl.py (python3-rdflib) instead of the binary: a cross-check of
the shapes and fixtures that does not need the C engine (DCATIT_EXE is then ignored).
--default checks the profile as users get it: `validate --format json FIXTURE` with no --shapes
and DCATIT_DATADIR=SOURCE_ROOT/vocab, so both shape files and whatever the CLI loads from vocab/
are used; base.ttl must then report nothing at all and a few fixtures exactly their checks.

Standard library only (rdflib only with --mini). Exit 0 when every fixture passes.
"""
import csv
import json
import os
import re
import subprocess
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__

SHAPE_RE = re.compile(r"[#/:](rule-\d+(?:-\d+)*|extra-[A-Za-z0-9_-]+|check-[A-Za-z0-9_-]+)>?$")
MSG_RE = re.compile(r"\((?:AgID rules? ([\d, ]+)|dcatit check ([A-Za-z0-9_-]+))\)\s*$")


def norm_sev(s):
    s = str(s).lower()
    if "violation" in s or "error" in s:
        return "error"
    if "warning" in s:
        return "warning"
    if "info" in s:
        return "info"
    return s


def ids_of(shape, message):
    """Rule ids of a result: ('73',) or ('82', '189') or ('extra-theme',); None if unknown."""
    m = SHAPE_RE.search(shape or "")
    if m:
        name = m.group(1)
        if name.startswith("rule-"):
            return tuple(name[len("rule-"):].split("-"))
        return (name,)
    m = MSG_RE.search(message or "")
    if m and m.group(1):
        return tuple(x.strip() for x in m.group(1).split(",") if x.strip())
    if m and m.group(2):
        return ("extra-" + m.group(2),)
    return None


def collect(doc, out):
    if isinstance(doc, dict):
        if "severity" in doc and ("shape" in doc or "message" in doc or "sourceShape" in doc):
            out.append(doc)
        for v in doc.values():
            collect(v, out)
    elif isinstance(doc, list):
        for v in doc:
            collect(v, out)


class Engine:
    def __init__(self, exe, root, mini):
        # absolute: the default-profile runs use the fixture's directory as cwd
        self.exe = os.path.abspath(exe) if os.sep in exe else exe
        self.root, self.mini = os.path.abspath(root), mini
        self.extra_args = []
        self.shape_graphs = {}
        if not mini:
            try:
                h = subprocess.run([exe, "validate", "--help"], capture_output=True, text=True, timeout=30)
                if "--profile" in h.stdout + h.stderr:
                    self.extra_args = ["--profile", "none"]
            except (OSError, subprocess.TimeoutExpired):
                pass

    def run_mini(self, shapes, fixture, more_data=()):
        sys.path.insert(0, os.path.join(self.root, "vocab", "tools"))
        import mini_shacl
        import rdflib
        if shapes not in self.shape_graphs:
            g = rdflib.Graph()
            g.parse(shapes, format="turtle")
            self.shape_graphs[shapes] = g
        sg = self.shape_graphs[shapes]
        dg = rdflib.Graph()
        for f in (fixture,) + tuple(more_data):
            dg.parse(f, format="turtle")
        res = []
        for shape, focus, value, comp in mini_shacl.Validator(sg, dg).run():
            sev = sg.value(shape, mini_shacl.SH.severity) or mini_shacl.SH.Violation
            msg = str(sg.value(shape, mini_shacl.SH.message) or "")
            res.append((ids_of(str(shape), msg), norm_sev(sev), "%s %s %s %s" % (focus, value, comp, msg)))
        return res

    def run_default(self, fixture, args=()):
        env = dict(os.environ, DCATIT_DATADIR=os.path.join(self.root, "vocab"))
        p = subprocess.run([self.exe, "validate", "--format", "json"] + list(args) + [fixture],
                           capture_output=True, text=True, timeout=300, env=env,
                           cwd=os.path.dirname(fixture))
        if p.returncode not in (0, 1):
            raise RuntimeError("exit %d: %s" % (p.returncode, p.stderr.strip()[-400:]))
        found = []
        collect(json.loads(p.stdout), found)
        return [(ids_of(str(r.get("shape") or ""), str(r.get("message") or "")), norm_sev(r["severity"]),
                 "%s:%s %s %s" % (r.get("file"), r.get("line"), r.get("focus"), r.get("message")))
                for r in found]

    def run(self, shapes, fixture, more_data=()):
        """List of (ids tuple or None, severity, text) for one fixture, or raises RuntimeError."""
        if self.mini:
            return self.run_mini(shapes, fixture, more_data)
        cmd = [self.exe, "validate", "--format", "json"] + self.extra_args + ["--shapes", shapes, fixture]
        cmd += list(more_data)
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=120)
        if p.returncode not in (0, 1):
            raise RuntimeError("exit %d: %s" % (p.returncode, p.stderr.strip()[-400:]))
        try:
            doc = json.loads(p.stdout)
        except ValueError as e:
            raise RuntimeError("output is not JSON (%s): %r" % (e, p.stdout[:200]))
        found = []
        collect(doc, found)
        res = []
        for r in found:
            shape = str(r.get("shape") or r.get("sourceShape") or "")
            msg = str(r.get("message") or "")
            res.append((ids_of(shape, msg), norm_sev(r["severity"]),
                        "%s %s %s" % (r.get("focus"), r.get("component"), msg)))
        return res


def check_table(engine, shapes, table, base_dir, prefix, verbose):
    """Run every fixture of one expectation table; fixture paths are relative to base_dir."""
    failures, count = [], 0
    with open(table, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        fixture = os.path.join(base_dir, row["fixture"])
        want = set(row["rules"].split())
        count += 1
        try:
            results = engine.run(shapes, fixture)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            failures.append("%s: %s" % (row["fixture"], e))
            continue
        got, bad = set(), []
        for ids, sev, text in results:
            if ids is None:
                continue   # a shape of another file (e.g. the default profile): not under test
            if prefix and not ids[0].startswith(prefix):
                continue
            if not prefix and ids[0].startswith("extra-"):
                continue
            got.update(ids)
            if want and sev != row["severity"]:
                bad.append("severity %s for %s (want %s)" % (sev, ",".join(ids), row["severity"]))
            if not want or not set(ids) <= want:
                bad.append("unexpected %s: %s" % (",".join(ids), text))
        if got != want:
            bad.append("want {%s} got {%s}" % (" ".join(sorted(want)), " ".join(sorted(got))))
        if bad:
            failures.append("%s: %s" % (row["fixture"], "; ".join(sorted(set(bad)))))
        elif verbose:
            print("ok   %s {%s}" % (row["fixture"], " ".join(sorted(got))))
    return count, failures


# Fixtures checked with the default profile: every result must be in the set, all of it found.
DEFAULT_CASES = [
    ("base.ttl", set()),
    ("cases/rule-179.ttl", {"179"}),
    ("cases/rule-196.ttl", {"196"}),
    ("extra/theme.ttl", {"extra-theme"}),
    ("extra/schema-start-date.ttl", {"extra-schema-start-date"}),
    ("extra/namespace-class.ttl", {"extra-namespace-class"}),
]


def check_default(engine, here, verbose):
    failures = []
    for name, want in DEFAULT_CASES:
        try:
            results = engine.run_default(os.path.join(here, name))
        except (RuntimeError, OSError, ValueError, subprocess.TimeoutExpired) as e:
            failures.append("%s: %s" % (name, e))
            continue
        got, bad = set(), []
        for ids, sev, text in results:
            if ids is None or not set(ids) <= want:
                bad.append("unexpected %s" % text)
            else:
                got.update(ids)
        if got != want:
            bad.append("want {%s} got {%s}" % (" ".join(sorted(want)), " ".join(sorted(got))))
        if bad:
            failures.append("%s (default profile): %s%s" % (name, "; ".join(bad[:5]),
                                                            " ... %d more" % (len(bad) - 5) if len(bad) > 5 else ""))
        elif verbose:
            print("ok   %s (default profile) {%s}" % (name, " ".join(sorted(got))))
    return len(DEFAULT_CASES), failures


def check_c_checks(engine, here, verbose):
    """The checks in C (src/profile/checks.c) run only with the profile: tests/profile/checks/
    fixtures with the default profile; every result must be expected (expected.csv), each
    dcatit:check-* result with the expected severity when one is given."""
    table = os.path.join(here, "checks", "expected.csv")
    failures = []
    with open(table, newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for row in rows:
        want = set(row["rules"].split())
        try:
            results = engine.run_default(os.path.join(here, row["fixture"]), row["args"].split())
        except (RuntimeError, OSError, ValueError, subprocess.TimeoutExpired) as e:
            failures.append("%s: %s" % (row["fixture"], e))
            continue
        got, bad = set(), []
        for ids, sev, text in results:
            if ids is None or not set(ids) <= want:
                bad.append("unexpected %s" % text)
                continue
            got.update(ids)
            if row["severity"] and ids[0].startswith("check-") and sev != row["severity"]:
                bad.append("severity %s for %s (want %s)" % (sev, ids[0], row["severity"]))
        if got != want:
            bad.append("want {%s} got {%s}" % (" ".join(sorted(want)), " ".join(sorted(got))))
        if bad:
            failures.append("%s (default profile): %s" % (row["fixture"], "; ".join(bad[:5])))
        elif verbose:
            print("ok   %s (default profile) {%s}" % (row["fixture"], " ".join(sorted(got))))
    return len(rows), failures


def main(argv):
    args = [a for a in argv[1:] if not a.startswith("-")]
    mini = "--mini" in argv
    verbose = "-v" in argv
    if len(args) != 2:
        sys.stderr.write("usage: run_profile.py DCATIT_EXE SOURCE_ROOT [--mini] [-v]\n")
        return 2
    exe, root = args
    engine = Engine(exe, root, mini)
    here = os.path.join(root, "tests", "profile")
    if "--default" in argv:
        total, failures = check_default(engine, here, verbose)
        n, f = check_c_checks(engine, here, verbose)
        total += n
        failures += f
        for line in failures:
            print("FAIL " + line)
        print("profile (default): %d fixtures, %d passed, %d failed"
              % (total, total - len(failures), len(failures)))
        return 1 if failures else 0
    total, failures = 0, []
    n, f = check_table(engine, os.path.join(root, "vocab", "shapes", "dcatapit.ttl"),
                       os.path.join(here, "cases", "expected.csv"), here, "", verbose)
    total += n
    failures += f
    # The national shapes must stay quiet when the EU tables are in the data graph too.
    eu = sorted(os.path.join(root, "vocab", "eu", f) for f in os.listdir(os.path.join(root, "vocab", "eu"))
                if f.endswith(".ttl"))
    for shapes in ("dcatapit.ttl", "dcatapit-extra.ttl"):
        total += 1
        try:
            res = engine.run(os.path.join(root, "vocab", "shapes", shapes), os.path.join(here, "base.ttl"), eu)
            if res:
                failures.append("base.ttl + vocab/eu/*.ttl with %s: %d results, e.g. %s" % (shapes, len(res), res[0][2]))
            elif verbose:
                print("ok   base.ttl + vocab/eu/*.ttl with %s {}" % shapes)
        except (RuntimeError, OSError, subprocess.TimeoutExpired) as e:
            failures.append("base.ttl + vocab/eu/*.ttl with %s: %s" % (shapes, e))
    extra_dir = os.path.join(here, "extra")
    if os.path.exists(os.path.join(extra_dir, "expected.csv")):
        n, f = check_table(engine, os.path.join(root, "vocab", "shapes", "dcatapit-extra.ttl"),
                           os.path.join(extra_dir, "expected.csv"), here, "extra-", verbose)
        total += n
        failures += f
    for line in failures:
        print("FAIL " + line)
    print("profile: %d fixtures, %d passed, %d failed" % (total, total - len(failures), len(failures)))
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
