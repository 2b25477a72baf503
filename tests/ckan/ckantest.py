"""Helpers shared by the CKAN test-server tests: start ckan_server.py on a free port,
talk to it over keep-alive HTTP, count checks and print "N passed, N failed"."""

import http.client
import json
import os
import select
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SERVER = os.path.join(HERE, "ckan_server.py")
TOKEN = "test-token-3f9c2a7e"


class Server:
    """A ckan_server.py child process; use as a context manager."""

    def __init__(self, *args, token=TOKEN, log=None):
        self.tmp = tempfile.mkdtemp(prefix="ckan-test-")
        self.port_file = os.path.join(self.tmp, "port")
        self.log = log or os.path.join(self.tmp, "requests.log")
        cmd = [sys.executable, SERVER, "--port", "0", "--port-file", self.port_file,
               "--log", self.log] + list(args)
        if token:
            cmd += ["--token", token]
        self.proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL)
        deadline = time.monotonic() + 15
        while not os.path.exists(self.port_file):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("ckan_server.py did not start")
            time.sleep(0.02)
        with open(self.port_file, encoding="utf-8") as f:
            self.port = int(f.read().strip())
        self.site = "http://127.0.0.1:%d" % self.port

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(5)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        shutil.rmtree(self.tmp, ignore_errors=True)

    def client(self, timeout=10):
        return Client(self.port, timeout)

    def control(self, path, obj=None):
        c = self.client()
        r = c.request("POST" if obj is not None else "GET", "/_test/" + path,
                      json.dumps(obj).encode() if obj is not None else None,
                      {"Content-Type": "application/json"})
        c.close()
        return json.loads(r.body)


class Response:
    def __init__(self, status, headers, body):
        self.status, self.headers, self.body = status, headers, body

    def json(self):
        return json.loads(self.body.decode("utf-8"))


class Client:
    """One keep-alive connection; reconnects after the server closes it."""

    def __init__(self, port, timeout=10):
        self.port, self.timeout = port, timeout
        self.conn = None

    def request(self, method, path, body=None, headers=None):
        # A kept-alive connection the server has closed meanwhile (its idle
        # timeout, 120 s in ckan_server.py) would fail on first use: when the
        # socket already reads as closed, connect afresh before sending. A
        # failure after sending is the server's (a dropped answer) and is
        # raised as is, so fault tests still see it.
        if self.conn is not None and self.conn.sock is not None:
            try:
                stale = bool(select.select([self.conn.sock], [], [], 0)[0])
            except (OSError, ValueError):
                stale = True
            if stale:
                self.close()
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=self.timeout)
        try:
            self.conn.request(method, path, body=body, headers=headers or {})
            r = self.conn.getresponse()
            data = r.read()
            resp = Response(r.status, {k.lower(): v for k, v in r.getheaders()}, data)
            if r.will_close:
                self.close()
            return resp
        except Exception:
            self.close()
            raise

    def action(self, name, data=None, token=None, method="POST"):
        headers = {}
        if token:
            headers["Authorization"] = token
        if method == "GET":
            from urllib.parse import urlencode
            q = ("?" + urlencode(data)) if data else ""
            return self.request("GET", "/api/3/action/%s%s" % (name, q), None, headers)
        headers["Content-Type"] = "application/json"
        return self.request("POST", "/api/3/action/" + name,
                            json.dumps(data or {}).encode(), headers)

    def close(self):
        if self.conn is not None:
            self.conn.close()
            self.conn = None


def push_command(dcatit, driver):
    """The command that runs push: `dcatit push` once main.c lists it, else
    the stand-alone push_driver (the same cmd_push)."""
    try:
        r = subprocess.run([dcatit, "push", "--help"], capture_output=True, timeout=30)
        if r.returncode == 0 and b"--ckan" in r.stdout:
            return [dcatit, "push"]
    except OSError:
        pass
    return [driver]


class Checker:
    def __init__(self):
        self.passed = 0
        self.failed = 0

    def check(self, cond, what, detail=""):
        if cond:
            self.passed += 1
            print("ok   %s" % what)
        else:
            self.failed += 1
            print("FAIL %s%s" % (what, (": " + detail) if detail else ""))
        return cond

    def finish(self):
        print("%d passed, %d failed" % (self.passed, self.failed))
        return 1 if self.failed or not self.passed else 0
