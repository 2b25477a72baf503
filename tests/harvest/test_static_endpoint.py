#!/usr/bin/env python3
"""The built catalogue as a static DCAT endpoint (issue 12): `dcatit build` of the bundled
catalogue into a directory served by a plain static file server on 127.0.0.1 (the one a
web server gives: files, Content-Type from the extension, nothing else), then harvested
with dcatit's own DCAT harvester, as dati.gov.it harvests it: catalog.rdf, catalog.ttl and
the hydra-paged page/1.rdf, 10 datasets of 10 each time, no error, every record valid.

usage: test_static_endpoint.py DCATIT SOURCE_ROOT"""

import functools
import http.server
import json
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

sys.dont_write_bytecode = True
DCATIT, ROOT = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="static-endpoint-")
passed = failed = 0


def check(cond, what, detail=""):
    global passed, failed
    if cond:
        passed += 1
        print("ok   %s" % what)
    else:
        failed += 1
        print("FAIL %s%s" % (what, (": " + detail) if detail else ""))


class Quiet(http.server.SimpleHTTPRequestHandler):
    # what a web server says for the files dcatit build writes
    extensions_map = dict(http.server.SimpleHTTPRequestHandler.extensions_map,
                          **{".ttl": "text/turtle", ".rdf": "application/rdf+xml",
                             ".jsonld": "application/ld+json", ".nt": "application/n-triples"})

    def log_message(self, *args):
        pass


def serve(directory):
    srv = http.server.ThreadingHTTPServer(
        ("127.0.0.1", 0), functools.partial(Quiet, directory=directory))
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv


def harvest(name, url, out):
    cfg = os.path.join(tmp, "sources-" + name)
    os.makedirs(cfg, exist_ok=True)
    with open(os.path.join(cfg, name + ".yaml"), "w", encoding="utf-8") as f:
        f.write("type: dcat\nurl: %s\nlimits:\n  max_pages: 10\n" % url)
    r = subprocess.run([DCATIT, "harvest", "-c", cfg, "-o", out], capture_output=True,
                       text=True, timeout=300)
    try:
        with open(os.path.join(out, name, "report.json"), encoding="utf-8") as f:
            rep = json.load(f)
    except (OSError, ValueError):
        rep = {}
    return r, rep


def main():
    cat = os.path.join(tmp, "catalog")
    shutil.copytree(os.path.join(ROOT, "catalog"), cat)
    site = os.path.join(tmp, "www")
    os.makedirs(site)
    srv = serve(site)
    base = "http://127.0.0.1:%d/dcatit" % srv.server_address[1]
    # published at BASE, as catalog/README.md says: the output directory is the site
    out = os.path.join(site, "dcatit")
    r = subprocess.run([DCATIT, "build", "-C", cat, "-o", out, "--base-uri", base,
                        "--page-size", "4"], capture_output=True, text=True, timeout=300)
    check(r.returncode == 0, "the bundled catalogue builds with pages of 4", r.stderr[-500:])
    pages = sorted(os.listdir(os.path.join(out, "page"))) if os.path.isdir(
        os.path.join(out, "page")) else []
    check("1.rdf" in pages and "3.rdf" in pages and "4.rdf" not in pages,
          "three pages of 4, 4 and 2 datasets", str(pages))
    for name, url in (("whole-rdf", base + "/catalog.rdf"), ("whole-ttl", base + "/catalog.ttl"),
                      ("whole-jsonld", base + "/catalog.jsonld"),
                      ("paged-rdf", base + "/page/1.rdf"), ("paged-ttl", base + "/page/1.ttl")):
        o = os.path.join(tmp, "out-" + name)
        r, rep = harvest(name, url, o)
        rec = rep.get("records", {})
        records = [f for f in os.listdir(os.path.join(o, name)) if f.endswith(".ttl")] \
            if os.path.isdir(os.path.join(o, name)) else []
        ok = (r.returncode == 0 and rep.get("status") == "ok" and rec.get("seen") == 10 and
              rec.get("new") == 10 and len(records) == 10 and not rec.get("invalid") and
              not rec.get("rejected") and not rec.get("duplicates") and not rep.get("invalid")
              and not rep.get("warnings"))
        check(ok, "%s: 10 of 10 datasets harvested over HTTP, no error, none invalid" % name,
              "rc %d %s %s" % (r.returncode, json.dumps(rep)[:600], r.stderr[-600:]))
        want_pages = 3 if name.startswith("paged") else 1
        check(rep.get("pages") == want_pages,
              "%s: %d page%s read%s" % (name, want_pages, "s" if want_pages > 1 else "",
                                       " (hydra:next followed)" if want_pages > 1 else ""),
              str(rep.get("pages")))
    srv.shutdown()
    shutil.rmtree(tmp, ignore_errors=True)
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed or not passed else 0


if __name__ == "__main__":
    sys.exit(main())
