#!/usr/bin/env python3
"""linkserver.py: the HTTP server the link-check tests and benchmark start on 127.0.0.1.

Paths (any method unless said):
  /ok, /ok/...          200 with a small body
  /status/NNN           status NNN (a 2xx to 5xx class test)
  /missing 404, /gone 410, /forbidden 403, /error 500, /unavailable 503
  /head-refused         HEAD 405, GET 200;  /head-501: HEAD 501, GET 200
  /head-refused-huge    HEAD 405, GET 200 and an endless body (a GET must not read it)
  /huge                 200, Content-Length 10 GB and, on GET, an endless body
  /redirect/N           N redirects: 302 to /redirect/N-1, /redirect/1 to /ok
  /loop                 302 to itself, forever
  /to-missing           301 to /missing
  /to-localhost         302 to http://localhost:PORT/ok (another host name, loopback)
  /get-redirect         HEAD 405; GET 302 to /ok with a body (a redirect read without it)
  /drip                 the status line one byte every 0.5 s (slow drip)
  /hang                 reads the request, never answers
Every request is counted (by method and path) and the highest number of requests in
progress at once per Host header is kept (the per-host cap test). `latency` (seconds) delays
every answer (the benchmark's 50 ms).

As a module: start(latency=0, tls_cert=None) -> server with .port, .counts, .max_per_host,
.reset(), .stop(). As a program: linkserver.py [--latency S] [--ports N] prints the ports
and serves until killed.
"""
import http.server
import os
import socket
import socketserver
import ssl
import sys
import threading
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "linkserver"

    def log_message(self, *args):
        pass

    def _enter(self):
        st = self.server.state
        host = self.headers.get("Host", "")
        with st.lock:
            st.counts[(self.command, self.path)] = st.counts.get((self.command, self.path), 0) + 1
            st.total += 1
            n = st.active.get(host, 0) + 1
            st.active[host] = n
            if n > st.max_per_host.get(host, 0):
                st.max_per_host[host] = n
        return host

    def _leave(self, host):
        st = self.server.state
        with st.lock:
            st.active[host] = st.active.get(host, 1) - 1  # reset() may have run meanwhile

    def _send(self, code, body=b"", headers=None, length=None):
        self.send_response(code)
        for k, v in (headers or {}).items():
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body) if length is None else length))
        self.end_headers()
        if self.command != "HEAD" and body:
            self.wfile.write(body)

    def _endless(self):
        chunk = b"x" * 65536
        try:
            for _ in range(200000):  # 13 GB at most: a client that reads it is broken
                self.wfile.write(chunk)
        except (BrokenPipeError, ConnectionResetError, OSError):
            pass
        self.close_connection = True

    def _handle(self):
        host = self._enter()
        try:
            if self.server.state.latency:
                time.sleep(self.server.state.latency)
            self._route()
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            self._leave(host)

    def _route(self):
        p = self.path.split("?", 1)[0]
        head = self.command == "HEAD"
        if p == "/ok" or p.startswith("/ok/"):
            return self._send(200, b"ok\n", {"Content-Type": "text/plain"})
        if p.startswith("/status/"):
            return self._send(int(p[8:11]), b"status\n")
        fixed = {"/missing": 404, "/gone": 410, "/forbidden": 403, "/error": 500,
                 "/unavailable": 503}
        if p in fixed:
            return self._send(fixed[p], b"no\n")
        if p in ("/head-refused", "/head-501"):
            if head:
                return self._send(405 if p == "/head-refused" else 501)
            return self._send(200, b"got\n")
        if p == "/head-refused-huge":
            if head:
                return self._send(405)
            self.send_response(200)
            self.send_header("Content-Length", str(10 * 1024 ** 3))
            self.end_headers()
            return self._endless()
        if p == "/huge":
            self.send_response(200)
            self.send_header("Content-Length", str(10 * 1024 ** 3))
            self.end_headers()
            if not head:
                self._endless()
            return None
        if p.startswith("/redirect/"):
            n = int(p[10:])
            return self._send(302, headers={"Location": "/ok" if n <= 1 else "/redirect/%d" % (n - 1)})
        if p == "/loop":
            return self._send(302, headers={"Location": "/loop"})
        if p == "/to-missing":
            return self._send(301, headers={"Location": "/missing"})
        if p == "/to-localhost":
            return self._send(302, headers={
                "Location": "http://localhost:%d/ok" % self.server.server_address[1]})
        if p == "/get-redirect":
            if head:
                return self._send(405)
            return self._send(302, b"<html>moved</html>\n" * 100, {"Location": "/ok"})
        if p == "/drip":
            try:
                for ch in b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n":
                    self.wfile.write(bytes([ch]))
                    self.wfile.flush()
                    time.sleep(0.5)
            except OSError:
                pass
            self.close_connection = True
            return None
        if p == "/hang":
            time.sleep(60)
            self.close_connection = True
            return None
        return self._send(404, b"unknown\n")

    do_GET = do_HEAD = do_POST = _handle


class State:
    def __init__(self, latency):
        self.lock = threading.Lock()
        self.latency = latency
        self.reset()

    def reset(self):
        self.counts = {}
        self.total = 0
        self.active = {}
        self.max_per_host = {}


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 256


class Running:
    def __init__(self, srv, thread):
        self.srv = srv
        self.thread = thread
        self.port = srv.server_address[1]

    @property
    def state(self):
        return self.srv.state

    @property
    def counts(self):
        return self.srv.state.counts

    @property
    def max_per_host(self):
        return self.srv.state.max_per_host

    def requests(self):
        return self.srv.state.total

    def reset(self):
        with self.srv.state.lock:
            self.srv.state.reset()

    def stop(self):
        self.srv.shutdown()
        self.srv.server_close()


def start(latency=0.0, tls_cert=None, state=None):
    """A server on 127.0.0.1 on a free port; tls_cert: (certfile, keyfile) for HTTPS.
    Servers given the same state share counts (several ports, one server)."""
    srv = Server(("127.0.0.1", 0), Handler)
    srv.state = state or State(latency)
    if tls_cert:
        ctx = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        ctx.load_cert_chain(*tls_cert)
        srv.socket = ctx.wrap_socket(srv.socket, server_side=True)
    t = threading.Thread(target=srv.serve_forever, daemon=True)
    t.start()
    return Running(srv, t)


def main():
    latency = float(sys.argv[sys.argv.index("--latency") + 1]) if "--latency" in sys.argv else 0.0
    n = int(sys.argv[sys.argv.index("--ports") + 1]) if "--ports" in sys.argv else 1
    st = State(latency)
    servers = [start(state=st) for _ in range(n)]
    print(" ".join(str(s.port) for s in servers), flush=True)
    try:
        while True:
            time.sleep(3600)
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
