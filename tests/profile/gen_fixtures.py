#!/usr/bin/python3
"""Generate the profile fixtures: one mutation of base.ttl per active AgID rule.

For every rule of the table in vocab/tools/gen_shapes.py (which covers every active rule of
vocab/tools/agid-rules.csv) this writes
    cases/rule-<id>.ttl      base.ttl with one change that must make exactly that rule fire
    cases/rule-<id>-ok.ttl   a near miss that must not fire (only where it differs from base.ttl:
                             an undescribed IRI for a value-class rule, the other date type, a
                             plain literal, a single value of a property the base does not use)
and cases/expected.csv: fixture, the rule ids that must appear (space separated, empty = none),
severity. base.ttl itself must give no result at all.

The mutation depends only on the kind of check (missing, more than one, literal expected,
resource expected, date datatype, number datatype, value described without its class, class
absent from the data); see mutate(). Output is deterministic (sorted Turtle, no blank nodes).

usage: gen_fixtures.py            (run from anywhere; needs python3-rdflib, Debian package)
"""
import csv
import os
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__

import rdflib
from rdflib import RDF, Literal, URIRef

rdflib.NORMALIZE_LITERALS = False  # keep lexical forms exactly as written (ill-formed ones too)

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(ROOT, "vocab", "tools"))
import gen_shapes  # noqa: E402  (the rule table: ids, class, path, kind)

XSD = rdflib.Namespace("http://www.w3.org/2001/XMLSchema#")
RDFS_LABEL = URIRef("http://www.w3.org/2000/01/rdf-schema#label")
EX = "https://dati.example.it/"

PREFIXES = [
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("dcatapit", "http://dati.gov.it/onto/dcatapit#"),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("adms", "http://www.w3.org/ns/adms#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("spdx", "http://spdx.org/rdf/terms#"),
    ("locn", "http://www.w3.org/ns/locn#"),
    ("gsp", "http://www.opengis.net/ont/geosparql#"),
    ("ds", "https://dati.example.it/dataset/"),
    ("ex", "https://dati.example.it/"),
    ("org", "https://w3id.org/dcatit/org/"),
    ("lic", "https://w3id.org/italia/controlled-vocabulary/licences/"),
]
PFX = dict(PREFIXES)

# The node of base.ttl that each class of rules is checked on.
FOCUS = {
    "Catalog": EX + "catalog",
    "Dataset": EX + "dataset/ds1",
    "Distribution": EX + "dataset/ds1-csv",
    "Agent": "https://w3id.org/dcatit/org/r_toscan",
    "Organization": EX + "contact-opendata",
    "LicenseDocument": "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40",
    "PeriodOfTime": EX + "dataset/ds1-period",
    "Standard": EX + "standard-csv-rfc4180",
    "Identifier": EX + "dataset/ds1-doi",
}
TEXT_PROPS = {"dct:title", "dct:description", "dct:identifier", "owl:versionInfo", "adms:versionNotes",
              "dcat:keyword", "foaf:name", "vcard:fn", "skos:notation"}
DATE_PROPS = {"dct:issued", "dct:modified", "dcatapit:startDate", "dcatapit:endDate"}


def iri(curie):
    p, local = curie.split(":", 1)
    return URIRef(PFX[p] + local)


def second_value(g, focus, path, rid):
    """A second value for a max-1 check, of the same kind as the values already there."""
    old = sorted(g.objects(focus, path))
    if old and isinstance(old[0], Literal):
        o = old[0]
        if o.datatype in (XSD.date, XSD.dateTime):
            return [Literal("2023-03-01", datatype=XSD.date)]
        if o.datatype is not None:
            return [Literal("99", datatype=o.datatype)]
        return [Literal(str(o) + " (bis)", lang=o.language)]
    if old:
        return [URIRef(EX + "second-value-%d" % rid)]
    return None


def mutate(g, entry, ok):
    """Apply the mutation of one rule to g; with ok=True apply the near miss instead.
    Returns a description, or None when the near miss would equal the base."""
    ids, key, path_c, kind, param, hint, note = entry
    rid = ids[0]
    if kind == "exists":
        if ok:
            return None
        cls = iri(param)
        nodes = sorted(set(g.subjects(RDF.type, cls)))
        for n in nodes:
            g.remove((n, None, None))
        return "every node typed %s removed (links to them stay, as bare IRIs)" % param
    focus = URIRef(FOCUS[key])
    path = iri(path_c)
    old = sorted(g.objects(focus, path))
    if kind == "req":
        if ok:
            return None
        g.remove((focus, path, None))
        return "%s removed from <%s>" % (path_c, focus)
    if kind == "max":
        extra = second_value(g, focus, path, rid)
        if ok:
            if old:
                return None
            g.add((focus, path, URIRef(EX + "only-value-%d" % rid)))
            return "a single %s on <%s>" % (path_c, focus)
        if extra is None:
            if path_c in TEXT_PROPS:
                extra = [Literal("uno"), Literal("due")]
            else:
                extra = [URIRef(EX + "value-a-%d" % rid), URIRef(EX + "value-b-%d" % rid)]
        for v in extra:
            g.add((focus, path, v))
        return "%s on <%s> given %d values" % (path_c, focus, len(old) + len(extra))
    if kind == "perlang":
        # one value per language is fine; a second, different value in one language is not
        o = old[0]
        if ok:
            other = "en" if o.language != "en" else "it"
            g.add((focus, path, Literal(str(o), lang=other)))
            return "the same %s on <%s> also tagged @%s (one name per language)" % (path_c, focus, other)
        g.add((focus, path, Literal(str(o) + " (bis)", lang=o.language)))
        return "a second, different %s on <%s> in @%s" % (path_c, focus, o.language)
    if kind == "lit":
        g.remove((focus, path, None))
        if ok:
            g.add((focus, path, Literal("testo semplice")))
            return "%s on <%s> as a plain literal without language" % (path_c, focus)
        g.add((focus, path, URIRef(EX + "not-a-literal-%d" % rid)))
        return "%s on <%s> replaced by an IRI" % (path_c, focus)
    if kind in ("res", "iri"):
        if ok:
            if old:
                return None
            g.add((focus, path, URIRef(EX + "resource-%d" % rid)))
            return "%s on <%s> as an IRI" % (path_c, focus)
        g.remove((focus, path, None))
        value = str(old[0]) if old else EX + "resource-%d" % rid
        if kind == "iri" and value.startswith("mailto:"):
            value = value[len("mailto:"):]
        g.add((focus, path, Literal(value)))
        return "%s on <%s> replaced by the literal \"%s\"" % (path_c, focus, value)
    if kind == "date":
        g.remove((focus, path, None))
        lex = str(old[0]) if old else "2024-01-01"
        if ok:
            if old and old[0].datatype == XSD.dateTime:
                g.add((focus, path, Literal(lex[:10], datatype=XSD.date)))
                return "%s on <%s> as xsd:date" % (path_c, focus)
            g.add((focus, path, Literal(lex[:10] + "T08:30:00Z", datatype=XSD.dateTime)))
            return "%s on <%s> as xsd:dateTime" % (path_c, focus)
        g.add((focus, path, Literal(lex)))
        return "%s on <%s> as an untyped literal \"%s\"" % (path_c, focus, lex)
    if kind == "num":
        g.remove((focus, path, None))
        if ok:
            g.add((focus, path, Literal("12345", datatype=XSD.nonNegativeInteger)))
            return "%s on <%s> as xsd:nonNegativeInteger" % (path_c, focus)
        g.add((focus, path, Literal("12 KB")))
        return "%s on <%s> as the untyped literal \"12 KB\"" % (path_c, focus)
    if kind == "cls":
        g.remove((focus, path, None))
        classes = param if isinstance(param, tuple) else (param,)
        if ok and len(classes) > 1:
            node = URIRef(EX + "subclass-typed-%d" % rid)
            g.add((focus, path, node))
            g.add((node, RDF.type, iri(classes[-1])))
            if classes[-1] == "dcatapit:Standard":   # a dcatapit:Standard needs its identifier (rule 197)
                g.add((node, iri("dct:identifier"), Literal("https://www.rfc-editor.org/rfc/rfc4180")))
            return "%s on <%s> points to a node typed %s, a subclass of %s" % (path_c, focus, classes[-1], classes[0])
        if ok:
            g.add((focus, path, URIRef(EX + "undescribed-%d" % rid)))
            return "%s on <%s> points to an IRI with no triples (not checked)" % (path_c, focus)
        param = classes[0]
        node = URIRef(EX + "described-untyped-%d" % rid)
        g.add((focus, path, node))
        g.add((node, RDFS_LABEL, Literal("described, but not typed %s" % param, lang="en")))
        return "%s on <%s> points to a node with a label but without rdf:type %s" % (path_c, focus, param)
    raise ValueError(kind)


# ------------------------------------------------------------------------------------------------
# Checks of vocab/shapes/dcatapit-extra.ttl: (file name, expected check ids, description, change).
# ------------------------------------------------------------------------------------------------
NS = {p: rdflib.Namespace(ns) for p, ns in PREFIXES}
SCHEMA = rdflib.Namespace("http://schema.org/")
EUA = "http://publications.europa.eu/resource/authority/"
CAT, DS, DIST = URIRef(EX + "catalog"), URIRef(EX + "dataset/ds1"), URIRef(EX + "dataset/ds1-csv")
AGENT, CONTACT = URIRef(FOCUS["Agent"]), URIRef(FOCUS["Organization"])
LICENCE, PERIOD = URIRef(FOCUS["LicenseDocument"]), URIRef(FOCUS["PeriodOfTime"])
LOCATION, STANDARD = URIRef(EX + "dataset/ds1-location"), URIRef(FOCUS["Standard"])
WKT_T = URIRef("http://www.opengis.net/ont/geosparql#wktLiteral")
GML_T = URIRef("http://www.opengis.net/ont/geosparql#gmlLiteral")
GEOJSON_T = URIRef("http://www.opengis.net/ont/geosparql#geoJSONLiteral")


def put(s, p, o):
    def change(g):
        g.remove((s, p, None))
        g.add((s, p, o))
    return change


def add(s, p, o):
    return lambda g: g.add((s, p, o))


def untype(s, cls):
    return lambda g: g.remove((s, RDF.type, cls))


EXTRA = [
    ("theme", "extra-theme", "dcat:theme outside the EU table", put(DS, NS["dcat"]["theme"], URIRef(EUA + "data-theme/GOV"))),
    ("frequency", "extra-frequency", "frequency from another vocabulary",
     put(DS, NS["dct"]["accrualPeriodicity"], URIRef("http://purl.org/cld/freq/annual"))),
    ("format", "extra-format", "IANA media type as dct:format",
     put(DIST, NS["dct"]["format"], URIRef("http://www.iana.org/assignments/media-types/text/csv"))),
    ("language", "extra-language", "two-letter language code", put(DS, NS["dct"]["language"], URIRef(EUA + "language/IT"))),
    ("access-rights", "extra-access-rights", "access right outside the EU table",
     put(DS, NS["dct"]["accessRights"], URIRef(EUA + "access-right/OPEN"))),
    ("licence", "extra-licence", "licence IRI that dati.gov.it cannot map",
     put(DIST, NS["dct"]["license"], URIRef("http://www.opendefinition.org/licenses/cc-zero"))),
    ("licence-ok-cc", "", "Creative Commons licence IRI",
     put(DIST, NS["dct"]["license"], URIRef("https://creativecommons.org/licenses/by/4.0/"))),
    ("licence-unknown", "extra-licence-unknown", "the CKAN default 'unknown' licence",
     put(DIST, NS["dct"]["license"], URIRef("https://w3id.org/italia/controlled-vocabulary/licences/C1_Unknown"))),
    ("theme-taxonomy", "extra-theme-taxonomy", "a theme given as the taxonomy",
     put(CAT, NS["dcat"]["themeTaxonomy"], URIRef(EUA + "data-theme/GOVE"))),
    ("agent-identifier", "extra-agent-identifier", "agent identifier is a name",
     put(AGENT, NS["dct"]["identifier"], Literal("Regione Toscana"))),
    ("agent-identifier-ok-piva", "", "agent identifier is a Partita IVA",
     put(AGENT, NS["dct"]["identifier"], Literal("01386030488"))),
    ("agent-identifier-ok-cf", "", "agent identifier is a personal codice fiscale",
     put(AGENT, NS["dct"]["identifier"], Literal("RSSMRA80A01D612X"))),
    ("agent-name-na", "extra-agent-name-na", "publisher named N/A", put(AGENT, NS["foaf"]["name"], Literal("N/A"))),
    ("dataset-identifier", "extra-dataset-identifier", "identifier without IPA prefix",
     put(DS, NS["dct"]["identifier"], Literal("agreements-2024-001"))),
    ("issued-year", "extra-issued-year", "year 2204",
     put(DS, NS["dct"]["issued"], Literal("2204-01-10", datatype=XSD.date))),
    ("modified-year", "extra-modified-year", "year 1024",
     put(DIST, NS["dct"]["modified"], Literal("1024-06-30T10:00:00Z", datatype=XSD.dateTime))),
    ("period-order", "extra-period-order", "start after end",
     put(PERIOD, NS["dcatapit"]["startDate"], Literal("2025-01-01", datatype=XSD.date))),
    ("period-ok-same-day", "", "start equal to end",
     put(PERIOD, NS["dcatapit"]["startDate"], Literal("2024-12-31", datatype=XSD.date))),
    ("period-order-dcat", "extra-period-order-dcat", "dcat:startDate after dcat:endDate",
     lambda g: (g.add((PERIOD, NS["dcat"]["startDate"], Literal("2024-12-31", datatype=XSD.date))),
                g.add((PERIOD, NS["dcat"]["endDate"], Literal("2024-01-01", datatype=XSD.date))))),
    ("email", "extra-email", "e-mail without '@'",
     put(CONTACT, NS["vcard"]["hasEmail"], URIRef("mailto:opendata-at-example.it"))),
    ("keyword", "extra-keyword", "two keywords in one", add(DS, NS["dcat"]["keyword"], Literal("accordi, convenzioni", lang="it"))),
    ("keyword-ok-accents", "", "keyword with accented letters",
     add(DS, NS["dcat"]["keyword"], Literal("Ùltima Àrea di qualità", lang="it"))),
    ("keyword-apostrophe", "extra-keyword", "typographic apostrophe inside a keyword",
     add(DS, NS["dcat"]["keyword"], Literal("dell’ambiente", lang="it"))),
    ("keyword-space", "extra-keyword-space", "keyword with a leading space",
     add(DS, NS["dcat"]["keyword"], Literal(" convenzioni", lang="it"))),
    ("access-url", "extra-access-url", "accessURL not http", put(DIST, NS["dcat"]["accessURL"], URIRef("urn:example:agreements"))),
    ("download-url", "extra-download-url", "downloadURL is a local file",
     put(DIST, NS["dcat"]["downloadURL"], URIRef("file:///tmp/agreements-2024.csv"))),
    ("geometry", "extra-geometry", "WKT polygon without the inner parentheses",
     put(LOCATION, NS["locn"]["geometry"], Literal("POLYGON(9.68 42.23, 12.37 42.23, 12.37 44.47, 9.68 42.23)", datatype=WKT_T))),
    ("geometry-ok-gml", "", "GML envelope",
     put(LOCATION, NS["locn"]["geometry"], Literal(
         '<gml:Envelope srsName="http://www.opengis.net/def/crs/EPSG/0/4326"><gml:lowerCorner>42.23 9.68'
         '</gml:lowerCorner><gml:upperCorner>44.47 12.37</gml:upperCorner></gml:Envelope>', datatype=GML_T))),
    ("geometry-ok-geojson", "", "GeoJSON polygon",
     put(LOCATION, NS["locn"]["geometry"], Literal(
         '{"type": "Polygon", "coordinates": [[[9.68, 42.23], [12.37, 42.23], [12.37, 44.47], [9.68, 42.23]]]}',
         datatype=GEOJSON_T))),
    ("geometry-ok-multipolygon-crs", "", "WKT multipolygon in Gauss-Boaga with its CRS IRI",
     put(LOCATION, NS["locn"]["geometry"], Literal(
         "<http://www.opengis.net/def/crs/EPSG/0/3003> MULTIPOLYGON(((1680000 4800000, 1690000 4800000, "
         "1690000 4810000, 1680000 4800000)), ((1700000 4800000, 1710000 4800000, 1700000 4810000, 1700000 4800000)))",
         datatype=WKT_T))),
    ("bbox", "extra-bbox", "bbox in a syntax that is not WKT",
     add(LOCATION, NS["dcat"]["bbox"], Literal("BOX(9.68 42.23, 12.37 44.47)", datatype=WKT_T))),
    ("centroid", "extra-centroid", "centroid as an untyped string",
     add(LOCATION, NS["dcat"]["centroid"], Literal("POINT(11.25 43.77)"))),
    ("geometry-crs84", "extra-geometry-crs84", "projected coordinates without CRS",
     put(LOCATION, NS["locn"]["geometry"], Literal(
         "POLYGON((1680000 4800000, 1690000 4800000, 1690000 4810000, 1680000 4800000))", datatype=WKT_T))),
    ("centroid-crs84", "extra-centroid-crs84", "projected centroid without CRS",
     add(LOCATION, NS["dcat"]["centroid"], Literal("POINT(1681234.5 4801234.5)", datatype=WKT_T))),
    ("bbox-crs84", "extra-bbox-crs84", "projected bbox without CRS",
     add(LOCATION, NS["dcat"]["bbox"], Literal("POLYGON((1680000 4800000, 1690000 4800000, 1690000 4810000, "
                                            "1680000 4800000))", datatype=WKT_T))),
    ("schema-start-date", "extra-schema-start-date", "ckanext-dcatapit start date",
     add(PERIOD, SCHEMA.startDate, Literal("2024-01-01T00:00:00", datatype=XSD.dateTime))),
    ("schema-end-date", "extra-schema-end-date", "ckanext-dcatapit end date",
     add(PERIOD, SCHEMA.endDate, Literal("2024-12-31T00:00:00", datatype=XSD.dateTime))),
    ("geographical-identifier", "extra-geographical-identifier", "ckanext-dcatapit place literal",
     add(LOCATION, NS["dcatapit"]["geographicalIdentifier"], Literal("http://sws.geonames.org/3165361/"))),
    ("geographical-name", "extra-geographical-name", "misspelt locn term",
     add(LOCATION, NS["locn"]["geographicalName"], Literal("Toscana", lang="it"))),
    ("dct-bytesize", "extra-dct-bytesize", "size in the wrong namespace",
     add(DIST, URIRef("http://purl.org/dc/terms/byteSize"), Literal("12345", datatype=XSD.decimal))),
    ("reference-doc", "extra-reference-doc", "ontology spelling of referenceDocumentation",
     add(STANDARD, NS["dcatapit"]["referenceDoc"], URIRef("https://www.rfc-editor.org/rfc/rfc4180"))),
    ("landing-page-typo", "extra-landing-page-typo", "dcat:landindPage",
     add(DS, NS["dcat"]["landindPage"], URIRef("https://dati.example.it/dataset/agreements-2024"))),
    ("catalog-type", "extra-catalog-type", "catalogue typed only dcat:Catalog", untype(CAT, NS["dcatapit"]["Catalog"])),
    ("dataset-type", "extra-dataset-type", "dataset typed only dcat:Dataset", untype(DS, NS["dcatapit"]["Dataset"])),
    ("distribution-type", "extra-distribution-type", "distribution typed only dcat:Distribution",
     untype(DIST, NS["dcatapit"]["Distribution"])),
    ("licence-type", "extra-licence-type", "licence typed only dct:LicenseDocument",
     untype(LICENCE, NS["dcatapit"]["LicenseDocument"])),
    ("namespace-class", "extra-namespace-class", "RNDT-style class IRI without '#'",
     add(DS, RDF.type, URIRef("http://dati.gov.it/onto/dcatapitDataset"))),
    ("namespace-class-quote", "extra-namespace-class", "AgID example 6 class IRI with '\"'",
     add(DS, RDF.type, URIRef('http://dati.gov.it/onto/dcatapit#"Dataset'))),
    ("namespace-startDate-nohash", "extra-namespace-startDate-nohash", "RNDT-style start date",
     add(PERIOD, URIRef("http://dati.gov.it/onto/dcatapitstartDate"), Literal("2024-01-01", datatype=XSD.date))),
    ("namespace-endDate-www", "extra-namespace-endDate-www", "end date with www.",
     add(PERIOD, URIRef("http://www.dati.gov.it/onto/dcatapit#endDate"), Literal("2024-12-31", datatype=XSD.date))),
    ("adms-identifier-literal", "extra-adms-identifier-literal", "ckanext-dcatapit's literal ' N/A' identifier",
     add(DS, NS["adms"]["identifier"], Literal(" N/A"))),
]


def gen_extra(base, rows_out):
    out = os.path.join(HERE, "extra")
    os.makedirs(out, exist_ok=True)
    for name in os.listdir(out):
        if name.endswith(".ttl"):
            os.remove(os.path.join(out, name))
    for name, want, what, change in EXTRA:
        g = rdflib.Graph()
        for t in base:
            g.add(t)
        change(g)
        write_turtle(g, os.path.join(out, name + ".ttl"), [
            "Generated by tests/profile/gen_fixtures.py from base.ttl; do not edit.",
            "dcatapit-extra.ttl check: %s" % (want or "none (near miss)"),
            "change: " + what,
            "must report: %s" % (want or "nothing")])
        rows_out.append(("extra/%s.ttl" % name, want, "error" if want in VIOLATION_CHECKS else
                         ("warning" if want else "")))


VIOLATION_CHECKS = {"extra-theme", "extra-frequency", "extra-format", "extra-language",
                    "extra-period-order", "extra-period-order-dcat"}


def term(t):
    if isinstance(t, URIRef):
        s = str(t)
        for p, ns in PREFIXES:
            if s.startswith(ns):
                local = s[len(ns):]
                if local and (local[0].isalpha() or local[0] == "_") and \
                        all(c.isalnum() or c in "_-" for c in local):
                    return "%s:%s" % (p, local)
        return "<%s>" % s.replace('"', "\\u0022")
    if isinstance(t, Literal):
        lex = str(t).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
        if t.language:
            return '"%s"@%s' % (lex, t.language)
        if t.datatype is not None and t.datatype != XSD.string:
            return '"%s"^^%s' % (lex, term(t.datatype))
        return '"%s"' % lex
    raise ValueError("blank nodes are not used in the fixtures")


def write_turtle(g, path, header):
    lines = ["# " + h for h in header] + [""]
    lines += ["@prefix %s: <%s> ." % (p, ns) for p, ns in PREFIXES] + [""]
    for s in sorted(set(g.subjects()), key=str):
        preds = sorted(set(g.predicates(s)), key=lambda p: (p != RDF.type, str(p)))
        parts = []
        for p in preds:
            objs = sorted((term(o) for o in g.objects(s, p)))
            parts.append("    %s %s" % ("a" if p == RDF.type else term(p), ", ".join(objs)))
        lines.append(term(s) + "\n" + " ;\n".join(parts) + " .\n")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def main():
    rows = {}
    with open(os.path.join(ROOT, "vocab", "tools", "agid-rules.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows[int(r["rule_id"])] = r
    base = rdflib.Graph()
    base.parse(os.path.join(HERE, "base.ttl"), format="turtle")
    cases = os.path.join(HERE, "cases")
    os.makedirs(cases, exist_ok=True)
    for name in os.listdir(cases):
        if name.startswith("rule-") and name.endswith(".ttl"):
            os.remove(os.path.join(cases, name))
    expected = [("base.ttl", "", "")]
    for entry in sorted(gen_shapes.RULES, key=lambda e: e[0][0]):
        ids = entry[0]
        want = " ".join(str(i) for i in ids)
        sev = rows[ids[0]]["severity"]
        for rid in ids:
            g = rdflib.Graph()
            for t in base:
                g.add(t)
            what = mutate(g, entry, ok=False)
            name = "rule-%d.ttl" % rid
            write_turtle(g, os.path.join(cases, name), [
                "Generated by tests/profile/gen_fixtures.py from base.ttl; do not edit.",
                "AgID rule %d (%s): %s" % (rid, sev, rows[rid]["title"]),
                "mutation: " + what,
                "must report: rule%s %s, nothing else" % ("s" if len(ids) > 1 else "", want)])
            expected.append(("cases/" + name, want, sev))
            g = rdflib.Graph()
            for t in base:
                g.add(t)
            what = mutate(g, entry, ok=True)
            if what is not None:
                name = "rule-%d-ok.ttl" % rid
                write_turtle(g, os.path.join(cases, name), [
                    "Generated by tests/profile/gen_fixtures.py from base.ttl; do not edit.",
                    "Near miss for AgID rule %d: %s" % (rid, rows[rid]["title"]),
                    "change: " + what,
                    "must report: nothing"])
                expected.append(("cases/" + name, "", ""))
    # A typed date with an ill-formed lexical form is caught by the date rules too (SHACL sh:datatype
    # checks the lexical form; the SPARQL rule only looked at the datatype IRI).
    g = rdflib.Graph()
    for t in base:
        g.add(t)
    ds = URIRef(FOCUS["Dataset"])
    g.remove((ds, iri("dct:modified"), None))
    g.add((ds, iri("dct:modified"), Literal("2024-6-31", datatype=XSD.date)))
    write_turtle(g, os.path.join(cases, "rule-73-lexical.ttl"), [
        "Generated by tests/profile/gen_fixtures.py from base.ttl; do not edit.",
        "AgID rule 73 (error): %s" % rows[73]["title"],
        "mutation: dct:modified on the dataset is \"2024-6-31\"^^xsd:date (ill-formed)",
        "must report: rule 73, nothing else"])
    expected.append(("cases/rule-73-lexical.ttl", "73", "error"))
    # Rule 192 counts names without a language tag as one more "language": two of them fire.
    g = rdflib.Graph()
    for t in base:
        g.add(t)
    ag = URIRef(FOCUS["Agent"])
    g.remove((ag, iri("foaf:name"), None))
    g.add((ag, iri("foaf:name"), Literal("Regione Toscana")))
    g.add((ag, iri("foaf:name"), Literal("Giunta regionale toscana")))
    write_turtle(g, os.path.join(cases, "rule-192-untagged.ttl"), [
        "Generated by tests/profile/gen_fixtures.py from base.ttl; do not edit.",
        "AgID rule 192 (error): %s" % rows[192]["title"],
        "mutation: two different foaf:name without a language tag on <%s>" % ag,
        "must report: rule 192, nothing else"])
    expected.append(("cases/rule-192-untagged.ttl", "192", "error"))
    with open(os.path.join(cases, "expected.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["fixture", "rules", "severity"])
        w.writerows(expected)
    extra_rows = [("base.ttl", "", "")]
    gen_extra(base, extra_rows)
    with open(os.path.join(HERE, "extra", "expected.csv"), "w", newline="", encoding="utf-8") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(["fixture", "rules", "severity"])
        w.writerows(extra_rows)
    sys.stderr.write("gen_fixtures: %d rule fixtures, %d extra fixtures\n"
                     % (len(expected) - 1, len(extra_rows) - 1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
