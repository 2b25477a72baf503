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
#define ISO_DEFAULT_BASE "urn:dcatit:csw:"

/* X(field, IRI): the terms the mapping writes, interned per document. */
#define ISO_VOCAB(X) \
	X(rdf_type, DCATIT_NS_RDF "type") \
	X(rdfs_label, DCATIT_NS_RDFS "label") \
	X(xsd_date, DCATIT_NS_XSD "date") \
	X(xsd_dateTime, DCATIT_NS_XSD "dateTime") \
	X(dcat_Dataset, DCATIT_NS_DCAT "Dataset") \
	X(dcat_DataService, DCATIT_NS_DCAT "DataService") \
	X(dcat_Distribution, DCATIT_NS_DCAT "Distribution") \
	X(dcat_CatalogRecord, DCATIT_NS_DCAT "CatalogRecord") \
	X(dcat_distribution, DCATIT_NS_DCAT "distribution") \
	X(dcat_accessURL, DCATIT_NS_DCAT "accessURL") \
	X(dcat_downloadURL, DCATIT_NS_DCAT "downloadURL") \
	X(dcat_accessService, DCATIT_NS_DCAT "accessService") \
	X(dcat_endpointURL, DCATIT_NS_DCAT "endpointURL") \
	X(dcat_endpointDescription, DCATIT_NS_DCAT "endpointDescription") \
	X(dct_created, DCATIT_NS_DCT "created") \
	X(dcat_servesDataset, DCATIT_NS_DCAT "servesDataset") \
	X(dcat_keyword, DCATIT_NS_DCAT "keyword") \
	X(dcat_theme, DCATIT_NS_DCAT "theme") \
	X(dcat_contactPoint, DCATIT_NS_DCAT "contactPoint") \
	X(dcat_bbox, DCATIT_NS_DCAT "bbox") \
	X(dcat_startDate, DCATIT_NS_DCAT "startDate") \
	X(dcat_endDate, DCATIT_NS_DCAT "endDate") \
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
	X(dct_modified, DCATIT_NS_DCT "modified") \
	X(dct_language, DCATIT_NS_DCT "language") \
	X(dct_publisher, DCATIT_NS_DCT "publisher") \
	X(dct_rightsHolder, DCATIT_NS_DCT "rightsHolder") \
	X(dct_creator, DCATIT_NS_DCT "creator") \
	X(dct_subject, DCATIT_NS_DCT "subject") \
	X(dct_spatial, DCATIT_NS_DCT "spatial") \
	X(dct_Location, DCATIT_NS_DCT "Location") \
	X(dct_temporal, DCATIT_NS_DCT "temporal") \
	X(dct_PeriodOfTime, DCATIT_NS_DCT "PeriodOfTime") \
	X(dct_accrualPeriodicity, DCATIT_NS_DCT "accrualPeriodicity") \
	X(dct_conformsTo, DCATIT_NS_DCT "conformsTo") \
	X(dct_Standard, DCATIT_NS_DCT "Standard") \
	X(dct_type, DCATIT_NS_DCT "type") \
	X(dct_format, DCATIT_NS_DCT "format") \
	X(dct_license, DCATIT_NS_DCT "license") \
	X(dct_LicenseDocument, DCATIT_NS_DCT "LicenseDocument") \
	X(dct_accessRights, DCATIT_NS_DCT "accessRights") \
	X(dct_RightsStatement, DCATIT_NS_DCT "RightsStatement") \
	X(dct_provenance, DCATIT_NS_DCT "provenance") \
	X(dct_ProvenanceStatement, DCATIT_NS_DCT "ProvenanceStatement") \
	X(foaf_Agent, DCATIT_NS_FOAF "Agent") \
	X(foaf_name, DCATIT_NS_FOAF "name") \
	X(foaf_page, DCATIT_NS_FOAF "page") \
	X(foaf_primaryTopic, DCATIT_NS_FOAF "primaryTopic") \
	X(vcard_Organization, DCATIT_NS_VCARD "Organization") \
	X(vcard_Kind, DCATIT_NS_VCARD "Kind") \
	X(vcard_fn, DCATIT_NS_VCARD "fn") \
	X(vcard_hasEmail, DCATIT_NS_VCARD "hasEmail") \
	X(vcard_hasURL, DCATIT_NS_VCARD "hasURL") \
	X(vcard_hasTelephone, DCATIT_NS_VCARD "hasTelephone") \
	X(vcard_value, DCATIT_NS_VCARD "value") \
	X(vcard_TelephoneType, DCATIT_NS_VCARD "TelephoneType") \
	X(locn_geometry, DCATIT_NS_LOCN "geometry") \
	X(gsp_wktLiteral, DCATIT_NS_GSP "wktLiteral") \
	X(dcat_spatialResolutionInMeters, DCATIT_NS_DCAT "spatialResolutionInMeters") \
	X(xsd_decimal, DCATIT_NS_XSD "decimal") \
	X(adms_identifier, DCATIT_NS_ADMS "identifier") \
	X(adms_Identifier, DCATIT_NS_ADMS "Identifier") \
	X(adms_schemaAgency, DCATIT_NS_ADMS "schemaAgency") \
	X(skos_notation, DCATIT_NS_SKOS "notation") \
	X(srs_type, "http://inspire.ec.europa.eu/glossary/SpatialReferenceSystem")

typedef struct {
#define ISO_VOCAB_FIELD(f, iri) DcatitTermId f;
	ISO_VOCAB(ISO_VOCAB_FIELD)
#undef ISO_VOCAB_FIELD
} IsoVocab;

/* Intern the vocabulary into t; false when memory runs out. */
bool iso_vocab_init(IsoVocab *v, DcatitTerms *t);

/* A per-record pool of strings, so that text helpers can return char *
 * freely; released after each record. */
typedef struct {
	char **v;
	size_t n, cap;
	bool oom;
} IsoPool;

/* Keep s (owned from now on) in the pool; s itself, NULL when s is NULL
 * or memory runs out (then oom is set and s freed). */
char *iso_pool_keep(IsoPool *p, char *s);
/* Free every string of the pool and reset it. */
void iso_pool_free(IsoPool *p);

/* An agent already written, so that one party named twice gives one node. */
typedef struct {
	const char *role, *name, *email;
	DcatitTermId node;
} IsoSeen;

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
	const char *ipa;        /* rights holder IPA code, NULL: unknown */
	char *res_iri;          /* dataset or service IRI (pool) */
	DcatitTermId res;       /* the dataset / service node */
	bool service;
	unsigned ndist, nsvc;
	IsoSeen seen[64];
	size_t nseen;
	DcatitTermId lic;       /* licence node, made by iso_licence() */
	const char *lic_code;   /* known licence (licences vocabulary code) */
	const IsoNode *lic_at;
	const char *lic_href;   /* else a licence IRI given by the record */
	const IsoNode *lic_href_at;
	const char *lic_text[16]; /* else the texts of a licence document */
	const IsoNode *lic_text_at[16];
	size_t nlic_text;
	const char *format;     /* the single known file type, NULL: none/many */
	bool has_theme;
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
/* Case-insensitive equality; false when either is NULL. */
bool iso_ieq(const char *a, const char *b);
/* Does hay contain needle, ignoring case? false when hay is NULL. */
bool iso_icontains(const char *hay, const char *needle);
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

/* ---- the concerns, each on the identification info or the record */

/* Responsible parties -> publisher, rights holder, creators, contact
 * points (agents.c). */
void iso_map_parties(IsoMap *x, const IsoNode *ident);
/* An agent for role with this name and IPA code, once per (role, name)
 * (agents.c). */
void iso_map_agent(IsoMap *x, DcatitTermId p, const char *role, const char *name,
                   const char *ipa, const IsoNode *at);
/* Has an agent with this role been written? (agents.c) */
bool iso_has_role(IsoMap *x, const char *role);
/* Keywords and topic categories -> keywords, themes, subjects
 * (keywords.c). */
void iso_map_keywords(IsoMap *x, const IsoNode *ident);
/* Topic categories -> subjects, and a theme when no keyword gave one
 * (keywords.c). */
void iso_map_topics(IsoMap *x, const IsoNode *ident);
/* Bounding boxes and periods (extent.c). */
void iso_map_extents(IsoMap *x, const IsoNode *ident);
/* Reference systems -> EPSG standards (extent.c). */
void iso_map_refsys(IsoMap *x, const IsoNode *md);
/* Spatial resolution as a distance in metres (extent.c). */
void iso_map_resolution(IsoMap *x, const IsoNode *ident);
/* Use and access constraints -> licence, access rights (dist.c). */
void iso_map_constraints(IsoMap *x, const IsoNode *ident);
/* Online resources -> distributions, services, pages (dist.c). */
void iso_map_distributions(IsoMap *x, const IsoNode *md);
/* A service record's type, operations and coupled datasets (dist.c). */
void iso_map_service(IsoMap *x, const IsoNode *ident);

/* Map one record subtree into x->m (map.c); the status is DCATIT_OK or
 * DCATIT_ERR_NOMEM (in d). *id is the record id (pool, or buf). */
DcatitStatus iso_map_record(IsoMap *x, const IsoNode *md, const char *docname,
                            const char **id, char *idbuf, size_t idcap,
                            DcatitDiag *d);

#endif
