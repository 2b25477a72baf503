#!/usr/bin/env python3
"""run_cases.py: run `dcatit quality --format json` on every fixture of tests/quality/cases/
and compare with the `# expect` lines at its top (see gen_cases.py).

Cases marked `# links: yes` get `--check-links --link-cache none` and their @SERVER@ replaced
by a server this script starts on 127.0.0.1 (linkserver.py): nothing else is contacted.

Usage: run_cases.py DCATIT [--filter TEXT]
Prints one line per failure and "N passed, N failed"; exits 1 on a failure or no case.
"""
import json
import os
import subprocess
import sys
import tempfile

# sanitizer builds run slower (meson.build's test setup sets the scale)
SCALE = float(os.environ.get("DCATIT_TEST_TIMEOUT_SCALE", "1") or 1)
HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, HERE)
import linkserver  # noqa: E402


def parse_header(path):
    args, links, expects = [], False, []
    with open(path) as f:
        for line in f:
            if not line.startswith("#"):
                break
            if line.startswith("# args:"):
                args = line.split(":", 1)[1].split()
            elif line.startswith("# links:"):
                links = True
            elif line.startswith("# expect "):
                who, rest = line[len("# expect "):].split(":", 1)
                kv = dict(item.split("=", 1) for item in rest.split())
                expects.append((who.strip(), kv))
    return args, links, expects


def find_dataset(doc, local):
    hits = [d for d in doc["datasets"] if d["iri"].rsplit("/", 1)[-1] == local]
    return hits[0] if len(hits) == 1 else None


def check_value(got, want):
    if want == "null":
        return got is None
    if isinstance(got, float):
        return "%.2f" % got == want
    return str(got) == want


def run_case(dcatit, path, server):
    args, links, expects = parse_header(path)
    if not expects:
        return ["no '# expect' line"]
    errors = []
    with tempfile.TemporaryDirectory(prefix="dcatit-quality-") as tmp:
        data = path
        if links:
            text = open(path).read().replace("@SERVER@", "127.0.0.1:%d" % server.port)
            data = os.path.join(tmp, os.path.basename(path))
            with open(data, "w") as f:
                f.write(text)
            args = args + ["--check-links", "--link-cache", "none", "--allow-host", "127.0.0.1", "--link-timeout", "5"]
        env = dict(os.environ, DCATIT_DATADIR=os.path.join(SRCDIR, "vocab"))
        p = subprocess.run([dcatit, "quality", data, "--format", "json"] + args,
                           capture_output=True, env=env, timeout=120 * SCALE)
        if p.returncode != 0:
            return ["exit %d: %s" % (p.returncode, p.stderr.decode(errors="replace").strip())]
        doc = json.loads(p.stdout)
    for who, kv in expects:
        if who == "hint":
            if not any(all(str(h.get(k)) == v for k, v in kv.items()) for h in doc["hints"]):
                errors.append("no hint with %s in %s" % (kv, json.dumps(doc["hints"])))
            continue
        if who == "catalogue":
            obj = doc["catalogue"]
        else:
            obj = find_dataset(doc, who)
            if obj is None:
                errors.append("%s: no such dataset in the report" % who)
                continue
        for k, want in kv.items():
            got = obj["indicators"].get(k, "?") if "indicators" in obj and k in obj["indicators"] \
                and who != "catalogue" else obj.get(k, "?")
            if not check_value(got, want):
                errors.append("%s: %s is %s, expected %s" % (who, k, json.dumps(got), want))
    return errors


def main():
    dcatit = sys.argv[1]
    filt = sys.argv[sys.argv.index("--filter") + 1] if "--filter" in sys.argv else None
    cases_dir = os.path.join(HERE, "cases")
    names = sorted(n for n in os.listdir(cases_dir) if n.endswith(".ttl"))
    if filt:
        names = [n for n in names if filt in n]
    if not names:
        print("no case found")
        return 1
    server = linkserver.start()
    passed = failed = 0
    try:
        for n in names:
            errs = run_case(dcatit, os.path.join(cases_dir, n), server)
            if errs:
                failed += 1
                for e in errs:
                    print("FAIL %s: %s" % (n, e))
            else:
                passed += 1
    finally:
        server.stop()
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
