#!/usr/bin/env python3
"""bench_links.py: `dcatit quality --check-links` on 10,000 URLs served with 50 ms latency.

Issue 10's bar: at least 300 URLs/s with --jobs 32 and a peak RSS of at most 100 MB. The
server is linkserver.py in its own process on 127.0.0.1, listening on 8 ports (8 hosts for the
checker's cap of 4 requests per host, so 32 can run at once); every answer waits 50 ms. The
catalogue has one dataset per URL. In the same run, a peer: the same checker with --jobs 4 on
the first 1,000 URLs (what the cap allows against a single host), for the speed-up ratio.
URLs/s is counted over the whole command (parsing and scoring included).

    bench_links.py --dcatit build/dcatit [--urls 10000] [--latency 0.05] [--check]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SRCDIR, "tests", "bench"))
import run_bench  # noqa: E402

RATE_TARGET = 300.0
RSS_TARGET_MB = 100.0
PORTS = 8


def catalogue(path, ports, n):
    with open(path, "w") as f:
        f.write("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n")
        for i in range(n):
            f.write("<https://dati.example/d%d> a dcat:Dataset ; dcat:distribution "
                    "<https://dati.example/d%d/x> .\n<https://dati.example/d%d/x> dcat:accessURL "
                    "<http://127.0.0.1:%d/ok/%d> .\n" % (i, i, i, ports[i % len(ports)], i))


def run(a, cat, jobs, work):
    out = os.path.join(work, "links-%d.json" % jobs)
    argv = [a.dcatit, "quality", cat, "--no-validate", "--check-links", "--link-cache", "none", "--allow-host", "127.0.0.1",
            "--jobs", str(jobs), "--format", "json", "-o", out]
    r = run_bench.measure(argv, 1800, os.path.join(work, "o"), os.path.join(work, "e"))
    if r["rc"] != 0 or r["timed_out"]:
        print("dcatit failed (exit %d): %s" % (r["rc"], open(os.path.join(work, "e")).read()[-400:]))
        return None, None
    return r, json.load(open(out))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dcatit", required=True)
    ap.add_argument("--urls", type=int, default=10000)
    ap.add_argument("--latency", type=float, default=0.05)
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    os.environ["DCATIT_DATADIR"] = os.path.join(SRCDIR, "vocab")
    for k in ("http_proxy", "https_proxy", "all_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        os.environ.pop(k, None)
    srv = subprocess.Popen([sys.executable, os.path.join(HERE, "linkserver.py"), "--latency",
                            str(a.latency), "--ports", str(PORTS)], stdout=subprocess.PIPE)
    try:
        ports = [int(p) for p in srv.stdout.readline().split()]
        with tempfile.TemporaryDirectory(prefix="dcatit-bench-links-") as work:
            cat = os.path.join(work, "links.ttl")
            catalogue(cat, ports, a.urls)
            small = os.path.join(work, "links-1000.ttl")
            catalogue(small, ports[:1], min(1000, a.urls))
            r, doc = run(a, cat, 32, work)
            if not r:
                return 1
            ok = sum(1 for d in doc["datasets"] if d["access_url_status"] == 200)
            rate = a.urls / r["wall"]
            print("--jobs 32, %d URLs on %d hosts, %.0f ms latency: wall %.2f s, %.0f URLs/s "
                  "(target >= %.0f), peak RSS %.1f MB (target <= %.0f), cpu %.2f s; %d answered 200, "
                  "%d requests" % (a.urls, len(ports), a.latency * 1000, r["wall"], rate, RATE_TARGET,
                                   r["rss_mb"], RSS_TARGET_MB, r["cpu"], ok, doc["links"]["requests"]))
            p, pdoc = run(a, small, 4, work)
            if not p:
                return 1
            prate = min(1000, a.urls) / p["wall"]
            print("peer --jobs 4, 1,000 URLs on one host: wall %.2f s, %.0f URLs/s; ratio %.1fx"
                  % (p["wall"], prate, rate / prate))
            missed = []
            if rate < RATE_TARGET:
                missed.append("rate")
            if r["rss_mb"] > RSS_TARGET_MB:
                missed.append("memory")
            if ok != a.urls:
                missed.append("%d URLs not 200" % (a.urls - ok))
            print("targets missed: %s" % (", ".join(missed) if missed else "none"))
            return 1 if a.check and missed else 0
    finally:
        srv.kill()
        srv.wait()


if __name__ == "__main__":
    sys.exit(main())
