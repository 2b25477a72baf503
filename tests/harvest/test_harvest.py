#!/usr/bin/env python3
"""dcatit harvest against servers on 127.0.0.1: the CKAN test server with 5,000
datasets (count, de-duplication, a rerun that rewrites nothing, one change, one
removal, a failed and an empty fetch that remove nothing), the DCAT fixture
server (12 hydra pages with a cycle, a text/plain page and a lying Content-Type;
conditional requests; a removal), hostile sources (2 GiB body, endless body,
gzip bomb, endless hydra chain, invalid UTF-8, XML billion laughs, HTML error
pages) and the
normalisation of real files with known defects.
Usage: test_harvest.py DCATIT"""

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ckan"))
import ckantest  # noqa: E402

DCATIT = os.path.abspath(sys.argv[1])
DCAT_SERVER = os.path.join(HERE, "dcat_server.py")
CSW_SERVER = os.path.join(HERE, "..", "harvest_csw", "csw_server.py")
CSW_DATA = os.path.join(HERE, "..", "harvest_csw", "data")
N = 5000
THEMES = json.dumps([{"theme": "ECON", "subthemes": []}])

ck = ckantest.Checker()
tmp = tempfile.mkdtemp(prefix="harvest-test-")


# ---- helpers ----

MEASURE = r"""
import resource, subprocess, sys
r = subprocess.run(sys.argv[2:], capture_output=True)
sys.stdout.buffer.write(r.stdout)
sys.stderr.buffer.write(r.stderr)
with open(sys.argv[1], "w") as f:
    f.write(str(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss))
sys.exit(r.returncode)
"""


class Run:
    def __init__(self, rc, out, err, rss_kb):
        self.returncode, self.stdout, self.stderr, self.rss_kb = rc, out, err, rss_kb


def harvest(cfg, out, *args, timeout=600):
    """Run dcatit harvest; its own peak RSS is measured by a wrapper process
    (RUSAGE_CHILDREN of this process would include the servers)."""
    rss_file = os.path.join(tmp, "rss")
    cmd = [sys.executable, "-c", MEASURE, rss_file, DCATIT, "harvest", "-c", cfg, "-o", out]
    r = subprocess.run(cmd + list(args), capture_output=True, text=True, timeout=timeout)
    rss = int(open(rss_file).read()) if os.path.exists(rss_file) else 0
    return Run(r.returncode, r.stdout, r.stderr, rss)


def report(out, name):
    with open(os.path.join(out, name, "report.json"), encoding="utf-8") as f:
        return json.load(f)


def state(out, name):
    with open(os.path.join(out, name, "state.json"), encoding="utf-8") as f:
        return json.load(f)


def snapshot(root, skip_reports=False):
    snap = {}
    for dp, _, fns in os.walk(root):
        for fn in fns:
            if skip_reports and fn == "report.json":
                continue
            p = os.path.join(dp, fn)
            st = os.stat(p)
            snap[os.path.relpath(p, root)] = (st.st_mtime_ns, st.st_ino, st.st_size)
    return snap


def records(out, name):
    d = os.path.join(out, name)
    return sorted(f for f in os.listdir(d) if f.endswith(".ttl"))


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def files_of(out):
    """The source directories of an output directory."""
    return sorted(d for d in os.listdir(out) if os.path.isdir(os.path.join(out, d)))


def counts(rep):
    return rep["records"]


class DcatServer:
    def __init__(self):
        self.port_file = os.path.join(tmp, "dcat.port")
        if os.path.exists(self.port_file):
            os.remove(self.port_file)
        self.proc = subprocess.Popen([sys.executable, DCAT_SERVER, "--port-file",
                                      self.port_file], stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while not os.path.exists(self.port_file):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("dcat_server.py did not start")
            time.sleep(0.05)
        self.port = int(open(self.port_file).read())
        self.base = "http://127.0.0.1:%d" % self.port

    def ctl(self, obj):
        c = ckantest.Client(self.port)
        r = c.request("POST", "/_ctl", json.dumps(obj).encode(),
                      {"Content-Type": "application/json"})
        c.close()
        return json.loads(r.body)

    def stats(self):
        c = ckantest.Client(self.port)
        r = c.request("GET", "/_stats")
        c.close()
        return json.loads(r.body)

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


# ---- command line ----

def test_cli():
    r = subprocess.run([DCATIT, "harvest", "--help"], capture_output=True, text=True)
    ck.check(r.returncode == 0 and r.stdout.startswith("usage: dcatit harvest") and
             "--jobs" in r.stdout and "removed/" in r.stdout, "harvest --help is a real help")
    r = subprocess.run([DCATIT, "harvest", "--bogus"], capture_output=True, text=True)
    ck.check(r.returncode == 2 and "try 'dcatit harvest --help'" in r.stderr,
             "an unknown option is a usage error", r.stderr)
    cfg = os.path.join(tmp, "cfg-bad")
    write(os.path.join(cfg, "bad.yaml"), "type: ckan\nurl: http://127.0.0.1:9/\nfilters:\n"
          "  organisation: x\n")
    r = subprocess.run([DCATIT, "harvest", "-c", cfg, "-o", os.path.join(tmp, "o-bad")],
                       capture_output=True, text=True)
    ck.check(r.returncode == 2 and "bad.yaml:4:" in r.stderr and
             "unknown key 'filters.organisation'" in r.stderr,
             "an unknown key in a source file is located", r.stderr)
    write(os.path.join(cfg, "bad.yaml"), "type: ckan\nurl: http://127.0.0.1:9/\npage_size: 5000\n")
    r = subprocess.run([DCATIT, "harvest", "-c", cfg, "-o", os.path.join(tmp, "o-bad")],
                       capture_output=True, text=True)
    ck.check(r.returncode == 2 and "1000" in r.stderr, "a CKAN page size above 1000 is refused",
             r.stderr)
    r = subprocess.run([DCATIT, "harvest", "--list", "-c", os.path.join(HERE, "..", "..",
                                                                       "harvest")],
                       capture_output=True, text=True)
    lines = r.stdout.splitlines()
    ck.check(r.returncode == 0 and len(lines) == 3 and
             "dati-toscana-ckan\tckan\thttps://dati.toscana.it\tenabled" in lines,
             "the real Tuscan source files of harvest/ load (--list fetches nothing)", r.stderr)
    cfg = os.path.join(tmp, "cfg-gone")
    write(os.path.join(cfg, "gone.yaml"), "type: ckan\nurl: http://127.0.0.1:9/\n"
          "limits:\n  retries: 1\n  timeout_s: 5\n")
    r = subprocess.run([DCATIT, "harvest", "-c", cfg, "-o", os.path.join(tmp, "o-gone")],
                       capture_output=True, text=True, timeout=120)
    ck.check(r.returncode == 1 and "source 'gone' failed" in r.stderr,
             "an unreachable source fails with exit 1", r.stderr)


# ---- CKAN ----

def pkg(i, org="org"):
    na = i % 50 == 0
    return {"name": "ds-%05d" % i, "title": "Dataset %d" % i, "owner_org": org,
            "notes": "Descrizione %d" % i, "identifier": "c_a000:%d" % i,
            "modified": "2024-01-15", "frequency": "ANNUAL", "themes_aggregate": THEMES,
            "publisher_name": "N/A" if na else "Comune di Prova",
            "publisher_identifier": "N/A" if na else "c_a000",
            "resources": [{"name": "csv", "url": "http://example.org/%d.csv" % i,
                           "format": "CSV"}]}


def test_ckan():
    with ckantest.Server() as srv:
        c = srv.client(timeout=120)
        for org, ident in (("org", "c_a000"), ("empty-org", "c_b000")):
            r = c.action("organization_create", {"name": org, "title": org, "identifier": ident},
                         token=ckantest.TOKEN)
            assert r.status == 200, r.body
        out = srv.control("load", {"packages": [pkg(i) for i in range(N)]})
        ck.check(out["created"] == N, "%d datasets loaded into the CKAN test server" % N)
        ids = {}
        for start in range(0, N, 1000):
            r = c.action("package_search", {"q": "*:*", "rows": 1000, "start": start,
                                            "sort": "id asc"}, method="GET")
            for p in r.json()["result"]["results"]:
                ids[p["name"]] = p["id"]
        cfg = os.path.join(tmp, "cfg-ckan")
        src = ("type: ckan\nurl: %s\npage_size: 1000\nfilters:\n  organization: %s\n"
               "defaults:\n  publisher: c_a000\n  publisher_name: Comune di Prova\n"
               "limits:\n  retries: 1\n  timeout_s: 30\n")
        write(os.path.join(cfg, "ck.yaml"), src % (srv.site, "org"))
        out = os.path.join(tmp, "out-ckan")

        r = harvest(cfg, out, "--jobs", "8")
        rep = report(out, "ck")
        n = counts(rep)
        ck.check(r.returncode == 0 and rep["status"] == "ok", "first harvest succeeds",
                 r.stderr[-500:])
        ck.check(n["seen"] == N and n["new"] == N and n["duplicates"] == 0,
                 "all %d datasets seen once, all new" % N, json.dumps(n))
        files = records(out, "ck")
        st = state(out, "ck")
        ck.check(len(files) == N and len(st["records"]) == N and
                 {v["id"] for v in st["records"].values()} == set(ids.values()),
                 "one record file per package id, state has every id", "%d files" % len(files))
        ck.check(rep["fixes"]["na_publishers"] == N // 50,
                 "the N/A publishers are replaced by the default", json.dumps(rep["fixes"]))
        cat = open(os.path.join(out, "catalog.ttl"), encoding="utf-8").read()
        ck.check(cat.count("dcat:dataset") >= 1 and cat.count(" dcatapit:Dataset") >= N,
                 "the merged catalogue holds every dataset")
        ck.check("Dataset %d\"" % (N - 1) in cat, "the merged catalogue has the last dataset")
        one = open(os.path.join(out, "ck", files[0]), encoding="utf-8").read()
        ck.check("N/A" not in cat and "dcatapit:Agent" in one, "no N/A left in the output")

        # a rerun on an unchanged source rewrites nothing
        before = snapshot(out, skip_reports=True)
        r = harvest(cfg, out, "--jobs", "8")
        rep = report(out, "ck")
        n = counts(rep)
        ck.check(r.returncode == 0 and n["unchanged"] == N and n["new"] == 0 and
                 n["changed"] == 0 and n["removed"] == 0, "rerun: every record unchanged",
                 json.dumps(n))
        ck.check(snapshot(out, skip_reports=True) == before,
                 "rerun: no record, state or catalogue file rewritten (mtimes, inodes)")
        before = snapshot(out)
        r = harvest(cfg, out, "--jobs", "8")
        ck.check(r.returncode == 0 and snapshot(out) == before,
                 "third run: not even report.json is rewritten")

        # one change on the server: exactly that record is rewritten
        target = ids["ds-00042"]
        r0 = c.action("package_patch", {"id": target, "title": "Titolo cambiato"},
                      token=ckantest.TOKEN)
        assert r0.status == 200, r0.body
        before = snapshot(out)
        # first a run killed half-way (slow pages): nothing of the old output lost
        srv.control("faults", {"reset": True, "latency_ms": 600, "actions": ["package_search"]})
        p = subprocess.Popen([DCATIT, "harvest", "-c", cfg, "-o", out, "--jobs", "1"],
                             stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(1.5)
        r2 = harvest(cfg, out)
        ck.check(r2.returncode == 3 and "another dcatit harvest is writing" in r2.stderr,
                 "a second run on the same output stops while the first one runs", r2.stderr)
        p.kill()
        p.wait()
        srv.control("faults", {"reset": True})
        mid = snapshot(out)
        ck.check(all(mid.get(k) == v for k, v in before.items() if not k.endswith(".ttl") or
                     k == "catalog.ttl") and set(before) <= set(mid),
                 "a run killed half-way leaves state, catalogue and every record in place")
        r = harvest(cfg, out, "--jobs", "8")
        n = counts(report(out, "ck"))
        after = snapshot(out)
        ck.check(not any(".tmp-" in k for k in after), "temporary files of the killed run "
                 "are cleaned up")
        changed = sorted(k for k in after if k in before and after[k] != before[k])
        stem = [k for k, v in state(out, "ck")["records"].items() if v["id"] == target][0]
        ck.check(n["changed"] == 1 and n["unchanged"] == N - 1 and n["new"] == 0,
                 "a change on the server: one record changed", json.dumps(n))
        ck.check(changed == sorted(["catalog.ttl", "ck/state.json", "ck/report.json",
                                    "ck/%s.ttl" % stem]),
                 "only that record's file (and catalogue, state, report) rewritten",
                 repr(changed[:8]))
        ck.check("Titolo cambiato" in open(os.path.join(out, "ck", stem + ".ttl")).read(),
                 "the rewritten record has the new title")

        # a removal on the server: moved to removed/
        gone = ids["ds-00043"]
        r0 = c.action("package_delete", {"id": gone}, token=ckantest.TOKEN)
        assert r0.status == 200, r0.body
        r = harvest(cfg, out, "--jobs", "8")
        rep = report(out, "ck")
        n = counts(rep)
        gstem = [s for s, v in st["records"].items() if v["id"] == gone][0]
        ck.check(r.returncode == 0 and n["removed"] == 1 and rep["removed"] == [gone],
                 "a dataset deleted on the server is reported removed", json.dumps(n))
        ck.check(os.path.exists(os.path.join(out, "ck", "removed", gstem + ".ttl")) and
                 not os.path.exists(os.path.join(out, "ck", gstem + ".ttl")) and
                 len(state(out, "ck")["records"]) == N - 1,
                 "its file moved to removed/ and it left the state")

        # a failed fetch (5xx on the pages after the first) removes nothing
        gone2 = ids["ds-00044"]
        c.action("package_delete", {"id": gone2}, token=ckantest.TOKEN)
        srv.control("faults", {"reset": True, "actions": ["package_search"],
                               "sequence": ["ok"] + ["500"] * 40})
        before = snapshot(out, skip_reports=True)
        r = harvest(cfg, out, "--jobs", "8")
        rep = report(out, "ck")
        ck.check(r.returncode == 1 and rep["status"] == "failed" and
                 "source 'ck' failed" in r.stderr and "HTTP 500" in rep["error"],
                 "a failed fetch fails the source with exit 1", rep.get("error", ""))
        ck.check(counts(rep)["removed"] == 0 and os.listdir(os.path.join(out, "ck", "removed"))
                 == [gstem + ".ttl"] and snapshot(out, skip_reports=True) == before,
                 "a failed fetch removes and rewrites nothing")

        # a truncated answer: the same
        srv.control("faults", {"reset": True, "actions": ["package_search"],
                               "sequence": ["ok", "ok"] + ["truncate"] * 40})
        r = harvest(cfg, out, "--jobs", "2")
        rep = report(out, "ck")
        ck.check(r.returncode == 1 and rep["status"] == "failed" and
                 counts(rep)["removed"] == 0 and snapshot(out, skip_reports=True) == before,
                 "a truncated page fails the source and removes nothing", rep.get("error", ""))
        srv.control("faults", {"reset": True})

        # an empty answer removes nothing either
        write(os.path.join(cfg, "ck.yaml"), src % (srv.site, "empty-org"))
        r = harvest(cfg, out)
        rep = report(out, "ck")
        ck.check(r.returncode == 0 and counts(rep)["seen"] == 0 and counts(rep)["removed"] == 0
                 and any("came back empty" in w for w in rep["warnings"]) and
                 snapshot(out, skip_reports=True) == before,
                 "an empty source removes nothing", json.dumps(rep["warnings"]))
        write(os.path.join(cfg, "ck.yaml"), src % (srv.site, "org"))
        r = harvest(cfg, out, "--jobs", "8")
        rep = report(out, "ck")
        ck.check(r.returncode == 0 and counts(rep)["removed"] == 1 and rep["removed"] == [gone2],
                 "the next good fetch removes what is really gone", json.dumps(counts(rep)))

        # a portal announcing more pages than the cap: no flood of requests
        cfg2 = os.path.join(tmp, "cfg-ckan-capped")
        write(os.path.join(cfg2, "capped.yaml"), "type: ckan\nurl: %s\npage_size: 10\n"
              "limits:\n  max_pages: 3\n" % srv.site)
        srv.control("stats", {"reset": True})
        r = harvest(cfg2, os.path.join(tmp, "out-capped"), "--jobs", "8")
        rep = report(os.path.join(tmp, "out-capped"), "capped")
        searches = srv.control("stats")["by_action"].get("package_search", 0)
        ck.check(r.returncode == 1 and "more than 3 pages" in rep.get("error", "") and
                 searches <= 3, "the page cap bounds the CKAN requests too",
                 "%s, %d searches" % (rep.get("error"), searches))


# ---- DCAT ----

def test_dcat(srv):
    cfg = os.path.join(tmp, "cfg-dcat")
    write(os.path.join(cfg, "hydra.yaml"), "type: dcat\nurl: %s/hydra/1.ttl\n" % srv.base)
    write(os.path.join(cfg, "chain.yaml"), "type: dcat\nurl: %s/chain/1.ttl\n" % srv.base)
    out = os.path.join(tmp, "out-dcat")
    r = harvest(cfg, out)
    rep = report(out, "hydra")
    n = counts(rep)
    ck.check(r.returncode == 0 and rep["status"] == "ok" and rep["pages"] == 12,
             "12 hydra pages followed (literal, IRI, relative and nextPage links)",
             r.stderr[-400:] + json.dumps(rep)[:400])
    ck.check(n["seen"] == 60 and n["duplicates"] == 1 and len(records(out, "hydra")) == 60,
             "60 datasets, the one repeated on a later page counted once", json.dumps(n))
    w = " | ".join(rep["warnings"])
    ck.check("links back to '%s/hydra/5.ttl'" % srv.base in w and not rep["removal"],
             "the cycle 12 -> 5 is detected and blocks removals", w)
    ck.check("served as 'text/plain; charset=utf-8', read as turtle" in w,
             "the page served as text/plain is sniffed as Turtle", w)
    ck.check("served as 'text/turtle' but the body is rdfxml" in w,
             "RDF/XML served as text/turtle is read as RDF/XML", w)
    paths = srv.stats()["paths"]
    ck.check(all(paths.get("/hydra/%d.ttl" % k) == 1 for k in range(1, 13)),
             "every page fetched exactly once", json.dumps(paths))
    urls = [p.get("url") for p in state(out, "hydra").get("pages", [])]
    ck.check("%s/hydra/9.ttl" % srv.base in urls and not any("/." in u for u in urls),
             "the link '../hydra/./9.ttl' of page 8 resolves to /hydra/9.ttl (RFC 3986)",
             json.dumps(urls))
    ck.check(rep["fixes"]["untyped_agents"] >= 10, "untyped agents of the pages typed",
             json.dumps(rep["fixes"]))
    rec = [f for f in records(out, "hydra") if f.startswith("dati.example.it_dataset_p4-1-")]
    text = open(os.path.join(out, "hydra", rec[0])).read() if rec else ""
    ck.check("dcat:distribution <http://dati.example.it/dataset/p4-1/csv>" in text and
             "dcat:accessURL <http://dati.example.it/dataset/p4-1/data.csv>" in text and
             "p4-2" not in text and "hydra" not in text and "dcat:Catalog" not in text,
             "a record is its dataset's closure, nothing of other datasets or paging", text[:300])

    # conditional requests
    rep = report(out, "chain")
    ck.check(counts(rep)["seen"] == 9 and rep["pages"] == 3, "the chain's 9 datasets harvested")
    before = snapshot(out, skip_reports=True)
    nm0 = srv.stats()["not_modified"]
    r = harvest(cfg, out, "chain")
    rep = report(out, "chain")
    ck.check(r.returncode == 0 and rep["pages_not_modified"] == 3 and
             srv.stats()["not_modified"] - nm0 == 3 and counts(rep)["unchanged"] == 9,
             "rerun: If-None-Match gets 304 for every page, records kept",
             json.dumps(counts(rep)))
    ck.check(snapshot(out, skip_reports=True) == before, "rerun after 304s rewrites nothing")
    ck.check(counts(report(out, "hydra"))["seen"] == 60 and "hydra" not in r.stdout,
             "a source not named is not harvested but stays in the catalogue")
    srv.ctl({"chain_title": {"c2-2": "Titolo nuovo"}})
    r = harvest(cfg, out, "chain")
    rep = report(out, "chain")
    ck.check(counts(rep)["changed"] == 1 and rep["pages_not_modified"] == 2,
             "a changed page is fetched again, one record changed", json.dumps(counts(rep)))
    srv.ctl({"chain_drop": ["c3-1"]})
    r = harvest(cfg, out, "chain")
    rep = report(out, "chain")
    ck.check(counts(rep)["removed"] == 1 and rep["removed"] == ["http://dati.example.it/chain/c3-1"]
             and len(os.listdir(os.path.join(out, "chain", "removed"))) == 1,
             "a dataset gone from a page moves to removed/", json.dumps(counts(rep)))


# ---- hostile sources ----

HOSTILE = {
    "huge-length": "size limit of 4 MiB (limits.max_body_mb)",
    "huge-chunked": "size limit of 4 MiB (limits.max_body_mb)",
    "gzip-bomb": "size limit of 4 MiB (limits.max_body_mb)",
    "never-ending": "timed out",
    "bad-utf8": "invalid UTF-8 at byte",
    "billion-laughs": "XML parser error",
    "html-200": "HTML page, not RDF (HTTP 200, Content-Type 'text/html; charset=utf-8', "
                "title 'Servizio non disponibile')",
    "html-as-plain": "HTML page, not RDF (HTTP 200, Content-Type 'text/plain', "
                     "title 'Portal maintenance')",
}


def test_hostile(srv):
    cfg = os.path.join(tmp, "cfg-hostile")
    for name in HOSTILE:
        write(os.path.join(cfg, name + ".yaml"),
              "type: dcat\nurl: %s/%s\nlimits:\n  max_body_mb: 4\n  timeout_s: 3\n"
              "  retries: 1\n" % (srv.base, name))
    write(os.path.join(cfg, "good.yaml"), "type: dcat\nurl: %s/chain/1.ttl\n" % srv.base)
    out = os.path.join(tmp, "out-hostile")
    srv.ctl({"hostile": False, "chain_drop": [], "chain_title": {}})
    r = harvest(cfg, out)
    ck.check(r.returncode == 0 and all(counts(report(out, n))["seen"] == 2 for n in HOSTILE),
             "while the sources behave, every one is harvested", r.stderr[-400:])
    before = snapshot(out, skip_reports=True)
    srv.ctl({"hostile": True})
    write(os.path.join(cfg, "endless.yaml"),
          "type: dcat\nurl: %s/endless/1\nlimits:\n  max_pages: 30\n" % srv.base)
    r = harvest(cfg, out, timeout=300)
    ck.check(r.returncode == 1, "hostile sources: exit 1", r.stderr[-300:])
    for name, want in HOSTILE.items():
        rep = report(out, name)
        ck.check(rep["status"] == "failed" and want in rep.get("error", "") and
                 "source '%s' failed" % name in r.stderr,
                 "%s: a clear per-source error" % name, rep.get("error", ""))
        ck.check(counts(rep)["removed"] == 0 and
                 not os.path.exists(os.path.join(out, name, "removed")) and
                 len(records(out, name)) == 2,
                 "%s: nothing removed or lost" % name)
    rep = report(out, "endless")
    ck.check(rep["status"] == "failed" and "more than 30 pages" in rep["error"] and
             rep["pages"] == 30, "an endless hydra chain stops at the page cap", rep.get("error"))
    ck.check(report(out, "good")["status"] == "ok", "the good source is still harvested")
    after = snapshot(out, skip_reports=True)
    # catalog.ttl gains the endless source's records: only the sources' files
    ck.check(all(after.get(k) == v for k, v in before.items() if k != "catalog.ttl"),
             "the earlier output of every source is intact",
             repr([k for k, v in before.items() if after.get(k) != v][:5]))
    ck.check(0 < r.rss_kb < 150 * 1024, "memory stays bounded (peak RSS %d KiB; 2 GiB body, "
             "64 MiB gzip bomb, 4 MiB cap)" % r.rss_kb)


# ---- normalisation of real files ----

def test_normalise(srv):
    cfg = os.path.join(tmp, "cfg-norm")
    files = {
        "ckdataset": ("ckanext-dcatapit_dataset.rdf", "application/rdf%2Bxml"),
        "ckident": ("ckanext-dcatapit_dataset_identifier.rdf", "application/rdf%2Bxml"),
        "unibo": ("ckanext-dcatapit_catalog_dati_unibo.rdf", "application/rdf%2Bxml"),
        "rndt-ttl": ("pianotri_metadatiDCATAPIT_RNDT.ttl", "text/turtle"),
        "rndt-rdf": ("pianotri_metadatiDCATAPIT_RNDT.rdf", "text/plain"),
        "rndt-jsonld": ("pianotri_metadatiDCATAPIT_RNDT.jsonld", "application/ld%2Bjson"),
        "na": ("na_publisher.ttl", "text/turtle"),
    }
    for name, (fn, ct) in files.items():
        write(os.path.join(cfg, name + ".yaml"),
              "type: dcat\nurl: %s/file/%s?ct=%s\ndefaults:\n  publisher: c_a000\n"
              "  publisher_name: Comune di Prova\n" % (srv.base, fn, ct))
    out = os.path.join(tmp, "out-norm")
    r = harvest(cfg, out)
    ck.check(r.returncode == 0, "the real files are harvested", r.stderr[-400:])

    def text(name):
        return "".join(open(os.path.join(out, name, f), encoding="utf-8").read()
                       for f in records(out, name))

    fx = report(out, "ckdataset")["fixes"]
    t = text("ckdataset")
    ck.check(fx["schema_dates"] == 2 and fx["datetime_dates"] == 2 and
             "schema:startDate" not in t and "dcatapit:startDate \"2016-11-01\"^^xsd:date" in t,
             "ckanext-dcatapit schema:startDate/endDate -> dcatapit:startDate/endDate",
             json.dumps(fx))
    fx = report(out, "ckident")["fixes"]
    ck.check(fx["empty_agents"] == 1 and "dct:creator" not in text("ckident"),
             "the empty creator of ckanext-dcatapit is dropped", json.dumps(fx))
    ck.check(counts(report(out, "unibo"))["seen"] == 12 and len(records(out, "unibo")) == 12,
             "the dati.unibo.it catalogue gives its 12 datasets")
    for name in ("rndt-ttl", "rndt-rdf", "rndt-jsonld"):
        rep = report(out, name)
        t = text(name)
        ck.check(rep["fixes"]["namespace_iris"] > 0 and
                 not re.search(r"onto/dcatapit[A-Za-z]", t) and "dcatapit:Dataset" in t and
                 "dcatapit:Agent" in t,
                 "%s: dcatapit IRIs without '#' rewritten" % name, json.dumps(rep["fixes"]))
    ck.check(any("served as 'text/plain', read as rdfxml" in w
                 for w in report(out, "rndt-rdf")["warnings"]),
             "RDF/XML served as text/plain is sniffed")
    same = [text(n) for n in ("rndt-ttl", "rndt-rdf", "rndt-jsonld")]
    ck.check(same[0] == same[1] == same[2] and counts(report(out, "rndt-jsonld"))["seen"] == 1,
             "the RNDT record reads the same from Turtle, RDF/XML and JSON-LD")
    rep = report(out, "na")
    fx = rep["fixes"]
    t = text("na")
    ck.check(fx["na_publishers"] == 1 and fx["default_publisher"] == 1 and
             fx["untyped_agents"] == 1 and fx["empty_agents"] == 1 and fx["schema_dates"] == 2,
             "N/A publisher replaced, missing one filled, untyped holder typed",
             json.dumps(fx))
    ck.check("\"N/A\"" not in t and t.count("dct:identifier \"c_a000\"") >= 3 and
             "foaf:name \"\"" not in t, "no N/A or empty agent left in the records", t)
    inv = report(out, "unibo")["invalid"]
    ck.check(len(inv) > 0 and all(i["reasons"] and i["file"].endswith(".ttl") for i in inv),
             "invalid records are listed with their reasons", json.dumps(inv[:1])[:300])
    # the invalid records are exactly the record files `dcatit validate` finds errors in
    invalid = set()
    files = []
    for name in files_of(out):
        invalid |= {os.path.normpath(i["file"]) for i in report(out, name)["invalid"]}
        files += [os.path.join(out, name, f) for f in records(out, name)]
    val = subprocess.run([DCATIT, "validate"] + files, capture_output=True, text=True)
    erring = {os.path.normpath(f) for f in re.findall(r"^(\S+?\.ttl):\d+: error", val.stdout,
                                                     re.M)}
    ck.check(invalid and invalid == erring,
             "invalid records are those `dcatit validate` reports errors in (%d)" % len(invalid),
             repr(sorted(invalid ^ erring)[:4]))
    conv = subprocess.run([DCATIT, "convert", os.path.join(out, "catalog.ttl"), "--to", "nt"],
                          capture_output=True, text=True)
    ck.check(conv.returncode == 0 and conv.stdout.count("\n") > 500,
             "the merged catalogue parses")


# ---- CSW, through the CSW module's own fixture server ----

def test_csw():
    log = os.path.join(tmp, "csw.log")
    proc = subprocess.Popen([sys.executable, CSW_SERVER, CSW_DATA, log],
                            stdout=subprocess.PIPE, text=True)
    try:
        line = proc.stdout.readline()
        port = int(line.split()[1])
        cfg = os.path.join(tmp, "cfg-csw")
        write(os.path.join(cfg, "csw.yaml"), "type: csw\nurl: http://127.0.0.1:%d/csw\n"
              "page_size: 5\ndefaults:\n  publisher: c_a000\n" % port)
        write(os.path.join(cfg, "csw-get.yaml"), "type: csw\nurl: http://127.0.0.1:%d/csw\n"
              "method: GET\n" % port)
        write(os.path.join(cfg, "csw-exc.yaml"), "type: csw\nurl: http://127.0.0.1:%d/exception\n"
              % port)
        out = os.path.join(tmp, "out-csw")
        r = harvest(cfg, out)
        rep = report(out, "csw")
        seen = counts(rep)["seen"]
        ck.check(rep["status"] == "ok" and counts(rep)["seen"] > 5 and rep["pages"] > 1 and
                 len(records(out, "csw")) == counts(rep)["seen"],
                 "type csw: ISO 19139 records harvested through GetRecords (POST, paged)",
                 json.dumps(counts(rep)) + rep.get("error", ""))
        ck.check(report(out, "csw-get")["status"] == "ok" and
                 counts(report(out, "csw-get"))["seen"] == counts(rep)["seen"],
                 "type csw with method GET gives the same records")
        rep = report(out, "csw-exc")
        ck.check(r.returncode == 1 and rep["status"] == "failed" and
                 "ExceptionReport" in rep["error"], "a CSW ExceptionReport fails the source",
                 rep.get("error", ""))
        r = harvest(cfg, out, "csw")
        n = counts(report(out, "csw"))
        ck.check(r.returncode == 0 and n["unchanged"] == seen and n["new"] == 0 and
                 n["changed"] == 0, "a CSW rerun finds every record unchanged",
                 json.dumps(counts(report(out, "csw"))))
    finally:
        proc.terminate()
        proc.wait(5)


def main():
    try:
        test_cli()
        test_csw()
        srv = DcatServer()
        try:
            test_dcat(srv)
            test_hostile(srv)
            test_normalise(srv)
        finally:
            srv.stop()
        test_ckan()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
