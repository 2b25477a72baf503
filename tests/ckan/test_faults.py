#!/usr/bin/env python3
"""Fault injection of ckan_server.py: latency, 429 bursts with Retry-After, 5xx, dropped
connections, truncated bodies, seeded reproducibility, per-action targeting, counters,
reset and the request log."""

import http.client
import json
import os
import sys
import time

sys.dont_write_bytecode = True  # keep the source tree clean
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ckantest  # noqa: E402
from ckantest import TOKEN  # noqa: E402

ORG = {"name": "fault-org", "title": "Fault org", "identifier": "c_f001"}


def dataset(name, ident):
    return {"name": name, "title": name, "owner_org": "fault-org", "notes": "n",
            "identifier": ident, "modified": "2024-01-15", "frequency": "ANNUAL",
            "themes_aggregate": json.dumps([{"theme": "ECON", "subthemes": []}])}


def outcome(client, name="status_show", data=None, token=None):
    """The status code, or the name of the transport error."""
    try:
        r = client.action(name, data, token=token)
        return r.status
    except http.client.IncompleteRead:
        return "truncated"
    except (http.client.RemoteDisconnected, ConnectionError):
        return "dropped"


def test_latency(ck, srv):
    srv.control("faults", {"reset": True, "latency_ms": 250})
    c = srv.client()
    t0 = time.monotonic()
    st = outcome(c)
    dt = time.monotonic() - t0
    ck.check(st == 200 and dt >= 0.25, "latency 250 ms delays the answer", "%s in %.3fs" % (st, dt))
    srv.control("faults", {"reset": True})
    c.close()


def test_429(ck, srv):
    srv.control("stats", {"reset": True})
    srv.control("faults", {"reset": True, "burst_429": 3, "retry_after": 7})
    c = srv.client()
    got = []
    for _ in range(3):
        r = c.action("status_show")
        got.append((r.status, r.headers.get("retry-after")))
    ck.check(got == [(429, "7")] * 3, "a burst of 3 gives three 429 with Retry-After: 7", str(got))
    ck.check(outcome(c) == 200, "the request after the burst succeeds")
    stats = srv.control("stats")
    ck.check(stats["faults"]["429"] == 3 and stats["by_status"].get("429") == 3,
             "stats count the 429s", json.dumps(stats["faults"]))
    c.close()


def test_5xx(ck, srv):
    srv.control("faults", {"reset": True, "p500": 1.0})
    c = srv.client()
    r = c.action("package_show", {"id": "x"}, method="GET")
    body = r.json()
    ck.check(r.status == 500 and body["success"] is False and
             body["error"]["__type"] == "Internal Server Error", "p500=1 gives CKAN's 500 envelope",
             "%d %r" % (r.status, r.body[:200]))
    srv.control("faults", {"error_status": 503})
    ck.check(outcome(c) == 503, "error_status 503 is honoured")
    srv.control("faults", {"reset": True})
    ck.check(outcome(c) == 200, "clearing faults restores 200")
    srv.control("faults", {"p500": 1.0, "error_status": 502, "error_after": True,
                           "actions": ["package_create"]})
    st = outcome(c, "package_create", dataset("err-after", "id-err-after"), TOKEN)
    srv.control("faults", {"reset": True})
    r = c.action("package_show", {"id": "err-after"}, method="GET")
    ck.check(st == 502 and r.status == 200, "error_after gives a 502 but keeps the write",
             "%s %d" % (st, r.status))
    srv.control("faults", {"sequence": ["500_after"], "actions": ["package_create"]})
    st = outcome(c, "package_create", dataset("err-after2", "id-err-after2"), TOKEN)
    r = c.action("package_show", {"id": "err-after2"}, method="GET")
    ck.check(st == 500 and r.status == 200, "a scripted 500_after keeps the write")
    srv.control("faults", {"reset": True})
    c.close()


def test_drop(ck, srv):
    srv.control("faults", {"reset": True, "p_drop": 1.0, "actions": ["package_create"]})
    c = srv.client()
    ck.check(outcome(c) == 200, "faults limited to package_create leave status_show alone")
    st = outcome(c, "package_create", dataset("drop-before", "id-drop-before"), TOKEN)
    ck.check(st == "dropped", "p_drop=1 closes the connection without a response", str(st))
    srv.control("faults", {"reset": True})
    r = c.action("package_show", {"id": "drop-before"}, method="GET")
    ck.check(r.status == 404, "a drop before the action leaves no dataset", str(r.status))
    srv.control("faults", {"p_drop": 1.0, "drop_after": True, "actions": ["@write"]})
    st = outcome(c, "package_create", dataset("drop-after", "id-drop-after"), TOKEN)
    ck.check(st == "dropped", "drop_after also closes without a response", str(st))
    srv.control("faults", {"reset": True})
    r = c.action("package_show", {"id": "drop-after"}, method="GET")
    ck.check(r.status == 200, "a drop after the action keeps the write", str(r.status))
    c.close()


def test_truncate(ck, srv):
    srv.control("faults", {"reset": True, "p_truncate": 1.0})
    c = srv.client()
    st = outcome(c, "package_search", {"q": "*:*"})
    ck.check(st == "truncated", "p_truncate=1 sends a short body then closes", str(st))
    srv.control("faults", {"reset": True})
    ck.check(outcome(c) == 200, "the client can reconnect after a truncated body")
    c.close()


def test_parallel_latency(ck, srv):
    import threading
    srv.control("stats", {"reset": True})
    srv.control("faults", {"reset": True, "latency_ms": 200})
    statuses = []

    def worker():
        c = srv.client()
        for _ in range(3):
            statuses.append(outcome(c))
        c.close()
    threads = [threading.Thread(target=worker) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(30)
    srv.control("faults", {"reset": True})
    st = srv.control("stats")
    ck.check(statuses == [200] * 24, "8 keep-alive clients under latency all succeed")
    ck.check(st["max_inflight"] == 8, "injected latency overlaps across clients (8 in flight)",
             str(st["max_inflight"]))


def run_seeded(srv, seed):
    srv.control("faults", {"reset": True, "p500": 0.5, "seed": seed})
    c = srv.client()
    seq = [outcome(c) for _ in range(40)]
    c.close()
    srv.control("faults", {"reset": True})
    return seq


def test_seed(ck, srv):
    a = run_seeded(srv, 42)
    b = run_seeded(srv, 42)
    other = run_seeded(srv, 7)
    n500 = a.count(500)
    ck.check(a == b, "the same seed gives the same fault sequence")
    ck.check(a != other, "another seed gives another sequence")
    ck.check(8 <= n500 <= 32 and n500 + a.count(200) == 40, "p500=0.5 fails about half",
             "%d of 40" % n500)


def test_sequence(ck, srv):
    srv.control("faults", {"reset": True, "retry_after": 4,
                           "sequence": ["503", "drop", "429", "ok", "truncate", "sleep:300"]})
    c = srv.client()
    r = c.action("status_show")
    ck.check(r.status == 503 and r.headers.get("retry-after") == "4",
             "a scripted 503 carries Retry-After", str(r.status))
    seq = [outcome(c) for _ in range(4)]
    t0 = time.monotonic()
    seq.append(outcome(c))
    dt = time.monotonic() - t0
    seq.append(outcome(c))
    ck.check(seq == ["dropped", 429, 200, "truncated", 200, 200],
             "a scripted sequence is applied in order", str(seq))
    ck.check(dt >= 0.3, "a scripted sleep:300 delays one answer", "%.3fs" % dt)
    srv.control("faults", {"reset": True})
    c.close()


def test_stats_reset_log(ck, srv):
    srv.control("reset", {})
    c = srv.client()
    c.action("organization_create", ORG, token=TOKEN)
    c.action("package_create", dataset("stats-a", "id-a"), token=TOKEN)
    c.action("package_create", dataset("stats-b", "id-b"), token="wrong-token")
    c.action("package_show", {"id": "stats-a"}, method="GET")
    c.action("package_show", {"id": "stats-a"}, method="GET")
    st = srv.control("stats")
    ck.check(st["by_action"] == {"organization_create": 1, "package_create": 2,
                                 "package_show": 2}, "stats count requests per action",
             json.dumps(st["by_action"]))
    ck.check(st["writes"] == 3 and st["writes_ok"] == 2, "stats count write calls",
             "%d/%d" % (st["writes"], st["writes_ok"]))
    ck.check(st["packages"] == {"active": 1}, "stats count stored packages", str(st["packages"]))
    srv.control("reset", {})
    r = c.action("package_show", {"id": "stats-a"}, method="GET")
    ck.check(r.status == 404 and srv.control("stats")["requests"] == 1,
             "reset clears data and counters")
    c.close()
    with open(srv.log, encoding="utf-8") as f:
        log = f.read()
    ck.check(TOKEN not in log and "wrong-token" not in log, "the request log holds no token")
    ck.check(" POST /api/3/action/package_create 403 " in log and
             " GET /api/3/action/package_show?id=stats-a 200 " in log,
             "the request log records method, path and status")


def test_start_options(ck):
    with ckantest.Server("--burst-429", "2", "--retry-after", "3", "--latency-ms", "100",
                         "--fault-actions", "status_show,package_search") as srv:
        c = srv.client()
        t0 = time.monotonic()
        r1, r2 = c.action("status_show"), c.action("status_show")
        r3 = c.action("status_show")
        dt = time.monotonic() - t0
        ck.check((r1.status, r2.status, r3.status) == (429, 429, 200) and
                 r1.headers.get("retry-after") == "3", "--burst-429 2 --retry-after 3 at start",
                 str((r1.status, r2.status, r3.status)))
        ck.check(dt >= 0.3, "--latency-ms applies to every targeted request", "%.3fs" % dt)
        r = c.action("organization_show", {"id": "none"}, method="GET")
        ck.check(r.status == 404, "--fault-actions leaves other actions alone", str(r.status))
        c.close()
    with ckantest.Server("--p500", "1", "--seed", "3") as srv:
        c = srv.client()
        ck.check(outcome(c) == 500, "--p500 1 at start gives 500")
        c.close()


def main():
    ck = ckantest.Checker()
    with ckantest.Server() as srv:
        c = srv.client()
        r = c.action("organization_create", ORG, token=TOKEN)
        ck.check(r.status == 200, "setup: organization created", str(r.body[:200]))
        c.close()
        test_latency(ck, srv)
        test_parallel_latency(ck, srv)
        test_429(ck, srv)
        test_5xx(ck, srv)
        test_drop(ck, srv)
        test_truncate(ck, srv)
        test_seed(ck, srv)
        test_sequence(ck, srv)
        test_stats_reset_log(ck, srv)
    test_start_options(ck)
    return ck.finish()


if __name__ == "__main__":
    sys.exit(main())
