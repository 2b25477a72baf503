#!/usr/bin/env python3
"""The `iso:` key of catalogue records (catalog/README.md section 5.7), built for real.

usage: test_catalog.py DCATIT SOURCE_ROOT

Each case copies tests/iso/catalog (two GIS records that point at the RNDT record
gis/files/ctr-10k.xml, one of them with keys of its own) into a fresh temporary directory, runs
`dcatit build` and reads what it wrote back with `dcatit convert -t ntriples`. DCATIT_DATADIR
must point at vocab/.
"""
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

DCATIT = None
ROOT = None
BASE = "https://example.org/dcatit/dataset/"
DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"
RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
NT = re.compile(r'^(\S+) (\S+) (.*) \.$')


class IsoCatalogTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dcatit-isocat-")
        self.cat = os.path.join(self.tmp, "catalog")
        shutil.copytree(os.path.join(ROOT, "tests", "iso", "catalog"), self.cat)
        self.out = os.path.join(self.tmp, "out")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def build(self):
        return subprocess.run([DCATIT, "build", "-C", self.cat, "-o", self.out],
                              capture_output=True, text=True, timeout=120)

    def write(self, rel, text):
        p = os.path.join(self.cat, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(text)

    def triples(self):
        r = subprocess.run([DCATIT, "convert", os.path.join(self.out, "catalog.ttl"), "-t",
                            "ntriples"], capture_output=True, text=True, timeout=60)
        self.assertEqual(r.returncode, 0, r.stderr)
        out = []
        for line in r.stdout.splitlines():
            m = NT.match(line)
            if m:
                out.append(m.groups())
        return out

    def objects(self, triples, s, p):
        return sorted(o for ts, tp, o in triples if ts == s and tp == p)

    def built(self):
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stdout + r.stderr)
        self.assertIn("2 datasets", r.stdout)
        self.assertIn(" 0 violations", r.stdout)
        return r, self.triples()

    def test_a_record_with_only_id_and_iso_takes_everything_from_the_iso_file(self):
        _, t = self.built()
        ds = "<%sctr-10k>" % BASE
        self.assertEqual(self.objects(t, ds, "<%stitle>" % DCT),
                         ['"Carta Tecnica Regionale 1:10.000 della Toscana"@it',
                          '"Regional Technical Map of Tuscany at 1:10,000"@en'])
        # the identifier rule of the catalogue, the ISO one equal to it is not repeated
        self.assertEqual(self.objects(t, ds, "<%sidentifier>" % DCT), ['"r_toscan:ctr-10k"'])
        self.assertEqual(self.objects(t, ds, "<http://www.w3.org/ns/adms#identifier>"), [])
        # the owner (r_toscan, from the RNDT fileIdentifier) is the registry's agent
        self.assertEqual(self.objects(t, ds, "<%srightsHolder>" % DCT),
                         ["<https://w3id.org/dcatit/org/r_toscan>"])
        # no publisher in the ISO record: the default of catalog.yaml
        self.assertEqual(self.objects(t, ds, "<%spublisher>" % DCT),
                         ["<https://w3id.org/dcatit/org/r_toscan>"])
        self.assertEqual(self.objects(t, ds, "<%saccrualPeriodicity>" % DCT),
                         ["<http://publications.europa.eu/resource/authority/frequency/IRREG>"])
        self.assertEqual(self.objects(t, ds, "<%stheme>" % DCAT),
                         ["<http://publications.europa.eu/resource/authority/data-theme/REGI>"])
        self.assertIn("<http://www.opengis.net/def/crs/EPSG/0/3003>",
                      self.objects(t, ds, "<%sconformsTo>" % DCT))  # "Gauss-Boaga fuso Ovest"
        dist = "<%sctr-10k/distribution/1>" % BASE
        self.assertEqual(self.objects(t, ds, "<%sdistribution>" % DCAT), [dist])
        # the ISO distribution has no licence: the catalogue's default
        self.assertEqual(self.objects(t, dist, "<%slicense>" % DCT),
                         ["<https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40>"])
        # the ISO catalogue record is not carried over (the catalogue is the record)
        self.assertFalse([x for x in t if "#record" in x[0] or "#record" in x[2]])
        self.assertFalse([x for x in t if x[2] == "<%sCatalogRecord>" % DCAT])

    def test_keys_replace_or_complement_what_the_iso_file_says(self):
        _, t = self.built()
        ds = "<%sctr-10k-keys>" % BASE
        self.assertEqual(self.objects(t, ds, "<%stitle>" % DCT),
                         ['"CTR 1:10.000 (titolo del catalogo)"@it'])
        self.assertEqual(self.objects(t, ds, "<%saccrualPeriodicity>" % DCT),
                         ["<http://publications.europa.eu/resource/authority/frequency/ANNUAL>"])
        subjects = self.objects(t, ds, "<%ssubject>" % DCT)
        self.assertIn("<http://eurovoc.europa.eu/100278>", subjects)
        self.assertIn("<http://inspire.ec.europa.eu/theme/bu>", subjects)
        keywords = self.objects(t, ds, "<%skeyword>" % DCAT)
        self.assertIn('"CTR"@it', keywords)
        self.assertIn('"Edifici"@it', keywords)
        self.assertEqual(self.objects(t, ds, "<%sdistribution>" % DCAT),
                         ["<%sctr-10k-keys/distribution/1>" % BASE,
                          "<%sctr-10k-keys/distribution/wms-legend>" % BASE])
        # the ISO record's own identifier is kept beside the catalogue's
        self.assertEqual(self.objects(t, ds, "<%sidentifier>" % DCT), ['"r_toscan:ctr-10k-keys"'])
        (adms,) = self.objects(t, ds, "<http://www.w3.org/ns/adms#identifier>")
        self.assertEqual(self.objects(t, adms, "<http://www.w3.org/2004/02/skos/core#notation>"),
                         ['"r_toscan:ctr-10k"'])

    def test_findings_on_iso_values_point_into_the_xml_file(self):
        r, _ = self.built()
        self.assertRegex(r.stderr, r"gis/files/ctr-10k\.xml:\d+: warning: dct:accessRights")

    def test_a_key_the_iso_file_gives_is_optional_and_required_when_it_does_not(self):
        shutil.copy(os.path.join(ROOT, "tests", "harvest_csw", "data", "rndt-sample-vector.xml"),
                    os.path.join(self.cat, "gis", "files", "molise.xml"))
        self.write("gis/molise.yaml", "id: molise\niso: files/molise.xml\n")
        r = self.build()
        self.assertEqual(r.returncode, 1)
        for key in ("modified", "distributions"):
            self.assertRegex(r.stderr, r"gis/molise\.yaml:1:1: error: missing required key "
                             r"'%s' in dataset record \(its ISO record does not give it\)" % key)
        self.assertNotIn("'title'", r.stderr)
        self.assertFalse(os.path.exists(self.out))
        keys = ("id: molise\niso: files/molise.xml\nmodified: 2011-12-19\n"
                "distributions:\n  - id: portal\n    url: https://example.org/molise\n"
                "    format: HTML\n")
        self.write("gis/molise.yaml", keys)
        r = self.build()
        # the ISO record's author has no identifier: a violation located in the XML file
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"gis/files/molise\.xml:\d+: error: Agent \(a blank node\) "
                         r"has no dct:identifier")
        self.assertIn("1 violation of the DCAT-AP_IT profile", r.stderr)
        # ... which the creators key replaces
        self.write("gis/molise.yaml", keys + "creators: [r_toscan]\n")
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)

    def test_bad_iso_files_are_located_errors_and_nothing_is_written(self):
        data = os.path.join(ROOT, "tests", "harvest_csw", "data")
        files = os.path.join(self.cat, "gis", "files")
        shutil.copy(os.path.join(data, "inspire-getrecords-response.xml"),
                    os.path.join(files, "two.xml"))
        shutil.copy(os.path.join(data, "rndt-sample-service.xml"), os.path.join(files, "svc.xml"))
        self.write("gis/files/bad.xml", "<a>\n<b></a>\n")
        cases = {
            "e1": ("iso: files/nope.xml\n",
                   r"gis/e1\.yaml:2:6: error: file '.*gis/files/nope\.xml' does not exist"),
            "e2": ("iso: files/bad.xml\n", r"gis/files/bad\.xml:2:\d+: error: malformed XML"),
            "e3": ("iso: files/two.xml\n",
                   r"gis/e3\.yaml:2:6: error: '.*two\.xml' holds several ISO records"),
            "e4": ("iso: files/svc.xml\n",
                   r"gis/e4\.yaml:2:6: error: '.*svc\.xml' describes a service, not a dataset"),
            "e5": ("iso: ../../outside.xml\n",
                   r"gis/e5\.yaml:2:6: error: '\.\./\.\./outside\.xml' must be a relative path "
                   r"inside the catalogue"),
            "e6": ("iso: files/ctr-10k.xml\ndistributions:\n  - id: \"1\"\n"
                   "    url: https://example.org/x\n    format: HTML\n",
                   r"gis/e6\.yaml:4:9: error: distribution id '1' is the IRI of a distribution "
                   r"of the ISO record"),
        }
        for name, (body, _) in cases.items():
            self.write("gis/%s.yaml" % name, "id: %s\n%s" % (name, body))
        r = self.build()
        self.assertEqual(r.returncode, 1)
        for name, (_, pattern) in cases.items():
            self.assertRegex(r.stderr, pattern, name)
        self.assertFalse(os.path.exists(self.out))

    def test_an_unknown_key_next_to_iso_is_still_an_error(self):
        self.write("gis/ctr-10k.yaml", "id: ctr-10k\niso: files/ctr-10k.xml\nisos: x\n")
        r = self.build()
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"gis/ctr-10k\.yaml:3:1: error: unknown key 'isos' in "
                         r"dataset record, did you mean 'iso'\?")


if __name__ == "__main__":
    DCATIT = os.path.abspath(sys.argv[1])
    ROOT = os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0]], verbosity=2)
