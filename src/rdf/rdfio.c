/* rdfio.c: RDF in through raptor2, the only file that includes its headers,
 * and out through our own writers (writer.c: raptor's serialisers were
 * slow on large graphs and shortened typed literals wrongly). Parsing feeds the document to raptor in chunks, interns every
 * statement into the model with its line, counts errors in the log handler
 * (raptor returns 0 after many errors), and forbids network and file access
 * from inside documents (XML entities, xml:base tricks). */
#include "rdf/rdfio.h"

#include <errno.h>
#include <raptor2.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "rdf/canon.h"
#include "rdf/iri.h"
#include "rdf/jsonld_read.h"
#include "rdf/jsonld_write.h"
#include "rdf/sniff.h"
#include "rdf/vocab.h"
#include "rdf/writer.h"

/* 64 KiB read chunks: raptor's turtle lexer copies chunks into its own
 * buffer, so larger reads gained nothing on a 190 MB file. */
#define READ_CHUNK (64u << 10)
/* 1024 entries: a DCAT catalogue uses a few hundred distinct predicates,
 * classes and datatypes; subject IRIs pass through without evicting them
 * for long. */
#define URI_CACHE 1024

typedef struct {
	DcatitModel *m;
	DcatitTerms *terms;
	raptor_parser *parser;
	DcatitDiag *d;
	const char *name;
	uint32_t file;
	unsigned long scope;
	size_t errors;
	size_t max_errors;
	DcatitStatus st; /* first internal failure (OOM) */
	DcatitBuf label; /* scratch for scoped blank node labels */
	size_t label_prefix; /* length of "b<scope>_" at the start of label */
	/* raptor interns URIs per world, so one pointer is one IRI while a
	 * reference is held: each cached URI keeps a reference (released on
	 * eviction), which makes the pointer a safe key. Predicates, classes
	 * and datatypes then cost no hashing. */
	raptor_uri *uri_key[URI_CACHE];
	DcatitTermId uri_id[URI_CACHE];
	bool diag_set; /* d holds a located error of ours (not raptor's) */
} ParseCtx;

/* ---- what raptor would silently get wrong ---- */

/* raptor's Turtle and N-Triples readers cut a literal at a "\u0000"
 * escape ("a\u0000b" becomes "a"): the text is scanned for one before
 * raptor sees it, string and IRI escapes only (not comments), across
 * chunk boundaries. */
typedef enum { NS_NORMAL, NS_COMMENT, NS_IRI, NS_QUOTES, NS_STR, NS_LSTR } NulState;

typedef struct {
	NulState st;
	char q;            /* the quote of the string (or of the run) */
	int run;           /* quotes in a row: opening run, or closing run */
	bool esc;          /* after a backslash */
	char hex[9];       /* the escape being read: 'u'/'U' and its digits */
	int nhex;
	unsigned long line;
	bool found;
} NulScan;

/* Feed one byte of a string or IRI body: true when a NUL escape ends. */
static bool nul_escape_byte(NulScan *z, char c)
{
	if (z->nhex) {
		z->hex[z->nhex++] = c;
		int want = z->hex[0] == 'u' ? 5 : 9;
		if (c != '0') {
			z->nhex = 0;
		} else if (z->nhex == want) {
			z->nhex = 0;
			return true;
		}
		return false;
	}
	if (z->esc) {
		z->esc = false;
		if (c == 'u' || c == 'U') {
			z->hex[0] = c;
			z->nhex = 1;
		}
		return false;
	}
	if (c == '\\')
		z->esc = true;
	return false;
}

/* Scan n bytes; true as soon as a NUL escape is found (its line in
 * z->line). */
static bool nul_scan(NulScan *z, const char *p, size_t n)
{
	for (size_t i = 0; i < n && !z->found; i++) {
		char c = p[i];
		if (c == '\n')
			z->line++;
		switch (z->st) {
		case NS_NORMAL:
			if (c == '#')
				z->st = NS_COMMENT;
			else if (c == '<')
				z->st = NS_IRI;
			else if (c == '"' || c == '\'') {
				z->st = NS_QUOTES;
				z->q = c;
				z->run = 1;
			}
			break;
		case NS_COMMENT:
			if (c == '\n' || c == '\r')
				z->st = NS_NORMAL;
			break;
		case NS_IRI:
			if (c == '>' && !z->esc && !z->nhex)
				z->st = NS_NORMAL;
			else
				z->found = nul_escape_byte(z, c);
			break;
		case NS_QUOTES:
			if (c == z->q) {
				z->run++;
				break;
			}
			/* one quote opens a string, two are an empty one, three
			 * (and more) open a long string */
			z->st = z->run == 1 ? NS_STR : z->run == 2 ? NS_NORMAL : NS_LSTR;
			z->run = 0;
			i--; /* read c again in the new state */
			if (c == '\n')
				z->line--;
			break;
		case NS_STR:
			if (c == z->q && !z->esc && !z->nhex)
				z->st = NS_NORMAL;
			else
				z->found = nul_escape_byte(z, c);
			break;
		case NS_LSTR:
			if (c == z->q && !z->esc && !z->nhex) {
				if (++z->run == 3) {
					z->st = NS_NORMAL;
					z->run = 0;
				}
			} else {
				z->run = 0;
				z->found = nul_escape_byte(z, c);
			}
			break;
		}
	}
	return z->found;
}

/* Stop at a NUL escape with a located error. */
static bool nul_found(ParseCtx *c, NulScan *z)
{
	dcatit_diag_set(c->d, DCATIT_ERR_SYNTAX, c->name, z->line, 0,
	                "a \\u0000 escape (the character NUL) in a literal or IRI: the "
	                "reader would cut the text there; remove it");
	c->diag_set = true;
	return true;
}

/* The bytes of a term raptor decoded must be UTF-8: a lone surrogate
 * escape ("\\uD800") comes out as bytes no UTF-8 reader accepts, and a
 * Latin-1 file as others. false, with a located error, when they are
 * not. */
static bool utf8_term(ParseCtx *c, const char *s, size_t n, const char *what)
{
	size_t bad;
	if (dcatit_utf8_valid(s, n, &bad))
		return true;
	const unsigned char *u = (const unsigned char *)s + bad;
	bool surrogate = u[0] == 0xED && bad + 1 < n && u[1] >= 0xA0 && u[1] <= 0xBF;
	raptor_locator *loc = raptor_parser_get_locator(c->parser);
	dcatit_diag_set(c->d, DCATIT_ERR_SYNTAX, c->name,
	                loc && loc->line > 0 ? (unsigned long)loc->line : 0, 0,
	                surrogate ? _("%s holds a lone surrogate (an escape between \\uD800 and "
	                              "\\uDFFF), which is no character: write the character "
	                              "itself, or \\U followed by its 8 hex digits")
	                          : _("%s is not valid UTF-8 (byte 0x%02X): save the file as "
	                              "UTF-8 (it may be Latin-1 or Windows-1252)"),
	                what, u[0]);
	c->diag_set = true;
	c->st = DCATIT_ERR_SYNTAX;
	return false;
}

DcatitSyntax dcatit_rdfio_syntax_from_name(const char *name)
{
	static const struct {
		const char *name;
		DcatitSyntax syn;
	} names[] = {
		{"ttl", DCATIT_SYNTAX_TURTLE},     {"turtle", DCATIT_SYNTAX_TURTLE},
		{"rdf", DCATIT_SYNTAX_RDFXML},     {"rdfxml", DCATIT_SYNTAX_RDFXML},
		{"xml", DCATIT_SYNTAX_RDFXML},     {"owl", DCATIT_SYNTAX_RDFXML},
		{"nt", DCATIT_SYNTAX_NTRIPLES},    {"ntriples", DCATIT_SYNTAX_NTRIPLES},
		{"nq", DCATIT_SYNTAX_NQUADS},      {"nquads", DCATIT_SYNTAX_NQUADS},
		{"trig", DCATIT_SYNTAX_TRIG},      {"canon", DCATIT_SYNTAX_CANON},
		{"jsonld", DCATIT_SYNTAX_JSONLD},  {"json-ld", DCATIT_SYNTAX_JSONLD},
	};
	if (!name)
		return DCATIT_SYNTAX_GUESS;
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
		if (strcmp(name, names[i].name) == 0)
			return names[i].syn;
	return DCATIT_SYNTAX_GUESS;
}

DcatitSyntax dcatit_rdfio_syntax_from_path(const char *path)
{
	const char *slash = strrchr(path, '/');
	const char *dot = strrchr(slash ? slash : path, '.');
	if (!dot)
		return DCATIT_SYNTAX_GUESS;
	DcatitSyntax s = dcatit_rdfio_syntax_from_name(dot + 1);
	return s == DCATIT_SYNTAX_CANON ? DCATIT_SYNTAX_GUESS : s;
}

DcatitSyntax dcatit_rdfio_syntax_sniff(const char *data, size_t len)
{
	const char *p = data, *end = data + (len > 4096 ? 4096 : len);
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	while (p < end) {
		while (p < end && (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n'))
			p++;
		if (p >= end)
			break;
		if (*p == '#') { /* a comment line: skip it */
			while (p < end && *p != '\n')
				p++;
			continue;
		}
		if (*p == '<') {
			if (dcatit_sniff_starts_ci(p, end, "<?xml") ||
			    dcatit_sniff_starts_ci(p, end, "<rdf:") ||
			    dcatit_sniff_starts_ci(p, end, "<!--") ||
			    dcatit_sniff_starts_ci(p, end, "<!doctype rdf"))
				return DCATIT_SYNTAX_RDFXML;
			if (dcatit_sniff_starts_ci(p, end, "<!doctype") ||
			    dcatit_sniff_starts_ci(p, end, "<html"))
				return DCATIT_SYNTAX_GUESS; /* an HTML page, not RDF */
			/* "<iri> <iri> ..." : N-Triples is a subset of Turtle */
			return DCATIT_SYNTAX_TURTLE;
		}
		if (*p == '@' || dcatit_sniff_starts_ci(p, end, "prefix") ||
		    dcatit_sniff_starts_ci(p, end, "base") || *p == '_' || *p == '(')
			return DCATIT_SYNTAX_TURTLE;
		if (*p == '{')
			return DCATIT_SYNTAX_JSONLD;
		if (*p == '[') {
			/* a JSON array, or a Turtle "[ :p :o ]" / "[] :p :o" */
			const char *q = p + 1;
			while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
				q++;
			if (q < end && (*q == '{' || *q == '"' || *q == '[' || *q == '-' ||
			                (*q >= '0' && *q <= '9')))
				return DCATIT_SYNTAX_JSONLD;
			if (q < end && *q == ']') {
				q++;
				while (q < end && (*q == ' ' || *q == '\t' || *q == '\r' || *q == '\n'))
					q++;
				if (q == end && end == data + len)
					return DCATIT_SYNTAX_JSONLD; /* "[]" alone */
			}
			return DCATIT_SYNTAX_TURTLE;
		}
		return DCATIT_SYNTAX_TURTLE;
	}
	return DCATIT_SYNTAX_GUESS;
}

DcatitSyntax dcatit_rdfio_syntax_from_media_type(const char *type)
{
	static const struct {
		const char *type;
		DcatitSyntax syn;
	} types[] = {
		{"text/turtle", DCATIT_SYNTAX_TURTLE},
		{"application/x-turtle", DCATIT_SYNTAX_TURTLE},
		{"application/rdf+xml", DCATIT_SYNTAX_RDFXML},
		{"application/n-triples", DCATIT_SYNTAX_NTRIPLES},
		{"application/n-quads", DCATIT_SYNTAX_NQUADS},
		{"application/trig", DCATIT_SYNTAX_TRIG},
		{"application/ld+json", DCATIT_SYNTAX_JSONLD},
	};
	if (!type)
		return DCATIT_SYNTAX_GUESS;
	while (*type == ' ' || *type == '\t')
		type++;
	size_t n = strcspn(type, "; \t");
	for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
		if (strlen(types[i].type) == n && dcatit_sniff_starts_ci(type, type + n, types[i].type))
			return types[i].syn;
	return DCATIT_SYNTAX_GUESS;
}

const char *dcatit_rdfio_syntax_name(DcatitSyntax s)
{
	switch (s) {
	case DCATIT_SYNTAX_GUESS: return "guess";
	case DCATIT_SYNTAX_TURTLE: return "turtle";
	case DCATIT_SYNTAX_RDFXML: return "rdfxml";
	case DCATIT_SYNTAX_NTRIPLES: return "ntriples";
	case DCATIT_SYNTAX_NQUADS: return "nquads";
	case DCATIT_SYNTAX_TRIG: return "trig";
	case DCATIT_SYNTAX_CANON: return "canon";
	case DCATIT_SYNTAX_JSONLD: return "jsonld";
	}
	return "guess";
}

/* raptor resolves every IRI reference of Turtle, TriG and RDF/XML (relative
 * and absolute IRIs, @base, xml:base, rdf:ID) with this public function of
 * its API, which raptor_new_uri_relative_to_base_counted calls through the
 * dynamic linker. The one in raptor 2.0.15 takes "../x" against a base
 * with empty segments wrongly (http://ab//de//ghi gives http://ab//x) and
 * removes "./" and "../" from absolute IRIs, which the JSON-LD and
 * N-Triples readers keep. Defining it in the program that links raptor
 * puts rdf/iri in its place (a definition in the executable comes before
 * the library's own, as with malloc), so every reader resolves alike;
 * tests/unit/test_rdfio.c fails if raptor stops calling it. length is the
 * room raptor allocated (base + reference + 1 bytes, which a resolution
 * never exceeds); 0 tells it the result did not fit. */
size_t raptor_uri_resolve_uri_reference(const unsigned char *base_uri,
                                        const unsigned char *reference_uri,
                                        unsigned char *buffer, size_t length)
{
	DcatitBuf out;
	dcatit_buf_init(&out);
	size_t n = 0;
	if (dcatit_iri_resolve_ref((const char *)base_uri, (const char *)reference_uri,
	                           &out) == DCATIT_OK && out.len <= length) {
		memcpy(buffer, out.data, out.len + 1);
		n = out.len;
	} else if (length) {
		buffer[0] = '\0';
	}
	dcatit_buf_release(&out);
	return n;
}

static raptor_world *open_world(void)
{
	raptor_world *w = raptor_new_world();
	if (!w)
		return NULL;
	/* we own libcurl's global initialisation (src/net/http) */
	raptor_world_set_flag(w, RAPTOR_WORLD_FLAG_WWW_SKIP_INIT_FINISH, 1);
	if (raptor_world_open(w)) {
		raptor_free_world(w);
		return NULL;
	}
	return w;
}

static void log_handler(void *data, raptor_log_message *msg)
{
	ParseCtx *c = data;
	if (msg->level < RAPTOR_LOG_LEVEL_ERROR)
		return;
	c->errors++;
	if (c->errors == 1 && !c->diag_set) {
		unsigned long line = 0, col = 0;
		raptor_locator *loc = msg->locator;
		if ((!loc || loc->line <= 0) && c->parser)
			loc = raptor_parser_get_locator(c->parser);
		if (loc) {
			line = loc->line > 0 ? (unsigned long)loc->line : 0;
			col = loc->column > 0 ? (unsigned long)loc->column : 0;
		}
		/* the message text is freed when we return: copy it. raptor's
		 * Turtle/TriG grammar says "memory exhausted" when its parser stack
		 * reaches bison's 10,000 levels, whatever the memory left: name
		 * the likely cause */
		const char *text = msg->text ? msg->text : _("syntax error");
		dcatit_diag_set(c->d, DCATIT_ERR_SYNTAX, c->name, line, col, "%s%s",
		                text, strcmp(text, "memory exhausted") == 0
		                ? _(" (brackets or lists nested too deeply: the parser "
		                    "stops at about 10000 levels)") : "");
	}
	if (c->parser && c->errors >= c->max_errors)
		raptor_parser_parse_abort(c->parser);
}

static DcatitTermId intern_uri(ParseCtx *c, raptor_uri *u)
{
	size_t slot = ((uintptr_t)u >> 4) % URI_CACHE;
	if (c->uri_key[slot] == u)
		return c->uri_id[slot];
	size_t len;
	const unsigned char *s = raptor_uri_as_counted_string(u, &len);
	if (!utf8_term(c, (const char *)s, len, "an IRI"))
		return 0;
	DcatitTermId id = dcatit_terms_iri(c->terms, (const char *)s, len);
	if (id) {
		if (c->uri_key[slot])
			raptor_free_uri(c->uri_key[slot]);
		c->uri_key[slot] = raptor_uri_copy(u);
		c->uri_id[slot] = id;
	}
	return id;
}

static DcatitTermId intern_term(ParseCtx *c, raptor_term *t)
{
	switch (t->type) {
	case RAPTOR_TERM_TYPE_URI:
		return intern_uri(c, t->value.uri);
	case RAPTOR_TERM_TYPE_BLANK:
		c->label.len = c->label_prefix;
		dcatit_terms_write_label((const char *)t->value.blank.string,
		                         t->value.blank.string_len, &c->label);
		if (c->label.oom)
			return 0;
		return dcatit_terms_bnode(c->terms, c->label.data, c->label.len);
	case RAPTOR_TERM_TYPE_LITERAL: {
		DcatitTermId dt = 0;
		if (t->value.literal.datatype &&
		    !(dt = intern_uri(c, t->value.literal.datatype)))
			return 0;
		if (!utf8_term(c, (const char *)t->value.literal.string,
		               t->value.literal.string_len, "a literal"))
			return 0;
		return dcatit_terms_literal(c->terms, (const char *)t->value.literal.string,
		                            t->value.literal.string_len, dt,
		                            (const char *)t->value.literal.language);
	}
	case RAPTOR_TERM_TYPE_UNKNOWN:
		break;
	}
	return 0;
}

static void statement_handler(void *data, raptor_statement *st)
{
	ParseCtx *c = data;
	if (c->st)
		return;
	DcatitTermId s = intern_term(c, st->subject);
	DcatitTermId p = intern_term(c, st->predicate);
	DcatitTermId o = intern_term(c, st->object);
	if (!s || !p || !o) {
		if (!c->st)
			c->st = DCATIT_ERR_NOMEM;
		raptor_parser_parse_abort(c->parser);
		return;
	}
	/* N-Quads and TriG name a graph: kept, its triples join the union */
	DcatitTermId g = 0;
	if (st->graph && !(g = intern_term(c, st->graph))) {
		if (!c->st)
			c->st = DCATIT_ERR_NOMEM;
		raptor_parser_parse_abort(c->parser);
		return;
	}
	raptor_locator *loc = raptor_parser_get_locator(c->parser);
	DcatitLoc l = {c->file, loc && loc->line > 0 ? (uint32_t)loc->line : 0};
	DcatitStatus r = dcatit_model_add_quad(c->m, s, p, o, g, l);
	if (r == DCATIT_ERR_USAGE) {
		/* a literal subject or blank predicate (generalised RDF, e.g. from
		 * TriG/N-Quads extensions): not RDF 1.1, report it as data error */
		c->errors++;
		if (c->errors == 1)
			dcatit_diag_set(c->d, DCATIT_ERR_SYNTAX, c->name, l.line, 0,
			                "statement is not valid RDF (literal subject or "
			                "non-IRI predicate)");
	} else if (r) {
		c->st = r;
		raptor_parser_parse_abort(c->parser);
	}
}

static void namespace_handler(void *data, raptor_namespace *ns)
{
	ParseCtx *c = data;
	const unsigned char *prefix = raptor_namespace_get_prefix(ns);
	raptor_uri *uri = raptor_namespace_get_uri(ns);
	if (!uri)
		return;
	if (dcatit_model_add_prefix(c->m, prefix ? (const char *)prefix : "",
	                            (const char *)raptor_uri_as_string(uri)))
		c->st = DCATIT_ERR_NOMEM;
}

static const char *parser_name(DcatitSyntax s)
{
	switch (s) {
	case DCATIT_SYNTAX_RDFXML: return "rdfxml";
	case DCATIT_SYNTAX_NTRIPLES: return "ntriples";
	case DCATIT_SYNTAX_NQUADS: return "nquads";
	case DCATIT_SYNTAX_TRIG: return "trig";
	case DCATIT_SYNTAX_TURTLE:
	case DCATIT_SYNTAX_GUESS:
	case DCATIT_SYNTAX_CANON:
	case DCATIT_SYNTAX_JSONLD: /* not raptor's: see parse_jsonld */
		break;
	}
	return "turtle";
}

/* A source of bytes: a FILE or a memory block. */
typedef struct {
	FILE *f;
	const char *mem;
	size_t memlen;
	size_t pos;
} Input;

static size_t input_read(Input *in, char *buf, size_t cap, bool *eof)
{
	if (in->f) {
		size_t n = fread(buf, 1, cap, in->f);
		*eof = n < cap;
		return n;
	}
	size_t n = in->memlen - in->pos;
	if (n > cap)
		n = cap;
	memcpy(buf, in->mem + in->pos, n);
	in->pos += n;
	*eof = in->pos >= in->memlen;
	return n;
}

/* 256 MiB: JSON-LD is parsed whole (jansson builds a tree of about ten
 * times the text), unlike the streamed raptor syntaxes; 256 MiB of JSON-LD
 * is some 2.5 M triples of DCAT, past the largest catalogue we know. */
#define JSONLD_MAX_BYTES ((size_t)256 << 20)

/* JSON-LD goes to rdf/jsonld (raptor has no JSON-LD parser): read the rest
 * of the input after the first chunk (head, n bytes) and parse it whole. */
static DcatitStatus parse_jsonld(DcatitModel *m, Input *in, const char *head, size_t n,
                                 bool eof, const char *name, const char *path,
                                 const DcatitParseOpts *opts, DcatitDiag *d)
{
	DcatitBuf all;
	dcatit_buf_init(&all);
	const char *data = in->mem;
	size_t len = in->memlen;
	if (!in->mem) {
		dcatit_buf_add(&all, head, n);
		while (!eof && !all.oom && all.len <= JSONLD_MAX_BYTES &&
		       dcatit_buf_reserve(&all, READ_CHUNK)) {
			all.len += input_read(in, all.data + all.len, READ_CHUNK, &eof);
			all.data[all.len] = '\0';
			if (ferror(in->f)) {
				dcatit_buf_release(&all);
				return dcatit_diag_set(d, DCATIT_ERR_IO, name, 0, 0, "%s",
				                       strerror(errno));
			}
		}
		if (all.oom) {
			dcatit_buf_release(&all);
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, name, 0, 0, "out of memory");
		}
		data = all.data;
		len = all.len;
	}
	if (len > JSONLD_MAX_BYTES) {
		dcatit_buf_release(&all);
		return dcatit_diag_set(d, DCATIT_ERR_LIMIT, name, 0, 0,
		                       "JSON-LD document larger than %zu MiB",
		                       JSONLD_MAX_BYTES >> 20);
	}
	/* the same base IRI raptor would get */
	unsigned char *u = NULL;
	const char *base = opts->base_uri;
	if (!base && path && strcmp(path, "-") != 0) {
		u = raptor_uri_filename_to_uri_string(path);
		base = (const char *)u;
	} else if (!base) {
		base = "file:///dev/stdin";
	}
	DcatitStatus st;
	if (!base) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, name, 0, 0, "out of memory");
	} else {
		DcatitJsonldOpts jo = {.base_uri = base, .name = name};
		st = dcatit_jsonld_parse(m, data ? data : "", len, &jo, NULL, d);
	}
	if (u)
		raptor_free_memory(u);
	dcatit_buf_release(&all);
	return st;
}

static DcatitStatus parse_input(DcatitModel *m, Input *in, const char *name,
                                const char *path, const DcatitParseOpts *opts,
                                DcatitDiag *d)
{
	DcatitParseOpts def = {0};
	if (!opts)
		opts = &def;
	char *buf = malloc(READ_CHUNK);
	if (!buf)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, name, 0, 0, "out of memory");
	bool eof = false;
	size_t n = input_read(in, buf, READ_CHUNK, &eof);
	if (in->f && ferror(in->f)) {
		free(buf);
		return dcatit_diag_set(d, DCATIT_ERR_IO, name, 0, 0, "%s", strerror(errno));
	}

	DcatitSyntax syn = opts->syntax;
	if (syn == DCATIT_SYNTAX_GUESS && path)
		syn = dcatit_rdfio_syntax_from_path(path);
	if (syn == DCATIT_SYNTAX_GUESS)
		syn = dcatit_rdfio_syntax_sniff(buf, n);
	/* an HTML page, a capabilities document, ISO 19139: say what it is
	 * rather than parse it into nothing (or into nonsense, for XML) */
	char root[64];
	unsigned long line;
	DcatitDocKind kind = dcatit_sniff_doc(buf, n, syn == DCATIT_SYNTAX_RDFXML ||
	                                      syn == DCATIT_SYNTAX_GUESS, root, sizeof root,
	                                      &line);
	if (kind != DCATIT_DOC_MAYBE_RDF) {
		DcatitBuf what;
		dcatit_buf_init(&what);
		dcatit_sniff_describe(kind, root, &what);
		dcatit_diag_set(d, what.oom ? DCATIT_ERR_NOMEM : DCATIT_ERR_SYNTAX, name, line, 0,
		                "%s", what.oom ? "out of memory" : what.data);
		dcatit_buf_release(&what);
		free(buf);
		return d ? d->status : DCATIT_ERR_SYNTAX;
	}
	if (syn == DCATIT_SYNTAX_GUESS && n > 0) {
		free(buf);
		return dcatit_diag_set(d, DCATIT_ERR_SYNTAX, name, 1, 1,
		                       "cannot tell the RDF syntax of this document; name "
		                       "it with a known extension or a syntax option");
	}
	if (syn == DCATIT_SYNTAX_JSONLD) {
		DcatitStatus st = parse_jsonld(m, in, buf, n, eof, name, path, opts, d);
		free(buf);
		return st;
	}

	raptor_world *w = open_world();
	if (!w) {
		free(buf);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, name, 0, 0,
		                       "cannot initialise raptor");
	}
	ParseCtx c = {.m = m, .terms = dcatit_model_terms(m), .d = d, .name = name};
	c.max_errors = opts->max_errors ? opts->max_errors : 1;
	dcatit_buf_init(&c.label);
	c.scope = dcatit_terms_next_scope(c.terms);
	dcatit_buf_addf(&c.label, "b%lu_", c.scope);
	c.label_prefix = c.label.len;
	c.file = dcatit_model_add_source(m, name);
	raptor_world_set_log_handler(w, &c, log_handler);

	DcatitStatus st = DCATIT_OK;
	raptor_uri *base = NULL;
	c.parser = raptor_new_parser(w, parser_name(syn));
	if (opts->base_uri) {
		base = raptor_new_uri(w, (const unsigned char *)opts->base_uri);
	} else if (path && strcmp(path, "-") != 0) {
		unsigned char *u = raptor_uri_filename_to_uri_string(path);
		if (u) {
			base = raptor_new_uri(w, u);
			raptor_free_memory(u);
		}
	} else {
		base = raptor_new_uri(w, (const unsigned char *)"file:///dev/stdin");
	}
	if (!c.parser || !base || !c.file) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, name, 0, 0, "out of memory");
		goto done;
	}
	/* data may be hostile: no network, no local files, no entities */
	raptor_parser_set_option(c.parser, RAPTOR_OPTION_NO_NET, NULL, 1);
	raptor_parser_set_option(c.parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
	raptor_parser_set_option(c.parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, NULL, 0);
	raptor_parser_set_option(c.parser, RAPTOR_OPTION_WWW_TIMEOUT, NULL, 1);
	raptor_parser_set_statement_handler(c.parser, &c, statement_handler);
	raptor_parser_set_namespace_handler(c.parser, &c, namespace_handler);

	if (raptor_parser_parse_start(c.parser, base)) {
		if (!c.errors)
			dcatit_diag_set(d, DCATIT_ERR_SYNTAX, name, 0, 0,
			                "cannot start the %s parser", parser_name(syn));
		st = DCATIT_ERR_SYNTAX;
		goto done;
	}
	NulScan nul = {.line = 1};
	bool scan = syn != DCATIT_SYNTAX_RDFXML; /* XML refuses &#0; itself */
	for (;;) {
		if (scan && nul_scan(&nul, buf, n) && nul_found(&c, &nul)) {
			st = DCATIT_ERR_SYNTAX;
			goto done;
		}
		int r = raptor_parser_parse_chunk(c.parser, (const unsigned char *)buf, n,
		                                  eof ? 1 : 0);
		if (r || c.st || c.errors)
			break;
		if (eof)
			break;
		n = input_read(in, buf, READ_CHUNK, &eof);
		if (in->f && ferror(in->f)) {
			st = dcatit_diag_set(d, DCATIT_ERR_IO, name, 0, 0, "%s",
			                     strerror(errno));
			goto done;
		}
	}
	if (c.st && c.diag_set)
		st = c.st;
	else if (c.st)
		st = dcatit_diag_set(d, c.st, name, 0, 0, "%s", dcatit_strerror(c.st));
	else if (c.errors)
		st = DCATIT_ERR_SYNTAX; /* d was filled by the log handler */
done:
	for (size_t i = 0; i < URI_CACHE; i++)
		if (c.uri_key[i])
			raptor_free_uri(c.uri_key[i]);
	if (base)
		raptor_free_uri(base);
	if (c.parser)
		raptor_free_parser(c.parser);
	raptor_free_world(w);
	dcatit_buf_release(&c.label);
	free(buf);
	return st;
}

DcatitStatus dcatit_rdfio_parse_file(DcatitModel *m, const char *path,
                                     const DcatitParseOpts *opts, DcatitDiag *d)
{
	bool is_stdin = strcmp(path, "-") == 0;
	const char *name = opts && opts->name ? opts->name : is_stdin ? "<stdin>" : path;
	Input in = {0};
	in.f = is_stdin ? stdin : fopen(path, "rb");
	if (!in.f)
		return dcatit_diag_set(d, DCATIT_ERR_IO, name, 0, 0, "%s", strerror(errno));
	DcatitStatus st = parse_input(m, &in, name, is_stdin ? NULL : path, opts, d);
	if (!is_stdin)
		fclose(in.f);
	return st;
}

DcatitStatus dcatit_rdfio_parse_mem(DcatitModel *m, const char *data, size_t len,
                                    const DcatitParseOpts *opts, DcatitDiag *d)
{
	const char *name = opts && opts->name ? opts->name : "<memory>";
	Input in = {.mem = data, .memlen = len};
	return parse_input(m, &in, name, NULL, opts, d);
}

/* ---- writing ---- */

/* N-Triples of the union of the graphs; with quads, N-Quads: the default
 * graph's triples, then every named graph's statements with its name. */
static DcatitStatus write_ntriples(DcatitModel *m, DcatitBuf *out, bool quads)
{
	DcatitTerms *t = dcatit_model_terms(m);
	size_t n = dcatit_model_size(m);
	for (size_t i = 0; i < n; i++) {
		if (quads && !dcatit_model_in_default(m, i))
			continue;
		const DcatitTriple *tr = dcatit_model_triple(m, i);
		dcatit_terms_write_nt(t, tr->s, out);
		dcatit_buf_addc(out, ' ');
		dcatit_terms_write_nt(t, tr->p, out);
		dcatit_buf_addc(out, ' ');
		dcatit_terms_write_nt(t, tr->o, out);
		dcatit_buf_adds(out, " .\n");
	}
	size_t nq = quads ? dcatit_model_quad_count(m) : 0;
	for (size_t i = 0; i < nq; i++) {
		const DcatitQuad *q = dcatit_model_quad(m, i);
		const DcatitTermId ids[4] = {q->s, q->p, q->o, q->g};
		for (size_t k = 0; k < 4; k++) {
			dcatit_terms_write_nt(t, ids[k], out);
			dcatit_buf_adds(out, k < 3 ? " " : " .\n");
		}
	}
	return out->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}

DcatitStatus dcatit_rdfio_write_buf(DcatitModel *m, DcatitBuf *out, DcatitSyntax syntax,
                                    const char *base_uri, DcatitDiag *d)
{
	switch (syntax) {
	case DCATIT_SYNTAX_NTRIPLES:
	case DCATIT_SYNTAX_NQUADS:
		if (write_ntriples(m, out, syntax == DCATIT_SYNTAX_NQUADS))
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return DCATIT_OK;
	case DCATIT_SYNTAX_CANON:
		if (dcatit_canon_write(m, out))
			return dcatit_diag_set(d, DCATIT_ERR_NOMEM, NULL, 0, 0, "out of memory");
		return DCATIT_OK;
	case DCATIT_SYNTAX_RDFXML:
		/* ours, not raptor's rdfxml-abbrev: see writer.h */
		return dcatit_writer_rdfxml(m, out, d);
	case DCATIT_SYNTAX_JSONLD:
		return dcatit_jsonld_write(m, out, d);
	case DCATIT_SYNTAX_GUESS:
	case DCATIT_SYNTAX_TURTLE:
	case DCATIT_SYNTAX_TRIG:
		break;
	}
	/* Turtle is TriG's default graph; IRIs are written absolute, so
	 * base_uri is not needed */
	(void)base_uri;
	return dcatit_writer_turtle(m, out, d);
}

DcatitStatus dcatit_rdfio_write(DcatitModel *m, FILE *out, DcatitSyntax syntax,
                                const char *base_uri, DcatitDiag *d)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	DcatitStatus st = dcatit_rdfio_write_buf(m, &b, syntax, base_uri, d);
	if (!st && b.len && fwrite(b.data, 1, b.len, out) != b.len)
		st = dcatit_diag_set(d, DCATIT_ERR_IO, NULL, 0, 0, "%s", strerror(errno));
	dcatit_buf_release(&b);
	return st;
}
