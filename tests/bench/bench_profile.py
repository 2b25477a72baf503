#!/usr/bin/env python3
"""bench_profile.py: `dcatit validate` with the full DCAT-AP_IT profile against `rapper -c`.

Issue 3 sets the bar: validating a 50,000-dataset catalogue with the profile as users get it
(no --shapes: vocab/shapes/dcatapit.ttl + dcatapit-extra.ttl with their vocabulary lists, the
organisations registry and the checks in C) takes at most 2 x the wall time of
`rapper -q -c -i turtle` on the same file. The catalogue is the one run_bench.py generates
(gen_catalog.py, cached in the work dir). Each tool runs --runs times (default 3), one after
the other, and the best wall time of each is compared (the least disturbed run of both); the
ratio of CPU times (user + system) is printed as well, the fairer figure on a loaded machine.

    bench_profile.py --dcatit build/dcatit [--datasets 50000] [--runs 3] [--check] [--json OUT]

The data directory is the source tree's vocab/ (DCATIT_DATADIR), so the run measures the
profile of this checkout, not an installed one. Standard library only.
"""

import argparse
import json
import os
import shutil
import sys

sys.dont_write_bytecode = True  # keep the source tree free of __pycache__
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import run_bench  # noqa: E402  (catalogue generation and the wait4-based measure)

TARGET = 2.0
VOCAB = os.path.join(os.path.dirname(os.path.dirname(HERE)), "vocab")


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--dcatit", default=os.environ.get("DCATIT"), help="path of the dcatit binary")
    ap.add_argument("--datasets", type=int, default=run_bench.env_int("DCATIT_BENCH_DATASETS", 50000))
    ap.add_argument("--seed", type=int, default=run_bench.env_int("DCATIT_BENCH_SEED", 1))
    ap.add_argument("--error-rate", type=float, default=0.02)
    ap.add_argument("--runs", type=int, default=run_bench.env_int("DCATIT_BENCH_RUNS", 3))
    ap.add_argument("--workdir", default=os.environ.get("DCATIT_BENCH_WORKDIR", "bench-work"))
    ap.add_argument("--timeout", type=float, default=900)
    ap.add_argument("--check", action="store_true", help="exit 1 when the ratio misses its target")
    ap.add_argument("--json", help="write the measurements as JSON to this file")
    a = ap.parse_args()
    if not run_bench.dcatit_available(a.dcatit):
        print("dcatit validate: not available (%s)" % (a.dcatit or "no --dcatit given"))
        return 1
    if not shutil.which("rapper"):
        print("rapper: not available; nothing to compare with")
        return 0
    os.makedirs(a.workdir, exist_ok=True)
    a.workdir = os.path.abspath(a.workdir)
    ttl, info = run_bench.catalogue(a.workdir, a.datasets, a.seed, a.error_rate)
    print("catalogue: %s\n  %d datasets, %s triples, %.1f MB (seed %d, error rate %g)"
          % (ttl, info["datasets"], info["triples"], info["bytes"] / 1e6, a.seed, a.error_rate))
    os.environ["DCATIT_DATADIR"] = VOCAB
    out = os.path.join(a.workdir, "dcatit-profile.json")
    tools = {
        "dcatit validate (profile dcatapit)": [a.dcatit, "validate", ttl, "--format", "json"],
        "rapper -q -c": ["rapper", "-q", "-c", "-i", "turtle", ttl],
    }
    runs = {name: [] for name in tools}
    for i in range(max(1, a.runs)):
        for name, argv in tools.items():
            dest = out if argv[0] == a.dcatit else os.path.join(a.workdir, "rapper-profile.out")
            r = run_bench.measure(argv, a.timeout, dest, dest + ".err")
            ok = r["rc"] in ((0, 1) if argv[0] == a.dcatit else (0,)) and not r["timed_out"]
            if not ok:
                with open(dest + ".err", encoding="utf-8", errors="replace") as f:
                    print("%s failed (exit %d): %s" % (name, r["rc"], f.read()[-400:]))
                return 1
            runs[name].append(r)
            print("  run %d  %-36s wall %7.2f s  cpu %7.2f s  %8.1f MB"
                  % (i + 1, name, r["wall"], r["cpu"], r["rss_mb"]), flush=True)
    best = {name: min(rs, key=lambda r: r["wall"]) for name, rs in runs.items()}
    cpu = {name: min(r["cpu"] for r in rs) for name, rs in runs.items()}
    d, p = best["dcatit validate (profile dcatapit)"], best["rapper -q -c"]
    results = run_bench.count_json_results(out)
    ratio = d["wall"] / p["wall"]
    cpu_ratio = cpu["dcatit validate (profile dcatapit)"] / cpu["rapper -q -c"]
    print("\n%-36s %10s %10s %10s" % ("best of %d" % a.runs, "wall s", "cpu s", "RSS MB"))
    for name, r in best.items():
        print("%-36s %10.2f %10.2f %10.1f" % (name, r["wall"], cpu[name], r["rss_mb"]))
    print("dcatit results: %s" % results)
    # wall time is the target; CPU time (user + system) is printed too because on a loaded
    # machine the wall times of two runs are not comparable while their CPU times are
    print("\nprofile validate / rapper -c wall  %6.2f  (target <= %.1f)  %s"
          % (ratio, TARGET, "ok" if ratio <= TARGET else "MISSED"))
    print("profile validate / rapper -c cpu   %6.2f" % cpu_ratio)
    if a.json:
        with open(a.json, "w", encoding="utf-8") as f:
            json.dump({"catalogue": info, "runs": runs, "ratio_wall": ratio, "ratio_cpu": cpu_ratio,
                       "target": TARGET,
                       "results": results}, f, indent=1)
    return 1 if a.check and ratio > TARGET else 0


if __name__ == "__main__":
    sys.exit(main())
