/* records.c: the YAML side of the catalogue (format: catalog/README.md).
 * Each file is loaded whole with libyaml's document API and walked with the
 * key tables below; every triple carries the line of the YAML node it comes
 * from, so validation findings point back into the record. The only libyaml
 * user of the project. */
#include "catalog/records.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/str.h"
#include "base/utf8.h"
#include "base/yaml.h"
#include "catalog/cfile.h"
#include "catalog/dist.h"
#include "catalog/format.h"
#include "catalog/isorec.h"
#include "catalog/tables.h"

typedef struct {
	DcatitBuild *b;
	DcatitModel *model; /* where triples go: the build's graph, or the
	                     * registry graph of b->orgs for organizations.yaml */
	DcatitNotes *notes;
	const char *rel;    /* path relative to the catalogue directory */
	char *display;      /* path for messages */
	uint32_t src;
	DcatitYamlDoc doc;
	size_t errors;      /* noted in this file */
	bool oom;
} R;

/* Errors noted per file before the rest are only counted: a file of
 * 100,000 wrong codes costs a suggestion and a key path for each, and
 * nobody reads past the first screenful anyway. */
#define MAX_FILE_ERRORS 100

typedef struct {
	const char *s;
	size_t len;
} Str;


/* ---- paths ------------------------------------------------------------ */

/* Resolve a relative path written in the file at from_rel into a path
 * relative to the catalogue directory; NULL when it is absolute or leaves
 * the catalogue (or on OOM: *oom). */
static char *resolve_rel(const char *from_rel, const char *path, bool *oom)
{
	if (path[0] == '/' || path[0] == '\0')
		return NULL;
	DcatitBuf acc;
	dcatit_buf_init(&acc);
	const char *slash = strrchr(from_rel, '/');
	if (slash)
		dcatit_buf_add(&acc, from_rel, (size_t)(slash - from_rel) + 1);
	dcatit_buf_adds(&acc, path);
	char *joined = dcatit_buf_detach(&acc);
	if (!joined) {
		*oom = true;
		return NULL;
	}
	/* normalise segment by segment */
	DcatitBuf out;
	dcatit_buf_init(&out);
	const char *p = joined;
	bool bad = false;
	while (*p && !bad) {
		const char *e = strchr(p, '/');
		size_t n = e ? (size_t)(e - p) : strlen(p);
		if (n == 0 || (n == 1 && p[0] == '.')) {
			/* skip */
		} else if (n == 2 && p[0] == '.' && p[1] == '.') {
			if (out.len == 0) {
				bad = true;
			} else {
				char *last = out.data + out.len;
				while (last > out.data && last[-1] != '/')
					last--;
				out.len = (size_t)(last - out.data);
				if (out.len)
					out.len--; /* drop the '/' */
				out.data[out.len] = '\0';
			}
		} else {
			if (out.len)
				dcatit_buf_addc(&out, '/');
			dcatit_buf_add(&out, p, n);
		}
		p = e ? e + 1 : p + n;
	}
	free(joined);
	if (bad || out.len == 0) {
		dcatit_buf_release(&out);
		return NULL;
	}
	char *r = dcatit_buf_detach(&out);
	if (!r)
		*oom = true;
	return r;
}

/* ---- errors ----------------------------------------------------------- */

/* The key path from the root to n, e.g. distributions[0].file (empty for
 * the root), from the parent links: no search of the document. */
static void key_path(const DcatitYamlNode *n, DcatitBuf *p)
{
	const DcatitYamlNode *chain[DCATIT_YAML_MAX_DEPTH + 1];
	size_t k = 0;
	for (const DcatitYamlNode *c = n; c->parent && k < DCATIT_YAML_MAX_DEPTH + 1;
	     c = c->parent)
		chain[k++] = c;
	while (k--) {
		const DcatitYamlNode *c = chain[k], *par = c->parent;
		if (par->kind == DCATIT_YAML_SEQUENCE) {
			dcatit_buf_addf(p, "[%zu]", c->pos);
			continue;
		}
		const DcatitYamlNode *key = par->items[c->pos & ~(size_t)1];
		if (p->len)
			dcatit_buf_addc(p, '.');
		dcatit_buf_adds(p, key->kind == DCATIT_YAML_SCALAR ? key->value : "?");
	}
}

/* Past MAX_FILE_ERRORS errors: only count, skip suggestions. */
static bool muted(const R *r)
{
	return r->errors >= MAX_FILE_ERRORS;
}

__attribute__((format(printf, 4, 5)))
static void note(R *r, DcatitNoteKind kind, const DcatitYamlNode *n, const char *fmt, ...)
{
	DcatitBuf m;
	dcatit_buf_init(&m);
	if (kind == DCATIT_NOTE_ERROR && r->errors++ >= MAX_FILE_ERRORS) {
		if (r->errors == MAX_FILE_ERRORS + 1)
			dcatit_notes_add(r->notes, kind, r->display, 0, 0, "more than %d errors in this "
			                 "file; the others are not shown", MAX_FILE_ERRORS);
		else
			dcatit_notes_count(r->notes, kind);
		return;
	}
	va_list ap;
	va_start(ap, fmt);
	dcatit_buf_vaddf(&m, _(fmt), ap);
	va_end(ap);
	unsigned long line = 0, col = 0;
	if (n) {
		line = n->line;
		col = n->col;
		DcatitBuf p;
		dcatit_buf_init(&p);
		key_path(n, &p);
		if (p.len)
			dcatit_buf_addf(&m, _(" (at %s)"), p.data);
		dcatit_buf_release(&p);
	}
	if (m.oom)
		r->oom = true;
	dcatit_notes_add(r->notes, kind, r->display, line, col, "%s",
	                 m.data ? m.data : "");
	dcatit_buf_release(&m);
}

#define ERR(r, n, ...) note((r), DCATIT_NOTE_ERROR, (n), __VA_ARGS__)

/* ---- triples ---------------------------------------------------------- */

static void add(R *r, DcatitTermId s, DcatitTermId p, DcatitTermId o,
                const DcatitYamlNode *n)
{
	if (!s || !p || !o)
		return;
	DcatitLoc loc = { r->src, n ? (uint32_t)n->line : 0 };
	if (dcatit_model_add(r->model, s, p, o, loc) != DCATIT_OK)
		r->oom = true;
}

static DcatitTermId iri_z(R *r, const char *s)
{
	DcatitTermId id = dcatit_terms_iri_z(r->b->terms, s);
	if (!id)
		r->oom = true;
	return id;
}

static DcatitTermId iri_cat(R *r, const char *a, const char *b2)
{
	DcatitTermId id = dcatit_terms_iri_cat(r->b->terms, a, b2);
	if (!id)
		r->oom = true;
	return id;
}

static DcatitTermId lit(R *r, const char *s, size_t len, DcatitTermId dt,
                        const char *lang)
{
	DcatitTermId id = dcatit_terms_literal(r->b->terms, s, len, dt, lang);
	if (!id)
		r->oom = true;
	return id;
}

static DcatitTermId bnode(R *r)
{
	DcatitTermId id = dcatit_terms_bnode_fresh(r->b->terms);
	if (!id)
		r->oom = true;
	return id;
}

/* ---- YAML structure ----------------------------------------------------- */

static bool is_null(const DcatitYamlNode *n)
{
	if (n->kind != DCATIT_YAML_SCALAR || !n->plain)
		return false;
	const char *v = n->value;
	return !*v || strcmp(v, "~") == 0 || strcmp(v, "null") == 0 ||
	       strcmp(v, "Null") == 0 || strcmp(v, "NULL") == 0;
}

/* Explicit tags are errors, everywhere in the document (once, at load;
 * anchors and aliases never get this far: base/yaml.h refuses them). */
static void check_tags(R *r, const DcatitYamlNode *n)
{
	if (n->tag)
		ERR(r, n, "explicit tags are not allowed ('%s')", n->tag);
	for (size_t i = 0; i < n->nitems; i++)
		check_tags(r, n->items[i]);
}

static const char *kind_name(const DcatitYamlNode *n)
{
	switch (n->kind) {
	case DCATIT_YAML_SCALAR: return _("a scalar");
	case DCATIT_YAML_SEQUENCE: return _("a list");
	case DCATIT_YAML_MAPPING: return _("a mapping");
	}
	return _("nothing");
}

/* A closed mapping: every key must be one of m's (format.h); duplicates,
 * empty values and unknown keys are errors. False when n is not a mapping. */
static bool closed_map(R *r, DcatitYamlNode *n, const DcatitFmtMap *m)
{
	const char *what = m->what;
	if (n->kind != DCATIT_YAML_MAPPING) {
		ERR(r, n, "expected a mapping for %s, found %s", what, kind_name(n));
		return false;
	}
	if (!n->nitems) {
		ERR(r, n, "empty mapping for %s", what);
		return false;
	}
	/* which known keys were seen: a key table is short, a mapping may not be */
	bool seen[64] = { false };
	for (size_t p = 0; p + 1 < n->nitems; p += 2) {
		DcatitYamlNode *k = n->items[p], *v = n->items[p + 1];
		if (!k || k->kind != DCATIT_YAML_SCALAR) {
			ERR(r, k ? k : n, "keys must be plain words in %s", what);
			continue;
		}
		const char *ks = k->value;
		const DcatitFmtKey *key = dcatit_fmt_key(m, ks);
		size_t ki = key ? (size_t)(key - m->keys) : 0;
		if (!key) {
			const char *names[32];
			size_t nn = 0;
			for (; nn < m->nkeys && nn < sizeof names / sizeof *names; nn++)
				names[nn] = m->keys[nn].name;
			const char *s = muted(r) ? NULL : dcatit_codes_closest(ks, names, nn);
			if (s)
				ERR(r, k, "unknown key '%s' in %s, did you mean '%s'?", ks, what, s);
			else
				ERR(r, k, "unknown key '%s' in %s", ks, what);
			continue;
		}
		if (ki < sizeof seen && seen[ki])
			ERR(r, k, "duplicate key '%s' in %s", ks, what);
		if (ki < sizeof seen)
			seen[ki] = true;
		if (v && is_null(v))
			ERR(r, k, "key '%s' has no value (leave the key out instead)", ks);
	}
	return true;
}

/* The value of key in a mapping; NULL when absent or null. */
static DcatitYamlNode *get(R *r, DcatitYamlNode *map, const char *key)
{
	if (!map || map->kind != DCATIT_YAML_MAPPING)
		return NULL;
	for (size_t p = 0; p + 1 < map->nitems; p += 2) {
		DcatitYamlNode *k = map->items[p];
		if (k && k->kind == DCATIT_YAML_SCALAR &&
		    strcmp(k->value, key) == 0) {
			DcatitYamlNode *v = map->items[p + 1];
			return v && !is_null(v) ? v : NULL;
		}
	}
	return NULL;
}

/* A required key: NULL after an error naming it when absent. */
static DcatitYamlNode *need(R *r, DcatitYamlNode *map, const char *key, const char *what)
{
	DcatitYamlNode *v = get(r, map, key);
	if (!v && map && map->kind == DCATIT_YAML_MAPPING) {
		bool present = false;
		for (size_t p = 0; p + 1 < map->nitems; p += 2) {
			DcatitYamlNode *k = map->items[p];
			present |= k && k->kind == DCATIT_YAML_SCALAR &&
			           strcmp(k->value, key) == 0;
		}
		if (!present)
			ERR(r, map, "missing required key '%s' in %s", key, what);
	}
	return v;
}

typedef struct {
	const char *s;
	size_t i;
} Keyed;

static int cmp_keyed(const void *a, const void *b)
{
	const Keyed *x = a, *y = b;
	int c = strcmp(x->s, y->s);
	return c ? c : (x->i > y->i) - (x->i < y->i);
}

/* Which of the n scalars vals[i] (NULL: skipped) repeat an earlier one:
 * found by sorting, not by comparing every pair. NULL on OOM (r->oom). */
static bool *repeats(R *r, DcatitYamlNode *const *vals, size_t n)
{
	Keyed *k = malloc((n ? n : 1) * sizeof *k);
	bool *rep = calloc(n ? n : 1, sizeof *rep);
	if (!k || !rep) {
		free(k);
		free(rep);
		r->oom = true;
		return NULL;
	}
	size_t m = 0;
	for (size_t i = 0; i < n; i++)
		if (vals[i] && vals[i]->kind == DCATIT_YAML_SCALAR)
			k[m++] = (Keyed){ vals[i]->value, i };
	qsort(k, m, sizeof *k, cmp_keyed);
	for (size_t i = 1; i < m; i++)
		if (strcmp(k[i].s, k[i - 1].s) == 0)
			rep[k[i].i] = true;
	free(k);
	return rep;
}

/* A sequence with at least one item and no repeated scalar; false after
 * an error. */
static bool list_ok(R *r, DcatitYamlNode *n, const char *what)
{
	if (n->kind != DCATIT_YAML_SEQUENCE) {
		ERR(r, n, "expected a list for %s, found %s", what, kind_name(n));
		return false;
	}
	if (!n->nitems) {
		ERR(r, n, "empty list for %s", what);
		return false;
	}
	bool *rep = repeats(r, n->items, n->nitems);
	for (size_t i = 0; rep && i < n->nitems; i++)
		if (rep[i])
			ERR(r, n->items[i], "'%s' is listed twice in %s", n->items[i]->value, what);
	free(rep);
	return true;
}

#define FOR_ITEMS(r, n, item) \
	for (size_t it_##item = 0; it_##item < (n)->nitems; it_##item++) \
		for (DcatitYamlNode *item = (n)->items[it_##item]; item; item = NULL)

/* ---- scalar types ----------------------------------------------------- */

/* A scalar value; NULL after an error. */
static const char *scalar(R *r, DcatitYamlNode *n, const char *what)
{
	if (n->kind != DCATIT_YAML_SCALAR) {
		ERR(r, n, "expected a single value for %s, found %s", what, kind_name(n));
		return NULL;
	}
	return n->value;
}

/* string: non-empty after trimming, no HTML tags. */
static bool string_val(R *r, DcatitYamlNode *n, const char *what, Str *out)
{
	const char *s = scalar(r, n, what);
	if (!s)
		return false;
	size_t len = n->len;
	while (len && isspace((unsigned char)*s)) {
		s++;
		len--;
	}
	while (len && isspace((unsigned char)s[len - 1]))
		len--;
	if (!len) {
		ERR(r, n, "empty value for %s", what);
		return false;
	}
	size_t last_gt = len; /* a tag needs a '>' after its '<' */
	while (last_gt && s[last_gt - 1] != '>')
		last_gt--;
	for (size_t i = 0; i + 1 < len && i < last_gt; i++) {
		if (s[i] == '<' && (isalpha((unsigned char)s[i + 1]) || s[i + 1] == '/')) {
			ERR(r, n, "HTML markup is not allowed in %s", what);
			return false;
		}
	}
	out->s = s;
	out->len = len;
	return true;
}

static bool is_lang(const char *k)
{
	return k[0] >= 'a' && k[0] <= 'z' && k[1] >= 'a' && k[1] <= 'z' && !k[2];
}

/* text: a mapping language -> string, `it` required; one literal each. */
static void emit_text(R *r, DcatitTermId s, DcatitTermId p, DcatitYamlNode *n,
                      const char *what, bool it_only)
{
	if (n->kind != DCATIT_YAML_MAPPING) {
		ERR(r, n, "expected a mapping language -> text for %s (e.g. it: ...), found %s",
		    what, kind_name(n));
		return;
	}
	bool has_it = false, langs[26 * 26] = { false };
	size_t count = 0;
	for (size_t pr = 0; pr + 1 < n->nitems; pr += 2) {
		DcatitYamlNode *k = n->items[pr], *v = n->items[pr + 1];
		const char *ks = k && k->kind == DCATIT_YAML_SCALAR ?
		                 k->value : NULL;
		if (!ks || !is_lang(ks)) {
			ERR(r, k ? k : n, "'%s' is not a two-letter language code in %s",
			    ks ? ks : "?", what);
			continue;
		}
		unsigned lang = (unsigned)(ks[0] - 'a') * 26 + (unsigned)(ks[1] - 'a');
		if (langs[lang])
			ERR(r, k, "duplicate language '%s' in %s", ks, what);
		langs[lang] = true;
		has_it |= strcmp(ks, "it") == 0;
		count++;
		Str v2;
		if (!v || is_null(v)) {
			ERR(r, k, "language '%s' of %s has no text", ks, what);
			continue;
		}
		if (string_val(r, v, what, &v2))
			add(r, s, p, lit(r, v2.s, v2.len, 0, ks), v);
	}
	if (!has_it)
		ERR(r, n, "%s has no Italian text (key 'it')", what);
	if (it_only && count > 1)
		ERR(r, n, "%s takes one language only (give 'it')", what);
}

static bool valid_date(const char *s)
{
	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return false;
	for (int i = 0; i < 10; i++)
		if (i != 4 && i != 7 && !isdigit((unsigned char)s[i]))
			return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };
	if (m < 1 || m > 12 || d < 1)
		return false;
	int max = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		max = 29;
	return d <= max;
}

/* date: YYYY-MM-DD; out gets the text (11 bytes) when valid. */
static bool date_val(R *r, DcatitYamlNode *n, const char *what, char out[11])
{
	const char *s = scalar(r, n, what);
	if (!s)
		return false;
	if (!valid_date(s)) {
		ERR(r, n, "'%s' is not a date YYYY-MM-DD for %s", s, what);
		return false;
	}
	memcpy(out, s, 11);
	return true;
}

static void emit_date(R *r, DcatitTermId s, DcatitTermId p, DcatitYamlNode *n,
                      const char *what, char out[11])
{
	char buf[11];
	if (date_val(r, n, what, buf)) {
		add(r, s, p, lit(r, buf, 10, r->b->v.xsd_date, NULL), n);
		if (out)
			memcpy(out, buf, 11);
	}
}

static bool iri_chars_ok(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s <= ' ' || strchr("<>\"{}|^`\\", *s))
			return false;
	return true;
}

/* iri: absolute http(s) IRI (mailto allowed when mailto). 0 after error. */
static DcatitTermId iri_val(R *r, DcatitYamlNode *n, const char *what)
{
	const char *s = scalar(r, n, what);
	if (!s)
		return 0;
	bool scheme = strncmp(s, "http://", 7) == 0 || strncmp(s, "https://", 8) == 0;
	const char *host = scheme ? strstr(s, "//") + 2 : NULL;
	if (!scheme || !*host || *host == '/' || !iri_chars_ok(s)) {
		ERR(r, n, "'%s' is not an absolute http(s) IRI for %s", s, what);
		return 0;
	}
	return iri_z(r, s);
}

static bool id_ok(const char *s)
{
	size_t n = strlen(s);
	if (n == 0 || n > 64 || s[0] == '-' || s[n - 1] == '-')
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(islower((unsigned char)s[i]) || isdigit((unsigned char)s[i]) || s[i] == '-'))
			return false;
	return true;
}

static const char *id_val(R *r, DcatitYamlNode *n, const char *what)
{
	const char *s = scalar(r, n, what);
	if (s && !id_ok(s)) {
		ERR(r, n, "'%s' is not a valid %s: lower-case letters, digits and '-', "
		    "at most 64 characters", s, what);
		return NULL;
	}
	return s;
}

static bool decimal_ok(const char *s)
{
	if (*s == '-')
		s++;
	if (!isdigit((unsigned char)*s))
		return false;
	while (isdigit((unsigned char)*s))
		s++;
	if (*s == '.') {
		s++;
		if (!isdigit((unsigned char)*s))
			return false;
		while (isdigit((unsigned char)*s))
			s++;
	}
	return *s == '\0';
}

/* A code of a controlled list: the IRI ns+code; 0 after an error. */
static DcatitTermId code_val(R *r, DcatitYamlNode *n, DcatitCodes *codes,
                             const char *ns, const char *what)
{
	const char *s = scalar(r, n, what);
	if (!s)
		return 0;
	if (!dcatit_codes_has(codes, s)) {
		const char *sug = muted(r) ? NULL : dcatit_codes_suggest(codes, s);
		if (sug)
			ERR(r, n, "unknown %s '%s', did you mean %s?", what, s, sug);
		else
			ERR(r, n, "unknown %s '%s'", what, s);
		return 0;
	}
	return iri_cat(r, ns, s);
}

/* path: resolved relative to this file, inside the catalogue, existing.
 * Returns the path relative to the catalogue directory (caller frees). */
static char *path_val(R *r, DcatitYamlNode *n, const char *what, bool want_dir)
{
	const char *s = scalar(r, n, what);
	if (!s)
		return NULL;
	bool oom = false;
	char *rel = resolve_rel(r->rel, s, &oom);
	if (!rel) {
		if (oom)
			r->oom = true;
		else
			ERR(r, n, "'%s' must be a relative path inside the catalogue for %s", s, what);
		return NULL;
	}
	DcatitDiag pd;
	dcatit_diag_init(&pd);
	int fd = -1;
	DcatitStatus st = want_dir ? dcatit_cfile_check_dir(r->b, rel, &pd)
	                           : dcatit_cfile_open(r->b, rel, &fd, &pd);
	if (fd >= 0)
		close(fd);
	if (st == DCATIT_ERR_NOT_FOUND) {
		char *full = dcatit_build_path(r->b, rel);
		if (full && want_dir)
			ERR(r, n, "directory '%s' does not exist (%s)", full, what);
		else if (full)
			ERR(r, n, "file '%s' does not exist (%s)", full, what);
		else
			r->oom = true;
		free(full);
	} else if (st == DCATIT_ERR_NOMEM) {
		r->oom = true;
	} else if (st != DCATIT_OK) {
		ERR(r, n, "%s", pd.message);
	}
	if (st != DCATIT_OK) {
		free(rel);
		return NULL;
	}
	return rel;
}

/* org: an IPA code or a registry key; identified required unless
 * any_ok. The agent is remembered for output. */
static DcatitTermId org_val(R *r, DcatitYamlNode *n, const char *role, bool any_ok)
{
	const char *s = scalar(r, n, role);
	if (!s)
		return 0;
	DcatitTermId agent = 0;
	bool identified = false;
	if (!dcatit_orgs_find(r->b->orgs, s, &agent, &identified)) {
		const char *sug = muted(r) ? NULL : dcatit_orgs_suggest(r->b->orgs, s);
		if (sug)
			ERR(r, n, "unknown organisation '%s' (not in vocab/organizations.ttl "
			    "nor in the registry), did you mean %s?", s, sug);
		else
			ERR(r, n, "unknown organisation '%s' (not in vocab/organizations.ttl "
			    "nor in the registry)", s);
		return 0;
	}
	if (!identified && !any_ok) {
		ERR(r, n, "org '%s' has no identifier and cannot be a %s; list it under "
		    "contributors", s, role);
		return 0;
	}
	if (dcatit_build_use_agent(r->b, agent) != DCATIT_OK)
		r->oom = true;
	return agent;
}

/* Serialise a YAML subtree (for "same definition" checks). */
static void signature(R *r, DcatitYamlNode *n, DcatitBuf *out, int depth)
{
	if (!n || depth > 64)
		return;
	switch (n->kind) {
	case DCATIT_YAML_SCALAR:
		dcatit_buf_addf(out, "%zu:", n->len);
		dcatit_buf_add(out, n->value, n->len);
		break;
	case DCATIT_YAML_SEQUENCE:
		dcatit_buf_addc(out, '[');
		for (size_t i = 0; i < n->nitems; i++)
			signature(r, n->items[i], out, depth + 1);
		dcatit_buf_addc(out, ']');
		break;
	case DCATIT_YAML_MAPPING:
		dcatit_buf_addc(out, '{');
		for (size_t p = 0; p + 1 < n->nitems; p += 2) {
			signature(r, n->items[p], out, depth + 1);
			signature(r, n->items[p + 1], out, depth + 1);
		}
		dcatit_buf_addc(out, '}');
		break;
	}
}

/* ---- blocks ------------------------------------------------------------- */

static void emit_languages(R *r, DcatitTermId s, DcatitYamlNode *n)
{
	if (!list_ok(r, n, "languages"))
		return;
	FOR_ITEMS(r, n, item)
		add(r, s, r->b->v.dct_language,
		    code_val(r, item, r->b->langs, DCATIT_NS_EU_AUTH "language/", "language"),
		    item);
}

static void emit_license(R *r, DcatitTermId s, DcatitTermId lic, DcatitYamlNode *n)
{
	const DcatitCatVocab *v = &r->b->v;
	if (!lic)
		return;
	add(r, s, v->dct_license, lic, n);
	add(r, lic, v->rdf_type, v->dcatapit_LicenseDocument, n);
	add(r, lic, v->rdf_type, v->dct_LicenseDocument, n);
}


static void emit_spatial(R *r, DcatitTermId s, DcatitYamlNode *n)
{
	const DcatitCatVocab *v = &r->b->v;
	if (!closed_map(r, n, &dcatit_fmt_spatial))
		return;
	DcatitYamlNode *place = get(r, n, "place"), *bbox = get(r, n, "bbox");
	if (!place && !bbox) {
		ERR(r, n, "spatial needs 'place', 'bbox' or both");
		return;
	}
	DcatitTermId loc = place ? iri_val(r, place, "spatial.place") : bnode(r);
	if (!loc)
		return;
	add(r, s, v->dct_spatial, loc, n);
	add(r, loc, v->rdf_type, v->dct_Location, n);
	if (!bbox)
		return;
	if (bbox->kind != DCATIT_YAML_SEQUENCE ||
	    bbox->nitems != 4) {
		ERR(r, bbox, "bbox must be a list of 4 numbers [west, south, east, north]");
		return;
	}
	const char *c[4];
	double d[4];
	int i = 0;
	FOR_ITEMS(r, bbox, item) {
		c[i] = scalar(r, item, "bbox");
		if (!c[i] || !decimal_ok(c[i])) {
			if (c[i])
				ERR(r, item, "'%s' is not a decimal number in bbox", c[i]);
			return;
		}
		d[i] = strtod(c[i], NULL);
		i++;
	}
	if (d[0] < -180 || d[2] > 180 || d[1] < -90 || d[3] > 90 || d[0] >= d[2] ||
	    d[1] >= d[3]) {
		ERR(r, bbox, "bbox [%s, %s, %s, %s] is not [west, south, east, north] in "
		    "degrees with west < east and south < north", c[0], c[1], c[2], c[3]);
		return;
	}
	DcatitBuf wkt;
	dcatit_buf_init(&wkt);
	dcatit_buf_addf(&wkt, "POLYGON((%s %s, %s %s, %s %s, %s %s, %s %s))", c[0], c[1],
	                c[2], c[1], c[2], c[3], c[0], c[3], c[0], c[1]);
	if (wkt.oom) {
		r->oom = true;
		return;
	}
	if (place) {
		DcatitBuf key;
		dcatit_buf_init(&key);
		dcatit_buf_addf(&key, "place %s", dcatit_terms_str(r->b->terms, loc));
		bool isnew = false;
		DcatitBuildNamed *e = key.oom ? NULL :
		        dcatit_build_named(r->b, key.data, wkt.data, &isnew);
		dcatit_buf_release(&key);
		if (!e)
			r->oom = true;
		else if (!isnew && strcmp(e->signature, wkt.data) != 0)
			ERR(r, bbox, "place %s already has another bbox (%s) in another record",
			    dcatit_terms_str(r->b->terms, loc), e->signature);
	}
	DcatitTermId g = lit(r, wkt.data, wkt.len, v->gsp_wktLiteral, NULL);
	add(r, loc, v->dcat_bbox, g, bbox);
	add(r, loc, v->locn_geometry, g, bbox);
	dcatit_buf_release(&wkt);
}

static bool email_ok(const char *s)
{
	const char *at = strchr(s, '@');
	if (!at || at == s || strchr(at + 1, '@') || !strchr(at + 1, '.') ||
	    at[1] == '.' || s[strlen(s) - 1] == '.')
		return false;
	return iri_chars_ok(s) && strncmp(s, "mailto:", 7) != 0;
}

static void emit_contact_values(R *r, DcatitTermId s, const char *name,
                                const char *email, const char *url,
                                const DcatitYamlNode *n)
{
	const DcatitCatVocab *v = &r->b->v;
	DcatitTermId c = bnode(r);
	add(r, s, v->dcat_contactPoint, c, n);
	add(r, c, v->rdf_type, v->dcatapit_Organization, n);
	add(r, c, v->rdf_type, v->vcard_Organization, n);
	add(r, c, v->rdf_type, v->vcard_Kind, n);
	add(r, c, v->vcard_fn, lit(r, name, strlen(name), 0, NULL), n);
	add(r, c, v->vcard_hasEmail, iri_cat(r, "mailto:", email), n);
	if (url)
		add(r, c, v->vcard_hasURL, iri_z(r, url), n);
}


/* Read a contact block; fills name/email/url (malloc'd) when valid. */
static bool read_contact(R *r, DcatitYamlNode *n, char **name, char **email, char **url)
{
	if (!closed_map(r, n, &dcatit_fmt_contact))
		return false;
	DcatitYamlNode *nn = need(r, n, "name", "contact"), *en = need(r, n, "email", "contact");
	DcatitYamlNode *un = get(r, n, "url");
	Str nm;
	bool ok = nn && string_val(r, nn, "contact.name", &nm);
	const char *em = en ? scalar(r, en, "contact.email") : NULL;
	if (em && !email_ok(em)) {
		ERR(r, en, "'%s' is not an e-mail address local@domain (without mailto:)", em);
		em = NULL;
	}
	DcatitTermId u = un ? iri_val(r, un, "contact.url") : 0;
	if (!ok || !em || (un && !u))
		return false;
	*name = strndup(nm.s, nm.len);
	*email = strdup(em);
	*url = u ? strdup(dcatit_terms_str(r->b->terms, u)) : NULL;
	if (!*name || !*email || (u && !*url))
		r->oom = true;
	return true;
}


static void emit_standards(R *r, DcatitTermId s, DcatitYamlNode *n)
{
	const DcatitCatVocab *v = &r->b->v;
	if (!list_ok(r, n, "conforms_to"))
		return;
	FOR_ITEMS(r, n, item) {
		if (!closed_map(r, item, &dcatit_fmt_standard))
			continue;
		DcatitYamlNode *idn = need(r, item, "identifier", "standard");
		DcatitYamlNode *irin = get(r, item, "iri"), *type = get(r, item, "type");
		DcatitYamlNode *title = get(r, item, "title"), *desc = get(r, item, "description");
		DcatitYamlNode *ref = get(r, item, "reference");
		bool crs = false;
		if (type) {
			const char *t = scalar(r, type, _("standard type"));
			if (t && strcmp(t, "crs") == 0)
				crs = true;
			else if (t && strcmp(t, "act") != 0)
				ERR(r, type, "unknown standard type '%s' (crs or act)", t);
		}
		if (crs && !irin)
			ERR(r, item, "a standard of type crs needs 'iri'");
		DcatitTermId node = irin ? iri_val(r, irin, _("standard iri")) : bnode(r);
		if (!node)
			continue;
		if (irin) {
			/* every description lands on one node: they must agree */
			DcatitBuf key, sig;
			dcatit_buf_init(&key);
			dcatit_buf_init(&sig);
			dcatit_buf_addf(&key, "standard %s", dcatit_terms_str(r->b->terms, node));
			signature(r, item, &sig, 0);
			bool isnew = false;
			DcatitBuildNamed *e = key.oom || sig.oom ? NULL :
			        dcatit_build_named(r->b, key.data, sig.data, &isnew);
			if (!e)
				r->oom = true;
			else if (!isnew && strcmp(e->signature, sig.data) != 0)
				ERR(r, item, "standard %s is described differently elsewhere; every "
				    "description of it must be identical", dcatit_terms_str(r->b->terms, node));
			dcatit_buf_release(&key);
			dcatit_buf_release(&sig);
		}
		add(r, s, v->dct_conformsTo, node, item);
		add(r, node, v->rdf_type, v->dcatapit_Standard, item);
		add(r, node, v->rdf_type, v->dct_Standard, item);
		Str ids;
		if (idn && string_val(r, idn, _("standard identifier"), &ids))
			add(r, node, v->dct_identifier, lit(r, ids.s, ids.len, 0, NULL), idn);
		if (title)
			emit_text(r, node, v->dct_title, title, _("standard title"), false);
		if (desc)
			emit_text(r, node, v->dct_description, desc, _("standard description"), true);
		if (ref)
			add(r, node, v->dcatapit_referenceDocumentation,
			    iri_val(r, ref, _("standard reference")), ref);
		if (crs)
			add(r, node, v->dct_type, v->srs_type, type);
	}
}


static void emit_temporal(R *r, DcatitTermId s, DcatitYamlNode *n)
{
	const DcatitCatVocab *v = &r->b->v;
	if (!closed_map(r, n, &dcatit_fmt_temporal))
		return;
	DcatitYamlNode *st = need(r, n, "start", "temporal"), *en = get(r, n, "end");
	DcatitYamlNode *cm = get(r, n, "comment");
	char sd[11] = "", ed[11] = "";
	if (st)
		date_val(r, st, "temporal.start", sd);
	if (en)
		date_val(r, en, "temporal.end", ed);
	if (sd[0] && ed[0] && strcmp(ed, sd) < 0)
		ERR(r, en, "temporal end %s is before its start %s", ed, sd);
	DcatitTermId p = bnode(r);
	add(r, s, v->dct_temporal, p, n);
	add(r, p, v->rdf_type, v->dct_PeriodOfTime, n);
	if (sd[0]) {
		DcatitTermId l = lit(r, sd, 10, v->xsd_date, NULL);
		add(r, p, v->dcatapit_startDate, l, st);
		add(r, p, v->dcat_startDate, l, st);
	}
	if (ed[0]) {
		DcatitTermId l = lit(r, ed, 10, v->xsd_date, NULL);
		add(r, p, v->dcatapit_endDate, l, en);
		add(r, p, v->dcat_endDate, l, en);
	}
	if (cm)
		emit_text(r, p, v->rdfs_comment, cm, _("temporal comment"), false);
}

/* ---- loading a file ----------------------------------------------------- */

static DcatitStatus open_doc(R *r, DcatitBuild *b, const char *rel,
                             DcatitNotes *notes, DcatitDiag *d, DcatitYamlNode **root)
{
	memset(r, 0, sizeof *r);
	r->b = b;
	r->model = b->model;
	r->notes = notes;
	r->rel = rel;
	*root = NULL;
	r->display = dcatit_build_path(b, rel);
	if (!r->display)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	r->src = dcatit_model_add_source(b->model, r->display);
	DcatitBuf text;
	dcatit_buf_init(&text);
	DcatitDiag rd;
	dcatit_diag_init(&rd);
	DcatitStatus st = dcatit_cfile_read(b, rel, &text, &rd);
	if (st == DCATIT_OK)
		st = dcatit_yaml_read(&r->doc, text.data ? text.data : "", text.len, r->display, &rd);
	dcatit_buf_release(&text);
	if (st == DCATIT_ERR_SYNTAX || st == DCATIT_ERR_INVALID) {
		/* a data error of this file: noted, the build goes on */
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR, r->display, rd.line, rd.col, "%s",
		                 rd.message);
		return DCATIT_OK;
	}
	if (st != DCATIT_OK) {
		*d = rd;
		return st;
	}
	if (!r->doc.root) {
		dcatit_notes_add(notes, DCATIT_NOTE_ERROR, r->display, 1, 1, "empty file");
		return DCATIT_OK;
	}
	size_t before = notes->errors;
	check_tags(r, r->doc.root);
	if (notes->errors == before)
		*root = r->doc.root;
	return DCATIT_OK;
}

static DcatitStatus close_doc(R *r, DcatitDiag *d)
{
	dcatit_yaml_release(&r->doc);
	free(r->display);
	if (r->oom || r->notes->oom)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	return DCATIT_OK;
}

/* Open a record that needs the base URI (it mints IRIs): false, with *st
 * set, when there is nothing to read (errors were noted or it failed). */
static bool begin(R *r, DcatitBuild *b, const char *rel, DcatitNotes *notes,
                  DcatitDiag *d, DcatitYamlNode **root, DcatitStatus *st)
{
	*st = open_doc(r, b, rel, notes, d, root);
	if (*st != DCATIT_OK || !*root || !b->base) {
		close_doc(r, d);
		return false;
	}
	return true;
}

/* ---- catalog.yaml ------------------------------------------------------- */


static bool base_ok(const char *s)
{
	size_t n = strlen(s);
	return n && s[n - 1] != '/' && !strchr(s, '?') && !strchr(s, '#');
}

/* Everything that needs the registry (agents) is read after it. */
static void catalog_body(R *r, DcatitYamlNode *root)
{
	DcatitBuild *b = r->b;
	const DcatitCatVocab *v = &b->v;
	DcatitTermId c = b->catalog;
	DcatitYamlNode *n;
	add(r, c, v->rdf_type, v->dcatapit_Catalog, root);
	add(r, c, v->rdf_type, v->dcat_Catalog, root);
	add(r, c, v->dcat_themeTaxonomy, v->theme_scheme, root);
	if ((n = need(r, root, "title", "catalog")))
		emit_text(r, c, v->dct_title, n, "title", false);
	if ((n = need(r, root, "description", "catalog")))
		emit_text(r, c, v->dct_description, n, "description", false);
	if ((n = need(r, root, "publisher", "catalog")))
		add(r, c, v->dct_publisher, org_val(r, n, "publisher", false), n);
	if ((n = get(r, root, "homepage"))) {
		DcatitTermId h = iri_val(r, n, "homepage");
		add(r, c, v->foaf_homepage, h, n);
		add(r, h, v->rdf_type, v->foaf_Document, n);
	}
	if ((n = get(r, root, "issued")))
		emit_date(r, c, v->dct_issued, n, "issued", NULL);
	if ((n = get(r, root, "modified"))) {
		char m[11];
		if (date_val(r, n, "modified", m)) {
			free(b->catalog_modified);
			b->catalog_modified = strdup(m);
			if (!b->catalog_modified)
				r->oom = true;
		}
	}
	if ((n = get(r, root, "languages")))
		emit_languages(r, c, n);
	if ((n = get(r, root, "license")))
		emit_license(r, c, code_val(r, n, b->licences, DCATIT_NS_LICENCES, "licence"), n);
	if ((n = get(r, root, "spatial")))
		emit_spatial(r, c, n);

	DcatitYamlNode *own = get(r, root, "own_files");
	if (own && closed_map(r, own, &dcatit_fmt_own_files)) {
		DcatitYamlNode *ln = need(r, own, "license", "own_files");
		DcatitYamlNode *sn = need(r, own, "statement", "own_files");
		DcatitTermId lic = ln ? code_val(r, ln, b->licences, DCATIT_NS_LICENCES, "licence") : 0;
		DcatitTermId rs = sn ? iri_cat(r, b->base, "/rights/own-files") : 0;
		if (lic && rs) {
			b->own_license = lic;
			b->own_rights = rs;
			add(r, rs, v->rdf_type, v->dct_RightsStatement, own);
			emit_text(r, rs, v->rdfs_label, sn, _("own_files statement"), false);
		}
	}
	DcatitYamlNode *def = get(r, root, "defaults");
	if (def && closed_map(r, def, &dcatit_fmt_defaults)) {
		b->def_loc = (DcatitLoc){ r->src, (uint32_t)def->line };
		if ((n = get(r, def, "license")))
			b->def_license = code_val(r, n, b->licences, DCATIT_NS_LICENCES, "licence");
		if ((n = get(r, def, "publisher")))
			b->def_publisher = org_val(r, n, "publisher", false);
		if ((n = get(r, def, "rights_holder")))
			b->def_rights_holder = org_val(r, n, _("rights holder"), false);
		if ((n = get(r, def, "languages")) && list_ok(r, n, "defaults.languages")) {
			size_t cnt = n->nitems;
			b->def_languages = calloc(cnt, sizeof *b->def_languages);
			if (!b->def_languages)
				r->oom = true;
			FOR_ITEMS(r, n, item) {
				DcatitTermId l = code_val(r, item, b->langs,
				                          DCATIT_NS_EU_AUTH "language/", "language");
				if (l && b->def_languages)
					b->def_languages[b->ndef_languages++] = l;
			}
		}
		if ((n = get(r, def, "contact")))
			read_contact(r, n, &b->def_contact_name, &b->def_contact_email,
			             &b->def_contact_url);
	}
}

DcatitStatus dcatit_records_read_catalog(DcatitBuild *b, const char *rel,
                                         DcatitNotes *notes, DcatitDiag *d)
{
	R r;
	DcatitYamlNode *root;
	DcatitStatus st = open_doc(&r, b, rel, notes, d, &root);
	if (st != DCATIT_OK || !root) {
		close_doc(&r, d);
		return st;
	}
	b->catalog_src = r.src;
	if (!closed_map(&r, root, &dcatit_fmt_catalog))
		return close_doc(&r, d);
	DcatitYamlNode *n = need(&r, root, "base_uri", "catalog");
	const char *base = b->base_override;
	if (n) {
		DcatitTermId id = iri_val(&r, n, "base_uri");
		const char *s = id ? dcatit_terms_str(b->terms, id) : NULL;
		if (s && !base_ok(s))
			ERR(&r, n, "base_uri '%s' must not end with '/' nor have a query or fragment", s);
		else if (s && !base)
			base = s;
	}
	if (base) {
		b->base = strdup(base);
		if (!b->base)
			r.oom = true;
		else
			b->catalog = iri_cat(&r, b->base, "/catalog");
	}
	if ((n = need(&r, root, "records", "catalog")) && list_ok(&r, n, "records")) {
		size_t cnt = n->nitems;
		b->record_dirs = calloc(cnt, sizeof *b->record_dirs);
		if (!b->record_dirs)
			r.oom = true;
		FOR_ITEMS(&r, n, item) {
			char *p = path_val(&r, item, "records", true);
			if (p && b->record_dirs)
				b->record_dirs[b->nrecord_dirs++] = p;
			else
				free(p);
		}
	}
	if ((n = get(&r, root, "registry")))
		b->registry = path_val(&r, n, "registry", false);
	return close_doc(&r, d);
}

/* The second pass over catalog.yaml, once the registry is loaded. */
DcatitStatus dcatit_records_read_catalog_body(DcatitBuild *b, const char *rel,
                                              DcatitNotes *notes, DcatitDiag *d)
{
	R r;
	DcatitYamlNode *root;
	DcatitNotes quiet; /* the first pass already reported the file's errors */
	dcatit_notes_init(&quiet);
	DcatitStatus st = open_doc(&r, b, rel, &quiet, d, &root);
	r.notes = notes;
	if (st == DCATIT_OK && root && root->kind == DCATIT_YAML_MAPPING && b->catalog)
		catalog_body(&r, root);
	dcatit_notes_release(&quiet);
	DcatitStatus st2 = close_doc(&r, d);
	return st != DCATIT_OK ? st : st2;
}

/* ---- organizations.yaml ------------------------------------------------- */


static bool key_ok(const char *s)
{
	if (!islower((unsigned char)*s))
		return false;
	for (; *s; s++)
		if (!islower((unsigned char)*s) && !isdigit((unsigned char)*s) && *s != '_')
			return false;
	return true;
}

DcatitStatus dcatit_records_read_registry(DcatitBuild *b, const char *rel,
                                          DcatitNotes *notes, DcatitDiag *d)
{
	R r;
	DcatitYamlNode *root;
	DcatitStatus st;
	if (!begin(&r, b, rel, notes, d, &root, &st))
		return st;
	if (root->kind != DCATIT_YAML_MAPPING) {
		ERR(&r, root, "the registry must be a mapping key -> organisation");
		return close_doc(&r, d);
	}
	const DcatitCatVocab *v = &b->v;
	r.model = dcatit_orgs_graph(b->orgs); /* entries live in the registry graph */
	r.src = dcatit_model_add_source(r.model, r.display);
	for (size_t p = 0; p + 1 < root->nitems; p += 2) {
		DcatitYamlNode *k = root->items[p], *e = root->items[p + 1];
		const char *key = k && k->kind == DCATIT_YAML_SCALAR ?
		                  k->value : NULL;
		if (!key || !key_ok(key)) {
			ERR(&r, k ? k : root, "registry key '%s' must match [a-z][a-z0-9_]*",
			    key ? key : "?");
			continue;
		}
		if (dcatit_orgs_has_code_nocase(b->orgs, key)) {
			ERR(&r, k, "registry key '%s' is an IPA code of vocab/organizations.ttl; "
			    "use the code directly", key);
			continue;
		}
		if (!e || !closed_map(&r, e, &dcatit_fmt_organisation))
			continue;
		DcatitBuf iri;
		dcatit_buf_init(&iri);
		dcatit_buf_addf(&iri, "%s/agent/%s", b->base, key);
		DcatitTermId agent = iri.oom ? 0 : iri_z(&r, iri.data);
		dcatit_buf_release(&iri);
		if (!agent) {
			r.oom = true;
			break;
		}
		DcatitYamlNode *name = need(&r, e, "name", "organisation");
		DcatitYamlNode *idn = get(&r, e, "identifier"), *hp = get(&r, e, "homepage");
		DcatitYamlNode *nt = get(&r, e, "note");
		Str s;
		bool identified = false;
		if (name && string_val(&r, name, "name", &s))
			add(&r, agent, v->foaf_name, lit(&r, s.s, s.len, 0, "it"), name);
		if (idn && string_val(&r, idn, "identifier", &s)) {
			add(&r, agent, v->dct_identifier, lit(&r, s.s, s.len, 0, NULL), idn);
			identified = true;
		}
		if (hp)
			add(&r, agent, v->foaf_homepage, iri_val(&r, hp, "homepage"), hp);
		if (nt)
			emit_text(&r, agent, v->rdfs_comment, nt, "note", false);
		if (identified)
			add(&r, agent, v->rdf_type, v->dcatapit_Agent, k);
		add(&r, agent, v->rdf_type, v->foaf_Agent, k);
		DcatitStatus as = dcatit_orgs_add(b->orgs, key, agent, identified);
		if (as == DCATIT_ERR_INVALID)
			ERR(&r, k, "registry key '%s' is defined twice", key);
		else if (as != DCATIT_OK)
			r.oom = true;
	}
	return close_doc(&r, d);
}

/* ---- data dictionaries -------------------------------------------------- */


/* The columns of a dictionary by name: a dictionary may have thousands. */
typedef struct {
	const DcatitDict *dict;
	Keyed *by_name; /* (name, column index), sorted */
} Columns;

static long column_index(const Columns *cs, const char *name)
{
	size_t lo = 0, hi = cs->dict->ncols;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		int c = strcmp(cs->by_name[mid].s, name);
		if (c == 0)
			return (long)cs->by_name[mid].i;
		if (c < 0)
			lo = mid + 1;
		else
			hi = mid;
	}
	return -1;
}

/* Resolve a list of decimal column names into indexes. */
static size_t *column_list(R *r, const Columns *cs, DcatitYamlNode *n,
                           const char *what, size_t *count)
{
	const DcatitDict *dict = cs->dict;
	*count = 0;
	if (!list_ok(r, n, what))
		return NULL;
	size_t cnt = n->nitems;
	size_t *idx = calloc(cnt, sizeof *idx);
	if (!idx) {
		r->oom = true;
		return NULL;
	}
	FOR_ITEMS(r, n, item) {
		const char *s = scalar(r, item, what);
		if (!s)
			continue;
		long i = column_index(cs, s);
		if (i < 0) {
			ERR(r, item, "'%s' is not a column of the dictionary (%s)", s, what);
			continue;
		}
		if (dict->cols[i].type != DCATIT_COL_DECIMAL) {
			ERR(r, item, "column '%s' is not decimal (%s)", s, what);
			continue;
		}
		idx[(*count)++] = (size_t)i;
	}
	return idx;
}

/* Read the stated counts of a decimal column (README section 7). */
static void read_counts(R *r, const Columns *cs, DcatitDictColumn *col, DcatitYamlNode *n)
{
	if (col->type != DCATIT_COL_DECIMAL) {
		ERR(r, n, "stated_counts apply to decimal columns only");
		return;
	}
	if (!list_ok(r, n, "stated_counts"))
		return;
	size_t cnt = n->nitems;
	col->counts = calloc(cnt, sizeof *col->counts);
	if (!col->counts) {
		r->oom = true;
		return;
	}
	FOR_ITEMS(r, n, item) {
		if (!closed_map(r, item, &dcatit_fmt_stated_count))
			continue;
		DcatitYamlNode *rows = get(r, item, "rows");
		DcatitYamlNode *nz = need(r, item, "nonzero", _("stated count"));
		DcatitYamlNode *src = need(r, item, "source", _("stated count"));
		DcatitDictCount c = { .all_rows = true,
		                      .line = item->line,
		                      .col = item->col };
		bool ok = nz && src;
		const char *s = nz ? scalar(r, nz, "nonzero") : NULL;
		char *end = NULL;
		errno = 0;
		unsigned long long v = s && isdigit((unsigned char)*s) ? strtoull(s, &end, 10) : 0;
		if (s && (!end || *end || errno)) {
			ERR(r, nz, "nonzero must be a whole number of rows, not '%s'", s);
			ok = false;
		}
		c.nonzero = (size_t)v;
		Str st;
		if (src && string_val(r, src, _("stated count source"), &st)) {
			c.source = dcatit_strndup(st.s, st.len);
			if (!c.source)
				r->oom = true;
		} else {
			ok = false;
		}
		if (rows && closed_map(r, rows, &dcatit_fmt_stated_rows)) {
			DcatitYamlNode *cn = need(r, rows, "column", _("stated count rows"));
			DcatitYamlNode *pn = need(r, rows, "starts_with", _("stated count rows"));
			const char *cname = cn ? scalar(r, cn, "rows.column") : NULL;
			long ci = cname ? column_index(cs, cname) : -1;
			if (cname && ci < 0)
				ERR(r, cn, "'%s' is not a column of the dictionary", cname);
			Str ps;
			if (ci >= 0 && pn && string_val(r, pn, "rows.starts_with", &ps)) {
				c.all_rows = false;
				c.match_col = (size_t)ci;
				c.prefix = dcatit_strndup(ps.s, ps.len);
				if (!c.prefix)
					r->oom = true;
			} else {
				ok = false;
			}
		} else if (rows) {
			ok = false;
		}
		if (ok && !r->oom) {
			col->counts[col->ncounts++] = c;
		} else {
			free(c.prefix);
			free(c.source);
		}
	}
}

/* Read a dictionary; returns false after errors. table_rel gets the path
 * of the CSV it describes (relative to the catalogue, caller frees). */
static bool read_dictionary(DcatitBuild *b, const char *rel, DcatitNotes *notes,
                            DcatitDict *dict, char **table_rel, DcatitDiag *d,
                            DcatitStatus *fatal)
{
	R r;
	DcatitYamlNode *root;
	memset(dict, 0, sizeof *dict);
	*table_rel = NULL;
	size_t before = notes->errors;
	*fatal = open_doc(&r, b, rel, notes, d, &root);
	if (*fatal != DCATIT_OK || !root) {
		close_doc(&r, d);
		return false;
	}
	dict->file = strdup(r.display);
	if (!closed_map(&r, root, &dcatit_fmt_dictionary)) {
		*fatal = close_doc(&r, d);
		return false;
	}
	DcatitYamlNode *n;
	if ((n = need(&r, root, "table", _("data dictionary"))))
		*table_rel = path_val(&r, n, "table", false);
	if ((n = get(&r, root, "title")))
		emit_text(&r, 0, 0, n, "title", false); /* checked, not emitted */
	if ((n = get(&r, root, "source")))
		emit_text(&r, 0, 0, n, "source", false);
	if ((n = need(&r, root, "decimal_separator", _("data dictionary")))) {
		const char *s = scalar(&r, n, "decimal_separator");
		if (s && strcmp(s, ".") != 0)
			ERR(&r, n, "decimal_separator must be '.'");
	}
	Columns cs = { dict, NULL };
	DcatitYamlNode *cols = need(&r, root, "columns", _("data dictionary"));
	if (cols && list_ok(&r, cols, "columns")) {
		size_t cnt = cols->nitems;
		dict->cols = calloc(cnt, sizeof *dict->cols);
		if (!dict->cols)
			r.oom = true;
		/* first the names and types, then total_of which refers to them */
		DcatitYamlNode **names = calloc(cnt, sizeof *names);
		if (!names)
			r.oom = true;
		FOR_ITEMS(&r, cols, c) {
			if (!dict->cols || !names)
				break;
			DcatitDictColumn *col = &dict->cols[it_c];
			col->scale = -1;
			col->required = true;
			if (!closed_map(&r, c, &dcatit_fmt_column))
				continue;
			DcatitYamlNode *nm = need(&r, c, "name", "column");
			DcatitYamlNode *ty = need(&r, c, "type", "column");
			DcatitYamlNode *rq = get(&r, c, "required"), *sc = get(&r, c, "scale");
			DcatitYamlNode *un = get(&r, c, "unit"), *ti = need(&r, c, "title", "column");
			DcatitYamlNode *de = get(&r, c, "description");
			const char *name = nm ? scalar(&r, nm, _("column name")) : NULL;
			if (name && !key_ok(name)) {
				ERR(&r, nm, "column name '%s' must match [a-z][a-z0-9_]*", name);
				name = NULL;
			}
			const char *type = ty ? scalar(&r, ty, _("column type")) : NULL;
			if (type && strcmp(type, "string") == 0)
				col->type = DCATIT_COL_STRING;
			else if (type && strcmp(type, "decimal") == 0)
				col->type = DCATIT_COL_DECIMAL;
			else if (type && strcmp(type, "ipa_code") == 0)
				col->type = DCATIT_COL_IPA_CODE;
			else if (type)
				ERR(&r, ty, "unknown column type '%s' (string, decimal, ipa_code)", type);
			if (rq) {
				const char *s = scalar(&r, rq, "required");
				if (s && strcmp(s, "true") == 0)
					col->required = true;
				else if (s && strcmp(s, "false") == 0)
					col->required = false;
				else if (s)
					ERR(&r, rq, "required must be true or false, not '%s'", s);
			}
			if (sc) {
				const char *s = scalar(&r, sc, "scale");
				char *end = NULL;
				long v2 = s ? strtol(s, &end, 10) : -1;
				if (s && (!isdigit((unsigned char)*s) || *end || v2 > 9))
					ERR(&r, sc, "scale must be an integer from 0 to 9, not '%s'", s);
				else if (s)
					col->scale = (int)v2;
			}
			if ((sc || un) && col->type != DCATIT_COL_DECIMAL)
				ERR(&r, sc ? sc : un, "unit and scale apply to decimal columns only");
			Str tmp;
			if (un)
				string_val(&r, un, "unit", &tmp);
			if (ti)
				emit_text(&r, 0, 0, ti, _("column title"), false);
			if (de)
				emit_text(&r, 0, 0, de, _("column description"), false);
			if (name)
				names[it_c] = nm;
		}
		/* a name listed twice is an error at the second; the others, in
		 * their order, are the columns */
		bool *rep = names ? repeats(&r, names, cnt) : NULL;
		size_t *index = calloc(cnt, sizeof *index); /* item -> column + 1 */
		cs.by_name = malloc(cnt * sizeof *cs.by_name);
		if (!rep || !index || !cs.by_name)
			r.oom = true;
		for (size_t i = 0; rep && index && cs.by_name && i < cnt; i++) {
			if (!names[i])
				continue;
			if (rep[i]) {
				ERR(&r, names[i], "column '%s' is listed twice", names[i]->value);
				continue;
			}
			DcatitDictColumn *col = &dict->cols[dict->ncols];
			*col = dict->cols[i];
			if (!(col->name = strdup(names[i]->value)))
				r.oom = true;
			cs.by_name[dict->ncols] = (Keyed){ names[i]->value, dict->ncols };
			index[i] = ++dict->ncols;
		}
		if (cs.by_name)
			qsort(cs.by_name, dict->ncols, sizeof *cs.by_name, cmp_keyed);
		FOR_ITEMS(&r, cols, c) {
			if (!index || !cs.by_name || !index[it_c])
				continue;
			DcatitYamlNode *to = get(&r, c, "total_of"), *sc = get(&r, c, "stated_counts");
			DcatitDictColumn *col = &dict->cols[index[it_c] - 1];
			if (to && col->type != DCATIT_COL_DECIMAL)
				ERR(&r, to, "total_of applies to decimal columns only");
			else if (to)
				col->total_of = column_list(&r, &cs, to, "total_of", &col->ntotal_of);
			if (sc)
				read_counts(&r, &cs, col, sc);
		}
		free(index);
		free(rep);
		free(names);
	}
	DcatitYamlNode *tr = get(&r, root, "totals_row");
	if (tr && closed_map(&r, tr, &dcatit_fmt_totals)) {
		DcatitYamlNode *cn = need(&r, tr, "column", "totals_row");
		DcatitYamlNode *vn = need(&r, tr, "value", "totals_row");
		DcatitYamlNode *sn = need(&r, tr, "sums", "totals_row");
		const char *cn_s = cn ? scalar(&r, cn, "totals_row.column") : NULL;
		long ci = cn_s && cs.by_name ? column_index(&cs, cn_s) : -1;
		if (cn_s && ci < 0)
			ERR(&r, cn, "'%s' is not a column of the dictionary", cn_s);
		Str vs;
		if (ci >= 0 && vn && string_val(&r, vn, "totals_row.value", &vs)) {
			dict->has_totals_row = true;
			dict->totals_col = (size_t)ci;
			dict->totals_value = strndup(vs.s, vs.len);
			if (!dict->totals_value)
				r.oom = true;
		}
		if (sn && cs.by_name)
			dict->sums = column_list(&r, &cs, sn, "sums", &dict->nsums);
	}
	free(cs.by_name);
	*fatal = close_doc(&r, d);
	return notes->errors == before && *fatal == DCATIT_OK;
}

/* ---- dataset records ---------------------------------------------------- */


static bool keyword_ok(const char *s, size_t len)
{
	if (!len || s[0] == ' ' || s[len - 1] == ' ')
		return false;
	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c == ' ') {
			if (s[i + 1] == ' ')
				return false;
		} else if (!isalnum(c) && c < 0x80) {
			return false;
		}
	}
	return true;
}

static void emit_keywords(R *r, DcatitTermId ds, DcatitYamlNode *n)
{
	if (n->kind != DCATIT_YAML_MAPPING) {
		ERR(r, n, "keywords must be a mapping language -> list of keywords");
		return;
	}
	for (size_t p = 0; p + 1 < n->nitems; p += 2) {
		DcatitYamlNode *k = n->items[p], *l = n->items[p + 1];
		const char *lang = k && k->kind == DCATIT_YAML_SCALAR ?
		                   k->value : NULL;
		if (!lang || !is_lang(lang)) {
			ERR(r, k ? k : n, "'%s' is not a two-letter language code in keywords",
			    lang ? lang : "?");
			continue;
		}
		if (!l || !list_ok(r, l, "keywords"))
			continue;
		FOR_ITEMS(r, l, item) {
			Str s;
			if (!string_val(r, item, "keyword", &s))
				continue;
			if (!keyword_ok(s.s, s.len)) {
				ERR(r, item, "keyword '%.*s' may hold letters, digits and single spaces "
				    "only (AgID guidelines)", (int)s.len, s.s);
				continue;
			}
			add(r, ds, r->b->v.dcat_keyword, lit(r, s.s, s.len, 0, lang), item);
		}
	}
}

/* A EuroVoc subject must be mapped, in the AgID theme -> EuroVoc table, to
 * one of the record's themes. */
static void check_subject(R *r, DcatitYamlNode *n, const char *code, DcatitTermId subj,
                          const DcatitTermId *themes, size_t nthemes)
{
	DcatitModel *map = r->b->subject_map;
	DcatitTermId nm = r->b->v.skos_narrowMatch;
	for (size_t i = 0; i < nthemes; i++)
		if (dcatit_model_has(map, themes[i], nm, subj))
			return;
	DcatitRange under = dcatit_model_po(map, nm, subj);
	if (!under.n) {
		ERR(r, n, "EuroVoc id '%s' is not in the AgID theme-EuroVoc mapping", code);
		return;
	}
	const char *t = dcatit_terms_str(r->b->terms,
	                                 dcatit_model_triple(map, under.idx[0])->s);
	const char *slash = strrchr(t, '/');
	ERR(r, n, "EuroVoc id '%s' belongs to theme %s, which is not among the record's "
	    "themes", code, slash ? slash + 1 : t);
}

/* ---- notes on the sources (README section 5.6) ---------------------------- */

/* A note the build appends to the description: an inconsistency of the
 * source (also a warning) or a value nobody verified. */
typedef struct {
	DcatitYamlNode *item;  /* the list item, for locations */
	DcatitYamlNode *text;  /* language -> text */
	DcatitYamlNode *quote; /* inconsistencies: the passage of a file it is about */
	bool inconsistency;
} Caveat;

/* The trimmed text of language lang in a text mapping already checked by
 * emit_text; false when absent. */
static bool text_lang(R *r, DcatitYamlNode *text, const char *lang, Str *out)
{
	for (size_t p = 0; p + 1 < text->nitems; p += 2) {
		DcatitYamlNode *k = text->items[p], *v = text->items[p + 1];
		if (!k || k->kind != DCATIT_YAML_SCALAR || !v || v->kind != DCATIT_YAML_SCALAR ||
		    strcmp(k->value, lang) != 0)
			continue;
		const char *st = v->value;
		size_t len = v->len;
		while (len && isspace((unsigned char)*st)) {
			st++;
			len--;
		}
		while (len && isspace((unsigned char)st[len - 1]))
			len--;
		*out = (Str){ st, len };
		return len > 0;
	}
	return false;
}

/* Read source_inconsistencies and unverified into cv (room for max);
 * returns how many were read. */
static size_t read_caveats(R *r, DcatitYamlNode *root, Caveat *cv, size_t max)
{
	size_t n = 0;
	bool full = false;
	DcatitYamlNode *l = get(r, root, "source_inconsistencies");
	if (l && list_ok(r, l, "source_inconsistencies"))
		FOR_ITEMS(r, l, item) {
			if (n == max) {
				full = true;
				break;
			}
			if (!closed_map(r, item, &dcatit_fmt_inconsistency))
				continue;
			DcatitYamlNode *note = need(r, item, "note", _("source inconsistency"));
			DcatitYamlNode *quote = get(r, item, "quote");
			Str q;
			if (quote && !string_val(r, quote, "quote", &q))
				quote = NULL;
			if (!note)
				continue;
			emit_text(r, 0, 0, note, _("source inconsistency note"), false);
			cv[n++] = (Caveat){ item, note, quote, true };
		}
	l = get(r, root, "unverified");
	if (l && list_ok(r, l, "unverified"))
		FOR_ITEMS(r, l, item) {
			if (n == max) {
				full = true;
				break;
			}
			emit_text(r, 0, 0, item, _("unverified note"), false);
			if (item->kind == DCATIT_YAML_MAPPING)
				cv[n++] = (Caveat){ item, item, NULL, false };
		}
	if (full)
		ERR(r, root, "more than %zu notes in source_inconsistencies and unverified", max);
	return n;
}

static const char *caveat_label(const Caveat *c, const char *lang)
{
	bool it = strcmp(lang, "it") == 0;
	if (c->inconsistency)
		return it ? "Incongruenza della fonte: " : "Inconsistency in the source: ";
	return it ? "Non verificato: " : "Not verified: ";
}

/* dct:description: the record's text, then, in the same language, one
 * paragraph per note. Every note gives every language of the description
 * and no other, so no reader of any language misses one. */
static void emit_description(R *r, DcatitTermId ds, DcatitYamlNode *desc, const Caveat *cv,
                             size_t ncv)
{
	if (!ncv) {
		emit_text(r, ds, r->b->v.dct_description, desc, "description", false);
		return;
	}
	size_t before = r->notes->errors;
	emit_text(r, 0, 0, desc, "description", false);
	if (r->notes->errors != before)
		return;
	for (size_t i = 0; i < ncv; i++) {
		const char *what = cv[i].inconsistency ? "source_inconsistencies" : "unverified";
		for (size_t p = 0; p + 1 < cv[i].text->nitems; p += 2) {
			DcatitYamlNode *k = cv[i].text->items[p];
			const char *lang = k && k->kind == DCATIT_YAML_SCALAR ?
			                   k->value : "";
			Str x;
			if (!text_lang(r, desc, lang, &x))
				ERR(r, k ? k : cv[i].text, "%s note in '%s', a language the description "
				    "does not have", what, lang);
		}
	}
	for (size_t p = 0; p + 1 < desc->nitems; p += 2) {
		DcatitYamlNode *k = desc->items[p], *v = desc->items[p + 1];
		const char *lang = k->value;
		Str d;
		if (!text_lang(r, desc, lang, &d))
			continue;
		DcatitBuf b;
		dcatit_buf_init(&b);
		dcatit_buf_add(&b, d.s, d.len);
		bool whole = true;
		for (size_t i = 0; i < ncv; i++) {
			Str x;
			if (!text_lang(r, cv[i].text, lang, &x)) {
				ERR(r, cv[i].text, "%s note has no '%s' text; every note needs each "
				    "language of the description", cv[i].inconsistency ?
				    "source_inconsistencies" : "unverified", lang);
				whole = false;
				continue;
			}
			dcatit_buf_addf(&b, "\n\n%s", caveat_label(&cv[i], lang));
			dcatit_buf_add(&b, x.s, x.len);
		}
		if (b.oom)
			r->oom = true;
		else if (whole)
			add(r, ds, r->b->v.dct_description, lit(r, b.data, b.len, 0, lang), v);
		dcatit_buf_release(&b);
	}
}

/* Each inconsistency is a warning: at its quote in one of the record's
 * files (the plain-text version that repeats the source), else at the item.
 * A quote that no file holds is an error, so the flag cannot go stale. */
static void flag_inconsistencies(R *r, DcatitYamlNode *root, const Caveat *cv, size_t ncv)
{
	DcatitYamlNode *dists = get(r, root, "distributions");
	for (size_t i = 0; i < ncv; i++) {
		if (!cv[i].inconsistency)
			continue;
		Str msg, q = { NULL, 0 };
		if (!text_lang(r, cv[i].text, "en", &msg) && !text_lang(r, cv[i].text, "it", &msg))
			continue;
		if (cv[i].quote && !string_val(r, cv[i].quote, "quote", &q))
			continue;
		if (!q.s) {
			note(r, DCATIT_NOTE_WARNING, cv[i].item, "inconsistency in the source, kept as "
			     "published: %.*s", (int)msg.len, msg.s);
			continue;
		}
		bool found = false;
		if (dists && dists->kind == DCATIT_YAML_SEQUENCE)
			FOR_ITEMS(r, dists, di) {
				DcatitYamlNode *f = found ? NULL : get(r, di, "file");
				if (!f || f->kind != DCATIT_YAML_SCALAR)
					continue;
				bool oom = false;
				char *rel = resolve_rel(r->rel, f->value, &oom);
				char *full = rel ? dcatit_build_path(r->b, rel) : NULL;
				unsigned long line = 0, col = 0;
				DcatitBuf data;
				dcatit_buf_init(&data);
				DcatitDiag fd;
				dcatit_diag_init(&fd);
				/* read as the build reads it: inside the catalogue, regular
				 * (a link out of it or a FIFO is reported where the file is) */
				DcatitStatus fst = full ? dcatit_cfile_read(r->b, rel, &data, &fd) : DCATIT_OK;
				if (fst == DCATIT_OK && full)
					fst = dcatit_dist_find_text(data.data ? data.data : "", data.len, q.s,
					                            q.len, &line, &col);
				if (oom || (rel && !full) || fst == DCATIT_ERR_NOMEM) {
					r->oom = true;
				} else if (full && fst == DCATIT_OK) {
					dcatit_notes_add(r->notes, DCATIT_NOTE_WARNING, full, line, col,
					                 "inconsistency in the source, kept as published: %.*s",
					                 (int)msg.len, msg.s);
					found = true;
				}
				dcatit_buf_release(&data);
				free(full);
				free(rel);
			}
		if (!found)
			ERR(r, cv[i].quote, "quote '%.*s' is not in any file of the record; quote the "
			    "passage of the file the inconsistency is about", (int)q.len, q.s);
	}
}

static void emit_agents(R *r, DcatitTermId ds, DcatitTermId pred, DcatitYamlNode *n,
                        const char *what, const char *role, bool any_ok)
{
	if (!list_ok(r, n, what))
		return;
	FOR_ITEMS(r, n, item)
		add(r, ds, pred, org_val(r, item, role, any_ok), item);
}

static void emit_service(R *r, DcatitTermId ds, DcatitTermId dist, DcatitYamlNode *n)
{
	const DcatitCatVocab *v = &r->b->v;
	if (!closed_map(r, n, &dcatit_fmt_service))
		return;
	DcatitYamlNode *idn = need(r, n, "id", "access_service");
	const char *id = idn ? id_val(r, idn, _("service id")) : NULL;
	if (!id)
		return;
	DcatitBuf key, sig;
	dcatit_buf_init(&key);
	dcatit_buf_init(&sig);
	dcatit_buf_addf(&key, "service %s", id);
	signature(r, n, &sig, 0);
	bool isnew = false;
	DcatitBuildNamed *e = key.oom || sig.oom ? NULL :
	        dcatit_build_named(r->b, key.data, sig.data, &isnew);
	bool same = e && strcmp(e->signature, sig.data) == 0;
	dcatit_buf_release(&key);
	dcatit_buf_release(&sig);
	if (!e) {
		r->oom = true;
		return;
	}
	DcatitBuf iri;
	dcatit_buf_init(&iri);
	dcatit_buf_addf(&iri, "%s/service/%s", r->b->base, id);
	DcatitTermId svc = iri.oom ? 0 : iri_z(r, iri.data);
	dcatit_buf_release(&iri);
	if (!svc)
		return;
	add(r, dist, v->dcat_accessService, svc, n);
	add(r, svc, v->dcat_servesDataset, ds, n);
	if (!isnew) {
		if (!same)
			ERR(r, n, "service '%s' is defined differently in another record; every "
			    "occurrence must be identical", id);
		return;
	}
	add(r, svc, v->rdf_type, v->dcat_DataService, n);
	DcatitYamlNode *x;
	if ((x = need(r, n, "title", "access_service")))
		emit_text(r, svc, v->dct_title, x, _("service title"), false);
	if ((x = get(r, n, "description")))
		emit_text(r, svc, v->dct_description, x, _("service description"), false);
	if ((x = need(r, n, "endpoint_url", "access_service")))
		add(r, svc, v->dcat_endpointURL, iri_val(r, x, "endpoint_url"), x);
	if ((x = get(r, n, "endpoint_description")))
		add(r, svc, v->dcat_endpointDescription,
		    iri_val(r, x, "endpoint_description"), x);
	if ((x = get(r, n, "conforms_to")))
		emit_standards(r, svc, x);
	if ((x = get(r, n, "documentation")))
		add(r, svc, v->foaf_page, iri_val(r, x, "documentation"), x);
}

/* `hvd`: one HVD category code of Regulation (EU) 2023/138 or a list of
 * them (catalog/README.md); the categories' IRIs into cats (at most cap). */
static size_t hvd_categories(R *r, DcatitYamlNode *n, DcatitTermId *cats, size_t cap)
{
	size_t k = 0;
	bool list = n->kind == DCATIT_YAML_SEQUENCE;
	if (list && !list_ok(r, n, "hvd"))
		return 0;
	size_t count = list ? n->nitems : 1;
	for (size_t i = 0; i < count; i++) {
		DcatitYamlNode *item = list ? n->items[i] : n;
		const char *s = item ? scalar(r, item, "hvd") : NULL;
		if (s && strncmp(s, "c_", 2) != 0) {
			ERR(r, item, "'%s' is not an HVD category code (c_ and 8 hex digits, e.g. "
			    "c_9427236f for administrative units)", s);
			continue;
		}
		DcatitTermId c = s ? code_val(r, item, r->b->hvd, DCATIT_NS_HVD_CATEGORY,
		                              _("HVD category")) : 0;
		if (c && k < cap)
			cats[k++] = c;
	}
	return k;
}

/* A high-value dataset declares the regulation and its categories, and so
 * do its distributions (the regulation) and the services that give access
 * to them (regulation and categories, with the licence and contact point
 * of what they serve when they have none): what the DCAT-AP HVD shapes ask. */
static void emit_hvd(R *r, DcatitTermId ds, const DcatitTermId *cats, size_t ncats,
                     DcatitYamlNode *n)
{
	const DcatitCatVocab *v = &r->b->v;
	DcatitModel *m = r->b->model;
	add(r, ds, v->dcatap_applicableLegislation, v->hvd_regulation, n);
	for (size_t i = 0; i < ncats; i++)
		add(r, ds, v->dcatap_hvdCategory, cats[i], n);
	DcatitTermId cp = dcatit_model_object(m, ds, v->dcat_contactPoint);
	DcatitRange dr = dcatit_model_sp(m, ds, v->dcat_distribution);
	size_t nd = dr.n;
	DcatitTermId *dists = nd ? malloc(nd * sizeof *dists) : NULL;
	if (nd && !dists) {
		r->oom = true;
		return;
	}
	for (size_t i = 0; i < nd; i++)
		dists[i] = dcatit_model_triple(m, dr.idx[i])->o;
	for (size_t i = 0; i < nd; i++) {
		add(r, dists[i], v->dcatap_applicableLegislation, v->hvd_regulation, n);
		DcatitTermId lic = dcatit_model_object(m, dists[i], v->dct_license);
		DcatitTermId svc = dcatit_model_object(m, dists[i], v->dcat_accessService);
		if (!svc)
			continue;
		bool has_lic = dcatit_model_object(m, svc, v->dct_license) != 0;
		bool has_cp = dcatit_model_object(m, svc, v->dcat_contactPoint) != 0;
		add(r, svc, v->dcatap_applicableLegislation, v->hvd_regulation, n);
		for (size_t j = 0; j < ncats; j++)
			add(r, svc, v->dcatap_hvdCategory, cats[j], n);
		if (lic && !has_lic)
			add(r, svc, v->dct_license, lic, n);
		if (cp && !has_cp)
			add(r, svc, v->dcat_contactPoint, cp, n);
	}
	free(dists);
}

static bool media_type_ok(const char *s)
{
	const char *slash = strchr(s, '/');
	if (!slash || slash == s || !slash[1] || strchr(slash + 1, '/'))
		return false;
	for (; *s; s++)
		if (!(isalnum((unsigned char)*s) || strchr("/.+-_", *s)))
			return false;
	return true;
}

static DcatitStatus publish_file(R *r, const char *rel)
{
	return dcatit_build_add_file(r->b, rel);
}

static void check_table(R *r, DcatitYamlNode *distn, const char *file_rel,
                        DcatitYamlNode *dictn, DcatitDiag *d, DcatitStatus *fatal)
{
	char *path = dcatit_build_path(r->b, file_rel);
	if (!path) {
		r->oom = true;
		return;
	}
	DcatitDict dict;
	memset(&dict, 0, sizeof dict);
	bool have_dict = false;
	if (dictn) {
		char *drel = path_val(r, dictn, "dictionary", false);
		char *table = NULL;
		if (drel) {
			DcatitDiag dd;
			dcatit_diag_init(&dd);
			have_dict = read_dictionary(r->b, drel, r->notes, &dict, &table, &dd, fatal);
			if (*fatal != DCATIT_OK)
				*d = dd;
			if (have_dict && table && strcmp(table, file_rel) != 0) {
				ERR(r, dictn, "the dictionary describes '%s', not '%s'", table, file_rel);
				have_dict = false;
			}
		}
		free(table);
		free(drel);
	}
	if (*fatal == DCATIT_OK && (!dictn || have_dict)) {
		DcatitBuf data;
		dcatit_buf_init(&data);
		DcatitDiag td;
		dcatit_diag_init(&td);
		DcatitStatus st = dcatit_cfile_read(r->b, file_rel, &data, &td);
		if (st == DCATIT_OK)
			st = dcatit_tables_check(data.data ? data.data : "", data.len, path,
			                         have_dict ? &dict : NULL, r->b->orgs, r->notes);
		if (st == DCATIT_ERR_NOMEM)
			r->oom = true;
		else if (st != DCATIT_OK)
			ERR(r, distn, "%s", td.message);
		dcatit_buf_release(&data);
	}
	dcatit_tables_dict_release(&dict);
	free(path);
}

/* Is a file of this media type (or file-type code) text, that must be
 * UTF-8 without NUL bytes? */
static bool is_text(const char *mtype, const char *fcode)
{
	if (mtype && (strncmp(mtype, "text/", 5) == 0 || strcmp(mtype, "application/json") == 0 ||
	              dcatit_str_has_suffix(mtype, "+json")))
		return true;
	return fcode && (strcmp(fcode, "TXT") == 0 || strcmp(fcode, "CSV") == 0);
}

/* A text distribution file with a NUL byte or invalid UTF-8: an error at
 * the place in the file, naming the record line that publishes it. */
static void text_error(R *r, const DcatitYamlNode *filen, const char *rel,
                       const DcatitUtf8Check *t, const char *type)
{
	char *full = dcatit_build_path(r->b, rel);
	if (!full) {
		r->oom = true;
		return;
	}
	r->errors++;
	dcatit_notes_add(r->notes, DCATIT_NOTE_ERROR, full, t->line, t->col,
	                 "%s in a text file (%s): text files are published as UTF-8 without "
	                 "NUL bytes (named at %s:%lu)",
	                 t->fault == DCATIT_UTF8_NUL ? _("NUL byte") : _("invalid UTF-8"), type,
	                 r->display, filen->line);
	free(full);
}

static void emit_distribution(R *r, DcatitTermId ds, const char *ds_iri,
                              DcatitYamlNode *n, DcatitDiag *d, DcatitStatus *fatal)
{
	DcatitBuild *b = r->b;
	const DcatitCatVocab *v = &b->v;
	if (!closed_map(r, n, &dcatit_fmt_distribution))
		return;
	DcatitYamlNode *idn = need(r, n, "id", "distribution");
	const char *id = idn ? id_val(r, idn, _("distribution id")) : NULL;
	if (!id)
		return;
	DcatitBuf iri;
	dcatit_buf_init(&iri);
	dcatit_buf_addf(&iri, "%s/distribution/%s", ds_iri, id);
	DcatitTermId dist = iri.oom ? 0 : iri_z(r, iri.data);
	dcatit_buf_release(&iri);
	if (!dist)
		return;
	add(r, ds, v->dcat_distribution, dist, n);
	add(r, dist, v->rdf_type, v->dcatapit_Distribution, n);
	add(r, dist, v->rdf_type, v->dcat_Distribution, n);
	DcatitYamlNode *x;
	if ((x = get(r, n, "title")))
		emit_text(r, dist, v->dct_title, x, _("distribution title"), false);
	if ((x = get(r, n, "description")))
		emit_text(r, dist, v->dct_description, x, _("distribution description"), false);
	DcatitYamlNode *file = get(r, n, "file"), *url = get(r, n, "url");
	DcatitYamlNode *dl = get(r, n, "download_url"), *fmt = get(r, n, "format");
	DcatitYamlNode *mt = get(r, n, "media_type"), *dict = get(r, n, "dictionary");
	if (!file && !url)
		ERR(r, n, "a distribution needs 'file' or 'url'");
	if (file && url)
		ERR(r, url, "give 'file' or 'url', not both");
	if (dl && !url)
		ERR(r, dl, "download_url goes with url only");
	char *rel = NULL;
	DcatitUtf8Check text; /* of the file, reported once its type is known */
	dcatit_utf8_init(&text);
	if (file && !url && (rel = path_val(r, file, "file", false))) {
		DcatitBuf u;
		dcatit_buf_init(&u);
		dcatit_buf_addf(&u, "%s/%s", b->base, rel);
		DcatitTermId ui = u.oom ? 0 : iri_z(r, u.data);
		dcatit_buf_release(&u);
		add(r, dist, v->dcat_accessURL, ui, file);
		add(r, dist, v->dcat_downloadURL, ui, file);
		DcatitFileFacts ff;
		DcatitDiag fd;
		dcatit_diag_init(&fd);
		int ffd = -1;
		DcatitStatus fst = dcatit_cfile_open(b, rel, &ffd, &fd);
		char *full = dcatit_build_path(b, rel);
		if (fst == DCATIT_OK && full)
			fst = dcatit_dist_facts(ffd, full, &ff, &fd);
		if (ffd >= 0)
			close(ffd);
		if (fst == DCATIT_OK && full) {
			text = ff.text;
			char sz[32];
			snprintf(sz, sizeof sz, "%llu", (unsigned long long)ff.size);
			/* xsd:decimal for DCAT-AP_IT and 2.1.1; 3.0.1 asks for an integer */
			DcatitTermId szt = b->dcat_ap == 3 ? v->xsd_nonNegativeInteger : v->xsd_decimal;
			add(r, dist, v->dcat_byteSize, lit(r, sz, strlen(sz), szt, NULL), file);
			DcatitTermId ck = bnode(r);
			add(r, dist, v->spdx_checksum, ck, file);
			add(r, ck, v->rdf_type, v->spdx_Checksum, file);
			bool one = b->checksum_sha1;
			add(r, ck, v->spdx_algorithm, one ? v->spdx_sha1 : v->spdx_sha256, file);
			add(r, ck, v->spdx_checksumValue, lit(r, one ? ff.sha1 : ff.sha256,
			    one ? 40 : 64, v->xsd_hexBinary, NULL), file);
		} else if (full) {
			ERR(r, file, "%s", fd.message);
		}
		free(full);
		if (publish_file(r, rel) != DCATIT_OK)
			r->oom = true;
	} else if (url && !file) {
		add(r, dist, v->dcat_accessURL, iri_val(r, url, "url"), url);
		if (dl)
			add(r, dist, v->dcat_downloadURL, iri_val(r, dl, "download_url"), dl);
	}
	const char *fcode = NULL;
	if (fmt) {
		DcatitTermId f = code_val(r, fmt, b->ftypes, DCATIT_NS_EU_AUTH "file-type/",
		                          _("file type"));
		add(r, dist, v->dct_format, f, fmt);
		if (f)
			fcode = fmt->value;
	} else if (rel && (fcode = dcatit_dist_format_from_path(rel)) &&
	           dcatit_codes_has(b->ftypes, fcode)) {
		/* format guessed from the file's extension */
		add(r, dist, v->dct_format, iri_cat(r, DCATIT_NS_EU_AUTH "file-type/", fcode), file);
	} else {
		fcode = NULL;
		need(r, n, "format", "distribution");
	}
	const char *mtype = NULL;
	DcatitYamlNode *mloc = mt;
	if (mt) {
		mtype = scalar(r, mt, "media_type");
		if (mtype && !media_type_ok(mtype)) {
			ERR(r, mt, "'%s' is not a media type type/subtype", mtype);
			mtype = NULL;
		}
	} else if (rel) {
		mtype = dcatit_dist_media_type_from_path(rel);
		mloc = file;
	}
	if (mtype)
		add(r, dist, v->dcat_mediaType, iri_cat(r, DCATIT_NS_IANA_MT, mtype), mloc);
	bool table = rel && fcode && strcmp(fcode, "CSV") == 0; /* checked as a table */
	if (text.fault && !table && is_text(mtype, fcode))
		text_error(r, file, rel, &text, mtype ? mtype : fcode);
	if ((x = get(r, n, "license"))) {
		emit_license(r, dist, code_val(r, x, b->licences, DCATIT_NS_LICENCES, "licence"), x);
	} else if (rel && b->own_license) {
		/* a file the catalogue wrote: the maintainer's terms, said as such */
		emit_license(r, dist, b->own_license, n);
		add(r, dist, v->dct_rights, b->own_rights, n);
	} else if (b->def_license)
		emit_license(r, dist, b->def_license, n);
	else
		need(r, n, "license", _("distribution (no default in catalog.yaml)"));
	if ((x = get(r, n, "languages")))
		emit_languages(r, dist, x);
	if ((x = get(r, n, "issued")))
		emit_date(r, dist, v->dct_issued, x, "issued", NULL);
	if ((x = get(r, n, "modified")))
		emit_date(r, dist, v->dct_modified, x, "modified", NULL);
	if (dict && (!rel || !fcode || strcmp(fcode, "CSV") != 0))
		ERR(r, dict, "dictionary goes with a local file of format CSV only");
	if (table) {
		if (dict) {
			bool oom = false;
			char *drel = resolve_rel(r->rel, dict->kind == DCATIT_YAML_SCALAR ?
			                         dict->value : "", &oom);
			if (drel) {
				DcatitBuf u;
				dcatit_buf_init(&u);
				dcatit_buf_addf(&u, "%s/%s", b->base, drel);
				DcatitTermId sd = u.oom ? 0 : iri_z(r, u.data);
				add(r, dist, v->dct_conformsTo, sd, dict);
				add(r, sd, v->rdf_type, v->dcatapit_Standard, dict);
				add(r, sd, v->rdf_type, v->dct_Standard, dict);
				if (sd)
					add(r, sd, v->dct_identifier, lit(r, u.data, u.len, 0, NULL), dict);
				add(r, sd, v->dct_title, lit(r, "Dizionario dei dati", 19, 0, "it"), dict);
				add(r, sd, v->dct_title, lit(r, "Data dictionary", 15, 0, "en"), dict);
				dcatit_buf_release(&u);
				if (publish_file(r, drel) != DCATIT_OK)
					r->oom = true;
				free(drel);
			} else if (oom) {
				r->oom = true;
			}
		}
		check_table(r, n, rel, dict, d, fatal);
	}
	if ((x = get(r, n, "access_service")))
		emit_service(r, ds, dist, x);
	free(rel);
}

/* The ISO record of the `iso` key n (§5.7) read into ir; NULL after an
 * error. */
static DcatitIsoRec *read_iso(R *r, DcatitYamlNode *n, const char *ds_iri, DcatitTermId ds,
                              DcatitIsoRec *ir)
{
	char *rel = path_val(r, n, "iso", false);
	if (!rel)
		return NULL;
	DcatitDiag d;
	dcatit_diag_init(&d);
	DcatitStatus st = dcatit_isorec_read(r->b, rel, ds_iri, ds, ir, &d);
	free(rel);
	if (st == DCATIT_OK)
		return ir;
	if (st == DCATIT_ERR_NOMEM)
		r->oom = true;
	else if (d.file[0])
		dcatit_notes_add_diag(r->notes, &d);
	else
		ERR(r, n, "%s", d.message);
	dcatit_isorec_release(ir);
	return NULL;
}

/* A distribution id di that would name one of the ISO record's own
 * distributions (<ds>/distribution/<n>) is an error. */
static void check_iso_dist_id(R *r, DcatitIsoRec *iso, const char *ds_iri, DcatitYamlNode *di)
{
	if (di->kind != DCATIT_YAML_SCALAR)
		return;
	const char *id = di->value;
	DcatitBuf u;
	dcatit_buf_init(&u);
	dcatit_buf_addf(&u, "%s/distribution/%s", ds_iri, id);
	if (u.data && dcatit_isorec_describes(iso, dcatit_terms_find_iri(r->b->terms, u.data)))
		ERR(r, di, "distribution id '%s' is the IRI of a distribution of the ISO record; "
		    "choose another", id);
	dcatit_buf_release(&u);
}

/* The dataset properties the record's keys give, which replace the ISO
 * record's. */
typedef struct {
	DcatitTermId p[24];
	size_t n;
} KeyedProps;

/* n (a key's value, or NULL) passed through; when given, p is noted as
 * one the key replaces. */
static DcatitYamlNode *keyed(DcatitYamlNode *n, DcatitTermId p, KeyedProps *k)
{
	if (n && k->n < sizeof k->p / sizeof *k->p)
		k->p[k->n++] = p;
	return n;
}

/* A required key the ISO record may give instead: ison is the `iso` key,
 * iso its record (NULL when it could not be read: no second error). */
static DcatitYamlNode *need_or_iso(R *r, DcatitYamlNode *root, const char *key,
                                DcatitYamlNode *ison, DcatitIsoRec *iso, DcatitTermId p)
{
	DcatitYamlNode *n = get(r, root, key);
	if (n || (ison && (!iso || dcatit_isorec_has(iso, iso->ds, p))))
		return n;
	return need(r, root, key, ison ? _("dataset record (its ISO record does not give it)")
	                               : _("dataset record"));
}

DcatitStatus dcatit_records_read_dataset(DcatitBuild *b, const char *rel,
                                         DcatitNotes *notes, DcatitDiag *d)
{
	R r;
	DcatitYamlNode *root;
	DcatitStatus st;
	if (!begin(&r, b, rel, notes, d, &root, &st))
		return st;
	const DcatitCatVocab *v = &b->v;
	if (!closed_map(&r, root, &dcatit_fmt_record))
		return close_doc(&r, d);
	DcatitYamlNode *idn = need(&r, root, "id", _("dataset record"));
	const char *id = idn ? id_val(&r, idn, _("dataset id")) : NULL;
	if (!id)
		return close_doc(&r, d);
	DcatitBuf iri;
	dcatit_buf_init(&iri);
	dcatit_buf_addf(&iri, "%s/dataset/%s", b->base, id);
	DcatitTermId ds = iri.oom ? 0 : iri_z(&r, iri.data);
	if (!ds) {
		dcatit_buf_release(&iri);
		return close_doc(&r, d);
	}
	add(&r, ds, v->rdf_type, v->dcatapit_Dataset, root);
	add(&r, ds, v->rdf_type, v->dcat_Dataset, root);
	/* what the keys give replaces what the ISO record says (§5.7) */
	DcatitYamlNode *ison = get(&r, root, "iso");
	DcatitIsoRec isorec;
	memset(&isorec, 0, sizeof isorec);
	DcatitIsoRec *iso = ison ? read_iso(&r, ison, iri.data, ds, &isorec) : NULL;
	KeyedProps ks = { { 0 }, 0 };
	DcatitYamlNode *n;
	if ((n = keyed(need_or_iso(&r, root, "title", ison, iso, v->dct_title), v->dct_title,
	               &ks)))
		emit_text(&r, ds, v->dct_title, n, "title", false);
	Caveat caveats[64];
	size_t ncaveats = read_caveats(&r, root, caveats, sizeof caveats / sizeof caveats[0]);
	if ((n = keyed(need_or_iso(&r, root, "description", ison, iso, v->dct_description),
	               v->dct_description, &ks)))
		emit_description(&r, ds, n, caveats, ncaveats);
	else if (ison && ncaveats)
		ERR(&r, caveats[0].item, "notes on the sources are paragraphs of the description: "
		    "give 'description' next to 'iso'");
	flag_inconsistencies(&r, root, caveats, ncaveats);
	DcatitTermId themes[32];
	size_t nthemes = 0;
	n = keyed(need_or_iso(&r, root, "themes", ison, iso, v->dcat_theme), v->dcat_theme, &ks);
	if (!n && iso)
		nthemes = dcatit_isorec_objects(iso, ds, v->dcat_theme, themes, 32);
	if (n && list_ok(&r, n, "themes"))
		FOR_ITEMS(&r, n, item) {
			DcatitTermId t = code_val(&r, item, b->themes, DCATIT_NS_EU_AUTH "data-theme/",
			                          "theme");
			add(&r, ds, v->dcat_theme, t, item);
			if (t && nthemes < sizeof themes / sizeof themes[0])
				themes[nthemes++] = t;
		}
	if ((n = get(&r, root, "subjects")) && list_ok(&r, n, "subjects"))
		FOR_ITEMS(&r, n, item) {
			const char *s = scalar(&r, item, "subject");
			bool digits = s && *s;
			for (const char *p = s; digits && *p; p++)
				digits = isdigit((unsigned char)*p);
			if (s && !digits) {
				ERR(&r, item, "'%s' is not a numeric EuroVoc id", s);
				continue;
			}
			DcatitTermId subj = s ? iri_cat(&r, DCATIT_NS_EUROVOC, s) : 0;
			add(&r, ds, v->dct_subject, subj, item);
			if (subj && b->subject_map)
				check_subject(&r, item, s, subj, themes, nthemes);
		}
	if ((n = get(&r, root, "keywords")))
		emit_keywords(&r, ds, n);
	/* publisher and rights holder: the key, else the ISO record's agent
	 * with an identifier, else the default, else the ISO record's */
	DcatitTermId pub = 0, rh = 0;
	const char *ipub_id = NULL, *irh_id = NULL;
	DcatitTermId ipub = iso ? dcatit_isorec_agent(b, iso, v->dct_publisher, &ipub_id) : 0;
	DcatitTermId irh = iso ? dcatit_isorec_agent(b, iso, v->dct_rightsHolder, &irh_id) : 0;
	bool iso_failed = ison && !iso;
	if ((n = get(&r, root, "publisher")))
		pub = org_val(&r, n, "publisher", false);
	else if (!(ipub && ipub_id) && b->def_publisher)
		pub = b->def_publisher;
	else if (!ipub && !iso_failed)
		need(&r, root, "publisher", _("dataset record (no default in catalog.yaml)"));
	if (n || pub) {
		add(&r, ds, v->dct_publisher, pub, n ? n : root);
		keyed(root, v->dct_publisher, &ks);
	}
	if ((n = get(&r, root, "rights_holder")))
		rh = org_val(&r, n, _("rights holder"), false);
	else if (!(irh && irh_id) && b->def_rights_holder)
		rh = b->def_rights_holder;
	else if (!irh && !iso_failed)
		need(&r, root, "rights_holder", _("dataset record (no default in catalog.yaml)"));
	if (n || rh) {
		add(&r, ds, v->dct_rightsHolder, rh, n ? n : root);
		keyed(root, v->dct_rightsHolder, &ks);
	}
	const char *rh_code = rh ? dcatit_orgs_identifier(b->orgs, rh) : irh_id;
	if (!rh && irh && !irh_id)
		ERR(&r, ison, "the rights holder of the ISO record has no identifier (IPA code) "
		    "for the dataset's dct:identifier; give rights_holder");
	DcatitTermId ident_lit = 0;
	if (rh_code) {
		DcatitBuf ident;
		dcatit_buf_init(&ident);
		dcatit_buf_addf(&ident, "%s:%s", rh_code, id);
		if (!ident.oom)
			ident_lit = lit(&r, ident.data, ident.len, 0, NULL);
		add(&r, ds, v->dct_identifier, ident_lit, idn);
		dcatit_buf_release(&ident);
	}
	if ((n = keyed(get(&r, root, "creators"), v->dct_creator, &ks)))
		emit_agents(&r, ds, v->dct_creator, n, "creators", "creator", false);
	if ((n = keyed(get(&r, root, "contributors"), v->dct_contributor, &ks)))
		emit_agents(&r, ds, v->dct_contributor, n, "contributors", "contributor", true);
	if ((n = keyed(need_or_iso(&r, root, "frequency", ison, iso, v->dct_accrualPeriodicity),
	               v->dct_accrualPeriodicity, &ks)))
		add(&r, ds, v->dct_accrualPeriodicity, code_val(&r, n, b->freqs,
		    DCATIT_NS_EU_AUTH "frequency/", "frequency"), n);
	if ((n = keyed(get(&r, root, "issued"), v->dct_issued, &ks)))
		emit_date(&r, ds, v->dct_issued, n, "issued", NULL);
	char modified[11] = "";
	DcatitTermId imod = 0;
	if ((n = keyed(need_or_iso(&r, root, "modified", ison, iso, v->dct_modified),
	               v->dct_modified, &ks)))
		emit_date(&r, ds, v->dct_modified, n, "modified", modified);
	else if (iso && dcatit_isorec_objects(iso, ds, v->dct_modified, &imod, 1) &&
	         dcatit_terms_len(b->terms, imod) >= 10)
		memcpy(modified, dcatit_terms_str(b->terms, imod), 10);
	if ((n = keyed(get(&r, root, "languages"), v->dct_language, &ks)))
		emit_languages(&r, ds, n);
	else if (!(iso && dcatit_isorec_has(iso, ds, v->dct_language)))
		for (size_t i = 0; i < b->ndef_languages; i++)
			add(&r, ds, v->dct_language, b->def_languages[i], root);
	if ((n = keyed(get(&r, root, "temporal"), v->dct_temporal, &ks)))
		emit_temporal(&r, ds, n);
	if ((n = keyed(get(&r, root, "spatial"), v->dct_spatial, &ks)))
		emit_spatial(&r, ds, n);
	if ((n = keyed(get(&r, root, "contact"), v->dcat_contactPoint, &ks))) {
		char *cn = NULL, *ce = NULL, *cu = NULL;
		if (read_contact(&r, n, &cn, &ce, &cu) && cn && ce)
			emit_contact_values(&r, ds, cn, ce, cu, n);
		free(cn);
		free(ce);
		free(cu);
	} else if (!(iso && dcatit_isorec_has(iso, ds, v->dcat_contactPoint)) &&
	           b->def_contact_name && b->def_contact_email) {
		emit_contact_values(&r, ds, b->def_contact_name, b->def_contact_email,
		                    b->def_contact_url, root);
	}
	if ((n = get(&r, root, "conforms_to")))
		emit_standards(&r, ds, n);
	if ((n = keyed(get(&r, root, "landing_page"), v->dcat_landingPage, &ks))) {
		DcatitTermId lp = iri_val(&r, n, "landing_page");
		add(&r, ds, v->dcat_landingPage, lp, n);
		add(&r, lp, v->rdf_type, v->foaf_Document, n);
	}
	if ((n = keyed(get(&r, root, "version"), v->owl_versionInfo, &ks))) {
		Str s;
		if (string_val(&r, n, "version", &s))
			add(&r, ds, v->owl_versionInfo, lit(&r, s.s, s.len, 0, NULL), n);
	}
	DcatitTermId hvd[8];
	size_t nhvd = 0;
	DcatitYamlNode *hvdn = get(&r, root, "hvd");
	if (hvdn)
		nhvd = hvd_categories(&r, hvdn, hvd, sizeof hvd / sizeof hvd[0]);
	if ((n = need_or_iso(&r, root, "distributions", ison, iso, v->dcat_distribution)) &&
	    list_ok(&r, n, "distributions")) {
		DcatitYamlNode **ids = calloc(n->nitems, sizeof *ids);
		if (!ids)
			r.oom = true;
		FOR_ITEMS(&r, n, item)
			if (ids)
				ids[it_item] = get(&r, item, "id");
		bool *rep = ids ? repeats(&r, ids, n->nitems) : NULL;
		for (size_t i = 0; rep && i < n->nitems; i++)
			if (rep[i])
				ERR(&r, ids[i], "distribution id '%s' is used twice in this record",
				    ids[i]->value);
		free(rep);
		free(ids);
		FOR_ITEMS(&r, n, item) {
			DcatitYamlNode *di = get(&r, item, "id");
			if (iso && di)
				check_iso_dist_id(&r, iso, iri.data, di);
			DcatitStatus fatal = DCATIT_OK;
			emit_distribution(&r, ds, iri.data, item, d, &fatal);
			if (fatal != DCATIT_OK) {
				dcatit_isorec_release(&isorec);
				dcatit_buf_release(&iri);
				close_doc(&r, d);
				return fatal;
			}
		}
	}
	if (iso && dcatit_isorec_merge(b, iso, ks.p, ks.n, ident_lit) != DCATIT_OK)
		r.oom = true;
	/* the default licence of catalog.yaml for the ISO record's
	 * distributions that give none */
	DcatitTermId idist[64];
	size_t nidist = iso && b->def_license ?
	                dcatit_isorec_objects(iso, ds, v->dcat_distribution, idist, 64) : 0;
	for (size_t i = 0; i < nidist; i++)
		if (!dcatit_isorec_has(iso, idist[i], v->dct_license))
			emit_license(&r, idist[i], b->def_license, ison);
	dcatit_isorec_release(&isorec);
	if (nhvd)
		emit_hvd(&r, ds, hvd, nhvd, hvdn);
	if (dcatit_build_add_dataset(b, id, ds, modified, r.display,
	                             idn->line,
	                             idn->col) != DCATIT_OK)
		r.oom = true;
	dcatit_buf_release(&iri);
	return close_doc(&r, d);
}
