/* test_profile_checks.c: the DCAT-AP_IT checks in C: Partita IVA and
 * codice fiscale check digits (on the real tax codes of public bodies in
 * vocab/organizations.ttl), WKT and GeoJSON geometry literals, and the
 * results dcatit_checks_run adds for a parsed graph and a registry, and
 * the test for Italian text under another language tag. */
#include "profile/checks.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "profile/textlang.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"

#define NS DCATIT_CHECKS_NS

/* ---- Partita IVA / codice fiscale --------------------------------------- */

/* Tax codes of Tuscan public bodies as published in IndicePA (Regione
 * Toscana, AgID, Camera di commercio di Firenze, ...). */
static const char *const body_codes[] = {
	"01386030488", "97735020584", "80002690487", "02627810464",
	"90014320452", "02326130511", "02427650979", "01838690491",
};

START_TEST(test_real_tax_codes_of_public_bodies_are_valid)
{
	for (size_t i = 0; i < sizeof body_codes / sizeof body_codes[0]; i++) {
		ck_assert_msg(dcatit_check_piva(body_codes[i], 11), "%s", body_codes[i]);
		ck_assert_int_eq(dcatit_check_piva_digit(body_codes[i]), body_codes[i][10]);
	}
}
END_TEST

START_TEST(test_a_wrong_check_digit_is_caught)
{
	char s[12];
	for (size_t i = 0; i < sizeof body_codes / sizeof body_codes[0]; i++) {
		memcpy(s, body_codes[i], 12);
		s[10] = s[10] == '9' ? '0' : (char)(s[10] + 1);
		ck_assert_msg(!dcatit_check_piva(s, 11), "%s", s);
		/* two swapped neighbours (a common typo) change the digit too */
		memcpy(s, body_codes[i], 12);
		if (s[3] != s[4]) {
			char c = s[3];
			s[3] = s[4];
			s[4] = c;
			ck_assert_msg(!dcatit_check_piva(s, 11), "%s", s);
		}
	}
}
END_TEST

START_TEST(test_partita_iva_needs_eleven_digits_not_all_zero)
{
	ck_assert(!dcatit_check_piva("00000000000", 11));
	ck_assert(!dcatit_check_piva("0138603048", 10));
	ck_assert(!dcatit_check_piva("013860304880", 12));
	ck_assert(!dcatit_check_piva("0138603048A", 11));
	ck_assert_int_eq(dcatit_check_piva_digit("01386030A8"), 0);
}
END_TEST

START_TEST(test_codice_fiscale_check_character)
{
	/* the textbook examples of the Agenzia delle Entrate format */
	ck_assert(dcatit_check_cf("RSSMRA85T10A562S", 16));
	ck_assert(dcatit_check_cf("MRTMTT25D09F205Z", 16));
	ck_assert(dcatit_check_cf("rssmra85t10a562s", 16));
	ck_assert_int_eq(dcatit_check_cf_char("RSSMRA85T10A562S"), 'S');
	ck_assert(!dcatit_check_cf("RSSMRA85T10A562T", 16));
	ck_assert(!dcatit_check_cf("RSSMRA85T10A562", 15));
}
END_TEST

START_TEST(test_codice_fiscale_with_omocodia_letters)
{
	/* 2 -> N in the last digit position: a new check character, H */
	ck_assert(dcatit_check_cf_shape("RSSMRA85T10A56NH", 16));
	ck_assert(dcatit_check_cf("RSSMRA85T10A56NH", 16));
	ck_assert(!dcatit_check_cf("RSSMRA85T10A56NS", 16));
	/* every digit position replaced */
	ck_assert(dcatit_check_cf("RSSMRAUTTMLAQNRU", 16));
}
END_TEST

START_TEST(test_codice_fiscale_shape)
{
	ck_assert(!dcatit_check_cf_shape("RSSMRA85Z10A562S", 16)); /* month Z */
	ck_assert(!dcatit_check_cf_shape("RSSMRA85T32A562S", 16)); /* day 32 */
	ck_assert(dcatit_check_cf_shape("RSSMRA85T50A562S", 16));  /* day 10, a woman */
	ck_assert(!dcatit_check_cf_shape("RSSMR185T10A562S", 16)); /* digit in the name */
	ck_assert(!dcatit_check_cf_shape("RSSMRA85T10A5629", 16)); /* check is a digit */
	ck_assert(!dcatit_check_cf_shape("97735020584", 11));
}
END_TEST

/* ---- WKT ---------------------------------------------------------------- */

static DcatitGeomVerdict wkt(const char *s, char *why)
{
	return dcatit_check_wkt(s, strlen(s), why, 256);
}

START_TEST(test_wkt_well_formed_geometries_pass)
{
	static const char *const ok[] = {
		"POLYGON((9.68 42.23, 12.37 42.23, 12.37 44.47, 9.68 44.47, 9.68 42.23))",
		"  polygon ( ( 9.68 42.23 , 12.37 42.23 , 12.37 44.47 , 9.68 42.23 ) )  ",
		"POINT(11.25 43.77)",
		"POINT Z (11.25 43.77 50)",
		"POINT(11.25 43.77 50)",
		"LINESTRING(10 43, 11 44)",
		"MULTIPOINT(10 43, 11 44)",
		"MULTIPOINT((10 43), (11 44))",
		"MULTIPOLYGON(((10 43, 11 43, 11 44, 10 43)), ((12 42, 13 42, 13 43, 12 42)))",
		"<http://www.opengis.net/def/crs/OGC/1.3/CRS84> POLYGON((10 43, 11 43, 11 44, 10 43))",
		"<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(43.77 11.25)",
		"<http://www.opengis.net/def/crs/EPSG/0/3003> POINT(1681234.5 4848123.25)",
		"POLYGON((10 43, 11 43, 11 44, 10 43), (10.2 43.2, 10.4 43.2, 10.4 43.4, 10.2 43.2))",
		"GEOMETRYCOLLECTION(POINT(10 43), LINESTRING(10 43, 11 44))",
		"POINT EMPTY",
		"POINT(-1.5e1 4.3E1)",
	};
	char why[256];
	for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
		ck_assert_msg(wkt(ok[i], why) == DCATIT_GEOM_OK, "%s: %s", ok[i], why);
}
END_TEST

START_TEST(test_wkt_malformed_geometries_say_why)
{
	static const struct {
		const char *wkt, *why;
	} bad[] = {
		{ "POLYGON((10 43, 11 43, 11 44, 10 43)", "unbalanced parentheses" },
		{ "POINT(10 43))", "unbalanced parentheses" },
		{ "POLYGON((10 43, 11 43, 11 44, 10 43.5))", "not closed" },
		{ "POLYGON((10 43, 11 43, 10 43))", "at least 4" },
		{ "LINESTRING(10 43)", "at least 2" },
		{ "POINT(10, 43)", "expected a coordinate" },
		{ "POINT(ten 43)", "expected a coordinate" },
		{ "CIRCLE(10 43, 5)", "expected a geometry type" },
		{ "POINT(10 43) extra", "unexpected text" },
		{ "POINT Z (10 43)", "wrong number of values" },
		{ "<http://www.opengis.net/def/crs/EPSG/0/4326 POINT(1 2)", "no closing '>'" },
		{ "", "expected a geometry type" },
		{ "POINT(nan 43)", "expected a coordinate" },
	};
	char why[256];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(wkt(bad[i].wkt, why) == DCATIT_GEOM_MALFORMED, "%s", bad[i].wkt);
		ck_assert_msg(strstr(why, bad[i].why), "%s: %s", bad[i].wkt, why);
	}
}
END_TEST

START_TEST(test_wkt_coordinates_outside_crs84)
{
	char why[256];
	ck_assert_int_eq(wkt("POINT(1681234 4848123)", why), DCATIT_GEOM_RANGE);
	ck_assert_ptr_nonnull(strstr(why, "1681234"));
	ck_assert_int_eq(wkt("POINT(10 95)", why), DCATIT_GEOM_RANGE);
	ck_assert_int_eq(wkt("POINT(-181 0)", why), DCATIT_GEOM_RANGE);
	ck_assert_int_eq(wkt("POINT(180 -90)", why), DCATIT_GEOM_OK);
	/* EPSG:4326 is latitude first: 95 is then a latitude */
	ck_assert_int_eq(wkt("<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(95 10)", why),
	                 DCATIT_GEOM_RANGE);
}
END_TEST

START_TEST(test_wkt_latitude_first_for_italy_is_swapped)
{
	char why[256];
	ck_assert_int_eq(wkt("POLYGON((42.23 9.68, 42.23 12.37, 44.47 12.37, 44.47 9.68, 42.23 9.68))", why),
	                 DCATIT_GEOM_SWAPPED);
	ck_assert_ptr_nonnull(strstr(why, "longitude first"));
	ck_assert_int_eq(wkt("POINT(43.77 11.25)", why), DCATIT_GEOM_SWAPPED);
	ck_assert_int_eq(wkt("<http://www.opengis.net/def/crs/EPSG/0/4326> POINT(11.25 43.77)", why),
	                 DCATIT_GEOM_SWAPPED);
	/* one point outside the box: not all of it is swapped, no warning */
	ck_assert_int_eq(wkt("LINESTRING(43.77 11.25, 11.25 43.77)", why), DCATIT_GEOM_OK);
}
END_TEST

/* ---- GeoJSON -------------------------------------------------------------- */

static DcatitGeomVerdict gj(const char *s, char *why)
{
	return dcatit_check_geojson(s, strlen(s), why, 256);
}

START_TEST(test_geojson_geometries)
{
	char why[256];
	ck_assert_int_eq(gj("{\"type\":\"Point\",\"coordinates\":[11.25,43.77]}", why), DCATIT_GEOM_OK);
	ck_assert_int_eq(gj("{\"type\":\"Polygon\",\"coordinates\":[[[10,43],[11,43],[11,44],[10,43]]]}", why),
	                 DCATIT_GEOM_OK);
	ck_assert_int_eq(gj("{\"type\":\"MultiPolygon\",\"coordinates\":[[[[10,43],[11,43],[11,44],[10,43]]]]}", why),
	                 DCATIT_GEOM_OK);
	ck_assert_int_eq(gj("{\"type\":\"GeometryCollection\",\"geometries\":[{\"type\":\"Point\",\"coordinates\":[10,43]}]}", why),
	                 DCATIT_GEOM_OK);
	ck_assert_int_eq(gj("{\"type\":\"Point\",\"coordinates\":[43.77,11.25]}", why), DCATIT_GEOM_SWAPPED);
	ck_assert_int_eq(gj("{\"type\":\"Point\",\"coordinates\":[11.25,143.77]}", why), DCATIT_GEOM_RANGE);
}
END_TEST

START_TEST(test_geojson_malformed)
{
	static const struct {
		const char *doc, *why;
	} bad[] = {
		{ "{\"type\":\"Point\",\"coordinates\":[11.25,43.77]", "not valid JSON" },
		{ "{\"type\":\"Polygon\",\"coordinates\":[[[10,43],[11,43],[11,44],[10,44]]]}", "not closed" },
		{ "{\"type\":\"Polygon\",\"coordinates\":[[10,43],[11,43],[11,44],[10,43]]}", "nested" },
		{ "{\"type\":\"Point\",\"coordinates\":[\"11\",43]}", "2 to 4 numbers" },
		{ "{\"type\":\"Feature\",\"geometry\":null}", "Feature" },
		{ "{\"type\":\"Circle\",\"coordinates\":[1,2]}", "unknown" },
		{ "{\"coordinates\":[1,2]}", "no \"type\"" },
		{ "[1,2]", "no \"type\"" },
	};
	char why[256];
	for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
		ck_assert_msg(gj(bad[i].doc, why) == DCATIT_GEOM_MALFORMED, "%s", bad[i].doc);
		ck_assert_msg(strstr(why, bad[i].why), "%s: %s", bad[i].doc, why);
	}
}
END_TEST

/* ---- GML ------------------------------------------------------------------ */

static DcatitGeomVerdict gml(const char *s, char *why)
{
	return dcatit_check_gml(s, strlen(s), why, 256);
}

START_TEST(test_gml_coordinates_follow_the_srs_name)
{
	char why[256];
	/* the DCAT-AP_IT guidelines' example: an Envelope in EPSG:4326, lat/lon */
	ck_assert_int_eq(gml("<gml:Envelope srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\">"
	                     "<gml:lowerCorner>42.23 9.68</gml:lowerCorner>"
	                     "<gml:upperCorner>44.47 12.37</gml:upperCorner></gml:Envelope>", why),
	                 DCATIT_GEOM_OK);
	ck_assert_int_eq(gml("<gml:Envelope srsName=\"http://www.opengis.net/def/crs/EPSG/0/4326\">"
	                     "<gml:lowerCorner>9.68 42.23</gml:lowerCorner>"
	                     "<gml:upperCorner>12.37 44.47</gml:upperCorner></gml:Envelope>", why),
	                 DCATIT_GEOM_SWAPPED);
	/* the short EPSG:4326 is written in both orders (GML 2, WMS 1.1) */
	ck_assert_int_eq(gml("<gml:Envelope srsName=\"EPSG:4326\">"
	                     "<gml:lowerCorner>9.68 42.23</gml:lowerCorner>"
	                     "<gml:upperCorner>12.37 44.47</gml:upperCorner></gml:Envelope>", why),
	                 DCATIT_GEOM_OK);
	ck_assert_int_eq(gml("<gml:Point srsName=\"EPSG:4326\"><gml:pos>191 95</gml:pos></gml:Point>", why),
	                 DCATIT_GEOM_RANGE);
	ck_assert_int_eq(gml("<gml:Point srsName='http://www.opengis.net/def/crs/OGC/1.3/CRS84'>"
	                     "<gml:pos>11.25 43.77</gml:pos></gml:Point>", why), DCATIT_GEOM_OK);
	ck_assert_int_eq(gml("<Point srsName='urn:ogc:def:crs:EPSG::4326'>"
	                     "<coordinates>43.77,11.25 95.1,11.3</coordinates></Point>", why),
	                 DCATIT_GEOM_RANGE);
	ck_assert_int_eq(gml("<gml:Point srsName=\"EPSG:4326\"><gml:pos>43.7 l1.2</gml:pos></gml:Point>", why),
	                 DCATIT_GEOM_MALFORMED);
	ck_assert_ptr_nonnull(strstr(why, "'l1.2'"));
	/* projected, or no CRS at all: coordinates are not degrees, not checked */
	ck_assert_int_eq(gml("<gml:Point srsName=\"EPSG:3003\"><gml:pos>1681234 4848123</gml:pos></gml:Point>", why),
	                 DCATIT_GEOM_OK);
	ck_assert_int_eq(gml("<gml:Point><gml:pos>1681234 4848123</gml:pos></gml:Point>", why), DCATIT_GEOM_OK);
}
END_TEST

/* ---- on a graph ----------------------------------------------------------- */

static const char registry_ttl[] =
	"@prefix dct: <http://purl.org/dc/terms/> .\n"
	"@prefix dcatit: <https://w3id.org/dcatit/ns#> .\n"
	"<https://w3id.org/dcatit/org/r_toscan> dct:identifier \"r_toscan\" ;\n"
	"    dcatit:taxCode \"01386030488\" .\n"
	"<https://w3id.org/dcatit/org/cmfi> dct:identifier \"cmfi\" .\n";

static const char data_ttl[] =
	"@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .\n"     /* 1 */
	"@prefix dct: <http://purl.org/dc/terms/> .\n"                   /* 2 */
	"@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"                 /* 3 */
	"@prefix locn: <http://www.w3.org/ns/locn#> .\n"                 /* 4 */
	"@prefix gsp: <http://www.opengis.net/ont/geosparql#> .\n"       /* 5 */
	"@prefix org: <https://w3id.org/dcatit/org/> .\n"                /* 6 */
	"<http://x/ok> a dcatapit:Dataset ;\n"                           /* 7 */
	"    dct:identifier \"r_toscan:1\" ; dct:rightsHolder org:r_toscan .\n" /* 8 */
	"<http://x/bad> a dcatapit:Dataset ;\n"                          /* 9 */
	"    dct:identifier \"cmfi:2\" ;\n"                              /* 10 */
	"    dct:rightsHolder org:r_toscan .\n"                          /* 11 */
	"<http://x/a1> a foaf:Agent ; dct:identifier \"r_toscna\" .\n"   /* 12 */
	"<http://x/a2> a foaf:Agent ; dct:identifier \"01386030488\" .\n" /* 13 */
	"<http://x/a3> a foaf:Agent ; dct:identifier \"01386030489\" .\n" /* 14 */
	"<http://x/a4> a foaf:Agent ; dct:identifier \"RSSMRA85T10A562S\" .\n" /* 15 */
	"<http://x/a5> a foaf:Agent ; dct:identifier \"cmfi\" .\n"       /* 16 */
	"<http://x/loc> locn:geometry\n"                                 /* 17 */
	"    \"POINT(43.77 11.25)\"^^gsp:wktLiteral .\n"                 /* 18 */
	"<http://x/loc2> locn:geometry \"POINT(11.25 43.77\"^^gsp:wktLiteral .\n"; /* 19 */

typedef struct {
	DcatitTerms *t;
	DcatitModel *data;
	DcatitOrgs *orgs;
	DcatitResults r;
} Fix;

static void fix_init(Fix *f, bool with_registry)
{
	f->t = dcatit_terms_new();
	f->data = dcatit_model_new(f->t);
	ck_assert_ptr_nonnull(f->data);
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.syntax = DCATIT_SYNTAX_TURTLE;
	po.name = "data.ttl";
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(f->data, data_ttl, strlen(data_ttl), &po, &d), DCATIT_OK);
	f->orgs = NULL;
	if (with_registry) {
		char path[] = "/tmp/dcatit-orgs-XXXXXX";
		int fd = mkstemp(path);
		ck_assert_int_ge(fd, 0);
		ck_assert_int_eq(write(fd, registry_ttl, strlen(registry_ttl)), (ssize_t)strlen(registry_ttl));
		close(fd);
		f->orgs = dcatit_orgs_new(f->t);
		ck_assert_int_eq(dcatit_orgs_load_ttl(f->orgs, path, &d), DCATIT_OK);
		unlink(path);
	}
	dcatit_results_init(&f->r);
	ck_assert_int_eq(dcatit_checks_run(f->data, f->orgs, &f->r), DCATIT_OK);
	dcatit_results_sort(&f->r, f->data);
}

static void fix_release(Fix *f)
{
	dcatit_results_release(&f->r);
	dcatit_orgs_free(f->orgs);
	dcatit_model_free(f->data);
	dcatit_terms_free(f->t);
}

/* The result on a line, NULL when none. */
static const DcatitResult *on_line(Fix *f, uint32_t line)
{
	for (size_t i = 0; i < f->r.n; i++)
		if (f->r.items[i].loc.line == line)
			return &f->r.items[i];
	return NULL;
}

static const char *str(Fix *f, DcatitTermId id)
{
	return dcatit_terms_str(f->t, id);
}

START_TEST(test_run_reports_each_problem_on_its_line)
{
	Fix f;
	fix_init(&f, true);
	/* 11 prefix (raptor locates a triple where its statement part ends:
	 * the ';' of line 10 is read with line 11), 12 unknown code, 14 bad
	 * check digit, 18 swapped, 19 malformed */
	ck_assert_uint_eq(f.r.n, 5);
	const DcatitResult *r = on_line(&f, 12);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(str(&f, r->shape), NS "check-ipa");
	ck_assert_str_eq(str(&f, r->component), NS "IpaCodeCheck");
	ck_assert_str_eq(str(&f, r->severity), "http://www.w3.org/ns/shacl#Warning");
	ck_assert_str_eq(str(&f, r->focus), "http://x/a1");
	ck_assert_str_eq(str(&f, r->value), "r_toscna");
	ck_assert_str_eq(str(&f, r->path), "http://purl.org/dc/terms/identifier");
	ck_assert_ptr_nonnull(strstr(str(&f, r->message), "did you mean r_toscan?"));
	ck_assert_str_eq(dcatit_terms_lang(f.t, r->message), "en");

	r = on_line(&f, 11);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(str(&f, r->shape), NS "check-dataset-identifier-prefix");
	ck_assert_ptr_nonnull(strstr(str(&f, r->message), "'r_toscan:2'"));

	r = on_line(&f, 14);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(str(&f, r->shape), NS "check-tax-code");
	ck_assert_ptr_nonnull(strstr(str(&f, r->message), "should be 8, not 9"));

	r = on_line(&f, 18);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(str(&f, r->shape), NS "check-geometry-swapped");
	ck_assert_str_eq(str(&f, r->severity), "http://www.w3.org/ns/shacl#Warning");

	r = on_line(&f, 19);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(str(&f, r->shape), NS "check-geometry");
	ck_assert_str_eq(str(&f, r->severity), "http://www.w3.org/ns/shacl#Violation");
	ck_assert_ptr_nonnull(strstr(str(&f, r->message), "unbalanced parentheses"));

	/* a valid Partita IVA and codice fiscale outside the registry pass */
	ck_assert_ptr_null(on_line(&f, 13));
	ck_assert_ptr_null(on_line(&f, 15));
	ck_assert_ptr_null(on_line(&f, 16));
	fix_release(&f);
}
END_TEST

START_TEST(test_run_without_a_registry_knows_no_ipa_code)
{
	Fix f;
	fix_init(&f, false);
	/* r_toscna and cmfi unknown (no suggestion), the prefix of
	 * <http://x/bad> cannot be compared (org:r_toscan has no triples) */
	const DcatitResult *r = on_line(&f, 16);
	ck_assert_ptr_nonnull(r);
	ck_assert_str_eq(str(&f, r->shape), NS "check-ipa");
	ck_assert_ptr_null(strstr(str(&f, r->message), "did you mean"));
	ck_assert_ptr_null(on_line(&f, 11));
	ck_assert_uint_eq(f.r.n, 5);
	fix_release(&f);
}
END_TEST


/* ---- language tags ------------------------------------------------------- */

static const char *it_word(const char *text, const char *tag)
{
	return dcatit_textlang_italian_word(text, strlen(text), tag);
}

START_TEST(test_italian_text_under_another_tag_is_told_by_its_small_words)
{
	ck_assert_str_eq(it_word("Comune di Prato", "de"), "di");
	ck_assert_str_eq(it_word("Camera di Commercio delle Marche", "EN"), "di");
	ck_assert_str_eq(it_word("Ministero dell\u2019Economia", "de-AT"), "dell");
	ck_assert_str_eq(it_word("Ministero dell'Economia e delle Finanze", "fr"), "dell");
	ck_assert_str_eq(it_word("Universit\u00e0 degli Studi di Firenze", "es"), "degli");
	/* no word list for Slovenian: two different Italian words are needed */
	ck_assert_str_eq(it_word("Comune di Prato, Ufficio della statistica", "sl"), "di");
	ck_assert_ptr_null(it_word("Comune di Prato", "sl"));
}
END_TEST

START_TEST(test_translations_proper_names_and_italian_tags_pass)
{
	ck_assert_ptr_null(it_word("Comune di Prato", "it"));
	ck_assert_ptr_null(it_word("Comune di Prato", "it-CH"));
	ck_assert_ptr_null(it_word("Comune di Prato", NULL));
	ck_assert_ptr_null(it_word("Comune di Prato", ""));
	ck_assert_ptr_null(it_word("Comune di Prato", "not a tag"));
	/* a proper name alone cannot be told: it may be the name in any language */
	ck_assert_ptr_null(it_word("Regione Toscana", "en"));
	/* written in the tagged language, quoting an Italian name */
	ck_assert_ptr_null(it_word("Budget of the Comune di Prato", "en"));
	ck_assert_ptr_null(it_word("Haushalt der Gemeinde Comune di Prato", "de"));
	ck_assert_ptr_null(it_word("Budget de la Comune di Prato", "fr"));
	/* words the tagged language writes too */
	ck_assert_ptr_null(it_word("Costs per capita", "en"));
	ck_assert_ptr_null(it_word("Oficina del Catastro", "es"));
	ck_assert_ptr_null(it_word("Il y a deux rapports", "fr"));
	/* words inside longer words do not count */
	ck_assert_ptr_null(it_word("Dipartimento Dellarte", "en"));
}
END_TEST

int main(void)
{
	Suite *s = suite_create("profile_checks");
	TCase *tc = tcase_create("tax codes");
	tcase_add_test(tc, test_real_tax_codes_of_public_bodies_are_valid);
	tcase_add_test(tc, test_a_wrong_check_digit_is_caught);
	tcase_add_test(tc, test_partita_iva_needs_eleven_digits_not_all_zero);
	tcase_add_test(tc, test_codice_fiscale_check_character);
	tcase_add_test(tc, test_codice_fiscale_with_omocodia_letters);
	tcase_add_test(tc, test_codice_fiscale_shape);
	suite_add_tcase(s, tc);
	tc = tcase_create("geometry");
	tcase_add_test(tc, test_wkt_well_formed_geometries_pass);
	tcase_add_test(tc, test_wkt_malformed_geometries_say_why);
	tcase_add_test(tc, test_wkt_coordinates_outside_crs84);
	tcase_add_test(tc, test_wkt_latitude_first_for_italy_is_swapped);
	tcase_add_test(tc, test_geojson_geometries);
	tcase_add_test(tc, test_geojson_malformed);
	tcase_add_test(tc, test_gml_coordinates_follow_the_srs_name);
	suite_add_tcase(s, tc);
	tc = tcase_create("language tags");
	tcase_add_test(tc, test_italian_text_under_another_tag_is_told_by_its_small_words);
	tcase_add_test(tc, test_translations_proper_names_and_italian_tags_pass);
	suite_add_tcase(s, tc);
	tc = tcase_create("run");
	tcase_add_test(tc, test_run_reports_each_problem_on_its_line);
	tcase_add_test(tc, test_run_without_a_registry_knows_no_ipa_code);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
