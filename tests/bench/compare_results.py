#!/usr/bin/env python3
"""compare_results.py: compare the SHACL result sets of several validators.

Each input is NAME=FILE. FILE is a validation report:
  *.nt            sh:ValidationReport as N-Triples (the JS drivers' --report)
  *.ttl, *.rdf    sh:ValidationReport in Turtle / RDF/XML (converted with rapper),
                  e.g. `dcatit validate ... --format ttl`
  *.json          dcatit's --format json (best effort: a list of result objects,
                  or an object with a "results" list)
Results are keyed by (focus, path, value, sourceShape, component, severity) and
compared as multisets, pairwise. Blank nodes cannot be matched across tools, so a
blank-node value becomes _:b and a blank-node source shape becomes
_:[path <p>] (a property shape) or _:[node] (a nested node shape).
Differences are printed grouped by (component, shape), and, with --manifest
(from gen_catalog.py), by the defect injected on the focus node.

    compare_results.py shacl-engine=a.nt rdf-validate-shacl=b.nt --manifest cat.json
"""

import argparse
import collections
import itertools
import json
import re
import subprocess
import sys

SH = "http://www.w3.org/ns/shacl#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
PREFIXES = {"sh:": SH, "xsd:": "http://www.w3.org/2001/XMLSchema#",
            "dcat:": "http://www.w3.org/ns/dcat#", "dct:": "http://purl.org/dc/terms/",
            "foaf:": "http://xmlns.com/foaf/0.1/", "owl:": "http://www.w3.org/2002/07/owl#",
            "spdx:": "http://spdx.org/rdf/terms#", "locn:": "http://www.w3.org/ns/locn#",
            "vcard:": "http://www.w3.org/2006/vcard/ns#", "skos:": "http://www.w3.org/2004/02/skos/core#",
            "dcatapit:": "http://dati.gov.it/onto/dcatapit#", "rdf:": "http://www.w3.org/1999/02/22-rdf-syntax-ns#"}
SHORT = [("<" + v, k) for k, v in PREFIXES.items()] + [("<http://data.europa.eu/r5r#", ":")]

TERM = r'(<[^>]*>|_:[^\s]+|"(?:[^"\\]|\\.)*"(?:@[A-Za-z0-9-]+|\^\^<[^>]*>)?)'
NT_LINE = re.compile(r"^\s*" + TERM + r"\s+" + TERM + r"\s+" + TERM + r"\s*\.\s*$")


def short(t):
    """Abbreviate an N-Triples term for display."""
    if t is None:
        return "-"
    for long_, pre in SHORT:
        if t.startswith(long_) and t.endswith(">"):
            return pre + t[len(long_):-1]
        if "^^" + long_ in t:
            return t.replace("^^" + long_, "^^" + pre)[:-1]
    return t


def parse_nt(text):
    """Triples of an N-Triples document, terms kept in N-Triples syntax."""
    out = []
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        m = NT_LINE.match(line)
        if not m:
            raise ValueError("line %d: cannot parse N-Triples: %s" % (n, line[:120]))
        out.append(m.groups())
    return out


def results_from_triples(triples):
    """The results linked from sh:ValidationReport nodes via sh:result."""
    by_s = collections.defaultdict(lambda: collections.defaultdict(list))
    reports = set()
    for s, p, o in triples:
        by_s[s][p].append(o)
        if p == RDF_TYPE and o == "<%sValidationReport>" % SH:
            reports.add(s)
    res = []
    for rep in reports:
        for r in by_s[rep]["<%sresult>" % SH]:
            props = by_s[r]

            def one(name):
                v = props.get("<%s%s>" % (SH, name))
                return v[0] if v else None
            res.append({"focus": one("focusNode"), "path": one("resultPath"), "value": one("value"),
                        "shape": one("sourceShape"), "component": one("sourceConstraintComponent"),
                        "severity": one("resultSeverity")})
    return res


def json_term(v):
    """Best-effort conversion of a JSON-encoded term to N-Triples syntax."""
    if v is None or v == "":
        return None
    if isinstance(v, dict):
        val = v.get("value", v.get("@value", v.get("lexical")))
        kind = v.get("type", v.get("termType", ""))
        if kind in ("iri", "uri", "NamedNode") or (val is not None and kind == "" and "datatype" not in v
                                                   and "language" not in v and "lang" not in v and ":" in str(val)):
            return json_term(str(val)) if str(val).startswith("<") else "<%s>" % val
        if kind in ("bnode", "BlankNode"):
            return "_:" + str(val)
        esc = json.dumps(str(val), ensure_ascii=False)
        lang = v.get("language", v.get("lang"))
        if lang:
            return "%s@%s" % (esc, lang)
        dt = v.get("datatype")
        if dt and dt not in ("http://www.w3.org/2001/XMLSchema#string",):
            return "%s^^%s" % (esc, dt if dt.startswith("<") else "<%s>" % dt)
        return esc
    if isinstance(v, (int, float, bool)):
        return json.dumps(str(v))
    s = str(v)
    if s.startswith(("<", "_:", '"')):
        return s
    for pre, ns in PREFIXES.items():
        if s.startswith(pre):
            return "<%s%s>" % (ns, s[len(pre):])
    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*:", s):
        return "<%s>" % s
    return json.dumps(s, ensure_ascii=False)


def results_from_json(doc):
    items = doc
    if isinstance(doc, dict):
        for k in ("results", "findings", "result"):
            if isinstance(doc.get(k), list):
                items = doc[k]
                break
    if not isinstance(items, list):
        raise ValueError("no list of results in the JSON document")
    names = {"focus": ("focus", "focusNode", "focus_node"),
             "path": ("path", "resultPath", "result_path"),
             "value": ("value",),
             "shape": ("shape", "sourceShape", "source_shape"),
             "component": ("component", "constraint", "sourceConstraintComponent", "constraint_component"),
             "severity": ("severity", "resultSeverity")}
    res = []
    for it in items:
        r = {}
        for key, alts in names.items():
            r[key] = None
            for a in alts:
                if a in it:
                    r[key] = json_term(it[a])
                    break
        sev = r["severity"]
        if sev and not sev.startswith("<"):
            word = sev.strip('"').lower()
            r["severity"] = "<%s%s>" % (SH, {"violation": "Violation", "error": "Violation",
                                              "warning": "Warning", "info": "Info"}.get(word, word))
        comp = r["component"]
        if comp and comp.startswith("<%s" % SH) and not comp.endswith("ConstraintComponent>"):
            r["component"] = comp[:-1] + "ConstraintComponent>"
        res.append(r)
    return res


def load(path):
    if path.endswith(".json"):
        with open(path, encoding="utf-8") as f:
            return results_from_json(json.load(f))
    if path.endswith(".nt"):
        with open(path, encoding="utf-8") as f:
            text = f.read()
    else:
        syntax = "rdfxml" if path.endswith((".rdf", ".xml")) else "turtle"
        p = subprocess.run(["rapper", "-q", "-i", syntax, "-o", "ntriples", path],
                           capture_output=True, text=True, check=False)
        if p.returncode != 0:
            raise ValueError("rapper failed on %s: %s" % (path, p.stderr.strip()[:300]))
        text = p.stdout
    return results_from_triples(parse_nt(text))


def key(r):
    value = r["value"]
    if value and value.startswith("_:"):
        value = "_:b"
    shape = r["shape"]
    if shape and shape.startswith("_:"):
        shape = "_:[path %s]" % short(r["path"]) if r["path"] else "_:[node]"
    return (r["focus"], r["path"], value, shape, r["component"], r["severity"])


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("inputs", nargs="+", metavar="NAME=FILE")
    ap.add_argument("--manifest", help="gen_catalog.py --manifest output: name differences by injected defect")
    ap.add_argument("--examples", type=int, default=2, help="examples shown per class (default 2)")
    ap.add_argument("--json", help="also write the comparison as JSON to this file")
    a = ap.parse_args()

    sets = {}
    for spec in a.inputs:
        name, sep, path = spec.partition("=")
        if not sep:
            ap.error("inputs are NAME=FILE, got '%s'" % spec)
        try:
            sets[name] = collections.Counter(key(r) for r in load(path))
        except (OSError, ValueError) as e:
            print("compare_results: cannot read '%s': %s" % (path, e), file=sys.stderr)
            return 3
    kind_of = {}
    if a.manifest:
        with open(a.manifest, encoding="utf-8") as f:
            man = json.load(f)
        for kind, info in man["kinds"].items():
            for focus in info["focus"]:
                kind_of["<%s>" % focus] = kind

    print("results per tool:")
    for name, c in sets.items():
        dup = sum(n - 1 for n in c.values() if n > 1)
        print("  %-22s %7d results, %7d distinct keys%s" % (name, sum(c.values()), len(c),
                                                           (", %d duplicates" % dup) if dup else ""))
    print("\nresults per constraint component:")
    comps = sorted({k[4] for c in sets.values() for k in c})
    print("  %-40s" % "component" + "".join("%22s" % n for n in sets))
    for comp in comps:
        print("  %-40s" % short(comp) + "".join("%22d" % sum(v for k, v in c.items() if k[4] == comp)
                                                for c in sets.values()))
    report = {"tools": {n: sum(c.values()) for n, c in sets.items()}, "pairs": [], "missed": {}}
    if kind_of:
        print("\ninjected defects (expected to give a finding) whose focus node has no result:")
        for name, c in sets.items():
            foci = {k[0] for k in c}
            missed = collections.Counter()
            for kind, info in man["kinds"].items():
                if info["findings_each"]:
                    missed[kind] = sum(1 for f in info["focus"] if "<%s>" % f not in foci)
            missed = {k: v for k, v in missed.items() if v}
            report["missed"][name] = missed
            print("  %-22s %s" % (name, ", ".join("%s %d/%d" % (k, v, man["kinds"][k]["count"])
                                                 for k, v in sorted(missed.items())) or "none"))
    for (na, ca), (nb, cb) in itertools.combinations(sets.items(), 2):
        only_a = ca - cb
        only_b = cb - ca
        common = sum((ca & cb).values())
        print("\n== %s vs %s: %d in common, %d only in %s, %d only in %s"
              % (na, nb, common, sum(only_a.values()), na, sum(only_b.values()), nb))
        pair = {"a": na, "b": nb, "common": common, "classes": []}
        for who, only in ((na, only_a), (nb, only_b)):
            groups = collections.defaultdict(list)
            for k, n in only.items():
                g = (short(k[4]), short(k[3]), kind_of.get(k[0], "(no injected defect)") if kind_of else "")
                groups[g].extend([k] * n)
            for g in sorted(groups, key=lambda g: (-len(groups[g]), g)):
                ks = groups[g]
                print("  only in %s: %5d  component %s, shape %s%s" % (who, len(ks), g[0], g[1],
                                                                       (", defect " + g[2]) if g[2] else ""))
                for k in ks[:a.examples]:
                    print("      focus %s path %s value %s severity %s"
                          % (short(k[0]), short(k[1]), short(k[2]), short(k[5])))
                pair["classes"].append({"only_in": who, "count": len(ks), "component": g[0], "shape": g[1],
                                        "defect": g[2], "examples": [list(map(short, k)) for k in ks[:a.examples]]})
        report["pairs"].append(pair)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump(report, f, indent=1, ensure_ascii=False)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
