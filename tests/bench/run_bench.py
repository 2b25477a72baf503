#!/usr/bin/env python3
"""run_bench.py: time `dcatit validate` against rapper and the JavaScript SHACL engines.

Generates (or reuses) a synthetic DCAT-AP_IT catalogue with gen_catalog.py, then
runs, one after the other, each as a child process whose wall time and peak RSS
(ru_maxrss from wait4) are measured:

  dcatit validate FILE --shapes SHAPES --format json
  rapper -q -c -i turtle FILE
  node js/validate-shacl-engine.mjs FILE --shapes SHAPES        (when installed)
  node js/validate-rdf-validate-shacl.mjs FILE --shapes SHAPES  (when installed)

and prints a table and the ratios issue 2 sets: dcatit/rapper wall <= 1.5,
dcatit/rapper RSS <= 2, shacl-engine/dcatit wall >= 30. The JS engines can run on
a smaller catalogue (--js-datasets); dcatit is then also timed on that one so
the speed-up compares like with like. By default they run on at most 10,000
datasets (about 4 GB of heap each); --js-datasets 50000 for the full size.

    run_bench.py --dcatit build/dcatit [--datasets 50000] [--js-datasets 10000]

Settings may also come from the environment: DCATIT, DCATIT_BENCH_DATASETS,
DCATIT_BENCH_JS_DATASETS, DCATIT_BENCH_SEED, DCATIT_BENCH_WORKDIR,
DCATIT_BENCH_JS_TIMEOUT, DCATIT_BENCH_NO_JS=1.
"""

import argparse
import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SHAPES = os.path.join(HERE, "shapes", "dcat-ap_2.1.1_shacl_shapes.ttl")
GEN = os.path.join(HERE, "gen_catalog.py")
JS_DIR = os.path.join(HERE, "js")
JS_ENGINES = [("shacl-engine", "validate-shacl-engine.mjs"),
              ("rdf-validate-shacl", "validate-rdf-validate-shacl.mjs")]
TARGETS = {"wall": 1.5, "rss": 2.0, "speedup": 30.0}


def env_int(name, default):
    v = os.environ.get(name)
    return int(v) if v not in (None, "") else default


def measure(argv, timeout, out_path, err_path):
    """Run argv; return dict(rc, wall, rss_mb, cpu (user + system s), timed_out). Output goes to files."""
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        t0 = time.monotonic()
        p = subprocess.Popen(argv, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                             start_new_session=True)
        timed_out = []

        def kill():
            timed_out.append(True)
            try:
                os.killpg(p.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        timer = threading.Timer(timeout, kill) if timeout else None
        if timer:
            timer.start()
        _, status, ru = os.wait4(p.pid, 0)
        wall = time.monotonic() - t0
        if timer:
            timer.cancel()
        p.returncode = os.waitstatus_to_exitcode(status)
    return {"rc": p.returncode, "wall": wall, "rss_mb": ru.ru_maxrss / 1024.0,
            "cpu": ru.ru_utime + ru.ru_stime, "timed_out": bool(timed_out)}


def gen_hash():
    with open(GEN, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()[:8]


def catalogue(workdir, n, seed, error_rate):
    """Path of the catalogue for (n, seed, error rate, generator version), made if missing."""
    stem = "catalog-%d-s%d-e%g-%s" % (n, seed, error_rate, gen_hash())
    ttl = os.path.join(workdir, stem + ".ttl")
    meta = os.path.join(workdir, stem + ".meta.json")
    if os.path.exists(ttl) and os.path.exists(meta):
        with open(meta, encoding="utf-8") as f:
            return ttl, json.load(f)
    tmp = ttl + ".tmp"
    t0 = time.monotonic()
    subprocess.run([sys.executable, GEN, "--datasets", str(n), "--seed", str(seed),
                    "--error-rate", str(error_rate), "-o", tmp,
                    "--manifest", os.path.join(workdir, stem + ".manifest.json")], check=True)
    gen_s = time.monotonic() - t0
    triples = None
    if shutil.which("rapper"):
        p = subprocess.run(["rapper", "-c", "-i", "turtle", tmp], capture_output=True, text=True, check=False)
        for line in p.stderr.splitlines():
            if "returned" in line:
                triples = int(line.split("returned")[1].split()[0])
    os.replace(tmp, ttl)
    info = {"datasets": n, "seed": seed, "error_rate": error_rate, "bytes": os.path.getsize(ttl),
            "triples": triples, "generate_s": round(gen_s, 2)}
    with open(meta, "w", encoding="utf-8") as f:
        json.dump(info, f)
    return ttl, info


def count_json_results(path):
    """Number of results in dcatit's JSON output (best effort), else None."""
    try:
        sys.path.insert(0, HERE)
        sys.dont_write_bytecode = True
        import compare_results
        with open(path, encoding="utf-8") as f:
            return len(compare_results.results_from_json(json.load(f)))
    except (OSError, ValueError, ImportError):
        return None


def dcatit_available(exe):
    if not exe or not os.access(exe, os.X_OK):
        return False
    try:
        p = subprocess.run([exe, "validate", "--help"], capture_output=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return p.returncode == 0


def run_dcatit(a, ttl, tag, report=False):
    out = os.path.join(a.workdir, "dcatit-%s.json" % tag)
    r = measure([a.dcatit, "validate", ttl, "--shapes", SHAPES, "--format", "json"], a.timeout,
                out, out + ".err")
    r["results"] = count_json_results(out) if r["rc"] in (0, 1) else None
    r["ok"] = r["rc"] in (0, 1) and not r["timed_out"]
    if r["ok"] and report:
        ttl_out = os.path.join(a.workdir, "dcatit-%s.report.ttl" % tag)
        measure([a.dcatit, "validate", ttl, "--shapes", SHAPES, "--format", "ttl"], a.timeout,
                ttl_out, ttl_out + ".err")
        r["report"] = ttl_out
    return r


def run_js(a, name, script, ttl, tag):
    out = os.path.join(a.workdir, "%s-%s.out" % (name, tag))
    argv = ["node", "--max-old-space-size=%d" % a.js_heap_mb, os.path.join(JS_DIR, script), ttl,
            "--shapes", SHAPES]
    report = os.path.join(a.workdir, "%s-%s.report.nt" % (name, tag))
    if a.compare:
        argv += ["--report", report]
    r = measure(argv, a.js_timeout, out, out + ".err")
    r["ok"] = r["rc"] == 0 and not r["timed_out"]
    r["results"] = None
    if r["ok"]:
        with open(out, encoding="utf-8") as f:
            lines = [ln for ln in f.read().splitlines() if ln.startswith("{")]
        if lines:
            r.update({k: v for k, v in json.loads(lines[-1]).items() if k in ("results", "load_s", "validate_s")})
        if a.compare:
            r["report"] = report
    return r


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--dcatit", default=os.environ.get("DCATIT"), help="path of the dcatit binary")
    ap.add_argument("--datasets", type=int, default=env_int("DCATIT_BENCH_DATASETS", 50000))
    ap.add_argument("--js-datasets", type=int, default=env_int("DCATIT_BENCH_JS_DATASETS", 0),
                    help="catalogue size for the JS engines (default: --datasets, at most 10000: "
                         "they need about 4 GB per 10,000 datasets)")
    ap.add_argument("--seed", type=int, default=env_int("DCATIT_BENCH_SEED", 1))
    ap.add_argument("--error-rate", type=float, default=0.02)
    ap.add_argument("--workdir", default=os.environ.get("DCATIT_BENCH_WORKDIR", "bench-work"),
                    help="where catalogues and outputs go (cached by size, seed, error rate)")
    ap.add_argument("--timeout", type=float, default=900, help="seconds for dcatit and rapper")
    ap.add_argument("--js-timeout", type=float, default=env_int("DCATIT_BENCH_JS_TIMEOUT", 900),
                    help="seconds for each JS engine (default 900)")
    ap.add_argument("--js-heap-mb", type=int, default=8192, help="node --max-old-space-size (default 8192)")
    ap.add_argument("--no-js", action="store_true", default=os.environ.get("DCATIT_BENCH_NO_JS") == "1")
    ap.add_argument("--compare", action="store_true",
                    help="also write sh:ValidationReports and run compare_results.py on the JS-size catalogue")
    ap.add_argument("--check", action="store_true", help="exit 1 when a measured ratio misses its target")
    ap.add_argument("--json", help="write the measurements as JSON to this file")
    a = ap.parse_args()
    js_n = a.js_datasets or min(a.datasets, 10000)
    os.makedirs(a.workdir, exist_ok=True)
    a.workdir = os.path.abspath(a.workdir)

    ttl, info = catalogue(a.workdir, a.datasets, a.seed, a.error_rate)
    js_ttl = ttl
    print("catalogue: %s\n  %d datasets, %s triples, %.1f MB (seed %d, error rate %g)"
          % (ttl, info["datasets"], info["triples"], info["bytes"] / 1e6, a.seed, a.error_rate))
    rows = []   # (tool, datasets, measurement)
    have_dcatit = dcatit_available(a.dcatit)
    if not have_dcatit:
        print("dcatit validate: not available (%s)" % (a.dcatit or "no --dcatit given"))
    else:
        rows.append(("dcatit validate", a.datasets,
                     run_dcatit(a, ttl, str(a.datasets), a.compare and js_n == a.datasets)))
    if shutil.which("rapper"):
        r = measure(["rapper", "-q", "-c", "-i", "turtle", ttl], a.timeout,
                    os.path.join(a.workdir, "rapper.out"), os.path.join(a.workdir, "rapper.err"))
        r["ok"] = r["rc"] == 0 and not r["timed_out"]
        r["results"] = None
        rows.append(("rapper -q -c", a.datasets, r))
    else:
        print("rapper: not available")

    js_ready = (not a.no_js and shutil.which("node")
                and os.path.isdir(os.path.join(JS_DIR, "node_modules")))
    if a.no_js:
        print("JS engines: skipped (--no-js)")
    elif not js_ready:
        print("JS engines: not installed (cd tests/bench/js && npm ci)")
    else:
        if js_n != a.datasets:
            js_ttl, js_info = catalogue(a.workdir, js_n, a.seed, a.error_rate)
            print("JS catalogue: %d datasets, %s triples, %.1f MB" % (js_n, js_info["triples"], js_info["bytes"] / 1e6))
            if have_dcatit:
                rows.append(("dcatit validate", js_n, run_dcatit(a, js_ttl, str(js_n), a.compare)))
        for name, script in JS_ENGINES:
            if not os.path.isdir(os.path.join(JS_DIR, "node_modules", name)):
                print("%s: not installed" % name)
                continue
            print("running %s on %d datasets (timeout %gs)..." % (name, js_n, a.js_timeout), flush=True)
            rows.append((name, js_n, run_js(a, name, script, js_ttl, str(js_n))))

    def find(tool, n):
        for t, size, r in rows:
            if t == tool and size == n and r["ok"]:
                return r
        return None
    rapper = find("rapper -q -c", a.datasets)
    print("\n%-20s %9s %9s %12s %9s %12s %11s" % ("tool", "datasets", "wall s", "peak RSS MB", "results",
                                                 "wall/rapper", "RSS/rapper"))
    for tool, n, r in rows:
        if not r["ok"]:
            state = "timed out" if r["timed_out"] else "failed (exit %d)" % r["rc"]
            print("%-20s %9d %9.2f %12.0f %9s   %s" % (tool, n, r["wall"], r["rss_mb"], "-", state))
            continue
        rel = n == a.datasets and rapper
        print("%-20s %9d %9.2f %12.0f %9s %12s %11s"
              % (tool, n, r["wall"], r["rss_mb"], "-" if r["results"] is None else r["results"],
                 ("%.2f" % (r["wall"] / rapper["wall"])) if rel else "-",
                 ("%.2f" % (r["rss_mb"] / rapper["rss_mb"])) if rel else "-"))

    print("\ntargets (issue 2):")
    verdicts = []
    d = find("dcatit validate", a.datasets)
    if d and rapper:
        w = d["wall"] / rapper["wall"]
        m = d["rss_mb"] / rapper["rss_mb"]
        verdicts += [w <= TARGETS["wall"], m <= TARGETS["rss"]]
        print("  dcatit/rapper wall   %6.2f  (target <= %.1f)  %s" % (w, TARGETS["wall"], "ok" if w <= TARGETS["wall"] else "MISSED"))
        print("  dcatit/rapper RSS    %6.2f  (target <= %.1f)  %s" % (m, TARGETS["rss"], "ok" if m <= TARGETS["rss"] else "MISSED"))
    else:
        print("  dcatit/rapper wall, RSS: not measured")
    se = find("shacl-engine", js_n)
    dj = find("dcatit validate", js_n)
    if se and dj:
        s = se["wall"] / dj["wall"]
        verdicts.append(s >= TARGETS["speedup"])
        print("  shacl-engine/dcatit  %6.1f  (target >= %.0f, %d datasets)  %s"
              % (s, TARGETS["speedup"], js_n, "ok" if s >= TARGETS["speedup"] else "MISSED"))
    else:
        print("  speed-up vs shacl-engine: not measured")
    rv = find("rdf-validate-shacl", js_n)
    if rv and dj:
        print("  rdf-validate-shacl/dcatit %6.1f (%d datasets)" % (rv["wall"] / dj["wall"], js_n))

    if a.compare:
        inputs = ["%s=%s" % (t.replace(" validate", ""), r["report"]) for t, n, r in rows
                  if n == js_n and r["ok"] and r.get("report")]
        if len(inputs) >= 2:
            stem = os.path.basename(ttl if js_n == a.datasets else js_ttl)[:-4]
            print("\n" + "=" * 70, flush=True)
            subprocess.run([sys.executable, os.path.join(HERE, "compare_results.py")] + inputs
                           + ["--manifest", os.path.join(a.workdir, stem + ".manifest.json")], check=False)

    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"catalogue": info, "js_datasets": js_n,
                       "runs": [{"tool": t, "datasets": n, **r} for t, n, r in rows]}, f, indent=1)
            f.write("\n")
    if a.check and not all(verdicts):
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
