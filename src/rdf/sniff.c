/* sniff.c: telling an HTML page, an OGC capabilities document or ISO 19139
 * metadata from RDF by the root element (sniff.h). Only the prolog and the
 * first start tag are looked at: no XML parser, no entity, no network. */
#include "rdf/sniff.h"

#include "base/i18n.h"

#include <stdio.h>
#include <string.h>

#define RDF_NS "http://www.w3.org/1999/02/22-rdf-syntax-ns#"

bool dcatit_sniff_starts_ci(const char *p, const char *end, const char *word)
{
	size_t n = strlen(word);
	if ((size_t)(end - p) < n)
		return false;
	for (size_t i = 0; i < n; i++) {
		char c = p[i];
		if (c >= 'A' && c <= 'Z')
			c = (char)(c - 'A' + 'a');
		if (c != word[i])
			return false;
	}
	return true;
}

static bool name_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
	       c == '_' || c == '-' || c == '.' || c == ':';
}

static bool is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

/* Advance *p past the first occurrence of stop (counting lines), or to
 * end. */
static void skip_past(const char **p, const char *end, const char *stop, unsigned long *line)
{
	size_t n = strlen(stop);
	while (*p < end) {
		if ((size_t)(end - *p) >= n && memcmp(*p, stop, n) == 0) {
			*p += n;
			return;
		}
		if (**p == '\n')
			(*line)++;
		(*p)++;
	}
}

/* The value of the attribute attr="..." (or '...') in tag[0..n), into
 * out; false when absent. */
static bool attr_value(const char *tag, size_t n, const char *attr, char *out, size_t cap)
{
	size_t an = strlen(attr);
	for (size_t i = 0; i + an + 2 < n; i++) {
		if (!is_space(tag[i]) || memcmp(tag + i + 1, attr, an) != 0)
			continue;
		size_t j = i + 1 + an;
		while (j < n && is_space(tag[j]))
			j++;
		if (j >= n || tag[j] != '=')
			continue;
		j++;
		while (j < n && is_space(tag[j]))
			j++;
		if (j >= n || (tag[j] != '"' && tag[j] != '\''))
			continue;
		char q = tag[j++];
		size_t k = 0;
		while (j < n && tag[j] != q && k + 1 < cap)
			out[k++] = tag[j++];
		out[k] = '\0';
		return true;
	}
	return false;
}

/* Does the text hold the RDF namespace IRI? */
static bool has_rdf_ns(const char *s, size_t len)
{
	size_t n = strlen(RDF_NS);
	for (size_t i = 0; i + n <= len; i++)
		if (s[i] == 'h' && memcmp(s + i, RDF_NS, n) == 0)
			return true;
	return false;
}

static bool one_of(const char *s, const char *const *list, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (strcmp(s, list[i]) == 0)
			return true;
	return false;
}

DcatitDocKind dcatit_sniff_doc(const char *data, size_t len, bool rdfxml, char *root,
                               size_t rootcap, unsigned long *line)
{
	const char *p = data, *end = data + len;
	unsigned long ln = 1;
	if (rootcap)
		root[0] = '\0';
	if (line)
		*line = 1;
	if (end - p >= 3 && memcmp(p, "\xEF\xBB\xBF", 3) == 0)
		p += 3;
	for (;;) {
		while (p < end && is_space(*p))
			ln += *p++ == '\n';
		if (p >= end || *p != '<')
			return DCATIT_DOC_MAYBE_RDF; /* Turtle, JSON, or nothing */
		if (dcatit_sniff_starts_ci(p, end, "<?")) {
			skip_past(&p, end, "?>", &ln);
		} else if (dcatit_sniff_starts_ci(p, end, "<!--")) {
			skip_past(&p, end, "-->", &ln);
		} else if (dcatit_sniff_starts_ci(p, end, "<!doctype html")) {
			if (line)
				*line = ln;
			return DCATIT_DOC_HTML;
		} else if (dcatit_sniff_starts_ci(p, end, "<!")) {
			/* a DOCTYPE, with an internal subset in brackets maybe */
			int depth = 0;
			for (; p < end; p++) {
				if (*p == '\n')
					ln++;
				else if (*p == '[')
					depth++;
				else if (*p == ']')
					depth--;
				else if (*p == '>' && depth <= 0)
					break;
			}
			p++;
		} else {
			break;
		}
	}
	if (line)
		*line = ln;
	/* the root element's start tag */
	const char *name = p + 1, *q = name;
	while (q < end && name_char(*q))
		q++;
	if (q == name || q >= end ||
	    !(is_space(*q) || *q == '>' || (*q == '/' && q + 1 < end && q[1] == '>')))
		return DCATIT_DOC_MAYBE_RDF; /* "<http://...>": an IRI, not a tag */
	size_t nlen = (size_t)(q - name);
	const char *tag_end = memchr(q, '>', (size_t)(end - q));
	size_t tlen = (size_t)((tag_end ? tag_end : end) - q);
	char full[128], prefix[64] = "", attr[80], ns[256] = "";
	if (nlen >= sizeof full)
		return DCATIT_DOC_MAYBE_RDF;
	memcpy(full, name, nlen);
	full[nlen] = '\0';
	if (rootcap) {
		size_t k = nlen < rootcap - 1 ? nlen : rootcap - 1;
		memcpy(root, full, k);
		root[k] = '\0';
	}
	const char *colon = strchr(full, ':');
	const char *local = colon ? colon + 1 : full;
	if (colon && (size_t)(colon - full) < sizeof prefix) {
		memcpy(prefix, full, (size_t)(colon - full));
		prefix[colon - full] = '\0';
		snprintf(attr, sizeof attr, "xmlns:%s", prefix);
	} else {
		snprintf(attr, sizeof attr, "xmlns");
	}
	attr_value(q, tlen, attr, ns, sizeof ns);
	if (!colon && (strcmp(full, "html") == 0 || strcmp(full, "HTML") == 0))
		return DCATIT_DOC_HTML;
	if (strcmp(ns, RDF_NS) == 0)
		return DCATIT_DOC_MAYBE_RDF;
	static const char *const caps[] = {"WMS_Capabilities", "WMT_MS_Capabilities",
	                                   "WFS_Capabilities", "WCS_Capabilities"};
	static const char *const exc[] = {"ExceptionReport", "ServiceExceptionReport"};
	static const char *const iso[] = {"MD_Metadata", "MI_Metadata", "GetRecordsResponse",
	                                  "GetRecordByIdResponse"};
	if (one_of(local, caps, sizeof caps / sizeof caps[0]) ||
	    (strcmp(local, "Capabilities") == 0 && strstr(ns, "opengis")))
		return DCATIT_DOC_OGC_CAPABILITIES;
	if (one_of(local, exc, sizeof exc / sizeof exc[0]))
		return DCATIT_DOC_OGC_EXCEPTION;
	if (one_of(local, iso, sizeof iso / sizeof iso[0]))
		return DCATIT_DOC_ISO19139;
	if ((strcmp(local, "feed") == 0 && strstr(ns, "Atom")) || strcmp(full, "rss") == 0)
		return DCATIT_DOC_FEED;
	/* RDF/XML may omit rdf:RDF (one node element at the top), but then it
	 * still declares the RDF namespace for its rdf: attributes */
	if (rdfxml && !has_rdf_ns(data, len))
		return DCATIT_DOC_XML;
	return DCATIT_DOC_MAYBE_RDF;
}

void dcatit_sniff_describe(DcatitDocKind k, const char *root, DcatitBuf *out)
{
	switch (k) {
	case DCATIT_DOC_MAYBE_RDF:
		break;
	case DCATIT_DOC_HTML:
		dcatit_buf_adds(out, _("this is an HTML page, not RDF: read the RDF the page links "
		                  "to (a catalog.rdf, .ttl or .jsonld export) instead; 'dcatit "
		                  "harvest' reads a CKAN portal through its API (a source of type: "
		                  "ckan)"));
		return;
	case DCATIT_DOC_OGC_CAPABILITIES:
		dcatit_buf_addf(out, _("this is an OGC service capabilities document (<%s>), not "
		                  "RDF: it describes a service, not datasets; 'dcatit harvest' reads "
		                  "the ISO 19139 records of a CSW catalogue service (a source of "
		                  "type: csw), and 'dcatit convert' and 'dcatit validate' read ISO "
		                  "19139 records saved as files"), root);
		return;
	case DCATIT_DOC_OGC_EXCEPTION:
		dcatit_buf_addf(out, _("this is an OGC service exception report (<%s>), not RDF: "
		                  "the service refused the request, its text says why"), root);
		return;
	case DCATIT_DOC_ISO19139:
		dcatit_buf_addf(out, _("this is ISO 19139 metadata (<%s>), not RDF: 'dcatit "
		                  "convert' and 'dcatit validate' map it to DCAT-AP_IT (do not name "
		                  "an RDF syntax for it), 'dcatit harvest' reads a CSW service (a "
		                  "source of type: csw)"), root);
		return;
	case DCATIT_DOC_FEED:
		dcatit_buf_addf(out, _("this is a news feed (<%s>), not RDF: read the catalogue's "
		                  "RDF (DCAT-AP_IT) export instead"), root);
		return;
	case DCATIT_DOC_XML:
		dcatit_buf_addf(out, _("this is XML whose root element is <%s>, not RDF/XML (no "
		                  "rdf:RDF and no RDF namespace): dcatit reads RDF (Turtle, RDF/XML, "
		                  "N-Triples, N-Quads, TriG, JSON-LD) and ISO 19139 metadata"), root);
		return;
	}
}
