#!/usr/bin/env python3
"""Transport rules of dcatit push, with two small servers on 127.0.0.1: a
redirect never carries the token to another host (authenticated calls follow
no redirect), anonymous calls follow http redirects but never to another
scheme, Retry-After of a 429 is honoured, and only http(s) URLs are accepted.
With http_probe (one DcatitHttp request): the response body cap, retries of
truncated bodies and of 503s, bounded.
Usage: test_http.py DCATIT PUSH_DRIVER HTTP_PROBE"""

import http.server
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ckan"))
import ckantest  # noqa: E402

TOKEN = "http-secret-0b9e4d"
FIXTURE = os.path.join(HERE, "fixture.ttl")
ck = ckantest.Checker()


class Sink(http.server.BaseHTTPRequestHandler):
    """A tiny CKAN: organization_show finds the org, package_search is empty.
    Records every request's path and whether it carried credentials. The
    first `fail_429` requests get 429 with Retry-After: 2."""
    protocol_version = "HTTP/1.1"
    seen = []
    fail_429 = 0
    lock = threading.Lock()

    def log_message(self, *a):
        pass

    def handle_one(self):
        auth = self.headers.get("Authorization") or self.headers.get("X-CKAN-API-Key")
        with Sink.lock:
            Sink.seen.append((self.path, auth, time.monotonic()))
            fail = Sink.fail_429 > 0
            if fail:
                Sink.fail_429 -= 1
        n = int(self.headers.get("Content-Length") or 0)
        if n:
            self.rfile.read(n)
        if fail:
            body = b"{}"
            self.send_response(429)
            self.send_header("Retry-After", "2")
        else:
            if "organization_show" in self.path:
                result = {"id": "org-id", "name": "sink"}
            elif "package_search" in self.path:
                result = {"count": 0, "results": []}
            else:
                result = None
            body = json.dumps({"help": "", "success": True, "result": result}).encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = handle_one


class Odd(http.server.BaseHTTPRequestHandler):
    """/big: 2 MiB; /trunc: the first 2 answers announce 1000 bytes and send 10;
    /503: always 503."""
    protocol_version = "HTTP/1.1"
    trunc_left = 2

    def log_message(self, *a):
        pass

    def do_GET(self):
        if self.path == "/big":
            body = b"x" * (2 << 20)
        elif self.path == "/trunc":
            body = b"y" * 1000
            if Odd.trunc_left > 0:
                Odd.trunc_left -= 1
                self.send_response(200)
                self.send_header("Content-Length", "1000")
                self.end_headers()
                self.wfile.write(body[:10])
                self.wfile.flush()
                self.close_connection = True
                return
        else:
            self.send_response(503)
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except ConnectionError:
            pass  # the client stopped reading at its cap


PROBE_OUT = []


def probe(exe, url, cap, retries):
    r = subprocess.run([exe, url, str(cap), str(retries)], capture_output=True, text=True,
                       timeout=60)
    PROBE_OUT.append(r.stdout + r.stderr)
    return dict(kv.split("=", 1) for kv in r.stdout.split(" error=")[0].split()), r.stdout


def redirector(target):
    class R(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, *a):
            pass

        def go(self):
            n = int(self.headers.get("Content-Length") or 0)
            if n:
                self.rfile.read(n)
            self.send_response(302)
            self.send_header("Location", target + self.path)
            self.send_header("Content-Length", "0")
            self.end_headers()

        do_GET = do_POST = go
    return R


def start(handler):
    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    return srv, "http://127.0.0.1:%d" % srv.server_address[1]


def pick(dcatit, driver):
    try:
        r = subprocess.run([dcatit, "push", "--help"], capture_output=True, timeout=30)
        if r.returncode == 0 and b"--ckan" in r.stdout:
            return [dcatit, "push"]
    except OSError:
        pass
    return [driver]


def main():
    push = pick(sys.argv[1], sys.argv[2])
    sink, sink_url = start(Sink)
    redir, redir_url = start(redirector(sink_url))
    weird, weird_url = start(redirector("file:///etc"))
    outputs = []

    def run(url, *args, token=TOKEN):
        env = dict(os.environ)
        env.pop("CKAN_API_TOKEN", None)
        if token:
            env["CKAN_API_TOKEN"] = token
        r = subprocess.run(push + ["--ckan", url, "--org", "sink"] + list(args) + [FIXTURE],
                           capture_output=True, text=True, env=env, timeout=120)
        outputs.append(r.stdout + r.stderr)
        return r

    r = run(redir_url, "--dry-run")
    ck.check(r.returncode == 3 and not Sink.seen and "redirect" in r.stderr,
             "with a token, a redirect to another host is not followed",
             "rc %d, sink saw %s; %s" % (r.returncode, Sink.seen, r.stderr))
    r = run(redir_url, "--dry-run", token=None)
    ck.check(r.returncode == 0 and len(Sink.seen) >= 2 and
             all(a is None for _, a, _ in Sink.seen),
             "without a token the redirect is followed (%d requests)" % len(Sink.seen),
             "rc %d %s" % (r.returncode, r.stderr))
    r = run(weird_url, "--dry-run", token=None)
    ck.check(r.returncode == 3 and "file" in r.stderr.lower(),
             "a redirect to file:// is refused", r.stderr)
    r = run("ftp://127.0.0.1/", "--dry-run")
    ck.check(r.returncode == 2 and "http" in r.stderr, "an ftp:// portal URL is refused",
             r.stderr)
    Sink.seen.clear()
    Sink.fail_429 = 1
    t0 = time.monotonic()
    r = run(sink_url, "--dry-run")
    gap = Sink.seen[1][2] - Sink.seen[0][2] if len(Sink.seen) > 1 else 0
    ck.check(r.returncode == 0 and gap >= 1.9,
             "a 429 with Retry-After: 2 is retried after %.2f s" % gap, r.stderr)
    odd, odd_url = start(Odd)
    exe = sys.argv[3]
    got, raw = probe(exe, odd_url + "/big", 1 << 20, 3)
    ck.check(got.get("st") == "5" and got.get("attempts") == "1",
             "a body over the size cap is refused, not retried", raw)
    got, raw = probe(exe, odd_url + "/big", 4 << 20, 3)
    ck.check(got.get("status") == "200" and got.get("bytes") == str(2 << 20),
             "a body under the cap arrives whole", raw)
    got, raw = probe(exe, odd_url + "/trunc", 1 << 20, 3)
    ck.check(got.get("status") == "200" and got.get("bytes") == "1000" and
             got.get("attempts") == "3", "truncated bodies are retried", raw)
    got, raw = probe(exe, odd_url + "/503", 1 << 20, 2)
    ck.check(got.get("status") == "503" and got.get("attempts") == "3",
             "retries are bounded (2 retries: 3 attempts, then the 503 is returned)", raw)
    odd.shutdown()
    every = "".join(outputs)
    ck.check(TOKEN not in every, "the token is in no output (%d bytes)" % len(every))
    every += "".join(PROBE_OUT)
    bad = [w for w in ("AddressSanitizer", "LeakSanitizer", "runtime error:") if w in every]
    ck.check(not bad, "no sanitizer report in any output", str(bad))
    for s in (sink, redir, weird):
        s.shutdown()
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
