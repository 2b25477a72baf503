/* term.c: the interned term store. Terms are kept as parallel arrays indexed
 * by id (no per-term padding), strings in a chunked arena so borrowed
 * pointers never move, and an open-addressing hash table of ids for lookup.
 * Language tags are interned as hidden terms so literal keys compare as
 * integers. */
#include "rdf/term.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/buf.h"

/* A hidden kind for interned language tags; never returned to callers. */
#define KIND_LANG 4

/* 1 MiB chunks: large enough that chunk headers are noise, small enough
 * that a tiny store stays tiny. Strings over 64 KiB get a chunk of their
 * own so a 50 MB literal does not waste a chunk's tail. */
#define CHUNK_SIZE (1u << 20)
#define BIG_STRING (64u << 10)

typedef struct Chunk {
	struct Chunk *next;
	size_t used;
	size_t cap;
	char data[];
} Chunk;

struct DcatitTermsImpl {
	/* per-term arrays, index 0 unused */
	const char **str;
	uint32_t *len;
	uint32_t *hash;
	uint32_t *dt;   /* datatype id (literals) */
	uint32_t *lang; /* lang tag id (literals), 0 = none */
	uint8_t *kind;
	size_t n;       /* ids in use are 1..n */
	size_t cap;
	/* hash table: each slot is (hash << 32 | id), 0 = empty, so a probe
	 * rejects most mismatches without touching the term arrays */
	uint64_t *slots;
	size_t nslots;  /* power of two */
	Chunk *chunks;
	uint64_t fresh; /* counter for fresh blank nodes */
	unsigned long scope; /* counter for blank node scopes */
	DcatitTermId xsd_string;
	DcatitTermId rdf_langString;
};

/* 64-bit multiply-mix over 8-byte words: several times faster than a
 * byte-wise FNV on IRIs, which dominate interning time when parsing. */
static uint32_t hash_bytes(const char *s, size_t len, uint64_t seed)
{
	uint64_t h = seed ^ (len * 0x9E3779B97F4A7C15ull);
	while (len >= 8) {
		uint64_t w;
		memcpy(&w, s, 8);
		h ^= w * 0xBF58476D1CE4E5B9ull;
		h = (h << 27 | h >> 37) * 0x94D049BB133111EBull;
		s += 8;
		len -= 8;
	}
	uint64_t w = 0;
	memcpy(&w, s, len);
	h ^= w * 0xBF58476D1CE4E5B9ull;
	h ^= h >> 31;
	h *= 0xD6E8FEB86659FD93ull;
	h ^= h >> 32;
	return (uint32_t)h;
}

static uint32_t key_hash(uint8_t kind, const char *s, size_t len, uint32_t dt,
                         uint32_t lang)
{
	uint64_t seed = ((uint64_t)kind << 56) ^ ((uint64_t)dt << 24) ^ lang;
	return hash_bytes(s, len, seed);
}

static char *arena_copy(DcatitTerms *t, const char *s, size_t len)
{
	Chunk *c = t->chunks;
	if (len >= BIG_STRING || !c || c->cap - c->used < len + 1) {
		size_t cap = len >= BIG_STRING ? len + 1 : CHUNK_SIZE;
		Chunk *nc = malloc(sizeof *nc + cap);
		if (!nc)
			return NULL;
		nc->used = 0;
		nc->cap = cap;
		if (len >= BIG_STRING && c) {
			/* keep the current small-string chunk at the head */
			nc->next = c->next;
			c->next = nc;
		} else {
			nc->next = c;
			t->chunks = nc;
		}
		c = nc;
	}
	char *p = c->data + c->used;
	if (len)
		memcpy(p, s, len);
	p[len] = '\0';
	c->used += len + 1;
	return p;
}

static bool grow_terms(DcatitTerms *t)
{
	size_t cap = t->cap ? t->cap * 2 : 1024;
	const char **str = realloc(t->str, cap * sizeof *str);
	if (!str)
		return false;
	t->str = str;
	uint32_t *len = realloc(t->len, cap * sizeof *len);
	if (!len)
		return false;
	t->len = len;
	uint32_t *hash = realloc(t->hash, cap * sizeof *hash);
	if (!hash)
		return false;
	t->hash = hash;
	uint32_t *dt = realloc(t->dt, cap * sizeof *dt);
	if (!dt)
		return false;
	t->dt = dt;
	uint32_t *lang = realloc(t->lang, cap * sizeof *lang);
	if (!lang)
		return false;
	t->lang = lang;
	uint8_t *kind = realloc(t->kind, cap * sizeof *kind);
	if (!kind)
		return false;
	t->kind = kind;
	t->cap = cap;
	return true;
}

static bool grow_slots(DcatitTerms *t)
{
	size_t nslots = t->nslots ? t->nslots * 2 : 2048;
	uint64_t *slots = calloc(nslots, sizeof *slots);
	if (!slots)
		return false;
	for (size_t id = 1; id <= t->n; id++) {
		size_t i = t->hash[id] & (nslots - 1);
		while (slots[i])
			i = (i + 1) & (nslots - 1);
		slots[i] = (uint64_t)t->hash[id] << 32 | id;
	}
	free(t->slots);
	t->slots = slots;
	t->nslots = nslots;
	return true;
}

/* Find the slot of a key: returns the id found, or 0 with *slot set to the
 * empty slot where it would go. */
static DcatitTermId lookup(const DcatitTerms *t, uint8_t kind, const char *s,
                           size_t len, uint32_t dt, uint32_t lang, uint32_t h,
                           size_t *slot)
{
	size_t mask = t->nslots - 1;
	size_t i = h & mask;
	for (;;) {
		uint64_t e = t->slots[i];
		if (!e) {
			*slot = i;
			return 0;
		}
		uint32_t id = (uint32_t)e;
		if ((uint32_t)(e >> 32) == h && t->kind[id] == kind && t->len[id] == len &&
		    t->dt[id] == dt && t->lang[id] == lang &&
		    memcmp(t->str[id], s, len) == 0)
			return id;
		i = (i + 1) & mask;
	}
}

static DcatitTermId intern(DcatitTerms *t, uint8_t kind, const char *s,
                           size_t len, uint32_t dt, uint32_t lang)
{
	if (len > UINT32_MAX - 1 || t->n >= UINT32_MAX - 1)
		return 0;
	if (!s)
		s = "";
	uint32_t h = key_hash(kind, s, len, dt, lang);
	size_t slot;
	DcatitTermId id = lookup(t, kind, s, len, dt, lang, h, &slot);
	if (id)
		return id;
	if ((t->n + 1) * 2 > t->nslots) {
		if (!grow_slots(t))
			return 0;
		lookup(t, kind, s, len, dt, lang, h, &slot);
	}
	if (t->n + 1 >= t->cap && !grow_terms(t))
		return 0;
	char *copy = arena_copy(t, s, len);
	if (!copy)
		return 0;
	id = (DcatitTermId)++t->n;
	t->str[id] = copy;
	t->len[id] = (uint32_t)len;
	t->hash[id] = h;
	t->dt[id] = dt;
	t->lang[id] = lang;
	t->kind[id] = kind;
	t->slots[slot] = (uint64_t)h << 32 | id;
	return id;
}

DcatitTerms *dcatit_terms_new(void)
{
	DcatitTerms *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	if (!grow_terms(t) || !grow_slots(t)) {
		dcatit_terms_free(t);
		return NULL;
	}
	t->str[0] = "";
	t->len[0] = 0;
	t->kind[0] = DCATIT_TERM_NONE;
	t->dt[0] = t->lang[0] = t->hash[0] = 0;
	t->xsd_string =
		dcatit_terms_iri_z(t, "http://www.w3.org/2001/XMLSchema#string");
	t->rdf_langString = dcatit_terms_iri_z(
		t, "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString");
	if (!t->xsd_string || !t->rdf_langString) {
		dcatit_terms_free(t);
		return NULL;
	}
	return t;
}

void dcatit_terms_free(DcatitTerms *t)
{
	if (!t)
		return;
	Chunk *c = t->chunks;
	while (c) {
		Chunk *next = c->next;
		free(c);
		c = next;
	}
	free(t->str);
	free(t->len);
	free(t->hash);
	free(t->dt);
	free(t->lang);
	free(t->kind);
	free(t->slots);
	free(t);
}

DcatitTermId dcatit_terms_iri(DcatitTerms *t, const char *s, size_t len)
{
	return intern(t, DCATIT_TERM_IRI, s, len, 0, 0);
}

DcatitTermId dcatit_terms_iri_z(DcatitTerms *t, const char *s)
{
	return intern(t, DCATIT_TERM_IRI, s, strlen(s), 0, 0);
}

DcatitTermId dcatit_terms_iri_cat(DcatitTerms *t, const char *a, const char *b)
{
	DcatitBuf x;
	dcatit_buf_init(&x);
	dcatit_buf_adds(&x, a);
	dcatit_buf_adds(&x, b);
	DcatitTermId id = x.oom ? 0 : dcatit_terms_iri(t, x.data, x.len);
	dcatit_buf_release(&x);
	return id;
}

DcatitTermId dcatit_terms_bnode(DcatitTerms *t, const char *label, size_t len)
{
	return intern(t, DCATIT_TERM_BNODE, label, len, 0, 0);
}

unsigned long dcatit_terms_next_scope(DcatitTerms *t)
{
	return ++t->scope;
}

DcatitTermId dcatit_terms_bnode_fresh(DcatitTerms *t)
{
	char label[32];
	for (;;) {
		int n = snprintf(label, sizeof label, "g%llu",
		                 (unsigned long long)++t->fresh);
		size_t slot;
		uint32_t h = key_hash(DCATIT_TERM_BNODE, label, (size_t)n, 0, 0);
		if (!lookup(t, DCATIT_TERM_BNODE, label, (size_t)n, 0, 0, h, &slot))
			return intern(t, DCATIT_TERM_BNODE, label, (size_t)n, 0, 0);
	}
}

DcatitTermId dcatit_terms_literal(DcatitTerms *t, const char *s, size_t len,
                                  DcatitTermId datatype, const char *lang)
{
	uint32_t lang_id = 0;
	if (lang && *lang) {
		lang_id = intern(t, KIND_LANG, lang, strlen(lang), 0, 0);
		if (!lang_id)
			return 0;
		datatype = t->rdf_langString;
	} else if (!datatype) {
		datatype = t->xsd_string;
	}
	return intern(t, DCATIT_TERM_LITERAL, s, len, datatype, lang_id);
}

DcatitTermId dcatit_terms_literal_z(DcatitTerms *t, const char *s,
                                    DcatitTermId datatype, const char *lang)
{
	return dcatit_terms_literal(t, s, strlen(s), datatype, lang);
}

DcatitTermId dcatit_terms_find_iri(const DcatitTerms *t, const char *s)
{
	size_t len = strlen(s), slot;
	uint32_t h = key_hash(DCATIT_TERM_IRI, s, len, 0, 0);
	return lookup(t, DCATIT_TERM_IRI, s, len, 0, 0, h, &slot);
}

size_t dcatit_terms_count(const DcatitTerms *t)
{
	return t->n;
}

DcatitTermKind dcatit_terms_kind(const DcatitTerms *t, DcatitTermId id)
{
	if (!id || id > t->n || t->kind[id] == KIND_LANG)
		return DCATIT_TERM_NONE;
	return (DcatitTermKind)t->kind[id];
}

const char *dcatit_terms_str(const DcatitTerms *t, DcatitTermId id)
{
	return id && id <= t->n ? t->str[id] : "";
}

size_t dcatit_terms_len(const DcatitTerms *t, DcatitTermId id)
{
	return id && id <= t->n ? t->len[id] : 0;
}

DcatitTermId dcatit_terms_datatype(const DcatitTerms *t, DcatitTermId id)
{
	return dcatit_terms_is_literal(t, id) ? t->dt[id] : 0;
}

const char *dcatit_terms_lang(const DcatitTerms *t, DcatitTermId id)
{
	if (!dcatit_terms_is_literal(t, id) || !t->lang[id])
		return "";
	return t->str[t->lang[id]];
}

bool dcatit_terms_is_iri(const DcatitTerms *t, DcatitTermId id)
{
	return id && id <= t->n && t->kind[id] == DCATIT_TERM_IRI;
}

bool dcatit_terms_is_bnode(const DcatitTerms *t, DcatitTermId id)
{
	return id && id <= t->n && t->kind[id] == DCATIT_TERM_BNODE;
}

bool dcatit_terms_is_literal(const DcatitTerms *t, DcatitTermId id)
{
	return id && id <= t->n && t->kind[id] == DCATIT_TERM_LITERAL;
}

/* Characters IRIREF excludes: a switch, not strchr, as this runs for every
 * byte of every IRI written (strchr was 8% of a 10,000-record build). */
static bool iri_escaped(unsigned char c)
{
	switch (c) {
	case '<': case '>': case '"': case '{': case '}': case '|': case '^':
	case '`': case '\\': case ' ':
		return true;
	default:
		return false;
	}
}

static bool write_escaped(DcatitBuf *b, const char *s, size_t len, bool iri)
{
	const char *run = s;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		/* the common case first: a byte that is copied as it is */
		if (c != 0x7F && (iri ? c > 0x20 && !iri_escaped(c)
		                      : c >= 0x20 && c != '"' && c != '\\'))
			continue;
		const char *esc = NULL;
		char u[8];
		if (!iri) {
			switch (c) {
			case '"': esc = "\\\""; break;
			case '\\': esc = "\\\\"; break;
			case '\n': esc = "\\n"; break;
			case '\r': esc = "\\r"; break;
			case '\t': esc = "\\t"; break;
			case '\b': esc = "\\b"; break;
			case '\f': esc = "\\f"; break;
			default: break;
			}
		}
		if (!esc && (c < 0x20 || c == 0x7F || (iri && iri_escaped(c)))) {
			snprintf(u, sizeof u, "\\u%04X", c);
			esc = u;
		}
		if (esc) {
			dcatit_buf_add(b, run, (size_t)(s + i - run));
			dcatit_buf_adds(b, esc);
			run = s + i + 1;
		}
	}
	return dcatit_buf_add(b, run, (size_t)(s + len - run));
}

bool dcatit_terms_write_escaped(const char *s, size_t len, bool iri, void *buf)
{
	return write_escaped(buf, s, len, iri);
}

bool dcatit_terms_write_label(const char *s, size_t len, void *buf)
{
	DcatitBuf *b = buf;
	const char *run = s;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
			continue;
		dcatit_buf_add(b, run, (size_t)(s + i - run));
		dcatit_buf_addf(b, "_%02X", c);
		run = s + i + 1;
	}
	return dcatit_buf_add(b, run, (size_t)(s + len - run));
}

bool dcatit_terms_write_nt(const DcatitTerms *t, DcatitTermId id, void *buf)
{
	DcatitBuf *b = buf;
	switch (dcatit_terms_kind(t, id)) {
	case DCATIT_TERM_IRI:
		dcatit_buf_addc(b, '<');
		write_escaped(b, t->str[id], t->len[id], true);
		return dcatit_buf_addc(b, '>');
	case DCATIT_TERM_BNODE:
		dcatit_buf_adds(b, "_:");
		return dcatit_buf_add(b, t->str[id], t->len[id]);
	case DCATIT_TERM_LITERAL:
		dcatit_buf_addc(b, '"');
		write_escaped(b, t->str[id], t->len[id], false);
		dcatit_buf_addc(b, '"');
		if (t->lang[id]) {
			dcatit_buf_addc(b, '@');
			return dcatit_buf_adds(b, t->str[t->lang[id]]);
		}
		if (t->dt[id] != t->xsd_string) {
			dcatit_buf_adds(b, "^^<");
			write_escaped(b, t->str[t->dt[id]], t->len[t->dt[id]], true);
			return dcatit_buf_addc(b, '>');
		}
		return !b->oom;
	case DCATIT_TERM_NONE:
		break;
	}
	return dcatit_buf_adds(b, "<>");
}
