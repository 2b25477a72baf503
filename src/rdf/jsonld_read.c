/* jsonld_read.c: JSON-LD 1.1 in, on base/json. The reader runs the JSON-LD
 * 1.1 expansion algorithm and emits triples as it goes (node objects become
 * subjects at once) instead of building the expanded document and a node
 * map: the graph is the same, blank node labels aside, and memory stays at
 * the parsed JSON tree. The JSON parser gives no positions, so the text is scanned
 * once for the line of every '{'. */
#include "rdf/jsonld_read.h"

#include <math.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/json.h"
#include "base/str.h"
#include "rdf/iri.h"
#include "rdf/vocab.h"


/* Term definitions that depend on each other (a prefix defined through
 * another prefix) recurse; 64 is far above any real context. */
#define MAX_TERM_NESTING 64
/* 64 KiB pool chunks: a context of a few hundred terms fits in one. */
#define POOL_CHUNK (64u << 10)
/* A scoped context (on a property or a type) is applied to the same active
 * context once per value; remembering the last 8 results per context makes
 * a catalogue of 10^5 datasets apply each once, and a bounded list keeps
 * hostile documents with 10^5 scoped terms from a quadratic scan. */
#define MEMO_SLOTS 8

enum {
	C_LIST = 1u << 0,
	C_SET = 1u << 1,
	C_INDEX = 1u << 2,
	C_LANGUAGE = 1u << 3,
	C_ID = 1u << 4,
	C_TYPE = 1u << 5,
	C_GRAPH = 1u << 6,
};

/* A string -> uint32 open-addressing map with borrowed keys. */
typedef struct {
	const char **keys;
	uint32_t *vals;
	size_t cap, n;
} StrMap;

typedef struct {
	const char *term;
	const char *iri;      /* NULL: the term maps to null (its keys drop) */
	const char *type;     /* type mapping: "@id", "@vocab", "@json", "@none", an IRI */
	const char *lang;     /* language mapping when has_lang (NULL = none) */
	const char *index;    /* property-based index */
	DcatitJson *ctx;          /* scoped context, borrowed from the document */
	unsigned container;
	bool has_lang, reverse, prefix;
	bool undefined; /* removed while being redefined: hides the parent's */
	bool prot;      /* @protected */
} TermDef;

typedef struct Ctx Ctx;

typedef struct {
	DcatitJson *local;
	bool propagate;
	Ctx *result;
} Memo;

/* An active context. Contexts are immutable once built and share their
 * parent's definitions: a lookup walks up the parent chain, so deriving a
 * context (a scoped context per node) costs only its own terms. */
struct Ctx {
	Ctx *parent;
	Ctx *prev; /* previous context, for non-propagated (type-scoped) ones */
	const char *base, *orig_base, *vocab, *lang;
	TermDef *defs;
	size_t ndefs, cap;
	StrMap index;
	bool any_protected;    /* some term here or in a parent is @protected */
	Memo memo[MEMO_SLOTS]; /* scoped contexts already applied to this one */
	size_t nmemo;          /* entries filled, then the next to replace */
	Ctx *all_next;
};

typedef struct PoolChunk {
	struct PoolChunk *next;
	size_t used, cap;
	char data[];
} PoolChunk;

typedef struct {
	const char *key; /* NULL: an array index */
	size_t idx;
} PathSeg;

typedef enum { IT_NODE, IT_LIT, IT_LIST } ItemKind;

typedef struct {
	DcatitTermId id;
	ItemKind kind;
} Item;

typedef struct {
	Item *v;
	size_t n, cap;
	bool discard; /* values not wanted (top level, @graph): keep none */
} Items;

/* What an index, id or type map says of the nodes it holds. */
typedef struct {
	const char *id;            /* @id for node objects without one */
	DcatitTermId type;         /* rdf:type of each node */
	DcatitTermId idx_p, idx_o; /* property-based index triple */
} Force;

typedef struct {
	DcatitModel *m;
	DcatitTerms *t;
	DcatitDiag *d;
	const char *name;
	uint32_t file;
	DcatitBuf label;
	size_t label_prefix;
	/* line of each JSON object, keyed by its DcatitJson pointer */
	const DcatitJson **okey;
	uint32_t *oline;
	size_t ocap;
	uint32_t cur_line;
	PathSeg *path;
	size_t npath, max_depth;
	Ctx *all;
	PoolChunk *pool;
	DcatitTermId rdf_type, rdf_first, rdf_rest, rdf_nil, rdf_json;
	DcatitTermId xsd_integer, xsd_double, xsd_boolean;
	size_t triples, named_graphs, dropped;
	/* the graph triples go to: 0 the default graph; drop_graph: a named
	 * graph whose name is not well-formed, whose triples toRdf drops */
	DcatitTermId graph;
	bool drop_graph;
	DcatitStatus last_st; /* of the last fail() */
} R;

typedef struct {
	Ctx *result;
	DcatitJson *local;
	StrMap defined; /* 1: being defined, 2: done */
	int depth;
	bool prot_default; /* the local context's @protected */
	bool override;     /* a property-scoped context may redefine them */
} Build;

static const char *const keywords[] = {
	"@base", "@container", "@context", "@direction", "@graph", "@id",
	"@import", "@included", "@index", "@json", "@language", "@list", "@nest",
	"@none", "@prefix", "@propagate", "@protected", "@reverse", "@set",
	"@type", "@value", "@version", "@vocab",
};

static bool is_keyword(const char *s)
{
	if (!s || s[0] != '@')
		return false;
	for (size_t i = 0; i < sizeof keywords / sizeof keywords[0]; i++)
		if (strcmp(s, keywords[i]) == 0)
			return true;
	return false;
}

/* "@" followed by ASCII letters only: reserved, ignored with a warning by
 * the spec. */
static bool has_keyword_form(const char *s)
{
	if (s[0] != '@' || !s[1])
		return false;
	for (const char *p = s + 1; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z')))
			return false;
	return true;
}

/* The text of a JSON string that names something (an IRI, a keyword, a
 * language, a term): NULL for a non-string and for a string holding a NUL,
 * which no IRI or tag may hold and C string functions would cut. Literal
 * values take the whole string with dcatit_json_strlen. */
static const char *jstr(const DcatitJson *v)
{
	const char *s = dcatit_json_str(v);
	return s && strlen(s) == dcatit_json_strlen(v) ? s : NULL;
}

static bool streq(const char *a, const char *b)
{
	return a && b && strcmp(a, b) == 0;
}

static bool is_absolute_iri(const char *s)
{
	return dcatit_iri_is_absolute(s);
}

static bool is_hex(unsigned char c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* An absolute IRI as RFC 3987 writes one, as far as toRdf cares: no
 * character N-Triples cannot carry, one '#' at most (a fragment holds
 * none), '%' only before two hex digits. toRdf drops triples with IRIs
 * that are not well-formed. */
static bool iri_well_formed(const char *s)
{
	if (!is_absolute_iri(s))
		return false;
	bool frag = false;
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p <= 0x20 || *p == '<' || *p == '>' || *p == '"' || *p == '{' ||
		    *p == '}' || *p == '|' || *p == '\\' || *p == '^' || *p == '`')
			return false;
		if (*p == '#') {
			if (frag)
				return false;
			frag = true;
		}
		if (*p == '%' && !(is_hex(p[1]) && is_hex(p[2])))
			return false;
	}
	return true;
}

/* BCP 47 shape: [a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})* */
static bool lang_well_formed(const char *s)
{
	size_t n = 0;
	bool first = true;
	for (const char *p = s;; p++) {
		char c = *p;
		bool alpha = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
		if (c == '-' || c == '\0') {
			if (n == 0)
				return false;
			if (c == '\0')
				return true;
			n = 0;
			first = false;
		} else if (alpha || (!first && c >= '0' && c <= '9')) {
			if (++n > 8)
				return false;
		} else {
			return false;
		}
	}
}

/* ---- small containers ---- */

static uint64_t hash_mem(const char *s, size_t n)
{
	return dcatit_hash_mem(s, n);
}

static uint32_t *strmap_getn(const StrMap *m, const char *k, size_t n)
{
	if (!m->cap)
		return NULL;
	size_t i = (size_t)hash_mem(k, n) & (m->cap - 1);
	while (m->keys[i]) {
		if (strncmp(m->keys[i], k, n) == 0 && m->keys[i][n] == '\0')
			return &m->vals[i];
		i = (i + 1) & (m->cap - 1);
	}
	return NULL;
}

static bool strmap_put(StrMap *m, const char *k, uint32_t v)
{
	uint32_t *p = strmap_getn(m, k, strlen(k));
	if (p) {
		*p = v;
		return true;
	}
	if ((m->n + 1) * 2 > m->cap) {
		size_t cap = m->cap ? m->cap * 2 : 16;
		const char **keys = calloc(cap, sizeof *keys);
		uint32_t *vals = calloc(cap, sizeof *vals);
		if (!keys || !vals) {
			free(keys);
			free(vals);
			return false;
		}
		for (size_t i = 0; i < m->cap; i++) {
			if (!m->keys[i])
				continue;
			size_t j = (size_t)hash_mem(m->keys[i], strlen(m->keys[i])) & (cap - 1);
			while (keys[j])
				j = (j + 1) & (cap - 1);
			keys[j] = m->keys[i];
			vals[j] = m->vals[i];
		}
		free(m->keys);
		free(m->vals);
		m->keys = keys;
		m->vals = vals;
		m->cap = cap;
	}
	size_t i = (size_t)hash_mem(k, strlen(k)) & (m->cap - 1);
	while (m->keys[i])
		i = (i + 1) & (m->cap - 1);
	m->keys[i] = k;
	m->vals[i] = v;
	m->n++;
	return true;
}

static void strmap_free(StrMap *m)
{
	free(m->keys);
	free(m->vals);
	memset(m, 0, sizeof *m);
}

static char *pool_strn(R *r, const char *s, size_t n)
{
	PoolChunk *c = r->pool;
	if (!c || c->cap - c->used < n + 1) {
		size_t cap = n + 1 > POOL_CHUNK ? n + 1 : POOL_CHUNK;
		c = malloc(sizeof *c + cap);
		if (!c)
			return NULL;
		c->next = r->pool;
		c->used = 0;
		c->cap = cap;
		r->pool = c;
	}
	char *p = c->data + c->used;
	memcpy(p, s, n);
	p[n] = '\0';
	c->used += n + 1;
	return p;
}

static char *pool_str(R *r, const char *s)
{
	return s ? pool_strn(r, s, strlen(s)) : NULL;
}

static bool items_add(Items *it, DcatitTermId id, ItemKind kind)
{
	if (it->discard)
		return true;
	Item *v = dcatit_grow(it->v, &it->cap, it->n + 1, sizeof *v, 8);
	if (!v)
		return false;
	it->v = v;
	it->v[it->n++] = (Item){id, kind};
	return true;
}

/* ---- errors and locations ---- */

static bool push(R *r, const char *key, size_t idx)
{
	if (r->npath >= r->max_depth)
		return false;
	r->path[r->npath++] = (PathSeg){key, idx};
	return true;
}

static void pop(R *r)
{
	r->npath--;
}

static DcatitStatus fail(R *r, DcatitStatus st, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Fill d with the message, the line of the innermost object and the JSON
 * pointer of the failing value. */
static DcatitStatus fail(R *r, DcatitStatus st, const char *fmt, ...)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	dcatit_buf_vaddf(&b, _(fmt), ap);
	va_end(ap);
	/* TRANSLATORS: followed by a JSON pointer and ")" */
	dcatit_buf_adds(&b, _(" (at "));
	if (!r->npath)
		dcatit_buf_adds(&b, _("the top level"));
	for (size_t i = 0; i < r->npath; i++) {
		dcatit_buf_addc(&b, '/');
		if (!r->path[i].key) {
			dcatit_buf_addf(&b, "%zu", r->path[i].idx);
			continue;
		}
		for (const char *p = r->path[i].key; *p; p++) {
			if (*p == '~')
				dcatit_buf_adds(&b, "~0");
			else if (*p == '/')
				dcatit_buf_adds(&b, "~1");
			else
				dcatit_buf_addc(&b, *p);
		}
	}
	dcatit_buf_addc(&b, ')');
	dcatit_diag_set(r->d, st, r->name, r->cur_line, 0, "%s",
	                b.oom ? dcatit_strerror(DCATIT_ERR_NOMEM) : b.data);
	dcatit_buf_release(&b);
	r->last_st = st;
	return st;
}

static DcatitStatus nomem(R *r)
{
	r->last_st = DCATIT_ERR_NOMEM;
	return dcatit_diag_set(r->d, DCATIT_ERR_NOMEM, r->name, 0, 0, "out of memory");
}

static DcatitStatus too_deep(R *r)
{
	r->last_st = DCATIT_ERR_LIMIT;
	return dcatit_diag_set(r->d, DCATIT_ERR_LIMIT, r->name, r->cur_line, 0,
	                       "JSON-LD nested deeper than %zu levels", r->max_depth);
}

/* Fibonacci hashing of a pointer: the high bits of the product. */
static size_t ptr_slot(const R *r, const DcatitJson *o)
{
	uint64_t h = (uint64_t)(uintptr_t)o * 0x9E3779B97F4A7C15ull;
	return (size_t)(h >> 32) & (r->ocap - 1);
}

static uint32_t obj_line(const R *r, const DcatitJson *o)
{
	if (!r->ocap)
		return 0;
	size_t i = ptr_slot(r, o);
	while (r->okey[i]) {
		if (r->okey[i] == o)
			return r->oline[i];
		i = (i + 1) & (r->ocap - 1);
	}
	return 0;
}

static void obj_line_put(R *r, const DcatitJson *o, uint32_t line)
{
	size_t i = ptr_slot(r, o);
	while (r->okey[i] && r->okey[i] != o)
		i = (i + 1) & (r->ocap - 1);
	r->okey[i] = o;
	r->oline[i] = line;
}

/* Pre-order walk of the parsed tree: objects iterate their members in
 * document order, so the k-th object met is the k-th '{' of the text. */
static bool walk_lines(R *r, const DcatitJson *j, const uint32_t *lines, size_t n,
                       size_t *k, size_t depth)
{
	if (depth > r->max_depth + 1)
		return false;
	if (dcatit_json_is_object(j)) {
		if (*k >= n)
			return false;
		obj_line_put(r, j, lines[(*k)++]);
		const char *key;
		DcatitJson *v;
		for (void *jit = NULL; dcatit_json_next(j, &jit, &key, &v);)
			if (!walk_lines(r, v, lines, n, k, depth + 1))
				return false;
	} else if (dcatit_json_is_array(j)) {
		for (size_t i = 0; i < dcatit_json_size(j); i++)
			if (!walk_lines(r, dcatit_json_at(j, i), lines, n, k, depth + 1))
				return false;
	}
	return true;
}

/* Record the line of every '{' of the (valid) JSON text, check the nesting
 * cap, and map each object of the tree to its line. Lines stay 0 when the
 * two disagree (duplicate keys: the parser keeps the last value). */
static DcatitStatus map_lines(R *r, const char *s, size_t len, const DcatitJson *root)
{
	uint32_t *lines = NULL;
	size_t n = 0, cap = 0, depth = 0;
	uint32_t line = 1;
	bool in_str = false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (in_str) {
			if (c == '\\')
				i++;
			else if (c == '"')
				in_str = false;
			continue;
		}
		switch (c) {
		case '\n': line++; break;
		case '"': in_str = true; break;
		case '{':
			if (n == cap) {
				uint32_t *nl = dcatit_grow(lines, &cap, n + 1, sizeof *nl, 256);
				if (!nl) {
					free(lines);
					return nomem(r);
				}
				lines = nl;
			}
			lines[n++] = line;
			/* fall through */
		case '[':
			if (++depth > r->max_depth) {
				free(lines);
				r->cur_line = line;
				return too_deep(r);
			}
			break;
		case '}':
		case ']':
			depth--;
			break;
		default:
			break;
		}
	}
	size_t ocap = 16;
	while (ocap < n * 2)
		ocap *= 2;
	r->okey = calloc(ocap, sizeof *r->okey);
	r->oline = calloc(ocap, sizeof *r->oline);
	if (!r->okey || !r->oline) {
		free(lines);
		return nomem(r);
	}
	r->ocap = ocap;
	size_t k = 0;
	if (!walk_lines(r, root, lines, n, &k, 0) || k != n) {
		memset(r->okey, 0, ocap * sizeof *r->okey);
		r->ocap = 0; /* unknown lines: 0 everywhere */
	}
	free(lines);
	return DCATIT_OK;
}

/* ---- IRIs ---- */

/* Resolve a relative reference against the base (RFC 3986 §5.2, rdf/iri). */
static void resolve_iri(const char *base, const char *ref, DcatitBuf *out)
{
	dcatit_iri_resolve(base, ref, out); /* out->oom tells the caller */
}

/* ---- contexts ---- */

static Ctx *ctx_new(R *r, const Ctx *from)
{
	Ctx *c = calloc(1, sizeof *c);
	if (!c)
		return NULL;
	c->all_next = r->all;
	r->all = c;
	if (from) {
		c->base = from->base;
		c->orig_base = from->orig_base;
		c->vocab = from->vocab;
		c->lang = from->lang;
		c->prev = from->prev;
		c->any_protected = from->any_protected;
	}
	return c;
}

static void ctx_free_all(R *r)
{
	while (r->all) {
		Ctx *c = r->all;
		r->all = c->all_next;
		free(c->defs);
		strmap_free(&c->index);
		free(c);
	}
}

static const TermDef *lookup_n(const Ctx *c, const char *term, size_t n)
{
	for (; c; c = c->parent) {
		uint32_t *i = strmap_getn(&c->index, term, n);
		if (i)
			return c->defs[*i].undefined ? NULL : &c->defs[*i];
	}
	return NULL;
}

static const TermDef *lookup(const Ctx *c, const char *term)
{
	return term ? lookup_n(c, term, strlen(term)) : NULL;
}

static bool ctx_set(Ctx *c, const TermDef *def)
{
	uint32_t *i = strmap_getn(&c->index, def->term, strlen(def->term));
	if (i) {
		c->defs[*i] = *def;
		return true;
	}
	TermDef *d = dcatit_grow(c->defs, &c->cap, c->ndefs + 1, sizeof *d, 16);
	if (!d)
		return false;
	c->defs = d;
	c->defs[c->ndefs] = *def;
	if (!strmap_put(&c->index, def->term, (uint32_t)c->ndefs))
		return false;
	c->ndefs++;
	return true;
}

static DcatitStatus define_term(R *r, Build *b, const char *term);
static DcatitStatus process_context(R *r, Ctx *active, DcatitJson *local, bool propagate,
                                    bool override, bool memo, Ctx **out);

/* IRI Expansion (JSON-LD 1.1 API 5.2) into out. b is the context being
 * built (terms it defines are created on demand) or NULL. Returns 1 with
 * the result in out, 0 when the value expands to null, -1 on error. */
static int expand_iri(R *r, const Ctx *active, const char *value, bool doc_rel,
                      bool vocab, Build *b, DcatitBuf *out)
{
	dcatit_buf_clear(out);
	if (is_keyword(value)) {
		dcatit_buf_adds(out, value);
		return out->oom ? (nomem(r), -1) : 1;
	}
	if (has_keyword_form(value))
		return 0;
	if (b && dcatit_json_get(b->local, value)) {
		uint32_t *st = strmap_getn(&b->defined, value, strlen(value));
		if ((!st || *st != 2) && define_term(r, b, value))
			return -1;
	}
	const TermDef *def = lookup(active, value);
	if (def && def->iri && is_keyword(def->iri)) {
		dcatit_buf_adds(out, def->iri);
		return out->oom ? (nomem(r), -1) : 1;
	}
	if (vocab && def) {
		if (!def->iri)
			return 0;
		dcatit_buf_adds(out, def->iri);
		return out->oom ? (nomem(r), -1) : 1;
	}
	const char *colon = value[0] ? strchr(value + 1, ':') : NULL;
	if (colon) {
		size_t np = (size_t)(colon - value);
		const char *suffix = colon + 1;
		if ((np == 1 && value[0] == '_') || (suffix[0] == '/' && suffix[1] == '/')) {
			dcatit_buf_adds(out, value);
			return out->oom ? (nomem(r), -1) : 1;
		}
		if (b) {
			char *prefix = malloc(np + 1);
			if (!prefix)
				return nomem(r), -1;
			memcpy(prefix, value, np);
			prefix[np] = '\0';
			DcatitStatus st = DCATIT_OK;
			if (dcatit_json_get(b->local, prefix)) {
				uint32_t *s = strmap_getn(&b->defined, prefix, np);
				if (!s || *s != 2)
					st = define_term(r, b, prefix);
			}
			free(prefix);
			if (st)
				return -1;
		}
		const TermDef *pd = lookup_n(active, value, np);
		if (pd && pd->iri && pd->prefix) {
			dcatit_buf_adds(out, pd->iri);
			dcatit_buf_adds(out, suffix);
			return out->oom ? (nomem(r), -1) : 1;
		}
		if (is_absolute_iri(value)) {
			dcatit_buf_adds(out, value);
			return out->oom ? (nomem(r), -1) : 1;
		}
	}
	if (vocab && active->vocab) {
		dcatit_buf_adds(out, active->vocab);
		dcatit_buf_adds(out, value);
	} else if (doc_rel && active->base) {
		resolve_iri(active->base, value, out);
	} else {
		dcatit_buf_adds(out, value);
	}
	return out->oom ? (nomem(r), -1) : 1;
}

/* Same, into a string from the pool (for term definitions). */
static int expand_iri_pooled(R *r, const Ctx *active, const char *value, bool doc_rel,
                             bool vocab, Build *b, const char **res)
{
	DcatitBuf out;
	dcatit_buf_init(&out);
	int k = expand_iri(r, active, value, doc_rel, vocab, b, &out);
	*res = NULL;
	if (k == 1 && !(*res = pool_strn(r, out.data, out.len))) {
		nomem(r);
		k = -1;
	}
	dcatit_buf_release(&out);
	return k;
}

static bool ends_with_gen_delim(const char *s)
{
	size_t n = strlen(s);
	return n && strchr(":/?#[]@", s[n - 1]);
}

static DcatitStatus parse_container(R *r, DcatitJson *v, unsigned *out)
{
	static const struct {
		const char *name;
		unsigned flag;
	} names[] = {
		{"@list", C_LIST}, {"@set", C_SET}, {"@index", C_INDEX},
		{"@language", C_LANGUAGE}, {"@id", C_ID}, {"@type", C_TYPE},
		{"@graph", C_GRAPH},
	};
	*out = 0;
	if (dcatit_json_is_null(v))
		return DCATIT_OK;
	size_t n = dcatit_json_is_array(v) ? dcatit_json_size(v) : 1;
	for (size_t i = 0; i < n; i++) {
		DcatitJson *e = dcatit_json_is_array(v) ? dcatit_json_at(v, i) : v;
		const char *s = jstr(e);
		size_t k = 0;
		while (s && k < sizeof names / sizeof names[0] && strcmp(s, names[k].name) != 0)
			k++;
		if (!s || k == sizeof names / sizeof names[0])
			return fail(r, DCATIT_ERR_SYNTAX, "invalid container mapping");
		*out |= names[k].flag;
	}
	unsigned c = *out;
	/* @list stands alone; the others combine with @set, @graph with @id
	 * or @index */
	if ((c & C_LIST) && c != C_LIST)
		return fail(r, DCATIT_ERR_SYNTAX, "invalid container mapping (@list combined)");
	unsigned base = c & ~(C_SET | C_GRAPH);
	if ((base & (base - 1)) != 0 || ((c & C_GRAPH) && (base & ~(C_ID | C_INDEX))))
		return fail(r, DCATIT_ERR_SYNTAX, "invalid container mapping");
	return DCATIT_OK;
}

static bool same_str(const char *a, const char *b)
{
	return a == b || (a && b && strcmp(a, b) == 0);
}

/* Two definitions of a term are the same, @protected aside (4.2.2 step 27). */
static bool same_def(const TermDef *a, const TermDef *b)
{
	return same_str(a->iri, b->iri) && same_str(a->type, b->type) &&
	       a->has_lang == b->has_lang && same_str(a->lang, b->lang) &&
	       same_str(a->index, b->index) && a->container == b->container &&
	       a->reverse == b->reverse && a->prefix == b->prefix &&
	       (a->ctx == b->ctx || (a->ctx && b->ctx && dcatit_json_equal(a->ctx, b->ctx)));
}

/* Create Term Definition (JSON-LD 1.1 API 4.2.2). */
static DcatitStatus define_term(R *r, Build *b, const char *term_in)
{
	DcatitJson *value;
	const char *term = dcatit_json_key(b->local, term_in, &value); /* stable while we run */
	if (!term)
		return DCATIT_OK;
	uint32_t *st = strmap_getn(&b->defined, term, strlen(term));
	if (st && *st == 2)
		return DCATIT_OK;
	if (st)
		return fail(r, DCATIT_ERR_SYNTAX, "cyclic IRI mapping for term '%s'", term);
	if (!*term)
		return fail(r, DCATIT_ERR_SYNTAX, "invalid term definition: empty term");
	if (b->depth >= MAX_TERM_NESTING)
		return fail(r, DCATIT_ERR_LIMIT, "term definitions depend on each other "
		            "more than %d deep", MAX_TERM_NESTING);
	if (!strmap_put(&b->defined, term, 1))
		return nomem(r);
	b->depth++;
	if (!push(r, term, 0))
		return too_deep(r);
	DcatitStatus s = DCATIT_OK;
	TermDef def;
	memset(&def, 0, sizeof def);
	def.term = pool_str(r, term);
	if (!def.term) {
		s = nomem(r);
		goto out;
	}
	const TermDef *prevp = lookup(b->result, term);
	TermDef prev;
	if (prevp)
		prev = *prevp; /* a copy: ctx_set below may move the table */
	DcatitJson *pv = dcatit_json_is_object(value) ? dcatit_json_get(value, "@protected") : NULL;
	def.prot = pv ? dcatit_json_is_true(pv) : b->prot_default;
	if (strcmp(term, "@type") == 0) {
		const char *k;
		DcatitJson *v;
		bool ok = dcatit_json_is_object(value) && dcatit_json_size(value) > 0;
		for (void *jit = NULL; dcatit_json_next(value, &jit, &k, &v);) {
			if (strcmp(k, "@container") == 0)
				ok = ok && streq(jstr(v), "@set");
			else if (strcmp(k, "@protected") != 0)
				ok = false;
		}
		if (!ok) {
			s = fail(r, DCATIT_ERR_SYNTAX, "keyword redefinition: '@type'");
			goto out;
		}
		def.iri = "@type";
		/* as written: a later definition without @container differs */
		def.container = dcatit_json_get(value, "@container") ? C_SET : 0;
		goto store;
	}
	if (is_keyword(term)) {
		s = fail(r, DCATIT_ERR_SYNTAX, "keyword redefinition: '%s'", term);
		goto out;
	}
	if (has_keyword_form(term))
		goto done; /* reserved: ignored */
	/* the previous definition is removed first (step 5) */
	def.undefined = true;
	if (!ctx_set(b->result, &def)) {
		s = nomem(r);
		goto out;
	}
	def.undefined = false;

	bool simple = false;
	DcatitJson *idv = NULL;
	bool has_id = false;
	if (dcatit_json_is_null(value)) {
		has_id = true; /* maps to null */
	} else if (dcatit_json_is_string(value)) {
		simple = true;
		idv = value;
		has_id = true;
	} else if (dcatit_json_is_object(value)) {
		static const char *const allowed[] = {
			"@id", "@reverse", "@type", "@language", "@direction", "@container",
			"@context", "@index", "@nest", "@prefix", "@protected",
		};
		const char *k;
		DcatitJson *v;
		for (void *jit = NULL; dcatit_json_next(value, &jit, &k, &v);) {
			size_t a = 0;
			while (a < sizeof allowed / sizeof allowed[0] && strcmp(k, allowed[a]) != 0)
				a++;
			if (a == sizeof allowed / sizeof allowed[0]) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid term definition: "
				         "unexpected key '%s'", k);
				goto out;
			}
		}
		idv = dcatit_json_get(value, "@id");
		has_id = idv != NULL;
	} else {
		s = fail(r, DCATIT_ERR_SYNTAX, "invalid term definition");
		goto out;
	}

	if (dcatit_json_is_object(value)) {
		DcatitJson *v;
		if ((v = dcatit_json_get(value, "@protected")) && !dcatit_json_is_bool(v)) {
			s = fail(r, DCATIT_ERR_SYNTAX, "invalid @protected value");
			goto out;
		}
		if ((v = dcatit_json_get(value, "@type"))) {
			const char *ty = jstr(v);
			if (!ty) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid type mapping (not a string)");
				goto out;
			}
			int k = expand_iri_pooled(r, b->result, ty, false, true, b, &def.type);
			if (k < 0) {
				s = r->last_st;
				goto out;
			}
			if (k == 0 || !(streq(def.type, "@id") || streq(def.type, "@json") ||
			                 streq(def.type, "@none") || streq(def.type, "@vocab") ||
			                 is_absolute_iri(def.type)) ||
			    strncmp(def.type, "_:", 2) == 0) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid type mapping '%s'", ty);
				goto out;
			}
		}
		if ((v = dcatit_json_get(value, "@reverse"))) {
			const char *rv = jstr(v);
			if (has_id || dcatit_json_get(value, "@nest")) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid reverse property "
				         "(@reverse with @id or @nest)");
				goto out;
			}
			if (!rv) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid IRI mapping (@reverse "
				         "not a string)");
				goto out;
			}
			if (has_keyword_form(rv))
				goto done;
			int k = expand_iri_pooled(r, b->result, rv, false, true, b, &def.iri);
			if (k < 0) {
				s = r->last_st;
				goto out;
			}
			if (k == 0 || !strchr(def.iri, ':')) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid IRI mapping '%s'", rv);
				goto out;
			}
			if ((v = dcatit_json_get(value, "@container"))) {
				if ((s = parse_container(r, v, &def.container)))
					goto out;
				if (def.container & ~(C_SET | C_INDEX)) {
					s = fail(r, DCATIT_ERR_SYNTAX, "invalid reverse property "
					         "(container must be @set or @index)");
					goto out;
				}
			}
			def.reverse = true;
			goto store;
		}
	}

	if (has_id && (!idv || dcatit_json_is_null(idv))) {
		def.iri = NULL;
	} else if (has_id && !dcatit_json_is_string(idv)) {
		s = fail(r, DCATIT_ERR_SYNTAX, "invalid IRI mapping (not a string)");
		goto out;
	} else if (has_id && strcmp(jstr(idv), term) != 0) {
		const char *iv = jstr(idv);
		if (!is_keyword(iv) && has_keyword_form(iv))
			goto done;
		int k = expand_iri_pooled(r, b->result, iv, false, true, b, &def.iri);
		if (k < 0) {
			s = r->last_st;
			goto out;
		}
		if (k == 0 || (!is_keyword(def.iri) && !strchr(def.iri, ':'))) {
			s = fail(r, DCATIT_ERR_SYNTAX, "invalid IRI mapping '%s' for term '%s'",
			         iv, term);
			goto out;
		}
		if (strcmp(def.iri, "@context") == 0) {
			s = fail(r, DCATIT_ERR_SYNTAX, "invalid keyword alias '@context'");
			goto out;
		}
		size_t tl = strlen(term);
		bool inner_colon = tl > 2 && memchr(term + 1, ':', tl - 2) != NULL;
		if (inner_colon || strchr(term, '/')) {
			const char *self;
			*strmap_getn(&b->defined, term, tl) = 2;
			int k2 = expand_iri_pooled(r, b->result, term, false, true, b, &self);
			*strmap_getn(&b->defined, term, tl) = 1;
			if (k2 < 0) {
				s = r->last_st;
				goto out;
			}
			if (k2 == 0 || strcmp(self, def.iri) != 0) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid IRI mapping: term '%s' "
				         "looks like an IRI but maps to '%s'", term, def.iri);
				goto out;
			}
		}
		if (!strchr(term, ':') && !strchr(term, '/') && simple &&
		    (ends_with_gen_delim(def.iri) || strncmp(def.iri, "_:", 2) == 0))
			def.prefix = true;
	} else if (term[0] && strchr(term + 1, ':')) {
		const char *colon = strchr(term + 1, ':');
		size_t np = (size_t)(colon - term);
		char *prefix = malloc(np + 1);
		if (!prefix) {
			s = nomem(r);
			goto out;
		}
		memcpy(prefix, term, np);
		prefix[np] = '\0';
		if (dcatit_json_get(b->local, prefix))
			s = define_term(r, b, prefix);
		const TermDef *pd = s ? NULL : lookup(b->result, prefix);
		free(prefix);
		if (s)
			goto out;
		if (pd && pd->iri) {
			DcatitBuf t;
			dcatit_buf_init(&t);
			dcatit_buf_adds(&t, pd->iri);
			dcatit_buf_adds(&t, colon + 1);
			def.iri = t.oom ? NULL : pool_strn(r, t.data, t.len);
			dcatit_buf_release(&t);
		} else {
			def.iri = pool_str(r, term);
		}
		if (!def.iri) {
			s = nomem(r);
			goto out;
		}
	} else if (strchr(term, '/')) {
		int k = expand_iri_pooled(r, b->result, term, false, true, b, &def.iri);
		if (k < 0) {
			s = r->last_st;
			goto out;
		}
		if (k == 0 || !is_absolute_iri(def.iri)) {
			s = fail(r, DCATIT_ERR_SYNTAX, "invalid IRI mapping for term '%s'", term);
			goto out;
		}
	} else if (b->result->vocab) {
		DcatitBuf t;
		dcatit_buf_init(&t);
		dcatit_buf_adds(&t, b->result->vocab);
		dcatit_buf_adds(&t, term);
		def.iri = t.oom ? NULL : pool_strn(r, t.data, t.len);
		dcatit_buf_release(&t);
		if (!def.iri) {
			s = nomem(r);
			goto out;
		}
	} else {
		s = fail(r, DCATIT_ERR_SYNTAX, "invalid IRI mapping: term '%s' has no "
		         "@id and there is no @vocab", term);
		goto out;
	}

	if (dcatit_json_is_object(value)) {
		DcatitJson *v;
		if ((v = dcatit_json_get(value, "@container"))) {
			if ((s = parse_container(r, v, &def.container)))
				goto out;
			if (def.container & C_TYPE) {
				if (!def.type)
					def.type = "@id";
				else if (!streq(def.type, "@id") && !streq(def.type, "@vocab")) {
					s = fail(r, DCATIT_ERR_SYNTAX, "invalid type mapping for a "
					         "@type container");
					goto out;
				}
			}
		}
		if ((v = dcatit_json_get(value, "@index"))) {
			const char *iv = jstr(v);
			if (!(def.container & C_INDEX) || !iv || is_keyword(iv)) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid term definition (@index)");
				goto out;
			}
			if (!(def.index = pool_str(r, iv))) {
				s = nomem(r);
				goto out;
			}
		}
		if ((v = dcatit_json_get(value, "@context"))) {
			/* 4.2.2 step 21: a scoped context must be valid even if no
			 * value ever uses it; one naming a remote context fails
			 * where it is used, since it is never fetched */
			Ctx *tmp;
			DcatitStatus cs = process_context(r, b->result, v, true, true, false, &tmp);
			if (cs == DCATIT_ERR_UNSUPPORTED) {
				dcatit_diag_init(r->d);
			} else if (cs == DCATIT_ERR_SYNTAX && r->d) {
				/* the inner error, said to be about this scoped context */
				DcatitBuf why;
				dcatit_buf_init(&why);
				dcatit_buf_addf(&why, _("invalid scoped context of term '%s': %s"), term,
				                r->d->message);
				if (!why.oom)
					snprintf(r->d->message, sizeof r->d->message, "%s", why.data);
				dcatit_buf_release(&why);
				s = cs;
				goto out;
			} else if (cs) {
				s = cs;
				goto out;
			}
			def.ctx = v;
		}
		if ((v = dcatit_json_get(value, "@language")) && !dcatit_json_get(value, "@type")) {
			if (!dcatit_json_is_null(v) && !dcatit_json_is_string(v)) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid language mapping");
				goto out;
			}
			def.has_lang = true;
			if (dcatit_json_is_string(v) && !(def.lang = pool_str(r, jstr(v)))) {
				s = nomem(r);
				goto out;
			}
		}
		if ((v = dcatit_json_get(value, "@direction")) && !dcatit_json_is_null(v) &&
		    !streq(jstr(v), "ltr") && !streq(jstr(v), "rtl")) {
			s = fail(r, DCATIT_ERR_SYNTAX, "invalid base direction");
			goto out;
		}
		if ((v = dcatit_json_get(value, "@nest"))) {
			const char *nv = jstr(v);
			if (!nv || (is_keyword(nv) && strcmp(nv, "@nest") != 0)) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid @nest value");
				goto out;
			}
		}
		if ((v = dcatit_json_get(value, "@prefix"))) {
			if (strchr(term, ':') || strchr(term, '/') || !dcatit_json_is_bool(v)) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid term definition (@prefix)");
				goto out;
			}
			def.prefix = dcatit_json_is_true(v);
			if (def.prefix && def.iri && is_keyword(def.iri)) {
				s = fail(r, DCATIT_ERR_SYNTAX, "invalid term definition (@prefix "
				         "on a keyword alias)");
				goto out;
			}
		}
	}
store:
	if (prevp && prev.prot && !b->override) {
		if (!same_def(&prev, &def)) {
			s = fail(r, DCATIT_ERR_SYNTAX, "protected term redefinition: '%s'", term);
			goto out;
		}
		def = prev; /* stays protected */
	}
	if (def.prot)
		b->result->any_protected = true;
	if (!ctx_set(b->result, &def)) {
		s = nomem(r);
		goto out;
	}
	if (def.prefix && def.iri && !is_keyword(def.iri) &&
	    strncmp(def.iri, "_:", 2) != 0 &&
	    dcatit_model_add_prefix(r->m, def.term, def.iri)) {
		s = nomem(r);
		goto out;
	}
done:
	*strmap_getn(&b->defined, term, strlen(term)) = 2;
out:
	pop(r);
	b->depth--;
	return s;
}

static DcatitStatus remote_context(R *r, const char *iri)
{
	return fail(r, DCATIT_ERR_UNSUPPORTED, "remote @context <%s> is not fetched; "
	            "inline the context", iri);
}

/* Context Processing (JSON-LD 1.1 API 4.1.2) of local against active;
 * memo: remember the result (scoped contexts, which recur). */
static DcatitStatus process_context(R *r, Ctx *active, DcatitJson *local, bool propagate,
                                    bool override, bool memo, Ctx **out)
{
	size_t nm = active->nmemo < MEMO_SLOTS ? active->nmemo : MEMO_SLOTS;
	for (size_t i = 0; memo && i < nm; i++)
		if (active->memo[i].local == local && active->memo[i].propagate == propagate) {
			*out = active->memo[i].result;
			return DCATIT_OK;
		}
	uint32_t saved_line = r->cur_line;
	bool prop = propagate;
	if (dcatit_json_is_object(local)) {
		DcatitJson *p = dcatit_json_get(local, "@propagate");
		if (p && !dcatit_json_is_bool(p))
			return fail(r, DCATIT_ERR_SYNTAX, "invalid @propagate value");
		if (p)
			prop = dcatit_json_is_true(p);
	}
	Ctx *result = ctx_new(r, active);
	if (!result)
		return nomem(r);
	result->parent = active;
	if (!prop && !result->prev)
		result->prev = active;
	size_t n = dcatit_json_is_array(local) ? dcatit_json_size(local) : 1;
	DcatitStatus st = DCATIT_OK;
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	for (size_t i = 0; i < n && !st; i++) {
		DcatitJson *c = dcatit_json_is_array(local) ? dcatit_json_at(local, i) : local;
		bool pushed = dcatit_json_is_array(local);
		if (pushed && !push(r, NULL, i)) {
			st = too_deep(r);
			break;
		}
		if (dcatit_json_is_null(c)) {
			Ctx *fresh = NULL;
			if (!override && result->any_protected)
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid context nullification "
				          "(the context has protected terms)");
			else if (!(fresh = ctx_new(r, NULL)))
				st = nomem(r);
			if (fresh) {
				fresh->base = fresh->orig_base = active->orig_base;
				if (!prop)
					fresh->prev = result;
				result = fresh;
			}
		} else if (dcatit_json_is_string(c)) {
			st = remote_context(r, jstr(c));
		} else if (!dcatit_json_is_object(c)) {
			st = fail(r, DCATIT_ERR_SYNTAX, "invalid local context");
		} else {
			uint32_t l = obj_line(r, c);
			if (l)
				r->cur_line = l;
			DcatitJson *v;
			double ver = 0;
			if ((v = dcatit_json_get(c, "@version")) &&
			    !(dcatit_json_number(v, &ver) && ver == 1.1))
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid @version value");
			else if ((v = dcatit_json_get(c, "@import")))
				st = dcatit_json_is_string(v) ? remote_context(r, jstr(v))
				                              : fail(r, DCATIT_ERR_SYNTAX, "invalid @import value");
			if (!st && (v = dcatit_json_get(c, "@base"))) {
				const char *bv = jstr(v);
				if (dcatit_json_is_null(v)) {
					result->base = NULL;
				} else if (!bv) {
					st = fail(r, DCATIT_ERR_SYNTAX, "invalid base IRI");
				} else if (is_absolute_iri(bv)) {
					if (!(result->base = pool_str(r, bv)))
						st = nomem(r);
				} else if (result->base) {
					resolve_iri(result->base, bv, &tmp);
					if (tmp.oom || !(result->base = pool_strn(r, tmp.data, tmp.len)))
						st = nomem(r);
				} else {
					st = fail(r, DCATIT_ERR_SYNTAX, "invalid base IRI '%s' "
					          "(relative, and no document base)", bv);
				}
			}
			if (!st && (v = dcatit_json_get(c, "@vocab"))) {
				const char *vv = jstr(v);
				if (dcatit_json_is_null(v)) {
					result->vocab = NULL;
				} else if (!vv) {
					st = fail(r, DCATIT_ERR_SYNTAX, "invalid vocab mapping");
				} else {
					const char *res;
					int k = expand_iri_pooled(r, result, vv, true, true, NULL, &res);
					if (k < 0)
						st = r->last_st;
					else if (k == 0 || (!is_absolute_iri(res) && strncmp(res, "_:", 2) != 0))
						st = fail(r, DCATIT_ERR_SYNTAX, "invalid vocab mapping '%s'", vv);
					else
						result->vocab = res;
				}
			}
			if (!st && (v = dcatit_json_get(c, "@language"))) {
				if (dcatit_json_is_null(v))
					result->lang = NULL;
				else if (!dcatit_json_is_string(v))
					st = fail(r, DCATIT_ERR_SYNTAX, "invalid default language");
				else if (!(result->lang = pool_str(r, jstr(v))))
					st = nomem(r);
			}
			if (!st && (v = dcatit_json_get(c, "@direction")) && !dcatit_json_is_null(v) &&
			    !streq(jstr(v), "ltr") && !streq(jstr(v), "rtl"))
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid base direction");
			if (!st && (v = dcatit_json_get(c, "@protected")) && !dcatit_json_is_bool(v))
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid @protected value");
			if (!st && (v = dcatit_json_get(c, "@propagate")) && !dcatit_json_is_bool(v))
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid @propagate value");
			DcatitJson *pd = dcatit_json_get(c, "@protected");
			Build b = {result, c, {0}, 0, dcatit_json_is_true(pd), override};
			const char *k;
			for (void *jit = NULL; dcatit_json_next(c, &jit, &k, &v);) {
				if (st)
					break;
				if (strcmp(k, "@base") == 0 || strcmp(k, "@direction") == 0 ||
				    strcmp(k, "@import") == 0 || strcmp(k, "@language") == 0 ||
				    strcmp(k, "@propagate") == 0 || strcmp(k, "@protected") == 0 ||
				    strcmp(k, "@version") == 0 || strcmp(k, "@vocab") == 0)
					continue;
				st = define_term(r, &b, k);
			}
			strmap_free(&b.defined);
		}
		if (pushed)
			pop(r);
	}
	dcatit_buf_release(&tmp);
	r->cur_line = saved_line;
	if (st)
		return st;
	if (memo)
		active->memo[active->nmemo++ % MEMO_SLOTS] = (Memo){local, propagate, result};
	*out = result;
	return DCATIT_OK;
}

/* ---- terms and triples ---- */

/* A node identifier: "_:x" is a blank node scoped to this document; an
 * absolute well-formed IRI; anything else 0 (dropped, as toRdf does). */
static DcatitTermId node_term(R *r, const char *s)
{
	if (s[0] == '_' && s[1] == ':') {
		r->label.len = r->label_prefix;
		dcatit_terms_write_label(s + 2, strlen(s + 2), &r->label);
		if (r->label.oom)
			return 0;
		return dcatit_terms_bnode(r->t, r->label.data, r->label.len);
	}
	if (!iri_well_formed(s)) {
		r->dropped++;
		return 0;
	}
	return dcatit_terms_iri_z(r->t, s);
}

static DcatitStatus emit(R *r, DcatitTermId s, DcatitTermId p, DcatitTermId o,
                         uint32_t line)
{
	if (!s || !p || !o || r->drop_graph)
		return DCATIT_OK;
	DcatitStatus st = dcatit_model_add_quad(r->m, s, p, o, r->graph,
	                                        (DcatitLoc){r->file, line});
	if (st == DCATIT_ERR_USAGE)
		return DCATIT_OK; /* a blank node predicate: not RDF, toRdf drops it */
	if (st)
		return nomem(r);
	r->triples++;
	return DCATIT_OK;
}

/* Shortest round-trip decimal digits of v > 0: digits (no dot, no trailing
 * zeros) and the exponent of the first digit. */
static void shortest_digits(double v, char *digits, size_t cap, int *exp10)
{
	char tmp[40];
	for (int p = 1; p <= 17; p++) {
		snprintf(tmp, sizeof tmp, "%.*e", p - 1, v);
		if (strtod(tmp, NULL) == v)
			break;
	}
	size_t n = 0;
	const char *q = tmp;
	for (; *q && *q != 'e' && n + 1 < cap; q++)
		if (*q >= '0' && *q <= '9')
			digits[n++] = *q;
	while (n > 1 && digits[n - 1] == '0')
		n--;
	digits[n] = '\0';
	*exp10 = *q == 'e' ? (int)strtol(q + 1, NULL, 10) : 0;
}

/* xsd:double canonical form as toRdf writes it (JSON-LD 1.1 API 8.6:
 * JavaScript's toExponential(15), trailing zeros of the mantissa dropped):
 * 16 significant digits, "1.1E0", "-5.0E-1", "1.797693134862316E308". */
static void double_lexical(double v, DcatitBuf *out)
{
	if (v == 0) {
		dcatit_buf_adds(out, signbit(v) ? "-0.0E0" : "0.0E0");
		return;
	}
	char tmp[40];
	snprintf(tmp, sizeof tmp, "%.15e", v);
	char *e = strchr(tmp, 'e');
	if (!e)
		return;
	char *z = e;
	while (z > tmp + 1 && z[-1] == '0' && z[-2] != '.')
		z--;
	dcatit_buf_add(out, tmp, (size_t)(z - tmp));
	dcatit_buf_addf(out, "E%ld", strtol(e + 1, NULL, 10));
}

/* A number as ECMAScript prints it (JSON canonicalisation, RFC 8785). */
static void es_number(double v, DcatitBuf *out)
{
	if (v == 0) {
		dcatit_buf_addc(out, '0');
		return;
	}
	if (v < 0)
		dcatit_buf_addc(out, '-');
	char digits[32];
	int e;
	shortest_digits(fabs(v), digits, sizeof digits, &e);
	int k = (int)strlen(digits), n = e + 1;
	if (k <= n && n <= 21) {
		dcatit_buf_adds(out, digits);
		for (int i = k; i < n; i++)
			dcatit_buf_addc(out, '0');
	} else if (0 < n && n <= 21) {
		dcatit_buf_add(out, digits, (size_t)n);
		dcatit_buf_addc(out, '.');
		dcatit_buf_adds(out, digits + n);
	} else if (-6 < n && n <= 0) {
		dcatit_buf_adds(out, "0.");
		for (int i = 0; i < -n; i++)
			dcatit_buf_addc(out, '0');
		dcatit_buf_adds(out, digits);
	} else {
		dcatit_buf_addc(out, digits[0]);
		if (k > 1) {
			dcatit_buf_addc(out, '.');
			dcatit_buf_adds(out, digits + 1);
		}
		dcatit_buf_addf(out, "e%c%d", n - 1 < 0 ? '-' : '+', abs(n - 1));
	}
}

static int cmp_keys(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The canonical text of a JSON value (RFC 8785: sorted keys, no blanks),
 * the lexical form of rdf:JSON literals. Keys sort by UTF-8 bytes, which
 * differs from UTF-16 order only for keys mixing characters above U+FFFF
 * with U+E000..U+FFFF. */
static bool jcs(const DcatitJson *j, DcatitBuf *out, size_t depth)
{
	/* the document's nesting was capped before; this only guards the stack */
	if (depth > 4096)
		return false;
	switch (dcatit_json_kind(j)) {
	case DCATIT_JSON_NULL: dcatit_buf_adds(out, "null"); break;
	case DCATIT_JSON_TRUE: dcatit_buf_adds(out, "true"); break;
	case DCATIT_JSON_FALSE: dcatit_buf_adds(out, "false"); break;
	case DCATIT_JSON_INTEGER: {
		long long n = 0;
		dcatit_json_int(j, &n);
		dcatit_buf_addf(out, "%lld", n);
		break;
	}
	case DCATIT_JSON_REAL: {
		double x = 0;
		dcatit_json_number(j, &x);
		es_number(x, out);
		break;
	}
	case DCATIT_JSON_STRING: {
		const char *s = dcatit_json_str(j);
		size_t n = dcatit_json_strlen(j);
		dcatit_buf_addc(out, '"');
		for (size_t i = 0; i < n; i++) {
			unsigned char c = (unsigned char)s[i];
			switch (c) {
			case '"': dcatit_buf_adds(out, "\\\""); break;
			case '\\': dcatit_buf_adds(out, "\\\\"); break;
			case '\b': dcatit_buf_adds(out, "\\b"); break;
			case '\f': dcatit_buf_adds(out, "\\f"); break;
			case '\n': dcatit_buf_adds(out, "\\n"); break;
			case '\r': dcatit_buf_adds(out, "\\r"); break;
			case '\t': dcatit_buf_adds(out, "\\t"); break;
			default:
				if (c < 0x20)
					dcatit_buf_addf(out, "\\u%04x", c);
				else
					dcatit_buf_addc(out, (char)c);
			}
		}
		dcatit_buf_addc(out, '"');
		break;
	}
	case DCATIT_JSON_ARRAY:
		dcatit_buf_addc(out, '[');
		for (size_t i = 0; i < dcatit_json_size(j); i++) {
			if (i)
				dcatit_buf_addc(out, ',');
			if (!jcs(dcatit_json_at(j, i), out, depth + 1))
				return false;
		}
		dcatit_buf_addc(out, ']');
		break;
	case DCATIT_JSON_OBJECT: {
		size_t n = dcatit_json_size(j), i = 0;
		const char **keys = malloc((n ? n : 1) * sizeof *keys);
		if (!keys)
			return false;
		const char *k;
		DcatitJson *v;
		for (void *jit = NULL; dcatit_json_next(j, &jit, &k, &v);)
			keys[i++] = k;
		qsort(keys, n, sizeof *keys, cmp_keys);
		dcatit_buf_addc(out, '{');
		bool ok = true;
		for (i = 0; i < n && ok; i++) {
			if (i)
				dcatit_buf_addc(out, ',');
			DcatitJson *ks = dcatit_json_string(keys[i]);
			ok = ks && jcs(ks, out, depth + 1);
			dcatit_json_free(ks);
			dcatit_buf_addc(out, ':');
			ok = ok && jcs(dcatit_json_get(j, keys[i]), out, depth + 1);
		}
		free(keys);
		dcatit_buf_addc(out, '}');
		return ok && !out->oom;
	}
	}
	return !out->oom;
}

static DcatitStatus json_literal(R *r, const DcatitJson *v, Items *out)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	bool ok = jcs(v, &b, 0);
	DcatitTermId id = ok ? dcatit_terms_literal(r->t, b.data, b.len, r->rdf_json, NULL) : 0;
	dcatit_buf_release(&b);
	if (!id || !items_add(out, id, IT_LIT))
		return nomem(r);
	return DCATIT_OK;
}

/* Object to RDF for a JSON scalar with an optional datatype IRI and
 * language; *id 0 when toRdf drops it (ill-formed language tag). */
static DcatitStatus scalar_literal(R *r, const DcatitJson *v, const char *dt_iri,
                                   const char *lang, DcatitTermId *id)
{
	*id = 0;
	DcatitTermId dt = 0;
	if (dt_iri) {
		if (!iri_well_formed(dt_iri)) {
			r->dropped++;
			return DCATIT_OK;
		}
		if (!(dt = dcatit_terms_iri_z(r->t, dt_iri)))
			return nomem(r);
	}
	DcatitBuf b;
	dcatit_buf_init(&b);
	if (dcatit_json_is_string(v)) {
		if (lang && *lang && !dt) {
			if (!lang_well_formed(lang)) {
				r->dropped++;
				return DCATIT_OK;
			}
			/* tags compare case-insensitively: lower case, as jsonld.js
			 * and raptor's RDF/XML and N-Triples parsers write them */
			for (const char *c = lang; *c; c++)
				dcatit_buf_addc(&b, *c >= 'A' && *c <= 'Z' ? (char)(*c - 'A' + 'a') : *c);
			*id = b.oom ? 0 : dcatit_terms_literal(r->t, dcatit_json_str(v),
			                                       dcatit_json_strlen(v), 0, b.data);
			dcatit_buf_release(&b);
		} else {
			*id = dcatit_terms_literal(r->t, dcatit_json_str(v), dcatit_json_strlen(v),
			                           dt, NULL);
		}
		return *id ? DCATIT_OK : nomem(r);
	}
	if (dcatit_json_is_bool(v)) {
		dcatit_buf_adds(&b, dcatit_json_is_true(v) ? "true" : "false");
		if (!dt)
			dt = r->xsd_boolean;
	} else if (dcatit_json_is_integer(v) && dt != r->xsd_double) {
		long long n = 0;
		dcatit_json_int(v, &n);
		dcatit_buf_addf(&b, "%lld", n);
		if (!dt)
			dt = r->xsd_integer;
	} else {
		double d = 0;
		dcatit_json_number(v, &d);
		if (d != floor(d) || fabs(d) >= 1e21 || dt == r->xsd_double) {
			double_lexical(d, &b);
			if (!dt)
				dt = r->xsd_double;
		} else {
			dcatit_buf_addf(&b, "%.0f", d == 0 ? 0.0 : d);
			if (!dt)
				dt = r->xsd_integer;
		}
	}
	if (!b.oom)
		*id = dcatit_terms_literal(r->t, b.data, b.len, dt, NULL);
	dcatit_buf_release(&b);
	return *id ? DCATIT_OK : nomem(r);
}

/* Build an rdf:List of items; *head is rdf:nil when empty. */
static DcatitStatus make_list(R *r, const Items *items, uint32_t line, DcatitTermId *head)
{
	DcatitTermId next = r->rdf_nil;
	for (size_t i = items->n; i-- > 0;) {
		DcatitTermId b = dcatit_terms_bnode_fresh(r->t);
		if (!b)
			return nomem(r);
		DcatitStatus st = emit(r, b, r->rdf_first, items->v[i].id, line);
		if (!st)
			st = emit(r, b, r->rdf_rest, next, line);
		if (st)
			return st;
		next = b;
	}
	*head = next;
	return DCATIT_OK;
}

/* ---- expansion to triples ---- */

static DcatitStatus expand(R *r, Ctx *active, const char *aprop, DcatitJson *el,
                           bool from_map, const Force *force, Items *out,
                           bool *listobj, uint32_t line);

/* Value Expansion (5.3.2) of a scalar under active property aprop. */
static DcatitStatus value_expand(R *r, Ctx *active, const char *aprop, DcatitJson *v,
                                 Items *out)
{
	const TermDef *def = aprop ? lookup(active, aprop) : NULL;
	const char *tm = def ? def->type : NULL;
	if (dcatit_json_is_string(v) && (streq(tm, "@id") || streq(tm, "@vocab"))) {
		DcatitBuf b;
		dcatit_buf_init(&b);
		int k = expand_iri(r, active, jstr(v), true, streq(tm, "@vocab"),
		                   NULL, &b);
		DcatitTermId id = k == 1 ? node_term(r, b.data) : 0;
		dcatit_buf_release(&b);
		if (k < 0)
			return r->last_st;
		if (!id && r->label.oom)
			return nomem(r);
		/* an IRI toRdf cannot write (id 0) still takes its place in a
		 * list: only its rdf:first triple is dropped */
		if (!items_add(out, id, IT_NODE))
			return nomem(r);
		return DCATIT_OK;
	}
	if (streq(tm, "@json"))
		return json_literal(r, v, out);
	const char *dt = tm && tm[0] != '@' ? tm : NULL;
	const char *lang = NULL;
	if (dcatit_json_is_string(v) && !dt)
		lang = def && def->has_lang ? def->lang : active->lang;
	DcatitTermId id;
	DcatitStatus st = scalar_literal(r, v, dt, lang, &id);
	if (!st && id && !items_add(out, id, IT_LIT))
		st = nomem(r);
	return st;
}

typedef struct {
	const char *key;
	DcatitJson *val;
	size_t off;   /* of the expanded key in the keys buffer */
	bool null;    /* key expands to null: dropped */
	const char *exp;
} Key;

/* Expand every key of obj with active into keys[] (exp points into buf). */
static DcatitStatus expand_keys(R *r, const Ctx *active, DcatitJson *obj, Key *keys,
                                DcatitBuf *buf)
{
	DcatitBuf one;
	dcatit_buf_init(&one);
	dcatit_buf_clear(buf);
	size_t i = 0;
	const char *k;
	DcatitJson *v;
	for (void *jit = NULL; dcatit_json_next(obj, &jit, &k, &v);) {
		keys[i].key = k;
		keys[i].val = v;
		int e = expand_iri(r, active, k, false, true, NULL, &one);
		if (e < 0) {
			dcatit_buf_release(&one);
			return r->last_st;
		}
		keys[i].null = e == 0;
		keys[i].off = buf->len;
		if (e == 1)
			dcatit_buf_add(buf, one.data, one.len);
		dcatit_buf_addc(buf, '\0');
		i++;
	}
	dcatit_buf_release(&one);
	if (buf->oom)
		return nomem(r);
	for (size_t j = 0; j < i; j++)
		keys[j].exp = keys[j].null ? NULL : buf->data + keys[j].off;
	return DCATIT_OK;
}

/* Where the @graph of a node object goes: the graph it names. */
typedef struct {
	DcatitTermId name; /* 0: the default graph (the top-level wrapper) */
	bool drop;         /* a name that is not well-formed: drop its triples */
} NodeGraph;

static DcatitStatus node_props(R *r, Ctx *active, DcatitTermId s, Key *keys,
                               size_t nkeys, uint32_t line, const NodeGraph *ng);

/* Language map (container @language): { "it": "..." , "@none": ... }. */
static DcatitStatus language_map(R *r, Ctx *active, DcatitJson *map, Items *out)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitStatus st = DCATIT_OK;
	const char *k;
	DcatitJson *v;
	for (void *jit = NULL; dcatit_json_next(map, &jit, &k, &v);) {
		if (!push(r, k, 0)) {
			st = too_deep(r);
			break;
		}
		int e = expand_iri(r, active, k, false, true, NULL, &b);
		if (e < 0) {
			st = r->last_st;
			pop(r);
			break;
		}
		const char *lang = (e == 1 && strcmp(b.data, "@none") == 0) ||
		                   strcmp(k, "@none") == 0 ? NULL : k;
		size_t n = dcatit_json_is_array(v) ? dcatit_json_size(v) : 1;
		for (size_t i = 0; i < n && !st; i++) {
			DcatitJson *item = dcatit_json_is_array(v) ? dcatit_json_at(v, i) : v;
			if (dcatit_json_is_null(item))
				continue;
			if (!dcatit_json_is_string(item)) {
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid language map value "
				          "(not a string)");
				break;
			}
			DcatitTermId id;
			st = scalar_literal(r, item, NULL, lang, &id);
			if (!st && id && !items_add(out, id, IT_LIT))
				st = nomem(r);
		}
		pop(r);
		if (st)
			break;
	}
	dcatit_buf_release(&b);
	return st;
}

/* The property of a property-valued index (@index in the term
 * definition), into *p (0 when it is not an IRI toRdf can write). */
static DcatitStatus index_property(R *r, Ctx *active, const TermDef *def, DcatitTermId *p)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitStatus st = DCATIT_OK;
	int e = expand_iri(r, active, def->index, false, true, NULL, &b);
	if (e < 0)
		st = r->last_st;
	else if (e == 1 && iri_well_formed(b.data) && !(*p = dcatit_terms_iri_z(r->t, b.data)))
		st = nomem(r);
	dcatit_buf_release(&b);
	return st;
}

/* Index, id and type maps: the keys say something about the values. */
static DcatitStatus index_map(R *r, Ctx *active, const char *key, const TermDef *def,
                              DcatitJson *map, Items *out, uint32_t line)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitStatus st = DCATIT_OK;
	DcatitTermId idx_p = 0;
	if (def->index)
		st = index_property(r, active, def, &idx_p);
	const char *k;
	DcatitJson *v;
	for (void *jit = NULL; dcatit_json_next(map, &jit, &k, &v);) {
		if (st)
			break;
		if (!push(r, k, 0)) {
			st = too_deep(r);
			break;
		}
		Force f = {0};
		int e = 1;
		bool none = strcmp(k, "@none") == 0;
		if (!none) {
			e = expand_iri(r, active, k, false, true, NULL, &b);
			none = e == 1 && strcmp(b.data, "@none") == 0;
		}
		char *idkey = NULL;
		if (e < 0) {
			st = r->last_st;
		} else if (none) {
			/* no index, id or type */
		} else if (def->container & C_TYPE) {
			if (e == 1 && !(f.type = node_term(r, b.data)) && r->label.oom)
				st = nomem(r);
		} else if (def->container & C_ID) {
			e = expand_iri(r, active, k, true, false, NULL, &b);
			if (e < 0)
				st = r->last_st;
			else if (e == 1 && !(f.id = idkey = strdup(b.data)))
				st = nomem(r);
		} else if (idx_p) {
			DcatitJson *ks = dcatit_json_string(k);
			Items lit = {0};
			st = ks ? value_expand(r, active, def->index, ks, &lit) : nomem(r);
			dcatit_json_free(ks);
			if (!st && lit.n) {
				f.idx_p = idx_p;
				f.idx_o = lit.v[0].id;
			}
			free(lit.v);
		}
		/* 13.8.3: id and type maps expand their values in the context
		 * before any type-scoped one (which ends here), and a type map
		 * applies the scoped context of the type its key names */
		Ctx *map_ctx = active;
		if ((def->container & (C_ID | C_TYPE)) && active->prev)
			map_ctx = active->prev;
		const TermDef *kd = (def->container & C_TYPE) && !none ? lookup(map_ctx, k) : NULL;
		if (!st && kd && kd->ctx)
			st = process_context(r, map_ctx, kd->ctx, true, false, true, &map_ctx);
		Items items = {0};
		if (!st)
			st = expand(r, map_ctx, key, v, true, &f, &items, NULL, line);
		for (size_t i = 0; i < items.n && !st; i++) {
			if (items.v[i].kind == IT_NODE) {
				st = emit(r, items.v[i].id, r->rdf_type, f.type, line);
				if (!st)
					st = emit(r, items.v[i].id, f.idx_p, f.idx_o, line);
			} else if (f.idx_p) {
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid value object in a "
				          "property-valued index map");
			}
			if (!st && !items_add(out, items.v[i].id, items.v[i].kind))
				st = nomem(r);
		}
		free(items.v);
		free(idkey);
		pop(r);
	}
	dcatit_buf_release(&b);
	return st;
}

/* Is v a graph object: a map with @graph and no other entry than @id,
 * @index and @context? Such a value of a graph container map is a graph
 * already and is not wrapped again (expansion 13.8.3.7: "if item is not a
 * graph object" in an @id or @index map). */
static int is_graph_object(R *r, const Ctx *active, DcatitJson *v)
{
	if (!dcatit_json_is_object(v))
		return 0;
	DcatitBuf b;
	dcatit_buf_init(&b);
	bool graph = false, other = false;
	const char *k;
	DcatitJson *x;
	for (void *jit = NULL; dcatit_json_next(v, &jit, &k, &x);) {
		int e = expand_iri(r, active, k, false, true, NULL, &b);
		if (e < 0) {
			dcatit_buf_release(&b);
			return -1;
		}
		if (e == 0)
			continue;
		if (strcmp(b.data, "@graph") == 0)
			graph = true;
		else if (strcmp(b.data, "@id") != 0 && strcmp(b.data, "@index") != 0 &&
		         strcmp(b.data, "@context") != 0)
			other = true;
	}
	dcatit_buf_release(&b);
	return graph && !other;
}

/* One value of a @graph container: its nodes go to a graph named gname
 * (fresh when 0, the map key of an @id map else), merged into the model;
 * the value is the graph's name. In a map, a value that is a graph object
 * already names its own graph (or takes gname as its @id). */
static DcatitStatus graph_value(R *r, Ctx *active, const char *key, DcatitJson *v,
                                bool map, DcatitTermId gname, const char *gname_iri,
                                Items *out, uint32_t line)
{
	/* only an @id or @index map takes a graph object as it is: a plain
	 * @graph container wraps every value, graphs too */
	int go = map ? is_graph_object(r, active, v) : 0;
	if (go < 0)
		return r->last_st;
	if (go) {
		Force f = {0};
		f.id = gname_iri;
		return expand(r, active, key, v, true, &f, out, NULL, line);
	}
	Items content = {.discard = true};
	if (!gname && !(gname = dcatit_terms_bnode_fresh(r->t)))
		return nomem(r);
	DcatitTermId saved = r->graph;
	r->graph = gname;
	DcatitStatus st = expand(r, active, key, v, false, NULL, &content, NULL, line);
	r->graph = saved;
	if (!st && !items_add(out, gname, IT_NODE))
		st = nomem(r);
	r->named_graphs++;
	return st;
}

/* Graph containers (@graph, with @id or @index maps): each value is a
 * named graph; with @id the map keys name them, with a property-valued
 * @index the key becomes a value of that property of the graph's node. */
static DcatitStatus graph_container(R *r, Ctx *active, const char *key, const TermDef *def,
                                    DcatitJson *value, Items *out, uint32_t line)
{
	unsigned cont = def->container;
	DcatitStatus st = DCATIT_OK;
	if (!(cont & (C_ID | C_INDEX)) || !dcatit_json_is_object(value)) {
		size_t n = dcatit_json_is_array(value) ? dcatit_json_size(value) : 1;
		for (size_t i = 0; i < n && !st; i++) {
			if (dcatit_json_is_array(value) && !push(r, NULL, i))
				return too_deep(r);
			st = graph_value(r, active, key,
			                 dcatit_json_is_array(value) ? dcatit_json_at(value, i) : value,
			                 false, 0, NULL, out, line);
			if (dcatit_json_is_array(value))
				pop(r);
		}
		return st;
	}
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitTermId idx_p = 0;
	if ((cont & C_INDEX) && def->index)
		st = index_property(r, active, def, &idx_p);
	const char *k;
	DcatitJson *v;
	for (void *jit = NULL; dcatit_json_next(value, &jit, &k, &v);) {
		if (st)
			break;
		if (!push(r, k, 0)) {
			st = too_deep(r);
			break;
		}
		DcatitTermId gname = 0, idx_o = 0;
		char *gname_iri = NULL;
		bool none = strcmp(k, "@none") == 0;
		if (!none) {
			int e = expand_iri(r, active, k, false, true, NULL, &b);
			if (e < 0)
				st = r->last_st;
			none = e == 1 && strcmp(b.data, "@none") == 0;
		}
		if (!st && !none && (cont & C_ID)) {
			int e = expand_iri(r, active, k, true, false, NULL, &b);
			if (e < 0)
				st = r->last_st;
			else if (e == 1 && !(gname_iri = dcatit_strdup(b.data)))
				st = nomem(r);
			else if (e == 1)
				gname = node_term(r, b.data);
		}
		if (!st && !none && idx_p) {
			DcatitJson *ks = dcatit_json_string(k);
			Items lit = {0};
			st = ks ? value_expand(r, active, def->index, ks, &lit) : nomem(r);
			dcatit_json_free(ks);
			if (!st && lit.n)
				idx_o = lit.v[0].id;
			free(lit.v);
		}
		size_t n = dcatit_json_is_array(v) ? dcatit_json_size(v) : 1;
		for (size_t i = 0; i < n && !st; i++) {
			DcatitJson *item = dcatit_json_is_array(v) ? dcatit_json_at(v, i) : v;
			if (dcatit_json_is_null(item))
				continue;
			size_t before = out->n;
			st = graph_value(r, active, key, item, true, gname, gname_iri, out, line);
			for (size_t j = before; j < out->n && !st; j++)
				st = emit(r, out->v[j].id, idx_p, idx_o, line);
		}
		free(gname_iri);
		pop(r);
	}
	dcatit_buf_release(&b);
	return st;
}

/* Values of one property of node s: expand, wrap into a list when the
 * term says @list, and link. */
static DcatitStatus add_property(R *r, Ctx *active, DcatitTermId s, uint32_t line,
                                 const char *key, const char *piri, DcatitJson *value,
                                 bool reverse_map)
{
	const TermDef *def = lookup(active, key);
	bool reverse = def && def->reverse;
	if (reverse_map)
		reverse = !reverse;
	unsigned cont = def ? def->container : 0;
	DcatitTermId p = 0;
	if (iri_well_formed(piri) && !(p = dcatit_terms_iri_z(r->t, piri)))
		return nomem(r);
	Items items = {0};
	bool lo = false;
	DcatitStatus st;
	if (def && streq(def->type, "@json")) {
		st = json_literal(r, value, &items);
	} else if (cont & C_GRAPH) {
		st = graph_container(r, active, key, def, value, &items, line);
	} else if ((cont & C_LANGUAGE) && dcatit_json_is_object(value)) {
		st = language_map(r, active, value, &items);
	} else if ((cont & (C_INDEX | C_ID | C_TYPE)) && dcatit_json_is_object(value)) {
		st = index_map(r, active, key, def, value, &items, line);
	} else {
		st = expand(r, active, key, value, false, NULL, &items, &lo, line);
	}
	if (!st && (cont & C_LIST) && !lo) {
		DcatitTermId head;
		st = make_list(r, &items, line, &head);
		items.n = 0;
		if (!st && !items_add(&items, head, IT_LIST))
			st = nomem(r);
	}
	for (size_t i = 0; i < items.n && !st; i++) {
		if (!reverse) {
			st = emit(r, s, p, items.v[i].id, line);
		} else if (items.v[i].kind != IT_NODE) {
			st = fail(r, DCATIT_ERR_SYNTAX, "invalid reverse property value "
			          "(a literal or a list)");
		} else {
			st = emit(r, items.v[i].id, p, s, line);
		}
	}
	free(items.v);
	return st;
}

/* The @id given inside the @nest objects of a node (expansion 14 reads
 * their entries as the node's own), into *id (borrowed from the
 * document); two @id entries collide. */
static DcatitStatus nested_id(R *r, Ctx *active, const Key *keys, size_t nk,
                              const char **id, size_t depth)
{
	if (depth > r->max_depth)
		return too_deep(r);
	DcatitStatus st = DCATIT_OK;
	for (size_t i = 0; i < nk && !st; i++) {
		if (!keys[i].exp || strcmp(keys[i].exp, "@nest") != 0)
			continue;
		Ctx *nctx = active;
		const TermDef *nd = lookup(active, keys[i].key);
		if (nd && nd->ctx &&
		    (st = process_context(r, active, nd->ctx, true, true, true, &nctx)))
			break;
		DcatitJson *v = keys[i].val;
		size_t n = dcatit_json_is_array(v) ? dcatit_json_size(v) : 1;
		for (size_t j = 0; j < n && !st; j++) {
			DcatitJson *o = dcatit_json_is_array(v) ? dcatit_json_at(v, j) : v;
			if (!dcatit_json_is_object(o))
				continue; /* node_keyword reports it */
			size_t m = dcatit_json_size(o);
			Key *sub = calloc(m ? m : 1, sizeof *sub);
			DcatitBuf kb;
			dcatit_buf_init(&kb);
			st = sub ? expand_keys(r, nctx, o, sub, &kb) : nomem(r);
			for (size_t k = 0; k < m && !st; k++) {
				if (!sub[k].exp || strcmp(sub[k].exp, "@id") != 0)
					continue;
				if (*id)
					st = fail(r, DCATIT_ERR_SYNTAX, "colliding keywords: @id "
					          "given twice (in a @nest object)");
				else if (!(*id = jstr(sub[k].val)))
					st = fail(r, DCATIT_ERR_SYNTAX, "invalid @id value (not a string)");
			}
			if (!st)
				st = nested_id(r, nctx, sub, m, id, depth + 1);
			free(sub);
			dcatit_buf_release(&kb);
		}
	}
	return st;
}

/* The @type entry k of node s (or of an object nested in it): one
 * rdf:type triple per value, expanded with type_ctx. */
static DcatitStatus node_types(R *r, Ctx *type_ctx, DcatitTermId s, const Key *k,
                               uint32_t line)
{
	DcatitJson *v = k->val;
	size_t n = dcatit_json_is_array(v) ? dcatit_json_size(v) : 1;
	if (!push(r, k->key, 0))
		return too_deep(r);
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitStatus st = DCATIT_OK;
	for (size_t j = 0; j < n && !st; j++) {
		const char *tv = jstr(dcatit_json_is_array(v) ? dcatit_json_at(v, j) : v);
		if (!tv) {
			st = fail(r, DCATIT_ERR_SYNTAX, "invalid type value (not a string)");
			break;
		}
		int e = expand_iri(r, type_ctx, tv, true, true, NULL, &b);
		if (e < 0)
			st = r->last_st;
		else if (e == 1)
			st = emit(r, s, r->rdf_type, node_term(r, b.data), line);
	}
	dcatit_buf_release(&b);
	pop(r);
	return st;
}

/* Expand the values of the keyword key of node s (the keywords that hold
 * something other than properties). */
static DcatitStatus node_keyword(R *r, Ctx *active, DcatitTermId s, const Key *k,
                                 uint32_t line, const NodeGraph *ng)
{
	const char *e = k->exp;
	DcatitJson *v = k->val;
	DcatitStatus st = DCATIT_OK;
	if (strcmp(e, "@reverse") == 0) {
		if (!dcatit_json_is_object(v))
			return fail(r, DCATIT_ERR_SYNTAX, "invalid @reverse value (not an object)");
		DcatitBuf b;
		dcatit_buf_init(&b);
		const char *rk;
		DcatitJson *rv;
		for (void *jit = NULL; dcatit_json_next(v, &jit, &rk, &rv);) {
			if (!push(r, rk, 0)) {
				st = too_deep(r);
				break;
			}
			int x = expand_iri(r, active, rk, false, true, NULL, &b);
			if (x < 0)
				st = r->last_st;
			else if (x == 1 && is_keyword(b.data))
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid reverse property map "
				          "(keyword '%s')", rk);
			else if (x == 1 && strchr(b.data, ':'))
				st = add_property(r, active, s, line, rk, b.data, rv, true);
			pop(r);
			if (st)
				break;
		}
		dcatit_buf_release(&b);
		return st;
	}
	if (strcmp(e, "@graph") == 0 || strcmp(e, "@included") == 0) {
		bool inc = e[1] == 'i';
		Items items = {.discard = !inc};
		DcatitTermId saved = r->graph;
		bool saved_drop = r->drop_graph;
		if (!inc && ng) {
			r->graph = ng->name ? ng->name : r->graph;
			r->drop_graph = r->drop_graph || ng->drop;
		}
		st = expand(r, active, inc ? "@included" : "@graph", v, false, NULL, &items,
		            NULL, line);
		r->graph = saved;
		r->drop_graph = saved_drop;
		for (size_t i = 0; i < items.n && !st && inc; i++)
			if (items.v[i].kind != IT_NODE)
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid @included value (not a "
				          "node object)");
		free(items.v);
		return st;
	}
	if (strcmp(e, "@nest") == 0) {
		/* expansion 14: the entries of a nested object are the node's,
		 * read with the scoped context of the @nest alias if it has one */
		Ctx *nctx = active;
		const TermDef *nd = lookup(active, k->key);
		if (nd && nd->ctx && (st = process_context(r, active, nd->ctx, true, true, true, &nctx)))
			return st;
		size_t n = dcatit_json_is_array(v) ? dcatit_json_size(v) : 1;
		for (size_t i = 0; i < n && !st; i++) {
			DcatitJson *o = dcatit_json_is_array(v) ? dcatit_json_at(v, i) : v;
			if (dcatit_json_is_array(v) && !push(r, NULL, i))
				return too_deep(r);
			if (!dcatit_json_is_object(o)) {
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid @nest value (not an object)");
			} else {
				size_t nk = dcatit_json_size(o);
				Key *keys = calloc(nk ? nk : 1, sizeof *keys);
				DcatitBuf kb;
				dcatit_buf_init(&kb);
				st = keys ? expand_keys(r, nctx, o, keys, &kb) : nomem(r);
				for (size_t j = 0; j < nk && !st; j++)
					if (keys[j].exp && streq(keys[j].exp, "@value"))
						st = fail(r, DCATIT_ERR_SYNTAX, "invalid @nest value "
						          "(a value object)");
				/* its @type values type the node (its @id named it) */
				for (size_t j = 0; j < nk && !st; j++)
					if (keys[j].exp && streq(keys[j].exp, "@type"))
						st = node_types(r, nctx, s, &keys[j], line);
				if (!st)
					st = node_props(r, nctx, s, keys, nk, line, ng);
				free(keys);
				dcatit_buf_release(&kb);
			}
			if (dcatit_json_is_array(v))
				pop(r);
		}
		return st;
	}
	if (strcmp(e, "@index") == 0 && !dcatit_json_is_string(v))
		return fail(r, DCATIT_ERR_SYNTAX, "invalid @index value");
	if (strcmp(e, "@language") == 0 && !dcatit_json_is_string(v))
		return fail(r, DCATIT_ERR_SYNTAX, "invalid language-tagged string");
	/* @index, @language, @direction and the other keywords carry nothing
	 * for the graph here */
	return DCATIT_OK;
}

/* The properties and keywords of a node object (or of a @nest object). */
static DcatitStatus node_props(R *r, Ctx *active, DcatitTermId s, Key *keys,
                               size_t nkeys, uint32_t line, const NodeGraph *ng)
{
	DcatitStatus st = DCATIT_OK;
	for (size_t i = 0; i < nkeys && !st; i++) {
		const Key *k = &keys[i];
		if (!k->exp)
			continue;
		if (strcmp(k->exp, "@id") == 0 || strcmp(k->exp, "@type") == 0 ||
		    strcmp(k->exp, "@context") == 0)
			continue;
		if (!push(r, k->key, 0))
			return too_deep(r);
		if (k->exp[0] == '@') {
			st = node_keyword(r, active, s, k, line, ng);
		} else if (strchr(k->exp, ':')) {
			st = add_property(r, active, s, line, k->key, k->exp, k->val, false);
		} /* else: neither IRI nor keyword, dropped by expansion */
		pop(r);
	}
	return st;
}

/* Apply the type-scoped contexts of obj's @type values (sorted), as
 * expansion step 11 says. */
static DcatitStatus type_scoped(R *r, Ctx *type_ctx, Key *keys, size_t nkeys,
                                Ctx **active)
{
	for (size_t i = 0; i < nkeys; i++) {
		if (!keys[i].exp || strcmp(keys[i].exp, "@type") != 0)
			continue;
		DcatitJson *v = keys[i].val;
		size_t n = dcatit_json_is_array(v) ? dcatit_json_size(v) : 1;
		const char **vals = calloc(n ? n : 1, sizeof *vals);
		if (!vals)
			return nomem(r);
		size_t m = 0;
		for (size_t j = 0; j < n; j++) {
			const char *s = jstr(dcatit_json_is_array(v) ? dcatit_json_at(v, j) : v);
			if (s)
				vals[m++] = s;
		}
		qsort(vals, m, sizeof *vals, cmp_keys);
		DcatitStatus st = DCATIT_OK;
		for (size_t j = 0; j < m && !st; j++) {
			const TermDef *d = lookup(type_ctx, vals[j]);
			if (d && d->ctx)
				st = process_context(r, *active, d->ctx, false, false, true, active);
		}
		free(vals);
		if (st)
			return st;
	}
	return DCATIT_OK;
}

/* Does the object hold @language and nothing else that expands? */
static bool only_language(const Key *keys, size_t nk)
{
	bool lang = false;
	for (size_t i = 0; i < nk; i++) {
		if (!keys[i].exp || strcmp(keys[i].exp, "@context") == 0)
			continue;
		if (strcmp(keys[i].exp, "@language") != 0)
			return false;
		lang = true;
	}
	return lang;
}

static int cmp_key(const void *a, const void *b)
{
	return strcmp(((const Key *)a)->key, ((const Key *)b)->key);
}

/* Expansion of a JSON object: value object, list, set or node object. */
static DcatitStatus expand_object(R *r, Ctx *active, const char *aprop, DcatitJson *obj,
                                  bool from_map, const Force *force, Items *out,
                                  bool *listobj, uint32_t pline)
{
	uint32_t line = obj_line(r, obj);
	if (!line)
		line = pline;
	uint32_t saved_line = r->cur_line;
	r->cur_line = line;
	size_t nk = dcatit_json_size(obj);
	Key *keys = calloc(nk ? nk : 1, sizeof *keys);
	DcatitBuf kb, tb;
	dcatit_buf_init(&kb);
	dcatit_buf_init(&tb);
	DcatitStatus st = keys ? DCATIT_OK : nomem(r);
	const TermDef *apdef = aprop ? lookup(active, aprop) : NULL;
	DcatitJson *scoped = apdef ? apdef->ctx : NULL;

	if (!st && active->prev && !from_map) {
		/* a non-propagated context ends at a nested node object */
		st = expand_keys(r, active, obj, keys, &kb);
		bool keep = false;
		for (size_t i = 0; i < nk && !st; i++)
			if (keys[i].exp && strcmp(keys[i].exp, "@value") == 0)
				keep = true;
		if (nk == 1 && keys[0].exp && strcmp(keys[0].exp, "@id") == 0)
			keep = true;
		if (!keep)
			active = active->prev;
	}
	if (!st && scoped)
		st = process_context(r, active, scoped, true, true, true, &active);
	DcatitJson *lc = dcatit_json_get(obj, "@context");
	if (!st && lc) {
		if (!push(r, "@context", 0)) {
			st = too_deep(r);
		} else {
			st = process_context(r, active, lc, true, false, false, &active);
			pop(r);
		}
	}
	Ctx *type_ctx = active;
	if (!st)
		st = expand_keys(r, active, obj, keys, &kb);
	if (!st) {
		qsort(keys, nk, sizeof *keys, cmp_key);
		/* exp pointers survive the sort: they point into kb */
		Ctx *before = active;
		st = type_scoped(r, type_ctx, keys, nk, &active);
		if (!st && active != before) {
			st = expand_keys(r, active, obj, keys, &kb);
			if (!st)
				qsort(keys, nk, sizeof *keys, cmp_key);
		}
	}
	/* two entries for one keyword (an alias and the keyword itself) are an
	 * error; @type, @included and @nest may come under several keys (5.1.2
	 * step 13.4.2, and 14 for the @nest aliases) */
	for (size_t i = 0; i < nk && !st; i++) {
		const char *e = keys[i].exp;
		if (!e || e[0] != '@' || strcmp(e, "@type") == 0 || strcmp(e, "@included") == 0 ||
		    strcmp(e, "@nest") == 0)
			continue;
		for (size_t j = i + 1; j < nk && !st; j++)
			if (keys[j].exp && strcmp(keys[j].exp, e) == 0)
				st = fail(r, DCATIT_ERR_SYNTAX, "colliding keywords: '%s' and '%s' "
				          "are both %s", keys[i].key, keys[j].key, e);
	}
	const Key *kv = NULL, *kl = NULL, *ks = NULL;
	for (size_t i = 0; i < nk && !st; i++) {
		const char *e = keys[i].exp;
		if (!e)
			continue;
		if (strcmp(e, "@value") == 0)
			kv = &keys[i];
		else if (strcmp(e, "@list") == 0)
			kl = &keys[i];
		else if (strcmp(e, "@set") == 0)
			ks = &keys[i];
	}
	bool top = !aprop || strcmp(aprop, "@graph") == 0;
	if (st) {
		/* fall through to cleanup */
	} else if (kv) {
		/* value object */
		const Key *kt = NULL, *klang = NULL;
		for (size_t i = 0; i < nk && !st; i++) {
			const char *e = keys[i].exp;
			if (!e || &keys[i] == kv)
				continue;
			if (strcmp(e, "@type") == 0)
				kt = &keys[i];
			else if (strcmp(e, "@language") == 0)
				klang = &keys[i];
			else if (strcmp(e, "@index") == 0 && !dcatit_json_is_string(keys[i].val))
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid @index value (not a string)");
			else if (strcmp(e, "@direction") != 0 && strcmp(e, "@index") != 0 &&
			         strcmp(e, "@context") != 0)
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid value object: unexpected "
				          "key '%s'", keys[i].key);
		}
		const char *dt = NULL;
		bool is_json = false;
		if (!st && kt) {
			if (klang)
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid value object: both @type "
				          "and @language");
			else if (!dcatit_json_is_string(kt->val))
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid typed value (@type not "
				          "a string)");
			else {
				int e = expand_iri(r, type_ctx, jstr(kt->val), true, true,
				                   NULL, &tb);
				if (e < 0)
					st = r->last_st;
				else if (e == 1 && strcmp(tb.data, "@json") == 0)
					is_json = true;
				else if (e == 0 || !iri_well_formed(tb.data))
					st = fail(r, DCATIT_ERR_SYNTAX, "invalid typed value '%s'",
					          jstr(kt->val));
				else
					dt = tb.data;
			}
		}
		if (!st && klang && !dcatit_json_is_string(klang->val))
			st = fail(r, DCATIT_ERR_SYNTAX, "invalid language-tagged string");
		DcatitJson *val = kv->val;
		if (st || top) {
			/* error, or a free-floating value: dropped */
		} else if (is_json) {
			st = json_literal(r, val, out);
		} else if (dcatit_json_is_null(val)) {
			/* dropped */
		} else if (!dcatit_json_is_string(val) && !dcatit_json_is_number(val) &&
		           !dcatit_json_is_bool(val)) {
			st = fail(r, DCATIT_ERR_SYNTAX, "invalid value object value (an "
			          "object or array)");
		} else if (klang && !dcatit_json_is_string(val)) {
			st = fail(r, DCATIT_ERR_SYNTAX, "invalid language-tagged value (not a "
			          "string)");
		} else {
			DcatitTermId id;
			st = scalar_literal(r, val, dt, klang ? jstr(klang->val) : NULL,
			                    &id);
			if (!st && id && !items_add(out, id, IT_LIT))
				st = nomem(r);
		}
	} else if (kl || ks) {
		const Key *k = kl ? kl : ks;
		for (size_t i = 0; i < nk && !st; i++) {
			const char *e = keys[i].exp;
			if (e && &keys[i] != k && strcmp(e, "@index") != 0 && strcmp(e, "@context") != 0)
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid set or list object: "
				          "unexpected key '%s'", keys[i].key);
		}
		if (!st && !push(r, k->key, 0))
			st = too_deep(r);
		else if (!st) {
			if (ks) {
				st = expand(r, active, aprop, k->val, false, NULL, out, NULL, line);
			} else if (!top) {
				Items items = {0};
				DcatitJson *lv = k->val;
				size_t n = dcatit_json_is_array(lv) ? dcatit_json_size(lv) : 1;
				for (size_t i = 0; i < n && !st; i++) {
					DcatitJson *item = dcatit_json_is_array(lv) ? dcatit_json_at(lv, i) : lv;
					if (dcatit_json_is_array(lv) && !push(r, NULL, i)) {
						st = too_deep(r);
						break;
					}
					if (dcatit_json_is_array(item)) {
						/* a list of lists (JSON-LD 1.1) */
						DcatitJson *wrap = dcatit_json_pair("@list", dcatit_json_ref(item));
						st = wrap ? expand(r, active, aprop, wrap, false, NULL, &items,
						                   NULL, line)
						          : nomem(r);
						dcatit_json_free(wrap);
					} else {
						st = expand(r, active, aprop, item, false, NULL, &items, NULL,
						            line);
					}
					if (dcatit_json_is_array(lv))
						pop(r);
				}
				DcatitTermId head;
				if (!st)
					st = make_list(r, &items, line, &head);
				if (!st && !items_add(out, head, IT_LIST))
					st = nomem(r);
				free(items.v);
				if (listobj)
					*listobj = true;
			}
			pop(r);
		}
	} else if (only_language(keys, nk)) {
		/* a map with only @language is no value at all (5.1.2 step 18) */
	} else {
		/* node object */
		DcatitTermId s = 0;
		const Key *kid = NULL;
		for (size_t i = 0; i < nk; i++)
			if (keys[i].exp && strcmp(keys[i].exp, "@id") == 0)
				kid = &keys[i];
		DcatitBuf b;
		dcatit_buf_init(&b);
		const char *idv = kid ? jstr(kid->val) : NULL, *nid = NULL;
		if (!st && !(kid && !idv))
			st = nested_id(r, active, keys, nk, &nid, 0);
		if (!st && nid && idv)
			st = fail(r, DCATIT_ERR_SYNTAX, "colliding keywords: @id given twice "
			          "(in the node and in a @nest object)");
		if (!kid)
			idv = nid ? nid : force ? force->id : NULL;
		if (st) {
			/* reported */
		} else if (kid && !idv) {
			if (!push(r, kid->key, 0))
				st = too_deep(r);
			else {
				st = fail(r, DCATIT_ERR_SYNTAX, "invalid @id value (not a string)");
				pop(r);
			}
		} else if (idv) {
			int e = expand_iri(r, active, idv, true, false, NULL, &b);
			if (e < 0)
				st = r->last_st;
			else if (e == 1)
				s = node_term(r, b.data);
			else
				r->dropped++; /* a keyword-like @id expands to null */
			/* s stays 0 for a relative or ill-formed IRI: the node's
			 * triples are dropped, its nested nodes are not */
		} else {
			s = dcatit_terms_bnode_fresh(r->t);
			if (!s)
				st = nomem(r);
		}
		if (r->label.oom)
			st = nomem(r);
		for (size_t i = 0; i < nk && !st; i++)
			if (keys[i].exp && strcmp(keys[i].exp, "@type") == 0)
				st = node_types(r, type_ctx, s, &keys[i], line);
		dcatit_buf_release(&b);
		/* a node with @graph names a graph unless it is the top-level
		 * wrapper of the default graph; a name toRdf cannot write (a
		 * relative IRI) drops the graph's triples */
		bool has_graph = false, other = kid != NULL;
		for (size_t i = 0; i < nk; i++) {
			if (keys[i].exp && strcmp(keys[i].exp, "@graph") == 0)
				has_graph = true;
			else if (keys[i].exp && strcmp(keys[i].exp, "@context") != 0)
				other = true;
		}
		NodeGraph ng = {0, false};
		if (has_graph && (other || aprop)) {
			r->named_graphs++;
			ng.name = s;
			ng.drop = !s;
		}
		if (!st)
			st = node_props(r, active, s, keys, nk, line, &ng);
		/* s 0 keeps the node's place in a list; its triples are dropped */
		if (!st && !items_add(out, s, IT_NODE))
			st = nomem(r);
	}
	free(keys);
	dcatit_buf_release(&kb);
	dcatit_buf_release(&tb);
	if (!st)
		r->cur_line = saved_line;
	return st;
}

/* Expansion (JSON-LD 1.1 API 5.1.2) of el under active property aprop;
 * values found go to out, triples of node objects straight to the model. */
static DcatitStatus expand(R *r, Ctx *active, const char *aprop, DcatitJson *el,
                           bool from_map, const Force *force, Items *out,
                           bool *listobj, uint32_t line)
{
	if (dcatit_json_is_null(el))
		return DCATIT_OK;
	if (dcatit_json_is_array(el)) {
		const TermDef *def = aprop ? lookup(active, aprop) : NULL;
		bool list = def && (def->container & C_LIST);
		DcatitStatus st = DCATIT_OK;
		for (size_t i = 0; i < dcatit_json_size(el) && !st; i++) {
			DcatitJson *item = dcatit_json_at(el, i);
			if (!push(r, NULL, i))
				return too_deep(r);
			if (list && dcatit_json_is_array(item)) {
				DcatitJson *wrap = dcatit_json_pair("@list", dcatit_json_ref(item));
				st = wrap ? expand(r, active, aprop, wrap, from_map, NULL, out, NULL, line)
				          : nomem(r);
				dcatit_json_free(wrap);
			} else {
				st = expand(r, active, aprop, item, from_map, force, out, NULL, line);
			}
			pop(r);
		}
		return st;
	}
	if (dcatit_json_is_object(el))
		return expand_object(r, active, aprop, el, from_map, force, out, listobj, line);
	/* a scalar */
	if (!aprop || strcmp(aprop, "@graph") == 0)
		return DCATIT_OK; /* free-floating: dropped */
	if (strcmp(aprop, "@included") == 0)
		return fail(r, DCATIT_ERR_SYNTAX, "invalid @included value (not a node object)");
	const TermDef *def = lookup(active, aprop);
	if (def && def->ctx) {
		DcatitStatus st = process_context(r, active, def->ctx, true, true, true, &active);
		if (st)
			return st;
	}
	return value_expand(r, active, aprop, el, out);
}

/* Does the JSON hold anything a JSON-LD reader reads: a key that is a
 * keyword ("@context", "@id", ...) or looks like an IRI or a compact IRI?
 * *keys counts the keys seen. */
static bool looks_jsonld(const DcatitJson *j, size_t depth, size_t *keys)
{
	if (depth > DCATIT_JSONLD_MAX_DEPTH)
		return false;
	if (dcatit_json_is_array(j)) {
		for (size_t i = 0; i < dcatit_json_size(j); i++)
			if (looks_jsonld(dcatit_json_at(j, i), depth + 1, keys))
				return true;
	} else if (dcatit_json_is_object(j)) {
		const char *k;
		DcatitJson *v;
		for (void *jit = NULL; dcatit_json_next(j, &jit, &k, &v);) {
			(*keys)++;
			if (k[0] == '@' || strchr(k, ':') || looks_jsonld(v, depth + 1, keys))
				return true;
		}
	}
	return false;
}

/* Say what a JSON document without any JSON-LD in it is, and what reads
 * what it describes: it gave no triple, and must not pass as an empty
 * graph. */
static DcatitStatus not_jsonld_say(R *r, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

/* The error at the line of the top-level value, with no JSON pointer: it
 * is about the whole document. */
static DcatitStatus not_jsonld_say(R *r, const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	dcatit_diag_vset(r->d, DCATIT_ERR_SYNTAX, r->name, r->cur_line, 0, fmt, ap);
	va_end(ap);
	return r->last_st = DCATIT_ERR_SYNTAX;
}

static DcatitStatus not_jsonld(R *r, const DcatitJson *root)
{
	r->cur_line = dcatit_json_is_object(root) ? obj_line(r, root) : 1;
	if (!r->cur_line)
		r->cur_line = 1;
	const DcatitJson *o = dcatit_json_is_array(root) ? dcatit_json_at(root, 0) : root;
	const char *type = jstr(dcatit_json_get(o, "type"));
	static const char *const geo[] = {"Feature", "FeatureCollection", "Point", "MultiPoint",
	                                  "LineString", "MultiLineString", "Polygon",
	                                  "MultiPolygon", "GeometryCollection"};
	bool geojson = false;
	for (size_t i = 0; type && i < sizeof geo / sizeof geo[0]; i++)
		geojson = geojson || strcmp(type, geo[i]) == 0;
	if (dcatit_json_get(o, "success") && dcatit_json_get(o, "result") &&
	    dcatit_json_get(o, "help"))
		return not_jsonld_say(r, "this is a CKAN Action API response (JSON), "
		            "not JSON-LD, and gives no triples: 'dcatit harvest' reads CKAN "
		            "portals through that API (a source of type: ckan, with the portal's "
		            "address); a portal's DCAT export (catalog.ttl, dataset/NAME.rdf) is "
		            "RDF that 'dcatit validate' reads");
	if (dcatit_json_get(o, "resources") && dcatit_json_get(o, "name"))
		return not_jsonld_say(r, "this is a CKAN dataset (package) in JSON, not "
		            "JSON-LD, and gives no triples: 'dcatit harvest' reads CKAN portals "
		            "through their API (a source of type: ckan)");
	if (geojson)
		return not_jsonld_say(r, "this is GeoJSON ('%s'), not JSON-LD, and gives "
		            "no triples: it is data, not metadata; describe it with a dataset "
		            "record (a catalogue's YAML record, or RDF)", type);
	return not_jsonld_say(r, "this is JSON without @context, not JSON-LD: no key "
	            "is a JSON-LD keyword or an IRI, so it gives no triples; add a @context "
	            "that maps its keys to IRIs, or read the RDF it was made from");
}

DcatitStatus dcatit_jsonld_parse(DcatitModel *m, const char *data, size_t len,
                                 const DcatitJsonldOpts *opts,
                                 DcatitJsonldInfo *info, DcatitDiag *d)
{
	DcatitJsonldOpts def = {0};
	if (!opts)
		opts = &def;
	R r;
	memset(&r, 0, sizeof r);
	r.m = m;
	r.t = dcatit_model_terms(m);
	r.d = d;
	r.name = opts->name ? opts->name : "<memory>";
	r.max_depth = opts->max_depth ? opts->max_depth : DCATIT_JSONLD_MAX_DEPTH;
	if (info)
		memset(info, 0, sizeof *info);
	dcatit_buf_init(&r.label);
	if (len >= 3 && memcmp(data, "\xEF\xBB\xBF", 3) == 0) {
		data += 3;
		len -= 3;
	}
	/* "\u0000" is text like any other in a literal (jstr keeps it out
	 * of IRIs and keywords); integers beyond 64 bits are read as doubles,
	 * as JavaScript does (toRdf then writes integers >= 1e21 as xsd:double
	 * anyway) */
	DcatitJson *root = dcatit_json_parse_opts(data, len, DCATIT_JSON_CONTAINER |
	                                          DCATIT_JSON_BIG_INT_AS_REAL, r.name, d);
	if (!root)
		return DCATIT_ERR_SYNTAX;
	DcatitStatus st = DCATIT_OK;
	r.path = malloc((r.max_depth + 1) * sizeof *r.path);
	r.file = dcatit_model_add_source(m, r.name);
	r.rdf_type = dcatit_terms_iri_z(r.t, DCATIT_NS_RDF "type");
	r.rdf_first = dcatit_terms_iri_z(r.t, DCATIT_NS_RDF "first");
	r.rdf_rest = dcatit_terms_iri_z(r.t, DCATIT_NS_RDF "rest");
	r.rdf_nil = dcatit_terms_iri_z(r.t, DCATIT_NS_RDF "nil");
	r.rdf_json = dcatit_terms_iri_z(r.t, DCATIT_NS_RDF "JSON");
	r.xsd_integer = dcatit_terms_iri_z(r.t, DCATIT_NS_XSD "integer");
	r.xsd_double = dcatit_terms_iri_z(r.t, DCATIT_NS_XSD "double");
	r.xsd_boolean = dcatit_terms_iri_z(r.t, DCATIT_NS_XSD "boolean");
	dcatit_buf_addf(&r.label, "b%lu_", dcatit_terms_next_scope(r.t));
	r.label_prefix = r.label.len;
	if (!r.path || !r.file || !r.rdf_type || !r.rdf_first || !r.rdf_rest ||
	    !r.rdf_nil || !r.rdf_json || !r.xsd_integer || !r.xsd_double ||
	    !r.xsd_boolean || r.label.oom)
		st = nomem(&r);
	if (!st)
		st = map_lines(&r, data, len, root);
	Ctx *top = NULL;
	if (!st && !(top = ctx_new(&r, NULL)))
		st = nomem(&r);
	if (!st && opts->base_uri &&
	    !(top->base = top->orig_base = pool_str(&r, opts->base_uri)))
		st = nomem(&r);
	if (!st && !dcatit_json_is_object(root) && !dcatit_json_is_array(root))
		st = fail(&r, DCATIT_ERR_SYNTAX, "a JSON-LD document is an object or an array");
	if (!st) {
		Items items = {.discard = true};
		st = expand(&r, top, NULL, root, false, NULL, &items, NULL, 0);
		free(items.v);
	}
	size_t keys = 0;
	if (!st && !r.triples && !looks_jsonld(root, 0, &keys) && keys)
		st = not_jsonld(&r, root);
	if (info) {
		info->triples = r.triples;
		info->named_graphs = r.named_graphs;
		info->dropped = r.dropped;
	}
	ctx_free_all(&r);
	while (r.pool) {
		PoolChunk *c = r.pool;
		r.pool = c->next;
		free(c);
	}
	free(r.okey);
	free(r.oline);
	free(r.path);
	dcatit_buf_release(&r.label);
	dcatit_json_free(root);
	return st;
}
