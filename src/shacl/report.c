/* report.c: SHACL validation reports in five formats (see report.h). Every
 * format is built from the same pieces: a located, human message per result
 * and the terms of the result rendered for that format. */
#include "shacl/report.h"

#include <stdlib.h>
#include <string.h>

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
	DcatitTermId property;
	bool full;          /* write IRIs as <iri>, never pfx:local */
} Ctx;

static void ctx_init(Ctx *c, const DcatitReportInput *in)
{
	memset(c, 0, sizeof *c);
	c->in = in;
	c->t = dcatit_model_terms(in->data);
	c->sg = in->shapes;
	c->first = dcatit_terms_find_iri(c->t, DCATIT_NS_RDF "first");
	c->rest = dcatit_terms_find_iri(c->t, DCATIT_NS_RDF "rest");
	c->nil = dcatit_terms_find_iri(c->t, DCATIT_NS_RDF "nil");
	c->inverse = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "inversePath");
	c->alternative = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "alternativePath");
	c->zero_more = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "zeroOrMorePath");
	c->one_more = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "oneOrMorePath");
	c->zero_one = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "zeroOrOnePath");
	c->property = dcatit_terms_find_iri(c->t, DCATIT_NS_SH "property");
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

static bool is_local_name(const char *s)
{
	if (!*s)
		return false;
	for (const char *p = s; *p; p++) {
		unsigned char ch = (unsigned char)*p;
		bool ok = (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		          (ch >= '0' && ch <= '9') || ch == '_' || ch == '-' ||
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

/* Length of the valid UTF-8 sequence at s[0..n) (1 to 4), 0 when it is
 * not one (stray continuation byte, overlong form, surrogate, > U+10FFFF).
 * Literals from N-Triples or RDF/XML may hold any bytes; JSON and XML
 * reports must still be valid UTF-8. */
static size_t utf8_len(const unsigned char *s, size_t n)
{
	if (s[0] < 0x80)
		return 1;
	size_t len = s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 : s[0] >= 0xC2 ? 2 : 0;
	if (!len || s[0] > 0xF4 || len > n)
		return 0;
	for (size_t i = 1; i < len; i++)
		if ((s[i] & 0xC0) != 0x80)
			return 0;
	if ((s[0] == 0xE0 && s[1] < 0xA0) || (s[0] == 0xED && s[1] > 0x9F) ||
	    (s[0] == 0xF0 && s[1] < 0x90) || (s[0] == 0xF4 && s[1] > 0x8F))
		return 0;
	return len;
}

/* Copy the UTF-8 sequence at s[*i], or U+FFFD for an invalid byte, and
 * advance *i past it. */
static void add_utf8(DcatitBuf *b, const char *s, size_t len, size_t *i)
{
	size_t k = utf8_len((const unsigned char *)s + *i, len - *i);
	if (k) {
		dcatit_buf_add(b, s + *i, k);
		*i += k;
	} else {
		dcatit_buf_adds(b, "\xEF\xBF\xBD");
		*i += 1;
	}
}

/* A quoted string with backslash escapes for quote, backslash and control
 * characters (valid in Turtle, N-Triples and JSON alike). */
static void add_quoted(DcatitBuf *b, const char *s, size_t len, bool ellipsis)
{
	dcatit_buf_addc(b, '"');
	for (size_t i = 0; i < len;) {
		/* runs that need no escape go in one copy: a large report is
		 * mostly IRIs and messages (bench: 9% of a 50k-dataset run went
		 * to appending them one character at a time) */
		size_t run = i;
		while (run < len && (unsigned char)s[run] >= 0x20 &&
		       (unsigned char)s[run] < 0x7f && s[run] != '"' && s[run] != '\\')
			run++;
		if (run > i) {
			dcatit_buf_add(b, s + i, run - i);
			i = run;
			continue;
		}
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 0x80) {
			add_utf8(b, s, len, &i);
			continue;
		}
		i++;
		switch (ch) {
		case '"': dcatit_buf_adds(b, "\\\""); break;
		case '\\': dcatit_buf_adds(b, "\\\\"); break;
		case '\n': dcatit_buf_adds(b, "\\n"); break;
		case '\r': dcatit_buf_adds(b, "\\r"); break;
		case '\t': dcatit_buf_adds(b, "\\t"); break;
		default:
			if (ch < 0x20 || ch == 0x7f)
				dcatit_buf_addf(b, "\\u%04X", ch);
			else
				dcatit_buf_addc(b, (char)ch);
		}
	}
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
		dcatit_buf_addc(b, '(');
		for (size_t i = 0; i < n; i++) {
			if (i)
				dcatit_buf_addc(b, '|');
			add_path_short(c, b, items[i], depth + 1);
		}
		dcatit_buf_addc(b, ')');
		free(items);
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
		if (depth > 0)
			dcatit_buf_addc(b, '(');
		for (size_t i = 0; i < n; i++) {
			if (i)
				dcatit_buf_addc(b, '/');
			add_path_short(c, b, items[i], depth + 1);
		}
		if (depth > 0)
			dcatit_buf_addc(b, ')');
		free(items);
	} else {
		add_term_short(c, b, p);
	}
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

static const char *severity_word(DcatitSeverity s)
{
	switch (s) {
	case DCATIT_SEV_VIOLATION: return "error";
	case DCATIT_SEV_WARNING: return "warning";
	case DCATIT_SEV_INFO: return "info";
	}
	return "error";
}

DcatitReportCounts dcatit_report_count(const DcatitResults *r,
                                       const DcatitTerms *t)
{
	DcatitReportCounts c = { 0, 0, 0 };
	for (size_t i = 0; i < r->n; i++) {
		switch (dcatit_report_severity(t, r->items[i].severity)) {
		case DCATIT_SEV_VIOLATION: c.violations++; break;
		case DCATIT_SEV_WARNING: c.warnings++; break;
		case DCATIT_SEV_INFO: c.infos++; break;
		}
	}
	return c;
}

bool dcatit_report_summary(const DcatitReportCounts *c, size_t nfiles,
                           DcatitBuf *out)
{
	dcatit_buf_addf(out, "%zu error%s, %zu warning%s", c->violations,
	                c->violations == 1 ? "" : "s", c->warnings,
	                c->warnings == 1 ? "" : "s");
	if (c->infos)
		dcatit_buf_addf(out, ", %zu info%s", c->infos, c->infos == 1 ? "" : "s");
	dcatit_buf_addf(out, " in %zu file%s", nfiles, nfiles == 1 ? "" : "s");
	return !out->oom;
}

/* ---- messages ---------------------------------------------------------- */

/* What to do for an ill-formed literal of a common datatype. */
static const char *datatype_hint(const char *dt)
{
	static const struct {
		const char *local;
		const char *hint;
	} hints[] = {
		{ "date", "use YYYY-MM-DD" },
		{ "dateTime", "use YYYY-MM-DDThh:mm:ss, optionally with a time zone" },
		{ "gYear", "use YYYY" },
		{ "boolean", "use true, false, 1 or 0" },
		{ "integer", "use digits with an optional sign" },
		{ "decimal", "use digits with an optional sign and decimal point" },
		{ "anyURI", "use an absolute IRI" },
	};
	size_t ns = strlen(DCATIT_NS_XSD);
	if (strncmp(dt, DCATIT_NS_XSD, ns) != 0)
		return NULL;
	for (size_t i = 0; i < sizeof hints / sizeof hints[0]; i++)
		if (strcmp(dt + ns, hints[i].local) == 0)
			return hints[i].hint;
	return NULL;
}

/* "value V of P" / "value V" (node shapes). */
static void add_value_subject(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	if (r->value) {
		dcatit_buf_adds(b, "value ");
		add_term_short(c, b, r->value);
	} else {
		dcatit_buf_adds(b, "a value");
	}
	if (r->path) {
		dcatit_buf_adds(b, " of ");
		add_path_short(c, b, r->path, 0);
	}
}

/* "P" or "the focus node" for node shapes. */
static void add_path_subject(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	if (r->path)
		add_path_short(c, b, r->path, 0);
	else
		dcatit_buf_adds(b, "the focus node");
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
			dcatit_buf_addf(b, ", ... %zu more", n - MAX_LIST_ITEMS);
		dcatit_buf_addc(b, ')');
		free(items);
	} else if (p) {
		add_term_short(c, b, p);
	} else {
		dcatit_buf_adds(b, "?");
	}
}

/* A shape given as a parameter (sh:node, sh:not): "the shape <S>", or
 * "the nested shape" for a blank one, whose label means nothing to users. */
static void add_shape_param(const Ctx *c, DcatitBuf *b, DcatitTermId p)
{
	if (p && dcatit_terms_is_iri(c->t, p)) {
		dcatit_buf_adds(b, "the shape ");
		add_term_short(c, b, p);
	} else {
		dcatit_buf_adds(b, "the nested shape");
	}
}

static void add_generated_message(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	char name[128];
	if (!component_param_name(c, r->component, name, sizeof name)) {
		dcatit_buf_adds(b, "constraint ");
		add_term_short(c, b, r->component);
		dcatit_buf_adds(b, " is not satisfied");
		if (r->value) {
			dcatit_buf_adds(b, " by ");
			add_value_subject(c, b, r);
		}
		return;
	}
	const char *pv = r->param && dcatit_terms_is_literal(c->t, r->param)
	                 ? dcatit_terms_str(c->t, r->param) : NULL;
	if (strcmp(name, "minCount") == 0) {
		add_path_subject(c, b, r);
		if (pv && strcmp(pv, "1") == 0)
			dcatit_buf_adds(b, " is missing (minCount 1)");
		else
			dcatit_buf_addf(b, " has fewer than %s values (minCount %s)",
			                pv ? pv : "the required", pv ? pv : "?");
	} else if (strcmp(name, "maxCount") == 0) {
		add_path_subject(c, b, r);
		if (pv && strcmp(pv, "0") == 0)
			dcatit_buf_adds(b, " must not have any value (maxCount 0)");
		else if (pv)
			dcatit_buf_addf(b, " has more than %s value%s (maxCount %s)", pv,
			                strcmp(pv, "1") == 0 ? "" : "s", pv);
		else
			dcatit_buf_adds(b, " has too many values (maxCount)");
	} else if (strcmp(name, "datatype") == 0) {
		add_value_subject(c, b, r);
		DcatitTermId dt = r->value ? dcatit_terms_datatype(c->t, r->value) : 0;
		if (r->value && !dcatit_terms_is_literal(c->t, r->value)) {
			dcatit_buf_adds(b, " is not a literal (expected ");
			add_param(c, b, r->param);
			dcatit_buf_addc(b, ')');
		} else if (dt && dt == r->param) {
			dcatit_buf_adds(b, " is not a valid ");
			add_param(c, b, r->param);
			const char *hint = datatype_hint(dcatit_terms_str(c->t, dt));
			if (hint)
				dcatit_buf_addf(b, " (%s)", hint);
		} else {
			dcatit_buf_adds(b, " has datatype ");
			add_term_short(c, b, dt);
			dcatit_buf_adds(b, ", expected ");
			add_param(c, b, r->param);
		}
	} else if (strcmp(name, "class") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_adds(b, " is not an instance of ");
		add_param(c, b, r->param);
		dcatit_buf_adds(b, " (add an rdf:type)");
	} else if (strcmp(name, "nodeKind") == 0) {
		static const struct {
			const char *local, *text;
		} kinds[] = {
			{ "IRI", "an IRI" }, { "BlankNode", "a blank node" },
			{ "Literal", "a literal" }, { "BlankNodeOrIRI", "an IRI or a blank node" },
			{ "BlankNodeOrLiteral", "a blank node or a literal" },
			{ "IRIOrLiteral", "an IRI or a literal" },
		};
		const char *want = "of another node kind";
		const char *ps = dcatit_terms_str(c->t, r->param);
		size_t ns = strlen(DCATIT_NS_SH);
		for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
			if (strncmp(ps, DCATIT_NS_SH, ns) == 0 && strcmp(ps + ns, kinds[i].local) == 0)
				want = kinds[i].text;
		add_value_subject(c, b, r);
		dcatit_buf_addf(b, " must be %s", want);
	} else if (strcmp(name, "minExclusive") == 0 || strcmp(name, "minInclusive") == 0 ||
	           strcmp(name, "maxExclusive") == 0 || strcmp(name, "maxInclusive") == 0) {
		const char *op = strcmp(name, "minExclusive") == 0 ? ">"
		               : strcmp(name, "minInclusive") == 0 ? ">="
		               : strcmp(name, "maxExclusive") == 0 ? "<" : "<=";
		add_value_subject(c, b, r);
		dcatit_buf_addf(b, " must be %s ", op);
		add_param(c, b, r->param);
	} else if (strcmp(name, "minLength") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_adds(b, " is shorter than ");
		add_param(c, b, r->param);
		dcatit_buf_adds(b, " characters (minLength)");
	} else if (strcmp(name, "maxLength") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_adds(b, " is longer than ");
		add_param(c, b, r->param);
		dcatit_buf_adds(b, " characters (maxLength)");
	} else if (strcmp(name, "pattern") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_adds(b, " does not match the pattern ");
		if (pv)
			add_quoted(b, pv, strlen(pv), false);
		else
			add_param(c, b, r->param);
	} else if (strcmp(name, "languageIn") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_adds(b, " must have one of the languages ");
		add_param(c, b, r->param);
	} else if (strcmp(name, "uniqueLang") == 0) {
		add_path_subject(c, b, r);
		dcatit_buf_adds(b, " has more than one value in the same language (uniqueLang)");
	} else if (strcmp(name, "equals") == 0 || strcmp(name, "disjoint") == 0 ||
	           strcmp(name, "lessThan") == 0 || strcmp(name, "lessThanOrEquals") == 0) {
		add_value_subject(c, b, r);
		if (strcmp(name, "equals") == 0)
			dcatit_buf_adds(b, " is not also a value of ");
		else if (strcmp(name, "disjoint") == 0)
			dcatit_buf_adds(b, " is also a value of ");
		else if (strcmp(name, "lessThan") == 0)
			dcatit_buf_adds(b, " is not less than the values of ");
		else
			dcatit_buf_adds(b, " is greater than values of ");
		add_param(c, b, r->param);
		dcatit_buf_addf(b, " (%s)", name);
	} else if (strcmp(name, "not") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_adds(b, " conforms to ");
		add_shape_param(c, b, r->param);
		dcatit_buf_adds(b, ", which is not allowed (not)");
	} else if (strcmp(name, "and") == 0 || strcmp(name, "or") == 0 ||
	           strcmp(name, "xone") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_addf(b, " does not conform to %s of the shapes (%s)",
		                strcmp(name, "and") == 0 ? "all"
		                : strcmp(name, "or") == 0 ? "any" : "exactly one", name);
	} else if (strcmp(name, "node") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_adds(b, " does not conform to ");
		add_shape_param(c, b, r->param);
	} else if (strcmp(name, "qualifiedMinCount") == 0 ||
	           strcmp(name, "qualifiedMaxCount") == 0) {
		add_path_subject(c, b, r);
		dcatit_buf_addf(b, " has too %s values conforming to the qualified shape (%s ",
		                name[9] == 'i' ? "few" : "many", name);
		add_param(c, b, r->param);
		dcatit_buf_addc(b, ')');
	} else if (strcmp(name, "closed") == 0) {
		dcatit_buf_adds(b, "property ");
		add_path_subject(c, b, r);
		dcatit_buf_adds(b, " is not allowed by the closed shape");
		if (r->value) {
			dcatit_buf_adds(b, " (value ");
			add_term_short(c, b, r->value);
			dcatit_buf_addc(b, ')');
		}
	} else if (strcmp(name, "hasValue") == 0) {
		add_path_subject(c, b, r);
		dcatit_buf_adds(b, " must have the value ");
		add_param(c, b, r->param);
	} else if (strcmp(name, "in") == 0) {
		add_value_subject(c, b, r);
		dcatit_buf_adds(b, " is not one of the allowed values ");
		add_param(c, b, r->param);
	} else {
		add_value_subject(c, b, r);
		dcatit_buf_addf(b, " does not satisfy sh:%s", name);
		if (r->param) {
			dcatit_buf_addc(b, ' ');
			add_param(c, b, r->param);
		}
	}
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
			dcatit_buf_adds(b, "(a blank node)");
		else if (v < 2)
			add_term_short(c, b, id);
		else if (r->path)
			add_path_short(c, b, r->path, 0);
		else
			dcatit_buf_adds(b, "(none)");
		return true;
	}
	return false;
}

static void add_message(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	if (r->message && dcatit_terms_is_literal(c->t, r->message)) {
		/* one line per finding: newlines of a multi-line sh:message go */
		const char *s = dcatit_terms_str(c->t, r->message);
		size_t len = dcatit_terms_len(c->t, r->message);
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

/* ---- locations --------------------------------------------------------- */

static const char *result_file(const Ctx *c, const DcatitResult *r)
{
	const char *f = r->loc.file ? dcatit_model_source_name(c->in->data, r->loc.file) : "";
	if (!f[0] && c->in->nfiles)
		f = c->in->files[0];
	if (!f[0])
		f = "-";
	return f;
}

/* ---- text -------------------------------------------------------------- */

/* "[focus <x>, path <p>, value "v", shape <s>, constraint sh:minCount]",
 * with full IRIs (the message before it has the short ones). */
static void add_details(const Ctx *cc, DcatitBuf *b, const DcatitResult *r)
{
	Ctx full = *cc;
	full.full = true;
	const Ctx *c = &full;
	dcatit_buf_adds(b, "[focus ");
	add_term_short(c, b, r->focus);
	if (r->path) {
		dcatit_buf_adds(b, ", path ");
		add_path_short(c, b, r->path, 0);
	}
	if (r->value) {
		dcatit_buf_adds(b, ", value ");
		add_term_short(c, b, r->value);
	}
	dcatit_buf_adds(b, ", shape ");
	add_shape_short(c, b, r->shape);
	dcatit_buf_adds(b, ", constraint ");
	add_constraint(cc, b, r->component);
	dcatit_buf_addc(b, ']');
}

static void add_text_line(const Ctx *c, DcatitBuf *b, const DcatitResult *r)
{
	dcatit_buf_adds(b, result_file(c, r));
	if (r->loc.line)
		dcatit_buf_addf(b, ":%u", (unsigned)r->loc.line);
	dcatit_buf_addf(b, ": %s: ",
	                severity_word(dcatit_report_severity(c->t, r->severity)));
	add_message(c, b, r);
	dcatit_buf_addc(b, ' ');
	add_details(c, b, r);
}

static void write_text(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	for (size_t i = 0; i < rs->n; i++) {
		add_text_line(c, b, &rs->items[i]);
		dcatit_buf_addc(b, '\n');
	}
}

/* ---- JSON -------------------------------------------------------------- */

static void add_json_str(DcatitBuf *b, const char *s, size_t len)
{
	add_quoted(b, s, len, false);
}

static void add_json_strz(DcatitBuf *b, const char *s)
{
	add_json_str(b, s, strlen(s));
}

/* A term as a JSON string: IRIs bare, blank nodes _:x, literals in
 * N-Triples form; null for 0. */
static void add_json_term(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	if (!id) {
		dcatit_buf_adds(b, "null");
		return;
	}
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	if (dcatit_terms_is_iri(c->t, id))
		dcatit_buf_add(&tmp, dcatit_terms_str(c->t, id), dcatit_terms_len(c->t, id));
	else
		add_term_nt(c, &tmp, id);
	if (tmp.oom)
		b->oom = true;
	else
		add_json_str(b, tmp.data ? tmp.data : "", tmp.len);
	dcatit_buf_release(&tmp);
}

static void add_json_path(const Ctx *c, DcatitBuf *b, DcatitTermId p)
{
	if (!p) {
		dcatit_buf_adds(b, "null");
		return;
	}
	if (dcatit_terms_is_iri(c->t, p)) {
		add_json_term(c, b, p);
		return;
	}
	Ctx full = *c;
	full.full = true;
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	add_path_short(&full, &tmp, p, 0);
	if (tmp.oom)
		b->oom = true;
	else
		add_json_str(b, tmp.data ? tmp.data : "", tmp.len);
	dcatit_buf_release(&tmp);
}

static void write_json(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	DcatitReportCounts n = dcatit_report_count(rs, c->t);
	DcatitBuf msg;
	dcatit_buf_init(&msg);
	dcatit_buf_addf(b, "{\n  \"conforms\": %s,\n  \"counts\": {\"errors\": %zu, "
	                "\"warnings\": %zu, \"infos\": %zu},\n  \"results\": [",
	                rs->n ? "false" : "true", n.violations, n.warnings, n.infos);
	for (size_t i = 0; i < rs->n; i++) {
		const DcatitResult *r = &rs->items[i];
		dcatit_buf_adds(b, i ? ",\n    {" : "\n    {");
		dcatit_buf_adds(b, "\"file\": ");
		add_json_strz(b, result_file(c, r));
		if (r->loc.line)
			dcatit_buf_addf(b, ", \"line\": %u", (unsigned)r->loc.line);
		else
			dcatit_buf_adds(b, ", \"line\": null");
		dcatit_buf_adds(b, ", \"severity\": ");
		add_json_strz(b, severity_word(dcatit_report_severity(c->t, r->severity)));
		dcatit_buf_clear(&msg);
		add_message(c, &msg, r);
		if (msg.oom)
			b->oom = true;
		dcatit_buf_adds(b, ", \"message\": ");
		add_json_str(b, msg.data ? msg.data : "", msg.len);
		dcatit_buf_adds(b, ", \"focus\": ");
		add_json_term(c, b, r->focus);
		dcatit_buf_adds(b, ", \"path\": ");
		add_json_path(c, b, r->path);
		dcatit_buf_adds(b, ", \"value\": ");
		add_json_term(c, b, r->value);
		dcatit_buf_adds(b, ", \"shape\": ");
		add_json_term(c, b, r->shape);
		dcatit_buf_adds(b, ", \"component\": ");
		add_json_term(c, b, r->component);
		dcatit_buf_adds(b, ", \"constraint-parameter\": ");
		add_json_term(c, b, r->param);
		dcatit_buf_addc(b, '}');
	}
	dcatit_buf_adds(b, rs->n ? "\n  ]\n}\n" : "]\n}\n");
	dcatit_buf_release(&msg);
}

/* ---- JUnit XML --------------------------------------------------------- */

/* XML-escaped text; characters XML 1.0 forbids become U+FFFD. */
static void add_xml(DcatitBuf *b, const char *s, size_t len)
{
	for (size_t i = 0; i < len;) {
		unsigned char ch = (unsigned char)s[i];
		if (ch >= 0x80) {
			add_utf8(b, s, len, &i);
			continue;
		}
		i++;
		switch (ch) {
		case '&': dcatit_buf_adds(b, "&amp;"); break;
		case '<': dcatit_buf_adds(b, "&lt;"); break;
		case '>': dcatit_buf_adds(b, "&gt;"); break;
		case '"': dcatit_buf_adds(b, "&quot;"); break;
		case '\'': dcatit_buf_adds(b, "&apos;"); break;
		default:
			if ((ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') || ch == 0x7f)
				dcatit_buf_adds(b, "\xEF\xBF\xBD");
			else
				dcatit_buf_addc(b, (char)ch);
		}
	}
}

static void add_xmlz(DcatitBuf *b, const char *s)
{
	add_xml(b, s, strlen(s));
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
		const char *f = result_file(c, &rs->items[i]);
		bool seen = false;
		for (size_t k = 0; k < n && !seen; k++)
			seen = strcmp(names[k], f) == 0;
		if (!seen)
			names[n++] = f;
	}
	*out = names;
	return n;
}

static void write_junit(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	const char **suites = NULL;
	size_t ns = junit_suites(c, rs, &suites);
	if (ns == (size_t)-1) {
		b->oom = true;
		return;
	}
	size_t total = 0, failures = 0;
	for (size_t i = 0; i < rs->n; i++)
		if (dcatit_report_severity(c->t, rs->items[i].severity) <= c->in->fail_on)
			failures++;
	for (size_t s = 0; s < ns; s++) {
		size_t k = 0;
		for (size_t i = 0; i < rs->n; i++)
			k += strcmp(result_file(c, &rs->items[i]), suites[s]) == 0;
		total += k ? k : 1;
	}
	dcatit_buf_adds(b, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
	dcatit_buf_addf(b, "<testsuites name=\"dcatit validate\" tests=\"%zu\" "
	                "failures=\"%zu\" errors=\"0\">\n", total, failures);
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	for (size_t s = 0; s < ns; s++) {
		size_t k = 0, f = 0;
		for (size_t i = 0; i < rs->n; i++) {
			const DcatitResult *r = &rs->items[i];
			if (strcmp(result_file(c, r), suites[s]) != 0)
				continue;
			k++;
			f += dcatit_report_severity(c->t, r->severity) <= c->in->fail_on;
		}
		dcatit_buf_adds(b, "  <testsuite name=\"");
		add_xmlz(b, suites[s]);
		dcatit_buf_addf(b, "\" tests=\"%zu\" failures=\"%zu\" errors=\"0\" "
		                "skipped=\"0\">\n", k ? k : 1, f);
		if (!k) {
			dcatit_buf_adds(b, "    <testcase classname=\"");
			add_xmlz(b, suites[s]);
			dcatit_buf_adds(b, "\" name=\"conforms\"/>\n");
		}
		for (size_t i = 0; i < rs->n; i++) {
			const DcatitResult *r = &rs->items[i];
			if (strcmp(result_file(c, r), suites[s]) != 0)
				continue;
			DcatitSeverity sev = dcatit_report_severity(c->t, r->severity);
			dcatit_buf_adds(b, "    <testcase classname=\"");
			dcatit_buf_clear(&tmp);
			add_shape_short(c, &tmp, r->shape);
			add_xml(b, tmp.data ? tmp.data : "", tmp.len);
			dcatit_buf_adds(b, "\" name=\"");
			dcatit_buf_clear(&tmp);
			if (r->loc.line)
				dcatit_buf_addf(&tmp, "line %u: ", (unsigned)r->loc.line);
			add_message(c, &tmp, r);
			dcatit_buf_adds(&tmp, " (focus ");
			add_term_short(c, &tmp, r->focus);
			dcatit_buf_addc(&tmp, ')');
			add_xml(b, tmp.data ? tmp.data : "", tmp.len);
			dcatit_buf_adds(b, "\">\n");
			dcatit_buf_clear(&tmp);
			add_text_line(c, &tmp, r);
			if (sev <= c->in->fail_on) {
				dcatit_buf_addf(b, "      <failure type=\"%s\" message=\"",
				                severity_word(sev));
				DcatitBuf m;
				dcatit_buf_init(&m);
				add_message(c, &m, r);
				add_xml(b, m.data ? m.data : "", m.len);
				if (m.oom)
					b->oom = true;
				dcatit_buf_release(&m);
				dcatit_buf_adds(b, "\">");
				add_xml(b, tmp.data ? tmp.data : "", tmp.len);
				dcatit_buf_adds(b, "</failure>\n");
			} else {
				dcatit_buf_adds(b, "      <system-out>");
				add_xml(b, tmp.data ? tmp.data : "", tmp.len);
				dcatit_buf_adds(b, "</system-out>\n");
			}
			dcatit_buf_adds(b, "    </testcase>\n");
		}
		dcatit_buf_adds(b, "  </testsuite>\n");
	}
	dcatit_buf_adds(b, "</testsuites>\n");
	if (tmp.oom)
		b->oom = true;
	dcatit_buf_release(&tmp);
	free(suites);
}

/* ---- Turtle sh:ValidationReport ---------------------------------------- */

/* A blank node label safe in Turtle, injective: [A-Za-z0-9] kept, any other
 * byte as _XX. */
static void add_ttl_bnode(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	const char *s = dcatit_terms_str(c->t, id);
	size_t len = dcatit_terms_len(c->t, id);
	dcatit_buf_adds(b, "_:b");
	for (size_t i = 0; i < len; i++) {
		unsigned char ch = (unsigned char)s[i];
		if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') ||
		    (ch >= '0' && ch <= '9'))
			dcatit_buf_addc(b, (char)ch);
		else
			dcatit_buf_addf(b, "_%02X", ch);
	}
}

static void add_ttl_term(const Ctx *c, DcatitBuf *b, DcatitTermId id)
{
	if (dcatit_terms_is_bnode(c->t, id))
		add_ttl_bnode(c, b, id);
	else
		add_term_nt(c, b, id);
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
		dcatit_buf_adds(b, "[ sh:alternativePath (");
		for (size_t i = 0; i < n; i++) {
			dcatit_buf_addc(b, ' ');
			add_ttl_path(c, b, items[i], depth + 1);
		}
		dcatit_buf_adds(b, " ) ]");
		free(items);
	} else if (sg_list(c, p, &items, &n)) {
		dcatit_buf_addc(b, '(');
		for (size_t i = 0; i < n; i++) {
			dcatit_buf_addc(b, ' ');
			add_ttl_path(c, b, items[i], depth + 1);
		}
		dcatit_buf_adds(b, " )");
		free(items);
	} else {
		add_ttl_term(c, b, p);
	}
}

static void write_ttl(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	dcatit_buf_adds(b, "@prefix rdf: <" DCATIT_NS_RDF "> .\n"
	                   "@prefix sh: <" DCATIT_NS_SH "> .\n"
	                   "@prefix xsd: <" DCATIT_NS_XSD "> .\n\n"
	                   "[] a sh:ValidationReport ;\n");
	if (!rs->n) {
		dcatit_buf_adds(b, "\tsh:conforms true .\n");
		return;
	}
	dcatit_buf_adds(b, "\tsh:conforms false ;\n\tsh:result");
	DcatitBuf msg;
	dcatit_buf_init(&msg);
	for (size_t i = 0; i < rs->n; i++) {
		const DcatitResult *r = &rs->items[i];
		dcatit_buf_adds(b, i ? " , [\n" : " [\n");
		dcatit_buf_adds(b, "\t\ta sh:ValidationResult ;\n\t\tsh:resultSeverity ");
		add_ttl_term(c, b, r->severity);
		dcatit_buf_adds(b, " ;\n\t\tsh:focusNode ");
		add_ttl_term(c, b, r->focus);
		if (r->path) {
			dcatit_buf_adds(b, " ;\n\t\tsh:resultPath ");
			add_ttl_path(c, b, r->path, 0);
		}
		if (r->value) {
			dcatit_buf_adds(b, " ;\n\t\tsh:value ");
			add_ttl_term(c, b, r->value);
		}
		dcatit_buf_adds(b, " ;\n\t\tsh:sourceShape ");
		add_ttl_term(c, b, r->shape);
		dcatit_buf_adds(b, " ;\n\t\tsh:sourceConstraintComponent ");
		add_ttl_term(c, b, r->component);
		dcatit_buf_adds(b, " ;\n\t\tsh:resultMessage ");
		if (r->message && dcatit_terms_is_literal(c->t, r->message)) {
			add_term_nt(c, b, r->message);
		} else {
			dcatit_buf_clear(&msg);
			add_generated_message(c, &msg, r);
			if (msg.oom)
				b->oom = true;
			add_quoted(b, msg.data ? msg.data : "", msg.len, false);
		}
		dcatit_buf_adds(b, "\n\t]");
	}
	dcatit_buf_adds(b, " .\n");
	dcatit_buf_release(&msg);
}

/* ---- GitHub Actions ---------------------------------------------------- */

/* Workflow command escaping: properties also escape ':' and ','. */
static void add_gh(DcatitBuf *b, const char *s, size_t len, bool property)
{
	for (size_t i = 0; i < len; i++) {
		char ch = s[i];
		if (ch == '%')
			dcatit_buf_adds(b, "%25");
		else if (ch == '\r')
			dcatit_buf_adds(b, "%0D");
		else if (ch == '\n')
			dcatit_buf_adds(b, "%0A");
		else if (property && ch == ':')
			dcatit_buf_adds(b, "%3A");
		else if (property && ch == ',')
			dcatit_buf_adds(b, "%2C");
		else
			dcatit_buf_addc(b, ch);
	}
}

static void write_github(const Ctx *c, const DcatitResults *rs, DcatitBuf *b)
{
	static const char *cmd[] = { "error", "warning", "notice" };
	DcatitBuf tmp;
	dcatit_buf_init(&tmp);
	for (size_t i = 0; i < rs->n; i++) {
		const DcatitResult *r = &rs->items[i];
		DcatitSeverity sev = dcatit_report_severity(c->t, r->severity);
		dcatit_buf_addf(b, "::%s file=", cmd[sev]);
		const char *f = result_file(c, r);
		add_gh(b, f, strlen(f), true);
		if (r->loc.line)
			dcatit_buf_addf(b, ",line=%u", (unsigned)r->loc.line);
		dcatit_buf_adds(b, ",title=");
		dcatit_buf_clear(&tmp);
		add_constraint(c, &tmp, r->component);
		if (r->path) {
			dcatit_buf_addc(&tmp, ' ');
			add_path_short(c, &tmp, r->path, 0);
		}
		add_gh(b, tmp.data ? tmp.data : "", tmp.len, true);
		dcatit_buf_adds(b, "::");
		dcatit_buf_clear(&tmp);
		add_message(c, &tmp, r);
		dcatit_buf_addc(&tmp, ' ');
		add_details(c, &tmp, r);
		add_gh(b, tmp.data ? tmp.data : "", tmp.len, false);
		dcatit_buf_addc(b, '\n');
	}
	if (tmp.oom)
		b->oom = true;
	dcatit_buf_release(&tmp);
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
