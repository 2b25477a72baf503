/* test_ckan_map.c: DCAT-AP_IT <-> ckanext-dcatapit package dicts: names
 * and tags cleaned to CKAN's rules, the top-level dcatapit fields, JSON
 * text inside strings, resources, and package_show dicts read back. */
#include "ckan/map.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "ckan/sync.h"
#include "rdf/canon.h"
#include "rdf/rdfio.h"

static const char *const TTL =
	"@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	"@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .\n"
	"@prefix dct: <http://purl.org/dc/terms/> .\n"
	"@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
	"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
	"@prefix au: <http://publications.europa.eu/resource/authority/> .\n"
	"<http://ex.org/ds1> a dcatapit:Dataset, dcat:Dataset ;\n"
	"  dct:identifier \"c_h501:ds1\" ;\n"
	"  dct:title \"Title en\"@en, \"Titolo\"@it ;\n"
	"  dct:description \"Descrizione\"@it ;\n"
	"  dct:modified \"2024-05-20T10:11:12\"^^xsd:dateTime ;\n"
	"  dct:accrualPeriodicity <http://publications.europa.eu/resource/authority/frequency/ANNUAL> ;\n"
	"  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/TECH>,\n"
	"             <http://publications.europa.eu/resource/authority/data-theme/ECON> ;\n"
	"  dct:subject <http://eurovoc.europa.eu/100253> ;\n"
	"  dct:language <http://publications.europa.eu/resource/authority/language/ITA>,\n"
	"               <http://publications.europa.eu/resource/authority/language/ENG> ;\n"
	"  dct:publisher [ foaf:name \"Comune\"@it ; dct:identifier \"c_h501\" ] ;\n"
	"  dct:creator [ foaf:name \"Autore\"@it ; dct:identifier \"aut\" ] ;\n"
	"  dct:temporal [ dcatapit:startDate \"2020-01-01\"^^xsd:date ] ;\n"
	"  dcat:keyword \"Mobilità & trasporti!\", \"x\", \"bus\" ;\n"
	"  dcat:distribution <http://ex.org/ds1/csv> .\n"
	"<http://ex.org/ds1/csv> a dcat:Distribution ;\n"
	"  dcat:accessURL <http://ex.org/a.csv> ; dct:title \"CSV\"@it ;\n"
	"  dct:format <http://publications.europa.eu/resource/authority/file-type/CSV> ;\n"
	"  dct:license <https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40> .\n"
	"<http://ex.org/ds2> a dcat:Dataset ; dct:title \"no identifier\" .\n";

static DcatitTerms *terms;
static DcatitModel *model;

static void load(const char *ttl)
{
	terms = dcatit_terms_new();
	model = dcatit_model_new(terms);
	DcatitParseOpts po = { .syntax = DCATIT_SYNTAX_TURTLE, .name = "t.ttl",
	                       .base_uri = "http://ex.org/" };
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(model, ttl, strlen(ttl), &po, &d), DCATIT_OK);
}

static void unload(void)
{
	dcatit_model_free(model);
	dcatit_terms_free(terms);
}

static DcatitJson *map_ds(const char *iri)
{
	DcatitJson *pkg = NULL;
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitTermId id = dcatit_terms_iri_z(terms, iri);
	ck_assert_int_eq(dcatit_ckan_map_dataset(model, id, &pkg, &d), DCATIT_OK);
	return pkg;
}

/* The package mapped back to RDF by the harvest side, as canonical N-Triples
 * in out (caller releases). */
static void map_back(DcatitJson *pkg, DcatitBuf *out)
{
	dcatit_json_set_str(pkg, "name", "x-d");
	DcatitTerms *t2 = dcatit_terms_new();
	DcatitModel *m2 = dcatit_model_new(t2);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_ckan_map_package(m2, pkg, NULL, NULL, &d), DCATIT_OK);
	dcatit_buf_init(out);
	ck_assert_int_eq(dcatit_canon_write(m2, out), DCATIT_OK);
	dcatit_model_free(m2);
	dcatit_terms_free(t2);
}

START_TEST(names_are_derived_from_identifiers_within_ckan_rules)
{
	char n[128];
	ck_assert(dcatit_ckan_name_from_identifier("c_h501:ita2-ds", n, sizeof n));
	ck_assert_str_eq(n, "c_h501-ita2-ds");
	ck_assert(dcatit_ckan_name_from_identifier("Città/Comune  di Prato.2024", n, sizeof n));
	ck_assert_str_eq(n, "citta-comune-di-prato-2024");
	ck_assert(dcatit_ckan_name_from_identifier("new", n, sizeof n));
	ck_assert_str_eq(n, "new-ds");
	ck_assert(!dcatit_ckan_name_from_identifier(":://", n, sizeof n));
	char a[300], b[300], na[128], nb[128];
	memset(a, 'a', 200);
	a[200] = '\0';
	memcpy(b, a, 201);
	b[199] = 'b';
	ck_assert(dcatit_ckan_name_from_identifier(a, na, sizeof na));
	ck_assert(dcatit_ckan_name_from_identifier(b, nb, sizeof nb));
	ck_assert_uint_le(strlen(na), 100);
	ck_assert_str_ne(na, nb);
}
END_TEST

START_TEST(tags_are_cleaned_to_what_ckan_accepts)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	ck_assert(dcatit_ckan_tag_clean("Mobilità & trasporti!", &b));
	ck_assert_str_eq(b.data, "Mobilità trasporti");
	ck_assert(!dcatit_ckan_tag_clean("x", &b));
	ck_assert(!dcatit_ckan_tag_clean("&&&", &b));
	char longkw[160];
	memset(longkw, 'k', 150);
	longkw[150] = '\0';
	ck_assert(dcatit_ckan_tag_clean(longkw, &b));
	ck_assert_uint_eq(b.len, 100);
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(a_dataset_maps_to_top_level_dcatapit_fields)
{
	load(TTL);
	DcatitJson *p = map_ds("http://ex.org/ds1");
	ck_assert_str_eq(dcatit_json_get_str(p, "identifier"), "c_h501:ds1");
	ck_assert_str_eq(dcatit_json_get_str(p, "title"), "Titolo");
	ck_assert_str_eq(dcatit_json_get_str(p, "notes"), "Descrizione");
	ck_assert_str_eq(dcatit_json_get_str(p, "modified"), "2024-05-20T00:00:00.000000");
	ck_assert_str_eq(dcatit_json_get_str(p, "frequency"), "ANNUAL");
	ck_assert_str_eq(dcatit_json_get_str(p, "language"), "{ENG,ITA}");
	ck_assert_str_eq(dcatit_json_get_str(p, "publisher_name"), "Comune");
	ck_assert_str_eq(dcatit_json_get_str(p, "publisher_identifier"), "c_h501");
	/* structured fields are JSON text inside strings */
	ck_assert_str_eq(dcatit_json_get_str(p, "themes_aggregate"),
	                 "[{\"theme\":\"ECON\",\"subthemes\":[\"http://eurovoc.europa.eu/100253\"]},"
	                 "{\"theme\":\"TECH\",\"subthemes\":[]}]");
	ck_assert_str_eq(dcatit_json_get_str(p, "creator"),
	                 "[{\"creator_name\":{\"it\":\"Autore\"},\"creator_identifier\":\"aut\"}]");
	ck_assert_str_eq(dcatit_json_get_str(p, "temporal_coverage"),
	                 "[{\"temporal_start\":\"2020-01-01\"}]");
	ck_assert_ptr_null(dcatit_json_get(p, "conforms_to"));
	DcatitJson *tags = dcatit_json_get(p, "tags");
	ck_assert_uint_eq(dcatit_json_size(tags), 2);
	ck_assert_str_eq(dcatit_json_get_str(dcatit_json_at(tags, 0), "name"), "Mobilità trasporti");
	ck_assert_str_eq(dcatit_json_get_str(dcatit_json_at(tags, 1), "name"), "bus");
	DcatitJson *res = dcatit_json_get(p, "resources");
	ck_assert_uint_eq(dcatit_json_size(res), 1);
	DcatitJson *r = dcatit_json_at(res, 0);
	ck_assert_str_eq(dcatit_json_get_str(r, "url"), "http://ex.org/a.csv");
	ck_assert_str_eq(dcatit_json_get_str(r, "distribution_format"), "CSV");
	ck_assert_str_eq(dcatit_json_get_str(r, "license_type"),
	                 "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40");
	ck_assert_str_eq(dcatit_ckan_field(p, "uri"), "http://ex.org/ds1");
	dcatit_json_free(p);
	unload();
}
END_TEST

START_TEST(a_dataset_without_identifier_is_refused_with_its_location)
{
	load(TTL);
	DcatitJson *pkg = NULL;
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitTermId id = dcatit_terms_iri_z(terms, "http://ex.org/ds2");
	ck_assert_int_eq(dcatit_ckan_map_dataset(model, id, &pkg, &d), DCATIT_ERR_INVALID);
	ck_assert_ptr_null(pkg);
	ck_assert_str_eq(d.file, "t.ttl");
	ck_assert_uint_eq(d.line, 27);
	ck_assert_ptr_nonnull(strstr(d.message, "dct:identifier"));
	DcatitTermId *ids;
	size_t n;
	ck_assert_int_eq(dcatit_ckan_map_datasets(model, &ids, &n), DCATIT_OK);
	ck_assert_uint_eq(n, 2);
	free(ids);
	unload();
}
END_TEST

START_TEST(the_hash_ignores_triple_order)
{
	load(TTL);
	DcatitJson *p1 = map_ds("http://ex.org/ds1");
	unload();
	/* the same dataset with its statements in another order */
	const char *start = strstr(TTL, "\n<http://ex.org/ds1/csv> a") + 1;
	size_t head = (size_t)(strstr(TTL, "<http://ex.org/ds1>") - TTL);
	char *swapped = malloc(strlen(TTL) + 1);
	memcpy(swapped, TTL, head);
	size_t tail = strlen(start);
	memcpy(swapped + head, start, tail);
	memcpy(swapped + head + tail, TTL + head, (size_t)(start - (TTL + head)));
	swapped[strlen(TTL)] = '\0';
	load(swapped);
	DcatitJson *p2 = map_ds("http://ex.org/ds1");
	char h1[40], h2[40];
	dcatit_ckan_sync_hash(p1, h1);
	dcatit_ckan_sync_hash(p2, h2);
	ck_assert_str_eq(h1, h2);
	dcatit_json_set_str(p2, "title", "changed");
	dcatit_ckan_sync_hash(p2, h2);
	ck_assert_str_ne(h1, h2);
	dcatit_json_free(p1);
	dcatit_json_free(p2);
	free(swapped);
	unload();
}
END_TEST

START_TEST(a_package_show_dict_maps_back_with_its_dates_and_extras)
{
	/* shaped like the recorded ckanext-dcatapit package_show, plus the
	 * search shape (dcatapit fields moved into extras) for identifier */
	static const char pkg[] =
		"{\"name\": \"ita2-ds\", \"title\": \"Dataset\", \"notes\": \"Descrizione\","
		" \"frequency\": \"ANNUAL\", \"issued\": \"01-01-2024\", \"modified\": \"15-01-2024\","
		" \"language\": \"{ITA}\", \"themes_aggregate\": \"[{\\\"theme\\\": \\\"ECON\\\","
		" \\\"subthemes\\\": []}]\", \"publisher_name\": \"Comune di Prova\","
		" \"publisher_identifier\": \"c_h501\", \"tags\": [{\"name\": \"bus\"}],"
		" \"extras\": [{\"key\": \"identifier\", \"value\": \"c_h501:ita2-ds\"},"
		"              {\"key\": \"theme\", \"value\": \"[\\\"ECON\\\"]\"}],"
		" \"resources\": [{\"id\": \"r1\", \"url\": \"http://example.org/dati.csv\","
		"   \"format\": \"CSV\", \"name\": \"dati.csv\", \"license_type\":"
		"   \"https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40\"}]}";
	DcatitJson *j = dcatit_json_parse(pkg, strlen(pkg), NULL);
	ck_assert_ptr_nonnull(j);
	terms = dcatit_terms_new();
	model = dcatit_model_new(terms);
	DcatitCkanBackOpts o = { .site_url = "http://127.0.0.1:5001" };
	DcatitTermId ds = 0;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_ckan_map_package(model, j, &o, &ds, &d), DCATIT_OK);
	ck_assert_str_eq(dcatit_terms_str(terms, ds), "http://127.0.0.1:5001/dataset/ita2-ds");
	DcatitBuf b;
	dcatit_buf_init(&b);
	ck_assert_int_eq(dcatit_canon_write(model, &b), DCATIT_OK);
	const char *want[] = {
		"<http://purl.org/dc/terms/modified> \"2024-01-15\"^^<http://www.w3.org/2001/XMLSchema#date>",
		"<http://purl.org/dc/terms/issued> \"2024-01-01\"^^<http://www.w3.org/2001/XMLSchema#date>",
		"<http://purl.org/dc/terms/identifier> \"c_h501:ita2-ds\"",
		"<http://www.w3.org/ns/dcat#theme> <http://publications.europa.eu/resource/authority/data-theme/ECON>",
		"<http://purl.org/dc/terms/language> <http://publications.europa.eu/resource/authority/language/ITA>",
		"<http://purl.org/dc/terms/format> <http://publications.europa.eu/resource/authority/file-type/CSV>",
		"<http://www.w3.org/ns/dcat#accessURL> <http://example.org/dati.csv>",
		"<http://xmlns.com/foaf/0.1/name> \"Comune di Prova\"",
		"<http://www.w3.org/ns/dcat#keyword> \"bus\"",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(strstr(b.data, want[i]), "missing %s in\n%s", want[i], b.data);
	dcatit_buf_release(&b);
	dcatit_json_free(j);
	dcatit_json_free(NULL);
	unload();
}
END_TEST

START_TEST(distribution_sizes_checksums_and_media_types_travel_as_resource_fields)
{
	load("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	     "@prefix dct: <http://purl.org/dc/terms/> .\n"
	     "@prefix spdx: <http://spdx.org/rdf/terms#> .\n"
	     "<http://ex.org/d> a dcat:Dataset ; dct:identifier \"x:d\" ;\n"
	     "  dcat:distribution <http://ex.org/d/csv> .\n"
	     "<http://ex.org/d/csv> a dcat:Distribution ; dcat:accessURL <http://ex.org/a.csv> ;\n"
	     "  dcat:byteSize 2746 ;\n"
	     "  dcat:mediaType <https://www.iana.org/assignments/media-types/text/csv> ;\n"
	     "  dct:language <http://publications.europa.eu/resource/authority/language/ITA> ;\n"
	     "  spdx:checksum [ spdx:algorithm spdx:checksumAlgorithm_sha256 ;\n"
	     "                  spdx:checksumValue \"d466\" ] .\n");
	DcatitJson *pkg = map_ds("http://ex.org/d");
	DcatitJson *r = dcatit_json_at(dcatit_json_get(pkg, "resources"), 0);
	long long size = 0;
	ck_assert(dcatit_json_int(dcatit_json_get(r, "size"), &size));
	ck_assert_int_eq(size, 2746);
	ck_assert_str_eq(dcatit_json_get_str(r, "mimetype"),
	                 "https://www.iana.org/assignments/media-types/text/csv");
	ck_assert_str_eq(dcatit_json_get_str(r, "hash"), "d466");
	ck_assert_str_eq(dcatit_json_get_str(r, "hash_algorithm"),
	                 "http://spdx.org/rdf/terms#checksumAlgorithm_sha256");
	ck_assert_str_eq(dcatit_json_get_str(r, "language"),
	                 "[\"http://publications.europa.eu/resource/authority/language/ITA\"]");
	/* and back: the same triples, the size as xsd:decimal */
	DcatitBuf b;
	map_back(pkg, &b);
	const char *want[] = {
		"<http://www.w3.org/ns/dcat#byteSize> \"2746\"^^<http://www.w3.org/2001/XMLSchema#decimal>",
		"<http://www.w3.org/ns/dcat#mediaType> <https://www.iana.org/assignments/media-types/text/csv>",
		"<http://spdx.org/rdf/terms#checksumValue> \"d466\"^^<http://www.w3.org/2001/XMLSchema#hexBinary>",
		"<http://spdx.org/rdf/terms#algorithm> <http://spdx.org/rdf/terms#checksumAlgorithm_sha256>",
		"<http://purl.org/dc/terms/language> <http://publications.europa.eu/resource/authority/language/ITA>",
	};
	for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
		ck_assert_msg(strstr(b.data, want[i]), "missing %s in\n%s", want[i], b.data);
	dcatit_buf_release(&b);
	dcatit_json_free(pkg);
	unload();
}
END_TEST

START_TEST(the_organization_takes_the_holders_code_name_and_contact)
{
	load("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	     "@prefix dct: <http://purl.org/dc/terms/> .\n"
	     "@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
	     "@prefix vcard: <http://www.w3.org/2006/vcard/ns#> .\n"
	     "<http://ex.org/a> a dcat:Dataset ; dct:identifier \"x:a\" ;\n"
	     "  dct:publisher <http://ex.org/org/pub> ;\n"
	     "  dct:rightsHolder <http://ex.org/org/rt> ;\n"
	     "  dcat:contactPoint [ vcard:fn \"Ufficio\" ;\n"
	     "    vcard:hasEmail <mailto:uff@ex.org> ;\n"
	     "    vcard:hasTelephone [ vcard:hasValue <tel:+39-055-1> ] ] .\n"
	     "<http://ex.org/b> a dcat:Dataset ; dct:identifier \"x:b\" ;\n"
	     "  dct:rightsHolder <http://ex.org/org/other> ;\n"
	     "  dcat:contactPoint [ vcard:hasURL <http://other.ex.org/> ] .\n"
	     "<http://ex.org/org/rt> foaf:name \"Regione\"@it ; dct:identifier \"r_x\" ;\n"
	     "  foaf:homepage <https://www.ex.org/> .\n"
	     "<http://ex.org/org/pub> foaf:name \"Pub\"@it ; dct:identifier \"p_x\" .\n"
	     "<http://ex.org/org/other> foaf:name \"Altro\"@it ; dct:identifier \"o_x\" .\n");
	DcatitJson *o = NULL;
	ck_assert_int_eq(dcatit_ckan_map_org(model, &o), DCATIT_OK);
	ck_assert_ptr_nonnull(o);
	ck_assert_str_eq(dcatit_json_get_str(o, "identifier"), "r_x");
	ck_assert_str_eq(dcatit_json_get_str(o, "title"), "Regione");
	ck_assert_str_eq(dcatit_json_get_str(o, "email"), "uff@ex.org");
	ck_assert_str_eq(dcatit_json_get_str(o, "telephone"), "+39-055-1");
	/* the homepage of the holder, not the contact URL of another holder's dataset */
	ck_assert_str_eq(dcatit_json_get_str(o, "site"), "https://www.ex.org/");
	dcatit_json_free(o);
	unload();
	load("<http://ex.org/a> a <http://www.w3.org/ns/dcat#Dataset> .\n");
	o = NULL;
	ck_assert_int_eq(dcatit_ckan_map_org(model, &o), DCATIT_OK);
	ck_assert_ptr_null(o);
	unload();
}
END_TEST

/* Issue 12: what push sends is read back by the portal as it was meant. */

START_TEST(dates_go_in_the_one_form_the_portal_does_not_swap)
{
	/* ckanext-dcatapit's package_show turns 2015-11-02 into 02-11-2015,
	 * which its RDF reads month first as 2015-02-11; a timestamp with
	 * microseconds is left alone and read as the same day */
	load("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	     "@prefix dct: <http://purl.org/dc/terms/> .\n"
	     "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
	     "<http://ex.org/d> a dcat:Dataset ; dct:identifier \"x:d\" ;\n"
	     "  dct:issued \"2015-11-02\"^^xsd:date ; dct:modified \"2026-11-22\"^^xsd:date ;\n"
	     "  dct:temporal [ dcat:startDate \"2015-11-02\"^^xsd:date ] .\n");
	DcatitJson *p = map_ds("http://ex.org/d");
	ck_assert_str_eq(dcatit_json_get_str(p, "issued"), "2015-11-02T00:00:00.000000");
	ck_assert_str_eq(dcatit_json_get_str(p, "modified"), "2026-11-22T00:00:00.000000");
	/* the validator of temporal_coverage re-stores its own dates: as is */
	ck_assert_str_eq(dcatit_json_get_str(p, "temporal_coverage"),
	                 "[{\"temporal_start\":\"2015-11-02\"}]");
	/* and back, the same day */
	DcatitBuf b;
	map_back(p, &b);
	ck_assert_ptr_nonnull(strstr(b.data, "<http://purl.org/dc/terms/issued> \"2015-11-02\"^^"
	                                     "<http://www.w3.org/2001/XMLSchema#date>"));
	dcatit_buf_release(&b);
	dcatit_json_free(p);
	unload();
}
END_TEST

static const char LICENCES[] =
	"@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	"@prefix dct: <http://purl.org/dc/terms/> .\n"
	"@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
	"@prefix l: <https://w3id.org/italia/controlled-vocabulary/licences/> .\n"
	"<http://ex.org/cc> a dcat:Dataset ; dct:identifier \"x:cc\" ;\n"
	"  dcat:distribution <http://ex.org/cc/1>, <http://ex.org/cc/2> .\n"
	"<http://ex.org/cc/1> dcat:accessURL <http://ex.org/1> ; dct:license l:A21_CCBY40 .\n"
	"<http://ex.org/cc/2> dcat:accessURL <http://ex.org/2> ; dct:license l:A21_CCBY40 .\n"
	"l:A21_CCBY40 rdfs:seeAlso <https://creativecommons.org/licenses/by/4.0/> .\n"
	"<http://ex.org/unk> a dcat:Dataset ; dct:identifier \"x:unk\" ;\n"
	"  dcat:distribution <http://ex.org/unk/1> .\n"
	"<http://ex.org/unk/1> dcat:accessURL <http://ex.org/3> ; dct:license l:C1_Unknown .\n";

START_TEST(the_resource_licence_is_the_document_the_portal_knows_it_by)
{
	load(LICENCES);
	DcatitJson *p = map_ds("http://ex.org/cc");
	DcatitJson *r = dcatit_json_at(dcatit_json_get(p, "resources"), 0);
	ck_assert_str_eq(dcatit_json_get_str(r, "license_type"),
	                 "https://w3id.org/italia/controlled-vocabulary/licences/A21_CCBY40");
	ck_assert_str_eq(dcatit_json_get_str(r, "license"),
	                 "https://creativecommons.org/licenses/by/4.0/");
	/* every resource under CC BY 4.0: CKAN's own id, so CKAN calls it open */
	ck_assert_str_eq(dcatit_json_get_str(p, "license_id"), "cc-by");
	dcatit_json_free(p);
	/* a licence without a document (C1_Unknown): nothing to send, and the
	 * portal will put CC BY there; push says so (cmd_push) */
	p = map_ds("http://ex.org/unk");
	r = dcatit_json_at(dcatit_json_get(p, "resources"), 0);
	ck_assert_ptr_null(dcatit_json_get(r, "license"));
	ck_assert_ptr_null(dcatit_json_get(p, "license_id"));
	dcatit_json_free(p);
	const char *lic = NULL;
	DcatitTermId ds = dcatit_terms_iri_z(terms, "http://ex.org/unk");
	ck_assert_uint_eq(dcatit_ckan_licences_unknown_to_portal(model, ds, &lic), 1);
	ck_assert_str_eq(lic, "https://w3id.org/italia/controlled-vocabulary/licences/C1_Unknown");
	ds = dcatit_terms_iri_z(terms, "http://ex.org/cc");
	ck_assert_uint_eq(dcatit_ckan_licences_unknown_to_portal(model, ds, &lic), 0);
	unload();
}
END_TEST

START_TEST(every_subtheme_goes_under_its_own_theme)
{
	/* the AgID mapping: 100268 under ECON, 100261 under TECH (as push loads
	 * it from vocab/it/theme-subtheme-mapping.ttl); 100999 under none */
	load("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	     "@prefix dct: <http://purl.org/dc/terms/> .\n"
	     "@prefix skos: <http://www.w3.org/2004/02/skos/core#> .\n"
	     "@prefix t: <http://publications.europa.eu/resource/authority/data-theme/> .\n"
	     "@prefix ev: <http://eurovoc.europa.eu/> .\n"
	     "t:ECON skos:narrowMatch ev:100268 .\n"
	     "t:TECH skos:narrowMatch ev:100261 .\n"
	     "<http://ex.org/d> a dcat:Dataset ; dct:identifier \"x:d\" ;\n"
	     "  dcat:theme t:ECON, t:TECH ; dct:subject ev:100261, ev:100268, ev:100999 .\n");
	DcatitJson *p = map_ds("http://ex.org/d");
	ck_assert_str_eq(dcatit_json_get_str(p, "themes_aggregate"),
	                 "[{\"theme\":\"ECON\",\"subthemes\":[\"http://eurovoc.europa.eu/100268\","
	                 "\"http://eurovoc.europa.eu/100999\"]},"
	                 "{\"theme\":\"TECH\",\"subthemes\":[\"http://eurovoc.europa.eu/100261\"]}]");
	dcatit_json_free(p);
	unload();
}
END_TEST

START_TEST(media_types_travel_as_iana_iris)
{
	/* ckanext-dcat writes a mimetype that is no IRI as a plain literal
	 * (roundtrip README, change 20); a bare type in the source gets the base */
	load("@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	     "@prefix dct: <http://purl.org/dc/terms/> .\n"
	     "<http://ex.org/d> a dcat:Dataset ; dct:identifier \"x:d\" ;\n"
	     "  dcat:distribution <http://ex.org/d/1>, <http://ex.org/d/2> .\n"
	     "<http://ex.org/d/1> dcat:accessURL <http://ex.org/1> ;\n"
	     "  dcat:mediaType <https://www.iana.org/assignments/media-types/text/markdown> .\n"
	     "<http://ex.org/d/2> dcat:accessURL <http://ex.org/2> ; dcat:mediaType \"text/csv\" .\n");
	DcatitJson *p = map_ds("http://ex.org/d");
	DcatitJson *res = dcatit_json_get(p, "resources");
	ck_assert_str_eq(dcatit_json_get_str(dcatit_json_at(res, 0), "mimetype"),
	                 "https://www.iana.org/assignments/media-types/text/markdown");
	ck_assert_str_eq(dcatit_json_get_str(dcatit_json_at(res, 1), "mimetype"),
	                 "https://www.iana.org/assignments/media-types/text/csv");
	dcatit_json_free(p);
	unload();
}
END_TEST

int main(void)
{
	Suite *s = suite_create("ckan_map");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, names_are_derived_from_identifiers_within_ckan_rules);
	tcase_add_test(tc, tags_are_cleaned_to_what_ckan_accepts);
	tcase_add_test(tc, a_dataset_maps_to_top_level_dcatapit_fields);
	tcase_add_test(tc, a_dataset_without_identifier_is_refused_with_its_location);
	tcase_add_test(tc, the_hash_ignores_triple_order);
	tcase_add_test(tc, a_package_show_dict_maps_back_with_its_dates_and_extras);
	tcase_add_test(tc, distribution_sizes_checksums_and_media_types_travel_as_resource_fields);
	tcase_add_test(tc, the_organization_takes_the_holders_code_name_and_contact);
	tcase_add_test(tc, dates_go_in_the_one_form_the_portal_does_not_swap);
	tcase_add_test(tc, the_resource_licence_is_the_document_the_portal_knows_it_by);
	tcase_add_test(tc, every_subtheme_goes_under_its_own_theme);
	tcase_add_test(tc, media_types_travel_as_iana_iris);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
