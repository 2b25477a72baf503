#!/usr/bin/env python3
"""test_links.py: `dcatit quality --check-links` against servers this test starts on 127.0.0.1
(linkserver.py): every status class, redirects (within and over the limit, endless), HEAD
refused, a slow drip, a server that never answers, endless bodies, TLS errors, refused
connections, invalid URLs, the per-host cap and --jobs, and the result cache. Nothing else is
contacted: every URL of the generated catalogues names 127.0.0.1.

Usage: test_links.py DCATIT
"""
import json
import os
import resource
import shutil
import socket
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import linkserver  # noqa: E402

FAILS = []
# sanitizer builds run slower (meson.build's test setup sets the scale)
SCALE = float(os.environ.get("DCATIT_TEST_TIMEOUT_SCALE", "1") or 1)
PREFIX = """@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dct: <http://purl.org/dc/terms/> .
"""


def check(cond, msg):
    if not cond:
        FAILS.append(msg)
        print("FAIL " + msg)
    return cond


def catalogue(path, urls, download=False):
    """One dataset d<i> per URL, its distribution's accessURL (or downloadURL) that URL."""
    prop = "dcat:downloadURL" if download else "dcat:accessURL"
    with open(path, "w") as f:
        f.write(PREFIX)
        for i, u in enumerate(urls):
            obj = "<%s>" % u if not u.startswith('"') else u
            f.write("<https://dati.example/d%d> a dcat:Dataset ; dcat:distribution "
                    "<https://dati.example/d%d/dist> .\n<https://dati.example/d%d/dist> "
                    "%s %s .\n" % (i, i, i, prop, obj))


def quality(dcatit, data, *args, timeout=120):
    env = dict(os.environ, DCATIT_DATADIR=os.path.join(SRCDIR, "vocab"))
    for k in ("http_proxy", "https_proxy", "all_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        env.pop(k, None)
    before = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    t0 = time.monotonic()
    allow = [] if "--no-allow" in args else ["--allow-host", "127.0.0.1"]
    args = [x for x in args if x != "--no-allow"]
    p = subprocess.run([dcatit, "quality", data, "--format", "json", "--no-validate",
                        "--check-links"] + allow + list(args), capture_output=True, env=env,
                       timeout=timeout * SCALE)
    elapsed = time.monotonic() - t0
    rss = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if p.returncode != 0:
        check(False, "exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace")))
        return None, elapsed, rss if rss > before else 0
    return json.loads(p.stdout), elapsed, rss


def statuses(doc, n, download=False):
    key = "download_url_status" if download else "access_url_status"
    by = {d["iri"].rsplit("/", 1)[-1]: d for d in doc["datasets"]}
    return [by["d%d" % i][key] for i in range(n)]


def reasons(doc):
    return {b["url"]: b["reason"] for b in doc["links"]["broken"]}


def free_port():
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def main():
    dcatit = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="dcatit-links-")
    srv = linkserver.start()
    slow = linkserver.start(latency=0.3)
    slow2 = linkserver.start(latency=0.3, state=slow.state)
    tls = None
    try:
        base = "http://127.0.0.1:%d" % srv.port
        cat = os.path.join(tmp, "c.ttl")

        # status classes and redirects, one URL each
        table = [
            ("/status/200", 200), ("/status/201", 201), ("/status/204", 204),
            ("/status/300", 300), ("/status/304", 304),
            ("/status/400", 400), ("/forbidden", 403), ("/missing", 404), ("/gone", 410),
            ("/status/429", 429), ("/error", 500), ("/unavailable", 503),
            ("/redirect/1", 200), ("/redirect/5", 200), ("/redirect/6", 1100), ("/loop", 1100),
            ("/to-missing", 404), ("/head-refused", 200), ("/head-501", 200),
            ("/get-redirect", 200),
        ]
        urls = [base + p for p, _ in table]
        catalogue(cat, urls)
        doc, _, _ = quality(dcatit, cat, "--link-cache", "none", "--link-timeout", "5")
        if doc:
            got = statuses(doc, len(table))
            for (p, want), g in zip(table, got):
                check(g == want, "%s: status %s, expected %s" % (p, g, want))
            ok = [d for d in doc["datasets"] if d["indicators"]["accessUrlStatusCode"] == 50]
            check(len(ok) == sum(1 for _, w in table if 200 <= w <= 299),
                  "accessible = the 2xx answers only")
            r = reasons(doc)
            check("redirect" in r.get(base + "/loop", "").lower(),
                  "the endless redirect's reason names redirects: %r" % r.get(base + "/loop"))
            check(doc["links"]["requests"] == len(table) + 3,
                  "one request per URL plus the three GETs after a refused HEAD: %d"
                  % doc["links"]["requests"])
        check(srv.counts.get(("HEAD", "/redirect/1"), 0) == 3 and srv.counts.get(("HEAD", "/ok"), 0) == 2,
              "redirects are followed with HEAD, the 6th is not: %s" % srv.counts)
        check(srv.counts.get(("GET", "/head-refused"), 0) == 1, "a GET after HEAD 405")
        check(srv.counts.get(("GET", "/missing"), 0) == 0, "no GET after a 404 to HEAD")
        # retries: one attempt only, even for 503 and 429
        check(srv.counts.get(("HEAD", "/unavailable"), 0) == 1, "no retry of a 503")
        check(srv.counts.get(("HEAD", "/status/429"), 0) == 1, "no retry of a 429")

        check(srv.counts.get(("GET", "/ok"), 0) == 1, "the GET's redirect is followed as a GET")

        # the address policy (harvest's, with no home): a loopback address is refused unless
        # allowed, before any connection; a redirect to another loopback name too
        srv.reset()
        catalogue(cat, [base + "/ok", base + "/to-localhost"])
        doc, _, _ = quality(dcatit, cat, "--link-cache", "none", "--no-allow")
        if doc:
            check(statuses(doc, 2) == [1100, 1100], "loopback refused without --allow-host: %s"
                  % statuses(doc, 2))
            r = reasons(doc)
            check("refused" in r.get(base + "/ok", ""), "the reason says refused: %r" % r)
        check(srv.requests() == 0, "a refused address gets no request: %s" % srv.counts)
        doc, _, _ = quality(dcatit, cat, "--link-cache", "none")
        if doc:
            check(statuses(doc, 2)[0] == 200, "--allow-host 127.0.0.1 allows it")
            r = reasons(doc)
            check(statuses(doc, 2)[1] == 1100 and "refused" in r.get(base + "/to-localhost", ""),
                  "a redirect to localhost (not allowed) is refused: %s %r" % (statuses(doc, 2), r))
        check(srv.counts.get(("HEAD", "/ok"), 0) == 1, "only the allowed URL was asked for")

        # download URLs are checked the same way
        catalogue(cat, [base + "/ok", base + "/gone"], download=True)
        doc, _, _ = quality(dcatit, cat, "--link-cache", "none")
        if doc:
            check(statuses(doc, 2, download=True) == [200, 410], "download URL statuses")
            check(doc["links"]["broken"] and doc["links"]["broken"][0]["kind"] == "download",
                  "a broken download URL is listed as such")

        # hostile servers: bounded time and memory each
        dead = "http://127.0.0.1:%d/nothing" % free_port()
        hostile = [base + "/drip", base + "/hang", base + "/head-refused-huge", base + "/huge",
                   dead]
        catalogue(cat, hostile)
        doc, elapsed, rss = quality(dcatit, cat, "--link-cache", "none", "--link-timeout", "2",
                                    timeout=60 * SCALE)
        if doc:
            got = statuses(doc, len(hostile))
            check(got[0] == 1100 and got[1] == 1100, "slow drip and hang time out: %s" % got[:2])
            check(got[2] == 200, "HEAD refused, endless body on GET: 200 without reading it (%s)"
                  % got[2])
            check(got[3] == 200, "HEAD of a 10 GB file: 200 (%s)" % got[3])
            check(got[4] == 1100, "refused connection: 1100 (%s)" % got[4])
            r = reasons(doc)
            check(any(w in r.get(base + "/drip", "").lower() for w in ("timed out", "timeout")),
                  "the drip's reason is a timeout: %r" % r.get(base + "/drip"))
            # (AddressSanitizer's shadow memory is not the checker's)
            if "ASAN_OPTIONS" not in os.environ:
                check(rss < 100 * 1024, "peak RSS of the hostile run %d KB (< 100 MB)" % rss)

        # TLS: a self-signed certificate, and plain HTTP on an https URL
        if shutil.which("openssl"):
            cert, key = os.path.join(tmp, "cert.pem"), os.path.join(tmp, "key.pem")
            subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                            "-subj", "/CN=127.0.0.1", "-keyout", key, "-out", cert],
                           check=True, capture_output=True)
            tls = linkserver.start(tls_cert=(cert, key))
            tls_urls = ["https://127.0.0.1:%d/ok" % tls.port, "https://127.0.0.1:%d/ok" % srv.port]
            catalogue(cat, tls_urls)
            doc, _, _ = quality(dcatit, cat, "--link-cache", "none", "--link-timeout", "5")
            if doc:
                check(statuses(doc, 2) == [1100, 1100], "TLS errors are 1100: %s" % statuses(doc, 2))
                r = reasons(doc)
                check(r.get(tls_urls[0]), "the certificate error has a reason")
        else:
            check(False, "openssl is needed to make the test certificate")

        # invalid URLs: 1300, no request
        srv.reset()
        bad = ["ftp://127.0.0.1/file.csv", "http://", '"http://127.0.0.1:%d/a b"' % srv.port,
               '"not a url"', "mailto:someone@example.org"]
        catalogue(cat, bad)
        doc, _, _ = quality(dcatit, cat, "--link-cache", "none")
        if doc:
            check(statuses(doc, len(bad)) == [1300] * len(bad),
                  "invalid URLs are 1300: %s" % statuses(doc, len(bad)))
            check(doc["links"]["requests"] == 0, "no request for an invalid URL")
        check(srv.requests() == 0, "the server saw nothing")

        # the per-host cap and --jobs: 24 slow URLs on one host, then on two
        one_host = ["http://127.0.0.1:%d/ok/%d" % (slow.port, i) for i in range(24)]
        catalogue(cat, one_host)
        doc, _, _ = quality(dcatit, cat, "--link-cache", "none", "--jobs", "16")
        key = "127.0.0.1:%d" % slow.port
        check(slow.max_per_host.get(key, 0) == 4,
              "at most 4 requests at once to one host (saw %s)" % slow.max_per_host.get(key))
        slow.reset()
        two_hosts = one_host[:12] + ["http://127.0.0.1:%d/ok/%d" % (slow2.port, i) for i in range(12)]
        catalogue(cat, two_hosts)
        doc, _, _ = quality(dcatit, cat, "--link-cache", "none", "--jobs", "16")
        per = slow.max_per_host
        check(max(per.values()) <= 4 and sum(per.values()) == 8,
              "two hosts, 4 at once on each: %s" % per)
        slow.reset()
        catalogue(cat, one_host[:6])
        doc, _, _ = quality(dcatit, cat, "--link-cache", "none", "--jobs", "1")
        check(slow.max_per_host.get(key) == 1, "--jobs 1: one at a time (%s)" % slow.max_per_host)

        # the cache: a rerun within --max-age asks nothing
        cache = os.path.join(tmp, "cache", "links.json")
        os.makedirs(os.path.dirname(cache))
        urls = [base + "/ok", base + "/missing", base + "/head-refused"]
        catalogue(cat, urls)
        srv.reset()
        first, _, _ = quality(dcatit, cat, "--link-cache", cache)
        n1 = srv.requests()
        check(n1 == 4, "first run: 4 requests (%d)" % n1)
        srv.reset()
        second, _, _ = quality(dcatit, cat, "--link-cache", cache)
        check(srv.requests() == 0, "second run within --max-age: no request (%d)" % srv.requests())
        if first and second:
            check(statuses(first, 3) == statuses(second, 3) == [200, 404, 200],
                  "cached results are the same: %s" % statuses(second, 3))
            check(second["links"]["from_cache"] == 3 and second["links"]["requests"] == 0,
                  "the report says the results came from the cache")
        srv.reset()
        quality(dcatit, cat, "--link-cache", cache, "--max-age", "0")
        check(srv.requests() == 4, "--max-age 0 checks everything again (%d)" % srv.requests())
        # an entry older than --max-age is checked again, the others not
        c = json.load(open(cache))
        c["links"][base + "/missing"]["checked"] -= 10 * 86400
        json.dump(c, open(cache, "w"))
        srv.reset()
        quality(dcatit, cat, "--link-cache", cache, "--max-age", "7")
        check(srv.counts.get(("HEAD", "/missing"), 0) == 1 and srv.requests() == 1,
              "only the stale entry is checked again: %s" % srv.counts)
        # a file that is not a cache is refused and left alone
        notcache = os.path.join(tmp, "notes.json")
        with open(notcache, "w") as f:
            f.write('{"my": "notes"}')
        env = dict(os.environ, DCATIT_DATADIR=os.path.join(SRCDIR, "vocab"))
        p = subprocess.run([dcatit, "quality", cat, "--no-validate", "--check-links",
                            "--link-cache", notcache], capture_output=True, env=env, timeout=60 * SCALE)
        check(p.returncode == 3 and b"not a dcatit link cache" in p.stderr,
              "a file that is not a cache: exit 3 and a clear message (%d %s)" % (p.returncode, p.stderr))
        check(open(notcache).read() == '{"my": "notes"}', "that file is untouched")
    finally:
        srv.stop()
        slow.stop()
        slow2.stop()
        if tls:
            tls.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failures" % len(FAILS))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
