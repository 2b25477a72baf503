#!/usr/bin/env python3
"""Tests of `dcatit build` on copies of the bundled catalogue.

usage: test_build.py DCATIT SOURCE_ROOT

Each case copies SOURCE_ROOT/catalog into a fresh temporary directory (the
source tree is never written), runs the command and checks what it wrote,
what it said and its exit code. DCATIT_DATADIR must point at vocab/.
"""
import atexit
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

DCATIT = None
ROOT = None
BASE = "https://dati.toscana.it/dcatit"


def run(*args, cwd=None, timeout=60):
    """dcatit build ARGS; a hang fails after timeout seconds (scaled under
    the sanitizers by DCATIT_TEST_TIMEOUT_SCALE)."""
    timeout *= float(os.environ.get("DCATIT_TEST_TIMEOUT_SCALE", "1"))
    return subprocess.run([DCATIT, "build", *args], cwd=cwd, capture_output=True,
                          text=True, timeout=timeout)


_BUNDLED = {}


def bundled():
    """One build (ttl, nt) of an untouched copy of the bundled catalogue, made
    once per run and shared by the tests that only read it: (the completed
    process, the output directory). Under the sanitizers a build takes tens of
    seconds; the tests that edit the catalogue build their own copy."""
    if not _BUNDLED:
        tmp = tempfile.mkdtemp(prefix="dcatit-bundled-")
        atexit.register(shutil.rmtree, tmp, True)
        shutil.copytree(os.path.join(ROOT, "catalog"), os.path.join(tmp, "catalog"))
        out = os.path.join(tmp, "out")
        _BUNDLED["r"] = run("-C", os.path.join(tmp, "catalog"), "-o", out, "--format", "ttl,nt")
        _BUNDLED["out"] = out
    return _BUNDLED["r"], _BUNDLED["out"]


def tree(path):
    """Every file under path as {relative path: bytes}."""
    out = {}
    for d, _, files in os.walk(path):
        for f in files:
            p = os.path.join(d, f)
            with open(p, "rb") as fh:
                out[os.path.relpath(p, path)] = fh.read()
    return out


class CatalogueCase(unittest.TestCase):
    """A fresh copy of the bundled catalogue for each test, and helpers."""

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="dcatit-build-")
        self.cat = os.path.join(self.tmp, "catalog")
        shutil.copytree(os.path.join(ROOT, "catalog"), self.cat)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def build(self, out="out", *extra):
        return run("-C", self.cat, "-o", os.path.join(self.tmp, out), *extra)

    def edit(self, rel, old, new):
        p = os.path.join(self.cat, rel)
        with open(p, encoding="utf-8") as fh:
            text = fh.read()
        self.assertIn(old, text, f"fixture text not found in {rel}")
        with open(p, "w", encoding="utf-8") as fh:
            fh.write(text.replace(old, new, 1))
        return text

    def line_of(self, rel, text):
        with open(os.path.join(self.cat, rel), encoding="utf-8") as fh:
            for i, l in enumerate(fh, 1):
                if text in l:
                    return i
        self.fail(f"{text!r} not in {rel}")

    def assert_refused(self, r, where, want):
        """Exit 1, nothing written, and an error at `where` saying `want`."""
        self.assertEqual(r.returncode, 1, r.stderr)
        errors = [l for l in r.stderr.splitlines() if ": error: " in l]
        self.assertTrue(any(l.startswith(where) and want in l for l in errors),
                        f"no error at {where} saying {want!r}:\n{r.stderr}")
        self.assertIn("nothing written", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out")))
        return errors


class BuildTest(CatalogueCase):
    def test_the_bundled_catalogue_builds_with_no_violations(self):
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"\b0 violations\b")
        out = os.path.join(self.tmp, "out")
        for name in ("catalog.ttl", "catalog.rdf", "catalog.jsonld"):
            self.assertGreater(os.path.getsize(os.path.join(out, name)), 1000, name)
        datasets = sorted(os.listdir(os.path.join(out, "dataset")))
        self.assertGreaterEqual(len(datasets), 3)
        self.assertTrue(all(d.endswith(".ttl") for d in datasets))
        with open(os.path.join(out, "catalog.ttl"), encoding="utf-8") as fh:
            ttl = fh.read()
        self.assertIn(f"<{BASE}/catalog>", ttl)
        self.assertRegex(ttl, r'dct:identifier "r_toscan:[a-z0-9-]+"')
        self.assertIn("spdx:checksumValue", ttl)
        # the distribution files are published at the IRIs minted for them
        self.assertTrue(os.path.isfile(os.path.join(out, "funding", "files",
                                                    "ripartizione-fondi-l145-2018.csv")))

    def write_invalid_record(self):
        """A Turtle record, loaded as it is, that lacks most of DCAT-AP_IT."""
        with open(os.path.join(self.cat, "gis", "extra.ttl"), "w", encoding="utf-8") as fh:
            fh.write("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
                     "@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .\n"
                     "@prefix dct: <http://purl.org/dc/terms/> .\n"
                     "<https://example.org/ds/extra> a dcatapit:Dataset, dcat:Dataset ;\n"
                     "    dct:title \"Extra\"@it .\n")

    def test_the_catalogue_directory_may_be_given_as_an_operand(self):
        # what people type: `dcatit build catalog`, the same as -C catalog
        r = run("catalog", "-o", "out-operand", cwd=self.tmp)
        self.assertEqual(r.returncode, 0, r.stderr)
        r2 = self.build("out-c")
        self.assertEqual(r2.returncode, 0, r2.stderr)
        for name in ("catalog.ttl", "catalog.rdf", "catalog.jsonld"):
            with open(os.path.join(self.tmp, "out-operand", name), "rb") as a, \
                    open(os.path.join(self.tmp, "out-c", name), "rb") as b:
                self.assertEqual(a.read(), b.read(), name)
        # one directory only: two operands, or an operand and -C, are a usage error
        for args in (("catalog", "other"), ("-C", "catalog", "other")):
            r = run(*args, "-o", "out-two", cwd=self.tmp)
            self.assertEqual(r.returncode, 2, r.stderr)
            self.assertIn("unexpected argument 'other'", r.stderr)
            self.assertFalse(os.path.exists(os.path.join(self.tmp, "out-two")))

    def test_violations_stop_the_build_unless_allow_invalid(self):
        self.write_invalid_record()
        r = self.build()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"gis/extra\.ttl:\d+: error: Dataset (<[^>]+> )?has no dct:modified")
        self.assertIn("nothing written", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out")))
        r = self.build("out", "--allow-invalid")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotRegex(r.stdout, r"\b0 violations\b")
        with open(os.path.join(self.tmp, "out", "dataset", "extra.ttl"), encoding="utf-8") as fh:
            self.assertIn("<https://example.org/ds/extra>", fh.read())
        with open(os.path.join(self.tmp, "out", "catalog.ttl"), encoding="utf-8") as fh:
            self.assertIn("<https://example.org/ds/extra>", fh.read())

    def test_findings_are_in_the_language_asked_for(self):
        # the same invalid record and a record error, reported in Italian (--lang it) and in
        # English (--lang en) whatever the locale
        self.write_invalid_record()
        r = subprocess.run([DCATIT, "build", "-C", self.cat, "-o", os.path.join(self.tmp, "out"),
                            "--lang", "it"], capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, LC_ALL="C"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"gis/extra\.ttl:\d+: error: Il dataset (<[^>]+> )?non ha "
                                   r"dct:modified; .* \(regola AgID 179\)")
        self.assertRegex(r.stderr, r"violazion[ei] del profilo DCAT-AP_IT; nulla è stato scritto")
        self.edit("gis/limiti-comunali.yaml", "themes:", "colour: blue\nthemes:")
        r = subprocess.run([DCATIT, "build", "-C", self.cat, "-o", os.path.join(self.tmp, "out"),
                            "--lang", "en"], capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, LC_ALL="it_IT.UTF-8"))
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"limiti-comunali\.yaml:\d+:\d+: error: unknown key 'colour'")
        self.assertIn("nothing written", r.stderr)
        r = subprocess.run([DCATIT, "build", "-C", self.cat, "-o", os.path.join(self.tmp, "out")],
                           capture_output=True, text=True, timeout=600,
                           env=dict(os.environ, LC_ALL="it_IT.UTF-8"))
        self.assertRegex(r.stderr, r"limiti-comunali\.yaml:\d+:\d+: error: chiave 'colour' "
                                   r"sconosciuta")
        self.assertIn("nulla è stato scritto", r.stderr)

    def test_checksums_follow_the_dcat_ap_version_unless_asked(self):
        # DCAT-AP 2.1.1 (the default) knows SHA-1 only and xsd:decimal sizes;
        # 3.0.1 takes SHA-256 and xsd:nonNegativeInteger (issue 12)
        import hashlib
        path = os.path.join(self.cat, "funding", "files", "ripartizione-fondi-l145-2018.csv")
        with open(path, "rb") as fh:
            data = fh.read()
        cases = [(None, [], "sha1", "decimal"),
                 ("b", ["--checksum", "sha256"], "sha256", "decimal"),
                 ("c", ["--dcat-ap", "3"], "sha256", "nonNegativeInteger"),
                 ("d", ["--dcat-ap", "3", "--checksum", "sha1"], "sha1", "nonNegativeInteger")]
        for out, args, alg, dt in cases:
            if out is None:  # the defaults: the shared build
                r, where = bundled()
            else:
                r, where = self.build(out, "--format", "nt", *args), os.path.join(self.tmp, out)
            self.assertEqual(r.returncode, 0, r.stderr)
            with open(os.path.join(where, "catalog.nt"), encoding="utf-8") as fh:
                nt = fh.read()
            digest = getattr(hashlib, alg)(data).hexdigest()
            self.assertIn(f'"{digest}"^^<http://www.w3.org/2001/XMLSchema#hexBinary>', nt, args)
            self.assertIn("checksumAlgorithm_" + alg + ">", nt)
            self.assertNotIn("checksumAlgorithm_" + ("sha256" if alg == "sha1" else "sha1") + ">", nt)
            self.assertIn(f'"{len(data)}"^^<http://www.w3.org/2001/XMLSchema#{dt}>', nt, args)
        r = self.build("e", "--dcat-ap", "4")
        self.assertEqual(r.returncode, 2)
        self.assertIn("unknown DCAT-AP version '4'", r.stderr)

    def test_two_builds_of_the_same_input_are_byte_identical(self):
        r1 = self.build("a", "--format", "ttl,rdf,jsonld,nt", "--page-size", "4")
        r2 = self.build("b", "--format", "ttl,rdf,jsonld,nt", "--page-size", "4")
        self.assertEqual(r1.returncode, 0, r1.stderr)
        self.assertEqual(r2.returncode, 0, r2.stderr)
        a, b = tree(os.path.join(self.tmp, "a")), tree(os.path.join(self.tmp, "b"))
        self.assertEqual(sorted(a), sorted(b))
        for name in a:
            self.assertEqual(a[name], b[name], f"{name} differs between two builds")
        self.assertIn("catalog.nt", a)

    def test_a_record_with_an_error_never_yields_a_partial_output(self):
        self.edit("gis/ctr-10k.yaml", "frequency:", "frequency: NOPE\nold_frequency:")
        r = self.build()
        self.assertEqual(r.returncode, 1)
        self.assertIn("nothing written", r.stderr)
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out")))
        self.assertEqual(sorted(os.listdir(self.tmp)), ["catalog"])

    def test_a_failed_build_leaves_the_previous_output_untouched(self):
        self.assertEqual(self.build().returncode, 0)
        before = tree(os.path.join(self.tmp, "out"))
        self.edit("agreements/protocollo-c3t-cybersecurity.yaml", "themes: [",
                  "themes: [GOV, ")
        r = self.build()
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"unknown theme 'GOV', did you mean GOVE\?")
        self.assertEqual(tree(os.path.join(self.tmp, "out")), before)
        self.assertEqual(sorted(os.listdir(self.tmp)), ["catalog", "out"])

    def test_the_valtiberina_total_is_a_warning_with_both_figures(self):
        r, out = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        # the row's own warning (the cloud count names the row too, at the dictionary)
        lines = [l for l in r.stderr.splitlines() if "Valtiberina" in l and ".csv:" in l]
        self.assertEqual(len(lines), 1, r.stderr)
        with open(os.path.join(self.cat, "funding", "files",
                               "ripartizione-fondi-l145-2018.csv"), encoding="utf-8") as fh:
            csv_line = [i for i, l in enumerate(fh, 1) if "Valtiberina" in l]
        self.assertEqual(len(csv_line), 1)
        self.assertRegex(lines[0], r"ripartizione-fondi-l145-2018\.csv:%d:\d+: warning: "
                         % csv_line[0])
        # both figures: the declared total and the sum of its parts
        self.assertRegex(lines[0], r"\b4000\.00\b")
        self.assertRegex(lines[0], r"\b14000\.00\b")
        # the published figure is reproduced, not corrected
        with open(os.path.join(out, "funding", "files",
                               "ripartizione-fondi-l145-2018.csv"), encoding="utf-8") as fh:
            row = [l for l in fh if "Valtiberina" in l][0]
        self.assertTrue(row.rstrip().endswith("4000.00"), row)

    def test_the_beneficiaries_the_text_states_are_counted_against_the_table(self):
        dic = os.path.join("funding", "files", "ripartizione-fondi-l145-2018.dictionary.yaml")
        r, _ = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        counts = [l for l in r.stderr.splitlines()
                  if re.search(r"ripartizione-fondi-l145-2018\.dictionary\.yaml:\d+:\d+: "
                               r"warning: column '", l)]
        # cloud (Unions), car pooling, GIS (Provinces twice, Unions), totals
        self.assertEqual(len(counts), 6, r.stderr)
        with open(os.path.join(self.cat, dic), encoding="utf-8") as fh:
            text = fh.read().splitlines()

        def line_of(line):
            return next(i for i, l in enumerate(text, 1) if l.strip() == line)

        def warning(col, figures):
            found = [l for l in counts if f"column '{col}': {figures}" in l]
            self.assertEqual(len(found), 1, (col, figures, counts))
            return found[0]

        car = warning("car_pooling", "4 of the 32 data rows have a value other than zero, "
                      "the source states 2")
        self.assertIn(f"dictionary.yaml:{line_of('- nonzero: 2')}:9: warning", car)
        self.assertIn("non-zero: Unione Comunale del Chianti Fiorentino, Unione Comuni "
                      "Garfagnana, Unione dei Comuni della Val di Bisenzio, Unione Dei Comuni "
                      "Montani Colline del Fiora", car)
        cloud = warning("migrazione_cloud", "20 of the 22 data rows whose ente starts with "
                        "'Unione' have a value other than zero, the source states 22")
        self.assertIn("zero: Unione Montana Alta Val di Cecina, Unione Montana dei Comuni della "
                      "Valtiberina Toscana", cloud)
        warning("piattaforma_gis", "6 of the 9 data rows whose ente starts with 'Provincia' "
                "have a value other than zero, the source states 4")
        warning("piattaforma_gis", "6 of the 9 data rows whose ente starts with 'Provincia' "
                "have a value other than zero, the source states 8")
        warning("piattaforma_gis", "11 of the 22 data rows whose ente starts with 'Unione' "
                "have a value other than zero, the source states 8")
        total = warning("totale", "31 of the 32 data rows have a value other than zero, "
                        "the source states 32")
        self.assertTrue(total.endswith("zero: Unione Montana Alta Val di Cecina"), total)
        # the counts follow the table: fund Alta Val di Cecina for the cloud
        # and both warnings about it go, the Valtiberina one stays
        self.edit(os.path.join("funding", "files", "ripartizione-fondi-l145-2018.csv"),
                  "Alta Val di Cecina,umavc,0.00,0.00,0.00,0.00,0.00,0.00",
                  "Alta Val di Cecina,umavc,24000.00,0.00,0.00,0.00,0.00,24000.00")
        r = self.build("b")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertNotIn("column 'totale'", r.stderr)
        self.assertIn("column 'migrazione_cloud': 21 of the 22 data rows", r.stderr)
        self.assertIn("zero: Unione Montana dei Comuni della Valtiberina Toscana\n", r.stderr)

    def test_inconsistencies_of_the_sources_are_warnings_at_the_text_and_in_the_description(self):
        r, out = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        md = os.path.join("agreements", "files", "protocollo-anci-toscana-innovazione.md")
        with open(os.path.join(self.cat, md), encoding="utf-8") as fh:
            line = next(i for i, l in enumerate(fh, 1) if "Delibera n. 1169 del 17/03/2015" in l)
        found = [l for l in r.stderr.splitlines()
                 if re.search(r"protocollo-anci-toscana-innovazione\.md:%d:\d+: warning: "
                              r"inconsistency in the source, kept as published: " % line, l)]
        self.assertEqual(len(found), 1, r.stderr)
        self.assertIn("1169", found[0])
        self.assertEqual(len(re.findall(r"accordo-digitalizzazione-l145-2018\.md:\d+:\d+: warning: "
                                        r"inconsistency in the source", r.stderr)), 6, r.stderr)
        with open(os.path.join(out, "catalog.nt"), encoding="utf-8") as fh:
            nt = fh.read()
        ds = f"<{BASE}/dataset/protocollo-anci-toscana-innovazione>"
        desc = [l for l in nt.splitlines()
                if l.startswith(ds + " <http://purl.org/dc/terms/description> ")]
        self.assertEqual(len(desc), 2)
        it = next(l for l in desc if l.endswith("@it ."))
        en = next(l for l in desc if l.endswith("@en ."))
        self.assertIn("\\n\\nIncongruenza della fonte: Tra i precedenti il protocollo cita la "
                      "«Delibera n° 1169 del 17/03/2015»", it)
        self.assertIn("\\n\\nInconsistency in the source: Among earlier acts", en)
        # the flag cannot outlive the text it is about
        self.edit(md, "Delibera n. 1169 del 17/03/2015", "Delibera n. 1169 del 17/3/2015")
        r = self.build("b")
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"protocollo-anci-toscana-innovazione\.yaml:\d+:\d+: error: "
                         r"quote 'Delibera n\. 1169 del 17/03/2015' is not in any file of the record")

    def test_what_the_sources_do_not_say_is_not_stated_as_fact(self):
        r, out = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "catalog.nt"), encoding="utf-8") as fh:
            nt = fh.read()
        lines = nt.splitlines()
        rights = f"<{BASE}/rights/own-files>"
        # the catalogue's own files: the maintainer's licence, said to be the maintainer's
        own = [l for l in lines if l.endswith(f"<http://purl.org/dc/terms/rights> {rights} .")]
        self.assertEqual(len(own), 6)   # five plain-text versions and the CSV
        self.assertIn(f"{rights} <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> "
                      "<http://purl.org/dc/terms/RightsStatement> .", nt)
        label = [l for l in lines
                 if l.startswith(f"{rights} <http://www.w3.org/2000/01/rdf-schema#label> ")]
        self.assertEqual(len(label), 2)
        self.assertTrue(any("scelta del manutentore del catalogo" in l for l in label), label)
        self.assertTrue(any("choice of the catalogue's maintainer" in l for l in label), label)
        # nothing the audit found unsupported is stated
        for gone in ("EPSG/0/6707", "curato da Regione Toscana", "kept by Regione Toscana",
                     "Sottoscritto a Firenze", "Signed in Florence", "rendizione",
                     "Rendizione"):
            self.assertNotIn(gone, nt)
        orto = f"<{BASE}/dataset/ortofoto-2013>"
        self.assertFalse([l for l in lines
                          if l.startswith(orto + " <http://purl.org/dc/terms/creator> ")])
        self.assertFalse([l for l in lines if "/EPSG/0/" in l])
        for ds in ("ctr-10k", "limiti-comunali", "ortofoto-2013", "geoportale-governo-territorio"):
            desc = [l for l in lines
                    if l.startswith(f"<{BASE}/dataset/{ds}> <http://purl.org/dc/terms/description> ")]
            self.assertTrue(desc and all("Non verificato: " in l or "Not verified: " in l
                                         for l in desc), ds)
        self.assertIn("Anno 2013 col - AGEA", nt)

    def test_a_stated_count_that_selects_no_row_is_an_error(self):
        self.edit(os.path.join("funding", "files", "ripartizione-fondi-l145-2018.dictionary.yaml"),
                  "starts_with: Provincia}", "starts_with: Provinca}")
        r = self.build()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertRegex(r.stderr, r"dictionary\.yaml:\d+:\d+: error: stated count of column "
                         r"'migrazione_cloud': no data row whose ente starts with 'Provinca'")
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "out")))

    def test_the_profile_checks_run_on_the_built_catalogue(self):
        # what SHACL Core cannot say (src/profile/checks.h) is checked by
        # build as by validate: lat/lon swapped in a bbox, a Partita IVA
        # with a wrong check digit in the catalogue's registry
        r, _ = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        before = int(re.search(r"\b(\d+) warnings, 0 violations\b", r.stdout).group(1))
        for rel in ("gis/ctr-10k.yaml", "gis/geoportale-governo-territorio.yaml",
                    "gis/limiti-comunali.yaml", "gis/ortofoto-2013.yaml"):
            self.edit(rel, "bbox: [9.68, 42.23, 12.37, 44.47]",
                      "bbox: [42.23, 9.68, 44.47, 12.37]")
        self.edit("gis/ctr-10k.yaml", "creators: [r_toscan]", "creators: [bad_piva]")
        with open(os.path.join(self.cat, "organizations.yaml"), "a", encoding="utf-8") as fh:
            fh.write('bad_piva:\n  name: Ente di prova\n  identifier: "01386030489"\n')
        r = self.build()
        self.assertEqual(r.returncode, 0, r.stderr)
        swapped = [l for l in r.stderr.splitlines() if "check geometry-swapped" in l]
        self.assertEqual(len(swapped), 2, r.stderr)  # dcat:bbox and locn:geometry
        self.assertTrue(all(re.match(r".*/gis/ctr-10k\.yaml:\d+: warning: ", l)
                            for l in swapped), swapped)
        tax = [l for l in r.stderr.splitlines() if "check tax-code" in l]
        self.assertEqual(len(tax), 1, r.stderr)
        self.assertRegex(tax[0], r"organizations\.yaml:\d+: warning: dct:identifier "
                         r"'01386030489' .*check digit should be 8, not 9")
        # counted in the summary: the warnings of the bundled catalogue + 3
        self.assertRegex(r.stdout, rf"\b{before + 3} warnings, 0 violations\b")

    def test_the_bundled_catalogue_has_no_profile_check_findings(self):
        r, _ = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        # every finding of src/profile/checks.c names a dcatit:check-* shape
        self.assertNotIn("shape <https://w3id.org/dcatit/ns#check-", r.stderr)

    def test_an_unknown_key_is_located_file_line_col_with_a_suggestion(self):
        rel = "agreements/convenzione-tipo-ia.yaml"
        text = self.edit(rel, "\nthemes:", "\nthemez: [GOVE]\nthemes:")
        line = text[:text.index("\nthemes:")].count("\n") + 2
        r = self.build()
        self.assertEqual(r.returncode, 1)
        m = re.search(r"^(\S+):(\d+):(\d+): error: unknown key 'themez' in dataset record, "
                      r"did you mean 'themes'\?", r.stderr, re.M)
        self.assertIsNotNone(m, r.stderr)
        self.assertTrue(m.group(1).endswith(rel), m.group(1))
        self.assertEqual(int(m.group(2)), line)
        self.assertEqual(int(m.group(3)), 1)

    def test_pages_link_with_absolute_hydra_iris_from_the_base_uri(self):
        base = "https://example.org/x"
        r = self.build("out", "--page-size", "3", "--base-uri", base, "--format", "ttl,nt")
        self.assertEqual(r.returncode, 0, r.stderr)
        pages = [p for p in os.listdir(os.path.join(self.tmp, "out", "page")) if p.endswith(".ttl")]
        n = len(pages)
        self.assertGreaterEqual(n, 2)
        with open(os.path.join(self.tmp, "out", "page", "1.ttl"), encoding="utf-8") as fh:
            first = fh.read()
        with open(os.path.join(self.tmp, "out", "page", f"{n}.ttl"), encoding="utf-8") as fh:
            last = fh.read()
        self.assertIn(f"hydra:next <{base}/page/2.ttl>", first)
        self.assertIn(f"hydra:last <{base}/page/{n}.ttl>", first)
        self.assertNotIn("hydra:previous ", first)
        self.assertIn(f"hydra:previous <{base}/page/{n - 1}.ttl>", last)
        self.assertNotIn("hydra:next ", last)
        with open(os.path.join(self.tmp, "out", "page", "1.nt"), encoding="utf-8") as fh:
            nt = fh.read().splitlines()
        listed = [l for l in nt
                  if l.startswith(f"<{base}/catalog> <http://www.w3.org/ns/dcat#dataset> ")]
        self.assertEqual(len(listed), 3)
        # each format's pages link to pages of the same format
        self.assertIn(f"<{base}/page/1.nt> <http://www.w3.org/ns/hydra/core#next> "
                      f"<{base}/page/2.nt> .", nt)
        self.assertNotIn("dati.toscana.it/dcatit/", first)

    def validate(self, path, *profiles):
        args = [DCATIT, "validate", path]
        for p in profiles:
            args += ["-p", p]
        return subprocess.run(args, capture_output=True, text=True, timeout=300)

    def test_the_bundled_catalogue_conforms_to_dcat_ap_it_and_dcat_ap_2_1_1_by_default(self):
        r = self.build("out")
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertRegex(r.stdout, r"\b0 violations\b")
        for name in ("catalog.ttl", "catalog.rdf", "catalog.jsonld"):
            v = self.validate(os.path.join(self.tmp, "out", name), "dcatapit", "dcat-ap-2.1.1")
            self.assertEqual(v.returncode, 0, f"{name}: {v.stdout}{v.stderr}")
            self.assertRegex(v.stderr, r"\b0 errors\b")
        # SHA-256 is what the 2.1.1 Checksum shape refuses, and the only thing
        r = self.build("b", "--checksum", "sha256")
        self.assertEqual(r.returncode, 0, r.stderr)
        v = self.validate(os.path.join(self.tmp, "b", "catalog.ttl"), "dcat-ap-2.1.1:base")
        self.assertEqual(v.returncode, 1, v.stdout + v.stderr)
        errors = [l for l in v.stdout.splitlines() if ": error: " in l]
        self.assertEqual(len(errors), 6, v.stdout)
        for line in errors:
            self.assertIn("checksumAlgorithm_sha1", line)

    def test_with_dcat_ap_3_the_catalogue_conforms_to_dcat_ap_it_and_dcat_ap_3_0_1(self):
        r = self.build("out", "--dcat-ap", "3")
        self.assertEqual(r.returncode, 0, r.stderr)
        for name in ("catalog.ttl", "catalog.rdf"):
            v = self.validate(os.path.join(self.tmp, "out", name), "dcatapit", "dcat-ap-3.0.1")
            self.assertEqual(v.returncode, 0, f"{name}: {v.stdout}{v.stderr}")
        # and the default output does not: its sizes are xsd:decimal
        r, two = bundled()
        v = self.validate(os.path.join(two, "catalog.ttl"), "dcat-ap-3.0.1:base")
        self.assertEqual(v.returncode, 1, v.stdout)
        self.assertTrue(all("nonNegativeInteger" in l for l in v.stdout.splitlines()), v.stdout)

    def test_licences_carry_their_names_and_adms_type(self):
        # harvesters read the licence name (ckanext-dcatapit logs "license_name non
        # ESISTE" without foaf:name); DCAT-AP_IT and DCAT-AP want one ADMS type
        r, out = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "catalog.nt"), encoding="utf-8") as fh:
            nt = fh.read().splitlines()
        lic = "https://w3id.org/italia/controlled-vocabulary/licences/"
        docs = sorted({l.split(" ")[0] for l in nt if l.endswith(
            "<http://dati.gov.it/onto/dcatapit#LicenseDocument> .")})
        self.assertEqual(docs, ["<%sA21_CCBY40>" % lic, "<%sC1_Unknown>" % lic])
        adms = {"A21_CCBY40": "Attribution", "C1_Unknown": "UnknownIPR"}
        for d in docs:
            mine = [l for l in nt if l.startswith(d + " ")]
            self.assertTrue(any("foaf/0.1/name>" in l and l.endswith('"@it .') for l in mine), mine)
            self.assertTrue(any("foaf/0.1/name>" in l and l.endswith('"@en .') for l in mine), mine)
            types = [l for l in mine if "<http://purl.org/dc/terms/type>" in l]
            self.assertEqual(types, ["%s <http://purl.org/dc/terms/type> "
                                     "<http://purl.org/adms/licencetype/%s> ."
                                     % (d, adms[d[len(lic) + 1:-1]])])

    def test_the_high_value_gis_layers_pass_hvd(self):
        r, out = bundled()
        self.assertEqual(r.returncode, 0, r.stderr)
        with open(os.path.join(out, "catalog.ttl"), encoding="utf-8") as fh:
            ttl = fh.read()
        for ds, cat in (("limiti-comunali", "c_9427236f"), ("ortofoto-2013", "c_91185a85")):
            v = self.validate(os.path.join(out, "dataset", ds + ".ttl"), "hvd")
            self.assertEqual(v.returncode, 0, v.stdout + v.stderr)
            with open(os.path.join(out, "dataset", ds + ".ttl"), encoding="utf-8") as fh:
                one = fh.read()
            self.assertIn("dcatap:hvdCategory <http://data.europa.eu/bna/%s>" % cat, one)
            self.assertIn("dcatap:applicableLegislation <http://data.europa.eu/eli/reg_impl/2023/138/oj>", one)
        self.assertEqual(ttl.count("dcatap:hvdCategory"), 4, "2 datasets and their 2 services")
        v = self.validate(os.path.join(out, "catalog.ttl"), "dcatapit", "dcat-ap-2.1.1", "hvd")
        self.assertEqual(v.returncode, 0, v.stdout + v.stderr)
        # the profile sees them: without the documentation of its API, a
        # high-value layer fails hvd, and only that one
        self.edit("gis/ortofoto-2013.yaml", "      documentation: https://", "      # https://")
        r = self.build("nodoc")
        self.assertEqual(r.returncode, 0, r.stderr)
        v = self.validate(os.path.join(self.tmp, "nodoc", "catalog.ttl"), "hvd")
        self.assertEqual(v.returncode, 1, v.stdout)
        errors = [l for l in v.stdout.splitlines() if ": error: " in l]
        self.assertEqual(len(errors), 1, v.stdout)
        self.assertIn("foaf:page", errors[0])
        self.assertIn("geoscopio-wms-ortofoto", errors[0])
        # an unknown category is a located error of the record
        self.edit("gis/limiti-comunali.yaml", "hvd: c_9427236f", "hvd: c_00000000")
        r = self.build("badcat")
        self.assertEqual(r.returncode, 1)
        self.assertRegex(r.stderr, r"limiti-comunali\.yaml:\d+:\d+: error: unknown HVD category 'c_00000000'")

    def test_decimals_keep_their_datatype_in_every_format(self):
        # dcat:byteSize is an xsd:decimal written without a point: Turtle and
        # RDF/XML must not turn it into an integer
        r = self.build("out", "--format", "ttl,rdf,nt")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = os.path.join(self.tmp, "out")
        want = canon_of(os.path.join(out, "catalog.nt"))
        self.assertTrue(any("^^<http://www.w3.org/2001/XMLSchema#decimal>" in l for l in want))
        for name in ("catalog.ttl", "catalog.rdf"):
            got = canon_of(os.path.join(out, name))
            self.assertTrue(got == want, f"{name} does not read back as catalog.nt: "
                            f"{sorted(set(got) ^ set(want))[:5]}")
        with open(os.path.join(out, "catalog.ttl"), encoding="utf-8") as fh:
            self.assertRegex(fh.read(), r'dcat:byteSize "\d+"\^\^xsd:decimal')

    def test_jsonld_holds_the_same_triples_as_ntriples(self):
        r = self.build("out", "--format", "jsonld,nt")
        self.assertEqual(r.returncode, 0, r.stderr)
        out = os.path.join(self.tmp, "out")
        with open(os.path.join(out, "catalog.jsonld"), encoding="utf-8") as fh:
            doc = json.load(fh)
        with open(os.path.join(out, "catalog.nt"), encoding="utf-8") as fh:
            nt = sorted(norm_nt(l) for l in fh if l.strip())
        self.assertGreater(len(nt), 100)  # not two empty outputs
        self.assertEqual(sorted(jsonld_triples(doc)), nt)


def canon_of(path):
    """Canonical N-Triples of an RDF file, by `rapper` (raptor's own reader,
    not ours), blank nodes all read _:b."""
    syntax = "rdfxml" if path.endswith(".rdf") else "turtle"
    p = subprocess.run(["rapper", "-q", "-i", syntax, "-o", "ntriples", path],
                       capture_output=True, text=True, timeout=60)
    assert p.returncode == 0, p.stderr
    return sorted(norm_nt(l) for l in p.stdout.splitlines() if l.strip())


def norm_nt(line):
    line = line.strip()
    return re.sub(r"_:\w+", "_:b", line)


def esc(s):
    return (s.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
            .replace("\r", "\\r"))


def jsonld_triples(doc):
    """N-Triples lines of a flattened JSON-LD document with a prefix-only
    context (the form dcatit writes); blank nodes all read _:b."""
    ctx = doc["@context"]

    def expand(t):
        if t.startswith("_:"):
            return "_:b"
        p, _, local = t.partition(":")
        if p in ctx and not local.startswith("//"):
            return "<" + ctx[p] + local + ">"
        return "<" + t + ">"

    out = []
    for node in doc["@graph"]:
        s = expand(node["@id"])
        for key, values in node.items():
            if key == "@id":
                continue
            pred = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>" if key == "@type" \
                else expand(key)
            for v in values:
                if key == "@type":
                    o = expand(v)
                elif isinstance(v, str):
                    o = '"' + esc(v) + '"'
                elif "@id" in v:
                    o = expand(v["@id"])
                elif "@language" in v:
                    o = '"' + esc(v["@value"]) + '"@' + v["@language"]
                else:
                    o = '"' + esc(v["@value"]) + '"^^' + expand(v["@type"])
                out.append(f"{s} {pred} {o} .")
    return out


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    DCATIT, ROOT = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
    unittest.main(argv=[sys.argv[0], "-v"] + sys.argv[3:])
