/* internal.h: what the files of the ISO 19139 mapping share, for src/iso
 * only: the state of the record being mapped, the vocabulary it writes,
 * text and triple helpers, and one entry point per concern (agents,
 * keywords, extents, distributions). */
#ifndef DCATIT_ISO_INTERNAL_H
#define DCATIT_ISO_INTERNAL_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "iso/iso.h"
#include "iso/xml.h"
#include "rdf/model.h"
#include "rdf/cvocab.h"
#include "rdf/term.h"
#include "rdf/vocab.h"

#define ISO_NS_XLINK "http://www.w3.org/1999/xlink"
#define ISO_NS_EPSG "http://www.opengis.net/def/crs/EPSG/0/"
#define ISO_NS_GEODCAT "http://data.europa.eu/930/"
#define ISO_NS_DCATAP "http://data.europa.eu/r5r/"
#define ISO_NS_PROV "http://www.w3.org/ns/prov#"
#define ISO_NS_DQV "http://www.w3.org/ns/dqv#"
#define ISO_NS_INSPIRE_CL "http://inspire.ec.europa.eu/metadata-codelist/"
#define ISO_NS_INSPIRE_THEME "http://inspire.ec.europa.eu/theme"
#define ISO_DEFAULT_BASE "urn:dcatit:csw:"

/* X(field, IRI): the terms the mapping writes, interned per document. */
#define ISO_VOCAB(X) \
	X(rdf_type, DCATIT_NS_RDF "type") \
	X(rdfs_label, DCATIT_NS_RDFS "label") \
	X(owl_versionInfo, DCATIT_NS_OWL "versionInfo") \
	X(xsd_date, DCATIT_NS_XSD "date") \
	X(xsd_dateTime, DCATIT_NS_XSD "dateTime") \
	X(xsd_gYear, DCATIT_NS_XSD "gYear") \
	X(xsd_gYearMonth, DCATIT_NS_XSD "gYearMonth") \
	X(xsd_decimal, DCATIT_NS_XSD "decimal") \
	X(xsd_anyURI, DCATIT_NS_XSD "anyURI") \
	X(xsd_nonNegativeInteger, DCATIT_NS_XSD "nonNegativeInteger") \
	X(dcat_Dataset, DCATIT_NS_DCAT "Dataset") \
	X(dcat_DatasetSeries, DCATIT_NS_DCAT "DatasetSeries") \
	X(dcat_DataService, DCATIT_NS_DCAT "DataService") \
	X(dcat_Distribution, DCATIT_NS_DCAT "Distribution") \
	X(dcat_CatalogRecord, DCATIT_NS_DCAT "CatalogRecord") \
	X(dcat_Role, DCATIT_NS_DCAT "Role") \
	X(dcat_distribution, DCATIT_NS_DCAT "distribution") \
	X(dcat_accessURL, DCATIT_NS_DCAT "accessURL") \
	X(dcat_downloadURL, DCATIT_NS_DCAT "downloadURL") \
	X(dcat_accessService, DCATIT_NS_DCAT "accessService") \
	X(dcat_endpointURL, DCATIT_NS_DCAT "endpointURL") \
	X(dcat_endpointDescription, DCATIT_NS_DCAT "endpointDescription") \
	X(dcat_servesDataset, DCATIT_NS_DCAT "servesDataset") \
	X(dcat_landingPage, DCATIT_NS_DCAT "landingPage") \
	X(dcat_mediaType, DCATIT_NS_DCAT "mediaType") \
	X(dcat_byteSize, DCATIT_NS_DCAT "byteSize") \
	X(dcat_keyword, DCATIT_NS_DCAT "keyword") \
	X(dcat_theme, DCATIT_NS_DCAT "theme") \
	X(dcat_contactPoint, DCATIT_NS_DCAT "contactPoint") \
	X(dcat_hadRole, DCATIT_NS_DCAT "hadRole") \
	X(dcat_bbox, DCATIT_NS_DCAT "bbox") \
	X(dcat_startDate, DCATIT_NS_DCAT "startDate") \
	X(dcat_endDate, DCATIT_NS_DCAT "endDate") \
	X(dcat_spatialResolutionInMeters, DCATIT_NS_DCAT "spatialResolutionInMeters") \
	X(dcatap_applicableLegislation, ISO_NS_DCATAP "applicableLegislation") \
	X(dcatap_hvdCategory, ISO_NS_DCATAP "hvdCategory") \
	X(eli_LegalResource, "http://data.europa.eu/eli/ontology#LegalResource") \
	X(dcatapit_Dataset, DCATIT_NS_DCATAPIT "Dataset") \
	X(dcatapit_Distribution, DCATIT_NS_DCATAPIT "Distribution") \
	X(dcatapit_Agent, DCATIT_NS_DCATAPIT "Agent") \
	X(dcatapit_Organization, DCATIT_NS_DCATAPIT "Organization") \
	X(dcatapit_Standard, DCATIT_NS_DCATAPIT "Standard") \
	X(dcatapit_LicenseDocument, DCATIT_NS_DCATAPIT "LicenseDocument") \
	X(dcatapit_startDate, DCATIT_NS_DCATAPIT "startDate") \
	X(dcatapit_endDate, DCATIT_NS_DCATAPIT "endDate") \
	X(dct_identifier, DCATIT_NS_DCT "identifier") \
	X(dct_title, DCATIT_NS_DCT "title") \
	X(dct_description, DCATIT_NS_DCT "description") \
	X(dct_issued, DCATIT_NS_DCT "issued") \
	X(dct_created, DCATIT_NS_DCT "created") \
	X(dct_modified, DCATIT_NS_DCT "modified") \
	X(dct_language, DCATIT_NS_DCT "language") \
	X(dct_LinguisticSystem, DCATIT_NS_DCT "LinguisticSystem") \
	X(dct_publisher, DCATIT_NS_DCT "publisher") \
	X(dct_rightsHolder, DCATIT_NS_DCT "rightsHolder") \
	X(dct_creator, DCATIT_NS_DCT "creator") \
	X(dct_subject, DCATIT_NS_DCT "subject") \
	X(dct_spatial, DCATIT_NS_DCT "spatial") \
	X(dct_Location, DCATIT_NS_DCT "Location") \
	X(dct_temporal, DCATIT_NS_DCT "temporal") \
	X(dct_PeriodOfTime, DCATIT_NS_DCT "PeriodOfTime") \
	X(dct_accrualPeriodicity, DCATIT_NS_DCT "accrualPeriodicity") \
	X(dct_Frequency, DCATIT_NS_DCT "Frequency") \
	X(dct_conformsTo, DCATIT_NS_DCT "conformsTo") \
	X(dct_Standard, DCATIT_NS_DCT "Standard") \
	X(dct_type, DCATIT_NS_DCT "type") \
	X(dct_format, DCATIT_NS_DCT "format") \
	X(dct_MediaType, DCATIT_NS_DCT "MediaType") \
	X(dct_MediaTypeOrExtent, DCATIT_NS_DCT "MediaTypeOrExtent") \
	X(dct_license, DCATIT_NS_DCT "license") \
	X(dct_LicenseDocument, DCATIT_NS_DCT "LicenseDocument") \
	X(dct_accessRights, DCATIT_NS_DCT "accessRights") \
	X(dct_RightsStatement, DCATIT_NS_DCT "RightsStatement") \
	X(dct_provenance, DCATIT_NS_DCT "provenance") \
	X(dct_ProvenanceStatement, DCATIT_NS_DCT "ProvenanceStatement") \
	X(dct_source, DCATIT_NS_DCT "source") \
	X(foaf_Agent, DCATIT_NS_FOAF "Agent") \
	X(foaf_Organization, DCATIT_NS_FOAF "Organization") \
	X(foaf_Person, DCATIT_NS_FOAF "Person") \
	X(foaf_Document, DCATIT_NS_FOAF "Document") \
	X(foaf_name, DCATIT_NS_FOAF "name") \
	X(foaf_mbox, DCATIT_NS_FOAF "mbox") \
	X(foaf_phone, DCATIT_NS_FOAF "phone") \
	X(foaf_homepage, DCATIT_NS_FOAF "homepage") \
	X(foaf_page, DCATIT_NS_FOAF "page") \
	X(foaf_primaryTopic, DCATIT_NS_FOAF "primaryTopic") \
	X(foaf_isPrimaryTopicOf, DCATIT_NS_FOAF "isPrimaryTopicOf") \
	X(vcard_Organization, DCATIT_NS_VCARD "Organization") \
	X(vcard_Kind, DCATIT_NS_VCARD "Kind") \
	X(vcard_fn, DCATIT_NS_VCARD "fn") \
	X(vcard_hasEmail, DCATIT_NS_VCARD "hasEmail") \
	X(vcard_hasURL, DCATIT_NS_VCARD "hasURL") \
	X(vcard_hasTelephone, DCATIT_NS_VCARD "hasTelephone") \
	X(vcard_value, DCATIT_NS_VCARD "value") \
	X(vcard_TelephoneType, DCATIT_NS_VCARD "TelephoneType") \
	X(vcard_hasAddress, DCATIT_NS_VCARD "hasAddress") \
	X(vcard_Address, DCATIT_NS_VCARD "Address") \
	X(vcard_street_address, DCATIT_NS_VCARD "street-address") \
	X(vcard_locality, DCATIT_NS_VCARD "locality") \
	X(vcard_region, DCATIT_NS_VCARD "region") \
	X(vcard_postal_code, DCATIT_NS_VCARD "postal-code") \
	X(vcard_country_name, DCATIT_NS_VCARD "country-name") \
	X(locn_geometry, DCATIT_NS_LOCN "geometry") \
	X(locn_address, DCATIT_NS_LOCN "address") \
	X(locn_Address, DCATIT_NS_LOCN "Address") \
	X(locn_thoroughfare, DCATIT_NS_LOCN "thoroughfare") \
	X(locn_postName, DCATIT_NS_LOCN "postName") \
	X(locn_postCode, DCATIT_NS_LOCN "postCode") \
	X(locn_adminUnitL1, DCATIT_NS_LOCN "adminUnitL1") \
	X(locn_adminUnitL2, DCATIT_NS_LOCN "adminUnitL2") \
	X(gsp_wktLiteral, DCATIT_NS_GSP "wktLiteral") \
	X(adms_identifier, DCATIT_NS_ADMS "identifier") \
	X(adms_Identifier, DCATIT_NS_ADMS "Identifier") \
	X(adms_schemaAgency, DCATIT_NS_ADMS "schemaAgency") \
	X(adms_representationTechnique, DCATIT_NS_ADMS "representationTechnique") \
	X(skos_notation, DCATIT_NS_SKOS "notation") \
	X(skos_Concept, DCATIT_NS_SKOS "Concept") \
	X(skos_ConceptScheme, DCATIT_NS_SKOS "ConceptScheme") \
	X(skos_inScheme, DCATIT_NS_SKOS "inScheme") \
	X(skos_prefLabel, DCATIT_NS_SKOS "prefLabel") \
	X(cnt_characterEncoding, "http://www.w3.org/2011/content#characterEncoding") \
	X(prov_Agent, ISO_NS_PROV "Agent") \
	X(prov_Attribution, ISO_NS_PROV "Attribution") \
	X(prov_qualifiedAttribution, ISO_NS_PROV "qualifiedAttribution") \
	X(prov_agent, ISO_NS_PROV "agent") \
	X(prov_Entity, ISO_NS_PROV "Entity") \
	X(prov_Activity, ISO_NS_PROV "Activity") \
	X(prov_wasUsedBy, ISO_NS_PROV "wasUsedBy") \
	X(prov_used, ISO_NS_PROV "used") \
	X(prov_generated, ISO_NS_PROV "generated") \
	X(prov_qualifiedAssociation, ISO_NS_PROV "qualifiedAssociation") \
	X(prov_Association, ISO_NS_PROV "Association") \
	X(prov_hadPlan, ISO_NS_PROV "hadPlan") \
	X(prov_Plan, ISO_NS_PROV "Plan") \
	X(prov_wasDerivedFrom, ISO_NS_PROV "wasDerivedFrom") \
	X(dqv_hasQualityMeasurement, ISO_NS_DQV "hasQualityMeasurement") \
	X(dqv_QualityMeasurement, ISO_NS_DQV "QualityMeasurement") \
	X(dqv_isMeasurementOf, ISO_NS_DQV "isMeasurementOf") \
	X(dqv_value, ISO_NS_DQV "value") \
	X(dqv_Metric, ISO_NS_DQV "Metric") \
	X(sdmx_unitMeasure, "http://purl.org/linked-data/sdmx/2009/attribute#unitMeasure") \
	X(om_metre, "http://www.wurvoc.org/vocabularies/om-1.8/metre") \
	X(geodcat, ISO_NS_GEODCAT) \
	X(geodcat_resourceType, ISO_NS_GEODCAT "resourceType") \
	X(geodcat_topicCategory, ISO_NS_GEODCAT "topicCategory") \
	X(geodcat_referenceSystem, ISO_NS_GEODCAT "referenceSystem") \
	X(geodcat_serviceType, ISO_NS_GEODCAT "serviceType") \
	X(geodcat_serviceCategory, ISO_NS_GEODCAT "serviceCategory") \
	X(geodcat_serviceProtocol, ISO_NS_GEODCAT "serviceProtocol") \
	X(geodcat_purpose, ISO_NS_GEODCAT "purpose") \
	X(geodcat_spatialResolutionAsScale, ISO_NS_GEODCAT "spatialResolutionAsScale") \
	X(geodcat_spatialResolutionAsDistance, ISO_NS_GEODCAT "spatialResolutionAsDistance") \
	X(srs_type, "http://inspire.ec.europa.eu/glossary/SpatialReferenceSystem")

typedef struct {
#define ISO_VOCAB_FIELD(f, iri) DcatitTermId f;
	ISO_VOCAB(ISO_VOCAB_FIELD)
#undef ISO_VOCAB_FIELD
} IsoVocab;

/* Intern the vocabulary into t; false when memory runs out. */
bool iso_vocab_init(IsoVocab *v, DcatitTerms *t);

/* A per-record pool of strings, so that text helpers can return char *
 * freely: an arena for the texts read from the record (one malloc per
 * 16 KiB, not per text: the mapping reads some hundred texts a record) and
 * a list of strings made elsewhere. Reset after each record. */
typedef struct IsoChunk IsoChunk;
typedef struct {
	char **v;
	size_t n, cap;
	IsoChunk *chunks;  /* the arena, newest first */
	bool oom;
} IsoPool;

/* Keep s (owned from now on) in the pool; s itself, NULL when s is NULL
 * or memory runs out (then oom is set and s freed). */
char *iso_pool_keep(IsoPool *p, char *s);
/* n bytes of the arena (pool-owned), NULL on out of memory (oom set). */
char *iso_pool_alloc(IsoPool *p, size_t n);
/* Forget the record's strings, keeping the arena's first chunk. */
void iso_pool_reset(IsoPool *p);
/* Free every string of the pool and reset it. */
void iso_pool_free(IsoPool *p);

/* An agent already written, so that one party named twice gives one node. */
typedef struct {
	const char *role, *name, *email;
	DcatitTermId node;
} IsoSeen;

/* A PT_Locale of the record: its id ("EN") and the language tag. */
typedef struct {
	const char *id;
	const char *tag;
} IsoLocale;

/* The state of one record's mapping. */
typedef struct {
	DcatitModel *m;          /* the record's model (output) */
	DcatitTerms *t;
	IsoVocab v;
	uint32_t src;            /* source id of the document in m */
	const DcatitIsoOpts *o;
	IsoPool pool;
	bool oom;
	const char *tag;        /* language tag of the metadata, NULL: none */
	IsoLocale locales[16];  /* the record's other locales */
	size_t nlocales;
	const char *ipa;        /* rights holder IPA code, NULL: unknown */
	char *res_iri;          /* dataset or service IRI (pool) */
	DcatitTermId res;       /* the dataset / service node */
	DcatitTermId record;    /* the dcat:CatalogRecord node */
	bool service;
	unsigned ndist, nsvc;
	IsoSeen seen[64];
	size_t nseen;
	DcatitTermId lic;       /* licence node, made by licence() */
	const char *lic_code;   /* known licence (licences vocabulary code) */
	const IsoNode *lic_at;
	const char *lic_href;   /* else a licence IRI given by the record */
	const IsoNode *lic_href_at;
	const IsoNode *lic_text[16]; /* else the texts of a licence document */
	size_t nlic_text;
	DcatitTermId rights;    /* the access rights, also of each distribution */
	const char *filetype;   /* the single known file type, NULL: none/many */
	const char *media;      /* the single known media type IRI, NULL: none/many */
	DcatitTermId reptech[8]; /* spatial representation types */
	size_t nreptech;
	const char *charset;    /* the resource's character set (IANA name) */
	double west, east;      /* the first bounding box (-1000: none) */
	bool has_theme;
	const char *landing;    /* the dcat:landingPage, NULL: none */
	const IsoNode *landing_at;
	bool hvd;               /* the record names the HVD regulation */
} IsoMap;

/* ---- text (map.c) */

typedef enum { ISO_WS_TRIM, ISO_WS_COLLAPSE, ISO_WS_REMOVE } IsoWs;

/* Normalise the whitespace of s in place; s. */
char *iso_ws(char *s, IsoWs mode);
/* Normalised text of n (pool), NULL when empty. */
char *iso_text(IsoMap *x, const IsoNode *n, IsoWs mode);
/* Value of an ISO property element: the text of its value child
 * (gco:CharacterString, gmx:Anchor, gmd:URL, gco:Date, ...), else its own
 * text (pool), NULL when empty. */
char *iso_prop(IsoMap *x, const IsoNode *n, IsoWs mode);
/* An attribute of n, normalised (pool), NULL when absent or empty. */
char *iso_attr(IsoMap *x, const IsoNode *n, const char *name, const char *ns,
               IsoWs mode);
/* A code list value: codeListValue of the first element child, else its
 * text (pool), NULL when none. */
char *iso_code(IsoMap *x, const IsoNode *propn);
/* xlink:href of the value child (gmx:Anchor) or of the property itself
 * (pool), NULL when none. */
char *iso_href(IsoMap *x, const IsoNode *propn);
/* Add s p "text of propn"@metadata-language and one literal per
 * PT_FreeText translation, tagged with its locale's language (a
 * translation in the metadata language itself is left out). mode as for
 * iso_prop. Returns whether anything was added. */
bool iso_add_text(IsoMap *x, DcatitTermId s, DcatitTermId p, const IsoNode *propn,
                  IsoWs mode);
/* The language tag of a PT_FreeText locale reference ("#EN"), NULL when
 * unknown. */
const char *iso_locale_tag(IsoMap *x, const char *ref);
/* True the first time (key, a, b) is seen in this record (strings
 * borrowed, NULL matching NULL), false after; true too when the record's
 * table is full (a repeat is then written again, which is harmless). */
bool iso_once(IsoMap *x, const char *key, const char *a, const char *b);
/* Case-insensitive equality; false when either is NULL. */
bool iso_ieq(const char *a, const char *b);
/* Are the n bytes at s all ASCII digits? */
bool iso_digits(const char *s, size_t n);
/* Is s an absolute IRI that can be written as such (scheme, no spaces)? */
bool iso_iri_ok(const char *s);

/* ---- triples (map.c) */

/* Add s p o located at the line of at; a 0 term or a failure sets oom. */
void iso_add(IsoMap *x, DcatitTermId s, DcatitTermId p, DcatitTermId o,
             const IsoNode *at);
/* Add rdf:type a, and rdf:type b when b is not 0. */
void iso_type2(IsoMap *x, DcatitTermId s, DcatitTermId a, DcatitTermId b,
               const IsoNode *at);
/* Intern an IRI (0 on failure). */
DcatitTermId iso_iri(IsoMap *x, const char *s);
/* Intern the IRI base + s (0 on failure). */
DcatitTermId iso_iri2(IsoMap *x, const char *base, const char *s);
/* Intern a plain or language-tagged literal (0 on failure). */
DcatitTermId iso_lit(IsoMap *x, const char *s, const char *tag);
/* A fresh blank node (0 on failure). */
DcatitTermId iso_bnode(IsoMap *x);
/* An xsd:date or xsd:dateTime literal from an ISO date (basic YYYYMMDD is
 * rewritten YYYY-MM-DD); 0 when the text is no full date. */
DcatitTermId iso_date_lit(IsoMap *x, const char *s);
/* Append s percent-encoded for an IRI path segment (':' too). */
void iso_pct(DcatitBuf *b, const char *s);
/* Is s an http(s) IRI that can be written as such? */
bool iso_http(const char *s);
/* Add s rdf:type t (for the IRIs the mapping points to: a language, a
 * frequency; a type added twice is dropped when the model is frozen). */
void iso_type_iri(IsoMap *x, DcatitTermId s, DcatitTermId t, const IsoNode *at);

/* ---- the concerns, each on the identification info or the record */

/* Responsible parties of the resource -> publisher, rights holder,
 * creators, contact points, qualified attributions (agents.c). */
void iso_map_parties(IsoMap *x, const IsoNode *ident);
/* The metadata point of contact -> the record's contact point and
 * attribution (agents.c). */
void iso_map_md_contact(IsoMap *x, const IsoNode *md);
/* The distributors of distributionInfo: qualified attributions with the
 * role distributor (GeoDCAT-AP). */
void iso_map_distributors(IsoMap *x, const IsoNode *md);
/* An agent for a DCAT-AP_IT role with this name and IPA code, once per
 * (role, name) (agents.c). */
void iso_map_agent(IsoMap *x, DcatitTermId p, const char *role, const char *name,
                   const char *ipa, const IsoNode *at);
/* Has an agent with this role been written? (agents.c) */
bool iso_has_role(IsoMap *x, const char *role);
/* Keywords -> keywords, themes, subjects, HVD categories, legislation
 * (keywords.c). */
void iso_map_keywords(IsoMap *x, const IsoNode *ident);
/* Topic categories -> subjects, and a theme when no keyword gave one
 * (keywords.c). */
void iso_map_topics(IsoMap *x, const IsoNode *ident);
/* Bounding boxes, geographic identifiers and temporal extents
 * (extent.c). */
void iso_map_extents(IsoMap *x, const IsoNode *ident);
/* Reference systems -> EPSG standards (extent.c). */
void iso_map_refsys(IsoMap *x, const IsoNode *md);
/* Spatial resolution as a distance and as a scale (extent.c). */
void iso_map_resolution(IsoMap *x, const IsoNode *ident);
/* Use and access constraints -> licence, access rights (dist.c). */
void iso_map_constraints(IsoMap *x, const IsoNode *ident);
/* Online resources -> distributions, services, pages (dist.c). */
void iso_map_distributions(IsoMap *x, const IsoNode *md);
/* A service record's type, operations and coupled datasets (dist.c). */
void iso_map_service(IsoMap *x, const IsoNode *ident);
/* Conformity reports -> conformsTo and their degree; lineage
 * (quality.c). */
void iso_map_quality(IsoMap *x, const IsoNode *md);

/* Map one record subtree into x->m (map.c); the status is DCATIT_OK or
 * DCATIT_ERR_NOMEM (in d). *id is the record id (pool, or buf). */
DcatitStatus iso_map_record(IsoMap *x, const IsoNode *md, const char *docname,
                            const char **id, char *idbuf, size_t idcap,
                            DcatitDiag *d);

#endif
