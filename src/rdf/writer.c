/* writer.c: Turtle and RDF/XML written by us, one subject at a time, in a
 * fixed order computed once: every term the graph uses gets a rank (terms
 * sorted by kind, then bytes), subjects and each subject's triples are
 * sorted by rank, and a plan says which blank nodes are nested and which
 * get a label. The writers only read the model's SPO index. */
#include "rdf/writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "rdf/term.h"
#include "rdf/vocab.h"

/* Blank nodes nested deeper than this get a label and a block of their
 * own: keeps the writers' recursion bounded on long rdf:List chains, and
 * the text readable (DCAT nests three levels at most). */
#define MAX_NEST 16

/* Per-term flags of the plan. */
enum {
	F_USED = 1,    /* occurs in the graph */
	F_SUBJ = 2,    /* is a subject */
	F_PRED = 4,    /* is a predicate */
	F_NEST = 8,    /* blank node written nested, [ ... ] */
	F_REACHED = 16 /* nested node reached from a block */
};

/* A term with what orders it, for ranking. */
typedef struct {
	DcatitTermId id;
	DcatitTermKind kind;
	const char *s, *dt, *lang;
	size_t len, dtlen;
} Key;

/* One triple of a subject being written, with its sort key. */
typedef struct {
	uint64_t key;
	DcatitTermId p, o;
} Po;

/* A prefix usable in the output. */
typedef struct {
	char *name, *iri; /* owned */
	size_t len;
} Ns;

typedef struct {
	DcatitModel *m;
	DcatitTerms *t;
	DcatitBuf *out;
	DcatitDiag *d;
	size_t nids;
	uint8_t *flags;
	uint32_t *rank;
	uint32_t *label;  /* output label + 1 of a labelled blank node */
	uint32_t nlabels;
	DcatitTermId *roots; /* subjects written as blocks, sorted by rank */
	size_t nroots;
	Po *stk;          /* the triples of the subjects being written, nested */
	size_t nstk, capstk;
	DcatitTermId rdf_type, xsd_string, xsd_integer, xsd_decimal, xsd_double,
		xsd_boolean;
	Ns *ns;
	size_t nns, capns;
	uint16_t *pfx;    /* per term: 0 not looked up, 1 none, k + 2 prefix k */
	uint32_t *local;  /* RDF/XML: offset of a predicate's local name */
} Plan;

static int cmp_key(const void *a, const void *b)
{
	const Key *x = a, *y = b;
	if (x->kind != y->kind)
		return x->kind < y->kind ? -1 : 1;
	size_t n = x->len < y->len ? x->len : y->len;
	int c = memcmp(x->s, y->s, n);
	if (c || x->len != y->len)
		return c ? c : x->len < y->len ? -1 : 1;
	n = x->dtlen < y->dtlen ? x->dtlen : y->dtlen;
	c = memcmp(x->dt, y->dt, n);
	if (c || x->dtlen != y->dtlen)
		return c ? c : x->dtlen < y->dtlen ? -1 : 1;
	return strcmp(x->lang, y->lang);
}

static int cmp_u64(const void *a, const void *b)
{
	uint64_t x = *(const uint64_t *)a, y = *(const uint64_t *)b;
	return x < y ? -1 : x > y;
}

static int cmp_po(const void *a, const void *b)
{
	return cmp_u64(&((const Po *)a)->key, &((const Po *)b)->key);
}

/* Sort ids by rank, as (rank, id) pairs packed in 64 bits. */
static bool sort_by_rank(DcatitTermId *ids, size_t n, const uint32_t *rank)
{
	uint64_t *tmp = malloc((n ? n : 1) * sizeof *tmp);
	if (!tmp)
		return false;
	for (size_t i = 0; i < n; i++)
		tmp[i] = (uint64_t)rank[ids[i]] << 32 | ids[i];
	qsort(tmp, n, sizeof *tmp, cmp_u64);
	for (size_t i = 0; i < n; i++)
		ids[i] = (DcatitTermId)(tmp[i] & 0xFFFFFFFFu);
	free(tmp);
	return true;
}

static void plan_release(Plan *p)
{
	free(p->flags);
	free(p->rank);
	free(p->label);
	free(p->roots);
	free(p->stk);
	free(p->pfx);
	free(p->local);
	for (size_t i = 0; i < p->nns; i++) {
		free(p->ns[i].name);
		free(p->ns[i].iri);
	}
	free(p->ns);
}

/* Rank every term the graph uses. */
static bool rank_terms(Plan *p)
{
	size_t nused = 0;
	for (size_t id = 1; id < p->nids; id++)
		nused += (p->flags[id] & F_USED) != 0;
	Key *keys = malloc((nused ? nused : 1) * sizeof *keys);
	if (!keys)
		return false;
	size_t k = 0;
	for (DcatitTermId id = 1; id < p->nids; id++) {
		if (!(p->flags[id] & F_USED))
			continue;
		DcatitTermId dt = dcatit_terms_datatype(p->t, id);
		keys[k++] = (Key){ id, dcatit_terms_kind(p->t, id), dcatit_terms_str(p->t, id),
		                   dcatit_terms_str(p->t, dt), dcatit_terms_lang(p->t, id),
		                   dcatit_terms_len(p->t, id), dcatit_terms_len(p->t, dt) };
	}
	qsort(keys, nused, sizeof *keys, cmp_key);
	for (size_t i = 0; i < nused; i++)
		p->rank[keys[i].id] = (uint32_t)i;
	free(keys);
	return true;
}

/* Mark the nested blank nodes reachable from root; a subject nested
 * deeper than MAX_NEST becomes a root itself (appended to p->roots). */
static void reach(Plan *p, DcatitTermId root, DcatitTermId *stack, uint32_t *depth)
{
	size_t top = 0;
	stack[top] = root;
	depth[top++] = 0;
	while (top) {
		top--;
		DcatitTermId s = stack[top];
		uint32_t dep = depth[top];
		DcatitRange r = dcatit_model_sp(p->m, s, 0);
		for (size_t i = 0; i < r.n; i++) {
			DcatitTermId o = dcatit_model_triple(p->m, r.idx[i])->o;
			if (!(p->flags[o] & F_NEST) || (p->flags[o] & F_REACHED))
				continue;
			p->flags[o] |= F_REACHED;
			if (!(p->flags[o] & F_SUBJ))
				continue; /* written as [] */
			uint32_t od = dep + 1;
			if (od > MAX_NEST) {
				p->flags[o] &= (uint8_t)~F_NEST;
				p->roots[p->nroots++] = o;
				od = 0;
			}
			/* each node is pushed once: the stack never exceeds nids */
			stack[top] = o;
			depth[top++] = od;
		}
	}
}

/* Decide the order of blocks and which blank nodes are nested. */
static DcatitStatus plan_graph(Plan *p)
{
	size_t n = dcatit_model_size(p->m);
	p->nids = dcatit_terms_count(p->t) + 1;
	p->flags = calloc(p->nids, 1);
	p->rank = calloc(p->nids, sizeof *p->rank);
	p->label = calloc(p->nids, sizeof *p->label);
	p->pfx = calloc(p->nids, sizeof *p->pfx);
	uint8_t *refs = calloc(p->nids, 1);
	if (!p->flags || !p->rank || !p->label || !p->pfx || !refs) {
		free(refs);
		return DCATIT_ERR_NOMEM;
	}
	for (size_t i = 0; i < n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(p->m, i);
		p->flags[tr->s] |= F_USED | F_SUBJ;
		p->flags[tr->p] |= F_USED | F_PRED;
		p->flags[tr->o] |= F_USED;
		if (dcatit_terms_is_bnode(p->t, tr->o) && refs[tr->o] < 2)
			refs[tr->o]++;
	}
	size_t nsubj = 0;
	for (DcatitTermId id = 1; id < p->nids; id++) {
		if (refs[id] == 1)
			p->flags[id] |= F_NEST;
		nsubj += (p->flags[id] & F_SUBJ) != 0;
	}
	free(refs);
	if (!rank_terms(p))
		return DCATIT_ERR_NOMEM;
	p->roots = malloc((nsubj + 1) * sizeof *p->roots);
	DcatitTermId *stack = malloc(p->nids * sizeof *stack);
	uint32_t *depth = malloc(p->nids * sizeof *depth);
	DcatitTermId *cycle = malloc((nsubj + 1) * sizeof *cycle);
	DcatitStatus st = p->roots && stack && depth && cycle ? DCATIT_OK : DCATIT_ERR_NOMEM;
	for (DcatitTermId id = 1; st == DCATIT_OK && id < p->nids; id++)
		if ((p->flags[id] & F_SUBJ) && !(p->flags[id] & F_NEST))
			p->roots[p->nroots++] = id;
	for (size_t i = 0; st == DCATIT_OK && i < p->nroots; i++)
		reach(p, p->roots[i], stack, depth);
	/* nested candidates no block reaches refer to each other in a cycle:
	 * label them one at a time, in rank order, until all are reached */
	size_t ncycle = 0;
	for (DcatitTermId id = 1; st == DCATIT_OK && id < p->nids; id++)
		if ((p->flags[id] & (F_SUBJ | F_NEST | F_REACHED)) == (F_SUBJ | F_NEST))
			cycle[ncycle++] = id;
	if (st == DCATIT_OK && ncycle && !sort_by_rank(cycle, ncycle, p->rank))
		st = DCATIT_ERR_NOMEM;
	for (size_t i = 0; st == DCATIT_OK && i < ncycle; i++) {
		DcatitTermId id = cycle[i];
		if (p->flags[id] & F_REACHED)
			continue;
		p->flags[id] = (uint8_t)((p->flags[id] & ~F_NEST) | F_REACHED);
		size_t from = p->nroots;
		p->roots[p->nroots++] = id;
		for (size_t j = from; j < p->nroots; j++)
			reach(p, p->roots[j], stack, depth);
	}
	if (st == DCATIT_OK && !sort_by_rank(p->roots, p->nroots, p->rank))
		st = DCATIT_ERR_NOMEM;
	free(stack);
	free(depth);
	free(cycle);
	return st;
}

/* Push the triples of s, sorted (rdf:type first, then by predicate and
 * object rank), onto the stack; returns where they start. */
static bool push_triples(Plan *p, DcatitTermId s, size_t *from, size_t *to)
{
	DcatitRange r = dcatit_model_sp(p->m, s, 0);
	Po *stk = dcatit_grow(p->stk, &p->capstk, p->nstk + r.n, sizeof *stk, 64);
	if (!stk)
		return false;
	p->stk = stk;
	*from = p->nstk;
	for (size_t i = 0; i < r.n; i++) {
		const DcatitTriple *tr = dcatit_model_triple(p->m, r.idx[i]);
		uint64_t pk = tr->p == p->rdf_type ? 0 : (uint64_t)p->rank[tr->p] + 1;
		p->stk[p->nstk++] = (Po){ pk << 32 | p->rank[tr->o], tr->p, tr->o };
	}
	*to = p->nstk;
	qsort(p->stk + *from, r.n, sizeof *p->stk, cmp_po);
	return true;
}

static uint32_t label_of(Plan *p, DcatitTermId b)
{
	if (!p->label[b])
		p->label[b] = ++p->nlabels;
	return p->label[b] - 1;
}

/* Append "<prefix>b<n>", the label of blank node b (no printf: there are
 * hundreds of thousands of them in a large catalogue). */
static void add_label(Plan *p, const char *prefix, DcatitTermId b)
{
	char digits[12];
	size_t k = sizeof digits;
	uint32_t n = label_of(p, b);
	do {
		digits[--k] = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	dcatit_buf_adds(p->out, prefix);
	dcatit_buf_addc(p->out, 'b');
	dcatit_buf_add(p->out, digits + k, sizeof digits - k);
}

static bool add_ns(Plan *p, const char *name, const char *iri)
{
	if (p->nns == p->capns) {
		size_t cap = p->capns ? p->capns * 2 : 16;
		if (cap > UINT16_MAX - 2)
			return false;
		Ns *ns = realloc(p->ns, cap * sizeof *ns);
		if (!ns)
			return false;
		p->ns = ns;
		p->capns = cap;
	}
	Ns *e = &p->ns[p->nns];
	e->name = strdup(name);
	e->iri = strdup(iri);
	if (!e->name || !e->iri) {
		free(e->name);
		free(e->iri);
		return false;
	}
	e->len = strlen(iri);
	p->nns++;
	return true;
}

static bool is_alpha(unsigned char c)
{
	return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

static bool is_digit(unsigned char c)
{
	return c >= '0' && c <= '9';
}

/* ---- Turtle ---- */

/* A prefix name we write: ASCII PN_PREFIX, or empty. */
static bool ttl_prefix_ok(const char *s)
{
	if (!*s)
		return true;
	if (!is_alpha((unsigned char)s[0]))
		return false;
	for (const char *c = s + 1; *c; c++)
		if (!is_alpha((unsigned char)*c) && !is_digit((unsigned char)*c) && *c != '_' &&
		    *c != '-')
			return false;
	return true;
}

/* A local name we write after "prefix:": a conservative subset of PN_LOCAL
 * (ASCII, starts with a letter or '_', no '.', no escapes) that every
 * Turtle reader, raptor's included, reads back. */
static bool ttl_local_ok(const char *s, size_t n)
{
	if (!n || (!is_alpha((unsigned char)s[0]) && s[0] != '_'))
		return false;
	for (size_t i = 1; i < n; i++)
		if (!is_alpha((unsigned char)s[i]) && !is_digit((unsigned char)s[i]) &&
		    s[i] != '_' && s[i] != '-')
			return false;
	return true;
}

/* The prefix index + 2 for an IRI (longest namespace with a valid local
 * name), 1 when none; cached per term. */
static uint16_t ttl_prefix_of(Plan *p, DcatitTermId id)
{
	if (p->pfx[id])
		return p->pfx[id];
	const char *s = dcatit_terms_str(p->t, id);
	size_t len = dcatit_terms_len(p->t, id), best = 0;
	uint16_t r = 1;
	for (size_t k = 0; k < p->nns; k++) {
		const Ns *e = &p->ns[k];
		if (e->len > best && e->len < len && memcmp(s, e->iri, e->len) == 0 &&
		    ttl_local_ok(s + e->len, len - e->len)) {
			best = e->len;
			r = (uint16_t)(k + 2);
		}
	}
	return p->pfx[id] = r;
}

static void ttl_iri(Plan *p, DcatitTermId id)
{
	uint16_t k = ttl_prefix_of(p, id);
	if (k > 1) {
		const Ns *e = &p->ns[k - 2];
		dcatit_buf_adds(p->out, e->name);
		dcatit_buf_addc(p->out, ':');
		dcatit_buf_add(p->out, dcatit_terms_str(p->t, id) + e->len,
		               dcatit_terms_len(p->t, id) - e->len);
		return;
	}
	dcatit_buf_addc(p->out, '<');
	dcatit_terms_write_escaped(dcatit_terms_str(p->t, id), dcatit_terms_len(p->t, id), true,
	                           p->out);
	dcatit_buf_addc(p->out, '>');
}

/* [+-]?[0-9]+ from *i; false when no digit. */
static bool scan_int(const char *s, size_t n, size_t *i, bool sign)
{
	if (sign && *i < n && (s[*i] == '+' || s[*i] == '-'))
		(*i)++;
	size_t from = *i;
	while (*i < n && is_digit((unsigned char)s[*i]))
		(*i)++;
	return *i > from;
}

/* Turtle INTEGER: [+-]?[0-9]+ */
static bool is_ttl_integer(const char *s, size_t n)
{
	size_t i = 0;
	return scan_int(s, n, &i, true) && i == n;
}

/* Turtle DECIMAL, the part of it we write: [+-]?[0-9]+\.[0-9]+ (the
 * grammar also allows ".5"; "7560" without a point is an INTEGER). */
static bool is_ttl_decimal(const char *s, size_t n)
{
	size_t i = 0;
	return scan_int(s, n, &i, true) && i < n && s[i++] == '.' &&
	       scan_int(s, n, &i, false) && i == n;
}

/* Turtle DOUBLE, the part of it we write: [+-]?[0-9]+(\.[0-9]+)?[eE][+-]?[0-9]+
 * (a double without an exponent would read back as a decimal). */
static bool is_ttl_double(const char *s, size_t n)
{
	size_t i = 0;
	if (!scan_int(s, n, &i, true))
		return false;
	if (i < n && s[i] == '.') {
		i++;
		if (!scan_int(s, n, &i, false))
			return false;
	}
	if (i >= n || (s[i] != 'e' && s[i] != 'E'))
		return false;
	i++;
	return scan_int(s, n, &i, true) && i == n;
}

static void ttl_literal(Plan *p, DcatitTermId id)
{
	const char *s = dcatit_terms_str(p->t, id);
	size_t n = dcatit_terms_len(p->t, id);
	DcatitTermId dt = dcatit_terms_datatype(p->t, id);
	/* the short forms read back as exactly this literal, or not at all */
	if ((dt == p->xsd_integer && is_ttl_integer(s, n)) ||
	    (dt == p->xsd_decimal && is_ttl_decimal(s, n)) ||
	    (dt == p->xsd_double && is_ttl_double(s, n)) ||
	    (dt == p->xsd_boolean && ((n == 4 && memcmp(s, "true", 4) == 0) ||
	                              (n == 5 && memcmp(s, "false", 5) == 0)))) {
		dcatit_buf_add(p->out, s, n);
		return;
	}
	dcatit_buf_addc(p->out, '"');
	dcatit_terms_write_escaped(s, n, false, p->out);
	dcatit_buf_addc(p->out, '"');
	const char *lang = dcatit_terms_lang(p->t, id);
	if (*lang) {
		dcatit_buf_addc(p->out, '@');
		dcatit_buf_adds(p->out, lang);
	} else if (dt != p->xsd_string) {
		dcatit_buf_adds(p->out, "^^");
		ttl_iri(p, dt);
	}
}

/* Turtle indents by four spaces, RDF/XML by two. */
static void indent(DcatitBuf *out, unsigned level, unsigned width)
{
	for (unsigned i = 0; i < level * width; i++)
		dcatit_buf_addc(out, ' ');
}

static bool ttl_body(Plan *p, DcatitTermId s, unsigned level);

static bool ttl_object(Plan *p, DcatitTermId o, unsigned level)
{
	switch (dcatit_terms_kind(p->t, o)) {
	case DCATIT_TERM_IRI:
		ttl_iri(p, o);
		return true;
	case DCATIT_TERM_BNODE:
		if (!(p->flags[o] & F_NEST)) {
			add_label(p, "_:", o);
			return true;
		}
		if (!(p->flags[o] & F_SUBJ)) {
			dcatit_buf_adds(p->out, "[]");
			return true;
		}
		dcatit_buf_addc(p->out, '[');
		if (!ttl_body(p, o, level + 1))
			return false;
		dcatit_buf_addc(p->out, '\n');
		indent(p->out, level, 4);
		dcatit_buf_addc(p->out, ']');
		return true;
	case DCATIT_TERM_LITERAL:
		ttl_literal(p, o);
		return true;
	case DCATIT_TERM_NONE:
		break;
	}
	return true;
}

/* The predicate-object lists of s, each on a line at level. */
static bool ttl_body(Plan *p, DcatitTermId s, unsigned level)
{
	size_t from, to;
	if (!push_triples(p, s, &from, &to))
		return false;
	for (size_t i = from; i < to; i++) {
		Po x = p->stk[i];
		bool same = i > from && p->stk[i - 1].p == x.p;
		if (same) {
			dcatit_buf_adds(p->out, ", ");
		} else {
			if (i > from)
				dcatit_buf_adds(p->out, " ;");
			dcatit_buf_addc(p->out, '\n');
			indent(p->out, level, 4);
			if (x.p == p->rdf_type)
				dcatit_buf_addc(p->out, 'a');
			else
				ttl_iri(p, x.p);
			dcatit_buf_addc(p->out, ' ');
		}
		if (!ttl_object(p, x.o, level))
			return false;
	}
	p->nstk = from;
	return true;
}

/* Fill p->ns from the model's prefixes that Turtle can declare. */
static bool model_prefixes(Plan *p, bool (*ok)(const char *))
{
	for (size_t i = 0; i < dcatit_model_prefix_count(p->m); i++) {
		const char *name, *iri;
		dcatit_model_prefix(p->m, i, &name, &iri);
		if (!ok(name) || !*iri)
			continue;
		bool dup = false;
		for (size_t k = 0; k < p->nns && !dup; k++)
			dup = strcmp(p->ns[k].name, name) == 0 || strcmp(p->ns[k].iri, iri) == 0;
		if (!dup && !add_ns(p, name, iri))
			return false;
	}
	return true;
}

static void plan_init(Plan *p, DcatitModel *m, DcatitBuf *out, DcatitDiag *d)
{
	memset(p, 0, sizeof *p);
	p->m = m;
	p->t = dcatit_model_terms(m);
	p->out = out;
	p->d = d;
	p->rdf_type = dcatit_terms_find_iri(p->t, DCATIT_NS_RDF "type");
	p->xsd_string = dcatit_terms_find_iri(p->t, DCATIT_NS_XSD "string");
	p->xsd_integer = dcatit_terms_find_iri(p->t, DCATIT_NS_XSD "integer");
	p->xsd_decimal = dcatit_terms_find_iri(p->t, DCATIT_NS_XSD "decimal");
	p->xsd_double = dcatit_terms_find_iri(p->t, DCATIT_NS_XSD "double");
	p->xsd_boolean = dcatit_terms_find_iri(p->t, DCATIT_NS_XSD "boolean");
}

static DcatitStatus nomem(DcatitDiag *d)
{
	return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
}

DcatitStatus dcatit_writer_turtle(DcatitModel *m, DcatitBuf *out, DcatitDiag *d)
{
	Plan p;
	plan_init(&p, m, out, d);
	DcatitStatus st = plan_graph(&p);
	if (st == DCATIT_OK && !model_prefixes(&p, ttl_prefix_ok))
		st = DCATIT_ERR_NOMEM;
	for (size_t k = 0; st == DCATIT_OK && k < p.nns; k++) {
		dcatit_buf_addf(out, "@prefix %s: <", p.ns[k].name);
		dcatit_terms_write_escaped(p.ns[k].iri, p.ns[k].len, true, out);
		dcatit_buf_adds(out, "> .\n");
	}
	for (size_t i = 0; st == DCATIT_OK && i < p.nroots; i++) {
		DcatitTermId s = p.roots[i];
		if (i || p.nns)
			dcatit_buf_addc(out, '\n');
		if (dcatit_terms_is_bnode(p.t, s))
			add_label(&p, "_:", s);
		else
			ttl_iri(&p, s);
		if (!ttl_body(&p, s, 1))
			st = DCATIT_ERR_NOMEM;
		dcatit_buf_adds(out, " .\n");
	}
	plan_release(&p);
	if (st == DCATIT_OK && out->oom)
		st = DCATIT_ERR_NOMEM;
	return st == DCATIT_OK ? st : nomem(d);
}

/* ---- RDF/XML ---- */

static bool is_name_start(unsigned char c)
{
	return is_alpha(c) || c == '_';
}

static bool is_name_char(unsigned char c)
{
	return is_name_start(c) || is_digit(c) || c == '-' || c == '.';
}

/* An XML prefix we declare: an ASCII NCName not starting with "xml". */
static bool xml_prefix_ok(const char *s)
{
	if (!is_name_start((unsigned char)s[0]) || strncasecmp(s, "xml", 3) == 0)
		return false;
	for (const char *c = s + 1; *c; c++)
		if (!is_name_char((unsigned char)*c))
			return false;
	return true;
}

/* Text for element content (attr false) or a double-quoted attribute;
 * false when s holds a character XML 1.0 cannot carry. */
static bool xml_text(DcatitBuf *out, const char *s, size_t n, bool attr)
{
	const char *run = s;
	for (size_t i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];
		const char *esc = NULL;
		switch (c) {
		case '&': esc = "&amp;"; break;
		case '<': esc = "&lt;"; break;
		case '>': esc = "&gt;"; break;
		case '\r': esc = "&#13;"; break;
		case '"': esc = attr ? "&quot;" : NULL; break;
		case '\n': esc = attr ? "&#10;" : NULL; break;
		case '\t': esc = attr ? "&#9;" : NULL; break;
		default:
			if (c < 0x20)
				return false;
			break;
		}
		if (esc) {
			dcatit_buf_add(out, run, (size_t)(s + i - run));
			dcatit_buf_adds(out, esc);
			run = s + i + 1;
		}
	}
	dcatit_buf_add(out, run, (size_t)(s + n - run));
	return true;
}

static DcatitStatus xml_bad_text(Plan *p, DcatitTermId id)
{
	return dcatit_diag_set(p->d, DCATIT_ERR_UNSUPPORTED, NULL, 0, 0,
	                       "cannot write '%.60s' in RDF/XML: it holds a control "
	                       "character XML 1.0 cannot carry", dcatit_terms_str(p->t, id));
}

/* Names of the rdf: namespace that RDF/XML does not allow as property
 * elements (rdf:li would come back as rdf:_1). */
static bool rdf_reserved(const char *local)
{
	static const char *const names[] = {
		"RDF", "ID", "about", "bagID", "parseType", "resource", "nodeID", "li",
		"aboutEach", "aboutEachPrefix", "Description", "datatype",
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(local, names[i]) == 0)
			return true;
	return false;
}

/* Split every predicate into a declared namespace and an XML local name,
 * inventing ns1, ns2, ... for namespaces without a prefix. */
static DcatitStatus xml_predicates(Plan *p)
{
	p->local = calloc(p->nids, sizeof *p->local);
	DcatitTermId *preds = malloc(p->nids * sizeof *preds);
	DcatitStatus st = p->local && preds ? DCATIT_OK : DCATIT_ERR_NOMEM;
	size_t np = 0;
	for (DcatitTermId id = 1; st == DCATIT_OK && id < p->nids; id++)
		if (p->flags[id] & F_PRED)
			preds[np++] = id;
	if (st == DCATIT_OK && !sort_by_rank(preds, np, p->rank))
		st = DCATIT_ERR_NOMEM;
	unsigned invented = 0;
	for (size_t i = 0; st == DCATIT_OK && i < np; i++) {
		DcatitTermId id = preds[i];
		const char *s = dcatit_terms_str(p->t, id);
		size_t len = dcatit_terms_len(p->t, id), k = len;
		while (k > 0 && is_name_char((unsigned char)s[k - 1]))
			k--;
		while (k < len && !is_name_start((unsigned char)s[k]))
			k++;
		if (k == len || k == 0 || memchr(s, '\0', len)) {
			st = dcatit_diag_set(p->d, DCATIT_ERR_UNSUPPORTED, NULL, 0, 0,
			        "cannot write the predicate <%s> in RDF/XML: its IRI does not "
			        "end in an XML name", s);
			break;
		}
		if (k == sizeof DCATIT_NS_RDF - 1 && memcmp(s, DCATIT_NS_RDF, k) == 0 &&
		    rdf_reserved(s + k)) {
			st = dcatit_diag_set(p->d, DCATIT_ERR_UNSUPPORTED, NULL, 0, 0,
			        "cannot write the predicate <%s> in RDF/XML: the syntax reserves "
			        "that name", s);
			break;
		}
		size_t found = p->nns;
		for (size_t j = 0; j < p->nns && found == p->nns; j++)
			if (p->ns[j].len == k && memcmp(p->ns[j].iri, s, k) == 0)
				found = j;
		if (found == p->nns) {
			char name[32], *iri = strndup(s, k);
			bool taken;
			do {
				snprintf(name, sizeof name, "ns%u", ++invented);
				taken = false;
				for (size_t j = 0; j < p->nns && !taken; j++)
					taken = strcmp(p->ns[j].name, name) == 0;
			} while (taken);
			bool ok = iri && add_ns(p, name, iri);
			free(iri);
			if (!ok) {
				st = DCATIT_ERR_NOMEM;
				break;
			}
		}
		p->pfx[id] = (uint16_t)(found + 2);
		p->local[id] = (uint32_t)k;
	}
	free(preds);
	if (st == DCATIT_ERR_NOMEM)
		return nomem(p->d);
	return st;
}

/* "prefix:local" of a predicate (its XML element name). */
static void xml_qname(Plan *p, DcatitTermId pred)
{
	dcatit_buf_adds(p->out, p->ns[p->pfx[pred] - 2].name);
	dcatit_buf_addc(p->out, ':');
	dcatit_buf_adds(p->out, dcatit_terms_str(p->t, pred) + p->local[pred]);
}

static DcatitStatus xml_body(Plan *p, DcatitTermId s, unsigned level);

static DcatitStatus xml_property(Plan *p, DcatitTermId pred, DcatitTermId o, unsigned level)
{
	DcatitBuf *out = p->out;
	indent(out, level, 2);
	dcatit_buf_addc(out, '<');
	xml_qname(p, pred);
	switch (dcatit_terms_kind(p->t, o)) {
	case DCATIT_TERM_IRI:
		dcatit_buf_adds(out, " rdf:resource=\"");
		if (!xml_text(out, dcatit_terms_str(p->t, o), dcatit_terms_len(p->t, o), true))
			return xml_bad_text(p, o);
		dcatit_buf_adds(out, "\"/>\n");
		return DCATIT_OK;
	case DCATIT_TERM_BNODE:
		if (!(p->flags[o] & F_NEST)) {
			add_label(p, " rdf:nodeID=\"", o);
			dcatit_buf_adds(out, "\"/>\n");
			return DCATIT_OK;
		}
		if (!(p->flags[o] & F_SUBJ)) {
			dcatit_buf_adds(out, " rdf:parseType=\"Resource\"/>\n");
			return DCATIT_OK;
		}
		dcatit_buf_adds(out, " rdf:parseType=\"Resource\">\n");
		DcatitStatus st = xml_body(p, o, level + 1);
		if (st != DCATIT_OK)
			return st;
		indent(out, level, 2);
		break;
	case DCATIT_TERM_LITERAL: {
		const char *lang = dcatit_terms_lang(p->t, o);
		DcatitTermId dt = dcatit_terms_datatype(p->t, o);
		if (*lang) {
			dcatit_buf_adds(out, " xml:lang=\"");
			xml_text(out, lang, strlen(lang), true);
			dcatit_buf_addc(out, '"');
		} else if (dt != p->xsd_string) {
			dcatit_buf_adds(out, " rdf:datatype=\"");
			if (!xml_text(out, dcatit_terms_str(p->t, dt), dcatit_terms_len(p->t, dt), true))
				return xml_bad_text(p, dt);
			dcatit_buf_addc(out, '"');
		}
		dcatit_buf_addc(out, '>');
		if (!xml_text(out, dcatit_terms_str(p->t, o), dcatit_terms_len(p->t, o), false))
			return xml_bad_text(p, o);
		break;
	}
	case DCATIT_TERM_NONE:
		return DCATIT_OK;
	}
	dcatit_buf_adds(out, "</");
	xml_qname(p, pred);
	dcatit_buf_adds(out, ">\n");
	return DCATIT_OK;
}

static DcatitStatus xml_body(Plan *p, DcatitTermId s, unsigned level)
{
	size_t from, to;
	if (!push_triples(p, s, &from, &to))
		return nomem(p->d);
	for (size_t i = from; i < to; i++) {
		Po x = p->stk[i];
		DcatitStatus st = xml_property(p, x.p, x.o, level);
		if (st != DCATIT_OK)
			return st;
	}
	p->nstk = from;
	return DCATIT_OK;
}

DcatitStatus dcatit_writer_rdfxml(DcatitModel *m, DcatitBuf *out, DcatitDiag *d)
{
	Plan p;
	plan_init(&p, m, out, d);
	DcatitStatus st = plan_graph(&p);
	if (st == DCATIT_OK && (!add_ns(&p, "rdf", DCATIT_NS_RDF) ||
	                        !model_prefixes(&p, xml_prefix_ok)))
		st = DCATIT_ERR_NOMEM;
	if (st != DCATIT_OK) {
		plan_release(&p);
		return nomem(d);
	}
	if ((st = xml_predicates(&p)) != DCATIT_OK) {
		plan_release(&p);
		return st;
	}
	dcatit_buf_adds(out, "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rdf:RDF");
	for (size_t k = 0; k < p.nns; k++) {
		dcatit_buf_addf(out, "\n    xmlns:%s=\"", p.ns[k].name);
		if (!xml_text(out, p.ns[k].iri, p.ns[k].len, true)) {
			st = dcatit_diag_set(d, DCATIT_ERR_UNSUPPORTED, NULL, 0, 0,
			                     "cannot write the namespace '%s' in RDF/XML", p.ns[k].iri);
			break;
		}
		dcatit_buf_addc(out, '"');
	}
	dcatit_buf_adds(out, ">\n");
	for (size_t i = 0; st == DCATIT_OK && i < p.nroots; i++) {
		DcatitTermId s = p.roots[i];
		dcatit_buf_adds(out, "  <rdf:Description ");
		if (dcatit_terms_is_bnode(p.t, s)) {
			add_label(&p, "rdf:nodeID=\"", s);
			dcatit_buf_adds(out, "\">\n");
		} else {
			dcatit_buf_adds(out, "rdf:about=\"");
			if (!xml_text(out, dcatit_terms_str(p.t, s), dcatit_terms_len(p.t, s), true)) {
				st = xml_bad_text(&p, s);
				break;
			}
			dcatit_buf_adds(out, "\">\n");
		}
		if ((st = xml_body(&p, s, 2)) != DCATIT_OK)
			break;
		dcatit_buf_adds(out, "  </rdf:Description>\n");
	}
	dcatit_buf_adds(out, "</rdf:RDF>\n");
	plan_release(&p);
	if (st == DCATIT_OK && out->oom)
		return nomem(d);
	return st;
}
