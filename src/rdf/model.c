/* model.c: the triple store. Triples are appended to flat arrays; indexes
 * are permutations of triple numbers built in O(n) by counting sorts over
 * the dense term ids (subject buckets, then predicate/object), so freezing
 * 3 M triples costs a few hundred milliseconds and no per-triple nodes. */
#include "rdf/model.h"

#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/str.h"

/* A named-graph statement, where it came from, and its order of arrival
 * (so the first of equal statements keeps its location). */
typedef struct {
	DcatitQuad q;
	DcatitLoc loc;
	size_t idx;
} QuadAt;

struct DcatitModelImpl {
	DcatitTerms *terms;
	DcatitTriple *triples;
	DcatitLoc *locs;
	size_t n;
	size_t cap;
	bool dirty;       /* triples added since the last freeze */
	/* SPO: spo[s_off[s] .. s_off[s+1]) are the triples of subject s,
	 * sorted by (p, o). nids = term count at freeze time. */
	uint32_t *spo;
	uint32_t *s_off;
	/* POS: pos[p_off[p] .. p_off[p+1]) sorted by (o, triple number). */
	uint32_t *pos;
	uint32_t *p_off;
	/* OPS, built on first use: ops[o_off[o] .. o_off[o+1]) by p. */
	uint32_t *ops;
	uint32_t *o_off;
	size_t nids;
	char **sources;
	size_t nsources, capsources;
	/* open addressing over source numbers (1-based, 0 = empty slot): a
	 * build registers one source per record file, 10,000 and more, and
	 * copying such a model re-registers them all */
	uint32_t *src_slots;
	size_t nsrc_slots; /* a power of two, or 0 */
	char **prefixes; /* pairs: prefix, iri */
	size_t nprefixes;
	/* Named graphs: the union is in triples[]; named_only[i] says triple i
	 * came only from named graphs (NULL while every triple is in the
	 * default graph), and quads[] keeps each statement with its graph,
	 * sorted and without duplicates once frozen. */
	uint8_t *named_only;
	QuadAt *quads;
	size_t nq, capq;
	size_t ngraphs;
};

DcatitModel *dcatit_model_new(DcatitTerms *terms)
{
	DcatitModel *m = calloc(1, sizeof *m);
	if (m)
		m->terms = terms;
	return m;
}

static void drop_indexes(DcatitModel *m)
{
	free(m->spo);
	free(m->s_off);
	free(m->pos);
	free(m->p_off);
	free(m->ops);
	free(m->o_off);
	m->spo = m->s_off = m->pos = m->p_off = m->ops = m->o_off = NULL;
	m->nids = 0;
}

void dcatit_model_free(DcatitModel *m)
{
	if (!m)
		return;
	drop_indexes(m);
	free(m->triples);
	free(m->locs);
	free(m->named_only);
	free(m->quads);
	for (size_t i = 0; i < m->nsources; i++)
		free(m->sources[i]);
	free(m->sources);
	free(m->src_slots);
	for (size_t i = 0; i < 2 * m->nprefixes; i++)
		free(m->prefixes[i]);
	free(m->prefixes);
	free(m);
}

DcatitTerms *dcatit_model_terms(const DcatitModel *m)
{
	return m->terms;
}

static size_t source_hash(const char *name)
{
	return (size_t)dcatit_hash_str(name);
}

/* Rebuild the slot table with room for twice the sources; false on OOM. */
static bool grow_source_slots(DcatitModel *m)
{
	size_t n = m->nsrc_slots ? m->nsrc_slots * 2 : 64;
	uint32_t *slots = calloc(n, sizeof *slots);
	if (!slots)
		return false;
	for (size_t i = 0; i < m->nsources; i++) {
		size_t h = source_hash(m->sources[i]) & (n - 1);
		while (slots[h])
			h = (h + 1) & (n - 1);
		slots[h] = (uint32_t)(i + 1);
	}
	free(m->src_slots);
	m->src_slots = slots;
	m->nsrc_slots = n;
	return true;
}

uint32_t dcatit_model_add_source(DcatitModel *m, const char *name)
{
	/* keep the table at most half full */
	if (2 * (m->nsources + 1) > m->nsrc_slots && !grow_source_slots(m))
		return 0;
	size_t mask = m->nsrc_slots - 1, h = source_hash(name) & mask;
	for (; m->src_slots[h]; h = (h + 1) & mask)
		if (strcmp(m->sources[m->src_slots[h] - 1], name) == 0)
			return m->src_slots[h];
	if (m->nsources >= UINT32_MAX - 1)
		return 0;
	char **s = dcatit_grow(m->sources, &m->capsources, m->nsources + 1, sizeof *s, 8);
	if (!s)
		return 0;
	m->sources = s;
	if (!(m->sources[m->nsources] = strdup(name)))
		return 0;
	m->src_slots[h] = (uint32_t)++m->nsources;
	return m->src_slots[h];
}

const char *dcatit_model_source_name(const DcatitModel *m, uint32_t file)
{
	if (!file || file > m->nsources)
		return "";
	return m->sources[file - 1];
}

/* Append a triple to the union; named_only: it comes from a named graph. */
static DcatitStatus add_triple(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                               DcatitTermId o, DcatitLoc loc, bool named_only)
{
	if (!s || !p || !o || !dcatit_terms_is_iri(m->terms, p) ||
	    dcatit_terms_is_literal(m->terms, s))
		return DCATIT_ERR_USAGE;
	if (m->n == m->cap) {
		if (m->cap >= UINT32_MAX / 2)
			return DCATIT_ERR_LIMIT;
		size_t cap = m->cap ? m->cap * 2 : 256;
		DcatitTriple *t = realloc(m->triples, cap * sizeof *t);
		if (!t)
			return DCATIT_ERR_NOMEM;
		m->triples = t;
		DcatitLoc *l = realloc(m->locs, cap * sizeof *l);
		if (!l)
			return DCATIT_ERR_NOMEM;
		m->locs = l;
		if (m->named_only) {
			uint8_t *f = realloc(m->named_only, cap);
			if (!f)
				return DCATIT_ERR_NOMEM;
			m->named_only = f;
		}
		m->cap = cap;
	}
	if (named_only && !m->named_only && !(m->named_only = calloc(m->cap, 1)))
		return DCATIT_ERR_NOMEM;
	m->triples[m->n] = (DcatitTriple){s, p, o};
	m->locs[m->n] = loc;
	if (m->named_only)
		m->named_only[m->n] = named_only;
	m->n++;
	m->dirty = true;
	return DCATIT_OK;
}

DcatitStatus dcatit_model_add(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                              DcatitTermId o, DcatitLoc loc)
{
	return add_triple(m, s, p, o, loc, false);
}

DcatitStatus dcatit_model_add_quad(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                                   DcatitTermId o, DcatitTermId g, DcatitLoc loc)
{
	if (!g)
		return add_triple(m, s, p, o, loc, false);
	if (dcatit_terms_is_literal(m->terms, g))
		return DCATIT_ERR_USAGE;
	DcatitStatus st = add_triple(m, s, p, o, loc, true);
	if (st)
		return st;
	QuadAt *q = dcatit_grow(m->quads, &m->capq, m->nq + 1, sizeof *q, 64);
	if (!q)
		return DCATIT_ERR_NOMEM;
	m->quads = q;
	m->quads[m->nq] = (QuadAt){{s, p, o, g}, loc, m->nq};
	m->nq++;
	return DCATIT_OK;
}

DcatitStatus dcatit_model_add_all(DcatitModel *m, const DcatitModel *src)
{
	uint32_t *map = calloc(src->nsources + 1, sizeof *map);
	if (!map)
		return DCATIT_ERR_NOMEM;
	DcatitStatus st = DCATIT_OK;
	for (size_t i = 0; i < src->nsources && !st; i++)
		if (!(map[i + 1] = dcatit_model_add_source(m, src->sources[i])))
			st = DCATIT_ERR_NOMEM;
	for (size_t i = 0; i < src->n && !st; i++) {
		DcatitLoc loc = src->locs[i];
		loc.file = loc.file <= src->nsources ? map[loc.file] : 0;
		const DcatitTriple *t = &src->triples[i];
		st = add_triple(m, t->s, t->p, t->o, loc,
		                src->named_only && src->named_only[i]);
	}
	for (size_t i = 0; i < src->nq && !st; i++) {
		DcatitLoc loc = src->quads[i].loc;
		loc.file = loc.file <= src->nsources ? map[loc.file] : 0;
		QuadAt *v = dcatit_grow(m->quads, &m->capq, m->nq + 1, sizeof *v, 64);
		if (!v) {
			st = DCATIT_ERR_NOMEM;
			break;
		}
		m->quads = v;
		m->quads[m->nq] = (QuadAt){src->quads[i].q, loc, m->nq};
		m->nq++;
		m->dirty = true;
	}
	for (size_t i = 0; i < src->nprefixes && !st; i++)
		st = dcatit_model_add_prefix(m, src->prefixes[2 * i],
		                             src->prefixes[2 * i + 1]);
	free(map);
	return st;
}

/* ---- freezing ---- */

typedef struct {
	uint64_t key;
	uint32_t idx;
} KeyIdx;

static int cmp_keyidx(const void *a, const void *b)
{
	const KeyIdx *x = a, *y = b;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Counting sort of triple numbers by the term in one position into out,
 * stable with respect to the order of `in` (NULL: 0..n-1). off gets
 * nids+2 bucket offsets. */
static void bucket_sort(const DcatitTriple *tr, size_t n, size_t field,
                        const uint32_t *in, uint32_t *out, uint32_t *off,
                        size_t nids)
{
	memset(off, 0, (nids + 2) * sizeof *off);
	for (size_t i = 0; i < n; i++) {
		const DcatitTermId *t = &tr[i].s;
		off[t[field] + 1]++;
	}
	for (size_t k = 1; k <= nids + 1; k++)
		off[k] += off[k - 1];
	/* off[k] is now the start of bucket k; use a cursor copy in place by
	 * walking and restoring afterwards */
	for (size_t j = 0; j < n; j++) {
		uint32_t i = in ? in[j] : (uint32_t)j;
		const DcatitTermId *t = &tr[i].s;
		out[off[t[field]]++] = i;
	}
	/* shift back: bucket k started where bucket k-1 ends now */
	for (size_t k = nids + 1; k > 0; k--)
		off[k] = off[k - 1];
	off[0] = 0;
}

/* Sort each subject bucket of spo by (p, o, triple number). */
static bool sort_buckets(DcatitModel *m)
{
	KeyIdx *tmp = NULL;
	size_t tmpcap = 0;
	for (size_t s = 0; s <= m->nids; s++) {
		uint32_t a = m->s_off[s], b = m->s_off[s + 1];
		size_t len = b - a;
		if (len < 2)
			continue;
		if (len > tmpcap) {
			KeyIdx *t = realloc(tmp, len * sizeof *t);
			if (!t) {
				free(tmp);
				return false;
			}
			tmp = t;
			tmpcap = len;
		}
		for (size_t i = 0; i < len; i++) {
			const DcatitTriple *t = &m->triples[m->spo[a + i]];
			tmp[i].key = (uint64_t)t->p << 32 | t->o;
			tmp[i].idx = m->spo[a + i];
		}
		if (len <= 16) {
			for (size_t i = 1; i < len; i++) {
				KeyIdx x = tmp[i];
				size_t j = i;
				while (j > 0 && cmp_keyidx(&tmp[j - 1], &x) > 0) {
					tmp[j] = tmp[j - 1];
					j--;
				}
				tmp[j] = x;
			}
		} else {
			qsort(tmp, len, sizeof *tmp, cmp_keyidx);
		}
		for (size_t i = 0; i < len; i++)
			m->spo[a + i] = tmp[i].idx;
	}
	free(tmp);
	return true;
}

static bool build_spo(DcatitModel *m)
{
	m->nids = dcatit_terms_count(m->terms);
	m->spo = malloc((m->n ? m->n : 1) * sizeof *m->spo);
	m->s_off = malloc((m->nids + 2) * sizeof *m->s_off);
	if (!m->spo || !m->s_off)
		return false;
	bucket_sort(m->triples, m->n, 0, NULL, m->spo, m->s_off, m->nids);
	return sort_buckets(m);
}

/* Remove triples equal to an earlier one (spo is sorted with the earliest
 * occurrence first); returns whether anything was removed. */
static bool drop_duplicates(DcatitModel *m)
{
	uint8_t *dup = NULL;
	size_t ndup = 0;
	uint32_t keep = m->n ? m->spo[0] : 0;
	for (size_t k = 1; k < m->n; k++) {
		const DcatitTriple *a = &m->triples[m->spo[k - 1]];
		const DcatitTriple *b = &m->triples[m->spo[k]];
		if (a->s == b->s && a->p == b->p && a->o == b->o) {
			if (!dup && !(dup = calloc(m->n, 1)))
				return false; /* keep duplicates rather than fail */
			dup[m->spo[k]] = 1;
			ndup++;
			/* in the default graph if any occurrence is */
			if (m->named_only)
				m->named_only[keep] &= m->named_only[m->spo[k]];
		} else {
			keep = m->spo[k];
		}
	}
	if (!ndup)
		return false;
	size_t w = 0;
	for (size_t i = 0; i < m->n; i++) {
		if (dup[i])
			continue;
		m->triples[w] = m->triples[i];
		m->locs[w] = m->locs[i];
		if (m->named_only)
			m->named_only[w] = m->named_only[i];
		w++;
	}
	m->n = w;
	free(dup);
	return true;
}

static int cmp_quad_at(const void *a, const void *b)
{
	const QuadAt *x = a, *y = b;
	const DcatitTermId kx[4] = {x->q.g, x->q.s, x->q.p, x->q.o};
	const DcatitTermId ky[4] = {y->q.g, y->q.s, y->q.p, y->q.o};
	for (int i = 0; i < 4; i++)
		if (kx[i] != ky[i])
			return kx[i] < ky[i] ? -1 : 1;
	return x->idx < y->idx ? -1 : x->idx > y->idx;
}

/* Sort the named-graph statements by (g, s, p, o), keep the first of
 * equal ones with its location, and count the graphs (in place: qsort
 * needs no memory of its own worth failing on). */
static void freeze_quads(DcatitModel *m)
{
	m->ngraphs = 0;
	if (!m->nq)
		return; /* quads may be NULL, which qsort must not get */
	for (size_t i = 0; i < m->nq; i++)
		m->quads[i].idx = i;
	qsort(m->quads, m->nq, sizeof *m->quads, cmp_quad_at);
	size_t w = 0;
	m->ngraphs = 0;
	for (size_t i = 0; i < m->nq; i++) {
		if (w && memcmp(&m->quads[i].q, &m->quads[w - 1].q, sizeof m->quads[i].q) == 0)
			continue;
		if (!w || m->quads[w - 1].q.g != m->quads[i].q.g)
			m->ngraphs++;
		m->quads[w++] = m->quads[i];
	}
	m->nq = w;
}

DcatitStatus dcatit_model_freeze(DcatitModel *m)
{
	if (!m->dirty && m->spo)
		return DCATIT_OK;
	drop_indexes(m);
	if (!build_spo(m))
		goto oom;
	if (drop_duplicates(m)) {
		drop_indexes(m);
		if (!build_spo(m))
			goto oom;
	}
	/* POS: stable sort by o, then stable sort by p. */
	uint32_t *tmp = malloc((m->n ? m->n : 1) * sizeof *tmp);
	m->pos = malloc((m->n ? m->n : 1) * sizeof *m->pos);
	m->p_off = malloc((m->nids + 2) * sizeof *m->p_off);
	if (!tmp || !m->pos || !m->p_off) {
		free(tmp);
		goto oom;
	}
	bucket_sort(m->triples, m->n, 2, NULL, tmp, m->p_off, m->nids);
	bucket_sort(m->triples, m->n, 1, tmp, m->pos, m->p_off, m->nids);
	free(tmp);
	freeze_quads(m);
	m->dirty = false;
	return DCATIT_OK;
oom:
	drop_indexes(m);
	m->dirty = true;
	return DCATIT_ERR_NOMEM;
}

size_t dcatit_model_size(DcatitModel *m)
{
	dcatit_model_freeze(m);
	return m->n;
}

const DcatitTriple *dcatit_model_triple(DcatitModel *m, size_t i)
{
	dcatit_model_freeze(m);
	return &m->triples[i];
}

DcatitLoc dcatit_model_loc(DcatitModel *m, size_t i)
{
	dcatit_model_freeze(m);
	return m->locs[i];
}

size_t dcatit_model_quad_count(DcatitModel *m)
{
	dcatit_model_freeze(m);
	return m->nq;
}

const DcatitQuad *dcatit_model_quad(DcatitModel *m, size_t i)
{
	dcatit_model_freeze(m);
	return &m->quads[i].q;
}

DcatitLoc dcatit_model_quad_loc(DcatitModel *m, size_t i)
{
	dcatit_model_freeze(m);
	return m->quads[i].loc;
}

bool dcatit_model_in_default(DcatitModel *m, size_t i)
{
	dcatit_model_freeze(m);
	return !m->named_only || !m->named_only[i];
}

size_t dcatit_model_graph_count(DcatitModel *m)
{
	dcatit_model_freeze(m);
	return m->ngraphs;
}

/* First position in idx[a..b) whose triple field is >= key (the range is
 * sorted by that field). */
static size_t lower(const DcatitModel *m, const uint32_t *idx, size_t a,
                    size_t b, size_t field, DcatitTermId key)
{
	while (a < b) {
		size_t mid = a + (b - a) / 2;
		const DcatitTermId *t = &m->triples[idx[mid]].s;
		if (t[field] < key)
			a = mid + 1;
		else
			b = mid;
	}
	return a;
}

static DcatitRange sub_range(const DcatitModel *m, const uint32_t *idx,
                             size_t a, size_t b, size_t field, DcatitTermId key)
{
	if (key) {
		a = lower(m, idx, a, b, field, key);
		b = lower(m, idx, a, b, field, key + 1);
	}
	return (DcatitRange){idx + a, b - a};
}

DcatitRange dcatit_model_sp(DcatitModel *m, DcatitTermId s, DcatitTermId p)
{
	if (dcatit_model_freeze(m) || !s || s > m->nids)
		return (DcatitRange){NULL, 0};
	return sub_range(m, m->spo, m->s_off[s], m->s_off[s + 1], 1, p);
}

DcatitRange dcatit_model_po(DcatitModel *m, DcatitTermId p, DcatitTermId o)
{
	if (dcatit_model_freeze(m) || !p || p > m->nids)
		return (DcatitRange){NULL, 0};
	return sub_range(m, m->pos, m->p_off[p], m->p_off[p + 1], 2, o);
}

DcatitRange dcatit_model_o(DcatitModel *m, DcatitTermId o)
{
	if (dcatit_model_freeze(m) || !o || o > m->nids)
		return (DcatitRange){NULL, 0};
	if (!m->ops) {
		uint32_t *ops = malloc((m->n ? m->n : 1) * sizeof *ops);
		uint32_t *off = malloc((m->nids + 2) * sizeof *off);
		if (!ops || !off) {
			free(ops);
			free(off);
			return (DcatitRange){NULL, 0};
		}
		/* pos is ordered by p: a stable sort by o keeps p order within */
		bucket_sort(m->triples, m->n, 2, m->pos, ops, off, m->nids);
		m->ops = ops;
		m->o_off = off;
	}
	return (DcatitRange){m->ops + m->o_off[o], m->o_off[o + 1] - m->o_off[o]};
}

bool dcatit_model_has(DcatitModel *m, DcatitTermId s, DcatitTermId p,
                      DcatitTermId o)
{
	DcatitRange r = dcatit_model_sp(m, s, p);
	if (!r.n)
		return false;
	size_t k = lower(m, r.idx, 0, r.n, 2, o);
	return k < r.n && m->triples[r.idx[k]].o == o;
}

DcatitTermId dcatit_model_object(DcatitModel *m, DcatitTermId s, DcatitTermId p)
{
	DcatitRange r = dcatit_model_sp(m, s, p);
	return r.n ? m->triples[r.idx[0]].o : 0;
}

DcatitLoc dcatit_model_node_loc(DcatitModel *m, DcatitTermId node)
{
	DcatitRange r = dcatit_model_sp(m, node, 0);
	if (!r.n)
		r = dcatit_model_o(m, node);
	if (!r.n)
		return (DcatitLoc){0, 0};
	uint32_t best = r.idx[0];
	for (size_t i = 1; i < r.n; i++)
		if (r.idx[i] < best)
			best = r.idx[i];
	return m->locs[best];
}

DcatitStatus dcatit_model_add_prefix(DcatitModel *m, const char *prefix,
                                     const char *iri)
{
	for (size_t i = 0; i < m->nprefixes; i++)
		if (strcmp(m->prefixes[2 * i], prefix) == 0)
			return DCATIT_OK;
	char **p = realloc(m->prefixes, 2 * (m->nprefixes + 1) * sizeof *p);
	if (!p)
		return DCATIT_ERR_NOMEM;
	m->prefixes = p;
	char *a = strdup(prefix), *b = strdup(iri);
	if (!a || !b) {
		free(a);
		free(b);
		return DCATIT_ERR_NOMEM;
	}
	p[2 * m->nprefixes] = a;
	p[2 * m->nprefixes + 1] = b;
	m->nprefixes++;
	return DCATIT_OK;
}

size_t dcatit_model_prefix_count(const DcatitModel *m)
{
	return m->nprefixes;
}

void dcatit_model_prefix(const DcatitModel *m, size_t i, const char **prefix,
                         const char **iri)
{
	*prefix = m->prefixes[2 * i];
	*iri = m->prefixes[2 * i + 1];
}

DcatitStatus dcatit_model_list(DcatitModel *m, DcatitTermId head,
                               DcatitTermId rdf_first, DcatitTermId rdf_rest,
                               DcatitTermId rdf_nil, DcatitTermId **items,
                               size_t *n)
{
	*items = NULL;
	*n = 0;
	size_t cap = 0, limit = dcatit_model_size(m);
	DcatitTermId node = head;
	while (node != rdf_nil) {
		DcatitRange f = dcatit_model_sp(m, node, rdf_first);
		DcatitRange r = dcatit_model_sp(m, node, rdf_rest);
		/* a list longer than the graph has triples must loop */
		if (f.n != 1 || r.n != 1 || *n >= limit) {
			free(*items);
			*items = NULL;
			*n = 0;
			return DCATIT_ERR_SYNTAX;
		}
		if (*n == cap) {
			cap = cap ? cap * 2 : 8;
			DcatitTermId *p = realloc(*items, cap * sizeof *p);
			if (!p) {
				free(*items);
				*items = NULL;
				*n = 0;
				return DCATIT_ERR_NOMEM;
			}
			*items = p;
		}
		(*items)[(*n)++] = m->triples[f.idx[0]].o;
		node = m->triples[r.idx[0]].o;
	}
	return DCATIT_OK;
}
