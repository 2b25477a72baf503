#!/usr/bin/env python3
"""The EU profiles bundled in vocab/profiles (issue 12): each name and variant of
`dcatit validate --profile` on small fixtures, one mutation per case, checking the exit
status and which findings appear (component, path, focus) or do not.

usage: test_bundles.py DCATIT SRCROOT"""

import json
import os
import subprocess
import sys
import tempfile

DCATIT, ROOT = sys.argv[1], sys.argv[2]
HERE = os.path.join(ROOT, "tests", "profile", "bundles")
OK = os.path.join(HERE, "dcat-ap-ok.ttl")
HVD = os.path.join(HERE, "hvd-ok.ttl")
SH = "http://www.w3.org/ns/shacl#"
tmp = tempfile.mkdtemp(prefix="bundles-")
passed = failed = 0


def run(files, *args):
    env = dict(os.environ, DCATIT_DATADIR=os.path.join(ROOT, "vocab"))
    r = subprocess.run([DCATIT, "validate", "-f", "json"] + list(args) + files,
                       capture_output=True, text=True, env=env, timeout=300)
    try:
        rep = json.loads(r.stdout) if r.stdout.strip() else {"results": []}
    except ValueError:
        rep = {"results": []}
    return r.returncode, rep["results"], r.stderr


def mutate(src, name, old, new):
    text = open(src, encoding="utf-8").read()
    if old not in text:
        raise SystemExit("fixture %s lacks %r" % (src, old))
    path = os.path.join(tmp, name + ".ttl")
    with open(path, "w", encoding="utf-8") as f:
        f.write(text.replace(old, new, 1))
    return path


def check(name, files, args, code, errors=(), absent=(), warnings_min=0, messages=()):
    """errors: (component local name, path substring) that must appear as violations;
    absent: focus IRIs or path substrings no finding may name; messages: substrings
    of violation messages that must appear."""
    global passed, failed
    rc, results, err = run(files, *args)
    viol = [r for r in results if r["severity"] == "error"]
    warn = [r for r in results if r["severity"] == "warning"]
    problems = []
    if rc != code:
        problems.append("exit %d, expected %d (%s)" % (rc, code, err.strip()[-300:]))
    for comp, path in errors:
        if not any(r["component"] == SH + comp and path in (r["path"] or "") for r in viol):
            problems.append("no %s violation on %s" % (comp, path))
    for a in absent:
        hit = [r for r in results if a in (r["focus"] or "") or a in (r["path"] or "")]
        if hit:
            problems.append("unexpected finding about %s: %s" % (a, hit[0]["message"]))
    for m in messages:
        if not any(m in r["message"] for r in viol):
            problems.append("no violation saying %r" % m)
    if len(warn) < warnings_min:
        problems.append("%d warnings, expected at least %d" % (len(warn), warnings_min))
    if problems:
        failed += 1
        print("FAIL %s: %s" % (name, "; ".join(problems)))
    else:
        passed += 1
        print("ok   %s" % name)


def usage(name, args, text):
    global passed, failed
    env = dict(os.environ, DCATIT_DATADIR=os.path.join(ROOT, "vocab"))
    r = subprocess.run([DCATIT, "validate"] + args + [OK], capture_output=True, text=True,
                       env=env, timeout=60)
    if r.returncode == 2 and text in r.stderr:
        passed += 1
        print("ok   %s" % name)
    else:
        failed += 1
        print("FAIL %s: exit %d, stderr %r" % (name, r.returncode, r.stderr))


# the clean fixtures: no violation in any case of any profile
for prof in ["dcat-ap-2.1.1", "dcat-ap-3.0.1"]:
    for var in ["", ":base", ":ranges", ":recommended", ":vocabularies", ":full"]:
        check("clean %s%s" % (prof, var), [OK], ["-p", prof + var], 0)
check("clean geodcat-ap", [OK], ["-p", "geodcat-ap"], 0)
check("clean hvd", [HVD], ["-p", "hvd"], 0)
check("clean hvd with 3.0.1 base", [HVD], ["-p", "hvd", "-p", "dcat-ap-3.0.1:base"], 0)

# recommended: warnings only, so exit 0, but --fail-on warning fails
nokw = mutate(OK, "no-keyword", '  dcat:keyword "prova"@it, "test"@en ;\n', "")
check("recommended: a missing keyword is a warning", [nokw], ["-p", "dcat-ap-2.1.1:recommended"],
      0, warnings_min=1)
check("recommended: --fail-on warning", [nokw],
      ["-p", "dcat-ap-2.1.1:recommended", "--fail-on", "warning"], 1)
check("base: the keyword is not a base check", [nokw], ["-p", "dcat-ap-2.1.1:base"], 0,
      absent=["keyword"])

# ranges: a class the value lacks is a range finding, not a base one
untyped = mutate(OK, "untyped-contact", "ex:contact a vcard:Organization, vcard:Kind ;",
                 "ex:contact vcard:hasUID <urn:x> ;")
for prof in ["dcat-ap-2.1.1", "dcat-ap-3.0.1"]:
    check("%s:ranges: contact point not a vcard:Kind" % prof, [untyped], ["-p", prof + ":ranges"],
          1, errors=[("ClassConstraintComponent", "contactPoint")])
    check("%s:base ignores the class" % prof, [untyped], ["-p", prof + ":base"], 0)

# vocabularies: a value outside the EU table
badft = mutate(OK, "bad-file-type", "file-type/CSV> ;", "file-type/NOPE> ;")
for prof in ["dcat-ap-2.1.1", "dcat-ap-3.0.1"]:
    check("%s:vocabularies: file type not in the EU table" % prof, [badft],
          ["-p", prof + ":vocabularies"], 1, errors=[("NodeConstraintComponent", "terms/format")])
    check("%s:base: file type not checked" % prof, [badft], ["-p", prof + ":base"], 0)
    check("%s (full): file type not in the EU table" % prof, [badft], ["-p", prof], 1,
          errors=[("NodeConstraintComponent", "terms/format")])
badlang = mutate(OK, "bad-language", "language/ITA> ;\n  dct:accrualPeriodicity",
                 "language/XYZ> ;\n  dct:accrualPeriodicity")
check("2.1.1:vocabularies: language not in the EU table", [badlang],
      ["-p", "dcat-ap-2.1.1:vocabularies"], 1, errors=[("NodeConstraintComponent", "terms/language")])

# checksums: 2.1.1 knows SHA-1 only, 3.0.1 any SPDX algorithm (dcatit's erratum)
sha256 = mutate(OK, "sha256", "spdx:checksumAlgorithm_sha1 ;\n    spdx:checksumValue \"da39a3ee5e6b4b0d3255bfef95601890afd80709\"",
                "spdx:checksumAlgorithm_sha256 ;\n    spdx:checksumValue \"e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\"")
check("2.1.1:base: SHA-256 refused", [sha256], ["-p", "dcat-ap-2.1.1:base"], 1,
      errors=[("HasValueConstraintComponent", "spdx.org/rdf/terms#algorithm")])
check("3.0.1 full: SHA-256 accepted", [sha256], ["-p", "dcat-ap-3.0.1"], 0)
badalg = mutate(OK, "bad-algorithm", "spdx:checksumAlgorithm_sha1 ;", "<http://example.org/crc> ;")
check("3.0.1:vocabularies: an algorithm outside SPDX", [badalg], ["-p", "dcat-ap-3.0.1:vocabularies"],
      1, errors=[("ClassConstraintComponent", "spdx.org/rdf/terms#algorithm")])

# byteSize: xsd:decimal in 2.1.1, xsd:nonNegativeInteger in 3.0.1
dec = mutate(OK, "bytesize-decimal", "  dct:license <http://publications.europa.eu/resource/authority/licence/CC_BY_4_0> ;\n  dct:issued",
             "  dcat:byteSize \"3365\"^^xsd:decimal ;\n  dct:license <http://publications.europa.eu/resource/authority/licence/CC_BY_4_0> ;\n  dct:issued")
check("2.1.1: byteSize xsd:decimal", [dec], ["-p", "dcat-ap-2.1.1"], 0)
check("3.0.1: byteSize xsd:decimal refused", [dec], ["-p", "dcat-ap-3.0.1:base"], 1,
      errors=[("DatatypeConstraintComponent", "byteSize")])
nni = mutate(OK, "bytesize-nni", "  dct:license <http://publications.europa.eu/resource/authority/licence/CC_BY_4_0> ;\n  dct:issued",
             "  dcat:byteSize \"3365\"^^xsd:nonNegativeInteger ;\n  dct:license <http://publications.europa.eu/resource/authority/licence/CC_BY_4_0> ;\n  dct:issued")
check("3.0.1: byteSize xsd:nonNegativeInteger", [nni], ["-p", "dcat-ap-3.0.1"], 0)
check("2.1.1: byteSize xsd:nonNegativeInteger refused", [nni], ["-p", "dcat-ap-2.1.1:base"], 1,
      errors=[("DatatypeConstraintComponent", "byteSize")])

# geodcat-ap: its own shapes (GeoDCAT-AP adds dct:created, at most one)
geo = mutate(OK, "geo-created", "ex:ds1 a dcat:Dataset ;",
             "ex:ds1 dct:created \"2020-01-01\"^^xsd:date, \"2021-01-01\"^^xsd:date .\n"
             "ex:ds1 a dcat:Dataset ;")
check("geodcat-ap: two dct:created", [geo], ["-p", "geodcat-ap"], 1,
      errors=[("MaxCountConstraintComponent", "terms/created")])
check("dcat-ap-2.1.1 does not check dct:created", [geo], ["-p", "dcat-ap-2.1.1:base"], 0)

# hvd: only what declares the regulation is checked, and it is checked fully
check("hvd: the undeclared dataset is out of scope", [HVD], ["-p", "hvd"], 0,
      absent=["http://example.org/plain"])
nocat = mutate(HVD, "hvd-no-category",
               "  dcatap:hvdCategory <http://data.europa.eu/bna/c_9427236f> ;\n  dcat:contactPoint ex:contact ;\n  dcat:distribution",
               "  dcat:contactPoint ex:contact ;\n  dcat:distribution")
check("hvd: a declared dataset without category", [nocat], ["-p", "hvd"], 1,
      errors=[("MinCountConstraintComponent", "r5r/hvdCategory")], absent=["http://example.org/plain"])
badcat = mutate(HVD, "hvd-bad-category", "dcatap:hvdCategory <http://data.europa.eu/bna/c_9427236f> ;\n  dcat:contactPoint",
                "dcatap:hvdCategory <http://example.org/category> ;\n  dcat:contactPoint")
check("hvd: a category outside the HVD table", [badcat], ["-p", "hvd"], 1,
      errors=[("NodeConstraintComponent", "r5r/hvdCategory")])
nodistleg = mutate(HVD, "hvd-dist-no-law",
                   "  dct:license ex:licence ;\n  dcatap:applicableLegislation <http://data.europa.eu/eli/reg_impl/2023/138/oj> ;\n  dcat:accessService",
                   "  dct:license ex:licence ;\n  dcat:accessService")
check("hvd: the distribution of a declared dataset must declare it too", [nodistleg], ["-p", "hvd"],
      1, errors=[("HasValueConstraintComponent", "applicableLegislation")])
noapi = mutate(HVD, "hvd-no-api", "  dcat:accessService ex:wms .", "  dct:format <http://example.org/f> .")
noapi = mutate(noapi, "hvd-no-api2", "  dcat:servesDataset ex:hvd ;\n", "")
check("hvd: a declared dataset without an API", [noapi], ["-p", "hvd"], 1,
      errors=[("MinCountConstraintComponent", "")])

# combinations and names
check("combined: dcatapit and hvd both run", [nocat], ["-p", "dcatapit", "-p", "hvd"], 1,
      errors=[("MinCountConstraintComponent", "r5r/hvdCategory")],
      messages=["no node typed dcatapit:Dataset"])
usage("unknown profile", ["-p", "dcat-ap-9"], "unknown profile 'dcat-ap-9'")
usage("unknown variant", ["-p", "dcat-ap-3.0.1:nope"], "has no variant 'nope'")
usage("none with a bundle", ["-p", "none", "-p", "hvd"], "cannot be combined")
usage("a path is no profile name", ["-p", "../profiles/hvd"], "unknown profile")

print("%d passed, %d failed" % (passed, failed))
sys.exit(1 if failed or not passed else 0)
