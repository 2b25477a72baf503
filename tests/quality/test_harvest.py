#!/usr/bin/env python3
"""test_harvest.py: the per-source quality scores in `dcatit harvest`'s reports.

Two DCAT sources served from files by tests/harvest/dcat_server.py on 127.0.0.1 are harvested;
each source's report.json then carries a "quality" object. It must agree with
`dcatit quality OUT`, which scores the same records another way (one graph per source, not
the merged catalogue with each dataset traced to its source): same number of datasets, the
same mean score (rounded, as data.europa.eu shows it), assessed maximum and band. The sources
differ on purpose (one full dataset; three poor ones), and --no-quality leaves the score out.

Usage: test_harvest.py DCATIT
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
DCAT_SERVER = os.path.join(SRCDIR, "tests", "harvest", "dcat_server.py")
SCALE = float(os.environ.get("DCATIT_TEST_TIMEOUT_SCALE", "1") or 1)
FAILS = []


def check(cond, msg):
    if not cond:
        FAILS.append(msg)
        print("FAIL " + msg)


def run(argv, cwd=None):
    env = dict(os.environ, DCATIT_DATADIR=os.path.join(SRCDIR, "vocab"))
    for k in ("http_proxy", "https_proxy", "all_proxy", "HTTPS_PROXY", "ALL_PROXY"):
        env.pop(k, None)
    return subprocess.run(argv, capture_output=True, env=env, cwd=cwd, timeout=300 * SCALE)


def main():
    dcatit = sys.argv[1]
    tmp = tempfile.mkdtemp(prefix="dcatit-quality-harvest-")
    data = os.path.join(tmp, "data")
    os.makedirs(data)
    base = open(os.path.join(HERE, "base.ttl")).read()
    body = base[base.index("@prefix"):]
    prefixes = body[:body.index("ex:catalog")]
    with open(os.path.join(data, "full.ttl"), "w") as f:
        f.write(body)
    poor = prefixes
    for i in range(3):
        poor += ('\nds:poor%d a dcatapit:Dataset, dcat:Dataset ;\n    dct:identifier "c_a000:poor%d" ;\n'
                 '    dct:title "Povero %d"@it ;\n    dcat:keyword "k"@it ;\n'
                 '    dct:publisher org:r_toscan .\n' % (i, i, i))
    poor += ('\norg:r_toscan a dcatapit:Agent, foaf:Agent ;\n    foaf:name "Regione Toscana"@it ;\n'
             '    dct:identifier "r_toscan" .\n')
    with open(os.path.join(data, "poor.ttl"), "w") as f:
        f.write(poor)
    port_file = os.path.join(tmp, "port")
    srv = subprocess.Popen([sys.executable, DCAT_SERVER, "--port-file", port_file, "--data", data],
                           stdout=subprocess.DEVNULL)
    try:
        t0 = time.monotonic()
        while not os.path.exists(port_file):
            if time.monotonic() - t0 > 30 * SCALE:
                raise RuntimeError("dcat_server.py did not start")
            time.sleep(0.05)
        port = int(open(port_file).read())
        cfg = os.path.join(tmp, "harvest")
        os.makedirs(cfg)
        for name, file in (("alpha", "full.ttl"), ("beta", "poor.ttl")):
            with open(os.path.join(cfg, name + ".yaml"), "w") as f:
                f.write("type: dcat\nurl: http://127.0.0.1:%d/file/%s?ct=text/turtle\n" % (port, file))
        out = os.path.join(tmp, "out")
        p = run([dcatit, "harvest", "-c", cfg, "-o", out])
        check(p.returncode == 0, "harvest: exit %d: %s" % (p.returncode, p.stderr.decode()))
        check(b"quality: " in p.stdout, "harvest prints each source's quality line")
        reps = {}
        for name in ("alpha", "beta"):
            with open(os.path.join(out, name, "report.json")) as f:
                reps[name] = json.load(f)
        q = run([dcatit, "quality", out, "--format", "json"])
        check(q.returncode == 0, "quality OUT: exit %d: %s" % (q.returncode, q.stderr.decode()))
        doc = json.loads(q.stdout)
        by = {s["name"]: s for s in doc["sources"]}
        for name in ("alpha", "beta"):
            hq = reps[name].get("quality")
            check(hq is not None, "%s: report.json has no quality" % name)
            if not hq or name not in by:
                continue
            s = by[name]
            check(hq["datasets"] == s["datasets"] == reps[name]["records"]["seen"],
                  "%s: datasets %s (harvest) vs %s (quality) vs %s records"
                  % (name, hq["datasets"], s["datasets"], reps[name]["records"]["seen"]))
            check(hq["score"] == int(s["score"] + 0.5),
                  "%s: score %s (harvest) vs %s (quality)" % (name, hq["score"], s["score"]))
            check(hq["assessed_max"] == int(s["assessed_max"] + 0.5),
                  "%s: assessed max %s vs %s" % (name, hq["assessed_max"], s["assessed_max"]))
            check(hq["band"] == s["band"], "%s: band %s vs %s" % (name, hq["band"], s["band"]))
            for k, v in hq["dimensions"].items():
                check(v == int(s["dimensions"][k] + 0.5), "%s: %s %s vs %s"
                      % (name, k, v, s["dimensions"][k]))
        if "alpha" in by and "beta" in by:
            check(by["alpha"]["rank"] == 1 and by["alpha"]["score"] > by["beta"]["score"],
                  "the full source ranks first")
            check(reps["beta"]["quality"]["fix_first"] and
                  reps["beta"]["quality"]["fix_first"][0]["datasets"] == 3,
                  "the poor source's first fix concerns its 3 datasets: %s"
                  % reps["beta"]["quality"]["fix_first"])
        # without scoring: no quality object (and nothing else changes)
        out2 = os.path.join(tmp, "out2")
        p = run([dcatit, "harvest", "-c", cfg, "-o", out2, "--no-quality"])
        check(p.returncode == 0 and "quality" not in json.load(open(os.path.join(out2, "alpha",
                                                                            "report.json"))),
              "--no-quality: no quality in the report")
    finally:
        srv.kill()
        srv.wait()
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failures" % len(FAILS))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
