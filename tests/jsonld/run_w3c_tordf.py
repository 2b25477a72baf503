#!/usr/bin/env python3
"""The W3C JSON-LD 1.1 toRdf test suite, run from its manifest (w3c/SOURCES.md).

usage: run_w3c_tordf.py DCATIT SUITEDIR [--verbose] [--only ID]

Every test of w3c/toRdf-manifest.jsonld runs as
    dcatit convert INPUT --from jsonld --to nq --base BASE
(BASE: the manifest's baseIri + the input path, or the test's `base` option).
A positive evaluation test passes when the N-Quads written are the expected
dataset (isomorphic: the same quads once blank nodes are mapped one to one);
a positive syntax test when the input is read; a negative test when dcatit
refuses the input with exit status 3 (never a crash, a hang or a dataset).

Tests that cannot run are counted apart, with the reason: a context from
another document (dcatit never loads one: the suite's remote-context tests
name a file or an URL), the JSON-LD 1.0 processing mode (dcatit is a 1.1
processor), generalized RDF (blank node predicates are not RDF 1.1) and the
rdfDirection option (base direction written as RDF), which dcatit does not
offer.

Prints the counts and every failure; exits 1 when fewer than 98 % of the
runnable positive tests give the expected dataset exactly, when fewer than
98 % of the runnable negative tests are refused, or when the manifest is
missing or lists no test.
"""
import json
import os
import re
import subprocess
import sys
from collections import Counter, defaultdict

BAR = 0.98
TIMEOUT = 30

# ---- N-Quads ---------------------------------------------------------------

TOKEN = re.compile(r'''
    \s*(?:
      (?P<iri><[^>]*>)
    | (?P<bnode>_:[^\s]+?)(?=\s|\.\s*$|$)
    | (?P<lit>"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)
    | (?P<dot>\.)
    )''', re.X)

ESC = re.compile(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|[tbnrf"\'\\])')
SIMPLE = {"t": "\t", "b": "\b", "n": "\n", "r": "\r", "f": "\f", '"': '"', "'": "'", "\\": "\\"}


def unescape(s):
    def one(m):
        e = m.group(1)
        if e[0] in "uU":
            return chr(int(e[1:], 16))
        return SIMPLE[e]
    return ESC.sub(one, s)


def term(tok):
    """A hashable term: ('I', iri) ('B', label) ('L', lexical, lang, datatype)."""
    if tok.startswith("<"):
        return ("I", unescape(tok[1:-1]))
    if tok.startswith("_:"):
        return ("B", tok[2:])
    m = re.match(r'^"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?$', tok, re.S)
    lex = unescape(m.group(1))
    lang = m.group(2).lower() if m.group(2) else None
    dt = m.group(3)
    if dt == "http://www.w3.org/2001/XMLSchema#string":
        dt = None
    return ("L", lex, lang, dt)


def parse_nquads(text):
    quads = set()
    for n, line in enumerate(text.splitlines(), 1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        toks, pos = [], 0
        while pos < len(line):
            m = TOKEN.match(line, pos)
            if not m or m.end() == pos:
                raise ValueError("line %d: cannot read %r" % (n, line[pos:pos + 40]))
            pos = m.end()
            if m.group("dot"):
                break
            toks.append(m.group(m.lastgroup))
        if len(toks) not in (3, 4):
            raise ValueError("line %d: %d terms" % (n, len(toks)))
        t = tuple(term(x) for x in toks)
        quads.add(t if len(t) == 4 else t + (None,))
    return quads


# ---- dataset isomorphism ---------------------------------------------------

def bnodes(quads):
    return sorted({x for q in quads for x in q if x and x[0] == "B"})


def colours(quads):
    """Blank node colours by iterated refinement over the quads they are in."""
    nodes = bnodes(quads)
    col = {b: 0 for b in nodes}
    for _ in range(len(nodes) + 1):
        sig = defaultdict(list)
        for q in quads:
            for i, x in enumerate(q):
                if x and x[0] == "B":
                    sig[x].append(tuple(
                        ("self",) if y == x else (("B", col[y]) if y and y[0] == "B" else y)
                        for y in q) + (i,))
        new = {b: hash((col[b], tuple(sorted(map(repr, sig[b]))))) for b in nodes}
        if len(set(new.values())) == len(set(col.values())):
            col = new
            break
        col = new
    return col


def isomorphic(a, b):
    if len(a) != len(b):
        return False
    ba, bb = bnodes(a), bnodes(b)
    if len(ba) != len(bb):
        return False
    if not ba:
        return a == b
    ca, cb = colours(a), colours(b)
    if sorted(ca.values()) != sorted(cb.values()):
        return False
    classes = defaultdict(list)
    for x in bb:
        classes[cb[x]].append(x)
    order = sorted(ba, key=lambda x: len(classes[ca[x]]))

    def apply(m):
        return {tuple(m.get(x, x) if x and x[0] == "B" else x for x in q) for q in a}

    def search(i, m, used):
        if i == len(order):
            return apply(m) == b
        x = order[i]
        for y in classes[ca[x]]:
            if y not in used:
                m[x] = y
                used.add(y)
                if search(i + 1, m, used):
                    return True
                used.discard(y)
                del m[x]
        return False

    return search(0, {}, set())


# ---- the suite ---------------------------------------------------------------

def remote_context(doc):
    """Does the document name a context that lives in another document?"""
    if isinstance(doc, dict):
        for k, v in doc.items():
            if k == "@context":
                vs = v if isinstance(v, list) else [v]
                if any(isinstance(x, str) for x in vs):
                    return True
            if k == "@import":
                return True
            if remote_context(v):
                return True
    elif isinstance(doc, list):
        return any(remote_context(x) for x in doc)
    return False


def skip_reason(test, suite):
    opt = test.get("option", {})
    if opt.get("processingMode") == "json-ld-1.0":
        return "JSON-LD 1.0 processing mode (dcatit is a 1.1 processor)"
    if opt.get("specVersion") == "json-ld-1.0":
        return "JSON-LD 1.0 only (a 1.1 processor gives another result)"
    if opt.get("produceGeneralizedRdf"):
        return "generalized RDF (blank node predicates are not RDF 1.1)"
    if opt.get("rdfDirection"):
        return "rdfDirection option (base direction written as RDF)"
    if opt.get("expandContext"):
        return "context from another document (dcatit never loads one)"
    try:
        with open(os.path.join(suite, test["input"]), encoding="utf-8") as f:
            doc = json.load(f)
    except (OSError, ValueError):
        return None  # unreadable input: a negative test reads it
    if remote_context(doc):
        return "context from another document (dcatit never loads one)"
    return None


def kind(test):
    types = test["@type"]
    if "jld:NegativeEvaluationTest" in types:
        return "negative"
    if "jld:PositiveSyntaxTest" in types:
        return "syntax"
    return "positive"


def run(dcatit, suite, base_iri, test):
    opt = test.get("option", {})
    base = opt.get("base", base_iri + test["input"])
    args = [dcatit, "convert", os.path.join(suite, test["input"]), "--from", "jsonld",
            "--to", "nq", "--base", base]
    try:
        p = subprocess.run(args, capture_output=True, timeout=TIMEOUT)
    except subprocess.TimeoutExpired:
        return None, "", "timeout after %d s" % TIMEOUT
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def main(argv):
    if len(argv) < 3:
        print(__doc__)
        return 2
    dcatit, suite = argv[1], argv[2]
    verbose = "--verbose" in argv
    only = argv[argv.index("--only") + 1] if "--only" in argv else None
    manifest = os.path.join(suite, "toRdf-manifest.jsonld")
    try:
        with open(manifest, encoding="utf-8") as f:
            m = json.load(f)
    except (OSError, ValueError) as e:
        print("FAIL the manifest %s cannot be read: %s" % (manifest, e))
        return 1
    tests = m.get("sequence") or []
    if not tests:
        print("FAIL the manifest %s lists no test" % manifest)
        return 1
    base_iri = m.get("baseIri", "")
    ran = Counter()
    good = Counter()
    skipped = Counter()
    failures = []
    for t in tests:
        tid = t["@id"].lstrip("#")
        if only and tid != only:
            continue
        k = kind(t)
        reason = skip_reason(t, suite)
        if reason:
            skipped[(k, reason)] += 1
            continue
        ran[k] += 1
        rc, out, err = run(dcatit, suite, base_iri, t)
        what = "%s %s (%s)" % (tid, t.get("name", ""), k)
        if rc is None or rc < 0 or rc not in (0, 1, 2, 3):
            failures.append((what, "crashed or hung: %s %s" % (rc, err.strip()[:300])))
            continue
        if k == "negative":
            if rc == 3:
                good[k] += 1
            else:
                failures.append((what, "accepted, expected error '%s'" %
                                 t.get("expectErrorCode", "")))
            continue
        if rc != 0:
            failures.append((what, "refused: " + err.strip()[:300]))
            continue
        if k == "syntax":
            good[k] += 1
            continue
        with open(os.path.join(suite, t["expect"]), encoding="utf-8") as f:
            want_text = f.read()
        try:
            got, want = parse_nquads(out), parse_nquads(want_text)
        except ValueError as e:
            failures.append((what, "output is not N-Quads: %s" % e))
            continue
        if isomorphic(got, want):
            good[k] += 1
        else:
            detail = "expected:\n" + want_text.strip() + "\ngot:\n" + out.strip()
            failures.append((what, "another dataset\n" + detail))
    for what, why in failures:
        print("FAIL " + what + ": " + (why if verbose else why.splitlines()[0]))
    pos_ran = ran["positive"] + ran["syntax"]
    pos_good = good["positive"] + good["syntax"]
    print("positive: %d of %d runnable give the expected dataset exactly "
          "(%d evaluation, %d syntax)" % (pos_good, pos_ran, good["positive"], good["syntax"]))
    print("negative: %d of %d runnable refused" % (good["negative"], ran["negative"]))
    for (k, reason), n in sorted(skipped.items()):
        print("skipped: %d %s: %s" % (n, k, reason))
    if only:
        return 0 if not failures else 1
    ok = True
    if not pos_ran or pos_good < BAR * pos_ran:
        print("FAIL positive tests below %d %%" % (BAR * 100))
        ok = False
    if not ran["negative"] or good["negative"] < BAR * ran["negative"]:
        print("FAIL negative tests below %d %%" % (BAR * 100))
        ok = False
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv))
