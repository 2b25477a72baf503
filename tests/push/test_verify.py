#!/usr/bin/env python3
"""dcatit verify and push --verify (issue 12) against the CKAN test server: what the
portal serves to harvesters (its DCAT RDF per dataset and its catalogue endpoint, in the
real portal's mode and in the well-behaved one) compared with the pushed catalogue, with
the known changes explained, the summary line, --fail-on, JSON for CI, a dataset the
portal does not have, hydra paging of the catalogue endpoint, a day/month swap.

usage: test_verify.py DCATIT SOURCE_ROOT"""

import json
import os
import shutil
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ckan"))
import ckantest  # noqa: E402

DCATIT, ROOT = sys.argv[1], sys.argv[2]
TOKEN = "verify-secret-0b5c"
ORG = "regione-toscana"
ck = ckantest.Checker()
tmp = tempfile.mkdtemp(prefix="verify-test-")
GIS = ("ctr-10k", "geoportale-governo-territorio", "limiti-comunali", "ortofoto-2013")

# a dataset whose every property CKAN carries: a well-behaved portal serves it intact
SIMPLE = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
<https://example.org/ds/semplice> a dcatapit:Dataset, dcat:Dataset ;
  dct:identifier "r_toscan:semplice" ;
  dct:title "Dati semplici"@it ;
  dct:description "Un insieme di dati che CKAN porta per intero."@it ;
  dct:modified "2024-03-05"^^xsd:date ;
  dct:issued "2015-11-02"^^xsd:date ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/ANNUAL> ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE> ;
  dct:language <http://publications.europa.eu/resource/authority/language/ITA> ;
  dcat:keyword "prova"@it ;
  dct:publisher <https://w3id.org/dcatit/org/r_toscan> ;
  dct:rightsHolder <https://w3id.org/dcatit/org/r_toscan> ;
  dcat:distribution <https://example.org/ds/semplice/csv> .
<https://w3id.org/dcatit/org/r_toscan> a dcatapit:Agent, foaf:Agent ;
  foaf:name "Regione Toscana"@it ; dct:identifier "r_toscan" .
<https://example.org/ds/semplice/csv> a dcatapit:Distribution, dcat:Distribution ;
  dct:title "Tabella"@it ;
  dcat:accessURL <https://example.org/semplice.csv> ;
  dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;
  dct:license <https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40> .
<https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40> a dcatapit:LicenseDocument ;
  rdfs:seeAlso <https://creativecommons.org/licenses/by/4.0/> .
"""


def run(*args, token=None):
    env = dict(os.environ)
    env.pop("CKAN_API_TOKEN", None)
    if token:
        env["CKAN_API_TOKEN"] = token
    return subprocess.run([DCATIT] + list(args), capture_output=True, text=True, env=env,
                          timeout=300)


def build():
    cat = os.path.join(tmp, "catalog")
    shutil.copytree(os.path.join(ROOT, "catalog"), cat)
    out = os.path.join(tmp, "out")
    r = run("build", "-C", cat, "-o", out)
    ck.check(r.returncode == 0, "the bundled catalogue builds", r.stderr[-500:])
    return os.path.join(out, "catalog.ttl")


def verify_json(srv, *files, extra=()):
    r = run("verify", "--ckan", srv.site, "--format", "json", *extra, *files)
    try:
        return r, json.loads(r.stdout)
    except ValueError:
        return r, {"datasets": [], "summary": {}, "catalog": {}}


def by_id(rep, ident):
    return next((d for d in rep["datasets"] if d["identifier"] == ident), None)


def finding(ds, kind, prop, subject_part="", degrading=True):
    return next((f for f in (ds or {}).get("findings", []) if f["kind"] == kind and
                 f["property"] == prop and subject_part in f.get("subject", "") and
                 f["degrading"] == degrading), None)


def main():
    cat = build()
    simple = os.path.join(tmp, "simple.ttl")
    with open(simple, "w", encoding="utf-8") as f:
        f.write(SIMPLE)

    # 1. the real portal's behaviour
    with ckantest.Server(token=TOKEN) as srv:
        r = run("push", "--ckan", srv.site, "--org", ORG, cat, token=TOKEN)
        ck.check(r.returncode == 0, "the bundled catalogue is pushed", r.stderr[-500:])
        r, rep = verify_json(srv, cat)
        s = rep["summary"]
        ck.check(r.returncode == 0 and s.get("datasets") == 10 and s.get("intact") == 0 and
                 s.get("degraded", 0) + s.get("invalid", 0) == 10,
                 "verify: 10 datasets read back, none intact on the real portal", json.dumps(s))
        ck.check(rep["catalog"].get("pages") == 1 and rep["catalog"].get("datasets") == 10 and
                 all(d["listed_in_catalog"] for d in rep["datasets"]),
                 "the catalogue endpoint lists all 10", json.dumps(rep["catalog"])[:300])
        for g in GIS:
            f = finding(by_id(rep, "r_toscan:" + g), "altered", "dct:license")
            ck.check(f and f["portal"] == "<http://creativecommons.org/licenses/by/4.0/it/>" and
                     "nobody granted" in f["why"] and f["todo"] and
                     f["endpoints"] == ["dataset", "catalog"],
                     "%s: the CC BY 4.0 nobody granted is reported, with what to do" % g,
                     json.dumps(f))
        acc = by_id(rep, "r_toscan:accordo-punto-impresa-digitale")
        f = finding(acc, "altered", "dct:license", degrading=False)
        ck.check(f and "licence document" in f["why"],
                 "A21_CCBY40 served as its CC document: the same licence, not a degradation")
        ctr = by_id(rep, "r_toscan:ctr-10k")
        expected = [("added", "dcat:landingPage", "builds from the package name"),
                    ("altered", "dcat:contactPoint", "organization as the contact point"),
                    ("added", "dct:temporal", "injects a temporal coverage"),
                    ("lost", "dcat:accessService", "no data services"),
                    ("lost", "dcat:bbox", "bounding box"),
                    ("lost", "dct:title", "one text per field"),
                    ("added", "dct:issued", "CKAN record"),
                    ("altered", "foaf:name", "every language it offers")]
        for kind, prop, why in expected:
            f = next((x for x in ctr["findings"] if x["kind"] == kind and x["property"] == prop
                      and why in x["why"]), None)
            ck.check(f is not None, "ctr-10k: %s %s explained (%s)" % (kind, prop, why))
        pro = by_id(rep, "r_toscan:protocollo-anci-toscana-innovazione")
        ck.check(finding(pro, "altered", "dct:issued") is None and
                 finding(pro, "altered", "dct:issued", degrading=False) is not None,
                 "issued 2015-11-02 is served as the same day (dates sent in a form the "
                 "portal keeps)")
        ck.check(finding(pro, "lost", "dct:contributor") and
                 "no field for contributors" in finding(pro, "lost", "dct:contributor")["why"],
                 "a contributor lost: ckanext-dcatapit has no field for it")
        # the exit status follows --fail-on
        worst = "invalid" if s.get("invalid") else "degraded"
        r2 = run("verify", "--ckan", srv.site, "--fail-on", "degraded", cat)
        r3 = run("verify", "--ckan", srv.site, "--fail-on", worst, cat)
        ck.check(r2.returncode == 1 and r3.returncode == 1, "--fail-on degraded and --fail-on "
                 "%s exit 1" % worst, "%d %d" % (r2.returncode, r3.returncode))
        # the text report: readable, one summary line
        r = run("verify", "--ckan", srv.site, cat)
        last = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
        ck.check(r.returncode == 0 and last == "10 datasets: 0 intact, %d degraded, %d invalid"
                 % (s.get("degraded", 0), s.get("invalid", 0)),
                 "the text report ends with the summary line", last)
        ck.check("r_toscan:ctr-10k: " in r.stdout and "to do: give the distribution its real "
                 "licence" in r.stdout and "the same information in another form" in r.stdout,
                 "the text report says, per dataset, what changed and what to do",
                 r.stdout[:600])
        # the same report in Italian (--lang it), the JSON keys and statuses as they are
        r = run("verify", "--ckan", srv.site, "--lang", "it", cat)
        last = r.stdout.strip().splitlines()[-1] if r.stdout.strip() else ""
        ck.check(r.returncode == 0 and last == "10 dataset: 0 integri, %d degradati, %d non validi"
                 % (s.get("degraded", 0), s.get("invalid", 0)) and
                 "da fare: dare alla distribuzione la sua vera licenza" in r.stdout and
                 "la stessa informazione in un'altra forma" in r.stdout,
                 "verify --lang it: the text report in Italian", r.stdout[-600:])
        rj = run("verify", "--ckan", srv.site, "--lang", "it", "--format", "json", cat)
        try:
            ji = json.loads(rj.stdout)
        except ValueError:
            ji = {}
        ck.check(sorted(ji.get("summary", {})) == sorted(s) and
                 {d.get("status") for d in ji.get("datasets", [])} <= {"intact", "degraded",
                                                                       "invalid"} and
                 any("non ha un campo per i contributori" in f.get("why", "")
                     for d in ji.get("datasets", []) for f in d.get("findings", [])),
                 "verify --lang it --format json: keys and statuses stay, the reasons are Italian",
                 rj.stdout[:400])
        # a date the portal swaps (as pushed by an older dcatit: YYYY-MM-DD)
        c = srv.client()
        pkg = c.action("package_show", {"id": "r_toscan-protocollo-anci-toscana-innovazione"},
                       method="GET").json()["result"]
        c.action("package_patch", {"id": pkg["id"], "issued": "2015-11-02"}, token=TOKEN)
        c.close()
        r, rep = verify_json(srv, cat)
        f = finding(by_id(rep, "r_toscan:protocollo-anci-toscana-innovazione"), "altered",
                    "dct:issued")
        ck.check(f and "swapped" in f["why"] and f["endpoints"] == ["dataset"] and
                 "2015-02-11" in (f["portal"] or ""),
                 "a stored 2015-11-02 is reported as swapped to 2015-02-11, per dataset only",
                 json.dumps(f))
        # a dataset the portal does not have
        r, rep = verify_json(srv, simple)
        d = rep["datasets"][0] if rep["datasets"] else {}
        ck.check(d.get("status") == "invalid" and "no public package" in (d.get("problem") or ""),
                 "a dataset the portal does not have is invalid, with the reason", json.dumps(d))
        # hydra paging of the catalogue endpoint
        srv.control("rdf", {"page_size": 3})
        r, rep = verify_json(srv, cat)
        ck.check(rep["catalog"].get("pages") == 4 and rep["catalog"].get("datasets") == 10 and
                 all(x["listed_in_catalog"] for x in rep["datasets"]),
                 "4 pages of 3 followed by hydra:next, all 10 datasets found",
                 json.dumps(rep["catalog"])[:300])

    # 2. a well-behaved portal: what is left is what CKAN cannot carry
    with ckantest.Server("--rdf-mode", "faithful", token=TOKEN) as srv:
        r = run("push", "--ckan", srv.site, "--org", ORG, cat, simple, "--verify",
                token=TOKEN)
        ck.check("11 datasets:" in r.stdout and "r_toscan:semplice: intact" in r.stdout,
                 "push --verify: the fully carried dataset is served intact", r.stdout[-800:])
        r, rep = verify_json(srv, cat, simple)
        sem = by_id(rep, "r_toscan:semplice")
        ck.check(sem and sem["status"] == "intact" and not sem["violations"],
                 "verify: intact, no violation", json.dumps(sem)[:800])
        ck.check(all(d["status"] == "degraded" for d in rep["datasets"]
                     if d["identifier"] != "r_toscan:semplice"),
                 "the bundled datasets are degraded only by what CKAN cannot carry",
                 json.dumps([(d["identifier"], d["status"]) for d in rep["datasets"]]))
        gis = by_id(rep, "r_toscan:ctr-10k")
        ck.check(finding(gis, "lost", "dcat:accessService") and
                 not finding(gis, "altered", "dct:license") and
                 not finding(gis, "added", "dcat:landingPage"),
                 "faithful portal: no licence remap, no invented landing page")
        r = run("push", "--ckan", srv.site, "--org", ORG, cat, "--verify", "--fail-on",
                "degraded", token=TOKEN)
        ck.check(r.returncode == 1, "push --verify --fail-on degraded exits 1", str(r.returncode))
        # the one-dataset fixture is not a whole DCAT-AP_IT catalogue (rule 112):
        # what is checked here is verify, not push's validation
        r = run("push", "--ckan", srv.site, "--org", ORG, simple, "--verify", "--fail-on",
                "degraded", "--no-validate", token=TOKEN)
        ck.check(r.returncode == 0, "... and 0 when every dataset is intact",
                 r.stdout[-400:] + r.stderr[-400:])

    # usage
    r = run("verify", "/dev/null")
    ck.check(r.returncode == 2 and "--ckan URL is required" in r.stderr, "verify needs --ckan")
    r = run("verify", "--ckan", "http://127.0.0.1:1", "--fail-on", "bad", cat)
    ck.check(r.returncode == 2 and "unknown level 'bad'" in r.stderr, "an unknown --fail-on level")
    r = run("push", "--ckan", "http://127.0.0.1:1", "--org", ORG, "--fail-on", "worse", cat)
    ck.check(r.returncode == 2 and "unknown level 'worse'" in r.stderr,
             "push: an unknown --fail-on level")
    r = run("verify", "--ckan", "http://127.0.0.1:1", cat)
    ck.check(r.returncode == 0 and "0 intact" in r.stdout and "cannot" in r.stdout,
             "an unreachable portal: every dataset invalid, the reason given, no hang",
             r.stdout[-300:] + r.stderr[-300:])
    shutil.rmtree(tmp, ignore_errors=True)
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
