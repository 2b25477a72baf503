#!/usr/bin/env python3
"""Compare, as graphs, dcatit's mapping of ISO 19139 records with the
expected output of the European reference mapping (SEMIC
iso-19139-to-dcat-ap) on its own test cases (semic/<case>/).

Both graphs are read by dcatit itself (`dcatit convert -t canon`), so no RDF
library is needed. A *value* is one triple whose object is an IRI or a
literal, written as (path of its subject, predicate, object):

- the described resource (the foaf:primaryTopic of the dcat:CatalogRecord)
  is `RES` in both graphs, whatever its IRI (the reference takes the
  resource identifier, dcatit the base IRI + fileIdentifier);
- a blank node, and in dcatit's graph an IRI minted under the base
  (distributions, services, the catalogue record), is named by the shortest
  predicate path that reaches it from RES or another IRI (lexically smallest
  on ties): `RES/dcat:distribution/dcat:accessService`;
- foaf:primaryTopic and foaf:isPrimaryTopicOf are read as the inverses they
  are; of two local nodes with the same path and the same content (a
  subtree written twice) one is counted, as in the lean graph; literals compare with whitespace collapsed, xsd:string as a plain
  literal, language tags in lower case, decimals by value, and WKT polygons
  by their set of vertices (a ring read clockwise or counter-clockwise, or
  from another corner, is the same box).

Values are compared as multisets (two distributions give two
`RES/dcat:distribution rdf:type dcat:Distribution`). The share reported is
the part of the reference's values dcatit reproduces: over all of them, and
over the core ones, leaving out what only the extended GeoDCAT-AP profile
has (the properties in bold in the reference's Mappings.md, and IRIs only
those properties point to). DIFFERENCES.tsv lists each core value of the
reference dcatit does not reproduce, with the reason: `reference-error` (a
wrong value: left out of the shares) or `deliberate` (mapped differently on
purpose, with the value dcatit writes instead, checked present in its
output, or `-` for none). Two shares are printed per case: the values
reproduced exactly, and those reproduced or mapped differently on purpose
with the replacement present. The run fails when the second share of a
case is below 90 %, when a core value is missing and not listed, when a
listed replacement is not in dcatit's output, or when a listed value is
reproduced after all (a stale entry).

Usage: compare.py DCATIT [--report]   (--report: print every value)"""

import os
import re
import subprocess
import sys
from collections import Counter, defaultdict
from decimal import Decimal, InvalidOperation

HERE = os.path.dirname(os.path.abspath(__file__))
CASES = os.path.join(HERE, "semic")
BASE = "https://example.org/iso/"
THRESHOLD = 90.0

PREFIXES = [
    ("rdf:", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs:", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd:", "http://www.w3.org/2001/XMLSchema#"),
    ("dcat:", "http://www.w3.org/ns/dcat#"),
    ("dct:", "http://purl.org/dc/terms/"),
    ("dcatap:", "http://data.europa.eu/r5r/"),
    ("geodcatap:", "http://data.europa.eu/930/"),
    ("dcatapit:", "http://dati.gov.it/onto/dcatapit#"),
    ("foaf:", "http://xmlns.com/foaf/0.1/"),
    ("vcard:", "http://www.w3.org/2006/vcard/ns#"),
    ("prov:", "http://www.w3.org/ns/prov#"),
    ("dqv:", "http://www.w3.org/ns/dqv#"),
    ("adms:", "http://www.w3.org/ns/adms#"),
    ("cnt:", "http://www.w3.org/2011/content#"),
    ("locn:", "http://www.w3.org/ns/locn#"),
    ("skos:", "http://www.w3.org/2004/02/skos/core#"),
    ("owl:", "http://www.w3.org/2002/07/owl#"),
    ("gsp:", "http://www.opengis.net/ont/geosparql#"),
    ("sdmx:", "http://purl.org/linked-data/sdmx/2009/attribute#"),
]
# the properties GeoDCAT-AP has only in its extended profile (Mappings.md,
# bold rows); every geodcatap: property is one too
EXTENDED = {"prov:qualifiedAttribution", "prov:wasUsedBy", "dct:created",
            "adms:representationTechnique", "cnt:characterEncoding",
            "dct:hasPart", "dct:rightsHolder", "dct:creator"}
# on the catalogue record only (metadata point of contact, file identifier)
EXTENDED_ON_RECORD = {"dcat:contactPoint", "dct:identifier"}
RECORD = "RES/foaf:isPrimaryTopicOf"
NUMERIC = {"xsd:decimal", "xsd:double", "xsd:float", "xsd:integer",
           "xsd:nonNegativeInteger", "xsd:positiveInteger", "xsd:long", "xsd:int"}

TERM = re.compile(r'<([^>]*)>|_:(\S+)|"((?:[^"\\]|\\.)*)"(?:@([A-Za-z0-9-]+)|\^\^<([^>]*)>)?')


def short(iri):
    for p, ns in PREFIXES:
        if iri.startswith(ns) and re.fullmatch(r"[A-Za-z0-9_.-]*", iri[len(ns):]):
            return p + iri[len(ns):]
    return "<" + iri + ">"


def unescape(s):
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU"
                  else {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1), m.group(1)),
                  s)


def parse_nt(text):
    triples = []
    for line in text.splitlines():
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        terms, pos = [], 0
        for _ in range(3):
            while line[pos] == " ":
                pos += 1
            m = TERM.match(line, pos)
            if not m:
                raise ValueError("cannot parse N-Triples line: " + line)
            if m.group(1) is not None:
                terms.append(("iri", m.group(1)))
            elif m.group(2) is not None:
                terms.append(("bnode", m.group(2)))
            else:
                terms.append(("lit", unescape(m.group(3)), m.group(4), m.group(5)))
            pos = m.end()
        triples.append(tuple(terms))
    return triples


def num(s):
    try:
        return str(Decimal(s).normalize())
    except InvalidOperation:
        return s


def wkt_vertices(s):
    m = re.fullmatch(r"\s*POLYGON\s*\(\(([^()]*)\)\)\s*", s, re.I)
    if not m:
        return None
    pts = set()
    for p in m.group(1).split(","):
        xy = p.split()
        if len(xy) != 2:
            return None
        pts.add((num(xy[0]), num(xy[1])))
    return "POLYGON{" + " ".join(f"{x} {y}" for x, y in sorted(pts)) + "}"


def show_literal(t):
    _, value, lang, dt = t
    value = " ".join(value.split())
    dts = short(dt) if dt else None
    if dts == "xsd:string":
        dts = None
    if dts in NUMERIC:
        value = num(value)
    if dts == "gsp:wktLiteral":
        value = wkt_vertices(value) or value
    if len(value) > 120:
        value = value[:100] + "...(%d chars)" % len(value)
    out = '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if lang:
        out += "@" + lang.lower()
    elif dts:
        out += "^^" + dts
    return out


def values(triples, local_iri_prefix):
    """The multiset of values of a graph, and for each the path of its
    subject (for the extended-profile test)."""
    # the inverse pair foaf:primaryTopic / foaf:isPrimaryTopicOf
    pt = "http://xmlns.com/foaf/0.1/primaryTopic"
    ipt = "http://xmlns.com/foaf/0.1/isPrimaryTopicOf"
    # (a record that is the dct:source of another, the ISO record itself in
    # dcatit's output, is not the resource's catalogue record)
    sources = {o for s, p, o in triples if p[1] == "http://purl.org/dc/terms/source"}
    extra = []
    for s, p, o in triples:
        if p[1] == pt and s not in sources:
            extra.append((o, ("iri", ipt), s))
        elif p[1] == ipt:
            extra.append((o, ("iri", pt), s))
    triples = list(set(triples) | set(extra))
    rdf_type = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
    record_types = {"http://www.w3.org/ns/dcat#CatalogRecord"}
    typed_records = {s for s, p, o in triples if p[1] == rdf_type and o[1] in record_types}
    mains = {o for s, p, o in triples
             if p[1] == pt and s in typed_records and s not in sources}
    if len(mains) != 1:
        raise ValueError(f"expected one described resource, found {len(mains)}")
    main = mains.pop()

    def is_local(t):
        return t != main and (t[0] == "bnode" or
                              (t[0] == "iri" and local_iri_prefix and
                               t[1].startswith(local_iri_prefix)))

    def name(t):
        if t == main:
            return "RES"
        if t[0] == "iri":
            return short(t[1])
        if t[0] == "lit":
            return show_literal(t)
        return None

    out = defaultdict(list)
    for s, p, o in triples:
        out[s].append((p, o))
    # breadth-first from every non-local subject: the shortest path, the
    # lexically smallest among the shortest
    path = {}
    frontier = {s: name(s) for s in out if not is_local(s)}
    while frontier:
        nxt = {}
        for s, sp in sorted(frontier.items(), key=lambda kv: kv[1]):
            for p, o in out[s]:
                if is_local(o) and o not in path:
                    cand = sp + "/" + short(p[1])
                    if o not in nxt or cand < nxt[o]:
                        nxt[o] = cand
        for o, c in nxt.items():
            path[o] = c
        frontier = nxt
    # lean the graph: of two local nodes with the same path and the same
    # content (a subtree repeated, as the reference writes some conformity
    # activities twice), one is kept; RDF-wise the repeat says nothing more
    sig = {}

    def content(t, stack):
        if t in sig:
            return sig[t]
        if t in stack:
            return "(cycle)"
        stack.add(t)
        parts = sorted(short(p[1]) + " " + (content(o, stack) if is_local(o) else name(o))
                       for p, o in out[t])
        stack.discard(t)
        sig[t] = "[" + "; ".join(parts) + "]"
        return sig[t]

    kept, dups = set(), set()
    for t in sorted((t for t in path), key=lambda t: path[t]):
        key = (path[t], content(t, set()))
        if key in kept:
            dups.add(t)
        else:
            kept.add(key)
    vals = Counter()
    for s, p, o in triples:
        if is_local(o) or s in dups:
            continue
        sp = path.get(s) if is_local(s) else name(s)
        if sp is None:
            sp = "(unreachable)"
        vals[(sp, short(p[1]), name(o))] += 1
    return vals


def extended(key, ref_vals):
    sp, p, o = key
    steps = sp.split("/")[1:]  # the predicates of the path, not its root
    if any(x in EXTENDED or x.startswith("geodcatap:") for x in steps + [p]):
        return True
    if sp == RECORD and p in EXTENDED_ON_RECORD:
        return True
    if sp.startswith(RECORD + "/dcat:contactPoint"):
        return True
    # an IRI described only because an extended property points to it
    if not sp.startswith("RES") and sp != "(unreachable)":
        refs = [k for k in ref_vals if k[2] == sp]
        return bool(refs) and all(extended(k, ref_vals) for k in refs if k[0] != sp)
    return False


def fmt(key):
    return " ".join(key)


def convert(dcatit, path, base=None):
    args = [dcatit, "convert", path, "-t", "canon"]
    if base:
        args += ["--base", base]
    r = subprocess.run(args, capture_output=True, text=True, timeout=120)
    if r.returncode != 0:
        raise RuntimeError(f"dcatit convert {path}: exit {r.returncode}: {r.stderr.strip()}")
    return r.stdout


def load_differences():
    diffs = {}
    with open(os.path.join(CASES, "DIFFERENCES.tsv"), encoding="utf-8") as f:
        for n, line in enumerate(f, 1):
            if not line.strip() or line.startswith("#"):
                continue
            parts = line.rstrip("\n").split("\t")
            if len(parts) != 5 or parts[2] not in ("reference-error", "deliberate") or \
                    (parts[2] == "reference-error" and parts[3] != "-"):
                raise ValueError(f"DIFFERENCES.tsv:{n}: want CASE<TAB>VALUE<TAB>"
                                 "reference-error|deliberate<TAB>OURS|-<TAB>REASON")
            diffs[(parts[0], parts[1])] = (parts[2], parts[3], parts[4], n)
    return diffs


def main():
    dcatit = sys.argv[1]
    report = "--report" in sys.argv
    diffs = load_differences()
    used = set()
    failures = []
    cases = sorted(d for d in os.listdir(CASES) if os.path.isdir(os.path.join(CASES, d)))
    if not cases:
        failures.append("no test cases in " + CASES)
    totals = Counter()
    for case in cases:
        d = os.path.join(CASES, case)
        ref = values(parse_nt(convert(dcatit, os.path.join(d, "expected_output.ttl"))), None)
        ours = values(parse_nt(convert(dcatit, os.path.join(d, "input.xml"), BASE)), BASE)
        n = Counter()
        for key, cnt in sorted(ref.items()):
            got = min(cnt, ours.get(key, 0))
            ext = extended(key, ref)
            entry = diffs.get((case, fmt(key))) or diffs.get(("*", fmt(key)))
            if entry:
                used.add((case, fmt(key)) if (case, fmt(key)) in diffs else ("*", fmt(key)))
            kind = entry[0] if entry else None
            if entry and entry[1] != "-" and tuple(entry[1].split(" ", 2)) not in ours:
                failures.append(f"{case}: the replacement of {fmt(key)} is not in "
                                f"dcatit's output: {entry[1]}")
            if kind == "reference-error":
                n["referr"] += cnt
                if got:
                    failures.append(f"{case}: listed as a reference error but reproduced: {fmt(key)}")
                continue
            n["all"] += cnt
            n["all_ok"] += got
            if not ext:
                n["core"] += cnt
                n["core_ok"] += got
            if got < cnt:
                if kind == "deliberate":
                    n["deliberate"] += cnt - got
                    if not ext and entry[1] != "-":
                        n["core_alt"] += cnt - got
                elif not ext:
                    failures.append(f"{case}: core value not reproduced and not in "
                                    f"DIFFERENCES.tsv: {fmt(key)}")
            elif kind == "deliberate":
                failures.append(f"{case}: listed as deliberate but reproduced: {fmt(key)}")
            if report:
                mark = "ok " if got == cnt else ("dlb" if kind else "-- ")
                print(f"  {mark} {'ext ' if ext else 'core'} {fmt(key)}"
                      + (f"  x{cnt}" if cnt > 1 else ""))
        share_all = 100.0 * n["all_ok"] / n["all"] if n["all"] else 0.0
        share_core = 100.0 * n["core_ok"] / n["core"] if n["core"] else 0.0
        share_alt = 100.0 * (n["core_ok"] + n["core_alt"]) / n["core"] if n["core"] else 0.0
        print(f"{case}: core values (without the extended profile): {share_core:.1f} % "
              f"reproduced ({n['core_ok']}/{n['core']}), {share_alt:.1f} % counting "
              f"the {n['core_alt']} mapped differently on purpose; all values: "
              f"{share_all:.1f} % ({n['all_ok']}/{n['all']}); {n['referr']} reference "
              f"errors left out")
        if share_alt < THRESHOLD:
            failures.append(f"{case}: {share_alt:.1f} % of the core values, below {THRESHOLD:.0f} %")
        totals += n
    for key, (kind, alt, reason, line) in sorted(diffs.items(), key=lambda kv: kv[1][3]):
        if key not in used:
            failures.append(f"DIFFERENCES.tsv:{line}: no such reference value in case "
                            f"'{key[0]}': {key[1]}")
    if totals["all"] and totals["core"]:
        print(f"all cases: core {100.0 * totals['core_ok'] / totals['core']:.1f} % "
              f"reproduced, {100.0 * (totals['core_ok'] + totals['core_alt']) / totals['core']:.1f} % "
              f"with those mapped differently on purpose ({totals['core']} values); "
              f"all {100.0 * totals['all_ok'] / totals['all']:.1f} % ({totals['all']} values)")
    for f in failures:
        print("FAIL:", f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
