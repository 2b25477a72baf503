#!/usr/bin/env python3
"""What the mapping keeps of real records, measured without the reference mapping.

The real ISO 19139 / RNDT records of the tests (tests/harvest_csw/data) have no expected output
of the European reference mapping (an XSLT 2.0 stylesheet, which this project neither copies nor
runs). What can be measured without it: the share of a record's own values that reach dcatit's
output. A *value* is the text of a gco:CharacterString, gmx:Anchor, gmd:LocalisedCharacterString,
gmd:URL, gco:Date / DateTime, gco:Decimal / Integer / Real / Distance or a gml time position, or
the xlink:href of an anchor; each distinct value of a document counts once. It is *found* when
the output holds it as a literal or an IRI (white space collapsed; dates also without their
dashes; numbers by value, also as a coordinate of a WKT geometry; IRIs also percent-decoded;
an e-mail address as its mailto: IRI; an EPSG code as the EPSG IRI it names). Code list values (codeListValue) are not
counted: the mapping turns them into IRIs or properties, not text.

This is recall, not correctness: a value found in the wrong place still counts (compare.py and the
goldens of tests/harvest_csw judge places). The values never found are printed with --report.

Usage: coverage.py DCATIT SRCDIR [--report] [--floor PERCENT]
  --floor: fail when a record's share is below PERCENT (the meson test iso-coverage).
"""

import os
import re
import subprocess
import sys
import tempfile
import urllib.parse
import xml.etree.ElementTree as ET

GCO = "{http://www.isotc211.org/2005/gco}"
GMD = "{http://www.isotc211.org/2005/gmd}"
GMX = "{http://www.isotc211.org/2005/gmx}"
GML = ("{http://www.opengis.net/gml}", "{http://www.opengis.net/gml/3.2}")
XLINK = "{http://www.w3.org/1999/xlink}href"
TEXT_TAGS = {GCO + t for t in ("CharacterString", "Date", "DateTime", "Decimal", "Integer",
                               "Real", "Distance")}
TEXT_TAGS |= {GMX + "Anchor", GMD + "LocalisedCharacterString", GMD + "URL"}
TEXT_TAGS |= {g + t for g in GML for t in ("beginPosition", "endPosition", "timePosition")}
NT = re.compile(r'^(\S+) <[^>]*> (.*) \.$')
LIT = re.compile(r'^"((?:[^"\\]|\\.)*)"')


def norm(s):
    return " ".join(s.split())


def source_values(path):
    vals = set()
    for el in ET.parse(path).iter():
        if el.tag in TEXT_TAGS and el.text and norm(el.text):
            vals.add(norm(el.text))
        if el.tag == GMX + "Anchor" and el.get(XLINK):
            vals.add(norm(el.get(XLINK)))
    return vals


def unescape(s):
    return re.sub(r'\\(u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8}|.)',
                  lambda m: chr(int(m.group(1)[1:], 16)) if m.group(1)[0] in "uU" and
                  len(m.group(1)) > 1 else {"n": "\n", "t": "\t", "r": "\r"}.get(m.group(1),
                                                                              m.group(1)), s)


def output_values(dcatit, path, tmp):
    out = os.path.join(tmp, "out.nt")
    r = subprocess.run([dcatit, "convert", path, "-t", "ntriples", "-o", out,
                        "--base", "https://example.org/iso/"],
                       capture_output=True, text=True, timeout=300)
    if r.returncode != 0:
        raise SystemExit("%s: convert exit %d: %s" % (path, r.returncode, r.stderr.strip()))
    vals = set()
    with open(out, encoding="utf-8") as f:
        for line in f:
            m = NT.match(line.rstrip("\n"))
            if not m:
                continue
            for term in (m.group(1), m.group(2)):
                if term.startswith("<"):
                    iri = term[1:-1]
                    vals.add(iri)
                    vals.add(urllib.parse.unquote(iri))
                else:
                    lm = LIT.match(term)
                    if lm:
                        vals.add(norm(unescape(lm.group(1))))
    return vals


def number(s):
    try:
        return float(s)
    except ValueError:
        return None


EPSG_CODE = re.compile(r"(?i)epsg\D*(\d{4,5})$")


def found(v, out, numbers, undashed):
    if v in out or urllib.parse.unquote(v) in out or "mailto:" + v in out:
        return True
    m = EPSG_CODE.search(v)
    if m and "http://www.opengis.net/def/crs/EPSG/0/" + m.group(1) in out:
        return True
    n = number(v)
    if n is not None and n in numbers:
        return True
    if re.fullmatch(r"\d{8}", v) and v in undashed:  # 20080415 -> 2008-04-15
        return True
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T[\d:.]+Z?", v) and v[:10] in out:
        return True  # a dateTime kept as its date (dct:modified of the record source)
    return False


def main(argv):
    dcatit, src = argv[1], argv[2]
    report = "--report" in argv
    floor = float(argv[argv.index("--floor") + 1]) if "--floor" in argv else None
    data = os.path.join(src, "tests", "harvest_csw", "data")
    names = sorted(f for f in os.listdir(data) if f.endswith(".xml") and f != "error_bad_xml.xml")
    total_src = total_found = 0
    low = []
    with tempfile.TemporaryDirectory() as tmp:
        for name in names:
            path = os.path.join(data, name)
            src_vals = source_values(path)
            out = output_values(dcatit, path, tmp)
            numbers = {number(o) for o in out if number(o) is not None}
            for o in out:
                if o.startswith("POLYGON") or o.startswith("<http://www.opengis.net/def/crs"):
                    numbers |= {float(t) for t in re.findall(r"-?\d+(?:\.\d+)?", o)}
            undashed = {o.replace("-", "") for o in out if re.fullmatch(r"\d{4}-\d{2}-\d{2}", o)}
            missing = sorted(v for v in src_vals if not found(v, out, numbers, undashed))
            share = 100.0 * (len(src_vals) - len(missing)) / len(src_vals) if src_vals else 100.0
            total_src += len(src_vals)
            total_found += len(src_vals) - len(missing)
            print("%-50s %4d values, %4d found: %5.1f %%" % (name, len(src_vals),
                                                            len(src_vals) - len(missing), share))
            if report:
                for v in missing:
                    print("    not found: %s" % (v if len(v) < 120 else v[:117] + "..."))
            if floor is not None and share < floor:
                low.append("%s: %.1f %% < %.1f %%" % (name, share, floor))
    print("%-50s %4d values, %4d found: %5.1f %%" % ("all %d records" % len(names), total_src,
                                                    total_found, 100.0 * total_found / total_src))
    for line in low:
        print("below the floor: " + line)
    return 1 if low else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
