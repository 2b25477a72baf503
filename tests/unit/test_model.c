/* test_model.c: interned terms, the triple store and its indexes, and
 * parsing through rdfio (real raptor on real documents). */
#include "rdf/model.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"
#include "rdf/vocab.h"

#define EX "http://example.org/"

START_TEST(equal_terms_get_equal_ids_and_different_terms_different_ids)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitTermId a = dcatit_terms_iri_z(t, EX "a");
	ck_assert_uint_eq(a, dcatit_terms_iri_z(t, EX "a"));
	ck_assert_uint_ne(a, dcatit_terms_iri_z(t, EX "b"));
	DcatitTermId l1 = dcatit_terms_literal_z(t, EX "a", 0, NULL);
	ck_assert_uint_ne(a, l1); /* same string, other kind */
	DcatitTermId xs = dcatit_terms_iri_z(t, DCATIT_NS_XSD "string");
	ck_assert_uint_eq(l1, dcatit_terms_literal_z(t, EX "a", xs, NULL));
	DcatitTermId it = dcatit_terms_literal_z(t, "ciao", 0, "it");
	ck_assert_uint_ne(it, dcatit_terms_literal_z(t, "ciao", 0, "en"));
	ck_assert_str_eq(dcatit_terms_lang(t, it), "it");
	ck_assert_str_eq(dcatit_terms_str(t, dcatit_terms_datatype(t, it)),
	                 DCATIT_NS_RDF "langString");
	ck_assert_uint_eq(dcatit_terms_find_iri(t, EX "nothere"), 0);
	dcatit_terms_free(t);
	dcatit_terms_free(NULL);
}
END_TEST

START_TEST(many_terms_survive_rehashing_with_stable_strings)
{
	DcatitTerms *t = dcatit_terms_new();
	char s[64];
	const char *first = NULL;
	DcatitTermId ids[20000];
	for (int i = 0; i < 20000; i++) {
		snprintf(s, sizeof s, EX "n%d", i);
		ids[i] = dcatit_terms_iri_z(t, s);
		if (i == 0)
			first = dcatit_terms_str(t, ids[0]);
	}
	for (int i = 0; i < 20000; i++) {
		snprintf(s, sizeof s, EX "n%d", i);
		ck_assert_uint_eq(dcatit_terms_find_iri(t, s), ids[i]);
	}
	ck_assert_ptr_eq(first, dcatit_terms_str(t, ids[0]));
	ck_assert_str_eq(first, EX "n0");
	dcatit_terms_free(t);
}
END_TEST

START_TEST(ntriples_form_escapes_literals_and_omits_xsd_string)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_terms_write_nt(t, dcatit_terms_literal_z(t, "a\"b\\c\nd", 0, NULL), &b);
	ck_assert_str_eq(b.data, "\"a\\\"b\\\\c\\nd\"");
	dcatit_buf_clear(&b);
	DcatitTermId dt = dcatit_terms_iri_z(t, DCATIT_NS_XSD "date");
	dcatit_terms_write_nt(t, dcatit_terms_literal_z(t, "2024-01-02", dt, NULL), &b);
	ck_assert_str_eq(b.data, "\"2024-01-02\"^^<http://www.w3.org/2001/XMLSchema#date>");
	dcatit_buf_clear(&b);
	dcatit_terms_write_nt(t, dcatit_terms_literal(t, "x\0y", 3, 0, NULL), &b);
	ck_assert_str_eq(b.data, "\"x\\u0000y\"");
	dcatit_buf_release(&b);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(queries_find_triples_by_subject_predicate_and_object)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitTermId a = dcatit_terms_iri_z(t, EX "a"), b = dcatit_terms_iri_z(t, EX "b");
	DcatitTermId p = dcatit_terms_iri_z(t, EX "p"), q = dcatit_terms_iri_z(t, EX "q");
	DcatitTermId one = dcatit_terms_literal_z(t, "1", 0, NULL);
	uint32_t f = dcatit_model_add_source(m, "f.ttl");
	ck_assert_uint_eq(f, dcatit_model_add_source(m, "f.ttl"));
	ck_assert_int_eq(dcatit_model_add(m, a, p, b, (DcatitLoc){f, 3}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add(m, a, q, one, (DcatitLoc){f, 4}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add(m, b, p, a, (DcatitLoc){f, 5}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add(m, a, p, b, (DcatitLoc){f, 9}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add(m, one, p, b, (DcatitLoc){f, 9}), DCATIT_ERR_USAGE);
	ck_assert_uint_eq(dcatit_model_size(m), 3); /* duplicate dropped */
	ck_assert_uint_eq(dcatit_model_sp(m, a, 0).n, 2);
	ck_assert_uint_eq(dcatit_model_sp(m, a, p).n, 1);
	ck_assert_uint_eq(dcatit_model_po(m, p, 0).n, 2);
	ck_assert_uint_eq(dcatit_model_po(m, p, a).n, 1);
	ck_assert_uint_eq(dcatit_model_o(m, b).n, 1);
	ck_assert(dcatit_model_has(m, a, q, one));
	ck_assert(!dcatit_model_has(m, b, q, one));
	ck_assert_uint_eq(dcatit_model_object(m, a, q), one);
	DcatitLoc l = dcatit_model_node_loc(m, a);
	ck_assert_uint_eq(l.line, 3); /* the first occurrence's line is kept */
	ck_assert_str_eq(dcatit_model_source_name(m, l.file), "f.ttl");
	/* adding after a query re-indexes */
	dcatit_model_add(m, b, q, one, (DcatitLoc){f, 10});
	ck_assert_uint_eq(dcatit_model_po(m, q, one).n, 2);
	dcatit_model_free(m);
	dcatit_model_free(NULL);
	dcatit_terms_free(t);
}
END_TEST

static const char *TTL =
	"@prefix ex: <http://example.org/> .\n"
	"ex:a ex:p ex:b ;\n"
	"     ex:q \"x\"@it .\n"
	"\n"
	"ex:b ex:list ( 1 2 3 ) .\n"
	"_:n ex:p ex:a .\n";

START_TEST(named_graphs_keep_their_statements_and_join_the_union)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitTermId s = dcatit_terms_iri_z(t, EX "s"), p = dcatit_terms_iri_z(t, EX "p");
	DcatitTermId o1 = dcatit_terms_literal_z(t, "one", 0, NULL);
	DcatitTermId o2 = dcatit_terms_literal_z(t, "two", 0, NULL);
	DcatitTermId g1 = dcatit_terms_iri_z(t, EX "g1"), g2 = dcatit_terms_iri_z(t, EX "g2");
	uint32_t f = dcatit_model_add_source(m, "x.nq");
	/* o1 in the default graph and in g1, o2 only in g1 and g2 (twice) */
	ck_assert_int_eq(dcatit_model_add_quad(m, s, p, o1, g1, (DcatitLoc){f, 1}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add_quad(m, s, p, o1, 0, (DcatitLoc){f, 2}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add_quad(m, s, p, o2, g2, (DcatitLoc){f, 3}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add_quad(m, s, p, o2, g1, (DcatitLoc){f, 4}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add_quad(m, s, p, o2, g1, (DcatitLoc){f, 5}), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add_quad(m, s, p, o1, o1, (DcatitLoc){f, 6}),
	                 DCATIT_ERR_USAGE); /* a literal names no graph */
	ck_assert_uint_eq(dcatit_model_size(m), 2); /* the union */
	ck_assert_uint_eq(dcatit_model_graph_count(m), 2);
	ck_assert_uint_eq(dcatit_model_quad_count(m), 3);
	for (size_t i = 0; i < 2; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		ck_assert(dcatit_model_in_default(m, i) == (tr->o == o1));
	}
	/* sorted by graph, the first occurrence keeps its line */
	const DcatitQuad *q = dcatit_model_quad(m, 1);
	ck_assert_uint_eq(q->g, g1);
	ck_assert_uint_eq(q->o, o2);
	ck_assert_uint_eq(dcatit_model_quad_loc(m, 1).line, 4);
	/* copies keep the graphs */
	DcatitModel *c = dcatit_model_new(t);
	ck_assert_int_eq(dcatit_model_add_all(c, m), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_quad_count(c), 3);
	ck_assert_uint_eq(dcatit_model_graph_count(c), 2);
	size_t in_default = 0;
	for (size_t i = 0; i < dcatit_model_size(c); i++)
		in_default += dcatit_model_in_default(c, i);
	ck_assert_uint_eq(in_default, 1);
	/* N-Quads out: the default graph, then the named ones */
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_write_buf(m, &b, DCATIT_SYNTAX_NQUADS, NULL, &d), DCATIT_OK);
	ck_assert_str_eq(b.data, "<" EX "s> <" EX "p> \"one\" .\n"
	                         "<" EX "s> <" EX "p> \"one\" <" EX "g1> .\n"
	                         "<" EX "s> <" EX "p> \"two\" <" EX "g1> .\n"
	                         "<" EX "s> <" EX "p> \"two\" <" EX "g2> .\n");
	dcatit_buf_release(&b);
	dcatit_model_free(c);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(many_sources_keep_their_ids_and_names)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	char name[32];
	for (unsigned i = 0; i < 5000; i++) {
		snprintf(name, sizeof name, "r%05u.yaml", i);
		ck_assert_uint_eq(dcatit_model_add_source(m, name), i + 1);
	}
	for (unsigned i = 5000; i-- > 0;) {
		snprintf(name, sizeof name, "r%05u.yaml", i);
		ck_assert_uint_eq(dcatit_model_add_source(m, name), i + 1);
		ck_assert_str_eq(dcatit_model_source_name(m, i + 1), name);
	}
	ck_assert_str_eq(dcatit_model_source_name(m, 5001), "");
	ck_assert_str_eq(dcatit_model_source_name(m, 0), "");
	/* a copy re-registers the names under the same ids */
	DcatitModel *c = dcatit_model_new(t);
	ck_assert_uint_eq(dcatit_model_add_source(c, "r04999.yaml"), 1);
	ck_assert_int_eq(dcatit_model_add_all(c, m), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_add_source(c, "r04999.yaml"), 1);
	ck_assert_uint_eq(dcatit_model_add_source(c, "r00000.yaml"), 2);
	ck_assert_uint_eq(dcatit_model_add_source(c, "new"), 5001);
	dcatit_model_free(c);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(turtle_parses_with_lines_prefixes_and_lists)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitVocab v;
	dcatit_vocab_init(&v, t);
	DcatitModel *m = dcatit_model_new(t);
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitParseOpts o = {.syntax = DCATIT_SYNTAX_TURTLE, .name = "mem.ttl",
	                     .base_uri = "http://example.org/base"};
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, TTL, strlen(TTL), &o, &d), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_size(m), 10);
	DcatitTermId b = dcatit_terms_iri_z(t, EX "b");
	DcatitTermId list = dcatit_terms_iri_z(t, EX "list");
	DcatitTermId head = dcatit_model_object(m, b, list);
	DcatitTermId *items;
	size_t n;
	ck_assert_int_eq(dcatit_model_list(m, head, v.rdf_first, v.rdf_rest, v.rdf_nil,
	                                   &items, &n), DCATIT_OK);
	ck_assert_uint_eq(n, 3);
	ck_assert_str_eq(dcatit_terms_str(t, items[2]), "3");
	free(items);
	DcatitLoc l = dcatit_model_node_loc(m, b);
	ck_assert_uint_eq(l.line, 5);
	ck_assert_uint_eq(dcatit_model_prefix_count(m), 1);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(blank_nodes_of_two_documents_are_distinct)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitDiag d;
	const char *doc = "_:x <http://example.org/p> \"1\" .\n";
	DcatitParseOpts o = {.syntax = DCATIT_SYNTAX_TURTLE};
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, doc, strlen(doc), &o, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, doc, strlen(doc), &o, &d), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_size(m), 2);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(syntax_errors_are_located_and_fail)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitDiag d;
	dcatit_diag_init(&d);
	const char *doc = "@prefix ex: <http://example.org/> .\nex:a ex:p ex:b .\nex:c ex:p nope:x .\n";
	DcatitParseOpts o = {.syntax = DCATIT_SYNTAX_TURTLE, .name = "bad.ttl"};
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, doc, strlen(doc), &o, &d), DCATIT_ERR_SYNTAX);
	ck_assert_str_eq(d.file, "bad.ttl");
	ck_assert_uint_eq(d.line, 3);
	ck_assert(strlen(d.message) > 0);
	const char *xml = "<?xml version=\"1.0\"?><rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"><rdf:Description></rdf:RDF>";
	DcatitParseOpts ox = {.name = "bad.rdf"};
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, xml, strlen(xml), &ox, &d), DCATIT_ERR_SYNTAX);
	ck_assert_str_eq(d.file, "bad.rdf");
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(external_entities_are_not_loaded)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitDiag d;
	dcatit_diag_init(&d);
	const char *xml =
		"<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>\n"
		"<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" xmlns:ex=\"http://example.org/\">"
		"<rdf:Description rdf:about=\"http://example.org/a\"><ex:p>&e;</ex:p></rdf:Description></rdf:RDF>\n";
	DcatitParseOpts o = {.name = "xxe.rdf"};
	dcatit_rdfio_parse_mem(m, xml, strlen(xml), &o, &d);
	DcatitTermId a = dcatit_terms_iri_z(t, EX "a"), p = dcatit_terms_iri_z(t, EX "p");
	DcatitTermId v = dcatit_model_object(m, a, p);
	ck_assert(!v || strstr(dcatit_terms_str(t, v), "root:") == NULL);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(syntax_is_sniffed_from_content)
{
	ck_assert_int_eq(dcatit_rdfio_syntax_sniff("<?xml version", 13), DCATIT_SYNTAX_RDFXML);
	ck_assert_int_eq(dcatit_rdfio_syntax_sniff("# c\n@prefix", 11), DCATIT_SYNTAX_TURTLE);
	ck_assert_int_eq(dcatit_rdfio_syntax_sniff("<!DOCTYPE html>", 15), DCATIT_SYNTAX_GUESS);
	ck_assert_int_eq(dcatit_rdfio_syntax_from_path("a/b.c/x.rdf"), DCATIT_SYNTAX_RDFXML);
	ck_assert_int_eq(dcatit_rdfio_syntax_from_path("a/b.ttl/x"), DCATIT_SYNTAX_GUESS);
}
END_TEST

START_TEST(turtle_and_rdfxml_round_trip_to_the_same_graph)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitDiag d;
	DcatitParseOpts o = {.syntax = DCATIT_SYNTAX_TURTLE};
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, TTL, strlen(TTL), &o, &d), DCATIT_OK);
	DcatitBuf ttl, xml;
	dcatit_buf_init(&ttl);
	dcatit_buf_init(&xml);
	ck_assert_int_eq(dcatit_rdfio_write_buf(m, &ttl, DCATIT_SYNTAX_TURTLE, NULL, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_rdfio_write_buf(m, &xml, DCATIT_SYNTAX_RDFXML, NULL, &d), DCATIT_OK);
	ck_assert_ptr_nonnull(strstr(ttl.data, "@prefix ex:"));
	DcatitModel *m2 = dcatit_model_new(t), *m3 = dcatit_model_new(t);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m2, ttl.data, ttl.len, &o, &d), DCATIT_OK);
	DcatitParseOpts ox = {.syntax = DCATIT_SYNTAX_RDFXML};
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m3, xml.data, xml.len, &ox, &d), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_size(m2), dcatit_model_size(m));
	ck_assert_uint_eq(dcatit_model_size(m3), dcatit_model_size(m));
	DcatitTermId a = dcatit_terms_iri_z(t, EX "a"), q = dcatit_terms_iri_z(t, EX "q");
	ck_assert(dcatit_model_has(m3, a, q, dcatit_terms_literal_z(t, "x", 0, "it")));
	dcatit_buf_release(&ttl);
	dcatit_buf_release(&xml);
	dcatit_model_free(m);
	dcatit_model_free(m2);
	dcatit_model_free(m3);
	dcatit_terms_free(t);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("model");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, equal_terms_get_equal_ids_and_different_terms_different_ids);
	tcase_add_test(tc, many_terms_survive_rehashing_with_stable_strings);
	tcase_add_test(tc, ntriples_form_escapes_literals_and_omits_xsd_string);
	tcase_add_test(tc, queries_find_triples_by_subject_predicate_and_object);
	tcase_add_test(tc, named_graphs_keep_their_statements_and_join_the_union);
	tcase_add_test(tc, many_sources_keep_their_ids_and_names);
	tcase_add_test(tc, turtle_parses_with_lines_prefixes_and_lists);
	tcase_add_test(tc, blank_nodes_of_two_documents_are_distinct);
	tcase_add_test(tc, syntax_errors_are_located_and_fail);
	tcase_add_test(tc, external_entities_are_not_loaded);
	tcase_add_test(tc, syntax_is_sniffed_from_content);
	tcase_add_test(tc, turtle_and_rdfxml_round_trip_to_the_same_graph);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
