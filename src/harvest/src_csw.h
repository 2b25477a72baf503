/* src_csw.h: harvest source for OGC CSW 2.0.2 catalogues (GeoNetwork,
 * RNDT): the protocol (requests, paging, error answers). The ISO 19139 /
 * RNDT records of each answer are read and mapped to DCAT-AP_IT +
 * GeoDCAT-AP by src/iso (iso/iso.h). */
#ifndef DCATIT_SRC_CSW_H
#define DCATIT_SRC_CSW_H

#include <stdbool.h>
#include <stddef.h>

#include "base/status.h"
#include "net/http.h"
#include "rdf/model.h"
#include "rdf/term.h"

/* The record callback of src/harvest/harvest.h, repeated here (C11 allows
 * the identical typedef twice) so this module does not depend on the
 * driver. */
#ifndef DCATIT_HARVEST_RECORD_FN
#define DCATIT_HARVEST_RECORD_FN
/* Called once per harvested record; record is borrowed for the call. A
 * status other than DCATIT_OK stops the harvest and is returned. */
typedef DcatitStatus (*DcatitHarvestRecordFn)(void *ud, const char *record_id,
                                              DcatitModel *record,
                                              DcatitDiag *d);
#endif

/* A CSW source and the mapping options; zero-initialise, 0/NULL = default. */
typedef struct {
	const char *url;           /* CSW endpoint (http/https) */
	const char *constraint;    /* OGC CQL text constraint, NULL: all records */
	unsigned page_size;        /* maxRecords per request (50, capped at 500) */
	bool use_get;              /* KVP GET instead of a POST XML body */
	unsigned max_pages;        /* stop after this many pages (10000) */
	unsigned long max_records; /* stop after this many records (0: no cap) */
	const char *default_publisher;     /* IPA code for records without one */
	const char *default_rights_holder; /* IPA code for records without one */
	const char *base_iri;      /* base of minted IRIs ("urn:dcatit:csw:") */
	DcatitTerms *terms;        /* store of the record models (borrowed);
	                              NULL: a private store per document */
} DcatitCswSource;

/* What a harvest saw. */
typedef struct {
	unsigned pages;               /* GetRecords answers read */
	unsigned long matched;        /* numberOfRecordsMatched of the first page */
	unsigned long records;        /* records passed to the callback */
	unsigned long skipped;        /* results that are not ISO records
	                                 (csw:Record), not passed on */
} DcatitCswStats;

/* Harvest every record of src: CSW 2.0.2 GetRecords (POST XML body, or
 * KVP GET with use_get; outputSchema gmd, ElementSetName full, the CQL
 * constraint if any) paged by startPosition/nextRecord, one fn call per
 * record, each page submitted and run synchronously on h. Stops on
 * nextRecord 0 or past numberOfRecordsMatched, an empty page, or
 * max_records. Errors (d says which page): ExceptionReport or HTTP >= 400
 * -> DCATIT_ERR_REMOTE, nextRecord not moving forward (a loop) ->
 * DCATIT_ERR_REMOTE, an HTML page, malformed XML or another root ->
 * DCATIT_ERR_SYNTAX, transport -> DCATIT_ERR_NETWORK, max_pages reached ->
 * DCATIT_ERR_LIMIT. Records delivered before an error stay delivered: treat
 * any error as a fetch cut short. st may be NULL. */
DcatitStatus dcatit_csw_harvest(DcatitHttp *h, const DcatitCswSource *src,
                                DcatitHarvestRecordFn fn, void *ud,
                                DcatitCswStats *st, DcatitDiag *d);

#endif
