#!/usr/bin/env python3
"""Check the catalog/ source files against the format described in catalog/README.md.

A development aid, not the product: `dcatit build` is the real loader. This script checks what
the README promises a loader will reject (unknown keys, wrong types, unknown codes, organisations
missing from the registry, missing files) and runs the CSV checks of section 7, reporting declared
totals that do not add up as warnings.

usage: check_catalog.py [--ntriples] [CATALOG_DIR]   (default: the directory above this script)
exit:  0 no errors (warnings allowed), 1 errors found, 2 usage, 77 PyYAML missing (meson: skip)

--ntriples prints, when there are no errors, a reference rendering of the catalogue as sorted
N-Triples on stdout (diagnostics then go to stderr): the mapping of README sections 3-6 and 8,
to compare with `dcatit build`. It copies the theme labels with python3-rdflib when available.

Needs Python 3 and PyYAML (Debian: python3-yaml). YAML is read with yaml.compose so that every
node keeps its line and column and scalars stay strings, as libyaml gives them. Code lists are
read from the repository's vocab/ when present, else from the copies embedded below (EU
authority tables and Italian licences, from shared/vocab-sources; the AgID theme -> EuroVoc
mapping, from shared/vocab-sources/vocabularies/it/theme-subtheme-mapping.csv; the IPA codes,
from shared/orgs/ipa-tuscany.csv, IndicePA).
"""
import csv
import datetime
import difflib
import io
import os
import re
import sys
from decimal import Decimal

try:
    import yaml
except ImportError:  # pragma: no cover
    sys.stderr.write("check_catalog: PyYAML is missing (Debian package python3-yaml)\n")
    sys.exit(77)   # "skipped" for meson test

# ---------------------------------------------------------------------------------------------
# Code lists (fallbacks; vocab/ wins when present)

THEMES = set("AGRI ECON EDUC ENER ENVI GOVE HEAL INTR JUST OP_DATPRO REGI SOCI TECH TRAN".split())
FREQUENCIES = set("""ANNUAL ANNUAL_2 ANNUAL_3 BIDECENNIAL BIENNIAL BIHOURLY BIMONTHLY BIWEEKLY CONT
DAILY DAILY_2 DECENNIAL HOURLY IRREG MONTHLY MONTHLY_2 MONTHLY_3 NEVER OP_DATPRO OTHER QUADRENNIAL
QUARTERLY QUINQUENNIAL TRIDECENNIAL TRIENNIAL TRIHOURLY UNKNOWN UPDATE_CONT WEEKLY WEEKLY_2
WEEKLY_3""".split())
FILETYPES = set("""7Z AAC AKN4EU AKN4EU_ZIP APK APPX ARC ARC_GZ ARJ ATOM AZW BIN BITS BMP BWF BZIP2 CSS
CSV DBF DCR DEB DGN DMG DMP DOC DOCX DTD_SGML DTD_XML DWG DXF E00 EAR ECW EPS EPUB ETSI_XML EXE FMX2
FMX3 FMX4 FMX4_ZIP GDB GEOJSON GIF GML GMZ GPKG GRID GRID_ASCII GZIP HDF HDT HTML HTML_SIMPL ICS
IMMC_XML INDD IPA ISO ISO_ZIP JAR JATS JPEG JPEG2000 JS JSON JSON_LD KML KMZ LAS LAZ LEG LHA LZIP LZMA
LZO MAP_PRVW MAP_SRVC MBOX MDB METS METS_ZIP MHTML MOBI MOP MPEG2 MPEG4 MPEG4_AVC MRSID MSG_HTTP MSI
MXD N3 NETCDF OCTET ODB ODC ODF ODG ODP ODS ODT OP_DATPRO OVF OWL PDF PDF1X PDFA1A PDFA1B PDFA2A
PDFA2B PDFA3 PDFX PDFX1A PDFX2A PDFX4 PL PNG PPS PPSX PPT PPTX PS PSD PWP QGS RAR RDF RDFA
RDF_N_QUADS RDF_N_TRIPLES RDF_TRIG RDF_TRIX RDF_TURTLE RDF_XML REST RPM RSS RTF SB3 SCHEMA_XML SDMX
SGML SHP SKOS_XML SPARQLQ SPARQLQRES SQL SVG SWM TAB TAB_RSTR TAR TAR_GZ TAR_XZ TIFF TIFF_FX TMX TSV
TXT WAR WARC WARC_GZ WCS_SRVC WFS_SRVC WIM WMS_SRVC WORLD XHTML XHTML_SIMPL XLIFF XLS XLSB XLSM XLSX
XML XSLFO XSLT XYZ XZ Z ZIP""".split())
LICENCES = set("""A11_CCO10 A12_PDDL A1_PublicDomain A210_ODCBY A21_CCBY40 A22_CCBY30 A23_CCBY30IT
A24_CCBY25 A25_CCBY25IT A26_CCBY20 A27_CCBY20IT A28_CCBY10 A29_IODL20 A2_Attribution A310_ODBL
A311_GFDL13 A31_CCBYSA40 A32_CCBYSA30 A33_CCBYSA30IT A34_CCBYSA25 A35_CCBYSA25IT A36_CCBYSA20
A37_CCBYSA20IT A38_CCBYSA10 A39_IODL10 A3_ShareAlike A41_ADRM A4_ShareAlikeCopyleftNonComp
A_OpenLicense B110_CCBYNCSA30 B111_CCBYNCSA30IT B112_CCBYNCSA25 B113_CCBYNCSA25IT B114_CCBYNCSA20
B115_CCBYNCSA20IT B116_CCBYNCSA10 B117_BCS B11_CCBYNC40 B12_CCBYNC30 B13_CCBYNC30IT B14_CCBYNC25
B15_CCBYNC25IT B16_CCBYNC20 B17_CCBYNC20IT B18_CCBYNC10 B19_CCBYNCSA40 B1_NonCommercial
B21_CCBYND40 B22_CCBYND30 B23_CCBYND30IT B24_CCBYND25 B25_CCBYND25IT B26_CCBYND20 B27_CCBYND20IT
B28_CCBYND10 B29_CCBYNDNC10 B2_NoDerivs B_NonOpenLicense C11_Unknown C1_Unknown C_Unknown""".split())
LANGUAGES = set("ITA ENG DEU FRA SPA".split())
EUROVOC_BY_THEME = {
    "AGRI": "100245 100246 100247 100248 100249 100250 100251 100252 100253 100254 100255 100256 "
            "100257 100258 100259",
    "ECON": "100227 100185 100186 100187 100188 100189 100190 100191 100192 100193 100194 100195 "
            "100196 100197 100198 100199 100200 100201 100202 100203 100204 100205 100206 100226 "
            "100228 100229 100230 100231 100268 100269 100270 100271 100272 100273 100274 100275 "
            "100276",
    "EDUC": "100217 100213 100212 100218 100219 100220 100221 100222 100223",
    "ENER": "100263 100264 100265 100266 100267",
    "ENVI": "100242 100243 100244",
    "GOVE": "100169 100163 100164 100165 100166 100167 100168 100174 100175 100176 100177",
    "INTR": "100170 100171 100172 100173 100285 100286 100287 100288 100289",
    "JUST": "100178 100180 100181 100182 100183 100184",
    "REGI": "100277 100278 100279 100280 100281 100282 100283 100284",
    "SOCI": "100210 100208 100209 100211 100212 100214 100232 100233 100234 100235 100236",
    "TECH": "100224 100225 100260 100261 100262",
    "TRAN": "100237 100238 100239 100240 100241",
}
EUROVOC_BY_THEME = {k: set(v.split()) for k, v in EUROVOC_BY_THEME.items()}
IPA_CODES = set("""r_toscan cmfi p_AR p_gr p_li p_LU p_MS p_PI p_pt p_po p_si ucmp_050 uccf ucg uc_vsen
udcav cir_emva ucp_ar udcvb udcvm_ udcv_046 udcmv_ udcma udcmc udcmc_ ucmcm_ c_d629U ucmap ucvdavds
umavc umdcm_0 umd_051 coaltava USFir uni_pi UNISIENA cnr imt_aslu urdcc ccas cciaa_fi 9RY1HG7E ccmt
cciaapp agid""".split())

# Tuscany, roughly (issue 4): the bounding boxes of this catalogue must stay inside.
TUSCANY = (Decimal("9.68"), Decimal("42.23"), Decimal("12.37"), Decimal("44.47"))


def load_vocab(repo):
    """Replace the fallback code lists with the ones in vocab/ when those files exist."""
    global THEMES, FREQUENCIES, FILETYPES, LICENCES, LANGUAGES, IPA_CODES
    eu = "http://publications.europa.eu/resource/authority/"
    table = [
        ("eu/data-theme.ttl", eu + "data-theme/", "THEMES"),
        ("eu/frequencies.ttl", eu + "frequency/", "FREQUENCIES"),
        ("eu/filetypes.ttl", eu + "file-type/", "FILETYPES"),
        ("eu/languages.ttl", eu + "language/", "LANGUAGES"),
        ("it/licences.ttl", "https://w3id.org/italia/controlled-vocabulary/licences/", "LICENCES"),
    ]
    used = []
    for rel, prefix, name in table:
        path = os.path.join(repo, "vocab", rel)
        if not os.path.isfile(path):
            continue
        with open(path, encoding="utf-8") as f:
            text = f.read()
        codes = set(re.findall(r"<" + re.escape(prefix) + r"([A-Za-z0-9_]+)>", text))
        if codes:
            globals()[name] = codes
            used.append(rel)
    path = os.path.join(repo, "vocab", "organizations.ttl")
    if os.path.isfile(path):
        with open(path, encoding="utf-8") as f:
            codes = set(re.findall(r'dct:identifier\s+"([^"]+)"', f.read()))
        if codes:
            IPA_CODES = codes
            used.append("organizations.ttl")
    return used


# ---------------------------------------------------------------------------------------------
# Diagnostics

class Report:
    def __init__(self, root, out=None):
        self.root = root
        self.out = out or sys.stdout
        self.errors = 0
        self.warnings = 0

    def _emit(self, kind, path, node_or_line, msg, where):
        if hasattr(node_or_line, "start_mark"):
            line, col = node_or_line.start_mark.line + 1, node_or_line.start_mark.column + 1
        elif isinstance(node_or_line, tuple):
            line, col = node_or_line
        else:
            line, col = (node_or_line or 1), 1
        rel = os.path.relpath(path, os.path.dirname(self.root))
        suffix = " (at %s)" % where if where else ""
        self.out.write("%s:%d:%d: %s: %s%s\n" % (rel, line, col, kind, msg, suffix))

    def error(self, path, node, msg, where=""):
        self.errors += 1
        self._emit("error", path, node, msg, where)

    def warning(self, path, node, msg, where=""):
        self.warnings += 1
        self._emit("warning", path, node, msg, where)


def suggest(word, choices):
    m = difflib.get_close_matches(str(word), sorted(choices), n=1, cutoff=0.6)
    return ", did you mean '%s'?" % m[0] if m else ""


# ---------------------------------------------------------------------------------------------
# Typed access to composed YAML nodes

SCALAR, SEQ, MAP = yaml.ScalarNode, yaml.SequenceNode, yaml.MappingNode
ID_RE = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?$")
IRI_RE = re.compile(r"^https?://[^\s<>\"{}|\\^`]+$")
EMAIL_RE = re.compile(r"^[^@\s<>]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}$")
DATE_RE = re.compile(r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$")
DEC_RE = re.compile(r"^-?[0-9]+(\.[0-9]+)?$")
LANG_RE = re.compile(r"^[a-z]{2}$")
MEDIA_RE = re.compile(r"^[a-z]+/[A-Za-z0-9.+-]+$")
KEYWORD_RE = re.compile(r"^[^\W_]+( [^\W_]+)*$")
HTML_RE = re.compile(r"<[A-Za-z/][^>]*>")
ORG_KEY_RE = re.compile(r"^[a-z][a-z0-9_]*$")


class Checker:
    def __init__(self, root, rep):
        self.root = os.path.abspath(root)
        self.rep = rep
        self.registry = {}          # key -> has identifier
        self.services = {}          # id -> (canonical repr, file, node)
        self.places = {}            # place IRI -> (bbox tuple, file, node)
        self.standards_by_iri = {}  # standard IRI -> (canonical repr, file)
        self.ids = {}               # dataset id -> file
        self.records = 0
        self.distributions = 0
        self.own_files = False

    # -- helpers ------------------------------------------------------------------------------
    def load(self, path):
        try:
            with open(path, encoding="utf-8") as f:
                text = f.read()
        except (OSError, UnicodeDecodeError) as e:
            self.rep.error(path, 1, "cannot read: %s" % e)
            return None
        try:
            for ev in yaml.parse(io.StringIO(text)):
                if getattr(ev, "anchor", None):
                    self.rep.error(path, ev, "anchors and aliases are not allowed")
                    return None
                tag = getattr(ev, "tag", None)
                if tag and getattr(ev, "implicit", (True,)) in (False, (False, False)):
                    self.rep.error(path, ev, "explicit tags are not allowed")
                    return None
            docs = list(yaml.compose_all(io.StringIO(text)))
        except yaml.YAMLError as e:
            mark = getattr(e, "problem_mark", None)
            pos = (mark.line + 1, mark.column + 1) if mark else 1
            self.rep.error(path, pos, "invalid YAML: %s" % getattr(e, "problem", e))
            return None
        if len(docs) != 1:
            self.rep.error(path, 1, "expected exactly one YAML document, found %d" % len(docs))
            return None
        return docs[0]

    def mapping(self, path, node, spec, where):
        """Check a closed mapping; spec maps key -> required flag. Return key -> (key node, value)."""
        if not isinstance(node, MAP):
            self.rep.error(path, node, "expected a mapping", where)
            return None
        out = {}
        for k, v in node.value:
            if not isinstance(k, SCALAR):
                self.rep.error(path, k, "keys must be plain strings", where)
                continue
            if k.value == "<<":
                self.rep.error(path, k, "merge keys are not allowed", where)
                continue
            if k.value in out:
                self.rep.error(path, k, "duplicate key '%s'" % k.value, where)
                continue
            if k.value not in spec:
                self.rep.error(path, k, "unknown key '%s'%s" % (k.value, suggest(k.value, spec)), where)
                continue
            if (isinstance(v, SCALAR) and v.value.strip() == "" and v.style is None) or \
               (isinstance(v, SCALAR) and v.tag == "tag:yaml.org,2002:null"):
                self.rep.error(path, v, "key '%s' has no value (leave the key out)" % k.value, where)
                continue
            if isinstance(v, (SEQ, MAP)) and not v.value:
                self.rep.error(path, v, "key '%s' is empty (leave the key out)" % k.value, where)
                continue
            out[k.value] = v
        for key, req in spec.items():
            if req and key not in out:
                self.rep.error(path, node, "missing required key '%s'" % key, where)
        return out

    def scalar(self, path, node, where, what="a string"):
        if not isinstance(node, SCALAR):
            self.rep.error(path, node, "expected %s" % what, where)
            return None
        return node.value

    def string(self, path, node, where):
        s = self.scalar(path, node, where)
        if s is None:
            return None
        if not s.strip():
            self.rep.error(path, node, "empty string", where)
            return None
        if HTML_RE.search(s):
            self.rep.error(path, node, "HTML markup is not allowed", where)
        return s

    def text(self, path, node, where, only_it=False):
        m = self.mapping(path, node, _Any(), where) if isinstance(node, MAP) else None
        if m is None:
            if not isinstance(node, MAP):
                self.rep.error(path, node, "expected a mapping language -> string", where)
            return None
        if "it" not in m:
            self.rep.error(path, node, "the 'it' text is required", where)
        for lang, v in m.items():
            if not LANG_RE.match(lang):
                self.rep.error(path, v, "'%s' is not an ISO 639-1 language code" % lang, where)
            self.string(path, v, "%s.%s" % (where, lang))
        if only_it and set(m) - {"it"}:
            self.rep.warning(path, node, "give the description in 'it' only (OWL: max 1)", where)
        return m

    def date(self, path, node, where):
        s = self.scalar(path, node, where, "a date YYYY-MM-DD")
        if s is None:
            return None
        if not DATE_RE.match(s):
            self.rep.error(path, node, "'%s' is not a date YYYY-MM-DD" % s, where)
            return None
        try:
            return datetime.date.fromisoformat(s)
        except ValueError:
            self.rep.error(path, node, "'%s' is not a valid calendar date" % s, where)
            return None

    def iri(self, path, node, where):
        s = self.scalar(path, node, where, "an IRI")
        if s is not None and not IRI_RE.match(s):
            self.rep.error(path, node, "'%s' is not an absolute http(s) IRI" % s, where)
            return None
        return s

    def ident(self, path, node, where):
        s = self.scalar(path, node, where, "an id")
        if s is not None and (not ID_RE.match(s) or len(s) > 64):
            self.rep.error(path, node, "'%s' is not an id ([a-z0-9-], no leading/trailing '-')" % s, where)
            return None
        return s

    def seq(self, path, node, where):
        if not isinstance(node, SEQ):
            self.rep.error(path, node, "expected a list", where)
            return []
        seen = {}
        for i, item in enumerate(node.value):
            if isinstance(item, SCALAR):
                if item.value in seen:
                    self.rep.error(path, item, "duplicate item '%s'" % item.value, "%s[%d]" % (where, i))
                seen[item.value] = True
        return node.value

    def code(self, path, node, where, codes, what):
        s = self.scalar(path, node, where, "a %s code" % what)
        if s is not None and s not in codes:
            self.rep.error(path, node, "unknown %s '%s'%s" % (what, s, suggest(s, codes)), where)
            return None
        return s

    def codes(self, path, node, where, codes, what):
        return [self.code(path, n, "%s[%d]" % (where, i), codes, what)
                for i, n in enumerate(self.seq(path, node, where))]

    def relpath(self, path, node, where, base_dir):
        s = self.scalar(path, node, where, "a relative path")
        if s is None:
            return None
        if s.startswith("/") or "\\" in s:
            self.rep.error(path, node, "'%s' must be a relative path with '/' separators" % s, where)
            return None
        full = os.path.normpath(os.path.join(base_dir, s))
        if os.path.commonpath([full, self.root]) != self.root:
            self.rep.error(path, node, "'%s' leaves the catalogue directory" % s, where)
            return None
        if not os.path.exists(full):
            self.rep.error(path, node, "'%s' does not exist" % s, where)
            return None
        return full

    def org(self, path, node, where, need_identifier, role):
        s = self.scalar(path, node, where, "an organisation code")
        if s is None:
            return None
        if s in IPA_CODES:
            return s
        if s in self.registry:
            if need_identifier and not self.registry[s]:
                self.rep.error(path, node, "org '%s' has no identifier and cannot be %s; list it "
                               "under contributors" % (s, role), where)
            return s
        self.rep.error(path, node, "unknown organisation '%s' (not an IPA code of vocab/ nor a "
                       "registry key)%s" % (s, suggest(s, IPA_CODES | set(self.registry))), where)
        return None

    # -- blocks -------------------------------------------------------------------------------
    def contact(self, path, node, where):
        m = self.mapping(path, node, {"name": True, "email": True, "url": False}, where)
        if not m:
            return
        if "name" in m:
            self.string(path, m["name"], where + ".name")
        if "email" in m:
            e = self.scalar(path, m["email"], where + ".email")
            if e is not None and (e.startswith("mailto:") or not EMAIL_RE.match(e)):
                self.rep.error(path, m["email"], "'%s' is not an e-mail address (no mailto:)" % e,
                               where + ".email")
        if "url" in m:
            self.iri(path, m["url"], where + ".url")

    def spatial(self, path, node, where):
        m = self.mapping(path, node, {"place": False, "bbox": False}, where)
        if m is None:
            return
        if not m:
            self.rep.error(path, node, "give 'place' and/or 'bbox'", where)
            return
        place = self.iri(path, m["place"], where + ".place") if "place" in m else None
        bbox = None
        if "bbox" in m:
            items = self.seq(path, m["bbox"], where + ".bbox")
            vals = []
            for i, n in enumerate(items):
                s = self.scalar(path, n, "%s.bbox[%d]" % (where, i), "a decimal")
                if s is None or not DEC_RE.match(s):
                    self.rep.error(path, n, "'%s' is not a decimal" % s, "%s.bbox[%d]" % (where, i))
                    return
                vals.append(Decimal(s))
            if len(vals) != 4:
                self.rep.error(path, m["bbox"], "bbox needs exactly 4 numbers [west, south, east, north]",
                               where + ".bbox")
                return
            w, s_, e, n = vals
            if not (w < e and s_ < n):
                self.rep.error(path, m["bbox"], "bbox needs west < east and south < north", where + ".bbox")
            if not (-180 <= w <= 180 and -180 <= e <= 180 and -90 <= s_ <= 90 and -90 <= n <= 90):
                self.rep.error(path, m["bbox"], "bbox out of the CRS84 range", where + ".bbox")
            tw, ts, te, tn = TUSCANY
            if not (tw <= w and e <= te and ts <= s_ and n <= tn):
                self.rep.error(path, m["bbox"], "bbox [%s, %s, %s, %s] is not inside Tuscany "
                               "[%s, %s, %s, %s]" % (w, s_, e, n, tw, ts, te, tn), where + ".bbox")
            bbox = tuple(n.value for n in items)
        if place and bbox:
            prev = self.places.get(place)
            if prev and prev[0] != bbox:
                self.rep.error(path, m["bbox"], "place '%s' already has bbox %s in %s" %
                               (place, list(prev[0]), os.path.relpath(prev[1], self.root)), where + ".bbox")
            elif not prev:
                self.places[place] = (bbox, path, m["bbox"])

    def standards(self, path, node, where):
        for i, item in enumerate(self.seq(path, node, where)):
            w = "%s[%d]" % (where, i)
            m = self.mapping(path, item, {"identifier": True, "iri": False, "title": False,
                                          "description": False, "reference": False, "type": False}, w)
            if not m:
                continue
            ident = self.string(path, m["identifier"], w + ".identifier") if "identifier" in m else None
            kind = None
            if "type" in m:
                kind = self.code(path, m["type"], w + ".type", {"crs", "act"}, "standard type")
            if "iri" in m and self.iri(path, m["iri"], w + ".iri"):
                canon = re.sub(r"\s+", " ", yaml.serialize(item))
                prev = self.standards_by_iri.get(m["iri"].value)
                if prev and prev[0] != canon:
                    self.rep.error(path, item, "standard '%s' differs from its description in %s" %
                                   (m["iri"].value, os.path.relpath(prev[1], self.root)), w)
                elif not prev:
                    self.standards_by_iri[m["iri"].value] = (canon, path)
            if kind == "crs":
                if "iri" not in m:
                    self.rep.error(path, item, "a 'crs' standard needs 'iri'", w)
                elif not re.match(r"^http://www\.opengis\.net/def/crs/(EPSG/0/[0-9]+|OGC/1\.3/CRS84)$",
                                  m["iri"].value):
                    self.rep.error(path, m["iri"], "not an OGC CRS IRI", w + ".iri")
            if kind != "act" and ident is not None and not IRI_RE.match(ident):
                self.rep.warning(path, m["identifier"], "identifier is not an IRI: mark citations "
                                 "with 'type: act'", w + ".identifier")
            if "title" in m:
                self.text(path, m["title"], w + ".title")
            if "description" in m:
                self.text(path, m["description"], w + ".description", only_it=True)
            if "reference" in m:
                self.iri(path, m["reference"], w + ".reference")

    def access_service(self, path, node, where, dataset_id):
        m = self.mapping(path, node, {"id": True, "title": True, "description": False,
                                      "endpoint_url": True, "endpoint_description": False,
                                      "conforms_to": False, "documentation": False}, where)
        if not m:
            return
        sid = self.ident(path, m["id"], where + ".id") if "id" in m else None
        if "title" in m:
            self.text(path, m["title"], where + ".title")
        if "description" in m:
            self.text(path, m["description"], where + ".description")
        for k in ("endpoint_url", "endpoint_description", "documentation"):
            if k in m:
                self.iri(path, m[k], where + "." + k)
        if "conforms_to" in m:
            self.standards(path, m["conforms_to"], where + ".conforms_to")
        if sid:
            canon = yaml.serialize(node)
            canon = re.sub(r"\s+", " ", canon)
            prev = self.services.get(sid)
            if prev and prev[0] != canon:
                self.rep.error(path, node, "service '%s' differs from its definition in %s" %
                               (sid, os.path.relpath(prev[1], self.root)), where)
            elif not prev:
                self.services[sid] = (canon, path, node)

    def distribution(self, path, node, where, rec_dir, has_default_license, dataset_id):
        spec = {"id": True, "title": False, "description": False, "file": False, "url": False,
                "download_url": False, "format": True, "media_type": False, "license": False,
                "languages": False, "issued": False, "modified": False, "dictionary": False,
                "access_service": False}
        m = self.mapping(path, node, spec, where)
        if m is None:
            return None
        self.distributions += 1
        did = self.ident(path, m["id"], where + ".id") if "id" in m else None
        for k in ("title", "description"):
            if k in m:
                self.text(path, m[k], where + "." + k)
        if ("file" in m) == ("url" in m):
            self.rep.error(path, node, "give exactly one of 'file' and 'url'", where)
        full = self.relpath(path, m["file"], where + ".file", rec_dir) if "file" in m else None
        if "url" in m:
            self.iri(path, m["url"], where + ".url")
        if "download_url" in m:
            if "url" not in m:
                self.rep.error(path, m["download_url"], "'download_url' goes with 'url'", where)
            self.iri(path, m["download_url"], where + ".download_url")
        fmt = self.code(path, m["format"], where + ".format", FILETYPES, "file type") if "format" in m else None
        if "media_type" in m:
            mt = self.scalar(path, m["media_type"], where + ".media_type")
            if mt is not None and not MEDIA_RE.match(mt):
                self.rep.error(path, m["media_type"], "'%s' is not a media type type/subtype" % mt,
                               where + ".media_type")
        if "license" in m:
            self.code(path, m["license"], where + ".license", LICENCES, "licence")
        elif not has_default_license and not ("file" in m and self.own_files):
            self.rep.error(path, node, "no 'license' and no default licence", where)
        if "languages" in m:
            self.codes(path, m["languages"], where + ".languages", LANGUAGES, "language")
        for k in ("issued", "modified"):
            if k in m:
                self.date(path, m[k], where + "." + k)
        if "dictionary" in m:
            if "file" not in m or fmt != "CSV":
                self.rep.error(path, m["dictionary"], "'dictionary' needs a local 'file' of format CSV",
                               where + ".dictionary")
            dpath = self.relpath(path, m["dictionary"], where + ".dictionary", rec_dir)
            if dpath and full:
                TableCheck(self, dpath, full).run()
        if "access_service" in m:
            self.access_service(path, m["access_service"], where + ".access_service", dataset_id)
        return did

    # -- files --------------------------------------------------------------------------------
    def check_registry(self, path):
        doc = self.load(path)
        if doc is None:
            return
        if not isinstance(doc, MAP):
            self.rep.error(path, doc, "expected a mapping key -> organisation")
            return
        lower_ipa = {c.lower() for c in IPA_CODES}
        for k, v in doc.value:
            key = k.value if isinstance(k, SCALAR) else None
            if key is None or not ORG_KEY_RE.match(key):
                self.rep.error(path, k, "registry key must match [a-z][a-z0-9_]*")
                continue
            if key.lower() in lower_ipa:
                self.rep.error(path, k, "registry key '%s' is an IPA code of the vocabulary" % key)
            if key in self.registry:
                self.rep.error(path, k, "duplicate registry key '%s'" % key)
            m = self.mapping(path, v, {"name": True, "identifier": False, "homepage": False,
                                       "note": False}, key)
            if m is None:
                continue
            if "name" in m:
                self.string(path, m["name"], key + ".name")
            if "identifier" in m:
                self.string(path, m["identifier"], key + ".identifier")
            if "homepage" in m:
                self.iri(path, m["homepage"], key + ".homepage")
            if "note" in m:
                self.text(path, m["note"], key + ".note")
            self.registry[key] = "identifier" in m

    def check_catalog(self):
        path = os.path.join(self.root, "catalog.yaml")
        doc = self.load(path)
        if doc is None:
            return None
        spec = {"base_uri": True, "title": True, "description": True, "publisher": True,
                "homepage": False, "issued": False, "modified": False, "languages": False,
                "license": False, "spatial": False, "registry": False, "records": True,
                "defaults": False, "own_files": False}
        m = self.mapping(path, doc, spec, "")
        if m is None:
            return None
        if "registry" in m:
            reg = self.relpath(path, m["registry"], "registry", self.root)
            if reg:
                self.check_registry(reg)
        if "base_uri" in m:
            b = self.iri(path, m["base_uri"], "base_uri")
            if b and (b.endswith("/") or "?" in b or "#" in b):
                self.rep.error(path, m["base_uri"], "base_uri must not end with '/' nor have a query "
                               "or fragment", "base_uri")
        for k in ("title", "description"):
            if k in m:
                self.text(path, m[k], k)
        if "publisher" in m:
            self.org(path, m["publisher"], "publisher", True, "a publisher")
        if "homepage" in m:
            self.iri(path, m["homepage"], "homepage")
        for k in ("issued", "modified"):
            if k in m:
                self.date(path, m[k], k)
        if "languages" in m:
            self.codes(path, m["languages"], "languages", LANGUAGES, "language")
        if "license" in m:
            self.code(path, m["license"], "license", LICENCES, "licence")
        if "spatial" in m:
            self.spatial(path, m["spatial"], "spatial")
        self.own_files = "own_files" in m
        if "own_files" in m:
            o = self.mapping(path, m["own_files"], {"license": True, "statement": True}, "own_files")
            if o and "license" in o:
                self.code(path, o["license"], "own_files.license", LICENCES, "licence")
            if o and "statement" in o:
                self.text(path, o["statement"], "own_files.statement")
        defaults = {}
        if "defaults" in m:
            d = self.mapping(path, m["defaults"], {"license": False, "languages": False,
                                                   "publisher": False, "rights_holder": False,
                                                   "contact": False}, "defaults")
            defaults = d or {}
            if "license" in defaults:
                self.code(path, defaults["license"], "defaults.license", LICENCES, "licence")
            if "languages" in defaults:
                self.codes(path, defaults["languages"], "defaults.languages", LANGUAGES, "language")
            if "publisher" in defaults:
                self.org(path, defaults["publisher"], "defaults.publisher", True, "a publisher")
            if "rights_holder" in defaults:
                self.org(path, defaults["rights_holder"], "defaults.rights_holder", True, "a rights holder")
            if "contact" in defaults:
                self.contact(path, defaults["contact"], "defaults.contact")
        dirs = []
        if "records" in m:
            for i, n in enumerate(self.seq(path, m["records"], "records")):
                d = self.relpath(path, n, "records[%d]" % i, self.root)
                if d and not os.path.isdir(d):
                    self.rep.error(path, n, "'%s' is not a directory" % n.value, "records[%d]" % i)
                elif d:
                    dirs.append(d)
        return dirs, defaults

    def check_record(self, path, defaults):
        doc = self.load(path)
        if doc is None:
            return
        spec = {"id": True, "title": True, "description": True, "themes": True, "subjects": False,
                "keywords": False, "publisher": False, "rights_holder": False, "creators": False,
                "contributors": False, "frequency": True, "issued": False, "modified": True,
                "languages": False, "temporal": False, "spatial": False, "contact": False,
                "conforms_to": False, "landing_page": False, "version": False, "distributions": True,
                "source_inconsistencies": False, "unverified": False, "hvd": False, "iso": False}
        # README 5.7: with an ISO 19139 file, the keys it can give are optional (this checker
        # does not read the file; dcatit build does, and says which are missing)
        if isinstance(doc, MAP) and any(isinstance(k, SCALAR) and k.value == "iso" for k, _ in doc.value):
            for k in ("title", "description", "themes", "frequency", "modified", "distributions"):
                spec[k] = False
        m = self.mapping(path, doc, spec, "")
        if m is None:
            return
        self.records += 1
        self.source_notes(path, doc, m)
        rid = self.ident(path, m["id"], "id") if "id" in m else None
        if rid:
            if rid in self.ids:
                self.rep.error(path, m["id"], "id '%s' already used by %s" %
                               (rid, os.path.relpath(self.ids[rid], self.root)), "id")
            self.ids[rid] = path
        for k in ("title", "description"):
            if k in m:
                self.text(path, m[k], k)
        themes = set()
        if "themes" in m:
            themes = {t for t in self.codes(path, m["themes"], "themes", THEMES, "theme") if t}
        if "iso" in m:
            self.relpath(path, m["iso"], "iso", os.path.dirname(path))
            if "themes" not in m:
                themes = set(EUROVOC_BY_THEME)  # the ISO record's themes: checked by the build
        if "subjects" in m:
            allowed = set().union(*(EUROVOC_BY_THEME.get(t, set()) for t in themes)) if themes else set()
            every = set().union(*EUROVOC_BY_THEME.values())
            for i, n in enumerate(self.seq(path, m["subjects"], "subjects")):
                s = self.scalar(path, n, "subjects[%d]" % i, "a EuroVoc id")
                if s is None:
                    continue
                if s not in every:
                    self.rep.error(path, n, "'%s' is not a EuroVoc concept of the AgID mapping%s" %
                                   (s, suggest(s, every)), "subjects[%d]" % i)
                elif s not in allowed:
                    self.rep.error(path, n, "EuroVoc %s is not mapped to any of the themes %s" %
                                   (s, sorted(themes)), "subjects[%d]" % i)
        if "keywords" in m:
            km = self.mapping(path, m["keywords"], _Any(), "keywords")
            for lang, lst in (km or {}).items():
                if not LANG_RE.match(lang):
                    self.rep.error(path, lst, "'%s' is not an ISO 639-1 language code" % lang, "keywords")
                for i, n in enumerate(self.seq(path, lst, "keywords.%s" % lang)):
                    s = self.string(path, n, "keywords.%s[%d]" % (lang, i))
                    if s is not None and not KEYWORD_RE.match(s):
                        self.rep.error(path, n, "keyword '%s' may hold only letters, digits and single "
                                       "spaces" % s, "keywords.%s[%d]" % (lang, i))
        for k, role in (("publisher", "a publisher"), ("rights_holder", "a rights holder")):
            if k in m:
                self.org(path, m[k], k, True, role)
            elif k not in defaults:
                self.rep.error(path, doc, "no '%s' and no default" % k)
        for k, need, role in (("creators", True, "a creator"), ("contributors", False, "a contributor")):
            if k in m:
                for i, n in enumerate(self.seq(path, m[k], k)):
                    self.org(path, n, "%s[%d]" % (k, i), need, role)
        if "frequency" in m:
            self.code(path, m["frequency"], "frequency", FREQUENCIES, "frequency")
        issued = self.date(path, m["issued"], "issued") if "issued" in m else None
        modified = self.date(path, m["modified"], "modified") if "modified" in m else None
        if issued and modified and modified < issued:
            self.rep.error(path, m["modified"], "modified is before issued", "modified")
        if "languages" in m:
            self.codes(path, m["languages"], "languages", LANGUAGES, "language")
        elif "languages" not in defaults:
            self.rep.warning(path, doc, "no 'languages' and no default")
        if "temporal" in m:
            t = self.mapping(path, m["temporal"], {"start": True, "end": False, "comment": False}, "temporal")
            if t:
                start = self.date(path, t["start"], "temporal.start") if "start" in t else None
                end = self.date(path, t["end"], "temporal.end") if "end" in t else None
                if start and end and end < start:
                    self.rep.error(path, t["end"], "end %s is before start %s" % (end, start), "temporal.end")
                if "comment" in t:
                    self.text(path, t["comment"], "temporal.comment")
        if "spatial" in m:
            self.spatial(path, m["spatial"], "spatial")
        if "contact" in m:
            self.contact(path, m["contact"], "contact")
        elif "contact" not in defaults:
            self.rep.warning(path, doc, "no 'contact' and no default (recommended)")
        if "conforms_to" in m:
            self.standards(path, m["conforms_to"], "conforms_to")
        if "landing_page" in m:
            self.iri(path, m["landing_page"], "landing_page")
        if "version" in m:
            self.string(path, m["version"], "version")
        if "hvd" in m:
            node = m["hvd"]
            items = self.seq(path, node, "hvd") if isinstance(node, yaml.SequenceNode) else [node]
            for n in items:
                if not isinstance(n, yaml.ScalarNode) or not re.match(r"^c_[0-9a-f]{8}$", n.value):
                    self.rep.error(path, n, "not an HVD category code (c_ and 8 hex digits)", "hvd")
        if "distributions" in m:
            seen = set()
            for i, n in enumerate(self.seq(path, m["distributions"], "distributions")):
                did = self.distribution(path, n, "distributions[%d]" % i, os.path.dirname(path),
                                        "license" in defaults, rid)
                if did and did in seen:
                    self.rep.error(path, n, "distribution id '%s' used twice" % did, "distributions[%d]" % i)
                seen.add(did)

    def source_notes(self, path, doc, m):
        """README section 5.6: notes in the languages of the description; each inconsistency a
        warning at its quote in one of the record's files (an error when no file holds it)."""
        desc = self.text(path, m["description"], "description") if "description" in m else None
        langs = set(desc or {})
        items = []
        if "source_inconsistencies" in m:
            for i, n in enumerate(self.seq(path, m["source_inconsistencies"], "source_inconsistencies")):
                w = "source_inconsistencies[%d]" % i
                it = self.mapping(path, n, {"note": True, "quote": False}, w)
                if it and "note" in it:
                    items.append((w, n, self.text(path, it["note"], w + ".note"), it.get("quote")))
        if "unverified" in m:
            for i, n in enumerate(self.seq(path, m["unverified"], "unverified")):
                w = "unverified[%d]" % i
                items.append((w, n, self.text(path, n, w), None))
        files = []
        if "distributions" in m and isinstance(m["distributions"], SEQ):
            for d in m["distributions"].value:
                f = plain(d).get("file") if isinstance(d, MAP) else None
                if isinstance(f, str):
                    files.append(os.path.normpath(os.path.join(os.path.dirname(path), f)))
        for w, node, text, quote in items:
            if text is None:
                continue
            for lang in langs - set(text):
                self.rep.error(path, node, "note has no '%s' text; every note needs each language "
                               "of the description" % lang, w)
            for lang in set(text) - langs:
                self.rep.error(path, node, "note in '%s', a language the description does not "
                               "have" % lang, w)
            if not w.startswith("source_inconsistencies"):
                continue
            msg = "inconsistency in the source, kept as published: %s" % \
                text.get("en", text.get("it")).value.strip()
            if quote is None:
                self.rep.warning(path, node, msg, w)
                continue
            q = self.string(path, quote, w + ".quote")
            where = find_quote(files, q) if q else None
            if where:
                self.rep.warning(where[0], where[1:], msg)
            elif q:
                self.rep.error(path, quote, "quote '%s' is not in any file of the record" % q, w)

    def run(self):
        res = self.check_catalog()
        if res is None:
            return
        dirs, defaults = res
        for d in dirs:
            for name in sorted(os.listdir(d)):
                full = os.path.join(d, name)
                if not os.path.isfile(full):
                    continue
                if name.endswith(".yaml"):
                    self.check_record(full, defaults)
                elif name.endswith(".ttl"):
                    self.records += 1   # loaded as is by the build; not checked here


def find_quote(files, quote):
    """(file, line, col) of the first place a file holds quote, white space runs matching any
    white space run (README section 5.6); None when no file does."""
    words = quote.split()
    pattern = re.compile(r"\s+".join(re.escape(x) for x in words))
    for f in files:
        try:
            with open(f, encoding="utf-8") as fh:
                text = fh.read()
        except (OSError, UnicodeDecodeError):
            continue
        mt = pattern.search(text)
        if mt and words:
            before = text[:mt.start()]
            return f, before.count("\n") + 1, len(before) - (before.rfind("\n") + 1) + 1
    return None


class _Any(dict):
    """A mapping spec that accepts any key, none required (language maps)."""
    def __contains__(self, key):
        return True

    def items(self):
        return []


# ---------------------------------------------------------------------------------------------
# CSV + data dictionary (README section 7)

class TableCheck:
    def __init__(self, chk, dict_path, csv_path):
        self.chk, self.rep = chk, chk.rep
        self.dpath, self.cpath = dict_path, csv_path

    def run(self):
        chk, path = self.chk, self.dpath
        doc = chk.load(path)
        if doc is None:
            return
        m = chk.mapping(path, doc, {"table": True, "title": False, "source": False,
                                    "decimal_separator": True, "columns": True, "totals_row": False}, "")
        if not m:
            return
        if "table" in m:
            t = chk.relpath(path, m["table"], "table", os.path.dirname(path))
            if t and os.path.abspath(t) != os.path.abspath(self.cpath):
                self.rep.error(path, m["table"], "dictionary describes '%s', not the distribution's "
                               "file" % m["table"].value, "table")
        for k in ("title", "source"):
            if k in m:
                chk.text(path, m[k], k)
        if "decimal_separator" in m and chk.scalar(path, m["decimal_separator"], "decimal_separator") != ".":
            self.rep.error(path, m["decimal_separator"], "only '.' is supported", "decimal_separator")
        cols = []
        for i, n in enumerate(chk.seq(path, m.get("columns", yaml.SequenceNode("", [])), "columns")):
            w = "columns[%d]" % i
            c = chk.mapping(path, n, {"name": True, "type": True, "required": False, "unit": False,
                                      "scale": False, "total_of": False, "stated_counts": False,
                                      "title": True, "description": False}, w)
            if not c or "name" not in c or "type" not in c:
                return
            col = {"name": c["name"].value, "type": c["type"].value, "node": n, "required": True,
                   "scale": None, "total_of": [], "counts": []}
            if not re.match(r"^[a-z][a-z0-9_]*$", col["name"]):
                self.rep.error(path, c["name"], "bad column name", w + ".name")
            chk.code(path, c["type"], w + ".type", {"string", "decimal", "ipa_code"}, "column type")
            if "required" in c:
                v = chk.code(path, c["required"], w + ".required", {"true", "false"}, "boolean")
                col["required"] = v != "false"
            if "scale" in c:
                if not re.match(r"^[0-9]+$", c["scale"].value):
                    self.rep.error(path, c["scale"], "scale must be an integer >= 0", w + ".scale")
                else:
                    col["scale"] = int(c["scale"].value)
            for k in ("unit", "scale", "total_of", "stated_counts"):
                if k in c and col["type"] != "decimal":
                    self.rep.error(path, c[k], "'%s' only applies to decimal columns" % k, w)
            if "stated_counts" in c:
                col["counts"] = self.stated_counts(c["stated_counts"], w + ".stated_counts")
            if "total_of" in c:
                col["total_of"] = [x.value for x in chk.seq(path, c["total_of"], w + ".total_of")]
                col["total_node"] = c["total_of"]
            if "title" in c:
                chk.text(path, c["title"], w + ".title")
            if "description" in c:
                chk.text(path, c["description"], w + ".description")
            cols.append(col)
        names = [c["name"] for c in cols]
        bytype = {c["name"]: c["type"] for c in cols}
        for c in cols:
            for cnt in c["counts"]:
                if cnt["column"] is not None and cnt["column"] not in names:
                    self.rep.error(path, cnt["node"], "'%s' is not a column of the dictionary" %
                                   cnt["column"])
                    cnt["bad"] = True
        for c in cols:
            for x in c["total_of"]:
                if bytype.get(x) != "decimal":
                    self.rep.error(path, c["total_node"], "total_of names '%s', not a decimal column" % x)
        totals = None
        if "totals_row" in m:
            t = chk.mapping(path, m["totals_row"], {"column": True, "value": True, "sums": True}, "totals_row")
            if t and {"column", "value", "sums"} <= set(t):
                totals = {"column": t["column"].value, "value": t["value"].value,
                          "sums": [x.value for x in chk.seq(path, t["sums"], "totals_row.sums")],
                          "node": m["totals_row"]}
                if totals["column"] not in names:
                    self.rep.error(path, t["column"], "unknown column '%s'" % totals["column"], "totals_row.column")
                for x in totals["sums"]:
                    if bytype.get(x) != "decimal":
                        self.rep.error(path, t["sums"], "sums names '%s', not a decimal column" % x,
                                       "totals_row.sums")
        self.check_csv(cols, names, totals)

    def stated_counts(self, node, where):
        """README section 7: [{rows: {column, starts_with}?, nonzero, source}]."""
        chk, path, out = self.chk, self.dpath, []
        for i, item in enumerate(chk.seq(path, node, where)):
            w = "%s[%d]" % (where, i)
            m = chk.mapping(path, item, {"rows": False, "nonzero": True, "source": True}, w)
            if not m or "nonzero" not in m or "source" not in m:
                continue
            nz = chk.scalar(path, m["nonzero"], w + ".nonzero", "a whole number")
            if nz is None or not re.match(r"^[0-9]+$", nz):
                self.rep.error(path, m["nonzero"], "nonzero must be a whole number of rows, not "
                               "'%s'" % nz, w + ".nonzero")
                continue
            src = chk.string(path, m["source"], w + ".source")
            cnt = {"node": item, "nonzero": int(nz), "source": src, "column": None, "prefix": None}
            if "rows" in m:
                r = chk.mapping(path, m["rows"], {"column": True, "starts_with": True}, w + ".rows")
                if not r or "column" not in r or "starts_with" not in r:
                    continue
                cnt["column"] = chk.scalar(path, r["column"], w + ".rows.column")
                cnt["prefix"] = chk.string(path, r["starts_with"], w + ".rows.starts_with")
                if cnt["column"] is None or cnt["prefix"] is None:
                    continue
            if src is not None:
                out.append(cnt)
        return out

    def check_counts(self, cols, data):
        """Compare the stated counts with the data rows (README section 7)."""
        for c in cols:
            for cnt in c["counts"]:
                if cnt.get("bad"):
                    continue
                sel = [(rec, v) for (_, rec), v in data
                       if cnt["column"] is None or rec[cnt["column"]].startswith(cnt["prefix"])]
                vals = [(rec, v.get(c["name"])) for rec, v in sel]
                if any(x is None and rec[c["name"]] != "" for rec, x in vals):
                    continue   # a value that does not parse: already an error
                which = (" whose %s starts with '%s'" % (cnt["column"], cnt["prefix"])
                         if cnt["column"] else "")
                if not sel:
                    self.rep.error(self.dpath, cnt["node"], "stated count of column '%s': no data "
                                   "row%s" % (c["name"], which))
                    continue
                key = list(data[0][0][1])[0]
                nonzero = [rec[key] for rec, x in vals if x]
                zero = [rec[key] for rec, x in vals if not x]
                if len(nonzero) == cnt["nonzero"]:
                    continue
                kind, lst = ("non-zero", nonzero) if len(nonzero) > cnt["nonzero"] else ("zero", zero)
                shown = ", ".join(lst[:8]) + (" and %d more" % (len(lst) - 8) if len(lst) > 8 else "")
                self.rep.warning(self.dpath, cnt["node"], "column '%s': %d of the %d data rows%s have "
                                 "a value other than zero, the source states %d (%s); %s: %s" %
                                 (c["name"], len(nonzero), len(sel), which, cnt["nonzero"],
                                  cnt["source"], kind, shown))

    def check_csv(self, cols, names, totals):
        path = self.cpath
        try:
            with open(path, "rb") as f:
                raw = f.read()
        except OSError as e:
            self.rep.error(path, 1, "cannot read: %s" % e)
            return
        if raw.startswith(b"\xef\xbb\xbf"):
            self.rep.error(path, 1, "UTF-8 byte order mark is not allowed")
            raw = raw[3:]
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError as e:
            line = raw[:e.start].count(b"\n") + 1
            self.rep.error(path, line, "not UTF-8: %s" % e.reason)
            return
        rows = []
        try:
            reader = csv.reader(io.StringIO(text, newline=""), strict=True)
            for r in reader:
                rows.append((reader.line_num, r))
        except csv.Error as e:
            self.rep.error(path, reader.line_num, "CSV syntax: %s" % e)
            return
        if not rows:
            self.rep.error(path, 1, "empty table")
            return
        hline, header = rows[0]
        if header != names:
            self.rep.error(path, hline, "header %s does not match the dictionary %s" % (header, names))
            return
        data, trow = [], None
        for line, r in rows[1:]:
            if len(r) != len(names):
                self.rep.error(path, line, "%d fields, the header has %d" % (len(r), len(names)))
                continue
            rec = dict(zip(names, r))
            if totals and rec.get(totals["column"]) == totals["value"]:
                if trow is not None:
                    self.rep.error(path, line, "second totals row '%s'" % totals["value"])
                trow = (line, rec)
                continue
            if trow is not None:
                self.rep.error(path, line, "data row after the totals row")
            data.append((line, rec))
        if totals and trow is None:
            self.rep.error(path, len(rows), "no totals row '%s'" % totals["value"])
        key = names[0]
        values = {}
        for line, rec in data:
            values[line] = self.check_row(line, rec, cols, True)
        if trow:
            values[trow[0]] = self.check_row(trow[0], trow[1], cols, False)
        # declared totals per row (the totals row included)
        for line, rec in data + ([trow] if trow else []):
            v = values[line]
            for c in cols:
                if not c["total_of"] or v.get(c["name"]) is None:
                    continue
                parts = [v.get(x) for x in c["total_of"]]
                if any(p is None for p in parts):
                    continue
                s = sum(parts, Decimal(0))
                if s != v[c["name"]]:
                    self.rep.warning(path, line, "row '%s': %s is %s but %s add up to %s (difference %s)" %
                                     (rec[key], c["name"], fmt(v[c["name"]]), "+".join(c["total_of"]),
                                      fmt(s), fmt(v[c["name"]] - s)))
        if trow:
            line, rec = trow
            for name in totals["sums"]:
                declared = values[line].get(name)
                if declared is None:
                    continue
                s = sum((values[l].get(name) or Decimal(0) for l, _ in data), Decimal(0))
                if s != declared:
                    self.rep.warning(path, line, "totals row '%s': %s is %s but the %d data rows add "
                                     "up to %s (difference %s)" % (rec[totals["column"]], name,
                                                                   fmt(declared), len(data), fmt(s),
                                                                   fmt(declared - s)))
        self.check_counts(cols, [((line, rec), values[line]) for line, rec in data])
        self.summary = (len(data), trow is not None)

    def check_row(self, line, rec, cols, is_data):
        out = {}
        for c in cols:
            val = rec[c["name"]]
            if val == "":
                if c["required"] and is_data:
                    self.rep.error(self.cpath, line, "empty required field '%s'" % c["name"])
                out[c["name"]] = None
                continue
            if c["type"] == "decimal":
                if not DEC_RE.match(val):
                    self.rep.error(self.cpath, line, "'%s' in column %s is not a decimal" % (val, c["name"]))
                    out[c["name"]] = None
                    continue
                if c["scale"] is not None and len(val.partition(".")[2]) != c["scale"]:
                    self.rep.error(self.cpath, line, "'%s' in column %s must have %d decimals" %
                                   (val, c["name"], c["scale"]))
                out[c["name"]] = Decimal(val)
            elif c["type"] == "ipa_code":
                if val not in IPA_CODES and val not in self.chk.registry:
                    self.rep.error(self.cpath, line, "unknown organisation '%s' in column %s%s" %
                                   (val, c["name"], suggest(val, IPA_CODES)))
                out[c["name"]] = val
            else:
                out[c["name"]] = val
        return out


def fmt(d):
    return format(d, "f")


# ---------------------------------------------------------------------------------------------
# Reference rendering (--ntriples): README sections 3-6 and 8, as sorted N-Triples

NS = {
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
    "dcat": "http://www.w3.org/ns/dcat#",
    "dct": "http://purl.org/dc/terms/",
    "dcatapit": "http://dati.gov.it/onto/dcatapit#",
    "foaf": "http://xmlns.com/foaf/0.1/",
    "vcard": "http://www.w3.org/2006/vcard/ns#",
    "locn": "http://www.w3.org/ns/locn#",
    "gsp": "http://www.opengis.net/ont/geosparql#",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "spdx": "http://spdx.org/rdf/terms#",
}
EU = "http://publications.europa.eu/resource/authority/"
VOCAB_IRI = {
    "theme": EU + "data-theme/", "frequency": EU + "frequency/", "format": EU + "file-type/",
    "language": EU + "language/", "licence": "https://w3id.org/italia/controlled-vocabulary/licences/",
    "eurovoc": "http://eurovoc.europa.eu/",
}
ORG_BASE = "https://w3id.org/dcatit/org/"


def plain(node):
    """Composed node -> Python values, scalars kept as strings (as libyaml gives them)."""
    if isinstance(node, SCALAR):
        return node.value
    if isinstance(node, SEQ):
        return [plain(n) for n in node.value]
    return {k.value: plain(v) for k, v in node.value}


def _esc(s):
    out = []
    for ch in s:
        o = ord(ch)
        if ch == "\\":
            out.append("\\\\")
        elif ch == '"':
            out.append('\\"')
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\r":
            out.append("\\r")
        elif ch == "\t":
            out.append("\\t")
        elif o < 0x20 or o == 0x7f:
            out.append("\\u%04X" % o)
        else:
            out.append(ch)
    return "".join(out)


class Emitter:
    def __init__(self, root, repo):
        self.root, self.repo = root, repo
        self.triples = set()
        self.bnodes = 0
        self.agents_used = set()
        self.themes_used = set()
        self.registry = {}

    # terms
    def iri(self, s):
        return "<%s>" % s

    def q(self, curie):
        p, local = curie.split(":", 1)
        return "<%s%s>" % (NS[p], local)

    def lit(self, s, lang=None, dt=None):
        body = '"%s"' % _esc(s)
        if lang:
            return body + "@" + lang
        if dt:
            return body + "^^" + self.q(dt)
        return body

    def bnode(self):
        self.bnodes += 1
        return "_:b%d" % self.bnodes

    def add(self, s, p, o):
        self.triples.add("%s %s %s ." % (s, self.q(p) if ":" in p and not p.startswith("<") else p, o))

    def typ(self, s, *classes):
        for c in classes:
            self.add(s, "rdf:type", self.q(c))

    def text(self, s, p, m):
        for lang, v in sorted(m.items()):
            self.add(s, p, self.lit(v, lang=lang))

    def date(self, s, p, v):
        self.add(s, p, self.lit(v, dt="xsd:date"))

    def vocab(self, kind, code):
        return self.iri(VOCAB_IRI[kind] + code)

    # agents
    def agent(self, key):
        self.agents_used.add(key)
        if key in self.registry:
            return self.iri("%s/agent/%s" % (self.base, key))
        return self.iri(ORG_BASE + key)

    def agent_identifier(self, key):
        if key in self.registry:
            return self.registry[key].get("identifier")
        return key

    def emit_agents(self):
        names = {}
        path = os.path.join(self.repo, "vocab", "organizations.ttl")
        if os.path.isfile(path):
            with open(path, encoding="utf-8") as f:
                text = f.read()
            for block in text.split("\n\n"):
                mi = re.search(r'dct:identifier\s+"([^"]+)"', block)
                mn = re.search(r'foaf:name\s+"((?:[^"\\]|\\.)*)"', block)
                if mi and mn:
                    names[mi.group(1)] = mn.group(1).replace('\\"', '"').replace("\\\\", "\\")
        for key in sorted(self.agents_used):
            a = self.agent(key)
            if key in self.registry:
                e = self.registry[key]
                self.typ(a, "foaf:Agent")
                if e.get("identifier"):
                    self.typ(a, "dcatapit:Agent")
                    self.add(a, "dct:identifier", self.lit(e["identifier"]))
                self.add(a, "foaf:name", self.lit(e["name"], lang="it"))
                if e.get("homepage"):
                    self.add(a, "foaf:homepage", self.iri(e["homepage"]))
                if e.get("note"):
                    self.text(a, "rdfs:comment", e["note"])
            else:
                self.typ(a, "dcatapit:Agent", "foaf:Agent")
                self.add(a, "dct:identifier", self.lit(key))
                self.add(a, "foaf:name", self.lit(names.get(key, key), lang="it"))

    # blocks
    def contact(self, s, c):
        n = self.bnode()
        self.add(s, "dcat:contactPoint", n)
        self.typ(n, "dcatapit:Organization", "vcard:Organization", "vcard:Kind")
        self.add(n, "vcard:fn", self.lit(c["name"]))
        self.add(n, "vcard:hasEmail", self.iri("mailto:" + c["email"]))
        if "url" in c:
            self.add(n, "vcard:hasURL", self.iri(c["url"]))

    def spatial(self, s, sp):
        loc = self.iri(sp["place"]) if "place" in sp else self.bnode()
        self.add(s, "dct:spatial", loc)
        self.typ(loc, "dct:Location")
        if "bbox" in sp:
            w, so, e, n = sp["bbox"]
            wkt = "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))" % (w, so, e, so, e, n, w, n, w, so)
            self.add(loc, "dcat:bbox", self.lit(wkt, dt="gsp:wktLiteral"))
            self.add(loc, "locn:geometry", self.lit(wkt, dt="gsp:wktLiteral"))

    def standards(self, s, items):
        for st in items:
            n = self.iri(st["iri"]) if "iri" in st else self.bnode()
            self.add(s, "dct:conformsTo", n)
            self.typ(n, "dcatapit:Standard", "dct:Standard")
            self.add(n, "dct:identifier", self.lit(st["identifier"]))
            if st.get("type") == "crs":
                self.add(n, "dct:type", self.iri("http://inspire.ec.europa.eu/glossary/SpatialReferenceSystem"))
            for k, p in (("title", "dct:title"), ("description", "dct:description")):
                if k in st:
                    self.text(n, p, st[k])
            if "reference" in st:
                self.add(n, "dcatapit:referenceDocumentation", self.iri(st["reference"]))

    def typed_codes(self, s, p, kind, codes, cls):
        for c in codes:
            o = self.vocab(kind, c)
            self.add(s, p, o)
            self.typ(o, cls)

    def license(self, s, code):
        o = self.vocab("licence", code)
        self.add(s, "dct:license", o)
        self.typ(o, "dcatapit:LicenseDocument", "dct:LicenseDocument")

    def description(self, ds, r):
        """README section 5.6: the record's text, then one paragraph per note."""
        notes = [("Incongruenza della fonte: ", "Inconsistency in the source: ", x["note"])
                 for x in r.get("source_inconsistencies", [])]
        notes += [("Non verificato: ", "Not verified: ", x) for x in r.get("unverified", [])]
        for lang, v in sorted(r["description"].items()):
            text = v.strip()
            for it, en, t in notes:
                text += "\n\n" + (it if lang == "it" else en) + t[lang].strip()
            self.add(ds, "dct:description", self.lit(text, lang=lang))

    # files
    def emit(self, cat, registry, records):
        self.base = cat["base_uri"]
        self.registry = registry
        c = self.iri(self.base + "/catalog")
        self.typ(c, "dcatapit:Catalog", "dcat:Catalog")
        self.text(c, "dct:title", cat["title"])
        self.text(c, "dct:description", cat["description"])
        self.add(c, "dct:publisher", self.agent(cat["publisher"]))
        if "homepage" in cat:
            self.add(c, "foaf:homepage", self.iri(cat["homepage"]))
            self.typ(self.iri(cat["homepage"]), "foaf:Document")
        if "issued" in cat:
            self.date(c, "dct:issued", cat["issued"])
        mods = [r["modified"] for _, r in records]
        self.date(c, "dct:modified", cat.get("modified", max(mods) if mods else "1970-01-01"))
        self.typed_codes(c, "dct:language", "language", cat.get("languages", []), "dct:LinguisticSystem")
        if "license" in cat:
            self.license(c, cat["license"])
        if "spatial" in cat:
            self.spatial(c, cat["spatial"])
        self.own = cat.get("own_files")
        if self.own:
            rs = self.iri(self.base + "/rights/own-files")
            self.typ(rs, "dct:RightsStatement")
            for lang, v in sorted(self.own["statement"].items()):
                self.add(rs, "rdfs:label", self.lit(v.strip(), lang=lang))
        tax = self.iri(EU + "data-theme")
        self.add(c, "dcat:themeTaxonomy", tax)
        self.typ(tax, "skos:ConceptScheme")
        self.add(tax, "dct:title", self.lit("Data theme", lang="en"))
        d = cat.get("defaults", {})
        for path, r in records:
            ds = self.iri("%s/dataset/%s" % (self.base, r["id"]))
            self.add(c, "dcat:dataset", ds)
            self.dataset(ds, path, r, d)
        self.emit_agents()
        self.emit_theme_labels()

    def emit_theme_labels(self):
        """Copy skos:prefLabel @it/@en of the themes used from vocab/eu/data-theme.ttl (rdflib)."""
        path = os.path.join(self.repo, "vocab", "eu", "data-theme.ttl")
        try:
            import rdflib
        except ImportError:
            sys.stderr.write("check_catalog: python3-rdflib missing, theme labels not copied\n")
            return
        if not os.path.isfile(path):
            return
        g = rdflib.Graph()
        g.parse(path, format="turtle")
        pref = rdflib.URIRef(NS["skos"] + "prefLabel")
        for t in sorted(self.themes_used):
            for o in g.objects(rdflib.URIRef(VOCAB_IRI["theme"] + t), pref):
                if o.language in ("it", "en"):
                    self.add(self.vocab("theme", t), "skos:prefLabel", self.lit(str(o), lang=o.language))

    def dataset(self, ds, path, r, d):
        self.typ(ds, "dcatapit:Dataset", "dcat:Dataset")
        rh = r.get("rights_holder", d.get("rights_holder"))
        self.add(ds, "dct:identifier", self.lit("%s:%s" % (self.agent_identifier(rh), r["id"])))
        self.text(ds, "dct:title", r["title"])
        self.description(ds, r)
        self.typed_codes(ds, "dcat:theme", "theme", r["themes"], "skos:Concept")
        self.themes_used.update(r["themes"])
        for code in r.get("subjects", []):
            self.add(ds, "dct:subject", self.vocab("eurovoc", code))
        for lang, kws in sorted(r.get("keywords", {}).items()):
            for k in kws:
                self.add(ds, "dcat:keyword", self.lit(k, lang=lang))
        self.add(ds, "dct:publisher", self.agent(r.get("publisher", d.get("publisher"))))
        self.add(ds, "dct:rightsHolder", self.agent(rh))
        for a in r.get("creators", []):
            self.add(ds, "dct:creator", self.agent(a))
        for a in r.get("contributors", []):
            self.add(ds, "dct:contributor", self.agent(a))
        self.typed_codes(ds, "dct:accrualPeriodicity", "frequency", [r["frequency"]], "dct:Frequency")
        if "issued" in r:
            self.date(ds, "dct:issued", r["issued"])
        self.date(ds, "dct:modified", r["modified"])
        self.typed_codes(ds, "dct:language", "language", r.get("languages", d.get("languages", [])),
                         "dct:LinguisticSystem")
        if "temporal" in r:
            t, n = r["temporal"], self.bnode()
            self.add(ds, "dct:temporal", n)
            self.typ(n, "dct:PeriodOfTime")
            self.date(n, "dcatapit:startDate", t["start"])
            self.date(n, "dcat:startDate", t["start"])
            if "end" in t:
                self.date(n, "dcatapit:endDate", t["end"])
                self.date(n, "dcat:endDate", t["end"])
            if "comment" in t:
                self.text(n, "rdfs:comment", t["comment"])
        if "spatial" in r:
            self.spatial(ds, r["spatial"])
        if "contact" in r or "contact" in d:
            self.contact(ds, r.get("contact", d.get("contact")))
        self.standards(ds, r.get("conforms_to", []))
        if "landing_page" in r:
            self.add(ds, "dcat:landingPage", self.iri(r["landing_page"]))
            self.typ(self.iri(r["landing_page"]), "foaf:Document")
        if "version" in r:
            self.add(ds, "owl:versionInfo", self.lit(r["version"]))
        for dist in r["distributions"]:
            self.distribution(ds, path, dist, d)

    def published(self, rec_path, rel):
        full = os.path.normpath(os.path.join(os.path.dirname(rec_path), rel))
        return full, "%s/%s" % (self.base, os.path.relpath(full, self.root).replace(os.sep, "/"))

    def distribution(self, ds, path, dist, d):
        n = self.iri("%s/distribution/%s" % (ds[1:-1], dist["id"]))
        self.add(ds, "dcat:distribution", n)
        self.typ(n, "dcatapit:Distribution", "dcat:Distribution")
        for k, p in (("title", "dct:title"), ("description", "dct:description")):
            if k in dist:
                self.text(n, p, dist[k])
        if "file" in dist:
            full, url = self.published(path, dist["file"])
            self.add(n, "dcat:accessURL", self.iri(url))
            self.add(n, "dcat:downloadURL", self.iri(url))
            with open(full, "rb") as f:
                data = f.read()
            self.add(n, "dcat:byteSize", self.lit(str(len(data)), dt="xsd:decimal"))
            ck = self.bnode()
            self.add(n, "spdx:checksum", ck)
            self.typ(ck, "spdx:Checksum")
            self.add(ck, "spdx:algorithm", self.q("spdx:checksumAlgorithm_sha256"))
            import hashlib
            self.add(ck, "spdx:checksumValue", self.lit(hashlib.sha256(data).hexdigest(), dt="xsd:hexBinary"))
        else:
            self.add(n, "dcat:accessURL", self.iri(dist["url"]))
            if "download_url" in dist:
                self.add(n, "dcat:downloadURL", self.iri(dist["download_url"]))
        self.typed_codes(n, "dct:format", "format", [dist["format"]], "dct:MediaTypeOrExtent")
        if "media_type" in dist:
            o = self.iri("https://www.iana.org/assignments/media-types/" + dist["media_type"])
            self.add(n, "dcat:mediaType", o)
            self.typ(o, "dct:MediaType", "dct:MediaTypeOrExtent")
        if "license" not in dist and "file" in dist and self.own:
            self.license(n, self.own["license"])
            self.add(n, "dct:rights", self.iri(self.base + "/rights/own-files"))
        else:
            self.license(n, dist.get("license", d.get("license")))
        self.typed_codes(n, "dct:language", "language", dist.get("languages", []), "dct:LinguisticSystem")
        for k in ("issued", "modified"):
            if k in dist:
                self.date(n, "dct:" + k, dist[k])
        if "dictionary" in dist:
            _, url = self.published(path, dist["dictionary"])
            st = self.iri(url)
            self.add(n, "dct:conformsTo", st)
            self.typ(st, "dcatapit:Standard", "dct:Standard")
            self.add(st, "dct:identifier", self.lit(url))
            self.add(st, "dct:title", self.lit("Dizionario dei dati", lang="it"))
            self.add(st, "dct:title", self.lit("Data dictionary", lang="en"))
        if "access_service" in dist:
            a = dist["access_service"]
            sv = self.iri("%s/service/%s" % (self.base, a["id"]))
            self.add(n, "dcat:accessService", sv)
            self.typ(sv, "dcat:DataService")
            self.text(sv, "dct:title", a["title"])
            if "description" in a:
                self.text(sv, "dct:description", a["description"])
            self.add(sv, "dcat:endpointURL", self.iri(a["endpoint_url"]))
            if "endpoint_description" in a:
                self.add(sv, "dcat:endpointDescription", self.iri(a["endpoint_description"]))
            self.standards(sv, a.get("conforms_to", []))
            self.add(sv, "dcat:servesDataset", ds)


def render(root, repo, chk):
    cat = plain(chk.load(os.path.join(root, "catalog.yaml")))
    registry = {}
    if "registry" in cat:
        registry = plain(chk.load(os.path.normpath(os.path.join(root, cat["registry"]))))
    records = []
    for rel in cat["records"]:
        d = os.path.normpath(os.path.join(root, rel))
        for name in sorted(os.listdir(d)):
            if name.endswith(".yaml") and os.path.isfile(os.path.join(d, name)):
                p = os.path.join(d, name)
                r = plain(chk.load(p))
                if "iso" in r:
                    sys.stderr.write("check_catalog: %s takes its metadata from an ISO 19139 file: "
                                     "not rendered (dcatit build maps it)\n" % os.path.relpath(p, root))
                    continue
                records.append((p, r))
    em = Emitter(root, repo)
    em.emit(cat, registry, records)
    return sorted(em.triples)


def main(argv):
    args = argv[1:]
    nt = False
    if args and args[0] == "--ntriples":
        nt, args = True, args[1:]
    if len(args) > 1 or (args and args[0] in ("-h", "--help")):
        sys.stderr.write("usage: check_catalog.py [--ntriples] [CATALOG_DIR]\n")
        return 2
    root = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    root = os.path.abspath(root)
    if not os.path.isfile(os.path.join(root, "catalog.yaml")):
        sys.stderr.write("check_catalog: cannot read '%s': No such file or directory\n" %
                         os.path.join(root, "catalog.yaml"))
        return 2
    used = load_vocab(os.path.dirname(root))
    out = sys.stderr if nt else sys.stdout
    rep = Report(root, out)
    chk = Checker(root, rep)
    chk.run()
    out.write("check_catalog: %d records, %d distributions, %d services, %d errors, %d warnings "
              "(code lists from %s)\n" % (chk.records, chk.distributions, len(chk.services),
                                          rep.errors, rep.warnings,
                                          "vocab/: " + ", ".join(used) if used else "embedded copies"))
    if rep.errors:
        return 1
    if nt:
        for t in render(root, os.path.dirname(root), chk):
            sys.stdout.write(t + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
