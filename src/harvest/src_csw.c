/* src_csw.c: CSW 2.0.2 harvesting and the ISO 19139 / RNDT -> DCAT-AP_IT +
 * GeoDCAT-AP mapping. The only libxml2 user: documents are parsed from
 * memory with no network, no DTD loading and no entity substitution, and a
 * document that declares entities is refused before any mapping. Element
 * names are matched by local name so gmd, gmi, srv and RNDT profiles of
 * ISO 19139 read alike; the mapping rules are reviewed in
 * tests/harvest_csw/REVIEW.md. */
#include "harvest/src_csw.h"

#include <ctype.h>
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "rdf/cvocab.h"
#include "rdf/vocab.h"
#include "base/str.h"

#define EPSG "http://www.opengis.net/def/crs/EPSG/0/"

#define NS_XLINK "http://www.w3.org/1999/xlink"

/* 50 records a page is GeoNetwork's own default for its UI; 500 keeps one
 * answer of full ISO records well under the HTTP body cap. */
#define DEFAULT_PAGE 50
#define MAX_PAGE 500
#define DEFAULT_MAX_PAGES 10000

/* X(field, IRI): the terms the mapping writes, interned per document. */
#define CSW_VOCAB(X) \
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
#define CV_FIELD(f, iri) DcatitTermId f;
	CSW_VOCAB(CV_FIELD)
#undef CV_FIELD
} V;

static bool vocab(V *v, DcatitTerms *t)
{
#define CV_INTERN(f, iri) if (!(v->f = dcatit_terms_iri_z(t, iri))) return false;
	CSW_VOCAB(CV_INTERN)
#undef CV_INTERN
	return true;
}

/* ------------------------------------------------------------ XML helpers */

static const char *lname(const xmlNode *n)
{
	return n && n->name ? (const char *)n->name : "";
}

static bool is_el(const xmlNode *n, const char *local)
{
	return n && n->type == XML_ELEMENT_NODE && strcmp(lname(n), local) == 0;
}

/* First element child named local (any namespace). */
static xmlNode *kid(const xmlNode *n, const char *local)
{
	if (!n)
		return NULL;
	for (xmlNode *c = n->children; c; c = c->next)
		if (is_el(c, local))
			return c;
	return NULL;
}

/* Next sibling element named like n. */
static xmlNode *next_same(const xmlNode *n)
{
	for (xmlNode *c = n->next; c; c = c->next)
		if (is_el(c, lname(n)))
			return c;
	return NULL;
}

static xmlNode *first_el(const xmlNode *n)
{
	if (!n)
		return NULL;
	for (xmlNode *c = n->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return c;
	return NULL;
}

/* Walk "a/b/c" by first matches. */
static xmlNode *path(const xmlNode *n, const char *p)
{
	char seg[64];
	const xmlNode *cur = n;
	while (cur && *p) {
		size_t k = strcspn(p, "/");
		if (k >= sizeof seg)
			return NULL;
		memcpy(seg, p, k);
		seg[k] = '\0';
		cur = kid(cur, seg);
		p += k;
		if (*p == '/')
			p++;
	}
	return (xmlNode *)cur;
}

#define FOR_KIDS(var, parent, local) \
	for (xmlNode *var = kid(parent, local); var; var = next_same(var))

/* Text of the direct text and CDATA children of n, never of entity
 * references (they are not substituted, and their content is not read). */
static void raw_text(const xmlNode *n, DcatitBuf *b)
{
	for (xmlNode *c = n ? n->children : NULL; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content)
			dcatit_buf_adds(b, (const char *)c->content);
}

typedef enum { WS_TRIM, WS_COLLAPSE, WS_REMOVE } WsMode;

/* Normalise whitespace of s in place. */
static char *ws(char *s, WsMode mode)
{
	char *w = s;
	bool space = false;
	for (const char *r = s; *r; r++) {
		if (isspace((unsigned char)*r)) {
			if (mode == WS_TRIM)
				*w++ = *r;
			else
				space = mode == WS_COLLAPSE;
			continue;
		}
		if (space && w != s)
			*w++ = ' ';
		space = false;
		*w++ = *r;
	}
	*w = '\0';
	if (mode == WS_TRIM) {
		while (w > s && isspace((unsigned char)w[-1]))
			*--w = '\0';
		size_t lead = strspn(s, " \t\r\n");
		if (lead)
			memmove(s, s + lead, strlen(s + lead) + 1);
	}
	return s;
}

/* A per-document pool of strings so helpers can return char * freely. */
typedef struct {
	char **v;
	size_t n, cap;
	bool oom;
} Pool;

static char *pool_keep(Pool *p, char *s)
{
	if (!s) {
		p->oom = true;
		return NULL;
	}
	char **nv = dcatit_grow(p->v, &p->cap, p->n + 1, sizeof *nv, 64);
	if (!nv) {
		free(s);
		p->oom = true;
		return NULL;
	}
	p->v = nv;
	p->v[p->n++] = s;
	return s;
}

static void pool_free(Pool *p)
{
	for (size_t i = 0; i < p->n; i++)
		free(p->v[i]);
	free(p->v);
	memset(p, 0, sizeof *p);
}

/* Normalised text of n, NULL when empty. */
static char *text(Pool *p, const xmlNode *n, WsMode mode)
{
	if (!n)
		return NULL;
	DcatitBuf b;
	dcatit_buf_init(&b);
	raw_text(n, &b);
	if (b.oom) {
		dcatit_buf_release(&b);
		p->oom = true;
		return NULL;
	}
	if (!b.len) {
		dcatit_buf_release(&b);
		return NULL;
	}
	char *s = pool_keep(p, ws(dcatit_buf_detach(&b), mode));
	return s && *s ? s : NULL;
}

/* Value of an ISO property element: the text of its value child
 * (gco:CharacterString, gmx:Anchor, gmd:URL, gco:Date, ...), else its own
 * text. */
static char *prop(Pool *p, const xmlNode *n, WsMode mode)
{
	if (!n)
		return NULL;
	xmlNode *c = first_el(n);
	if (c && is_el(c, "PT_FreeText"))
		c = NULL;
	char *s = text(p, c ? c : n, mode);
	if (!s && c)
		s = text(p, n, mode);
	return s;
}

static char *attr(Pool *p, const xmlNode *n, const char *name, const char *ns,
                  WsMode mode)
{
	if (!n)
		return NULL;
	xmlChar *v = ns ? xmlGetNsProp(n, (const xmlChar *)name, (const xmlChar *)ns)
	                : xmlGetNoNsProp(n, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = strdup((const char *)v);
	xmlFree(v);
	s = pool_keep(p, s);
	if (!s)
		return NULL;
	ws(s, mode);
	return *s ? s : NULL;
}

/* A code list value: codeListValue of the first element child, else its
 * text (e.g. <gmd:MD_TopicCategoryCode>health</...>). */
static char *code(Pool *p, const xmlNode *propn)
{
	xmlNode *c = first_el(propn);
	if (!c)
		return NULL;
	char *s = attr(p, c, "codeListValue", NULL, WS_REMOVE);
	return s ? s : text(p, c, WS_REMOVE);
}

/* xlink:href of the value child (gmx:Anchor) or of the property itself. */
static char *href(Pool *p, const xmlNode *propn)
{
	char *s = attr(p, first_el(propn), "href", NS_XLINK, WS_REMOVE);
	return s ? s : attr(p, propn, "href", NS_XLINK, WS_REMOVE);
}

static uint32_t line_of(const xmlNode *n)
{
	long l = n ? xmlGetLineNo(n) : 0;
	return l > 0 && (unsigned long)l <= UINT32_MAX ? (uint32_t)l : 0;
}

static bool ieq(const char *a, const char *b)
{
	return a && b && strcasecmp(a, b) == 0;
}

static bool icontains(const char *hay, const char *needle)
{
	if (!hay)
		return false;
	size_t n = strlen(needle);
	for (const char *h = hay; *h; h++)
		if (strncasecmp(h, needle, n) == 0)
			return true;
	return false;
}

/* ------------------------------------------------------------ code tables */

typedef struct {
	const char *iso;  /* ISO 639-2 (B or T) or 639-1 code */
	const char *tag;  /* BCP 47 tag for literals */
	const char *eu;   /* EU language authority code */
} Lang;

static const Lang langs[] = {
	{"ita", "it", "ITA"}, {"it", "it", "ITA"}, {"eng", "en", "ENG"},
	{"en", "en", "ENG"}, {"ger", "de", "DEU"}, {"deu", "de", "DEU"},
	{"de", "de", "DEU"}, {"fre", "fr", "FRA"}, {"fra", "fr", "FRA"},
	{"fr", "fr", "FRA"}, {"dut", "nl", "NLD"}, {"nld", "nl", "NLD"},
	{"nl", "nl", "NLD"}, {"spa", "es", "SPA"}, {"es", "es", "SPA"},
	{"por", "pt", "POR"}, {"slv", "sl", "SLV"}, {"slo", "sk", "SLK"},
	{"slk", "sk", "SLK"}, {"cze", "cs", "CES"}, {"ces", "cs", "CES"},
	{"pol", "pl", "POL"}, {"gre", "el", "ELL"}, {"ell", "el", "ELL"},
	{"swe", "sv", "SWE"}, {"dan", "da", "DAN"}, {"fin", "fi", "FIN"},
	{"est", "et", "EST"}, {"lav", "lv", "LAV"}, {"lit", "lt", "LIT"},
	{"hun", "hu", "HUN"}, {"rum", "ro", "RON"}, {"ron", "ro", "RON"},
	{"bul", "bg", "BUL"}, {"hrv", "hr", "HRV"}, {"gle", "ga", "GLE"},
	{"mlt", "mt", "MLT"}, {"ltz", "lb", "LTZ"}, {"cat", "ca", "CAT"},
	{"nor", "no", "NOR"}, {"slv", "sl", "SLV"},
};

static const Lang *find_lang(const char *c)
{
	if (!c)
		return NULL;
	for (size_t i = 0; i < sizeof langs / sizeof *langs; i++)
		if (ieq(langs[i].iso, c))
			return &langs[i];
	return NULL;
}

/* ISO MD_MaintenanceFrequencyCode -> EU frequency. "biannually" is twice a
 * year (ANNUAL_2), not every two years (BIENNIAL). */
static const char *const freqs[][2] = {
	{"continual", "CONT"}, {"daily", "DAILY"}, {"weekly", "WEEKLY"},
	{"fortnightly", "BIWEEKLY"}, {"monthly", "MONTHLY"},
	{"quarterly", "QUARTERLY"}, {"biannually", "ANNUAL_2"},
	{"annually", "ANNUAL"}, {"asNeeded", "IRREG"}, {"irregular", "IRREG"},
	{"notPlanned", "NEVER"}, {"unknown", "UNKNOWN"},
};

/* INSPIRE Annex themes: code, English and Italian names, EU data theme. */
typedef struct {
	const char *code, *en, *it, *theme;
} Inspire;

static const Inspire inspire[] = {
	{"ac", "Atmospheric conditions", "Condizioni atmosferiche", "ENVI"},
	{"ad", "Addresses", "Indirizzi", "REGI"},
	{"af", "Agricultural and aquaculture facilities", "Impianti agricoli e di acquacoltura", "AGRI"},
	{"am", "Area management/restriction/regulation zones and reporting units",
	 "Zone sottoposte a gestione/limitazioni/regolamentazione e unità con obbligo di comunicare dati", "ENVI"},
	{"au", "Administrative units", "Unità amministrative", "REGI"},
	{"br", "Bio-geographical regions", "Regioni biogeografiche", "ENVI"},
	{"bu", "Buildings", "Edifici", "REGI"},
	{"cp", "Cadastral parcels", "Parcelle catastali", "REGI"},
	{"ef", "Environmental monitoring facilities", "Impianti di monitoraggio ambientale", "ENVI"},
	{"el", "Elevation", "Elevazione", "ENVI"},
	{"er", "Energy resources", "Risorse energetiche", "ENER"},
	{"ge", "Geology", "Geologia", "ENVI"},
	{"gg", "Geographical grid systems", "Sistemi di griglie geografiche", "TECH"},
	{"gn", "Geographical names", "Nomi geografici", "REGI"},
	{"hb", "Habitats and biotopes", "Habitat e biotopi", "ENVI"},
	{"hh", "Human health and safety", "Salute umana e sicurezza", "HEAL"},
	{"hy", "Hydrography", "Idrografia", "ENVI"},
	{"lc", "Land cover", "Copertura del suolo", "ENVI"},
	{"lu", "Land use", "Utilizzo del territorio", "REGI"},
	{"mf", "Meteorological geographical features", "Elementi geografici meteorologici", "ENVI"},
	{"mr", "Mineral resources", "Risorse minerarie", "ECON"},
	{"nz", "Natural risk zones", "Zone a rischio naturale", "ENVI"},
	{"of", "Oceanographic geographical features", "Elementi geografici oceanografici", "ENVI"},
	{"oi", "Orthoimagery", "Orto immagini", "REGI"},
	{"pd", "Population distribution - demography", "Distribuzione della popolazione - demografia", "SOCI"},
	{"pf", "Production and industrial facilities", "Produzione e impianti industriali", "ECON"},
	{"ps", "Protected sites", "Siti protetti", "ENVI"},
	{"rs", "Coordinate reference systems", "Sistemi di coordinate", "TECH"},
	{"sd", "Species distribution", "Distribuzione delle specie", "ENVI"},
	{"so", "Soil", "Suolo", "ENVI"},
	{"sr", "Sea regions", "Regioni marine", "ENVI"},
	{"su", "Statistical units", "Unità statistiche", "REGI"},
	{"tn", "Transport networks", "Reti di trasporto", "TRAN"},
	{"us", "Utility and governmental services", "Servizi di pubblica utilità e servizi amministrativi", "GOVE"},
};

/* Compare theme names ignoring case, spaces, and dash/slash variants. */
static bool name_eq(const char *a, const char *b)
{
	for (;;) {
		while (*a && !isalnum((unsigned char)*a) && (unsigned char)*a < 0x80)
			a++;
		while (*b && !isalnum((unsigned char)*b) && (unsigned char)*b < 0x80)
			b++;
		if (!*a || !*b)
			return !*a && !*b;
		if (tolower((unsigned char)*a) != tolower((unsigned char)*b))
			return false;
		a++;
		b++;
	}
}

/* An INSPIRE theme from a keyword text or an Anchor href
 * (http://inspire.ec.europa.eu/theme/hy). */
static const Inspire *find_inspire(const char *kw, const char *hr)
{
	for (size_t i = 0; i < sizeof inspire / sizeof *inspire; i++) {
		const Inspire *t = &inspire[i];
		if (hr && icontains(hr, "inspire.ec.europa.eu/theme/")) {
			const char *c = strstr(hr, "/theme/") + 7;
			if (strncasecmp(c, t->code, 2) == 0 && !isalnum((unsigned char)c[2]))
				return t;
		}
		if (kw && (name_eq(kw, t->en) || name_eq(kw, t->it)))
			return t;
	}
	return NULL;
}

static const char *const data_themes[] = {
	"AGRI", "ECON", "EDUC", "ENER", "ENVI", "GOVE", "HEAL", "INTR", "JUST",
	"OP_DATPRO", "REGI", "SOCI", "TECH", "TRAN",
};

/* ISO topic categories -> EU data theme, used only when no keyword gave a
 * theme (the documented default). */
static const char *const topic_themes[][2] = {
	{"farming", "AGRI"}, {"biota", "ENVI"}, {"boundaries", "REGI"},
	{"climatologyMeteorologyAtmosphere", "ENVI"}, {"economy", "ECON"},
	{"elevation", "ENVI"}, {"environment", "ENVI"},
	{"geoscientificInformation", "TECH"}, {"health", "HEAL"},
	{"imageryBaseMapsEarthCover", "REGI"}, {"intelligenceMilitary", "JUST"},
	{"inlandWaters", "ENVI"}, {"location", "REGI"}, {"oceans", "ENVI"},
	{"planningCadastre", "REGI"}, {"society", "SOCI"}, {"structure", "REGI"},
	{"transportation", "TRAN"}, {"utilitiesCommunication", "ENER"},
	{"extraTerrestrial", "TECH"}, {"disaster", "ENVI"},
};

typedef struct {
	const char *name, *code;
} Fmt;

/* Distribution format names seen in ISO records -> EU file type. */
static const Fmt formats[] = {
	{"shp", "SHP"}, {"shapefile", "SHP"}, {"esri shapefile", "SHP"},
	{"shape", "SHP"}, {"gml", "GML"}, {"kml", "KML"}, {"kmz", "KMZ"},
	{"geotiff", "TIFF"}, {"tiff", "TIFF"}, {"tif", "TIFF"},
	{"csv", "CSV"}, {"json", "JSON"}, {"geojson", "GEOJSON"},
	{"pdf", "PDF"}, {"zip", "ZIP"}, {"xml", "XML"}, {"ecw", "ECW"},
	{"dxf", "DXF"}, {"dwg", "DWG"}, {"jpeg", "JPEG"}, {"jpg", "JPEG"},
	{"png", "PNG"}, {"gpkg", "GPKG"}, {"geopackage", "GPKG"},
	{"netcdf", "NETCDF"}, {"ascii grid", "GRID_ASCII"}, {"html", "HTML"},
	{"xls", "XLS"}, {"xlsx", "XLSX"}, {"mrsid", "MRSID"},
	{"jpeg2000", "JPEG2000"}, {"jp2", "JPEG2000"}, {"dbf", "DBF"},
	{"e00", "E00"}, {"las", "LAS"}, {"laz", "LAZ"},
};

static const char *find_format(const char *name)
{
	if (!name)
		return NULL;
	for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
		if (ieq(formats[i].name, name))
			return formats[i].code;
	/* "GML 3.2.1", "ESRI Shapefile (SHP)": the leading word decides */
	size_t k = strcspn(name, " (");
	if (k && k < strlen(name))
		for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
			if (strlen(formats[i].name) == k &&
			    strncasecmp(formats[i].name, name, k) == 0)
				return formats[i].code;
	return NULL;
}

/* OGC service kinds: protocol marker, standard IRI, EU file type. */
typedef struct {
	const char *kind, *standard, *filetype;
} Ogc;

static const Ogc ogcs[] = {
	{"WMS", "http://www.opengis.net/def/serviceType/ogc/wms", "WMS_SRVC"},
	{"WFS", "http://www.opengis.net/def/serviceType/ogc/wfs", "WFS_SRVC"},
	{"WCS", "http://www.opengis.net/def/serviceType/ogc/wcs", "WCS_SRVC"},
	{"WMTS", "http://www.opengis.net/def/serviceType/ogc/wmts", NULL},
	{"CSW", "http://www.opengis.net/def/serviceType/ogc/csw", NULL},
	{"SOS", "http://www.opengis.net/def/serviceType/ogc/sos", NULL},
	{"WPS", "http://www.opengis.net/def/serviceType/ogc/wps", NULL},
};

static const char *const ogc_long[] = {
	"Web Map Service", "Web Feature Service", "Web Coverage Service",
	"Web Map Tile Service", "Catalogue Service", "Sensor Observation Service",
	"Web Processing Service",
};

/* The OGC service an online resource points to, from its protocol
 * ("OGC:WMS", "OGC:WMS-1.3.0-http-get-map", "WMS", "OGC Web Map Service")
 * or, failing that, a service= parameter in its URL. */
static const Ogc *find_ogc(const char *protocol, const char *url)
{
	for (size_t i = 0; i < sizeof ogcs / sizeof *ogcs; i++) {
		const char *k = ogcs[i].kind;
		size_t n = strlen(k);
		if (protocol) {
			const char *p = protocol;
			if (strncasecmp(p, "OGC:", 4) == 0)
				p += 4;
			if (strncasecmp(p, k, n) == 0 && !isalpha((unsigned char)p[n]))
				return &ogcs[i];
			if (icontains(protocol, ogc_long[i]))
				return &ogcs[i];
		}
	}
	if (url) {
		const char *q = strchr(url, '?');
		for (size_t i = 0; q && i < sizeof ogcs / sizeof *ogcs; i++) {
			char pat[16];
			snprintf(pat, sizeof pat, "service=%s", ogcs[i].kind);
			const char *h = q + 1;
			size_t n = strlen(pat);
			for (; *h; h++)
				if ((h[-1] == '?' || h[-1] == '&') && strncasecmp(h, pat, n) == 0 &&
				    (h[n] == '\0' || h[n] == '&'))
					return &ogcs[i];
		}
	}
	return NULL;
}

typedef struct {
	const char *needle, *code; /* a case-insensitive text or URL fragment */
} Lic;

/* Licence texts and URLs -> Italian licences vocabulary. More specific
 * entries first (BY-SA before BY). */
static const Lic lics[] = {
	{"creativecommons.org/publicdomain/zero/1.0", "A11_CCO10"},
	{"CC0", "A11_CCO10"},
	{"creativecommons.org/licenses/by-sa/4.0", "A31_CCBYSA40"},
	{"CC BY-SA 4.0", "A31_CCBYSA40"}, {"CC-BY-SA 4.0", "A31_CCBYSA40"},
	{"CC-BY-SA-4.0", "A31_CCBYSA40"},
	{"creativecommons.org/licenses/by/4.0", "A21_CCBY40"},
	{"CC BY 4.0", "A21_CCBY40"}, {"CC-BY 4.0", "A21_CCBY40"},
	{"CC-BY-4.0", "A21_CCBY40"}, {"CCBY 4.0", "A21_CCBY40"},
	{"Creative Commons Attribuzione 4.0", "A21_CCBY40"},
	{"Creative Commons Attribution 4.0", "A21_CCBY40"},
	{"creativecommons.org/licenses/by/3.0/it", "A23_CCBY30IT"},
	{"creativecommons.org/licenses/by/3.0", "A22_CCBY30"},
	{"CC BY 3.0", "A22_CCBY30"}, {"CC-BY 3.0", "A22_CCBY30"},
	{"CC-BY-3.0", "A22_CCBY30"},
	{"IODL 2.0", "A29_IODL20"}, {"IODL v2.0", "A29_IODL20"},
	{"IODL2.0", "A29_IODL20"}, {"Italian Open Data License 2.0", "A29_IODL20"},
	{"Italian Open Data License v2.0", "A29_IODL20"},
	{"dati.gov.it/iodl/2.0", "A29_IODL20"},
	{"IODL 1.0", "A39_IODL10"}, {"Italian Open Data License v1.0", "A39_IODL10"},
	{"opendatacommons.org/licenses/odbl", "A310_ODBL"}, {"ODbL", "A310_ODBL"},
};

static const char *find_licence(const char *s)
{
	for (size_t i = 0; s && i < sizeof lics / sizeof *lics; i++)
		if (icontains(s, lics[i].needle))
			return lics[i].code;
	return NULL;
}

/* ------------------------------------------------------------ the mapping */

typedef struct {
	const char *role, *name, *email;
	DcatitTermId node;
} Seen;

typedef struct {
	DcatitModel *m;
	DcatitTerms *t;
	V v;
	uint32_t src;
	const DcatitCswSource *o;
	Pool pool;
	bool oom;
	const char *tag;        /* language tag of the metadata, NULL: none */
	const char *ipa;        /* rights holder IPA code, NULL: unknown */
	char *res_iri;          /* dataset or service IRI (pool) */
	DcatitTermId res;       /* the dataset / service node */
	bool service;
	unsigned ndist, nsvc;
	Seen seen[64];
	size_t nseen;
	DcatitTermId lic;       /* licence node, made by licence() */
	const char *lic_code;   /* known licence (licences vocabulary code) */
	const xmlNode *lic_at;
	const char *lic_href;   /* else a licence IRI given by the record */
	const xmlNode *lic_href_at;
	const char *lic_text[16]; /* else the texts of a licence document */
	const xmlNode *lic_text_at[16];
	size_t nlic_text;
	const char *format;     /* the single known file type, NULL: none/many */
	bool has_theme;
} Map;

static void add(Map *x, DcatitTermId s, DcatitTermId p, DcatitTermId o,
                const xmlNode *at)
{
	if (!s || !p || !o) {
		x->oom = true;
		return;
	}
	DcatitLoc loc = { x->src, line_of(at) };
	if (dcatit_model_add(x->m, s, p, o, loc) != DCATIT_OK)
		x->oom = true;
}

static DcatitTermId iri(Map *x, const char *s)
{
	return dcatit_terms_iri_z(x->t, s);
}

static DcatitTermId iri2(Map *x, const char *base, const char *s)
{
	return dcatit_terms_iri_cat(x->t, base, s);
}

static DcatitTermId lit(Map *x, const char *s, const char *tag)
{
	return dcatit_terms_literal_z(x->t, s, 0, tag);
}

static DcatitTermId bnode(Map *x)
{
	return dcatit_terms_bnode_fresh(x->t);
}

static void type2(Map *x, DcatitTermId s, DcatitTermId a, DcatitTermId b,
                  const xmlNode *at)
{
	add(x, s, x->v.rdf_type, a, at);
	if (b)
		add(x, s, x->v.rdf_type, b, at);
}

/* Is s an absolute IRI we can write as such (scheme, no spaces)? */
static bool iri_ok(const char *s)
{
	if (!s || !isalpha((unsigned char)*s))
		return false;
	const char *c = s;
	while (isalnum((unsigned char)*c) || *c == '+' || *c == '-' || *c == '.')
		c++;
	if (*c != ':' || c[1] == '\0')
		return false;
	for (c = s; *c; c++)
		if ((unsigned char)*c <= ' ' || strchr("<>\"{}|\\^`", *c))
			return false;
	return true;
}

static bool digits(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return false;
	return true;
}

/* An xsd:date or xsd:dateTime literal from an ISO date (basic YYYYMMDD
 * is rewritten to YYYY-MM-DD); 0 when the text is no full date. */
static DcatitTermId date_lit(Map *x, const char *s)
{
	if (!s)
		return 0;
	char buf[11];
	size_t n = strlen(s);
	if (n == 8 && digits(s, 8)) {
		memcpy(buf, s, 4);
		buf[4] = '-';
		memcpy(buf + 5, s + 4, 2);
		buf[7] = '-';
		memcpy(buf + 8, s + 6, 2);
		buf[10] = '\0';
		s = buf;
		n = 10;
	}
	if (n < 10 || !digits(s, 4) || s[4] != '-' || !digits(s + 5, 2) ||
	    s[7] != '-' || !digits(s + 8, 2))
		return 0;
	int mo = (s[5] - '0') * 10 + (s[6] - '0');
	int dd = (s[8] - '0') * 10 + (s[9] - '0');
	if (mo < 1 || mo > 12 || dd < 1 || dd > 31)
		return 0;
	if (n == 10)
		return dcatit_terms_literal(x->t, s, 10, x->v.xsd_date, NULL);
	/* hh:mm:ss with optional fraction and zone */
	const char *t = s + 10;
	if (*t != 'T' || strlen(t) < 9 || !digits(t + 1, 2) || t[3] != ':' ||
	    !digits(t + 4, 2) || t[6] != ':' || !digits(t + 7, 2))
		return 0;
	const char *z = t + 9;
	if (*z == '.') {
		z++;
		if (!isdigit((unsigned char)*z))
			return 0;
		while (isdigit((unsigned char)*z))
			z++;
	}
	if (!(*z == '\0' || strcmp(z, "Z") == 0 ||
	      ((*z == '+' || *z == '-') && strlen(z) == 6 && digits(z + 1, 2) &&
	       z[3] == ':' && digits(z + 4, 2))))
		return 0;
	/* a date given as midnight is a date */
	if (strncmp(t, "T00:00:00", 9) == 0 && *z == '\0')
		return dcatit_terms_literal(x->t, s, 10, x->v.xsd_date, NULL);
	return dcatit_terms_literal_z(x->t, s, x->v.xsd_dateTime, NULL);
}

/* The IPA prefix of an RNDT fileIdentifier ("r_toscan:uuid"), written to
 * out in lower case; false when the identifier carries none. */
static bool ipa_prefix(const char *id, char *out, size_t cap)
{
	if (!id)
		return false;
	size_t k = strcspn(id, ":");
	if (!id[k] || k < 2 || k >= cap || !id[k + 1])
		return false;
	for (size_t i = 0; i < k; i++)
		if (!(isalnum((unsigned char)id[i]) || id[i] == '_'))
			return false;
	if (!isalpha((unsigned char)id[0]))
		return false;
	static const char *const schemes[] = { "urn", "http", "https", "uuid", "ftp" };
	for (size_t i = 0; i < sizeof schemes / sizeof *schemes; i++)
		if (k == strlen(schemes[i]) && strncasecmp(id, schemes[i], k) == 0)
			return false;
	/* IPA codes are lower case; RNDT writes some upper case (R_SARDEG) */
	for (size_t i = 0; i < k; i++)
		out[i] = (char)tolower((unsigned char)id[i]);
	out[k] = '\0';
	return true;
}

/* Append s percent-encoded for an IRI path segment. ':' is encoded too:
 * "r_toscan:uuid" left as is would read as an IRI scheme once a writer
 * makes the IRI relative to its base. */
static void pct(DcatitBuf *b, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (isalnum(*c) || strchr("-._~@!$&'()*+,;=", *c) || *c >= 0x80)
			dcatit_buf_addc(b, (char)*c);
		else
			dcatit_buf_addf(b, "%%%02X", *c);
	}
}

/* ---- agents */

/* An agent (publisher, rights holder, creator) for a responsible party. */
static void agent(Map *x, DcatitTermId p, const char *role, const char *name,
                  const char *ipa, const xmlNode *at)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, role) == 0 &&
		    ((name && x->seen[i].name && strcmp(x->seen[i].name, name) == 0) ||
		     (!name && !x->seen[i].name)))
			return;
	DcatitTermId a = bnode(x);
	add(x, x->res, p, a, at);
	type2(x, a, x->v.foaf_Agent, x->v.dcatapit_Agent, at);
	if (name)
		add(x, a, x->v.foaf_name, lit(x, name, NULL), at);
	if (ipa)
		add(x, a, x->v.dct_identifier, lit(x, ipa, NULL), at);
	if (x->nseen < sizeof x->seen / sizeof *x->seen)
		x->seen[x->nseen++] = (Seen){ role, name, NULL, a };
}

static void contact(Map *x, const char *name, const char *email,
                    const char *url, const char *phone, const xmlNode *at)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, "pointOfContact") == 0 &&
		    ((name && x->seen[i].name && strcmp(x->seen[i].name, name) == 0) ||
		     (!name && !x->seen[i].name)) &&
		    ((email && x->seen[i].email && strcmp(x->seen[i].email, email) == 0) ||
		     (!email && !x->seen[i].email)))
			return;
	DcatitTermId c = bnode(x);
	add(x, x->res, x->v.dcat_contactPoint, c, at);
	type2(x, c, x->v.vcard_Organization, x->v.dcatapit_Organization, at);
	add(x, c, x->v.rdf_type, x->v.vcard_Kind, at);
	if (name)
		add(x, c, x->v.vcard_fn, lit(x, name, NULL), at);
	if (email) {
		DcatitBuf b;
		dcatit_buf_init(&b);
		dcatit_buf_adds(&b, "mailto:");
		dcatit_buf_adds(&b, email);
		if (!b.oom && iri_ok(b.data))
			add(x, c, x->v.vcard_hasEmail, dcatit_terms_iri(x->t, b.data, b.len), at);
		dcatit_buf_release(&b);
	}
	if (url && iri_ok(url))
		add(x, c, x->v.vcard_hasURL, iri(x, url), at);
	if (phone) {
		DcatitTermId tel = bnode(x);
		add(x, c, x->v.vcard_hasTelephone, tel, at);
		add(x, tel, x->v.rdf_type, x->v.vcard_TelephoneType, at);
		add(x, tel, x->v.vcard_value, lit(x, phone, NULL), at);
	}
	if (x->nseen < sizeof x->seen / sizeof *x->seen)
		x->seen[x->nseen++] = (Seen){ "pointOfContact", name, email, c };
}

static bool has_role(Map *x, const char *role)
{
	for (size_t i = 0; i < x->nseen; i++)
		if (strcmp(x->seen[i].role, role) == 0)
			return true;
	return false;
}

/* A CI_ResponsibleParty by its role. Roles outside DCAT-AP_IT (distributor,
 * resourceProvider, processor, user, principalInvestigator) are left out. */
static void party(Map *x, const xmlNode *rp)
{
	Pool *p = &x->pool;
	const char *role = code(p, kid(rp, "role"));
	const char *org = prop(p, kid(rp, "organisationName"), WS_COLLAPSE);
	const char *ind = prop(p, kid(rp, "individualName"), WS_COLLAPSE);
	const xmlNode *ci = path(rp, "contactInfo/CI_Contact");
	const char *email = prop(p, path(ci, "address/CI_Address/electronicMailAddress"),
	                         WS_REMOVE);
	const char *url = prop(p, path(ci, "onlineResource/CI_OnlineResource/linkage"),
	                       WS_REMOVE);
	const char *phone = prop(p, path(ci, "phone/CI_Telephone/voice"), WS_COLLAPSE);
	const char *name = org ? org : ind;
	if (!role)
		return;
	if (strcmp(role, "pointOfContact") == 0) {
		contact(x, name, email, url, phone, rp);
	} else if (strcmp(role, "publisher") == 0) {
		agent(x, x->v.dct_publisher, "publisher", name,
		      x->o->default_publisher, rp);
	} else if (strcmp(role, "owner") == 0 || strcmp(role, "custodian") == 0) {
		/* one rights holder: the owner wins over a custodian */
		if (has_role(x, "rightsHolder"))
			return;
		agent(x, x->v.dct_rightsHolder, "rightsHolder", name, x->ipa, rp);
	} else if (strcmp(role, "author") == 0 || strcmp(role, "originator") == 0) {
		agent(x, x->v.dct_creator, "creator", name, NULL, rp);
	}
}

/* Parties in document order, owners before custodians so the owner is the
 * rights holder when both are given. */
static void parties(Map *x, const xmlNode *ident)
{
	const xmlNode *cit = path(ident, "citation/CI_Citation");
	for (int pass = 0; pass < 2; pass++) {
		const xmlNode *lists[2] = { cit, ident };
		const char *names[2] = { "citedResponsibleParty", "pointOfContact" };
		for (int l = 0; l < 2; l++)
			FOR_KIDS(pc, lists[l], names[l]) {
				const xmlNode *rp = kid(pc, "CI_ResponsibleParty");
				if (!rp)
					continue;
				const char *role = code(&x->pool, kid(rp, "role"));
				bool custodian = role && strcmp(role, "custodian") == 0;
				if ((pass == 0) == !custodian)
					party(x, rp);
			}
	}
}

/* ---- dates, keywords, extents */

static void dates(Map *x, const xmlNode *cit)
{
	DcatitTermId issued = 0, created = 0, modified = 0;
	const xmlNode *ai = NULL, *ac = NULL, *am = NULL;
	FOR_KIDS(dn, cit, "date") {
		const xmlNode *cd = kid(dn, "CI_Date");
		const char *type = code(&x->pool, kid(cd, "dateType"));
		DcatitTermId d = date_lit(x, prop(&x->pool, kid(cd, "date"), WS_REMOVE));
		if (!d || !type)
			continue;
		const char *ds = dcatit_terms_str(x->t, d);
		/* earliest publication/creation, latest revision */
		if (strcmp(type, "publication") == 0 &&
		    (!issued || strcmp(ds, dcatit_terms_str(x->t, issued)) < 0)) {
			issued = d;
			ai = cd;
		} else if (strcmp(type, "creation") == 0 &&
		           (!created || strcmp(ds, dcatit_terms_str(x->t, created)) < 0)) {
			created = d;
			ac = cd;
		} else if (strcmp(type, "revision") == 0 &&
		           (!modified || strcmp(ds, dcatit_terms_str(x->t, modified)) > 0)) {
			modified = d;
			am = cd;
		}
	}
	if (issued)
		add(x, x->res, x->v.dct_issued, issued, ai);
	else if (created)
		add(x, x->res, x->v.dct_issued, created, ac);
	if (modified)
		add(x, x->res, x->v.dct_modified, modified, am);
}

static void theme(Map *x, const char *code_, const xmlNode *at)
{
	add(x, x->res, x->v.dcat_theme, iri2(x, DCATIT_NS_EU_AUTH "data-theme/", code_), at);
	x->has_theme = true;
}

/* An EU data theme named by a keyword: its code (AGRI...) or an
 * authority IRI. */
static const char *data_theme(const char *kw, const char *hr)
{
	for (size_t i = 0; i < sizeof data_themes / sizeof *data_themes; i++) {
		const char *c = data_themes[i];
		if (ieq(kw, c))
			return c;
		if (hr && icontains(hr, "data-theme/")) {
			const char *h = strstr(hr, "data-theme/") + 11;
			if (ieq(h, c))
				return c;
		}
	}
	return NULL;
}

static void keywords(Map *x, const xmlNode *ident)
{
	Pool *p = &x->pool;
	FOR_KIDS(dk, ident, "descriptiveKeywords") {
		const xmlNode *mk = kid(dk, "MD_Keywords");
		const char *th = prop(p, path(mk, "thesaurusName/CI_Citation/title"),
		                      WS_COLLAPSE);
		const char *thref = href(p, path(mk, "thesaurusName/CI_Citation/title"));
		bool is_inspire = (icontains(th, "inspire") &&
		                   (icontains(th, "them") || icontains(th, "tem"))) ||
		                  icontains(thref, "inspire.ec.europa.eu/theme");
		bool is_dt = icontains(th, "data theme") || icontains(th, "data-theme") ||
		             icontains(thref, "authority/data-theme");
		FOR_KIDS(k, mk, "keyword") {
			const char *kw = prop(p, k, WS_COLLAPSE);
			const char *hr = href(p, k);
			if (!kw && !hr)
				continue;
			const char *dt = is_dt || (hr && icontains(hr, "authority/data-theme/"))
			                     ? data_theme(kw, hr) : NULL;
			if (dt) {
				theme(x, dt, k);
				continue;
			}
			if (is_inspire || (hr && icontains(hr, "inspire.ec.europa.eu/theme/"))) {
				const Inspire *it = find_inspire(kw, hr);
				if (it) {
					theme(x, it->theme, k);
					add(x, x->res, x->v.dct_subject,
					    iri2(x, "http://inspire.ec.europa.eu/theme/", it->code), k);
				}
			}
			if (kw)
				add(x, x->res, x->v.dcat_keyword, lit(x, kw, x->tag), k);
		}
	}
}

static void topics(Map *x, const xmlNode *ident)
{
	const char *fallback = NULL;
	const xmlNode *fat = NULL;
	FOR_KIDS(tc, ident, "topicCategory") {
		const char *c = prop(&x->pool, tc, WS_REMOVE);
		if (!c)
			continue;
		for (size_t i = 0; i < sizeof topic_themes / sizeof *topic_themes; i++)
			if (strcmp(topic_themes[i][0], c) == 0) {
				add(x, x->res, x->v.dct_subject,
				    iri2(x, "http://inspire.ec.europa.eu/metadata-codelist/TopicCategory/", c),
				    tc);
				if (!fallback) {
					fallback = topic_themes[i][1];
					fat = tc;
				}
			}
	}
	if (!x->has_theme && fallback)
		theme(x, fallback, fat);
}

/* A decimal coordinate in range, returned as written; NULL otherwise. */
static const char *coord(Map *x, const xmlNode *n, double lo, double hi,
                         double *val)
{
	const char *s = prop(&x->pool, n, WS_REMOVE);
	if (!s)
		return NULL;
	char *end;
	errno = 0;
	double v = strtod(s, &end);
	if (errno || *end || end == s || !(v >= lo && v <= hi))
		return NULL;
	*val = v;
	return s;
}

static void bbox(Map *x, const xmlNode *b)
{
	/* initialised: gcc -O3 cannot see that coord() sets them when it
	 * returns non-NULL (-Wmaybe-uninitialized) */
	double w = 0, e = 0, s = 0, n = 0;
	const char *ws_ = coord(x, kid(b, "westBoundLongitude"), -180, 180, &w);
	const char *es = coord(x, kid(b, "eastBoundLongitude"), -180, 180, &e);
	const char *ss = coord(x, kid(b, "southBoundLatitude"), -90, 90, &s);
	const char *ns = coord(x, kid(b, "northBoundLatitude"), -90, 90, &n);
	if (!ws_ || !es || !ss || !ns || s > n)
		return;
	DcatitBuf t;
	dcatit_buf_init(&t);
	/* CRS84 (lon lat) is the default CRS of a WKT literal */
	dcatit_buf_addf(&t, "POLYGON((%s %s,%s %s,%s %s,%s %s,%s %s))", ws_, ss, es,
	                ss, es, ns, ws_, ns, ws_, ss);
	if (t.oom) {
		x->oom = true;
	} else {
		DcatitTermId loc = bnode(x);
		DcatitTermId wkt = dcatit_terms_literal(x->t, t.data, t.len,
		                                        x->v.gsp_wktLiteral, NULL);
		add(x, x->res, x->v.dct_spatial, loc, b);
		add(x, loc, x->v.rdf_type, x->v.dct_Location, b);
		add(x, loc, x->v.dcat_bbox, wkt, b);
		add(x, loc, x->v.locn_geometry, wkt, b);
	}
	dcatit_buf_release(&t);
}

static void period(Map *x, const xmlNode *tp)
{
	DcatitTermId s = date_lit(x, prop(&x->pool, kid(tp, "beginPosition"), WS_REMOVE));
	DcatitTermId e = date_lit(x, prop(&x->pool, kid(tp, "endPosition"), WS_REMOVE));
	if (!s && !e)
		return;
	DcatitTermId pt = bnode(x);
	add(x, x->res, x->v.dct_temporal, pt, tp);
	add(x, pt, x->v.rdf_type, x->v.dct_PeriodOfTime, tp);
	if (s) {
		add(x, pt, x->v.dcatapit_startDate, s, tp);
		add(x, pt, x->v.dcat_startDate, s, tp);
	}
	if (e) {
		add(x, pt, x->v.dcatapit_endDate, e, tp);
		add(x, pt, x->v.dcat_endDate, e, tp);
	}
}

static void extents(Map *x, const xmlNode *ident)
{
	/* all boxes first, then all periods: document order within each */
	FOR_KIDS(ex, ident, "extent")
		FOR_KIDS(ge, kid(ex, "EX_Extent"), "geographicElement") {
			const xmlNode *b = kid(ge, "EX_GeographicBoundingBox");
			if (b)
				bbox(x, b);
		}
	FOR_KIDS(ex, ident, "extent")
		FOR_KIDS(te, kid(ex, "EX_Extent"), "temporalElement") {
			const xmlNode *ext = path(te, "EX_TemporalExtent/extent");
			const xmlNode *tp = kid(ext, "TimePeriod");
			if (tp)
				period(x, tp);
		}
}

/* EPSG code from a reference system identifier, or 0. */
static unsigned long epsg(const char *c, const char *space)
{
	if (!c)
		return 0;
	const char *num = NULL;
	if (ieq(c, "WGS84") || ieq(c, "WGS 84"))
		return 4326;
	const char *marks[] = { "EPSG/0/", "EPSG::", "EPSG:", "EPSG " };
	for (size_t i = 0; !num && i < sizeof marks / sizeof *marks; i++) {
		const char *h = c;
		size_t n = strlen(marks[i]);
		for (; *h && !num; h++)
			if (strncasecmp(h, marks[i], n) == 0)
				num = h + n;
	}
	if (!num && digits(c, strlen(c)) && space && icontains(space, "EPSG"))
		num = c;
	if (!num || !isdigit((unsigned char)*num))
		return 0;
	char *end;
	unsigned long v = strtoul(num, &end, 10);
	if (*end && isalnum((unsigned char)*end))
		return 0;
	return v > 0 && v < 1000000 ? v : 0;
}

static void refsys(Map *x, const xmlNode *md)
{
	FOR_KIDS(rs, md, "referenceSystemInfo") {
		const xmlNode *id = path(rs, "MD_ReferenceSystem/referenceSystemIdentifier/RS_Identifier");
		const xmlNode *cn = kid(id, "code");
		unsigned long e = epsg(prop(&x->pool, cn, WS_COLLAPSE),
		                       prop(&x->pool, kid(id, "codeSpace"), WS_COLLAPSE));
		if (!e)
			e = epsg(href(&x->pool, cn), NULL);
		if (!e)
			continue;
		char buf[64];
		snprintf(buf, sizeof buf, EPSG "%lu", e);
		DcatitTermId s = iri(x, buf);
		add(x, x->res, x->v.dct_conformsTo, s, rs);
		type2(x, s, x->v.dct_Standard, x->v.dcatapit_Standard, rs);
		add(x, s, x->v.dct_identifier, lit(x, buf, NULL), rs);
		add(x, s, x->v.dct_type, x->v.srs_type, rs);
	}
}

/* The resource identifiers of the citation (code + codeSpace) as
 * adms:Identifier nodes; the fileIdentifier itself is not repeated. */
static void alt_ids(Map *x, const xmlNode *cit, const char *fid)
{
	FOR_KIDS(idn, cit, "identifier") {
		const xmlNode *mi = first_el(idn);
		const char *c = prop(&x->pool, kid(mi, "code"), WS_COLLAPSE);
		const char *space = prop(&x->pool, kid(mi, "codeSpace"), WS_COLLAPSE);
		if (!c || (fid && strcmp(c, fid) == 0))
			continue;
		DcatitTermId n = bnode(x);
		add(x, x->res, x->v.adms_identifier, n, idn);
		add(x, n, x->v.rdf_type, x->v.adms_Identifier, idn);
		add(x, n, x->v.skos_notation, lit(x, c, NULL), idn);
		if (space)
			add(x, n, x->v.adms_schemaAgency, lit(x, space, NULL), idn);
	}
}

/* spatialResolution/MD_Resolution/distance in metres ->
 * dcat:spatialResolutionInMeters (a scale denominator is no distance). */
static void resolution(Map *x, const xmlNode *ident)
{
	FOR_KIDS(sr, ident, "spatialResolution") {
		const xmlNode *dn = path(sr, "MD_Resolution/distance");
		const xmlNode *dv = first_el(dn);
		const char *v = prop(&x->pool, dn, WS_REMOVE);
		const char *uom = attr(&x->pool, dv, "uom", NULL, WS_REMOVE);
		if (!v || !uom || !(ieq(uom, "m") || ieq(uom, "metre") || ieq(uom, "meter") ||
		                    ieq(uom, "metres") || ieq(uom, "meters") ||
		                    icontains(uom, "uom/ML_gmxUom.xml#m")))
			continue;
		char *end;
		errno = 0;
		double d = strtod(v, &end);
		if (errno || *end || end == v || !(d > 0) || strpbrk(v, "eExXnNiI"))
			continue;
		add(x, x->res, x->v.dcat_spatialResolutionInMeters,
		    dcatit_terms_literal_z(x->t, v, x->v.xsd_decimal, NULL), dn);
	}
}

/* ---- constraints */

/* The licence node, made on first use so that a record without
 * distributions leaves no dangling licence document. */
static DcatitTermId licence(Map *x)
{
	if (x->lic || (!x->lic_code && !x->lic_href && !x->nlic_text))
		return x->lic;
	if (x->lic_code || x->lic_href) {
		x->lic = x->lic_code ? iri2(x, DCATIT_NS_LICENCES, x->lic_code) : iri(x, x->lic_href);
		const xmlNode *at = x->lic_code ? x->lic_at : x->lic_href_at;
		type2(x, x->lic, x->v.dct_LicenseDocument, x->v.dcatapit_LicenseDocument, at);
		/* the texts that came with an IRI licence describe it */
		for (size_t i = 0; !x->lic_code && i < x->nlic_text; i++)
			add(x, x->lic, x->v.rdfs_label, lit(x, x->lic_text[i], x->tag),
			    x->lic_text_at[i]);
		return x->lic;
	}
	x->lic = bnode(x);
	type2(x, x->lic, x->v.dct_LicenseDocument, x->v.dcatapit_LicenseDocument,
	      x->lic_text_at[0]);
	for (size_t i = 0; i < x->nlic_text; i++)
		add(x, x->lic, x->v.rdfs_label, lit(x, x->lic_text[i], x->tag),
		    x->lic_text_at[i]);
	return x->lic;
}

static void constraints(Map *x, const xmlNode *ident)
{
	Pool *p = &x->pool;
	DcatitTermId rights = 0;
	FOR_KIDS(rc, ident, "resourceConstraints") {
		const xmlNode *c = first_el(rc);
		if (!c)
			continue;
		bool legal = is_el(c, "MD_LegalConstraints");
		bool use = legal && kid(c, "useConstraints");
		bool access = legal && kid(c, "accessConstraints") && !use;
		/* use limitations and use-constraint texts are licence terms,
		 * access-constraint texts are access rights */
		const char *names[2] = { "useLimitation", "otherConstraints" };
		for (int i = 0; i < 2; i++)
			FOR_KIDS(t, c, names[i]) {
				const char *s = prop(p, t, WS_COLLAPSE);
				const char *h = href(p, t);
				if (i == 1 && access) {
					if (h && icontains(h, "LimitationsOnPublicAccess/") && iri_ok(h)) {
						DcatitTermId r = iri(x, h);
						if (!rights) {
							rights = r;
							add(x, x->res, x->v.dct_accessRights, r, t);
							add(x, r, x->v.rdf_type, x->v.dct_RightsStatement, t);
						}
						/* the code list IRI says it; its anchor text is
						 * often English whatever the record's language */
						continue;
					}
					if (!s)
						continue;
					if (!rights) {
						rights = bnode(x);
						add(x, x->res, x->v.dct_accessRights, rights, t);
						add(x, rights, x->v.rdf_type, x->v.dct_RightsStatement, t);
					}
					add(x, rights, x->v.rdfs_label, lit(x, s, x->tag), t);
					continue;
				}
				if (i == 1 && legal && !use)
					continue;
				const char *k = find_licence(h);
				if (!k)
					k = find_licence(s);
				if (k && !x->lic_code) {
					x->lic_code = k;
					x->lic_at = t;
				}
				/* an unknown licence given by IRI: an Anchor, or a text
				 * that is nothing but a URL */
				const char *u = h ? h : s;
				if (!k && u && !x->lic_href && iri_ok(u) &&
				    (strncmp(u, "http://", 7) == 0 || strncmp(u, "https://", 8) == 0)) {
					x->lic_href = u;
					x->lic_href_at = t;
					if (u == s)
						continue;
				}
				if (!s || k)
					continue;
				if (x->nlic_text < sizeof x->lic_text / sizeof *x->lic_text) {
					x->lic_text[x->nlic_text] = s;
					x->lic_text_at[x->nlic_text++] = t;
				}
			}
	}
	/* a service carries its licence itself (DCAT-AP 2 dcat:DataService) */
	if (x->service && licence(x))
		add(x, x->res, x->v.dct_license, x->lic, ident);
}

/* ---- distributions and services */

static DcatitTermId minted(Map *x, const char *kind, unsigned n)
{
	if (dcatit_terms_is_bnode(x->t, x->res))
		return bnode(x); /* no fileIdentifier, no IRIs to mint */
	char num[16];
	snprintf(num, sizeof num, "%u", n);
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, x->res_iri);
	dcatit_buf_adds(&b, kind);
	dcatit_buf_adds(&b, num);
	DcatitTermId id = b.oom ? 0 : dcatit_terms_iri(x->t, b.data, b.len);
	dcatit_buf_release(&b);
	return id;
}

static void service_node(Map *x, DcatitTermId dist, const Ogc *ogc,
                         const char *url, const char *name, const xmlNode *at)
{
	DcatitTermId svc = minted(x, "/service/", ++x->nsvc);
	add(x, dist, x->v.dcat_accessService, svc, at);
	add(x, svc, x->v.rdf_type, x->v.dcat_DataService, at);
	add(x, svc, x->v.dcat_endpointURL, iri(x, url), at);
	add(x, svc, x->v.dct_conformsTo, iri(x, ogc->standard), at);
	add(x, svc, x->v.dcat_servesDataset, x->res, at);
	if (name)
		add(x, svc, x->v.dct_title, lit(x, name, x->tag), at);
}

static void online(Map *x, const xmlNode *or_)
{
	Pool *p = &x->pool;
	const char *url = prop(p, kid(or_, "linkage"), WS_REMOVE);
	if (!url || !iri_ok(url))
		return;
	const char *protocol = prop(p, kid(or_, "protocol"), WS_COLLAPSE);
	const char *name = prop(p, kid(or_, "name"), WS_COLLAPSE);
	const char *desc = prop(p, kid(or_, "description"), WS_TRIM);
	const char *fn = code(p, kid(or_, "function"));
	const Ogc *ogc = find_ogc(protocol, url);
	DcatitTermId u = iri(x, url);
	if (x->service) {
		/* a service record: its links are endpoints or pages */
		if (fn && (strcmp(fn, "information") == 0 || strcmp(fn, "search") == 0))
			add(x, x->res, x->v.foaf_page, u, or_);
		else
			add(x, x->res, x->v.dcat_endpointURL, u, or_);
		if (ogc)
			add(x, x->res, x->v.dct_conformsTo, iri(x, ogc->standard), or_);
		return;
	}
	if (!ogc && fn && (strcmp(fn, "information") == 0 || strcmp(fn, "search") == 0)) {
		add(x, x->res, x->v.foaf_page, u, or_);
		return;
	}
	bool download = !ogc && ((fn && strcmp(fn, "download") == 0) ||
	                         icontains(protocol, "WWW:DOWNLOAD") ||
	                         icontains(protocol, "download"));
	DcatitTermId d = minted(x, "/distribution/", ++x->ndist);
	add(x, x->res, x->v.dcat_distribution, d, or_);
	type2(x, d, x->v.dcat_Distribution, x->v.dcatapit_Distribution, or_);
	add(x, d, x->v.dcat_accessURL, u, or_);
	if (download)
		add(x, d, x->v.dcat_downloadURL, u, or_);
	if (name)
		add(x, d, x->v.dct_title, lit(x, name, x->tag), or_);
	if (desc)
		add(x, d, x->v.dct_description, lit(x, desc, x->tag), or_);
	const char *ft = ogc ? ogc->filetype : download ? x->format : NULL;
	if (ft)
		add(x, d, x->v.dct_format, iri2(x, DCATIT_NS_EU_AUTH "file-type/", ft), or_);
	if (licence(x))
		add(x, d, x->v.dct_license, x->lic, or_);
	if (ogc)
		service_node(x, d, ogc, url, name, or_);
}

static void distributions(Map *x, const xmlNode *md)
{
	Pool *p = &x->pool;
	const xmlNode *dist = path(md, "distributionInfo/MD_Distribution");
	/* the file type applies to the downloads, and only when it is unique */
	const char *fmt = NULL;
	bool many = false;
	FOR_KIDS(df, dist, "distributionFormat") {
		const char *f = find_format(prop(p, path(df, "MD_Format/name"), WS_COLLAPSE));
		if (f && fmt && strcmp(f, fmt) != 0)
			many = true;
		if (f && !fmt)
			fmt = f;
	}
	x->format = many ? NULL : fmt;
	FOR_KIDS(to, dist, "transferOptions")
		FOR_KIDS(ol, kid(to, "MD_DigitalTransferOptions"), "onLine") {
			const xmlNode *or_ = kid(ol, "CI_OnlineResource");
			if (or_)
				online(x, or_);
		}
	/* RNDT and INSPIRE put transfer options under the distributor too */
	FOR_KIDS(dr, dist, "distributor")
		FOR_KIDS(to, kid(dr, "MD_Distributor"), "distributorTransferOptions")
			FOR_KIDS(ol, kid(to, "MD_DigitalTransferOptions"), "onLine") {
				const xmlNode *or_ = kid(ol, "CI_OnlineResource");
				if (or_)
					online(x, or_);
			}
}

static void service_info(Map *x, const xmlNode *ident)
{
	Pool *p = &x->pool;
	const char *st = prop(p, kid(ident, "serviceType"), WS_COLLAPSE);
	const Ogc *ogc = find_ogc(st, NULL);
	if (ogc)
		add(x, x->res, x->v.dct_conformsTo, iri(x, ogc->standard), ident);
	FOR_KIDS(co, ident, "containsOperations") {
		const xmlNode *om = kid(co, "SV_OperationMetadata");
		FOR_KIDS(cp, om, "connectPoint") {
			const char *u = prop(p, path(cp, "CI_OnlineResource/linkage"), WS_REMOVE);
			if (!u || !iri_ok(u))
				continue;
			add(x, x->res, x->v.dcat_endpointURL, iri(x, u), cp);
			const Ogc *o = find_ogc(NULL, u);
			if (o)
				add(x, x->res, x->v.dct_conformsTo, iri(x, o->standard), cp);
		}
	}
	FOR_KIDS(op, ident, "operatesOn") {
		const char *uuid = attr(p, op, "uuidref", NULL, WS_REMOVE);
		const char *h = attr(p, op, "href", NS_XLINK, WS_REMOVE);
		if (uuid && (strncmp(uuid, "http://", 7) == 0 ||
		             strncmp(uuid, "https://", 8) == 0) && iri_ok(uuid)) {
			add(x, x->res, x->v.dcat_servesDataset, iri(x, uuid), op);
		} else if (uuid) {
			DcatitBuf b;
			dcatit_buf_init(&b);
			dcatit_buf_adds(&b, x->o->base_iri ? x->o->base_iri : "urn:dcatit:csw:");
			pct(&b, uuid);
			if (!b.oom)
				add(x, x->res, x->v.dcat_servesDataset,
				    dcatit_terms_iri(x->t, b.data, b.len), op);
			dcatit_buf_release(&b);
		} else if (h && (strncmp(h, "http://", 7) == 0 ||
		                 strncmp(h, "https://", 8) == 0) && iri_ok(h)) {
			add(x, x->res, x->v.dcat_servesDataset, iri(x, h), op);
		}
	}
}

/* ---- one record */

static DcatitStatus map_record(Map *x, const xmlNode *md, const char *docname,
                               unsigned n, DcatitHarvestRecordFn fn, void *ud,
                               DcatitDiag *d)
{
	Pool *p = &x->pool;
	const char *fid = prop(p, kid(md, "fileIdentifier"), WS_REMOVE);
	const char *level = code(p, kid(md, "hierarchyLevel"));
	const xmlNode *ident = first_el(kid(md, "identificationInfo"));
	x->service = (level && strcmp(level, "service") == 0) ||
	             is_el(ident, "SV_ServiceIdentification");
	x->nseen = 0;
	x->ndist = x->nsvc = 0;
	x->lic = 0;
	x->lic_code = NULL;
	x->lic_href = NULL;
	x->nlic_text = 0;
	x->format = NULL;
	x->has_theme = false;
	x->tag = NULL;
	x->ipa = NULL;

	const Lang *ml = find_lang(code(p, kid(md, "language")));
	if (!ml)
		ml = find_lang(prop(p, kid(md, "language"), WS_REMOVE));
	x->tag = ml ? ml->tag : NULL;

	char pre[64];
	bool prefixed = ipa_prefix(fid, pre, sizeof pre);
	x->ipa = prefixed ? pool_keep(p, strdup(pre)) : x->o->default_rights_holder;

	const char *base = x->o->base_iri ? x->o->base_iri : "urn:dcatit:csw:";
	char idbuf[32];
	DcatitBuf b;
	dcatit_buf_init(&b);
	if (fid) {
		dcatit_buf_adds(&b, base);
		pct(&b, fid);
		x->res_iri = b.oom ? NULL : pool_keep(p, dcatit_buf_detach(&b));
		if (!x->res_iri)
			return DCATIT_ERR_NOMEM;
		x->res = iri(x, x->res_iri);
	} else {
		/* no fileIdentifier: no IRI can be minted; the record id is a
		 * hash of title and abstract so it does not depend on the page
		 * the record came in (FNV-1a 64) */
		(void)n;
		const xmlNode *c0 = path(ident, "citation/CI_Citation/title");
		const char *t0 = prop(p, c0, WS_COLLAPSE);
		const char *a0 = prop(p, kid(ident, "abstract"), WS_TRIM);
		unsigned long long hsh = DCATIT_HASH_SEED;
		const char *parts[3] = { t0 ? t0 : "", "\n", a0 ? a0 : "" };
		for (int i = 0; i < 3; i++)
			hsh = dcatit_hash_more(hsh, parts[i], strlen(parts[i]));
		snprintf(idbuf, sizeof idbuf, "nofileid-%016llx", hsh);
		x->res = bnode(x);
		x->res_iri = NULL;
	}
	dcatit_buf_release(&b);

	if (x->service)
		add(x, x->res, x->v.rdf_type, x->v.dcat_DataService, md);
	else
		type2(x, x->res, x->v.dcat_Dataset, x->v.dcatapit_Dataset, md);

	if (fid) {
		const char *ident_s = fid;
		if (!prefixed && x->ipa) {
			DcatitBuf ib;
			dcatit_buf_init(&ib);
			dcatit_buf_addf(&ib, "%s:%s", x->ipa, fid);
			ident_s = ib.oom ? NULL : pool_keep(p, dcatit_buf_detach(&ib));
			dcatit_buf_release(&ib);
		}
		if (ident_s)
			add(x, x->res, x->v.dct_identifier, lit(x, ident_s, NULL), kid(md, "fileIdentifier"));
	}

	/* the catalogue record: metadata date and language (GeoDCAT-AP) */
	const char *stamp = prop(p, kid(md, "dateStamp"), WS_REMOVE);
	DcatitTermId sd = date_lit(x, stamp);
	if (fid && sd) {
		DcatitBuf rb;
		dcatit_buf_init(&rb);
		dcatit_buf_adds(&rb, x->res_iri);
		dcatit_buf_adds(&rb, "#record");
		DcatitTermId rec = rb.oom ? 0 : dcatit_terms_iri(x->t, rb.data, rb.len);
		dcatit_buf_release(&rb);
		const xmlNode *at = kid(md, "dateStamp");
		add(x, rec, x->v.rdf_type, x->v.dcat_CatalogRecord, at);
		add(x, rec, x->v.foaf_primaryTopic, x->res, at);
		add(x, rec, x->v.dct_modified, sd, at);
		if (ml)
			add(x, rec, x->v.dct_language, iri2(x, DCATIT_NS_EU_AUTH "language/", ml->eu), at);
	}

	const xmlNode *cit = path(ident, "citation/CI_Citation");
	const char *title = prop(p, kid(cit, "title"), WS_COLLAPSE);
	if (title)
		add(x, x->res, x->v.dct_title, lit(x, title, x->tag), kid(cit, "title"));
	const char *abs = prop(p, kid(ident, "abstract"), WS_TRIM);
	if (abs)
		add(x, x->res, x->v.dct_description, lit(x, abs, x->tag), kid(ident, "abstract"));
	dates(x, cit);
	alt_ids(x, cit, fid);
	resolution(x, ident);

	FOR_KIDS(ln, ident, "language") {
		const Lang *l = find_lang(code(p, ln));
		if (!l)
			l = find_lang(prop(p, ln, WS_REMOVE));
		if (l)
			add(x, x->res, x->v.dct_language, iri2(x, DCATIT_NS_EU_AUTH "language/", l->eu), ln);
	}

	parties(x, ident);
	if (!has_role(x, "rightsHolder") && x->ipa)
		agent(x, x->v.dct_rightsHolder, "rightsHolder", NULL, x->ipa, md);
	if (!has_role(x, "publisher") && x->o->default_publisher)
		agent(x, x->v.dct_publisher, "publisher", NULL, x->o->default_publisher, md);

	const xmlNode *mf = path(ident, "resourceMaintenance/MD_MaintenanceInformation/"
	                                "maintenanceAndUpdateFrequency");
	const char *f = code(p, mf);
	for (size_t i = 0; f && i < sizeof freqs / sizeof *freqs; i++)
		if (strcmp(freqs[i][0], f) == 0)
			add(x, x->res, x->v.dct_accrualPeriodicity,
			    iri2(x, DCATIT_NS_EU_AUTH "frequency/", freqs[i][1]), mf);

	keywords(x, ident);
	topics(x, ident);
	extents(x, ident);
	refsys(x, md);
	constraints(x, ident);
	if (x->service)
		service_info(x, ident);
	distributions(x, md);

	FOR_KIDS(dq, md, "dataQualityInfo") {
		const xmlNode *st = path(dq, "DQ_DataQuality/lineage/LI_Lineage/statement");
		const char *s = prop(p, st, WS_TRIM);
		if (!s)
			continue;
		DcatitTermId pv = bnode(x);
		add(x, x->res, x->v.dct_provenance, pv, st);
		add(x, pv, x->v.rdf_type, x->v.dct_ProvenanceStatement, st);
		add(x, pv, x->v.rdfs_label, lit(x, s, x->tag), st);
	}

	if (x->oom || p->oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
		                       dcatit_strerror(DCATIT_ERR_NOMEM));
	return fn(ud, fid ? fid : idbuf, x->m, d);
}

/* ------------------------------------------------------------ documents */

static bool is_record_name(const char *n)
{
	return n && (strcmp(n, "MD_Metadata") == 0 || strcmp(n, "MI_Metadata") == 0);
}

/* Does the document declare entities? They are never substituted, but a
 * document that needs them cannot be read faithfully either, and refusing
 * it is the only answer to expansion bombs that is obviously safe. */
static bool declares_entities(xmlDocPtr doc)
{
	xmlDtdPtr dtds[2] = { doc ? doc->intSubset : NULL, doc ? doc->extSubset : NULL };
	for (int i = 0; i < 2; i++)
		if (dtds[i] && dtds[i]->entities && xmlHashSize(dtds[i]->entities) > 0)
			return true;
	return false;
}

/* The line of the first entity declaration, 0 when there is none. */
static unsigned long entity_line(const char *xml, size_t len)
{
	const char *e = NULL;
	for (size_t i = 0; i + 8 <= len && !e; i++)
		if (memcmp(xml + i, "<!ENTITY", 8) == 0)
			e = xml + i;
	unsigned long line = 1;
	for (const char *c = xml; e && c < e; c++)
		line += *c == '\n';
	return e ? line : 0;
}

/* The first error of a parse (libxml2 keeps only the last one, which for
 * a mismatched tag is the less helpful "premature end of data"). */
typedef struct {
	bool set;
	char msg[512];
	unsigned long line, col;
} FirstError;

static void on_error(void *ud, xmlErrorPtr e)
{
	FirstError *f = ud;
	if (!f || f->set || !e || e->level < XML_ERR_ERROR)
		return;
	f->set = true;
	snprintf(f->msg, sizeof f->msg, "%s", e->message ? e->message : "not well-formed XML");
	size_t n = strlen(f->msg);
	while (n && (f->msg[n - 1] == '\n' || f->msg[n - 1] == ' '))
		f->msg[--n] = '\0';
	f->line = e->line > 0 ? (unsigned long)e->line : 0;
	f->col = e->int2 > 0 ? (unsigned long)e->int2 : 0;
}

static DcatitStatus xml_error(const FirstError *f, const char *xml, size_t len,
                              const char *docname, DcatitDiag *d)
{
	unsigned long el = entity_line(xml, len);
	if (el && f->set && icontains(f->msg, "entit"))
		/* an expansion bomb: libxml2's line is inside the entity */
		return dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname, el, 0,
		                       "malformed XML: %s (XML entity declarations are "
		                       "refused)", f->msg);
	return dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname, f->line, f->col,
	                       "malformed XML: %s",
	                       f->set ? f->msg : "not well-formed XML");
}

/* ows:ExceptionReport -> "code (locator): text" in d. */
static DcatitStatus exception(const xmlNode *root, const char *docname,
                              DcatitDiag *d)
{
	Pool p = { 0 };
	const xmlNode *e = kid(root, "Exception");
	const char *c = attr(&p, e, "exceptionCode", NULL, WS_COLLAPSE);
	const char *loc = attr(&p, e, "locator", NULL, WS_COLLAPSE);
	const char *t = text(&p, kid(e, "ExceptionText"), WS_COLLAPSE);
	DcatitStatus st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, docname,
	                                  (unsigned long)line_of(root), 0,
	                                  "CSW ExceptionReport: %s%s%s%s",
	                                  c ? c : "unknown exception",
	                                  loc ? " (" : "", loc ? loc : "",
	                                  loc ? ")" : "");
	if (t) {
		size_t n = strlen(d->message);
		snprintf(d->message + n, sizeof d->message - n, ": %s", t);
	}
	pool_free(&p);
	return st;
}

typedef struct {
	unsigned long matched, returned, next;
	bool has_matched, has_next;
	unsigned long records, skipped;
	unsigned long limit;     /* stop after this many records (0: none) */
} DocInfo;

static bool num_attr(xmlTextReaderPtr r, const char *name, unsigned long *v)
{
	xmlChar *a = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	if (!a)
		return false;
	char *s = ws((char *)a, WS_REMOVE);
	bool ok = *s && strlen(s) < 16 && digits(s, strlen(s));
	if (ok)
		*v = strtoul(s, NULL, 10);
	xmlFree(a);
	return ok;
}

typedef enum { ROOT_NONE, ROOT_RECORD, ROOT_RESULTS, ROOT_BYID } RootKind;

/* Map one expanded record subtree into a fresh model and hand it to fn. */
static DcatitStatus one_record(Map *x, const xmlNode *rec, const char *docname,
                               unsigned n, DcatitHarvestRecordFn fn, void *ud,
                               DocInfo *info, DcatitDiag *d)
{
	x->m = dcatit_model_new(x->t);
	x->src = x->m ? dcatit_model_add_source(x->m, docname) : 0;
	DcatitStatus st;
	if (!x->m || !x->src) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
		                     dcatit_strerror(DCATIT_ERR_NOMEM));
	} else {
		x->oom = false;
		st = map_record(x, rec, docname, n, fn, ud, d);
	}
	dcatit_model_free(x->m);
	x->m = NULL;
	pool_free(&x->pool);
	if (st == DCATIT_OK)
		info->records++;
	return st;
}

/* Read a document with libxml2's streaming reader, one record subtree at a
 * time (memory is bounded by the largest record, not the document), and
 * map every ISO record in it. csw_only: the root must be a
 * GetRecordsResponse (or an ExceptionReport). Records before a syntax
 * error have been passed to fn already. */
static DcatitStatus read_doc(const char *xml, size_t len, const char *docname,
                             const DcatitCswSource *opts, bool csw_only,
                             DcatitHarvestRecordFn fn, void *ud, DocInfo *info,
                             DcatitDiag *d)
{
	static const DcatitCswSource none = { 0 };
	const DcatitCswSource *o = opts ? opts : &none;
	if (len > INT_MAX)
		return dcatit_diag_set(d, DCATIT_ERR_LIMIT, docname, 0, 0,
		                       "XML document too large (%zu bytes)", len);
	xmlInitParser();
	/* no XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or
	 * XML_PARSE_HUGE: entities stay references, no DTD is fetched, the
	 * default size and depth limits hold; NONET refuses network access */
	int popts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	            XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA;
	xmlTextReaderPtr r = xmlReaderForMemory(xml, (int)len, docname, NULL, popts);
	if (!r)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
		                       dcatit_strerror(DCATIT_ERR_NOMEM));
	FirstError first;
	memset(&first, 0, sizeof first);
	xmlTextReaderSetStructuredErrorHandler(r, on_error, &first);

	DcatitTerms *own = NULL;
	Map x;
	memset(&x, 0, sizeof x);
	x.o = o;
	x.t = o->terms;
	DcatitStatus st = DCATIT_OK;
	if ((!x.t && !(x.t = own = dcatit_terms_new())) || !vocab(&x.v, x.t)) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
		                     dcatit_strerror(DCATIT_ERR_NOMEM));
		goto done;
	}
	RootKind kind = ROOT_NONE;
	unsigned n = 0;
	bool done_ = false;
	int ret = xmlTextReaderRead(r);
	while (ret == 1 && !done_) {
		bool skip = false;
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
			ret = xmlTextReaderRead(r);
			continue;
		}
		int depth = xmlTextReaderDepth(r);
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);
		if (kind == ROOT_NONE) {
			/* the internal subset is complete once the root starts; not
			 * xmlTextReaderCurrentDoc(), which would make the reader keep
			 * every node */
			xmlNodePtr cur = xmlTextReaderCurrentNode(r);
			if (declares_entities(cur ? cur->doc : NULL)) {
				st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname,
				                     entity_line(xml, len), 0,
				                     "XML entity declarations are refused "
				                     "(no entity is expanded or loaded)");
				break;
			}
			unsigned long line = (unsigned long)xmlTextReaderGetParserLineNumber(r);
			if (ln && strcmp(ln, "ExceptionReport") == 0) {
				xmlNodePtr root = xmlTextReaderExpand(r);
				st = root ? exception(root, docname, d) : xml_error(&first, xml, len, docname, d);
				break;
			} else if (ln && strcmp(ln, "GetRecordsResponse") == 0) {
				kind = ROOT_RESULTS;
			} else if (csw_only) {
				st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname, line, 0,
				                     "expected a CSW GetRecordsResponse, got '%s'",
				                     ln ? ln : "");
				break;
			} else if (ln && strcmp(ln, "GetRecordByIdResponse") == 0) {
				kind = ROOT_BYID;
			} else if (is_record_name(ln)) {
				kind = ROOT_RECORD;
			} else {
				st = dcatit_diag_set(d, DCATIT_ERR_UNSUPPORTED, docname, line, 0,
				                     "root element '%s' is not an ISO 19139 record "
				                     "or a CSW response", ln ? ln : "");
				break;
			}
		}
		if (kind == ROOT_RESULTS && depth == 1 && ln && strcmp(ln, "SearchResults") == 0) {
			info->has_matched = num_attr(r, "numberOfRecordsMatched", &info->matched);
			num_attr(r, "numberOfRecordsReturned", &info->returned);
			info->has_next = num_attr(r, "nextRecord", &info->next);
		}
		bool at_record = (kind == ROOT_RECORD && depth == 0) ||
		                 (kind == ROOT_RESULTS && depth == 2) ||
		                 (kind == ROOT_BYID && depth == 1);
		if (at_record) {
			n++;
			skip = true;
			if (!is_record_name(ln)) {
				info->skipped++; /* e.g. csw:Record (Dublin Core) */
			} else if (info->limit && info->records >= info->limit) {
				done_ = true;
			} else {
				xmlNodePtr rec = xmlTextReaderExpand(r);
				if (!rec || first.set) {
					st = xml_error(&first, xml, len, docname, d);
					break;
				}
				st = one_record(&x, rec, docname, n, fn, ud, info, d);
				if (st != DCATIT_OK)
					break;
			}
			if (kind == ROOT_RECORD)
				done_ = true;
		}
		ret = skip ? xmlTextReaderNext(r) : xmlTextReaderRead(r);
	}
	/* read to the end so a broken tail is reported too */
	while (st == DCATIT_OK && ret == 1 && done_ && kind == ROOT_RECORD)
		ret = xmlTextReaderRead(r);
	if (st == DCATIT_OK && (ret < 0 || first.set))
		st = xml_error(&first, xml, len, docname, d);
	else if (st == DCATIT_OK && kind == ROOT_NONE)
		st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname, 0, 0,
		                     "malformed XML: no root element");
done:
	pool_free(&x.pool);
	xmlFreeTextReader(r);
	dcatit_terms_free(own);
	return st;
}

DcatitStatus dcatit_iso19139_to_model(const char *xml, size_t len,
                                      const char *docname,
                                      const DcatitCswSource *opts,
                                      DcatitHarvestRecordFn fn, void *ud,
                                      DcatitDiag *d)
{
	if (!xml || !fn)
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, docname, 0, 0,
		                       "no document or no record callback");
	if (!docname)
		docname = "<xml>";
	DocInfo info;
	memset(&info, 0, sizeof info);
	return read_doc(xml, len, docname, opts, false, fn, ud, &info, d);
}

bool dcatit_csw_is_iso_xml(const char *buf, size_t len)
{
	/* the first start tag that is not <?...?> or <!...> */
	size_t i = 0;
	while (i < len) {
		while (i < len && buf[i] != '<')
			i++;
		if (i + 1 >= len)
			return false;
		if (buf[i + 1] == '?' || buf[i + 1] == '!') {
			i++;
			continue;
		}
		size_t s = i + 1, e = s;
		while (e < len && !isspace((unsigned char)buf[e]) && buf[e] != '>' &&
		       buf[e] != '/')
			e++;
		const char *colon = memchr(buf + s, ':', e - s);
		size_t ls = colon ? (size_t)(colon - buf) + 1 : s;
		static const char *const roots[] = { "MD_Metadata", "MI_Metadata",
		                                     "GetRecordsResponse",
		                                     "GetRecordByIdResponse" };
		for (size_t k = 0; k < sizeof roots / sizeof *roots; k++)
			if (e - ls == strlen(roots[k]) && memcmp(buf + ls, roots[k], e - ls) == 0)
				return true;
		return false;
	}
	return false;
}

/* ------------------------------------------------------------ CSW client */

typedef struct {
	DcatitBuf body;
	long status;
	DcatitStatus st;
	char error[256];
	char ctype[128];
	bool done;
} Answer;

static void on_done(void *ud, const DcatitHttpResponse *r)
{
	Answer *a = ud;
	a->done = true;
	a->st = r->st;
	a->status = r->status;
	if (r->error)
		snprintf(a->error, sizeof a->error, "%s", r->error);
	if (r->content_type)
		snprintf(a->ctype, sizeof a->ctype, "%s", r->content_type);
	if (r->body && r->body_len)
		dcatit_buf_add(&a->body, r->body, r->body_len);
}

/* XML-escape s into b. */
static void xml_esc(DcatitBuf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': dcatit_buf_adds(b, "&lt;"); break;
		case '>': dcatit_buf_adds(b, "&gt;"); break;
		case '&': dcatit_buf_adds(b, "&amp;"); break;
		case '"': dcatit_buf_adds(b, "&quot;"); break;
		default: dcatit_buf_addc(b, *s);
		}
	}
}

/* Percent-encode s for a query string value. */
static void url_esc(DcatitBuf *b, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (isalnum(*c) || strchr("-._~", *c))
			dcatit_buf_addc(b, (char)*c);
		else
			dcatit_buf_addf(b, "%%%02X", *c);
	}
}

#define GMD_NS "http://www.isotc211.org/2005/gmd"

static void post_body(DcatitBuf *b, const DcatitCswSource *src,
                      unsigned long start, unsigned page)
{
	dcatit_buf_addf(b,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<csw:GetRecords xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\" "
	    "xmlns:gmd=\"" GMD_NS "\" service=\"CSW\" version=\"2.0.2\" "
	    "resultType=\"results\" startPosition=\"%lu\" maxRecords=\"%u\" "
	    "outputSchema=\"" GMD_NS "\" outputFormat=\"application/xml\">\n"
	    "  <csw:Query typeNames=\"gmd:MD_Metadata\">\n"
	    "    <csw:ElementSetName>full</csw:ElementSetName>\n", start, page);
	if (src->constraint) {
		dcatit_buf_adds(b, "    <csw:Constraint version=\"1.1.0\"><csw:CqlText>");
		xml_esc(b, src->constraint);
		dcatit_buf_adds(b, "</csw:CqlText></csw:Constraint>\n");
	}
	dcatit_buf_adds(b, "  </csw:Query>\n</csw:GetRecords>\n");
}

static void get_url(DcatitBuf *b, const DcatitCswSource *src,
                    unsigned long start, unsigned page)
{
	dcatit_buf_adds(b, src->url);
	dcatit_buf_adds(b, strchr(src->url, '?') ? "&" : "?");
	dcatit_buf_adds(b, "service=CSW&version=2.0.2&request=GetRecords"
	                   "&typeNames=gmd:MD_Metadata&namespace=");
	url_esc(b, "xmlns(gmd=" GMD_NS ")");
	dcatit_buf_adds(b, "&resultType=results&elementSetName=full&outputSchema=");
	url_esc(b, GMD_NS);
	dcatit_buf_addf(b, "&startPosition=%lu&maxRecords=%u", start, page);
	if (src->constraint) {
		dcatit_buf_adds(b, "&constraintLanguage=CQL_TEXT"
		                   "&constraint_language_version=1.1.0&constraint=");
		url_esc(b, src->constraint);
	}
}

/* Does the body look like an HTML page rather than XML? */
static bool looks_html(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	    (unsigned char)s[2] == 0xBF)
		i = 3;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	return (n - i >= 9 && strncasecmp(s + i, "<!DOCTYPE", 9) == 0 &&
	        icontains(s + i + 9 < s + n ? s + i + 9 : "", "html")) ||
	       (n - i >= 5 && strncasecmp(s + i, "<html", 5) == 0);
}

DcatitStatus dcatit_csw_harvest(DcatitHttp *h, const DcatitCswSource *src,
                                DcatitHarvestRecordFn fn, void *ud,
                                DcatitCswStats *stats, DcatitDiag *d)
{
	DcatitCswStats dummy;
	DcatitCswStats *st_ = stats ? stats : &dummy;
	memset(st_, 0, sizeof *st_);
	if (!h || !src || !src->url || !fn)
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "CSW harvest needs a client, a source URL and a "
		                       "record callback");
	if (!dcatit_http_url_is_allowed(src->url))
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, src->url, 0, 0,
		                       "CSW URL must be http or https");
	unsigned page = src->page_size ? src->page_size : DEFAULT_PAGE;
	if (page > MAX_PAGE)
		page = MAX_PAGE;
	unsigned max_pages = src->max_pages ? src->max_pages : DEFAULT_MAX_PAGES;
	unsigned long start = 1;
	DcatitStatus st = DCATIT_OK;
	for (;;) {
		if (st_->pages >= max_pages) {
			st = dcatit_diag_set(d, DCATIT_ERR_LIMIT, src->url, 0, 0,
			                     "CSW paging stopped after %u pages (page cap); "
			                     "next startPosition %lu", st_->pages, start);
			break;
		}
		DcatitBuf req;
		dcatit_buf_init(&req);
		DcatitHttpRequest r;
		memset(&r, 0, sizeof r);
		static const char *const hdr[] = { "Accept: application/xml, text/xml", NULL };
		r.headers = hdr;
		if (src->use_get) {
			get_url(&req, src, start, page);
			r.method = "GET";
			r.url = req.data;
		} else {
			post_body(&req, src, start, page);
			r.method = "POST";
			r.url = src->url;
			r.content_type = "application/xml";
			r.body = req.data;
			r.body_len = req.len;
		}
		if (req.oom) {
			dcatit_buf_release(&req);
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, src->url, 0, 0, "%s",
			                     dcatit_strerror(DCATIT_ERR_NOMEM));
			break;
		}
		Answer a;
		memset(&a, 0, sizeof a);
		dcatit_buf_init(&a.body);
		st = dcatit_http_submit(h, &r, on_done, &a, d);
		if (st == DCATIT_OK)
			st = dcatit_http_run(h, d);
		dcatit_buf_release(&req);
		char docname[600];
		snprintf(docname, sizeof docname, "%s#startPosition=%lu", src->url, start);
		if (st == DCATIT_OK && a.body.oom)
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
			                     dcatit_strerror(DCATIT_ERR_NOMEM));
		else if (st == DCATIT_OK && (!a.done || a.st != DCATIT_OK))
			st = dcatit_diag_set(d, a.st == DCATIT_ERR_LIMIT ? DCATIT_ERR_LIMIT
			                                                 : DCATIT_ERR_NETWORK,
			                     docname, 0, 0, "CSW request failed: %s",
			                     a.error[0] ? a.error : _("no response"));
		if (st != DCATIT_OK) {
			dcatit_buf_release(&a.body);
			break;
		}
		st_->pages++;
		const char *body = a.body.data ? a.body.data : "";
		if (looks_html(body, a.body.len)) {
			st = dcatit_diag_set(d, a.status >= 400 ? DCATIT_ERR_REMOTE : DCATIT_ERR_SYNTAX,
			                     docname, 0, 0,
			                     "the CSW answered an HTML page (HTTP %ld, %s), "
			                     "not CSW XML", a.status,
			                     a.ctype[0] ? a.ctype : _("no content type"));
			dcatit_buf_release(&a.body);
			break;
		}
		DocInfo info;
		memset(&info, 0, sizeof info);
		if (src->max_records)
			info.limit = src->max_records - st_->records;
		st = read_doc(body, a.body.len, docname, src, true, fn, ud, &info, d);
		if (st == DCATIT_ERR_SYNTAX && a.status >= 400)
			st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, docname, 0, 0,
			                     "CSW answered HTTP %ld (%s)", a.status,
			                     a.ctype[0] ? a.ctype : _("no content type"));
		else if (st == DCATIT_OK && a.status >= 400)
			st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, docname, 0, 0,
			                     "CSW answered HTTP %ld", a.status);
		dcatit_buf_release(&a.body);
		st_->records += info.records;
		st_->skipped += info.skipped;
		if (st_->pages == 1)
			st_->matched = info.matched;
		if (st != DCATIT_OK)
			break;
		unsigned long got = info.records + info.skipped;
		if (src->max_records && st_->records >= src->max_records)
			break;
		unsigned long next = info.has_next ? info.next : start + got;
		unsigned long matched = info.has_matched ? info.matched : 0;
		if (next == 0 || (info.has_matched && next > matched) || got == 0)
			break;
		if (next <= start) {
			st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, docname, 0, 0,
			                     "CSW paging loops: nextRecord %lu after "
			                     "startPosition %lu", next, start);
			break;
		}
		start = next;
	}
	return st;
}
