#!/usr/bin/env python3
"""gen_catalog.py: write a synthetic DCAT-AP_IT catalogue in Turtle for the benchmark.

Deterministic for a given --seed, Python 3 stdlib only, streamed (one dataset
at a time; memory does not grow with --datasets). A share of the datasets
(--error-rate) carries one injected defect; most defects produce a finding
under the EU DCAT-AP 2.1.1 shapes, a few are "silent" there (DCAT-AP_IT-only
defects such as a bad e-mail). --manifest writes what was injected, where.

    gen_catalog.py --datasets 50000 --seed 1 -o catalog.ttl
"""

import argparse
import json
import random
import sys

PREFIXES = """\
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix dcat: <http://www.w3.org/ns/dcat#> .
@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .
@prefix dct: <http://purl.org/dc/terms/> .
@prefix foaf: <http://xmlns.com/foaf/0.1/> .
@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix locn: <http://www.w3.org/ns/locn#> .
@prefix gsp: <http://www.opengis.net/ont/geosparql#> .
@prefix spdx: <http://spdx.org/rdf/terms#> .
@prefix adms: <http://www.w3.org/ns/adms#> .
@prefix theme: <http://publications.europa.eu/resource/authority/data-theme/> .
@prefix freq: <http://publications.europa.eu/resource/authority/frequency/> .
@prefix ftype: <http://publications.europa.eu/resource/authority/file-type/> .
@prefix lang: <http://publications.europa.eu/resource/authority/language/> .
@prefix lic: <https://w3id.org/italia/controlled-vocabulary/licences/> .
"""

THEMES = [
    ("AGRI", "Agricoltura, pesca, silvicoltura e prodotti alimentari", "Agriculture, fisheries, forestry and food"),
    ("ECON", "Economia e finanze", "Economy and finance"),
    ("EDUC", "Istruzione, cultura e sport", "Education, culture and sport"),
    ("ENER", "Energia", "Energy"),
    ("ENVI", "Ambiente", "Environment"),
    ("GOVE", "Governo e settore pubblico", "Government and public sector"),
    ("HEAL", "Salute", "Health"),
    ("INTR", "Tematiche internazionali", "International issues"),
    ("JUST", "Giustizia, sistema giuridico e sicurezza pubblica", "Justice, legal system and public safety"),
    ("REGI", "Regioni e città", "Regions and cities"),
    ("SOCI", "Popolazione e società", "Population and society"),
    ("TECH", "Scienza e tecnologia", "Science and technology"),
    ("TRAN", "Trasporti", "Transport"),
    ("OP_DATPRO", "Dati provvisori", "Provisional data"),
]

FREQUENCIES = ["ANNUAL", "ANNUAL", "ANNUAL", "MONTHLY", "QUARTERLY", "IRREG", "UNKNOWN",
               "DAILY", "WEEKLY", "BIENNIAL", "ANNUAL_2", "CONT", "NEVER"]

# (file-type code, IANA media type)
FORMATS = [("CSV", "text/csv"), ("CSV", "text/csv"), ("CSV", "text/csv"),
           ("JSON", "application/json"), ("XML", "application/xml"), ("PDF", "application/pdf"),
           ("XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
           ("ODS", "application/vnd.oasis.opendocument.spreadsheet"), ("ZIP", "application/zip"),
           ("GEOJSON", "application/geo+json"), ("SHP", "application/zip"),
           ("KML", "application/vnd.google-earth.kml+xml"), ("RDF_TURTLE", "text/turtle"),
           ("HTML", "text/html")]

# (licence concept, ADMS licence type, name, version)
LICENCES = [
    ("A21_CCBY40", "Attribution", "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)", "4.0"),
    ("A21_CCBY40", "Attribution", "Creative Commons Attribuzione 4.0 Internazionale (CC BY 4.0)", "4.0"),
    ("A11_CCO10", "PublicDomain", "Creative Commons CC0 1.0 Universale - Public Domain Dedication (CC0 1.0)", "1.0"),
    ("A29_IODL20", "Attribution", "Italian Open Data License 2.0 (IODL 2.0)", "2.0"),
    ("A31_CCBYSA40", "ShareAlike", "Creative Commons Attribuzione - Condividi allo stesso modo 4.0 (CC BY-SA 4.0)", "4.0"),
    ("C1_Unknown", "UnknownIPR", "Licenza sconosciuta", None),
]

LANGS = ["ITA", "ITA", "ITA", "ITA", "ENG", "DEU", "FRA"]

TOWNS = ["Firenze", "Prato", "Pistoia", "Livorno", "Pisa", "Lucca", "Arezzo", "Siena", "Grosseto",
         "Massa", "Carrara", "Empoli", "Viareggio", "Scandicci", "Sesto Fiorentino", "Piombino",
         "Cascina", "Poggibonsi", "Montecatini Terme", "Campi Bisenzio", "Capannori", "Pontedera",
         "Rosignano Marittimo", "Bagno a Ripoli", "Figline e Incisa Valdarno", "Colle di Val d'Elsa",
         "Cecina", "Camaiore", "Follonica", "San Miniato", "Fucecchio", "Borgo San Lorenzo",
         "Montevarchi", "San Giuliano Terme", "Quarrata", "Pietrasanta", "Castelfiorentino",
         "Sansepolcro", "Cortona", "Volterra", "Orbetello", "Portoferraio", "Montepulciano",
         "Barga", "Fiesole", "Certaldo", "Vinci", "Impruneta", "Greve in Chianti", "Lastra a Signa"]
SYLL = ["ca", "mo", "ri", "ve", "la", "san", "to", "po", "gi", "ne", "ro", "bel", "mon", "te",
        "fio", "val", "li", "cor", "ma", "se"]

SUBJECTS_IT = [("popolazione residente", "resident population"), ("farmacie", "pharmacies"),
               ("piste ciclabili", "cycle paths"), ("qualità dell'aria", "air quality"),
               ("raccolta differenziata", "separate waste collection"), ("bilancio consuntivo", "final budget"),
               ("contributi erogati", "grants paid"), ("scuole dell'infanzia", "nursery schools"),
               ("fermate del trasporto pubblico", "public transport stops"), ("impianti sportivi", "sports facilities"),
               ("incidenti stradali", "road accidents"), ("strutture ricettive", "accommodation facilities"),
               ("defibrillatori", "defibrillators"), ("aree verdi", "green areas"),
               ("consumi energetici degli edifici pubblici", "energy use of public buildings"),
               ("permessi di costruire", "building permits"), ("biblioteche", "libraries"),
               ("musei e luoghi della cultura", "museums and cultural sites"),
               ("mercati settimanali", "weekly markets"), ("parcheggi", "car parks"),
               ("punti di accesso wi-fi", "wi-fi access points"), ("nati e morti", "births and deaths"),
               ("matrimoni e unioni civili", "marriages and civil unions"), ("tributi locali", "local taxes"),
               ("sanzioni al codice della strada", "traffic fines"), ("alberi monumentali", "monumental trees"),
               ("reticolo idrografico", "river network"), ("zone a traffico limitato", "limited traffic zones"),
               ("stazioni di ricarica elettrica", "electric charging stations"), ("opere pubbliche", "public works")]
KEYWORDS = [("ambiente", "environment"), ("mobilità", "mobility"), ("statistica", "statistics"),
            ("territorio", "territory"), ("servizi", "services"), ("bilancio", "budget"),
            ("sanità", "health"), ("scuola", "school"), ("cultura", "culture"), ("turismo", "tourism"),
            ("trasporti", "transport"), ("energia", "energy"), ("rifiuti", "waste"),
            ("demografia", "demography"), ("sicurezza", "safety"), ("open data", "open data"),
            ("cartografia", "cartography"), ("economia", "economy"), ("sport", "sport"),
            ("urbanistica", "urban planning")]
OFFICES = ["Ufficio Statistica", "Servizio Sistemi Informativi", "Ufficio Ambiente", "Ufficio Tributi",
           "Servizio Mobilità", "Ufficio Cultura e Turismo", "Servizio Opere Pubbliche",
           "Ufficio Anagrafe", "Servizio Urbanistica", "Ufficio Relazioni con il Pubblico"]
DESC_TAIL_IT = [
    "I dati sono aggiornati dagli uffici competenti e pubblicati in formato aperto ai sensi del Codice dell'Amministrazione Digitale.",
    "Il dataset è prodotto a partire dagli archivi gestionali dell'ente e può contenere rettifiche successive alla prima pubblicazione.",
    "La rilevazione copre l'intero territorio di competenza; i valori mancanti sono indicati con cella vuota.",
    "Per il significato dei campi si rimanda alla documentazione allegata alla distribuzione in formato PDF.",
]
DESC_TAIL_EN = [
    "Data are updated by the competent offices and published as open data under the Digital Administration Code.",
    "The dataset is extracted from the body's management systems and may be corrected after first publication.",
    "The survey covers the whole territory; missing values are left blank.",
]
DIST_TITLES = [("Dati completi", "Full data"), ("Estratto annuale", "Annual extract"),
               ("Dizionario dei dati", "Data dictionary"), ("Serie storica", "Time series"),
               ("Versione georeferenziata", "Georeferenced version")]

# Injected defects: (kind, weight, findings expected under DCAT-AP 2.1.1 core shapes).
ERRORS = [
    ("dataset-missing-title", 6, 1), ("dataset-missing-description", 6, 1),
    ("dataset-title-iri", 3, 1), ("dataset-modified-string", 6, 1),
    ("dataset-modified-invalid-date", 6, 1), ("dataset-modified-invalid-datetime", 4, 1),
    ("dataset-modified-twice", 4, 1), ("dataset-issued-italian-format", 4, 1),
    ("dataset-modified-lang-tagged", 2, 1), ("dataset-two-publishers", 3, 1),
    ("dataset-two-frequencies", 3, 1), ("dataset-keyword-iri", 3, 1),
    ("dataset-versioninfo-twice", 2, 1), ("dataset-temporal-resolution-invalid", 2, 1),
    ("dist-missing-accessurl", 6, 1), ("dist-accessurl-literal", 5, 1),
    ("dist-bytesize-integer", 5, 1), ("dist-bytesize-text", 3, 1),
    ("dist-bytesize-invalid-decimal", 3, 1), ("dist-two-formats", 3, 1),
    ("dist-two-licences", 3, 1), ("dist-downloadurl-literal", 3, 1),
    ("checksum-md5", 2, 1), ("checksum-not-hex", 2, 1), ("checksum-odd-length", 1, 1),
    ("period-invalid-start", 3, 1), ("period-two-ends", 2, 1),
    ("location-two-geometries", 2, 1), ("location-geometry-iri", 2, 1),
    ("contact-typed-foaf-agent", 2, 1),
    ("dataset-modified-day-month-swapped", 4, 1), ("dataset-issued-zero-date", 2, 1),
    ("dist-modified-invalid-day", 2, 1),
    # typed only with the dcatapit class: a target only through rdfs:subClassOf
    # (the axioms written at the top, see --no-ontology-axioms)
    ("dataset-dcatapit-type-only-missing-title", 3, 1),
    ("dist-dcatapit-type-only-missing-accessurl", 3, 1),
    # silent under DCAT-AP 2.1.1 (DCAT-AP_IT-only problems)
    ("contact-bad-email", 3, 0), ("dataset-missing-dcat-type", 1, 0),
    ("dataset-missing-identifier", 2, 0), ("dataset-modified-gyear", 1, 0),
]
AGENT_ERRORS = [("agent-missing-name", 3, 1), ("agent-two-types", 1, 1),
                ("agent-dcatapit-type-only-missing-name", 2, 1)]
SUBCLASS_KINDS = ("dataset-dcatapit-type-only-missing-title", "dist-dcatapit-type-only-missing-accessurl",
                  "agent-dcatapit-type-only-missing-name")
AXIOMS = [("Catalog", "dcat:Catalog"), ("Dataset", "dcat:Dataset"), ("Distribution", "dcat:Distribution"),
          ("Agent", "foaf:Agent"), ("Organization", "vcard:Organization"),
          ("LicenseDocument", "dct:LicenseDocument"), ("Standard", "dct:Standard")]


def lit(s):
    """A Turtle string literal (double quotes; escapes \\ and ")."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def date_lit(y, m, d):
    return '"%04d-%02d-%02d"^^xsd:date' % (y, m, d)


def datetime_lit(y, m, d, hh, mm, ss):
    return '"%04d-%02d-%02dT%02d:%02d:%02d"^^xsd:dateTime' % (y, m, d, hh, mm, ss)


def slug(s):
    out = []
    for ch in s.lower():
        if ch.isascii() and ch.isalnum():
            out.append(ch)
        elif out and out[-1] != "-":
            out.append("-")
    return "".join(out).strip("-")


class Gen:
    def __init__(self, args):
        self.a = args
        self.rng = random.Random(args.seed)
        self.base = args.base.rstrip("/") + "/"
        self.injected = {}
        self.error_kinds = [e[0] for e in ERRORS]
        self.error_weights = [e[1] for e in ERRORS]
        self.orgs = []

    def note(self, kind, focus):
        self.injected.setdefault(kind, []).append(focus)

    def rand_date(self, y0=2012, y1=2025):
        r = self.rng
        return r.randint(y0, y1), r.randint(1, 12), r.randint(1, 28)

    def hexstr(self, n):
        return "%0*x" % (n, self.rng.getrandbits(4 * n))

    # -- organisations (dcatapit:Agent with IPA-like identifiers) --
    def make_orgs(self):
        r = self.rng
        n = max(12, self.a.datasets // 100)
        used = set()
        orgs = [("r_toscan", "Regione Toscana"), ("cmfi", "Città Metropolitana di Firenze"),
                ("p_pi", "Provincia di Pisa"), ("p_si", "Provincia di Siena"),
                ("unifi", "Università degli Studi di Firenze"), ("arpat", "Agenzia Regionale per la Protezione Ambientale della Toscana")]
        used.update(o[0] for o in orgs)
        i = 0
        while len(orgs) < n:
            if i < len(TOWNS):
                name = TOWNS[i]
            else:
                name = "".join(r.choice(SYLL) for _ in range(r.randint(2, 4))).capitalize()
                if r.random() < 0.3:
                    name += " " + r.choice(["Val d'Arno", "in Chianti", "Marittima", "Terme", "Pesciatino"])
            i += 1
            code = "c_%s%03d" % (chr(ord("a") + r.randint(0, 25)), r.randint(1, 999))
            if code in used:
                continue
            used.add(code)
            kind = r.random()
            if kind < 0.85:
                orgs.append((code, "Comune di " + name))
            else:
                code2 = "uc_" + slug(name).replace("-", "")[:8]
                if code2 in used:
                    continue
                used.add(code2)
                orgs.append((code2, "Unione dei Comuni " + name))
        self.orgs = orgs

    def write_orgs(self, out):
        r = self.rng
        for code, name in self.orgs:
            iri = "<%sorganization/%s>" % (self.base, code)
            err = None
            if r.random() < self.a.error_rate:
                err = r.choices([e[0] for e in AGENT_ERRORS], [e[1] for e in AGENT_ERRORS])[0]
                self.note(err, iri[1:-1])
            types = "dcatapit:Agent" if err == "agent-dcatapit-type-only-missing-name" else "dcatapit:Agent, foaf:Agent"
            lines = ["%s a %s ;" % (iri, types),
                     "    dct:identifier %s ;" % lit(code)]
            if err not in ("agent-missing-name", "agent-dcatapit-type-only-missing-name"):
                lines.append("    foaf:name %s ;" % lit(name))
            ptype = "RegionalAuthority" if code.startswith("r_") else "LocalAuthority"
            lines.append("    dct:type <http://purl.org/adms/publishertype/%s> ;" % ptype)
            if err == "agent-two-types":
                lines.append("    dct:type <http://purl.org/adms/publishertype/PublicBody> ;")
            lines[-1] = lines[-1][:-2] + " ."
            out.write("\n".join(lines) + "\n\n")

    def write_header(self, out):
        b = self.base
        out.write(PREFIXES + "\n")
        if self.a.ontology_axioms:
            out.write("# class axioms of the DCAT-AP_IT ontology (http://dati.gov.it/onto/dcatapit)\n")
            for c, sup in AXIOMS:
                out.write("dcatapit:%s rdfs:subClassOf %s .\n" % (c, sup))
            out.write("\n")
        cat_pub = self.orgs[0]
        out.write("<%scatalog> a dcatapit:Catalog, dcat:Catalog ;\n" % b)
        out.write('    dct:title "Catalogo dei dati aperti della Toscana (sintetico)"@it, '
                  '"Open data catalogue of Tuscany (synthetic)"@en ;\n')
        out.write('    dct:description "Catalogo sintetico generato per il benchmark di dcatit: '
                  '%d dataset, seed %d."@it ;\n' % (self.a.datasets, self.a.seed))
        out.write("    dct:publisher <%sorganization/%s> ;\n" % (b, cat_pub[0]))
        out.write("    dct:issued %s ;\n" % date_lit(2016, 3, 18))
        out.write("    dct:modified %s ;\n" % datetime_lit(2025, 6, 30, 12, 0, 0))
        out.write("    dct:language lang:ITA ;\n")
        out.write("    foaf:homepage <%s> ;\n" % b)
        out.write("    dcat:themeTaxonomy <http://publications.europa.eu/resource/authority/data-theme> .\n\n")
        out.write('<http://publications.europa.eu/resource/authority/data-theme> a skos:ConceptScheme ;\n'
                  '    dct:title "Data theme"@en, "Temi dei dati"@it .\n\n')
        for code, it, en in THEMES:
            out.write("theme:%s a skos:Concept ;\n    skos:prefLabel %s@it, %s@en ;\n"
                      "    skos:inScheme <http://publications.europa.eu/resource/authority/data-theme> .\n\n"
                      % (code, lit(it), lit(en)))
        seen = set()
        for code, ltype, name, ver in LICENCES:
            if code in seen:
                continue
            seen.add(code)
            out.write("lic:%s a dcatapit:LicenseDocument, dct:LicenseDocument ;\n"
                      "    dct:type <http://purl.org/adms/licencetype/%s> ;\n    foaf:name %s@it"
                      % (code, ltype, lit(name)))
            if ver:
                out.write(" ;\n    owl:versionInfo %s" % lit(ver))
            out.write(" .\n\n")
        self.write_orgs(out)

    # -- one dataset --
    def dataset(self, i):
        r = self.rng
        b = self.base
        err = None
        if r.random() < self.a.error_rate:
            err = r.choices(self.error_kinds, self.error_weights)[0]
        holder = self.orgs[r.randrange(len(self.orgs))]
        publisher = holder if r.random() < 0.8 else self.orgs[r.randrange(len(self.orgs))]
        subj_it, subj_en = r.choice(SUBJECTS_IT)
        year = r.randint(2010, 2025)
        place = holder[1]
        title_it = "%s - %s %d" % (subj_it.capitalize(), place, year)
        title_en = "%s - %s %d" % (subj_en.capitalize(), place, year)
        name = "%s-%d" % (slug(subj_it)[:24].rstrip("-"), i)
        ds = "%sdataset/%s" % (b, name)
        dsi = "<%s>" % ds
        org_iri = "<%sorganization/%s>" % (b, holder[0])
        pub_iri = "<%sorganization/%s>" % (b, publisher[0])
        uid = "%s-%s-%s" % (self.hexstr(8), self.hexstr(4), self.hexstr(12))
        L = []
        w = L.append
        if err in ("dataset-missing-dcat-type", "dataset-dcatapit-type-only-missing-title"):
            w("%s a dcatapit:Dataset ;" % dsi)
        else:
            w("%s a dcatapit:Dataset, dcat:Dataset ;" % dsi)
        if err != "dataset-missing-identifier":
            w("    dct:identifier %s ;" % lit("%s:%s" % (holder[0], uid)))
        if err == "dataset-title-iri":
            w("    dct:title <%s/title> ;" % ds)
        elif err not in ("dataset-missing-title", "dataset-dcatapit-type-only-missing-title"):
            w("    dct:title %s@it, %s@en ;" % (lit(title_it), lit(title_en)))
        if err != "dataset-missing-description":
            d_it = ("Dati relativi a %s per %s, anno %d. %s"
                    % (subj_it, place, year, r.choice(DESC_TAIL_IT)))
            d_en = "Data on %s for %s, year %d. %s" % (subj_en, place, year, r.choice(DESC_TAIL_EN))
            if r.random() < 0.8:
                w("    dct:description %s@it, %s@en ;" % (lit(d_it), lit(d_en)))
            else:
                w("    dct:description %s@it ;" % lit(d_it))
        iy, im, idd = self.rand_date(2012, 2022)
        my = min(2025, iy + r.randint(0, 3))
        if err == "dataset-issued-italian-format":
            w('    dct:issued "%02d/%02d/%04d"^^xsd:date ;' % (idd, im, iy))
        elif err == "dataset-issued-zero-date":
            w('    dct:issued "%04d-00-00"^^xsd:date ;' % iy)
        else:
            w("    dct:issued %s ;" % date_lit(iy, im, idd))
        mm_, md_ = r.randint(1, 12), r.randint(1, 28)
        if err == "dataset-modified-string":
            w('    dct:modified "%04d-%02d-%02d" ;' % (my, mm_, md_))
        elif err == "dataset-modified-invalid-date":
            bm, bd = r.choice([(2, 30), (2, 31), (4, 31), (6, 31), (9, 31), (11, 31), (2, 29)])
            if bd == 29 and my % 4 == 0:
                bd = 30
            w('    dct:modified "%04d-%02d-%02d"^^xsd:date ;' % (my, bm, bd))
        elif err == "dataset-modified-invalid-datetime":
            w('    dct:modified "%04d-%02d-%02d %02d:%02d"^^xsd:dateTime ;' % (my, mm_, md_, r.randint(0, 23), r.randint(0, 59)))
        elif err == "dataset-modified-lang-tagged":
            w('    dct:modified "%04d-%02d-%02d"@it ;' % (my, mm_, md_))
        elif err == "dataset-modified-gyear":
            w('    dct:modified "%04d"^^xsd:gYear ;' % my)
        elif err == "dataset-modified-day-month-swapped":
            w('    dct:modified "%04d-%02d-%02d"^^xsd:date ;' % (my, r.randint(13, 28), mm_))
        elif r.random() < 0.5:
            w("    dct:modified %s ;" % date_lit(my, mm_, md_))
        else:
            w("    dct:modified %s ;" % datetime_lit(my, mm_, md_, r.randint(0, 23), r.randint(0, 59), r.randint(0, 59)))
        if err == "dataset-modified-twice":
            w("    dct:modified %s ;" % date_lit(my, mm_, md_ + 1 if md_ < 28 else md_ - 1))
        themes = [r.choice(THEMES)[0]]
        if r.random() < 0.3:
            themes.append(r.choice(THEMES)[0])
        w("    dcat:theme %s ;" % ", ".join("theme:" + t for t in sorted(set(themes))))
        if r.random() < 0.2:
            w("    dct:subject <http://eurovoc.europa.eu/%d> ;" % r.randint(100, 9000))
        w("    dct:rightsHolder %s ;" % org_iri)
        w("    dct:publisher %s ;" % pub_iri)
        if err == "dataset-two-publishers":
            other = self.orgs[0] if publisher != self.orgs[0] else self.orgs[1]
            w("    dct:publisher <%sorganization/%s> ;" % (b, other[0]))
        if r.random() < 0.1:
            w("    dct:creator <%sorganization/%s> ;" % (b, r.choice(self.orgs)[0]))
        fq = r.choice(FREQUENCIES)
        w("    dct:accrualPeriodicity freq:%s ;" % fq)
        if err == "dataset-two-frequencies":
            w("    dct:accrualPeriodicity freq:%s ;" % ("MONTHLY" if fq != "MONTHLY" else "ANNUAL"))
        w("    dct:language lang:%s ;" % r.choice(LANGS))
        kws = r.sample(KEYWORDS, r.randint(2, 3))
        kw_terms = []
        for kit, ken in kws:
            kw_terms.append("%s@it" % lit(kit))
            if r.random() < 0.35:
                kw_terms.append("%s@en" % lit(ken))
        if err == "dataset-keyword-iri":
            kw_terms.append("<%skeyword/%s>" % (b, slug(kws[0][0])))
        w("    dcat:keyword %s ;" % ", ".join(kw_terms))
        if r.random() < 0.8:
            w("    dcat:landingPage <%sdataset/%s/page> ;" % (b, name))
        w("    dcat:contactPoint <%s#contact> ;" % ds)
        has_period = r.random() < 0.5 or err in ("period-invalid-start", "period-two-ends")
        if has_period:
            w("    dct:temporal <%s#period> ;" % ds)
        w("    dct:spatial <http://sws.geonames.org/%d/> ;" % r.randint(3160000, 3180000))
        has_loc = r.random() < 0.15 or err in ("location-two-geometries", "location-geometry-iri")
        if has_loc:
            w("    dct:spatial <%s#location> ;" % ds)
        if r.random() < 0.1:
            w("    dct:conformsTo <https://www.normattiva.it/eli/id/2005/05/16/005G0104/CONSOLIDATED> ;")
        if err == "dataset-versioninfo-twice":
            w('    owl:versionInfo "1.0", "1.1" ;')
        elif r.random() < 0.3:
            w("    owl:versionInfo %s ;" % lit("%d.%d" % (r.randint(1, 3), r.randint(0, 9))))
        if err == "dataset-temporal-resolution-invalid":
            w('    dcat:temporalResolution "1 giorno"^^xsd:duration ;')
        elif r.random() < 0.1:
            w('    dcat:temporalResolution "%s"^^xsd:duration ;' % r.choice(["P1D", "P1M", "P1Y", "PT1H"]))
        if r.random() < 0.05:
            w('    dcat:spatialResolutionInMeters "%d.%d"^^xsd:decimal ;' % (r.randint(1, 100), r.randint(0, 9)))
        ndist = r.choice([2, 3, 3, 3, 4])
        dists = ["<%s/dist/%d>" % (ds, k + 1) for k in range(ndist)]
        w("    dcat:distribution %s ." % ", ".join(dists))
        w("<%scatalog> dcat:dataset %s ." % (b, dsi))

        # contact point
        cp = "<%s#contact>" % ds
        if err == "contact-typed-foaf-agent":
            w("%s a foaf:Agent ;" % cp)
        else:
            w("%s a dcatapit:Organization, vcard:Organization ;" % cp)
        office = r.choice(OFFICES)
        w("    vcard:fn %s ;" % lit("%s - %s" % (office, holder[1])))
        if err == "contact-bad-email":
            w('    vcard:hasEmail "%s.%s@" ;' % (slug(office).replace("-", "."), holder[0]))
        else:
            w("    vcard:hasEmail <mailto:%s@%s.example.it> ;" % (slug(office).replace("-", "."), holder[0].replace("_", "")))
        if r.random() < 0.15:
            w('    vcard:hasTelephone [ a vcard:Voice ; vcard:value "tel:+39-055-%07d" ] ;' % r.randint(0, 9999999))
        L[-1] = L[-1][:-2] + " ."

        if has_period:
            p = "<%s#period>" % ds
            sy = r.randint(2000, 2024)
            ey = min(2025, sy + r.randint(0, 5))
            w("%s a dct:PeriodOfTime ;" % p)
            if err == "period-invalid-start":
                w('    dcatapit:startDate "%d-13-01"^^xsd:date ;' % sy)
                w('    dcat:startDate "%d-13-01"^^xsd:date ;' % sy)
            else:
                w("    dcatapit:startDate %s ;" % date_lit(sy, 1, 1))
                w("    dcat:startDate %s ;" % date_lit(sy, 1, 1))
            w("    dcatapit:endDate %s ;" % date_lit(ey, 12, 31))
            w("    dcat:endDate %s ." % date_lit(ey, 12, 31))
            if err == "period-two-ends":
                w("%s dcat:endDate %s ." % (p, date_lit(ey + 1, 12, 31)))
        if has_loc:
            loc = "<%s#location>" % ds
            x0 = 10.0 + r.random() * 1.5
            y0 = 42.5 + r.random() * 1.5
            wkt = "POLYGON((%.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f, %.4f %.4f))" % (
                x0, y0, x0 + 0.2, y0, x0 + 0.2, y0 + 0.2, x0, y0 + 0.2, x0, y0)
            w("%s a dct:Location ;" % loc)
            w("    locn:geographicName %s@it ;" % lit(holder[1]))
            if err == "location-geometry-iri":
                w("    locn:geometry <%s#geometry> ." % ds)
            else:
                w('    locn:geometry "%s"^^gsp:wktLiteral .' % wkt)
                if err == "location-two-geometries":
                    w('%s locn:geometry "POINT(%.4f %.4f)"^^gsp:wktLiteral .' % (loc, x0 + 0.1, y0 + 0.1))

        # distributions
        bad_dist = r.randrange(ndist)
        for k, dist in enumerate(dists):
            e = err if k == bad_dist else None
            fmt, mt = r.choice(FORMATS)
            lcode = r.choice(LICENCES)[0]
            t_it, t_en = r.choice(DIST_TITLES)
            if e == "dist-dcatapit-type-only-missing-accessurl":
                w("%s a dcatapit:Distribution ;" % dist)
            else:
                w("%s a dcatapit:Distribution, dcat:Distribution ;" % dist)
            w("    dct:title %s@it ;" % lit("%s - %s (%s)" % (t_it, subj_it, fmt)))
            if r.random() < 0.4:
                w("    dct:description %s@it ;" % lit("%s del dataset \"%s\" in formato %s." % (t_it, title_it, fmt)))
            w("    dct:format ftype:%s ;" % fmt)
            if e == "dist-two-formats":
                w("    dct:format ftype:%s ;" % ("JSON" if fmt != "JSON" else "CSV"))
            if r.random() < 0.5:
                w("    dcat:mediaType <http://www.iana.org/assignments/media-types/%s> ;" % mt)
            url = "%sfiles/%s/%s.%s" % (b, name, slug(t_it), fmt.lower())
            if e == "dist-accessurl-literal":
                w("    dcat:accessURL %s ;" % lit(url))
            elif e not in ("dist-missing-accessurl", "dist-dcatapit-type-only-missing-accessurl"):
                w("    dcat:accessURL <%s> ;" % url)
            if e == "dist-downloadurl-literal":
                w("    dcat:downloadURL %s ;" % lit(url))
            elif r.random() < 0.5:
                w("    dcat:downloadURL <%s> ;" % url)
            w("    dct:license lic:%s ;" % lcode)
            if e == "dist-two-licences":
                w("    dct:license lic:%s ;" % ("A11_CCO10" if lcode != "A11_CCO10" else "A21_CCBY40"))
            size = r.randint(800, 90000000)
            if e == "dist-bytesize-integer":
                w('    dcat:byteSize "%d"^^xsd:integer ;' % size)
            elif e == "dist-bytesize-text":
                w('    dcat:byteSize "%d KB" ;' % (size // 1024))
            elif e == "dist-bytesize-invalid-decimal":
                w('    dcat:byteSize "%d,%d"^^xsd:decimal ;' % (size // 1000000, size % 10))
            elif r.random() < 0.7:
                w('    dcat:byteSize "%d"^^xsd:decimal ;' % size)
            has_ck = r.random() < 0.15 or (e or "").startswith("checksum-")
            if has_ck:
                w("    spdx:checksum <%s/checksum> ;" % dist[1:-1])
            if e == "dist-modified-invalid-day":
                w('    dct:modified "%04d-%02d-31"^^xsd:date ;' % (r.randint(my, 2025), r.choice([4, 6, 9, 11])))
            elif r.random() < 0.5:
                w("    dct:modified %s ;" % date_lit(*self.rand_date(my, 2025)))
            L[-1] = L[-1][:-2] + " ."
            if has_ck:
                ck = "<%s/checksum>" % dist[1:-1]
                w("%s a spdx:Checksum ;" % ck)
                if e == "checksum-md5":
                    w("    spdx:algorithm spdx:checksumAlgorithm_md5 ;")
                else:
                    w("    spdx:algorithm spdx:checksumAlgorithm_sha1 ;")
                if e == "checksum-not-hex":
                    hx = "sha1:" + self.hexstr(40)
                elif e == "checksum-odd-length":
                    hx = self.hexstr(39)
                else:
                    hx = self.hexstr(40)
                w('    spdx:checksumValue "%s"^^xsd:hexBinary .' % hx)
            if e:
                focus = {"dist-": dist[1:-1], "checksum-": dist[1:-1] + "/checksum"}
                for pre, f in focus.items():
                    if e.startswith(pre):
                        self.note(e, f)
        if err and not (err.startswith("dist-") or err.startswith("checksum-")):
            focus = ds
            if err.startswith("contact-"):
                focus = ds + "#contact"
            elif err.startswith("period-"):
                focus = ds + "#period"
            elif err.startswith("location-"):
                focus = ds + "#location"
            self.note(err, focus)
        return "\n".join(L) + "\n\n"

    def run(self, out):
        self.make_orgs()
        self.write_header(out)
        for i in range(self.a.datasets):
            out.write(self.dataset(i + 1))


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0],
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--datasets", type=int, default=1000, help="number of datasets (default 1000)")
    ap.add_argument("--seed", type=int, default=1, help="random seed (default 1)")
    ap.add_argument("--error-rate", type=float, default=0.02,
                    help="share of datasets (and agents) with one injected defect (default 0.02)")
    ap.add_argument("--base", default="https://dati.example.it/", help="base IRI")
    ap.add_argument("-o", "--output", default="-", help="output file (default stdout)")
    ap.add_argument("--no-ontology-axioms", dest="ontology_axioms", action="store_false",
                    help="omit the dcatapit:X rdfs:subClassOf axioms (then nodes typed only with a "
                         "dcatapit class are no SHACL targets)")
    ap.add_argument("--manifest", help="write the injected defects (kind -> focus nodes) as JSON")
    a = ap.parse_args()
    if a.datasets < 0 or not 0.0 <= a.error_rate <= 1.0:
        ap.error("--datasets must be >= 0 and --error-rate within [0, 1]")
    g = Gen(a)
    if a.output == "-":
        g.run(sys.stdout)
    else:
        with open(a.output, "w", encoding="utf-8", buffering=1 << 20) as out:
            g.run(out)
    if a.manifest:
        expected = dict((e[0], e[2]) for e in ERRORS + AGENT_ERRORS)
        if not a.ontology_axioms:
            for k in SUBCLASS_KINDS:
                expected[k] = 0
        doc = {"datasets": a.datasets, "seed": a.seed, "error_rate": a.error_rate,
               "expected_findings_dcat_ap_2_1_1": sum(expected[k] * len(v) for k, v in g.injected.items()),
               "kinds": {k: {"count": len(v), "findings_each": expected[k], "focus": v}
                         for k, v in sorted(g.injected.items())}}
        with open(a.manifest, "w", encoding="utf-8") as f:
            json.dump(doc, f, indent=1)
            f.write("\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
