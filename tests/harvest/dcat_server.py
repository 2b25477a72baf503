#!/usr/bin/env python3
"""A DCAT fixture server for the harvest tests (Python stdlib, 127.0.0.1 only).

  dcat_server.py --port-file F [--data DIR]

Routes:
  /hydra/N.ttl     12 pages of 5 datasets linked by hydra next/nextPage; page 12
                   links back to page 5 (a cycle), page 7 is served as text/plain,
                   page 4 is RDF/XML, page 9 is RDF/XML served as text/turtle (a lie),
                   page 3 repeats a dataset of page 2; next links are literals,
                   IRIs, relative (one with ../ and ./ segments, RFC 3986 §5.2)
                   and the deprecated nextPage
  /chain/N.ttl     3 clean pages with ETag and Last-Modified (304 on a match);
                   POST /_ctl {"chain_drop": [...], "chain_title": {...}} edits them
  /endless/N       a hydra chain that never ends
  /file/NAME?ct=T  a file of --data served with Content-Type T
  hostile routes, which serve a small valid page until POST /_ctl {"hostile": true}:
  /huge-length     announces Content-Length 2 GiB, then streams
  /huge-chunked    streams Turtle comments without end, no length
  /never-ending    one byte every 200 ms, forever
  /gzip-bomb       64 MiB of Turtle comments gzip-compressed to ~64 KiB
  /bad-utf8        Turtle with invalid UTF-8 in a literal
  /billion-laughs  RDF/XML with nested entities (10^9 "lol"s when expanded)
  /html-200        an HTML error page with status 200
  /html-as-plain   an HTML page served as text/plain
  /_stats          GET: requests per path and 304s
"""

import argparse
import gzip
import hashlib
import json
import os
import sys
import threading
import time
import urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

PREFIXES = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix hydra: <http://www.w3.org/ns/hydra/core#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
"""

STATE = {"hostile": False, "chain_drop": [], "chain_title": {}}
STATS = {"paths": {}, "not_modified": 0}
LOCK = threading.Lock()
DATA_DIR = "."
BOMB = b""


def dataset_ttl(iri, ident, title, untyped_agent=False):
    agent = ("[ foaf:name \"Comune di Prova\" ; dct:identifier \"c_a000\" ]" if untyped_agent else
             "[ a foaf:Agent, dcatapit:Agent ; foaf:name \"Comune di Prova\" ; "
             "dct:identifier \"c_a000\" ]")
    return ("<%s> a dcat:Dataset, dcatapit:Dataset ;\n"
            "  dct:identifier \"%s\" ;\n  dct:title \"%s\"@it ;\n"
            "  dct:description \"Descrizione di %s\"@it ;\n"
            "  dct:modified \"2024-03-01\"^^xsd:date ;\n"
            "  dct:publisher %s ;\n"
            "  dcat:distribution <%s/csv> .\n"
            "<%s/csv> a dcat:Distribution, dcatapit:Distribution ;\n"
            "  dcat:accessURL <%s/data.csv> .\n") % (iri, ident, title, title, agent, iri, iri, iri)


def hydra_ttl(n):
    base = "http://dati.example.it/dataset/"
    body = [PREFIXES, "<http://dati.example.it/catalog> a dcat:Catalog .\n"]
    for k in range(1, 6):
        iri = "%sp%d-%d" % (base, n, k)
        body.append("<http://dati.example.it/catalog> dcat:dataset <%s> .\n" % iri)
        body.append(dataset_ttl(iri, "c_a000:p%d-%d" % (n, k), "Pagina %d dataset %d" % (n, k),
                                untyped_agent=(k == 1)))
    if n == 3:
        body.append(dataset_ttl(base + "p2-1", "c_a000:p2-1", "Pagina 2 dataset 1", True))
    nxt = n + 1 if n < 12 else 5
    page = "/hydra/%d.ttl" % n
    if n <= 6:
        link = "hydra:next \"http://{host}/hydra/%d.ttl\"" % nxt      # a literal, as ckanext-dcat
    elif n == 10:
        link = "hydra:nextPage <http://{host}/hydra/%d.ttl>" % nxt   # the deprecated predicate
    elif n == 8:
        link = "hydra:next \"../hydra/./%d.ttl\"" % nxt               # relative, dot segments
    elif n == 11:
        link = "hydra:next \"/hydra/%d.ttl\"" % nxt                   # relative
    else:
        link = "hydra:next <http://{host}/hydra/%d.ttl>" % nxt
    body.append("<http://{host}%s> a hydra:PagedCollection ; hydra:totalItems 60 ; %s .\n"
                % (page, link))
    return "".join(body)


def ttl_to_rdfxml(n, host):
    """Page n as RDF/XML (written by hand: the server has no RDF library)."""
    base = "http://dati.example.it/dataset/"
    out = ['<?xml version="1.0" encoding="utf-8"?>\n<rdf:RDF '
           'xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
           'xmlns:dcat="http://www.w3.org/ns/dcat#" xmlns:dct="http://purl.org/dc/terms/" '
           'xmlns:foaf="http://xmlns.com/foaf/0.1/" '
           'xmlns:hydra="http://www.w3.org/ns/hydra/core#">\n']
    for k in range(1, 6):
        iri = "%sp%d-%d" % (base, n, k)
        out.append('<dcat:Dataset rdf:about="%s"><dct:identifier>c_a000:p%d-%d</dct:identifier>'
                   '<dct:title xml:lang="it">Pagina %d dataset %d</dct:title>'
                   '<dct:publisher><foaf:Agent><foaf:name>Comune di Prova</foaf:name>'
                   '</foaf:Agent></dct:publisher>'
                   '<dcat:distribution><dcat:Distribution rdf:about="%s/csv">'
                   '<dcat:accessURL rdf:resource="%s/data.csv"/></dcat:Distribution>'
                   '</dcat:distribution></dcat:Dataset>\n' % (iri, n, k, n, k, iri, iri))
    out.append('<hydra:PagedCollection rdf:about="http://%s/hydra/%d.ttl">'
               '<hydra:next>http://%s/hydra/%d.ttl</hydra:next></hydra:PagedCollection>\n'
               % (host, n, host, n + 1))
    out.append('</rdf:RDF>\n')
    return "".join(out)


def chain_ttl(n, host):
    body = [PREFIXES]
    for k in range(1, 4):
        ident = "c%d-%d" % (n, k)
        if ident in STATE["chain_drop"]:
            continue
        title = STATE["chain_title"].get(ident, "Catena %s" % ident)
        body.append(dataset_ttl("http://dati.example.it/chain/%s" % ident, "c_a000:" + ident,
                                title))
    if n < 3:
        body.append("<http://%s/chain/%d.ttl> a hydra:PartialCollectionView ; "
                    "hydra:next <http://%s/chain/%d.ttl> .\n" % (host, n, host, n + 1))
    return "".join(body)


def small_page(name):
    body = [PREFIXES]
    for k in (1, 2):
        body.append(dataset_ttl("http://dati.example.it/%s/%d" % (name, k),
                                "c_a000:%s-%d" % (name, k), "%s %d" % (name, k)))
    return "".join(body)


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, *args):
        pass

    def send_body(self, status, ctype, body, extra=None):
        if isinstance(body, str):
            body = body.encode("utf-8")
        self.send_response(status)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def stream(self, headers, chunk, delay=0.0):
        self.send_response(200)
        for k, v in headers.items():
            self.send_header(k, v)
        self.send_header("Connection", "close")
        self.end_headers()
        self.close_connection = True
        try:
            while True:
                self.wfile.write(chunk)
                self.wfile.flush()
                if delay:
                    time.sleep(delay)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass

    def do_POST(self):
        n = int(self.headers.get("Content-Length") or 0)
        data = json.loads(self.rfile.read(n) or b"{}")
        if self.path == "/_ctl":
            with LOCK:
                STATE.update(data)
            self.send_body(200, "application/json", json.dumps(STATE))
        else:
            self.send_body(404, "text/plain", "not found\n")

    def do_GET(self):
        url = urllib.parse.urlsplit(self.path)
        path = url.path
        host = self.headers.get("Host", "127.0.0.1")
        with LOCK:
            STATS["paths"][path] = STATS["paths"].get(path, 0) + 1
        if path == "/_stats":
            return self.send_body(200, "application/json", json.dumps(STATS))
        parts = path.strip("/").split("/")
        if parts[0] == "hydra" and len(parts) == 2:
            n = int(parts[1].split(".")[0])
            if not 1 <= n <= 12:
                return self.send_body(404, "text/html", "<html><title>404</title></html>")
            if n == 4:
                return self.send_body(200, "application/rdf+xml", ttl_to_rdfxml(4, host))
            if n == 9:
                return self.send_body(200, "text/turtle", ttl_to_rdfxml(9, host))
            ctype = "text/plain; charset=utf-8" if n == 7 else "text/turtle"
            return self.send_body(200, ctype, hydra_ttl(n).replace("{host}", host))
        if parts[0] == "chain" and len(parts) == 2:
            n = int(parts[1].split(".")[0])
            body = chain_ttl(n, host).encode("utf-8")
            etag = '"%s"' % hashlib.sha256(body).hexdigest()[:16]
            if self.headers.get("If-None-Match") == etag:
                with LOCK:
                    STATS["not_modified"] += 1
                self.send_response(304)
                self.send_header("ETag", etag)
                self.send_header("Content-Length", "0")
                self.end_headers()
                return
            return self.send_body(200, "text/turtle", body,
                                  {"ETag": etag,
                                   "Last-Modified": "Mon, 04 Mar 2024 10:00:00 GMT"})
        if parts[0] == "endless" and len(parts) == 2:
            n = int(parts[1])
            body = (PREFIXES + dataset_ttl("http://dati.example.it/endless/%d" % n,
                                           "c_a000:e%d" % n, "Senza fine %d" % n) +
                    "<http://%s/endless/%d> a hydra:PagedCollection ; "
                    "hydra:next <http://%s/endless/%d> .\n" % (host, n, host, n + 1))
            return self.send_body(200, "text/turtle", body)
        if parts[0] == "file" and len(parts) == 2:
            q = urllib.parse.parse_qs(url.query)
            fp = os.path.join(DATA_DIR, os.path.basename(parts[1]))
            if not os.path.isfile(fp):
                return self.send_body(404, "text/plain", "no such file\n")
            with open(fp, "rb") as f:
                body = f.read()
            return self.send_body(200, q.get("ct", ["text/turtle"])[0], body)
        name = parts[0]
        hostile = {"huge-length", "huge-chunked", "never-ending", "gzip-bomb", "bad-utf8",
                   "html-200", "html-as-plain", "billion-laughs"}
        if name in hostile and not STATE["hostile"]:
            return self.send_body(200, "text/turtle", small_page(name))
        if name == "huge-length":
            self.send_response(200)
            self.send_header("Content-Type", "text/turtle")
            self.send_header("Content-Length", str(2 * 1024 ** 3))
            self.end_headers()
            try:
                chunk = b"# " + b"x" * 65533 + b"\n"
                while True:
                    self.wfile.write(chunk)
            except (BrokenPipeError, ConnectionResetError, OSError):
                pass
            self.close_connection = True
            return
        if name == "huge-chunked":
            return self.stream({"Content-Type": "text/turtle"}, b"# " + b"y" * 65533 + b"\n")
        if name == "never-ending":
            return self.stream({"Content-Type": "text/turtle"}, b"#", delay=0.2)
        if name == "gzip-bomb":
            return self.send_body(200, "text/turtle", BOMB, {"Content-Encoding": "gzip"})
        if name == "bad-utf8":
            body = (PREFIXES.encode() +
                    b"<http://dati.example.it/x> a dcat:Dataset ; dct:title \"caf\xe9 \xff\xfe\"@it .\n")
            return self.send_body(200, "text/turtle", body)
        if name == "billion-laughs":
            lol = ['<?xml version="1.0"?>\n<!DOCTYPE rdf:RDF [\n<!ENTITY lol0 "lol">\n']
            for i in range(1, 10):
                lol.append('<!ENTITY lol%d "%s">\n' % (i, ("&lol%d;" % (i - 1)) * 10))
            lol.append(']>\n<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" '
                       'xmlns:dct="http://purl.org/dc/terms/" '
                       'xmlns:dcat="http://www.w3.org/ns/dcat#">\n'
                       '<dcat:Dataset rdf:about="http://dati.example.it/lol">'
                       '<dct:title>&lol9;</dct:title></dcat:Dataset>\n</rdf:RDF>\n')
            return self.send_body(200, "application/rdf+xml", "".join(lol))
        if name == "html-200":
            return self.send_body(200, "text/html; charset=utf-8",
                                  "<!DOCTYPE html>\n<html><head><title>Servizio non disponibile"
                                  "</title></head><body><h1>Errore</h1></body></html>\n")
        if name == "html-as-plain":
            return self.send_body(200, "text/plain",
                                  "\n  <html><head><title>Portal maintenance</title></head>"
                                  "<body>back soon</body></html>\n")
        return self.send_body(404, "text/html", "<html><title>Not Found</title></html>")


class Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        # clients that hang up on the hostile routes are the point of them
        exc = sys.exc_info()[1]
        if not isinstance(exc, (ConnectionError, BrokenPipeError, TimeoutError)):
            super().handle_error(request, client_address)


def main():
    global DATA_DIR, BOMB
    ap = argparse.ArgumentParser()
    ap.add_argument("--port", type=int, default=0)
    ap.add_argument("--port-file", required=True)
    ap.add_argument("--data", default=os.path.join(os.path.dirname(os.path.abspath(__file__)),
                                                   "data"))
    a = ap.parse_args()
    DATA_DIR = a.data
    line = b"# " + b"z" * 1021 + b"\n"
    BOMB = gzip.compress(line * (64 * 1024), compresslevel=9)
    srv = Server(("127.0.0.1", a.port), Handler)
    tmp = a.port_file + ".tmp"
    with open(tmp, "w") as f:
        f.write(str(srv.server_address[1]))
    os.replace(tmp, a.port_file)
    try:
        srv.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    sys.exit(main())
