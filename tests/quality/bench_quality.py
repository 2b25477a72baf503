#!/usr/bin/env python3
"""bench_quality.py: `dcatit quality` on the 50,000-dataset synthetic catalogue.

Issue 10's bars, measured in one run on the catalogue tests/bench generates (gen_catalog.py,
cached in the work dir):
- scoring (with the DCAT-AP_IT validation it includes, JSON out) takes at most 1.2 x the time
  of `dcatit validate FILE --format json` on the same file: both run --runs times, one after
  the other, and the best wall times and the best CPU times (user + system) are compared;
- its HTML report is at most 20 MB and the browser renders it in at most 3 s (Chromium's
  loadEventEnd of the page opened from its file, js/check_report.cjs; needs chromium and
  `npm ci --prefix tests/quality/js`, else that part is reported as not measured).

    bench_quality.py --dcatit build/dcatit [--datasets 50000] [--runs 3] [--check] [--workdir D]

Wall times on a machine shared with other jobs vary by 2x from run to run; the CPU ratio is
the steadier figure. No timed assertion: --check makes a missed target exit 1, for manual use.
"""
import argparse
import json
import os
import subprocess
import sys

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(SRCDIR, "tests", "bench"))
import run_bench  # noqa: E402  (catalogue generation and the wait4-based measure)

RATIO_TARGET = 1.2
HTML_MB_TARGET = 20.0
RENDER_S_TARGET = 3.0


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dcatit", required=True)
    ap.add_argument("--datasets", type=int, default=run_bench.env_int("DCATIT_BENCH_DATASETS", 50000))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--runs", type=int, default=run_bench.env_int("DCATIT_BENCH_RUNS", 3))
    ap.add_argument("--workdir", default="bench-work")
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--check", action="store_true")
    a = ap.parse_args()
    os.makedirs(a.workdir, exist_ok=True)
    a.workdir = os.path.abspath(a.workdir)
    ttl, info = run_bench.catalogue(a.workdir, a.datasets, a.seed, 0.02)
    print("catalogue: %s\n  %d datasets, %s triples, %.1f MB"
          % (ttl, info["datasets"], info["triples"], info["bytes"] / 1e6))
    os.environ["DCATIT_DATADIR"] = os.path.join(SRCDIR, "vocab")
    qjson = os.path.join(a.workdir, "quality.json")
    tools = {
        "dcatit validate --format json": [a.dcatit, "validate", ttl, "--format", "json"],
        "dcatit quality --format json": [a.dcatit, "quality", ttl, "--format", "json", "-o", qjson],
    }
    runs = {name: [] for name in tools}
    for i in range(max(1, a.runs)):
        for name, argv in tools.items():
            out = os.path.join(a.workdir, "bench-quality.out")
            r = run_bench.measure(argv, a.timeout, out, out + ".err")
            if r["rc"] not in (0, 1) or r["timed_out"]:
                print("%s failed (exit %d): %s" % (name, r["rc"], open(out + ".err").read()[-400:]))
                return 1
            runs[name].append(r)
            print("  run %d  %-30s wall %7.2f s  cpu %7.2f s  %8.1f MB"
                  % (i + 1, name, r["wall"], r["cpu"], r["rss_mb"]), flush=True)
    v, q = "dcatit validate --format json", "dcatit quality --format json"
    wall = min(r["wall"] for r in runs[q]) / min(r["wall"] for r in runs[v])
    cpu = min(r["cpu"] for r in runs[q]) / min(r["cpu"] for r in runs[v])
    doc = json.load(open(qjson))
    print("quality: %d datasets scored, catalogue %.2f (%s)"
          % (doc["catalogue"]["datasets"], doc["catalogue"]["score"], doc["catalogue"]["band"]))
    print("ratio quality / validate: wall %.2f, cpu %.2f (target <= %.1f)" % (wall, cpu, RATIO_TARGET))
    missed = []
    if min(wall, cpu) > RATIO_TARGET:
        missed.append("ratio")

    # the HTML report of the same catalogue: its size and how long the browser takes
    html = os.path.join(a.workdir, "quality.html")
    r = run_bench.measure([a.dcatit, "quality", ttl, "--format", "html", "-o", html], a.timeout,
                          os.path.join(a.workdir, "html.out"), os.path.join(a.workdir, "html.err"))
    if r["rc"] != 0:
        print("dcatit quality --format html failed (exit %d)" % r["rc"])
        return 1
    mb = os.path.getsize(html) / 1e6
    print("html: %.2f MB (target <= %.0f MB), written in %.2f s" % (mb, HTML_MB_TARGET, r["wall"]))
    if mb > HTML_MB_TARGET:
        missed.append("html size")
    node = subprocess.run(["node", os.path.join(HERE, "js", "check_report.cjs"), html,
                           "--screenshot", os.path.join(a.workdir, "quality-50k.png")],
                          capture_output=True, timeout=600) if os.path.exists(
        os.path.join(HERE, "js", "node_modules")) else None
    if node is None:
        print("render: not measured (npm ci --prefix tests/quality/js, apt-get install chromium)")
    else:
        try:
            res = json.loads(node.stdout.decode().strip().splitlines()[-1])
        except (ValueError, IndexError):
            res = {"error": node.stderr.decode(errors="replace")[-400:]}
        if res.get("error"):
            print("render: not measured: %s" % res["error"])
        else:
            load = res["timing"]["load_ms"] / 1000.0
            print("render: load %.2f s (DOMContentLoaded %.2f s, %d DOM nodes; target <= %.0f s); "
                  "console errors %d, requests %d" % (load, res["timing"]["dom_content_loaded_ms"] / 1000.0,
                                                     res["timing"]["nodes"], RENDER_S_TARGET,
                                                     len(res["console"]), len(res["requests"])))
            if load > RENDER_S_TARGET:
                missed.append("render time")
    print("targets missed: %s" % (", ".join(missed) if missed else "none"))
    return 1 if a.check and missed else 0


if __name__ == "__main__":
    sys.exit(main())
