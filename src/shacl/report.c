/* report.c: SHACL validation reports in five formats (see report.h). Every
 * format is built from the same pieces: a located, human message per result
 * and the terms of the result rendered for that format. */
#include "shacl/report.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/i18n.h"
#include "base/str.h"
#include "rdf/vocab.h"

/* Longest lexical form shown in a text message: a 50 MB literal must not
 * turn into a 50 MB line. */
#define SHORT_LITERAL 60
/* Deepest path structure rendered (sh:path cycles must not loop). */
#define MAX_PATH_DEPTH 16
/* Most list items shown in a message (sh:in, sh:languageIn). */
#define MAX_LIST_ITEMS 8

static const struct {
	const char *prefix;
	const char *ns;
} well_known[] = {
	{ "adms", DCATIT_NS_ADMS },
	{ "dcat", DCATIT_NS_DCAT },
	{ "dcatapit", DCATIT_NS_DCATAPIT },
	{ "dcatit", DCATIT_NS_DCATIT },
	{ "dct", DCATIT_NS_DCT },
	{ "foaf", DCATIT_NS_FOAF },
	{ "locn", DCATIT_NS_LOCN },
	{ "rdf", DCATIT_NS_RDF },
	{ "rdfs", DCATIT_NS_RDFS },
	{ "sh", DCATIT_NS_SH },
	{ "skos", DCATIT_NS_SKOS },
	{ "vcard", DCATIT_NS_VCARD },
	{ "xsd", DCATIT_NS_XSD },
};

/* Terms and shapes-graph ids a report needs, looked up without interning. */
typedef struct {
	const DcatitReportInput *in;
	DcatitTerms *t;
	DcatitModel *sg;
	DcatitTermId first, rest, nil;
	DcatitTermId inverse, alternative, zero_more, one_more, zero_one;
	DcatitTermId property, message;
	const char *lang;   /* the language of the messages: "en", "it" */
	bool full;          /* write IRIs as <iri>, never pfx:local */
} Ctx;

static void ctx_init(Ctx *c, const DcatitReportInput *in)
{
	memset(c, 0, sizeof *c);
	c->in = in;
	c->sg = in->shapes;
	c->lang = in->lang ? in->lang : dcatit_i18n_lang();
	if (!in->data)
		return; /* an error report: no results to render */
	c->t = dcatit_model_terms(in->data);
	c->first = dcatit_terms_find_iri(c->t, DCATIT_NS_RDF "first");
	c->rest = dcatit_terms_find_iri(c->t, DCATIT_NS_RDF "rest");
	c->nil = dcatit_terms_find_iri(c->t, DCATIT_NS_RDF "nil");
	c->inverse = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "inversePath");
	c->alternative = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "alternativePath");
	c->zero_more = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "zeroOrMorePath");
	c->one_more = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "oneOrMorePath");
	c->zero_one = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "zeroOrOnePath");
	c->property = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "property");
	c->message = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "message");
}

/* A copy of c that writes IRIs in full (<iri>) or not. */
static Ctx ctx_with_full(const Ctx *c, bool full)
{
	Ctx copy = *c;
	copy.full = full;
	return copy;
}

/* The shapes-graph object of (s, p), 0 when there is no shapes graph. */
static DcatitTermId sg_object(const Ctx *c, DcatitTermId s, DcatitTermId p)
{
	if (!c->sg || !s || !p)
		return 0;
	return dcatit_model_object(c->sg, s, p);
}

/* Items of an RDF list in the shapes graph; false when it is not one. */
static bool sg_list(const Ctx *c, DcatitTermId head, DcatitTermId **items,
                    size_t *n)
{
	*items = NULL;
	*n = 0;
	if (!c->sg || !c->first || !c->rest || !c->nil)
		return false;
	if (head != c->nil && !dcatit_model_object(c->sg, head, c->first))
		return false;
	return dcatit_model_list(c->sg, head, c->first, c->rest, c->nil, items,
	                         n) == DCATIT_OK;
}

/* ---- generic rendering ------------------------------------------------ */

static bool is_alnum(unsigned char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
	       (ch >= '0' && ch <= '9');
}

static bool is_local_name(const char *s)
{
	if (!*s)
		return false;
	for (const char *p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		bool ok = is_alnum(ch) || ch == '_' || ch == '-' ||
		          (ch == '.' && p[1] != '\0');
		if (!ok)
			return false;
	}
	return true;
}

/* An IRI as pfx:local when a well-known prefix fits, else <iri>. */
static void add_iri_short(DcatitBuf *b, const char *iri, bool full)
{
	for (size_t i = 0; !full && i < sizeof well_known / sizeof well_known[0]; i++) {
		size_t n = strlen(well_known[i].ns);
		if (strncmp(iri, well_known[i].ns, n) == 0 && is_local_name(iri + n)) {
			dcatit_buf_addf(b, "%s:%s", well_known[i].prefix, iri + n);
			return;
		}
	}
	dcatit_buf_addf(b, "<%s>", iri);
}

/* Length of at most max bytes of s that does not cut a UTF-8 sequence. */
static size_t utf8_cut(const char *s, size_t len, size_t max)
{
	if (len <= max)
		return len;
	size_t n = max;
	while (n > 0 && ((unsigned char)s[n] & 0xC0) == 0x80)
		n--;
	return n;
}

/* Copy the UTF-8 sequence at s[*i], or U+FFFD for an invalid byte, and
 * advance *i past it. */
static void add_utf8(DcatitBuf *b, const char *s, size_t len, size_t *i)
{
	size_t k = dcatit_utf8_seq_len((const unsigned char *)s + *i, len - *i);
	if (k) {
		dcatit_buf_add(b, s + *i, k);
		*i += k;
	} else {
		dcatit_buf_adds(b, "\xEF\xBF\xBD");
		*i += 1;
	}
}

/* The replacement of one byte in an escaped string, or NULL to copy it;
 * spare holds a replacement built on the fly. */
typedef const char *(*EscapeFn)(unsigned char ch, char spare[8]);

/* s[0..len) with each byte replaced as esc says. With utf8, bytes from 0x80
 * up are copied as valid UTF-8 sequences (U+FFFD for an invalid one) and
 * never reach esc. Runs that need no escape go in one copy: a large report
 * is mostly IRIs and messages (bench: 9% of a 50k-dataset run went to
 * appending them one character at a time). */
static void add_escaped(DcatitBuf *b, const char *s, size_t len, EscapeFn esc,
                        bool utf8)
{
	char spare[8];
	for (size_t i = 0; i < len;) {
		size_t run = i;
		while (run < len && !(utf8 && (unsigned char)s[run] >= 0x80) &&
		       !esc((unsigned char)s[run], spare))
			run++;
		if (run > i) {
			dcatit_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char ch = (unsigned char)s[i];
		if (utf8 && ch >= 0x80) {
			add_utf8(b, s, len, &i);
			continue;
		}
		dcatit_buf_adds(b, esc(ch, spare));
		i++;
	}
}

/* The text gathered in tmp, escaped into b; tmp running out of memory makes
 * b out of memory too. */
static void add_buf_escaped(DcatitBuf *b, const DcatitBuf *tmp, EscapeFn esc,
                            bool utf8)
{
	if (tmp->oom)
		b->oom = true;
	add_escaped(b, tmp->data ? tmp->data : "", tmp->len, esc, utf8);
}

/* Backslash escapes for quote, backslash and control characters (valid in
 * Turtle, N-Triples and JSON alike). */
static const char *esc_quoted(unsigned char ch, char spare[8])
{
	switch (ch) {
	case '"': return "\\\"";
	case '\\': return "\\\\";
	case '\n': return "\\n";
	case '\r': return "\\r";
	case '\t': return "\\t";
	default:
		if (ch < 0x20 || ch == 0x7f) {
			snprintf(spare, 8, "\\u%04X", ch);
			return spare;
		}
		return NULL;
	}
}

/* No escape: text lines only need valid UTF-8. */
static const char *esc_none(unsigned char ch, char spare[8])
{
	(void)ch;
	(void)spare;
	return NULL;
}

/* A quoted string with backslash escapes, "..." before the closing quote
 * when it was cut. */
static void add_quoted(DcatitBuf *b, const char *s, size_t len, bool ellipsis)
{
	dcatit_buf_addc(b, '"');
	add_escaped(b, s, len, esc_quoted, true);
	if (ellipsis)
		dcatit_buf_adds(b, "...");
	dcatit_buf_addc(b, '"');
}

/* A term for people: pfx:local or <iri>, "lexical"(@lang|^^dt), blank
 * nodes as _:label. Long literals are cut. */
static void add_term_short(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	switch (dcatit_terms_kind(c->t, id)) {
	case DCATIT_TERM_IRI:
		add_iri_short(b, dcatit_terms_str(c->t, id), c->full);
		break;
	case DCATIT_TERM_BNODE:
		dcatit_buf_addf(b, "_:%s", dcatit_terms_str(c->t, id));
		break;
	case DCATIT_TERM_LITERAL: {
		const char *s = dcatit_terms_str(c->t, id);
		size_t len = dcatit_terms_len(c->t, id);
		size_t cut = utf8_cut(s, len, SHORT_LITERAL);
		add_quoted(b, s, cut, cut < len);
		const char *lang = dcatit_terms_lang(c->t, id);
		DcatitTermId dt = dcatit_terms_datatype(c->t, id);
		if (lang[0]) {
			dcatit_buf_addf(b, "@%s", lang);
		} else if (dt && strcmp(dcatit_terms_str(c->t, dt),
		                        DCATIT_NS_XSD "string") != 0) {
			dcatit_buf_adds(b, "^^");
			add_iri_short(b, dcatit_terms_str(c->t, dt), c->full);
		}
		break;
	}
	case DCATIT_TERM_NONE:
		dcatit_buf_adds(b, "(none)");
		break;
	}
}

/* A term in full N-Triples form (machine formats). */
static void add_term_nt(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	if (!dcatit_terms_write_nt(c->t, id, b))
		b->oom = true;
}

static void add_path_short(const Ctx *c, DcatitBuf *b, DcatitTermId p, int depth);

/* The paths of a list (which it frees) joined by sep, in parentheses when
 * paren. */
static void add_path_list_short(const Ctx *c, DcatitBuf *b, DcatitTermId *items,
                                size_t n, char sep, bool paren, int depth)
{
	if (paren)
		dcatit_buf_addc(b, '(');
	for (size_t i = 0; i < n; i++) {
		if (i)
			dcatit_buf_addc(b, sep);
		add_path_short(c, b, items[i], depth + 1);
	}
	if (paren)
		dcatit_buf_addc(b, ')');
	free(items);
}

/* A path for people, SPARQL property path style: dct:title,
 * ^dcat:dataset, dcat:distribution/dct:format, (a|b), p*, p+, p?. */
static void add_path_short(const Ctx *c, DcatitBuf *b, DcatitTermId p, int depth)
{
	if (depth > MAX_PATH_DEPTH) {
		dcatit_buf_adds(b, "...");
		return;
	}
	if (dcatit_terms_is_iri(c->t, p)) {
		add_iri_short(b, dcatit_terms_str(c->t, p), c->full);
		return;
	}
	DcatitTermId x;
	DcatitTermId *items;
	size_t n;
	if ((x = sg_object(c, p, c->inverse))) {
		dcatit_buf_addc(b, '^');
		add_path_short(c, b, x, depth + 1);
	} else if ((x = sg_object(c, p, c->alternative)) && sg_list(c, x, &items, &n)) {
		add_path_list_short(c, b, items, n, '|', true, depth);
	} else if ((x = sg_object(c, p, c->zero_more)) || (x = sg_object(c, p, c->one_more)) ||
	           (x = sg_object(c, p, c->zero_one))) {
		char op = sg_object(c, p, c->zero_more) ? '*'
		        : sg_object(c, p, c->one_more) ? '+' : '?';
		bool group = !dcatit_terms_is_iri(c->t, x);
		if (group)
			dcatit_buf_addc(b, '(');
		add_path_short(c, b, x, depth + 1);
		if (group)
			dcatit_buf_addc(b, ')');
		dcatit_buf_addc(b, op);
	} else if (sg_list(c, p, &items, &n)) {
		add_path_list_short(c, b, items, n, '/', depth > 0, depth);
	} else {
		add_term_short(c, b, p);
	}
}

/* A whole path for people. */
static void add_path_brief(const Ctx *c, DcatitBuf *b, DcatitTermId p)
{
	add_path_short(c, b, p, 0);
}

/* The shape for people: its IRI, or for a blank property shape the IRI of
 * the node shape that holds it. */
static void add_shape_short(const Ctx *c, DcatitBuf *b, DcatitTermId shape)
{
	if (c->sg && c->property && dcatit_terms_is_bnode(c->t, shape)) {
		DcatitRange r = dcatit_model_po(c->sg, c->property, shape);
		if (r.n) {
			DcatitTermId parent = dcatit_model_triple(c->sg, r.idx[0])->s;
			if (dcatit_terms_is_iri(c->t, parent)) {
				add_iri_short(b, dcatit_terms_str(c->t, parent), c->full);
				return;
			}
		}
	}
	add_term_short(c, b, shape);
}

/* sh:MinCountConstraintComponent -> "minCount"; NULL for non-sh IRIs. */
static bool component_param_name(const Ctx *c, DcatitTermId comp, char *out,
                                 size_t n)
{
	const char *s = dcatit_terms_str(c->t, comp);
	size_t ns = strlen(DCATIT_NS_SH);
	const char *suffix = "ConstraintComponent";
	size_t len = strlen(s), sl = strlen(suffix);
	if (strncmp(s, DCATIT_NS_SH, ns) != 0 || len < ns + sl + 1 ||
	    strcmp(s + len - sl, suffix) != 0)
		return false;
	size_t k = len - ns - sl;
	if (k + 1 > n)
		return false;
	memcpy(out, s + ns, k);
	out[k] = '\0';
	if (out[0] >= 'A' && out[0] <= 'Z')
		out[0] = (char)(out[0] - 'A' + 'a');
	return true;
}

static void add_constraint(const Ctx *c, DcatitBuf *b, DcatitTermId comp)
{
	char name[128];
	if (component_param_name(c, comp, name, sizeof name))
		dcatit_buf_addf(b, "sh:%s", name);
	else
		add_term_short(c, b, comp);
}

/* ---- severities and counts --------------------------------------------- */

bool dcatit_report_format_from_name(const char *name, DcatitReportFormat *f)
{
	static const struct {
		const char *name;
		DcatitReportFormat f;
	} names[] = {
		{ "text", DCATIT_REPORT_TEXT }, { "json", DCATIT_REPORT_JSON },
		{ "junit", DCATIT_REPORT_JUNIT }, { "ttl", DCATIT_REPORT_TTL },
		{ "turtle", DCATIT_REPORT_TTL }, { "github", DCATIT_REPORT_GITHUB },
	};
	for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
		if (strcmp(name, names[i].name) == 0) {
			*f = names[i].f;
			return true;
		}
	}
	return false;
}

DcatitSeverity dcatit_report_severity(const DcatitTerms *t, DcatitTermId sev)
{
	const char *s = dcatit_terms_str(t, sev);
	if (strcmp(s, DCATIT_NS_SH "Warning") == 0)
		return DCATIT_SEV_WARNING;
	if (strcmp(s, DCATIT_NS_SH "Info") == 0)
		return DCATIT_SEV_INFO;
	return DCATIT_SEV_VIOLATION;
}

static DcatitSeverity result_level(const Ctx *c, const DcatitResult *r)
{
	return dcatit_report_severity(c->t, r->severity);
}

static const char *severity_word(DcatitSeverity s)
{
	switch (s) {
	case DCATIT_SEV_VIOLATION: return "error";
	case DCATIT_SEV_WARNING: return "warning";
	case DCATIT_SEV_INFO: return "info";
	}
	return "error";
}

/* The source file of a result: its own, else the first data file, else
 * "-". */
static const char *result_file(const DcatitReportInput *in, const DcatitResult *r)
{
	const char *f = r->loc.file ? dcatit_model_source_name(in->data, r->loc.file) : "";
	if (!f[0] && in->nfiles)
		f = in->files[0];
	if (!f[0])
		f = "-";
	return f;
}

/* The results of file (all of them when file is NULL) by severity level;
 * in may be NULL when file is. */
static void count_levels(const DcatitTerms *t, const DcatitReportInput *in,
                         const DcatitResults *rs, const char *file,
                         size_t n[3])
{
	n[DCATIT_SEV_VIOLATION] = n[DCATIT_SEV_WARNING] = n[DCATIT_SEV_INFO] = 0;
	for (size_t i = 0; i < rs->n; i++) {
		const DcatitResult *r = &rs->items[i];
		if (file && strcmp(result_file(in, r), file) != 0)
			continue;
		n[dcatit_report_severity(t, r->severity)]++;
	}
}

/* How many of the counted results are at or above level. */
static size_t count_at_or_above(const size_t n[3], DcatitSeverity level)
{
	size_t k = 0;
	for (int l = DCATIT_SEV_VIOLATION; l <= (int)level && l <= DCATIT_SEV_INFO; l++)
		k += n[l];
	return k;
}

DcatitReportCounts dcatit_report_count(const DcatitResults *r,
                                       const DcatitTerms *t)
{
	size_t n[3];
	count_levels(t, NULL, r, NULL, n);
	DcatitReportCounts c = { n[DCATIT_SEV_VIOLATION], n[DCATIT_SEV_WARNING],
	                         n[DCATIT_SEV_INFO] };
	return c;
}

bool dcatit_report_summary(const DcatitReportCounts *c, size_t nfiles,
                           DcatitBuf *out)
{
	dcatit_buf_addf(out, P_("%zu error", "%zu errors", c->violations), c->violations);
	dcatit_buf_addf(out, P_(", %zu warning", ", %zu warnings", c->warnings), c->warnings);
	if (c->infos)
		dcatit_buf_addf(out, P_(", %zu info", ", %zu infos", c->infos), c->infos);
	dcatit_buf_addf(out, P_(" in %zu file", " in %zu files", nfiles), nfiles);
	return !out->oom;
}


/* ---- notes about the run ------------------------------------------------ */

void dcatit_report_notes_init(DcatitReportNotes *n)
{
	memset(n, 0, sizeof *n);
}

void dcatit_report_notes_release(DcatitReportNotes *n)
{
	for (size_t i = 0; i < n->n; i++) {
		free(n->v[i].file);
		free(n->v[i].message);
	}
	free(n->v);
	dcatit_report_notes_init(n);
}

bool dcatit_report_notes_add(DcatitReportNotes *n, DcatitSeverity level, const char *file,
                             unsigned long line, unsigned long col, const char *fmt, ...)
{
	DcatitBuf b;
	dcatit_buf_init(&b);
	va_list ap;
	va_start(ap, fmt);
	dcatit_buf_vaddf(&b, _(fmt), ap);
	va_end(ap);
	DcatitReportNote *v = b.oom ? NULL : dcatit_grow(n->v, &n->cap, n->n + 1, sizeof *v, 4);
	char *f = dcatit_strdup(file ? file : "");
	char *m = b.oom ? NULL : dcatit_buf_detach(&b);
	if (!v || !f || !m) {
		dcatit_buf_release(&b);
		free(f);
		free(m);
		n->oom = true;
		return false;
	}
	n->v = v;
	n->v[n->n++] = (DcatitReportNote){ level, f, line, col, m };
	return true;
}

size_t dcatit_report_notes_count(const DcatitReportNotes *n, DcatitSeverity level)
{
	size_t k = 0;
	for (size_t i = 0; n && i < n->n; i++)
		k += n->v[i].level <= level;
	return k;
}

/* The notes to write: the run's, then the error that stopped it. */
static size_t note_count(const DcatitReportInput *in)
{
	return (in->notes ? in->notes->n : 0) + (in->error ? 1 : 0);
}

static const DcatitReportNote *note_at(const DcatitReportInput *in, size_t i)
{
	size_t n = in->notes ? in->notes->n : 0;
	return i < n ? &in->notes->v[i] : in->error;
}

/* "file:line:col" of a note, as much as it has ("dcatit" when none). */
static void add_note_place(DcatitBuf *b, const DcatitReportNote *nt)
{
	dcatit_buf_adds(b, nt->file && nt->file[0] ? nt->file : "dcatit");
	if (nt->file && nt->file[0] && nt->line) {
		dcatit_buf_addf(b, ":%lu", nt->line);
		if (nt->col)
			dcatit_buf_addf(b, ":%lu", nt->col);
	}
}

/* ---- messages ---------------------------------------------------------- */

/* Messages are written for translation: each is one format with the
 * subject ("value "x" of dct:title", "dct:title", "the focus node") and the
 * constraint's parameter as %s, so a language can put them where its word
 * order wants them (positional %1$s, %2$s in the translation). */

/* What to do for an ill-formed literal of a common datatype. */
static const char *datatype_hint(const char *dt)
{
	static const struct {
		const char *local;
		const char *hint;
	} hints[] = {
		{ "date", N_("use YYYY-MM-DD") },
		{ "dateTime", N_("use YYYY-MM-DDThh:mm:ss, optionally with a time zone") },
		{ "gYear", N_("use YYYY") },
		{ "boolean", N_("use true, false, 1 or 0") },
		{ "integer", N_("use digits with an optional sign") },
		{ "decimal", N_("use digits with an optional sign and decimal point") },
		{ "anyURI", N_("use an absolute IRI") },
	};
	size_t ns = strlen(DCATIT_NS_XSD);
	if (strncmp(dt, DCATIT_NS_XSD, ns) != 0)
		return NULL;
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
		if (strcmp(dt + ns, hints[i].local) == 0)
			return _(hints[i].hint);
	return NULL;
}

/* What put writes for id, as a string in tmp (reset first). */
static const char *put_str(const Ctx *c, DcatitBuf *tmp, DcatitTermId id,
                           void (*put)(const Ctx *, DcatitBuf *, DcatitTermId))
{
	dcatit_buf_clear(tmp);
	put(c, tmp, id);
	return tmp->data ? tmp->data : "";
}

static void put_path0(const Ctx *c, DcatitBuf *b, DcatitTermId p)
{
	add_path_short(c, b, p, 0);
}

/* "value V of P" / "value V" (node shapes), "a value of P", "a value". */
static void add_value_subject(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	DcatitBuf v, p;
	dcatit_buf_init(&v);
	dcatit_buf_init(&p);
	const char *vs = r->value ? put_str(c, &v, r->value, add_term_short) : NULL;
	const char *ps = r->path ? put_str(c, &p, r->path, put_path0) : NULL;
	if (vs && ps)
		dcatit_buf_addf(b, _("value %s of %s"), vs, ps);
	else if (vs)
		dcatit_buf_addf(b, _("value %s"), vs);
	else if (ps)
		dcatit_buf_addf(b, _("a value of %s"), ps);
	else
		dcatit_buf_adds(b, _("a value"));
	if (v.oom || p.oom)
		b->oom = true;
	dcatit_buf_release(&v);
	dcatit_buf_release(&p);
}

/* "P" or "the focus node" for node shapes. */
static void add_path_subject(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	if (r->path)
		add_path_short(c, b, r->path, 0);
	else
		dcatit_buf_adds(b, _("the focus node"));
}

static void add_param(const Ctx *c, DcatitBuf *b, DcatitTermId p)
{
	DcatitTermId *items;
	size_t n;
	if (p && dcatit_terms_is_literal(c->t, p)) {
		dcatit_buf_adds(b, dcatit_terms_str(c->t, p));
	} else if (p && !dcatit_terms_is_iri(c->t, p) && sg_list(c, p, &items, &n)) {
		dcatit_buf_addc(b, '(');
		for (size_t i = 0; i < n && i < MAX_LIST_ITEMS; i++) {
			if (i)
				dcatit_buf_adds(b, ", ");
			add_term_short(c, b, items[i]);
		}
		if (n > MAX_LIST_ITEMS)
			dcatit_buf_addf(b, _(", ... %zu more"), n - MAX_LIST_ITEMS);
		dcatit_buf_addc(b, ')');
		free(items);
	} else if (p) {
		add_term_short(c, b, p);
	} else {
		dcatit_buf_adds(b, "?");
	}
}

/* A shape given as a parameter (sh:node, sh:not): "the shape <S>", or
 * "the nested shape" for a blank one, whose label means nothing to users.
 * Only used after "conform(s) to", which a translation may fold in. */
static void add_shape_param(const Ctx *c, DcatitBuf *b, DcatitTermId p)
{
	if (p && dcatit_terms_is_iri(c->t, p)) {
		DcatitBuf s;
		dcatit_buf_init(&s);
		/* TRANSLATORS: follows "conforms to" (sh:node, sh:not messages) */
		dcatit_buf_addf(b, _("the shape %s"), put_str(c, &s, p, add_term_short));
		if (s.oom)
			b->oom = true;
		dcatit_buf_release(&s);
	} else {
		/* TRANSLATORS: follows "conforms to" (sh:node, sh:not messages) */
		dcatit_buf_adds(b, _("the nested shape"));
	}
}

/* Messages of one pattern: the subject, then the parameter. */
typedef enum { PARAM_NONE, PARAM_TERM, PARAM_SHAPE } ParamStyle;

static const struct {
	const char *name;   /* the component's parameter name */
	bool path_subject;  /* "P" rather than "value V of P" */
	ParamStyle param;
	const char *fmt;    /* the subject, then the parameter (when any) */
} simple_messages[] = {
	{ "class", false, PARAM_TERM, N_("%s is not an instance of %s (add an rdf:type)") },
	{ "minExclusive", false, PARAM_TERM, N_("%s must be > %s") },
	{ "minInclusive", false, PARAM_TERM, N_("%s must be >= %s") },
	{ "maxExclusive", false, PARAM_TERM, N_("%s must be < %s") },
	{ "maxInclusive", false, PARAM_TERM, N_("%s must be <= %s") },
	{ "minLength", false, PARAM_TERM, N_("%s is shorter than %s characters (minLength)") },
	{ "maxLength", false, PARAM_TERM, N_("%s is longer than %s characters (maxLength)") },
	{ "languageIn", false, PARAM_TERM, N_("%s must have one of the languages %s") },
	{ "uniqueLang", true, PARAM_NONE,
	  N_("%s has more than one value in the same language (uniqueLang)") },
	{ "equals", false, PARAM_TERM, N_("%s is not also a value of %s (equals)") },
	{ "disjoint", false, PARAM_TERM, N_("%s is also a value of %s (disjoint)") },
	{ "lessThan", false, PARAM_TERM, N_("%s is not less than the values of %s (lessThan)") },
	{ "lessThanOrEquals", false, PARAM_TERM,
	  N_("%s is greater than values of %s (lessThanOrEquals)") },
	{ "not", false, PARAM_SHAPE, N_("%s conforms to %s, which is not allowed (not)") },
	{ "and", false, PARAM_NONE, N_("%s does not conform to all of the shapes (and)") },
	{ "or", false, PARAM_NONE, N_("%s does not conform to any of the shapes (or)") },
	{ "xone", false, PARAM_NONE,
	  N_("%s does not conform to exactly one of the shapes (xone)") },
	{ "node", false, PARAM_SHAPE, N_("%s does not conform to %s") },
	{ "qualifiedMinCount", true, PARAM_TERM,
	  N_("%s has too few values conforming to the qualified shape (qualifiedMinCount %s)") },
	{ "qualifiedMaxCount", true, PARAM_TERM,
	  N_("%s has too many values conforming to the qualified shape (qualifiedMaxCount %s)") },
	{ "hasValue", true, PARAM_TERM, N_("%s must have the value %s") },
	{ "in", false, PARAM_TERM, N_("%s is not one of the allowed values %s") },
};

/* The subject of r, into subj. */
static void add_subject(const Ctx *c, DcatitBuf *subj, const DcatitResult *r, bool path)
{
	if (path)
		add_path_subject(c, subj, r);
	else
		add_value_subject(c, subj, r);
}

/* fmt with the subject and param (either may be NULL: "") into b. */
static void add_formatted(DcatitBuf *b, const char *fmt, const DcatitBuf *subj,
                          const DcatitBuf *param)
{
	if (subj->oom || (param && param->oom))
		b->oom = true;
	dcatit_buf_addf(b, fmt, subj->data ? subj->data : "",
	                param && param->data ? param->data : "");
}

/* The message of a component in simple_messages; false for the others. */
static bool add_simple_message(const Ctx *c, DcatitBuf *b, const DcatitResult *r,
                               const char *name)
{
	for (size_t i = 0; i < sizeof simple_messages / sizeof simple_messages[0]; i++) {
		if (strcmp(name, simple_messages[i].name) != 0)
			continue;
		DcatitBuf subj, param;
		dcatit_buf_init(&subj);
		dcatit_buf_init(&param);
		add_subject(c, &subj, r, simple_messages[i].path_subject);
		if (simple_messages[i].param == PARAM_TERM)
			add_param(c, &param, r->param);
		else if (simple_messages[i].param == PARAM_SHAPE)
			add_shape_param(c, &param, r->param);
		add_formatted(b, _(simple_messages[i].fmt), &subj, &param);
		dcatit_buf_release(&subj);
		dcatit_buf_release(&param);
		return true;
	}
	return false;
}

/* sh:nodeKind's expectation: "an IRI", "a literal"... */
static const char *node_kind_text(const Ctx *c, DcatitTermId kind)
{
	static const struct {
		const char *local, *text;
	} kinds[] = {
		{ "IRI", N_("an IRI") }, { "BlankNode", N_("a blank node") },
		{ "Literal", N_("a literal") }, { "BlankNodeOrIRI", N_("an IRI or a blank node") },
		{ "BlankNodeOrLiteral", N_("a blank node or a literal") },
		{ "IRIOrLiteral", N_("an IRI or a literal") },
	};
	const char *ps = kind ? dcatit_terms_str(c->t, kind) : "";
	size_t ns = strlen(DCATIT_NS_SH);
	for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
		if (strncmp(ps, DCATIT_NS_SH, ns) == 0 && strcmp(ps + ns, kinds[i].local) == 0)
			return _(kinds[i].text);
	return _("of another node kind");
}

/* The message of the components with their own wording. */
static void add_other_message(const Ctx *c, DcatitBuf *b, const DcatitResult *r,
                              const char *name, DcatitBuf *subj, DcatitBuf *param)
{
	const char *pv = r->param && dcatit_terms_is_literal(c->t, r->param)
	                 ? dcatit_terms_str(c->t, r->param) : NULL;
	const char *s = NULL; /* the subject, once built */
	if (strcmp(name, "minCount") == 0) {
		add_path_subject(c, subj, r);
		s = subj->data ? subj->data : "";
		if (pv && strcmp(pv, "1") == 0)
			dcatit_buf_addf(b, _("%s is missing (minCount 1)"), s);
		else if (pv)
			dcatit_buf_addf(b, _("%s has fewer than %s values (minCount %s)"), s, pv, pv);
		else
			dcatit_buf_addf(b, _("%s has fewer values than required (minCount)"), s);
	} else if (strcmp(name, "maxCount") == 0) {
		add_path_subject(c, subj, r);
		s = subj->data ? subj->data : "";
		if (pv && strcmp(pv, "0") == 0)
			dcatit_buf_addf(b, _("%s must not have any value (maxCount 0)"), s);
		else if (pv && strcmp(pv, "1") == 0)
			dcatit_buf_addf(b, _("%s has more than 1 value (maxCount 1)"), s);
		else if (pv)
			dcatit_buf_addf(b, _("%s has more than %s values (maxCount %s)"), s, pv, pv);
		else
			dcatit_buf_addf(b, _("%s has too many values (maxCount)"), s);
	} else if (strcmp(name, "datatype") == 0) {
		add_value_subject(c, subj, r);
		s = subj->data ? subj->data : "";
		add_param(c, param, r->param);
		const char *ps = param->data ? param->data : "";
		DcatitTermId dt = r->value ? dcatit_terms_datatype(c->t, r->value) : 0;
		if (r->value && !dcatit_terms_is_literal(c->t, r->value)) {
			dcatit_buf_addf(b, _("%s is not a literal (expected %s)"), s, ps);
		} else if (dt && dt == r->param) {
			const char *hint = datatype_hint(dcatit_terms_str(c->t, dt));
			if (hint)
				dcatit_buf_addf(b, _("%s is not a valid %s (%s)"), s, ps, hint);
			else
				dcatit_buf_addf(b, _("%s is not a valid %s"), s, ps);
		} else {
			DcatitBuf have;
			dcatit_buf_init(&have);
			dcatit_buf_addf(b, _("%s has datatype %s, expected %s"), s,
			                put_str(c, &have, dt, add_term_short), ps);
			if (have.oom)
				b->oom = true;
			dcatit_buf_release(&have);
		}
	} else if (strcmp(name, "nodeKind") == 0) {
		add_value_subject(c, subj, r);
		dcatit_buf_addf(b, _("%s must be %s"), subj->data ? subj->data : "",
		                node_kind_text(c, r->param));
	} else if (strcmp(name, "pattern") == 0) {
		add_value_subject(c, subj, r);
		if (pv)
			add_quoted(param, pv, strlen(pv), false);
		else
			add_param(c, param, r->param);
		add_formatted(b, _("%s does not match the pattern %s"), subj, param);
	} else if (strcmp(name, "closed") == 0) {
		add_path_subject(c, subj, r);
		if (r->value)
			add_term_short(c, param, r->value);
		add_formatted(b, r->value ? _("property %s is not allowed by the closed shape "
		                              "(value %s)")
		                          : _("property %s is not allowed by the closed shape"),
		              subj, param);
	} else {
		add_value_subject(c, subj, r);
		if (r->param) {
			add_param(c, param, r->param);
			dcatit_buf_addf(b, _("%s does not satisfy sh:%s %s"),
			                subj->data ? subj->data : "", name,
			                param->data ? param->data : "");
		} else {
			dcatit_buf_addf(b, _("%s does not satisfy sh:%s"), subj->data ? subj->data : "",
			                name);
		}
	}
	if (subj->oom || param->oom)
		b->oom = true;
}

static void add_generated_message(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	char name[128];
	DcatitBuf subj, param;
	dcatit_buf_init(&subj);
	dcatit_buf_init(&param);
	if (!component_param_name(c, r->component, name, sizeof name)) {
		add_term_short(c, &param, r->component);
		if (r->value) {
			add_value_subject(c, &subj, r);
			dcatit_buf_addf(b, _("constraint %s is not satisfied by %s"),
			                param.data ? param.data : "", subj.data ? subj.data : "");
		} else {
			dcatit_buf_addf(b, _("constraint %s is not satisfied"),
			                param.data ? param.data : "");
		}
		if (subj.oom || param.oom)
			b->oom = true;
	} else if (!add_simple_message(c, b, r, name)) {
		add_other_message(c, b, r, name, &subj, &param);
	}
	dcatit_buf_release(&subj);
	dcatit_buf_release(&param);
}

/* The term a message template variable names ({$this}, {?value}, {$path}:
 * the SHACL-SPARQL template syntax, which engines also apply to Core
 * messages); *len gets the variable's length; false when s does not
 * start one. */
static bool template_var(const Ctx *c, const DcatitResult *r, const char *s,
                         size_t left, size_t *len, DcatitBuf *b)
{
	static const char *const vars[] = { "this}", "value}", "path}" };
	if (left < 3 || s[0] != '{' || (s[1] != '$' && s[1] != '?'))
		return false;
	for (int v = 0; v < 3; v++) {
		size_t n = strlen(vars[v]);
		if (left < n + 2 || memcmp(s + 2, vars[v], n) != 0)
			continue;
		*len = n + 2;
		/* a blank node label means nothing to the reader of a message
		 * (the details after it still give it) */
		DcatitTermId id = v == 0 ? r->focus : r->value;
		if (v < 2 && dcatit_terms_is_bnode(c->t, id))
			dcatit_buf_adds(b, _("(a blank node)"));
		else if (v < 2)
			add_term_short(c, b, id);
		else if (r->path)
			add_path_short(c, b, r->path, 0);
		else
			dcatit_buf_adds(b, _("(none)"));
		return true;
	}
	return false;
}

/* Does the language tag lang name the language want ("it" for "it",
 * "it-IT", "IT")? */
static bool lang_is(const char *lang, const char *want)
{
	size_t n = strlen(want);
	if (strlen(lang) < n || (lang[n] && lang[n] != '-'))
		return false;
	for (size_t i = 0; i < n; i++)
		if ((lang[i] | 0x20) != want[i])
			return false;
	return true;
}

/* The message of r: when it is one of its shape's sh:message, the one in
 * the report's language (else the engine's choice, English or untagged);
 * a message of the result's own (the profile checks write one per
 * finding, in the language of the run) as it is; 0 when there is none. */
static DcatitTermId result_message(const Ctx *c, const DcatitResult *r)
{
	if (!r->message || !dcatit_terms_is_literal(c->t, r->message))
		return 0;
	if (!c->sg || !c->message || !r->shape)
		return r->message;
	DcatitRange rg = dcatit_model_sp(c->sg, r->shape, c->message);
	DcatitTermId in_lang = 0;
	bool the_shapes = false;
	for (size_t i = 0; i < rg.n; i++) {
		DcatitTermId m = dcatit_model_triple(c->sg, rg.idx[i])->o;
		the_shapes = the_shapes || m == r->message;
		if (!in_lang && dcatit_terms_is_literal(c->t, m) &&
		    lang_is(dcatit_terms_lang(c->t, m), c->lang))
			in_lang = m;
	}
	return the_shapes && in_lang ? in_lang : r->message;
}

static void add_message(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	DcatitTermId msg = result_message(c, r);
	if (msg) {
		/* one line per finding: newlines of a multi-line sh:message go */
		const char *s = dcatit_terms_str(c->t, msg);
		size_t len = dcatit_terms_len(c->t, msg);
		for (size_t i = 0; i < len;) {
			size_t run = i;
			while (run < len && s[run] != '{' && s[run] != '\n' &&
			       s[run] != '\r' && s[run] != '\t' && s[run] != '\0')
				run++;
			if (run > i) {
				dcatit_buf_add(b, s + i, run - i);
				i = run;
				continue;
			}
			char ch = s[i];
			size_t vlen;
			if (ch == '{' && template_var(c, r, s + i, len - i, &vlen, b)) {
				i += vlen;
				continue;
			}
			dcatit_buf_addc(b, ch == '{' ? '{' : ' ');
			i++;
		}
		return;
	}
	add_generated_message(c, b, r);
}

bool dcatit_report_message(const DcatitResult *res, const DcatitReportInput *in,
                           DcatitBuf *out)
{
	Ctx c;
	ctx_init(&c, in);
	add_message(&c, out, res);
	return !out->oom;
}

/* ---- per-result fields ------------------------------------------------- */

/* Writes one term of a result in the style of a format. */
typedef void (*PutTerm)(const Ctx *c, DcatitBuf *b, DcatitTermId id);

/* The terms of a result, in the order every format writes them. */
enum { F_SEVERITY, F_FOCUS, F_PATH, F_VALUE, F_SHAPE, F_COMPONENT, F_PARAM, NFIELDS };

/* How a format writes one field: its label, then put(term). A NULL label
 * leaves the field out; an optional one is left out when the result has
 * no such term. */
typedef struct {
	const char *label;
	PutTerm put;
	bool optional;
} FieldOut;

static DcatitTermId result_field(const DcatitResult *r, int f)
{
	switch (f) {
	case F_SEVERITY: return r->severity;
	case F_FOCUS: return r->focus;
	case F_PATH: return r->path;
	case F_VALUE: return r->value;
	case F_SHAPE: return r->shape;
	case F_COMPONENT: return r->component;
	case F_PARAM: return r->param;
	}
	return 0;
}

static void add_fields(const Ctx *c, DcatitBuf *b, const DcatitResult *r,
                       const FieldOut out[NFIELDS])
{
	for (int f = 0; f < NFIELDS; f++) {
		DcatitTermId id = result_field(r, f);
		if (!out[f].label || (out[f].optional && !id))
			continue;
		dcatit_buf_adds(b, out[f].label);
		out[f].put(c, b, id);
	}
}

/* What put writes for id, escaped into b. */
static void add_put_escaped(const Ctx *c, DcatitBuf *b, DcatitTermId id,
                            PutTerm put, EscapeFn esc)
{
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	put(c, &tmp, id);
	add_buf_escaped(b, &tmp, esc, true);
	dcatit_buf_release(&tmp);
}

/* Writes something of a whole result. */
typedef void (*PutResult)(const Ctx *c, DcatitBuf *b, const DcatitResult *r);

/* What put writes for r, escaped into b (see add_escaped for utf8). */
static void add_result_escaped(const Ctx *c, DcatitBuf *b, const DcatitResult *r,
                               PutResult put, EscapeFn esc, bool utf8)
{
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	put(c, &tmp, r);
	add_buf_escaped(b, &tmp, esc, utf8);
	dcatit_buf_release(&tmp);
}

static void add_message_escaped(const Ctx *c, DcatitBuf *b, const DcatitResult *r,
                                EscapeFn esc)
{
	add_result_escaped(c, b, r, add_message, esc, true);
}

/* ---- text -------------------------------------------------------------- */

/* The constraint as sh:name, or its IRI shortened even in full details. */
static void add_constraint_brief(const Ctx *c, DcatitBuf *b, DcatitTermId comp)
{
	Ctx brief = ctx_with_full(c, false);
	add_constraint(&brief, b, comp);
}

/* "[focus <x>, path <p>, value "v", shape <s>, constraint sh:minCount]",
 * with full IRIs (the message before it has the short ones). */
static void add_details(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	/* TRANSLATORS: the labels of the details of a finding in the text
	 * report: "[focus <x>, path dct:title, value "v", shape <s>, constraint
	 * sh:minCount]" */
	FieldOut out[NFIELDS] = {
		[F_FOCUS] = { _("[focus "), add_term_short, false },
		[F_PATH] = { _(", path "), add_path_brief, true },
		[F_VALUE] = { _(", value "), add_term_short, true },
		[F_SHAPE] = { _(", shape "), add_shape_short, false },
		[F_COMPONENT] = { _(", constraint "), add_constraint_brief, false },
	};
	Ctx full = ctx_with_full(c, true);
	add_fields(&full, b, r, out);
	dcatit_buf_addc(b, ']');
}

/* The message, then the details. */
static void add_message_details(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	add_message(c, b, r);
	dcatit_buf_addc(b, ' ');
	add_details(c, b, r);
}

static void add_text_line(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	dcatit_buf_adds(b, result_file(c->in, r));
	if (r->loc.line)
		dcatit_buf_addf(b, ":%u", (unsigned)r->loc.line);
	dcatit_buf_addf(b, ": %s: ", severity_word(result_level(c, r)));
	add_message_details(c, b, r);
}

/* "file:line:col: warning: message", the line of a note. */
static void add_note_line(DcatitBuf *b, const DcatitReportNote *nt)
{
	add_note_place(b, nt);
	dcatit_buf_addf(b, ": %s: ", severity_word(nt->level));
	add_escaped(b, nt->message, strlen(nt->message), esc_none, true);
}

static void write_text(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	for (size_t i = 0; i < rs->n; i++) {
		add_text_line(c, b, &rs->items[i]);
		dcatit_buf_addc(b, '\n');
	}
	for (size_t i = 0; i < note_count(c->in); i++) {
		add_note_line(b, note_at(c->in, i));
		dcatit_buf_addc(b, '\n');
	}
}

/* ---- JSON -------------------------------------------------------------- */

static void add_json_strz(DcatitBuf *b, const char *s)
{
	add_quoted(b, s, strlen(s), false);
}

/* An IRI as it is. */
static void add_iri_plain(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	dcatit_buf_add(b, dcatit_terms_str(c->t, id), dcatit_terms_len(c->t, id));
}

/* What put writes for id as a JSON string. */
static void add_json_put(const Ctx *c, DcatitBuf *b, DcatitTermId id, PutTerm put)
{
	dcatit_buf_addc(b, '"');
	add_put_escaped(c, b, id, put, esc_quoted);
	dcatit_buf_addc(b, '"');
}

/* A term as a JSON string: IRIs bare, blank nodes _:x, literals in
 * N-Triples form; null for 0. */
static void add_json_term(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	if (!id)
		dcatit_buf_adds(b, "null");
	else
		add_json_put(c, b, id,
		             dcatit_terms_is_iri(c->t, id) ? add_iri_plain : add_term_nt);
}

/* A path as a JSON string: a bare IRI, or the people's form with full
 * IRIs; null for 0. */
static void add_json_path(const Ctx *c, DcatitBuf *b, DcatitTermId p)
{
	if (!p || dcatit_terms_is_iri(c->t, p)) {
		add_json_term(c, b, p);
		return;
	}
	Ctx full = ctx_with_full(c, true);
	add_json_put(&full, b, p, add_path_brief);
}

static void write_json(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	static const FieldOut out[NFIELDS] = {
		[F_FOCUS] = { ", \"focus\": ", add_json_term, false },
		[F_PATH] = { ", \"path\": ", add_json_path, false },
		[F_VALUE] = { ", \"value\": ", add_json_term, false },
		[F_SHAPE] = { ", \"shape\": ", add_json_term, false },
		[F_COMPONENT] = { ", \"component\": ", add_json_term, false },
		[F_PARAM] = { ", \"constraint-parameter\": ", add_json_term, false },
	};
	size_t n[3];
	count_levels(c->t, c->in, rs, NULL, n);
	dcatit_buf_addf(b, "{\n  \"conforms\": %s,\n", rs->n || c->in->error ? "false" : "true");
	if (c->in->error) {
		/* the run stopped: no verdict, the error says why and where */
		const DcatitReportNote *e = c->in->error;
		dcatit_buf_adds(b, "  \"error\": {\"file\": ");
		if (e->file && e->file[0])
			add_json_strz(b, e->file);
		else
			dcatit_buf_adds(b, "null");
		dcatit_buf_adds(b, ", \"line\": ");
		if (e->line)
			dcatit_buf_addf(b, "%lu, \"column\": ", e->line);
		else
			dcatit_buf_adds(b, "null, \"column\": ");
		if (e->col)
			dcatit_buf_addf(b, "%lu", e->col);
		else
			dcatit_buf_adds(b, "null");
		dcatit_buf_adds(b, ", \"message\": ");
		add_json_strz(b, e->message);
		dcatit_buf_adds(b, "},\n");
	}
	if (c->in->notes && c->in->notes->n) {
		dcatit_buf_adds(b, "  \"notes\": [");
		for (size_t i = 0; i < c->in->notes->n; i++) {
			const DcatitReportNote *nt = &c->in->notes->v[i];
			dcatit_buf_adds(b, i ? ",\n    {\"severity\": " : "\n    {\"severity\": ");
			add_json_strz(b, severity_word(nt->level));
			dcatit_buf_adds(b, ", \"file\": ");
			if (nt->file && nt->file[0])
				add_json_strz(b, nt->file);
			else
				dcatit_buf_adds(b, "null");
			if (nt->line)
				dcatit_buf_addf(b, ", \"line\": %lu", nt->line);
			else
				dcatit_buf_adds(b, ", \"line\": null");
			dcatit_buf_adds(b, ", \"message\": ");
			add_json_strz(b, nt->message);
			dcatit_buf_addc(b, '}');
		}
		dcatit_buf_adds(b, "\n  ],\n");
	}
	dcatit_buf_addf(b, "  \"counts\": {\"errors\": %zu, "
	                "\"warnings\": %zu, \"infos\": %zu},\n  \"results\": [",
	                n[DCATIT_SEV_VIOLATION], n[DCATIT_SEV_WARNING], n[DCATIT_SEV_INFO]);
	for (size_t i = 0; i < rs->n; i++) {
		const DcatitResult *r = &rs->items[i];
		dcatit_buf_adds(b, i ? ",\n    {" : "\n    {");
		dcatit_buf_adds(b, "\"file\": ");
		add_json_strz(b, result_file(c->in, r));
		if (r->loc.line)
			dcatit_buf_addf(b, ", \"line\": %u", (unsigned)r->loc.line);
		else
			dcatit_buf_adds(b, ", \"line\": null");
		dcatit_buf_adds(b, ", \"severity\": ");
		add_json_strz(b, severity_word(result_level(c, r)));
		dcatit_buf_adds(b, ", \"message\": \"");
		add_message_escaped(c, b, r, esc_quoted);
		dcatit_buf_addc(b, '"');
		add_fields(c, b, r, out);
		dcatit_buf_addc(b, '}');
	}
	dcatit_buf_adds(b, rs->n ? "\n  ]\n}\n" : "]\n}\n");
}

/* ---- JUnit XML --------------------------------------------------------- */

/* XML escapes; characters XML 1.0 forbids become U+FFFD. */
static const char *esc_xml(unsigned char ch, char spare[8])
{
	(void)spare;
	switch (ch) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&apos;";
	default:
		if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f)
			return "\xEF\xBF\xBD";
		return NULL;
	}
}

static void add_xmlz(DcatitBuf *b, const char *s)
{
	add_escaped(b, s, strlen(s), esc_xml, true);
}

/* The suite names: the data files in order, then any other source that a
 * result points at (vocabularies, or unlocated results). */
static size_t junit_suites(const Ctx *c, const DcatitResults *rs,
                           const char ***out)
{
	size_t cap = c->in->nfiles + rs->n + 1, n = 0;
	const char **names = malloc(cap * sizeof *names);
	if (!names)
		return (size_t)-1;
	for (size_t i = 0; i < c->in->nfiles; i++)
		names[n++] = c->in->files[i];
	for (size_t i = 0; i < rs->n; i++) {
		const char *f = result_file(c->in, &rs->items[i]);
		bool seen = false;
		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(names[k], f) == 0;
		if (!seen)
			names[n++] = f;
	}
	*out = names;
	return n;
}

/* "line L: message (focus F)", the name of a JUnit test case. */
static void add_junit_name(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	if (r->loc.line)
		dcatit_buf_addf(b, _("line %u: "), (unsigned)r->loc.line);
	add_message(c, b, r);
	dcatit_buf_adds(b, _(" (focus "));
	add_term_short(c, b, r->focus);
	dcatit_buf_addc(b, ')');
}

static void write_junit_case(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	DcatitSeverity sev = result_level(c, r);
	dcatit_buf_adds(b, "    <testcase classname=\"");
	add_put_escaped(c, b, r->shape, add_shape_short, esc_xml);
	dcatit_buf_adds(b, "\" name=\"");
	add_result_escaped(c, b, r, add_junit_name, esc_xml, true);
	dcatit_buf_adds(b, "\">\n");
	if (sev <= c->in->fail_on) {
		dcatit_buf_addf(b, "      <failure type=\"%s\" message=\"",
		                severity_word(sev));
		add_message_escaped(c, b, r, esc_xml);
		dcatit_buf_adds(b, "\">");
		add_result_escaped(c, b, r, add_text_line, esc_xml, true);
		dcatit_buf_adds(b, "</failure>\n");
	} else {
		dcatit_buf_adds(b, "      <system-out>");
		add_result_escaped(c, b, r, add_text_line, esc_xml, true);
		dcatit_buf_adds(b, "</system-out>\n");
	}
	dcatit_buf_adds(b, "    </testcase>\n");
}

/* A note as a test case of the "dcatit" suite: a failure at or above
 * --fail-on (an error always), else a pass with its text as output. */
static void write_junit_note(const Ctx *c, DcatitBuf *b, const DcatitReportNote *nt)
{
	DcatitBuf line;
	dcatit_buf_init(&line);
	add_note_line(&line, nt);
	dcatit_buf_adds(b, "    <testcase classname=\"dcatit\" name=\"");
	add_buf_escaped(b, &line, esc_xml, true);
	dcatit_buf_adds(b, "\">\n");
	if (nt->level <= c->in->fail_on || nt == c->in->error) {
		dcatit_buf_addf(b, "      <failure type=\"%s\" message=\"", severity_word(nt->level));
		add_escaped(b, nt->message, strlen(nt->message), esc_xml, true);
		dcatit_buf_adds(b, "\">");
		add_buf_escaped(b, &line, esc_xml, true);
		dcatit_buf_adds(b, "</failure>\n");
	} else {
		dcatit_buf_adds(b, "      <system-out>");
		add_buf_escaped(b, &line, esc_xml, true);
		dcatit_buf_adds(b, "</system-out>\n");
	}
	dcatit_buf_adds(b, "    </testcase>\n");
	dcatit_buf_release(&line);
}

/* The suite of the notes: its name is the file of the error when the run
 * stopped at one, else "dcatit". */
static void write_junit_notes(const Ctx *c, DcatitBuf *b, size_t failures)
{
	size_t n = note_count(c->in);
	const DcatitReportNote *e = c->in->error;
	dcatit_buf_adds(b, "  <testsuite name=\"");
	add_xmlz(b, e && e->file && e->file[0] ? e->file : "dcatit");
	dcatit_buf_addf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" skipped=\"0\">\n",
	                n, failures);
	for (size_t i = 0; i < n; i++)
		write_junit_note(c, b, note_at(c->in, i));
	dcatit_buf_adds(b, "  </testsuite>\n");
}

static void write_junit(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	size_t nn = note_count(c->in);
	size_t nfail = dcatit_report_notes_count(c->in->notes, c->in->fail_on) +
	               (c->in->error ? 1 : 0);
	if (c->in->error) {
		/* nothing was validated: one suite, the error a failure in it */
		dcatit_buf_addf(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
		                "<testsuites name=\"dcatit validate\" tests=\"%zu\" "
		                "failures=\"%zu\" errors=\"0\">\n", nn, nfail);
		write_junit_notes(c, b, nfail);
		dcatit_buf_adds(b, "</testsuites>\n");
		return;
	}
	const char **suites = NULL;
	size_t ns = junit_suites(c, rs, &suites);
	if (ns == (size_t)-1) {
		b->oom = true;
		return;
	}
	size_t n[3], total = 0;
	for (size_t s = 0; s < ns; s++) {
		count_levels(c->t, c->in, rs, suites[s], n);
		size_t k = count_at_or_above(n, DCATIT_SEV_INFO);
		total += k ? k : 1;
	}
	count_levels(c->t, c->in, rs, NULL, n);
	dcatit_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	dcatit_buf_addf(b, "<testsuites name=\"dcatit validate\" tests=\"%zu\" "
	                "failures=\"%zu\" errors=\"0\">\n", total + nn,
	                count_at_or_above(n, c->in->fail_on) + nfail);
	for (size_t s = 0; s < ns; s++) {
		count_levels(c->t, c->in, rs, suites[s], n);
		size_t k = count_at_or_above(n, DCATIT_SEV_INFO);
		dcatit_buf_adds(b, "  <testsuite name=\"");
		add_xmlz(b, suites[s]);
		dcatit_buf_addf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
		                "skipped=\"0\">\n", k ? k : 1,
		                count_at_or_above(n, c->in->fail_on));
		if (!k) {
			dcatit_buf_adds(b, "    <testcase classname=\"");
			add_xmlz(b, suites[s]);
			dcatit_buf_adds(b, "\" name=\"conforms\"/>\n");
		}
		for (size_t i = 0; i < rs->n; i++)
			if (strcmp(result_file(c->in, &rs->items[i]), suites[s]) == 0)
				write_junit_case(c, b, &rs->items[i]);
		dcatit_buf_adds(b, "  </testsuite>\n");
	}
	if (nn)
		write_junit_notes(c, b, nfail);
	dcatit_buf_adds(b, "</testsuites>\n");
	free(suites);
}

/* ---- Turtle sh:ValidationReport ---------------------------------------- */

static const char *esc_ttl_label(unsigned char ch, char spare[8])
{
	if (is_alnum(ch))
		return NULL;
	snprintf(spare, 8, "_%02X", ch);
	return spare;
}

/* A blank node label safe in Turtle, injective: [A-Za-z0-9] kept, any other
 * byte as _XX. */
static void add_ttl_bnode(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	const char *s = dcatit_terms_str(c->t, id);
	size_t len = dcatit_terms_len(c->t, id);
	dcatit_buf_adds(b, "_:b");
	add_escaped(b, s, len, esc_ttl_label, false);
}

static void add_ttl_term(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	if (dcatit_terms_is_bnode(c->t, id))
		add_ttl_bnode(c, b, id);
	else
		add_term_nt(c, b, id);
}

static void add_ttl_path(const Ctx *c, DcatitBuf *b, DcatitTermId p, int depth);

/* The paths of a list (which it frees) as a Turtle collection between open
 * and close. */
static void add_ttl_path_list(const Ctx *c, DcatitBuf *b, DcatitTermId *items,
                              size_t n, const char *open, const char *close,
                              int depth)
{
	dcatit_buf_adds(b, open);
	for (size_t i = 0; i < n; i++) {
		dcatit_buf_addc(b, ' ');
		add_ttl_path(c, b, items[i], depth + 1);
	}
	dcatit_buf_adds(b, close);
	free(items);
}

/* A SHACL path structure copied out of the shapes graph. */
static void add_ttl_path(const Ctx *c, DcatitBuf *b, DcatitTermId p, int depth)
{
	if (dcatit_terms_is_iri(c->t, p)) {
		add_term_nt(c, b, p);
		return;
	}
	if (depth > MAX_PATH_DEPTH) {
		dcatit_buf_adds(b, "[]");
		return;
	}
	DcatitTermId x, *items;
	size_t n;
	const char *op = NULL;
	if ((x = sg_object(c, p, c->inverse)))
		op = "sh:inversePath";
	else if ((x = sg_object(c, p, c->zero_more)))
		op = "sh:zeroOrMorePath";
	else if ((x = sg_object(c, p, c->one_more)))
		op = "sh:oneOrMorePath";
	else if ((x = sg_object(c, p, c->zero_one)))
		op = "sh:zeroOrOnePath";
	if (op) {
		dcatit_buf_addf(b, "[ %s ", op);
		add_ttl_path(c, b, x, depth + 1);
		dcatit_buf_adds(b, " ]");
	} else if ((x = sg_object(c, p, c->alternative)) && sg_list(c, x, &items, &n)) {
		add_ttl_path_list(c, b, items, n, "[ sh:alternativePath (", " ) ]", depth);
	} else if (sg_list(c, p, &items, &n)) {
		add_ttl_path_list(c, b, items, n, "(", " )", depth);
	} else {
		add_ttl_term(c, b, p);
	}
}

static void add_ttl_path_top(const Ctx *c, DcatitBuf *b, DcatitTermId p)
{
	add_ttl_path(c, b, p, 0);
}

/* The result's own sh:message, every language of it (as SHACL copies
 * them all into the result), else a generated one in the report's
 * language. */
static void add_ttl_message(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	DcatitRange rg = c->sg && c->message && r->shape && r->message
	                 ? dcatit_model_sp(c->sg, r->shape, c->message) : (DcatitRange){ 0 };
	bool the_shapes = false;
	for (size_t i = 0; i < rg.n; i++)
		the_shapes = the_shapes || dcatit_model_triple(c->sg, rg.idx[i])->o == r->message;
	size_t k = 0;
	for (size_t i = 0; the_shapes && i < rg.n; i++) {
		DcatitTermId m = dcatit_model_triple(c->sg, rg.idx[i])->o;
		if (!dcatit_terms_is_literal(c->t, m))
			continue;
		if (k++)
			dcatit_buf_adds(b, " ,\n\t\t\t");
		add_term_nt(c, b, m);
	}
	if (k)
		return;
	if (r->message && dcatit_terms_is_literal(c->t, r->message)) {
		add_term_nt(c, b, r->message);
		return;
	}
	dcatit_buf_addc(b, '"');
	add_result_escaped(c, b, r, add_generated_message, esc_quoted, true);
	dcatit_buf_addf(b, "\"@%s", c->lang);
}

static void write_ttl(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	static const FieldOut out[NFIELDS] = {
		[F_SEVERITY] = { "\t\ta sh:ValidationResult ;\n\t\tsh:resultSeverity ",
		                 add_ttl_term, false },
		[F_FOCUS] = { " ;\n\t\tsh:focusNode ", add_ttl_term, false },
		[F_PATH] = { " ;\n\t\tsh:resultPath ", add_ttl_path_top, true },
		[F_VALUE] = { " ;\n\t\tsh:value ", add_ttl_term, true },
		[F_SHAPE] = { " ;\n\t\tsh:sourceShape ", add_ttl_term, false },
		[F_COMPONENT] = { " ;\n\t\tsh:sourceConstraintComponent ", add_ttl_term,
		                  false },
	};
	size_t nn = note_count(c->in);
	if (nn)
		dcatit_buf_adds(b, "@prefix dcatit: <" DCATIT_NS_DCATIT "> .\n");
	dcatit_buf_adds(b, "@prefix rdf: <" DCATIT_NS_RDF "> .\n");
	if (nn)
		dcatit_buf_adds(b, "@prefix rdfs: <" DCATIT_NS_RDFS "> .\n");
	dcatit_buf_adds(b, "@prefix sh: <" DCATIT_NS_SH "> .\n"
	                   "@prefix xsd: <" DCATIT_NS_XSD "> .\n\n"
	                   "[] a sh:ValidationReport ;\n");
	/* notes about the run: comments of the report, not results (the data
	 * may conform); the error of a stopped run is a result as well, so a
	 * SHACL tool sees a report that does not conform */
	for (size_t i = 0; i < nn; i++) {
		DcatitBuf line;
		dcatit_buf_init(&line);
		add_note_line(&line, note_at(c->in, i));
		dcatit_buf_adds(b, "\trdfs:comment \"");
		add_buf_escaped(b, &line, esc_quoted, true);
		dcatit_buf_addf(b, "\"@%s ;\n", c->lang);
		dcatit_buf_release(&line);
	}
	if (c->in->error) {
		const DcatitReportNote *e = c->in->error;
		DcatitBuf line;
		dcatit_buf_init(&line);
		add_note_line(&line, e);
		dcatit_buf_adds(b, "\tsh:conforms false ;\n\tsh:result [\n"
		                   "\t\ta sh:ValidationResult ;\n"
		                   "\t\tsh:resultSeverity sh:Violation ;\n\t\tsh:focusNode ");
		const char *f = e->file && e->file[0] ? e->file : "-";
		add_quoted(b, f, strlen(f), false);
		dcatit_buf_adds(b, " ;\n\t\tsh:sourceShape dcatit:check-input ;\n"
		                   "\t\tsh:sourceConstraintComponent dcatit:InputCheck ;\n");
		if (e->line)
			dcatit_buf_addf(b, "\t\tdcatit:line %lu ;\n", e->line);
		if (e->col)
			dcatit_buf_addf(b, "\t\tdcatit:column %lu ;\n", e->col);
		dcatit_buf_adds(b, "\t\tsh:resultMessage \"");
		add_buf_escaped(b, &line, esc_quoted, true);
		dcatit_buf_addf(b, "\"@%s\n\t] .\n", c->lang);
		dcatit_buf_release(&line);
		return;
	}
	if (!rs->n) {
		dcatit_buf_adds(b, "\tsh:conforms true .\n");
		return;
	}
	dcatit_buf_adds(b, "\tsh:conforms false ;\n\tsh:result");
	for (size_t i = 0; i < rs->n; i++) {
		const DcatitResult *r = &rs->items[i];
		dcatit_buf_adds(b, i ? " , [\n" : " [\n");
		add_fields(c, b, r, out);
		dcatit_buf_adds(b, " ;\n\t\tsh:resultMessage ");
		add_ttl_message(c, b, r);
		dcatit_buf_adds(b, "\n\t]");
	}
	dcatit_buf_adds(b, " .\n");
}

/* ---- GitHub Actions ---------------------------------------------------- */

/* Workflow command escaping of a message; bytes are copied as they are. */
static const char *esc_gh_message(unsigned char ch, char spare[8])
{
	(void)spare;
	switch (ch) {
	case '%': return "%25";
	case '\r': return "%0D";
	case '\n': return "%0A";
	default: return NULL;
	}
}

/* Properties (file=, title=) also escape ':' and ','. */
static const char *esc_gh_property(unsigned char ch, char spare[8])
{
	switch (ch) {
	case ':': return "%3A";
	case ',': return "%2C";
	default: return esc_gh_message(ch, spare);
	}
}

/* "sh:minCount dct:title": the constraint and the path. */
static void add_gh_title(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	add_constraint(c, b, r->component);
	if (r->path) {
		dcatit_buf_addc(b, ' ');
		add_path_brief(c, b, r->path);
	}
}

static void write_github(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	static const char *cmd[] = { "error", "warning", "notice" };
	for (size_t i = 0; i < note_count(c->in); i++) {
		const DcatitReportNote *nt = note_at(c->in, i);
		dcatit_buf_addf(b, "::%s ", cmd[nt->level]);
		if (nt->file && nt->file[0]) {
			dcatit_buf_adds(b, "file=");
			add_escaped(b, nt->file, strlen(nt->file), esc_gh_property, false);
			if (nt->line)
				dcatit_buf_addf(b, ",line=%lu", nt->line);
			if (nt->line && nt->col)
				dcatit_buf_addf(b, ",col=%lu", nt->col);
			dcatit_buf_addc(b, ',');
		}
		dcatit_buf_adds(b, "title=dcatit::");
		add_escaped(b, nt->message, strlen(nt->message), esc_gh_message, false);
		dcatit_buf_addc(b, '\n');
	}
	for (size_t i = 0; i < rs->n; i++) {
		const DcatitResult *r = &rs->items[i];
		dcatit_buf_addf(b, "::%s file=", cmd[result_level(c, r)]);
		const char *f = result_file(c->in, r);
		add_escaped(b, f, strlen(f), esc_gh_property, false);
		if (r->loc.line)
			dcatit_buf_addf(b, ",line=%u", (unsigned)r->loc.line);
		dcatit_buf_adds(b, ",title=");
		add_result_escaped(c, b, r, add_gh_title, esc_gh_property, false);
		dcatit_buf_adds(b, "::");
		add_result_escaped(c, b, r, add_message_details, esc_gh_message, false);
		dcatit_buf_addc(b, '\n');
	}
}

DcatitStatus dcatit_report_write(const DcatitResults *r,
                                 const DcatitReportInput *in,
                                 DcatitReportFormat f, DcatitBuf *out)
{
	Ctx c;
	ctx_init(&c, in);
	switch (f) {
	case DCATIT_REPORT_TEXT: write_text(&c, r, out); break;
	case DCATIT_REPORT_JSON: write_json(&c, r, out); break;
	case DCATIT_REPORT_JUNIT: write_junit(&c, r, out); break;
	case DCATIT_REPORT_TTL: write_ttl(&c, r, out); break;
	case DCATIT_REPORT_GITHUB: write_github(&c, r, out); break;
	}
	return out->oom ? DCATIT_ERR_NOMEM : DCATIT_OK;
}

void dcatit_report_failure_line(const DcatitResult *f, const DcatitReportInput *in,
                                DcatitBuf *out)
{
	Ctx c;
	ctx_init(&c, in);
	dcatit_buf_adds(out, result_file(in, f));
	if (f->loc.line)
		dcatit_buf_addf(out, ":%u", (unsigned)f->loc.line);
	DcatitBuf pat, shape, value, focus;
	dcatit_buf_init(&pat);
	dcatit_buf_init(&shape);
	dcatit_buf_init(&value);
	dcatit_buf_init(&focus);
	if (f->param)
		add_term_short(&c, &pat, f->param);
	add_shape_short(&c, &shape, f->shape);
	add_term_short(&c, &value, f->value);
	add_term_short(&c, &focus, f->focus);
	/* "error" stays as it is: editors and CI read it */
	dcatit_buf_adds(out, ": error: ");
	dcatit_buf_addf(out, _("pattern too expensive: sh:pattern %s of shape %s hit the engine's "
	                       "match limit on %s of %s: the value was not checked (a failure of "
	                       "the shape, not a violation of the data)"),
	                pat.data ? pat.data : "", shape.data ? shape.data : "",
	                value.data ? value.data : "", focus.data ? focus.data : "");
	if (pat.oom || shape.oom || value.oom || focus.oom)
		out->oom = true;
	dcatit_buf_release(&pat);
	dcatit_buf_release(&shape);
	dcatit_buf_release(&value);
	dcatit_buf_release(&focus);
}
