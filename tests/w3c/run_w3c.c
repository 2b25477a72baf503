/* run_w3c.c: runs the W3C SHACL core test suite from its manifests, the way
 * serd runs the W3C Turtle suites. Usage: run_w3c DATADIR (the copy of the
 * suite in tests/w3c/data). Follows mf:include from core/manifest.ttl, runs
 * every sht:Validate entry and compares the expected report: sh:conforms
 * and the set of results on focus node, path, value, source shape,
 * constraint component and severity. One line per test, then
 * "N passed, N failed"; exit status 1 on any failure.
 *
 * Comparison: IRIs and literals are compared as terms. Blank nodes are
 * compared by identity: in the suite every blank node named in an expected
 * result (focus node, value, source shape) is written in the same file as
 * the data and shapes, which we parse once and use as manifest, data and
 * shapes graph, so the same label is the same term. Result paths that are
 * blank nodes (complex paths) are compared by structure. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "rdf/model.h"
#include "rdf/rdfio.h"
#include "rdf/term.h"
#include "shacl/engine.h"
#include "shacl/result.h"

#define MF "http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#"
#define SHT "http://www.w3.org/ns/shacl-test#"
#define SH "http://www.w3.org/ns/shacl#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define XSD "http://www.w3.org/2001/XMLSchema#"

typedef struct {
	DcatitTerms *t;
	const char *root; /* absolute data dir */
	int passed, failed;
	DcatitTermId include, entries, action, result, Validate, dataGraph,
	        shapesGraph, type, first, rest, nil, conforms, sh_result, focusNode,
	        resultPath, value, sourceShape, component, severity, inverse,
	        alternative, zom, oom, zoo, true_lit;
	char **seen; /* manifests already run */
	size_t nseen;
} Runner;

static DcatitTermId iri(Runner *r, const char *s)
{
	DcatitTermId id = dcatit_terms_iri_z(r->t, s);
	if (!id) {
		fprintf(stderr, "run_w3c: out of memory\n");
		exit(2);
	}
	return id;
}

static void init_vocab(Runner *r)
{
	r->include = iri(r, MF "include");
	r->entries = iri(r, MF "entries");
	r->action = iri(r, MF "action");
	r->result = iri(r, MF "result");
	r->Validate = iri(r, SHT "Validate");
	r->dataGraph = iri(r, SHT "dataGraph");
	r->shapesGraph = iri(r, SHT "shapesGraph");
	r->type = iri(r, RDF "type");
	r->first = iri(r, RDF "first");
	r->rest = iri(r, RDF "rest");
	r->nil = iri(r, RDF "nil");
	r->conforms = iri(r, SH "conforms");
	r->sh_result = iri(r, SH "result");
	r->focusNode = iri(r, SH "focusNode");
	r->resultPath = iri(r, SH "resultPath");
	r->value = iri(r, SH "value");
	r->sourceShape = iri(r, SH "sourceShape");
	r->component = iri(r, SH "sourceConstraintComponent");
	r->severity = iri(r, SH "resultSeverity");
	r->inverse = iri(r, SH "inversePath");
	r->alternative = iri(r, SH "alternativePath");
	r->zom = iri(r, SH "zeroOrMorePath");
	r->oom = iri(r, SH "oneOrMorePath");
	r->zoo = iri(r, SH "zeroOrOnePath");
	r->true_lit = dcatit_terms_literal_z(r->t, "true", iri(r, XSD "boolean"), NULL);
}

/* Parse a file with its file:// IRI as base; NULL (message printed) on
 * failure. */
static DcatitModel *load(Runner *r, const char *path)
{
	DcatitModel *m = dcatit_model_new(r->t);
	DcatitBuf base;
	dcatit_buf_init(&base);
	dcatit_buf_addf(&base, "file://%s", path);
	DcatitParseOpts opts;
	memset(&opts, 0, sizeof opts);
	opts.syntax = DCATIT_SYNTAX_TURTLE;
	opts.base_uri = base.data;
	DcatitDiag d;
	dcatit_diag_init(&d);
	if (!m || base.oom || dcatit_rdfio_parse_file(m, path, &opts, &d)) {
		fprintf(stderr, "run_w3c: cannot load '%s': %s:%lu:%lu: %s\n", path, d.file,
		        d.line, d.col, d.message);
		dcatit_model_free(m);
		m = NULL;
	}
	dcatit_buf_release(&base);
	return m;
}

/* file:///abs/path -> /abs/path (borrowed from the term string) */
static const char *iri_path(Runner *r, DcatitTermId id)
{
	const char *s = dcatit_terms_str(r->t, id);
	return strncmp(s, "file://", 7) == 0 ? s + 7 : NULL;
}

/* A path node written as a structure, so that two blank-node paths with
 * the same shape compare equal wherever they were parsed. */
static void path_str(Runner *r, DcatitModel *m, DcatitTermId node, DcatitBuf *b,
                     int depth)
{
	DcatitTermId o;
	if (depth > 32) {
		dcatit_buf_adds(b, "...");
		return;
	}
	if (!dcatit_terms_is_bnode(r->t, node)) {
		dcatit_terms_write_nt(r->t, node, b);
		return;
	}
	DcatitTermId head = 0;
	const char *sep = NULL;
	if (dcatit_model_sp(m, node, r->first).n) {
		head = node;
		sep = " / ";
	} else if ((o = dcatit_model_object(m, node, r->alternative))) {
		head = o;
		sep = " | ";
	}
	DcatitTermId *items;
	size_t n;
	if (head && !dcatit_model_list(m, head, r->first, r->rest, r->nil, &items, &n)) {
		dcatit_buf_addc(b, '(');
		for (size_t i = 0; i < n; i++) {
			if (i)
				dcatit_buf_adds(b, sep);
			path_str(r, m, items[i], b, depth + 1);
		}
		dcatit_buf_addc(b, ')');
		free(items);
	} else if ((o = dcatit_model_object(m, node, r->inverse))) {
		dcatit_buf_addc(b, '^');
		path_str(r, m, o, b, depth + 1);
	} else if ((o = dcatit_model_object(m, node, r->zom))) {
		path_str(r, m, o, b, depth + 1);
		dcatit_buf_addc(b, '*');
	} else if ((o = dcatit_model_object(m, node, r->oom))) {
		path_str(r, m, o, b, depth + 1);
		dcatit_buf_addc(b, '+');
	} else if ((o = dcatit_model_object(m, node, r->zoo))) {
		path_str(r, m, o, b, depth + 1);
		dcatit_buf_addc(b, '?');
	} else {
		dcatit_terms_write_nt(r->t, node, b);
	}
}

static void term_str(Runner *r, DcatitTermId id, DcatitBuf *b)
{
	if (id)
		dcatit_terms_write_nt(r->t, id, b);
	else
		dcatit_buf_adds(b, "-");
}

/* One result as a line of text; caller frees. */
static char *result_key(Runner *r, DcatitModel *pathg, DcatitTermId focus,
                        DcatitTermId path, DcatitTermId value, DcatitTermId shape,
                        DcatitTermId component, DcatitTermId severity)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_adds(&b, "focus ");
	term_str(r, focus, &b);
	dcatit_buf_adds(&b, " path ");
	if (path)
		path_str(r, pathg, path, &b, 0);
	else
		dcatit_buf_adds(&b, "-");
	dcatit_buf_adds(&b, " value ");
	term_str(r, value, &b);
	dcatit_buf_adds(&b, " shape ");
	term_str(r, shape, &b);
	dcatit_buf_adds(&b, " component ");
	term_str(r, component, &b);
	dcatit_buf_adds(&b, " severity ");
	term_str(r, severity, &b);
	if (b.oom) {
		fprintf(stderr, "run_w3c: out of memory\n");
		exit(2);
	}
	return dcatit_buf_detach(&b);
}

typedef struct {
	char **v;
	size_t n, cap;
} Keys;

static void keys_add(Keys *k, char *s)
{
	if (k->n == k->cap) {
		k->cap = k->cap ? k->cap * 2 : 16;
		k->v = realloc(k->v, k->cap * sizeof *k->v);
		if (!k->v) {
			fprintf(stderr, "run_w3c: out of memory\n");
			exit(2);
		}
	}
	k->v[k->n++] = s;
}

static int cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Sort and drop duplicates: the report is compared as a set. */
static void keys_set(Keys *k)
{
	if (!k->n)
		return;
	qsort(k->v, k->n, sizeof *k->v, cmp_str);
	size_t w = 1;
	for (size_t i = 1; i < k->n; i++) {
		if (strcmp(k->v[i], k->v[w - 1]) == 0)
			free(k->v[i]);
		else
			k->v[w++] = k->v[i];
	}
	k->n = w;
}

static void keys_free(Keys *k)
{
	for (size_t i = 0; i < k->n; i++)
		free(k->v[i]);
	free(k->v);
}

static void run_test(Runner *r, DcatitModel *man, DcatitTermId man_iri,
                     DcatitTermId entry)
{
	const char *name = dcatit_terms_str(r->t, entry);
	size_t rootlen = strlen(r->root);
	if (strncmp(name, "file://", 7) == 0 && strncmp(name + 7, r->root, rootlen) == 0)
		name += 7 + rootlen + 1;
	DcatitBuf why;
	dcatit_buf_init(&why);
	DcatitModel *data = NULL, *shapes_g = NULL;
	DcatitShapes *shapes = NULL;
	DcatitResults res;
	dcatit_results_init(&res);
	Keys want = {0}, got = {0};
	bool pass = false;

	if (!dcatit_model_has(man, entry, r->type, r->Validate)) {
		dcatit_buf_adds(&why, "  not an sht:Validate test\n");
		goto done;
	}
	DcatitTermId action = dcatit_model_object(man, entry, r->action);
	DcatitTermId data_iri = dcatit_model_object(man, action, r->dataGraph);
	DcatitTermId shapes_iri = dcatit_model_object(man, action, r->shapesGraph);
	if (!data_iri || !shapes_iri || !iri_path(r, data_iri) || !iri_path(r, shapes_iri)) {
		dcatit_buf_adds(&why, "  no sht:dataGraph / sht:shapesGraph file\n");
		goto done;
	}
	data = data_iri == man_iri ? man : load(r, iri_path(r, data_iri));
	if (shapes_iri == man_iri)
		shapes_g = man;
	else if (shapes_iri == data_iri)
		shapes_g = data;
	else
		shapes_g = load(r, iri_path(r, shapes_iri));
	if (!data || !shapes_g) {
		dcatit_buf_adds(&why, "  cannot load the graphs\n");
		goto done;
	}
	DcatitDiag d;
	dcatit_diag_init(&d);
	shapes = dcatit_shapes_compile(shapes_g, &d);
	if (!shapes || dcatit_shacl_validate(shapes, data, &res, &d)) {
		dcatit_buf_addf(&why, "  engine error: %s:%lu: %s\n", d.file, d.line,
		                d.message);
		goto done;
	}

	DcatitTermId report = dcatit_model_object(man, entry, r->result);
	bool want_conforms = dcatit_model_has(man, report, r->conforms, r->true_lit);
	DcatitRange er = dcatit_model_sp(man, report, r->sh_result);
	for (size_t i = 0; i < er.n; i++) {
		DcatitTermId x = dcatit_model_triple(man, er.idx[i])->o;
		keys_add(&want, result_key(r, man, dcatit_model_object(man, x, r->focusNode),
		                           dcatit_model_object(man, x, r->resultPath),
		                           dcatit_model_object(man, x, r->value),
		                           dcatit_model_object(man, x, r->sourceShape),
		                           dcatit_model_object(man, x, r->component),
		                           dcatit_model_object(man, x, r->severity)));
	}
	for (size_t i = 0; i < res.n; i++) {
		const DcatitResult *x = &res.items[i];
		keys_add(&got, result_key(r, shapes_g, x->focus, x->path, x->value, x->shape,
		                          x->component, x->severity));
	}
	keys_set(&want);
	keys_set(&got);
	bool got_conforms = res.n == 0;
	pass = want_conforms == got_conforms;
	if (!pass)
		dcatit_buf_addf(&why, "  expected sh:conforms %s, got %s\n",
		                want_conforms ? "true" : "false", got_conforms ? "true" : "false");
	size_t i = 0, j = 0;
	while (i < want.n || j < got.n) {
		int c = i == want.n ? 1 : j == got.n ? -1 : strcmp(want.v[i], got.v[j]);
		if (c == 0) {
			i++;
			j++;
			continue;
		}
		pass = false;
		if (c < 0)
			dcatit_buf_addf(&why, "  missing:    %s\n", want.v[i++]);
		else
			dcatit_buf_addf(&why, "  unexpected: %s\n", got.v[j++]);
	}

done:
	if (pass) {
		r->passed++;
		printf("PASS %s\n", name);
	} else {
		r->failed++;
		printf("FAIL %s\n%s", name, why.data ? why.data : "");
	}
	dcatit_buf_release(&why);
	keys_free(&want);
	keys_free(&got);
	dcatit_results_release(&res);
	dcatit_shapes_free(shapes);
	if (shapes_g != man && shapes_g != data)
		dcatit_model_free(shapes_g);
	if (data != man)
		dcatit_model_free(data);
}

static void run_manifest(Runner *r, const char *path)
{
	for (size_t i = 0; i < r->nseen; i++)
		if (strcmp(r->seen[i], path) == 0)
			return;
	char **seen = realloc(r->seen, (r->nseen + 1) * sizeof *seen);
	if (!seen || !(seen[r->nseen] = strdup(path))) {
		fprintf(stderr, "run_w3c: out of memory\n");
		exit(2);
	}
	r->seen = seen;
	r->nseen++;

	DcatitModel *m = load(r, path);
	if (!m) {
		r->failed++;
		printf("FAIL %s (manifest does not parse)\n", path);
		return;
	}
	DcatitBuf b;
	dcatit_buf_init(&b);
	dcatit_buf_addf(&b, "file://%s", path);
	DcatitTermId self = iri(r, b.data);
	dcatit_buf_release(&b);

	/* copy the includes out: running them parses more documents */
	DcatitRange inc = dcatit_model_sp(m, self, r->include);
	DcatitTermId *incs = calloc(inc.n + 1, sizeof *incs);
	if (!incs) {
		fprintf(stderr, "run_w3c: out of memory\n");
		exit(2);
	}
	size_t ninc = inc.n;
	for (size_t i = 0; i < ninc; i++)
		incs[i] = dcatit_model_triple(m, inc.idx[i])->o;
	/* a manifest that names no test and includes nothing would shrink
	 * the suite without a trace */
	size_t before = (size_t)r->passed + (size_t)r->failed;

	DcatitRange ent = dcatit_model_sp(m, self, r->entries);
	for (size_t i = 0; i < ent.n; i++) {
		DcatitTermId *items;
		size_t n;
		DcatitTermId head = dcatit_model_triple(m, ent.idx[i])->o;
		if (dcatit_model_list(m, head, r->first, r->rest, r->nil, &items, &n)) {
			r->failed++;
			printf("FAIL %s (mf:entries is not a list)\n", path);
			continue;
		}
		for (size_t k = 0; k < n; k++)
			run_test(r, m, self, items[k]);
		free(items);
		ent = dcatit_model_sp(m, self, r->entries);
	}
	dcatit_model_free(m);
	if (!ninc && (size_t)r->passed + (size_t)r->failed == before) {
		r->failed++;
		printf("FAIL %s (no test entries and no mf:include)\n", path);
	}
	for (size_t i = 0; i < ninc; i++) {
		const char *p = iri_path(r, incs[i]);
		if (p) {
			run_manifest(r, p);
		} else {
			r->failed++;
			printf("FAIL %s (mf:include %s is not a local file)\n", path,
			       dcatit_terms_str(r->t, incs[i]));
		}
	}
	free(incs);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: run_w3c DATADIR\n");
		return 2;
	}
	char root[PATH_MAX];
	if (!realpath(argv[1], root)) {
		fprintf(stderr, "run_w3c: cannot read '%s'\n", argv[1]);
		return 2;
	}
	Runner r;
	memset(&r, 0, sizeof r);
	r.root = root;
	r.t = dcatit_terms_new();
	if (!r.t) {
		fprintf(stderr, "run_w3c: out of memory\n");
		return 2;
	}
	init_vocab(&r);
	/* only the core part of the suite: SHACL-SPARQL is out of scope */
	DcatitBuf top;
	dcatit_buf_init(&top);
	dcatit_buf_addf(&top, "%s/core/manifest.ttl", root);
	run_manifest(&r, top.data);
	dcatit_buf_release(&top);
	for (size_t i = 0; i < r.nseen; i++)
		free(r.seen[i]);
	free(r.seen);
	dcatit_terms_free(r.t);
	printf("%d passed, %d failed\n", r.passed, r.failed);
	return r.failed || r.passed == 0 ? 1 : 0;
}
