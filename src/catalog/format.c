/* format.c: the rows of the catalog/ file format (format.h), in the order
 * of catalog/README.md. */
#include "catalog/format.h"

#include <string.h>

#include "rdf/cvocab.h"

#define N(a) (sizeof(a) / sizeof(a)[0])

/* shorthands for the rows: name, type or list or map, required, doc */
#define KEY(n, t, req, doc) { n, t, false, req, DCATIT_CODES_NONE, NULL, NULL, doc, false }
#define LIST(n, t, req, doc) { n, t, true, req, DCATIT_CODES_NONE, NULL, NULL, doc, false }
#define CODE(n, c, req, doc) { n, DCATIT_FMT_CODE, false, req, c, NULL, NULL, doc, false }
#define CODES(n, c, req, doc) { n, DCATIT_FMT_CODE, true, req, c, NULL, NULL, doc, false }
#define MAP(n, m, req, doc) { n, DCATIT_FMT_MAP, false, req, DCATIT_CODES_NONE, &m, NULL, doc, false }
#define MAPS(n, m, req, doc) { n, DCATIT_FMT_MAP, true, req, DCATIT_CODES_NONE, &m, NULL, doc, false }
#define CODES1(n, c, req, doc) { n, DCATIT_FMT_CODE, true, req, c, NULL, NULL, doc, true }
#define ENUM(n, v, req, doc) { n, DCATIT_FMT_ENUM, false, req, DCATIT_CODES_NONE, NULL, v, doc, false }

static const DcatitCodeSource sources[DCATIT_CODES_N] = {
	[DCATIT_CODES_THEME] = { "theme", "eu/data-theme.ttl", DCATIT_NS_EU_AUTH "data-theme/" },
	[DCATIT_CODES_FREQUENCY] = { "frequency", "eu/frequencies.ttl", DCATIT_NS_EU_AUTH "frequency/" },
	[DCATIT_CODES_FILE_TYPE] = { "file type", "eu/filetypes.ttl", DCATIT_NS_EU_AUTH "file-type/" },
	[DCATIT_CODES_LANGUAGE] = { "language", "eu/languages.ttl", DCATIT_NS_EU_AUTH "language/" },
	[DCATIT_CODES_LICENCE] = { "licence", "it/licences.ttl", DCATIT_NS_LICENCES },
	[DCATIT_CODES_HVD] = { "high-value category", "profiles/vocabularies/hvd-category.ttl",
	                       DCATIT_NS_HVD_CATEGORY },
};

const DcatitCodeSource *dcatit_fmt_code_source(DcatitCodeList list)
{
	return list > DCATIT_CODES_NONE && list < DCATIT_CODES_N ? &sources[list] : NULL;
}

const DcatitFmtKey *dcatit_fmt_key(const DcatitFmtMap *m, const char *name)
{
	for (size_t i = 0; i < m->nkeys; i++)
		if (strcmp(m->keys[i].name, name) == 0)
			return &m->keys[i];
	return NULL;
}

/* §5.4 */
static const DcatitFmtKey contact_keys[] = {
	KEY("name", DCATIT_FMT_STRING, true, "the office (not a person): vcard:fn"),
	KEY("email", DCATIT_FMT_EMAIL, true, "e-mail address, without mailto:: vcard:hasEmail"),
	KEY("url", DCATIT_FMT_IRI, false, "a contact page: vcard:hasURL"),
};
const DcatitFmtMap dcatit_fmt_contact = { "contact", "contact", contact_keys, N(contact_keys) };

/* §5.3 */
static const DcatitFmtKey spatial_keys[] = {
	KEY("place", DCATIT_FMT_IRI, false, "IRI of a gazetteer entry (ISTAT, GeoNames, EU places)"),
	KEY("bbox", DCATIT_FMT_BBOX, false, "[west, south, east, north] in degrees (CRS84)"),
};
const DcatitFmtMap dcatit_fmt_spatial = { "spatial", "spatial", spatial_keys, N(spatial_keys) };

/* §3 defaults */
static const DcatitFmtKey defaults_keys[] = {
	CODE("license", DCATIT_CODES_LICENCE, false, "licence of every distribution without license"),
	CODES("languages", DCATIT_CODES_LANGUAGE, false, "languages of every dataset without languages"),
	KEY("publisher", DCATIT_FMT_ORG, false, "publisher of every dataset without publisher"),
	KEY("rights_holder", DCATIT_FMT_ORG, false, "rights holder of every dataset without rights_holder"),
	MAP("contact", dcatit_fmt_contact, false, "contact point of every dataset without contact"),
};
const DcatitFmtMap dcatit_fmt_defaults = { "defaults", "defaults", defaults_keys, N(defaults_keys) };

/* §3 own_files */
static const DcatitFmtKey own_files_keys[] = {
	CODE("license", DCATIT_CODES_LICENCE, true, "licence of the file distributions the catalogue wrote itself"),
	KEY("statement", DCATIT_FMT_TEXT, true, "who publishes those files; the licence is the maintainer's decision"),
};
const DcatitFmtMap dcatit_fmt_own_files = { "own_files", "own_files", own_files_keys, N(own_files_keys) };

/* §3 */
static const DcatitFmtKey catalog_keys[] = {
	KEY("base_uri", DCATIT_FMT_IRI, true, "root of every minted IRI, no trailing /"),
	KEY("title", DCATIT_FMT_TEXT, true, "dct:title"),
	KEY("description", DCATIT_FMT_TEXT, true, "dct:description"),
	KEY("publisher", DCATIT_FMT_ORG, true, "dct:publisher: an IPA code or a registry key"),
	KEY("homepage", DCATIT_FMT_IRI, false, "foaf:homepage"),
	KEY("issued", DCATIT_FMT_DATE, false, "dct:issued"),
	KEY("modified", DCATIT_FMT_DATE, false, "dct:modified (default: the latest of the records)"),
	CODES("languages", DCATIT_CODES_LANGUAGE, false, "dct:language"),
	CODE("license", DCATIT_CODES_LICENCE, false, "dct:license of the catalogue itself"),
	MAP("spatial", dcatit_fmt_spatial, false, "dct:spatial"),
	KEY("registry", DCATIT_FMT_PATH, false, "the user registry of organisations"),
	LIST("records", DCATIT_FMT_PATH, true, "directories of dataset records"),
	MAP("defaults", dcatit_fmt_defaults, false, "values for records that leave a key out"),
	MAP("own_files", dcatit_fmt_own_files, false, "terms of the files the catalogue wrote itself"),
};
const DcatitFmtMap dcatit_fmt_catalog = { "catalog", "catalog", catalog_keys, N(catalog_keys) };

/* §4 */
static const DcatitFmtKey org_keys[] = {
	KEY("name", DCATIT_FMT_STRING, true, "official name: foaf:name"),
	KEY("identifier", DCATIT_FMT_STRING, false, "IPA code, or Partita IVA / codice fiscale; never invented"),
	KEY("homepage", DCATIT_FMT_IRI, false, "foaf:homepage"),
	KEY("note", DCATIT_FMT_TEXT, false, "where the entry comes from: rdfs:comment"),
};
const DcatitFmtMap dcatit_fmt_organisation = { "organisation", "organisation", org_keys, N(org_keys) };

/* §5.2 */
static const DcatitFmtKey temporal_keys[] = {
	KEY("start", DCATIT_FMT_DATE, true, "dcatapit:startDate and dcat:startDate"),
	KEY("end", DCATIT_FMT_DATE, false, "dcatapit:endDate and dcat:endDate, not before start"),
	KEY("comment", DCATIT_FMT_TEXT, false, "how the dates were derived: rdfs:comment"),
};
const DcatitFmtMap dcatit_fmt_temporal = { "temporal", "temporal", temporal_keys, N(temporal_keys) };

/* §5.5 */
static const char *const standard_types[] = { "crs", "act", NULL };
static const DcatitFmtKey standard_keys[] = {
	KEY("identifier", DCATIT_FMT_STRING, true, "the reference IRI or the official citation"),
	KEY("iri", DCATIT_FMT_IRI, false, "the standard's IRI (required with type crs)"),
	KEY("title", DCATIT_FMT_TEXT, false, "dct:title"),
	KEY("description", DCATIT_FMT_TEXT, false, "dct:description (give it only)"),
	KEY("reference", DCATIT_FMT_IRI, false, "dcatapit:referenceDocumentation"),
	ENUM("type", standard_types, false, "crs: a spatial reference system; act: a law or resolution"),
};
const DcatitFmtMap dcatit_fmt_standard = { "standard", "standard", standard_keys, N(standard_keys) };

/* §6 access_service */
static const DcatitFmtKey service_keys[] = {
	KEY("id", DCATIT_FMT_ID, true, "the service IRI is <base_uri>/service/<id>"),
	KEY("title", DCATIT_FMT_TEXT, true, "dct:title"),
	KEY("description", DCATIT_FMT_TEXT, false, "dct:description"),
	KEY("endpoint_url", DCATIT_FMT_IRI, true, "dcat:endpointURL"),
	KEY("endpoint_description", DCATIT_FMT_IRI, false, "dcat:endpointDescription (e.g. GetCapabilities)"),
	MAPS("conforms_to", dcatit_fmt_standard, false, "dct:conformsTo"),
	KEY("documentation", DCATIT_FMT_IRI, false, "foaf:page: a page documenting the service"),
};
const DcatitFmtMap dcatit_fmt_service = { "access_service", "access_service", service_keys, N(service_keys) };

/* §6 */
static const DcatitFmtKey dist_keys[] = {
	KEY("id", DCATIT_FMT_ID, true, "unique within the record: <dataset>/distribution/<id>"),
	KEY("title", DCATIT_FMT_TEXT, false, "dct:title"),
	KEY("description", DCATIT_FMT_TEXT, false, "dct:description"),
	KEY("file", DCATIT_FMT_PATH, false, "a local file (one of file and url)"),
	KEY("url", DCATIT_FMT_IRI, false, "dcat:accessURL (one of file and url)"),
	KEY("download_url", DCATIT_FMT_IRI, false, "dcat:downloadURL, only with url"),
	CODE("format", DCATIT_CODES_FILE_TYPE, true, "dct:format: an EU file type"),
	KEY("media_type", DCATIT_FMT_MEDIA_TYPE, false, "dcat:mediaType, type/subtype"),
	CODE("license", DCATIT_CODES_LICENCE, false, "dct:license (default: defaults.license)"),
	CODES("languages", DCATIT_CODES_LANGUAGE, false, "dct:language"),
	KEY("issued", DCATIT_FMT_DATE, false, "dct:issued"),
	KEY("modified", DCATIT_FMT_DATE, false, "dct:modified"),
	KEY("dictionary", DCATIT_FMT_PATH, false, "data dictionary of a CSV file"),
	MAP("access_service", dcatit_fmt_service, false, "dcat:accessService"),
};
const DcatitFmtMap dcatit_fmt_distribution = { "distribution", "distribution", dist_keys, N(dist_keys) };

/* §5.6 */
static const DcatitFmtKey inconsistency_keys[] = {
	KEY("note", DCATIT_FMT_TEXT, true, "what is inconsistent, with the figures and where in the source"),
	KEY("quote", DCATIT_FMT_STRING, false, "the passage of one of the record's files that repeats the value"),
};
const DcatitFmtMap dcatit_fmt_inconsistency = { "source inconsistency", "source_inconsistency",
	inconsistency_keys, N(inconsistency_keys) };

/* §5.1 */
static const DcatitFmtKey record_keys[] = {
	KEY("id", DCATIT_FMT_ID, true, "unique in the catalogue: <base_uri>/dataset/<id>"),
	KEY("title", DCATIT_FMT_TEXT, true, "dct:title"),
	KEY("description", DCATIT_FMT_TEXT, true, "dct:description"),
	CODES("themes", DCATIT_CODES_THEME, true, "dcat:theme: EU data themes"),
	LIST("subjects", DCATIT_FMT_STRING, false, "dct:subject: EuroVoc ids under the record's themes"),
	KEY("keywords", DCATIT_FMT_KEYWORDS, false, "dcat:keyword per language"),
	KEY("publisher", DCATIT_FMT_ORG, false, "dct:publisher (default: defaults.publisher)"),
	KEY("rights_holder", DCATIT_FMT_ORG, false, "dct:rightsHolder (default: defaults.rights_holder)"),
	LIST("creators", DCATIT_FMT_ORG, false, "dct:creator: identified organisations"),
	LIST("contributors", DCATIT_FMT_ORG, false, "dct:contributor: organisations, identified or not"),
	CODE("frequency", DCATIT_CODES_FREQUENCY, true, "dct:accrualPeriodicity: an EU frequency"),
	KEY("issued", DCATIT_FMT_DATE, false, "dct:issued"),
	KEY("modified", DCATIT_FMT_DATE, true, "dct:modified"),
	CODES("languages", DCATIT_CODES_LANGUAGE, false, "dct:language (default: defaults.languages)"),
	MAP("temporal", dcatit_fmt_temporal, false, "dct:temporal"),
	MAP("spatial", dcatit_fmt_spatial, false, "dct:spatial"),
	MAP("contact", dcatit_fmt_contact, false, "dcat:contactPoint (default: defaults.contact)"),
	MAPS("conforms_to", dcatit_fmt_standard, false, "dct:conformsTo"),
	KEY("landing_page", DCATIT_FMT_IRI, false, "dcat:landingPage"),
	KEY("version", DCATIT_FMT_STRING, false, "owl:versionInfo"),
	MAPS("distributions", dcatit_fmt_distribution, true, "dcat:distribution"),
	MAPS("source_inconsistencies", dcatit_fmt_inconsistency, false, "where the source contradicts itself (a build warning each)"),
	LIST("unverified", DCATIT_FMT_TEXT, false, "values no source confirms, one note each"),
	CODES1("hvd", DCATIT_CODES_HVD, false, "a high-value dataset: its categories of Regulation (EU) 2023/138"),
	KEY("iso", DCATIT_FMT_PATH, false, "an ISO 19139 / RNDT record whose metadata the record "
	    "takes (5.7): the keys given replace or complement it; the required ones it gives may "
	    "be left out"),
};
const DcatitFmtMap dcatit_fmt_record = { "dataset record", "record", record_keys, N(record_keys) };
const char *const dcatit_fmt_iso_waived[] = { "title", "description", "themes", "frequency",
	"modified", "distributions", NULL };

/* §7 stated_counts */
static const DcatitFmtKey stated_rows_keys[] = {
	KEY("column", DCATIT_FMT_NAME, true, "the column whose field selects the rows"),
	KEY("starts_with", DCATIT_FMT_STRING, true, "count only rows whose field starts with this"),
};
const DcatitFmtMap dcatit_fmt_stated_rows = { "stated count rows", "stated_count_rows",
	stated_rows_keys, N(stated_rows_keys) };

static const DcatitFmtKey stated_count_keys[] = {
	KEY("nonzero", DCATIT_FMT_COUNT, true, "how many data rows the source says have a non-zero value"),
	MAP("rows", dcatit_fmt_stated_rows, false, "count only some rows (default: every data row)"),
	KEY("source", DCATIT_FMT_STRING, true, "where and how the source says it, quoted"),
};
const DcatitFmtMap dcatit_fmt_stated_count = { "stated count", "stated_count",
	stated_count_keys, N(stated_count_keys) };

/* §7 */
static const char *const column_types[] = { "string", "decimal", "ipa_code", NULL };
static const DcatitFmtKey column_keys[] = {
	KEY("name", DCATIT_FMT_NAME, true, "the header name, exactly"),
	ENUM("type", column_types, true, "string, decimal or ipa_code"),
	KEY("required", DCATIT_FMT_BOOL, false, "an empty field is an error (default true)"),
	KEY("unit", DCATIT_FMT_STRING, false, "unit of measure, decimal columns only"),
	KEY("scale", DCATIT_FMT_COUNT, false, "exact number of decimals, decimal columns only"),
	LIST("total_of", DCATIT_FMT_NAME, false, "columns this one is the sum of, in every row"),
	MAPS("stated_counts", dcatit_fmt_stated_count, false, "what the source text says about the column"),
	KEY("title", DCATIT_FMT_TEXT, true, "label for people"),
	KEY("description", DCATIT_FMT_TEXT, false, "for people"),
};
const DcatitFmtMap dcatit_fmt_column = { "column", "column", column_keys, N(column_keys) };

static const DcatitFmtKey totals_keys[] = {
	KEY("column", DCATIT_FMT_NAME, true, "the column that identifies the totals row"),
	KEY("value", DCATIT_FMT_STRING, true, "its value in the totals row, e.g. TOTALI"),
	LIST("sums", DCATIT_FMT_NAME, true, "columns that must equal the sum of the data rows"),
};
const DcatitFmtMap dcatit_fmt_totals = { "totals_row", "totals_row", totals_keys, N(totals_keys) };

static const char *const decimal_separators[] = { ".", NULL };
static const DcatitFmtKey dict_keys[] = {
	KEY("table", DCATIT_FMT_PATH, true, "the CSV file it describes"),
	KEY("title", DCATIT_FMT_TEXT, false, "for people"),
	KEY("source", DCATIT_FMT_TEXT, false, "where the figures come from"),
	ENUM("decimal_separator", decimal_separators, true, "only . is accepted"),
	MAPS("columns", dcatit_fmt_column, true, "in the order of the CSV header"),
	MAP("totals_row", dcatit_fmt_totals, false, "a row holding the column totals"),
};
const DcatitFmtMap dcatit_fmt_dictionary = { "data dictionary", "dictionary", dict_keys, N(dict_keys) };
