/* orgs.c: organisation registry: a graph of agents plus a sorted index from
 * code (IPA code or user key) to agent IRI. The IPA table is in Turtle and
 * goes through rdfio; the user registry is YAML and is added by records.c. */
#include "profile/orgs.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "rdf/codes.h"
#include "rdf/rdfio.h"

typedef struct {
	char *code;
	DcatitTermId agent;
	bool identified;
	bool ipa;
} Entry;

struct DcatitOrgsImpl {
	DcatitTerms *terms;
	DcatitModel *graph;
	DcatitTermId dct_identifier;
	Entry *items;
	size_t n, cap;
	bool sorted;
};

DcatitOrgs *dcatit_orgs_new(DcatitTerms *t)
{
	DcatitOrgs *o = calloc(1, sizeof *o);
	if (!o)
		return NULL;
	o->terms = t;
	o->graph = dcatit_model_new(t);
	o->dct_identifier = dcatit_terms_iri_z(t, "http://purl.org/dc/terms/identifier");
	if (!o->graph || !o->dct_identifier) {
		dcatit_orgs_free(o);
		return NULL;
	}
	return o;
}

void dcatit_orgs_free(DcatitOrgs *o)
{
	if (!o)
		return;
	for (size_t i = 0; i < o->n; i++)
		free(o->items[i].code);
	free(o->items);
	dcatit_model_free(o->graph);
	free(o);
}

DcatitModel *dcatit_orgs_graph(DcatitOrgs *o)
{
	return o->graph;
}

static int cmp_entry(const void *a, const void *b)
{
	return strcmp(((const Entry *)a)->code, ((const Entry *)b)->code);
}

static void sort_entries(DcatitOrgs *o)
{
	if (!o->sorted && o->n)
		qsort(o->items, o->n, sizeof *o->items, cmp_entry);
	o->sorted = true;
}

static Entry *find(DcatitOrgs *o, const char *code)
{
	sort_entries(o);
	if (!o->n)
		return NULL;
	Entry key = { (char *)code, 0, false, false };
	return bsearch(&key, o->items, o->n, sizeof *o->items, cmp_entry);
}

static DcatitStatus push(DcatitOrgs *o, const char *code, DcatitTermId agent,
                         bool identified, bool ipa)
{
	Entry *p = dcatit_grow(o->items, &o->cap, o->n + 1, sizeof *p, 64);
	if (!p)
		return DCATIT_ERR_NOMEM;
	o->items = p;
	char *dup = strdup(code);
	if (!dup)
		return DCATIT_ERR_NOMEM;
	o->items[o->n++] = (Entry){ dup, agent, identified, ipa };
	o->sorted = false;
	return DCATIT_OK;
}

DcatitStatus dcatit_orgs_load_ttl(DcatitOrgs *o, const char *path, DcatitDiag *d)
{
	DcatitParseOpts po;
	memset(&po, 0, sizeof po);
	po.syntax = DCATIT_SYNTAX_TURTLE;
	DcatitStatus st = dcatit_rdfio_parse_file(o->graph, path, &po, d);
	if (st != DCATIT_OK)
		return st;
	DcatitRange r = dcatit_model_po(o->graph, o->dct_identifier, 0);
	for (size_t i = 0; i < r.n; i++) {
		const DcatitTriple *t = dcatit_model_triple(o->graph, r.idx[i]);
		if (!dcatit_terms_is_iri(o->terms, t->s) ||
		    !dcatit_terms_is_literal(o->terms, t->o))
			continue;
		const char *code = dcatit_terms_str(o->terms, t->o);
		if (find(o, code))
			continue;
		if ((st = push(o, code, t->s, true, true)) != DCATIT_OK)
			return dcatit_diag_set(d, st, NULL, 0, 0, "out of memory");
	}
	return DCATIT_OK;
}

DcatitStatus dcatit_orgs_add(DcatitOrgs *o, const char *key, DcatitTermId agent,
                             bool identified)
{
	if (find(o, key))
		return DCATIT_ERR_INVALID;
	return push(o, key, agent, identified, false);
}

bool dcatit_orgs_find(DcatitOrgs *o, const char *code, DcatitTermId *agent,
                      bool *identified)
{
	Entry *e = find(o, code);
	if (!e)
		return false;
	*agent = e->agent;
	*identified = e->identified;
	return true;
}

bool dcatit_orgs_has_code_nocase(DcatitOrgs *o, const char *code)
{
	for (size_t i = 0; i < o->n; i++)
		if (o->items[i].ipa && strcasecmp(o->items[i].code, code) == 0)
			return true;
	return false;
}

const char *dcatit_orgs_suggest(DcatitOrgs *o, const char *code)
{
	sort_entries(o);
	const char **names = malloc((o->n ? o->n : 1) * sizeof *names);
	if (!names)
		return NULL;
	for (size_t i = 0; i < o->n; i++)
		names[i] = o->items[i].code;
	const char *s = dcatit_codes_closest(code, names, o->n);
	free(names);
	return s;
}

const char *dcatit_orgs_identifier(DcatitOrgs *o, DcatitTermId agent)
{
	DcatitTermId id = dcatit_model_object(o->graph, agent, o->dct_identifier);
	return id ? dcatit_terms_str(o->terms, id) : "";
}

DcatitStatus dcatit_orgs_emit(DcatitOrgs *o, DcatitTermId agent, DcatitModel *out)
{
	DcatitRange r = dcatit_model_sp(o->graph, agent, 0);
	for (size_t i = 0; i < r.n; i++) {
		const DcatitTriple *t = dcatit_model_triple(o->graph, r.idx[i]);
		DcatitLoc loc = dcatit_model_loc(o->graph, r.idx[i]);
		DcatitLoc l2 = { 0, loc.line };
		if (loc.file)
			l2.file = dcatit_model_add_source(out,
			        dcatit_model_source_name(o->graph, loc.file));
		DcatitStatus st = dcatit_model_add(out, t->s, t->p, t->o, l2);
		if (st != DCATIT_OK)
			return st;
	}
	return DCATIT_OK;
}
