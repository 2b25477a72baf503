#!/usr/bin/env python3
"""Benchmark: push 1,000 generated datasets to the CKAN test server with 20 ms of
latency per request, with --jobs 1 and --jobs 8, each into a fresh server; print
the times, the push's peak RSS and the ratio (the issue asks for at least 5x).
Usage: bench_push.py DCATIT PUSH_DRIVER [N]"""

import os
import subprocess
import sys
import tempfile
import time

sys.dont_write_bytecode = True
HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "ckan"))
sys.path.insert(0, HERE)
import ckantest  # noqa: E402

TOKEN = "bench-token-51c0"


def main():
    dcatit, driver = sys.argv[1], sys.argv[2]
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 1000
    try:
        r = subprocess.run([dcatit, "push", "--help"], capture_output=True, timeout=30)
        push = [dcatit, "push"] if r.returncode == 0 and b"--ckan" in r.stdout else [driver]
    except OSError:
        push = [driver]
    with tempfile.TemporaryDirectory(prefix="push-bench-") as tmp:
        cat = os.path.join(tmp, "cat.ttl")
        subprocess.run([sys.executable, os.path.join(HERE, "gen_catalog.py"), str(n), cat],
                       check=True)
        env = dict(os.environ, CKAN_API_TOKEN=TOKEN)
        times = {}
        for jobs in (1, 8):
            with ckantest.Server("--latency-ms", "20", token=TOKEN) as srv:
                t0 = time.monotonic()
                with tempfile.TemporaryFile() as err:
                    p = subprocess.Popen(push + ["--ckan", srv.site, "--org", "bench", "--jobs",
                                                 str(jobs), "--org-identifier", "c_a000", cat],
                                         stdout=subprocess.DEVNULL, stderr=err, env=env)
                    # wait4, not wait: the child's own peak RSS (KiB on Linux)
                    _, status, usage = os.wait4(p.pid, 0)
                    p.returncode = os.waitstatus_to_exitcode(status)
                    times[jobs] = time.monotonic() - t0
                    err.seek(0)
                    errtext = err.read().decode(errors="replace")
                stats = srv.control("stats")
                if p.returncode != 0 or stats["packages"].get("active") != n:
                    print("push --jobs %d failed: %s" % (jobs, errtext[-500:]))
                    return 1
                print("jobs %d: %d datasets in %.2f s (%d requests, max in flight %d), "
                      "peak RSS %.1f MiB" % (jobs, n, times[jobs], stats["requests"],
                                             stats["max_inflight"], usage.ru_maxrss / 1024))
        print("speed-up --jobs 8 vs --jobs 1: %.1fx" % (times[1] / times[8]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
