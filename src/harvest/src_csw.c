/* src_csw.c: harvest source for OGC CSW 2.0.2 catalogues (GeoNetwork,
 * RNDT): GetRecords requests (POST XML body or KVP GET), paging by
 * startPosition / nextRecord with loop and page caps, and the answers that
 * are not CSW XML (HTML pages, HTTP errors). The records in an answer are
 * read and mapped by src/iso. */
#include "harvest/src_csw.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "base/buf.h"
#include "base/i18n.h"
#include "iso/iso.h"

/* 50 records a page is GeoNetwork's own default for its UI; 500 keeps one
 * answer of full ISO records well under the HTTP body cap. */
#define DEFAULT_PAGE 50
#define MAX_PAGE 500
#define DEFAULT_MAX_PAGES 10000

typedef struct {
	DcatitBuf body;
	long status;
	DcatitStatus st;
	char error[256];
	char ctype[128];
	bool done;
} Answer;

static void on_done(void *ud, const DcatitHttpResponse *r)
{
	Answer *a = ud;
	a->done = true;
	a->st = r->st;
	a->status = r->status;
	if (r->error)
		snprintf(a->error, sizeof a->error, "%s", r->error);
	if (r->content_type)
		snprintf(a->ctype, sizeof a->ctype, "%s", r->content_type);
	if (r->body && r->body_len)
		dcatit_buf_add(&a->body, r->body, r->body_len);
}

/* XML-escape s into b. */
static void xml_esc(DcatitBuf *b, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '<': dcatit_buf_adds(b, "&lt;"); break;
		case '>': dcatit_buf_adds(b, "&gt;"); break;
		case '&': dcatit_buf_adds(b, "&amp;"); break;
		case '"': dcatit_buf_adds(b, "&quot;"); break;
		default: dcatit_buf_addc(b, *s);
		}
	}
}

/* Percent-encode s for a query string value. */
static void url_esc(DcatitBuf *b, const char *s)
{
	for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
		if (isalnum(*c) || strchr("-._~", *c))
			dcatit_buf_addc(b, (char)*c);
		else
			dcatit_buf_addf(b, "%%%02X", *c);
	}
}

#define GMD_NS "http://www.isotc211.org/2005/gmd"

static void post_body(DcatitBuf *b, const DcatitCswSource *src,
                      unsigned long start, unsigned page)
{
	dcatit_buf_addf(b,
	    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
	    "<csw:GetRecords xmlns:csw=\"http://www.opengis.net/cat/csw/2.0.2\" "
	    "xmlns:gmd=\"" GMD_NS "\" service=\"CSW\" version=\"2.0.2\" "
	    "resultType=\"results\" startPosition=\"%lu\" maxRecords=\"%u\" "
	    "outputSchema=\"" GMD_NS "\" outputFormat=\"application/xml\">\n"
	    "  <csw:Query typeNames=\"gmd:MD_Metadata\">\n"
	    "    <csw:ElementSetName>full</csw:ElementSetName>\n", start, page);
	if (src->constraint) {
		dcatit_buf_adds(b, "    <csw:Constraint version=\"1.1.0\"><csw:CqlText>");
		xml_esc(b, src->constraint);
		dcatit_buf_adds(b, "</csw:CqlText></csw:Constraint>\n");
	}
	dcatit_buf_adds(b, "  </csw:Query>\n</csw:GetRecords>\n");
}

static void get_url(DcatitBuf *b, const DcatitCswSource *src,
                    unsigned long start, unsigned page)
{
	dcatit_buf_adds(b, src->url);
	dcatit_buf_adds(b, strchr(src->url, '?') ? "&" : "?");
	dcatit_buf_adds(b, "service=CSW&version=2.0.2&request=GetRecords"
	                   "&typeNames=gmd:MD_Metadata&namespace=");
	url_esc(b, "xmlns(gmd=" GMD_NS ")");
	dcatit_buf_adds(b, "&resultType=results&elementSetName=full&outputSchema=");
	url_esc(b, GMD_NS);
	dcatit_buf_addf(b, "&startPosition=%lu&maxRecords=%u", start, page);
	if (src->constraint) {
		dcatit_buf_adds(b, "&constraintLanguage=CQL_TEXT"
		                   "&constraint_language_version=1.1.0&constraint=");
		url_esc(b, src->constraint);
	}
}

static bool icontains(const char *hay, const char *needle)
{
	size_t n = strlen(needle);
	for (const char *h = hay; *h; h++)
		if (strncasecmp(h, needle, n) == 0)
			return true;
	return false;
}

/* Does the body look like an HTML page rather than XML? */
static bool looks_html(const char *s, size_t n)
{
	size_t i = 0;
	if (n >= 3 && (unsigned char)s[0] == 0xEF && (unsigned char)s[1] == 0xBB &&
	    (unsigned char)s[2] == 0xBF)
		i = 3;
	while (i < n && isspace((unsigned char)s[i]))
		i++;
	return (n - i >= 9 && strncasecmp(s + i, "<!DOCTYPE", 9) == 0 &&
	        icontains(s + i + 9 < s + n ? s + i + 9 : "", "html")) ||
	       (n - i >= 5 && strncasecmp(s + i, "<html", 5) == 0);
}

DcatitStatus dcatit_csw_harvest(DcatitHttp *h, const DcatitCswSource *src,
                                DcatitHarvestRecordFn fn, void *ud,
                                DcatitCswStats *stats, DcatitDiag *d)
{
	DcatitCswStats dummy;
	DcatitCswStats *st_ = stats ? stats : &dummy;
	memset(st_, 0, sizeof *st_);
	if (!h || !src || !src->url || !fn)
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, NULL, 0, 0,
		                       "CSW harvest needs a client, a source URL and a "
		                       "record callback");
	if (!dcatit_http_url_is_allowed(src->url))
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, src->url, 0, 0,
		                       "CSW URL must be http or https");
	unsigned page = src->page_size ? src->page_size : DEFAULT_PAGE;
	if (page > MAX_PAGE)
		page = MAX_PAGE;
	unsigned max_pages = src->max_pages ? src->max_pages : DEFAULT_MAX_PAGES;
	unsigned long start = 1;
	DcatitStatus st = DCATIT_OK;
	for (;;) {
		if (st_->pages >= max_pages) {
			st = dcatit_diag_set(d, DCATIT_ERR_LIMIT, src->url, 0, 0,
			                     "CSW paging stopped after %u pages (page cap); "
			                     "next startPosition %lu", st_->pages, start);
			break;
		}
		DcatitBuf req;
		dcatit_buf_init(&req);
		DcatitHttpRequest r;
		memset(&r, 0, sizeof r);
		static const char *const hdr[] = { "Accept: application/xml, text/xml", NULL };
		r.headers = hdr;
		if (src->use_get) {
			get_url(&req, src, start, page);
			r.method = "GET";
			r.url = req.data;
		} else {
			post_body(&req, src, start, page);
			r.method = "POST";
			r.url = src->url;
			r.content_type = "application/xml";
			r.body = req.data;
			r.body_len = req.len;
		}
		if (req.oom) {
			dcatit_buf_release(&req);
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, src->url, 0, 0, "%s",
			                     dcatit_strerror(DCATIT_ERR_NOMEM));
			break;
		}
		Answer a;
		memset(&a, 0, sizeof a);
		dcatit_buf_init(&a.body);
		st = dcatit_http_submit(h, &r, on_done, &a, d);
		if (st == DCATIT_OK)
			st = dcatit_http_run(h, d);
		dcatit_buf_release(&req);
		char docname[600];
		snprintf(docname, sizeof docname, "%s#startPosition=%lu", src->url, start);
		if (st == DCATIT_OK && a.body.oom)
			st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
			                     dcatit_strerror(DCATIT_ERR_NOMEM));
		else if (st == DCATIT_OK && (!a.done || a.st != DCATIT_OK))
			st = dcatit_diag_set(d, a.st == DCATIT_ERR_LIMIT ? DCATIT_ERR_LIMIT
			                                                 : DCATIT_ERR_NETWORK,
			                     docname, 0, 0, "CSW request failed: %s",
			                     a.error[0] ? a.error : _("no response"));
		if (st != DCATIT_OK) {
			dcatit_buf_release(&a.body);
			break;
		}
		st_->pages++;
		const char *body = a.body.data ? a.body.data : "";
		if (looks_html(body, a.body.len)) {
			st = dcatit_diag_set(d, a.status >= 400 ? DCATIT_ERR_REMOTE : DCATIT_ERR_SYNTAX,
			                     docname, 0, 0,
			                     "the CSW answered an HTML page (HTTP %ld, %s), "
			                     "not CSW XML", a.status,
			                     a.ctype[0] ? a.ctype : _("no content type"));
			dcatit_buf_release(&a.body);
			break;
		}
		DcatitIsoOpts io;
		memset(&io, 0, sizeof io);
		io.base_iri = src->base_iri;
		io.default_publisher = src->default_publisher;
		io.default_rights_holder = src->default_rights_holder;
		io.terms = src->terms;
		DcatitIsoDocInfo info;
		memset(&info, 0, sizeof info);
		info.csw_only = true;
		if (src->max_records)
			info.limit = src->max_records - st_->records;
		st = dcatit_iso_read(body, a.body.len, docname, &io, &info, fn, ud, d);
		if (st == DCATIT_ERR_SYNTAX && a.status >= 400)
			st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, docname, 0, 0,
			                     "CSW answered HTTP %ld (%s)", a.status,
			                     a.ctype[0] ? a.ctype : _("no content type"));
		else if (st == DCATIT_OK && a.status >= 400)
			st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, docname, 0, 0,
			                     "CSW answered HTTP %ld", a.status);
		dcatit_buf_release(&a.body);
		st_->records += info.records;
		st_->skipped += info.skipped;
		if (st_->pages == 1)
			st_->matched = info.matched;
		if (st != DCATIT_OK)
			break;
		unsigned long got = info.records + info.skipped;
		if (src->max_records && st_->records >= src->max_records)
			break;
		unsigned long next = info.has_next ? info.next : start + got;
		unsigned long matched = info.has_matched ? info.matched : 0;
		if (next == 0 || (info.has_matched && next > matched) || got == 0)
			break;
		if (next <= start) {
			st = dcatit_diag_set(d, DCATIT_ERR_REMOTE, docname, 0, 0,
			                     "CSW paging loops: nextRecord %lu after "
			                     "startPosition %lu", next, start);
			break;
		}
		start = next;
	}
	return st;
}
