/* canon.c: canonical N-Triples. Blank nodes get labels from iterated hashing
 * of their neighbourhood (colour refinement, as in 1-WL / the first stage of
 * URDNA2015), with deterministic tie-breaking; lines are sorted bytewise so
 * isomorphic graphs serialise to identical bytes. Each round of that
 * refinement costs the whole graph, and a chain or a deep tree needs one
 * round per level, so past a work limit the labels come instead from an
 * ordered partition refined the way nauty and bliss do (O(m log n)): the
 * same graphs as before keep the same labels, and a 300,000-node chain
 * takes a second instead of hours. */
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
/* Colour refinement runs while its work stays under max(CLASSIC_MIN_WORK,
 * CLASSIC_ROUNDS rounds over the graph). Every graph of the test suite
 * (goldens, harvest, push, CSW) stays well under (the largest: 1.2 M
 * visits, 2 rounds of a 200,000-node star), so their labels are those of
 * colour refinement as before; a chain of N nodes needs about N rounds
 * and goes to the partition refinement below after 8. */
#define CLASSIC_MIN_WORK 4000000ULL
#define CLASSIC_ROUNDS 8
/* Work (edge visits and copies) the partition refinement may spend on
 * trying tie-break candidates, per blank node and edge of the graph, and
 * at least; past it the first candidate is taken. */
#define TRIAL_WORK_PER_ITEM 8
#define TRIAL_MIN_WORK 4000000ULL

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
	uint64_t *set;       /* open-addressing set counting distinct colours */
	size_t setcap;       /* a power of two >= 2 nb */
	unsigned long long work, limit;
	bool bail;           /* over limit: label by partition refinement */
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

/* The number of distinct colours, without sorting: a round only needs to
 * know whether it told more nodes apart. */
static size_t count_colours(Canon *c)
{
	memset(c->set, 0, c->setcap * sizeof *c->set);
	size_t distinct = 0, mask = c->setcap - 1;
	bool zero = false;
	for (size_t i = 0; i < c->nb; i++) {
		uint64_t h = c->h[i];
		if (!h) {
			distinct += !zero;
			zero = true;
			continue;
		}
		size_t j = (size_t)fin(h) & mask;
		while (c->set[j] && c->set[j] != h)
			j = (j + 1) & mask;
		if (!c->set[j]) {
			c->set[j] = h;
			distinct++;
		}
	}
	return distinct;
}

/* Refine until the number of colours stops growing; returns it, with
 * c->order sorted. Past the work limit, c->bail is set instead. */
static size_t refine(Canon *c, size_t distinct)
{
	for (;;) {
		refine_round(c);
		size_t d = count_colours(c);
		if (c->work > c->limit) {
			c->bail = true;
			return d;
		}
		if (d <= distinct || c->oom)
			return sort_colours(c);
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
	while (distinct < c->nb && !c->oom && !c->bail) {
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
				for (size_t k = 0; k < n && !c->bail; k++) {
					c->h[cand[k]] = mix(c->h[cand[k]], TAG_TIE);
					refine(c, count_colours(c));
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
		distinct = refine(c, count_colours(c));
	}
}

/* ---- labelling by partition refinement -----------------------------------
 * The blank nodes are kept in an ordered partition: positions 0..n-1, each
 * cell a run of positions. A cell W splits every other cell by what its
 * members' edges into W add up to (a sum of hashes of direction and
 * predicate, so splitting by a union is splitting by its parts), and only
 * the new cells that are not the largest piece are queued to split others
 * in turn (Hopcroft; Cardon and Crochemore for this weighted form). Each
 * split costs the edges of the cell that causes it, a node is in O(log n)
 * such cells, so refining is O(m log n). Pieces are ordered by those sums,
 * cells met are taken in position order: no decision depends on how the
 * input named or ordered its nodes, only on positions and on the graph. */

typedef struct {
	uint32_t to;  /* the neighbour */
	uint64_t lab; /* the edge as the neighbour sees it: direction, predicate */
} Edge;

typedef struct {
	size_t n;              /* blank nodes */
	uint32_t *first;       /* the edges of v are edge[first[v] .. first[v + 1]) */
	Edge *edge;
	uint32_t *elem;        /* position -> node */
	uint32_t *pos;         /* node -> position */
	uint32_t *cell;        /* node -> cell */
	uint32_t *start, *len; /* cell -> first position, size */
	uint32_t *hits;        /* cell -> members touched by the current splitter */
	uint32_t ncells;
	uint32_t *queue;       /* cells waiting to split others: a ring of n */
	size_t qhead, qlen;
	unsigned char *queued; /* cell -> in the queue */
	uint64_t *val;         /* node -> sum over its edges into the splitter */
	uint32_t *met;         /* the cells touched by the current splitter */
	HashIdx *metk;         /* scratch: them by position */
	size_t nmet;
	uint32_t *members;     /* scratch: the splitter's members */
	HashIdx *frag;         /* scratch: touched members by value */
	uint64_t trace;        /* hash of every split: equal for equivalent choices */
	unsigned long long work;
} Part;

static void part_release(Part *p)
{
	free(p->first);
	free(p->edge);
	free(p->elem);
	free(p->pos);
	free(p->cell);
	free(p->start);
	free(p->len);
	free(p->hits);
	free(p->queue);
	free(p->queued);
	free(p->val);
	free(p->met);
	free(p->metk);
	free(p->members);
	free(p->frag);
}

static void push(Part *p, uint32_t cell)
{
	if (p->queued[cell])
		return;
	p->queued[cell] = 1;
	p->queue[(p->qhead + p->qlen++) % p->n] = cell;
}

static void place(Part *p, uint32_t node, uint32_t at)
{
	p->elem[at] = node;
	p->pos[node] = at;
}

/* Split the touched cell x (its touched members are the last hits[x] of
 * its positions) into its untouched part, then one part per sum, in that
 * order; the largest part keeps the cell, the others are new and queued. */
static void split_cell(Part *p, uint32_t x)
{
	uint32_t s = p->start[x], l = p->len[x], t = p->hits[x], u = l - t;
	p->hits[x] = 0;
	for (uint32_t k = 0; k < t; k++) {
		uint32_t v = p->elem[s + u + k];
		p->frag[k] = (HashIdx){ p->val[v], v };
	}
	qsort(p->frag, t, sizeof *p->frag, cmp_hash_idx);
	for (uint32_t k = 0; k < t; k++)
		place(p, p->frag[k].i, s + u + k);
	/* the parts, as runs of positions: [s, s + u) first when not empty */
	uint32_t nparts = u ? 1 : 0, big = 0, bigsize = u;
	for (uint32_t k = 0; k < t; k++)
		if (k == 0 || p->frag[k].h != p->frag[k - 1].h) {
			uint32_t e = k + 1;
			while (e < t && p->frag[e].h == p->frag[k].h)
				e++;
			if (e - k > bigsize) {
				bigsize = e - k;
				big = nparts;
			}
			nparts++;
		}
	p->trace = mix(p->trace, mix(s, nparts));
	if (nparts < 2)
		return;
	uint32_t at = s, part = 0;
	for (uint32_t k = 0; at < s + l; part++) {
		uint32_t size;
		uint64_t h = 0;
		if (part == 0 && u) {
			size = u;
		} else {
			h = p->frag[k].h;
			uint32_t e = k + 1;
			while (e < t && p->frag[e].h == h)
				e++;
			size = e - k;
			k = e;
		}
		p->trace = mix(p->trace, mix(size, h));
		uint32_t id = x;
		if (part != big) {
			id = p->ncells++;
			for (uint32_t q = at; q < at + size; q++)
				p->cell[p->elem[q]] = id;
			push(p, id);
		}
		p->start[id] = at;
		p->len[id] = size;
		at += size;
	}
}

/* Split every cell by the cell w. */
static void split_by(Part *p, uint32_t w)
{
	uint32_t s = p->start[w], l = p->len[w];
	/* w's members first: w itself may split while they are visited */
	memcpy(p->members, p->elem + s, l * sizeof *p->members);
	p->nmet = 0;
	for (uint32_t k = 0; k < l; k++) {
		uint32_t v = p->members[k];
		for (uint32_t e = p->first[v]; e < p->first[v + 1]; e++) {
			uint32_t y = p->edge[e].to, x = p->cell[y];
			p->work++;
			if (p->len[x] == 1)
				continue;
			uint32_t tail = p->start[x] + p->len[x] - p->hits[x];
			if (p->pos[y] < tail) {
				/* first touch: swap y into the touched tail of its cell */
				uint32_t z = p->elem[tail - 1];
				place(p, z, p->pos[y]);
				place(p, y, tail - 1);
				p->val[y] = 0;
				if (p->hits[x]++ == 0)
					p->met[p->nmet++] = x;
			}
			p->val[y] += p->edge[e].lab;
		}
	}
	/* in position order: the order the input met them in is not canonical */
	for (size_t i = 0; i < p->nmet; i++)
		p->metk[i] = (HashIdx){ p->start[p->met[i]], p->met[i] };
	qsort(p->metk, p->nmet, sizeof *p->metk, cmp_hash_idx);
	for (size_t i = 0; i < p->nmet; i++)
		split_cell(p, p->metk[i].i);
}

static void refine_part(Part *p)
{
	while (p->qlen) {
		uint32_t w = p->queue[p->qhead];
		p->qhead = (p->qhead + 1) % p->n;
		p->qlen--;
		p->queued[w] = 0;
		split_by(p, w);
	}
}

/* Give node v a cell of its own, first of its old cell, and refine. */
static void individualise(Part *p, uint32_t v)
{
	uint32_t x = p->cell[v], s = p->start[x];
	place(p, p->elem[s], p->pos[v]);
	place(p, v, s);
	uint32_t y = p->ncells++;
	p->cell[v] = y;
	p->start[y] = s;
	p->len[y] = 1;
	p->start[x] = s + 1;
	p->len[x]--;
	p->trace = mix(p->trace, mix(TAG_TIE, s));
	push(p, y);
	refine_part(p);
}

/* Is the graph of blank nodes (one edge per triple between two of them) a
 * forest? Then nodes that colour refinement cannot tell apart are images of
 * each other under an automorphism (trees are amenable), and any of them
 * may be singled out: no candidates need trying. */
static bool is_forest(const Canon *c, uint32_t *up)
{
	for (size_t i = 0; i < c->nb; i++)
		up[i] = (uint32_t)i;
	for (size_t k = 0; k < c->net; k++) {
		const DcatitTriple *tr = dcatit_model_triple(c->m, c->et[k]);
		if (!is_bnode(c, tr->s) || !is_bnode(c, tr->o))
			continue;
		uint32_t a = c->bidx[tr->s] - 1, b = c->bidx[tr->o] - 1;
		while (up[a] != a)
			a = up[a] = up[up[a]];
		while (up[b] != b)
			b = up[b] = up[up[b]];
		if (a == b)
			return false;
		up[a] = b;
	}
	return true;
}

/* Try the candidates of the cell at position s (the first that is not a
 * singleton) and return the one whose refinement leaves the smallest
 * trace, within the trial budget. */
static uint32_t pick_candidate(Part *p, uint32_t s, uint32_t *save, unsigned long long budget)
{
	uint32_t x = p->cell[p->elem[s]];
	uint32_t n = p->len[x] < MAX_CANDIDATES ? p->len[x] : MAX_CANDIDATES;
	uint32_t cand[MAX_CANDIDATES];
	for (uint32_t k = 0; k < n; k++)
		cand[k] = p->elem[s + k];
	uint32_t best = p->elem[s];
	uint64_t best_trace = 0;
	size_t nn = p->n, ncells = p->ncells;
	for (uint32_t k = 0; k < n && p->work < budget; k++) {
		memcpy(save, p->elem, nn * sizeof *save);
		memcpy(save + nn, p->cell, nn * sizeof *save);
		memcpy(save + 2 * nn, p->start, ncells * sizeof *save);
		memcpy(save + 3 * nn, p->len, ncells * sizeof *save);
		uint64_t trace = p->trace;
		p->work += 4 * nn;
		individualise(p, cand[k]);
		if (k == 0 || p->trace < best_trace) {
			best_trace = p->trace;
			best = cand[k];
		}
		memcpy(p->elem, save, nn * sizeof *save);
		for (size_t i = 0; i < nn; i++)
			p->pos[p->elem[i]] = (uint32_t)i;
		memcpy(p->cell, save + nn, nn * sizeof *save);
		memcpy(p->start, save + 2 * nn, ncells * sizeof *save);
		memcpy(p->len, save + 3 * nn, ncells * sizeof *save);
		p->ncells = (uint32_t)ncells;
		p->trace = trace;
	}
	return best;
}

/* Label the blank nodes by partition refinement: label[i] for node i. */
static DcatitStatus label_by_partition(Canon *c, uint32_t *label)
{
	Part p;
	memset(&p, 0, sizeof p);
	size_t n = p.n = c->nb;
	DcatitStatus st = DCATIT_ERR_NOMEM;
	uint32_t *save = NULL;
	/* the edges between blank nodes, both ways, in a compact array */
	p.first = calloc(n + 1, sizeof *p.first);
	size_t nedge = 0;
	for (size_t k = 0; p.first && k < c->net; k++) {
		const DcatitTriple *tr = dcatit_model_triple(c->m, c->et[k]);
		if (is_bnode(c, tr->s) && is_bnode(c, tr->o)) {
			p.first[c->bidx[tr->s]]++;
			p.first[c->bidx[tr->o]]++;
			nedge += 2;
		}
	}
	p.edge = malloc((nedge ? nedge : 1) * sizeof *p.edge);
	p.elem = malloc(n * sizeof *p.elem);
	p.pos = malloc(n * sizeof *p.pos);
	p.cell = malloc(n * sizeof *p.cell);
	p.start = malloc(n * sizeof *p.start);
	p.len = malloc(n * sizeof *p.len);
	p.hits = calloc(n, sizeof *p.hits);
	p.queue = malloc(n * sizeof *p.queue);
	p.queued = calloc(n, 1);
	p.val = malloc(n * sizeof *p.val);
	p.met = malloc(n * sizeof *p.met);
	p.metk = malloc(n * sizeof *p.metk);
	p.members = malloc(n * sizeof *p.members);
	p.frag = malloc(n * sizeof *p.frag);
	if (!p.first || !p.edge || !p.elem || !p.pos || !p.cell || !p.start || !p.len ||
	    !p.hits || !p.queue || !p.queued || !p.val || !p.met || !p.metk || !p.members ||
	    !p.frag ||
	    nedge > UINT32_MAX)
		goto done;
	for (size_t i = 0; i < n; i++)
		p.first[i + 1] += p.first[i];
	uint32_t *fill = p.pos; /* as a cursor per node, before positions exist */
	memcpy(fill, p.first, n * sizeof *fill);
	for (size_t k = 0; k < c->net; k++) {
		const DcatitTriple *tr = dcatit_model_triple(c->m, c->et[k]);
		if (!is_bnode(c, tr->s) || !is_bnode(c, tr->o))
			continue;
		uint64_t ph = term_hash(c, tr->p);
		uint32_t a = c->bidx[tr->s] - 1, b = c->bidx[tr->o] - 1;
		p.edge[fill[a]++] = (Edge){ b, mix(TAG_IN, ph) };  /* b sees an edge in */
		p.edge[fill[b]++] = (Edge){ a, mix(TAG_OUT, ph) }; /* a sees an edge out */
	}
	/* the first colours: one round of colour refinement from nothing (the
	 * terms around each node, its edges to blank nodes by predicate) */
	memset(c->h, 0, n * sizeof *c->h);
	refine_round(c);
	if (c->oom)
		goto done;
	sort_colours(c);
	for (size_t i = 0; i < n; i++) {
		place(&p, c->order[i].i, (uint32_t)i);
		if (i == 0 || c->order[i].h != c->order[i - 1].h) {
			p.start[p.ncells] = (uint32_t)i;
			p.len[p.ncells] = 0;
			p.ncells++;
		}
		p.cell[c->order[i].i] = p.ncells - 1;
		p.len[p.ncells - 1]++;
	}
	for (uint32_t k = 0; k < p.ncells; k++)
		push(&p, k);
	refine_part(&p);
	/* single out one node at a time until every cell is one node */
	save = malloc(4 * n * sizeof *save);
	if (!save)
		goto done;
	bool forest = is_forest(c, save);
	unsigned long long budget = TRIAL_WORK_PER_ITEM * (unsigned long long)(n + nedge);
	if (budget < TRIAL_MIN_WORK)
		budget = TRIAL_MIN_WORK;
	for (uint32_t s = 0; s < n;) {
		uint32_t x = p.cell[p.elem[s]];
		if (p.len[x] == 1) {
			s++;
			continue;
		}
		uint32_t v = forest || p.work >= budget ? p.elem[s] : pick_candidate(&p, s, save, budget);
		individualise(&p, v);
	}
	for (size_t i = 0; i < n; i++)
		label[i] = p.pos[i];
	st = DCATIT_OK;
done:
	free(save);
	part_release(&p);
	return st;
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

/* The n triples with blank node i written _:c<label[i]>, sorted. */
static DcatitStatus write_lines(Canon *c, const uint32_t *label, size_t n, DcatitBuf *out)
{
	DcatitStatus st = DCATIT_ERR_NOMEM;
	size_t *start = malloc((n ? n : 1) * sizeof *start);
	Line *lines = malloc((n ? n : 1) * sizeof *lines);
	DcatitBuf text;
	dcatit_buf_init(&text);
	if (!start || !lines)
		goto done;
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
	return st;
}

DcatitStatus dcatit_canon_write(DcatitModel *m, DcatitBuf *out)
{
	DcatitStatus st = dcatit_model_freeze(m);
	if (st != DCATIT_OK)
		return st;
	Canon c;
	memset(&c, 0, sizeof c);
	uint32_t *label = NULL;
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
	for (c.setcap = 16; c.setcap < 2 * c.nb; c.setcap *= 2)
		;
	c.set = malloc(c.setcap * sizeof *c.set);
	label = malloc((c.nb ? c.nb : 1) * sizeof *label);
	if (!c.et || !c.h || !c.acc || !c.order || !c.saved || !c.set || !label)
		goto done;
	c.net = 0;
	for (size_t i = 0; i < n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		if (is_bnode(&c, tr->s) || is_bnode(&c, tr->o))
			c.et[c.net++] = (uint32_t)i;
	}
	if (c.nb) {
		c.limit = CLASSIC_ROUNDS * (unsigned long long)(c.net + c.nb);
		if (c.limit < CLASSIC_MIN_WORK)
			c.limit = CLASSIC_MIN_WORK;
		size_t distinct = refine(&c, 1);
		break_ties(&c, distinct);
		if (c.oom)
			goto done;
		if (c.bail) {
			if (label_by_partition(&c, label) != DCATIT_OK || c.oom)
				goto done;
		} else {
			for (size_t r = 0; r < c.nb; r++)
				label[c.order[r].i] = (uint32_t)r;
		}
	}
	st = write_lines(&c, label, n, out);
done:
	dcatit_buf_release(&c.scratch);
	free(label);
	free(c.set);
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
