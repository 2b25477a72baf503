#!/usr/bin/env python3
"""Tests of the bundled catalogue and of check_catalog.py (development aid, see README.md).

1. The bundled catalog/ has no errors, and the inconsistencies of its sources are reported as
   warnings: the funding table's totals and stated counts with both figures, the records'
   source_inconsistencies at their line of the plain-text version.
2. The reference rendering (--ntriples) names the 35 parties of the L.145/2018 agreement:
   33 IPA bodies as dct:creator, ANCI Toscana and UPI Toscana as dct:contributor.
3. Broken copies of the catalogue (in a temporary directory) fail with located errors.

usage: test_check_catalog.py [CATALOG_DIR]   exit 0 pass, 1 fail, 77 skipped (PyYAML missing)
Standard library only (runs check_catalog.py with the same interpreter).
"""
import os
import re
import subprocess
import sys
import tempfile

from tool_tests import copy_catalog, edit, expect, finish

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, "check_catalog.py")


def run(args):
    p = subprocess.run([sys.executable, CHECK] + args, stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True, timeout=120)
    if p.returncode == 77:
        sys.stdout.write("skipped: %s" % p.stderr)
        sys.exit(77)
    return p.returncode, p.stdout, p.stderr


def main(argv):
    cat = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(HERE, ".."))

    rc, out, err = run([cat])
    expect(rc == 0, "bundled catalogue: exit 0 (got %d)" % rc)
    expect(re.search(r"check_catalog: 10 records, 10 distributions, 4 services, 0 errors, 15 warnings", out),
           "bundled catalogue: 10 records, 0 errors, 15 warnings")
    expect(re.search(r"protocollo-anci-toscana-innovazione\.md:\d+:\d+: warning: inconsistency in the "
                     r"source, kept as published: Among earlier acts the memorandum cites \"Delibera n° "
                     r"1169 del 17/03/2015\"", out),
           "DGR 1169 of 17/03/2015: a warning at its line of the plain-text version")
    expect(len(re.findall(r"accordo-digitalizzazione-l145-2018\.md:\d+:\d+: warning: inconsistency", out))
           == 6, "L.145 agreement: six inconsistencies of the source, at the text")
    expect(re.search(r"dictionary\.yaml:\d+:9: warning: column 'car_pooling': 4 of the 32 data rows "
                     r"have a value other than zero, the source states 2 \(", out),
           "car pooling: 4 Unions funded, the text names 2, at the declaration")
    expect(len(re.findall(r"dictionary\.yaml:\d+:\d+: warning: column '", out)) == 6,
           "six stated counts that the table contradicts")
    expect(re.search(r"ripartizione-fondi-l145-2018\.csv:32:1: warning: row 'Unione Montana dei Comuni "
                     r"della Valtiberina Toscana': totale is 4000\.00 but .* add up to 14000\.00", out),
           "Valtiberina row: declared 4000.00, parts 14000.00, line 32")
    expect(re.search(r"\.csv:34:1: warning: totals row 'TOTALI': totale is 1258770\.00 but the 32 data "
                     r"rows add up to 1248770\.00", out),
           "grand total: declared 1258770.00, rows 1248770.00, line 34")

    rc, out, err = run(["--ntriples", cat])
    expect(rc == 0, "--ntriples: exit 0 (got %d)" % rc)
    ds = "<https://dati.toscana.it/dcatit/dataset/accordo-digitalizzazione-l145-2018>"
    creators = [l for l in out.splitlines() if l.startswith(ds + " <http://purl.org/dc/terms/creator>")]
    contrib = [l for l in out.splitlines() if l.startswith(ds + " <http://purl.org/dc/terms/contributor>")]
    expect(len(creators) == 33, "L.145 agreement: 33 creators (got %d)" % len(creators))
    expect(len(contrib) == 2 and all("/agent/" in l for l in contrib),
           "L.145 agreement: ANCI and UPI Toscana as 2 contributors (got %d)" % len(contrib))
    expect('"r_toscan:accordo-digitalizzazione-l145-2018"' in out, "identifier = rights holder:id")
    expect("POLYGON((9.68 42.23, 12.37 42.23, 12.37 44.47, 9.68 44.47, 9.68 42.23))" in out,
           "bbox as WKT polygon in CRS84")

    cases = [
        ("agreements/protocollo-anci-toscana-innovazione.yaml", "creators: [r_toscan]",
         "creators: [r_toscan, anci_toscana]",
         r"protocollo-anci-toscana-innovazione\.yaml:\d+:\d+: error: org 'anci_toscana' has no identifier"),
        ("agreements/convenzione-tipo-ia.yaml", "themes: [TECH, GOVE]", "themes: [TECH, GOV]",
         r"convenzione-tipo-ia\.yaml:\d+:\d+: error: unknown theme 'GOV', did you mean 'GOVE'\?"),
        ("gis/ctr-10k.yaml", "    format: WMS_SRVC", "    format: WMS_SRVC\n    licence: A21_CCBY40",
         r"ctr-10k\.yaml:\d+:\d+: error: unknown key 'licence', did you mean 'license'\?"),
        ("gis/ortofoto-2013.yaml", "bbox: [9.68, 42.23, 12.37, 44.47]", "bbox: [9.68, 42.23, 13.5, 44.47]",
         r"ortofoto-2013\.yaml:\d+:\d+: error: bbox .* is not inside Tuscany"),
        ("funding/files/ripartizione-fondi-l145-2018.csv", "Provincia di Pisa,p_PI,",
         "Provincia di Pisa,p_PJ,", r"\.csv:8:1: error: unknown organisation 'p_PJ'"),
        ("agreements/accordo-punto-impresa-digitale.yaml", "creators: [r_toscan, urdcc]",
         "creators: [r_toscan, urdcc, urdcc]", r"error: duplicate item 'urdcc'"),
    ]
    for rel, old, new, pattern in cases:
        with tempfile.TemporaryDirectory() as tmp:
            copy = copy_catalog(cat, tmp)
            edit(os.path.join(copy, rel), old, new)
            rc, out, err = run([copy])
            expect(rc == 1 and re.search(pattern, out), "broken %s: exit 1 and /%s/" % (rel, pattern))

    # README 5.7: records that take their metadata from an ISO 19139 file
    iso_cat = os.path.join(cat, "..", "tests", "iso", "catalog")
    if os.path.isdir(iso_cat):
        rc, out, err = run([iso_cat])
        expect(rc == 0 and "2 records, 1 distributions" in out,
               "ISO test catalogue: exit 0, 2 records (got %d: %s)" % (rc, out.strip()))
        with tempfile.TemporaryDirectory() as tmp:
            copy = copy_catalog(iso_cat, tmp)
            edit(os.path.join(copy, "gis", "ctr-10k.yaml"), "iso: files/ctr-10k.xml",
                 "iso: files/ctr-10k-missing.xml")
            rc, out, err = run([copy])
            expect(rc == 1 and re.search(r"ctr-10k\.yaml:\d+:\d+: error: 'files/ctr-10k-missing\.xml' "
                                         r"does not exist", out),
                   "ISO record with a missing file: exit 1, located error")

    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
