#!/usr/bin/env python3
"""Generate vocab/shapes/dcatapit.ttl: the AgID DCAT-AP_IT SPARQL rules as SHACL Core shapes.

The table RULES below says, for every active rule of the national validator, which class it
looks at, which property, what kind of check it is and how to fix a failure. Titles and
severities come from agid-rules.csv (one row per rule, copied from
shared/vocab-sources/validator/dcatapit-sparql-rules.csv); the script stops if an active rule
of the CSV has no entry here, so coverage is complete by construction.

Every rule becomes one property shape with an IRI named after it (dcatit:rule-73), so a
validation result names its rule through sh:sourceShape; the message ends with
"(AgID rule 73)" as well. Two rules that are the same check (82/189, 199/201) share one
shape (dcatit:rule-82-189).

usage: gen_shapes.py > vocab/shapes/dcatapit.ttl     (standard library only)
"""
import csv
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))

PREFIXES = [
    ("sh", "http://www.w3.org/ns/shacl#"),
    ("rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#"),
    ("rdfs", "http://www.w3.org/2000/01/rdf-schema#"),
    ("owl", "http://www.w3.org/2002/07/owl#"),
    ("xsd", "http://www.w3.org/2001/XMLSchema#"),
    ("dcatit", "https://w3id.org/dcatit/ns#"),
    ("dcatapit", "http://dati.gov.it/onto/dcatapit#"),
    ("dcat", "http://www.w3.org/ns/dcat#"),
    ("dct", "http://purl.org/dc/terms/"),
    ("foaf", "http://xmlns.com/foaf/0.1/"),
    ("vcard", "http://www.w3.org/2006/vcard/ns#"),
    ("adms", "http://www.w3.org/ns/adms#"),
    ("skos", "http://www.w3.org/2004/02/skos/core#"),
    ("spdx", "http://spdx.org/rdf/terms#"),
]

EU = "http://publications.europa.eu/resource/authority/"

# Node shapes: key -> (shape name, target class, label used in messages)
CLASSES = {
    "Catalog": ("CatalogShape", "dcatapit:Catalog", "Catalog"),
    "Dataset": ("DatasetShape", "dcatapit:Dataset", "Dataset"),
    "Distribution": ("DistributionShape", "dcatapit:Distribution", "Distribution"),
    "Agent": ("AgentShape", "dcatapit:Agent", "Agent"),
    "Organization": ("OrganizationShape", "dcatapit:Organization", "Contact point (dcatapit:Organization)"),
    "LicenseDocument": ("LicenseDocumentShape", "dcatapit:LicenseDocument", "Licence (dcatapit:LicenseDocument)"),
    "PeriodOfTime": ("PeriodOfTimeShape", "dct:PeriodOfTime", "Period of time"),
    "Standard": ("StandardShape", "dcatapit:Standard", "Standard"),
    "Identifier": ("IdentifierShape", "adms:Identifier", "Identifier (adms:Identifier)"),
}

# The class labels of the messages in Italian, with their article (capitalised at the start of a
# message).
CLASSES_IT = {  # key -> (subject, "of" form)
    "Catalog": ("il catalogo", "del catalogo"),
    "Dataset": ("il dataset", "del dataset"),
    "Distribution": ("la distribuzione", "della distribuzione"),
    "Agent": ("l'agente", "dell'agente"),
    "Organization": ("il punto di contatto (dcatapit:Organization)",
                     "del punto di contatto (dcatapit:Organization)"),
    "LicenseDocument": ("la licenza (dcatapit:LicenseDocument)", "della licenza (dcatapit:LicenseDocument)"),
    "PeriodOfTime": ("il periodo temporale", "del periodo temporale"),
    "Standard": ("lo standard", "dello standard"),
    "Identifier": ("l'identificativo (adms:Identifier)", "dell'identificativo (adms:Identifier)"),
}

# The service loads DCAT-AP_IT.owl and vcard-ns.ttl with RDFS inference, so a subclass of the expected
# class passes a value-class rule; the data graph has no such axioms, so the shape lists them.
SUBCLASS_NOTE = ("The national validator runs with RDFS inference over DCAT-AP_IT.owl and vcard-ns.ttl, so the "
                 "subclasses declared there are accepted too (listed in the sh:or).")

# kinds: req (min 1), max (max 1), perlang (max 1 per language tag and max 1 untagged), lit
# (literal), res (IRI or blank node), iri (IRI only),
# date (xsd:date or xsd:dateTime), num (decimal number), cls (value typed with a class when the
# value is described in the data), exists (at least one instance of the class in the data).
# Entry: ids, class key, path, kind, param (class for cls/exists), hint (fix advice), note.
RULES = [
    # --- Catalog -------------------------------------------------------------------------
    ((4,), "Catalog", "dcat:dataset", "req", None, "link every dataset with dcat:dataset", None),
    ((5,), "Catalog", "dcat:dataset", "cls", "dcatapit:Dataset", None, None),
    ((6,), "Catalog", "dct:description", "req", None, "add a description, one per language (e.g. @it)", None),
    ((7,), "Catalog", "dct:description", "lit", None, None, None),
    ((8,), "Catalog", "dct:publisher", "req", None, "add the publishing body as a dcatapit:Agent with its IPA code", None),
    ((9,), "Catalog", "dct:publisher", "max", None, "keep the one body that publishes the catalogue", None),
    ((11,), "Catalog", "dct:publisher", "cls", "dcatapit:Agent", None, None),
    ((12,), "Catalog", "dct:title", "req", None, "add a title, one per language (e.g. @it)", None),
    ((13,), "Catalog", "dct:title", "lit", None, None, None),
    ((14,), "Catalog", "foaf:homepage", "req", None, "add the catalogue's web page", None),
    ((15,), "Catalog", "foaf:homepage", "max", None, None, None),
    ((17,), "Catalog", "foaf:homepage", "cls", "foaf:Document", None, None),
    ((18,), "Catalog", "dct:language", "req", None, "add one from " + EU + "language (e.g. ITA)", None),
    ((20,), "Catalog", "dct:language", "cls", "dct:LinguisticSystem", None, EU + "language"),
    ((23,), "Catalog", "dct:license", "max", None, "keep the licence of the catalogue's metadata", None),
    ((24,), "Catalog", "dct:issued", "req", None, "add the date the catalogue was first published as xsd:date", None),
    ((25,), "Catalog", "dct:issued", "date", None, None, None),
    ((26,), "Catalog", "dct:issued", "max", None, "keep the date the catalogue was first published", None),
    ((27,), "Catalog", "dcat:themeTaxonomy", "req", None, "add <" + EU + "data-theme>", None),
    ((31,), "Catalog", "dct:modified", "req", None, "add the date of the last change as xsd:date", None),
    ((32,), "Catalog", "dct:modified", "date", None, None, None),
    ((33,), "Catalog", "dct:modified", "max", None, "keep the date of the last change", None),
    ((34,), "Catalog", "dct:rights", "cls", "dct:RightsStatement", None, None),
    ((35,), "Catalog", "dct:rights", "max", None, None, None),
    ((36,), "Catalog", "dct:spatial", "cls", "dct:Location", None, None),
    ((99,), "Catalog", "dct:isPartOf", "max", None, None, None),
    ((138,), "Catalog", "dct:license", "cls", "dcatapit:LicenseDocument", None, None),
    ((139,), "Catalog", "dcat:themeTaxonomy", "cls", "skos:ConceptScheme", None, None),
    ((140,), "Catalog", "dct:hasPart", "cls", "dcatapit:Catalog", None, None),
    ((141,), "Catalog", "dct:isPartOf", "cls", "dcatapit:Catalog", None, None),
    ((112,), "Catalog", None, "exists", "dcatapit:Catalog", "type the catalogue as dcatapit:Catalog and dcat:Catalog", None),
    # --- Dataset -------------------------------------------------------------------------
    ((3,), "Dataset", "dct:rightsHolder", "req", None, "add the body holding the rights as a dcatapit:Agent with its IPA code", None),
    ((21,), "Dataset", "dct:subject", "req", None, "add EuroVoc concepts consistent with the theme", None),
    ((37,), "Dataset", "dct:description", "req", None, "add a plain-text description, one per language", None),
    ((38,), "Dataset", "dct:description", "lit", None, None, None),
    ((39,), "Dataset", "dct:title", "req", None, "add a title, one per language", None),
    ((40,), "Dataset", "dct:title", "lit", None, None, None),
    ((41,), "Dataset", "dcat:contactPoint", "req", None, "add an office contact typed dcatapit:Organization with vcard:fn and vcard:hasEmail", None),
    ((43,), "Dataset", "dcat:contactPoint", "cls", "dcatapit:Organization", None, None),
    ((44,), "Dataset", "dcat:distribution", "req", None, "add at least one dcatapit:Distribution", None),
    ((46,), "Dataset", "dcat:distribution", "cls", "dcatapit:Distribution", None, None),
    ((48,), "Dataset", "dcat:keyword", "lit", None, None, None),
    ((49,), "Dataset", "dct:publisher", "req", None, "add the publishing body as a dcatapit:Agent", None),
    ((50,), "Dataset", "dct:publisher", "max", None, "keep the one body that publishes the dataset; other bodies go in dct:creator", None),
    ((52,), "Dataset", "dct:publisher", "cls", "dcatapit:Agent", None, None),
    ((53,), "Dataset", "dcat:theme", "req", None, "add one from " + EU + "data-theme (e.g. GOVE)", None),
    ((56,), "Dataset", "dct:conformsTo", "cls", ("dct:Standard", "dcatapit:Standard"), None, SUBCLASS_NOTE),
    ((58,), "Dataset", "dct:accrualPeriodicity", "cls", "dct:Frequency", None, EU + "frequency"),
    ((59,), "Dataset", "dct:accrualPeriodicity", "max", None, "keep the one that matches how often the data is updated", None),
    ((60,), "Dataset", "dct:identifier", "lit", None, None, None),
    ((63,), "Dataset", "dcat:landingPage", "cls", "foaf:Document", None, None),
    ((65,), "Dataset", "dct:language", "cls", "dct:LinguisticSystem", None, EU + "language"),
    ((67,), "Dataset", "adms:identifier", "cls", "adms:Identifier", None, None),
    ((68,), "Dataset", "dct:issued", "date", None, None, None),
    ((69,), "Dataset", "dct:issued", "max", None, "keep the date the dataset was first published", None),
    ((71,), "Dataset", "dct:spatial", "cls", "dct:Location", None, None),
    ((72,), "Dataset", "dct:temporal", "cls", "dct:PeriodOfTime", None, None),
    ((73,), "Dataset", "dct:modified", "date", None, None, None),
    ((74,), "Dataset", "dct:modified", "max", None, "keep the date of the last change", None),
    ((75,), "Dataset", "owl:versionInfo", "lit", None, None, None),
    ((76,), "Dataset", "owl:versionInfo", "max", None, "keep the current version", None),
    ((77,), "Dataset", "adms:versionNotes", "lit", None, None, None),
    ((100,), "Dataset", "dct:accessRights", "max", None, None, None),
    ((103,), "Dataset", "dct:type", "max", None, None, None),
    ((104,), "Dataset", "dct:type", "cls", "skos:Concept", None, None),
    ((115,), "Dataset", "dcat:theme", "cls", "skos:Concept", None, None),
    ((150,), "Dataset", "dct:accessRights", "cls", "dct:RightsStatement", None, EU + "access-right"),
    ((151,), "Dataset", "foaf:page", "cls", "foaf:Document", None, None),
    ((152,), "Dataset", "dct:hasVersion", "cls", "dcatapit:Dataset", None, None),
    ((153,), "Dataset", "dct:isVersionOf", "cls", "dcatapit:Dataset", None, None),
    ((154,), "Dataset", "dct:provenance", "cls", "dct:ProvenanceStatement", None, None),
    ((155,), "Dataset", "dct:relation", "res", None, None, None),
    ((156,), "Dataset", "adms:sample", "cls", "dcatapit:Distribution", None, None),
    ((157,), "Dataset", "dct:source", "cls", "dcatapit:Dataset", None, None),
    ((178,), "Dataset", "dct:identifier", "req", None, "add one, conventionally <IPA code of the rights holder>:<local id>", None),
    ((179,), "Dataset", "dct:modified", "req", None, "add the date of the last change as xsd:date", None),
    ((180,), "Dataset", "dct:accrualPeriodicity", "req", None, "add one from " + EU + "frequency (UNKNOWN if not known)", None),
    ((181,), "Dataset", "dcat:landingPage", "max", None, None, None),
    ((182,), "Dataset", "dct:subject", "cls", "skos:Concept", None, None),
    ((183,), "Dataset", "dct:identifier", "max", None, "keep the <IPA code>:<id> one and move the others to adms:identifier", None),
    ((184,), "Dataset", "dct:rightsHolder", "cls", "dcatapit:Agent", None, None),
    ((185,), "Dataset", "dct:creator", "cls", "dcatapit:Agent", None, None),
    ((186,), "Dataset", "dct:temporal", "max", None, "give one dct:PeriodOfTime covering the whole period",
     "Defective in the national validator: the SPARQL query selects dct:PeriodOfTime subjects that have "
     "dct:temporal, so it never fires. Implemented as its evident intent: at most one dct:temporal per Dataset."),
    ((187,), "Dataset", "dct:spatial", "max", None,
     "give one dct:Location, which may carry several geometries",
     "Defective in the national validator: the SPARQL query selects dct:Location subjects that have "
     "dct:spatial, so it never fires. Implemented as its evident intent: at most one dct:spatial per Dataset "
     "(DCAT-AP itself allows several; give one Location with several geometries)."),
    ((114,), "Dataset", None, "exists", "dcatapit:Dataset", "type every dataset as dcatapit:Dataset and dcat:Dataset", None),
    # --- Distribution --------------------------------------------------------------------
    ((79,), "Distribution", "dcat:accessURL", "req", None, "add the IRI of the page or service giving access to the data", None),
    ((80,), "Distribution", "dcat:accessURL", "res", None, None, None),
    ((81,), "Distribution", "dct:description", "req", None, "describe what the file or service contains", None),
    ((82, 189), "Distribution", "dct:description", "lit", None, None,
     "Rules 82 and 189 are the same check (189 was re-added by AgID); one shape implements both."),
    ((83,), "Distribution", "dct:format", "req", None, "add one from " + EU + "file-type (e.g. CSV)", None),
    ((84,), "Distribution", "dct:format", "cls", "dct:MediaTypeOrExtent", None, EU + "file-type"),
    ((85,), "Distribution", "dct:format", "max", None, "a distribution has one format: give each format its own distribution", None),
    ((86,), "Distribution", "dct:license", "req", None,
     "add a dcatapit:LicenseDocument, e.g. <https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40>", None),
    ((87,), "Distribution", "dct:license", "cls", "dcatapit:LicenseDocument", None, None),
    ((88,), "Distribution", "dct:license", "max", None, "a distribution has one licence: publish differently licensed files as separate distributions", None),
    ((89,), "Distribution", "dcat:byteSize", "num", None, None,
     "Defective in the national validator: the query tests dct:byteSize, a term that does not exist, so it "
     "never fires. Implemented as its evident intent on dcat:byteSize (decimal; the integer types derived "
     "from xsd:decimal are accepted too)."),
    ((90,), "Distribution", "dcat:downloadURL", "res", None, None, None),
    ((91,), "Distribution", "dcat:mediaType", "cls", "dct:MediaTypeOrExtent", None, None),
    ((92,), "Distribution", "dct:issued", "date", None, None, None),
    ((95,), "Distribution", "dct:title", "lit", None, None, None),
    ((96,), "Distribution", "dct:modified", "date", None, None, None),
    ((105,), "Distribution", "spdx:checksum", "max", None, None, None),
    ((106,), "Distribution", "spdx:checksum", "cls", "spdx:Checksum", None, None),
    ((107,), "Distribution", "dct:issued", "max", None, "keep the date the file was first published", None),
    ((108,), "Distribution", "dct:rights", "max", None, None, None),
    ((109,), "Distribution", "adms:status", "max", None, None, None),
    ((110,), "Distribution", "adms:status", "cls", "skos:Concept", None, None),
    ((111,), "Distribution", "dct:modified", "max", None, "keep the date of the last change", None),
    ((158,), "Distribution", "dcat:byteSize", "max", None, None,
     "The rule title names dct:byteSize like rule 89; implemented on dcat:byteSize, its evident intent."),
    ((159,), "Distribution", "foaf:page", "cls", "foaf:Document", None, None),
    ((160,), "Distribution", "dct:language", "cls", "dct:LinguisticSystem", None, EU + "language"),
    ((161,), "Distribution", "dct:conformsTo", "cls", ("dct:Standard", "dcatapit:Standard"), None, SUBCLASS_NOTE),
    ((162,), "Distribution", "dcat:mediaType", "max", None, None, None),
    ((188,), "Distribution", "dcat:accessURL", "max", None, "a distribution has one access address: give each address its own distribution", None),
    ((163,), "Distribution", None, "exists", "dcatapit:Distribution", "type every distribution as dcatapit:Distribution and dcat:Distribution", None),
    # --- Agent ---------------------------------------------------------------------------
    ((0,), "Agent", "foaf:name", "req", None, "add the official name as registered in IPA", None),
    ((1,), "Agent", "foaf:name", "lit", None, None, None),
    ((2,), "Agent", "dct:identifier", "req", None, "add the IPA code (public bodies) or the Partita IVA (private bodies)", None),
    ((190,), "Agent", "dct:identifier", "lit", None, None, None),
    ((191,), "Agent", "dct:identifier", "max", None, "keep the IPA code", None),
    ((192,), "Agent", "foaf:name", "perlang", None,
     "give one name per language (the official name registered in IPA, and at most one translation "
     "in each other language) and tag each with its language",
     "Defective upstream: the query selects dcat:Agent, a class DCAT-AP_IT data does not use, so the national "
     "validator never reports this rule. DCAT-AP_IT allows one name per language (the guidelines; "
     "the OWL file says exactly one), so the defect checked is two different names in the same "
     "language, or two names without a language tag."),
    ((113,), "Agent", None, "exists", "dcatapit:Agent", "type publishers and rights holders as dcatapit:Agent and foaf:Agent", None),
    # --- Contact point -------------------------------------------------------------------
    ((204,), "Organization", "vcard:fn", "max", None, "keep the name of the office", None),
    ((205,), "Organization", "vcard:fn", "req", None, "add the name of the office", None),
    ((206,), "Organization", "vcard:fn", "lit", None, None, None),
    ((207,), "Organization", "vcard:hasEmail", "iri", None, None,
     "The rule title says 'literal' but the query and its message require a resource: an IRI such as <mailto:x@y.it>."),
    ((208,), "Organization", "vcard:hasEmail", "max", None, "keep the office's address", None),
    ((209,), "Organization", "vcard:hasEmail", "req", None, "add the office e-mail as <mailto:...>", None),
    ((210,), "Organization", "vcard:hasTelephone", "cls", ("vcard:TelephoneType",) + tuple(
        "vcard:" + c for c in ("BBS", "Car", "Cell", "Fax", "Modem", "Msg", "PCS", "Pager", "Text", "TextPhone",
                               "Video", "Voice")), None, SUBCLASS_NOTE),
    ((211,), "Organization", "vcard:hasTelephone", "max", None, None, None),
    ((212,), "Organization", "vcard:hasURL", "res", None, None, None),
    ((213,), "Organization", "vcard:hasURL", "max", None, None, None),
    ((203,), "Organization", None, "exists", "dcatapit:Organization", "type every contact point as dcatapit:Organization and vcard:Organization", None),
    # --- Licence -------------------------------------------------------------------------
    ((118,), "LicenseDocument", "dct:type", "max", None, None, None),
    ((165,), "LicenseDocument", "dct:type", "cls", "skos:Concept", None, None),
    ((170,), "LicenseDocument", "dct:type", "req", None, "add the ADMS licence type, e.g. <http://purl.org/adms/licencetype/Attribution>", None),
    ((193,), "LicenseDocument", "foaf:name", "lit", None, None, "The CSV files this rule under Agent; its title and query are about the licence."),
    ((194,), "LicenseDocument", "owl:versionInfo", "lit", None, None, "The CSV files this rule under Agent; its title and query are about the licence."),
    ((195,), "LicenseDocument", "owl:versionInfo", "max", None, None, None),
    ((166,), "LicenseDocument", None, "exists", "dcatapit:LicenseDocument", "type every licence as dcatapit:LicenseDocument and dct:LicenseDocument", None),
    # --- Period of time ------------------------------------------------------------------
    ((136,), "PeriodOfTime", "dcatapit:startDate", "max", None, "a period has one start: split it into several periods if needed", None),
    ((137,), "PeriodOfTime", "dcatapit:endDate", "max", None, "a period has one end: split it into several periods if needed", None),
    ((174,), "PeriodOfTime", "dcatapit:startDate", "date", None, None, None),
    ((175,), "PeriodOfTime", "dcatapit:endDate", "date", None, None, None),
    ((196,), "PeriodOfTime", "dcatapit:startDate", "req", None,
     "add dcatapit:startDate as xsd:date (schema:startDate, written by ckanext-dcatapit, does not count)", None),
    # --- Standard ------------------------------------------------------------------------
    ((197,), "Standard", "dct:identifier", "req", None, "add the reference of the standard (its URL, or the ELI link of a law)", None),
    ((198,), "Standard", "dct:identifier", "max", None, "keep the reference URL of the standard", None),
    ((199, 201), "Standard", "dct:description", "lit", None, None,
     "Rules 199 and 201 have the same title and check; one shape implements both."),
    ((200,), "Standard", "dct:title", "lit", None, None, None),
    ((202,), "Standard", "dcatapit:referenceDocumentation", "res", None, None, None),
    # --- Identifier ----------------------------------------------------------------------
    ((66,), "Identifier", "skos:notation", "req", None, "add the identifier's text as skos:notation", None),
    ((176,), "Identifier", "skos:notation", "max", None, "keep one code per adms:Identifier: give each code its own adms:Identifier", None),
]

# The fix advice of the rules in Italian, by its English text (every hint of RULES has one: the
# generator stops otherwise).
HINTS_IT = {
    "a distribution has one access address: give each address its own distribution":
        "una distribuzione ha un solo indirizzo di accesso: dare a ogni indirizzo la propria distribuzione",
    "a distribution has one format: give each format its own distribution":
        "una distribuzione ha un solo formato: dare a ogni formato la propria distribuzione",
    "a distribution has one licence: publish differently licensed files as separate distributions":
        "una distribuzione ha una sola licenza: pubblicare i file con licenze diverse come distribuzioni "
        "separate",
    "a period has one end: split it into several periods if needed":
        "un periodo ha una sola fine: dividerlo in più periodi se necessario",
    "a period has one start: split it into several periods if needed":
        "un periodo ha un solo inizio: dividerlo in più periodi se necessario",
    "add <" + EU + "data-theme>": "aggiungere <" + EU + "data-theme>",
    "add EuroVoc concepts consistent with the theme": "aggiungere concetti EuroVoc coerenti con il tema",
    "add a dcatapit:LicenseDocument, e.g. <https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40>":
        "aggiungere una dcatapit:LicenseDocument, ad es. "
        "<https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40>",
    "add a description, one per language (e.g. @it)": "aggiungere una descrizione, una per lingua (ad es. @it)",
    "add a plain-text description, one per language": "aggiungere una descrizione in testo semplice, una per lingua",
    "add a title, one per language": "aggiungere un titolo, uno per lingua",
    "add a title, one per language (e.g. @it)": "aggiungere un titolo, uno per lingua (ad es. @it)",
    "add an office contact typed dcatapit:Organization with vcard:fn and vcard:hasEmail":
        "aggiungere il contatto di un ufficio di tipo dcatapit:Organization con vcard:fn e vcard:hasEmail",
    "add at least one dcatapit:Distribution": "aggiungere almeno una dcatapit:Distribution",
    "add dcatapit:startDate as xsd:date (schema:startDate, written by ckanext-dcatapit, does not count)":
        "aggiungere dcatapit:startDate come xsd:date (schema:startDate, scritto da ckanext-dcatapit, non vale)",
    "add one from " + EU + "data-theme (e.g. GOVE)": "aggiungerne uno da " + EU + "data-theme (ad es. GOVE)",
    "add one from " + EU + "file-type (e.g. CSV)": "aggiungerne uno da " + EU + "file-type (ad es. CSV)",
    "add one from " + EU + "frequency (UNKNOWN if not known)":
        "aggiungerne una da " + EU + "frequency (UNKNOWN se non nota)",
    "add one from " + EU + "language (e.g. ITA)": "aggiungerne una da " + EU + "language (ad es. ITA)",
    "add one, conventionally <IPA code of the rights holder>:<local id>":
        "aggiungerne uno, per convenzione <codice IPA del titolare>:<id locale>",
    "add the ADMS licence type, e.g. <http://purl.org/adms/licencetype/Attribution>":
        "aggiungere il tipo di licenza ADMS, ad es. <http://purl.org/adms/licencetype/Attribution>",
    "add the IPA code (public bodies) or the Partita IVA (private bodies)":
        "aggiungere il codice IPA (enti pubblici) o la Partita IVA (soggetti privati)",
    "add the IRI of the page or service giving access to the data":
        "aggiungere l'IRI della pagina o del servizio che dà accesso ai dati",
    "add the body holding the rights as a dcatapit:Agent with its IPA code":
        "aggiungere l'ente titolare dei diritti come dcatapit:Agent con il suo codice IPA",
    "add the catalogue's web page": "aggiungere la pagina web del catalogo",
    "add the date of the last change as xsd:date": "aggiungere la data dell'ultima modifica come xsd:date",
    "add the date the catalogue was first published as xsd:date":
        "aggiungere la data di prima pubblicazione del catalogo come xsd:date",
    "add the identifier's text as skos:notation": "aggiungere il testo dell'identificativo come skos:notation",
    "add the name of the office": "aggiungere il nome dell'ufficio",
    "add the office e-mail as <mailto:...>": "aggiungere l'e-mail dell'ufficio come <mailto:...>",
    "add the official name as registered in IPA": "aggiungere il nome ufficiale registrato in IPA",
    "add the publishing body as a dcatapit:Agent": "aggiungere l'ente che pubblica come dcatapit:Agent",
    "add the publishing body as a dcatapit:Agent with its IPA code":
        "aggiungere l'ente che pubblica come dcatapit:Agent con il suo codice IPA",
    "add the reference of the standard (its URL, or the ELI link of a law)":
        "aggiungere il riferimento dello standard (il suo URL, o il link ELI di una norma)",
    "describe what the file or service contains": "descrivere cosa contiene il file o il servizio",
    "give one dct:Location, which may carry several geometries":
        "indicare una sola dct:Location, che può avere più geometrie",
    "give one dct:PeriodOfTime covering the whole period": "indicare un solo dct:PeriodOfTime che copra tutto il periodo",
    "give one name per language (the official name registered in IPA, and at most one translation in each other "
    "language) and tag each with its language":
        "indicare un nome per lingua (il nome ufficiale registrato in IPA, e al massimo una traduzione in ogni "
        "altra lingua) e assegnare a ciascuno il tag della sua lingua",
    "keep one code per adms:Identifier: give each code its own adms:Identifier":
        "un codice per adms:Identifier: dare a ogni codice il proprio adms:Identifier",
    "keep the <IPA code>:<id> one and move the others to adms:identifier":
        "conservare quello <codice IPA>:<id> e spostare gli altri in adms:identifier",
    "keep the IPA code": "conservare il codice IPA",
    "keep the current version": "conservare la versione corrente",
    "keep the date of the last change": "conservare la data dell'ultima modifica",
    "keep the date the catalogue was first published": "conservare la data di prima pubblicazione del catalogo",
    "keep the date the dataset was first published": "conservare la data di prima pubblicazione del dataset",
    "keep the date the file was first published": "conservare la data di prima pubblicazione del file",
    "keep the licence of the catalogue's metadata": "conservare la licenza dei metadati del catalogo",
    "keep the name of the office": "conservare il nome dell'ufficio",
    "keep the office's address": "conservare l'indirizzo dell'ufficio",
    "keep the one body that publishes the catalogue": "conservare l'unico ente che pubblica il catalogo",
    "keep the one body that publishes the dataset; other bodies go in dct:creator":
        "conservare l'unico ente che pubblica il dataset; gli altri enti vanno in dct:creator",
    "keep the one that matches how often the data is updated":
        "conservare quella che corrisponde a quanto spesso i dati vengono aggiornati",
    "keep the reference URL of the standard": "conservare l'URL di riferimento dello standard",
    "link every dataset with dcat:dataset": "collegare ogni dataset con dcat:dataset",
    "type every contact point as dcatapit:Organization and vcard:Organization":
        "assegnare a ogni punto di contatto i tipi dcatapit:Organization e vcard:Organization",
    "type every dataset as dcatapit:Dataset and dcat:Dataset":
        "assegnare a ogni dataset i tipi dcatapit:Dataset e dcat:Dataset",
    "type every distribution as dcatapit:Distribution and dcat:Distribution":
        "assegnare a ogni distribuzione i tipi dcatapit:Distribution e dcat:Distribution",
    "type every licence as dcatapit:LicenseDocument and dct:LicenseDocument":
        "assegnare a ogni licenza i tipi dcatapit:LicenseDocument e dct:LicenseDocument",
    "type publishers and rights holders as dcatapit:Agent and foaf:Agent":
        "assegnare a editori e titolari i tipi dcatapit:Agent e foaf:Agent",
    "type the catalogue as dcatapit:Catalog and dcat:Catalog":
        "assegnare al catalogo i tipi dcatapit:Catalog e dcat:Catalog",
}

NUMERIC = ["xsd:decimal", "xsd:integer", "xsd:nonNegativeInteger", "xsd:positiveInteger",
           "xsd:long", "xsd:unsignedLong", "xsd:int", "xsd:unsignedInt"]


def lit(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def message(ids, cls_label, path, kind, param, hint, sev, note=None):
    """The sh:message: what is wrong with which node, what to do, the rule ids. {$this} and
    {?value} are filled in by the report (the focus node and the value at fault)."""
    if isinstance(param, tuple):
        param = param[0]
    tag = "(AgID rule%s %s)" % ("s" if len(ids) > 1 else "", ", ".join(str(i) for i in ids))
    rec = " (recommended)" if sev == "warning" else ""
    this = "%s {$this}" % cls_label if cls_label else None
    if kind == "req":
        m = "%s has no %s%s; %s" % (this, path, rec, hint)
    elif kind == "max":
        m = "%s has more than one %s; %s" % (this, path, hint or "keep only one")
    elif kind == "perlang":
        m = ("%s has two different %s in the same language, or two without a language tag; %s"
             % (this, path, hint))
    elif kind == "lit":
        m = "%s {?value} of %s is not a literal; write it as text" % (path, this)
    elif kind == "res":
        m = "%s {?value} of %s is a literal; write it as an IRI <...>" % (path, this)
    elif kind == "iri":
        m = "%s {?value} of %s is not an IRI; write it as <mailto:name@example.it>" % (path, this)
    elif kind == "date":
        m = ("%s {?value} of %s is not a valid xsd:date or xsd:dateTime literal; write e.g. "
             "\"2024-05-31\"^^xsd:date" % (path, this))
    elif kind == "num":
        m = ("%s {?value} of %s is not a decimal number; write the size in bytes, e.g. "
             "\"1024\"^^xsd:decimal" % (path, this))
    elif kind == "cls":
        m = ("%s {?value} of %s is described in the data but is not typed %s; add rdf:type %s to it"
             % (path, this, param, param))
        if note and note.startswith("http"):
            m += ", or use a concept of %s instead" % note
    elif kind == "exists":
        m = ("the data has no node typed %s; %s (if the file does type them, check that its dcatapit "
             "prefix is exactly http://dati.gov.it/onto/dcatapit# with the '#')" % (param, hint))
    else:
        raise ValueError(kind)
    return m + " " + tag


def message_it(ids, key, path, kind, param, hint, sev, note=None):
    """The same message in Italian."""
    if isinstance(param, tuple):
        param = param[0]
    tag = "(regol%s AgID %s)" % ("e" if len(ids) > 1 else "a", ", ".join(str(i) for i in ids))
    rec = " (raccomandato)" if sev == "warning" else ""
    subj, of = CLASSES_IT[key] if key else (None, None)
    This = "%s%s {$this}" % (subj[0].upper(), subj[1:]) if key else None
    this = "%s {$this}" % of if key else None
    if hint is not None and hint not in HINTS_IT:
        sys.exit("gen_shapes: no Italian for the hint %r (HINTS_IT)" % hint)
    hint_it = HINTS_IT.get(hint)
    if kind == "req":
        m = "%s non ha %s%s; %s" % (This, path, rec, hint_it)
    elif kind == "max":
        m = "%s ha più di un %s; %s" % (This, path, hint_it or "conservarne uno solo")
    elif kind == "perlang":
        m = ("%s ha due %s diversi nella stessa lingua, o due senza tag di lingua; %s"
             % (This, path, hint_it))
    elif kind == "lit":
        m = "%s {?value} %s non è un letterale; scriverlo come testo" % (path, this)
    elif kind == "res":
        m = "%s {?value} %s è un letterale; scriverlo come IRI <...>" % (path, this)
    elif kind == "iri":
        m = "%s {?value} %s non è un IRI; scriverlo come <mailto:nome@esempio.it>" % (path, this)
    elif kind == "date":
        m = ("%s {?value} %s non è un letterale xsd:date o xsd:dateTime valido; scrivere ad es. "
             "\"2024-05-31\"^^xsd:date" % (path, this))
    elif kind == "num":
        m = ("%s {?value} %s non è un numero decimale; scrivere la dimensione in byte, ad es. "
             "\"1024\"^^xsd:decimal" % (path, this))
    elif kind == "cls":
        m = ("%s {?value} %s è descritto nei dati ma non ha il tipo %s; aggiungergli rdf:type %s"
             % (path, this, param, param))
        if note and note.startswith("http"):
            m += ", o usare invece un concetto di %s" % note
    elif kind == "exists":
        m = ("i dati non hanno alcun nodo di tipo %s; %s (se il file li tipizza, verificare che il suo "
             "prefisso dcatapit sia esattamente http://dati.gov.it/onto/dcatapit# con il '#')"
             % (param, hint_it))
    else:
        raise ValueError(kind)
    return m + " " + tag


def main():
    rows = {}
    with open(os.path.join(HERE, "agid-rules.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows[int(r["rule_id"])] = r
    active = {i for i, r in rows.items() if r["suspended"] == "False"}
    covered = [i for e in RULES for i in e[0]]
    if sorted(covered) != sorted(set(covered)):
        sys.exit("gen_shapes: a rule is listed twice")
    if set(covered) != active:
        sys.exit("gen_shapes: coverage mismatch: missing %s, extra %s"
                 % (sorted(active - set(covered)), sorted(set(covered) - active)))

    out = []
    w = out.append
    w("# DCAT-AP_IT profile in SHACL Core: the %d active rules of the national (AgID) validator.\n" % len(active))
    w("# Generated by vocab/tools/gen_shapes.py from its rule table and vocab/tools/agid-rules.csv;\n")
    w("# edit the generator, not this file.\n")
    w("#\n")
    w("# One property shape per rule, named dcatit:rule-<id>, carrying dcatit:rule <id>, the national\n")
    w("# severity (error -> sh:Violation, warning -> sh:Warning) and an sh:message in English and in\n")
    w("# Italian ending in '(AgID rule <id>)' / '(regola AgID <id>)': the report picks the user's\n")
    w("# language. Targets are the dcatapit: classes (dct:PeriodOfTime and adms:Identifier for the\n")
    w("# period and identifier rules), as in the SPARQL rules: a node typed only dcat:Dataset is not\n")
    w("# checked by the national validator (dcatapit-extra.ttl warns about such nodes).\n")
    w("#\n")
    w("# 'value class' rules of the national validator only fire when the value is described in the data\n")
    w("# (has triples of its own) but lacks the expected rdf:type; a bare IRI pointing to a vocabulary\n")
    w("# passes. In SHACL Core: sh:or ( [ sh:class C ] [ sh:closed true ] ), a closed shape without\n")
    w("# properties being satisfied exactly by nodes with no outgoing triples. Where an EU authority table\n")
    w("# may be loaded into the data graph, a concept of that table (skos:inScheme) is accepted too.\n")
    w("# 'class presence' rules (112, 113, 114, 163, 166, 203) target the class IRI itself\n")
    w("# (sh:targetNode) and require at least one value of the inverse path ^rdf:type.\n\n")
    for p, iri in PREFIXES:
        w("@prefix %s: <%s> .\n" % (p, iri))
    w("\n<https://w3id.org/dcatit/shapes/dcatapit> a owl:Ontology ;\n")
    w("    rdfs:label \"DCAT-AP_IT national rules in SHACL Core\"@en ;\n")
    w("    rdfs:comment \"The active rules of the AgID DCAT-AP_IT SPARQL validator (italia/daf-semantic-validator, "
      "2018-09-17), one property shape per rule.\"@en .\n\n")
    w("dcatit:rule a owl:AnnotationProperty ;\n")
    w("    rdfs:comment \"Id of the AgID DCAT-AP_IT validator rule that a shape implements.\"@en .\n\n")

    by_class = {}
    for e in RULES:
        by_class.setdefault(e[1], []).append(e)

    for key, (shape, target, label) in CLASSES.items():
        entries = by_class[key]
        props = [e for e in entries if e[3] != "exists"]
        exists = [e for e in entries if e[3] == "exists"]
        w("# " + "=" * 96 + "\n# %s (%s)\n# %s\n\n" % (key, target, "=" * 96))
        w("dcatit:%s a sh:NodeShape ;\n" % shape)
        w("    sh:targetClass %s ;\n" % target)
        w("    rdfs:comment %s@en ;\n" % lit("AgID rules on %s: %s." % (target, ", ".join(
            str(i) for e in props for i in e[0]))))
        w("    sh:property %s .\n\n" % ",\n        ".join("dcatit:" + name(e[0]) for e in props))
        for e in props:
            emit_property(w, e, label, rows)
        for e in exists:
            emit_exists(w, e, rows)
    sys.stdout.write("".join(out))


def name(ids):
    return "rule-" + "-".join(str(i) for i in ids)


def sev_of(ids, rows):
    sevs = {rows[i]["severity"] for i in ids}
    assert len(sevs) == 1, ids
    return sevs.pop()


def comment_of(ids, rows, note):
    parts = ["AgID rule %d (%s, %s): %s" % (i, rows[i]["source_file"], rows[i]["severity"],
                                             rows[i]["title"].rstrip(".") + ".") for i in ids]
    if note and not note.startswith(("http://", "https://")):
        parts.append(note)
    return " ".join(parts)


def emit_property(w, e, label, rows):
    ids, key, path, kind, param, hint, note = e
    sev = sev_of(ids, rows)
    w("dcatit:%s a sh:PropertyShape ;\n" % name(ids))
    w("    dcatit:rule %s ;\n" % ", ".join(str(i) for i in ids))
    w("    rdfs:comment %s@en ;\n" % lit(comment_of(ids, rows, note)))
    w("    sh:path %s ;\n" % path)
    if kind == "req":
        w("    sh:minCount 1 ;\n")
    elif kind == "max":
        w("    sh:maxCount 1 ;\n")
    elif kind == "perlang":
        w("    sh:uniqueLang true ;\n")
        w("    sh:qualifiedValueShape [ sh:datatype xsd:string ] ;\n")
        w("    sh:qualifiedMaxCount 1 ;\n")
    elif kind == "lit":
        w("    sh:nodeKind sh:Literal ;\n")
    elif kind == "res":
        w("    sh:nodeKind sh:BlankNodeOrIRI ;\n")
    elif kind == "iri":
        w("    sh:nodeKind sh:IRI ;\n")
    elif kind == "date":
        w("    sh:or ( [ sh:datatype xsd:date ] [ sh:datatype xsd:dateTime ] ) ;\n")
    elif kind == "num":
        w("    sh:or ( %s ) ;\n" % " ".join("[ sh:datatype %s ]" % d for d in NUMERIC))
    elif kind == "cls":
        classes = param if isinstance(param, tuple) else (param,)
        alts = ["[ sh:class %s ]" % c for c in classes]
        if note and note.startswith("http"):
            alts.append("[ sh:property [ sh:path skos:inScheme ; sh:hasValue <%s> ] ]" % note)
        alts.append("[ sh:closed true ]")
        w("    sh:or (\n        %s\n    ) ;\n" % "\n        ".join(alts))
    else:
        raise ValueError(kind)
    w("    sh:severity %s ;\n" % ("sh:Violation" if sev == "error" else "sh:Warning"))
    w("    sh:message %s@en,\n        %s@it .\n\n"
      % (lit(message(ids, label, path, kind, param, hint, sev, note)),
         lit(message_it(ids, key, path, kind, param, hint, sev, note))))


def emit_exists(w, e, rows):
    ids, key, path, kind, param, hint, note = e
    sev = sev_of(ids, rows)
    local = param.split(":")[1]
    w("dcatit:%sPresenceShape a sh:NodeShape ;\n" % local)
    w("    rdfs:comment %s@en ;\n" % lit("Class presence: the focus node is the class IRI itself."))
    w("    sh:targetNode %s ;\n" % param)
    w("    sh:property dcatit:%s .\n\n" % name(ids))
    w("dcatit:%s a sh:PropertyShape ;\n" % name(ids))
    w("    dcatit:rule %s ;\n" % ", ".join(str(i) for i in ids))
    w("    rdfs:comment %s@en ;\n" % lit(comment_of(ids, rows, note)))
    w("    sh:path [ sh:inversePath rdf:type ] ;\n")
    w("    sh:minCount 1 ;\n")
    w("    sh:severity %s ;\n" % ("sh:Violation" if sev == "error" else "sh:Warning"))
    w("    sh:message %s@en,\n        %s@it .\n\n"
      % (lit(message(ids, None, None, kind, param, hint, sev)),
         lit(message_it(ids, None, None, kind, param, hint, sev))))


def coverage():
    """Markdown table rule id -> shape, for vocab/README.md."""
    rows = {}
    with open(os.path.join(HERE, "agid-rules.csv"), newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            rows[int(r["rule_id"])] = r
    print("| rule | severity | class | check | shape | note |")
    print("|---:|---|---|---|---|---|")
    kinds = {"req": "minCount 1", "max": "maxCount 1", "lit": "nodeKind Literal",
             "perlang": "uniqueLang + max 1 untagged",
             "res": "nodeKind BlankNodeOrIRI", "iri": "nodeKind IRI", "date": "datatype date|dateTime",
             "num": "datatype decimal (+integer types)", "cls": "class, if described", "exists": "class present"}
    entries = {i: e for e in RULES for i in e[0]}
    for rid in sorted(rows):
        r = rows[rid]
        if r["suspended"] != "False":
            print("| %d | %s | %s | suspended upstream | – | not implemented (suspended) |"
                  % (rid, r["severity"], r["class_name"]))
            continue
        ids, key, path, kind, param, hint, note = entries[rid]
        what = "%s %s" % (path or param, kinds[kind]) if kind != "exists" else "%s present" % param
        if kind == "cls":
            what = "%s: %s" % (path, param[0] if isinstance(param, tuple) else param)
        n = ""
        if note and note.startswith("http"):
            n = "a concept of %s is accepted too" % note
        if note and not note.startswith("http"):
            n = "defective upstream; evident intent" if "Defective" in note else "see shape comment"
        if len(ids) > 1:
            n = "same check as rule%s %s" % ("s" if len(ids) > 2 else "",
                                             ", ".join(str(i) for i in ids if i != rid))
        print("| %d | %s | %s | %s | `dcatit:%s` | %s |" % (rid, r["severity"], CLASSES[key][1], what, name(ids), n))


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--coverage":
        coverage()
    else:
        main()
