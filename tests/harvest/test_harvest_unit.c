/* test_harvest_unit.c: Check tests of the harvest modules that need no
 * network: record file stems, source files (harvest/config), and the
 * normalisation of known defects (harvest/normalize). */
#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/buf.h"
#include "harvest/config.h"
#include "harvest/harvest.h"
#include "harvest/normalize.h"
#include "rdf/canon.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"

static const char *PFX =
	"@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	"@prefix dcatapit: <http://dati.gov.it/onto/dcatapit#> .\n"
	"@prefix dct: <http://purl.org/dc/terms/> .\n"
	"@prefix foaf: <http://xmlns.com/foaf/0.1/> .\n"
	"@prefix schema: <http://schema.org/> .\n"
	"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n";

static DcatitModel *parse(DcatitTerms *t, const char *ttl)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, PFX);
	dcatit_buf_adds(&b, ttl);
	DcatitModel *m = dcatit_model_new(t);
	DcatitParseOpts po = { .syntax = DCATIT_SYNTAX_TURTLE, .name = "test.ttl",
	                       .base_uri = "http://example.org/" };
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, b.data, b.len, &po, &d), DCATIT_OK);
	dcatit_buf_release(&b);
	return m;
}

static char *canon(DcatitModel *m)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	ck_assert_int_eq(dcatit_canon_write(m, &b), DCATIT_OK);
	return dcatit_buf_detach(&b);
}

/* Normalise ttl with src (may be NULL) into a fresh model of store `to`;
 * returns the canonical N-Triples (caller frees). */
static char *normalize(DcatitTerms *from, DcatitTerms *to, const char *ttl,
                       const DcatitHarvestSource *src, DcatitHarvestFixes *fx)
{
	DcatitModel *in = parse(from, ttl);
	DcatitModel *out = dcatit_model_new(to);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_harvest_normalize(in, out, src, fx, &d), DCATIT_OK);
	char *s = canon(out);
	dcatit_model_free(in);
	dcatit_model_free(out);
	return s;
}

START_TEST(stems_are_safe_bounded_and_distinct)
{
	char a[96], b[96], c[96];
	dcatit_harvest_stem("http://dati.example.it/dataset/a b?x=1#frag", a);
	dcatit_harvest_stem("http://dati.example.it/dataset/a_b?x=1#frag", b);
	dcatit_harvest_stem("http://dati.example.it/dataset/a b?x=1#frag", c);
	ck_assert_str_eq(a, c);
	ck_assert_str_ne(a, b);
	ck_assert_uint_eq(strspn(a, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	                            "0123456789._-"), strlen(a));
	ck_assert_ptr_eq(strstr(a, "http"), NULL);
	char big[4000];
	memset(big, 'x', sizeof big - 1);
	big[sizeof big - 1] = '\0';
	dcatit_harvest_stem(big, a);
	ck_assert_uint_le(strlen(a), 93);
	dcatit_harvest_stem("../../etc/passwd", a);
	ck_assert_ptr_eq(strchr(a, '/'), NULL);
	ck_assert(a[0] != '.');
	dcatit_harvest_stem("", a);
	ck_assert_uint_eq(strlen(a), 12);
}
END_TEST

static char *write_tmp(const char *name, const char *text)
{
	static char path[256];
	snprintf(path, sizeof path, "/tmp/dcatit-unit-%ld-%s", (long)getpid(), name);
	FILE *f = fopen(path, "w");
	ck_assert_ptr_nonnull(f);
	fputs(text, f);
	fclose(f);
	return path;
}

START_TEST(source_files_load_with_defaults)
{
	char *p = write_tmp("toscana.yaml",
	                    "type: ckan\nurl: https://dati.toscana.it\nfilters:\n"
	                    "  organization: regione-toscana\ndefaults:\n  publisher: r_toscan\n");
	DcatitHarvestSource s;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_harvest_source_load(p, &s, &d), DCATIT_OK);
	ck_assert_int_eq(s.type, DCATIT_HARVEST_CKAN);
	ck_assert(strstr(s.name, "toscana") != NULL);
	ck_assert_str_eq(s.organization, "regione-toscana");
	ck_assert_str_eq(s.publisher, "r_toscan");
	ck_assert_uint_eq(s.page_size, 1000);
	ck_assert_uint_eq(s.max_pages, 1000);
	ck_assert_uint_eq(s.max_body, (size_t)64 << 20);
	ck_assert(!s.disabled && !s.use_get);
	ck_assert_uint_eq(s.max_removal_pct, 0); /* the guard's default */
	ck_assert_uint_eq(s.nfollow_hosts, 0);
	dcatit_harvest_source_release(&s);
	dcatit_harvest_source_release(NULL);
	remove(p);
}
END_TEST

START_TEST(follow_hosts_and_the_removal_share_load)
{
	char *p = write_tmp("hosts.yaml",
	                    "type: dcat\nurl: https://dati.example.it/catalog.ttl\n"
	                    "follow_hosts:\n  - cdn.example.it\n  - 'mirror.example.it:8443'\n"
	                    "limits:\n  max_removal: 35%\n");
	DcatitHarvestSource s;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_harvest_source_load(p, &s, &d), DCATIT_OK);
	ck_assert_uint_eq(s.nfollow_hosts, 2);
	ck_assert_str_eq(s.follow_hosts[0], "cdn.example.it");
	ck_assert_str_eq(s.follow_hosts[1], "mirror.example.it:8443");
	ck_assert_uint_eq(s.max_removal_pct, 35);
	dcatit_harvest_source_release(&s);
	remove(p);
	p = write_tmp("one.yaml", "type: dcat\nurl: https://x.example/\nfollow_hosts: [a.example]\n");
	ck_assert_int_eq(dcatit_harvest_source_load(p, &s, &d), DCATIT_OK);
	ck_assert_uint_eq(s.nfollow_hosts, 1);
	dcatit_harvest_source_release(&s);
	remove(p);
}
END_TEST

START_TEST(bad_source_files_are_located_errors)
{
	static const struct {
		const char *text;
		const char *want;
		unsigned long line;
	} cases[] = {
		{ "type: ckan\nurl: http://x/\nlimits:\n  max_body: 3\n", "unknown key 'limits.max_body'", 4 },
		{ "type: ftp\nurl: http://x/\n", "unknown source type 'ftp'", 1 },
		{ "url: http://x/\n", "'type' is missing", 1 },
		{ "type: dcat\nurl: file:///etc/passwd\n", "must be an http or https URL", 1 },
		{ "type: ckan\nurl: http://x/\npage_size: 1001\n", "above CKAN's cap", 1 },
		{ "type: dcat\nurl: http://x/\nlimits:\n  max_pages: -3\n", "whole number", 4 },
		{ "type: dcat\nurl: [http://x/]\n", "only follow_hosts is a list", 2 },
		{ "type: dcat\nurl: http://x/\nfollow_hosts:\n  - a.example\n  - 'a b'\n",
		  "not a host or host:port", 5 },
		{ "type: dcat\nurl: http://x/\nfollow_hosts:\n  - {a: b}\n",
		  "list of host names", 4 },
		{ "type: dcat\nurl: http://x/\nlimits:\n  max_removal: 0\n", "percentage", 4 },
		{ "type: dcat\nurl: http://x/\nlimits:\n  max_removal: 101%\n", "percentage", 4 },
		{ "type: dcat\nurl: http://x/\nenabled: maybe\n", "true or false", 3 },
		{ "type: [dcat\n", "", 0 },
		/* the shared YAML reader's refusals (base/yaml.h) */
		{ "type: &t dcat\nurl: http://x/\n", "anchors and aliases are not allowed", 1 },
		{ "type: dcat\nurl: http://x/\nfilters: {a: {b: {c: 1}}}\n", "too deeply nested", 3 },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		char *p = write_tmp("bad.yaml", cases[i].text);
		DcatitHarvestSource s;
		DcatitDiag d;
		dcatit_diag_init(&d);
		ck_assert_int_ne(dcatit_harvest_source_load(p, &s, &d), DCATIT_OK);
		ck_assert_msg(strstr(d.message, cases[i].want) != NULL, "case %zu: %s", i, d.message);
		if (cases[i].line)
			ck_assert_uint_eq(d.line, cases[i].line);
		ck_assert_ptr_eq(s.url, NULL); /* released on failure */
		remove(p);
	}
	/* a FIFO where a source file should be: refused, not waited on */
	char fifo[256];
	snprintf(fifo, sizeof fifo, "/tmp/dcatit-unit-%ld-fifo.yaml", (long)getpid());
	ck_assert_int_eq(mkfifo(fifo, 0600), 0);
	DcatitHarvestSource s;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_harvest_source_load(fifo, &s, &d), DCATIT_ERR_IO);
	ck_assert_ptr_nonnull(strstr(d.message, "not a regular file"));
	remove(fifo);
}
END_TEST

START_TEST(schema_dates_become_dcatapit_dates)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitHarvestFixes fx;
	memset(&fx, 0, sizeof fx);
	char *s = normalize(t, t,
	                    "<d> a dcat:Dataset ; dct:temporal [ a dct:PeriodOfTime ;\n"
	                    "  schema:startDate \"2016-11-01T00:00:00\"^^xsd:dateTime ;\n"
	                    "  schema:endDate \"2017-01-01T10:30:00\"^^xsd:dateTime ] .\n",
	                    NULL, &fx);
	ck_assert_uint_eq(fx.schema_dates, 2);
	ck_assert_uint_eq(fx.datetime_dates, 1); /* only the midnight one */
	ck_assert_ptr_eq(strstr(s, "schema.org"), NULL);
	ck_assert_ptr_nonnull(strstr(s, "<http://dati.gov.it/onto/dcatapit#startDate> "
	                                "\"2016-11-01\"^^<http://www.w3.org/2001/XMLSchema#date>"));
	ck_assert_ptr_nonnull(strstr(s, "<http://dati.gov.it/onto/dcatapit#endDate> "
	                                "\"2017-01-01T10:30:00\"^^<http://www.w3.org/2001/XMLSchema#dateTime>"));
	free(s);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(namespace_without_hash_is_rewritten)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitHarvestFixes fx;
	memset(&fx, 0, sizeof fx);
	char *s = normalize(t, t,
	                    "@prefix bad: <http://dati.gov.it/onto/dcatapit> .\n"
	                    "<d> a bad:Dataset, dcat:Dataset ; bad:x \"1\"^^bad:T ;\n"
	                    "  dct:conformsTo <http://dati.gov.it/onto/dcatapit> .\n",
	                    NULL, &fx);
	ck_assert_uint_eq(fx.namespace_iris, 2);
	ck_assert_ptr_nonnull(strstr(s, "<http://dati.gov.it/onto/dcatapit#Dataset>"));
	ck_assert_ptr_nonnull(strstr(s, "<http://dati.gov.it/onto/dcatapit#x> "
	                                "\"1\"^^<http://dati.gov.it/onto/dcatapit#T>"));
	/* the ontology IRI itself is not a term of it */
	ck_assert_ptr_nonnull(strstr(s, "<http://dati.gov.it/onto/dcatapit> ."));
	free(s);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(na_publishers_are_replaced_or_counted)
{
	const char *ttl =
		"<d> a dcat:Dataset ;\n"
		"  dct:publisher [ a foaf:Agent ; foaf:name \" N/A \" ; dct:identifier \"n/a\" ] ;\n"
		"  dct:rightsHolder [ foaf:name \"Comune\" ; dct:identifier \"c_a000\" ] ;\n"
		"  dct:creator [ foaf:name \"\" ] .\n";
	DcatitTerms *t = dcatit_terms_new();
	DcatitHarvestSource src;
	memset(&src, 0, sizeof src);
	src.publisher = (char *)"r_toscan";
	src.publisher_name = (char *)"Regione Toscana";
	DcatitHarvestFixes fx;
	memset(&fx, 0, sizeof fx);
	char *s = normalize(t, t, ttl, &src, &fx);
	ck_assert_uint_eq(fx.na_publishers, 1);
	ck_assert_uint_eq(fx.na_unfixed, 0);
	ck_assert_uint_eq(fx.empty_agents, 1);
	ck_assert_uint_eq(fx.untyped_agents, 1); /* the holder */
	ck_assert_uint_eq(fx.default_publisher, 0);
	ck_assert_ptr_eq(strstr(s, "N/A"), NULL);
	ck_assert_ptr_eq(strstr(s, "creator"), NULL);
	ck_assert_ptr_nonnull(strstr(s, "\"r_toscan\""));
	ck_assert_ptr_nonnull(strstr(s, "\"Regione Toscana\""));
	free(s);
	/* without a default: kept and counted */
	memset(&fx, 0, sizeof fx);
	s = normalize(t, t, ttl, NULL, &fx);
	ck_assert_uint_eq(fx.na_publishers, 0);
	ck_assert_uint_eq(fx.na_unfixed, 1);
	ck_assert_ptr_nonnull(strstr(s, "N/A"));
	free(s);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(missing_publisher_and_holder_get_the_defaults)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitHarvestSource src;
	memset(&src, 0, sizeof src);
	src.publisher = (char *)"c_a000";
	src.rights_holder = (char *)"c_b000";
	DcatitHarvestFixes fx;
	memset(&fx, 0, sizeof fx);
	char *s = normalize(t, t, "<d> a dcatapit:Dataset ; dct:title \"x\" .\n"
	                          "<c> a dcat:Catalog ; dcat:dataset <d> .\n", &src, &fx);
	ck_assert_uint_eq(fx.default_publisher, 1); /* the dataset, not the catalogue */
	ck_assert_uint_eq(fx.default_holder, 1);
	ck_assert_ptr_nonnull(strstr(s, "\"c_a000\""));
	ck_assert_ptr_nonnull(strstr(s, "\"c_b000\""));
	free(s);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(records_of_another_term_store_are_copied_with_fresh_blank_nodes)
{
	DcatitTerms *a = dcatit_terms_new(), *b = dcatit_terms_new();
	DcatitHarvestFixes fx;
	memset(&fx, 0, sizeof fx);
	const char *ttl = "<d> a dcat:Dataset ; dct:publisher _:p ; dct:title \"t\"@it .\n"
	                  "_:p a foaf:Agent, dcatapit:Agent ; foaf:name \"P\" .\n";
	char *same = normalize(b, b, ttl, NULL, &fx);
	char *other = normalize(a, b, ttl, NULL, &fx);
	ck_assert_str_eq(same, other); /* isomorphic whatever the store */
	/* the two copies in b do not share a blank node */
	DcatitModel *in = parse(a, ttl);
	DcatitModel *out = dcatit_model_new(b);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_harvest_normalize(in, out, NULL, &fx, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_harvest_normalize(in, out, NULL, &fx, &d), DCATIT_OK);
	DcatitTermId pub = dcatit_terms_find_iri(b, "http://purl.org/dc/terms/publisher");
	ck_assert_uint_eq(dcatit_model_po(out, pub, 0).n, 2);
	dcatit_model_free(in);
	dcatit_model_free(out);
	free(same);
	free(other);
	dcatit_terms_free(a);
	dcatit_terms_free(b);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("harvest");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, stems_are_safe_bounded_and_distinct);
	tcase_add_test(tc, source_files_load_with_defaults);
	tcase_add_test(tc, follow_hosts_and_the_removal_share_load);
	tcase_add_test(tc, bad_source_files_are_located_errors);
	tcase_add_test(tc, schema_dates_become_dcatapit_dates);
	tcase_add_test(tc, namespace_without_hash_is_rewritten);
	tcase_add_test(tc, na_publishers_are_replaced_or_counted);
	tcase_add_test(tc, missing_publisher_and_holder_get_the_defaults);
	tcase_add_test(tc, records_of_another_term_store_are_copied_with_fresh_blank_nodes);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
