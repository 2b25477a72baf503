#!/usr/bin/env python3
"""Write the fixtures of the C checks (src/profile/checks.c) into this directory.

Each fixture is ../base.ttl with one textual mutation; expected.csv says which checks must fire
(with the whole default profile: every result of the run must be listed). Run from anywhere:
    python3 tests/profile/checks/make_fixtures.py
The fixtures are committed; rerun after changing base.ttl. Standard library only.
"""
import os

HERE = os.path.dirname(os.path.abspath(__file__))
BASE = os.path.join(os.path.dirname(HERE), "base.ttl")

POLY = "POLYGON((9.68 42.23, 12.37 42.23, 12.37 44.47, 9.68 44.47, 9.68 42.23))"
CMFI_ID = 'dct:identifier "cmfi" .'

# name: (list of (old, new) replacements, expected checks, severity, extra args)
FIXTURES = {
    "ipa-unknown": ([(CMFI_ID, 'dct:identifier "cmfy" .')], "check-ipa", "warning", ""),
    "agent-name": ([('foaf:name "Citta\' Metropolitana di Firenze"@it', 'foaf:name "Provincia di Firenze"@it')],
                   "check-agent-name", "warning", ""),
    "agent-name-ok-spelling": ([('foaf:name "Citta\' Metropolitana di Firenze"@it',
                                 'foaf:name "CITTA’  metropolitana di Firenze"@it')], "", "", ""),
    "ipa-case": ([(CMFI_ID, 'dct:identifier "CMFI" .')], "check-ipa", "warning", ""),
    "ipa-ok-piva": ([(CMFI_ID, 'dct:identifier "01386030488" .')], "", "", ""),
    "ipa-ok-cf": ([(CMFI_ID, 'dct:identifier "RSSMRA85T10A562S" .')], "", "", ""),
    "ipa-ok-orgs": ([(CMFI_ID, 'dct:identifier "c_zz99" .')], "", "", "--orgs=orgs-extra.ttl"),
    "tax-code-piva": ([(CMFI_ID, 'dct:identifier "01386030489" .')], "check-tax-code", "warning", ""),
    "tax-code-cf": ([(CMFI_ID, 'dct:identifier "RSSMRA85T10A562T" .')], "check-tax-code", "warning", ""),
    "dataset-identifier-prefix": ([('"r_toscan:agreements-2024-001"', '"cmfi:agreements-2024-001"')],
                                  "check-dataset-identifier-prefix", "warning", ""),
    # the rights holder is only an IRI of vocab/organizations.ttl: its code comes from there
    "dataset-identifier-prefix-registry": (
        [('org:r_toscan a dcatapit:Agent, foaf:Agent ;\n    foaf:name "Regione Toscana"@it ;\n'
          '    dct:identifier "r_toscan" .\n', ''),
         ('"r_toscan:agreements-2024-001"', '"cmfi:agreements-2024-001"')],
        "check-dataset-identifier-prefix", "warning", ""),
    "geometry-ring-open": ([(POLY, POLY[:-7] + "42.24))")], "check-geometry", "error", ""),
    "geometry-unbalanced": ([(POLY, POLY[:-1])], "check-geometry extra-geometry", "", ""),
    "geometry-range": ([(POLY, "POINT(211.25 43.77)")], "check-geometry-range", "error", ""),
    "geometry-swapped": ([(POLY, "POLYGON((42.23 9.68, 42.23 12.37, 44.47 12.37, 44.47 9.68, 42.23 9.68))")],
                         "check-geometry-swapped", "warning", ""),
    "geometry-ok-epsg4326": ([(POLY, "<http://www.opengis.net/def/crs/EPSG/0/4326> "
                               "POLYGON((42.23 9.68, 42.23 12.37, 44.47 12.37, 44.47 9.68, 42.23 9.68))")],
                             "", "", ""),
    "geojson-swapped": ([('"%s"^^gsp:wktLiteral' % POLY,
                          '"{\\"type\\": \\"Point\\", \\"coordinates\\": [43.77, 11.25]}"^^gsp:geoJSONLiteral')],
                        "check-geometry-swapped", "warning", ""),
    "geojson-ok": ([('"%s"^^gsp:wktLiteral' % POLY,
                     '"{\\"type\\": \\"Point\\", \\"coordinates\\": [11.25, 43.77]}"^^gsp:geoJSONLiteral')],
                   "", "", ""),
    "gml-swapped": ([('"%s"^^gsp:wktLiteral' % POLY,
                      '"<gml:Envelope srsName=\\"http://www.opengis.net/def/crs/EPSG/0/4326\\">'
                      '<gml:lowerCorner>9.68 42.23</gml:lowerCorner><gml:upperCorner>12.37 44.47'
                      '</gml:upperCorner></gml:Envelope>"^^gsp:gmlLiteral')],
                    "check-geometry-swapped", "warning", ""),
    "gml-ok": ([('"%s"^^gsp:wktLiteral' % POLY,
                 '"<gml:Envelope srsName=\\"http://www.opengis.net/def/crs/EPSG/0/4326\\">'
                 '<gml:lowerCorner>42.23 9.68</gml:lowerCorner><gml:upperCorner>44.47 12.37'
                 '</gml:upperCorner></gml:Envelope>"^^gsp:gmlLiteral')], "", "", ""),
    # AgID rule 192 allows one name per language; the same Italian name tagged @de (as CKAN
    # portals serve it) is a warning, a real translation or a bare proper name is not
    "language-tag": ([('foaf:name "Citta\' Metropolitana di Firenze"@it',
                       'foaf:name "Citta\' Metropolitana di Firenze"@it, '
                       '"Citta\' Metropolitana di Firenze"@de')], "check-language-tag", "warning", ""),
    "language-tag-title": ([('dct:title "Accordi 2024 in CSV"@it', 'dct:title "Accordi della Regione 2024 '
                             'in CSV"@en')], "check-language-tag", "warning", ""),
    "language-tag-ok-translation": ([('foaf:name "Citta\' Metropolitana di Firenze"@it',
                                      'foaf:name "Citta\' Metropolitana di Firenze"@it, '
                                      '"Metropolitan City of Florence"@en')], "", "", ""),
    "language-tag-ok-proper-name": ([('foaf:name "Regione Toscana"@it',
                                      'foaf:name "Regione Toscana"@it, "Regione Toscana"@en')],
                                    "", "", ""),
    "bbox-ring-open": ([('"%s"^^gsp:wktLiteral .' % POLY,
                         '"%s"^^gsp:wktLiteral ;\n    <http://www.w3.org/ns/dcat#bbox> '
                         '"{\\"type\\": \\"Polygon\\", \\"coordinates\\": [[[9.68, 42.23], [12.37, 42.23], '
                         '[12.37, 44.47], [9.68, 44.47]]]}"^^gsp:geoJSONLiteral .' % POLY)],
                       "check-geometry", "error", ""),
}

ORGS_EXTRA = """# A user's organisations file (validate --orgs): one body not in vocab/organizations.ttl.
@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .

<https://w3id.org/dcatit/org/c_zz99> a dcatapit:Agent, foaf:Agent ;
    dct:identifier "c_zz99" ;
    foaf:name "Citta' Metropolitana di Firenze"@it .
"""


def main():
    with open(BASE, encoding="utf-8") as f:
        base = f.read()
    rows = ["fixture,rules,severity,args", "checks/base-clean.ttl,,,"]
    with open(os.path.join(HERE, "base-clean.ttl"), "w", encoding="utf-8") as f:
        f.write("# ../base.ttl unchanged: the C checks must find nothing.\n" + base)
    for name, (subs, rules, sev, args) in sorted(FIXTURES.items()):
        text = base
        for old, new in subs:
            assert text.count(old) == 1, (name, old)
            text = text.replace(old, new)
        head = "# ../base.ttl with one change for the C check fixture '%s' (make_fixtures.py).\n" % name
        with open(os.path.join(HERE, name + ".ttl"), "w", encoding="utf-8") as f:
            f.write(head + text)
        rows.append("checks/%s.ttl,%s,%s,%s" % (name, rules, sev, args))
    with open(os.path.join(HERE, "orgs-extra.ttl"), "w", encoding="utf-8") as f:
        f.write(ORGS_EXTRA)
    with open(os.path.join(HERE, "expected.csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(rows) + "\n")


if __name__ == "__main__":
    main()
