#!/usr/bin/python3
"""Generate vocab/shapes/dcatapit-extra.ttl from dcatapit-extra.ttl.in and the vocabularies.

The template is valid Turtle with placeholders:
  ( dcatit:GENERATED-<name> )   replaced by the sorted list of concept IRIs of a vocabulary
                                (deprecated EU concepts left out, so they are reported)
  "@WKT_PATTERN@" etc.          replaced by the geometry regular expressions built below
  # @NAMESPACE_LEFTOVERS@        replaced by the shapes for mistyped dcatapit namespaces
Every sh:message is given in English (@en) and Italian (@it); the report picks the user's language.
usage: gen_extra.py > vocab/shapes/dcatapit-extra.ttl      (needs python3-rdflib, Debian)
"""
import os
import sys

import rdflib
from rdflib import RDF, URIRef
from rdflib.namespace import SKOS

HERE = os.path.dirname(os.path.abspath(__file__))
VOCAB = os.path.dirname(HERE)
AT_DEPRECATED = URIRef("http://publications.europa.eu/ontology/authority/deprecated")
LICENSE_DOC = URIRef("http://dati.gov.it/onto/dcatapit#LicenseDocument")

LISTS = {
    "data-theme": "eu/data-theme.ttl",
    "frequency": "eu/frequencies.ttl",
    "file-type": "eu/filetypes.ttl",
    "language": "eu/languages.ttl",
    "access-right": "eu/access-right.ttl",
    "licences": "it/licences.ttl",
}

# Geometry literal grammars (SPARQL/XPath regex subset understood by PCRE2 and Python).
NUM = r"[-+]?[0-9]+(\.[0-9]+)?([eE][-+]?[0-9]+)?"
PT = r"%s\s+%s(\s+%s)?" % (NUM, NUM, NUM)
RING = r"\(\s*%s(\s*,\s*%s)*\s*\)" % (PT, PT)
POLY = r"\(\s*%s(\s*,\s*%s)*\s*\)" % (RING, RING)
WKT = (r"^\s*(<[^>\s]+>\s*)?(POINT\s*\(\s*%s\s*\)|POLYGON\s*%s|MULTIPOLYGON\s*\(\s*%s(\s*,\s*%s)*\s*\))\s*$"
       % (PT, POLY, POLY, POLY))
GML = (r"^\s*<([A-Za-z_][A-Za-z0-9_.-]*:)?(Envelope|Polygon|Point|MultiSurface|MultiPolygon|Surface|"
       r"LineString|Box)[\s>/][\s\S]*>\s*$")
GEOJSON = (r"^\s*\{[\s\S]*\"type\"\s*:\s*\"(Point|MultiPoint|LineString|MultiLineString|Polygon|"
           r"MultiPolygon|GeometryCollection)\"[\s\S]*\}\s*$")
CRS84 = r"^(?![\s\S]*(^|[^0-9.])[0-9]{4,})[\s\S]*$"

DCATAPIT_LOCALS_CLASS = ["Catalog", "Dataset", "Distribution", "Agent", "Organization",
                         "LicenseDocument", "Standard"]
DCATAPIT_LOCALS_PROP = ["startDate", "endDate", "referenceDocumentation"]
BAD_NS = [  # (tag, namespace, what is wrong, the same in Italian)
    ("nohash", "http://dati.gov.it/onto/dcatapit", "written without '#'", "scritto senza '#'"),
    ("www", "http://www.dati.gov.it/onto/dcatapit#", "written with 'www.'", "scritto con 'www.'"),
    ("https", "https://dati.gov.it/onto/dcatapit#", "written with https", "scritto con https"),
    ("quote", "http://dati.gov.it/onto/dcatapit#\\u0022", "with a stray '\"' after '#' (the &quot; bug of the AgID examples)",
     "con un '\"' di troppo dopo '#' (il difetto &quot; degli esempi AgID)"),
]


def concepts(path, name):
    g = rdflib.Graph()
    g.parse(os.path.join(VOCAB, path), format="turtle")
    out = set()
    for c in g.subjects(RDF.type, SKOS.Concept):
        if str(g.value(c, AT_DEPRECATED) or "false") == "true":
            continue
        out.add(str(c))
    if name == "licences":
        out.update(str(c) for c in g.subjects(RDF.type, LICENSE_DOC))
    return sorted(out)


def turtle_string(s):
    return s.replace("\\", "\\\\").replace('"', '\\"')


def leftovers():
    w = []
    bad_classes = ["<%s%s>" % (ns, local) for _, ns, _, _ in BAD_NS for local in DCATAPIT_LOCALS_CLASS]
    w.append("# Mistyped dcatapit namespaces (generated). The RNDT conversions of the pianotri-schede-bdin")
    w.append("# examples write http://dati.gov.it/onto/dcatapitDataset; the AgID example 6 writes '#\"'.\n")
    w.append("dcatit:ExtraNamespaceClassShape a sh:NodeShape ;")
    w.append("    sh:targetClass %s ;" % ",\n        ".join(bad_classes))
    w.append("    sh:property dcatit:extra-namespace-class .\n")
    w.append("dcatit:extra-namespace-class a sh:PropertyShape ;")
    w.append("    sh:path rdf:type ;")
    w.append("    sh:not [ sh:in ( %s ) ] ;" % "\n        ".join(bad_classes))
    w.append("    sh:severity sh:Warning ;")
    w.append('    sh:message "{$this} is typed {?value}, a misspelt DCAT-AP_IT class, so dati.gov.it and the '
             'national rules do not see it as a DCAT-AP_IT node: the dcatapit namespace is exactly '
             'http://dati.gov.it/onto/dcatapit# (with \'#\', no \'www.\', http not https, nothing between \'#\' '
             'and the name, e.g. http://dati.gov.it/onto/dcatapit#Dataset); fix the prefix declaration of the file '
             '(dcatit check namespace-class)"@en,')
    w.append('        "{$this} ha il tipo {?value}, una classe DCAT-AP_IT scritta male, quindi dati.gov.it e le '
             'regole nazionali non lo vedono come un nodo DCAT-AP_IT: il namespace dcatapit è esattamente '
             'http://dati.gov.it/onto/dcatapit# (con \'#\', senza \'www.\', http e non https, nulla tra \'#\' '
             'e il nome, ad es. http://dati.gov.it/onto/dcatapit#Dataset); correggere la dichiarazione del '
             'prefisso nel file (dcatit check namespace-class)"@it .\n')
    props = []
    for tag, ns, what, what_it in BAD_NS:
        for local in DCATAPIT_LOCALS_PROP:
            props.append(("extra-namespace-%s-%s" % (local, tag), "<%s%s>" % (ns, local), local, what,
                          what_it))
    w.append("dcatit:ExtraNamespacePropertyShape a sh:NodeShape ;")
    w.append("    sh:targetSubjectsOf %s ;" % ",\n        ".join(p[1] for p in props))
    w.append("    sh:property %s .\n" % ",\n        ".join("dcatit:" + p[0] for p in props))
    for name, iri, local, what, what_it in props:
        shown = turtle_string(iri.strip("<>").replace("\\u0022", "\""))
        w.append("dcatit:%s a sh:PropertyShape ;" % name)
        w.append("    sh:path %s ;" % iri)
        w.append("    sh:maxCount 0 ;")
        w.append("    sh:severity sh:Warning ;")
        w.append('    sh:message "{$this} uses %s: the dcatapit namespace %s, so dati.gov.it does not read it; write '
                 'http://dati.gov.it/onto/dcatapit#%s (dcatit check %s)"@en,'
                 % (shown, turtle_string(what), local, name[len("extra-"):]))
        w.append('        "{$this} usa %s: il namespace dcatapit %s, quindi dati.gov.it non lo legge; scrivere '
                 'http://dati.gov.it/onto/dcatapit#%s (dcatit check %s)"@it .\n'
                 % (shown, turtle_string(what_it), local, name[len("extra-"):]))
    return "\n".join(w)


def main():
    with open(os.path.join(HERE, "dcatapit-extra.ttl.in"), encoding="utf-8") as f:
        text = f.read()
    for name, path in LISTS.items():
        items = concepts(path, name)
        if not items:
            sys.exit("gen_extra: no concepts in %s" % path)
        ph = "( dcatit:GENERATED-%s )" % name
        if ph not in text:
            sys.exit("gen_extra: placeholder %s missing" % ph)
        body = "\n        ".join("<%s>" % i for i in items)
        text = text.replace(ph, "(\n        %s\n    )" % body)
        sys.stderr.write("gen_extra: %s: %d concepts\n" % (name, len(items)))
    for ph, rx in (("@WKT_PATTERN@", WKT), ("@GML_PATTERN@", GML), ("@GEOJSON_PATTERN@", GEOJSON),
                   ("@CRS84_PATTERN@", CRS84)):
        if '"%s"' % ph not in text:
            sys.exit("gen_extra: placeholder %s missing" % ph)
        text = text.replace('"%s"' % ph, '"%s"' % turtle_string(rx))
    text = text.replace("# @NAMESPACE_LEFTOVERS@", leftovers())
    text = text.replace("# Generated by vocab/tools/gen_extra.py", "# Generated by vocab/tools/gen_extra.py", 1)
    sys.stdout.write(text)


if __name__ == "__main__":
    main()
