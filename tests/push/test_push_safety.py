#!/usr/bin/env python3
"""What dcatit push must never do (reliability-probe-2, issue 9), against the
CKAN test server on 127.0.0.1:
- #1 upload a local file nobody opted in to: a file: URL (download or access
  URL, any case) fails its dataset and nothing is uploaded, also when the
  catalogue comes from `dcatit harvest` of a remote source; under --upload a
  symlink leading out of DIR (file or directory) and a FIFO are refused;
- #5 delete what is not this catalogue's, or too much: --prune deletes only
  packages whose marker names this catalogue and whose owner is the
  organization (also when the portal's search ignores fq), never those of an
  older marker or of another catalogue, and at most 20% (--max-removal) of
  the managed packages unless --allow-mass-removal; --dry-run shows the same
  decision;
- #17 publish a catalogue that fails validation (unless --no-validate);
- queue a request per 1,000 packages a portal announces (a count of 10^12
  would be 10^9 requests): an implausible count stops the push.
Usage: test_push_safety.py DCATIT PUSH_DRIVER"""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import http.server

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ckan"))
import ckantest  # noqa: E402

TOKEN = "safety-secret-51c0ffee"
GEN = os.path.join(HERE, "gen_catalog.py")
ORG = "comune-prova"
CATALOG = "https://dati.example.it/catalog"
SECRET = "TOP-SECRET-4f1e9d"

ck = ckantest.Checker()
tmp = tempfile.mkdtemp(prefix="push-safety-")


DCATIT = sys.argv[1]
PUSH = ckantest.push_command(sys.argv[1], sys.argv[2])


def push(srv, *args, timeout=60):
    env = dict(os.environ, CKAN_API_TOKEN=TOKEN)
    cmd = PUSH + ["--ckan", srv.site, "--org", ORG] + list(args)
    try:
        return subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return subprocess.CompletedProcess(cmd, -1, "", "TIMEOUT after %d s" % timeout)


def gen(n, name):
    path = os.path.join(tmp, name)
    subprocess.run([sys.executable, GEN, str(n), path], check=True)
    return path


def summary(r):
    for line in r.stdout.splitlines():
        if "created" in line and line.endswith("failed") or line.startswith("dry run:"):
            return line
    return ""


def packages(srv, active=True):
    return [p for p in srv.control("dump")["packages"]
            if not active or p["state"] == "active"]


def extras(p):
    return {e["key"]: e["value"] for e in p.get("extras", [])}


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix ft: <http://publications.europa.eu/resource/authority/file-type/> .
@prefix lic: <https://w3id.org/italia/controlled-vocabulary/licences/> .
"""


def dataset(name, dists):
    """A valid dataset with the given (download URL, access URL) pairs."""
    iri = "https://dati.example.it/dataset/%s" % name
    text = """
<%(iri)s> a dcat:Dataset, dcatapit:Dataset ;
  dct:identifier "c_a000:%(n)s" ; dct:title "Dataset %(n)s"@it ; dct:description "d"@it ;
  dct:modified "2024-01-01"^^xsd:date ;
  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/ANNUAL> ;
  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/ECON> ;
  dct:publisher [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune"@it ; dct:identifier "c_a000" ] ;
  dct:rightsHolder [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune"@it ; dct:identifier "c_a000" ] ;
  dcat:distribution %(dl)s .
""" % {"iri": iri, "n": name, "dl": ", ".join("<%s/d%d>" % (iri, k) for k in range(len(dists)))}
    for k, (dl, acc) in enumerate(dists):
        text += """<%s/d%d> a dcat:Distribution, dcatapit:Distribution ; dct:title "D%d"@it ;
  dcat:accessURL <%s> ; %s dct:format ft:CSV ; dct:license lic:A21_CCBY40 .
""" % (iri, k, k, acc, "dcat:downloadURL <%s> ;" % dl if dl else "")
    return iri, text


def catalogue(path, datasets):
    iris, body = [], ""
    for name, dists in datasets:
        iri, text = dataset(name, dists)
        iris.append("<%s>" % iri)
        body += text
    write(path, PREFIXES + """
<%s> a dcat:Catalog, dcatapit:Catalog ; dct:title "Catalogo"@it ;
  dct:description "Prova."@it ; dct:modified "2024-01-01"^^xsd:date ;
  dct:publisher [ a dcatapit:Agent, foaf:Agent ; foaf:name "Comune"@it ; dct:identifier "c_a000" ] ;
  dcat:dataset %s .
""" % (CATALOG, ", ".join(iris)) + body)
    return path


def uploaded(srv):
    """Resources stored as uploads, over every package."""
    return [r for p in packages(srv, active=False) for r in p["resources"]
            if r.get("url_type") == "upload"]


def test_file_urls():
    """#1: a file: URL is never uploaded, never linked: its dataset fails."""
    secret = os.path.join(tmp, "secret.txt")
    write(secret, SECRET + "\n")
    cat = catalogue(os.path.join(tmp, "file-urls.ttl"), [
        ("download", [("file://" + secret, "https://dati.example.it/a")]),
        ("access", [(None, "file://" + secret)]),
        ("upper", [("FILE://" + secret, "https://dati.example.it/b")]),
        ("fine", [(None, "https://files.example.it/x.csv")]),
    ])
    with ckantest.Server(token=TOKEN) as srv:
        r = push(srv, cat)
        names = {p["name"] for p in packages(srv)}
        failed = [l for l in r.stderr.splitlines() if "is a local file" in l]
        ck.check(r.returncode == 1 and summary(r).startswith("1 created") and
                 summary(r).endswith("3 failed") and names == {"c_a000-fine"},
                 "a dataset with a file: URL (download, access, FILE://) fails; the rest goes "
                 "on; exit 1", "rc %d %s %s %s" % (r.returncode, summary(r), names, r.stderr))
        ck.check(len(failed) == 3 and all("--upload" in l for l in failed) and
                 any("c_a000:download" in l for l in failed),
                 "each is reported with its identifier and the way to upload on purpose",
                 r.stderr)
        ck.check(not uploaded(srv) and SECRET not in json.dumps(srv.control("dump")),
                 "nothing was uploaded: the secret is nowhere on the portal")


class Files(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *a):
        pass


def test_harvest_then_push():
    """#1 through harvest: a remote source names a local file; the harvested
    catalogue carries the IRI, and push refuses it."""
    secret = os.path.join(tmp, "harvest-secret.txt")
    write(secret, SECRET + "\n")
    www = os.path.join(tmp, "www")
    iri, text = dataset("remote", [("file://" + secret, "https://remote.example/x")])
    write(os.path.join(www, "evil.ttl"), PREFIXES + text)
    handler = lambda *a, **kw: Files(*a, directory=www, **kw)  # noqa: E731
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        cfg = os.path.join(tmp, "cfg-chain")
        write(os.path.join(cfg, "remote.yaml"), "type: dcat\nurl: http://127.0.0.1:%d/evil.ttl\n"
              % httpd.server_address[1])
        out = os.path.join(tmp, "harvested")
        h = subprocess.run([DCATIT, "harvest", "-c", cfg, "-o", out, "--no-validate"],
                           capture_output=True, text=True, timeout=120)
        cat = os.path.join(out, "catalog.ttl")
        ck.check(h.returncode == 0 and os.path.exists(cat) and
                 ("file://" + secret) in open(cat, encoding="utf-8").read(),
                 "the harvested catalogue carries the remote source's file: IRI", h.stderr)
    finally:
        httpd.shutdown()
    with ckantest.Server(token=TOKEN) as srv:
        r = push(srv, "--no-validate", cat)
        ck.check(r.returncode == 1 and "is a local file" in r.stderr and
                 "c_a000:remote" in r.stderr and not uploaded(srv) and
                 SECRET not in json.dumps(srv.control("dump")),
                 "harvest -> push: the dataset fails, the local file is not uploaded",
                 r.stdout + r.stderr)


def test_upload_dir_checks():
    """--upload: only regular files whose real path stays inside DIR."""
    up = os.path.join(tmp, "up")
    os.makedirs(up)
    write(os.path.join(up, "ok.csv"), "a,b\n1,2\n")
    outside = os.path.join(tmp, "outside.csv")
    write(outside, SECRET + "\n")
    os.symlink(outside, os.path.join(up, "link.csv"))
    os.symlink("ok.csv", os.path.join(up, "inner.csv"))  # stays inside: fine
    os.mkfifo(os.path.join(up, "fifo.csv"))
    os.symlink("..", os.path.join(up, "parent"))  # a directory leading out
    base = "https://files.example.it/pub/"
    cat = catalogue(os.path.join(tmp, "upload-dir.ttl"), [
        ("regular", [(base + "ok.csv", base + "ok.csv")]),
        ("inner", [(base + "inner.csv", base + "inner.csv")]),
        ("symlink", [(base + "link.csv", base + "link.csv")]),
        ("fifo", [(base + "fifo.csv", base + "fifo.csv")]),
        ("dirlink", [(base + "parent/outside.csv", base + "x")]),
    ])
    with ckantest.Server(token=TOKEN) as srv:
        r = push(srv, "--upload", base + "=" + up, cat)
        names = {p["name"] for p in packages(srv)}
        err = r.stderr
        ck.check(r.returncode == 1 and names == {"c_a000-regular", "c_a000-inner"} and
                 len(uploaded(srv)) == 2,
                 "a regular file under DIR (also through a symlink that stays inside) is "
                 "uploaded", "rc %d %s %s" % (r.returncode, names, err))
        ck.check("c_a000:symlink" in err and "leads outside" in err and
                 "c_a000:dirlink" in err and "c_a000:fifo" in err and
                 "not a regular file" in err and SECRET not in json.dumps(srv.control("dump")),
                 "a symlink out of DIR, or through a directory symlink, is refused, a FIFO too "
                 "(no hang), "
                 "nothing of them uploaded", err)
        r = push(srv, "--upload", base + "=" + os.path.join(tmp, "no-such-dir"), cat)
        ck.check(r.returncode == 2 and "not a directory" in r.stderr,
                 "--upload with a DIR that is not a directory is a usage error", r.stderr)


def test_validate_first():
    """#17: violations stop the push, located; --no-validate pushes."""
    cat = gen(3, "valid3.ttl")
    text = open(cat, encoding="utf-8").read()
    bad = os.path.join(tmp, "invalid3.ttl")
    write(bad, text.replace('dct:modified "2024-02-15"^^xsd:date ;', "", 1))
    with ckantest.Server(token=TOKEN) as srv:
        r = push(srv, bad)
        st = srv.control("stats")
        ck.check(r.returncode == 1 and st["writes"] == 0 and "nothing pushed" in r.stderr and
                 "invalid3.ttl:" in r.stderr and "dct:modified" in r.stderr,
                 "a catalogue with a violation is not pushed; the violation is printed with "
                 "file:line", "rc %d writes %d %s" % (r.returncode, st["writes"], r.stderr))
        r = push(srv, "--dry-run", bad)
        ck.check(r.returncode == 1 and "nothing pushed" in r.stderr,
                 "the dry run validates too", r.stderr)
        r = push(srv, "--no-validate", bad)
        ck.check("3 created" in summary(r) or "2 created" in summary(r),
                 "--no-validate pushes it anyway", r.stdout + r.stderr)


def test_prune():
    """#5: the marker names the catalogue; the owner is checked; a share."""
    with ckantest.Server(token=TOKEN) as srv:
        r = push(srv, gen(10, "g10.ttl"))
        pk = packages(srv)
        ck.check(r.returncode == 0 and len(pk) == 10 and
                 all(extras(p).get("dcatit_catalog") == CATALOG for p in pk),
                 "every package pushed records the catalogue IRI in its marker",
                 r.stderr + json.dumps([extras(p) for p in pk][:1]))
        c = srv.client()
        org_id = pk[0]["owner_org"]
        base = {k: pk[0][k] for k in ("title", "notes", "modified", "frequency",
                                       "themes_aggregate")}
        legacy = dict(base, name="hand-made-copy", owner_org=ORG, identifier="c_a000:hand",
                      extras=[{"key": "dcatit_managed", "value": "true"},
                              {"key": "dcatit_hash", "value": "h1-0"}])
        other = dict(base, name="other-catalogue", owner_org=ORG, identifier="c_a000:other",
                     extras=[{"key": "dcatit_managed", "value": "true"},
                             {"key": "dcatit_catalog", "value": "https://other.example/catalog"}])
        c.action("organization_create", {"name": "other-org", "title": "o",
                                         "identifier": "c_o000"}, token=TOKEN)
        elsewhere = dict(base, name="elsewhere", owner_org="other-org", identifier="c_a000:away",
                         extras=[{"key": "dcatit_managed", "value": "true"},
                                 {"key": "dcatit_catalog", "value": CATALOG}])
        for p in (legacy, other, elsewhere):
            resp = c.action("package_create", p, token=TOKEN)
            assert resp.status == 200, resp.body
        c.close()

        one = gen(1, "g1.ttl")  # the per-dataset file given by mistake
        s0 = srv.control("stats")["writes"]
        r = push(srv, "--prune", "--dry-run", one)
        ck.check(r.returncode == 1 and srv.control("stats")["writes"] == s0 and
                 r.stdout.count("[not deleted: --prune refused]") == 9 and
                 "--prune refused" in r.stderr and "9 of the 10" in r.stderr,
                 "--dry-run shows the 9 deletions and that the guard would refuse them",
                 r.stdout + r.stderr)
        r = push(srv, "--prune", one)
        names = {p["name"] for p in packages(srv)}
        ck.check(r.returncode == 1 and summary(r).startswith("0 created, 0 updated, 1 unchanged, "
                                                            "0 deleted") and
                 len(names) == 13 and "--allow-mass-removal" in r.stderr,
                 "a push --prune of 1 dataset of 10 deletes nothing and exits 1 (#5)",
                 "rc %d %s %s" % (r.returncode, summary(r), r.stderr))
        ck.check("older version" in r.stderr and "1 package(s)" in r.stderr,
                 "the packages of the old marker are named as never pruned", r.stderr)
        r = push(srv, "--prune", gen(8, "g8.ttl"))
        names = {p["name"] for p in packages(srv)}
        ck.check(r.returncode == 0 and summary(r).endswith("2 deleted, 0 failed") and
                 {"hand-made-copy", "other-catalogue"} <= names,
                 "2 of 10 (20%) are deleted; the old marker's and another catalogue's "
                 "packages stay", summary(r) + r.stderr)
        r = push(srv, "--prune", "--max-removal", "50", gen(5, "g5.ttl"))
        ck.check(r.returncode == 0 and summary(r).endswith("3 deleted, 0 failed"),
                 "--max-removal 50 lets 3 of 8 go", summary(r) + r.stderr)
        srv.control("faults", {"reset": True, "ignore_fq": True})
        r = push(srv, "--prune", "--allow-mass-removal", one)
        srv.control("faults", {"reset": True})
        names = {p["name"] for p in packages(srv)}
        ck.check(r.returncode == 0 and summary(r).endswith("4 deleted, 0 failed") and
                 {"hand-made-copy", "other-catalogue", "elsewhere", "c_a000-gen-00000"} == names,
                 "--allow-mass-removal deletes the 4 left, and even when the search ignores "
                 "fq nothing of another organization or catalogue is touched",
                 summary(r) + " " + " ".join(sorted(names)) + r.stderr)


class Liar(http.server.BaseHTTPRequestHandler):
    """A portal whose organization announces 10^12 packages."""
    protocol_version = "HTTP/1.1"
    requests = 0

    def log_message(self, *a):
        pass

    def do_GET(self):
        Liar.requests += 1
        if "organization_show" in self.path:
            result = {"id": "org-id", "name": ORG}
        else:
            result = {"count": 10 ** 12, "results": []}
        body = json.dumps({"success": True, "result": result}).encode()
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


def test_implausible_count():
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Liar)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        srv = type("S", (), {"site": "http://127.0.0.1:%d" % httpd.server_address[1]})
        r = push(srv, "--dry-run", gen(1, "one.ttl"), timeout=60)
        ck.check(r.returncode == 3 and "more than dcatit lists" in r.stderr and
                 Liar.requests <= 3,
                 "a count of 10^12 packages stops the push after %d requests" % Liar.requests,
                 "rc %d %s" % (r.returncode, r.stderr[-300:]))
    finally:
        httpd.shutdown()


def main():
    try:
        test_implausible_count()
        test_file_urls()
        test_harvest_then_push()
        test_upload_dir_checks()
        test_validate_first()
        test_prune()
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
