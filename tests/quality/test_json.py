#!/usr/bin/env python3
"""test_json.py: the JSON report against its schema (quality.schema.json) and its
documentation (doc/quality-json.md).

- `dcatit quality --format json` on several inputs (a catalogue, an empty one, a harvest
  directory, links checked against linkserver.py on 127.0.0.1, --compare) validates against
  the schema (python3-jsonschema);
- the schema is not vacuous: documents with a field removed, renamed or mistyped fail it;
- every field name of the schema is documented in doc/quality-json.md, and every field the
  documentation's tables name is in the schema.

Usage: test_json.py DCATIT
"""
import copy
import json
import os
import re
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import linkserver  # noqa: E402

try:
    import jsonschema
except ImportError:
    print("FAIL: python3-jsonschema is not installed (apt-get install python3-jsonschema; "
          ".ci/install-deps installs it)")
    sys.exit(1)

FAILS = []
# sanitizer builds run slower (meson.build's test setup sets the scale)
SCALE = float(os.environ.get("DCATIT_TEST_TIMEOUT_SCALE", "1") or 1)


def fail(msg):
    FAILS.append(msg)
    print("FAIL " + msg)


def run(dcatit, args):
    env = dict(os.environ, DCATIT_DATADIR=os.path.join(SRCDIR, "vocab"))
    p = subprocess.run([dcatit, "quality", "--format", "json"] + args, capture_output=True,
                       env=env, timeout=120 * SCALE)
    if p.returncode != 0:
        fail("%s: exit %d: %s" % (args, p.returncode, p.stderr.decode(errors="replace")))
        return None
    return json.loads(p.stdout)


def schema_names(node, out):
    """Every property name the schema defines."""
    if isinstance(node, dict):
        for k, v in node.get("properties", {}).items():
            out.add(k)
        for v in node.values():
            schema_names(v, out)
    elif isinstance(node, list):
        for v in node:
            schema_names(v, out)
    return out


def main():
    dcatit = sys.argv[1]
    schema = json.load(open(os.path.join(HERE, "quality.schema.json")))
    validator = jsonschema.Draft202012Validator(schema)
    docs = []
    server = linkserver.start()
    try:
        with tempfile.TemporaryDirectory(prefix="dcatit-quality-json-") as tmp:
            cases = os.path.join(HERE, "cases")
            docs.append(("base, validated", run(dcatit, [os.path.join(HERE, "base.ttl")])))
            docs.append(("hints", run(dcatit, [os.path.join(cases, "known-licence-off.ttl")])))
            docs.append(("findings", run(dcatit, [os.path.join(cases, "dcat-ap-shared-agent.ttl")])))
            empty = os.path.join(tmp, "empty.ttl")
            with open(empty, "w") as f:
                f.write("<https://x.example/a> <http://purl.org/dc/terms/title> \"t\" .\n")
            docs.append(("empty", run(dcatit, [empty])))
            docs.append(("harvest", run(dcatit, [os.path.join(SRCDIR, "tests", "golden", "quality",
                                                              "harvest", "out")])))
            text = open(os.path.join(cases, "access-url-off.ttl")).read().replace(
                "@SERVER@", "127.0.0.1:%d" % server.port)
            linked = os.path.join(tmp, "linked.ttl")
            with open(linked, "w") as f:
                f.write(text)
            docs.append(("links", run(dcatit, [linked, "--check-links", "--link-cache", "none", "--allow-host", "127.0.0.1"])))
            old = os.path.join(tmp, "old.json")
            with open(old, "w") as f:
                json.dump(docs[0][1], f)
            docs.append(("compare", run(dcatit, [os.path.join(cases, "catalogue-mean.ttl"),
                                                 "--no-validate", "--compare", old])))
    finally:
        server.stop()
    for name, doc in docs:
        if doc is None:
            continue
        errs = sorted(validator.iter_errors(doc), key=lambda e: list(e.path))
        for e in errs[:5]:
            fail("%s: %s at %s" % (name, e.message, "/".join(map(str, e.path))))
    # the parts that must be there in the cases that have them
    byname = dict(docs)
    if byname.get("links") and not byname["links"]["links"]["broken"]:
        fail("links: the 404 access URL is not among the broken links")
    if byname.get("compare") and byname["compare"]["compare"] is None:
        fail("compare: no compare object")
    if byname.get("harvest") and len(byname["harvest"]["sources"]) != 2:
        fail("harvest: expected two sources in the league table")
    if byname.get("findings") and not byname["findings"]["findings"]["groups"]:
        fail("findings: no group")

    # not vacuous: each of these must be rejected
    good = byname.get("base, validated")
    if good:
        bad = []
        d = copy.deepcopy(good); del d["catalogue"]["score"]; bad.append(("no catalogue.score", d))
        d = copy.deepcopy(good); d["datasets"][0]["indicators"]["keywordavailability"] = 30
        bad.append(("unknown indicator name", d))
        d = copy.deepcopy(good); d["datasets"][0]["band"] = "Good"; bad.append(("band spelling", d))
        d = copy.deepcopy(good); d["datasets"][0]["extra"] = 1; bad.append(("undocumented field", d))
        d = copy.deepcopy(good); d["datasets"][0]["dimensions"]["contextuality"] = 25
        bad.append(("dimension over its maximum", d))
        d = copy.deepcopy(good); d["schema"] = "dcatit-quality/2"; bad.append(("schema version", d))
        for what, d in bad:
            if validator.is_valid(d):
                fail("the schema accepts a document with %s" % what)

    # documented: every schema field in the doc, every documented field in the schema
    doc_text = open(os.path.join(SRCDIR, "doc", "quality-json.md")).read()
    names = schema_names(schema, set())
    for n in sorted(names):
        if "`%s`" % n not in doc_text:
            fail("field '%s' of the schema is not documented in doc/quality-json.md" % n)
    documented = set(re.findall(r"^\| `([a-zA-Z_]+)`", doc_text, re.M))
    metrics = set(schema["$defs"]["metric"]["enum"])
    for n in sorted(documented - names - metrics):
        fail("doc/quality-json.md documents '%s', which the schema does not have" % n)
    print("%d documents checked, %d failures" % (len(docs), len(FAILS)))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
