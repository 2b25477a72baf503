#!/usr/bin/env python3
"""test_browser.py: the HTML quality report in a real browser.

Writes reports with every section (Italian and English; a harvest directory with findings
and hints; links checked against linkserver.py on 127.0.0.1 with broken ones; --compare;
an empty catalogue), opens each from its file in headless Chromium (js/check_report.cjs:
puppeteer-core + axe-core, installed by `npm ci --prefix tests/quality/js`) and fails on a
console error, any network request, or a serious or critical axe violation (WCAG 2.1 A/AA).
A page with known faults must fail the same check, so the check itself is tested. The
screenshots are kept in ARTIFACTS (the build directory) as test artifacts.

Needs node, Debian's chromium and tests/quality/js/node_modules: when one is missing the test
FAILS, with what to install; it skips (exit 77) only when DCATIT_SKIP_BROWSER_TEST=1 is set.

Usage: test_browser.py DCATIT ARTIFACTS
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SRCDIR = os.path.dirname(os.path.dirname(HERE))
JS = os.path.join(HERE, "js")
sys.path.insert(0, HERE)
import linkserver  # noqa: E402

FAILS = []
# sanitizer builds run slower (meson.build's test setup sets the scale)
SCALE = float(os.environ.get("DCATIT_TEST_TIMEOUT_SCALE", "1") or 1)


def fail(msg):
    FAILS.append(msg)
    print("FAIL " + msg)


def missing():
    chrome = os.environ.get("CHROME", "/usr/bin/chromium")
    if not shutil.which("node"):
        return "node is not installed (apt-get install nodejs npm)"
    if not os.path.exists(chrome):
        return "%s not found (apt-get install chromium)" % chrome
    if not os.path.isdir(os.path.join(JS, "node_modules", "puppeteer-core")) or \
       not os.path.isdir(os.path.join(JS, "node_modules", "axe-core")):
        return "tests/quality/js/node_modules is missing (npm ci --prefix tests/quality/js)"
    return None


def check(page, axe=True, screenshot=None, full=True):
    cmd = ["node", os.path.join(JS, "check_report.cjs"), page]
    if axe:
        cmd.append("--axe")
    if screenshot:
        cmd += ["--screenshot", screenshot]
        if full:
            cmd.append("--full-page")
    p = subprocess.run(cmd, capture_output=True, timeout=300 * SCALE)
    try:
        out = json.loads(p.stdout.decode().strip().splitlines()[-1])
    except (ValueError, IndexError):
        out = {"error": "no result: " + p.stderr.decode(errors="replace")[-2000:]}
    return p.returncode, out


def quality(dcatit, args, out):
    env = dict(os.environ, DCATIT_DATADIR=os.path.join(SRCDIR, "vocab"))
    p = subprocess.run([dcatit, "quality", "--format", "html", "-o", out] + args,
                       capture_output=True, env=env, timeout=120 * SCALE)
    if p.returncode != 0:
        fail("dcatit quality %s: exit %d: %s" % (args, p.returncode, p.stderr.decode()))
        return False
    return True


def main():
    dcatit, artifacts = sys.argv[1], sys.argv[2]
    why = missing()
    if why:
        if os.environ.get("DCATIT_SKIP_BROWSER_TEST") == "1":
            print("SKIP: browser test: %s (DCATIT_SKIP_BROWSER_TEST=1)" % why)
            return 77
        print("FAIL: browser test: %s; set DCATIT_SKIP_BROWSER_TEST=1 to skip it knowingly" % why)
        return 1
    os.makedirs(artifacts, exist_ok=True)
    tmp = tempfile.mkdtemp(prefix="dcatit-browser-")
    srv = linkserver.start()
    try:
        cases = os.path.join(HERE, "cases")
        harvest = os.path.join(SRCDIR, "tests", "golden", "quality", "harvest", "out")
        linked = os.path.join(tmp, "linked.ttl")
        with open(linked, "w") as f:
            f.write(open(os.path.join(cases, "access-url-two.ttl")).read().replace(
                "@SERVER@", "127.0.0.1:%d" % srv.port).replace(
                "dcat:downloadURL <http://127.0.0.1:%d/ok>" % srv.port,
                "dcat:downloadURL <http://127.0.0.1:%d/gone>, \"ftp://x.example/y\"" % srv.port))
        old = os.path.join(tmp, "old.json")
        env = dict(os.environ, DCATIT_DATADIR=os.path.join(SRCDIR, "vocab"))
        with open(old, "w") as f:
            f.write(subprocess.run([dcatit, "quality", os.path.join(cases, "base.ttl"),
                                    "--format", "json"], capture_output=True, env=env,
                                   check=True).stdout.decode())
        empty = os.path.join(tmp, "empty.ttl")
        with open(empty, "w") as f:
            f.write("<https://x.example/a> <http://purl.org/dc/terms/title> \"t\" .\n")
        reports = [
            ("harvest-it", [harvest]),
            ("harvest-en", [harvest, "--lang", "en"]),
            ("links-compare-it", [linked, "--check-links", "--link-cache", "none", "--allow-host", "127.0.0.1", "--compare", old,
                                  "--title", "Comune di Prova <&> \"test\""]),
            ("hints-en", [os.path.join(cases, "known-licence-off.ttl"), "--lang", "en"]),
            ("empty-it", [empty]),
        ]
        for name, args in reports:
            page = os.path.join(tmp, name + ".html")
            if not quality(dcatit, args, page):
                continue
            html = open(page, encoding="utf-8").read()
            lang = "en" if name.endswith("-en") else "it"
            if '<html lang="%s">' % lang not in html:
                fail("%s: the page is not marked lang=%s" % (name, lang))
            if name != "empty-it" and ("Fix first" if lang == "en" else "Da correggere per primo") not in html:
                fail("%s: the fix-first heading is not in %s" % (name, lang))
            shot = os.path.join(artifacts, "quality-%s.png" % name)
            code, out = check(page, screenshot=shot)
            if out.get("error"):
                fail("%s: %s" % (name, out["error"]))
                continue
            if out["console"]:
                fail("%s: console errors: %s" % (name, out["console"]))
            if out["requests"]:
                fail("%s: network requests: %s" % (name, out["requests"]))
            for impact in ("critical", "serious"):
                for v in out["violations"].get(impact, []):
                    fail("%s: axe %s: %s (%s) at %s" % (name, impact, v["id"], v["help"], v["first"]))
            other = {k: [v["id"] for v in vs] for k, vs in out["violations"].items()
                     if k not in ("critical", "serious")}
            if code != 0 and not FAILS:
                fail("%s: the check failed: %s" % (name, out))
            if not os.path.exists(shot) or os.path.getsize(shot) < 1000:
                fail("%s: no screenshot" % name)
            print("%s: %d axe rules passed, other findings %s, load %.0f ms, %d nodes; screenshot %s"
                  % (name, out.get("axe_passes", 0), other or "none",
                     out["timing"].get("load_ms", -1), out["timing"].get("nodes", 0), shot))
            shutil.copy(page, os.path.join(artifacts, "quality-%s.html" % name))

        # the check itself: a page with an image without alt, low contrast text, an external
        # stylesheet and a script error must fail on each count
        bad = os.path.join(tmp, "bad.html")
        with open(bad, "w") as f:
            f.write('<!DOCTYPE html><html lang="en"><head><title>bad</title>'
                    '<link rel="stylesheet" href="http://203.0.113.7/x.css"></head><body>'
                    '<h1>Bad</h1><img src="data:image/gif;base64,R0lGODlhAQABAAAAACw=">'
                    '<p style="color:#ccc;background:#fff">faint text</p>'
                    '<script>undefinedFunction()</script></body></html>')
        code, out = check(bad)
        if code == 0:
            fail("the check passes a page with known faults: %s" % out)
        else:
            if not out.get("requests"):
                fail("the check missed the external request of the faulty page")
            if not out.get("console"):
                fail("the check missed the script error of the faulty page")
            ids = [v["id"] for k in ("critical", "serious") for v in out.get("violations", {}).get(k, [])]
            if "image-alt" not in ids or "color-contrast" not in ids:
                fail("the check missed image-alt or color-contrast: %s" % ids)
    finally:
        srv.stop()
        shutil.rmtree(tmp, ignore_errors=True)
    print("%d failures" % len(FAILS))
    return 1 if FAILS else 0


if __name__ == "__main__":
    sys.exit(main())
