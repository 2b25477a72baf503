/* test_rdfio.c: RDF input through raptor and rdf/jsonld_read. Here: IRI
 * references give the same IRI in every syntax, because raptor's parsers
 * resolve them with rdf/iri (see raptor_uri_resolve_uri_reference in
 * rdfio.c), the JSON-LD reader too, and absolute IRIs stay as written. */
#include "rdf/rdfio.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/iri.h"

/* The subject IRI of the only triple of doc read as syn against base. */
static char *subject_of(DcatitSyntax syn, const char *doc, const char *base)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitParseOpts o = {.syntax = syn, .base_uri = base, .name = "doc"};
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitStatus st = dcatit_rdfio_parse_mem(m, doc, strlen(doc), &o, &d);
	ck_assert_msg(st == DCATIT_OK, "%s: %s: %s", dcatit_rdfio_syntax_name(syn), doc,
	              d.message);
	ck_assert_uint_eq(dcatit_model_size(m), 1);
	char *s = strdup(dcatit_terms_str(t, dcatit_model_triple(m, 0)->s));
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return s;
}

/* ref as the subject of a one-triple document in each syntax that allows
 * relative references; every reader must give want. */
static void relative_everywhere(const char *base, const char *ref, const char *want)
{
	char doc[1024];
	const struct {
		DcatitSyntax syn;
		const char *fmt;
	} forms[] = {
		{DCATIT_SYNTAX_TURTLE, "<%s> <http://x/p> \"o\" ."},
		{DCATIT_SYNTAX_TRIG, "{ <%s> <http://x/p> \"o\" . }"},
		{DCATIT_SYNTAX_RDFXML, "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-"
		 "syntax-ns#\" xmlns:x=\"http://x/\"><rdf:Description rdf:about=\"%s\">"
		 "<x:p>o</x:p></rdf:Description></rdf:RDF>"},
		{DCATIT_SYNTAX_JSONLD, "{\"@id\": \"%s\", \"http://x/p\": \"o\"}"},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		snprintf(doc, sizeof doc, forms[i].fmt, ref);
		char *got = subject_of(forms[i].syn, doc, base);
		ck_assert_msg(strcmp(got, want) == 0, "%s: <%s> against <%s> gave <%s>, want <%s>",
		              dcatit_rdfio_syntax_name(forms[i].syn), ref, base, got, want);
		free(got);
	}
	DcatitBuf b;
	dcatit_buf_init(&b);
	ck_assert_int_eq(dcatit_iri_resolve_ref(base, ref, &b), DCATIT_OK);
	ck_assert_str_eq(b.data, want);
	dcatit_buf_release(&b);
}

START_TEST(relative_references_resolve_alike_in_every_syntax)
{
	/* raptor alone gave http://ab//xyz for the first */
	relative_everywhere("http://ab//de//ghi", "../xyz", "http://ab//de/xyz");
	relative_everywhere("http://ab//de//ghi", "./q", "http://ab//de//q");
	relative_everywhere("http://ab//de//ghi", "a/./b/../c", "http://ab//de//a/c");
	relative_everywhere("http://a/b/c/d;p?q", "../../../g", "http://a/g");
	relative_everywhere("http://a/b/c/d;p?q", "g;x=1/../y", "http://a/b/c/y");
	relative_everywhere("http://a/b/c/d;p?q", "?y", "http://a/b/c/d;p?y");
	relative_everywhere("http://x/a/b", "../c", "http://x/c");
}
END_TEST

START_TEST(absolute_iris_stay_as_written_in_every_syntax)
{
	const char *iri = "http://x/a/./b/../c";
	char doc[512];
	const struct {
		DcatitSyntax syn;
		const char *fmt;
	} forms[] = {
		{DCATIT_SYNTAX_NTRIPLES, "<%s> <http://x/p> \"o\" .\n"},
		{DCATIT_SYNTAX_NQUADS, "<%s> <http://x/p> \"o\" .\n"},
		{DCATIT_SYNTAX_TURTLE, "<%s> <http://x/p> \"o\" ."},
		{DCATIT_SYNTAX_TRIG, "{ <%s> <http://x/p> \"o\" . }"},
		{DCATIT_SYNTAX_RDFXML, "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-"
		 "syntax-ns#\" xmlns:x=\"http://x/\"><rdf:Description rdf:about=\"%s\">"
		 "<x:p>o</x:p></rdf:Description></rdf:RDF>"},
		{DCATIT_SYNTAX_JSONLD, "{\"@id\": \"%s\", \"http://x/p\": \"o\"}"},
	};
	for (size_t i = 0; i < sizeof forms / sizeof forms[0]; i++) {
		snprintf(doc, sizeof doc, forms[i].fmt, iri);
		char *got = subject_of(forms[i].syn, doc, "http://base/d/e");
		ck_assert_msg(strcmp(got, iri) == 0, "%s gave <%s>",
		              dcatit_rdfio_syntax_name(forms[i].syn), got);
		free(got);
	}
}
END_TEST

START_TEST(a_base_directive_is_resolved_by_the_same_resolver)
{
	char *got = subject_of(DCATIT_SYNTAX_TURTLE,
	                       "@base <http://ab//de//ghi> . <../xyz> <http://x/p> \"o\" .",
	                       "http://other/");
	ck_assert_str_eq(got, "http://ab//de/xyz");
	free(got);
	got = subject_of(DCATIT_SYNTAX_RDFXML,
	                 "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	                 "xmlns:x=\"http://x/\" xml:base=\"http://ab//de//ghi\">"
	                 "<rdf:Description rdf:about=\"../xyz\"><x:p>o</x:p></rdf:Description>"
	                 "</rdf:RDF>", "http://other/");
	ck_assert_str_eq(got, "http://ab//de/xyz");
	free(got);
}
END_TEST

START_TEST(an_iri_survives_a_round_trip_through_every_writer)
{
	const char *doc = "<http://x/a/./b/../c> <http://x/p> <http://ab//de//../x> .\n";
	const DcatitSyntax out[] = {DCATIT_SYNTAX_TURTLE, DCATIT_SYNTAX_RDFXML,
	                            DCATIT_SYNTAX_NTRIPLES, DCATIT_SYNTAX_JSONLD};
	for (size_t i = 0; i < sizeof out / sizeof out[0]; i++) {
		DcatitTerms *t = dcatit_terms_new();
		DcatitModel *m = dcatit_model_new(t), *back = dcatit_model_new(t);
		DcatitParseOpts o = {.syntax = DCATIT_SYNTAX_NTRIPLES, .base_uri = "http://b/"};
		DcatitDiag d;
		dcatit_diag_init(&d);
		ck_assert_int_eq(dcatit_rdfio_parse_mem(m, doc, strlen(doc), &o, &d), DCATIT_OK);
		DcatitBuf b;
		dcatit_buf_init(&b);
		ck_assert_int_eq(dcatit_rdfio_write_buf(m, &b, out[i], NULL, &d), DCATIT_OK);
		o.syntax = out[i];
		ck_assert_int_eq(dcatit_rdfio_parse_mem(back, b.data, b.len, &o, &d), DCATIT_OK);
		ck_assert_uint_eq(dcatit_model_size(back), 1);
		const DcatitTriple *tr = dcatit_model_triple(back, 0);
		ck_assert_str_eq(dcatit_terms_str(t, tr->s), "http://x/a/./b/../c");
		ck_assert_str_eq(dcatit_terms_str(t, tr->o), "http://ab//de//../x");
		dcatit_buf_release(&b);
		dcatit_model_free(m);
		dcatit_model_free(back);
		dcatit_terms_free(t);
	}
}
END_TEST


/* Parse doc (syntax syn) and return the status; d filled. */
static DcatitStatus parse_status(DcatitSyntax syn, const char *doc, size_t len, DcatitDiag *d)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitParseOpts o = {.syntax = syn, .name = "doc"};
	dcatit_diag_init(d);
	DcatitStatus st = dcatit_rdfio_parse_mem(m, doc, len, &o, d);
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return st;
}

START_TEST(a_nul_escape_is_a_located_error_not_a_cut_literal)
{
	DcatitDiag d;
	const char *nt = "<http://x/s> <http://x/p> \"a\\u0000b\" .\n";
	ck_assert_int_eq(parse_status(DCATIT_SYNTAX_NTRIPLES, nt, strlen(nt), &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, 1);
	ck_assert(strstr(d.message, "NUL") != NULL);
	/* in a long string, after 64 KiB (the read chunk) and across it */
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "@prefix x: <http://x/> .\n# \\u0000 in a comment is text\n");
	while (b.len < (64u << 10) - 10)
		dcatit_buf_adds(&b, "x:s x:p \"\\\\u0000 is a backslash and text\" .\n");
	dcatit_buf_adds(&b, "x:s x:p \"\"\"one\ntwo \\u0000\"\"\" .\n");
	ck_assert_int_eq(parse_status(DCATIT_SYNTAX_TURTLE, b.data, b.len, &d), DCATIT_ERR_SYNTAX);
	ck_assert_uint_gt(d.line, 1000);
	/* the same without the NUL escape reads */
	b.len -= strlen("\\u0000\"\"\" .\n");
	dcatit_buf_adds(&b, "\"\"\" .\n");
	ck_assert_int_eq(parse_status(DCATIT_SYNTAX_TURTLE, b.data, b.len, &d), DCATIT_OK);
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(lone_surrogates_and_bytes_that_are_not_utf8_are_located_errors)
{
	DcatitDiag d;
	const char *s = "<http://x/s> <http://x/p> \"a\\uD800b\" .\n";
	ck_assert_int_eq(parse_status(DCATIT_SYNTAX_NTRIPLES, s, strlen(s), &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert(strstr(d.message, "surrogate") != NULL);
	ck_assert_uint_eq(d.line, 1);
	const char *iri = "\n<http://x/\\uDFFF> <http://x/p> \"a\" .\n";
	ck_assert_int_eq(parse_status(DCATIT_SYNTAX_TURTLE, iri, strlen(iri), &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert(strstr(d.message, "an IRI") != NULL);
	/* a real character beyond U+FFFF, escaped as Turtle says, is fine */
	const char *ok = "<http://x/s> <http://x/p> \"\\U0001F600\" .\n";
	ck_assert_int_eq(parse_status(DCATIT_SYNTAX_TURTLE, ok, strlen(ok), &d), DCATIT_OK);
}
END_TEST

START_TEST(blank_node_labels_are_written_so_that_they_read_back)
{
	const char *xml = "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" "
	                  "xmlns:x=\"http://x/\"><rdf:Description rdf:nodeID=\"a.\">"
	                  "<x:p rdf:nodeID=\"a_2E\"/></rdf:Description></rdf:RDF>";
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t), *back = dcatit_model_new(t);
	DcatitParseOpts o = {.syntax = DCATIT_SYNTAX_RDFXML, .base_uri = "http://b/"};
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, xml, strlen(xml), &o, &d), DCATIT_OK);
	DcatitBuf b;
	dcatit_buf_init(&b);
	ck_assert_int_eq(dcatit_rdfio_write_buf(m, &b, DCATIT_SYNTAX_NTRIPLES, NULL, &d),
	                 DCATIT_OK);
	o.syntax = DCATIT_SYNTAX_NTRIPLES;
	ck_assert_msg(dcatit_rdfio_parse_mem(back, b.data, b.len, &o, &d) == DCATIT_OK, "%s: %s",
	              b.data, d.message);
	/* "a." and "a_2E" stay two nodes */
	ck_assert_uint_eq(dcatit_model_size(back), 1);
	const DcatitTriple *tr = dcatit_model_triple(back, 0);
	ck_assert_uint_ne(tr->s, tr->o);
	dcatit_buf_release(&b);
	dcatit_model_free(m);
	dcatit_model_free(back);
	dcatit_terms_free(t);
}
END_TEST

static Suite *rdfio_suite(void)
{
	Suite *s = suite_create("rdfio");
	TCase *tc = tcase_create("iri");
	tcase_add_test(tc, relative_references_resolve_alike_in_every_syntax);
	tcase_add_test(tc, absolute_iris_stay_as_written_in_every_syntax);
	tcase_add_test(tc, a_base_directive_is_resolved_by_the_same_resolver);
	tcase_add_test(tc, an_iri_survives_a_round_trip_through_every_writer);
	suite_add_tcase(s, tc);
	tc = tcase_create("literals and labels");
	tcase_add_test(tc, a_nul_escape_is_a_located_error_not_a_cut_literal);
	tcase_add_test(tc, lone_surrogates_and_bytes_that_are_not_utf8_are_located_errors);
	tcase_add_test(tc, blank_node_labels_are_written_so_that_they_read_back);
	suite_add_tcase(s, tc);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(rdfio_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
