#!/usr/bin/env python3
"""Tests of check_seed_facts.py: the bundled catalogue states only facts of its sources, and a
fact that is not in them (a wrong date, amount, act or table cell), or an allow-list entry that no
file needs any more, fails the check with its location.

usage: test_seed_facts.py [CATALOG_DIR]   exit 0 pass, 1 fail, 77 skipped (PyYAML missing)
Standard library only (runs check_seed_facts.py with the same interpreter); edits are made on
copies of the catalogue in a temporary directory.
"""
import os
import re
import subprocess
import sys
import tempfile

from tool_tests import copy_catalog, edit, expect, finish

HERE = os.path.dirname(os.path.abspath(__file__))
CHECK = os.path.join(HERE, "check_seed_facts.py")


def run(cat):
    p = subprocess.run([sys.executable, CHECK, cat], stdout=subprocess.PIPE,
                       stderr=subprocess.PIPE, universal_newlines=True, timeout=120)
    if p.returncode == 77:
        sys.stdout.write("skipped: %s" % p.stderr)
        sys.exit(77)
    return p.returncode, p.stdout + p.stderr


def main(argv):
    cat = os.path.abspath(argv[1] if len(argv) > 1 else os.path.join(HERE, ".."))

    rc, out = run(cat)
    expect(rc == 0, "bundled catalogue: every fact is in its sources (exit %d)" % rc, out)
    m = re.search(r"check_seed_facts: (\d+) facts and table rows checked, 12 files, 1 tables, "
                  r"(\d+) allowed, 0 errors", out)
    expect(m and int(m.group(1)) > 800, "bundled catalogue: more than 800 facts checked", out)

    l145 = "agreements/files/accordo-digitalizzazione-l145-2018.md"
    cases = [
        # (file, old, new, pattern of the error; {line} is the line of the edit)
        (l145, "19 settembre 2022", "18 settembre 2022",
         r"accordo-digitalizzazione-l145-2018\.md:{line}: error: date 2022-09-18 "
         r"\('18 settembre 2022'\) is not in 002_498c5188ee03b353\.txt"),
        ("agreements/accordo-digitalizzazione-l145-2018.yaml", "finanzia, fino a 1.258.770,00",
         "finanzia, fino a 1.258.700,00",
         r"accordo-digitalizzazione-l145-2018\.yaml:\d+: error: amount 1258700\.00"),
        ("agreements/accordo-punto-impresa-digitale.yaml", "identifier: DGR n. 613 del",
         "identifier: DGR n. 631 del",
         r"accordo-punto-impresa-digitale\.yaml:{line}: error: (number 631|actdate 631 del "
         r"2017-06-12)"),
        ("agreements/files/protocollo-anci-toscana-innovazione.md", "L.R. 19/2015",
         "L.R. 19/2016",
         r"protocollo-anci-toscana-innovazione\.md:{line}: error: act 19/2016 \('19/2016'\)"),
        # a number written as a word: "venti mesi" (20) is in no article of 000
        ("agreements/convenzione-tipo-ia.yaml", "Durata di dodici", "Durata di venti",
         r"convenzione-tipo-ia\.yaml:\d+: error: number 20 \('venti'\)"),
        ("funding/files/ripartizione-fondi-l145-2018.csv", "Provincia di Pisa,p_PI,29000.00",
         "Provincia di Pisa,p_PI,28000.00",
         r"ripartizione-fondi-l145-2018\.csv:{line}: error: row \('Provincia di Pisa', "
         r"\['28000\.00'"),
        ("sources/allowed-facts.yaml", "  - fact: number 31\n",
         "  - fact: number 99\n    files: all\n    reason: a fact no file states\n"
         "  - fact: number 31\n",
         r"allowed-facts\.yaml:{line}: error: allowed fact 'number 99' is not stated by all "
         r"any more"),
        ("sources/allowed-facts.yaml", "  - fact: number 35\n",
         "  - fact: number 36\n    files: all\n    reason: ' '\n  - fact: number 35\n",
         r"allowed-facts\.yaml:{line}: error: allowed fact 'number 36' has no reason"),
    ]
    for rel, old, new, pattern in cases:
        with tempfile.TemporaryDirectory() as tmp:
            copy = copy_catalog(cat, tmp)
            line = edit(os.path.join(copy, rel), old, new)
            rc, out = run(copy)
            pat = pattern.replace("{line}", str(line))
            expect(rc == 1 and re.search(pat, out), "%s: '%s' -> '%s' fails with /%s/" %
                   (rel, old.strip(), new.strip(), pat), out)

    return finish()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
