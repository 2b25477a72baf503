"""The DCAT RDF endpoints of the CKAN test server: /dataset/NAME.{ttl,rdf,jsonld,n3,xml}
and /catalog.{ttl,rdf,jsonld,n3,xml} with hydra paging, as CKAN 2.10.10 with ckanext-dcat
2.1.0 and the net7 ckanext-dcatapit serve them. Written from the real exchanges in
shared/ckan-transcripts/roundtrip (README: the 25 changes the portal makes); the numbers in
the comments are that README's. Python standard library only.

mode "portal" reproduces the changes; mode "faithful" is a well-behaved portal: it serves
what the package holds, in the forms a DCAT-AP_IT harvester expects (the reverse of what
dcatit push sends), so that what remains is only what CKAN cannot carry."""

import datetime
import json
import re
from xml.sax.saxutils import escape as xml_escape

RDF = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
RDFS = "http://www.w3.org/2000/01/rdf-schema#"
XSD = "http://www.w3.org/2001/XMLSchema#"
DCAT = "http://www.w3.org/ns/dcat#"
DCT = "http://purl.org/dc/terms/"
DCATAPIT = "http://dati.gov.it/onto/dcatapit#"
FOAF = "http://xmlns.com/foaf/0.1/"
VCARD = "http://www.w3.org/2006/vcard/ns#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
SPDX = "http://spdx.org/rdf/terms#"
OWL = "http://www.w3.org/2002/07/owl#"
HYDRA = "http://www.w3.org/ns/hydra/core#"
LOCN = "http://www.w3.org/ns/locn#"
ADMS = "http://www.w3.org/ns/adms#"
AUTH = "http://publications.europa.eu/resource/authority/"
LIC = "https://w3id.org/italia/controlled-vocabulary/licences/"
IANA = "https://www.iana.org/assignments/media-types/"
PREFIXES = [("adms", ADMS), ("dcat", DCAT), ("dcatapit", DCATAPIT), ("dct", DCT),
            ("foaf", FOAF), ("hydra", HYDRA), ("locn", LOCN), ("owl", OWL), ("rdf", RDF),
            ("rdfs", RDFS), ("skos", SKOS), ("spdx", SPDX), ("vcard", VCARD), ("xsd", XSD)]

LOCALES = ["it", "en", "de", "fr"]          # ckan.locales_offered of the recorded site
SITE_LOCALE = "en"                          # ckan.locale_default
# change 19: net7 profiles.py writes this IRI when the resource `license` is not the
# document of its licence
FALLBACK_LICENCE = "http://creativecommons.org/licenses/by/4.0/it/"
# the AgID licences the portal's vocabulary knows: document URI, ADMS type, version, names
LICENCES = {
    LIC + "A21_CCBY40": ("https://creativecommons.org/licenses/by/4.0/", "Attribution", "4.0",
                         {"it": "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)",
                          "en": "Creative Commons Attribution 4.0 International (CC BY 4.0)",
                          "de": "Creative Commons Namensnennung 4.0 International (CC BY 4.0)",
                          "fr": "Creative Commons Attribution 4.0 International (CC BY 4.0)"}),
    LIC + "A11_CCO10": ("https://creativecommons.org/publicdomain/zero/1.0/", "PublicDomain",
                        "1.0", {"it": "Creative Commons CC0 1.0 Universale - Public Domain "
                                      "Dedication (CC0 1.0)",
                                "en": "Creative Commons CC0 1.0 Universal - Public Domain "
                                      "Dedication (CC0 1.0)"}),
    LIC + "A29_IODL20": ("https://www.dati.gov.it/iodl/2.0/", "Attribution", "2.0",
                         {"it": "Italian Open Data License 2.0 (IODL 2.0)",
                          "en": "Italian Open Data License 2.0 (IODL 2.0)"}),
    LIC + "C1_Unknown": (None, "UnknownIPR", None,
                         {"it": "Licenza Sconosciuta", "en": "Unknown IPR", "de": "Unknown IPR",
                          "fr": "Droits de propriété intellectuelle inconnus"}),
}
THEME_LABELS = {
    "AGRI": ("Agricoltura, pesca, silvicoltura e prodotti alimentari",
             "Agriculture, fisheries, forestry and food"),
    "ECON": ("Economia e finanze", "Economy and finance"),
    "EDUC": ("Istruzione, cultura e sport", "Education, culture and sport"),
    "ENER": ("Energia", "Energy"), "ENVI": ("Ambiente", "Environment"),
    "GOVE": ("Governo e settore pubblico", "Government and public sector"),
    "HEAL": ("Salute", "Health"), "INTR": ("Tematiche internazionali", "International issues"),
    "JUST": ("Giustizia, sistema giuridico e sicurezza pubblica",
             "Justice, legal system and public safety"),
    "OP_DATPRO": ("Dati provvisori", "Provisional data"),
    "REGI": ("Regioni e città", "Regions and cities"),
    "SOCI": ("Popolazione e società", "Population and society"),
    "TECH": ("Scienza e tecnologia", "Science and technology"),
    "TRAN": ("Trasporti", "Transport")}
# change 11: the landing page host the fork picks by holder code
LANDING_HOSTS = {"r_toscan": "https://dati.toscana.it/"}


class Graph:
    """Triples of terms: ('iri', v), ('bnode', n), ('lit', v, datatype, lang)."""

    def __init__(self):
        self.triples = []
        self.seen = set()
        self.next_bnode = 0

    def bnode(self):
        self.next_bnode += 1
        return ("bnode", "b%d" % self.next_bnode)

    def add(self, s, p, o):
        t = (s, iri(p), o)
        if t not in self.seen:
            self.seen.add(t)
            self.triples.append(t)


def iri(v):
    return v if isinstance(v, tuple) else ("iri", v)


def lit(v, dt=None, lang=None):
    return ("lit", str(v), dt, lang)


def add_title_description(g, node, title, description, portal):
    """dct:title and dct:description of a dataset or distribution. 1, 18: one
    untagged literal each; faithful: tagged with the portal language."""
    tl = None if portal else "it"
    if title:
        g.add(node, DCT + "title", lit(title, lang=tl))
    if description:
        g.add(node, DCT + "description", lit(description, lang=tl))


# ------------------------------------------------------------------ dates

def parse_portal_date(v):
    """ckanext-dcat's _add_date_triple: dateutil without dayfirst. Returns (date or
    datetime, is_date_only) or None."""
    if not isinstance(v, str) or not v.strip():
        return None
    v = v.strip()
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})$", v)
    if m:
        return datetime.date(int(m[1]), int(m[2]), int(m[3])), True
    m = re.match(r"^(\d{2})[-/](\d{2})[-/](\d{4})$", v)
    if m:
        a, b, y = int(m[1]), int(m[2]), int(m[3])
        # month first when it can be a month: 02-11-2015 is 11 February
        mon, day = (a, b) if a <= 12 else (b, a)
        try:
            return datetime.datetime(y, mon, day), False
        except ValueError:
            return None
    m = re.match(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(\.\d+)?", v)
    if m:
        us = int((m[7] or ".0")[1:].ljust(6, "0")[:6])
        return datetime.datetime(int(m[1]), int(m[2]), int(m[3]), int(m[4]), int(m[5]),
                                 int(m[6]), us), False
    return None


def date_lit(v):
    p = parse_portal_date(v)
    if not p:
        return None
    d, only = p
    if only:
        return lit(d.isoformat(), XSD + "date")
    return lit(d.isoformat(), XSD + "dateTime")


def iso_day(v):
    p = parse_portal_date(v)
    if not p:
        return None
    d, only = p
    return d.isoformat() if only else d.date().isoformat()


# ------------------------------------------------------------------ helpers

def jload(v, default):
    if isinstance(v, (list, dict)):
        return v
    try:
        return json.loads(v) if v else default
    except (TypeError, ValueError):
        return default


def codes(v):
    if not v:
        return []
    return [c for c in re.split(r"[{},\s\"]+", v) if c]


def add_names(g, s, p, names, mode, fill=True):
    """change 6, 13: one name per offered locale, copying what is there to the others."""
    if isinstance(names, str):
        names = {"it": names}
    names = {k: v for k, v in (names or {}).items() if v}
    if not names:
        return
    if mode == "faithful" or not fill:
        for lang, text in sorted(names.items()):
            g.add(s, p, lit(text, lang=lang))
        return
    first = names.get("it") or names.get("en") or next(iter(names.values()))
    en = names.get("en", first)
    for lang in LOCALES:
        text = names.get(lang) or (en if lang in ("de", "fr") and "en" in names else first)
        g.add(s, p, lit(text, lang=lang))


def agent(g, name, ident, names=None, mode="portal", lang=SITE_LOCALE):
    a = g.bnode()
    g.add(a, RDF + "type", iri(DCATAPIT + "Agent"))
    g.add(a, RDF + "type", iri(FOAF + "Agent"))
    if names:
        add_names(g, a, FOAF + "name", names, mode)
    else:
        g.add(a, FOAF + "name", lit(name or "N/A", lang=lang if mode == "portal" else "it"))
    g.add(a, DCT + "identifier", lit(ident or "N/A"))
    return a


# ------------------------------------------------------------------ one dataset

def dataset_graph(g, shown, raw, org, site, mode, in_catalog):
    """Add the triples of one package. shown: its package_show dict (dates DD-MM-YYYY,
    holder from the organization); raw: its stored dcatapit fields (what package_search
    hands the catalogue endpoint); org: the owner organization record."""
    portal = mode == "portal"
    extras = {e["key"]: e["value"] for e in shown.get("extras", [])}
    ds_iri = extras.get("uri") or "%s/dataset/%s" % (site, shown["name"])
    ds = iri(ds_iri)
    g.add(ds, RDF + "type", iri(DCATAPIT + "Dataset"))
    g.add(ds, RDF + "type", iri(DCAT + "Dataset"))
    add_title_description(g, ds, shown.get("title"), shown.get("notes"), portal)
    if shown.get("identifier"):
        g.add(ds, DCT + "identifier", lit(shown["identifier"]))
    # 2, 3: per dataset the dates come from package_show (DD-MM-YYYY, re-read month first),
    # in the catalogue from the stored value; a missing issued is metadata_created
    src = raw if (in_catalog or not portal) else shown
    for key in ("issued", "modified"):
        v = src.get(key)
        if portal:
            d = date_lit(v) if v else None
            if d and not in_catalog and d[2] == XSD + "date":
                d = lit(d[1] + "T00:00:00", XSD + "dateTime")
            if d is None and key == "issued":
                d = lit(shown["metadata_created"], XSD + "dateTime")
        else:
            day = iso_day(v) if v else None
            d = lit(day, XSD + "date") if day else None
        if d:
            g.add(ds, DCT + key, d)
    for c in codes(shown.get("language")):
        g.add(ds, DCT + "language", iri(AUTH + "language/" + c))
    g.add(ds, DCT + "accrualPeriodicity",
          iri(AUTH + "frequency/" + (shown.get("frequency") or "UNKNOWN")))
    # 14: themes with the portal's labels, subthemes typed dcatapit:subTheme
    themes = jload(shown.get("themes_aggregate"), []) or [{"theme": "OP_DATPRO", "subthemes": []}]
    for t in themes:
        code = t.get("theme")
        if not code:
            continue
        ti = iri(AUTH + "data-theme/" + code)
        g.add(ds, DCAT + "theme", ti)
        if portal:
            g.add(ti, RDF + "type", iri(SKOS + "Concept"))
            it, en = THEME_LABELS.get(code, (code, code))
            g.add(ti, SKOS + "prefLabel", lit(it, lang="it"))
            g.add(ti, SKOS + "prefLabel", lit(en, lang="en"))
        for sub in t.get("subthemes") or []:
            g.add(ds, DCT + "subject", iri(sub))
            if portal:
                g.add(iri(sub), RDF + "type", iri(SKOS + "Concept"))
                g.add(iri(sub), RDF + "type", iri(DCATAPIT + "subTheme"))
    org_title = (org or {}).get("title") or (org or {}).get("name") or ""
    org_ident = ((org or {}).get("dcat") or {}).get("identifier")
    # 4: the publisher: per dataset the pushed name, in the catalogue the organization's
    pub_name = shown.get("publisher_name")
    if portal and in_catalog:
        pub_name = org_title
    g.add(ds, DCT + "publisher", agent(g, pub_name, shown.get("publisher_identifier"),
                                       mode=mode))
    # 5: the rights holder: the organization for local datasets
    g.add(ds, DCT + "rightsHolder",
          agent(g, shown.get("holder_name"), shown.get("holder_identifier"), mode=mode))
    # 6: creators, names in every offered locale
    for c in jload(shown.get("creator"), []):
        g.add(ds, DCT + "creator", agent(g, None, c.get("creator_identifier"),
                                         names=c.get("creator_name") or {}, mode=mode))
    # 8: the contact point is the organization
    if org and portal:
        cp = iri("%s/organization/%s" % (site, org["id"]))
        g.add(ds, DCAT + "contactPoint", cp)
        for cls in (DCATAPIT + "Organization", VCARD + "Kind", VCARD + "Organization"):
            g.add(cp, RDF + "type", iri(cls))
        g.add(cp, VCARD + "fn", lit(org_title))
        od = org.get("dcat") or {}
        if od.get("email"):
            g.add(cp, VCARD + "hasEmail", iri("mailto:" + od["email"]))
        if od.get("site"):
            g.add(cp, VCARD + "hasURL", iri(od["site"]))
    # 9: places as geographicalIdentifier literals
    gn = shown.get("geographical_geonames_url")
    if gn:
        if portal:
            loc = g.bnode()
            g.add(ds, DCT + "spatial", loc)
            g.add(loc, RDF + "type", iri(DCT + "Location"))
            g.add(loc, DCATAPIT + "geographicalIdentifier", lit(gn))
        else:
            g.add(ds, DCT + "spatial", iri(gn))
            g.add(iri(gn), RDF + "type", iri(DCT + "Location"))
    for c in codes(shown.get("geographical_name")):
        place = AUTH + "place/" + c
        if portal:
            loc = g.bnode()
            g.add(ds, DCT + "spatial", loc)
            g.add(loc, RDF + "type", iri(DCT + "Location"))
            g.add(loc, DCATAPIT + "geographicalIdentifier", lit(place))
            g.add(loc, LOCN + "geographicalName", iri(place))
        else:
            g.add(ds, DCT + "spatial", iri(place))
    # 10: temporal coverage; injected from modified when there is none
    periods = jload(shown.get("temporal_coverage"), [])
    if not periods and portal and shown.get("holder_identifier") != "m_inf":
        start = iso_day(src.get("modified"))
        if start:
            periods = [{"temporal_start": start, "_injected": True}]
    for per in periods:
        pt = g.bnode()
        g.add(ds, DCT + "temporal", pt)
        g.add(pt, RDF + "type", iri(DCT + "PeriodOfTime"))
        for k, name in (("temporal_start", "startDate"), ("temporal_end", "endDate")):
            day = iso_day(per.get(k)) if per.get(k) else None
            if not day:
                continue
            v = (lit(day + "T00:00:00", XSD + "dateTime")
                 if per.get("_injected") and not in_catalog else lit(day, XSD + "date"))
            g.add(pt, DCAT + name, v)
            g.add(pt, DCATAPIT + name, v)
    # 11: the landing page the fork builds from the name
    if portal and shown.get("holder_identifier") != "cciaan":
        host = LANDING_HOSTS.get(shown.get("holder_identifier") or "", site + "/")
        g.add(ds, DCAT + "landingPage", iri("%s/dataset/%s#" % (host, shown["name"])))
    elif shown.get("url"):
        g.add(ds, DCAT + "landingPage", iri(shown["url"]))
        g.add(iri(shown["url"]), RDF + "type", iri(FOAF + "Document"))
    # 12: keywords without language
    for t in shown.get("tags", []):
        g.add(ds, DCAT + "keyword", lit(t["name"], lang=None if portal else "it"))
    if shown.get("version"):
        g.add(ds, OWL + "versionInfo", lit(shown["version"]))
    if shown.get("is_version_of"):
        g.add(ds, DCT + "isVersionOf", iri(shown["is_version_of"]))
    # 13: standards, titles copied to every locale, dct:type lost
    for st in jload(shown.get("conforms_to"), []):
        s = iri(st["uri"]) if st.get("uri") else g.bnode()
        g.add(ds, DCT + "conformsTo", s)
        g.add(s, RDF + "type", iri(DCT + "Standard"))
        g.add(s, RDF + "type", iri(DCATAPIT + "Standard"))
        if st.get("identifier"):
            g.add(s, DCT + "identifier", lit(st["identifier"]))
        add_names(g, s, DCT + "title", st.get("title") or {}, mode)
        add_names(g, s, DCT + "description", st.get("description") or {}, mode, fill=False)
        for ref in st.get("referenceDocumentation") or []:
            g.add(s, DCATAPIT + "referenceDocumentation", iri(ref))
    for r in shown.get("resources", []):
        distribution_graph(g, ds, ds_iri, r, mode)


def licence_node(g, subject, lic):
    doc, kind, version, names = lic
    s = iri(subject)
    g.add(s, RDF + "type", iri(DCATAPIT + "LicenseDocument"))
    g.add(s, RDF + "type", iri(DCT + "LicenseDocument"))
    g.add(s, DCT + "type", iri("http://purl.org/adms/licencetype/" + kind))
    if version:
        g.add(s, OWL + "versionInfo", lit(version))
    for lang, name in names.items():
        g.add(s, FOAF + "name", lit(name, lang=lang))


def distribution_graph(g, ds, ds_iri, r, mode):
    portal = mode == "portal"
    d = iri(r.get("uri") or "%s/resource/%s" % (ds_iri, r["id"]))
    g.add(ds, DCAT + "distribution", d)
    g.add(d, RDF + "type", iri(DCATAPIT + "Distribution"))
    g.add(d, RDF + "type", iri(DCAT + "Distribution"))
    add_title_description(g, d, r.get("name"), r.get("description"), portal)
    for key, p in (("access_url", "accessURL"), ("download_url", "downloadURL")):
        if r.get(key):
            g.add(d, DCAT + p, iri(r[key]))
            if portal:
                g.add(iri(r[key]), RDF + "type", iri(RDFS + "Resource"))
    if not r.get("access_url") and not r.get("download_url") and r.get("url"):
        g.add(d, DCAT + "accessURL", iri(r["url"]))
    fmt = r.get("distribution_format") or r.get("format")
    if fmt:
        g.add(d, DCT + "format", iri(AUTH + "file-type/" + fmt))
        if portal and r.get("format") == "CSV":   # 21
            g.add(d, DCT + "format", lit("CSV"))
    # 19: the licence
    lt = r.get("license_type")
    known = LICENCES.get(lt) if lt else None
    if portal:
        if known is None:
            known = LICENCES[LIC + "C1_Unknown"]
        doc = known[0]
        if doc and r.get("license") == doc:
            g.add(d, DCT + "license", iri(doc))
            licence_node(g, doc, known)
        else:
            g.add(d, DCT + "license", iri(FALLBACK_LICENCE))
            if doc:
                licence_node(g, doc, known)       # described, referenced by nothing
            else:
                licence_node(g, FALLBACK_LICENCE, known)
    elif lt:
        g.add(d, DCT + "license", iri(lt))
        g.add(iri(lt), RDF + "type", iri(DCATAPIT + "LicenseDocument"))
        g.add(iri(lt), RDF + "type", iri(DCT + "LicenseDocument"))
        if known:
            g.add(iri(lt), DCT + "type", iri("http://purl.org/adms/licencetype/" + known[1]))
            for lang in ("it", "en"):
                if known[3].get(lang):
                    g.add(iri(lt), FOAF + "name", lit(known[3][lang], lang=lang))
    # 20: a mimetype that is no IRI becomes a literal
    mt = r.get("mimetype")
    if mt:
        if "://" in mt:
            g.add(d, DCAT + "mediaType", iri(mt))
        elif portal:
            g.add(d, DCAT + "mediaType", lit(mt))
        else:
            g.add(d, DCAT + "mediaType", iri(IANA + mt))
    if r.get("size") is not None:
        try:   # 22: "3365.0" in Turtle, same value
            g.add(d, DCAT + "byteSize", lit("%d.0" % int(r["size"]) if portal else int(r["size"]),
                                            XSD + "decimal"))
        except (TypeError, ValueError):
            pass
    if r.get("hash"):
        c = g.bnode()
        g.add(d, SPDX + "checksum", c)
        g.add(c, RDF + "type", iri(SPDX + "Checksum"))
        alg = r.get("hash_algorithm")
        if alg:
            g.add(c, SPDX + "algorithm", iri(alg))
            if portal:
                g.add(iri(alg), RDF + "type", iri(SPDX + "ChecksumAlgorithm"))
        g.add(c, SPDX + "checksumValue", lit(r["hash"], XSD + "hexBinary"))
    for code in jload(r.get("language"), []):
        lang = iri(code if "://" in code else AUTH + "language/" + code)
        g.add(d, DCT + "language", lang)
        if portal:
            g.add(lang, RDF + "type", iri(DCT + "LinguisticSystem"))
    for u in jload(r.get("conforms_to"), []):
        g.add(d, DCT + "conformsTo", iri(u))
    # 23: issued and modified of the resource record
    for key, ckan in (("issued", "created"), ("modified", "metadata_modified")):
        v = r.get(key) or (r.get(ckan) if portal else None)
        day = date_lit(v) if v else None
        if day:
            g.add(d, DCT + key, day)


def catalog_graph(g, pkgs, site, title, mode, page, per_page, total, ext, modified):
    """The catalogue node of one page with its datasets, and the hydra collection.
    pkgs: [(shown, raw, org)] of this page."""
    cat = iri(site)
    g.add(cat, RDF + "type", iri(DCATAPIT + "Catalog"))
    g.add(cat, RDF + "type", iri(DCAT + "Catalog"))
    g.add(cat, DCT + "title", lit(title))
    for c in ("DEU", "ENG", "FRA", "ITA"):
        g.add(cat, DCT + "language", iri(AUTH + "language/" + c))
    if modified:
        g.add(cat, DCT + "modified", lit(modified, XSD + "dateTime"))
    # 17: the dcatapit catalogue settings are unset
    pub = g.bnode()
    g.add(cat, DCT + "publisher", pub)
    g.add(pub, RDF + "type", iri(DCATAPIT + "Agent"))
    g.add(pub, RDF + "type", iri(FOAF + "Agent"))
    g.add(pub, DCT + "identifier", lit(""))
    g.add(pub, FOAF + "name", lit(""))
    g.add(cat, DCAT + "themeTaxonomy", iri(AUTH + "data-theme"))
    g.add(iri(AUTH + "data-theme"), RDF + "type", iri(SKOS + "ConceptScheme"))
    g.add(iri(AUTH + "data-theme"), DCT + "title", lit("Il Vocabolario Data Theme", lang="it"))
    g.add(cat, FOAF + "homepage", iri(site + "/#"))
    for shown, raw, org in pkgs:
        before = len(g.triples)
        dataset_graph(g, shown, raw, org, site, mode, True)
        ds = next(t[0] for t in g.triples[before:] if t[1] == ("iri", RDF + "type"))
        g.add(cat, DCAT + "dataset", ds)
    last = max(1, (total + per_page - 1) // per_page)
    url = "%s/catalog.%s?page=%%d" % (site, ext)
    coll = iri(url % page)
    g.add(coll, RDF + "type", iri(HYDRA + "PagedCollection"))
    for name in ("first", "firstPage"):
        g.add(coll, HYDRA + name, lit(url % 1))
    for name in ("last", "lastPage"):
        g.add(coll, HYDRA + name, lit(url % last))
    if page < last:
        for name in ("next", "nextPage"):
            g.add(coll, HYDRA + name, lit(url % (page + 1)))
    if page > 1:
        prev = min(page - 1, last)
        for name in ("previous", "previousPage"):
            g.add(coll, HYDRA + name, lit(url % prev))
    g.add(coll, HYDRA + "itemsPerPage", lit(per_page, XSD + "integer"))
    g.add(coll, HYDRA + "totalItems", lit(total, XSD + "integer"))


# ------------------------------------------------------------------ serializers

def _nt_string(v):
    return '"' + v.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") \
        .replace("\r", "\\r") + '"'


def _qname(v):
    for p, ns in PREFIXES:
        if v.startswith(ns) and re.match(r"^[A-Za-z_][A-Za-z0-9_-]*$", v[len(ns):]):
            return p + ":" + v[len(ns):]
    return "<%s>" % v


def _ttl_term(t):
    if t[0] == "iri":
        return _qname(t[1])
    if t[0] == "bnode":
        return "_:" + t[1]
    s = _nt_string(t[1])
    if t[3]:
        return s + "@" + t[3]
    if t[2] == XSD + "decimal" and re.match(r"^-?\d+\.\d+$", t[1]):
        return t[1]
    if t[2] == XSD + "integer" and re.match(r"^-?\d+$", t[1]):
        return t[1]
    if t[2]:
        return s + "^^" + _qname(t[2])
    return s


def turtle(g):
    out = ["@prefix %s: <%s> ." % (p, ns) for p, ns in PREFIXES]
    out.append("")
    by_s = {}
    for s, p, o in g.triples:
        by_s.setdefault(s, []).append((p, o))
    for s in sorted(by_s, key=lambda t: (t[0] == "bnode", t[1])):
        lines = []
        for p, o in sorted(by_s[s], key=lambda x: (x[0][1] != RDF + "type", x[0][1], repr(x[1]))):
            pred = "a" if p[1] == RDF + "type" else _qname(p[1])
            lines.append("    %s %s" % (pred, _ttl_term(o)))
        out.append(_ttl_term(s) + "\n" + " ;\n".join(lines) + " .\n")
    return "\n".join(out).encode()


def rdfxml(g):
    out = ['<?xml version="1.0" encoding="utf-8"?>', "<rdf:RDF"]
    for p, ns in PREFIXES:
        out.append('  xmlns:%s="%s"' % (p, ns))
    out.append(">")
    by_s = {}
    for s, p, o in g.triples:
        by_s.setdefault(s, []).append((p, o))
    for s in sorted(by_s, key=lambda t: (t[0] == "bnode", t[1])):
        attr = ('rdf:nodeID="%s"' % s[1]) if s[0] == "bnode" else \
            ('rdf:about="%s"' % xml_escape(s[1], {'"': "&quot;"}))
        out.append("  <rdf:Description %s>" % attr)
        for p, o in by_s[s]:
            q = _qname(p[1])
            if q.startswith("<"):
                continue
            if o[0] == "iri":
                out.append('    <%s rdf:resource="%s"/>' % (q, xml_escape(o[1], {'"': "&quot;"})))
            elif o[0] == "bnode":
                out.append('    <%s rdf:nodeID="%s"/>' % (q, o[1]))
            else:
                a = ""
                if o[3]:
                    a = ' xml:lang="%s"' % o[3]
                elif o[2]:
                    a = ' rdf:datatype="%s"' % o[2]
                # 22: RDF/XML writes the size without ".0"
                v = o[1][:-2] if o[2] == XSD + "decimal" and o[1].endswith(".0") else o[1]
                out.append("    <%s%s>%s</%s>" % (q, a, xml_escape(v), q))
        out.append("  </rdf:Description>")
    out.append("</rdf:RDF>")
    return ("\n".join(out) + "\n").encode()


def jsonld(g):
    nodes = {}
    for s, p, o in g.triples:
        key = s[1] if s[0] == "iri" else "_:" + s[1]
        n = nodes.setdefault(key, {"@id": key})
        if p[1] == RDF + "type":
            n.setdefault("@type", []).append(o[1])
            continue
        if o[0] == "iri":
            v = {"@id": o[1]}
        elif o[0] == "bnode":
            v = {"@id": "_:" + o[1]}
        else:
            val = o[1][:-2] if o[2] == XSD + "decimal" and o[1].endswith(".0") else o[1]
            v = {"@value": val}
            if o[3]:
                v["@language"] = o[3]
            elif o[2]:
                v["@type"] = o[2]
        n.setdefault(p[1], []).append(v)
    return json.dumps({"@graph": [nodes[k] for k in sorted(nodes)]}, indent=2,
                      ensure_ascii=False).encode()


SERIALIZERS = {"ttl": (turtle, "text/turtle"), "n3": (turtle, "text/turtle"),
               "rdf": (rdfxml, "application/rdf+xml"), "xml": (rdfxml, "application/rdf+xml"),
               "jsonld": (jsonld, "application/ld+json")}
