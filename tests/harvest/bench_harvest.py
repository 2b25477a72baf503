#!/usr/bin/env python3
"""Benchmark of dcatit harvest: 5,000 CKAN datasets served by the CKAN test
server with 20 ms latency per request, harvested with --jobs 8 and --jobs 1
(fresh output each), then a rerun with nothing changed. Prints wall time and
peak RSS of dcatit for each, and the jobs 1 / jobs 8 ratio.
Usage: bench_harvest.py DCATIT [N] [PAGE_SIZE]
$HARVEST_BENCH_DIR: where the output goes (default: the temporary directory;
creating 5,000 files costs much more on some disks than on tmpfs)."""

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ckan"))
import ckantest  # noqa: E402

DCATIT = os.path.abspath(sys.argv[1])
N = int(sys.argv[2]) if len(sys.argv) > 2 else 5000
# 100 rows a page: 50 pages, so --jobs has pages to spread (1000 rows would give 5)
PAGE = int(sys.argv[3]) if len(sys.argv) > 3 else 100
THEMES = json.dumps([{"theme": "ECON", "subthemes": []}])

MEASURE = r"""
import resource, subprocess, sys, time
t0 = time.monotonic()
r = subprocess.run(sys.argv[2:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.monotonic() - t0
with open(sys.argv[1], "w") as f:
    f.write("%f %d %d" % (wall, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss,
                          r.returncode))
sys.stderr.buffer.write(r.stderr[-2000:])
"""


def run(cfg, out, jobs, tmp):
    res = os.path.join(tmp, "res")
    subprocess.run([sys.executable, "-c", MEASURE, res, DCATIT, "harvest", "-c", cfg, "-o", out,
                    "--jobs", str(jobs)], check=False, timeout=1500)
    wall, rss, rc = open(res).read().split()
    return float(wall), int(rss), int(rc)


def main():
    tmp = tempfile.mkdtemp(prefix="harvest-bench-", dir=os.environ.get("HARVEST_BENCH_DIR"))
    try:
        with ckantest.Server("--latency-ms", "20") as srv:
            c = srv.client(timeout=300)
            c.action("organization_create", {"name": "org", "title": "Org",
                                             "identifier": "c_a000"}, token=ckantest.TOKEN)
            pk = [{"name": "ds-%05d" % i, "title": "Dataset %d" % i, "owner_org": "org",
                   "notes": "Descrizione %d" % i, "identifier": "c_a000:%d" % i,
                   "modified": "2024-01-15", "frequency": "ANNUAL", "themes_aggregate": THEMES,
                   "publisher_name": "Comune di Prova", "publisher_identifier": "c_a000",
                   "resources": [{"name": "csv", "url": "http://example.org/%d.csv" % i,
                                  "format": "CSV"}]} for i in range(N)]
            srv.control("load", {"packages": pk})
            cfg = os.path.join(tmp, "cfg")
            os.makedirs(cfg)
            with open(os.path.join(cfg, "ck.yaml"), "w") as f:
                f.write("type: ckan\nurl: %s\npage_size: %d\n" % (srv.site, PAGE))
            # warm the server up: its first search of a fresh load is slower
            for start in range(0, N, 1000):
                c.action("package_search", {"q": "*:*", "rows": 1000, "start": start,
                                            "sort": "id asc"}, method="GET")
            results = {}
            # best of two fresh harvests each, alternating: the machine is shared
            for rep_no in range(2):
                for jobs in (8, 1):
                    out = os.path.join(tmp, "out-%d-%d" % (jobs, rep_no))
                    got = run(cfg, out, jobs, tmp)
                    if jobs not in results or got[0] < results[jobs][0]:
                        results[jobs] = got
            results["rerun"] = run(cfg, os.path.join(tmp, "out-8-1"), 8, tmp)
            with open(os.path.join(tmp, "out-8-1", "ck", "report.json")) as f:
                rep = json.load(f)
        print("harvest of %d CKAN datasets, 20 ms latency, %d rows a page (%d pages), "
              "output in %s" % (N, PAGE, (N + PAGE - 1) // PAGE, os.path.dirname(tmp)))
        for k in (8, 1):
            w, rss, rc = results[k]
            print("  --jobs %d (best of 2): %.2f s wall, peak RSS %.1f MiB, exit %d" % (k, w, rss / 1024, rc))
        w, rss, rc = results["rerun"]
        print("  rerun, nothing changed (--jobs 8): %.2f s wall, peak RSS %.1f MiB, "
              "%d unchanged, %d rewritten" % (w, rss / 1024, rep["records"]["unchanged"],
                                              rep["records"]["new"] + rep["records"]["changed"]))
        print("  ratio jobs 1 / jobs 8: %.2f" % (results[1][0] / results[8][0]))
        return 0 if results[8][2] == 0 and results[1][2] == 0 else 1
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
