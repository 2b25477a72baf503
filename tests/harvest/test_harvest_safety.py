#!/usr/bin/env python3
"""What dcatit harvest must never do (reliability-probe-2, issue 9), against
servers on 127.0.0.1 only:
- #4 empty what we hold because a source shrank: more than 20% (per source
  limits.max_removal, or --max-removal) of the records gone fails the source
  and removes nothing unless --allow-mass-removal; a small source may lose
  one record per run;
- #8 follow a redirect or a hydra:next link to another host or port (an
  internal service) unless the source lists it under follow_hosts; the
  refused host gets no request;
- #9 merge silently two records claiming one dataset IRI: one is kept (the
  source whose URL has the IRI's host), both sources' reports and the summary
  say so;
- #12 write through a symlink planted in OUT (removed/, the source directory,
  a record file, state.json);
- #14 take a record id with a NUL for another record's id (CKAN id, DCAT
  identifier); a CSW page with a NUL character reference fails cleanly.
The address rule on resolved names is tested without any connection in
tests/unit/test_http.c and with a pinned name in tests/push/test_http.py.
Usage: test_harvest_safety.py DCATIT"""

import http.server
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import threading

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ckan"))
import ckantest  # noqa: E402

DCATIT = os.path.abspath(sys.argv[1])
THEMES = json.dumps([{"theme": "ECON", "subthemes": []}])
ck = ckantest.Checker()
tmp = tempfile.mkdtemp(prefix="harvest-safety-")

PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
"""


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def harvest(cfg, out, *args):
    r = subprocess.run([DCATIT, "harvest", "-c", cfg, "-o", out, "--no-validate"] + list(args),
                       capture_output=True, text=True, timeout=300)
    return r


def report(out, name):
    with open(os.path.join(out, name, "report.json"), encoding="utf-8") as f:
        return json.load(f)


def records(out, name):
    d = os.path.join(out, name)
    return sorted(f for f in os.listdir(d) if f.endswith(".ttl"))


def removed(out, name):
    d = os.path.join(out, name, "removed")
    return sorted(os.listdir(d)) if os.path.isdir(d) and not os.path.islink(d) else []


class Site:
    """A programmable server on 127.0.0.1: routes[path] = (status, headers,
    body); every request is logged with its Host header."""

    def __init__(self):
        self.routes = {}
        self.log = []
        site = self

        class H(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *a):
                pass

            def do_GET(self):
                path = self.path.split("?")[0]
                site.log.append((self.headers.get("Host", ""), self.path))
                status, headers, body = site.routes.get(path, (404, {}, b"not found"))
                if isinstance(body, str):
                    body = body.encode("utf-8")
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), H)
        self.port = self.httpd.server_address[1]
        self.base = "http://127.0.0.1:%d" % self.port
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def ttl(self, path, text):
        self.routes[path] = (200, {"Content-Type": "text/turtle"}, PREFIXES + text)

    def stop(self):
        self.httpd.shutdown()


def ds(iri, ident, title="T"):
    return ('<%s> a dcat:Dataset, dcatapit:Dataset ; dct:identifier "%s" ; dct:title "%s"@it .\n'
            % (iri, ident, title))


# ---- #4 the removal guard ----

def pkg(i):
    return {"name": "ds-%05d" % i, "title": "Dataset %d" % i, "owner_org": "org",
            "notes": "n", "identifier": "c_a000:%d" % i, "modified": "2024-01-15",
            "frequency": "ANNUAL", "themes_aggregate": THEMES}


def test_removal_guard():
    with ckantest.Server() as srv:
        c = srv.client(timeout=60)
        c.action("organization_create", {"name": "org", "title": "o", "identifier": "c_a000"},
                 token=ckantest.TOKEN)
        srv.control("load", {"packages": [pkg(i) for i in range(200)]})
        ids = {}
        for start in (0, 100):
            r = c.action("package_search", {"rows": 100, "start": start}, method="GET")
            for p in r.json()["result"]["results"]:
                ids[p["name"]] = p["id"]
        cfg = os.path.join(tmp, "cfg-guard")
        out = os.path.join(tmp, "out-guard")
        write(os.path.join(cfg, "victim.yaml"), "type: ckan\nurl: %s\n" % srv.site)
        r = harvest(cfg, out)
        ck.check(r.returncode == 0 and report(out, "victim")["records"]["new"] == 200,
                 "200 records harvested", r.stderr[-300:])

        def delete(names):
            for n in names:
                c.action("package_delete", {"id": ids[n]}, token=ckantest.TOKEN)

        # the probe's case: the source answers 1 dataset of 200, consistently
        delete("ds-%05d" % i for i in range(1, 200))
        r = harvest(cfg, out)
        rep = report(out, "victim")
        ck.check(r.returncode == 1 and rep["status"] == "failed" and rep["removal_refused"] and
                 "199 of the 200" in rep["error"] and "--allow-mass-removal" in rep["error"] and
                 "source 'victim' failed" in r.stderr,
                 "a source shrinking from 200 to 1 fails, with the guard's reason (#4)",
                 "rc %d %s" % (r.returncode, rep.get("error")))
        ck.check(len(records(out, "victim")) == 200 and not removed(out, "victim") and
                 rep["records"]["removed"] == 0 and
                 len(json.load(open(os.path.join(out, "victim", "state.json")))["records"]) == 200,
                 "nothing is removed: every record file and the state stay")
        cat = open(os.path.join(out, "catalog.ttl"), encoding="utf-8").read()
        ck.check(cat.count("dcat:Dataset") >= 200 or cat.count(" dcat:Dataset") >= 200 or
                 cat.count("Dataset 199") == 1, "the merged catalogue keeps the 200 datasets")
        # restore 160: 40 of 200 gone is 20%, allowed
        srv.control("reset", {"what": ["data"]})
        c.action("organization_create", {"name": "org", "title": "o", "identifier": "c_a000"},
                 token=ckantest.TOKEN)
        srv.control("load", {"packages": [pkg(i) for i in range(200)]})
        r = harvest(cfg, out)  # new ids: all 200 new, the old 200 gone
        rep = report(out, "victim")
        ck.check(r.returncode == 1 and rep["removal_refused"],
                 "a portal whose every id changed is a mass removal too", rep.get("error", ""))
        r = harvest(cfg, out, "--allow-mass-removal")
        rep = report(out, "victim")
        ck.check(r.returncode == 0 and rep["records"]["removed"] == 200 and
                 len(records(out, "victim")) == 200,
                 "--allow-mass-removal moves them to removed/", json.dumps(rep["records"]))
        ids.clear()
        for start in (0, 100):
            resp = c.action("package_search", {"rows": 100, "start": start}, method="GET")
            for p in resp.json()["result"]["results"]:
                ids[p["name"]] = p["id"]
        delete("ds-%05d" % i for i in range(160, 200))
        r = harvest(cfg, out)
        ck.check(r.returncode == 0 and report(out, "victim")["records"]["removed"] == 40,
                 "40 of 200 (20%) gone are removed", r.stderr[-300:])
        delete("ds-%05d" % i for i in range(100, 160))
        write(os.path.join(cfg, "victim.yaml"), "type: ckan\nurl: %s\nlimits:\n"
              "  max_removal: 40%%\n" % srv.site)
        r = harvest(cfg, out)
        ck.check(r.returncode == 0 and report(out, "victim")["records"]["removed"] == 60,
                 "limits.max_removal: 40% lets 60 of 160 go", r.stderr[-300:])
        delete("ds-%05d" % i for i in range(50, 100))
        r = harvest(cfg, out, "--max-removal", "10")
        ck.check(r.returncode == 1 and report(out, "victim")["removal_refused"],
                 "--max-removal 10 overrides the source's 40%", r.stderr[-300:])
        r = harvest(cfg, out, "--max-removal", "50")
        ck.check(r.returncode == 0 and report(out, "victim")["records"]["removed"] == 50,
                 "--max-removal 50 lets 50 of 100 go", r.stderr[-300:])
        c.close()
    # a small source: one record may go, two of three may not
    site = Site()
    try:
        cfg = os.path.join(tmp, "cfg-small")
        out = os.path.join(tmp, "out-small")
        write(os.path.join(cfg, "small.yaml"), "type: dcat\nurl: %s/small.ttl\n" % site.base)
        three = [ds("http://dati.example.it/s%d" % i, "c_a000:s%d" % i) for i in range(3)]
        site.ttl("/small.ttl", "".join(three))
        harvest(cfg, out)
        site.ttl("/small.ttl", "".join(three[:2]))
        r = harvest(cfg, out)
        ck.check(r.returncode == 0 and report(out, "small")["records"]["removed"] == 1,
                 "a source of 3 records may lose 1", r.stderr[-300:])
        site.ttl("/small.ttl", "".join(three))
        harvest(cfg, out)
        site.ttl("/small.ttl", three[0])
        r = harvest(cfg, out)
        ck.check(r.returncode == 1 and report(out, "small")["removal_refused"],
                 "not 2 of 3 (all but a handful)", r.stderr[-300:])
    finally:
        site.stop()


# ---- #8 redirects and next links ----

def test_redirects():
    site = Site()
    internal = Site()
    try:
        internal.ttl("/secret.ttl", ds("http://internal/x", "c_a000:internal", "INTERNAL SECRET"))
        page = ds("http://dati.example.it/r1", "c_a000:r1")
        site.ttl("/page.ttl", page)
        site.routes["/to-internal"] = (302, {"Location": internal.base + "/secret.ttl"}, b"")
        site.routes["/to-localhost"] = (
            302, {"Location": "http://localhost:%d/page.ttl" % site.port}, b"")
        site.routes["/to-self"] = (301, {"Location": "/page.ttl"}, b"")
        site.ttl("/p1.ttl", ds("http://dati.example.it/h1", "c_a000:h1") +
                 "<http://dati.example.it/cat> hydra:next <http://localhost:%d/p2.ttl> .\n"
                 % site.port)
        site.ttl("/p2.ttl", ds("http://dati.example.it/h2", "c_a000:h2"))
        cfg = os.path.join(tmp, "cfg-redir")
        out = os.path.join(tmp, "out-redir")
        write(os.path.join(cfg, "internal.yaml"), "type: dcat\nurl: %s/to-internal\n" % site.base)
        write(os.path.join(cfg, "named.yaml"), "type: dcat\nurl: %s/to-localhost\n" % site.base)
        write(os.path.join(cfg, "self.yaml"), "type: dcat\nurl: %s/to-self\n" % site.base)
        write(os.path.join(cfg, "hydra.yaml"), "type: dcat\nurl: %s/p1.ttl\n" % site.base)
        r = harvest(cfg, out)
        rep = report(out, "internal")
        ck.check(rep["status"] == "failed" and "refused" in rep["error"] and
                 "another host" in rep["error"] and not internal.log and
                 rep["records"]["seen"] == 0,
                 "a redirect to another port (an internal service) is refused; it gets no "
                 "request (#8)", rep.get("error", "") + repr(internal.log))
        rep = report(out, "named")
        hosts = [h for h, _ in site.log]
        ck.check(rep["status"] == "failed" and "another host" in rep["error"] and
                 not any(h.startswith("localhost") for h in hosts),
                 "a redirect to another host name is refused before connecting",
                 rep.get("error", "") + repr(hosts))
        rep = report(out, "self")
        ck.check(rep["status"] == "ok" and rep["records"]["seen"] == 1,
                 "a redirect within the source's host is followed", rep.get("error", ""))
        rep = report(out, "hydra")
        ck.check(rep["status"] == "failed" and "next page link" in rep["error"] and
                 "refused" in rep["error"] and "/p2.ttl" not in [p for _, p in site.log],
                 "a hydra:next link to another host is refused, not fetched",
                 rep.get("error", ""))
        ck.check(r.returncode == 1 and "INTERNAL SECRET" not in
                 open(os.path.join(out, "catalog.ttl"), encoding="utf-8").read(),
                 "nothing of the internal service reaches the catalogue")
        # follow_hosts opts in
        write(os.path.join(cfg, "named.yaml"), "type: dcat\nurl: %s/to-localhost\n"
              "follow_hosts:\n  - localhost\n" % site.base)
        write(os.path.join(cfg, "hydra.yaml"), "type: dcat\nurl: %s/p1.ttl\n"
              "follow_hosts: ['localhost:%d']\n" % (site.base, site.port))
        r = harvest(cfg, out, "named", "hydra")
        ck.check(report(out, "named")["status"] == "ok" and
                 report(out, "named")["records"]["seen"] == 1 and
                 report(out, "hydra")["records"]["seen"] == 2,
                 "with follow_hosts the redirect and the next link are followed",
                 r.stderr[-400:])
    finally:
        site.stop()
        internal.stop()


# ---- #9 one record per dataset IRI ----

def test_iri_claimed_twice():
    site = Site()
    try:
        victim_iri = "http://127.0.0.1:%d/dataset/s0" % site.port
        site.ttl("/victim.ttl", ds(victim_iri, "c_a000:s0", "T") +
                 ds("http://127.0.0.1:%d/dataset/s1" % site.port, "c_a000:s1", "T1"))
        site.ttl("/poison.ttl", ds(victim_iri, "c_evil:s0", "EVIL TITLE"))
        cfg = os.path.join(tmp, "cfg-iri")
        out = os.path.join(tmp, "out-iri")
        write(os.path.join(cfg, "victim.yaml"), "type: dcat\nurl: %s/victim.ttl\n" % site.base)
        # another host name for the same server: the IRI's host is the victim's
        write(os.path.join(cfg, "poison.yaml"), "type: dcat\nurl: http://localhost:%d/poison.ttl\n"
              % site.port)
        r = harvest(cfg, out)
        cat = open(os.path.join(out, "catalog.ttl"), encoding="utf-8").read()
        pv, vv = report(out, "poison"), report(out, "victim")
        ck.check(r.returncode == 0 and "EVIL TITLE" not in cat and '"T"@it' in cat and
                 "c_evil:s0" not in cat,
                 "the dataset IRI keeps one record, the one of the source on the IRI's host "
                 "(#9)", cat[:600])
        ck.check(pv["records"]["claimed_elsewhere"] == 1 and
                 vv["records"]["claimed_elsewhere"] == 0 and
                 any(victim_iri in w and "poison" in w for w in pv["warnings"]) and
                 any(victim_iri in w and "poison" in w for w in vv["warnings"]),
                 "both sources' reports name the duplicate",
                 json.dumps(pv["warnings"]) + json.dumps(vv["warnings"]))
        ck.check("1 left out of the catalogue (a dataset IRI claimed by two records)" in r.stderr
                 and "1 left out (dataset IRI claimed twice)" in r.stdout,
                 "the run summary and the source's lines say so", r.stdout + r.stderr)
    finally:
        site.stop()


# ---- #12 symlinks planted in OUT ----

def test_symlinks_in_out():
    site = Site()
    try:
        cfg = os.path.join(tmp, "cfg-link")
        out = os.path.join(tmp, "out-link")
        write(os.path.join(cfg, "src.yaml"), "type: dcat\nurl: %s/l.ttl\n" % site.base)
        five = [ds("http://dati.example.it/l%d" % i, "c_a000:l%d" % i) for i in range(5)]
        site.ttl("/l.ttl", "".join(five))
        harvest(cfg, out)
        victim = os.path.join(tmp, "victimdir")
        os.makedirs(victim)
        os.symlink(victim, os.path.join(out, "src", "removed"))
        site.ttl("/l.ttl", "".join(five[1:]))
        r = harvest(cfg, out)
        rep = report(out, "src")
        ck.check(rep["status"] == "failed" and "symbolic link" in rep["error"] and
                 not os.listdir(victim) and len(records(out, "src")) == 5,
                 "a symlink planted at OUT/NAME/removed is refused, not followed (#12)",
                 rep.get("error", "") + repr(os.listdir(victim)))
        os.remove(os.path.join(out, "src", "removed"))
        # a record file replaced by a symlink to a file outside OUT
        secret = os.path.join(tmp, "secret.ttl")
        write(secret, '<urn:secret> <urn:p> "PLANTED SECRET" .\n')
        rec = [f for f in records(out, "src") if f.startswith("dati.example.it_l2")][0]
        p = os.path.join(out, "src", rec)
        os.remove(p)
        os.symlink(secret, p)
        r = harvest(cfg, out)
        cat = open(os.path.join(out, "catalog.ttl"), encoding="utf-8").read()
        ck.check(r.returncode == 0 and "PLANTED SECRET" not in cat and not os.path.islink(p) and
                 open(secret).read().startswith("<urn:secret>"),
                 "a record file replaced by a symlink is rewritten, never read through",
                 r.stderr[-300:])
        # a symlink planted at the temporary name of catalog.ttl: the name
        # carries the writer's pid, so plant the next few hundred pids
        target = os.path.join(tmp, "tmp-target")
        write(target, "untouched\n")
        try:
            last = int(open("/proc/sys/kernel/ns_last_pid").read())
        except (OSError, ValueError):
            last = None
        if last is not None:
            planted = []
            for pid in range(last + 1, last + 400):
                lp = os.path.join(out, "catalog.ttl.tmp-%d" % pid)
                os.symlink(target, lp)
                planted.append(lp)
            site.ttl("/l.ttl", "".join(five[1:]) + ds("http://dati.example.it/l9", "c_a000:l9"))
            r = harvest(cfg, out)
            ck.check(r.returncode == 0 and open(target).read() == "untouched\n" and
                     not os.path.islink(os.path.join(out, "catalog.ttl")),
                     "a symlink at a temporary name is replaced, never written through",
                     r.stderr[-300:] + open(target).read()[:100])
            for lp in planted:
                if os.path.lexists(lp):
                    os.remove(lp)
        else:
            ck.check(False, "the next pids can be known (/proc/sys/kernel/ns_last_pid)")
        # the state file and the source directory
        st = os.path.join(out, "src", "state.json")
        shutil.copy(st, os.path.join(tmp, "state.copy"))
        os.remove(st)
        os.symlink(os.path.join(tmp, "state.copy"), st)
        r = harvest(cfg, out)
        ck.check(report(out, "src")["status"] == "failed" and
                 "not a regular file" in report(out, "src")["error"],
                 "a symlinked state.json fails the source", r.stderr[-300:])
        os.remove(st)
        shutil.copy(os.path.join(tmp, "state.copy"), st)
        moved = os.path.join(tmp, "elsewhere")
        os.rename(os.path.join(out, "src"), moved)
        os.symlink(moved, os.path.join(out, "src"))
        r = harvest(cfg, out)
        ck.check(r.returncode == 3 and "symbolic link" in r.stderr,
                 "a symlink at OUT/NAME stops the run", r.stderr[-300:])
    finally:
        site.stop()


# ---- #14 NUL in record identifiers ----

def test_nul_ids():
    site = Site()
    try:
        search = {"success": True, "result": {"count": 2, "results": [
            {"id": "a\u0000b", "name": "evil", "title": "Evil", "notes": "n"},
            {"id": "a", "name": "good", "title": "Good", "notes": "n"}]}}
        site.routes["/api/3/action/package_search"] = (
            200, {"Content-Type": "application/json"}, json.dumps(search))
        site.ttl("/nul.ttl", '[ a dcat:Dataset ; dct:identifier "x\\u0000y" ; dct:title "N"@it ] .\n'
                 '[ a dcat:Dataset ; dct:identifier "x" ; dct:title "X"@it ] .\n')
        cfg = os.path.join(tmp, "cfg-nul")
        out = os.path.join(tmp, "out-nul")
        write(os.path.join(cfg, "ck.yaml"), "type: ckan\nurl: %s\n" % site.base)
        write(os.path.join(cfg, "rdf.yaml"), "type: dcat\nurl: %s/nul.ttl\n" % site.base)
        r = harvest(cfg, out)
        rep = report(out, "ck")
        ck.check(rep["records"]["seen"] == 1 and rep["records"]["rejected"] == 1 and
                 rep["records"]["duplicates"] == 0 and
                 any("NUL" in w for w in rep["warnings"]),
                 "a CKAN id with U+0000 is an error of that record, not record 'a' (#14)",
                 json.dumps(rep["records"]) + json.dumps(rep["warnings"]))
        st = json.load(open(os.path.join(out, "ck", "state.json")))
        ck.check([v["id"] for v in st["records"].values()] == ["a"],
                 "the state holds 'a' alone", json.dumps(st["records"]))
        # raptor would cut "x\u0000y" to "x", the other record's identifier:
        # the reader refuses the escape, so the page fails with its line and
        # nothing of it is taken (or removed)
        rep = report(out, "rdf")
        ck.check(rep["status"] == "failed" and rep["records"]["seen"] == 0 and
                 "\\u0000" in rep.get("error", "") and
                 re.search(r"nul\.ttl':\d+:", rep.get("error", "")) and
                 not rep["removal"],
                 "a DCAT page with U+0000 in an identifier fails at its line, nothing taken",
                 json.dumps(rep)[:600])
        # a record id that would drive the terminal is shown, not obeyed
        esc = {"success": True, "result": {"count": 2, "results": [
            {"id": "a", "name": "good", "title": "Good", "notes": "n"},
            {"id": "z\u001b]0;pwned\u0007\u001b[2J", "name": "esc", "title": "E", "notes": "n"}]}}
        site.routes["/esc/api/3/action/package_search"] = (
            200, {"Content-Type": "application/json"}, json.dumps(esc))
        write(os.path.join(cfg, "esc.yaml"), "type: ckan\nurl: %s/esc\n" % site.base)
        harvest(cfg, out, "esc")
        esc["result"] = {"count": 1, "results": esc["result"]["results"][:1]}
        site.routes["/esc/api/3/action/package_search"] = (
            200, {"Content-Type": "application/json"}, json.dumps(esc))
        r = harvest(cfg, out, "esc")
        ck.check(report(out, "esc")["records"]["removed"] == 1 and "removed: z?]0;pwned??[2J"
                 in r.stdout and "\x1b" not in r.stdout + r.stderr,
                 "control characters of a source's ids are printed as '?'", repr(r.stdout[-300:]))
        # XML cannot carry U+0000: a CSW answer with &#0; in a fileIdentifier is
        # malformed, the source fails and nothing it had is removed
        xml = open(os.path.join(HERE, "..", "fuzz", "corpus", "csw",
                                "inspire-getrecords-response.xml"), encoding="utf-8").read()
        site.routes["/csw"] = (200, {"Content-Type": "application/xml"}, xml)
        write(os.path.join(cfg, "csw.yaml"), "type: csw\nurl: %s/csw\nmethod: GET\n"
              "limits:\n  max_pages: 1\n" % site.base)
        harvest(cfg, out, "csw")
        before = records(out, "csw")
        site.routes["/csw"] = (200, {"Content-Type": "application/xml"},
                               xml.replace("8dad9c98-0512", "8dad9c98&#0;-0512", 1))
        r = harvest(cfg, out, "csw")
        rep = report(out, "csw")
        ck.check(before and rep["status"] == "failed" and "xmlChar value 0" in rep["error"] and
                 records(out, "csw") == before and rep["records"]["removed"] == 0,
                 "a CSW fileIdentifier with &#0; fails the page cleanly, nothing removed",
                 rep.get("error", "") + repr(before))
    finally:
        site.stop()


def main():
    try:
        test_removal_guard()
        test_redirects()
        test_iri_claimed_twice()
        test_symlinks_in_out()
        test_nul_ids()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
