/* test_jsonld.c: the JSON-LD reader (expansion + toRdf straight into a
 * model) and its hook into rdfio. Each case compares the canonical
 * N-Triples of a JSON-LD document with those of the N-Triples the spec
 * says it means, so blank node labels do not matter. */
#include "rdf/jsonld_read.h"
#include "rdf/jsonld_write.h"

#include <check.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/canon.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"

#define BASE "http://example.org/dir/doc.jsonld"
#define XSD "http://www.w3.org/2001/XMLSchema#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

static char *canon_model(DcatitModel *m)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	ck_assert_int_eq(dcatit_canon_write(m, &b), DCATIT_OK);
	return b.data ? dcatit_buf_detach(&b) : calloc(1, 1);
}

/* Canonical N-Triples of a JSON-LD document read with base BASE. */
static char *canon_jsonld(const char *doc)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitJsonldOpts o = {.base_uri = BASE, .name = "t.jsonld"};
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitStatus st = dcatit_jsonld_parse(m, doc, strlen(doc), &o, NULL, &d);
	if (st)
		fprintf(stderr, "%s:%lu: %s\n", d.file, d.line, d.message);
	ck_assert_int_eq(st, DCATIT_OK);
	char *s = canon_model(m);
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return s;
}

static char *canon_nt(const char *doc)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitParseOpts po = {.syntax = DCATIT_SYNTAX_NTRIPLES, .name = "t.nt"};
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, doc, strlen(doc), &po, &d), DCATIT_OK);
	char *s = canon_model(m);
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return s;
}

/* The JSON-LD document and the N-Triples give the same graph. */
static void same_graph(const char *jsonld, const char *nt)
{
	char *a = canon_jsonld(jsonld);
	char *b = canon_nt(nt);
	ck_assert_str_eq(a, b);
	free(a);
	free(b);
}

/* Parse expecting a failure; returns the status, d filled. */
static DcatitStatus parse_err(const char *doc, DcatitDiag *d)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitJsonldOpts o = {.base_uri = BASE, .name = "bad.jsonld"};
	dcatit_diag_init(d);
	DcatitStatus st = dcatit_jsonld_parse(m, doc, strlen(doc), &o, NULL, d);
	dcatit_model_free(m);
	dcatit_terms_free(t);
	return st;
}

START_TEST(prefixes_compact_iris_and_types_become_triples)
{
	same_graph("{\"@context\": {\"dcat\": \"http://www.w3.org/ns/dcat#\","
	           " \"dct\": \"http://purl.org/dc/terms/\"},"
	           " \"@id\": \"http://e.org/ds\", \"@type\": [\"dcat:Dataset\"],"
	           " \"dct:title\": \"Titolo\", \"dcat:keyword\": [\"a\", \"b\"]}",
	           "<http://e.org/ds> <" RDF "type> <http://www.w3.org/ns/dcat#Dataset> .\n"
	           "<http://e.org/ds> <http://purl.org/dc/terms/title> \"Titolo\" .\n"
	           "<http://e.org/ds> <http://www.w3.org/ns/dcat#keyword> \"a\" .\n"
	           "<http://e.org/ds> <http://www.w3.org/ns/dcat#keyword> \"b\" .\n");
}
END_TEST

START_TEST(vocab_expands_terms_and_types)
{
	same_graph("{\"@context\": {\"@vocab\": \"http://schema.org/\"},"
	           " \"@id\": \"http://e.org/x\", \"@type\": \"Dataset\", \"name\": \"n\"}",
	           "<http://e.org/x> <" RDF "type> <http://schema.org/Dataset> .\n"
	           "<http://e.org/x> <http://schema.org/name> \"n\" .\n");
}
END_TEST

START_TEST(relative_ids_resolve_against_the_document_base)
{
	same_graph("{\"@context\": {\"p\": {\"@id\": \"http://e.org/p\", \"@type\": \"@id\"}},"
	           " \"@id\": \"a\", \"p\": [\"../up\", \"#frag\", \"?q=1\", \"/root\","
	           " \"//other.org/x\"]}",
	           "<http://example.org/dir/a> <http://e.org/p> <http://example.org/up> .\n"
	           "<http://example.org/dir/a> <http://e.org/p> <http://example.org/dir/doc.jsonld#frag> .\n"
	           "<http://example.org/dir/a> <http://e.org/p> <http://example.org/dir/doc.jsonld?q=1> .\n"
	           "<http://example.org/dir/a> <http://e.org/p> <http://example.org/root> .\n"
	           "<http://example.org/dir/a> <http://e.org/p> <http://other.org/x> .\n");
}
END_TEST

START_TEST(base_in_the_context_overrides_the_document_base)
{
	same_graph("{\"@context\": {\"@base\": \"http://b.org/x/y/\", \"p\": \"http://e.org/p\"},"
	           " \"@id\": \"../z\", \"p\": \"v\"}",
	           "<http://b.org/x/z> <http://e.org/p> \"v\" .\n");
	/* a relative @base resolves against the document base */
	same_graph("{\"@context\": {\"@base\": \"sub/\", \"p\": \"http://e.org/p\"},"
	           " \"@id\": \"n\", \"p\": \"v\"}",
	           "<http://example.org/dir/sub/n> <http://e.org/p> \"v\" .\n");
}
END_TEST

START_TEST(type_coercion_gives_iris_and_typed_literals)
{
	same_graph("{\"@context\": {\"xsd\": \"" XSD "\", \"ex\": \"http://e.org/\","
	           " \"@vocab\": \"http://v.org/\","
	           " \"date\": {\"@id\": \"ex:date\", \"@type\": \"xsd:date\"},"
	           " \"ref\": {\"@id\": \"ex:ref\", \"@type\": \"@id\"},"
	           " \"kind\": {\"@id\": \"ex:kind\", \"@type\": \"@vocab\"}},"
	           " \"@id\": \"ex:s\", \"date\": \"2020-01-02\", \"ref\": \"ex:o\","
	           " \"kind\": \"Thing\"}",
	           "<http://e.org/s> <http://e.org/date> \"2020-01-02\"^^<" XSD "date> .\n"
	           "<http://e.org/s> <http://e.org/ref> <http://e.org/o> .\n"
	           "<http://e.org/s> <http://e.org/kind> <http://v.org/Thing> .\n");
}
END_TEST

START_TEST(languages_come_from_the_default_the_term_or_the_value)
{
	same_graph("{\"@context\": {\"@language\": \"it\", \"ex\": \"http://e.org/\","
	           " \"en\": {\"@id\": \"ex:en\", \"@language\": \"en\"},"
	           " \"plain\": {\"@id\": \"ex:plain\", \"@language\": null}},"
	           " \"@id\": \"ex:s\", \"ex:t\": \"ciao\", \"en\": \"hi\", \"plain\": \"x\","
	           " \"ex:v\": [{\"@value\": \"hallo\", \"@language\": \"de\"},"
	           "  {\"@value\": \"Hi\", \"@language\": \"en-GB\"}],"
	           " \"ex:n\": 5}",
	           "<http://e.org/s> <http://e.org/t> \"ciao\"@it .\n"
	           "<http://e.org/s> <http://e.org/en> \"hi\"@en .\n"
	           "<http://e.org/s> <http://e.org/plain> \"x\" .\n"
	           "<http://e.org/s> <http://e.org/v> \"hallo\"@de .\n"
	           "<http://e.org/s> <http://e.org/v> \"Hi\"@en-gb .\n"
	           "<http://e.org/s> <http://e.org/n> \"5\"^^<" XSD "integer> .\n");
}
END_TEST

START_TEST(numbers_and_booleans_use_the_canonical_forms_of_the_spec)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\", \"xsd\": \"" XSD "\"},"
	           " \"@id\": \"ex:s\", \"ex:i\": 42, \"ex:neg\": -7, \"ex:f\": 5.5,"
	           " \"ex:whole\": 5.0, \"ex:big\": 1e21, \"ex:small\": 0.001,"
	           " \"ex:t\": true, \"ex:no\": false,"
	           " \"ex:d\": {\"@value\": 5, \"@type\": \"xsd:double\"},"
	           " \"ex:dec\": {\"@value\": \"1.50\", \"@type\": \"xsd:decimal\"}}",
	           "<http://e.org/s> <http://e.org/i> \"42\"^^<" XSD "integer> .\n"
	           "<http://e.org/s> <http://e.org/neg> \"-7\"^^<" XSD "integer> .\n"
	           "<http://e.org/s> <http://e.org/f> \"5.5E0\"^^<" XSD "double> .\n"
	           "<http://e.org/s> <http://e.org/whole> \"5\"^^<" XSD "integer> .\n"
	           "<http://e.org/s> <http://e.org/big> \"1.0E21\"^^<" XSD "double> .\n"
	           "<http://e.org/s> <http://e.org/small> \"1.0E-3\"^^<" XSD "double> .\n"
	           "<http://e.org/s> <http://e.org/t> \"true\"^^<" XSD "boolean> .\n"
	           "<http://e.org/s> <http://e.org/no> \"false\"^^<" XSD "boolean> .\n"
	           "<http://e.org/s> <http://e.org/d> \"5.0E0\"^^<" XSD "double> .\n"
	           "<http://e.org/s> <http://e.org/dec> \"1.50\"^^<" XSD "decimal> .\n");
}
END_TEST

START_TEST(integers_beyond_64_bits_are_read_as_doubles)
{
	same_graph("{\"@id\": \"http://e.org/s\", \"http://e.org/big\": 123456789012345678901234,"
	           " \"http://e.org/i\": 9007199254740993}",
	           "<http://e.org/s> <http://e.org/big> \"1.234567890123457E23\"^^<" XSD "double> .\n"
	           "<http://e.org/s> <http://e.org/i> \"9007199254740992\"^^<" XSD "integer> .\n");
	/* without a huge number, 64-bit integers stay exact */
	same_graph("{\"@id\": \"http://e.org/s\", \"http://e.org/i\": 9007199254740993}",
	           "<http://e.org/s> <http://e.org/i> \"9007199254740993\"^^<" XSD "integer> .\n");
}
END_TEST

START_TEST(null_values_and_free_floating_values_are_dropped)
{
	same_graph("[{\"@context\": {\"ex\": \"http://e.org/\"}, \"@id\": \"ex:s\","
	           " \"ex:a\": null, \"ex:b\": {\"@value\": null}, \"ex:c\": [null, \"x\"]},"
	           " \"free\", {\"@value\": \"v\"}, {\"@id\": \"http://e.org/only-id\"}]",
	           "<http://e.org/s> <http://e.org/c> \"x\" .\n");
}
END_TEST

START_TEST(language_maps_give_one_literal_per_language)
{
	same_graph("{\"@context\": {\"title\": {\"@id\": \"http://purl.org/dc/terms/title\","
	           " \"@container\": \"@language\"}},"
	           " \"@id\": \"http://e.org/s\", \"title\": {\"it\": \"Titolo\","
	           " \"en\": [\"Title\", \"Heading\"], \"@none\": \"plain\", \"de\": null}}",
	           "<http://e.org/s> <http://purl.org/dc/terms/title> \"Titolo\"@it .\n"
	           "<http://e.org/s> <http://purl.org/dc/terms/title> \"Title\"@en .\n"
	           "<http://e.org/s> <http://purl.org/dc/terms/title> \"Heading\"@en .\n"
	           "<http://e.org/s> <http://purl.org/dc/terms/title> \"plain\" .\n");
}
END_TEST

START_TEST(lists_become_rdf_lists)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\","
	           " \"seq\": {\"@id\": \"ex:seq\", \"@container\": \"@list\"}},"
	           " \"@id\": \"ex:s\", \"seq\": [\"a\", \"b\"],"
	           " \"ex:empty\": {\"@list\": []}, \"ex:one\": {\"@list\": \"x\"}}",
	           "<http://e.org/s> <http://e.org/seq> _:l1 .\n"
	           "_:l1 <" RDF "first> \"a\" .\n"
	           "_:l1 <" RDF "rest> _:l2 .\n"
	           "_:l2 <" RDF "first> \"b\" .\n"
	           "_:l2 <" RDF "rest> <" RDF "nil> .\n"
	           "<http://e.org/s> <http://e.org/empty> <" RDF "nil> .\n"
	           "<http://e.org/s> <http://e.org/one> _:o1 .\n"
	           "_:o1 <" RDF "first> \"x\" .\n"
	           "_:o1 <" RDF "rest> <" RDF "nil> .\n");
}
END_TEST

START_TEST(lists_of_lists_nest)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\"},"
	           " \"@id\": \"ex:s\", \"ex:m\": {\"@list\": [[\"a\"], \"b\"]}}",
	           "<http://e.org/s> <http://e.org/m> _:l1 .\n"
	           "_:l1 <" RDF "first> _:i1 .\n"
	           "_:i1 <" RDF "first> \"a\" .\n"
	           "_:i1 <" RDF "rest> <" RDF "nil> .\n"
	           "_:l1 <" RDF "rest> _:l2 .\n"
	           "_:l2 <" RDF "first> \"b\" .\n"
	           "_:l2 <" RDF "rest> <" RDF "nil> .\n");
}
END_TEST

START_TEST(set_and_index_containers_add_plain_values)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\","
	           " \"s\": {\"@id\": \"ex:s\", \"@container\": \"@set\"},"
	           " \"byidx\": {\"@id\": \"ex:i\", \"@container\": \"@index\"}},"
	           " \"@id\": \"ex:x\", \"s\": [\"a\"], \"ex:set\": {\"@set\": [\"b\", \"c\"]},"
	           " \"byidx\": {\"k1\": \"v1\", \"k2\": [\"v2\", {\"@id\": \"ex:n\"}]}}",
	           "<http://e.org/x> <http://e.org/s> \"a\" .\n"
	           "<http://e.org/x> <http://e.org/set> \"b\" .\n"
	           "<http://e.org/x> <http://e.org/set> \"c\" .\n"
	           "<http://e.org/x> <http://e.org/i> \"v1\" .\n"
	           "<http://e.org/x> <http://e.org/i> \"v2\" .\n"
	           "<http://e.org/x> <http://e.org/i> <http://e.org/n> .\n");
}
END_TEST

START_TEST(id_and_type_maps_name_and_type_their_nodes)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\","
	           " \"byid\": {\"@id\": \"ex:p\", \"@container\": \"@id\"},"
	           " \"bytype\": {\"@id\": \"ex:q\", \"@container\": \"@type\"}},"
	           " \"@id\": \"ex:s\", \"byid\": {\"ex:a\": {\"ex:v\": \"1\"}},"
	           " \"bytype\": {\"ex:T\": [\"ex:b\", {\"ex:v\": \"2\"}]}}",
	           "<http://e.org/s> <http://e.org/p> <http://e.org/a> .\n"
	           "<http://e.org/a> <http://e.org/v> \"1\" .\n"
	           "<http://e.org/s> <http://e.org/q> <http://e.org/b> .\n"
	           "<http://e.org/b> <" RDF "type> <http://e.org/T> .\n"
	           "<http://e.org/s> <http://e.org/q> _:n .\n"
	           "_:n <" RDF "type> <http://e.org/T> .\n"
	           "_:n <http://e.org/v> \"2\" .\n");
}
END_TEST

START_TEST(graph_at_the_top_is_the_default_graph)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\"}, \"@graph\": ["
	           " {\"@id\": \"ex:a\", \"ex:p\": {\"@id\": \"ex:b\"}},"
	           " {\"@id\": \"ex:b\", \"ex:q\": \"v\"}, \"dropped\"]}",
	           "<http://e.org/a> <http://e.org/p> <http://e.org/b> .\n"
	           "<http://e.org/b> <http://e.org/q> \"v\" .\n");
}
END_TEST

START_TEST(named_graphs_are_merged_and_counted)
{
	const char *doc = "{\"@context\": {\"ex\": \"http://e.org/\"}, \"@id\": \"ex:g\","
	                  " \"ex:label\": \"graph\", \"@graph\": {\"@id\": \"ex:a\", \"ex:p\": \"v\"}}";
	same_graph(doc, "<http://e.org/g> <http://e.org/label> \"graph\" .\n"
	                "<http://e.org/a> <http://e.org/p> \"v\" .\n");
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitJsonldInfo info;
	DcatitDiag d;
	ck_assert_int_eq(dcatit_jsonld_parse(m, doc, strlen(doc), NULL, &info, &d), DCATIT_OK);
	ck_assert_uint_eq(info.named_graphs, 1);
	ck_assert_uint_eq(info.triples, 2);
	dcatit_model_free(m);
	dcatit_terms_free(t);

	/* a graph container: the value names a graph, its nodes are merged */
	same_graph("{\"@context\": {\"g\": {\"@id\": \"http://e.org/g\", \"@container\": \"@graph\"}},"
	           " \"@id\": \"http://e.org/s\", \"g\": {\"@id\": \"http://e.org/a\", \"http://e.org/p\": \"v\"}}",
	           "<http://e.org/s> <http://e.org/g> _:g .\n"
	           "<http://e.org/a> <http://e.org/p> \"v\" .\n");
}
END_TEST

START_TEST(reverse_properties_point_back_at_the_node)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\","
	           " \"isPartOf\": {\"@reverse\": \"ex:hasPart\"}},"
	           " \"@id\": \"ex:part\", \"isPartOf\": {\"@id\": \"ex:whole\"},"
	           " \"@reverse\": {\"ex:knows\": {\"@id\": \"ex:friend\"}}}",
	           "<http://e.org/whole> <http://e.org/hasPart> <http://e.org/part> .\n"
	           "<http://e.org/friend> <http://e.org/knows> <http://e.org/part> .\n");
}
END_TEST

START_TEST(included_nodes_are_added)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\"}, \"@id\": \"ex:a\","
	           " \"ex:p\": \"1\", \"@included\": [{\"@id\": \"ex:b\", \"ex:p\": \"2\"}]}",
	           "<http://e.org/a> <http://e.org/p> \"1\" .\n"
	           "<http://e.org/b> <http://e.org/p> \"2\" .\n");
}
END_TEST

START_TEST(blank_node_labels_join_within_a_document)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\"}, \"@graph\": ["
	           " {\"@id\": \"_:x\", \"ex:p\": \"1\"}, {\"@id\": \"_:x\", \"ex:q\": \"2\"},"
	           " {\"@id\": \"ex:s\", \"ex:r\": [{\"@id\": \"_:x\"}, {\"ex:v\": \"3\"}]}]}",
	           "_:x <http://e.org/p> \"1\" .\n"
	           "_:x <http://e.org/q> \"2\" .\n"
	           "<http://e.org/s> <http://e.org/r> _:x .\n"
	           "<http://e.org/s> <http://e.org/r> _:y .\n"
	           "_:y <http://e.org/v> \"3\" .\n");
}
END_TEST

START_TEST(blank_node_labels_are_scoped_per_document)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	const char *doc = "{\"@id\": \"_:b0\", \"http://e.org/p\": \"v\"}";
	DcatitDiag d;
	ck_assert_int_eq(dcatit_jsonld_parse(m, doc, strlen(doc), NULL, NULL, &d), DCATIT_OK);
	ck_assert_int_eq(dcatit_jsonld_parse(m, doc, strlen(doc), NULL, NULL, &d), DCATIT_OK);
	/* the same label in two documents: two nodes */
	ck_assert_uint_eq(dcatit_model_size(m), 2);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(embedded_and_property_scoped_contexts_apply_below_them)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\","
	           " \"pub\": {\"@id\": \"ex:publisher\", \"@context\": {\"name\": \"http://xmlns.com/foaf/0.1/name\"}}},"
	           " \"@id\": \"ex:ds\", \"pub\": {\"@id\": \"ex:org\", \"name\": \"Org\"},"
	           " \"ex:other\": {\"@context\": {\"title\": \"http://purl.org/dc/terms/title\"},"
	           "   \"@id\": \"ex:o\", \"title\": \"T\", \"name\": \"dropped\"}}",
	           "<http://e.org/ds> <http://e.org/publisher> <http://e.org/org> .\n"
	           "<http://e.org/org> <http://xmlns.com/foaf/0.1/name> \"Org\" .\n"
	           "<http://e.org/ds> <http://e.org/other> <http://e.org/o> .\n"
	           "<http://e.org/o> <http://purl.org/dc/terms/title> \"T\" .\n");
}
END_TEST

START_TEST(type_scoped_contexts_do_not_propagate_to_nested_nodes)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\", \"@vocab\": \"http://v.org/\","
	           " \"Dataset\": {\"@id\": \"ex:Dataset\", \"@context\": {\"title\": \"http://purl.org/dc/terms/title\"}}},"
	           " \"@id\": \"ex:ds\", \"@type\": \"Dataset\", \"title\": \"T\","
	           " \"part\": {\"@id\": \"ex:p\", \"title\": \"inner\"}}",
	           "<http://e.org/ds> <" RDF "type> <http://e.org/Dataset> .\n"
	           "<http://e.org/ds> <http://purl.org/dc/terms/title> \"T\" .\n"
	           "<http://e.org/ds> <http://v.org/part> <http://e.org/p> .\n"
	           "<http://e.org/p> <http://v.org/title> \"inner\" .\n");
}
END_TEST

START_TEST(arrays_of_contexts_and_null_reset)
{
	same_graph("{\"@context\": [{\"ex\": \"http://e.org/\"}, {\"p\": \"ex:p\"}],"
	           " \"@id\": \"ex:s\", \"p\": \"1\","
	           " \"ex:q\": {\"@context\": [null, {\"p\": \"http://o.org/p\"}],"
	           "   \"@id\": \"http://e.org/n\", \"p\": \"2\", \"ex:gone\": \"3\"}}",
	           "<http://e.org/s> <http://e.org/p> \"1\" .\n"
	           "<http://e.org/s> <http://e.org/q> <http://e.org/n> .\n"
	           "<http://e.org/n> <http://o.org/p> \"2\" .\n"
	           "<http://e.org/n> <ex:gone> \"3\" .\n");
}
END_TEST

START_TEST(keyword_aliases_and_nest_work)
{
	same_graph("{\"@context\": {\"id\": \"@id\", \"type\": \"@type\", \"ex\": \"http://e.org/\","
	           " \"meta\": \"@nest\"},"
	           " \"id\": \"ex:s\", \"type\": \"ex:T\", \"meta\": {\"ex:p\": \"v\"}}",
	           "<http://e.org/s> <" RDF "type> <http://e.org/T> .\n"
	           "<http://e.org/s> <http://e.org/p> \"v\" .\n");
}
END_TEST

START_TEST(json_literals_are_canonical)
{
	same_graph("{\"@context\": {\"ex\": \"http://e.org/\","
	           " \"data\": {\"@id\": \"ex:data\", \"@type\": \"@json\"}},"
	           " \"@id\": \"ex:s\", \"data\": {\"b\": [1, 2.5, true, null], \"a\": \"x\\n\"}}",
	           "<http://e.org/s> <http://e.org/data> "
	           "\"{\\\"a\\\":\\\"x\\\\n\\\",\\\"b\\\":[1,2.5,true,null]}\"^^<" RDF "JSON> .\n");
}
END_TEST

START_TEST(prefixes_need_a_delimiter_to_compact_in_json_ld_1_1)
{
	/* "ex" does not end in a gen-delim: "ex:a" is an absolute IRI with
	 * scheme "ex", as JSON-LD 1.1 IRI expansion says */
	same_graph("{\"@context\": {\"ex\": \"http://e.org/ns\", \"hash\": \"http://h.org/ns#\"},"
	           " \"@id\": \"http://e.org/s\", \"ex:a\": \"1\", \"hash:b\": \"2\"}",
	           "<http://e.org/s> <ex:a> \"1\" .\n"
	           "<http://e.org/s> <http://h.org/ns#b> \"2\" .\n");
}
END_TEST

START_TEST(relative_properties_without_vocab_are_dropped)
{
	same_graph("{\"@id\": \"http://e.org/s\", \"title\": \"dropped\","
	           " \"http://e.org/p\": \"kept\", \"_:bp\": \"generalised, dropped\"}",
	           "<http://e.org/s> <http://e.org/p> \"kept\" .\n");
}
END_TEST

START_TEST(context_prefixes_are_added_to_the_model)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	const char *doc = "{\"@context\": {\"dcat\": \"http://www.w3.org/ns/dcat#\","
	                  " \"title\": \"http://purl.org/dc/terms/title\"}, \"@id\": \"http://e.org/s\","
	                  " \"title\": \"x\"}";
	DcatitDiag d;
	ck_assert_int_eq(dcatit_jsonld_parse(m, doc, strlen(doc), NULL, NULL, &d), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_prefix_count(m), 1);
	const char *p, *iri;
	dcatit_model_prefix(m, 0, &p, &iri);
	ck_assert_str_eq(p, "dcat");
	ck_assert_str_eq(iri, "http://www.w3.org/ns/dcat#");
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(triples_carry_the_line_of_their_node_object)
{
	const char *doc = "{\n"
	                  "  \"@context\": {\"ex\": \"http://e.org/\"},\n"
	                  "  \"@graph\": [\n"
	                  "    {\"@id\": \"ex:a\",\n"
	                  "     \"ex:p\": \"1\"},\n"
	                  "    {\n"
	                  "      \"@id\": \"ex:b\", \"ex:p\": \"{not a brace\"\n"
	                  "    }\n"
	                  "  ]\n"
	                  "}\n";
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitJsonldOpts o = {.name = "lines.jsonld"};
	DcatitDiag d;
	ck_assert_int_eq(dcatit_jsonld_parse(m, doc, strlen(doc), &o, NULL, &d), DCATIT_OK);
	DcatitLoc a = dcatit_model_node_loc(m, dcatit_terms_iri_z(t, "http://e.org/a"));
	DcatitLoc b = dcatit_model_node_loc(m, dcatit_terms_iri_z(t, "http://e.org/b"));
	ck_assert_uint_eq(a.line, 4);
	ck_assert_uint_eq(b.line, 6);
	ck_assert_str_eq(dcatit_model_source_name(m, a.file), "lines.jsonld");
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(ill_formed_iris_and_language_tags_are_dropped_and_counted)
{
	const char *doc = "{\"@context\": {\"ex\": \"http://e.org/\"}, \"@graph\": ["
	                  " {\"@id\": \"http://e.org/a b\", \"ex:p\": \"dropped with its node\"},"
	                  " {\"@id\": \"ex:s\", \"ex:p\": {\"@value\": \"x\", \"@language\": \"not a tag\"},"
	                  "  \"ex:q\": {\"@id\": \"ex:bad<iri>\"}, \"ex:r\": \"kept\"}]}";
	same_graph(doc, "<http://e.org/s> <http://e.org/r> \"kept\" .\n");
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitJsonldInfo info;
	DcatitDiag d;
	ck_assert_int_eq(dcatit_jsonld_parse(m, doc, strlen(doc), NULL, &info, &d), DCATIT_OK);
	ck_assert_uint_eq(info.dropped, 3);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(a_byte_order_mark_is_skipped_and_duplicate_keys_lose_only_lines)
{
	same_graph("\xEF\xBB\xBF{\"@id\": \"http://e.org/s\", \"http://e.org/p\": \"v\"}",
	           "<http://e.org/s> <http://e.org/p> \"v\" .\n");
	/* jansson keeps the last of duplicate keys, so the objects no longer
	 * match the braces of the text: lines are 0, the graph is right */
	const char *doc = "{\"@id\": \"http://e.org/s\",\n"
	                  " \"http://e.org/p\": {\"@id\": \"http://e.org/x\"},\n"
	                  " \"http://e.org/p\": \"last\"}";
	same_graph(doc, "<http://e.org/s> <http://e.org/p> \"last\" .\n");
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitDiag d;
	ck_assert_int_eq(dcatit_jsonld_parse(m, doc, strlen(doc), NULL, NULL, &d), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_loc(m, 0).line, 0);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(remote_contexts_are_never_fetched)
{
	DcatitDiag d;
	ck_assert_int_eq(parse_err("{\n\"@context\": \"https://schema.org/\",\n"
	                           "\"name\": \"x\"}", &d), DCATIT_ERR_UNSUPPORTED);
	ck_assert_str_eq(d.file, "bad.jsonld");
	ck_assert_uint_eq(d.line, 1);
	ck_assert_ptr_nonnull(strstr(d.message, "remote @context <https://schema.org/> "
	                                        "is not fetched; inline the context"));
	ck_assert_int_eq(parse_err("{\"@context\": [{\"ex\": \"http://e.org/\"},\n"
	                           "\"http://r.org/ctx.jsonld\"]}", &d),
	                 DCATIT_ERR_UNSUPPORTED);
	ck_assert_ptr_nonnull(strstr(d.message, "/@context/1"));
	ck_assert_int_eq(parse_err("{\"@context\": {\"@import\": \"http://r.org/c\"}}", &d),
	                 DCATIT_ERR_UNSUPPORTED);
}
END_TEST

START_TEST(bad_json_is_located_by_line_and_column)
{
	DcatitDiag d;
	ck_assert_int_eq(parse_err("{\n  \"a\": 1,\n  \"b\": ]\n}", &d), DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, 3);
	ck_assert_uint_gt(d.col, 0);
	ck_assert_ptr_nonnull(strstr(d.message, "invalid JSON"));
	ck_assert_int_eq(parse_err("", &d), DCATIT_ERR_SYNTAX);
	ck_assert_int_eq(parse_err("\"just a string\"", &d), DCATIT_ERR_SYNTAX);
}
END_TEST

START_TEST(json_ld_errors_name_the_line_and_the_json_pointer)
{
	DcatitDiag d;
	ck_assert_int_eq(parse_err("{\"@context\": {\"ex\": \"http://e.org/\"},\n"
	                           " \"@graph\": [\n"
	                           "  {\"@id\": \"ex:a\"},\n"
	                           "  {\"@id\": \"ex:b\",\n"
	                           "   \"ex:p\": {\"@id\": 42}}]}", &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert_uint_eq(d.line, 5);
	ck_assert_ptr_nonnull(strstr(d.message, "invalid @id value"));
	ck_assert_ptr_nonnull(strstr(d.message, "/@graph/1/ex:p/@id"));
	ck_assert_int_eq(parse_err("{\"@context\": {\"a\": \"b:x\", \"b\": \"a:y\"}, \"a\": 1}", &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(d.message, "cyclic IRI mapping"));
	ck_assert_int_eq(parse_err("{\"http://e.org/p\": {\"@value\": \"x\", \"@language\": \"en\","
	                           " \"@type\": \"http://e.org/T\"}}", &d), DCATIT_ERR_SYNTAX);
	ck_assert_int_eq(parse_err("{\"http://e.org/p\": {\"@value\": {\"a\": 1}}}", &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert_int_eq(parse_err("{\"@context\": {\"@id\": \"http://e.org/\"}}", &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(d.message, "keyword redefinition"));
	ck_assert_int_eq(parse_err("{\"@context\": {\"p\": {\"@reverse\": \"http://e.org/p\"}},"
	                           " \"@id\": \"http://e.org/s\", \"p\": \"literal\"}", &d),
	                 DCATIT_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(d.message, "invalid reverse property value"));
	ck_assert_int_eq(parse_err("{\"@context\": {\"@version\": 1.0}}", &d), DCATIT_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(d.message, "invalid @version value"));
}
END_TEST

START_TEST(protected_terms_can_only_be_redefined_by_property_scoped_contexts)
{
	DcatitDiag d;
	/* an embedded context may not redefine or nullify them */
	ck_assert_int_eq(parse_err("{\"@context\": {\"@protected\": true, \"name\": \"http://e.org/name\"},"
	                           " \"http://e.org/p\": {\"@context\": {\"name\": \"http://x.org/n\"},"
	                           " \"name\": \"x\"}}", &d), DCATIT_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(d.message, "protected term redefinition: 'name'"));
	ck_assert_int_eq(parse_err("{\"@context\": {\"@protected\": true, \"name\": \"http://e.org/name\"},"
	                           " \"http://e.org/p\": {\"@context\": null}}", &d), DCATIT_ERR_SYNTAX);
	ck_assert_ptr_nonnull(strstr(d.message, "invalid context nullification"));
	/* the same definition again is fine; a property-scoped context may */
	same_graph("{\"@context\": {\"@protected\": true, \"name\": \"http://e.org/name\","
	           " \"pub\": {\"@id\": \"http://e.org/pub\", \"@context\": {\"name\": \"http://x.org/n\"}}},"
	           " \"@id\": \"http://e.org/s\", \"pub\": {\"@id\": \"http://e.org/o\", \"name\": \"in\"},"
	           " \"http://e.org/p\": {\"@context\": {\"name\": \"http://e.org/name\"},"
	           "   \"@id\": \"http://e.org/q\", \"name\": \"same\"}}",
	           "<http://e.org/s> <http://e.org/pub> <http://e.org/o> .\n"
	           "<http://e.org/o> <http://x.org/n> \"in\" .\n"
	           "<http://e.org/s> <http://e.org/p> <http://e.org/q> .\n"
	           "<http://e.org/q> <http://e.org/name> \"same\" .\n");
}
END_TEST

START_TEST(deep_nesting_is_refused_before_expansion)
{
	size_t n = DCATIT_JSONLD_MAX_DEPTH + 10;
	DcatitBuf b;
	dcatit_buf_init(&b);
	for (size_t i = 0; i < n; i++)
		dcatit_buf_adds(&b, "{\"http://e.org/p\":");
	dcatit_buf_adds(&b, "1");
	for (size_t i = 0; i < n; i++)
		dcatit_buf_addc(&b, '}');
	DcatitDiag d;
	ck_assert_int_eq(parse_err(b.data, &d), DCATIT_ERR_LIMIT);
	dcatit_buf_release(&b);
	/* just under the cap is fine */
	dcatit_buf_init(&b);
	for (size_t i = 0; i < 100; i++)
		dcatit_buf_adds(&b, "{\"http://e.org/p\":");
	dcatit_buf_adds(&b, "1");
	for (size_t i = 0; i < 100; i++)
		dcatit_buf_addc(&b, '}');
	ck_assert_int_eq(parse_err(b.data, &d), DCATIT_OK);
	dcatit_buf_release(&b);
}
END_TEST

START_TEST(rdfio_reads_json_ld_by_extension_media_type_and_content)
{
	ck_assert_int_eq(dcatit_rdfio_syntax_from_path("a/b.jsonld"), DCATIT_SYNTAX_JSONLD);
	ck_assert_int_eq(dcatit_rdfio_syntax_from_path("b.json-ld"), DCATIT_SYNTAX_JSONLD);
	ck_assert_int_eq(dcatit_rdfio_syntax_from_name("jsonld"), DCATIT_SYNTAX_JSONLD);
	ck_assert_int_eq(dcatit_rdfio_syntax_from_media_type("application/ld+json; charset=utf-8"),
	                 DCATIT_SYNTAX_JSONLD);
	ck_assert_int_eq(dcatit_rdfio_syntax_from_media_type("Text/Turtle"), DCATIT_SYNTAX_TURTLE);
	ck_assert_int_eq(dcatit_rdfio_syntax_from_media_type("text/html"), DCATIT_SYNTAX_GUESS);
	ck_assert_int_eq(dcatit_rdfio_syntax_sniff(" \n{\"@id\": 1}", 12), DCATIT_SYNTAX_JSONLD);
	ck_assert_int_eq(dcatit_rdfio_syntax_sniff("[ {\"@id\": 1} ]", 15), DCATIT_SYNTAX_JSONLD);
	ck_assert_int_eq(dcatit_rdfio_syntax_sniff("[ <http://e/p> 1 ] .", 20),
	                 DCATIT_SYNTAX_TURTLE);
	ck_assert_int_eq(dcatit_rdfio_syntax_sniff("[] <http://e/p> 1 .", 19),
	                 DCATIT_SYNTAX_TURTLE);
	ck_assert_str_eq(dcatit_rdfio_syntax_name(DCATIT_SYNTAX_JSONLD), "jsonld");

	/* sniffed from memory, located with the source name */
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	const char *doc = "\n{\"@id\": \"rel\", \"http://e.org/p\": \"v\"}";
	DcatitParseOpts po = {.name = "mem.json", .base_uri = "http://b.org/"};
	DcatitDiag d;
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, doc, strlen(doc), &po, &d), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_size(m), 1);
	DcatitLoc l = dcatit_model_loc(m, 0);
	ck_assert_str_eq(dcatit_model_source_name(m, l.file), "mem.json");
	ck_assert_uint_eq(l.line, 2);
	ck_assert_uint_ne(dcatit_terms_find_iri(t, "http://b.org/rel"), 0);
	/* an error goes through with its location */
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, "{\"@context\": \"http://x/\"}", 25, &po, &d),
	                 DCATIT_ERR_UNSUPPORTED);
	ck_assert_str_eq(d.file, "mem.json");
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(our_writer_round_trips_through_our_reader)
{
	const char *ttl =
		"@prefix dcat: <http://www.w3.org/ns/dcat#> .\n"
		"@prefix dct: <http://purl.org/dc/terms/> .\n"
		"@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
		"<http://e.org/ds> a dcat:Dataset ;\n"
		"  dct:title \"Titolo\"@it, \"Title\"@en ;\n"
		"  dct:modified \"2020-01-01\"^^xsd:date ;\n"
		"  dcat:byteSize 42 ; dcat:spatialResolutionInMeters 1.5 ;\n"
		"  dct:description \"line\\nbreak \\\"q\\\"\" ;\n"
		"  dct:publisher [ a <http://xmlns.com/foaf/0.1/Agent> ; dct:identifier \"x\" ] ;\n"
		"  dcat:theme <http://publications.europa.eu/resource/authority/data-theme/GOVE> ;\n"
		"  <http://e.org/list> ( \"a\" \"b\" ) .\n";
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitParseOpts po = {.syntax = DCATIT_SYNTAX_TURTLE, .name = "in.ttl",
	                      .base_uri = "http://e.org/"};
	DcatitDiag d;
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, ttl, strlen(ttl), &po, &d), DCATIT_OK);
	DcatitBuf js;
	dcatit_buf_init(&js);
	ck_assert_int_eq(dcatit_jsonld_write(m, &js, &d), DCATIT_OK);
	char *want = canon_model(m);

	DcatitModel *m2 = dcatit_model_new(t);
	ck_assert_int_eq(dcatit_jsonld_parse(m2, js.data, js.len, NULL, NULL, &d), DCATIT_OK);
	char *got = canon_model(m2);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	dcatit_buf_release(&js);
	dcatit_model_free(m2);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(the_writer_leaves_out_prefixes_a_reader_would_misread)
{
	/* "ex" names the scheme of its own IRI, "urn" the scheme of a subject,
	 * "ns" lacks a gen-delim: none may compact; a blank node type and a
	 * literal rdf:type must survive too */
	const char *ttl =
		"@prefix ex: <ex:http://v.org/> .\n"
		"@prefix urn: <http://u.org/> .\n"
		"@prefix ns: <http://n.org/ns> .\n"
		"@prefix ok: <http://ok.org/> .\n"
		"<urn:isbn:1> a _:T, ok:C ; <http://e.org/p> ex:x, <http://n.org/nsY>, <http://u.org/z> ;\n"
		"  <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> \"lit\" .\n";
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitParseOpts po = {.syntax = DCATIT_SYNTAX_TURTLE, .name = "in.ttl"};
	DcatitDiag d;
	ck_assert_int_eq(dcatit_rdfio_parse_mem(m, ttl, strlen(ttl), &po, &d), DCATIT_OK);
	DcatitBuf js;
	dcatit_buf_init(&js);
	ck_assert_int_eq(dcatit_jsonld_write(m, &js, &d), DCATIT_OK);
	ck_assert_ptr_null(strstr(js.data, "\"urn\":"));
	ck_assert_ptr_null(strstr(js.data, "\"ex\":"));
	ck_assert_ptr_null(strstr(js.data, "\"ns\":"));
	ck_assert_ptr_nonnull(strstr(js.data, "\"ok:C\""));
	char *want = canon_model(m);
	DcatitModel *m2 = dcatit_model_new(t);
	ck_assert_int_eq(dcatit_jsonld_parse(m2, js.data, js.len, NULL, NULL, &d), DCATIT_OK);
	char *got = canon_model(m2);
	ck_assert_str_eq(got, want);
	free(got);
	free(want);
	dcatit_buf_release(&js);
	dcatit_model_free(m2);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(the_writer_refuses_a_literal_that_is_not_utf8_by_name)
{
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	/* CESU-8 of U+D800: what a lone surrogate escape used to become */
	DcatitTermId o = dcatit_terms_literal(t, "a\xED\xA0\x80" "b", 5, 0, NULL);
	ck_assert_int_eq(dcatit_model_add(m, dcatit_terms_iri_z(t, "http://x/s"),
	                                  dcatit_terms_iri_z(t, "http://x/p"), o,
	                                  (DcatitLoc){0, 0}), DCATIT_OK);
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_jsonld_write(m, &b, &d), DCATIT_ERR_INVALID);
	ck_assert(strstr(d.message, "UTF-8") != NULL);
	ck_assert(strstr(d.message, "memory") == NULL);
	dcatit_buf_release(&b);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

START_TEST(a_nul_in_a_json_string_is_kept_in_the_literal)
{
	const char *doc = "{\"@id\": \"http://x/s\", \"http://x/p\": \"a\\u0000b\"}";
	DcatitTerms *t = dcatit_terms_new();
	DcatitModel *m = dcatit_model_new(t);
	DcatitDiag d;
	dcatit_diag_init(&d);
	ck_assert_int_eq(dcatit_jsonld_parse(m, doc, strlen(doc), NULL, NULL, &d), DCATIT_OK);
	ck_assert_uint_eq(dcatit_model_size(m), 1);
	DcatitTermId o = dcatit_model_triple(m, 0)->o;
	ck_assert_uint_eq(dcatit_terms_len(t, o), 3);
	ck_assert(memcmp(dcatit_terms_str(t, o), "a\0b", 3) == 0);
	/* not in an IRI: there it is no string a node can be named by */
	const char *bad = "{\"@id\": \"http://x/s\\u0000t\", \"http://x/p\": \"v\"}";
	DcatitModel *m2 = dcatit_model_new(t);
	ck_assert_int_eq(dcatit_jsonld_parse(m2, bad, strlen(bad), NULL, NULL, &d),
	                 DCATIT_ERR_SYNTAX);
	dcatit_model_free(m2);
	dcatit_model_free(m);
	dcatit_terms_free(t);
}
END_TEST

static Suite *jsonld_suite(void)
{
	Suite *s = suite_create("jsonld");
	TCase *tc = tcase_create("read");
	tcase_add_test(tc, prefixes_compact_iris_and_types_become_triples);
	tcase_add_test(tc, vocab_expands_terms_and_types);
	tcase_add_test(tc, relative_ids_resolve_against_the_document_base);
	tcase_add_test(tc, base_in_the_context_overrides_the_document_base);
	tcase_add_test(tc, type_coercion_gives_iris_and_typed_literals);
	tcase_add_test(tc, languages_come_from_the_default_the_term_or_the_value);
	tcase_add_test(tc, numbers_and_booleans_use_the_canonical_forms_of_the_spec);
	tcase_add_test(tc, integers_beyond_64_bits_are_read_as_doubles);
	tcase_add_test(tc, null_values_and_free_floating_values_are_dropped);
	tcase_add_test(tc, language_maps_give_one_literal_per_language);
	tcase_add_test(tc, lists_become_rdf_lists);
	tcase_add_test(tc, lists_of_lists_nest);
	tcase_add_test(tc, set_and_index_containers_add_plain_values);
	tcase_add_test(tc, id_and_type_maps_name_and_type_their_nodes);
	tcase_add_test(tc, graph_at_the_top_is_the_default_graph);
	tcase_add_test(tc, named_graphs_are_merged_and_counted);
	tcase_add_test(tc, reverse_properties_point_back_at_the_node);
	tcase_add_test(tc, included_nodes_are_added);
	tcase_add_test(tc, blank_node_labels_join_within_a_document);
	tcase_add_test(tc, blank_node_labels_are_scoped_per_document);
	tcase_add_test(tc, embedded_and_property_scoped_contexts_apply_below_them);
	tcase_add_test(tc, type_scoped_contexts_do_not_propagate_to_nested_nodes);
	tcase_add_test(tc, arrays_of_contexts_and_null_reset);
	tcase_add_test(tc, keyword_aliases_and_nest_work);
	tcase_add_test(tc, json_literals_are_canonical);
	tcase_add_test(tc, prefixes_need_a_delimiter_to_compact_in_json_ld_1_1);
	tcase_add_test(tc, relative_properties_without_vocab_are_dropped);
	tcase_add_test(tc, context_prefixes_are_added_to_the_model);
	tcase_add_test(tc, triples_carry_the_line_of_their_node_object);
	tcase_add_test(tc, ill_formed_iris_and_language_tags_are_dropped_and_counted);
	tcase_add_test(tc, a_byte_order_mark_is_skipped_and_duplicate_keys_lose_only_lines);
	suite_add_tcase(s, tc);
	TCase *te = tcase_create("errors");
	tcase_add_test(te, remote_contexts_are_never_fetched);
	tcase_add_test(te, bad_json_is_located_by_line_and_column);
	tcase_add_test(te, json_ld_errors_name_the_line_and_the_json_pointer);
	tcase_add_test(te, protected_terms_can_only_be_redefined_by_property_scoped_contexts);
	tcase_add_test(te, deep_nesting_is_refused_before_expansion);
	suite_add_tcase(s, te);
	TCase *ti = tcase_create("rdfio");
	tcase_add_test(ti, rdfio_reads_json_ld_by_extension_media_type_and_content);
	tcase_add_test(ti, our_writer_round_trips_through_our_reader);
	tcase_add_test(ti, the_writer_leaves_out_prefixes_a_reader_would_misread);
	tcase_add_test(ti, the_writer_refuses_a_literal_that_is_not_utf8_by_name);
	tcase_add_test(ti, a_nul_in_a_json_string_is_kept_in_the_literal);
	suite_add_tcase(s, ti);
	return s;
}

int main(void)
{
	SRunner *sr = srunner_create(jsonld_suite());
	srunner_run_all(sr, CK_NORMAL);
	int failed = srunner_ntests_failed(sr);
	srunner_free(sr);
	return failed ? EXIT_FAILURE : EXIT_SUCCESS;
}
