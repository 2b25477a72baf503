/* sniff.h: what a document is when it is not RDF, from its first bytes: an
 * HTML page, an OGC capabilities document or exception report, ISO 19139
 * metadata, a news feed, XML of another vocabulary. rdfio refuses such
 * input with this description (and the command that reads it) instead of
 * parsing it into an empty or absurd graph. JSON that is not JSON-LD is
 * recognised by the JSON-LD reader, which has the whole tree. */
#ifndef DCATIT_SNIFF_H
#define DCATIT_SNIFF_H

#include <stdbool.h>
#include <stddef.h>

#include "base/buf.h"

typedef enum {
	DCATIT_DOC_MAYBE_RDF = 0, /* nothing says it is not RDF */
	DCATIT_DOC_HTML,          /* a web page */
	DCATIT_DOC_OGC_CAPABILITIES, /* WMS/WFS/WCS/WMTS/CSW GetCapabilities */
	DCATIT_DOC_OGC_EXCEPTION, /* ows:ExceptionReport, ServiceExceptionReport */
	DCATIT_DOC_ISO19139,      /* gmd:MD_Metadata, a CSW GetRecords answer */
	DCATIT_DOC_FEED,          /* Atom or RSS */
	DCATIT_DOC_XML,           /* XML whose root is not RDF/XML */
} DcatitDocKind;

/* Does [p, end) start with word (lower case), case aside? */
bool dcatit_sniff_starts_ci(const char *p, const char *end, const char *word);

/* What the first len bytes of a document are. XML other than the kinds
 * above counts as DCATIT_DOC_XML only when rdfxml is set (the document was
 * to be read as RDF/XML) and neither its root element nor its first bytes
 * use the RDF namespace. root (rootcap bytes) gets the root element's
 * name when there is one, *line its line (1-based). */
DcatitDocKind dcatit_sniff_doc(const char *data, size_t len, bool rdfxml, char *root,
                               size_t rootcap, unsigned long *line);

/* Append a sentence saying what a document of kind k (root element root)
 * is and which dcatit command reads what it describes. */
void dcatit_sniff_describe(DcatitDocKind k, const char *root, DcatitBuf *out);

#endif
