/* iso.h: ISO 19139 / RNDT metadata records to DCAT-AP_IT + GeoDCAT-AP. One
 * mapping for every way GIS metadata comes in: `dcatit convert` of a file,
 * the CSW harvest source (which keeps the protocol: requests, paging) and
 * the `iso:` key of catalogue records. The mapping is reviewed in
 * tests/harvest_csw/REVIEW.md and measured against the European reference
 * mapping in tests/iso/. */
#ifndef DCATIT_ISO_H
#define DCATIT_ISO_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "rdf/model.h"
#include "rdf/term.h"

/* Called once per mapped record; record is borrowed for the call. A status
 * other than DCATIT_OK stops the reading and is returned. (The same type
 * as DcatitHarvestRecordFn, so a harvest callback can be passed as is.) */
typedef DcatitStatus (*DcatitIsoRecordFn)(void *ud, const char *record_id,
                                          DcatitModel *record, DcatitDiag *d);

/* Mapping options; zero-initialise, 0/NULL = default. */
typedef struct {
	const char *base_iri;      /* base of minted IRIs ("urn:dcatit:csw:") */
	const char *default_publisher;     /* IPA code for records without one */
	const char *default_rights_holder; /* IPA code for records without one */
	DcatitTerms *terms;        /* store of the record models (borrowed);
	                              NULL: a private store per document */
	const char *resource_iri;  /* the resource's IRI (distributions and
	                              services are minted under it); NULL:
	                              base_iri + the fileIdentifier */
} DcatitIsoOpts;

/* What a read saw of a document (the CSW envelope around the records). */
typedef struct {
	bool csw_only;            /* in: the root must be a GetRecordsResponse
	                             (or an ows:ExceptionReport) */
	unsigned long limit;      /* in: stop after this many records (0: none) */
	unsigned long matched;    /* out: numberOfRecordsMatched, if has_matched */
	unsigned long returned;   /* out: numberOfRecordsReturned */
	unsigned long next;       /* out: nextRecord, if has_next */
	bool has_matched, has_next;
	unsigned long records;    /* out: records passed to fn */
	unsigned long skipped;    /* out: results that are not ISO records
	                             (csw:Record), not passed on */
} DcatitIsoDocInfo;

/* Map an XML document (a bare gmd:MD_Metadata / gmi:MI_Metadata, a CSW
 * GetRecordsResponse or GetRecordByIdResponse) to DCAT-AP_IT: one fn call
 * per record with a fresh model (triples located at docname:line);
 * record_id is the fileIdentifier, or "nofileid-<hash of title and
 * abstract>" without one. Non-ISO children of a response (csw:Record) are
 * skipped. opts and info may be NULL. Errors: DCATIT_ERR_SYNTAX located in
 * d for malformed XML or a document declaring entities (records before the
 * error may have been passed to fn), DCATIT_ERR_REMOTE for an
 * ows:ExceptionReport, DCATIT_ERR_UNSUPPORTED for another root element (or
 * DCATIT_ERR_SYNTAX with info->csw_only), or fn's own status. */
DcatitStatus dcatit_iso_read(const char *xml, size_t len, const char *docname,
                             const DcatitIsoOpts *opts, DcatitIsoDocInfo *info,
                             DcatitIsoRecordFn fn, void *ud, DcatitDiag *d);

/* dcatit_iso_read of the whole file at path ("-": standard input), named
 * docname in triples and messages (NULL: path, or "<stdin>");
 * DCATIT_ERR_IO when it cannot be read. */
DcatitStatus dcatit_iso_read_file(const char *path, const char *docname,
                                  const DcatitIsoOpts *opts, DcatitIsoDocInfo *info,
                                  DcatitIsoRecordFn fn, void *ud, DcatitDiag *d);

/* Does the start of this buffer look like ISO 19139 or CSW XML (a root
 * element MD_Metadata, MI_Metadata, GetRecordsResponse,
 * GetRecordByIdResponse)? A cheap sniff for `convert`, no parse. */
bool dcatit_iso_is_iso_xml(const char *buf, size_t len);

#endif
