/* src_dcat.c: RDF endpoints for harvest. Pages are fetched one after the
 * other (the next link is only known after parsing). Each page is checked
 * before raptor sees it: HTTP status, an HTML error page served with 200,
 * invalid UTF-8, the syntax (Content-Type, unless the body says otherwise:
 * ckanext-dcatapit #155 sources serve RDF as text/plain). Every visited URL
 * is remembered, so a next link back to any earlier page ends the walk
 * (ckanext-dcat #260 only compared with the first page). */
#include "harvest/src_dcat.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "base/json.h"
#include "rdf/iri.h"
#include "rdf/rdfio.h"
#include "rdf/vocab.h"

/* A dataset's closure stops here: a larger one is a page describing a
 * whole graph through one dataset, not a record. */
#define MAX_CLOSURE_TRIPLES 200000

typedef struct {
	long status;
	DcatitStatus st;
	DcatitBuf body;
	char ctype[128];
	char etag[256];
	char last_modified[64];
	char error[512];
	bool done;
} Got;

static void on_done(void *ud, const DcatitHttpResponse *r)
{
	Got *g = ud;
	g->done = true;
	g->st = r->st;
	g->status = r->status;
	snprintf(g->ctype, sizeof g->ctype, "%s", r->content_type ? r->content_type : "");
	snprintf(g->etag, sizeof g->etag, "%s", r->etag ? r->etag : "");
	snprintf(g->last_modified, sizeof g->last_modified, "%s",
	         r->last_modified ? r->last_modified : "");
	snprintf(g->error, sizeof g->error, "%s", r->error ? r->error : "");
	if (r->st == DCATIT_OK && !dcatit_buf_add(&g->body, r->body, r->body_len))
		g->st = DCATIT_ERR_NOMEM;
}

/* Is the whole buffer valid UTF-8? *bad gets the offset of the first
 * invalid byte. Overlong forms, surrogates and > U+10FFFF are invalid. */
static bool utf8_valid(const unsigned char *s, size_t n, size_t *bad)
{
	size_t i = 0;
	while (i < n) {
		unsigned char c = s[i];
		size_t k;
		unsigned long cp;
		if (c < 0x80) {
			i++;
			continue;
		} else if (c >= 0xC2 && c <= 0xDF) {
			k = 1;
			cp = c & 0x1F;
		} else if (c >= 0xE0 && c <= 0xEF) {
			k = 2;
			cp = c & 0x0F;
		} else if (c >= 0xF0 && c <= 0xF4) {
			k = 3;
			cp = c & 0x07;
		} else {
			*bad = i;
			return false;
		}
		for (size_t j = 1; j <= k; j++) {
			if (i + j >= n || (s[i + j] & 0xC0) != 0x80) {
				*bad = i;
				return false;
			}
			cp = (cp << 6) | (s[i + j] & 0x3F);
		}
		if ((k == 2 && cp < 0x800) || (k == 3 && (cp < 0x10000 || cp > 0x10FFFF)) ||
		    (cp >= 0xD800 && cp <= 0xDFFF)) {
			*bad = i;
			return false;
		}
		i += k + 1;
	}
	return true;
}

static const char *skip_ws(const char *p, const char *end)
{
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end && isspace((unsigned char)*p))
		p++;
	return p;
}

static bool starts_ci(const char *p, const char *end, const char *w)
{
	size_t n = strlen(w);
	return (size_t)(end - p) >= n && strncasecmp(p, w, n) == 0;
}

/* An HTML page: by Content-Type or by its first bytes. */
static bool is_html(const char *ctype, const char *body, size_t n)
{
	if (strncasecmp(ctype, "text/html", 9) == 0 ||
	    strncasecmp(ctype, "application/xhtml", 17) == 0)
		return true;
	const char *end = body + (n > 4096 ? 4096 : n);
	const char *p = skip_ws(body, end);
	/* comments before the doctype are common in both */
	return starts_ci(p, end, "<!doctype html") || starts_ci(p, end, "<html") ||
	       starts_ci(p, end, "<head") || starts_ci(p, end, "<body");
}

/* The <title> of an HTML page, printable ASCII, for the error message. */
static void html_title(const char *body, size_t n, char *out, size_t cap)
{
	out[0] = '\0';
	size_t lim = n > 65536 ? 65536 : n;
	for (size_t i = 0; i + 7 < lim; i++) {
		if (strncasecmp(body + i, "<title", 6) != 0)
			continue;
		const char *p = memchr(body + i, '>', lim - i);
		if (!p)
			return;
		p++;
		size_t j = 0;
		while (p < body + lim && *p != '<' && j + 1 < cap && j < 100) {
			unsigned char ch = (unsigned char)*p++;
			if (ch >= 32 && ch < 127 && !(ch == ' ' && j && out[j - 1] == ' '))
				out[j++] = (char)ch;
			else if ((ch == '\n' || ch == '\t') && j && out[j - 1] != ' ')
				out[j++] = ' ';
		}
		out[j] = '\0';
		return;
	}
}

/* Does an XML declaration name an encoding other than UTF-8 (then the
 * bytes are libxml2's to check)? */
static bool xml_other_encoding(const char *body, size_t n)
{
	const char *end = body + (n > 200 ? 200 : n);
	const char *p = skip_ws(body, end);
	if (!starts_ci(p, end, "<?xml"))
		return false;
	const char *q = p;
	while (q < end && *q != '>') {
		if (starts_ci(q, end, "encoding")) {
			q += 8;
			while (q < end && (*q == ' ' || *q == '=' || *q == '"' || *q == '\''))
				q++;
			return !(starts_ci(q, end, "utf-8") || starts_ci(q, end, "utf8"));
		}
		q++;
	}
	return false;
}

typedef struct {
	DcatitTermId *items;
	size_t n, cap;
} Set;

static bool set_add(Set *s, DcatitTermId id)
{
	DcatitTermId *p = dcatit_grow(s->items, &s->cap, s->n + 1, sizeof *p, 64);
	if (!p)
		return false;
	s->items = p;
	s->items[s->n++] = id;
	return true;
}

static int cmp_id(const void *a, const void *b)
{
	DcatitTermId x = *(const DcatitTermId *)a, y = *(const DcatitTermId *)b;
	return x < y ? -1 : x > y;
}

static void set_sort(Set *s)
{
	if (s->n)
		qsort(s->items, s->n, sizeof *s->items, cmp_id);
	size_t j = 0;
	for (size_t i = 0; i < s->n; i++)
		if (!j || s->items[j - 1] != s->items[i])
			s->items[j++] = s->items[i];
	s->n = j;
}

static bool set_has(const Set *s, DcatitTermId id)
{
	return s->n && bsearch(&id, s->items, s->n, sizeof id, cmp_id) != NULL;
}

typedef struct {
	DcatitTermId type, ident, next, next_page, dcat_ds, it_ds, bug_ds, dcat_cat, it_cat,
	             paged, partial;
} PageIds;

static void page_ids(DcatitTerms *t, PageIds *v)
{
	v->type = dcatit_terms_find_iri(t, DCATIT_NS_RDF "type");
	v->ident = dcatit_terms_find_iri(t, DCATIT_NS_DCT "identifier");
	v->next = dcatit_terms_find_iri(t, DCATIT_NS_HYDRA "next");
	v->next_page = dcatit_terms_find_iri(t, DCATIT_NS_HYDRA "nextPage");
	v->dcat_ds = dcatit_terms_find_iri(t, DCATIT_NS_DCAT "Dataset");
	v->it_ds = dcatit_terms_find_iri(t, DCATIT_NS_DCATAPIT "Dataset");
	v->bug_ds = dcatit_terms_find_iri(t, "http://dati.gov.it/onto/dcatapitDataset");
	v->dcat_cat = dcatit_terms_find_iri(t, DCATIT_NS_DCAT "Catalog");
	v->it_cat = dcatit_terms_find_iri(t, DCATIT_NS_DCATAPIT "Catalog");
	v->paged = dcatit_terms_find_iri(t, DCATIT_NS_HYDRA "PagedCollection");
	v->partial = dcatit_terms_find_iri(t, DCATIT_NS_HYDRA "PartialCollectionView");
}

static bool add_typed(DcatitModel *m, DcatitTermId type, DcatitTermId cls, Set *s)
{
	if (!type || !cls)
		return true;
	DcatitRange r = dcatit_model_po(m, type, cls);
	for (size_t i = 0; i < r.n; i++)
		if (!set_add(s, dcatit_model_triple(m, r.idx[i])->s))
			return false;
	return true;
}

static bool add_subjects(DcatitModel *m, DcatitTermId p, Set *s)
{
	if (!p)
		return true;
	DcatitRange r = dcatit_model_po(m, p, 0);
	for (size_t i = 0; i < r.n; i++)
		if (!set_add(s, dcatit_model_triple(m, r.idx[i])->s))
			return false;
	return true;
}

/* Copy the closure of ds into rec: triples of ds, then of every blank
 * node or described IRI reachable from it, never entering another dataset,
 * a catalogue or a paging node. */
static DcatitStatus closure(DcatitModel *page, DcatitTermId ds, const Set *stop,
                            DcatitTermId type, DcatitModel *rec)
{
	DcatitTerms *t = dcatit_model_terms(page);
	Set queue = { 0 }, seen = { 0 };
	DcatitStatus st = DCATIT_OK;
	if (!set_add(&queue, ds) || !set_add(&seen, ds))
		st = DCATIT_ERR_NOMEM;
	size_t copied = 0;
	for (size_t qi = 0; qi < queue.n && st == DCATIT_OK; qi++) {
		DcatitTermId node = queue.items[qi];
		DcatitRange r = dcatit_model_sp(page, node, 0);
		/* the range dies at the next add to page, which never happens */
		for (size_t i = 0; i < r.n && st == DCATIT_OK; i++) {
			const DcatitTriple *tr = dcatit_model_triple(page, r.idx[i]);
			DcatitLoc loc = dcatit_model_loc(page, r.idx[i]);
			if (loc.file)
				loc.file = dcatit_model_add_source(rec, dcatit_model_source_name(page, loc.file));
			st = dcatit_model_add(rec, tr->s, tr->p, tr->o, loc);
			if (++copied > MAX_CLOSURE_TRIPLES)
				st = DCATIT_ERR_LIMIT;
			DcatitTermId o = tr->o;
			if (st || tr->p == type || dcatit_terms_is_literal(t, o) ||
			    set_has(stop, o))
				continue;
			bool known = false;
			for (size_t k = 0; k < seen.n && !known; k++)
				known = seen.items[k] == o;
			if (known)
				continue;
			if (!dcatit_terms_is_bnode(t, o) && !dcatit_model_sp(page, o, 0).n)
				continue;
			if (!set_add(&seen, o) || !set_add(&queue, o))
				st = DCATIT_ERR_NOMEM;
		}
	}
	free(queue.items);
	free(seen.items);
	return st;
}

/* The next page link of a parsed page, "" when none. */
static bool next_link(DcatitModel *m, const PageIds *v, const Set *hydra, char *out, size_t cap)
{
	DcatitTerms *t = dcatit_model_terms(m);
	out[0] = '\0';
	DcatitTermId preds[2] = { v->next, v->next_page };
	for (int pass = 0; pass < 2; pass++) {
		for (int k = 0; k < 2; k++) {
			if (!preds[k])
				continue;
			DcatitRange r = dcatit_model_po(m, preds[k], 0);
			for (size_t i = 0; i < r.n; i++) {
				const DcatitTriple *tr = dcatit_model_triple(m, r.idx[i]);
				/* first pass: paging nodes typed as such; then any */
				if (pass == 0 && !set_has(hydra, tr->s))
					continue;
				const char *s = dcatit_terms_str(t, tr->o);
				if (dcatit_terms_is_bnode(t, tr->o) || !*s)
					continue;
				if (strlen(s) >= cap)
					return false;
				snprintf(out, cap, "%s", s);
				return true;
			}
		}
	}
	return true;
}

typedef struct {
	char **items;
	size_t n;
} Visited;

static bool visited_has(const Visited *v, const char *u)
{
	for (size_t i = 0; i < v->n; i++)
		if (strcmp(v->items[i], u) == 0)
			return true;
	return false;
}

static bool visited_add(Visited *v, const char *u)
{
	char **p = realloc(v->items, (v->n + 1) * sizeof *p);
	if (!p)
		return false;
	v->items = p;
	size_t n = strlen(u);
	p[v->n] = malloc(n + 1);
	if (!p[v->n])
		return false;
	memcpy(p[v->n++], u, n + 1);
	return true;
}

static const DcatitJson *cached_page(const DcatitJson *pages, const char *url)
{
	for (size_t i = 0; i < dcatit_json_size(pages); i++) {
		const DcatitJson *p = dcatit_json_at(pages, i);
		const char *u = dcatit_json_get_str(p, "url");
		if (u && strcmp(u, url) == 0)
			return p;
	}
	return NULL;
}

/* Lines of a page that carry a NUL character, raw or as a Turtle /
 * N-Triples escape (\u0000, \U00000000): raptor cuts the string there, so
 * "a\u0000b" would silently become "a", another record's identity. */
typedef struct {
	unsigned long *line;
	size_t n, cap;
} Lines;

static bool nul_escape_at(const char *p, const char *end)
{
	if (p[1] == 'u')
		return end - p >= 6 && memcmp(p + 2, "0000", 4) == 0;
	return p[1] == 'U' && end - p >= 10 && memcmp(p + 2, "00000000", 8) == 0;
}

static bool find_nul_lines(const char *body, size_t len, Lines *out)
{
	unsigned long line = 1;
	size_t backslashes = 0;
	const char *end = body + len;
	for (const char *p = body; p < end; p++) {
		bool hit = *p == '\0' ||
		           (*p == '\\' && backslashes % 2 == 0 && p + 1 < end && nul_escape_at(p, end));
		backslashes = *p == '\\' ? backslashes + 1 : 0;
		if (hit && (!out->n || out->line[out->n - 1] != line)) {
			unsigned long *g = dcatit_grow(out->line, &out->cap, out->n + 1, sizeof *g, 8);
			if (!g)
				return false;
			out->line = g;
			out->line[out->n++] = line;
		}
		if (*p == '\n')
			line++;
	}
	return true;
}

/* The first triple of rec on one of the lines, or 0. */
static unsigned long record_nul_line(DcatitModel *rec, const Lines *nul)
{
	size_t n = nul->n ? dcatit_model_size(rec) : 0;
	for (size_t i = 0; i < n; i++) {
		unsigned long l = dcatit_model_loc(rec, i).line;
		for (size_t k = 0; k < nul->n; k++)
			if (nul->line[k] == l)
				return l;
	}
	return 0;
}

/* GET the page, conditionally when the last run's cache has validators. */
static DcatitStatus fetch_page(DcatitHttp *h, const char *url, const DcatitJson *prev, Got *g,
                               DcatitDiag *d)
{
	DcatitBuf h1, h2;
	dcatit_buf_init(&h1);
	dcatit_buf_init(&h2);
	const char *hdrs[4];
	size_t nh = 0;
	hdrs[nh++] = "Accept: text/turtle, application/rdf+xml;q=0.9, application/n-triples;q=0.8, "
	             "*/*;q=0.1";
	const char *pe = prev ? dcatit_json_get_str(prev, "etag") : NULL;
	const char *pl = prev ? dcatit_json_get_str(prev, "last_modified") : NULL;
	if (pe && *pe) {
		dcatit_buf_addf(&h1, "If-None-Match: %s", pe);
		hdrs[nh++] = h1.data;
	}
	if (pl && *pl) {
		dcatit_buf_addf(&h2, "If-Modified-Since: %s", pl);
		hdrs[nh++] = h2.data;
	}
	hdrs[nh] = NULL;
	DcatitHttpRequest req = { .method = "GET", .url = url, .headers = hdrs };
	DcatitStatus st = (h1.oom || h2.oom)
	                  ? dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory")
	                  : dcatit_http_submit(h, &req, on_done, g, d);
	if (st == DCATIT_OK)
		st = dcatit_http_run(h, d);
	dcatit_buf_release(&h1);
	dcatit_buf_release(&h2);
	return st;
}

/* A 304: the page's records and next link are those of the last run. */
static void keep_page(const DcatitJson *prev, DcatitHarvestFetch *f, char *next, size_t next_cap,
                      DcatitJson *entry)
{
	f->pages_not_modified++;
	const DcatitJson *pids = dcatit_json_get(prev, "records");
	for (size_t i = 0; i < dcatit_json_size(pids); i++) {
		const char *id = dcatit_json_str(dcatit_json_at(pids, i));
		if (id && f->keep)
			f->keep(f->ud, id);
	}
	const char *pn = dcatit_json_get_str(prev, "next");
	snprintf(next, next_cap, "%s", pn ? pn : "");
	dcatit_json_set(entry, "records", dcatit_json_copy(dcatit_json_get(prev, "records")));
	dcatit_json_set_str(entry, "etag", dcatit_json_get_str(prev, "etag"));
	dcatit_json_set_str(entry, "last_modified", dcatit_json_get_str(prev, "last_modified"));
	dcatit_json_set_str(entry, "next", pn);
}

/* What must hold before raptor sees a page: HTTP 200, a body, not HTML,
 * valid UTF-8; *nul gets the lines with NUL characters. */
static DcatitStatus check_body(const Got *g, const char *url, unsigned pageno, Lines *nul,
                               DcatitDiag *d)
{
	const char *body = g->body.data ? g->body.data : "";
	size_t len = g->body.len;
	char title[128] = "";
	if (g->status != 200) {
		if (is_html(g->ctype, body, len))
			html_title(body, len, title, sizeof title);
		return dcatit_diag_set(d, DCATIT_ERR_REMOTE, NULL, 0, 0, "page %u '%s': HTTP %ld%s%s",
		                       pageno, url, g->status, title[0] ? ": " : "", title);
	}
	if (!len)
		return dcatit_diag_set(d, DCATIT_ERR_REMOTE, NULL, 0, 0,
		                       "page %u '%s': empty response", pageno, url);
	if (is_html(g->ctype, body, len)) {
		html_title(body, len, title, sizeof title);
		return dcatit_diag_set(d, DCATIT_ERR_REMOTE, NULL, 0, 0,
		                       "page %u '%s': the server sent an HTML page, not RDF "
		                       "(HTTP %ld, Content-Type '%s'%s%s%s)", pageno, url, g->status,
		                       g->ctype, title[0] ? ", title '" : "", title, title[0] ? "'" : "");
	}
	size_t bad = 0;
	if (!xml_other_encoding(body, len) && !utf8_valid((const unsigned char *)body, len, &bad))
		return dcatit_diag_set(d, DCATIT_ERR_SYNTAX, NULL, 0, 0,
		                       "page %u '%s': invalid UTF-8 at byte %zu", pageno, url, bad);
	if (!find_nul_lines(body, len, nul))
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	return DCATIT_OK;
}

/* The syntax to read the page in: the source's, else the Content-Type's
 * unless the body says otherwise (a warning says which). */
static DcatitSyntax pick_syntax(const DcatitHarvestSource *src, const Got *g, const char *url,
                                unsigned pageno, DcatitHarvestFetch *f)
{
	DcatitSyntax ct = dcatit_rdfio_syntax_from_media_type(g->ctype);
	DcatitSyntax sn = dcatit_rdfio_syntax_sniff(g->body.data, g->body.len);
	DcatitSyntax syn = ct;
	if (src->syntax) {
		syn = dcatit_rdfio_syntax_from_name(src->syntax);
	} else if (ct == DCATIT_SYNTAX_GUESS) {
		/* text/plain, application/octet-stream, application/xml, none */
		syn = sn == DCATIT_SYNTAX_GUESS ? DCATIT_SYNTAX_TURTLE : sn;
		if (g->ctype[0])
			dcatit_buf_addf(&f->warnings, _("page %u '%s': served as '%s', read as %s\n"),
			                pageno, url, g->ctype, dcatit_rdfio_syntax_name(syn));
	} else if (sn != DCATIT_SYNTAX_GUESS && sn != ct &&
	           !(sn == DCATIT_SYNTAX_TURTLE && (ct == DCATIT_SYNTAX_NTRIPLES ||
	                                           ct == DCATIT_SYNTAX_TRIG ||
	                                           ct == DCATIT_SYNTAX_NQUADS))) {
		/* the body says otherwise: RDF/XML served as Turtle and the like */
		syn = sn;
		dcatit_buf_addf(&f->warnings, _("page %u '%s': served as '%s' but the body is %s\n"),
		                pageno, url, g->ctype, dcatit_rdfio_syntax_name(sn));
	}
	return syn;
}

/* Hand every dataset of a parsed page to fn as one record (its closure),
 * its id appended to ids. */
static DcatitStatus page_records(DcatitModel *page, const PageIds *v, const Set *datasets,
                                 const Set *stop, const Lines *nul, const char *url,
                                 DcatitHarvestRecordFn fn, void *ud, DcatitHarvestFetch *f,
                                 DcatitJson *ids, DcatitDiag *d)
{
	DcatitStatus st = DCATIT_OK;
	for (size_t i = 0; i < datasets->n && st == DCATIT_OK; i++) {
		DcatitTermId ds = datasets->items[i];
		const char *id = NULL;
		if (dcatit_terms_is_iri(f->terms, ds))
			id = dcatit_terms_str(f->terms, ds);
		else if (v->ident) {
			DcatitTermId lit = dcatit_model_object(page, ds, v->ident);
			if (lit && dcatit_terms_is_literal(f->terms, lit) &&
			    *dcatit_terms_str(f->terms, lit))
				id = dcatit_terms_str(f->terms, lit);
		}
		DcatitLoc loc = dcatit_model_node_loc(page, ds);
		if (!id) {
			f->rejected++;
			dcatit_buf_addf(&f->warnings, _("%s:%u: a dataset with neither an IRI nor a "
			                  "dct:identifier is skipped\n"), url, loc.line);
			continue;
		}
		DcatitModel *rec = dcatit_model_new(f->terms);
		if (!rec)
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		DcatitStatus cs = closure(page, ds, stop, v->type, rec);
		unsigned long nl = cs == DCATIT_OK ? record_nul_line(rec, nul) : 0;
		if (cs == DCATIT_ERR_LIMIT) {
			f->rejected++;
			dcatit_buf_addf(&f->warnings, _("%s: dataset '%s' reaches more than %d "
			                  "triples: skipped\n"), url, id, MAX_CLOSURE_TRIPLES);
		} else if (cs != DCATIT_OK) {
			st = dcatit_diag_set(d, cs, NULL, 0, 0, "out of memory");
		} else if (nl) {
			/* its identity or text may have lost what followed the NUL */
			f->rejected++;
			dcatit_buf_addf(&f->warnings, _("%s:%lu: dataset '%s' has a NUL character "
			                  "(U+0000), which cuts strings short: skipped\n"), url, nl, id);
		} else {
			DcatitDiag rd;
			dcatit_diag_init(&rd);
			st = fn(ud, id, rec, &rd);
			if (st != DCATIT_OK)
				dcatit_diag_set(d, st, NULL, 0, 0, "%s", rd.message);
			else if (!dcatit_json_append(ids, dcatit_json_string(id)))
				st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		}
		dcatit_model_free(rec);
	}
	return st;
}

/* Handle one page: fetch (or keep it on a 304), check, parse, hand on
 * its records, find the next link. */
static DcatitStatus do_page(DcatitHttp *h, const DcatitHarvestSource *src, const char *url,
                            unsigned pageno, DcatitHarvestRecordFn fn, void *ud,
                            DcatitHarvestFetch *f, char *next, size_t next_cap,
                            DcatitJson *entry, DcatitDiag *d)
{
	const DcatitJson *prev = cached_page(f->prev_pages, url);
	Got g = { 0 };
	dcatit_buf_init(&g.body);
	DcatitModel *page = NULL;
	Set stop = { 0 }, hydra = { 0 }, datasets = { 0 };
	Lines nul = { 0 };
	DcatitJson *ids = dcatit_json_array();
	DcatitStatus st = ids ? fetch_page(h, url, prev, &g, d)
	                  : dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	if (st != DCATIT_OK)
		goto out;
	f->pages_fetched++;
	if (g.st == DCATIT_ERR_LIMIT) {
		st = dcatit_diag_set(d, g.st, NULL, 0, 0, "page %u '%s': response body exceeds "
		                     "the size limit of %zu MiB (limits.max_body_mb)", pageno, url,
		                     src->max_body >> 20);
		goto out;
	}
	if (g.st != DCATIT_OK) {
		st = dcatit_diag_set(d, g.st, NULL, 0, 0, "page %u '%s': %s", pageno, url,
		                     g.error[0] ? g.error : dcatit_strerror(g.st));
		goto out;
	}
	if (g.status == 304 && prev) {
		keep_page(prev, f, next, next_cap, entry);
		goto out;
	}
	if ((st = check_body(&g, url, pageno, &nul, d)) != DCATIT_OK)
		goto out;
	DcatitSyntax syn = pick_syntax(src, &g, url, pageno, f);
	page = dcatit_model_new(f->terms);
	if (!page) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	DcatitParseOpts po = { .syntax = syn, .base_uri = url, .name = url, .max_errors = 1 };
	DcatitDiag pd;
	dcatit_diag_init(&pd);
	if (dcatit_rdfio_parse_mem(page, g.body.data, g.body.len, &po, &pd) != DCATIT_OK) {
		st = dcatit_diag_set(d, pd.status, NULL, 0, 0, "page %u '%s':%lu:%lu: %s (read as %s)",
		                     pageno, url, pd.line, pd.col, pd.message,
		                     dcatit_rdfio_syntax_name(syn));
		goto out;
	}
	dcatit_buf_release(&g.body); /* the page is in the model now */

	PageIds v;
	page_ids(f->terms, &v);
	bool ok = add_typed(page, v.type, v.dcat_ds, &datasets) &&
	          add_typed(page, v.type, v.it_ds, &datasets) &&
	          add_typed(page, v.type, v.bug_ds, &datasets) &&
	          add_typed(page, v.type, v.dcat_cat, &stop) &&
	          add_typed(page, v.type, v.it_cat, &stop) &&
	          add_typed(page, v.type, v.paged, &hydra) &&
	          add_typed(page, v.type, v.partial, &hydra) &&
	          add_subjects(page, v.next, &stop) && add_subjects(page, v.next_page, &stop);
	for (size_t i = 0; ok && i < hydra.n; i++)
		ok = set_add(&stop, hydra.items[i]);
	for (size_t i = 0; ok && i < datasets.n; i++)
		ok = set_add(&stop, datasets.items[i]);
	if (!ok) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		goto out;
	}
	set_sort(&datasets);
	set_sort(&stop);
	set_sort(&hydra);
	if (!next_link(page, &v, &hydra, next, next_cap)) {
		st = dcatit_diag_set(d, DCATIT_ERR_LIMIT, NULL, 0, 0,
		                     "page %u '%s': next page link too long", pageno, url);
		goto out;
	}
	st = page_records(page, &v, &datasets, &stop, &nul, url, fn, ud, f, ids, d);
	if (st == DCATIT_OK) {
		dcatit_json_set(entry, "records", dcatit_json_ref(ids));
		if (g.etag[0])
			dcatit_json_set_str(entry, "etag", g.etag);
		if (g.last_modified[0])
			dcatit_json_set_str(entry, "last_modified", g.last_modified);
		if (next[0])
			dcatit_json_set_str(entry, "next", next);
	}
out:
	dcatit_json_free(ids);
	free(stop.items);
	free(hydra.items);
	free(datasets.items);
	free(nul.line);
	dcatit_model_free(page);
	dcatit_buf_release(&g.body);
	return st;
}

DcatitStatus dcatit_src_dcat_harvest(DcatitHttp *h, const DcatitHarvestSource *src,
                                     DcatitHarvestRecordFn fn, void *ud,
                                     DcatitHarvestFetch *f, DcatitDiag *d)
{
	Visited vis = { 0 };
	DcatitBuf url, res;
	dcatit_buf_init(&url);
	dcatit_buf_init(&res);
	dcatit_buf_adds(&url, src->url);
	DcatitStatus st = DCATIT_OK;
	if (!f->pages)
		f->pages = dcatit_json_array();
	if (!f->pages || url.oom)
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
	char next[4096];
	unsigned pageno = 0;
	while (st == DCATIT_OK && url.len) {
		/* fragments name the same document */
		char *hash = strchr(url.data, '#');
		if (hash) {
			*hash = '\0';
			url.len = (size_t)(hash - url.data);
		}
		if (visited_has(&vis, url.data)) {
			f->cut_short = true;
			dcatit_buf_addf(&f->warnings, _("page %u links back to '%s', already visited: "
			                  "paging stopped (loop); no record is removed this run\n"),
			                pageno, url.data);
			break;
		}
		if (pageno >= src->max_pages) {
			st = dcatit_diag_set(d, DCATIT_ERR_LIMIT, NULL, 0, 0,
			                     "more than %u pages (limits.max_pages): stopped before "
			                     "'%s'", src->max_pages, url.data);
			break;
		}
		if (!visited_add(&vis, url.data)) {
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			break;
		}
		pageno++;
		DcatitJson *entry = dcatit_json_object();
		if (!entry || !dcatit_json_set_str(entry, "url", url.data)) {
			dcatit_json_free(entry);
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
			break;
		}
		next[0] = '\0';
		st = do_page(h, src, url.data, pageno, fn, ud, f, next, sizeof next, entry, d);
		if (st != DCATIT_OK) {
			dcatit_json_free(entry);
			break;
		}
		dcatit_json_append(f->pages, entry);
		if (!next[0])
			break;
		/* a relative link resolves as every reader resolves IRIs */
		if (dcatit_iri_resolve_ref(url.data, next, &res) != DCATIT_OK ||
		    !dcatit_http_url_is_allowed(res.data)) {
			st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, NULL, 0, 0,
			                     "page %u '%s': next page link '%s' is not an http(s) URL",
			                     pageno, url.data, next);
			break;
		}
		/* a link is followed as a redirect would be: the source's host,
		 * or one of its follow_hosts, never an internal address */
		char why[512];
		if (!dcatit_http_allows_url(h, url.data, res.data, why, sizeof why)) {
			st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, NULL, 0, 0,
			                     "page %u '%s': next page link '%s' refused: %s", pageno,
			                     url.data, res.data, why);
			break;
		}
		dcatit_buf_clear(&url);
		dcatit_buf_add(&url, res.data, res.len);
	}
	for (size_t i = 0; i < vis.n; i++)
		free(vis.items[i]);
	free(vis.items);
	dcatit_buf_release(&url);
	dcatit_buf_release(&res);
	return st;
}
