#!/usr/bin/env python3
"""The JSON-LD reader on real DCAT-AP_IT files, through the dcatit CLI.

usage: run_jsonld.py DCATIT DATADIR

For each graph published as .ttl, .rdf and .jsonld (data/SOURCES.md):
- the three give the same canonical N-Triples (raptor for Turtle and
  RDF/XML, our reader for JSON-LD), with the triple count the source gives;
- JSON-LD on standard input is recognised from its content;
- `dcatit convert --to jsonld` of the Turtle, read back, is the same graph;
- `dcatit validate` reports the same findings for the JSON-LD as for the
  Turtle, located at lines of the JSON-LD file.
Then a remote @context is refused with a located error and exit status 3,
and every cases/NAME.jsonld gives the graph of cases/NAME.nq.
Prints one line per check and exits non-zero when one fails.
"""
import difflib
import os
import re
import subprocess
import sys
import tempfile

DCATIT, DATA = sys.argv[1], sys.argv[2]
GRAPHS = {"metadatiDCATAPIT_datigov": 49, "metadatiDCATAPIT_RNDT": 113}
CASE_BASE = "http://example.org/dir/doc.jsonld"
failures = 0


def check(ok, what, detail=""):
    global failures
    print(("PASS " if ok else "FAIL ") + what)
    if not ok:
        failures += 1
        if detail:
            print("  " + detail.replace("\n", "\n  "))


def run(args, stdin=None):
    with open(stdin, "rb") if stdin else open(os.devnull, "rb") as f:
        p = subprocess.run([DCATIT] + args, stdin=f, capture_output=True)
    return p.returncode, p.stdout.decode(), p.stderr.decode()


def canon(path, *extra):
    rc, out, err = run(["convert", path, "--to", "canon", *extra])
    if rc != 0:
        return None, err
    return out, err


with tempfile.TemporaryDirectory() as tmp:
    for name, count in GRAPHS.items():
        base = os.path.join(DATA, name)
        ttl, _ = canon(base + ".ttl")
        rdf, _ = canon(base + ".rdf")
        jsonld, err = canon(base + ".jsonld")
        check(jsonld is not None, f"{name}.jsonld parses", err)
        check(ttl is not None and ttl.count("\n") == count,
              f"{name}.ttl has {count} triples")
        check(jsonld == ttl, f"{name}: JSON-LD and Turtle give the same graph")
        check(rdf is not None and jsonld == rdf,
              f"{name}: JSON-LD and RDF/XML give the same graph")

        rc, out, err = run(["convert", "-", "--to", "canon"], stdin=base + ".jsonld")
        check(rc == 0 and out == ttl, f"{name}: JSON-LD on stdin is sniffed", err)

        rt = os.path.join(tmp, name + ".jsonld")
        rc, _, err = run(["convert", base + ".ttl", "--to", "jsonld", "-o", rt])
        back, err2 = canon(rt) if rc == 0 else (None, err)
        check(back == ttl, f"{name}: convert --to jsonld reads back the same graph",
              err2)

        rc_t, out_t, _ = run(["validate", base + ".ttl"])
        rc_j, out_j, _ = run(["validate", base + ".jsonld"])

        def findings(out, path):
            # "PATH[:LINE]: severity: text": the same text, whatever the file
            pat = re.escape(path) + r"(:\d+)?: "
            return sorted(re.sub(pat, "", l) for l in out.splitlines())

        ft, fj = findings(out_t, base + ".ttl"), findings(out_j, base + ".jsonld")
        check(rc_t in (0, 1) and rc_j == rc_t and ft and fj == ft,
              f"{name}: validate finds the same in JSON-LD as in Turtle",
              f"ttl: {rc_t} {len(ft)} findings\njsonld: {rc_j} {len(fj)} findings")
        located = re.findall(re.escape(base + ".jsonld") + r":(\d+): ", out_j)
        check(rc_j == 0 or (located and all(int(n) > 1 for n in located)),
              f"{name}: findings in the JSON-LD carry its line numbers")

    remote = os.path.join(tmp, "remote.jsonld")
    with open(remote, "w") as f:
        f.write('{\n  "@context": "https://example.org/ctx.jsonld",\n'
                '  "@id": "http://example.org/x", "title": "t"\n}\n')
    rc, out, err = run(["convert", remote, "--to", "canon"])
    check(rc == 3 and out == "" and
          "remote @context <https://example.org/ctx.jsonld> is not fetched; "
          "inline the context" in err and (remote + ":1: error:") in err,
          "a remote @context is refused, located, exit 3", f"rc={rc}\n{err}")

    bad = os.path.join(tmp, "bad.jsonld")
    with open(bad, "w") as f:
        f.write('{\n  "@id": "http://example.org/x",\n  "http://example.org/p": [1,]\n}\n')
    rc, out, err = run(["convert", bad, "--to", "canon"])
    check(rc == 3 and (bad + ":3:") in err, "bad JSON is located by line", err)

    # cases/NAME.jsonld against cases/NAME.nq, the N-Quads the reference
    # implementation gives (SOURCES.md); named graphs merge on both sides
    cases = os.path.join(os.path.dirname(os.path.abspath(__file__)), "cases")
    names = sorted(f for f in os.listdir(cases) if f.endswith(".jsonld"))
    check(len(names) > 0, "cases/ holds JSON-LD cases")
    for f in names:
        n = f[:-len(".jsonld")]
        got, err = canon(os.path.join(cases, f), "--base", CASE_BASE)
        want, err2 = canon(os.path.join(cases, n + ".nq"), "--from", "nq")
        check(got is not None and want is not None and got == want,
              f"case {n}", (err or err2) if got is None or want is None else
              "\n".join(difflib.unified_diff(want.splitlines(), got.splitlines(),
                                              "expected", "dcatit", lineterm="")))

print(f"{failures} failed")
sys.exit(1 if failures else 0)
