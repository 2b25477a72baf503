/* test_writer.c: our Turtle and RDF/XML writers. Every graph written is
 * read back with raptor and compared with the original as canonical
 * N-Triples: the short forms of numbers and booleans, escapes, prefixed
 * names and nested blank nodes must not change a single triple. */
#include "rdf/writer.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/canon.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"
#include "rdf/vocab.h"

#define EX "http://example.org/ns#"

typedef struct {
	DcatitTerms *t;
	DcatitModel *m;
	DcatitTermId s;
	unsigned n;
} G;

static void g_init(G *g)
{
	g->t = dcatit_terms_new();
	g->m = dcatit_model_new(g->t);
	ck_assert_ptr_nonnull(g->m);
	g->s = dcatit_terms_iri_z(g->t, EX "s");
	g->n = 0;
	ck_assert_int_eq(dcatit_model_add_prefix(g->m, "ex", EX), DCATIT_OK);
	ck_assert_int_eq(dcatit_model_add_prefix(g->m, "xsd", DCATIT_NS_XSD), DCATIT_OK);
}

static void g_free(G *g)
{
	dcatit_model_free(g->m);
	dcatit_terms_free(g->t);
}

static DcatitTermId iri(G *g, const char *s)
{
	DcatitTermId id = dcatit_terms_iri_z(g->t, s);
	ck_assert_uint_ne(id, 0);
	return id;
}

static DcatitTermId bnode(G *g, const char *label)
{
	DcatitTermId id = dcatit_terms_bnode(g->t, label, strlen(label));
	ck_assert_uint_ne(id, 0);
	return id;
}

static void add(G *g, DcatitTermId s, DcatitTermId p, DcatitTermId o)
{
	DcatitLoc none = { 0, 0 };
	ck_assert_int_eq(dcatit_model_add(g->m, s, p, o, none), DCATIT_OK);
}

/* A literal of datatype xsd:<type> ("" for a plain string) on its own
 * predicate, so a failure names the value. */
static void lit(G *g, const char *lex, const char *type)
{
	DcatitTermId dt = 0;
	if (*type) {
		char dts[128];
		snprintf(dts, sizeof dts, "%s%s", DCATIT_NS_XSD, type);
		dt = iri(g, dts);
	}
	DcatitTermId o = dcatit_terms_literal(g->t, lex, strlen(lex), dt, NULL);
	ck_assert_uint_ne(o, 0);
	char p[64];
	snprintf(p, sizeof p, EX "p%u", g->n++);
	add(g, g->s, iri(g, p), o);
}

static char *canon(DcatitModel *m)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	ck_assert_int_eq(dcatit_canon_write(m, &b), DCATIT_OK);
	return b.data ? dcatit_buf_detach(&b) : calloc(1, 1);
}

/* Write g in syntax, parse it back with raptor into a fresh store, and
 * check both have the same canonical N-Triples; returns the text written
 * (caller frees). */
static char *round_trip(G *g, DcatitSyntax syn)
{
	DcatitBuf out;
	dcatit_buf_init(&out);
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitStatus st = syn == DCATIT_SYNTAX_RDFXML ? dcatit_writer_rdfxml(g->m, &out, &d)
	                                              : dcatit_writer_turtle(g->m, &out, &d);
	ck_assert_msg(st == DCATIT_OK, "write failed: %s", d.message);
	char *text = out.data ? dcatit_buf_detach(&out) : calloc(1, 1);
	DcatitTerms *t2 = dcatit_terms_new();
	DcatitModel *m2 = dcatit_model_new(t2);
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.syntax = syn;
	po.name = "written";
	st = dcatit_rdfio_parse_mem(m2, text, strlen(text), &po, &d);
	if (st != DCATIT_OK)
		fprintf(stderr, "--- written\n%s", text);
	ck_assert_msg(st == DCATIT_OK, "raptor cannot read what we wrote: %s", d.message);
	char *want = canon(g->m), *got = canon(m2);
	if (strcmp(want, got) != 0)
		fprintf(stderr, "--- written\n%s--- expected\n%s--- read back\n%s", text, want, got);
	ck_assert_msg(strcmp(want, got) == 0, "the graph changed (see stderr)");
	free(want);
	free(got);
	dcatit_model_free(m2);
	dcatit_terms_free(t2);
	return text;
}

static void literals_of_every_kind(G *g)
{
	/* integers: the Turtle INTEGER form, and forms that are not */
	lit(g, "7560", "integer");
	lit(g, "-5", "integer");
	lit(g, "+01", "integer");
	lit(g, " 1", "integer");
	lit(g, "1.0", "integer");
	lit(g, "", "integer");
	/* decimals: "7560" must not become the integer 7560 */
	lit(g, "7560", "decimal");
	lit(g, "7560.0", "decimal");
	lit(g, "-0.50", "decimal");
	lit(g, ".5", "decimal");
	lit(g, "1.", "decimal");
	lit(g, "1e3", "decimal");
	/* doubles: without an exponent they would read back as decimals */
	lit(g, "1", "double");
	lit(g, "1.5", "double");
	lit(g, "1.0E3", "double");
	lit(g, "-2.5e-10", "double");
	lit(g, "+1E+2", "double");
	lit(g, "INF", "double");
	lit(g, "NaN", "double");
	lit(g, "1.5", "float");
	/* booleans: only the two canonical words are Turtle keywords */
	lit(g, "true", "boolean");
	lit(g, "false", "boolean");
	lit(g, "TRUE", "boolean");
	lit(g, "1", "boolean");
	/* strings and other types */
	lit(g, "2024-12-31", "date");
	lit(g, "7560", "");
	lit(g, "7560", "string");
	lit(g, "true", "");
	lit(g, "quote \" backslash \\ newline \n tab \t cr \r ctrl \x01 end", "");
	lit(g, "\"\"\" triple quotes '''", "");
	lit(g, "accenti: città, perché — € 中文", "");
	DcatitTermId it = dcatit_terms_literal_z(g->t, "Ciao \"mondo\"", 0, "it");
	/* lower case: raptor's RDF/XML reader lower-cases language tags */
	DcatitTermId en = dcatit_terms_literal_z(g->t, "Hello", 0, "en-gb");
	add(g, g->s, iri(g, EX "label"), it);
	add(g, g->s, iri(g, EX "label"), en);
	DcatitTermId wkt = iri(g, "http://www.opengis.net/ont/geosparql#wktLiteral");
	add(g, g->s, iri(g, EX "geom"),
	    dcatit_terms_literal_z(g->t, "POLYGON((9.68 42.23, 12.37 42.23, 9.68 42.23))", wkt,
	                           NULL));
}

START_TEST(turtle_round_trips_literals_of_every_kind)
{
	G g;
	g_init(&g);
	literals_of_every_kind(&g);
	char *ttl = round_trip(&g, DCATIT_SYNTAX_TURTLE);
	/* short forms only where the grammar reads back the same literal */
	ck_assert_ptr_nonnull(strstr(ttl, " 7560 ;"));
	ck_assert_ptr_nonnull(strstr(ttl, "\"7560\"^^xsd:decimal"));
	ck_assert_ptr_nonnull(strstr(ttl, " 7560.0 ;"));
	ck_assert_ptr_nonnull(strstr(ttl, "\"1\"^^xsd:double"));
	ck_assert_ptr_nonnull(strstr(ttl, " 1.0E3 ;"));
	ck_assert_ptr_nonnull(strstr(ttl, "\"1.5\"^^xsd:double"));
	ck_assert_ptr_nonnull(strstr(ttl, " true ;"));
	ck_assert_ptr_nonnull(strstr(ttl, "\"TRUE\"^^xsd:boolean"));
	ck_assert_ptr_nonnull(strstr(ttl, "\" 1\"^^xsd:integer"));
	ck_assert_ptr_nonnull(strstr(ttl, "\"Ciao \\\"mondo\\\"\"@it"));
	ck_assert_ptr_nonnull(strstr(ttl, "@prefix xsd: <" DCATIT_NS_XSD "> ."));
	free(ttl);
	g_free(&g);
}
END_TEST

START_TEST(rdfxml_round_trips_literals_of_every_kind)
{
	G g;
	g_init(&g);
	literals_of_every_kind(&g);
	/* XML 1.0 cannot carry U+0001 at all: that literal is tested apart */
	DcatitModel *keep = g.m;
	DcatitTermId ctrl = dcatit_terms_literal_z(g.t, "quote \" backslash \\ newline \n tab "
	                                           "\t cr \r ctrl \x01 end", 0, NULL);
	g.m = dcatit_model_new(g.t);
	for (size_t i = 0; i < dcatit_model_size(keep); i++) {
		const DcatitTriple *tr = dcatit_model_triple(keep, i);
		if (tr->o != ctrl)
			add(&g, tr->s, tr->p, tr->o);
	}
	ck_assert_uint_eq(dcatit_model_size(g.m) + 1, dcatit_model_size(keep));
	dcatit_model_add_prefix(g.m, "ex", EX);
	/* the white space XML does carry, CR included (as &#13;) */
	add(&g, g.s, iri(&g, EX "text"),
	    dcatit_terms_literal_z(g.t, "line 1\nline 2\ttab\r\ncr lf  <b> & ]]>", 0, NULL));
	char *xml = round_trip(&g, DCATIT_SYNTAX_RDFXML);
	ck_assert_ptr_nonnull(strstr(xml, "xmlns:ex=\"" EX "\""));
	ck_assert_ptr_nonnull(strstr(xml, "xml:lang=\"it\">Ciao \"mondo\"</ex:label>"));
	ck_assert_ptr_nonnull(strstr(xml, "tab&#13;\ncr lf  &lt;b&gt; &amp; ]]&gt;</ex:text>"));
	free(xml);
	/* the control character is refused, not written as broken XML */
	DcatitBuf out;
	dcatit_buf_init(&out);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_writer_rdfxml(keep, &out, &d), DCATIT_ERR_UNSUPPORTED);
	ck_assert_ptr_nonnull(strstr(d.message, "control character"));
	dcatit_buf_release(&out);
	dcatit_model_free(keep);
	g_free(&g);
}
END_TEST

/* Blank nodes of every shape: nested once, shared, in a cycle, a self
 * loop, a chain deeper than the writers nest, and one that is only an
 * object. */
static void blank_shapes(G *g)
{
	DcatitTermId p = iri(g, EX "p"), q = iri(g, EX "q"), type = iri(g, DCATIT_NS_RDF "type");
	DcatitTermId nested = bnode(g, "nested"), shared = bnode(g, "shared");
	add(g, g->s, p, nested);
	add(g, nested, type, iri(g, EX "Period"));
	add(g, nested, q, dcatit_terms_literal_z(g->t, "inside", 0, NULL));
	add(g, g->s, q, shared);
	add(g, iri(g, EX "t"), q, shared);
	add(g, shared, p, dcatit_terms_literal_z(g->t, "shared", 0, NULL));
	DcatitTermId a = bnode(g, "cycle-a"), b = bnode(g, "cycle-b");
	add(g, a, p, b);
	add(g, b, p, a);
	DcatitTermId self = bnode(g, "self");
	add(g, self, p, self);
	add(g, g->s, iri(g, EX "empty"), bnode(g, "only-object"));
	DcatitTermId prev = iri(g, EX "chain");
	for (int i = 0; i < 150; i++) {
		char label[16];
		snprintf(label, sizeof label, "c%03d", i);
		DcatitTermId n = bnode(g, label);
		add(g, prev, p, n);
		prev = n;
	}
	add(g, prev, q, dcatit_terms_literal_z(g->t, "end of chain", 0, NULL));
	/* IRIs that cannot be prefixed names */
	add(g, iri(g, EX "a.b"), iri(g, EX "x-y"), iri(g, EX "1abc"));
	add(g, iri(g, EX), p, iri(g, "http://example.org/x?a=1&b=2&c=\"q\""));
}

START_TEST(blank_nodes_of_every_shape_round_trip)
{
	G g;
	g_init(&g);
	blank_shapes(&g);
	char *ttl = round_trip(&g, DCATIT_SYNTAX_TURTLE);
	ck_assert_ptr_nonnull(strstr(ttl, "ex:p [\n        a ex:Period ;\n        ex:q \"inside\"\n    ]"));
	ck_assert_ptr_nonnull(strstr(ttl, "ex:empty []"));
	ck_assert_ptr_nonnull(strstr(ttl, "<" EX "a.b>"));
	ck_assert_ptr_nonnull(strstr(ttl, "<" EX "1abc>"));
	free(ttl);
	char *xml = round_trip(&g, DCATIT_SYNTAX_RDFXML);
	ck_assert_ptr_nonnull(strstr(xml, "<ex:p rdf:parseType=\"Resource\">"));
	free(xml);
	g_free(&g);
}
END_TEST

START_TEST(output_does_not_depend_on_insertion_order)
{
	G a, b;
	g_init(&a);
	g_init(&b);
	blank_shapes(&a);
	literals_of_every_kind(&a);
	/* the same triples in reverse order, interned in another order */
	for (size_t i = dcatit_model_size(a.m); i-- > 0;) {
		const DcatitTriple *tr = dcatit_model_triple(a.m, i);
		DcatitTermId ids[3] = { tr->s, tr->p, tr->o }, out[3];
		for (int k = 0; k < 3; k++) {
			const char *s = dcatit_terms_str(a.t, ids[k]);
			size_t len = dcatit_terms_len(a.t, ids[k]);
			switch (dcatit_terms_kind(a.t, ids[k])) {
			case DCATIT_TERM_IRI: out[k] = dcatit_terms_iri(b.t, s, len); break;
			case DCATIT_TERM_BNODE: out[k] = dcatit_terms_bnode(b.t, s, len); break;
			default: {
				DcatitTermId dt = dcatit_terms_datatype(a.t, ids[k]);
				const char *lang = dcatit_terms_lang(a.t, ids[k]);
				out[k] = dcatit_terms_literal(b.t, s, len, *lang ? 0 :
				                              dcatit_terms_iri_z(b.t, dcatit_terms_str(a.t, dt)),
				                              lang);
			}
			}
		}
		add(&b, out[0], out[1], out[2]);
	}
	DcatitBuf x, x2, y;
	dcatit_buf_init(&x);
	dcatit_buf_init(&x2);
	dcatit_buf_init(&y);
	DcatitDiag d;
	ck_assert_int_eq(dcatit_writer_turtle(a.m, &x, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_writer_turtle(a.m, &x2, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_writer_turtle(b.m, &y, &d), DCATIT_OK);
	ck_assert_str_eq(x.data, x2.data); /* twice, the same bytes */
	ck_assert_str_eq(x.data, y.data);  /* and whatever the order of the triples */
	dcatit_buf_release(&x);
	dcatit_buf_release(&x2);
	dcatit_buf_release(&y);
	g_free(&a);
	g_free(&b);
}
END_TEST

START_TEST(rdfxml_refuses_a_predicate_that_is_not_an_xml_name)
{
	G g;
	g_init(&g);
	add(&g, g.s, iri(&g, "http://example.org/p/1"), iri(&g, EX "o"));
	DcatitBuf out;
	dcatit_buf_init(&out);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_writer_rdfxml(g.m, &out, &d), DCATIT_ERR_UNSUPPORTED);
	ck_assert_ptr_nonnull(strstr(d.message, "http://example.org/p/1"));
	/* nor a name the syntax reserves */
	G h;
	g_init(&h);
	add(&h, h.s, iri(&h, DCATIT_NS_RDF "li"), iri(&h, EX "o"));
	dcatit_buf_clear(&out);
	ck_assert_int_eq(dcatit_writer_rdfxml(h.m, &out, &d), DCATIT_ERR_UNSUPPORTED);
	ck_assert_ptr_nonnull(strstr(d.message, "reserves"));
	g_free(&h);
	/* Turtle has no such limit */
	ck_assert_int_eq(dcatit_writer_turtle(g.m, &out, &d), DCATIT_OK);
	dcatit_buf_release(&out);
	g_free(&g);
}
END_TEST

START_TEST(rdfxml_invents_prefixes_for_undeclared_namespaces)
{
	G g;
	g_init(&g);
	add(&g, g.s, iri(&g, "http://other.example/vocab/title"), iri(&g, EX "o"));
	add(&g, g.s, iri(&g, "http://third.example/v#name"),
	    dcatit_terms_literal_z(g.t, "a < b & c > d", 0, NULL));
	char *xml = round_trip(&g, DCATIT_SYNTAX_RDFXML);
	ck_assert_ptr_nonnull(strstr(xml, "xmlns:ns1=\"http://other.example/vocab/\""));
	ck_assert_ptr_nonnull(strstr(xml, "a &lt; b &amp; c &gt; d"));
	free(xml);
	g_free(&g);
}
END_TEST

START_TEST(an_empty_graph_gives_documents_that_parse)
{
	G g;
	g_init(&g);
	free(round_trip(&g, DCATIT_SYNTAX_TURTLE));
	free(round_trip(&g, DCATIT_SYNTAX_RDFXML));
	g_free(&g);
}
END_TEST

int main(void)
{
	Suite *s = suite_create("writer");
	TCase *tc = tcase_create("core");
	tcase_add_test(tc, turtle_round_trips_literals_of_every_kind);
	tcase_add_test(tc, rdfxml_round_trips_literals_of_every_kind);
	tcase_add_test(tc, blank_nodes_of_every_shape_round_trip);
	tcase_add_test(tc, output_does_not_depend_on_insertion_order);
	tcase_add_test(tc, rdfxml_refuses_a_predicate_that_is_not_an_xml_name);
	tcase_add_test(tc, rdfxml_invents_prefixes_for_undeclared_namespaces);
	tcase_add_test(tc, an_empty_graph_gives_documents_that_parse);
	suite_add_tcase(s, tc);
	SRunner *sr = srunner_create(s);
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
