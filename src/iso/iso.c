/* iso.c: the public face of the ISO 19139 mapping: read a document (a
 * record or a CSW answer), map each record into a fresh model and hand it
 * to the caller; and the cheap sniff `convert` uses to recognise ISO XML. */
#include "iso/iso.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "base/buf.h"
#include "iso/internal.h"

typedef struct {
	IsoMap x;
	const char *docname;
	DcatitIsoRecordFn fn;
	void *ud;
} Doc;

/* Map one expanded record subtree into a fresh model and hand it on. */
static DcatitStatus on_record(void *ud, const IsoNode *rec, unsigned n,
                              DcatitDiag *d)
{
	(void)n;
	Doc *doc = ud;
	IsoMap *x = &doc->x;
	x->m = dcatit_model_new(x->t);
	x->src = x->m ? dcatit_model_add_source(x->m, doc->docname) : 0;
	DcatitStatus st;
	if (!x->m || !x->src) {
		st = dcatit_diag_set(d, DCATIT_ERR_NOMEM, doc->docname, 0, 0, "%s",
		                     dcatit_strerror(DCATIT_ERR_NOMEM));
	} else {
		x->oom = false;
		const char *id = NULL;
		char idbuf[32];
		st = iso_map_record(x, rec, doc->docname, &id, idbuf, sizeof idbuf, d);
		if (st == DCATIT_OK)
			st = doc->fn(doc->ud, id, x->m, d);
	}
	dcatit_model_free(x->m);
	x->m = NULL;
	iso_pool_reset(&x->pool);
	return st;
}

DcatitStatus dcatit_iso_read(const char *xml, size_t len, const char *docname,
                             const DcatitIsoOpts *opts, DcatitIsoDocInfo *info,
                             DcatitIsoRecordFn fn, void *ud, DcatitDiag *d)
{
	static const DcatitIsoOpts none = { 0 };
	if (!docname)
		docname = "<xml>";
	if (!xml || !fn)
		return dcatit_diag_set(d, DCATIT_ERR_USAGE, docname, 0, 0,
		                       "no document or no record callback");
	Doc doc;
	memset(&doc, 0, sizeof doc);
	doc.docname = docname;
	doc.fn = fn;
	doc.ud = ud;
	doc.x.o = opts ? opts : &none;
	doc.x.t = doc.x.o->terms;
	DcatitTerms *own = NULL;
	if ((!doc.x.t && !(doc.x.t = own = dcatit_terms_new())) ||
	    !iso_vocab_init(&doc.x.v, doc.x.t)) {
		dcatit_terms_free(own);
		return dcatit_diag_set(d, DCATIT_ERR_NOMEM, docname, 0, 0, "%s",
		                       dcatit_strerror(DCATIT_ERR_NOMEM));
	}
	IsoDocInfo in;
	memset(&in, 0, sizeof in);
	in.csw_only = info && info->csw_only;
	in.limit = info ? info->limit : 0;
	DcatitStatus st = iso_xml_read(xml, len, docname, &in, on_record, &doc, d);
	if (info) {
		info->matched = in.matched;
		info->returned = in.returned;
		info->next = in.next;
		info->has_matched = in.has_matched;
		info->has_next = in.has_next;
		info->records = in.records;
		info->skipped = in.skipped;
	}
	iso_pool_free(&doc.x.pool);
	dcatit_terms_free(own);
	return st;
}

DcatitStatus dcatit_iso_read_file(const char *path, const char *docname,
                                  const DcatitIsoOpts *opts, DcatitIsoDocInfo *info,
                                  DcatitIsoRecordFn fn, void *ud, DcatitDiag *d)
{
	bool std = strcmp(path, "-") == 0;
	if (!docname)
		docname = std ? "<stdin>" : path;
	DcatitBuf b;
	dcatit_buf_init(&b);
	int err = 0;
	DcatitStatus st = std ? dcatit_buf_read_stream(&b, stdin, &err)
	                      : dcatit_buf_read_file(&b, path, &err);
	if (st == DCATIT_ERR_IO)
		st = dcatit_diag_set(d, st, NULL, 0, 0, "cannot read '%s': %s", docname,
		                     strerror(err));
	else if (st != DCATIT_OK)
		st = dcatit_diag_set(d, st, docname, 0, 0, "%s", dcatit_strerror(st));
	else
		st = dcatit_iso_read(b.data ? b.data : "", b.len, docname, opts, info, fn, ud, d);
	dcatit_buf_release(&b);
	return st;
}

bool dcatit_iso_is_iso_xml(const char *buf, size_t len)
{
	/* the first start tag that is not <?...?> or <!...> */
	size_t i = 0;
	while (i < len) {
		while (i < len && buf[i] != '<')
			i++;
		if (i + 1 >= len)
			return false;
		if (buf[i + 1] == '?' || buf[i + 1] == '!') {
			i++;
			continue;
		}
		size_t s = i + 1, e = s;
		while (e < len && !isspace((unsigned char)buf[e]) && buf[e] != '>' &&
		       buf[e] != '/')
			e++;
		const char *colon = memchr(buf + s, ':', e - s);
		size_t ls = colon ? (size_t)(colon - buf) + 1 : s;
		static const char *const roots[] = { "MD_Metadata", "MI_Metadata",
		                                     "GetRecordsResponse",
		                                     "GetRecordByIdResponse" };
		for (size_t k = 0; k < sizeof roots / sizeof *roots; k++)
			if (e - ls == strlen(roots[k]) && memcmp(buf + ls, roots[k], e - ls) == 0)
				return true;
		return false;
	}
	return false;
}
