#!/usr/bin/env python3
"""The JSON Schemas of the catalog/ files against the bundled catalogue.

usage: test_schema.py SCHEMA_DIR SOURCE_ROOT DCATIT

The schemas are generated at build time from the loader's format tables
(src/catalog/format.c) and vocab/'s code lists. Checks: each is a valid
draft-07 schema; every bundled file (catalog.yaml, organizations.yaml, every
record, every data dictionary) is valid against its schema; every key in the
tables of catalog/README.md is in a schema and every schema key is in the
README; and a few broken records are rejected by both the schema and
`dcatit build`, so the two say the same.
"""
import copy
import glob
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest

try:
    import jsonschema
    import yaml
except ImportError as e:
    print("skipped: %s (Debian packages python3-jsonschema, python3-yaml)" % e)
    sys.exit(77)

SCHEMAS = ROOT = DCATIT = None


class Loader(yaml.SafeLoader):
    """YAML as a language server sees it: dates stay strings."""


Loader.add_constructor("tag:yaml.org,2002:timestamp", lambda l, n: l.construct_scalar(n))


def load_yaml(path):
    with open(path, encoding="utf-8") as f:
        return yaml.load(f, Loader=Loader)


def schema(name):
    with open(os.path.join(SCHEMAS, name + ".schema.json"), encoding="utf-8") as f:
        return json.load(f)


def errors(name, doc):
    v = jsonschema.Draft7Validator(schema(name))
    return ["%s: %s" % ("/".join(map(str, e.absolute_path)), e.message)
            for e in v.iter_errors(doc)]


def catalog_files():
    cat = os.path.join(ROOT, "catalog")
    records = []
    for d in load_yaml(os.path.join(cat, "catalog.yaml"))["records"]:
        records += sorted(glob.glob(os.path.join(cat, d, "*.yaml")))
    dicts = sorted(glob.glob(os.path.join(cat, "**", "*.dictionary.yaml"), recursive=True))
    return cat, records, dicts


def schema_keys(node, out):
    """Every property name in a schema."""
    if isinstance(node, dict):
        for k, v in node.get("properties", {}).items():
            out.add(k)
            schema_keys(v, out)
        for k, v in node.items():
            if k != "properties":
                schema_keys(v, out)
    elif isinstance(node, list):
        for v in node:
            schema_keys(v, out)
    return out


class SchemaTest(unittest.TestCase):
    def test_schemas_are_valid_draft_7(self):
        for name in ("catalog", "organizations", "record", "dictionary"):
            jsonschema.Draft7Validator.check_schema(schema(name))

    def test_every_bundled_file_is_valid(self):
        cat, records, dicts = catalog_files()
        self.assertGreaterEqual(len(records), 5)
        self.assertGreaterEqual(len(dicts), 1)
        checks = [("catalog", os.path.join(cat, "catalog.yaml")),
                  ("organizations", os.path.join(cat, "organizations.yaml"))]
        checks += [("record", p) for p in records] + [("dictionary", p) for p in dicts]
        for name, path in checks:
            with self.subTest(path=os.path.relpath(path, ROOT)):
                self.assertEqual(errors(name, load_yaml(path)), [])

    def test_code_lists_come_from_vocab(self):
        defs = schema("record")["definitions"]
        self.assertIn("ECON", defs["code-theme"]["enum"])
        self.assertIn("ITA", defs["code-language"]["enum"])
        self.assertGreater(len(defs["code-language"]["enum"]), 7000)
        self.assertIn("IRREG", defs["code-frequency"]["enum"])
        self.assertIn("CSV", defs["code-file-type"]["enum"])
        self.assertIn("A21_CCBY40", defs["code-licence"]["enum"])

    def test_every_readme_key_is_in_a_schema_and_back(self):
        with open(os.path.join(ROOT, "catalog", "README.md"), encoding="utf-8") as f:
            readme = f.read()
        # the key tables: rows "| `key` | type | ..." (the code-list and value-type
        # tables start with a type or code name, not a backticked key)
        body = readme.split("## 3.", 1)[1].split("## 8.", 1)[0]
        documented = set(re.findall(r"(?m)^\| `([a-z_]+)` \|", body))
        self.assertGreater(len(documented), 40)
        in_schemas = set()
        for name in ("catalog", "organizations", "record", "dictionary"):
            schema_keys(schema(name), in_schemas)
        self.assertEqual(documented - in_schemas, set(), "README keys missing from the schemas")
        # the other way, a key may also be named inside a row (`{column: NAME, starts_with: TEXT}`)
        undocumented = {k for k in in_schemas - documented
                        if not re.search(r"`[^`\n]*\b%s\b[^`\n]*`" % re.escape(k), body)}
        self.assertEqual(undocumented, set(), "schema keys the README does not name")

    def test_a_record_with_iso_may_leave_out_what_the_iso_file_gives(self):
        # README 5.7: the records of the ISO test catalogue give only id and iso (and keys of
        # their own); without iso, the same record misses its required keys
        iso_dir = os.path.join(ROOT, "tests", "iso", "catalog", "gis")
        for name in sorted(os.listdir(iso_dir)):
            if name.endswith(".yaml"):
                doc = load_yaml(os.path.join(iso_dir, name))
                self.assertIn("iso", doc)
                self.assertEqual(errors("record", doc), [], name)
                del doc["iso"]
                self.assertNotEqual(errors("record", doc), [], name + " without iso")

    def test_schema_and_loader_reject_the_same_broken_records(self):
        cat, records, _ = catalog_files()
        rec = next(p for p in records if p.endswith("ctr-10k.yaml"))
        good = load_yaml(rec)

        def unknown_key(d):
            d["licence"] = "A21_CCBY40"

        def bad_theme(d):
            d["themes"] = ["GOVV"]

        def bad_date(d):
            d["modified"] = "2024-13-01"

        def bad_frequency(d):
            d["frequency"] = "ANNUALY"

        def missing_required(d):
            del d["distributions"]

        def empty_list(d):
            d["themes"] = []

        def text_without_it(d):
            d["title"] = {"en": "only English"}

        def bad_email(d):
            d["contact"] = {"name": "Ufficio", "email": "mailto:x@example.org"}

        def bad_format(d):
            d["distributions"][0]["format"] = "WMS"

        for mutate in (unknown_key, bad_theme, bad_date, bad_frequency, missing_required,
                       empty_list, text_without_it, bad_email, bad_format):
            with self.subTest(mutation=mutate.__name__):
                doc = copy.deepcopy(good)
                mutate(doc)
                self.assertNotEqual(errors("record", doc), [], "the schema accepts it")
                tmp = tempfile.mkdtemp(prefix="dcatit-schema-")
                try:
                    shutil.copytree(cat, os.path.join(tmp, "catalog"),
                                    ignore=shutil.ignore_patterns("tools"))
                    with open(os.path.join(tmp, "catalog", os.path.relpath(rec, cat)), "w",
                              encoding="utf-8") as f:
                        yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
                    r = subprocess.run([DCATIT, "build", "-C", "catalog", "-o", "out"], cwd=tmp,
                                       capture_output=True, text=True, timeout=120)
                    self.assertEqual(r.returncode, 1, "the loader accepts it: " + r.stderr)
                    self.assertIn("ctr-10k.yaml:", r.stderr)
                finally:
                    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    SCHEMAS, ROOT, DCATIT = sys.argv[1], sys.argv[2], os.path.abspath(sys.argv[3])
    unittest.main(argv=sys.argv[:1], verbosity=2)
