/* test_report.c: the five report formats and the generated messages, on
 * hand-made results (no engine involved). */
#include "shacl/report.h"

#include <check.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/canon.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"
#include "rdf/vocab.h"

#define EX "http://example.org/"

typedef struct {
	DcatitTerms *t;
	DcatitModel *data, *shapes;
	DcatitResults r;
	DcatitReportInput in;
	const char *files[1];
	DcatitBuf out;
} Fix;

static void parse(DcatitModel *m, const char *name, const char *doc)
{
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.syntax = DCATIT_SYNTAX_TURTLE;
	po.name = name;
	po.base_uri = EX;
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, doc, strlen(doc), &po, &d), DCATIT_OK);
}

static void fix_init(Fix *f)
{
	f->t = dcatit_terms_new();
	f->data = dcatit_model_new(f->t);
	f->shapes = dcatit_model_new(f->t);
	parse(f->data, "data.ttl",
	      "@prefix dct: <http://purl.org/dc/terms/> .\n"
	      "@prefix ex: <http://example.org/> .\n"
	      "ex:d a ex:Dataset ;\n"
	      "   dct:modified \"abc\" .\n");
	parse(f->shapes, "shapes.ttl",
	      "@prefix sh: <http://www.w3.org/ns/shacl#> .\n"
	      "@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
	      "@prefix ex: <http://example.org/> .\n"
	      "ex:S sh:property ex:P .\n"
	      "ex:P sh:path ( dcat:distribution [ sh:inversePath dcat:accessURL ] ) .\n");
	dcatit_results_init(&f->r);
	memset(&f->in, 0, sizeof f->in);
	f->files[0] = "data.ttl";
	f->in.data = f->data;
	f->in.shapes = f->shapes;
	f->in.files = f->files;
	f->in.nfiles = 1;
	dcatit_buf_init(&f->out);
}

static void fix_release(Fix *f)
{
	dcatit_buf_release(&f->out);
	dcatit_results_release(&f->r);
	dcatit_model_free(f->shapes);
	dcatit_model_free(f->data);
	dcatit_terms_free(f->t);
}

static DcatitTermId iri(Fix *f, const char *s)
{
	return dcatit_terms_iri_z(f->t, s);
}

/* A sh:minCount 1 violation on dct:modified with no value; raptor locates
 * the triples of a Turtle statement at its last line (4). */
static DcatitResult min_count(Fix *f)
{
	DcatitResult res;
	memset(&res, 0, sizeof res);
	res.focus = iri(f, EX "d");
	res.path = iri(f, DCATIT_NS_DCT "modified");
	res.shape = iri(f, EX "S");
	res.component = iri(f, DCATIT_NS_SH "MinCountConstraintComponent");
	res.severity = iri(f, DCATIT_NS_SH "Violation");
	res.param = dcatit_terms_literal_z(f->t, "1", iri(f, DCATIT_NS_XSD "integer"), NULL);
	res.loc = dcatit_model_node_loc(f->data, res.focus);
	return res;
}

/* An ill-formed xsd:date, as a warning. */
static DcatitResult bad_date(Fix *f, const char *lex)
{
	DcatitResult res = min_count(f);
	DcatitTermId date = iri(f, DCATIT_NS_XSD "date");
	res.value = dcatit_terms_literal_z(f->t, lex, date, NULL);
	res.component = iri(f, DCATIT_NS_SH "DatatypeConstraintComponent");
	res.severity = iri(f, DCATIT_NS_SH "Warning");
	res.param = date;
	res.loc.line = 4;
	return res;
}

static const char *render(Fix *f, DcatitReportFormat fmt)
{
	dcatit_buf_clear(&f->out);
	ck_assert_int_eq(dcatit_report_write(&f->r, &f->in, fmt, &f->out), DCATIT_OK);
	return f->out.data ? f->out.data : "";
}

START_TEST(text_is_one_located_line_per_finding_with_prefixed_message)
{
	Fix f;
	fix_init(&f);
	DcatitResult a = min_count(&f), b = bad_date(&f, "abc");
	dcatit_results_add(&f.r, &a);
	dcatit_results_add(&f.r, &b);
	const char *s = render(&f, DCATIT_REPORT_TEXT);
	ck_assert_str_eq(s,
		"data.ttl:4: error: dct:modified is missing (minCount 1) [focus <" EX "d>, "
		"path <http://purl.org/dc/terms/modified>, shape <" EX "S>, constraint sh:minCount]\n"
		"data.ttl:4: warning: value \"abc\"^^xsd:date of dct:modified is not a valid "
		"xsd:date (use YYYY-MM-DD) [focus <" EX "d>, path <http://purl.org/dc/terms/modified>, "
		"value \"abc\"^^<http://www.w3.org/2001/XMLSchema#date>, shape <" EX "S>, "
		"constraint sh:datatype]\n");
	fix_release(&f);
}
END_TEST

START_TEST(shape_message_replaces_the_generated_one)
{
	Fix f;
	fix_init(&f);
	DcatitResult a = min_count(&f);
	a.message = dcatit_terms_literal_z(f.t, "serve la data\ndi modifica", 0, "it");
	dcatit_buf_clear(&f.out);
	ck_assert(dcatit_report_message(&a, &f.in, &f.out));
	ck_assert_str_eq(f.out.data, "serve la data di modifica");
	fix_release(&f);
}
END_TEST

START_TEST(long_literals_are_cut_in_text_but_not_in_json)
{
	Fix f;
	fix_init(&f);
	char *big = malloc(100001);
	memset(big, 'y', 100000);
	big[100000] = '\0';
	DcatitResult a = bad_date(&f, big);
	dcatit_results_add(&f.r, &a);
	const char *s = render(&f, DCATIT_REPORT_TEXT);
	ck_assert_uint_lt(strlen(s), 1000);
	ck_assert_ptr_nonnull(strstr(s, "yyy...\""));
	s = render(&f, DCATIT_REPORT_JSON);
	ck_assert_uint_gt(strlen(s), 100000);
	free(big);
	fix_release(&f);
}
END_TEST

START_TEST(complex_paths_render_as_property_paths)
{
	Fix f;
	fix_init(&f);
	DcatitResult a = min_count(&f);
	a.path = dcatit_model_object(f.shapes, iri(&f, EX "P"), iri(&f, DCATIT_NS_SH "path"));
	ck_assert_uint_ne(a.path, 0);
	dcatit_results_add(&f.r, &a);
	const char *s = render(&f, DCATIT_REPORT_TEXT);
	ck_assert_ptr_nonnull(strstr(s, "error: dcat:distribution/^dcat:accessURL is missing"));
	s = render(&f, DCATIT_REPORT_JSON);
	ck_assert_ptr_nonnull(strstr(s, "\"path\": \"<http://www.w3.org/ns/dcat#distribution>/"
	                                "^<http://www.w3.org/ns/dcat#accessURL>\""));
	fix_release(&f);
}
END_TEST

START_TEST(ttl_report_is_a_parseable_validation_report_with_path_structure)
{
	Fix f;
	fix_init(&f);
	DcatitResult a = min_count(&f);
	a.path = dcatit_model_object(f.shapes, iri(&f, EX "P"), iri(&f, DCATIT_NS_SH "path"));
	DcatitResult b = bad_date(&f, "a \"quoted\"\nvalue");
	dcatit_results_add(&f.r, &a);
	dcatit_results_add(&f.r, &b);
	const char *s = render(&f, DCATIT_REPORT_TTL);
	DcatitModel *rep = dcatit_model_new(f.t);
	parse(rep, "report.ttl", s);
	DcatitTermId type = iri(&f, DCATIT_NS_RDF "type");
	DcatitRange reports = dcatit_model_po(rep, type, iri(&f, DCATIT_NS_SH "ValidationReport"));
	ck_assert_uint_eq(reports.n, 1);
	DcatitTermId report = dcatit_model_triple(rep, reports.idx[0])->s;
	DcatitTermId f_lit = dcatit_model_object(rep, report, iri(&f, DCATIT_NS_SH "conforms"));
	ck_assert_str_eq(dcatit_terms_str(f.t, f_lit), "false");
	ck_assert_uint_eq(dcatit_model_sp(rep, report, iri(&f, DCATIT_NS_SH "result")).n, 2);
	/* the sequence path was copied as an RDF list whose 2nd item is an
	 * sh:inversePath node */
	DcatitTermId inv = iri(&f, DCATIT_NS_SH "inversePath");
	DcatitRange r = dcatit_model_po(rep, inv, iri(&f, DCATIT_NS_DCAT "accessURL"));
	ck_assert_uint_eq(r.n, 1);
	ck_assert_uint_eq(dcatit_model_po(rep, iri(&f, DCATIT_NS_SH "value"), b.value).n, 1);
	dcatit_model_free(rep);
	fix_release(&f);
}
END_TEST

START_TEST(conforming_ttl_report_says_conforms_true)
{
	Fix f;
	fix_init(&f);
	const char *s = render(&f, DCATIT_REPORT_TTL);
	ck_assert_ptr_nonnull(strstr(s, "sh:conforms true ."));
	fix_release(&f);
}
END_TEST

START_TEST(json_has_conforms_counts_and_escaped_fields)
{
	Fix f;
	fix_init(&f);
	DcatitResult a = min_count(&f), b = bad_date(&f, "tab\there \"q\"");
	dcatit_results_add(&f.r, &a);
	dcatit_results_add(&f.r, &b);
	const char *s = render(&f, DCATIT_REPORT_JSON);
	ck_assert_ptr_nonnull(strstr(s, "\"conforms\": false"));
	ck_assert_ptr_nonnull(strstr(s, "\"counts\": {\"errors\": 1, \"warnings\": 1, \"infos\": 0}"));
	ck_assert_ptr_nonnull(strstr(s, "\"file\": \"data.ttl\", \"line\": 4, \"severity\": \"error\""));
	ck_assert_ptr_nonnull(strstr(s, "\"value\": \"\\\"tab\\\\there \\\\\\\"q\\\\\\\"\\\""));
	ck_assert_ptr_nonnull(strstr(s, "\"constraint-parameter\": \"http://www.w3.org/2001/XMLSchema#date\""));
	ck_assert_ptr_null(strchr(s, '\t'));
	fix_release(&f);
}
END_TEST

START_TEST(junit_fails_only_at_or_above_fail_on_and_escapes_xml)
{
	Fix f;
	fix_init(&f);
	DcatitResult a = min_count(&f), b = bad_date(&f, "<&>");
	dcatit_results_add(&f.r, &a);
	dcatit_results_add(&f.r, &b);
	const char *s = render(&f, DCATIT_REPORT_JUNIT);
	ck_assert_ptr_nonnull(strstr(s, "<testsuites name=\"dcatit validate\" tests=\"2\" failures=\"1\""));
	ck_assert_ptr_nonnull(strstr(s, "<testsuite name=\"data.ttl\" tests=\"2\" failures=\"1\""));
	ck_assert_ptr_nonnull(strstr(s, "&quot;&lt;&amp;&gt;&quot;"));
	ck_assert_ptr_nonnull(strstr(s, "<system-out>"));
	f.in.fail_on = DCATIT_SEV_WARNING;
	s = render(&f, DCATIT_REPORT_JUNIT);
	ck_assert_ptr_nonnull(strstr(s, "failures=\"2\""));
	ck_assert_ptr_null(strstr(s, "<system-out>"));
	fix_release(&f);
}
END_TEST

START_TEST(github_commands_escape_percent_newline_colon_and_comma)
{
	Fix f;
	fix_init(&f);
	DcatitResult a = min_count(&f);
	a.message = dcatit_terms_literal_z(f.t, "100%, really", 0, NULL);
	DcatitResult b = bad_date(&f, "x");
	a.loc.file = 0; /* unlocated: named after the first data file */
	dcatit_results_add(&f.r, &a);
	dcatit_results_add(&f.r, &b);
	f.files[0] = "dir,a:b.ttl";
	const char *s = render(&f, DCATIT_REPORT_GITHUB);
	ck_assert_ptr_nonnull(strstr(s, "::error file=dir%2Ca%3Ab.ttl,line=4,title=sh%3AminCount dct%3Amodified::100%25, really ["));
	ck_assert_ptr_nonnull(strstr(s, "::warning file=data.ttl,line=4,"));
	fix_release(&f);
}
END_TEST

START_TEST(severities_count_and_summarise)
{
	Fix f;
	fix_init(&f);
	DcatitResult a = min_count(&f), b = bad_date(&f, "x"), c = bad_date(&f, "y");
	c.severity = iri(&f, DCATIT_NS_SH "Info");
	dcatit_results_add(&f.r, &a);
	dcatit_results_add(&f.r, &b);
	dcatit_results_add(&f.r, &c);
	DcatitReportCounts n = dcatit_report_count(&f.r, f.t);
	ck_assert_uint_eq(n.violations, 1);
	ck_assert_uint_eq(n.warnings, 1);
	ck_assert_uint_eq(n.infos, 1);
	ck_assert(dcatit_report_summary(&n, 2, &f.out));
	ck_assert_str_eq(f.out.data, "1 error, 1 warning, 1 info in 2 files");
	DcatitReportCounts zero = { 0, 0, 0 };
	dcatit_buf_clear(&f.out);
	dcatit_report_summary(&zero, 1, &f.out);
	ck_assert_str_eq(f.out.data, "0 errors, 0 warnings in 1 file");
	ck_assert_int_eq(dcatit_report_severity(f.t, iri(&f, EX "custom")), DCATIT_SEV_VIOLATION);
	fix_release(&f);
}
END_TEST

START_TEST(invalid_utf8_becomes_replacement_character_in_json_and_xml)
{
	Fix f;
	fix_init(&f);
	/* "à" is kept; a stray 0xFF and a truncated 3-byte sequence are not */
	DcatitResult a = bad_date(&f, "\xC3\xA0 \xFF \xE2\x82");
	dcatit_results_add(&f.r, &a);
	const char *s = render(&f, DCATIT_REPORT_JSON);
	ck_assert_ptr_nonnull(strstr(s, "\xC3\xA0 \xEF\xBF\xBD \xEF\xBF\xBD\xEF\xBF\xBD"));
	ck_assert_ptr_null(strstr(s, "\xFF"));
	s = render(&f, DCATIT_REPORT_JUNIT);
	ck_assert_ptr_nonnull(strstr(s, "\xC3\xA0 \xEF\xBF\xBD "));
	ck_assert_ptr_null(strstr(s, "\xFF"));
	fix_release(&f);
}
END_TEST

START_TEST(format_names_are_recognised)
{
	DcatitReportFormat fmt;
	ck_assert(dcatit_report_format_from_name("junit", &fmt));
	ck_assert_int_eq(fmt, DCATIT_REPORT_JUNIT);
	ck_assert(dcatit_report_format_from_name("github", &fmt));
	ck_assert_int_eq(fmt, DCATIT_REPORT_GITHUB);
	ck_assert(!dcatit_report_format_from_name("xml", &fmt));
}
END_TEST

START_TEST(generated_messages_say_what_is_wrong)
{
	Fix f;
	fix_init(&f);
	struct {
		const char *component;
		DcatitTermId param;
		DcatitTermId value;
		const char *expect;
	} cases[] = {
		{ "MaxCountConstraintComponent", dcatit_terms_literal_z(f.t, "1", iri(&f, DCATIT_NS_XSD "integer"), NULL), 0,
		  "dct:modified has more than 1 value (maxCount 1)" },
		{ "ClassConstraintComponent", iri(&f, DCATIT_NS_FOAF "Agent"), iri(&f, EX "x"),
		  "value <http://example.org/x> of dct:modified is not an instance of foaf:Agent (add an rdf:type)" },
		{ "NodeKindConstraintComponent", iri(&f, DCATIT_NS_SH "IRI"), dcatit_terms_literal_z(f.t, "v", 0, NULL),
		  "value \"v\" of dct:modified must be an IRI" },
		{ "DatatypeConstraintComponent", iri(&f, DCATIT_NS_XSD "date"), dcatit_terms_literal_z(f.t, "v", 0, "it"),
		  "value \"v\"@it of dct:modified has datatype rdf:langString, expected xsd:date" },
	};
	for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
		DcatitResult r = min_count(&f);
		char comp[256];
		snprintf(comp, sizeof comp, DCATIT_NS_SH "%s", cases[i].component);
		r.component = iri(&f, comp);
		r.param = cases[i].param;
		r.value = cases[i].value;
		dcatit_buf_clear(&f.out);
		dcatit_report_message(&r, &f.in, &f.out);
		ck_assert_str_eq(f.out.data, cases[i].expect);
	}
	fix_release(&f);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("report");
	TCase *tc = tcase_create("report");
	tcase_add_test(tc, text_is_one_located_line_per_finding_with_prefixed_message);
	tcase_add_test(tc, shape_message_replaces_the_generated_one);
	tcase_add_test(tc, long_literals_are_cut_in_text_but_not_in_json);
	tcase_add_test(tc, complex_paths_render_as_property_paths);
	tcase_add_test(tc, ttl_report_is_a_parseable_validation_report_with_path_structure);
	tcase_add_test(tc, conforming_ttl_report_says_conforms_true);
	tcase_add_test(tc, json_has_conforms_counts_and_escaped_fields);
	tcase_add_test(tc, junit_fails_only_at_or_above_fail_on_and_escapes_xml);
	tcase_add_test(tc, github_commands_escape_percent_newline_colon_and_comma);
	tcase_add_test(tc, severities_count_and_summarise);
	tcase_add_test(tc, invalid_utf8_becomes_replacement_character_in_json_and_xml);
	tcase_add_test(tc, format_names_are_recognised);
	tcase_add_test(tc, generated_messages_say_what_is_wrong);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
