/* path.c: SHACL property paths. Compilation walks the path's nodes in the
 * shapes graph with a stack of the nodes being compiled, so a path that
 * refers to itself is an error rather than a hang; evaluation works on sets
 * of nodes, walking inverse paths by swapping the index it uses, and the
 * closures stop when no new node is reached. */
#include "shacl/path.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "shacl/idmap.h"

#define SH "http://www.w3.org/ns/shacl#"
#define RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

/* Deep enough for any real path; a deeper one is surely generated. */
#define MAX_PATH_DEPTH 64

bool dcatit_ids_push(DcatitIds *a, DcatitTermId id)
{
	DcatitTermId *v = dcatit_grow(a->v, &a->cap, a->n + 1, sizeof *v, 16);
	if (!v)
		return false;
	a->v = v;
	a->v[a->n++] = id;
	return true;
}

static int cmp_id(const void *a, const void *b)
{
	DcatitTermId x = *(const DcatitTermId *)a, y = *(const DcatitTermId *)b;
	return (x > y) - (x < y);
}

void dcatit_ids_unique_from(DcatitIds *a, size_t from)
{
	if (a->n - from < 2)
		return;
	qsort(a->v + from, a->n - from, sizeof *a->v, cmp_id);
	size_t w = from + 1;
	for (size_t i = from + 1; i < a->n; i++)
		if (a->v[i] != a->v[w - 1])
			a->v[w++] = a->v[i];
	a->n = w;
}

void dcatit_ids_release(DcatitIds *a)
{
	free(a->v);
	a->v = NULL;
	a->n = a->cap = 0;
}

/* ---- compilation ---- */

typedef struct {
	DcatitModel *g;
	DcatitTerms *t;
	DcatitDiag *d;
	DcatitTermId first, rest, nil;
	DcatitTermId inverse, alternative, zom, oom, zoo;
	DcatitTermId stack[MAX_PATH_DEPTH];
	size_t depth;
} Compiler;

static DcatitPath *new_path(DcatitPathKind kind, size_t nsub)
{
	DcatitPath *p = calloc(1, sizeof *p);
	if (!p)
		return NULL;
	p->kind = kind;
	if (nsub) {
		p->sub = calloc(nsub, sizeof *p->sub);
		if (!p->sub) {
			free(p);
			return NULL;
		}
		p->nsub = nsub;
	}
	return p;
}

void dcatit_path_free(DcatitPath *p)
{
	if (!p)
		return;
	for (size_t i = 0; i < p->nsub; i++)
		dcatit_path_free(p->sub[i]);
	free(p->sub);
	free(p);
}

static DcatitPath *fail(Compiler *c, DcatitTermId node, DcatitStatus st,
                        const char *what)
{
	DcatitLoc loc = dcatit_model_node_loc(c->g, node);
	const char *file = dcatit_model_source_name(c->g, loc.file);
	dcatit_diag_set(c->d, st, file, loc.line, 0, "%s", _(what));
	return NULL;
}

static DcatitPath *compile(Compiler *c, DcatitTermId node);

/* A path built from an RDF list of paths (sequence or alternative). */
static DcatitPath *compile_list(Compiler *c, DcatitTermId head,
                                DcatitPathKind kind)
{
	DcatitTermId *items;
	size_t n;
	DcatitStatus st = dcatit_model_list(c->g, head, c->first, c->rest, c->nil,
	                                    &items, &n);
	if (st == DCATIT_ERR_NOMEM)
		return fail(c, head, st, "out of memory");
	if (st || n == 0) {
		free(items);
		return fail(c, head, DCATIT_ERR_SHAPES,
		            "ill-formed path: not a well-formed non-empty rdf list");
	}
	if (n == 1 && kind == DCATIT_PATH_SEQUENCE) {
		DcatitPath *one = compile(c, items[0]);
		free(items);
		return one;
	}
	DcatitPath *p = new_path(kind, n);
	if (!p) {
		free(items);
		return fail(c, head, DCATIT_ERR_NOMEM, "out of memory");
	}
	for (size_t i = 0; i < n; i++) {
		p->sub[i] = compile(c, items[i]);
		if (!p->sub[i]) {
			free(items);
			dcatit_path_free(p);
			return NULL;
		}
	}
	free(items);
	return p;
}

static DcatitPath *compile_unary(Compiler *c, DcatitTermId node,
                                 DcatitTermId pred, DcatitPathKind kind)
{
	DcatitRange r = dcatit_model_sp(c->g, node, pred);
	if (r.n != 1)
		return fail(c, node, DCATIT_ERR_SHAPES,
		            "ill-formed path: more than one value for a path operator");
	DcatitTermId o = dcatit_model_triple(c->g, r.idx[0])->o;
	DcatitPath *p = new_path(kind, 1);
	if (!p)
		return fail(c, node, DCATIT_ERR_NOMEM, "out of memory");
	p->sub[0] = compile(c, o);
	if (!p->sub[0]) {
		dcatit_path_free(p);
		return NULL;
	}
	return p;
}

static DcatitPath *compile(Compiler *c, DcatitTermId node)
{
	DcatitTerms *t = c->t;
	if (dcatit_terms_is_iri(t, node) && node != c->nil) {
		DcatitPath *p = new_path(DCATIT_PATH_PREDICATE, 0);
		if (!p)
			return fail(c, node, DCATIT_ERR_NOMEM, "out of memory");
		p->pred = node;
		return p;
	}
	if (!dcatit_terms_is_bnode(t, node))
		return fail(c, node, DCATIT_ERR_SHAPES,
		            "ill-formed path: a literal or rdf:nil is not a path");
	for (size_t i = 0; i < c->depth; i++)
		if (c->stack[i] == node)
			return fail(c, node, DCATIT_ERR_SHAPES,
			            "ill-formed path: the path contains itself");
	if (c->depth == MAX_PATH_DEPTH)
		return fail(c, node, DCATIT_ERR_SHAPES, "ill-formed path: nested too deeply");
	c->stack[c->depth++] = node;
	DcatitPath *p;
	DcatitTermId o;
	/* A list is a sequence path even if the node also carries path
	 * operators (W3C test path-strange-001/002). */
	if (dcatit_model_sp(c->g, node, c->first).n)
		p = compile_list(c, node, DCATIT_PATH_SEQUENCE);
	else if ((o = dcatit_model_object(c->g, node, c->alternative)))
		p = dcatit_model_sp(c->g, node, c->alternative).n == 1
		            ? compile_list(c, o, DCATIT_PATH_ALTERNATIVE)
		            : fail(c, node, DCATIT_ERR_SHAPES,
		                   "ill-formed path: more than one sh:alternativePath");
	else if (dcatit_model_sp(c->g, node, c->inverse).n)
		p = compile_unary(c, node, c->inverse, DCATIT_PATH_INVERSE);
	else if (dcatit_model_sp(c->g, node, c->zom).n)
		p = compile_unary(c, node, c->zom, DCATIT_PATH_ZERO_OR_MORE);
	else if (dcatit_model_sp(c->g, node, c->oom).n)
		p = compile_unary(c, node, c->oom, DCATIT_PATH_ONE_OR_MORE);
	else if (dcatit_model_sp(c->g, node, c->zoo).n)
		p = compile_unary(c, node, c->zoo, DCATIT_PATH_ZERO_OR_ONE);
	else
		p = fail(c, node, DCATIT_ERR_SHAPES,
		         "ill-formed path: a blank node that is neither a list nor a path "
		         "operator");
	c->depth--;
	return p;
}

DcatitPath *dcatit_path_compile(DcatitModel *g, DcatitTermId node,
                                DcatitDiag *d)
{
	Compiler c;
	memset(&c, 0, sizeof c);
	c.g = g;
	c.t = dcatit_model_terms(g);
	c.d = d;
	if (!(c.first = dcatit_terms_iri_z(c.t, RDF "first")) ||
	    !(c.rest = dcatit_terms_iri_z(c.t, RDF "rest")) ||
	    !(c.nil = dcatit_terms_iri_z(c.t, RDF "nil")) ||
	    !(c.inverse = dcatit_terms_iri_z(c.t, SH "inversePath")) ||
	    !(c.alternative = dcatit_terms_iri_z(c.t, SH "alternativePath")) ||
	    !(c.zom = dcatit_terms_iri_z(c.t, SH "zeroOrMorePath")) ||
	    !(c.oom = dcatit_terms_iri_z(c.t, SH "oneOrMorePath")) ||
	    !(c.zoo = dcatit_terms_iri_z(c.t, SH "zeroOrOnePath"))) {
		dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return NULL;
	}
	return compile(&c, node);
}

/* ---- evaluation ---- */

static bool eval_set(const DcatitPath *p, bool inv, DcatitModel *m,
                     const DcatitTermId *in, size_t nin, DcatitIds *out);

/* Nodes reachable by one or more steps of sub (plus the start nodes when
 * with_start), each once. */
static bool closure(const DcatitPath *sub, bool inv, DcatitModel *m,
                    const DcatitTermId *in, size_t nin, bool with_start,
                    DcatitIds *out)
{
	DcatitIdMap seen;
	dcatit_idmap_init(&seen);
	DcatitIds frontier = {0}, next = {0};
	bool ok = true;
	for (size_t i = 0; i < nin && ok; i++) {
		if (with_start) {
			int r = dcatit_idmap_put(&seen, in[i], 0);
			if (r < 0)
				ok = false;
			else if (r == 0)
				continue;
			else
				ok = dcatit_ids_push(out, in[i]);
		}
		ok = ok && dcatit_ids_push(&frontier, in[i]);
	}
	while (ok && frontier.n) {
		next.n = 0;
		ok = eval_set(sub, inv, m, frontier.v, frontier.n, &next);
		frontier.n = 0;
		for (size_t i = 0; ok && i < next.n; i++) {
			int r = dcatit_idmap_put(&seen, next.v[i], 0);
			if (r < 0)
				ok = false;
			else if (r == 1)
				ok = dcatit_ids_push(out, next.v[i]) &&
				     dcatit_ids_push(&frontier, next.v[i]);
		}
	}
	dcatit_idmap_release(&seen);
	dcatit_ids_release(&frontier);
	dcatit_ids_release(&next);
	return ok;
}

static bool eval_set(const DcatitPath *p, bool inv, DcatitModel *m,
                     const DcatitTermId *in, size_t nin, DcatitIds *out)
{
	switch (p->kind) {
	case DCATIT_PATH_PREDICATE:
		for (size_t i = 0; i < nin; i++) {
			DcatitRange r = inv ? dcatit_model_po(m, p->pred, in[i])
			                    : dcatit_model_sp(m, in[i], p->pred);
			for (size_t k = 0; k < r.n; k++) {
				const DcatitTriple *tr = dcatit_model_triple(m, r.idx[k]);
				if (!dcatit_ids_push(out, inv ? tr->s : tr->o))
					return false;
			}
		}
		return true;
	case DCATIT_PATH_INVERSE:
		return eval_set(p->sub[0], !inv, m, in, nin, out);
	case DCATIT_PATH_ALTERNATIVE:
		for (size_t i = 0; i < p->nsub; i++)
			if (!eval_set(p->sub[i], inv, m, in, nin, out))
				return false;
		return true;
	case DCATIT_PATH_SEQUENCE: {
		DcatitIds cur = {0}, next = {0};
		bool ok = true;
		for (size_t i = 0; i < nin && ok; i++)
			ok = dcatit_ids_push(&cur, in[i]);
		for (size_t k = 0; k < p->nsub && ok; k++) {
			const DcatitPath *step = p->sub[inv ? p->nsub - 1 - k : k];
			next.n = 0;
			ok = eval_set(step, inv, m, cur.v, cur.n, &next);
			dcatit_ids_unique_from(&next, 0);
			DcatitIds tmp = cur;
			cur = next;
			next = tmp;
		}
		for (size_t i = 0; i < cur.n && ok; i++)
			ok = dcatit_ids_push(out, cur.v[i]);
		dcatit_ids_release(&cur);
		dcatit_ids_release(&next);
		return ok;
	}
	case DCATIT_PATH_ZERO_OR_MORE:
		return closure(p->sub[0], inv, m, in, nin, true, out);
	case DCATIT_PATH_ONE_OR_MORE:
		return closure(p->sub[0], inv, m, in, nin, false, out);
	case DCATIT_PATH_ZERO_OR_ONE:
		for (size_t i = 0; i < nin; i++)
			if (!dcatit_ids_push(out, in[i]))
				return false;
		return eval_set(p->sub[0], inv, m, in, nin, out);
	}
	return true;
}

bool dcatit_path_eval(const DcatitPath *p, DcatitModel *data,
                      DcatitTermId focus, DcatitIds *out)
{
	size_t from = out->n;
	if (!eval_set(p, false, data, &focus, 1, out))
		return false;
	/* a predicate path yields distinct objects already */
	if (p->kind != DCATIT_PATH_PREDICATE)
		dcatit_ids_unique_from(out, from);
	return true;
}
