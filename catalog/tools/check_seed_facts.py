#!/usr/bin/env python3
"""Check that the catalogue states no number, date or act the source texts do not hold.

The records of catalog/ that are written from an act (agreements, the funding table) and their
plain-text files must say only what the act says. This script reads catalog/sources/
allowed-facts.yaml, which names, for each such file, the source texts in catalog/sources/ it is
written from, and the facts it states that are not, as written, in those texts (computed,
corrected or the catalogue's own), each with its reason. Then:

1. Every fact of every listed file must be in one of its source texts, or allowed for that file.
   A fact is a token of the text, normalised so that the same fact matches however it is written
   (16.5.2022, 16/05/2022, "16 maggio 2022" and 2022-05-16 are one date; 1.258.770,00 and
   1,258,770.00 one amount):
     date    a day: d/m/yyyy, d.m.yyyy, d-m-yyyy, yyyy-mm-dd, "2 novembre 2015", "2 November 2015"
     month   a month of a year: "settembre 2016", "September 2016"
     amount  a sum with two decimals: 1.258.770,00  1,258,770.00  4000.00  0,00
     act     an act by number and year: L. 241/1990, DGR 296/2015, COM(2010) 245, and
             "n. 1582 del 23/12/2024" (number + date)
     dotted  a dotted number that is not a date or amount: 1.4.4, 4.0, 2.1
     code    letters and digits together: M1C1, 5G
     number  any other number, digits or Italian/English words from two to twelve, twenty,
             thirty, hundred (dodici mesi, five years)
   An act matches when the seed holds its number within 60 characters of its year (or date),
   so "L.R. 57/2024" matches "legge regionale 9 dicembre 2024, n. 57".
   Small numbers (article numbers, counts up to a dozen) are in every act, so the check is
   strongest for dates, amounts, acts and larger numbers; it is a guard against a wrong fact
   slipping in, not a proof that every sentence is right.
   In YAML files only the values that speak about the act are read (titles, descriptions,
   comments, dates, notes, stated counts); codes, identifiers, paths and IRIs are not facts of
   the act. The record's modified date is the catalogue's, and is allowed as such.
2. Every table listed under `tables` must equal the published table of its source, cell by cell
   (name and amounts; columns the catalogue adds are left out).
3. Every allow-list entry must still be used: a stale entry is an error.

usage: check_seed_facts.py [CATALOG_DIR]   (default: the directory above this script)
exit:  0 every fact found, 1 facts not in the sources (listed, file:line), 2 usage,
       77 PyYAML missing (meson: skipped)
"""
import csv
import io
import os
import re
import sys
from decimal import Decimal

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.stderr.write("check_seed_facts: PyYAML is missing (Debian package python3-yaml)\n")
    sys.exit(77)

MONTHS_IT = ["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto",
             "settembre", "ottobre", "novembre", "dicembre"]
MONTHS_EN = ["january", "february", "march", "april", "may", "june", "july", "august",
             "september", "october", "november", "december"]
MONTH = {m: i + 1 for i, m in enumerate(MONTHS_IT)}
MONTH.update({m: i + 1 for i, m in enumerate(MONTHS_EN)})
MONTH_RE = "|".join(MONTHS_IT + MONTHS_EN)
WORDS = {"due": 2, "tre": 3, "quattro": 4, "cinque": 5, "sei": 6, "sette": 7, "otto": 8,
         "nove": 9, "dieci": 10, "undici": 11, "dodici": 12, "venti": 20, "trenta": 30,
         "cento": 100, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
         "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "twenty": 20,
         "thirty": 30, "hundred": 100}

DATE_TXT = re.compile(r"\b(\d{1,2})(?:°|º)?\s+(%s)\s+(\d{4})\b" % MONTH_RE, re.I)
DATE_NUM = re.compile(r"(?<![\d.,/])(\d{1,2})\s?([./-])\s?(\d{1,2})\s?\2\s?(\d{4})(?![\d/])")
DATE_ISO = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})\b")
MONTH_YEAR = re.compile(r"\b(%s)\s+(\d{4})\b" % MONTH_RE, re.I)
AMOUNT = re.compile(r"(?<![\d.,])(\d{1,3}(?:\.\d{3})+,\d{2}|\d{1,3}(?:,\d{3})+\.\d{2}|\d+,\d{2}|"
                    r"\d+\.\d{2})(?![\d.,]\d)")
ACT_DATE = re.compile(r"\b(\d+)\s+(?:del|dell['’]|of)\s*$", re.I)
ACT_SLASH = re.compile(r"(?<![\d/])(\d+)\s*/\s*(\d{4})(?![\d/])")
ACT_COM = re.compile(r"\bC(?:OM)?\s*\((\d{4})\)\s*(?:n\.\s*)?(\d+)")
DOTTED = re.compile(r"(?<![\d.])\d+(?:\.\d+)+(?![\d])")
CODE = re.compile(r"\b(?=[A-Za-z0-9]*\d)(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]+\b")
NUMBER = re.compile(r"\b\d+\b")
WORD = re.compile(r"\b(%s)\b" % "|".join(WORDS), re.I)


def norm_amount(s):
    if re.match(r"^\d{1,3}(?:,\d{3})+\.\d{2}$", s):
        s = s.replace(",", "")
    elif "," in s:
        s = s.replace(".", "").replace(",", ".")
    return "%.2f" % Decimal(s)


def valid_day(y, m, d):
    return 1 <= m <= 12 and 1 <= d <= 31


class Token:
    __slots__ = ("kind", "value", "start", "end", "text", "year", "number")

    def __init__(self, kind, value, start, end, text, year=None, number=None):
        self.kind, self.value, self.start, self.end, self.text = kind, value, start, end, text
        self.year, self.number = year, number

    def fact(self):
        return "%s %s" % (self.kind, self.value)


def tokenize(text):
    """The facts of a text, as Tokens in text order (see the module doc)."""
    text = text.replace("\u00a0", " ").replace("’", "'")
    taken = [False] * (len(text) + 1)
    out = []

    def free(a, b):
        return not any(taken[a:b])

    def take(kind, value, a, b, **kw):
        for i in range(a, b):
            taken[i] = True
        out.append(Token(kind, value, a, b, text[a:b], **kw))

    for m in DATE_TXT.finditer(text):
        d, mo, y = int(m.group(1)), MONTH[m.group(2).lower()], int(m.group(3))
        if valid_day(y, mo, d) and free(m.start(), m.end()):
            take("date", "%04d-%02d-%02d" % (y, mo, d), m.start(), m.end(), year=y)
    for m in DATE_ISO.finditer(text):
        y, mo, d = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if valid_day(y, mo, d) and free(m.start(), m.end()):
            take("date", "%04d-%02d-%02d" % (y, mo, d), m.start(), m.end(), year=y)
    for m in DATE_NUM.finditer(text):
        d, mo, y = int(m.group(1)), int(m.group(3)), int(m.group(4))
        if valid_day(y, mo, d) and free(m.start(), m.end()):
            take("date", "%04d-%02d-%02d" % (y, mo, d), m.start(), m.end(), year=y)
    for m in MONTH_YEAR.finditer(text):
        if free(m.start(), m.end()):
            y = int(m.group(2))
            take("month", "%04d-%02d" % (y, MONTH[m.group(1).lower()]), m.start(), m.end(), year=y)
    for m in ACT_COM.finditer(text):
        if free(m.start(), m.end()):
            y, n = int(m.group(1)), int(m.group(2))
            take("act", "%d/%d" % (n, y), m.start(), m.end(), year=y, number=n)
    for m in AMOUNT.finditer(text):
        if free(m.start(), m.end()):
            take("amount", norm_amount(m.group(1)), m.start(), m.end())
    for m in ACT_SLASH.finditer(text):
        if free(m.start(), m.end()):
            n, y = int(m.group(1)), int(m.group(2))
            take("act", "%d/%d" % (n, y), m.start(), m.end(), year=y, number=n)
    for m in DOTTED.finditer(text):
        if free(m.start(), m.end()):
            take("dotted", m.group(0), m.start(), m.end())
    for m in CODE.finditer(text):
        if free(m.start(), m.end()) and not m.group(0).isdigit():
            take("code", m.group(0), m.start(), m.end())
    for m in NUMBER.finditer(text):
        if free(m.start(), m.end()):
            take("number", str(int(m.group(0))), m.start(), m.end(), number=int(m.group(0)))
    for m in WORD.finditer(text):
        if free(m.start(), m.end()):
            take("number", str(WORDS[m.group(1).lower()]), m.start(), m.end(),
                 number=WORDS[m.group(1).lower()])
    out.sort(key=lambda t: t.start)
    # "n. 1582 del 23/12/2024": a number followed by a date is an act of that day
    for i, t in enumerate(out[:-1]):
        nxt = out[i + 1]
        if t.kind == "number" and nxt.kind == "date" and \
                ACT_DATE.search(text[t.start:nxt.start]):
            out.append(Token("actdate", "%s del %s" % (t.value, nxt.value), t.start, nxt.end,
                             text[t.start:nxt.end], year=nxt.year, number=t.number))
    out.sort(key=lambda t: t.start)
    return out


class Seeds:
    """The facts of some source texts, with positions for the proximity of acts."""

    def __init__(self, texts):
        self.facts = set()
        self.near = []   # (tokens) per text
        for t in texts:
            toks = tokenize(t)
            self.near.append(toks)
            for k in toks:
                self.facts.add(k.fact())
                if k.kind == "act" and k.number is not None:
                    self.facts.add("number %d" % k.number)
                if k.kind in ("date", "month", "act") and k.year is not None:
                    self.facts.add("number %d" % k.year)

    def has(self, tok):
        if tok.kind == "actdate":
            day = tok.value.split(" del ")[1]
            return self.close(tok.number, lambda k: k.kind == "date" and k.value == day)
        if tok.kind == "act":
            if tok.fact() in self.facts:
                return True
            return self.close(tok.number, lambda k: k.year == tok.year or
                              (k.kind == "number" and k.number == tok.year))
        if tok.fact() in self.facts:
            return True
        if tok.kind == "number":
            # a number the seed writes inside an act (n. 57 of "9 dicembre 2024, n. 57")
            return any(k.number == tok.number for toks in self.near for k in toks)
        return False

    def close(self, number, pred, window=60):
        for toks in self.near:
            nums = [k for k in toks if k.number == number and k.kind in ("number", "act")]
            if not nums:
                continue
            others = [k for k in toks if pred(k)]
            for a in nums:
                for b in others:
                    if a is not b and abs(a.start - b.start) <= window:
                        return True
        return False


# YAML values that speak about the act; everything else (ids, codes, IRIs, paths) is not a fact
SKIP_KEYS = {"id", "themes", "subjects", "creators", "contributors", "frequency", "languages",
             "spatial", "file", "dictionary", "format", "media_type", "license", "url",
             "download_url", "iri", "endpoint_url", "endpoint_description", "landing_page",
             "type", "name", "table", "decimal_separator", "required", "unit", "scale",
             "total_of", "sums", "column", "value", "rows", "access_service", "quote"}


def yaml_segments(path):
    """(line, text) of every scalar of a YAML file that speaks about the act."""
    with open(path, encoding="utf-8") as f:
        root = yaml.compose(f)
    out = []

    def walk(n, skip):
        if isinstance(n, yaml.ScalarNode):
            if not skip:
                out.append((n.start_mark.line + 1, n.value))
        elif isinstance(n, yaml.SequenceNode):
            for x in n.value:
                walk(x, skip)
        elif isinstance(n, yaml.MappingNode):
            for k, v in n.value:
                walk(v, skip or k.value in SKIP_KEYS)
    walk(root, False)
    return out


def text_segments(path):
    with open(path, encoding="utf-8") as f:
        return [(1, f.read())]


def line_of(seg_line, text, pos, is_yaml):
    # block scalars are folded: the line of the value is the best we know
    return seg_line if is_yaml else seg_line + text.count("\n", 0, pos)


def seed_table(text, after):
    """Rows (name, [amounts]) of the tab-separated table that follows the line `after`."""
    lines = text.split("\n")
    start = next(i for i, l in enumerate(lines) if l.strip() == after)
    rows = []
    for l in lines[start + 1:]:
        if "\t" not in l or l.startswith("\t"):
            continue   # blank, page break, or a repeated header
        cells = l.split("\t")
        name, vals = cells[0].strip(), [c.strip() for c in cells[1:]]
        if rows and not any(vals):
            rows[-1] = (rows[-1][0] + " " + name, rows[-1][1])   # the row split across pages
            continue
        rows.append((name, [norm_amount(v) for v in vals if v]))
    return rows


class Check:
    def __init__(self, root):
        self.root = root
        self.errors = 0
        self.checked = 0
        with open(os.path.join(root, "sources", "allowed-facts.yaml"), encoding="utf-8") as f:
            self.allow_path = f.name
            self.conf = yaml.compose(f)
        self.sources = {}
        self.allowed = []   # dicts: fact, files, reason, line, used
        self.tables = {}
        self.read_conf()

    def error(self, path, line, msg):
        self.errors += 1
        sys.stdout.write("%s:%d: error: %s\n" % (os.path.relpath(path, os.path.dirname(self.root)),
                                                  line, msg))

    def read_conf(self):
        for k, v in self.conf.value:
            if k.value == "sources":
                for f, seeds in v.value:
                    self.sources[f.value] = [s.value for s in seeds.value]
            elif k.value == "tables":
                for f, spec in v.value:
                    self.tables[f.value] = {a.value: b.value for a, b in spec.value}
            elif k.value == "allowed":
                for item in v.value:
                    m = {a.value: b for a, b in item.value}
                    files = m["files"].value
                    files = [x.value for x in files] if isinstance(files, list) else [files]
                    self.allowed.append({"fact": m["fact"].value, "files": files,
                                         "reason": m["reason"].value,
                                         "line": item.start_mark.line + 1, "used": False})
            else:
                self.error(self.allow_path, k.start_mark.line + 1, "unknown key '%s'" % k.value)
        for a in self.allowed:
            if not a["reason"].strip():
                self.error(self.allow_path, a["line"], "allowed fact '%s' has no reason" % a["fact"])

    def seed_text(self, name):
        with open(os.path.join(self.root, "sources", name), encoding="utf-8") as f:
            return f.read()

    def is_allowed(self, fact, rel):
        hit = False
        for a in self.allowed:
            if a["fact"] == fact and (rel in a["files"] or "all" in a["files"]):
                a["used"] = True
                hit = True
        return hit

    def check_file(self, rel, seeds):
        path = os.path.join(self.root, rel)
        is_yaml = rel.endswith(".yaml")
        segs = yaml_segments(path) if is_yaml else text_segments(path)
        known = Seeds([self.seed_text(s) for s in seeds])
        for seg_line, text in segs:
            for tok in tokenize(text):
                self.checked += 1
                fact = tok.fact()
                if known.has(tok) or self.is_allowed(fact, rel):
                    continue
                self.error(path, line_of(seg_line, text, tok.start, is_yaml),
                           "%s ('%s') is not in %s; correct it, or list it in "
                           "sources/allowed-facts.yaml with the reason" %
                           (fact, " ".join(tok.text.split()), ", ".join(seeds)))

    def check_table(self, rel, spec):
        path = os.path.join(self.root, rel)
        want = seed_table(self.seed_text(spec["source"]), spec["after"])
        added = set(spec.get("added_columns", "").split())
        with open(path, encoding="utf-8", newline="") as f:
            rows = list(csv.reader(f))
        header = rows[0]
        keep = [i for i, h in enumerate(header) if h not in added]
        got = [(r[keep[0]], [norm_amount(r[i]) for i in keep[1:]]) for r in rows[1:]]
        for i in range(max(len(got), len(want))):
            g = got[i] if i < len(got) else None
            w = want[i] if i < len(want) else None
            self.checked += 1
            if g != w:
                self.error(path, i + 2, "row %s differs from the published table of %s: %s" %
                           (g, spec["source"], w))

    def run(self):
        for rel, seeds in sorted(self.sources.items()):
            self.check_file(rel, seeds)
        for rel, spec in sorted(self.tables.items()):
            self.check_table(rel, spec)
        for a in self.allowed:
            if not a["used"]:
                self.error(self.allow_path, a["line"], "allowed fact '%s' is not stated by %s any "
                           "more; remove the entry" % (a["fact"], ", ".join(a["files"])))
        sys.stdout.write("check_seed_facts: %d facts and table rows checked, %d files, %d tables, "
                         "%d allowed, %d errors\n" % (self.checked, len(self.sources),
                                                      len(self.tables), len(self.allowed),
                                                      self.errors))
        return 1 if self.errors else 0


def main(argv):
    if len(argv) > 2 or (len(argv) == 2 and argv[1] in ("-h", "--help")):
        sys.stderr.write("usage: check_seed_facts.py [CATALOG_DIR]\n")
        return 2
    root = os.path.abspath(argv[1] if len(argv) == 2 else
                           os.path.join(os.path.dirname(os.path.abspath(__file__)), ".."))
    if not os.path.isfile(os.path.join(root, "sources", "allowed-facts.yaml")):
        sys.stderr.write("check_seed_facts: cannot read '%s': No such file or directory\n" %
                         os.path.join(root, "sources", "allowed-facts.yaml"))
        return 2
    return Check(root).run()


if __name__ == "__main__":
    sys.exit(main(sys.argv))
