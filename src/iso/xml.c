/* xml.c: the program's only libxml2 user. Documents are parsed from memory
 * with no network, no DTD loading and no entity substitution, and a
 * document that declares entities is refused before any record is read;
 * records are expanded one subtree at a time so memory is bounded by the
 * largest record, not by the document. Element names are matched by local
 * name so gmd, gmi, srv and RNDT profiles of ISO 19139 read alike. */
#include "iso/xml.h"

#include <ctype.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlreader.h>

#include "base/i18n.h"
#include "base/str.h"

/* IsoNode is libxml2's xmlNode seen through an opaque type. */
static const xmlNode *X(const IsoNode *n)
{
	return (const xmlNode *)n;
}

static const IsoNode *N(const xmlNode *n)
{
	return (const IsoNode *)n;
}

const char *iso_xml_name(const IsoNode *n)
{
	return n && X(n)->name ? (const char *)X(n)->name : "";
}

bool iso_xml_is(const IsoNode *n, const char *local)
{
	if (!n || X(n)->type != XML_ELEMENT_NODE || !X(n)->name)
		return false;
	/* the first letter tells most siblings apart without a call */
	const char *name = (const char *)X(n)->name;
	return name[0] == local[0] && strcmp(name, local) == 0;
}

const IsoNode *iso_xml_kid(const IsoNode *n, const char *local)
{
	if (!n)
		return NULL;
	for (const xmlNode *c = X(n)->children; c; c = c->next)
		if (iso_xml_is(N(c), local))
			return N(c);
	return NULL;
}

const IsoNode *iso_xml_next(const IsoNode *n)
{
	const char *name = iso_xml_name(n);
	for (const xmlNode *c = n ? X(n)->next : NULL; c; c = c->next)
		if (iso_xml_is(N(c), name))
			return N(c);
	return NULL;
}

const IsoNode *iso_xml_first(const IsoNode *n)
{
	if (!n)
		return NULL;
	for (const xmlNode *c = X(n)->children; c; c = c->next)
		if (c->type == XML_ELEMENT_NODE)
			return N(c);
	return NULL;
}

const IsoNode *iso_xml_path(const IsoNode *n, const char *p)
{
	char seg[64];
	const IsoNode *cur = n;
	while (cur && *p) {
		size_t k = strcspn(p, "/");
		if (k >= sizeof seg)
			return NULL;
		memcpy(seg, p, k);
		seg[k] = '\0';
		cur = iso_xml_kid(cur, seg);
		p += k;
		if (*p == '/')
			p++;
	}
	return cur;
}

uint32_t iso_xml_line(const IsoNode *n)
{
	long l = n ? xmlGetLineNo(X(n)) : 0;
	return l > 0 && (unsigned long)l <= UINT32_MAX ? (uint32_t)l : 0;
}

void iso_xml_text(const IsoNode *n, DcatitBuf *b)
{
	for (const xmlNode *c = n ? X(n)->children : NULL; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content)
			dcatit_buf_adds(b, (const char *)c->content);
}

size_t iso_xml_text_len(const IsoNode *n)
{
	size_t len = 0;
	for (const xmlNode *c = n ? X(n)->children : NULL; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content)
			len += strlen((const char *)c->content);
	return len;
}

void iso_xml_text_copy(const IsoNode *n, char *out)
{
	for (const xmlNode *c = n ? X(n)->children : NULL; c; c = c->next)
		if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) &&
		    c->content) {
			size_t k = strlen((const char *)c->content);
			memcpy(out, c->content, k);
			out += k;
		}
}

const char *iso_xml_attr_ref(const IsoNode *n, const char *name, const char *ns,
                             bool *complex)
{
	*complex = false;
	if (!n || X(n)->type != XML_ELEMENT_NODE)
		return NULL;
	for (const xmlAttr *a = X(n)->properties; a; a = a->next) {
		if (!a->name || strcmp((const char *)a->name, name) != 0)
			continue;
		if (ns ? !a->ns || !a->ns->href || strcmp((const char *)a->ns->href, ns) != 0
		       : a->ns != NULL)
			continue;
		const xmlNode *c = a->children;
		if (!c)
			return "";
		if (c->type == XML_TEXT_NODE && !c->next && c->content)
			return (const char *)c->content;
		*complex = true;
		return NULL;
	}
	return NULL;
}

char *iso_xml_attr(const IsoNode *n, const char *name, const char *ns, bool *oom)
{
	if (!n)
		return NULL;
	/* xmlGetNsProp/xmlGetNoNsProp take a non-const node but do not
	 * change it */
	xmlNode *xn = (xmlNode *)X(n);
	xmlChar *v = ns ? xmlGetNsProp(xn, (const xmlChar *)name, (const xmlChar *)ns)
	                : xmlGetNoNsProp(xn, (const xmlChar *)name);
	if (!v)
		return NULL;
	char *s = dcatit_strdup((const char *)v);
	xmlFree(v);
	if (!s && oom)
		*oom = true;
	return s;
}

/* ------------------------------------------------------------ documents */

static bool is_record_name(const char *n)
{
	return n && (strcmp(n, "MD_Metadata") == 0 || strcmp(n, "MI_Metadata") == 0);
}

/* Does the document declare entities? They are never substituted, but a
 * document that needs them cannot be read faithfully either, and refusing
 * it is the only answer to expansion bombs that is obviously safe. */
static bool declares_entities(xmlDocPtr doc)
{
	xmlDtdPtr dtds[2] = { doc ? doc->intSubset : NULL, doc ? doc->extSubset : NULL };
	for (int i = 0; i < 2; i++)
		if (dtds[i] && dtds[i]->entities && xmlHashSize(dtds[i]->entities) > 0)
			return true;
	return false;
}

/* The line of the first entity declaration, 0 when there is none. */
static unsigned long entity_line(const char *xml, size_t len)
{
	const char *e = NULL;
	for (size_t i = 0; i + 8 <= len && !e; i++)
		if (memcmp(xml + i, "<!ENTITY", 8) == 0)
			e = xml + i;
	unsigned long line = 1;
	for (const char *c = xml; e && c < e; c++)
		line += *c == '\n';
	return e ? line : 0;
}

/* The first error of a parse (libxml2 keeps only the last one, which for
 * a mismatched tag is the less helpful "premature end of data"). */
typedef struct {
	bool set;
	char msg[512];
	unsigned long line, col;
} FirstError;

static void on_error(void *ud, xmlErrorPtr e)
{
	FirstError *f = ud;
	if (!f || f->set || !e || e->level < XML_ERR_ERROR)
		return;
	f->set = true;
	snprintf(f->msg, sizeof f->msg, "%s", e->message ? e->message : _("not well-formed XML"));
	size_t n = strlen(f->msg);
	while (n && (f->msg[n - 1] == '\n' || f->msg[n - 1] == ' '))
		f->msg[--n] = '\0';
	f->line = e->line > 0 ? (unsigned long)e->line : 0;
	f->col = e->int2 > 0 ? (unsigned long)e->int2 : 0;
}

static bool mentions_entities(const char *msg)
{
	for (const char *h = msg; *h; h++)
		if (strncasecmp(h, "entit", 5) == 0)
			return true;
	return false;
}

static DcatitStatus xml_error(const FirstError *f, const char *xml, size_t len,
                              const char *docname, DcatitDiag *d)
{
	unsigned long el = entity_line(xml, len);
	if (el && f->set && mentions_entities(f->msg))
		/* an expansion bomb: libxml2's line is inside the entity */
		return dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname, el, 0,
		                       "malformed XML: %s (XML entity declarations are "
		                       "refused)", f->msg);
	return dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname, f->line, f->col,
	                       "malformed XML: %s",
	                       f->set ? f->msg : _("not well-formed XML"));
}

/* Text of n with whitespace runs collapsed, into b (empty when none). */
static void collapsed(const IsoNode *n, DcatitBuf *b)
{
	DcatitBuf raw;
	dcatit_buf_init(&raw);
	iso_xml_text(n, &raw);
	bool space = false;
	for (size_t i = 0; i < raw.len; i++) {
		if (isspace((unsigned char)raw.data[i])) {
			space = b->len > 0;
			continue;
		}
		if (space)
			dcatit_buf_addc(b, ' ');
		space = false;
		dcatit_buf_addc(b, raw.data[i]);
	}
	dcatit_buf_release(&raw);
}

/* Collapse the whitespace runs of s in place. */
static char *collapse(char *s)
{
	char *w = s;
	bool space = false;
	for (const char *c = s; c && *c; c++) {
		if (isspace((unsigned char)*c)) {
			space = w != s;
			continue;
		}
		if (space)
			*w++ = ' ';
		space = false;
		*w++ = *c;
	}
	if (w)
		*w = '\0';
	return s;
}

/* ows:ExceptionReport -> "code (locator): text" in d. */
static DcatitStatus exception(const IsoNode *root, const char *docname,
                              DcatitDiag *d)
{
	const IsoNode *e = iso_xml_kid(root, "Exception");
	char *c = collapse(iso_xml_attr(e, "exceptionCode", NULL, NULL));
	char *loc = collapse(iso_xml_attr(e, "locator", NULL, NULL));
	DcatitBuf t;
	dcatit_buf_init(&t);
	collapsed(iso_xml_kid(e, "ExceptionText"), &t);
	DcatitStatus st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, docname,
	                                  (unsigned long)iso_xml_line(root), 0,
	                                  "CSW ExceptionReport: %s%s%s%s",
	                                  c && *c ? c : _("unknown exception"),
	                                  loc && *loc ? " (" : "", loc && *loc ? loc : "",
	                                  loc && *loc ? ")" : "");
	if (t.len) {
		size_t n = strlen(d->message);
		snprintf(d->message + n, sizeof d->message - n, ": %s", t.data);
	}
	dcatit_buf_release(&t);
	free(c);
	free(loc);
	return st;
}

static bool all_digits(const char *s)
{
	for (; *s; s++)
		if (!isdigit((unsigned char)*s))
			return false;
	return true;
}

static bool num_attr(xmlTextReaderPtr r, const char *name, unsigned long *v)
{
	xmlChar *a = xmlTextReaderGetAttribute(r, (const xmlChar *)name);
	if (!a)
		return false;
	char buf[32];
	size_t n = 0;
	for (const xmlChar *c = a; *c && n < sizeof buf - 1; c++)
		if (!isspace(*c))
			buf[n++] = (char)*c;
	buf[n] = '\0';
	bool ok = n && n < 16 && all_digits(buf);
	if (ok)
		*v = strtoul(buf, NULL, 10);
	xmlFree(a);
	return ok;
}

typedef enum { ROOT_NONE, ROOT_RECORD, ROOT_RESULTS, ROOT_BYID } RootKind;

DcatitStatus iso_xml_read(const char *xml, size_t len, const char *docname,
                          IsoDocInfo *info, IsoRecordFn fn, void *ud,
                          DcatitDiag *d)
{
	if (len > INT_MAX)
		return dcatit_diag_set(d, DCATIT_ERR_LIMIT, docname, 0, 0,
		                       "XML document too large (%zu bytes)", len);
	xmlInitParser();
	/* no XML_PARSE_NOENT, XML_PARSE_DTDLOAD, XML_PARSE_DTDATTR or
	 * XML_PARSE_HUGE: entities stay references, no DTD is fetched, the
	 * default size and depth limits hold; NONET refuses network access.
	 * NOBLANKS drops the whitespace between elements, half the text nodes
	 * of an indented record (12 % of csw-convert); a value's own text is
	 * kept, blanks included, so the mapping reads the same */
	int popts = XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING |
	            XML_PARSE_BIG_LINES | XML_PARSE_NOCDATA | XML_PARSE_NOBLANKS;
	xmlTextReaderPtr r = xmlReaderForMemory(xml, (int)len, docname, NULL, popts);
	if (!r)
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
		                       dcatit_strerror(DCATIT_ERR_NOMEM));
	FirstError first;
	memset(&first, 0, sizeof first);
	xmlTextReaderSetStructuredErrorHandler(r, on_error, &first);

	DcatitStatus st = DCATIT_OK;
	RootKind kind = ROOT_NONE;
	unsigned n = 0;
	bool done = false;
	int ret = xmlTextReaderRead(r);
	while (ret == 1 && !done) {
		bool skip = false;
		if (xmlTextReaderNodeType(r) != XML_READER_TYPE_ELEMENT) {
			ret = xmlTextReaderRead(r);
			continue;
		}
		int depth = xmlTextReaderDepth(r);
		const char *ln = (const char *)xmlTextReaderConstLocalName(r);
		if (kind == ROOT_NONE) {
			/* the internal subset is complete once the root starts; not
			 * xmlTextReaderCurrentDoc(), which would make the reader keep
			 * every node */
			xmlNodePtr cur = xmlTextReaderCurrentNode(r);
			if (declares_entities(cur ? cur->doc : NULL)) {
				st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname,
				                     entity_line(xml, len), 0,
				                     "XML entity declarations are refused "
				                     "(no entity is expanded or loaded)");
				break;
			}
			unsigned long line = (unsigned long)xmlTextReaderGetParserLineNumber(r);
			if (ln && strcmp(ln, "ExceptionReport") == 0) {
				xmlNodePtr root = xmlTextReaderExpand(r);
				st = root ? exception(N(root), docname, d)
				          : xml_error(&first, xml, len, docname, d);
				break;
			} else if (ln && strcmp(ln, "GetRecordsResponse") == 0) {
				kind = ROOT_RESULTS;
			} else if (info->csw_only) {
				st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname, line, 0,
				                     "expected a CSW GetRecordsResponse, got '%s'",
				                     ln ? ln : "");
				break;
			} else if (ln && strcmp(ln, "GetRecordByIdResponse") == 0) {
				kind = ROOT_BYID;
			} else if (is_record_name(ln)) {
				kind = ROOT_RECORD;
			} else {
				st = dcatit_diag_set(d, DCATIT_ERR_UNSUPPORTED, docname, line, 0,
				                     "root element '%s' is not an ISO 19139 record "
				                     "or a CSW response", ln ? ln : "");
				break;
			}
		}
		if (kind == ROOT_RESULTS && depth == 1 && ln && strcmp(ln, "SearchResults") == 0) {
			info->has_matched = num_attr(r, "numberOfRecordsMatched", &info->matched);
			num_attr(r, "numberOfRecordsReturned", &info->returned);
			info->has_next = num_attr(r, "nextRecord", &info->next);
		}
		bool at_record = (kind == ROOT_RECORD && depth == 0) ||
		                 (kind == ROOT_RESULTS && depth == 2) ||
		                 (kind == ROOT_BYID && depth == 1);
		if (at_record) {
			n++;
			skip = true;
			if (!is_record_name(ln)) {
				info->skipped++; /* e.g. csw:Record (Dublin Core) */
			} else if (info->limit && info->records >= info->limit) {
				done = true;
			} else {
				xmlNodePtr rec = xmlTextReaderExpand(r);
				if (!rec || first.set) {
					st = xml_error(&first, xml, len, docname, d);
					break;
				}
				st = fn(ud, N(rec), n, d);
				if (st != DCATIT_OK)
					break;
				info->records++;
			}
			if (kind == ROOT_RECORD)
				done = true;
		}
		ret = skip ? xmlTextReaderNext(r) : xmlTextReaderRead(r);
	}
	/* read to the end so a broken tail is reported too */
	while (st == DCATIT_OK && ret == 1 && done && kind == ROOT_RECORD)
		ret = xmlTextReaderRead(r);
	if (st == DCATIT_OK && (ret < 0 || first.set))
		st = xml_error(&first, xml, len, docname, d);
	else if (st == DCATIT_OK && kind == ROOT_NONE)
		st = dcatit_diag_set(d, DCATIT_ERR_SYNTAX, docname, 0, 0,
		                     "malformed XML: no root element");
	xmlFreeTextReader(r);
	return st;
}
