/* isorec.c: the `iso:` key of dataset records: map the ISO 19139 file with
 * the project's one ISO mapping (src/iso) and merge what the record's keys
 * leave open into the catalogue graph, each triple located at its line of
 * the XML file so that validation findings point into it. */
#include "catalog/isorec.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "iso/iso.h"
#include "rdf/vocab.h"

/* Keep the first record of the file; count the others. */
static DcatitStatus keep_record(void *ud, const char *id, DcatitModel *rec, DcatitDiag *d)
{
	(void)id;
	DcatitIsoRec *ir = ud;
	if (ir->nrecords++)
		return DCATIT_OK;
	DcatitStatus st = dcatit_model_add_all(ir->m, rec);
	return st == DCATIT_OK ? st : dcatit_diag_set(d, st, NULL, 0, 0, "%s",
	                                              dcatit_strerror(st));
}

DcatitStatus dcatit_isorec_read(DcatitBuild *b, const char *rel, const char *ds_iri,
                                DcatitTermId ds, DcatitIsoRec *ir, DcatitDiag *d)
{
	memset(ir, 0, sizeof *ir);
	ir->ds = ds;
	ir->display = dcatit_build_path(b, rel);
	ir->m = ir->display ? dcatit_model_new(b->terms) : NULL;
	if (!ir->m)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "%s",
		                       dcatit_strerror(DCATIT_ERR_NOMEM));
	DcatitIsoOpts o;
	memset(&o, 0, sizeof o);
	o.terms = b->terms;
	o.resource_iri = ds_iri;
	DcatitIsoDocInfo info;
	memset(&info, 0, sizeof info);
	info.limit = 2; /* one is allowed: the second is an error */
	DcatitStatus st = dcatit_iso_read_file(ir->display, NULL, &o, &info, keep_record, ir, d);
	if (st == DCATIT_ERR_UNSUPPORTED || st == DCATIT_ERR_REMOTE)
		return dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                       "'%s' is not an ISO 19139 record (%s)", ir->display,
		                       d->message);
	if (st != DCATIT_OK)
		return st;
	if (ir->nrecords > 1)
		return dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                       "'%s' holds several ISO records; give a file with exactly one",
		                       ir->display);
	if (ir->nrecords == 0)
		return dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                       "'%s' holds no ISO record; give a file with exactly one",
		                       ir->display);
	ir->service = dcatit_model_has(ir->m, ds, b->v.rdf_type, b->v.dcat_DataService);
	if (ir->service)
		return dcatit_diag_set(d, DCATIT_ERR_INVALID, NULL, 0, 0,
		                       "'%s' describes a service, not a dataset; a dataset "
		                       "record needs a dataset or series record", ir->display);
	return DCATIT_OK;
}

void dcatit_isorec_release(DcatitIsoRec *ir)
{
	dcatit_model_free(ir->m);
	free(ir->display);
	memset(ir, 0, sizeof *ir);
}

bool dcatit_isorec_has(DcatitIsoRec *ir, DcatitTermId s, DcatitTermId p)
{
	return ir->m && dcatit_model_sp(ir->m, s, p).n > 0;
}

size_t dcatit_isorec_objects(DcatitIsoRec *ir, DcatitTermId s, DcatitTermId p,
                             DcatitTermId *out, size_t cap)
{
	if (!ir->m)
		return 0;
	DcatitRange r = dcatit_model_sp(ir->m, s, p);
	size_t n = 0;
	for (size_t i = 0; i < r.n && n < cap; i++)
		out[n++] = dcatit_model_triple(ir->m, r.idx[i])->o;
	return n;
}

bool dcatit_isorec_describes(DcatitIsoRec *ir, DcatitTermId node)
{
	return ir->m && node && dcatit_model_sp(ir->m, node, 0).n > 0;
}

/* The registry agent an ISO agent node stands for (its dct:identifier is
 * an identified entry of vocab/organizations.ttl or the registry), else 0;
 * *ident: the node's identifier or NULL. */
static DcatitTermId known_agent(DcatitBuild *b, DcatitIsoRec *ir, DcatitTermId a,
                                const char **ident)
{
	*ident = NULL;
	if (!dcatit_terms_is_bnode(b->terms, a) ||
	    !dcatit_model_has(ir->m, a, b->v.rdf_type, b->v.foaf_Agent))
		return 0;
	DcatitTermId lit = dcatit_model_object(ir->m, a, b->v.dct_identifier);
	if (!lit || !dcatit_terms_is_literal(b->terms, lit))
		return 0;
	*ident = dcatit_terms_str(b->terms, lit);
	DcatitTermId agent = 0;
	bool identified = false;
	if (!dcatit_orgs_find(b->orgs, *ident, &agent, &identified) || !identified)
		return 0;
	const char *known = dcatit_orgs_identifier(b->orgs, agent);
	return known && strcmp(known, *ident) == 0 ? agent : 0;
}

DcatitTermId dcatit_isorec_agent(DcatitBuild *b, DcatitIsoRec *ir, DcatitTermId p,
                                 const char **ident)
{
	*ident = NULL;
	DcatitTermId a;
	if (!dcatit_isorec_objects(ir, ir->ds, p, &a, 1))
		return 0;
	DcatitTermId k = known_agent(b, ir, a, ident);
	return k ? k : a;
}

/* ---- merge */

typedef struct {
	DcatitTermId *v;
	size_t n, cap;
} Nodes;

static bool nodes_has(const Nodes *s, DcatitTermId t)
{
	for (size_t i = 0; i < s->n; i++)
		if (s->v[i] == t)
			return true;
	return false;
}

static bool nodes_push(Nodes *s, DcatitTermId t)
{
	DcatitTermId *nv = dcatit_grow(s->v, &s->cap, s->n + 1, sizeof *s->v, 32);
	if (!nv)
		return false;
	s->v = nv;
	s->v[s->n++] = t;
	return true;
}

typedef struct {
	DcatitBuild *b;
	DcatitIsoRec *ir;
	uint32_t src;
	DcatitStatus st;
	DcatitTermId adms_identifier, adms_Identifier, skos_notation;
} Merge;

static void put(Merge *g, DcatitTermId s, DcatitTermId p, DcatitTermId o, uint32_t line)
{
	DcatitLoc loc = { g->src, line };
	if (g->st == DCATIT_OK && (!s || !p || !o ||
	                           dcatit_model_add(g->b->model, s, p, o, loc) != DCATIT_OK))
		g->st = DCATIT_ERR_NOMEM;
}

/* The ISO record's identifier, kept beside the catalogue's. */
static void other_identifier(Merge *g, DcatitTermId lit, uint32_t line)
{
	DcatitTermId id = dcatit_terms_bnode_fresh(g->b->terms);
	put(g, g->ir->ds, g->adms_identifier, id, line);
	put(g, id, g->b->v.rdf_type, g->adms_Identifier, line);
	put(g, id, g->skos_notation, lit, line);
}

DcatitStatus dcatit_isorec_merge(DcatitBuild *b, DcatitIsoRec *ir, const DcatitTermId *skip,
                                 size_t nskip, DcatitTermId ident)
{
	DcatitTerms *t = b->terms;
	Merge g = { b, ir, dcatit_model_add_source(b->model, ir->display), DCATIT_OK,
	            dcatit_terms_iri_z(t, DCATIT_NS_ADMS "identifier"),
	            dcatit_terms_iri_z(t, DCATIT_NS_ADMS "Identifier"),
	            dcatit_terms_iri_z(t, DCATIT_NS_SKOS "notation") };
	DcatitTermId primary_of = dcatit_terms_iri_z(t, DCATIT_NS_FOAF "isPrimaryTopicOf");
	if (!g.src || !g.adms_identifier || !g.adms_Identifier || !g.skos_notation ||
	    !primary_of)
		return DCATIT_ERR_NOMEM;
	Nodes seen = { 0 }, todo = { 0 };
	if (!nodes_push(&seen, ir->ds) || !nodes_push(&todo, ir->ds))
		g.st = DCATIT_ERR_NOMEM;
	while (todo.n && g.st == DCATIT_OK) {
		DcatitTermId s = todo.v[--todo.n];
		DcatitRange r = dcatit_model_sp(ir->m, s, 0);
		for (size_t i = 0; i < r.n && g.st == DCATIT_OK; i++) {
			DcatitTriple tr = *dcatit_model_triple(ir->m, r.idx[i]);
			uint32_t line = dcatit_model_loc(ir->m, r.idx[i]).line;
			if (s == ir->ds) {
				bool skipped = tr.p == primary_of; /* the ISO catalogue record */
				for (size_t k = 0; k < nskip && !skipped; k++)
					skipped = tr.p == skip[k];
				if (skipped)
					continue;
				if (tr.p == b->v.dct_identifier) {
					if (tr.o != ident)
						other_identifier(&g, tr.o, line);
					continue;
				}
			}
			const char *id;
			DcatitTermId known = known_agent(b, ir, tr.o, &id);
			if (known) {
				put(&g, tr.s, tr.p, known, line);
				if (dcatit_build_use_agent(b, known) != DCATIT_OK)
					g.st = DCATIT_ERR_NOMEM;
				continue;
			}
			put(&g, tr.s, tr.p, tr.o, line);
			if (dcatit_terms_is_literal(t, tr.o) || nodes_has(&seen, tr.o))
				continue;
			if (!nodes_push(&seen, tr.o) || !nodes_push(&todo, tr.o))
				g.st = DCATIT_ERR_NOMEM;
		}
	}
	free(seen.v);
	free(todo.v);
	return g.st;
}
