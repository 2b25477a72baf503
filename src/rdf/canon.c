/* canon.c: canonical N-Triples. Blank nodes get labels from iterated hashing
 * of their neighbourhood (colour refinement, as in 1-WL / the first stage of
 * URDNA2015), with deterministic tie-breaking; lines are sorted bytewise so
 * isomorphic graphs serialise to identical bytes. */
#include "rdf/canon.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

/* Work budget for tie-breaking, in triple visits of refinement rounds.
 * Within it, the node singled out of a tied colour class is the one whose
 * refinement gives the smallest colour signature (so the choice does not
 * depend on parse order even for non-automorphic ties such as a 2-cycle
 * next to a 3-cycle); past it, the first node is taken; past twice it, a
 * whole tied class is told apart at once in parse order. 20 M visits take
 * about a second here (20,000 identical two-node components: 1.6 s in all);
 * only graphs with thousands of mutually indistinguishable blank nodes get
 * that far. */
#define TIE_BUDGET 20000000ULL
/* Most candidates tried for one tie-break. */
#define MAX_CANDIDATES 32

enum { TAG_OUT = 1, TAG_IN, TAG_SELF, TAG_BNODE, TAG_TIE, TAG_BATCH };

typedef struct {
	uint64_t h;
	uint32_t i;
} HashIdx;

typedef struct {
	const char *p;
	size_t len;
} Line;

typedef struct {
	DcatitModel *m;
	DcatitTerms *t;
	size_t nterms;
	uint32_t *bidx;      /* term id -> 1 + blank node index, 0 = not a bnode */
	DcatitTermId *bn;    /* blank node index -> term id */
	size_t nb;
	uint32_t *et;        /* triples with a blank subject or object */
	size_t net;
	uint64_t *h;         /* current colour of each blank node */
	uint64_t *acc;
	uint64_t *th;        /* term hash cache, 0 = not yet computed */
	HashIdx *order;
	uint64_t *saved;     /* colours before trying a tie-break candidate */
	unsigned long long work;
	DcatitBuf scratch;
	bool oom;
} Canon;

static uint64_t fin(uint64_t x)
{
	/* splitmix64 finaliser */
	x ^= x >> 30;
	x *= 0xbf58476d1ce4e5b9ULL;
	x ^= x >> 27;
	x *= 0x94d049bb133111ebULL;
	x ^= x >> 31;
	return x;
}

static uint64_t mix(uint64_t a, uint64_t b)
{
	return fin(a * 0x9e3779b97f4a7c15ULL + fin(b + 0x632be59bd9b4e019ULL));
}

static uint64_t hash_bytes(const char *p, size_t n)
{
	uint64_t h = 0xcbf29ce484222325ULL;
	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)p[i];
		h *= 0x100000001b3ULL;
	}
	return fin(h);
}

static uint64_t term_hash(Canon *c, DcatitTermId id)
{
	if (id > c->nterms)
		return 0;
	if (c->th[id])
		return c->th[id];
	dcatit_buf_clear(&c->scratch);
	if (!dcatit_terms_write_nt(c->t, id, &c->scratch) || c->scratch.oom) {
		c->oom = true;
		return 0;
	}
	uint64_t h = hash_bytes(c->scratch.data, c->scratch.len);
	if (!h)
		h = 1;
	c->th[id] = h;
	return h;
}

static bool is_bnode(const Canon *c, DcatitTermId id)
{
	return id <= c->nterms && c->bidx[id] != 0;
}

/* The colour a neighbour contributes: its own colour for a blank node
 * (tagged so it cannot equal a term hash), else the hash of its N-Triples. */
static uint64_t neighbour(Canon *c, DcatitTermId self, DcatitTermId other)
{
	if (other == self)
		return TAG_SELF;
	if (is_bnode(c, other))
		return mix(TAG_BNODE, c->h[c->bidx[other] - 1]);
	return term_hash(c, other);
}

/* One refinement round: each colour becomes a hash of itself and the
 * multiset of its edges (summed, so edge order does not matter). */
static void refine_round(Canon *c)
{
	memset(c->acc, 0, c->nb * sizeof *c->acc);
	c->work += c->net + c->nb;
	for (size_t k = 0; k < c->net; k++) {
		const DcatitTriple *tr = dcatit_model_triple(c->m, c->et[k]);
		uint64_t ph = term_hash(c, tr->p);
		if (is_bnode(c, tr->s))
			c->acc[c->bidx[tr->s] - 1] +=
				mix(mix(TAG_OUT, ph), neighbour(c, tr->s, tr->o));
		if (is_bnode(c, tr->o))
			c->acc[c->bidx[tr->o] - 1] +=
				mix(mix(TAG_IN, ph), neighbour(c, tr->o, tr->s));
	}
	for (size_t i = 0; i < c->nb; i++)
		c->h[i] = mix(c->h[i], c->acc[i]);
}

static int cmp_hash_idx(const void *a, const void *b)
{
	const HashIdx *x = a, *y = b;
	if (x->h != y->h)
		return x->h < y->h ? -1 : 1;
	return x->i < y->i ? -1 : (x->i > y->i);
}

/* Sort blank nodes by (colour, index) into c->order; number of colours. */
static size_t sort_colours(Canon *c)
{
	for (size_t i = 0; i < c->nb; i++) {
		c->order[i].h = c->h[i];
		c->order[i].i = (uint32_t)i;
	}
	qsort(c->order, c->nb, sizeof *c->order, cmp_hash_idx);
	size_t distinct = c->nb ? 1 : 0;
	for (size_t i = 1; i < c->nb; i++)
		if (c->order[i].h != c->order[i - 1].h)
			distinct++;
	return distinct;
}

/* Refine until the number of colours stops growing; returns it. */
static size_t refine(Canon *c, size_t distinct)
{
	for (;;) {
		refine_round(c);
		size_t d = sort_colours(c);
		if (d <= distinct || c->oom)
			return d;
		distinct = d;
	}
}

/* A hash of the sorted colours: equal for isomorphic colourings. */
static uint64_t signature(const Canon *c)
{
	uint64_t sig = 0;
	for (size_t i = 0; i < c->nb; i++)
		sig = mix(sig, c->order[i].h);
	return sig;
}

static void break_ties(Canon *c, size_t distinct)
{
	while (distinct < c->nb && !c->oom) {
		/* c->order is sorted: find the first colour shared by two nodes */
		size_t i = 0;
		while (i + 1 < c->nb && c->order[i].h != c->order[i + 1].h)
			i++;
		size_t e = i + 1;
		while (e < c->nb && c->order[e].h == c->order[i].h)
			e++;
		if (c->work < 2 * TIE_BUDGET) {
			uint32_t pick = c->order[i].i;
			if (c->work < TIE_BUDGET) {
				/* try each candidate, keep the smallest signature */
				size_t n = e - i < MAX_CANDIDATES ? e - i : MAX_CANDIDATES;
				uint32_t cand[MAX_CANDIDATES];
				for (size_t k = 0; k < n; k++)
					cand[k] = c->order[i + k].i;
				uint64_t best = 0;
				memcpy(c->saved, c->h, c->nb * sizeof *c->h);
				for (size_t k = 0; k < n; k++) {
					c->h[cand[k]] = mix(c->h[cand[k]], TAG_TIE);
					refine(c, sort_colours(c));
					uint64_t sig = signature(c);
					if (k == 0 || sig < best) {
						best = sig;
						pick = cand[k];
					}
					memcpy(c->h, c->saved, c->nb * sizeof *c->h);
				}
			}
			c->h[pick] = mix(c->h[pick], TAG_TIE);
		} else {
			/* all of this class at once; refinement then carries the
			 * distinction to the neighbours, so isomorphic components
			 * still come out the same */
			for (size_t q = i + 1; q < e; q++) {
				uint32_t k = c->order[q].i;
				c->h[k] = mix(c->h[k], mix(TAG_BATCH, q - i));
			}
		}
		distinct = refine(c, sort_colours(c));
	}
}

static int cmp_line(const void *a, const void *b)
{
	const Line *x = a, *y = b;
	size_t n = x->len < y->len ? x->len : y->len;
	int r = memcmp(x->p, y->p, n);
	if (r)
		return r;
	return x->len < y->len ? -1 : (x->len > y->len);
}

static bool write_term(Canon *c, const uint32_t *label, DcatitTermId id,
                       DcatitBuf *b)
{
	if (is_bnode(c, id))
		return dcatit_buf_addf(b, "_:c%u", (unsigned)label[c->bidx[id] - 1]);
	return dcatit_terms_write_nt(c->t, id, b);
}

static DcatitStatus write_lines(Canon *c, size_t n, DcatitBuf *out)
{
	DcatitStatus st = DCATIT_ERR_NOMEM;
	uint32_t *label = malloc((c->nb ? c->nb : 1) * sizeof *label);
	size_t *start = malloc((n ? n : 1) * sizeof *start);
	Line *lines = malloc((n ? n : 1) * sizeof *lines);
	DcatitBuf text;
	dcatit_buf_init(&text);
	if (!label || !start || !lines)
		goto done;
	for (size_t r = 0; r < c->nb; r++)
		label[c->order[r].i] = (uint32_t)r;
	for (size_t i = 0; i < n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(c->m, i);
		start[i] = text.len;
		if (!write_term(c, label, tr->s, &text) ||
		    !dcatit_buf_addc(&text, ' ') ||
		    !write_term(c, label, tr->p, &text) ||
		    !dcatit_buf_addc(&text, ' ') ||
		    !write_term(c, label, tr->o, &text) ||
		    !dcatit_buf_adds(&text, " .\n"))
			goto done;
	}
	for (size_t i = 0; i < n; i++) {
		lines[i].p = text.data + start[i];
		lines[i].len = (i + 1 < n ? start[i + 1] : text.len) - start[i];
	}
	qsort(lines, n, sizeof *lines, cmp_line);
	if (!dcatit_buf_reserve(out, text.len))
		goto done;
	for (size_t i = 0; i < n; i++)
		if (!dcatit_buf_add(out, lines[i].p, lines[i].len))
			goto done;
	st = DCATIT_OK;
done:
	dcatit_buf_release(&text);
	free(lines);
	free(start);
	free(label);
	return st;
}

DcatitStatus dcatit_canon_write(DcatitModel *m, DcatitBuf *out)
{
	DcatitStatus st = dcatit_model_freeze(m);
	if (st != DCATIT_OK)
		return st;
	Canon c;
	memset(&c, 0, sizeof c);
	c.m = m;
	c.t = dcatit_model_terms(m);
	c.nterms = dcatit_terms_count(c.t);
	dcatit_buf_init(&c.scratch);
	size_t n = dcatit_model_size(m);
	st = DCATIT_ERR_NOMEM;
	c.bidx = calloc(c.nterms + 1, sizeof *c.bidx);
	c.th = calloc(c.nterms + 1, sizeof *c.th);
	if (!c.bidx || !c.th)
		goto done;
	/* index the blank nodes in triple order (used only to break ties) */
	size_t cap = 0;
	for (size_t i = 0; i < n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		DcatitTermId so[2] = { tr->s, tr->o };
		bool touches = false;
		for (int k = 0; k < 2; k++) {
			DcatitTermId id = so[k];
			if (id > c.nterms || !dcatit_terms_is_bnode(c.t, id))
				continue;
			touches = true;
			if (c.bidx[id])
				continue;
			DcatitTermId *p = dcatit_grow(c.bn, &cap, c.nb + 1, sizeof *p, 64);
			if (!p)
				goto done;
			c.bn = p;
			c.bn[c.nb] = id;
			c.bidx[id] = (uint32_t)++c.nb;
		}
		if (touches)
			c.net++;
	}
	c.et = malloc((c.net ? c.net : 1) * sizeof *c.et);
	c.h = calloc(c.nb ? c.nb : 1, sizeof *c.h);
	c.acc = calloc(c.nb ? c.nb : 1, sizeof *c.acc);
	c.order = calloc(c.nb ? c.nb : 1, sizeof *c.order);
	c.saved = calloc(c.nb ? c.nb : 1, sizeof *c.saved);
	if (!c.et || !c.h || !c.acc || !c.order || !c.saved)
		goto done;
	c.net = 0;
	for (size_t i = 0; i < n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		if (is_bnode(&c, tr->s) || is_bnode(&c, tr->o))
			c.et[c.net++] = (uint32_t)i;
	}
	if (c.nb) {
		size_t distinct = refine(&c, 1);
		break_ties(&c, distinct);
		if (c.oom)
			goto done;
	}
	st = write_lines(&c, n, out);
done:
	dcatit_buf_release(&c.scratch);
	free(c.saved);
	free(c.order);
	free(c.acc);
	free(c.h);
	free(c.et);
	free(c.bn);
	free(c.th);
	free(c.bidx);
	return st;
}
