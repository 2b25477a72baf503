#!/usr/bin/env python3
"""CSW 2.0.2 fixture server for the src_csw tests, on 127.0.0.1 only.

Serves GetRecords (POST XML body or GET KVP) paging over the ISO 19139
records found in the data directory, checks that each request asks for
outputSchema gmd and ElementSetName full, and offers hostile answers under
other paths:
  /csw        normal paging (startPosition / maxRecords / nextRecord)
  /bomb       billion laughs entity expansion
  /xxe        external entity pointing to file:///etc/passwd
  /exception  ows:ExceptionReport
  /html       an HTML page with status 200
  /loop       nextRecord goes back to an earlier page
  /endless    nextRecord always one further, numberOfRecordsMatched huge
  /bad        malformed XML
Prints "PORT <n>" on stdout once listening. Every request is appended to
the log file given as second argument as "METHOD PATH START".
Usage: csw_server.py DATA_DIR LOG_FILE"""

import os
import re
import sys
import threading
import urllib.parse
import xml.etree.ElementTree as ET
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

GMD = "http://www.isotc211.org/2005/gmd"
CSW = "http://www.opengis.net/cat/csw/2.0.2"
NS = {"gmd": GMD, "gco": "http://www.isotc211.org/2005/gco",
      "gmx": "http://www.isotc211.org/2005/gmx", "gml": "http://www.opengis.net/gml",
      "srv": "http://www.isotc211.org/2005/srv", "xlink": "http://www.w3.org/1999/xlink",
      "gmi": "http://www.isotc211.org/2005/gmi", "csw": CSW,
      "xsi": "http://www.w3.org/2001/XMLSchema-instance"}
for p, u in NS.items():
    ET.register_namespace(p, u)

# files whose records are served (bare records and CSW responses)
SKIP = {"error_bad_xml.xml"}


def load_records(data):
    recs = []
    for name in sorted(os.listdir(data)):
        if not name.endswith(".xml") or name in SKIP:
            continue
        root = ET.parse(os.path.join(data, name)).getroot()
        found = [root] if root.tag.endswith("}MD_Metadata") else \
            [e for e in root.iter() if e.tag.endswith("}MD_Metadata")]
        for e in found:
            recs.append(ET.tostring(e, encoding="unicode"))
    return recs


def response(recs, matched, start, nxt):
    body = "".join(recs)
    return ('<?xml version="1.0" encoding="UTF-8"?>\n'
            f'<csw:GetRecordsResponse xmlns:csw="{CSW}" version="2.0.2">'
            '<csw:SearchStatus timestamp="2026-01-01T00:00:00Z"/>'
            f'<csw:SearchResults numberOfRecordsMatched="{matched}" '
            f'numberOfRecordsReturned="{len(recs)}" elementSet="full" '
            f'nextRecord="{nxt}">{body}</csw:SearchResults>'
            '</csw:GetRecordsResponse>\n')


BOMB = ('<?xml version="1.0"?>\n<!DOCTYPE lolz [\n <!ENTITY lol "lol">\n' +
        "".join(f' <!ENTITY lol{i} "{("&lol%s;" % (i - 1 if i > 1 else "")) * 10}">\n'
                for i in range(1, 10)) +
        ']>\n<csw:GetRecordsResponse xmlns:csw="%s"><csw:SearchResults '
        'numberOfRecordsMatched="1" numberOfRecordsReturned="1" nextRecord="0">'
        '<gmd:MD_Metadata xmlns:gmd="%s"><gmd:fileIdentifier>&lol9;'
        '</gmd:fileIdentifier></gmd:MD_Metadata></csw:SearchResults>'
        '</csw:GetRecordsResponse>\n') % (CSW, GMD)

XXE = ('<?xml version="1.0"?>\n'
       '<!DOCTYPE r [ <!ENTITY xxe SYSTEM "file:///etc/passwd"> ]>\n'
       '<csw:GetRecordsResponse xmlns:csw="%s"><csw:SearchResults '
       'numberOfRecordsMatched="1" numberOfRecordsReturned="1" nextRecord="0">'
       '<gmd:MD_Metadata xmlns:gmd="%s" xmlns:gco="http://www.isotc211.org/2005/gco">'
       '<gmd:fileIdentifier><gco:CharacterString>xxe-1</gco:CharacterString>'
       '</gmd:fileIdentifier><gmd:identificationInfo><gmd:MD_DataIdentification>'
       '<gmd:citation><gmd:CI_Citation><gmd:title><gco:CharacterString>&xxe;'
       '</gco:CharacterString></gmd:title></gmd:CI_Citation></gmd:citation>'
       '</gmd:MD_DataIdentification></gmd:identificationInfo></gmd:MD_Metadata>'
       '</csw:SearchResults></csw:GetRecordsResponse>\n') % (CSW, GMD)

EXCEPTION = ('<?xml version="1.0" encoding="UTF-8"?>\n'
             '<ows:ExceptionReport xmlns:ows="http://www.opengis.net/ows" version="1.2.0">\n'
             '  <ows:Exception exceptionCode="InvalidParameterValue" locator="outputSchema">\n'
             '    <ows:ExceptionText>outputSchema not supported</ows:ExceptionText>\n'
             '  </ows:Exception>\n</ows:ExceptionReport>\n')

HTML = ('<!DOCTYPE html>\n<html><head><title>Portale</title></head>'
        '<body><h1>Servizio in manutenzione</h1></body></html>\n')

BAD = ('<?xml version="1.0"?>\n<csw:GetRecordsResponse xmlns:csw="%s">\n'
       '<csw:SearchResults numberOfRecordsMatched="1">\n<oops>\n'
       '</csw:GetRecordsResponse>\n') % CSW


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, fmt, *args):
        pass

    def params(self):
        u = urllib.parse.urlsplit(self.path)
        if self.command == "GET":
            q = {k.lower(): v[0] for k, v in urllib.parse.parse_qs(u.query).items()}
            ok = (q.get("request") == "GetRecords" and q.get("outputschema") == GMD and
                  q.get("elementsetname") == "full" and q.get("service") == "CSW" and
                  q.get("version") == "2.0.2")
            return u.path, int(q.get("startposition", "1")), int(q.get("maxrecords", "10")), ok, q.get("constraint")
        n = int(self.headers.get("Content-Length", "0"))
        body = self.rfile.read(n).decode("utf-8", "replace")
        root = ET.fromstring(body)
        ok = (root.tag == "{%s}GetRecords" % CSW and root.get("outputSchema") == GMD and
              root.find("csw:Query/csw:ElementSetName", NS) is not None and
              root.find("csw:Query/csw:ElementSetName", NS).text == "full")
        cql = root.find("csw:Query/csw:Constraint/csw:CqlText", NS)
        return (u.path, int(root.get("startPosition", "1")), int(root.get("maxRecords", "10")),
                ok, cql.text if cql is not None else None)

    def send(self, status, body, ctype="application/xml"):
        data = body.encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def handle_any(self):
        path, start, maxr, ok, cql = self.params()
        with LOCK:
            with open(LOG, "a") as f:
                f.write(f"{self.command} {path} {start} {maxr} {cql or '-'}\n")
        if not ok:
            return self.send(400, EXCEPTION)
        recs = RECORDS
        if cql:
            # the fixture's CQL: AnyText LIKE '%word%' on the record text
            m = re.search(r"%(.+?)%", cql)
            word = m.group(1).lower() if m else ""
            recs = [r for r in RECORDS if word in r.lower()]
        if path == "/csw":
            page = recs[start - 1:start - 1 + maxr]
            end = start - 1 + len(page)
            nxt = end + 1 if end < len(recs) else 0
            return self.send(200, response(page, len(recs), start, nxt))
        if path == "/bomb":
            return self.send(200, BOMB)
        if path == "/xxe":
            return self.send(200, XXE)
        if path == "/exception":
            return self.send(200, EXCEPTION)
        if path == "/html":
            return self.send(200, HTML, "text/html; charset=utf-8")
        if path == "/bad":
            return self.send(200, BAD)
        if path == "/loop":
            page = recs[(start - 1) % len(recs):(start - 1) % len(recs) + 1]
            nxt = 2 if start == 1 else 1
            return self.send(200, response(page, 1000, start, nxt))
        if path == "/endless":
            page = recs[(start - 1) % len(recs):(start - 1) % len(recs) + 1]
            return self.send(200, response(page, 10 ** 9, start, start + 1))
        return self.send(404, HTML, "text/html")

    do_GET = handle_any
    do_POST = handle_any


LOCK = threading.Lock()
RECORDS = []
LOG = os.devnull

if __name__ == "__main__":
    RECORDS = load_records(sys.argv[1])
    LOG = sys.argv[2]
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    print("PORT", srv.server_address[1], flush=True)
    srv.serve_forever()
