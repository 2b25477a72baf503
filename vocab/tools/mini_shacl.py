#!/usr/bin/python3
"""A small SHACL Core evaluator in Python (rdflib) used to cross-check the profile shapes and the
tests/profile fixtures while the C engine is being written. It is NOT the project's validator:
it supports just the constructs used in vocab/shapes/*.ttl (targets class/node/subjectsOf/
objectsOf; predicate, inverse and sequence paths; minCount, maxCount, class, datatype with
a lexical check of the date/number types, nodeKind, or, and, not, node, property, closed,
pattern, in, hasValue, lessThanOrEquals, lessThan, minLength, maxLength, uniqueLang,
qualifiedValueShape with qualifiedMaxCount) and prints one line per result:
    <rule ids or shape>\t<severity>\t<focus>\t<value>\t<message>

usage: mini_shacl.py --shapes SHAPES.ttl [--shapes ...] DATA.ttl [DATA ...]
Needs python3-rdflib (Debian).
"""
import re
import sys

import rdflib
from rdflib import RDF, RDFS, BNode, Literal, URIRef
from rdflib.collection import Collection

rdflib.NORMALIZE_LITERALS = False  # check lexical forms as written

SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
DCATIT = rdflib.Namespace("https://w3id.org/dcatit/ns#")

LEX = {
    XSD.date: r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])(Z|[+-]\d\d:\d\d)?",
    XSD.dateTime: r"-?\d{4,}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])T([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d+)?(Z|[+-]\d\d:\d\d)?",
    XSD.decimal: r"[+-]?(\d+(\.\d*)?|\.\d+)",
    XSD.integer: r"[+-]?\d+",
    XSD.nonNegativeInteger: r"\+?\d+",
    XSD.positiveInteger: r"\+?0*[1-9]\d*",
    XSD.long: r"[+-]?\d+",
    XSD.int: r"[+-]?\d+",
    XSD.unsignedLong: r"\+?\d+",
    XSD.unsignedInt: r"\+?\d+",
    XSD.gYear: r"-?\d{4,}(Z|[+-]\d\d:\d\d)?",
}


class Validator:
    def __init__(self, shapes, data):
        self.s = shapes
        self.d = data
        self.results = []

    def lst(self, node):
        return list(Collection(self.s, node)) if node != RDF.nil else []

    def values(self, focus, path):
        if isinstance(path, URIRef):
            return list(self.d.objects(focus, path))
        inv = self.s.value(path, SH.inversePath)
        if inv is not None:
            return list(self.d.subjects(inv, focus))
        if (path, RDF.first, None) in self.s:
            cur = [focus]
            for step in self.lst(path):
                nxt = []
                for c in cur:
                    nxt.extend(self.values(c, step))
                cur = list(dict.fromkeys(nxt))
            return cur
        alt = self.s.value(path, SH.alternativePath)
        if alt is not None:
            out = []
            for step in self.lst(alt):
                out.extend(self.values(focus, step))
            return list(dict.fromkeys(out))
        raise ValueError("unsupported path %r" % path)

    def instances(self, cls):
        seen, todo, out = {cls}, [cls], set()
        while todo:
            c = todo.pop()
            out.update(self.d.subjects(RDF.type, c))
            for sub in self.d.subjects(RDFS.subClassOf, c):
                if sub not in seen:
                    seen.add(sub)
                    todo.append(sub)
        return out

    def is_instance(self, node, cls):
        if isinstance(node, Literal):
            return False
        todo, seen = list(self.d.objects(node, RDF.type)), set()
        while todo:
            t = todo.pop()
            if t == cls:
                return True
            if t in seen:
                continue
            seen.add(t)
            todo.extend(self.d.objects(t, RDFS.subClassOf))
        return False

    def targets(self, shape):
        out = []
        for c in self.s.objects(shape, SH.targetClass):
            out.extend(self.instances(c))
        if (shape, RDF.type, RDFS.Class) in self.s:
            out.extend(self.instances(shape))
        out.extend(self.s.objects(shape, SH.targetNode))
        for p in self.s.objects(shape, SH.targetSubjectsOf):
            out.extend(self.d.subjects(p, None))
        for p in self.s.objects(shape, SH.targetObjectsOf):
            out.extend(self.d.objects(None, p))
        return list(dict.fromkeys(out))

    def conforms(self, node, shape):
        saved = self.results
        self.results = []
        self.validate_node(node, shape, None)
        ok = not self.results
        self.results = saved
        return ok

    def report(self, shape, focus, value, comp, parent):
        src = shape
        self.results.append((src, focus, value, comp))

    def validate_node(self, focus, shape, _):
        path = self.s.value(shape, SH.path)
        if path is not None:
            vals = self.values(focus, path)
            self.check(shape, focus, vals, path)
        else:
            self.check(shape, focus, [focus], None)

    def check(self, shape, focus, vals, path):
        s = self.s
        if (shape, SH.deactivated, Literal(True)) in s:
            return
        mn = s.value(shape, SH.minCount)
        if mn is not None and len(vals) < int(mn):
            self.report(shape, focus, None, "MinCount", None)
        mx = s.value(shape, SH.maxCount)
        if mx is not None and len(vals) > int(mx):
            self.report(shape, focus, None, "MaxCount", None)
        if (shape, SH.uniqueLang, Literal(True)) in s:
            tags = [v.language.lower() for v in vals if isinstance(v, Literal) and v.language]
            for tag in sorted({t for t in tags if tags.count(t) > 1}):
                self.report(shape, focus, None, "UniqueLang", None)
        qmx = s.value(shape, SH.qualifiedMaxCount)
        if qmx is not None:
            q = s.value(shape, SH.qualifiedValueShape)
            if sum(1 for v in vals if self.conforms(v, q)) > int(qmx):
                self.report(shape, focus, None, "QualifiedMaxCount", None)
        for v in vals:
            self.check_value(shape, focus, v)
        for other in s.objects(shape, SH.lessThanOrEquals):
            for v in vals:
                for o in self.d.objects(focus, other):
                    if not cmp_le(v, o, strict=False):
                        self.report(shape, focus, v, "LessThanOrEquals", None)
        for other in s.objects(shape, SH.lessThan):
            for v in vals:
                for o in self.d.objects(focus, other):
                    if not cmp_le(v, o, strict=True):
                        self.report(shape, focus, v, "LessThan", None)
        for hv in s.objects(shape, SH.hasValue):
            if hv not in vals:
                self.report(shape, focus, None, "HasValue", None)
        for ps in s.objects(shape, SH.property):
            for v in vals:
                self.validate_node(v, ps, None)

    def check_value(self, shape, focus, v):
        s = self.s
        for c in s.objects(shape, SH["class"]):
            if not self.is_instance(v, c):
                self.report(shape, focus, v, "Class", None)
        for dt in s.objects(shape, SH.datatype):
            ok = isinstance(v, Literal) and v.datatype == dt if dt != XSD.string else \
                isinstance(v, Literal) and v.language is None and v.datatype in (None, XSD.string)
            if ok and dt in LEX and not re.fullmatch(LEX[dt], str(v)):
                ok = False
            if not ok:
                self.report(shape, focus, v, "Datatype", None)
        for nk in s.objects(shape, SH.nodeKind):
            kind = "IRI" if isinstance(v, URIRef) else "BlankNode" if isinstance(v, BNode) else "Literal"
            allowed = {SH.IRI: {"IRI"}, SH.Literal: {"Literal"}, SH.BlankNode: {"BlankNode"},
                       SH.BlankNodeOrIRI: {"IRI", "BlankNode"}, SH.IRIOrLiteral: {"IRI", "Literal"},
                       SH.BlankNodeOrLiteral: {"BlankNode", "Literal"}}[nk]
            if kind not in allowed:
                self.report(shape, focus, v, "NodeKind", None)
        for pat in s.objects(shape, SH.pattern):
            flags = str(s.value(shape, SH.flags) or "")
            f = re.I if "i" in flags else 0
            if isinstance(v, BNode) or not re.search(str(pat), str(v), f):
                self.report(shape, focus, v, "Pattern", None)
        for n in s.objects(shape, SH.minLength):
            if isinstance(v, BNode) or len(str(v)) < int(n):
                self.report(shape, focus, v, "MinLength", None)
        for n in s.objects(shape, SH.maxLength):
            if isinstance(v, BNode) or len(str(v)) > int(n):
                self.report(shape, focus, v, "MaxLength", None)
        for lst in s.objects(shape, SH["in"]):
            if v not in set(self.lst(lst)):
                self.report(shape, focus, v, "In", None)
        if s.value(shape, SH.path) is None:
            for hv in s.objects(shape, SH.hasValue):
                if v != hv:
                    self.report(shape, focus, v, "HasValue", None)
        for lst in s.objects(shape, SH["or"]):
            if not any(self.conforms(v, m) for m in self.lst(lst)):
                self.report(shape, focus, v, "Or", None)
        for lst in s.objects(shape, SH["and"]):
            if not all(self.conforms(v, m) for m in self.lst(lst)):
                self.report(shape, focus, v, "And", None)
        for m in s.objects(shape, SH["not"]):
            if self.conforms(v, m):
                self.report(shape, focus, v, "Not", None)
        for m in s.objects(shape, SH.node):
            if not self.conforms(v, m):
                self.report(shape, focus, v, "Node", None)
        if (shape, SH.closed, Literal(True)) in s and not isinstance(v, Literal):
            allowed = set()
            for ps in s.objects(shape, SH.property):
                p = s.value(ps, SH.path)
                if isinstance(p, URIRef):
                    allowed.add(p)
            for lst in s.objects(shape, SH.ignoredProperties):
                allowed.update(self.lst(lst))
            for p, o in self.d.predicate_objects(v):
                if p not in allowed:
                    self.report(shape, focus, o, "Closed", None)

    def run(self):
        shapes = set(self.s.subjects(RDF.type, SH.NodeShape)) | set(self.s.subjects(RDF.type, SH.PropertyShape))
        for shape in sorted(shapes, key=str):
            for focus in self.targets(shape):
                self.validate_node(focus, shape, None)
        return self.results


def cmp_le(a, b, strict):
    if not isinstance(a, Literal) or not isinstance(b, Literal) or a.datatype != b.datatype:
        return False
    try:
        x, y = a.toPython(), b.toPython()
        return x < y if strict else x <= y
    except TypeError:
        return False


def main(argv):
    shapes_files, data_files = [], []
    it = iter(argv[1:])
    for a in it:
        if a == "--shapes":
            shapes_files.append(next(it))
        else:
            data_files.append(a)
    sg, dg = rdflib.Graph(), rdflib.Graph()
    for f in shapes_files:
        sg.parse(f, format="turtle")
    for f in data_files:
        dg.parse(f, format="turtle" if f.endswith(".ttl") else None)
    v = Validator(sg, dg)
    for shape, focus, value, comp in v.run():
        rules = sorted(int(r) for r in sg.objects(shape, DCATIT.rule))
        sev = sg.value(shape, SH.severity) or SH.Violation
        msg = sg.value(shape, SH.message) or ""
        name = ",".join(str(r) for r in rules) if rules else str(shape)
        print("%s\t%s\t%s\t%s\t%s\t%s" % (name, sev.split("#")[-1], focus, value, comp, msg))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
