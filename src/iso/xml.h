/* xml.h: libxml2 behind a small interface, for src/iso only: a safe
 * streaming reader that hands over one ISO record subtree at a time and
 * reads the CSW envelope around it, and the element navigation the mapping
 * needs. xml.c is the only file of the program that includes libxml2. */
#ifndef DCATIT_ISO_XML_H
#define DCATIT_ISO_XML_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "base/buf.h"
#include "base/status.h"

/* An XML element of the record being mapped (libxml2's node, opaque);
 * valid until the record callback returns. */
typedef struct IsoNode IsoNode;

/* What the reader saw of a document. */
typedef struct {
	bool csw_only;            /* in: the root must be a GetRecordsResponse
	                             (or an ExceptionReport) */
	unsigned long limit;      /* in: stop after this many records (0: none) */
	unsigned long matched, returned, next; /* out: SearchResults attributes */
	bool has_matched, has_next;
	unsigned long records;    /* out: records passed to on_record */
	unsigned long skipped;    /* out: results that are not ISO records */
} IsoDocInfo;

/* Called for each ISO record (MD_Metadata / MI_Metadata) subtree; n counts
 * the results of the document from 1. A status other than DCATIT_OK stops
 * the read and is returned. */
typedef DcatitStatus (*IsoRecordFn)(void *ud, const IsoNode *rec, unsigned n,
                                    DcatitDiag *d);

/* Read a document with libxml2's streaming reader (no network, no DTD, no
 * entity substitution; a document declaring entities is refused), one
 * record subtree at a time, and call fn for every ISO record in it (a bare
 * record, a GetRecordsResponse, a GetRecordByIdResponse). Errors located in
 * d: DCATIT_ERR_SYNTAX (malformed XML, entities, another root with
 * csw_only), DCATIT_ERR_REMOTE (an ows:ExceptionReport, its code, locator
 * and text in the message), DCATIT_ERR_UNSUPPORTED (another root), or fn's
 * own status. Records before an error have been passed to fn already. */
DcatitStatus iso_xml_read(const char *xml, size_t len, const char *docname,
                          IsoDocInfo *info, IsoRecordFn fn, void *ud,
                          DcatitDiag *d);

/* Local name of an element ("" for NULL); borrowed. */
const char *iso_xml_name(const IsoNode *n);
/* Is n an element with this local name (any namespace)? */
bool iso_xml_is(const IsoNode *n, const char *local);
/* First element child named local (any namespace), or NULL. */
const IsoNode *iso_xml_kid(const IsoNode *n, const char *local);
/* Next sibling element with n's local name, or NULL. */
const IsoNode *iso_xml_next(const IsoNode *n);
/* First element child, whatever its name, or NULL. */
const IsoNode *iso_xml_first(const IsoNode *n);
/* Walk "a/b/c" by first matches from n; NULL when a step is missing. */
const IsoNode *iso_xml_path(const IsoNode *n, const char *path);
/* Source line of n (0 when unknown). */
uint32_t iso_xml_line(const IsoNode *n);
/* Append the direct text and CDATA children of n to b (never the content
 * of entity references, which are not substituted). */
void iso_xml_text(const IsoNode *n, DcatitBuf *b);
/* Length in bytes of the direct text and CDATA children of n. */
size_t iso_xml_text_len(const IsoNode *n);
/* Copy those texts to out (iso_xml_text_len(n) bytes, no NUL added). */
void iso_xml_text_copy(const IsoNode *n, char *out);
/* Value of attribute name (in namespace ns, NULL: no namespace) of n, or
 * NULL; caller frees. *oom is set when memory ran out. */
char *iso_xml_attr(const IsoNode *n, const char *name, const char *ns, bool *oom);
/* The same value borrowed from the tree when the attribute is one text
 * (the usual case: no entity reference in it); NULL when n has no such
 * attribute. *complex is set when it exists but needs iso_xml_attr. */
const char *iso_xml_attr_ref(const IsoNode *n, const char *name, const char *ns,
                             bool *complex);

/* for (const IsoNode *var = first child named local; var; next same) */
#define ISO_FOR_KIDS(var, parent, local) \
	for (const IsoNode *var = iso_xml_kid(parent, local); var; var = iso_xml_next(var))

#endif
