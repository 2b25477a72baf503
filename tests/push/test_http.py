#!/usr/bin/env python3
"""Transport rules of dcatit push, with small servers on 127.0.0.1: a
redirect never carries the token to another host (authenticated calls follow
no redirect), anonymous calls follow redirects on the portal's own host only
and never to another scheme, the token never travels over plain http to a
host that is not loopback without --allow-http (checked through a proxy on
127.0.0.1, so nothing leaves the machine even if the check were missing),
Retry-After of a 429 is honoured, and only http(s) URLs are accepted.
With http_probe (one DcatitHttp request): the response body cap, retries of
truncated bodies and of 503s, bounded; the redirect and address policy
(another host, follow_hosts, a name pinned to 127.0.0.1 refused for a source
whose address is public, before any connection).
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
        if self.path.startswith("/old/"):
            # the portal moved within its own host
            self.send_response(301)
            self.send_header("Location", self.path[4:])
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
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


def probe(exe, url, cap, retries, *policy):
    r = subprocess.run([exe, url, str(cap), str(retries)] + list(policy), capture_output=True,
                       text=True, timeout=60)
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


def main():
    push = ckantest.push_command(sys.argv[1], sys.argv[2])
    sink, sink_url = start(Sink)
    redir, redir_url = start(redirector(sink_url))
    weird, weird_url = start(redirector("file:///etc"))
    outputs = []

    def run(url, *args, token=TOKEN, env_extra=None):
        env = dict(os.environ)
        for k in ("CKAN_API_TOKEN", "http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy",
                  "ALL_PROXY", "no_proxy", "NO_PROXY"):
            env.pop(k, None)
        if token:
            env["CKAN_API_TOKEN"] = token
        env.update(env_extra or {})
        # the fixture has profile violations on purpose: it tests transport
        r = subprocess.run(push + ["--ckan", url, "--org", "sink", "--no-validate"] + list(args) +
                           [FIXTURE], capture_output=True, text=True, env=env, timeout=120)
        outputs.append(r.stdout + r.stderr)
        return r

    r = run(redir_url, "--dry-run")
    ck.check(r.returncode == 3 and not Sink.seen and "redirect" in r.stderr,
             "with a token, a redirect to another host is not followed",
             "rc %d, sink saw %s; %s" % (r.returncode, Sink.seen, r.stderr))
    r = run(redir_url, "--dry-run", token=None)
    ck.check(r.returncode == 3 and not Sink.seen and "another host" in r.stderr,
             "without a token a redirect to another host (another port) is refused too, "
             "before any connection to it (reliability-probe-2 #8)",
             "rc %d, sink saw %s; %s" % (r.returncode, Sink.seen, r.stderr))
    r = run(sink_url + "/old", "--dry-run", token=None)
    ck.check(r.returncode == 0 and len(Sink.seen) >= 2 and
             all(a is None for _, a, _ in Sink.seen),
             "without a token a redirect within the portal's host is followed (%d requests)"
             % len(Sink.seen), "rc %d %s" % (r.returncode, r.stderr))
    # reliability-probe-2 #15: the token over plain http. The portal's name is
    # reached through a proxy on 127.0.0.1 (curl asks the proxy, never the DNS),
    # so even a binary without the check sends nothing off this machine.
    Sink.seen.clear()
    proxy = {"http_proxy": sink_url}
    r = run("http://ckan.portal.example/", "--dry-run", env_extra=proxy)
    ck.check(r.returncode == 2 and not Sink.seen and "--allow-http" in r.stderr and
             "unencrypted" in r.stderr,
             "the token is not sent over plain http to a host that is not loopback",
             "rc %d, the proxy saw %s; %s" % (r.returncode, Sink.seen, r.stderr))
    r = run("http://ckan.portal.example/", "--dry-run", "--allow-http", env_extra=proxy)
    ck.check(r.returncode == 0 and Sink.seen and all(a == TOKEN for _, a, _ in Sink.seen),
             "--allow-http sends it (here to the proxy on 127.0.0.1)",
             "rc %d, %d requests; %s" % (r.returncode, len(Sink.seen), r.stderr))
    Sink.seen.clear()
    r = run("http://ckan.portal.example/", "--dry-run", token=None, env_extra=proxy)
    ck.check(r.returncode == 0 and Sink.seen,
             "without a token plain http needs no --allow-http", r.stderr)
    Sink.seen.clear()
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
    # the redirect and address policy of DcatitHttp (what harvest sources get)
    home = ["--home", odd_url + "/"]
    got, raw = probe(exe, redir_url + "/big", 4 << 20, 0, "--home", redir_url + "/")
    ck.check(got.get("st") == "10" and "another host" in raw and got.get("attempts") == "1",
             "policy: a redirect to another host:port is refused before connecting to it", raw)
    got, raw = probe(exe, redir_url + "/x", 4 << 20, 0, "--home", redir_url + "/",
                     "--follow", sink_url[len("http://"):])
    ck.check(got.get("status") == "200", "policy: a host of follow_hosts may be redirected to",
             raw)
    got, raw = probe(exe, odd_url + "/big", 4 << 20, 0, *home, "--follow", "other.example")
    ck.check(got.get("status") == "200" and got.get("bytes") == str(2 << 20),
             "policy: the home host itself is fetched", raw)
    # a source whose address is public (told to the probe, as a harvest would
    # learn it) and a name pinned to 127.0.0.1 in curl's resolver cache (no
    # DNS query): the connection is refused in the open-socket callback,
    # before connect()
    port = odd_url.rsplit(":", 1)[1]
    pinned = "http://portal.test:%s" % port
    got, raw = probe(exe, pinned + "/big", 4 << 20, 2, "--home", pinned + "/", "--home-kind",
                     "public", "--resolve", "portal.test:%s:127.0.0.1" % port)
    ck.check(got.get("st") == "10" and "127.0.0.1, a loopback address" in raw and
             got.get("attempts") == "1",
             "policy: a name resolving to a loopback address is refused for a public source, "
             "on the address connected to, not retried", raw)
    got, raw = probe(exe, pinned + "/big", 4 << 20, 0, "--home", pinned + "/", "--resolve",
                     "portal.test:%s:127.0.0.1" % port)
    ck.check(got.get("status") == "200",
             "policy: a source that is itself on loopback may use it (kind learnt from the "
             "first connection)", raw)
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
