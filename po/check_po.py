#!/usr/bin/env python3
"""The translations are complete and cover every marked message.

usage: check_po.py SRCROOT LANG -- XGETTEXT-ARGS...

Extracts the messages of the sources anew (xgettext with the keywords of
po/meson.build, from every src/ file that has any, which must all be listed
in po/POTFILES), merges them into po/LANG.po the way `dcatit-update-po`
would, and fails unless `msgfmt --check --statistics` reports every message
translated: no untranslated and no fuzzy one, so a message added to the
sources without its translation is caught here, not by a user.
"""
import os
import re
import subprocess
import sys
import tempfile


def extract(root, files, args, out):
    subprocess.run(["xgettext", "--directory=" + root, "--output=" + out] + args + files,
                   check=True, capture_output=True, text=True)


def main():
    root, lang = sys.argv[1], sys.argv[2]
    args = sys.argv[sys.argv.index("--") + 1:]
    with open(os.path.join(root, "po", "POTFILES")) as f:
        listed = [l.strip() for l in f if l.strip() and not l.startswith("#")]
    sources = sorted(os.path.relpath(os.path.join(d, n), root)
                     for d, _, names in os.walk(os.path.join(root, "src"))
                     for n in names if n.endswith((".c", ".h")))
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        # every source with a marked message is in POTFILES
        for s in sources:
            pot = os.path.join(tmp, "one.pot")
            if os.path.exists(pot):
                os.remove(pot)
            extract(root, [s], args, pot)
            has = os.path.exists(pot) and re.search(r'^msgid "[^"]', open(pot).read(), re.M)
            if has and s not in listed:
                failures.append("%s has messages for translation but is not in po/POTFILES" % s)
        missing = [s for s in listed if not os.path.exists(os.path.join(root, s))]
        failures += ["po/POTFILES lists %s, which does not exist" % s for s in missing]
        pot = os.path.join(tmp, "all.pot")
        extract(root, [s for s in listed if s not in missing], args, pot)
        merged = os.path.join(tmp, lang + ".po")
        subprocess.run(["msgmerge", "--quiet", "--no-fuzzy-matching", "--output-file=" + merged,
                        os.path.join(root, "po", lang + ".po"), pot], check=True)
        r = subprocess.run(["msgfmt", "--check", "--statistics", "--output-file=/dev/null",
                            merged], capture_output=True, text=True)
        stats = (r.stdout + r.stderr).strip()
        print("%s.po: %s" % (lang, stats))
        if r.returncode != 0:
            failures.append("msgfmt --check fails:\n" + stats)
        if not re.fullmatch(r"\d+ translated messages?\.", stats.splitlines()[-1] if stats else ""):
            untr = subprocess.run(["msgattrib", "--untranslated", merged], capture_output=True,
                                  text=True).stdout
            untr += subprocess.run(["msgattrib", "--only-fuzzy", merged], capture_output=True,
                                   text=True).stdout
            ids = re.findall(r'^msgid "(.+)"', untr, re.M)[:20]
            failures.append("%s.po is not complete (%s); for example:\n  %s\n"
                            "run `meson compile -C build dcatit-update-po` and translate them"
                            % (lang, stats, "\n  ".join(ids)))
    for f in failures:
        print("FAIL " + f)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
